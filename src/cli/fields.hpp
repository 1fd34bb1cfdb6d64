#pragma once
// Table-driven flags: `--legal-name` sets the field `legal_name`, the name the CSV and JSON
// columns use too, so add, edit and import share one validation path.
#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indie/core/error.hpp"

namespace indie::cli {

struct FieldFlag {
  std::string_view flag;   ///< "--legal-name"
  std::string_view field;  ///< "legal_name"
  std::string_view help;
  bool repeatable = false;  ///< repeated values are joined with newlines (address lines)
};

/// Values given on the command line, in the order of the flag table.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

void add_field_flags(CLI::App* cmd, std::span<const FieldFlag> flags, FieldValues& values);
/// The field names present in `values`.
std::vector<std::string> given_fields(const FieldValues& values);
std::string flag_of(std::span<const FieldFlag> flags, std::string_view field);

/// Calls set(field, value) for each value, prefixing any error with the flag that carried it.
template <typename Set>
void apply_fields(std::span<const FieldFlag> flags, const FieldValues& values, Set set) {
  for (const auto& [field, value] : values) {
    try {
      set(field, value);
    } catch (const Error& e) {
      throw Error(e.kind(), flag_of(flags, field) + ": " + e.what());
    }
  }
}

}  // namespace indie::cli
