/*
 * lint: overflow and contrast warnings for a deck; see lint.h.
 */
#include "lint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "controls.h"
#include "util.h"

const struct lint_size lint_sizes[] = {
	{ 1920, 1080 }, { 1280, 720 }, { 3840, 2160 },
	{ 1024, 768 },  { 800, 480 },  { 1080, 1920 },
};
const size_t lint_n_sizes = sizeof(lint_sizes) / sizeof(lint_sizes[0]);

static double
channel(uint8_t v)
{
	double c = v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(struct deck_color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double
lint_contrast(struct deck_color a, struct deck_color b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
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

/*
 * Warns for slide i, given which sizes in which modes made its text
 * overflow (bit m * MODE_BITS + k for lint_sizes[k] in lint_modes[m]).
 */
static size_t
report_fit(const struct deck *deck, size_t i, unsigned overflow,
           struct report *rep)
{
	char sizes[512] = "", name[128];
	size_t used = 0;

	if (!overflow)
		return 0;
	for (size_t m = 0; m < N_MODES; m++)
		for (size_t k = 0; k < lint_n_sizes; k++)
			if (overflow & (1u << (m * MODE_BITS + k)) &&
			    used < sizeof(sizes))
				used += (size_t)snprintf(
				        sizes + used, sizeof(sizes) - used,
				        "%s%dx%d%s%s%s", used ? ", " : "",
				        lint_sizes[k].w, lint_sizes[k].h,
				        m ? " (" : "",
				        m ? deck_mode_name(lint_modes[m]) : "",
				        m ? ")" : "");
	slide_name(name, sizeof(name), deck, i);
	report_warning(rep,
	               "%s:%d: %s: text does not fit at the smallest legible "
	               "size at %s and is cut; shorten it or split the slide",
	               deck->path, deck->slides[i].line, name, sizes);
	return 1;
}

/* Lays every slide out at lint_sizes[k] in lint_modes[md], marking those
 * that overflow; a mode that keeps the same strip as one before is done. */
static void
lint_size_in_mode(const struct deck *deck, const struct layout_measurer *m,
                  struct layout *lay, size_t k, size_t md, unsigned *overflow)
{
	struct lint_size z = lint_sizes[k];
	bool bar = deck->settings.progress_bar;
	int reserve = controls_reserve_px(lint_modes[md], bar, z.w, z.h, 0);

	for (size_t before = 0; before < md; before++)
		if (controls_reserve_px(lint_modes[before], bar, z.w, z.h, 0) ==
		    reserve)
			return;
	for (size_t i = 0; i < deck->n_slides; i++)
		if (layout_slide(lay, deck, i, z.w, z.h, reserve, m) == 0 &&
		    lay->overflow)
			overflow[i] |= 1u << (md * MODE_BITS + k);
}

size_t
lint_deck(const struct deck *deck, const struct layout_measurer *m,
          struct report *rep)
{
	unsigned *overflow = xcalloc(deck->n_slides, sizeof(*overflow));
	struct layout lay;
	size_t found = 0;

	/* Screen size outermost: the measurer then meets one set of text
	 * sizes at a time, which its font cache holds. */
	layout_init(&lay);
	for (size_t k = 0; k < lint_n_sizes; k++)
		for (size_t md = 0; md < N_MODES; md++)
			lint_size_in_mode(deck, m, &lay, k, md, overflow);
	layout_destroy(&lay);
	found += check_contrast(deck, rep);
	for (size_t i = 0; i < deck->n_slides; i++)
		found += report_fit(deck, i, overflow[i], rep);
	free(overflow);
	return found;
}
