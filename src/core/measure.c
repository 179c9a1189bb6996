/*
 * measure: a bounded memo of text widths; see measure.h.
 */
#include "measure.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a over the font, the size and the text; never 0. */
static uint64_t
key_of(enum deck_font font, int px, const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;

	h = (h ^ (uint64_t)font) * 0x100000001b3u;
	h = (h ^ (uint64_t)(unsigned)px) * 0x100000001b3u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	h = (h ^ len) * 0x100000001b3u;
	return h ? h : 1;
}

static int
cached_width(void *ctx, enum deck_font font, int px, const char *s, size_t len)
{
	struct measure_cache *mc = ctx;
	uint64_t key = key_of(font, px, s, len);
	struct measure_entry *e = &mc->slots[key % MEASURE_CACHE_SLOTS];

	if (e->key == key) {
		mc->hits++;
		return e->width;
	}
	mc->misses++;
	e->key = key;
	e->width = mc->inner->text_width(mc->inner->ctx, font, px, s, len);
	return e->width;
}

static int
line_height(void *ctx, enum deck_font font, int px)
{
	struct measure_cache *mc = ctx;

	return mc->inner->line_height(mc->inner->ctx, font, px);
}

/* Pictures' sizes are not cached here: the inner measurer knows them. */
static int
picture_size(void *ctx, const char *path, int *w, int *h)
{
	struct measure_cache *mc = ctx;

	return mc->inner->picture_size(mc->inner->ctx, path, w, h);
}

void
measure_cache_init(struct measure_cache *mc,
                   const struct layout_measurer *inner)
{
	mc->inner = inner;
	mc->slots = xcalloc(MEASURE_CACHE_SLOTS, sizeof(*mc->slots));
	mc->self = (struct layout_measurer){ cached_width, line_height, mc,
		                             inner->picture_size ? picture_size
		                                                 : NULL };
	mc->hits = mc->misses = 0;
}

void
measure_cache_destroy(struct measure_cache *mc)
{
	free(mc->slots);
	memset(mc, 0, sizeof(*mc));
}

void
measure_cache_clear(struct measure_cache *mc)
{
	memset(mc->slots, 0, MEASURE_CACHE_SLOTS * sizeof(*mc->slots));
}

const struct layout_measurer *
measure_cache_measurer(struct measure_cache *mc)
{
	return &mc->self;
}
