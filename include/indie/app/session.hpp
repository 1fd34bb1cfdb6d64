#pragma once
/// What every use case is handed: the database, the settings (read when first asked, so a use
/// case that needs none works with a config file that does not parse) and the clock. The CLI
/// builds one per command; a test builds one on a temporary database with a fixed clock.
#include <functional>
#include <string>

#include "indie/core/clock.hpp"
#include "indie/core/settings.hpp"
#include "indie/store/store.hpp"

namespace indie {

/// A path written in the config file at `config_path`: "~/" is the home directory, a relative
/// path is read from the config file's directory.
std::string path_in_config(const std::string& config_path, const std::string& path);

class Session {
 public:
  /// `config_path` is where the config file is (or would be): paths written in it (the logo) are
  /// read from its directory.
  Session(Store& store, std::function<const Config&()> config, Clock clock,
          std::string config_path = {})
      : store_(store),
        config_(std::move(config)),
        clock_(clock),
        config_path_(std::move(config_path)) {}

  Store& store() { return store_; }
  const Config& config() const { return config_(); }
  const Clock& clock() const { return clock_; }
  Date today() const { return clock_.today(); }
  /// Now, as stored in created_at columns (UTC, ISO 8601).
  std::string now_iso() const { return format_instant_utc(clock_.now()); }
  /// A path written in the config file (path_in_config).
  std::string config_relative_path(const std::string& path) const {
    return path_in_config(config_path_, path);
  }

 private:
  Store& store_;
  std::function<const Config&()> config_;
  Clock clock_;
  std::string config_path_;
};

}  // namespace indie
