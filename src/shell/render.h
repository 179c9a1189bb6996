/*
 * render: draws laid-out slides with SDL_Renderer and SDL_ttf.
 *
 * Owns the fonts (through font.h: the bundled TTF files, read once into
 * memory and opened at each size used) and a small cache of prepared
 * slides: a slide's layout and one texture per line of text and per image,
 * made once and reused every frame until the slide falls out of the
 * cache, the deck changes or the screen size changes. Pictures are decoded
 * on decoder.h's thread when a slide is prepared (render_prepare the next
 * and previous slides ahead of time); drawing a slide whose pictures are
 * not decoded yet waits for them, so no slide is ever drawn in part.
 * Draws into whatever target the SDL_Renderer has: a window, or a software
 * renderer on a surface for PNG export.
 *
 * Usage:
 *	struct render *r = render_create(sdl_renderer, "assets/fonts", &rep);
 *	render_set_deck(r, &deck);
 *	render_slide(r, 0, w, h, 0, 255);	// then SDL_RenderPresent
 *	render_destroy(r);
 */
#ifndef VITRINE_RENDER_H
#define VITRINE_RENDER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "image.h"
#include "layout.h"
#include "report.h"
#include "scrim.h"

struct render;

/*
 * Opens the bundled fonts from font_dir. Returns NULL, with a message in
 * rep, when a font is missing or unreadable. The caller destroys it.
 * Requires TTF_Init() to have been called (pictures load SDL_image when
 * they need it: see picture.h).
 */
struct render *render_create(SDL_Renderer *sdl, const char *font_dir,
                             struct report *rep);
/* Frees fonts and every texture. Accepts NULL. */
void render_destroy(struct render *r);

/* A measurer backed by SDL_ttf, valid as long as r. */
const struct layout_measurer *render_measurer(struct render *r);

/*
 * Uses deck (borrowed; must outlive its use) and drops cached slides. Keeps
 * in memory only the fonts deck draws with; others load again when a later
 * deck needs them.
 */
void render_set_deck(struct render *r, const struct deck *deck);

/* The wall-clock time (ms since the epoch) that clocks and countdowns
 * show from now on; a tick's text is made again when it changes. */
void render_set_time(struct render *r, int64_t wall_ms);

/*
 * Kiosk controls and other space kept free at the bottom of every slide, in
 * pixels; changing it drops cached slides.
 */
void render_set_reserve(struct render *r, int reserve_bottom);

/*
 * Draws slide i laid out for w x h, shifted dx pixels to the right, at
 * opacity alpha (255 opaque). Prepares it first when it is not cached.
 * At dx 0 and alpha 255 it covers every pixel (the background comes
 * first): no need to clear before. Returns 0, or -1 when i is out of range
 * or drawing failed (the reason is logged once; nothing was drawn).
 */
int render_slide(struct render *r, size_t i, int w, int h, int dx,
                 uint8_t alpha);

/*
 * Draws a crossfade from slide `from` to slide `to` at w x h, alpha 0 (all
 * `from`) to 255 (all `to`). When both have the same background, it is
 * drawn once, opaque, and only their content blends: far cheaper than a
 * full-screen blend. Returns 0, or -1 when a slide cannot be prepared.
 */
int render_fade(struct render *r, size_t from, size_t to, int w, int h,
                uint8_t alpha);

/* Prepares slide i for w x h ahead of time (e.g. the next slide). */
int render_prepare(struct render *r, size_t i, int w, int h);

/*
 * The layout of slide i at w x h (prepared if needed), or NULL. Borrowed:
 * valid until the next call into r.
 */
const struct layout *render_layout(struct render *r, size_t i, int w, int h);

/*
 * How many (font, size) pairs stay open, 1 to RENDER_FONT_SLOTS_MAX; 4
 * unless told. Each holds its face's tables (about 300 KB for the bundled
 * fonts): a show lays out at one screen size and needs few; a check at six
 * sizes wants more, or it reopens them over and over.
 */
#define RENDER_FONT_SLOTS_MAX 24
void render_set_font_slots(struct render *r, size_t n);

/*
 * Draws with sdl from now on (render_create may take NULL, to load the
 * fonts before there is a renderer); drops the cached textures.
 */
void render_set_renderer(struct render *r, SDL_Renderer *sdl);

/*
 * A texture of the text item it (a line of a display list that is not a
 * slide's, such as the console's), w x h px; NULL when it is empty or
 * cannot be drawn. The caller destroys it.
 */
SDL_Texture *render_text(struct render *r, const struct layout_item *it, int *w,
                         int *h);

/* Textures made from now on scale smoothly (drawn smaller than made, as
 * the console's previews are); drops the cached ones. */
void render_set_smooth(struct render *r, bool smooth);

/* Drops every cached texture (after SDL_RENDER_TARGETS_RESET, say). */
void render_flush(struct render *r);

/*
 * The language of the texts drawn from now on (a BCP 47 tag such as "ja"
 * or "zh-Hant"; NULL: unknown, guessed line by line), which picks the
 * regional form of Han characters (text.h): the deck's language, or the
 * one a show switches to. Copied; flushes prepared slides (a caller's
 * measure_cache should be cleared too).
 */
void render_set_language(struct render *r, const char *lang);

/* Whether some font (bundled, or a system one, found then) draws cp. */
bool render_has_glyph(struct render *r, uint32_t cp);

/* Bytes of font files held in memory (faces no deck uses are let go). */
size_t render_font_bytes(const struct render *r);

/* Number of live textures, for tests that look for leaks. */
size_t render_texture_count(const struct render *r);

/*
 * Images that failed to load while preparing slides: one message each in
 * rep, as "DECK:LINE:COL: slides[i].image: cannot load "x.png": reason".
 */
void render_image_errors(struct render *r, struct report *rep);

/* How many image errors render_image_errors would give now. */
size_t render_image_error_count(const struct render *r);

/*
 * Decodes image (a path relative to the deck's folder) through the same
 * guards as drawing (inside the folder, a regular file, size and pixel
 * limits, an accepted format) for a 1920x1080 screen, then frees it; its
 * header's facts go to *info. Returns 0, or -1 with the reason in why.
 */
int render_check_image(struct render *r, const char *image,
                       struct image_info *info, char *why, size_t why_size);

/*
 * The scrim slide i has over its picture behind the text at w x h (its
 * pictures decoded first): true with *out filled when it has such a
 * picture, else false.
 */
bool render_scrim(struct render *r, size_t i, int w, int h, struct scrim *out);

/*
 * When ev says a picture was decoded: makes the textures of every cached
 * slide's pictures that are done (without waiting) and returns true; else
 * false.
 */
bool render_take_decoded(struct render *r, const SDL_Event *ev);

/* Called after drawing had to wait ms for slide's picture image (a path
 * relative to the deck's folder), for --trace. */
typedef void render_wait_fn(void *ctx, size_t slide, const char *image,
                            unsigned ms);
void render_set_wait_hook(struct render *r, render_wait_fn *fn, void *ctx);

#endif
