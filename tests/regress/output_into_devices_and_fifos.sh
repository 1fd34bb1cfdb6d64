# Regression (issue 35.3): -o wrote a temporary file and renamed it over the target, so
# `indie invoice render F… -o /dev/null` run as root replaced the system's /dev/null with a
# regular file, and -o to a FIFO (or a process substitution) replaced the FIFO: its reader got
# nothing. What is not a regular file is written into; a link to a file replaces the file, not
# the link. Tried on a device node made in a temporary directory, never on the real /dev/null.
. "$(dirname "$0")/../cli/lib.sh"
setup_issued_invoice
run invoice render F2026-0001 --to txt -o -
expect_rc 0 "rendered to standard output"
printf '%s\n' "$OUT" >"$T/expected.txt"

# A character device (the same as /dev/null: major 1, minor 3), where mknod is allowed (root).
if mknod "$T/null" c 1 3 2>/dev/null; then
  run invoice render F2026-0001 --to txt -o "$T/null"
  expect_rc 0 "render into a character device"
  check "the device is still a character device" test -c "$T/null"
  check "and nothing was left beside it" test -z "$(find "$T" -maxdepth 1 -name 'null.*')"
  run invoice render F2026-0001 --to pdf -o "$T/null"
  expect_rc 0 "a PDF into the device too"
  check "still a character device" test -c "$T/null"
else
  skip_part "the device node (mknod needs root)"
fi

# A FIFO: its reader gets the whole document.
mkfifo "$T/fifo"
# (The reader gives up after 10 s: with the FIFO replaced, nothing would ever open it to write.)
timeout 10 cat "$T/fifo" >"$T/from-fifo.txt" &
reader=$!
run invoice render F2026-0001 --to txt -o "$T/fifo"
expect_rc 0 "render into a FIFO"
wait "$reader"
check "the FIFO is still a FIFO" test -p "$T/fifo"
check "its reader got the document" cmp -s "$T/expected.txt" "$T/from-fifo.txt"

# A link to a regular file: the file gets the document, the link stays a link.
printf 'old\n' >"$T/real.txt"
ln -s real.txt "$T/link.txt"
run invoice render F2026-0001 --to txt -o "$T/link.txt"
expect_rc 0 "render through a link"
check "the link is still a link" test -L "$T/link.txt"
check "its file holds the document" cmp -s "$T/expected.txt" "$T/real.txt"

# A directory is refused, as before.
mkdir "$T/dir"
run invoice render F2026-0001 --to txt -o "$T/dir"
expect_rc 1 "a directory is refused"
expect_err "is a directory"
finish
