#include "indie/store/store.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "indie/core/error.hpp"
#include "indie/store/client_repo.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"

namespace fs = std::filesystem;
using indie::Store;

namespace {
struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "indie-store-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const char* name) const { return (fs::path(path) / name).string(); }
  std::string path;
};

indie::Client client(const char* handle) {
  indie::Client c;
  c.handle = handle;
  c.name = handle;
  c.currency = "EUR";
  c.created_at = "2026-11-21T10:00:00Z";
  return c;
}
}  // namespace

TEST_CASE("a new database is created private, versioned, in WAL mode with foreign keys") {
  TempDir dir;
  const std::string path = dir.file("sub/indie.db");
  auto store = Store::open(path, Store::Mode::create);
  CHECK(store->schema_version() == Store::latest_schema_version());
  CHECK(store->connection().db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(store->connection().db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(store->connection().db.execAndGet("PRAGMA application_id").getInt() == 0x494E4449);
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("opening a missing database advises indie init, and creates nothing") {
  TempDir dir;
  const std::string path = dir.file("none.db");
  CHECK_THROWS_WITH_AS(Store::open(path, Store::Mode::open_existing),
                       doctest::Contains("indie init"), indie::Error);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a database from a newer indie is refused and left untouched") {
  TempDir dir;
  const std::string path = dir.file("indie.db");
  {
    auto store = Store::open(path, Store::Mode::create);
    store->connection().db.exec("PRAGMA user_version = 999");
  }
  CHECK_THROWS_WITH_AS(Store::open(path, Store::Mode::open_existing),
                       doctest::Contains("newer indie"), indie::Error);
  SQLite::Database raw(path);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 999);
}

TEST_CASE("a file that is not SQLite, or another program's database, is refused") {
  TempDir dir;
  const std::string text = dir.file("notes.db");
  std::ofstream(text) << "these are my notes, not a database\n";
  CHECK_THROWS_WITH_AS(Store::open(text, Store::Mode::open_existing),
                       doctest::Contains("not a SQLite file"), indie::Error);

  const std::string other = dir.file("other.db");
  {
    SQLite::Database db(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_WITH_AS(Store::open(other, Store::Mode::open_existing),
                       doctest::Contains("another program"), indie::Error);
}

TEST_CASE("STRICT tables refuse a floating-point amount, CHECKs refuse bad values") {
  TempDir dir;
  auto store = Store::open(dir.file("indie.db"), Store::Mode::create);
  indie::ClientRepo repo(*store);
  const auto id = repo.insert(client("acme"));
  auto insert_rate = [&](const char* rate) {
    store->connection().db.exec(std::string("INSERT INTO project (client_id, handle, name, "
                                            "currency, rate_minor, rate_unit, created_at) "
                                            "VALUES (") +
                                std::to_string(id) + ", 'p', 'p', 'EUR', " + rate + ", 'h', 'x')");
  };
  CHECK_THROWS(insert_rate("80.5"));
  CHECK_THROWS(insert_rate("-100"));
  CHECK_NOTHROW(insert_rate("8000"));
  CHECK_THROWS(store->connection().db.exec("UPDATE client SET vat_treatment = 'whatever'"));
}

TEST_CASE("client handles are unique regardless of case — lookups suggest names") {
  TempDir dir;
  auto store = Store::open(dir.file("indie.db"), Store::Mode::create);
  indie::ClientRepo repo(*store);
  repo.insert(client("acme"));
  CHECK_THROWS_WITH_AS(repo.insert(client("ACME")), doctest::Contains("already exists"),
                       indie::Error);
  CHECK(repo.find("Acme").has_value());
  CHECK(repo.find("1")->handle == "acme");
  CHECK_THROWS_WITH_AS(repo.get("acne"), doctest::Contains("Did you mean 'acme'"), indie::Error);
}

TEST_CASE("a write transaction rolls back unless committed") {
  TempDir dir;
  auto store = Store::open(dir.file("indie.db"), Store::Mode::create);
  {
    indie::WriteTransaction tx(*store);
    indie::ClientRepo(*store).insert(client("acme"));
  }
  CHECK(indie::ClientRepo(*store).list(true).empty());
}

TEST_CASE("schema v4 moves the EUR rates of v3 into the rate table, and keeps balances by month") {
  TempDir dir;
  const std::string path = dir.file("v3.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1229866057");  // 0x494E4449, "INDI"
    for (int v = 0; v < 3; ++v)
      db.exec(std::string(indie::migrations()[static_cast<std::size_t>(v)]));
    db.exec("PRAGMA user_version = 3");
    db.exec("INSERT INTO fx_rate VALUES ('USD', '2026-11-20', '1.0812', 'ECB')");
  }
  auto store = Store::open(path, Store::Mode::open_existing);
  CHECK(store->schema_version() == Store::latest_schema_version());
  CHECK(store->connection()
            .db.execAndGet("SELECT base || quote || date || rate || source FROM rate")
            .getString() == "EURUSD2026-11-201.0812ECB");
  auto& db = store->connection().db;
  db.exec(
      "INSERT INTO account (name, currency, kind, created_at) VALUES ('A', 'EUR', 'bank', 'x')");
  db.exec(
      "INSERT INTO account_tx (account_id, date, amount_minor, origin, created_at) VALUES "
      "(1, '2026-11-02', 1000, 'manual', 'x'), (1, '2026-11-20', -250, 'manual', 'x'), (1, "
      "'2026-12-01', 5, 'manual', 'x')");
  const auto months = [&] {
    return db
        .execAndGet(
            "SELECT group_concat(month || ':' || total_minor || '/' || tx_count, ' ') FROM "
            "(SELECT * FROM account_month ORDER BY month)")
        .getString();
  };
  CHECK(months() == "2026-11:750/2 2026-12:5/1");
  db.exec("UPDATE account_tx SET date = '2026-12-15', amount_minor = -300 WHERE id = 2");
  CHECK(months() == "2026-11:1000/1 2026-12:-295/2");
  db.exec("DELETE FROM account_tx WHERE id = 1");
  CHECK(months() == "2026-11:0/0 2026-12:-295/2");
  CHECK_THROWS(db.exec("INSERT INTO rate VALUES ('EUR', 'GBP', '2026-11-20', '0', 'x')"));
  CHECK_THROWS(db.exec("INSERT INTO rate VALUES ('EUR', 'GBP', '2026-11-20', '-0.8', 'x')"));
}
