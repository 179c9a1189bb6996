/*
 * frame: draws one frame of the running show; see frame.h.
 */
#include "frame.h"

#include <SDL.h>
#include <math.h>

#include "lang.h"
#include "log.h"
#include "overlay.h"
#include "player_internal.h"
#include "report.h"

/* Fills the render target with the grey level v (0 black, 255 white). */
static void
clear_to(struct player *p, uint8_t v)
{
	SDL_SetRenderDrawColor(p->sdl, v, v, v, 255);
	SDL_RenderClear(p->sdl);
}

/* The new slide pushes the old one out, in the frame's direction. */
static void
draw_push(struct player *p, const struct show_frame *f)
{
	int shift = (int)lround(f->progress * p->w) * f->direction;

	render_slide(p->r, f->from, p->w, p->h, -shift, 255);
	render_slide(p->r, f->to, p->w, p->h, f->direction * p->w - shift, 255);
}

static void
draw_transition(struct player *p, const struct show_frame *f)
{
	if (f->kind == DECK_TRANSITION_PUSH)
		draw_push(p, f);
	else
		render_fade(p->r, f->from, f->to, p->w, p->h,
		            (uint8_t)lround(f->progress * 255));
}

/* Destroys the --rotate canvas, if there is one. */
static void
drop_canvas(struct player *p)
{
	if (p->canvas)
		SDL_DestroyTexture(p->canvas);
	p->canvas = NULL;
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
		drop_canvas(p);
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
	clear_to(p, 0);
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
	if (render_slide(p->r, i, p->w, p->h, 0, 255) < 0)
		clear_to(p, 0);
}

static bool
progress_shown(const struct player *p, const struct show_frame *f)
{
	return f->blank == SHOW_BLANK_NONE && f->cycling &&
	       p->deck.settings.progress_bar && p->mode == DECK_MODE_LOBBY;
}

/* Sends rectangle r of the window's own pixels, as the renderer drew
 * them, to the display. */
static void
send_rect(struct player *p, SDL_Rect r)
{
	SDL_RenderFlush(p->sdl);
	SDL_UpdateWindowSurfaceRects(p->win, &r, 1);
}

/* The progress bar; returns the rectangle it drew (w 0: none). */
static SDL_Rect
draw_progress(struct player *p, double fraction)
{
	const struct layout *lay = player_layout(p);
	const struct deck_slide *s = &p->deck.slides[p->show.index];
	SDL_Rect bar = { 0, 0, 0, 0 };

	if (lay)
		bar = overlay_progress(
		        p->sdl, lay->safe, p->h, p->deck.theme.accent,
		        s->has_background ? s->background
		                          : p->deck.theme.background,
		        fraction);
	p->bar_w = bar.w;
	return bar;
}

/* How far the exit chord's bar has filled, as of the frame's time. */
static double
chord_fraction(const struct player *p)
{
	uint64_t held = p->last_frame_ms > p->in.chord_ms
	                        ? p->last_frame_ms - p->in.chord_ms
	                        : 0;

	return (double)held / INPUT_CHORD_MS;
}

/* What staff see of their own keys: paused, digits typed, the exit chord
 * held (since p->in.chord_ms, as of the frame's time). */
static void
draw_staff_feedback(struct player *p, const struct show_frame *f)
{
	const struct layout *lay = player_layout(p);

	p->hold_shown = p->in.chord_down;
	if (!lay)
		return;
	if (f->blank == SHOW_BLANK_NONE && f->paused)
		overlay_paused(p->sdl, lay->safe);
	if (f->blank == SHOW_BLANK_NONE && f->digits[0])
		overlay_digits(p->sdl, lay->safe, f->digits);
	if (p->in.chord_down)
		overlay_hold(p->sdl, lay->safe, chord_fraction(p));
}

/* Everything drawn over a slide: controls, progress bar, marker, staff
 * feedback. */
static void
draw_overlays(struct player *p, const struct show_frame *f, size_t current)
{
	if (f->blank == SHOW_BLANK_NONE && p->mode == DECK_MODE_KIOSK) {
		overlay_controls(p->sdl, &p->in.controls, &p->deck.theme,
		                 current);
		overlay_language(p->sdl, p->r, &p->in.controls, &p->deck.theme,
		                 p->deck.lang ? lang_name(p->deck.lang) : NULL,
		                 &p->lang_label);
	}
	if (progress_shown(p, f))
		draw_progress(p, f->dwell);
	if (reload_marker_shown(&p->reload))
		overlay_marker(p->sdl, p->w, p->h);
	draw_staff_feedback(p, f);
}

/*
 * Not a fast fade's frame: ends a live one, exactly with its last frame
 * when nothing but the slide changed. Returns true when that frame was
 * shown (nothing else to draw).
 */
static bool
end_fast_fade(struct player *p, const struct show_frame *f)
{
	bool ends = !f->in_transition && f->blank == SHOW_BLANK_NONE &&
	            screenfade_is_live(&p->sf, p->sf.from, f->index) &&
	            !progress_shown(p, f) && p->screen_ok;
	bool shown = ends && screenfade_show(&p->sf, p->win, FADE_FULL) == 0;

	screenfade_end(&p->sf);
	return shown;
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
	    f->blank != SHOW_BLANK_NONE)
		return end_fast_fade(p, f);
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

		if (bar.w > 0) /* else nothing was drawn */
			send_rect(p, bar);
	}
	return true;
}

/* Draws frame f the ordinary way, through the renderer, and presents it. */
static void
draw_whole(struct player *p, const struct show_frame *f)
{
	bool turned = begin_canvas(p);

	if (f->blank != SHOW_BLANK_NONE) {
		clear_to(p, f->blank == SHOW_BLANK_WHITE ? 255 : 0);
	} else if (announce_shown(p)) {
		announce_draw(p);
	} else if (holding_shown(p)) {
		holding_draw(p);
	} else if (f->in_transition && f->kind != DECK_TRANSITION_NONE) {
		clear_to(p, 0);
		draw_transition(p, f);
	} else {
		draw_still(p, f->index);
	}
	if (!announce_shown(p))
		draw_overlays(p, f, f->in_transition ? f->to : f->index);
	if (turned)
		end_canvas(p);
	SDL_RenderPresent(p->sdl);
}

/* Notes when the clocks and countdowns of slide f->index (or of the
 * holding slide) next change. */
static void
note_ticks(struct player *p, const struct show_frame *f, int64_t wall)
{
	bool none = f->in_transition || f->blank || announce_shown(p);
	const struct layout *lay = none               ? NULL
	                           : holding_shown(p) ? holding_layout(p)
	                                              : player_layout(p);
	const struct deck *d = holding_shown(p) ? &p->hold.deck : &p->deck;

	p->tick_drawn = wall;
	p->tick_at = lay ? layout_next_change(d, lay, wall) : INT64_MAX;
}

void
frame_draw(struct player *p, uint64_t now)
{
	int64_t wall = player_wall_ms(p);
	struct show_frame f;

	/* as it will be when on screen, a refresh from now */
	show_frame(&p->show, now + p->frame_ms, &f);
	p->last_frame_ms = now;
	render_set_time(p->r, wall);
	if (announce_shown(p) || holding_shown(p) || !draw_fast_fade(p, &f))
		draw_whole(p, &f);
	note_ticks(p, &f, wall);
	p->screen_ok = true;
	p->dirty = false;
	if (!f.in_transition) { /* decoded ahead, on the decoder's thread */
		size_t n = p->deck.n_slides;

		render_prepare(p->r, (f.index + 1) % n, p->w, p->h);
		render_prepare(p->r, (f.index + n - 1) % n, p->w, p->h);
	}
	log_image_errors(p);
}

/* Whether an item of lay appears or goes between the two times (a
 * countdown reaching its moment). */
static bool
phase_turns(const struct player *p, const struct layout *lay, int64_t from,
            int64_t to)
{
	for (size_t k = 0; k < lay->n; k++)
		if (layout_item_shows(&p->deck, &lay->items[k], from) !=
		    layout_item_shows(&p->deck, &lay->items[k], to))
			return true;
	return false;
}

/* Draws the slide again inside the ticks' boxes only, and sends them. */
static void
draw_tick_boxes(struct player *p, const struct layout *lay, size_t index)
{
	for (size_t k = 0; k < lay->n; k++) {
		struct layout_rect b = lay->items[k].box;
		SDL_Rect box = { b.x, b.y, b.w, b.h };

		if (lay->items[k].tick == LAYOUT_TICK_NONE)
			continue;
		SDL_RenderSetClipRect(p->sdl, &box);
		render_slide(p->r, index, p->w, p->h, 0, 255);
		SDL_RenderSetClipRect(p->sdl, NULL);
		send_rect(p, box);
	}
}

/* The ticks' texts on lay, for the trace: "tick 10:59, 45 s". */
static void
trace_tick(struct player *p, const struct layout *lay, int64_t wall)
{
	char text[160] = "";
	size_t n = 0;

	for (size_t k = 0; k < lay->n && n + 50 < sizeof(text); k++) {
		if (lay->items[k].tick == LAYOUT_TICK_NONE ||
		    !layout_item_shows(&p->deck, &lay->items[k], wall))
			continue;
		if (n)
			n += (size_t)snprintf(text + n, sizeof(text) - n, ", ");
		n += layout_tick_text(&p->deck, &lay->items[k], wall, text + n,
		                      sizeof(text) - n);
	}
	player_trace(p, "tick %s", text);
}

/*
 * A clock or countdown on screen turned: on the window's own pixels only
 * their boxes are drawn again and sent to the display (a 1080p clock in a
 * corner: about 0.3 % of the screen). Else (another renderer, --rotate, a
 * transition, an overlay over the slide, a countdown reaching its moment,
 * a programme whose talks or page changed) the whole frame.
 */
void
frame_draw_ticks(struct player *p, uint64_t now)
{
	const struct layout *lay = player_layout(p);
	int64_t wall = player_wall_ms(p);
	struct show_frame f;

	show_frame(&p->show, now + p->frame_ms, &f);
	if (!lay || !p->fast_fades || !p->screen_ok || f.in_transition ||
	    f.blank || f.paused || f.digits[0] || f.interacting ||
	    p->mode == DECK_MODE_KIOSK || reload_marker_shown(&p->reload) ||
	    holding_shown(p) || wall >= lay->until_ms ||
	    phase_turns(p, lay, p->tick_drawn, wall)) {
		frame_draw(p, now);
	} else {
		render_set_time(p->r, wall);
		draw_tick_boxes(p, lay, f.index);
		note_ticks(p, &f, wall);
	}
	if (lay && !holding_shown(p))
		trace_tick(p, lay, wall);
}

/*
 * The lobby's bar alone, a step longer: on the window's own pixels only
 * its rectangle is drawn and sent to the display (about 0.2 % of a 1080p
 * screen), and nothing when it has not grown by a pixel. Else (another
 * renderer, --rotate, the screen not holding the last frame, a transition)
 * the whole frame.
 */
void
frame_draw_bar(struct player *p, uint64_t now)
{
	struct show_frame f;
	int drawn = p->bar_w;
	SDL_Rect bar;

	show_frame(&p->show, now + p->frame_ms, &f);
	if (!p->fast_fades || !p->screen_ok || f.in_transition ||
	    !progress_shown(p, &f)) {
		frame_draw(p, now);
		return;
	}
	bar = draw_progress(p, f.dwell);
	if (bar.w != drawn)
		send_rect(p, bar);
}

bool
frame_bar_moves(const struct player *p, uint64_t now)
{
	struct show_frame f;

	show_frame(&p->show, now, &f);
	return f.cycling && p->deck.settings.progress_bar &&
	       p->mode == DECK_MODE_LOBBY;
}

uint32_t
frame_bar_step_ms(const struct player *p)
{
	uint32_t step = deck_slide_ms(&p->deck, p->show.index) /
	                (uint32_t)(p->w > 0 ? p->w : 1);

	return step < FRAME_BAR_STEP_MS ? FRAME_BAR_STEP_MS : step;
}

void
frame_end_fade(struct player *p)
{
	screenfade_end(&p->sf);
}

void
frame_forget_screen(struct player *p)
{
	screenfade_end(&p->sf);
	p->screen_ok = false; /* a new surface, or not yet drawn */
	p->dirty = true;
}

void
frame_reset(struct player *p)
{
	frame_forget_screen(p);
	render_flush(p->r);
	drop_canvas(p);
}

void
frame_close(struct player *p)
{
	screenfade_end(&p->sf);
	drop_canvas(p);
}
