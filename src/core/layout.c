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
 * but at the floor. Text is only ever measured through the caller's
 * callbacks; breaking a paragraph into lines is layout_lines.c's (through
 * wrap.c), the layouts themselves are in layout_kinds.c.
 */
#include "layout.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "lang.h"
#include "layout_internal.h"
#include "textrun.h"
#include "util.h"
#include "wrap.h"

#define LADDER_STEP 1.1  /* ratio between neighbouring sizes */
#define LADDER_SNAP 1.04 /* a size this close to the floor becomes it */
#define LADDER_MAX  40   /* sizes in a ladder at most */
#define MISFIT      (INT_MAX / 4) /* the height of a stack that cannot fit */

/* Geometry, as divisors of the screen's shorter side S or shares. */
#define RULE_DIV      160 /* accent rule thickness (at least 2 px) */
#define RULE_LEN_DIV  8   /* accent rule length */
#define RULE_GAP_DIV  60  /* space between text and the rule under it */
#define MARKER_SIZE   0.3 /* bullet square, of the bullet's px */
#define MARKER_INDENT 0.9 /* bullet text's indent, of the bullet's px */
/* Running text's px is at most the safe width / MEASURE_DIV: about 24
 * characters a line or more. */
#define MEASURE_DIV 12

struct role_spec {
	double divisor;    /* largest px = S * text_scale / divisor */
	bool reading;      /* running text: at most a measure's px */
	bool heading_font; /* else the body font */
	bool accent;       /* accent colour, else the text colour */
	bool marker;       /* bullets: a marker and a hanging indent */
	double gap;        /* space above the flow after another, in lines */
	double para_gap;   /* space between its paragraphs, in lines */
};

static const struct role_spec roles[ROLE_COUNT] = {
	[ROLE_TITLE] = { .divisor = 6, .heading_font = true, .para_gap = 0.2 },
	[ROLE_SUBTITLE] = { .divisor = 12, .gap = 0.6, .para_gap = 0.2 },
	[ROLE_HEADING] = { .divisor = 9, .heading_font = true },
	[ROLE_LEAD] = { .divisor = 16, .gap = 0.8, .para_gap = 0.5 },
	[ROLE_BODY] = { .divisor = 12,
	                .reading = true,
	                .gap = 0.8,
	                .para_gap = 0.5 },
	[ROLE_BULLET] = { .divisor = 12,
	                  .reading = true,
	                  .marker = true,
	                  .para_gap = 0.35 },
	[ROLE_KICKER] = { .divisor = 16, .heading_font = true, .accent = true },
	[ROLE_FIGURE] = { .divisor = 3, .heading_font = true, .gap = 0.1 },
	[ROLE_STATEMENT] = { .divisor = 8, .heading_font = true, .gap = 0.4 },
	[ROLE_CARD_NAME] = { .divisor = 16, .heading_font = true },
	[ROLE_CARD_TEXT] = { .divisor = 20, .gap = 0.25, .para_gap = 0.3 },
	[ROLE_NAME] = { .divisor = 7, .heading_font = true },
	[ROLE_DETAIL] = { .divisor = 12, .gap = 0.2, .para_gap = 0.1 },
	[ROLE_LINK] = { .divisor = 14,
	                .accent = true,
	                .gap = 0.6,
	                .para_gap = 0.1 },
	[ROLE_CAPTION] = { .divisor = 20, .para_gap = 0.2 },
};

/* A flow's role at one level. */
struct style {
	enum deck_font font;
	int px, lh, indent;
	struct deck_color color;
	bool marker;
	bool balance; /* break into lines of similar length */
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
	bool rtl; /* the paragraph placed last is right to left: its lines,
	             bullet and rule go on the right */
};

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
	size_t n;

	for (n = 0; n < cap && (n == 0 || px[n - 1] != floor_px); n++)
		px[n] = rung_px(max_px, floor_px, (int)n);
	return n;
}

static int
line_height(const struct ctx *c, enum deck_font font, int px)
{
	return imax(1, c->m->line_height(c->m->ctx, font, px));
}

int
layout_role_px(const struct ctx *c, enum role role, int level)
{
	return rung_px(c->max_px[role], c->lay->floor_px, level);
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
	st.balance = role == ROLE_TITLE || role == ROLE_HEADING ||
	             role == ROLE_STATEMENT;
	st.indent = st.marker ? (int)lround(st.px * MARKER_INDENT) : 0;
	return st;
}

/*
 * The display list.
 */

/* Appends an item; returns it, zeroed but for what is given. */
struct layout_item *
layout_push_item(struct ctx *c, enum layout_kind kind, struct layout_rect box,
                 struct deck_color color)
{
	struct layout *lay = c->lay;

	lay->items = util_grow(lay->items, lay->n, &lay->cap,
	                       sizeof(*lay->items), 32);
	lay->items[lay->n] = (struct layout_item){ .kind = kind,
		                                   .box = box,
		                                   .color = color,
		                                   .slide_index = c->index };
	return &lay->items[lay->n++];
}

static void
push_text(struct run *r, const struct style *st, const char *s,
          const struct wrap_span *sp, int width)
{
	struct layout *lay = r->c->lay;
	struct layout_rect box = { r->box.x + st->indent, r->box.y + r->y,
		                   sp->width, st->lh };
	struct layout_item *it;

	if (r->center)
		box.x += (width - sp->width) / 2;
	else if (r->rtl)
		box.x = r->box.x + r->box.w - st->indent - sp->width;
	it = layout_push_item(r->c, LAYOUT_TEXT, box, st->color);
	it->rtl = r->rtl;
	it->font = st->font;
	it->px = st->px;
	it->text = s + sp->off;
	it->len = sp->len;
	if (!lay->min_px || st->px < lay->min_px)
		lay->min_px = st->px;
}

bool
layout_text_rtl(const struct ctx *c, const char *s)
{
	return lang_is_rtl(deck_text_lang(c->deck, s)) ||
	       textrun_is_rtl(s, strlen(s));
}

int
layout_role_lh(const struct ctx *c, enum role role, int level)
{
	return style_of(c, role, level).lh;
}

int
layout_place_clipped(struct ctx *c, enum role role, int level, const char *s,
                     struct layout_rect box, size_t max, bool center, bool emit)
{
	struct style st = style_of(c, role, level);
	struct font_measure fm = { c->m, st.font, st.px, st.balance };
	struct wrap_span spans[4];
	struct wrap_keep sink = { spans, imin((int)max, 4) };
	struct run r = { .c = c, .box = box, .center = center, .emit = emit };
	struct wrap_result res;
	size_t n;

	if (!s || !*s || !sink.max)
		return 0;
	res = layout_wrap(s, strlen(s), box.w, &fm, &sink, sink.max);
	n = res.n < sink.max ? res.n : sink.max;
	for (size_t l = 0; emit && l < n; l++, r.y += st.lh)
		push_text(&r, &st, s, &spans[l], box.w);
	if (emit && res.n > n)
		layout_ellipsize(c, c->lay->n - 1, box.x + box.w);
	return (int)n * st.lh;
}

/* A bullet's square, a little below the middle of its first line. */
static void
push_marker(struct run *r, const struct style *st)
{
	int d = imin(st->lh, imax(2, (int)lround(st->px * MARKER_SIZE)));
	int off = (st->lh - d) / 2 + (st->lh - d) / 8;
	struct layout_rect box = { r->box.x, r->box.y + r->y + off, d, d };

	if (r->rtl && !r->center)
		box.x = r->box.x + r->box.w - d;
	layout_push_item(r->c, LAYOUT_RECT, box, r->c->deck->theme.accent);
}

/*
 * Stacks.
 */

/* Whether item it is a line of text placed in r's box. */
static bool
is_run_text(const struct run *r, const struct layout_item *it)
{
	return it->kind == LAYOUT_TEXT && it->box.y >= r->box.y &&
	       it->box.x >= r->box.x && it->box.x < r->box.x + r->box.w;
}

/* Ends the last line placed in r with an ellipsis, so that text cut for
 * want of room shows that it goes on. Only placing cuts, and only once. */
static void
mark_cut(struct run *r)
{
	struct layout *lay = r->c->lay;

	assert(r->emit && !r->cut);
	if (lay->n && is_run_text(r, &lay->items[lay->n - 1]))
		layout_ellipsize(r->c, lay->n - 1, r->box.x + r->box.w);
}

/* Stops placing in r for want of room; left says what is left out (NULL:
 * no text). */
static void
run_cut(struct run *r, const char *left)
{
	mark_cut(r);
	r->cut = true;
	r->c->lay->overflow = true;
	if (!r->c->lay->cut)
		r->c->lay->cut = left;
}

/* Places the n wrapped lines of s, up to the first that does not fit. */
static void
place_lines(struct run *r, const struct style *st, const char *s,
            const struct wrap_span *spans, size_t n)
{
	int width = r->box.w - st->indent;

	for (size_t l = 0; l < n; l++) {
		if (l == LAYOUT_MAX_LINES || r->y + st->lh > r->box.h ||
		    spans[l].width > width) {
			run_cut(r,
			        l < LAYOUT_MAX_LINES ? s + spans[l].off : NULL);
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
 * fit, unless it is the floor. Display text (titles, headings, statements)
 * keeps hyphenated words whole ("multi-stakeholder").
 */
static void
run_para(struct run *r, const struct style *st, const char *s)
{
	struct wrap_span spans[LAYOUT_MAX_LINES];
	int room = r->box.h - r->y;
	struct font_measure fm = { r->c->m, st->font, st->px, st->balance };
	struct wrap_keep sink = { spans, r->emit ? LAYOUT_MAX_LINES : 0 };
	int width = r->box.w - st->indent;
	struct wrap_result res;

	r->rtl = layout_text_rtl(r->c, s);
	if (r->emit && st->balance)
		width = layout_balanced_width(s, width, &fm);
	res = layout_wrap(s, strlen(s), width, &fm, &sink,
	                  room > 0 ? (size_t)(room / st->lh) : 0);
	if (r->emit && !st->balance)
		layout_unorphan(s, spans, res.n, &fm);

	r->c->broke |= res.broke;
	if (r->emit && res.broke && !r->c->lay->broken)
		r->c->lay->broken = s + res.broke_off;
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
			run_cut(r, NULL);
			return;
		}
		if (r->center)
			box.x += (r->box.w - len) / 2;
		else if (r->rtl)
			box.x = r->box.x + r->box.w - len;
		layout_push_item(r->c, LAYOUT_RECT, box,
		                 r->c->deck->theme.accent);
	}
	r->y += gap + t;
}

bool
layout_has_text(const struct flow *f)
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

	if (!layout_has_text(f))
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
int
layout_stack_run(struct ctx *c, const struct flow *fl, size_t n,
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

bool
layout_stack_fits(void *arg, int level)
{
	const struct stack *st = arg;

	return layout_stack_run(st->c, st->fl, st->n, st->box, level,
	                        st->center, false) <= st->box.h;
}

/* The last level of the flows: the one with every one at the floor. */
int
layout_last_level(const struct ctx *c, const struct flow *fl, size_t n)
{
	int levels = 1;

	for (size_t i = 0; i < n; i++)
		levels = imax(levels, c->levels[fl[i].role]);
	return levels - 1;
}

/* The smallest level in [0, hi] that fits, else hi. Assumes that a level
 * that fits is followed by levels that fit. */
int
layout_search_level(int hi, bool (*fits)(void *arg, int level), void *arg)
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

int
layout_stack_level(struct stack *st)
{
	return layout_search_level(layout_last_level(st->c, st->fl, st->n),
	                           layout_stack_fits, st);
}

/*
 * Fits the flows into box at the largest sizes that fit, places them (flags:
 * ALIGN_CENTER centres each line, ALIGN_MIDDLE the whole stack vertically)
 * and returns the height they take.
 */
int
layout_place_stack(struct ctx *c, const struct flow *fl, size_t n,
                   struct layout_rect box, unsigned flags)
{
	bool center = flags & ALIGN_CENTER;
	struct stack st = { c, fl, n, box, center };
	int level = layout_stack_level(&st);

	if (flags & ALIGN_MIDDLE) {
		int h = layout_stack_run(c, fl, n, box, level, center, false);

		if (h < box.h) {
			box.y += (box.h - h) / 2;
			box.h = h;
		}
	}
	return layout_stack_run(c, fl, n, box, level, center, true);
}

/*
 * Entry points.
 */

void
layout_init(struct layout *lay)
{
	*lay = (struct layout){ .until_ms = INT64_MAX };
}

void
layout_destroy(struct layout *lay)
{
	free(lay->items);
	*lay = (struct layout){ 0 };
}

/* Keeps the first n items and forgets what placing the rest found. */
static void
layout_truncate(struct layout *lay, size_t n)
{
	lay->n = n;
	lay->min_px = 0;
	lay->overflow = lay->qr_small = false;
	lay->cut = lay->broken = NULL;
}

static void
layout_clear(struct layout *lay)
{
	layout_truncate(lay, 0);
	lay->safe = (struct layout_rect){ 0 };
	lay->floor_px = 0;
	lay->until_ms = INT64_MAX;
}

/* A panel colour a little lighter than a dark background, or darker than a
 * light one. */
static struct deck_color
panel_color(struct deck_color bg)
{
	double luma = (0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b) / 255;
	struct deck_color white = { 255, 255, 255 }, black = { 0, 0, 0 };

	return luma < 0.5 ? color_mix(bg, white, 0.1)
	                  : color_mix(bg, black, 0.06);
}

static struct layout_rect
safe_area(int w, int h, double margin)
{
	double m = fmin(fmax(margin, 0), 0.25);
	int mx = (int)lround(w * m), my = (int)lround(h * m);

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

		if (roles[r].reading)
			px = fmin(px, lay->safe.w * scale / MEASURE_DIV);
		c->max_px[r] = imax(lay->floor_px, (int)lround(px));
		c->levels[r] = (int)layout_ladder(c->max_px[r], lay->floor_px,
		                                  ladder, LADDER_MAX);
	}
	c->bg = c->slide->has_background ? c->slide->background
	                                 : deck->theme.background;
	c->panel = panel_color(c->bg);
}

/* The slide's background_image over the whole screen, when it has one;
 * returns how many items are the background (1 or 2). */
static size_t
place_backdrop(struct ctx *c, int w, int h)
{
	struct layout_item *it;

	if (!c->slide->background_image)
		return 1;
	it = layout_push_item(c, LAYOUT_IMAGE,
	                      (struct layout_rect){ 0, 0, w, h }, c->bg);
	it->image = c->slide->background_image;
	it->fit = DECK_FIT_COVER;
	it->backdrop = true;
	it->room = it->box;
	return 2;
}

int
layout_slide(struct layout *lay, const struct deck *deck, size_t i, int w,
             int h, int reserve_bottom, const struct layout_measurer *m)
{
	struct layout_rect area, with_band;
	struct ctx c;
	bool band;
	size_t behind;

	assert(lay && deck && m && reserve_bottom >= 0);
	layout_clear(lay);
	if (w < LAYOUT_MIN_SIDE || h < LAYOUT_MIN_SIDE || i >= deck->n_slides)
		return -1;
	assert(deck->slides[i].layout < DECK_LAYOUT_COUNT);
	ctx_init(&c, lay, deck, i, w, h, m);
	layout_push_item(&c, LAYOUT_RECT, (struct layout_rect){ 0, 0, w, h },
	                 c.bg);
	behind = place_backdrop(&c, w, h);
	area = lay->safe;
	area.h -= imin(area.h, reserve_bottom);
	with_band = area;
	band = layout_place_furniture(&c, &with_band, true);
	layout_place_kind(&c, with_band);
	if (lay->overflow && band) {
		/* the slide comes first: its text cut for the band's sake is
		 * laid out again without it */
		layout_truncate(lay, behind); /* the background stays */
		layout_place_furniture(&c, &area, false);
		layout_place_kind(&c, area);
	}
	return 0;
}
