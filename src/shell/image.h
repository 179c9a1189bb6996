/*
 * image: reads a deck's picture file through the guards, then decodes it
 * at the size it is shown at, upright.
 *
 * Applies the rules of picture_policy.h to the file as opened (it may have
 * changed since the deck was checked): a regular file inside the deck's
 * folder, at most PICTURE_MAX_BYTES, one of the accepted formats (told by
 * its first bytes) whose header declares a size within the limits. Then:
 * JPEGs through jpeg.h (scaled decoding, EXIF orientation), the others
 * through picture.h (SDL_image); every picture is scaled down by area
 * averaging (shrink.h) to the size picture_fit.h gives for its box, the
 * full-size decode freed at once, and turned upright (orientation.h).
 * Thread-safe: the decoder thread calls image_load, the main thread
 * image_probe.
 */
#ifndef VITRINE_IMAGE_H
#define VITRINE_IMAGE_H

#include <SDL.h>
#include <stddef.h>

#include "deck.h"

/* What a picture's header says. */
struct image_info {
	int format;      /* enum picture_format */
	int w, h;        /* upright: EXIF orientation applied */
	int orientation; /* EXIF 1 to 8; 1 when none */
	long long bytes; /* the file's size */
};

/*
 * Fills *info from the header of the picture at path (the first 256 KiB,
 * or all of it when its size is further in). dir is the deck's folder;
 * *dir_real caches its real path, found on first use (the caller frees
 * it, and sets it to NULL when the folder changes). Returns 0, or -1 with
 * the reason and the fix in why.
 */
int image_probe(const char *dir, char **dir_real, const char *path,
                struct image_info *info, char *why, size_t why_size);

/*
 * The picture at path decoded for a bw x bh box at fit: no larger than it
 * is drawn there, never larger than it is, upright, as an
 * SDL_PIXELFORMAT_RGBA32 surface, with its header's facts in *info; or
 * NULL with the reason in why. The caller frees the surface.
 */
SDL_Surface *image_load(const char *dir, char **dir_real, const char *path,
                        int bw, int bh, enum deck_fit fit,
                        struct image_info *info, char *why, size_t why_size);

#endif
