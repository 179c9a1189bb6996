/*
 * talk: the presenter's talk timer and pace. The timer starts when the
 * presenter first leaves slide 1 (the title can stay up while the room
 * fills) or on a key; it pauses and resets on keys. With a talk length it
 * tells the time left and the pace: the time expected to have passed on
 * slide k of n is length x (k - 0.5) / n; more than TALK_SLACK_MS behind
 * that is "behind", as far ahead is "ahead", past the length is "over".
 * Pure C: times are milliseconds from a monotonic clock, passed in.
 *
 * Usage:
 *	struct talk t;
 *	talk_init(&t);
 *	talk_on_slide(&t, index, now);   after every slide change
 *	talk_toggle(&t, now);            the start/pause key
 *	talk_reset(&t);                  the reset key
 *	talk_text(&t, now, length_ms, index, n, buf, sizeof(buf));
 */
#ifndef VITRINE_TALK_H
#define VITRINE_TALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TALK_SLACK_MS 60000 /* behind or ahead by more than this shows */

enum talk_pace {
	TALK_PACE_NONE,    /* no talk length, or the timer has not started */
	TALK_PACE_ON_TIME, /* within TALK_SLACK_MS of the expected time */
	TALK_PACE_BEHIND,  /* slower than expected */
	TALK_PACE_AHEAD,   /* faster than expected */
	TALK_PACE_OVER,    /* past the talk's length */
};

struct talk {
	bool started;        /* has run at some time since the last reset */
	bool running;        /* counting now */
	uint64_t elapsed_ms; /* counted before since_ms */
	uint64_t since_ms;   /* when it last started counting */
};

void talk_init(struct talk *t);

/* Starts the timer the first time the show leaves slide 1 (index 0). */
void talk_on_slide(struct talk *t, size_t index, uint64_t now);

/* Starts the timer, or pauses or resumes it. */
void talk_toggle(struct talk *t, uint64_t now);

/* Back to 0:00, stopped; it starts again on a key or on leaving slide 1. */
void talk_reset(struct talk *t);

/* Time counted so far. */
uint64_t talk_elapsed(const struct talk *t, uint64_t now);

/* The pace on slide index (0-based) of n, for a talk of length_ms (0: no
 * length given). */
enum talk_pace talk_pace(const struct talk *t, uint64_t now, uint64_t length_ms,
                         size_t index, size_t n);

/* "12:05", "1:02:05": ms as minutes and seconds (hours when there are
 * any), rounded down to the second, into buf. */
void talk_clock_text(uint64_t ms, char *buf, size_t size);

/*
 * The timer's line for the console into buf: "12:05" elapsed with no
 * length; with one, the time left and a word for the pace ("18:00 left ·
 * on time", "behind", "ahead"; past the end "+2:10 over"); "paused" added
 * while paused, "0:00 · starts on slide 2" before it starts.
 */
void talk_text(const struct talk *t, uint64_t now, uint64_t length_ms,
               size_t index, size_t n, char *buf, size_t size);

/* Milliseconds from now to the next change of the timer's text (the next
 * whole second), or UINT64_MAX when it is not counting. */
uint64_t talk_next_change_ms(const struct talk *t, uint64_t now);

#endif
