/*
 * player: the running show. Opens the window, then sleeps in
 * SDL_WaitEventTimeout until an event or the show's next deadline (the
 * slide timer, the next transition frame), feeds events through input.c to
 * show.c, and draws a frame only when something changed. A static slide
 * costs no CPU.
 */
#ifndef VITRINE_PLAYER_H
#define VITRINE_PLAYER_H

#include "app.h"

#define PLAYER_EXIT_STAFF 10 /* staff chord: supervisors don't restart */

/* Runs the show until it is told to stop; returns the exit status. */
int player_run(const struct app_options *o);

#endif
