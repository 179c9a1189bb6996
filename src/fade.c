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
	free(f->color);
	free(f->plain);
	fade_init(f);
}

uint32_t
fade_pixel(uint32_t a, uint32_t b, unsigned t)
{
	/* Two bytes at once in 16-bit lanes: 255 * 256 never carries. */
	uint32_t s = FADE_FULL - t;
	uint32_t rb = ((a & 0xff00ffu) * s + (b & 0xff00ffu) * t) >> 8;
	uint32_t ag = ((a >> 8) & 0xff00ffu) * s + ((b >> 8) & 0xff00ffu) * t;

	return (rb & 0xff00ffu) | (ag & 0xff00ff00u);
}

static struct fade_rect
tile_rect(const struct fade *f, size_t i)
{
	int x = (int)(i % (size_t)f->cols) * FADE_TILE_W;
	int y = (int)(i / (size_t)f->cols) * FADE_TILE_H;
	int w = f->w - x < FADE_TILE_W ? f->w - x : FADE_TILE_W;
	int h = f->h - y < FADE_TILE_H ? f->h - y : FADE_TILE_H;

	return (struct fade_rect){ x, y, w, h };
}

static const uint32_t *
row_at(const void *px, int pitch, int x, int y)
{
	return (const uint32_t *)((const char *)px + (size_t)y * pitch) + x;
}

/* Whether every pixel of rect r of px is c. */
static bool
is_all(const void *px, int pitch, struct fade_rect r, uint32_t c)
{
	uint32_t line[FADE_TILE_W];

	for (int x = 0; x < r.w; x++)
		line[x] = c;
	for (int y = 0; y < r.h; y++)
		if (memcmp(row_at(px, pitch, r.x, r.y + y), line,
		           (size_t)r.w * 4))
			return false;
	return true;
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

int
fade_capture_from(struct fade *f, const void *px, int pitch, int w, int h)
{
	size_t n;

	fade_destroy(f);
	if (!px || w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE ||
	    pitch < w * 4)
		return -1;
	f->w = w;
	f->h = h;
	f->cols = (w + FADE_TILE_W - 1) / FADE_TILE_W;
	f->rows = (h + FADE_TILE_H - 1) / FADE_TILE_H;
	n = (size_t)f->cols * (size_t)f->rows;
	f->color = malloc(n * sizeof(*f->color));
	f->plain = malloc(n);
	if (!f->color || !f->plain)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		f->plain[i] =
		        is_plain(px, pitch, tile_rect(f, i), &f->color[i]);
		if (!f->plain[i])
			f->color[i] = (uint32_t)f->n_from++;
	}
	if (f->n_from) {
		f->from = malloc(f->n_from * TILE_PIXELS * sizeof(uint32_t));
		if (!f->from)
			goto fail;
	}
	for (size_t i = 0; i < n; i++)
		if (!f->plain[i])
			copy_in(f->from + (size_t)f->color[i] * TILE_PIXELS, px,
			        pitch, tile_rect(f, i));
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
	const uint32_t *kept;

	if (f->plain[i])
		return !is_all(px, pitch, r, f->color[i]);
	kept = f->from + (size_t)f->color[i] * TILE_PIXELS;
	for (int y = 0; y < r.h; y++)
		if (memcmp(kept + y * FADE_TILE_W,
		           row_at(px, pitch, r.x, r.y + y), (size_t)r.w * 4))
			return true;
	return false;
}

static void
fill(uint32_t *tile, uint32_t c)
{
	for (size_t k = 0; k < TILE_PIXELS; k++)
		tile[k] = c;
}

static void
merge_runs(struct fade *f)
{
	f->n_runs = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct fade_rect t = f->tiles[i];
		struct fade_rect *last =
		        f->n_runs ? &f->runs[f->n_runs - 1] : NULL;

		if (last && last->y == t.y && last->x + last->w == t.x)
			last->w += t.w;
		else
			f->runs[f->n_runs++] = t;
	}
}

int
fade_capture_to(struct fade *f, const void *px, int pitch)
{
	size_t all = (size_t)f->cols * (size_t)f->rows, k = 0;
	uint32_t *old;

	if (!f->plain || f->ready || !px || pitch < f->w * 4)
		goto fail;
	for (size_t i = 0; i < all; i++)
		if (differs(f, i, px, pitch)) {
			f->plain[i] |= 2;
			f->n++;
		}
	if (f->n) {
		f->tiles = malloc(f->n * sizeof(*f->tiles));
		f->runs = malloc(f->n * sizeof(*f->runs));
		old = f->from;
		f->from = malloc(f->n * TILE_PIXELS * sizeof(uint32_t));
		f->to = malloc(f->n * TILE_PIXELS * sizeof(uint32_t));
		if (!f->tiles || !f->runs || !f->from || !f->to) {
			free(old);
			goto fail;
		}
		for (size_t i = 0; i < all; i++) {
			struct fade_rect r = tile_rect(f, i);
			uint32_t *a = f->from + k * TILE_PIXELS;

			if (!(f->plain[i] & 2))
				continue;
			if (f->plain[i] & 1)
				fill(a, f->color[i]);
			else
				memcpy(a,
				       old + (size_t)f->color[i] * TILE_PIXELS,
				       TILE_PIXELS * sizeof(uint32_t));
			copy_in(f->to + k * TILE_PIXELS, px, pitch, r);
			f->tiles[k++] = r;
		}
		free(old);
	} else {
		free(f->from);
		f->from = NULL;
	}
	free(f->color);
	free(f->plain);
	f->color = NULL;
	f->plain = NULL;
	f->n_from = 0;
	merge_runs(f);
	f->ready = true;
	return 0;
fail:
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

void
fade_mix(const struct fade *f, void *px, int pitch, unsigned t)
{
	if (!f->ready)
		return;
	if (t > FADE_FULL)
		t = FADE_FULL;
	for (size_t i = 0; i < f->n; i++) {
		struct fade_rect r = f->tiles[i];
		const uint32_t *a = f->from + i * TILE_PIXELS;
		const uint32_t *b = f->to + i * TILE_PIXELS;

		for (int y = 0; y < r.h; y++)
			mix_row((uint8_t *)px + (size_t)(r.y + y) * pitch +
			                (size_t)r.x * 4,
			        (const uint8_t *)(a + y * FADE_TILE_W),
			        (const uint8_t *)(b + y * FADE_TILE_W),
			        (size_t)r.w * 4, t);
	}
}
