#include "statement.hpp"

#include <fmt/format.h>

namespace indie {

void throw_read_only(std::string_view what) {
  throw storage_error(fmt::format(
      "{} cannot be written (the file or its directory is read-only), so this command, which "
      "changes it, was refused; nothing was changed. Make both writable, or use --db PATH",
      what));
}

void throw_sqlite_error(sqlite3* db, int rc) {
  const std::string message = sqlite3_errmsg(db);
  switch (sqlite3_extended_errcode(db)) {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      throw conflict(
          "other records still refer to this one, so the database refused the change; nothing was "
          "changed. Archive it instead, or remove what refers to it first");
    case SQLITE_CONSTRAINT_TRIGGER:
      throw conflict(message);  // indie's own triggers say what is refused and why
    default:
      break;
  }
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
      throw conflict(
          fmt::format("the database refused the change ({}); nothing was changed", message));
    case SQLITE_READONLY:
      throw_read_only("the database");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw storage_error(
          "another indie command is writing to the database; nothing was changed, run it again "
          "when that one is done");
    default:
      throw storage_error("database: " + message);
  }
}

}  // namespace indie
