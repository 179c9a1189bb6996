/*
 * fake_layout: what the layout tests share: a fake monospace measurer (a
 * line is px / 2 wide per code point and px * 1.25 tall, both rounded) and
 * decks built by hand in the bundled deck's theme. Include after chars.h.
 */
#ifndef VITRINE_TEST_FAKE_LAYOUT_H
#define VITRINE_TEST_FAKE_LAYOUT_H

#include <math.h>
#include <stdbool.h>

#include "layout.h"

/* The six screens the layout tests lay slides out at: 16:9 at three
 * sizes, 4:3, a small kiosk panel, and a portrait screen. */
static const int screens[][2] = {
	{ 1920, 1080 }, { 1280, 720 }, { 3840, 2160 },
	{ 1024, 768 },  { 800, 480 },  { 1080, 1920 }
};
#define N_SCREENS (sizeof(screens) / sizeof(screens[0]))

/*
 * The fake measurer.
 */

struct fake {
	long calls; /* text_width calls */
	int kern;   /* > 0: a line of n code points is n * n / kern wider, so a
	               line is wider than the sum of its words */
};

static inline int
fake_width(void *ctx, enum deck_font font, int px, const char *s, size_t len)
{
	struct fake *f = ctx;
	long n = count_chars(s, len);

	(void)font;
	f->calls++;
	return (int)lround(px * 0.5 * (double)n) +
	       (f->kern ? n * n / f->kern : 0);
}

static inline int
fake_line_height(void *ctx, enum deck_font font, int px)
{
	(void)ctx;
	(void)font;
	return (int)lround(px * 1.25);
}

static inline struct layout_measurer
fake_measurer(struct fake *f)
{
	return (struct layout_measurer){ fake_width, fake_line_height, f,
		                         NULL };
}

/* The fake's width of len bytes at s, without counting a call. */
static inline int
width_of(int px, const char *s, size_t len)
{
	return (int)lround(px * 0.5 * (double)count_chars(s, len));
}

static inline bool
is_cont(const char *s)
{
	return ((unsigned char)*s & 0xc0) == 0x80;
}

/*
 * Decks.
 */

static const struct deck_theme theme = {
	.background = { 0x10, 0x24, 0x3e },
	.text = { 0xff, 0xff, 0xff },
	.accent = { 0xf2, 0xb6, 0x32 },
	.heading_font = DECK_FONT_SANS_BOLD,
	.body_font = DECK_FONT_SANS,
	.text_scale = 1,
	.margin = 0.05,
};

static inline struct deck
make_deck(struct deck_slide *slides, size_t n)
{
	struct deck d = { .theme = theme, .slides = slides, .n_slides = n };

	return d;
}

#endif
