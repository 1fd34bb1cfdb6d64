// indie project add|list|show|edit|archive|unarchive|rm
#include <fmt/format.h>

#include <array>

#include "commands.hpp"
#include "fields.hpp"
#include "indie/core/error.hpp"
#include "indie/store/client_repo.hpp"
#include "records.hpp"

namespace indie::cli {
namespace {

// Currency comes before rate: a rate is checked against its currency's decimals.
constexpr auto kProjectFlags = std::to_array<FieldFlag>({
    {"--name", "name", "Display name (default: the handle)"},
    {"--currency", "currency", "Currency of the rate (default: the client's)"},
    {"--rate", "rate", "Rate with its unit: 80/h or 600/d; empty for none"},
    {"--billable", "billable", "true (default) or false"},
    {"--rounding", "rounding",
     "Billing rounding of tracked time, e.g. \"15m up day\"; empty: the client's"},
    {"--activity", "activity",
     "bnc, bic-services or bic-sales, for the URSSAF and VAT split; empty: business.activity"},
    {"--notes", "notes", "Free notes"},
});

struct ProjectArgs {
  std::string ref;
  FieldValues values;
  bool all = false;
  bool non_billable = false;
  std::string client;
};

void apply(Project& p, ProjectArgs& a) {
  if (a.non_billable) a.values.emplace_back("billable", "false");
  apply_fields(kProjectFlags, a.values,
               [&](const std::string& f, const std::string& v) { set_project_field(p, f, v); });
  complete_project(p);
}

void add(Context& ctx, ProjectArgs& a) {
  Store& store = ctx.store();
  const auto [client_handle, handle] = split_project_path(a.ref);
  WriteTransaction tx(store);
  const Client client = store.clients().get(client_handle);
  if (client.archived())
    throw conflict(
        fmt::format("client {} is archived; make it active first: indie client unarchive {}",
                    client.handle, client.handle));
  Project p;
  p.client_id = client.id;
  p.client_handle = client.handle;
  set_project_field(p, "handle", handle);
  p.currency = client.currency;
  apply(p, a);
  p.created_at = ctx.now_iso();
  const auto id = store.projects().insert(p);
  tx.commit();
  ctx.say(fmt::format(
      "Added project {} (id {}){}{}.", p.path(), id,
      p.rate ? fmt::format(" at {} {}", p.rate->to_string(), p.currency) : ", no rate yet",
      p.billable ? "" : ", not billable"));
}

void edit(Context& ctx, ProjectArgs& a, const std::string& new_handle) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ProjectRepo& repo = store.projects();
  Project p = repo.get(a.ref);
  if (a.values.empty() && new_handle.empty() && !a.non_billable)
    throw usage_error("nothing to change: give at least one flag, e.g. indie project edit " +
                      p.path() + " --rate 90/h");
  if (!new_handle.empty()) set_project_field(p, "handle", new_handle);
  apply(p, a);
  repo.update(p);
  tx.commit();
  ctx.say(fmt::format("Updated project {}.", p.path()));
}

void set_project_archived(Context& ctx, const std::string& ref, bool archived) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ProjectRepo& repo = store.projects();
  Project p = repo.get(ref);
  if (p.archived() == archived) {
    ctx.say(fmt::format("Project {} is already {}.", p.path(), archived ? "archived" : "active"));
    return;
  }
  if (archived)
    p.archived_at = ctx.now_iso();
  else
    p.archived_at.reset();
  repo.update(p);
  tx.commit();
  ctx.say(fmt::format("{} project {}.", archived ? "Archived" : "Reactivated", p.path()));
}

void remove_project(Context& ctx, const std::string& ref) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  ProjectRepo& repo = store.projects();
  const Project p = repo.get(ref);
  if (const auto history = repo.history(p.id); !history.empty())
    throw conflict(
        fmt::format("project {} has history ({}); archive it instead: indie project archive {}",
                    p.path(), history, p.path()));
  repo.remove(p.id);
  tx.commit();
  ctx.say(fmt::format("Removed project {}.", p.path()));
}

}  // namespace

void setup_project(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ProjectArgs>();
  auto* group = app.add_subcommand("project", "Add, list and change projects, with their rates");
  group->footer(
      "A project belongs to a client and is named CLIENT/PROJECT, e.g. acme/website.\n\n"
      "Examples:\n  indie project add acme/website --name \"Site web\" --rate 80/h\n"
      "  indie project list --client acme\nSee also: man indie-project");

  auto* add_cmd = group->add_subcommand("add", "Add a project to a client");
  add_cmd->add_option("project", args->ref, "CLIENT/PROJECT, e.g. acme/website")->required();
  add_field_flags(add_cmd, kProjectFlags, args->values);
  // Two flags that say opposite things are refused, never resolved by their order (issue 35).
  add_cmd->add_flag("--non-billable", args->non_billable, "Same as --billable false")
      ->excludes("--billable");
  add_cmd->footer(
      "Examples:\n  indie project add acme/website --name \"Refonte du site\" --rate 80/h\n"
      "  indie project add initech/audit --rate 600/d --currency USD\n"
      "  indie project add acme/internal --non-billable");
  add_cmd->callback([&ctx, args] { add(ctx, *args); });

  auto* list_cmd = group->add_subcommand("list", "List projects (archived ones with --all)");
  list_cmd->add_option("-c,--client", args->client, "Only this client's projects");
  list_cmd->add_flag("-a,--all", args->all, "Include archived projects and clients");
  list_cmd->footer(
      "Examples:\n  indie project list\n  indie project list --client acme --format csv");
  list_cmd->callback([&ctx, args] {
    std::optional<std::int64_t> client_id;
    if (!args->client.empty()) client_id = ctx.store().clients().get(args->client).id;
    const auto projects = ctx.store().projects().list(client_id, args->all);
    if (projects.empty() && ctx.format() == Format::table) {
      ctx.err << "No projects yet. Add one with: indie project add CLIENT/PROJECT --rate 80/h\n";
      return;
    }
    print_table(ctx.out, project_table(projects), ctx.format());
  });

  auto* show_cmd = group->add_subcommand("show", "Show one project");
  show_cmd->add_option("project", args->ref, "CLIENT/PROJECT or id")->required();
  show_cmd->callback([&ctx, args] {
    print_record(ctx.out, project_table({ctx.store().projects().get(args->ref)}), ctx.format());
  });

  auto new_handle = std::make_shared<std::string>();
  auto* edit_cmd = group->add_subcommand("edit", "Change a project");
  edit_cmd->add_option("project", args->ref, "CLIENT/PROJECT or id")->required();
  edit_cmd->add_option("--handle", *new_handle, "Rename the project's handle");
  add_field_flags(edit_cmd, kProjectFlags, args->values);
  edit_cmd->add_flag("--non-billable", args->non_billable, "Same as --billable false")
      ->excludes("--billable");
  edit_cmd->footer(
      "Examples:\n  indie project edit acme/website --rate 90/h\n  indie project edit acme/website "
      "--billable false");
  edit_cmd->callback([&ctx, args, new_handle] { edit(ctx, *args, *new_handle); });

  auto* archive_cmd = group->add_subcommand("archive", "Hide a finished project from lists");
  archive_cmd->add_option("project", args->ref, "CLIENT/PROJECT or id")->required();
  archive_cmd->callback([&ctx, args] { set_project_archived(ctx, args->ref, true); });

  auto* unarchive_cmd = group->add_subcommand("unarchive", "Make an archived project active again");
  unarchive_cmd->add_option("project", args->ref, "CLIENT/PROJECT or id")->required();
  unarchive_cmd->callback([&ctx, args] { set_project_archived(ctx, args->ref, false); });

  auto* rm_cmd = group->add_subcommand("rm", "Remove a project that has no history");
  rm_cmd->add_option("project", args->ref, "CLIENT/PROJECT or id")->required();
  rm_cmd->callback([&ctx, args] { remove_project(ctx, args->ref); });
}

}  // namespace indie::cli
