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

#include "fuzz_support.hpp"
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
using namespace indie::fuzzing;

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
