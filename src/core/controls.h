/*
 * controls: where the kiosk's on-screen controls go and what a tap hits.
 * A band at the bottom of the safe area holds a back arrow, a row of dots
 * (one per slide) and a forward arrow; each is a square touch target of
 * target_px, which the caller derives from the panel's size so that it is
 * at least CONTROLS_TARGET_MM on the glass. A deck in several languages
 * adds a language button (CONTROLS_LANGUAGE_WIDE targets wide, one target
 * tall) just left of the forward arrow, naming the language on screen in
 * its own script (lang_name). The dots then sit between the back arrow and
 * the button, closer together when they must (down to half a target
 * apart; fewer room: no dots). Pure C.
 */
#ifndef VITRINE_CONTROLS_H
#define VITRINE_CONTROLS_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "layout.h"

#define CONTROLS_TARGET_MM     10 /* a fingertip: 9 mm or more */
#define CONTROLS_MAX_DOTS      64 /* more slides than this: no dots */
#define CONTROLS_LANGUAGE_WIDE 3  /* the language button, in targets */

struct controls {
	struct layout_rect band; /* the whole strip, kept free of slide text */
	struct layout_rect prev, next;
	struct layout_rect dots[CONTROLS_MAX_DOTS]; /* touch targets */
	size_t dot_slide[CONTROLS_MAX_DOTS];        /* the slide of each */
	size_t n_dots;               /* 0 when the slides do not fit as dots */
	int target;                  /* side of a touch target, px */
	struct layout_rect language; /* the language button; w 0: none */
};

enum controls_hit {
	CONTROLS_NONE,
	CONTROLS_PREV,
	CONTROLS_NEXT,
	CONTROLS_DOT,
	CONTROLS_LANGUAGE
};

/*
 * Places the controls for a w x h screen whose safe area is safe, with
 * touch targets of target_px and n_slides dots.
 */
void controls_place(struct controls *c, struct layout_rect safe, int target_px,
                    size_t n_slides);

/* Places dots again for only the n slides listed (in order: those due
 * now), the row centred as controls_place centres it. */
void controls_place_dots(struct controls *c, const size_t *slides, size_t n);

/*
 * Adds the language button (on: the deck has several languages) or takes
 * it away, and places the n_slides dots again around it. Call after
 * controls_place; controls_place_dots then keeps the dots clear of it.
 */
void controls_place_language(struct controls *c, bool on, size_t n_slides);

/* What a tap at x, y hits; *dot receives the dot's slide index. */
enum controls_hit controls_hit(const struct controls *c, int x, int y,
                               size_t *dot);

/*
 * Touch target side in px for a panel h_px pixels and h_mm millimetres
 * tall (h_mm <= 0: unknown, assume a 7-inch 800x480 panel's density).
 */
int controls_target_px(int h_px, double h_mm);

/* The touch target side on a w x h screen h_mm tall (<= 0: unknown):
 * controls_target_px, and never under 1/12 of the shorter side. */
int controls_target_for(int w, int h, double h_mm);

/* Thickness of the lobby's progress bar on a screen h px tall. */
int controls_bar_px(int h);

/*
 * The strip at the bottom of the safe area that a mode keeps free of slide
 * text on a w x h screen (h_mm as above): the kiosk's controls, the
 * lobby's progress bar when progress_bar is on, else nothing. The player,
 * --export and --check all lay slides out with it, so that what staff
 * preview is what the screen shows.
 */
int controls_reserve_px(enum deck_mode mode, bool progress_bar, int w, int h,
                        double h_mm);

#endif
