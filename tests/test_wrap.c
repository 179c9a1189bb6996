/*
 * test_wrap: the line breaking rules of wrap.c, with a fake monospace
 * measurer: every code point is 10 px wide (a character cut short counts
 * for nothing, so cutting inside one would seem to fit and be caught).
 */
#include "wrap.h"

#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "util.h"

/*
 * The fake measurer.
 */

struct fake {
	long calls; /* measure calls */
	int kern;   /* > 0: a run of n code points is n * n / kern wider, so a
	               line is wider than the sum of its words */
};

static int
fake_measure(void *ctx, const char *s, size_t len)
{
	struct fake *f = ctx;
	long n = count_chars(s, len);

	f->calls++;
	return (int)(10 * n + (f->kern ? n * n / f->kern : 0));
}

static bool
is_cont(const char *s)
{
	return ((unsigned char)*s & 0xc0) == 0x80;
}

/* Joins the n spans of s with '|' into out. */
static void
join_spans(const char *s, const struct wrap_span *sp, size_t n, char *out)
{
	*out = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, s + sp[i].off, sp[i].len);
	}
}

/* Whether every span is whole UTF-8 characters, measured right and (when
 * longer than one character) no wider than width. */
static bool
spans_ok(const char *s, const struct wrap_span *sp, size_t n, int width)
{
	for (size_t i = 0; i < n; i++) {
		const char *a = s + sp[i].off, *b = a + sp[i].len;

		if ((sp[i].len && is_cont(a)) || is_cont(b))
			return false;
		if (sp[i].width != 10 * count_chars(a, sp[i].len))
			return false;
		if (sp[i].width > width && util_utf8_count(a, sp[i].len) > 1)
			return false;
	}
	return true;
}

/*
 * The rules, case by case.
 */

struct wrap_case {
	const char *text;
	int chars;        /* line width, in characters of 10 px */
	size_t n;         /* lines expected */
	const char *want; /* the lines joined with '|' */
	bool broke;       /* an ordinary word is broken */
};

static const struct wrap_case cases[] = {
	/* nothing, and spaces */
	{ "", 10, 0, "", false },
	{ "   ", 20, 1, "", false },
	{ "\t \t", 20, 1, "", false },
	{ "  lead  and  trail  ", 20, 1, "lead  and  trail", false },
	{ "  lead words wrap", 10, 2, "lead words|wrap", false },
	{ "a  b", 4, 1, "a  b", false }, /* spaces inside a line count */
	{ "a  b", 3, 2, "a|b", false },
	{ "a\tb c", 5, 1, "a\tb c", false },
	{ "a\tb", 2, 2, "a|b", false }, /* a tab is a space */
	/* breaking at spaces */
	{ "hello world", 11, 1, "hello world", false },
	{ "hello world", 10, 2, "hello|world", false },
	{ "a b c d e f", 3, 3, "a b|c d|e f", false },
	{ "ação ação ação", 9, 2, "ação ação|ação", false },
	/* line breaks */
	{ "one\ntwo", 20, 2, "one|two", false },
	{ "one\n\ntwo", 20, 3, "one||two", false },
	{ "trailing\n", 20, 2, "trailing|", false },
	{ "\n", 20, 2, "|", false },
	{ "  \n  ", 20, 2, "|", false },
	{ "one \n two", 20, 2, "one|two", false },
	/* long words: as full lines as fit, the rest shares a line */
	{ "abcdefghij", 4, 3, "abcd|efgh|ij", true },
	{ "x abcdefgh", 4, 3, "x|abcd|efgh", true },
	{ "abcdef g", 4, 2, "abcd|ef g", true },
	{ "abcdef gh", 4, 3, "abcd|ef|gh", true },
	{ "ação, coração", 6, 3, "ação,|coraçã|o", true },
	{ "ççççç", 2, 3, "çç|çç|ç", true },
	{ "abc", 0, 3, "a|b|c", true }, /* narrower than a character */
	/* words that are normal to break: URLs, paths, addresses, CJK */
	{ "see https://example.org/a/long/path", 10, 5,
	  "see|https://|example.or|g/a/long/|path", false },
	{ "x https://example.org/ab yz", 10, 4, "x|https://|example.or|g/ab yz",
	  false },
	/* a line may break after a '/' or '-' between letters, though no
	   space is there; not in "https://", "-5" or "2007-2008" */
	{ "promoted/strengthened?", 14, 2, "promoted/|strengthened?", false },
	{ "multi-stakeholder", 12, 2, "multi-|stakeholder", false },
	{ "a/long/path", 8, 2, "a/long/|path", false },
	{ "x multi-stake", 9, 2, "x multi-|stake", false },
	{ "2007-2008", 5, 2, "2007-|2008", true },
	{ "ab -5", 3, 2, "ab|-5", false },
	{ "-abcdef", 4, 2, "-abc|def", true }, /* a lone '-' is no break */
	/* a no-break space (U+00A0) joins words */
	{ "in Rio\u00a0de\u00a0Janeiro", 14, 2, "in|Rio\u00a0de\u00a0Janeiro",
	  false },
	{ "name@example.org", 8, 2, "name@exa|mple.org", false },
	{ "漢字漢字漢字", 4, 2, "漢字漢字|漢字", false },
	/* CJK breaks between characters, never before a closing mark (UAX
	   #14): no line starts with "，" or "。" */
	{ "人人生而自由，在尊严", 6, 2, "人人生而自|由，在尊严", false },
	{ "一二三四五。六七", 5, 2, "一二三四|五。六七", false },
	{ "我们（中国）的", 3, 3, "我们|（中|国）的", false },
	{ "すべての人間は、生まれ", 7, 2, "すべての人間|は、生まれ", false },
	/* Thai breaks between its words (libthai's dictionary): "human
	   beings all / were born", not inside a word */
	{ "มนุษย์ทั้งหลายเกิดมา", 14, 2, "มนุษย์ทั้งหลาย|เกิดมา", false },
	{ "มนุษย์ทั้งหลายเกิดมา", 12, 3, "มนุษย์|ทั้งหลายเกิด|มา", false },
	/* a flag (two regional indicators) is never split, and U+FFFF is
	   taken too (libunibreak 1.1 aborts on both) */
	{ "🇧🇷🇧🇷🇧🇷", 3, 3, "🇧🇷|🇧🇷|🇧🇷", false },
	{ "🇧🇷🇧🇷🇧🇷", 4, 2, "🇧🇷🇧🇷|🇧🇷", false },
	{ "x🇧漢\uffff漢", 2, 3, "x🇧|漢\uffff|漢", false },
	/* any code point from U+2E80 counts as CJK: emoji too, and a word
	   that holds one is normal to break all through */
	{ "😀😀😀 ok", 2, 3, "😀😀|😀|ok", false },
	{ "😀ç", 0, 2, "😀|ç", false },
	{ "abc😀", 2, 2, "ab|c😀", false },
	/* a word that fits is never broken */
	{ "abcd", 4, 1, "abcd", false },
};

static void
test_cases(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const struct wrap_case *t = &cases[i];
		struct fake f = { 0 };
		struct wrap_span sp[16];
		struct wrap_opts o = { .width = t->chars * 10,
			               .measure = fake_measure,
			               .measure_ctx = &f,
			               .stop = SIZE_MAX };
		size_t len = strlen(t->text);
		size_t n = wrap_lines(t->text, len, t->chars * 10, fake_measure,
		                      &f, sp, 16);
		size_t kept = n < 16 ? n : 16;
		struct wrap_result res = wrap_text(t->text, len, &o);
		char got[256];

		CHECK_INT(n, t->n);
		join_spans(t->text, sp, kept, got);
		CHECK_STR(got, t->want);
		CHECK(spans_ok(t->text, sp, kept, t->chars * 10));
		CHECK_INT(res.n, n); /* counting only: the same lines */
		if (res.broke != t->broke)
			fprintf(stderr, "case %zu \"%s\": broke %d\n", i,
			        t->text, res.broke);
		CHECK(res.broke == t->broke);
	}
}

/*
 * Limits and outputs.
 */

/* Only max spans are written; the count is of all lines. */
static void
test_max(void)
{
	struct fake f = { 0 };
	struct wrap_span sp[3] = { { 0 }, { 0 }, { 99, 99, 99 } };

	CHECK_INT(wrap_lines("a b c d", 7, 10, fake_measure, &f, sp, 2), 4);
	CHECK_INT(sp[0].off, 0);
	CHECK_INT(sp[1].off, 2);
	CHECK_INT(sp[2].off, 99); /* not written */
	CHECK_INT(wrap_lines("a b c d", 7, 10, fake_measure, &f, NULL, 0), 4);
}

/* Wrapping stops once more lines than stop are found, also across '\n'. */
static void
test_stop(void)
{
	struct fake f = { 0 };
	struct wrap_opts o = { .width = 10,
		               .measure = fake_measure,
		               .measure_ctx = &f,
		               .stop = 1 };

	CHECK_INT(wrap_text("a b c d", 7, &o).n, 2);
	CHECK_INT(wrap_text("a\nb\nc", 5, &o).n, 2);
	o.stop = 0;
	CHECK_INT(wrap_text("a\nb\nc", 5, &o).n, 1);
	o.stop = 10;
	CHECK_INT(wrap_text("a b c d", 7, &o).n, 4);
}

struct seen {
	size_t n;
	bool in_order;
	struct wrap_span last;
};

static void
see_line(void *ctx, size_t i, struct wrap_span line)
{
	struct seen *s = ctx;

	s->in_order = s->in_order && i == s->n;
	s->n++;
	s->last = line;
}

/* Each line goes to the callback once, numbered in order. */
static void
test_line_callback(void)
{
	struct fake f = { 0 };
	struct seen s = { 0, true, { 0 } };
	struct wrap_opts o = { .width = 50,
		               .measure = fake_measure,
		               .measure_ctx = &f,
		               .line = see_line,
		               .line_ctx = &s,
		               .stop = SIZE_MAX };
	struct wrap_result res = wrap_text("one two\nthree", 13, &o);

	CHECK_INT(res.n, 3);
	CHECK_INT(s.n, 3);
	CHECK(s.in_order);
	CHECK_INT(s.last.off, 8);
	CHECK_INT(s.last.len, 5);
	CHECK_INT(s.last.width, 50);
}

/* A measure that is not additive: a line whose parts fit but which does not
 * fit whole loses words from its end, never its first. */
static void
test_kerning(void)
{
	struct fake f = { .kern = 1 };
	struct wrap_span sp[4];
	char got[64];
	size_t n;

	/* parts: 24 + 11 + 24 = 59 fit 60; "ab cd" whole is 75 */
	n = wrap_lines("ab cd", 5, 60, fake_measure, &f, sp, 4);
	CHECK_INT(n, 2);
	join_spans("ab cd", sp, n, got);
	CHECK_STR(got, "ab|cd");
	CHECK_INT(sp[0].width, 24);
	/* "a b c" whole is 75 > 60: drops "c", "a b" is 39 */
	n = wrap_lines("a b c", 5, 60, fake_measure, &f, sp, 4);
	join_spans("a b c", sp, n, got);
	CHECK_STR(got, "a b|c");
	CHECK_INT(sp[0].width, 39);
}

/* Words are measured about once each, lines once each: no O(n^2). */
static void
test_calls(void)
{
	static char text[200 * 6 + 1];
	struct fake f = { 0 };
	size_t n;

	for (int i = 0; i < 200; i++)
		memcpy(text + i * 6, "words ", 6);
	n = wrap_lines(text, strlen(text), 300, fake_measure, &f, NULL, 0);
	CHECK_INT(n, 200 / 5);
	CHECK(f.calls <= 1 + 200 + (long)n);
}

/* keep_hyphenated keeps "multi-stakeholder" whole: broken only when it is
 * wider than a line, and then reported */
static void
test_keep_hyphenated(void)
{
	static const struct {
		const char *text;
		int chars;
		size_t n;
		bool broke;
	} t[] = {
		{ "a multi-stakeholder b", 8, 4, true },
		{ "a multi-stakeholder b", 17, 3, false },
		{ "a multi-stakeholder b", 19, 2, false },
		{ "promoted/strengthened", 12, 2,
		  false }, /* '/' still breaks */
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(*t); i++) {
		struct fake f = { 0 };
		struct wrap_opts o = { .width = t[i].chars * 10,
			               .measure = fake_measure,
			               .measure_ctx = &f,
			               .stop = SIZE_MAX,
			               .keep_hyphenated = true };
		struct wrap_result res =
		        wrap_text(t[i].text, strlen(t[i].text), &o);

		CHECK_INT(res.n, t[i].n);
		CHECK(res.broke == t[i].broke);
	}
}

int
main(void)
{
	RUN(test_cases);
	RUN(test_keep_hyphenated);
	RUN(test_max);
	RUN(test_stop);
	RUN(test_line_callback);
	RUN(test_kerning);
	RUN(test_calls);
	return check_done("test_wrap");
}
