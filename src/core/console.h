/*
 * console: the presenter console's screen as a display list. A status bar
 * across the top ("7 / 16", the screen's state, the digits typed, the talk
 * timer in its pace's colour and word, the wall clock); under it, on the
 * left, the slide the audience sees and the next one (or "End of deck"),
 * and on the right the current slide's notes, the largest text on the
 * console. Or, in the overview, a grid of every slide with the one chosen
 * framed. Pure C: text is measured through the layout's measurer; the
 * slides' pictures are LAYOUT_SLIDE items the shell fills from its cache.
 *
 * Notes keep their paragraphs ('\n') and their "- " bullet lines. They take
 * the largest size from NOTES_MAX_DIV down to the floor (1/CONSOLE_FLOOR_DIV
 * of the console's shorter side) at which they fit; below that they scroll
 * a line at a time, with a sign at the edge that has more.
 *
 * Usage:
 *	struct console con;
 *	console_init(&con);
 *	console_layout(&con, &view, w, h, measurer);
 *	draw con.lay; a click in con.next advances; in the overview,
 *	console_overview_hit says which slide a click is on.
 *	console_destroy(&con);
 */
#ifndef VITRINE_CONSOLE_H
#define VITRINE_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "layout.h"
#include "talk.h"

#define CONSOLE_FLOOR_DIV 36 /* notes' floor: the shorter side / this */

enum console_screen {
	CONSOLE_SHOWN,      /* the slide is on the audience screen */
	CONSOLE_BLACK,      /* blacked out */
	CONSOLE_WHITE,      /* whited out */
	CONSOLE_NO_DISPLAY, /* the audience screen has no display */
};

/* What the console shows; the strings are borrowed. */
struct console_view {
	const struct deck *deck;
	size_t index;  /* the slide on the audience screen */
	size_t next;   /* the slide after it (show_next_index), or
	                  SHOW_NO_SLIDE at the end of the deck */
	double aspect; /* the audience screen's width / height */
	enum console_screen screen;
	const char *digits; /* typed so far to jump to a slide; "" none */
	const char *clock;  /* the wall clock, "14:05" */
	const char *timer;  /* talk_text's line */
	enum talk_pace pace;
	const char *status; /* lobby or kiosk: a line for staff, or NULL */
	int scroll;         /* notes: lines scrolled past */
	bool overview;      /* the grid of every slide */
	size_t selected;    /* overview: the slide chosen */
};

/* The overview's grid. */
struct console_grid {
	struct layout_rect area;
	int cols, cell_w, cell_h, gap;
};

struct console {
	struct layout lay;        /* the display list; owned */
	struct layout_rect next;  /* the next slide's preview: a click advances
	                             (empty at the end of the deck) */
	int max_scroll;           /* lines the notes can scroll */
	struct console_grid grid; /* overview only */
	/* the texts the console makes, which its items point into */
	char count[48], screen_word[32], digits[40];
};

void console_init(struct console *c);
void console_destroy(struct console *c);

/* Lays the console out for w x h into c (w and h at least LAYOUT_MIN_SIDE;
 * else c->lay is empty and -1 is returned). */
int console_layout(struct console *c, const struct console_view *v, int w,
                   int h, const struct layout_measurer *m);

/* The slide whose picture is under x, y (in the overview, a thumbnail),
 * or -1. */
long console_overview_hit(const struct console *c, int x, int y);

#endif
