/*
 * contact_sheet: the --export --html page; see contact_sheet.h.
 */
#include "contact_sheet.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "slide_files.h"

/* Inline so the page needs nothing beside it; system fonts only. */
static const char style[] =
        "body{margin:0;background:#eef0f3;color:#1b1f24;"
        "font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",sans-serif}\n"
        "header{background:#37474f;color:#fff;padding:20px 32px}\n"
        "header h1{margin:0 0 4px;font-size:24px}\n"
        "header p{margin:2px 0;color:#d5dde2}\n"
        "main{padding:16px 32px 40px}\n"
        "article{display:grid;grid-template-columns:var(--thumb) 1fr;"
        "gap:20px;background:#fff;border-radius:6px;padding:16px;"
        "margin:0 0 16px;box-shadow:0 1px 3px rgba(0,0,0,.15);"
        "break-inside:avoid}\n"
        "article img{display:block;width:100%;height:auto;"
        "border:1px solid #c4cad3}\n"
        "h2{margin:0 0 6px;font-size:18px}\n"
        ".num{display:inline-block;min-width:2em;color:#5a6472}\n"
        "code{font:13px/1.4 ui-monospace,monospace;background:#eef0f3;"
        "padding:1px 5px;border-radius:3px}\n"
        ".notes p{margin:0 0 8px}.notes ul{margin:0 0 8px;padding-left:22px}"
        "\n"
        ".none{color:#6b7480;font-style:italic;font-weight:400;font-size:14px}"
        "\n"
        ".warnings{list-style:none;margin:0 0 10px;padding:0}\n"
        ".warnings li{background:#fff4d6;border-left:4px solid #e0a100;"
        "padding:4px 8px;margin:0 0 4px;font-size:13px;"
        "overflow-wrap:anywhere}\n"
        ".warnings li.error{background:#fde2e1;border-color:#c62828}\n"
        "section.deck{margin:0 0 16px}\n"
        "section.deck h2{font-size:16px}\n";

/* Writes c, as an entity when it means something to HTML. */
static void
escape_char(FILE *out, char c)
{
	switch (c) {
	case '&':
		fputs("&amp;", out);
		break;
	case '<':
		fputs("&lt;", out);
		break;
	case '>':
		fputs("&gt;", out);
		break;
	case '"':
		fputs("&quot;", out);
		break;
	case '\'':
		fputs("&#39;", out);
		break;
	default:
		fputc(c, out);
	}
}

/* Escapes the first len bytes of s. */
static void
escape_span(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		escape_char(out, s[i]);
}

void
contact_sheet_escape(FILE *out, const char *s)
{
	escape_span(out, s, strlen(s));
}

long
contact_sheet_slide_of(const struct deck *deck, const char *message)
{
	size_t plen = strlen(deck->path);
	const char *p = message + plen;
	char *end;
	unsigned long i;

	if (strncmp(message, deck->path, plen) != 0 || *p++ != ':')
		return -1;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9')
		p++;
	if (strncmp(p, ": slides[", 9) != 0)
		return -1;
	p += 9;
	if (*p < '0' || *p > '9')
		return -1;
	i = strtoul(p, &end, 10);
	if (*end != ']' || i >= deck->n_slides)
		return -1;
	return (long)i;
}

/* Writes message m as an item of a list. */
static void
write_message(FILE *out, const struct report_message *m)
{
	const char *level = m->level == REPORT_ERROR ? "error" : "warning";

	fprintf(out, "<li class=\"%s\">%s: ", level, level);
	contact_sheet_escape(out, m->text);
	fputs("</li>\n", out);
}

/* Writes the messages of rep about slide (-1: the whole deck) as a list;
 * returns how many. */
static size_t
write_messages(FILE *out, const struct deck *deck, const struct report *rep,
               long slide)
{
	size_t n = 0;

	for (size_t k = 0; rep && k < rep->n; k++) {
		const struct report_message *m = &rep->v[k];

		if (contact_sheet_slide_of(deck, m->text) != slide)
			continue;
		if (n++ == 0)
			fputs("<ul class=\"warnings\">\n", out);
		write_message(out, m);
	}
	if (n)
		fputs("</ul>\n", out);
	return n;
}

/* The notes as paragraphs (blank lines between) and lists ("- " lines). */
static void
write_notes(FILE *out, const char *notes)
{
	enum { NONE, PARA, LIST } open = NONE;

	fputs("<div class=\"notes\">\n", out);
	while (*notes) {
		const char *nl = strchr(notes, '\n');
		size_t len = nl ? (size_t)(nl - notes) : strlen(notes);
		bool bullet = len >= 2 && notes[0] == '-' && notes[1] == ' ';
		bool blank = strspn(notes, " ") >= len;

		if (open == PARA && (blank || bullet))
			fputs("</p>\n", out);
		if (open == LIST && !bullet)
			fputs("</ul>\n", out);
		if (open == PARA && !blank && !bullet)
			fputs("\n", out);
		else if (bullet && open != LIST)
			fputs("<ul>\n", out);
		else if (!blank && !bullet)
			fputs("<p>", out);
		if (bullet) {
			fputs("<li>", out);
			escape_span(out, notes + 2, len - 2);
			fputs("</li>\n", out);
		} else if (!blank) {
			escape_span(out, notes, len);
		}
		open = bullet ? LIST : blank ? NONE : PARA;
		notes += len + (nl != NULL);
	}
	fputs(open == PARA ? "</p>\n" : open == LIST ? "</ul>\n" : "", out);
	fputs("</div>\n", out);
}

/* The picture's alt text: the slide's title and statement, or its number. */
static void
write_alt(FILE *out, const struct deck_slide *s, size_t i)
{
	if (s->title)
		contact_sheet_escape(out, s->title);
	if (s->title && s->statement)
		fputs(": ", out);
	if (s->statement)
		contact_sheet_escape(out, s->statement);
	if (!s->title && !s->statement)
		fprintf(out, "Slide %zu", i + 1);
}

static void
write_slide(FILE *out, const struct deck *deck, const struct report *rep,
            size_t i, int w, int h)
{
	const struct deck_slide *s = &deck->slides[i];
	char name[SLIDE_FILES_NAME_MAX];

	slide_files_name(name, sizeof(name), i);
	fprintf(out,
	        "<article id=\"slide-%zu\">\n<a href=\"%s\"><img src=\"%s\" "
	        "width=\"%d\" height=\"%d\" alt=\"",
	        i + 1, name, name, w, h);
	write_alt(out, s, i);
	fprintf(out, "\"></a>\n<div>\n<h2><span class=\"num\">%zu</span> ",
	        i + 1);
	if (s->id) {
		fputs("<code>", out);
		contact_sheet_escape(out, s->id);
		fputs("</code>", out);
	} else {
		fputs("<span class=\"none\">no id</span>", out);
	}
	fprintf(out, " <span class=\"none\">%s</span></h2>\n",
	        deck_layout_name(s->layout));
	write_messages(out, deck, rep, (long)i);
	if (s->notes && *s->notes)
		write_notes(out, s->notes);
	else
		fputs("<p class=\"none\">No notes.</p>\n", out);
	fputs("</div>\n</article>\n", out);
}

static void
write_head(FILE *out, const struct deck *deck, const struct report *rep, int w,
           int h)
{
	const char *title = deck->title ? deck->title : "Slides";

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width\">\n"
	      "<title>",
	      out);
	contact_sheet_escape(out, title);
	fprintf(out,
	        ": contact sheet</title>\n<style>\n%s"
	        "article{--thumb:%s}\n</style>\n</head>\n<body>\n<header>\n"
	        "<h1>",
	        style, h > w ? "270px" : "480px");
	contact_sheet_escape(out, title);
	fputs("</h1>\n", out);
	if (deck->event.name || deck->event.date || deck->event.venue) {
		const char *parts[] = { deck->event.name, deck->event.date,
			                deck->event.venue };
		bool first = true;

		fputs("<p>", out);
		for (size_t k = 0; k < 3; k++) {
			if (!parts[k])
				continue;
			fputs(first ? "" : " &middot; ", out);
			contact_sheet_escape(out, parts[k]);
			first = false;
		}
		fputs("</p>\n", out);
	}
	fprintf(out, "<p>%zu slide%s at %d&times;%d &middot; ", deck->n_slides,
	        deck->n_slides == 1 ? "" : "s", w, h);
	if (rep)
		fprintf(out, "%zu warning%s, %zu error%s", rep->warnings,
		        rep->warnings == 1 ? "" : "s", rep->errors,
		        rep->errors == 1 ? "" : "s");
	else
		fputs("not checked", out);
	fputs("</p>\n</header>\n<main>\n", out);
}

/* The messages about the deck as a whole, and a note on dropped ones. */
static void
write_deck_messages(FILE *out, const struct deck *deck,
                    const struct report *rep)
{
	bool any = false;

	for (size_t k = 0; rep && k < rep->n && !any; k++)
		any = contact_sheet_slide_of(deck, rep->v[k].text) < 0;
	if (!any && !(rep && rep->dropped))
		return;
	fputs("<section class=\"deck\">\n<h2>The whole deck</h2>\n", out);
	write_messages(out, deck, rep, -1);
	if (rep->dropped)
		fprintf(out,
		        "<p>%zu more messages not shown; run "
		        "<code>vitrine --check</code> for them.</p>\n",
		        rep->dropped);
	fputs("</section>\n", out);
}

int
contact_sheet_write(FILE *out, const struct deck *deck,
                    const struct report *rep, int w, int h)
{
	write_head(out, deck, rep, w, h);
	write_deck_messages(out, deck, rep);
	for (size_t i = 0; i < deck->n_slides; i++)
		write_slide(out, deck, rep, i, w, h);
	fputs("</main>\n</body>\n</html>\n", out);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
