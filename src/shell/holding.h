/*
 * holding: the slide a lobby or a kiosk shows when none of its deck's
 * slides is due (their time windows all closed) and the deck names no
 * settings.fallback: the event's name and "Back soon", in the deck's
 * theme, with its corner clock. Drawn by a renderer of its own, as a staff
 * announcement is; the show underneath goes on as it was, and the slides
 * come back as soon as one is due again. Present mode shows every slide
 * and never holds.
 *
 * Usage:
 *	player_update_due(): holding_update(p, nothing_due);
 *	frame_draw(): if (holding_shown(p)) holding_draw(p);
 *	player_close(): holding_stop(p);
 */
#ifndef VITRINE_HOLDING_H
#define VITRINE_HOLDING_H

#include <stdbool.h>
#include <stdint.h>

#include "deck.h"

struct player;
struct render;

struct holding {
	struct deck deck; /* the holding slide; n_slides 0 when off */
	struct render *r; /* its renderer while it shows; owned */
};

/* Shows the holding slide when nothing_due, else takes it down. */
void holding_update(struct player *p, bool nothing_due);

/* Whether it is on screen. */
bool holding_shown(const struct player *p);

/* Draws it, filling the screen (the canvas, under --rotate). */
void holding_draw(struct player *p);

/* Its layout at the screen's size, for its corner clock's ticks; NULL
 * when it is off. */
const struct layout *holding_layout(struct player *p);

/* Frees it. */
void holding_stop(struct player *p);

#endif
