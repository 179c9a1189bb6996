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
#include "picture_policy.h"
#include "util.h"

static void
describe_size(char *why, size_t size, off_t bytes)
{
	snprintf(why, size,
	         "too large (%.1f MiB); an image may be at most %u MiB",
	         (double)bytes / (1 << 20), PICTURE_MAX_BYTES >> 20);
}

/*
 * The file at path opened for reading once its real path is inside
 * dir_real, a regular file of at most PICTURE_MAX_BYTES, and the file
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
	if (!picture_is_inside(real, dir_real)) {
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
	if (st.st_size > (off_t)PICTURE_MAX_BYTES) {
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
	int kind = picture_header_size(buf, len, &w, &h);

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
	if (w == 0 || h == 0 || w > PICTURE_MAX_SIDE || h > PICTURE_MAX_SIDE) {
		snprintf(why, why_size,
		         "%" PRIu32 "x%" PRIu32 " pixels; an image may be at "
		         "most %dx%d, scale it down",
		         w, h, PICTURE_MAX_SIDE, PICTURE_MAX_SIDE);
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
	if (util_read_bounded(fd, (size_t)size, PICTURE_MAX_BYTES, &data, len) <
	    0) {
		snprintf(why, why_size, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	if (*len > PICTURE_MAX_BYTES) {
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
