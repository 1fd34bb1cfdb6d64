# Regression (issue 13): a client with a draft invoice and no project could not be removed, and
# the refusal was the database's "FOREIGN KEY constraint failed" instead of indie's message.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty
expect_rc 0 "an empty draft for a client with no project"
snapshot before
run client rm acme
expect_rc 1 "refused"
expect_err "client acme has history (1 draft invoice) and cannot be removed; archive it instead: indie client archive acme"
check "not the database's message" test "${ERR#*FOREIGN KEY}" = "$ERR"
expect_unchanged_since before

# Without the draft, the client goes.
run invoice rm 1
expect_rc 0 "the draft is deleted"
run client rm acme
expect_rc 0 "then the client can be removed"
expect_out "Removed client acme."
finish
