/*
 * layout_split: a picture beside text or bullets. Under the heading (when
 * the slide has a title), the picture takes half of the width on its
 * side ("image_side", left by default) and the text the other half, in
 * the middle of its column (or at its top, as the theme says); on a
 * portrait screen the picture is stacked above the text, which starts
 * right under it. A QR code goes
 * under the text, in its column. The picture is an image item, as on an
 * image slide: the renderer fits it into its box.
 */
#include "layout_internal.h"

#define SPLIT_GAP_DIV  20   /* space between picture and text */
#define PORTRAIT_SHARE 0.45 /* of the height, for the picture in portrait */
#define PORTRAIT_QR    0.3  /* the same when a QR code shares the text's */

/* Splits area into the picture's box and the text's. */
static void
split_boxes(const struct ctx *c, struct layout_rect area,
            struct layout_rect *pic, struct layout_rect *text)
{
	int gap = div_px(c->s, SPLIT_GAP_DIV);

	*pic = *text = area;
	if (area.h > area.w) {
		double share = c->slide->qr.text ? PORTRAIT_QR : PORTRAIT_SHARE;

		pic->h = (int)(area.h * share);
		text->y += pic->h + gap;
		text->h = imax(0, area.h - pic->h - gap);
		return;
	}
	pic->w = (area.w - gap) / 2;
	text->w = area.w - gap - pic->w;
	if (c->slide->image_side == DECK_SIDE_RIGHT)
		pic->x = area.x + text->w + gap;
	else
		text->x = area.x + pic->w + gap;
}

/* body_fits for a split: arg is its text's flow, which fits its column
 * (less the code's room) at the floor. */
static bool
text_fits(struct ctx *c, struct layout_rect area, const void *arg)
{
	const struct flow *f = arg;
	struct layout_rect pic, text;

	split_boxes(c, area, &pic, &text);
	text = layout_qr_text_area(c, text);
	return layout_stack_run(c, f, 1, text, layout_last_level(c, f, 1),
	                        false, false) <= text.h;
}

void
layout_split(struct ctx *c, struct layout_rect area)
{
	const struct deck_slide *sl = c->slide;
	bool bullets = sl->bullets.n > 0;
	struct flow f = { bullets ? sl->bullets.v : sl->text.v,
		          bullets ? sl->bullets.n : sl->text.n,
		          bullets ? ROLE_BULLET : ROLE_BODY, false };
	bool middle = c->deck->theme.align == DECK_ALIGN_MIDDLE;
	struct layout_rect pic, text;
	bool stacked;
	struct layout_item *it;

	layout_heading(c, &area, text_fits, &f);
	stacked = area.h > area.w;
	split_boxes(c, area, &pic, &text);
	if (sl->image && pic.w > 0 && pic.h > 0) {
		it = layout_push_item(c, LAYOUT_IMAGE, pic,
		                      c->deck->theme.text);
		it->image = sl->image;
	}
	layout_qr_aside(c, &text);
	/* stacked, the text starts under the picture */
	layout_place_stack(c, &f, 1, text,
	                   middle && !stacked ? ALIGN_MIDDLE : 0);
}
