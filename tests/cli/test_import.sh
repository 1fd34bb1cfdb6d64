# indie client import: reads what `client list --format csv` writes; all or nothing.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name "ACME, \"the\" company" --country FR --address "3 rue de la Paix" --address "75002 Paris"
run client add globex --name "Globex" --country DE --vat-number DE129273398 --notes "tab	inside"
run client add initech --name "Initech" --country US --currency USD --terms 45
run client archive initech
run client list --all --format csv
printf '%s\n' "$OUT" >"$T/clients.csv"

# Round trip into a second database: the same rows come back.
run --db "$T/other.db" --config "$CONFIG" init
run --db "$T/other.db" client import "$T/clients.csv"
expect_rc 0; expect_out "Imported 3 clients"
run --db "$T/other.db" client list --all --format json
printf '%s' "$OUT" | jq -S 'map(del(.id, .created_at))' >"$T/b.json"
run client list --all --format json
printf '%s' "$OUT" | jq -S 'map(del(.id, .created_at))' >"$T/a.json"
check "import restores every field (quotes, commas, newlines, tabs, archived)" cmp -s "$T/a.json" "$T/b.json"

# From standard input, in a pipe, with only some columns in another order.
run_in $'name,handle,currency\nNew Co,newco,GBP\n' client import -
expect_rc 0; expect_out "Imported 1 client from <stdin>"
run client show newco --format json
check "missing columns take defaults" test "$(printf '%s' "$OUT" | jq -r .vat_treatment)" = domestic

# --dry-run checks and writes nothing.
snapshot before
run_in $'handle,name\ndry,Dry Run\n' client import - --dry-run
expect_rc 0; expect_out "Would import 1 client"
expect_unchanged_since before

# Malformed files: the error names the line and column, nothing is imported.
printf 'handle,name,country\nok1,Fine,FR\nbad,"Unclosed,FR\n' >"$T/quote.csv"
run client import "$T/quote.csv"
expect_rc 1; expect_err "$T/quote.csv:3:5: a quoted field is never closed"
printf 'handle,name,country\nok1,Fine,FR\nok2,Fine too\n' >"$T/columns.csv"
run client import "$T/columns.csv"
expect_rc 1; expect_err "$T/columns.csv:3:1: expected 3 fields as in the header, found 2"
printf 'handle,name,currency\nok1,Fine,EUR\nok2,Fine,EURO\n' >"$T/field.csv"
run client import "$T/field.csv"
expect_rc 1; expect_err "$T/field.csv:3:3 (currency): unknown currency 'EURO'"; expect_err "Nothing was imported"
printf 'handle,name,siren\nok1,Fine,552100555\n' >"$T/siren.csv"
run client import "$T/siren.csv"
expect_rc 1; expect_err "$T/siren.csv:2:3 (siren)"
printf 'handle,name,currancy\nok1,Fine,EUR\n' >"$T/header.csv"
run client import "$T/header.csv"
expect_rc 1; expect_err "unknown column 'currancy'"; expect_err "Did you mean 'currency'"
printf 'name,country\nFine,FR\n' >"$T/nohandle.csv"
run client import "$T/nohandle.csv"
expect_rc 1; expect_err "no 'handle' column"
printf 'handle,name\nok1,One\nacme,Duplicate of an existing client\n' >"$T/dup.csv"
run client import "$T/dup.csv"
expect_rc 1; expect_err "$T/dup.csv:3:1 (handle): a client with handle 'acme' already exists"
printf 'handle,name\nsame,One\nSAME,Two\n' >"$T/dup2.csv"
run client import "$T/dup2.csv"
expect_rc 1; expect_err "appears twice in the file"
run client import "$T/does-not-exist.csv"
expect_rc 1; expect_err "cannot read"
: >"$T/empty.csv"
run client import "$T/empty.csv"
expect_rc 1; expect_err "header row"
expect_unchanged_since before
run client list --format json
check "ok1 from the failed files was not imported" test "$(printf '%s' "$OUT" | jq 'map(.handle) | index("ok1")')" = null
finish
