/*
 * console: the presenter console's display list; see console.h.
 */
#include "console_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

#define MARGIN_DIV    40   /* around everything */
#define GAP_DIV       40   /* between the columns and the previews */
#define BAR_DIV       16   /* the status bar's text */
#define PREVIEW_SHARE 0.42 /* of the width, for the previews */
#define NOW_SHARE     0.56 /* of the height, for the current slide at most */
#define NEXT_SCALE    0.72 /* the next slide's preview, of the current's */
#define THUMB_MIN_DIV 10   /* overview: thumbnails at least S / this wide */

static const struct deck_color bg = { 0x17, 0x1a, 0x1f };
static const struct deck_color panel = { 0x2a, 0x30, 0x38 };
const struct deck_color console_text = { 0xff, 0xff, 0xff };
const struct deck_color console_muted = { 0xb4, 0xbc, 0xc6 };
static const struct deck_color black = { 0, 0, 0 };
static const struct deck_color white = { 0xff, 0xff, 0xff };
const struct deck_color console_warn = { 0xff, 0xc1, 0x4d };

/* The timer's colour for each pace; the word beside it says it too. */
static const struct deck_color pace_colors[] = {
	[TALK_PACE_NONE] = { 0xff, 0xff, 0xff },
	[TALK_PACE_ON_TIME] = { 0x8e, 0xe0, 0x9a },
	[TALK_PACE_BEHIND] = { 0xff, 0xc1, 0x4d },
	[TALK_PACE_AHEAD] = { 0x86, 0xcb, 0xff },
	[TALK_PACE_OVER] = { 0xff, 0x73, 0x73 },
};

static const char *const screen_words[] = {
	[CONSOLE_SHOWN] = "",
	[CONSOLE_BLACK] = "BLACK SCREEN",
	[CONSOLE_WHITE] = "WHITE SCREEN",
	[CONSOLE_NO_DISPLAY] = "NO DISPLAY FOR THE SLIDES",
};

int
console_imax(int a, int b)
{
	return a > b ? a : b;
}

int
console_imin(int a, int b)
{
	return a < b ? a : b;
}

int
console_text_w(const struct ctx *c, enum deck_font f, int px, const char *s,
               size_t len)
{
	return c->m->text_width(c->m->ctx, f, px, s, len);
}

int
console_line_h(const struct ctx *c, enum deck_font f, int px)
{
	return console_imax(1, c->m->line_height(c->m->ctx, f, px));
}

static struct layout_item *
push(struct ctx *c, enum layout_kind kind, struct layout_rect box,
     struct deck_color color)
{
	struct layout *lay = &c->con->lay;

	lay->items = util_grow(lay->items, lay->n, &lay->cap,
	                       sizeof(*lay->items), 64);
	lay->items[lay->n] = (struct layout_item){
		.kind = kind, .box = box, .color = color, .slide_index = -1
	};
	return &lay->items[lay->n++];
}

/* Places len bytes of s at x, y; returns its width. */
int
console_push_text(struct ctx *c, int x, int y, enum deck_font f, int px,
                  struct deck_color color, const char *s, size_t len)
{
	int tw = console_text_w(c, f, px, s, len);
	struct layout_item *it =
	        push(c, LAYOUT_TEXT,
	             (struct layout_rect){ x, y, tw, console_line_h(c, f, px) },
	             color);

	it->font = f;
	it->px = px;
	it->text = s;
	it->len = len;
	return tw;
}

static void
push_slide(struct ctx *c, struct layout_rect box, size_t index, bool live)
{
	struct layout_item *it = push(c, LAYOUT_SLIDE, box, panel);

	it->slide_index = (int)index;
	it->live = live;
}

/*
 * The status bar.
 */

/* The bar's widths at px: left (count, screen word, digits), timer and
 * clock, with gaps. */
static int
bar_width(const struct ctx *c, int px)
{
	const struct console *con = c->con;
	int gap = px;
	int w = console_text_w(c, c->bold, px, con->count, strlen(con->count));

	if (con->screen_word[0])
		w += gap + console_text_w(c, c->bold, px, con->screen_word,
		                          strlen(con->screen_word));
	if (con->digits[0])
		w += gap + console_text_w(c, c->bold, px, con->digits,
		                          strlen(con->digits));
	w += 2 * gap +
	     console_text_w(c, c->bold, px, c->v->timer, strlen(c->v->timer));
	return w + 2 * gap +
	       console_text_w(c, c->body, px, c->v->clock, strlen(c->v->clock));
}

/* Places the bar; returns its height. */
static int
place_bar(struct ctx *c)
{
	struct console *con = c->con;
	const struct console_view *v = c->v;
	int px = console_imax(c->floor_px, c->s / BAR_DIV), x = c->margin;
	int y = c->margin, right = c->w - c->margin, tw, cw;

	while (px > c->floor_px && bar_width(c, px) > right - x)
		px--;
	x += console_push_text(c, x, y, c->bold, px, console_text, con->count,
	                       strlen(con->count));
	if (con->screen_word[0])
		x += px + console_push_text(c, x + px, y, c->bold, px,
		                            console_warn, con->screen_word,
		                            strlen(con->screen_word));
	if (con->digits[0])
		x += px + console_push_text(c, x + px, y, c->bold, px,
		                            console_warn, con->digits,
		                            strlen(con->digits));
	cw = console_text_w(c, c->body, px, v->clock, strlen(v->clock));
	console_push_text(c, right - cw, y, c->body, px, console_muted,
	                  v->clock, strlen(v->clock));
	tw = console_text_w(c, c->bold, px, v->timer, strlen(v->timer));
	x = console_imax(x + 2 * px, console_imin((c->w - tw) / 2,
	                                          right - cw - 2 * px - tw));
	console_push_text(c, x, y, c->bold, px, pace_colors[v->pace], v->timer,
	                  strlen(v->timer));
	return console_line_h(c, c->bold, px) + c->gap;
}

/*
 * Previews.
 */

/* The largest box of the audience's shape in w x h at x, y. */
static struct layout_rect
fit_aspect(int x, int y, int w, int h, double aspect)
{
	int pw = w, ph = (int)lround(w / aspect);

	if (ph > h) {
		ph = h;
		pw = (int)lround(h * aspect);
	}
	return (struct layout_rect){ x, y, console_imax(1, pw),
		                     console_imax(1, ph) };
}

/* The current slide as the audience sees it. */
static void
place_now(struct ctx *c, struct layout_rect box)
{
	enum console_screen sc = c->v->screen;

	if (sc == CONSOLE_BLACK || sc == CONSOLE_WHITE) {
		struct layout_rect edge = { box.x - 1, box.y - 1, box.w + 2,
			                    box.h + 2 };

		push(c, LAYOUT_RECT, edge, panel);
		push(c, LAYOUT_RECT, box, sc == CONSOLE_BLACK ? black : white);
		return;
	}
	push_slide(c, box, c->v->index, true);
}

/* The next slide under a label, or "End of deck"; sets con->next. */
static void
place_next(struct ctx *c, struct layout_rect area, int now_w)
{
	const struct console_view *v = c->v;
	int px = c->floor_px, lh = console_line_h(c, c->body, px);
	struct layout_rect box;

	c->con->next = (struct layout_rect){ 0 };
	if (v->next >= v->deck->n_slides) {
		static const char end[] = "End of deck";

		console_push_text(c, area.x, area.y, c->bold, px, console_muted,
		                  end, strlen(end));
		return;
	}
	console_push_text(c, area.x, area.y, c->body, px, console_muted, "Next",
	                  4);
	box = fit_aspect(area.x, area.y + lh, (int)(now_w * NEXT_SCALE),
	                 area.h - lh, v->aspect);
	if (box.h < lh)
		return;
	push_slide(c, box, v->next, false);
	c->con->next = box;
}

/*
 * The overview.
 */

/* The grid for n slides in area: the most columns' thumbnails no narrower
 * than the least size, as few as let them all show, else a page of rows. */
static struct console_grid
overview_grid(const struct ctx *c, struct layout_rect area, size_t n)
{
	struct console_grid g = { .area = area, .gap = c->gap };
	int label = console_line_h(c, c->bold, c->floor_px),
	    least = c->s / THUMB_MIN_DIV;

	for (int cols = 1; cols <= (int)n || cols == 1; cols++) {
		int cw = (area.w - (cols - 1) * g.gap) / cols;
		int ch = (int)lround(cw / c->v->aspect) + label;
		int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);

		g.cols = cols;
		g.cell_w = cw;
		g.cell_h = ch;
		if (rows * ch + (rows - 1) * g.gap <= area.h)
			break;
		if ((area.w - cols * g.gap) / (cols + 1) < least)
			break;
	}
	return g;
}

/* The first slide the grid shows: the page of rows with the selection. */
static size_t
overview_first(const struct console_grid *g, size_t selected)
{
	int rows = console_imax(1, (g->area.h + g->gap) / (g->cell_h + g->gap));
	long row = (long)(selected / (size_t)g->cols) - rows / 2;

	return row > 0 ? (size_t)row * (size_t)g->cols : 0;
}

static struct layout_rect
cell_box(const struct console_grid *g, size_t k)
{
	int col = (int)(k % (size_t)g->cols), row = (int)(k / (size_t)g->cols);

	return (struct layout_rect){ g->area.x + col * (g->cell_w + g->gap),
		                     g->area.y + row * (g->cell_h + g->gap),
		                     g->cell_w, g->cell_h };
}

/* Slide numbers for the overview's labels, "1" to "10000". */
static const char *
number_text(size_t i)
{
	static char numbers[DECK_MAX_SLIDES][24];

	if (!numbers[i][0])
		snprintf(numbers[i], sizeof(numbers[i]), "%zu", i + 1);
	return numbers[i];
}

static void
place_cell(struct ctx *c, const struct console_grid *g, size_t i, size_t k)
{
	const struct console_view *v = c->v;
	struct layout_rect box = cell_box(g, k);
	struct layout_rect pic = fit_aspect(
	        box.x, box.y, box.w,
	        box.h - console_line_h(c, c->bold, c->floor_px), v->aspect);
	int t = console_imax(2, c->s / 270);
	const char *num = number_text(i);

	if (i == v->selected)
		push(c, LAYOUT_RECT,
		     (struct layout_rect){ pic.x - t, pic.y - t, pic.w + 2 * t,
		                           pic.h + 2 * t },
		     v->deck->theme.accent);
	push_slide(c, pic, i, false);
	console_push_text(c, pic.x, pic.y + pic.h, c->bold, c->floor_px,
	                  i == v->index ? v->deck->theme.accent : console_muted,
	                  num, strlen(num));
}

static void
place_overview(struct ctx *c, struct layout_rect area)
{
	size_t n = c->v->deck->n_slides;
	struct console_grid g = overview_grid(c, area, n);
	size_t first = overview_first(&g, c->v->selected);

	c->con->grid = g;
	for (size_t i = first; i < n; i++) {
		struct layout_rect box = cell_box(&g, i - first);

		if (box.y + box.h > area.y + area.h)
			break;
		place_cell(c, &g, i, i - first);
	}
}

long
console_overview_hit(const struct console *c, int x, int y)
{
	for (size_t i = 0; i < c->lay.n; i++) {
		const struct layout_item *it = &c->lay.items[i];
		const struct layout_rect *b = &it->box;

		if (it->kind == LAYOUT_SLIDE && x >= b->x && x < b->x + b->w &&
		    y >= b->y && y < b->y + b->h)
			return it->slide_index;
	}
	return -1;
}

/*
 * The whole console.
 */

static void
make_texts(struct console *con, const struct console_view *v)
{
	snprintf(con->count, sizeof(con->count), "%zu / %zu", v->index + 1,
	         v->deck->n_slides);
	snprintf(con->screen_word, sizeof(con->screen_word), "%s",
	         screen_words[v->screen]);
	if (v->digits && v->digits[0])
		snprintf(con->digits, sizeof(con->digits),
		         "Go to %s\xe2\x80\xa6", v->digits);
	else
		con->digits[0] = '\0';
}

static void
place_columns(struct ctx *c, struct layout_rect area)
{
	int lw = (int)(area.w * PREVIEW_SHARE);
	struct layout_rect now = fit_aspect(
	        area.x, area.y, lw, (int)(area.h * NOW_SHARE), c->v->aspect);
	struct layout_rect below = { area.x, now.y + now.h + c->gap, lw,
		                     area.y + area.h - now.y - now.h - c->gap };
	struct layout_rect notes = { area.x + lw + c->gap, area.y,
		                     area.w - lw - c->gap, area.h };

	place_now(c, now);
	place_next(c, below, now.w);
	if (c->v->status) {
		int h = console_place_status(c, c->v->status, notes);

		notes.y += h;
		notes.h -= h;
	}
	console_place_notes(c, notes);
}

void
console_init(struct console *c)
{
	*c = (struct console){ 0 };
}

void
console_destroy(struct console *c)
{
	free(c->lay.items);
	*c = (struct console){ 0 };
}

static void
ctx_init(struct ctx *c, struct console *con, const struct console_view *v,
         int w, int h, const struct layout_measurer *m)
{
	int s = console_imin(w, h);

	*c = (struct ctx){ .con = con,
		           .v = v,
		           .m = m,
		           .w = w,
		           .h = h,
		           .s = s,
		           .margin = console_imax(1, s / MARGIN_DIV),
		           .gap = console_imax(1, s / GAP_DIV),
		           .floor_px = console_imax(1, (s + CONSOLE_FLOOR_DIV -
		                                        1) / CONSOLE_FLOOR_DIV),
		           .body = v->deck->theme.body_font,
		           .bold = v->deck->theme.heading_font };
	con->lay.safe = (struct layout_rect){ 0, 0, w, h };
	con->lay.floor_px = c->floor_px;
}

int
console_layout(struct console *con, const struct console_view *v, int w, int h,
               const struct layout_measurer *m)
{
	struct ctx c;
	struct layout_rect area;

	con->lay.n = 0;
	con->next = (struct layout_rect){ 0 };
	con->grid = (struct console_grid){ 0 };
	con->max_scroll = 0;
	if (w < LAYOUT_MIN_SIDE || h < LAYOUT_MIN_SIDE || !v->deck ||
	    v->index >= v->deck->n_slides)
		return -1;
	ctx_init(&c, con, v, w, h, m);
	make_texts(con, v);
	push(&c, LAYOUT_RECT, (struct layout_rect){ 0, 0, w, h }, bg);
	area = (struct layout_rect){ c.margin, c.margin, w - 2 * c.margin,
		                     h - 2 * c.margin };
	area.y += place_bar(&c);
	area.h -= area.y - c.margin;
	if (v->overview)
		place_overview(&c, area);
	else
		place_columns(&c, area);
	return 0;
}
