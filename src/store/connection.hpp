#pragma once
// The SQLite connection behind a Store. Private to src/store: repositories reach it through
// handle(store); nothing above the store sees a SQLite type.
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>

#include "indie/store/store.hpp"

namespace indie {

struct Store::Connection {
  /// `target` is what SQLite opens: the path, or a file: URI naming it (read-only opening).
  Connection(const std::string& file, const std::string& target, int flags)
      : path(file), db(target, flags) {}
  std::string path;
  SQLite::Database db;
};

inline sqlite3* handle(Store& store) { return store.connection().db.getHandle(); }

}  // namespace indie
