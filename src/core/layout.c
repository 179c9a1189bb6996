/*
 * layout: places one slide's content on a w x h screen as a display list.
 *
 * Every layout is built from the same pieces: a safe area inset by the
 * theme's margin, a heading with an accent rule, and stacks of flows. A flow
 * is a run of paragraphs in one role (title, body, bullet...); the role sets
 * the font, colour, spacing and largest size (the roles table). A stack is
 * fitted to its box as a whole at one level: level k takes every role's
 * ladder k steps down (never below the floor), so all paragraphs of a flow
 * share one size and the roles keep their order of size as text shrinks. The
 * smallest level whose stack fits is found by binary search; a level that
 * has to break an ordinary word (not a URL or CJK) counts as not fitting,
 * but at the floor. A heading fits its own share of the height and shrinks
 * further only when that lets the body under it fit. Text is only ever
 * measured through the caller's callbacks; wrapping is wrap.c's.
 */
#include "layout.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

#define LADDER_STEP 1.1  /* ratio between neighbouring sizes */
#define LADDER_SNAP 1.04 /* a size this close to the floor becomes it */
#define LADDER_MAX  40   /* sizes in a ladder at most */
#define MAX_LINES   256  /* lines of one paragraph placed at most */
#define MISFIT      (INT_MAX / 4) /* the height of a stack that cannot fit */

/* Geometry, as divisors of the screen's shorter side S or shares. */
#define RULE_DIV        160  /* accent rule thickness (at least 2 px) */
#define RULE_LEN_DIV    8    /* accent rule length */
#define RULE_GAP_DIV    60   /* space between text and the rule under it */
#define HEAD_GAP_DIV    30   /* space between a heading's rule and the body */
#define HEAD_SHARE      0.34 /* of the content height, for the heading */
#define CAPTION_SHARE   0.2  /* of the image slide's height, for the caption */
#define CAPTION_GAP_DIV 60   /* space between picture and caption */
#define CARD_GAP_DIV    40   /* space between cards */
#define CARD_PAD_DIV    45   /* space inside a card around its text */
#define CARD_BAR_DIV    160  /* width of a card's accent bar (at least 3 px) */
#define CARD_ASPECT     1.6  /* preferred card shape when sizes tie */
#define GRID_MAX_COLS   6
#define MARKER_SIZE     0.3 /* bullet square, of the bullet's px */
#define MARKER_INDENT   0.9 /* bullet text's indent, of the bullet's px */

enum role {
	ROLE_TITLE,    /* the title slide's title */
	ROLE_SUBTITLE, /* the title slide's subtitle */
	ROLE_HEADING,  /* other slides' title */
	ROLE_BODY,     /* paragraphs */
	ROLE_BULLET,
	ROLE_KICKER, /* the small line above a statement */
	ROLE_STATEMENT,
	ROLE_CARD_NAME,
	ROLE_CARD_TEXT,
	ROLE_NAME,   /* a contact's name */
	ROLE_DETAIL, /* a contact's role and organisation */
	ROLE_LINK,   /* a contact's email, phone and url */
	ROLE_CAPTION,
	ROLE_COUNT
};

struct role_spec {
	double divisor;    /* largest px = S * text_scale / divisor */
	bool heading_font; /* else the body font */
	bool accent;       /* accent colour, else the text colour */
	bool marker;       /* bullets: a marker and a hanging indent */
	double gap;        /* space above the flow after another, in lines */
	double para_gap;   /* space between its paragraphs, in lines */
};

static const struct role_spec roles[ROLE_COUNT] = {
	[ROLE_TITLE] = { .divisor = 6, .heading_font = true, .para_gap = 0.2 },
	[ROLE_SUBTITLE] = { .divisor = 12, .gap = 0.6, .para_gap = 0.2 },
	[ROLE_HEADING] = { .divisor = 11, .heading_font = true },
	[ROLE_BODY] = { .divisor = 16, .gap = 0.8, .para_gap = 0.5 },
	[ROLE_BULLET] = { .divisor = 16, .marker = true, .para_gap = 0.35 },
	[ROLE_KICKER] = { .divisor = 16, .heading_font = true, .accent = true },
	[ROLE_STATEMENT] = { .divisor = 8, .heading_font = true, .gap = 0.4 },
	[ROLE_CARD_NAME] = { .divisor = 16, .heading_font = true },
	[ROLE_CARD_TEXT] = { .divisor = 20, .gap = 0.25, .para_gap = 0.3 },
	[ROLE_NAME] = { .divisor = 9, .heading_font = true },
	[ROLE_DETAIL] = { .divisor = 15, .gap = 0.2, .para_gap = 0.1 },
	[ROLE_LINK] = { .divisor = 18,
	                .accent = true,
	                .gap = 0.6,
	                .para_gap = 0.1 },
	[ROLE_CAPTION] = { .divisor = 20, .para_gap = 0.2 },
};

/* Stack placement flags. */
enum { ALIGN_CENTER = 1, ALIGN_MIDDLE = 2 };

/* What one layout_slide call works with. */
struct ctx {
	struct layout *lay;
	const struct deck *deck;
	const struct deck_slide *slide;
	const struct layout_measurer *m;
	int index; /* of the slide */
	int s;     /* the screen's shorter side */
	int max_px[ROLE_COUNT];
	int levels[ROLE_COUNT]; /* sizes in each role's ladder */
	struct deck_color bg, panel;
};

/* A run of paragraphs in one role. */
struct flow {
	const char *const *v; /* paragraphs, borrowed; NULL ones skipped */
	size_t n;
	enum role role;
	bool rule; /* an accent rule under it */
};

/* A flow's role at one level. */
struct style {
	enum deck_font font;
	int px, lh, indent;
	struct deck_color color;
	bool marker;
};

/* Placing (or, when !emit, only measuring) a stack in a box. */
struct run {
	struct ctx *c;
	struct layout_rect box;
	int level;
	bool center, emit;
	int y;    /* height used so far, from box.y; MISFIT: cannot fit */
	bool any; /* a flow was placed: the next gets its gap */
	bool cut; /* a line did not fit: nothing more is placed */
};

/* A stack to fit, for search_level. */
struct stack {
	struct ctx *c;
	const struct flow *fl;
	size_t n;
	struct layout_rect box;
	bool center;
};

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

/* S / div, rounded, at least 1. */
static int
div_px(int s, int div)
{
	return imax(1, (int)lround((double)s / div));
}

/*
 * Wrapping, through wrap.c.
 */

/* A measurer at one font and size, as wrap.c measures. */
struct font_measure {
	const struct layout_measurer *m;
	enum deck_font font;
	int px;
};

static int
font_width(void *ctx, const char *s, size_t len)
{
	const struct font_measure *fm = ctx;

	return fm->m->text_width(fm->m->ctx, fm->font, fm->px, s, len);
}

/* Where wrapped lines are kept: up to max of them. */
struct span_sink {
	struct layout_span *v;
	size_t max;
};

static void
keep_span(void *ctx, size_t i, struct wrap_span line)
{
	struct span_sink *sink = ctx;

	if (i < sink->max)
		sink->v[i] =
		        (struct layout_span){ line.off, line.len, line.width };
}

/* Wraps s for width in font/px into up to max spans (none when max is 0),
 * stopping once more than stop lines are found. */
static struct wrap_result
wrap_spans(const char *s, size_t len, int width, struct font_measure *fm,
           struct span_sink *sink, size_t stop)
{
	struct wrap_opts o = { .width = width,
		               .measure = font_width,
		               .measure_ctx = fm,
		               .line = sink->max ? keep_span : NULL,
		               .line_ctx = sink,
		               .stop = stop };

	return wrap_text(s, len, &o);
}

size_t
layout_wrap(const char *s, size_t len, int width, enum deck_font font, int px,
            const struct layout_measurer *m, struct layout_span *lines,
            size_t max)
{
	struct font_measure fm = { m, font, px };
	struct span_sink sink = { lines, max };

	assert(m && (s || !len) && (lines || !max));
	return wrap_spans(s, len, width, &fm, &sink, SIZE_MAX).n;
}

/*
 * Sizes.
 */

/* Size k of the ladder from max_px down to floor_px. */
static int
rung_px(int max_px, int floor_px, int k)
{
	int px = (int)lround(max_px * pow(LADDER_STEP, -k));

	if (k >= LADDER_MAX - 1 || px <= floor_px * LADDER_SNAP)
		return floor_px;
	return px;
}

size_t
layout_ladder(int max_px, int floor_px, int *px, size_t cap)
{
	size_t n = 0;

	for (int k = 0; n < cap; k++) {
		px[n++] = rung_px(max_px, floor_px, k);
		if (px[n - 1] == floor_px)
			break;
	}
	return n;
}

static int
line_height(const struct ctx *c, enum deck_font font, int px)
{
	return imax(1, c->m->line_height(c->m->ctx, font, px));
}

static struct style
style_of(const struct ctx *c, enum role role, int level)
{
	const struct role_spec *spec = &roles[role];
	const struct deck_theme *t = &c->deck->theme;
	struct style st;

	st.font = spec->heading_font ? t->heading_font : t->body_font;
	st.px = rung_px(c->max_px[role], c->lay->floor_px, level);
	st.lh = line_height(c, st.font, st.px);
	st.color = spec->accent ? t->accent : t->text;
	st.marker = spec->marker;
	st.indent = st.marker ? (int)lround(st.px * MARKER_INDENT) : 0;
	return st;
}

/*
 * The display list.
 */

/* Appends an item; returns it, zeroed but for what is given. */
static struct layout_item *
push_item(struct ctx *c, enum layout_kind kind, struct layout_rect box,
          struct deck_color color)
{
	struct layout *lay = c->lay;
	struct layout_item *it;

	if (lay->n == lay->cap) {
		lay->cap = lay->cap ? lay->cap * 2 : 32;
		lay->items =
		        xrealloc(lay->items, lay->cap * sizeof(*lay->items));
	}
	it = &lay->items[lay->n++];
	*it = (struct layout_item){ .kind = kind,
		                    .box = box,
		                    .color = color,
		                    .slide_index = c->index };
	return it;
}

static void
push_text(struct run *r, const struct style *st, const char *s,
          const struct layout_span *sp, int width)
{
	struct layout *lay = r->c->lay;
	struct layout_rect box = { r->box.x + st->indent, r->box.y + r->y,
		                   sp->width, st->lh };
	struct layout_item *it;

	if (r->center)
		box.x += (width - sp->width) / 2;
	it = push_item(r->c, LAYOUT_TEXT, box, st->color);
	it->font = st->font;
	it->px = st->px;
	it->text = s + sp->off;
	it->len = sp->len;
	if (!lay->min_px || st->px < lay->min_px)
		lay->min_px = st->px;
}

/* A bullet's square, a little below the middle of its first line. */
static void
push_marker(struct run *r, const struct style *st)
{
	int d = imin(st->lh, imax(2, (int)lround(st->px * MARKER_SIZE)));
	int off = (st->lh - d) / 2 + (st->lh - d) / 8;
	struct layout_rect box = { r->box.x, r->box.y + r->y + off, d, d };

	push_item(r->c, LAYOUT_RECT, box, r->c->deck->theme.accent);
}

/*
 * Stacks.
 */

static void
run_cut(struct run *r)
{
	r->cut = true;
	r->c->lay->overflow = true;
}

/* Places the n wrapped lines of s, up to the first that does not fit. */
static void
place_lines(struct run *r, const struct style *st, const char *s,
            const struct layout_span *spans, size_t n)
{
	int width = r->box.w - st->indent;

	for (size_t l = 0; l < n; l++) {
		if (l == MAX_LINES || r->y + st->lh > r->box.h ||
		    spans[l].width > width) {
			run_cut(r);
			return;
		}
		if (l == 0 && st->marker)
			push_marker(r, st);
		if (spans[l].len)
			push_text(r, st, s, &spans[l], width);
		r->y += st->lh;
	}
}

/*
 * Wraps and places (or measures) one paragraph; wraps only as far as the
 * box has room for. Measuring, a size that breaks an ordinary word does not
 * fit, unless it is the floor.
 */
static void
run_para(struct run *r, const struct style *st, const char *s)
{
	struct layout_span spans[MAX_LINES];
	int room = r->box.h - r->y;
	struct font_measure fm = { r->c->m, st->font, st->px };
	struct span_sink sink = { spans, r->emit ? MAX_LINES : 0 };
	struct wrap_result res =
	        wrap_spans(s, strlen(s), r->box.w - st->indent, &fm, &sink,
	                   room > 0 ? (size_t)(room / st->lh) : 0);

	if (r->emit) {
		place_lines(r, st, s, spans, res.n);
	} else if (res.broke && st->px > r->c->lay->floor_px) {
		r->y = MISFIT;
		r->cut = true;
	} else {
		r->y += (int)res.n * st->lh;
	}
}

static void
run_rule(struct run *r)
{
	int s = r->c->s, gap = div_px(s, RULE_GAP_DIV);
	int t = imax(2, div_px(s, RULE_DIV));
	int len = imin(r->box.w, div_px(s, RULE_LEN_DIV));
	struct layout_rect box = { r->box.x, r->box.y + r->y + gap, len, t };

	if (r->emit) {
		if (r->y + gap + t > r->box.h) {
			run_cut(r);
			return;
		}
		if (r->center)
			box.x += (r->box.w - len) / 2;
		push_item(r->c, LAYOUT_RECT, box, r->c->deck->theme.accent);
	}
	r->y += gap + t;
}

static bool
has_text(const struct flow *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i] && f->v[i][0])
			return true;
	return false;
}

static void
run_flow(struct run *r, const struct flow *f)
{
	const struct role_spec *spec = &roles[f->role];
	struct style st = style_of(r->c, f->role, r->level);
	bool first = true;

	if (!has_text(f))
		return;
	if (r->any)
		r->y += (int)lround(spec->gap * st.lh);
	for (size_t i = 0; i < f->n && !r->cut; i++) {
		if (!f->v[i] || !f->v[i][0])
			continue;
		if (!first)
			r->y += (int)lround(spec->para_gap * st.lh);
		run_para(r, &st, f->v[i]);
		first = false;
		if (!r->emit && r->y > r->box.h)
			r->cut = true; /* too tall already: stop measuring */
	}
	if (f->rule && !r->cut)
		run_rule(r);
	r->any = true;
}

/*
 * Places the flows top to bottom in box at level (when emit; else only
 * measures them) and returns the height they take. Placing stops at the
 * first line that does not fit, and flags the overflow. Measuring stops
 * once the flows are taller than box (the height returned is then only
 * known to exceed box.h), and returns MISFIT when the level breaks an
 * ordinary word above the floor.
 */
static int
stack_run(struct ctx *c, const struct flow *fl, size_t n,
          struct layout_rect box, int level, bool center, bool emit)
{
	struct run r = { .c = c,
		         .box = box,
		         .level = level,
		         .center = center,
		         .emit = emit };

	for (size_t i = 0; i < n && !r.cut; i++)
		run_flow(&r, &fl[i]);
	return r.y;
}

static bool
stack_fits(void *arg, int level)
{
	const struct stack *st = arg;

	return stack_run(st->c, st->fl, st->n, st->box, level, st->center,
	                 false) <= st->box.h;
}

/* The last level of the flows: the one with every one at the floor. */
static int
last_level(const struct ctx *c, const struct flow *fl, size_t n)
{
	int levels = 1;

	for (size_t i = 0; i < n; i++)
		levels = imax(levels, c->levels[fl[i].role]);
	return levels - 1;
}

/* The smallest level in [0, hi] that fits, else hi. Assumes that a level
 * that fits is followed by levels that fit. */
static int
search_level(int hi, bool (*fits)(void *arg, int level), void *arg)
{
	int lo = 0;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (fits(arg, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
 * Fits the flows into box at the largest sizes that fit, places them (flags:
 * ALIGN_CENTER centres each line, ALIGN_MIDDLE the whole stack vertically)
 * and returns the height they take.
 */
static int
place_stack(struct ctx *c, const struct flow *fl, size_t n,
            struct layout_rect box, unsigned flags)
{
	bool center = flags & ALIGN_CENTER;
	struct stack st = { c, fl, n, box, center };
	int level = search_level(last_level(c, fl, n), stack_fits, &st);

	if (flags & ALIGN_MIDDLE) {
		int h = stack_run(c, fl, n, box, level, center, false);

		if (h < box.h) {
			box.y += (box.h - h) / 2;
			box.h = h;
		}
	}
	return stack_run(c, fl, n, box, level, center, true);
}

/*
 * The layouts. Each gets the content area: the safe area less the reserved
 * band at its bottom.
 */

/* Whether what goes under a heading fits area with its text at the floor;
 * arg is the layout's own. */
typedef bool body_fits_fn(struct ctx *c, struct layout_rect area,
                          const void *arg);

/* Takes used px (at most all) off the top of *area. */
static void
take_top(struct layout_rect *area, int used)
{
	used = imin(used, area->h);
	area->y += used;
	area->h -= used;
}

/* A heading over a body, for heading_room. */
struct headed {
	struct ctx *c;
	const struct stack *head; /* the heading in its box */
	struct layout_rect area;  /* for both */
	body_fits_fn *body_fits;
	const void *arg;
};

/* Whether the body fits under the heading at level k. */
static bool
leaves_room(const struct headed *hd, int k)
{
	const struct stack *head = hd->head;
	struct layout_rect rest = hd->area;
	int h = stack_run(hd->c, head->fl, 1, head->box, k, false, false);

	if (h > head->box.h)
		return false;
	take_top(&rest, h + div_px(hd->c->s, HEAD_GAP_DIV));
	return hd->body_fits(hd->c, rest, hd->arg);
}

/*
 * The first heading level from level on that leaves the body room; level
 * when none does (the body overflows anyway: the heading keeps its size).
 */
static int
heading_room(const struct headed *hd, int level)
{
	int last = last_level(hd->c, hd->head->fl, 1);

	if (leaves_room(hd, level) || !leaves_room(hd, last))
		return level;
	while (++level < last && !leaves_room(hd, level))
		;
	return level;
}

/*
 * Places the slide's heading and its rule at the top of *area, at the
 * largest size that fits HEAD_SHARE of it and leaves the body room
 * (body_fits, when not NULL) if any size can, and takes the space used,
 * with a gap, off *area.
 */
static void
place_heading(struct ctx *c, struct layout_rect *area, body_fits_fn *body_fits,
              const void *arg)
{
	struct flow f = { &c->slide->title, 1, ROLE_HEADING, true };
	struct layout_rect box = { area->x, area->y, area->w,
		                   (int)(area->h * HEAD_SHARE) };
	struct stack st = { c, &f, 1, box, false };
	int level;

	if (!has_text(&f))
		return;
	level = search_level(last_level(c, &f, 1), stack_fits, &st);
	if (body_fits) {
		struct headed hd = { c, &st, *area, body_fits, arg };

		level = heading_room(&hd, level);
	}
	take_top(area, stack_run(c, &f, 1, box, level, false, true) +
	                       div_px(c->s, HEAD_GAP_DIV));
}

/* body_fits for a stack: arg is its struct stack (its box unused). */
static bool
stack_room(struct ctx *c, struct layout_rect area, const void *arg)
{
	const struct stack *st = arg;
	int last = last_level(c, st->fl, st->n);

	return stack_run(c, st->fl, st->n, area, last, st->center, false) <=
	       area.h;
}

/* Places a heading and under it the flows, left-aligned (flags as for
 * place_stack). */
static void
place_headed(struct ctx *c, struct layout_rect area, const struct flow *fl,
             size_t n, unsigned flags)
{
	struct stack body = { c, fl, n, area, false };

	place_heading(c, &area, stack_room, &body);
	place_stack(c, fl, n, area, flags);
}

static void
layout_title(struct ctx *c, struct layout_rect area)
{
	const struct deck_slide *sl = c->slide;
	const struct flow fl[] = {
		{ &sl->title, 1, ROLE_TITLE, true },
		{ &sl->subtitle, 1, ROLE_SUBTITLE, false },
		{ sl->text.v, sl->text.n, ROLE_BODY, false },
	};

	place_stack(c, fl, 3, area, ALIGN_CENTER | ALIGN_MIDDLE);
}

static void
layout_text(struct ctx *c, struct layout_rect area)
{
	struct flow f = { c->slide->text.v, c->slide->text.n, ROLE_BODY,
		          false };

	place_headed(c, area, &f, 1, 0);
}

static void
layout_bullets(struct ctx *c, struct layout_rect area)
{
	struct flow f = { c->slide->bullets.v, c->slide->bullets.n, ROLE_BULLET,
		          false };

	place_headed(c, area, &f, 1, 0);
}

static void
layout_statement(struct ctx *c, struct layout_rect area)
{
	const struct flow fl[] = {
		{ &c->slide->title, 1, ROLE_KICKER, false },
		{ &c->slide->statement, 1, ROLE_STATEMENT, false },
	};

	place_stack(c, fl, 2, area, ALIGN_CENTER | ALIGN_MIDDLE);
}

static void
layout_contact(struct ctx *c, struct layout_rect area)
{
	const struct deck_contact *ct = &c->slide->contact;
	const char *details[] = { ct->role, ct->organisation };
	const char *links[] = { ct->email, ct->phone, ct->url };
	const struct flow fl[] = {
		{ &ct->name, 1, ROLE_NAME, false },
		{ details, 2, ROLE_DETAIL, false },
		{ links, 3, ROLE_LINK, false },
		{ c->slide->text.v, c->slide->text.n, ROLE_BODY, false },
	};

	place_headed(c, area, fl, 4, ALIGN_MIDDLE);
}

/* Places the caption at the bottom of *area and takes it off *area. */
static void
place_caption(struct ctx *c, struct layout_rect *area)
{
	struct flow f = { &c->slide->caption, 1, ROLE_CAPTION, false };
	struct layout_rect box = { area->x, area->y, area->w,
		                   (int)(area->h * CAPTION_SHARE) };
	struct stack st = { c, &f, 1, box, true };
	int level, h;

	if (!has_text(&f))
		return;
	level = search_level(last_level(c, &f, 1), stack_fits, &st);
	h = imin(box.h, stack_run(c, &f, 1, box, level, true, false));
	box.y = area->y + area->h - h;
	box.h = h;
	stack_run(c, &f, 1, box, level, true, true);
	area->h -= imin(area->h, h + div_px(c->s, CAPTION_GAP_DIV));
}

static void
layout_image(struct ctx *c, struct layout_rect area)
{
	struct layout_item *it;

	place_heading(c, &area, NULL, NULL);
	place_caption(c, &area);
	if (!c->slide->image || area.w <= 0 || area.h <= 0)
		return;
	it = push_item(c, LAYOUT_IMAGE, area, c->deck->theme.text);
	it->image = c->slide->image;
}

/*
 * Cards: a grid of equal cells, as many columns as let the text be largest.
 */

struct grid {
	struct layout_rect area;
	int cols, cell_w, cell_h, gap, pad, bar;
	int level; /* of every card's text */
	bool fits; /* at level */
};

struct grid_probe {
	struct ctx *c;
	const struct grid *g;
};

static struct layout_rect
grid_cell(const struct grid *g, size_t j)
{
	int col = (int)j % g->cols, row = (int)j / g->cols;

	return (struct layout_rect){ g->area.x + col * (g->cell_w + g->gap),
		                     g->area.y + row * (g->cell_h + g->gap),
		                     g->cell_w, g->cell_h };
}

/* Where a card's text goes in its cell: right of the bar, padded. */
static struct layout_rect
card_inner(const struct grid *g, struct layout_rect cell)
{
	return (struct layout_rect){ cell.x + g->bar + g->pad, cell.y + g->pad,
		                     cell.w - g->bar - 2 * g->pad,
		                     cell.h - 2 * g->pad };
}

static void
card_flows(const struct deck_card *card, struct flow fl[2])
{
	fl[0] = (struct flow){ &card->name, 1, ROLE_CARD_NAME, false };
	fl[1] = (struct flow){ &card->text, 1, ROLE_CARD_TEXT, false };
}

/* Height of a card's text in inner at level. */
static int
card_height(struct ctx *c, const struct deck_card *card,
            struct layout_rect inner, int level)
{
	struct flow fl[2];

	card_flows(card, fl);
	return stack_run(c, fl, 2, inner, level, false, false);
}

/* Height of the tallest card's text at level. */
static int
cards_height(struct ctx *c, const struct grid *g, int level)
{
	struct layout_rect inner = card_inner(g, grid_cell(g, 0));
	int h = 0;

	for (size_t j = 0; j < c->slide->n_cards; j++)
		h = imax(h, card_height(c, &c->slide->cards[j], inner, level));
	return h;
}

static bool
cards_fit(void *arg, int level)
{
	const struct grid_probe *p = arg;
	struct layout_rect inner = card_inner(p->g, grid_cell(p->g, 0));

	for (size_t j = 0; j < p->c->slide->n_cards; j++)
		if (card_height(p->c, &p->c->slide->cards[j], inner, level) >
		    inner.h)
			return false;
	return true;
}

static int
rows_for(size_t n, int cols)
{
	return (int)((n + (size_t)cols - 1) / (size_t)cols);
}

/* Sets up a grid of cols columns for n cards; false when it has no room. */
static bool
grid_init(struct grid *g, const struct ctx *c, struct layout_rect area,
          int cols, size_t n)
{
	int rows = rows_for(n, cols);

	*g = (struct grid){ .area = area, .cols = cols };
	g->gap = div_px(c->s, CARD_GAP_DIV);
	g->pad = div_px(c->s, CARD_PAD_DIV);
	g->bar = imax(3, div_px(c->s, CARD_BAR_DIV));
	g->cell_w = (area.w - (cols - 1) * g->gap) / cols;
	g->cell_h = (area.h - (rows - 1) * g->gap) / rows;
	return g->cell_w - g->bar - 2 * g->pad > 0 &&
	       g->cell_h - 2 * g->pad > 0;
}

/* The cards' last level: name and text at the floor. */
static int
cards_last_level(const struct ctx *c)
{
	const struct flow fl[] = { { NULL, 0, ROLE_CARD_NAME, false },
		                   { NULL, 0, ROLE_CARD_TEXT, false } };

	return last_level(c, fl, 2);
}

/* Finds g's level; only levels below best's (when it fits) count. */
static void
grid_level(struct ctx *c, struct grid *g, const struct grid *best)
{
	int last = cards_last_level(c);
	int hi = best && best->fits ? best->level : last;
	struct grid_probe p = { c, g };

	g->fits = cards_fit(&p, hi);
	g->level = g->fits ? search_level(hi, cards_fit, &p) : last;
}

/* How far a cell's shape is from the preferred one. */
static double
grid_misshape(const struct grid *g)
{
	return fabs(log((double)g->cell_w / g->cell_h / CARD_ASPECT));
}

static bool
grid_better(const struct grid *a, const struct grid *b)
{
	if (a->fits != b->fits)
		return a->fits;
	if (a->level != b->level)
		return a->level < b->level;
	return grid_misshape(a) < grid_misshape(b);
}

/*
 * Chooses the grid for n cards in area: the column count that lets the text
 * be largest, the best-shaped cells among equals (also when none fits: then
 * the text is cut, rather than cells too narrow for a word). Only the fewest
 * columns for each row count are tried (more would only narrow the cells).
 * Returns false when no grid has room.
 */
static bool
grid_choose(struct ctx *c, struct layout_rect area, size_t n, struct grid *best)
{
	bool found = false;

	for (int cols = 1; cols <= GRID_MAX_COLS && (size_t)cols <= n; cols++) {
		struct grid g = { 0 };

		if (cols > 1 && rows_for(n, cols) == rows_for(n, cols - 1))
			continue;
		if (!grid_init(&g, c, area, cols, n))
			continue;
		grid_level(c, &g, found ? best : NULL);
		if (!found || grid_better(&g, best)) {
			*best = g;
			found = true;
		}
	}
	return found;
}

static void
place_card(struct ctx *c, const struct grid *g, const struct deck_card *card,
           struct layout_rect cell)
{
	struct layout_rect bar = { cell.x, cell.y, g->bar, cell.h };
	struct flow fl[2];

	push_item(c, LAYOUT_RECT, cell, c->panel);
	push_item(c, LAYOUT_RECT, bar, c->deck->theme.accent);
	card_flows(card, fl);
	stack_run(c, fl, 2, card_inner(g, cell), g->level, false, true);
}

/* body_fits for cards: some grid fits area at the floor. */
static bool
cards_room(struct ctx *c, struct layout_rect area, const void *arg)
{
	size_t n = c->slide->n_cards;

	(void)arg;
	for (int cols = 1; cols <= GRID_MAX_COLS && (size_t)cols <= n; cols++) {
		struct grid g = { 0 };
		struct grid_probe p = { c, &g };

		if (grid_init(&g, c, area, cols, n) &&
		    cards_fit(&p, cards_last_level(c)))
			return true;
	}
	return n == 0;
}

static void
layout_cards(struct ctx *c, struct layout_rect area)
{
	size_t n = c->slide->n_cards;
	struct grid g = { 0 };

	place_heading(c, &area, cards_room, NULL);
	if (n == 0)
		return;
	if (!grid_choose(c, area, n, &g)) {
		c->lay->overflow = true;
		return;
	}
	g.cell_h = imin(g.cell_h, cards_height(c, &g, g.level) + 2 * g.pad);
	for (size_t j = 0; j < n; j++)
		place_card(c, &g, &c->slide->cards[j], grid_cell(&g, j));
}

/*
 * Entry points.
 */

static void (*const layouts[DECK_LAYOUT_COUNT])(struct ctx *,
                                                struct layout_rect) = {
	[DECK_LAYOUT_TITLE] = layout_title,
	[DECK_LAYOUT_TEXT] = layout_text,
	[DECK_LAYOUT_BULLETS] = layout_bullets,
	[DECK_LAYOUT_STATEMENT] = layout_statement,
	[DECK_LAYOUT_CARDS] = layout_cards,
	[DECK_LAYOUT_CONTACT] = layout_contact,
	[DECK_LAYOUT_IMAGE] = layout_image,
};

void
layout_init(struct layout *lay)
{
	*lay = (struct layout){ 0 };
}

void
layout_destroy(struct layout *lay)
{
	free(lay->items);
	*lay = (struct layout){ 0 };
}

static void
layout_clear(struct layout *lay)
{
	lay->n = 0;
	lay->safe = (struct layout_rect){ 0 };
	lay->floor_px = lay->min_px = 0;
	lay->overflow = false;
}

/* A panel colour a little lighter than a dark background, or darker than a
 * light one. */
static struct deck_color
panel_color(struct deck_color bg)
{
	double luma = (0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b) / 255;
	double t = luma < 0.5 ? 0.1 : 0.06;
	int to = luma < 0.5 ? 255 : 0;

	return (struct deck_color){ (uint8_t)lround(bg.r + (to - bg.r) * t),
		                    (uint8_t)lround(bg.g + (to - bg.g) * t),
		                    (uint8_t)lround(bg.b + (to - bg.b) * t) };
}

static struct layout_rect
safe_area(int w, int h, double margin)
{
	int mx, my;

	margin = margin < 0 ? 0 : margin > 0.25 ? 0.25 : margin;
	mx = (int)lround(w * margin);
	my = (int)lround(h * margin);
	return (struct layout_rect){ mx, my, w - 2 * mx, h - 2 * my };
}

static void
ctx_init(struct ctx *c, struct layout *lay, const struct deck *deck, size_t i,
         int w, int h, const struct layout_measurer *m)
{
	double scale = deck->theme.text_scale > 0 ? deck->theme.text_scale : 1;
	int ladder[LADDER_MAX];

	*c = (struct ctx){ .lay = lay,
		           .deck = deck,
		           .slide = &deck->slides[i],
		           .m = m,
		           .index = (int)i,
		           .s = imin(w, h) };
	lay->floor_px =
	        (c->s + LAYOUT_FLOOR_DIVISOR - 1) / LAYOUT_FLOOR_DIVISOR;
	lay->safe = safe_area(w, h, deck->theme.margin);
	for (int r = 0; r < ROLE_COUNT; r++) {
		double px = c->s * scale / roles[r].divisor;

		c->max_px[r] = imax(lay->floor_px, (int)lround(px));
		c->levels[r] = (int)layout_ladder(c->max_px[r], lay->floor_px,
		                                  ladder, LADDER_MAX);
	}
	c->bg = c->slide->has_background ? c->slide->background
	                                 : deck->theme.background;
	c->panel = panel_color(c->bg);
}

int
layout_slide(struct layout *lay, const struct deck *deck, size_t i, int w,
             int h, int reserve_bottom, const struct layout_measurer *m)
{
	struct layout_rect area;
	struct ctx c;

	assert(lay && deck && m && reserve_bottom >= 0);
	layout_clear(lay);
	if (w < LAYOUT_MIN_SIDE || h < LAYOUT_MIN_SIDE || i >= deck->n_slides)
		return -1;
	assert(deck->slides[i].layout < DECK_LAYOUT_COUNT);
	ctx_init(&c, lay, deck, i, w, h, m);
	push_item(&c, LAYOUT_RECT, (struct layout_rect){ 0, 0, w, h }, c.bg);
	area = lay->safe;
	area.h -= imin(area.h, reserve_bottom);
	layouts[deck->slides[i].layout](&c, area);
	return 0;
}
