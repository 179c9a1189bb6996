/*
 * image: a deck's picture read through the guards and decoded at the size
 * it is shown at; see image.h.
 *
 * The path is resolved and checked first (inside the deck's folder, a
 * regular file, not too large); the file is then opened without blocking
 * and must be the same file; what is read must be an accepted format whose
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

#include "jpeg.h"
#include "orientation.h"
#include "picture.h"
#include "picture_fit.h"
#include "picture_policy.h"
#include "shrink.h"
#include "util.h"

#define PROBE_BYTES (256u << 10) /* read for a header */

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
		snprintf(why, why_size, "not a regular file; give a %s file",
		         PICTURE_FORMATS);
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
 * Fills info's format and stored size from the len bytes at buf when they
 * are an accepted format within the limits; else -1 with the reason.
 */
static int
check_header(const unsigned char *buf, size_t len, struct image_info *info,
             char *why, size_t why_size)
{
	uint32_t w = 0, h = 0;
	int format = picture_header_size(buf, len, &w, &h);
	const char *other = picture_other_format(buf, len);

	if (format == PICTURE_NONE) {
		snprintf(why, why_size,
		         "%s%s; vitrine shows %s pictures: "
		         "convert it to PNG or JPEG",
		         other ? other : "not a picture it knows",
		         other ? " file" : "", PICTURE_FORMATS);
		return -1;
	}
	if (format < 0) {
		snprintf(why, why_size,
		         "a broken %s header; save the picture again",
		         picture_format_name(buf[0] == 0x89  ? PICTURE_PNG
		                             : buf[0] == 'G' ? PICTURE_GIF
		                             : buf[0] == 'R' ? PICTURE_WEBP
		                                             : PICTURE_JPEG));
		return -1;
	}
	if (picture_size_problem(w, h, why, why_size))
		return -1;
	info->format = format;
	info->w = (int)w;
	info->h = (int)h;
	return 0;
}

/*
 * At most max bytes of the file at path, once it passed the guards of
 * open_checked; *len receives how many and info->bytes the file's size.
 * NULL with the reason in why. The caller frees.
 */
static unsigned char *
read_file(const char *dir, char **dir_real, const char *path, size_t max,
          size_t *len, struct image_info *info, char *why, size_t why_size)
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
	info->bytes = (long long)size;
	if (util_read_bounded(fd, (size_t)size, max, &data, len) < 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	if (max == PICTURE_MAX_BYTES && *len > PICTURE_MAX_BYTES) {
		describe_size(why, why_size, (off_t)*len);
		free(data);
		return NULL;
	}
	*len = *len < max ? *len : max;
	return (unsigned char *)data;
}

/* Turns info's stored size upright after reading the orientation. */
static void
note_orientation(const unsigned char *buf, size_t len, struct image_info *info)
{
	info->orientation =
	        info->format == PICTURE_JPEG ? jpeg_orientation(buf, len) : 1;
	orientation_size(orientation_from_exif(info->orientation), info->w,
	                 info->h, &info->w, &info->h);
}

int
image_probe(const char *dir, char **dir_real, const char *path,
            struct image_info *info, char *why, size_t why_size)
{
	size_t len;
	unsigned char *buf = read_file(dir, dir_real, path, PROBE_BYTES, &len,
	                               info, why, why_size);
	int rc;

	if (!buf)
		return -1;
	rc = check_header(buf, len, info, why, why_size);
	if (rc < 0 && len < (size_t)info->bytes) { /* the size is further on */
		free(buf);
		buf = read_file(dir, dir_real, path, PICTURE_MAX_BYTES, &len,
		                info, why, why_size);
		rc = buf ? check_header(buf, len, info, why, why_size) : -1;
	}
	if (rc == 0)
		note_orientation(buf, len, info);
	free(buf);
	return rc;
}

/* Whether full's rows can be converted one by one (no palette, no colour
 * key, which SDL_ConvertPixels cannot take). */
static bool
by_rows(SDL_Surface *full)
{
	return !SDL_ISPIXELFORMAT_INDEXED(full->format->format) &&
	       !SDL_HasColorKey(full);
}

/* Feeds full's rows, as RGBA32, to sh; row holds one. */
static void
feed_rows(SDL_Surface *full, struct shrink *sh, uint8_t *row)
{
	for (int y = 0; y < full->h; y++) {
		const uint8_t *src =
		        (uint8_t *)full->pixels + (size_t)y * full->pitch;

		if (full->format->format != SDL_PIXELFORMAT_RGBA32) {
			SDL_ConvertPixels(full->w, 1, full->format->format, src,
			                  full->pitch, SDL_PIXELFORMAT_RGBA32,
			                  row, full->w * 4);
			src = row;
		}
		shrink_row(sh, src);
	}
}

/*
 * full, any format, scaled down to tw x th into a new RGBA32 surface, row
 * by row (a whole copy only for palettes and colour keys); full is freed.
 * NULL with the reason in why.
 */
static SDL_Surface *
shrink_surface(SDL_Surface *full, int tw, int th, char *why, size_t why_size)
{
	SDL_Surface *src = full, *out = NULL;
	uint8_t *row = NULL;
	struct shrink sh;

	if (!by_rows(full)) {
		src = SDL_ConvertSurfaceFormat(full, SDL_PIXELFORMAT_RGBA32, 0);
		SDL_FreeSurface(full);
	}
	tw = src ? SDL_min(tw, src->w) : tw;
	th = src ? SDL_min(th, src->h) : th;
	out = src ? SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32,
	                                           SDL_PIXELFORMAT_RGBA32)
	          : NULL;
	row = src ? malloc((size_t)src->w * 4) : NULL;
	if (!out || !row || out->pitch != tw * 4 ||
	    shrink_init(&sh, src->w, src->h, tw, th, out->pixels) < 0) {
		snprintf(why, why_size, "%s", SDL_GetError());
		SDL_FreeSurface(out);
		out = NULL;
	} else {
		feed_rows(src, &sh, row);
		shrink_destroy(&sh);
	}
	free(row);
	SDL_FreeSurface(src);
	return out;
}

/* The len bytes at buf, of info's format, decoded to tw x th as stored. */
static SDL_Surface *
decode(const unsigned char *buf, size_t len, const struct image_info *info,
       int tw, int th, char *why, size_t why_size)
{
	SDL_RWops *rw;
	SDL_Surface *full;

	if (info->format == PICTURE_JPEG)
		return jpeg_decode(buf, len, tw, th, why, why_size);
	rw = SDL_RWFromConstMem(buf, (int)len);
	full = rw ? picture_decode(rw, info->format) : NULL;
	if (rw)
		SDL_RWclose(rw);
	if (!full) {
		snprintf(why, why_size, "%s; check the file is a %s",
		         SDL_GetError(), picture_format_name(info->format));
		return NULL;
	}
	return shrink_surface(full, tw, th, why, why_size);
}

/* s turned upright by EXIF orientation o; s is freed. */
static SDL_Surface *
upright(SDL_Surface *s, int o, char *why, size_t why_size)
{
	struct orientation turn = orientation_from_exif(o);
	SDL_Surface *out;
	int w, h;

	if (!s || o == 1)
		return s;
	orientation_size(turn, s->w, s->h, &w, &h);
	out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                     SDL_PIXELFORMAT_RGBA32);
	if (out && out->pitch == w * 4 && s->pitch == s->w * 4)
		orientation_apply(turn, s->pixels, s->w, s->h, out->pixels);
	else
		snprintf(why, why_size, "%s", SDL_GetError());
	SDL_FreeSurface(s);
	return out;
}

SDL_Surface *
image_load(const char *dir, char **dir_real, const char *path, int bw, int bh,
           enum deck_fit fit, struct image_info *info, char *why,
           size_t why_size)
{
	size_t len;
	unsigned char *buf = read_file(dir, dir_real, path, PICTURE_MAX_BYTES,
	                               &len, info, why, why_size);
	SDL_Surface *s = NULL;
	int tw, th;

	if (buf && check_header(buf, len, info, why, why_size) == 0) {
		note_orientation(buf, len, info);
		picture_fit_target(info->w, info->h, bw, bh, fit, &tw, &th);
		if (orientation_from_exif(info->orientation).turns % 2)
			s = decode(buf, len, info, th, tw, why, why_size);
		else
			s = decode(buf, len, info, tw, th, why, why_size);
	}
	free(buf);
	return upright(s, info->orientation, why, why_size);
}
