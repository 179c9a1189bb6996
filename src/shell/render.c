/*
 * render: SDL_Renderer + SDL_ttf drawing of laid-out slides; see render.h.
 *
 * Owns the slide cache and the drawing. A prepared slide is its layout plus
 * one texture per text line and image; the last few are cached, so a
 * static slide or a transition only copies textures. Fonts come from
 * font.h (the bundled faces, their checks and sized slots); pictures from
 * image.h (the guards on the file, then the decoding). An image that does
 * not load draws a placeholder with one message in render_image_errors.
 */
#include "render.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "decoder.h"
#include "font.h"
#include "log.h"
#include "render_internal.h"
#include "text.h"
#include "util.h"

_Static_assert(RENDER_FONT_SLOTS_MAX == FONT_SLOTS_MAX, "font slots");

static int
measure_width(void *ctx, enum deck_font face, int px, const char *s, size_t len)
{
	struct render *r = ctx;
	int w = text_width(r->text, face, px, s, len);

	return w < 0 ? px * (int)util_utf8_count(s, len) /* err wide */ : w;
}

static int
measure_line_height(void *ctx, enum deck_font face, int px)
{
	struct render *r = ctx;
	int h = text_line_height(r->text, face, px);

	return h < 0 ? px * 3 / 2 : h;
}

struct render *
render_create(SDL_Renderer *sdl, const char *font_dir, struct report *rep)
{
	struct render *r = xcalloc(1, sizeof(*r));

	r->sdl = sdl;
	r->measurer =
	        (struct layout_measurer){ measure_width, measure_line_height, r,
		                          render_picture_size };
	r->fonts = font_create(font_dir, rep);
	if (!r->fonts) {
		render_destroy(r);
		return NULL;
	}
	r->text = text_create(r->fonts);
	return r;
}

static void
drop_slide(struct render *r, struct prepared *p)
{
	if (!p->live)
		return;
	render_cancel(r, p);
	for (size_t i = 0; i < p->lay.n; i++) {
		if (p->pieces[i].tex) {
			SDL_DestroyTexture(p->pieces[i].tex);
			r->textures--;
		}
	}
	free(p->pieces);
	layout_destroy(&p->lay);
	memset(p, 0, sizeof(*p));
}

void
render_set_renderer(struct render *r, SDL_Renderer *sdl)
{
	render_flush(r);
	r->sdl = sdl;
}

void
render_set_font_slots(struct render *r, size_t n)
{
	font_set_slots(r->fonts, n);
}

void
render_flush(struct render *r)
{
	for (size_t i = 0; i < SLIDE_CACHE; i++)
		drop_slide(r, &r->slides[i]);
}

void
render_destroy(struct render *r)
{
	if (!r)
		return;
	render_flush(r);
	decoder_destroy(r->decoder);
	render_forget_probes(r);
	text_destroy(r->text);
	font_destroy(r->fonts);
	for (size_t i = 0; i < r->n_image_errors; i++)
		free(r->image_errors[i]);
	free(r->dir_real);
	free(r);
}

const struct layout_measurer *
render_measurer(struct render *r)
{
	return &r->measurer;
}

void
render_set_time(struct render *r, int64_t wall_ms)
{
	r->now_ms = wall_ms;
}

/*
 * Keeps in memory only the faces deck draws with (its theme's two, and
 * sans for picture placeholders): each face is about 550 KB. The deck's
 * time zone is the one its clocks show.
 */
void
render_set_deck(struct render *r, const struct deck *deck)
{
	render_flush(r);
	render_forget_probes(r);
	text_close_fallbacks(r->text);
	r->deck = deck;
	free(r->dir_real);
	r->dir_real = NULL;
	if (deck) {
		const enum deck_font needs[] = { deck->theme.heading_font,
			                         deck->theme.body_font,
			                         DECK_FONT_SANS };

		font_keep_only(r->fonts, needs, SDL_arraysize(needs));
		civil_use_zone(deck->settings.time_zone);
	}
	text_set_language(r->text, deck ? deck->lang : NULL); /* Han forms */
}

void
render_set_language(struct render *r, const char *lang)
{
	render_flush(r);
	text_set_language(r->text, lang);
}

bool
render_has_glyph(struct render *r, uint32_t cp)
{
	return text_has_glyph(r->text, DECK_FONT_SANS, cp);
}

size_t
render_font_bytes(const struct render *r)
{
	return font_bytes(r->fonts);
}

void
render_set_reserve(struct render *r, int reserve_bottom)
{
	if (reserve_bottom != r->reserve_bottom)
		render_flush(r);
	r->reserve_bottom = reserve_bottom;
}

size_t
render_texture_count(const struct render *r)
{
	return r->textures;
}

/* Makes out's texture from surface, which it frees; returns the texture,
 * or NULL (out's size then goes unused). */
SDL_Texture *
render_texture_from(struct render *r, SDL_Surface *surface, struct piece *out)
{
	out->tex = SDL_CreateTextureFromSurface(r->sdl, surface);
	out->w = surface->w;
	out->h = surface->h;
	r->textures += out->tex != NULL;
	if (out->tex && r->smooth)
		SDL_SetTextureScaleMode(out->tex, SDL_ScaleModeLinear);
	SDL_FreeSurface(surface);
	return out->tex;
}

static int
make_text(struct render *r, const struct layout_item *it, struct piece *out)
{
	SDL_Color c = { it->color.r, it->color.g, it->color.b, 255 };
	SDL_Surface *s;
	bool failed;

	if (it->len == 0)
		return 0;
	s = text_render(r->text, it->font, it->px, it->text, it->len, it->rtl,
	                c, &failed);
	if (!s)
		return failed ? -1 : 0; /* only zero-width characters */
	return render_texture_from(r, s, out) ? 0 : -1;
}

SDL_Texture *
render_text(struct render *r, const struct layout_item *it, int *w, int *h)
{
	struct piece pc = { 0 };

	if (it->kind != LAYOUT_TEXT || make_text(r, it, &pc) < 0 || !pc.tex)
		return NULL;
	r->textures--; /* the caller's */
	*w = pc.w;
	*h = pc.h;
	return pc.tex;
}

void
render_set_smooth(struct render *r, bool smooth)
{
	r->smooth = smooth;
	render_flush(r);
}

static int
make_pieces(struct render *r, struct prepared *p)
{
	int rc = 0;

	p->pieces = xcalloc(p->lay.n ? p->lay.n : 1, sizeof(*p->pieces));
	for (size_t i = 0; i < p->lay.n; i++) {
		const struct layout_item *it = &p->lay.items[i];

		if (it->kind == LAYOUT_TEXT && it->tick == LAYOUT_TICK_NONE &&
		    make_text(r, it, &p->pieces[i]))
			rc = -1;
		else if (it->kind == LAYOUT_IMAGE)
			render_request_picture(r, p, i);
	}
	return rc;
}

static struct prepared *
find_slide(struct render *r, size_t i, int w, int h)
{
	for (size_t k = 0; k < SLIDE_CACHE; k++) {
		struct prepared *p = &r->slides[k];

		if (p->live && p->index == i && p->w == w && p->h == h &&
		    r->now_ms < p->lay.until_ms) {
			p->used = ++r->clock;
			return p;
		}
	}
	return NULL;
}

/* The least recently used slot: a free one first, which was never used. */
static struct prepared *
oldest_slot(struct render *r)
{
	struct prepared *slot = &r->slides[0];

	for (size_t k = 1; k < SLIDE_CACHE; k++)
		if (r->slides[k].used < slot->used)
			slot = &r->slides[k];
	return slot;
}

/* Lays slide i out for w x h in the least recently used slot and makes its
 * pieces; NULL when there is no such slide or it cannot be laid out. */
static struct prepared *
lay_out(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = oldest_slot(r);

	if (!r->deck || i >= r->deck->n_slides)
		return NULL;
	drop_slide(r, p);
	layout_init(&p->lay);
	p->lay.at_ms = r->now_ms;
	if (layout_slide(&p->lay, r->deck, i, w, h, r->reserve_bottom,
	                 &r->measurer) < 0) {
		layout_destroy(&p->lay);
		return NULL;
	}
	p->live = true;
	p->index = i;
	p->w = w;
	p->h = h;
	p->used = ++r->clock;
	if (make_pieces(r, p) < 0)
		log_msg(LOG_WARN, "slide %zu: some text could not be drawn: %s",
		        i + 1, TTF_GetError());
	return p;
}

/* Slide i at w x h from the cache, else laid out anew. */
static struct prepared *
prepare(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = find_slide(r, i, w, h);

	return p ? p : lay_out(r, i, w, h);
}

int
render_prepare(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = prepare(r, i, w, h);

	if (p)
		render_settle(r, p, false);
	return p ? 0 : -1;
}

/* Slide i at w x h with every picture decoded, for drawing. */
static struct prepared *
prepare_whole(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = prepare(r, i, w, h);

	if (p)
		render_settle(r, p, true);
	return p;
}

const struct layout *
render_layout(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = prepare(r, i, w, h);

	return p ? &p->lay : NULL;
}

/* Box b shifted dx pixels to the right. */
static SDL_Rect
shifted(struct layout_rect b, int dx)
{
	return (SDL_Rect){ b.x + dx, b.y, b.w, b.h };
}

void
render_fill(struct render *r, SDL_Rect rect, struct deck_color c, uint8_t alpha)
{
	SDL_SetRenderDrawBlendMode(r->sdl, alpha == 255 ? SDL_BLENDMODE_NONE
	                                                : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, alpha);
	SDL_RenderFillRect(r->sdl, &rect);
}

static void
copy(struct render *r, const struct piece *pc, SDL_Rect dst, uint8_t alpha)
{
	SDL_SetTextureAlphaMod(pc->tex, alpha);
	SDL_RenderCopy(r->sdl, pc->tex, NULL, &dst);
}

static void
update_tick(struct render *r, const struct layout_item *it, struct piece *pc)
{
	char text[TICK_TEXT];
	struct layout_item made = *it;

	made.len = layout_tick_text(r->deck, it, r->now_ms, text, sizeof(text));
	if (pc->tex && strcmp(text, pc->tick) == 0)
		return;
	if (pc->tex) {
		SDL_DestroyTexture(pc->tex);
		r->textures--;
		pc->tex = NULL;
	}
	made.text = text;
	memcpy(pc->tick, text, sizeof(text));
	make_text(r, &made, pc);
}

/* A tick's text set in its box by its alignment, scaled down when it is
 * wider than the box. */
static void
draw_tick(struct render *r, const struct layout_item *it,
          const struct piece *pc, int dx, uint8_t alpha)
{
	SDL_Rect box = shifted(it->box, dx), at;

	if (!pc->tex)
		return;
	at = (SDL_Rect){ box.x, box.y, pc->w, pc->h };
	if (pc->w > box.w) /* narrowed to the box, its height in proportion */
		at = (SDL_Rect){ box.x, box.y, box.w,
			         (int)((long)pc->h * box.w / pc->w) };
	if (pc->w <= box.w && it->align >= 0)
		at.x += (box.w - pc->w) / (it->align > 0 ? 1 : 2);
	copy(r, pc, at, alpha);
}

static void
draw_item(struct render *r, const struct layout_item *it, struct piece *pc,
          int dx, uint8_t alpha)
{
	if (!layout_item_shows(r->deck, it, r->now_ms))
		return;
	if (it->tick != LAYOUT_TICK_NONE) {
		update_tick(r, it, pc);
		draw_tick(r, it, pc, dx, alpha);
		return;
	}
	switch (it->kind) {
	case LAYOUT_RECT:
		render_fill(r, shifted(it->box, dx), it->color, alpha);
		break;
	case LAYOUT_TEXT:
		/* right to left, the line keeps its right end where it was
		 * measured to be (text.h) */
		if (pc->tex)
			copy(r, pc,
			     (SDL_Rect){
			             it->box.x + dx +
			                     (it->rtl ? it->box.w - pc->w : 0),
			             it->box.y, pc->w, pc->h },
			     alpha);
		break;
	case LAYOUT_IMAGE:
		render_draw_picture(r, it, pc, dx, alpha);
		break;
	case LAYOUT_SLIDE: /* the console's; a slide has none */
		break;
	}
}

/* Draws the items of p from k on whose backdrop flag is backdrop. */
static void
draw_pass(struct render *r, const struct prepared *p, size_t k, int dx,
          uint8_t alpha, bool backdrop)
{
	for (; k < p->lay.n; k++)
		if (p->lay.items[k].backdrop == backdrop)
			draw_item(r, &p->lay.items[k], &p->pieces[k], dx,
			          alpha);
}

/* Draws the items of p from k on, shifted dx pixels to the right, at
 * alpha; none at all at alpha 0. The background first, then the pictures
 * behind the text (their scrim laid in), then the rest. */
static void
draw_items(struct render *r, struct prepared *p, size_t k, int dx,
           uint8_t alpha)
{
	if (!alpha || k >= p->lay.n)
		return;
	if (k == 0)
		draw_item(r, &p->lay.items[0], &p->pieces[0], dx, alpha);
	k = k ? k : 1;
	draw_pass(r, p, k, dx, alpha, true);
	draw_pass(r, p, k, dx, alpha, false);
}

int
render_slide(struct render *r, size_t i, int w, int h, int dx, uint8_t alpha)
{
	struct prepared *p = prepare_whole(r, i, w, h);

	if (p)
		draw_items(r, p, 0, dx, alpha);
	return p ? 0 : -1;
}

size_t
render_image_error_count(const struct render *r)
{
	return r->n_image_errors;
}

static bool
same_background(const struct prepared *a, const struct prepared *b)
{
	return a->lay.n && b->lay.n &&
	       !memcmp(&a->lay.items[0].color, &b->lay.items[0].color,
	               sizeof(struct deck_color));
}

int
render_fade(struct render *r, size_t from, size_t to, int w, int h,
            uint8_t alpha)
{
	struct prepared *a = prepare_whole(r, from, w, h);
	struct prepared *b = a ? prepare_whole(r, to, w, h) : NULL;

	if (!b)
		return -1;
	if (!same_background(a, b)) {
		draw_items(r, a, 0, 0, 255);
		draw_items(r, b, 0, 0, alpha);
		return 0;
	}
	/* One opaque background; only the content blends. */
	draw_item(r, &b->lay.items[0], &b->pieces[0], 0, 255);
	draw_items(r, a, 1, 0, (uint8_t)(255 - alpha));
	draw_items(r, b, 1, 0, alpha);
	return 0;
}

bool
render_take_decoded(struct render *r, const SDL_Event *ev)
{
	if (!r || !ev->type || ev->type != decoder_event_type())
		return false;
	for (size_t k = 0; k < SLIDE_CACHE; k++)
		if (r->slides[k].live)
			render_settle(r, &r->slides[k], false);
	return true;
}

bool
render_scrim(struct render *r, size_t i, int w, int h, struct scrim *out)
{
	struct prepared *p = prepare_whole(r, i, w, h);

	for (size_t k = 0; p && k < p->lay.n; k++) {
		if (p->lay.items[k].backdrop && !p->pieces[k].placeholder) {
			*out = p->scrim;
			return true;
		}
	}
	return false;
}

void
render_set_wait_hook(struct render *r, render_wait_fn *fn, void *ctx)
{
	r->on_wait = fn;
	r->wait_ctx = ctx;
}

void
render_image_errors(struct render *r, struct report *rep)
{
	for (size_t i = 0; i < r->n_image_errors; i++)
		report_error(rep, "%s", r->image_errors[i]);
}
