// indie rate import|set|list|convert
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/render/ecb_xml.hpp"
#include "indie/store/files.hpp"
#include "indie/store/rate_repo.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct RateArgs {
  std::string file, source = "ECB", base, quote, rate, date, currency, from, to, amount, target;
};

void import_rates(Context& ctx, const RateArgs& a) {
  const std::string name = a.file == "-" ? "<stdin>" : a.file;
  const std::string text = read_file(a.file);
  Store& store = ctx.store();
  WriteTransaction tx(store);
  RateRepo& repo = store.rates();
  RateRepo::ImportResult r;
  if (looks_like_xml(text)) {
    std::vector<EcbRate> rates;
    const std::size_t days =
        read_ecb_xml(text, name, [&](const EcbRate& e) { rates.push_back(e); });
    r = repo.import_ecb_rates(std::move(rates), days, a.source);
  } else {
    r = repo.import_ecb(text, name, a.source);
  }
  tx.commit();
  ctx.say(fmt::format("Imported {}: {} days, {} rates, {} new ({} already known).", name, r.days,
                      r.rates, r.added, r.rates - r.added));
}

void set_rate(Context& ctx, const RateArgs& a) {
  const Currency& base = currency_arg(a.base, "base currency");
  const Currency& quote = currency_arg(a.quote, "quote currency");
  Decimal rate;
  try {
    rate = Decimal::parse(a.rate);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("rate: {}", e.what()));
  }
  check_rate(rate);
  const Date date = date_or_today(ctx, a.date, "--date");
  Store& store = ctx.store();
  WriteTransaction tx(store);
  const auto previous = store.rates().set({std::string(base.code), std::string(quote.code), date,
                                           rate, a.source.empty() ? "manual" : a.source});
  tx.commit();
  ctx.say(fmt::format(
      "Set 1 {} = {} {} on {}{}.", base.code, rate.normalized().to_string(), quote.code,
      format_date(date),
      previous
          ? fmt::format(" (was {}, {})", previous->rate.normalized().to_string(), previous->source)
          : ""));
}

void list_rates(Context& ctx, const RateArgs& a) {
  RateRepo::Filter f;
  if (!a.currency.empty()) f.currency = std::string(currency_arg(a.currency, "--currency").code);
  if (!a.from.empty()) f.from = date_or_today(ctx, a.from, "--from");
  if (!a.to.empty()) f.to = date_or_today(ctx, a.to, "--to");
  TableWriter w(ctx.out, ctx.format(), {"date", "base", "quote", "rate", "source"});
  // Without dates: the latest rate of each pair, which is what a conversion today would use.
  f.latest_only = !f.from && !f.to;
  ctx.store().rates().for_each(f, [&](const FxQuote& q) {
    w.row(std::vector<Cell>{Cell::str(format_date(q.date)), Cell::str(q.base), Cell::str(q.quote),
                            Cell::amount(q.rate.normalized().to_string()), Cell::str(q.source)});
  });
  if (w.rows() == 0 && ctx.format() == Format::table) {
    ctx.err << "No rates"
            << (f.currency || f.from || f.to
                    ? " match"
                    : " yet; import the ECB's: indie rate import eurofxref-hist.csv")
            << ".\n";
    return;
  }
  w.finish();
}

void convert_amount(Context& ctx, const RateArgs& a) {
  const Currency& from = currency_arg(a.currency, "currency");
  const Currency& to =
      currency_arg(a.target.empty() ? ctx.config().business.currency : a.target, "--to");
  const Money amount = amount_arg(a.amount, from, "amount");
  const Date date = date_or_today(ctx, a.date, "--date");
  const FxPath path = ctx.store().rates().path(from.code, to.code, date);
  const Money result = convert(amount, path, to);
  if (ctx.format() == Format::table) {
    ctx.out << fmt::format("{} {} = {} {}", amount.to_string(), from.code, result.to_string(),
                           to.code);
    if (!path.legs.empty()) ctx.out << fmt::format("  ({})", path.describe());
    ctx.out << "\n";
    return;
  }
  Table t;
  t.columns = {"amount", "currency", "converted", "to", "rate", "rate_date", "via"};
  std::string via;
  for (const auto& l : path.legs) via += (via.empty() ? "" : ",") + l.from();
  if (!via.empty()) via += "," + std::string(to.code);
  t.rows.push_back({Cell::amount(amount.to_string()), Cell::str(std::string(from.code)),
                    Cell::amount(result.to_string()), Cell::str(std::string(to.code)),
                    Cell::amount(path_rate(path, 8).to_string()),
                    path.legs.empty() ? Cell::none() : Cell::str(format_date(path.date())),
                    Cell::str(via)});
  print_record(ctx.out, t, ctx.format());
}

}  // namespace

void setup_rate(CLI::App& app, Context& ctx) {
  auto* group =
      app.add_subcommand("rate", "Exchange rates: import the ECB's, set your own, convert");
  group->footer(
      "A rate reads \"1 BASE = RATE QUOTE\". The ECB publishes 1 EUR = 1.0938 USD; `indie rate "
      "set`\n"
      "takes any pair. A conversion on a day uses that day's rate, else the last earlier one; a\n"
      "rate may be used backwards (USD->EUR from EUR->USD), and two currencies without a rate\n"
      "between them go through EUR (USD->EUR->GBP). Rates are exact decimals; a converted\n"
      "amount is rounded once, half away from zero.\n\n"
      "Examples:\n  indie rate import eurofxref-hist.csv\n  indie rate convert 100 USD --to EUR "
      "--date 2024-10-11");
  group->require_subcommand(1);
  auto a = std::make_shared<RateArgs>();

  auto* imp = group->add_subcommand(
      "import", "Import the ECB's reference rates (CSV or XML, full history or one day)");
  imp->add_option(
         "file", a->file,
         "eurofxref-hist.csv or .xml, eurofxref.csv, eurofxref-daily.xml, or - for standard input")
      ->required();
  imp->add_option("--source", a->source, "Name stored with each rate (default: ECB)");
  imp->footer(
      "Download the files from the ECB (\"Euro foreign exchange reference rates\", CSV or XML:\n"
      "eurofxref-hist.xml, eurofxref-daily.xml; an XML file is recognised by its first '<'). "
      "Importing\n"
      "again, or an overlapping file, adds only the days not stored yet; a rate set by hand for\n"
      "the same day is kept. A malformed file changes nothing and names its line.\n\n"
      "Examples:\n  indie rate import eurofxref-hist.csv\n  curl -s URL | funzip | indie rate "
      "import -");
  imp->callback([&ctx, a] { import_rates(ctx, *a); });

  auto* set = group->add_subcommand("set", "Set a rate by hand: 1 BASE = RATE QUOTE on a day");
  set->add_option("base", a->base, "Currency of 1 unit, e.g. USD")->required();
  set->add_option("quote", a->quote, "Currency the rate is in, e.g. EUR")->required();
  set->add_option("rate", a->rate, "Exact decimal, more than 0, e.g. 0.9234")->required();
  set->add_option("--date", a->date,
                  "Day it applies to (default: today); later days use it until a newer one");
  set->add_option("--source", a->source, "Where it comes from (default: manual)");
  set->footer("Example:\n  indie rate set USD EUR 0.9234 --date 2026-11-20 --source \"Wise\"");
  set->callback([&ctx, a] {
    if (a->source == "ECB") a->source = "manual";  // the import's default is not the hand-set one's
    set_rate(ctx, *a);
  });

  auto* list =
      group->add_subcommand("list", "List rates: the latest of each pair, or all between two days");
  list->add_option("-c,--currency", a->currency, "Only rates from or to this currency");
  list->add_option("--from", a->from, "All rates on or after this day");
  list->add_option("--to", a->to, "All rates on or before this day");
  list->footer(
      "Examples:\n  indie rate list\n  indie rate list --currency USD --from 2024-10-01 --format "
      "csv");
  list->callback([&ctx, a] { list_rates(ctx, *a); });

  auto* conv = group->add_subcommand("convert", "Convert an amount at the rate of a day");
  conv->add_option("amount", a->amount, "Exact amount, e.g. 100 or 1234.56")->required();
  conv->add_option("currency", a->currency, "Its currency, e.g. USD")->required();
  conv->add_option("--to", a->target, "Target currency (default: business.currency)");
  conv->add_option("--date", a->date, "Day of the rate (default: today)");
  conv->footer(
      "Examples:\n  indie rate convert 100 USD --to EUR\n  indie rate convert 2500 USD --to GBP "
      "--date 2024-10-11 --format json");
  conv->callback([&ctx, a] { convert_amount(ctx, *a); });
}

}  // namespace indie::cli
