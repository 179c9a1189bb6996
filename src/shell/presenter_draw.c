/*
 * presenter_draw: draws the presenter console's display list on its own
 * renderer: rectangles, lines of text (each made into a texture once and
 * kept while it is shown), and slides, scaled from the audience's size by
 * the console's own slide cache (render.h), the live one as the audience
 * sees it, in a fade too.
 */
#include <stdlib.h>
#include <string.h>

#include "presenter_internal.h"
#include "render.h"
#include "util.h"

void
presenter_drop_lines(struct presenter *pr, bool all)
{
	for (size_t i = 0; i < TEXT_CACHE; i++) {
		struct line_tex *l = &pr->lines[i];

		if (l->tex && (all || !l->used)) {
			SDL_DestroyTexture(l->tex);
			free(l->text);
			*l = (struct line_tex){ 0 };
		}
		l->used = false;
	}
}

static bool
same_line(const struct line_tex *l, const struct layout_item *it)
{
	return l->tex && l->len == it->len && l->px == it->px &&
	       l->font == it->font && !memcmp(&l->color, &it->color, 3) &&
	       !memcmp(l->text, it->text, it->len);
}

/* The texture of a line of text, from the cache or made now. */
static struct line_tex *
line_of(struct presenter *pr, const struct layout_item *it)
{
	struct line_tex *free_slot = NULL;

	for (size_t i = 0; i < TEXT_CACHE; i++) {
		if (same_line(&pr->lines[i], it))
			return &pr->lines[i];
		if (!pr->lines[i].tex && !free_slot)
			free_slot = &pr->lines[i];
	}
	if (!free_slot)
		return NULL;
	free_slot->tex = render_text(pr->r, it, &free_slot->w, &free_slot->h);
	if (!free_slot->tex)
		return NULL;
	free_slot->text = xmemdup_nul(it->text, it->len);
	free_slot->len = it->len;
	free_slot->font = it->font;
	free_slot->px = it->px;
	free_slot->color = it->color;
	return free_slot;
}

static void
draw_text(struct presenter *pr, const struct layout_item *it)
{
	struct line_tex *l = line_of(pr, it);

	if (l) {
		l->used = true;
		SDL_RenderCopy(pr->sdl, l->tex, NULL,
		               &(SDL_Rect){ it->box.x, it->box.y, l->w, l->h });
	}
}

/* Slide i (or, live, the audience's frame) scaled into box. */
static void
draw_slide(struct player *p, const struct layout_item *it)
{
	struct presenter *pr = p->pr;
	float sx = (float)it->box.w / (float)p->w;
	float sy = (float)it->box.h / (float)p->h;
	SDL_Rect vp = { (int)(it->box.x / sx + 0.5f),
		        (int)(it->box.y / sy + 0.5f), p->w, p->h };
	struct show_frame f;

	show_frame(&p->show, SDL_GetTicks64(), &f);
	SDL_RenderSetScale(pr->sdl, sx, sy);
	SDL_RenderSetViewport(pr->sdl, &vp);
	render_set_time(pr->r, p->tick_drawn); /* as the audience sees it */
	if (it->live && f.in_transition && f.kind == DECK_TRANSITION_FADE)
		render_fade(pr->r, f.from, f.to, p->w, p->h,
		            (uint8_t)(f.progress * 255));
	else
		render_slide(pr->r, (size_t)it->slide_index, p->w, p->h, 0,
		             255);
	SDL_RenderSetViewport(pr->sdl, NULL);
	SDL_RenderSetScale(pr->sdl, 1, 1);
}

static void
fill_rect(struct presenter *pr, const struct layout_item *it)
{
	SDL_Rect r = { it->box.x, it->box.y, it->box.w, it->box.h };

	SDL_SetRenderDrawColor(pr->sdl, it->color.r, it->color.g, it->color.b,
	                       255);
	SDL_RenderFillRect(pr->sdl, &r);
}

static void
draw_items(struct player *p, const SDL_Rect *only)
{
	struct presenter *pr = p->pr;

	for (size_t k = 0; k < pr->con.lay.n; k++) {
		const struct layout_item *it = &pr->con.lay.items[k];
		SDL_Rect b = { it->box.x, it->box.y, it->box.w, it->box.h };

		if (only && !SDL_HasIntersection(&b, only))
			continue;
		if (it->kind == LAYOUT_RECT)
			fill_rect(pr, it);
		else if (it->kind == LAYOUT_TEXT)
			draw_text(pr, it);
		else if (it->kind == LAYOUT_SLIDE)
			draw_slide(p, it);
	}
}

/* The status bar's rectangle: the items above the first picture. */
static SDL_Rect
bar_rect(const struct presenter *pr)
{
	int bottom = 0;

	for (size_t k = 1; k < pr->con.lay.n; k++) {
		const struct layout_item *it = &pr->con.lay.items[k];

		if (it->kind != LAYOUT_TEXT ||
		    it->box.y > pr->con.lay.items[1].box.y)
			continue;
		bottom = it->box.y + it->box.h > bottom ? it->box.y + it->box.h
		                                        : bottom;
	}
	return (SDL_Rect){ 0, 0, pr->w, bottom };
}

/* Only the status bar again (the clock or timer moved): on the window's
 * own pixels, only its rectangle goes to the display. */
void
presenter_draw_bar(struct player *p)
{
	struct presenter *pr = p->pr;
	SDL_Rect bar = bar_rect(pr);
	SDL_RendererInfo info;

	SDL_RenderSetClipRect(pr->sdl, &bar);
	draw_items(p, &bar);
	SDL_RenderSetClipRect(pr->sdl, NULL);
	if (SDL_GetRendererInfo(pr->sdl, &info) == 0 &&
	    info.flags & SDL_RENDERER_SOFTWARE) {
		SDL_RenderFlush(pr->sdl);
		SDL_UpdateWindowSurfaceRects(pr->win, &bar, 1);
	} else {
		SDL_RenderPresent(pr->sdl);
	}
}

void
presenter_draw_all(struct player *p)
{
	draw_items(p, NULL);
	SDL_RenderPresent(p->pr->sdl);
}
