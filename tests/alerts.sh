#!/bin/sh
# alerts.sh - breach alerts in a real terminal (tmux) against wallboard-sim:
# a queue driven over its critical level (the simulator's "force") rings
# the terminal's bell (BELs counted on the pane's output) and flashes its
# panel, after the debounce and not before; the bell repeats, the
# acknowledge key silences it (in kiosk mode too) and a new alert rings
# again; a flapping value rings once; the alert hook gets the alert in
# its environment, with nothing else of the board's and no argument,
# never through a shell (a queue called "$(touch pwned); -rf"); a hook
# that hangs is killed while the board keeps drawing; start, clear and
# acknowledge are logged. Run by tests/alerts.test for the default source.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null || bail "tmux is not installed"

# A shell would run a hostile name where the board runs: here.
cd "$TMP" || bail "no scratch directory"
SECRET="alerts-secret-$$"
export WALLBOARD_SIM_SECRET="$SECRET"
ESC=$(printf '\033')
PANE="$TMP/pane.raw"
LOG="$TMP/board.log"
HOOKS="$TMP/hook"
HOSTILE='$(touch pwned); -rf'
mkdir -p "$HOOKS"

# The queues grid on top (its border is screen line 2), the totals below.
cat >"$TMP/alerts.layout" <<'L'
title = "Alerts"
row {
  height = 3
  panel "queues" {
    type = service_grid
    title = "Queues"
    column "name" { stat = "name" title = "Queue" width = 24 }
    column "waiting" { stat = "in_calls_waiting" title = "Waiting" width = 8
                       warn = 15 crit = 25 alert = bell }
  }
}
row {
  panel "now" {
    type = totals
    title = "Now"
    column "waiting" { stat = "in_calls_waiting" title = "All waiting" }
  }
}
L

# The hook: its arguments and its environment as it was started (read
# from /proc, not from the shell it is), one pair of files a run; with
# $TMP/hang it hangs.
cat >"$TMP/hook.sh" <<H
#!/bin/sh
f="$HOOKS/run.\$\$"
{ echo "argc=\$#"; for a in "\$@"; do echo "arg=\$a"; done; } >"\$f.argv"
tr '\\000' '\\n' </proc/\$\$/environ >"\$f.tmp" && mv "\$f.tmp" "\$f.env"
echo "\$WALLBOARD_ALERT_EVENT \$WALLBOARD_ALERT_ROW" >>"$HOOKS/events"
if [ -e "$TMP/hang" ]; then echo \$\$ >"$TMP/hang.pid"; exec sleep 300; fi
echo "hook ran"
H
chmod 700 "$TMP/hook.sh"

# conf FILE REPEAT CLEAR [DEBOUNCE [GAP]]: a config for the board's alerts
# and the hook.
conf() {
	cat >"$1" <<C
interval = 0.5
alert_debounce = ${4:-3}
alert_clear = $3
alert_repeat = $2
on_alert = "$TMP/hook.sh"
on_alert_timeout = 2
on_alert_gap = ${5:-0.5}
C
	chmod 600 "$1"
	provider_config "$1"
}

# board ARGS...: a board on the simulator with the alerts layout, its
# output piped into $PANE (where its BELs are counted).
board() {
	_board="$(board_cmd "$CONF" "$SIM_URL") -l $TMP/alerts.layout"
	start_board 100 30 "$_board --log $LOG $*"
	: >"$PANE"
	tmux_cmd pipe-pane -o -t wb "cat >>$PANE"
}

# bells: BELs the board has written since it started.
bells() { tr -cd '\007' <"$PANE" | wc -c; }
bells_ge() { [ "$(bells)" -ge "$1" ]; }

# force NAME N: the simulator shows N calls waiting in queue NAME.
force() {
	sim_control "{\"force\": {\"service\": \"$1\", \"waiting\": $2}}"
}

# The queues panel's border (screen line 2) drawn inverted, or not; the
# value 30 of a row drawn inverted.
SGR7="$ESC\[([0-9]+;)*7(;[0-9]+)*m"
border_inverted() {
	tmux_cmd capture-pane -e -p -t wb | sed -n 2p | grep -Eq "$SGR7"
}
border_plain() { ! border_inverted; }
value_inverted() {
	tmux_cmd capture-pane -e -p -t wb |
		grep -Eq "$SGR7($ESC\[[0-9;]*m)* *30!!"
}

# flips SECONDS: how often the border turned in that time (sampled).
flips() {
	_end=$(($(ms) + $1 * 1000)) _n=0 _last=
	while [ "$(ms)" -lt "$_end" ]; do
		border_inverted && _now=1 || _now=0
		[ -n "$_last" ] && [ "$_now" != "$_last" ] && _n=$((_n + 1))
		_last=$_now
		sleep 0.1
	done
	echo "$_n"
}

# runs EVENT ROW: the hook's runs (their .env files) for that event and row.
runs() {
	grep -lx "WALLBOARD_ALERT_EVENT=$1" "$HOOKS"/run.*.env 2>/dev/null |
		xargs -r grep -lxF "WALLBOARD_ALERT_ROW=$2"
}
has_run() { [ -n "$(runs "$1" "$2")" ]; }
nruns() { runs "$1" "$2" | wc -l; }
# env_of EVENT ROW, argv_of EVENT ROW: the first such run's environment
# and arguments.
env_of() { cat "$(runs "$1" "$2" | head -n 1)"; }
argv_of() { cat "$(runs "$1" "$2" | head -n 1 | sed 's/\.env$/.argv/')"; }
# no_args EVENT ROW: that run was given no argument.
no_args() { argv_of "$1" "$2" | grep -qx 'argc=0'; }

start_sim --seed 3
CONF="$TMP/wallboard.conf"

# --- the bell and the flash, the hook, acknowledge --------------------------
conf "$CONF" 2 3
board
check "the board shows the queues" wait_screen 10 "Voice Inbound"
check "data arrives" wait_screen 10 "data [0-9]*s ago"
check "no bell while nothing breaches" test "$(bells)" -eq 0
check "no alert in the status line" screen_lacks "ALERT"
check "the queues panel's border is screen line 2" \
	sh -c "tmux -S '$TMUX_SOCKET' capture-pane -p -t wb | sed -n 2p |
	 grep -q Queues"

force "Voice Inbound" 30
check "forced: the board shows 30 waiting at its critical level" \
	wait_screen 10 "Voice Inbound *30!!"
t1=$(ms)
check "before the debounce: no bell" test "$(bells)" -eq 0
check "before the debounce: no alert in the status line" screen_lacks "ALERT"
check "before the debounce: the panel does not flash" test "$(flips 1)" -eq 0
check "before the debounce: its border is plain" border_plain
check "after the debounce: the bell rings" wait_for 10 bells_ge 1
t2=$(ms)
check "the bell waited for the debounce (3 s; $((t2 - t1)) ms after \
the value showed)" test $((t2 - t1)) -ge 2000
check "one ring for one alert" test "$(bells)" -eq 1
check "the status line: one alert, where" \
	screen_has "1 ALERT.*Queues: Voice Inbound: Waiting 30"
check "the panel's border flashes (inverted)" wait_for 5 border_inverted
check "the panel's border flashes (plain again)" wait_for 5 border_plain
check "the value flashes (inverted)" wait_for 5 value_inverted
n=$(flips 4)
check "the flash is calm: $n turns in 4 s (at most one a second)" \
	test "$n" -ge 2 -a "$n" -le 5

check "the hook ran for the start" wait_for 5 has_run start "Voice Inbound"
env_of start "Voice Inbound" >"$TMP/start.env"
for v in EVENT=start "LAYOUT=Alerts" "PANEL=Queues" PANEL_ID=queues \
	COLUMN=Waiting COLUMN_ID=waiting STAT=in_calls_waiting \
	"ROW=Voice Inbound" VALUE=30 TEXT=30 LEVEL=crit THRESHOLD=25 \
	DURATION=0; do
	check "hook: WALLBOARD_ALERT_$v" \
		grep -qxF "WALLBOARD_ALERT_$v" "$TMP/start.env"
done
check "hook: STARTED is a time in UTC" grep -Eqx \
	'WALLBOARD_ALERT_STARTED=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z' \
	"$TMP/start.env"
check "hook: PATH is passed" grep -q '^PATH=' "$TMP/start.env"
check "hook: nothing else of the board's environment" \
	sh -c "! grep -vE '^(WALLBOARD_ALERT_[A-Z_]+|PATH|HOME|LANG)=' \
		'$TMP/start.env'"
check "hook: no secret of the board" sh -c "! grep -rqF '$SECRET' '$HOOKS'"
check "hook: no argument" no_args start "Voice Inbound"
check "hook: its output goes to the log" \
	wait_for 5 grep -q "on_alert\[[0-9]*\]: hook ran" "$LOG"

check "the bell repeats while the alert stands (alert_repeat 2 s)" \
	wait_for 6 bells_ge 2
keys a
check "acknowledge: the board says so" wait_screen 5 "1 alert acknowledged"
check "acknowledge: the status line says the bell is silenced" \
	wait_screen 5 "(silenced)"
c=$(bells)
force "Chat Service" 30
check "a new alert after the acknowledge" wait_screen 10 "2 ALERTS"
check "the new alert rings" wait_for 5 bells_ge $((c + 1))
check "and only it: the acknowledged one stayed silent" \
	test "$(bells)" -eq $((c + 1))

sim_control '{"reset": true}'
check "values back: the alerts clear after the clear time" \
	wait_screen_gone 15 "ALERT"
check "the hook ran for the clear" wait_for 5 has_run clear "Voice Inbound"
env_of clear "Voice Inbound" >"$TMP/clear.env"
check "hook clear: how long it stood" \
	grep -qx "WALLBOARD_ALERT_DURATION=[1-9][0-9]*" "$TMP/clear.env"
check "hook clear: the level it cleared from" \
	grep -qx "WALLBOARD_ALERT_LEVEL=crit" "$TMP/clear.env"
check "log: the alert's start" \
	grep -q "alert: Alerts: Queues: Voice Inbound: Waiting 30 (crit 25)" \
		"$LOG"
check "log: the acknowledge" \
	grep -q "alert acknowledged: Alerts: Queues: Voice Inbound" "$LOG"
check "log: the clear" \
	grep -q "alert cleared: Alerts: Queues: Voice Inbound" "$LOG"

# --- kiosk: acknowledge allowed; a flapping value; a hostile name; a hang ----
sim_control "{\"rename\": {\"service\": \"Nice Inbound\",
	\"name\": \"$HOSTILE\"}}"
conf "$CONF" 600 5
board --kiosk
check "kiosk: the renamed queue shows" wait_screen 10 "touch pwned); -rf"
keys a
check "kiosk: the acknowledge key is allowed" \
	wait_screen 5 "no alert to acknowledge"
check "kiosk: not refused" screen_lacks "disabled in kiosk"

force "$HOSTILE" 30
check "hostile name: its alert rings" wait_for 10 bells_ge 1
b1=$(bells)
# The value leaves its level and comes back, each seen on screen, faster
# than the clear time (5 s): one alert throughout.
flapped=0
for i in 1 2 3 4 5; do
	force "$HOSTILE" 0
	wait_screen 5 "pwned); -rf *0 *│" || break
	force "$HOSTILE" 30
	wait_screen 5 "pwned); -rf *30!!" || break
	flapped=$i
done
check "flapping: the value went back and forth 5 times" test "$flapped" -eq 5
check "flapping: still one alert" screen_has "1 ALERT"
check "flapping: it rang once" test "$(bells)" -eq "$b1"
check "flapping: the hook started once" test "$(nruns start "$HOSTILE")" -eq 1
check "flapping: and never cleared" test "$(nruns clear "$HOSTILE")" -eq 0
check "hostile name: the hook got it verbatim as data" \
	grep -qxF "WALLBOARD_ALERT_ROW=$HOSTILE" "$(runs start "$HOSTILE")"
check "hostile name: as no argument" no_args start "$HOSTILE"
check "hostile name: no shell ran it (nothing touched)" \
	test ! -e "$TMP/pwned" -a ! -e "$HOOKS/pwned" -a \
		! -e "$top_builddir/pwned"

touch "$TMP/hang"
force "Support für Kunden" 30
check "hang: the hook hangs" wait_for 10 test -s "$TMP/hang.pid"
hpid=$(cat "$TMP/hang.pid")
check "hang: its process runs" kill -0 "$hpid"
check "hang: the board keeps drawing (the clock moves)" \
	wait_for 3 screen_line_is_not 1 "$(screen_line 1)"
keys a
check "hang: the board still takes keys" wait_screen 5 "alerts acknowledged"
# The timeout is 2 s; gone means killed and reaped (a zombie answers kill -0).
check "hang: killed and reaped after the timeout" \
	wait_for 8 sh -c "! kill -0 $hpid 2>/dev/null"
check "hang: the log says so" \
	grep -q "on_alert\[$hpid\]: killed after 2 s" "$LOG"
check "hang: the board still runs" board_running
rm -f "$TMP/hang"

signal_board TERM
check "SIGTERM: the board exits" wait_for 6 board_exited

# --- no debounce, no hysteresis: the hook's own limits ----------------------
# Each flap now starts and clears an alert; the program still runs once at
# a time and once a gap (3 s) for it, hearing start and clear in turn.
sim_control '{"reset": true}'
conf "$CONF" 0 0 0 3
board
check "no debounce: the board shows the queues" \
	wait_screen 10 "Best Chat Service"
t0=$(ms)
flapped=0
for i in 1 2 3 4 5 6 7 8; do
	force "Best Chat Service" 30
	wait_screen 5 "Best Chat Service *30!!" || break
	force "Best Chat Service" 0
	wait_screen 5 "Best Chat Service *0 *│" || break
	flapped=$i
done
secs=$((($(ms) - t0 + 999) / 1000))
check "no debounce: the value went back and forth 8 times" test "$flapped" -eq 8
check "no debounce: each time an alert (the log has 8 starts)" \
	test "$(grep -c 'alert: Alerts: Queues: Best Chat Service' "$LOG")" \
		-eq 8
grep " Best Chat Service$" "$HOOKS/events" | cut -d' ' -f1 >"$TMP/flaps"
n=$(wc -l <"$TMP/flaps")
check "the hook ran $n times in $secs s: no more than once a gap" \
	test "$n" -ge 1 -a "$n" -le $((secs / 3 + 1))
check "the hook heard start and clear in turn" \
	test "$(uniq "$TMP/flaps" | wc -l)" -eq "$n" -a \
		"$(head -n 1 "$TMP/flaps")" = start
signal_board TERM
check "no debounce: the board exits" wait_for 6 board_exited

# --- the example hooks (doc/hooks), run as the board runs them ------------
HOOKDOC="$top_srcdir/doc/hooks"
# alert_env EVENT LEVEL: the environment the board gives a hook (the row
# apart: it holds blanks).
alert_env() {
	echo PATH="$PATH" HOME="$TMP" WALLBOARD_ALERT_EVENT="$1" \
		WALLBOARD_ALERT_LEVEL="$2" WALLBOARD_ALERT_LAYOUT=Alerts \
		WALLBOARD_ALERT_PANEL=Queues WALLBOARD_ALERT_PANEL_ID=queues \
		WALLBOARD_ALERT_COLUMN=Waiting \
		WALLBOARD_ALERT_COLUMN_ID=waiting WALLBOARD_ALERT_TEXT=30 \
		WALLBOARD_ALERT_THRESHOLD=25 WALLBOARD_ALERT_DURATION=0
}
# light EVENT LEVEL ROW: run the stack light's hook, a file for the light;
# last_byte: what it sent last (octal).
light() {
	# shellcheck disable=SC2046
	env -i $(alert_env "$1" "$2") WALLBOARD_ALERT_ROW="$3" \
		STACK_LIGHT_DEV="$TMP/light" STACK_LIGHT_STATE="$TMP/light.d" \
		"$HOOKDOC/stack-light"
}
last_byte() { tail -c 1 "$TMP/light" | od -An -to1 | tr -d ' '; }
light start crit "Voice Inbound"
check "stack light: red for a critical alert" test "$(last_byte)" = 021
light start warn "$HOSTILE"
check "stack light: still red with a warning beside it" \
	test "$(last_byte)" = 021
light clear crit "Voice Inbound"
check "stack light: amber when the warning is left" test "$(last_byte)" = 022
light clear warn "$HOSTILE"
check "stack light: green when none stands" test "$(last_byte)" = 024
check "stack light: nothing but its fixed bytes reached the light" \
	test "$(od -An -to1 -v "$TMP/light" | tr -s ' \n' ' ')" = \
		" 042 044 021 042 044 021 041 044 022 041 042 024 "

# The chat webhook posts to a real HTTP server (one request, its body kept).
cat >"$TMP/receive.py" <<'PY'
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers["Content-Length"])
        open(sys.argv[1], "wb").write(self.rfile.read(n))
        self.send_response(200)
        self.end_headers()
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.handle_request()
PY
python3 "$TMP/receive.py" "$TMP/posted" >"$TMP/receive.port" &
track $!
check "chat webhook: a server to post to" \
	wait_for 20 test -s "$TMP/receive.port"
echo "http://127.0.0.1:$(cat "$TMP/receive.port")/hooks/secret-path" \
	>"$TMP/webhook-url"
chmod 600 "$TMP/webhook-url"
# shellcheck disable=SC2046
env -i $(alert_env start crit) WALLBOARD_ALERT_ROW="Say \"hi\" $HOSTILE" \
	WEBHOOK_URL_FILE="$TMP/webhook-url" "$HOOKDOC/chat-webhook" \
	>"$TMP/webhook.out" 2>&1
check "chat webhook: exits 0" test $? -eq 0
posted_has() {
	jq -e --arg t "$1" '.text | contains($t)' "$TMP/posted" >/dev/null
}
check "chat webhook: posted JSON with the name verbatim" \
	posted_has "Say \"hi\" $HOSTILE"
check "chat webhook: nothing touched" test ! -e "$TMP/pwned"

# A notification: notify-send (a stand-in that keeps its arguments) gets
# the texts after "--", so a name beginning with "-" is no option.
mkdir -p "$TMP/bin"
cat >"$TMP/bin/notify-send" <<SH
#!/bin/sh
printf '%s\n' "\$@" >"$TMP/notified"
SH
chmod 700 "$TMP/bin/notify-send"
# shellcheck disable=SC2046
env -i $(alert_env start crit) WALLBOARD_ALERT_ROW="-rf <b>x</b>" \
	PATH="$TMP/bin:$PATH" "$HOOKDOC/notify-desktop"
check "notify-desktop: the texts come after --" \
	sh -c "sed -n 3p '$TMP/notified' | grep -qx -- --"
check "notify-desktop: the name stays text (markup escaped)" \
	grep -qF -- "-rf &lt;b&gt;x&lt;/b&gt; Waiting 30" "$TMP/notified"

done_testing
