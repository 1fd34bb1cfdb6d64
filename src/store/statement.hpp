#pragma once
// A prepared statement on SQLite's C API, for the hot paths (a million time entries):
// prepared once, reset and bound again per row, columns read without copies.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "indie/error.hpp"

namespace indie {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_, nullptr) != SQLITE_OK)
      throw storage_error(std::string("database: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  template <class T>
  Statement& bind(int i, const std::optional<T>& v) {
    if (v) return bind(i, *v);
    sqlite3_bind_null(st_, i);
    return *this;
  }
  /// One step: true while there is a row. Throws with SQLite's message on error (a trigger's
  /// RAISE included).
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(st_);
    if (rc == SQLITE_CONSTRAINT) throw conflict(message);
    throw storage_error("database: " + message);
  }
  void run() {
    while (step()) {
    }
  }
  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
  std::string_view text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

/// The statement held in `slot`: prepared on first use, then reset for the next row. Repositories
/// keep their hot statements this way (preparing one also compiles the table's triggers).
inline Statement& reused(std::unique_ptr<Statement>& slot, sqlite3* db, std::string_view sql) {
  if (!slot) slot = std::make_unique<Statement>(db, sql);
  return slot->reset();
}

}  // namespace indie
