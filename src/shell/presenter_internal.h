/*
 * presenter_internal: struct presenter, shared by the presenter console's
 * three files and nothing else: presenter.c (its window, its placement,
 * what it shows and when), presenter_draw.c (drawing its display list, the
 * lines of text kept as textures) and presenter_input.c (its keys and
 * clicks, displays that come and go).
 */
#ifndef VITRINE_PRESENTER_INTERNAL_H
#define VITRINE_PRESENTER_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console.h"
#include "player_internal.h"
#include "screens.h"
#include "talk.h"

#define TEXT_CACHE 256 /* lines of text kept as textures */

/* A line of the console's text, drawn once and kept while it is shown. */
struct line_tex {
	char *text;
	size_t len;
	enum deck_font font;
	int px;
	struct deck_color color;
	SDL_Texture *tex;
	int w, h;
	bool used; /* in the frame drawn last */
};

/* What the console shows of the show: a change to any of it redraws it. */
struct shown {
	size_t index;
	enum show_blank blank;
	size_t n_digits;
	bool in_transition;
};

struct presenter {
	struct screens_opts opts;
	struct screens screens;
	SDL_Window *win;
	SDL_Renderer *sdl;
	struct render *r;
	struct console con;
	struct talk talk;
	int w, h;
	bool overview, dirty;
	size_t selected;
	int scroll;
	char clock[16], timer[96], status[768];
	int64_t tick_drawn; /* the slides' clocks as last drawn here */
	uint64_t talk_ms;   /* the talk's length; 0: none */
	struct line_tex lines[TEXT_CACHE];
	struct shown shown; /* what the console last showed of the show */
};

/* Puts the console's window on its display (fullscreen), or beside the
 * slides' window on one display (windowed). */
void presenter_place(struct presenter *pr, SDL_Window *slides, bool windowed);

/* Moves win onto the display with bounds b, fullscreen there. */
void presenter_fill_display(SDL_Window *win, SDL_Rect b);

/* Draws the whole console and presents it. */
void presenter_draw_all(struct player *p);

/* Draws only the status bar and sends only its rectangle to the screen. */
void presenter_draw_bar(struct player *p);

/* Frees the lines of text not drawn last (all: every one). */
void presenter_drop_lines(struct presenter *pr, bool all);

#endif
