#!/bin/sh
# abuse.sh - a server that misbehaves on purpose, for any source (PROVIDER;
# run by src/providers/<name>/tests/abuse.test): the same wrong answer
# again and again must not make the board storm the server or flood its
# log; a stalled side request must hold up neither the poll nor the
# release; every way out gives back what the server holds; a token that
# could add headers is refused; a server's error that quotes the request
# never shows a secret. Prints the "hostile server" rows of the fault
# matrix.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null || bail "tmux is not installed"
command -v jq >/dev/null || bail "jq is not installed"

SECRET="abuse-secret-$$-Zq8"
export WALLBOARD_SIM_SECRET="$SECRET"
LOG="$TMP/board.log"
CONF="$TMP/wallboard.conf"
MATRIX="$TMP/matrix"
INTERVAL=0.5
cat >"$CONF" <<C
interval = $INTERVAL
timeout = 2
connect_timeout = 1
retry_max = 4
C
chmod 600 "$CONF"
: >"$MATRIX"

# row CLASS RESULT FIGURE: a row of the printed matrix.
row() { printf '%-36s %-9s %s\n' "$1" "$2" "$3" >>"$MATRIX"; }

# api_requests: the requests the simulator has answered on its API
# (everything but /sim/).
api_requests() {
	sim_state | jq '[.requests | to_entries[] |
		select(.key | startswith("/sim/") | not) | .value] | add // 0'
}

# fail_with PATH STATUS FILE: every request of PATH answered STATUS with the
# body FILE (until reset).
fail_with() {
	sim_control "$(jq -n --arg p "$1" --argjson s "$2" --rawfile b "$3" \
		'{fail: {path: $p, status: $s, count: -1, body: $b}}')"
}

# log_since LINE PATTERN: the log shows PATTERN after line LINE.
log_since() { tail -n +"$(($1 + 1))" "$LOG" | grep -q -- "$2"; }

# board_up [OPTIONS]: a board against the simulator, logging to $LOG afresh
# (a new file: the board makes it).
board_up() {
	stop_board
	rm -f "$LOG"
	start_board 120 40 "$(board_cmd "$CONF" "$SIM_URL") --log $LOG $*"
}

# clear: end the fault; CLEARED is the log's length just before, so that
# fresh data logged at once (a retry due that very moment) is not missed.
clear() {
	CLEARED=$(log_lines)
	sim_control '{"reset": true}'
}

# fresh: after clear, fresh data comes again.
fresh() { wait_for 20 log_since "$CLEARED" "fresh data$"; }

# up: a new board (the last one is stopped), and its first data.
up() {
	board_up "$@"
	wait_for 15 log_since 0 "fresh data$"
}

# observe SECONDS: let the board run against the fault. The window is the
# measure itself (requests per window), not a stand-in for a condition.
observe() { sleep "$1"; }

# storm NAME CONTROL PATTERN [restart]: the same wrong answer to every poll
# for 6 s. The board says it once (logs it once) and backs off: the server
# sees at most one request per interval, and far fewer once the backoff
# grows. With "restart", a new board is started once it clears (a refused
# login is retried once a minute: waiting for that is not this test's).
storm() {
	_name=$1 _ctl=$2 _pat=$3 _restart=${4:-}
	_mark=$(log_lines)
	_before=$(api_requests)
	sim_control "$_ctl"
	check "$_name: the board says \"$_pat\"" \
		wait_for 10 log_since "$_mark" "$_pat"
	_at=$(api_requests)
	_lines=$(log_lines)
	observe 6
	_n=$(($(api_requests) - _at))
	# 6 s at one request an interval would be 12; the backoff (1, 2, 4 s)
	# leaves a handful.
	check "$_name: at most one request an interval ($_n in 6 s)" \
		test "$_n" -le 12
	check "$_name: the backoff grows ($_n requests in 6 s, at most 6)" \
		test "$_n" -le 6
	check "$_name: logged once, not once a poll" \
		test "$(($(log_lines) - _lines))" -le 1
	check "$_name: the board still runs" board_running
	row "storm: $_name" "$([ "$_n" -le 6 ] && echo held || echo FAILED)" \
		"$_n requests in 6 s (before the fault: $((_at - _before)))"
	clear
	# A new board has a new log: up() looks from its start.
	if [ -n "$_restart" ]; then
		check "$_name: fresh data once it clears" up
	else
		check "$_name: fresh data once it clears" fresh
	fi
}

start_sim --seed 5 --time-scale 20
provider_config "$CONF"
board_up
check "the board's first data" wait_for 15 grep -q "fresh data$" "$LOG"

# --- the same wrong answer again and again -----------------------------------
for status in 500 503 404; do
	storm "HTTP $status on every poll" \
		"{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": $status, \"count\": -1}}" \
		"$status"
done
storm "malformed body on every poll" '{"malformed": -1}' "malformed"
if provides login; then
	storm "401 on every request" '{"fail": {"status": 401, "count": -1}, "expire_tokens": true}' \
		"401" restart
else
	storm "401 on every request" '{"fail": {"status": 401, "count": -1}}' "401" restart
fi
if provides tenant_cap; then
	storm "409 on every subscribe" \
		'{"drop_subscriptions": true, "max_subscriptions": 0}' "subscription limit" restart
fi

# --- Retry-After --------------------------------------------------------------
_mark=$(log_lines)
sim_control "{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": 429, \"count\": -1, \"retry_after\": 3}}"
check "429: the board says so" wait_for 10 log_since "$_mark" "429"
_at=$(api_requests)
observe 5
_n=$(($(api_requests) - _at))
check "429 with Retry-After: 3: it waits as asked ($_n requests in 5 s)" \
	test "$_n" -le 2
row "429 Retry-After: 3" \
	"$([ "$_n" -le 2 ] && echo held || echo FAILED)" "$_n requests in 5 s"
clear
check "429: fresh data once it clears" fresh

# --- headers ------------------------------------------------------------------
_mark=$(log_lines)
sim_control '{"big_header": 300000}'
check "a 300 kB header: the board says the answer could not be read" \
	wait_for 10 log_since "$_mark" "could not be read"
check "a 300 kB header: the board still runs" board_running
clear
check "a 300 kB header: fresh data once it clears" fresh
row "300 kB header" \
	"$(board_running && echo held || echo FAILED)" "said, recovered"

sim_control '{"cookie_flood": 40}'
check "cookie flood: 400 new cookies set" \
	wait_for 20 sim_count_ge cookies_set 400
_most=$(sim_count cookies_most)
check "cookie flood: the board's cookie store stays bounded ($_most at most in a request)" \
	test "$_most" -le 110
sim_control '{"reset": true}'
check "cookie flood: the data stayed fresh" wait_screen 10 "data [0-2]s ago"
row "cookie flood (40 a answer)" \
	"$([ "$_most" -le 110 ] && echo held || echo FAILED)" \
	"at most $_most cookies sent back"

# --- a token that would add headers -------------------------------------------
if [ -n "$TOKEN_PATH" ]; then
	_mark=$(log_lines)
	printf '{"access_token": "abc\\r\\nX-Injected: yes", "token_type": "bearer", "expires_in": 3600}' \
		>"$TMP/token.json"
	fail_with "$TOKEN_PATH" 200 "$TMP/token.json"
	sim_control '{"expire_tokens": true}'
	check "CR LF in a token: refused" \
		wait_for 10 log_since "$_mark" "token holds characters"
	check "CR LF in a token: no request carried the injected header" \
		sim_count_is injected 0
	row "CR LF in an OAuth token" \
		"$(sim_count_is injected 0 && echo held || echo FAILED)" \
		"$(sim_count injected) requests injected"
	sim_control '{"reset": true}'
	# A refused token is a refused login, retried once a minute.
	check "CR LF in a token: a new board gets data" up
else
	skip "CR LF in a token: $(lacks login)"
fi

# --- a server error that quotes the request -----------------------------------
ECHO_PATH=${TOKEN_PATH:-$DATA_PATH}
ECHO_STATUS=401
[ -n "$TOKEN_PATH" ] || ECHO_STATUS=403
ECHO="grant_type=client_credentials&client_id=supervisor&client_secret=$SECRET&scope=t Authorization: Basic $SECRET token=$SECRET"
jq -n --arg e "$ECHO" '{error: "invalid_client", error_description: $e, message: $e}' \
	>"$TMP/echo.json"
_mark=$(log_lines)
fail_with "$ECHO_PATH" "$ECHO_STATUS" "$TMP/echo.json"
sim_control '{"expire_tokens": true}'
check "an error quoting the request: the board says it was refused" \
	wait_for 10 log_since "$_mark" "$ECHO_STATUS"
check "an error quoting the request: not on screen" screen_lacks "$SECRET"
check "an error quoting the request: not in the log" \
	sh -c "! grep -qF -- '$SECRET' '$LOG'"
wb_as "$SECRET" --once --url "$SIM_URL" --log "$TMP/once.log"
check "an error quoting the request: --once fails" test $? -ne 0
check "an error quoting the request: not in --once's message" \
	sh -c "! grep -qF -- '$SECRET' '$ERR'"
check "an error quoting the request: not in --once's log" \
	sh -c "! grep -qF -- '$SECRET' '$TMP/once.log'"
check "the log files are their owner's alone (0600)" \
	test "$(stat -c %a "$LOG")" = 600 -a "$(stat -c %a "$TMP/once.log")" = 600
row "error body quoting the secret" \
	"$(grep -qF -- "$SECRET" "$LOG" "$ERR" && echo FAILED || echo held)" "scrubbed"
sim_control '{"reset": true}'
check "after the quoting error: a new board gets data" up

# --- a stalled side request ---------------------------------------------------
if [ -n "$PROBE_PATH" ]; then
	sim_control "{\"delay_path\": \"$PROBE_PATH\", \"delay_ms\": 60000, \"delay_count\": -1}"
	_polls=$(sim_count "$DATA_PATH")
	check "a stalled probe: the polls go on" \
		wait_for 10 sim_count_ge "$DATA_PATH" $((_polls + 4))
	check "a stalled probe: the data stays fresh" \
		wait_screen 10 "data [0-2]s ago"
	_t0=$(ms)
	stop_board
	check "a stalled probe: the release still reaches the server" \
		wait_for 5 sim_count_is subscriptions_active 0
	row "stalled probe" \
		"$(sim_count_is subscriptions_active 0 && echo held || echo FAILED)" \
		"released $(($(ms) - _t0)) ms after SIGTERM"
	sim_control '{"reset": true}'
	check "after the stalled probe: a new board has fresh data" up
else
	skip "a stalled probe: the $PROVIDER source asks nothing beside the poll"
fi

# --- every way out gives back what the server holds ---------------------------
if provides subscription; then
	check "before quitting: subscribed" \
		wait_for 10 sim_count_is subscriptions_active 1
	signal_board QUIT
	check "Ctrl-\\ (SIGQUIT): the board exits" wait_for 8 board_exited
	check "Ctrl-\\ (SIGQUIT): the subscription is released" \
		wait_for 8 sim_count_is subscriptions_active 0
	row "SIGQUIT" \
		"$(sim_count_is subscriptions_active 0 && echo held || echo FAILED)" "released"

	# Quit while the subscribe is on its way (answered within the timeout):
	# what it makes is deleted.
	sim_control "{\"delay_path\": \"$SUBSCRIBE_PATH\", \"delay_ms\": 1500, \"delay_count\": 1}"
	_subs=$(sim_count subscriptions_created)
	_asked=$(sim_count "$SUBSCRIBE_PATH")
	board_up
	check "a subscribe on its way: it reached the server" \
		wait_for 10 sim_count_ge "$SUBSCRIBE_PATH" $((_asked + 1))
	signal_board TERM
	check "quit while subscribing: the subscription made is deleted" \
		wait_for 10 sh -c "curl -s '$SIM_URL/sim/state' | jq -e '.subscriptions_created > $_subs and .subscriptions_active == 0' >/dev/null"
	row "quit while subscribing" \
		"$(sim_count_is subscriptions_active 0 && echo held || echo FAILED)" "released"
	sim_control '{"reset": true}'
else
	skip "SIGQUIT releases: $(lacks subscription)"
	skip "quit while subscribing: $(lacks subscription)"
fi

if provides login && provides subscription; then
	board_up
	check "the login to end: subscribed" \
		wait_for 10 sim_count_is subscriptions_active 1
	# The login ends and new ones fail: the board waits without a token.
	_mark=$(log_lines)
	sim_control "{\"expire_tokens\": true, \"fail\": {\"path\": \"$TOKEN_PATH\", \"status\": 503, \"count\": -1}}"
	check "a login ended and refused: the board says so" \
		wait_for 10 log_since "$_mark" "503"
	sim_control '{"reset": true}'
	signal_board TERM
	check "SIGTERM without a login: it logs in again and releases" \
		wait_for 8 sim_count_is subscriptions_active 0
	row "SIGTERM after a 401" \
		"$(sim_count_is subscriptions_active 0 && echo held || echo FAILED)" "released"
else
	skip "SIGTERM without a login: $(lacks login)"
fi

# --- the kiosk's keyboard -----------------------------------------------------
board_up --kiosk
check "kiosk: up" wait_for 15 log_since 0 "fresh data$"
keys C-c
keys C-'\'
keys q
check "kiosk: keys still read after Ctrl-C and Ctrl-\\ (q refused)" \
	wait_screen 5 "disabled in kiosk"
check "kiosk: Ctrl-C and Ctrl-\\ do not end it" board_running
row "kiosk Ctrl-C, Ctrl-\\" \
	"$(board_running && echo held || echo FAILED)" "still running"
stop_board

diag "hostile server ($PROVIDER; class, result, figure):"
diag "$(cat "$MATRIX")"
done_testing
