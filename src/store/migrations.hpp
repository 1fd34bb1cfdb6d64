#pragma once
#include <span>
#include <string_view>

namespace indie {
/// migrations()[i] takes a database from schema version i to i + 1. Forward only: a released
/// migration is never edited, a change is a new one.
std::span<const std::string_view> migrations();
}  // namespace indie
