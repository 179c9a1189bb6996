/*
 * presenter: the presenter console's window; see presenter.h. The console
 * is laid out by console.c (pure); this file opens and places its window,
 * decides what it shows (the talk timer, or for staff the next change and
 * the deck's state) and when it is drawn again. Drawing is
 * presenter_draw.c's, keys, clicks and displays presenter_input.c's.
 */
#include "presenter.h"
#include "civil.h"
#include "displays.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "announce.h"
#include "app.h"
#include "console.h"
#include "log.h"
#include "presenter_internal.h"
#include "screens.h"
#include "talk.h"
#include "util.h"

/*
 * Which display.
 */

/* The talk's length: --talk-minutes, else the deck's; 0: none given. */
static uint64_t
talk_length_ms(const struct player *p)
{
	uint32_t minutes = p->o->talk_minutes ? (uint32_t)p->o->talk_minutes
	                                      : p->deck.settings.talk_minutes;

	return (uint64_t)minutes * 60000;
}

int
presenter_display(struct player *p, int n)
{
	struct presenter *pr = xcalloc(1, sizeof(*pr));
	const struct app_options *o = p->o;

	pr->opts = (struct screens_opts){
		.display = o->display >= 0 ? o->display : SCREENS_DEFAULT,
		.console = o->console,
		.present = p->mode == DECK_MODE_PRESENT,
		.windowed = o->windowed
	};
	screens_start(&pr->screens, &pr->opts, n);
	p->pr = pr;
	talk_init(&pr->talk);
	pr->talk_ms = talk_length_ms(p);
	pr->dirty = true;
	if (pr->screens.wants_console && pr->screens.console < 0)
		log_msg(LOG_INFO,
		        "one display: the presenter console waits for "
		        "a second one (to rehearse on one: --windowed "
		        "--console 0)");
	return pr->screens.audience >= 0 ? pr->screens.audience : 0;
}

/*
 * The window.
 */

/* A rehearsal: the slides' window and the console's side by side on the
 * display, when it is wide enough; else the console centred on it. */
static void
place_side_by_side(struct presenter *pr, SDL_Window *slides, int d)
{
	SDL_Rect b;
	int aw, ah, cw, ch, x;

	SDL_GetWindowSize(slides, &aw, &ah);
	SDL_GetWindowSize(pr->win, &cw, &ch);
	if (displays_bounds(d, &b) != 0 || aw + cw > b.w) {
		int at = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(
		        SDL_max(displays_sdl_index(d), 0));

		SDL_SetWindowPosition(pr->win, at, at);
		return;
	}
	x = b.x + (b.w - aw - cw) / 2;
	SDL_SetWindowPosition(slides, x, b.y + (b.h - ah) / 2);
	SDL_SetWindowPosition(pr->win, x + aw, b.y + (b.h - ch) / 2);
}

void
presenter_place(struct presenter *pr, SDL_Window *slides, bool windowed)
{
	SDL_Rect b;
	int d = pr->screens.console;

	if (windowed || displays_bounds(d, &b) != 0)
		place_side_by_side(pr, slides, d);
	else
		presenter_fill_display(pr->win, b);
}

/* Whether win fills b already, fullscreen where SDL can make it so. */
static bool
fills(SDL_Window *win, SDL_Rect b)
{
	Uint32 full = SDL_WINDOW_FULLSCREEN_DESKTOP;
	SDL_Rect at;

	SDL_GetWindowPosition(win, &at.x, &at.y);
	SDL_GetWindowSize(win, &at.w, &at.h);
	return SDL_RectEquals(&at, &b) &&
	       ((SDL_GetWindowFlags(win) & full) == full ||
	        displays_sdl_at(b) < 0);
}

void
presenter_fill_display(SDL_Window *win, SDL_Rect b)
{
	if (fills(win, b))
		return;
	SDL_SetWindowFullscreen(win, 0);
	SDL_SetWindowPosition(win, b.x, b.y);
	SDL_SetWindowSize(win, b.w, b.h);
	/* SDL would size a fullscreen window to its stale idea of the
	 * display: a borderless window on the rect is all there is then */
	if (displays_sdl_at(b) >= 0)
		SDL_SetWindowFullscreen(win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* The console's window, its renderer and fonts; false when one of them
 * cannot be made. */
static bool
open_window(struct presenter *pr, bool windowed)
{
	Uint32 kind = windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_BORDERLESS;

	pr->win = SDL_CreateWindow("vitrine console", 0, 0, 960, 600,
	                           SDL_WINDOW_ALLOW_HIGHDPI | kind);
	pr->sdl = pr->win ? SDL_CreateRenderer(pr->win, -1, 0) : NULL;
	pr->r = pr->sdl ? app_open_render(pr->sdl) : NULL;
	return pr->r != NULL;
}

int
presenter_open(struct player *p)
{
	struct presenter *pr = p->pr;

	if (!pr || pr->screens.console < 0)
		return 0;
	if (!open_window(pr, p->o->windowed)) {
		log_msg(LOG_WARN, "no presenter console: %s", SDL_GetError());
		presenter_close(p);
		return -1;
	}
	render_set_smooth(pr->r, true);
	render_set_deck(pr->r, &p->deck);
	presenter_place(pr, p->win, p->o->windowed);
	SDL_GetWindowSize(pr->win, &pr->w, &pr->h);
	console_init(&pr->con);
	player_trace(p, "console on display %d, slides on display %d",
	             pr->screens.console, pr->screens.audience);
	return 0;
}

void
presenter_set_deck(struct player *p)
{
	struct presenter *pr = p->pr;

	if (!pr || !pr->r)
		return;
	render_set_deck(pr->r, &p->deck);
	pr->shown.index = p->show.index;
	pr->selected = pr->selected < p->deck.n_slides ? pr->selected : 0;
	pr->dirty = true;
}

void
presenter_close(struct player *p)
{
	struct presenter *pr = p->pr;

	if (!pr)
		return;
	presenter_drop_lines(pr, true);
	console_destroy(&pr->con);
	render_destroy(pr->r);
	if (pr->sdl)
		SDL_DestroyRenderer(pr->sdl);
	if (pr->win)
		SDL_DestroyWindow(pr->win);
	free(pr);
	p->pr = NULL;
}

/*
 * Drawing.
 */

static enum console_screen
screen_of(const struct player *p)
{
	if (p->pr->screens.audience < 0)
		return CONSOLE_NO_DISPLAY;
	return p->show.blank == SHOW_BLANK_BLACK   ? CONSOLE_BLACK
	       : p->show.blank == SHOW_BLANK_WHITE ? CONSOLE_WHITE
	                                           : CONSOLE_SHOWN;
}

/* Lobby and kiosk: the bar says when the slide changes, or why not. */
static void
staff_timer(struct presenter *pr, const struct player *p, uint64_t now)
{
	uint32_t next = show_next_wakeup(&p->show, now);
	char left[32];

	if (p->show.paused) {
		snprintf(pr->timer, sizeof(pr->timer), "paused");
	} else if (next == SHOW_WAKE_NEVER) {
		snprintf(pr->timer, sizeof(pr->timer), "waiting");
	} else {
		talk_clock_text((uint64_t)next + 999, left, sizeof(left));
		snprintf(pr->timer, sizeof(pr->timer), "next slide in %s",
		         left);
	}
}

/* A staff announcement on screen, in words, into buf ("" when none). */
static size_t
announcement_status(const struct player *p, char *buf, size_t size)
{
	int n;

	buf[0] = '\0';
	if (!announce_shown(p))
		return 0;
	n = snprintf(buf, size,
	             "Announcement on every screen: \"%.120s\" (remove "
	             "%s to end it). ",
	             p->ann.deck.slides[0].statement, ANNOUNCE_FILE);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* A staff announcement, in every mode; in lobby and kiosk the deck file
 * and its last reload too, in words. */
static void
staff_status(struct presenter *pr, const struct player *p)
{
	const struct reload *rl = &p->reload;
	size_t n = announcement_status(p, pr->status, sizeof(pr->status));
	char *s = pr->status + n;
	size_t size = sizeof(pr->status) - n;

	if (p->mode == DECK_MODE_PRESENT)
		return;
	if (rl->failed && rl->last_error)
		snprintf(s, size,
		         "%s: the last change did not load, so the show goes "
		         "on with the one before: %s",
		         p->o->deck, rl->last_error);
	else if (rl->holding)
		snprintf(s, size,
		         "%s: missing or broken; the holding slide shows until "
		         "it is fixed",
		         p->o->deck);
	else
		snprintf(s, size, "%s: loaded, %zu slides", p->o->deck,
		         p->deck.n_slides);
}

static void
make_clock(struct presenter *pr, const struct player *p, uint64_t now)
{
	struct civil_tm tm;

	civil_local(player_wall_ms(p), &tm);
	civil_format_time(pr->clock, sizeof(pr->clock), &tm,
	                  p->deck.settings.clock_format == DECK_CLOCK_12H,
	                  false);
	if (p->mode != DECK_MODE_PRESENT)
		staff_timer(pr, p, now);
	else
		talk_text(&pr->talk, now, pr->talk_ms, p->show.index,
		          p->deck.n_slides, pr->timer, sizeof(pr->timer));
}

/* The clock's, the timer's and the staff status's text for now; returns
 * whether the status changed. */
static bool
make_texts(struct presenter *pr, const struct player *p, uint64_t now)
{
	char status[sizeof(pr->status)];

	memcpy(status, pr->status, sizeof(status));
	make_clock(pr, p, now);
	staff_status(pr, p);
	return strcmp(status, pr->status) != 0;
}

static void
lay_out(struct player *p, uint64_t now)
{
	struct presenter *pr = p->pr;
	struct console_view v;

	v = (struct console_view){
		.deck = &p->deck,
		.index = p->show.index,
		.next = show_next_index(&p->show),
		.aspect = (double)p->w / (double)p->h,
		.screen = screen_of(p),
		.digits = p->show.digits,
		.clock = pr->clock,
		.timer = pr->timer,
		.pace = talk_pace(&pr->talk, now, pr->talk_ms, p->show.index,
		                  p->deck.n_slides),
		.status = pr->status[0] ? pr->status : NULL,
		.scroll = pr->scroll,
		.overview = pr->overview,
		.selected = pr->selected,
	};
	console_layout(&pr->con, &v, pr->w, pr->h, render_measurer(pr->r));
	pr->scroll = pr->scroll < pr->con.max_scroll ? pr->scroll
	                                             : pr->con.max_scroll;
}

static struct shown
shown_of(const struct player *p, uint64_t now)
{
	struct show_frame f;

	show_frame(&p->show, now, &f);
	return (struct shown){ p->show.index, p->show.blank, p->show.n_digits,
		               f.in_transition };
}

static bool
same_shown(const struct shown *a, const struct shown *b)
{
	return a->index == b->index && a->blank == b->blank &&
	       a->n_digits == b->n_digits && !a->in_transition &&
	       !b->in_transition;
}

/* Whether the show moved since the console was drawn (a transition keeps
 * moving it); a new slide may start the talk timer. */
static bool
show_moved(struct presenter *pr, const struct player *p, uint64_t now)
{
	struct shown is = shown_of(p, now);
	bool moved = !same_shown(&is, &pr->shown);

	if (is.index != pr->shown.index)
		talk_on_slide(&pr->talk, is.index, now);
	pr->shown = is;
	return moved;
}

/* The timer's and the clock's text, as one string (room for both). */
static void
bar_text(const struct presenter *pr, char *buf)
{
	snprintf(buf, sizeof(pr->timer) + sizeof(pr->clock), "%s|%s", pr->timer,
	         pr->clock);
}

static bool
bar_changed(const struct presenter *pr, const char *before)
{
	char now[sizeof(pr->timer) + sizeof(pr->clock)];

	bar_text(pr, now);
	return strcmp(before, now) != 0;
}

void
presenter_step(struct player *p, uint64_t now)
{
	struct presenter *pr = p->pr;
	char before[sizeof(pr->timer) + sizeof(pr->clock)];

	if (!pr)
		return;
	if (show_moved(pr, p, now) || pr->tick_drawn != p->tick_drawn)
		pr->dirty = true; /* the slide moved, or its clock turned */
	pr->tick_drawn = p->tick_drawn;
	if (!pr->win)
		return;
	bar_text(pr, before);
	pr->dirty |= make_texts(pr, p, now); /* a reload's result */
	if (!pr->dirty && !bar_changed(pr, before))
		return; /* nothing to lay out or draw */
	lay_out(p, now);
	if (pr->dirty)
		presenter_draw_all(p);
	else
		presenter_draw_bar(p);
	presenter_drop_lines(pr, false);
	pr->dirty = false;
}

uint32_t
presenter_wakeup_ms(const struct player *p, uint64_t now)
{
	const struct presenter *pr = p->pr;
	uint64_t talk, minute;

	if (!pr || !pr->win)
		return UINT32_MAX;
	talk = p->mode == DECK_MODE_PRESENT
	               ? talk_next_change_ms(&pr->talk, now)
	               : 1000 - now % 1000;
	minute = (uint64_t)(civil_next_minute(player_wall_ms(p)) -
	                    player_wall_ms(p));
	return (uint32_t)(talk < minute ? talk : minute);
}

/*
 * Keys and clicks.
 */
