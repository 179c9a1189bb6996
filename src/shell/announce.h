/*
 * announce: staff announcements, the emergency message path. A file named
 * announcement.json beside the deck ({"text": ..., "title": ...,
 * "until": ..., "background": ...}; see deck_parse_announcement) takes over
 * the screen in every mode within a second of being written: its text
 * large, in the deck's colours or its own background. The show holds
 * meanwhile (the slide, its timer, a presenter's position) and carries on
 * where it was when the file is removed or "until" passes. A broken file
 * is logged once and ignored: the show, or the announcement already on
 * screen, goes on.
 *
 * Usage, from player.c (the state lives in struct player, as p->ann):
 *	after the show is up: announce_start(p, now);
 *	on a changed file name in the deck's folder: announce_event(p, name,
 *	                                                           now);
 *	in the loop: announce_tick(p, now); sleep at most announce_due_ms();
 *	when drawing: if (announce_shown(p)) announce_draw(p);
 *	at exit: announce_stop(p);
 */
#ifndef VITRINE_ANNOUNCE_H
#define VITRINE_ANNOUNCE_H

#include <stdbool.h>
#include <stdint.h>

#include "deck.h"

#define ANNOUNCE_FILE        "announcement.json"
#define ANNOUNCE_DEBOUNCE_MS 150 /* after the last change to the file */

struct player;
struct render;

struct announce {
	struct deck deck;  /* the announcement; n_slides 0 when none shows */
	struct render *r;  /* its renderer while it shows; owned */
	uint64_t check_at; /* when to read the file again; 0: not pending */
	int64_t until;     /* wall-clock ms it ends; INT64_MAX: with the file */
	char *last_error;  /* the last error logged; owned */
};

/* Reads the file once at start (an announcement may be up already). */
void announce_start(struct player *p, uint64_t now);

/* A file called name changed in the deck's folder; true when it is the
 * announcement's (its reading is then scheduled). */
bool announce_event(struct player *p, const char *name, uint64_t now);

/* Reads the file when due, and ends an announcement whose until passed. */
void announce_tick(struct player *p, uint64_t now);

/* Ms until announce_tick has something to do; UINT32_MAX: nothing. */
uint32_t announce_due_ms(const struct player *p, uint64_t now);

/* Whether an announcement is on screen. */
bool announce_shown(const struct player *p);

/* Draws it, filling the screen (the canvas, under --rotate). */
void announce_draw(struct player *p);

/* Frees it. */
void announce_stop(struct player *p);

#endif
