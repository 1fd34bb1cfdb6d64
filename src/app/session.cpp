#include "indie/app/session.hpp"

#include <cstdlib>
#include <filesystem>

namespace indie {

std::string path_in_config(const std::string& config_path, const std::string& path) {
  if (path.empty()) return path;
  if (path.starts_with("~/")) {
    const char* home = std::getenv("HOME");
    return std::string(home == nullptr ? "" : home) + path.substr(1);
  }
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (std::filesystem::path(config_path).parent_path() / p).string();
}

}  // namespace indie
