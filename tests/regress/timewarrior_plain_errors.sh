# Regression (issue 17.10): a malformed timewarrior export was reported with the JSON library's
# own words ("syntax error while parsing array - unexpected '{'; expected ']'"). The error now
# says where (line:column) and what is wrong in plain words, and nothing is imported.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
snapshot before
try() { # FILE_CONTENT EXPECTED_POSITION EXPECTED_WORDS
  printf "$1" >"$T/export.json"
  run time import "$T/export.json" --from timewarrior --project acme/site
  expect_rc 1 "$3"
  expect_err "export.json:$2: this is not the JSON \`timew export\` writes: $3"
  check "no library internals: $3" test "${ERR#*parsing}" = "$ERR"
  expect_unchanged_since before
}
try '[\n{"start":"20261103T080000Z","end":"20261103T090000Z"}\n{"start":"x"}\n]' 3:1 \
  "'{' comes where a comma or a closing bracket was expected (is a comma missing?)"
try '[\n{"start":"20261103T080000Z","end":"20261103T090000Z"' 2:53 "the file ends too early"
try '[{"start":"20261103T080000Z","end":"20261103T090000Z","tags":["a\\q"]}]' 1:66 \
  "a backslash in a string is followed by a character JSON does not allow"
try '[{"start":"20261103T080000Z","end":"20261103T090000Z","tags":["a\tb"]}]' 1:65 \
  "a string holds a raw control character"
finish
