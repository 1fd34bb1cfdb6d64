# The documentation names what the program does: every config key and every command group has
# its man page entry, and the README's commands are the ones CI runs.
. "$(dirname "$0")/lib.sh"
SRC=${INDIE_SOURCE:?}

run config show --format json
keys=$(printf '%s' "$OUT" | jq -r '.[].key')
check "config show lists the keys (at least 30)" test "$(wc -w <<<"$keys")" -ge 30
for key in $keys; do
  check "man/indie-config.1 documents $key" grep -q "$key" "$SRC/man/indie-config.1"
  check "examples/config.toml shows $key" grep -q "^${key#*.} = " "$SRC/examples/config.toml"
done
for page in indie indie-client indie-project indie-config indie-time indie-invoice indie-report indie-account indie-bill indie-rate indie-template; do
  check "man page $page renders without warnings" bash -c "! MANWIDTH=80 man --warnings -l '$SRC/man/$page.1' 2>&1 >/dev/null | grep -q ."
done
check "the example config is valid" "$INDIE" --config "$SRC/examples/config.toml" config show >/dev/null
check "the example CSV imports" bash -c "'$INDIE' --db '$T/ex.db' --config '$SRC/examples/config.toml' init -q && '$INDIE' --db '$T/ex.db' --config '$SRC/examples/config.toml' client import '$SRC/examples/clients.csv' -q"
# doc/storage.md counts the triggers of a database of the current schema: the count must be true.
run --db "$T/docs.db" --config "$T/docs.toml" init --name Docs -q
documented=$(sed -n 's/.*(\([0-9]*\) in a database of schema \([0-9]*\)).*/\1 \2/p' "$SRC/doc/storage.md")
check "doc/storage.md counts the triggers" test -n "$documented"
if [ "$(sqlite3 "$T/docs.db" 'PRAGMA user_version')" = "${documented#* }" ]; then
  check "doc/storage.md's trigger count (${documented% *}) is the database's" \
    test "$(sqlite3 "$T/docs.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")" = "${documented% *}"
else
  fail "doc/storage.md counts the triggers of schema ${documented#* }; update it for this schema"
fi
readme_test=$(grep -m1 '^cmake .*ctest' "$SRC/README.md")
check "the README has a test command" test -n "$readme_test"
check "the README's test command is in .ci/run" grep -qxF "$readme_test" "$SRC/.ci/run"
finish
