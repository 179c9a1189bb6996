/*
 * measure: a memo in front of a text measurer. Laying out a slide measures
 * the same words at the same sizes again and again (each size tried, each
 * screen size checked), and a real measurer shapes text with HarfBuzz on
 * every call; this remembers widths by a 64-bit hash of (font, size, text)
 * in a fixed-size, direct-mapped table, so memory stays bounded. Pure C.
 *
 * Usage:
 *	struct measure_cache mc;
 *	measure_cache_init(&mc, real_measurer);
 *	layout_slide(..., measure_cache_measurer(&mc));
 *	measure_cache_destroy(&mc);
 */
#ifndef VITRINE_MEASURE_H
#define VITRINE_MEASURE_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

#define MEASURE_CACHE_SLOTS 16384 /* 256 KiB */

struct measure_entry {
	uint64_t key; /* 0: empty */
	int width;
};

struct measure_cache {
	struct layout_measurer self;         /* what callers use */
	const struct layout_measurer *inner; /* borrowed */
	struct measure_entry *slots;         /* owned */
	size_t hits, misses;
};

void measure_cache_init(struct measure_cache *mc,
                        const struct layout_measurer *inner);
/* Frees the table. Accepts a zeroed cache. */
void measure_cache_destroy(struct measure_cache *mc);
/* Forgets every width (the fonts changed). */
void measure_cache_clear(struct measure_cache *mc);
/* The caching measurer; valid as long as mc. */
const struct layout_measurer *measure_cache_measurer(struct measure_cache *mc);

#endif
