// The invoice document model (see invoice_document.hpp and man indie-template).
#include "indie/render/invoice_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "country_names.hpp"
#include "document_parts.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/duration.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/payment_terms.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

using nlohmann::ordered_json;

// Every label a document prints, in French and English. Templates read them as labels.KEY so
// one template serves both languages.
struct Label {
  const char* key;
  const char* fr;
  const char* en;
};
constexpr Label kLabels[] = {
    {"invoice", "Facture", "Invoice"},
    {"credit_note", "Avoir", "Credit note"},
    {"number", "N°", "No."},
    {"draft", "BROUILLON", "DRAFT"},
    {"duplicate", "DUPLICATA", "DUPLICATE"},
    {"draft_notice", "Brouillon : ce document n'est pas une facture",
     "Draft: this document is not an invoice"},
    {"issue_date", "Date d'émission", "Issue date"},
    {"due_date", "Date d'échéance", "Due date"},
    {"period", "Période de prestation", "Service period"},
    {"po_number", "Bon de commande", "Purchase order"},
    {"operation", "Catégorie de l'opération", "Category of operation"},
    {"operation_services", "Prestations de services", "Services"},
    {"operation_goods", "Livraisons de biens", "Supply of goods"},
    {"operation_mixed", "Livraisons de biens et prestations de services", "Goods and services"},
    {"delivery_address", "Adresse de livraison", "Delivery address"},
    {"seller", "Émetteur", "From"},
    {"client", "Client", "Bill to"},
    {"siren", "SIREN", "SIREN"},
    {"siret", "SIRET", "SIRET"},
    {"vat_number", "N° TVA intracom.", "VAT number"},
    {"email", "E-mail", "Email"},
    {"phone", "Tél.", "Phone"},
    {"description", "Désignation", "Description"},
    {"quantity", "Qté", "Qty"},
    {"unit", "Unité", "Unit"},
    {"unit_price", "Prix unit. HT", "Unit price"},
    {"vat_rate", "TVA", "VAT"},
    {"discount", "Remise", "Discount"},
    {"line_total", "Total HT", "Amount"},
    {"vat_base", "Base HT", "Taxable amount"},
    {"rate", "Taux", "Rate"},
    {"reference", "Référence à rappeler", "Payment reference"},
    {"scan_to_pay", "Scanner pour payer", "Scan to pay"},
    {"net", "Total HT", "Total excl. VAT"},
    {"vat", "TVA", "VAT"},
    {"gross", "Total TTC", "Total incl. VAT"},
    {"due", "Net à payer", "Amount due"},
    {"deposit", "Acompte versé", "Deposit paid"},
    // A label's colon: a no-break space before it in French, none in English (issue 14.11).
    {"colon", "\u00A0: ", ": "},
    {"vat_eur", "Montant de la TVA en euros", "VAT in euros"},
    {"payment", "Règlement", "Payment"},
    {"payment_terms", "Conditions de paiement", "Payment terms"},
    {"iban", "IBAN", "IBAN"},
    {"bic", "BIC", "BIC"},
    {"bank_transfer", "Virement bancaire", "Bank transfer"},
    {"notes", "Notes", "Notes"},
    {"credits", "Avoir sur la facture", "Credit note for invoice"},
    {"of", "du", "of"},
    {"reason", "Motif", "Reason"},
    {"mentions", "Mentions légales", "Legal notices"},
    {"page", "Page", "Page"},
    {"timesheet", "Relevé de temps", "Timesheet"},
    {"timesheet_of", "Annexe à la facture", "Annex to invoice"},
    {"date", "Date", "Date"},
    {"project", "Projet", "Project"},
    {"time", "Horaires", "Time"},
    {"duration", "Durée", "Duration"},
    {"total", "Total", "Total"},
    // The statement of account (issue 14.1).
    {"statement", "Relevé de compte", "Statement of account"},
    {"as_of", "Au", "As of"},
    {"since", "Depuis le", "Since"},
    {"document", "Pièce", "Document"},
    {"detail", "Libellé", "Description"},
    {"debit", "Débit", "Debit"},
    {"credit", "Crédit", "Credit"},
    {"balance", "Solde", "Balance"},
    {"opening_balance", "Solde antérieur", "Opening balance"},
    {"balance_due", "Reste dû", "Balance due"},
    {"balance_in_favour", "Solde en votre faveur", "Balance in your favour"},
    {"overdue", "Dont échu", "Of which overdue"},
    {"nothing_to_state", "Aucune opération", "Nothing recorded"},
    // The receipts journal (issue 15).
    {"receipts_journal", "Livre des recettes", "Receipts journal"},
    {"books_period", "Période", "Period"},
    {"received_on", "Encaissé le", "Received"},
    {"nature", "Nature", "Nature"},
    {"references", "Pièces", "Documents"},
    {"method", "Mode", "Method"},
    {"amount_received", "Montant reçu", "Amount received"},
    {"amount_eur", "Montant (EUR)", "Amount (EUR)"},
    {"month_total", "Total du mois", "Month total"},
    {"period_total", "Total de la période", "Period total"},
    {"cash_sales", "ventes au comptant de moins de 76 €", "cash sales under 76 €"},
    {"valued_ecb", "au cours BCE du jour", "at the ECB rate of the day"},
    {"kind_invoice", "Facture", "Invoice"},
    {"kind_credit_note", "Avoir sur", "Credit note on"},
    {"kind_payment", "Règlement", "Payment"},
    {"kind_refund", "Remboursement", "Refund"},
    {"kind_reversal", "Annulation d'écriture", "Reversal"},
    {"due_short", "Échéance", "Due"},
    {"method_transfer", "virement", "transfer"},
    {"method_card", "carte", "card"},
    {"method_cash", "espèces", "cash"},
    {"method_check", "chèque", "cheque"},
    {"method_paypal", "PayPal", "PayPal"},
    {"method_other", "autre", "other"},
};

const char* label(std::string_view key, Language lang) {
  for (const auto& l : kLabels)
    if (key == l.key) return lang == Language::fr ? l.fr : l.en;
  return "";
}

ordered_json labels(Language lang) {
  ordered_json j = ordered_json::object();
  for (const auto& l : kLabels) j[l.key] = lang == Language::fr ? l.fr : l.en;
  return j;
}

NumberLocale locale_of(Language lang) {
  return lang == Language::fr ? NumberLocale::fr : NumberLocale::en;
}

ordered_json date_value(const std::optional<Date>& d, Language lang) {
  if (!d) return nullptr;
  return {{"iso", format_date(*d)}, {"text", long_date(*d, lang)}};
}

// An amount three ways: raw ("1234.56", for scripts), number ("1 234,56") and text ("1 234,56 €").
ordered_json money_value(const Money& m, Language lang) {
  return {{"raw", m.to_string()},
          {"number", format_scaled(m.minor(), m.currency().minor_units, locale_of(lang))},
          {"text", m.format(lang)}};
}

// A plain decimal (quantity, rate): raw and localized.
ordered_json decimal_value(const Decimal& d, Language lang) {
  const Decimal n = d.normalized();
  return {{"raw", n.to_string()}, {"text", n.format(locale_of(lang))}};
}

// A unit price shows at least the currency's decimals (80 -> 80,00) and keeps any more.
ordered_json price_value(const Decimal& price, const Currency& cur, Language lang) {
  const Decimal p = price.normalized();
  const Decimal shown = p.with_scale(std::max(p.scale(), cur.minor_units));
  const std::string number = shown.format(locale_of(lang));
  const std::string text = with_currency_symbol(number, cur.code, lang);
  return {{"raw", p.to_string()}, {"number", number}, {"text", text}};
}

ordered_json period_value(const ServicePeriod& p, Language lang) {
  if (p.empty()) return nullptr;
  std::string text =
      *p.from == *p.to ? long_date(*p.from, lang)
      : lang == Language::fr
          ? fmt::format("du {} au {}", long_date(*p.from, lang), long_date(*p.to, lang))
          : fmt::format("{} to {}", long_date(*p.from, lang), long_date(*p.to, lang));
  return {{"from", date_value(p.from, lang)},
          {"to", date_value(p.to, lang)},
          {"text", std::move(text)}};
}

ordered_json text_or_null(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

// SIREN 732829320 as it is printed: 732 829 320.
std::string in_groups(std::string_view digits, std::size_t size) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % size == 0) out += ' ';
    out += digits[i];
  }
  return out;
}
std::string in_threes(std::string_view digits) { return in_groups(digits, 3); }

// As printed (issue 14.11): SIRET 732 829 320 00074, IBAN FR76 3000 6000 0112 3456 7890 189.
std::string siret_text(std::string_view s) {
  return s.size() == 14 ? in_threes(s.substr(0, 9)) + " " + std::string(s.substr(9))
                        : std::string(s);
}

// The words of a line's unit in the document's language (issue 14.11): "jour", not "j".
std::string unit_words(const std::string& unit, Language lang) {
  static const std::array<std::array<const char*, 3>, 9> kUnits = {
      {{"h", "heure", "hour"},
       {"d", "jour", "day"},
       {"u", "unité", "unit"},
       {"month", "mois", "month"},
       {"week", "semaine", "week"},
       {"km", "km", "km"},
       {"page", "page", "page"},
       {"word", "mot", "word"},
       {"flat", "forfait", "flat fee"}}};
  for (const auto& u : kUnits)
    if (unit == u[0]) return lang == Language::fr ? u[1] : u[2];
  return unit;
}

// A party (seller or client) from its snapshot: every field, empty ones null, and the address
// split into lines (typed with \n or commas).
ordered_json party(const ordered_json& snapshot, const std::string& own_country, Language lang) {
  ordered_json p = ordered_json::object();
  for (const auto& [key, value] : snapshot.items())
    p[key] = value.is_string() && value.get<std::string>().empty() ? ordered_json(nullptr) : value;
  ordered_json lines = ordered_json::array();
  const std::string address = snapshot.value("address", "");
  const char sep = address.find('\n') != std::string::npos ? '\n' : ',';
  for (std::size_t from = 0; from <= address.size();) {
    std::size_t to = address.find(sep, from);
    if (to == std::string::npos) to = address.size();
    std::string_view line(address.data() + from, to - from);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(std::string(line));
    from = to + 1;
  }
  // A foreign address ends with its country, in full and in capitals, in the document's
  // language (the Universal Postal Union's rule for the last line of an address).
  const std::string country = snapshot.value("country", "");
  if (!country.empty() && country != own_country)
    lines.push_back(std::string(country_name_caps(country, lang)));
  p["address_lines"] = std::move(lines);
  const std::string siren = snapshot.value("siren", ""), siret = snapshot.value("siret", "");
  p["siren_text"] = siren.empty() ? ordered_json(nullptr) : ordered_json(in_threes(siren));
  p["siret_text"] = siret.empty() ? ordered_json(nullptr) : ordered_json(siret_text(siret));
  return p;
}

// The EPC QR code's text (European Payments Council, EPC069-12 version 002, "GiroCode"): a
// SEPA credit transfer of `amount` euros to the IBAN, the invoice number as remittance
// information, so a banking app fills the transfer in. Only in EUR, with an IBAN, for at most
// 999,999,999.99 EUR; the name is cut to the 70 characters the standard allows.
std::string epc_qr_payload(const std::string& name, const std::string& iban, const std::string& bic,
                           const Money& amount, const std::string& reference) {
  if (amount.currency().code != "EUR" || iban.empty() || amount.minor() <= 0 ||
      amount.minor() > 99999999999)
    return "";
  std::string beneficiary;
  for (std::size_t i = 0, n = 0; i < name.size() && n < 70; ++n) {  // 70 characters, not bytes
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    beneficiary += name.substr(i, len);
    i += len;
  }
  return fmt::format("BCD\n002\n1\nSCT\n{}\n{}\n{}\nEUR{}\n\n\n{}", bic, beneficiary, iban,
                     amount.to_string(), reference.substr(0, 140));
}

// The seller's legal identity, printed at the foot of every page (issue 14.13; Code de
// commerce R123-237 and R123-238): name and legal form, the share capital with its currency,
// the registered office, the RCS registration (or the SIREN), the VAT number.
std::string identity_line(const ordered_json& seller, Language lang) {
  const bool fr = lang == Language::fr;
  std::vector<std::string> parts;
  std::string name = seller.value("name", "");
  const std::string form = to_upper(seller.value("legal_form", ""));
  if (!form.empty() && form != "EI" && name.find(form) == std::string::npos) name += " " + form;
  if (const std::string capital = seller.value("share_capital", ""); !capital.empty()) {
    std::string shown = capital;
    try {  // "1000 EUR", as config set stores it; earlier free text is printed as it is
      const auto space = capital.find(' ');
      const Currency& cur = currency(capital.substr(space + 1));
      shown = money_value(Money::parse(capital.substr(0, space), cur), lang)["text"];
    } catch (const std::exception&) {
    }
    name += fr ? " au capital de " + shown : ", share capital " + shown;
  }
  parts.push_back(name);
  std::string address = seller.value("address", "");
  std::replace(address.begin(), address.end(), '\n', ',');
  if (!address.empty()) parts.push_back(address);
  const std::string siren = in_threes(seller.value("siren", ""));
  if (const std::string rcs = seller.value("rcs_city", ""); !rcs.empty() && !siren.empty())
    parts.push_back(fmt::format("RCS {} {}", rcs, siren));
  else if (!siren.empty())
    parts.push_back("SIREN " + siren);
  if (const std::string vat = seller.value("vat_number", ""); !vat.empty())
    parts.push_back((fr ? "TVA " : "VAT ") + vat);
  return join(parts, " · ");
}

std::string terms_text(const std::optional<Date>& issue, const std::optional<Date>& due,
                       Language lang) {
  if (!issue || !due) return "";
  const auto days = days_between(*issue, *due);
  if (days <= 0) return lang == Language::fr ? "À réception" : "Due on receipt";
  return lang == Language::fr ? fmt::format("{} jours", days) : fmt::format("{} days", days);
}

}  // namespace

// The parts other documents share (document_parts.hpp).
ordered_json document_labels(Language lang) { return labels(lang); }
std::string document_label(std::string_view key, Language lang) { return label(key, lang); }
ordered_json document_date(const std::optional<Date>& d, Language lang) {
  return date_value(d, lang);
}
ordered_json document_money(const Money& m, Language lang) { return money_value(m, lang); }
ordered_json document_party(const ordered_json& snapshot, const std::string& own_country,
                            Language lang) {
  return party(snapshot, own_country, lang);
}
std::string document_identity(const ordered_json& seller, Language lang) {
  return identity_line(seller, lang);
}

ordered_json invoice_document(const DocumentInput& in) {
  const Invoice& inv = in.invoice;
  const Language lang = inv.language;
  const Currency& cur = inv.cur();
  const bool credit = inv.kind == InvoiceKind::credit_note;
  ordered_json j;
  j["model_version"] = kDocumentModelVersion;
  j["language"] = std::string(to_string(lang));
  j["labels"] = labels(lang);

  ordered_json doc;
  doc["kind"] = credit ? "credit_note" : "invoice";
  doc["type_code"] = type_code(inv.kind);
  doc["title"] = label(credit ? "credit_note" : "invoice", lang);
  doc["draft"] = !inv.issued;
  doc["duplicate"] = inv.issued && in.duplicate;
  // The mark across the page: BROUILLON on a draft, DUPLICATA on a copy asked for as such.
  doc["draft_mark"] = !inv.issued    ? ordered_json(label("draft", lang))
                      : in.duplicate ? ordered_json(label("duplicate", lang))
                                     : ordered_json(nullptr);
  doc["number"] = inv.number ? ordered_json(*inv.number) : ordered_json(nullptr);
  doc["currency"] = inv.currency;
  doc["issue_date"] = date_value(inv.issue_date, lang);
  doc["due_date"] = credit ? ordered_json(nullptr) : date_value(inv.due_date, lang);
  doc["payment_terms"] = credit ? ordered_json(nullptr)
                         : !inv.payment_terms.empty()
                             ? ordered_json(PaymentTerms::parse(inv.payment_terms).text(lang))
                             : text_or_null(terms_text(inv.issue_date, inv.due_date, lang));
  doc["period"] = period_value(inv.period, lang);
  doc["po_number"] = text_or_null(inv.po_number);
  doc["notes"] = text_or_null(inv.notes);
  doc["vat_category"] = inv.vat_category;
  {
    // The category of operation the e-invoicing reform asks for; known once issued.
    std::vector<std::optional<Activity>> activities;
    for (const auto& l : in.lines) activities.push_back(l.activity);
    const auto op = operation_category(activities);
    doc["operation"] = op ? ordered_json(std::string(to_string(*op))) : ordered_json();
    // Printed too: a mention of the reform (CGI art. 242 nonies A, from the issuer's
    // e-invoicing start), in the document's language.
    doc["operation_text"] =
        op ? ordered_json(label(std::string("operation_") + std::string(to_string(*op)), lang))
           : ordered_json();
  }
  {
    // Where goods go when it is not the client's address (the reform's delivery address).
    std::string delivery = in.client.value("delivery_address", "");
    std::replace(delivery.begin(), delivery.end(), '\n', ',');
    std::string joined;
    for (const auto& part : split(delivery, ',')) {
      const std::string_view t = trim(part);
      if (!t.empty()) joined += (joined.empty() ? "" : ", ") + std::string(t);
    }
    doc["delivery_address"] = text_or_null(joined);
  }
  if (credit && in.original) {
    doc["credits"] = {{"number", in.original->number ? ordered_json(*in.original->number)
                                                     : ordered_json(nullptr)},
                      {"issue_date", date_value(in.original->issue_date, lang)}};
  } else {
    doc["credits"] = nullptr;
  }
  doc["reason"] = text_or_null(inv.reason);
  j["document"] = std::move(doc);

  const std::string own_country = in.seller.value("country", "FR");
  j["seller"] = party(in.seller, own_country, lang);
  j["seller"]["logo"] = in.has_logo;
  j["seller"]["identity"] = identity_line(in.seller, lang);
  j["client"] = party(in.client, own_country, lang);

  bool any_discount = false;
  ordered_json lines = ordered_json::array();
  // Quantities with one number of decimals for the whole column (0,50 and 5,67; 1,0 and 2,5).
  int quantity_scale = 0;
  for (const auto& l : in.lines)
    quantity_scale = std::max(quantity_scale, l.quantity.normalized().scale());
  for (const auto& l : in.lines) {
    const Money net = line_net(l, cur);
    any_discount = any_discount || !l.discount.is_zero();
    lines.push_back(
        {{"position", l.position},
         {"description", l.description},
         {"period", period_value(l.period, lang)},
         {"quantity",
          {{"raw", l.quantity.normalized().to_string()},
           {"text", l.quantity.normalized().with_scale(quantity_scale).format(locale_of(lang))}}},
         {"unit", unit_words(l.unit, lang)},
         {"unit_price", price_value(l.unit_price, cur, lang)},
         {"vat_rate", decimal_value(l.vat_rate, lang)},
         {"discount",
          l.discount.is_zero() ? ordered_json(nullptr) : decimal_value(l.discount, lang)},
         {"net", money_value(net, lang)}});
  }
  j["lines"] = std::move(lines);
  j["has_discount"] = any_discount;

  // VAT: one row per rate, on the summed bases (the way compute_totals makes the totals add up).
  const bool vat_charged = !in.totals.vat.is_zero() ||
                           std::any_of(in.lines.begin(), in.lines.end(),
                                       [](const InvoiceLine& l) { return !l.vat_rate.is_zero(); });
  ordered_json vat = ordered_json::array();
  for (const auto& v : in.totals.by_rate)
    vat.push_back({{"rate", decimal_value(v.rate, lang)},
                   {"base", money_value(v.base, lang)},
                   {"amount", money_value(v.vat, lang)}});
  j["vat"] = std::move(vat);
  j["vat_charged"] = vat_charged;

  // Without VAT (franchise en base, services outside the EU, reverse charge) there is no VAT
  // row of 0.00 and no "Total TTC": the reason stands right under "Total HT" (issue 14.9).
  const std::string_view category = inv.vat_category;
  ordered_json vat_note = nullptr;
  if (!vat_charged) {
    if (category == "AE")
      vat_note = std::string(lang == Language::fr ? "TVA : Autoliquidation"
                                                  : "VAT: reverse charge (Autoliquidation)");
    else if (category == "E" || category == "O")
      vat_note = std::string(exemption_mention(category_of_code(category)));
  }
  j["vat_note"] = vat_note;

  ordered_json totals;
  totals["net"] = money_value(in.totals.net, lang);
  totals["vat"] = money_value(in.totals.vat, lang);
  totals["gross"] = money_value(in.totals.gross, lang);
  // The document is the invoice as issued: "Net à payer" is its total, whatever was paid or
  // credited since (those go on the client's statement, never on the invoice, issue 14.1).
  // "Net à payer": the total as issued, less a deposit paid before issue, and nothing else
  // (payments and credit notes after issue go on the statement of account).
  const Money deposit(inv.deposit_minor.value_or(0), cur);
  totals["deposit"] = deposit.is_zero() ? ordered_json(nullptr) : money_value(deposit, lang);
  totals["deposit_date"] = date_value(inv.deposit_date, lang);
  totals["due"] = credit ? ordered_json(nullptr) : money_value(in.totals.gross - deposit, lang);
  totals["vat_eur"] = inv.vat_eur_minor && *inv.vat_eur_minor != 0
                          ? money_value(Money(*inv.vat_eur_minor, currency("EUR")), lang)
                          : ordered_json(nullptr);
  j["totals"] = std::move(totals);

  ordered_json payment;
  const std::string iban = in.seller.value("iban", ""), bic = in.seller.value("bic", "");
  payment["iban"] = text_or_null(iban);
  payment["iban_text"] = text_or_null(in_groups(iban, 4));
  // The number to quote with the transfer, and the EPC QR code of an issued invoice in euros.
  payment["reference"] = inv.number ? ordered_json(*inv.number) : ordered_json(nullptr);
  const std::string qr = inv.issued && inv.number
                             ? epc_qr_payload(in.seller.value("name", ""), iban, bic,
                                              in.totals.gross - deposit, *inv.number)
                             : std::string();
  payment["epc_qr"] = text_or_null(qr);
  payment["bic"] = text_or_null(bic);
  payment["method"] =
      iban.empty() ? ordered_json(nullptr) : ordered_json(label("bank_transfer", lang));
  j["payment"] = credit ? ordered_json(nullptr) : std::move(payment);

  // The exemption printed under the totals is not repeated at the foot.
  ordered_json mentions = ordered_json::array();
  for (const auto& m : in.mentions)
    if (!vat_note.is_string() || m != vat_note.get<std::string>()) mentions.push_back(m);
  j["mentions"] = std::move(mentions);

  if (in.timesheet) {
    ordered_json entries = ordered_json::array();
    std::int64_t total = 0;
    for (const auto& e : *in.timesheet) {
      const std::int64_t seconds =
          std::chrono::duration_cast<std::chrono::seconds>(e.end - e.start).count();
      total += seconds;
      entries.push_back(
          {{"date", date_value(local_date(e.start), lang)},
           {"start", format_time_of_day(e.start)},
           {"end", format_time_of_day(e.end)},
           {"project", e.project},
           {"note", text_or_null(e.note)},
           {"duration", {{"seconds", seconds}, {"text", format_duration_hm(seconds)}}}});
    }
    j["timesheet"] = {{"entries", std::move(entries)},
                      {"total", {{"seconds", total}, {"text", format_duration_hm(total)}}}};
  } else {
    j["timesheet"] = nullptr;
  }
  return j;
}

}  // namespace indie
