/*
 * scrim: the lightest layer that keeps text legible over a picture; see
 * scrim.h.
 */
#include "scrim.h"

#include "color.h"

double
scrim_worst(const struct deck_color *text, size_t n_text,
            const struct deck_color *px, size_t n, struct deck_color color,
            uint8_t alpha)
{
	double worst = 21;

	for (size_t i = 0; i < n; i++) {
		struct deck_color p = color_mix(px[i], color, alpha / 255.0);

		for (size_t t = 0; t < n_text; t++) {
			double c = color_contrast(text[t], p);

			worst = c < worst ? c : worst;
		}
	}
	return worst;
}

/* The least alpha of color that reaches min, or 255 when none does. */
static uint8_t
least_alpha(const struct deck_color *text, size_t n_text,
            const struct deck_color *px, size_t n, struct deck_color color,
            double min)
{
	int lo = 0, hi = 255; /* hi always reaches min, or is 255 */

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (scrim_worst(text, n_text, px, n, color, (uint8_t)mid) >=
		    min)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (uint8_t)lo;
}

struct scrim
scrim_choose(const struct deck_color *text, size_t n_text,
             const struct deck_color *px, size_t n, double min)
{
	const struct deck_color black = { 0, 0, 0 }, white = { 255, 255, 255 };
	struct scrim s = { black, 0, 21, 21 };
	uint8_t ab, aw;
	double wb, ww;

	if (!n_text || !n)
		return s;
	s.before = s.after = scrim_worst(text, n_text, px, n, black, 0);
	if (s.before >= min)
		return s;
	ab = least_alpha(text, n_text, px, n, black, min);
	aw = least_alpha(text, n_text, px, n, white, min);
	wb = scrim_worst(text, n_text, px, n, black, ab);
	ww = scrim_worst(text, n_text, px, n, white, aw);
	if ((wb >= min && (ww < min || ab <= aw)) || (ww < min && wb >= ww)) {
		s.alpha = ab;
		s.after = wb;
	} else {
		s.color = white;
		s.alpha = aw;
		s.after = ww;
	}
	return s;
}
