# indie time start|stop|status|cancel|resume|add|edit|rm and every bad input of the issue.
# The clock is fixed: INDIE_NOW=2026-11-21T10:00:00Z is 11:00 in Europe/Paris.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name ACME --country FR
run project add acme/website --rate 80/h
run project add acme/api --rate 90/h
run client add globex --name Globex --country US --currency USD
run project add globex/website --rate 600/d
run project add globex/old --rate 50/h
run project archive globex/old

# --- timer ---
run time status
expect_rc 0; expect_out "No timer is running"; expect_out "Today: 0:00"

snapshot before
run time stop
expect_rc 1; expect_err "no timer is running"; expect_err "indie time start"
expect_unchanged_since before
run time cancel
expect_rc 1; expect_err "nothing to cancel"

run time start acme/website "fix login" --tag bug --at 09:10
expect_rc 0; expect_out "Started acme/website \"fix login\" at 09:10"
run time status
expect_rc 0; expect_out "Tracking acme/website \"fix login\" since 2026-11-21 09:10 (1:50), tags bug"
expect_out "Today: 1:50"
run time status --format json
check "status json: running" test "$(printf '%s' "$OUT" | jq .running)" = true
check "status json: elapsed seconds" test "$(printf '%s' "$OUT" | jq .elapsed_seconds)" = 6600

# Starting another stops the first at the same instant, and says so.
run time start api "review" --at 10:30
expect_rc 0; expect_out "Stopped acme/website \"fix login\" at 10:30 after 1:20."; expect_out "Started acme/api \"review\" at 10:30"
run time list --format json
check "first entry ends when the second starts" test "$(printf '%s' "$OUT" | jq -r '.[0].end')" = "$(printf '%s' "$OUT" | jq -r '.[1].start')"
check "one timer at a time" test "$(printf '%s' "$OUT" | jq '[.[] | select(.status=="running")] | length')" = 1

run time stop --at 10:45
expect_rc 0; expect_out "Stopped acme/api \"review\" at 10:45 after 0:15."
run time resume --at 10:50
expect_rc 0; expect_out "Started acme/api \"review\" at 10:50"
run time cancel
expect_rc 0; expect_out "Cancelled acme/api"
run time list --format json
check "cancel discards the running entry" test "$(printf '%s' "$OUT" | jq length)" = 2

# Bad timer inputs change nothing.
snapshot before
run time start globex/old "x"
expect_rc 1; expect_err "project globex/old is archived"; expect_err "indie project unarchive globex/old"
expect_unchanged_since before
run time start website "x"
expect_rc 1; expect_err "'website' is ambiguous: acme/website, globex/website"
expect_unchanged_since before
run time start acme/wbsite "x"
expect_rc 1; expect_err "no project 'acme/wbsite'"; expect_err "Did you mean 'acme/website'?"
expect_unchanged_since before
run time start acme/website --at 25:00
expect_rc 1; expect_err "'25:00' is not a time of day"
expect_unchanged_since before
run time start acme/website --at 10:00
expect_rc 1; expect_err "inside entry 1"; expect_err "--allow-overlap"
expect_unchanged_since before
run time start acme/website "later" --at 10:50
run time stop --at 10:40
expect_rc 1; expect_err "the timer started at 2026-11-21 10:50"
run time cancel

# --- past entries ---
run time add acme/website 2026-11-20 09:00-12:30 "workshop"
expect_rc 0; expect_out "Added entry"; expect_out "2026-11-20 09:00 - 12:30 (3:30)"
run time add acme/website 2026-11-20 --duration 2h15m "review"
expect_rc 0; expect_out "2026-11-20 12:30 - 14:45 (2:15)"
run time add acme/website yesterday --duration 30m --at 16:00 "call"
expect_rc 0; expect_out "2026-11-20 16:00 - 16:30"
run time add acme/api 2026-11-19 22:00-01:30+1 "night migration" --tag ops
expect_rc 0; expect_out "(3:30)"
run time list --from 2026-11-19 --to 2026-11-19 --format json
check "past midnight: ends the next day" test "$(printf '%s' "$OUT" | jq -r '.[0].end')" = "2026-11-20T01:30:00+01:00"
check "past midnight: true duration" test "$(printf '%s' "$OUT" | jq '.[0].seconds')" = 12600

snapshot before
run time add acme/website 2026-11-18 12:30-09:00 "backwards"
expect_rc 1; expect_err "the end (2026-11-18 09:00) is before the start (2026-11-18 12:30)"; expect_err "01:30+1"
expect_unchanged_since before
run time add acme/website 2026-11-18 09:00-09:00
expect_rc 1; expect_err "0 minutes"
expect_unchanged_since before
run time add acme/website 2026-11-18 --duration 0m
expect_rc 1; expect_err "duration above zero"
expect_unchanged_since before
run time add acme/website 2026-11-18 --duration -1h
expect_rc 1
expect_unchanged_since before
run time add acme/website 2026-11-18 25:00-26:00
expect_rc 1; expect_err "'25:00' is not a time of day"
expect_unchanged_since before
run time add acme/website 2026-02-30 09:00-10:00
expect_rc 1; expect_err "'2026-02-30' is not a valid date: that month has 28 days"
expect_unchanged_since before
run time add acme/website 2026-11-18 --duration 1h70
expect_rc 1; expect_err "'1h70' is not a duration"
expect_unchanged_since before
run time add acme/website 2026-11-10 --duration 30h
expect_rc 1; expect_err "over 24 hours"; expect_err "--force"
expect_unchanged_since before
run time add acme/website 2026-11-20 12:00-13:00 "overlap"
expect_rc 1; expect_err "overlaps entry"; expect_err "workshop"
expect_unchanged_since before
run time add acme/website 2026-11-18
expect_rc 2; expect_err "give a time range or a duration"
expect_unchanged_since before
run time add globex/old 2026-11-18 09:00-10:00
expect_rc 1; expect_err "archived"
expect_unchanged_since before

run time add acme/website 2026-11-10 --duration 30h --force "conference"
expect_rc 0
run time add acme/website 2026-11-20 12:00-13:00 "overlap" --allow-overlap
expect_rc 0
# A long entry is found by the overlap check too (it lives in its own index).
run time add acme/website 2026-11-11 01:00-02:00
expect_rc 1; expect_err "conference"

# --- edit and rm ---
id=$("$INDIE" time list --format json --from 2026-11-20 | jq '.[] | select(.note=="workshop") | .id')
run time edit "$id" --end 12:00 --note "workshop (short)" --tag client
expect_rc 0; expect_out "Updated entry $id"
run time list --format json
check "edit changed the end" test "$(printf '%s' "$OUT" | jq -r ".[] | select(.id==$id) | .end")" = "2026-11-20T12:00:00+01:00"
check "edit changed the tags" test "$(printf '%s' "$OUT" | jq -r ".[] | select(.id==$id) | .tags")" = client
run time edit "$id" --date 2026-11-17
expect_rc 0
run time list --format json
check "edit --date keeps the times" test "$(printf '%s' "$OUT" | jq -r ".[] | select(.id==$id) | .start")" = "2026-11-17T09:00:00+01:00"
snapshot before
run time edit "$id" --end 08:00
expect_rc 1; expect_err "is before the start"
expect_unchanged_since before
run time edit "$id"
expect_rc 2; expect_err "nothing to change"
run time edit 999 --end 12:00
expect_rc 1; expect_err "no time entry 999"
run time edit abc --end 12:00
expect_rc 1; expect_err "not a time entry id"
run time rm "$id"
expect_rc 0; expect_out "Removed entry $id"
run time rm "$id"
expect_rc 1; expect_err "no time entry"

# A project with entries cannot be removed; archive it.
run project rm acme/api
expect_rc 1; expect_err "has history (2 time entries)"; expect_err "archive"

# --- billed entries are locked (the invoices issue sets the lock; here it is set by hand) ---
locked=$("$INDIE" time list --format json | jq '.[] | select(.note=="call") | .id')
sqlite3 "$DB" "UPDATE time_entry SET invoice_id = 7, invoice_number = 'F2026-0007' WHERE id = $locked"
snapshot before
run time edit "$locked" --note "changed"
expect_rc 1; expect_err "billed on invoice F2026-0007"; expect_err "credit note"
expect_unchanged_since before
run time rm "$locked"
expect_rc 1; expect_err "billed on invoice F2026-0007"
expect_unchanged_since before
check "the database itself refuses to change a billed entry" bash -c "! sqlite3 '$DB' \"UPDATE time_entry SET note = 'x' WHERE id = $locked\" 2>/dev/null"
check "the database itself refuses to delete a billed entry" bash -c "! sqlite3 '$DB' \"DELETE FROM time_entry WHERE id = $locked\" 2>/dev/null"
expect_unchanged_since before
run time list --format json
check "the list shows the billing status" test "$(printf '%s' "$OUT" | jq -r ".[] | select(.id==$locked) | .status")" = "billed F2026-0007"
run time list --unbilled --format json
check "--unbilled leaves it out" test "$(printf '%s' "$OUT" | jq "[.[] | select(.id==$locked)] | length")" = 0

# A second timer cannot exist even when written by hand.
run time start acme/website --at 10:55
check "the database refuses a second running entry" bash -c "! sqlite3 '$DB' \"INSERT INTO time_entry (project_id, start_utc, zone) VALUES (1, 1, 'UTC')\" 2>/dev/null"
run time stop
finish
