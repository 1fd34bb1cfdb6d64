# Regression (issue 18.10): a 49 KB PNG declaring 20000 x 20000 pixels took 7 s and 1.6 GB to
# render, a valid 32767 x 32767 PNG was called "not a PNG image", and a FIFO as the logo blocked
# `invoice render` for ever. The file type, size and header are checked before decoding.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty
run invoice line add 1 "Audit" --qty 1 --price 1000
# A PNG header (signature and IHDR with its CRC) declaring W x H, then a few bytes of nothing.
png() {
  python3 - "$1" "$2" "$3" <<'PY'
import struct, sys, zlib
w, h, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(out, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
PY
}
png 20000 20000 "$T/bomb.png"
run config set business.logo "$T/bomb.png"
start=$(date +%s)
run invoice render 1 --to pdf -o "$T/out.pdf"
elapsed=$(($(date +%s) - start))
expect_rc 1 "the bomb is refused"
expect_err "it is 20000 x 20000 pixels; a logo may be at most 4000 x 4000 (scale it down)"
check "refused at once ($elapsed s)" test "$elapsed" -lt 3
check "no PDF was written" test ! -e "$T/out.pdf"
png 32767 32767 "$T/huge.png"
run config set business.logo "$T/huge.png"
run invoice render 1 --to pdf -o "$T/out.pdf"
expect_err "it is 32767 x 32767 pixels"
mkfifo "$T/logo.fifo"
run config set business.logo "$T/logo.fifo"
RC=$(timeout 10 "$INDIE" invoice render 1 --to pdf -o "$T/out.pdf" 2>"$T/err" </dev/null; echo $?)
ERR=$(cat "$T/err")
check "a FIFO does not block (rc $RC)" test "$RC" = 1
expect_err "it is not a regular file"
printf 'not a png at all' >"$T/text.png"
run config set business.logo "$T/text.png"
run invoice render 1 --to pdf -o "$T/out.pdf"
expect_err "it is not a PNG image"
finish
