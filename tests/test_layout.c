/*
 * test_layout: size fitting and placement (wrapping itself: test_wrap), with
 * decks built by hand and a fake monospace measurer: a line is px / 2 wide per
 * code point and px * 1.25 tall (both rounded).
 */
#include "layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chars.h"
#include "check.h"
#include "fake_layout.h"
#include "util.h"

static char long_a[1600], long_b[700], long_c[240];

/* Fills buf with whole repetitions of words (whole UTF-8 characters). */
static void
fill(char *buf, size_t size, const char *words)
{
	size_t wl = strlen(words), n = 0;

	while (n + wl < size) {
		memcpy(buf + n, words, wl);
		n += wl;
	}
	buf[n] = '\0';
}

static void
fill_long(void)
{
	const char *words = "Parcerias na prática: ação, coração e 漢字 😀 "
	                    "https://example.org/a/very/long/path/index.html "
	                    "with plain words to wrap between. ";

	fill(long_a, sizeof(long_a), words);
	fill(long_b, sizeof(long_b), words);
	fill(long_c, sizeof(long_c), words);
}

static const char *short_text[] = { "Partnerships need trust.",
	                            "Trust needs time, and ação." };
static const char *long_paras[12] = { long_b, long_b, long_b, long_b,
	                              long_b, long_b, long_b, long_b,
	                              long_b, long_b, long_b, long_b };
static const char *short_bullets[] = { "Challenges?", "Impact?",
	                               "Who pays, and who benefits?" };
static const char *long_bullets[12] = { long_c, long_c, long_c, long_c,
	                                long_c, long_c, long_c, long_c,
	                                long_c, long_c, long_c, long_c };
static const struct deck_card short_cards[5] = {
	{ "Access", "Bring the next billion online" },
	{ "Diversity", "Content in every language" },
	{ "Openness", "Free flow of information" },
	{ "Security", "Trust in the network" },
	{ "Resources", NULL },
};
static const struct deck_card long_cards[12] = {
	{ "Access", long_c },   { "Diversity", long_c }, { "Openness", long_c },
	{ "Security", long_c }, { "Resources", long_c }, { "Rights", long_c },
	{ "Capacity", long_c }, { "Spam", long_c },      { "Names", long_c },
	{ "Numbers", long_c },  { "Standards", long_c }, { long_c, long_c },
};

struct slide_case {
	struct deck_slide slide;
	bool fits; /* short: must fit at every size without overflow */
};

/* The slide cases, by name. */
enum {
	CASE_TITLE,
	CASE_TITLE_LONG,
	CASE_TEXT,
	CASE_TEXT_BARE,
	CASE_TEXT_LONG,
	CASE_BULLETS,
	CASE_BULLETS_LONG,
	CASE_STATEMENT,
	CASE_STATEMENT_LONG,
	CASE_CARDS,
	CASE_CARDS_LONG,
	CASE_CONTACT,
	CASE_CONTACT_LONG,
	CASE_IMAGE,
	CASE_IMAGE_BARE,
	CASE_IMAGE_LONG,
	N_SLIDE_CASES
};

static struct slide_case slide_cases[N_SLIDE_CASES] = {
	[CASE_TITLE] = { { .layout = DECK_LAYOUT_TITLE,
	                   .title = "Moving Beyond the Talk",
	                   .subtitle = "Partnerships in Practice",
	                   .text = { short_text, 2 } },
	                 true },
	[CASE_TITLE_LONG] = { { .layout = DECK_LAYOUT_TITLE,
	                        .title = long_c,
	                        .subtitle = long_c,
	                        .text = { long_paras, 12 } },
	                      false },
	[CASE_TEXT] = { { .layout = DECK_LAYOUT_TEXT,
	                  .title = "Why now",
	                  .text = { short_text, 2 } },
	                true },
	[CASE_TEXT_BARE] = { { .layout = DECK_LAYOUT_TEXT,
	                       .text = { short_text, 2 } },
	                     true },
	[CASE_TEXT_LONG] = { { .layout = DECK_LAYOUT_TEXT,
	                       .title = long_c,
	                       .text = { long_paras, 12 } },
	                     false },
	[CASE_BULLETS] = { { .layout = DECK_LAYOUT_BULLETS,
	                     .title = "Key questions",
	                     .bullets = { short_bullets, 3 } },
	                   true },
	[CASE_BULLETS_LONG] = { { .layout = DECK_LAYOUT_BULLETS,
	                          .title = long_c,
	                          .bullets = { long_bullets, 12 } },
	                        false },
	[CASE_STATEMENT] = { { .layout = DECK_LAYOUT_STATEMENT,
	                       .title = "The question",
	                       .statement = "What is needed to enable "
	                                    "partnerships?" },
	                     true },
	[CASE_STATEMENT_LONG] = { { .layout = DECK_LAYOUT_STATEMENT,
	                            .statement = long_a },
	                          false },
	[CASE_CARDS] = { { .layout = DECK_LAYOUT_CARDS,
	                   .title = "Five themes",
	                   .cards = short_cards,
	                   .n_cards = 5 },
	                 true },
	[CASE_CARDS_LONG] = { { .layout = DECK_LAYOUT_CARDS,
	                        .title = long_c,
	                        .cards = long_cards,
	                        .n_cards = 12 },
	                      false },
	[CASE_CONTACT] = { { .layout = DECK_LAYOUT_CONTACT,
	                     .title = "Contact",
	                     .contact = { "Ana Conceição", "Coordinator",
	                                  "Instituto Exemplo",
	                                  "ana@example.org", "+55 21 5555 0000",
	                                  "https://example.org/contact" },
	                     .text = { short_text, 1 } },
	                   true },
	[CASE_CONTACT_LONG] = { { .layout = DECK_LAYOUT_CONTACT,
	                          .contact = { .name = long_c },
	                          .text = { long_paras, 12 } },
	                        false },
	[CASE_IMAGE] = { { .layout = DECK_LAYOUT_IMAGE,
	                   .title = "The venue",
	                   .image = "venue.jpg",
	                   .caption = "Rio de Janeiro, 2007" },
	                 true },
	[CASE_IMAGE_BARE] = { { .layout = DECK_LAYOUT_IMAGE,
	                        .image = "venue.jpg" },
	                      true },
	[CASE_IMAGE_LONG] = { { .layout = DECK_LAYOUT_IMAGE,
	                        .title = long_c,
	                        .image = "venue.jpg",
	                        .caption = long_a },
	                      false },
};

static const struct {
	int w, h;
} sizes[] = {
	{ 1920, 1080 }, { 1280, 720 }, { 3840, 2160 },
	{ 1024, 768 },  { 800, 480 },  { 1080, 1920 },
};

#define N_SIZES (sizeof(sizes) / sizeof(*sizes))

/*
 * Checking a layout.
 */

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

/* Whether the item's text lies within the string s (no pointer order
 * between unrelated objects: compare addresses as integers). */
static bool
in_string(const char *s, const struct layout_item *it)
{
	uintptr_t a = (uintptr_t)s, t = (uintptr_t)it->text;

	return s && t >= a && t + it->len <= a + strlen(s);
}

static bool
in_list(const char *const *v, size_t n, const struct layout_item *it)
{
	for (size_t i = 0; i < n; i++)
		if (in_string(v[i], it))
			return true;
	return false;
}

/* Whether the item's text points into one of the slide's strings. */
static bool
in_slide(const struct deck_slide *sl, const struct layout_item *it)
{
	const struct deck_contact *ct = &sl->contact;
	const char *one[] = { sl->title,        sl->subtitle, sl->statement,
		              sl->caption,      ct->name,     ct->role,
		              ct->organisation, ct->email,    ct->phone,
		              ct->url };

	if (in_list(one, sizeof(one) / sizeof(*one), it) ||
	    in_list(sl->text.v, sl->text.n, it) ||
	    in_list(sl->bullets.v, sl->bullets.n, it))
		return true;
	for (size_t i = 0; i < sl->n_cards; i++)
		if (in_string(sl->cards[i].name, it) ||
		    in_string(sl->cards[i].text, it))
			return true;
	return false;
}

/* The "…" that ends a line of text cut for want of room. */
static bool
is_ellipsis(const struct layout_item *it)
{
	return it->len == 3 && !memcmp(it->text, "\xe2\x80\xa6", 3);
}

static bool
has_ellipsis(const struct layout *lay)
{
	for (size_t k = 0; k < lay->n; k++)
		if (lay->items[k].kind == LAYOUT_TEXT &&
		    is_ellipsis(&lay->items[k]))
			return true;
	return false;
}

static bool
text_ok(const struct layout *lay, const struct deck *deck,
        const struct deck_slide *sl, const struct layout_item *it)
{
	return it->px >= lay->floor_px &&
	       (in_slide(sl, it) || is_ellipsis(it)) && it->len > 0 &&
	       !is_cont(it->text) && !is_cont(it->text + it->len) &&
	       it->text[0] != ' ' && it->text[it->len - 1] != ' ' &&
	       !memchr(it->text, '\n', it->len) &&
	       it->box.w == width_of(it->px, it->text, it->len) &&
	       it->box.h == (int)lround(it->px * 1.25) &&
	       (it->font == deck->theme.heading_font ||
	        it->font == deck->theme.body_font);
}

/* Whether item k of slide i's layout is right; says why not on stderr. */
static bool
item_ok(const struct layout *lay, const struct deck *deck, size_t i, size_t k,
        int reserve)
{
	const struct layout_item *it = &lay->items[k];
	const struct deck_slide *sl = &deck->slides[i];
	int bottom = lay->safe.y + lay->safe.h - reserve;
	bool ok = inside(it->box, lay->safe) &&
	          it->box.y + it->box.h <= bottom &&
	          it->slide_index == (int)i &&
	          (it->kind != LAYOUT_TEXT || text_ok(lay, deck, sl, it)) &&
	          (it->kind != LAYOUT_IMAGE || it->image == sl->image);

	if (!ok)
		fprintf(stderr,
		        "  slide %zu item %zu: kind %d box %d,%d %dx%d px %d "
		        "in safe %d,%d %dx%d less %d\n",
		        i, k, (int)it->kind, it->box.x, it->box.y, it->box.w,
		        it->box.h, it->px, lay->safe.x, lay->safe.y,
		        lay->safe.w, lay->safe.h, reserve);
	return ok;
}

/* Returns the number of wrong items in the layout of slide i (0: good). */
static int
check_layout(const struct layout *lay, const struct deck *deck, size_t i, int w,
             int h, int reserve)
{
	const struct deck_slide *sl = &deck->slides[i];
	struct deck_color bg =
	        sl->has_background ? sl->background : deck->theme.background;
	const struct layout_item *it = &lay->items[0];
	int s = w < h ? w : h, bad = 0, min_px = 0;

	if (lay->n == 0)
		return 1;
	bad += it->kind != LAYOUT_RECT || it->box.x || it->box.y ||
	       it->box.w != w || it->box.h != h || !same_color(it->color, bg);
	bad += lay->floor_px != (s + 23) / 24;
	for (size_t k = 1; k < lay->n; k++) {
		it = &lay->items[k];
		bad += !item_ok(lay, deck, i, k, reserve);
		if (it->kind == LAYOUT_TEXT && (!min_px || it->px < min_px))
			min_px = it->px;
	}
	bad += lay->min_px != min_px;
	bad += lay->min_px && lay->min_px < lay->floor_px;
	return bad;
}

/*
 * Layout tests.
 */

static struct deck_slide *
case_slides(void)
{
	static struct deck_slide v[N_SLIDE_CASES];

	for (size_t i = 0; i < N_SLIDE_CASES; i++)
		v[i] = slide_cases[i].slide;
	return v;
}

/* Lays out every slide case on a w x h screen keeping res px free, and
 * checks each layout. */
static void
check_all_slides(struct deck *deck, int w, int h, int res)
{
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t i = 0; i < N_SLIDE_CASES; i++) {
		CHECK_INT(layout_slide(&lay, deck, i, w, h, res, &m), 0);
		CHECK_INT(check_layout(&lay, deck, i, w, h, res), 0);
		/* short text fits; only cards may rather be cut (visibly)
		 * than have a word broken in a narrow cell */
		CHECK(!slide_cases[i].fits || !lay.overflow ||
		      (slide_cases[i].slide.layout == DECK_LAYOUT_CARDS &&
		       has_ellipsis(&lay)));
		CHECK(lay.n > 1);
		CHECK_INT(lay.safe.x, (int)lround(w * deck->theme.margin));
		CHECK_INT(lay.safe.y, (int)lround(h * deck->theme.margin));
	}
	layout_destroy(&lay);
}

/* Every slide case at every size, margin and reserved band: nothing but
 * the background leaves the safe area or enters the band. */
static void
test_safe_area(void)
{
	const double margins[] = { 0.05, 0, 0.12 };
	struct deck deck = make_deck(case_slides(), N_SLIDE_CASES);

	for (size_t k = 0; k < sizeof(margins) / sizeof(*margins); k++) {
		deck.theme.margin = margins[k];
		for (size_t z = 0; z < N_SIZES; z++) {
			int w = sizes[z].w, h = sizes[z].h;

			check_all_slides(&deck, w, h, 0);
			check_all_slides(&deck, w, h, h / 8);
		}
	}
}

/* A text slide without a heading, its one paragraph "x" lines: each line
 * count takes the largest ladder size at which the lines fit the safe area,
 * and one line more than fits at the floor overflows. */
static void
check_fit(int w, int h)
{
	static char buf[2 * 100];
	const char *para[] = { buf };
	struct deck_slide slide = { .layout = DECK_LAYOUT_TEXT,
		                    .text = { para, 1 } };
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int ladder[40], fits[40];
	size_t n;

	layout_init(&lay);
	strcpy(buf, "x");
	layout_slide(&lay, &deck, 0, w, h, 0, &m);
	n = layout_ladder(lay.min_px, lay.floor_px, ladder, 40);
	CHECK(n > 1);
	for (size_t k = 0; k < n; k++)
		fits[k] = lay.safe.h / fake_line_height(NULL, 0, ladder[k]);
	for (size_t k = 0; k <= n; k++) {
		int lines = k < n ? fits[k] : fits[n - 1] + 1;
		size_t want = 0;

		while (want < n - 1 && fits[want] < lines)
			want++;
		buf[0] = '\0';
		for (int l = 0; l < lines; l++)
			strcat(buf, l ? "\nx" : "x");
		layout_slide(&lay, &deck, 0, w, h, 0, &m);
		CHECK_INT(lay.min_px, ladder[want]);
		CHECK_INT(lay.overflow, k == n);
		/* cut: the last line shown ends with an ellipsis item */
		CHECK_INT(lay.n - 1, k < n ? lines : fits[n - 1] + 1);
		if (k == n)
			CHECK(is_ellipsis(&lay.items[lay.n - 1]));
		CHECK_INT(check_layout(&lay, &deck, 0, w, h, 0), 0);
	}
	layout_destroy(&lay);
}

static void
test_fit_ladder(void)
{
	for (size_t z = 0; z < N_SIZES; z++)
		check_fit(sizes[z].w, sizes[z].h);
}

static void
test_ladder(void)
{
	int px[40];
	size_t n = layout_ladder(68, 45, px, 40);

	CHECK(n >= 3);
	CHECK_INT(px[0], 68);
	CHECK_INT(px[n - 1], 45);
	for (size_t k = 1; k < n; k++)
		CHECK(px[k] < px[k - 1] && px[k] * 1.15 >= px[k - 1]);
	CHECK_INT(layout_ladder(30, 45, px, 40), 1);
	CHECK_INT(px[0], 45);
	CHECK_INT(layout_ladder(200, 20, px, 3), 3);
}

/* Distinct x of the card panels: rectangles in neither the background
 * nor the accent colour. */
static int
panel_columns(const struct layout *lay, const struct deck *deck)
{
	int xs[16], n = 0;

	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];
		bool seen = false;

		if (it->kind != LAYOUT_RECT ||
		    same_color(it->color, deck->theme.accent) ||
		    same_color(it->color, deck->theme.background))
			continue;
		for (int j = 0; j < n; j++)
			seen = seen || xs[j] == it->box.x;
		if (!seen && n < 16)
			xs[n++] = it->box.x;
	}
	return n;
}

/* The one size of the slide's body-font text, or -1 when there are more. */
static int
body_px(const struct layout *lay, const struct deck *deck)
{
	int px = 0;

	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];

		if (it->kind != LAYOUT_TEXT ||
		    it->font != deck->theme.body_font)
			continue;
		if (px && it->px != px)
			return -1;
		px = it->px;
	}
	return px;
}

static void
test_cards_columns(void)
{
	static const struct {
		int w, h, cols;
	} cases[] = {
		{ 1920, 1080, 3 },
		{ 1280, 720, 3 },
		{ 3840, 2160, 3 },
		{ 1080, 1920, 2 },
	};
	struct deck_slide slide = slide_cases[CASE_CARDS].slide;
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		layout_slide(&lay, &deck, 0, cases[i].w, cases[i].h, 0, &m);
		CHECK_INT(panel_columns(&lay, &deck), cases[i].cols);
		CHECK(body_px(&lay, &deck) > 0);
	}
	layout_destroy(&lay);
}

/* Every body paragraph or bullet of a slide, and every card, in one size. */
static void
test_one_body_size(void)
{
	static const char *mixed[] = { "Short.", long_c, "Medium length point.",
		                       long_c };
	struct deck_slide slides[] = {
		{ .layout = DECK_LAYOUT_BULLETS,
		  .title = "Mixed",
		  .bullets = { mixed, 4 } },
		{ .layout = DECK_LAYOUT_TEXT,
		  .title = "Mixed",
		  .text = { mixed, 4 } },
		slide_cases[CASE_CARDS].slide,
		slide_cases[CASE_CARDS_LONG].slide,
	};
	struct deck deck = make_deck(slides, 4);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SIZES; z++) {
		for (size_t i = 0; i < 4; i++) {
			layout_slide(&lay, &deck, i, sizes[z].w, sizes[z].h, 0,
			             &m);
			CHECK(body_px(&lay, &deck) > 0);
		}
	}
	layout_destroy(&lay);
}

/* Bullets: markers in the accent colour left of the text; every line of a
 * bullet starts at the same x, right of its marker. */
static void
test_hanging_indent(void)
{
	static const char *points[] = { long_c, "Short" };
	struct deck_slide slide = { .layout = DECK_LAYOUT_BULLETS,
		                    .bullets = { points, 2 } };
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int markers = 0, lines = 0, text_x = -1;

	layout_init(&lay);
	layout_slide(&lay, &deck, 0, 1920, 1080, 0, &m);
	for (size_t k = 1; k < lay.n; k++) {
		const struct layout_item *it = &lay.items[k];

		if (it->kind == LAYOUT_RECT) {
			const struct layout_item *next;

			if (k + 1 == lay.n) {
				CHECK(!"a marker ends the list");
				break;
			}
			next = &lay.items[k + 1];
			CHECK(next->kind == LAYOUT_TEXT);
			CHECK(same_color(it->color, deck.theme.accent));
			CHECK_INT(it->box.x, lay.safe.x);
			CHECK(it->box.x + it->box.w < next->box.x);
			CHECK(it->box.y >= next->box.y &&
			      it->box.y + it->box.h <=
			              next->box.y + next->box.h);
			markers++;
			continue;
		}
		if (text_x < 0)
			text_x = it->box.x;
		CHECK_INT(it->box.x, text_x);
		lines++;
	}
	CHECK_INT(markers, 2);
	CHECK(lines >= 4);
	CHECK(!lay.overflow);
	layout_destroy(&lay);
}

/*
 * A right-to-left slide (a bullets slide in Arabic, an Arabic heading):
 * every line ends at the right of the safe area (less the indent), flagged
 * rtl; the markers and the heading's rule sit on the right; a bullet that
 * starts in Latin is a left-to-right paragraph and stays on the left.
 */
static void
test_right_to_left(void)
{
	static const char *points[] = {
		"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 IGF 2007 "
		"\xd9\x81\xd9\x8a \xd8\xb1\xd9\x8a\xd9\x88",
		"IGF 2007 \xd9\x81\xd9\x8a",
	};
	struct deck_slide slide = { .layout = DECK_LAYOUT_BULLETS,
		                    .title = "\xd8\xa7\xd9\x84\xd8\xb9\xd8"
		                             "\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
		                    .bullets = { points, 2 } };
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int right, rtl_lines = 0, ltr_lines = 0, right_marks = 0;

	layout_init(&lay);
	layout_slide(&lay, &deck, 0, 1920, 1080, 0, &m);
	right = lay.safe.x + lay.safe.w;
	for (size_t k = 1; k < lay.n; k++) {
		const struct layout_item *it = &lay.items[k];

		if (it->kind == LAYOUT_RECT) {
			/* markers of Arabic bullets and the rule: on the
			   right */
			right_marks += it->box.x + it->box.w == right;
			continue;
		}
		if (it->text[0] == 'I') {
			CHECK(!it->rtl);
			CHECK(it->box.x < right - it->box.w - 50);
			ltr_lines++;
			continue;
		}
		CHECK(it->rtl);
		CHECK(it->box.x + it->box.w <= right);
		CHECK(it->box.x + it->box.w >= right - it->box.h);
		rtl_lines++;
	}
	CHECK(rtl_lines >= 2);
	CHECK_INT(ltr_lines, 1);
	CHECK_INT(right_marks, 2); /* the heading's rule, the first marker */
	layout_destroy(&lay);
}

/*
 * Right-to-left cards and band: the first card in the right column, each
 * card's bar on its right; the event's name at the band's right end, the
 * venue to its left.
 */
static void
test_right_to_left_cards_band(void)
{
	static const struct deck_card cards[] = {
		{ "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x86", NULL },
		{ "\xd8\xa7\xd9\x84\xd8\xab\xd9\x82\xd8\xa9", NULL },
	};
	struct deck_slide slide = { .layout = DECK_LAYOUT_CARDS,
		                    .title = cards[0].name,
		                    .cards = cards,
		                    .n_cards = 2 };
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int first_x = -1, second_x = -1, name_x = -1, venue_x = -1;

	deck.event.name = "\xd9\x85\xd9\x86\xd8\xaa\xd8\xaf\xd9\x89";
	deck.event.venue = "Rio";
	deck.theme.band = DECK_BAND_BOTTOM;
	layout_init(&lay);
	layout_slide(&lay, &deck, 0, 1920, 1080, 0, &m);
	for (size_t k = 1; k < lay.n; k++) {
		const struct layout_item *it = &lay.items[k];

		if (it->kind != LAYOUT_TEXT)
			continue;
		if (it->text == cards[0].name && it->box.y > 200)
			first_x = it->box.x;
		if (it->text == cards[1].name)
			second_x = it->box.x;
		if (it->text == deck.event.name)
			name_x = it->box.x;
		if (it->text == deck.event.venue)
			venue_x = it->box.x;
	}
	CHECK(first_x > 0 && second_x > 0 && first_x > second_x);
	CHECK(name_x > 0 && venue_x >= 0 && name_x > venue_x);
	layout_destroy(&lay);
}

/* Title and statement slides: every line centred, the block in the middle. */
static void
test_centered(void)
{
	struct deck_slide slides[] = { slide_cases[CASE_TITLE].slide,
		                       slide_cases[CASE_STATEMENT].slide };
	struct deck deck = make_deck(slides, 2);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SIZES; z++) {
		for (size_t i = 0; i < 2; i++) {
			const struct layout_rect *sa = &lay.safe;
			const struct layout_item *last;
			int top, below;

			layout_slide(&lay, &deck, i, sizes[z].w, sizes[z].h, 0,
			             &m);
			last = &lay.items[lay.n - 1];
			top = lay.items[1].box.y - sa->y;
			below = sa->y + sa->h - last->box.y - last->box.h;
			CHECK(abs(top - below) <= 1);
			for (size_t k = 1; k < lay.n; k++) {
				const struct layout_rect *b = &lay.items[k].box;

				CHECK(abs(2 * b->x + b->w - 2 * sa->x -
				          sa->w) <= 1);
			}
		}
	}
	layout_destroy(&lay);
}

/* An ordinary word too long for the line makes the text smaller rather
 * than break; a URL breaks and leaves the size alone. */
static void
test_no_broken_words(void)
{
	static const char *url[] = {
		"See https://www.intgovforum.org/cms/2007/rio/programme.html"
	};
	/* the statements apart: a series would share one size */
	struct deck_slide slides[] = {
		{ .layout = DECK_LAYOUT_STATEMENT,
		  .statement = "Internetverwaltungsforumsteilnehmer" },
		{ .layout = DECK_LAYOUT_TEXT, .text = { url, 1 } },
		{ .layout = DECK_LAYOUT_STATEMENT, .statement = "Short" },
		{ .layout = DECK_LAYOUT_TEXT, .text = { short_text, 1 } },
	};
	struct deck deck = make_deck(slides, 4);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int px[4];

	layout_init(&lay);
	for (size_t i = 0; i < 4; i++) {
		layout_slide(&lay, &deck, i, 1920, 1080, 0, &m);
		px[i] = lay.min_px;
		/* the URL breaks after a '/': two lines */
		CHECK_INT(lay.n, i == 1 ? 3 : 2);
		CHECK(!lay.overflow);
	}
	CHECK(px[0] < px[2] && px[0] > lay.floor_px);
	CHECK(35 * px[0] / 2 <= lay.safe.w);
	CHECK_INT(px[1], px[3]);
	layout_destroy(&lay);
}

/* With little room, the heading gives way so the body fits; with enough,
 * it keeps its size. */
static void
test_heading_gives_way(void)
{
	static const char *paras[] = {
		"Ana Conceição",
		"Coordinator, Instituto Exemplo",
		"ana@example.org",
		"+55 21 5555 0000",
		"https://example.org/contact",
	};
	struct deck_slide slide = { .layout = DECK_LAYOUT_TEXT,
		                    .title = "Contact",
		                    .text = { paras, 5 } };
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int roomy, tight;

	deck.theme.margin = 0.12;
	layout_init(&lay);
	layout_slide(&lay, &deck, 0, 1280, 720, 0, &m);
	roomy = lay.items[1].px;
	CHECK(!lay.overflow);
	layout_slide(&lay, &deck, 0, 1280, 720, 90, &m);
	tight = lay.items[1].px;
	CHECK(!lay.overflow);
	CHECK_INT(lay.items[1].font, deck.theme.heading_font);
	CHECK(tight < roomy);
	CHECK_INT(check_layout(&lay, &deck, 0, 1280, 720, 90), 0);
	layout_destroy(&lay);
}

static void
test_background(void)
{
	struct deck_slide slides[] = {
		{ .layout = DECK_LAYOUT_STATEMENT, .statement = "Plain" },
		{ .layout = DECK_LAYOUT_STATEMENT,
		  .statement = "Own colour",
		  .has_background = true,
		  .background = { 0xfa, 0xf0, 0xe0 } },
	};
	struct deck deck = make_deck(slides, 2);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, &deck, 0, 1280, 720, 0, &m), 0);
	CHECK(same_color(lay.items[0].color, theme.background));
	CHECK_INT(check_layout(&lay, &deck, 0, 1280, 720, 0), 0);
	CHECK_INT(layout_slide(&lay, &deck, 1, 1280, 720, 0, &m), 0);
	CHECK(same_color(lay.items[0].color, slides[1].background));
	CHECK_INT(check_layout(&lay, &deck, 1, 1280, 720, 0), 0);
	layout_destroy(&lay);
}

/* The same slide at 4K is twice its size at 1080p: sizes follow the screen. */
static void
test_scales_with_screen(void)
{
	struct deck_slide slide = slide_cases[CASE_TEXT].slide;
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout a, b;

	layout_init(&a);
	layout_init(&b);
	layout_slide(&a, &deck, 0, 1920, 1080, 0, &m);
	layout_slide(&b, &deck, 0, 3840, 2160, 0, &m);
	CHECK_INT(a.n, b.n);
	for (size_t k = 0; k < a.n && k < b.n; k++) {
		CHECK(abs(2 * a.items[k].px - b.items[k].px) <= 1);
		CHECK(abs(2 * a.items[k].box.y - b.items[k].box.y) <= 3);
	}
	layout_destroy(&a);
	layout_destroy(&b);
}

static void
test_text_scale(void)
{
	struct deck_slide slide = slide_cases[CASE_TEXT].slide;
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int px[3];
	const double scales[3] = { 0.5, 1, 2 };

	layout_init(&lay);
	for (int i = 0; i < 3; i++) {
		deck.theme.text_scale = scales[i];
		layout_slide(&lay, &deck, 0, 1920, 1080, 0, &m);
		px[i] = body_px(&lay, &deck);
		CHECK_INT(check_layout(&lay, &deck, 0, 1920, 1080, 0), 0);
	}
	CHECK_INT(px[0], lay.floor_px);
	CHECK(px[1] > px[0] && px[2] > px[1]);
	layout_destroy(&lay);
}

static void
test_overflow(void)
{
	struct deck_slide slide = slide_cases[CASE_TEXT_LONG].slide;
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, &deck, 0, 800, 480, 0, &m), 0);
	CHECK(lay.overflow);
	CHECK_INT(lay.min_px, lay.floor_px);
	CHECK_INT(check_layout(&lay, &deck, 0, 800, 480, 0), 0);
	/* the whole safe area reserved: nothing but the background */
	CHECK_INT(layout_slide(&lay, &deck, 0, 800, 480, 480, &m), 0);
	CHECK_INT(lay.n, 1);
	CHECK(lay.overflow);
	CHECK_INT(lay.min_px, 0);
	layout_destroy(&lay);
}

static void
test_bad_args(void)
{
	struct deck_slide slide = slide_cases[CASE_TEXT].slide;
	struct deck deck = make_deck(&slide, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, &deck, 0, 1920, 1080, 0, &m), 0);
	CHECK_INT(layout_slide(&lay, &deck, 1, 1920, 1080, 0, &m), -1);
	CHECK_INT(lay.n, 0);
	CHECK_INT(layout_slide(&lay, &deck, 0, 63, 1080, 0, &m), -1);
	CHECK_INT(layout_slide(&lay, &deck, 0, 1920, 63, 0, &m), -1);
	CHECK_INT(lay.n, 0);
	CHECK_INT(layout_slide(&lay, &deck, 0, 64, 64, 0, &m), 0);
	CHECK_INT(check_layout(&lay, &deck, 0, 64, 64, 0), 0);
	layout_destroy(&lay);
	layout_destroy(&lay); /* a zeroed layout */
}

/* Cost: measuring calls for the heaviest slides, and time per layout. */
static void
test_cost(void)
{
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct deck deck = make_deck(case_slides(), N_SLIDE_CASES);
	struct layout lay;
	struct timespec t0, t1;
	const int rounds = 20;
	double us;

	layout_init(&lay);
	for (size_t i = 0; i < N_SLIDE_CASES; i++) {
		f.calls = 0;
		layout_slide(&lay, &deck, i, 1920, 1080, 0, &m);
		CHECK(f.calls < 20000);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < rounds; r++)
		for (size_t i = 0; i < N_SLIDE_CASES; i++)
			layout_slide(&lay, &deck, i, 1920, 1080, 0, &m);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = ((double)(t1.tv_sec - t0.tv_sec) * 1e6 +
	      (double)(t1.tv_nsec - t0.tv_nsec) / 1e3) /
	     (rounds * (double)N_SLIDE_CASES);
	fprintf(stderr, "layout: %.0f us a slide on average\n", us);
	layout_destroy(&lay);
}

/* Whether the text item it starts and ends at word edges of its source. */
static bool
whole_words(const struct layout_item *it)
{
	unsigned char before = it->text[-1], after = it->text[it->len];

	return (before == ' ' || before == '\n' || before == '\0') &&
	       (after == ' ' || after == '\n' || after == '\0');
}

/* Cards whose words fit only in wider cells: the grid chooses cells that
 * break no word, and text cut at the floor ends with an ellipsis. */
static void
test_cards_keep_words_and_mark_cuts(void)
{
	static char texts[5][80];
	struct deck_card cards[5];
	struct deck_slide sl = { .layout = DECK_LAYOUT_CARDS,
		                 .title = "Partners",
		                 .cards = cards,
		                 .n_cards = 5 };
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	size_t dots = 0;

	for (int i = 0; i < 5; i++) {
		/* a leading space: whole_words may look one byte back */
		snprintf(texts[i], sizeof(texts[i]),
		         " International development partnership housed "
		         "somewhere %d",
		         i);
		cards[i] = (struct deck_card){ "Organisation", texts[i] + 1 };
	}
	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, &deck, 0, 800, 480, 70, &m), 0);
	for (size_t k = 0; k < lay.n; k++) {
		const struct layout_item *it = &lay.items[k];

		if (it->kind != LAYOUT_TEXT)
			continue;
		if (is_ellipsis(it)) {
			dots++;
			CHECK(k > 0 &&
			      lay.items[k - 1].box.x + lay.items[k - 1].box.w ==
			              it->box.x);
			continue;
		}
		if (it->text >= texts[0] && it->text < texts[4] + 80)
			CHECK(whole_words(it) || lay.items[k + 1].len == 3);
	}
	CHECK(lay.overflow == (dots > 0)); /* cut text always shows it */
	layout_destroy(&lay);
}

static int
imax_(int a, int b)
{
	return a > b ? a : b;
}

/* Titles, headings and statements break into lines of similar length: no
 * last line under a third of the longest, at any of the six sizes (the
 * greedy break gives "Moving Beyond the / Talk"). */
static void
test_balanced_lines(void)
{
	static const char *const titles[] = {
		"Moving Beyond the Talk",
		"What is needed to enable partnerships to develop and be "
		"effective?",
		"Links to IGF priorities",
	};
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t t = 0; t < sizeof(titles) / sizeof(titles[0]); t++) {
		struct deck_slide sl[3] = {
			{ .layout = DECK_LAYOUT_TITLE, .title = titles[t] },
			{ .layout = DECK_LAYOUT_STATEMENT,
			  .statement = titles[t] },
			{ .layout = DECK_LAYOUT_BULLETS, .title = titles[t] },
		};
		struct deck deck = make_deck(sl, 3);

		for (size_t i = 0; i < 3; i++)
			for (size_t z = 0; z < 6; z++) {
				int last = 0, last_y = -1, hi = 0, px = 0;

				layout_slide(&lay, &deck, i, screens[z][0],
				             screens[z][1], 0, &m);
				for (size_t k = 0; k < lay.n; k++)
					if (lay.items[k].kind == LAYOUT_TEXT)
						px = imax_(px, lay.items[k].px);
				for (size_t k = 0; k < lay.n; k++) {
					const struct layout_item *it =
					        &lay.items[k];

					if (it->kind != LAYOUT_TEXT ||
					    it->px != px)
						continue;
					hi = imax_(hi, it->box.w);
					if (it->box.y > last_y) {
						last_y = it->box.y;
						last = it->box.w;
					}
				}
				CHECK(hi > 0 && last * 3 >= hi);
			}
	}
	layout_destroy(&lay);
}

/* Paragraphs and bullets do not end on a line of one word when a re-break
 * can give it a second (the sentences of the bundled deck that did). */
static void
test_no_lone_last_word(void)
{
	static const char *paras[] = {
		"Stimulates informed, inclusive public debate on key "
		"development issues.",
		"Supported inclusive communications policy initiatives in "
		"Africa and South Asia.",
		"The UK Government Department for Business works for business "
		"success through competitive, flexible markets.",
		"Multi-stakeholder partnerships on internet governance issues.",
		"Specifically: developing and implementing policy and "
		"strategy.",
	};
	struct deck_slide sl[2] = {
		{ .layout = DECK_LAYOUT_TEXT, .title = "Heading" },
		{ .layout = DECK_LAYOUT_BULLETS, .title = "Heading" },
	};
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	struct deck deck;
	size_t multi = 0;

	sl[0].text = (struct deck_strings){ (const char **)paras, 5 };
	sl[1].bullets = sl[0].text;
	deck = make_deck(sl, 2);
	layout_init(&lay);
	for (size_t i = 0; i < 2; i++)
		for (size_t z = 0; z < 6; z++) {
			layout_slide(&lay, &deck, i, screens[z][0],
			             screens[z][1], 0, &m);
			for (size_t p = 0; p < 5; p++) {
				const struct layout_item *last = NULL;
				size_t lines = 0;

				for (size_t k = 0; k < lay.n; k++) {
					const struct layout_item *it =
					        &lay.items[k];

					if (it->kind != LAYOUT_TEXT ||
					    it->text < paras[p] ||
					    it->text >=
					            paras[p] + strlen(paras[p]))
						continue;
					lines++;
					last = it;
				}
				if (lines < 2)
					continue;
				multi++;
				if (!memchr(last->text, ' ', last->len))
					fprintf(stderr, "%zux%d: \"%.*s\"\n", i,
					        screens[z][0], (int)last->len,
					        last->text);
				CHECK(memchr(last->text, ' ', last->len) !=
				      NULL);
			}
		}
	CHECK(multi > 10); /* the rule was put to the test */
	layout_destroy(&lay);
}

int
main(void)
{
	fill_long();
	RUN(test_no_lone_last_word);
	RUN(test_balanced_lines);
	RUN(test_cards_keep_words_and_mark_cuts);
	RUN(test_ladder);
	RUN(test_fit_ladder);
	RUN(test_safe_area);
	RUN(test_cards_columns);
	RUN(test_one_body_size);
	RUN(test_hanging_indent);
	RUN(test_centered);
	RUN(test_right_to_left);
	RUN(test_right_to_left_cards_band);
	RUN(test_no_broken_words);
	RUN(test_heading_gives_way);
	RUN(test_background);
	RUN(test_scales_with_screen);
	RUN(test_text_scale);
	RUN(test_overflow);
	RUN(test_bad_args);
	RUN(test_cost);
	return check_done("test_layout");
}
