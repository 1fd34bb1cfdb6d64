# indie config show|get|set|path: comments survive a set; bad values and bad files are refused.
. "$(dirname "$0")/lib.sh"

run config path
expect_rc 0; expect_out_is "$CONFIG"
run config show
expect_rc 0; expect_out "business.currency"; expect_err "these are the defaults"
check "show does not create the file" test ! -e "$CONFIG"

setup_business
# A user's own comment and layout must survive `config set`.
sed -i 's/^name = .*/name = "Camille Martin" # as on my Kbis/' "$CONFIG"
printf '\n# my own note at the end\n' >>"$CONFIG"
run config set business.vat_regime standard
expect_rc 0; expect_out "business.vat_regime = standard"
check "inline comment kept" grep -q '^name = "Camille Martin" # as on my Kbis$' "$CONFIG"
check "trailing comment kept" grep -q '^# my own note at the end$' "$CONFIG"
check "value changed in place" grep -q '^vat_regime = "standard"$' "$CONFIG"
check "the file has exactly one vat_regime" test "$(grep -c '^vat_regime' "$CONFIG")" = 1
run config get business.vat_regime
expect_out_is "standard"
run config set business.currency usd
expect_out "business.currency = USD"
run config set invoice.payment_terms 45
run config show --format json
expect_rc 0
check "json: terms is a number" test "$(printf '%s' "$OUT" | jq '.[] | select(.key=="invoice.payment_terms") | .value')" = 45
run config show --format csv
expect_out "key,value,description"
run config set bank.iban ""
expect_rc 0

# Bad keys and values: clear error, file unchanged.
snapshot before
run config set business.currancy EUR
expect_rc 1; expect_err "unknown config key 'business.currancy'"; expect_err "Did you mean 'business.currency'"
run config get business.nme
expect_rc 1; expect_err "Did you mean 'business.name'"
run config set business.currency EURO
expect_rc 1; expect_err "unknown currency 'EURO'"
run config set business.siren 123456789
expect_rc 1; expect_err "check digit"
run config set invoice.payment_terms soon
expect_rc 1; expect_err "number of days"
run config set business.siret 55210055400013
expect_rc 1; expect_err "does not start with business.siren"
expect_unchanged_since before

# A TOML syntax error is reported as file:line:column, and nothing else runs.
printf '[business\nname = "x"\n' >"$CONFIG"
run config show
expect_rc 1; expect_err "$CONFIG:1:"
run client add acme
expect_rc 1; expect_err "$CONFIG:1:"
run config set business.name Y
expect_rc 1; expect_err "$CONFIG:1:"
check "broken file left for the user to fix" grep -q '^\[business$' "$CONFIG"
printf '[business]\nname = "x"\ncurrency = "EURO"\n' >"$CONFIG"
run config show
expect_rc 1; expect_err "$CONFIG:3:12: unknown currency 'EURO'"
finish
