# Output formats: the same field names in table, CSV (RFC 4180), TSV and JSON.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name 'ACME, "quoted"' --country FR --address "line 1" --address "line 2"
run client add globex --name "Globex" --country DE

run client list --format json
expect_rc 0
json_keys=$(printf '%s' "$OUT" | jq -r '.[0] | keys_unsorted | join(",")')
run client list --format csv
csv_header=$(printf '%s' "$OUT" | head -1 | tr -d '\r')
check "CSV header = JSON field names" test "$json_keys" = "$csv_header"
check "CSV records end with CRLF (RFC 4180)" test "$(printf '%s' "$OUT" | head -1 | od -c | grep -c '\\r')" = 1
# Python's csv module is an independent RFC 4180 reader.
names=$(printf '%s' "$OUT" | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(r[0]["name"]+"|"+r[0]["address"].replace("\n","/"))')
check "CSV quoting round-trips through another reader" test "$names" = 'ACME, "quoted"|line 1/line 2'
run client list --format tsv
tsv_header=$(printf '%s' "$OUT" | head -1 | tr '\t' ',')
check "TSV header = JSON field names" test "$json_keys" = "$tsv_header"
check "TSV escapes the newline inside a field" test "$(printf '%s\n' "$OUT" | wc -l)" = 3
check "TSV lines all have the same number of fields" test "$(printf '%s\n' "$OUT" | awk -F'\t' '{print NF}' | sort -u | wc -l)" = 1
run client list
check "table header uses the same names" test "$(printf '%s' "$OUT" | head -1 | awk '{print $1}')" = handle
check "one table line per client, even with a multi-line address" test "$(printf '%s\n' "$OUT" | wc -l)" = 3
# Alignment counts columns on screen, not bytes: accents take one, CJK two. The email column
# (the last) starts at the same screen column on every line, and trailing blanks are trimmed.
run client add cafe --name "Éloïse Café" --country FR --email e@cafe.fr
run client add tokyo --name "東京商事" --country JP --email t@tokyo.jp
run client list
starts=$(printf '%s\n' "$OUT" | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in sys.stdin.read().splitlines()[1:]:
    print(w(line[:line.rindex("  ") + 2]) if "@" in line else "-")' | sort -u | tr '\n' ' ')
check "columns align by display width (got: $starts)" test "$starts" = "- $(printf '%s\n' "$OUT" | head -1 | python3 -c 'import sys; l=sys.stdin.read(); print(l.index("email"))') "
check "no trailing blanks in the table" test "$(printf '%s\n' "$OUT" | grep -c ' $')" = 0
check "payment terms right-aligned" test "$(printf '%s\n' "$OUT" | awk 'NR==1 {i=index($0,"payment_terms")+12} /^(acme|globex) / {print substr($0,i,1)}' | sort -u)" = 0
run client rm cafe
run client rm tokyo
# TSV escapes a tab and a backslash inside a field instead of breaking the row.
run client edit globex --notes "$(printf 'a\tb\\c')"
run client list --format tsv
check "TSV escapes tab and backslash" test "$(printf '%s\n' "$OUT" | grep globex | awk -F'\t' '{print NF": "$15}')" = '20: a\tb\\c'
run client show acme
expect_out "line 1"
run client list --format table --quiet
expect_rc 0
# Global options work before or after the command.
run --format json client list
check "--format before the command" test "$(printf '%s' "$OUT" | jq length)" = 2
# An empty list is valid JSON and a header-only CSV.
run --db "$T/empty.db" init
run --db "$T/empty.db" client list --format json
expect_out_is "[]"
run --db "$T/empty.db" client list --format csv
check "empty CSV has its header" test "$(printf '%s' "$OUT" | tr -d '\r')" = "$csv_header"
run --db "$T/empty.db" client list
expect_err "No clients yet"
finish
