/*
 * test_picture_fit: the scaling rule (kept size, drawn size, the 2x
 * enlargement cap, cover's crop) at the six screen sizes --check uses, and
 * the EXIF orientation table with its pixels turned upright.
 */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "orientation.h"
#include "picture_fit.h"

static const struct {
	int w, h;
} screens[] = { { 1920, 1080 }, { 1280, 720 }, { 3840, 2160 },
	        { 1024, 768 },  { 800, 480 },  { 1080, 1920 } };

#define N_SCREENS (sizeof(screens) / sizeof(screens[0]))

/* The safe area of a w x h screen at the default 5 % margin. */
static struct layout_rect
safe(int w, int h)
{
	return (struct layout_rect){ w / 20, h / 20, w - w / 10, h - h / 10 };
}

/* An 8000x6000 photo: kept no larger than the box, aspect kept, one side
 * filling it, drawn exactly at the kept size. */
static void
test_big_photo_contain(void)
{
	for (size_t i = 0; i < N_SCREENS; i++) {
		struct layout_rect box = safe(screens[i].w, screens[i].h), dst,
		                   crop;
		int tw, th;

		picture_fit_target(8000, 6000, box.w, box.h, DECK_FIT_CONTAIN,
		                   &tw, &th);
		CHECK(tw <= box.w && th <= box.h);
		CHECK(tw == box.w || th == box.h);
		CHECK(abs(tw * 6000 - th * 8000) <= 8000); /* within 1 px */
		picture_fit_place(8000, 6000, box, DECK_FIT_CONTAIN, &dst,
		                  &crop);
		CHECK_INT(dst.w, tw);
		CHECK_INT(dst.h, th);
		CHECK(dst.x >= box.x && dst.x + dst.w <= box.x + box.w);
		CHECK(dst.y >= box.y && dst.y + dst.h <= box.y + box.h);
		CHECK_INT(crop.w, 8000);
		CHECK_INT(crop.h, 6000);
	}
}

/* Exact figures at 1920x1080 and in portrait. */
static void
test_exact(void)
{
	int tw, th;

	picture_fit_target(8000, 6000, 1728, 972, DECK_FIT_CONTAIN, &tw, &th);
	CHECK_INT(tw, 1296);
	CHECK_INT(th, 972);
	picture_fit_target(8000, 6000, 972, 1728, DECK_FIT_CONTAIN, &tw, &th);
	CHECK_INT(tw, 972);
	CHECK_INT(th, 729);
	/* cover on a portrait screen keeps the height's scale: 1920/6000 */
	picture_fit_target(8000, 6000, 1080, 1920, DECK_FIT_COVER, &tw, &th);
	CHECK_INT(tw, 2560);
	CHECK_INT(th, 1920);
}

/* A 150 px logo: kept at 150, drawn at most twice its size, centred. */
static void
test_small_logo_capped(void)
{
	for (size_t i = 0; i < N_SCREENS; i++) {
		struct layout_rect box = safe(screens[i].w, screens[i].h), dst,
		                   crop;
		int tw, th;

		picture_fit_target(150, 100, box.w, box.h, DECK_FIT_CONTAIN,
		                   &tw, &th);
		CHECK_INT(tw, 150);
		CHECK_INT(th, 100);
		CHECK(picture_fit_scale(150, 100, box.w, box.h,
		                        DECK_FIT_CONTAIN) == 2.0);
		picture_fit_place(150, 100, box, DECK_FIT_CONTAIN, &dst, &crop);
		CHECK_INT(dst.w, 300);
		CHECK_INT(dst.h, 200);
		CHECK_INT(dst.x, box.x + (box.w - 300) / 2);
		CHECK_INT(dst.y, box.y + (box.h - 200) / 2);
	}
}

/* Between 1x and 2x: drawn as large as the box allows, kept as is. */
static void
test_medium_enlarged_less_than_twice(void)
{
	struct layout_rect box = { 0, 0, 1000, 800 }, dst, crop;
	int tw, th;

	picture_fit_target(600, 400, box.w, box.h, DECK_FIT_CONTAIN, &tw, &th);
	CHECK_INT(tw, 600);
	CHECK_INT(th, 400);
	picture_fit_place(600, 400, box, DECK_FIT_CONTAIN, &dst, &crop);
	CHECK_INT(dst.w, 1000);
	CHECK_INT(dst.h, 667);
}

/* Cover fills the whole screen at every size, cropping around the centre;
 * the crop has the screen's shape. */
static void
test_cover_fills(void)
{
	for (size_t i = 0; i < N_SCREENS; i++) {
		struct layout_rect box = { 0, 0, screens[i].w, screens[i].h },
		                   dst, crop;
		double want = (double)box.w / box.h, got;

		picture_fit_place(4000, 3000, box, DECK_FIT_COVER, &dst, &crop);
		CHECK_INT(dst.w, box.w);
		CHECK_INT(dst.h, box.h);
		CHECK(crop.w <= 4000 && crop.h <= 3000);
		CHECK(crop.w == 4000 || crop.h == 3000);
		CHECK_INT(crop.x, (4000 - crop.w) / 2);
		CHECK_INT(crop.y, (3000 - crop.h) / 2);
		got = (double)crop.w / crop.h;
		CHECK(got > want * 0.99 && got < want * 1.01);
	}
	/* a small picture is enlarged past 2x to cover: --check warns */
	CHECK(picture_fit_scale(320, 240, 1920, 1080, DECK_FIT_COVER) == 6.0);
}

/* Each EXIF value on a 3x2 picture whose pixels are numbered 1..6 row by
 * row: the upright picture, row by row, as exiftool's test images show. */
static void
test_orientation(void)
{
	static const uint32_t px[6] = { 1, 2, 3, 4, 5, 6 }; /* 1 2 3 / 4 5 6 */
	static const struct {
		int exif, w, h;
		uint32_t want[6];
	} cases[] = {
		{ 1, 3, 2, { 1, 2, 3, 4, 5, 6 } },
		{ 2, 3, 2, { 3, 2, 1, 6, 5, 4 } },
		{ 3, 3, 2, { 6, 5, 4, 3, 2, 1 } },
		{ 4, 3, 2, { 4, 5, 6, 1, 2, 3 } },
		{ 5, 2, 3, { 1, 4, 2, 5, 3, 6 } },
		{ 6, 2, 3, { 4, 1, 5, 2, 6, 3 } },
		{ 7, 2, 3, { 6, 3, 5, 2, 4, 1 } },
		{ 8, 2, 3, { 3, 6, 2, 5, 1, 4 } },
		{ 0, 3, 2, { 1, 2, 3, 4, 5, 6 } }, /* out of range: as stored */
		{ 9, 3, 2, { 1, 2, 3, 4, 5, 6 } },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct orientation o = orientation_from_exif(cases[i].exif);
		uint32_t out[6];
		int uw, uh;

		orientation_size(o, 3, 2, &uw, &uh);
		CHECK_INT(uw, cases[i].w);
		CHECK_INT(uh, cases[i].h);
		orientation_apply(o, px, 3, 2, out);
		for (int k = 0; k < 6; k++)
			if (out[k] != cases[i].want[k]) {
				fprintf(stderr, "exif %d: pixel %d is %u\n",
				        cases[i].exif, k, (unsigned)out[k]);
				CHECK(out[k] == cases[i].want[k]);
			}
	}
}

int
main(void)
{
	RUN(test_big_photo_contain);
	RUN(test_exact);
	RUN(test_small_logo_capped);
	RUN(test_medium_enlarged_less_than_twice);
	RUN(test_cover_fills);
	RUN(test_orientation);
	return check_done("test_picture_fit");
}
