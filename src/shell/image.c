/*
 * image: a deck's picture read through the guards and decoded; see
 * image.h.
 *
 * The path is resolved and checked first (inside the deck's folder, a
 * regular file, not too large); the file is then opened without blocking
 * and must be the same file; what is read must be a PNG or JPEG whose
 * header declares a size within the limits. Only then is it decoded.
 */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "picture.h"
#include "util.h"

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Is the real path p inside the real folder root? */
static bool
is_inside(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		return true;
	return !strncmp(p, root, n) && p[n] == '/';
}

/*
 * The width and height a PNG or JPEG declares, read from its header the
 * way the decoders find it: a PNG's first chunk, which must be IHDR; a
 * JPEG's first frame header (SOFn), skipping other segments and, like
 * libjpeg, any garbage before a marker. Returns 'p' or 'j', 0 when the
 * format is neither, or -1 when no size can be found.
 */
static int
image_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
	static const unsigned char png[8] = { 0x89, 'P',  'N',  'G',
		                              '\r', '\n', 0x1a, '\n' };
	size_t i = 2;

	if (len >= 8 && !memcmp(b, png, 8)) {
		if (len < 24 || memcmp(b + 12, "IHDR", 4))
			return -1;
		*w = be32(b + 16);
		*h = be32(b + 20);
		return 'p';
	}
	if (len < 3 || b[0] != 0xff || b[1] != 0xd8 || b[2] != 0xff)
		return 0;
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

static void
describe_size(char *why, size_t size, off_t bytes)
{
	snprintf(why, size,
	         "too large (%.1f MiB); an image may be at most %u MiB",
	         (double)bytes / (1 << 20), IMAGE_MAX_BYTES >> 20);
}

/*
 * The file at path opened for reading once its real path is inside
 * dir_real, a regular file of at most IMAGE_MAX_BYTES, and the file
 * opened is that same file; *size receives its size. Returns the
 * descriptor, or -1 with the reason in why.
 */
static int
open_checked(const char *dir_real, const char *path, off_t *size, char *why,
             size_t why_size)
{
	struct stat st, fst;
	char *real = realpath(path, NULL);
	int fd = -1;

	if (!real || stat(real, &st) < 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		goto fail;
	}
	if (!is_inside(real, dir_real)) {
		snprintf(why, why_size,
		         "it leads outside the deck's folder; copy the image "
		         "into the folder");
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, why_size,
		         "not a regular file; give a PNG or JPEG file");
		goto fail;
	}
	if (st.st_size > (off_t)IMAGE_MAX_BYTES) {
		describe_size(why, why_size, st.st_size);
		goto fail;
	}
	/* Never blocks on a FIFO swapped in since; must be the same file. */
	fd = open(real,
	          O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &fst) < 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(fst.st_mode) || fst.st_dev != st.st_dev ||
	    fst.st_ino != st.st_ino) {
		snprintf(why, why_size, "the file changed while it was read");
		goto fail;
	}
	*size = fst.st_size;
	free(real);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	free(real);
	return -1;
}

/*
 * The kind ('p' PNG, 'j' JPEG) of the len bytes at buf when their header
 * declares a size within the limits, else -1 with the reason in why.
 */
static int
check_header(const unsigned char *buf, size_t len, char *why, size_t why_size)
{
	uint32_t w = 0, h = 0;
	int kind = image_size(buf, len, &w, &h);

	if (kind == 0) {
		snprintf(why, why_size, "not a PNG or JPEG file");
		return -1;
	}
	if (kind < 0) {
		snprintf(why, why_size,
		         "a broken %s header; save the image again",
		         buf[0] == 0x89 ? "PNG" : "JPEG");
		return -1;
	}
	if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE) {
		snprintf(why, why_size,
		         "%" PRIu32 "x%" PRIu32 " pixels; an image may be at "
		         "most %dx%d, scale it down",
		         w, h, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
		return -1;
	}
	return kind;
}

/*
 * The file at path read into memory, once it passed every check in
 * image.h; *len receives its size and *kind 'p' (PNG) or 'j' (JPEG).
 * NULL with the reason in why otherwise. The caller frees.
 */
static unsigned char *
read_image(const char *dir, char **dir_real, const char *path, size_t *len,
           int *kind, char *why, size_t why_size)
{
	char *data = NULL;
	off_t size = 0;
	int fd;

	if (!*dir_real && !(*dir_real = realpath(dir, NULL))) {
		snprintf(why, why_size, "the deck's folder: %s",
		         strerror(errno));
		return NULL;
	}
	fd = open_checked(*dir_real, path, &size, why, why_size);
	if (fd < 0)
		return NULL;
	if (util_read_bounded(fd, (size_t)size, IMAGE_MAX_BYTES, &data, len) <
	    0) {
		snprintf(why, why_size, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	if (*len > IMAGE_MAX_BYTES) {
		describe_size(why, why_size, (off_t)*len);
		free(data);
		return NULL;
	}
	*kind = check_header((unsigned char *)data, *len, why, why_size);
	if (*kind < 0) {
		free(data);
		return NULL;
	}
	return (unsigned char *)data;
}

SDL_Surface *
image_load(const char *dir, char **dir_real, const char *path, char *why,
           size_t why_size)
{
	size_t len;
	int kind;
	unsigned char *buf =
	        read_image(dir, dir_real, path, &len, &kind, why, why_size);
	SDL_RWops *rw = buf ? SDL_RWFromConstMem(buf, (int)len) : NULL;
	SDL_Surface *s = NULL;

	if (rw && picture_open() < 0) {
		snprintf(why, why_size, "%s", SDL_GetError());
		SDL_RWclose(rw);
	} else if (rw) {
		s = picture_decode(rw, kind);
		SDL_RWclose(rw);
		if (!s)
			snprintf(why, why_size,
			         "%s; check the file is a PNG or JPEG",
			         SDL_GetError());
	} else if (buf) {
		snprintf(why, why_size, "%s", SDL_GetError());
	}
	free(buf);
	return s;
}
