/*
 * check_sim.c - unit tests of the simulated contact centre's model
 * (src/sim/) as every view sees it: the object lists, the same figures from
 * the same seed, the figures of a service adding up to the totals, and a
 * service pinned or renamed (wallboard-sim's force and rename) in every
 * figure a view reads, until reset. How
 * each source presents the model is tested in its own tests/check_view.c.
 */
#include "autoconf.h"

#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"
#include "util.h"
#include "simlib.h"

START_TEST(test_object_lists)
{
	struct sim *s = simlib_new(1, 30, 7, 11);
	char *agents = sim_object_list(s, "agents");
	char *queues = sim_object_list(s, "queues");
	char *line, *save;
	int n = 0;

	for (line = strtok_r(agents, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		ck_assert_str_eq(line, s->agents[n++].login_id);
	ck_assert_int_eq(n, 30);
	n = 0;
	for (line = strtok_r(queues, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		ck_assert_str_eq(line, s->svcs[n++].name);
	ck_assert_int_eq(n, 7);
	ck_assert_ptr_null(sim_object_list(s, "teams"));
	free(agents);
	free(queues);
	sim_free(s);
}
END_TEST

START_TEST(test_same_seed_same_figures)
{
	struct sim *a = simlib_new(4, 0, 0, 11), *b = simlib_new(4, 0, 0, 11);
	double fa[FIG_N], fb[FIG_N];

	sim_step(a, 600);
	sim_step(b, 600);
	for (int i = 0; i < a->nsvcs; i++) {
		sim_service_figures(a, i, fa);
		sim_service_figures(b, i, fb);
		ck_assert_mem_eq(fa, fb, sizeof(fa));
	}
	sim_free(a);
	sim_free(b);
}
END_TEST

START_TEST(test_services_add_up)
{
	struct sim *s = simlib_new(6, 0, 0, 11.5);
	double f[FIG_N], all[FIG_N], waiting = 0;

	sim_step(s, 300);
	for (int i = 0; i < s->nsvcs; i++) {
		sim_service_figures(s, i, f);
		waiting += f[L_WAITING];
	}
	sim_total_figures(s, NULL, all);
	ck_assert_int_eq((int)waiting, (int)all[L_WAITING]);
	sim_free(s);
}
END_TEST

/* The test cases. */
/*
 * A pinned queue shows in the service's, the totals' and its agents' figures.
 */
START_TEST(test_pin)
{
	struct sim *s = simlib_new(2, 0, 0, 11);
	double f[FIG_N], before[FIG_N];
	int v = sim_find_service(s, "Voice Inbound");
	const struct sim_agent *a = NULL;

	ck_assert_int_ge(v, 0);
	for (int i = 0; i < s->nagents && a == NULL; i++)
		if (sim_agent_serves(s, &s->agents[i], v))
			a = &s->agents[i];
	ck_assert_ptr_nonnull(a);
	sim_total_figures(s, NULL, before);
	ck_assert(!sim_pin_service(s, "No such queue", 1, NAN));
	ck_assert(sim_pin_service(s, "Voice Inbound", 3000, 7200));
	sim_step(s, 60);	/* the model moves on; the pin holds */
	sim_service_figures(s, v, f);
	ck_assert_double_eq(f[L_WAITING], 3000);
	ck_assert_double_eq(f[L_MAX_WAIT], 7200);
	sim_total_figures(s, NULL, f);
	ck_assert_double_ge(f[L_WAITING], 3000);
	ck_assert_double_eq(f[L_MAX_WAIT], 7200);
	sim_agent_figures(s, a, f);
	ck_assert_double_ge(f[L_WAITING], 3000);
	ck_assert_double_eq(f[L_MAX_WAIT], 7200);
	/* Waiting alone: the longest wait is the model's again after reset. */
	sim_pins_reset(s);
	ck_assert(sim_pin_service(s, "Voice Inbound", 5, NAN));
	sim_service_figures(s, v, f);
	ck_assert_double_eq(f[L_WAITING], 5);
	ck_assert_double_lt(f[L_MAX_WAIT], 7200);
	sim_pins_reset(s);
	sim_service_figures(s, v, f);
	ck_assert_double_lt(f[L_WAITING], 3000);
	sim_free(s);
}
END_TEST

/* A renamed service is found and listed by its new name until reset. */
START_TEST(test_rename)
{
	struct sim *s = simlib_new(2, 0, 0, 11);
	int v = sim_find_service(s, "Nice Inbound");
	char *list;

	ck_assert(sim_rename_service(s, "Nice Inbound", "$(touch x); -rf"));
	ck_assert(sim_rename_service(s, "$(touch x); -rf", "=1+2"));
	ck_assert_int_eq(sim_find_service(s, "=1+2"), v);
	ck_assert_int_eq(sim_find_service(s, "Nice Inbound"), -1);
	list = sim_object_list(s, "queues");
	ck_assert_ptr_nonnull(strstr(list, "=1+2\n"));
	free(list);
	ck_assert(!sim_rename_service(s, "Nice Inbound", "x"));
	sim_pins_reset(s);
	ck_assert_str_eq(s->svcs[v].name, "Nice Inbound");
	sim_free(s);
}
END_TEST

static Suite *sim_suite(void)
{
	Suite *s = suite_create("sim");
	TCase *t = tcase_create("model");

	tcase_add_test(t, test_object_lists);
	tcase_add_test(t, test_same_seed_same_figures);
	tcase_add_test(t, test_services_add_up);
	tcase_add_test(t, test_pin);
	tcase_add_test(t, test_rename);
	suite_add_tcase(s, t);
	return s;
}

/* Run the suite; non-zero when a test failed. */
int main(void)
{
	SRunner *r = srunner_create(sim_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed == 0 ? 0 : 1;
}
