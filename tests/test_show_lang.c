/*
 * test_show_lang: the show's languages with explicit timestamps: the
 * language action in each mode, a lobby's "loop" and "slide" cycles, the
 * kiosk's idle return to the default language, reload.
 */
#include "show.h"

#include "check.h"

#define NONE DECK_TRANSITION_NONE
#define R    SHOW_CHANGE_REDRAW
#define S    SHOW_CHANGE_SLIDE
#define L    SHOW_CHANGE_LANGUAGE

/* Three instant slides of one second. */
static const struct show_slide three[] = {
	{ 1000, NONE, false },
	{ 1000, NONE, false },
	{ 1000, NONE, false },
};

static void
start(struct show *s, enum deck_mode mode, size_t n_languages,
      enum deck_language_cycle cycle)
{
	struct show_config cfg = { mode, three, 3, 0, 60000 };

	show_init(s, &cfg, 0);
	show_set_languages(s, n_languages, cycle, 0);
}

static unsigned
press(struct show *s, enum show_action action, bool staff, uint64_t now)
{
	struct show_input in = { action, SHOW_SOURCE_KEY, staff, 0 };

	return show_handle(s, &in, now, NULL);
}

/* The slide and language at each second of a lobby's first passes. */
static void
check_cycle(enum deck_language_cycle cycle, const size_t (*want)[2], size_t n)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, 3, cycle);
	for (size_t k = 0; k < n; k++) {
		if (k)
			show_tick(&s, k * 1000, NULL);
		CHECK_INT(s.index, want[k][0]);
		CHECK_INT(s.language, want[k][1]);
	}
}

static void
test_lobby_loop(void)
{
	static const size_t want[][2] = { { 0, 0 }, { 1, 0 }, { 2, 0 },
		                          { 0, 1 }, { 1, 1 }, { 2, 1 },
		                          { 0, 2 }, { 1, 2 }, { 2, 2 },
		                          { 0, 0 } };

	check_cycle(DECK_LANGUAGE_CYCLE_LOOP, want,
	            sizeof(want) / sizeof(*want));
}

static void
test_lobby_slide(void)
{
	static const size_t want[][2] = { { 0, 0 }, { 0, 1 }, { 0, 2 },
		                          { 1, 0 }, { 1, 1 }, { 1, 2 },
		                          { 2, 0 }, { 2, 1 }, { 2, 2 },
		                          { 0, 0 } };

	check_cycle(DECK_LANGUAGE_CYCLE_SLIDE, want,
	            sizeof(want) / sizeof(*want));
}

/* The change bits tell the shell when to switch the deck. */
static void
test_change_bits(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, 2, DECK_LANGUAGE_CYCLE_SLIDE);
	CHECK_INT(show_tick(&s, 1000, NULL), R | L); /* same slide, pt */
	CHECK_INT(s.index, 0);
	CHECK_INT(show_tick(&s, 1999, NULL), 0); /* a full dwell in pt */
	CHECK_INT(show_tick(&s, 2000, NULL), R | S | L);
	start(&s, DECK_MODE_LOBBY, 2, DECK_LANGUAGE_CYCLE_LOOP);
	CHECK_INT(show_tick(&s, 1000, NULL), R | S);
	CHECK_INT(show_tick(&s, 2000, NULL), R | S);
	CHECK_INT(show_tick(&s, 3000, NULL), R | S | L);
}

/* L in present mode: round the languages, on the same slide. */
static void
test_present_key(void)
{
	struct show s;

	start(&s, DECK_MODE_PRESENT, 3, DECK_LANGUAGE_CYCLE_LOOP);
	press(&s, SHOW_NEXT, false, 10);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 20), R | L);
	CHECK_INT(s.language, 1);
	CHECK_INT(s.index, 1);
	press(&s, SHOW_LANGUAGE, false, 30);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 40), R | L);
	CHECK_INT(s.language, 0);
	CHECK_INT(s.index, 1);
	/* A deck of one language: nothing to do. */
	start(&s, DECK_MODE_PRESENT, 1, DECK_LANGUAGE_CYCLE_LOOP);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 10), 0);
	start(&s, DECK_MODE_PRESENT, 0, DECK_LANGUAGE_CYCLE_LOOP);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 10), 0);
	CHECK_INT(s.language, 0);
}

/* A lobby obeys only staff. */
static void
test_lobby_staff_only(void)
{
	struct show s;

	start(&s, DECK_MODE_LOBBY, 2, DECK_LANGUAGE_CYCLE_LOOP);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 10), 0);
	CHECK_INT(press(&s, SHOW_LANGUAGE, true, 20), R | L);
	CHECK_INT(s.language, 1);
}

/* The kiosk's button: a tap switches the language and stays on the
 * slide; the idle return goes back to slide 1 in the default language. */
static void
test_kiosk_button_and_idle(void)
{
	struct show s;
	struct show_trace tr;

	start(&s, DECK_MODE_KIOSK, 3, DECK_LANGUAGE_CYCLE_LOOP);
	press(&s, SHOW_NEXT, false, 100);
	press(&s, SHOW_NEXT, false, 200);
	CHECK_INT(s.index, 2);
	CHECK_INT(press(&s, SHOW_LANGUAGE, false, 300) & (L | S), L);
	CHECK_INT(s.index, 2);
	CHECK_INT(s.language, 1);
	CHECK(s.interacting);
	/* Nothing cycles while someone is there, languages neither. */
	CHECK_INT(show_tick(&s, 30000, NULL), 0);
	CHECK_INT(s.language, 1);
	/* idle_ms after the last input: slide 1, the default language. */
	CHECK_INT(show_tick(&s, 60300, &tr), R | S | L);
	CHECK_INT(s.index, 0);
	CHECK_INT(s.language, 0);
	CHECK_STR(tr.note, "idle: back to the first slide");
}

/* Reload keeps the language while the deck still has it. */
static void
test_reload(void)
{
	struct show s;
	struct show_config cfg = { DECK_MODE_PRESENT, three, 3, 0, 60000 };

	show_init(&s, &cfg, 0);
	show_set_languages(&s, 3, DECK_LANGUAGE_CYCLE_LOOP, 0);
	press(&s, SHOW_LANGUAGE, false, 10);
	press(&s, SHOW_LANGUAGE, false, 20);
	show_reload(&s, &cfg, 0, 30, NULL);
	show_set_languages(&s, 3, DECK_LANGUAGE_CYCLE_LOOP, 0);
	CHECK_INT(s.language, 2);
	show_reload(&s, &cfg, 0, 40, NULL);
	show_set_languages(&s, 2, DECK_LANGUAGE_CYCLE_LOOP, 0);
	CHECK_INT(s.language, 0);
	CHECK_STR(show_action_name(SHOW_LANGUAGE), "language");
}

/* --lang's language is home: the show starts there and a kiosk's idle
 * return goes back to it. */
static void
test_home(void)
{
	struct show s;
	struct show_config cfg = { DECK_MODE_KIOSK, three, 3, 0, 60000 };

	show_init(&s, &cfg, 0);
	show_set_languages(&s, 3, DECK_LANGUAGE_CYCLE_LOOP, 2);
	CHECK_INT(s.language, 2);
	CHECK_INT(show_home_language(&s), 2);
	press(&s, SHOW_LANGUAGE, false, 10);
	CHECK_INT(s.language, 0);
	show_tick(&s, 60010, NULL);
	CHECK_INT(s.language, 2);
	/* A home past the languages: the default. */
	show_set_languages(&s, 2, DECK_LANGUAGE_CYCLE_LOOP, 5);
	CHECK_INT(show_home_language(&s), 0);
	CHECK_INT(s.language, 0);
}

int
main(void)
{
	RUN(test_lobby_loop);
	RUN(test_lobby_slide);
	RUN(test_change_bits);
	RUN(test_present_key);
	RUN(test_lobby_staff_only);
	RUN(test_kiosk_button_and_idle);
	RUN(test_reload);
	RUN(test_home);
	return check_done("test_show_lang");
}
