/*
 * lint: checks a loaded deck for problems a person would see on screen:
 * text that does not fit at the smallest legible size on one of the common
 * screen sizes, and text colours with too little contrast against their
 * background (WCAG AA, 4.5:1). Adds warnings to a report. Pure C: text is
 * measured through the layout's measurer.
 */
#ifndef VITRINE_LINT_H
#define VITRINE_LINT_H

#include "deck.h"
#include "layout.h"
#include "report.h"

#define LINT_MIN_CONTRAST 4.5

struct lint_size {
	int w, h;
};

/* The screen sizes every deck is checked at. */
extern const struct lint_size lint_sizes[];
extern const size_t lint_n_sizes;

/* WCAG 2 contrast ratio of two colours, from 1 to 21. */
double lint_contrast(struct deck_color a, struct deck_color b);

/* The deck's time windows (lint_time.c): a window that never opens, dates
 * that are not the event's, no fallback between windows. Adds a warning
 * for each; returns how many. */
size_t lint_times(const struct deck *deck, struct report *rep);

/* Adds a warning to rep for each problem found; returns how many. Slides
 * that follow the time (the programme) are laid out as they stand at
 * now_ms (ms since the epoch). */
size_t lint_deck(const struct deck *deck, const struct layout_measurer *m,
                 int64_t now_ms, struct report *rep);

#endif
