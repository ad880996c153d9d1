# bench/lib.sh - shared by the benchmark scripts (bench/run, bench/idle,
# bench/memory, bench/wire): figure lines with their targets, a scratch
# directory, the simulator, boards in tmux, readings from /proc, and
# stopping everything a script started.
#
# A figure line is "name  value unit  (target OP LIMIT unit: met|MISSED)",
# or "(...)" with a note for a figure that has no target. Nothing here ever
# makes a benchmark fail: a figure that cannot be taken says "not measured".

# the variables are for the scripts that source it
# shellcheck disable=SC2034
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
WALLBOARD="$top_builddir/wallboard"
WALLBOARD_SIM="$top_builddir/wallboard-sim"
TENANT=demo.wallboard.test
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
export LC_ALL=C.UTF-8
export WALLBOARD_LAYOUTDIR="$top_srcdir/layouts"
export WALLBOARD_SIM_SECRET="${WALLBOARD_SIM_SECRET:-demo-secret}"
export WALLBOARD_CLIENT_SECRET="$WALLBOARD_SIM_SECRET"

# fig NAME VALUE UNIT TARGET: print one figure. TARGET is "< N", "<= N",
# "> N" or ">= N" (compared, in UNIT), or any other text (a note, shown
# as it is). A VALUE that is not a number is reported as not measured.
fig() {
	_unit=$3
	case $4 in
	'<'*|'>'*)
		_verdict=$(awk -v v="$2" -v t="$4" 'BEGIN {
			if (v !~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/) { print "not measured"; exit }
			split(t, a, " "); op = a[1]; lim = a[2] + 0; v += 0
			ok = op == "<" ? v < lim : op == "<=" ? v <= lim : \
			     op == ">" ? v > lim : v >= lim
			print ok ? "met" : "MISSED" }')
		_note="(target $4${_unit:+ $_unit}: $_verdict)"
		;;
	*)
		_note="($4)"
		;;
	esac
	printf '%-30s %12s %-10s %s\n' "$1" "$2" "$_unit" "$_note"
}

# calc EXPR: a number from awk, e.g. calc "3 / 4" (6 significant digits);
# "n/a" when an operand is missing or a division is by zero.
calc() {
	awk "BEGIN { x = $1; printf \"%.6g\n\", x }" 2>/dev/null || echo n/a
}

# fmt DIGITS VALUE: VALUE rounded to DIGITS decimals ("n/a" stays).
fmt() {
	case $2 in
	''|n/a|*[!0-9.e+-]*) echo n/a ;;
	*) awk -v d="$1" -v v="$2" 'BEGIN { printf "%.*f\n", d, v }' ;;
	esac
}

# now: seconds since the epoch, with fractions.
now() { date +%s.%N; }

# nap SECONDS: sleep, but so that a signal to this script stops it at once
# (a shell runs its traps only after a foreground child ends; wait returns).
_nap=""
nap() {
	sleep "$1" &
	_nap=$!
	wait "$_nap"
	_nap=""
}

# --- a scratch directory, and stopping what was started ---------------------
_pids=""
_socks=""
BENCH_TMP=""

# bench_setup: make the scratch directory; stop everything at exit.
bench_setup() {
	BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/wbbench.XXXXXX")
	export XDG_CONFIG_HOME="$BENCH_TMP/xdg"	# never a user's own config
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM HUP
}

bench_cleanup() {
	[ -n "$_nap" ] && kill "$_nap" 2>/dev/null
	for _s in $_socks; do
		tmux -S "$_s" kill-server 2>/dev/null
	done
	for _p in $_pids; do
		kill "$_p" 2>/dev/null
	done
	for _p in $_pids; do
		wait "$_p" 2>/dev/null
	done
	[ -n "$BENCH_TMP" ] && rm -rf "$BENCH_TMP"
}

# --- the simulator ------------------------------------------------------------
_nsim=0

# start_sim [options...]: wallboard-sim on a free loopback port; sets
# SIM_PID and SIM_URL, and QUERIES=0 (the /sim/state requests made so far).
start_sim() {
	_nsim=$((_nsim + 1))
	_out="$BENCH_TMP/sim.$_nsim.out"
	"$WALLBOARD_SIM" --port 0 "$@" >"$_out" 2>"$_out.err" &
	SIM_PID=$!
	_pids="$_pids $SIM_PID"
	_port=
	for _i in $(seq 100); do
		_port=$(sed -n 's/^listening on port \([0-9][0-9]*\).*/\1/p' "$_out")
		[ -n "$_port" ] && break
		kill -0 "$SIM_PID" 2>/dev/null || break
		sleep 0.05
	done
	if [ -z "$_port" ]; then
		echo "bench: wallboard-sim did not start: $(cat "$_out.err")" >&2
		return 1
	fi
	SIM_URL="http://127.0.0.1:$_port"
	QUERIES=0
}

# stop_sim: stop the simulator started last.
stop_sim() {
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
}

# state FILE: the simulator's /sim/state into FILE (one more connection
# to it, counted in QUERIES so it can be told apart from the board's).
state() {
	QUERIES=$((QUERIES + 1))
	curl -sS -o "$1" "$SIM_URL/sim/state" 2>/dev/null || : >"$1"
}

# num FILE KEY: a whole number member of /sim/state ("requests" paths too).
num() { sed -n "s|.*\"$2\":\([0-9][0-9]*\).*|\1|p" "$1" | head -n 1; }

# data_polls: NPOLLS = the data requests the simulator has answered so far
# (a fresh state; not in a subshell, so that QUERIES counts it).
data_polls() {
	state "$BENCH_TMP/polls.json"
	NPOLLS=$(num "$BENCH_TMP/polls.json" /statsapi/subscription/data)
	NPOLLS=${NPOLLS:-0}
}

# --- programs in tmux ---------------------------------------------------------

# start_tmux NAME COMMAND ARGS...: run a command in a tmux server of its
# own (160x50, no status line), as the pane's own process; sets PANE_PID.
# Its stderr goes to $BENCH_TMP/NAME.err.
start_tmux() {
	_name=$1
	shift
	_sock="$BENCH_TMP/$_name.sock"
	_socks="$_socks $_sock"
	{
		printf 'exec env TERM=xterm-256color LC_ALL=C.UTF-8'
		for _a in "$@"; do
			printf " '%s'" "$_a"
		done
		printf " 2>'%s'\n" "$BENCH_TMP/$_name.err"
	} >"$BENCH_TMP/$_name.sh"
	tmux -S "$_sock" -f /dev/null new-session -d -s wb -x 160 -y 50 \
		"sh $BENCH_TMP/$_name.sh" \; set-option -g status off >/dev/null 2>&1
	PANE_PID=$(tmux -S "$_sock" display-message -p -t wb '#{pane_pid}' 2>/dev/null)
	[ -n "$PANE_PID" ] && kill -0 "$PANE_PID" 2>/dev/null
}

# screen NAME: the text of that tmux window now.
screen() { tmux -S "$BENCH_TMP/$1.sock" capture-pane -p -t wb 2>/dev/null; }

# server_pid NAME: the tmux server of that window.
server_pid() { tmux -S "$BENCH_TMP/$1.sock" display-message -p '#{pid}' 2>/dev/null; }

# stop_pid PID [SIGNAL]: signal a process and wait up to 10 s for it to go.
stop_pid() {
	kill -"${2:-TERM}" "$1" 2>/dev/null || return 0
	for _i in $(seq 200); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}

# --- readings from /proc ------------------------------------------------------

# tree_ticks PID: CPU clock ticks (user + system) used so far by PID and by
# every descendant, live or already reaped. A process's cutime/cstime hold
# only the children it has waited for (and, through them, their waited-for
# descendants); a child still running, or exited but not yet reaped, is not
# in them. So: the root's own and children's times, plus, for each live
# descendant, its own and its reaped children's. What was reaped is in its
# reaper's cutime and is counted once; a reap that happens during the one
# read of /proc can shift one short-lived child between the two sums.
tree_ticks() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
	{
		pid = $1; rest = $0
		sub(/^.*\) /, "", rest)	# the name may hold spaces and parens
		split(rest, f, " ")
		ppid[pid] = f[2]
		t[pid] = f[12] + f[13] + f[14] + f[15]
	}
	END {
		if (!(root in t)) { print "n/a"; exit }
		in_tree[root] = 1
		for (grew = 1; grew; ) {
			grew = 0
			for (p in ppid)
				if (!(p in in_tree) && (ppid[p] in in_tree)) {
					in_tree[p] = 1; grew = 1
				}
		}
		for (p in in_tree) s += t[p]
		print s
	}'
}

# own_ticks PID: CPU clock ticks (user + system) of PID itself, no children.
own_ticks() {
	sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

# status_kb PID KEY: a kB figure of /proc/PID/status (VmRSS, VmHWM, RssAnon...).
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }

# pss_kb PID: the proportional set size (shared pages divided among sharers).
pss_kb() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }

# sock_rx PID PORT: bytes received so far on PID's TCP connections to PORT
# (from ss -ti), "n/a" without ss.
sock_rx() {
	command -v ss >/dev/null 2>&1 || { echo n/a; return; }
	ss -tinp state established "( dport = :$2 )" 2>/dev/null | awk -v pid="pid=$1," '
		/users:/ { mine = index($0, pid) > 0; next }
		mine && match($0, /bytes_received:[0-9]+/) {
			s += substr($0, RSTART + 15, RLENGTH - 15); mine = 0
		}
		END { print s + 0 }'
}

# load: the 1-minute load average and the number of CPUs (noise indicator).
load() { echo "$(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs"; }
