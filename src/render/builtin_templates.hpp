#pragma once
// The templates compiled into the binary (templates/, embedded by cmake/embed_files.cmake).
#include <span>
#include <string_view>

namespace indie {

struct BuiltinTemplate {
  std::string_view file;  ///< "classic.html"
  std::string_view text;
};

std::span<const BuiltinTemplate> builtin_templates();

}  // namespace indie
