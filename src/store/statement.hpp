#pragma once
// The one way repositories talk to SQLite: a prepared statement on SQLite's C API (prepared once,
// reset and bound again per row, columns read without copies: a million time entries go through
// it), and column tables that map a row to a domain type in one place.
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "connection.hpp"
#include "indie/core/error.hpp"

namespace indie {

/// SQLite's refusal in indie's words: a constraint is a conflict that says nothing was changed.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc);
/// A write to a database opened read-only (`what`: its path, or "the database"), in words.
[[noreturn]] void throw_read_only(std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db), cache_(statement_cache(db)) {
    if (cache_ != nullptr) {
      sql_ = sql;
      if (const auto it = cache_->idle.find(sql_);
          it != cache_->idle.end() && !it->second.empty()) {
        st_ = it->second.back();  // reset and cleared when it was given back
        it->second.pop_back();
        return;
      }
    }
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &st_, nullptr) != SQLITE_OK)
      throw storage_error(std::string("database: ") + sqlite3_errmsg(db));
  }
  Statement(Store& store, std::string_view sql) : Statement(handle(store), sql) {}
  ~Statement() {
    if (cache_ == nullptr || st_ == nullptr) {
      sqlite3_finalize(st_);
      return;
    }
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    cache_->idle[sql_].push_back(st_);
  }
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
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  /// Bytes, stored as a BLOB (a document), never read as text.
  Statement& bind_blob(int i, std::string_view bytes) {
    sqlite3_bind_blob64(st_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  template <class T>
  Statement& bind(int i, const std::optional<T>& v) {
    if (v) return bind(i, *v);
    return bind_null(i);
  }
  /// Binds a named parameter (":handle"); the statement must have it.
  template <class T>
  Statement& bind(std::string_view name, const T& v) {
    return bind(parameter(name), v);
  }
  Statement& bind_null(std::string_view name) { return bind_null(parameter(name)); }

  /// One step: true while there is a row. Throws indie's errors on failure (a trigger's RAISE
  /// included, with its message).
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(st_);
    throw_sqlite_error(db_, rc);
  }
  void run() {
    while (step()) {
    }
  }
  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
  /// Borrowed text, valid until the next step.
  std::string_view text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p == nullptr
               ? std::string_view()
               : std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
  }
  std::string string(int col) const { return std::string(text(col)); }
  /// A BLOB's bytes (copied).
  std::string blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, col));
    return p == nullptr ? std::string()
                        : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
  }
  std::optional<std::string> optional_string(int col) const {
    if (is_null(col)) return std::nullopt;
    return string(col);
  }
  std::optional<std::int64_t> optional_integer(int col) const {
    if (is_null(col)) return std::nullopt;
    return integer(col);
  }

 private:
  int parameter(std::string_view name) const {
    const int i = sqlite3_bind_parameter_index(st_, std::string(name).c_str());
    if (i == 0)
      throw storage_error("database: the statement has no parameter " + std::string(name));
    return i;
  }

  sqlite3* db_;
  StatementCache* cache_;  ///< where the statement goes back when done; null: finalized
  std::string sql_;        ///< its key there
  sqlite3_stmt* st_ = nullptr;
};

/// The statement held in `slot`: prepared on first use, then reset for the next row. Repositories
/// keep their hot statements this way (preparing one also compiles the table's triggers).
inline Statement& reused(std::unique_ptr<Statement>& slot, sqlite3* db, std::string_view sql) {
  if (!slot) slot = std::make_unique<Statement>(db, sql);
  return slot->reset();
}

inline std::int64_t last_insert_id(Store& store) {
  return sqlite3_last_insert_rowid(handle(store));
}
/// Rows changed by the last INSERT, UPDATE or DELETE.
inline std::int64_t changed_rows(Store& store) { return sqlite3_changes(handle(store)); }

/// One column of a row mapping: its SQL expression and how it is read into a T. A repository
/// keeps one array of them per type; the SELECT list and the reader both come from that array,
/// so no column position is ever kept in step by hand.
template <class T>
struct Column {
  std::string_view sql;
  void (*read)(const Statement& row, int col, T& into);
};

/// "a, b, c": the SELECT list of `columns`.
template <class T, std::size_t N>
std::string column_list(const std::array<Column<T>, N>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ", ";
    out += c.sql;
  }
  return out;
}

/// Reads the current row into `into`, the columns starting at `first`.
template <class T, std::size_t N>
void read_row(const Statement& row, const std::array<Column<T>, N>& columns, T& into,
              int first = 0) {
  int col = first;
  for (const auto& c : columns) c.read(row, col++, into);
}

/// One column a repository writes: its name and how it is bound from a T. INSERT and UPDATE
/// statements are generated from the same array, so parameter numbers are never counted by hand.
template <class T>
struct Field {
  std::string_view name;
  void (*bind)(Statement& q, int param, const T& from);
};

/// "INSERT INTO table (a, b) VALUES (?1, ?2)".
template <class T, std::size_t N>
std::string insert_sql(std::string_view table, const std::array<Field<T>, N>& fields) {
  std::string names, params;
  for (std::size_t i = 0; i < N; ++i) {
    names += (i ? ", " : "") + std::string(fields[i].name);
    params += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + params + ")";
}

/// "UPDATE table SET a = ?1, b = ?2 WHERE id = ?3": the id is the parameter after the fields.
template <class T, std::size_t N>
std::string update_sql(std::string_view table, const std::array<Field<T>, N>& fields) {
  std::string sets;
  for (std::size_t i = 0; i < N; ++i)
    sets += (i ? ", " : "") + std::string(fields[i].name) + " = ?" + std::to_string(i + 1);
  return "UPDATE " + std::string(table) + " SET " + sets + " WHERE id = ?" + std::to_string(N + 1);
}

/// Binds every field of `from` as ?1..?N.
template <class T, std::size_t N>
void bind_fields(Statement& q, const std::array<Field<T>, N>& fields, const T& from) {
  for (std::size_t i = 0; i < N; ++i) fields[i].bind(q, static_cast<int>(i + 1), from);
}

}  // namespace indie
