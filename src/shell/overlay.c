/*
 * overlay: controls, progress bar and marker drawn over a slide; see
 * overlay.h.
 */
#include "overlay.h"

#include <math.h>
#include <string.h>

/* How, and in what colour, the next rectangles fill. */
static void
pen(SDL_Renderer *sdl, SDL_BlendMode mode, Uint8 r, Uint8 g, Uint8 b, Uint8 a)
{
	SDL_SetRenderDrawBlendMode(sdl, mode);
	SDL_SetRenderDrawColor(sdl, r, g, b, a);
}

/* h / div, but at least min pixels. */
static int
share_px(int h, int div, int min)
{
	return h / div > min ? h / div : min;
}

static SDL_Rect
grow(SDL_Rect r, int pad)
{
	return (SDL_Rect){ r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad };
}

enum { SEGMENTS = 24 }; /* a circle is drawn as this many triangles */

/* The point of segment edge k on the circle round cx, cy, in colour c. */
static SDL_Vertex
on_circle(float cx, float cy, float rad, int k, SDL_Color c)
{
	float a = (float)(2 * M_PI * k / SEGMENTS);

	return (SDL_Vertex){ { cx + rad * cosf(a), cy + rad * sinf(a) },
		             c,
		             { 0, 0 } };
}

static void
fill_circle(SDL_Renderer *sdl, float cx, float cy, float rad, SDL_Color c)
{
	SDL_Vertex v[SEGMENTS * 3];

	for (int i = 0; i < SEGMENTS; i++) {
		v[i * 3] = (SDL_Vertex){ { cx, cy }, c, { 0, 0 } };
		v[i * 3 + 1] = on_circle(cx, cy, rad, i, c);
		v[i * 3 + 2] = on_circle(cx, cy, rad, i + 1, c);
	}
	SDL_RenderGeometry(sdl, NULL, v, SEGMENTS * 3, NULL, 0);
}

/* A round button with a chevron pointing left (dir -1) or right (+1). */
static void
draw_arrow(SDL_Renderer *sdl, const struct deck_theme *th, struct layout_rect b,
           int dir)
{
	SDL_Color ring = { th->text.r, th->text.g, th->text.b, 60 };
	SDL_Color ink = { th->text.r, th->text.g, th->text.b, 230 };
	float cx = b.x + b.w / 2.0f, cy = b.y + b.h / 2.0f, s = b.w / 6.0f;
	SDL_Vertex v[3] = {
		{ { cx + dir * s * 1.1f, cy }, ink, { 0, 0 } },
		{ { cx - dir * s * 0.7f, cy - s * 1.3f }, ink, { 0, 0 } },
		{ { cx - dir * s * 0.7f, cy + s * 1.3f }, ink, { 0, 0 } },
	};

	fill_circle(sdl, cx, cy, b.w * 0.45f, ring);
	SDL_RenderGeometry(sdl, NULL, v, 3, NULL, 0);
}

void
overlay_controls(SDL_Renderer *sdl, const struct controls *c,
                 const struct deck_theme *th, size_t current)
{
	SDL_Color dim = { th->text.r, th->text.g, th->text.b, 110 };
	SDL_Color on = { th->accent.r, th->accent.g, th->accent.b, 255 };

	SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);
	draw_arrow(sdl, th, c->prev, -1);
	draw_arrow(sdl, th, c->next, +1);
	for (size_t i = 0; i < c->n_dots; i++) {
		struct layout_rect d = c->dots[i];
		bool here = c->dot_slide[i] == current;
		float rad = c->target * (here ? 0.16f : 0.11f);

		fill_circle(sdl, d.x + d.w / 2.0f, d.y + d.h / 2.0f, rad,
		            here ? on : dim);
	}
}

void
overlay_label_free(struct overlay_label *l)
{
	if (l->tex)
		SDL_DestroyTexture(l->tex);
	*l = (struct overlay_label){ 0 };
}

/* Sets name at px in color into l, unless l shows it already; false when
 * it cannot be set. */
static bool
set_label(struct render *r, struct overlay_label *l, const char *name,
          const struct layout_item *it)
{
	if (l->tex && l->name == name && l->px == it->px &&
	    !memcmp(&l->color, &it->color, sizeof(l->color)))
		return true;
	overlay_label_free(l);
	if (!(l->tex = render_text(r, it, &l->w, &l->h)))
		return false;
	l->name = name;
	l->px = it->px;
	l->color = it->color;
	return true;
}

void
overlay_language(SDL_Renderer *sdl, struct render *r, const struct controls *c,
                 const struct deck_theme *th, const char *name,
                 struct overlay_label *label)
{
	struct layout_rect b = c->language;
	SDL_Color ring = { th->text.r, th->text.g, th->text.b, 60 };
	SDL_Rect box = { b.x, b.y + b.h / 20, b.w, b.h - b.h / 10 };
	struct layout_item it = { .kind = LAYOUT_TEXT,
		                  .color = th->text,
		                  .font = th->body_font,
		                  .px = b.h * 2 / 5,
		                  .text = name,
		                  .len = name ? strlen(name) : 0 };
	struct overlay_label once = { 0 }, *l = label ? label : &once;
	SDL_Rect at;
	int w, h;

	if (!b.w || !name)
		return;
	pen(sdl, SDL_BLENDMODE_BLEND, ring.r, ring.g, ring.b, ring.a);
	SDL_RenderFillRect(sdl, &box);
	if (!set_label(r, l, name, &it))
		return;
	w = l->w, h = l->h;
	if (w > b.w - b.h / 2) /* a long name: shrunk to fit */
		h = h * (b.w - b.h / 2) / w, w = b.w - b.h / 2;
	at = (SDL_Rect){ b.x + (b.w - w) / 2, b.y + (b.h - h) / 2, w, h };
	SDL_RenderCopy(sdl, l->tex, NULL, &at);
	overlay_label_free(&once);
}

static uint8_t
halfway(uint8_t a, uint8_t b)
{
	return (uint8_t)((a + b + 1) / 2);
}

SDL_Rect
overlay_progress(SDL_Renderer *sdl, struct layout_rect safe, int screen_h,
                 struct deck_color accent, struct deck_color background,
                 double fraction)
{
	int hgt = controls_bar_px(screen_h);
	SDL_Rect bar = { safe.x, safe.y + safe.h - hgt,
		         (int)(safe.w * fraction), hgt };

	if (bar.w <= 0) { /* SDL would still draw a sliver */
		bar.w = 0;
		return bar;
	}
	pen(sdl, SDL_BLENDMODE_NONE, halfway(accent.r, background.r),
	    halfway(accent.g, background.g), halfway(accent.b, background.b),
	    255);
	SDL_RenderFillRect(sdl, &bar);
	return bar;
}

void
overlay_marker(SDL_Renderer *sdl, int w, int h)
{
	int side = (w < h ? w : h) / 60 + 4;
	SDL_Rect r = { w - w / 40 - side, h / 40, side, side };

	pen(sdl, SDL_BLENDMODE_NONE, 0xff, 0xa0, 0x00, 255);
	SDL_RenderFillRect(sdl, &r);
}

/* A dark plate with a margin of pad around r. */
static void
plate(SDL_Renderer *sdl, SDL_Rect r, int pad)
{
	SDL_Rect p = grow(r, pad);

	pen(sdl, SDL_BLENDMODE_BLEND, 0, 0, 0, 190);
	SDL_RenderFillRect(sdl, &p);
	pen(sdl, SDL_BLENDMODE_NONE, 0xf2, 0xf2, 0xf2, 255);
}

SDL_Rect
overlay_paused(SDL_Renderer *sdl, struct layout_rect safe)
{
	int side = share_px(safe.h, 24, 8), bar = side / 3;
	SDL_Rect sign = { safe.x + side / 3, safe.y + side / 3, side, side };
	SDL_Rect left = { sign.x, sign.y, bar, side };
	SDL_Rect right = { sign.x + side - bar, sign.y, bar, side };

	plate(sdl, sign, side / 3);
	SDL_RenderFillRect(sdl, &left);
	SDL_RenderFillRect(sdl, &right);
	return grow(sign, side / 3);
}

/* Segments a to g of the figures 0 to 9, a in bit 0. */
static const unsigned char segments[10] = { 0x3f, 0x06, 0x5b, 0x4f, 0x66,
	                                    0x6d, 0x7d, 0x07, 0x7f, 0x6f };

/* The figure d as seven segments in a w x h box at x, y, t thick. */
static void
draw_figure(SDL_Renderer *sdl, int x, int y, int w, int h, int t, int d)
{
	int half = h / 2;
	const SDL_Rect seg[7] = {
		{ x + t, y, w - 2 * t, t },                /* a */
		{ x + w - t, y + t, t, half - t },         /* b */
		{ x + w - t, y + half, t, half - t },      /* c */
		{ x + t, y + h - t, w - 2 * t, t },        /* d */
		{ x, y + half, t, half - t },              /* e */
		{ x, y + t, t, half - t },                 /* f */
		{ x + t, y + half - t / 2, w - 2 * t, t }, /* g */
	};

	for (int k = 0; k < 7; k++)
		if (segments[d] & (1u << k))
			SDL_RenderFillRect(sdl, &seg[k]);
}

SDL_Rect
overlay_digits(SDL_Renderer *sdl, struct layout_rect safe, const char *digits)
{
	int h = share_px(safe.h, 12, 14), w = h / 2, t = h / 9 + 1;
	int gap = w / 2, n = 0;
	SDL_Rect box;

	while (digits[n] >= '0' && digits[n] <= '9')
		n++;
	if (n == 0)
		return (SDL_Rect){ 0, 0, 0, 0 };
	box = (SDL_Rect){ 0, 0, n * w + (n - 1) * gap, h };
	box.x = safe.x + safe.w - box.w - gap;
	box.y = safe.y + safe.h - box.h - gap;
	plate(sdl, box, gap);
	for (int i = 0; i < n; i++)
		draw_figure(sdl, box.x + i * (w + gap), box.y, w, h, t,
		            digits[i] - '0');
	return grow(box, gap);
}

SDL_Rect
overlay_hold(SDL_Renderer *sdl, struct layout_rect safe, double fraction)
{
	int h = share_px(safe.h, 40, 6), pad = h / 2;
	SDL_Rect track = { safe.x + safe.w / 4, safe.y + safe.h / 2 - h / 2,
		           safe.w / 2, h };
	SDL_Rect fill = track;

	fraction = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
	fill.w = (int)(track.w * fraction);
	plate(sdl, track, pad);
	SDL_SetRenderDrawColor(sdl, 0x60, 0x60, 0x60, 255);
	SDL_RenderFillRect(sdl, &track);
	SDL_SetRenderDrawColor(sdl, 0xff, 0xa0, 0x00, 255);
	if (fill.w > 0)
		SDL_RenderFillRect(sdl, &fill);
	return grow(track, pad);
}
