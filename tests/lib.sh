# tests/lib.sh - shared by the shell tests: TAP output, a scratch directory,
# starting wallboard-sim on a free port, and stopping whatever a test started.
#
# A test script sources this file, calls plan N (or done_testing at the end),
# and reports each case with ok / not_ok / check.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
WALLBOARD="$top_builddir/wallboard"
WALLBOARD_SIM="$top_builddir/wallboard-sim"
LAYOUTS="$top_srcdir/layouts"
export WALLBOARD_LAYOUTDIR="$LAYOUTS"
export LC_ALL="${LC_ALL:-C.UTF-8}"

# The data source a test runs against: PROVIDER (a name of the registry,
# src/providers/providers.def; its first source when unset). Its test
# profile, src/providers/$PROVIDER/tests/profile.sh, says what the generic
# suites (tests/*.sh) need to know of it: the path its data comes from,
# its shipped layouts, what its API provides, how a board logs in to the
# simulator, and bodies of its API's shape for the fault cases.
if [ -z "${PROVIDER:-}" ]; then
	PROVIDER=$(sed -n 's/^SOURCE([^,]*, *"\([^"]*\)").*/\1/p' \
		"$top_srcdir/src/providers/providers.def" | head -n 1)
fi
_profile="$top_srcdir/src/providers/$PROVIDER/tests/profile.sh"
[ -f "$_profile" ] || {
	echo "Bail out! no test profile for PROVIDER $PROVIDER"
	exit 1
}
. "$_profile"

# lacks FEATURE: what the provider lacks, in words, for a skipped case.
lacks() {
	case $1 in
	login) echo "the $PROVIDER API has no login to end" ;;
	subscription) echo "the $PROVIDER API holds no subscription" ;;
	wait204) echo "the $PROVIDER API has no \"no data yet\" answer" ;;
	tenant_cap)
		echo "the $PROVIDER API answers no limit of subscriptions" \
			"with 409" ;;
	chat) echo "the $PROVIDER API sends no chat messages" ;;
	*) echo "the $PROVIDER API has no $1" ;;
	esac
}

# other_provider: a registry source that is not PROVIDER (for the test of
# a layout written for another provider).
other_provider() {
	sed -n 's/^SOURCE([^,]*, *"\([^"]*\)").*/\1/p' \
		"$top_srcdir/src/providers/providers.def" |
		grep -vx "$PROVIDER" | head -n 1
}

_tap_n=0
_tap_failed=0
_pids=""

TMP=$(mktemp -d "${TMPDIR:-/tmp}/wbtest.XXXXXX")
# No user's own config takes part in a test.
export XDG_CONFIG_HOME="$TMP/config" HOME="$TMP"

# WALLBOARD_WRAPPER="valgrind ...": a command every wallboard run goes
# through (`make memcheck`). $WALLBOARD becomes a script that execs the
# wrapper with the real binary, so "$WALLBOARD" ARGS works unchanged and
# runs as one process (start_board's pid is still the board's).
if [ -n "${WALLBOARD_WRAPPER:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' \
		"$WALLBOARD_WRAPPER" "$WALLBOARD" \
		>"$TMP/wallboard" && chmod +x "$TMP/wallboard" &&
		WALLBOARD="$TMP/wallboard"
fi

# cleanup: stop everything this test started, remove the scratch directory.
cleanup() {
	signal_board TERM 2>/dev/null
	for p in $_pids; do
		_same "${p%%:*}" "${p#*:}" && kill "${p%%:*}" 2>/dev/null
	done
	for p in $_pids; do
		wait "${p%%:*}" 2>/dev/null
	done
	for s in ${_tmux_sockets:-}; do
		tmux -S "$s" kill-server 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

plan() { echo "1..$1"; }
done_testing() { echo "1..$_tap_n"; }

ok() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $*"
}

not_ok() {
	_tap_n=$((_tap_n + 1))
	_tap_failed=$((_tap_failed + 1))
	echo "not ok $_tap_n - $*"
}

skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - # SKIP $*"
}

# check "description" command...: ok if the command succeeds.
check() {
	_desc=$1
	shift
	if "$@"; then ok "$_desc"; else not_ok "$_desc"; fi
}

# diag text: a comment line in the TAP stream.
diag() { printf '%s\n' "$*" | sed 's/^/# /'; }

# bail text: stop the whole test file.
bail() {
	echo "Bail out! $*"
	exit 1
}

# _proc_start PID: when process PID started (field 22 of /proc/PID/stat,
# counted after the name in parentheses); nothing once it has exited.
_proc_start() {
	awk '{ sub(/.*\) /, ""); if ($1 !~ /[ZX]/) print $20 }' \
		"/proc/$1/stat" 2>/dev/null
}

# _same PID START: PID is still the process that started at START. Pids
# wrap around (a busy machine runs through them in minutes): a later
# process that got the pid is not taken for it, nor signalled.
_same() { [ -n "$2" ] && [ "$(_proc_start "$1")" = "$2" ]; }

# track PID: stop it at cleanup (if it is still the same process).
track() { _pids="$_pids $1:$(_proc_start "$1")"; }

# start_sim [options...]: start wallboard-sim on a free loopback port
# (or the --port given: one a stopped simulator had, which something else
# may hold for a moment, so it is tried again for up to 10 s).
# Sets SIM_PID, SIM_PORT and SIM_URL. Fails the test file if it can't start.
start_sim() {
	_sim_n=$((${_sim_n:-0} + 1))
	_sim_out="$TMP/sim.$_sim_n.out"
	_sim_end=$(($(ms) + 10000))
	until _sim_launch "$@"; do
		[ "$(ms)" -lt "$_sim_end" ] ||
			bail "wallboard-sim found its port in use for 10 s"
		sleep 0.1
	done
	SIM_URL="http://127.0.0.1:$SIM_PORT"
}

# _sim_launch [options...]: one try of start_sim; fails only when the
# port is in use (any other failure ends the test file).
_sim_launch() {
	"$WALLBOARD_SIM" --port 0 --api "$PROVIDER" "$@" \
		>"$_sim_out" 2>"$_sim_out.err" &
	SIM_PID=$!
	SIM_START=$(_proc_start "$SIM_PID")
	track "$SIM_PID"
	wait_for 10 _sim_listening
	[ -n "$SIM_PORT" ] && return 0
	stop_sim
	grep -q "Address already in use" "$_sim_out.err" || {
		cat "$_sim_out.err" >&2
		bail "wallboard-sim did not start"
	}
	return 1
}

# _sim_listening: the simulator has said its port (SIM_PORT), or exited.
_sim_listening() {
	SIM_PORT=$(sed -n 's/^listening on port \([0-9][0-9]*\).*/\1/p' \
		"$_sim_out" | head -n 1)
	[ -n "$SIM_PORT" ] || sim_exited
}

# sim_exited: the simulator started last has exited.
sim_exited() { ! _same "$SIM_PID" "$SIM_START"; }

# stop_sim [SIGNAL]: stop the simulator started last with SIGNAL (TERM),
# or SIGKILL if it still runs 5 s later; its exit status.
stop_sim() {
	sim_exited || kill -"${1:-TERM}" "$SIM_PID"
	wait_for 5 sim_exited || sim_exited || kill -KILL "$SIM_PID"
	wait "$SIM_PID" 2>/dev/null
}

# sim_control JSON: change the simulator's behaviour (faults, limits).
sim_control() {
	curl -sS -f -X POST -H 'Content-Type: application/json' \
		--data-binary "$1" "$SIM_URL/sim/control" >/dev/null
}

# sim_state: the simulator's counters as JSON on stdout.
sim_state() { curl -sS -f "$SIM_URL/sim/state"; }

# counter KEY: the number KEY of the /sim/state JSON on stdin: a counter
# ("logins"), the requests of a path ("$DATA_PATH") or the answers
# of a status ("401").
counter() { sed -n "s|.*\"$1\": *\([0-9][0-9]*\).*|\1|p"; }

# sim_count KEY: that number now; 0 while the simulator has none (a path
# not asked yet, a status not answered yet). Fails when it does not answer.
sim_count() {
	_state=$(sim_state) || return 1
	_count=$(printf '%s\n' "$_state" | counter "$1")
	echo "${_count:-0}"
}

# sim_count_is KEY N, sim_count_ge KEY N: it is N, it has reached N.
sim_count_is() { _count=$(sim_count "$1") && [ "$_count" -eq "$2" ]; }
sim_count_ge() { _count=$(sim_count "$1") && [ "$_count" -ge "$2" ]; }

# ms: milliseconds since the epoch.
ms() { date +%s%3N; }

# wait_for SECONDS command...: retry command until it succeeds or time
# runs out (whole seconds, to the millisecond). Not to be nested: the
# command may not itself call wait_for.
wait_for() {
	_end=$(($(ms) + $1 * 1000))
	shift
	while ! "$@"; do
		[ "$(ms)" -ge "$_end" ] && return 1
		sleep 0.1
	done
	return 0
}

# --- running wallboard ---------------------------------------------------
OUT="$TMP/out"
ERR="$TMP/err"
ALL="$TMP/all-output"
: >"$ALL"

# wb ARGS...: run wallboard, keep stdout/stderr, remember everything it said.
wb() {
	"$WALLBOARD" "$@" >"$OUT" 2>"$ERR"
	_rc=$?
	cat "$OUT" "$ERR" >>"$ALL"
	return $_rc
}

# wb_as SECRET ARGS...: wb with the provider's credentials (secret SECRET).
wb_as() {
	_s=$1
	shift
	# shellcheck disable=SC2046,SC2086
	env $(creds_env "$_s") "$WALLBOARD" ${CONF:+-c "$CONF"} \
		$CREDS_ARGS "$@" \
		>"$OUT" 2>"$ERR"
	_rc=$?
	cat "$OUT" "$ERR" >>"$ALL"
	return $_rc
}

# has TEXT FILE: FILE holds TEXT.
has() { grep -q -- "$1" "$2"; }

# log_lines: how many lines the board's --log file ($LOG) has so far.
log_lines() { wc -l <"$LOG"; }

# body_control FILE COUNT [STATUS]: write a /sim/control body that answers
# COUNT polls of the data path (-1: until reset) with STATUS (200) and the
# text of FILE as the body; "@" and its path go to stdout.
body_control() {
	{
		printf '{"fail": {"path": "%s", "status": %s, ' \
			"$DATA_PATH" "${3:-200}"
		printf '"count": %s, "body": ' "$2"
		sed 's/\\/\\\\/g; s/"/\\"/g' "$1" | tr -d '\n' |
			sed 's/^/"/; s/$/"/'
		printf '}}'
	} >"$TMP/control.json"
	echo "@$TMP/control.json"
}

# --- terminal tests in tmux ---------------------------------------------
_tmux_n=0
_tmux_sockets=""

# tmux_cmd ARGS...: tmux on the test's own server (never the user's).
tmux_cmd() { tmux -S "$TMUX_SOCKET" -f /dev/null "$@"; }

# start_board COLS ROWS COMMAND: run a board in a fresh detached window.
# COMMAND is [NAME=VALUE...] PROGRAM [ARGS...], then maybe "; more
# commands"; PROGRAM's pid is BOARD_PID (see board_pid). The board before
# it is stopped first: nothing of it (a subscription, a log line) mixes
# with the new one's.
start_board() {
	_cols=$1 _rows=$2
	shift 2
	stop_board || diag "the last board still ran 10 s after SIGTERM"
	# A server of its own for each board: no race with the last one's exit.
	[ -n "${TMUX_SOCKET:-}" ] && tmux_cmd kill-server 2>/dev/null
	_tmux_n=$((_tmux_n + 1))
	TMUX_SOCKET="$TMP/tmux.$_tmux_n.sock"
	_tmux_sockets="$_tmux_sockets $TMUX_SOCKET"
	_pidfile="$TMP/board.$_tmux_n.pid"
	# The inner sh writes its pid and execs env, which execs PROGRAM (and
	# a WALLBOARD_WRAPPER script execs the wrapper, which runs the board
	# in its own process): one process throughout. The sleep keeps the
	# window, and so the last screen, after the board has exited.
	_env="env TERM=xterm-256color LC_ALL=C.UTF-8"
	tmux_cmd new-session -d -s wb -x "$_cols" -y "$_rows" \
		"sh -c 'echo \$\$ >$_pidfile; exec \"\$@\"' board $_env $*; sleep 30" ||
		bail "tmux did not start"
	tmux_cmd set-option -g status off >/dev/null
	wait_for 10 test -s "$_pidfile" ||
		bail "the board's window did not start"
	BOARD_PID=$(cat "$_pidfile")
	BOARD_START=$(_proc_start "$BOARD_PID")
}

# board_running: the board start_board started last still runs.
board_running() { _same "${BOARD_PID:-}" "${BOARD_START:-}"; }

# board_exited: it no longer runs.
board_exited() { ! board_running; }

# board_pid: its pid, while it runs (fails once it has exited).
board_pid() { board_running && echo "$BOARD_PID"; }

# signal_board [SIGNAL]: send it SIGNAL (TERM) if it still runs.
signal_board() { board_running && kill -"${1:-TERM}" "$BOARD_PID"; }

# stop_board: SIGTERM, and wait up to 10 s until it has exited.
stop_board() {
	signal_board TERM 2>/dev/null
	wait_for 10 board_exited
}

# screen: the window's text now.
screen() { tmux_cmd capture-pane -p -t wb; }

# screen_line N: line N of the window now.
screen_line() { screen | sed -n "$1p"; }

# screen_line_is_not N TEXT: line N of the window shows something else.
screen_line_is_not() { [ "$(screen_line "$1")" != "$2" ]; }

# screen_has TEXT: the screen shows TEXT (a grep pattern). screen_lacks
# and wait_screen_gone: only after a check that the screen shown is the
# one meant (a title, a status, the data), or they pass on an old one.
screen_has() { screen | grep -q -- "$1"; }
screen_lacks() { ! screen | grep -q -- "$1"; }

# wait_screen SECONDS PATTERN: wait until the screen shows PATTERN.
wait_screen() { wait_for "$1" screen_has "$2"; }
wait_screen_gone() { wait_for "$1" screen_lacks "$2"; }

# keys KEYS...: type into the board.
keys() { tmux_cmd send-keys -t wb "$@"; }
