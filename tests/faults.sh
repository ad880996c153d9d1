#!/bin/sh
# The fault matrix: for every fault a server or network can throw at a wall
# board, the board (in a real terminal) stays up, says what is wrong, keeps
# the last good data on screen marked stale, and shows fresh data again by
# itself once the fault clears. Prints the matrix: fault, survived,
# recovery time. The board polls every 0.5 s with retry_max = 1 s, so
# "within two intervals" means about a second. Runs for each provider
# (PROVIDER, see lib.sh); faults an API cannot have are skipped with why.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null || bail "tmux is not installed"

SECRET="faults-secret-$$"
export WALLBOARD_SIM_SECRET="$SECRET"
LOG="$TMP/board.log"
CONF="$TMP/wallboard.conf"
MATRIX="$TMP/matrix"
cat >"$CONF" <<C
interval = 0.5
timeout = 2
connect_timeout = 1
retry_max = 1
max_body = 4000000
C
chmod 600 "$CONF"
: >"$MATRIX"

# log_since LINE PATTERN: the log shows PATTERN after line LINE.
log_since() { tail -n +"$(($1 + 1))" "$LOG" | grep -q -- "$2"; }

# board_up URL: a board against URL, logging to $LOG afresh (once the
# last board has exited: its last lines are not the new board's).
board_up() {
	stop_board
	: >"$LOG"
	start_board 120 40 "$(board_cmd "$CONF" "$1") --log $LOG"
}

# recover NAME MARK: wait for fresh data after MARK; record the matrix row.
recover() {
	_t0=$(ms)
	if wait_for 10 log_since "$2" "fresh data$"; then
		_dt=$(($(ms) - _t0))
		ok "$1: fresh data again after $_dt ms"
		printf '%-28s %-9s %6s ms\n' "$1" survived "$_dt" >>"$MATRIX"
	else
		not_ok "$1: no fresh data within 10 s"
		printf '%-28s %-9s %6s\n' "$1" FAILED "-" >>"$MATRIX"
		tail -n 5 "$LOG" | sed 's/^/# /'
	fi
}

# recover_screen NAME PATTERN: wait until the screen no longer shows
# PATTERN (data that is valid but odd gives way to the usual data). Called
# once the screen has been seen showing it, so its going is a change.
recover_screen() {
	_t0=$(ms)
	if wait_for 10 screen_lacks "$2"; then
		_dt=$(($(ms) - _t0))
		ok "$1: the usual data again after $_dt ms"
		printf '%-28s %-9s %6s ms\n' "$1" survived "$_dt" >>"$MATRIX"
	else
		not_ok "$1: still showing it after 10 s"
		printf '%-28s %-9s %6s\n' "$1" FAILED "-" >>"$MATRIX"
	fi
}

# fault NAME CONTROL PATTERN [CLEAR]: inject, see it said, clear, recover.
fault() {
	_name=$1 _ctl=$2 _pat=$3 _clear=${4:-'{"reset": true}'}
	_mark=$(log_lines)
	sim_control "$_ctl" || not_ok "$_name: the simulator took the fault"
	if wait_for 10 log_since "$_mark" "$_pat"; then
		ok "$_name: the board says \"$_pat\""
	else
		not_ok "$_name: the board never said \"$_pat\""
		tail -n 5 "$LOG" | sed 's/^/# /'
	fi
	check "$_name: the board is still running" board_running
	check "$_name: the last data stays on screen" \
		screen_has "Waiting\|Queue"
	# Recovery counts from the fault's own line: a fault that clears
	# itself (401, 404) may be over before the clear is sent.
	_mark=$(grep -n -- "$_pat" "$LOG" | tail -n 1 | cut -d: -f1)
	sim_control "$_clear"
	recover "$_name" "${_mark:-$(log_lines)}"
}

# fault_body NAME FILE PATTERN: the data endpoint answers 200 with FILE.
fault_body() { fault "$1" "$(body_control "$2" -1)" "$3"; }

# only FEATURE NAME: skip the fault NAME unless the provider has FEATURE.
only() {
	provides "$1" && return 0
	skip "$2: $(lacks "$1")"
	return 1
}

start_sim --seed 11 --time-scale 20
provider_config "$CONF"
board_up "$SIM_URL"
check "the board's first data" wait_for 15 grep -q "fresh data$" "$LOG"
check "the first layout is on screen" wait_screen 5 "Queue"

for status in 500 502 503; do
	fault "HTTP $status" "{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": $status, \"count\": -1}}" \
		"server answered $status"
done
sim_control '{"fail": {"status": 503, "count": -1}}'
check "a fault is marked STALE on screen" wait_screen 10 STALE
sim_control '{"reset": true}'
# Gone again (it was seen just now) before the next fault.
wait_screen_gone 10 STALE
fault "stall past the timeout" '{"delay_ms": 3000, "delay_count": -1}' "no answer from the server"
fault "connection reset" '{"drop": -1}' "no answer from the server"
only login "401 mid-day" &&
	fault "401 mid-day" '{"expire_tokens": true}' "ended the login"
only subscription "404 mid-day" &&
	fault "404 mid-day" '{"drop_subscriptions": true}' "lost the subscription"
only tenant_cap "409 subscription limit" &&
	fault "409 subscription limit" '{"drop_subscriptions": true, "max_subscriptions": 0}' "subscription limit"
only wait204 "204 for a long time" &&
	fault "204 for a long time" "{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": 204, \"count\": -1}}" \
	"waiting for the first data"
fault "truncated body" '{"truncate": -1}' "malformed"
fault "malformed JSON" '{"malformed": -1}' "malformed"

echo '[1, 2, 3]' >"$TMP/array.json"
fault_body "array for the object" "$TMP/array.json" "malformed"
shape_body >"$TMP/shape.json"
fault_body "arrays, numbers, wrong keys" "$TMP/shape.json" "malformed"
head -c 4500000 /dev/zero | tr '\0' 'x' | sed 's/^/{"a": "/; s/$/"}/' >"$TMP/huge.json"
fault_body "enormous body (4.5 MB)" "$TMP/huge.json" "larger than max_body"

# 50,000 agents and a 1 MB name are valid data: shown, not refused.
if rows_body 50000 >"$TMP/rows.json"; then
	sim_control "$(body_control "$TMP/rows.json" -1)"
	keys 2
	check "50,000 rows: shown on the agent board" \
		wait_screen 10 "Agent [0-9]"
	check "50,000 rows: the board is still running" board_running
	sim_control '{"reset": true}'
	recover_screen "grid of 50,000 rows" "Agent [0-9]"
else
	skip "50,000 rows: the $PROVIDER board's rows are the config's objects"
fi

cell_body >"$TMP/cell.json"
sim_control "$(body_control "$TMP/cell.json" -1)"
keys 2
check "1 MB string in one cell: shown, cut to its column" \
	wait_screen 10 "Zoë MüZoë.*…"
check "1 MB string in one cell: the board is still running" board_running
sim_control '{"reset": true}'
recover_screen "1 MB string in one cell" "Zoë MüZoë"
keys 1

# The server restarts mid-day: new process, no tokens, no subscriptions.
PORT=$SIM_PORT
_mark=$(log_lines)
stop_sim
check "server down mid-day: the board says so" \
	wait_for 10 log_since "$_mark" "no answer from the server"
check "server down mid-day: the board is still running" board_running
start_sim --seed 12 --port "$PORT"
recover "server restarted mid-day" "$_mark"

# The server is down when the board starts.
stop_sim
board_up "http://127.0.0.1:$PORT"
check "server down at start: the board says so" \
	wait_for 10 grep -q "no answer from the server" "$LOG"
check "server down at start: the board is running" board_running
start_sim --seed 13 --port "$PORT"
recover "server down at start" 0

# OAuth tokens that expire every 3 s: renewed before they run out, so the
# server never has to answer 401 and the data never stops.
if ! provides login; then
	skip "short-lived tokens: $(lacks login)"
	diag "fault matrix ($PROVIDER; fault, survived, time to fresh data after the fault clears):"
	diag "$(cat "$MATRIX")"
	done_testing
	exit
fi
stop_sim
start_sim --seed 14 --token-ttl 3
board_up "$SIM_URL"
check "short-lived tokens: first data" wait_for 15 grep -q "fresh data$" "$LOG"
# Three tokens: the first renewed twice, 6 s or more of polling.
check "short-lived tokens: renewed before expiry (3 or more issued)" \
	wait_for 15 sim_count_ge tokens_issued 3
check "short-lived tokens: the server never had to answer 401" \
	sim_count_is 401 0
check "short-lived tokens: data still fresh" wait_screen 5 "data [0-2]s ago"

diag "fault matrix ($PROVIDER; fault, survived, time to fresh data after the fault clears):"
diag "$(cat "$MATRIX")"
diag "not in the matrix: DNS failure (a lookup would leave this machine; the"
diag "resolver error takes the same path as a refused connection)"
done_testing
