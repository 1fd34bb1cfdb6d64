#pragma once
// The bank rules shipped with indie (examples/rules/, embedded by cmake/embed_files.cmake), so
// `indie account import --rules wise` works wherever the binary is.
#include <span>
#include <string_view>

namespace indie {

struct BuiltinRules {
  std::string_view file;  ///< "wise.toml"
  std::string_view text;
};

std::span<const BuiltinRules> builtin_rules();

}  // namespace indie
