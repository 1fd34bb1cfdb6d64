#include "context.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "indie/app/time_zones.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/store/config_file.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

// XDG Base Directory: $XDG_<KIND>_HOME, else $HOME/<fallback>.
std::string xdg_path(const char* var, const char* fallback, const char* file) {
  std::string base = env(var);
  if (base.empty()) {
    const std::string home = env("HOME");
    base = (home.empty() ? std::string(".") : home) + "/" + fallback;
  }
  return base + "/indie/" + file;
}

// The system zone's name, for recording with each entry: /etc/timezone (Debian), else the
// /etc/localtime link's target.
std::string system_zone() {
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec).string();
  if (const auto at = target.find("zoneinfo/"); !ec && at != std::string::npos)
    return target.substr(at + 9);
  try {
    const std::string name(trim(read_file("/etc/timezone")));
    if (!name.empty()) return name;
  } catch (const Error&) {
  }
  return "UTC";
}

}  // namespace

void Context::set_time_zone() {
  std::string tz = env("TZ");
  if (!tz.empty()) {
    if (tz.front() == ':') tz.erase(0, 1);
    // A POSIX rule such as CET-1CEST needs no database; a name such as Europe/Paris does.
    if (tz.find('/') != std::string::npos && !time_zone_installed(tz))
      throw config_error(
          fmt::format("TZ names an unknown time zone '{}'; use a name such as Europe/Paris "
                      "(the tzdata package lists them)",
                      tz));
    zone_ = tz;
  } else if (const std::string& configured = config().time.zone; !configured.empty()) {
    if (!time_zone_installed(configured))
      throw config_error(
          fmt::format("{}: time.zone '{}' is not a known time zone; fix it with: indie config "
                      "set time.zone Europe/Paris",
                      config_path(), configured));
    setenv("TZ", configured.c_str(), 1);
    tzset();
    zone_ = configured;
  } else {
    zone_ = system_zone();
  }
}

std::string Context::db_path() const {
  if (!options.db.empty()) return options.db;
  if (auto e = env("INDIE_DB"); !e.empty()) return e;
  return xdg_path("XDG_DATA_HOME", ".local/share", "indie.db");
}

std::string Context::config_path() const {
  if (!options.config.empty()) return options.config;
  if (auto e = env("INDIE_CONFIG"); !e.empty()) return e;
  return xdg_path("XDG_CONFIG_HOME", ".config", "config.toml");
}

std::string Context::config_relative_path(const std::string& path) const {
  return path_in_config(config_path(), path);
}

std::string Context::templates_dir() const { return config_relative_path("templates"); }

bool Context::config_exists() const {
  std::error_code ec;
  return std::filesystem::exists(config_path(), ec);
}

const Config& Context::config() {
  if (!config_) {
    config_ = config_exists() ? parse_config(read_file(config_path()), config_path()) : Config{};
  }
  return *config_;
}

Session& Context::session() {
  if (!session_)
    session_.emplace(
        store(), [this]() -> const Config& { return config(); }, clock, config_path());
  return *session_;
}

Store& Context::store() {
  if (!store_) store_ = Store::open(db_path(), Store::Mode::open_existing);
  return *store_;
}

Store& Context::create_store() {
  if (!store_) store_ = Store::open(db_path(), Store::Mode::create);
  return *store_;
}

// Messages quote data (a client's name, a supplier's, a statement's memo): shown_lines keeps
// their lines and shows any other control character as U+FFFD (issue 35.13).
void Context::say(const std::string& message) {
  if (!options.quiet) out << shown_lines(message) << "\n";
}

void Context::warn(const std::string& message) {
  err << "indie: warning: " << shown_lines(message) << "\n";
}

}  // namespace indie::cli
