/*
 * layout_lines: how the layout breaks a paragraph into lines, through
 * wrap.c: at one font and size, balanced (a title's lines of similar
 * length), with no lone last word where a re-break gives it company, and a
 * line cut short with an ellipsis.
 */
#include <stdint.h>
#include <string.h>

#include "layout_internal.h"
#include "wrap.h"

static int
font_width(void *ctx, const char *s, size_t len)
{
	const struct font_measure *fm = ctx;

	return fm->m->text_width(fm->m->ctx, fm->font, fm->px, s, len);
}

struct wrap_result
layout_wrap(const char *s, size_t len, int width, struct font_measure *fm,
            struct wrap_keep *sink, size_t stop)
{
	struct wrap_opts o = { .width = width,
		               .measure = font_width,
		               .measure_ctx = fm,
		               .line = sink->max ? wrap_keep_line : NULL,
		               .line_ctx = sink,
		               .stop = stop,
		               .keep_hyphenated = fm->display };

	return wrap_text(s, len, &o);
}

/* The lines s takes at width, and whether a word had to be broken. */
static struct wrap_result
count_lines(const char *s, int width, struct font_measure *fm)
{
	struct wrap_keep none = { NULL, 0 };

	return layout_wrap(s, strlen(s), width, fm, &none, SIZE_MAX);
}

int
layout_balanced_width(const char *s, int width, struct font_measure *fm)
{
	struct wrap_result full = count_lines(s, width, fm);
	int lo = width / 2, hi = width;

	if (full.n < 2)
		return width;
	while (hi - lo > 1) {
		int mid = lo + (hi - lo) / 2;
		struct wrap_result r = count_lines(s, mid, fm);

		if (r.n == full.n && (!r.broke || full.broke))
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* Whether the span of s holds a space: two words or more. */
static bool
has_space(const char *s, struct wrap_span sp)
{
	return memchr(s + sp.off, ' ', sp.len) != NULL;
}

/*
 * Gives the last line of the n wrapped lines of s (in spans) a second word
 * when it has one: the last two lines are wrapped again just under the
 * width of the first of them, so that its last word moves down ("...on key
 * / development issues.", not "...on key development / issues."). Only
 * when that still makes two lines, breaks no word and leaves the first of
 * them two thirds of its width or more. One wrap, for placing
 * only.
 */
void
layout_unorphan(const char *s, struct wrap_span *spans, size_t n,
                struct font_measure *fm)
{
	struct wrap_span sp[3];
	struct wrap_keep keep = { sp, 3 };
	size_t off = n >= 2 ? spans[n - 2].off : 0, len = strlen(s + off);
	struct wrap_result r;

	if (n < 2 || n > LAYOUT_MAX_LINES || has_space(s, spans[n - 1]) ||
	    memchr(s + off, '\n', len))
		return;
	r = layout_wrap(s + off, len, spans[n - 2].width - 1, fm, &keep, 2);
	if (r.n != 2 || r.broke || !has_space(s + off, sp[1]) ||
	    3 * sp[0].width < 2 * spans[n - 2].width)
		return; /* or the line before would be the short one */
	for (size_t k = 0; k < 2; k++) {
		sp[k].off += off;
		spans[n - 2 + k] = sp[k];
	}
}

static const char ellipsis[] = "\xe2\x80\xa6"; /* U+2026 */

void
layout_ellipsize(struct ctx *c, size_t k, int right)
{
	const struct layout_measurer *m = c->m;
	struct layout_item *it = &c->lay->items[k], *dots;
	int room = right - it->box.x, end = it->box.x + it->box.w;
	int dw = m->text_width(m->ctx, it->font, it->px, ellipsis, 3);
	struct layout_rect box;

	while (it->len && it->box.w + dw > room) {
		do
			it->len--;
		while (it->len &&
		       ((unsigned char)it->text[it->len] & 0xc0) == 0x80);
		while (it->len && it->text[it->len - 1] == ' ')
			it->len--;
		it->box.w = m->text_width(m->ctx, it->font, it->px, it->text,
		                          it->len);
	}
	/* right to left, the line keeps its right end and the dots go on
	 * its left, where it goes on */
	if (it->rtl)
		it->box.x = end - it->box.w;
	box = (struct layout_rect){ it->rtl ? it->box.x - dw
		                            : it->box.x + it->box.w,
		                    it->box.y, dw, it->box.h };
	dots = layout_push_item(c, LAYOUT_TEXT, box, it->color);
	it = &c->lay->items[k]; /* the push may have moved the items */
	dots->font = it->font;
	dots->px = it->px;
	dots->text = ellipsis;
	dots->len = 3;
	dots->rtl = it->rtl;
}
