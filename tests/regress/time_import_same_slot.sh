# Regression (issue 17.1): two rows of one file with the same project, start and end were kept
# as one, even when their descriptions or users differed; on an empty database the dropped rows
# were reported as "already there". Every row is kept now, and a re-import still adds nothing.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME" --country FR
run project add acme/site --rate 80/h
H='User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()'
# Two tasks in one slot (different descriptions), then two identical rows by two users, then
# two rows that are identical in every field (a genuine double in the export).
cat >"$T/toggl.csv" <<CSV
$H
Camille,c@example.org,ACME,site,,Meeting,Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,
Camille,c@example.org,ACME,site,,Minutes,Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,
Camille,c@example.org,ACME,site,,Review,Yes,2026-11-03,14:00:00,2026-11-03,15:00:00,01:00:00,,
Sam,s@example.org,ACME,site,,Review,Yes,2026-11-03,14:00:00,2026-11-03,15:00:00,01:00:00,,
Camille,c@example.org,ACME,site,,Call,Yes,2026-11-04,11:00:00,2026-11-04,11:30:00,00:30:00,,
Camille,c@example.org,ACME,site,,Call,Yes,2026-11-04,11:00:00,2026-11-04,11:30:00,00:30:00,,
CSV
# The rows overlap by nature: without --allow-overlap the import is refused, naming the line.
snapshot before
run time import "$T/toggl.csv" --from toggl
expect_rc 1 "overlapping rows are refused without --allow-overlap"
expect_err "toggl.csv:3:"; expect_err "--allow-overlap"; expect_err "Nothing was imported"
expect_unchanged_since before
run time import "$T/toggl.csv" --from toggl --allow-overlap
expect_rc 0 "import"
expect_out "Added 6 entries"
expect_out_not "already there"
run time list --from 2026-11-01 --to 2026-11-30 --format json
check "six entries" test "$(jq length <<<"$OUT")" = 6
check "four hours and one, summed independently" test "$(jq '[.[].seconds] | add' <<<"$OUT")" = $((4 * 3600 + 3600))
check "both notes of the shared slot" test "$(jq -r '[.[].note] | sort | join(",")' <<<"$OUT")" = "Call,Call,Meeting,Minutes,Review,Review"
# A re-import adds nothing, and so does a file holding one of the two identical rows only.
run time import "$T/toggl.csv" --from toggl --allow-overlap
expect_rc 0; expect_out "Added 0 entries"; expect_out "6 already there"
head -n 6 "$T/toggl.csv" >"$T/part.csv"
run time import "$T/part.csv" --from toggl --allow-overlap
expect_rc 0; expect_out "Added 0 entries"; expect_out "5 already there"
# Entries imported under another key (an older indie) or typed by hand are recognised by their
# project, start, end and note, each one standing for one row.
sqlite3 "$DB" "UPDATE time_entry SET source_key = source_key + 1" || fail "sqlite3"
run time import "$T/toggl.csv" --from toggl --allow-overlap
expect_rc 0; expect_out "Added 0 entries"; expect_out "6 already there"
run time list --format csv
printf '%s\n' "$OUT" >"$T/own.csv"
run time import "$T/own.csv" --from indie --allow-overlap
expect_rc 0; expect_out "Added 0 entries"; expect_out "6 already there"
finish
