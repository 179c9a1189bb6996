/*
 * test_programme: the programme layout with explicit times, over the
 * sample schedule (tests/data/schedule/sample.json) and schedules built
 * here. The door sign: the talk on now with "until", the next with "at ·
 * in", between talks the next only, tomorrow's first after the last; the
 * board: a row per room with its track's colour and language tag, pages
 * that turn every 10 s when the rooms do not fit; titles too long end with
 * an ellipsis; nothing leaves the safe area or overlaps, at six screen
 * sizes; the layout holds until the next talk starts or ends. Fake
 * measurer: fake_layout.h; times in São Paulo (tzdata).
 */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "civil.h"
#include "fake_layout.h"
#include "schedule.h"
#include "times.h"

#define SAMPLE "tests/data/schedule/sample.json"

/* Lays slide 0 of d out at w x h for time t. */
static void
lay_at(struct layout *lay, const struct deck *d, int w, int h, int64_t t)
{
	struct fake f = { 0 };
	struct layout_measurer m = fake_measurer(&f);

	lay->at_ms = t;
	CHECK_INT(layout_slide(lay, d, 0, w, h, 0, &m), 0);
}

/* Every text of lay (ticks as their text at t), one line each, into buf. */
static const char *
texts(const struct deck *d, const struct layout *lay, int64_t t, char *buf,
      size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < lay->n && n + 64 < size; k++) {
		const struct layout_item *it = &lay->items[k];

		if (it->kind != LAYOUT_TEXT)
			continue;
		if (it->tick)
			n += layout_tick_text(d, it, t, buf + n, size - n);
		else
			n += (size_t)snprintf(buf + n, size - n, "%.*s",
			                      (int)it->len, it->text);
		n += (size_t)snprintf(buf + n, size - n, "\n");
	}
	return buf;
}

static bool
has_line(const char *all, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = all; (p = strstr(p, line)); p++)
		if ((p == all || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

static bool
inside(struct layout_rect in, struct layout_rect out)
{
	return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
	       in.y + in.h <= out.y + out.h;
}

static bool
overlaps(struct layout_rect a, struct layout_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

/* Every item inside the safe area, no two texts over each other. */
static void
check_placed(const struct layout *lay, int w, int h)
{
	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *a = &lay->items[k];

		if (!inside(a->box, lay->safe)) {
			fprintf(stderr, "  %dx%d: item %zu outside\n", w, h, k);
			CHECK(!"inside the safe area");
		}
		if (a->kind == LAYOUT_TEXT && a->px < lay->floor_px)
			CHECK(!"text at the floor or above");
		for (size_t j = k + 1; a->kind == LAYOUT_TEXT && j < lay->n;
		     j++)
			if (lay->items[j].kind == LAYOUT_TEXT && a->len &&
			    lay->items[j].len &&
			    overlaps(a->box, lay->items[j].box)) {
				fprintf(stderr, "  %dx%d: %.*s over %.*s\n", w,
				        h, (int)a->len, a->text,
				        (int)lay->items[j].len,
				        lay->items[j].text);
				CHECK(!"texts apart");
			}
	}
	CHECK(!lay->overflow);
}

/* Slide 0 of d laid out at time t at every screen size: each of the
 * lines in want (NULL-terminated) is a text's, or the start of a title's
 * first line, and check_placed holds. lay keeps the last size's. */
static void
at_every_size(struct layout *lay, const struct deck *d, int64_t t,
              const char *const *want)
{
	char buf[4096];

	for (size_t z = 0; z < N_SCREENS; z++) {
		lay_at(lay, d, screens[z][0], screens[z][1], t);
		texts(d, lay, t, buf, sizeof(buf));
		for (size_t k = 0; want[k]; k++)
			if (!has_line(buf, want[k]) && !strstr(buf, want[k])) {
				fprintf(stderr, "  %dx%d: no \"%s\" in:\n%s\n",
				        screens[z][0], screens[z][1], want[k],
				        buf);
				CHECK(!"the line");
			}
		check_placed(lay, screens[z][0], screens[z][1]);
	}
}

static void
load_sample(struct schedule *s)
{
	struct report rep;

	report_init(&rep);
	CHECK_INT(schedule_load(s, SAMPLE, &rep), 0);
	report_destroy(&rep);
}

static void
test_door_sign(void)
{
	struct schedule s;
	struct deck_slide sl = { .layout = DECK_LAYOUT_PROGRAMME,
		                 .room = "Room 1" };
	struct deck d = make_deck(&sl, 1);
	static const char *const want[] = {
		"Room 1",      "Now",
		"Next",        "Moving Beyond",
		"until 11:30", "at 11:45 \xc2\xb7 in 45 min",
		NULL
	};
	struct layout lay;
	char buf[2048];
	int64_t t = at("2007-11-13T11:00");

	load_sample(&s);
	sl.programme = &s;
	layout_init(&lay);
	at_every_size(&lay, &d, t, want);
	/* the next talk counts down with no new layout */
	texts(&d, &lay, at("2007-11-13T11:33:30"), buf, sizeof(buf));
	CHECK(has_line(buf, "at 11:45 \xc2\xb7 in 12 min"));
	/* it holds until the talk on now ends */
	CHECK_INT(lay.until_ms, at("2007-11-13T11:30"));
	CHECK_INT(layout_next_change(&d, &lay, t), at("2007-11-13T11:01"));

	/* between talks: the next only */
	t = at("2007-11-13T11:35");
	lay_at(&lay, &d, 1920, 1080, t);
	texts(&d, &lay, t, buf, sizeof(buf));
	CHECK(!has_line(buf, "Now") && has_line(buf, "Next"));
	CHECK(has_line(buf, "Capacity building"));
	CHECK(has_line(buf, "at 11:45 \xc2\xb7 in 10 min"));
	CHECK_INT(lay.until_ms, at("2007-11-13T11:45"));
	/* its last minute counts seconds, and wakes each second */
	texts(&d, &lay, at("2007-11-13T11:44:15"), buf, sizeof(buf));
	CHECK(has_line(buf, "at 11:45 \xc2\xb7 in 45 s"));
	CHECK_INT(layout_next_change(&d, &lay, at("2007-11-13T11:44:15")),
	          at("2007-11-13T11:44:16"));

	/* the last talk over: nothing more in this room */
	t = at("2007-11-14T01:00");
	lay_at(&lay, &d, 1920, 1080, t);
	texts(&d, &lay, t, buf, sizeof(buf));
	CHECK(has_line(buf, "No more sessions here"));

	/* after a day's last talk, the next day's first */
	sl.room = "Room 2";
	t = at("2007-11-13T18:00");
	lay_at(&lay, &d, 1920, 1080, t);
	texts(&d, &lay, t, buf, sizeof(buf));
	CHECK(has_line(buf, "Day two opening"));
	CHECK(has_line(buf, "tomorrow at 09:30"));
	texts(&d, &lay, at("2007-11-12T18:00"), buf, sizeof(buf));
	CHECK(has_line(buf, "Wednesday 14 November at 09:30"));
	d.settings.clock_format = DECK_CLOCK_12H;
	texts(&d, &lay, t, buf, sizeof(buf));
	CHECK(has_line(buf, "tomorrow at 9:30 AM"));
	layout_destroy(&lay);
	schedule_free(&s);
}

static void
test_board(void)
{
	struct schedule s;
	struct deck_slide sl = { .layout = DECK_LAYOUT_PROGRAMME,
		                 .title = "What's on" };
	struct deck d = make_deck(&sl, 1);
	static const char *const want[] = { "Room 1", "Room 2",
		                            "Room 3", "until 11:30",
		                            "en",     "tomorrow at 09:30",
		                            NULL };
	struct layout lay;
	int64_t t = at("2007-11-13T11:00");
	bool bar = false;

	load_sample(&s);
	sl.programme = &s;
	layout_init(&lay);
	at_every_size(&lay, &d, t, want);
	/* Room 1's talk is in the Partnerships track, #f2b632: its bar */
	for (size_t k = 0; k < lay.n; k++)
		bar |= lay.items[k].kind == LAYOUT_RECT &&
		       lay.items[k].color.r == 0xf2 &&
		       lay.items[k].color.g == 0xb6 &&
		       lay.items[k].color.b == 0x32 &&
		       lay.items[k].box.h > lay.items[k].box.w;
	CHECK(bar);
	CHECK_INT(lay.until_ms, at("2007-11-13T11:30"));
	layout_destroy(&lay);
	schedule_free(&s);
}

/* A schedule of n rooms, "Hall 1" to "Hall n", each with one talk from
 * 10:00 to 11:00 titled title. */
static void
make_rooms(struct schedule *s, int n, const char *title)
{
	char doc[16384];
	size_t len = 0;
	struct report rep;

	len += (size_t)snprintf(doc + len, sizeof(doc) - len,
	                        "{\"schedule\": {\"conference\": {\"days\": "
	                        "[{\"rooms\": {");
	for (int i = 1; i <= n; i++)
		len += (size_t)snprintf(
		        doc + len, sizeof(doc) - len,
		        "%s\"Hall %d\": [{\"date\": "
		        "\"2007-11-13T10:00:00-02:00\", "
		        "\"duration\": \"01:00\", \"title\": \"%s\"}]",
		        i > 1 ? ", " : "", i, title);
	len += (size_t)snprintf(doc + len, sizeof(doc) - len, "}}]}}}");
	report_init(&rep);
	CHECK_INT(schedule_parse(s, "many.json", doc, len, &rep), 0);
	report_destroy(&rep);
}

static void
test_pages(void)
{
	struct schedule s;
	struct deck_slide sl = { .layout = DECK_LAYOUT_PROGRAMME };
	struct deck d = make_deck(&sl, 1);
	struct layout lay;
	char one[4096], two[4096];
	int64_t t = at("2007-11-13T10:20:00");

	make_rooms(&s, 14, "A talk");
	sl.programme = &s;
	layout_init(&lay);
	lay_at(&lay, &d, 1280, 720, t);
	texts(&d, &lay, t, one, sizeof(one));
	CHECK(has_line(one, "Hall 1") && !has_line(one, "Hall 14"));
	CHECK_INT(lay.until_ms, t + 10000); /* the page turns */
	check_placed(&lay, 1280, 720);
	lay_at(&lay, &d, 1280, 720, t + 10000);
	texts(&d, &lay, t + 10000, two, sizeof(two));
	CHECK(!has_line(two, "Hall 1") && strcmp(one, two) != 0);
	check_placed(&lay, 1280, 720);
	layout_destroy(&lay);
	schedule_free(&s);
}

/* A title too long for its lines ends with an ellipsis, at every size. */
static void
test_ellipsis(void)
{
	static const char title[] =
	        "Moving Beyond the Talk: Partnerships in Practice, a Best "
	        "Practice Forum on Multistakeholderism with Speakers from "
	        "Every Region and a Very Long Title Indeed That Goes On";
	struct schedule s;
	struct deck_slide sl = { .layout = DECK_LAYOUT_PROGRAMME };
	struct deck d = make_deck(&sl, 1);
	struct layout lay;
	int64_t t = at("2007-11-13T10:20:00");

	make_rooms(&s, 2, title);
	sl.programme = &s;
	layout_init(&lay);
	for (int room = 0; room < 2; room++) {
		sl.room = room ? "Hall 1" : NULL;
		for (size_t z = 0; z < N_SCREENS; z++) {
			char buf[4096];

			lay_at(&lay, &d, screens[z][0], screens[z][1], t);
			texts(&d, &lay, t, buf, sizeof(buf));
			CHECK(strstr(buf, "\xe2\x80\xa6") != NULL);
			CHECK(strstr(buf, "Goes On") == NULL);
			check_placed(&lay, screens[z][0], screens[z][1]);
		}
	}
	layout_destroy(&lay);
	schedule_free(&s);
}

int
main(void)
{
	civil_use_zone("America/Sao_Paulo");
	RUN(test_door_sign);
	RUN(test_board);
	RUN(test_pages);
	RUN(test_ellipsis);
	return check_done("test_programme");
}
