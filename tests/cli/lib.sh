# Shared helpers for end-to-end tests: each test runs the real indie binary ($INDIE) in a
# throw-away home, with a fixed clock and time zone, and checks stdout, stderr and exit codes.
set -u
: "${INDIE:?set INDIE to the indie binary (ctest does)}"

T=$(mktemp -d "${TMPDIR:-/tmp}/indie-e2e-XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export INDIE_NOW=2026-11-21T10:00:00Z TZ=Europe/Paris NO_COLOR=1 LC_ALL=C.UTF-8
unset INDIE_DB INDIE_CONFIG
mkdir -p "$HOME"
DB="$XDG_DATA_HOME/indie/indie.db"
CONFIG="$XDG_CONFIG_HOME/indie/config.toml"
PASSED=0
FAILED=0
SKIPPED_PART=""

# run ARGS…: runs indie; sets RC, OUT and ERR.
run() {
  "$INDIE" "$@" >"$T/out" 2>"$T/err" </dev/null
  RC=$?
  OUT=$(cat "$T/out")
  ERR=$(cat "$T/err")
}
# run_in INPUT ARGS…: the same with INPUT on standard input.
run_in() {
  local input=$1
  shift
  printf '%s' "$input" | "$INDIE" "$@" >"$T/out" 2>"$T/err"
  RC=$?
  OUT=$(cat "$T/out")
  ERR=$(cat "$T/err")
}

pass() { PASSED=$((PASSED + 1)); }
fail() {
  FAILED=$((FAILED + 1))
  printf 'FAIL: %s\n  command rc=%s\n  stdout: %s\n  stderr: %s\n' "$1" "${RC:-}" "${OUT:-}" "${ERR:-}" >&2
}
check() { # check DESCRIPTION CONDITION…
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}
expect_rc() { if [ "$RC" = "$1" ]; then pass; else fail "${2:-exit code} (expected $1)"; fi; }
expect_out() { if [[ "$OUT" == *"$1"* ]]; then pass; else fail "stdout should contain: $1"; fi; }
expect_err() { if [[ "$ERR" == *"$1"* ]]; then pass; else fail "stderr should contain: $1"; fi; }
expect_out_not() { if [[ "$OUT" != *"$1"* ]]; then pass; else fail "stdout should not contain: $1"; fi; }
expect_out_is() { if [ "$OUT" = "$1" ]; then pass; else fail "stdout should be exactly: $1"; fi; }

# The whole state: every row of the database and the config file, byte for byte.
snapshot() {
  { [ -f "$DB" ] && sqlite3 "$DB" .dump; [ -f "$CONFIG" ] && cat "$CONFIG"; } >"$T/snapshot.$1" 2>&1
}
expect_unchanged_since() {
  snapshot now
  if cmp -s "$T/snapshot.$1" "$T/snapshot.now"; then pass; else
    fail "data changed but should not have"
    diff "$T/snapshot.$1" "$T/snapshot.now" >&2
  fi
}

# A freshly set-up French micro-entrepreneur.
setup_business() {
  run init --name "Camille Martin" --legal-form EI --address "12 rue des Lilas, 32000 Auch" --country FR \
    --siren 732829320 --vat-regime franchise
  [ "$RC" = 0 ] || { fail "init for setup"; finish; }
}

# skip_part WHY: a part of the test (an external validator) does not run; the test then ends as
# skipped (exit 77, SKIP_RETURN_CODE in tests/CMakeLists.txt), never as passed.
skip_part() { SKIPPED_PART=$1; }

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ] || exit 1
  if [ -n "$SKIPPED_PART" ]; then
    echo "skipped: $SKIPPED_PART"
    exit 77
  fi
  exit 0
}
