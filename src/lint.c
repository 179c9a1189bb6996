/*
 * lint: overflow and contrast warnings for a deck; see lint.h.
 */
#include "lint.h"

#include <math.h>
#include <stdio.h>

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

static size_t
check_contrast(const struct deck *deck, size_t i, struct report *rep)
{
	const struct deck_slide *s = &deck->slides[i];
	struct deck_color bg =
	        s->has_background ? s->background : deck->theme.background;
	double text = lint_contrast(deck->theme.text, bg);
	char name[128];

	if (text >= LINT_MIN_CONTRAST)
		return 0;
	slide_name(name, sizeof(name), deck, i);
	report_warning(rep,
	               "%s:%d: %s: text/background contrast is %.1f:1, under "
	               "%.1f:1 (WCAG AA); choose a lighter or darker colour",
	               deck->path, s->line, name, text, LINT_MIN_CONTRAST);
	return 1;
}

static size_t
check_fit(const struct deck *deck, size_t i, const struct layout_measurer *m,
          struct layout *lay, struct report *rep)
{
	char sizes[256] = "", name[128];
	size_t used = 0;
	int floor_px = 0;

	for (size_t k = 0; k < lint_n_sizes; k++) {
		struct lint_size z = lint_sizes[k];

		if (layout_slide(lay, deck, i, z.w, z.h, 0, m) < 0 ||
		    !lay->overflow)
			continue;
		if (!floor_px)
			floor_px = lay->floor_px;
		used += (size_t)snprintf(sizes + used, sizeof(sizes) - used,
		                         "%s%dx%d", used ? ", " : "", z.w, z.h);
	}
	if (!used)
		return 0;
	slide_name(name, sizeof(name), deck, i);
	report_warning(rep,
	               "%s:%d: %s: text does not fit at the smallest legible "
	               "size at %s and is cut; shorten it or split the slide",
	               deck->path, deck->slides[i].line, name, sizes);
	return 1;
}

size_t
lint_deck(const struct deck *deck, const struct layout_measurer *m,
          struct report *rep)
{
	struct layout lay;
	size_t found = 0;

	layout_init(&lay);
	for (size_t i = 0; i < deck->n_slides; i++) {
		found += check_contrast(deck, i, rep);
		found += check_fit(deck, i, m, &lay, rep);
	}
	layout_destroy(&lay);
	return found;
}
