/*
 * test_qr: the module size rule (a module at least 1/100 of the screen's
 * shorter side, whole pixels) and the encoder's limits: the smallest code
 * that holds the text, at most version 6 (106 bytes), finder patterns in
 * three corners.
 */
#include "qr.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The rule against the 55-inch screen it comes from: a 16:9 55-inch
 * panel is 684.9 mm tall; a module must be at least 2 m / 300. */
static void
test_module_rule(void)
{
	static const int sides[] = { 1080, 720, 2160, 768, 480, 64, 1 };
	double mm_per_px = 684.9 / 1080;

	CHECK_INT(qr_min_module_px(1080), 11);
	CHECK_INT(qr_min_module_px(480), 5);
	CHECK_INT(qr_min_module_px(2160), 22);
	CHECK_INT(qr_min_module_px(720), 8);
	CHECK_INT(qr_min_module_px(0), 1);
	CHECK(qr_min_module_px(1080) * mm_per_px >= 2000.0 / 300);
	for (size_t k = 0; k < sizeof(sides) / sizeof(*sides); k++) {
		int px = qr_min_module_px(sides[k]);

		/* whole pixels, never under S / 100, at most 1 px over */
		CHECK(px >= 1 && px * 100 >= sides[k]);
		CHECK((px - 1) * 100 < sides[k] || px == 1);
	}
	CHECK_INT(qr_total_modules(21), 29);
}

/* Whether the 7x7 finder pattern's dark ring is at x, y. */
static bool
finder_at(const unsigned char *m, int size, int x, int y)
{
	for (int k = 0; k < 7; k++)
		if (!m[y * size + x + k] || !m[(y + 6) * size + x + k] ||
		    !m[(y + k) * size + x] || !m[(y + k) * size + x + 6])
			return false;
	return !m[(y + 1) * size + x + 1] && m[(y + 3) * size + x + 3];
}

static void
test_encode(void)
{
	const char *url = "https://example.org/feedback";
	unsigned char *m;
	int size;

	CHECK_INT(qr_encode(url, strlen(url), &m, &size), 0);
	CHECK_INT(size, 29); /* 28 bytes at level M: version 3 */
	CHECK(m && finder_at(m, size, 0, 0) &&
	      finder_at(m, size, size - 7, 0) &&
	      finder_at(m, size, 0, size - 7));
	CHECK(!finder_at(m, size, size - 7, size - 7));
	free(m);
	CHECK_INT(qr_encode("A", 1, &m, &size), 0);
	CHECK_INT(size, 21);
	free(m);
}

static void
test_limits(void)
{
	char text[QR_MAX_BYTES + 2];
	unsigned char *m;
	int size;

	memset(text, 'x', sizeof(text));
	CHECK_INT(qr_encode(text, QR_MAX_BYTES, &m, &size), 0);
	CHECK_INT(size, 17 + 4 * QR_MAX_VERSION);
	free(m);
	CHECK_INT(qr_encode(text, QR_MAX_BYTES + 1, &m, &size), -1);
	CHECK(m == NULL && size == 0);
	CHECK_INT(qr_encode(text, 0, &m, &size), -1);
	CHECK(m == NULL);
}

int
main(void)
{
	RUN(test_module_rule);
	RUN(test_encode);
	RUN(test_limits);
	return check_done("test_qr");
}
