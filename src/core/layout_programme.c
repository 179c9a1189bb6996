/*
 * layout_programme: the live programme, from the conference's schedule
 * (schedule.h), as it stands at the layout's time (lay->at_ms).
 *
 * With a "room", the sign at that room's door: the talk running now (its
 * title, subtitle and speakers, "until 11:30") and the next ("at 11:45 ·
 * in 12 min"); between talks the next only; after the last, a closing
 * line. Without, the board of every room: a row per room with what runs
 * now and what comes next, the track's colour as a bar and the language
 * as a tag, in pages that turn every PAGE_MS when the rooms do not fit.
 *
 * What it shows changes when a talk starts or ends and when a page turns:
 * the layout holds until then (lay->until_ms) and is then laid out again.
 * The times are ticks (layout.h), made when drawn, so "in 12 min" counts
 * down with no new layout. Titles too long for their lines end with an
 * ellipsis.
 */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "color.h"
#include "schedule.h"

#define PAGE_MS  10000 /* a page of the board */
#define SIGN_GAP 0.9   /* between the sign's sections, in lines */
#define BAR_DIV  160   /* the track bar's width: shorter side / this */

/* The widest texts the two ticks make (no-break spaces: one line). */
#define NBSP "\xc2\xa0"
static const char until_sample[] = "until" NBSP "00:00" NBSP "PM";
static const char start_sample[] =
        "at" NBSP "00:00" NBSP "PM" NBSP "\xc2\xb7" NBSP "in" NBSP "00" NBSP
        "h" NBSP "00" NBSP "min";

/*
 * The ticks' texts.
 */

/* Days from the local date of a to that of b. */
static long
days_between(int64_t a, int64_t b)
{
	struct civil_tm ta, tb;
	int64_t da, db;

	civil_local(a, &ta);
	civil_local(b, &tb);
	da = civil_at(ta.year, ta.month, ta.day, 0);
	db = civil_at(tb.year, tb.month, tb.day, 0);
	return (long)((db - da + 43200000) / 86400000); /* DST: 23 or 25 h */
}

/* "at 11:45 · in 12 min" today, "tomorrow at 09:30", "Thursday 15
 * November at 09:30" later. */
static size_t
start_text(const struct deck *deck, int64_t at, int64_t now, char *buf,
           size_t size)
{
	bool h12 = deck->settings.clock_format == DECK_CLOCK_12H;
	long days = days_between(now, at);
	char hm[24], left[32], date[48];
	struct civil_tm t;
	int n;

	civil_local(at, &t);
	civil_format_time(hm, sizeof(hm), &t, h12, false);
	if (days <= 0 && at > now) {
		layout_count_text(left, sizeof(left), at - now);
		n = snprintf(buf, size, "at %s \xc2\xb7 in %s", hm, left);
	} else if (days <= 0) {
		n = snprintf(buf, size, "at %s", hm);
	} else if (days == 1) {
		n = snprintf(buf, size, "tomorrow at %s", hm);
	} else {
		civil_format_date(date, sizeof(date), &t);
		n = snprintf(buf, size, "%.*s at %s", (int)(strlen(date) - 5),
		             date, hm); /* no year */
	}
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
layout_talk_time(const struct deck *deck, const struct layout_item *it,
                 int64_t now_ms, char *buf, size_t size)
{
	struct civil_tm t;
	char hm[24];
	int n;

	if (it->tick == LAYOUT_TICK_START)
		return start_text(deck, it->at_ms, now_ms, buf, size);
	civil_local(it->at_ms, &t);
	civil_format_time(hm, sizeof(hm), &t,
	                  deck->settings.clock_format == DECK_CLOCK_12H, false);
	n = snprintf(buf, size, "until %s", hm);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/*
 * Pieces.
 */

/* A tick line of role at level at the top of box: its sample placed, then
 * made the tick of moment at, as wide as box. Returns its height. */
static int
place_tick(struct ctx *c, enum role role, int level, struct layout_rect box,
           enum layout_tick tick, int64_t at, bool center, bool emit)
{
	const char *sample =
	        tick == LAYOUT_TICK_UNTIL ? until_sample : start_sample;
	size_t from = c->lay->n;
	int h = layout_place_clipped(c, role, level, sample, box, 1, center,
	                             emit);

	for (size_t k = from; emit && k < c->lay->n; k++) {
		struct layout_item *it = &c->lay->items[k];

		if (it->text != sample) { /* an ellipsis: never shown */
			it->len = 0;
			continue;
		}
		it->tick = tick;
		it->at_ms = at;
		it->box.x = box.x;
		it->box.w = box.w;
		it->align = center ? 0 : -1;
		it->color = c->deck->theme.accent;
	}
	return h;
}

/* A line of fixed words (a label, a message). */
static int
place_words(struct ctx *c, enum role role, int level, const char *s,
            struct layout_rect box, bool center, bool emit)
{
	return layout_place_clipped(c, role, level, s, box, 1, center, emit);
}

/* The box under the h px taken from the top of box, with gap (its height
 * below 0 when they do not fit: measuring goes on). */
static struct layout_rect
below(struct layout_rect box, int h, int gap)
{
	int d = h ? h + gap : 0;

	return (struct layout_rect){ box.x, box.y + d, box.w, box.h - d };
}

/*
 * The door sign.
 */

/* One of the sign's sections: the label, the talk, its time. */
struct section {
	const char *label; /* "Now", "Next" */
	const struct schedule_event *e;
	enum layout_tick tick;
	enum role title_role;
	size_t lines; /* the title's at most */
};

/* The width of the label at level, with a space after it. */
static int
label_width(const struct ctx *c, const char *label, int level)
{
	enum deck_font font = c->deck->theme.heading_font;
	int px = layout_role_px(c, ROLE_KICKER, level);

	return c->m->text_width(c->m->ctx, font, px, label, strlen(label)) +
	       px / 2;
}

/* Places (or measures) a section at level in box; returns its height: the
 * label with the talk's time beside it ("Now  until 11:30"), the title,
 * and with details its subtitle and speakers. */
static int
place_section(struct ctx *c, const struct section *sec, int level,
              struct layout_rect box, bool details, bool emit)
{
	const struct schedule_event *e = sec->e;
	int gap = layout_role_lh(c, ROLE_DETAIL, level) / 4;
	int lw = label_width(c, sec->label, level);
	struct layout_rect b = box,
	                   time = { box.x + lw, box.y, box.w - lw, box.h };
	int h;

	if (!e) /* a message */
		return layout_place_clipped(c, sec->title_role, level,
		                            sec->label, box, sec->lines, false,
		                            emit);
	h = place_words(c, ROLE_KICKER, level, sec->label, b, false, emit);
	place_tick(c, ROLE_KICKER, level, time, sec->tick,
	           sec->tick == LAYOUT_TICK_UNTIL ? e->end_ms : e->start_ms,
	           false, emit);
	b = below(b, h, gap);
	h = layout_place_clipped(c, sec->title_role, level, e->title, b,
	                         sec->lines, false, emit);
	b = below(b, h, gap);
	if (details) {
		h = layout_place_clipped(c, ROLE_DETAIL, level, e->subtitle, b,
		                         1, false, emit);
		b = below(b, h, 0);
		h = layout_place_clipped(c, ROLE_DETAIL, level, e->persons, b,
		                         1, false, emit);
		b = below(b, h, 0);
	}
	return b.y - box.y;
}

/* The door sign at one level: its heading (the room's name, when the
 * slide has no title of its own) and its sections, the first `details`
 * of them with their subtitles and speakers. */
struct sign {
	const char *heading; /* or NULL */
	const struct section *secs;
	size_t n, details;
};

/* Places (or measures) the sign in box at level; returns the height. */
static int
place_sign(struct ctx *c, const struct sign *sg, int level,
           struct layout_rect box, bool emit)
{
	struct layout_rect b = box;
	int gap = (int)(layout_role_lh(c, ROLE_KICKER, level) * SIGN_GAP);

	if (sg->heading)
		b = below(b,
		          place_words(c, ROLE_HEADING, level, sg->heading, b,
		                      false, emit),
		          gap);
	for (size_t k = 0; k < sg->n; k++)
		b = below(b,
		          place_section(c, &sg->secs[k], level, b,
		                        k < sg->details, emit),
		          gap);
	return b.y - box.y;
}

/* The deepest level of any role's ladder. */
static int
last_level(const struct ctx *c)
{
	int last = 0;

	for (int r = 0; r < ROLE_COUNT; r++)
		last = imax(last, c->levels[r] - 1);
	return last;
}

/* The largest level at which the sign fits box; -1 when none does. */
static int
sign_level(struct ctx *c, const struct sign *sg, struct layout_rect box)
{
	for (int level = 0; level <= last_level(c); level++)
		if (place_sign(c, sg, level, box, false) <= box.h)
			return level;
	return -1;
}

/* The slide's title as its heading, else the words given. */
static void
place_title(struct ctx *c, struct layout_rect *area, const char *fallback)
{
	int h;

	if (c->slide->title) {
		layout_place_heading(c, area);
		return;
	}
	h = place_words(c, ROLE_HEADING, 0, fallback, *area, false, true);
	*area = below(*area, h, layout_role_lh(c, ROLE_HEADING, 0) / 2);
}

static void
door_sign(struct ctx *c, struct layout_rect area, const struct schedule *s,
          size_t room, int64_t now)
{
	const struct schedule_event *on = schedule_now(s, room, now);
	const struct schedule_event *next = schedule_next(s, room, now);
	struct section secs[2];
	struct sign sg = { .secs = secs };
	int level = -1;

	if (c->slide->title)
		layout_place_heading(c, &area);
	else
		sg.heading = s->rooms[room];
	if (on)
		secs[sg.n++] = (struct section){ "Now", on, LAYOUT_TICK_UNTIL,
			                         ROLE_STATEMENT, 3 };
	if (next)
		secs[sg.n++] =
		        (struct section){ "Next", next, LAYOUT_TICK_START,
			                  sg.n ? ROLE_HEADING : ROLE_STATEMENT,
			                  sg.n ? 2 : 3 };
	if (sg.n == 0)
		secs[sg.n++] =
		        (struct section){ "No more sessions here", NULL,
			                  LAYOUT_TICK_NONE, ROLE_STATEMENT, 2 };
	/* the largest sizes with the first section's details (the next
	 * talk's matter less than a larger sign), else none; else the first
	 * section alone */
	sg.details = 1;
	while ((level = sign_level(c, &sg, area)) < 0 && sg.details > 0)
		sg.details--;
	if (level < 0) {
		sg.n = 1;
		level = last_level(c);
	}
	if (place_sign(c, &sg, level, area, true) > area.h)
		c->lay->overflow = true;
}

/*
 * The board.
 */

/* The board's columns and rows at one level. */
struct board {
	struct layout_rect area;
	int level;
	int bar, gap;         /* the track bar's width, between columns */
	int room_x, room_w;   /* the room's name */
	int now_x, now_w;     /* the talk on now */
	int next_x, next_w;   /* the next talk */
	int lh_name, lh_text; /* the two lines of a row */
	int row_h, rule;      /* a row with its padding; the rule under it */
	int label_h;          /* the "Now" and "Next" labels' line */
	bool stacked;         /* a tall screen: the room's name above its
	                         talks, which then share the width */
	int title_lines;      /* a talk's title takes at most */
	size_t per_page;
};

static void
board_at(struct ctx *c, struct board *b, struct layout_rect area, int level,
         int title_lines)
{
	int w;

	b->area = area;
	b->level = level;
	b->bar = imax(2, c->s / BAR_DIV);
	b->lh_name = layout_role_lh(c, ROLE_CARD_NAME, level);
	b->lh_text = layout_role_lh(c, ROLE_CARD_TEXT, level);
	b->gap = b->lh_text / 2;
	b->rule = imax(1, c->s / 540);
	b->stacked = area.w < area.h;
	b->title_lines = title_lines;
	b->row_h = (b->stacked ? 1 : 0) * b->lh_name +
	           b->title_lines * b->lh_name + b->lh_text + b->lh_text / 2 +
	           b->rule;
	b->label_h = layout_role_lh(c, ROLE_KICKER, level);
	w = area.w - b->bar - 3 * b->gap;
	b->room_x = area.x + b->bar + b->gap;
	b->room_w = b->stacked ? area.x + area.w - b->room_x : w * 22 / 100;
	b->now_x = b->stacked ? b->room_x : b->room_x + b->room_w + b->gap;
	b->now_w = b->stacked ? (b->room_w - b->gap) / 2 : w * 42 / 100;
	b->next_x = b->now_x + b->now_w + b->gap;
	b->next_w = area.x + area.w - b->next_x;
	b->per_page = (size_t)imax(0, (area.h - b->label_h) / b->row_h);
}

/* A language tag ("en") at the right end of box's line: a panel with the
 * tag on it; returns the width it takes with its gap (0 without one). */
static int
place_tag(struct ctx *c, const struct board *b, const char *lang,
          struct layout_rect line)
{
	enum deck_font font = c->deck->theme.body_font;
	int px = imax(c->lay->floor_px,
	              layout_role_px(c, ROLE_CARD_TEXT, b->level) * 4 / 5);
	int tw, pad = px / 3;
	struct layout_item *it;
	struct layout_rect box;

	if (!lang || strlen(lang) > 16)
		return 0;
	tw = c->m->text_width(c->m->ctx, font, px, lang, strlen(lang));
	if (tw + 2 * pad > line.w / 3)
		return 0;
	box = (struct layout_rect){ line.x + line.w - tw - 2 * pad, line.y,
		                    tw + 2 * pad, line.h };
	layout_push_item(c, LAYOUT_RECT, box, c->panel);
	it = layout_push_item(
	        c, LAYOUT_TEXT,
	        (struct layout_rect){ box.x + pad,
	                              line.y + (line.h - b->lh_text) / 2, tw,
	                              b->lh_text },
	        c->deck->theme.text);
	it->font = font;
	it->px = px;
	it->text = lang;
	it->len = strlen(lang);
	return box.w + b->gap / 2;
}

/* One cell: the talk's title on the first line, its time (and language)
 * on the second; a dash when there is none. */
static void
place_cell(struct ctx *c, const struct board *b, const struct schedule_event *e,
           enum layout_tick tick, int x, int w, int y)
{
	struct layout_rect l1 = { x, y, w, b->title_lines * b->lh_name };
	struct layout_rect l2 = { x, y, w, b->lh_text };

	if (!e) {
		place_words(c, ROLE_CARD_TEXT, b->level, "\xe2\x80\x94", l1,
		            false, true);
		return;
	}
	l2.y += layout_place_clipped(c, ROLE_CARD_NAME, b->level, e->title, l1,
	                             (size_t)b->title_lines, false, true);
	l2.w -= place_tag(c, b, e->language, l2);
	place_tick(c, ROLE_CARD_TEXT, b->level, l2, tick,
	           tick == LAYOUT_TICK_UNTIL ? e->end_ms : e->start_ms, false,
	           true);
}

static void
place_row(struct ctx *c, const struct board *b, const struct schedule *s,
          size_t room, int y, int64_t now)
{
	const struct schedule_event *on = schedule_now(s, room, now);
	const struct schedule_event *next = schedule_next(s, room, now);
	const struct schedule_event *coloured = on ? on : next;
	struct deck_color bar = c->panel;
	struct layout_rect name = { b->room_x, y, b->room_w,
		                    b->stacked ? b->lh_name
		                               : b->row_h - b->rule };
	int cells = y + (b->stacked ? b->lh_name : 0);

	if (coloured && coloured->track_color >= 0)
		bar = (struct deck_color){ (coloured->track_color >> 16) & 255,
			                   (coloured->track_color >> 8) & 255,
			                   coloured->track_color & 255 };
	layout_push_item(
	        c, LAYOUT_RECT,
	        (struct layout_rect){ b->area.x, y, b->bar,
	                              b->row_h - b->rule - b->lh_text / 2 },
	        bar);
	layout_place_clipped(c, ROLE_CARD_NAME, b->level, s->rooms[room], name,
	                     (size_t)imax(1, name.h / b->lh_name), false, true);
	place_cell(c, b, on, LAYOUT_TICK_UNTIL, b->now_x, b->now_w, cells);
	place_cell(c, b, next, LAYOUT_TICK_START, b->next_x, b->next_w, cells);
	layout_push_item(c, LAYOUT_RECT,
	                 (struct layout_rect){ b->area.x,
	                                       y + b->row_h - b->rule,
	                                       b->area.w, b->rule },
	                 c->panel);
}

/* The page dots at the right end of the labels' line. */
static void
place_dots(struct ctx *c, const struct board *b, size_t pages, size_t page)
{
	int d = imax(4, b->label_h / 3), x;

	x = b->area.x + b->area.w - (int)pages * 2 * d + d;
	for (size_t k = 0; k < pages; k++, x += 2 * d)
		layout_push_item(
		        c, LAYOUT_RECT,
		        (struct layout_rect){
		                x, b->area.y + (b->label_h - d) / 2, d, d },
		        k == page ? c->deck->theme.accent : c->panel);
}

/* The largest level at which every room has its row, else the floor's;
 * titles get two lines when that costs no size (always on a tall
 * screen, where the talks share the width). */
static void
choose_board(struct ctx *c, struct board *b, struct layout_rect area,
             size_t rooms)
{
	int one = area.w < area.h ? 2 : 1;

	for (int level = 0; level <= last_level(c); level++) {
		board_at(c, b, area, level, 2);
		if (b->per_page >= rooms)
			return;
		board_at(c, b, area, level, one);
		if (b->per_page >= rooms)
			return;
	}
}

static void
board(struct ctx *c, struct layout_rect area, const struct schedule *s,
      int64_t now)
{
	struct board b;
	size_t pages, page, first;

	place_title(c, &area, s->title ? s->title : "Programme");
	choose_board(c, &b, area, s->n_rooms);
	if (b.per_page == 0 || s->n_rooms == 0)
		return;
	pages = (s->n_rooms + b.per_page - 1) / b.per_page;
	page = pages > 1 ? (size_t)((now / PAGE_MS) % (int64_t)pages) : 0;
	if (pages > 1) {
		c->lay->until_ms = (now / PAGE_MS + 1) * PAGE_MS;
		place_dots(c, &b, pages, page);
	}
	place_words(c, ROLE_KICKER, b.level, "Now",
	            (struct layout_rect){ b.now_x, area.y, b.now_w, b.label_h },
	            false, true);
	place_words(
	        c, ROLE_KICKER, b.level, "Next",
	        (struct layout_rect){ b.next_x, area.y, b.next_w, b.label_h },
	        false, true);
	first = page * b.per_page;
	for (size_t k = 0; k < b.per_page && first + k < s->n_rooms; k++)
		place_row(c, &b, s, first + k,
		          area.y + b.label_h + (int)k * b.row_h, now);
}

void
layout_programme(struct ctx *c, struct layout_rect area)
{
	const struct deck_slide *sl = c->slide;
	const struct schedule *s = sl->programme;
	int64_t now = c->lay->at_ms, change;
	long room;

	if (!s) { /* parsed without its folder: the file was not read */
		place_title(c, &area, "Programme");
		place_words(c, ROLE_BODY, 0, sl->schedule, area, false, true);
		return;
	}
	room = sl->room ? schedule_room(s, sl->room) : -1;
	if (room >= 0)
		door_sign(c, area, s, (size_t)room, now);
	else
		board(c, area, s, now);
	change = schedule_next_change(s, now);
	if (change < c->lay->until_ms)
		c->lay->until_ms = change;
}
