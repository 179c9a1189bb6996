/*
 * shrink: area-averaging downscale fed by rows; see shrink.h.
 *
 * Exact edges in integers: source column x spans [x*tw, (x+1)*tw) and
 * output column ox spans [ox*sw, (ox+1)*sw) in the same units, so a source
 * column (tw <= sw) falls in one output column or straddles two; rows
 * likewise with th and sh.
 */
#include "shrink.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

int
shrink_init(struct shrink *s, int sw, int sh, int tw, int th, uint8_t *out)
{
	memset(s, 0, sizeof(*s));
	if (sw < 1 || sh < 1 || tw < 1 || th < 1 || tw > sw || th > sh)
		return -1;
	*s = (struct shrink){ sw, sh, tw, th, out, NULL, NULL, NULL, NULL, 0 };
	s->acc = xcalloc((size_t)tw * 4, sizeof(float));
	s->row = xcalloc((size_t)tw * 4, sizeof(float));
	s->col = xcalloc((size_t)sw, sizeof(int));
	s->share = xcalloc((size_t)sw, sizeof(float));
	for (int x = 0; x < sw; x++) {
		int64_t lo = (int64_t)x * tw, end;

		s->col[x] = (int)(lo / sw);
		end = (int64_t)(s->col[x] + 1) * sw;
		s->share[x] = lo + tw <= end ? 1 : (float)(end - lo) / tw;
	}
	return 0;
}

/* Adds w of pixel p, alpha-weighted, to the 4 floats at a. */
static void
add_pixel(float *a, const uint8_t *p, float w)
{
	float wa = w * p[3];

	a[0] += wa * p[0];
	a[1] += wa * p[1];
	a[2] += wa * p[2];
	a[3] += wa;
}

/* s->row: the source row rgba summed into output columns. */
static void
reduce(struct shrink *s, const uint8_t *rgba)
{
	float k = (float)s->tw / s->sw; /* a source column's width */

	memset(s->row, 0, (size_t)s->tw * 4 * sizeof(float));
	for (int x = 0; x < s->sw; x++) {
		float *a = s->row + (size_t)s->col[x] * 4;

		add_pixel(a, rgba + (size_t)x * 4, k * s->share[x]);
		if (s->share[x] < 1 && s->col[x] + 1 < s->tw)
			add_pixel(a + 4, rgba + (size_t)x * 4,
			          k * (1 - s->share[x]));
	}
}

static void
add_row(struct shrink *s, float w)
{
	for (size_t i = 0; i < (size_t)s->tw * 4; i++)
		s->acc[i] += w * s->row[i];
}

static uint8_t
byte(float v)
{
	return v <= 0 ? 0 : v >= 255 ? 255 : (uint8_t)(v + 0.5f);
}

/* Writes output row oy from the sums, and clears them. */
static void
emit(struct shrink *s, int oy)
{
	uint8_t *o = s->out + (size_t)oy * s->tw * 4;

	for (int x = 0; x < s->tw; x++, o += 4) {
		const float *a = s->acc + (size_t)x * 4;

		o[3] = byte(a[3]);
		for (int c = 0; c < 3; c++)
			o[c] = a[3] > 0 ? byte(a[c] / a[3]) : 0;
	}
	memset(s->acc, 0, (size_t)s->tw * 4 * sizeof(float));
}

void
shrink_row(struct shrink *s, const uint8_t *rgba)
{
	int64_t lo, hi, end;
	int oy;

	if (!s->out || s->y >= s->sh)
		return;
	reduce(s, rgba);
	lo = (int64_t)s->y++ * s->th;
	hi = lo + s->th;
	oy = (int)(lo / s->sh);
	end = (int64_t)(oy + 1) * s->sh;
	if (hi <= end) {
		add_row(s, (float)s->th / s->sh);
		if (hi == end)
			emit(s, oy);
		return;
	}
	add_row(s, (float)(end - lo) / s->sh);
	emit(s, oy);
	if (oy + 1 < s->th)
		add_row(s, (float)(hi - end) / s->sh);
}

void
shrink_destroy(struct shrink *s)
{
	free(s->acc);
	free(s->row);
	free(s->col);
	free(s->share);
	memset(s, 0, sizeof(*s));
}
