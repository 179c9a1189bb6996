/*
 * test_igf_deck: the bundled deck, slides/igf2007.json, loads cleanly and
 * says what its source says: the IGF 2007 best practice forum "Moving Beyond
 * the Talk: Partnerships in Practice" (13 November 2007, Rio de Janeiro), its
 * organisers, its four key questions, its partners and its contact. It also
 * keeps to the legibility budget a lobby reader has (10 seconds a slide, text
 * never below 1/24 of the screen height) and to readable contrast.
 *
 * Run from the repository's root, or give the deck's path as argv[1].
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "deck.h"
#include "igf_questions.h"
#include "lint.h"

#define DECK_PATH "slides/igf2007.json"

/* Legibility budget, in characters (code points). */
#define MAX_TITLE      40  /* title slide's title, statement's title line */
#define MAX_HEADING    30  /* heading of a text or bullets slide */
#define MAX_BULLETS    5   /* bullets on a slide */
#define MAX_BULLET     70  /* characters in one bullet */
#define MAX_PARAGRAPHS 2   /* paragraphs on a slide */
#define MAX_TEXT       180 /* characters in a slide's paragraphs together */
#define MAX_STATEMENT                                                          \
	120                  /* characters in a statement: the seed's longest  \
	                        key question, quoted word for word, has 119 */
#define MAX_CARD_TEXT    60  /* characters in a card's line */
#define MIN_CONTRAST     7.0 /* WCAG AAA for body text */
#define MIN_ACCENT_CONTR 3.0 /* WCAG for graphics and large text */

static struct deck deck;
static int loaded = -1; /* deck_load's result */

static int
fold(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether needle occurs in hay, ignoring ASCII case; NULL hay is empty. */
/* Whether hay starts with needle, case folded; a no-break space (which
 * keeps "Rio de Janeiro" on one line) matches a space. */
static bool
starts_with(const char *hay, const char *needle)
{
	for (; *needle; needle++) {
		if (*needle == ' ' && strncmp(hay, "\xc2\xa0", 2) == 0)
			hay += 2;
		else if (*hay && fold(*hay) == fold(*needle))
			hay++;
		else
			return false;
	}
	return true;
}

static bool
has_text(const char *hay, const char *needle)
{
	for (; hay && *hay; hay++)
		if (starts_with(hay, needle))
			return true;
	return false;
}

static bool
strings_have(const struct deck_strings *s, const char *needle)
{
	for (size_t i = 0; i < s->n; i++)
		if (has_text(s->v[i], needle))
			return true;
	return false;
}

/* Whether any text slide i shows (not its notes) contains needle. */
static bool
slide_has(size_t i, const char *needle)
{
	const struct deck_slide *s = &deck.slides[i];
	const struct deck_contact *c = &s->contact;
	const char *fields[] = { s->title,        s->subtitle, s->statement,
		                 s->caption,      c->name,     c->role,
		                 c->organisation, c->email,    c->phone,
		                 c->url };

	for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
		if (has_text(fields[k], needle))
			return true;
	if (strings_have(&s->text, needle) || strings_have(&s->bullets, needle))
		return true;
	for (size_t k = 0; k < s->n_cards; k++)
		if (has_text(s->cards[k].name, needle) ||
		    has_text(s->cards[k].text, needle))
			return true;
	return false;
}

/* Whether slide i shows every one of the NULL-terminated words. */
static bool
slide_has_all(size_t i, const char *const *words)
{
	for (; *words; words++)
		if (!slide_has(i, *words))
			return false;
	return true;
}

/* Whether any slide of the deck shows needle. */
static bool
deck_has(const char *needle)
{
	for (size_t i = 0; i < deck.n_slides; i++)
		if (slide_has(i, needle))
			return true;
	return false;
}

/* The number of slides of layout that show needle. */
static size_t
count_slides(enum deck_layout layout, const char *needle)
{
	size_t n = 0;

	for (size_t i = 0; i < deck.n_slides; i++)
		if (deck.slides[i].layout == layout && slide_has(i, needle))
			n++;
	return n;
}

/* Characters (UTF-8 code points) in s; 0 for NULL. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
test_loads(void)
{
	CHECK_INT(loaded, 0);
	CHECK(deck.n_slides >= 12);
}

static void
test_event(void)
{
	CHECK_STR(deck.event.date, "13 November 2007");
	CHECK(has_text(deck.event.venue, "Rio de Janeiro"));
	CHECK(has_text(deck.event.venue, "Brazil"));
	CHECK(has_text(deck.event.name, "Internet Governance Forum"));
	CHECK(has_text(deck.event.name, "2007"));
	CHECK(has_text(deck.title, "Moving Beyond the Talk"));
}

static void
test_settings(void)
{
	CHECK_INT(deck.settings.mode, DECK_MODE_LOBBY);
	CHECK_INT(deck.settings.transition, DECK_TRANSITION_FADE);
	CHECK(deck.settings.seconds_ms >= 10000);
	CHECK(deck.settings.seconds_ms <= 12000);
}

static void
test_title_slide(void)
{
	static const char *const words[] = { "Moving Beyond the Talk",
		                             "Partnerships in Practice",
		                             "Best Practice Forum",
		                             "Multistakeholderism",
		                             "13 November 2007",
		                             "Rio de Janeiro",
		                             "ISOC",
		                             "infoDev",
		                             "Panos London",
		                             NULL };

	CHECK(deck.n_slides > 0);
	if (deck.n_slides == 0)
		return;
	CHECK_INT(deck.slides[0].layout, DECK_LAYOUT_TITLE);
	CHECK(has_text(deck.slides[0].title, "Moving Beyond the Talk"));
	for (const char *const *w = words; *w; w++) {
		if (!slide_has(0, *w))
			fprintf(stderr, "title slide: \"%s\" missing\n", *w);
		CHECK(slide_has(0, *w));
	}
	CHECK(slide_has(0, "Government of the UK") ||
	      slide_has(0, "UK Government"));
}

/* The four key questions, by their key words. */
static const char *const questions[4][5] = {
	{ "challenges", "strategies", "overcom", "multi-stakeholder", NULL },
	{ "impact", "failed", "why", "multi-stakeholder", NULL },
	{ "promoted", "strengthened", "multi-stakeholder", NULL },
	{ "needed", "enable", "develop", "effective", NULL },
};

static void
test_key_questions(void)
{
	size_t found[4];

	for (size_t q = 0; q < 4; q++) {
		size_t n = 0;
		char title[32];

		found[q] = (size_t)-1;
		for (size_t i = 0; i < deck.n_slides; i++) {
			const struct deck_slide *s = &deck.slides[i];

			if (s->layout == DECK_LAYOUT_STATEMENT &&
			    slide_has_all(i, questions[q])) {
				found[q] = i;
				n++;
			}
		}
		if (n != 1)
			fprintf(stderr,
			        "key question %zu: on %zu statement "
			        "slides, expected 1\n",
			        q + 1, n);
		CHECK_INT(n, 1);
		if (n != 1)
			continue;
		snprintf(title, sizeof title, "Key question %zu of 4", q + 1);
		CHECK_STR(deck.slides[found[q]].title, title);
		CHECK_STR(deck.slides[found[q]].statement, igf_questions[q]);
		for (size_t k = 0; k < q; k++)
			CHECK(found[k] != found[q]);
	}
}

static void
test_session(void)
{
	static const char *const facts[] = {
		"multi-stakeholder policy dialogue",
		"capacity building",
		"hype",
		"developing countries",
		"policy and strategy",
		"practitioner",
		"mistakes",
		"unintended consequences",
		"lessons learned",
		"stakeholder groups",
		"case studies",
		"next IGF",
		NULL
	};

	for (const char *const *f = facts; *f; f++) {
		if (!deck_has(*f))
			fprintf(stderr, "deck: \"%s\" missing\n", *f);
		CHECK(deck_has(*f));
	}
}

static void
test_partners(void)
{
	static const char *const partners[] = { "APC",     "ISOC",
		                                "infoDev", "Panos London",
		                                "BERR",    NULL };

	for (const char *const *p = partners; *p; p++) {
		size_t n_own = count_slides(DECK_LAYOUT_TEXT, *p) +
		               count_slides(DECK_LAYOUT_BULLETS, *p);

		if (count_slides(DECK_LAYOUT_CARDS, *p) == 0 || n_own == 0)
			fprintf(stderr,
			        "partner %s: %zu cards slides, %zu "
			        "slides of its own\n",
			        *p, count_slides(DECK_LAYOUT_CARDS, *p), n_own);
		CHECK(count_slides(DECK_LAYOUT_CARDS, *p) == 1);
		CHECK(n_own >= 1);
	}
	CHECK(deck_has("Association for Progressive Communication"));
	CHECK(deck_has("Internet Society"));
	CHECK(deck_has("World Bank"));
	CHECK(deck_has("Department for Business"));
}

static void
test_contact(void)
{
	size_t n = 0;

	for (size_t i = 0; i < deck.n_slides; i++) {
		const struct deck_contact *c = &deck.slides[i].contact;

		if (deck.slides[i].layout != DECK_LAYOUT_CONTACT)
			continue;
		n++;
		CHECK_STR(c->name, "Karen Banks");
		/* the source gives a name only: nothing may be invented */
		CHECK(!c->role && !c->organisation && !c->email && !c->phone &&
		      !c->url);
	}
	CHECK_INT(n, 1);
}

static void
test_notes_and_ids(void)
{
	for (size_t i = 0; i < deck.n_slides; i++) {
		const struct deck_slide *s = &deck.slides[i];

		if (!s->notes || !*s->notes || !s->id || !*s->id)
			fprintf(stderr, "slide %zu: notes or id missing\n",
			        i + 1);
		CHECK(s->notes && *s->notes);
		CHECK(s->id && *s->id);
		for (size_t k = 0; k < i && s->id; k++)
			CHECK(!deck.slides[k].id ||
			      strcmp(deck.slides[k].id, s->id) != 0);
	}
}

/* Whether slide i keeps to the legibility budget; says why not. */
static bool
is_legible(size_t i)
{
	const struct deck_slide *s = &deck.slides[i];
	bool heading = s->layout == DECK_LAYOUT_TEXT ||
	               s->layout == DECK_LAYOUT_BULLETS;
	size_t text = 0, longest = 0, card = 0;

	for (size_t k = 0; k < s->text.n; k++)
		text += chars(s->text.v[k]);
	for (size_t k = 0; k < s->bullets.n; k++)
		if (chars(s->bullets.v[k]) > longest)
			longest = chars(s->bullets.v[k]);
	for (size_t k = 0; k < s->n_cards; k++)
		if (chars(s->cards[k].text) > card)
			card = chars(s->cards[k].text);
	if (chars(s->title) <= (heading ? MAX_HEADING : MAX_TITLE) &&
	    s->bullets.n <= MAX_BULLETS && longest <= MAX_BULLET &&
	    s->text.n <= MAX_PARAGRAPHS && text <= MAX_TEXT &&
	    chars(s->statement) <= MAX_STATEMENT && card <= MAX_CARD_TEXT)
		return true;
	fprintf(stderr,
	        "slide %zu (%s): title %zu, bullets %zu (longest %zu), "
	        "paragraphs %zu (%zu chars), statement %zu, card line %zu\n",
	        i + 1, s->id ? s->id : "?", chars(s->title), s->bullets.n,
	        longest, s->text.n, text, chars(s->statement), card);
	return false;
}

static void
test_legibility(void)
{
	for (size_t i = 0; i < deck.n_slides; i++)
		CHECK(is_legible(i));
}

static void
test_contrast(void)
{
	const struct deck_theme *t = &deck.theme;

	CHECK(lint_contrast(t->text, t->background) >= MIN_CONTRAST);
	CHECK(lint_contrast(t->accent, t->background) >= MIN_ACCENT_CONTR);
	for (size_t i = 0; i < deck.n_slides; i++)
		if (deck.slides[i].has_background)
			CHECK(lint_contrast(t->text,
			                    deck.slides[i].background) >=
			      MIN_CONTRAST);
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : DECK_PATH;
	struct report rep;

	report_init(&rep);
	loaded = deck_load(&deck, path, &rep);
	report_print(&rep, stderr);
	RUN(test_loads);
	RUN(test_event);
	RUN(test_settings);
	RUN(test_title_slide);
	RUN(test_key_questions);
	RUN(test_session);
	RUN(test_partners);
	RUN(test_contact);
	RUN(test_notes_and_ids);
	RUN(test_legibility);
	RUN(test_contrast);
	deck_free(&deck);
	report_destroy(&rep);
	return check_done("test_igf_deck");
}
