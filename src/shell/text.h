/*
 * text: measures and draws one line of text in any script. A line is split
 * into runs of one direction and one script in visual order (textrun.h),
 * each run into pieces of one font: the bundled face where it has the
 * characters, else a system font that has them (fallback.h). Each piece is
 * shaped by SDL_ttf's HarfBuzz with its script and direction set (Arabic
 * joined, Devanagari conjuncts formed), and the pieces are set side by
 * side on one baseline. Plain ASCII goes straight to the bundled face, as
 * before: a Latin deck costs nothing more.
 *
 * A character no font has is drawn with the bundled face (a box): the
 * first time, a warning names it (and --check names it beforehand, see
 * glyph_check.h).
 *
 * Usage:
 *	struct text *t = text_create(fonts);
 *	text_set_language(t, "ja");	// the deck's; NULL: guessed
 *	int w = text_width(t, DECK_FONT_SANS, 40, s, len);
 *	SDL_Surface *img = text_render(t, DECK_FONT_SANS, 40, s, len, rtl, c);
 *	text_destroy(t);
 */
#ifndef VITRINE_TEXT_H
#define VITRINE_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "font.h"

struct text;

/* A text drawer over the bundled faces fs (borrowed; they outlive it). */
struct text *text_create(struct font_set *fs);
/* Closes the fallback faces. Accepts NULL. */
void text_destroy(struct text *t);

/*
 * The language texts are in (a BCP 47 tag such as "ja", "zh-Hant", "ar"),
 * which chooses the regional form of Han characters; NULL or "": unknown,
 * and guessed for each line (kana: Japanese, hangul: Korean, other Han:
 * simplified Chinese). Copied.
 */
void text_set_language(struct text *t, const char *lang);

/* Width in pixels of the len bytes of UTF-8 at s in face at px; -1 when
 * SDL_ttf fails. */
int text_width(struct text *t, enum deck_font face, int px, const char *s,
               size_t len);

/* Line height (baseline to baseline) of face at px; -1 on failure. */
int text_line_height(struct text *t, enum deck_font face, int px);

/*
 * The line of len bytes at s drawn in face at px and colour c, in a
 * paragraph of direction rtl (textrun_is_rtl): a surface as tall as the
 * face's line (or a little more, for what reaches below it), which the
 * caller frees. As wide as text_width says when rtl is the line's own
 * direction (text_width measures so); a line of a right-to-left paragraph
 * that starts in Latin may come out a few pixels wider or narrower, as
 * its spaces fall in other runs.
 * NULL when there is nothing to draw (only zero-width characters) or
 * SDL_ttf fails (*failed is then set).
 */
SDL_Surface *text_render(struct text *t, enum deck_font face, int px,
                         const char *s, size_t len, bool rtl, SDL_Color c,
                         bool *failed);

/* Whether some font (bundled or fallback) draws code point cp in face. */
bool text_has_glyph(struct text *t, enum deck_font face, uint32_t cp);

/* Closes the fallback faces (a new deck opens those it needs). */
void text_close_fallbacks(struct text *t);

/* Fallback faces open (for tests and the memory report). */
size_t text_fallbacks(const struct text *t);

#endif
