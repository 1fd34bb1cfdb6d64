#include "indie/app/config_changes.hpp"

#include <filesystem>

#include "indie/core/error.hpp"
#include "indie/core/settings.hpp"
#include "indie/store/config_file.hpp"
#include "indie/store/files.hpp"

namespace indie {

ConfigChanged set_config_value(const std::string& path, std::string_view key,
                               const std::string& value) {
  const ConfigKey& k = config_key(key);
  const std::string normalized = normalize_config_value(k, value);
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
