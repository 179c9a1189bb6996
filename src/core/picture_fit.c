/*
 * picture_fit: the drawn and kept size of a picture; see picture_fit.h.
 */
#include "picture_fit.h"

#include <math.h>

static double
dmin(double a, double b)
{
	return a < b ? a : b;
}

static double
dmax(double a, double b)
{
	return a > b ? a : b;
}

double
picture_fit_scale(int pw, int ph, int bw, int bh, enum deck_fit fit)
{
	double sx, sy;

	if (pw <= 0 || ph <= 0 || bw <= 0 || bh <= 0)
		return 1;
	sx = (double)bw / pw;
	sy = (double)bh / ph;
	if (fit == DECK_FIT_COVER)
		return dmax(sx, sy);
	return dmin(dmin(sx, sy), PICTURE_MAX_ENLARGE);
}

static int
imin_fit(int a, int b)
{
	return a < b ? a : b;
}

/* n x s rounded, at least 1. */
static int
scaled(int n, double s)
{
	long v = lround(n * s);

	return v < 1 ? 1 : (int)v;
}

void
picture_fit_target(int pw, int ph, int bw, int bh, enum deck_fit fit, int *tw,
                   int *th)
{
	double s = dmin(picture_fit_scale(pw, ph, bw, bh, fit), 1);

	*tw = scaled(pw > 0 ? pw : 1, s);
	*th = scaled(ph > 0 ? ph : 1, s);
}

/* A w x h rectangle centred in b. */
static struct layout_rect
centred(struct layout_rect b, int w, int h)
{
	return (struct layout_rect){ b.x + (b.w - w) / 2, b.y + (b.h - h) / 2,
		                     w, h };
}

void
picture_fit_place(int pw, int ph, struct layout_rect box, enum deck_fit fit,
                  struct layout_rect *dst, struct layout_rect *crop)
{
	double s = picture_fit_scale(pw, ph, box.w, box.h, fit);
	struct layout_rect all = { 0, 0, pw, ph };

	if (fit == DECK_FIT_COVER) {
		*dst = box;
		*crop = centred(all, imin_fit(pw, scaled(box.w, 1 / s)),
		                imin_fit(ph, scaled(box.h, 1 / s)));
		return;
	}
	*crop = all;
	*dst = centred(box, scaled(pw, s), scaled(ph, s));
}
