#!/usr/bin/env bash
# Account and rate benchmarks (issue 6): 1,000,000 transactions over ten years in six
# currencies, with the ECB's daily rates since 1999.
#   - indie rate import eurofxref-hist.csv            (target < 1 s)
#   - indie account balance --in EUR                  (target < 100 ms)
#   - indie account register NAME for one month       (target < 20 ms)
#   - indie account import of 100,000 statement rows  (target < 3 s)
#   - indie report fx over the same history           (no target; walks every foreign transaction)
# usage: bench/account.sh [path/to/indie] [path/to/eurofxref-hist.csv]
#        (needs hyperfine, sqlite3 and python3; the ECB file defaults to tests/data/)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
HERE=$(cd "$(dirname "$0")" && pwd)
ECB=$(realpath "${2:-$HERE/../tests/data/eurofxref-hist.csv}")
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
hyperfine -N --warmup 1 --runs 10 --export-markdown "$W/fx.md" \
  "$INDIE report fx --from 2024-01-01 --to 2024-10-11"
# A 100,000-row statement in the French bank layout (the example rules), imported into a new
# account, then imported again (every row recognised and skipped).
python3 - "$W/statement.csv" <<'PY'
import sys, datetime
with open(sys.argv[1], "w", encoding="latin-1", newline="") as out:
    out.write("Relevé\r\nCompte\r\nPériode\r\n\r\nDate;Libellé;Détail;Débit euros;Crédit euros\r\n")
    d0 = datetime.date(2016, 1, 1)
    for i in range(100000):
        d = d0 + datetime.timedelta(days=i * 3650 // 100000)
        cents = 1000 + (i * 7919) % 500000
        amount = f"{cents // 100:,}".replace(",", " ") + f",{cents % 100:02d}"
        debit, credit = (amount, "") if i % 4 else ("", amount)
        out.write(f"{d:%d/%m/%Y};PAYEE {i % 700};Opération n° {i};{debit};{credit}\r\n")
PY
"$INDIE" -q account add Banque --currency EUR
cp "$INDIE_DB" "$W/before-import.db"
RULES="$HERE/../examples/rules/banque-fr.toml"
hyperfine -N --warmup 1 --runs 5 --prepare "cp $W/before-import.db $INDIE_DB" --export-markdown "$W/import.md" \
  "$INDIE -q account import Banque $W/statement.csv --rules $RULES"
"$INDIE" -q account import Banque "$W/statement.csv" --rules "$RULES"
hyperfine -N --warmup 1 --runs 5 --export-markdown "$W/reimport.md" \
  "$INDIE -q account import Banque $W/statement.csv --rules $RULES"
cat "$W/rates.md" "$W/accounts.md" "$W/fx.md" "$W/import.md" "$W/reimport.md"
