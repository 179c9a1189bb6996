/*
 * reload: hot reload of the running show's deck. Owns the watch on the
 * deck's files (watch.h), the debounce, keep-last-good, the holding slide
 * shown while the deck cannot be loaded, the staff marker shown after a
 * failed reload, and swapping a new deck in under the show.
 *
 * A change to the deck or one of its pictures (or to anything, while the
 * last load failed) reloads WATCH_DEBOUNCE_MS after the last such change;
 * SIGHUP reloads at once. A deck that fails to load leaves the last good
 * one on screen, logs its errors once and sets the marker; a good one
 * replaces it, keeping the slide shown (same id, else same index).
 *
 * Usage, from player.c (the state lives in struct player, as p->reload):
 *	p->reload.marker = ...;
 *	if (reload_load_first(p) < 0) give up;   // instead of deck_load
 *	... after the window and the show are up: reload_watch(p);
 *	in the loop:
 *		reload_tick(p, now);                 // reloads when due
 *		sleep at most reload_due_ms(&p->reload, now);
 *		if (reload_event(p, &ev, now)) the event was the watch's
 *	reload_stop(&p->reload);
 */
#ifndef VITRINE_RELOAD_H
#define VITRINE_RELOAD_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

struct player;
struct watch;

struct reload {
	struct watch *watch; /* NULL: no hot reload */
	uint64_t at;         /* when to reload; 0: no reload pending */
	bool holding;        /* showing the built-in holding slide */
	bool failed;         /* the last load failed: staff marker */
	char *last_error;    /* the last load error logged; owned */
	bool marker;         /* show the failed-reload marker */
};

/*
 * Loads p->o->deck into p->deck at start. When it is missing or broken, a
 * lobby or kiosk gets a holding slide (the event's name when the file
 * still tells it) and waits for the file to be fixed; present mode gives
 * up. Returns 0, or -1 with the errors logged.
 */
int reload_load_first(struct player *p);

/* Starts watching the deck's folder and its pictures' folders. */
void reload_watch(struct player *p);

/*
 * Handles ev if it is the watch's (a changed file or SIGHUP): schedules a
 * reload and frees the event. Returns false for any other event.
 */
bool reload_event(struct player *p, SDL_Event *ev, uint64_t now);

/* Reloads the deck if a reload is due at now. */
void reload_tick(struct player *p, uint64_t now);

/* Ms from now until the pending reload (0: due); UINT32_MAX: none. */
uint32_t reload_due_ms(const struct reload *r, uint64_t now);

/* Whether the failed-reload marker is to be drawn. */
bool reload_marker_shown(const struct reload *r);

/* Stops the watch and frees r's memory. */
void reload_stop(struct reload *r);

#endif
