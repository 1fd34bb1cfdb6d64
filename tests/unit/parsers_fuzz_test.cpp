// A seeded mutation fuzz test for every parser of outside input (issue 18.4): no input may end
// in anything but indie's own errors (which say what is wrong and where) — no other exception,
// no crash, no hang. The seeds are the repository's genuine example files; each run mutates them
// the same way (seeded), so a failure reproduces. CI runs it on every build (and under ASan and
// UBSan); a longer run by hand:
//   INDIE_FUZZ_RUNS=200000 INDIE_FUZZ_SEED=7 build/tests/indie_unit_tests -tc='fuzz*'
// Each parser's folder of tests/fuzz/ (hostile inputs found before) is run first and seeds the
// mutations too. An input that breaks a parser is printed escaped: keep it there, and as a
// regression test in tests/regress.
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

#include "indie/core/bank_import.hpp"
#include "indie/core/client.hpp"
#include "indie/core/clock.hpp"
#include "indie/core/csv.hpp"
#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/money.hpp"
#include "indie/core/time_import.hpp"
#include "indie/core/time_rounding.hpp"
#include "indie/store/config_file.hpp"

using namespace indie;

namespace {

std::string example(const std::string& relative) {
  std::ifstream in(std::string(INDIE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing seed file ", relative);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The example files, then every file of tests/fuzz/<folder> (in name order, so runs repeat).
std::vector<std::string> seeds(std::vector<std::string> examples, const std::string& folder) {
  const std::filesystem::path dir = std::filesystem::path(INDIE_SOURCE_DIR) / "tests/fuzz" / folder;
  REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "missing corpus folder ", dir.string());
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files.push_back(std::filesystem::relative(entry.path(), INDIE_SOURCE_DIR).string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) examples.push_back(example(f));
  return examples;
}

std::size_t env_number(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v == nullptr ? fallback : static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
}

// Tokens that parsers treat specially, so mutations reach their edge cases quickly.
const std::vector<std::string> kTokens = {"\"",
                                          "\"\"",
                                          ",",
                                          ";",
                                          "\n",
                                          "\r\n",
                                          "\t",
                                          "-",
                                          "+",
                                          ".",
                                          ":",
                                          "/",
                                          "0",
                                          "9",
                                          "1e400",
                                          "99999999999999999999",
                                          "-92233720368547758.08",
                                          "2026-13-45",
                                          "24:61",
                                          "N/A",
                                          "[",
                                          "]",
                                          "{",
                                          "}",
                                          "=",
                                          "\\",
                                          "\xC3\xA9",
                                          "\xC0\x80",
                                          "\xED\xA0\x80",
                                          "\xFF",
                                          std::string(1, '\0'),
                                          "\x1B",
                                          "\xC2\x85",
                                          "EUR",
                                          "XXX",
                                          "1.2.3",
                                          "12,34",
                                          "1 234,56",
                                          "T",
                                          "Z"};

std::string mutate(std::string s, std::mt19937_64& rng) {
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

std::string escaped(const std::string& s) {
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
void fuzz(const char* name, const std::vector<std::string>& seeds,
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

}  // namespace

TEST_CASE("fuzz: CSV reader") {
  fuzz("csv",
       seeds({example("examples/clients.csv"), example("examples/toggl-detailed.csv")}, "csv"),
       [](const std::string& t) { parse_csv(t, "fuzz.csv"); });
}

TEST_CASE("fuzz: bank statements and their rules") {
  const std::string wise_rules = example("examples/rules/wise.toml");
  const std::string fr_rules = example("examples/rules/banque-fr.toml");
  const BankRules wise = parse_bank_rules(wise_rules, "wise.toml");
  const BankRules fr = parse_bank_rules(fr_rules, "banque-fr.toml");
  fuzz("statement (wise)", seeds({example("examples/statements/wise-usd.csv")}, "statement-wise"),
       [&](const std::string& t) { read_statement(t, "fuzz.csv", wise, currency("USD")); });
  fuzz("statement (banque-fr)", {example("examples/statements/releve-banque.csv")},
       [&](const std::string& t) { read_statement(t, "fuzz.csv", fr, currency("EUR")); });
  fuzz("bank rules", {wise_rules, fr_rules},
       [](const std::string& t) { parse_bank_rules(t, "fuzz.toml"); });
}

TEST_CASE("fuzz: time imports from timewarrior, Toggl, Clockify and indie") {
  const auto ignore = [](const ImportedEntry&) {};
  fuzz("timewarrior", seeds({example("examples/timew-export.json")}, "timewarrior"),
       [&](const std::string& t) {
         read_time_import(t, TimeSource::timewarrior, "fuzz.json", {}, ignore);
       });
  fuzz("toggl", {example("examples/toggl-detailed.csv")}, [&](const std::string& t) {
    read_time_import(t, TimeSource::toggl, "fuzz.csv", {}, ignore);
  });
  fuzz("clockify", seeds({example("examples/clockify-detailed.csv")}, "clockify"),
       [&](const std::string& t) {
         read_time_import(t, TimeSource::clockify, "fuzz.csv", {}, ignore);
       });
  fuzz("indie csv",
       {"project,start,end,note,tags\nacme/web,2026-11-01T09:00:00Z,2026-11-01T10:00:00Z,x,a\n"},
       [&](const std::string& t) {
         read_time_import(t, TimeSource::indie, "fuzz.csv", {}, ignore);
       });
}

TEST_CASE("fuzz: ECB rates") {
  fuzz("ecb",
       seeds({example("tests/data/eurofxref.csv"),
              example("tests/data/eurofxref-hist.csv").substr(0, 4000)},
             "ecb"),
       [](const std::string& t) { read_ecb_csv(t, "fuzz.csv", [](const EcbRate&) {}); });
}

TEST_CASE("fuzz: the config file") {
  fuzz("config", seeds({example("examples/config.toml")}, "config"),
       [](const std::string& t) { parse_config(t, "fuzz.toml"); });
}

TEST_CASE("fuzz: amounts, durations, dates, rates and rounding policies as typed") {
  const Date today = parse_date("2026-11-21", Date{});
  fuzz("typed values",
       {"1234.56", "-0.5", "1h30m", "1:30", "90m", "2026-11-20", "2026-11-20T09:00", "80/h",
        "15m up entry min 1h", "600/d"},
       [&](const std::string& t) {
         for (auto* f : std::initializer_list<void (*)(const std::string&, Date)>{
                  [](const std::string&s, Date) { Money::parse(s, currency("EUR")); },
                  [](const std::string&s, Date) { Money::parse(s, currency("JPY")); },
                  [](const std::string&s, Date) { parse_duration(s); },
                  [](const std::string&s, Date d) { parse_date(s, d); },
                  [](const std::string&s, Date d) { parse_moment(s, d); },
                  [](const std::string&s, Date) { Rate::parse(s, currency("EUR")); },
                  [](const std::string&s, Date) { TimeRounding::parse(s); }}) {
           try {
             f(t, today);
           } catch (const Error&) {
           }
         }
       });
}
