#pragma once
#include "indie/error.hpp"

namespace indie::cli {

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
