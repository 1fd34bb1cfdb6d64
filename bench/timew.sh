#!/usr/bin/env bash
# indie against timewarrior on the same 100,000 entries (issue 3):
#   timew summary :all  vs  indie time report --by day
#   timew export        vs  indie time list --format json
# usage: bench/timew.sh [path/to/indie] [entries]   (needs timewarrior, hyperfine, python3)
set -euo pipefail
export INDIE=$(realpath "${1:-build/indie}")
N=${2:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris TIMEWARRIORDB="$W/timew"

mkdir -p "$TIMEWARRIORDB/data"
: >"$TIMEWARRIORDB/timewarrior.cfg"
python3 "$HERE/gen_time.py" "$N" timew "$TIMEWARRIORDB"
"$INDIE" -q init --name Bench
python3 "$HERE/gen_time.py" setup >"$W/setup.sh"
bash "$W/setup.sh"
# indie reads timewarrior's own export, so both hold exactly the same intervals.
timew export >/dev/null  # the first run builds its tags database and says so on stdout
timew export >"$W/export.json"
/usr/bin/time -f "indie time import of timew export ($N intervals): %e s" \
  "$INDIE" -q time import "$W/export.json" --from timewarrior
echo "entries in indie: $(sqlite3 "$INDIE_DB" 'SELECT count(*) FROM time_entry')"

hyperfine -N --warmup 1 --runs 5 --export-markdown "$W/summary.md" \
  "timew summary :all" "$INDIE time report --by day"
hyperfine -N --warmup 1 --runs 5 --export-markdown "$W/export.md" \
  "timew export" "$INDIE time list --format json"
cat "$W/summary.md" "$W/export.md"
