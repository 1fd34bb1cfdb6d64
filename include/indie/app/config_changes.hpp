#pragma once
/// Changing the configuration file: one key at a time, keeping the user's comments, never losing
/// a change made at the same moment by another indie.
#include <string>
#include <string_view>

namespace indie {

/// How long a change waits for another one to the same file before giving up.
inline constexpr int kConfigLockWaitMs = 10'000;

struct ConfigChanged {
  std::string key;    ///< its full name, e.g. business.vat_regime
  std::string value;  ///< as written, normalized
};

/// Sets `key` to `value` in the config file at `path` (made from the defaults when there is none
/// yet), keeping every other byte. The read, the change and the write hold a lock beside the file
/// (`path`.lock): two at once are done one after the other, so neither is lost (issue 35.2).
ConfigChanged set_config_value(const std::string& path, std::string_view key,
                               const std::string& value);

}  // namespace indie
