/*
 * jpeg: libjpeg's scaled decoding into shrink.h, libexif's orientation;
 * see jpeg.h.
 */
#include "jpeg.h"

#include <libexif/exif-data.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>

#include <jerror.h>
#include <jpeglib.h>

#include "shrink.h"

int
jpeg_orientation(const unsigned char *buf, size_t len)
{
	ExifData *ed = len <= 0xffffffffu
	                       ? exif_data_new_from_data(buf, (unsigned)len)
	                       : NULL;
	ExifEntry *e;
	int v = 1;

	if (!ed)
		return 1;
	e = exif_data_get_entry(ed, EXIF_TAG_ORIENTATION);
	if (e && e->format == EXIF_FORMAT_SHORT && e->components >= 1 &&
	    e->size >= 2)
		v = exif_get_short(e->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
	return v >= 1 && v <= 8 ? v : 1;
}

/* libjpeg's error manager, which jumps back instead of exiting. */
struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
	char msg[JMSG_LENGTH_MAX];
};

static void
on_error(j_common_ptr cinfo)
{
	struct jerr *e = (struct jerr *)cinfo->err;

	e->mgr.format_message(cinfo, e->msg);
	longjmp(e->back, 1);
}

/* A warning (data cut short, a corrupt segment) is an error too: the
 * picture would show with a grey or garbled part. */
static void
on_message(j_common_ptr cinfo, int level)
{
	if (level < 0)
		on_error(cinfo);
}

/* Everything a decode holds, so that one path frees it after a jump. */
struct decode {
	struct jpeg_decompress_struct cinfo;
	struct jerr err;
	struct shrink shrink;
	SDL_Surface *out;
	unsigned char *row;
	bool cmyk; /* a colour space vitrine does not convert */
	bool done; /* decoded whole */
};

/* The smallest libjpeg scale (n/8) whose output is at least tw x th. */
static void
choose_scale(struct jpeg_decompress_struct *cinfo, int tw, int th)
{
	cinfo->scale_denom = 8;
	for (unsigned n = 1; n <= 8; n++) {
		cinfo->scale_num = n;
		jpeg_calc_output_dimensions(cinfo);
		if ((int)cinfo->output_width >= tw &&
		    (int)cinfo->output_height >= th)
			return;
	}
}

/* Decodes into d->out; may jump to d->err.back. */
static void
run(struct decode *d, const unsigned char *buf, size_t len, int tw, int th)
{
	struct jpeg_decompress_struct *ci = &d->cinfo;

	jpeg_mem_src(ci, buf, (unsigned long)len);
	jpeg_read_header(ci, TRUE);
	d->cmyk = ci->jpeg_color_space == JCS_CMYK ||
	          ci->jpeg_color_space == JCS_YCCK;
	if (d->cmyk)
		ERREXIT(ci, JERR_CONVERSION_NOTIMPL);
	ci->out_color_space = JCS_EXT_RGBA;
	ci->dct_method = JDCT_ISLOW;
	choose_scale(ci, tw, th);
	jpeg_start_decompress(ci);
	tw = SDL_min(tw, (int)ci->output_width);
	th = SDL_min(th, (int)ci->output_height);
	d->out = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32,
	                                        SDL_PIXELFORMAT_RGBA32);
	d->row = malloc((size_t)ci->output_width * 4);
	if (!d->out || !d->row || d->out->pitch != tw * 4 ||
	    shrink_init(&d->shrink, (int)ci->output_width,
	                (int)ci->output_height, tw, th, d->out->pixels) < 0)
		ERREXIT(ci, JERR_OUT_OF_MEMORY);
	while (ci->output_scanline < ci->output_height) {
		JSAMPROW rows[1] = { d->row };

		jpeg_read_scanlines(ci, rows, 1);
		shrink_row(&d->shrink, d->row);
	}
	jpeg_finish_decompress(ci);
}

SDL_Surface *
jpeg_decode(const unsigned char *buf, size_t len, int tw, int th, char *why,
            size_t why_size)
{
	struct decode *d = calloc(1, sizeof(*d));
	SDL_Surface *out;

	if (!d) {
		snprintf(why, why_size, "out of memory");
		return NULL;
	}
	d->cinfo.err = jpeg_std_error(&d->err.mgr);
	d->err.mgr.error_exit = on_error;
	d->err.mgr.emit_message = on_message;
	jpeg_create_decompress(&d->cinfo);
	if (setjmp(d->err.back) == 0) {
		run(d, buf, len, tw, th);
		d->done = true;
	} else if (d->cmyk) {
		snprintf(why, why_size,
		         "a CMYK JPEG (made for print); save it as an RGB "
		         "JPEG");
	} else {
		snprintf(why, why_size,
		         "the JPEG is damaged or cut short (%s); save it again "
		         "as an RGB JPEG",
		         d->err.msg);
	}
	jpeg_destroy_decompress(&d->cinfo);
	shrink_destroy(&d->shrink);
	out = d->done ? d->out : NULL;
	if (!d->done)
		SDL_FreeSurface(d->out);
	free(d->row);
	free(d);
	return out;
}
