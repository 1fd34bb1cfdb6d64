# Regression (issue 35, left from the last pass): `config set time.zone Mars/Olympus` was
# accepted and then broke every time command. A zone the system does not know is refused where
# it is set, naming it and how to find one; nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
snapshot before
for zone in Mars/Olympus Europe ../../etc/passwd /etc/passwd "Europe/Paris/x"; do
  run config set time.zone "$zone"
  expect_rc 1 "time.zone $zone is refused"
  expect_err "'$zone'"
  expect_unchanged_since before
done
run config set time.zone America/Santo_Domingo
expect_rc 0 "a real zone is taken"
run time list
expect_rc 0 "and the time commands still work"
run config set time.zone ""
expect_rc 0 "the system's zone again"
finish
