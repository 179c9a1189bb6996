/*
 * test_measure: the width memo returns what the real measurer says, asks
 * it once per distinct (font, size, text), and keeps its memory bounded.
 */
#include "check.h"
#include "measure.h"

static int calls;

static int
fake_width(void *ctx, enum deck_font font, int px, const char *s, size_t len)
{
	(void)ctx;
	(void)s;
	calls++;
	return (int)len * px / 2 + (int)font;
}

static int
fake_height(void *ctx, enum deck_font font, int px)
{
	(void)ctx;
	(void)font;
	return px * 5 / 4;
}

static const struct layout_measurer fake = { fake_width, fake_height, NULL,
	                                     NULL };

static void
test_same_answers_fewer_calls(void)
{
	struct measure_cache mc;
	const struct layout_measurer *m;
	static const char *words[] = { "Moving", "beyond", "the",
		                       "talk",   "ação",   "" };

	measure_cache_init(&mc, &fake);
	m = measure_cache_measurer(&mc);
	calls = 0;
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < 6; i++)
			for (int px = 40; px < 44; px++)
				CHECK_INT(m->text_width(m->ctx, DECK_FONT_SANS,
				                        px, words[i],
				                        strlen(words[i])),
				          fake_width(NULL, DECK_FONT_SANS, px,
				                     words[i],
				                     strlen(words[i])));
	CHECK_INT(calls, 6 * 4 * 3 + 6 * 4); /* fake_width in CHECK, too */
	CHECK_INT(mc.misses, 6 * 4);
	CHECK_INT(mc.hits, 2 * 6 * 4);
	CHECK_INT(m->line_height(m->ctx, DECK_FONT_SANS, 40), 50);
	measure_cache_destroy(&mc);
}

static void
test_font_and_length_are_part_of_the_key(void)
{
	struct measure_cache mc;
	const struct layout_measurer *m;

	measure_cache_init(&mc, &fake);
	m = measure_cache_measurer(&mc);
	CHECK_INT(m->text_width(m->ctx, DECK_FONT_SANS, 40, "abc", 3), 60);
	CHECK_INT(m->text_width(m->ctx, DECK_FONT_SANS_BOLD, 40, "abc", 3), 61);
	CHECK_INT(m->text_width(m->ctx, DECK_FONT_SANS, 40, "abc", 2), 40);
	measure_cache_clear(&mc);
	CHECK_INT(m->text_width(m->ctx, DECK_FONT_SANS, 40, "abc", 3), 60);
	CHECK_INT(mc.hits, 0);
	measure_cache_destroy(&mc);
}

static void
test_bounded_under_many_strings(void)
{
	struct measure_cache mc;
	const struct layout_measurer *m;
	char word[32];

	measure_cache_init(&mc, &fake);
	m = measure_cache_measurer(&mc);
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(word, sizeof(word), "w%d", i);

		CHECK_INT(m->text_width(m->ctx, DECK_FONT_SERIF, 30, word,
		                        (size_t)n),
		          n * 15 + DECK_FONT_SERIF);
	}
	measure_cache_destroy(&mc);
	CHECK(mc.slots == NULL);
}

int
main(void)
{
	RUN(test_same_answers_fewer_calls);
	RUN(test_font_and_length_are_part_of_the_key);
	RUN(test_bounded_under_many_strings);
	return check_done("test_measure");
}
