/*
 * wrap: owns line breaking (the rules are in wrap.h). A line is built from
 * the word that starts it: words are added while their widths and the
 * spaces between them fit, then the line is measured whole and trimmed; a
 * word too long for a line is cut into line-wide pieces by binary search
 * over its character boundaries.
 */
#include "wrap.h"

#include <assert.h>
#include <linebreak.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <thai/thwbrk.h>

#include "util.h"

#define CJK_FIRST  0x2e80 /* code points from here break anywhere */
#define THAI_FIRST 0x0e00 /* the Thai block: words without spaces */
#define THAI_LAST  0x0e7f

/* Wrapping one string. */
struct wrap {
	const char *s;
	int width;
	const struct wrap_opts *o;
	size_t n;
	int space_w;
	struct wrap_span memo; /* the word measured last */
	bool broke; /* a word that is not a URL, address or CJK was broken */
	size_t broke_off; /* where the first such word starts */
};

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool
is_letter(char ch)
{
	unsigned char c = (unsigned char)ch;

	return (unsigned)((c | 0x20) - 'a') < 26 || c >= 0x80;
}

static bool
is_digit(char ch)
{
	return (unsigned char)(ch - '0') < 10;
}

static bool
is_cont(char ch)
{
	return ((unsigned char)ch & 0xc0) == 0x80;
}

static int
measure_at(const struct wrap *w, size_t off, size_t len)
{
	return w->o->measure(w->o->measure_ctx, w->s + off, len);
}

/* A word's width; a word measured for one line and moved to the next is
 * not measured twice. */
static int
measure_word(struct wrap *w, size_t off, size_t len)
{
	if (off != w->memo.off || len != w->memo.len)
		w->memo =
		        (struct wrap_span){ off, len, measure_at(w, off, len) };
	return w->memo.width;
}

static size_t
skip_spaces(const struct wrap *w, size_t i, size_t end)
{
	while (i < end && is_space(w->s[i]))
		i++;
	return i;
}

/* Whether a line may break before j, though no space is there: just after
 * a '/' or '-' that stands between a letter or digit and a letter
 * ("promoted/strengthened", "multi-stakeholder"; not "https://", "-5" or
 * "2007-2008"), unless the options keep hyphenated words whole. */
static bool
is_soft_break(const struct wrap *w, size_t start, size_t j)
{
	char mark = j > start ? w->s[j - 1] : 0;
	char before = j - start >= 2 ? w->s[j - 2] : 0;

	return (mark == '/' || (mark == '-' && !w->o->keep_hyphenated)) &&
	       (is_letter(before) || is_digit(before)) && is_letter(w->s[j]);
}

/* The end of the word at i: the next space or soft break. */
static size_t
word_end(const struct wrap *w, size_t i, size_t end)
{
	size_t start = i;

	while (i < end && !is_space(w->s[i]) && !is_soft_break(w, start, i))
		i++;
	return i;
}

static void
add_line(struct wrap *w, size_t off, size_t len, int width)
{
	if (w->o->line)
		w->o->line(w->o->line_ctx, w->n,
		           (struct wrap_span){ off, len, width });
	w->n++;
}

/* Offset b into the word at i moved back to the start of its character. */
static size_t
snap(const struct wrap *w, size_t i, size_t b)
{
	while (b > 0 && is_cont(w->s[i + b]))
		b--;
	return b;
}

/* Length of the first character of the word [i, k). */
static size_t
char_len(const struct wrap *w, size_t i, size_t k)
{
	size_t j = i + 1;

	while (j < k && is_cont(w->s[j]))
		j++;
	return j - i;
}

/*
 * Returns the length of the longest prefix of the word [i, k), which does
 * not fit whole, that fits the line: whole characters, at least one. Its
 * width goes to *width.
 */
static size_t
fit_prefix(const struct wrap *w, size_t i, size_t k, int *width)
{
	size_t lo = char_len(w, i, k), hi = k - i - 1;

	*width = measure_at(w, i, lo);
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		int mw = measure_at(w, i, snap(w, i, mid));

		if (mw <= w->width) {
			lo = mid;
			*width = mw;
		} else {
			hi = mid - 1;
		}
	}
	return snap(w, i, lo);
}

/* Whether the word [i, k) holds the string t. */
static bool
word_has(const struct wrap *w, size_t i, size_t k, const char *t)
{
	size_t n = strlen(t);

	for (; i + n <= k; i++)
		if (memcmp(w->s + i, t, n) == 0)
			return true;
	return false;
}

/* Whether the word [i, k) is a URL ("://", or a '.' and a '/') or an
 * address ('@'). */
static bool
is_link(const struct wrap *w, size_t i, size_t k)
{
	return word_has(w, i, k, "://") || word_has(w, i, k, "@") ||
	       (word_has(w, i, k, ".") && word_has(w, i, k, "/"));
}

/* Whether the word [i, k) holds CJK text, which has no spaces. */
static bool
has_cjk(const struct wrap *w, size_t i, size_t k)
{
	while (i < k) {
		uint32_t cp = (unsigned char)w->s[i];
		size_t n = util_utf8_decode(w->s + i, k - i, &cp);

		if (cp >= CJK_FIRST)
			return true;
		i += n ? n : 1;
	}
	return false;
}

/* Whether the word [i, k) holds Thai, written without spaces between its
 * words. */
static bool
has_thai(const struct wrap *w, size_t i, size_t k)
{
	while (i < k) {
		uint32_t cp = (unsigned char)w->s[i];
		size_t n = util_utf8_decode(w->s + i, k - i, &cp);

		if (cp >= THAI_FIRST && cp <= THAI_LAST)
			return true;
		i += n ? n : 1;
	}
	return false;
}

/* Whether breaking the word [i, k) between characters is normal: a link,
 * CJK text or Thai (between its words). "promoted/strengthened" is an
 * ordinary word. */
static bool
is_breakable(const struct wrap *w, size_t i, size_t k)
{
	return is_link(w, i, k) || has_cjk(w, i, k) || has_thai(w, i, k);
}

/* The length of the prefix of the cut bytes of the word at i that ends just
 * after its last '/' or '-' (0: none), where a word breaks best:
 * "promoted/" and "strengthened" rather than "promoted/streng" and
 * "thened". */
static size_t
after_mark(const struct wrap *w, size_t i, size_t cut)
{
	for (size_t b = cut; b > 1; b--)
		if (w->s[i + b - 1] == '/' || w->s[i + b - 1] == '-')
			return b;
	return 0;
}

/*
 * Moves cut, the bytes of the CJK word at i (k - i long) that fit a line,
 * back to the last place UAX #14 allows a line break (libunibreak), so that
 * no line starts with a closing mark ("，", "。", "）") nor ends with an
 * opening one; cut itself when there is none before it.
 */
/*
 * A copy of the n bytes at s that libunibreak 1.1 (Debian 12's) can take:
 * it aborts on a regional indicator (half of a flag, U+1F1E6 to U+1F1FF)
 * and on U+FFFF, classes its tables predate. Each flag's first half
 * becomes U+20000 (an ideograph, class ID) and its second U+1D167 (a
 * combining mark, CM), so a line breaks around a flag, never inside it;
 * U+FFFF becomes U+FFFD. The same lengths, so offsets hold. Freed by the
 * caller.
 */
static char *
unibreak_safe(const char *s, size_t n)
{
	char *t = xmalloc(n ? n : 1);
	bool second = false;

	memcpy(t, s, n);
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t k = util_utf8_decode(s + i, n - i, &cp);

		if (k == 4 && cp >= 0x1f1e6 && cp <= 0x1f1ff) {
			memcpy(t + i,
			       second ? "\xf0\x9d\x85\xa7" : "\xf0\xa0\x80\x80",
			       4);
			second = !second;
		} else {
			second = false;
		}
		if (k == 3 && cp == 0xffff)
			memcpy(t + i, "\xef\xbf\xbd", 3);
		i += k ? k : 1;
	}
	return t;
}

static size_t
uax14_cut(const struct wrap *w, size_t i, size_t k, size_t cut)
{
	static bool ready;
	char *brks = xmalloc(k - i), *safe = unibreak_safe(w->s + i, k - i);
	size_t b = cut;

	if (!ready) {
		init_linebreak();
		ready = true;
	}
	set_linebreaks_utf8((const utf8_t *)safe, k - i, NULL, brks);
	free(safe);
	while (b > 0 && brks[b - 1] != LINEBREAK_ALLOWBREAK)
		b--;
	free(brks);
	return b ? b : cut;
}

/*
 * Moves cut, the bytes of the Thai word at i (k - i long) that fit a line,
 * back to the last boundary between Thai words before it, found by
 * libthai's dictionary; cut itself when there is none.
 */
static size_t
thai_cut(const struct wrap *w, size_t i, size_t k, size_t cut)
{
	thwchar_t *ws = xmalloc((k - i + 1) * sizeof(*ws));
	size_t *off = xmalloc((k - i + 1) * sizeof(*off)), n = 0, b = 0;
	int *pos = xmalloc((k - i + 1) * sizeof(*pos)), np;

	for (size_t j = i; j < k;) {
		uint32_t cp = 0xfffd;
		size_t len = util_utf8_decode(w->s + j, k - j, &cp);

		off[n] = j - i;
		ws[n++] = (thwchar_t)(len ? cp : 0xfffd);
		j += len ? len : 1;
	}
	ws[n] = 0;
	np = th_brk_wc_find_breaks(NULL, ws, pos, n);
	for (int p = 0; p < np; p++)
		if (pos[p] > 0 && (size_t)pos[p] < n && off[pos[p]] <= cut)
			b = off[pos[p]];
	free(pos);
	free(off);
	free(ws);
	return b ? b : cut;
}

/*
 * Gives the word [i, k), too long for a line, lines of its own until the
 * rest fits one. Returns where the rest starts (k: nothing left) and puts
 * its width in *rest_w.
 */
static size_t
break_word(struct wrap *w, size_t i, size_t k, int *rest_w)
{
	bool normal = is_breakable(w, i, k), cjk = has_cjk(w, i, k),
	     thai = !cjk && has_thai(w, i, k);

	if (!normal && !w->broke)
		w->broke_off = i;

	do {
		int cw;
		size_t cut = fit_prefix(w, i, k, &cw), fit = cut,
		       mark = cjk    ? uax14_cut(w, i, k, cut)
		              : thai ? thai_cut(w, i, k, cut)
		                     : after_mark(w, i, cut);

		if (mark)
			cut = mark;
		if (cut != fit)
			cw = measure_at(w, i, cut);
		w->broke |= !normal;
		add_line(w, i, cut, cw);
		i += cut;
		if (i == k)
			return k;
		*rest_w = measure_word(w, i, k - i);
	} while (*rest_w > w->width);
	return i;
}

/*
 * Adds the words after *k (the end of the line so far, lw wide) while the
 * sum of word and space widths fits; moves *k to the new end.
 */
static void
extend_line(struct wrap *w, size_t *k, size_t end, int lw)
{
	for (;;) {
		size_t j = skip_spaces(w, *k, end), e;
		int ww, sum;

		if (j == end)
			return;
		e = word_end(w, j, end);
		ww = measure_word(w, j, e - j);
		sum = lw + (int)(j - *k) * w->space_w + ww;
		if (sum > w->width)
			return;
		lw = sum;
		*k = e;
	}
}

/*
 * Measures the line [i, *k) whole (kerning makes it differ from the sum of
 * its parts) and drops words from its end until it fits, never the first
 * one, which ends at first_end. Returns the line's width.
 */
static int
verify_line(const struct wrap *w, size_t i, size_t first_end, size_t *k)
{
	int lw = measure_at(w, i, *k - i);

	while (lw > w->width && *k > first_end) {
		size_t j = *k;

		do
			j--;
		while (j > i && !is_space(w->s[j - 1]) &&
		       !is_soft_break(w, i, j));
		while (j > i && is_space(w->s[j - 1]))
			j--;
		*k = j;
		lw = measure_at(w, i, *k - i);
	}
	return lw;
}

/* Adds the line starting with the word at i; returns where it ends. */
static size_t
wrap_line(struct wrap *w, size_t i, size_t end)
{
	size_t k = word_end(w, i, end), first_end = k;
	int lw = measure_word(w, i, k - i);

	if (lw > w->width) {
		i = break_word(w, i, k, &lw);
		if (i == k)
			return k;
	}
	extend_line(w, &k, end, lw);
	if (k != first_end)
		lw = verify_line(w, i, first_end, &k);
	add_line(w, i, k - i, lw);
	return k;
}

/* Wraps the paragraph [start, end), which holds no '\n'. */
static void
wrap_paragraph(struct wrap *w, size_t start, size_t end)
{
	size_t i = skip_spaces(w, start, end);

	if (i == end)
		add_line(w, i, 0, 0); /* a blank paragraph: one empty line */
	while (i < end && w->n <= w->o->stop)
		i = skip_spaces(w, wrap_line(w, i, end), end);
}

/* Wraps the len bytes at w->s; returns the number of lines (counted up to
 * the stop + 1). */
static size_t
wrap_all(struct wrap *w, size_t len)
{
	size_t start = 0;

	if (len == 0)
		return 0;
	w->space_w = w->o->measure(w->o->measure_ctx, " ", 1);
	for (;;) {
		const char *nl = memchr(w->s + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - w->s) : len;

		wrap_paragraph(w, start, end);
		if (!nl || w->n > w->o->stop)
			return w->n;
		start = end + 1;
	}
}

struct wrap_result
wrap_text(const char *s, size_t len, const struct wrap_opts *opts)
{
	struct wrap w = { .s = s,
		          .width = opts->width,
		          .o = opts,
		          .memo = { .off = SIZE_MAX } };
	size_t n;

	assert(opts->measure && (s || !len));
	n = wrap_all(&w, len);
	return (struct wrap_result){ n, w.broke, w.broke_off };
}

void
wrap_keep_line(void *ctx, size_t i, struct wrap_span line)
{
	struct wrap_keep *k = ctx;

	if (i < k->max)
		k->v[i] = line;
}

size_t
wrap_lines(const char *s, size_t len, int width, wrap_measure_fn *measure,
           void *ctx, struct wrap_span *lines, size_t max)
{
	struct wrap_keep a = { lines, max };
	struct wrap_opts o = { .width = width,
		               .measure = measure,
		               .measure_ctx = ctx,
		               .line = wrap_keep_line,
		               .line_ctx = &a,
		               .stop = SIZE_MAX };

	assert(lines || !max);
	return wrap_text(s, len, &o).n;
}
