#include "indie/core/bank_import.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <map>

#include "indie/core/csv.hpp"
#include "indie/core/date_format.hpp"
#include "indie/core/encoding.hpp"
#include "indie/core/error.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/money.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// Every key a rules file may hold, so a misspelt one is reported instead of ignored.
const std::vector<std::string> kKeys = {
    "csv.separator",    "csv.skip_lines",   "csv.encoding",   "columns.date",  "columns.amount",
    "columns.debit",    "columns.credit",   "columns.payee",  "columns.memo",  "columns.id",
    "columns.currency", "columns.fee",      "columns.sign",   "columns.state", "sign.out",
    "sign.in",          "sign.both",        "out.amount",     "out.fee",       "out.currency",
    "out.payee",        "in.amount",        "in.fee",         "in.currency",   "in.payee",
    "rows.skip_if",     "rows.skip_states", "rows.keep_zero", "format.date",   "format.decimal",
    "format.thousands", "defaults.category"};

// [[payee]] match = "OVH" category = "hosting" vat = "20": checked whole, with line and column.
std::vector<BankRules::PayeeRule> read_payee_rules(const toml::node& node,
                                                   std::string_view source) {
  const auto* array = node.as_array();
  const auto fail = [&](const toml::node& at, const std::string& what) {
    const auto& p = at.source().begin;
    return invalid_input(fmt::format("{}:{}:{}: [[payee]]: {}", source, p.line, p.column, what));
  };
  if (array == nullptr || !array->is_array_of_tables())
    throw fail(node, "write each rule as its own [[payee]] table with match = \"…\"");
  std::vector<BankRules::PayeeRule> out;
  for (const auto& item : *array) {
    BankRules::PayeeRule rule;
    for (const auto& [key, value] : *item.as_table()) {
      const auto v = value.value<std::string>();
      if (!v) throw fail(value, fmt::format("{} must be a quoted string", key.str()));
      if (key.str() == "match")
        rule.match = to_lower(*v);
      else if (key.str() == "category")
        rule.category = *v;
      else if (key.str() == "vat") {
        try {
          const Decimal rate = Decimal::parse(*v);
          check_vat_rate(VatCategory::standard, rate);
          rule.vat = rate.normalized().to_string();
        } catch (const Error& e) {
          throw fail(value, fmt::format("vat: {}", e.what()));
        }
      } else {
        throw fail(value,
                   fmt::format("unknown key {}; a rule has match, category and vat", key.str()));
      }
    }
    if (rule.match.empty())
      throw fail(item, "a rule needs match = \"…\", text the payee or memo holds");
    out.push_back(std::move(rule));
  }
  return out;
}

// "1 234,56", "-12.50", "+3", "12,50 €" as the bank writes it, in the currency's minor units.
std::int64_t parse_amount(std::string_view text, const BankRules& r, const Currency& cur) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' || c == ' ') continue;
    if (r.thousands.find(c) != std::string::npos) continue;
    // NBSP (C2 A0) and NNBSP (E2 80 AF) group thousands in French exports.
    if (text.substr(i).starts_with("\xC2\xA0")) {
      ++i;
      continue;
    }
    if (text.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
      continue;
    }
    if (text.substr(i).starts_with("\xE2\x82\xAC")) {
      i += 2;
      continue;
    }  // a trailing €
    s += c == r.decimal ? '.' : c;
  }
  return Money::parse(s, cur).minor();
}

std::string fnv1a_hex(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace

std::vector<std::string> BankRules::named_columns() const {
  std::vector<std::string> out;
  for (const std::string* c :
       {&columns.date, &columns.amount, &columns.debit, &columns.credit, &columns.payee,
        &columns.memo, &columns.id, &columns.currency, &columns.fee, &columns.sign, &columns.state})
    if (!c->empty()) out.push_back(*c);
  for (const auto& side : {out_side, in_side})
    if (side)
      for (const std::string* c : {&side->amount, &side->fee, &side->currency, &side->payee})
        if (!c->empty()) out.push_back(*c);
  for (const auto& [column, values] : skip_if) out.push_back(column);
  return out;
}

BankRules parse_bank_rules(std::string_view text, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw invalid_input(fmt::format("{}:{}:{}: {}", source, e.source().begin.line,
                                    e.source().begin.column, e.description()));
  }
  BankRules r;
  bool states_given = false;
  for (const auto& [table_key, table_node] : root) {
    if (table_key.str() == "payee") {
      r.payees = read_payee_rules(table_node, source);
      continue;
    }
    const auto* table = table_node.as_table();
    if (table == nullptr) {
      const auto& at = table_node.source().begin;
      throw invalid_input(
          fmt::format("{}:{}:{}: '{}' must be inside [csv], [columns], [sign], [out], [in], "
                      "[rows], [format] or [defaults]",
                      source, at.line, at.column, table_key.str()));
    }
    for (const auto& [leaf_key, node] : *table) {
      const std::string name = std::string(table_key.str()) + "." + std::string(leaf_key.str());
      const auto& at = node.source().begin;
      const auto fail = [&](const std::string& what) {
        return invalid_input(
            fmt::format("{}:{}:{}: {}: {}", source, at.line, at.column, name, what));
      };
      if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
        const auto near = closest_matches(name, kKeys);
        throw fail(near.empty() ? "unknown key; see man indie-account (IMPORT RULES)"
                                : fmt::format("unknown key; did you mean {}?", near.front()));
      }
      // A list of strings: ["S", "Af"].
      const auto strings = [&](const toml::node& n, const std::string& example) {
        const auto* array = n.as_array();
        std::vector<std::string> out;
        if (array != nullptr)
          for (const auto& item : *array) {
            const auto v = item.value<std::string>();
            if (!v) {
              out.clear();
              break;
            }
            out.push_back(*v);
          }
        if (out.empty()) throw fail(fmt::format("a list of quoted values, such as {}", example));
        return out;
      };
      if (name == "csv.skip_lines") {
        const auto v = node.value<std::int64_t>();
        if (!v || *v < 0 || *v > 1000) throw fail("a whole number of lines, 0 to 1000");
        r.skip_lines = static_cast<std::size_t>(*v);
        continue;
      }
      if (name == "rows.keep_zero") {
        const auto v = node.value<bool>();
        if (!v) throw fail("true or false");
        r.keep_zero = *v;
        continue;
      }
      if (name == "sign.out" || name == "sign.in" || name == "sign.both") {
        (name == "sign.out"  ? r.sign_out
         : name == "sign.in" ? r.sign_in
                             : r.sign_both) =
            strings(node, name == "sign.out"  ? "[\"S\", \"DBIT\"]"
                          : name == "sign.in" ? "[\"H\", \"CRDT\"]"
                                              : "[\"NEUTRAL\"]");
        continue;
      }
      if (name == "rows.skip_states") {
        r.skip_states = node.as_array() != nullptr && node.as_array()->empty()
                            ? std::vector<std::string>{}
                            : strings(node, "[\"PENDING\", \"DECLINED\"]");
        states_given = true;
        continue;
      }
      if (name == "rows.skip_if") {
        const auto* filters = node.as_table();
        if (filters == nullptr)
          throw fail("a table of column = [values], such as { \"Libellé\" = [\"Solde\"] }");
        for (const auto& [column, values] : *filters)
          r.skip_if.emplace_back(std::string(column.str()),
                                 strings(values, "[\"Anfangssaldo\", \"Endsaldo\"]"));
        continue;
      }
      const auto v = node.value<std::string>();
      if (!v) throw fail("must be a quoted string");
      const std::string& s = *v;
      if (name == "csv.separator") {
        if (s == "\\t" || s == "\t" || s == "tab")
          r.separator = '\t';
        else if (s.size() == 1 && (s == "," || s == ";" || s == "|"))
          r.separator = s[0];
        else
          throw fail("use \",\", \";\", \"|\" or \"tab\"");
      } else if (name == "csv.encoding") {
        const std::string e = to_lower(s);
        if (e == "utf-8" || e == "utf8")
          r.windows1252 = false;
        else if (e == "windows-1252" || e == "cp1252" || e == "latin-1" || e == "latin1" ||
                 e == "iso-8859-1" || e == "iso-8859-15")
          r.windows1252 = true;
        else
          throw fail("use \"utf-8\" or \"windows-1252\" (what files called latin-1 hold)");
      } else if (name == "format.date") {
        try {
          check_date_format(s);
        } catch (const Error& e) {
          throw fail(e.what());
        }
        r.date_format = s;
      } else if (name == "format.decimal") {
        if (s != "." && s != ",") throw fail("the decimal mark is \".\" or \",\"");
        r.decimal = s[0];
      } else if (name == "format.thousands") {
        r.thousands = s;
      } else if (name == "defaults.category") {
        r.category = s;
      } else if (name.starts_with("out.") || name.starts_with("in.")) {
        if (s.empty()) throw fail("a column name from the statement's header row");
        auto& side = name.starts_with("out.") ? r.out_side : r.in_side;
        if (!side) side.emplace();
        const std::string_view leaf = std::string_view(name).substr(name.find('.') + 1);
        (leaf == "amount"     ? side->amount
         : leaf == "fee"      ? side->fee
         : leaf == "currency" ? side->currency
                              : side->payee) = s;
      } else {
        auto& c = r.columns;
        std::string* field = name == "columns.date"     ? &c.date
                             : name == "columns.amount" ? &c.amount
                             : name == "columns.debit"  ? &c.debit
                             : name == "columns.credit" ? &c.credit
                             : name == "columns.payee"  ? &c.payee
                             : name == "columns.memo"   ? &c.memo
                             : name == "columns.id"     ? &c.id
                             : name == "columns.fee"    ? &c.fee
                             : name == "columns.sign"   ? &c.sign
                             : name == "columns.state"  ? &c.state
                                                        : &c.currency;
        if (s.empty()) throw fail("a column name from the statement's header row");
        *field = s;
      }
    }
  }
  if (r.thousands.find(r.decimal) != std::string::npos)
    throw invalid_input(
        fmt::format("{}: format.thousands cannot hold the decimal mark '{}'", source, r.decimal));
  if (r.columns.date.empty())
    throw invalid_input(
        fmt::format("{}: [columns] needs date = \"…\", the header of the date column", source));
  const bool sides = r.out_side || r.in_side;
  if (sides &&
      (!r.out_side || !r.in_side || r.out_side->amount.empty() || r.in_side->amount.empty() ||
       r.columns.sign.empty() || !r.columns.amount.empty() || !r.columns.debit.empty()))
    throw invalid_input(fmt::format(
        "{}: [out] and [in] go together, each with its amount = \"…\", with a sign column that "
        "says which side a row is (columns.sign and [sign]), and without [columns] amount, debit "
        "or credit",
        source));
  const bool one = !r.columns.amount.empty() || sides,
             two = !r.columns.debit.empty() || !r.columns.credit.empty();
  if (one == two || (two && (r.columns.debit.empty() || r.columns.credit.empty())))
    throw invalid_input(fmt::format(
        "{}: [columns] needs either amount = \"…\" (signed) or both debit and credit", source));
  if (!r.columns.sign.empty() && (r.sign_out.empty() || r.sign_in.empty() || !one))
    throw invalid_input(fmt::format(
        "{}: columns.sign needs an amount column and [sign] with out = [the markers of money "
        "out] and in = [those of money in], such as out = [\"S\"] and in = [\"H\"]",
        source));
  if (r.columns.sign.empty() && (!r.sign_out.empty() || !r.sign_in.empty()))
    throw invalid_input(fmt::format(
        "{}: [sign] lists markers, but [columns] names no sign column (sign = \"…\")", source));
  if (states_given && r.columns.state.empty())
    throw invalid_input(fmt::format(
        "{}: rows.skip_states needs the state column: state = \"…\" in [columns]", source));
  return r;
}

namespace {

// The text after decoding, with the lines before the header emptied (not removed, so line
// numbers stay the file's own).
std::string prepared_text(std::string_view raw, std::string_view source, const BankRules& r) {
  std::string text = r.windows1252 ? windows1252_to_utf8(raw, source) : std::string(raw);
  if (r.skip_lines == 0) return text;
  std::string kept;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < r.skip_lines && pos < text.size(); ++i) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) {
      pos = text.size();
      break;
    }
    kept += '\n';
    pos = nl + 1;
  }
  return kept + text.substr(pos);
}

// Runs of spaces, tabs and line breaks inside a label made one space.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool listed(std::string_view value, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& v) { return to_lower(trim(v)) == to_lower(value); });
}

}  // namespace

BankStatement read_statement(std::string_view raw, std::string_view source, const BankRules& r,
                             const Currency& cur) {
  const std::string text = prepared_text(raw, source, r);
  std::map<std::string, std::size_t> index;
  std::size_t header_line = 0;
  const auto column = [&](const std::string& name) -> std::ptrdiff_t {
    if (name.empty()) return -1;
    const auto it = index.find(name);
    if (it == index.end()) {
      std::vector<std::string> names;
      for (const auto& [n, i] : index) names.push_back(n);
      const auto near = closest_matches(name, names);
      throw invalid_input(
          fmt::format("{}:{}: no column '{}' in the header{}; fix [columns] in the rules file",
                      source, header_line, name,
                      near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near.front())));
    }
    return static_cast<std::ptrdiff_t>(it->second);
  };
  std::ptrdiff_t c_date = -1, c_amount = -1, c_debit = -1, c_credit = -1, c_payee = -1, c_memo = -1,
                 c_id = -1, c_cur = -1, c_fee = -1, c_sign = -1, c_state = -1;
  std::vector<std::pair<std::ptrdiff_t, const std::pair<std::string, std::vector<std::string>>*>>
      filters;
  BankStatement out;
  std::map<std::string, int> seen;  // identical rows (or rows sharing an id) get #1, #2 …
  // The header is the first row naming every column of the rules, among the first 30: banks
  // put a varying number of lines about the account before it (La Banque Postale's "Date ;
  // 04/08/2026" among them, so one column's name is not enough).
  constexpr std::size_t kHeaderSearch = 30;
  const auto named = r.named_columns();
  std::map<std::string, std::size_t> first_index;
  std::size_t first_line = 0, preamble = 0;
  bool header_found = false;
  // The column positions of a side of a wallet history ([out] or [in]).
  struct Columns {
    std::ptrdiff_t amount = -1, fee = -1, currency = -1, payee = -1;
  } out_cols, in_cols;
  const auto use_header = [&]() {
    for (const auto& [side, cols] :
         {std::pair(&r.out_side, &out_cols), std::pair(&r.in_side, &in_cols)})
      if (*side) {
        cols->amount = column((*side)->amount);
        cols->fee = column((*side)->fee);
        cols->currency = column((*side)->currency);
        cols->payee = column((*side)->payee);
      }
    c_date = column(r.columns.date);
    c_amount = column(r.columns.amount);
    c_debit = column(r.columns.debit);
    c_credit = column(r.columns.credit);
    c_payee = column(r.columns.payee);
    c_memo = column(r.columns.memo);
    c_id = column(r.columns.id);
    c_cur = column(r.columns.currency);
    c_fee = column(r.columns.fee);
    c_sign = column(r.columns.sign);
    c_state = column(r.columns.state);
    for (const auto& f : r.skip_if) filters.emplace_back(column(f.first), &f);
  };
  const auto is_header = [&](const CsvRecord& rec) {
    std::map<std::string, std::size_t> candidate;
    for (std::size_t i = 0; i < rec.fields.size(); ++i)
      candidate.emplace(std::string(trim(rec.fields[i])), i);
    const bool fits = std::all_of(named.begin(), named.end(),
                                  [&](const std::string& c) { return candidate.contains(c); });
    if (fits) return true;
    if (first_line == 0) first_line = rec.line, first_index = std::move(candidate);
    if (++preamble < kHeaderSearch) return false;  // a line about the account, before the header
    index = first_index;                           // no header: say what the first line lacks
    header_line = first_line;
    use_header();
    return true;
  };
  const auto each_row = [&](const CsvRecord& rec) {
    if (!header_found) {
      header_found = true;
      for (std::size_t i = 0; i < rec.fields.size(); ++i)
        index.emplace(std::string(trim(rec.fields[i])), i);
      header_line = rec.line;
      use_header();
      return;
    }
    const auto field = [&](std::ptrdiff_t c) {
      return c < 0 ? std::string_view() : trim(rec.fields[static_cast<std::size_t>(c)]);
    };
    const auto fail = [&](const std::string& name, const std::string& what) {
      return invalid_input(fmt::format("{}:{}: column '{}': {}", source, rec.line, name, what));
    };
    // Rows that are not transactions: balance lines, pending or declined payments.
    for (const auto& [c, filter] : filters)
      if (listed(field(c), filter->second)) {
        out.skipped.push_back({rec.line, fmt::format("{} is {}", filter->first, field(c))});
        return;
      }
    if (c_state >= 0 && listed(field(c_state), r.skip_states)) {
      out.skipped.push_back({rec.line, fmt::format("state {}", field(c_state))});
      return;
    }
    StatementRow row;
    row.line = rec.line;
    const auto date = parse_date_time(field(c_date), r.date_format);
    if (!date)
      throw fail(r.columns.date, fmt::format("'{}' is not a date written {}; fix format.date",
                                             field(c_date), r.date_format));
    row.date = date->date;
    row.seconds = date->seconds;
    if (c_cur >= 0 && to_upper(field(c_cur)) != cur.code)
      throw fail(
          r.columns.currency,
          fmt::format("'{}', but the account holds {}; import this statement into a {} account",
                      field(c_cur), cur.code, field(c_cur)));
    const auto amount = [&](std::ptrdiff_t c, const std::string& name) {
      try {
        return parse_amount(field(c), r, cur);
      } catch (const Error& e) {
        throw fail(name, e.what());
      }
    };
    std::int64_t fee = 0;
    std::string_view payee = field(c_payee);
    if (r.out_side) {
      // A wallet history: the sign column says which side of the row is this account's.
      const std::string_view marker = field(c_sign);
      const bool out_marker = listed(marker, r.sign_out), in_marker = listed(marker, r.sign_in),
                 both = listed(marker, r.sign_both);
      if (out_marker + in_marker + both != 1)
        throw fail(r.columns.sign,
                   fmt::format("'{}' is no marker of [sign] (out: {}; in: {}{}); add it there",
                               marker, join(r.sign_out, ", "), join(r.sign_in, ", "),
                               r.sign_both.empty() ? "" : "; both: " + join(r.sign_both, ", ")));
      const auto currency_of = [&](const std::optional<BankRules::Side>& side, const Columns& c) {
        return side->currency.empty() ? std::string(cur.code) : to_upper(field(c.currency));
      };
      bool is_out = out_marker;
      if (both) is_out = currency_of(r.out_side, out_cols) == cur.code;
      const auto& side = is_out ? r.out_side : r.in_side;
      const Columns& c = is_out ? out_cols : in_cols;
      if (const std::string code = currency_of(side, c); code != cur.code) {
        out.skipped.push_back(
            {rec.line, fmt::format("{} {}: another balance", is_out ? "out of" : "into", code)});
        return;
      }
      const std::int64_t value = std::abs(amount(c.amount, side->amount));
      row.amount_minor = is_out ? -value : value;
      if (c.fee >= 0 && !field(c.fee).empty()) fee = std::abs(amount(c.fee, side->fee));
      if (c.payee >= 0) payee = field(c.payee);
    } else if (c_amount >= 0) {
      row.amount_minor = amount(c_amount, r.columns.amount);
      if (c_sign >= 0) {
        // Unsigned amounts with a marker beside them: S/H, Af/Bij, DBIT/CRDT…
        const std::string_view marker = field(c_sign);
        const bool out_marker = listed(marker, r.sign_out), in_marker = listed(marker, r.sign_in);
        if (out_marker == in_marker)
          throw fail(r.columns.sign,
                     fmt::format("'{}' is neither a marker of money out ({}) nor of money in "
                                 "({}); add it to [sign] in the rules",
                                 marker, join(r.sign_out, ", "), join(r.sign_in, ", ")));
        row.amount_minor = out_marker ? -std::abs(row.amount_minor) : std::abs(row.amount_minor);
      }
    } else {
      const bool has_debit = !field(c_debit).empty(), has_credit = !field(c_credit).empty();
      if (has_debit == has_credit)
        throw fail(r.columns.debit, fmt::format("give either a debit or a credit (got {})",
                                                has_debit ? "both" : "neither"));
      // Banks write debits with or without a minus; a debit always takes money out.
      row.amount_minor = has_debit ? -std::abs(amount(c_debit, r.columns.debit))
                                   : std::abs(amount(c_credit, r.columns.credit));
    }
    if (c_fee >= 0 && !field(c_fee).empty()) fee = std::abs(amount(c_fee, r.columns.fee));
    // Some banks (Crédit Agricole) write a label over several lines of one quoted field.
    row.payee = collapse_spaces(payee);
    row.memo = collapse_spaces(field(c_memo));
    if (c_id >= 0 && !field(c_id).empty()) {
      // Wise gives a transfer and its fee one id: the rank among rows sharing it tells them
      // apart (the first keeps the bare id, as earlier versions stored it).
      const std::string id(field(c_id));
      const int rank = ++seen["id:" + id];
      row.fingerprint = rank == 1 ? "id:" + id : fmt::format("id:{}#{}", id, rank);
    } else {
      // From the fields as written (before spaces are collapsed), as earlier versions did.
      const std::string key = fmt::format("{}|{}|{}|{}", format_date(row.date), row.amount_minor,
                                          field(c_payee), field(c_memo));
      row.fingerprint = fmt::format("h:{}#{}", fnv1a_hex(key), ++seen[key]);
    }
    if (row.amount_minor == 0 && !r.keep_zero)
      out.skipped.push_back({rec.line, "amount 0"});
    else
      out.rows.push_back(row);
    if (fee != 0) {
      StatementRow f = row;
      f.amount_minor = -fee;
      f.fee = true;
      f.memo = row.memo.empty() ? "Fee" : "Fee: " + row.memo;
      f.fingerprint = row.fingerprint + "/fee";
      out.rows.push_back(std::move(f));
    }
  };
  for_each_csv_record(text, source, r.separator, each_row, is_header);
  if (!header_found && first_line != 0) {
    index = first_index;  // no line names every column: say what the first one lacks
    header_line = first_line;
    use_header();
  }
  if (!header_found) throw invalid_input(fmt::format("{}: empty statement: no header row", source));
  // Oldest first, so the register's order within a day is the bank's: a newest-first file
  // (Wise, most banks) is turned round, then rows with a time are put in order of it.
  auto& rows = out.rows;
  const auto moment = [](const StatementRow& x) {
    return std::pair(std::chrono::sys_days(x.date).time_since_epoch().count(),
                     x.seconds.value_or(0));
  };
  if (rows.size() > 1 && moment(rows.front()) > moment(rows.back())) {
    // Reverse by group, keeping each fee after its row.
    std::vector<StatementRow> turned;
    turned.reserve(rows.size());
    for (std::size_t end = rows.size(); end > 0;) {
      std::size_t begin = end - 1;
      while (begin > 0 && rows[begin].fee) --begin;
      for (std::size_t i = begin; i < end; ++i) turned.push_back(std::move(rows[i]));
      end = begin;
    }
    rows = std::move(turned);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const StatementRow& a, const StatementRow& b) {
    return std::pair(a.date, a.seconds.value_or(0)) < std::pair(b.date, b.seconds.value_or(0));
  });
  return out;
}

std::vector<std::string> missing_columns(std::string_view raw, const BankRules& r) {
  std::vector<std::string> header;
  try {
    const std::string text = prepared_text(raw, "file", r);
    for_each_csv_record(text, "file", r.separator, [&](const CsvRecord& rec) {
      if (!header.empty()) throw std::runtime_error("header read");
      for (const auto& f : rec.fields) header.emplace_back(trim(f));
      if (header.empty()) header.emplace_back();
    });
  } catch (const std::exception&) {
    // Only the header matters; a later row's error, or a file the rules cannot decode, too.
  }
  std::vector<std::string> missing;
  for (const auto& c : r.named_columns())
    if (std::find(header.begin(), header.end(), c) == header.end()) missing.push_back(c);
  return missing;
}

const BankRules::PayeeRule* BankRules::payee_rule(std::string_view payee,
                                                  std::string_view memo) const {
  if (payees.empty()) return nullptr;
  const std::string p = to_lower(payee), m = to_lower(memo);
  for (const auto& rule : payees)
    if (p.find(rule.match) != std::string::npos || m.find(rule.match) != std::string::npos)
      return &rule;
  return nullptr;
}

}  // namespace indie
