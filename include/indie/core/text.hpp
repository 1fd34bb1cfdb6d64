#pragma once
/// Small string helpers shared by every layer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace indie {

std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// French typography for a sentence: a no-break space (U+00A0) before ':', '%' and '€' and inside
/// « », a narrow one (U+202F) before ';', '!' and '?', so a line never breaks there. Spaces
/// already there are replaced; none is added where there was none (URLs, times stay).
std::string french_spacing(std::string_view s);
/// `s` in double quotes with ", \, control characters escaped (\n, \t, \r, \u001f): a JSON
/// string and a TOML basic string alike.
std::string quoted_escaped(std::string_view s);
/// `s` as XML character data or an attribute value: & < > " escaped.
std::string xml_escaped(std::string_view s);
/// The same, appended to `out`.
void append_quoted_escaped(std::string& out, std::string_view s);
/// Columns a UTF-8 string takes on a terminal (one per code point, combining marks zero).
std::size_t display_width(std::string_view s);
/// How many characters (Unicode code points) the UTF-8 text `s` holds.
std::size_t code_points(std::string_view s);
/// True when `s` is valid UTF-8 with no control character (C0, DEL or C1).
bool is_printable_utf8(std::string_view s);
/// The offset of the first byte that is not valid UTF-8 (bad or truncated sequence, overlong
/// form, surrogate, above U+10FFFF), or none.
std::optional<std::size_t> invalid_utf8_at(std::string_view s);
/// The offset of the first control character in valid UTF-8 text other than tab, CR and LF:
/// C0, DEL or C1 (U+0080-U+009F). None when there is none.
std::optional<std::size_t> control_character_at(std::string_view s);
/// The code point of the control character at `offset` (as control_character_at found it).
std::uint32_t control_code_point(std::string_view s, std::size_t offset);
/// "line:column" (1-based, columns in bytes) of `offset` in `text`.
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace indie
