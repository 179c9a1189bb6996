/*
 * player: window, event loop and frames of the running show; see player.h.
 */
#include "player.h"

#include <SDL.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "controls.h"
#include "input.h"
#include "log.h"
#include "notify.h"
#include "overlay.h"
#include "render.h"
#include "screenfade.h"
#include "show.h"
#include "util.h"
#include "watch.h"

struct player {
	const struct app_options *o;
	enum deck_mode mode;
	SDL_Window *win;
	SDL_Renderer *sdl;
	struct render *r;
	struct deck deck;
	struct show_slide *slides; /* owned; the show borrows it */
	struct show show;
	struct input in;
	int w, h;            /* the slide's size, px: the screen's, turned */
	int sw, sh;          /* the screen's (window's) size, px */
	SDL_Texture *canvas; /* --rotate: the slide is drawn here, then
	                        turned onto the screen; owned */
	uint32_t frame_ms;   /* one refresh of the display */
	uint64_t t0;         /* start, for trace times */
	uint64_t last_frame_ms;
	bool dirty; /* a frame must be drawn */
	bool shown; /* the first frame is on screen */
	bool want_fullscreen;
	enum show_blank blank; /* as last traced */
	struct watch *watch;   /* NULL: no hot reload */
	uint64_t reload_at;    /* when to reload; 0: no reload pending */
	bool holding;          /* showing the built-in holding slide */
	bool reload_failed;    /* the last reload failed: staff marker */
	char *last_error;      /* the last reload error logged; owned */
	bool marker;           /* show the failed-reload marker */
	uint64_t ping_ms;      /* systemd watchdog interval; 0: none */
	uint64_t next_ping;    /* when the next keep-alive is due */
	size_t image_errors;   /* image errors already logged */
	struct screenfade sf;  /* a crossfade on the window's pixels */
	SDL_Thread *prefault;  /* touching the window's pixels, at start */
	bool fast_fades;       /* the renderer allows screenfade */
	bool screen_ok;        /* the screen shows the window's surface, which
	                          holds the last frame */
};

static void trace(struct player *p, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void
trace(struct player *p, const char *fmt, ...)
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
static void
note_change(struct player *p, unsigned changes, const struct show_trace *t)
{
	static const char *blank_names[] = { "off", "black", "white" };

	if (changes & SHOW_CHANGE_SLIDE)
		trace(p, "slide %zu/%zu %s %s", t->to + 1, p->deck.n_slides,
		      show_action_name(t->action), show_source_name(t->source));
	if (p->show.blank != p->blank) {
		p->blank = p->show.blank;
		trace(p, "blank %s", blank_names[p->blank]);
	}
	if (changes)
		p->dirty = true;
}

static void
fill_slides(struct player *p)
{
	p->slides = xcalloc(p->deck.n_slides, sizeof(*p->slides));
	for (size_t i = 0; i < p->deck.n_slides; i++) {
		p->slides[i].dwell_ms = deck_slide_ms(&p->deck, i);
		p->slides[i].transition = deck_slide_transition(&p->deck, i);
	}
}

static void
start_show(struct player *p, uint64_t now)
{
	struct show_config cfg = {
		.mode = p->mode,
		.slides = p->slides,
		.n_slides = p->deck.n_slides,
		.transition_ms = p->deck.settings.transition_ms,
		.idle_ms = p->deck.settings.idle_ms,
	};

	show_init(&p->show, &cfg, now);
}

/* Touch target size from the display's density, at least 1/12 of it. */
static int
target_px(struct player *p)
{
	float ddpi, hdpi, vdpi;
	int display = SDL_GetWindowDisplayIndex(p->win);
	int shorter = p->w < p->h ? p->w : p->h;
	double mm = 0;
	int t;

	if (SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) == 0 &&
	    vdpi >= 50 && vdpi <= 600)
		mm = p->h / vdpi * 25.4;
	t = controls_target_px(p->h, mm);
	return t < shorter / 12 ? shorter / 12 : t;
}

/* Places the kiosk's controls and keeps slide text clear of them. */
static void
place_controls(struct player *p)
{
	const struct layout *lay;
	int t;

	if (p->mode != DECK_MODE_KIOSK)
		return;
	t = target_px(p);
	render_set_reserve(p->r, t + t / 4);
	lay = render_layout(p->r, p->show.index, p->w, p->h);
	if (lay)
		controls_place(&p->in.controls, lay->safe, t, p->deck.n_slides);
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
	place_controls(p);
	screenfade_end(&p->sf);
	p->screen_ok = false; /* a new surface, not yet drawn */
	p->dirty = true;
	if (p->shown)
		trace(p, "resize %dx%d", p->w, p->h);
}

static void
draw_transition(struct player *p, const struct show_frame *f)
{
	uint8_t alpha;
	int shift = (int)lround(f->progress * p->w) * f->direction;

	if (f->kind == DECK_TRANSITION_PUSH) {
		render_slide(p->r, f->from, p->w, p->h, -shift, 255);
		render_slide(p->r, f->to, p->w, p->h,
		             f->direction * p->w - shift, 255);
		return;
	}
	alpha = (uint8_t)lround(f->progress * 255);
	render_fade(p->r, f->from, f->to, p->w, p->h, alpha);
}

/*
 * With --rotate, points drawing at the canvas (made or remade at the
 * slide's size). Returns false when no canvas can be had: draw unturned.
 */
static bool
begin_canvas(struct player *p)
{
	int w = 0, h = 0;

	if (!p->o->rotate)
		return false;
	if (p->canvas)
		SDL_QueryTexture(p->canvas, NULL, NULL, &w, &h);
	if (!p->canvas || w != p->w || h != p->h) {
		if (p->canvas)
			SDL_DestroyTexture(p->canvas);
		p->canvas =
		        SDL_CreateTexture(p->sdl, SDL_PIXELFORMAT_RGB888,
		                          SDL_TEXTUREACCESS_TARGET, p->w, p->h);
	}
	return p->canvas && SDL_SetRenderTarget(p->sdl, p->canvas) == 0;
}

/* Turns the canvas onto the screen, about the screen's centre. */
static void
end_canvas(struct player *p)
{
	SDL_Rect dst = { (p->sw - p->w) / 2, (p->sh - p->h) / 2, p->w, p->h };

	SDL_SetRenderTarget(p->sdl, NULL);
	SDL_SetRenderDrawColor(p->sdl, 0, 0, 0, 255);
	SDL_RenderClear(p->sdl);
	SDL_RenderCopyEx(p->sdl, p->canvas, NULL, &dst, p->o->rotate, NULL,
	                 SDL_FLIP_NONE);
}

/* Logs, once each, pictures that failed to load while drawing. */
static void
log_image_errors(struct player *p)
{
	struct report rep;
	size_t n = render_image_error_count(p->r);

	if (n <= p->image_errors)
		return;
	report_init(&rep);
	render_image_errors(p->r, &rep);
	for (size_t i = p->image_errors; i < rep.n; i++)
		log_msg(LOG_ERROR, "%s", rep.v[i].text);
	report_destroy(&rep);
	p->image_errors = n;
}

/*
 * Slide i at rest. Its background covers the screen, so nothing is cleared
 * first (a whole screen's writing saved) unless the slide cannot be drawn.
 */
static void
draw_still(struct player *p, size_t i)
{
	if (render_slide(p->r, i, p->w, p->h, 0, 255) < 0) {
		SDL_SetRenderDrawColor(p->sdl, 0, 0, 0, 255);
		SDL_RenderClear(p->sdl);
	}
}

static bool
progress_shown(const struct player *p, const struct show_frame *f)
{
	return f->blank == SHOW_BLANK_NONE && f->cycling &&
	       p->deck.settings.progress_bar && p->mode == DECK_MODE_LOBBY;
}

/* The progress bar; returns the rectangle it drew (w 0: none). */
static SDL_Rect
draw_progress(struct player *p, double fraction)
{
	const struct layout *lay =
	        render_layout(p->r, p->show.index, p->w, p->h);

	if (!lay)
		return (SDL_Rect){ 0, 0, 0, 0 };
	return overlay_progress(p->sdl, lay->safe, p->h, p->deck.theme.accent,
	                        fraction);
}

/* Everything drawn over a slide: controls, progress bar, marker. */
static void
draw_overlays(struct player *p, const struct show_frame *f, size_t current)
{
	if (f->blank == SHOW_BLANK_NONE && p->mode == DECK_MODE_KIOSK)
		overlay_controls(p->sdl, &p->in.controls, &p->deck.theme,
		                 current);
	if (progress_shown(p, f))
		draw_progress(p, f->dwell);
	if (p->reload_failed && p->marker)
		overlay_marker(p->sdl, p->w, p->h);
}

/*
 * Draws a crossfade frame on the window's own pixels when it can (see
 * screenfade.h): the first frame draws the new slide whole, the others mix
 * only the tiles that change. Also ends such a fade exactly, with its last
 * frame, when nothing but the slide changed. Returns false when the frame
 * is still to be drawn the ordinary way.
 */
static bool
draw_fast_fade(struct player *p, const struct show_frame *f)
{
	unsigned t = (unsigned)lround(f->progress * FADE_FULL);

	if (!f->in_transition || f->kind != DECK_TRANSITION_FADE ||
	    f->blank != SHOW_BLANK_NONE) {
		bool ends = !f->in_transition && f->blank == SHOW_BLANK_NONE &&
		            screenfade_is_live(&p->sf, p->sf.from, f->index) &&
		            !progress_shown(p, f) && p->screen_ok;

		if (ends && screenfade_show(&p->sf, p->win, FADE_FULL) == 0) {
			screenfade_end(&p->sf);
			return true;
		}
		screenfade_end(&p->sf);
		return false;
	}
	if (!p->fast_fades || !p->screen_ok)
		return false;
	if (!screenfade_is_live(&p->sf, f->from, f->to)) {
		if (screenfade_capture_from(&p->sf, p->win, p->sdl) < 0)
			return false;
		draw_still(p, f->to);
		draw_overlays(p, f, f->to);
		if (screenfade_capture_to(&p->sf, p->win, p->sdl, f->from,
		                          f->to) < 0)
			return false;
	}
	if (screenfade_show(&p->sf, p->win, t) < 0)
		return false;
	if (progress_shown(p, f)) { /* it grows during the fade, on top */
		SDL_Rect bar = draw_progress(p, f->dwell);

		SDL_RenderFlush(p->sdl);
		if (bar.w > 0)
			SDL_UpdateWindowSurfaceRects(p->win, &bar, 1);
	}
	return true;
}

static void
draw(struct player *p, uint64_t now)
{
	struct show_frame f;
	bool turned;
	uint8_t v;

	/* as it will be when on screen, a refresh from now */
	show_frame(&p->show, now + p->frame_ms, &f);
	if (draw_fast_fade(p, &f))
		goto drawn;
	turned = begin_canvas(p);
	if (f.blank != SHOW_BLANK_NONE) {
		v = f.blank == SHOW_BLANK_WHITE ? 255 : 0;
		SDL_SetRenderDrawColor(p->sdl, v, v, v, 255);
		SDL_RenderClear(p->sdl);
	} else if (f.in_transition && f.kind != DECK_TRANSITION_NONE) {
		SDL_SetRenderDrawColor(p->sdl, 0, 0, 0, 255);
		SDL_RenderClear(p->sdl);
		draw_transition(p, &f);
	} else {
		draw_still(p, f.index);
	}
	draw_overlays(p, &f, f.in_transition ? f.to : f.index);
	if (turned)
		end_canvas(p);
	SDL_RenderPresent(p->sdl);
drawn:
	p->screen_ok = true;
	p->last_frame_ms = now;
	p->dirty = false;
	if (!f.in_transition)
		render_prepare(p->r, (f.index + 1) % p->deck.n_slides, p->w,
		               p->h);
	log_image_errors(p);
}

/* How long the loop may sleep, in ms; -1: until an event. */
static int
sleep_ms(struct player *p, uint64_t now)
{
	uint32_t wake = show_next_wakeup(&p->show, now);
	uint32_t chord = input_next_wakeup(&p->in, now);
	struct show_frame f;

	if (chord < wake)
		wake = chord;
	if (p->reload_at) {
		uint64_t due = p->reload_at > now ? p->reload_at - now : 0;

		if (due < wake)
			wake = (uint32_t)due;
	}
	if (p->ping_ms) {
		uint64_t due = p->next_ping > now ? p->next_ping - now : 0;

		if (due < wake)
			wake = (uint32_t)due;
	}
	if (wake == 0) { /* a transition runs: one frame per refresh */
		uint64_t due = p->last_frame_ms + p->frame_ms;

		return due > now ? (int)(due - now) : 0;
	}
	show_frame(&p->show, now, &f);
	if (f.cycling && p->deck.settings.progress_bar &&
	    p->mode == DECK_MODE_LOBBY) {
		uint32_t step = deck_slide_ms(&p->deck, f.index) /
		                (uint32_t)(p->w > 0 ? p->w : 1);
		step = step < 50 ? 50 : step;
		if (step < wake)
			wake = step;
		p->dirty = true;
	}
	return wake == SHOW_WAKE_NEVER ? -1
	       : wake > INT32_MAX      ? INT32_MAX
	                               : (int)wake;
}

/*
 * Whether a changed file (relative to the deck's folder) matters: the deck
 * or one of its pictures, or anything while the last reload failed (a new
 * deck may name a picture that arrives after it).
 */
static bool
is_relevant(const struct player *p, const char *name)
{
	const char *slash = strrchr(p->o->deck, '/');
	const char *base = slash ? slash + 1 : p->o->deck;

	if (!name || !strcmp(name, base) || !*name || p->reload_failed)
		return true; /* after a failure, any change may be the fix */
	for (size_t i = 0; i < p->deck.n_slides; i++)
		if (p->deck.slides[i].image &&
		    !strcmp(p->deck.slides[i].image, name))
			return true;
	return false;
}

static void
watch_image_folders(struct player *p)
{
	for (size_t i = 0; i < p->deck.n_slides; i++) {
		const char *image = p->deck.slides[i].image;
		const char *slash = image ? strrchr(image, '/') : NULL;
		char dir[1024];

		if (!slash || (size_t)(slash - image) >= sizeof(dir))
			continue;
		memcpy(dir, image, (size_t)(slash - image));
		dir[slash - image] = '\0';
		watch_add_folder(p->watch, dir);
	}
}

/* The slide of next that matches the one on screen: same id, else index. */
static size_t
matching_slide(const struct player *p, const struct deck *next)
{
	const char *id = p->deck.slides[p->show.index].id;

	for (size_t i = 0; id && !p->holding && i < next->n_slides; i++)
		if (next->slides[i].id && !strcmp(next->slides[i].id, id))
			return i;
	if (p->holding)
		return 0;
	return p->show.index < next->n_slides ? p->show.index
	                                      : next->n_slides - 1;
}

/* Logs a failed reload once: the same errors again stay quiet. */
static void
reload_failed(struct player *p, const struct report *rep)
{
	const char *first = report_first(rep);

	p->reload_failed = true;
	p->dirty = true;
	if (p->last_error && !strcmp(p->last_error, first))
		return;
	free(p->last_error);
	p->last_error = xstrdup(first);
	log_msg(LOG_ERROR,
	        "%s: reload failed; still showing the last good "
	        "deck:",
	        p->o->deck);
	log_report(rep);
	trace(p, "reload failed");
}

/* Swaps next in for the deck on screen, keeping the slide shown. */
static void
swap_deck(struct player *p, struct deck *next, uint64_t now)
{
	size_t index = matching_slide(p, next);
	struct show_slide *old_slides = p->slides;
	struct show_trace t;
	struct show_config cfg;

	screenfade_end(&p->sf);      /* its pictures show the old deck */
	render_set_deck(p->r, NULL); /* drops textures made from the old */
	deck_free(&p->deck);
	p->deck = *next;
	render_set_deck(p->r, &p->deck);
	fill_slides(p);
	cfg = p->show.cfg;
	cfg.slides = p->slides;
	cfg.n_slides = p->deck.n_slides;
	cfg.transition_ms = p->deck.settings.transition_ms;
	cfg.idle_ms = p->deck.settings.idle_ms;
	show_reload(&p->show, &cfg, index, now, &t);
	free(old_slides);
	p->holding = false;
	p->reload_failed = false;
	free(p->last_error);
	p->last_error = NULL;
	watch_image_folders(p);
	place_controls(p);
	p->dirty = true;
	log_msg(LOG_INFO, "%s: loaded, %zu slides", p->o->deck,
	        p->deck.n_slides);
	trace(p, "reload ok slide %zu/%zu", p->show.index + 1,
	      p->deck.n_slides);
}

static void
reload(struct player *p, uint64_t now)
{
	struct deck next;
	struct report rep;

	p->reload_at = 0;
	report_init(&rep);
	if (deck_load(&next, p->o->deck, &rep) < 0)
		reload_failed(p, &rep);
	else
		swap_deck(p, &next, now);
	report_destroy(&rep);
}

static void
on_watch(struct player *p, SDL_Event *ev, uint64_t now)
{
	const char *name = watch_event_name(ev);

	if (!name)
		p->reload_at = now; /* SIGHUP: at once */
	else if (is_relevant(p, name))
		p->reload_at = now + WATCH_DEBOUNCE_MS;
	log_msg(LOG_DEBUG, "changed: %s", name ? name : "(SIGHUP)");
	watch_event_free(ev);
}

/* Handles one event; returns -1 to go on, else the exit status. */
static int
handle_event(struct player *p, SDL_Event *ev, uint64_t now)
{
	struct input_result res;
	struct show_trace t;

	if (ev->type == watch_event_type()) {
		on_watch(p, ev, now);
		return -1;
	}
	res = input_event(&p->in, ev, now, p->show.n_digits > 0);

	switch (res.kind) {
	case INPUT_SHOW:
		note_change(p, show_handle(&p->show, &res.show, now, &t), &t);
		break;
	case INPUT_QUIT:
		trace(p, "quit");
		return 0;
	case INPUT_STAFF_EXIT:
		return PLAYER_EXIT_STAFF;
	case INPUT_RESIZED:
		resize(p);
		break;
	case INPUT_RESET:
		screenfade_end(&p->sf);
		p->screen_ok = false;
		render_flush(p->r);
		if (p->canvas)
			SDL_DestroyTexture(p->canvas);
		p->canvas = NULL;
		p->dirty = true;
		break;
	case INPUT_REDRAW: /* the whole screen again, not a fade's tiles */
		screenfade_end(&p->sf);
		p->screen_ok = false;
		p->dirty = true;
		break;
	case INPUT_NONE:
		break;
	}
	return -1;
}

static int
loop(struct player *p)
{
	SDL_Event ev;
	struct show_trace t;
	int status = -1;

	while (status < 0) {
		uint64_t now = SDL_GetTicks64();

		if (p->reload_at && now >= p->reload_at)
			reload(p, now);
		if (p->ping_ms && now >= p->next_ping) {
			notify_watchdog();
			p->next_ping = now + p->ping_ms;
		}
		note_change(p, show_tick(&p->show, now, &t), &t);
		if (input_tick(&p->in, now).kind == INPUT_STAFF_EXIT) {
			trace(p, "staff exit");
			return PLAYER_EXIT_STAFF;
		}
		if (p->dirty)
			draw(p, now);
		if (!p->shown) {
			p->shown = true;
			SDL_WaitThread(p->prefault, NULL);
			p->prefault = NULL;
			trace(p, "ready %dx%d %s", p->w, p->h,
			      deck_mode_name(p->mode));
			notify_ready();
			if (p->want_fullscreen)
				SDL_SetWindowFullscreen(
				        p->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
		}
		/* from the time after drawing: a frame took some of it */
		if (!SDL_WaitEventTimeout(&ev, sleep_ms(p, SDL_GetTicks64())))
			continue;
		do {
			status = handle_event(p, &ev, SDL_GetTicks64());
		} while (status < 0 && SDL_PollEvent(&ev));
	}
	return status;
}

static void
set_hints(const struct player *p, bool locked)
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
	(void)p;
}

static int
open_window(struct player *p)
{
	const struct app_options *o = p->o;
	int display = o->display;
	SDL_Rect b = { SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280,
		       720 };
	SDL_DisplayMode dm;
	Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;

	if (display < 0 || display >= SDL_GetNumVideoDisplays())
		display = 0;
	if (!o->windowed && SDL_GetDisplayBounds(display, &b) == 0) {
		flags |= SDL_WINDOW_BORDERLESS;
		p->want_fullscreen = !o->w;
	} else {
		flags |= SDL_WINDOW_RESIZABLE;
		b.x = b.y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display);
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
	p->frame_ms = 16;
	if (SDL_GetCurrentDisplayMode(display, &dm) == 0 && dm.refresh_rate > 0)
		p->frame_ms = (uint32_t)(1000 / dm.refresh_rate);
	return 0;
}

/*
 * Loads the deck. When it is missing or broken, a lobby or kiosk shows a
 * holding slide (the event's name when the file still tells it) and waits
 * for the file to be fixed; present mode gives up.
 */
static int
load_deck(struct player *p)
{
	struct report rep;
	char *name;
	int rc;

	report_init(&rep);
	rc = deck_load(&p->deck, p->o->deck, &rep);
	if (rc < 0) {
		log_report(&rep);
		p->last_error = xstrdup(report_first(&rep));
	}
	report_destroy(&rep);
	if (rc == 0 || p->o->mode == DECK_MODE_PRESENT)
		return rc;
	name = deck_peek_event_name(p->o->deck);
	rc = deck_holding(&p->deck, p->o->deck, name);
	free(name);
	if (rc == 0) {
		p->holding = true;
		p->reload_failed = true;
		log_msg(LOG_WARN,
		        "%s: showing a holding slide until the deck "
		        "is fixed",
		        p->o->deck);
	}
	return rc;
}

static void
close_player(struct player *p)
{
	SDL_WaitThread(p->prefault, NULL); /* before its pixels go */
	watch_stop(p->watch);
	screenfade_end(&p->sf);
	free(p->last_error);
	render_destroy(p->r);
	if (p->canvas)
		SDL_DestroyTexture(p->canvas);
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

static int SDLCALL
open_fonts(void *player)
{
	struct player *p = player;

	p->r = app_open_render(NULL);
	return 0;
}

static int
start(struct player *p)
{
	SDL_Thread *fonts;
	bool locked;
	int rc;

	if (load_deck(p) < 0)
		return -1;
	p->mode = p->o->mode >= 0 ? (enum deck_mode)p->o->mode
	                          : p->deck.settings.mode;
	p->marker =
	        p->o->marker >= 0 ? p->o->marker : p->mode != DECK_MODE_KIOSK;
	locked = !p->o->windowed && p->mode != DECK_MODE_PRESENT;
	set_hints(p, locked);
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
	rc = open_window(p);
	SDL_WaitThread(fonts, NULL);
	if (rc < 0 || !p->r)
		return -1;
	render_set_renderer(p->r, p->sdl);
	start_prefault(p);
	render_set_deck(p->r, &p->deck);
	SDL_StopTextInput();
	SDL_DisableScreenSaver();
	if (p->mode != DECK_MODE_PRESENT)
		SDL_ShowCursor(SDL_DISABLE);
	input_init(&p->in, p->mode, locked, 1, 1);
	input_set_rotation(&p->in, p->o->rotate);
	fill_slides(p);
	start_show(p, SDL_GetTicks64());
	resize(p);
	p->watch = watch_start(p->o->deck);
	watch_image_folders(p);
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
	if (start(&p) == 0)
		status = loop(&p);
	notify_stopping();
	close_player(&p);
	return status;
}
