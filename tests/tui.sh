#!/bin/sh
# The board in a real terminal (tmux): every shipped layout renders, keys
# switch layouts, help, resize, kiosk refuses q, and faults of the server
# show on screen as what they are while the last data stays up and the
# board recovers by itself. Runs for each source (PROVIDER; run by
# src/providers/<name>/tests/tui.test); what does not depend on the
# source (colour schemes, locales) is tests/screen.test.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null || bail "tmux is not installed"

SECRET="tui-secret-$$"
export WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"
echo "interval = 0.5" >"$CONF"
chmod 600 "$CONF"
N=$NLAYOUTS
next() { echo $(($1 % N + 1)); }
prev() { echo $((($1 + N - 2) % N + 1)); }

# --- the demo board ---------------------------------------------------------
start_board 120 40 "$WALLBOARD --demo --provider $PROVIDER --interval 0.5"
check "demo: the first layout's title bar" \
	wait_screen 10 "$FIRST_TITLE.*\[1/$N\]"
check "demo: data arrives (no waiting line)" wait_screen 10 "data [0-9]*s ago"
check "demo: the status line offers help" screen_has "? help"
keys 2
check "key 2 shows the agent board" wait_screen 5 "\[2/$N\]"
check "the agent board lists agent states" \
	wait_screen 5 "Ready\|Busy\|Not Ready"
k=$(next 2)
keys Tab
check "Tab shows the next layout" wait_screen 5 "\[$k/$N\]"
k=$(next "$k")
keys n
check "n shows the next layout" wait_screen 5 "\[$k/$N\]"
k=$(prev "$k")
keys p
check "p shows the previous layout" wait_screen 5 "\[$k/$N\]"
keys '?'
check "? opens the help" wait_screen 5 "Help"
keys x
check "any key closes the help" wait_screen_gone 5 "this help"
tmux_cmd resize-window -t wb -x 80 -y 24
check "80x24: title bar still drawn" wait_screen 5 "\[$k/$N\]"
check "80x24: status line still drawn" wait_screen 5 "? help"
tmux_cmd resize-window -t wb -x 200 -y 60
check "200x60: title bar still drawn" wait_screen 5 "\[$k/$N\]"
screen >"$TMP/big.txt"
check "200x60: the screen fills the new size" \
	test "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$TMP/big.txt")" -gt 150
keys q
check "q quits" wait_for 5 board_exited

# --- kiosk --------------------------------------------------------------------
start_board 100 30 "$WALLBOARD --demo --kiosk --interval 0.5 --rotate 60 --provider $PROVIDER"
check "kiosk: board up" wait_screen 10 "\[1/$N\]"
keys q
check "kiosk: q is refused with a notice" wait_screen 5 "disabled in kiosk"
check "kiosk: still running after q" board_running
signal_board TERM
check "kiosk: SIGTERM ends it" wait_for 5 board_exited

# --- a one-line ticker scrolls ------------------------------------------------
if provides chat; then
cat >"$TMP/ticker.layout" <<'L'
title = "Ticker"
row { panel "now" { type = totals column "w" { stat = "in_calls_waiting" title = "Waiting" } } }
row { panel "chat" { type = ticker limit = 10 } }
L
start_board 60 8 "$WALLBOARD --demo --interval 1 -l $TMP/ticker.layout"
check "one-line ticker: messages shown" wait_screen 10 " • "
check "one-line ticker: it scrolls" \
	wait_for 5 screen_line_is_not 6 "$(screen_line 6)"
keys q
fi

# --- against wallboard-sim: every shipped layout, faults, recovery ----------
start_sim --seed 3
provider_config "$CONF"
BOARD="$(board_cmd "$CONF" "$SIM_URL")"
start_board 120 40 "$BOARD"
check "sim: first data" wait_screen 10 "data [0-9]*s ago"
for k in $(seq 1 "$N"); do
	keys $k
	check "sim: layout $k renders" wait_screen 5 "\[$k/$N\]"
	check "sim: layout $k has data, not 'waiting'" \
		wait_screen_gone 5 "waiting for data"
done
keys 1

sim_control "{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": 503, \"count\": 1000}}"
check "503: the status line says so" wait_screen 10 "server answered 503"
check "503: the last data is marked STALE" wait_screen 10 "STALE"
check "503: the last data stays up" screen_has "Waiting\|Service"
sim_control '{"reset": true}'
check "503 cleared: fresh data again" wait_screen_gone 10 "STALE"

if provides login; then
	sim_control '{"expire_tokens": true}'
	check "401: recovers with a new login" \
		wait_for 10 sim_count_ge tokens_issued 2
	check "401: data flows again" wait_screen 10 "data [0-2]s ago"
else
	skip "401: $(lacks login)"
fi

if provides subscription; then
	sim_control '{"drop_subscriptions": true}'
	check "404: subscribes again" \
		wait_for 10 sim_count_ge subscriptions_created 2
	check "404: data flows again" wait_screen 10 "data [0-2]s ago"
else
	skip "404: $(lacks subscription)"
fi

sim_control '{"malformed": 3}'
check "malformed: the board says so" wait_screen 10 "malformed"
# Three malformed answers in a row back off 1, 2 and 4 s before data.
check "malformed: recovers" wait_screen 20 "data [0-2]s ago"

# A server that takes 4 s for every answer, until reset: once the data
# is marked STALE the board is waiting on it, and it must still draw (the
# clock in the title bar moves on).
sim_control '{"delay_ms": 4000, "delay_count": -1}'
check "stall: the board marks the data STALE while it waits" \
	wait_screen 10 "STALE"
check "stall: the clock keeps ticking (no freeze)" \
	wait_for 3 screen_line_is_not 1 "$(screen_line 1)"
sim_control '{"reset": true}'

# Kiosk mode, data going stale: a banner readable from across the room.
start_board 120 40 "$BOARD --kiosk"
check "kiosk stale: first data" wait_screen 10 "data [0-9]*s ago"
sim_control "{\"fail\": {\"path\": \"$DATA_PATH\", \"status\": 503, \"count\": -1}}"
check "kiosk stale: the STALE banner" wait_screen 10 "data is [0-9]*s old"
check "kiosk stale: in big letters" screen_has "█▀▀ ▀█▀\|███"
sim_control '{"reset": true}'
check "kiosk stale: the banner goes when data is fresh" \
	wait_screen_gone 10 "data is [0-9]*s old"
signal_board TERM
if provides subscription; then
	check "SIGTERM: the subscription is released" \
		wait_for 6 sim_count_is subscriptions_active 0
else
	check "SIGTERM: the board exits" wait_for 6 board_exited
fi

done_testing
