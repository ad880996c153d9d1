#!/bin/sh
# probe.sh - wallboard --probe, the first-contact report, for any source
# (PROVIDER; run by src/providers/<name>/tests/probe.test) against
# wallboard-sim: every column of every layout reported with what came,
# exit 0 when all arrived and 1 when not, the server's words the board
# does not know and shares out of scale named, the subscription released,
# and no secret in the report.
. "$top_srcdir/tests/lib.sh"

SECRET="sec-$$-$(date +%s)-ApiKey"
export WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"

start_sim --seed 7
: >"$CONF"
chmod 600 "$CONF"
provider_config "$CONF"
U="--url $SIM_URL"
NCOLS=$(cat "$LAYOUTS/$PROVIDER"/*.layout | grep -c '^ *column ')

# probe [ARGS...]: --probe with the provider's credentials.
probe() { wb_as "$SECRET" --probe $U "$@"; }

# --- everything arrives ----------------------------------------------------
probe
rc=$?
check "--probe: exit 0 when every statistic arrived" test $rc -eq 0
check "--probe: names the source and the server" \
	grep -q "^wallboard probe: $PROVIDER at $SIM_URL" "$OUT"
check "--probe: a line per column of every shipped layout ($NCOLS)" \
	test "$(grep -c '^    column "' "$OUT")" -eq "$NCOLS"
check "--probe: the result counts them all" \
	grep -q "^result: $NCOLS of $NCOLS statistics arrived" "$OUT"
check "--probe: every layout is named with its file" \
	test "$(grep -c '^layout ".*\.layout)$' "$OUT")" -eq "$NLAYOUTS"
check "--probe: samples are quoted, units named" \
	grep -q '^    column ".*: sent.*; ".*"; \(count\|seconds\|text\|state\)' "$OUT"
check "--probe: writes no escape sequence" \
	sh -c "! grep -q \"$(printf '\033')\" '$OUT'"
if provides subscription; then
	check "--probe: the subscription is released" \
		sim_count_is subscriptions_active 0
fi

# --- what the board does not know ------------------------------------------
if provides state_words; then
	sim_control '{"reset": true, "state_words": {"busy": "Pausa"}}'
	probe
	check "--probe: an unknown state word is named with the map to write" \
		grep -q '! unknown state word "Pausa".*state_map = {"Pausa=not_ready"}' "$OUT"
else
	skip "$(lacks 'agent states sent as words')"
fi
if provides fraction_shares; then
	sim_control '{"reset": true, "share_scale": 100}'
	probe -l "$LAYOUTS/$PROVIDER/$SHARE_LAYOUT"
	check "--probe: a 0-1 share sent as percent is named with the scale to write" \
		grep -q "! values up to [0-9.]* where a share of 0 to 1 was assumed.*write scale = 1 in this column ([^)]*$SHARE_LAYOUT:[0-9]*)" "$OUT"
else
	skip "$(lacks 'statistics the catalogue takes as 0-1')"
fi

# --- what does not arrive ---------------------------------------------------
if rows_body 3 >"$TMP/rows.json"; then
	sim_control '{"reset": true}'
	sim_control "$(body_control "$TMP/rows.json" -1)"
	probe
	rc=$?
	check "--probe: exit 1 when a statistic is missing" test $rc -eq 1
	check "--probe: a missing statistic is said on its column" \
		grep -q "NOT SENT" "$OUT"
	check "--probe: the result names what is missing, with file and line" \
		grep -q '^  missing: .*\.layout:[0-9]* panel ".*" column ".*" (.*)$' "$OUT"
	sim_control '{"reset": true}'
else
	skip "--probe with a statistic missing: the $PROVIDER board's rows are the config's objects"
fi

stop_sim
probe
rc=$?
check "--probe: no server: exit 1" test $rc -eq 1
check "--probe: no server: the report says there is no data and why" \
	grep -q "^result: no data: .*no answer from the server" "$OUT"

check "the API secret never appears in any output" \
	sh -c "! grep -q -- '$SECRET' '$ALL'"
done_testing
