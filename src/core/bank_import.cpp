#include "indie/core/bank_import.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <map>

#include "indie/core/csv.hpp"
#include "indie/core/error.hpp"
#include "indie/core/money.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// Every key a rules file may hold, so a misspelt one is reported instead of ignored.
const std::vector<std::string> kKeys = {"csv.separator",  "csv.skip_lines",   "csv.encoding",
                                        "columns.date",   "columns.amount",   "columns.debit",
                                        "columns.credit", "columns.payee",    "columns.memo",
                                        "columns.id",     "columns.currency", "format.date",
                                        "format.decimal", "format.thousands", "defaults.category"};

std::string latin1_to_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// A day in `format` (%Y %y %m %d; other characters must match as they are).
std::optional<Date> parse_with_format(std::string_view text, std::string_view format) {
  int y = -1;
  unsigned m = 0, d = 0;
  std::size_t i = 0;
  const auto digits = [&](std::size_t min, std::size_t max, long& value) {
    std::size_t n = 0;
    value = 0;
    while (n < max && i < text.size() && text[i] >= '0' && text[i] <= '9')
      value = value * 10 + (text[i++] - '0'), ++n;
    return n >= min;
  };
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] == '%' && f + 1 < format.size()) {
      long v = 0;
      const char spec = format[++f];
      if (spec == 'Y' && digits(4, 4, v))
        y = static_cast<int>(v);
      else if (spec == 'y' && digits(2, 2, v))
        y = 2000 + static_cast<int>(v);
      else if (spec == 'm' && digits(1, 2, v))
        m = static_cast<unsigned>(v);
      else if (spec == 'd' && digits(1, 2, v))
        d = static_cast<unsigned>(v);
      else
        return std::nullopt;
    } else {
      if (i >= text.size() || text[i] != format[f]) return std::nullopt;
      ++i;
    }
  }
  if (i != text.size() || y < kFirstYear || y > kLastYear) return std::nullopt;
  const Date date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!date.ok()) return std::nullopt;
  return date;
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

BankRules parse_bank_rules(std::string_view text, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw invalid_input(fmt::format("{}:{}:{}: {}", source, e.source().begin.line,
                                    e.source().begin.column, e.description()));
  }
  BankRules r;
  for (const auto& [table_key, table_node] : root) {
    const auto* table = table_node.as_table();
    if (table == nullptr) {
      const auto& at = table_node.source().begin;
      throw invalid_input(
          fmt::format("{}:{}:{}: '{}' must be inside [csv], [columns], [format] or [defaults]",
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
      if (name == "csv.skip_lines") {
        const auto v = node.value<std::int64_t>();
        if (!v || *v < 0 || *v > 1000) throw fail("a whole number of lines, 0 to 1000");
        r.skip_lines = static_cast<std::size_t>(*v);
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
          r.latin1 = false;
        else if (e == "latin-1" || e == "latin1" || e == "iso-8859-1" || e == "windows-1252")
          r.latin1 = true;
        else
          throw fail("use \"utf-8\" or \"latin-1\"");
      } else if (name == "format.date") {
        if (s.find("%d") == std::string::npos || s.find("%m") == std::string::npos ||
            (s.find("%Y") == std::string::npos && s.find("%y") == std::string::npos))
          throw fail("a date format with %d, %m and %Y (or %y), such as \"%d/%m/%Y\"");
        r.date_format = s;
      } else if (name == "format.decimal") {
        if (s != "." && s != ",") throw fail("the decimal mark is \".\" or \",\"");
        r.decimal = s[0];
      } else if (name == "format.thousands") {
        r.thousands = s;
      } else if (name == "defaults.category") {
        r.category = s;
      } else {
        auto& c = r.columns;
        std::string* field = name == "columns.date"     ? &c.date
                             : name == "columns.amount" ? &c.amount
                             : name == "columns.debit"  ? &c.debit
                             : name == "columns.credit" ? &c.credit
                             : name == "columns.payee"  ? &c.payee
                             : name == "columns.memo"   ? &c.memo
                             : name == "columns.id"     ? &c.id
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
  const bool one = !r.columns.amount.empty(),
             two = !r.columns.debit.empty() || !r.columns.credit.empty();
  if (one == two || (two && (r.columns.debit.empty() || r.columns.credit.empty())))
    throw invalid_input(fmt::format(
        "{}: [columns] needs either amount = \"…\" (signed) or both debit and credit", source));
  return r;
}

std::vector<StatementRow> read_statement(std::string_view raw, std::string_view source,
                                         const BankRules& r, const Currency& cur) {
  std::string text = r.latin1 ? latin1_to_utf8(raw) : std::string(raw);
  // Lines before the header are emptied, not removed, so line numbers stay the file's own.
  if (r.skip_lines > 0) {
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
    text = kept + text.substr(pos);
  }
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
                 c_id = -1, c_cur = -1;
  std::vector<StatementRow> rows;
  std::map<std::string, int> seen;  // identical rows get #1, #2 …
  for_each_csv_record(text, source, r.separator, [&](const CsvRecord& rec) {
    if (index.empty()) {
      header_line = rec.line;
      for (std::size_t i = 0; i < rec.fields.size(); ++i)
        index.emplace(std::string(trim(rec.fields[i])), i);
      c_date = column(r.columns.date);
      c_amount = column(r.columns.amount);
      c_debit = column(r.columns.debit);
      c_credit = column(r.columns.credit);
      c_payee = column(r.columns.payee);
      c_memo = column(r.columns.memo);
      c_id = column(r.columns.id);
      c_cur = column(r.columns.currency);
      return;
    }
    const auto field = [&](std::ptrdiff_t c) {
      return c < 0 ? std::string_view() : trim(rec.fields[static_cast<std::size_t>(c)]);
    };
    const auto fail = [&](const std::string& name, const std::string& what) {
      return invalid_input(fmt::format("{}:{}: column '{}': {}", source, rec.line, name, what));
    };
    StatementRow row;
    row.line = rec.line;
    const auto date = parse_with_format(field(c_date), r.date_format);
    if (!date)
      throw fail(r.columns.date,
                 fmt::format("'{}' is not a date written {}", field(c_date), r.date_format));
    row.date = *date;
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
    if (c_amount >= 0) {
      row.amount_minor = amount(c_amount, r.columns.amount);
    } else {
      const bool has_debit = !field(c_debit).empty(), has_credit = !field(c_credit).empty();
      if (has_debit == has_credit)
        throw fail(r.columns.debit, fmt::format("give either a debit or a credit (got {})",
                                                has_debit ? "both" : "neither"));
      // Banks write debits with or without a minus; a debit always takes money out.
      row.amount_minor = has_debit ? -std::abs(amount(c_debit, r.columns.debit))
                                   : std::abs(amount(c_credit, r.columns.credit));
    }
    if (row.amount_minor == 0)
      throw fail(c_amount >= 0 ? r.columns.amount : r.columns.debit, "an amount of 0");
    row.payee = field(c_payee);
    row.memo = field(c_memo);
    if (c_id >= 0 && !field(c_id).empty()) {
      row.fingerprint = "id:" + std::string(field(c_id));
    } else {
      const std::string key =
          fmt::format("{}|{}|{}|{}", format_date(row.date), row.amount_minor, row.payee, row.memo);
      row.fingerprint = fmt::format("h:{}#{}", fnv1a_hex(key), ++seen[key]);
    }
    rows.push_back(std::move(row));
  });
  if (index.empty()) throw invalid_input(fmt::format("{}: empty statement: no header row", source));
  return rows;
}

}  // namespace indie
