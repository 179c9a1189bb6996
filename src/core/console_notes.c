/*
 * console_notes: the notes on the presenter console. Paragraphs ('\n') and
 * "- " bullet lines kept; the largest size from NOTES_MAX_DIV down to the
 * console's floor at which they fit; below that they scroll a line at a
 * time, with a sign at the edge that has more.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "console_internal.h"
#include "util.h"
#include "wrap.h"

#define NOTES_MAX_DIV  14   /* the notes' largest size */
#define PARA_GAP       0.45 /* between paragraphs, in lines */
#define MAX_NOTE_LINES 4096

/* One line of notes. */
struct note_line {
	size_t off, len;
	int y;      /* from the top of the notes, unscrolled */
	bool first; /* a bullet's first line: gets the marker */
	int indent; /* the bullet's hanging indent */
};

struct notes {
	struct note_line *v;
	size_t n;
	int height; /* of all the lines */
	int px, lh, indent;
};

struct note_sink {
	struct notes *nt;
	size_t base; /* the paragraph's offset in the note */
	int y, indent;
	bool bullet;
	size_t first; /* the paragraph's first line */
};

static void
keep_line(void *ctx, size_t i, struct wrap_span sp)
{
	struct note_sink *k = ctx;
	struct notes *nt = k->nt;

	if (nt->n == MAX_NOTE_LINES)
		return;
	nt->v[nt->n++] =
	        (struct note_line){ k->base + sp.off, sp.len,
		                    k->y + (int)i * nt->lh, k->bullet && i == 0,
		                    k->bullet ? k->indent : 0 };
}

static int
measure_body(void *ctx, const char *s, size_t len)
{
	const struct ctx *c = ((const void **)ctx)[0];
	const int *px = ((const void **)ctx)[1];

	return console_text_w(c, c->body, *px, s, len);
}

/* Wraps the paragraph of len bytes at off in s (a "- " bullet line gets a
 * marker and a hanging indent) into nt from y; returns the y after it. */
static int
wrap_para(struct ctx *c, const char *s, size_t off, size_t len, int width,
          struct notes *nt, int y)
{
	const void *mctx[2] = { c, &nt->px };
	bool bullet = len >= 2 && s[off] == '-' && s[off + 1] == ' ';
	size_t skip = bullet ? 2 : 0;
	struct note_sink k = { nt, off + skip, y, nt->indent, bullet, nt->n };
	struct wrap_opts o = { .width = width - (bullet ? nt->indent : 0),
		               .measure = measure_body,
		               .measure_ctx = mctx,
		               .line = keep_line,
		               .line_ctx = &k,
		               .stop = SIZE_MAX };
	size_t lines = wrap_text(s + off + skip, len - skip, &o).n;

	return lines ? y + (int)lines * nt->lh + (int)(nt->lh * PARA_GAP) : y;
}

/* Wraps the notes s at px for width into nt; returns their height. */
static int
wrap_notes(struct ctx *c, const char *s, int px, int width, struct notes *nt)
{
	int y = 0;

	*nt = (struct notes){ .v = nt->v,
		              .px = px,
		              .lh = console_line_h(c, c->body, px),
		              .indent = console_text_w(c, c->body, px,
		                                       "\xe2\x80\xa2 ", 4) };
	for (size_t off = 0, len; s[off]; off += len + (s[off + len] == '\n')) {
		len = strcspn(s + off, "\n");
		y = wrap_para(c, s, off, len, width, nt, y);
	}
	nt->height = y > 0 ? y - (int)(nt->lh * PARA_GAP) : 0;
	return nt->height;
}

/* The largest px from the notes' ladder at which they fit box; the floor
 * when none does. */
static int
notes_px(struct ctx *c, const char *s, struct layout_rect box, struct notes *nt)
{
	int ladder[40];
	size_t n =
	        layout_ladder(console_imax(c->floor_px, c->s / NOTES_MAX_DIV),
	                      c->floor_px, ladder, 40);

	for (size_t k = 0; k < n; k++)
		if (wrap_notes(c, s, ladder[k], box.w, nt) <= box.h)
			return ladder[k];
	return c->floor_px;
}

/* The first line at or after scroll whose notes from there fit h. */
static int
max_scroll(const struct notes *nt, int h)
{
	for (size_t k = 0; k < nt->n; k++)
		if (nt->height - nt->v[k].y <= h)
			return (int)k;
	return nt->n ? (int)nt->n - 1 : 0;
}

static void
place_note_lines(struct ctx *c, const char *s, const struct notes *nt,
                 struct layout_rect box, int scroll, struct deck_color color)
{
	int top = nt->n ? nt->v[scroll].y : 0;

	for (size_t k = (size_t)scroll; k < nt->n; k++) {
		const struct note_line *ln = &nt->v[k];
		int y = box.y + ln->y - top;

		if (y + nt->lh > box.y + box.h)
			break;
		if (ln->first)
			console_push_text(c, box.x, y, c->body, nt->px,
			                  console_muted, "\xe2\x80\xa2", 3);
		console_push_text(c, box.x + ln->indent, y, c->body, nt->px,
		                  color, s + ln->off, ln->len);
	}
}

/* "▲" over the notes when lines are scrolled past, "▼" under them when
 * more follow. */
static void
place_scroll_signs(struct ctx *c, struct layout_rect box, int scroll, bool more)
{
	static const char up[] = "\xe2\x96\xb2 Shift+Up",
	                  down[] = "\xe2\x96\xbc more: Shift+Down";
	int px = c->floor_px, lh = console_line_h(c, c->body, px);

	if (scroll > 0)
		console_push_text(
		        c,
		        box.x + box.w - console_text_w(c, c->body, px, up, 12),
		        box.y - lh, c->body, px, console_warn, up, strlen(up));
	if (more)
		console_push_text(c, box.x, box.y + box.h, c->body, px,
		                  console_warn, down, strlen(down));
}

void
console_place_notes(struct ctx *c, struct layout_rect box)
{
	const char *s = c->v->deck->slides[c->v->index].notes;
	struct notes nt = { 0 };
	int scroll, lh_floor = console_line_h(c, c->body, c->floor_px);

	c->con->max_scroll = 0;
	if (!s || !s[0]) {
		static const char none[] = "No notes for this slide.";

		console_push_text(c, box.x, box.y, c->body, c->floor_px,
		                  console_muted, none, strlen(none));
		return;
	}
	nt.v = xmalloc(MAX_NOTE_LINES * sizeof(*nt.v));
	if (notes_px(c, s, box, &nt) == c->floor_px && nt.height > box.h) {
		box.y += lh_floor; /* room for the signs */
		box.h -= 2 * lh_floor;
		c->con->max_scroll = max_scroll(&nt, box.h);
	}
	scroll =
	        console_imax(0, console_imin(c->v->scroll, c->con->max_scroll));
	place_note_lines(c, s, &nt, box, scroll, console_text);
	if (c->con->max_scroll)
		place_scroll_signs(c, box, scroll, scroll < c->con->max_scroll);
	free(nt.v);
}

int
console_place_status(struct ctx *c, const char *s, struct layout_rect box)
{
	struct notes nt = { .v = xmalloc(MAX_NOTE_LINES * sizeof(*nt.v)) };

	box.h = console_imin(wrap_notes(c, s, c->floor_px, box.w, &nt),
	                     box.h / 3);
	place_note_lines(c, s, &nt, box, 0, console_muted);
	free(nt.v);
	return box.h + nt.lh;
}
