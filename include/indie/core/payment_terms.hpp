#pragma once
/// Payment terms: N days from the invoice date, or N days end of month ("45 jours fin de mois"),
/// and the legal floor of the late-payment penalty rate (Code de commerce L441-10).
#include <optional>
#include <string>
#include <string_view>

#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/money.hpp"

namespace indie {

struct PaymentTerms {
  int days = 30;
  bool end_of_month = false;

  /// "30", "45eom" (also "45 eom", "45fdm"): throws invalid_input saying what is accepted.
  static PaymentTerms parse(std::string_view text);
  /// "30", "45eom": what parse reads back.
  std::string to_string() const;
  /// The due date of an invoice issued on `issue`: N days later, then, end of month, the last
  /// day of that month (the reading the DGCCRF gives of "45 jours fin de mois").
  Date due_date(Date issue) const;
  /// "30 jours", "45 jours fin de mois", "À réception" (fr); "30 days", "45 days end of month",
  /// "Due on receipt" (en).
  std::string text(Language lang) const;
  /// Between businesses, L441-10 allows at most 60 days from the invoice date, or 45 days end
  /// of month: the refusal to print, naming the fix, or "" when within.
  std::string b2b_refusal(std::string_view client_handle) const;
  bool operator==(const PaymentTerms&) const = default;
};

/// The French legal interest rate "for all other cases" (professionals) in force on `day`, in
/// percent, from the half-yearly arrêtés; the newest known for a day after them.
Decimal legal_interest_rate(Date day);
/// L441-10 II: a late-payment penalty rate may not be below 3 times the legal interest rate.
Decimal late_penalty_floor(Date day);

}  // namespace indie
