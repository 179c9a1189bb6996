/*
 * player: start-up, the window, the event loop, watchdog pings and trace
 * of the running show; see player.h. Drawing is frame.c's, hot reload
 * reload.c's; struct player, which the three share, is in
 * player_internal.h.
 */
#include "player.h"
#include "displays.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "controls.h"
#include "frame.h"
#include "input.h"
#include "log.h"
#include "notify.h"
#include "overlay.h"
#include "player_internal.h"
#include "presenter.h"
#include "reload.h"
#include "render.h"
#include "show.h"
#include "util.h"

void
player_trace(struct player *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->o->trace)
		return;
	printf("trace %llu ", (unsigned long long)(SDL_GetTicks64() - p->t0));
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* Traces what a show change did: a new slide, or a blank screen. */
void
player_note_change(struct player *p, unsigned changes,
                   const struct show_trace *t)
{
	static const char *blank_names[] = { "off", "black", "white" };

	if (changes & SHOW_CHANGE_LANGUAGE)
		player_use_language(p);
	if (changes & SHOW_CHANGE_SLIDE)
		player_trace(p, "slide %zu/%zu %s %s", t->to + 1,
		             p->deck.n_slides, show_action_name(t->action),
		             show_source_name(t->source));
	if (p->show.blank != p->blank) {
		p->blank = p->show.blank;
		player_trace(p, "blank %s", blank_names[p->blank]);
	}
	if (changes)
		p->dirty = true;
}

void
player_fill_slides(struct player *p)
{
	p->slides = xcalloc(p->deck.n_slides, sizeof(*p->slides));
	for (size_t i = 0; i < p->deck.n_slides; i++) {
		p->slides[i].dwell_ms = deck_slide_ms(&p->deck, i);
		p->slides[i].transition = deck_slide_transition(&p->deck, i);
	}
}

struct show_config
player_show_config(const struct player *p)
{
	return (struct show_config){
		.mode = p->mode,
		.slides = p->slides,
		.n_slides = p->deck.n_slides,
		.transition_ms = p->deck.settings.transition_ms,
		.idle_ms = p->deck.settings.idle_ms,
	};
}

static void
start_show(struct player *p, uint64_t now)
{
	struct show_config cfg = player_show_config(p);

	show_init(&p->show, &cfg, now);
}

/* The screen's height in mm from the display's density; 0: unknown. */
static double
screen_mm(struct player *p)
{
	float ddpi, hdpi, vdpi;
	int display = SDL_GetWindowDisplayIndex(p->win);

	if (SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) == 0 &&
	    vdpi >= 50 && vdpi <= 600)
		return p->h / vdpi * 25.4;
	return 0;
}

const struct layout *
player_layout(const struct player *p)
{
	return render_layout(p->r, p->show.index, p->w, p->h);
}

void
player_place_controls(struct player *p)
{
	const struct layout *lay;
	double mm = screen_mm(p);
	int t;

	render_set_reserve(p->r, controls_reserve_px(
	                                 p->mode, p->deck.settings.progress_bar,
	                                 p->w, p->h, mm));
	if (p->mode != DECK_MODE_KIOSK)
		return;
	t = controls_target_for(p->w, p->h, mm);
	lay = player_layout(p);
	if (!lay)
		return;
	controls_place(&p->in.controls, lay->safe, t, p->deck.n_slides);
	controls_place_language(&p->in.controls, p->deck.languages.n > 1,
	                        p->deck.n_slides);
	player_place_due_dots(p);
}

static void
resize(struct player *p)
{
	bool turned = p->o->rotate == 90 || p->o->rotate == 270;

	if (SDL_GetRendererOutputSize(p->sdl, &p->sw, &p->sh) < 0)
		SDL_GetWindowSize(p->win, &p->sw, &p->sh);
	p->w = turned ? p->sh : p->sw;
	p->h = turned ? p->sw : p->sh;
	input_resize(&p->in, p->sw, p->sh);
	player_place_controls(p);
	frame_forget_screen(p); /* a new surface, not yet drawn */
	if (p->shown)
		player_trace(p, "resize %dx%d", p->w, p->h);
}

/* Ms until the next keep-alive is due (0: now); UINT32_MAX: none. */
static uint32_t
ping_due_ms(const struct player *p, uint64_t now)
{
	return p->ping_ms ? util_ms_until(p->next_ping, now) : UINT32_MAX;
}

static uint32_t
sooner(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

int
player_sleep_ms(const struct player *p, uint64_t now)
{
	uint32_t chord = input_next_wakeup(&p->in, now);
	uint32_t wake;

	if (p->in.chord_down) /* the chord's bar fills */
		chord = sooner(chord, FRAME_HOLD_STEP_MS);
	wake = sooner(show_next_wakeup(&p->show, now), chord);
	wake = sooner(wake, reload_due_ms(&p->reload, now));
	wake = sooner(wake, ping_due_ms(p, now));
	wake = sooner(wake, presenter_wakeup_ms(p, now));
	wake = sooner(wake, player_wall_wake_ms(p));
	wake = sooner(wake, announce_due_ms(p, now));
	if (wake == 0) /* a transition runs: one frame per refresh */
		return (int)util_ms_until(p->last_frame_ms + p->frame_ms, now);
	if (frame_bar_moves(p, now))
		wake = sooner(wake, frame_bar_step_ms(p));
	return wake == SHOW_WAKE_NEVER ? -1
	       : wake > INT32_MAX      ? INT32_MAX
	                               : (int)wake;
}

int
player_handle_event(struct player *p, SDL_Event *ev, uint64_t now)
{
	struct input_result res;
	struct show_trace t;

	if (reload_event(p, ev, now))
		return -1;
	if (render_take_decoded(p->r, ev)) /* textures made ahead */
		return -1;
	if (presenter_event(p, ev, now))
		return -1;
	res = input_event(&p->in, ev, now, p->show.n_digits > 0);
	if (res.kind == INPUT_SHOW && announce_shown(p))
		return -1; /* the announcement holds the show */

	switch (res.kind) {
	case INPUT_SHOW:
		player_note_change(p, show_handle(&p->show, &res.show, now, &t),
		                   &t);
		break;
	case INPUT_QUIT:
		player_trace(p, "quit");
		return 0;
	case INPUT_STAFF_EXIT:
		return PLAYER_EXIT_STAFF;
	case INPUT_RESIZED:
		resize(p);
		break;
	case INPUT_RESET:
		frame_reset(p);
		break;
	case INPUT_REDRAW: /* the whole screen again, not a fade's tiles */
		frame_forget_screen(p);
		break;
	case INPUT_NONE:
		break;
	}
	return -1;
}

/* Keeps systemd's watchdog from restarting the show. */
static void
ping_watchdog(struct player *p, uint64_t now)
{
	if (p->ping_ms && now >= p->next_ping) {
		notify_watchdog();
		p->next_ping = now + p->ping_ms;
	}
}

/* After the first frame: tells the supervisor, goes fullscreen. */
static void
first_shown(struct player *p)
{
	p->shown = true;
	SDL_WaitThread(p->prefault, NULL);
	p->prefault = NULL;
	player_trace(p, "ready %dx%d %s", p->w, p->h, deck_mode_name(p->mode));
	notify_ready();
	if (p->want_fullscreen)
		SDL_SetWindowFullscreen(p->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

int
player_step(struct player *p, uint64_t now)
{
	struct show_trace t;

	reload_tick(p, now);
	ping_watchdog(p, now);
	if (player_wall_ms(p) >= p->due_at) /* a window opened or closed */
		player_update_due(p, now);
	announce_tick(p, now);
	player_keep_in_step(p, now);
	player_note_change(p, show_tick(&p->show, now, &t), &t);
	if (input_tick(&p->in, now).kind == INPUT_STAFF_EXIT) {
		player_trace(p, "staff exit");
		return PLAYER_EXIT_STAFF;
	}
	if (p->in.chord_down || p->hold_shown) /* its bar fills, or goes */
		p->dirty = true;
	if (p->dirty)
		frame_draw(p, now);
	else if (player_wall_ms(p) >= p->tick_at) /* a clock turned */
		frame_draw_ticks(p, now);
	else if (frame_bar_moves(p, now)) /* it may have grown */
		frame_draw_bar(p, now);
	presenter_step(p, now);
	if (!p->shown)
		first_shown(p);
	return -1;
}

static int
loop(struct player *p)
{
	SDL_Event ev;
	int status = -1;

	while (status < 0) {
		status = player_step(p, SDL_GetTicks64());
		if (status >= 0)
			break;
		/* from the time after drawing: a frame took some of it */
		if (!SDL_WaitEventTimeout(&ev,
		                          player_sleep_ms(p, SDL_GetTicks64())))
			continue;
		do {
			status = player_handle_event(p, &ev, SDL_GetTicks64());
		} while (status < 0 && SDL_PollEvent(&ev));
	}
	return status;
}

static void
set_hints(bool locked)
{
	const char *renderer = SDL_getenv("VITRINE_RENDERER");

	if (!renderer || !*renderer || !SDL_strcmp(renderer, "software")) {
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	} else if (SDL_strcmp(renderer, "auto")) {
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, renderer);
	}
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, locked ? "0" : "1");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
}

/* One refresh of the display, in ms; 16 when it does not say. */
static uint32_t
refresh_ms(int display)
{
	SDL_DisplayMode dm;

	if (SDL_GetCurrentDisplayMode(display, &dm) == 0 && dm.refresh_rate > 0)
		return (uint32_t)(1000 / dm.refresh_rate);
	return 16;
}

static int
open_window(struct player *p)
{
	const struct app_options *o = p->o;
	int n = displays_count(), display = o->display < 0 ? 0 : o->display;
	SDL_Rect b = { SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280,
		       720 };
	Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;

	/* A display that is not there: present mode says so and stops; an
	 * unattended lobby or kiosk screen shows on display 0 instead. */
	if (n > 0 && display >= n && p->mode == DECK_MODE_PRESENT) {
		fprintf(stderr,
		        "vitrine: --display %d: there %s %d display%s, "
		        "counted from 0\n",
		        display, n == 1 ? "is" : "are", n, n == 1 ? "" : "s");
		return -1;
	}
	if (n > 0 && display >= n)
		log_msg(LOG_WARN,
		        "--display %d: there %s %d display%s, counted "
		        "from 0; showing on display 0",
		        display, n == 1 ? "is" : "are", n, n == 1 ? "" : "s");
	if (display < 0 || display >= n)
		display = 0;
	display = presenter_display(p, n);
	if (!o->windowed && displays_bounds(display, &b) == 0) {
		flags |= SDL_WINDOW_BORDERLESS;
		p->want_fullscreen = !o->w;
	} else {
		flags |= SDL_WINDOW_RESIZABLE;
		b.x = b.y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(
		        SDL_max(displays_sdl_index(display), 0));
		b.w = 1280;
		b.h = 720;
	}
	if (o->w) {
		b.w = o->w;
		b.h = o->h;
	}
	p->win = SDL_CreateWindow(p->deck.title ? p->deck.title : "vitrine",
	                          b.x, b.y, b.w, b.h, flags);
	p->sdl = p->win ? SDL_CreateRenderer(p->win, -1, 0) : NULL;
	if (!p->sdl) {
		fprintf(stderr, "vitrine: cannot open a window: %s\n",
		        SDL_GetError());
		return -1;
	}
	p->fast_fades = !o->rotate && screenfade_usable(p->win, p->sdl);
	p->frame_ms = refresh_ms(displays_sdl_index(display));
	return 0;
}

void
player_close(struct player *p)
{
	SDL_WaitThread(p->prefault, NULL); /* before its pixels go */
	presenter_close(p);
	announce_stop(p);
	holding_stop(p);
	overlay_label_free(&p->lang_label);
	reload_stop(&p->reload);
	frame_close(p); /* its canvas and fade, before the renderer */
	render_destroy(p->r);
	if (p->sdl)
		SDL_DestroyRenderer(p->sdl);
	if (p->win)
		SDL_DestroyWindow(p->win);
	free(p->slides);
	deck_free(&p->deck);
	app_stop_libraries();
}

/*
 * Whether SDL found a real display. With none, SDL 2.26 falls back to its
 * offscreen driver, which shows nothing: only take that (or dummy) when
 * asked for by name in SDL_VIDEODRIVER, as the tests do.
 */
static bool
has_display(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	const char *asked = SDL_getenv("SDL_VIDEODRIVER");

	if (!driver)
		return false;
	if (SDL_strcmp(driver, "offscreen") && SDL_strcmp(driver, "dummy"))
		return true;
	if (asked && !SDL_strcmp(asked, driver))
		return true;
	SDL_SetError("only SDL's %s driver, which shows nothing", driver);
	return false;
}

/* Reads a byte of every page of the window's pixels; see start_prefault. */
static int SDLCALL
prefault(void *surface)
{
	const SDL_Surface *s = surface;
	const volatile uint8_t *px = s->pixels;
	size_t bytes = (size_t)s->pitch * (size_t)s->h;
	uint8_t sum = 0;

	for (size_t i = 0; i < bytes; i += 4096)
		sum += px[i];
	return sum;
}

/*
 * The window's pixels are new shared memory: the first frame would fault
 * in its pages (8 MB at 1080p, 2,000 faults) while drawing. Another thread
 * reads them in meanwhile, while this one lays out and rasterises the
 * first slide; the loop waits for it before anything can replace them.
 */
static void
start_prefault(struct player *p)
{
	SDL_Surface *s = p->fast_fades ? SDL_GetWindowSurface(p->win) : NULL;

	if (s && !SDL_MUSTLOCK(s))
		p->prefault = SDL_CreateThread(prefault, "prefault", s);
}

/* Says in the trace that a slide waited for a picture's decode. */
static void
trace_wait(void *player, size_t slide, const char *image, unsigned ms)
{
	struct player *p = player;

	player_trace(p, "wait slide %zu/%zu picture %s %u ms", slide + 1,
	             p->deck.n_slides, image, ms);
}

static int SDLCALL
open_fonts(void *player)
{
	struct player *p = player;

	p->r = app_open_render(NULL);
	if (p->r)
		render_set_wait_hook(p->r, trace_wait, p);
	return 0;
}

/*
 * Starts SDL and the libraries and opens the window, with the fonts
 * loading meanwhile. Returns 0, or -1 after saying why.
 */
static int
open_display(struct player *p, bool locked)
{
	SDL_Thread *fonts;
	int rc;

	set_hints(locked);
	/* With no session bus (a console kiosk), keep libdbus from trying to
	 * start one: 8 ms at start, for nothing. */
	setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
	/* Nobody types text into a show: keep Xlib's input method from
	 * parsing the locale's Compose table, 12 ms of a 45 ms start. */
	setenv("XCOMPOSEFILE", "/dev/null", 0);
	if (app_start_libraries() < 0)
		return -1;
	/* The fonts load while SDL talks to the display: 4 ms each. */
	fonts = SDL_CreateThread(open_fonts, "fonts", p);
	if (!fonts)
		open_fonts(p);
	if (SDL_Init(SDL_INIT_VIDEO) < 0 || !has_display()) {
		SDL_WaitThread(fonts, NULL);
		fprintf(stderr,
		        "vitrine: no display to show on (%s); preview the "
		        "deck with: vitrine --export DIR %s\n",
		        SDL_GetError(), p->o->deck);
		return -1;
	}
	displays_watch_start();
	rc = open_window(p);
	SDL_WaitThread(fonts, NULL);
	return rc < 0 || !p->r ? -1 : 0;
}

int
player_open(struct player *p)
{
	bool locked;

	if (reload_load_first(p) < 0 ||
	    (!p->reload.holding && app_use_language(p->o, &p->deck) < 0))
		return -1;
	p->mode = app_mode(p->o, &p->deck);
	p->reload.marker =
	        p->o->marker >= 0 ? p->o->marker : p->mode != DECK_MODE_KIOSK;
	locked = !p->o->windowed && p->mode != DECK_MODE_PRESENT;
	if (open_display(p, locked) < 0)
		return -1;
	render_set_renderer(p->r, p->sdl);
	start_prefault(p);
	render_set_deck(p->r, &p->deck);
	p->wall_offset = app_clock_start(p->o); /* in the deck's zone */
	p->tick_at = INT64_MAX;
	SDL_StopTextInput();
	SDL_DisableScreenSaver();
	if (p->mode != DECK_MODE_PRESENT)
		SDL_ShowCursor(SDL_DISABLE);
	input_init(&p->in, p->mode, locked, 1, 1);
	input_set_rotation(&p->in, p->o->rotate);
	player_fill_slides(p);
	start_show(p, SDL_GetTicks64());
	player_set_languages(p);
	player_update_due(p, SDL_GetTicks64());
	announce_start(p, SDL_GetTicks64());
	resize(p);
	reload_watch(p);
	presenter_open(p);
	p->ping_ms = notify_watchdog_interval_ms();
	p->next_ping = SDL_GetTicks64();
	return 0;
}

int
player_run(const struct app_options *o)
{
	struct player p = { .o = o };
	int status = 1;

	p.t0 = SDL_GetTicks64();
	if (player_open(&p) == 0)
		status = loop(&p);
	notify_stopping();
	player_close(&p);
	return status;
}
