# indie time import: the four formats, matching and --create, idempotence, all-or-nothing,
# dry runs, and the round trip through indie's own CSV.
. "$(dirname "$0")/lib.sh"
SRC=${INDIE_SOURCE:?}
setup_business
run client add acme --name ACME --country FR
run project add acme/website --name Website --rate 80/h

# timewarrior: the tag that names a project is the project (timew export sorts tags, so it
# need not be the first); a running interval is skipped.
printf '[\n{"start":"20261101T080000Z","end":"20261101T090000Z","tags":["aaa-first","website"]}\n]\n' >"$T/sorted.json"
run time import "$T/sorted.json" --from timewarrior --dry-run
expect_rc 0; expect_out "Would add 1 entry"; expect_out "acme/website"; expect_out "aaa-first"
run time import "$SRC/examples/timew-export.json" --from timewarrior --dry-run
expect_rc 0; expect_out "Would add 2 entries"; expect_out "1 still running skipped"; expect_out "fix-login"
run time list --format json
check "a dry run writes nothing" test "$(printf '%s' "$OUT" | jq length)" = 0
run time import "$SRC/examples/timew-export.json" --from timewarrior
expect_rc 0; expect_out "Added 2 entries"
run time list --format json
check "timew times are UTC: 08:00Z is 09:00 in Paris" test "$(printf '%s' "$OUT" | jq -r '.[0].start')" = "2026-11-16T09:00:00+01:00"
check "annotation becomes the note" test "$(printf '%s' "$OUT" | jq -r '.[0].note')" = "login bug"
run time import "$SRC/examples/timew-export.json" --from timewarrior
expect_rc 0; expect_out "Added 0 entries"; expect_out "2 already there"
run_in "$(cat "$SRC/examples/timew-export.json")" time import - --from timewarrior
expect_rc 0; expect_out "Added 0 entries from <stdin>"

# toggl: a client Globex that does not exist; all-or-nothing.
snapshot before
run time import "$SRC/examples/toggl-detailed.csv" --from toggl
expect_rc 1; expect_err "toggl-detailed.csv:4: no client 'Globex'"; expect_err "--create"; expect_err "Nothing was imported"
expect_unchanged_since before
run time import "$SRC/examples/toggl-detailed.csv" --from toggl --create
expect_rc 0; expect_out "Added 3 entries"; expect_out "created client globex"; expect_out "created project globex/mobile-app"
run time list --client globex --format json
check "created project's entry" test "$(printf '%s' "$OUT" | jq -r '.[0].project')" = globex/mobile-app
run time list --from 2026-11-17 --to 2026-11-17 --format json
check "toggl tags split and cleaned" test "$(printf '%s' "$OUT" | jq -r '.[0].tags')" = "design,review"
check "toggl entry past midnight" test "$(printf '%s' "$OUT" | jq '.[1].seconds')" = 5400
run time import "$SRC/examples/toggl-detailed.csv" --from toggl --create
expect_rc 0; expect_out "Added 0 entries"; expect_out "3 already there"

# clockify: US dates and 12-hour times.
run time import "$SRC/examples/clockify-detailed.csv" --from clockify
expect_rc 0; expect_out "Added 2 entries"
run time list --from 2026-11-19 --to 2026-11-20 --format json
check "02:00:00 PM is 14:00" test "$(printf '%s' "$OUT" | jq -r '.[0].start')" = "2026-11-19T14:00:00+01:00"
check "12:00:00 PM is noon" test "$(printf '%s' "$OUT" | jq -r '.[1].end')" = "2026-11-20T12:00:00+01:00"

# Round trip: what list --format csv writes, import --from indie reads back, into a new database.
"$INDIE" time list --format csv >"$T/all.csv"
export INDIE_DB="$T/other.db" INDIE_CONFIG="$T/other.toml"
run init --name Other -q
run time import "$T/all.csv" --from indie --create
expect_rc 0; expect_out "Added 7 entries"
"$INDIE" time list --format csv | cut -d, -f2- >"$T/again.csv"
check "the round trip keeps every entry" bash -c "cut -d, -f2- '$T/all.csv' | diff - '$T/again.csv' >&2"
run time import "$T/all.csv" --from indie
expect_rc 0; expect_out "Added 0 entries"; expect_out "7 already there"
unset INDIE_DB INDIE_CONFIG

# Bad imports change nothing.
snapshot before
run time import "$SRC/examples/toggl-detailed.csv" --from excel
expect_rc 2; expect_err "unknown import format 'excel'"
run time import "$SRC/examples/toggl-detailed.csv"
expect_rc 2; expect_err "--from indie, timewarrior, toggl or clockify"
run time import "$SRC/examples/toggl-detailed.csv" --from indie
expect_rc 1; expect_err "this is not indie's CSV"; expect_err "the header has no start, end columns"
expect_unchanged_since before
run time import "$SRC/examples/timew-export.json" --from clockify
expect_rc 1; expect_err "this is not clockify's CSV"
expect_unchanged_since before
run time import "$SRC/examples/toggl-detailed.csv" --from timewarrior
expect_rc 1; expect_err 'toggl-detailed.csv:1:1: this is not the JSON `timew export` writes: a word JSON does not know'
expect_unchanged_since before
printf 'start,end,project,note\n2026-11-01T09:00:00+01:00,2026-11-01T10:00:00+01:00,acme/website,ok\n2026-11-01T11:00:00+01:00,2026-11-01T25:00:00+01:00,acme/website,bad\n' >"$T/bad.csv"
run time import "$T/bad.csv" --from indie
expect_rc 1; expect_err "bad.csv:3 (end): '25:00:00' is not a time of day"; expect_err "Nothing was imported"
expect_unchanged_since before
printf 'start,end,project\n2026-11-01T09:00:00+01:00,2026-11-01T10:00:00+01:00,acme/webiste\n' >"$T/unknown.csv"
run time import "$T/unknown.csv" --from indie
expect_rc 1; expect_err "unknown.csv:2: no project 'webiste' for client acme"
expect_unchanged_since before
printf 'start,end,project,colour\n' >"$T/col.csv"
run time import "$T/col.csv" --from indie
expect_rc 1; expect_err "unknown column 'colour'"
expect_unchanged_since before
printf 'start,end,project\n2026-11-16T09:30:00+01:00,2026-11-16T10:30:00+01:00,acme/website\n' >"$T/overlap.csv"
run time import "$T/overlap.csv" --from indie
expect_rc 1; expect_err "overlap.csv:2: it overlaps entry"
expect_unchanged_since before
printf '[{"start":"20261101T080000Z","end":"20261101T090000Z","tags":["nosuch"]}]\n' >"$T/tw.json"
run time import "$T/tw.json" --from timewarrior --create
expect_rc 1; expect_err "no tag of this interval names a project (tags: nosuch)"; expect_err "--client HANDLE"
expect_unchanged_since before
run time import "$T/tw.json" --from timewarrior --create --client acme
expect_rc 0; expect_out "created project acme/nosuch"
finish
