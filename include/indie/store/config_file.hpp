#pragma once
/// The configuration file: settings read from and written to TOML, keeping a user's comments
/// when one key changes. What each key means and accepts is in indie/core/settings.hpp.
#include <string>
#include <string_view>

#include "indie/core/settings.hpp"

namespace indie {

/// Parses a config file's text; `source` names it in errors as "source:line:column: …".
Config parse_config(std::string_view text, std::string_view source);

/// `text` with `key` set to `value` (normalized): the value is replaced in place when the key is
/// there, else added to its table, which is created at the end if needed. Every other byte,
/// comments included, is kept.
std::string set_config_text(std::string_view text, std::string_view source, const ConfigKey& key,
                            const std::string& value);
/// A new, commented config file for `config`.
std::string render_config(const Config& config);

}  // namespace indie
