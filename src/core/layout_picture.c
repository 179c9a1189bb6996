/*
 * layout_picture: the image layout. With "contain" (the default) the
 * picture is as large as the space under its heading allows, never
 * enlarged more than twice (picture_fit.h), with its caption directly
 * under it and the two together in the middle of that space, in every
 * orientation; its own shape comes from the measurer's picture_size. With
 * "cover" it fills the screen behind the heading and caption (a backdrop,
 * which render.c draws under a scrim).
 */
#include "layout_internal.h"
#include "picture_fit.h"

#define CAPTION_SHARE   0.2 /* of the image slide's height, for the caption */
#define CAPTION_GAP_DIV 60  /* space between picture and caption */

/* Places the caption at the bottom of *area and takes it off *area. */
static void
place_caption(struct ctx *c, struct layout_rect *area)
{
	struct flow f = { &c->slide->caption, 1, ROLE_CAPTION, false };
	struct layout_rect box = { area->x, area->y, area->w,
		                   (int)(area->h * CAPTION_SHARE) };
	struct stack st = { c, &f, 1, box, true };
	int level, h;

	if (!layout_has_text(&f))
		return;
	level = layout_stack_level(&st);
	h = imin(box.h, layout_stack_run(c, &f, 1, box, level, true, false));
	box.y = area->y + area->h - h;
	box.h = h;
	layout_stack_run(c, &f, 1, box, level, true, true);
	area->h -= imin(area->h, h + div_px(c->s, CAPTION_GAP_DIV));
}

/* Where the picture at image goes in room: its own shape, as large as
 * "contain" allows; all of room when its size is not known. */
static struct layout_rect
picture_in(struct ctx *c, const char *image, struct layout_rect room)
{
	const struct layout_measurer *m = c->m;
	struct layout_rect dst, crop;
	int w, h;

	if (!m->picture_size || m->picture_size(m->ctx, image, &w, &h) < 0 ||
	    w <= 0 || h <= 0)
		return room;
	picture_fit_place(w, h, room, DECK_FIT_CONTAIN, &dst, &crop);
	return dst;
}

/* Moves the items from k on dy pixels down. */
static void
shift_items(struct ctx *c, size_t k, int dy)
{
	for (; k < c->lay->n; k++)
		c->lay->items[k].box.y += dy;
}

static struct layout_item *
push_picture(struct ctx *c, struct layout_rect box, struct layout_rect room)
{
	struct layout_item *it =
	        layout_push_item(c, LAYOUT_IMAGE, box, c->deck->theme.text);

	it->image = c->slide->image;
	it->fit = c->slide->fit;
	it->room = room;
	return it;
}

/* "cover": the picture fills the screen behind the heading and caption. */
static void
layout_image_cover(struct ctx *c, struct layout_rect area)
{
	struct layout_rect screen = c->lay->items[0].box;

	layout_place_heading(c, &area);
	place_caption(c, &area);
	if (c->slide->image)
		push_picture(c, screen, screen)->backdrop = true;
}

/*
 * "contain": the picture as large as the space under the heading allows
 * (at most twice its size), its caption directly under it, the two
 * together in the middle of that space (at its top with theme.align top).
 */
void
layout_image(struct ctx *c, struct layout_rect area)
{
	struct layout_rect room, pic;
	size_t caption;
	int below, top;

	if (c->slide->fit == DECK_FIT_COVER) {
		layout_image_cover(c, area);
		return;
	}
	layout_place_heading(c, &area);
	room = area;
	caption = c->lay->n;
	place_caption(c, &room);
	below = area.h - room.h; /* the caption and its gap */
	if (!c->slide->image || room.w <= 0 || room.h <= 0)
		return;
	pic = picture_in(c, c->slide->image, room);
	top = c->deck->theme.align == DECK_ALIGN_TOP
	              ? area.y
	              : area.y + (area.h - pic.h - below) / 2;
	shift_items(c, caption, top + pic.h + below - (area.y + area.h));
	pic.y = top;
	push_picture(c, pic, room);
}
