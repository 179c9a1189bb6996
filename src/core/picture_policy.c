/*
 * picture_policy: the rules a deck's picture must pass; see
 * picture_policy.h.
 */
#include "picture_policy.h"

#include <stdio.h>
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
			       "the deck's files inside it";
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

/* A little-endian number of n bytes at b. */
static uint32_t
le(const unsigned char *b, int n)
{
	uint32_t v = 0;

	while (n-- > 0)
		v = v << 8 | b[n];
	return v;
}

/* The size a GIF's logical screen declares: 'g', or -1. */
static int
gif_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
	if (len < 10)
		return -1;
	*w = le(b + 6, 2);
	*h = le(b + 8, 2);
	return PICTURE_GIF;
}

/* The size a WebP's first chunk (VP8, VP8L or VP8X) declares: 'w', or -1. */
static int
webp_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
	if (len >= 30 && !memcmp(b + 12, "VP8 ", 4) && b[23] == 0x9d &&
	    b[24] == 0x01 && b[25] == 0x2a) {
		*w = le(b + 26, 2) & 0x3fff;
		*h = le(b + 28, 2) & 0x3fff;
	} else if (len >= 25 && !memcmp(b + 12, "VP8L", 4) && b[20] == 0x2f) {
		*w = (le(b + 21, 4) & 0x3fff) + 1;
		*h = (le(b + 21, 4) >> 14 & 0x3fff) + 1;
	} else if (len >= 30 && !memcmp(b + 12, "VP8X", 4)) {
		*w = le(b + 24, 3) + 1;
		*h = le(b + 27, 3) + 1;
	} else {
		return -1;
	}
	return PICTURE_WEBP;
}

int
picture_header_size(const unsigned char *b, size_t len, uint32_t *w,
                    uint32_t *h)
{
	static const unsigned char png[8] = { 0x89, 'P',  'N',  'G',
		                              '\r', '\n', 0x1a, '\n' };

	if (len >= 8 && !memcmp(b, png, 8))
		return png_size(b, len, w, h);
	if (len >= 6 && (!memcmp(b, "GIF87a", 6) || !memcmp(b, "GIF89a", 6)))
		return gif_size(b, len, w, h);
	if (len >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4))
		return webp_size(b, len, w, h);
	if (len < 3 || b[0] != 0xff || b[1] != 0xd8 || b[2] != 0xff)
		return PICTURE_NONE;
	return jpeg_size(b, len, w, h);
}

const char *
picture_format_name(int format)
{
	switch (format) {
	case PICTURE_PNG:
		return "PNG";
	case PICTURE_JPEG:
		return "JPEG";
	case PICTURE_GIF:
		return "GIF";
	case PICTURE_WEBP:
		return "WebP";
	default:
		return "a picture";
	}
}

/* Whether the len bytes at b start with the n bytes at magic at offset. */
static bool
has_magic(const unsigned char *b, size_t len, size_t offset, const char *magic,
          size_t n)
{
	return len >= offset + n && !memcmp(b + offset, magic, n);
}

const char *
picture_other_format(const unsigned char *b, size_t len)
{
	static const struct {
		size_t offset;
		const char *magic;
		size_t n;
		const char *name;
	} others[] = {
		{ 0, "BM", 2, "a BMP" },
		{ 0, "II*\0", 4, "a TIFF" },
		{ 0, "MM\0*", 4, "a TIFF" },
		{ 0, "<svg", 4, "an SVG" },
		{ 0, "<?xml", 5, "an SVG" },
		{ 4, "ftyp", 4, "a HEIC/AVIF" },
		{ 0, "%PDF", 4, "a PDF" },
		{ 0, "\0\0\1\0", 4, "an ICO" },
		{ 0, "RIFF", 4, "a RIFF (not WebP)" },
	};

	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (has_magic(b, len, others[i].offset, others[i].magic,
		              others[i].n))
			return others[i].name;
	return NULL;
}

const char *
picture_size_problem(uint32_t w, uint32_t h, char *buf, size_t size)
{
	if (w == 0 || h == 0)
		snprintf(buf, size,
		         "it declares %ux%u pixels, an empty picture; save it "
		         "again",
		         (unsigned)w, (unsigned)h);
	else if (w > PICTURE_MAX_SIDE || h > PICTURE_MAX_SIDE ||
	         (uint64_t)w * h > PICTURE_MAX_PIXELS)
		snprintf(buf, size,
		         "%ux%u pixels (%.0f MP); a picture may be at most "
		         "%d pixels a side and %u MP, scale it down (3840 "
		         "pixels wide is enough for a 4K screen)",
		         (unsigned)w, (unsigned)h, (double)w * h / 1e6,
		         PICTURE_MAX_SIDE,
		         (PICTURE_MAX_PIXELS + 500000) / 1000000);
	else
		return NULL;
	return buf;
}

uint64_t
picture_decode_bytes(int format, uint32_t w, uint32_t h, int tw, int th)
{
	uint32_t sw = w, sh = h;

	/* libjpeg scales by n/8: the smallest n that keeps tw x th */
	for (int n = 1; format == PICTURE_JPEG && n <= 8; n++) {
		if ((uint64_t)w * n >= (uint64_t)tw * 8 &&
		    (uint64_t)h * n >= (uint64_t)th * 8) {
			sw = (w * (uint32_t)n + 7) / 8;
			sh = (h * (uint32_t)n + 7) / 8;
			break;
		}
	}
	return (uint64_t)sw * sh * 4;
}
