#!/bin/sh
# vocabulary.sh - a server that speaks otherwise than the board guessed,
# for any source (PROVIDER; run by src/providers/<name>/tests/
# vocabulary.test). wallboard-sim is told to send agent states in another
# platform's words, words nobody knows, hostile words, and shares on
# another scale; the board must sort and show the states it recognises,
# keep and report the ones it does not, take the user's state_map, and
# say (never silently fix) a share out of its assumed scale.
. "$top_srcdir/tests/lib.sh"

if ! provides state_words; then
	skip "$(lacks 'agent states sent as words')"
	done_testing
	exit 0
fi

SECRET="sec-$$-$(date +%s)-ApiKey"
export WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"
LOG="$TMP/board.log"
AGENTS="$LAYOUTS/$PROVIDER/agents.layout"

start_sim --seed 7
: >"$CONF"
chmod 600 "$CONF"
provider_config "$CONF"
U="--url $SIM_URL"

# board_states: the state column of the agent board of --once ($OUT), as
# ranks (0 ready ... 4 logged out, 9 the word Pausa), one per row.
board_states() {
	awk '/^-- Agent board --/ { on = 1; getline; next }
	     /^(--|==) / { on = 0 }
	     on {
		r = -1
		if (/Not Ready/) r = 3
		else if (/After Call Work/) r = 2
		else if (/Logged Out/) r = 4
		else if (/Ready/) r = 0
		else if (/Busy/) r = 1
		else if (/Pausa/) r = 9
		if (r >= 0) print r
	     }' "$OUT"
}

# sorted_by_state: the ranks never go down (ready, busy, after call work,
# not ready, logged out, then words nobody knows), and there are some.
sorted_by_state() {
	board_states >"$TMP/ranks"
	[ -s "$TMP/ranks" ] && sort -n -c "$TMP/ranks"
}

# once: --once on the agent board, logging to $LOG afresh.
once() {
	rm -f "$LOG"
	wb_as "$SECRET" --once $U -l "$AGENTS" --log "$LOG" "$@"
}

# --- another platform's spelling of every state ---------------------------
sim_control '{"reset": true, "state_words": {"ready": "Available",
	"busy": "On Call", "after_call_work": "Wrap-Up",
	"not_ready": "On Break", "logged_out": "Logged Off"}}' ||
	bail "the simulator took no state_words"
once
check "synonyms: --once exits 0" test $? -eq 0
check "synonyms: the agents are shown in the board's words" \
	grep -q "Ready\|Busy" "$OUT"
check "synonyms: the server's spellings are not shown as they came" \
	sh -c "! grep -q 'Available\|On Call\|On Break' '$OUT'"
check "synonyms: the grid is ordered ready, busy, wrap-up, not ready" \
	sorted_by_state
check "synonyms: no word is reported unknown" \
	sh -c "! grep -q 'unknown state word' '$LOG'"

# --- a word nobody knows -------------------------------------------------
sim_control '{"reset": true, "state_words": {"busy": "Pausa"}}'
once
check "unknown: --once exits 0" test $? -eq 0
check "unknown: the word is shown as the server sent it" grep -q "Pausa" "$OUT"
check "unknown: it sorts after every known state" sorted_by_state
check "unknown: --log reports it, with the column and the map to write" \
	grep -q 'column "state": unknown state word "Pausa".*state_map = {"Pausa=not_ready"}' "$LOG"
check "unknown: reported once" \
	test "$(grep -c 'unknown state word' "$LOG")" -eq 1

# The config maps it.
cp "$CONF" "$TMP/mapped.conf"
echo 'state_map = {"pausa=busy"}' >>"$TMP/mapped.conf"
CONF="$TMP/mapped.conf" once
check "config state_map: --once exits 0" test $? -eq 0
check "config state_map: the word is shown as its state" grep -q "Busy" "$OUT"
check "config state_map: the word is no longer shown as it came" \
	sh -c "! grep -q 'Pausa' '$OUT'"
check "config state_map: nothing is reported" \
	sh -c "! grep -q 'unknown state word' '$LOG'"

# A layout maps it.
sed 's/^title *=.*/&\nstate_map = { "PAUSA = Busy" }/' "$AGENTS" >"$TMP/agents.layout"
rm -f "$LOG"
wb_as "$SECRET" --once $U -l "$TMP/agents.layout" --log "$LOG"
check "layout state_map: --once exits 0" test $? -eq 0
check "layout state_map: the word is shown as its state" \
	sh -c "grep -q 'Busy' '$OUT' && ! grep -q 'Pausa' '$OUT'"
check "layout state_map: ordered by state" sorted_by_state

# A bad map is an error that names the file, the line and the entry.
echo 'state_map = {"Pausa=lunchtime"}' >>"$TMP/bad.conf"
chmod 600 "$TMP/bad.conf"
wb -c "$TMP/bad.conf" --check
rc=$?
check "a bad config state_map: exit 2, file, line and entry named" \
	sh -c "test $rc -eq 2 && grep -q 'bad.conf:1:.*\"lunchtime\" is no state' '$ERR'"

# --- a hostile word ------------------------------------------------------
sim_control '{"reset": true, "state_words": {"busy": "\u001b[1mEvil\u0007"}}'
once
check "hostile: --once exits 0" test $? -eq 0
check "hostile: the word is shown without its control characters" \
	grep -q "Evil" "$OUT"
check "hostile: no escape reaches the output" \
	sh -c "! grep -q \"$(printf '\033')\" '$OUT' '$ERR'"
check "hostile: reported in --log, sanitised" \
	sh -c "grep -q 'unknown state word.*Evil' '$LOG' && ! grep -q \"$(printf '\033\\|\007')\" '$LOG'"

# --- a share on another scale -------------------------------------------
if provides fraction_shares; then
	sim_control '{"reset": true, "share_scale": 100}'
	rm -f "$LOG"
	wb_as "$SECRET" --once $U -l "$LAYOUTS/$PROVIDER/$SHARE_LAYOUT" --log "$LOG"
	check "percent for a 0-1 share: --once exits 0" test $? -eq 0
	check "percent for a 0-1 share: --log says so, with the scale to write" \
		grep -q "where a share of 0 to 1 was assumed.*write scale = 1 in that column" "$LOG"
	check "percent for a 0-1 share: the column is named with its file and line" \
		grep -q "$SHARE_LAYOUT:[0-9]*), panel \"[^\"]*\", column \"[^\"]*\": values up to" "$LOG"
else
	skip "$(lacks 'statistics the catalogue takes as 0-1')"
fi

check "the API secret never appears in any output" \
	sh -c "! grep -q -- '$SECRET' '$ALL'"
done_testing
