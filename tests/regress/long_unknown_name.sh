# Regression (issue 18.11): "did you mean" on a 1 MB unknown name took 16-48 s, and the error
# printed the whole name. Long words get no suggestion and messages are cut.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
# A word of the command line is at most 128 KiB on Linux; the files below go to 1 MB.
long=$(head -c 100000 /dev/zero | tr '\0' 'a')
start=$(date +%s)
run client show "$long"
elapsed=$(($(date +%s) - start))
expect_rc 1 "not found"
check "answered in under 3 s ($elapsed s)" test "$elapsed" -lt 3
check "the message is cut to a readable size (${#ERR} bytes)" test "${#ERR}" -lt 2200
expect_err "(message cut at 2000 bytes)"
# A 1 MB unknown currency in an ECB header.
{ printf 'Date,USD,'; head -c 1000000 /dev/zero | tr '\0' 'X'; printf ',\n2024-10-11,1.0938,1,\n'; } >"$T/ecb.csv"
snapshot before
start=$(date +%s)
run rate import "$T/ecb.csv"
elapsed=$(($(date +%s) - start))
expect_rc 1 "the ECB file is refused"
check "answered in under 3 s ($elapsed s)" test "$elapsed" -lt 3
check "the message is cut (${#ERR} bytes)" test "${#ERR}" -lt 2200
expect_unchanged_since before
# Short typos still get their suggestion.
run client add acme --name ACME
run client show acem
expect_err "Did you mean 'acme'"
finish
