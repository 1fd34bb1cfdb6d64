# indie invoice render and indie template: documents in PDF, HTML, Markdown, text and JSON.
. "$(dirname "$0")/lib.sh"
cd "$T"

# pdftotext writes the no-break spaces of French amounts as they are; compare with plain spaces.
pdf_text() { pdftotext -layout "$1" - | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }
plain() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }

setup_business
run config set bank.iban FR7630006000011234567890189
run config set bank.bic AGRIFRPP
run client add acme --name "ACME SAS" --address "3 rue de la Paix" --address "75002 Paris" --country FR --siren 552100554
run project add acme/web --name "Site web" --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run time add acme/web 2026-11-03 14:00-17:30 "intégration"
run invoice new acme --po PO-7781 -q
run invoice line add 1 "Audit de sécurité, rapport détaillé et recommandations" --qty 1 --unit d --price 650 --period 2026-11-04
run invoice issue 1 --date 2026-11-20
expect_out "F2026-0001"

# --- PDF -----------------------------------------------------------------------------------
run invoice render F2026-0001
expect_rc 0 "render a PDF"
expect_out "Wrote F2026-0001.pdf"
check "the default file is NUMBER.pdf here" test -s F2026-0001.pdf
TEXT=$(pdf_text F2026-0001.pdf)
for want in "Facture" "F2026-0001" "Camille Martin EI" "12 rue des Lilas" "SIREN 732 829 320" "ACME SAS" "3 rue de la Paix" \
  "75002 Paris" "SIREN 552 100 554" "20 novembre 2026" "20 décembre 2026" "du 2 novembre 2026" "PO-7781" \
  "Audit de sécurité" "Site web" "650,00 €" "1 170,00 €" "Total HT" "TVA non applicable, art. 293 B du CGI" "Net à payer" \
  "TVA non applicable, art. 293 B du CGI" "Indemnité forfaitaire pour frais de recouvrement : 40 €" \
  "Pénalités de retard" "Pas d'escompte" "FR76 3000 6000 0112 3456 7890 189" "AGRIFRPP" "Page 1/1"; do
  if [[ "$TEXT" == *"$want"* ]]; then pass; else fail "the PDF shows: $want"; fi
done
check "franchise: no Total TTC and no VAT row of 0.00" test "${TEXT#*Total TTC}" = "$TEXT"
check "the PDF embeds its fonts" test "$(pdffonts F2026-0001.pdf | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)" = 0
INFO=$(pdfinfo F2026-0001.pdf)
check "PDF title" grep -q "^Title: *Facture F2026-0001$" <<<"$INFO"
check "PDF author" grep -q "^Author: *Camille Martin EI$" <<<"$INFO"
check "PDF subject" grep -q "^Subject: *Facture F2026-0001 – ACME SAS$" <<<"$INFO"
check "PDF creation date from indie's clock" grep -q "^CreationDate: .*Nov 21 .*2026" <<<"$INFO"
check "A4" grep -q "^Page size: *595.276 x 841.89 pts (A4)" <<<"$INFO"

"$INDIE" invoice render F2026-0001 -o - --to pdf >stdout.pdf
check "-o - writes the PDF to standard output" test "$(head -c 5 stdout.pdf)" = "%PDF-"

# --- JSON: the data templates see ------------------------------------------------------------
run invoice render F2026-0001 --to json
expect_rc 0 "the model"
check "json goes to standard output" test "$(jq -r .document.number <<<"$OUT")" = F2026-0001
check "raw and formatted amounts" test "$(jq -r '.totals.gross | "\(.raw)|\(.number)"' <<<"$OUT" | plain)" = "1170.00|1 170,00"
check "dates raw and in words" test "$(jq -r '.document.issue_date | "\(.iso) \(.text)"' <<<"$OUT")" = "2026-11-20 20 novembre 2026"
check "labels in the document's language" test "$(jq -r .labels.due <<<"$OUT")" = "Net à payer"
check "absent fields are null" test "$(jq -r '.document.notes' <<<"$OUT")" = null
check "two lines" test "$(jq '.lines | length' <<<"$OUT")" = 2
check "franchise: the exemption under the totals (issue 14.9)" test "$(jq -r .vat_note <<<"$OUT")" = "TVA non applicable, art. 293 B du CGI"
check "and not repeated at the foot" test "$(jq '.mentions | index("TVA non applicable, art. 293 B du CGI")' <<<"$OUT")" = null
check "the other mentions frozen at issue" test "$(jq '.mentions | index("Indemnité forfaitaire pour frais de recouvrement\u00a0: 40\u00a0€")' <<<"$OUT")" != null

# --- HTML, Markdown, text ------------------------------------------------------------------
run invoice render F2026-0001 --to html -o -
expect_rc 0 "html"
expect_out "<!DOCTYPE html>"
expect_out "@page { size: A4"
check "html shows the total" grep -q "1 170,00 €" <<<"$(plain <<<"$OUT")"
run invoice render F2026-0001 -o facture.md
expect_rc 0 "the format follows -o's extension"
check "markdown table" grep -q "^| Audit de sécurité" facture.md
run invoice render F2026-0001 --to txt -o -
check "text: no blank line where an optional field is missing" test "$(grep -c '^$' <<<"$OUT")" -le 9
expect_out "Net à payer : 1"

# --- a draft ---------------------------------------------------------------------------------
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 2 "Maintenance" --qty 2 --unit h --price 80
run invoice render 2
expect_rc 0 "render a draft"
expect_out "draft-2.pdf"
expect_out "BROUILLON"
TEXT=$(pdf_text draft-2.pdf)
# The mark runs across the page: -raw reads it in drawing order.
check "a draft carries the BROUILLON mark" grep -q BROUILLON <<<"$(pdftotext -raw draft-2.pdf -)"
check "and no number" test "$(grep -c 'F2026-0002' <<<"$TEXT")" = 0
run invoice render 2 --to json
check "draft: number null" test "$(jq -r .document.number <<<"$OUT")" = null
check "draft: mentions as issuing would print them" test "$(jq '.mentions | length' <<<"$OUT")" -ge 1

# --- English, HTML escaping ------------------------------------------------------------------
run client add evil --name "<script>alert(1)</script>" --address "1 Main St, Springfield" --country US --currency USD
run invoice new evil --empty --service-date 2026-11-02 -q
run invoice line add 3 "Consulting <b>&</b>" --qty 1 --price 1234.5
run invoice issue 3 --date 2026-11-21 --eur-rate 1.05
run invoice render F2026-0002 --to html -o -
expect_out "&lt;script&gt;alert(1)&lt;/script&gt;"
expect_out_not "<script>alert"
expect_out "Consulting &lt;b&gt;&amp;&lt;/b&gt;"
expect_out "Invoice"
expect_out "21 November 2026"
expect_out '$1,234.50'
expect_out $'Taux de change\u00a0: 1 EUR = 1,05 USD'
run invoice render F2026-0002 --lang fr --to txt -o -
expect_out "21 novembre 2026"
check "--lang fr: French amounts" grep -q "1 234,50 \$US" <<<"$(plain <<<"$OUT")"

# --- timesheet annex -------------------------------------------------------------------------
run invoice render F2026-0001 --with-timesheet -o with-time.pdf
expect_rc 0 "with the timesheet"
TEXT=$(pdf_text with-time.pdf)
check "the annex" grep -q "Relevé de temps" <<<"$TEXT"
check "its entries" grep -q "maquettes" <<<"$TEXT"
check "its total" grep -q "6:30" <<<"$TEXT"
check "on its own page" grep -q "Page 2/2" <<<"$TEXT"

# --- a long invoice breaks pages and repeats the table header ---------------------------------
run invoice new acme --empty --service-date 2026-11-02 -q
for i in $(seq 1 200); do echo "line $i"; done >/dev/null
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, discount, net_minor)
  SELECT 4, i, 'Prestation n° ' || i || CASE WHEN i % 7 = 0 THEN ' avec une description assez longue pour tenir sur deux lignes du tableau des prestations facturées' ELSE '' END,
         '1', 'h', '80', '0', '0', 8000 FROM n"
run invoice issue 4 --date 2026-11-21
run invoice render F2026-0003 -o long.pdf
expect_rc 0 "200 lines"
PAGES=$(pdfinfo long.pdf | awk '/^Pages:/ {print $2}')
check "several pages" test "$PAGES" -ge 4
TEXT=$(pdf_text long.pdf)
with_lines=0 headers=0
for p in $(seq 1 "$PAGES"); do
  page=$(pdftotext -f "$p" -l "$p" -layout long.pdf -)
  if grep -q 'Prestation n°' <<<"$page"; then
    with_lines=$((with_lines + 1))
    grep -q 'Désignation' <<<"$page" && headers=$((headers + 1))
  fi
done
check "the table header on every page with lines" test "$headers" = "$with_lines"
check "lines on more than three pages" test "$with_lines" -ge 4
check "Page N/M on every page" test "$(grep -c "Page [0-9]*/$PAGES" <<<"$TEXT")" = "$PAGES"
check "every line is there" test "$(grep -c 'Prestation n°' <<<"$TEXT")" = 200
check "the total" grep -q "16 000,00 €" <<<"$TEXT"

# --- templates -------------------------------------------------------------------------------
run template list --format csv
expect_out "classic,html,built-in"
expect_out "classic,txt,built-in"
run template show classic --to md
expect_out "{{document.title}}"
run template export classic "$XDG_CONFIG_HOME/indie/templates"
expect_rc 0 "export"
printf 'MINE {{document.number}} {{totals.due.text}}\n' >"$XDG_CONFIG_HOME/indie/templates/classic.txt"
run invoice render F2026-0001 --to txt -o -
check "a user template replaces the built-in one by name" test "$(plain <<<"$OUT")" = "MINE F2026-0001 1 170,00 €"
run template list --format csv
expect_out "classic,txt,$XDG_CONFIG_HOME/indie/templates/classic.txt"
run template export classic "$XDG_CONFIG_HOME/indie/templates"
expect_rc 1 "export does not overwrite"
expect_err "--force"
run invoice render F2026-0001 --template "$INDIE_SOURCE/examples/templates/compact.html" -o -
expect_rc 0 "the example template renders"
expect_out '<div class="due">1'
printf 'Hello {{client.name}}\n' >hello.txt
run invoice render F2026-0001 --template ./hello.txt -o -
expect_out_is "Hello ACME SAS"

# --- bad input: a clear error, no file written, nothing changed --------------------------------
snapshot before
run invoice render F2026-0001 --to html --template nope -o nope.html
expect_rc 1 "unknown template"
expect_err "no html template named 'nope'"
expect_err "indie template list"
check "no file for an unknown template" test ! -e nope.html
printf 'line one\n{{#lines}}\n{{description}}\n' >broken.html
run invoice render F2026-0001 --template broken.html -o broken-out.html
expect_rc 1 "a Mustache syntax error"
expect_err "broken.html:2:1: Unclosed section \"lines\""
check "no file for a broken template" test ! -e broken-out.html
# A logo is read when a PDF is made: at issue, or for a duplicate.
run config set business.logo missing-logo.png
run invoice render F2026-0001 --duplicate -o logo.pdf
expect_rc 1 "a missing logo"
expect_err "business.logo: cannot read"
expect_err "missing-logo.png"
check "no file when the logo is missing" test ! -e logo.pdf
echo "not an image" >"$XDG_CONFIG_HOME/indie/fake.png"
run config set business.logo fake.png
run invoice render F2026-0001 --duplicate -o logo.pdf
expect_rc 1 "a logo that is not a PNG"
expect_err "it is not a PNG image"
run config set business.logo ""
touch not-a-dir
run invoice render F2026-0001 -o not-a-dir/x.pdf
expect_rc 1 "an output that cannot be written"
expect_err "cannot write not-a-dir/x.pdf"
expect_err "-o FILE"
run invoice render F2026-0001 --to docx
expect_rc 1 "an unknown format"
expect_err "unknown document format 'docx'"
run invoice render F2026-0001 --to pdf --template classic
expect_rc 2 "a template for the PDF"
run invoice render F2099-0001
expect_rc 1 "an unknown invoice"
expect_unchanged_since before

# --- a logo ---------------------------------------------------------------------------------
# A 60x20 PNG, blue.
python3 - "$XDG_CONFIG_HOME/indie/logo.png" <<'PY'
import struct, sys, zlib
w, h = 60, 20
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * w for _ in range(h))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
run config set business.logo logo.png
run invoice render F2026-0001 --duplicate -o with-logo.pdf
expect_rc 0 "a logo beside the config file"
check "the logo is in the PDF" test "$(pdfimages -list with-logo.pdf | tail -n +3 | wc -l)" = 1
run invoice render F2026-0001 -o issued-without.pdf
check "the document issued before the logo was set keeps none" test "$(pdfimages -list issued-without.pdf | tail -n +3 | wc -l)" = 0

finish
