# indie client add|list|show|edit|archive|unarchive|rm.
. "$(dirname "$0")/lib.sh"
setup_business

run client add acme --name "ACME" --legal-name "ACME SAS" --country FR --siren 552100554 \
  --address "3 rue de la Paix" --address "75002 Paris" --email compta@acme.fr
expect_rc 0; expect_out "Added client acme"; expect_out "VAT treatment: domestic"
run client add globex --name "Globex GmbH" --country de --vat-number "DE 129273398"
expect_rc 0; expect_out "eu-business"
run client add initech --name "Initech" --country US --currency usd --terms 45
expect_rc 0; expect_out "billed in USD"; expect_out "non-eu-business"
run client add jeanne --name "Jeanne Dupont" --vat-treatment consumer
expect_rc 0

run client show acme --format json
expect_rc 0
check "address lines kept" test "$(printf '%s' "$OUT" | jq -r .address)" = $'3 rue de la Paix\n75002 Paris'
check "currency defaults to the base currency" test "$(printf '%s' "$OUT" | jq -r .currency)" = EUR
check "terms default from config" test "$(printf '%s' "$OUT" | jq .payment_terms)" = 30
check "created_at is ISO 8601 UTC from the clock" test "$(printf '%s' "$OUT" | jq -r .created_at)" = 2026-11-21T10:00:00Z
check "archived_at is null" test "$(printf '%s' "$OUT" | jq .archived_at)" = null
run client show globex --format json
check "VAT number normalized" test "$(printf '%s' "$OUT" | jq -r .vat_number)" = DE129273398
check "foreign client documents in English" test "$(printf '%s' "$OUT" | jq -r .language)" = en
run client show 3
expect_rc 0; expect_out "initech"
run client show ACME
expect_rc 0; expect_out "ACME SAS"

run client list
expect_rc 0; expect_out "handle"; expect_out "globex"; expect_out "Jeanne Dupont"

# edit: same flags, in place, and an empty value clears.
run client edit acme --email "" --terms 45 --notes "prefers PDF"
expect_rc 0; expect_out "Updated client acme"
run client show acme --format json
check "email cleared" test "$(printf '%s' "$OUT" | jq -r .email)" = ""
check "terms changed" test "$(printf '%s' "$OUT" | jq .payment_terms)" = 45
run client edit acme --handle acme-sas
expect_rc 0; expect_out "was acme"
run client edit acme-sas --handle acme
run client edit acme
expect_rc 2; expect_err "nothing to change"
# Moving a client abroad updates the VAT treatment unless it is given.
run client edit jeanne --country BE
expect_rc 0
run client show jeanne --format json
check "consumer stays consumer" test "$(printf '%s' "$OUT" | jq -r .vat_treatment)" = consumer

# archive hides from list, --all shows, unarchive brings back.
run client archive initech
expect_rc 0; expect_out "Archived client initech"
run client list --format json
check "archived hidden" test "$(printf '%s' "$OUT" | jq 'map(.handle) | index("initech")')" = null
run client list --all --format json
check "--all shows archived" test "$(printf '%s' "$OUT" | jq -r '.[] | select(.handle=="initech") | .archived_at')" = 2026-11-21T10:00:00Z
run client unarchive initech
expect_rc 0
run client list --format json
check "unarchived is listed" test "$(printf '%s' "$OUT" | jq 'map(.handle) | index("initech") != null')" = true

# rm: allowed without history, refused with it (suggesting archive).
run client rm jeanne
expect_rc 0; expect_out "Removed client jeanne"
run project add acme/website --rate 80/h
snapshot before
run client rm acme
expect_rc 1; expect_err "has history (1 project)"; expect_err "indie client archive acme"
expect_unchanged_since before

# Bad input named in the issue: clear error, nothing changed.
run client add acme --name "Another"
expect_rc 1; expect_err "a client with handle 'acme' already exists"
run client add ACME
expect_rc 1; expect_err "already exists"
run client add newco --currency EURO
expect_rc 1; expect_err "--currency: unknown currency 'EURO'"; expect_err "did you mean EUR"
run client add newco --country UK
expect_rc 1; expect_err "The United Kingdom is GB"
run client add newco --siren 552100555
expect_rc 1; expect_err "--siren"; expect_err "check digit"
run client add newco --country US --vat-treatment eu-business
expect_rc 1; expect_err "use --vat-treatment non-eu-business"
run client add newco --terms 400
expect_rc 1; expect_err "0 to 365"
run client add "bad handle"
expect_rc 1; expect_err "client handle 'bad handle'"
run client add newco --email not-an-email
expect_rc 1; expect_err "not an e-mail address"
run client show acne
expect_rc 1; expect_err "no client 'acne'. Did you mean 'acme'?"
run client edit globx --terms 10
expect_rc 1; expect_err "Did you mean 'globex'?"
run client archive nobody
expect_rc 1; expect_err "no client 'nobody'"
expect_unchanged_since before
finish
