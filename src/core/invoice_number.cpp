#include "indie/core/invoice_number.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"

namespace indie {
namespace {

bool allowed_literal(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '/' || c == '+';
}

// Walks the pattern, calling on_literal(c) and on_token(name, width); throws on bad syntax.
template <typename Lit, typename Tok>
void walk(std::string_view p, Lit on_literal, Tok on_token) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] != '{') {
      if (!allowed_literal(p[i]))
        throw invalid_input(
            fmt::format("invoice number pattern '{}': character '{}' is not allowed; "
                        "numbers use letters, digits and - _ / +",
                        p, p[i]));
      on_literal(p[i]);
      continue;
    }
    const auto close = p.find('}', i);
    if (close == std::string_view::npos)
      throw invalid_input(fmt::format("invoice number pattern '{}': '{{' is never closed", p));
    const std::string_view tok = p.substr(i + 1, close - i - 1);
    if (tok == "YYYY" || tok == "YY" || tok == "MM" || tok == "SEQ") {
      on_token(tok, 1);
    } else if (tok.starts_with("SEQ:") && tok.size() == 5 && tok[4] >= '1' && tok[4] <= '9') {
      on_token(std::string_view("SEQ"), tok[4] - '0');
    } else {
      throw invalid_input(
          fmt::format("invoice number pattern '{}': unknown token {{{}}}; use {{YYYY}}, "
                      "{{YY}}, {{MM}}, {{SEQ}} or {{SEQ:4}}",
                      p, tok));
    }
    i = close;
  }
}

}  // namespace

void validate_number_pattern(std::string_view pattern) {
  int seqs = 0;
  walk(
      pattern, [](char) {}, [&](std::string_view tok, int) { seqs += tok == "SEQ"; });
  if (seqs != 1)
    throw invalid_input(
        fmt::format("invoice number pattern '{}' must contain {{SEQ}} exactly once "
                    "(e.g. F{{YYYY}}-{{SEQ:4}})",
                    pattern));
  const std::string longest = format_invoice_number(pattern, 2099, 12, 999999);
  if (longest.size() > 35)
    throw invalid_input(
        fmt::format("invoice number pattern '{}' makes numbers like {} ({} characters); "
                    "French rules allow at most 35",
                    pattern, longest, longest.size()));
}

std::string format_invoice_number(std::string_view pattern, int year, unsigned month,
                                  std::int64_t seq) {
  std::string out;
  walk(
      pattern, [&](char c) { out += c; },
      [&](std::string_view tok, int width) {
        if (tok == "YYYY")
          out += fmt::format("{:04}", year);
        else if (tok == "YY")
          out += fmt::format("{:02}", year % 100);
        else if (tok == "MM")
          out += fmt::format("{:02}", month);
        else
          out += fmt::format("{:0{}}", seq, width);
      });
  return out;
}

}  // namespace indie
