#!/usr/bin/env bash
# Document benchmarks (issue 5, 14.1): an invoice of 20 lines and one of 200, issued (which
# renders and keeps the PDF), then rendered as PDF and HTML.
#   - PDF, 20 lines   (target < 100 ms): a duplicate is rendered afresh
#   - PDF, 200 lines  (target < 400 ms)
#   - HTML, 20 lines  (target < 20 ms)
#   - the PDF kept at issue, given back
#   - Factur-X, 20 lines (target < 150 ms, issue 16), and reading it back with bill import
# usage: bench/render.sh [path/to/indie]   (needs hyperfine and sqlite3)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris INDIE_NOW=2026-11-21T10:00:00Z

"$INDIE" -q init --name "Camille Martin" --legal-form EI --address "12 rue des Lilas, 32000 Auch" --country FR \
  --siren 732829320 --vat-regime franchise --iban FR7630006000011234567890189 --bic AGRIFRPP
"$INDIE" -q client add acme --name "ACME SAS" --address "3 rue de la Paix, 75002 Paris" --country FR --siren 552100554
for n in 20 200; do
  id=$("$INDIE" invoice new acme --empty --service-date 2026-11-20 -q)
  sqlite3 "$INDIE_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
    INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, discount, net_minor)
    SELECT $id, i, 'Développement, lot ' || i || CASE WHEN i % 5 = 0 THEN ' : intégration de l''API de paiement et tests de bout en bout' ELSE '' END,
           '1.5', 'h', '80', '0', '0', 12000 FROM n"
  start=$(date +%s%N)
  "$INDIE" -q invoice issue "$id"
  echo "invoice issue, $n lines (renders and keeps the PDF): $((($(date +%s%N) - start) / 1000000)) ms"
done
cd "$W"
hyperfine -N --warmup 3 --runs 20 --export-markdown "$W/render.md" \
  "$INDIE invoice render F2026-0001 --duplicate -o 20.pdf" \
  "$INDIE invoice render F2026-0002 --duplicate -o 200.pdf" \
  "$INDIE invoice render F2026-0001 -o 20-issued.pdf" \
  "$INDIE invoice render F2026-0002 -o 200-issued.pdf" \
  "$INDIE invoice render F2026-0001 --to html -o 20.html" \
  "$INDIE invoice render F2026-0002 --to html -o 200.html" \
  "$INDIE invoice render F2026-0001 --to facturx -o 20-facturx.pdf" \
  "$INDIE invoice render F2026-0002 --to facturx -o 200-facturx.pdf" \
  "$INDIE invoice render F2026-0001 --to cii -o 20.xml"
# The Factur-X read back as a supplier's bill (checked, not recorded), on the same database.
hyperfine -N --warmup 3 --runs 20 --export-markdown "$W/bill.md" \
  "$INDIE bill import 20-facturx.pdf --check --any-buyer" \
  "$INDIE bill import 200-facturx.pdf --check --any-buyer" \
  "$INDIE bill import 20.xml --check --any-buyer"
pdfinfo 200.pdf | grep Pages
cat "$W/render.md" "$W/bill.md"
