/*
 * text: lines in any script, in runs and font pieces; see text.h.
 */
#include "text.h"

#include <SDL_ttf.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fallback.h"
#include "log.h"
#include "textrun.h"
#include "util.h"

#define WARNED_MAX 64 /* code points warned of as drawn by no font */
#define LANG_MAX   32

/* A stretch of a line drawn in one font, one direction, one script. */
struct piece {
	TTF_Font *font; /* borrowed */
	double scale;   /* 1 but for bitmap faces (colour emoji) */
	size_t off, len;
	bool rtl;
	char script[5];
	int w; /* measured, scaled */
};

struct text {
	struct font_set *fonts; /* borrowed */
	struct fallback *fb;    /* owned */
	char lang[LANG_MAX];    /* "" unknown */
	uint32_t warned[WARNED_MAX];
	size_t n_warned;
	char buf[DECK_MAX_STRING + 1]; /* a piece, NUL-terminated */
};

struct text *
text_create(struct font_set *fs)
{
	struct text *t = xcalloc(1, sizeof(*t));

	t->fonts = fs;
	t->fb = fallback_create();
	return t;
}

void
text_destroy(struct text *t)
{
	if (!t)
		return;
	fallback_destroy(t->fb);
	free(t);
}

void
text_set_language(struct text *t, const char *lang)
{
	snprintf(t->lang, sizeof(t->lang), "%s", lang ? lang : "");
}

void
text_close_fallbacks(struct text *t)
{
	fallback_close_all(t->fb);
}

size_t
text_fallbacks(const struct text *t)
{
	return fallback_count(t->fb);
}

static bool
is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static const char *
terminated(struct text *t, const char *s, size_t len)
{
	if (len > DECK_MAX_STRING)
		len = DECK_MAX_STRING;
	memcpy(t->buf, s, len);
	t->buf[len] = '\0';
	return t->buf;
}

/* Whether cp belongs with the character before it whatever the font: a
 * mark, a joiner, a variation selector, an emoji modifier or tag. */
static bool
clings(uint32_t cp)
{
	hb_unicode_general_category_t gc =
	        hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);

	return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
	       gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
	       gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
	       cp == 0x200d || cp == 0x200c || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	       (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
	       (cp >= 0xe0020 && cp <= 0xe007f);
}

/* Whether BCP 47 tag lang is a language written with Han (Chinese,
 * Japanese, Korean), whose form it then chooses. */
static bool
writes_han(const char *lang)
{
	return !strncmp(lang, "zh", 2) || !strncmp(lang, "ja", 2) ||
	       !strncmp(lang, "ko", 2);
}

/* The language of the line s: the one set when it writes Han, else a
 * guess from its kana, hangul or Han (a Chinese language name on an
 * English slide is Chinese). */
static const char *
line_lang(const struct text *t, const char *s, size_t len)
{
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	bool han = false;

	if (writes_han(t->lang))
		return t->lang;
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xfffd;
		size_t k = util_utf8_decode(s + i, len - i, &cp);
		hb_script_t sc = hb_unicode_script(uf, cp);

		if (sc == HB_SCRIPT_HIRAGANA || sc == HB_SCRIPT_KATAKANA)
			return "ja";
		if (sc == HB_SCRIPT_HANGUL)
			return "ko";
		han |= sc == HB_SCRIPT_HAN;
		i += k ? k : 1;
	}
	return han ? "zh-Hans" : "";
}

static void
warn_missing(struct text *t, uint32_t cp)
{
	for (size_t i = 0; i < t->n_warned; i++)
		if (t->warned[i] == cp)
			return;
	if (t->n_warned < WARNED_MAX)
		t->warned[t->n_warned++] = cp;
	log_msg(LOG_WARN,
	        "no font draws U+%04X: it shows as a box (vitrine --check "
	        "names where; install fonts-noto-core, fonts-noto-cjk and "
	        "fonts-noto-color-emoji, or see README, Scripts and fonts)",
	        (unsigned)cp);
}

/* The font for cp (the bundled base, else a fallback) and its scale. */
static TTF_Font *
font_for(struct text *t, TTF_Font *base, enum deck_font face, const char *lang,
         uint32_t cp, int px, double *scale)
{
	TTF_Font *f;

	*scale = 1;
	if (TTF_GlyphIsProvided32(base, cp))
		return base;
	f = fallback_font(t->fb, face, lang, cp, px, scale);
	if (f)
		return f;
	warn_missing(t, cp);
	*scale = 1;
	return base;
}

/* Whether cp goes on in piece cur: a mark or joiner always; another
 * character its font has, unless the bundled face has it too and cur is a
 * bitmap face (a space after an emoji is the text's space). */
static bool
stays(const struct piece *cur, TTF_Font *base, uint32_t cp)
{
	if (clings(cp))
		return true;
	if (!TTF_GlyphIsProvided32(cur->font, cp))
		return false;
	return cur->scale == 1 || !TTF_GlyphIsProvided32(base, cp);
}

/* Splits run r of s into font pieces, appended to v (n so far; room for
 * one a byte) in visual order. */
static void
split_run(struct text *t, const char *s, const struct textrun *r,
          TTF_Font *base, enum deck_font face, const char *lang, int px,
          struct piece *v, size_t *n)
{
	struct piece cur = { 0 }, *run = v + *n;
	size_t k = 0;

	for (size_t i = r->off; i < r->off + r->len;) {
		uint32_t cp = 0xfffd;
		size_t len = util_utf8_decode(s + i, r->off + r->len - i, &cp);
		double scale;
		TTF_Font *f;

		len = len ? len : 1;
		if (cur.font && stays(&cur, base, cp)) {
			cur.len += len;
			i += len;
			continue;
		}
		f = font_for(t, base, face, lang, cp, px, &scale);
		if (cur.font && f == cur.font) {
			cur.len += len;
		} else {
			if (cur.font)
				run[k++] = cur;
			cur = (struct piece){ f, scale, i, len, r->rtl, "", 0 };
			memcpy(cur.script, r->script, sizeof(cur.script));
		}
		i += len;
	}
	if (cur.font)
		run[k++] = cur;
	for (size_t j = 0; r->rtl && j < k / 2; j++) {
		struct piece tmp = run[j];

		run[j] = run[k - 1 - j];
		run[k - 1 - j] = tmp;
	}
	*n += k;
}

/* Sets font up to shape piece p (restored by unset). */
static void
set_shaping(const struct piece *p)
{
	TTF_SetFontDirection(p->font,
	                     p->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(p->font, p->script);
}

static void
unset_shaping(const struct piece *p)
{
	TTF_SetFontDirection(p->font, TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(p->font, "Zzzz");
}

/* Measures piece p of s into p->w; -1 on failure. */
static int
measure_piece(struct text *t, const char *s, struct piece *p)
{
	int w = 0, h = 0, rc;

	set_shaping(p);
	rc = TTF_SizeUTF8(p->font, terminated(t, s + p->off, p->len), &w, &h);
	unset_shaping(p);
	p->w = (int)lround(w * p->scale);
	return rc;
}

/*
 * The pieces of line s in visual order into *v (allocated: at most one a
 * byte; the caller frees it); returns how many (0 on failure, *base then
 * NULL). *base is the bundled face at px.
 */
static size_t
pieces_of(struct text *t, enum deck_font face, int px, const char *s,
          size_t len, bool rtl, struct piece **v, TTF_Font **base)
{
	struct textrun runs[TEXTRUN_MAX], *rv = runs;
	size_t nr, n = 0;
	const char *lang;

	*v = NULL;
	*base = font_at(t->fonts, face, px);
	if (!*base)
		return 0;
	*v = xmalloc((len + 1) * sizeof(**v));
	fallback_keep_from_now(t->fb); /* the pieces hold their fonts */
	nr = textrun_runs(s, len, rtl, runs, TEXTRUN_MAX);
	if (nr > TEXTRUN_MAX) {
		rv = xmalloc(nr * sizeof(*rv));
		textrun_runs(s, len, rtl, rv, nr);
	}
	lang = line_lang(t, s, len);
	for (size_t k = 0; k < nr; k++)
		split_run(t, s, &rv[k], *base, face, lang, px, *v, &n);
	if (rv != runs)
		free(rv);
	return n;
}

int
text_width(struct text *t, enum deck_font face, int px, const char *s,
           size_t len)
{
	struct piece *v;
	TTF_Font *base;
	size_t n;
	int sum = 0;

	if (is_ascii(s, len)) {
		int w = 0, h = 0;

		base = font_at(t->fonts, face, px);
		if (!base || TTF_SizeUTF8(base, terminated(t, s, len), &w, &h))
			return -1;
		return w;
	}
	n = pieces_of(t, face, px, s, len, textrun_is_rtl(s, len), &v, &base);
	for (size_t k = 0; k < n && sum >= 0; k++)
		sum = measure_piece(t, s, &v[k]) < 0 ? -1 : sum + v[k].w;
	free(v);
	return base ? sum : -1;
}

int
text_line_height(struct text *t, enum deck_font face, int px)
{
	TTF_Font *base = font_at(t->fonts, face, px);

	return base ? TTF_FontLineSkip(base) : -1;
}

/* Draws piece p of s in c into dst at x, its baseline at the ascent. */
static int
draw_piece(struct text *t, const char *s, const struct piece *p,
           SDL_Surface *dst, int x, int ascent, SDL_Color c)
{
	SDL_Surface *img;
	SDL_Rect to;
	int rc;

	if (p->w == 0)
		return 0; /* marks and joiners alone: nothing to draw */
	set_shaping(p);
	img = TTF_RenderUTF8_Blended(p->font, terminated(t, s + p->off, p->len),
	                             c);
	unset_shaping(p);
	if (!img)
		return -1;
	to = (SDL_Rect){
		x, ascent - (int)lround(TTF_FontAscent(p->font) * p->scale),
		(int)lround(img->w * p->scale), (int)lround(img->h * p->scale)
	};
	SDL_SetSurfaceBlendMode(img, SDL_BLENDMODE_BLEND);
	rc = p->scale == 1 ? SDL_BlitSurface(img, NULL, dst, &to)
	                   : SDL_BlitScaled(img, NULL, dst, &to);
	SDL_FreeSurface(img);
	return rc;
}

/* How tall a line of the n pieces of v is drawn, its baseline at the
 * bundled face's ascent: that face's height, or more where a piece's font
 * reaches lower (the dots under an Arabic yeh); what reaches higher than
 * the face is cut. */
static int
line_depth(TTF_Font *base, const struct piece *v, size_t n)
{
	int h = TTF_FontHeight(base), asc = TTF_FontAscent(base);

	for (size_t k = 0; k < n; k++) {
		int below =
		        (int)lround(-TTF_FontDescent(v[k].font) * v[k].scale) +
		        1;

		if (asc + below > h)
			h = asc + below;
	}
	return h;
}

/* Lines of one piece in the bundled face: SDL_ttf draws them directly. */
static SDL_Surface *
render_plain(struct text *t, TTF_Font *f, const char *s, size_t len,
             SDL_Color c, bool *failed)
{
	SDL_Surface *img = TTF_RenderUTF8_Blended(f, terminated(t, s, len), c);
	int w, h;

	if (!img && !(TTF_SizeUTF8(f, t->buf, &w, &h) == 0 && w == 0))
		*failed = true;
	return img;
}

/*
 * The n measured pieces of v (w wide in all) of line s set side by side on
 * the bundled face's baseline, in c; NULL (*failed set) on failure.
 */
static SDL_Surface *
compose(struct text *t, const char *s, const struct piece *v, size_t n, int w,
        TTF_Font *base, SDL_Color c, bool *failed)
{
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(
	        0, w, line_depth(base, v, n), 32, SDL_PIXELFORMAT_ARGB8888);
	int x = 0;

	if (!dst) {
		*failed = true;
		return NULL;
	}
	/* the text's colour at alpha 0 under the pieces: their blended edges
	 * keep it, not black */
	SDL_FillRect(dst, NULL, SDL_MapRGBA(dst->format, c.r, c.g, c.b, 0));
	for (size_t k = 0; k < n; k++) {
		if (draw_piece(t, s, &v[k], dst, x, TTF_FontAscent(base), c)) {
			SDL_FreeSurface(dst);
			*failed = true;
			return NULL;
		}
		x += v[k].w;
	}
	return dst;
}

/* The line s of n pieces v, measured then drawn; see text_render. */
static SDL_Surface *
render_pieces(struct text *t, const char *s, size_t len, struct piece *v,
              size_t n, TTF_Font *base, SDL_Color c, bool *failed)
{
	SDL_Surface *dst;
	int w = 0;

	for (size_t k = 0; k < n; k++) {
		if (measure_piece(t, s, &v[k]) < 0) {
			*failed = true;
			return NULL;
		}
		w += v[k].w;
	}
	if (w == 0)
		return NULL;
	if (n == 1 && v[0].font == base) {
		set_shaping(&v[0]);
		dst = render_plain(t, v[0].font, s, len, c, failed);
		unset_shaping(&v[0]);
		return dst;
	}
	return compose(t, s, v, n, w, base, c, failed);
}

SDL_Surface *
text_render(struct text *t, enum deck_font face, int px, const char *s,
            size_t len, bool rtl, SDL_Color c, bool *failed)
{
	struct piece *v;
	SDL_Surface *dst = NULL;
	TTF_Font *base;
	size_t n;

	*failed = false;
	if (is_ascii(s, len) && !rtl) {
		base = font_at(t->fonts, face, px);
		if (!base) {
			*failed = true;
			return NULL;
		}
		return render_plain(t, base, s, len, c, failed);
	}
	n = pieces_of(t, face, px, s, len, rtl, &v, &base);
	if (base)
		dst = render_pieces(t, s, len, v, n, base, c, failed);
	else
		*failed = true;
	free(v);
	return dst;
}

bool
text_has_glyph(struct text *t, enum deck_font face, uint32_t cp)
{
	TTF_Font *base = font_at(t->fonts, face, 16);
	double scale;

	if (base && TTF_GlyphIsProvided32(base, cp))
		return true;
	return fallback_font(t->fb, face, t->lang, cp, 16, &scale) != NULL;
}
