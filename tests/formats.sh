#!/bin/sh
# formats.sh - the machine-readable outputs of --once against wallboard-sim:
# --format json (valid for jq, versioned, typed values with levels, the
# names of every queue round-tripped, CJK and accents included, with or
# without --ascii; a document that says why when no data came), --format
# csv (tables Python's csv module reads, names kept, a formula-looking
# name made safe, CRLF), --format nagios (each exit status 0, 1, 2 and 3
# from a case, one line, performance data in the plugin's syntax), and
# --format where it does not apply. Run by tests/formats.test for the
# default source.
. "$top_srcdir/tests/lib.sh"
command -v jq >/dev/null || bail "jq is not installed"
command -v python3 >/dev/null || bail "python3 is not installed"

# jqt FILTER FILE: the filter holds of the document.
jqt() { jq -e "$@" >/dev/null; }

SECRET="formats-secret-$$"
export WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"
echo "interval = 0.5" >"$CONF"
chmod 600 "$CONF"
provider_config "$CONF"
L="$TMP/formats.layout"
cat >"$L" <<'EOF'
title = "Formats"
row {
  panel "now" {
    type = totals
    title = "Now"
    column "waiting" { stat = "in_calls_waiting" title = "All waiting" warn = 500 crit = 900 }
    column "handled" { stat = "in_calls_handled_per_day" title = "Handled" }
  }
  panel "queues" {
    type = service_grid
    title = "Queues"
    column "name" { stat = "name" title = "Queue" }
    column "waiting" { stat = "in_calls_waiting" title = "Waiting" warn = 15 crit = 25 }
    column "longest" { stat = "in_max_wait_time" title = "Longest" }
    column "sl" { stat = "service_level" title = "SL" }
  }
  panel "agents" {
    type = agent_grid
    title = "Agents"
    column "agent" { stat = "first_last_name" title = "Agent" }
    column "state" { stat = "acd_state" title = "State" }
  }
}
EOF

start_sim --seed 7
U="--url $SIM_URL"
curl -sS -f "$SIM_URL/sim/objects?what=queues" | sort >"$TMP/queues"
check "the simulator has CJK and accented queue names" \
	sh -c "grep -q '販売 窓口' '$TMP/queues' && grep -q 'für' '$TMP/queues'"

# --- JSON --------------------------------------------------------------------
J="$TMP/out.json"
wb_as "$SECRET" --once --format json -l "$L" $U
check "json: exit 0" test $? -eq 0
cp "$OUT" "$J"
check "json: one valid document" jqt 'type == "object"' "$J"
check "json: format_version 1" jqt '.format_version == 1' "$J"
check "json: the data's time in UTC" \
	jqt '.data_time | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")' "$J"
check "json: the source's state" \
	jqt '.source.state == "live" and .provider == "'"$PROVIDER"'"' "$J"
check "json: layout, panels and columns" jqt '.layouts[0].title == "Formats" and
	([.layouts[0].panels[].id] == ["now", "queues", "agents"]) and
	(.layouts[0].panels[1].columns[1] | .id == "waiting" and .title == "Waiting" and
	 .statistic == "in_calls_waiting" and .format == "count" and .unit == "count" and
	 .warn == 15 and .crit == 25 and .bad == "high")' "$J"
jq -r '.layouts[0].panels[] | select(.id == "queues") | .rows[].key' "$J" | sort >"$TMP/json.queues"
check "json: every queue's name round-trips (CJK and accents too)" \
	cmp -s "$TMP/queues" "$TMP/json.queues"
check "json: the names are the cells' text too" \
	jqt '[.layouts[0].panels[1].rows[] |
	.key == .values.name.value and .key == .values.name.text] | all' "$J"
check "json: counts are numbers" \
	jqt '[.layouts[0].panels[1].rows[].values.waiting.value |
	type == "number"] | all' "$J"
check "json: durations are numbers of seconds beside their text" \
	jqt '[.layouts[0].panels[1].rows[].values.longest |
	(.value | type == "number") and (.text | test("^[0-9]+:[0-9]{2}$"))] | all' "$J"
check "json: levels are ok, warn, crit or null" \
	jqt '[.. | objects | select(has("level")) | .level |
	. == null or . == "ok" or . == "warn" or . == "crit"] | all' "$J"
check "json: no value is null, shown as -" \
	jqt '[.. | objects | select(has("value") and .value == null and (has("unavailable") | not)) |
	.text == "-"] | (length > 0 and all)' "$J"
check "json: agent states are the core's words beside their text" \
	jqt '[.layouts[0].panels[2].rows[].values.state |
	(.value | IN("ready", "busy", "after_call_work", "not_ready", "logged_out", null)) and (.text | length > 0)] | all' "$J"
check "json: the totals by column id" \
	jqt '.layouts[0].panels[0].values.waiting.value | type == "number"' "$J"

force_voice() {
	sim_control "{\"force\": {\"service\": \"Voice Inbound\", \"waiting\": $1}}"
}
force_voice 30
wb_as "$SECRET" --once --format json -l "$L" $U
check "json: a forced queue is at its critical level" \
	jqt '.layouts[0].panels[1].rows[] |
	select(.key == "Voice Inbound") | .values.waiting | .value == 30 and .level == "crit"' "$OUT"

wb_as "$SECRET" --once --format json --ascii -l "$L" $U
check "json --ascii: nothing but ASCII" \
	sh -c "! LC_ALL=C grep -q '[^ -~]' '$OUT'"
jq -r '.layouts[0].panels[] | select(.id == "queues") | .rows[].key' "$OUT" | sort >"$TMP/ascii.queues"
check "json --ascii: the names still round-trip" \
	cmp -s "$TMP/queues" "$TMP/ascii.queues"

# --- CSV ---------------------------------------------------------------------
sim_control '{"rename": {"service": "Email Svc", "name": "=1+2"}}'
sim_control '{"rename": {"service": "Chat Service", "name": "Chat, \"live\""}}'
wb_as "$SECRET" --once --format csv -l "$L" $U
check "csv: exit 0" test $? -eq 0
cp "$OUT" "$TMP/out.csv"
check "csv: lines end in CRLF" \
	sh -c "test \"\$(grep -c \"\$(printf '\\r')\$\" '$TMP/out.csv')\" -eq \"\$(wc -l <'$TMP/out.csv')\""
cat >"$TMP/readcsv.py" <<'EOF'
# Read the tables (an empty line between them) and check them.
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
tables, cur = [], []
for r in rows:
    if r == []:
        tables.append(cur)
        cur = []
    else:
        cur.append(r)
tables.append(cur)
want = sorted(l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8"))
want = ["=1+2" if w == "Email Svc" else 'Chat, "live"' if w == "Chat Service" else w
        for w in want]
tot, queues, agents = tables[0], tables[1], tables[2]
assert len(tables) == 3, len(tables)
assert tot[0] == ["layout", "panel", "column", "statistic", "value", "text",
                  "unit", "level"], tot[0]
assert [r[2] for r in tot[1:]] == ["All waiting", "Handled"], tot
assert tot[1][4].isdigit() and tot[1][7] == "ok", tot[1]
assert queues[0] == ["layout", "panel", "Queue", "Waiting", "Longest", "SL"], queues[0]
names = [r[2] for r in queues[1:]]
got = sorted("=1+2" if n == "'=1+2" else n for n in names)
assert got == sorted(want), (got, want)
assert "'=1+2" in names, names              # the formula made safe
assert "=1+2" not in names, names
voice = [r for r in queues[1:] if r[2] == "Voice Inbound"][0]
assert voice[3] == "30", voice
assert all(len(r) == 6 for r in queues), queues
assert agents[0][2:] == ["Agent", "State"], agents[0]
EOF
check "csv: Python's csv module reads it: three tables, names kept, formula made safe" \
	python3 "$TMP/readcsv.py" "$TMP/out.csv" "$TMP/queues"
check "csv: the formula-looking name is quoted with its apostrophe" \
	grep -q "\"'=1+2\"" "$TMP/out.csv"
check "csv: a name with a comma and quotes is quoted" \
	grep -qF '"Chat, ""live"""' "$TMP/out.csv"
wb_as "$SECRET" --once --format json -l "$L" $U
check "json: the same names as data, unchanged" \
	jqt '[.layouts[0].panels[1].rows[].key] |
	index("=1+2") != null and index("Chat, \"live\"") != null' "$OUT"
sim_control '{"reset": true}'

# --- Nagios ------------------------------------------------------------------
# perf FILE: the performance data after "|" is label=value[UOM];warn;crit;min;max
# throughout (labels quoted when they hold a blank, quotes doubled).
cat >"$TMP/perf.py" <<'EOF'
import re, sys
line = open(sys.argv[1], encoding="utf-8").read()
assert line.count("\n") == 1 and line.endswith("\n"), "one line"
text, _, perf = line.rstrip("\n").partition(" | ")
assert "|" not in text and perf, line
item = re.compile(r"('(?:[^']|'')+'|[^' =]+)=(-?[0-9.]+(?:s|%)?|U)((?:;[0-9.:-]*){0,4}) ?")
pos, n = 0, 0
while pos < len(perf):
    m = item.match(perf, pos)
    assert m, "bad performance data at: " + perf[pos:pos + 60]
    pos, n = m.end(), n + 1
EOF
wb_as "$SECRET" --once --format nagios -l "$L" $U
rc=$?
check "nagios OK: exit 0" test $rc -eq 0
check "nagios OK: the status line" \
	grep -q "^WALLBOARD OK - [0-9]* values within their levels |" "$OUT"
check "nagios OK: performance data in the plugin's syntax" \
	python3 "$TMP/perf.py" "$OUT"
check "nagios: a grid's value labelled panel.row.column, quoted" \
	grep -qF "'queues.Voice Inbound.waiting'=" "$OUT"
check "nagios: a total with its thresholds and minimum" \
	grep -q " now.waiting=[0-9]*;500;900;0" "$OUT"

force_voice 20
wb_as "$SECRET" --once --format nagios -l "$L" $U
rc=$?
check "nagios WARNING: exit 1" test $rc -eq 1
check "nagios WARNING: names the value" \
	grep -q "^WALLBOARD WARNING - 1 warning: Queues: Voice Inbound: Waiting 20 (warn 15) |" "$OUT"

force_voice 30
wb_as "$SECRET" --once --format nagios -l "$L" $U
rc=$?
check "nagios CRITICAL: exit 2" test $rc -eq 2
check "nagios CRITICAL: names the value" \
	grep -q "^WALLBOARD CRITICAL - 1 critical: Queues: Voice Inbound: Waiting 30 (crit 25) |" "$OUT"
check "nagios CRITICAL: its performance data" \
	grep -qF "'queues.Voice Inbound.waiting'=30;15;25;0" "$OUT"
check "nagios CRITICAL: performance data in the plugin's syntax" \
	python3 "$TMP/perf.py" "$OUT"
sim_control '{"reset": true}'

wb_as "wrong-$SECRET" --once --format nagios -l "$L" $U
rc=$?
check "nagios UNKNOWN: a login refused exits 3" test $rc -eq 3
check "nagios UNKNOWN: says why on stdout" \
	grep -q "^WALLBOARD UNKNOWN - no data: .*refused" "$OUT"
check "nagios UNKNOWN: the wrong secret is not echoed" \
	sh -c "! grep -q 'wrong-' '$OUT' '$ERR'"
printf 'title = "Bad"\nrow { panel "p" { type = totals column "c" { stat = "nope" } } }\n' >"$TMP/bad.layout"
wb_as "$SECRET" --once --format nagios -l "$TMP/bad.layout" $U
rc=$?
check "nagios UNKNOWN: a bad layout exits 3" test $rc -eq 3
check "nagios UNKNOWN: names the file, line and statistic" \
	grep -q "^WALLBOARD UNKNOWN - .*bad.layout:2: unknown statistic \"nope\"" "$OUT"
wb_as "$SECRET" --once --format nagios --no-such-option $U
check "nagios UNKNOWN: a bad option exits 3" test $? -eq 3

# --- where --format does not apply --------------------------------------------
wb_as "$SECRET" --format json -l "$L" $U
rc=$?
check "--format json without --once: exit 2" test $rc -eq 2
check "--format json without --once: says it needs --once" \
	grep -q "needs --once" "$ERR"
wb_as "$SECRET" --probe --format csv -l "$L" $U
rc=$?
check "--format with --probe: exit 2, said" \
	sh -c "test $rc -eq 2 && grep -q 'probe prints its own report' '$ERR'"
wb_as "$SECRET" --format nagios -l "$L" $U
rc=$?
check "--format nagios without --once: UNKNOWN (3)" \
	sh -c "test $rc -eq 3 && grep -q '^WALLBOARD UNKNOWN - .*needs --once' '$OUT'"

# --- no server ---------------------------------------------------------------
stop_sim
wb_as "$SECRET" --once --format nagios -l "$L" $U
rc=$?
check "nagios UNKNOWN: no server exits 3" test $rc -eq 3
check "nagios UNKNOWN: no server, said" \
	grep -q "^WALLBOARD UNKNOWN - no data: .*no answer" "$OUT"
wb_as "$SECRET" --once --format json -l "$L" $U
rc=$?
check "json, no server: exit 1" test $rc -eq 1
check "json, no server: a document that says why" \
	jqt '.format_version == 1 and .layouts == null and .data_time == null and (.source.message | length > 0)' "$OUT"
wb_as "$SECRET" --once --format csv -l "$L" $U
rc=$?
check "csv, no server: exit 1, nothing on stdout" \
	sh -c "test $rc -eq 1 && test ! -s '$OUT'"

check "the secret never appears in any output" \
	sh -c "! grep -q -- '$SECRET' '$ALL'"

done_testing
