# indie init: flags, defaults, re-runs, XDG locations, permissions.
. "$(dirname "$0")/lib.sh"

run client list
expect_rc 1; expect_err "no indie database"; expect_err "indie init"

run init --name "Camille Martin" --legal-form EI --address "12 rue des Lilas, 32000 Auch" --country FR \
  --siren "732 829 320" --vat-regime franchise --iban "FR76 3000 6000 0112 3456 7890 189" --bic agrifrpp --terms 30 \
  --lang fr
expect_rc 0; expect_out "Database ready at $DB"
check "database created under XDG_DATA_HOME" test -f "$DB"
check "config created under XDG_CONFIG_HOME" test -f "$CONFIG"
check "database is readable by its owner only" test "$(stat -c %a "$DB")" = 600
check "config is readable by its owner only" test "$(stat -c %a "$CONFIG")" = 600
run config get business.siren
expect_out_is "732829320"
run config get bank.iban
expect_out_is "FR7630006000011234567890189"
run config get bank.bic
expect_out_is "AGRIFRPP"
check "the file is commented" grep -q "^# " "$CONFIG"

# Running init again keeps everything; with flags it refuses unless --force.
snapshot before
run init
expect_rc 0; expect_out "Kept the configuration"
expect_unchanged_since before
run init --name "Someone Else"
expect_rc 1; expect_err "already exists"; expect_err "indie config set"
expect_unchanged_since before
run init --force --name "Someone Else" --siren 552100554
expect_rc 0
run config get business.name
expect_out_is "Someone Else"

# Bad flags: nothing is written.
rm -rf "$T/home"; mkdir -p "$HOME"
run init --name X --siren 123456789
expect_rc 1; expect_err "--siren"; expect_err "check digit"
check "no database after a refused init" test ! -e "$DB"
check "no config after a refused init" test ! -e "$CONFIG"
run init --name X --currency EURO
expect_rc 1; expect_err "unknown currency 'EURO'"
run init --name X --legal-form LLC
expect_rc 1; expect_err "EURL, SASU, SARL"
run init --name X --siren 732829320 --siret 55210055400013
expect_rc 1; expect_err "does not start with"
run init --name X --number-pattern "F{YYYY}"
expect_rc 1; expect_err "{SEQ}"
check "still nothing written" test ! -e "$CONFIG"

# --db / INDIE_DB and --config / INDIE_CONFIG choose other places.
run --db "$T/a/business.db" --config "$T/a/indie.toml" init --name "A"
expect_rc 0
check "--db honoured" test -f "$T/a/business.db"
check "--config honoured" test -f "$T/a/indie.toml"
INDIE_DB="$T/b.db" INDIE_CONFIG="$T/b.toml" run init --name "B"
expect_rc 0
check "INDIE_DB honoured" test -f "$T/b.db"
INDIE_DB="$T/b.db" INDIE_CONFIG="$T/b.toml" run config get business.name
expect_out_is "B"
finish
