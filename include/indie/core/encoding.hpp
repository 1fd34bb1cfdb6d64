#pragma once
/// Text in the single-byte encoding banks still export in, made UTF-8.
#include <string>
#include <string_view>

namespace indie {

/// Windows-1252 to UTF-8, which is also how files called latin-1 should be read (€ is 0x80,
/// — 0x97). Throws invalid_input as "<source>:<line>:<column>: …" for a byte Windows-1252
/// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D: invisible control codes in latin-1) and for
/// a file that is in fact UTF-8, naming its first non-ASCII character.
std::string windows1252_to_utf8(std::string_view in, std::string_view source);

}  // namespace indie
