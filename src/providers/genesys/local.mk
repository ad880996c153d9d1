# local.mk - the Genesys source's part of the build (included by
# Makefile.am). Its files, tests, fuzz targets and shipped layouts.
PROVIDERS += genesys

libwb_a_SOURCES += src/providers/genesys/parse.c src/providers/genesys/parse.h \
	src/providers/genesys/subscription.c \
	src/providers/genesys/parse_internal.h src/providers/genesys/refusal.c \
	src/providers/genesys/catalog.c
libsim_a_SOURCES += src/providers/genesys/view.c src/providers/genesys/view.h \
	src/providers/genesys/view_objects.c src/providers/genesys/view_internal.h \
	src/providers/genesys/view_stats.c
libboard_a_SOURCES += src/providers/genesys/client.c src/providers/genesys/client.h src/providers/genesys/demo.c
wallboard_sim_SOURCES += src/providers/genesys/routes.c

genesyslayoutsdir = $(pkgdatadir)/layouts/genesys
dist_genesyslayouts_DATA = layouts/genesys/queues.layout \
	layouts/genesys/agents.layout

UNIT_TESTS += src/providers/genesys/tests/check_parse
src_providers_genesys_tests_check_parse_CFLAGS = $(TEST_CFLAGS)
src_providers_genesys_tests_check_parse_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/genesys/tests/check_subscription
src_providers_genesys_tests_check_subscription_CFLAGS = $(TEST_CFLAGS)
src_providers_genesys_tests_check_subscription_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/genesys/tests/check_view
src_providers_genesys_tests_check_view_CFLAGS = $(TEST_CFLAGS)
src_providers_genesys_tests_check_view_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/genesys/tests/check_refusal
src_providers_genesys_tests_check_refusal_CFLAGS = $(TEST_CFLAGS)
src_providers_genesys_tests_check_refusal_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/genesys/tests/check_deployment
src_providers_genesys_tests_check_deployment_CFLAGS = $(TEST_CFLAGS)
src_providers_genesys_tests_check_deployment_LDADD = $(TEST_LIBS)

SCRIPT_TESTS += src/providers/genesys/tests/once.test \
	src/providers/genesys/tests/faults.test \
	src/providers/genesys/tests/tui.test \
	src/providers/genesys/tests/api.test \
	src/providers/genesys/tests/abuse.test \
	src/providers/genesys/tests/vocabulary.test \
	src/providers/genesys/tests/probe.test
EXTRA_DIST += src/providers/genesys/tests/profile.sh \
	src/providers/genesys/tests/fixture.h

FUZZ_NAMES += genesys_data
FUZZ_CORPUS_genesys_data = $(abs_top_srcdir)/src/providers/genesys/tests/corpus
fuzz/fuzz_genesys_data: $(top_srcdir)/src/providers/genesys/tests/fuzz_data.c $(FUZZ_DEPS)
	$(FUZZ_LINK)
check_PROGRAMS += fuzz/replay_genesys_data
fuzz_replay_genesys_data_SOURCES = fuzz/replay.c src/providers/genesys/tests/fuzz_data.c
fuzz_replay_genesys_data_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_genesys_data_LDADD = $(BOARD_LIBS)
EXTRA_DIST += src/providers/genesys/tests/corpus

bench_bench_SOURCES += src/providers/genesys/tests/bench.c

# Record and replay (tests/record.sh), and the text's examples as a
# recording replayed through the client (tests/recordings/).
SCRIPT_TESTS += src/providers/genesys/tests/record.test \
	src/providers/genesys/tests/recordings.test
EXTRA_DIST += src/providers/genesys/tests/recordings
