/*
 * screens: the displays for the slides and the console; see screens.h.
 */
#include "screens.h"

/* The first display below n other than not. */
static int
first_other(int n, int not )
{
	for (int d = 0; d < n; d++)
		if (d != not )
			return d;
	return SCREENS_NONE;
}

static bool
wants_console(const struct screens_opts *o)
{
	if (o->console == SCREENS_OFF)
		return false;
	return o->present || o->console >= 0;
}

/* The display asked for when there is one such, else SCREENS_DEFAULT. */
static int
chosen(int asked, int n)
{
	return asked >= 0 && asked < n ? asked : SCREENS_DEFAULT;
}

/* Two displays or more: each window its own, as asked. */
static void
place_apart(struct screens *s, const struct screens_opts *o, int n)
{
	int a = chosen(o->display, n), c = chosen(o->console, n);

	if (a == SCREENS_DEFAULT && c == SCREENS_DEFAULT) {
		c = 0;
		a = 1;
	} else if (a == SCREENS_DEFAULT || a == c) {
		a = first_other(n, c);
	} else if (c == SCREENS_DEFAULT) {
		c = first_other(n, a);
	}
	s->audience = s->swapped ? c : a;
	s->console = s->swapped ? a : c;
	s->had_two = true;
}

static void
place(struct screens *s, const struct screens_opts *o, int n)
{
	int one = chosen(o->display, n) >= 0 ? o->display : 0;

	s->wants_console = wants_console(o);
	if (n <= 0) {
		s->audience = s->console = SCREENS_NONE;
	} else if (!s->wants_console) {
		s->audience = one;
		s->console = SCREENS_NONE;
	} else if (n >= 2) {
		place_apart(s, o, n);
	} else if (o->windowed && o->console >= 0) {
		s->audience = s->console = 0; /* a rehearsal */
	} else if (s->had_two) {
		s->audience = SCREENS_NONE; /* the projector went: wait */
		s->console = 0;
	} else {
		s->audience = 0;
		s->console = SCREENS_NONE; /* waits for a second display */
	}
}

void
screens_start(struct screens *s, const struct screens_opts *o, int n)
{
	*s = (struct screens){ 0 };
	place(s, o, n);
}

void
screens_update(struct screens *s, const struct screens_opts *o, int n)
{
	place(s, o, n);
}

void
screens_swap(struct screens *s, const struct screens_opts *o, int n)
{
	if (s->audience < 0 || s->console < 0 || s->audience == s->console)
		return;
	s->swapped = !s->swapped;
	place(s, o, n);
}
