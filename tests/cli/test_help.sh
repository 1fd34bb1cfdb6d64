# --version, help, --help on every level, did-you-mean: none of them creates a database.
. "$(dirname "$0")/lib.sh"

run --version
expect_rc 0; expect_out "indie 0.1.0"
run
expect_rc 0; expect_out "Commands:"; expect_out "client"
run help
expect_rc 0; expect_out "Commands:"
run help client add
expect_rc 0; expect_out "--vat-treatment"; expect_out "Examples:"
run help clinet
expect_rc 2; expect_err "Did you mean 'client'"

# Every group and every verb has --help with an example.
for group in init config client project demo; do
  run "$group" --help
  expect_rc 0 "$group --help"
  expect_out "Example"
done
for verb in add list show edit archive rm import; do
  run client "$verb" --help
  expect_rc 0 "client $verb --help"
done
for verb in add list show edit archive; do
  run project "$verb" --help
  expect_rc 0 "project $verb --help"
done
run client add --help
expect_out "indie client add acme"

# Mistyped commands get a suggestion and exit code 2 (usage).
run clinet list
expect_rc 2; expect_err "'clinet' is not a command of indie. Did you mean 'client'?"
run client lst
expect_rc 2; expect_err "Did you mean 'list'"
run client add
expect_rc 2; expect_err "handle is required"
run --format xml client list
expect_rc 2; expect_err "xml"

# A group without a verb shows its help.
run client
expect_rc 0; expect_out "add"

check "no database was created by help, version or errors" test ! -e "$DB"
check "no config was created either" test ! -e "$CONFIG"
check "no data directory was created" test ! -e "$XDG_DATA_HOME/indie"
finish
