/*
 * decoder: pictures decoded on a worker thread, so that the main thread
 * never waits on a decode it asked for ahead of time.
 *
 * render.c asks for a slide's pictures when it prepares the slide (the
 * current one, and the next and previous ones ahead of time); one worker
 * thread decodes them in order through image.h, a waited-for one first.
 * The main thread takes each result when the slide is drawn and makes the
 * texture itself: textures are made on the main thread only.
 *
 * Usage:
 *	struct decoder *d = decoder_create();
 *	unsigned t = decoder_request(d, "deck", "deck/a.jpg", 1728, 900, fit);
 *	...
 *	struct decoded out;
 *	if (decoder_take(d, t, &out)) ...	// or decoder_wait
 *	decoder_destroy(d);
 */
#ifndef VITRINE_DECODER_H
#define VITRINE_DECODER_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "image.h"

/* A finished decode. */
struct decoded {
	SDL_Surface *surface; /* owned by the taker; NULL when it failed */
	struct image_info info;
	char why[512]; /* when it failed */
};

/*
 * The SDL event type the worker pushes when a decode is done (so that the
 * main loop makes its texture then, not when the slide is drawn), or 0.
 */
Uint32 decoder_event_type(void);

/* Starts the worker thread. NULL (with SDL_GetError) when it cannot. */
struct decoder *decoder_create(void);

/* Stops the worker after its current decode and frees every result.
 * Accepts NULL. */
void decoder_destroy(struct decoder *d);

/*
 * Queues the picture at path (inside the deck's folder dir; both copied)
 * decoded for a bw x bh box at fit (image_load). Returns a ticket, or 0
 * when the queue is full (the caller decodes it itself).
 */
unsigned decoder_request(struct decoder *d, const char *dir, const char *path,
                         int bw, int bh, enum deck_fit fit);

/* When ticket's decode is done: fills *out, forgets the ticket and
 * returns true; else false. */
bool decoder_take(struct decoder *d, unsigned ticket, struct decoded *out);

/* Waits for ticket's decode (done next, before the queue's others), then
 * as decoder_take. */
void decoder_wait(struct decoder *d, unsigned ticket, struct decoded *out);

/*
 * Hands back a surface decoder_take or decoder_wait gave, once its pixels
 * are copied into a texture: the worker frees it, in the thread that made
 * it. (Memory made in one thread and freed in another kept growing under
 * ASan's allocator: +3.2 MiB over test_soak's 300 changes, -0.1 MiB when
 * freed where it was made.) Accepts NULL d (freed here) or NULL s.
 */
void decoder_recycle(struct decoder *d, SDL_Surface *s);

/* Forgets ticket; its result is freed when it comes. Accepts 0. */
void decoder_cancel(struct decoder *d, unsigned ticket);

#endif
