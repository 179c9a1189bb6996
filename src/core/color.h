/*
 * color: what the layout and the lint need to know of colours: WCAG 2
 * contrast between two, and a mix of two.
 */
#ifndef VITRINE_COLOR_H
#define VITRINE_COLOR_H

#include "deck.h"

/* WCAG 2 contrast ratio of two colours, from 1 to 21. */
double color_contrast(struct deck_color a, struct deck_color b);

/* a moved the share t (0 to 1) of the way to b, each channel rounded. */
struct deck_color color_mix(struct deck_color a, struct deck_color b, double t);

#endif
