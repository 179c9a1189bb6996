/*
 * color: contrast and mixing; see color.h.
 */
#include "color.h"

#include <math.h>
#include <stdint.h>

static double
channel(uint8_t v)
{
	double c = v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(struct deck_color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double
color_contrast(struct deck_color a, struct deck_color b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static uint8_t
mix_channel(uint8_t a, uint8_t b, double t)
{
	return (uint8_t)lround(a + (b - a) * t);
}

struct deck_color
color_mix(struct deck_color a, struct deck_color b, double t)
{
	return (struct deck_color){ mix_channel(a.r, b.r, t),
		                    mix_channel(a.g, b.g, t),
		                    mix_channel(a.b, b.b, t) };
}
