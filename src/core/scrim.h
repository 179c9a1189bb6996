/*
 * scrim: the layer drawn between a picture and the text over it (a
 * background_image, or a full-bleed "cover" picture), as light as it can
 * be while every text colour keeps LINT_MIN_CONTRAST (4.5:1, WCAG AA)
 * against every pixel sampled under the text.
 *
 * The scrim is black or white, whichever needs less opacity, and covers
 * the picture evenly. The samples are the picture's own pixels as drawn
 * (render.c reads them under each line of text); the blend is the
 * renderer's: each channel moved alpha/255 of the way to the scrim's.
 * Pure C.
 */
#ifndef VITRINE_SCRIM_H
#define VITRINE_SCRIM_H

#include <stddef.h>
#include <stdint.h>

#include "deck.h"

struct scrim {
	struct deck_color color; /* black or white */
	uint8_t alpha;           /* 0: no scrim needed */
	double before;           /* the worst contrast without a scrim */
	double after;            /* with it */
};

/*
 * The lightest scrim that gives each of the n_text colours at least min
 * contrast against each of the n pixels px; when none does, the one that
 * comes closest (alpha 255). With no text or no pixels, no scrim.
 */
struct scrim scrim_choose(const struct deck_color *text, size_t n_text,
                          const struct deck_color *px, size_t n, double min);

/* The worst contrast of the text colours against px under color at alpha. */
double scrim_worst(const struct deck_color *text, size_t n_text,
                   const struct deck_color *px, size_t n,
                   struct deck_color color, uint8_t alpha);

#endif
