/*
 * test_util: the small helpers in util.c that messages and the loader lean
 * on: UTF-8 decoding, counting and clipping, escaping, hex digits and edit
 * distance.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util.h"

static void
test_utf8_clip(void)
{
	static const struct {
		const char *s;
		size_t max, want;
	} cases[] = {
		{ "short", 40, 5 },
		{ "exactly", 7, 7 },
		{ "abcdefgh", 4, 4 },
		{ "ab\xc3\xa9z", 3, 2 }, /* "é" would be cut: back off */
		{ "ab\xc3\xa9z", 4, 4 }, /* "é" fits whole */
		{ "\xe4\xb8\xad\xe6\x96\x87", 4, 3 }, /* 中文: one of two */
		{ "\xf0\x9f\x98\x80x", 2, 0 }, /* an emoji cannot start */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(util_utf8_clip(cases[i].s, strlen(cases[i].s),
		                         cases[i].max),
		          cases[i].want);
}

static void
test_hex_digit(void)
{
	CHECK_INT(util_hex_digit('0'), 0);
	CHECK_INT(util_hex_digit('9'), 9);
	CHECK_INT(util_hex_digit('a'), 10);
	CHECK_INT(util_hex_digit('F'), 15);
	CHECK_INT(util_hex_digit('g'), -1);
	CHECK_INT(util_hex_digit('G'), -1);
	CHECK_INT(util_hex_digit('/'), -1);
	CHECK_INT(util_hex_digit(':'), -1);
	CHECK_INT(util_hex_digit('@'), -1);
	CHECK_INT(util_hex_digit(0), -1);
}

static void
test_utf8_decode_and_count(void)
{
	uint32_t cp = 0;

	CHECK_INT(util_utf8_decode("\xc3\xa9", 2, &cp), 2);
	CHECK_INT(cp, 0xe9);
	CHECK_INT(util_utf8_decode("\xc0\xaf", 2, &cp), 0);     /* overlong */
	CHECK_INT(util_utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	CHECK_INT(util_utf8_decode("\xe4\xb8", 2, &cp), 0);     /* truncated */
	CHECK_INT(util_utf8_count("a\xc3\xa9\xe4\xb8\xad", 6), 3);
}

static void
test_escape(void)
{
	char *s = util_escape("a\tb\n\x01\xff", 6);

	CHECK_STR(s, "a\\tb\\n\\x01\\xff");
	free(s);
}

static void
test_edit_distance(void)
{
	CHECK_INT(util_edit_distance("title", "title"), 0);
	CHECK_INT(util_edit_distance("titel", "title"), 1); /* a swap */
	CHECK_INT(util_edit_distance("bulets", "bullets"), 1);
	CHECK_INT(util_edit_distance("", "abc"), 3);
}

int
main(void)
{
	RUN(test_utf8_clip);
	RUN(test_hex_digit);
	RUN(test_utf8_decode_and_count);
	RUN(test_escape);
	RUN(test_edit_distance);
	return check_done("test_util");
}
