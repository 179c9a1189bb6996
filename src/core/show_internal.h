/*
 * show_internal: what show.c, show_time.c and show_frame.c share of the
 * state machine.
 * Private to them; the API is show.h.
 */
#ifndef VITRINE_SHOW_INTERNAL_H
#define VITRINE_SHOW_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "show.h"

/* Ms from then to now, 0 when now is earlier. */
uint64_t show_since(uint64_t now, uint64_t then);

/* How long the current slide has been shown (its dwell clock), and its
 * time on screen. */
uint64_t show_dwell_elapsed(const struct show *s, uint64_t now);
uint32_t show_dwell_ms(const struct show *s);

/* Whether the show advances on its own now (lobby, kiosk at rest). */
bool show_is_cycling(const struct show *s);

/* Call after changing what show_is_cycling reads, with its value before:
 * stops or restarts the dwell clock. */
void show_rehold(struct show *s, bool was_cycling, uint64_t now);

/* Notes why in the trace; returns changes. */
unsigned show_noted(struct show_trace *trace, const char *why,
                    unsigned changes);

/* Starts the trace of an action from source. */
void show_trace_start(struct show_trace *trace, const struct show *s,
                      enum show_action action, enum show_source source);

/* Makes target the current slide, through its transition. */
unsigned show_go(struct show *s, size_t target, int direction, uint64_t now,
                 struct show_trace *trace);

/* Whether next and previous wrap round (lobby and kiosk). */
bool show_wraps(const struct show *s);

/* The first slide from i on (i itself when dir is 0) that the cycle shows,
 * stepping by dir round the deck; SIZE_MAX when none is due. */
size_t show_due_from(const struct show *s, size_t i, int dir);

/* Languages (show_lang.c) */

/* SHOW_LANGUAGE: the next language round the list; returns changes. */
unsigned show_next_language(struct show *s, struct show_trace *trace);

/* Sets the language; SHOW_CHANGE_LANGUAGE | REDRAW when it changed. */
unsigned show_set_language(struct show *s, size_t language);

/* Whether the automatic advance shows the current slide in the next
 * language instead of moving on ("slide" cycle). */
bool show_language_turn(const struct show *s);

/* After the automatic advance moved from slide from: the language the
 * cycle now shows; returns changes. */
unsigned show_language_after_advance(struct show *s, size_t from);

#endif
