/*
 * layout_contact: a contact set as a card, the way one would be printed:
 * on a panel with an accent bar, the slide's title as a small kicker, the
 * name large over an accent rule, then the role and organisation, the
 * email, phone and address in the accent colour, and any paragraphs. The
 * card is as wide as its text (and at least of a card's proportions), so
 * a contact that is only a name still looks composed; with a QR code the
 * code stands right of the card (under it in portrait) and the two are
 * centred on the slide as one group.
 */
#include "layout_internal.h"

#define CARD_PAD_DIV    24  /* space inside the card around its text */
#define CARD_BAR_DIV    100 /* width of its accent bar (at least 4 px) */
#define CARD_MIN_ASPECT 1.6 /* a card is at least this wide for its height */

/* The card and, with a code, where it goes. */
struct card {
	struct layout_rect area; /* for the card */
	int pad, bar;
	int side, qr_h, room; /* the code's side, its height with its words,
	                         the height it may take; 0 without one */
	bool qr_below;
};

void
layout_shift_items(struct layout *lay, size_t from, int dx, int dy)
{
	for (size_t k = from; k < lay->n; k++) {
		lay->items[k].box.x += dx;
		lay->items[k].box.y += dy;
	}
}

/* The smallest rectangle around items from on (at x, y when none). */
static struct layout_rect
items_bounds(const struct layout *lay, size_t from, int x, int y)
{
	int x0 = x, y0 = y, x1 = x, y1 = y;

	for (size_t k = from; k < lay->n; k++) {
		struct layout_rect b = lay->items[k].box;

		x1 = imax(x1, b.x + b.w);
		y1 = imax(y1, b.y + b.h);
	}
	return (struct layout_rect){ x0, y0, x1 - x0, y1 - y0 };
}

/* Takes the code's room off the card's: its right in landscape, its
 * bottom in portrait. */
static void
card_init(struct ctx *c, struct card *cd, struct layout_rect area)
{
	int gap = layout_qr_gap(c), words;

	*cd = (struct card){ .area = area,
		             .pad = div_px(c->s, CARD_PAD_DIV),
		             .bar = imax(4, div_px(c->s, CARD_BAR_DIV)) };
	if (!c->slide->qr.text)
		return;
	cd->qr_below = area.h > area.w;
	words = layout_qr_words_room(c, area.h);
	if (cd->qr_below) {
		cd->side = layout_qr_side(c, area.w, area.h * 3 / 5,
		                          area.h - words);
		cd->room = cd->side + words;
		cd->qr_h = layout_qr_height(c, cd->side, cd->room);
		cd->area.h -= imin(area.h, cd->qr_h + gap);
	} else {
		cd->side = layout_qr_side(c, area.w / 2, area.h * 2 / 3,
		                          area.h - words);
		cd->room = area.h;
		cd->qr_h = layout_qr_height(c, cd->side, cd->room);
		cd->area.w -= imin(area.w, cd->side + gap);
	}
}

/* Places the card's text in the card's area, top left, and returns the
 * card's size around it. */
static struct layout_rect
place_text(struct ctx *c, const struct card *cd)
{
	const struct deck_contact *ct = &c->slide->contact;
	const char *details[] = { ct->role, ct->organisation };
	const char *links[] = { ct->email, ct->phone, ct->url };
	const struct flow fl[] = {
		{ &c->slide->title, 1, ROLE_KICKER, false },
		{ &ct->name, 1, ROLE_NAME, true },
		{ details, 2, ROLE_DETAIL, false },
		{ links, 3, ROLE_LINK, false },
		{ c->slide->text.v, c->slide->text.n, ROLE_BODY, false },
	};
	int inset = cd->bar + 2 * cd->pad;
	struct layout_rect inner = { cd->area.x + cd->bar + cd->pad,
		                     cd->area.y + cd->pad, cd->area.w - inset,
		                     cd->area.h - 2 * cd->pad };
	size_t from = c->lay->n;
	struct layout_rect b;

	layout_place_stack(c, fl, sizeof(fl) / sizeof(fl[0]), inner, 0);
	b = items_bounds(c->lay, from, inner.x, inner.y);
	b.w = imin(cd->area.w, b.w + inset);
	b.h = imin(cd->area.h, b.h + 2 * cd->pad);
	b.w = imin(cd->area.w, imax(b.w, (int)(b.h * CARD_MIN_ASPECT)));
	return b;
}

/* Where the group of card and code starts: centred in area, or at its
 * top when the theme says so. */
static struct layout_rect
group_box(const struct ctx *c, const struct card *cd, struct layout_rect area,
          struct layout_rect card)
{
	int gap = layout_qr_gap(c);
	int w = cd->qr_below ? imax(card.w, cd->side)
	                     : card.w + (cd->side ? gap + cd->side : 0);
	int h = cd->qr_below ? card.h + (cd->side ? gap + cd->qr_h : 0)
	                     : imax(card.h, cd->qr_h);
	struct layout_rect g = { area.x + (area.w - w) / 2, area.y, w, h };

	if (c->deck->theme.align == DECK_ALIGN_MIDDLE)
		g.y += imax(0, (area.h - h) / 2);
	return g;
}

void
layout_contact(struct ctx *c, struct layout_rect area)
{
	struct card cd;
	struct layout_rect card, g;
	size_t k0 = c->lay->n;
	int gap = layout_qr_gap(c);

	card_init(c, &cd, area);
	layout_push_item(c, LAYOUT_RECT, area, c->panel);
	layout_push_item(c, LAYOUT_RECT, area, c->deck->theme.accent);
	card = place_text(c, &cd);
	g = group_box(c, &cd, area, card);
	card.x = cd.qr_below ? g.x + (g.w - card.w) / 2 : g.x;
	card.y = cd.qr_below ? g.y : g.y + (g.h - card.h) / 2;
	layout_shift_items(c->lay, k0 + 2, card.x - cd.area.x,
	                   card.y - cd.area.y);
	c->lay->items[k0].box = card;
	c->lay->items[k0 + 1].box =
	        (struct layout_rect){ card.x, card.y, cd.bar, card.h };
	if (!cd.side)
		return;
	if (cd.qr_below)
		layout_place_qr(c, g.x + (g.w - cd.side) / 2,
		                g.y + card.h + gap, cd.side, cd.room);
	else
		layout_place_qr(c, g.x + card.w + gap,
		                g.y + (g.h - cd.qr_h) / 2, cd.side, cd.room);
}
