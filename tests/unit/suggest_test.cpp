#include "indie/core/suggest.hpp"

#include <doctest/doctest.h>

TEST_CASE("edit distance counts a swap as one edit") {
  CHECK(indie::edit_distance("client", "client") == 0);
  CHECK(indie::edit_distance("clinet", "client") == 1);
  CHECK(indie::edit_distance("acme", "acne") == 1);
  CHECK(indie::edit_distance("", "abc") == 3);
}

TEST_CASE("suggestions are close names, closest first") {
  const std::vector<std::string> names = {"acme", "globex", "initech", "acme-corp"};
  CHECK(indie::closest_matches("acne", names) == std::vector<std::string>{"acme"});
  CHECK(indie::closest_matches("acm", names) == std::vector<std::string>{"acme", "acme-corp"});
  CHECK(indie::closest_matches("GLOBX", names) == std::vector<std::string>{"globex"});
  CHECK(indie::closest_matches("zzz", names).empty());
  CHECK(indie::did_you_mean("initek", names) == " Did you mean 'initech'?");
  CHECK(indie::did_you_mean("nothing-like-it", names) == "");
}
