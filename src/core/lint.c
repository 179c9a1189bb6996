/*
 * lint: overflow and contrast warnings for a deck; see lint.h.
 */
#include "lint.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "controls.h"
#include "util.h"

const struct lint_size lint_sizes[] = {
	{ 1920, 1080 }, { 1280, 720 }, { 3840, 2160 },
	{ 1024, 768 },  { 800, 480 },  { 1080, 1920 },
};
const size_t lint_n_sizes = sizeof(lint_sizes) / sizeof(lint_sizes[0]);

double
lint_contrast(struct deck_color a, struct deck_color b)
{
	return color_contrast(a, b);
}

/* "slides[3] (id "intro")" or "slides[3]", for messages. */
static void
slide_name(char *buf, size_t size, const struct deck *deck, size_t i)
{
	const char *id = deck->slides[i].id;

	if (id)
		snprintf(buf, size, "slides[%zu] (id \"%s\")", i, id);
	else
		snprintf(buf, size, "slides[%zu]", i);
}

static void
warn_contrast(const struct deck *deck, int line, const char *where,
              double ratio, struct report *rep)
{
	report_warning(rep,
	               "%s:%d: %s: text/background contrast is %.1f:1, under "
	               "%.1f:1 (WCAG AA); choose a lighter or darker colour",
	               deck->path, line, where, ratio, LINT_MIN_CONTRAST);
}

/*
 * Warns once for theme.text on theme.background when a slide without a
 * background of its own shows it, and once for each slide's own
 * background too close to theme.text. Returns the number of warnings.
 */
static size_t
check_contrast(const struct deck *deck, struct report *rep)
{
	const struct deck_color text = deck->theme.text;
	bool theme_used = false;
	size_t found = 0;
	char name[128], where[160];

	for (size_t i = 0; i < deck->n_slides; i++) {
		const struct deck_slide *s = &deck->slides[i];
		double ratio;

		if (!s->has_background) {
			theme_used = true;
			continue;
		}
		ratio = lint_contrast(text, s->background);
		if (ratio >= LINT_MIN_CONTRAST)
			continue;
		slide_name(name, sizeof(name), deck, i);
		snprintf(where, sizeof(where), "%s.background", name);
		warn_contrast(deck, s->line, where, ratio, rep);
		found++;
	}
	if (theme_used &&
	    lint_contrast(text, deck->theme.background) < LINT_MIN_CONTRAST) {
		warn_contrast(deck, deck->theme.line, "theme.text",
		              lint_contrast(text, deck->theme.background), rep);
		found++;
	}
	return found;
}

/* The modes a slide is laid out in: what each keeps free at the bottom
 * differs (the kiosk's controls, the lobby's progress bar). */
static const enum deck_mode lint_modes[] = { DECK_MODE_PRESENT, DECK_MODE_LOBBY,
	                                     DECK_MODE_KIOSK };
#define N_MODES   (sizeof(lint_modes) / sizeof(lint_modes[0]))
#define MODE_BITS 8 /* bits of the overflow mask a mode takes */

/* What laying a slide out at every size and mode found: which sizes cut
 * its text and which break a word (bit m * MODE_BITS + k for lint_sizes[k]
 * in lint_modes[m]), and the text each names. */
struct fit {
	unsigned cut_at, broke_at, small_at; /* small_at: a QR code under the
	                                         size that scans from 2 m */
	const char *cut;  /* the most left out (the longest rest) */
	const char *word; /* the first word broken */
};

/* Writes the sizes (and modes) of mask to buf: "800x480, 1024x768 (kiosk)". */
static void
list_sizes(char *buf, size_t size, unsigned mask)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t m = 0; m < N_MODES; m++)
		for (size_t k = 0; k < lint_n_sizes; k++)
			if (mask & (1u << (m * MODE_BITS + k)) && used < size)
				used += (size_t)snprintf(
				        buf + used, size - used,
				        "%s%dx%d%s%s%s", used ? ", " : "",
				        lint_sizes[k].w, lint_sizes[k].h,
				        m ? " (" : "",
				        m ? deck_mode_name(lint_modes[m]) : "",
				        m ? ")" : "");
}

/* The first n bytes of s (to its first end of line) quoted safely for a
 * message, "…" added when cut short; the caller frees. */
static char *
quote(const char *s, size_t n)
{
	size_t len = strcspn(s, "\n");
	size_t keep = util_utf8_clip(s, n < len ? n : len, 40);
	char *q = util_escape(s, keep);

	if (keep < strlen(s) && keep < n) {
		q = xrealloc(q, strlen(q) + 4);
		strcat(q, "\xe2\x80\xa6");
	}
	return q;
}

/* Warns for slide i as its fit says; returns how many warnings. */
static size_t
report_fit(const struct deck *deck, size_t i, const struct fit *f,
           struct report *rep)
{
	char sizes[512], name[128];
	const char *path = deck->path;
	int line = deck->slides[i].line;
	size_t found = 0;

	slide_name(name, sizeof(name), deck, i);
	if (f->cut_at) {
		char *q = quote(f->cut ? f->cut : "", SIZE_MAX);

		list_sizes(sizes, sizeof(sizes), f->cut_at);
		report_warning(
		        rep,
		        "%s:%d: %s: text does not fit at the smallest "
		        "legible size at %s and is cut%s%s%s; shorten it "
		        "or split the slide",
		        path, line, name, sizes, f->cut ? " from \"" : "", q,
		        f->cut ? "\" on" : "");
		free(q);
		found++;
	}
	if (f->small_at) {
		list_sizes(sizes, sizeof(sizes), f->small_at);
		report_warning(rep,
		               "%s:%d: %s: the QR code is drawn smaller than "
		               "scans from 2 m at %s; give the slide less text "
		               "or the code fewer characters",
		               path, line, name, sizes);
		found++;
	}
	if (f->broke_at) {
		char *q = quote(f->word, strcspn(f->word, " \t"));

		list_sizes(sizes, sizeof(sizes), f->broke_at);
		report_warning(rep,
		               "%s:%d: %s: \"%s\" is wider than its box at %s "
		               "and is broken inside the word; shorten it, or "
		               "write it with a hyphen or a space",
		               path, line, name, q, sizes);
		free(q);
		found++;
	}
	return found;
}

/* Notes in f that text was cut at size bit, cut (or NULL) left out. */
static void
note_cut(struct fit *f, const char *cut, unsigned bit)
{
	f->cut_at |= bit;
	if (cut && (!f->cut || strlen(cut) > strlen(f->cut)))
		f->cut = cut;
}

/* Notes in f that word was broken at size bit. */
static void
note_broken(struct fit *f, const char *word, unsigned bit)
{
	f->broke_at |= bit;
	if (!f->word)
		f->word = word;
}

/* Notes in f what the layout of a slide at size bit found. */
static void
note_fit(struct fit *f, const struct layout *lay, unsigned bit)
{
	if (lay->overflow)
		note_cut(f, lay->cut, bit);
	if (lay->broken)
		note_broken(f, lay->broken, bit);
	if (lay->qr_small)
		f->small_at |= bit;
}

/* Lays every slide out at lint_sizes[k] in lint_modes[md], noting what each
 * fit finds; a mode that keeps the same strip as one before is done. */
static void
lint_size_in_mode(const struct deck *deck, const struct layout_measurer *m,
                  struct layout *lay, size_t k, size_t md, struct fit *fit)
{
	struct lint_size z = lint_sizes[k];
	bool bar = deck->settings.progress_bar;
	int reserve = controls_reserve_px(lint_modes[md], bar, z.w, z.h, 0);

	for (size_t before = 0; before < md; before++)
		if (controls_reserve_px(lint_modes[before], bar, z.w, z.h, 0) ==
		    reserve)
			return;
	for (size_t i = 0; i < deck->n_slides; i++)
		if (layout_slide(lay, deck, i, z.w, z.h, reserve, m) == 0)
			note_fit(&fit[i], lay, 1u << (md * MODE_BITS + k));
}

size_t
lint_deck(const struct deck *deck, const struct layout_measurer *m,
          int64_t now_ms, struct report *rep)
{
	struct fit *fit = xcalloc(deck->n_slides, sizeof(*fit));
	struct layout lay;
	size_t found = 0;

	/* Screen size outermost: the measurer then meets one set of text
	 * sizes at a time, which its font cache holds. */
	layout_init(&lay);
	lay.at_ms = now_ms;
	for (size_t k = 0; k < lint_n_sizes; k++)
		for (size_t md = 0; md < N_MODES; md++)
			lint_size_in_mode(deck, m, &lay, k, md, fit);
	layout_destroy(&lay);
	found += check_contrast(deck, rep);
	for (size_t i = 0; i < deck->n_slides; i++)
		found += report_fit(deck, i, &fit[i], rep);
	free(fit);
	return found;
}
