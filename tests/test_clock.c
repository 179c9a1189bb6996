/*
 * test_clock: what shows the time, with explicit times. The corner clock
 * stays in the safe area and clear of every other text, at the end of the
 * band's line or in a strip of its own; the clock layout's time and date;
 * the countdown's figure, its wake-ups and its two phases. Fake measurer:
 * fake_layout.h; times in São Paulo (tzdata).
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "civil.h"
#include "fake_layout.h"
#include "times.h"

static const struct layout_item *
find_tick(const struct layout *lay, enum layout_tick tick)
{
	for (size_t k = 0; k < lay->n; k++)
		if (lay->items[k].tick == tick)
			return &lay->items[k];
	return NULL;
}

static bool
overlaps(struct layout_rect a, struct layout_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

static bool
inside(struct layout_rect in, struct layout_rect out)
{
	return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
	       in.y + in.h <= out.y + out.h;
}

static const char *const bullets[] = {
	"How can partnerships be promoted and strengthened?",
	"What are the key factors for successful partnerships?",
	"How can developing countries take part in them?",
	"Which lessons from practice can others use?",
	"Where do partnerships fail, and why?",
	"What comes next for the partners after Rio?",
};

/* The clock in every corner, with the band on and off, at six sizes: in
 * the safe area and over no other text. */
static void
test_corner_clock_clear_of_text(void)
{
	struct deck_slide slides[] = {
		{ .layout = DECK_LAYOUT_TITLE,
		  .title = "Moving Beyond the Talk",
		  .subtitle = "Partnerships in Practice" },
		{ .layout = DECK_LAYOUT_BULLETS,
		  .title = "Key questions",
		  .bullets = { (const char **)bullets, 6 } },
	};
	struct deck d = make_deck(slides, 2);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;

	d.event.name = "Internet Governance Forum 2007";
	d.event.date = "13 November 2007";
	layout_init(&lay);
	for (int corner = 1; corner <= 4; corner++)
		for (int band = 0; band < 3; band++)
			for (size_t s = 0; s < N_SCREENS; s++)
				for (size_t i = 0; i < 2; i++) {
					const struct layout_item *c;

					d.settings.clock = corner;
					d.theme.band = band;
					layout_slide(&lay, &d, i, screens[s][0],
					             screens[s][1], 0, &m);
					c = find_tick(&lay, LAYOUT_TICK_TIME);
					CHECK(c != NULL);
					if (!c)
						continue;
					CHECK(inside(c->box, lay.safe));
					CHECK(!lay.overflow);
					for (size_t k = 0; k < lay.n; k++)
						if (&lay.items[k] != c &&
						    lay.items[k].kind ==
						            LAYOUT_TEXT)
							CHECK(!overlaps(
							        c->box,
							        lay.items[k]
							                .box));
				}
	layout_destroy(&lay);
}

/* With the band on the clock's edge the clock ends the band's line (no
 * strip of its own: the heading starts where it would without a clock);
 * on the other edge it takes a strip. */
static void
test_corner_clock_shares_the_band(void)
{
	struct deck_slide s = { .layout = DECK_LAYOUT_TEXT,
		                .title = "Focus",
		                .text = { (const char *[]){ "Partnerships." },
		                          1 } };
	struct deck d = make_deck(&s, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *c, *band;
	int heading_y;

	d.event.name = "Internet Governance Forum 2007";
	d.theme.band = DECK_BAND_TOP;
	layout_init(&lay);
	layout_slide(&lay, &d, 0, 1920, 1080, 0, &m);
	heading_y = lay.items[lay.n - 1].box.y; /* the paragraph's line */
	d.settings.clock = DECK_CORNER_TOP_RIGHT;
	layout_slide(&lay, &d, 0, 1920, 1080, 0, &m);
	c = find_tick(&lay, LAYOUT_TICK_TIME);
	band = &lay.items[2]; /* background, rule, the event's name */
	CHECK(c && c->box.y == band->box.y);
	CHECK(c && c->align == 1 &&
	      c->box.x + c->box.w == lay.safe.x + lay.safe.w);
	CHECK_INT(lay.items[lay.n - 1].box.y, heading_y);
	d.settings.clock = DECK_CORNER_BOTTOM_LEFT;
	layout_slide(&lay, &d, 0, 1920, 1080, 0, &m);
	c = find_tick(&lay, LAYOUT_TICK_TIME);
	CHECK(c && c->align == -1 && c->box.x == lay.safe.x);
	CHECK(c && c->box.y + c->box.h == lay.safe.y + lay.safe.h);
	layout_destroy(&lay);
}

static void
test_clock_texts(void)
{
	struct deck_slide s = { .layout = DECK_LAYOUT_CLOCK, .title = "Rio" };
	struct deck d = make_deck(&s, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *time, *date;
	int64_t t = at("2007-11-13T10:55:58");
	char buf[48];

	layout_init(&lay);
	layout_slide(&lay, &d, 0, 1920, 1080, 0, &m);
	time = find_tick(&lay, LAYOUT_TICK_TIME);
	date = find_tick(&lay, LAYOUT_TICK_DATE);
	CHECK(time && date && time->box.y < date->box.y);
	CHECK(time && date && time->px > date->px);
	if (time && date) {
		layout_tick_text(&d, time, t, buf, sizeof(buf));
		CHECK_STR(buf, "10:55");
		layout_tick_text(&d, date, t, buf, sizeof(buf));
		CHECK_STR(buf, "Tuesday 13 November 2007");
		d.settings.clock_format = DECK_CLOCK_12H;
		layout_tick_text(&d, time, t + 3600000 * 3, buf, sizeof(buf));
		CHECK_STR(buf, "1:55 PM");
	}
	/* the clock wakes at the minute, 2 s away, and then each minute */
	CHECK_INT(layout_next_change(&d, &lay, t), t + 2000);
	CHECK_INT(layout_next_change(&d, &lay, t + 2000), t + 62000);
	layout_destroy(&lay);
}

static void
test_countdown(void)
{
	struct deck_slide s = { .layout = DECK_LAYOUT_COUNTDOWN,
		                .title = "Partnerships in Practice",
		                .text = { (const char *[]){ "Starts in" }, 1 },
		                .until = "2007-11-13T11:00",
		                .after = "Now in Room 2" };
	struct deck d = make_deck(&s, 1);
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	const struct layout_item *count;
	int64_t until = at("2007-11-13T11:00");
	char buf[48];
	size_t before = 0, after = 0;

	layout_init(&lay);
	layout_slide(&lay, &d, 0, 1280, 720, 0, &m);
	count = find_tick(&lay, LAYOUT_TICK_COUNTDOWN);
	CHECK(count != NULL);
	if (!count)
		return;
	CHECK_INT(count->phase, LAYOUT_PHASE_BEFORE);
	layout_tick_text(&d, count, until - 12 * 60000 + 1, buf, sizeof(buf));
	CHECK_STR(buf, "12 min"); /* rounded up */
	layout_tick_text(&d, count, until - 12 * 60000, buf, sizeof(buf));
	CHECK_STR(buf, "12 min");
	layout_tick_text(&d, count, until - 45000, buf, sizeof(buf));
	CHECK_STR(buf, "45 s");
	layout_tick_text(&d, count, until - 125 * 60000, buf, sizeof(buf));
	CHECK_STR(buf, "2 h 05 min");
	layout_tick_text(&d, count, until - 3 * 86400000LL, buf, sizeof(buf));
	CHECK_STR(buf, "3 days");
	/* wakes when the figure changes: at whole minutes left, then each
	 * second in the last minute, then once at the moment */
	CHECK_INT(layout_next_change(&d, &lay, until - 12 * 60000 + 1),
	          until - 11 * 60000);
	CHECK_INT(layout_next_change(&d, &lay, until - 60500), until - 60000);
	CHECK_INT(layout_next_change(&d, &lay, until - 45000), until - 44000);
	CHECK_INT(layout_next_change(&d, &lay, until - 400), until);
	/* the phases: counting before, "after" once the moment has come */
	for (size_t k = 0; k < lay.n; k++) {
		before += layout_item_shows(&d, &lay.items[k], until - 1) &&
		          lay.items[k].phase == LAYOUT_PHASE_BEFORE;
		after += layout_item_shows(&d, &lay.items[k], until) &&
		         lay.items[k].phase == LAYOUT_PHASE_AFTER;
		CHECK(!(layout_item_shows(&d, &lay.items[k], until) &&
		        lay.items[k].phase == LAYOUT_PHASE_BEFORE));
		if (lay.items[k].kind == LAYOUT_TEXT &&
		    lay.items[k].text == s.after)
			CHECK_INT(lay.items[k].phase, LAYOUT_PHASE_AFTER);
	}
	CHECK(before >= 3 && after >= 2);
	CHECK_INT(layout_next_change(&d, &lay, until), INT64_MAX);
	layout_destroy(&lay);
}

int
main(void)
{
	civil_use_zone("America/Sao_Paulo");
	RUN(test_corner_clock_clear_of_text);
	RUN(test_corner_clock_shares_the_band);
	RUN(test_clock_texts);
	RUN(test_countdown);
	return check_done("test_clock");
}
