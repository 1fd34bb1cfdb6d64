#!/usr/bin/env bash
# Invoice benchmarks (issue 4): `indie invoice new` from 10,000 unbilled entries (target
# < 200 ms) and `indie invoice list` with 10,000 invoices (target < 50 ms).
# usage: bench/invoice.sh [path/to/indie]   (needs hyperfine, sqlite3 and python3)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2026-11-21T10:00:00Z

"$INDIE" -q init --name "Camille Martin" --address "12 rue des Lilas, 32000 Auch" --siren 732829320 --vat-regime franchise
"$INDIE" -q client add acme --name "ACME SAS" --address "1 rue de la Paix, Paris" --country FR --siren 552100554
for p in web api audit ops; do "$INDIE" -q project add "acme/$p" --name "Project $p" --rate 80/h; done
# 10,000 entries of 1 h 30, four projects, spread over 2,500 working slots before today.
python3 - "$W/time.csv" <<'PY'
import sys, datetime
out = open(sys.argv[1], "w")
out.write("project,start,end,note,tags\n")
t = datetime.datetime(2024, 1, 1, 8, 0)
for i in range(10000):
    s = t + datetime.timedelta(hours=2 * (i % 4), days=i // 4)
    e = s + datetime.timedelta(minutes=90)
    out.write(f"acme/{['web','api','audit','ops'][i % 4]},{s:%Y-%m-%dT%H:%M:%S}Z,{e:%Y-%m-%dT%H:%M:%S}Z,task {i},\n")
PY
"$INDIE" -q time import "$W/time.csv" --from indie
cp "$INDIE_DB" "$W/base.db"
echo "invoice new, 10,000 unbilled entries, one line per project and per day:"
hyperfine -N --warmup 2 --runs 20 --prepare "cp $W/base.db $INDIE_DB" --export-markdown "$W/new.md" \
  "$INDIE -q invoice new acme" "$INDIE -q invoice new acme --group-by day"

# 10,000 issued invoices with a line and a payment each, written straight into the database.
cp "$W/base.db" "$INDIE_DB"
sqlite3 "$INDIE_DB" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO invoice (kind, client_id, currency, language, state, number, series, seq, issue_date, due_date,
                     vat_category, net_minor, vat_minor, gross_minor, seller, buyer, mentions, created_at)
SELECT 'invoice', 1, 'EUR', 'fr', 'issued', printf('F%d-%05d', 2016 + i / 1000, i), 'invoice', i,
       date('2016-01-01', '+' || (i * 3650 / 10000) || ' days'),
       date('2016-01-31', '+' || (i * 3650 / 10000) || ' days'),
       'E', 100000 + i, 0, 100000 + i, '{}', '{}', '[]', '2016-01-01T00:00:00Z' FROM n;
INSERT INTO payment (invoice_id, date, amount_minor, method, received_minor, received_currency, created_at)
SELECT id, issue_date, gross_minor / 2, 'transfer', gross_minor / 2, 'EUR', created_at FROM invoice WHERE id % 3 = 0;
COMMIT;
SQL
echo "invoice list, 10,000 invoices:"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/list.md" \
  "$INDIE invoice list" "$INDIE invoice list --format csv" "$INDIE invoice list --overdue --format csv" \
  "$INDIE report receivables"
cat "$W/new.md" "$W/list.md"
