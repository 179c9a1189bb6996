/*
 * layout_band: the event band. The event's name, date and venue in a slim
 * band at the top or bottom of every slide but the title slide, so that a
 * passer-by who sees any slide can tell what the screen is about. Its text
 * is at the floor size, in the text colour muted toward the background as
 * far as contrast allows, set off from the slide by a hairline. One line on
 * a landscape screen, two on a portrait one; the pieces that do not fit are
 * left out from the last (the venue, then the date), and a name too long
 * for its line ends with an ellipsis. A slide whose text the band would
 * cut is shown without it (layout_slide).
 */
#include "layout_internal.h"
#include "textrun.h"

#include <string.h>

#include "color.h"

#define BAND_MUTE         0.3 /* of the way from the text colour to the bg */
#define BAND_GAP          0.6 /* between the band and the slide, in lines */
#define BAND_MIN_CONTRAST 4.5 /* the muted colour's least, else no mute */

static const char separator[] = " \xc2\xb7 "; /* " · " */

/* The band being set: its pieces and where each goes. */
struct band {
	struct ctx *c;
	struct layout_rect box; /* the band's lines */
	enum deck_font font;
	int px, lh;
	struct deck_color color;
	const char *piece[3];
	int line[3]; /* the line each piece goes on; -1: left out */
	size_t n;
	int lines; /* used */
};

static int
text_w(const struct band *b, const char *s, size_t len)
{
	const struct layout_measurer *m = b->c->m;

	return m->text_width(m->ctx, b->font, b->px, s, len);
}

/* Gives each piece its line, in order, while they fit; the rest are left
 * out. The first piece always has line 0 (cut to fit when placed). */
static void
assign_lines(struct band *b, int max_lines)
{
	int sep = text_w(b, separator, strlen(separator)), x = 0, line = 0;

	for (size_t i = 0; i < b->n; i++) {
		int w = text_w(b, b->piece[i], strlen(b->piece[i]));

		if (i > 0 && x + sep + w > b->box.w) {
			line++;
			x = -sep;
		}
		b->line[i] = i > 0 && (line >= max_lines || w > b->box.w)
		                     ? -1
		                     : line;
		if (b->line[i] < 0)
			break;
		x += (i > 0 ? sep : 0) + w;
	}
	for (size_t i = 0; i < b->n; i++)
		if (b->line[i] >= 0)
			b->lines = b->line[i] + 1;
}

/* Places the len bytes at s at x on line; returns where they end. */
static int
push_piece(struct band *b, const char *s, size_t len, int x, int line)
{
	struct layout_rect box = { x, b->box.y + line * b->lh,
		                   text_w(b, s, len), b->lh };
	struct layout_item *it =
	        layout_push_item(b->c, LAYOUT_TEXT, box, b->color);

	it->font = b->font;
	it->px = b->px;
	it->text = s;
	it->len = len;
	if (box.x + box.w > b->box.x + b->box.w)
		layout_ellipsize(b->c, b->c->lay->n - 1, b->box.x + b->box.w);
	return box.x + box.w;
}

/* Mirrors the band's items from k on, for an event whose name is right to
 * left: name, date and venue then read from the right. */
static void
mirror_from(struct band *b, size_t k)
{
	struct layout *lay = b->c->lay;

	for (; k < lay->n; k++) {
		struct layout_rect *r = &lay->items[k].box;

		r->x = b->box.x + b->box.w - (r->x - b->box.x) - r->w;
		lay->items[k].rtl = true;
	}
}

static void
place_pieces(struct band *b)
{
	int x = b->box.x, line = 0;
	size_t first = b->c->lay->n;

	for (size_t i = 0; i < b->n && b->line[i] >= 0; i++) {
		if (b->line[i] != line) {
			line = b->line[i];
			x = b->box.x;
		} else if (i > 0) {
			x = push_piece(b, separator, strlen(separator), x,
			               line);
		}
		x = push_piece(b, b->piece[i], strlen(b->piece[i]), x, line);
	}
	if (b->n && layout_text_rtl(b->c, b->piece[0]))
		mirror_from(b, first);
}

/* The text colour muted toward the background, as far as contrast allows. */
struct deck_color
layout_band_color(const struct ctx *c)
{
	struct deck_color text = c->deck->theme.text;
	struct deck_color muted = color_mix(text, c->bg, BAND_MUTE);

	return color_contrast(muted, c->bg) >= BAND_MIN_CONTRAST ? muted : text;
}

static void
band_init(struct band *b, struct ctx *c, struct layout_rect area)
{
	const struct deck *d = c->deck;
	const char *all[3] = { d->event.name, d->event.date, d->event.venue };

	*b = (struct band){ .c = c, .box = area, .font = d->theme.body_font };
	b->px = c->lay->floor_px;
	b->lh = imax(1, c->m->line_height(c->m->ctx, b->font, b->px));
	b->color = layout_band_color(c);
	for (size_t i = 0; i < 3; i++)
		if (all[i] && all[i][0])
			b->piece[b->n++] = all[i];
}

/* Leaves room for the notch at one end of the band's lines. */
static void
band_notch(struct band *b, const struct layout_notch *notch)
{
	int w = notch ? imin(notch->w, b->box.w / 2) : 0;

	b->box.w -= w;
	if (notch && !notch->right)
		b->box.x += w;
}

struct layout_rect
layout_place_band(struct ctx *c, struct layout_rect *area,
                  const struct layout_notch *notch)
{
	enum deck_band where = c->deck->theme.band;
	int gap, rule_y, t = imax(1, c->s / 540);
	struct layout_rect none = { 0, 0, 0, 0 };
	struct band b;

	if (where == DECK_BAND_OFF || c->slide->layout == DECK_LAYOUT_TITLE)
		return none;
	band_init(&b, c, *area);
	if (b.n == 0)
		return none;
	band_notch(&b, notch);
	assign_lines(&b, area->h > area->w ? 2 : 1);
	gap = (int)(b.lh * BAND_GAP);
	if (b.lines * b.lh + gap > area->h / 4)
		return none; /* no room: the slide comes first */
	b.box.h = b.lines * b.lh;
	if (where == DECK_BAND_BOTTOM)
		b.box.y = area->y + area->h - b.box.h;
	rule_y = where == DECK_BAND_BOTTOM ? b.box.y - gap / 2
	                                   : b.box.y + b.box.h + gap / 2 - t;
	layout_push_item(c, LAYOUT_RECT,
	                 (struct layout_rect){ area->x, rule_y, area->w, t },
	                 c->panel);
	place_pieces(&b);
	area->h -= b.box.h + gap;
	if (where == DECK_BAND_TOP)
		area->y += b.box.h + gap;
	return (struct layout_rect){ b.box.x, b.box.y, b.box.w, b.lh };
}
