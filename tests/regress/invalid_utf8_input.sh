# Regression (issue 18.3): overlong UTF-8, surrogates and Latin-1 bytes got past the text check;
# JSON output then failed with "internal error" for good. Every word of the command line and
# every CSV file is checked whole; the error names where, and nothing is stored.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
snapshot before
for bad in 'A\xc0\x80B' 'A\xed\xa0\x80B' 'A\xf4\x90\x80\x80B' 'caf\xe9'; do
  run client add bad --name "$(printf "$bad")"
  expect_rc 2 "name $bad refused"
  expect_err "of the command line is not UTF-8"
done
run client add acme --name ACME
run project add acme/web --rate 80/h
snapshot before
printf 'project,start,end,note,tags\nacme/web,2026-11-01T09:00:00Z,2026-11-01T10:00:00Z,caf\xe9,\n' >"$T/latin1.csv"
run time import "$T/latin1.csv" --from indie
expect_rc 1 "a Latin-1 CSV is refused whole"
expect_err "latin1.csv:2:55: byte 0xE9 is not UTF-8"
expect_unchanged_since before
run client list --format json
check "JSON output still parses" jq -e 'length == 1' <<<"$OUT"
finish
