/*
 * overlay: what the player draws over a slide with SDL_Renderer: the kiosk's
 * on-screen buttons and slide dots, the lobby's progress bar and the staff's
 * failed-reload marker. Each draws into whatever target sdl has.
 */
#ifndef VITRINE_OVERLAY_H
#define VITRINE_OVERLAY_H

#include <SDL.h>
#include <stddef.h>

#include "controls.h"
#include "deck.h"
#include "layout.h"

/* The kiosk's previous/next buttons and one dot a slide, current lit. */
void overlay_controls(SDL_Renderer *sdl, const struct controls *c,
                      const struct deck_theme *th, size_t current);

/*
 * A thin bar along the bottom of the safe area, fraction (0..1) of its
 * width, in the accent colour; screen_h sets its thickness. Returns the
 * rectangle drawn (w 0 when nothing was).
 */
SDL_Rect overlay_progress(SDL_Renderer *sdl, struct layout_rect safe,
                          int screen_h, struct deck_color accent,
                          double fraction);

/* A small amber square near the top right corner of a w x h screen. */
void overlay_marker(SDL_Renderer *sdl, int w, int h);

#endif
