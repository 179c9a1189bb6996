/*
 * layout_clock: what shows the time. The small clock in a corner of every
 * slide (settings.clock), the clock layout (the time large, the date under
 * it) and the countdown layout (the time left until a moment, then the
 * slide's "after" text).
 *
 * Their text changes with the time, so the layout places boxes sized for
 * the widest text each will hold (a sample such as "00:00") and marks them
 * with a tick; the shell makes the text when it draws (layout_tick_text)
 * and wakes when it next changes (layout_next_change). A countdown is laid
 * out twice, once as it counts and once as it is after its moment; each
 * item's phase says which it belongs to.
 */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "due.h"

#define CLOCK_GAP 0.5 /* between the clock's strip and the slide, in lines */

/* The widest text of each tick. A tick is drawn on one line: the time's
 * and the countdown's samples have no-break spaces, so that they are
 * fitted on one; a date too wide for its box is drawn smaller. */
#define NBSP "\xc2\xa0"
static const char time_sample[] = "00:00";
static const char time_sample_12h[] = "00:00" NBSP "PM";
static const char date_sample[] = "Wednesday 28 September 0000";
static const char count_sample[] = "00" NBSP "h" NBSP "00" NBSP "min";

static bool
until_ms(const struct deck *d, int slide, int64_t *ms)
{
	return slide >= 0 && (size_t)slide < d->n_slides &&
	       due_until(&d->slides[slide], ms);
}

bool
layout_item_shows(const struct deck *deck, const struct layout_item *it,
                  int64_t now_ms)
{
	int64_t u;

	if (it->phase == LAYOUT_PHASE_ALWAYS ||
	    !until_ms(deck, it->slide_index, &u))
		return it->phase != LAYOUT_PHASE_AFTER;
	return (now_ms < u) == (it->phase == LAYOUT_PHASE_BEFORE);
}

size_t
layout_count_text(char *buf, size_t size, int64_t left_ms)
{
	long long s = (left_ms + 999) / 1000, m = (left_ms + 59999) / 60000;
	int n;

	if (left_ms <= 60000)
		n = snprintf(buf, size, "%lld s", left_ms > 0 ? s : 0);
	else if (m < 60)
		n = snprintf(buf, size, "%lld min", m);
	else if (m < 48 * 60)
		n = snprintf(buf, size, "%lld h %02lld min", m / 60, m % 60);
	else
		n = snprintf(buf, size, "%lld days", (m + 1439) / 1440);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
layout_tick_text(const struct deck *deck, const struct layout_item *it,
                 int64_t now_ms, char *buf, size_t size)
{
	bool h12 = deck->settings.clock_format == DECK_CLOCK_12H;
	struct civil_tm t;
	int64_t u;

	civil_local(now_ms, &t);
	switch (it->tick) {
	case LAYOUT_TICK_TIME:
		return civil_format_time(buf, size, &t, h12, false);
	case LAYOUT_TICK_DATE:
		return civil_format_date(buf, size, &t);
	case LAYOUT_TICK_COUNTDOWN:
		if (until_ms(deck, it->slide_index, &u))
			return layout_count_text(buf, size, u - now_ms);
		break;
	case LAYOUT_TICK_UNTIL:
	case LAYOUT_TICK_START:
		return layout_talk_time(deck, it, now_ms, buf, size);
	case LAYOUT_TICK_NONE:
		break;
	}
	if (size)
		buf[0] = '\0';
	return 0;
}

/* When the countdown's figure next changes: it counts whole units up, so
 * "12 min" becomes "11 min" once the time left is 11 minutes. */
static int64_t
count_next(int64_t until, int64_t now_ms)
{
	int64_t left = until - now_ms;
	int64_t unit = left <= 60000 ? 1000 : 60000;
	int64_t v = (left + unit - 1) / unit;

	return left <= 0 ? INT64_MAX : until - (v - 1) * unit;
}

int64_t
layout_tick_next(const struct deck *deck, const struct layout_item *it,
                 int64_t now_ms)
{
	int64_t u;

	if (it->tick == LAYOUT_TICK_COUNTDOWN)
		return until_ms(deck, it->slide_index, &u)
		               ? count_next(u, now_ms)
		               : INT64_MAX;
	if (it->tick == LAYOUT_TICK_NONE || it->tick == LAYOUT_TICK_UNTIL)
		return INT64_MAX;
	if (it->tick == LAYOUT_TICK_START && it->at_ms > now_ms) {
		int64_t count = count_next(it->at_ms, now_ms); /* "in 45 s" */
		int64_t minute = civil_next_minute(now_ms);    /* "tomorrow" */

		return count < minute ? count : minute;
	}
	return civil_next_minute(now_ms);
}

int64_t
layout_next_change(const struct deck *deck, const struct layout *lay,
                   int64_t now_ms)
{
	int64_t next = lay->until_ms, u;

	for (size_t k = 0; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];
		int64_t t = layout_tick_next(deck, it, now_ms);

		if (it->phase != LAYOUT_PHASE_ALWAYS &&
		    until_ms(deck, it->slide_index, &u) && u > now_ms && u < t)
			t = u;
		if (t < next)
			next = t;
	}
	return next;
}

/* Makes the text items of sample placed since item from into one tick,
 * centred across area: the first line keeps the box, others are emptied
 * (a sample broken over lines). */
static void
make_tick(struct ctx *c, size_t from, const char *sample, enum layout_tick tick,
          struct layout_rect area)
{
	bool first = true;

	for (size_t k = from; k < c->lay->n; k++) {
		struct layout_item *it = &c->lay->items[k];

		if (it->kind != LAYOUT_TEXT || it->text < sample ||
		    it->text >= sample + strlen(sample))
			continue;
		it->len = first ? it->len : 0;
		if (first) {
			it->tick = tick;
			it->box.x = area.x;
			it->box.w = area.w;
		}
		first = false;
	}
}

static void
set_phase(struct ctx *c, size_t from, enum layout_phase phase)
{
	for (size_t k = from; k < c->lay->n; k++)
		c->lay->items[k].phase = phase;
}

void
layout_clock_slide(struct ctx *c, struct layout_rect area)
{
	const char *time = c->deck->settings.clock_format == DECK_CLOCK_12H
	                           ? time_sample_12h
	                           : time_sample;
	const char *date = date_sample;
	const struct flow fl[] = {
		{ &c->slide->title, 1, ROLE_KICKER, false },
		{ &time, 1, ROLE_FIGURE, false },
		{ &date, 1, ROLE_SUBTITLE, false },
	};
	size_t from = c->lay->n;

	layout_place_stack(c, fl, 3, area, ALIGN_CENTER | ALIGN_MIDDLE);
	make_tick(c, from, time, LAYOUT_TICK_TIME, area);
	make_tick(c, from, date, LAYOUT_TICK_DATE, area);
}

void
layout_countdown(struct ctx *c, struct layout_rect area)
{
	const struct deck_slide *sl = c->slide;
	const char *count = count_sample;
	const struct flow before[] = {
		{ &sl->title, 1, ROLE_KICKER, false },
		{ sl->text.v, sl->text.n, ROLE_SUBTITLE, false },
		{ &count, 1, ROLE_FIGURE, false },
	};
	const struct flow after[] = {
		{ &sl->title, 1, ROLE_KICKER, false },
		{ &sl->after, 1, ROLE_STATEMENT, false },
	};
	size_t from = c->lay->n;

	layout_place_stack(c, before, 3, area, ALIGN_CENTER | ALIGN_MIDDLE);
	make_tick(c, from, count, LAYOUT_TICK_COUNTDOWN, area);
	set_phase(c, from, LAYOUT_PHASE_BEFORE);
	from = c->lay->n;
	layout_place_stack(c, after, 2, area, ALIGN_CENTER | ALIGN_MIDDLE);
	set_phase(c, from, LAYOUT_PHASE_AFTER);
}

/*
 * The corner clock.
 */

static bool
corner_top(enum deck_corner k)
{
	return k == DECK_CORNER_TOP_LEFT || k == DECK_CORNER_TOP_RIGHT;
}

static bool
corner_right(enum deck_corner k)
{
	return k == DECK_CORNER_TOP_RIGHT || k == DECK_CORNER_BOTTOM_RIGHT;
}

/* The corner clock's item at the floor size in row (a line's height),
 * at its right or left end. */
static void
push_clock(struct ctx *c, struct layout_rect row, int w)
{
	enum deck_corner k = c->deck->settings.clock;
	struct layout_rect box = { corner_right(k) ? row.x + row.w - w : row.x,
		                   row.y, w, row.h };
	struct layout_item *it =
	        layout_push_item(c, LAYOUT_TEXT, box, layout_band_color(c));

	it->font = c->deck->theme.body_font;
	it->px = c->lay->floor_px;
	it->text = "";
	it->tick = LAYOUT_TICK_TIME;
	it->align = corner_right(k) ? 1 : -1;
}

/* The clock's width at the floor size. */
static int
clock_width(const struct ctx *c)
{
	const char *s = c->deck->settings.clock_format == DECK_CLOCK_12H
	                        ? time_sample_12h
	                        : time_sample;

	return c->m->text_width(c->m->ctx, c->deck->theme.body_font,
	                        c->lay->floor_px, s, strlen(s));
}

/* The band, when asked for; whether it was placed. */
static bool
place_band(struct ctx *c, struct layout_rect *area, bool band)
{
	return band && layout_place_band(c, area, NULL).h > 0;
}

bool
layout_place_furniture(struct ctx *c, struct layout_rect *area, bool band)
{
	enum deck_corner k = c->deck->settings.clock;
	enum deck_band edge = corner_top(k) ? DECK_BAND_TOP : DECK_BAND_BOTTOM;
	int w, lh, gap;
	struct layout_notch notch;
	struct layout_rect row;

	if (k == DECK_CORNER_OFF)
		return place_band(c, area, band);
	w = clock_width(c);
	lh = imax(1, c->m->line_height(c->m->ctx, c->deck->theme.body_font,
	                               c->lay->floor_px));
	gap = (int)(lh * CLOCK_GAP);
	notch = (struct layout_notch){ corner_right(k), w + 2 * lh };
	if (band && c->deck->theme.band == edge &&
	    (row = layout_place_band(c, area, &notch)).h > 0) {
		push_clock(
		        c,
		        (struct layout_rect){ area->x, row.y, area->w, row.h },
		        w);
		return true;
	}
	if (lh + gap > area->h / 4)
		return place_band(c, area, band); /* the slide comes first */
	row = (struct layout_rect){ area->x,
		                    corner_top(k) ? area->y
		                                  : area->y + area->h - lh,
		                    area->w, lh };
	push_clock(c, row, w);
	area->h -= lh + gap;
	if (corner_top(k))
		area->y += lh + gap;
	return place_band(c, area, band);
}
