/*
 * test_textrun: direction and script runs of a line (textrun.c), in visual
 * order, and a paragraph's direction.
 */
#include "textrun.h"

#include <string.h>

#include "check.h"

/* The runs of s in a paragraph of direction rtl, as "text:dir:script"
 * joined with '|' into out. */
static size_t
runs_of(const char *s, bool rtl, char *out)
{
	struct textrun r[TEXTRUN_MAX];
	size_t n = textrun_runs(s, strlen(s), rtl, r, TEXTRUN_MAX);

	*out = '\0';
	for (size_t k = 0; k < n && k < TEXTRUN_MAX; k++) {
		if (k)
			strcat(out, "|");
		strncat(out, s + r[k].off, r[k].len);
		strcat(out, r[k].rtl ? ":rtl:" : ":ltr:");
		strcat(out, r[k].script);
	}
	return n;
}

static void
test_direction(void)
{
	CHECK(!textrun_is_rtl("Hello", 5));
	CHECK(!textrun_is_rtl("", 0));
	CHECK(!textrun_is_rtl("2007 ...", 8));
	/* Arabic, Hebrew; a paragraph starting with digits then Arabic */
	CHECK(textrun_is_rtl("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", 10));
	CHECK(textrun_is_rtl("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", 8));
	CHECK(textrun_is_rtl("2007 \xd9\x85\xd8\xb1", 9));
	CHECK(!textrun_is_rtl("IGF \xd9\x85\xd8\xb1", 8));
	/* Chinese and Hindi are left to right */
	CHECK(!textrun_is_rtl("\xe4\xb8\xad\xe6\x96\x87", 6));
	CHECK(!textrun_is_rtl("\xe0\xa4\xb9\xe0\xa4\xbf", 6));
}

static void
test_latin(void)
{
	char out[512];

	CHECK_INT(runs_of("Hello, world", false, out), 1);
	CHECK_STR(out, "Hello, world:ltr:Latn");
	CHECK_INT(runs_of("", false, out), 0);
	/* Latin with accents and Greek: two scripts, one direction */
	CHECK_INT(runs_of("caf\xc3\xa9 \xce\xb1\xce\xb2", false, out), 2);
	CHECK_STR(out, "caf\xc3\xa9 :ltr:Latn|\xce\xb1\xce\xb2:ltr:Grek");
}

/* "مرحبا IGF 2007" in a right-to-left paragraph: the Arabic word (with
 * the space after it, drawn at its left) rightmost, "IGF 2007" left to
 * right at the left end of the line. */
static void
test_mixed_rtl(void)
{
	const char *s = "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 IGF 2007";
	char out[512];
	size_t n = runs_of(s, true, out);

	CHECK_INT(n, 2);
	CHECK_STR(out, "IGF 2007:ltr:Latn|"
	               "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 :rtl:Arab");
}

/* An English sentence holding a Hebrew word keeps its order around it. */
static void
test_mixed_ltr(void)
{
	const char *s = "say \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d now";
	char out[512];

	CHECK_INT(runs_of(s, false, out), 3);
	CHECK_STR(out,
	          "say :ltr:Latn|\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d:rtl:Hebr|"
	          " now:ltr:Latn");
}

/* Han and kana share a line; the Japanese full stop joins the run. */
static void
test_cjk(void)
{
	char out[512];

	CHECK_INT(runs_of("\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82", false, out),
	          1);
	CHECK_STR(out, "\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82:ltr:Hani");
	CHECK_INT(runs_of("\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae", false, out),
	          2);
	CHECK_STR(out, "\xe6\x97\xa5\xe6\x9c\xac:ltr:Hani|"
	               "\xe3\x81\xae:ltr:Hira");
}

/* Invalid UTF-8 and more runs than room: counted, never overrun. */
static void
test_limits(void)
{
	struct textrun r[2];
	const char *s = "a\xd7\xa9"
	                "b\xd7\xa9"
	                "c\xd7\xa9";
	char bad[] = "ab\xff\xfe";

	CHECK_INT(textrun_runs(s, strlen(s), false, r, 2), 6);
	CHECK_INT(r[0].off, 0);
	CHECK_INT(textrun_runs(bad, 4, false, r, 2), 1);
	CHECK_INT(r[0].len, 4);
}

int
main(void)
{
	RUN(test_direction);
	RUN(test_latin);
	RUN(test_mixed_rtl);
	RUN(test_mixed_ltr);
	RUN(test_cjk);
	RUN(test_limits);
	return check_done("test_textrun");
}
