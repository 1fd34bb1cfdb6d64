# Regression (issue 17.2): Clockify exports written day-first (DD/MM/YYYY, its European users)
# were read month-first: wrong dates when every day was 12 or less, and an error quoting a date
# that was not in the file when a day was above 12. The order is found from the whole file; a
# file where every date could be either is refused until --date-format says.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME" --country FR
run project add acme/site --rate 80/h
H='Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)'
printf '%s\n' "$H" \
  'site,ACME,Draft,,Camille,,c@example.org,,Yes,03/11/2026,09:00:00,03/11/2026,10:00:00,01:00:00,1.00' \
  'site,ACME,Review,,Camille,,c@example.org,,Yes,25/11/2026,09:00:00,25/11/2026,11:00:00,02:00:00,2.00' \
  >"$T/day-first.csv"
run time import "$T/day-first.csv" --from clockify
expect_rc 0 "a day above 12 settles the order"
run time list --from 2026-11-01 --to 2026-11-30 --format json
check "3 November, not 11 March" test "$(jq -r '.[0].start' <<<"$OUT")" = "2026-11-03T09:00:00+01:00"
check "25 November" test "$(jq -r '.[1].start' <<<"$OUT")" = "2026-11-25T09:00:00+01:00"
# Every day 12 or less: refused, saying which readings there are and what to give.
printf '%s\n' "$H" \
  'site,ACME,Draft,,Camille,,c@example.org,,Yes,03/11/2026,14:00:00,03/11/2026,15:00:00,01:00:00,1.00' \
  'site,ACME,Spec,,Camille,,c@example.org,,Yes,05/11/2026,14:00:00,05/11/2026,15:00:00,01:00:00,1.00' \
  >"$T/ambiguous.csv"
snapshot before
run time import "$T/ambiguous.csv" --from clockify
expect_rc 1 "an ambiguous file is refused"
expect_err "ambiguous.csv:2 (Start Date): the file's dates could be day-first or month-first ('03/11/2026' is 3 November 2026 or March 11, 2026)"
expect_err "--date-format %d/%m/%Y"
expect_unchanged_since before
run time import "$T/ambiguous.csv" --from clockify --date-format %d/%m/%Y
expect_rc 0 "--date-format settles it"
run time list --from 2026-11-05 --to 2026-11-05 --format json
check "5 November" test "$(jq -r '.[0].note' <<<"$OUT")" = "Spec"
# Both orders in one file: refused, quoting both dates as the file writes them.
printf '%s\n' "$H" \
  'site,ACME,A,,Camille,,c@example.org,,Yes,13/10/2026,09:00:00,13/10/2026,10:00:00,01:00:00,1.00' \
  'site,ACME,B,,Camille,,c@example.org,,Yes,10/14/2026,09:00:00,10/14/2026,10:00:00,01:00:00,1.00' \
  >"$T/mixed.csv"
snapshot before
run time import "$T/mixed.csv" --from clockify
expect_rc 1; expect_err "day-first in places ('13/10/2026') and month-first in others ('10/14/2026')"
expect_unchanged_since before
# A date that matches no reading is quoted as the file writes it.
printf '%s\n' "$H" \
  'site,ACME,A,,Camille,,c@example.org,,Yes,13/10/2026,09:00:00,32/10/2026,10:00:00,01:00:00,1.00' \
  >"$T/bad.csv"
run time import "$T/bad.csv" --from clockify
expect_rc 1; expect_err "bad.csv:2 (End Date): '32/10/2026' is not a day-first date"
run time import "$T/bad.csv" --from clockify --date-format %Y
expect_rc 1; expect_err "needs %d, %m and %Y"
run time import "$T/bad.csv" --from timewarrior --date-format %d/%m/%Y
expect_rc 2; expect_err "--date-format is for CSV exports"
expect_unchanged_since before
finish
