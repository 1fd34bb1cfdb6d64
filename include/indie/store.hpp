#pragma once
/// The SQLite database: opening, schema migrations and write transactions.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <memory>
#include <string>

namespace indie {

class Store {
 public:
  enum class Mode {
    open_existing,  ///< fail with advice to run `indie init` when the file is missing
    create,         ///< create the file (mode 0600) and its directory when missing
  };
  /// The schema version this indie writes; `PRAGMA user_version` of an up-to-date database.
  static int latest_schema_version();

  /// Opens the database at `path`, checks it is indie's, and migrates it forward.
  /// Throws storage errors that name the path and say what to do.
  static std::unique_ptr<Store> open(const std::string& path, Mode mode);

  SQLite::Database& db() { return db_; }
  const std::string& path() const { return path_; }
  int schema_version();

 private:
  Store(const std::string& path, int flags);
  void configure();
  void migrate();

  std::string path_;
  SQLite::Database db_;
};

/// One mutating command = one transaction. BEGIN IMMEDIATE takes the write lock up front so two
/// processes never both read-then-write; rolled back by the destructor unless commit() is called.
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& store)
      : tx_(store.db(), SQLite::TransactionBehavior::IMMEDIATE) {}
  void commit() { tx_.commit(); }

 private:
  SQLite::Transaction tx_;
};

}  // namespace indie
