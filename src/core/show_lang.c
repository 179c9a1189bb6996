/*
 * show_lang: the show's languages (see show.h, "Languages"): which one is
 * on screen, the language action, and how a cycling lobby goes through
 * them. The show only counts languages; the shell puts the deck in the
 * one show.language names (deck_set_language).
 */
#include "show.h"
#include "show_internal.h"

static bool
has_languages(const struct show *s)
{
	return s->n_languages > 1;
}

unsigned
show_set_language(struct show *s, size_t language)
{
	if (!has_languages(s))
		return SHOW_CHANGE_NONE;
	language %= s->n_languages;
	if (language == s->language)
		return SHOW_CHANGE_NONE;
	s->language = language;
	return SHOW_CHANGE_LANGUAGE | SHOW_CHANGE_REDRAW;
}

unsigned
show_next_language(struct show *s, struct show_trace *trace)
{
	if (!has_languages(s))
		return show_noted(trace, "one language", SHOW_CHANGE_NONE);
	return show_noted(trace, "next language",
	                  show_set_language(s, s->language + 1));
}

bool
show_language_turn(const struct show *s)
{
	return has_languages(s) &&
	       s->language_cycle == DECK_LANGUAGE_CYCLE_SLIDE &&
	       s->language + 1 < s->n_languages;
}

unsigned
show_language_after_advance(struct show *s, size_t from)
{
	if (!has_languages(s))
		return SHOW_CHANGE_NONE;
	if (s->language_cycle == DECK_LANGUAGE_CYCLE_SLIDE)
		return show_set_language(s, 0);
	if (s->index <= from) /* came round to the start */
		return show_set_language(s, s->language + 1);
	return SHOW_CHANGE_NONE;
}

void
show_set_languages(struct show *s, size_t n, enum deck_language_cycle cycle,
                   size_t home)
{
	bool had = s->n_languages > 0;

	s->n_languages = n;
	s->language_cycle = cycle;
	s->home_language = home < n ? home : 0;
	if (!had || s->language >= n)
		s->language = s->home_language;
}

size_t
show_home_language(const struct show *s)
{
	return s->home_language;
}
