# Regression (issue 35, left from the last pass): flags that say opposite things were resolved
# silently by their order: `project add --billable true --non-billable`, `time edit 6 --tag a
# --no-tags`. They are refused as a usage error, naming both; nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS"
run project add acme/web --rate 60/h
run time add acme/web 2026-11-20 09:00-10:00 "work" --tag x
expect_rc 0 "set-up"
snapshot before
run project add acme/other --billable true --non-billable
expect_rc 2 "project add with both"
expect_err "--billable and --non-billable say opposite things; give one of them. See: indie project add --help"
expect_unchanged_since before
run project edit acme/web --non-billable --billable true
expect_rc 2 "project edit with both"
expect_err "say opposite things"
expect_unchanged_since before
run time edit 1 --tag a --no-tags
expect_rc 2 "time edit with both"
expect_err "--tag and --no-tags say opposite things; give one of them"
expect_unchanged_since before
# Each alone still works.
run project edit acme/web --non-billable
expect_rc 0
run time edit 1 --no-tags
expect_rc 0
finish
