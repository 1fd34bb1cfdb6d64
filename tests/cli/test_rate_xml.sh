# The ECB's rates in XML (issue 17.11, CHECKLIST §8.11): eurofxref-daily.xml and part of the
# history in eurofxref-hist.xml's layout (namespaced Cube elements, single-quoted attributes)
# store exactly what the CSV files of the same days store; malformed or hostile XML is refused
# with its line and column, and changes nothing.
. "$(dirname "$0")/lib.sh"
DATA="$INDIE_SOURCE/tests/data"
setup_business
newdb() { "$INDIE" --db "$1" init >/dev/null || fail "init $1"; }
newdb "$T/csv.db"
newdb "$T/hist-xml.db"
newdb "$T/hist-csv.db"
rates() { sqlite3 "$1" "SELECT base, quote, date, rate, source FROM rate ORDER BY quote, date"; }

# One day: tests/data/eurofxref-daily.xml holds the values of eurofxref.csv.
run rate import "$DATA/eurofxref-daily.xml"
expect_rc 0 "daily XML"; expect_out "1 days, 30 rates, 30 new"
INDIE_DB="$T/csv.db" "$INDIE" rate import "$DATA/eurofxref.csv" >/dev/null || fail "csv import"
check "the XML stores what the CSV stores" test "$(rates "$DB")" = "$(rates "$T/csv.db")"

# Six hundred days of the history (the newest 300 and the oldest 300, with their N/A cells and
# the currencies of 1999), written by Python as the ECB's CSV and in its XML layout. (The whole
# history takes 40 s under the sanitizers for no more proof.)
python3 - "$DATA/eurofxref-hist.csv" "$T/eurofxref-hist.csv" >"$T/eurofxref-hist.xml" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head, body = rows[0], rows[1:]
days = body[:300] + body[-300:]
with open(sys.argv[2], "w", newline="") as out:
    csv.writer(out, lineterminator="\n").writerows([head] + days)
print('<?xml version="1.0" encoding="UTF-8"?>')
print('<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
      'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">')
print('\t<gesmes:subject>Reference rates</gesmes:subject>')
print('\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>')
print('\t<Cube>')
for r in days:
    print(f"\t\t<Cube time='{r[0]}'>")
    for c, v in zip(head[1:], r[1:]):
        if c and v and v != 'N/A':
            print(f"\t\t\t<Cube currency='{c}' rate='{v}'/>")
    print('\t\t</Cube>')
print('\t</Cube>\n</gesmes:Envelope>')
PY
run --db "$T/hist-xml.db" rate import "$T/eurofxref-hist.xml"
expect_rc 0 "history XML"
INDIE_DB="$T/hist-csv.db" "$INDIE" rate import "$T/eurofxref-hist.csv" >"$T/csv-out" || fail "hist csv"
check "600 days" grep -q ": 600 days" <<<"$OUT"
check "same days and rates as the CSV" test "$OUT" = "$(sed 's/eurofxref-hist.csv/eurofxref-hist.xml/' "$T/csv-out")"
check "the history XML stores what the CSV stores" test "$(rates "$T/hist-xml.db" | md5sum)" = "$(rates "$T/hist-csv.db" | md5sum)"
run --db "$T/hist-xml.db" rate import "$T/eurofxref-hist.xml"
expect_out "0 new"

# Refused, naming the place, and nothing changed.
snapshot before
bad() { # DESCRIPTION EXPECTED_ERROR, XML on stdin
  cat >"$T/bad.xml"
  run rate import "$T/bad.xml"
  expect_rc 1 "$1"
  expect_err "$2"
  expect_unchanged_since before
}
printf "<gesmes:Envelope xmlns:gesmes='g' xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>\n<Cube><Cube time='2024-10-11'>\n<Cube currency='USD' rate='1.09'>\n</Cube></Cube></gesmes:Envelope>\n" |
  bad "not well formed" "bad.xml:5:1: not well-formed XML: Premature end of data in tag Envelope line 1"
printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<gesmes:Envelope xmlns:gesmes="g" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2024-10-11"><Cube currency="USD" rate="&lol2;"/></Cube></Cube></gesmes:Envelope>\n' |
  bad "a DTD with entities" "declares a DTD, which the ECB's files never do"
printf '<rates><rate currency="USD">1.09</rate></rates>\n' |
  bad "another XML" "bad.xml:1: not the ECB's reference-rate XML"
printf "<gesmes:Envelope xmlns:gesmes='g' xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>\n<Cube><Cube time='2024-10-11'>\n<Cube currency='USD' rate='1.09'/>\n<Cube currency='XYZ' rate='2'/>\n</Cube></Cube></gesmes:Envelope>\n" |
  bad "an unknown currency" "bad.xml:4: currency='XYZ'"
printf "<gesmes:Envelope xmlns:gesmes='g' xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>\n<Cube><Cube time='2024-10-11'>\n<Cube currency='USD' rate='-1'/>\n</Cube></Cube></gesmes:Envelope>\n" |
  bad "a negative rate" "bad.xml:3: USD: a rate must be more than 0"
printf "<gesmes:Envelope xmlns:gesmes='g' xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>\n<Cube><Cube time='2024-02-30'>\n<Cube currency='USD' rate='1.09'/>\n</Cube></Cube></gesmes:Envelope>\n" |
  bad "an impossible date" "bad.xml:3: time='2024-02-30' is not a date"

# Without its module, indie says so and points to the CSV files; other commands still work.
mkdir -p "$T/lone" && cp "$INDIE" "$T/lone/indie"
"$T/lone/indie" rate import "$DATA/eurofxref-daily.xml" >"$T/out" 2>"$T/err"
RC=$? ERR=$(cat "$T/err")
expect_rc 1 "no XML module"
expect_err "Reading XML needs indie's module indie-xml.so, which is missing"
expect_err "import the ECB's CSV files"
"$T/lone/indie" rate import "$DATA/eurofxref.csv" >/dev/null 2>&1
RC=$?
expect_rc 0 "CSV without the module"
finish
