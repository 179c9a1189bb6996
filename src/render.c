/*
 * render: SDL_Renderer + SDL_ttf drawing of laid-out slides; see render.h.
 *
 * Fonts: each bundled TTF file is read into memory once; a TTF_Font is
 * opened from that memory for each (font, size) pair the layout asks for and
 * kept in a small cache. Slides: a prepared slide is its layout plus one
 * texture per text line and image; the last few are cached, so a static
 * slide or a transition only copies textures.
 */
#include "render.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <string.h>

#include "util.h"

#define FONT_SIZES   40 /* cached (font, px) pairs */
#define SLIDE_CACHE  4  /* prepared slides kept */
#define IMAGE_ERRORS 32 /* failed image paths remembered */

struct sized_font {
	TTF_Font *font; /* owned; NULL = free slot */
	enum deck_font face;
	int px;
	uint64_t used;
};

struct piece {
	SDL_Texture *tex; /* owned; NULL for rectangles */
	int w, h;         /* texture size */
	bool placeholder; /* an image that did not load: draw a frame */
};

struct prepared {
	bool live;
	size_t index;
	int w, h;
	uint64_t used;
	struct layout lay;
	struct piece *pieces; /* owned, lay.n of them */
};

struct render {
	SDL_Renderer *sdl; /* borrowed */
	const struct deck *deck;
	int reserve_bottom;
	void *font_data[DECK_FONT_COUNT]; /* owned, SDL_LoadFile'd */
	size_t font_size[DECK_FONT_COUNT];
	struct sized_font fonts[FONT_SIZES];
	struct prepared slides[SLIDE_CACHE];
	struct layout_measurer measurer;
	uint64_t clock; /* counts uses, for least-recently-used eviction */
	size_t textures;
	char *image_errors[IMAGE_ERRORS]; /* owned messages */
	size_t n_image_errors;
	char line[DECK_MAX_STRING + 1]; /* NUL-terminated copy of a run */
};

/* Returns r->line holding a NUL-terminated copy of len bytes at s. */
static const char *
terminated(struct render *r, const char *s, size_t len)
{
	if (len > DECK_MAX_STRING)
		len = DECK_MAX_STRING;
	memcpy(r->line, s, len);
	r->line[len] = '\0';
	return r->line;
}

static TTF_Font *
open_sized(struct render *r, enum deck_font face, int px)
{
	SDL_RWops *rw =
	        SDL_RWFromConstMem(r->font_data[face], (int)r->font_size[face]);

	return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

/* The font face at px, opened on first use. NULL only if SDL_ttf fails. */
static TTF_Font *
font_at(struct render *r, enum deck_font face, int px)
{
	struct sized_font *slot = &r->fonts[0];

	for (size_t i = 0; i < FONT_SIZES; i++) {
		struct sized_font *f = &r->fonts[i];

		if (f->font && f->face == face && f->px == px) {
			f->used = ++r->clock;
			return f->font;
		}
		if (!f->font || f->used < slot->used)
			slot = f;
		if (!slot->font)
			break;
	}
	if (slot->font)
		TTF_CloseFont(slot->font);
	slot->font = open_sized(r, face, px);
	slot->face = face;
	slot->px = px;
	slot->used = ++r->clock;
	return slot->font;
}

static int
measure_width(void *ctx, enum deck_font face, int px, const char *s, size_t len)
{
	struct render *r = ctx;
	TTF_Font *font = font_at(r, face, px);
	int w = 0, h = 0;

	if (!font || TTF_SizeUTF8(font, terminated(r, s, len), &w, &h) < 0)
		return px * (int)util_utf8_count(s, len); /* err wide */
	return w;
}

static int
measure_line_height(void *ctx, enum deck_font face, int px)
{
	struct render *r = ctx;
	TTF_Font *font = font_at(r, face, px);

	return font ? TTF_FontLineSkip(font) : px * 3 / 2;
}

static int
load_font(struct render *r, enum deck_font face, const char *dir,
          struct report *rep)
{
	char path[4096];
	TTF_Font *probe;
	SDL_RWops *rw;

	snprintf(path, sizeof(path), "%s/%s", dir, deck_font_file(face));
	rw = SDL_RWFromFile(path, "rb");
	r->font_data[face] =
	        rw ? SDL_LoadFile_RW(rw, &r->font_size[face], 1) : NULL;
	if (!r->font_data[face]) {
		report_error(rep,
		             "%s: cannot read font: %s; reinstall vitrine "
		             "or set VITRINE_FONTS to the fonts folder",
		             path, SDL_GetError());
		return -1;
	}
	probe = open_sized(r, face, 16);
	if (!probe) {
		report_error(rep, "%s: not a usable font: %s", path,
		             TTF_GetError());
		return -1;
	}
	TTF_CloseFont(probe);
	return 0;
}

struct render *
render_create(SDL_Renderer *sdl, const char *font_dir, struct report *rep)
{
	struct render *r = xcalloc(1, sizeof(*r));

	r->sdl = sdl;
	r->measurer.text_width = measure_width;
	r->measurer.line_height = measure_line_height;
	r->measurer.ctx = r;
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		if (load_font(r, (enum deck_font)f, font_dir, rep) < 0) {
			render_destroy(r);
			return NULL;
		}
	}
	return r;
}

static void
drop_slide(struct render *r, struct prepared *p)
{
	if (!p->live)
		return;
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
	for (size_t i = 0; i < FONT_SIZES; i++)
		if (r->fonts[i].font)
			TTF_CloseFont(r->fonts[i].font);
	for (int f = 0; f < DECK_FONT_COUNT; f++)
		SDL_free(r->font_data[f]);
	for (size_t i = 0; i < r->n_image_errors; i++)
		free(r->image_errors[i]);
	free(r);
}

const struct layout_measurer *
render_measurer(struct render *r)
{
	return &r->measurer;
}

void
render_set_deck(struct render *r, const struct deck *deck)
{
	render_flush(r);
	r->deck = deck;
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

static SDL_Texture *
texture_from(struct render *r, SDL_Surface *surface, struct piece *out)
{
	SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surface);

	if (tex) {
		out->tex = tex;
		out->w = surface->w;
		out->h = surface->h;
		r->textures++;
	}
	SDL_FreeSurface(surface);
	return tex;
}

static int
make_text(struct render *r, const struct layout_item *it, struct piece *out)
{
	TTF_Font *font = font_at(r, it->font, it->px);
	SDL_Color c = { it->color.r, it->color.g, it->color.b, 255 };
	SDL_Surface *s;

	if (!font || it->len == 0)
		return font ? 0 : -1;
	s = TTF_RenderUTF8_Blended(font, terminated(r, it->text, it->len), c);
	if (!s)
		return -1;
	return texture_from(r, s, out) ? 0 : -1;
}

static void
note_image_error(struct render *r, size_t slide, const char *image,
                 const char *why)
{
	char msg[1024];

	snprintf(msg, sizeof(msg),
	         "%s: slides[%zu].image: cannot load \"%s\": "
	         "%s; check the file is a PNG or JPEG",
	         r->deck->path, slide, image, why);
	for (size_t i = 0; i < r->n_image_errors; i++)
		if (!strcmp(r->image_errors[i], msg))
			return;
	if (r->n_image_errors < IMAGE_ERRORS)
		r->image_errors[r->n_image_errors++] = xstrdup(msg);
}

/* An image's texture, or a placeholder: its name on a neutral frame. */
static int
make_image(struct render *r, const struct layout_item *it, size_t slide,
           struct piece *out)
{
	char path[4096];
	SDL_Surface *s;
	TTF_Font *font;
	SDL_Color grey = { 0x9a, 0xa4, 0xb0, 255 };

	snprintf(path, sizeof(path), "%s/%s", r->deck->dir, it->image);
	s = IMG_Load(path);
	if (s && texture_from(r, s, out))
		return 0;
	note_image_error(r, slide, it->image, IMG_GetError());
	out->placeholder = true;
	font = font_at(r, DECK_FONT_SANS, it->px > 0 ? it->px : 24);
	s = font ? TTF_RenderUTF8_Blended(font, it->image, grey) : NULL;
	if (s)
		texture_from(r, s, out);
	return 0;
}

static int
make_pieces(struct render *r, struct prepared *p)
{
	int rc = 0;

	p->pieces = xcalloc(p->lay.n ? p->lay.n : 1, sizeof(*p->pieces));
	for (size_t i = 0; i < p->lay.n; i++) {
		const struct layout_item *it = &p->lay.items[i];

		if (it->kind == LAYOUT_TEXT && make_text(r, it, &p->pieces[i]))
			rc = -1;
		else if (it->kind == LAYOUT_IMAGE)
			make_image(r, it, p->index, &p->pieces[i]);
	}
	return rc;
}

static struct prepared *
find_slide(struct render *r, size_t i, int w, int h)
{
	for (size_t k = 0; k < SLIDE_CACHE; k++) {
		struct prepared *p = &r->slides[k];

		if (p->live && p->index == i && p->w == w && p->h == h) {
			p->used = ++r->clock;
			return p;
		}
	}
	return NULL;
}

static struct prepared *
oldest_slot(struct render *r)
{
	struct prepared *slot = &r->slides[0];

	for (size_t k = 0; k < SLIDE_CACHE; k++) {
		if (!r->slides[k].live)
			return &r->slides[k];
		if (r->slides[k].used < slot->used)
			slot = &r->slides[k];
	}
	return slot;
}

static struct prepared *
prepare(struct render *r, size_t i, int w, int h)
{
	struct prepared *p;

	if (!r->deck || i >= r->deck->n_slides)
		return NULL;
	p = find_slide(r, i, w, h);
	if (p)
		return p;
	p = oldest_slot(r);
	drop_slide(r, p);
	layout_init(&p->lay);
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
		SDL_Log("slide %zu: some text could not be drawn: %s", i + 1,
		        TTF_GetError());
	return p;
}

int
render_prepare(struct render *r, size_t i, int w, int h)
{
	return prepare(r, i, w, h) ? 0 : -1;
}

const struct layout *
render_layout(struct render *r, size_t i, int w, int h)
{
	struct prepared *p = prepare(r, i, w, h);

	return p ? &p->lay : NULL;
}

static void
fill(struct render *r, struct layout_rect b, struct deck_color c, int dx,
     uint8_t alpha)
{
	SDL_Rect rect = { b.x + dx, b.y, b.w, b.h };

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

/* Fits the picture into the box, keeping its aspect, centred. */
static SDL_Rect
fit_box(struct layout_rect b, int w, int h, int dx)
{
	SDL_Rect d = { b.x + dx, b.y, b.w, b.h };

	if (w <= 0 || h <= 0)
		return d;
	if ((long)b.w * h > (long)b.h * w) {
		d.w = (int)((long)b.h * w / h);
		d.x += (b.w - d.w) / 2;
	} else {
		d.h = (int)((long)b.w * h / w);
		d.y += (b.h - d.h) / 2;
	}
	return d;
}

static void
draw_placeholder(struct render *r, const struct layout_item *it,
                 const struct piece *pc, int dx, uint8_t alpha)
{
	SDL_Rect frame = { it->box.x + dx, it->box.y, it->box.w, it->box.h };
	SDL_Rect label;

	SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r->sdl, 0x9a, 0xa4, 0xb0, alpha / 4);
	SDL_RenderFillRect(r->sdl, &frame);
	if (!pc->tex)
		return;
	label = fit_box(it->box, pc->w, pc->h, dx);
	if (pc->w < it->box.w && pc->h < it->box.h) {
		label = (SDL_Rect){ frame.x + (frame.w - pc->w) / 2,
			            frame.y + (frame.h - pc->h) / 2, pc->w,
			            pc->h };
	}
	copy(r, pc, label, alpha);
}

static void
draw_item(struct render *r, const struct layout_item *it,
          const struct piece *pc, int dx, uint8_t alpha)
{
	switch (it->kind) {
	case LAYOUT_RECT:
		fill(r, it->box, it->color, dx, alpha);
		break;
	case LAYOUT_TEXT:
		if (pc->tex)
			copy(r, pc,
			     (SDL_Rect){ it->box.x + dx, it->box.y, pc->w,
			                 pc->h },
			     alpha);
		break;
	case LAYOUT_IMAGE:
		if (pc->placeholder)
			draw_placeholder(r, it, pc, dx, alpha);
		else if (pc->tex)
			copy(r, pc, fit_box(it->box, pc->w, pc->h, dx), alpha);
		break;
	}
}

int
render_slide(struct render *r, size_t i, int w, int h, int dx, uint8_t alpha)
{
	struct prepared *p = prepare(r, i, w, h);

	if (!p)
		return -1;
	for (size_t k = 0; k < p->lay.n; k++)
		draw_item(r, &p->lay.items[k], &p->pieces[k], dx, alpha);
	return 0;
}

void
render_image_errors(struct render *r, struct report *rep)
{
	for (size_t i = 0; i < r->n_image_errors; i++)
		report_error(rep, "%s", r->image_errors[i]);
}
