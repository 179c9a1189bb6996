/*
 * player_lang: the player's deck in the language the show is in. The show
 * (show_lang.c) decides when the language changes; here the deck's text is
 * switched to it (deck_set_language: no loading, no allocation) and what
 * was drawn from the old text is dropped.
 */
#include "frame.h"
#include "player_internal.h"
#include "presenter.h"

void
player_use_language(struct player *p)
{
	if (!p->deck.variants || p->deck.lang_index == p->show.language)
		return;
	deck_set_language(&p->deck, p->show.language);
	frame_end_fade(p); /* its pictures show the old text */
	render_set_language(p->r, p->deck.lang); /* flushes; Han forms */
	presenter_set_deck(p);
	player_place_controls(p);
	player_trace(p, "language %s", p->deck.lang);
	p->dirty = true;
}

void
player_set_languages(struct player *p)
{
	int home = p->o->lang ? deck_language_index(&p->deck, p->o->lang) : -1;

	show_set_languages(&p->show, p->deck.languages.n,
	                   p->deck.settings.language_cycle,
	                   home < 0 ? 0 : (size_t)home);
	player_use_language(p);
}
