#pragma once
// The seeded mutation fuzzing shared by the parsers' fuzz test (tests/unit/parsers_fuzz_test.cpp)
// and the modules' (tests/modules/): seeds from the repository's files and tests/fuzz/<folder>,
// mutations that reach parsers' edge cases, and a loop where only indie::Error may come out.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "indie/core/error.hpp"

namespace indie::fuzzing {

inline std::string example(const std::string& relative) {
  std::ifstream in(std::string(INDIE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing seed file ", relative);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The example files, then every file of tests/fuzz/<folder> (in name order, so runs repeat).
inline std::vector<std::string> seeds(std::vector<std::string> examples,
                                      const std::string& folder) {
  const std::filesystem::path dir = std::filesystem::path(INDIE_SOURCE_DIR) / "tests/fuzz" / folder;
  REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "missing corpus folder ", dir.string());
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files.push_back(std::filesystem::relative(entry.path(), INDIE_SOURCE_DIR).string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) examples.push_back(example(f));
  return examples;
}

inline std::size_t env_number(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v == nullptr ? fallback : static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
}

// Tokens that parsers treat specially, so mutations reach their edge cases quickly.
inline const std::vector<std::string> kTokens = {
    "\"", "\"\"", ",", ";", "\n", "\r\n", "\t", "-", "+", ".", ":", "/", "0", "9", "1e400",
    "99999999999999999999", "-92233720368547758.08", "2026-13-45", "24:61", "N/A", "[", "]", "{",
    "}", "=", "\\", "\xC3\xA9", "\xC0\x80", "\xED\xA0\x80", "\xFF", std::string(1, '\0'), "\x1B",
    "\xC2\x85", "EUR", "XXX", "1.2.3", "12,34", "1 234,56", "T", "Z",
    // XML: markup, entities, a DTD, CDATA
    "<", ">", "</", "/>", "&amp;", "&x;", "&#0;", "<!DOCTYPE r [<!ENTITY x \"y\">]>", "<![CDATA[",
    "]]>", "xmlns=\"\"", "<ram:LineTotalAmount>1e9</ram:LineTotalAmount>"};

inline std::string mutate(std::string s, std::mt19937_64& rng) {
  const auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    switch (rng() % 6) {
      case 0:  // one byte anything
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng() % 256);
        break;
      case 1:  // a special token in
        s.insert(pick(s.size() + 1), kTokens[pick(kTokens.size())]);
        break;
      case 2: {  // a range out
        const std::size_t at = pick(s.size() + 1);
        s.erase(at, pick(64));
        break;
      }
      case 3: {  // a range doubled
        const std::size_t at = pick(s.size() + 1);
        s.insert(at, s.substr(at, pick(128)));
        break;
      }
      case 4:  // cut short
        s.resize(pick(s.size() + 1));
        break;
      default:  // a line swapped for a token
        if (const auto nl = s.find('\n', pick(s.size() + 1)); nl != std::string::npos)
          s.replace(nl + 1, s.find('\n', nl + 1) - nl, kTokens[pick(kTokens.size())] + "\n");
        break;
    }
  }
  return s;
}

inline std::string escaped(const std::string& s) {
  std::string out;
  for (unsigned char c : s.substr(0, 2000)) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

// Runs `parse` on the seeds and on mutations of them; only indie::Error may come out.
inline void fuzz(const char* name, const std::vector<std::string>& seeds,
                 const std::function<void(const std::string&)>& parse) {
  const std::size_t runs = env_number("INDIE_FUZZ_RUNS", 5000);
  std::mt19937_64 rng(env_number("INDIE_FUZZ_SEED", 20261201));
  std::size_t refused = 0;
  for (std::size_t i = 0; i < runs; ++i) {
    const std::string input = i < seeds.size() ? seeds[i] : mutate(seeds[i % seeds.size()], rng);
    try {
      parse(input);
    } catch (const Error&) {
      ++refused;  // indie's own error: says what and where
    } catch (const std::exception& e) {
      FAIL(std::string(name), ": '", std::string(e.what()), "' escaped on input #", i, ": \"",
           escaped(input), "\"");
    }
  }
  MESSAGE(std::string(name), ": ", runs, " inputs, ", refused, " refused with indie's errors");
}

}  // namespace indie::fuzzing
