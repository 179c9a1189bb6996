/*
 * test_contact_sheet: the --export --html page from a small deck parsed
 * from a string: links and sizes of the pictures, alt text, escaping of
 * hostile deck text, notes as paragraphs and lists, and messages grouped
 * under their slide (the deck-wide ones at the top).
 */
#include "contact_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char deck_json[] =
        "{\"title\": \"Fish & <Chips>\",\n"
        " \"slides\": [\n"
        "  {\"id\": \"intro\", \"title\": \"<script>alert('x')</script>\",\n"
        "   \"notes\": \"First para\\nsame para.\\n\\n- one\\n- two & "
        "three\\nAfter list.\"},\n"
        "  {\"id\": \"q\", \"layout\": \"statement\", \"title\": \"Q1\",\n"
        "   \"statement\": \"Why \\\"quotes\\\"?\"},\n"
        "  {\"title\": \"Bare\"}\n"
        " ]}\n";

/* The page for deck_json with rep's messages; the caller frees. */
static char *
sheet(struct deck *deck, const struct report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	CHECK(f != NULL);
	CHECK_INT(contact_sheet_write(f, deck, rep, 1280, 720), 0);
	fclose(f);
	return buf;
}

static int
load(struct deck *deck)
{
	struct report rep;
	int rc;

	report_init(&rep);
	rc = deck_parse(deck, "t.json", NULL, deck_json, strlen(deck_json),
	                &rep);
	report_print(&rep, stderr);
	report_destroy(&rep);
	return rc;
}

static void
test_slide_of(void)
{
	struct deck deck;
	static const struct {
		const char *msg;
		long want;
	} cases[] = {
		{ "t.json:3: slides[0] (id \"intro\"): text", 0 },
		{ "t.json:5: slides[1].image: cannot load", 1 },
		{ "t.json:5: slides[2]: x", 2 },
		{ "t.json:5: slides[3]: beyond the deck", -1 },
		{ "t.json: theme: about the deck", -1 },
		{ "t.json:1: settings.seconds: x", -1 },
		{ "other.json:3: slides[0]: another file", -1 },
		{ "t.json:3: slides[x]: no number", -1 },
		{ "t.json:3: slides[1: no bracket", -1 },
	};

	CHECK_INT(load(&deck), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(contact_sheet_slide_of(&deck, cases[i].msg),
		          cases[i].want);
	deck_free(&deck);
}

static void
test_escape(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	contact_sheet_escape(f, "a&b<c>d\"e'f");
	fclose(f);
	CHECK_STR(buf, "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	free(buf);
}

static void
test_page(void)
{
	struct deck deck;
	char *page;

	CHECK_INT(load(&deck), 0);
	page = sheet(&deck, NULL);
	CHECK(strstr(page, "<!DOCTYPE html>") == page);
	CHECK(strstr(page, "<title>Fish &amp; &lt;Chips&gt;: contact sheet"));
	CHECK(strstr(page, "<img src=\"slide-001.png\" width=\"1280\" "
	                   "height=\"720\" alt=\"&lt;script&gt;alert(&#39;x"
	                   "&#39;)&lt;/script&gt;\">"));
	CHECK(strstr(page, "alt=\"Q1: Why &quot;quotes&quot;?\""));
	CHECK(strstr(page, "<a href=\"slide-003.png\">"));
	CHECK(strstr(page, "<code>intro</code>"));
	CHECK(strstr(page, "no id"));
	CHECK(!strstr(page, "<script"));
	CHECK(!strstr(page, "http"));
	CHECK(strstr(page,
	             "<p>First para\nsame para.</p>\n<ul>\n<li>one</li>\n"
	             "<li>two &amp; three</li>\n</ul>\n<p>After list.</p>"));
	CHECK(strstr(page, "No notes."));
	CHECK(strstr(page, "3 slides at 1280&times;720 &middot; not checked"));
	free(page);
	deck_free(&deck);
}

static void
test_messages(void)
{
	struct deck deck;
	struct report rep;
	char *page, *whole, *first, *second, *w0, *w1, *e;

	CHECK_INT(load(&deck), 0);
	report_init(&rep);
	report_warning(&rep, "t.json:3: slides[0] (id \"intro\"): <b>too</b>");
	report_error(&rep, "t.json:5: slides[1].image: cannot load");
	report_warning(&rep, "t.json: the deck as a whole");
	page = sheet(&deck, &rep);
	whole = strstr(page, "The whole deck");
	first = strstr(page, "<article id=\"slide-1\">");
	second = strstr(page, "<article id=\"slide-2\">");
	w0 = strstr(page, "&lt;b&gt;too&lt;/b&gt;");
	w1 = strstr(page, "<li class=\"error\">error: t.json:5: slides[1]");
	e = strstr(page, "the deck as a whole");
	CHECK(whole && first && second && w0 && w1 && e);
	if (whole && first && second && w0 && w1 && e) {
		CHECK(whole < e && e < first);
		CHECK(first < w0 && w0 < second);
		CHECK(second < w1);
	}
	CHECK(strstr(page, "2 warnings, 1 error"));
	free(page);
	report_destroy(&rep);
	deck_free(&deck);
}

int
main(void)
{
	RUN(test_slide_of);
	RUN(test_escape);
	RUN(test_page);
	RUN(test_messages);
	return check_done("test_contact_sheet");
}
