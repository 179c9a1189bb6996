/*
 * picture_policy: the one set of rules a deck's picture must pass, shared
 * by the loader (deck_check.c, which checks the file with stat and
 * realpath and never opens it) and the renderer (image.c, which checks the
 * file again as it opens it, since it may have changed since):
 *  - the path: relative, '/' between folders, no "..", no tab or line
 *    break (picture_path_problem);
 *  - the place: once every link is resolved, inside the deck's folder
 *    (picture_is_inside);
 *  - the size: a regular file of at most PICTURE_MAX_BYTES, a PNG or JPEG
 *    whose header declares at most PICTURE_MAX_SIDE pixels a side
 *    (picture_header_size).
 * Pure C over strings and bytes; the callers do the file system calls.
 */
#ifndef VITRINE_PICTURE_POLICY_H
#define VITRINE_PICTURE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PICTURE_MAX_BYTES (32u << 20) /* a picture file */
#define PICTURE_MAX_SIDE  8192        /* pixels, width or height */

/* Why rel cannot name a file inside the deck's folder, or NULL. */
const char *picture_path_problem(const char *rel);

/* Whether the real (resolved) path p lies inside the real folder root. */
bool picture_is_inside(const char *p, const char *root);

/*
 * The width and height a PNG or JPEG declares, read from its first len
 * bytes the way the decoders find it: a PNG's first chunk, which must be
 * IHDR; a JPEG's first frame header (SOFn), skipping other segments and,
 * like libjpeg, any garbage before a marker. Returns 'p' or 'j', 0 when
 * the format is neither, or -1 when no size can be found.
 */
int picture_header_size(const unsigned char *b, size_t len, uint32_t *w,
                        uint32_t *h);

#endif
