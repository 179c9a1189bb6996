/*
 * layout_qr: a slide's QR code on the screen, and the words it holds under
 * it. The code is drawn as rectangles of whole pixels: a light square (the
 * code and its quiet zone of QR_QUIET modules) and, on it, each row's runs
 * of dark modules, every module the same whole number of pixels, never
 * less than qr.h's minimum for the screen (the rule for scanning from 2 m)
 * unless the slide has no room for it: then it is drawn as large as fits
 * and the slide is flagged as overflowing, which --check reports.
 */
#include "layout_internal.h"

#include <string.h>

#include "qr.h"

#define QR_SHARE     0.45 /* a code's side, of the shorter side, at most */
#define QR_GAP_DIV   30   /* space between the code and the text beside */
#define QR_WORDS_GAP 60   /* space between the code and its words */

static const struct deck_color qr_light = { 255, 255, 255 };
static const struct deck_color qr_dark = { 0, 0, 0 };

static const struct deck_qr *
qr_of(const struct ctx *c)
{
	return c->slide->qr.text ? &c->slide->qr : NULL;
}

int
layout_qr_gap(const struct ctx *c)
{
	return div_px(c->s, QR_GAP_DIV);
}

/*
 * The px of a module: as large as the share allows, at least the rule's
 * minimum, no more than fits w x pref (the code's share of its space), but
 * the minimum when it fits w x most (all it may take); and at least 1.
 */
static int
module_px(const struct ctx *c, int w, int pref, int most)
{
	int total = qr_total_modules(qr_of(c)->size);
	int least = qr_min_module_px(c->s);
	int px = imax((int)(c->s * QR_SHARE) / total, least);

	px = imin(px, imin(w, pref) / total);
	px = imax(px, imin(least, imin(w, most) / total));
	return imax(1, px);
}

int
layout_qr_side(const struct ctx *c, int w, int pref, int most)
{
	if (!qr_of(c))
		return 0;
	return module_px(c, w, pref, most) * qr_total_modules(qr_of(c)->size);
}

/* The words under the code as a flow of *words: the text, without the
 * "https://" or "http://" that a reader need not type. */
static struct flow
words_flow(const struct ctx *c, const char **words)
{
	const char *t = c->slide->qr.text;

	if (!strncmp(t, "https://", 8) && t[8])
		t += 8;
	else if (!strncmp(t, "http://", 7) && t[7])
		t += 7;
	*words = t;
	return (struct flow){ words, 1, ROLE_CAPTION, false };
}

/* The box the words get under a code of side px at x, y, in h px. */
static struct layout_rect
words_box(const struct ctx *c, int x, int y, int side, int h)
{
	int gap = div_px(c->s, QR_WORDS_GAP);

	return (struct layout_rect){ x, y + side + gap, side,
		                     imax(0, h - side - gap) };
}

int
layout_qr_height(struct ctx *c, int side, int h)
{
	const char *words;
	struct flow f = words_flow(c, &words);
	struct layout_rect box = words_box(c, 0, 0, side, h);
	struct stack st = { c, &f, 1, box, true };
	int level = layout_stack_level(&st);

	return box.y + layout_stack_run(c, &f, 1, box, level, true, false);
}

/* Pushes row y's runs of dark modules of a code at x0, y0. */
static void
place_row(struct ctx *c, const struct deck_qr *qr, int y, int x0, int y0,
          int px)
{
	const unsigned char *row = qr->modules + (size_t)y * (size_t)qr->size;

	for (int x = 0; x < qr->size;) {
		int end = x;

		if (!row[x]) {
			x++;
			continue;
		}
		while (end < qr->size && row[end])
			end++;
		layout_push_item(c, LAYOUT_RECT,
		                 (struct layout_rect){ x0 + x * px, y0 + y * px,
		                                       (end - x) * px, px },
		                 qr_dark);
		x = end;
	}
}

/* Flags a code drawn under the rule's minimum. */
static void
note_small(struct ctx *c, int px)
{
	if (px < qr_min_module_px(c->s))
		c->lay->qr_small = true;
}

int
layout_place_qr(struct ctx *c, int x, int y, int side, int h)
{
	const struct deck_qr *qr = qr_of(c);
	int px = side / qr_total_modules(qr->size);
	int origin = QR_QUIET * px;
	const char *words;
	struct flow f = words_flow(c, &words);

	note_small(c, px);
	layout_push_item(c, LAYOUT_RECT,
	                 (struct layout_rect){ x, y, side, side }, qr_light);
	for (int row = 0; row < qr->size; row++)
		place_row(c, qr, row, x + origin, y + origin, px);
	return words_box(c, x, y, side, h).y - y +
	       layout_place_stack(c, &f, 1, words_box(c, x, y, side, h),
	                          ALIGN_CENTER);
}

int
layout_qr_words_room(const struct ctx *c, int h)
{
	return div_px(c->s, QR_WORDS_GAP) + h / 5;
}

/* Whether the code goes right of the text: when the text keeps at least
 * half of the width. */
static bool
goes_right(const struct ctx *c, struct layout_rect area, int side)
{
	return area.w - side - layout_qr_gap(c) >= area.w / 2;
}

/* Where the slide's code goes in a space: its side, its height with its
 * words, the height it may take, and whether right of the text. */
struct plan {
	int side, h, room;
	bool right;
};

static struct plan
plan_in(struct ctx *c, struct layout_rect area)
{
	int words = layout_qr_words_room(c, area.h);
	struct plan q;

	q.side = layout_qr_side(c, area.w, area.h * 2 / 3, area.h - words);
	q.right = goes_right(c, area, q.side);
	if (!q.right)
		q.side = layout_qr_side(c, area.w, area.h * 2 / 5,
		                        area.h - words);
	q.room = q.right ? area.h : q.side + words;
	q.h = layout_qr_height(c, q.side, q.room);
	return q;
}

/* What q leaves of area to the text. */
static struct layout_rect
left_over(const struct ctx *c, struct layout_rect area, const struct plan *q)
{
	if (q->right)
		area.w -= q->side + layout_qr_gap(c);
	else
		area.h -= imin(area.h, q->h + layout_qr_gap(c));
	return area;
}

struct layout_rect
layout_qr_text_area(struct ctx *c, struct layout_rect area)
{
	struct plan q;

	if (!qr_of(c))
		return area;
	q = plan_in(c, area);
	return left_over(c, area, &q);
}

void
layout_qr_aside(struct ctx *c, struct layout_rect *area)
{
	struct layout_rect rest;
	struct plan q;

	if (!qr_of(c))
		return;
	q = plan_in(c, *area);
	rest = left_over(c, *area, &q);
	if (q.right)
		layout_place_qr(c, rest.x + rest.w + layout_qr_gap(c),
		                area->y + (area->h - q.h) / 2, q.side, q.room);
	else
		layout_place_qr(c, area->x + (area->w - q.side) / 2,
		                area->y + area->h - q.h, q.side, q.room);
	*area = rest;
}
