#include "indie/core/payment_terms.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

PaymentTerms PaymentTerms::parse(std::string_view text) {
  const std::string t = to_lower(trim(text));
  PaymentTerms terms;
  std::string_view digits = t;
  for (std::string_view suffix : {"eom", "fdm"}) {
    if (digits.size() > suffix.size() && digits.ends_with(suffix)) {
      digits.remove_suffix(suffix.size());
      digits = trim(digits);
      terms.end_of_month = true;
      break;
    }
  }
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), terms.days);
  if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size() || terms.days < 0 ||
      terms.days > 365)
    throw invalid_input(fmt::format(
        "payment terms '{}' must be days from 0 to 365 (30), or days end of month (45eom)", text));
  return terms;
}

std::string PaymentTerms::to_string() const {
  return end_of_month ? fmt::format("{}eom", days) : std::to_string(days);
}

Date PaymentTerms::due_date(Date issue) const {
  const Date d = add_days(issue, days);
  if (!end_of_month) return d;
  return Date{d.year() / d.month() / std::chrono::last};
}

std::string PaymentTerms::text(Language lang) const {
  const bool fr = lang == Language::fr;
  if (days == 0 && !end_of_month) return fr ? "À réception" : "Due on receipt";
  if (end_of_month)
    return fr ? fmt::format("{} jours fin de mois", days)
              : fmt::format("{} days end of month", days);
  return fr ? fmt::format("{} jours", days) : fmt::format("{} days", days);
}

std::string PaymentTerms::b2b_refusal(std::string_view client) const {
  if (end_of_month && days > 45)
    return fmt::format(
        "payment terms of {} days end of month exceed the 45 days end of month French law allows "
        "between businesses (Code de commerce L441-10): indie client edit {} --terms 45eom",
        days, client);
  if (!end_of_month && days > 60)
    return fmt::format(
        "payment terms of {} days exceed the 60 days French law allows between businesses (Code "
        "de commerce L441-10): indie client edit {} --terms 60",
        days, client);
  return "";
}

namespace {

struct LegalRate {
  int year, half;  // half 1: from 1 January, 2: from 1 July
  const char* percent;
};
// Taux de l'intérêt légal, "pour tous les autres cas" (creditors acting for professional needs),
// set each half-year by arrêté (Code monétaire et financier L313-2, D313-1-A). Sources: arrêtés
// of 16 December 2024 (JO 24/12/2024), 19 June 2025 (JO 24/06/2025), 15 December 2025
// (JO 26/12/2025). Add the new one each January and July.
constexpr std::array<LegalRate, 3> kLegalRates{{
    {2025, 1, "3.71"},
    {2025, 2, "2.76"},
    {2026, 1, "2.62"},
}};

}  // namespace

Decimal legal_interest_rate(Date day) {
  const int year = static_cast<int>(day.year());
  const int half = static_cast<unsigned>(day.month()) <= 6 ? 1 : 2;
  const LegalRate* found = &kLegalRates.front();
  for (const LegalRate& r : kLegalRates)
    if (r.year < year || (r.year == year && r.half <= half)) found = &r;
  return Decimal::parse(found->percent);
}

Decimal late_penalty_floor(Date day) {
  return (legal_interest_rate(day) * Decimal::from_int(3)).normalized();
}

}  // namespace indie
