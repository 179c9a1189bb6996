/*
 * app: checking, exporting and showing decks on SDL; see app.h.
 */
#include "app.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "civil.h"
#include "contact_sheet.h"
#include "controls.h"
#include "displays.h"
#include "glyph_check.h"
#include "lang.h"
#include "lint.h"
#include "measure.h"
#include "overlay.h"
#include "picture.h"
#include "picture_check.h"
#include "render.h"
#include "report.h"
#include "slide_files.h"
#include "util.h"

#ifndef VITRINE_DATADIR
#define VITRINE_DATADIR "/usr/local/share/vitrine"
#endif

enum deck_mode
app_mode(const struct app_options *o, const struct deck *deck)
{
	return o->mode >= 0 ? (enum deck_mode)o->mode : deck->settings.mode;
}

/* Renderer and drivers that need no display and no GPU. */
static void
set_offscreen_hints(void)
{
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The bundled fonts' folder: $VITRINE_FONTS, else assets/fonts beside the
 * build folder, else the installed share/vitrine/fonts. Writes into buf.
 */
static const char *
font_dir(char *buf, size_t size)
{
	const char *env = getenv("VITRINE_FONTS");
	char *base = SDL_GetBasePath();
	const char *tries[] = { "%s../assets/fonts", "%s../share/vitrine/fonts",
		                "%sassets/fonts" };

	if (env && *env) {
		snprintf(buf, size, "%s", env);
		goto out;
	}
	for (size_t i = 0; base && i < sizeof(tries) / sizeof(tries[0]); i++) {
		snprintf(buf, size, tries[i], base);
		if (is_dir(buf))
			goto out;
	}
	snprintf(buf, size, "%s/fonts", VITRINE_DATADIR);
out:
	SDL_free(base);
	return buf;
}

int
app_start_libraries(void)
{
	if (TTF_Init() == 0)
		return 0;
	fprintf(stderr, "vitrine: cannot start SDL_ttf: %s\n", TTF_GetError());
	return -1;
}

void
app_stop_libraries(void)
{
	picture_close();
	displays_watch_stop();
	TTF_Quit();
	SDL_Quit();
}

struct render *
app_open_render(SDL_Renderer *sdl)
{
	char dir[4096];
	struct report rep;
	struct render *r;

	report_init(&rep);
	r = render_create(sdl, font_dir(dir, sizeof(dir)), &rep);
	if (!r)
		report_print(&rep, stderr);
	report_destroy(&rep);
	return r;
}

static int64_t
realtime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
app_clock_start(const struct app_options *o)
{
	int64_t at;

	if (!o->now || civil_parse(o->now, &at) < 0)
		return 0;
	return at - realtime_ms();
}

int64_t
app_wall_ms(int64_t offset_ms)
{
	return realtime_ms() + offset_ms;
}

/*
 * The scrims of deck's pictures behind text, measured at 1920x1080 by a
 * software renderer on a surface (--check has no screen).
 */
static void
check_scrims(const struct deck *deck, struct report *rep)
{
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *r;

	if (!picture_check_has_backdrops(deck))
		return;
	surface = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32,
	                                         SDL_PIXELFORMAT_RGB888);
	sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	r = sdl ? app_open_render(sdl) : NULL;
	if (r) {
		render_set_deck(r, deck);
		picture_check_scrims(deck, r, 1920, 1080, rep);
	}
	render_destroy(r);
	if (sdl)
		SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
}

/* The checks of --check on a loaded deck: its images, then the lint. */
static void
check_deck(const struct deck *deck, struct render *r, struct measure_cache *mc,
           int64_t now_ms, struct report *rep)
{
	picture_check_files(deck, r, measure_cache_measurer(mc), rep);
	glyph_check_deck(deck, r, rep);
	if (!rep->errors)
		check_scrims(deck, rep);
	lint_deck(deck, measure_cache_measurer(mc), now_ms, rep);
	lint_times(deck, rep);
}

/*
 * Opens the fonts for measuring only, as --check does, into *r and *mc;
 * returns 0, or -1 after a message.
 */
static int
open_checker(struct render **r, struct measure_cache *mc)
{
	*r = app_open_render(NULL);
	if (!*r)
		return -1;
	render_set_font_slots(*r, RENDER_FONT_SLOTS_MAX); /* six sizes */
	measure_cache_init(mc, render_measurer(*r));
	return 0;
}

static void
close_checker(struct render *r, struct measure_cache *mc)
{
	measure_cache_destroy(mc);
	render_destroy(r);
}

/* Whether rep already has a message with this text. */
static bool
has_message(const struct report *rep, const char *text)
{
	for (size_t i = 0; i < rep->n; i++)
		if (!strcmp(rep->v[i].text, text))
			return true;
	return false;
}

/*
 * The lint in each language after the default (text that fits in English
 * may not in Russian): what it finds that the default's check did not, with
 * the language named, e.g. "... (in \"ru\")".
 */
static void
lint_languages(struct deck *deck, struct measure_cache *mc, int64_t now_ms,
               struct report *rep)
{
	for (size_t k = 1; k < deck->languages.n; k++) {
		struct report more;

		report_init(&more);
		deck_set_language(deck, k);
		lint_deck(deck, measure_cache_measurer(mc), now_ms, &more);
		for (size_t i = 0; i < more.n; i++) {
			const char *text = more.v[i].text;

			if (has_message(rep, text))
				continue;
			if (more.v[i].level == REPORT_ERROR)
				report_error(rep, "%s (in \"%s\")", text,
				             deck->lang);
			else
				report_warning(rep, "%s (in \"%s\")", text,
				               deck->lang);
		}
		report_destroy(&more);
	}
	deck_set_language(deck, 0);
}

/* Checks one deck; prints what it found. Returns 0 when usable. */
static int
check_one(const struct app_options *o, const char *file, struct render *r,
          struct measure_cache *mc)
{
	struct deck deck;
	int64_t now;
	struct report rep;
	int rc = 0;

	report_init(&rep);
	if (deck_load(&deck, file, &rep) < 0) {
		rc = 1;
		goto out;
	}
	civil_use_zone(deck.settings.time_zone); /* --now is read in it */
	now = app_wall_ms(app_clock_start(o));
	check_deck(&deck, r, mc, now, &rep);
	lint_languages(&deck, mc, now, &rep);
	rc = rep.errors ? 1 : 0;
	if (!rc)
		printf("%s: ok, %zu slides%s\n", file, deck.n_slides,
		       rep.warnings ? " (with warnings)" : "");
	deck_free(&deck);
out:
	report_print(&rep, rc ? stderr : stdout);
	report_destroy(&rep);
	return rc;
}

int
app_check(const struct app_options *o, char **decks, int n)
{
	struct measure_cache mc;
	struct render *r;
	int rc = 0;

	set_offscreen_hints();
	if (app_start_libraries() < 0)
		return 1;
	if (open_checker(&r, &mc) < 0) {
		app_stop_libraries();
		return 1;
	}
	for (int i = 0; i < n; i++)
		rc |= check_one(o, decks[i], r, &mc);
	close_checker(r, &mc);
	app_stop_libraries();
	return rc;
}

/* One export: the options, the deck, and the mode it is previewed in
 * (--mode, else the deck's). */
struct export_job {
	const struct app_options *o;
	const struct deck *deck;
	enum deck_mode mode;
	const char *lang; /* in the files' names ("slide-001.pt.png"); NULL:
	                     plain names */
};

/*
 * What the mode adds over slide i on the screen, drawn the same way: the
 * kiosk's controls, or the lobby's progress bar (a third of the way).
 */
static void
draw_mode(struct render *r, SDL_Renderer *sdl, const struct deck *deck,
          enum deck_mode mode, size_t i, int w, int h)
{
	const struct layout *lay = render_layout(r, i, w, h);
	const struct deck_slide *s = &deck->slides[i];
	struct controls c;

	if (!lay)
		return;
	if (mode == DECK_MODE_KIOSK) {
		controls_place(&c, lay->safe, controls_target_for(w, h, 0),
		               deck->n_slides);
		controls_place_language(&c, deck->languages.n > 1,
		                        deck->n_slides);
		overlay_controls(sdl, &c, &deck->theme, i);
		overlay_language(sdl, r, &c, &deck->theme,
		                 deck->lang ? lang_name(deck->lang) : NULL,
		                 NULL);
	} else if (mode == DECK_MODE_LOBBY && deck->settings.progress_bar) {
		overlay_progress(sdl, lay->safe, h, deck->theme.accent,
		                 s->has_background ? s->background
		                                   : deck->theme.background,
		                 1.0 / 3);
	}
}

/* Draws slide i into surface through the software renderer sdl, and
 * writes it to the export folder. */
static int
export_slide(struct render *r, SDL_Renderer *sdl, SDL_Surface *surface,
             size_t i, const struct export_job *job)
{
	char path[4096], name[SLIDE_FILES_NAME_MAX];
	const char *dir = job->o->export_dir;

	SDL_SetRenderDrawColor(sdl, 0, 0, 0, 255);
	SDL_RenderClear(sdl);
	if (render_slide(r, i, surface->w, surface->h, 0, 255) < 0)
		return -1;
	draw_mode(r, sdl, job->deck, job->mode, i, surface->w, surface->h);
	SDL_RenderPresent(sdl);
	if (i + 1 < job->deck->n_slides) /* decoded while this one is saved */
		render_prepare(r, i + 1, surface->w, surface->h);
	slide_files_lang_name(name, sizeof(name), i, job->lang);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (picture_save_png(surface, path) < 0) {
		fprintf(stderr, "vitrine: %s: cannot write: %s\n", path,
		        SDL_GetError());
		return -1;
	}
	printf("wrote %s\n", path);
	return 0;
}

static int
make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0 || (errno == EEXIST && is_dir(dir)))
		return 0;
	fprintf(stderr, "vitrine: %s: cannot create folder: %s\n", dir,
	        strerror(errno));
	return -1;
}

/*
 * Writes dir/index.html, the contact sheet of deck at w x h with the
 * messages of --check's checks; returns 0 or 1.
 */
static int
export_html(const struct deck *deck, const char *dir, int w, int h,
            int64_t now_ms)
{
	struct measure_cache mc;
	struct render *r;
	struct report rep;
	char path[4096];
	FILE *f;
	int rc = 1;

	if (open_checker(&r, &mc) < 0)
		return 1;
	report_init(&rep);
	check_deck(deck, r, &mc, now_ms, &rep);
	snprintf(path, sizeof(path), "%s/index.html", dir);
	f = fopen(path, "w");
	if (f && contact_sheet_write(f, deck, &rep, w, h) == 0)
		rc = 0;
	if (f && fclose(f) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "vitrine: %s: cannot write: %s\n", path,
		        strerror(errno));
	else
		printf("wrote %s\n", path);
	report_destroy(&rep);
	close_checker(r, &mc);
	return rc;
}

/* Removes the slide pictures of a longer deck; returns 0 or 1. */
static int
remove_stale(const char *dir, size_t n)
{
	char msg[512];
	long k = slide_files_remove_stale(dir, n, msg, sizeof(msg));

	if (k < 0)
		fprintf(stderr, "vitrine: %s\n", msg);
	else if (k > 0)
		printf("%s\n", msg);
	return k < 0;
}

/* Writes every slide of the deck in its language now; returns 0 or 1. */
static int
export_slides(struct render *r, SDL_Renderer *sdl, SDL_Surface *surface,
              const struct export_job *job)
{
	int rc = 0;

	render_set_deck(r, job->deck);
	for (size_t i = 0; i < job->deck->n_slides && !rc; i++)
		rc = export_slide(r, sdl, surface, i, job) ? 1 : 0;
	return rc;
}

/* --lang all: the default's slides under plain names, then each other
 * language's as slide-001.TAG.png; else the deck's language now. */
static int
export_languages(struct render *r, SDL_Renderer *sdl, SDL_Surface *surface,
                 struct deck *deck, struct export_job *job)
{
	bool all = job->o->lang && !strcmp(job->o->lang, "all");
	int rc = export_slides(r, sdl, surface, job);

	for (size_t k = 1; all && k < deck->languages.n && !rc; k++) {
		deck_set_language(deck, k);
		job->lang = deck->lang;
		rc = export_slides(r, sdl, surface, job);
	}
	if (all)
		deck_set_language(deck, 0);
	job->lang = NULL;
	return rc;
}

/* Exports every slide of deck; returns 0 or 1. */
static int
export_deck(struct deck *deck, const struct app_options *o)
{
	int w = o->w ? o->w : 1920, h = o->h ? o->h : 1080, rc = 1;
	struct export_job job = { o, deck, app_mode(o, deck), NULL };
	SDL_Surface *surface = NULL;
	SDL_Renderer *sdl = NULL;
	struct render *r = NULL;
	struct report rep;

	report_init(&rep);
	if (make_dir(o->export_dir) < 0)
		goto out;
	surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                         SDL_PIXELFORMAT_RGB888);
	sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
	r = sdl ? app_open_render(sdl) : NULL;
	if (!r) {
		fprintf(stderr, "vitrine: cannot draw %dx%d: %s\n", w, h,
		        SDL_GetError());
		goto out;
	}
	render_set_deck(r, deck);
	render_set_time(r, app_wall_ms(app_clock_start(o)));
	render_set_reserve(r, controls_reserve_px(job.mode,
	                                          deck->settings.progress_bar,
	                                          w, h, 0));
	rc = export_languages(r, sdl, surface, deck, &job);
	render_image_errors(r, &rep);
	picture_check_scrims(deck, r, w, h, &rep);
	report_print(&rep, stderr);
	if (render_image_error_count(r))
		rc = 1; /* the slides are written, with placeholders */
	if (!rc)
		rc = remove_stale(o->export_dir, deck->n_slides);
	if (!rc && o->html)
		rc = export_html(deck, o->export_dir, w, h,
		                 app_wall_ms(app_clock_start(o)));
out:
	report_destroy(&rep);
	render_destroy(r);
	if (sdl)
		SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
	return rc;
}

int
app_export(const struct app_options *o)
{
	struct deck deck;
	struct report rep;
	int rc = 1;

	set_offscreen_hints();
	report_init(&rep);
	if (deck_load(&deck, o->deck, &rep) < 0) {
		report_print(&rep, stderr);
		goto out;
	}
	if (app_use_language(o, &deck) < 0)
		goto out_free;
	if (app_start_libraries() == 0) {
		rc = export_deck(&deck, o);
		app_stop_libraries();
	}
out_free:
	deck_free(&deck);
out:
	report_destroy(&rep);
	return rc;
}

int
app_use_language(const struct app_options *o, struct deck *deck)
{
	char list[400] = "";
	size_t used = 0;
	int k;

	if (!o->lang || !strcmp(o->lang, "all"))
		return 0;
	if ((k = deck_language_index(deck, o->lang)) >= 0) {
		deck_set_language(deck, (size_t)k);
		return 0;
	}
	for (size_t i = 0; i < deck->languages.n && used < sizeof(list); i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used,
		                         "%s%s", i ? ", " : "",
		                         deck->languages.v[i]);
	if (deck->languages.n)
		fprintf(stderr, "vitrine: %s: --lang %s: the deck offers %s\n",
		        o->deck, o->lang, list);
	else
		fprintf(stderr,
		        "vitrine: %s: --lang %s: the deck has no "
		        "\"languages\"\n",
		        o->deck, o->lang);
	return -1;
}
