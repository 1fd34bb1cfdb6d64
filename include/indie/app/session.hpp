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

class Session {
 public:
  Session(Store& store, std::function<const Config&()> config, Clock clock)
      : store_(store), config_(std::move(config)), clock_(clock) {}

  Store& store() { return store_; }
  const Config& config() const { return config_(); }
  const Clock& clock() const { return clock_; }
  Date today() const { return clock_.today(); }
  /// Now, as stored in created_at columns (UTC, ISO 8601).
  std::string now_iso() const { return format_instant_utc(clock_.now()); }

 private:
  Store& store_;
  std::function<const Config&()> config_;
  Clock clock_;
};

}  // namespace indie
