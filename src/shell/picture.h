/*
 * picture: PNG, GIF (first frame), WebP (and JPEG, though jpeg.h decodes
 * those) through SDL_image, loaded the first time a picture is decoded or
 * written. Safe to call from the decoder thread and the main thread.
 *
 * Most decks have no pictures, and SDL_image brings ten libraries with it
 * (libtiff, libwebp, libjbig, libLerc and the C++ runtime among them) that
 * cost 2.5 ms and 1.5 MB at every start. So vitrine does not link it: it
 * opens it with SDL_LoadObject when a deck first needs it.
 */
#ifndef VITRINE_PICTURE_H
#define VITRINE_PICTURE_H

#include <SDL.h>

/*
 * Loads SDL_image if not yet loaded. Returns 0, or -1 with SDL_GetError()
 * saying what is missing and what to install.
 */
int picture_open(void);

/* Decodes a PNG (kind 'p'), GIF's first frame ('g'), WebP ('w') or JPEG
 * ('j') from rw, which stays open. NULL with SDL_GetError() set when it
 * cannot. */
SDL_Surface *picture_decode(SDL_RWops *rw, int kind);

/* Writes s to path as PNG. Returns 0, or -1 with SDL_GetError() set. */
int picture_save_png(SDL_Surface *s, const char *path);

/* Unloads SDL_image (at exit, once no decode runs). */
void picture_close(void);

#endif
