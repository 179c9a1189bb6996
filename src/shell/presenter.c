/*
 * presenter: the presenter console's window; see presenter.h. The console
 * is laid out by console.c (pure); this file owns its window, its renderer
 * and a renderer-side cache of its lines of text, and maps its keys and
 * clicks to the show and the talk timer.
 */
#include "presenter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "console.h"
#include "log.h"
#include "player_internal.h"
#include "screens.h"
#include "talk.h"
#include "util.h"

#define TEXT_CACHE 256 /* lines of text kept as textures */

/* A line of the console's text, drawn once and kept while it is shown. */
struct line_tex {
	char *text;
	size_t len;
	enum deck_font font;
	int px;
	struct deck_color color;
	SDL_Texture *tex;
	int w, h;
	bool used; /* in the frame drawn last */
};

struct presenter {
	struct screens_opts opts;
	struct screens screens;
	SDL_Window *win;
	SDL_Renderer *sdl;
	struct render *r;
	struct console con;
	struct talk talk;
	int w, h;
	bool overview, dirty, bar_only;
	size_t selected;
	int scroll;
	char clock[16], timer[96], status[768];
	uint64_t talk_ms; /* the talk's length; 0: none */
	struct line_tex lines[TEXT_CACHE];
	/* what the console last showed of the show */
	size_t index;
	enum show_blank blank;
	size_t n_digits;
	bool in_transition;
};

static struct presenter *
pr_of(const struct player *p)
{
	return p->pr;
}

/*
 * Which display.
 */

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
	pr->talk_ms = o->talk_minutes
	                      ? (uint64_t)o->talk_minutes * 60000
	                      : (uint64_t)p->deck.settings.talk_minutes * 60000;
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
	if (SDL_GetDisplayBounds(d, &b) != 0 || aw + cw > b.w) {
		int at = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(d);

		SDL_SetWindowPosition(pr->win, at, at);
		return;
	}
	x = b.x + (b.w - aw - cw) / 2;
	SDL_SetWindowPosition(slides, x, b.y + (b.h - ah) / 2);
	SDL_SetWindowPosition(pr->win, x + aw, b.y + (b.h - ch) / 2);
}

static void
place_window(struct presenter *pr, SDL_Window *slides, bool windowed)
{
	SDL_Rect b;
	int d = pr->screens.console;

	if (windowed || SDL_GetDisplayBounds(d, &b) != 0) {
		place_side_by_side(pr, slides, d);
		return;
	}
	SDL_SetWindowFullscreen(pr->win, 0);
	SDL_SetWindowPosition(pr->win, b.x, b.y);
	SDL_SetWindowSize(pr->win, b.w, b.h);
	SDL_SetWindowFullscreen(pr->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

int
presenter_open(struct player *p)
{
	struct presenter *pr = pr_of(p);
	Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;

	if (!pr || pr->screens.console < 0)
		return 0;
	flags |= p->o->windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_BORDERLESS;
	pr->win = SDL_CreateWindow("vitrine console", 0, 0, 960, 600, flags);
	pr->sdl = pr->win ? SDL_CreateRenderer(pr->win, -1, 0) : NULL;
	pr->r = pr->sdl ? app_open_render(pr->sdl) : NULL;
	if (!pr->r) {
		log_msg(LOG_WARN, "no presenter console: %s", SDL_GetError());
		presenter_close(p);
		return -1;
	}
	render_set_smooth(pr->r, true);
	render_set_deck(pr->r, &p->deck);
	place_window(pr, p->win, p->o->windowed);
	SDL_GetWindowSize(pr->win, &pr->w, &pr->h);
	console_init(&pr->con);
	player_trace(p, "console on display %d, slides on display %d",
	             pr->screens.console, pr->screens.audience);
	return 0;
}

void
presenter_set_deck(struct player *p)
{
	struct presenter *pr = pr_of(p);

	if (!pr || !pr->r)
		return;
	render_set_deck(pr->r, &p->deck);
	pr->index = p->show.index;
	pr->selected = pr->selected < p->deck.n_slides ? pr->selected : 0;
	pr->dirty = true;
}

static void
drop_lines(struct presenter *pr, bool all)
{
	for (size_t i = 0; i < TEXT_CACHE; i++) {
		struct line_tex *l = &pr->lines[i];

		if (l->tex && (all || !l->used)) {
			SDL_DestroyTexture(l->tex);
			free(l->text);
			*l = (struct line_tex){ 0 };
		}
		l->used = false;
	}
}

void
presenter_close(struct player *p)
{
	struct presenter *pr = pr_of(p);

	if (!pr)
		return;
	drop_lines(pr, true);
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

static bool
same_line(const struct line_tex *l, const struct layout_item *it)
{
	return l->tex && l->len == it->len && l->px == it->px &&
	       l->font == it->font && !memcmp(&l->color, &it->color, 3) &&
	       !memcmp(l->text, it->text, it->len);
}

/* The texture of a line of text, from the cache or made now. */
static struct line_tex *
line_of(struct presenter *pr, const struct layout_item *it)
{
	struct line_tex *free_slot = NULL;

	for (size_t i = 0; i < TEXT_CACHE; i++) {
		if (same_line(&pr->lines[i], it))
			return &pr->lines[i];
		if (!pr->lines[i].tex && !free_slot)
			free_slot = &pr->lines[i];
	}
	if (!free_slot)
		return NULL;
	free_slot->tex = render_text(pr->r, it, &free_slot->w, &free_slot->h);
	if (!free_slot->tex)
		return NULL;
	free_slot->text = xmemdup_nul(it->text, it->len);
	free_slot->len = it->len;
	free_slot->font = it->font;
	free_slot->px = it->px;
	free_slot->color = it->color;
	return free_slot;
}

static void
draw_text(struct presenter *pr, const struct layout_item *it)
{
	struct line_tex *l = line_of(pr, it);
	SDL_Rect to;

	if (!l)
		return;
	l->used = true;
	to = (SDL_Rect){ it->box.x, it->box.y, l->w, l->h };
	SDL_RenderCopy(pr->sdl, l->tex, NULL, &to);
}

/* Slide i (or, live, the audience's frame) scaled into box. */
static void
draw_slide(struct player *p, const struct layout_item *it)
{
	struct presenter *pr = pr_of(p);
	float sx = (float)it->box.w / (float)p->w;
	float sy = (float)it->box.h / (float)p->h;
	SDL_Rect vp = { (int)(it->box.x / sx + 0.5f),
		        (int)(it->box.y / sy + 0.5f), p->w, p->h };
	struct show_frame f;

	show_frame(&p->show, SDL_GetTicks64(), &f);
	SDL_RenderSetScale(pr->sdl, sx, sy);
	SDL_RenderSetViewport(pr->sdl, &vp);
	if (it->live && f.in_transition && f.kind == DECK_TRANSITION_FADE)
		render_fade(pr->r, f.from, f.to, p->w, p->h,
		            (uint8_t)(f.progress * 255));
	else
		render_slide(pr->r, (size_t)it->slide_index, p->w, p->h, 0,
		             255);
	SDL_RenderSetViewport(pr->sdl, NULL);
	SDL_RenderSetScale(pr->sdl, 1, 1);
}

static void
fill_rect(struct presenter *pr, const struct layout_item *it)
{
	SDL_Rect r = { it->box.x, it->box.y, it->box.w, it->box.h };

	SDL_SetRenderDrawColor(pr->sdl, it->color.r, it->color.g, it->color.b,
	                       255);
	SDL_RenderFillRect(pr->sdl, &r);
}

static void
draw_items(struct player *p, const SDL_Rect *only)
{
	struct presenter *pr = pr_of(p);

	for (size_t k = 0; k < pr->con.lay.n; k++) {
		const struct layout_item *it = &pr->con.lay.items[k];
		SDL_Rect b = { it->box.x, it->box.y, it->box.w, it->box.h };

		if (only && !SDL_HasIntersection(&b, only))
			continue;
		if (it->kind == LAYOUT_RECT)
			fill_rect(pr, it);
		else if (it->kind == LAYOUT_TEXT)
			draw_text(pr, it);
		else if (it->kind == LAYOUT_SLIDE)
			draw_slide(p, it);
	}
}

static enum console_screen
screen_of(const struct player *p)
{
	if (pr_of(p)->screens.audience < 0)
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

/* Lobby and kiosk: the deck file and its last reload, in words. */
static const char *
staff_status(struct presenter *pr, const struct player *p)
{
	const struct reload *rl = &p->reload;

	if (p->mode == DECK_MODE_PRESENT)
		return NULL;
	if (rl->failed && rl->last_error)
		snprintf(pr->status, sizeof(pr->status),
		         "%s: the last change did not load, so the show goes "
		         "on with the one before: %s",
		         p->o->deck, rl->last_error);
	else if (rl->holding)
		snprintf(pr->status, sizeof(pr->status),
		         "%s: missing or broken; the holding slide shows until "
		         "it is fixed",
		         p->o->deck);
	else
		snprintf(pr->status, sizeof(pr->status),
		         "%s: loaded, %zu slides", p->o->deck,
		         p->deck.n_slides);
	return pr->status;
}

static void
make_clock(struct presenter *pr, const struct player *p, uint64_t now)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm))
		strftime(pr->clock, sizeof(pr->clock), "%H:%M", &tm);
	if (p->mode != DECK_MODE_PRESENT)
		staff_timer(pr, p, now);
	else
		talk_text(&pr->talk, now, pr->talk_ms, p->show.index,
		          p->deck.n_slides, pr->timer, sizeof(pr->timer));
}

static void
lay_out(struct player *p, uint64_t now)
{
	struct presenter *pr = pr_of(p);
	struct console_view v;

	make_clock(pr, p, now);
	v = (struct console_view){
		.deck = &p->deck,
		.index = p->show.index,
		.aspect = (double)p->w / (double)p->h,
		.screen = screen_of(p),
		.digits = p->show.digits,
		.clock = pr->clock,
		.timer = pr->timer,
		.pace = talk_pace(&pr->talk, now, pr->talk_ms, p->show.index,
		                  p->deck.n_slides),
		.status = staff_status(pr, p),
		.scroll = pr->scroll,
		.overview = pr->overview,
		.selected = pr->selected,
	};
	console_layout(&pr->con, &v, pr->w, pr->h, render_measurer(pr->r));
	pr->scroll = pr->scroll < pr->con.max_scroll ? pr->scroll
	                                             : pr->con.max_scroll;
}

/* The status bar's rectangle: the items above the first picture. */
static SDL_Rect
bar_rect(const struct presenter *pr)
{
	int bottom = 0;

	for (size_t k = 1; k < pr->con.lay.n; k++) {
		const struct layout_item *it = &pr->con.lay.items[k];

		if (it->kind != LAYOUT_TEXT ||
		    it->box.y > pr->con.lay.items[1].box.y)
			continue;
		bottom = it->box.y + it->box.h > bottom ? it->box.y + it->box.h
		                                        : bottom;
	}
	return (SDL_Rect){ 0, 0, pr->w, bottom };
}

/* Only the status bar again (the clock or timer moved): on the window's
 * own pixels, only its rectangle goes to the display. */
static void
draw_bar(struct player *p)
{
	struct presenter *pr = pr_of(p);
	SDL_Rect bar = bar_rect(pr);
	SDL_RendererInfo info;

	SDL_RenderSetClipRect(pr->sdl, &bar);
	draw_items(p, &bar);
	SDL_RenderSetClipRect(pr->sdl, NULL);
	if (SDL_GetRendererInfo(pr->sdl, &info) == 0 &&
	    info.flags & SDL_RENDERER_SOFTWARE) {
		SDL_RenderFlush(pr->sdl);
		SDL_UpdateWindowSurfaceRects(pr->win, &bar, 1);
	} else {
		SDL_RenderPresent(pr->sdl);
	}
}

static bool
show_moved(struct presenter *pr, const struct player *p, uint64_t now)
{
	struct show_frame f;
	bool moved;

	show_frame(&p->show, now, &f);
	moved = pr->index != p->show.index || pr->blank != p->show.blank ||
	        pr->n_digits != p->show.n_digits || f.in_transition ||
	        pr->in_transition;
	if (pr->index != p->show.index)
		talk_on_slide(&pr->talk, p->show.index, now);
	pr->index = p->show.index;
	pr->blank = p->show.blank;
	pr->n_digits = p->show.n_digits;
	pr->in_transition = f.in_transition;
	return moved;
}

void
presenter_step(struct player *p, uint64_t now)
{
	struct presenter *pr = pr_of(p);
	char before[sizeof(pr->timer) + sizeof(pr->clock) + 2];
	char after[sizeof(before)];

	if (!pr)
		return;
	if (show_moved(pr, p, now))
		pr->dirty = true;
	if (!pr->win)
		return;
	snprintf(before, sizeof(before), "%s|%s", pr->timer, pr->clock);
	lay_out(p, now);
	snprintf(after, sizeof(after), "%s|%s", pr->timer, pr->clock);
	if (pr->dirty) {
		draw_items(p, NULL);
		SDL_RenderPresent(pr->sdl);
	} else if (strcmp(before, after)) {
		draw_bar(p);
	}
	drop_lines(pr, false);
	pr->dirty = false;
}

uint32_t
presenter_wakeup_ms(const struct player *p, uint64_t now)
{
	const struct presenter *pr = pr_of(p);
	uint64_t talk, minute;

	if (!pr || !pr->win)
		return UINT32_MAX;
	talk = p->mode == DECK_MODE_PRESENT
	               ? talk_next_change_ms(&pr->talk, now)
	               : 1000 - now % 1000;
	minute = 60000 - (uint64_t)time(NULL) % 60 * 1000;
	return (uint32_t)(talk < minute ? talk : minute);
}

/*
 * Keys and clicks.
 */

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

static void
swap_screens(struct player *p)
{
	struct presenter *pr = pr_of(p);
	SDL_Rect b;
	int n = SDL_GetNumVideoDisplays();

	screens_swap(&pr->screens, &pr->opts, n);
	if (!p->o->windowed &&
	    SDL_GetDisplayBounds(pr->screens.audience, &b) == 0) {
		SDL_SetWindowFullscreen(p->win, 0);
		SDL_SetWindowPosition(p->win, b.x, b.y);
		SDL_SetWindowSize(p->win, b.w, b.h);
		SDL_SetWindowFullscreen(p->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
	}
	place_window(pr, p->win, p->o->windowed);
	player_trace(p, "console on display %d, slides on display %d",
	             pr->screens.console, pr->screens.audience);
	pr->dirty = true;
}

/* Overview keys: arrows choose, Enter shows, Tab and Escape close. */
static bool
overview_key(struct player *p, SDL_Keycode key, uint64_t now)
{
	struct presenter *pr = pr_of(p);
	long n = (long)p->deck.n_slides, s = (long)pr->selected;
	long cols = pr->con.grid.cols > 0 ? pr->con.grid.cols : 1;

	switch (key) {
	case SDLK_LEFT:
		s--;
		break;
	case SDLK_RIGHT:
		s++;
		break;
	case SDLK_UP:
		s -= cols;
		break;
	case SDLK_DOWN:
		s += cols;
		break;
	case SDLK_HOME:
		s = 0;
		break;
	case SDLK_END:
		s = n - 1;
		break;
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
		go_to(p, pr->selected, now);
		pr->overview = false;
		break;
	case SDLK_TAB:
	case SDLK_ESCAPE:
		pr->overview = false;
		break;
	default:
		return false;
	}
	pr->selected = (size_t)(s < 0 ? 0 : s >= n ? n - 1 : s);
	pr->dirty = true;
	return true;
}

static bool
console_key(struct player *p, const SDL_KeyboardEvent *k, uint64_t now)
{
	struct presenter *pr = pr_of(p);
	bool shift = k->keysym.mod & KMOD_SHIFT;
	bool plain = !(k->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI));

	if (k->type != SDL_KEYDOWN || !plain)
		return false;
	if (pr->overview)
		return overview_key(p, k->keysym.sym, now);
	if (shift && (k->keysym.sym == SDLK_UP || k->keysym.sym == SDLK_DOWN)) {
		pr->scroll += k->keysym.sym == SDLK_DOWN ? 1 : -1;
		pr->scroll = pr->scroll < 0 ? 0 : pr->scroll;
	} else if (k->keysym.sym == SDLK_t) {
		talk_toggle(&pr->talk, now);
	} else if (k->keysym.sym == SDLK_r) {
		talk_reset(&pr->talk);
	} else if (k->keysym.sym == SDLK_s) {
		swap_screens(p);
	} else if (k->keysym.sym == SDLK_TAB) {
		pr->overview = true;
		pr->selected = p->show.index;
	} else {
		return false;
	}
	pr->dirty = true;
	return true;
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
	struct presenter *pr = pr_of(p);
	long hit;

	if (b->type != SDL_MOUSEBUTTONDOWN || b->button != SDL_BUTTON_LEFT)
		return;
	if (pr->overview) {
		hit = console_overview_hit(&pr->con, b->x, b->y);
		if (hit >= 0) {
			pr->overview = false;
			go_to(p, (size_t)hit, now);
		}
	} else if (in_rect(pr->con.next, b->x, b->y)) {
		go_to(p, p->show.index + 1, now);
	}
	pr->dirty = true;
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
	if (p->o->windowed || SDL_GetDisplayBounds(d, &b) != 0)
		return;
	SDL_SetWindowFullscreen(p->win, 0);
	SDL_SetWindowPosition(p->win, b.x, b.y);
	SDL_SetWindowSize(p->win, b.w, b.h);
	SDL_SetWindowFullscreen(p->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* A display came or went: the slides and the console move as screens.h
 * says, the talk (slide, timer) going on; logged once a change. */
static void
displays_changed(struct player *p)
{
	struct presenter *pr = pr_of(p);
	struct screens was = pr->screens;
	int n = SDL_GetNumVideoDisplays();

	screens_update(&pr->screens, &pr->opts, n);
	if (was.audience == pr->screens.audience &&
	    was.console == pr->screens.console)
		return;
	log_msg(LOG_INFO, "%d display%s: slides on %d, console on %d", n,
	        n == 1 ? "" : "s", pr->screens.audience, pr->screens.console);
	player_trace(p, "console on display %d, slides on display %d",
	             pr->screens.console, pr->screens.audience);
	place_slides(p, pr->screens.audience);
	if (pr->screens.console >= 0 && !pr->win)
		presenter_open(p);
	else if (pr->screens.console >= 0) {
		SDL_ShowWindow(pr->win);
		place_window(pr, p->win, p->o->windowed);
	} else if (pr->win)
		SDL_HideWindow(pr->win);
	pr->dirty = true;
	p->dirty = true;
}

static void
console_window_event(struct player *p, const SDL_WindowEvent *w)
{
	struct presenter *pr = pr_of(p);

	if (w->event == SDL_WINDOWEVENT_SIZE_CHANGED)
		SDL_GetWindowSize(pr->win, &pr->w, &pr->h);
	if (w->event == SDL_WINDOWEVENT_CLOSE) {
		SDL_HideWindow(pr->win);
		return;
	}
	pr->dirty = true;
}

bool
presenter_event(struct player *p, const SDL_Event *ev, uint64_t now)
{
	struct presenter *pr = pr_of(p);
	Uint32 id = pr && pr->win ? SDL_GetWindowID(pr->win) : 0;

	if (pr && ev->type == SDL_DISPLAYEVENT) {
		displays_changed(p);
		return false; /* the player relays out too */
	}
	if (!id)
		return false;
	switch (ev->type) {
	case SDL_KEYDOWN:
	case SDL_KEYUP:
		return console_key(p, &ev->key, now);
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.windowID != id)
			return false;
		console_click(p, &ev->button, now);
		return true;
	case SDL_MOUSEWHEEL:
	case SDL_MOUSEMOTION:
		return ev->motion.windowID == id;
	case SDL_WINDOWEVENT:
		if (ev->window.windowID != id)
			return false;
		console_window_event(p, &ev->window);
		return true;
	default:
		return false;
	}
}
