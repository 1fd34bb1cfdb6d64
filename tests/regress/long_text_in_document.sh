# Regression (issue 35.1): a line description over about 3,800 characters was cut in the PDF
# kept at issue (539 of 6,000 words shown) while the XML inside the same Factur-X kept all of
# it; long notes and addresses were cut the same way. A line's text and the notes now flow over
# as many pages as they need (the table header repeated); an address longer than the invoice
# shows (300 characters) is refused at entry and at issue. Never sealed cut.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02
words=$(python3 -c "print(' '.join(f'mot{i:04d}' for i in range(6000)))")
notes=$(python3 -c "print(' '.join(f'note{i:04d}' for i in range(3000)))")
run invoice line add 1 "$words" --qty 1 --price 1000
expect_rc 0 "a 6,000-word description"
run invoice line add 1 "Seconde ligne" --qty 1 --price 10
run invoice edit 1 --notes "$notes"
expect_rc 0 "3,000 words of notes"
run invoice issue 1
expect_rc 0 "issued"
# The document kept at issue, byte for byte.
run invoice render F2026-0001 --to pdf -o "$T/kept.pdf"
expect_rc 0 "the kept document"
pdftotext "$T/kept.pdf" "$T/kept.txt"
check "all 6,000 words of the description are printed" \
  test "$(grep -o 'mot[0-9]\{4\}' "$T/kept.txt" | sort -u | wc -l)" = 6000
check "all 3,000 words of the notes are printed" \
  test "$(grep -o 'note[0-9]\{4\}' "$T/kept.txt" | sort -u | wc -l)" = 3000
check "the line after the long one is printed" grep -q "Seconde ligne" "$T/kept.txt"
check "and the total" grep -q "1 010,00" "$T/kept.txt"
pages=$(pdfinfo "$T/kept.pdf" | awk '/^Pages:/{print $2}')
check "it takes several pages ($pages)" test "$pages" -ge 10
check "each page says which of how many" test "$(grep -c "Page [0-9]*/$pages" "$T/kept.txt")" = "$pages"
check "the table header is repeated on the continuation pages" \
  test "$(grep -c 'Désignation' "$T/kept.txt")" -ge 5

# Addresses the document would print cut are refused, with their length; nothing changes.
long=$(python3 -c "print('12 rue ' + 'x' * 400)")
snapshot before
run client add big --name "Big" --address "$long" --country FR --siren 552100554
expect_rc 1 "a 407-character client address is refused"
expect_err "address has 407 characters; an address has at most 300"
expect_unchanged_since before
run client edit acme --delivery-address "$long"
expect_rc 1 "so is a delivery address"
expect_unchanged_since before
run config set business.address "$long"
expect_rc 1 "and the business's"
expect_err "business.address has 407 characters"
expect_unchanged_since before
# One stored before the rule: issuing refuses it, naming the fix.
sqlite3 "$DB" "UPDATE client SET address = '$long' WHERE handle = 'acme'"
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 2 "Audit" --qty 1 --price 100
snapshot draft
run invoice issue 2
expect_rc 1 "issuing with an address too long to print is refused"
expect_err "the client's address has 407 characters, more than the 300 an invoice shows: indie client edit acme --address"
expect_unchanged_since draft
finish
