/*
 * picture_policy: the rules a deck's picture must pass; see
 * picture_policy.h.
 */
#include "picture_policy.h"

#include <string.h>

#include "util.h"

const char *
picture_path_problem(const char *rel)
{
	size_t n;

	if (strchr(rel, '\\'))
		return "use '/' between folders, not '\\'";
	if (strpbrk(rel, "\t\n"))
		return "a tab or line break in the path; remove it";
	if (rel[0] == '/')
		return "an absolute path; give a path relative to the deck's "
		       "folder, e.g. \"images/photo.png\"";
	for (const char *p = rel; *p; p += n + (p[n] == '/')) {
		n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "\"..\" leads out of the deck's folder; keep "
			       "images inside it";
	}
	return NULL;
}

bool
picture_is_inside(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		return true;
	return !strncmp(p, root, n) && p[n] == '/';
}

/* The size a PNG's IHDR declares: 'p', or -1 when there is none. */
static int
png_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
	if (len < 24 || memcmp(b + 12, "IHDR", 4))
		return -1;
	*w = util_be32(b + 16);
	*h = util_be32(b + 20);
	return 'p';
}

/* The size a JPEG's first frame header declares: 'j', or -1 when there is
 * none before the image data. */
static int
jpeg_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
	size_t i = 2;

	while (i + 1 < len) {
		unsigned m;

		if (b[i] != 0xff) { /* garbage: libjpeg skips it */
			i++;
			continue;
		}
		while (i + 1 < len && b[i + 1] == 0xff)
			i++; /* fill bytes */
		if (i + 1 >= len)
			break;
		m = b[i + 1];
		if (m == 0 || m == 0x01 || m == 0xd8 ||
		    (m >= 0xd0 && m <= 0xd7)) {
			i += 2; /* stuffed byte or a marker without a length */
			continue;
		}
		if (m == 0xd9 || m == 0xda || i + 4 > len)
			break; /* end of image or start of scan: no frame */
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		    m != 0xcc) {
			if (i + 9 > len)
				break;
			*h = (uint32_t)b[i + 5] << 8 | b[i + 6];
			*w = (uint32_t)b[i + 7] << 8 | b[i + 8];
			return 'j';
		}
		i += 2 + ((size_t)b[i + 2] << 8 | b[i + 3]);
	}
	return -1;
}

int
picture_header_size(const unsigned char *b, size_t len, uint32_t *w,
                    uint32_t *h)
{
	static const unsigned char png[8] = { 0x89, 'P',  'N',  'G',
		                              '\r', '\n', 0x1a, '\n' };

	if (len >= 8 && !memcmp(b, png, 8))
		return png_size(b, len, w, h);
	if (len < 3 || b[0] != 0xff || b[1] != 0xd8 || b[2] != 0xff)
		return 0;
	return jpeg_size(b, len, w, h);
}
