# Regression (issue 33.1): a word in the place of free text was read as a command. `indie time
# add acme/web 2026-11-19 --duration 1h "report"` saved the entry without its note and ran `time
# report` (exit 0); `time start acme/web "edit"` answered "id is required". Every command name
# of every group, given as a note, a description, a payee, a reason or a name, stays that text.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 60/h
run account add Qonto --currency EUR
run invoice new acme --empty --service-date 2026-11-02
expect_rc 0 "set-up"

# Every command name indie has, read from the help of each group (and of invoice line).
words=()
for group in init config client project time invoice "invoice line" account bill rate report \
  template verify doctor demo help; do
  # shellcheck disable=SC2086
  "$INDIE" $group --help 2>/dev/null | awk '/^Subcommands:/{on=1;next} on&&/^  [a-z]/{print $1} on&&/^$/{on=0}'
done >"$T/words"
mapfile -t words < <(sort -u "$T/words"; printf '%s\n' init config client project time invoice account bill rate report template verify doctor demo help)
check "the help lists the commands (at least 40 names)" test "${#words[@]}" -ge 40

day=1
for w in "${words[@]}"; do
  date=$(date -d "2026-01-01 +$day days" +%F)
  run time add acme/web "$date" 09:00-09:10 "$w"
  expect_rc 0 "time add with the note '$w'"
  run time list --from "$date" --to "$date" --format json
  check "the note '$w' is kept" jq -e --arg w "$w" 'map(select(.note == $w)) | length == 1' <<<"$OUT"

  run invoice line add 1 "$w" --qty 1 --price 10
  expect_rc 0 "invoice line add with the description '$w'"

  run account tx add Qonto 1 --payee "$w" --note "$w" --date "$date"
  expect_rc 0 "account tx add with the payee and note '$w'"
  day=$((day + 1))
done
run invoice show 1 --format json
check "every description is on the draft" jq -e --argjson n "${#words[@]}" '.lines | length == $n' <<<"$OUT"
run account register Qonto --format json
check "every payee is kept" jq -e --argjson n "${#words[@]}" 'map(select(.payee == .note)) | length == $n' <<<"$OUT"

# The timer, with a note that names a sibling command.
for w in edit report status cancel; do
  run time start acme/web "$w"
  expect_rc 0 "time start with the note '$w'"
  expect_out "\"$w\""
  run time cancel
done

# A reason and a name.
run invoice line add 1 "Audit" --qty 1 --price 100
run invoice issue 1
expect_rc 0 "issue"
run invoice credit F2026-0001 --amount 10 --reason list
expect_rc 0 "a credit note whose reason is 'list'"
run config set business.name report
expect_rc 0 "config set with the value 'report'"
run config get business.name
expect_out_is "report"
finish
