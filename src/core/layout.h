/*
 * layout: turns one slide and a screen size into a display list of things to
 * draw (rectangles, lines of text, images), fitting text to its boxes from a
 * ladder of sizes. Pure C: text is measured through a callback, which SDL_ttf
 * backs in the app and a fake monospace measurer backs in the tests.
 *
 * Usage:
 *	struct layout lay;
 *	layout_init(&lay);
 *	layout_slide(&lay, deck, i, 1920, 1080, reserve_bottom, &measurer);
 *	for (size_t k = 0; k < lay.n; k++) draw(&lay.items[k]);
 *	layout_destroy(&lay);
 *
 * Sizes: the text floor is LAYOUT_FLOOR_DIVISOR-th of the screen's shorter
 * side, rounded up; no text is laid out smaller than that. Each role (title,
 * heading, body...) has a largest size; the sizes between it and the floor
 * are the role's ladder (layout_ladder). Text that does not fit at the floor
 * is cut at a line boundary (never drawn outside its box) and flagged in
 * lay.overflow.
 */
#ifndef VITRINE_LAYOUT_H
#define VITRINE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"

#define LAYOUT_FLOOR_DIVISOR 24 /* floor px = shorter side / 24, rounded up */
#define LAYOUT_MIN_SIDE      64 /* smallest screen side layout_slide takes */

struct layout_rect {
	int x, y, w, h;
};

/* Measures text; all sizes in pixels. */
struct layout_measurer {
	/* Width of the len bytes of UTF-8 at s, in font at size px. */
	int (*text_width)(void *ctx, enum deck_font font, int px, const char *s,
	                  size_t len);
	/* Distance between baselines of two lines of font at px; a line's
	 * box is this tall. */
	int (*line_height)(void *ctx, enum deck_font font, int px);
	void *ctx;
	/* The upright size of the picture at path (relative to the deck's
	 * folder): 0, or -1 when it is not known (the picture then gets all
	 * its space). May be NULL. */
	int (*picture_size)(void *ctx, const char *path, int *w, int *h);
};

enum layout_kind {
	LAYOUT_RECT,  /* filled rectangle */
	LAYOUT_TEXT,  /* one line of text, its box's top-left at box.x,y */
	LAYOUT_IMAGE, /* a picture placed in box by picture_fit_place */
	LAYOUT_SLIDE, /* a slide's picture scaled into box (the console) */
};

/*
 * Text that changes with the time (layout_clock.c): the item's text is
 * made when it is drawn (layout_tick_text), for the wall-clock time of the
 * frame, and set in its box by align; the box fits the widest text the
 * tick can make.
 */
enum layout_tick {
	LAYOUT_TICK_NONE,
	LAYOUT_TICK_TIME,      /* "10:55", or "10:55 AM" (clock_format) */
	LAYOUT_TICK_DATE,      /* "Tuesday 13 November 2007" */
	LAYOUT_TICK_COUNTDOWN, /* the time left: "12 min", "45 s" */
	LAYOUT_TICK_UNTIL,     /* a talk's end, at_ms: "until 11:30" */
	LAYOUT_TICK_START,     /* a talk's start, at_ms: "at 11:45 · in 12
	                          min", "tomorrow at 09:30" */
};

/* When an item shows, against its slide's until (a countdown). */
enum layout_phase {
	LAYOUT_PHASE_ALWAYS,
	LAYOUT_PHASE_BEFORE, /* while counting down */
	LAYOUT_PHASE_AFTER,  /* once until has passed */
};

struct layout_item {
	enum layout_kind kind;
	struct layout_rect box; /* TEXT: w is the measured width, h the line
	                           height */
	struct deck_color color;
	/* LAYOUT_TEXT */
	enum deck_font font;
	int px;
	const char *text; /* borrowed from the deck or a static string; NOT
	                     NUL-terminated at len */
	size_t len;
	bool rtl; /* in a right-to-left paragraph (textrun.h) */
	/* LAYOUT_IMAGE */
	const char *image; /* path relative to deck->dir, borrowed */
	enum deck_fit fit;
	bool backdrop;           /* behind the text (background_image, a cover
	                            picture): drawn first, under a scrim */
	struct layout_rect room; /* the space it could take (for --check's
	                            "would need" warnings) */
	int slide_index; /* which slide the item belongs to; LAYOUT_SLIDE:
	                    which slide to show */
	bool live;       /* LAYOUT_SLIDE: the audience screen as it is, in a
	                    transition too */
	enum layout_tick tick; /* LAYOUT_TEXT: NONE, or text made when drawn */
	int align;             /* tick: -1 left, 0 centre, 1 right in box */
	enum layout_phase phase; /* when the item shows */
	int64_t at_ms;           /* UNTIL and START ticks: their moment */
};

struct layout {
	struct layout_item *items; /* owned */
	size_t n, cap;
	struct layout_rect safe; /* the safe area nothing crosses */
	int floor_px;            /* smallest text size allowed */
	int min_px;              /* smallest text size used (0: no text) */
	bool overflow;           /* some text did not fit even at the floor */
	const char *cut;    /* overflow: the first text left out (the rest of
	                       its paragraph, borrowed), or NULL */
	const char *broken; /* the first word broken inside for want of width
	                       (at the floor; borrowed, to its first space), or
	                       NULL */
	bool qr_small; /* a QR code drawn under the size that scans from 2 m
	                  (qr.h), for want of room */
	/* A slide whose content follows the time (the programme) is laid
	 * out for the wall-clock time at_ms, which the caller sets after
	 * layout_init (ms since the epoch; layout_slide keeps it), and holds
	 * until until_ms (INT64_MAX for every other slide). */
	int64_t at_ms, until_ms;
};

void layout_init(struct layout *lay);
/* Frees the items. Accepts a zeroed layout. */
void layout_destroy(struct layout *lay);

/*
 * Lays out slide i of deck for a w x h screen into lay (emptied first).
 * reserve_bottom (>= 0) pixels at the bottom of the safe area are kept free
 * (the kiosk's on-screen controls go there); 0 otherwise. The theme's event
 * band, when it has one, goes at the top or bottom of what is left, unless
 * the slide's text would then not fit.
 * The first item is the full-screen background rectangle. Returns 0, or -1
 * when w or h is below LAYOUT_MIN_SIDE or the index is out of range (lay is
 * then empty). A theme whose text_scale is not positive counts as scale 1.
 * Grows lay->items as needed; allocates nothing else.
 */
int layout_slide(struct layout *lay, const struct deck *deck, size_t i, int w,
                 int h, int reserve_bottom, const struct layout_measurer *m);

/* The tick item it's text at wall-clock time now_ms (ms since the epoch),
 * into buf; returns its length. */
size_t layout_tick_text(const struct deck *deck, const struct layout_item *it,
                        int64_t now_ms, char *buf, size_t size);

/* When the text of tick item it next changes after now_ms. */
int64_t layout_tick_next(const struct deck *deck, const struct layout_item *it,
                         int64_t now_ms);

/* Whether item it shows at now_ms (its phase against its slide's until). */
bool layout_item_shows(const struct deck *deck, const struct layout_item *it,
                       int64_t now_ms);

/* When the items of slide i next change at all after now_ms: a tick's text
 * or a phase, or the layout's until_ms (it is then laid out again);
 * INT64_MAX when they never do. */
int64_t layout_next_change(const struct deck *deck, const struct layout *lay,
                           int64_t now_ms);

/*
 * Fills px (room for cap sizes) with the ladder of text sizes from max_px
 * down to floor_px: max_px / 1.1^k, rounded, until a size comes within 4 %
 * of the floor, then floor_px itself, which is always the last. Returns the
 * number of sizes written (at least 1 when cap > 0).
 */
size_t layout_ladder(int max_px, int floor_px, int *px, size_t cap);

#endif
