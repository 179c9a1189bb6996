/*
 * glyph_check: --check's warnings for characters no font draws; see
 * glyph_check.h.
 */
#include "glyph_check.h"

#include <hb.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text_paths.h"
#include "util.h"

#define SEEN_MAX 32 /* characters already named in one text */

struct check {
	const struct deck *deck;
	struct render *r;
	struct report *rep;
};

/* Whether cp is drawn as nothing, so needs no glyph: a line break, a
 * joiner, a direction mark, a variation selector. */
static bool
is_invisible(uint32_t cp)
{
	return cp == '\n' || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) ||
	       (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff ||
	       (cp >= 0xe0000 && cp <= 0xe0fff);
}

/* The package most likely to have cp: Noto CJK for Han, kana, hangul
 * and bopomofo, the emoji font for symbols outside the BMP, else Noto's
 * core fonts. */
static const char *
package_for(uint32_t cp)
{
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	hb_script_t sc = hb_unicode_script(uf, cp);

	if (sc == HB_SCRIPT_HAN || sc == HB_SCRIPT_HIRAGANA ||
	    sc == HB_SCRIPT_KATAKANA || sc == HB_SCRIPT_HANGUL ||
	    sc == HB_SCRIPT_BOPOMOFO)
		return "fonts-noto-cjk";
	if (cp >= 0x1f000 && hb_unicode_general_category(uf, cp) ==
	                             HB_UNICODE_GENERAL_CATEGORY_OTHER_SYMBOL)
		return "fonts-noto-color-emoji";
	return "fonts-noto-core";
}

static void
warn(const struct check *c, size_t slide, const char *path, uint32_t cp,
     const char *ch, size_t len)
{
	char where[TEXT_PATH_MAX + 32];
	unsigned line =
	        slide == SIZE_MAX ? 1 : (unsigned)c->deck->slides[slide].line;

	if (slide == SIZE_MAX)
		snprintf(where, sizeof(where), "%s", path);
	else
		snprintf(where, sizeof(where), "slides[%zu].%s", slide, path);
	report_warning(c->rep,
	               "%s:%u:1: %s: no font draws U+%04X \"%.*s\": it shows "
	               "as a box; install %s or add a font (see README, "
	               "Scripts and fonts)",
	               c->deck->path, line ? line : 1, where, (unsigned)cp,
	               (int)len, ch, package_for(cp));
}

static bool
seen(uint32_t *v, size_t *n, uint32_t cp)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == cp)
			return true;
	if (*n < SEEN_MAX)
		v[(*n)++] = cp;
	return false;
}

static void
check_text(void *ctx, size_t slide, const char *path, const char *text)
{
	const struct check *c = ctx;
	size_t len = strlen(text), n_seen = 0;
	uint32_t named[SEEN_MAX];

	for (size_t i = 0; i < len;) {
		uint32_t cp = 0xfffd;
		size_t k = util_utf8_decode(text + i, len - i, &cp);

		k = k ? k : 1;
		if (cp >= 0x80 && !is_invisible(cp) &&
		    !render_has_glyph(c->r, cp) && !seen(named, &n_seen, cp))
			warn(c, slide, path, cp, text + i, k);
		i += k;
	}
}

void
glyph_check_deck(const struct deck *deck, struct render *r, struct report *rep)
{
	struct check c = { deck, r, rep };

	text_paths_visit(deck, check_text, &c);
}
