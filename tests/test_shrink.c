/*
 * test_shrink: area averaging (exact averages of whole blocks, fractional
 * edges weighted by coverage, alpha-weighted colours, identity at the same
 * size) and the scrim chosen to keep text at 4.5:1 over pixels.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "color.h"
#include "scrim.h"
#include "shrink.h"

/* Shrinks the sw x sh RGBA bytes at src to tw x th into out. */
static void
run(const uint8_t *src, int sw, int sh, int tw, int th, uint8_t *out)
{
	struct shrink s;

	CHECK_INT(shrink_init(&s, sw, sh, tw, th, out), 0);
	for (int y = 0; y < sh; y++)
		shrink_row(&s, src + (size_t)y * sw * 4);
	shrink_destroy(&s);
}

static void
test_block_average(void)
{
	/* 4x2 greys 0, 100, 200, 255 / 50, 150, 250, 5 to 2x1: each output
	 * pixel the mean of its 2x2 block */
	static const uint8_t g[8] = { 0, 100, 200, 255, 50, 150, 250, 5 };
	uint8_t src[32], out[8];

	for (int i = 0; i < 8; i++)
		memset(src + i * 4, g[i], 3), src[i * 4 + 3] = 255;
	run(src, 4, 2, 2, 1, out);
	CHECK_INT(out[0], 75);  /* (0+100+50+150)/4 */
	CHECK_INT(out[4], 178); /* (200+255+250+5)/4 = 177.5 */
	CHECK_INT(out[3], 255);
}

static void
test_fractional_edges(void)
{
	/* 3x1 of 0, 90, 180 to 2x1: the middle pixel is split in half */
	static const uint8_t g[3] = { 0, 90, 180 };
	uint8_t src[12], out[8];

	for (int i = 0; i < 3; i++)
		memset(src + i * 4, g[i], 3), src[i * 4 + 3] = 255;
	run(src, 3, 1, 2, 1, out);
	CHECK_INT(out[0], 30);  /* (0 * 1 + 90 * 0.5) / 1.5 */
	CHECK_INT(out[4], 150); /* (90 * 0.5 + 180) / 1.5 */
}

static void
test_alpha_weighted(void)
{
	/* red opaque beside transparent black: red at half alpha, not dark */
	uint8_t src[8] = { 255, 0, 0, 255, 0, 0, 0, 0 }, out[4];

	run(src, 2, 1, 1, 1, out);
	CHECK_INT(out[0], 255);
	CHECK_INT(out[3], 128);
}

static void
test_identity_and_bad_sizes(void)
{
	uint8_t src[16] = { 1, 2, 3, 255, 4,  5,  6,  255,
		            7, 8, 9, 255, 10, 11, 12, 255 },
	        out[16];
	struct shrink s;

	run(src, 2, 2, 2, 2, out);
	CHECK(!memcmp(src, out, 16));
	CHECK_INT(shrink_init(&s, 2, 2, 3, 2, out), -1); /* no enlarging */
	CHECK_INT(shrink_init(&s, 2, 2, 0, 2, out), -1);
	shrink_destroy(&s);
}

static void
test_scrim(void)
{
	const struct deck_color white = { 255, 255, 255 }, black = { 0, 0, 0 };
	struct deck_color sky[2] = { { 200, 220, 250 }, { 120, 160, 230 } };
	struct deck_color night[1] = { { 10, 20, 40 } };
	struct scrim s;

	/* white text over a pale sky: a black scrim, as light as reaches
	 * 4.5:1, and one step lighter does not */
	s = scrim_choose(&white, 1, sky, 2, 4.5);
	CHECK(s.before < 2);
	CHECK(s.alpha > 0 && !memcmp(&s.color, &black, sizeof(black)));
	CHECK(s.after >= 4.5);
	CHECK(scrim_worst(&white, 1, sky, 2, black, s.alpha - 1) < 4.5);
	/* dark text over the same sky needs none */
	s = scrim_choose(&black, 1, sky, 2, 4.5);
	CHECK_INT(s.alpha, 0);
	/* dark text over a night sky: a white scrim */
	s = scrim_choose(&black, 1, night, 1, 4.5);
	CHECK(s.alpha > 0 && !memcmp(&s.color, &white, sizeof(white)));
	CHECK(s.after >= 4.5);
}

int
main(void)
{
	RUN(test_block_average);
	RUN(test_fractional_edges);
	RUN(test_alpha_weighted);
	RUN(test_identity_and_bad_sizes);
	RUN(test_scrim);
	return check_done("test_shrink");
}
