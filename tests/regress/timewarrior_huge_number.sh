# Regression (issue 18.4): a timewarrior export holding a number above ~1e308 gave "internal
# error: … number overflow". It is an import error naming the line, column and number.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name ACME
run project add acme/web --rate 80/h
snapshot before
printf '[{"id":1,"start":"20261101T090000Z","end":"20261101T100000Z","tags":["acme/web"],"x":1e400}]' >"$T/big.json"
run time import "$T/big.json" --from timewarrior
expect_rc 1 "refused"
expect_err "big.json:1:86: the number 1e400 is too large"
check "no internal error" test "${ERR#*internal error}" = "$ERR"
expect_unchanged_since before
printf '[{"id":1,"start":"20261101T090000Z",\n "end": tru}]' >"$T/bad.json"
run time import "$T/bad.json" --from timewarrior
expect_err "bad.json:2:"
expect_err "a word JSON does not know (text must be in double quotes"
check "no JSON library internals in the message" test "${ERR#*json.exception}" = "$ERR"
finish
