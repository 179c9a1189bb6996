/*
 * presenter: the presenter console's window. In present mode with a second
 * display (or with --console N; with --windowed --console 0 both in
 * windows side by side on one display) it shows
 * what console.h lays out: the slide the audience sees and the next, the
 * notes, "7 / 16", the talk timer and the clock; Tab opens the overview.
 * Its keys work whichever window has focus:
 *	T	start or pause the talk timer
 *	R	reset the timer
 *	S	swap the slides' and the console's displays
 *	Tab	the overview; arrows choose, Enter shows it, Tab or Esc close
 *	Shift+Up, Shift+Down	scroll long notes
 * A click on the next slide's preview advances; in the overview a click
 * shows that slide. Slide pictures are drawn by a renderer of the
 * console's own, scaled from the audience's size; the console redraws
 * when the show changes, and once a second (a minute with the timer
 * stopped) for the clock and timer.
 *
 * Usage, from the player (player_internal.h):
 *	presenter_display(p, n)  the display the slides go on, at start
 *	presenter_open(p)        after the slides' window is open
 *	presenter_event(p, ev, now)  before the input layer; true: taken
 *	presenter_step(p, now)   each pass of the loop
 *	presenter_wakeup_ms(p, now)  in the loop's sleep
 *	presenter_set_deck(p)    after a reload swapped the deck
 *	presenter_close(p)
 */
#ifndef VITRINE_PRESENTER_H
#define VITRINE_PRESENTER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

struct player;

/* The display the slides' window goes on, of n; sets up the console's
 * placement. */
int presenter_display(struct player *p, int n);

/* Opens the console's window when it has a display; 0, or -1 after saying
 * why (the show goes on without a console). */
int presenter_open(struct player *p);

/* Handles ev when it is the console's (its keys, its window, a click in
 * it); returns true when it took it. */
bool presenter_event(struct player *p, const SDL_Event *ev, uint64_t now);

/* Draws the console when something on it changed. */
void presenter_step(struct player *p, uint64_t now);

/* Ms until the console's clock or timer next changes; UINT32_MAX: none. */
uint32_t presenter_wakeup_ms(const struct player *p, uint64_t now);

/* The deck changed (a reload): previews are drawn from it. */
void presenter_set_deck(struct player *p);

void presenter_close(struct player *p);

#endif
