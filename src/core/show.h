/*
 * show: the show's state machine. It knows which slide is on screen, which
 * transition is running, how long the slide has been up, whether the screen
 * is blanked or cycling is paused, the digits typed so far and, for a kiosk,
 * whether someone is using it. Pure C: time comes in as an argument
 * (milliseconds from a monotonic clock, e.g. SDL_GetTicks64), inputs come in
 * as our own actions, and what to draw goes out as a struct show_frame.
 *
 * Usage:
 *	struct show show;
 *	show_init(&show, &cfg, now);
 *	for (;;) {
 *		wait for an event at most show_next_wakeup(&show, now) ms;
 *		if (an event mapped to an input)
 *			changes = show_handle(&show, &input, now, &trace);
 *		else
 *			changes = show_tick(&show, now, &trace);
 *		if (changes & SHOW_CHANGE_REDRAW) {
 *			show_frame(&show, now, &frame);
 *			draw frame;
 *		}
 *	}
 *
 * Modes (enum deck_mode):
 *  - lobby: each slide stays its own dwell time, then the next; the last is
 *    followed by the first, forever. Only staff inputs (struct show_input's
 *    staff flag) are obeyed; every other input is ignored and does not even
 *    cut a transition short.
 *  - present: nothing advances on its own; a static slide needs no wake-up.
 *  - kiosk: cycles like the lobby until someone interacts. Any input from
 *    anyone then stops the cycling; idle_ms after the last input the show
 *    goes back to the first slide (trace source SHOW_SOURCE_IDLE) and cycles
 *    again. Blackout, whiteout and pause are staff inputs in a kiosk.
 *
 * Choices, each covered by tests/test_show.c:
 *  - Staff: an input carries a staff flag, set by the input layer on the
 *    bindings meant for staff (e.g. Ctrl+Right, Ctrl+Left, Ctrl+P). A staff
 *    input may do everything an ordinary one may, plus the staff-only
 *    actions of the mode. One action enum, one permission table in show.c.
 *  - Ends: next/prev stop at the ends in present mode; they wrap around in
 *    lobby and kiosk modes.
 *  - Slide numbers: digits then SHOW_ENTER go to that slide, 1-based. Out of
 *    range clamps: 0 goes to the first slide, past the end to the last. At
 *    most SHOW_MAX_DIGITS digits are kept; more are ignored. Typed digits
 *    expire SHOW_DIGIT_TIMEOUT_MS after the last one. SHOW_CANCEL, and every
 *    other action obeyed except SHOW_DIGIT and SHOW_ENTER, clears them.
 *    SHOW_ENTER with no digits typed does nothing (so a late Enter after
 *    digits expired never jumps anywhere).
 *  - Blanking: SHOW_BLACKOUT and SHOW_WHITEOUT toggle; one replaces the
 *    other. A navigation action (next, prev, first, last, goto) only ends
 *    the blank, as in PowerPoint and Impress; digits then enter end it and
 *    jump. While blanked, an input from someone who could not blank (an
 *    attendee at a kiosk) is ignored.
 *  - Holds: while paused, blanked, or a kiosk is in use, the dwell clock
 *    stops; when the hold ends it continues where it stopped (the slide
 *    gets its remaining time, the progress bar never jumps back). A slide
 *    that arrives during a hold starts at zero. The idle return gives slide
 *    1 a full dwell. A blank also holds the kiosk's idle return. Navigation
 *    while paused keeps the show paused.
 *  - Transitions: the arriving slide's kind, cfg->transition_ms long;
 *    DECK_TRANSITION_NONE or a length of 0 is instant. Any obeyed input
 *    during a transition first ends it (the arriving slide becomes fully
 *    shown) and then acts, so fast clicks never queue. Push direction is +1
 *    for next, automatic advance and wrapping next; -1 for prev; otherwise
 *    by comparing indices. Going to the slide already shown does nothing.
 *  - A late tick advances at most one slide; the new slide's dwell counts
 *    from when it is fully shown.
 *  - Reload keeps the dwell clock running (an editor saving every few
 *    seconds never stops a lobby from cycling), ends a running transition
 *    at once, and keeps blank, pause and typed digits.
 *  - Times earlier than ones already seen count as no time passing.
 *  - Languages (cfg.n_languages > 1; show.language, SHOW_CHANGE_LANGUAGE):
 *    SHOW_LANGUAGE goes to the next language round the list and stays on
 *    the slide (anyone in present and kiosk modes, staff in a lobby). A
 *    cycling show with language_cycle "loop" changes language each time
 *    the automatic advance comes round to the start of the deck; with
 *    "slide" the advance first shows the slide in each further language
 *    (a full dwell each, no transition), then moves on in the default.
 *    The kiosk's idle return goes back to the home language (the
 *    default, or the one --lang picked). The
 *    languages are set apart from the config (show_set_languages), so a
 *    reload keeps the language while the new deck still has that many.
 */
#ifndef VITRINE_SHOW_H
#define VITRINE_SHOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h" /* enum deck_mode, enum deck_transition only */

#define SHOW_MAX_DIGITS       5          /* enough for DECK_MAX_SLIDES */
#define SHOW_DIGIT_TIMEOUT_MS 3000       /* typed digits expire after this */
#define SHOW_WAKE_NEVER       UINT32_MAX /* show_next_wakeup: nothing due */

/* What the caller asks of the show; the input layer maps keys and gestures
 * to these. */
enum show_action {
	SHOW_TICK,     /* time passed; same as show_tick */
	SHOW_NEXT,     /* next slide */
	SHOW_PREV,     /* previous slide */
	SHOW_FIRST,    /* first slide */
	SHOW_LAST,     /* last slide */
	SHOW_GOTO,     /* slide input.arg (0-based), e.g. a tapped dot */
	SHOW_DIGIT,    /* type digit input.arg (0 to 9) of a slide number */
	SHOW_ENTER,    /* go to the typed slide number */
	SHOW_CANCEL,   /* clear typed digits (Escape) */
	SHOW_BLACKOUT, /* toggle a black screen */
	SHOW_WHITEOUT, /* toggle a white screen */
	SHOW_PAUSE,    /* toggle cycling (lobby and kiosk) */
	SHOW_TOUCH,    /* kiosk: someone is here (a tap on nothing) */
	SHOW_LANGUAGE, /* the deck's next language (L, the kiosk's button) */
	SHOW_ACTION_COUNT
};

/* Where an action came from; for tracing only, it grants nothing. */
enum show_source {
	SHOW_SOURCE_TIMER,  /* the show's own dwell timer */
	SHOW_SOURCE_IDLE,   /* the kiosk's idle timeout */
	SHOW_SOURCE_RELOAD, /* show_reload */
	SHOW_SOURCE_KEY,
	SHOW_SOURCE_CLICK,
	SHOW_SOURCE_TAP,
	SHOW_SOURCE_SWIPE,
	SHOW_SOURCE_WHEEL,
	SHOW_SOURCE_COUNT
};

/* Bits returned by show_handle, show_tick and show_reload. */
enum show_change {
	SHOW_CHANGE_NONE = 0,
	SHOW_CHANGE_REDRAW = 1u << 0, /* draw a frame; also on every tick while
	                                 a transition runs */
	SHOW_CHANGE_SLIDE = 1u << 1,  /* the current slide changed */
	SHOW_CHANGE_LANGUAGE = 1u << 2, /* show.language changed: put the
	                                   deck in it (deck_set_language) */
};

enum show_blank { SHOW_BLANK_NONE, SHOW_BLANK_BLACK, SHOW_BLANK_WHITE };

/* One slide's timing, e.g. from deck_slide_ms and deck_slide_transition. */
struct show_slide {
	uint32_t dwell_ms;               /* time on screen when cycling; > 0 */
	enum deck_transition transition; /* how this slide arrives */
	bool skip; /* not due now (due.h): lobby and kiosk pass it by */
};

struct show_config {
	enum deck_mode mode;
	const struct show_slide *slides; /* borrowed; must live until the
	                                    next show_reload */
	size_t n_slides;                 /* >= 1 */
	uint32_t transition_ms;          /* length of every transition */
	uint32_t idle_ms; /* kiosk: back to slide 1 after this long */
};

struct show_input {
	enum show_action action;
	enum show_source source;
	bool staff; /* from a staff control: obeyed in lobby mode too */
	size_t arg; /* SHOW_GOTO: slide index < n_slides; SHOW_DIGIT: 0-9 */
};

/* What happened, for a log line such as "key next: 3 -> 4 (moved)". */
struct show_trace {
	enum show_action action; /* the input's; SHOW_NEXT for an automatic
	                            advance, SHOW_FIRST for the idle return,
	                            SHOW_GOTO for a reload */
	enum show_source source; /* the input's, or TIMER, IDLE, RELOAD */
	size_t from, to;         /* current slide before and after */
	const char *note;        /* static, never NULL: "moved", "ignored: staff
	                            only in this mode", "at the last slide"... */
};

struct show_transition {
	bool active;
	size_t from, to;
	uint64_t start_ms;
	uint32_t length_ms;
	enum deck_transition kind; /* FADE or PUSH when active */
	int direction; /* +1 forward: the new slide comes from the right;
	                  -1 back */
};

/*
 * The state; caller-owned, read-only to the caller (use show_frame). No
 * destroy function: it owns nothing.
 */
struct show {
	struct show_config cfg; /* a copy; cfg.slides is borrowed */
	size_t index; /* current slide; the arriving one during a transition */
	struct show_transition tr;
	uint64_t dwell_start_ms; /* when the current slide was fully shown,
	                            moved forward by the time spent held */
	uint64_t held_ms;        /* when the dwell clock last stopped */
	bool paused;
	bool held; /* show_hold: something else is on screen */
	enum show_blank blank;
	bool interacting;       /* kiosk: someone is using it */
	uint64_t last_input_ms; /* kiosk: time of the last obeyed input */
	char digits[SHOW_MAX_DIGITS + 1]; /* typed so far, NUL-terminated */
	size_t n_digits;
	uint64_t digit_ms; /* when the last digit was typed */
	/* Languages (show_set_languages): how many, how a lobby goes
	 * through them, the one shown (0, the default, to n_languages - 1). */
	size_t n_languages;
	enum deck_language_cycle language_cycle;
	size_t language;
	size_t home_language;
};

/*
 * The slides' skip flags changed (a time window opened or closed; the
 * caller set them in the borrowed cfg.slides): in lobby and kiosk, a
 * current slide now skipped gives way to the next due one, through its
 * transition. Present mode shows every slide and is left alone.
 */
unsigned show_refresh_due(struct show *s, uint64_t now,
                          struct show_trace *trace);

/*
 * Holds the show while something else is on screen (a staff announcement)
 * or lets it go on: the slide and its dwell time stand still meanwhile,
 * then run on from where they stood.
 */
void show_hold(struct show *s, bool held, uint64_t now);

/*
 * Puts the cycling show on slide index, fully shown for into_ms as of now
 * (a screen in step with the wall clock: sync.h). Ends a transition; does
 * nothing unless the show is cycling at rest. Returns the changes.
 */
unsigned show_sync(struct show *s, size_t index, uint32_t into_ms, uint64_t now,
                   struct show_trace *trace);

/* The slide the show goes to next: the one after (present mode: none
 * after the last, SHOW_NO_SLIDE), or in lobby and kiosk the next due one
 * round the deck. */
#define SHOW_NO_SLIDE ((size_t)-1)
size_t show_next_index(const struct show *s);

/* Whether the cycle has a slide to show (lobby, kiosk); always in present
 * mode. */
bool show_any_due(const struct show *s);

/* What to draw at a given time. */
struct show_frame {
	size_t index;       /* current slide */
	bool in_transition; /* draw from -> to with kind, direction,
	                       progress; otherwise draw index alone */
	size_t from, to;
	enum deck_transition kind;
	int direction;         /* push: +1 forward, -1 back */
	double progress;       /* eased out (1 - (1 - t)^2), 0 to 1 */
	enum show_blank blank; /* drawn over everything */
	double dwell;          /* fraction of the slide's time gone, 0 to 1,
	                          for the lobby's progress bar */
	bool cycling;          /* advancing on its own (show the bar) */
	bool paused;
	bool interacting;   /* kiosk: someone is using it (show controls) */
	const char *digits; /* typed slide number, "" when none; borrowed
	                       from the show, valid until its next change */
};

/*
 * Starts the show on the first slide, fully shown at now_ms. cfg is copied;
 * cfg->slides is borrowed. Asserts that cfg is valid (n_slides >= 1, every
 * dwell_ms > 0).
 */
void show_init(struct show *show, const struct show_config *cfg,
               uint64_t now_ms);

/*
 * Applies input at now_ms if the mode allows it for the input's sender, and
 * returns SHOW_CHANGE_* bits (0: nothing to do, e.g. ignored). trace, when
 * not NULL, receives what happened. SHOW_TICK is show_tick. Asserts on a
 * SHOW_GOTO past the last slide or a SHOW_DIGIT above 9.
 */
unsigned show_handle(struct show *show, const struct show_input *input,
                     uint64_t now_ms, struct show_trace *trace);

/*
 * Lets time pass up to now_ms: ends a finished transition, expires typed
 * digits, does the kiosk's idle return, advances a slide whose time is up.
 * Returns SHOW_CHANGE_* bits; trace as for show_handle.
 */
unsigned show_tick(struct show *show, uint64_t now_ms,
                   struct show_trace *trace);

/*
 * Milliseconds from now_ms until show_tick has something to do: 0 while a
 * transition runs (draw frames; vsync paces them) or when something is due,
 * SHOW_WAKE_NEVER when nothing is scheduled (a present slide sleeps
 * forever). A progress bar, if drawn, needs its own redraw pace.
 */
uint32_t show_next_wakeup(const struct show *show, uint64_t now_ms);

/* Fills *frame with what to draw at now_ms. */
void show_frame(const struct show *show, uint64_t now_ms,
                struct show_frame *frame);

/*
 * Takes a new deck's slides and settings (cfg copied, slides borrowed) and
 * shows slide index, clamped to the new deck (e.g. the old slide mapped by
 * its id). Ends a running transition at once; see "Reload" above. Returns
 * SHOW_CHANGE_REDRAW, plus SHOW_CHANGE_SLIDE if the index changed.
 */
unsigned show_reload(struct show *show, const struct show_config *cfg,
                     size_t index, uint64_t now_ms, struct show_trace *trace);

/*
 * Tells the show the deck has n languages (0 or 1: none to change), how a
 * lobby cycles through them and its home language (the idle return's,
 * e.g. --lang's; 0 is the deck's default). A show that had no languages
 * starts in home; one that had keeps the language shown while there are
 * still that many, else goes home. Call after show_init and after each
 * show_reload.
 */
void show_set_languages(struct show *s, size_t n,
                        enum deck_language_cycle cycle, size_t home);

/* The language the kiosk's idle return goes back to. */
size_t show_home_language(const struct show *s);

/* Names for logs: "next", "timer"...; static strings. */
const char *show_action_name(enum show_action action);
const char *show_source_name(enum show_source source);

#endif
