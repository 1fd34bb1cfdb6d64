#pragma once
// What every command is handed: global options, where things live, and the config and store,
// opened only when a command asks for them (so `indie help` never creates a database).
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "indie/app/session.hpp"
#include "indie/core/clock.hpp"
#include "indie/core/settings.hpp"
#include "indie/store/store.hpp"
#include "output.hpp"

namespace indie::cli {

struct GlobalOptions {
  std::string db;      ///< --db, else INDIE_DB, else XDG data home
  std::string config;  ///< --config, else INDIE_CONFIG, else XDG config home
  std::string format = "table";
  bool quiet = false;
};

class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream, Clock now_clock)
      : out(out_stream), err(err_stream), clock(now_clock) {}

  std::ostream& out;
  std::ostream& err;
  Clock clock;
  GlobalOptions options;

  std::string db_path() const;
  std::string config_path() const;
  bool config_exists() const;
  /// A path written in the config file: "~/" is the home directory, a relative path is read
  /// from the config file's directory.
  std::string config_relative_path(const std::string& path) const;
  /// The user's invoice templates: templates/ beside the config file.
  std::string templates_dir() const;
  /// The parsed config; built-in defaults when the file does not exist yet.
  const Config& config();
  /// The database, which must exist (else: "run indie init").
  Store& store();
  /// What a use case is handed (indie/app): the database (which must exist), the config read
  /// when first asked, and the clock.
  Session& session();
  /// The database, created when missing (indie init).
  Store& create_store();
  Format format() const { return parse_format(options.format); }
  /// A confirmation for people ("Added client acme"); silent with --quiet.
  void say(const std::string& message);
  /// A warning on stderr; kept with --quiet.
  void warn(const std::string& message);
  std::string now_iso() const { return format_instant_utc(clock.now()); }
  /// Sets the zone days are counted in, once per process before a command runs: TZ, else the
  /// config's time.zone (then exported as TZ for the C library), else the system's. Checked
  /// against the installed zone database.
  void set_time_zone();
  /// The zone's name, recorded with each time entry.
  const std::string& time_zone() const { return zone_; }
  /// Today in that zone.
  Date today() const { return clock.today(); }

 private:
  std::optional<Config> config_;
  std::string zone_;
  std::unique_ptr<Store> store_;
  std::optional<Session> session_;
};

}  // namespace indie::cli
