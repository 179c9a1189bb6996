/*
 * test_layout_design: what makes slides look designed rather than merely
 * fitted: a series of statements that holds still, the event band, the
 * body placed in the space under its heading, text grown to use the room,
 * and a name alone set as a card. Fake measurer: fake_layout.h.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "fake_layout.h"
#include "igf_questions.h"

/* The first text item whose text starts s's bytes, or NULL. */
static const struct layout_item *
find_text(const struct layout *lay, const char *s)
{
	for (size_t k = 0; k < lay->n; k++)
		if (lay->items[k].kind == LAYOUT_TEXT &&
		    lay->items[k].text == s)
			return &lay->items[k];
	return NULL;
}

/* The largest px of the text items of lay. */
static int
max_px(const struct layout *lay)
{
	int px = 0;

	for (size_t k = 0; k < lay->n; k++)
		if (lay->items[k].kind == LAYOUT_TEXT && lay->items[k].px > px)
			px = lay->items[k].px;
	return px;
}

/* Four statements in a row share a size and their kicker's place; a
 * statement standing alone takes the size that fits it. */
static void
test_series_holds_still(void)
{
	struct deck_slide sl[6] = { 0 };
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	struct deck deck;

	for (size_t i = 0; i < 4; i++)
		sl[i] = (struct deck_slide){ .layout = DECK_LAYOUT_STATEMENT,
			                     .title = "Key question",
			                     .statement = igf_questions[i] };
	sl[4] = (struct deck_slide){ .layout = DECK_LAYOUT_TITLE,
		                     .title = "Between" };
	sl[5] = (struct deck_slide){ .layout = DECK_LAYOUT_STATEMENT,
		                     .title = "Alone",
		                     .statement = "Short" };
	deck = make_deck(sl, 6);
	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int px = 0, y = -1, alone;

		for (size_t i = 0; i < 4; i++) {
			const struct layout_item *kicker;

			layout_slide(&lay, &deck, i, screens[z][0],
			             screens[z][1], 0, &m);
			kicker = find_text(&lay, sl[i].title);
			CHECK(kicker != NULL && !lay.overflow);
			if (!kicker)
				continue;
			if (i == 0) {
				px = max_px(&lay);
				y = kicker->box.y;
			}
			CHECK_INT(max_px(&lay), px);
			CHECK_INT(kicker->box.y, y);
		}
		layout_slide(&lay, &deck, 5, screens[z][0], screens[z][1], 0,
		             &m);
		alone = max_px(&lay);
		CHECK(alone > px); /* "Short" is not held to the series */
	}
	layout_destroy(&lay);
}

static struct deck
band_deck(struct deck_slide sl[3], enum deck_band band)
{
	struct deck d;

	sl[0] = (struct deck_slide){ .layout = DECK_LAYOUT_TITLE,
		                     .title = "Moving Beyond the Talk" };
	sl[1] = (struct deck_slide){ .layout = DECK_LAYOUT_STATEMENT,
		                     .title = "APC",
		                     .statement = "Civil society network" };
	sl[2] = (struct deck_slide){ .layout = DECK_LAYOUT_TEXT,
		                     .title = "Partners",
		                     .text = { (const char **)igf_questions,
		                               2 } };
	d = make_deck(sl, 3);
	d.theme.band = band;
	d.event.name = "Internet Governance Forum 2007";
	d.event.date = "13 November 2007";
	d.event.venue = "Rio de Janeiro, Brazil";
	return d;
}

/* The band names the event on every slide but the title slide, at the floor
 * size or above, inside the safe area at the side asked for, clear of the
 * slide's own text; off, it is not there. */
static void
test_band(void)
{
	static const enum deck_band bands[] = { DECK_BAND_BOTTOM, DECK_BAND_TOP,
		                                DECK_BAND_OFF };
	struct deck_slide sl[3];
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t b = 0; b < 3; b++) {
		struct deck deck = band_deck(sl, bands[b]);

		for (size_t z = 0; z < N_SCREENS; z++)
			for (size_t i = 0; i < 3; i++) {
				const struct layout_item *name, *own;
				struct layout_rect sa;

				layout_slide(&lay, &deck, i, screens[z][0],
				             screens[z][1], 0, &m);
				name = find_text(&lay, deck.event.name);
				own = find_text(&lay, sl[i].title);
				sa = lay.safe;
				CHECK((name != NULL) ==
				      (i > 0 && bands[b] != DECK_BAND_OFF));
				CHECK(own != NULL && !lay.overflow);
				if (!name || !own)
					continue;
				CHECK(name->px >= lay.floor_px);
				CHECK(name->box.x >= sa.x &&
				      name->box.x + name->box.w <= sa.x + sa.w);
				if (bands[b] == DECK_BAND_BOTTOM) {
					CHECK(name->box.y > own->box.y);
					CHECK(name->box.y + 3 * name->box.h >=
					      sa.y + sa.h);
				} else {
					CHECK(name->box.y < own->box.y);
					CHECK_INT(name->box.y, sa.y);
				}
				/* date and venue on the wide screens */
				if (screens[z][0] >= 1280 &&
				    screens[z][0] > screens[z][1])
					CHECK(find_text(&lay,
					                deck.event.venue) !=
					      NULL);
			}
	}
	layout_destroy(&lay);
}

/* A band too narrow for the venue leaves it out; a name too long for the
 * line ends with an ellipsis inside the safe area. */
static void
test_band_narrow(void)
{
	static char name[200];
	struct deck_slide sl[3];
	struct deck deck = band_deck(sl, DECK_BAND_BOTTOM);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *it;
	bool dots = false;

	layout_init(&lay);
	layout_slide(&lay, &deck, 1, 800, 480, 0, &m);
	CHECK(find_text(&lay, deck.event.name) != NULL);
	CHECK(find_text(&lay, deck.event.venue) == NULL);
	memset(name, 'n', sizeof(name) - 1);
	deck.event.name = name;
	layout_slide(&lay, &deck, 1, 800, 480, 0, &m);
	it = find_text(&lay, name);
	CHECK(it != NULL && it->len < strlen(name));
	for (size_t k = 0; k < lay.n; k++)
		if (lay.items[k].kind == LAYOUT_TEXT &&
		    strncmp(lay.items[k].text, "\xe2\x80\xa6", 3) == 0) {
			dots = true;
			CHECK(lay.items[k].box.x + lay.items[k].box.w <=
			      lay.safe.x + lay.safe.w);
		}
	CHECK(dots);
	layout_destroy(&lay);
}

/* The band gives way to a slide whose text it would cut: as a text grows,
 * the band is shown only while the text fits beside it, and there are
 * lengths at which the text fits only without it. */
static void
test_band_gives_way(void)
{
	static const char *paras[40];
	struct deck_slide sl[3];
	struct deck deck = band_deck(sl, DECK_BAND_BOTTOM);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	size_t yielded = 0;

	for (size_t k = 0; k < 40; k++)
		paras[k] = "Partnerships need trust and time.";
	layout_init(&lay);
	for (size_t n = 1; n <= 40; n++) {
		bool band;

		sl[2].text = (struct deck_strings){ (const char **)paras, n };
		layout_slide(&lay, &deck, 2, 800, 480, 0, &m);
		band = find_text(&lay, deck.event.name) != NULL;
		CHECK(!(band && lay.overflow));
		yielded += !band && !lay.overflow;
	}
	CHECK(yielded > 0);
	layout_destroy(&lay);
}

/* The body's top and bottom edges, over the text items after the heading. */
static void
body_extent(const struct layout *lay, const char *heading, int *top,
            int *bottom, int *heading_bottom)
{
	const struct layout_item *h = find_text(lay, heading);

	*top = 1 << 30;
	*bottom = 0;
	*heading_bottom = h ? h->box.y + h->box.h : 0;
	for (size_t k = 0; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];

		if (it->kind != LAYOUT_TEXT || it == h)
			continue;
		*top = it->box.y < *top ? it->box.y : *top;
		if (it->box.y + it->box.h > *bottom)
			*bottom = it->box.y + it->box.h;
	}
}

/* A text slide with one short paragraph. */
static const char *short_para[] = { "Partnerships need trust." };
static const struct deck_slide short_text = { .layout = DECK_LAYOUT_TEXT,
	                                      .title = "Heading",
	                                      .text = { short_para, 1 } };

/* align middle centres a short body in the space under its heading; align
 * top puts it just under the heading. */
static void
test_align(void)
{
	struct deck_slide sl = short_text;
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int top, bottom, hb, below, above, room;

		deck.theme.align = DECK_ALIGN_MIDDLE;
		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 0,
		             &m);
		body_extent(&lay, "Heading", &top, &bottom, &hb);
		above = top - hb;
		below = lay.safe.y + lay.safe.h - bottom;
		CHECK(abs(above - below) <= lay.safe.h / 10);
		deck.theme.align = DECK_ALIGN_TOP;
		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 0,
		             &m);
		body_extent(&lay, "Heading", &top, &bottom, &hb);
		room = lay.safe.y + lay.safe.h - bottom;
		CHECK(top - hb < lay.safe.h / 8 && room > top - hb);
	}
	layout_destroy(&lay);
}

/* A short body grows to 1/12 of the shorter side, no further, and to no
 * more than a twelfth of the safe width (a reading measure); a long one
 * still fits. */
static void
test_body_uses_room(void)
{
	struct deck_slide sl = short_text;
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		int s = screens[z][0] < screens[z][1] ? screens[z][0]
		                                      : screens[z][1];
		const struct layout_item *it;
		int want;

		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 0,
		             &m);
		it = find_text(&lay, short_para[0]);
		want = (int)lround(s / 12.0);
		if (lround(lay.safe.w / 12.0) < want)
			want = (int)lround(lay.safe.w / 12.0);
		CHECK(it != NULL);
		if (it)
			CHECK_INT(it->px, want);
	}
	layout_destroy(&lay);
}

/* A heading is at most twice its body's size: five bullets at 800x480 no
 * longer sit at the floor under a heading of 53 px. */
static void
test_heading_in_proportion(void)
{
	static const char *bullets[] = {
		"The IGF: a forum for multi-stakeholder policy dialogue",
		"Capacity building: cross-cutting priority of this second "
		"forum",
		"Going beyond the hype about partnerships",
		"Learning from people engaged in partnerships",
		"Developing countries: partnerships at home",
	};
	struct deck_slide sl = { .layout = DECK_LAYOUT_BULLETS,
		                 .title = "Links to IGF priorities",
		                 .bullets = { bullets, 5 } };
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		const struct layout_item *head, *body;

		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 0,
		             &m);
		head = find_text(&lay, sl.title);
		body = find_text(&lay, bullets[0]);
		CHECK(head && body && !lay.overflow);
		if (head && body)
			CHECK(head->px <= 2 * body->px);
	}
	layout_destroy(&lay);
}

/* The rectangle item that holds box, drawn before item k: a card. */
static const struct layout_item *
holder(const struct layout *lay, const struct layout_item *it)
{
	for (size_t k = 1; k < lay->n && &lay->items[k] != it; k++) {
		struct layout_rect r = lay->items[k].box, b = it->box;

		if (lay->items[k].kind == LAYOUT_RECT && r.x < b.x &&
		    r.y < b.y && r.x + r.w > b.x + b.w && r.y + r.h > b.y + b.h)
			return &lay->items[k];
	}
	return NULL;
}

/* A contact that is a name alone is a card centred on the slide, its
 * heading over the name inside it. */
static void
test_name_alone_centred(void)
{
	struct deck_slide sl = { .layout = DECK_LAYOUT_CONTACT,
		                 .title = "Contact",
		                 .contact = { .name = "Karen Banks" } };
	struct deck deck = make_deck(&sl, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	layout_init(&lay);
	for (size_t z = 0; z < N_SCREENS; z++) {
		const struct layout_item *name, *head, *card;
		struct layout_rect b;

		layout_slide(&lay, &deck, 0, screens[z][0], screens[z][1], 0,
		             &m);
		name = find_text(&lay, "Karen Banks");
		head = find_text(&lay, "Contact");
		card = name ? holder(&lay, name) : NULL;
		CHECK(name && head && card && !lay.overflow);
		if (!name || !head || !card)
			continue;
		b = card->box;
		CHECK(holder(&lay, head) == card);
		CHECK(abs(2 * b.x + b.w - (2 * lay.safe.x + lay.safe.w)) <= 2);
		CHECK(abs(2 * b.y + b.h - (2 * lay.safe.y + lay.safe.h)) <= 2);
		CHECK(head->box.y + head->box.h <= name->box.y);
		CHECK(b.w * 10 >= b.h * 16); /* a card's proportions */
	}
	layout_destroy(&lay);
}

int
main(void)
{
	RUN(test_series_holds_still);
	RUN(test_band);
	RUN(test_band_narrow);
	RUN(test_band_gives_way);
	RUN(test_align);
	RUN(test_heading_in_proportion);
	RUN(test_body_uses_room);
	RUN(test_name_alone_centred);
	return check_done("test_layout_design");
}
