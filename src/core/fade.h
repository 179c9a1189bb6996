/*
 * fade: a crossfade between two pictures that touches only the pixels that
 * change. Pure C over 32-bit pixel buffers (any channel order: every byte
 * of a pixel is mixed alike), no SDL.
 *
 * A slide change mostly leaves the background alone: the text of the old
 * slide fades out and the new one's fades in. So the screen is cut into
 * tiles, the old picture's tiles are kept (one colour when a tile is plain),
 * the new picture is drawn in its place, and only the tiles that differ are
 * remembered, as both pictures. Each frame of the fade then mixes those
 * tiles into the screen and names them, so that only they are sent to the
 * display: a text slide's fade costs a fraction of a full-screen blend.
 *
 * Usage:
 *	struct fade f;
 *	fade_init(&f);
 *	fade_capture_from(&f, px, pitch, w, h);   // the picture on screen
 *	(draw the new picture into px)
 *	fade_capture_to(&f, px, pitch);
 *	for each frame: fade_mix(&f, px, pitch, t), then present f.runs
 *	fade_destroy(&f);
 */
#ifndef VITRINE_FADE_H
#define VITRINE_FADE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FADE_TILE_W 64
#define FADE_TILE_H 16
#define FADE_FULL   256 /* t of fade_mix: 0 = all "from", 256 = all "to" */

struct fade_rect {
	int x, y, w, h;
};

/* One picture's side of a tile: a plain colour, or pixels in a store. */
struct fade_side {
	uint32_t color; /* when slot < 0 */
	int32_t slot;   /* tile index into the store; -1: plain */
};

struct fade_tile {
	struct fade_rect r;
	struct fade_side from, to;
};

struct fade {
	int w, h;       /* picture size in pixels */
	int cols, rows; /* tiles across and down */
	bool ready;     /* both pictures captured */
	size_t n;       /* tiles that differ (once ready) */
	struct fade_tile *tiles;
	/* stores of FADE_TILE_W * FADE_TILE_H pixel tiles, only for sides
	   that are not plain: a text slide's tile is mostly plain on one */
	uint32_t *from, *to;
	size_t n_from, n_to;
	struct fade_rect *runs; /* the differing tiles, side by side ones
	                           merged: what to present */
	size_t n_runs;
	struct fade_side *grid; /* between the captures: every tile's start */
};

void fade_init(struct fade *f);
/* Frees everything; f is as after fade_init. Accepts a zeroed fade. */
void fade_destroy(struct fade *f);

/*
 * Keeps the picture at px (w x h pixels of 4 bytes, pitch bytes a row) as
 * the fade's start: the plain tiles as a colour, the others as pixels.
 * Returns 0, or -1 when out of memory or w, h or pitch is unusable (f is
 * then empty).
 * Memory: the stores never hold more than one picture's worth of tiles
 * together; a change bigger than that (one photograph for another) makes
 * fade_capture_to fail, and the caller fades the ordinary way.
 */
int fade_capture_from(struct fade *f, const void *px, int pitch, int w, int h);

/*
 * Takes the picture now at px (same size and pitch) as the fade's end and
 * keeps only the tiles where it differs from the start, with runs set.
 * Returns 0, or -1 when out of memory, over the memory bound, or no start
 * was captured (f is then empty).
 */
int fade_capture_to(struct fade *f, const void *px, int pitch);

/*
 * Writes the mix of start and end at t (0..FADE_FULL) into the differing
 * tiles of px; the other pixels are left alone (they are the same in both).
 * Does nothing unless f is ready.
 */
void fade_mix(const struct fade *f, void *px, int pitch, unsigned t);

/* One pixel: a at t 0, b at t FADE_FULL, each byte mixed alike. */
uint32_t fade_pixel(uint32_t a, uint32_t b, unsigned t);

#endif
