/*
 * test_screens: which display shows the slides and which the console, for
 * 1, 2 and 3 displays, with and without --display and --console, swapped,
 * and as a projector is unplugged and plugged in again.
 */
#include "screens.h"

#include "check.h"

static const struct screens_opts present = { SCREENS_DEFAULT, SCREENS_DEFAULT,
	                                     true, false };

static void
check_at(const struct screens_opts *o, int n, int audience, int console)
{
	struct screens s;

	screens_start(&s, o, n);
	CHECK_INT(s.audience, audience);
	CHECK_INT(s.console, console);
}

static void
test_defaults(void)
{
	struct screens_opts lobby = present, off = present, windowed = present;

	lobby.present = false;
	off.console = SCREENS_OFF;
	windowed.windowed = true;
	windowed.console = 0;
	check_at(&present, 2, 1,
	         0); /* laptop panel: console; projector: slides */
	check_at(&present, 3, 1, 0);
	check_at(&present, 1, 0, SCREENS_NONE); /* the slides come first */
	check_at(&windowed, 1, 0, 0);           /* a rehearsal: both */
	windowed.console = SCREENS_DEFAULT;     /* windowed alone: no */
	check_at(&windowed, 1, 0, SCREENS_NONE);
	check_at(&lobby, 2, 0, SCREENS_NONE); /* no console unless asked */
	check_at(&off, 2, 0, SCREENS_NONE);
	check_at(&present, 0, SCREENS_NONE, SCREENS_NONE);
}

static void
test_chosen(void)
{
	struct screens_opts o = present;

	o.display = 0; /* slides on the first: the console takes the other */
	check_at(&o, 2, 0, 1);
	o.display = 2;
	check_at(&o, 3, 2, 0);
	o.display = SCREENS_DEFAULT;
	o.console = 1; /* console on the second: slides on the first */
	check_at(&o, 2, 0, 1);
	o.console = 2;
	check_at(&o, 3, 0, 2);
	o.display = 1;
	o.console = 1; /* the same display for both: the slides move */
	check_at(&o, 2, 0, 1);
	o.present = false; /* a staff console in the lobby */
	o.display = 0;
	o.console = 1;
	check_at(&o, 2, 0, 1);
	check_at(&o, 1, 0, SCREENS_NONE);
}

static void
test_swap(void)
{
	struct screens s;

	screens_start(&s, &present, 2);
	screens_swap(&s, &present, 2);
	CHECK_INT(s.audience, 0);
	CHECK_INT(s.console, 1);
	screens_swap(&s, &present, 2);
	CHECK_INT(s.audience, 1);
	CHECK_INT(s.console, 0);
	screens_start(&s, &present, 1); /* nothing to swap with */
	screens_swap(&s, &present, 1);
	CHECK_INT(s.audience, 0);
	CHECK(!s.swapped);
}

static void
test_unplug_replug(void)
{
	struct screens s;

	screens_start(&s, &present, 2);
	screens_update(&s, &present, 1); /* the projector goes */
	CHECK_INT(s.audience, SCREENS_NONE);
	CHECK_INT(s.console, 0);
	screens_update(&s, &present, 2); /* and comes back */
	CHECK_INT(s.audience, 1);
	CHECK_INT(s.console, 0);
	screens_swap(&s, &present, 2); /* swapped, unplugged, replugged */
	screens_update(&s, &present, 1);
	CHECK_INT(s.console, 0);
	screens_update(&s, &present, 2);
	CHECK_INT(s.audience, 0);
	CHECK_INT(s.console, 1);
	screens_start(&s, &present, 1);  /* started alone: a second display */
	screens_update(&s, &present, 2); /* plugged in gets the slides */
	CHECK_INT(s.audience, 1);
	CHECK_INT(s.console, 0);
}

int
main(void)
{
	RUN(test_defaults);
	RUN(test_chosen);
	RUN(test_swap);
	RUN(test_unplug_replug);
	return check_done("test_screens");
}
