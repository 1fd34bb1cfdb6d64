#include "context.hpp"

#include <cstdlib>
#include <filesystem>

#include "indie/files.hpp"

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

}  // namespace

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

Store& Context::store() {
  if (!store_) store_ = Store::open(db_path(), Store::Mode::open_existing);
  return *store_;
}

Store& Context::create_store() {
  if (!store_) store_ = Store::open(db_path(), Store::Mode::create);
  return *store_;
}

void Context::say(const std::string& message) {
  if (!options.quiet) out << message << "\n";
}

void Context::warn(const std::string& message) { err << "indie: warning: " << message << "\n"; }

}  // namespace indie::cli
