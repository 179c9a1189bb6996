/*
 * font: the bundled TTF faces, for render and its measurer.
 *
 * Owns the font file names (NotoSans-Regular.ttf and the others), each
 * file read into memory once and checked (every sfnt table inside the file
 * and matching its checksum, then a test draw), a fallback face for any
 * face that did not load, and a few open (face, size) slots reused least
 * recently used first. Faces no deck draws with can be parked (their
 * memory freed) and are loaded again when asked for.
 *
 * Usage:
 *	struct font_set *fs = font_create("assets/fonts", &rep);
 *	TTF_Font *f = font_at(fs, DECK_FONT_SANS, 32);	// borrowed
 *	font_destroy(fs);
 */
#ifndef VITRINE_FONT_H
#define VITRINE_FONT_H

#include <SDL_ttf.h>
#include <stddef.h>

#include "deck.h"
#include "report.h"

#define FONT_SLOTS_MAX 24 /* open (face, size) pairs at most */

struct font_set;

/* File name of a bundled face in the fonts folder, e.g. "NotoSans-Bold.ttf". */
const char *font_file(enum deck_font face);

/*
 * Loads every bundled face from dir. A face that cannot be read or used is
 * drawn with the closest one that loaded (one warning logged). Returns
 * NULL, with one message per face in rep, when none loads. Requires
 * TTF_Init(). The caller destroys it.
 */
struct font_set *font_create(const char *dir, struct report *rep);
/* Closes every open font and frees the files. Accepts NULL. */
void font_destroy(struct font_set *fs);

/*
 * The face (or its fallback) at px, from an open slot or a slot resized or
 * opened anew; loads a parked face again. Borrowed: valid until the next
 * call into fs. NULL only if SDL_ttf fails.
 */
TTF_Font *font_at(struct font_set *fs, enum deck_font face, int px);

/* How many (face, size) pairs may stay open, clamped to 1..FONT_SLOTS_MAX. */
void font_set_slots(struct font_set *fs, size_t n);

/*
 * Keeps in memory only the n faces in needs (or what draws them) and
 * parks the others.
 */
void font_keep_only(struct font_set *fs, const enum deck_font *needs, size_t n);

/* Bytes of font files held in memory. */
size_t font_bytes(const struct font_set *fs);

#endif
