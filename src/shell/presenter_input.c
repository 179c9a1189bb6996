/*
 * presenter_input: the presenter console's keys and clicks (whichever
 * window has focus) and the displays coming and going; see presenter.h.
 */
#include "displays.h"
#include "presenter.h"
#include "presenter_internal.h"

#include "log.h"

static void
go_to(struct player *p, size_t i, uint64_t now)
{
	struct show_input in = { .action = SHOW_GOTO,
		                 .source = SHOW_SOURCE_KEY,
		                 .arg = i };
	struct show_trace t;

	if (show_handle(&p->show, &in, now, &t))
		p->dirty = true;
	if (t.to != t.from)
		player_trace(p, "slide %zu/%zu goto key", t.to + 1,
		             p->deck.n_slides);
}

/* Moves the slides' window onto display d fullscreen (or shows it in a
 * window there), or hides it while it has none. */
static void
place_slides(struct player *p, int d)
{
	SDL_Rect b;

	if (d < 0) {
		SDL_HideWindow(p->win);
		return;
	}
	SDL_ShowWindow(p->win);
	if (!p->o->windowed && displays_bounds(d, &b) == 0)
		presenter_fill_display(p->win, b);
}

static void
trace_screens(struct player *p)
{
	player_trace(p, "console on display %d, slides on display %d",
	             p->pr->screens.console, p->pr->screens.audience);
}

/* The console's keys outside the overview. */
static void
key_timer(struct player *p, uint64_t now)
{
	talk_toggle(&p->pr->talk, now);
}

static void
key_reset(struct player *p, uint64_t now)
{
	(void)now;
	talk_reset(&p->pr->talk);
}

static void
key_swap(struct player *p, uint64_t now)
{
	struct presenter *pr = p->pr;

	(void)now;
	screens_swap(&pr->screens, &pr->opts, displays_count());
	place_slides(p, pr->screens.audience);
	presenter_place(pr, p->win, p->o->windowed);
	trace_screens(p);
}

static void
key_overview(struct player *p, uint64_t now)
{
	(void)now;
	p->pr->overview = true;
	p->pr->selected = p->show.index;
}

static const struct {
	SDL_Keycode key;
	void (*act)(struct player *p, uint64_t now);
} console_keys[] = {
	{ SDLK_t, key_timer },
	{ SDLK_r, key_reset },
	{ SDLK_s, key_swap },
	{ SDLK_TAB, key_overview },
};
#define N_CONSOLE_KEYS (sizeof(console_keys) / sizeof(console_keys[0]))

/* Where an overview key moves the choice from s, in a grid of cols a row
 * and n slides, into *to; false when the key moves nothing. */
static bool
overview_move(SDL_Keycode key, long s, long n, long cols, long *to)
{
	static const SDL_Keycode keys[] = { SDLK_LEFT, SDLK_RIGHT, SDLK_UP,
		                            SDLK_DOWN, SDLK_HOME,  SDLK_END };
	const long moved[] = { s - 1, s + 1, s - cols, s + cols, 0, n - 1 };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (key == keys[i]) {
			*to = moved[i] < 0    ? 0
			      : moved[i] >= n ? n - 1
			                      : moved[i];
			return true;
		}
	return false;
}

/* Overview keys: arrows choose, Enter shows, Tab and Escape close. */
static bool
overview_key(struct player *p, SDL_Keycode key, uint64_t now)
{
	struct presenter *pr = p->pr;
	bool enter = key == SDLK_RETURN || key == SDLK_KP_ENTER;
	long to, cols = pr->con.grid.cols > 0 ? pr->con.grid.cols : 1;

	if (enter)
		go_to(p, pr->selected, now);
	if (enter || key == SDLK_TAB || key == SDLK_ESCAPE)
		pr->overview = false;
	else if (overview_move(key, (long)pr->selected, (long)p->deck.n_slides,
	                       cols, &to))
		pr->selected = (size_t)to;
	else
		return false;
	return true;
}

/* Shift+Up and Shift+Down scroll the notes a line. */
static bool
scroll_key(struct presenter *pr, const SDL_Keysym *k)
{
	bool up = k->sym == SDLK_UP;

	if (!(k->mod & KMOD_SHIFT) || (!up && k->sym != SDLK_DOWN))
		return false;
	pr->scroll =
	        up ? (pr->scroll > 0 ? pr->scroll - 1 : 0) : pr->scroll + 1;
	return true;
}

static bool
plain_key(struct player *p, SDL_Keycode key, uint64_t now)
{
	for (size_t i = 0; i < N_CONSOLE_KEYS; i++)
		if (key == console_keys[i].key) {
			console_keys[i].act(p, now);
			return true;
		}
	return false;
}

static bool
console_key(struct player *p, const SDL_KeyboardEvent *k, uint64_t now)
{
	struct presenter *pr = p->pr;
	bool taken;

	if (k->type != SDL_KEYDOWN ||
	    k->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))
		return false;
	taken = pr->overview ? overview_key(p, k->keysym.sym, now)
	                     : scroll_key(pr, &k->keysym) ||
	                               plain_key(p, k->keysym.sym, now);
	pr->dirty |= taken;
	return taken;
}

static bool
in_rect(struct layout_rect r, int x, int y)
{
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* A click in the console: the next slide's preview advances; in the
 * overview a thumbnail shows that slide. Every click there is taken. */
static void
console_click(struct player *p, const SDL_MouseButtonEvent *b, uint64_t now)
{
	struct presenter *pr = p->pr;
	long hit =
	        pr->overview ? console_overview_hit(&pr->con, b->x, b->y) : -1;

	if (b->button != SDL_BUTTON_LEFT)
		return;
	if (hit >= 0) {
		pr->overview = false;
		go_to(p, (size_t)hit, now);
	} else if (!pr->overview && in_rect(pr->con.next, b->x, b->y)) {
		go_to(p, show_next_index(&p->show), now);
	}
	pr->dirty = true;
}

/* Shows the console's window on its display, or hides it while it has
 * none. */
static void
place_console(struct player *p)
{
	struct presenter *pr = p->pr;

	if (pr->win && pr->screens.console < 0) {
		SDL_HideWindow(pr->win);
	} else if (pr->win) {
		SDL_ShowWindow(pr->win);
		presenter_place(pr, p->win, p->o->windowed);
	}
}

/* A display came, went or moved: the slides and the console move as
 * screens.h says, the talk (slide, timer) going on; logged once a change
 * of place. */
static void
displays_changed(struct player *p)
{
	struct presenter *pr = p->pr;
	struct screens was = pr->screens;
	int n = displays_count();
	bool moved;

	screens_update(&pr->screens, &pr->opts, n);
	moved = was.audience != pr->screens.audience ||
	        was.console != pr->screens.console;
	if (moved)
		log_msg(LOG_INFO, "%d display%s: slides on %d, console on %d",
		        n, n == 1 ? "" : "s", pr->screens.audience,
		        pr->screens.console);
	place_slides(p, pr->screens.audience);
	if (pr->screens.console >= 0 && !pr->win) {
		presenter_open(p); /* which traces the screens */
	} else {
		place_console(p);
		if (moved)
			trace_screens(p);
	}
	pr->dirty = true;
	p->dirty = true;
}

static void
console_window_event(struct player *p, const SDL_WindowEvent *w)
{
	struct presenter *pr = p->pr;

	if (w->event == SDL_WINDOWEVENT_SIZE_CHANGED)
		SDL_GetWindowSize(pr->win, &pr->w, &pr->h);
	if (w->event == SDL_WINDOWEVENT_CLOSE) {
		SDL_HideWindow(pr->win);
		return;
	}
	pr->dirty = true;
}

/* The window a mouse or window event is for; 0 for any other event. */
static Uint32
event_window(const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		return ev->button.windowID;
	case SDL_MOUSEMOTION:
		return ev->motion.windowID;
	case SDL_MOUSEWHEEL:
		return ev->wheel.windowID;
	case SDL_WINDOWEVENT:
		return ev->window.windowID;
	default:
		return 0;
	}
}

bool
presenter_event(struct player *p, const SDL_Event *ev, uint64_t now)
{
	struct presenter *pr = p->pr;
	Uint32 id = pr && pr->win ? SDL_GetWindowID(pr->win) : 0;

	bool display =
	        ev->type == SDL_DISPLAYEVENT || displays_changed_event(ev);

	if (pr && display)
		displays_changed(p); /* and the player relays out too */
	if (!id || display)
		return false;
	if (ev->type == SDL_KEYDOWN || ev->type == SDL_KEYUP)
		return console_key(p, &ev->key, now);
	if (event_window(ev) != id)
		return false;
	if (ev->type == SDL_WINDOWEVENT)
		console_window_event(p, &ev->window);
	else if (ev->type == SDL_MOUSEBUTTONDOWN)
		console_click(p, &ev->button, now);
	return true;
}
