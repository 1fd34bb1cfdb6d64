// indie template list|show|export: the invoice templates there are, and a start for your own.
#include <fmt/format.h>

#include <filesystem>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/render/templates.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {
namespace {

namespace fs = std::filesystem;

constexpr DocFormat kFormats[] = {DocFormat::html, DocFormat::md, DocFormat::txt};

void list(Context& ctx) {
  const std::string dir = ctx.templates_dir();
  TableWriter w(ctx.out, ctx.format(), {"name", "format", "origin"});
  for (const auto& t : list_templates(dir))
    w.row({Cell::str(t.name), Cell::str(t.format), Cell::str(t.origin)});
  w.finish();
  if (ctx.format() == Format::table)
    ctx.err << fmt::format(
        "Your templates go in {} (NAME.html, NAME.md or NAME.txt); one named like a built-in\n"
        "replaces it. Start from one with: indie template export classic {}\n",
        dir, dir);
}

void show(Context& ctx, const std::string& name, const std::string& to) {
  const DocFormat format = parse_doc_format(to.empty() ? "html" : to);
  if (format == DocFormat::pdf || format == DocFormat::json)
    throw invalid_input(
        "templates are html, md or txt; the PDF has its own layout and json is the data itself");
  ctx.out << find_template(name, format, ctx.templates_dir()).text;
}

void export_to(Context& ctx, const std::string& name, const std::string& dir, const std::string& as,
               bool force) {
  const std::string target = as.empty() ? name : as;
  if (target.empty() || target.find_first_of("/.") != std::string::npos)
    throw invalid_input(
        fmt::format("--as '{}': a template name has no '/' or '.', e.g. mine", target));
  std::vector<std::pair<std::string, std::string>> files;  // path, text
  for (const DocFormat f : kFormats) {
    try {
      const TemplateSource t = find_template(name, f, ctx.templates_dir());
      files.emplace_back((fs::path(dir) / fmt::format("{}.{}", target, extension(f))).string(),
                         t.text);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::not_found) throw;
    }
  }
  if (files.empty())
    find_template(name, DocFormat::html,
                  ctx.templates_dir());  // throws, naming the templates there are
  // All or nothing: check every file before writing one.
  std::error_code ec;
  for (const auto& [path, text] : files)
    if (fs::exists(path, ec) && !force)
      throw conflict(fmt::format(
          "{} exists; give another directory or --as NAME, or replace it with --force", path));
  for (const auto& [path, text] : files) write_file_atomic(path, text);
  for (const auto& [path, text] : files) ctx.say(fmt::format("Wrote {}", path));
  const bool in_user_dir =
      fs::weakly_canonical(dir, ec) == fs::weakly_canonical(ctx.templates_dir(), ec);
  ctx.say(in_user_dir
              ? fmt::format("indie now renders template '{}' from these files: edit them, then "
                            "try: indie invoice "
                            "render NUMBER --to html --template {}",
                            target, target)
              : fmt::format("Edit them, then try: indie invoice render NUMBER --template {}",
                            (fs::path(dir) / (target + ".html")).string()));
}

}  // namespace

void setup_template(CLI::App& app, Context& ctx) {
  auto* group =
      app.add_subcommand("template", "Invoice templates: list them, read one, start your own");
  group->footer(
      "Templates are Mustache files for html, md and txt (the PDF is laid out by indie itself).\n"
      "Built-in ones are inside the binary; yours go in templates/ beside the config file and\n"
      "replace a built-in one of the same name. man indie-template describes the data they see.\n\n"
      "Examples:\n  indie template list\n  indie template show classic --to md\n"
      "  indie template export classic ~/.config/indie/templates --as mine");
  group->require_subcommand(1);

  group->add_subcommand("list", "List the templates: built-in and yours")->callback([&ctx] {
    list(ctx);
  });

  auto name = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto* show_cmd = group->add_subcommand("show", "Print a template");
  show_cmd->add_option("name", *name, "Template name, e.g. classic")->required();
  show_cmd->add_option("--to", *to, "html (default), md or txt");
  show_cmd->callback([&ctx, name, to] { show(ctx, *name, *to); });

  auto dir = std::make_shared<std::string>();
  auto as = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  auto* export_cmd = group->add_subcommand(
      "export", "Copy a template's files (html, md, txt) into a directory to edit");
  export_cmd->add_option("name", *name, "Template name, e.g. classic")->required();
  export_cmd->add_option("dir", *dir, "Directory to write them in (created if needed)")->required();
  export_cmd->add_option("--as", *as, "Name of the copies (default: the same name)");
  export_cmd->add_flag("--force", *force, "Replace files that exist");
  export_cmd->callback([&ctx, name, dir, as, force] { export_to(ctx, *name, *dir, *as, *force); });
}

}  // namespace indie::cli
