# Regression (issue 18.1): a negative PRAGMA user_version made the store read before its list of
# migrations (a segfault at -2147483648, bad_alloc at -2, help text run as SQL at -10). Any
# version outside 0..current is refused, naming the file, and nothing is changed.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
for v in -1 -2 -10 -2147483648; do
  sqlite3 "$DB" "PRAGMA user_version = $v"
  snapshot before
  run client list
  expect_rc 1 "user_version $v is refused"
  expect_err "has schema version $v, which no indie writes"
  check "no internal error at $v" test "${ERR#*internal error}" = "$ERR"
  expect_unchanged_since before
done
sqlite3 "$DB" "PRAGMA user_version = 99999"
run client list
expect_rc 1 "a newer version is refused"
expect_err "written by a newer indie"
finish
