#!/usr/bin/env bash
# Reconciling a statement (issue 29): a 10,000-row statement imported into an account that has
# 2,500 payments recorded by hand (each shown by a row naming its client) and 5,000 open
# invoices (2,500 paid by rows naming their number, in the forms banks write it); the other
# 5,000 rows are card expenses. Target: import and reconcile in under one second.
# usage: bench/reconcile.sh [path/to/indie]   (needs hyperfine, sqlite3 and python3)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT
export INDIE_DB="$W/base.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2026-12-31T10:00:00Z

"$INDIE" -q init --name "Camille Martin" --address "12 rue des Lilas, 32000 Auch" --siren 732829320 --vat-regime franchise
"$INDIE" -q config set invoice.einvoice none
"$INDIE" -q account add Qonto --currency EUR
for i in $(seq 1 50); do
  "$INDIE" -q client add "c$i" --name "Client$i SAS" --address "1 rue $i, 75002 Paris" --country FR
done
sqlite3 "$INDIE_DB" <<'SQL'
BEGIN;
-- 7,500 invoices of 2026 to 50 clients, issued: the first 2,500 paid by hand into Qonto.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 7500)
INSERT INTO invoice (kind, client_id, currency, language, state, issue_date, due_date, vat_category,
                     net_minor, vat_minor, gross_minor, seller, buyer, mentions, created_at)
SELECT 'invoice', 1 + i % 50, 'EUR', 'fr', 'draft', date('2026-01-01', '+' || (i % 330) || ' days'),
       date('2026-01-31', '+' || (i % 330) || ' days'), 'E', 10000 + i, 0, 10000 + i, '{}', '{}', '[]',
       '2026-01-01T00:00:00Z' FROM n;
INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, net_minor, activity)
SELECT id, 1, 'Développement', '1', 'u', printf('%d.%02d', (10000 + id) / 100, (10000 + id) % 100), '0', 10000 + id, 'bnc' FROM invoice;
UPDATE invoice SET state = 'issued', number = printf('F2026-%04d', id), series = 'invoice', seq = id;
INSERT INTO payment (invoice_id, date, amount_minor, method, account, received_minor, received_currency, created_at)
SELECT id, date(issue_date, '+10 days'), gross_minor, 'transfer', 'Qonto', gross_minor, 'EUR', '2026-01-01T00:00:00Z'
  FROM invoice WHERE id <= 2500;
INSERT INTO account_tx (account_id, date, amount_minor, payee, category, note, origin, invoice_id, payment_id, created_at)
SELECT 1, p.date, p.amount_minor, c.handle, 'invoice', i.number, 'payment', i.id, p.id, '2026-01-01T00:00:00Z'
  FROM payment p JOIN invoice i ON i.id = p.invoice_id JOIN client c ON c.id = i.client_id;
COMMIT;
SQL
sqlite3 "$INDIE_DB" 'PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
# The statement: 2,500 rows for the payments recorded (the client named, a day later), 2,500
# paying open invoices (their number, written three ways), 5,000 card expenses.
python3 - "$W/statement.csv" <<'PY'
import datetime, sys
rows = []
day = lambda i: datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 330)
for i in range(1, 2501):
    rows.append((day(i) + datetime.timedelta(days=11), f"CLIENT{1 + i % 50} SAS", "Virement", 10000 + i))
forms = ["F2026-{:04d}", "FACTURE 2026-{:04d}", "F2026{:04d}"]
for i in range(2501, 5001):
    rows.append((day(i) + datetime.timedelta(days=15), f"Client{1 + i % 50}", forms[i % 3].format(i), 10000 + i))
for i in range(5000):
    rows.append((datetime.date(2026, 1, 2) + datetime.timedelta(days=i % 340), "Carte " + str(i % 97), "", -(100 + i % 9000)))
with open(sys.argv[1], "w") as f:
    f.write("Transaction ID,Settlement date (UTC),Counterparty name,Reference,Total amount (incl. VAT),Currency,Status\n")
    for n, (d, payee, memo, minor) in enumerate(rows):
        f.write(f"t-{n},{d:%d-%m-%Y} 10:00:00,{payee},{memo},{minor // 100 if minor >= 0 else -((-minor) // 100)}.{abs(minor) % 100:02d},EUR,settled\n")
PY
cat >"$W/rules.toml" <<'TOML'
[columns]
id = "Transaction ID"
date = "Settlement date (UTC)"
amount = "Total amount (incl. VAT)"
state = "Status"
payee = "Counterparty name"
memo = "Reference"
[format]
date = "%d-%m-%Y %H:%M:%S"
TOML
# What one import does, checked once.
cp "$W/base.db" "$W/run.db"
INDIE_DB="$W/run.db" "$INDIE" account import Qonto "$W/statement.csv" --rules "$W/rules.toml" | head -1
hyperfine -N --warmup 1 --runs 10 --export-markdown "$W/reconcile.md" \
  --prepare "cp $W/base.db $W/run.db" \
  "$INDIE --db $W/run.db account import Qonto $W/statement.csv --rules $W/rules.toml -q"
cat "$W/reconcile.md"
