# Regression (issue 35.13): a supplier e-invoice carrying U+009B (the C1 control that opens a
# terminal escape sequence, CSI) in its seller's name printed it raw in `bill show`; and
# `bill file` poured a PDF onto the terminal. Text from the file is shown with each control as
# U+FFFD, as in every listing; the file goes to a terminal only when asked with -o -.
. "$(dirname "$0")/../cli/lib.sh"
DATA="${INDIE_SOURCE:?}/tests/data/einvoice"
run init --name "Acheteur Exemple SA" --legal-form SAS --address "1 place de la Défense, 92400 Courbevoie" \
  --country FR --siren 552081317 --vat-regime standard
run config set business.vat_number FR03552081317
# The official sample with U+009B in the seller's name (ESC itself is no XML character: a file
# carrying one is refused as not well-formed).
sed 's|<ram:Name>Conseil Exemple SASU</ram:Name>|<ram:Name>Conseil \xc2\x9b31mExemple SASU</ram:Name>|' \
  "$DATA/fr-sasu-usd.xml" >"$T/csi.xml"
check "the sample carries the controls" grep -q $'\xc2\x9b' "$T/csi.xml"
run bill import "$T/csi.xml"
expect_rc 0 "imported"
check "the import's message shows no C1 control" bash -c "! grep -q \$'\\xc2\\x9b' <<<\"\$1\"" _ "$OUT$ERR"
for cmd in "bill show 1" "bill list" "bill import $T/csi.xml --check"; do
  # shellcheck disable=SC2086
  run $cmd
  check "$cmd shows no C1 control" bash -c "! grep -q \$'\\xc2\\x9b' <<<\"\$1\"" _ "$OUT$ERR"
done
run bill show 1
expect_out "Conseil �31mExemple SASU"

# bill file: to a terminal only with -o -; into a pipe or a file as before.
if command -v script >/dev/null; then
  script -qec "'$INDIE' bill file 1" /dev/null >"$T/tty.out" 2>&1
  check "bill file to a terminal is refused" grep -q "not text for a terminal: write it with -o FILE" "$T/tty.out"
  check "and prints none of the file" bash -c "! grep -q '<?xml' '$T/tty.out'"
  script -qec "'$INDIE' bill file 1 -o -" /dev/null >"$T/tty-forced.out" 2>&1
  check "-o - prints it anyway" grep -q '<?xml' "$T/tty-forced.out"
else
  skip_part "the terminal (script from bsdutils)"
fi
"$INDIE" bill file 1 | cmp -s - "$T/csi.xml"
check "into a pipe, byte for byte" test "${PIPESTATUS[0]}${PIPESTATUS[1]}" = 00
finish
