/*
 * textrun: direction and script runs of a line, in visual order; see
 * textrun.h. FriBidi gives each character its embedding level, HarfBuzz
 * its script; runs break where either changes, and are then reordered by
 * rule L2 of UAX #9 (from the highest level down to the lowest odd one,
 * reverse every sequence of runs at that level or higher).
 */
#include "textrun.h"

#include <fribidi.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A line decoded: each character, its byte offset, level and script. */
struct decoded {
	FriBidiChar *cp;
	size_t *off; /* n + 1 entries: the last is the line's length */
	FriBidiLevel *level;
	hb_script_t *script;
	size_t n;
};

static bool
is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Decodes len bytes at s into d (allocated); invalid bytes are U+FFFD. */
static void
decode(const char *s, size_t len, struct decoded *d)
{
	d->cp = xmalloc((len + 1) * sizeof(*d->cp));
	d->off = xmalloc((len + 1) * sizeof(*d->off));
	d->level = xmalloc((len + 1) * sizeof(*d->level));
	d->script = xmalloc((len + 1) * sizeof(*d->script));
	d->n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xfffd;
		size_t k = util_utf8_decode(s + i, len - i, &cp);

		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		d->off[d->n] = i;
		d->cp[d->n++] = cp;
		i += k;
	}
	d->off[d->n] = len;
}

static void
decoded_free(struct decoded *d)
{
	free(d->cp);
	free(d->off);
	free(d->level);
	free(d->script);
}

static bool
is_common(hb_script_t sc)
{
	return sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED ||
	       sc == HB_SCRIPT_UNKNOWN;
}

/* Each character's script; one of no script (a space, a digit) takes the
 * script of the character before it at the same level, else of the one
 * after it: the space between an Arabic word and "IGF" joins the Arabic. */
static void
find_scripts(struct decoded *d)
{
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();

	for (size_t i = 0; i < d->n; i++) {
		hb_script_t sc = hb_unicode_script(uf, d->cp[i]);

		if (is_common(sc) && i > 0 && d->level[i] == d->level[i - 1])
			sc = d->script[i - 1];
		d->script[i] = sc;
	}
	for (size_t i = d->n; i-- > 0;)
		if (is_common(d->script[i]) && i + 1 < d->n)
			d->script[i] = d->script[i + 1];
}

/* Each character's embedding level in a paragraph of direction rtl. */
static void
find_levels(struct decoded *d, bool rtl)
{
	FriBidiCharType *types = xmalloc((d->n + 1) * sizeof(*types));
	FriBidiBracketType *brackets = xmalloc((d->n + 1) * sizeof(*brackets));
	FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;

	fribidi_get_bidi_types(d->cp, (FriBidiStrIndex)d->n, types);
	fribidi_get_bracket_types(d->cp, (FriBidiStrIndex)d->n, types,
	                          brackets);
	if (!fribidi_get_par_embedding_levels_ex(
	            types, brackets, (FriBidiStrIndex)d->n, &dir, d->level))
		memset(d->level, rtl, d->n * sizeof(*d->level));
	free(brackets);
	free(types);
}

static void
set_script(struct textrun *r, hb_script_t sc)
{
	hb_tag_t t = hb_script_to_iso15924_tag(is_common(sc) ? HB_SCRIPT_COMMON
	                                                     : sc);

	r->script[0] = (char)(t >> 24);
	r->script[1] = (char)(t >> 16);
	r->script[2] = (char)(t >> 8);
	r->script[3] = (char)t;
	r->script[4] = '\0';
}

/* The logical runs of d into v (room for d->n), with their levels into
 * lv; returns how many. */
static size_t
logical_runs(const struct decoded *d, struct textrun *v, FriBidiLevel *lv)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++) {
		if (n && lv[n - 1] == d->level[i] &&
		    d->script[i] == d->script[i - 1]) {
			v[n - 1].len = d->off[i + 1] - v[n - 1].off;
			continue;
		}
		v[n] = (struct textrun){ .off = d->off[i],
			                 .len = d->off[i + 1] - d->off[i],
			                 .rtl = d->level[i] & 1 };
		set_script(&v[n], d->script[i]);
		lv[n++] = d->level[i];
	}
	return n;
}

static void
reverse(struct textrun *v, FriBidiLevel *lv, size_t a, size_t b)
{
	while (a + 1 < b) {
		struct textrun t = v[a];
		FriBidiLevel l = lv[a];

		v[a] = v[--b];
		lv[a++] = lv[b];
		v[b] = t;
		lv[b] = l;
	}
}

/* Rule L2: reorders the n runs of v into visual order. */
static void
reorder(struct textrun *v, FriBidiLevel *lv, size_t n)
{
	FriBidiLevel hi = 0, lo_odd = FRIBIDI_BIDI_MAX_EXPLICIT_LEVEL + 2;

	for (size_t i = 0; i < n; i++) {
		hi = lv[i] > hi ? lv[i] : hi;
		if ((lv[i] & 1) && lv[i] < lo_odd)
			lo_odd = lv[i];
	}
	for (int level = hi; level >= lo_odd && level > 0; level--) {
		for (size_t i = 0; i < n;) {
			size_t j = i;

			while (j < n && lv[j] >= level)
				j++;
			if (j > i)
				reverse(v, lv, i, j);
			i = j + (j == i);
		}
	}
}

bool
textrun_is_rtl(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xfffd;
		size_t k = util_utf8_decode(s + i, len - i, &cp);
		FriBidiCharType t = fribidi_get_bidi_type(cp);

		if (FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t);
		i += k ? k : 1;
	}
	return false;
}

size_t
textrun_runs(const char *s, size_t len, bool rtl, struct textrun *runs,
             size_t max)
{
	struct decoded d;
	struct textrun *v;
	FriBidiLevel *lv;
	size_t n;

	if (len == 0)
		return 0;
	if (!rtl && is_ascii(s, len)) {
		if (max) {
			runs[0] = (struct textrun){ 0, len, false, "Latn" };
		}
		return 1;
	}
	decode(s, len, &d);
	find_levels(&d, rtl);
	find_scripts(&d);
	v = xmalloc(d.n * sizeof(*v));
	lv = xmalloc(d.n * sizeof(*lv));
	n = logical_runs(&d, v, lv);
	reorder(v, lv, n);
	memcpy(runs, v, (n < max ? n : max) * sizeof(*v));
	free(lv);
	free(v);
	decoded_free(&d);
	return n;
}
