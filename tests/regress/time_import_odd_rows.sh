# Regression (issue 17.8): one odd row stopped a whole import: a Toggl row with no project, a
# tag longer than 32 characters, a timewarrior interval with no tag. --project gives rows
# without one a project, tags may be long (up to 200 bytes), and what still fails names the
# line and the flag.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME" --country FR
run project add acme/site --rate 80/h
run project add acme/misc --rate 80/h
H='User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()'
LONG=customer-onboarding-and-quarterly-business-review
printf '%s\n' "$H" \
  "Camille,c@example.org,ACME,site,Design,Mock-ups,Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,$LONG," \
  'Camille,c@example.org,,,,Admin,No,2026-11-02,11:00:00,2026-11-02,11:15:00,00:15:00,,' >"$T/toggl.csv"
snapshot before
run time import "$T/toggl.csv" --from toggl
expect_rc 1 "a row without project, no --project"
expect_err "toggl.csv:3 (Project): the row has no project; give --project CLIENT/PROJECT"
expect_unchanged_since before
run time import "$T/toggl.csv" --from toggl --project acme/misc
expect_rc 0 "--project places it"
run time list --format json
check "the long tag is kept" test "$(jq -r '.[0].tags' <<<"$OUT")" = "$LONG"
check "the task goes into the note" test "$(jq -r '.[0].note' <<<"$OUT")" = "Design: Mock-ups"
check "row without project in acme/misc" test "$(jq -r '.[1].project' <<<"$OUT")" = "acme/misc"
cat >"$T/timew.json" <<'JSON'
[
{"id":2,"start":"20261103T080000Z","end":"20261103T090000Z","tags":["acme/site"]},
{"id":1,"start":"20261103T100000Z","end":"20261103T103000Z"}
]
JSON
snapshot before
run time import "$T/timew.json" --from timewarrior
expect_rc 1; expect_err "timew.json:3: the interval has no tag"; expect_err "--project CLIENT/PROJECT"
expect_unchanged_since before
run time import "$T/timew.json" --from timewarrior --project acme/misc
expect_rc 0; expect_out "Added 2 entries"
finish
