#pragma once
#include <span>
#include <string_view>

namespace indie {
/// migrations()[i] takes a database from schema version i to i + 1. Forward only: a released
/// migration is never edited, a change is a new one (in the newest era's file).
std::span<const std::string_view> migrations();

// The eras, in order: versions 1-6, 7-12, 13 on.
std::span<const std::string_view> first_migrations();
std::span<const std::string_view> trust_migrations();
std::span<const std::string_view> obligations_migrations();
}  // namespace indie
