# Regression (issue 18.13): dates far outside any business (0026, 20260, 1066) were accepted.
# indie keeps dates from 1900 to 2200: others are refused, naming the date, and nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name ACME
run project add acme/web --rate 80/h
snapshot before
for d in 0026-11-20 1066-10-14 1899-12-31 2201-01-01 9999-12-31; do
  run time add acme/web "$d" 09:00-10:00
  expect_rc 1 "time add on $d"
  expect_err "indie keeps dates from 1900 to 2200"
done
run rate set USD EUR 0.9 --date 0001-01-01
expect_rc 1 "a rate dated 0001-01-01"
run account add Cash --currency EUR --opening 10 --on 3000-01-01
expect_rc 1 "an opening balance dated 3000-01-01"
expect_unchanged_since before
run time add acme/web 1900-01-01 09:00-10:00
expect_rc 0 "the first year indie keeps"
run time add acme/web 2200-12-31 09:00-10:00 --force
expect_rc 0 "the last"
finish
