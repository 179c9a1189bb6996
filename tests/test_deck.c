/*
 * test_deck: the deck loader. Every deck in tests/data/good must load; every
 * tests/data/bad/NAME.json must fail with the first message exactly as in
 * NAME.err. The rest are cases that need a buffer, a special file or a
 * generated deck. Run from the repository's top folder.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "deck.h"
#include "files.h"
#include "schedule.h"
#include "util.h"

#define GOOD "tests/data/good"
#define BAD  "tests/data/bad"

/* Parses text from a buffer of exactly its length (no NUL after it). */
static int
parse_text(struct deck *deck, struct report *rep, const char *text)
{
	size_t len = strlen(text);
	char *buf = xmalloc(len);
	int rc;

	memcpy(buf, text, len);
	rc = deck_parse(deck, "mem.json", NULL, buf, len, rep);
	free(buf);
	return rc;
}

/* Parses text and returns its first message (a static copy). */
static const char *
first_error(const char *text)
{
	static char msg[1024];
	struct report rep;
	struct deck deck;

	report_init(&rep);
	if (parse_text(&deck, &rep, text) == 0)
		snprintf(msg, sizeof(msg), "(loaded)");
	else
		snprintf(msg, sizeof(msg), "%s", report_first(&rep));
	deck_free(&deck);
	report_destroy(&rep);
	return msg;
}

/* The file's text without its final newline; the caller frees. */
static char *
read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = xcalloc(1, 4096);
	size_t n;

	if (!f)
		return buf;
	n = fread(buf, 1, 4095, f);
	fclose(f);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

/* Fixtures */

static void
test_good_fixtures(void)
{
	size_t n;
	char **names = list_json(GOOD, &n), path[512];

	CHECK(n >= 8);
	for (size_t i = 0; i < n; i++) {
		struct report rep;
		struct deck deck;

		snprintf(path, sizeof(path), "%s/%s", GOOD, names[i]);
		report_init(&rep);
		if (deck_load(&deck, path, &rep) < 0 || rep.errors) {
			fprintf(stderr, "%s: %s\n", path, report_first(&rep));
			CHECK(!"good deck failed");
		}
		deck_free(&deck);
		report_destroy(&rep);
	}
	free_list(names, n);
}

static void
check_bad(const char *name)
{
	char path[512], err[512];
	struct report rep;
	struct deck deck;
	char *want;

	snprintf(path, sizeof(path), "%s/%s", BAD, name);
	snprintf(err, sizeof(err), "%.*s.err", (int)strlen(path) - 5, path);
	want = read_text(err);
	report_init(&rep);
	CHECK_INT(deck_load(&deck, path, &rep), -1);
	CHECK_STR(report_first(&rep), want);
	CHECK(deck.n_slides == 0 && deck.slides == NULL && !deck.arena);
	deck_free(&deck);
	report_destroy(&rep);
	free(want);
}

static void
test_bad_fixtures(void)
{
	size_t n;
	char **names = list_json(BAD, &n);

	CHECK(n >= 50);
	for (size_t i = 0; i < n; i++)
		check_bad(names[i]);
	free_list(names, n);
}

/* What a good deck holds */

static void
test_defaults(void)
{
	struct report rep;
	struct deck deck;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, GOOD "/minimal.json", &rep), 0);
	CHECK_STR(deck.path, GOOD "/minimal.json");
	CHECK_STR(deck.dir, GOOD);
	CHECK(deck.title == NULL && deck.event.name == NULL);
	CHECK_INT(deck.theme.background.r, 0x10);
	CHECK_INT(deck.theme.background.g, 0x24);
	CHECK_INT(deck.theme.background.b, 0x3e);
	CHECK_INT(deck.theme.text.r + deck.theme.text.g + deck.theme.text.b,
	          3 * 255);
	CHECK_INT(deck.theme.accent.r, 0xf2);
	CHECK_INT(deck.theme.accent.b, 0x32);
	CHECK_INT(deck.theme.heading_font, DECK_FONT_SANS_BOLD);
	CHECK_INT(deck.theme.body_font, DECK_FONT_SANS);
	CHECK(deck.theme.text_scale == 1 && deck.theme.margin == 0.05);
	CHECK_INT(deck.settings.seconds_ms, 8000);
	CHECK_INT(deck.settings.transition, DECK_TRANSITION_FADE);
	CHECK_INT(deck.settings.transition_ms, 400);
	CHECK_INT(deck.settings.idle_ms, 60000);
	CHECK_INT(deck.settings.mode, DECK_MODE_LOBBY);
	CHECK(!deck.settings.progress_bar);
	CHECK_INT(deck.n_slides, 1);
	CHECK_INT(deck.slides[0].layout, DECK_LAYOUT_TITLE);
	CHECK_STR(deck.slides[0].title, "x");
	CHECK(deck.slides[0].subtitle == NULL && deck.slides[0].id == NULL);
	CHECK_INT(deck.slides[0].text.n, 0);
	CHECK_INT(deck.slides[0].line, 1);
	CHECK_INT(deck_slide_ms(&deck, 0), 8000);
	CHECK_INT(deck_slide_transition(&deck, 0), DECK_TRANSITION_FADE);
	deck_free(&deck);
	report_destroy(&rep);
}

static void
test_settings(void)
{
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(deck_load(&d, GOOD "/settings.json", &rep), 0);
	CHECK_STR(d.title, "Settings deck");
	CHECK_STR(d.event.name, "Event");
	CHECK_STR(d.event.date, "1 January 2030");
	CHECK_STR(d.event.venue, "Hall A");
	CHECK(d.theme.background.r == 0x10 && d.theme.background.g == 0x20 &&
	      d.theme.background.b == 0x30);
	CHECK(d.theme.text.r == 0xfa && d.theme.accent.g == 0xcd);
	CHECK_INT(d.theme.heading_font, DECK_FONT_SERIF_BOLD);
	CHECK_INT(d.theme.body_font, DECK_FONT_SERIF);
	CHECK(d.theme.text_scale == 1.5 && d.theme.margin == 0.1);
	CHECK_INT(d.settings.seconds_ms, 20000);
	CHECK_INT(d.settings.transition, DECK_TRANSITION_PUSH);
	CHECK_INT(d.settings.transition_ms, 250);
	CHECK_INT(d.settings.idle_ms, 90000);
	CHECK_INT(d.settings.mode, DECK_MODE_KIOSK);
	CHECK(d.settings.progress_bar);
	CHECK_INT(deck_slide_ms(&d, 0), 20000);
	CHECK_INT(deck_slide_transition(&d, 0), DECK_TRANSITION_PUSH);
	deck_free(&d);
	report_destroy(&rep);
}

static void
test_layouts(void)
{
	struct report rep;
	struct deck d;
	const struct deck_slide *s;

	report_init(&rep);
	CHECK_INT(deck_load(&d, GOOD "/layouts.json", &rep), 0);
	CHECK_INT(d.n_slides, DECK_LAYOUT_COUNT);
	for (size_t i = 0; i < d.n_slides && i < DECK_LAYOUT_COUNT; i++)
		CHECK_INT(d.slides[i].layout, i);
	s = d.slides;
	CHECK_STR(s[0].id, "opening");
	CHECK_STR(s[0].subtitle, "A subtitle");
	CHECK_INT(s[0].text.n, 1);
	CHECK_STR(s[0].text.v[0], "A line under it");
	CHECK_STR(s[0].notes, "Welcome everyone");
	CHECK_INT(s[0].seconds_ms, 12500);
	CHECK_INT(deck_slide_ms(&d, 0), 12500);
	CHECK_INT(deck_slide_transition(&d, 0), DECK_TRANSITION_PUSH);
	CHECK(s[0].has_background && s[0].background.r == 0);
	CHECK(!s[1].has_background);
	CHECK_INT(s[1].text.n, 2);
	CHECK_STR(s[1].text.v[1], "Second\nwith a break.");
	CHECK_INT(s[2].bullets.n, 3);
	CHECK_STR(s[2].bullets.v[2], "three");
	CHECK_STR(s[3].statement, "One big sentence.");
	CHECK_STR(s[3].title, "Above");
	CHECK_INT(s[4].n_cards, 2);
	CHECK_STR(s[4].cards[0].name, "Alpha");
	CHECK_STR(s[4].cards[0].text, "First partner");
	CHECK(s[4].cards[1].text == NULL);
	CHECK_STR(s[5].contact.name, "Ana Lima");
	CHECK_STR(s[5].contact.organisation, "IGF");
	CHECK_STR(s[5].contact.url, "https://example.org");
	CHECK_STR(s[5].text.v[0], "Write any time.");
	CHECK_STR(s[6].image, "pixel.png");
	CHECK_STR(s[6].caption, "Red");
	CHECK_INT(deck_slide_transition(&d, 6), DECK_TRANSITION_NONE);
	CHECK_INT(deck_slide_transition(&d, 1), DECK_TRANSITION_FADE);
	CHECK_INT(s[1].transition, -1);
	CHECK_INT(s[6].line, 37);
	CHECK_STR(s[7].title, "Local time");
	CHECK_STR(s[8].until, "2007-11-13T10:00-02:00");
	CHECK_STR(s[8].after, "Now in the main hall");
	CHECK_INT(s[9].image_side, DECK_SIDE_RIGHT);
	CHECK_INT(s[9].bullets.n, 2);
	CHECK_STR(s[9].qr.text, "https://example.org/a");
	CHECK_INT(s[9].qr.size, 25); /* 21 bytes at level M: version 2 */
	CHECK(s[9].qr.modules && s[9].qr.modules[0] == 1); /* a finder */
	CHECK_INT(s[0].image_side, DECK_SIDE_LEFT);
	CHECK(!s[0].qr.text && !s[5].qr.text);
	CHECK_INT(s[10].n_logos, 2);
	CHECK(s[10].plate && !s[6].plate);
	CHECK_STR(s[10].logos[0].name, "Pixel");
	CHECK(s[10].logos[1].name == NULL);
	CHECK_STR(s[10].logos[1].image, "images/dot.png");
	/* sizes from the pictures' headers */
	CHECK_INT(s[10].logos[0].w, 8);
	CHECK_INT(s[10].logos[1].h, 4);
	/* the programme's schedule, read with the deck */
	CHECK_STR(s[11].schedule, "images/schedule.json");
	CHECK_STR(s[11].room, "Room 1");
	CHECK(s[11].programme && s[11].programme->n_rooms == 3);
	CHECK_INT(d.n_schedules, 1);
	deck_free(&d);
	report_destroy(&rep);
}

/* A programme slide's schedule: read once however many slides name it;
 * missing, broken, outside the folder or without the room, an error that
 * names the file and the place. */
static void
test_programme(void)
{
	static const struct {
		const char *slides, *want;
	} cases[] = {
		{ "{\"schedule\": \"s.json\"}, {\"schedule\": \"s.json\", "
		  "\"room\": \"Hall\"}",
		  NULL },
		{ "{\"schedule\": \"none.json\"}",
		  "slides[0].schedule: \"none.json\" not found in the deck's "
		  "folder" },
		{ "{\"schedule\": \"broken.json\"}",
		  "broken.json:1:14: unexpected end" },
		{ "{\"schedule\": \"../s.json\"}", "leads out of the deck's" },
		{ "{\"schedule\": \"s.json\", \"room\": \"Hal\"}",
		  "deck.json:1:44: slides[0].room: no room \"Hal\" in s.json; "
		  "its "
		  "rooms are \"Hall\" or \"Annex\" (did you mean \"Hall\"?)" },
		{ "{\"layout\": \"programme\", \"title\": \"x\"}",
		  "slides[0]: a \"programme\" slide needs \"schedule\"" },
	};
	static const char sched[] =
	        "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {"
	        "\"Hall\": [{\"date\": \"2007-11-13T10:00:00-02:00\", "
	        "\"duration\": \"01:00\", \"title\": \"Opening\"}], "
	        "\"Annex\": []}}]}}}";
	char dir[] = "/tmp/vitrine-test-XXXXXX", path[600], doc[600];
	struct report rep;
	struct deck d;
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/s.json", dir);
	CHECK((f = fopen(path, "w")) && fputs(sched, f) >= 0 && !fclose(f));
	snprintf(path, sizeof(path), "%s/broken.json", dir);
	CHECK((f = fopen(path, "w")) && fputs("{\"schedule\": ", f) >= 0 &&
	      !fclose(f));
	snprintf(path, sizeof(path), "%s/deck.json", dir);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		report_init(&rep);
		CHECK((f = fopen(path, "w")) &&
		      fprintf(f, "{\"slides\": [%s]}", cases[i].slides) > 0 &&
		      !fclose(f));
		if (!cases[i].want) {
			CHECK_INT(deck_load(&d, path, &rep), 0);
			CHECK_INT(d.n_schedules, 1); /* read once */
			CHECK(d.slides[0].programme == d.slides[1].programme);
			CHECK_INT(d.slides[0].layout, DECK_LAYOUT_PROGRAMME);
			CHECK_STR(d.slides[0].programme->events[0].title,
			          "Opening");
			deck_free(&d);
		} else {
			CHECK_INT(deck_load(&d, path, &rep), -1);
			if (!report_first(&rep) ||
			    !strstr(report_first(&rep), cases[i].want)) {
				fprintf(stderr, "  want /%s/ in: %s\n",
				        cases[i].want, report_first(&rep));
				CHECK(!"the message");
			}
		}
		report_destroy(&rep);
	}
	snprintf(doc, sizeof(doc), "rm -r %s", dir);
	CHECK_INT(system(doc), 0);
}

static void
test_inferred(void)
{
	static const enum deck_layout want[] = {
		DECK_LAYOUT_TITLE,     DECK_LAYOUT_TEXT,  DECK_LAYOUT_BULLETS,
		DECK_LAYOUT_STATEMENT, DECK_LAYOUT_CARDS, DECK_LAYOUT_CONTACT,
		DECK_LAYOUT_IMAGE,
	};
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(deck_load(&d, GOOD "/inferred.json", &rep), 0);
	CHECK_INT(d.n_slides, 7);
	for (size_t i = 0; i < d.n_slides && i < 7; i++)
		CHECK_INT(d.slides[i].layout, want[i]);
	CHECK_STR(d.title, "Inferred event");
	CHECK_STR(d.slides[6].image, "images/dot.png");
	deck_free(&d);
	report_destroy(&rep);
}

static void
test_unicode(void)
{
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(deck_load(&d, GOOD "/unicode.json", &rep), 0);
	CHECK_STR(d.title, "Olá, São Paulo — ☕ 😀");
	CHECK_STR(d.slides[0].title, "Escapes: é中😀 \"quoted\" \\ /");
	CHECK_STR(d.slides[0].text.v[0], "tab here\nnew line");
	CHECK_STR(d.slides[1].bullets.v[1], "β");
	deck_free(&d);
	report_destroy(&rep);
	report_init(&rep);
	CHECK_INT(deck_load(&d, GOOD "/bom.json", &rep), 0);
	CHECK_STR(d.slides[0].title, "BOM");
	deck_free(&d);
	report_destroy(&rep);
}

/* Buffers */

static const char rich[] =
        "{\"title\": \"T\", \"event\": {\"name\": \"E\"},\n"
        " \"theme\": {\"accent\": \"#010203\", \"margin\": 0.1},\n"
        " \"settings\": {\"seconds\": 5, \"progress_bar\": false},\n"
        " \"slides\": [{\"title\": \"caf\\u00e9 \\ud83d\\ude00\"},\n"
        "  {\"bullets\": [\"a\", \"b\"], \"id\": \"x\"}, {\"statement\": "
        "\"s\"},\n"
        "  {\"cards\": [{\"name\": \"n\", \"text\": \"t\"}]}, "
        "{\"image\": \"img.png\", \"seconds\": 2.5}]}";

static void
test_buffers(void)
{
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(parse_text(&d, &rep, rich), 0);
	CHECK_INT(rep.errors, 0);
	CHECK_INT(d.n_slides, 5);
	CHECK_STR(d.dir, ".");
	CHECK_STR(d.path, "mem.json");
	CHECK_STR(d.slides[0].title, "café 😀");
	CHECK_STR(d.slides[4].image, "img.png"); /* no dir: not on disk */
	CHECK_INT(deck_slide_ms(&d, 4), 2500);
	CHECK_INT(deck_slide_ms(&d, 3), 5000);
	deck_free(&d);
	deck_free(&d);
	report_destroy(&rep);
	CHECK_STR(first_error("{\"slides\":[{\"title\":\"x\"}]}"), "(loaded)");
	CHECK_STR(first_error("{\"slides\":[{\"title\":\"x\"}]"),
	          "mem.json:1:26: unexpected end of file; an object is not "
	          "closed (opened at 1:1)");
	CHECK_STR(first_error("{\"slides\":[{\"title\":\"x"),
	          "mem.json:1:23: unexpected end of file inside a string "
	          "(opened at 1:21); add the closing '\"'");
	CHECK_STR(first_error("{\"slides\":[{\"title\":\"\\u00e"),
	          "mem.json:1:22: '\\u' needs four hex digits, e.g. \\u00e9");
	CHECK_STR(first_error("{\"slides\":[{\"title\":\"\\"),
	          "mem.json:1:23: unexpected end of file inside a string "
	          "(opened at 1:21); add the closing '\"'");
	CHECK_STR(first_error("{\"slides\":[{\"title\":1"),
	          "mem.json:1:22: unexpected end of file; an object is not "
	          "closed (opened at 1:12)");
	CHECK_STR(first_error("{\"slides\":[{\"title\":tru"),
	          "mem.json:1:21: unquoted text 'tru'; strings need double "
	          "quotes: \"tru\"");
	CHECK_STR(first_error("{\"a\":1}/"),
	          "mem.json:1:8: unexpected '/' after the end of the "
	          "top-level value; remove it");
	CHECK_STR(first_error("\xef\xbb"), "mem.json:1:1: invalid UTF-8 (a "
	                                   "truncated sequence, byte 0xEF); "
	                                   "save the file as UTF-8");
}

/* Every proper prefix of a good deck fails, and reading stays in bounds. */
static void
test_prefixes(void)
{
	size_t len = strlen(rich);

	for (size_t n = 0; n < len; n++) {
		struct report rep;
		struct deck d;
		char *buf = xmalloc(n);

		memcpy(buf, rich, n);
		report_init(&rep);
		if (deck_parse(&d, "p.json", NULL, buf, n, &rep) == 0) {
			fprintf(stderr, "prefix of %zu bytes loaded\n", n);
			CHECK(!"a truncated deck loaded");
		}
		CHECK(rep.errors >= 1);
		deck_free(&d);
		report_destroy(&rep);
		free(buf);
	}
}

/* A column counts code points, on the right line. */
static void
test_positions(void)
{
	CHECK_STR(
	        first_error("{\n\n  \"title\": \"ÀÉÎ — ☕ 😀\",\n"
	                    "  \"event\": {\"name\": \"日本\", \"date\": 5},\n"
	                    "  \"slides\": [{\"title\": \"x\"}]}"),
	        "mem.json:4:35: event.date: expected a string, got a "
	        "number; put it in double quotes");
	CHECK_STR(first_error("{\"title\": \"é\"\"slides\": 1}"),
	          "mem.json:1:14: missing ',' before this key; add a comma "
	          "after the previous value");
	CHECK_STR(first_error("\xef\xbb\xbf{\"slides\": [{\"titel\": \"x\"}]}"),
	          "mem.json:1:14: slides[0].titel: unknown key; did you mean "
	          "\"title\"?");
}

/* All errors are reported, in order, not just the first. */
static void
test_many_errors(void)
{
	static const char text[] =
	        "{\n"
	        "  \"settings\": {\"seconds\": 0, \"mode\": \"kiosk\", "
	        "\"transition\": \"fdae\"},\n"
	        "  \"slides\": [\n"
	        "    {\"title\": \"a\", \"titel\": \"b\"},\n"
	        "    {\"layout\": \"text\"},\n"
	        "    {\"id\": \"k\", \"bullets\": [\"x\", 3], \"subtitle\": "
	        "\"s\"},\n"
	        "    {\"id\": \"k\", \"image\": \"/abs.png\"}\n"
	        "  ]\n"
	        "}\n";
	static const char *const want[] = {
		"m.json:2:27: settings.seconds: 0 is out of range; give 1 to "
		"86400 seconds",
		"m.json:2:61: settings.transition: unknown transition "
		"\"fdae\"; expected \"fade\", \"push\" or \"none\" (did you "
		"mean \"fade\"?)",
		"m.json:4:20: slides[0].titel: unknown key; did you mean "
		"\"title\"?",
		"m.json:5:5: slides[1]: a \"text\" slide needs \"text\"",
		"m.json:6:34: slides[2].bullets[1]: expected a string, got a "
		"number; put it in double quotes",
		"m.json:6:38: slides[2].subtitle: not used by a \"bullets\" "
		"slide (inferred from \"bullets\"); remove it or set "
		"\"layout\": \"title\"",
		"m.json:7:26: slides[3].image: an absolute path; give a path "
		"relative to the deck's folder, e.g. \"images/photo.png\"",
		"m.json:7:12: slides[3].id: duplicate id \"k\"; slides[2] "
		"(6:12) has it too",
	};
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(deck_parse(&d, "m.json", NULL, text, strlen(text), &rep), -1);
	CHECK_INT(rep.errors, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < rep.n && i < sizeof(want) / sizeof(want[0]); i++)
		CHECK_STR(rep.v[i].text, want[i]);
	CHECK(d.arena == NULL && d.slides == NULL);
	report_destroy(&rep);
}

static void
test_duplicate_ids(void)
{
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(parse_text(&d, &rep,
	                     "{\"slides\": [{\"id\": \"a\", \"title\": \"1\"}, "
	                     "{\"id\": \"b\", \"title\": \"2\"}, "
	                     "{\"id\": \"a\", \"title\": \"3\"}, "
	                     "{\"id\": \"a\", \"title\": \"4\"}]}"),
	          -1);
	CHECK_INT(rep.errors, 2);
	CHECK_STR(rep.v[0].text, "mem.json:1:74: slides[2].id: duplicate id "
	                         "\"a\"; slides[0] (1:20) has it too");
	CHECK_STR(rep.v[1].text, "mem.json:1:101: slides[3].id: duplicate "
	                         "id \"a\"; slides[0] (1:20) has it too");
	report_destroy(&rep);
}

/* Generates a deck of n slides (each {"title":"s"}) in an exact buffer. */
static char *
many_slides(size_t n, size_t *len)
{
	static const char head[] = "{\"slides\":[",
	                  slide[] = "{\"title\":\"s\"},";
	size_t cap = sizeof(head) + n * (sizeof(slide) - 1) + 2;
	char *buf = xmalloc(cap), *p = buf;

	p += sprintf(p, "%s", head);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s", slide);
	p[-1] = ']';
	*p++ = '}';
	*len = (size_t)(p - buf);
	return buf;
}

static void
test_slide_count(void)
{
	struct report rep;
	struct deck d;
	size_t len;
	char *buf = many_slides(DECK_MAX_SLIDES, &len);

	report_init(&rep);
	CHECK_INT(deck_parse(&d, "big.json", NULL, buf, len, &rep), 0);
	CHECK_INT(d.n_slides, DECK_MAX_SLIDES);
	deck_free(&d);
	free(buf);
	buf = many_slides(DECK_MAX_SLIDES + 1, &len);
	CHECK_INT(deck_parse(&d, "big.json", NULL, buf, len, &rep), -1);
	CHECK_STR(report_first(&rep), "big.json:1:11: slides: 10001 slides; a "
	                              "deck may have at most 10000");
	CHECK_INT(rep.errors, 1);
	free(buf);
	report_destroy(&rep);
}

/* Parses [0,0,...] of n values; 1 when refused for their number. */
static int
flood_fails(size_t n)
{
	char *buf = xmalloc(2 * n + 1);
	struct report rep;
	struct deck d;
	int refused;

	buf[0] = '[';
	for (size_t i = 0; i < n; i++)
		memcpy(buf + 1 + 2 * i, "0,", 2);
	buf[2 * n] = ']';
	report_init(&rep);
	refused = deck_parse(&d, "f.json", NULL, buf, 2 * n + 1, &rep) < 0 &&
	          strstr(report_first(&rep), "values; that is far more");
	report_destroy(&rep);
	free(buf);
	return refused;
}

static void
test_nesting_and_values(void)
{
	char deep[128];

	/* 16 levels are allowed (then "notes" has the wrong type)... */
	snprintf(deep, sizeof(deep), "{\"slides\":[{\"notes\":%.*s%.*s}]}", 13,
	         "[[[[[[[[[[[[[[[[[", 13, "]]]]]]]]]]]]]]]]]");
	CHECK_STR(first_error(deep), "mem.json:1:21: slides[0].notes: "
	                             "expected a string, got an array");
	/* ...17 are not. */
	snprintf(deep, sizeof(deep), "{\"slides\":[{\"notes\":%.*s%.*s}]}", 14,
	         "[[[[[[[[[[[[[[[[[", 14, "]]]]]]]]]]]]]]]]]");
	CHECK_STR(first_error(deep), "mem.json:1:34: nested deeper than 16 "
	                             "arrays and objects; flatten it");
	/* A flood of values is refused before cJSON builds a tree. */
	CHECK_INT(flood_fails(700000), 1);
}

/* Files */

static void
check_load_fails(const char *path, const char *want)
{
	struct report rep;
	struct deck d;

	report_init(&rep);
	CHECK_INT(deck_load(&d, path, &rep), -1);
	CHECK_STR(report_first(&rep), want);
	CHECK_INT(rep.errors, 1);
	report_destroy(&rep);
}

static void
test_special_files(void)
{
	char dir[] = "/tmp/vitrine-test-XXXXXX", path[256], want[512];

	check_load_fails("tests/data", "tests/data: is a directory; give the "
	                               "deck's .json file");
	check_load_fails(GOOD "/nothere.json",
	                 GOOD "/nothere.json: cannot open: No such file or "
	                      "directory");
	check_load_fails(GOOD "/minimal.json/x.json",
	                 GOOD "/minimal.json/x.json: cannot open: Not a "
	                      "directory");
	check_load_fails("/dev/null", "/dev/null: is a character device, not "
	                              "a regular file; give the deck's .json "
	                              "file");
	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(path, sizeof(path), "%s/fifo.json", dir);
	CHECK_INT(mkfifo(path, 0600), 0);
	alarm(10); /* a blocking open would hang here */
	snprintf(want, sizeof(want),
	         "%s: is a FIFO, not a regular file; give the deck's .json "
	         "file",
	         path);
	check_load_fails(path, want);
	alarm(0);
	unlink(path);
	rmdir(dir);
}

static void
test_size_limit(void)
{
	char dir[] = "/tmp/vitrine-test-XXXXXX", path[256], want[512];
	static const char deck[] = "{\"slides\":[{\"title\":\"x\"}]}";
	int fd;

	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(path, sizeof(path), "%s/big.json", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(write(fd, deck, sizeof(deck) - 1) == sizeof(deck) - 1);
	close(fd);
	/* Over the limit: refused before reading. */
	CHECK_INT(truncate(path, DECK_MAX_FILE_BYTES + 1), 0);
	snprintf(want, sizeof(want),
	         "%s: too large; a deck may be at most 8 MiB (8388608 bytes)",
	         path);
	check_load_fails(path, want);
	unlink(path);
	rmdir(dir);
}

/* A file with more bytes than fstat said (here /proc's size 0) is read
 * to its end all the same. */
static void
test_size_grows(void)
{
	struct report rep;
	struct deck d;

	if (access("/proc/self/status", R_OK) != 0)
		return;
	report_init(&rep);
	CHECK_INT(deck_load(&d, "/proc/self/status", &rep), -1);
	CHECK_STR(report_first(&rep), "/proc/self/status:1:1: unquoted text "
	                              "'Name'; strings need double quotes: "
	                              "\"Name\"");
	report_destroy(&rep);
}

static void
test_size_limit_spaces(void)
{
	char dir[] = "/tmp/vitrine-test-XXXXXX", path[256];
	static const char deck[] = "{\"slides\":[{\"title\":\"x\"}]}";
	struct report rep;
	struct deck d;
	char *buf = xmalloc(DECK_MAX_FILE_BYTES);
	FILE *f;

	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(path, sizeof(path), "%s/full.json", dir);
	memset(buf, ' ', DECK_MAX_FILE_BYTES);
	memcpy(buf, deck, sizeof(deck) - 1);
	f = fopen(path, "wb");
	CHECK(fwrite(buf, 1, DECK_MAX_FILE_BYTES, f) == DECK_MAX_FILE_BYTES);
	fclose(f);
	report_init(&rep);
	CHECK_INT(deck_load(&d, path, &rep), 0);
	CHECK_INT(d.n_slides, 1);
	deck_free(&d);
	report_destroy(&rep);
	unlink(path);
	rmdir(dir);
	free(buf);
}

/* Images */

static void
test_images_on_disk(void)
{
	char dir[] = "/tmp/vitrine-test-XXXXXX", p[512], q[512], want[1024];
	struct report rep;
	struct deck d;
	int fd;

	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(p, sizeof(p), "%s/deck", dir);
	CHECK_INT(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/outside.png", dir);
	write_file(p, "png");
	snprintf(p, sizeof(p), "%s/deck/inside.png", dir);
	write_file(p, "png");
	/* A symlink that stays inside is fine; one that leads out is not. */
	snprintf(p, sizeof(p), "%s/deck/link-in.png", dir);
	CHECK_INT(symlink("inside.png", p), 0);
	snprintf(p, sizeof(p), "%s/deck/link-out.png", dir);
	CHECK_INT(symlink("../outside.png", p), 0);
	/* A sparse file over the image size limit. */
	snprintf(p, sizeof(p), "%s/deck/huge.png", dir);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK_INT(ftruncate(fd, 33 << 20), 0);
	close(fd);

	snprintf(p, sizeof(p), "%s/deck/deck.json", dir);
	write_file(p, "{\"slides\": [{\"image\": \"inside.png\"}, "
	              "{\"image\": \"link-in.png\"}]}");
	report_init(&rep);
	CHECK_INT(deck_load(&d, p, &rep), 0);
	snprintf(q, sizeof(q), "%s/deck", dir);
	CHECK_STR(d.dir, q);
	CHECK_STR(d.slides[1].image, "link-in.png");
	deck_free(&d);

	write_file(p, "{\"slides\": [{\"image\": \"link-out.png\"},\n"
	              "{\"image\": \"huge.png\"}]}");
	CHECK_INT(deck_load(&d, p, &rep), -1);
	CHECK_INT(rep.errors, 2);
	snprintf(want, sizeof(want),
	         "%s:1:23: slides[0].image: \"link-out.png\" leads outside "
	         "the deck's folder (through a symbolic link?); copy the "
	         "image into the folder",
	         p);
	CHECK_STR(report_first(&rep), want);
	snprintf(want, sizeof(want),
	         "%s:2:11: slides[1].image: \"huge.png\" is too large (33.0 "
	         "MiB); an image may be at most 32 MiB",
	         p);
	CHECK(rep.n == 2 && !strcmp(rep.v[1].text, want));
	report_destroy(&rep);

	snprintf(q, sizeof(q), "rm -rf '%s'", dir);
	CHECK_INT(system(q), 0);
}

/* Names and tables */

static void
test_names(void)
{
	const char *const *keys = deck_keys(DECK_OBJECT_SLIDE);
	size_t n = 0;

	while (keys[n])
		n++;
	CHECK_INT(n, 26);
	CHECK_STR(keys[0], "layout");
	CHECK_STR(deck_keys(DECK_OBJECT_ROOT)[0], "$schema");
	CHECK_STR(deck_keys(DECK_OBJECT_CARD)[1], "text");
	CHECK(deck_keys(DECK_OBJECT_CARD)[2] == NULL);
	CHECK_STR(deck_keys(DECK_OBJECT_CONTACT)[2], "organisation");
	CHECK_STR(deck_keys(DECK_OBJECT_SETTINGS)[3], "idle_seconds");
	CHECK_STR(deck_keys(DECK_OBJECT_THEME)[6], "margin");
	CHECK_STR(deck_keys(DECK_OBJECT_EVENT)[2], "venue");
	CHECK_STR(deck_layout_name(DECK_LAYOUT_STATEMENT), "statement");
	CHECK_STR(deck_transition_name(DECK_TRANSITION_NONE), "none");
	CHECK_STR(deck_mode_name(DECK_MODE_PRESENT), "present");
	CHECK_STR(deck_font_name(DECK_FONT_SANS_BOLD), "sans-bold");
	CHECK_STR(deck_font_name(DECK_FONT_SERIF_BOLD), "serif-bold");
}

static void
test_free_zeroed(void)
{
	struct deck d;

	memset(&d, 0, sizeof(d));
	deck_free(&d);
	deck_free(&d);
	CHECK(d.arena == NULL);
}

static void
test_long_key(void)
{
	char text[512], want[512];

	snprintf(text, sizeof(text), "{\"slides\": [{\"%s\": 1}]}",
	         "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop");
	snprintf(want, sizeof(want),
	         "mem.json:1:14: slides[0].%s...: unknown key; a slide takes "
	         "layout, id, title, subtitle, text, bullets, statement, "
	         "cards, contact, image, caption, until, after, when, "
	         "image_side, logos, schedule, room, plate, qr, fit, notes, "
	         "seconds, "
	         "transition, background, background_image",
	         "abcdefghijklmnopqrstuvwxyz0123456789abcd");
	CHECK_STR(first_error(text), want);
	/* Control characters in quoted text never reach a terminal raw. */
	CHECK_STR(first_error("{\"slides\": [{\"a\\u001b[31m\": 1}]}"),
	          "mem.json:1:14: slides[0].a\\e[31m: unknown key; a slide "
	          "takes layout, id, title, subtitle, text, bullets, "
	          "statement, cards, contact, image, caption, until, after, "
	          "when, image_side, logos, schedule, room, plate, qr, fit, "
	          "notes, seconds, "
	          "transition, background, background_image");
}

/* The holding deck shown while the real one is missing or broken */

static void
test_holding(void)
{
	struct deck d;

	CHECK_INT(deck_holding(&d, GOOD "/x.json", "IGF 2007"), 0);
	CHECK_INT(d.n_slides, 1);
	CHECK_INT(d.slides[0].layout, DECK_LAYOUT_TITLE);
	CHECK_STR(d.slides[0].title, "IGF 2007");
	CHECK_STR(d.slides[0].subtitle, "The show starts shortly");
	CHECK_STR(d.title, "IGF 2007");
	CHECK_STR(d.event.name, "IGF 2007");
	CHECK_STR(d.dir, GOOD);
	CHECK_STR(d.path, GOOD "/x.json");
	CHECK_INT(d.settings.seconds_ms, 8000);
	CHECK_INT(deck_slide_transition(&d, 0), DECK_TRANSITION_FADE);
	deck_free(&d);
	CHECK_INT(deck_holding(&d, "deck.json", NULL), 0);
	CHECK_STR(d.slides[0].title, "Welcome");
	CHECK(d.title == NULL);
	CHECK_STR(d.dir, ".");
	deck_free(&d);
	CHECK_INT(deck_holding(&d, "deck.json", "bad\x1b[2J"), 0);
	CHECK_STR(d.slides[0].title, "Welcome");
	deck_free(&d);
}

static void
check_peek(const char *text, const char *want)
{
	char dir[] = "/tmp/vitrine-test-XXXXXX", path[256];
	char *name;

	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(path, sizeof(path), "%s/deck.json", dir);
	write_file(path, text);
	name = deck_peek_event_name(path);
	if (want)
		CHECK_STR(name, want);
	else
		CHECK(name == NULL);
	free(name);
	unlink(path);
	rmdir(dir);
}

static void
test_peek_event_name(void)
{
	char *name = deck_peek_event_name(GOOD "/settings.json");

	CHECK_STR(name, "Event");
	free(name);
	CHECK(deck_peek_event_name(GOOD "/minimal.json") == NULL);
	CHECK(deck_peek_event_name(GOOD "/nothere.json") == NULL);
	CHECK(deck_peek_event_name("tests/data") == NULL);
	CHECK(deck_peek_event_name("/dev/null") == NULL);
	/* The schema may be broken; the name is still told. */
	check_peek("{\"event\": {\"name\": \"Rio\\tForum\"}, \"slides\": []}",
	           "Rio Forum");
	check_peek("{\"event\": {\"name\": \"Rio\"}, \"slides\": 5} trailing",
	           "Rio");
	/* Not JSON, or no usable name. */
	check_peek("{\"event\": {\"name\": \"Rio\"}, \"slides\": [,]}", NULL);
	check_peek("{\"event\": {\"name\": 2007}}", NULL);
	check_peek("{\"event\": {\"name\": \" \"}}", NULL);
	check_peek("{\"event\": {\"name\": \"a\\u0007b\"}}", NULL);
	check_peek("{\"event\": {\"name\": \"caf\xe9\"}}", NULL);
	check_peek("[{\"event\": {\"name\": \"Rio\"}}]", NULL);
	check_peek("", NULL);
}

int
main(void)
{
	RUN(test_good_fixtures);
	RUN(test_bad_fixtures);
	RUN(test_defaults);
	RUN(test_settings);
	RUN(test_layouts);
	RUN(test_programme);
	RUN(test_inferred);
	RUN(test_unicode);
	RUN(test_buffers);
	RUN(test_prefixes);
	RUN(test_positions);
	RUN(test_many_errors);
	RUN(test_duplicate_ids);
	RUN(test_slide_count);
	RUN(test_nesting_and_values);
	RUN(test_special_files);
	RUN(test_size_limit);
	RUN(test_size_limit_spaces);
	RUN(test_size_grows);
	RUN(test_images_on_disk);
	RUN(test_names);
	RUN(test_free_zeroed);
	RUN(test_long_key);
	RUN(test_holding);
	RUN(test_peek_event_name);
	return check_done("test_deck");
}
