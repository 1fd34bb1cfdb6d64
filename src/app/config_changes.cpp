#include "indie/app/config_changes.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "indie/app/time_zones.hpp"
#include "indie/core/error.hpp"
#include "indie/core/settings.hpp"
#include "indie/store/config_file.hpp"
#include "indie/store/files.hpp"

namespace indie {

ConfigChanged set_config_value(const std::string& path, std::string_view key,
                               const std::string& value) {
  const ConfigKey& k = config_key(key);
  const std::string normalized = normalize_config_value(k, value);
  // A zone the system does not know would stop every dated command (issue 35): refused here.
  if (k.name == "time.zone" && !normalized.empty() && !time_zone_installed(normalized))
    throw invalid_input(fmt::format(
        "time.zone: '{}' is not a time zone this system knows; give a name such as "
        "Europe/Paris or America/Santo_Domingo (ls /usr/share/zoneinfo), or \"\" for the "
        "system's",
        normalized));
  const std::filesystem::path file(path);
  if (!file.parent_path().empty()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
      throw storage_error("cannot create the directory " + file.parent_path().string() + ": " +
                          ec.message());
  }
  const FileLock lock(path + ".lock", kConfigLockWaitMs);
  std::error_code ec;
  const bool exists = std::filesystem::exists(file, ec);
  const std::string text = exists ? read_file(path) : render_config(Config{});
  write_file_atomic(path, set_config_text(text, path, k, normalized));
  return ConfigChanged{.key = std::string(k.name), .value = normalized};
}

}  // namespace indie
