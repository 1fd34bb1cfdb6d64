# Regression (issue 18.7): NUL and ESC from imports and --payee were stored, and `time list` and
# `account register` printed escape sequences raw to the terminal. Imports and flags refuse
# control characters (tab and line ends aside) where they are; terminal output never prints
# one, even from rows written by other means.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name ACME
run project add acme/web --rate 80/h
run account add Qonto --currency EUR
snapshot before
printf 'project,start,end,note,tags\nacme/web,2026-11-01T09:00:00Z,2026-11-01T10:00:00Z,red \033[31malert,\n' >"$T/esc.csv"
run time import "$T/esc.csv" --from indie
expect_rc 1 "an ESC in a CSV is refused"
expect_err "esc.csv:2:56: a control character (U+001B) is in the file"
printf 'project,start,end,note,tags\nacme/web,2026-11-01T09:00:00Z,2026-11-01T10:00:00Z,a\302\205b,\n' >"$T/c1.csv"
run time import "$T/c1.csv" --from indie
expect_rc 1 "a C1 control (NEL) is refused"
expect_err "(U+0085)"
run account tx add Qonto -- -12 --payee "$(printf 'OVH\033[2J')"
expect_rc 1 "--payee with ESC is refused"
expect_err "--payee: the text has control characters"
expect_unchanged_since before

# Rows that reached the database some other way are shown without their controls.
run time add acme/web 2026-11-02 09:00-10:00 "plain"
sqlite3 "$DB" "UPDATE time_entry SET note = 'red ' || char(27) || '[31malert' WHERE id = 1"
run time list
expect_rc 0 "time list"
check "no ESC reaches the terminal" test "$(printf '%s' "$OUT" | tr -d -c '\033' | wc -c)" = 0
expect_out "red �[31malert"
run account tx add Qonto -- -12 --payee OVH
sqlite3 "$DB" "UPDATE account_tx SET payee = 'OVH' || char(27) || '[2J' WHERE payee = 'OVH'"
run account register Qonto
check "no ESC in the register" test "$(printf '%s' "$OUT" | tr -d -c '\033' | wc -c)" = 0
# Machines get the data as stored, escaped as their format says.
run time list --format json
check "JSON keeps the character, escaped" test "$(jq -r '.[0].note' <<<"$OUT")" = "$(printf 'red \033[31malert')"
finish
