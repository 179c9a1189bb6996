/*
 * test_layout_media: the split, logos and contact layouts and QR codes at
 * the six screen sizes --check uses. Everything inside the safe area, no
 * two texts, pictures or codes overlapping; the picture beside the text in
 * landscape (on its side) and above it in portrait; logos of equal area in
 * balanced rows, names under them, on plates; a code's modules whole
 * pixels of at least the rule's size, its quiet zone clear, and the
 * drawing read back module by module equal to the code. Fake measurer:
 * fake_layout.h.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "fake_layout.h"
#include "qr.h"

static const struct deck_color white = { 255, 255, 255 };

static int
imin(int a, int b)
{
	return a < b ? a : b;
}

static int
imax(int a, int b)
{
	return a > b ? a : b;
}

static bool
same_color(struct deck_color a, struct deck_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static bool
inside(struct layout_rect r, struct layout_rect in)
{
	return r.w >= 0 && r.h >= 0 && r.x >= in.x && r.y >= in.y &&
	       r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

static bool
overlap(struct layout_rect a, struct layout_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

/* A QR code's light square: white, square, not a plate. */
static bool
is_qr_square(const struct layout_item *it)
{
	return it->kind == LAYOUT_RECT && same_color(it->color, white) &&
	       it->box.w == it->box.h && it->box.w > 0;
}

/* Texts, pictures and codes: what must never overlap. */
static bool
is_block(const struct layout_item *it)
{
	return it->kind == LAYOUT_TEXT || it->kind == LAYOUT_IMAGE ||
	       is_qr_square(it);
}

/* Every item inside the safe area, no two blocks overlapping. */
static void
check_boxes(const struct layout *lay, int w, int h)
{
	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *a = &lay->items[k];

		if (!inside(a->box, lay->safe)) {
			fprintf(stderr, "%dx%d: item %zu outside\n", w, h, k);
			CHECK(false);
		}
		for (size_t j = 1; j < k && is_block(a); j++)
			if (is_block(&lay->items[j]) &&
			    overlap(a->box, lay->items[j].box)) {
				fprintf(stderr,
				        "%dx%d: items %zu, %zu overlap\n", w, h,
				        j, k);
				CHECK(false);
			}
	}
}

static const struct layout_item *
find_kind(const struct layout *lay, enum layout_kind kind, size_t nth)
{
	for (size_t k = 1; k < lay->n; k++)
		if (lay->items[k].kind == kind && nth-- == 0)
			return &lay->items[k];
	return NULL;
}

static const struct layout_item *
find_qr(const struct layout *lay)
{
	for (size_t k = 1; k < lay->n; k++)
		if (is_qr_square(&lay->items[k]))
			return &lay->items[k];
	return NULL;
}

/* Whether item it's text points into s. */
static bool
text_in(const struct layout_item *it, const char *s)
{
	return it->kind == LAYOUT_TEXT && s && it->text >= s &&
	       it->text < s + strlen(s);
}

static struct deck_qr
make_qr(const char *text)
{
	struct deck_qr qr = { text, NULL, 0 };
	unsigned char *m;

	if (qr_encode(text, strlen(text), &m, &qr.size) == 0)
		qr.modules = m;
	return qr;
}

/*
 * QR codes.
 */

/* Reads the code back from the dark rectangles on its square: each must
 * lie on the module grid, one module tall, out of the quiet zone; the
 * modules so drawn must be the code's. */
static void
check_qr_drawing(const struct layout *lay, const struct deck_qr *qr, int s)
{
	const struct layout_item *sq = find_qr(lay);
	int total = qr_total_modules(qr->size), px;
	unsigned char *seen = calloc((size_t)qr->size * qr->size, 1);

	CHECK(sq != NULL);
	if (!sq || !seen) {
		free(seen);
		return;
	}
	px = sq->box.w / total;
	CHECK_INT(sq->box.w, px * total);
	CHECK(px >= qr_min_module_px(s) && !lay->qr_small);
	for (size_t k = (size_t)(sq - lay->items) + 1; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];
		int x = it->box.x - sq->box.x - QR_QUIET * px;
		int y = it->box.y - sq->box.y - QR_QUIET * px;

		if (it->kind != LAYOUT_RECT || !inside(it->box, sq->box))
			continue;
		CHECK(x >= 0 && y >= 0 && x % px == 0 && y % px == 0);
		CHECK(it->box.h == px && it->box.w % px == 0);
		if (x < 0 || y < 0 || y / px >= qr->size)
			continue;
		for (int m = 0; m < it->box.w / px && y / px < qr->size; m++)
			if (x / px + m < qr->size)
				seen[(y / px) * qr->size + x / px + m] = 1;
	}
	CHECK(!memcmp(seen, qr->modules, (size_t)qr->size * qr->size));
	free(seen);
}

/* The words under the code, without "https://". */
static void
check_qr_words(const struct layout *lay, const struct deck_qr *qr)
{
	const struct layout_item *sq = find_qr(lay), *words = NULL;

	for (size_t k = 1; k < lay->n && !words; k++)
		if (text_in(&lay->items[k], qr->text))
			words = &lay->items[k];
	CHECK(sq && words);
	if (!sq || !words)
		return;
	CHECK(words->box.y >= sq->box.y + sq->box.h);
	CHECK(words->text == qr->text + strlen("https://"));
	CHECK(words->box.x >= sq->box.x &&
	      words->box.x + words->box.w <= sq->box.x + sq->box.w);
}

static void
test_qr_on_text(void)
{
	static const char *text[] = { "Scan the code with your phone's "
		                      "camera: five questions, two minutes." };
	struct deck_slide sl = { .layout = DECK_LAYOUT_TEXT,
		                 .title = "Tell us what you thought",
		                 .text = { text, 1 },
		                 .qr = make_qr(
		                         "https://example.org/feedback") };
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	CHECK(sl.qr.modules != NULL);
	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int w = screens[z][0], h = screens[z][1];
		const struct layout_item *sq, *body;

		layout_slide(&lay, &deck, 0, w, h, 0, &m);
		CHECK(!lay.overflow);
		check_boxes(&lay, w, h);
		check_qr_drawing(&lay, &sl.qr, imin(w, h));
		check_qr_words(&lay, &sl.qr);
		sq = find_qr(&lay);
		body = find_kind(&lay, LAYOUT_TEXT, 3);
		if (!sq || !body)
			continue;
		if (w > h) /* beside the text, else under it */
			CHECK(sq->box.x >= body->box.x + body->box.w);
		else
			CHECK(sq->box.y >= body->box.y + body->box.h);
	}
	layout_destroy(&lay);
	free((void *)sl.qr.modules);
}

/* A version-6 code, the largest allowed, fits every screen at the
 * rule's size, on a contact with every detail. */
static void
test_qr_largest_on_contact(void)
{
	char url[QR_MAX_BYTES + 1];
	struct deck_slide sl = {
		.layout = DECK_LAYOUT_CONTACT,
		.title = "Contact",
		.contact = { "Ana Ferreira", "Coordinator", "Open Day team",
		             "ana@example.org", "+351 21 000 0000",
		             "example.org/openday" }
	};
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	memcpy(url, "https://", 8);
	memset(url + 8, 'a', QR_MAX_BYTES - 8);
	url[QR_MAX_BYTES] = '\0';
	sl.qr = make_qr(url);
	CHECK_INT(sl.qr.size, 41);
	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int w = screens[z][0], h = screens[z][1];
		const struct layout_item *sq;

		layout_slide(&lay, &deck, 0, w, h, 0, &m);
		check_boxes(&lay, w, h);
		check_qr_drawing(&lay, &sl.qr, imin(w, h));
		sq = find_qr(&lay);
		CHECK(sq && sq->box.w >= 49 * qr_min_module_px(imin(w, h)));
	}
	layout_destroy(&lay);
	free((void *)sl.qr.modules);
}

/*
 * Contact.
 */

/* The card and the code side by side (in portrait one above the other),
 * the group centred. */
static void
test_contact_card_and_code(void)
{
	struct deck_slide sl = { .layout = DECK_LAYOUT_CONTACT,
		                 .title = "Contact",
		                 .contact = { .name = "Ana Ferreira",
		                              .email = "ana@example.org" },
		                 .qr = make_qr("https://example.org/ana") };
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int w = screens[z][0], h = screens[z][1];
		const struct layout_item *card, *sq;
		int left, right;

		layout_slide(&lay, &deck, 0, w, h, 0, &m);
		CHECK(!lay.overflow);
		check_boxes(&lay, w, h);
		card = &lay.items[1];
		sq = find_qr(&lay);
		CHECK(sq && !overlap(card->box, sq->box));
		if (!sq)
			continue;
		if (w > h)
			CHECK(sq->box.x > card->box.x + card->box.w);
		else
			CHECK(sq->box.y > card->box.y + card->box.h);
		left = imin(card->box.x, sq->box.x) - lay.safe.x;
		right = lay.safe.x + lay.safe.w -
		        imax(card->box.x + card->box.w, sq->box.x + sq->box.w);
		CHECK(abs(left - right) <= 2);
	}
	layout_destroy(&lay);
	free((void *)sl.qr.modules);
}

/*
 * Split.
 */

static void
check_split(const struct deck_slide *sl, const struct layout *lay, int w, int h)
{
	const struct layout_item *pic = find_kind(lay, LAYOUT_IMAGE, 0);
	const char *const *v = sl->bullets.n ? sl->bullets.v : sl->text.v;
	size_t n = sl->bullets.n ? sl->bullets.n : sl->text.n, body = 0;

	CHECK(pic && pic->image == sl->image);
	for (size_t k = 1; pic && k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];
		bool in_body = false;

		for (size_t i = 0; i < n; i++)
			in_body |= text_in(it, v[i]);
		if (!in_body)
			continue;
		body++;
		if (h > w)
			CHECK(it->box.y >= pic->box.y + pic->box.h);
		else if (sl->image_side == DECK_SIDE_RIGHT)
			CHECK(it->box.x + it->box.w <= pic->box.x);
		else
			CHECK(it->box.x >= pic->box.x + pic->box.w);
	}
	if (body < n)
		fprintf(stderr, "%dx%d: %zu of %zu lines, picture %s\n", w, h,
		        body, n, pic ? "placed" : "missing");
	CHECK(body >= n);
	/* the picture gets half the width, or a good share of the height */
	if (pic && w > h)
		CHECK(pic->box.w * 5 >= lay->safe.w * 2);
	if (pic && h > w)
		CHECK(pic->box.w == lay->safe.w && pic->box.h * 5 >= h);
}

static void
test_split(void)
{
	static const char *bullets[] = { "Talks at 10:00", "Demos all day",
		                         "Lunch at 12:30" };
	static const char *text[] = { "Opened this spring, with room for 400 "
		                      "people and daylight all day." };
	struct deck_slide sl[] = {
		{ .layout = DECK_LAYOUT_SPLIT,
		  .title = "The new hall",
		  .image = "photo.jpg",
		  .text = { text, 1 } },
		{ .layout = DECK_LAYOUT_SPLIT,
		  .title = "Today",
		  .image = "photo.jpg",
		  .image_side = DECK_SIDE_RIGHT,
		  .bullets = { bullets, 3 } },
		{ .layout = DECK_LAYOUT_SPLIT,
		  .image = "photo.jpg",
		  .bullets = { bullets, 3 },
		  .qr = make_qr("https://example.org/today") },
	};
	struct deck deck = make_deck(sl, 3);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < 2 * N_SCREENS; z++) {
		int w = screens[z % N_SCREENS][0],
		    h = screens[z % N_SCREENS][1];
		/* then with a kiosk's controls below: the heading gives way */
		int reserve = z < N_SCREENS ? 0 : imin(w, h) / 8;

		for (size_t i = 0; i < 3; i++) {
			layout_slide(&lay, &deck, i, w, h, reserve, &m);
			CHECK(!lay.overflow);
			check_boxes(&lay, w, h);
			check_split(&sl[i], &lay, w, h);
		}
		check_qr_drawing(&lay, &sl[2].qr, imin(w, h));
	}
	layout_destroy(&lay);
	free((void *)sl[2].qr.modules);
}

/*
 * Logos.
 */

/* The logos' picture boxes, in order. */
static size_t
logo_boxes(const struct layout *lay, struct layout_rect *out, size_t cap)
{
	size_t n = 0;

	for (size_t k = 1; k < lay->n && n < cap; k++)
		if (lay->items[k].kind == LAYOUT_IMAGE)
			out[n++] = lay->items[k].box;
	return n;
}

/* Equal areas (within rounding), and the boxes keep each logo's shape. */
static void
check_equal_area(const struct layout_rect *b, const struct deck_logo *logos,
                 size_t n)
{
	for (size_t k = 0; k < n; k++) {
		double a0 = (double)b[0].w * b[0].h,
		       a = (double)b[k].w * b[k].h;
		double want = (double)logos[k].w / logos[k].h;

		CHECK(a > 0 && fabs(a / a0 - 1) < 0.08);
		CHECK(fabs((double)b[k].w / b[k].h / want - 1) < 0.08);
	}
}

/* Row sizes from the boxes' centres; returns the number of rows. */
static size_t
row_sizes(const struct layout_rect *b, size_t n, size_t *sizes)
{
	size_t rows = 0;
	int last = -1;

	for (size_t k = 0; k < n; k++) {
		int top = b[k].y + b[k].h / 2;

		if (rows == 0 || top > last + 1)
			sizes[rows++] = 0;
		sizes[rows - 1]++;
		last = top;
	}
	return rows;
}

static const struct layout_item *
find_text(const struct layout *lay, const char *s)
{
	for (size_t k = 1; k < lay->n; k++)
		if (lay->items[k].kind == LAYOUT_TEXT &&
		    lay->items[k].text == s)
			return &lay->items[k];
	return NULL;
}

/* Whether box b lies on a light plate wider and taller than it. */
static bool
on_plate(const struct layout *lay, struct layout_rect b)
{
	static const struct deck_color plate = { 0xf5, 0xf7, 0xfa };

	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];

		if (it->kind == LAYOUT_RECT && same_color(it->color, plate) &&
		    inside(b, it->box) && it->box.w > b.w && it->box.h > b.h)
			return true;
	}
	return false;
}

static struct deck_slide
logo_slide(struct deck_logo *logos, size_t n, bool plate)
{
	return (struct deck_slide){ .layout = DECK_LAYOUT_LOGOS,
		                    .title = "Our partners",
		                    .logos = logos,
		                    .n_logos = n,
		                    .plate = plate };
}

/* Shapes from 1:2 to 5:1, named: equal areas, names under their logos,
 * each logo on a plate. */
static void
test_logos_equal_weight(void)
{
	struct deck_logo logos[] = {
		{ "a.png", "Aster", 480, 160 },
		{ "b.png", "Bastion", 200, 240 },
		{ "c.png", "Corvus", 600, 120 },
		{ "d.png", "Delta", 240, 240 },
		{ "e.png", "Ember", 420, 140 },
		{ "f.png", "Fjord", 300, 200 },
		{ "g.png", "Gale", 160, 320 },
	};
	struct deck_slide sl = logo_slide(logos, 7, true);
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	struct layout_rect b[DECK_MAX_LOGOS];

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int w = screens[z][0], h = screens[z][1];

		layout_slide(&lay, &deck, 0, w, h, 0, &m);
		CHECK(!lay.overflow);
		check_boxes(&lay, w, h);
		CHECK_INT(logo_boxes(&lay, b, DECK_MAX_LOGOS), 7);
		check_equal_area(b, logos, 7);
		for (size_t k = 0; k < 7; k++) {
			const struct layout_item *name =
			        find_text(&lay, logos[k].name);

			CHECK(name && name->box.y >= b[k].y + b[k].h);
			CHECK(name && abs(2 * name->box.x + name->box.w -
			                  (2 * b[k].x + b[k].w)) <= 2);
			CHECK(on_plate(&lay, b[k]));
		}
	}
	layout_destroy(&lay);
}

/* Equal shapes: rows differ by one logo at most, each row centred; more
 * rows in portrait than in landscape. */
static void
test_logos_balanced_rows(void)
{
	struct deck_logo logos[DECK_MAX_LOGOS];
	struct deck_slide sl;
	struct deck deck;
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	struct layout_rect b[DECK_MAX_LOGOS];
	size_t sizes[DECK_MAX_LOGOS];

	for (size_t k = 0; k < DECK_MAX_LOGOS; k++)
		logos[k] = (struct deck_logo){ "logo.png", NULL, 300, 150 };
	layout_init(&lay);
	for (size_t n = 1; n <= DECK_MAX_LOGOS; n++) {
		sl = logo_slide(logos, n, n % 2);
		deck = make_deck(&sl, 1);
		for (size_t z = 0; z < N_SCREENS; z++) {
			int w = screens[z][0], h = screens[z][1];
			size_t rows, lo = n, hi = 0;

			layout_slide(&lay, &deck, 0, w, h, 0, &m);
			CHECK(!lay.overflow);
			check_boxes(&lay, w, h);
			CHECK_INT(logo_boxes(&lay, b, n), n);
			check_equal_area(b, logos, n);
			rows = row_sizes(b, n, sizes);
			for (size_t j = 0; j < rows; j++) {
				lo = sizes[j] < lo ? sizes[j] : lo;
				hi = sizes[j] > hi ? sizes[j] : hi;
			}
			if (hi > lo + 1)
				fprintf(stderr,
				        "%zu logos at %dx%d: rows of "
				        "%zu to %zu\n",
				        n, w, h, lo, hi);
			CHECK(hi <= lo + 1);
		}
	}
	layout_destroy(&lay);
}

/* Unknown sizes count as 3:2; no picture is ever outside the safe area,
 * even 24 named logos at 800x480 with the kiosk's controls below. */
static void
test_logos_crowded(void)
{
	struct deck_logo logos[DECK_MAX_LOGOS];
	struct deck_slide sl = logo_slide(logos, DECK_MAX_LOGOS, true);
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	struct layout_rect b[DECK_MAX_LOGOS];

	for (size_t k = 0; k < DECK_MAX_LOGOS; k++)
		logos[k] = (struct deck_logo){ "logo.png", "Partner", 0, 0 };
	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 60,
		             &m);
		check_boxes(&lay, screens[z][0], screens[z][1]);
		CHECK_INT(logo_boxes(&lay, b, DECK_MAX_LOGOS), DECK_MAX_LOGOS);
		CHECK(abs(b[0].w * 2 - b[0].h * 3) <= 4);
	}
	layout_destroy(&lay);
}

int
main(void)
{
	RUN(test_qr_on_text);
	RUN(test_qr_largest_on_contact);
	RUN(test_contact_card_and_code);
	RUN(test_split);
	RUN(test_logos_equal_weight);
	RUN(test_logos_balanced_rows);
	RUN(test_logos_crowded);
	return check_done("test_layout_media");
}
