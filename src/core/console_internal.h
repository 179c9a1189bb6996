/*
 * console_internal: what console.c (the status bar, the previews, the
 * overview, the whole) shares with console_notes.c (the notes: fitting,
 * scrolling, bullets). Private to those two files.
 */
#ifndef VITRINE_CONSOLE_INTERNAL_H
#define VITRINE_CONSOLE_INTERNAL_H

#include "console.h"

/* One console_layout call. */
struct ctx {
	struct console *con;
	const struct console_view *v;
	const struct layout_measurer *m;
	int w, h, s, margin, gap, floor_px;
	enum deck_font body, bold;
};

extern const struct deck_color console_text, console_muted, console_warn;

int console_imax(int a, int b);
int console_imin(int a, int b);
int console_text_w(const struct ctx *c, enum deck_font f, int px, const char *s,
                   size_t len);
int console_line_h(const struct ctx *c, enum deck_font f, int px);

/* Places len bytes of s at x, y; returns its width. */
int console_push_text(struct ctx *c, int x, int y, enum deck_font f, int px,
                      struct deck_color color, const char *s, size_t len);

/* Places the staff's status line s at the floor size at the top of box,
 * wrapped (in a third of box at most); returns the height it takes with a
 * line's gap under it (console_notes.c). */
int console_place_status(struct ctx *c, const char *s, struct layout_rect box);

/* Places the slide's notes in box, scrolled as the view says; sets the
 * console's max_scroll (console_notes.c). */
void console_place_notes(struct ctx *c, struct layout_rect box);

#endif
