/*
 * render_internal: what render.c and render_picture.c share: the slide
 * cache's structs. Private to them; the API is render.h.
 */
#ifndef VITRINE_RENDER_INTERNAL_H
#define VITRINE_RENDER_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "layout.h"
#include "render.h"
#include "scrim.h"

#define SLIDE_CACHE  3  /* prepared slides kept: previous, current, next */
#define IMAGE_ERRORS 32 /* failed image paths remembered */
#define PROBES       64 /* pictures' sizes remembered */
#define KEPT         4  /* decoded pictures kept */
#define KEPT_BYTES   (24u << 20) /* at most, all of them */

#define TICK_TEXT 48 /* bytes of a tick's text (a clock, a date) */

/* The colour of a placeholder's frame and label. */
#define PLACEHOLDER_GREY 0x9a, 0xa4, 0xb0

struct piece {
	SDL_Texture *tex;     /* owned; NULL for rectangles */
	int w, h;             /* texture size */
	bool placeholder;     /* an image that did not load: draw a frame */
	bool pending;         /* an image not decoded yet */
	struct kept *kept;    /* pending: its decode, kept from before */
	unsigned ticket;      /* its decoder ticket; 0: decode it here */
	int pw, ph;           /* an image's own size, upright */
	bool opaque;          /* an image without transparency */
	char tick[TICK_TEXT]; /* a tick's text, as its texture shows it */
};

struct prepared {
	bool live;
	size_t index;
	int w, h;
	uint64_t used; /* when last used, by r->clock; 0 while free */
	struct layout lay;
	struct piece *pieces; /* owned, lay.n of them */
	struct scrim scrim;   /* laid over its backdrop, under its text */
};

/* A decoded picture kept for the next time its slide is prepared. */
struct kept {
	char *path; /* owned, relative to the deck's folder; NULL: free */
	int bw, bh; /* the box it was decoded for */
	enum deck_fit fit;
	SDL_Surface *s; /* owned: as decoded (RGBA32, upright) */
	struct image_info info;
	uint64_t used; /* by r->clock */
};

/* A picture's header, remembered for the layout (picture_size). */
struct probe {
	char *path; /* owned; NULL: free */
	int w, h;
	bool ok;
};

struct render {
	SDL_Renderer *sdl; /* borrowed */
	const struct deck *deck;
	int reserve_bottom;
	struct font_set *fonts; /* owned */
	struct text *text;      /* owned: lines in any script (text.h) */
	char *dir_real; /* realpath of the deck's folder, once needed; owned */
	struct prepared slides[SLIDE_CACHE];
	struct layout_measurer measurer;
	uint64_t clock; /* counts uses, for least-recently-used eviction */
	int64_t now_ms; /* the wall-clock time ticks show */
	size_t textures;
	bool smooth; /* textures scale with linear filtering */
	char *image_errors[IMAGE_ERRORS]; /* owned messages */
	size_t n_image_errors;
	struct decoder *decoder; /* owned; started on the first picture */
	struct probe probes[PROBES];
	struct kept kept[KEPT];
	size_t next_probe; /* the slot the next new probe takes */
	render_wait_fn *on_wait;
	void *wait_ctx;
};

/* render.c: a texture from surface, which it frees, into out. */
SDL_Texture *render_texture_from(struct render *r, SDL_Surface *surface,
                                 struct piece *out);

/* render.c: fills rect with c at alpha (blending below 255). */
void render_fill(struct render *r, SDL_Rect rect, struct deck_color c,
                 uint8_t alpha);

/* render_picture.c */

/* The measurer's picture_size, from the header (cached till the deck
 * changes). */
int render_picture_size(void *ctx, const char *path, int *w, int *h);

/* Forgets the cached headers. */
void render_forget_probes(struct render *r);

/* Asks the decoder for item k's picture (at prepare time). */
void render_request_picture(struct render *r, struct prepared *p, size_t k);

/* Turns p's decoded pictures into textures; waits for those not done
 * when wait (tracing it), else leaves them pending. */
void render_settle(struct render *r, struct prepared *p, bool wait);

/* Cancels p's pending decodes (p is being dropped). */
void render_cancel(struct render *r, struct prepared *p);

/* Draws picture item it (its texture, or a placeholder). */
void render_draw_picture(struct render *r, const struct layout_item *it,
                         const struct piece *pc, int dx, uint8_t alpha);

#endif
