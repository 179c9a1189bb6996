/*
 * fade: a crossfade over the tiles where two pictures differ (see fade.h).
 */
#include "fade.h"

#include <stdlib.h>
#include <string.h>

#define TILE_PIXELS (FADE_TILE_W * FADE_TILE_H)
#define MAX_SIDE    16384

void
fade_init(struct fade *f)
{
	memset(f, 0, sizeof(*f));
}

void
fade_destroy(struct fade *f)
{
	free(f->tiles);
	free(f->from);
	free(f->to);
	free(f->runs);
	free(f->grid);
	fade_init(f);
}

/* Two bytes at once in 16-bit lanes: 255 * 256 never carries. */
uint32_t
fade_pixel(uint32_t a, uint32_t b, unsigned t)
{
	uint32_t s = FADE_FULL - t;
	uint32_t rb = ((a & 0xff00ffu) * s + (b & 0xff00ffu) * t) >> 8;
	uint32_t ag = ((a >> 8) & 0xff00ffu) * s + ((b >> 8) & 0xff00ffu) * t;

	return (rb & 0xff00ffu) | (ag & 0xff00ff00u);
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

/* Tile i's rectangle: a whole tile, or what is left at the edges. */
static struct fade_rect
tile_rect(const struct fade *f, size_t i)
{
	int x = (int)(i % (size_t)f->cols) * FADE_TILE_W;
	int y = (int)(i / (size_t)f->cols) * FADE_TILE_H;

	return (struct fade_rect){ x, y, min_int(f->w - x, FADE_TILE_W),
		                   min_int(f->h - y, FADE_TILE_H) };
}

static const uint32_t *
row_at(const void *px, int pitch, int x, int y)
{
	return (const uint32_t *)((const char *)px + (size_t)y * pitch) + x;
}

/* Whether rect r of px holds the pixels at kept, whose rows are step
 * pixels apart (0: the same row for every row of r). */
static bool
holds(const void *px, int pitch, struct fade_rect r, const uint32_t *kept,
      int step)
{
	for (int y = 0; y < r.h; y++)
		if (memcmp(row_at(px, pitch, r.x, r.y + y), kept + y * step,
		           (size_t)r.w * 4))
			return false;
	return true;
}

/* Whether every pixel of rect r of px is c. */
static bool
is_all(const void *px, int pitch, struct fade_rect r, uint32_t c)
{
	uint32_t line[FADE_TILE_W];

	for (int x = 0; x < r.w; x++)
		line[x] = c;
	return holds(px, pitch, r, line, 0);
}

static bool
is_plain(const void *px, int pitch, struct fade_rect r, uint32_t *color)
{
	*color = row_at(px, pitch, r.x, r.y)[0];
	return is_all(px, pitch, r, *color);
}

static void
copy_in(uint32_t *tile, const void *px, int pitch, struct fade_rect r)
{
	for (int y = 0; y < r.h; y++)
		memcpy(tile + y * FADE_TILE_W, row_at(px, pitch, r.x, r.y + y),
		       (size_t)r.w * 4);
}

static size_t
all_tiles(const struct fade *f)
{
	return (size_t)f->cols * (size_t)f->rows;
}

/* Tile i of px as a side: its colour when plain, else copied to a store. */
static struct fade_side
side_of(const struct fade *f, size_t i, const void *px, int pitch,
        uint32_t *store, size_t *n_store)
{
	struct fade_rect r = tile_rect(f, i);
	struct fade_side s = { 0, -1 };

	if (is_plain(px, pitch, r, &s.color))
		return s;
	if (store)
		copy_in(store + *n_store * TILE_PIXELS, px, pitch, r);
	s.slot = (int32_t)(*n_store)++;
	return s;
}

int
fade_capture_from(struct fade *f, const void *px, int pitch, int w, int h)
{
	size_t n = 0;

	fade_destroy(f);
	if (!px || w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE ||
	    pitch < w * 4)
		return -1;
	f->w = w;
	f->h = h;
	f->cols = (w + FADE_TILE_W - 1) / FADE_TILE_W;
	f->rows = (h + FADE_TILE_H - 1) / FADE_TILE_H;
	f->grid = malloc(all_tiles(f) * sizeof(*f->grid));
	if (!f->grid)
		goto fail;
	for (size_t i = 0; i < all_tiles(f); i++) /* sides and slots first */
		f->grid[i] = side_of(f, i, px, pitch, NULL, &n);
	if (n) {
		f->from = malloc(n * TILE_PIXELS * sizeof(uint32_t));
		if (!f->from)
			goto fail;
	}
	for (size_t i = 0; i < all_tiles(f); i++) /* then the busy ones */
		if (f->grid[i].slot >= 0)
			copy_in(f->from + (size_t)f->grid[i].slot * TILE_PIXELS,
			        px, pitch, tile_rect(f, i));
	f->n_from = n;
	return 0;
fail:
	fade_destroy(f);
	return -1;
}

/* Whether tile i of px differs from the start captured for it. */
static bool
differs(const struct fade *f, size_t i, const void *px, int pitch)
{
	struct fade_rect r = tile_rect(f, i);
	struct fade_side s = f->grid[i];

	if (s.slot < 0)
		return !is_all(px, pitch, r, s.color);
	return !holds(px, pitch, r, f->from + (size_t)s.slot * TILE_PIXELS,
	              FADE_TILE_W);
}

static void
merge_runs(struct fade *f)
{
	f->n_runs = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct fade_rect t = f->tiles[i].r;
		struct fade_rect *last =
		        f->n_runs ? &f->runs[f->n_runs - 1] : NULL;

		if (last && last->y == t.y && last->x + last->w == t.x)
			last->w += t.w;
		else
			f->runs[f->n_runs++] = t;
	}
}

/*
 * Keeps in the start's store only the tiles that differ, in order (their
 * slots only ever move down), and gives the rest back.
 */
static void
compact_from(struct fade *f)
{
	size_t k = 0;
	uint32_t *smaller;

	for (size_t i = 0; i < f->n; i++) {
		struct fade_side *s = &f->tiles[i].from;

		if (s->slot < 0)
			continue;
		if ((size_t)s->slot != k)
			memcpy(f->from + k * TILE_PIXELS,
			       f->from + (size_t)s->slot * TILE_PIXELS,
			       TILE_PIXELS * sizeof(uint32_t));
		s->slot = (int32_t)k++;
	}
	f->n_from = k;
	if (!k) {
		free(f->from);
		f->from = NULL;
	} else if ((smaller = realloc(f->from,
	                              k * TILE_PIXELS * sizeof(uint32_t)))) {
		f->from = smaller;
	}
}

int
fade_capture_to(struct fade *f, const void *px, int pitch)
{
	size_t from_kept = 0, to_count = 0, k = 0;
	uint8_t *keep = NULL;

	if (!f->grid || f->ready || !px || pitch < f->w * 4)
		goto fail;
	keep = calloc(all_tiles(f), 1);
	if (!keep)
		goto fail;
	for (size_t i = 0; i < all_tiles(f); i++) {
		if (!differs(f, i, px, pitch))
			continue;
		keep[i] = 1;
		f->n++;
		from_kept += f->grid[i].slot >= 0;
		side_of(f, i, px, pitch, NULL, &to_count);
	}
	if (from_kept + to_count > all_tiles(f))
		goto fail; /* more than a picture's worth: fade otherwise */
	if (f->n) {
		f->tiles = malloc(f->n * sizeof(*f->tiles));
		f->runs = malloc(f->n * sizeof(*f->runs));
		if (!f->tiles || !f->runs)
			goto fail;
	}
	for (size_t i = 0; i < all_tiles(f); i++)
		if (keep[i])
			f->tiles[k++] = (struct fade_tile){ tile_rect(f, i),
				                            f->grid[i],
				                            { 0, -1 } };
	compact_from(f); /* before the end's store: one picture at most */
	if (to_count &&
	    !(f->to = malloc(to_count * TILE_PIXELS * sizeof(uint32_t))))
		goto fail;
	for (size_t i = 0, j = 0; i < all_tiles(f); i++)
		if (keep[i])
			f->tiles[j++].to =
			        side_of(f, i, px, pitch, f->to, &f->n_to);
	free(keep);
	free(f->grid);
	f->grid = NULL;
	merge_runs(f);
	f->ready = true;
	return 0;
fail:
	free(keep);
	fade_destroy(f);
	return -1;
}

/*
 * One row: each byte (a * (256 - t) + b * t) / 256, 16 at a time in 16-bit
 * lanes (GCC's and clang's vector extensions: SSE2 or NEON, no flags).
 */
typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef uint16_t u16x16 __attribute__((vector_size(32)));

static void
mix_row(uint8_t *out, const uint8_t *a, const uint8_t *b, size_t n, unsigned t)
{
	u16x16 s = (u16x16){ 0 } + (uint16_t)(FADE_FULL - t);
	u16x16 u = (u16x16){ 0 } + (uint16_t)t;
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		u8x16 va, vb, vo;
		u16x16 r;

		memcpy(&va, a + i, 16);
		memcpy(&vb, b + i, 16);
		r = (__builtin_convertvector(va, u16x16) * s +
		     __builtin_convertvector(vb, u16x16) * u) >>
		    8;
		vo = __builtin_convertvector(r, u8x16);
		memcpy(out + i, &vo, 16);
	}
	for (; i < n; i++)
		out[i] = (uint8_t)((a[i] * (FADE_FULL - t) + b[i] * t) >> 8);
}

/* Row y of one side of a tile: in its store, or line filled with its colour. */
static const uint8_t *
side_row(const uint32_t *store, struct fade_side s, int y, uint32_t *line)
{
	if (s.slot >= 0)
		return (const uint8_t *)(store + (size_t)s.slot * TILE_PIXELS +
		                         y * FADE_TILE_W);
	return (const uint8_t *)line;
}

static void
fill_line(uint32_t *line, struct fade_side s)
{
	if (s.slot < 0)
		for (int x = 0; x < FADE_TILE_W; x++)
			line[x] = s.color;
}

void
fade_mix(const struct fade *f, void *px, int pitch, unsigned t)
{
	uint32_t line_a[FADE_TILE_W], line_b[FADE_TILE_W];

	if (!f->ready)
		return;
	if (t > FADE_FULL)
		t = FADE_FULL;
	for (size_t i = 0; i < f->n; i++) {
		const struct fade_tile *tile = &f->tiles[i];
		struct fade_rect r = tile->r;

		fill_line(line_a, tile->from);
		fill_line(line_b, tile->to);
		for (int y = 0; y < r.h; y++)
			mix_row((uint8_t *)px + (size_t)(r.y + y) * pitch +
			                (size_t)r.x * 4,
			        side_row(f->from, tile->from, y, line_a),
			        side_row(f->to, tile->to, y, line_b),
			        (size_t)r.w * 4, t);
	}
}
