/*
 * test_text: lines in every script the issue names, through text.c with
 * the bundled faces and the system's Noto fonts (fonts-noto-core, -cjk,
 * -color-emoji): every character of each sentence has a glyph and ink is
 * drawn; a right-to-left line's first logical word is drawn rightmost and
 * its Latin run left to right; Japanese and Chinese take their own forms
 * of the same Han character; a Latin line opens no fallback font.
 */
#include "text.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "font.h"
#include "report.h"
#include "textrun.h"
#include "util.h"

static const SDL_Color white = { 255, 255, 255, 255 };

/* Article 1 of the UDHR (its first sentence) in each script. */
static const struct {
	const char *name, *text;
} udhr[] = {
	{ "Latin",
	  "All human beings are born free and equal in dignity and rights." },
	{ "Arabic", "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق." },
	{ "Hebrew", "כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם." },
	{ "Chinese (simplified)", "人人生而自由，在尊严和权利上一律平等。" },
	{ "Chinese (traditional)", "人人生而自由，在尊嚴和權利上一律平等。" },
	{ "Japanese", "すべての人間は、生まれながらにして自由であり、かつ、尊厳"
	              "と権利とについて平等である。" },
	{ "Korean", "모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 "
	            "있어 동등하다." },
	{ "Hindi", "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और "
	           "समानता प्राप्त है।" },
	{ "Thai", "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ" },
	{ "Greek", "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην "
	           "αξιοπρέπεια και τα δικαιώματα." },
	{ "Cyrillic", "Все люди рождаются свободными и равными в своем "
	              "достоинстве и правах." },
	{ "Vietnamese", "Tất cả mọi người sinh ra đều được tự do và bình đẳng "
	                "về nhân phẩm và quyền." },
	{ "emoji", "👋 🎉 😀 🇧🇷 👩‍💻" },
};

static struct font_set *fonts;

/* Pixels of s with some ink (alpha over 128). */
static long
ink(SDL_Surface *s)
{
	long n = 0;

	SDL_LockSurface(s);
	for (int y = 0; y < s->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
		                                     y * s->pitch);

		for (int x = 0; x < s->w; x++) {
			Uint8 r, g, b, a;

			SDL_GetRGBA(row[x], s->format, &r, &g, &b, &a);
			n += a > 128;
		}
	}
	SDL_UnlockSurface(s);
	return n;
}

static SDL_Surface *
draw(struct text *t, const char *s, bool rtl)
{
	bool failed = false;
	SDL_Surface *img = text_render(t, DECK_FONT_SANS, 40, s, strlen(s), rtl,
	                               white, &failed);

	CHECK(!failed);
	if (img) {
		SDL_Surface *c = SDL_ConvertSurfaceFormat(
		        img, SDL_PIXELFORMAT_ARGB8888, 0);

		SDL_FreeSurface(img);
		img = c;
	}
	return img;
}

/* Every sentence: each character drawn by some font, ink drawn, as wide
 * as measured. */
static void
test_every_script(void)
{
	struct text *t = text_create(fonts);

	for (size_t i = 0; i < sizeof(udhr) / sizeof(*udhr); i++) {
		const char *s = udhr[i].text;
		size_t len = strlen(s), missing = 0;
		SDL_Surface *img;

		for (size_t k = 0; k < len;) {
			uint32_t cp = 0;
			size_t n = util_utf8_decode(s + k, len - k, &cp);

			if (cp != 0x200d &&
			    !text_has_glyph(t, DECK_FONT_SANS, cp)) {
				fprintf(stderr, "%s: no glyph for U+%04X\n",
				        udhr[i].name, (unsigned)cp);
				missing++;
			}
			k += n ? n : 1;
		}
		CHECK_INT(missing, 0);
		img = draw(t, s, false);
		CHECK(img != NULL);
		if (!img)
			continue;
		CHECK_INT(img->w, text_width(t, DECK_FONT_SANS, 40, s, len));
		if (ink(img) < 20 * (long)util_utf8_count(s, len) / 4)
			fprintf(stderr, "%s: little ink: %ld\n", udhr[i].name,
			        ink(img));
		CHECK(ink(img) >= 20 * (long)util_utf8_count(s, len) / 4);
		SDL_FreeSurface(img);
	}
	text_destroy(t);
}

/* How many pixels of the w columns of a from column ax differ in ink
 * from those of b from bx (a column outside a counts as blank). */
static long
column_misses(SDL_Surface *a, int ax, SDL_Surface *b, int bx, int w)
{
	int h = a->h < b->h ? a->h : b->h;
	long miss = 0;

	for (int y = 0; y < h; y++) {
		const Uint32 *ra = (const Uint32 *)((Uint8 *)a->pixels +
		                                    y * a->pitch),
		             *rb = (const Uint32 *)((Uint8 *)b->pixels +
		                                    y * b->pitch);

		for (int x = 0; x < w; x++) {
			Uint8 r1, g1, b1, a1 = 0, r2, g2, b2, a2;

			if (ax + x >= 0 && ax + x < a->w)
				SDL_GetRGBA(ra[ax + x], a->format, &r1, &g1,
				            &b1, &a1);
			SDL_GetRGBA(rb[bx + x], b->format, &r2, &g2, &b2, &a2);
			miss += (a1 > 128) != (a2 > 128);
		}
	}
	return miss;
}

/* The fewest pixels that differ in ink between b and the columns of a at
 * about column ax (within 3 px). */
static long
best_misses(SDL_Surface *a, int ax, SDL_Surface *b)
{
	long best = LONG_MAX;

	for (int d = -3; d <= 3; d++) {
		long m = column_misses(a, ax + d, b, 0, b->w);

		best = m < best ? m : best;
	}
	return best;
}

/* Whether b is drawn in a at about column ax: a word drawn in a line may
 * sit a fraction of a pixel off (the space before it has a fractional
 * advance), so its anti-aliased edges differ; its shapes do not: under a
 * quarter of its ink differs, and a third as much as anywhere else
 * (other, elsewhere). */
static bool
drawn_near(SDL_Surface *a, int ax, SDL_Surface *b, int other)
{
	long here = best_misses(a, ax, b);

	return here * 4 < ink(b) && here * 3 < best_misses(a, other, b);
}

/* Whether the w columns of a from column ax equal those of b from bx. */
static bool
same_columns(SDL_Surface *a, int ax, SDL_Surface *b, int bx, int w)
{
	return column_misses(a, ax, b, bx, w) == 0;
}

/*
 * "שלום IGF" and "مرحبا IGF" in right-to-left paragraphs: the first
 * logical word is drawn at the right end, "IGF" at the left, each as it is
 * drawn alone (so "IGF" reads left to right).
 */
static void
test_right_to_left_order(void)
{
	static const char *words[][2] = {
		{ "שלום", "שלום IGF" },
		{ "مرحبا", "مرحبا IGF" },
	};
	struct text *t = text_create(fonts);

	for (size_t i = 0; i < 2; i++) {
		SDL_Surface *line = draw(t, words[i][1], true),
		            *first = draw(t, words[i][0], true),
		            *igf = draw(t, "IGF", false);

		CHECK(line && first && igf);
		if (line && first && igf) {
			CHECK(drawn_near(line, line->w - first->w, first, 0));
			CHECK(drawn_near(line, 0, igf, line->w - igf->w));
		}
		SDL_FreeSurface(line);
		SDL_FreeSurface(first);
		SDL_FreeSurface(igf);
	}
	text_destroy(t);
}

/* "直" (U+76F4) has a Japanese and a Chinese form: the language picks. */
static void
test_han_by_language(void)
{
	struct text *t = text_create(fonts);
	SDL_Surface *ja, *zh, *ja2;

	text_set_language(t, "ja");
	ja = draw(t, "直", false);
	text_set_language(t, "zh-Hans");
	zh = draw(t, "直", false);
	text_set_language(t, "ja-JP");
	ja2 = draw(t, "直", false);
	CHECK(ja && zh && ja2);
	if (ja && zh && ja2) {
		CHECK(ja->w == ja2->w && same_columns(ja, 0, ja2, 0, ja->w));
		CHECK(ja->w != zh->w || !same_columns(ja, 0, zh, 0, ja->w));
	}
	SDL_FreeSurface(ja);
	SDL_FreeSurface(zh);
	SDL_FreeSurface(ja2);
	text_destroy(t);
}

/* A deck in Latin script (accents, dashes, quotes) opens no other font. */
static void
test_latin_opens_nothing(void)
{
	struct text *t = text_create(fonts);
	const char *s = "Café «São Paulo» — 2007–2008, “IGF” … naïve";
	SDL_Surface *img = draw(t, s, false);

	CHECK(img != NULL);
	CHECK_INT(text_fallbacks(t), 0);
	SDL_FreeSurface(img);
	text_destroy(t);
}

/*
 * Lines mixed at random from pieces of every script, marks, joiners,
 * flags, digits and invalid bytes: each drawn (or nothing to draw) as wide
 * as measured, in either direction, with no sanitizer finding.
 */
static void
test_mixed_at_random(void)
{
	static const char *bits[] = {
		"a",
		" ",
		"IGF 2007",
		"é",
		"\xcc\x81",
		"مرحبا",
		"ً",
		"שלום",
		"中文",
		"，",
		"。",
		"すべて",
		"한국",
		"हिन्दी",
		"ไทย",
		"😀",
		"\xe2\x80\x8d",
		"\xef\xb8\x8f",
		"🇧🇷",
		"🇧",
		"(",
		")",
		"\xff",
		"\xc3",
		"\xe2\x80\x8f",
		"\xcd\xb8",
		"1",
		"«",
		"»",
	};
	struct text *t = text_create(fonts);
	unsigned seed = 7;

	for (int round = 0; round < 300; round++) {
		char line[256] = "";
		int n = 1 +
		        (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
		bool failed = false, rtl;
		SDL_Surface *img;
		int w;

		for (int k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(line, bits[(seed >> 16) %
			                  (sizeof(bits) / sizeof(*bits))]);
		}
		/* as wide as measured in its own direction; the other
		   draws too */
		rtl = textrun_is_rtl(line, strlen(line));
		w = text_width(t, DECK_FONT_SANS_BOLD, 30, line, strlen(line));
		SDL_FreeSurface(text_render(t, DECK_FONT_SANS_BOLD, 30, line,
		                            strlen(line), !rtl, white,
		                            &failed));
		CHECK(!failed);
		img = text_render(t, DECK_FONT_SANS_BOLD, 30, line,
		                  strlen(line), rtl, white, &failed);
		CHECK(!failed);
		CHECK(img ? img->w == w : w == 0);
		if (failed || (img ? img->w != w : w != 0)) {
			fprintf(stderr, "rtl %d w %d img %d: ", rtl, w,
			        img ? img->w : -1);
			for (const char *p = line; *p; p++)
				fprintf(stderr, "%02x", (unsigned char)*p);
			fprintf(stderr, " %s\n", TTF_GetError());
		}
		SDL_FreeSurface(img);
	}
	text_destroy(t);
}

/*
 * A line in 32 scripts, each from its own font: more than the fallback
 * keeps open (24). The line's own fonts stay open while it is set (the
 * sanitizer would see a closed one used); what finds no room is drawn
 * with the bundled face and said so.
 */
static void
test_more_fonts_than_slots(void)
{
	static const char line[] =
	        "\u0531\u10d0\u1200\u0995\u0b95\u0c15\u0c95\u0d15\u0a95"
	        "\u0a15\u0b15\u0d9a\u1780\u0e81\u1000\u0f40\u1820\u13a0"
	        "\u1401\u16a0\u1681\u0780\u0710\u07ca\u2d30\ua984\u1b13"
	        "\u1b8a\u05d0\u0627\u0915\u0e01";
	struct text *t = text_create(fonts);
	bool failed = false;
	int w = text_width(t, DECK_FONT_SANS, 24, line, strlen(line));
	SDL_Surface *img = text_render(t, DECK_FONT_SANS, 24, line,
	                               strlen(line), false, white, &failed);

	CHECK(!failed && img && img->w == w);
	CHECK(text_fallbacks(t) <= 24);
	SDL_FreeSurface(img);
	text_destroy(t);
}

/* A long line of 200 alternating Hebrew and Latin words, right to left:
 * as many pieces, drawn as wide as measured. */
static void
test_many_pieces(void)
{
	char line[2048] = "";
	struct text *t = text_create(fonts);
	bool failed = false;
	SDL_Surface *img;
	int w;

	for (int k = 0; k < 100; k++)
		strcat(line, "\u05e9\u05dc\u05d5\u05dd ab ");
	w = text_width(t, DECK_FONT_SANS, 20, line, strlen(line));
	img = text_render(t, DECK_FONT_SANS, 20, line, strlen(line), true,
	                  white, &failed);
	CHECK(!failed && img && img->w == w);
	SDL_FreeSurface(img);
	text_destroy(t);
}

int
main(void)
{
	struct report rep;

	if (TTF_Init() < 0) {
		fprintf(stderr, "cannot start SDL_ttf\n");
		return 1;
	}
	report_init(&rep);
	fonts = font_create("assets/fonts", &rep);
	report_destroy(&rep);
	if (!fonts) {
		fprintf(stderr, "cannot load the bundled fonts\n");
		return 1;
	}
	RUN(test_latin_opens_nothing);
	RUN(test_every_script);
	RUN(test_right_to_left_order);
	RUN(test_han_by_language);
	RUN(test_mixed_at_random);
	RUN(test_more_fonts_than_slots);
	RUN(test_many_pieces);
	font_destroy(fonts);
	TTF_Quit();
	return check_done("test_text");
}
