// Mustache templates (kainjow mustache): finding them, and rendering the document model.
#include "indie/render/templates.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>

#include "builtin_templates.hpp"
#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "indie/store/files.hpp"

namespace indie {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr std::string_view kTemplateFormats[] = {"html", "md", "txt"};

// The model as Mustache data: null is false (a section skips it), numbers become text.
data to_data(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d{data::type::object};
      for (const auto& [key, value] : j.items()) d.set(key, to_data(value));
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& value : j) d.push_back(to_data(value));
      return d;
    }
    case nlohmann::json::value_t::string:
      return data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return data(false);
    default:
      return data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

std::string markdown_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// kainjow mustache 4.1 buffers each output line and drops a whitespace-only line that held a
// section tag, as the Mustache spec says of standalone tags, but only when the section renders:
// a skipped optional field leaves a blank line behind in text and Markdown. So each standalone
// section tag gets a companion section that always renders ({{#indie-line}}{{/indie-line}},
// true in the data), and its line goes whether the field is there or not. `origin` maps offsets
// back to the user's file for errors.
constexpr std::string_view kLineMark = "{{#indie-line}}{{/indie-line}}";

struct Prepared {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>>
      origin;  // (offset in text, offset in the source)
  std::size_t source_offset(std::size_t offset) const {
    std::size_t src = offset;
    for (const auto& [at, from] : origin)
      if (at <= offset) src = from + (offset - at);
    return src;
  }
};

Prepared prepare(const std::string& source) {
  Prepared p;
  std::size_t pos = 0;
  p.origin.emplace_back(0, 0);
  while (pos < source.size()) {
    std::size_t end = source.find('\n', pos);
    if (end == std::string::npos) end = source.size();
    const std::string_view line(source.data() + pos, end - pos);
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    const bool one_tag =
        first != std::string_view::npos && last - first >= 4 &&
        line.substr(first).starts_with("{{") && line.substr(0, last + 1).ends_with("}}") &&
        line.substr(first + 2, last - 1 - first - 2).find("}}") == std::string_view::npos;
    const char kind = one_tag ? line[first + 2] : '\0';
    p.text.append(line);
    if (kind == '#' || kind == '^' || kind == '/') {
      p.text.append(kLineMark);
      p.origin.emplace_back(p.text.size(), end);
    }
    if (end < source.size()) p.text += '\n';
    pos = end + 1;
  }
  return p;
}

// kainjow reports "Unclosed section "lines" at 1234" with a character offset: turn it into a
// line and column a person can go to.
std::string located(const std::string& message, const std::string& text, const std::string& origin,
                    const Prepared& prepared) {
  std::size_t line = 1, column = 1;
  const auto at = message.rfind(" at ");
  if (at != std::string::npos) {
    std::size_t offset = 0;
    try {
      offset = prepared.source_offset(std::stoul(message.substr(at + 4)));
    } catch (const std::exception&) {
      return fmt::format("{}: {}", origin, message);
    }
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n')
        ++line, column = 1;
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        ++column;
    }
    return fmt::format("{}:{}:{}: {}", origin, line, column, message.substr(0, at));
  }
  return fmt::format("{}: {}", origin, message);
}

bool looks_like_path(std::string_view s) {
  return s.find('/') != std::string_view::npos || s.find('.') != std::string_view::npos;
}

}  // namespace

DocFormat parse_doc_format(std::string_view text) {
  if (text == "pdf") return DocFormat::pdf;
  if (text == "html" || text == "htm") return DocFormat::html;
  if (text == "md" || text == "markdown") return DocFormat::md;
  if (text == "txt" || text == "text") return DocFormat::txt;
  if (text == "json") return DocFormat::json;
  if (text == "cii" || text == "xml") return DocFormat::cii;
  if (text == "facturx" || text == "factur-x") return DocFormat::facturx;
  throw invalid_input(fmt::format(
      "unknown document format '{}': use pdf, html, md, txt, json, cii or facturx", text));
}

std::string_view extension(DocFormat f) {
  switch (f) {
    case DocFormat::pdf:
      return "pdf";
    case DocFormat::html:
      return "html";
    case DocFormat::md:
      return "md";
    case DocFormat::txt:
      return "txt";
    case DocFormat::json:
      return "json";
    case DocFormat::cii:
      return "xml";
    case DocFormat::facturx:
      return "pdf";
  }
  return "";
}

const std::string_view* builtin_template(std::string_view name, DocFormat format) {
  const std::string file = fmt::format("{}.{}", name, extension(format));
  for (const auto& t : builtin_templates())
    if (t.file == file) return &t.text;
  return nullptr;
}

std::vector<TemplateInfo> list_templates(const std::string& user_dir) {
  std::map<std::pair<std::string, std::string>, std::string> found;
  for (const auto& t : builtin_templates()) {
    const fs::path p(std::string(t.file));
    found[{p.stem().string(), p.extension().string().substr(1)}] = "built-in";
  }
  std::error_code ec;
  if (!user_dir.empty() && fs::is_directory(user_dir, ec)) {
    for (const auto& entry : fs::directory_iterator(user_dir, ec)) {
      const fs::path& p = entry.path();
      const std::string ext = p.extension().string();
      if (ext.size() < 2 || !entry.is_regular_file(ec)) continue;
      if (std::find(std::begin(kTemplateFormats), std::end(kTemplateFormats), ext.substr(1)) ==
          std::end(kTemplateFormats))
        continue;
      found[{p.stem().string(), ext.substr(1)}] = p.string();
    }
  }
  std::vector<TemplateInfo> out;
  for (const auto& [key, origin] : found) out.push_back({key.first, key.second, origin});
  return out;
}

namespace {
// A user's template, refused whole when it is not UTF-8 (a document must never carry bytes
// that are not text).
std::string read_template(const std::string& path) {
  std::string text = read_file(path);
  if (const auto bad = invalid_utf8_at(text))
    throw invalid_input(fmt::format("{}:{}: byte 0x{:02X} is not UTF-8; save the template as UTF-8",
                                    path, line_column(text, *bad),
                                    static_cast<unsigned char>(text[*bad])));
  return text;
}
}  // namespace

TemplateSource find_template(std::string_view name_or_path, DocFormat format,
                             const std::string& user_dir) {
  if (looks_like_path(name_or_path)) {
    const std::string path(name_or_path);
    std::error_code ec;
    if (!fs::exists(path, ec)) throw not_found(fmt::format("no template file {}", path));
    return {fs::path(path).filename().string(), path, read_template(path)};
  }
  const std::string name(name_or_path);
  const fs::path user = fs::path(user_dir) / fmt::format("{}.{}", name, extension(format));
  std::error_code ec;
  if (!user_dir.empty() && fs::exists(user, ec))
    return {name, user.string(), read_template(user.string())};
  if (const auto* text = builtin_template(name, format))
    return {name, "built-in", std::string(*text)};

  std::vector<std::string> names;
  for (const auto& t : list_templates(user_dir))
    if (t.format == extension(format) &&
        std::find(names.begin(), names.end(), t.name) == names.end())
      names.push_back(t.name);
  throw not_found(
      fmt::format("no {} template named '{}'.{} Templates for {}: {}. See: indie template list",
                  extension(format), name, did_you_mean(name, names), extension(format),
                  fmt::join(names, ", ")));
}

std::string render_template(const TemplateSource& t, DocFormat format,
                            const nlohmann::ordered_json& model) {
  const Prepared prepared = prepare(t.text);
  mustache tmpl{prepared.text};
  if (!tmpl.is_valid())
    throw invalid_input(located(tmpl.error_message(), t.text, t.origin, prepared));
  if (format == DocFormat::md)
    tmpl.set_custom_escape(markdown_escape);
  else if (format == DocFormat::txt)
    tmpl.set_custom_escape([](const std::string& s) { return s; });
  data d = to_data(model);
  d.set("indie-line", data(true));
  std::string out = tmpl.render(d);
  if (!tmpl.is_valid())
    throw invalid_input(located(tmpl.error_message(), t.text, t.origin, prepared));
  return out;
}

}  // namespace indie
