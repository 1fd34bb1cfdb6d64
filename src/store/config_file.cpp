#include "indie/store/config_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// TOML basic strings take the same escapes as JSON strings.
std::string toml_quote(std::string_view s) { return quoted_escaped(s); }

// A number key is written as a TOML integer; a value that is more than digits ("45eom" for
// invoice.payment_terms) as a string.
std::string toml_value(const ConfigKey& key, const std::string& value) {
  const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
  return key.integer && digits ? value : toml_quote(value);
}

// toml++ counts columns in code points; convert a (line, column) to a byte offset in `text`.
std::size_t byte_offset(std::string_view text, std::size_t line, std::size_t column) {
  std::size_t pos = 0;
  for (std::size_t l = 1; l < line && pos < text.size(); ++l) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return text.size();
    pos = nl + 1;
  }
  for (std::size_t c = 1; c < column && pos < text.size(); ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

toml::table parse_toml(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw config_error(fmt::format("{}:{}:{}: {}; fix the file or move it away and run indie init",
                                   source, e.source().begin.line, e.source().begin.column,
                                   e.description()));
  }
}

// [figures.2027] urssaf_bnc = "26.1": yearly figures (indie/core/year_figures.hpp). A value is
// a quoted decimal or a whole number; a TOML float is refused, as it is binary, not exact.
void read_figures(const toml::table& figures, std::string_view source, FigureOverrides& out) {
  for (const auto& [year_key, year_node] : figures) {
    const auto& at = year_node.source().begin;
    const auto located = [&](const toml::source_position& where, const std::string& what) {
      return config_error(fmt::format("{}:{}:{}: {}", source, where.line, where.column, what));
    };
    const std::string year_text(year_key.str());
    int year = 0;
    const auto [p, ec] =
        std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    const auto* table = year_node.as_table();
    if (table == nullptr || ec != std::errc() || p != year_text.data() + year_text.size() ||
        year < kFirstYear || year > kLastYear)
      throw located(at, fmt::format("figures.{}: write the figures of a year in a table such as "
                                    "[figures.2027]",
                                    year_text));
    for (const auto& [name_key, node] : *table) {
      const auto& where = node.source().begin;
      const std::string name(name_key.str());
      std::string text;
      if (const auto v = node.value_exact<std::int64_t>())
        text = std::to_string(*v);
      else if (const auto t = node.value_exact<std::string>())
        text = *t;
      else
        throw located(where, fmt::format("figures.{}.{}: write the value as a quoted decimal, "
                                         "e.g. {} = \"25.6\"",
                                         year, name, name));
      try {
        out[year][name] = check_figure(name, text);
      } catch (const Error& e) {
        throw located(where, fmt::format("figures.{}: {}", year, e.what()));
      }
    }
  }
}

}  // namespace

Config parse_config(std::string_view text, std::string_view source) {
  const toml::table root = parse_toml(text, source);
  Config config;
  // Walk every leaf so an unknown or misspelt key is reported, not silently ignored.
  for (const auto& [table_key, table_node] : root) {
    const auto* table = table_node.as_table();
    if (table == nullptr) {
      const auto& where = table_node.source().begin;
      throw config_error(fmt::format("{}:{}:{}: '{}' must be inside a table such as [business]",
                                     source, where.line, where.column, table_key.str()));
    }
    if (table_key.str() == "figures") {
      read_figures(*table, source, config.figures);
      continue;
    }
    for (const auto& [leaf_key, node] : *table) {
      const std::string name = std::string(table_key.str()) + "." + std::string(leaf_key.str());
      const auto& where = node.source().begin;
      const auto located = [&](const std::string& what) {
        return config_error(fmt::format("{}:{}:{}: {}", source, where.line, where.column, what));
      };
      const ConfigKey* key = nullptr;
      try {
        key = &config_key(name);
      } catch (const Error& e) {
        throw located(e.what());
      }
      std::string raw;
      // A number key takes a TOML integer; only a value that cannot be one ("45eom") is a string.
      const auto as_text = node.value<std::string>();
      const bool digits_only = as_text && !as_text->empty() &&
                               as_text->find_first_not_of("0123456789") == std::string::npos;
      if (key->integer && (!as_text || digits_only)) {
        const auto v = node.value<std::int64_t>();
        if (!v) throw located(fmt::format("{} must be a whole number", name));
        raw = std::to_string(*v);
      } else {
        const auto v = node.value<std::string>();
        if (!v) throw located(fmt::format("{} must be a quoted string", name));
        raw = *v;
      }
      try {
        assign_config_value(config, *key, normalize_config_value(*key, raw));
      } catch (const Error& e) {
        throw located(e.what());
      }
    }
  }
  try {
    check_config_consistency(config);
  } catch (const Error& e) {
    throw config_error(fmt::format("{}: {}", source, e.what()));
  }
  return config;
}

std::string set_config_text(std::string_view text, std::string_view source, const ConfigKey& key,
                            const std::string& value) {
  const toml::table root = parse_toml(text, source);
  const std::string_view name = key.name;
  const auto dot = name.find('.');
  const std::string table_name(name.substr(0, dot));
  const std::string leaf(name.substr(dot + 1));
  const std::string assignment = leaf + " = " + toml_value(key, value);
  std::string out(text);

  if (const toml::node* node = root.at_path(name).node()) {
    const auto& r = node->source();
    const std::size_t begin = byte_offset(text, r.begin.line, r.begin.column);
    const std::size_t end = byte_offset(text, r.end.line, r.end.column);
    out.replace(begin, end - begin, toml_value(key, value));
  } else if (const toml::table* table = root[table_name].as_table()) {
    // Insert after the last line that belongs to the table (its header when it is empty).
    std::size_t last_line = table->source().begin.line;
    for (const auto& [k, n] : *table)
      last_line = std::max<std::size_t>(last_line, n.source().end.line);
    std::size_t pos = byte_offset(text, last_line + 1, 1);
    if (pos == text.size() && !out.empty() && out.back() != '\n') {
      out += '\n';
      pos = out.size();
    }
    out.insert(pos, assignment + "\n");
  } else {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\n[" + table_name + "]\n" + assignment + "\n";
  }
  parse_config(out, source);  // the edit must leave a valid file
  return out;
}

std::string render_config(const Config& c) {
  std::string out =
      "# indie configuration: the business profile printed on invoices, and defaults.\n"
      "# Change a value with `indie config set KEY VALUE` (comments are kept) or edit this file.\n"
      "# Every key is described in `man indie-config` and `indie config show`.\n";
  std::string current_table;
  for (const auto& key : config_keys()) {
    const std::string_view table = key.name.substr(0, key.name.find('.'));
    if (table != current_table) {
      current_table = std::string(table);
      out += "\n[" + current_table + "]\n";
    }
    out += fmt::format("# {}\n{} = {}\n", key.help, key.name.substr(key.name.find('.') + 1),
                       toml_value(key, config_value(c, key)));
  }
  return out;
}

}  // namespace indie
