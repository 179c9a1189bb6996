/*
 * glyph_check: what --check says of characters no font can draw. Every
 * text a slide may show (text_paths.h) is read character by character;
 * one the bundled faces lack is looked for among the system's fonts
 * (fallback.h), and one no font has is warned of, once per text and
 * character:
 *   DECK:LINE:1: slides[3].title: no font draws U+4E2D "中": it shows as
 *   a box; install fonts-noto-cjk (see README, Scripts and fonts)
 * The deck still loads; the show logs the same character again when it
 * draws it.
 */
#ifndef VITRINE_GLYPH_CHECK_H
#define VITRINE_GLYPH_CHECK_H

#include "deck.h"
#include "render.h"
#include "report.h"

/* Adds a warning to rep for each character of deck's texts that no font
 * r can open draws. */
void glyph_check_deck(const struct deck *deck, struct render *r,
                      struct report *rep);

#endif
