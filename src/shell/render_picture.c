/*
 * render_picture: the pictures of prepared slides: their sizes for the
 * layout (headers read once, cached), their decodes asked of decoder.h
 * when a slide is prepared and turned into textures on the main thread
 * when it is drawn, the scrim over a picture behind text measured from the
 * decoded pixels under that text and laid into the picture's own pixels
 * (one opaque copy a frame, not a picture and a blended layer), and the
 * drawing of all of it (a
 * placeholder, the file's name on a grey frame, when a picture cannot be
 * shown, with one message in render_image_errors).
 */
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "decoder.h"
#include "font.h"
#include "lint.h"
#include "picture_fit.h"
#include "render_internal.h"
#include "util.h"

#define SCRIM_SAMPLES 4096 /* pixels read under a slide's text */
#define TEXT_COLORS   8    /* distinct text colours looked at */

/* deck_dir/rel into buf. */
static const char *
full_path(char *buf, size_t size, const struct deck *deck, const char *rel)
{
	snprintf(buf, size, "%s/%s", deck->dir, rel);
	return buf;
}

static struct probe *
find_probe(struct render *r, const char *rel)
{
	for (size_t i = 0; i < PROBES; i++)
		if (r->probes[i].path && !strcmp(r->probes[i].path, rel))
			return &r->probes[i];
	return NULL;
}

int
render_picture_size(void *ctx, const char *rel, int *w, int *h)
{
	struct render *r = ctx;
	struct probe *pr = r->deck ? find_probe(r, rel) : NULL;
	struct image_info info;
	char path[4096], why[512];

	if (!r->deck)
		return -1;
	if (!pr) {
		pr = &r->probes[r->next_probe++ % PROBES];
		free(pr->path);
		pr->path = xstrdup(rel);
		pr->ok =
		        image_probe(r->deck->dir, &r->dir_real,
		                    full_path(path, sizeof(path), r->deck, rel),
		                    &info, why, sizeof(why)) == 0;
		pr->w = pr->ok ? info.w : 0;
		pr->h = pr->ok ? info.h : 0;
	}
	*w = pr->w;
	*h = pr->h;
	return pr->ok ? 0 : -1;
}

void
render_forget_probes(struct render *r)
{
	for (size_t i = 0; i < PROBES; i++) {
		free(r->probes[i].path);
		r->probes[i].path = NULL;
	}
	for (size_t i = 0; i < KEPT; i++) {
		free(r->kept[i].path);
		SDL_FreeSurface(r->kept[i].s);
		memset(&r->kept[i], 0, sizeof(r->kept[i]));
	}
}

/* The kept decode of item it, or NULL. */
static struct kept *
find_kept(struct render *r, const struct layout_item *it)
{
	for (size_t i = 0; i < KEPT; i++) {
		struct kept *k = &r->kept[i];

		if (k->path && !strcmp(k->path, it->image) &&
		    k->bw == it->box.w && k->bh == it->box.h &&
		    k->fit == it->fit)
			return k;
	}
	return NULL;
}

/* Keeps a copy of the decode d of item it (unless it is too large), in
 * place of the least recently used. */
static void
keep(struct render *r, const struct layout_item *it, const struct decoded *d)
{
	struct kept *k = &r->kept[0];
	size_t bytes = (size_t)d->surface->pitch * d->surface->h, held = 0;

	for (size_t i = 0; i < KEPT; i++) {
		if (r->kept[i].used < k->used)
			k = &r->kept[i];
		if (r->kept[i].s)
			held += (size_t)r->kept[i].s->pitch * r->kept[i].s->h;
	}
	if (bytes > KEPT_BYTES / 2)
		return;
	free(k->path);
	SDL_FreeSurface(k->s);
	*k = (struct kept){ xstrdup(it->image),
		            it->box.w,
		            it->box.h,
		            it->fit,
		            SDL_DuplicateSurface(d->surface),
		            d->info,
		            ++r->clock };
	if (held + bytes > KEPT_BYTES) /* the others make room */
		for (size_t i = 0; i < KEPT; i++)
			if (&r->kept[i] != k && r->kept[i].s) {
				SDL_FreeSurface(r->kept[i].s);
				free(r->kept[i].path);
				memset(&r->kept[i], 0, sizeof(r->kept[i]));
			}
}

void
render_request_picture(struct render *r, struct prepared *p, size_t k)
{
	const struct layout_item *it = &p->lay.items[k];
	struct piece *pc = &p->pieces[k];
	char path[4096];

	pc->pending = true;
	if ((pc->kept = find_kept(r, it))) { /* decoded before: no decode */
		pc->kept->used = ++r->clock;
		return;
	}
	if (!r->decoder)
		r->decoder = decoder_create();
	pc->ticket = r->decoder ? decoder_request(r->decoder, r->deck->dir,
	                                          full_path(path, sizeof(path),
	                                                    r->deck, it->image),
	                                          it->box.w, it->box.h, it->fit)
	                        : 0;
}

static bool
has_image_error(const struct render *r, const char *msg)
{
	for (size_t i = 0; i < r->n_image_errors; i++)
		if (!strcmp(r->image_errors[i], msg))
			return true;
	return false;
}

/* The key of picture image on slide s ("image", "logos[2].image"). */
static const char *
picture_key(const struct deck_slide *s, const char *image, char *key,
            size_t size)
{
	const char *p;

	for (size_t k = 0; (p = deck_slide_picture(s, k, key, size)); k++)
		if (p == image)
			return key;
	return "image";
}

static void
note_image_error(struct render *r, const struct prepared *p,
                 const struct layout_item *it, const char *why)
{
	const struct deck_slide *s = &r->deck->slides[p->index];
	bool bg = it->image == s->background_image; /* borrowed from s */
	struct deck_where at = bg ? s->background_image_at : s->image_at;
	char msg[1024], key[64];

	if (!bg && it->image != s->image) /* a logo's: the slide's line */
		at = (struct deck_where){ (uint32_t)s->line, 1 };
	snprintf(msg, sizeof(msg),
	         "%s:%u:%u: slides[%zu].%s: cannot load \"%s\": %s",
	         r->deck->path, (unsigned)at.line, (unsigned)at.col, p->index,
	         bg ? "background_image"
	            : picture_key(s, it->image, key, sizeof(key)),
	         it->image, why);
	if (!has_image_error(r, msg) && r->n_image_errors < IMAGE_ERRORS)
		r->image_errors[r->n_image_errors++] = xstrdup(msg);
}

/* A placeholder for item it: its file's name, drawn on a grey frame. */
static void
make_placeholder(struct render *r, const struct layout_item *it,
                 struct piece *pc)
{
	TTF_Font *font =
	        font_at(r->fonts, DECK_FONT_SANS, it->px > 0 ? it->px : 24);
	SDL_Color grey = { PLACEHOLDER_GREY, 255 };
	SDL_Surface *s =
	        font ? TTF_RenderUTF8_Blended(font, it->image, grey) : NULL;

	pc->placeholder = true;
	if (s)
		render_texture_from(r, s, pc);
}

/* The colour of pixel (x, y) of s, an RGBA32 surface. */
static struct deck_color
pixel_at(const SDL_Surface *s, int x, int y)
{
	const uint8_t *b = (const uint8_t *)s->pixels + (size_t)y * s->pitch +
	                   (size_t)x * 4;

	return (struct deck_color){ b[0], b[1], b[2] };
}

/* Adds c to the n distinct colours at v (at most TEXT_COLORS). */
static void
add_color(struct deck_color *v, size_t *n, struct deck_color c)
{
	for (size_t i = 0; i < *n; i++)
		if (!memcmp(&v[i], &c, sizeof(c)))
			return;
	if (*n < TEXT_COLORS)
		v[(*n)++] = c;
}

/* Samples s, drawn at dst from crop of a pw x ph picture, under the text
 * box b into px (room for cap); returns how many. */
static size_t
sample_box(const SDL_Surface *s, struct layout_rect dst,
           struct layout_rect crop, int pw, int ph, struct layout_rect b,
           struct deck_color *px, size_t cap)
{
	size_t n = 0;
	int step = 1 + (int)SDL_sqrt((double)b.w * b.h / 256);

	for (int y = b.y; y < b.y + b.h && n < cap; y += step) {
		for (int x = b.x; x < b.x + b.w && n < cap; x += step) {
			long ox, oy;

			if (x < dst.x || y < dst.y || x >= dst.x + dst.w ||
			    y >= dst.y + dst.h)
				continue;
			ox = crop.x + (long)(x - dst.x) * crop.w / dst.w;
			oy = crop.y + (long)(y - dst.y) * crop.h / dst.h;
			px[n++] = pixel_at(s, (int)(ox * s->w / pw),
			                   (int)(oy * s->h / ph));
		}
	}
	return n;
}

/* p's scrim from the picture s behind its text (item bd), pw x ph. */
static void
measure_scrim(struct prepared *p, const struct layout_item *bd,
              const SDL_Surface *s, int pw, int ph)
{
	static struct deck_color px[SCRIM_SAMPLES]; /* main thread only */
	struct deck_color text[TEXT_COLORS];
	struct layout_rect dst, crop;
	size_t n = 0, n_text = 0;

	picture_fit_place(pw, ph, bd->box, bd->fit, &dst, &crop);
	for (size_t k = 0; k < p->lay.n; k++) {
		const struct layout_item *it = &p->lay.items[k];

		if (it->kind != LAYOUT_TEXT || !it->len)
			continue;
		add_color(text, &n_text, it->color);
		n += sample_box(s, dst, crop, pw, ph, it->box, px + n,
		                SCRIM_SAMPLES - n);
	}
	p->scrim = scrim_choose(text, n_text, px, n, LINT_MIN_CONTRAST);
}

/* Lays scrim over the pixels of s, an RGBA32 surface, as the renderer's
 * blend would: the picture and its scrim become one opaque texture. */
static void
bake_scrim(SDL_Surface *s, struct scrim scrim)
{
	const uint8_t to[3] = { scrim.color.r, scrim.color.g, scrim.color.b };
	unsigned a = scrim.alpha;

	for (int y = 0; a && y < s->h; y++) {
		uint8_t *b = (uint8_t *)s->pixels + (size_t)y * s->pitch;

		for (int x = 0; x < s->w; x++, b += 4)
			for (int c = 0; c < 3; c++)
				b[c] = (uint8_t)((b[c] * (255 - a) + to[c] * a +
				                  127) /
				                 255);
	}
}

/* Whether every pixel of s, an RGBA32 surface, is opaque. */
static bool
is_opaque(const SDL_Surface *s)
{
	for (int y = 0; y < s->h; y++) {
		const uint8_t *b =
		        (const uint8_t *)s->pixels + (size_t)y * s->pitch;

		for (int x = 0; x < s->w; x++)
			if (b[x * 4 + 3] != 255)
				return false;
	}
	return true;
}

/*
 * A copy of the decoded s for the texture: in the screen's XRGB format
 * when opaque, which the software renderer copies and scales without
 * converting each pixel each frame; s goes back to the decoder. NULL with
 * SDL_GetError set when it cannot be copied.
 */
static SDL_Surface *
texture_copy(struct render *r, SDL_Surface *s, bool opaque, bool worker)
{
	SDL_Surface *x = SDL_ConvertSurfaceFormat(
	        s, opaque ? SDL_PIXELFORMAT_RGB888 : s->format->format, 0);

	if (worker)
		decoder_recycle(r->decoder, s);
	else
		SDL_FreeSurface(s);
	return x;
}

/* Item k's decode d made into its texture, or a placeholder. */
static void
finish(struct render *r, struct prepared *p, size_t k, struct decoded *d)
{
	const struct layout_item *it = &p->lay.items[k];
	struct piece *pc = &p->pieces[k];

	if (d->surface && !pc->kept)
		keep(r, it, d);
	pc->pending = false;
	if (d->surface) {
		pc->pw = d->info.w;
		pc->ph = d->info.h;
		if (it->backdrop) {
			measure_scrim(p, it, d->surface, pc->pw, pc->ph);
			bake_scrim(d->surface, p->scrim);
		}
		pc->opaque = is_opaque(d->surface);
		d->surface = texture_copy(r, d->surface, pc->opaque,
		                          pc->ticket && !pc->kept);
		pc->ticket = 0;
		pc->kept = NULL;
		if (d->surface && render_texture_from(r, d->surface, pc)) {
			SDL_SetTextureScaleMode(pc->tex, SDL_ScaleModeLinear);
			return;
		}
		snprintf(d->why, sizeof(d->why), "%s", SDL_GetError());
	}
	pc->ticket = 0;
	pc->kept = NULL;
	note_image_error(r, p, it, d->why);
	make_placeholder(r, it, pc);
}

/* Waits for item k's decode, telling the hook how long it took. */
static void
wait_for(struct render *r, const struct prepared *p, size_t k,
         struct decoded *d)
{
	uint64_t t0 = SDL_GetTicks64();

	decoder_wait(r->decoder, p->pieces[k].ticket, d);
	if (r->on_wait)
		r->on_wait(r->wait_ctx, p->index, p->lay.items[k].image,
		           (unsigned)(SDL_GetTicks64() - t0));
}

/* Item k's picture decoded here, on this thread (the queue was full). */
static void
decode_here(struct render *r, const struct prepared *p, size_t k,
            struct decoded *d)
{
	const struct layout_item *it = &p->lay.items[k];
	char path[4096];

	d->surface = image_load(
	        r->deck->dir, &r->dir_real,
	        full_path(path, sizeof(path), r->deck, it->image), it->box.w,
	        it->box.h, it->fit, &d->info, d->why, sizeof(d->why));
}

/* A copy of kept decode k into d. */
static void
take_kept(const struct kept *k, struct decoded *d)
{
	d->surface = SDL_DuplicateSurface(k->s);
	d->info = k->info;
	if (!d->surface)
		snprintf(d->why, sizeof(d->why), "%s", SDL_GetError());
}

void
render_settle(struct render *r, struct prepared *p, bool wait)
{
	for (size_t k = 0; k < p->lay.n; k++) {
		struct piece *pc = &p->pieces[k];
		struct decoded d = { 0 };

		if (!pc->pending)
			continue;
		if (pc->kept)
			take_kept(pc->kept, &d);
		else if (!pc->ticket)
			decode_here(r, p, k, &d);
		else if (!decoder_take(r->decoder, pc->ticket, &d) && wait)
			wait_for(r, p, k, &d);
		else if (!d.surface && !d.why[0])
			continue; /* not done, and not waited for */
		finish(r, p, k, &d);
	}
}

void
render_cancel(struct render *r, struct prepared *p)
{
	for (size_t k = 0; k < p->lay.n; k++)
		if (p->pieces && p->pieces[k].pending)
			decoder_cancel(r->decoder, p->pieces[k].ticket);
}

/* A w x h rectangle centred in b. */
static SDL_Rect
centred(SDL_Rect b, int w, int h)
{
	return (SDL_Rect){ b.x + (b.w - w) / 2, b.y + (b.h - h) / 2, w, h };
}

static void
draw_placeholder(struct render *r, const struct layout_item *it,
                 const struct piece *pc, int dx, uint8_t alpha)
{
	SDL_Rect frame = { it->box.x + dx, it->box.y, it->box.w, it->box.h };
	SDL_Rect label;
	struct layout_rect dst, crop;

	render_fill(r, frame, (struct deck_color){ PLACEHOLDER_GREY },
	            alpha / 4);
	if (!pc->tex)
		return;
	picture_fit_place(pc->w, pc->h, it->box, DECK_FIT_CONTAIN, &dst, &crop);
	label = pc->w < frame.w && pc->h < frame.h
	                ? centred(frame, pc->w, pc->h)
	                : (SDL_Rect){ dst.x + dx, dst.y, dst.w, dst.h };
	SDL_SetTextureAlphaMod(pc->tex, alpha);
	SDL_RenderCopy(r->sdl, pc->tex, NULL, &label);
}

void
render_draw_picture(struct render *r, const struct layout_item *it,
                    const struct piece *pc, int dx, uint8_t alpha)
{
	struct layout_rect dst, crop;
	SDL_Rect src, to;

	if (pc->placeholder) {
		draw_placeholder(r, it, pc, dx, alpha);
		return;
	}
	if (!pc->tex || pc->pw <= 0 || pc->ph <= 0)
		return;
	picture_fit_place(pc->pw, pc->ph, it->box, it->fit, &dst, &crop);
	src = (SDL_Rect){ (int)((long)crop.x * pc->w / pc->pw),
		          (int)((long)crop.y * pc->h / pc->ph),
		          (int)((long)crop.w * pc->w / pc->pw),
		          (int)((long)crop.h * pc->h / pc->ph) };
	to = (SDL_Rect){ dst.x + dx, dst.y, dst.w, dst.h };
	/* an opaque picture drawn opaque is a plain copy, far cheaper */
	SDL_SetTextureBlendMode(pc->tex, pc->opaque && alpha == 255
	                                         ? SDL_BLENDMODE_NONE
	                                         : SDL_BLENDMODE_BLEND);
	SDL_SetTextureAlphaMod(pc->tex, alpha);
	SDL_RenderCopy(r->sdl, pc->tex, &src, &to);
}

int
render_check_image(struct render *r, const char *image, struct image_info *info,
                   char *why, size_t why_size)
{
	char path[4096];
	SDL_Surface *s =
	        image_load(r->deck->dir, &r->dir_real,
	                   full_path(path, sizeof(path), r->deck, image), 1920,
	                   1080, DECK_FIT_CONTAIN, info, why, why_size);

	SDL_FreeSurface(s);
	return s ? 0 : -1;
}
