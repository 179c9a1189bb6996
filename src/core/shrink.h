/*
 * shrink: a picture scaled down by area averaging, fed one row at a time.
 *
 * Each pixel of the result is the average of the part of the picture it
 * covers, weighted by how much of each source pixel falls in it (a box
 * filter with exact edges): no aliasing and no nearest-neighbour jaggies.
 * Colours are averaged weighted by their alpha, so a logo's transparent
 * pixels do not darken its edges. Rows come in as the decoder makes them,
 * so the whole picture need never be in memory at full size: a JPEG is
 * decoded straight into it. Pure C.
 *
 * Usage:
 *	struct shrink s;
 *	shrink_init(&s, 8000, 6000, 1440, 1080, out);	// out: 1440*1080*4
 *	for (y = 0; y < 6000; y++) shrink_row(&s, row_y);	// RGBA bytes
 *	shrink_destroy(&s);
 */
#ifndef VITRINE_SHRINK_H
#define VITRINE_SHRINK_H

#include <stdint.h>

struct shrink {
	int sw, sh, tw, th;
	uint8_t *out; /* borrowed: tw x th pixels of 4 bytes, R G B A */
	float *acc;   /* owned: the output row being summed, tw x 4 */
	float *row;   /* owned: the source row reduced to tw x 4 */
	int *col;     /* owned: each source column's first output column */
	float *share; /* owned: how much of it goes there (the rest to the
	                 next) */
	int y;        /* source rows fed so far */
};

/*
 * Starts scaling sw x sh down to tw x th (at most sw x sh, at least 1x1)
 * into out. Returns 0, or -1 when a size is out of range.
 */
int shrink_init(struct shrink *s, int sw, int sh, int tw, int th, uint8_t *out);

/* Feeds the next source row: sw pixels of 4 bytes, R G B A. Rows past the
 * last are ignored. */
void shrink_row(struct shrink *s, const uint8_t *rgba);

/* Frees what s owns. Accepts a zeroed shrink. */
void shrink_destroy(struct shrink *s);

#endif
