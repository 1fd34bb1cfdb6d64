# Regression (issue 18.12): a one-value flag given twice was resolved silently: `client add
# --name A --name B` kept B, with no word. Repeated one-value flags are refused (exit 2), in
# plain words, and nothing is stored. Flags meant to repeat (--address, --tag) still do.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
snapshot before
run client add acme --name "ACME" --name "Globex" --country FR
expect_rc 2 "--name twice is refused"
expect_err "--name is given 2 times; give it once. See: indie client add --help"
expect_unchanged_since before
run project add acme/web --rate 80/h --rate 90/h
expect_rc 2 "--rate twice"
expect_err "--rate is given 2 times; give it once"
run time list --from 2026-11-01 --from 2026-11-10
expect_rc 2 "--from twice"
expect_unchanged_since before
run client add acme --name "ACME" --country FR --address "1 rue de la Paix" --address "75002 Paris"
expect_rc 0 "--address repeats, one line each"
run client show acme --format json
check "two address lines" test "$(jq -r .address <<<"$OUT")" = "$(printf '1 rue de la Paix\n75002 Paris')"
finish
