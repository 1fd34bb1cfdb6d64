# The repository stands alone (issue 20): a clone with nothing beside it builds and passes every
# test, so no tracked file may read a path outside it. CI has the team's shared folder beside
# the clone, so without this check a new reference there would pass CI and fail for every
# newcomer. (The pattern is spelt share[d] so that this file does not match itself.)
. "$(dirname "$0")/lib.sh"
cd "$INDIE_SOURCE" || exit 1

# Every file in the repository (tracked or not yet committed) but git's own and the build trees.
refs=$(grep -rnI --exclude-dir=.git --exclude-dir='build*' -e '\.\./share[d]' . 2>/dev/null)
RC=0 OUT=$refs ERR=
check "no file refers to the shared folder beside the clone (copy what a test needs into tests/data)" test -z "$refs"

# The data the tests read is in the repository, with its source named.
for f in tests/data/eurofxref-hist.csv tests/data/eurofxref.csv tests/data/README.md; do
  check "$f is in the repository" test -s "$f"
done
check "tests/data/README.md names each file's source and licence" \
  grep -q 'eurofxref-hist.csv.*ECB.*reused' tests/data/README.md

# The same grep finds a planted reference, so the check above can fail.
mkdir -p "$T/tree" && printf 'DATA=../%s/data\n' "share""d" >"$T/tree/x.sh"
check "the grep finds a planted reference" grep -rqI -e '\.\./share[d]' "$T/tree"
finish
