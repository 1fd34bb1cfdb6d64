# Regression (issue 18.12): `time add` with both a range and --duration put the range into the
# note. The conflict is refused and nothing is added.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name ACME
run project add acme/web --rate 80/h
snapshot before
run time add acme/web 2026-11-20 09:00-12:30 --duration 2h "review"
expect_rc 2 "refused as a usage error"
expect_err "give either the range 09:00-12:30 or --duration 2h, not both"
expect_unchanged_since before
run time add acme/web 2026-11-20 --duration 2h "review 09:00 meeting"
expect_rc 0 "a note that only mentions a time is fine"
finish
