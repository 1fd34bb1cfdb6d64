# Twenty `indie invoice issue` processes started at once on twenty drafts get twenty
# consecutive numbers: no gap, no duplicate (BEGIN IMMEDIATE takes the write lock before the
# series is read).
. "$(dirname "$0")/lib.sh"

setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
for i in $(seq 1 20); do
  "$INDIE" invoice new acme --empty --service-date 2026-11-02 -q >/dev/null
  "$INDIE" invoice line add "$i" "Conseil $i" --qty 1 --price 100 -q
done
pids=()
for i in $(seq 1 20); do
  "$INDIE" invoice issue "$i" -q >"$T/issue.$i" 2>"$T/issue.$i.err" &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
check "all twenty processes succeeded" test "$failed" = 0
cat "$T"/issue.*.err >&2
numbers=$(cat "$T"/issue.[0-9]* | sort)
expected=$(for i in $(seq 1 20); do printf 'F2026-%04d\n' "$i"; done)
check "twenty consecutive numbers, no gap, no duplicate" test "$numbers" = "$expected"
check "the database agrees" test "$(sqlite3 "$DB" "SELECT count(DISTINCT number), min(seq), max(seq) FROM invoice WHERE state = 'issued'")" = "20|1|20"
finish
