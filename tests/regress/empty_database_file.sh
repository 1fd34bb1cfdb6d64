# Regression (issue 18.13): a 0-byte file where the database should be was silently made into a
# new, empty database, hiding the loss. It is refused, by every command, init included.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
: >"$DB"
snapshot before
for cmd in "client list" "time status" "init --name Other --force"; do
  # shellcheck disable=SC2086
  run $cmd
  expect_rc 1 "$cmd on an empty file"
  expect_err "is an empty file, not a database"
  check "$cmd left it empty" test ! -s "$DB"
  expect_unchanged_since before
done
finish
