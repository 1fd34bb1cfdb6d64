#include "fields.hpp"

#include <algorithm>

namespace indie::cli {
namespace {
void record(FieldValues& values, const std::string& field, const std::string& v) {
  auto it = std::find_if(values.begin(), values.end(), [&](auto& p) { return p.first == field; });
  if (it == values.end())
    values.emplace_back(field, v);
  else
    it->second = v;
}
}  // namespace

void add_field_flags(CLI::App* cmd, std::span<const FieldFlag> flags, FieldValues& values) {
  for (const auto& f : flags) {
    const std::string field(f.field);
    if (f.repeatable) {
      cmd->add_option_function<std::vector<std::string>>(
             std::string(f.flag),
             [&values, field](const std::vector<std::string>& v) {
               std::string joined;
               for (const auto& line : v) joined += (joined.empty() ? "" : "\n") + line;
               record(values, field, joined);
             },
             std::string(f.help))
          ->allow_extra_args(false);
    } else {
      // Given twice, a one-value flag is refused (CLI11's default), not resolved silently.
      cmd->add_option_function<std::string>(
          std::string(f.flag), [&values, field](const std::string& v) { record(values, field, v); },
          std::string(f.help));
    }
  }
}

std::vector<std::string> given_fields(const FieldValues& values) {
  std::vector<std::string> out;
  for (const auto& [field, value] : values) out.push_back(field);
  return out;
}

std::string flag_of(std::span<const FieldFlag> flags, std::string_view field) {
  for (const auto& f : flags)
    if (f.field == field) return std::string(f.flag);
  return std::string(field);
}

}  // namespace indie::cli
