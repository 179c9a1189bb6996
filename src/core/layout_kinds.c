/*
 * layout_kinds: the slide layouts title, text, bullets, statement and
 * cards, the card grid, and the dispatch to every layout (image, contact,
 * split, logos, clock and countdown have their own files). Each layout gets the
 * content area (the safe area less the reserved band at its bottom) and
 * arranges its flows in it with the fitting of layout.c. A heading fits its own
 * share of the height and shrinks further only when that lets the body under
 * it fit. Cards go in a grid of equal cells, with as many columns as let the
 * text be largest.
 */
#include "layout_internal.h"
#include "textrun.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Geometry, as divisors of the screen's shorter side S or shares. */
#define HEAD_GAP_DIV  30   /* space between a heading's rule and the body */
#define HEAD_SHARE    0.34 /* of the content height, for the heading */
#define HEAD_RATIO    2.0  /* a heading at most this times its body's px */
#define CARD_GAP_DIV  40   /* space between cards */
#define CARD_PAD_DIV  45   /* space inside a card around its text */
#define CARD_BAR_DIV  160  /* width of a card's accent bar (at least 3 px) */
#define CARD_ASPECT   1.6  /* preferred card shape when sizes tie */
#define GRID_MAX_COLS 6
#define SERIES_MAX    16 /* slides looked at each way for a series */

/*
 * Headings.
 */

/* The px of the body's first flow at the largest size that fits area. */
typedef int body_px_fn(struct ctx *c, struct layout_rect area, const void *arg);

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
	body_px_fn *body_px; /* or NULL */
	const void *arg;
};

/* The height of the heading at level k. */
static int
head_height(const struct headed *hd, int k)
{
	return layout_stack_run(hd->c, hd->head->fl, 1, hd->head->box, k, false,
	                        false);
}

/* The space left under the heading at level k (its height known to fit). */
static struct layout_rect
rest_under(const struct headed *hd, int k)
{
	struct layout_rect rest = hd->area;

	take_top(&rest, head_height(hd, k) + div_px(hd->c->s, HEAD_GAP_DIV));
	return rest;
}

/*
 * The first heading level from level on at which the heading is at most
 * HEAD_RATIO times its body's size, so that a heading never dwarfs the
 * text it heads (a heading of 53 px over bullets of 20 px at 800x480); the
 * body grows into the room the heading gives up.
 */
static int
heading_in_proportion(const struct headed *hd, int level)
{
	int last = layout_last_level(hd->c, hd->head->fl, 1);

	for (; level < last; level++) {
		int px = layout_role_px(hd->c, ROLE_HEADING, level);

		if (px <= HEAD_RATIO * hd->body_px(hd->c, rest_under(hd, level),
		                                   hd->arg))
			break;
	}
	return level;
}

/* Whether the body fits under the heading at level k. */
static bool
leaves_room(const struct headed *hd, int k)
{
	return head_height(hd, k) <= hd->head->box.h &&
	       hd->body_fits(hd->c, rest_under(hd, k), hd->arg);
}

/*
 * The first heading level from level on that leaves the body room; level
 * when none does (the body overflows anyway: the heading keeps its size).
 */
static int
heading_room(const struct headed *hd, int level)
{
	int last = layout_last_level(hd->c, hd->head->fl, 1);

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
              body_px_fn *body_px, const void *arg)
{
	struct flow f = { &c->slide->title, 1, ROLE_HEADING, true };
	struct layout_rect box = { area->x, area->y, area->w,
		                   (int)(area->h * HEAD_SHARE) };
	struct stack st = { c, &f, 1, box, false };
	int level;

	if (!layout_has_text(&f))
		return;
	level = layout_stack_level(&st);
	if (body_fits) {
		struct headed hd = { c, &st, *area, body_fits, body_px, arg };

		level = heading_room(&hd, level);
		if (body_px)
			level = heading_in_proportion(&hd, level);
	}
	take_top(area, layout_stack_run(c, &f, 1, box, level, false, true) +
	                       div_px(c->s, HEAD_GAP_DIV));
}

/* body_fits for a stack: arg is its struct stack (its box unused). */
static bool
stack_room(struct ctx *c, struct layout_rect area, const void *arg)
{
	const struct stack *st = arg;
	int last = layout_last_level(c, st->fl, st->n);

	return layout_stack_run(c, st->fl, st->n, area, last, st->center,
	                        false) <= area.h;
}

/* body_px for a stack: arg is its struct stack (its box unused). */
static int
stack_px(struct ctx *c, struct layout_rect area, const void *arg)
{
	struct stack st = *(const struct stack *)arg;

	st.box = area;
	return layout_role_px(c, st.fl[0].role, layout_stack_level(&st));
}

/* Places a heading and under it the flows, left-aligned, in the middle of
 * the space left or at its top, as the theme says. */
static void
place_headed(struct ctx *c, struct layout_rect area, const struct flow *fl,
             size_t n)
{
	struct stack body = { c, fl, n, area, false };
	bool middle = c->deck->theme.align == DECK_ALIGN_MIDDLE;

	place_heading(c, &area, stack_room, stack_px, &body);
	layout_place_stack(c, fl, n, area, middle ? ALIGN_MIDDLE : 0);
}

static void
layout_title(struct ctx *c, struct layout_rect area)
{
	const struct deck_slide *sl = c->slide;
	const struct flow fl[] = {
		{ &sl->title, 1, ROLE_TITLE, true },
		{ &sl->subtitle, 1, ROLE_SUBTITLE, false },
		{ sl->text.v, sl->text.n, ROLE_LEAD, false },
	};

	layout_place_stack(c, fl, 3, area, ALIGN_CENTER | ALIGN_MIDDLE);
}

static void
layout_text(struct ctx *c, struct layout_rect area)
{
	struct flow f = { c->slide->text.v, c->slide->text.n, ROLE_BODY,
		          false };

	layout_qr_aside(c, &area);
	place_headed(c, area, &f, 1);
}

static void
layout_bullets(struct ctx *c, struct layout_rect area)
{
	struct flow f = { c->slide->bullets.v, c->slide->bullets.n, ROLE_BULLET,
		          false };

	place_headed(c, area, &f, 1);
}

/*
 * Statements: a series (the run of statement slides around this one, like
 * the four key questions) shares one size, the largest at which each of
 * them fits, and one top: the tallest of them is centred, the others start
 * where it does, so nothing moves as one gives way to the next.
 */

static void
statement_flows(const struct deck_slide *sl, struct flow fl[2])
{
	fl[0] = (struct flow){ &sl->title, 1, ROLE_KICKER, false };
	fl[1] = (struct flow){ &sl->statement, 1, ROLE_STATEMENT, false };
}

static bool
is_statement(const struct deck *d, size_t j)
{
	return d->slides[j].layout == DECK_LAYOUT_STATEMENT;
}

/* The first and last slide of c's series, at most SERIES_MAX each way. */
static void
series_bounds(const struct ctx *c, size_t *first, size_t *last)
{
	size_t i = (size_t)c->index, n = c->deck->n_slides;

	for (*first = i; *first > 0 && i - *first < SERIES_MAX &&
	                 is_statement(c->deck, *first - 1);)
		--*first;
	for (*last = i; *last + 1 < n && *last - i < SERIES_MAX &&
	                is_statement(c->deck, *last + 1);)
		++*last;
}

/* The level of c's series in area (the smallest size any needs) and its
 * tallest height at that level. */
static int
series_level(struct ctx *c, struct layout_rect area, int *height)
{
	int level = 0;
	struct flow fl[2];
	size_t first, last;

	series_bounds(c, &first, &last);
	for (size_t j = first; j <= last; j++) {
		struct stack st = { c, fl, 2, area, true };

		statement_flows(&c->deck->slides[j], fl);
		level = imax(level, layout_stack_level(&st));
	}
	*height = 0;
	for (size_t j = first; j <= last; j++) {
		statement_flows(&c->deck->slides[j], fl);
		*height = imax(*height, layout_stack_run(c, fl, 2, area, level,
		                                         true, false));
	}
	return level;
}

static void
layout_statement(struct ctx *c, struct layout_rect area)
{
	struct flow fl[2];
	int h, level = series_level(c, area, &h);

	take_top(&area, imax(0, (area.h - h) / 2)); /* the tallest centred */
	statement_flows(c->slide, fl);
	layout_stack_run(c, fl, 2, area, level, true, true);
}

/* For layout_picture.c: a plain heading (no body to make room for). */
void
layout_place_heading(struct ctx *c, struct layout_rect *area)
{
	place_heading(c, area, NULL, NULL, NULL);
}

/*
 * Cards: a grid of equal cells, as many columns as let the text be largest.
 */

struct grid {
	struct layout_rect area;
	int cols, cell_w, cell_h, gap, pad, bar;
	int level;  /* of every card's text */
	bool rtl;   /* right to left (the first card's name is): the first
	               card on the right, each bar on its card's right */
	bool fits;  /* at level */
	bool broke; /* a card's word is broken at level (only at the floor) */
};

struct grid_probe {
	struct ctx *c;
	const struct grid *g;
};

static struct layout_rect
grid_cell(const struct grid *g, size_t j)
{
	int col = (int)j % g->cols, row = (int)j / g->cols;

	if (g->rtl)
		col = g->cols - 1 - col;
	return (struct layout_rect){ g->area.x + col * (g->cell_w + g->gap),
		                     g->area.y + row * (g->cell_h + g->gap),
		                     g->cell_w, g->cell_h };
}

/* Where a card's text goes in its cell: beside the bar, padded. */
static struct layout_rect
card_inner(const struct grid *g, struct layout_rect cell)
{
	return (struct layout_rect){ cell.x + (g->rtl ? 0 : g->bar) + g->pad,
		                     cell.y + g->pad,
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
	return layout_stack_run(c, fl, 2, inner, level, false, false);
}

/* Height of the tallest card's text at level; measuring stops at the first
 * card taller than its cell has room for. */
static int
cards_height(struct ctx *c, const struct grid *g, int level)
{
	struct layout_rect inner = card_inner(g, grid_cell(g, 0));
	int h = 0;

	for (size_t j = 0; j < c->slide->n_cards && h <= inner.h; j++)
		h = imax(h, card_height(c, &c->slide->cards[j], inner, level));
	return h;
}

static bool
cards_fit(void *arg, int level)
{
	const struct grid_probe *p = arg;

	return cards_height(p->c, p->g, level) <=
	       card_inner(p->g, grid_cell(p->g, 0)).h;
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
	g->rtl = n && c->slide->cards[0].name &&
	         layout_text_rtl(c, c->slide->cards[0].name);
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

	return layout_last_level(c, fl, 2);
}

/* Finds g's level; only levels below best's (when it fits) count. */
static void
grid_level(struct ctx *c, struct grid *g, const struct grid *best)
{
	int last = cards_last_level(c);
	int hi = best && best->fits ? best->level : last;
	struct grid_probe p = { c, g };

	g->fits = cards_fit(&p, hi);
	g->level = g->fits ? layout_search_level(hi, cards_fit, &p) : last;
	c->broke = false;
	cards_fit(&p, g->level);
	g->broke = c->broke;
}

/* How far a cell's shape is from the preferred one. */
static double
grid_misshape(const struct grid *g)
{
	return fabs(log((double)g->cell_w / g->cell_h / CARD_ASPECT));
}

/* A grid whose cells break no word beats one that does, even when its
 * text must be cut ("Internationa/l" reads worse than a cut line). */
static bool
grid_better(const struct grid *a, const struct grid *b)
{
	if (a->broke != b->broke)
		return !a->broke;
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
	struct layout_rect bar = { g->rtl ? cell.x + cell.w - g->bar : cell.x,
		                   cell.y, g->bar, cell.h };
	struct flow fl[2];

	layout_push_item(c, LAYOUT_RECT, cell, c->panel);
	layout_push_item(c, LAYOUT_RECT, bar, c->deck->theme.accent);
	card_flows(card, fl);
	layout_stack_run(c, fl, 2, card_inner(g, cell), g->level, false, true);
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

	place_heading(c, &area, cards_room, NULL, NULL);
	if (n == 0)
		return;
	if (!grid_choose(c, area, n, &g)) {
		c->lay->overflow = true;
		c->lay->cut = c->slide->cards[0].name;
		return;
	}
	g.cell_h = imin(g.cell_h, cards_height(c, &g, g.level) + 2 * g.pad);
	for (size_t j = 0; j < n; j++)
		place_card(c, &g, &c->slide->cards[j], grid_cell(&g, j));
}

/*
 * Dispatch.
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
	[DECK_LAYOUT_CLOCK] = layout_clock_slide,
	[DECK_LAYOUT_COUNTDOWN] = layout_countdown,
	[DECK_LAYOUT_SPLIT] = layout_split,
	[DECK_LAYOUT_LOGOS] = layout_logos,
	[DECK_LAYOUT_PROGRAMME] = layout_programme,
};

void
layout_place_kind(struct ctx *c, struct layout_rect area)
{
	layouts[c->slide->layout](c, area);
}

void
layout_heading(struct ctx *c, struct layout_rect *area, body_fits_fn *body_fits,
               const void *arg)
{
	place_heading(c, area, body_fits, NULL, arg);
}
