#include "indie/core/activity.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/money.hpp"
#include "indie/core/text.hpp"

namespace indie {

Activity parse_activity(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "bnc" || t == "liberal") return Activity::bnc;
  if (t == "bic-services" || t == "bic_services" || t == "services") return Activity::bic_services;
  if (t == "bic-sales" || t == "bic_sales" || t == "sales" || t == "goods")
    return Activity::bic_sales;
  if (t == "mixed") return Activity::mixed;
  throw invalid_input(fmt::format(
      "unknown activity '{}': use bnc (liberal services), bic-services (commercial or craft "
      "services), bic-sales (goods, food, lodging) or mixed",
      text));
}

std::string_view to_string(Activity a) {
  switch (a) {
    case Activity::bnc:
      return "bnc";
    case Activity::bic_services:
      return "bic-services";
    case Activity::bic_sales:
      return "bic-sales";
    case Activity::mixed:
      return "mixed";
  }
  return "?";
}

// The wording of the URSSAF micro-entrepreneur declaration (autoentrepreneur.urssaf.fr).
std::string_view activity_label(Activity a, Language lang) {
  const bool fr = lang == Language::fr;
  switch (a) {
    case Activity::bnc:
      return fr ? "Prestations de services BNC" : "Liberal services (BNC)";
    case Activity::bic_services:
      return fr ? "Prestations de services BIC" : "Commercial and craft services (BIC)";
    case Activity::bic_sales:
      return fr ? "Ventes de marchandises" : "Sales of goods (BIC)";
    case Activity::mixed:
      return fr ? "Activité mixte" : "Mixed activity";
  }
  return "?";
}

std::optional<OperationCategory> operation_category(
    const std::vector<std::optional<Activity>>& lines) {
  bool goods = false, services = false;
  for (const auto& a : lines) {
    if (!a || *a == Activity::mixed) return std::nullopt;
    (is_goods(*a) ? goods : services) = true;
  }
  if (goods && services) return OperationCategory::mixed;
  if (goods) return OperationCategory::goods;
  if (services) return OperationCategory::services;
  return std::nullopt;
}

std::string_view to_string(OperationCategory c) {
  switch (c) {
    case OperationCategory::goods:
      return "goods";
    case OperationCategory::services:
      return "services";
    case OperationCategory::mixed:
      return "mixed";
  }
  return "?";
}

Activity resolve_activity(std::optional<Activity> line, std::optional<Activity> project,
                          Activity business, std::string_view where) {
  for (const auto& a : {line, project})
    if (a && *a != Activity::mixed) return *a;
  if (business != Activity::mixed) return business;
  throw invalid_input(fmt::format(
      "{}: business.activity is mixed, so each sale says what it is: set the project's with "
      "indie project edit CLIENT/PROJECT activity bic-sales, or the line's with indie invoice "
      "line edit ... --activity bnc",
      where));
}

}  // namespace indie
