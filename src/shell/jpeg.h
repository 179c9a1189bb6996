/*
 * jpeg: JPEG pictures decoded with libjpeg straight to the size they are
 * shown at, and their EXIF orientation read with libexif.
 *
 * libjpeg decodes at 1/8 to 8/8 of the full size by skipping parts of the
 * DCT; the smallest scale that still gives the size wanted is used, and
 * each row goes at once into shrink.h's area averaging. So an 8000x6000
 * photo shown 1296x972 is decoded at 2000x1500, row by row, and never held
 * at full size: about 8 MB, where SDL_image's decode held 144 MB. Phones'
 * photos are baseline JPEGs; a progressive one makes libjpeg keep its
 * coefficients (2 bytes a sample) while it decodes.
 * Thread-safe: the decoder thread calls it.
 */
#ifndef VITRINE_JPEG_H
#define VITRINE_JPEG_H

#include <SDL.h>
#include <stddef.h>

/* The EXIF Orientation (1 to 8) of the JPEG at buf, or 1 when it has none
 * or it is out of range. */
int jpeg_orientation(const unsigned char *buf, size_t len);

/*
 * The JPEG of len bytes at buf, decoded and scaled down to tw x th (as
 * stored, before any orientation; at most its size), as an
 * SDL_PIXELFORMAT_RGBA32 surface; NULL with the reason and the fix in why
 * (a file cut short or damaged, CMYK). The caller frees the surface.
 */
SDL_Surface *jpeg_decode(const unsigned char *buf, size_t len, int tw, int th,
                         char *why, size_t why_size);

#endif
