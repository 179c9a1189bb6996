/*
 * app: the program's three jobs, each on SDL: check decks, export slides to
 * PNG files, and run the show in a window. main.c parses the command line
 * into struct app_options and calls one of these.
 */
#ifndef VITRINE_APP_H
#define VITRINE_APP_H

#include <stdbool.h>

#include <SDL.h>

#include "deck.h"
#include "render.h"

struct app_options {
	const char *deck;       /* the deck file */
	const char *export_dir; /* --export DIR */
	bool html;              /* --html: with --export, also index.html */
	int mode;               /* enum deck_mode, or -1 = the deck's */
	bool windowed;          /* --windowed */
	int w, h;               /* --size WxH; 0 = the display's */
	int display;            /* --display N */
	bool trace;             /* --trace: one line per state change */
	int marker;             /* --error-marker on|off; -1: by mode */
	int rotate;             /* --rotate 90|180|270 degrees clockwise; 0 */
	int console;            /* --console N, SCREENS_DEFAULT (-1) or
	                           SCREENS_OFF (-2) */
	int talk_minutes;       /* --talk-minutes N; 0: the deck's */
	const char *now;        /* --now DATE-TIME, or NULL: the real time */
	const char *lang;       /* --lang TAG, "all" (--export), or NULL: the
	                           deck's default language */
};

/*
 * The show's wall clock: the real time, or from --now on, the time o->now
 * names in the deck's zone (which render_set_deck put in use) and running
 * from there. app_clock_start fixes the offset; app_wall_ms reads it.
 */
int64_t app_clock_start(const struct app_options *o);
int64_t app_wall_ms(int64_t offset_ms);

/* The mode deck is shown in: --mode's, else the deck's own. */
enum deck_mode app_mode(const struct app_options *o, const struct deck *deck);

/*
 * Puts deck in the language --lang names (none: its default). Returns 0,
 * or -1 after a message naming the deck's languages when it has no such
 * one ("all" is taken here as the default).
 */
int app_use_language(const struct app_options *o, struct deck *deck);

/* Checks each deck: "DECK: ok, N slides" or its errors; a programme as it
 * stands at --now (o->now), else now. Returns 0 or 1. */
int app_check(const struct app_options *o, char **decks, int n);

/* Writes every slide of o->deck to o->export_dir. Returns 0 or 1. */
int app_export(const struct app_options *o);

/* Starts SDL_ttf (SDL_image loads when a picture needs it); 0, or -1
 * after a message. */
int app_start_libraries(void);
/* Stops them and SDL. */
void app_stop_libraries(void);

/*
 * Opens the bundled fonts for drawing with sdl (NULL: measuring only).
 * Returns NULL after printing why.
 */
struct render *app_open_render(SDL_Renderer *sdl);

#endif
