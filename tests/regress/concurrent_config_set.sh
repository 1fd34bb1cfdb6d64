# Regression (issue 35.2): two `indie config set` at once lost one change (10 rounds of 10), both
# saying they succeeded. The read, the change and the write now hold a lock beside the file.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
for round in 1 2 3 4 5 6 7 8 9 10; do
  "$INDIE" config set business.email "r$round@example.fr" >/dev/null 2>"$T/e1" &
  a=$!
  "$INDIE" config set business.phone "+33 1 00 00 00 $((10 + round))" >/dev/null 2>"$T/e2" &
  b=$!
  "$INDIE" config set invoice.payment_terms "$((30 + round))" >/dev/null 2>"$T/e3" &
  c=$!
  wait "$a"; ra=$?
  wait "$b"; rb=$?
  wait "$c"; rc=$?
  check "round $round: all three succeed ($ra $rb $rc)" test "$ra$rb$rc" = 000
  run config get business.email
  expect_out_is "r$round@example.fr"
  run config get business.phone
  expect_out_is "+33 1 00 00 00 $((10 + round))"
  run config get invoice.payment_terms
  expect_out_is "$((30 + round))"
done
finish
