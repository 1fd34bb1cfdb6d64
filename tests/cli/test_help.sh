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

# Every group and every verb has --help with an example. The list comes from the command tree
# itself (indie's overview, then each group's help), so a new command cannot be left out.
groups=$("$INDIE" | awk '/^Commands:/{on=1;next} on&&/^  [a-z]/{print $1}' | grep -vx help)
check "the overview lists at least 14 groups" test "$(wc -w <<<"$groups")" -ge 14
verbs=0
subcommands() { awk '/^Subcommands:/{on=1;next} on&&/^  [a-z]/{print $1} on&&/^$/{on=0}'; }
for group in $groups; do
  run "$group" --help
  expect_rc 0 "$group --help"
  expect_out "Example"
  for verb in $(printf '%s\n' "$OUT" | subcommands); do
    run "$group" "$verb" --help
    expect_rc 0 "$group $verb --help"
    if [[ "$OUT" == *Example* ]]; then pass; else fail "$group $verb --help has an example"; fi
    verbs=$((verbs + 1))
    for sub in $(printf '%s\n' "$OUT" | subcommands); do
      run "$group" "$verb" "$sub" --help
      expect_rc 0 "$group $verb $sub --help"
      verbs=$((verbs + 1))
    done
  done
done
check "at least 80 commands have help ($verbs)" test "$verbs" -ge 80
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
