/*
 * holding: the slide shown when nothing is due; see holding.h.
 */
#include "holding.h"

#include "app.h"
#include "log.h"
#include "player_internal.h"
#include "render.h"

/* The holding slide over p's deck: its event, theme and clock. */
static int
make_deck(const struct player *p, struct deck *out)
{
	const struct deck *d = &p->deck;

	if (deck_holding(out, d->path, d->event.name) < 0)
		return -1;
	out->theme = d->theme;
	out->settings.clock = d->settings.clock;
	out->settings.clock_format = d->settings.clock_format;
	out->settings.time_zone = d->settings.time_zone; /* rebuilt with d */
	out->slides[0].subtitle = "Back soon";
	return 0;
}

static void
take_down(struct player *p, const char *why)
{
	struct holding *h = &p->hold;

	if (!h->deck.n_slides)
		return;
	render_destroy(h->r);
	h->r = NULL;
	deck_free(&h->deck);
	log_msg(LOG_INFO, "holding slide off: %s", why);
	player_trace(p, "holding off");
	p->dirty = true;
}

static void
put_up(struct player *p)
{
	struct holding *h = &p->hold;

	if (make_deck(p, &h->deck) < 0)
		return;
	if (!(h->r = app_open_render(p->sdl))) {
		deck_free(&h->deck);
		return;
	}
	render_set_deck(h->r, &h->deck);
	log_msg(LOG_INFO, "no slide is due and the deck names no "
	                  "settings.fallback: the holding slide shows");
	player_trace(p, "holding on");
	p->dirty = true;
}

/* Made again over a deck reloaded while it shows (its theme, its event
 * may have changed). */
static void
renew(struct player *p)
{
	struct holding *h = &p->hold;
	struct deck next;

	if (make_deck(p, &next) < 0)
		return;
	render_set_deck(h->r, NULL);
	deck_free(&h->deck);
	h->deck = next;
	render_set_deck(h->r, &h->deck);
	p->dirty = true;
}

void
holding_update(struct player *p, bool nothing_due)
{
	if (!nothing_due || p->mode == DECK_MODE_PRESENT)
		take_down(p, "a slide is due");
	else if (holding_shown(p))
		renew(p);
	else
		put_up(p);
}

bool
holding_shown(const struct player *p)
{
	return p->hold.deck.n_slides > 0;
}

void
holding_draw(struct player *p)
{
	render_set_time(p->hold.r, player_wall_ms(p));
	if (render_slide(p->hold.r, 0, p->w, p->h, 0, 255) < 0) {
		SDL_SetRenderDrawColor(p->sdl, 0, 0, 0, 255);
		SDL_RenderClear(p->sdl);
	}
}

const struct layout *
holding_layout(struct player *p)
{
	return holding_shown(p) ? render_layout(p->hold.r, 0, p->w, p->h)
	                        : NULL;
}

void
holding_stop(struct player *p)
{
	render_destroy(p->hold.r);
	p->hold.r = NULL;
	deck_free(&p->hold.deck);
}
