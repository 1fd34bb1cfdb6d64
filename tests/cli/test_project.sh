# indie project add|list|show|edit|archive|rm, rates and currencies.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name ACME --country FR
run client add initech --name Initech --country US --currency USD
run client add tokyo --name "Tokyo KK" --country JP --currency JPY

run project add acme/website --name "Refonte du site" --rate 80/h
expect_rc 0; expect_out "Added project acme/website (id 1) at 80.00/h EUR"
run project add acme/support --rate 600/d
expect_rc 0; expect_out "600.00/d"
run project add initech/api --rate 95.5/h
expect_rc 0; expect_out "95.50/h USD"
run project add tokyo/app --rate 12000/h
expect_rc 0; expect_out "12000/h JPY"
run project add acme/internal --non-billable
expect_rc 0; expect_out "no rate yet, not billable"
run project add acme/eur-in-usd --rate 70/h --currency usd
expect_rc 0; expect_out "USD"

run project list --format json
expect_rc 0
check "rate is an exact decimal string" test "$(printf '%s' "$OUT" | jq -r '.[] | select(.project=="initech/api") | .rate')" = 95.50
check "billable is a boolean" test "$(printf '%s' "$OUT" | jq '.[] | select(.project=="acme/internal") | .billable')" = false
check "no rate is null" test "$(printf '%s' "$OUT" | jq '.[] | select(.project=="acme/internal") | .rate')" = null
run project list --client acme --format csv
expect_rc 0
check "only acme's projects" test "$(printf '%s\n' "$OUT" | tail -n +2 | grep -vc '^[0-9]*,acme/')" = 0
run project show acme/website
expect_rc 0; expect_out "Refonte du site"

run project edit acme/website --rate 90/h
expect_rc 0
run project show acme/website --format json
check "rate edited" test "$(printf '%s' "$OUT" | jq -r .rate)" = 90.00
run project edit acme/website --billable false
run project show acme/website --format json
check "billable edited" test "$(printf '%s' "$OUT" | jq .billable)" = false
run project edit acme/website --billable maybe
expect_rc 1; expect_err "true or false"

run project archive acme/support
expect_rc 0
run project list --format json
check "archived project hidden" test "$(printf '%s' "$OUT" | jq 'map(.project) | index("acme/support")')" = null
run project list --all --format json
check "--all shows it" test "$(printf '%s' "$OUT" | jq 'map(.project) | index("acme/support") != null')" = true
run project rm acme/internal
expect_rc 0

# Bad input: clear error, nothing changed.
snapshot before
run project add acme/x --rate -80/h
expect_rc 1; expect_err "--rate: rate '-80/h' is negative"
run project add acme/x --rate 80.555/h
expect_rc 1; expect_err "3 decimals but EUR allows 2"
run project add tokyo/y --rate 80.5/h
expect_rc 1; expect_err "1 decimal but JPY allows none; write a whole number"
run project add acme/x --rate 80
expect_rc 1; expect_err "needs a unit"
run project add acme/x --rate 80/h --currency EURO
expect_rc 1; expect_err "unknown currency 'EURO'"
run project add acme/website
expect_rc 1; expect_err "project 'acme/website' already exists"
run project add acne/x
expect_rc 1; expect_err "no client 'acne'. Did you mean 'acme'?"
run project add website
expect_rc 1; expect_err "CLIENT/PROJECT"
run project show acme/webiste
expect_rc 1; expect_err "Did you mean 'acme/website'?"
run project edit initech/api --currency JPY
expect_rc 1; expect_err "more decimals than JPY allows"
expect_unchanged_since before

# An archived client takes no new project.
run client archive tokyo
run project add tokyo/new
expect_rc 1; expect_err "indie client unarchive tokyo"
finish
