/*
 * fallback: fonts for the characters the bundled faces lack (Arabic,
 * Hebrew, Devanagari, Thai, Chinese, Japanese, Korean, emoji...), found
 * through fontconfig among the system's fonts (Debian's fonts-noto-core,
 * fonts-noto-cjk and fonts-noto-color-emoji) and opened only when a text
 * needs one: a deck in Latin script never starts fontconfig, opens no
 * other file and holds no more memory.
 *
 * For a character, the faces already open are asked first; then
 * fontconfig sorts the system's fonts for the face's family (Noto Sans or
 * Noto Serif), weight and the text's language, and the first that has the
 * character is taken, a Noto face of the same family first ("Noto Sans
 * Arabic" for Noto Sans text), then any Noto face, then any face. The
 * language picks the regional form of Han characters: "ja" a Japanese
 * face, "zh-Hant" or "zh-TW" a traditional Chinese one, "ko" a Korean one.
 * Font files are mapped into memory, not read: only the pages of the
 * glyphs drawn are loaded (a 19 MB CJK collection costs a few MB), shared
 * with other programs.
 *
 * Usage:
 *	struct fallback *fb = fallback_create();
 *	double scale;
 *	TTF_Font *f = fallback_font(fb, DECK_FONT_SANS, "ja", 0x4e2d, 40,
 *	                            &scale);	// borrowed, or NULL
 *	fallback_destroy(fb);
 */
#ifndef VITRINE_FALLBACK_H
#define VITRINE_FALLBACK_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

#include "deck.h"

#define FALLBACK_FACES 24 /* fallback faces open at most */

struct fallback;

/* An empty set; fontconfig is not started until a face is asked for. */
struct fallback *fallback_create(void);
/* Closes every face. Accepts NULL. */
void fallback_destroy(struct fallback *fb);

/*
 * A font that draws code point cp, for text in face at px in language lang
 * (a BCP 47 tag, or NULL or "" when unknown), or NULL when no font on the
 * system has it (or FALLBACK_FACES faces are held by the line, see
 * fallback_keep_from_now). *scale receives what its glyphs must be scaled
 * by to match px: 1, but for a face of fixed bitmap sizes (the colour
 * emoji) whose glyphs are drawn larger. Borrowed: open until
 * fallback_keep_from_now or fallback_destroy; its size changes with the
 * next call for it.
 */
TTF_Font *fallback_font(struct fallback *fb, enum deck_font face,
                        const char *lang, uint32_t cp, int px, double *scale);

/* Keeps every face returned from now on open (a line being set holds
 * them) until the next call: a face is then closed for a new one only if
 * it was not used since. */
void fallback_keep_from_now(struct fallback *fb);

/* Closes every face and forgets which characters no font had (fonts may
 * have been installed since): a new deck starts afresh. */
void fallback_close_all(struct fallback *fb);

/* How many fallback faces are open. */
size_t fallback_count(const struct fallback *fb);

#endif
