/*
 * wallclock: the running show against the wall clock (player_internal.h):
 * the slides due now and the kiosk's dots for them, a lobby kept in step
 * with other screens, and when the clocks on screen or the slides due next
 * change.
 */
#include "player_internal.h"

#include <stdlib.h>

#include "civil.h"
#include "controls.h"
#include "due.h"
#include "sync.h"

#define SYNC_SLACK_MS 40 /* drift a synchronised lobby lets pass */

int64_t
player_wall_ms(const struct player *p)
{
	return app_wall_ms(p->wall_offset) + p->frame_ms;
}

/* Ms until wall-clock time at; UINT32_MAX: never. */
static uint32_t
wall_due_ms(const struct player *p, int64_t at)
{
	int64_t left;

	if (at == INT64_MAX)
		return UINT32_MAX;
	left = at - player_wall_ms(p);
	return left <= 0 ? 0 : left >= UINT32_MAX ? UINT32_MAX : (uint32_t)left;
}

/* Ms until a clock or countdown on screen changes; UINT32_MAX: never. */
static uint32_t
tick_due_ms(const struct player *p)
{
	return wall_due_ms(p, p->tick_at);
}

/* Ms until the clocks on screen or the slides due next change;
 * UINT32_MAX: never. */
uint32_t
player_wall_wake_ms(const struct player *p)
{
	uint32_t tick = tick_due_ms(p), due = wall_due_ms(p, p->due_at);

	return tick < due ? tick : due;
}

/* The kiosk's dots for the slides due now only. */
void
player_place_due_dots(struct player *p)
{
	size_t due[CONTROLS_MAX_DOTS], n = 0;

	if (p->deck.n_slides > CONTROLS_MAX_DOTS || !due_varies(&p->deck))
		return;
	for (size_t i = 0; i < p->deck.n_slides; i++)
		if (!p->slides[i].skip)
			due[n++] = i;
	controls_place_dots(&p->in.controls, due, n);
}

/*
 * settings.sync "clock": keeps the cycling show where the wall clock says
 * (sync.h), jumping when it is elsewhere (at start, after a kiosk's idle
 * return, after a pause) and retiming when it drifts by SYNC_SLACK_MS.
 */
void
player_keep_in_step(struct player *p, uint64_t now)
{
	int64_t wall = app_wall_ms(p->wall_offset), drift;
	struct sync_position pos;
	struct show_frame f;
	struct show_trace t;
	struct civil_tm tm;

	if (p->deck.settings.sync != DECK_SYNC_CLOCK ||
	    p->mode == DECK_MODE_PRESENT)
		return;
	show_frame(&p->show, now, &f);
	civil_local(wall, &tm);
	if (f.in_transition || !f.cycling ||
	    sync_position(
	            p->slides, p->deck.n_slides, p->deck.settings.transition_ms,
	            wall - civil_at(tm.year, tm.month, tm.day, 0), &pos) < 0)
		return;
	drift = (int64_t)p->show.dwell_start_ms - ((int64_t)now - pos.into_ms);
	if (pos.index == p->show.index && llabs(drift) < SYNC_SLACK_MS)
		return;
	player_note_change(
	        p, show_sync(&p->show, pos.index, pos.into_ms, now, &t), &t);
}

void
player_update_due(struct player *p, uint64_t now)
{
	int64_t wall = player_wall_ms(p);
	size_t due = 0, fallback;
	struct show_trace t;

	p->due_at = due_next_change(&p->deck, wall);
	if (p->due_at == INT64_MAX && !due_varies(&p->deck)) {
		holding_update(p, false);
		return; /* no windows: every slide is always due */
	}
	for (size_t i = 0; i < p->deck.n_slides; i++) {
		p->slides[i].skip = !due_slide(&p->deck, i, wall);
		due += !p->slides[i].skip;
	}
	fallback = due_fallback(&p->deck);
	if (due == 0) /* the fallback, else slide 1 under the holding slide */
		p->slides[fallback != DUE_NONE ? fallback : 0].skip = false;
	holding_update(p, due == 0 && fallback == DUE_NONE);
	player_note_change(p, show_refresh_due(&p->show, now, &t), &t);
	if (p->mode == DECK_MODE_KIOSK && p->in.controls.target > 0)
		player_place_due_dots(p);
}
