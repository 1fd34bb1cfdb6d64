# indie time list filters and indie time report: rounding policies and their precedence, per
# currency totals, weeks, days across DST.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name ACME --country FR
run project add acme/website --rate 80/h
run project add acme/support --rate 600/d
run project add acme/internal --non-billable
run client add globex --name Globex --country US --currency USD
run project add globex/app --rate 100/h

# Policies: config 15m up entry; acme per day; acme/support its own.
run config set time.rounding "15m up entry"
expect_rc 0
run client edit acme --rounding "30m nearest day"
expect_rc 0
run project edit acme/support --rounding "1h up invoice min 1h"
expect_rc 0
snapshot before
run project edit acme/support --rounding "7m up"
expect_rc 1; expect_err "rounding increment '7m' is not allowed"
expect_unchanged_since before
run config set time.rounding "15m sideways"
expect_rc 1; expect_err "not understood"
expect_unchanged_since before

# acme/website (30m nearest day): 2026-11-16 10m + 10m = 20m -> 30m; 2026-11-17 40m -> 30m
run time add acme/website 2026-11-16 09:00-09:10
run time add acme/website 2026-11-16 10:00-10:10 --tag bug
run time add acme/website 2026-11-17 09:00-09:40 --tag bug
# acme/support (1h up invoice, min 1h): 20m -> 1h min; 50m -> 1h; total 2h -> 2h = 0.25 d
run time add acme/support 2026-11-16 14:00-14:20
run time add acme/support 2026-11-18 14:00-14:50
# acme/internal: not billable
run time add acme/internal 2026-11-18 16:00-17:00
# globex/app (config 15m up entry): 50m -> 1h; 5m -> 15m
run time add globex/app 2026-11-19 09:00-09:50
run time add globex/app 2026-11-23 09:00-09:05

run time report --by project --format json
expect_rc 0
j=$OUT
row() { printf '%s' "$j" | jq -r ".[] | select(.project==\"$1\") | .$2"; }
check "per-day rounding: website billed 1:00" test "$(row acme/website billed)" = 1:00
check "per-day rounding: website raw 1:00" test "$(row acme/website raw)" = 1:00
check "website amount 1 h x 80" test "$(row acme/website amount)" = 80.00
check "per-invoice rounding with a minimum: support billed 2:00" test "$(row acme/support billed)" = 2:00
check "day rate: 2 h of an 8 h day = 0.25 d x 600" test "$(row acme/support amount)" = 150.00
check "non-billable: raw counted, nothing billed" test "$(row acme/internal billed)" = 0:00
check "non-billable: no amount" test "$(row acme/internal amount)" = null
check "config policy for globex: 1:15" test "$(row globex/app billed)" = 1:15
check "USD amount" test "$(row globex/app amount)" = 125.00
check "one EUR total" test "$(printf '%s' "$j" | jq -r '.[] | select(.project=="total" and .currency=="EUR") | .amount')" = 230.00
check "one USD total, never mixed with EUR" test "$(printf '%s' "$j" | jq -r '.[] | select(.project=="total" and .currency=="USD") | .amount')" = 125.00
check "exactly two totals" test "$(printf '%s' "$j" | jq '[.[] | select(.project=="total")] | length')" = 2

# Reconciliation: with per-entry and per-day policies, days add up to the month.
run time report --by day --format json --client globex
days=$(printf '%s' "$OUT" | jq -r '[.[] | select(.day!="total") | .billed_hours | tonumber] | add')
run time report --by month --format json --client globex
check "days add up to the month" test "$days" = "$(printf '%s' "$OUT" | jq -r '.[] | select(.month=="2026-11") | .billed_hours | tonumber')"

# Weeks start on Monday: 2026-11-16..22 then 2026-11-23.
run time report --by week --format csv --client globex
expect_out "2026-11-16,USD,1,0:50,1:00"; expect_out "2026-11-23,USD,1,0:05,0:15"
run config set time.week_start sunday
run time report --by week --format csv --client globex
expect_out "2026-11-15,USD,1"; expect_out "2026-11-22,USD,1"
run config set time.week_start monday

# Tags: an entry with a tag counts in it; untagged ones are listed as (no tag).
run time report --by tag --format json --project acme/website
check "tag bug: two entries" test "$(printf '%s' "$OUT" | jq '.[] | select(.tag=="bug") | .entries')" = 2
check "untagged" test "$(printf '%s' "$OUT" | jq '.[] | select(.tag=="(no tag)") | .entries')" = 1

# Listing filters.
run time list --tag bug --format json
check "--tag" test "$(printf '%s' "$OUT" | jq length)" = 2
run time list --client globex --format json
check "--client" test "$(printf '%s' "$OUT" | jq length)" = 2
run time list --from 2026-11-18 --to 2026-11-18 --format json
check "--from/--to include the --to day" test "$(printf '%s' "$OUT" | jq length)" = 2
run time list --billable --client acme --format json
check "--billable leaves non-billable projects out" test "$(printf '%s' "$OUT" | jq length)" = 5
run time list --non-billable --format json
check "--non-billable" test "$(printf '%s' "$OUT" | jq length)" = 1
run time list --format csv
check "csv has a header and one line per entry" test "$(printf '%s\n' "$OUT" | wc -l)" = 9
run time list --format tsv
expect_rc 0; expect_out "id	start	end"
run time list
expect_out "8 entries, 4:05"

# Bad report arguments.
run time report --by year
expect_rc 2; expect_err "cannot group by 'year'"
run time list --from 2026-11-20 --to 2026-11-01
expect_rc 1; expect_err "--to 2026-11-01 is before --from"
run time list --from 2026-13-01
expect_rc 1; expect_err "not a valid date"

# Days are counted in the user's zone, also on the DST change day (2026-10-25 in Paris):
# 23:30 local is 22:30 UTC, still the 25th; the entry across the change lasts its true 3 h.
run time add acme/internal 2026-10-25 01:00-03:00 "across the change"
run time list --from 2026-10-25 --to 2026-10-25 --format json
check "01:00-03:00 on 2026-10-25 lasts 3 hours" test "$(printf '%s' "$OUT" | jq '.[0].seconds')" = 10800
run time add acme/internal 2026-10-25 23:30-23:50 "late"
run time report --by day --project acme/internal --from 2026-10-25 --to 2026-10-26 --format csv
expect_out "2026-10-25,EUR,2,3:20"
TZ=America/New_York run time report --by day --project acme/internal --from 2026-10-24 --to 2026-10-26 --format csv
expect_out "2026-10-24,EUR,1,3:00"

run config set time.zone Mars/Olympus
expect_rc 1 "config set refuses an unknown zone"; expect_err "'Mars/Olympus' is not a time zone this system knows"
# Written in the file by hand: every dated command says so.
run config set time.zone Europe/Paris
sed -i 's|^zone = .*|zone = "Mars/Olympus"|' "$CONFIG"
TZ= run time list
expect_rc 1; expect_err "time.zone 'Mars/Olympus' is not a known time zone"
finish
