/*
 * orientation: the eight EXIF orientations (tag 0x0112) as a mirror and a
 * turn, and the pixels turned upright.
 *
 * A phone stores a photo as its sensor saw it and says in EXIF how to turn
 * it: a portrait photo is often stored landscape with Orientation 6
 * ("turn 90 degrees clockwise to view"). jpeg.c reads the value with
 * libexif; this module says what it means and applies it. Pure C.
 *
 * Usage:
 *	struct orientation o = orientation_from_exif(6);
 *	orientation_size(o, w, h, &uw, &uh);	// upright size
 *	orientation_apply(o, px, w, h, out);	// out holds uw x uh
 */
#ifndef VITRINE_ORIENTATION_H
#define VITRINE_ORIENTATION_H

#include <stdbool.h>
#include <stdint.h>

/* Mirror left to right first (when mirror), then turn quarter turns
 * clockwise (0 to 3). */
struct orientation {
	bool mirror;
	int turns;
};

/* What EXIF orientation value v (1 to 8) asks; any other value is 1, as
 * stored. */
struct orientation orientation_from_exif(int v);

/* The size *uw x *uh of a w x h picture once turned upright. */
void orientation_size(struct orientation o, int w, int h, int *uw, int *uh);

/*
 * Writes the w x h pixels at px (rows of w, no padding) turned upright to
 * out, which holds as many pixels (rows of the upright width).
 */
void orientation_apply(struct orientation o, const uint32_t *px, int w, int h,
                       uint32_t *out);

#endif
