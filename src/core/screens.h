/*
 * screens: which display shows the slides (the audience screen) and which
 * the presenter console, for the displays there are now. Pure C; the shell
 * counts the displays and opens, moves or closes the windows.
 *
 * The rules:
 *  - The console is off unless asked for (--console N) or the mode is
 *    present; --console off turns it off in every mode.
 *  - Two displays or more: by default the console goes on the first
 *    display and the slides on the second (a laptop's own panel and the
 *    projector). --display N picks the slides' display, --console N the
 *    console's; one given alone, the other takes the first display left.
 *    The two never share a display while there are two.
 *  - One display at start: the slides have it, and the console waits for
 *    a second display; a windowed show with --console N (a rehearsal) puts
 *    both windows on it.
 *  - One display after there were two (the projector unplugged during a
 *    talk): the console keeps it and the slides wait for a display; when
 *    the second comes back, the slides go to it.
 *  - Swap exchanges the two displays while there are two.
 */
#ifndef VITRINE_SCREENS_H
#define VITRINE_SCREENS_H

#include <stdbool.h>

#define SCREENS_DEFAULT (-1) /* --display / --console not given */
#define SCREENS_OFF     (-2) /* --console off */
#define SCREENS_NONE    (-1) /* a window with no display: waits or off */

struct screens_opts {
	int display;   /* the slides' display, or SCREENS_DEFAULT */
	int console;   /* the console's, SCREENS_DEFAULT or SCREENS_OFF */
	bool present;  /* present mode: a console by default */
	bool windowed; /* with console >= 0: both may share a display */
};

struct screens {
	int audience; /* display index, or SCREENS_NONE: waiting */
	int console;  /* display index, or SCREENS_NONE: none or waiting */
	bool wants_console; /* a console is asked for, shown or waiting */
	bool swapped;       /* the presenter swapped the two */
	bool had_two;       /* the console has had a display of its own */
};

/* The placement for n displays at start. */
void screens_start(struct screens *s, const struct screens_opts *o, int n);

/* The placement after the number of displays changed to n. */
void screens_update(struct screens *s, const struct screens_opts *o, int n);

/* Exchanges the two displays (when both windows have one). */
void screens_swap(struct screens *s, const struct screens_opts *o, int n);

#endif
