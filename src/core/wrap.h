/*
 * wrap: breaks text into lines no wider than a width, measuring text only
 * through a callback (so it knows nothing of fonts or sizes).
 *
 * The rules: lines break at spaces (' ' and '\t') and at '\n'. Spaces at the
 * start and end of a line are left out of it; '\n' ends a line, so "a\n\nb"
 * is three lines, the middle one empty, a paragraph of only spaces is one
 * empty line, and "" is no line at all. Words are put on a line while the
 * widths of its words and the spaces between them add up to at most the
 * width; the line is then measured whole (kerning can make it wider than the
 * sum of its parts) and words are dropped from its end until it fits, never
 * its first word. A word longer than a line is broken between UTF-8
 * characters, never inside one, into lines as full as fit, each ending
 * just after its last '/' or '-' when it has one; a single character wider
 * than the width still gets a line of its own (its width then exceeds the
 * width). A line may also break after a '/' or '-' between a letter or
 * digit and a letter ("multi-", "stakeholder"). Breaking a word counts as
 *normal for URLs ("://", or a '.' and a
 * '/'), addresses ('@') and CJK text (any code point from U+2E80, emoji
 * too); any other broken word is reported (wrap_result.broke). CJK text
 * breaks where UAX #14 allows (libunibreak): between ideographs, never
 * before a closing mark such as "，" or "。" nor after an opening one.
 * Thai, written without spaces, breaks between its words as libthai's
 * dictionary finds them; neither counts as a broken word. A
 *no-break space (U+00A0) is not a space: "Rio de Janeiro" written with two of
 *them stays on one line.
 *
 * Usage:
 *	struct wrap_span lines[16];
 *	size_t n = wrap_lines(s, strlen(s), 400, measure, ctx, lines, 16);
 *
 * The measure callback is called about once per word and once per line.
 */
#ifndef VITRINE_WRAP_H
#define VITRINE_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* Width of the len bytes of UTF-8 at s, in pixels. */
typedef int wrap_measure_fn(void *ctx, const char *s, size_t len);

/* One wrapped line: len bytes at offset off, width px wide (measured). */
struct wrap_span {
	size_t off, len;
	int width;
};

/* Receives line i (numbered from 0) of the text. */
typedef void wrap_line_fn(void *ctx, size_t i, struct wrap_span line);

struct wrap_opts {
	int width; /* of a line, in pixels */
	wrap_measure_fn *measure;
	void *measure_ctx;
	wrap_line_fn *line; /* NULL: the lines are only counted */
	void *line_ctx;
	size_t stop; /* wrapping stops once more lines than this are found;
	                SIZE_MAX: never */
	bool keep_hyphenated; /* no break after a '-' ("multi-stakeholder"
	                         stays whole, as display text wants) */
};

struct wrap_result {
	size_t n;         /* lines (counted up to opts.stop + 1) */
	bool broke;       /* a word that is not a URL, address or CJK was
	                     broken */
	size_t broke_off; /* when broke: where the first such word starts */
};

/* A wrap_line_fn that keeps lines 0 to max - 1 in v (a struct wrap_keep
 * as its ctx): what wrap_lines uses, for callers that also set stop. */
struct wrap_keep {
	struct wrap_span *v;
	size_t max;
};
void wrap_keep_line(void *ctx, size_t i, struct wrap_span line);

/* Wraps the len bytes at s as opts says, handing each line to opts->line. */
struct wrap_result wrap_text(const char *s, size_t len,
                             const struct wrap_opts *opts);

/*
 * Wraps the len bytes at s to lines at most width px wide: writes up to max
 * line spans into lines (NULL when max is 0) and returns the number of lines
 * the text needs, which may be more than max.
 */
size_t wrap_lines(const char *s, size_t len, int width,
                  wrap_measure_fn *measure, void *ctx, struct wrap_span *lines,
                  size_t max);

#endif
