# The database file: not SQLite, unwritable places, newer schema; each refused, nothing changed.
. "$(dirname "$0")/lib.sh"

# A file that is not SQLite.
printf 'my shopping list\n' >"$T/notes.db"
run --db "$T/notes.db" client list
expect_rc 1; expect_err "$T/notes.db is not an indie database (it is not a SQLite file"
run --db "$T/notes.db" init --name X
expect_rc 1; expect_err "not a SQLite file"
check "the file is untouched" test "$(cat "$T/notes.db")" = "my shopping list"

# Another program's SQLite database.
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run --db "$T/other.db" client list
expect_rc 1; expect_err "another program"

# A directory that cannot be written: below a regular file (fails even for root) …
printf 'x' >"$T/afile"
run --db "$T/afile/sub/indie.db" --config "$T/c.toml" init --name X
expect_rc 1; expect_err "cannot create the directory $T/afile/sub"; expect_err "--db PATH"
check "no config written when the database cannot be" test ! -e "$T/c.toml"
# … and a read-only directory (only meaningful when not root, who may write anywhere).
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$T/ro" && chmod 500 "$T/ro"
  run --db "$T/ro/indie.db" --config "$T/c.toml" init --name X
  expect_rc 1; expect_err "cannot create the database $T/ro/indie.db"
  chmod 700 "$T/ro"
fi

# A database written by a newer indie.
setup_business
run client add acme
sqlite3 "$DB" "PRAGMA user_version = 99"
snapshot before
run client list
expect_rc 1; expect_err "written by a newer indie (schema version 99"; expect_err "Upgrade indie"
run client add other
expect_rc 1
expect_unchanged_since before

# The schema is versioned and the tables are STRICT.
# A fresh database carries the schema this indie writes (14 when this was written; only ever
# higher), and a command leaves it as it found it.
run --db "$T/fresh.db" --config "$T/fresh.toml" init --name Fresh -q
version=$(sqlite3 "$T/fresh.db" 'PRAGMA user_version')
check "user_version is the schema of this release ($version)" test "$version" -ge 14 -a "$version" -lt 99
run --db "$T/fresh.db" --config "$T/fresh.toml" client list
check "a command keeps the schema version" test "$(sqlite3 "$T/fresh.db" 'PRAGMA user_version')" = "$version"
check "WAL mode" test "$(sqlite3 "$DB" 'PRAGMA journal_mode')" = wal
check "a REAL amount is refused by the database itself" \
  bash -c "! sqlite3 '$DB' \"INSERT INTO project (client_id, handle, name, currency, rate_minor, rate_unit, created_at) VALUES (1, 'p', 'p', 'EUR', 80.5, 'h', 'x')\" 2>/dev/null"
finish
