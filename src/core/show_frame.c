/*
 * show_frame: what to draw at a given time (show.h's show_frame): the
 * slide or the transition and how far it is, blanking, the dwell bar.
 */
#include "show.h"
#include "show_internal.h"

#include <assert.h>

/* Eases out (quick to answer a key, gentle as it lands); 1 from t = 1 on. */
static double
ease_out(double t)
{
	return t >= 1 ? 1 : 1 - (1 - t) * (1 - t);
}

static double
transition_progress(const struct show *s, uint64_t now)
{
	if (s->tr.length_ms == 0)
		return 1;
	return ease_out((double)show_since(now, s->tr.start_ms) /
	                s->tr.length_ms);
}

static double
dwell_fraction(const struct show *s, uint64_t now)
{
	double f = (double)show_dwell_elapsed(s, now) / show_dwell_ms(s);

	return f > 1 ? 1 : f;
}

void
show_frame(const struct show *s, uint64_t now, struct show_frame *f)
{
	assert(s && f);
	*f = (struct show_frame){ 0 };
	f->index = f->from = f->to = s->index;
	f->kind = s->cfg.slides[s->index].transition;
	f->direction = 1;
	f->progress = 1;
	if (s->tr.active) {
		f->in_transition = true;
		f->from = s->tr.from;
		f->to = s->tr.to;
		f->kind = s->tr.kind;
		f->direction = s->tr.direction;
		f->progress = transition_progress(s, now);
	}
	f->blank = s->blank;
	f->dwell = dwell_fraction(s, now);
	f->cycling = show_is_cycling(s);
	f->paused = s->paused;
	f->interacting = s->interacting;
	f->digits = s->digits;
}
