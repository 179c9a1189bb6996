/*
 * watch: notices that the deck's files changed, or that SIGHUP arrived, and
 * tells the event loop with an SDL event, so the loop can keep sleeping in
 * SDL_WaitEventTimeout. A thread blocks in poll() on an inotify descriptor
 * for the deck's folder (and the folders of its pictures) and on a pipe
 * the SIGHUP handler writes to; it wakes only when something happens.
 *
 * Watching the folder, not the file, catches editors that save by writing
 * a new file and renaming it over the old one, and rsync's temporary file
 * renamed into place. The event carries the changed file's name, relative
 * to the deck's folder; the loop decides whether it matters and debounces.
 *
 * Usage:
 *	struct watch *w = watch_start("slides/igf2007.json");
 *	... in the loop: if (ev.type == watch_event_type()) {
 *		name = watch_event_name(&ev);   // NULL for SIGHUP
 *		...
 *		watch_event_free(&ev);
 *	}
 *	watch_stop(w);
 */
#ifndef VITRINE_WATCH_H
#define VITRINE_WATCH_H

#include <SDL.h>
#include <stdbool.h>

#define WATCH_DEBOUNCE_MS 250  /* reload this long after the last change */
#define WATCH_RETRY_MS    1000 /* a vanished folder is looked for again */

struct watch;

/*
 * Watches the folder of deck_path and installs the SIGHUP handler. Returns
 * NULL (after logging why) when inotify or the thread cannot be had; the
 * show then runs without hot reload.
 */
struct watch *watch_start(const char *deck_path);

/* Also watches the folder dir, relative to the deck's folder. */
void watch_add_folder(struct watch *w, const char *dir);

/* Stops the thread and frees everything, the changes still queued too.
 * Accepts NULL. */
void watch_stop(struct watch *w);

/* The SDL event type watch events have (registered on first use). */
Uint32 watch_event_type(void);

/* The changed file, relative to the deck's folder; NULL: SIGHUP. */
const char *watch_event_name(const SDL_Event *ev);

/* Frees what a watch event carries. */
void watch_event_free(SDL_Event *ev);

#endif
