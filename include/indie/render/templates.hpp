#pragma once
/// Invoice templates: Mustache files, built in or the user's, rendered with the document model.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace indie {

/// What `invoice render --to` can write.
/// cii: the e-invoice XML (UN/CEFACT CII, EN 16931); facturx: the PDF/A-3 carrying it. For
/// invoices only.
enum class DocFormat { pdf, html, md, txt, json, cii, facturx };
/// "pdf", "html", "md" (or "markdown"), "txt" (or "text"), "json", "cii" (or "xml"); throws
/// invalid_input.
DocFormat parse_doc_format(std::string_view text);
std::string_view extension(DocFormat f);  ///< "pdf", "html", "md", "txt", "json", "xml"

struct TemplateSource {
  std::string name;    ///< "classic", or the file's name for a path
  std::string origin;  ///< "built-in" or the file it was read from
  std::string text;
};

/// The template for `format`. A name (`classic`) is looked up as NAME.EXT in `user_dir` first,
/// then among the built-in templates; anything with a '/' or a dot is a path, read as is.
/// Throws not_found listing the templates there are, or invalid_input for an unreadable file.
TemplateSource find_template(std::string_view name_or_path, DocFormat format,
                             const std::string& user_dir);

struct TemplateInfo {
  std::string name;
  std::string format;  ///< "html", "md", "txt"
  std::string origin;  ///< "built-in" or the user's file (which hides a built-in of that name)
};
/// Every template: the user's and the built-in ones, by name then format.
std::vector<TemplateInfo> list_templates(const std::string& user_dir);
/// A built-in template's text; nullptr when there is none for that name and format.
const std::string_view* builtin_template(std::string_view name, DocFormat format);

/// Renders `t` with `data`. HTML templates escape every {{value}} for HTML, Markdown ones escape
/// Markdown's punctuation, text ones nothing; {{{value}}} never escapes. Throws invalid_input as
/// "FILE:LINE:COLUMN: what is wrong" on a syntax error.
std::string render_template(const TemplateSource& t, DocFormat format,
                            const nlohmann::ordered_json& data);

}  // namespace indie
