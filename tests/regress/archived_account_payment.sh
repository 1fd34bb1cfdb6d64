# Regression (issue 28): `indie invoice pay F… --account ARCHIVED` recorded a payment into an
# archived account (exit 0), while `account tx add` refused it: the rule was written in three
# verbs and missing in a fourth. It is one rule now (check_takes_entries), applied by every use
# case that adds an entry to an account: invoice pay, refund, the deposit at issue, bill pay,
# account tx add and account import.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run account add Old --currency EUR
run account add Qonto --currency EUR
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 1 "Audit" --qty 1 --price 1000
run invoice issue 1
expect_rc 0 "set-up"
run invoice pay F2026-0001 --amount 1100 --allow-overpay --account Old
expect_rc 0 "a payment (100.00 too much) into the account while it is open"
run account archive Old
expect_rc 0 "archived"
snapshot before

run invoice pay F2026-0001 --amount 100 --account Old
expect_rc 1 "invoice pay into an archived account is refused"
expect_err 'account "Old" is archived; its history is closed'
expect_unchanged_since before

run invoice refund F2026-0001 --amount 50 --account Old
expect_rc 1 "invoice refund from an archived account is refused"
expect_err 'account "Old" is archived'
expect_unchanged_since before

run account tx add Old 10
expect_rc 1 "account tx add is refused"
expect_err 'account "Old" is archived'
expect_unchanged_since before

printf 'Date,Amount,Payee\n2026-11-03,10.00,Someone\n' >"$T/statement.csv"
cat >"$T/rules.toml" <<'RULES'
[columns]
date = "Date"
amount = "Amount"
payee = "Payee"
RULES
run account import Old "$T/statement.csv" --rules "$T/rules.toml"
expect_rc 1 "account import is refused"
expect_err 'account "Old" is archived'
expect_unchanged_since before

run invoice new acme --empty --service-date 2026-11-02
run invoice line add 2 "Atelier" --qty 1 --price 500
snapshot draft
run invoice issue 2 --deposit 100 --deposit-date 2026-11-15 --deposit-account Old
expect_rc 1 "a deposit into an archived account is refused at issue"
expect_err 'account "Old" is archived'
expect_unchanged_since draft

# The open account still takes the same payment, and a mistaken payment into the old account
# can still be reversed there (its history is corrected, not extended).
run invoice refund F2026-0001 --amount 50 --account Qonto
expect_rc 0 "the same refund from an open account"
run invoice pay --reverse 1
expect_rc 0 "a payment of the closed history can be reversed"
expect_out "in Old"
finish
