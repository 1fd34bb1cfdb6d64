# Regression (issue 18.13): a time in the hour the clocks skip (02:30 on the last Sunday of March
# in Paris) was moved an hour later, so 02:30-03:30 became "an entry of 0 minutes". It is now
# refused saying why; a range across the change counts its real length.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name ACME
run project add acme/web --rate 80/h
snapshot before
run time add acme/web 2026-03-29 02:30-03:30
expect_rc 1 "a start in the skipped hour"
expect_err "2026-03-29 02:30 does not exist in your time zone: the clocks go forward then"
run time add acme/web 2026-03-29 01:00-02:15
expect_rc 1 "an end in the skipped hour"
expect_err "2026-03-29 02:15 does not exist"
expect_unchanged_since before
run time add acme/web 2026-03-29 01:30-03:30 "across the change"
expect_rc 0 "a range across the change"
expect_out "(1:00)"
finish
