# indie demo: a throw-away business in a temporary directory, never the user's own data.
. "$(dirname "$0")/lib.sh"
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR"
run demo
expect_rc 0
expect_out "a throw-away business in $TMPDIR/indie-demo-"
expect_out "Added client acme"
expect_out "acme/website"
expect_out "initech/api"
check "the user's own database was not created" test ! -e "$DB"
dir=$(printf '%s' "$OUT" | sed -n 's/^indie demo: a throw-away business in //p')
check "the demo database exists" test -f "$dir/indie.db"
run --db "$dir/indie.db" --config "$dir/config.toml" client list --format json
check "the demo has three clients" test "$(printf '%s' "$OUT" | jq length)" = 3
finish
