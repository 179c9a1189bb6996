/*
 * fuzz_picture: a libFuzzer target for the pure picture code a hostile
 * file reaches before any decoder: picture_header_size (PNG, JPEG, GIF,
 * WebP headers) and picture_other_format on the bytes as they are; then,
 * with sizes taken from the first bytes, the area averaging (shrink.h) and
 * the orientations (orientation.h) over the rest as pixels. Aborts when a
 * size found breaks its promise (PICTURE_MAX_SIDE is picture_size_problem's
 * to refuse, so any size may come back, but a format and -1 never both).
 * Built by tests/fuzz/fuzz.mk (make fuzz-picture).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orientation.h"
#include "picture_policy.h"
#include "shrink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Shrinks and turns a small picture made of the bytes after the first 4. */
static void
pixels(const uint8_t *data, size_t size)
{
	int sw = data[0] % 33 + 1, sh = data[1] % 33 + 1;
	int tw = data[2] % sw + 1, th = data[3] % sh + 1;
	size_t n = (size_t)sw * sh * 4;
	uint8_t *src = calloc(n, 1), *out = malloc((size_t)tw * th * 4);
	uint32_t *turned = malloc((size_t)tw * th * 4);
	struct shrink s;

	memcpy(src, data + 4, size - 4 < n ? size - 4 : n);
	if (shrink_init(&s, sw, sh, tw, th, out) != 0)
		abort();
	for (int y = 0; y < sh; y++)
		shrink_row(&s, src + (size_t)y * sw * 4);
	shrink_destroy(&s);
	memcpy(turned, out, (size_t)tw * th * 4);
	orientation_apply(orientation_from_exif(data[0] % 10), turned, tw, th,
	                  (uint32_t *)out);
	free(src);
	free(out);
	free(turned);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t w = 0, h = 0;
	int f = picture_header_size(data, size, &w, &h);
	char buf[256];

	if (f != -1 && f != PICTURE_NONE && f != PICTURE_PNG &&
	    f != PICTURE_JPEG && f != PICTURE_GIF && f != PICTURE_WEBP)
		abort();
	if (f > 0)
		picture_size_problem(w, h, buf, sizeof(buf));
	(void)picture_other_format(data, size);
	if (size >= 4)
		pixels(data, size);
	return 0;
}
