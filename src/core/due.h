/*
 * due: which slides are due at a moment, and when that next changes. A
 * slide with a window ("when": dates, weekdays, from and until, in the
 * deck's time zone) is due inside it; a countdown with no "after" is due
 * until its moment. Lobby and kiosk cycle through the due slides only;
 * when none is, the deck's fallback slide shows (else the holding slide).
 * Pure C over explicit times (ms since the epoch); the zone is civil.h's.
 */
#ifndef VITRINE_DUE_H
#define VITRINE_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"

#define DUE_NONE ((size_t)-1)

/* The moment slide s counts down to (its "until"), as ms since the
 * epoch; false when it has none. */
bool due_until(const struct deck_slide *s, int64_t *ms);

/* Whether slide i of d is due at now_ms. */
bool due_slide(const struct deck *d, size_t i, int64_t now_ms);

/* Whether any slide of d has a window or a countdown that can end: when
 * not, every slide is always due and nothing needs computing. */
bool due_varies(const struct deck *d);

/* The first instant after now_ms at which a slide may start or stop being
 * due; INT64_MAX when none ever does. */
int64_t due_next_change(const struct deck *d, int64_t now_ms);

/* The index of the slide settings.fallback names, or DUE_NONE. */
size_t due_fallback(const struct deck *d);

#endif
