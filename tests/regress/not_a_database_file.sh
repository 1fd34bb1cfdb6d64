# Regression (issue 35.8): a 1-byte file where the database should be was silently turned into a
# new database by `indie client list` (exit 0), whatever it held lost. Any file that does not
# start like a SQLite database is refused, whatever its size, and left as it was.
. "$(dirname "$0")/../cli/lib.sh"
printf 'x' >"$T/one-byte.db"
printf 'Date,Amount\n2026-11-02,12.00\n' >"$T/statement.db"
head -c 4096 /dev/urandom >"$T/random.db"
printf 'SQLite format 2\0' >"$T/almost.db"
for f in one-byte statement random almost; do
  cp "$T/$f.db" "$T/$f.orig"
  run --db "$T/$f.db" client list
  expect_rc 1 "$f.db is refused"
  expect_err "$T/$f.db is not an indie database (it is not a SQLite file"
  expect_err "Nothing was changed"
  check "$f.db is left byte for byte" cmp -s "$T/$f.db" "$T/$f.orig"
  check "no -wal or -shm beside $f.db" test ! -e "$T/$f.db-wal" -a ! -e "$T/$f.db-shm"
  run --db "$T/$f.db" client add acme --name ACME
  expect_rc 1 "a write to $f.db is refused too"
  check "$f.db is still left as it was" cmp -s "$T/$f.db" "$T/$f.orig"
done
# A real database still opens.
setup_business
run client list
expect_rc 0 "indie's own database opens"
finish
