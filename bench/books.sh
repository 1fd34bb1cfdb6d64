#!/usr/bin/env bash
# The books at ten years of scale (issue 15): 1,000,000 time entries, 10,000 invoices of two
# lines (bnc and bic-sales; one in five in USD) with a payment each, 3,650 days of ECB rates and
# 100,000 account transactions of which 1,000 are receipts. Target: each report under 100 ms.
# usage: bench/books.sh [path/to/indie]   (needs hyperfine and sqlite3)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2026-11-21T10:00:00Z

"$INDIE" -q init --name "Camille Martin" --address "12 rue des Lilas, 32000 Auch" --siren 732829320 --vat-regime franchise
"$INDIE" -q config set business.activity mixed
"$INDIE" -q client add acme --name "ACME SAS" --address "1 rue de la Paix, Paris" --country FR --siren 552100554
"$INDIE" -q client add initech --name "Initech" --address "Austin TX" --country US --currency USD
"$INDIE" -q project add acme/web --rate 80/h --activity bnc
"$INDIE" -q account add Qonto --currency EUR
"$INDIE" -q account add Caisse --currency EUR --kind cash
sqlite3 "$INDIE_DB" <<'SQL'
BEGIN;
-- 1,000,000 time entries of 30 minutes, back to back over ten years.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO time_entry (project_id, start_utc, end_utc, zone)
SELECT 1, 1479686400 + i * 315, 1479686400 + i * 315 + 300, 'Europe/Paris' FROM n;
-- The ECB's EUR/USD rate on each of 3,650 days.
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 3652)
INSERT INTO rate (base, quote, date, rate, source)
SELECT 'EUR', 'USD', date('2016-11-21', '+' || i || ' days'), printf('1.%04d', 500 + i % 1000), 'ECB' FROM d;
-- 10,000 invoices, 1,000 a year; one in five to the US client, in USD. Written as drafts with
-- their lines, then issued (the triggers refuse lines added to an issued invoice).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO invoice (kind, client_id, currency, language, state, number, series, seq, issue_date, due_date,
                     vat_category, net_minor, vat_minor, gross_minor, eur_rate, seller, buyer, mentions, created_at)
SELECT 'invoice', CASE WHEN i % 5 = 0 THEN 2 ELSE 1 END, CASE WHEN i % 5 = 0 THEN 'USD' ELSE 'EUR' END,
       'fr', 'draft', NULL, NULL, NULL,
       date('2016-11-21', '+' || (i * 3650 / 10000) || ' days'),
       date('2016-12-21', '+' || (i * 3650 / 10000) || ' days'),
       CASE WHEN i % 5 = 0 THEN 'O' ELSE 'E' END, 150000, 0, 150000,
       CASE WHEN i % 5 = 0 THEN '1.1' END, '{}', '{}', '[]', '2016-01-01T00:00:00Z' FROM n;
INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, net_minor, activity)
SELECT id, 1, 'Développement', '10', 'h', '100', '0', 100000, 'bnc' FROM invoice;
INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, net_minor, activity)
SELECT id, 2, 'Matériel', '1', 'u', '500', '0', 50000, 'bic-sales' FROM invoice;
UPDATE invoice SET state = 'issued', number = printf('F%05d', id), series = 'invoice', seq = id;
INSERT INTO payment (invoice_id, date, amount_minor, method, received_minor, received_currency, created_at)
SELECT id, date(issue_date, '+20 days'), gross_minor, 'transfer', gross_minor, currency, '2016-01-01T00:00:00Z'
  FROM invoice;
-- 100,000 account transactions; one in a hundred is a cash receipt.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO account_tx (account_id, date, amount_minor, payee, origin, created_at, receipt, activity, method)
SELECT CASE WHEN i % 100 = 0 THEN 2 ELSE 1 END, date('2016-11-21', '+' || (i * 3650 / 100000) || ' days'),
       CASE WHEN i % 100 = 0 THEN 4500 ELSE -1000 - i % 5000 END, 'payee ' || (i % 50), 'manual',
       '2016-01-01T00:00:00Z', i % 100 = 0, CASE WHEN i % 100 = 0 THEN 'bic-sales' END,
       CASE WHEN i % 100 = 0 THEN 'cash' END FROM n;
COMMIT;
SQL
sqlite3 "$INDIE_DB" 'PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
echo "database: $(du -k "$INDIE_DB" | cut -f1) KiB"
# The VAT return is for a business that charges VAT: the same data, read with such a config.
sed 's/^vat_regime = .*/vat_regime = "standard"/' "$INDIE_CONFIG" >"$W/standard.toml"
hyperfine -N --warmup 2 --runs 20 --export-markdown "$W/books.md" \
  "$INDIE report receipts --year 2026" \
  "$INDIE report receipts --year 2026 --format csv --group-cash" \
  "$INDIE report urssaf --period 2026-Q3" \
  "$INDIE report thresholds --year 2026" \
  "$INDIE report expenses --year 2026" \
  "$INDIE report year 2026" \
  "$INDIE report des --month 2026-06" \
  "$INDIE --config $W/standard.toml report vat --period 2026-Q2" \
  "$INDIE report receipts --from 2016-01-01 --to 2026-12-31 --format csv"
cat "$W/books.md"
