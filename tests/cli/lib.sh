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

# The business, the client acme and its invoice F2026-0001 (one line, 1,000.00 EUR), issued.
setup_issued_invoice() {
  setup_business
  run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
  run invoice new acme --empty --service-date 2026-11-02
  run invoice line add 1 "Audit" --qty 1 --price 1000
  run invoice issue 1
  [ "$RC" = 0 ] || { fail "issue for setup"; finish; }
}

# A month to reconcile: clients acme (ACME SAS) and globex (Globex SAS), the account Qonto, and
# invoices issued on 2026-12-01: F2026-0001 to acme (1,200.00), F2026-0002 to globex
# (2,400.00), F2026-0003 to acme (1,200.00); then the clock at 2026-12-20. QONTO_HEADER is the
# first line of a Qonto export (the shipped rules `qonto` read it).
QONTO_HEADER="Transaction ID,Settlement date (UTC),Settlement date (local),Emitted date,Value date,Counterparty name,Counterparty IBAN,Reference,Total amount (incl. VAT),VAT amount,VAT rate,Currency,Category,Initiator,Card last digits,Attachment,Note,Status,Payment method"
setup_month_to_reconcile() {
  export INDIE_NOW=2026-12-01T10:00:00Z
  setup_business
  run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
  run client add globex --name "Globex SAS" --address "2 rue Haute, 32000 Auch" --country FR --siren 732829320
  run account add Qonto --currency EUR
  local c d
  for c in acme globex acme; do
    run invoice new "$c" --empty --service-date 2026-11-30 -q
    d=$OUT
    run invoice line add "$d" "Développement" --qty 1 --price "$([ "$c" = acme ] && echo 1200 || echo 2400)"
    run invoice issue "$d"
    [ "$RC" = 0 ] || { fail "issue $d for setup"; finish; }
  done
  export INDIE_NOW=2026-12-20T10:00:00Z
}

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ] || exit 1
  if [ -n "$SKIPPED_PART" ]; then
    echo "skipped: $SKIPPED_PART"
    exit 77
  fi
  exit 0
}
