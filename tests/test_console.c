/*
 * test_console: the presenter console's display list, with the fake
 * measurer of fake_layout.h: what it shows of the talk (slide count, the
 * audience screen, the next slide or the end, notes, timer, clock, digits),
 * notes fitting and scrolling, and the overview.
 */
#include "console.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "fake_layout.h"

static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1280, 800 } };
#define N_SIZES (sizeof(sizes) / sizeof(sizes[0]))

static char long_note[4000];

static struct deck_slide slides[16];

static struct deck
talk_deck(void)
{
	for (size_t i = 0; i < 16; i++)
		slides[i] = (struct deck_slide){
			.layout = DECK_LAYOUT_STATEMENT,
			.title = "Key question",
			.statement = "What is needed?",
			.notes =
			        "Welcome. This session asks what partnerships "
			        "need to work.\n- First point\n- Second point, "
			        "a longer one that wraps on a narrow console"
		};
	slides[3].notes = long_note;
	slides[4].notes = NULL;
	return make_deck(slides, 16);
}

static struct console_view
view_of(const struct deck *d, size_t index)
{
	return (struct console_view){ .deck = d,
		                      .index = index,
		                      .next = index + 1 < d->n_slides
		                                      ? index + 1
		                                      : (size_t)-1,
		                      .aspect = 16.0 / 9,
		                      .digits = "",
		                      .clock = "14:05",
		                      .timer = "18:00 left \xc2\xb7 on time",
		                      .pace = TALK_PACE_ON_TIME };
}

/* The first text item whose bytes are s, or NULL. */
static const struct layout_item *
text_item(const struct console *c, const char *s)
{
	for (size_t k = 0; k < c->lay.n; k++) {
		const struct layout_item *it = &c->lay.items[k];

		if (it->kind == LAYOUT_TEXT && it->len == strlen(s) &&
		    memcmp(it->text, s, it->len) == 0)
			return it;
	}
	return NULL;
}

static size_t
count_slides(const struct console *c, int index, bool live)
{
	size_t n = 0;

	for (size_t k = 0; k < c->lay.n; k++)
		n += c->lay.items[k].kind == LAYOUT_SLIDE &&
		     c->lay.items[k].slide_index == index &&
		     c->lay.items[k].live == live;
	return n;
}

static bool
inside(struct layout_rect a, int w, int h)
{
	return a.x >= 0 && a.y >= 0 && a.x + a.w <= w && a.y + a.h <= h;
}

static void
test_shows_the_talk(void)
{
	struct deck d = talk_deck();
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;

	console_init(&con);
	for (size_t z = 0; z < N_SIZES; z++) {
		struct console_view v = view_of(&d, 6);
		const struct layout_item *count, *timer, *welcome;

		CHECK_INT(
		        console_layout(&con, &v, sizes[z][0], sizes[z][1], &m),
		        0);
		count = text_item(&con, "7 / 16");
		timer = text_item(&con, v.timer);
		welcome = NULL;
		for (size_t k = 0; k < con.lay.n; k++)
			if (con.lay.items[k].kind == LAYOUT_TEXT &&
			    strncmp(con.lay.items[k].text, "Welcome.", 8) == 0)
				welcome = &con.lay.items[k];
		CHECK(count && timer && welcome);
		CHECK(text_item(&con, "14:05") != NULL);
		CHECK(text_item(&con, "Next") != NULL);
		CHECK_INT(count_slides(&con, 6, true), 1); /* as the audience */
		CHECK_INT(count_slides(&con, 7, false), 1); /* next */
		CHECK(con.next.w > 0 && con.next.h > 0);
		CHECK(text_item(&con, "\xe2\x80\xa2") != NULL); /* a bullet */
		for (size_t k = 0; k < con.lay.n; k++)
			CHECK(inside(con.lay.items[k].box, sizes[z][0],
			             sizes[z][1]));
		/* the notes are the largest text on the console */
		if (welcome)
			for (size_t k = 0; k < con.lay.n; k++)
				CHECK(con.lay.items[k].kind != LAYOUT_TEXT ||
				      con.lay.items[k].px <= welcome->px);
	}
	console_destroy(&con);
}

static void
test_end_blank_digits(void)
{
	struct deck d = talk_deck();
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;
	struct console_view v = view_of(&d, 15);

	console_init(&con);
	console_layout(&con, &v, 1920, 1080, &m);
	CHECK(text_item(&con, "End of deck") != NULL);
	CHECK_INT(count_slides(&con, 16, false), 0);
	CHECK(con.next.w == 0);
	v.screen = CONSOLE_BLACK;
	v.digits = "12";
	console_layout(&con, &v, 1920, 1080, &m);
	CHECK(text_item(&con, "BLACK SCREEN") != NULL);
	CHECK(text_item(&con, "Go to 12\xe2\x80\xa6") != NULL);
	CHECK_INT(count_slides(&con, 15, true), 0); /* a black box instead */
	v.screen = CONSOLE_SHOWN;
	v.index = 4; /* no notes */
	v.next = 5;
	console_layout(&con, &v, 1920, 1080, &m);
	CHECK(text_item(&con, "No notes for this slide.") != NULL);
	console_destroy(&con);
}

/* The timer's colour follows the pace, which its text names too. */
static void
test_pace_colours(void)
{
	struct deck d = talk_deck();
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;
	struct deck_color seen[5];

	console_init(&con);
	for (int p = TALK_PACE_NONE; p <= TALK_PACE_OVER; p++) {
		struct console_view v = view_of(&d, 2);
		const struct layout_item *t;

		v.pace = (enum talk_pace)p;
		console_layout(&con, &v, 1280, 800, &m);
		t = text_item(&con, v.timer);
		CHECK(t != NULL);
		seen[p] = t ? t->color : (struct deck_color){ 0 };
		for (int q = 0; q < p; q++)
			CHECK(memcmp(&seen[q], &seen[p], sizeof(seen[p])) != 0);
	}
	console_destroy(&con);
}

/* A note too long for the floor scrolls: no line drawn outside the notes,
 * the last line reachable, a sign at the edge with more. */
static void
test_long_notes_scroll(void)
{
	struct deck d = talk_deck();
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;
	struct console_view v = view_of(&d, 3);
	const char *tail = long_note + strlen(long_note) - 5;
	bool tail_seen = false;

	console_init(&con);
	console_layout(&con, &v, 1366, 768, &m);
	CHECK(con.max_scroll > 0);
	CHECK(text_item(&con, "\xe2\x96\xbc more: Shift+Down") != NULL);
	v.scroll = 1 << 20; /* clamped */
	console_layout(&con, &v, 1366, 768, &m);
	for (size_t k = 0; k < con.lay.n; k++) {
		const struct layout_item *it = &con.lay.items[k];

		CHECK(inside(it->box, 1366, 768));
		if (it->kind == LAYOUT_TEXT && it->text <= tail &&
		    it->text + it->len > tail)
			tail_seen = true;
	}
	CHECK(tail_seen);
	CHECK(text_item(&con, "\xe2\x96\xbc more: Shift+Down") == NULL);
	CHECK(text_item(&con, "\xe2\x96\xb2 Shift+Up") != NULL);
	console_destroy(&con);
}

static void
test_overview(void)
{
	static struct deck_slide many[300];
	struct deck d = talk_deck(), big;
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;
	struct console_view v = view_of(&d, 2);

	console_init(&con);
	v.overview = true;
	v.selected = 9;
	console_layout(&con, &v, 1920, 1080, &m);
	for (int i = 0; i < 16; i++) {
		const struct layout_item *it = NULL;

		for (size_t k = 0; k < con.lay.n; k++)
			if (con.lay.items[k].kind == LAYOUT_SLIDE &&
			    con.lay.items[k].slide_index == i)
				it = &con.lay.items[k];
		CHECK(it != NULL);
		if (it)
			CHECK_INT(console_overview_hit(
			                  &con, it->box.x + it->box.w / 2,
			                  it->box.y + it->box.h / 2),
			          i);
	}
	CHECK_INT(console_overview_hit(&con, 1, 1), -1);
	/* 300 slides: a page of thumbnails holds the one chosen */
	for (size_t i = 0; i < 300; i++)
		many[i] = slides[0];
	big = make_deck(many, 300);
	v.deck = &big;
	v.selected = 250;
	console_layout(&con, &v, 1280, 800, &m);
	CHECK_INT(count_slides(&con, 250, false), 1);
	for (size_t k = 0; k < con.lay.n; k++) {
		CHECK(inside(con.lay.items[k].box, 1280, 800));
		if (con.lay.items[k].kind == LAYOUT_SLIDE)
			CHECK(con.lay.items[k].box.w >= 800 / 10);
	}
	console_destroy(&con);
}

/* A staff console's status (a long reload error) wraps inside the console,
 * all of it shown, above the notes. */
static void
test_staff_status(void)
{
	static const char status[] =
	        "slides/igf2007.json: the last change did not load, so the "
	        "show goes on with the one before: slides/igf2007.json:12:5: "
	        "slides[2].layout: unknown layout \"bulets\"; expected "
	        "\"title\", \"text\", \"bullets\" (did you mean \"bullets\"?)";
	struct deck d = talk_deck();
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct console con;
	struct console_view v = view_of(&d, 1);

	console_init(&con);
	v.status = status;
	for (size_t z = 0; z < N_SIZES; z++) {
		size_t shown = 0;
		int bottom = 0, notes_top = 1 << 30;

		console_layout(&con, &v, sizes[z][0], sizes[z][1], &m);
		for (size_t k = 0; k < con.lay.n; k++) {
			const struct layout_item *it = &con.lay.items[k];

			CHECK(inside(it->box, sizes[z][0], sizes[z][1]));
			if (it->kind != LAYOUT_TEXT)
				continue;
			if (it->text >= status &&
			    it->text < status + sizeof(status)) {
				shown += it->len;
				bottom = it->box.y + it->box.h;
			} else if (strncmp(it->text, "Welcome", 7) == 0) {
				notes_top = it->box.y;
			}
		}
		CHECK(shown + 20 > strlen(status)); /* all but the spaces */
		CHECK(bottom <= notes_top);
	}
	console_destroy(&con);
}

int
main(void)
{
	for (size_t i = 0; i + 1 < sizeof(long_note); i++)
		long_note[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 26);
	RUN(test_shows_the_talk);
	RUN(test_end_blank_digits);
	RUN(test_pace_colours);
	RUN(test_long_notes_scroll);
	RUN(test_overview);
	RUN(test_staff_status);
	return check_done("test_console");
}
