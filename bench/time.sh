#!/usr/bin/env bash
# Time tracking at ten years of scale (issue 3): 1,000,000 entries, 50 clients, 200 projects.
# usage: [IMPORT_ONLY=1] bench/time.sh [path/to/indie] [entries]   (needs hyperfine and python3)
# Prints the figures written in bench/README.md.
set -euo pipefail
export INDIE=$(realpath "${1:-build/indie}")
N=${2:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris

"$INDIE" -q init --name Bench
"$INDIE" -q config set time.rounding "15m up entry"
python3 "$HERE/gen_time.py" setup >"$W/setup.sh"
bash "$W/setup.sh"
python3 "$HERE/gen_time.py" "$N" indie >"$W/entries.csv"
echo "file: $(du -h "$W/entries.csv" | cut -f1), $N entries"

echo "import of $N entries:"
/usr/bin/time -f "  %e s, %M KiB max RSS" "$INDIE" time import "$W/entries.csv" --from indie
sqlite3 "$INDIE_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
echo "database size: $(du -k "$INDIE_DB" | cut -f1) KiB"
echo "re-import of the same file (adds nothing):"
/usr/bin/time -f "  %e s" "$INDIE" time import "$W/entries.csv" --from indie
[ "${IMPORT_ONLY:-0}" = 1 ] && exit 0  # IMPORT_ONLY=1: the import figures alone

hyperfine -N --warmup 2 --runs 10 --export-markdown "$W/reports.md" \
  "$INDIE time report --by month" \
  "$INDIE time report --by project --from 2026-10-01 --to 2026-10-31" \
  "$INDIE time report --by day --from 2026-10-01 --to 2026-10-31" \
  "$INDIE time list --from 2026-11-01 --format json"
# start and stop each mutate: the other one runs between measurements (not timed).
printf '"%s" -q time cancel 2>/dev/null || true\n' "$INDIE" >"$W/cancel.sh"
printf 'sqlite3 "%s" "DELETE FROM time_entry WHERE note = %s"\n"%s" -q time start client-01/project-001 bench --at 00:30\n' \
  "$INDIE_DB" "'bench'" "$INDIE" >"$W/start.sh"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/start.md" \
  --prepare "bash $W/cancel.sh" "$INDIE -q time start client-01/project-001 bench"
bash "$W/cancel.sh"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/stop.md" \
  --prepare "bash $W/start.sh" "$INDIE -q time stop"
cat "$W/reports.md" "$W/start.md" "$W/stop.md"
