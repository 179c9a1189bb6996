/*
 * layout_logos: a wall of logos in balanced rows, at equal visual weight.
 *
 * Each logo gets the same area, whatever its shape (a logo of aspect a is
 * t * sqrt(a) wide and t / sqrt(a) tall), so a wide word mark and a tall
 * crest look equally heavy; aspects are clamped to [1/4, 6] and a logo
 * whose size is unknown counts as 3:2. The logos keep their order and are
 * cut into rows of balanced width (the split whose widest row is
 * narrowest); of 1 to n rows, the one that lets t be largest wins, up to
 * a largest size. Each logo may stand on a light plate ("plate": true) so
 * that a dark logo stays visible on a dark theme; its name, if any, is
 * centred under it at the text floor, in at most NAME_LINES lines.
 */
#include "layout_internal.h"

#include <math.h>
#include <string.h>

#define LOGO_MAX_SHARE 0.3  /* t (a logo's side were it square), of S */
#define PLATE_PAD      0.14 /* space around a logo on its plate, of t */
#define CELL_GAP_DIV   24   /* space between logos in a row */
#define ROW_GAP_DIV    20   /* space between rows */
#define NAME_GAP_DIV   80   /* space between a logo and its name */
#define NAME_MAX_DIV   3    /* a name's width at most S / 3 */
#define NAME_LINES     3
#define ASPECT_MIN     0.25
#define ASPECT_MAX     6.0
#define ASPECT_UNKNOWN 1.5
#define SEARCH_STEPS   24 /* bisections of t */

static const struct deck_color plate_color = { 0xf5, 0xf7, 0xfa };

/* The wall being laid out. */
struct wall {
	struct ctx *c;
	size_t n, rows;
	size_t start[DECK_MAX_LOGOS + 1]; /* row j is start[j]..start[j+1] */
	double root[DECK_MAX_LOGOS];      /* sqrt of each logo's aspect */
	int name_w[DECK_MAX_LOGOS];       /* a name's least cell width */
	int name_h[DECK_MAX_LOGOS];       /* its height, 0 without one */
	int gap, row_gap, name_gap, level;
	double pad; /* plate pad, of t */
};

static double
aspect_of(const struct deck_logo *logo)
{
	double a =
	        logo->w && logo->h ? (double)logo->w / logo->h : ASPECT_UNKNOWN;

	return fmin(fmax(a, ASPECT_MIN), ASPECT_MAX);
}

static struct flow
name_flow(const struct deck_logo *logo)
{
	return (struct flow){ &logo->name, 1, ROLE_CAPTION, false };
}

/* Measures logo k's name: its width on one line (at most S / 3) and its
 * height wrapped to that, at most NAME_LINES lines. */
static void
measure_name(struct wall *w, size_t k)
{
	struct ctx *c = w->c;
	const struct deck_logo *logo = &c->slide->logos[k];
	const struct layout_measurer *m = c->m;
	enum deck_font font = c->deck->theme.body_font;
	int px = layout_role_px(c, ROLE_CAPTION, w->level), one_line, lh;
	struct flow f = name_flow(logo);
	struct layout_rect box = { 0, 0, 0, 1 << 20 };

	w->name_w[k] = w->name_h[k] = 0;
	if (!logo->name)
		return;
	one_line =
	        m->text_width(m->ctx, font, px, logo->name, strlen(logo->name));
	box.w = w->name_w[k] = imin(c->s / NAME_MAX_DIV, one_line + 1);
	lh = imax(1, m->line_height(m->ctx, font, px));
	w->name_h[k] =
	        imin(NAME_LINES * lh,
	             layout_stack_run(c, &f, 1, box, w->level, true, false));
}

static void
wall_init(struct wall *w, struct ctx *c)
{
	const struct flow f = { NULL, 0, ROLE_CAPTION, false };

	memset(w, 0, sizeof(*w));
	w->c = c;
	w->n = imin((int)c->slide->n_logos, DECK_MAX_LOGOS);
	w->gap = div_px(c->s, CELL_GAP_DIV);
	w->row_gap = div_px(c->s, ROW_GAP_DIV);
	w->name_gap = div_px(c->s, NAME_GAP_DIV);
	w->pad = c->slide->plate ? PLATE_PAD : 0;
	w->level = layout_last_level(c, &f, 1);
	for (size_t k = 0; k < w->n; k++) {
		w->root[k] = sqrt(aspect_of(&c->slide->logos[k]));
		measure_name(w, k);
	}
}

/* A logo's plate (or, without plates, its box) at t: width and height. */
static int
plate_w(const struct wall *w, size_t k, double t)
{
	return (int)(t * w->root[k] + 2 * w->pad * t);
}

static int
plate_h(const struct wall *w, size_t k, double t)
{
	return (int)(t / w->root[k] + 2 * w->pad * t);
}

static int
cell_w(const struct wall *w, size_t k, double t)
{
	return imax(plate_w(w, k, t), w->name_w[k]);
}

/* Width of logos a..b-1 as a row at t. */
static int
row_width(const struct wall *w, size_t a, size_t b, double t)
{
	int sum = (int)(b - a - 1) * w->gap;

	for (size_t k = a; k < b; k++)
		sum += cell_w(w, k, t);
	return sum;
}

/* Height of the plates of row j at t, and of its names. */
static int
row_plates_h(const struct wall *w, size_t j, double t)
{
	int h = 0;

	for (size_t k = w->start[j]; k < w->start[j + 1]; k++)
		h = imax(h, plate_h(w, k, t));
	return h;
}

static int
row_names_h(const struct wall *w, size_t j)
{
	int h = 0;

	for (size_t k = w->start[j]; k < w->start[j + 1]; k++)
		h = imax(h, w->name_h[k]);
	return h ? h + w->name_gap : 0;
}

static int
wall_height(const struct wall *w, double t)
{
	int h = (int)(w->rows - 1) * w->row_gap;

	for (size_t j = 0; j < w->rows; j++)
		h += row_plates_h(w, j, t) + row_names_h(w, j);
	return h;
}

static bool
wall_fits(const struct wall *w, struct layout_rect area, double t)
{
	for (size_t j = 0; j < w->rows; j++)
		if (row_width(w, w->start[j], w->start[j + 1], t) > area.w)
			return false;
	return wall_height(w, t) <= area.h;
}

/* The largest t (to a bisection's precision) at which the rows fit area,
 * at most the largest size; 0 when none does. */
static double
largest_t(const struct wall *w, struct layout_rect area)
{
	double lo = 0, hi = w->c->s * LOGO_MAX_SHARE;

	if (wall_fits(w, area, hi))
		return hi;
	for (int k = 0; k < SEARCH_STEPS; k++) {
		double mid = (lo + hi) / 2;

		if (wall_fits(w, area, mid))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Cuts the logos into rows contiguous rows whose widest (at t) is as narrow
 * as can be: best[j][k] is the narrowest widest row of the first k logos
 * in j rows.
 */
static void
balance_rows(struct wall *w, size_t rows, double t)
{
	int best[DECK_MAX_LOGOS + 1][DECK_MAX_LOGOS + 1];
	size_t cut[DECK_MAX_LOGOS + 1][DECK_MAX_LOGOS + 1];

	for (size_t k = 1; k <= w->n; k++) {
		best[1][k] = row_width(w, 0, k, t);
		cut[1][k] = 0;
	}
	for (size_t j = 2; j <= rows; j++) {
		for (size_t k = j; k <= w->n; k++) {
			best[j][k] = -1;
			for (size_t m = j - 1; m < k; m++) {
				int v = imax(best[j - 1][m],
				             row_width(w, m, k, t));

				if (best[j][k] < 0 || v < best[j][k]) {
					best[j][k] = v;
					cut[j][k] = m;
				}
			}
		}
	}
	w->rows = rows;
	w->start[rows] = w->n;
	for (size_t j = rows, k = w->n; j > 0; j--)
		k = w->start[j - 1] = cut[j][k];
}

/* Chooses the row count that lets the logos be largest (the fewest rows
 * among equals); returns their t. */
static double
choose_rows(struct wall *w, struct layout_rect area)
{
	double best_t = -1, t0 = w->c->s / 6.0;
	size_t best_rows = 1;

	for (size_t rows = 1; rows <= w->n; rows++) {
		double t;

		balance_rows(w, rows, t0);
		t = largest_t(w, area);
		if (t > best_t * 1.001) {
			best_t = t;
			best_rows = rows;
		}
	}
	balance_rows(w, best_rows, t0);
	return best_t;
}

/* Places logo k in its cell at x, y of row height plates_h. */
static void
place_logo(struct wall *w, size_t k, double t, int x, int y, int plates_h)
{
	struct ctx *c = w->c;
	const struct deck_logo *logo = &c->slide->logos[k];
	int cw = cell_w(w, k, t), pw = plate_w(w, k, t), ph = plate_h(w, k, t);
	int pad = (int)(w->pad * t);
	struct layout_rect plate = { x + (cw - pw) / 2, y + (plates_h - ph) / 2,
		                     pw, ph };
	struct layout_rect pic = { plate.x + pad, plate.y + pad, pw - 2 * pad,
		                   ph - 2 * pad };
	struct flow f = name_flow(logo);
	struct layout_item *it;

	if (c->slide->plate)
		layout_push_item(c, LAYOUT_RECT, plate, plate_color);
	it = layout_push_item(c, LAYOUT_IMAGE, pic, c->deck->theme.text);
	it->image = logo->image;
	if (logo->name)
		layout_stack_run(
		        c, &f, 1,
		        (struct layout_rect){ x, y + plates_h + w->name_gap, cw,
		                              w->name_h[k] },
		        w->level, true, true);
}

static void
place_row(struct wall *w, size_t j, double t, struct layout_rect area, int y)
{
	size_t a = w->start[j], b = w->start[j + 1];
	int x = area.x + (area.w - row_width(w, a, b, t)) / 2;
	int plates_h = row_plates_h(w, j, t);

	for (size_t k = a; k < b; k++) {
		place_logo(w, k, t, x, y, plates_h);
		x += cell_w(w, k, t) + w->gap;
	}
}

void
layout_logos(struct ctx *c, struct layout_rect area)
{
	struct wall w;
	double t;
	int y;

	layout_heading(c, &area, NULL, NULL);
	wall_init(&w, c);
	if (w.n == 0 || area.w <= 0 || area.h <= 0)
		return;
	t = choose_rows(&w, area);
	if (t < 1) {
		c->lay->overflow = true;
		c->lay->cut = c->slide->logos[0].name;
		return;
	}
	y = area.y;
	if (c->deck->theme.align == DECK_ALIGN_MIDDLE)
		y += (area.h - wall_height(&w, t)) / 2;
	for (size_t j = 0; j < w.rows; j++) {
		place_row(&w, j, t, area, y);
		y += row_plates_h(&w, j, t) + row_names_h(&w, j) + w.row_gap;
	}
}
