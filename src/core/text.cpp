#include "indie/core/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace indie {

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string french_spacing(std::string_view s) {
  constexpr std::string_view nbsp = "\u00A0", narrow = "\u202F";
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i);
    if (s[i] == ' ' && i + 1 < s.size()) {
      const std::string_view next = s.substr(i + 1);
      if (next.starts_with(":") || next.starts_with("€") || next.starts_with("»") ||
          next.starts_with("%")) {
        out += nbsp;
        continue;
      }
      if (next.starts_with(";") || next.starts_with("!") || next.starts_with("?")) {
        out += narrow;
        continue;
      }
    }
    if (rest.starts_with("« ")) {
      out += "«";
      out += nbsp;
      i += std::string_view("« ").size() - 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string xml_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  return out;
}

std::string quoted_escaped(std::string_view s) {
  std::string out;
  append_quoted_escaped(out, s);
  return out;
}

void append_quoted_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Which bytes JSON escapes: C0 controls, the quote and the backslash.
  static constexpr auto kEscaped = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
    t['"'] = t['\\'] = true;
    return t;
  }();
  out += '"';
  // Runs of characters that need no escape go in whole: most text has none to escape, and a
  // character at a time was a fifth of a 100,000-entry JSON export.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!kEscaped[c]) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {
// Decodes one code point at s[i], advancing i; returns -1 on malformed UTF-8: a bad lead or
// continuation byte, a truncated sequence, an overlong encoding (C0 80 for NUL), a UTF-16
// surrogate (ED A0 80) or a code point above U+10FFFF (RFC 3629 §3).
std::int32_t decode(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const int len = b0 < 0x80           ? 1
                  : (b0 >> 5) == 0x6  ? 2
                  : (b0 >> 4) == 0xE  ? 3
                  : (b0 >> 3) == 0x1E ? 4
                                      : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return -1;
  }
  std::int32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  constexpr std::int32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kLeast[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++i;
    return -1;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}
}  // namespace

std::size_t display_width(std::string_view s) {
  // Most table cells are ASCII: one column per byte.
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return s.size();
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::int32_t cp = decode(s, i);
    if (cp >= 0x0300 && cp <= 0x036F) continue;  // combining diacritics take no column
    // East Asian wide ranges (CJK, Hangul, full-width forms) take two columns.
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF))
      width += 2;
    else
      width += 1;
  }
  return width;
}

bool is_printable_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::int32_t cp = decode(s, i);
    // Malformed, C0 controls, DEL and the C1 controls (U+0080-U+009F: a Windows-1252 file
    // read as Latin-1 turns "€" into one of them).
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return false;
  }
  return true;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
  // ASCII runs are checked a byte at a time without decoding: most input is ASCII.
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    if (decode(s, i) < 0) return at;
  }
  return std::nullopt;
}

std::optional<std::size_t> control_character_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return i;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return i;
  }
  return std::nullopt;
}

std::uint32_t control_code_point(std::string_view s, std::size_t offset) {
  const auto b = static_cast<unsigned char>(s[offset]);
  if (b == 0xC2 && offset + 1 < s.size()) return static_cast<unsigned char>(s[offset + 1]);
  return b;
}

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  return std::to_string(line) + ":" + std::to_string(offset - start + 1);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace indie
