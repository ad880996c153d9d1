# profile.sh - what the generic test suites (tests/*.sh, through
# tests/lib.sh) need to know of the Genesys source. See the Bright Pattern
# profile for what each name means.

DATA_PATH=/statistics/v3/subscriptions/
NLAYOUTS=2
FIRST_TITLE="Queues (Genesys)"

PLAN='"statisticId"'
BADSTAT=CurrNumberWaitingCals
TITLES="Queues (Genesys)|Agents (Genesys)"
NOCREDS_HINT=WALLBOARD_API_KEY

provides() {
	[ "$1" = login ] || [ "$1" = subscription ] || [ "$1" = state_words ]
}

creds_env() {
	echo "WALLBOARD_API_KEY=demo-api-key WALLBOARD_CLIENT_SECRET=$1"
}
CREDS_ARGS="--client-id supervisor"

# The Statistics API cannot list its objects: the config names them (the
# simulator started last says which it has).
provider_config() {
	echo "provider = \"genesys\"" >>"$1"
	for _w in agents queues; do
		_objs=$(curl -sS "$SIM_URL/sim/objects?what=$_w" |
			sed 's/.*/"&"/' | paste -sd, -)
		printf '%s = {%s}\n' "$_w" "$_objs" >>"$1"
	done
}

board_cmd() {
	echo "WALLBOARD_API_KEY=demo-api-key WALLBOARD_CLIENT_SECRET=$SECRET" \
		"$WALLBOARD -c $1 --url $2 --client-id supervisor"
}

shape_body() { echo '{"data": {"statistics": {"x": 1}}}'; }

# The rows of a Genesys board are the config's objects, not the answer's.
rows_body() { return 1; }

cell_body() {
	awk 'BEGIN { printf "{\"data\": {\"statistics\": [";
		printf "{\"statisticId\": \"g1.0.1\",";
		printf " \"value\": {\"state\": \"WaitForNextCall\"}}, ";
		printf "{\"statisticId\": \"g1.0.2\",";
		printf " \"value\": {\"value\": \"";
		for (i = 0; i < 1048576 / 8; i++) printf "Zo\303\253 M\303\274";
		printf "\"}}]}}" }'
}

TOKEN_PATH=/auth/v3/oauth/token
SUBSCRIBE_PATH=/statistics/v3/subscriptions
PROBE_PATH=
