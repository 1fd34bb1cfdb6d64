#pragma once
// The SQLite connection behind a Store. Private to src/store: repositories reach it through
// handle(store); nothing above the store sees a SQLite type.
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indie/store/store.hpp"

namespace indie {

/// A connection's prepared statements, kept by their SQL once a Statement is done with them, so
/// that the same query asked again is not compiled again (compiling was two thirds of an import
/// that records 2,500 payments). Finalized before the connection closes.
struct StatementCache {
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() {
    for (auto& [sql, statements] : idle)
      for (sqlite3_stmt* st : statements) sqlite3_finalize(st);
  }
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle;
};

/// The cache of the connection `db`, or null for a connection that keeps none.
inline std::vector<std::pair<sqlite3*, StatementCache*>>& statement_caches() {
  static std::vector<std::pair<sqlite3*, StatementCache*>> caches;
  return caches;
}
inline StatementCache* statement_cache(sqlite3* db) {
  for (const auto& [handle, cache] : statement_caches())
    if (handle == db) return cache;
  return nullptr;
}

struct Store::Connection {
  /// `target` is what SQLite opens: the path, or a file: URI naming it (read-only opening).
  Connection(const std::string& file, const std::string& target, int flags)
      : path(file), db(target, flags) {
    statement_caches().emplace_back(db.getHandle(), &statements);
  }
  ~Connection() {
    std::erase_if(statement_caches(),
                  [this](const auto& entry) { return entry.second == &statements; });
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  std::string path;
  SQLite::Database db;
  StatementCache statements;  // after db: finalized before it closes
};

inline sqlite3* handle(Store& store) { return store.connection().db.getHandle(); }

}  // namespace indie
