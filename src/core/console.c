/*
 * console: the presenter console's display list; see console.h.
 */
#include "console.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

#define MARGIN_DIV     40   /* around everything */
#define GAP_DIV        40   /* between the columns and the previews */
#define BAR_DIV        16   /* the status bar's text */
#define NOTES_MAX_DIV  14   /* the notes' largest size */
#define PREVIEW_SHARE  0.42 /* of the width, for the previews */
#define NOW_SHARE      0.56 /* of the height, for the current slide at most */
#define NEXT_SCALE     0.72 /* the next slide's preview, of the current's */
#define PARA_GAP       0.45 /* between notes' paragraphs, in lines */
#define THUMB_MIN_DIV  10   /* overview: thumbnails at least S / this wide */
#define MAX_NOTE_LINES 4096

static const struct deck_color bg = { 0x17, 0x1a, 0x1f };
static const struct deck_color panel = { 0x2a, 0x30, 0x38 };
static const struct deck_color text = { 0xff, 0xff, 0xff };
static const struct deck_color muted = { 0xb4, 0xbc, 0xc6 };
static const struct deck_color black = { 0, 0, 0 };
static const struct deck_color white = { 0xff, 0xff, 0xff };
static const struct deck_color warn = { 0xff, 0xc1, 0x4d };

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

/* One console_layout call. */
struct ctx {
	struct console *con;
	const struct console_view *v;
	const struct layout_measurer *m;
	int w, h, s, margin, gap, floor_px;
	enum deck_font body, bold;
};

static int
imax(int a, int b)
{
	return a > b ? a : b;
}

static int
imin(int a, int b)
{
	return a < b ? a : b;
}

static int
text_w(const struct ctx *c, enum deck_font f, int px, const char *s, size_t len)
{
	return c->m->text_width(c->m->ctx, f, px, s, len);
}

static int
line_h(const struct ctx *c, enum deck_font f, int px)
{
	return imax(1, c->m->line_height(c->m->ctx, f, px));
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
static int
push_text(struct ctx *c, int x, int y, enum deck_font f, int px,
          struct deck_color color, const char *s, size_t len)
{
	int tw = text_w(c, f, px, s, len);
	struct layout_item *it =
	        push(c, LAYOUT_TEXT,
	             (struct layout_rect){ x, y, tw, line_h(c, f, px) }, color);

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
	int w = text_w(c, c->bold, px, con->count, strlen(con->count));

	if (con->screen_word[0])
		w += gap + text_w(c, c->bold, px, con->screen_word,
		                  strlen(con->screen_word));
	if (con->digits[0])
		w += gap +
		     text_w(c, c->bold, px, con->digits, strlen(con->digits));
	w += 2 * gap + text_w(c, c->bold, px, c->v->timer, strlen(c->v->timer));
	return w + 2 * gap +
	       text_w(c, c->body, px, c->v->clock, strlen(c->v->clock));
}

/* Places the bar; returns its height. */
static int
place_bar(struct ctx *c)
{
	struct console *con = c->con;
	const struct console_view *v = c->v;
	int px = imax(c->floor_px, c->s / BAR_DIV), x = c->margin;
	int y = c->margin, right = c->w - c->margin, tw, cw;

	while (px > c->floor_px && bar_width(c, px) > right - x)
		px--;
	x += push_text(c, x, y, c->bold, px, text, con->count,
	               strlen(con->count));
	if (con->screen_word[0])
		x += px + push_text(c, x + px, y, c->bold, px, warn,
		                    con->screen_word, strlen(con->screen_word));
	if (con->digits[0])
		x += px + push_text(c, x + px, y, c->bold, px, warn,
		                    con->digits, strlen(con->digits));
	cw = text_w(c, c->body, px, v->clock, strlen(v->clock));
	push_text(c, right - cw, y, c->body, px, muted, v->clock,
	          strlen(v->clock));
	tw = text_w(c, c->bold, px, v->timer, strlen(v->timer));
	x = imax(x + 2 * px, imin((c->w - tw) / 2, right - cw - 2 * px - tw));
	push_text(c, x, y, c->bold, px, pace_colors[v->pace], v->timer,
	          strlen(v->timer));
	return line_h(c, c->bold, px) + c->gap;
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
	return (struct layout_rect){ x, y, imax(1, pw), imax(1, ph) };
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
	int px = c->floor_px, lh = line_h(c, c->body, px);
	struct layout_rect box;

	c->con->next = (struct layout_rect){ 0 };
	if (v->index + 1 >= v->deck->n_slides) {
		static const char end[] = "End of deck";

		push_text(c, area.x, area.y, c->bold, px, muted, end,
		          strlen(end));
		return;
	}
	push_text(c, area.x, area.y, c->body, px, muted, "Next", 4);
	box = fit_aspect(area.x, area.y + lh, (int)(now_w * NEXT_SCALE),
	                 area.h - lh, v->aspect);
	if (box.h < lh)
		return;
	push_slide(c, box, v->index + 1, false);
	c->con->next = box;
}

/*
 * Notes.
 */

/* One line of notes. */
struct note_line {
	size_t off, len;
	int y;      /* from the top of the notes, unscrolled */
	bool first; /* a bullet's first line: gets the marker */
	int indent; /* the bullet's hanging indent */
};

struct notes {
	struct note_line *v;
	size_t n;
	int height; /* of all the lines */
	int px, lh, indent;
};

struct note_sink {
	struct notes *nt;
	size_t base; /* the paragraph's offset in the note */
	int y, indent;
	bool bullet;
	size_t first; /* the paragraph's first line */
};

static void
keep_line(void *ctx, size_t i, struct wrap_span sp)
{
	struct note_sink *k = ctx;
	struct notes *nt = k->nt;

	if (nt->n == MAX_NOTE_LINES)
		return;
	nt->v[nt->n++] =
	        (struct note_line){ k->base + sp.off, sp.len,
		                    k->y + (int)i * nt->lh, k->bullet && i == 0,
		                    k->bullet ? k->indent : 0 };
}

static int
measure_body(void *ctx, const char *s, size_t len)
{
	const struct ctx *c = ((const void **)ctx)[0];
	const int *px = ((const void **)ctx)[1];

	return text_w(c, c->body, *px, s, len);
}

/* Wraps the paragraph of len bytes at off in s (a "- " bullet line gets a
 * marker and a hanging indent) into nt from y; returns the y after it. */
static int
wrap_para(struct ctx *c, const char *s, size_t off, size_t len, int width,
          struct notes *nt, int y)
{
	const void *mctx[2] = { c, &nt->px };
	bool bullet = len >= 2 && s[off] == '-' && s[off + 1] == ' ';
	size_t skip = bullet ? 2 : 0;
	struct note_sink k = { nt, off + skip, y, nt->indent, bullet, nt->n };
	struct wrap_opts o = { .width = width - (bullet ? nt->indent : 0),
		               .measure = measure_body,
		               .measure_ctx = mctx,
		               .line = keep_line,
		               .line_ctx = &k,
		               .stop = SIZE_MAX };
	size_t lines = wrap_text(s + off + skip, len - skip, &o).n;

	return lines ? y + (int)lines * nt->lh + (int)(nt->lh * PARA_GAP) : y;
}

/* Wraps the notes s at px for width into nt; returns their height. */
static int
wrap_notes(struct ctx *c, const char *s, int px, int width, struct notes *nt)
{
	int y = 0;

	*nt = (struct notes){ .v = nt->v,
		              .px = px,
		              .lh = line_h(c, c->body, px),
		              .indent = text_w(c, c->body, px, "\xe2\x80\xa2 ",
		                               4) };
	for (size_t off = 0, len; s[off]; off += len + (s[off + len] == '\n')) {
		len = strcspn(s + off, "\n");
		y = wrap_para(c, s, off, len, width, nt, y);
	}
	nt->height = y > 0 ? y - (int)(nt->lh * PARA_GAP) : 0;
	return nt->height;
}

/* The largest px from the notes' ladder at which they fit box; the floor
 * when none does. */
static int
notes_px(struct ctx *c, const char *s, struct layout_rect box, struct notes *nt)
{
	int ladder[40];
	size_t n = layout_ladder(imax(c->floor_px, c->s / NOTES_MAX_DIV),
	                         c->floor_px, ladder, 40);

	for (size_t k = 0; k < n; k++)
		if (wrap_notes(c, s, ladder[k], box.w, nt) <= box.h)
			return ladder[k];
	return c->floor_px;
}

/* The first line at or after scroll whose notes from there fit h. */
static int
max_scroll(const struct notes *nt, int h)
{
	for (size_t k = 0; k < nt->n; k++)
		if (nt->height - nt->v[k].y <= h)
			return (int)k;
	return nt->n ? (int)nt->n - 1 : 0;
}

static void
place_note_lines(struct ctx *c, const char *s, const struct notes *nt,
                 struct layout_rect box, int scroll)
{
	int top = nt->n ? nt->v[scroll].y : 0;

	for (size_t k = (size_t)scroll; k < nt->n; k++) {
		const struct note_line *ln = &nt->v[k];
		int y = box.y + ln->y - top;

		if (y + nt->lh > box.y + box.h)
			break;
		if (ln->first)
			push_text(c, box.x, y, c->body, nt->px, muted,
			          "\xe2\x80\xa2", 3);
		push_text(c, box.x + ln->indent, y, c->body, nt->px, text,
		          s + ln->off, ln->len);
	}
}

/* "▲" over the notes when lines are scrolled past, "▼" under them when
 * more follow. */
static void
place_scroll_signs(struct ctx *c, struct layout_rect box, int scroll, bool more)
{
	static const char up[] = "\xe2\x96\xb2 Shift+Up",
	                  down[] = "\xe2\x96\xbc more: Shift+Down";
	int px = c->floor_px, lh = line_h(c, c->body, px);

	if (scroll > 0)
		push_text(c, box.x + box.w - text_w(c, c->body, px, up, 12),
		          box.y - lh, c->body, px, warn, up, strlen(up));
	if (more)
		push_text(c, box.x, box.y + box.h, c->body, px, warn, down,
		          strlen(down));
}

static void
place_notes(struct ctx *c, struct layout_rect box)
{
	const char *s = c->v->deck->slides[c->v->index].notes;
	struct notes nt = { 0 };
	int scroll, lh_floor = line_h(c, c->body, c->floor_px);

	c->con->max_scroll = 0;
	if (!s || !s[0]) {
		static const char none[] = "No notes for this slide.";

		push_text(c, box.x, box.y, c->body, c->floor_px, muted, none,
		          strlen(none));
		return;
	}
	nt.v = xmalloc(MAX_NOTE_LINES * sizeof(*nt.v));
	if (notes_px(c, s, box, &nt) == c->floor_px && nt.height > box.h) {
		box.y += lh_floor; /* room for the signs */
		box.h -= 2 * lh_floor;
		c->con->max_scroll = max_scroll(&nt, box.h);
	}
	scroll = imax(0, imin(c->v->scroll, c->con->max_scroll));
	place_note_lines(c, s, &nt, box, scroll);
	if (c->con->max_scroll)
		place_scroll_signs(c, box, scroll, scroll < c->con->max_scroll);
	free(nt.v);
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
	int label = line_h(c, c->bold, c->floor_px),
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
	int rows = imax(1, (g->area.h + g->gap) / (g->cell_h + g->gap));
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
	struct layout_rect pic =
	        fit_aspect(box.x, box.y, box.w,
	                   box.h - line_h(c, c->bold, c->floor_px), v->aspect);
	int t = imax(2, c->s / 270);
	const char *num = number_text(i);

	if (i == v->selected)
		push(c, LAYOUT_RECT,
		     (struct layout_rect){ pic.x - t, pic.y - t, pic.w + 2 * t,
		                           pic.h + 2 * t },
		     v->deck->theme.accent);
	push_slide(c, pic, i, false);
	push_text(c, pic.x, pic.y + pic.h, c->bold, c->floor_px,
	          i == v->index ? v->deck->theme.accent : muted, num,
	          strlen(num));
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
		int lh = line_h(c, c->body, c->floor_px);

		push_text(c, notes.x, notes.y, c->body, c->floor_px, muted,
		          c->v->status, strlen(c->v->status));
		notes.y += 2 * lh;
		notes.h -= 2 * lh;
	}
	place_notes(c, notes);
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
	int s = imin(w, h);

	*c = (struct ctx){ .con = con,
		           .v = v,
		           .m = m,
		           .w = w,
		           .h = h,
		           .s = s,
		           .margin = imax(1, s / MARGIN_DIV),
		           .gap = imax(1, s / GAP_DIV),
		           .floor_px = imax(1, (s + CONSOLE_FLOOR_DIV - 1) /
		                                       CONSOLE_FLOOR_DIV),
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
