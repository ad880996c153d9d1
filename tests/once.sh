#!/bin/sh
# once.sh - the data path end to end, for any source (PROVIDER; run by
# src/providers/<name>/tests/once.test): wallboard --once, --check and
# --list-* against a real wallboard-sim over HTTP, the failures a user
# meets first, and the promise that secrets never reach any output. What
# only one API has is in that source's tests/api.test.
. "$top_srcdir/tests/lib.sh"

PASSWORD="pw-$$-$(date +%s)-Sekret"
SECRET="sec-$$-$(date +%s)-ApiKey"
export WALLBOARD_SIM_PASSWORD="$PASSWORD" WALLBOARD_SIM_SECRET="$SECRET"
CONF="$TMP/wallboard.conf"
: >"$CONF"
chmod 600 "$CONF"
provider_config "$CONF"

# --- --check ------------------------------------------------------------
wb -c "$CONF" --check
check "--check accepts the shipped layouts" test $? -eq 0
check "--check prints what will be asked of the server" has "$PLAN" "$OUT"
check "--check names every shipped layout" has 'agents.layout' "$ERR"

cat >"$TMP/bad.layout" <<L
title = "Bad"
provider = "$PROVIDER"
row {
  panel "q" {
    type = service_grid
    column "w" { stat = "$BADSTAT" }
  }
}
L
wb -c "$CONF" --check -l "$TMP/bad.layout"
rc=$?
check "--check refuses a bad layout with exit 2" test $rc -eq 2
check "--check names file, line and the bad statistic" \
	grep -q "bad.layout:6:.*$BADSTAT" "$ERR"

other=$(other_provider)
wb -c "$CONF" --check -l "$LAYOUTS/$other/agents.layout"
rc=$?
check "--check refuses a layout written for another provider" \
	sh -c "test $rc -eq 2 && grep -q 'written for provider $other' '$ERR'"

# --- --demo --once ---------------------------------------------------------
wb --demo --once --provider "$PROVIDER"
check "--demo --once exits 0" test $? -eq 0
echo "$TITLES" | tr '|' '\n' >"$TMP/titles"
while read -r t; do
	check "--demo --once prints the $t layout" grep -qiF "== $t" "$OUT"
done <"$TMP/titles"
check "--demo --once prints every panel of every layout" \
	test "$(grep -c '^-- ' "$OUT")" -eq "$(cat "$LAYOUTS/$PROVIDER"/*.layout | grep -c '^ *panel ')"
check "--demo --once writes no escape sequence" \
	sh -c "! grep -q \"$(printf '\033')\" '$OUT'"

# --- against wallboard-sim -------------------------------------------------
start_sim --seed 7
: >"$CONF"
provider_config "$CONF"
U="--url $SIM_URL"

wb_as "$SECRET" --once $U
check "--once exits 0" test $? -eq 0
check "--once prints every panel of every layout" \
	test "$(grep -c '^-- ' "$OUT")" -eq "$(cat "$LAYOUTS/$PROVIDER"/*.layout | grep -c '^ *panel ')"
check "--once: agents are listed" grep -q "Ready\|Busy\|Not Ready" "$OUT"
check "--once: non-ASCII names arrive intact" grep -q '[^ -~]' "$OUT"
if provides subscription; then
	check "--once: the subscription is released" \
		sim_count_is subscriptions_active 0
	check "--once: DELETE was sent" sim_count_ge subscriptions_deleted 1
fi

wb_as "wrong-$SECRET" --once $U
rc=$?
check "bad credentials: exit 1" test $rc -eq 1
check "bad credentials: one clear line" grep -q "refused" "$ERR"
check "bad credentials: the wrong secret is not echoed" \
	sh -c "! grep -q 'wrong-' '$ERR'"


if provides lists; then
	wb_as "$SECRET" --list-agents $U
	check "--list-agents exits 0" test $? -eq 0
	check "--list-agents prints id and name" grep -q "	" "$OUT"
	wb_as "$SECRET" --list-services $U
	check "--list-services prints the queues" test -s "$OUT"
else
	wb_as "$SECRET" --list-agents $U
	rc=$?
	check "--list-agents: says the API has no list" \
		sh -c "test $rc -eq 1 && grep -q 'no such list' '$ERR'"
fi

# No server at all: a port nobody listens on.
stop_sim
wb_as "$SECRET" --once --url "$SIM_URL"
rc=$?
check "no server: exit 1" test $rc -eq 1
check "no server: says there is no answer" \
	grep -q "no answer from the server" "$ERR"

wb -c "$CONF" --once --url "$SIM_URL" --user supervisor
rc=$?
check "no credentials: exit 2 with advice" \
	sh -c "test $rc -eq 2 && grep -q $NOCREDS_HINT '$ERR'"

check "the password never appears in any output" \
	sh -c "! grep -q -- '$PASSWORD' '$ALL'"
check "the API secret never appears in any output" \
	sh -c "! grep -q -- '$SECRET' '$ALL'"

done_testing
