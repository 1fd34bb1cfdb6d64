#pragma once
/// "Did you mean …" suggestions for mistyped names.
#include <string>
#include <string_view>
#include <vector>

namespace indie {

/// Words longer than this get no suggestion: names are short, and the distance is quadratic.
inline constexpr std::size_t kMaxSuggestedLength = 64;

/// Optimal-string-alignment edit distance (a swap of two letters counts as one edit).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `limit` candidates close to `word` (case-insensitive), closest first: those within an
/// edit distance of about a third of the word, or that start with it.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

/// " Did you mean 'a' or 'b'?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace indie
