// indie::render_pdf, through the PDF module. pango, cairo, harfbuzz, glib, fontconfig and
// freetype are forty shared libraries; resolving their symbols was three quarters of the start
// of every command (issue 19). They now live in indie-pdf.so, beside the binary in the build
// tree and in <libdir>/indie once installed, loaded the first time a PDF is rendered.
#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "indie/core/error.hpp"
#include "indie/render/pdf.hpp"
#include "pdf_module_abi.h"

namespace indie {
namespace {

constexpr const char* kModuleName = "indie-pdf.so";

// The directory of the running binary (not of argv[0], which may be a bare name on PATH).
std::filesystem::path binary_directory() {
  std::array<char, 4096> buf{};
  const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  return std::filesystem::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path();
}

// Beside the binary (the build tree), then where `cmake --install` puts it relative to the
// binary's directory (INDIE_PDF_MODULE_DIR, e.g. ../lib/x86_64-linux-gnu/indie).
std::vector<std::filesystem::path> candidates() {
  const auto dir = binary_directory();
  return {dir / kModuleName, (dir / INDIE_PDF_MODULE_DIR / kModuleName).lexically_normal()};
}

struct Module {
  IndiePdfRender render = nullptr;
  IndiePdfFree free = nullptr;
};

const Module& module() {
  static const Module loaded = [] {
    std::string tried;
    for (const auto& path : candidates()) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        tried += (tried.empty() ? "" : " or ") + path.string();
        continue;
      }
      void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr)
        throw storage_error(fmt::format(
            "PDF output needs indie's PDF module, and {} cannot be loaded: {}. Install the "
            "libraries it names (libpango, libcairo), or render to html, md or txt",
            path.string(), ::dlerror()));
      Module m;
      m.render = reinterpret_cast<IndiePdfRender>(::dlsym(handle, INDIE_PDF_ENTRY));
      m.free = reinterpret_cast<IndiePdfFree>(::dlsym(handle, INDIE_PDF_FREE));
      if (m.render == nullptr || m.free == nullptr)
        throw storage_error(fmt::format(
            "{} is not the PDF module of this indie (no {}): reinstall indie with cmake --install",
            path.string(), INDIE_PDF_ENTRY));
      return m;  // kept loaded until the process ends
    }
    throw storage_error(fmt::format(
        "PDF output needs indie's PDF module, which is missing: no {}. It is built and installed "
        "with indie (cmake --build, cmake --install); meanwhile render to html, md or txt",
        tried));
  }();
  return loaded;
}

}  // namespace

PdfDocument render_pdf(const nlohmann::ordered_json& doc, const PdfOptions& options) {
  const Module& m = module();
  const std::string json = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const IndiePdfRequest request{json.data(), json.size(), options.logo.c_str(),
                                options.created_at.c_str(), options.creator.c_str()};
  IndiePdfResult result;
  const int rc = m.render(&request, &result);
  PdfDocument pdf;
  std::string message;
  int kind = result.error_kind;
  if (rc == 0) {
    pdf.bytes.assign(result.bytes, result.size);
    pdf.pages = result.pages;
  } else {
    message = result.message != nullptr ? result.message : "the PDF module failed";
  }
  m.free(&result);
  if (rc == 0) return pdf;
  if (kind >= 0 && kind <= static_cast<int>(ErrorKind::usage))
    throw Error(static_cast<ErrorKind>(kind), message);
  throw std::runtime_error(message);  // an internal error, reported as such by main
}

}  // namespace indie
