# The repository stands alone (issue 20): a clone with nothing beside it builds and passes every
# test, so no tracked file may read a path outside it. CI has ../shared beside the clone, so
# without this check a new reference there would pass CI and fail for every newcomer.
. "$(dirname "$0")/lib.sh"
cd "$INDIE_SOURCE" || exit 1

# Every file in the repository (tracked or not yet committed) except git's own, the build trees
# and this test, which has to name the string it looks for.
refs=$(grep -rnI --exclude-dir=.git --exclude-dir='build*' --exclude=test_standalone.sh \
  -e '\.\./shared' -e '\.\./\.\./shared' . 2>/dev/null)
RC=0 OUT=$refs ERR=
check "no file refers to ../shared (copy what a test needs into tests/data)" test -z "$refs"

# The data the tests read is in the repository, with its source named.
for f in tests/data/eurofxref-hist.csv tests/data/eurofxref.csv tests/data/README.md; do
  check "$f is in the repository" test -s "$f"
done
check "tests/data/README.md names each file's source and licence" \
  grep -q 'eurofxref-hist.csv.*ECB.*reused' tests/data/README.md

# The same grep finds a planted reference, so the check above can fail.
mkdir -p "$T/tree" && printf 'DATA=../shared/data\n' >"$T/tree/x.sh"
check "the grep finds a planted reference" grep -rqI -e '\.\./shared' "$T/tree"
finish
