/*
 * textrun: splits one line of text into runs that a shaper can take whole:
 * each run has one direction and one script, and the runs come in visual
 * order, left to right. The direction comes from the Unicode Bidirectional
 * Algorithm (FriBidi), the script of each character from HarfBuzz's
 * Unicode data (characters of no script, such as spaces, digits and
 * punctuation, join the run they stand in). Pure C, no SDL.
 *
 * A paragraph's direction is that of its first strong character (rule P2
 * of UAX #9): Arabic or Hebrew text is right to left, as is a paragraph
 * that starts with them, even when it holds English; a paragraph with no
 * strong character is left to right. Lines of one paragraph are laid out
 * in the paragraph's direction: textrun_runs takes it as rtl.
 *
 * Usage:
 *	bool rtl = textrun_is_rtl(para, para_len);
 *	struct textrun runs[TEXTRUN_MAX];
 *	size_t n = textrun_runs(line, line_len, rtl, runs, TEXTRUN_MAX);
 *	(n > TEXTRUN_MAX: call again with an array of n)
 *	for (k = 0; k < n; k++)
 *		shape(line + runs[k].off, runs[k].len, runs[k].rtl,
 *runs[k].script);
 *
 * Plain ASCII, the common case, takes a fast path: one run, no allocation.
 */
#ifndef VITRINE_TEXTRUN_H
#define VITRINE_TEXTRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXTRUN_MAX 32 /* runs a caller's array usually holds */

struct textrun {
	size_t off, len; /* bytes of the line, in logical order inside */
	bool rtl;        /* drawn right to left */
	char script[5];  /* ISO 15924 tag, e.g. "Arab", "Latn", "Hani";
	                    "Zyyy" when it holds no script at all */
};

/* Whether the paragraph of len bytes at s is right to left (its first
 * strong character is). */
bool textrun_is_rtl(const char *s, size_t len);

/*
 * Writes up to max runs of the line of len bytes at s, laid out in a
 * paragraph of direction rtl, into runs, left to right as they show.
 * Returns how many runs the line has, which may be more than max (call
 * again with room for them all). Invalid UTF-8 counts as U+FFFD, one byte
 * a character.
 */
size_t textrun_runs(const char *s, size_t len, bool rtl, struct textrun *runs,
                    size_t max);

#endif
