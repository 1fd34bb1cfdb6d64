# Regression (issue 13): `config set time.hours_per_day 7.005` then `config show` printed 7
# (an integer division when formatting the seconds back as hours).
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run config set time.hours_per_day 7.005
expect_rc 0 "a day of 7.005 h is a whole number of seconds (25,218)"
run config get time.hours_per_day
expect_out_is "7.005"
run config show --format json
check "config show prints 7.005" test "$(jq -r '.[] | select(.key == "time.hours_per_day") | .value' <<<"$OUT")" = 7.005
for h in 7.5 7.25 0.0025 24; do
  run config set time.hours_per_day "$h"
  run config get time.hours_per_day
  expect_out_is "$h"
done
snapshot before
run config set time.hours_per_day 7.0001
expect_rc 1 "7.0001 h is 25,200.36 s, not a whole number of seconds"
expect_err "in whole seconds"
expect_unchanged_since before
finish
