# profile.sh - what the generic test suites (tests/*.sh, through
# tests/lib.sh) need to know of the Bright Pattern source.

# Where its data comes from (faults are injected there), how many shipped
# layouts it has, and the title of the first.
DATA_PATH=/statsapi/subscription/data
NLAYOUTS=4
FIRST_TITLE="Inbound queues"

# What --check prints, a statistic it does not know, the titles of its
# shipped layouts, and the hint when no credentials are given.
PLAN='"agent_grids"'
BADSTAT=in_calls_wating
TITLES="Inbound|Agents|Outbound|Chat and email"
NOCREDS_HINT=WALLBOARD_PASSWORD

# provides FEATURE: login (a login the server can end), subscription
# (something held on the server: 404 when lost, released on exit), wait204
# ("no data yet" answers), tenant_cap (409 at a tenant's limit), chat
# (messages for a ticker), probes (statistics asked apart from the poll),
# lists (--list-*), state_words (agent states sent as words, which the
# simulator can be told to send in other words), fraction_shares
# (statistics the catalogue takes as 0-1; SHARE_LAYOUT shows some).
provides() { return 0; }
SHARE_LAYOUT=inbound.layout

# creds_env SECRET: the environment a board needs to log in; CREDS_ARGS:
# its options.
creds_env() { echo "WALLBOARD_CLIENT_SECRET=$1"; }
CREDS_ARGS="--client-id supervisor --tenant demo.wallboard.test"

# provider_config FILE: what a config file needs for this source.
provider_config() { :; }

# board_cmd CONF URL: the command line of a board logged in to the simulator.
board_cmd() {
	echo "WALLBOARD_CLIENT_SECRET=$SECRET $WALLBOARD -c $1 --url $2" \
		"--tenant demo.wallboard.test --client-id supervisor"
}

# shape_body: data of this API with arrays, numbers and keys where they do
# not belong.
shape_body() {
	echo '{"wallboard": {"agent_grids": {"id": 1}, "stats_totals": [7],' \
		'"chat_messages": {"x": 1}}}'
}

# rows_body N: a data answer of N ready agents "Agent <i>" for the agent
# board (layout 2).
rows_body() {
	awk -v n="$1" 'BEGIN { printf "{\"wallboard\": {\"agent_grids\": [";
		printf "{\"id\": \"2-board\", \"values\": [";
		f = "%s{\"agent\": \"Agent %d\", ";
		f = f "\"state\": \"ready\", \"time\": \"%d\"}";
		for (i = 0; i < n; i++) printf f, (i ? "," : ""), i, i;
		printf "]}]}}" }'
}

# cell_body: a data answer whose one ready agent has a 1 MB text cell.
cell_body() {
	awk 'BEGIN { printf "{\"wallboard\": {\"agent_grids\": [";
		printf "{\"id\": \"2-board\", \"values\": [";
		printf "{\"state\": \"ready\", \"agent\": \"";
		for (i = 0; i < 1048576 / 8; i++) printf "Zo\303\253 M\303\274";
		printf "\"}]}]}}" }'
}

# Where a login gets its OAuth token, where a subscription is made, and
# where the statistics asked apart from the poll are (empty: none).
TOKEN_PATH=/configapi/v2/oauth/token
SUBSCRIBE_PATH=/statsapi/subscription
PROBE_PATH=/statsapi/info/check_available_agents
