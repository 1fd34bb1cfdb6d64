#include "indie/core/encoding.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// Windows-1252's characters for 0x80-0x9F (0: no character there).
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The UTF-8 character starting at `at` of valid UTF-8 text.
std::string_view character_at(std::string_view s, std::size_t at) {
  const auto lead = static_cast<unsigned char>(s[at]);
  const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return s.substr(at, n);
}

// The offset of the first multi-byte UTF-8 sequence of `s`, if `s` is valid UTF-8.
std::optional<std::size_t> first_utf8_sequence(std::string_view s) {
  if (invalid_utf8_at(s)) return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  return std::nullopt;
}

}  // namespace

std::string windows1252_to_utf8(std::string_view in, std::string_view source) {
  if (const auto at = first_utf8_sequence(in))
    throw invalid_input(
        fmt::format("{}:{}: the file is UTF-8 (it holds '{}'), but the rules say csv.encoding = "
                    "\"windows-1252\"; set encoding = \"utf-8\" in [csv]",
                    source, line_column(in, *at), character_at(in, *at)));
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    char32_t code = c;
    if (c >= 0x80 && c < 0xA0) {
      code = kWindows1252High[c - 0x80];
      if (code == 0)
        throw invalid_input(fmt::format(
            "{}:{}: byte 0x{:02X} is no character in Windows-1252 (nor in latin-1, where it is "
            "a control code); check csv.encoding in the rules, or the file",
            source, line_column(in, i), c));
    }
    append_utf8(out, code);
  }
  return out;
}

}  // namespace indie
