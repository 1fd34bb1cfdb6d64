#include "indie/app/time_zones.hpp"

#include <filesystem>

namespace indie {

bool time_zone_installed(const std::string& zone) {
  if (zone.empty() || zone.front() == '/' || zone.find("..") != std::string::npos) return false;
  std::error_code ec;
  return std::filesystem::is_regular_file("/usr/share/zoneinfo/" + zone, ec);
}

}  // namespace indie
