#!/usr/bin/env bash
# Instant start (issue 19): indie's small commands side by side with timewarrior's, on the same
# entries, in one run (this machine's absolute times drift from run to run), plus the listing
# exports against the sqlite3 shell's dump of the same rows, the PDF render, the shared
# libraries each command loads and, when valgrind is there, instruction counts (repeatable).
# usage: bench/start.sh [path/to/indie] [entries]   (needs timewarrior, hyperfine, python3, sqlite3)
set -euo pipefail
export INDIE=$(realpath "${1:-build/indie}")
N=${2:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml" TZ=Europe/Paris TIMEWARRIORDB="$W/timew"

echo "== data: $N entries, the same intervals for both (bench/gen_time.py, seeded)"
mkdir -p "$TIMEWARRIORDB/data"
: >"$TIMEWARRIORDB/timewarrior.cfg"
python3 "$HERE/gen_time.py" "$N" timew "$TIMEWARRIORDB"
"$INDIE" -q init --name Bench
python3 "$HERE/gen_time.py" setup >"$W/setup.sh"
bash "$W/setup.sh"
python3 "$HERE/gen_time.py" "$N" indie >"$W/entries.csv"
"$INDIE" -q time import "$W/entries.csv" --from indie
rm "$W/entries.csv"
timew >/dev/null 2>&1 || true  # the first run builds timewarrior's tag database
echo "entries: indie $(sqlite3 "$INDIE_DB" 'SELECT count(*) FROM time_entry'), timewarrior $(cat "$TIMEWARRIORDB"/data/*.data | wc -l)"

md() { cat "$W/$1.md"; echo; }
echo "== start: version, help, status"
hyperfine -N -i --warmup 10 --runs 100 --export-markdown "$W/version.md" \
  "timew --version" "$INDIE --version" "$INDIE help" \
  "timew" "$INDIE time status"
md version

echo "== start and stop a timer"
# Each measured command undoes itself in the next --prepare (not timed).
printf 'timew cancel >/dev/null 2>&1 || true\n' >"$W/timew-cancel.sh"
printf 'timew cancel >/dev/null 2>&1 || true\ntimew start bench >/dev/null\nsleep 1  # timewarrior refuses an interval of 0 seconds\n' >"$W/timew-start.sh"
printf '"%s" -q time cancel 2>/dev/null || true\n' "$INDIE" >"$W/indie-cancel.sh"
printf '"%s" -q time cancel 2>/dev/null || true\nsqlite3 "%s" "DELETE FROM time_entry WHERE note = %s"\n"%s" -q time start client-01/project-001 bench --at 00:30\n' \
  "$INDIE" "$INDIE_DB" "'bench'" "$INDIE" >"$W/indie-start.sh"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/start.md" \
  --prepare "bash $W/timew-cancel.sh" "timew start bench" \
  --prepare "bash $W/indie-cancel.sh" "$INDIE -q time start client-01/project-001 bench"
md start
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/stop.md" \
  --prepare "bash $W/timew-start.sh" "timew stop" \
  --prepare "bash $W/indie-start.sh" "$INDIE -q time stop"
md stop
bash "$W/timew-cancel.sh"
bash "$W/indie-cancel.sh"

echo "== one week's report"
hyperfine -N --warmup 3 --runs 30 --export-markdown "$W/week.md" \
  "timew summary 2026-11-09 - 2026-11-16" \
  "$INDIE time report --by day --from 2026-11-09 --to 2026-11-15"
md week

echo "== exports: the last year's entries, against the sqlite3 shell's dump of the same rows"
FROM=2025-11-21 TO=2026-11-20
from_utc=$(date -d "$FROM 00:00" +%s) to_utc=$(date -d "$TO 00:00 + 1 day" +%s)
rows="FROM time_entry t JOIN project p ON p.id = t.project_id JOIN client c ON c.id = p.client_id
  WHERE t.start_utc >= $from_utc AND t.start_utc < $to_utc ORDER BY t.start_utc, t.id"
raw="SELECT t.id, t.start_utc AS start, t.end_utc AS end, t.end_utc - t.start_utc AS seconds,
  c.handle || '/' || p.handle AS project, t.note, t.tags,
  coalesce(t.invoice_number, 'unbilled') AS status, t.zone $rows"
local="SELECT t.id, strftime('%Y-%m-%dT%H:%M:%S', t.start_utc, 'unixepoch', 'localtime') AS start,
  strftime('%Y-%m-%dT%H:%M:%S', t.end_utc, 'unixepoch', 'localtime') AS end,
  t.end_utc - t.start_utc AS seconds, c.handle || '/' || p.handle AS project, t.note, t.tags,
  coalesce(t.invoice_number, 'unbilled') AS status, t.zone $rows"
echo "rows: $(sqlite3 "$INDIE_DB" "SELECT count(*) $rows")," \
  "indie: $("$INDIE" time list --from $FROM --to $TO --format csv | tail -n +2 | wc -l)"
printf '%s\n' "$raw" >"$W/raw.sql"
printf '%s\n' "$local" >"$W/local.sql"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$W/export.md" \
  "$INDIE time list --from $FROM --to $TO --format json" \
  "sqlite3 -json -init $W/raw.sql $INDIE_DB .quit" \
  "sqlite3 -json -init $W/local.sql $INDIE_DB .quit" \
  "$INDIE time list --from $FROM --to $TO --format csv" \
  "sqlite3 -csv -header -init $W/raw.sql $INDIE_DB .quit"
md export

echo "== PDF of a 20-line invoice"
"$INDIE" -q client add pdfco --name "PDF Co" --country FR --address "1 rue de la Paix, 75002 Paris"
draft=$("$INDIE" -q invoice new pdfco --empty)
for i in $(seq 1 20); do "$INDIE" -q invoice line add "$draft" "Line $i: design and build" --qty "$i" --price 80; done
hyperfine -N --warmup 2 --runs 20 --export-markdown "$W/pdf.md" \
  "$INDIE invoice render $draft --to pdf -o $W/invoice.pdf"
md pdf

echo "== shared libraries initialised (LD_DEBUG=libs)"
libs() { LD_DEBUG=libs "$@" 2>&1 >/dev/null | grep -c 'calling init:' || true; }
echo "| command | libraries |"
echo "| --- | --- |"
echo "| timew --version | $(libs timew --version) |"
echo "| indie --version | $(libs "$INDIE" --version) |"
echo "| indie time status | $(libs "$INDIE" time status) |"
echo "| indie invoice render (PDF) | $(libs "$INDIE" invoice render "$draft" --to pdf -o "$W/invoice.pdf") |"

if command -v valgrind >/dev/null; then
  echo "== instructions (valgrind --tool=callgrind; the same for every run)"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : //p'; }
  echo "| command | instructions |"
  echo "| --- | --- |"
  for c in "timew --version" "$INDIE --version" "$INDIE help" "timew" "$INDIE time status" \
    "$INDIE time list --from $FROM --to $TO --format json" \
    "sqlite3 -json -init $W/raw.sql $INDIE_DB .quit" \
    "sqlite3 -json -init $W/local.sql $INDIE_DB .quit"; do
    # shellcheck disable=SC2086
    echo "| ${c//$INDIE/indie} | $(count $c) |"
  done
fi
