/*
 * contact_sheet: the index.html that --export --html writes beside the
 * slide pictures, for a person to send around and read without vitrine:
 * every slide's picture (a relative link to its slide-NNN.png), number,
 * id and presenter notes, and the warnings --check gives, grouped by slide
 * (the deck-wide ones at the top).
 *
 * The page is static: one file, its style inline, no script, no font or
 * style sheet from the network; it opens from the folder over file://.
 * Every piece of deck text and every message is HTML-escaped (& < > " ').
 * Notes keep their paragraphs (a blank line) and "- " bullet lines.
 *
 * Usage:
 *	struct report rep;   // filled by the same checks as --check
 *	FILE *f = fopen("out/index.html", "w");
 *	contact_sheet_write(f, &deck, &rep, 1920, 1080);
 *
 * Pure C: writes to a FILE *.
 */
#ifndef VITRINE_CONTACT_SHEET_H
#define VITRINE_CONTACT_SHEET_H

#include <stdio.h>

#include "deck.h"
#include "report.h"

/*
 * Writes the contact sheet of deck, whose slides were exported at w x h
 * pixels, to out. rep (borrowed; NULL: none) holds the messages of the
 * deck's checks. Returns 0, or -1 when writing failed.
 */
int contact_sheet_write(FILE *out, const struct deck *deck,
                        const struct report *rep, int w, int h);

/*
 * The slide a check message is about: i for a message that starts
 * "DECK:LINE: slides[i]" (DECK being deck->path), else -1 (about the whole
 * deck).
 */
long contact_sheet_slide_of(const struct deck *deck, const char *message);

/* Writes s HTML-escaped to out (text and attribute values alike). */
void contact_sheet_escape(FILE *out, const char *s);

#endif
