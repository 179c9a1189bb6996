/*
 * show: the slide show's state machine (see show.h for the rules). Who may
 * do what in which mode is the table `rules`; everything else is small
 * steps on struct show, each returning SHOW_CHANGE_* bits.
 */
#include "show.h"
#include "show_internal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

enum who { NOBODY, STAFF, ANYONE };

#define WHO(lobby, present, kiosk)                                             \
	{                                                                      \
		[DECK_MODE_LOBBY] = lobby, [DECK_MODE_PRESENT] = present,      \
		[DECK_MODE_KIOSK] = kiosk                                      \
	}

/* Who may do each action in each mode, and whether it ends a blank. */
static const struct rule {
	const char *name;
	unsigned char who[3]; /* enum who, by enum deck_mode */
	bool navigates;
} rules[SHOW_ACTION_COUNT] = {
	[SHOW_TICK] = { "tick", WHO(ANYONE, ANYONE, ANYONE), false },
	[SHOW_NEXT] = { "next", WHO(STAFF, ANYONE, ANYONE), true },
	[SHOW_PREV] = { "prev", WHO(STAFF, ANYONE, ANYONE), true },
	[SHOW_FIRST] = { "first", WHO(STAFF, ANYONE, ANYONE), true },
	[SHOW_LAST] = { "last", WHO(STAFF, ANYONE, ANYONE), true },
	[SHOW_GOTO] = { "goto", WHO(STAFF, ANYONE, ANYONE), true },
	[SHOW_DIGIT] = { "digit", WHO(STAFF, ANYONE, ANYONE), false },
	[SHOW_ENTER] = { "enter", WHO(STAFF, ANYONE, ANYONE), false },
	[SHOW_CANCEL] = { "cancel", WHO(STAFF, ANYONE, ANYONE), false },
	[SHOW_BLACKOUT] = { "blackout", WHO(STAFF, ANYONE, STAFF), false },
	[SHOW_WHITEOUT] = { "whiteout", WHO(STAFF, ANYONE, STAFF), false },
	[SHOW_PAUSE] = { "pause", WHO(STAFF, NOBODY, STAFF), false },
	[SHOW_TOUCH] = { "touch", WHO(NOBODY, NOBODY, ANYONE), false },
	[SHOW_LANGUAGE] = { "language", WHO(STAFF, ANYONE, ANYONE), false },
};

static const char *const source_names[SHOW_SOURCE_COUNT] = {
	[SHOW_SOURCE_TIMER] = "timer",   [SHOW_SOURCE_IDLE] = "idle",
	[SHOW_SOURCE_RELOAD] = "reload", [SHOW_SOURCE_KEY] = "key",
	[SHOW_SOURCE_CLICK] = "click",   [SHOW_SOURCE_TAP] = "tap",
	[SHOW_SOURCE_SWIPE] = "swipe",   [SHOW_SOURCE_WHEEL] = "wheel",
};

/* Time from then to now; 0 if the clock seems to have gone back. */
uint64_t
show_since(uint64_t now, uint64_t then)
{
	return now > then ? now - then : 0;
}

static uint64_t
earliest(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static void
check_config(const struct show_config *cfg)
{
	assert(cfg && cfg->slides && cfg->n_slides >= 1);
	assert(cfg->mode == DECK_MODE_LOBBY || cfg->mode == DECK_MODE_PRESENT ||
	       cfg->mode == DECK_MODE_KIOSK);
	for (size_t i = 0; i < cfg->n_slides; i++) {
		assert(cfg->slides[i].dwell_ms > 0);
		assert((unsigned)cfg->slides[i].transition <
		       DECK_TRANSITION_COUNT);
	}
	(void)cfg;
}

/* --- the dwell clock --------------------------------------------------- */

bool
show_is_cycling(const struct show *s)
{
	return s->cfg.mode != DECK_MODE_PRESENT && s->cfg.n_slides > 1 &&
	       !s->paused && !s->held && s->blank == SHOW_BLANK_NONE &&
	       !s->interacting;
}

/* Call after changing what is_cycling reads, with its value before: stops
 * or restarts the dwell clock. */
void
show_rehold(struct show *s, bool was_cycling, uint64_t now)
{
	if (was_cycling && !show_is_cycling(s))
		s->held_ms = now;
	else if (!was_cycling && show_is_cycling(s))
		s->dwell_start_ms += show_since(now, s->held_ms);
}

/* The current slide is fully shown from time at on. */
static void
arrive(struct show *s, uint64_t at)
{
	s->dwell_start_ms = at;
	s->held_ms = at;
}

uint64_t
show_dwell_elapsed(const struct show *s, uint64_t now)
{
	if (s->tr.active)
		return 0;
	return show_since(show_is_cycling(s) ? now : s->held_ms,
	                  s->dwell_start_ms);
}

uint32_t
show_dwell_ms(const struct show *s)
{
	return s->cfg.slides[s->index].dwell_ms;
}

static bool
is_dwell_due(const struct show *s, uint64_t now)
{
	return show_is_cycling(s) && !s->tr.active &&
	       show_dwell_elapsed(s, now) >= show_dwell_ms(s);
}

static bool
is_idle_armed(const struct show *s)
{
	return s->cfg.mode == DECK_MODE_KIOSK && s->interacting &&
	       s->blank == SHOW_BLANK_NONE && !s->held;
}

static bool
is_idle_due(const struct show *s, uint64_t now)
{
	return is_idle_armed(s) &&
	       show_since(now, s->last_input_ms) >= s->cfg.idle_ms;
}

/* Records in the trace why an input did what it did; returns changes. */
unsigned
show_noted(struct show_trace *trace, const char *why, unsigned changes)
{
	trace->note = why;
	return changes;
}

/* --- transitions and moving ------------------------------------------- */

static uint64_t
transition_end(const struct show *s)
{
	return s->tr.start_ms + s->tr.length_ms;
}

/* Ends a running transition at time at (no later than its end). */
static unsigned
finish_transition(struct show *s, uint64_t at)
{
	if (!s->tr.active)
		return SHOW_CHANGE_NONE;
	s->tr.active = false;
	arrive(s, earliest(at, transition_end(s)));
	return SHOW_CHANGE_REDRAW;
}

static int
direction_to(const struct show *s, size_t target)
{
	return target >= s->index ? 1 : -1;
}

/* Makes target the current slide, through its transition. */
unsigned
show_go(struct show *s, size_t target, int direction, uint64_t now,
        struct show_trace *trace)
{
	enum deck_transition kind = s->cfg.slides[target].transition;

	if (target == s->index)
		return show_noted(trace, "already shown", SHOW_CHANGE_NONE);
	if (kind == DECK_TRANSITION_NONE || s->cfg.transition_ms == 0)
		arrive(s, now);
	else
		s->tr = (struct show_transition){
			true, s->index, target, now, s->cfg.transition_ms,
			kind, direction
		};
	s->index = target;
	return show_noted(trace, "moved",
	                  SHOW_CHANGE_SLIDE | SHOW_CHANGE_REDRAW);
}

bool
show_wraps(const struct show *s)
{
	return s->cfg.mode != DECK_MODE_PRESENT;
}

static unsigned
go_next(struct show *s, uint64_t now, struct show_trace *trace)
{
	size_t j = show_due_from(s, s->index, 1);

	if (!show_wraps(s) && s->index + 1 >= s->cfg.n_slides)
		return show_noted(trace, "at the last slide", SHOW_CHANGE_NONE);
	if (j == SIZE_MAX)
		return show_noted(trace, "no slide is due", SHOW_CHANGE_NONE);
	return show_go(s, j, 1, now, trace);
}

static unsigned
go_prev(struct show *s, uint64_t now, struct show_trace *trace)
{
	size_t j = show_due_from(s, s->index, -1);

	if (!show_wraps(s) && s->index == 0)
		return show_noted(trace, "at the first slide",
		                  SHOW_CHANGE_NONE);
	if (j == SIZE_MAX)
		return show_noted(trace, "no slide is due", SHOW_CHANGE_NONE);
	return show_go(s, j, -1, now, trace);
}

static unsigned
go_to(struct show *s, size_t target, uint64_t now, struct show_trace *trace)
{
	assert(target < s->cfg.n_slides);
	return show_go(s, target, direction_to(s, target), now, trace);
}

/* --- digits, blanks, pause, kiosk use ---------------------------------- */

static unsigned
clear_digits(struct show *s)
{
	if (!s->n_digits)
		return SHOW_CHANGE_NONE;
	s->n_digits = 0;
	s->digits[0] = '\0';
	return SHOW_CHANGE_REDRAW;
}

static unsigned
expire_digits(struct show *s, uint64_t now, struct show_trace *trace)
{
	if (!s->n_digits ||
	    show_since(now, s->digit_ms) < (uint64_t)SHOW_DIGIT_TIMEOUT_MS)
		return SHOW_CHANGE_NONE;
	return show_noted(trace, "digits timed out", clear_digits(s));
}

static unsigned
type_digit(struct show *s, size_t digit, uint64_t now, struct show_trace *trace)
{
	assert(digit <= 9);
	if (s->n_digits == SHOW_MAX_DIGITS)
		return show_noted(trace, "ignored: too many digits",
		                  SHOW_CHANGE_NONE);
	s->digits[s->n_digits++] = (char)('0' + digit);
	s->digits[s->n_digits] = '\0';
	s->digit_ms = now;
	return show_noted(trace, "digit typed", SHOW_CHANGE_REDRAW);
}

static unsigned
set_blank(struct show *s, enum show_blank blank, uint64_t now)
{
	bool was = show_is_cycling(s);

	if (s->blank == blank)
		return SHOW_CHANGE_NONE;
	s->blank = blank;
	show_rehold(s, was, now);
	return SHOW_CHANGE_REDRAW;
}

static unsigned
toggle_blank(struct show *s, enum show_blank blank, uint64_t now,
             struct show_trace *trace)
{
	if (s->blank == blank)
		blank = SHOW_BLANK_NONE;
	return show_noted(trace,
	                  blank == SHOW_BLANK_NONE ? "blank off" : "blank on",
	                  set_blank(s, blank, now));
}

/* Goes to the typed 1-based slide number, clamped to the deck. */
static unsigned
enter(struct show *s, uint64_t now, struct show_trace *trace)
{
	unsigned long number = strtoul(s->digits, NULL, 10);
	size_t n = s->cfg.n_slides, target;
	unsigned changes;

	if (!s->n_digits)
		return show_noted(trace, "no digits typed", SHOW_CHANGE_NONE);
	target = number == 0 ? 0 : number > n ? n - 1 : number - 1;
	changes = clear_digits(s) | set_blank(s, SHOW_BLANK_NONE, now);
	return changes | go_to(s, target, now, trace);
}

static unsigned
toggle_pause(struct show *s, uint64_t now, struct show_trace *trace)
{
	bool was = show_is_cycling(s);

	s->paused = !s->paused;
	show_rehold(s, was, now);
	return show_noted(trace, s->paused ? "paused" : "resumed",
	                  SHOW_CHANGE_REDRAW);
}

/* Kiosk: someone is here; stops cycling and restarts the idle clock. */
static unsigned
interact(struct show *s, uint64_t now)
{
	bool was = show_is_cycling(s);

	if (s->cfg.mode != DECK_MODE_KIOSK)
		return SHOW_CHANGE_NONE;
	s->last_input_ms = now;
	if (s->interacting)
		return SHOW_CHANGE_NONE;
	s->interacting = true;
	show_rehold(s, was, now);
	return SHOW_CHANGE_REDRAW;
}

/* --- inputs ------------------------------------------------------------- */

void
show_trace_start(struct show_trace *trace, const struct show *s,
                 enum show_action action, enum show_source source)
{
	*trace = (struct show_trace){ action, source, s->index, s->index,
		                      "nothing to do" };
}

static bool
is_allowed(const struct show *s, const struct show_input *in,
           struct show_trace *trace)
{
	enum who need = rules[in->action].who[s->cfg.mode];
	enum who blanker = rules[SHOW_BLACKOUT].who[s->cfg.mode];

	if (need == NOBODY) {
		trace->note = "ignored: not used in this mode";
		return false;
	}
	if (need == STAFF && !in->staff) {
		trace->note = "ignored: staff only in this mode";
		return false;
	}
	if (s->blank != SHOW_BLANK_NONE && blanker == STAFF && !in->staff) {
		trace->note = "ignored: blanked by staff";
		return false;
	}
	return true;
}

/* The action itself, once allowed and any transition is over. */
static unsigned
act(struct show *s, const struct show_input *in, uint64_t now,
    struct show_trace *trace)
{
	switch (in->action) {
	case SHOW_NEXT:
		return go_next(s, now, trace);
	case SHOW_PREV:
		return go_prev(s, now, trace);
	case SHOW_FIRST:
		return go_to(s, 0, now, trace);
	case SHOW_LAST:
		return go_to(s, s->cfg.n_slides - 1, now, trace);
	case SHOW_GOTO:
		return go_to(s, in->arg, now, trace);
	case SHOW_DIGIT:
		return type_digit(s, in->arg, now, trace);
	case SHOW_ENTER:
		return enter(s, now, trace);
	case SHOW_BLACKOUT:
		return toggle_blank(s, SHOW_BLANK_BLACK, now, trace);
	case SHOW_WHITEOUT:
		return toggle_blank(s, SHOW_BLANK_WHITE, now, trace);
	case SHOW_PAUSE:
		return toggle_pause(s, now, trace);
	case SHOW_LANGUAGE:
		return show_next_language(s, trace);
	case SHOW_CANCEL:
	case SHOW_TOUCH:
	case SHOW_TICK:
	case SHOW_ACTION_COUNT:
		break;
	}
	return SHOW_CHANGE_NONE;
}

/* Everything an obeyed input does before its own action. */
static unsigned
prepare(struct show *s, const struct show_input *in, uint64_t now,
        struct show_trace *trace)
{
	unsigned changes = finish_transition(s, now) | interact(s, now);

	changes |= expire_digits(s, now, trace);
	if (in->action != SHOW_DIGIT && in->action != SHOW_ENTER)
		changes |= clear_digits(s);
	return show_noted(trace, "done", changes);
}

/* A navigation key on a black or white screen only brings the slide back,
 * as in PowerPoint and Impress: the audience sees where it was. */
static bool
only_unblanks(const struct show *s, const struct show_input *in)
{
	return rules[in->action].navigates && s->blank != SHOW_BLANK_NONE;
}

unsigned
show_handle(struct show *s, const struct show_input *in, uint64_t now,
            struct show_trace *trace)
{
	struct show_trace local;
	unsigned changes;

	assert(s && in && (unsigned)in->action < SHOW_ACTION_COUNT);
	if (in->action == SHOW_TICK)
		return show_tick(s, now, trace);
	if (!trace)
		trace = &local;
	show_trace_start(trace, s, in->action, in->source);
	if (!is_allowed(s, in, trace))
		return SHOW_CHANGE_NONE;
	changes = prepare(s, in, now, trace);
	if (only_unblanks(s, in))
		changes |= show_noted(trace, "unblanked",
		                      set_blank(s, SHOW_BLANK_NONE, now));
	else
		changes |= act(s, in, now, trace);
	trace->to = s->index;
	return changes;
}

/* --- time --------------------------------------------------------------- */

static unsigned
tick_transition(struct show *s, uint64_t now, struct show_trace *trace)
{
	if (!s->tr.active)
		return SHOW_CHANGE_NONE;
	if (now < transition_end(s))
		return show_noted(trace, "transition running",
		                  SHOW_CHANGE_REDRAW);
	return show_noted(trace, "transition ended", finish_transition(s, now));
}

/* Kiosk: nobody touched it for idle_ms; back to slide 1, cycling again
 * (unless paused) with slide 1's full time. */
static unsigned
idle_return(struct show *s, uint64_t now, struct show_trace *trace)
{
	bool was = show_is_cycling(s);
	size_t first;
	unsigned changes;

	s->interacting = false;
	show_rehold(s, was, now);
	trace->action = SHOW_FIRST;
	trace->source = SHOW_SOURCE_IDLE;
	first = show_due_from(s, 0, 0);
	first = first == SIZE_MAX ? 0 : first;
	changes = show_go(s, first, direction_to(s, first), now, trace);
	changes |= show_set_language(s, s->home_language);
	if (!s->tr.active)
		arrive(s, now);
	return show_noted(trace, "idle: back to the first slide",
	                  changes | SHOW_CHANGE_REDRAW);
}

static unsigned
advance(struct show *s, uint64_t now, struct show_trace *trace)
{
	size_t from = s->index;
	unsigned changes;

	trace->action = SHOW_NEXT;
	trace->source = SHOW_SOURCE_TIMER;
	if (show_language_turn(s)) {
		arrive(s, now);
		return show_noted(trace, "next language",
		                  show_set_language(s, s->language + 1));
	}
	changes = go_next(s, now, trace);
	if (changes & SHOW_CHANGE_SLIDE)
		changes |= show_language_after_advance(s, from);
	return changes;
}

unsigned
show_tick(struct show *s, uint64_t now, struct show_trace *trace)
{
	struct show_trace local;
	unsigned changes;

	assert(s);
	if (!trace)
		trace = &local;
	show_trace_start(trace, s, SHOW_TICK, SHOW_SOURCE_TIMER);
	changes = tick_transition(s, now, trace);
	changes |= expire_digits(s, now, trace);
	if (is_idle_due(s, now))
		changes |= idle_return(s, now, trace);
	else if (is_dwell_due(s, now))
		changes |= advance(s, now, trace);
	trace->to = s->index;
	return changes;
}

uint32_t
show_next_wakeup(const struct show *s, uint64_t now)
{
	uint64_t due = UINT64_MAX;

	assert(s);
	if (s->tr.active)
		return 0;
	if (show_is_cycling(s))
		due = s->dwell_start_ms + show_dwell_ms(s);
	if (is_idle_armed(s))
		due = earliest(due, s->last_input_ms + s->cfg.idle_ms);
	if (s->n_digits)
		due = earliest(due, s->digit_ms + SHOW_DIGIT_TIMEOUT_MS);
	if (due == UINT64_MAX)
		return SHOW_WAKE_NEVER;
	if (due <= now)
		return 0;
	return (uint32_t)earliest(due - now, SHOW_WAKE_NEVER - 1);
}

/* --- output and setup --------------------------------------------------- */

void
show_init(struct show *s, const struct show_config *cfg, uint64_t now)
{
	assert(s);
	check_config(cfg);
	*s = (struct show){ .cfg = *cfg, .last_input_ms = now };
	arrive(s, now);
}

unsigned
show_reload(struct show *s, const struct show_config *cfg, size_t index,
            uint64_t now, struct show_trace *trace)
{
	struct show_trace local;
	bool was = show_is_cycling(s);
	size_t old = s->index;

	check_config(cfg);
	if (!trace)
		trace = &local;
	show_trace_start(trace, s, SHOW_GOTO, SHOW_SOURCE_RELOAD);
	if (cfg->mode != s->cfg.mode)
		s->interacting = false;
	s->cfg = *cfg;
	s->index = index < cfg->n_slides ? index : cfg->n_slides - 1;
	if (s->tr.active) {
		s->tr.active = false;
		arrive(s, now);
	}
	show_rehold(s, was, now);
	trace->to = s->index;
	trace->note = "reloaded";
	return SHOW_CHANGE_REDRAW | (s->index != old ? SHOW_CHANGE_SLIDE : 0);
}

const char *
show_action_name(enum show_action action)
{
	if ((unsigned)action >= SHOW_ACTION_COUNT)
		return "?";
	return rules[action].name;
}

const char *
show_source_name(enum show_source source)
{
	if ((unsigned)source >= SHOW_SOURCE_COUNT)
		return "?";
	return source_names[source];
}
