/*
 * text_paths: every text of a deck that a slide may show, with its place
 * in the deck's JSON ("slides[3].bullets[1]", "event.name"), for checks
 * that look at each character (glyph_check.h). Pure C.
 *
 * Usage:
 *	static void each(void *ctx, size_t slide, const char *path,
 *	                 const char *text);
 *	text_paths_visit(deck, each, ctx);
 */
#ifndef VITRINE_TEXT_PATHS_H
#define VITRINE_TEXT_PATHS_H

#include <stddef.h>

#include "deck.h"

#define TEXT_PATH_MAX 64 /* bytes of a path, with its NUL */

/* Receives one text; slide is SIZE_MAX for the deck's own texts (its
 * title, the event's name, date and venue). path and text are borrowed for
 * the call. */
typedef void text_path_fn(void *ctx, size_t slide, const char *path,
                          const char *text);

/* Calls fn for each text of deck that is not NULL: the deck's, then each
 * slide's in the order of struct deck_slide. */
void text_paths_visit(const struct deck *deck, text_path_fn *fn, void *ctx);

#endif
