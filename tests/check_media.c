/*
 * check_media.c - unit tests of a service's media (src/media.[ch]): the
 * words of its name, the layout's service_media over them, the media
 * words, and the entries service_media refuses.
 */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "media.h"

START_TEST(test_by_name)
{
	ck_assert_uint_eq(media_of("Chat Service", NULL), MEDIA_CHAT_BIT);
	ck_assert_uint_eq(media_of("Best CHAT service", NULL), MEDIA_CHAT_BIT);
	ck_assert_uint_eq(media_of("SMS support", NULL), MEDIA_CHAT_BIT);
	ck_assert_uint_eq(media_of("Messaging", NULL), MEDIA_CHAT_BIT);
	ck_assert_uint_eq(media_of("Email Svc", NULL), MEDIA_EMAIL_BIT);
	ck_assert_uint_eq(media_of("E-Mail Kunden", NULL), MEDIA_EMAIL_BIT);
	ck_assert_uint_eq(media_of("Voice Inbound", NULL), MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_of("Support für Kunden", NULL),
			  MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_of("販売 窓口", NULL), MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_of("", NULL), MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_of(NULL, NULL), 0);
}
END_TEST

START_TEST(test_layout_says)
{
	struct media_map m = { 0 };
	char err[200];

	ck_assert(media_map_add(&m, "Kundendienst=email", err, sizeof(err)));
	ck_assert(media_map_add(&m, "Chat Service=voice", err, sizeof(err)));
	ck_assert(media_map_add(&m, "a=b=chat", err, sizeof(err)));
	ck_assert_uint_eq(media_of("Kundendienst", &m), MEDIA_EMAIL_BIT);
	ck_assert_uint_eq(media_of("kundendienst", &m), MEDIA_EMAIL_BIT);
	ck_assert_uint_eq(media_of("Chat Service", &m), MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_of("a=b", &m), MEDIA_CHAT_BIT);
	/* Names it does not hold go by their words. */
	ck_assert_uint_eq(media_of("Best Chat Service", &m), MEDIA_CHAT_BIT);
	media_map_free(&m);
	ck_assert_uint_eq(m.n, 0);
}
END_TEST

START_TEST(test_refused)
{
	struct media_map m = { 0 };
	char err[200];

	ck_assert(!media_map_add(&m, "Kundendienst", err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "is not \"Service name=media\""));
	ck_assert(!media_map_add(&m, "=chat", err, sizeof(err)));
	ck_assert(!media_map_add(&m, "Kundendienst=fax", err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "unknown media \"fax\""));
	ck_assert_uint_eq(m.n, 0);
	media_map_free(&m);
}
END_TEST

START_TEST(test_words)
{
	ck_assert_uint_eq(media_word("voice"), MEDIA_VOICE_BIT);
	ck_assert_uint_eq(media_word("Chat"), MEDIA_CHAT_BIT);
	ck_assert_uint_eq(media_word("EMAIL"), MEDIA_EMAIL_BIT);
	ck_assert_uint_eq(media_word("fax"), 0);
	ck_assert_uint_eq(media_word(""), 0);
	ck_assert_uint_eq(media_word(NULL), 0);
}
END_TEST

static Suite *media_suite(void)
{
	Suite *s = suite_create("media");
	TCase *tc = tcase_create("media");

	tcase_add_test(tc, test_by_name);
	tcase_add_test(tc, test_layout_says);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_words);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(media_suite());
	int failed;

	srunner_run_all(r, CK_ENV);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
