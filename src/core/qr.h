/*
 * qr: a QR code's modules for a text (libqrencode), and the rule for how
 * large a code must be drawn to be read across a room.
 *
 * The rule: a code must scan from 2 m on a 55-inch screen. A 55-inch 16:9
 * screen is 685 mm tall; at 1080 lines its pixel pitch is 0.634 mm. A
 * module of at least 1/100 of the screen's shorter side (11 px, 7.0 mm
 * there) is 2 m / 290: the common "a code is read from 10 times its width"
 * rule for a version-3 code (29 modules, 20 cm at 2 m). So a module is at
 * least QR_MODULE_DIVISOR-th of the shorter side, rounded up to whole
 * pixels (5 px at 800x480, 22 px at 3840x2160), with a quiet zone of
 * QR_QUIET modules on each side. A code of at most version QR_MAX_VERSION
 * (41 modules, 49 with the quiet zone: 539 px at 1080p, half the screen's
 * height) leaves room for a heading and text; longer data is a --check
 * error. Codes use error correction level M (15 %) in 8-bit mode, so
 * QR_MAX_BYTES is the limit for any text.
 *
 * Usage:
 *	unsigned char *mod;
 *	int size;
 *	if (qr_encode("https://example.org", &mod, &size) == 0) {
 *		... mod[y * size + x] is 1 for a dark module ...
 *		free(mod);
 *	}
 *
 * Pure C: no SDL. Drawing is the layout's (whole-pixel rectangles).
 */
#ifndef VITRINE_QR_H
#define VITRINE_QR_H

#include <stddef.h>

#define QR_QUIET          4   /* modules of light margin on each side */
#define QR_MODULE_DIVISOR 100 /* a module >= shorter side / 100, rounded up */
#define QR_MAX_VERSION    6   /* 41 modules a side */
#define QR_MAX_BYTES      106 /* 8-bit data of a version-6 code at level M */

/* The smallest module allowed on a screen whose shorter side is s px. */
int qr_min_module_px(int s);

/* Modules a side of a code of size modules with its quiet zone. */
int qr_total_modules(int size);

/*
 * Encodes the len bytes at text (UTF-8) as the smallest QR code at level M
 * that holds them. On success returns 0 and sets *modules (size * size
 * bytes, row by row, 1 for dark; the caller frees) and *size. Returns -1
 * when the text is longer than QR_MAX_BYTES or empty, or libqrencode
 * fails (out of memory).
 */
int qr_encode(const char *text, size_t len, unsigned char **modules, int *size);

#endif
