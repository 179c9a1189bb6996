/*
 * player_internal: struct player, shared by the three files of the running
 * show and by nothing else: player.c (start-up, window, event loop,
 * watchdog, trace), frame.c (drawing one frame) and reload.c (hot reload).
 * Include it only from those; everyone else uses player.h.
 *
 * Ownership of the fields: player.c sets up and frees everything; frame.c
 * alone writes the drawing state (canvas, sf, screen_ok, image_errors,
 * bar_w, hold_shown, last_frame_ms); reload.c alone writes struct reload and
 * swaps the deck, slides and show. Whoever changes what the screen must show
 * sets dirty.
 */
#ifndef VITRINE_PLAYER_INTERNAL_H
#define VITRINE_PLAYER_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "announce.h"
#include "app.h"
#include "deck.h"
#include "holding.h"
#include "input.h"
#include "overlay.h"
#include "reload.h"
#include "render.h"
#include "screenfade.h"
#include "show.h"

struct player {
	const struct app_options *o;
	enum deck_mode mode;
	SDL_Window *win;
	SDL_Renderer *sdl;
	struct render *r;
	struct deck deck;
	struct show_slide *slides; /* owned; the show borrows it */
	struct show show;
	struct input in;
	int w, h;            /* the slide's size, px: the screen's, turned */
	int sw, sh;          /* the screen's (window's) size, px */
	SDL_Texture *canvas; /* --rotate: the slide is drawn here, then
	                        turned onto the screen; owned */
	uint32_t frame_ms;   /* one refresh of the display */
	uint64_t t0;         /* start, for trace times */
	uint64_t last_frame_ms;
	bool dirty; /* a frame must be drawn */
	bool shown; /* the first frame is on screen */
	bool want_fullscreen;
	enum show_blank blank; /* as last traced */
	struct reload reload;  /* hot reload, holding slide, marker */
	uint64_t ping_ms;      /* systemd watchdog interval; 0: none */
	uint64_t next_ping;    /* when the next keep-alive is due */
	size_t image_errors;   /* image errors already logged */
	int bar_w;             /* the progress bar's width on screen, px */
	bool hold_shown;       /* the exit chord's bar is on screen */
	struct screenfade sf;  /* a crossfade on the window's pixels */
	SDL_Thread *prefault;  /* touching the window's pixels, at start */
	bool fast_fades;       /* the renderer allows screenfade */
	bool screen_ok;        /* the screen shows the window's surface, which
	                          holds the last frame */
	struct presenter *pr;  /* the presenter console; owned (presenter.c) */
	int64_t wall_offset;   /* the show's clock less the real time (--now) */
	int64_t tick_at;       /* when a clock or countdown on screen next
	                          changes, wall-clock ms; INT64_MAX: never */
	int64_t tick_drawn;    /* the wall-clock time they were drawn for */
	struct announce ann;   /* a staff announcement (announce.h) */
	struct holding hold;   /* nothing due, no fallback (holding.h) */
	struct overlay_label lang_label; /* the kiosk's language button */
	int64_t due_at; /* when a slide's window next opens or closes,
	                   wall-clock ms; INT64_MAX: never */
};

/* Traces what a show change did (a new slide, a blank screen) and marks
 * a frame due when something changed. */
void player_note_change(struct player *p, unsigned changes,
                        const struct show_trace *t);

/* Languages (player_lang.c): puts the deck in the show's language after a
 * SHOW_CHANGE_LANGUAGE; tells the show the deck's languages (after the
 * show starts or reloads), --lang's the home one. */
void player_use_language(struct player *p);
void player_set_languages(struct player *p);

/* The wall clock's part of the loop (wallclock.c): settings.sync's lobby
 * kept where the clock says; the kiosk's dots for the slides due; ms until
 * the clocks on screen or the slides due next change (UINT32_MAX: never). */
void player_keep_in_step(struct player *p, uint64_t now);
void player_place_due_dots(struct player *p);
uint32_t player_wall_wake_ms(const struct player *p);

/* Marks the slides not due now (due.h) for the show to pass by, the
 * fallback (else slide 1) when none is, and moves off a slide whose window
 * closed; notes when that next changes in p->due_at. */
void player_update_due(struct player *p, uint64_t now);

/* The show's wall-clock time, ms since the epoch (app_wall_ms), as of a
 * frame drawn now: a refresh from now, when it reaches the screen. */
int64_t player_wall_ms(const struct player *p);

/*
 * The event loop in parts, so that a test can drive it on its own clock
 * (player_run's loop is: step; sleep for an event; handle the events).
 *
 * player_open: loads p->o->deck (p holds only o), starts SDL and opens the
 * window, the show and the watch. Returns 0, or -1 after saying why; call
 * player_close either way.
 */
int player_open(struct player *p);
/* Frees everything and stops SDL and the libraries. */
void player_close(struct player *p);

/*
 * One pass of the loop at now: a due reload, the watchdog, the show's
 * timers, the progress bar, the staff chord, the frame if one is due.
 * Returns -1 to go on, else the exit status (PLAYER_EXIT_STAFF).
 */
int player_step(struct player *p, uint64_t now);

/* Handles one event at now; returns -1 to go on, else the exit status. */
int player_handle_event(struct player *p, SDL_Event *ev, uint64_t now);

/*
 * How long the loop may sleep after a step at now, in ms; -1: until an
 * event. A query: it changes nothing.
 */
int player_sleep_ms(const struct player *p, uint64_t now);

/* Prints "trace MS ..." to stdout when --trace is on. */
void player_trace(struct player *p, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Makes p->slides (each slide's dwell and transition) from p->deck. */
void player_fill_slides(struct player *p);

/* The show's settings for p->deck and p->slides, in p's mode. */
struct show_config player_show_config(const struct player *p);

/* The layout of the slide on screen at the slide's size; NULL when it
 * cannot be laid out. */
const struct layout *player_layout(const struct player *p);

/* Places the kiosk's controls and keeps slide text clear of them. */
void player_place_controls(struct player *p);

#endif
