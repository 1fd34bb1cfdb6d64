# Regression (issue 35.10): importers read the whole input before checking its size, so
# /dev/zero or a 5 GB sparse file ended in "internal error: std::bad_alloc". Every file is read
# through one reader that stops at its limit (256 MiB) with a clear error naming it; a regular
# file above it is refused before a byte is read. Nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS"
run project add acme/web --rate 60/h
run account add Qonto --currency EUR
snapshot before
truncate -s 5G "$T/huge.csv"

run time import "$T/huge.csv" --from indie
expect_rc 1 "a 5 GB time export is refused"
expect_err "is larger than indie reads (256 MiB)"
expect_unchanged_since before

run account import Qonto "$T/huge.csv" --rules qonto
expect_rc 1 "a 5 GB statement is refused"
expect_err "is larger than indie reads (256 MiB)"
expect_unchanged_since before

run rate import "$T/huge.csv"
expect_rc 1 "a 5 GB rates file is refused"
expect_err "is larger than indie reads (256 MiB)"

run client import "$T/huge.csv"
expect_rc 1 "a 5 GB client list is refused"
expect_err "is larger than indie reads (256 MiB)"
expect_unchanged_since before

# An endless input: read up to the limit, then refused (no bad_alloc, no hang).
run time import /dev/zero --from indie
expect_rc 1 "/dev/zero is refused"
expect_err "/dev/zero is larger than indie reads (256 MiB)"
expect_unchanged_since before
head -c 300000000 /dev/zero | "$INDIE" time import - --from indie >"$T/out" 2>"$T/err"
RC=$? OUT=$(cat "$T/out") ERR=$(cat "$T/err")
expect_rc 1 "300 MB on standard input are refused"
expect_err "standard input is larger than indie reads (256 MiB)"
expect_unchanged_since before
finish
