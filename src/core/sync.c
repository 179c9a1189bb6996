/*
 * sync: the slide the wall clock gives a synchronised loop; see sync.h.
 */
#include "sync.h"

/* Slide i's share of the loop: its dwell time and the transition to the
 * next slide shown. */
static uint64_t
slot_ms(const struct show_slide *slides, size_t n, size_t i,
        uint32_t transition_ms)
{
	const struct show_slide *next = &slides[(i + 1) % n];

	if (slides[i].skip)
		return 0;
	for (size_t k = 2; next->skip && k <= n; k++)
		next = &slides[(i + k) % n];
	return slides[i].dwell_ms +
	       (next->transition == DECK_TRANSITION_NONE ? 0 : transition_ms);
}

int
sync_position(const struct show_slide *slides, size_t n, uint32_t transition_ms,
              int64_t ms_of_day, struct sync_position *pos)
{
	uint64_t loop = 0, at;

	for (size_t i = 0; i < n; i++)
		loop += slot_ms(slides, n, i, transition_ms);
	if (loop == 0 || ms_of_day < 0)
		return -1;
	at = (uint64_t)ms_of_day % loop;
	for (size_t i = 0; i < n; i++) {
		uint64_t slot = slot_ms(slides, n, i, transition_ms);

		if (at < slot) {
			*pos = (struct sync_position){ i, (uint32_t)at };
			return 0;
		}
		at -= slot;
	}
	return -1; /* not reached: at < loop */
}
