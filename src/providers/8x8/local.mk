# local.mk - the 8x8 source's part of the build (included by
# Makefile.am). Its files, tests, fuzz targets and shipped layouts.
PROVIDERS += 8x8

libwb_a_SOURCES += src/providers/8x8/parse.c src/providers/8x8/parse.h \
	src/providers/8x8/catalog.c
libsim_a_SOURCES += src/providers/8x8/view.c src/providers/8x8/view.h
libboard_a_SOURCES += src/providers/8x8/client.c src/providers/8x8/client.h \
	src/providers/8x8/demo.c
wallboard_sim_SOURCES += src/providers/8x8/routes.c

eightbyeightlayoutsdir = $(pkgdatadir)/layouts/8x8
dist_eightbyeightlayouts_DATA = layouts/8x8/queues.layout \
	layouts/8x8/agents.layout

UNIT_TESTS += src/providers/8x8/tests/check_catalog
src_providers_8x8_tests_check_catalog_CFLAGS = $(TEST_CFLAGS)
src_providers_8x8_tests_check_catalog_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/8x8/tests/check_parse
src_providers_8x8_tests_check_parse_CFLAGS = $(TEST_CFLAGS)
src_providers_8x8_tests_check_parse_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/8x8/tests/check_totals
src_providers_8x8_tests_check_totals_CFLAGS = $(TEST_CFLAGS)
src_providers_8x8_tests_check_totals_LDADD = $(TEST_LIBS)
UNIT_TESTS += src/providers/8x8/tests/check_view
src_providers_8x8_tests_check_view_CFLAGS = $(TEST_CFLAGS)
src_providers_8x8_tests_check_view_LDADD = $(TEST_LIBS)

SCRIPT_TESTS += src/providers/8x8/tests/once.test \
	src/providers/8x8/tests/faults.test \
	src/providers/8x8/tests/tui.test \
	src/providers/8x8/tests/api.test \
	src/providers/8x8/tests/abuse.test \
	src/providers/8x8/tests/vocabulary.test \
	src/providers/8x8/tests/probe.test
EXTRA_DIST += src/providers/8x8/tests/profile.sh \
	src/providers/8x8/tests/fixture.h

FUZZ_NAMES += 8x8_data
FUZZ_CORPUS_8x8_data = $(abs_top_srcdir)/src/providers/8x8/tests/corpus
fuzz/fuzz_8x8_data: \
	$(top_srcdir)/src/providers/8x8/tests/fuzz_data.c \
	$(FUZZ_DEPS)
	$(FUZZ_LINK)
check_PROGRAMS += fuzz/replay_8x8_data
fuzz_replay_8x8_data_SOURCES = fuzz/replay.c src/providers/8x8/tests/fuzz_data.c
fuzz_replay_8x8_data_CFLAGS = $(REPLAY_CFLAGS)
fuzz_replay_8x8_data_LDADD = $(BOARD_LIBS)
EXTRA_DIST += src/providers/8x8/tests/corpus

bench_bench_SOURCES += src/providers/8x8/tests/bench.c

# Record and replay (tests/record.sh), and the text's examples as a
# recording replayed through the client (tests/recordings/).
SCRIPT_TESTS += src/providers/8x8/tests/record.test \
	src/providers/8x8/tests/recordings.test
EXTRA_DIST += src/providers/8x8/tests/recordings
