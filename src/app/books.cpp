#include "indie/app/books.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "indie/app/inputs.hpp"
#include "indie/core/error.hpp"
#include "indie/core/period.hpp"
#include "indie/store/books_repo.hpp"
#include "indie/store/rate_repo.hpp"

namespace indie {

EurPath eur_paths(Store& store) {
  struct State {
    explicit State(Store& s) : rates(s.rates()) {}
    RateRepo& rates;
    // A year of receipts in a few currencies asks for the same days again and again.
    std::map<std::pair<std::string, Date>, FxPath> known;
  };
  auto state = std::make_shared<State>(store);
  return [state](std::string_view code, Date day) -> FxPath {
    const auto key = std::pair(std::string(code), day);
    if (const auto it = state->known.find(key); it != state->known.end()) return it->second;
    try {
      return state->known.emplace(key, state->rates.path(code, "EUR", day)).first->second;
    } catch (const Error&) {
      throw not_found(fmt::format(
          "no EUR rate for {} on or before {}, the day money in {} moved: import the ECB's "
          "rates (indie rate import eurofxref-hist.csv) or set one (indie rate set EUR {} RATE "
          "--date {})",
          code, format_date(day), code, code, format_date(day)));
    }
  };
}

std::vector<Receipt> valued_receipts(Session& session, Date from, Date to) {
  Store& store = session.store();
  const EurPath eur_path = eur_paths(store);
  std::vector<Receipt> out;
  for (auto& s : store.books().receipts(from, to, session.config().business.activity))
    out.push_back(value_receipt(std::move(s), eur_path));
  return out;
}

std::vector<Expense> valued_expenses(Session& session, Date from, Date to) {
  Store& store = session.store();
  const EurPath eur_path = eur_paths(store);
  std::vector<Expense> out;
  for (auto& s : store.books().expenses(from, to))
    out.push_back(value_expense(std::move(s), eur_path));
  return out;
}

ThresholdsInput thresholds_input(const Config& config, int year, Date as_of) {
  ThresholdsInput in;
  in.year = year;
  in.as_of = as_of;
  in.activity = config.business.activity;
  in.franchise = config.business.vat_regime == VatRegime::franchise;
  in.micro = config.business.legal_form == LegalForm::ei;
  return in;
}

std::string eur_text(std::int64_t cents, bool for_people) {
  return amount_text(Money(cents, currency("EUR")), for_people);
}

std::vector<std::string> crossed_threshold_warnings(
    Session& session, Date day, const std::function<bool(const Receipt&)>& is_new) {
  const Config& config = session.config();
  const int year = static_cast<int>(day.year());
  const auto in = thresholds_input(config, year, day);
  std::vector<std::string> out;
  if (!in.franchise && !in.micro) return out;
  try {
    const Period p = year_of(year);
    auto receipts = valued_receipts(session, p.first, p.last);
    const YearFigures figures(year, config.figures);
    const auto after = check_thresholds(receipts, in, figures);
    std::erase_if(receipts, is_new);
    const auto before = check_thresholds(receipts, in, figures);
    for (const auto& l : newly_crossed(before, after))
      out.push_back(
          fmt::format("your receipts of {} reach {} EUR, above {} ({} EUR): {}. See indie "
                      "report thresholds",
                      year, eur_text(l.counted_cents, true), l.name, eur_text(l.limit_cents, true),
                      l.consequence));
  } catch (const Error& e) {
    out.push_back(fmt::format("the thresholds could not be checked: {}", e.what()));
  }
  return out;
}

}  // namespace indie
