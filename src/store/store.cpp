#include "indie/store/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "connection.hpp"
#include "indie/core/error.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/bill_repo.hpp"
#include "indie/store/books_repo.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"
#include "indie/store/rate_repo.hpp"
#include "indie/store/record_repo.hpp"
#include "indie/store/time_repo.hpp"
#include "migrations.hpp"
#include "statement.hpp"

namespace indie {
namespace {

constexpr int kFirstRecordSchema = 7;

// 'INDI': marks the file as indie's so another program's SQLite file is not mistaken for ours.
constexpr int kApplicationId = 0x494E4449;

std::string where_to_go() { return "choose another place with --db PATH or INDIE_DB"; }

void create_parent_directory(const std::filesystem::path& file) {
  const auto dir = file.parent_path();
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw storage_error(fmt::format("cannot create the directory {}: {}; {}", dir.string(),
                                    ec.message(), where_to_go()));
}

void create_private_file(const std::string& path) {
  // Client data is personal data: the file is readable by its owner only (0600), from birth.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    throw storage_error(fmt::format("cannot create the database {}: {}; {}", path,
                                    std::strerror(errno), where_to_go()));
  if (fd >= 0) ::close(fd);
}

// The first 16 bytes of every SQLite database file (https://sqlite.org/fileformat.html, 1.3).
bool starts_like_sqlite(const std::string& path) {
  constexpr std::string_view kMagic("SQLite format 3\0", 16);
  char head[16] = {};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return true;  // unreadable: SQLite's own error says why
  const ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  return n == 16 && std::string_view(head, 16) == kMagic;
}

// The file and its directory can be written (SQLite creates -wal and -shm files beside it).
bool writable(const std::string& path) {
  if (::access(path.c_str(), W_OK) != 0) return false;
  const auto dir = std::filesystem::path(path).parent_path();
  return ::access(dir.empty() ? "." : dir.c_str(), W_OK) == 0;
}

// A read-only connection to a WAL database needs the -shm file. When there is no -wal file
// either (indie removes both when its last connection closes), the whole database is in the
// main file and nothing can change it while it cannot be written: SQLite is told so
// (immutable) and reads it without them. A -wal file left beside it (a copy taken while indie
// ran) holds changes not yet in the main file, so it is read the usual way.
std::string read_only_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#')
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      uri += c;
  }
  std::error_code ec;
  if (!std::filesystem::exists(path + "-wal", ec)) uri += "?immutable=1";
  return uri;
}

}  // namespace

int Store::latest_schema_version() { return static_cast<int>(migrations().size()); }

struct Store::Repos {
  std::unique_ptr<ClientRepo> clients;
  std::unique_ptr<ProjectRepo> projects;
  std::unique_ptr<TimeRepo> time_entries;
  std::unique_ptr<InvoiceRepo> invoices;
  std::unique_ptr<AccountRepo> accounts;
  std::unique_ptr<RateRepo> rates;
  std::unique_ptr<BillRepo> bills;
  std::unique_ptr<BooksRepo> books;
  std::unique_ptr<RecordRepo> records;
};

Store::Store(std::unique_ptr<Connection> connection)
    : connection_(std::move(connection)), repos_(std::make_unique<Repos>()) {}
Store::~Store() = default;

namespace {
template <typename Repo>
Repo& made(std::unique_ptr<Repo>& slot, Store& store) {
  if (!slot) slot = std::make_unique<Repo>(store);
  return *slot;
}
}  // namespace

ClientRepo& Store::clients() { return made(repos_->clients, *this); }
ProjectRepo& Store::projects() { return made(repos_->projects, *this); }
TimeRepo& Store::time_entries() { return made(repos_->time_entries, *this); }
InvoiceRepo& Store::invoices() { return made(repos_->invoices, *this); }
AccountRepo& Store::accounts() { return made(repos_->accounts, *this); }
RateRepo& Store::rates() { return made(repos_->rates, *this); }
BillRepo& Store::bills() { return made(repos_->bills, *this); }
BooksRepo& Store::books() { return made(repos_->books, *this); }
RecordRepo& Store::records() { return made(repos_->records, *this); }

const std::string& Store::path() const { return connection_->path; }

std::unique_ptr<Store> Store::open(const std::string& path, Mode mode) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && mode == Mode::open_existing)
    throw not_found(
        fmt::format("no indie database at {}. Create one with: indie init "
                    "(or point to yours with --db PATH or INDIE_DB)",
                    path));
  // An empty file where the database should be is a mistake (a failed copy, a truncated
  // backup): turning it silently into a new, empty database would hide the loss.
  if (exists && std::filesystem::is_regular_file(path, ec) &&
      std::filesystem::file_size(path, ec) == 0 && !ec)
    throw storage_error(
        fmt::format("{} is an empty file, not a database: was it truncated or copied badly? "
                    "Nothing was changed. Restore it from a backup, remove it to start afresh "
                    "(indie init), or {}",
                    path, where_to_go()));
  if (exists && std::filesystem::is_directory(path, ec))
    throw storage_error(
        fmt::format("{} is a directory, not a database file; {}", path, where_to_go()));
  // Any other file must start as every SQLite database does: a 1-byte file was silently turned
  // into a new database by `client list` (issue 35.8), whatever was in it lost.
  if (exists && std::filesystem::is_regular_file(path, ec) && !starts_like_sqlite(path))
    throw storage_error(fmt::format(
        "{} is not an indie database (it is not a SQLite file: it does not start with \"SQLite "
        "format 3\"). Nothing was changed. Was it truncated or overwritten? Restore it from a "
        "backup, or {}",
        path, where_to_go()));
  if (!exists) {
    create_parent_directory(path);
    create_private_file(path);
  }
  if (::access(path.c_str(), R_OK) != 0)
    throw storage_error(fmt::format("cannot open the database {}: {}; check its permissions or {}",
                                    path, std::strerror(errno), where_to_go()));
  // A database that cannot be written (a read-only file, or a directory where SQLite cannot
  // create its -wal and -shm files: a mounted backup, an archive) is still read: listings and
  // reports work, and a command that writes is refused saying why.
  const bool read_only = !writable(path);
  // indie is one thread: no mutexes at all, and no allocation statistics (whose global mutex
  // was 5 % of a bulk import). Must precede SQLite's initialization, hence once, here.
  static const bool single_threaded = [] {
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)single_threaded;
  std::unique_ptr<Store> store;
  try {
    // One connection used by one thread: SQLite's per-call mutex (Debian builds it serialized)
    // costs a fifth of a 10,000-row listing and protects nothing here.
    store.reset(new Store(read_only
                              ? std::make_unique<Connection>(
                                    path, read_only_uri(path),
                                    SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX)
                              : std::make_unique<Connection>(
                                    path, path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX)));
    store->read_only_ = read_only;
    store->configure();
    store->migrate();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw storage_error(fmt::format("{} is not an indie database (it is not a SQLite file); {}",
                                      path, where_to_go()));
    throw storage_error(fmt::format("cannot open the database {}: {}", path, e.what()));
  }
  return store;
}

int Store::schema_version() {
  Statement q(handle(*this), "PRAGMA user_version");
  q.step();
  return static_cast<int>(q.integer(0));
}

void Store::configure() {
  SQLite::Database& db_ = connection_->db;
  const std::string& path_ = connection_->path;
  // Wait for another indie (a long import) rather than fail at once; past 30 s the command
  // stops saying another indie command is writing, and nothing was changed.
  db_.exec("PRAGMA busy_timeout = 30000");
  const int app_id = db_.execAndGet("PRAGMA application_id").getInt();
  const int tables = db_.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (app_id != kApplicationId && (app_id != 0 || tables != 0))
    throw storage_error(fmt::format("{} is a SQLite database of another program, not indie's; {}",
                                    path_, where_to_go()));
  if (!read_only_) {  // what is written into the file: a read-only one keeps what it has
    if (tables == 0) db_.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");  // durable at each checkpoint; safe with WAL
  }
  db_.exec("PRAGMA foreign_keys = ON");
  // 64 MiB of page cache (the default is 2): a million time entries and their indexes stay in
  // memory during a report or an import. Only pages actually read are allocated.
  db_.exec("PRAGMA cache_size = -65536");
  // Statement journals (each INSERT that a foreign key may abort keeps one) stay in memory
  // instead of temporary files.
  db_.exec("PRAGMA temp_store = MEMORY");
}

void Store::migrate() {
  SQLite::Database& db_ = connection_->db;
  const std::string& path_ = connection_->path;
  const int version = schema_version();
  const int latest = latest_schema_version();
  // A version this indie never wrote: a negative one (a damaged or hand-edited file) would
  // index before the migration list, so it is refused like a newer one.
  if (version < 0)
    throw storage_error(
        fmt::format("{} has schema version {}, which no indie writes: the file is damaged or "
                    "not indie's; nothing was changed. Restore a backup, or {}",
                    path_, version, where_to_go()));
  if (version > latest)
    throw storage_error(fmt::format(
        "{} was written by a newer indie (schema version {}; this indie knows up to {}). "
        "Upgrade indie to use it; nothing was changed.",
        path_, version, latest));
  if (version == latest) return;
  if (read_only_)
    throw storage_error(fmt::format(
        "{} must be upgraded to this indie's schema (version {} to {}), but it cannot be "
        "written; nothing was changed. Make it and its directory writable once, or use the "
        "indie that wrote it",
        path_, version, latest));
  // A migration that rebuilds a table (v9) drops the old one while other tables still point at
  // it: foreign keys are off while migrating, as SQLite's procedure asks, and checked whole
  // before the commit. The pragma is a no-op inside a transaction, hence out here.
  db_.exec("PRAGMA foreign_keys = OFF");
  struct ForeignKeysBackOn {
    SQLite::Database& db;
    ~ForeignKeysBackOn() {
      try {
        db.exec("PRAGMA foreign_keys = ON");
      } catch (...) {  // a destructor must not throw; the next open turns them on again
      }
    }
  } back_on{db_};
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  // Another process may have migrated while we waited for the lock.
  const int from = schema_version();
  for (int v = from; v < latest; ++v) {
    db_.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
    db_.exec(fmt::format("PRAGMA user_version = {}", v + 1));
  }
  if (db_.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() != 0)
    throw storage_error(fmt::format(
        "{}: upgrading the schema to version {} would leave rows pointing at nothing; nothing "
        "was changed. Run indie doctor on it with the indie that wrote it",
        path_, latest));
  // Schema 7 starts the tamper-evident record: what was already final is sealed at the upgrade
  // (doc/storage.md says what the record proves about those).
  if (from < kFirstRecordSchema) RecordRepo(*this).seal_unsealed();
  tx.commit();
}

namespace {

// SQLite's messages for a failed BEGIN/COMMIT, said in indie's words.
[[noreturn]] void throw_transaction_error(sqlite3* db, const char* what) {
  const int code = sqlite3_errcode(db) & 0xFF;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    throw storage_error(
        fmt::format("another indie command is writing to the database; nothing was changed, "
                    "run it again when that one is done"));
  throw storage_error(
      fmt::format("database: cannot {} a transaction: {}", what, sqlite3_errmsg(db)));
}

}  // namespace

WriteTransaction::WriteTransaction(Store& store) : store_(store) {
  if (store_.read_only()) throw_read_only(store_.path());  // before SQLite would say it
  if (sqlite3_exec(handle(store_), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw_transaction_error(handle(store_), "begin");
}

WriteTransaction::~WriteTransaction() {
  if (open_) sqlite3_exec(handle(store_), "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
  if (sqlite3_exec(handle(store_), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw_transaction_error(handle(store_), "commit");
  open_ = false;
}

}  // namespace indie
