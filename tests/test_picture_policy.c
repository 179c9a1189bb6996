/*
 * test_picture_policy: the rules every deck picture passes, in the loader
 * and in the renderer alike: path rules, containment and the size a PNG or
 * JPEG header declares.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "picture_policy.h"

static void
test_path_rules(void)
{
	static const struct {
		const char *rel;
		const char *problem; /* start of the message, or NULL */
	} cases[] = {
		{ "photo.png", NULL },
		{ "images/photo.png", NULL },
		{ "a..b/c...png", NULL },
		{ "images\\photo.png", "use '/'" },
		{ "images/\tphoto.png", "a tab or line break" },
		{ "/etc/passwd", "an absolute path" },
		{ "../photo.png", "\"..\" leads out" },
		{ "images/../../photo.png", "\"..\" leads out" },
		{ "images/..", "\"..\" leads out" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = picture_path_problem(cases[i].rel);

		if (!cases[i].problem)
			CHECK(got == NULL);
		else
			CHECK(got && !strncmp(got, cases[i].problem,
			                      strlen(cases[i].problem)));
	}
}

static void
test_inside(void)
{
	CHECK(picture_is_inside("/srv/deck/a.png", "/srv/deck"));
	CHECK(picture_is_inside("/srv/deck/img/a.png", "/srv/deck"));
	CHECK(!picture_is_inside("/srv/deck2/a.png", "/srv/deck"));
	CHECK(!picture_is_inside("/srv/deck", "/srv/deck"));
	CHECK(!picture_is_inside("/etc/passwd", "/srv/deck"));
	CHECK(picture_is_inside("/anything", "/"));
}

static void
test_png_header(void)
{
	unsigned char b[24] = { 0x89, 'P', 'N',  'G',  '\r', '\n', 0x1a, '\n',
		                0,    0,   0,    13,   'I',  'H',  'D',  'R',
		                0,    0,   0x1f, 0x40, 0,    0,    0x17, 0x70 };
	uint32_t w = 0, h = 0;

	CHECK_INT(picture_header_size(b, sizeof(b), &w, &h), 'p');
	CHECK_INT(w, 8000);
	CHECK_INT(h, 6000);
	CHECK_INT(picture_header_size(b, 20, &w, &h), -1); /* cut short */
	memcpy(b + 12, "IDAT", 4);
	CHECK_INT(picture_header_size(b, sizeof(b), &w, &h), -1);
}

static void
test_jpeg_header(void)
{
	/* SOI, an APP0 segment of 4 bytes, two garbage bytes, fill bytes,
	 * then SOF0 declaring 480 high and 640 wide */
	static const unsigned char b[] = { 0xff, 0xd8, 0xff, 0xe0, 0,    4,
		                           'J',  'F',  0x12, 0x34, 0xff, 0xff,
		                           0xc0, 0,    17,   8,    0x01, 0xe0,
		                           0x02, 0x80, 3 };
	static const unsigned char no_frame[] = {
		0xff, 0xd8, 0xff, 0xda, 0, 2
	};
	static const unsigned char bmp[] = "BM......";
	uint32_t w = 0, h = 0;

	CHECK_INT(picture_header_size(b, sizeof(b), &w, &h), 'j');
	CHECK_INT(w, 640);
	CHECK_INT(h, 480);
	CHECK_INT(picture_header_size(no_frame, sizeof(no_frame), &w, &h), -1);
	CHECK_INT(picture_header_size(bmp, sizeof(bmp) - 1, &w, &h), 0);
	CHECK_INT(picture_header_size(b, 2, &w, &h), 0);
}

/* GIF's logical screen; WebP's three kinds of first chunk. */
static void
test_gif_webp_header(void)
{
	static const unsigned char gif[] = "GIF89a\x96\x00\x64\x00";
	unsigned char lossy[30] = "RIFF\0\0\0\0WEBPVP8 ";
	unsigned char lossless[25] = "RIFF\0\0\0\0WEBPVP8L";
	unsigned char extended[30] = "RIFF\0\0\0\0WEBPVP8X";
	uint32_t w = 0, h = 0;

	CHECK_INT(picture_header_size(gif, 10, &w, &h), PICTURE_GIF);
	CHECK_INT(w, 150);
	CHECK_INT(h, 100);
	CHECK_INT(picture_header_size(gif, 8, &w, &h), -1);
	memcpy(lossy + 23, "\x9d\x01\x2a\x80\x02\xe0\x01", 7);
	CHECK_INT(picture_header_size(lossy, 30, &w, &h), PICTURE_WEBP);
	CHECK_INT(w, 640);
	CHECK_INT(h, 480);
	/* 0x2f, then 14 bits of width - 1 (99) and of height - 1 (49) */
	lossless[20] = 0x2f;
	lossless[21] = 99;
	lossless[22] = (49 << 6) & 0xff;
	lossless[23] = 49 >> 2;
	CHECK_INT(picture_header_size(lossless, 25, &w, &h), PICTURE_WEBP);
	CHECK_INT(w, 100);
	CHECK_INT(h, 50);
	memcpy(extended + 24, "\x3f\x1f\x00\x6f\x17\x00", 6);
	CHECK_INT(picture_header_size(extended, 30, &w, &h), PICTURE_WEBP);
	CHECK_INT(w, 8000);
	CHECK_INT(h, 6000);
	CHECK_INT(picture_header_size(extended, 20, &w, &h), -1);
}

/* The limits: a 48 MP photo passes; too large or empty does not. */
static void
test_limits(void)
{
	char buf[256];
	const unsigned char bmp[] = "BM", svg[] = "<svg xmlns";

	CHECK(picture_size_problem(8000, 6000, buf, sizeof(buf)) == NULL);
	CHECK(picture_size_problem(16384, 4096, buf, sizeof(buf)) == NULL);
	CHECK(picture_size_problem(16385, 100, buf, sizeof(buf)) != NULL);
	CHECK(picture_size_problem(12000, 9000, buf, sizeof(buf)) != NULL);
	CHECK(strstr(buf, "12000x9000 pixels (108 MP)") != NULL);
	CHECK(picture_size_problem(0, 10, buf, sizeof(buf)) != NULL);
	CHECK_STR(picture_other_format(bmp, 2), "a BMP");
	CHECK_STR(picture_other_format(svg, 10), "an SVG");
	CHECK(picture_other_format(svg, 3) == NULL);
	/* a JPEG decodes scaled: 8000x6000 for 1296x972 at 2/8 */
	CHECK_INT(picture_decode_bytes(PICTURE_JPEG, 8000, 6000, 1296, 972),
	          2000 * 1500 * 4);
	CHECK_INT(picture_decode_bytes(PICTURE_PNG, 8000, 6000, 1296, 972),
	          8000ll * 6000 * 4);
}

int
main(void)
{
	RUN(test_path_rules);
	RUN(test_inside);
	RUN(test_png_header);
	RUN(test_jpeg_header);
	RUN(test_gif_webp_header);
	RUN(test_limits);
	return check_done("test_picture_policy");
}
