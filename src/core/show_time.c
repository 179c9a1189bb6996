/*
 * show_time: the show against the wall clock: slides that are not due
 * (due.h) passed by, a screen kept in step (sync.h), the show held under an
 * announcement. Part of the state machine; see show.h.
 */
#include "show.h"
#include "show_internal.h"

/* The first slide from i on (i itself when dir is 0) that the cycle
 * shows, stepping by dir (+1 or -1) round the deck; SIZE_MAX when none is
 * due. Present mode shows every slide. */
size_t
show_due_from(const struct show *s, size_t i, int dir)
{
	size_t n = s->cfg.n_slides;

	for (size_t k = dir == 0 ? 0 : 1; k <= n; k++) {
		size_t j = dir < 0 ? (i + n - k % n) % n : (i + k) % n;

		if (!show_wraps(s) || !s->cfg.slides[j].skip)
			return j;
		if (dir == 0)
			dir = 1;
	}
	return SIZE_MAX;
}

unsigned
show_refresh_due(struct show *s, uint64_t now, struct show_trace *trace)
{
	struct show_trace local;
	unsigned changes;
	size_t j;

	if (!trace)
		trace = &local;
	show_trace_start(trace, s, SHOW_NEXT, SHOW_SOURCE_TIMER);
	j = show_due_from(s, s->index, 0);
	if (j == SIZE_MAX || j == s->index)
		return show_noted(trace,
		                  j == SIZE_MAX ? "no slide is due" : "due",
		                  SHOW_CHANGE_NONE);
	changes = show_go(s, j, 1, now, trace);
	trace->to = s->index;
	return changes;
}

unsigned
show_sync(struct show *s, size_t index, uint32_t into_ms, uint64_t now,
          struct show_trace *trace)
{
	struct show_trace local;
	size_t from = s->index;

	if (!trace)
		trace = &local;
	show_trace_start(trace, s, SHOW_GOTO, SHOW_SOURCE_TIMER);
	if (!show_is_cycling(s) || s->tr.active || index >= s->cfg.n_slides)
		return show_noted(trace, "not cycling", SHOW_CHANGE_NONE);
	s->index = index;
	s->dwell_start_ms = now >= into_ms ? now - into_ms : 0;
	trace->to = index;
	return show_noted(trace, "in step with the clock",
	                  index != from ? SHOW_CHANGE_SLIDE | SHOW_CHANGE_REDRAW
	                                : SHOW_CHANGE_NONE);
}

void
show_hold(struct show *s, bool held, uint64_t now)
{
	bool was = show_is_cycling(s);

	s->held = held;
	show_rehold(s, was, now);
}

size_t
show_next_index(const struct show *s)
{
	if (!show_wraps(s))
		return s->index + 1 < s->cfg.n_slides ? s->index + 1
		                                      : SHOW_NO_SLIDE;
	return show_due_from(s, s->index, 1);
}

bool
show_any_due(const struct show *s)
{
	return show_due_from(s, s->index, 0) != SIZE_MAX;
}
