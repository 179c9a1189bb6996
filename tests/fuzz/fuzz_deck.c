/*
 * fuzz_deck: a libFuzzer target for the whole deck loader, deck_parse, fed
 * a buffer of exactly the input's size (no NUL after it) and no folder
 * (image paths are checked, files are not). Built by tests/fuzz/fuzz.mk
 * with clang's -fsanitize=fuzzer,address,undefined; see there.
 *
 * Besides crashes, leaks and undefined behaviour, it aborts when the
 * loader breaks its contract (deck.h, report.h):
 *  - a refused deck has at least one message; every message is one line
 *    of valid UTF-8 without control characters (they are escaped);
 *  - a loaded deck has 1 to DECK_MAX_SLIDES slides, and every string in
 *    it is valid UTF-8 of at most DECK_MAX_STRING bytes without control
 *    characters other than '\n';
 *  - built with -DFUZZ_LAYOUT=1 (make fuzz FUZZ_LAYOUT=1): laying out
 *    its first slides at two screen sizes keeps every item but a
 *    full-screen picture (a backdrop) inside the safe area and no text
 *    under the floor (layout.h); a programme slide over the same bytes
 *    read as a schedule, likewise.
 * Debian's libcjson is not instrumented: coverage is our code's (the
 * scanner in json_scan.c runs before cJSON and is the strict part).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "deck.h"
#include "layout.h"
#include "report.h"
#include "schedule.h"
#include "util.h"

#ifndef FUZZ_LAYOUT
#define FUZZ_LAYOUT 0 /* 1: also lay out what loads (5x fewer runs/s) */
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_deck: %s: \"%s\"\n", what, s ? s : "(null)");
	abort();
}

/* Valid UTF-8, no control characters (but '\n' when newline_ok). */
static void
check_text(const char *s, size_t max, bool newline_ok, const char *what)
{
	size_t len, n;
	uint32_t c;

	if (!s)
		return;
	len = strlen(s);
	if (len > max)
		fail("string too long", what);
	for (size_t i = 0; i < len; i += n) {
		n = util_utf8_decode(s + i, len - i, &c);
		if (n == 0)
			fail("invalid UTF-8", what);
		if ((c < 0x20 && !(newline_ok && c == '\n')) || c == 0x7f ||
		    (c >= 0x80 && c < 0xa0))
			fail("control character", what);
	}
}

static void
check_strings(const struct deck_strings *v)
{
	for (size_t i = 0; i < v->n; i++)
		check_text(v->v[i], DECK_MAX_STRING, true, "a paragraph");
}

/* A countdown's moment that loaded is a date-time, and its figure is a
 * short string at any time (the epoch, the moment, far after). */
static void
check_until(const struct deck_slide *s)
{
	int64_t ms;

	if (!s->until)
		return;
	if (civil_parse(s->until, &ms) < 0)
		fail("an until that is not a date-time", s->until);
	check_text(s->after, DECK_MAX_STRING, true, "after");
}

static void
check_deck(const struct deck *d)
{
	char why[128];

	if (d->settings.time_zone &&
	    !civil_zone_exists(d->settings.time_zone, why, sizeof(why)))
		fail("a time zone not in tzdata", d->settings.time_zone);
	if (d->n_slides < 1 || d->n_slides > DECK_MAX_SLIDES || !d->slides)
		fail("slide count out of range", d->path);
	check_text(d->title, DECK_MAX_STRING, true, "title");
	check_text(d->event.name, DECK_MAX_STRING, true, "event.name");
	check_text(d->event.date, DECK_MAX_STRING, true, "event.date");
	check_text(d->event.venue, DECK_MAX_STRING, true, "event.venue");
	for (size_t i = 0; i < d->n_slides; i++) {
		const struct deck_slide *s = &d->slides[i];
		const struct deck_contact *k = &s->contact;

		check_text(s->id, DECK_MAX_STRING, true, "id");
		check_text(s->title, DECK_MAX_STRING, true, "slide title");
		check_text(s->subtitle, DECK_MAX_STRING, true, "subtitle");
		check_text(s->statement, DECK_MAX_STRING, true, "statement");
		check_text(s->image, DECK_MAX_STRING, false, "image");
		check_text(s->background_image, DECK_MAX_STRING, false,
		           "background_image");
		if (s->fit < 0 || s->fit >= DECK_FIT_COUNT)
			fail("fit out of range", s->image);
		check_text(s->caption, DECK_MAX_STRING, true, "caption");
		check_text(s->notes, DECK_MAX_STRING, true, "notes");
		check_strings(&s->text);
		check_strings(&s->bullets);
		if (s->text.n > DECK_MAX_ITEMS ||
		    s->bullets.n > DECK_MAX_ITEMS ||
		    s->n_cards > DECK_MAX_ITEMS)
			fail("too many items", s->title);
		for (size_t c = 0; c < s->n_cards; c++) {
			if (!s->cards[c].name)
				fail("a card without a name", s->title);
			check_text(s->cards[c].name, DECK_MAX_STRING, true,
			           "card name");
			check_text(s->cards[c].text, DECK_MAX_STRING, true,
			           "card text");
		}
		check_text(k->name, DECK_MAX_STRING, true, "contact");
		check_text(k->role, DECK_MAX_STRING, true, "contact");
		check_text(k->organisation, DECK_MAX_STRING, true, "contact");
		check_text(k->email, DECK_MAX_STRING, true, "contact");
		check_text(k->phone, DECK_MAX_STRING, true, "contact");
		check_text(k->url, DECK_MAX_STRING, true, "contact");
		check_until(s);
		if (deck_slide_ms(d, i) == 0 ||
		    (unsigned)deck_slide_transition(d, i) >=
		            DECK_TRANSITION_COUNT)
			fail("bad timing", s->title);
	}
}

#if FUZZ_LAYOUT
/* A monospace measurer: half the size per character, lines 1.2 high. */
static int
mono_width(void *ctx, enum deck_font font, int px, const char *s, size_t len)
{
	(void)ctx;
	(void)font;
	return (int)util_utf8_count(s, len) * px / 2;
}

static int
mono_height(void *ctx, enum deck_font font, int px)
{
	(void)ctx;
	(void)font;
	return px * 6 / 5;
}

static bool
inside(struct layout_rect a, struct layout_rect safe)
{
	return a.x >= safe.x && a.y >= safe.y && a.x + a.w <= safe.x + safe.w &&
	       a.y + a.h <= safe.y + safe.h;
}

/* A clock's or countdown's text at a few times fits its buffer, and the
 * next change is later than now. */
static void
check_tick(const struct deck *d, const struct layout_item *it)
{
	static const int64_t times[] = { 0, 1194958500000LL, 4102444800000LL };
	char buf[48];

	for (size_t t = 0; it->tick && t < 3; t++) {
		if (layout_tick_text(d, it, times[t], buf, sizeof(buf)) >=
		    sizeof(buf))
			fail("a tick's text overflowed", buf);
		if (layout_tick_next(d, it, times[t]) <= times[t])
			fail("a tick that never moves on", buf);
	}
}

/* Slide i of d at the two sizes in lay (its at_ms kept). */
static void
check_slide_layout(const struct deck *d, size_t i, struct layout *lay)
{
	static const int sizes[][3] = { { 1920, 1080, 0 }, { 480, 800, 90 } };
	const struct layout_measurer m = { mono_width, mono_height, NULL,
	                                   NULL };

	for (size_t z = 0; z < 2; z++) {
		if (layout_slide(lay, d, i, sizes[z][0], sizes[z][1],
		                 sizes[z][2], &m) < 0)
			fail("layout refused a loaded slide", d->path);
		for (size_t k = 1; k < lay->n; k++) {
			const struct layout_item *it = &lay->items[k];

			if (!it->backdrop && !inside(it->box, lay->safe))
				fail("an item outside the safe area",
				     it->kind == LAYOUT_TEXT ? "text" : "box");
			if (it->kind == LAYOUT_TEXT && it->px < lay->floor_px)
				fail("text under the floor", "text");
			check_tick(d, it);
		}
	}
}

static void
check_layout(const struct deck *d)
{
	struct layout lay;

	layout_init(&lay);
	for (size_t i = 0; i < d->n_slides && i < 4; i++)
		check_slide_layout(d, i, &lay);
	layout_destroy(&lay);
}

/* The schedule as a board and as the door sign of its first room, at its
 * first event's start and an hour on: laid out inside the safe area, and
 * held until a moment after the layout's own. */
static void
check_programme(const struct schedule *s)
{
	struct deck_slide slide = { .layout = DECK_LAYOUT_PROGRAMME,
		                    .schedule = "schedule.json",
		                    .programme = s };
	struct deck d = { .path = "fuzz.json", .dir = ".", .slides = &slide,
		          .n_slides = 1 };
	int64_t t0 = s->n_events ? s->events[0].start_ms : 0;

	d.theme.text_scale = 1;
	d.theme.margin = 0.05;
	for (int sign = 0; sign < 2; sign++) {
		slide.room = sign && s->n_rooms ? s->rooms[0] : NULL;
		for (int64_t t = t0; t <= t0 + 3600000; t += 3600000) {
			struct layout lay;

			layout_init(&lay);
			lay.at_ms = t;
			check_slide_layout(&d, 0, &lay);
			if (lay.until_ms <= t)
				fail("a programme that never moves on", "");
			layout_destroy(&lay);
		}
	}
}
#endif

/* The same bytes as a staff announcement (announcement.json), over a deck
 * of one slide: one statement slide with its text, or a message. */
static void
check_announcement(const char *buf, size_t size)
{
	static struct deck_slide slide = { .layout = DECK_LAYOUT_TITLE,
		                           .title = "Show" };
	static const struct deck show = {
		.path = "show.json", .dir = ".", .slides = &slide, .n_slides = 1
	};
	struct report rep;
	struct deck a;

	report_init(&rep);
	if (deck_parse_announcement(&a, &show, "announcement.json", buf, size,
	                            &rep) == 0) {
		if (a.n_slides != 1 || !a.slides[0].statement)
			fail("an announcement without its text", "");
		check_text(a.slides[0].statement, DECK_MAX_STRING, true,
		           "announcement");
		check_text(a.slides[0].title, DECK_MAX_STRING, true,
		           "announcement title");
	} else if (rep.errors == 0 || rep.n == 0) {
		fail("an announcement refused without a message", "");
	}
	deck_free(&a);
	report_destroy(&rep);
}

/* The same bytes as a conference's schedule.json: events in order, each
 * in a room the schedule names, ending after it starts; or a message. */
static void
check_schedule(const char *buf, size_t size)
{
	struct report rep;
	struct schedule s;

	report_init(&rep);
	if (schedule_parse(&s, "schedule.json", buf, size, &rep) == 0) {
		for (size_t i = 0; i < s.n_events; i++) {
			const struct schedule_event *e = &s.events[i];

			if (e->room >= s.n_rooms || !e->title ||
			    e->end_ms < e->start_ms ||
			    (i && e->start_ms < e[-1].start_ms))
				fail("a schedule's event out of order", "");
			check_text(e->title, 1 << 16, false, "event title");
			check_text(e->subtitle, 1 << 16, false, "subtitle");
			check_text(e->track, 1 << 16, false, "track");
			check_text(e->language, 1 << 16, false, "language");
			check_text(e->persons, 1 << 16, false, "persons");
		}
		for (size_t i = 0; i < s.n_rooms; i++)
			check_text(s.rooms[i], 1 << 16, false, "room name");
		if (s.n_events)
			(void)schedule_next_change(&s, s.events[0].start_ms);
#if FUZZ_LAYOUT
		check_programme(&s);
#endif
	} else if (rep.errors == 0 || rep.n == 0) {
		fail("a schedule refused without a message", "");
	}
	schedule_free(&s);
	report_destroy(&rep);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	struct report rep;
	struct deck d;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	report_init(&rep);
	if (deck_parse(&d, "fuzz.json", NULL, buf, size, &rep) == 0) {
		check_deck(&d);
		/* every language's text, then back to the default */
		for (size_t k = 1; k < d.languages.n; k++) {
			deck_set_language(&d, k);
			if (strcmp(d.lang, d.languages.v[k]) != 0)
				fail("the language is not the one set", d.lang);
			check_deck(&d);
		}
		deck_set_language(&d, 0);
#if FUZZ_LAYOUT
		check_layout(&d);
#endif
	} else if (rep.errors == 0 || rep.n == 0) {
		fail("refused without a message", "");
	}
	for (size_t i = 0; i < rep.n; i++)
		check_text(rep.v[i].text, 4096, false, "a message");
	deck_free(&d);
	report_destroy(&rep);
	check_announcement(buf, size);
	check_schedule(buf, size);
	free(buf);
	return 0;
}
