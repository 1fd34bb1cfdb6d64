#!/usr/bin/env bash
# Account and rate benchmarks (issue 6): 1,000,000 transactions over ten years in six
# currencies, with the ECB's daily rates since 1999.
#   - indie rate import eurofxref-hist.csv            (target < 1 s)
#   - indie account balance --in EUR                  (target < 100 ms)
#   - indie account register NAME for one month       (target < 20 ms)
# usage: bench/account.sh [path/to/indie] [path/to/eurofxref-hist.csv]
#        (needs hyperfine and sqlite3; the ECB file defaults to ../shared/data/)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
HERE=$(cd "$(dirname "$0")" && pwd)
ECB=$(realpath "${2:-$HERE/../../shared/data/eurofxref-hist.csv}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2024-10-20T10:00:00Z

"$INDIE" -q init --name Bench
cp "$INDIE_DB" "$W/empty.db"
echo "rate import of the ECB history ($(wc -l <"$ECB") lines):"
hyperfine -N --warmup 1 --runs 10 --prepare "cp $W/empty.db $INDIE_DB" --export-markdown "$W/rates.md" \
  "$INDIE -q rate import $ECB"
"$INDIE" -q rate import "$ECB"

i=0
for c in EUR USD GBP CHF JPY PLN; do
  i=$((i + 1))
  "$INDIE" -q account add "Account $c" --currency "$c" --opening 1000 --on 2014-10-01
done
# 1,000,000 transactions, ten years back from 2024-10-11, spread over the six accounts, written
# with SQL (the monthly-total triggers run as they do for indie's own inserts).
echo "writing 1,000,000 transactions:"
/usr/bin/time -f "  %e s" sqlite3 "$INDIE_DB" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO account_tx (account_id, date, amount_minor, payee, category, note, origin, created_at)
SELECT 1 + i % 6, date('2014-10-12', '+' || (i * 3652 / 1000000) || ' days'),
       CASE WHEN i % 5 = 0 THEN 250000 + i % 9973 ELSE -(1000 + i % 4999) END,
       'payee ' || (i % 500), 'cat ' || (i % 20), '', 'manual', '2024-10-12T00:00:00Z' FROM n;
COMMIT;
SQL
echo "database size: $(du -k "$INDIE_DB" | cut -f1) KiB"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/accounts.md" \
  "$INDIE account balance --in EUR" \
  "$INDIE account balance --in EUR --as-of 2019-06-15" \
  "$INDIE account register 'Account USD' --from 2024-09-01 --to 2024-09-30" \
  "$INDIE account list"
cat "$W/rates.md" "$W/accounts.md"
