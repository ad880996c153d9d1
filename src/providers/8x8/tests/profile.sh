# profile.sh - what the generic test suites (tests/*.sh, through
# tests/lib.sh) need to know of the 8x8 source. See the Bright Pattern
# profile for what each name means.

DATA_PATH=/api/rtstats/stats/agents.json
NLAYOUTS=2
FIRST_TITLE="Queues (8x8)"

PLAN='agents.json'
BADSTAT=queue-sise
TITLES="Queues (8x8)|Agents (8x8)"
NOCREDS_HINT=WALLBOARD_API_TOKEN

provides() { [ "$1" = lists ]; }

creds_env() { echo "WALLBOARD_API_TOKEN=$1"; }
CREDS_ARGS="--tenant demo.wallboard.test"

provider_config() { echo "provider = \"8x8\"" >>"$1"; }

board_cmd() {
	echo "WALLBOARD_API_TOKEN=$SECRET $WALLBOARD -c $1 --url $2" \
		"--tenant demo.wallboard.test"
}

shape_body() { echo '{"agents": {"agent": 5}}'; }

rows_body() {
	awk -v n="$1" 'BEGIN { printf "{\"agents\": {\"agent\": [";
		f = "%s{\"agent-name\":\"Agent %d\",\"agent-status\":0}";
		for (i = 0; i < n; i++) printf f, (i ? "," : ""), i;
		printf "]}}" }'
}

cell_body() {
	awk 'BEGIN { printf "{\"agents\": {\"agent\": {\"agent-id\": \"z\", ";
		printf "\"agent-status\": \"0\", \"agent-name\": \"";
		for (i = 0; i < 1048576 / 8; i++) printf "Zo\303\253 M\303\274";
		printf "\"}}}" }'
}

TOKEN_PATH=
SUBSCRIBE_PATH=
PROBE_PATH=
