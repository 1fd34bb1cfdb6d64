#pragma once
/// Time zones as the system knows them (tzdata's files), for checking a name before it is used.
#include <string>

namespace indie {

/// True when `zone` (Europe/Paris) names a zone of the installed database: a file under
/// /usr/share/zoneinfo, not a directory (Europe) and not a path out of it (../../etc/passwd).
bool time_zone_installed(const std::string& zone);

}  // namespace indie
