/*
 * frame: draws one frame of the running show: a slide at rest or a
 * transition, blank screens, the overlays (kiosk controls, the lobby's
 * progress bar, the failed-reload marker), the --rotate canvas (the slide
 * drawn at its own size, then turned onto the screen), and the fast fade
 * protocol with screenfade.h (a crossfade mixed on the window's own pixels,
 * only the tiles that change sent to the display).
 *
 * It owns the drawing state in struct player (player_internal.h): canvas,
 * sf, screen_ok, image_errors and last_frame_ms. The frame is drawn as the
 * show will be a refresh (frame_ms) after now, when it reaches the screen.
 *
 * Usage, from the event loop:
 *	if (p->dirty) frame_draw(p, now);          // clears p->dirty
 *	else if (player_wall_ms(p) >= p->tick_at) frame_draw_ticks(p, now);
 *	else if (frame_bar_moves(p, now)) frame_draw_bar(p, now);
 *	sleep at most frame_bar_step_ms(p) while the bar moves;
 *	on a new window size or an expose: frame_forget_screen(p);
 *	on a lost render target: frame_reset(p);
 *	at exit: frame_close(p);
 */
#ifndef VITRINE_FRAME_H
#define VITRINE_FRAME_H

#include <stdbool.h>
#include <stdint.h>

struct player;

/* Draws and presents the frame for now; the show's state is left alone. */
void frame_draw(struct player *p, uint64_t now);

#define FRAME_BAR_STEP_MS  200 /* the bar is drawn at most 5 times a second */
#define FRAME_HOLD_STEP_MS 100 /* the exit chord's bar, while it is held */

/* Whether the lobby's progress bar grows at now: each wake must draw. */
bool frame_bar_moves(const struct player *p, uint64_t now);

/* Draws the bar a step longer, and only the bar when that is all that
 * changed (see frame.c); else the whole frame, as frame_draw. */
void frame_draw_bar(struct player *p, uint64_t now);

/* Ms between two steps of the bar (a pixel, at least FRAME_BAR_STEP_MS);
 * call only when frame_bar_moves. */
uint32_t frame_bar_step_ms(const struct player *p);

/* A clock or countdown on screen changed (player_wall_ms reached
 * p->tick_at): draws only their boxes when that is all that changed (see
 * frame.c); else the whole frame, as frame_draw. Traces "tick TEXT". */
void frame_draw_ticks(struct player *p, uint64_t now);

/* Ends a fast fade: its pictures are out of date (e.g. a new deck). */
void frame_end_fade(struct player *p);

/* The screen no longer shows the last frame: draw the next one whole. */
void frame_forget_screen(struct player *p);

/* The renderer lost its textures: also drops the canvas and the
 * renderer's cache, then draws the next frame whole. */
void frame_reset(struct player *p);

/* Frees the drawing state (before the renderer goes). */
void frame_close(struct player *p);

#endif
