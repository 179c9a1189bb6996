/*
 * test_fade: the tile crossfade against a per-byte reference, on pictures
 * whose sizes are not multiples of the tile (edge tiles), with padded rows,
 * plain and busy tiles, and the rectangles it names for presenting.
 */
#include "fade.h"

#include <stdlib.h>

#include "check.h"

/* A picture: w x h pixels in rows of pitch bytes (padding after w). */
struct pic {
	int w, h, pitch;
	uint32_t *px;
};

static struct pic
pic_new(int w, int h, int pad, uint32_t color)
{
	struct pic p = { w, h, (w + pad) * 4, NULL };

	p.px = malloc((size_t)p.pitch * (size_t)h);
	for (int i = 0; i < (w + pad) * h; i++)
		p.px[i] = color;
	return p;
}

static uint32_t *
at(struct pic *p, int x, int y)
{
	return (uint32_t *)((char *)p->px + (size_t)y * p->pitch) + x;
}

static uint32_t
ref_pixel(uint32_t a, uint32_t b, unsigned t)
{
	uint32_t out = 0;

	for (int k = 0; k < 32; k += 8) {
		uint32_t x = (a >> k) & 0xff, y = (b >> k) & 0xff;

		out |= ((x * (256 - t) + y * t) >> 8) << k;
	}
	return out;
}

static uint32_t rng = 12345;

static uint32_t
next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) ^ (rng << 13);
}

static void
test_pixel_matches_reference(void)
{
	static const unsigned ts[] = { 0, 1, 7, 64, 128, 200, 255, 256 };
	int bad = 0;

	for (int i = 0; i < 20000; i++) {
		uint32_t a = next_rand(), b = next_rand();

		for (size_t k = 0; k < sizeof(ts) / sizeof(ts[0]); k++)
			bad += fade_pixel(a, b, ts[k]) !=
			       ref_pixel(a, b, ts[k]);
	}
	CHECK_INT(bad, 0);
	CHECK(fade_pixel(0xffffffffu, 0, 0) == 0xffffffffu);
	CHECK(fade_pixel(0, 0xffffffffu, FADE_FULL) == 0xffffffffu);
	CHECK(fade_pixel(0x00ff00ffu, 0xff00ff00u, 128) == 0x7f7f7f7fu);
}

static void
test_same_pictures_leave_nothing(void)
{
	struct pic p = pic_new(300, 200, 0, 0xff102030u);
	struct fade f;

	*at(&p, 100, 100) = 0xffffffffu; /* one busy tile, same in both */
	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), 0);
	CHECK(f.ready);
	CHECK_INT(f.n, 0);
	CHECK_INT(f.n_runs, 0);
	fade_mix(&f, p.px, p.pitch, 100);
	CHECK(*at(&p, 100, 100) == 0xffffffffu);
	fade_destroy(&f);
	free(p.px);
}

static void
test_one_pixel_one_tile(void)
{
	struct pic p = pic_new(300, 200, 0, 0xff000000u);
	struct fade f;

	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	*at(&p, 70, 20) = 0xffffffffu;
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), 0);
	CHECK_INT(f.n, 1);
	CHECK_INT(f.n_runs, 1);
	CHECK_INT(f.runs[0].x, FADE_TILE_W);
	CHECK_INT(f.runs[0].y, FADE_TILE_H);
	CHECK_INT(f.runs[0].w, FADE_TILE_W);
	CHECK_INT(f.runs[0].h, FADE_TILE_H);
	fade_mix(&f, p.px, p.pitch, 0);
	CHECK(*at(&p, 70, 20) == 0xff000000u);
	fade_mix(&f, p.px, p.pitch, 128);
	CHECK(*at(&p, 70, 20) == ref_pixel(0xff000000u, 0xffffffffu, 128));
	fade_mix(&f, p.px, p.pitch, FADE_FULL);
	CHECK(*at(&p, 70, 20) == 0xffffffffu);
	fade_destroy(&f);
	free(p.px);
}

/*
 * Busy pictures: random blocks on a plain ground, with padded rows, their
 * left edges from x = from to x = to (a slide's text is here or there).
 */
static void
scribble(struct pic *p, int blocks, int from, int to)
{
	for (int b = 0; b < blocks; b++) {
		int x0 = from + (int)(next_rand() % (unsigned)(to - from));
		int y0 = (int)(next_rand() % (unsigned)p->h);
		int bw = 1 + (int)(next_rand() % 90),
		    bh = 1 + (int)(next_rand() % 30);

		for (int y = y0; y < y0 + bh && y < p->h; y++)
			for (int x = x0; x < x0 + bw && x < p->w; x++)
				*at(p, x, y) = next_rand();
	}
}

static bool
inside_a_run(const struct fade *f, int x, int y)
{
	for (size_t i = 0; i < f->n_runs; i++) {
		struct fade_rect r = f->runs[i];

		if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
			return true;
	}
	return false;
}

static void
test_mix_equals_reference_everywhere(void)
{
	static const int sizes[][2] = {
		{ 333, 77 }, { 130, 300 }, { 1920, 40 }, { 641, 161 }
	};

	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		int w = sizes[s][0], h = sizes[s][1];
		struct pic a = pic_new(w, h, 3, 0xff223344u);
		struct pic b = pic_new(w, h, 3, 0xff223344u);
		struct pic out = pic_new(w, h, 3, 0xdeadbeefu);
		struct fade f;
		int wrong = 0, outside = 0, pad = 0;
		unsigned t = (unsigned)(s * 50 + 10);

		/* overlapping in the middle: busy to busy there */
		scribble(&a, 6, 0, w * 6 / 10);
		scribble(&b, 6, w * 4 / 10, w);
		fade_init(&f);
		/* out shows a, as the screen would; then b is drawn */
		memcpy(out.px, a.px, (size_t)a.pitch * (size_t)h);
		CHECK_INT(fade_capture_from(&f, out.px, out.pitch, w, h), 0);
		for (int y = 0; y < h; y++)
			memcpy(at(&out, 0, y), at(&b, 0, y), (size_t)w * 4);
		CHECK_INT(fade_capture_to(&f, out.px, out.pitch), 0);
		fade_mix(&f, out.px, out.pitch, t);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				uint32_t pa = *at(&a, x, y), pb = *at(&b, x, y);

				wrong +=
				        *at(&out, x, y) != ref_pixel(pa, pb, t);
				outside += pa != pb && !inside_a_run(&f, x, y);
			}
			for (int x = w; x < w + 3; x++)
				pad += *at(&out, x, y) != 0xff223344u;
		}
		CHECK_INT(wrong, 0);
		CHECK_INT(outside, 0);
		CHECK_INT(pad, 0);
		/* plain sides take no store; the stores keep no spare tile */
		CHECK(f.n_from + f.n_to < 2 * f.n);
		for (size_t i = 0; i < f.n; i++) {
			CHECK(f.tiles[i].from.slot < (int32_t)f.n_from);
			CHECK(f.tiles[i].to.slot < (int32_t)f.n_to);
		}
		/* runs never overlap and stay inside the picture */
		for (size_t i = 0; i < f.n_runs; i++) {
			struct fade_rect r = f.runs[i];

			CHECK(r.x >= 0 && r.y >= 0 && r.x + r.w <= w &&
			      r.y + r.h <= h);
			for (size_t j = i + 1; j < f.n_runs; j++)
				CHECK(f.runs[j].y != r.y ||
				      f.runs[j].x >= r.x + r.w);
		}
		fade_destroy(&f);
		free(a.px);
		free(b.px);
		free(out.px);
	}
}

static void
test_runs_merge_side_by_side_tiles(void)
{
	struct pic p = pic_new(640, 64, 0, 0);
	struct fade f;

	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	for (int x = 10; x < 300; x++) /* a line across tiles 0..4 */
		*at(&p, x, 20) = 0xffffffffu;
	*at(&p, 600, 40) = 1; /* and one lone tile further down */
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), 0);
	CHECK_INT(f.n, 6);
	CHECK_INT(f.n_runs, 2);
	CHECK_INT(f.runs[0].x, 0);
	CHECK_INT(f.runs[0].w, 5 * FADE_TILE_W);
	CHECK_INT(f.runs[0].y, FADE_TILE_H);
	CHECK_INT(f.runs[1].x, 9 * FADE_TILE_W);
	CHECK_INT(f.runs[1].y, 2 * FADE_TILE_H);
	fade_destroy(&f);
	free(p.px);
}

static void
test_new_ground_colour_changes_every_tile(void)
{
	struct pic p = pic_new(200, 50, 0, 0xff000000u);
	struct fade f;
	size_t all = 4 * 4; /* 200/64 -> 4 columns, 50/16 -> 4 rows */

	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	for (int i = 0; i < p.w * p.h; i++)
		p.px[i] = 0xff0000ffu;
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), 0);
	CHECK_INT(f.n, all);
	CHECK_INT(f.n_runs, 4);
	fade_mix(&f, p.px, p.pitch, 0);
	CHECK(*at(&p, 199, 49) == 0xff000000u);
	fade_destroy(&f);
	free(p.px);
}

/* One photograph for another: more than a picture's worth to keep. */
static void
test_refuses_a_change_bigger_than_a_picture(void)
{
	struct pic p = pic_new(200, 50, 0, 0);
	struct fade f;

	for (int i = 0; i < p.w * p.h; i++)
		p.px[i] = next_rand();
	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	for (int i = 0; i < p.w * p.h; i++)
		p.px[i] = next_rand();
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), -1);
	CHECK(!f.ready);
	CHECK(f.from == NULL && f.to == NULL);
	/* half of it changing is still fine */
	CHECK_INT(fade_capture_from(&f, p.px, p.pitch, p.w, p.h), 0);
	for (int i = 0; i < p.w * p.h / 2; i++)
		p.px[i] = next_rand();
	CHECK_INT(fade_capture_to(&f, p.px, p.pitch), 0);
	CHECK(f.ready);
	fade_destroy(&f);
	free(p.px);
}

/* A one-pixel picture changing colour: plain to plain, no store. */
static void
test_tiny_picture(void)
{
	uint32_t px = 0xff000000u;
	struct fade f;

	fade_init(&f);
	CHECK_INT(fade_capture_from(&f, &px, 4, 1, 1), 0);
	px = 0xffffffffu;
	CHECK_INT(fade_capture_to(&f, &px, 4), 0);
	CHECK_INT(f.n, 1);
	CHECK_INT(f.n_from + f.n_to, 0);
	fade_mix(&f, &px, 4, 128);
	CHECK(px == 0xff7f7f7fu);
	fade_destroy(&f);
}

static void
test_refuses_bad_input(void)
{
	uint32_t px[16] = { 0 };
	struct fade f;

	fade_init(&f);
	CHECK_INT(fade_capture_to(&f, px, 16), -1); /* no start */
	CHECK_INT(fade_capture_from(&f, px, 16, 0, 4), -1);
	CHECK_INT(fade_capture_from(&f, px, 16, 4, -1), -1);
	CHECK_INT(fade_capture_from(&f, px, 8, 4, 4), -1); /* pitch < w*4 */
	CHECK_INT(fade_capture_from(&f, NULL, 16, 4, 4), -1);
	CHECK_INT(fade_capture_from(&f, px, 16, 20000, 1), -1);
	CHECK(!f.ready);
	fade_mix(&f, px, 16, 100); /* not ready: nothing happens */
	CHECK_INT(fade_capture_from(&f, px, 16, 4, 4), 0);
	CHECK_INT(fade_capture_to(&f, px, 8), -1); /* pitch too small */
	CHECK(!f.ready);
	CHECK_INT(fade_capture_from(&f, px, 16, 4, 4), 0);
	CHECK_INT(fade_capture_to(&f, px, 16), 0);
	CHECK_INT(fade_capture_to(&f, px, 16), -1); /* twice */
	fade_destroy(&f);
	fade_destroy(&f); /* and destroying twice is fine */
}

int
main(void)
{
	RUN(test_pixel_matches_reference);
	RUN(test_same_pictures_leave_nothing);
	RUN(test_one_pixel_one_tile);
	RUN(test_mix_equals_reference_everywhere);
	RUN(test_runs_merge_side_by_side_tiles);
	RUN(test_new_ground_colour_changes_every_tile);
	RUN(test_refuses_a_change_bigger_than_a_picture);
	RUN(test_tiny_picture);
	RUN(test_refuses_bad_input);
	return check_done("test_fade");
}
