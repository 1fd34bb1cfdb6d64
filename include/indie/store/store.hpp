#pragma once
/// The database: opening, schema migrations and write transactions. What lies behind it (SQLite
/// today) stays inside src/store; see doc/storage.md for what another backend would provide.
#include <memory>
#include <string>

namespace indie {

class AccountRepo;
class BillRepo;
class BooksRepo;
class ClientRepo;
class InvoiceRepo;
class ProjectRepo;
class RateRepo;
class RecordRepo;
class TimeRepo;

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
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;
  int schema_version();
  /// Opened read-only: the file or its directory cannot be written. Writes are refused.
  bool read_only() const { return read_only_; }

  /// The repositories, made when first asked and kept as long as the store: callers never build
  /// one, so a second engine hands out its own behind the same names.
  ClientRepo& clients();
  ProjectRepo& projects();
  TimeRepo& time_entries();
  InvoiceRepo& invoices();
  AccountRepo& accounts();
  RateRepo& rates();
  BillRepo& bills();
  BooksRepo& books();
  RecordRepo& records();

  /// The connection, defined in src/store/connection.hpp: only repositories can use it.
  struct Connection;
  Connection& connection() { return *connection_; }

 private:
  explicit Store(std::unique_ptr<Connection> connection);
  void configure();
  void migrate();

  std::unique_ptr<Connection> connection_;
  struct Repos;
  std::unique_ptr<Repos> repos_;  // after the connection: destroyed before it
  bool read_only_ = false;
};

/// One mutating command = one transaction. It takes the write lock up front (BEGIN IMMEDIATE) so
/// two processes never both read-then-write, and is rolled back by the destructor unless
/// commit() is called.
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& store);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Store& store_;
  bool open_ = true;
};

}  // namespace indie
