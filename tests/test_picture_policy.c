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
	static const unsigned char gif[] = "GIF89a....";
	uint32_t w = 0, h = 0;

	CHECK_INT(picture_header_size(b, sizeof(b), &w, &h), 'j');
	CHECK_INT(w, 640);
	CHECK_INT(h, 480);
	CHECK_INT(picture_header_size(no_frame, sizeof(no_frame), &w, &h), -1);
	CHECK_INT(picture_header_size(gif, sizeof(gif) - 1, &w, &h), 0);
	CHECK_INT(picture_header_size(b, 2, &w, &h), 0);
}

int
main(void)
{
	RUN(test_path_rules);
	RUN(test_inside);
	RUN(test_png_header);
	RUN(test_jpeg_header);
	return check_done("test_picture_policy");
}
