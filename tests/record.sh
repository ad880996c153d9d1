#!/bin/sh
# record.sh - record and replay, for any source (PROVIDER; run by
# src/providers/<name>/tests/record.test): a --once session against
# wallboard-sim recorded with --record (every exchange, no secret in it),
# the recording played back by wallboard --replay and served by
# wallboard-sim --replay, both through the source's real client, printing
# the board the live session printed; a hand edit that shows; faster
# playback; recordings that are truncated, corrupt or of another version
# refused with the file and the reason; and a board in a terminal that
# goes stale where its recording ends.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null || bail "tmux is not installed"

MARK=@REDACTED@
PASSWORD="pw-$$-$(date +%s)-Sekret"
SECRET="sec-$$-$(date +%s)-ApiKey"
API_KEY=demo-api-key	# the key the profiles give (and the simulator takes)
export WALLBOARD_SIM_PASSWORD="$PASSWORD" WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"
: >"$CONF"
chmod 600 "$CONF"

# lacks_secrets DIR: no file of DIR holds a secret of the session: the
# password, the client secret or API token, the API key, or a token the
# simulator issued (64 hex digits: its OAuth tokens and session ids).
lacks_secrets() {
	! grep -rqF -- "$PASSWORD" "$1" && ! grep -rqF -- "$SECRET" "$1" &&
		! grep -rqF -- "$API_KEY" "$1" && ! grep -rqE '[0-9A-Fa-f]{64}' "$1"
}

# pairs DIR: how many exchanges DIR holds; fails unless each request has
# its response.
pairs() {
	_q=$(find "$1" -name '*.request' | wc -l)
	_r=$(find "$1" -name '*.response' | wc -l)
	[ "$_q" -eq "$_r" ] && echo "$_q"
}

# modes DIR: the directory is 0700, every file in it 0600.
modes() {
	[ "$(stat -c %a "$1")" = 700 ] &&
		[ -z "$(find "$1" -type f ! -perm 600)" ]
}

# polls_ge N: the simulator has answered N requests on the data path
# (a path, or for some sources the prefix of one per subscription).
polls_ge() {
	_n=$(sim_state | grep -o "\"$DATA_PATH[^\"]*\": *[0-9]*" |
		sed 's/.*: *//' | awk '{ s += $1 } END { print s + 0 }') &&
		[ "$_n" -ge "$1" ]
}

# same_board A B: two --once outputs show the same panels and values.
same_board() {
	[ -s "$1" ] && cmp -s "$1" "$2" || {
		diff "$1" "$2" | head -n 20 | sed 's/^/# /'
		return 1
	}
}

# --- a live session, recorded ------------------------------------------------
start_sim --seed 11
provider_config "$CONF"
REC="$TMP/rec"
env WALLBOARD_PASSWORD="$PASSWORD" $(creds_env "$SECRET") "$WALLBOARD" \
	-c "$CONF" $CREDS_ARGS --url "$SIM_URL" --once --record "$REC" \
	>"$TMP/live.out" 2>"$TMP/live.err"
rc=$?
cat "$TMP/live.out" "$TMP/live.err" >>"$ALL"
check "--record: the live --once exits 0" test $rc -eq 0
check "--record: the live board has data" grep -q '^-- ' "$TMP/live.out"
check "the recording has its manifest" \
	sh -c "head -n 1 '$REC/recording' | grep -qx 'wallboard-recording 1'"
check "the manifest names the source" \
	grep -qx "source $PROVIDER" "$REC/recording"
check "the manifest names the base URL" grep -qx "url $SIM_URL" "$REC/recording"
n=$(pairs "$REC")
check "every request has its response ($n exchanges)" test "${n:-0}" -ge 2
check "the data path was recorded" \
	sh -c "grep -qh '^GET $DATA_PATH' '$REC'/*.request"
check "the directory is 0700, its files 0600" modes "$REC"
check "no secret in the recording (password, secret, key, token)" \
	lacks_secrets "$REC"
check "the marker stands where a secret was" grep -rqF -- "$MARK" "$REC"
check "no secret on the output of the recording run" lacks_secrets "$ALL"

wb -c "$CONF" --record "$REC" --once --url "$SIM_URL"
rc=$?
check "--record refuses a directory that is not empty" \
	sh -c "test $rc -eq 2 && grep -q 'rec: exists and is not empty' '$ERR'"
wb -c "$CONF" --record "$CONF" --once --url "$SIM_URL"
rc=$?
check "--record refuses a file" \
	sh -c "test $rc -eq 2 && grep -q 'exists and is not a directory' '$ERR'"

# --- wallboard --replay -------------------------------------------------------
stop_sim
wb -c "$CONF" --replay "$REC" --once
rc=$?
check "--replay --once exits 0 with no server and no credentials" test $rc -eq 0
check "--replay --once prints the board the live session printed" \
	same_board "$TMP/live.out" "$OUT"

# A hand edit: a word of the data, changed in every answer (a longer
# word: nothing counts lengths), shows on the board.
word=$(grep -oE '[A-Z][a-z]{4,}' "$TMP/live.out" | sort -u | while read -r w; do
	grep -lq -- "$w" "$REC"/*.response 2>/dev/null && ! grep -q -- "$w" \
		"$LAYOUTS/$PROVIDER"/*.layout && { echo "$w"; break; }; done)
EDIT="$TMP/edited"
cp -r "$REC" "$EDIT"
sed -i "s/$word/Zyxwvutsrqp/g" "$EDIT"/*.response
wb -c "$CONF" --replay "$EDIT" --once
check "a hand-edited recording plays (\"$word\" made longer)" \
	sh -c "test -n '$word' && grep -q Zyxwvutsrqp '$OUT' &&
	       ! grep -q '$word' '$OUT'"

wb -c "$CONF" --replay "$REC" --once --replay-speed 8
rc=$?
check "--replay-speed 8 prints the same board" \
	sh -c "test $rc -eq 0 && cmp -s '$TMP/live.out' '$OUT'"

# --- refused recordings -------------------------------------------------------
# spoiled NAME: a copy of the recording to spoil, $TMP/NAME.
spoiled() { cp -r "$REC" "$TMP/$1" && echo "$TMP/$1"; }
# refused DIR WANT: --replay DIR exits 2 with WANT (a grep pattern) on
# stderr, before anything reaches stdout.
refused() {
	wb -c "$CONF" --replay "$1" --once
	_rc=$?
	[ $_rc -eq 2 ] && grep -q -- "$2" "$ERR" && [ ! -s "$OUT" ]
}

first=$(cd "$REC" && ls ./*.response | head -n 1 | sed 's|^\./||')
d=$(spoiled trunc) && rm "$d/$first"
check "a truncated recording is refused: exit 2, the file, truncated" \
	refused "$d" "trunc/${first%.response}.request: no ${first}.*truncated"
d=$(spoiled corrupt) && sed -i '1s/.*/HTTP? what/' "$d/$first"
check "a corrupt recording is refused: exit 2, the file, line 1" \
	refused "$d" "corrupt/$first: line 1: .*not a status"
d=$(spoiled v2) && sed -i '1s/.*/wallboard-recording 2/' "$d/recording"
check "a recording of version 2 is refused: exit 2, the manifest, the version" \
	refused "$d" "v2/recording: line 1: a recording of version 2"
d=$(spoiled other) && sed -i 's/^source .*/source nosuchvendor/' "$d/recording"
check "a recording of an unknown source is refused: the manifest's line" \
	refused "$d" 'other/recording: line 2: unknown source "nosuchvendor"'

"$WALLBOARD_SIM" --replay "$TMP/trunc" >"$OUT" 2>"$ERR"
rc=$?
check "wallboard-sim refuses a truncated recording too (exit 2, the file)" \
	sh -c "test $rc -eq 2 && grep -q 'trunc/${first%.response}.request: no' '$ERR'"

# --- wallboard-sim --replay: the real client over real HTTP ------------------
start_sim --replay "$REC"
wb_as "$SECRET" -c "$CONF" --once --url "$SIM_URL"
check "wallboard-sim --replay: the live client's --once exits 0" test $? -eq 0
check "wallboard-sim --replay: it prints the board the live session printed" \
	same_board "$TMP/live.out" "$OUT"
check "wallboard-sim --replay: /sim/state still counts the requests" \
	polls_ge 1
stop_sim

start_sim --replay "$REC" --replay-speed 4
wb_as "$SECRET" -c "$CONF" --once --url "$SIM_URL" --interval 0.5
check "wallboard-sim --replay-speed 4, polled 4 times as often: the same board" \
	same_board "$TMP/live.out" "$OUT"
stop_sim

# --- a board in a terminal: its data, then stale where the recording ends ----
start_sim --seed 12
: >"$CONF"
provider_config "$CONF"
TREC="$TMP/trec"
start_board 120 40 "$(board_cmd "$CONF" "$SIM_URL") --interval 1 --record $TREC"
check "recording a board in a terminal: data arrives" \
	wait_screen 10 "data [0-9]*s ago"
wait_for 20 polls_ge 5 || diag "fewer than 5 polls in 20 s"
stop_board
check "the terminal session's recording has no secret" lacks_secrets "$TREC"
stop_sim
# Its length: the last request's time.
length=$(sed -n 's/^At: //p' "$TREC"/*.request | sort -n | tail -n 1)

start_board 120 40 "$WALLBOARD -c $CONF --replay $TREC --interval 1"
check "replay in a terminal: the board shows the recorded data" \
	wait_screen 10 "data [0-9]*s ago"
check "... live, while the recording lasts" screen_has "live"
check "at its end the data goes stale: the recording ends here" \
	wait_screen 30 "the recording ends here"
check "... the last data marked STALE with its age" \
	wait_screen 10 "STALE: data is [0-9]*s old"
check "... and the board keeps running" board_running

t0=$(ms)
start_board 120 40 "$WALLBOARD -c $CONF --replay $TREC --interval 1 --replay-speed 8"
check "--replay-speed 8 in a terminal: data, then the end" \
	wait_screen 20 "the recording ends here"
took=$(($(ms) - t0))
check "--replay-speed 8: the end of ${length}s in under half of it (${took} ms)" \
	awk -v l="$length" -v t="$took" 'BEGIN { exit !(l >= 3 && t < l * 500) }'

cp -r "$TREC" "$TMP/ttrunc"
rm "$(ls "$TMP/ttrunc"/*.response | tail -n 1)"
start_board 120 40 "$WALLBOARD -c $CONF --replay $TMP/ttrunc; echo rc=\$?"
check "in a terminal, a truncated recording: the reason, exit 2" \
	wait_screen 10 "rc=2"
check "... the file named, the terminal left alone (no board drawn)" \
	sh -c "tmux -S '$TMUX_SOCKET' capture-pane -p -t wb |
	       grep -q 'ttrunc/.*truncated' &&
	       ! tmux -S '$TMUX_SOCKET' capture-pane -p -t wb | grep -q '? help'"

check "no secret in any output of this suite" lacks_secrets "$ALL"

done_testing
