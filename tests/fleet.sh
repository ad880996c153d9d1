#!/bin/sh
# tests/fleet.sh - the fleet (doc/fleet.md), for real: a mosquitto broker
# started here on a free port with its own configuration (users, an ACL,
# TLS), wallboard-sim upstream, a publisher (--publish) and screens
# (--from), --once and in tmux. One upstream subscription for N screens;
# the publisher killed and restarted; the broker killed and restarted;
# hostile and malformed messages from a test client; the standby's
# takeover and the race of two publishers started at once; TLS verified;
# secrets never in a command line or any output.
. "$top_srcdir/tests/lib.sh"

command -v mosquitto >/dev/null 2>&1 && command -v mosquitto_pub >/dev/null 2>&1 &&
	command -v mosquitto_passwd >/dev/null 2>&1 ||
	bail "mosquitto and mosquitto-clients are missing (tools/install-deps installs them)"
command -v openssl >/dev/null 2>&1 || bail "openssl is missing (tools/install-deps)"

SECRET="vendor-$$-$(date +%s)-Sekret"
PUB_PASS="mqpub-$$-$(date +%s)-Pw"
SCREEN_PASS="mqscreen-$$-$(date +%s)-Pw"
export WALLBOARD_SIM_SECRET="$SECRET"
unset WALLBOARD_PASSWORD WALLBOARD_CLIENT_SECRET WALLBOARD_MQTT_PASSWORD
P=wb/floor1
KA=5				# the keep-alive: the shortest MQTT allows

# --- the broker -----------------------------------------------------------

# The users (the publisher may write the prefix, screens only read it),
# hashed by mosquitto_passwd from a plain file (no password in its argv).
printf 'pub:%s\nscreen:%s\n' "$PUB_PASS" "$SCREEN_PASS" >"$TMP/passwd"
chmod 600 "$TMP/passwd"
mosquitto_passwd -U "$TMP/passwd" >/dev/null 2>&1 || bail "mosquitto_passwd failed"
cat >"$TMP/acl" <<EOF
user pub
topic readwrite wb/#
user screen
topic read wb/#
EOF
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$TMP/broker.key" \
	-out "$TMP/broker.pem" >"$TMP/openssl.out" 2>&1 || bail "openssl failed"
chmod 644 "$TMP/broker.key"

# broker_conf PORT TLSPORT: the broker's configuration, in $TMP.
broker_conf() {
	cat >"$TMP/mosquitto.conf" <<EOF
per_listener_settings false
allow_anonymous false
password_file $TMP/passwd
acl_file $TMP/acl
persistence false
log_dest file $TMP/mosquitto.log
log_type error
log_type warning
log_type notice
log_type information
user $(id -un)
listener $1 127.0.0.1
listener $2 127.0.0.1
certfile $TMP/broker.pem
keyfile $TMP/broker.key
EOF
}

# start_broker [PORT TLSPORT]: mosquitto on those ports, or free ones.
# Sets MQ_PID, MQ_PORT, MQ_TLS. Bails when it cannot start.
start_broker() {
	_tries=0
	while :; do
		_tries=$((_tries + 1))
		MQ_PORT=${1:-$((20000 + ($$ * 7 + _tries * 131) % 40000))}
		MQ_TLS=${2:-$((MQ_PORT + 1))}
		broker_conf "$MQ_PORT" "$MQ_TLS"
		: >"$TMP/mosquitto.log"
		mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.out" 2>&1 &
		MQ_PID=$!
		MQ_START=$(_proc_start "$MQ_PID")
		track "$MQ_PID"
		wait_for 10 broker_ready && return 0
		broker_up && kill "$MQ_PID"
		[ "$_tries" -lt 20 ] || { cat "$TMP/mosquitto.out" "$TMP/mosquitto.log" >&2; bail "mosquitto did not start"; }
		# the same port: let the old one go
		[ -n "${1:-}" ] && sleep 0.5
	done
}
broker_up() { _same "$MQ_PID" "$MQ_START"; }
broker_ready() {
	broker_up && grep -q "mosquitto version .* running" "$TMP/mosquitto.log"
}
stop_broker() {
	broker_up && kill -"${1:-TERM}" "$MQ_PID"
	wait_for 10 sh -c "! kill -0 $MQ_PID 2>/dev/null"
	wait "$MQ_PID" 2>/dev/null
}

# A test client's options, from its own config file: no password in argv.
mkdir -p "$XDG_CONFIG_HOME"
client_as() {
	printf -- '-h 127.0.0.1\n-p %s\n-u %s\n-P %s\n' "$MQ_PORT" "$1" "$2" \
		>"$XDG_CONFIG_HOME/mosquitto_pub"
	cp "$XDG_CONFIG_HOME/mosquitto_pub" "$XDG_CONFIG_HOME/mosquitto_sub"
}
# mq_pub ARGS...: mosquitto_pub as the publisher's user.
mq_pub() { mosquitto_pub "$@"; }
# retained TOPIC: the retained message of TOPIC on stdout.
retained() { mosquitto_sub -t "$1" -C 1 -W 3 2>/dev/null; }

start_broker
client_as pub "$PUB_PASS"
URL="mqtt://127.0.0.1:$MQ_PORT/$P"
check "the broker runs with users and an ACL on port $MQ_PORT" broker_up

# --- processes -------------------------------------------------------------

# bg NAME ENV... -- ARGS...: run wallboard in the background with ENV,
# output in $TMP/NAME.out; sets PID_NAME (via BG_PID).
bg() {
	_name=$1
	shift
	_env=""
	while [ "$1" != "--" ]; do _env="$_env $1"; shift; done
	shift
	# shellcheck disable=SC2086
	env $_env "$WALLBOARD" "$@" >"$TMP/$_name.out" 2>&1 &
	BG_PID=$!
	track "$BG_PID"
	eval "PID_$_name=$BG_PID START_$_name=$(_proc_start "$BG_PID")"
}
# alive NAME: the process started as NAME still runs.
alive() { eval "_same \"\$PID_$1\" \"\$START_$1\""; }
gone() { ! alive "$1"; }
# stop NAME [SIGNAL]
stop() {
	alive "$1" && eval "kill -${2:-TERM} \$PID_$1"
	wait_for 10 gone "$1"
}
# logged NAME TEXT: the --log of NAME has TEXT.
logged() { grep -q -- "$2" "$TMP/$1.log" 2>/dev/null; }
nlogged() { grep -c -- "$2" "$TMP/$1.log" 2>/dev/null || echo 0; }

# publisher NAME CLIENT [PREFIX] [ARGS...]: a publisher logged in upstream
# as CLIENT, to the broker as pub, its log $TMP/NAME.log.
publisher() {
	_n=$1 _c=$2 _p=${3:-$P}
	shift 2
	[ $# -gt 0 ] && shift
	bg "$_n" WALLBOARD_CLIENT_SECRET="$SECRET" WALLBOARD_MQTT_PASSWORD="$PUB_PASS" -- \
		--publish "mqtt://127.0.0.1:$MQ_PORT/$_p" --url "$SIM_URL" \
		--tenant demo.wallboard.test --client-id "$_c" --interval 0.5 \
		--mqtt-user pub --mqtt-keepalive $KA --log "$TMP/$_n.log" "$@"
}

# screen_once [ARGS...]: a --once screen; its output in $OUT, $ERR.
screen_once() {
	WALLBOARD_MQTT_PASSWORD="$SCREEN_PASS" wb --from "${FROM:-$URL}" \
		--mqtt-user screen --once "$@"
}

# The screens in tmux: one server, a window each.
SOCK="$TMP/screens.sock"
_tmux_sockets="$_tmux_sockets $SOCK"
st() { tmux -S "$SOCK" -f /dev/null "$@"; }
# tscreen NAME ARGS...: a kiosk screen in window NAME (120x40), --log
# $TMP/NAME.log; its pid PID_NAME.
tscreen() {
	_n=$1
	shift
	_cmd="sh -c 'echo \$\$ >$TMP/$_n.pid; exec \"\$@\"' screen env TERM=xterm-256color LC_ALL=C.UTF-8 WALLBOARD_MQTT_PASSWORD=$SCREEN_PASS $WALLBOARD --mqtt-user screen --kiosk --log $TMP/$_n.log $*; sleep 60"
	if st has-session -t wb 2>/dev/null; then
		st new-window -t wb -n "$_n" "$_cmd"
	else
		st new-session -d -s wb -n "$_n" -x 120 -y 40 "$_cmd"
		st set-option -g status off >/dev/null
	fi
	wait_for 10 test -s "$TMP/$_n.pid" || bail "screen $_n did not start"
	eval "PID_$_n=$(cat "$TMP/$_n.pid")"
	eval "START_$_n=\$(_proc_start \$PID_$_n)"
	track "$(cat "$TMP/$_n.pid")"
}
shot() { st capture-pane -p -t "wb:$1"; }
shows() { shot "$1" | grep -q -- "$2"; }
lacks_now() { ! shot "$1" | grep -q -- "$2"; }
all_show() {
	_t=$1
	shift
	for _w in "$@"; do shows "$_w" "$_t" || return 1; done
}

# --- publisher and screens ----------------------------------------------------
start_sim --seed 3 --user pubA --user pubB --user pubC --user pubD
publisher pub1 pubA
check "the publisher claims the feed and becomes active" \
	wait_for 20 logged pub1 "^.* active: publishing"
check "its status is retained: online, its id, the source, the layouts" \
	sh -c "$(command -v mosquitto_sub) -t $P/status -C 1 -W 3 | grep -q '\"state\":\"online\".*\"source\":\"$PROVIDER\".*\"layouts\":\\['"
retained "$P/data/$(basename "$(ls "$LAYOUTS/$PROVIDER"/*.layout | head -n 1)" .layout)" >"$TMP/data.json"
check "each layout's data is retained, versioned, with the data time" \
	sh -c "grep -q '^{\"v\":1,' '$TMP/data.json' && grep -q '\"time\":[0-9]' '$TMP/data.json'"
check "the layout's definition is retained with its text" \
	sh -c "$(command -v mosquitto_sub) -t '$P/layout/+' -C 1 -W 3 | grep -q '\"text\":'"

screen_once
check "a --once screen with no layouts of its own prints the publisher's (exit 0)" \
	sh -c "test $_rc -eq 0 && grep -q '$FIRST_TITLE' '$OUT'"
check "it said it waited for the publisher's layouts" \
	has "waiting for the publisher's layouts" "$ERR"
n_titles=$(grep -c '^== ' "$OUT")
check "every published layout is printed ($n_titles of $NLAYOUTS)" \
	test "$n_titles" -eq "$NLAYOUTS"
screen_once -l "$LAYOUTS/$PROVIDER/agents.layout"
check "a screen given -l shows its own layout, fed by the layout of that name" \
	sh -c "test $_rc -eq 0 && grep -c '^== ' '$OUT' | grep -qx 1 && grep -q 'Ready' '$OUT'"

for s in s1 s2 s3 s4 s5; do
	tscreen $s --from "$URL"
done
check "five screens in tmux are live" \
	wait_for 20 all_show " live" s1 s2 s3 s4 s5
check "... showing the first layout's title" \
	all_show "$FIRST_TITLE" s1 s2 s3 s4 s5
check "five screens and the publisher hold one upstream subscription" \
	sim_count_is subscriptions_active 1
check "... and one login was made upstream (one token issued)" \
	sim_count_is tokens_issued 1

# --- secrets ------------------------------------------------------------------
cmdlines=""
for v in PID_pub1 PID_s1 PID_s2; do
	eval "cmdlines=\"\$cmdlines \$(tr '\\0' ' ' </proc/\$$v/cmdline 2>/dev/null)\""
done
check "no secret in the command lines of the publisher and the screens" \
	sh -c "test -n \"$cmdlines\" && ! printf '%s' \"$cmdlines\" | grep -qe '$SECRET' -e '$PUB_PASS' -e '$SCREEN_PASS'"

# --- the publisher killed, restarted ------------------------------------------
t0=$(ms)
stop pub1 KILL
check "publisher killed: the screens say the source is down" \
	wait_for $((KA * 3 / 2 + 5)) all_show "source down since" s1 s2 s3 s4 s5
diag "the screens showed the source down $(($(ms) - t0)) ms after SIGKILL"
check "... and mark the last data STALE" wait_for 10 all_show "STALE" s1 s2 s3
banner_says_down() { [ "$(shot s1 | grep -c 'source down since')" -ge 2 ]; }
check "... the kiosk banner says it too (and the status line)" \
	wait_for 10 banner_says_down
check "the screens logged the publisher down" logged s1 "publisher .* is down"
publisher pub1b pubA
check "publisher restarted: the screens are live again" \
	wait_for 30 all_show " live" s1 s2 s3 s4 s5
check "... still one upstream subscription" sim_count_is subscriptions_active 1

# --- the broker killed, restarted ---------------------------------------------
stop_broker KILL
check "broker down: the screens say the broker is unreachable" \
	wait_for 20 all_show "broker at 127.0.0.1:$MQ_PORT" s1 s2
check "the publisher keeps polling and logs the broker lost" \
	wait_for 10 logged pub1b "still polling upstream"
start_broker "$MQ_PORT" "$MQ_TLS"
check "broker back: the screens are live again by themselves" \
	wait_for 60 all_show " live" s1 s2 s3 s4 s5
check "... the publisher published its retained state again" \
	sh -c "$(command -v mosquitto_sub) -t $P/status -C 1 -W 5 | grep -q '\"state\":\"online\"'"
screen_once
check "... (a --once screen after the broker's restart prints the data)" \
	sh -c "test $_rc -eq 0 && grep -q '$FIRST_TITLE' '$OUT'"

# --- a clean stop, the standby's takeover -------------------------------------
publisher pub2 pubB
check "a second publisher on the same prefix stands by" \
	wait_for 20 logged pub2 "standby:"
check "... and does not log in upstream" sim_count_is subscriptions_active 1
stop pub1b TERM
check "publisher stopped (SIGTERM): the standby takes over" \
	wait_for 30 logged pub2 "takeover: first data published"
takeover=$(sed -n 's/.*takeover: first data published \([0-9]*\) ms.*/\1/p' "$TMP/pub2.log" | head -n 1)
diag "takeover: first data published ${takeover:-?} ms after the offline status"
check "... within 5 s of the offline status" test "${takeover:-99999}" -lt 5000
check "... exactly one upstream subscription after it" \
	sim_count_is subscriptions_active 1
check "the screens are live on the new publisher" \
	wait_for 20 all_show " live" s1 s2 s3 s4 s5

# --- two publishers started at once -------------------------------------------
publisher race1 pubC wb/race
publisher race2 pubD wb/race
check "two publishers started at once: one becomes active" \
	wait_for 20 sh -c "grep -qs 'active: publishing' '$TMP/race1.log' || grep -qs 'active: publishing' '$TMP/race2.log'"
check "... the other stands by" \
	wait_for 10 sh -c "grep -qs 'standby:' '$TMP/race1.log' || grep -qs 'standby:' '$TMP/race2.log'"
check "... only one of them is active" \
	sh -c "test \$(cat '$TMP/race1.log' '$TMP/race2.log' | grep -c 'active: ') -eq 1"
check "... two upstream subscriptions in all: this race's one and the floor's" \
	sim_count_is subscriptions_active 2
stop race1
stop race2

# --- hostile and malformed messages (a test client plays the publisher) -------
F=wb/fake
cat >"$TMP/fake.layout" <<EOF
title = "Fake floor"
provider = "brightpattern"
key = 1
row {
  panel "board" {
    type = agent_grid
    column "agent" {
      stat = "first_last_name"
      width = 30
    }
    column "state" { stat = "acd_state" }
  }
}
EOF
"$WALLBOARD" --check -l "$TMP/fake.layout" --provider brightpattern >/dev/null 2>"$TMP/fakecheck.err" ||
	{ cat "$TMP/fakecheck.err" >&2; bail "the fake layout does not load"; }
now_s() { date +%s.%N; }
# fake_data ROWS [TIME]: a data message of rows '["Name","state"],...'.
fake_data() {
	printf '{"v":1,"layout":"fake","seq":1,"time":%s,"status":{"state":"live","message":"","partial":false},"totals":[],"grids":{"board":{"columns":["agent","state"],"rows":[%s]}},"notes":[]}' \
		"${2:-$(now_s)}" "$1"
}
text=$(sed 's/\\/\\\\/g; s/"/\\"/g' "$TMP/fake.layout" | awk '{ printf "%s\\n", $0 }')
mq_pub -r -t "$F/layout/fake" -m "{\"v\":1,\"name\":\"fake\",\"key\":1,\"index\":0,\"title\":\"Fake\",\"source\":\"brightpattern\",\"text\":\"$text\"}"
mq_pub -r -t "$F/status" -m "{\"v\":1,\"state\":\"online\",\"id\":\"fake-pub\",\"source\":\"$PROVIDER\",\"started\":1,\"since\":1,\"interval\":2,\"layouts\":[\"fake\"],\"upstream\":{\"state\":\"live\",\"message\":\"\"}}"
mq_pub -r -t "$F/data/fake" -m "$(fake_data '["Alice Good","ready"]')"
FROM="mqtt://127.0.0.1:$MQ_PORT/$F"
screen_once
check "a feed published by a script is read like a publisher's" \
	sh -c "test $_rc -eq 0 && grep -q 'Alice Good' '$OUT' && grep -q 'Ready' '$OUT'"

tscreen fk --from "$FROM"
check "the fake feed's screen shows its data" wait_for 20 shows fk "Alice Good"
ESC=$(printf '\033')
mq_pub -r -t "$F/data/fake" -m "$(fake_data "[\"Eve \\u001b]0;owned\\u0007\\u001b[31mRed\\u202e\",\"ready\"]")"
check "hostile text is shown sanitised (no escape reaches the screen)" \
	wait_for 10 shows fk "Eve Red"
FROM="mqtt://127.0.0.1:$MQ_PORT/$F" screen_once
check "... and --once prints it without control characters" \
	sh -c "test $_rc -eq 0 && grep -q 'Eve Red' '$OUT' && ! grep -q \"\$(printf '[\\033\\007]')\" '$OUT'"
mq_pub -r -t "$F/data/fake" -m "$(fake_data '["Bob Good","busy"]')"
check "good data again" wait_for 10 shows fk "Bob Good"

refusals=0
# refused WHAT PAYLOAD-FILE: publish it; the screen refuses, logs, keeps Bob.
refused() {
	refusals=$((refusals + 1))
	mq_pub -r -t "$F/data/fake" -f "$2"
	check "$1: refused and logged" \
		wait_for 10 sh -c "test \$(grep -c 'refused a message on $F/data/fake' '$TMP/fk.log') -ge $refusals"
	check "$1: the last good data stays, the screen stays up" kept_bob
}
kept_bob() { shows fk "Bob Good" && alive fk; }
old_stale() { shows fk "Old Data" && shows fk STALE && shows fk "2h"; }
printf '{"v":1,"time":' >"$TMP/m1"
refused "malformed JSON" "$TMP/m1"
fake_data '["Mallory","ready"]' | sed 's/"v":1/"v":2/' >"$TMP/m2"
refused "an unknown version" "$TMP/m2"
fake_data '["Mallory","ready","extra"]' >"$TMP/m3"
refused "a row longer than its columns" "$TMP/m3"
fake_data '["Mallory",7]' >"$TMP/m4"
refused "a cell of the wrong type" "$TMP/m4"
head -c 5000000 /dev/zero | tr '\0' ' ' >"$TMP/m5"
refused "a message over the bound (5 MB)" "$TMP/m5"
check "the refusals are in the status line" shows fk "refused a message"
mq_pub -r -t "$F/data/fake" -m "$(fake_data '["Old Data","ready"]' "$(($(date +%s) - 7200))")"
check "a retained message of old data shows STALE with its true age" \
	wait_for 10 old_stale
mq_pub -r -t "$F/status" -m '{"v":1,"state":"offline","id":"fake-pub","source":"x","started":1,"since":1700000000,"layouts":["fake"]}'
check "an offline status: the status line says the source is down, since when" \
	wait_for 10 shows fk "source down since"

# --- the ACL: screens only read -----------------------------------------------
client_as screen "$SCREEN_PASS"
mosquitto_pub -r -t "$F/data/fake" -m "$(fake_data '["Screen Wrote","ready"]')" 2>/dev/null
client_as pub "$PUB_PASS"
retained "$F/data/fake" >"$TMP/acl.json"
check "the ACL: a screen's user cannot write the feed" \
	sh -c "grep -q 'Old Data' '$TMP/acl.json' && ! grep -q 'Screen Wrote' '$TMP/acl.json'"
WALLBOARD_MQTT_PASSWORD="wrong-$SCREEN_PASS" wb --from "$URL" --mqtt-user screen --once
check "a wrong broker password: --once fails with the broker's refusal, not the password" \
	sh -c "test $_rc -ne 0 && grep -q 'refused the connection' '$ERR' && ! grep -q -- 'wrong-' '$ERR'"

# --- TLS ----------------------------------------------------------------------
TLSURL="mqtts://127.0.0.1:$MQ_TLS/$P"
WALLBOARD_MQTT_PASSWORD="$SCREEN_PASS" wb --from "$TLSURL" --mqtt-user screen --once
check "mqtts: a broker whose certificate is not trusted is refused" \
	sh -c "test $_rc -ne 0 && grep -q 'not trusted' '$ERR'"
WALLBOARD_MQTT_PASSWORD="$SCREEN_PASS" wb --from "$TLSURL" --mqtt-user screen --once \
	--mqtt-ca "$TMP/broker.pem"
check "mqtts: trusted with --mqtt-ca, the screen prints the data" \
	sh -c "test $_rc -eq 0 && grep -q '$FIRST_TITLE' '$OUT'"

# --- bad settings -------------------------------------------------------------
wb --from "http://127.0.0.1/x" --once
check "--from with a URL that is not MQTT: a clear error (exit 2)" \
	sh -c "test $_rc -eq 2 && grep -q 'not an MQTT URL' '$ERR'"
wb --publish "$URL" --from "$URL"
check "--publish and --from together are refused" \
	sh -c "test $_rc -eq 2 && grep -q 'exclude' '$ERR'"
wb --from "mqtt://u:p@127.0.0.1/x" --once
check "a password in the URL is refused (never argv)" \
	sh -c "test $_rc -eq 2 && grep -q 'no user or password in the URL' '$ERR'"

# --- what everything said -----------------------------------------------------
cat "$TMP"/*.out "$TMP"/*.log >>"$ALL" 2>/dev/null
for w in s1 s2 fk; do shot "$w" >>"$ALL"; done
check "no secret in any output, log or screen" \
	sh -c "! grep -qe '$SECRET' -e '$PUB_PASS' -e '$SCREEN_PASS' '$ALL'"
done_testing
