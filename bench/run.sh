#!/usr/bin/env bash
# Benchmarks for the foundation: `indie --version` and `indie client list` with 10,000 clients.
# usage: bench/run.sh [path/to/indie]   (needs hyperfine and python3: apt-get install hyperfine)
# Results go to stdout; copy the figures into bench/README.md.
set -euo pipefail
INDIE=$(realpath "${1:-build/indie}")
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/indie-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export INDIE_DB="$W/indie.db" INDIE_CONFIG="$W/config.toml"

"$INDIE" -q init --name Bench
python3 "$HERE/gen_clients.py" 10000 >"$W/clients.csv"
echo "import of 10,000 clients:"
/usr/bin/time -f "  %e s, %M KiB max RSS" "$INDIE" -q client import "$W/clients.csv"
echo "database size: $(du -k "$INDIE_DB" | cut -f1) KiB"

hyperfine -N --warmup 20 --runs 200 --export-markdown "$W/startup.md" \
  "$INDIE --version" "$INDIE help"
hyperfine -N --warmup 5 --runs 50 --export-markdown "$W/list.md" \
  "$INDIE client list" \
  "$INDIE client list --format csv" \
  "$INDIE client list --format json" \
  "$INDIE client show client-05000"
cat "$W/startup.md" "$W/list.md"
