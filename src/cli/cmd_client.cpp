// indie client add|list|show|edit|archive|unarchive|rm|import
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "commands.hpp"
#include "fields.hpp"
#include "indie/core/csv.hpp"
#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/files.hpp"
#include "records.hpp"

namespace indie::cli {
namespace {

constexpr auto kClientFlags = std::to_array<FieldFlag>({
    {"--name", "name", "Display name (default: the handle)"},
    {"--legal-name", "legal_name", "Registered name printed on invoices, if different"},
    {"--address", "address", "Postal address; repeat for several lines", true},
    {"--country", "country", "ISO 3166 country code: FR, DE, US …"},
    {"--email", "email", "Billing e-mail address"},
    {"--siren", "siren", "SIREN of a French business client (9 digits)"},
    {"--vat-number", "vat_number", "Intra-EU VAT number (required for reverse charge)"},
    {"--currency", "currency", "Invoice currency, ISO 4217 (default: your base currency)"},
    {"--lang", "language", "Document language: fr or en (default: fr at home, en abroad)"},
    {"--terms", "payment_terms",
     "Payment terms: days (30) or days end of month (45eom); default: invoice.payment_terms"},
    {"--vat-treatment", "vat_treatment",
     "domestic, eu-business, non-eu-business or consumer (default: from the country)"},
    {"--rounding", "rounding",
     "Billing rounding of tracked time, e.g. \"15m up entry\"; empty: the config's"},
    {"--notes", "notes", "Free notes"},
    {"--delivery-address", "delivery_address",
     "Where goods are delivered, when not to --address; repeat for several lines", true},
    {"--einvoice-address", "einvoice_address",
     "Address in the French e-invoicing directory (BT-49): the SIREN and a suffix, e.g. "
     "552100554_FACTURES (default: the SIREN)"},
});

struct ClientArgs {
  std::string handle;
  FieldValues values;
  bool all = false;
  bool dry_run = false;
  std::string file;
};

void describe_treatment(Context& ctx, const Client& c, const std::vector<std::string>& given) {
  if (std::find(given.begin(), given.end(), "vat_treatment") == given.end())
    ctx.say(fmt::format("  VAT treatment: {} (from the country; change it with --vat-treatment)",
                        to_string(c.vat_treatment)));
}

void add(Context& ctx, ClientArgs& a) {
  Store& store = ctx.store();
  Client c;
  set_client_field(c, "handle", a.handle);
  c.name = c.handle;
  apply_fields(kClientFlags, a.values,
               [&](const std::string& f, const std::string& v) { set_client_field(c, f, v); });
  const auto given = given_fields(a.values);
  complete_client(c, ctx.config(), given);
  c.created_at = ctx.now_iso();
  WriteTransaction tx(store);
  const auto id = store.clients().insert(c);
  tx.commit();
  ctx.say(fmt::format("Added client {} (id {}), billed in {}.", c.handle, id, c.currency));
  describe_treatment(ctx, c, given);
}

void edit(Context& ctx, ClientArgs& a, const std::string& new_handle) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ClientRepo& repo = store.clients();
  Client c = repo.get(a.handle);
  const std::string old_handle = c.handle;
  if (a.values.empty() && new_handle.empty())
    throw usage_error("nothing to change: give at least one flag, e.g. indie client edit " +
                      c.handle + " --email billing@example.com");
  if (!new_handle.empty()) set_client_field(c, "handle", new_handle);
  apply_fields(kClientFlags, a.values,
               [&](const std::string& f, const std::string& v) { set_client_field(c, f, v); });
  complete_client(c, ctx.config(), given_fields(a.values));
  repo.update(c);
  tx.commit();
  ctx.say(old_handle == c.handle
              ? fmt::format("Updated client {}.", c.handle)
              : fmt::format("Updated client {} (was {}).", c.handle, old_handle));
}

void set_client_archived(Context& ctx, const std::string& handle, bool archived) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ClientRepo& repo = store.clients();
  Client c = repo.get(handle);
  if (c.archived() == archived) {
    ctx.say(fmt::format("Client {} is already {}.", c.handle, archived ? "archived" : "active"));
    return;
  }
  if (archived)
    c.archived_at = ctx.now_iso();
  else
    c.archived_at.reset();
  repo.update(c);
  tx.commit();
  ctx.say(archived ? fmt::format("Archived client {}; `indie client list --all` still shows it.",
                                 c.handle)
                   : fmt::format("Client {} is active again.", c.handle));
}

void remove_client(Context& ctx, const std::string& handle) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ClientRepo& repo = store.clients();
  const Client c = repo.get(handle);
  if (const std::string history = repo.history(c.id); !history.empty())
    throw conflict(
        fmt::format("client {} has history ({}) and cannot be removed; archive it instead: "
                    "indie client archive {}",
                    c.handle, history, c.handle));
  repo.remove(c.id);
  tx.commit();
  ctx.say(fmt::format("Removed client {}.", c.handle));
}

// The columns `client list --format csv` writes, read back. Unknown columns are refused rather
// than ignored, so a typo in a header cannot silently drop data.
void import(Context& ctx, ClientArgs& a) {
  const std::string source = a.file == "-" ? "<stdin>" : a.file;
  const std::string text = read_file(a.file);
  const auto records = parse_csv(text, source);
  if (records.empty())
    throw invalid_input(fmt::format("{}: the file is empty; it needs a header row", source));

  const auto& header = records.front().fields;
  const std::vector<std::string> known = client_columns();
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = to_lower(trim(header[i]));
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw invalid_input(
          fmt::format("{}:{}:{}: unknown column '{}'.{} The columns are those of "
                      "indie client list --format csv.",
                      source, records.front().line, i + 1, header[i], did_you_mean(name, known)));
    if (column.count(name))
      throw invalid_input(fmt::format("{}:1: column '{}' appears twice", source, name));
    column[name] = i;
  }
  for (const char* required : {"handle", "name"})
    if (!column.count(required))
      throw invalid_input(fmt::format("{}:1: the header has no '{}' column", source, required));

  Store& store = ctx.store();
  WriteTransaction tx(store);
  ClientRepo& repo = store.clients();
  std::set<std::string> seen;
  std::size_t count = 0;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    std::string current = "handle";
    const auto at = [&](const std::string& field) {
      return fmt::format("{}:{}:{} ({})", source, rec.line, column[field] + 1, field);
    };
    try {
      Client c;
      std::vector<std::string> given;
      for (const auto& field : client_fields()) {
        const std::string f(field);
        if (!column.count(f)) continue;
        current = f;
        const std::string& value = rec.fields[column[f]];
        if (trim(value).empty() && f != "name" && f != "handle") continue;
        set_client_field(c, f, value);
        given.push_back(f);
      }
      if (column.count("archived_at") && !trim(rec.fields[column["archived_at"]]).empty()) {
        current = "archived_at";
        c.archived_at = format_instant_utc(parse_instant(rec.fields[column["archived_at"]]));
      }
      current = "handle";
      if (!seen.insert(to_lower(c.handle)).second)
        throw conflict(fmt::format("handle '{}' appears twice in the file", c.handle));
      complete_client(c, ctx.config(), given);
      c.created_at = ctx.now_iso();
      repo.insert(c);
      ++count;
    } catch (const Error& e) {
      // Nothing is kept: the transaction rolls back as this unwinds.
      throw Error(e.kind(), fmt::format("{}: {}. Nothing was imported.", at(current), e.what()));
    }
  }
  if (a.dry_run) {
    ctx.say(fmt::format("Would import {} client{} from {} (dry run: nothing written).", count,
                        count == 1 ? "" : "s", source));
    return;
  }
  tx.commit();
  ctx.say(fmt::format("Imported {} client{} from {}.", count, count == 1 ? "" : "s", source));
}

}  // namespace

void setup_client_statement(CLI::App& group, Context& ctx);

void setup_client(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ClientArgs>();
  auto* group = app.add_subcommand("client", "Add, list, change and import clients");
  group->footer(
      "Examples:\n"
      "  indie client add acme --name \"ACME SAS\" --country FR --siren 732829320\n"
      "  indie client add globex --name Globex --country DE --vat-number DE123456789\n"
      "  indie client list --format csv > clients.csv\n"
      "  indie client statement acme --to pdf\n"
      "See also: man indie-client");

  auto* add_cmd = group->add_subcommand("add", "Add a client");
  add_cmd->add_option("handle", args->handle, "Short name used on the command line, e.g. acme")
      ->required();
  add_field_flags(add_cmd, kClientFlags, args->values);
  add_cmd->footer(
      "The VAT treatment follows from the country (domestic at home, eu-business in the EU,\n"
      "non-eu-business elsewhere); private persons need --vat-treatment consumer.\n\n"
      "Examples:\n"
      "  indie client add acme --name \"ACME\" --legal-name \"ACME SAS\" --country FR --siren "
      "732829320 \\\n"
      "      --address \"3 rue de la Paix\" --address \"75002 Paris\" --email compta@acme.fr\n"
      "  indie client add initech --name Initech --country US --currency USD --terms 45\n"
      "  indie client add jdupont --name \"Jeanne Dupont\" --vat-treatment consumer");
  add_cmd->callback([&ctx, args] { add(ctx, *args); });

  auto* list_cmd = group->add_subcommand("list", "List clients (archived ones with --all)");
  list_cmd->add_flag("-a,--all", args->all, "Include archived clients");
  list_cmd->footer(
      "Examples:\n  indie client list\n  indie client list --all --format json | jq '.[].handle'");
  list_cmd->callback([&ctx, args] {
    // Streamed: rows go out as the store yields them (ten thousand clients stay instant). The
    // terminal table reads only its own columns, borrowed from the store without a copy.
    ClientRepo& repo = ctx.store().clients();
    const bool table = ctx.format() == Format::table;
    TableWriter writer(ctx.out, ctx.format(), table ? client_table_columns() : client_columns());
    if (table) {
      std::array<CellView, 8> cells;
      char terms[16];
      repo.for_each_summary(args->all, [&](const ClientSummary& c) {
        client_summary_cells(c, terms, cells);
        writer.row(cells);
      });
    } else {
      std::vector<Cell> cells;
      repo.for_each(args->all, [&](const Client& c) {
        client_cells(c, cells);
        writer.row(cells);
      });
    }
    if (writer.rows() == 0 && ctx.format() == Format::table) {
      ctx.err << "No clients yet. Add one with: indie client add acme --name \"ACME\"\n";
      return;
    }
    writer.finish();
  });

  auto* show_cmd = group->add_subcommand("show", "Show every field of one client");
  show_cmd->add_option("client", args->handle, "Handle or id")->required();
  show_cmd->footer("Example:\n  indie client show acme --format json");
  show_cmd->callback([&ctx, args] {
    const Client c = ctx.store().clients().get(args->handle);
    print_record(ctx.out, client_table({c}), ctx.format());
  });

  auto new_handle = std::make_shared<std::string>();
  auto* edit_cmd = group->add_subcommand("edit", "Change a client's fields");
  edit_cmd->add_option("client", args->handle, "Handle or id")->required();
  edit_cmd->add_option("--handle", *new_handle, "Rename the handle");
  add_field_flags(edit_cmd, kClientFlags, args->values);
  edit_cmd->footer(
      "An empty value clears an optional field.\n\nExamples:\n"
      "  indie client edit acme --email compta@acme.fr --terms 45\n"
      "  indie client edit acme --vat-number \"\"");
  edit_cmd->callback([&ctx, args, new_handle] { edit(ctx, *args, *new_handle); });

  auto* archive_cmd =
      group->add_subcommand("archive", "Hide a client from lists, keeping its history");
  archive_cmd->add_option("client", args->handle, "Handle or id")->required();
  archive_cmd->footer("Example:\n  indie client archive acme");
  archive_cmd->callback([&ctx, args] { set_client_archived(ctx, args->handle, true); });

  auto* unarchive_cmd = group->add_subcommand("unarchive", "Make an archived client active again");
  unarchive_cmd->add_option("client", args->handle, "Handle or id")->required();
  unarchive_cmd->callback([&ctx, args] { set_client_archived(ctx, args->handle, false); });

  auto* rm_cmd = group->add_subcommand("rm", "Remove a client that has no history");
  rm_cmd->add_option("client", args->handle, "Handle or id")->required();
  rm_cmd->footer(
      "A client with projects, time or invoices cannot be removed: archive it.\n\n"
      "Example:\n  indie client rm typo-client");
  rm_cmd->callback([&ctx, args] { remove_client(ctx, args->handle); });

  auto* import_cmd = group->add_subcommand("import", "Import clients from CSV (all or nothing)");
  import_cmd->add_option("file", args->file, "CSV file, or - for standard input")->required();
  import_cmd->add_flag("-n,--dry-run", args->dry_run,
                       "Check the file and say what would be imported");
  import_cmd->footer(
      "The columns are those `indie client list --format csv` writes; handle and name are\n"
      "required, the others optional, in any order. A bad row stops the import with its line\n"
      "and column, and nothing is imported.\n\n"
      "Examples:\n  indie client import clients.csv\n  indie --db other.db client list --format "
      "csv | indie client import -");
  import_cmd->callback([&ctx, args] { import(ctx, *args); });
  setup_client_statement(*group, ctx);
}

}  // namespace indie::cli
