/*
 * picture_policy: the one set of rules a deck's picture must pass, shared
 * by the loader (deck_check.c, which checks the file with stat and
 * realpath and never opens it) and the renderer (image.c, which checks the
 * file again as it opens it, since it may have changed since):
 *  - the path: relative, '/' between folders, no "..", no tab or line
 *    break (picture_path_problem);
 *  - the place: once every link is resolved, inside the deck's folder
 *    (picture_is_inside);
 *  - the format: one of the accepted formats (PICTURE_FORMATS: PNG, JPEG,
 *    GIF's first frame, WebP), the same for --check, --export and the
 *    show, told from the file's first bytes, never from its name
 *    (picture_header_size);
 *  - the size: a regular file of at most PICTURE_MAX_BYTES whose header
 *    declares at most PICTURE_MAX_SIDE pixels a side and PICTURE_MAX_PIXELS
 *    in all (picture_size_problem). A 48 MP phone photo (8000x6000)
 *    passes: JPEGs are decoded scaled down (jpeg.h), so their cost is the
 *    screen's, not the photo's; other formats are decoded whole, 4 bytes a
 *    pixel, and past PICTURE_HUGE_PIXELS --check says what that costs.
 * Pure C over strings and bytes; the callers do the file system calls.
 */
#ifndef VITRINE_PICTURE_POLICY_H
#define VITRINE_PICTURE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PICTURE_MAX_BYTES   (32u << 20) /* a picture file */
#define PICTURE_MAX_SIDE    16384       /* pixels, width or height */
#define PICTURE_MAX_PIXELS  (64u << 20) /* width x height: 67 MP */
#define PICTURE_HUGE_PIXELS (16u << 20) /* past this, --check warns */

/* The accepted formats, as --check's messages name them. */
#define PICTURE_FORMATS "PNG, JPEG, GIF (its first frame) or WebP"

/* What picture_header_size found. */
enum picture_format {
	PICTURE_NONE = 0, /* none of the accepted formats */
	PICTURE_PNG = 'p',
	PICTURE_JPEG = 'j',
	PICTURE_GIF = 'g',
	PICTURE_WEBP = 'w',
};

/* Why rel cannot name a file inside the deck's folder, or NULL. */
const char *picture_path_problem(const char *rel);

/* Whether the real (resolved) path p lies inside the real folder root. */
bool picture_is_inside(const char *p, const char *root);

/*
 * The width and height a picture declares, read from its first len bytes
 * the way the decoders find it: a PNG's first chunk, which must be IHDR; a
 * JPEG's first frame header (SOFn), skipping other segments and, like
 * libjpeg, any garbage before a marker; a GIF's logical screen; a WebP's
 * VP8, VP8L or VP8X header. Returns the format (enum picture_format),
 * PICTURE_NONE when it is none of them, or -1 when no size can be found.
 */
int picture_header_size(const unsigned char *b, size_t len, uint32_t *w,
                        uint32_t *h);

/* "PNG", "JPEG", "GIF", "WebP"; "a picture" for anything else. */
const char *picture_format_name(int format);

/*
 * What the len bytes at b look like when they are not an accepted format
 * ("a BMP", "a TIFF", "an SVG", "a HEIC/AVIF", "a PDF"), or NULL.
 */
const char *picture_other_format(const unsigned char *b, size_t len);

/*
 * Why a w x h picture cannot be shown (too large, or empty), into buf with
 * the fix; NULL when it can. buf is returned.
 */
const char *picture_size_problem(uint32_t w, uint32_t h, char *buf,
                                 size_t size);

/*
 * Bytes a w x h picture of format takes to decode at the largest: a
 * JPEG's scaled decode to about tw x th (no more than twice each side),
 * else the whole picture at 4 bytes a pixel.
 */
uint64_t picture_decode_bytes(int format, uint32_t w, uint32_t h, int tw,
                              int th);

#endif
