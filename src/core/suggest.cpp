#include "indie/core/suggest.hpp"

#include <algorithm>

#include "indie/core/text.hpp"

namespace indie {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit) {
  // A long word is no typo of a name (and the distance is quadratic: a 1 MB cell took 48 s).
  if (word.size() > kMaxSuggestedLength) return {};
  const std::string w = to_lower(word);
  const std::size_t max_distance = std::max<std::size_t>(1, (w.size() + 2) / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    // Lengths further apart than the distance allowed cannot match (a prefix aside).
    if (c.size() > kMaxSuggestedLength || (c.size() + max_distance < w.size())) continue;
    const std::string lc = to_lower(c);
    std::size_t dist = edit_distance(w, lc);
    if (w.size() >= 2 && lc.starts_with(w)) dist = std::min(dist, std::size_t{1});
    if (dist <= max_distance && lc != w) scored.emplace_back(dist, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto near = closest_matches(word, candidates);
  if (near.empty()) return "";
  std::string out = " Did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (i) out += i + 1 == near.size() ? " or " : ", ";
    out += "'" + near[i] + "'";
  }
  return out + "?";
}

}  // namespace indie
