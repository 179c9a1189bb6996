/*
 * test_layout_picture: the image layout at the six screen sizes --check
 * uses (portrait among them), with a landscape photo, a portrait phone
 * photo and a small logo: the picture keeps its shape, stays in the safe
 * area under the heading, is never drawn more than twice its size, and its
 * caption sits directly under it (one gap, never far below); "cover"
 * fills the screen behind the text; background_image goes behind any
 * slide.
 */
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "fake_layout.h"
#include "picture_fit.h"

/* The fake's pictures: a name's size. */
static int
picture_size(void *ctx, const char *path, int *w, int *h)
{
	(void)ctx;
	if (!strcmp(path, "photo.jpg"))
		*w = 4000, *h = 3000;
	else if (!strcmp(path, "phone.jpg"))
		*w = 3000, *h = 4000;
	else if (!strcmp(path, "logo.png"))
		*w = 150, *h = 100;
	else
		return -1;
	return 0;
}

static const struct layout_item *
find(const struct layout *lay, enum layout_kind kind, size_t from)
{
	for (size_t k = from; k < lay->n; k++)
		if (lay->items[k].kind == kind)
			return &lay->items[k];
	return NULL;
}

/* The last text item: the caption. */
static const struct layout_item *
caption_of(const struct layout *lay)
{
	for (size_t k = lay->n; k-- > 0;)
		if (lay->items[k].kind == LAYOUT_TEXT)
			return &lay->items[k];
	return NULL;
}

static void
check_picture(const char *image, int pw, int ph)
{
	struct deck_slide s = { .layout = DECK_LAYOUT_IMAGE,
		                .title = "Our venue",
		                .image = image,
		                .caption = "The main hall" };
	struct deck d = make_deck(&s, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	m.picture_size = picture_size;
	layout_init(&lay);
	for (size_t i = 0; i < N_SCREENS; i++) {
		int w = screens[i][0], h = screens[i][1],
		    gap = (w < h ? w : h) / 60;
		const struct layout_item *pic, *cap;

		CHECK_INT(layout_slide(&lay, &d, 0, w, h, 0, &m), 0);
		pic = find(&lay, LAYOUT_IMAGE, 0);
		cap = caption_of(&lay);
		CHECK(pic && cap);
		if (!pic || !cap)
			continue;
		/* its shape, within 1 px; at most twice its size */
		CHECK(abs(pic->box.w * ph - pic->box.h * pw) <=
		      (pw > ph ? pw : ph));
		CHECK(pic->box.w <= 2 * pw && pic->box.h <= 2 * ph);
		/* in the safe area, under the heading */
		CHECK(pic->box.x >= lay.safe.x && pic->box.y >= lay.safe.y);
		CHECK(pic->box.x + pic->box.w <= lay.safe.x + lay.safe.w);
		CHECK(cap->box.y + cap->box.h <= lay.safe.y + lay.safe.h);
		/* the caption directly under it */
		CHECK(cap->box.y >= pic->box.y + pic->box.h);
		CHECK(cap->box.y <= pic->box.y + pic->box.h + gap + 1);
		if (cap->box.y > pic->box.y + pic->box.h + gap + 1)
			fprintf(stderr, "%s at %dx%d: caption %d px below\n",
			        image, w, h,
			        cap->box.y - pic->box.y - pic->box.h);
	}
	layout_destroy(&lay);
}

static void
test_caption_under_picture(void)
{
	check_picture("photo.jpg", 4000, 3000);
	check_picture("phone.jpg", 3000, 4000);
	check_picture("logo.png", 150, 100);
}

/* A big photo fills its space on one side at least (as large as the safe
 * area allows). */
static void
test_big_photo_fills(void)
{
	struct deck_slide s = { .layout = DECK_LAYOUT_IMAGE,
		                .title = "Our venue",
		                .image = "photo.jpg" };
	struct deck d = make_deck(&s, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *pic;

	m.picture_size = picture_size;
	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, &d, 0, 1920, 1080, 0, &m), 0);
	pic = find(&lay, LAYOUT_IMAGE, 0);
	CHECK(pic && (pic->box.w == pic->room.w || pic->box.h == pic->room.h));
	CHECK(pic && pic->box.h * 100 >= lay.safe.h * 60); /* not 30 % */
	layout_destroy(&lay);
}

static void
test_cover_and_background(void)
{
	struct deck_slide s[2] = {
		{ .layout = DECK_LAYOUT_IMAGE,
		  .title = "Hall",
		  .image = "photo.jpg",
		  .fit = DECK_FIT_COVER },
		{ .layout = DECK_LAYOUT_BULLETS,
		  .title = "Hall",
		  .background_image = "photo.jpg" },
	};
	const char *bullets[] = { "One", "Two" };
	struct deck d = make_deck(s, 2);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *pic;

	s[1].bullets = (struct deck_strings){ bullets, 2 };
	m.picture_size = picture_size;
	layout_init(&lay);
	for (size_t i = 0; i < 2; i++) {
		CHECK_INT(layout_slide(&lay, &d, i, 1080, 1920, 0, &m), 0);
		pic = find(&lay, LAYOUT_IMAGE, 0);
		CHECK(pic && pic->backdrop && pic->fit == DECK_FIT_COVER);
		CHECK(pic && pic->box.x == 0 && pic->box.y == 0 &&
		      pic->box.w == 1080 && pic->box.h == 1920);
		CHECK(find(&lay, LAYOUT_TEXT, 0) != NULL);
	}
	layout_destroy(&lay);
}

int
main(void)
{
	RUN(test_caption_under_picture);
	RUN(test_big_photo_fills);
	RUN(test_cover_and_background);
	return check_done("test_layout_picture");
}
