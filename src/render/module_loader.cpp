#include "module_loader.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "indie/core/error.hpp"

namespace indie {
namespace {

// The directory of the running binary (not of argv[0], which may be a bare name on PATH).
std::filesystem::path binary_directory() {
  std::array<char, 4096> buf{};
  const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  return std::filesystem::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path();
}

}  // namespace

void* load_module(const char* file, std::string_view needed_for, std::string_view meanwhile) {
  const auto dir = binary_directory();
  const std::vector<std::filesystem::path> candidates = {
      dir / file, (dir / INDIE_MODULE_DIR / file).lexically_normal()};
  std::string tried;
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried += (tried.empty() ? "" : " or ") + path.string();
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr)
      throw storage_error(fmt::format(
          "{} needs indie's module {}, which cannot be loaded: {}. Install the libraries it "
          "names; meanwhile {}",
          needed_for, path.string(), ::dlerror(), meanwhile));
    return handle;  // kept loaded until the process ends
  }
  throw storage_error(fmt::format(
      "{} needs indie's module {}, which is missing: no {}. It is built and installed with "
      "indie (cmake --build, cmake --install); meanwhile {}",
      needed_for, file, tried, meanwhile));
}

void* module_symbol(void* handle, const char* file, const char* name) {
  void* symbol = ::dlsym(handle, name);
  if (symbol == nullptr)
    throw storage_error(fmt::format(
        "{} is not the module of this indie (no {}): reinstall indie with cmake --install", file,
        name));
  return symbol;
}

}  // namespace indie
