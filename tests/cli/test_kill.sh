# kill -9 (issue 18, CI): an import killed at any point leaves the database as it was before
# or as it is after, never in between, and `indie doctor` finds it sound; the next command
# works at once (no stale lock). The kills land at fractions of a measured full import.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 80/h
N=100000
python3 - "$N" >"$T/entries.csv" <<'PY'
import sys, datetime
n = int(sys.argv[1])
t = datetime.datetime(2020, 1, 1, 8, 0, tzinfo=datetime.timezone.utc)
print("start,end,project,note,tags")
for i in range(n):
    s = t + datetime.timedelta(minutes=10 * i)
    e = s + datetime.timedelta(minutes=7)
    print(f"{s:%Y-%m-%dT%H:%M:%SZ},{e:%Y-%m-%dT%H:%M:%SZ},acme/web,task {i},")
PY
count() { sqlite3 "$DB" "SELECT count(*) FROM time_entry"; }
rm -f "$DB-wal" "$DB-shm"
cp "$DB" "$T/before.db"

# One whole import, to know how long it takes on this machine and build.
start=$(date +%s%N)
run time import "$T/entries.csv" --from indie
expect_rc 0 "a whole import"
full_ms=$((($(date +%s%N) - start) / 1000000))
check "all $N entries" test "$(count)" = "$N"

outcomes=""
landed=0    # kills that found the import still running (it died of SIGKILL, status 137)
rolled=0    # of those, the ones that left the database as before (killed before the commit)
for percent in 5 20 40 60 80 95; do
  rm -f "$DB" "$DB-wal" "$DB-shm"
  cp "$T/before.db" "$DB"
  "$INDIE" time import "$T/entries.csv" --from indie >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$full_ms" -v p="$percent" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?
  n=$(count)
  if [ "$status" = 137 ]; then
    landed=$((landed + 1))
    [ "$n" = 0 ] && rolled=$((rolled + 1))
  fi
  outcomes="$outcomes $percent%:$n"
  check "killed at $percent % of the import: $n entries, all or nothing" \
    test "$n" = 0 -o "$n" = "$N"
  run doctor
  expect_rc 0 "doctor finds the file sound after a kill at $percent %"
  run time add acme/web 2019-12-31 09:00-10:00 "after the kill"
  expect_rc 0 "the next write works at once after a kill at $percent %"
done
echo "import of $N entries: $full_ms ms; entries after each kill:$outcomes"
# A kill that lands after the import ended proves nothing: at least half of them must find it
# running, and at least one must stop it before its commit.
check "at least 3 of the 6 kills landed while the import ran ($landed)" test "$landed" -ge 3
check "at least one kill stopped the import before its commit ($rolled)" test "$rolled" -ge 1
finish
