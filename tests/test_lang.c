/*
 * test_lang: decks in several languages. Language tags and names (lang.c),
 * the loader's choice of each text's translation with the default as
 * fallback, its warnings, and deck_set_language. The errors are fixtures:
 * tests/data/bad/lang-*.json (run by test_deck).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "check.h"
#include "controls.h"
#include "deck.h"
#include "fake_layout.h"
#include "lang.h"
#include "layout.h"
#include "util.h"

static const char deck_text[] =
        "{\"languages\": [\"en\", \"pt\", \"ar\"],\n"
        " \"title\": {\"en\": \"Deck\", \"pt\": "
        "\"Apresenta\xc3\xa7\xc3\xa3o\"},\n"
        " \"event\": {\"name\": \"Forum\"},\n"
        " \"slides\": [\n"
        "  {\"id\": \"p\", \"title\": {\"en\": \"Partners\", \"pt\": "
        "\"Parceiros\", \"ar\": \"\xd8\xa7\xd9\x84\xd8\xb4\xd8\xb1\xd9\x83"
        "\xd8\xa7\xd8\xa1\"},\n"
        "   \"bullets\": {\"en\": [\"One\", \"Two\"], \"pt\": [\"Um\", "
        "\"Dois\", \"Tr\xc3\xaas\"]}},\n"
        "  {\"title\": \"Plain\", \"text\": [{\"en\": \"Hello\", \"pt\": "
        "\"Ol\xc3\xa1\", \"ar\": \"x\"}, \"same\"]}\n"
        " ]}\n";

static int
parse(struct deck *d, struct report *rep, const char *text)
{
	report_init(rep);
	return deck_parse(d, "mem.json", NULL, text, strlen(text), rep);
}

static void
test_tags(void)
{
	static const char *const good[] = { "en",         "pt-BR",  "zh-Hans",
		                            "zh-Hant-TW", "es-419", "sr-Latn",
		                            "de-1901",    "ast" };
	static const char *const bad[] = {
		"",       "e",           "english",
		"en_US",  "pt-",         "-pt",
		"en--GB", "en-G",        "pt-BRAZILIANX",
		"1en",    "en-x-private"
	};
	char why[120];

	for (size_t k = 0; k < sizeof(good) / sizeof(good[0]); k++)
		CHECK_INT(lang_tag_check(good[k], why, sizeof(why)), 0);
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		why[0] = '\0';
		CHECK_INT(lang_tag_check(bad[k], why, sizeof(why)), -1);
		CHECK(why[0] != '\0');
	}
	lang_tag_check("en_US", why, sizeof(why));
	CHECK_STR(why, "use '-' between subtags, not '_'");
}

static void
test_names(void)
{
	CHECK_STR(lang_name("en"), "English");
	CHECK_STR(lang_name("pt"), "Portugu\xc3\xaas");
	CHECK_STR(lang_name("pt-BR"), "Portugu\xc3\xaas");
	CHECK_STR(lang_name("es"), "Espa\xc3\xb1ol");
	CHECK_STR(lang_name("fr"), "Fran\xc3\xa7"
	                           "ais");
	CHECK_STR(lang_name("ar"), "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8"
	                           "\xd9\x8a\xd8\xa9");
	CHECK_STR(lang_name("zh"), "\xe4\xb8\xad\xe6\x96\x87");
	CHECK_STR(lang_name("ru"), "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba"
	                           "\xd0\xb8\xd0\xb9");
	CHECK_STR(lang_name("tlh"), "tlh"); /* none known: the tag */
}

/* The first pass picks the default; each language's variant its own text,
 * the default's where it has none. */
static void
test_selection(void)
{
	struct report rep;
	struct deck d;

	CHECK_INT(parse(&d, &rep, deck_text), 0);
	CHECK_INT(rep.errors, 0);
	CHECK_INT(d.languages.n, 3);
	CHECK_STR(d.lang, "en");
	CHECK_INT(d.lang_index, 0);
	CHECK_STR(d.title, "Deck");
	CHECK_STR(d.slides[0].title, "Partners");
	CHECK_INT(d.slides[0].bullets.n, 2);
	CHECK_STR(d.slides[1].text.v[0], "Hello");

	deck_set_language(&d, 1);
	CHECK_STR(d.lang, "pt");
	CHECK_STR(d.title, "Apresenta\xc3\xa7\xc3\xa3o");
	CHECK_STR(d.slides[0].title, "Parceiros");
	CHECK_INT(d.slides[0].bullets.n, 3);
	CHECK_STR(d.slides[0].bullets.v[2], "Tr\xc3\xaas");
	CHECK_STR(d.slides[1].text.v[0], "Ol\xc3\xa1");
	CHECK_STR(d.slides[1].text.v[1], "same");
	CHECK_STR(d.slides[0].id, "p");
	CHECK_STR(d.event.name, "Forum");
	CHECK_INT(d.n_slides, 2);

	deck_set_language(&d, 2); /* ar: the title falls back */
	CHECK_STR(d.lang, "ar");
	CHECK_STR(d.title, "Deck");
	CHECK_STR(d.slides[0].bullets.v[0], "One");
	CHECK_INT(d.slides[0].bullets.n, 2);

	deck_set_language(&d, 9); /* clamped to the last */
	CHECK_STR(d.lang, "ar");
	deck_set_language(&d, 0);
	CHECK_STR(d.slides[0].title, "Partners");
	CHECK_INT(deck_language_index(&d, "pt"), 1);
	CHECK_INT(deck_language_index(&d, "de"), -1);
	deck_free(&d);
	report_destroy(&rep);
}

/* Each text's language for the drawing side: a text that fell back is in
 * the default's, wherever a line of it starts; the rest in the deck's. */
static void
test_text_lang(void)
{
	struct report rep;
	struct deck d;
	const char *t;

	CHECK_INT(parse(&d, &rep, deck_text), 0);
	CHECK_STR(deck_text_lang(&d, d.slides[0].title), "en");
	deck_set_language(&d, 1);
	CHECK_STR(deck_text_lang(&d, d.slides[0].title), "pt");
	CHECK_STR(deck_text_lang(&d, d.slides[0].bullets.v[1]), "pt");
	deck_set_language(&d, 2); /* ar: title and bullets fall back */
	t = d.title;
	CHECK_STR(t, "Deck");
	CHECK_STR(deck_text_lang(&d, t), "en");
	CHECK_STR(deck_text_lang(&d, t + 2), "en"); /* a line inside it */
	CHECK_STR(deck_text_lang(&d, d.slides[0].bullets.v[0]), "en");
	CHECK_STR(deck_text_lang(&d, d.slides[0].bullets.v[1] + 1), "en");
	CHECK_STR(deck_text_lang(&d, d.slides[0].title), "ar");
	CHECK_STR(deck_text_lang(&d, d.slides[1].text.v[0]), "ar");
	/* one string for every language: the deck's language */
	CHECK_STR(deck_text_lang(&d, d.slides[1].text.v[1]), "ar");
	CHECK_STR(deck_text_lang(&d, NULL), "ar");
	deck_free(&d);
	report_destroy(&rep);
}

/* The rtl flag of the line of slide i whose text is s, laid out at 1920x1080
 * in the deck's language; -1 when there is none. */
static int
line_rtl(const struct deck *d, size_t i, const char *s)
{
	struct fake f = { 0 };
	const struct layout_measurer m = fake_measurer(&f);
	struct layout lay;
	int rtl = -1;

	layout_init(&lay);
	CHECK_INT(layout_slide(&lay, d, i, 1920, 1080, 0, &m), 0);
	for (size_t k = 0; k < lay.n; k++)
		if (lay.items[k].kind == LAYOUT_TEXT &&
		    lay.items[k].len == strlen(s) &&
		    !memcmp(lay.items[k].text, s, lay.items[k].len))
			rtl = lay.items[k].rtl;
	layout_destroy(&lay);
	return rtl;
}

/* A paragraph in a right-to-left language reads right to left even when
 * it opens with a Latin word ("IGF (...)" on an Arabic slide); the same
 * Latin text in English reads left to right. */
static void
test_rtl_by_language(void)
{
	struct report rep;
	struct deck d;

	CHECK(lang_is_rtl("ar") && lang_is_rtl("he-IL") && lang_is_rtl("fa"));
	CHECK(!lang_is_rtl("en") && !lang_is_rtl("zh-Hans") &&
	      !lang_is_rtl("arn") && !lang_is_rtl(NULL));
	CHECK_INT(parse(&d, &rep, deck_text), 0);
	CHECK_INT(line_rtl(&d, 1, "same"), 0);
	deck_set_language(&d, 2);
	CHECK_INT(line_rtl(&d, 1, "same"), 1); /* one string: in Arabic */
	CHECK_INT(line_rtl(&d, 1, "x"), 1);
	deck_free(&d);
	report_destroy(&rep);
}

/* One warning a text that lacks languages, naming the place and them. */
static void
test_warnings(void)
{
	struct report rep;
	struct deck d;

	CHECK_INT(parse(&d, &rep, deck_text), 0);
	CHECK_INT(rep.warnings, 2);
	CHECK_STR(rep.v[0].text, "mem.json:2:11: title: no translation into "
	                         "\"ar\"; the \"en\" text is shown there");
	CHECK_STR(rep.v[1].text,
	          "mem.json:6:15: slides[0].bullets: no translation into "
	          "\"ar\"; the \"en\" text is shown there");
	deck_free(&d);
	report_destroy(&rep);
}

/* Decks without languages are as they were: no variants, no tag. */
static void
test_no_languages(void)
{
	static const char text[] = "{\"slides\": [{\"title\": \"T\"}]}";
	struct report rep;
	struct deck d;

	CHECK_INT(parse(&d, &rep, text), 0);
	CHECK(d.lang == NULL && d.variants == NULL);
	CHECK_INT(d.languages.n, 0);
	deck_set_language(&d, 1); /* harmless */
	CHECK_STR(d.slides[0].title, "T");
	CHECK_STR(deck_language_cycle_name(d.settings.language_cycle), "loop");
	deck_free(&d);
	report_destroy(&rep);
}

/* A translation's errors are found whichever language is shown first. */
static void
test_every_translation_checked(void)
{
	static const char text[] =
	        "{\"languages\": [\"en\", \"pt\"], \"slides\": [{\"title\": "
	        "{\"en\": \"T\", \"pt\": \"a\\u0007b\"}}]}";
	struct report rep;
	struct deck d;

	CHECK_INT(parse(&d, &rep, text), -1);
	CHECK_STR(report_first(&rep),
	          "mem.json:1:68: slides[0].title.pt: control character "
	          "U+0007 in the text; remove it");
	deck_free(&d);
	report_destroy(&rep);
}

/* The kiosk's language button at 1920x1080: beside the forward arrow,
 * touch-sized, its whole area a hit, the dots clear of it. */
static void
test_button(void)
{
	struct layout_rect safe = { 96, 54, 1728, 972 };
	struct controls c;
	struct layout_rect b;
	size_t dot = 99;

	controls_place(&c, safe, 90, 16);
	CHECK_INT(c.language.w, 0);
	CHECK_INT(controls_hit(&c, 1700, 1000, &dot), CONTROLS_NONE);
	controls_place_language(&c, true, 16);
	b = c.language;
	CHECK_INT(b.h, 90);
	CHECK_INT(b.w, CONTROLS_LANGUAGE_WIDE * 90);
	CHECK_INT(b.y, c.next.y);
	CHECK(b.x + b.w <= c.next.x);
	CHECK_INT(controls_hit(&c, b.x, b.y, &dot), CONTROLS_LANGUAGE);
	CHECK_INT(controls_hit(&c, b.x + b.w - 1, b.y + b.h - 1, &dot),
	          CONTROLS_LANGUAGE);
	CHECK_INT(controls_hit(&c, b.x + b.w / 2, b.y + b.h / 2, &dot),
	          CONTROLS_LANGUAGE);
	CHECK_INT(controls_hit(&c, b.x - 1, b.y + 1, &dot) == CONTROLS_LANGUAGE,
	          0);
	CHECK_INT(controls_hit(&c, b.x + 1, b.y - 1, &dot), CONTROLS_NONE);
	CHECK_INT(controls_hit(&c, c.next.x + 1, c.next.y + 1, &dot),
	          CONTROLS_NEXT);
	/* 16 dots still fit, closer together, none under the button. */
	CHECK_INT(c.n_dots, 16);
	CHECK(c.dots[0].w >= 45 && c.dots[0].w < 90);
	CHECK(c.dots[0].x >= c.prev.x + c.prev.w);
	for (size_t i = 0; i < c.n_dots; i++)
		CHECK(c.dots[i].x + c.dots[i].w <= b.x);
	/* The dots keep clear of it when placed again (slides due). */
	controls_place_dots(&c, NULL, 16);
	CHECK(c.dots[15].x + c.dots[15].w <= b.x);
	/* Off again: no button to hit (a dot may be there now). */
	controls_place_language(&c, false, 16);
	CHECK(controls_hit(&c, b.x + 5, b.y + 5, &dot) != CONTROLS_LANGUAGE);
	CHECK_INT(c.language.w, 0);
	/* A screen too narrow for it: no button. */
	controls_place(&c, (struct layout_rect){ 0, 0, 300, 200 }, 90, 2);
	controls_place_language(&c, true, 2);
	CHECK_INT(c.language.w, 0);
}

int
main(void)
{
	RUN(test_tags);
	RUN(test_names);
	RUN(test_selection);
	RUN(test_warnings);
	RUN(test_text_lang);
	RUN(test_rtl_by_language);
	RUN(test_no_languages);
	RUN(test_every_translation_checked);
	RUN(test_button);
	return check_done("test_lang");
}
