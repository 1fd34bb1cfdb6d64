#include "migrations.hpp"

#include <vector>

namespace indie {

std::span<const std::string_view> migrations() {
  // In order: each file holds the versions of one era, from 1 on, with no gap.
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> v;
    for (auto era : {first_migrations(), trust_migrations(), obligations_migrations()})
      v.insert(v.end(), era.begin(), era.end());
    return v;
  }();
  return all;
}

}  // namespace indie
