# local.mk - the Bright Pattern source's part of the build (included by
# Makefile.am). Its files, tests, fuzz targets and shipped layouts.
PROVIDERS += brightpattern

libwb_a_SOURCES += src/providers/brightpattern/parse.c \
	src/providers/brightpattern/parse.h \
	src/providers/brightpattern/catalog.c \
	src/providers/brightpattern/subscription.c \
	src/providers/brightpattern/subscription.h \
	src/providers/brightpattern/probes.c \
	src/providers/brightpattern/probes.h \
	src/providers/brightpattern/selection.c \
	src/providers/brightpattern/selection.h
libsim_a_SOURCES += src/providers/brightpattern/view.c \
	src/providers/brightpattern/view.h \
	src/providers/brightpattern/view_sub.c \
	src/providers/brightpattern/view_stats.c \
	src/providers/brightpattern/view_internal.h
libboard_a_SOURCES += src/providers/brightpattern/client.c \
	src/providers/brightpattern/client.h \
	src/providers/brightpattern/client_internal.h \
	src/providers/brightpattern/lists.c \
	src/providers/brightpattern/demo.c
wallboard_sim_SOURCES += src/providers/brightpattern/routes.c

brightpatternlayoutsdir = $(pkgdatadir)/layouts/brightpattern
dist_brightpatternlayouts_DATA = layouts/brightpattern/inbound.layout \
	layouts/brightpattern/agents.layout \
	layouts/brightpattern/outbound.layout \
	layouts/brightpattern/digital.layout

UNIT_TESTS += src/providers/brightpattern/tests/check_auth
src_providers_brightpattern_tests_check_auth_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_auth_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/brightpattern/tests/check_catalog
src_providers_brightpattern_tests_check_catalog_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_catalog_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/brightpattern/tests/check_parse
src_providers_brightpattern_tests_check_parse_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_parse_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/brightpattern/tests/check_selection
src_providers_brightpattern_tests_check_selection_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_selection_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/brightpattern/tests/check_subscription
src_providers_brightpattern_tests_check_subscription_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_subscription_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/brightpattern/tests/check_view
src_providers_brightpattern_tests_check_view_CFLAGS = $(TEST_CFLAGS)
src_providers_brightpattern_tests_check_view_LDADD = $(TEST_LIBS)

SCRIPT_TESTS += src/providers/brightpattern/tests/once.test \
	src/providers/brightpattern/tests/faults.test \
	src/providers/brightpattern/tests/tui.test \
	src/providers/brightpattern/tests/api.test \
	src/providers/brightpattern/tests/abuse.test \
	src/providers/brightpattern/tests/vocabulary.test \
	src/providers/brightpattern/tests/probe.test \
	src/providers/brightpattern/tests/sim.test \
	src/providers/brightpattern/tests/hostile.test
EXTRA_DIST += src/providers/brightpattern/tests/profile.sh \
	src/providers/brightpattern/tests/data

FUZZ_NAMES += brightpattern_data
FUZZ_CORPUS_brightpattern_data = \
	$(abs_top_srcdir)/src/providers/brightpattern/tests/corpus
fuzz/fuzz_brightpattern_data: \
	$(top_srcdir)/src/providers/brightpattern/tests/fuzz_data.c \
	$(FUZZ_DEPS)
	$(FUZZ_LINK)
check_PROGRAMS += fuzz/replay_brightpattern_data
fuzz_replay_brightpattern_data_SOURCES = fuzz/replay.c \
	src/providers/brightpattern/tests/fuzz_data.c
fuzz_replay_brightpattern_data_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_brightpattern_data_LDADD = $(BOARD_LIBS)
EXTRA_DIST += src/providers/brightpattern/tests/corpus
FUZZ_NAMES += brightpattern_sim_subscribe
FUZZ_CORPUS_brightpattern_sim_subscribe = \
	$(abs_top_srcdir)/src/providers/brightpattern/tests/corpus_sim_subscribe
fuzz/fuzz_brightpattern_sim_subscribe: \
	$(top_srcdir)/src/providers/brightpattern/tests/fuzz_sim_subscribe.c \
	$(FUZZ_DEPS)
	$(FUZZ_LINK)
check_PROGRAMS += fuzz/replay_brightpattern_sim_subscribe
fuzz_replay_brightpattern_sim_subscribe_SOURCES = fuzz/replay.c \
	src/providers/brightpattern/tests/fuzz_sim_subscribe.c
fuzz_replay_brightpattern_sim_subscribe_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_brightpattern_sim_subscribe_LDADD = $(REPLAY_LIBS)
EXTRA_DIST += src/providers/brightpattern/tests/corpus_sim_subscribe
FUZZ_NAMES += brightpattern_subscription
FUZZ_CORPUS_brightpattern_subscription = $(abs_top_srcdir)/fuzz/corpus/layout
fuzz/fuzz_brightpattern_subscription: \
	$(top_srcdir)/src/providers/brightpattern/tests/fuzz_subscription.c \
	$(FUZZ_DEPS)
	$(FUZZ_LINK)
check_PROGRAMS += fuzz/replay_brightpattern_subscription
fuzz_replay_brightpattern_subscription_SOURCES = fuzz/replay.c \
	src/providers/brightpattern/tests/fuzz_subscription.c
fuzz_replay_brightpattern_subscription_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_brightpattern_subscription_LDADD = $(REPLAY_LIBS)

bench_bench_SOURCES += src/providers/brightpattern/tests/bench.c
EXTRA_DIST += src/providers/brightpattern/tests/large.layout

# Record and replay (tests/record.sh), and the text's examples as a
# recording replayed through the client (tests/recordings/).
SCRIPT_TESTS += src/providers/brightpattern/tests/record.test \
	src/providers/brightpattern/tests/recordings.test
EXTRA_DIST += src/providers/brightpattern/tests/recordings
