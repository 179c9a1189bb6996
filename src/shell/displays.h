/*
 * displays: the displays that show something now, for placing windows.
 *
 * SDL 2.26 on X11 learns of an output turned off (xrandr --off, a desktop's
 * display settings, a driver that disables the CRTC of an unplugged
 * projector) only when the output reports itself disconnected, and never
 * of one turned back on that it already knew: its list of displays and
 * their bounds stay as they were, even when an output moves.
 * displays_watch_start opens a connection of its own to the X server and
 * a thread that waits on RandR's events; the live displays are then the
 * connected outputs whose CRTC is on, in SDL's order (the primary output
 * first), with their bounds read from the server. Each change of that set
 * posts one event (an SDL user event, displays_changed_event). The thread
 * sleeps in poll(): no CPU while nothing changes.
 *
 * When the watch finds no output on at all (Xvfb resized past its only
 * mode, every output off), it knows nothing useful and SDL's list stands:
 * a window is never hidden for want of a display the watch can see.
 * Elsewhere (Wayland, KMSDRM, the dummy driver), or when libX11 or
 * libXrandr cannot be opened (they are opened at run time, as SDL itself
 * opens them), the live displays are SDL's.
 *
 * Indices are live indices, from 0: display i is the i-th live display in
 * SDL's order.
 */
#ifndef VITRINE_DISPLAYS_H
#define VITRINE_DISPLAYS_H

#include <SDL.h>
#include <stdbool.h>

/* Starts the watch (after SDL_Init). Returns whether it runs. */
bool displays_watch_start(void);

/* Stops the watch and frees it (before SDL_Quit); harmless when none. */
void displays_watch_stop(void);

/* Whether ev is the watch's event: the live displays changed. */
bool displays_changed_event(const SDL_Event *ev);

/* The number of live displays. */
int displays_count(void);

/* The bounds of live display i; 0, or -1 with SDL's error set. */
int displays_bounds(int i, SDL_Rect *b);

/* SDL's index of live display i, or -1 when SDL has no display with its
 * bounds (SDL's list is stale: the output moved or came after start). */
int displays_sdl_index(int i);

/* SDL's display whose bounds are b, or -1. */
int displays_sdl_at(SDL_Rect b);

#endif
