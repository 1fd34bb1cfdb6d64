#pragma once
/// What a sale is, for the books: the three lines of a micro-entrepreneur's URSSAF declaration
/// and the goods/services split that VAT thresholds and e-invoices need.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace indie {

enum class Language;

/// bnc: liberal services (bénéfices non commerciaux); bic_services: commercial or craft services;
/// bic_sales: sale of goods, food and lodging; mixed: several, each sale says which.
enum class Activity { bnc, bic_services, bic_sales, mixed };

/// bnc, bic-services, bic-sales, mixed. Throws invalid_input naming the values.
Activity parse_activity(std::string_view text);
std::string_view to_string(Activity a);
/// As the URSSAF declaration and the receipts journal name it.
std::string_view activity_label(Activity a, Language lang);
/// Sales of goods (and lodging) against services: the two VAT franchise thresholds and the two
/// micro-enterprise ceilings.
inline bool is_goods(Activity a) { return a == Activity::bic_sales; }

/// The category of operation an invoice states under the e-invoicing reform (livraison de
/// biens, prestation de services, or both), from its lines' activities; none while a line has
/// none (a draft before issue).
enum class OperationCategory { goods, services, mixed };
std::optional<OperationCategory> operation_category(
    const std::vector<std::optional<Activity>>& lines);
std::string_view to_string(OperationCategory c);

/// A sale's activity: the line's own, else its project's, else the business's. Throws
/// invalid_input saying how to choose when that leaves `mixed` (`where` names the line).
Activity resolve_activity(std::optional<Activity> line, std::optional<Activity> project,
                          Activity business, std::string_view where);

}  // namespace indie
