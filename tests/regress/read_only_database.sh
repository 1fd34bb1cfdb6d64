# Regression (issue 18.13): a database in a read-only directory (a mounted backup, an archive)
# made even read commands fail ("cannot open the database ... Permission denied"). It is now
# opened read-only: listings, reports and verify work; a command that writes is refused saying
# why, and nothing changes. Root ignores permissions, so as root the commands run as nobody.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run invoice new acme
run invoice issue 1
expect_rc 0 "F2026-0001 issued"

# A copy of the business in a directory of its own, as a backup would be.
RO="$T/archive"
mkdir -p "$RO"
cp "$DB" "$RO/indie.db"
cp "$CONFIG" "$RO/config.toml"
AS=()
BIN="$INDIE"
if [ "$(id -u)" = 0 ]; then
  # nobody must reach the binary: a copy in a world-readable place (the build tree may not be).
  mkdir -p "$T/bin"
  cp "$INDIE" "$T/bin/indie"
  BIN="$T/bin/indie"
  chmod 755 "$T" "$T/bin" "$RO"
  chmod 644 "$RO/indie.db" "$RO/config.toml"
  AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
ro() { # ro ARGS…: indie on the archive, as a user who cannot write it
  "${AS[@]}" "$BIN" --db "$RO/indie.db" --config "$RO/config.toml" "$@" >"$T/out" 2>"$T/err" </dev/null
  RC=$?
  OUT=$(cat "$T/out")
  ERR=$(cat "$T/err")
}
chmod a-w "$RO"
snapshot_ro() { sqlite3 "file:$RO/indie.db?immutable=1" .dump >"$T/ro.$1"; }
snapshot_ro before

ro invoice list
expect_rc 0 "listing invoices from a read-only directory"
expect_out "F2026-0001"
ro time list --format json
expect_rc 0 "listing time"
check "one entry" test "$(jq length <<<"$OUT")" = 1
ro verify
expect_rc 0 "verify reads it"
ro time add acme/web 2026-11-03 09:00-10:00 "more"
expect_rc 1 "a write is refused"
expect_err "cannot be written (the file or its directory is read-only), so this command, which changes it, was refused; nothing was changed"
ls "$RO" >"$T/files"
check "no -wal or -shm file was left" test "$(cat "$T/files")" = "$(printf 'config.toml\nindie.db')"

# A read-only file in a writable directory: the same.
chmod u+w "$RO"
[ "$(id -u)" = 0 ] && chmod a+w "$RO"
chmod a-w "$RO/indie.db"
ro report receivables
expect_rc 0 "a report from a read-only file"
ro invoice pay F2026-0001 --amount 10
expect_rc 1 "a payment is refused"
expect_err "cannot be written"
snapshot_ro after
check "nothing changed" cmp -s "$T/ro.before" "$T/ro.after"
chmod -R u+w "$RO"
finish
