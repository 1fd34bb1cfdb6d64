#!/usr/bin/env bash
# indie against ledger-cli (Debian package `ledger`) on the same 100,000 transactions in six
# currencies with the ECB's daily rates as prices: `ledger bal -X EUR` against
# `indie account balance --in EUR`.
# usage: bench/ledger.sh [path/to/indie] [path/to/eurofxref-hist.csv]   (needs hyperfine, sqlite3, ledger)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
HERE=$(cd "$(dirname "$0")" && pwd)
ECB=$(realpath "${2:-$HERE/../tests/data/eurofxref-hist.csv}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2024-10-20T10:00:00Z

"$INDIE" -q init --name Bench
"$INDIE" -q rate import "$ECB"
for c in EUR USD GBP CHF JPY PLN; do "$INDIE" -q account add "$c" --currency "$c"; done
sqlite3 "$INDIE_DB" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO account_tx (account_id, date, amount_minor, payee, category, origin, created_at)
SELECT 1 + i % 6, date('2014-10-12', '+' || (i * 3652 / 100000) || ' days'),
       CASE WHEN i % 5 = 0 THEN 250000 + i % 9973 ELSE -(1000 + i % 4999) END,
       'payee ' || (i % 500), 'cat' || (i % 20), 'manual', 'x' FROM n;
COMMIT;
SQL
# The same data as a ledger journal, written from indie's own exports: every register, and
# every ECB rate as a price (P DATE EUR RATE USD).
{
  for c in EUR USD GBP CHF JPY PLN; do
    "$INDIE" account register "$c" --format tsv | tail -n +2 |
      awk -F'\t' -v c="$c" '{ printf "%s %s\n    Assets:%s  %s %s\n    Expenses:%s\n\n", $2, $6, c, $3, c, ($7 == "" ? "misc" : $7) }'
  done
  "$INDIE" rate list --from 1999-01-01 --format tsv | tail -n +2 | awk -F'\t' '{ printf "P %s %s %s %s\n", $1, $2, $4, $3 }'
} >"$W/journal.ledger"
echo "journal: $(grep -c '^    Assets' "$W/journal.ledger") transactions, $(grep -c '^P ' "$W/journal.ledger") prices"
echo "ledger's total:"; ledger -f "$W/journal.ledger" bal -X EUR Assets | tail -1
echo "indie's total:"; "$INDIE" account balance --in EUR | tail -1
hyperfine -N --warmup 2 --runs 10 --export-markdown "$W/ledger.md" \
  "ledger -f $W/journal.ledger bal -X EUR Assets" "$INDIE account balance --in EUR"
cat "$W/ledger.md"
