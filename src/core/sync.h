/*
 * sync: screens in step, with no protocol of ours. With settings.sync
 * "clock", the slide a lobby shows is computed from the wall clock: the
 * loop of slides (each slide's time on screen and the transition after it)
 * starts again at every local midnight, so every screen running the same
 * deck on a synchronised clock (NTP: systemd-timesyncd or chrony) shows
 * the same slide at the same moment. Pure C.
 */
#ifndef VITRINE_SYNC_H
#define VITRINE_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "show.h"

/* Where the loop is: a slide, and how long it has been fully shown. */
struct sync_position {
	size_t index;
	uint32_t into_ms; /* since it arrived; in its transition when past its
	                     dwell time */
};

/*
 * The position ms_of_day (ms since local midnight) into the loop of the n
 * slides (skipped ones take no time), each taking its dwell time and then
 * transition_ms to give way to the next (none when the next one arrives
 * with no transition). Returns -1 when no slide takes any time.
 */
int sync_position(const struct show_slide *slides, size_t n,
                  uint32_t transition_ms, int64_t ms_of_day,
                  struct sync_position *pos);

#endif
