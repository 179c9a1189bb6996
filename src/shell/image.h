/*
 * image: reads a deck's picture file through the guards, then decodes it
 * with picture.h.
 *
 * Applies the rules of picture_policy.h to the file as opened (it may have
 * changed since the deck was checked): a regular file inside the deck's
 * folder, at most PICTURE_MAX_BYTES, and a PNG or JPEG whose header
 * declares at most PICTURE_MAX_SIDE pixels a side. picture.h only decodes
 * (and loads SDL_image on demand); render draws the result or a
 * placeholder.
 */
#ifndef VITRINE_IMAGE_H
#define VITRINE_IMAGE_H

#include <SDL.h>
#include <stddef.h>

/*
 * The picture at path, read and decoded once it passed every check above,
 * or NULL with the reason in why. dir is the deck's folder; *dir_real
 * caches its real path, found on first use (the caller frees it, and sets
 * it to NULL when the folder changes). The caller frees the surface.
 */
SDL_Surface *image_load(const char *dir, char **dir_real, const char *path,
                        char *why, size_t why_size);

#endif
