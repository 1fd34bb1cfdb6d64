#!/usr/bin/env bash
# Three invoices to check by eye (issue 14): a franchise EI, a SASU with three VAT rates, and a
# USD invoice to a client outside the EU; each rendered as a PDF and as a PNG at 80 dpi.
# usage: examples/invoices.sh [path/to/indie] [output directory]   (needs pdftoppm for the PNGs)
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
OUT=$(realpath -m "${2:-invoices}")
mkdir -p "$OUT"
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-invoices-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_NOW=2026-11-30T17:00:00Z TZ=Europe/Paris
indie() { "$INDIE" "$@"; }

# 1. A micro-entrepreneur under the franchise en base.
export INDIE_DB="$W/ei.db" INDIE_CONFIG="$W/ei.toml"
indie -q init --name "Camille Martin" --legal-form EI --address "12 rue des Lilas, 32000 Auch" \
  --country FR --siren 732829320 --vat-regime franchise
indie -q config set bank.iban FR7630006000011234567890189
indie -q client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
indie -q invoice new acme --empty --period 2026-11-02..2026-11-27 >/dev/null
indie -q invoice line add 1 "Audit de sécurité" --qty 2.5 --unit d --price 650
indie -q invoice line add 1 "Rapport et recommandations" --qty 1 --unit u --price 400
indie -q invoice issue 1 --date 2026-11-30 >/dev/null
indie -q invoice render F2026-0001 -o "$OUT/franchise-ei.pdf"

# 2. A SASU charging VAT at three rates.
export INDIE_DB="$W/sasu.db" INDIE_CONFIG="$W/sasu.toml"
indie -q init --name "Atelier Martin" --legal-form SASU --address "5 place du Marché, 31000 Toulouse" \
  --country FR --siren 732829320 --vat-regime standard
indie -q config set business.share_capital "1 000 €"
indie -q config set business.rcs_city Toulouse
indie -q config set business.vat_number FR44732829320
indie -q config set bank.iban FR7630006000011234567890189
indie -q client add globex --name "Globex SARL" --address "8 avenue Foch, 69006 Lyon" --country FR --siren 552100554
indie -q invoice new globex --empty --period 2026-11-01..2026-11-30 >/dev/null
indie -q invoice line add 1 "Développement" --qty 12 --unit d --price 550
indie -q invoice line add 1 "Formation (organisme)" --qty 2 --unit d --price 800 --vat 10
indie -q invoice line add 1 "Livre technique" --qty 3 --unit u --price 42.5 --vat 5.5
indie -q invoice issue 1 --date 2026-11-30 >/dev/null
indie -q invoice render F2026-0001 -o "$OUT/sasu-three-rates.pdf"

# 3. A USD invoice to a US business (no French VAT, art. 259-1), its EUR rate stated.
export INDIE_DB="$W/usd.db" INDIE_CONFIG="$W/usd.toml"
indie -q init --name "Camille Martin" --legal-form EI --address "12 rue des Lilas, 32000 Auch" \
  --country FR --siren 732829320 --vat-regime standard
indie -q config set business.vat_number FR44732829320
indie -q client add initech --name "Initech LLC" --address "4120 Freidrich Lane, Austin TX 78744" \
  --country US --currency USD
indie -q invoice new initech --empty --service-date 2026-11-20 >/dev/null
indie -q invoice line add 1 "Consulting" --qty 4 --unit d --price 900 --vat 0
indie -q invoice issue 1 --date 2026-11-30 --eur-rate 1.0512 >/dev/null
indie -q invoice render F2026-0001 -o "$OUT/usd-outside-eu.pdf"

if command -v pdftoppm >/dev/null; then
  for f in "$OUT"/*.pdf; do pdftoppm -r 80 -png "$f" "${f%.pdf}"; done
fi
ls "$OUT"
