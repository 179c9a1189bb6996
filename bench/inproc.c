/*
 * inproc: the in-process half of `make bench` (see bench/run.sh): how long
 * the program's own code takes, without a display or an X server.
 *
 *   - deck load: deck_load + deck_free of the bundled deck and of generated
 *     1,000- and 10,000-slide decks, microseconds per deck;
 *   - layout and draw, per slide of the bundled deck, at 1920x1080 and
 *     3840x2160, into SDL_CreateSoftwareRenderer on an RGB888 surface:
 *       layout  layout_slide measured by SDL_ttf (fonts open, no drawing),
 *       cold    render_flush, then render_slide: layout, text rasterised
 *               into new textures, drawn (what a slide costs the first time),
 *       warm    render_slide of a cached slide (what every frame costs);
 *   - the first slide from nothing: render_create (reads and opens the
 *     fonts), render_set_deck, render_slide, render_destroy;
 *   - frame rates: a crossfade (clear, render_slide of both slides, the new
 *     one with alpha, present), a push, a static slide, each over 24-frame
 *     transitions between every pair of consecutive slides, both prepared
 *     beforehand as the player does;
 *   - a wall of 24 logos (written to TMP_DIR): its layout, its first frame
 *     (cold: 24 pictures decoded) and a frame once prepared (warm).
 *
 * Every figure is the median of several batches; a batch repeats the
 * operation until it has run for a minimum time and takes the mean.
 *
 *   inproc [-q] [-f FONT_DIR] [-r RAW_CSV] [-t TMP_DIR] DECK [FIRST_DECK]
 *   inproc -p WHAT [-s WxH] DECK    repeat one thing for about 5 s, for a
 *                                   profiler: load, lint, layout, cold,
 *                                   warm, fresh, fade, push (perf record -g)
 *
 * DECK: the deck for the layout/draw figures (the bundled one); FIRST_DECK:
 * another deck whose first slide from nothing is also timed (the harness's
 * 10-slide deck). Prints Markdown tables; -r appends "inproc,1,METRIC,VALUE"
 * lines to RAW_CSV. -q: fewer and shorter batches (smoke run).
 *
 * Linked with all of src/ but main.c and player.c, -O2 (bench/bench.mk).
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "deck.h"
#include "layout.h"
#include "lint.h"
#include "render.h"
#include "report.h"

static int batches = 7;      /* per figure; the median is reported */
static double batch_ms = 60; /* minimum time a batch runs */
static const char *font_dir = "assets/fonts";
static FILE *raw;

static const struct size {
	int w, h;
	const char *name;
} sizes[] = { { 1920, 1080, "1080p" }, { 3840, 2160, "2160p" } };
enum { N_SIZES = sizeof(sizes) / sizeof(sizes[0]) };

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Median over batches of the mean microseconds per call of op(ctx). */
static double
time_op(void (*op)(void *), void *ctx)
{
	double v[32];
	int nb = batches < 32 ? batches : 32;

	op(ctx); /* warm caches, fault pages in */
	for (int b = 0; b < nb; b++) {
		double t0 = now_us(), t;
		long n = 0;

		do {
			op(ctx);
			n++;
			t = now_us();
		} while (t - t0 < batch_ms * 1000);
		v[b] = (t - t0) / (double)n;
	}
	return median(v, nb);
}

static void
put_raw(const char *metric, double value)
{
	if (raw)
		fprintf(raw, "inproc,1,%s,%.3f\n", metric, value);
}

/* ---- deck load */

struct load_ctx {
	const char *path;
	size_t n_slides;
};

static void
op_load(void *p)
{
	struct load_ctx *c = p;
	struct deck deck;
	struct report rep;

	report_init(&rep);
	if (deck_load(&deck, c->path, &rep) < 0) {
		report_print(&rep, stderr);
		exit(1);
	}
	c->n_slides = deck.n_slides;
	deck_free(&deck);
	report_destroy(&rep);
}

/* Writes a deck of n slides mixing every text layout; returns 0 or -1. */
static int
write_big_deck(const char *path, int n)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return -1;
	}
	fprintf(f, "{\n  \"title\": \"Generated deck\",\n"
	           "  \"event\": { \"name\": \"Bench Forum\", \"date\": "
	           "\"1 May 2030\", \"venue\": \"Hall B\" },\n"
	           "  \"settings\": { \"seconds\": 8, \"transition\": "
	           "\"fade\" },\n  \"slides\": [\n");
	for (int i = 0; i < n; i++) {
		fprintf(f, "    {\"id\": \"s%05d\", ", i);
		switch (i % 6) {
		case 0:
			fprintf(f,
			        "\"layout\": \"title\", \"title\": \"Session "
			        "%d: partnerships in "
			        "practice\", \"subtitle\": \"Room %d, "
			        "10:%02d\", \"text\": [\"Hosted by the "
			        "regional chapter\\nOpen to all "
			        "attendees\"]",
			        i, i % 40, i % 60);
			break;
		case 1:
			fprintf(f,
			        "\"title\": \"Key questions %d\", "
			        "\"bullets\": [\"What are the challenges "
			        "of working together?\", \"How do we "
			        "measure impact?\", \"Who funds the next "
			        "step?\", \"What did we learn last "
			        "year?\", \"Where do we go from here?\"]",
			        i);
			break;
		case 2:
			fprintf(f,
			        "\"title\": \"Background %d\", \"text\": "
			        "[\"Partnerships between governments, "
			        "business and civil society are often "
			        "announced and seldom evaluated.\", \"This "
			        "session looks at three that worked and one "
			        "that did not, and asks why.\"]",
			        i);
			break;
		case 3:
			fprintf(f,
			        "\"title\": \"Question %d\", \"statement\": "
			        "\"What is needed to enable partnerships "
			        "that last?\"",
			        i);
			break;
		case 4:
			fprintf(f, "\"title\": \"Partners %d\", \"cards\": [",
			        i);
			for (int k = 0; k < 6; k++)
				fprintf(f,
				        "%s{\"name\": \"Partner %d\", "
				        "\"text\": \"Capacity building and "
				        "access in region %d\"}",
				        k ? ", " : "", k + 1, k + 1);
			fprintf(f, "]");
			break;
		default:
			fprintf(f,
			        "\"title\": \"Contact %d\", \"contact\": "
			        "{\"name\": \"A. Person\", \"role\": "
			        "\"Coordinator\", \"organisation\": \"Bench "
			        "Forum\", \"email\": \"a.person@example."
			        "org\", \"phone\": \"+1 555 0100\", \"url\": "
			        "\"https://example.org/\"}, \"text\": "
			        "\"Questions welcome after the session\"",
			        i);
			break;
		}
		fprintf(f, "}%s\n", i + 1 < n ? "," : "");
	}
	fprintf(f, "  ]\n}\n");
	return fclose(f) ? -1 : 0;
}

static long
file_kib(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)(st.st_size / 1024) : -1;
}

static void
bench_load(const char *deck_path, const char *tmp_dir)
{
	static const int counts[] = { 1000, 10000 };
	char path[4096];
	struct load_ctx c = { deck_path, 0 };
	double us = time_op(op_load, &c);

	printf("| deck_load + deck_free, %s (%zu slides) | %.0f µs |\n",
	       deck_path, c.n_slides, us);
	put_raw("deck_bundled_us", us);
	for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
		char metric[64];

		snprintf(path, sizeof(path), "%s/deck-%d.json", tmp_dir,
		         counts[k]);
		if (write_big_deck(path, counts[k]) < 0)
			exit(1);
		c.path = path;
		us = time_op(op_load, &c);
		printf("| deck_load + deck_free, generated %d slides "
		       "(%ld KiB) | %.0f µs (%.2f µs a slide) |\n",
		       counts[k], file_kib(path), us, us / counts[k]);
		snprintf(metric, sizeof(metric), "deck_%d_us", counts[k]);
		put_raw(metric, us);
		unlink(path);
	}
}

/* ---- lint (the rest of --check) */

struct lint_ctx {
	const struct deck *deck;
	const struct layout_measurer *m;
};

static void
op_lint(void *p)
{
	struct lint_ctx *c = p;
	struct report rep;

	report_init(&rep);
	lint_deck(c->deck, c->m, 0, &rep);
	report_destroy(&rep);
}

/* ---- layout and draw */

struct draw_ctx {
	SDL_Renderer *sdl;
	struct render *r;
	const struct deck *deck;
	struct layout lay;
	size_t i;
	int w, h;
};

static void
op_layout(void *p)
{
	struct draw_ctx *c = p;

	if (layout_slide(&c->lay, c->deck, c->i, c->w, c->h, 0,
	                 render_measurer(c->r)) < 0)
		exit(1);
}

static void
draw_one(struct draw_ctx *c)
{
	SDL_SetRenderDrawColor(c->sdl, 0, 0, 0, 255);
	SDL_RenderClear(c->sdl);
	if (render_slide(c->r, c->i, c->w, c->h, 0, 255) < 0)
		exit(1);
	SDL_RenderPresent(c->sdl);
}

static void
op_cold(void *p)
{
	struct draw_ctx *c = p;

	render_flush(c->r);
	draw_one(c);
}

static void
op_warm(void *p)
{
	draw_one(p);
}

static void
op_fresh(void *p)
{
	struct draw_ctx *c = p;
	struct report rep;
	struct render *r;

	report_init(&rep);
	r = render_create(c->sdl, font_dir, &rep);
	if (!r) {
		report_print(&rep, stderr);
		exit(1);
	}
	render_set_deck(r, c->deck);
	SDL_SetRenderDrawColor(c->sdl, 0, 0, 0, 255);
	SDL_RenderClear(c->sdl);
	render_slide(r, 0, c->w, c->h, 0, 255);
	SDL_RenderPresent(c->sdl);
	render_destroy(r);
	report_destroy(&rep);
}

enum { FRAMES = 24 }; /* a 400 ms transition at 60 Hz */
enum motion { STATIC, FADE, PUSH };

/*
 * Frames per second of the motion: FRAMES-frame transitions between
 * consecutive slides (one pair after another, going on where the last batch
 * stopped), both slides prepared first, untimed, as the player does.
 * Median over batches of the frames drawn per second spent drawing.
 */
static double
motion_fps(struct draw_ctx *c, enum motion how)
{
	double v[32];
	int nb = batches < 32 ? batches : 32;
	size_t n = c->deck->n_slides, i = 0;

	for (int b = 0; b < nb; b++) {
		double busy = 0;
		long frames = 0;

		while (busy < batch_ms * 1000 * 2 || frames < FRAMES) {
			size_t to = (i + 1) % n;
			double t1;

			render_prepare(c->r, i, c->w, c->h);
			render_prepare(c->r, to, c->w, c->h);
			t1 = now_us();
			for (int f = 1; f <= FRAMES; f++) {
				double pr = (double)f / (FRAMES + 1);
				int dx = (int)(pr * c->w);

				SDL_SetRenderDrawColor(c->sdl, 0, 0, 0, 255);
				SDL_RenderClear(c->sdl);
				if (how == STATIC) {
					render_slide(c->r, i, c->w, c->h, 0,
					             255);
				} else if (how == FADE) {
					render_slide(c->r, i, c->w, c->h, 0,
					             255);
					render_slide(c->r, to, c->w, c->h, 0,
					             (uint8_t)(pr * 255));
				} else {
					render_slide(c->r, i, c->w, c->h, -dx,
					             255);
					render_slide(c->r, to, c->w, c->h,
					             c->w - dx, 255);
				}
				SDL_RenderPresent(c->sdl);
			}
			busy += now_us() - t1;
			frames += FRAMES;
			i = to;
		}
		v[b] = frames / busy * 1e6;
	}
	return median(v, nb);
}

static void
bench_draw(const struct deck *deck, const struct deck *first_deck)
{
	static const char *what[] = { "layout", "cold", "warm" };
	static void (*const ops[])(void *) = { op_layout, op_cold, op_warm };
	double mean[3][N_SIZES], worst[3][N_SIZES], fresh[2][N_SIZES];
	double fps[3][N_SIZES], fps_first[N_SIZES] = { 0 };
	size_t worst_i[3][N_SIZES];
	char metric[64];

	for (int z = 0; z < N_SIZES; z++) {
		SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		        0, sizes[z].w, sizes[z].h, 32, SDL_PIXELFORMAT_RGB888);
		SDL_Renderer *sdl =
		        surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
		struct report rep;
		struct draw_ctx c = { .sdl = sdl,
			              .deck = deck,
			              .w = sizes[z].w,
			              .h = sizes[z].h };

		report_init(&rep);
		c.r = sdl ? render_create(sdl, font_dir, &rep) : NULL;
		if (!c.r) {
			fprintf(stderr, "inproc: cannot draw: %s\n",
			        SDL_GetError());
			report_print(&rep, stderr);
			exit(1);
		}
		render_set_deck(c.r, deck);
		layout_init(&c.lay);
		for (int k = 0; k < 3; k++) {
			mean[k][z] = worst[k][z] = 0;
			worst_i[k][z] = 0;
			for (size_t i = 0; i < deck->n_slides; i++) {
				double us;

				c.i = i;
				us = time_op(ops[k], &c);
				mean[k][z] += us / (double)deck->n_slides;
				if (us > worst[k][z]) {
					worst[k][z] = us;
					worst_i[k][z] = i;
				}
			}
			snprintf(metric, sizeof(metric), "%s_%s_us", what[k],
			         sizes[z].name);
			put_raw(metric, mean[k][z]);
			snprintf(metric, sizeof(metric), "%s_%s_worst_us",
			         what[k], sizes[z].name);
			put_raw(metric, worst[k][z]);
		}
		layout_destroy(&c.lay);
		fps[0][z] = motion_fps(&c, FADE);
		fps[1][z] = motion_fps(&c, PUSH);
		fps[2][z] = motion_fps(&c, STATIC);
		snprintf(metric, sizeof(metric), "fade_fps_%s", sizes[z].name);
		put_raw(metric, fps[0][z]);
		snprintf(metric, sizeof(metric), "push_fps_%s", sizes[z].name);
		put_raw(metric, fps[1][z]);
		snprintf(metric, sizeof(metric), "static_fps_%s",
		         sizes[z].name);
		put_raw(metric, fps[2][z]);
		for (int d = 0; d < 2; d++) {
			c.deck = d ? first_deck : deck;
			fresh[d][z] = c.deck ? time_op(op_fresh, &c) : -1;
			snprintf(metric, sizeof(metric), "fresh_%s_%s_us",
			         d ? "first" : "bundled", sizes[z].name);
			if (c.deck)
				put_raw(metric, fresh[d][z]);
		}
		if (first_deck) {
			c.deck = first_deck;
			render_set_deck(c.r, first_deck);
			fps_first[z] = motion_fps(&c, FADE);
			snprintf(metric, sizeof(metric), "fade_fps_first_%s",
			         sizes[z].name);
			put_raw(metric, fps_first[z]);
		}
		render_destroy(c.r);
		SDL_DestroyRenderer(sdl);
		SDL_FreeSurface(surf);
		report_destroy(&rep);
	}

	printf("\nLayout and draw into SDL's software renderer (RGB888 "
	       "surface), µs a slide: mean over the %zu slides of %s "
	       "(worst slide in brackets, 1-based)\n\n",
	       deck->n_slides, deck->path);
	printf("| step | 1920x1080 | 3840x2160 |\n|---|---|---|\n");
	static const char *label[] = {
		"layout only (layout_slide, SDL_ttf measuring)",
		"cold: render_flush + render_slide (layout, rasterise, "
		"textures, draw)",
		"warm: render_slide of a cached slide (the per-frame cost)",
	};
	for (int k = 0; k < 3; k++)
		printf("| %s | %.0f (%.0f, #%zu) | %.0f (%.0f, #%zu) |\n",
		       label[k], mean[k][0], worst[k][0], worst_i[k][0] + 1,
		       mean[k][1], worst[k][1], worst_i[k][1] + 1);
	printf("| first slide from nothing: render_create (fonts) + "
	       "set_deck + render_slide + destroy, %s | %.0f | %.0f |\n",
	       deck->path, fresh[0][0], fresh[0][1]);
	if (first_deck)
		printf("| the same, %s | %.0f | %.0f |\n", first_deck->path,
		       fresh[1][0], fresh[1][1]);
	printf("\nFrames per second drawn into the surface (clear + "
	       "render_slide x2 + present; %d-frame transitions between "
	       "consecutive slides, both prepared)\n\n",
	       FRAMES);
	printf("| motion | 1920x1080 | 3840x2160 |\n|---|---|---|\n");
	printf("| crossfade (old opaque, new with alpha), %s | %.0f fps (%.1f "
	       "ms) | %.0f fps (%.1f ms) |\n",
	       deck->path, fps[0][0], 1000 / fps[0][0], fps[0][1],
	       1000 / fps[0][1]);
	if (first_deck)
		printf("| crossfade, %s | %.0f fps (%.1f ms) | %.0f fps (%.1f "
		       "ms) |\n",
		       first_deck->path, fps_first[0], 1000 / fps_first[0],
		       fps_first[1], 1000 / fps_first[1]);
	printf("| push (both opaque, shifted) | %.0f fps (%.1f ms) | %.0f fps "
	       "(%.1f ms) |\n",
	       fps[1][0], 1000 / fps[1][0], fps[1][1], 1000 / fps[1][1]);
	printf("| static slide (one render_slide) | %.0f fps (%.1f ms) | %.0f "
	       "fps (%.1f ms) |\n",
	       fps[2][0], 1000 / fps[2][0], fps[2][1], 1000 / fps[2][1]);
}

static int load(struct deck *deck, const char *path);

/* ---- a wall of logos */

#define N_LOGOS 24

/* Writes N_LOGOS logos of shapes from 1:2 to 5:1 and a deck of two slides
 * (the wall, on plates and named, then a title) into dir; returns the
 * deck's path in buf, or NULL. */
static const char *
write_logo_deck(const char *dir, char *buf, size_t size)
{
	char path[1024];
	FILE *f;

	snprintf(buf, size, "%s/logos.json", dir);
	f = fopen(buf, "w");
	if (!f)
		return NULL;
	fprintf(f, "{\"slides\": [{\"title\": \"Partners\", \"plate\": "
	           "true, \"logos\": [");
	for (int k = 0; k < N_LOGOS; k++) {
		int w = 120 + 40 * (k % 12), h = 60 + 20 * (k % 7);
		SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(
		        0, w, h, 32, SDL_PIXELFORMAT_RGB888);

		snprintf(path, sizeof(path), "%s/logo-%02d.png", dir, k);
		if (!s || SDL_FillRect(s, NULL, 0x204060u + 0x0a0a00u * k) ||
		    IMG_SavePNG(s, path) < 0)
			exit(1);
		SDL_FreeSurface(s);
		fprintf(f,
		        "%s{\"image\": \"logo-%02d.png\", \"name\": "
		        "\"Partner %d\"}",
		        k ? ", " : "", k, k + 1);
	}
	fprintf(f, "]}, {\"title\": \"Thank you\"}]}\n");
	return fclose(f) == 0 ? buf : NULL;
}

/* The wall's layout, its first frame (layout, 24 pictures decoded,
 * names rasterised, drawn: what an advance to it costs unless it was
 * prepared ahead) and a frame of it once prepared. */
static void
bench_logos(const char *tmp_dir)
{
	static const char *what[] = { "layout", "cold", "warm" };
	static void (*const ops[])(void *) = { op_layout, op_cold, op_warm };
	char path[1024], metric[64];
	struct deck deck;
	struct report rep;

	if (!write_logo_deck(tmp_dir, path, sizeof(path)) ||
	    load(&deck, path) < 0)
		exit(1);
	printf("\nA wall of %d logos (on plates, named), slide 1 of %s\n\n"
	       "| what | 1080p | 2160p |\n|---|---|---|\n",
	       N_LOGOS, path);
	for (int k = 0; k < 3; k++) {
		double us[N_SIZES];

		for (int z = 0; z < N_SIZES; z++) {
			SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
			        0, sizes[z].w, sizes[z].h, 32,
			        SDL_PIXELFORMAT_RGB888);
			struct draw_ctx c = { .sdl = SDL_CreateSoftwareRenderer(
				                      surf),
				              .deck = &deck,
				              .w = sizes[z].w,
				              .h = sizes[z].h };

			report_init(&rep);
			c.r = render_create(c.sdl, font_dir, &rep);
			if (!c.r)
				exit(1);
			render_set_deck(c.r, &deck);
			layout_init(&c.lay);
			us[z] = time_op(ops[k], &c);
			snprintf(metric, sizeof(metric), "logos_%s_%s_us",
			         what[k], sizes[z].name);
			put_raw(metric, us[z]);
			layout_destroy(&c.lay);
			render_destroy(c.r);
			report_destroy(&rep);
			SDL_DestroyRenderer(c.sdl);
			SDL_FreeSurface(surf);
		}
		printf("| %s | %.0f µs | %.0f µs |\n", what[k], us[0], us[1]);
	}
	deck_free(&deck);
}

/* -p: repeats one operation for about 5 s under a profiler. */
static int
profile(const char *what, const char *path, int w, int h)
{
	static const struct {
		const char *name;
		void (*op)(void *);
	} ops[] = { { "layout", op_layout },
		    { "cold", op_cold },
		    { "warm", op_warm },
		    { "fresh", op_fresh } };
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
	        0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	struct report rep;
	struct deck deck;
	struct draw_ctx c = { .sdl = sdl, .deck = &deck, .w = w, .h = h };
	double t0 = now_us();

	batches = 1;
	batch_ms = 5000;
	if (!strcmp(what, "load")) {
		struct load_ctx lc = { path, 0 };

		time_op(op_load, &lc);
		return 0;
	}
	report_init(&rep);
	if (!sdl || load(&deck, path) < 0 ||
	    !(c.r = render_create(sdl, font_dir, &rep))) {
		report_print(&rep, stderr);
		return 1;
	}
	render_set_deck(c.r, &deck);
	layout_init(&c.lay);
	if (!strcmp(what, "lint")) {
		struct lint_ctx lc = { &deck, render_measurer(c.r) };

		time_op(op_lint, &lc);
	} else if (!strcmp(what, "fade") || !strcmp(what, "push")) {
		batch_ms = 2500;
		motion_fps(&c, what[0] == 'f' ? FADE : PUSH);
	} else {
		size_t k;

		for (k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
			if (!strcmp(what, ops[k].name))
				break;
		if (k == sizeof(ops) / sizeof(ops[0])) {
			fprintf(stderr, "inproc: -p takes load, lint, layout, "
			                "cold, warm, fresh, fade or push\n");
			return 2;
		}
		batch_ms = 5000.0 / (double)deck.n_slides;
		for (c.i = 0; c.i < deck.n_slides; c.i++)
			time_op(ops[k].op, &c);
	}
	fprintf(stderr, "inproc: %s for %.1f s\n", what, (now_us() - t0) / 1e6);
	layout_destroy(&c.lay);
	render_destroy(c.r);
	deck_free(&deck);
	report_destroy(&rep);
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surf);
	return 0;
}

static int
load(struct deck *deck, const char *path)
{
	struct report rep;
	int rc;

	report_init(&rep);
	rc = deck_load(deck, path, &rep);
	if (rc < 0)
		report_print(&rep, stderr);
	report_destroy(&rep);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *tmp_dir = "/tmp", *prof = NULL;
	int pw = 1920, ph = 1080;
	struct deck deck, first = { 0 };
	struct report rep;
	struct render *measure;
	struct lint_ctx lc;
	SDL_version sv;
	const SDL_version *tv;
	int opt;

	while ((opt = getopt(argc, argv, "qf:r:t:p:s:")) != -1) {
		switch (opt) {
		case 'q':
			batches = 3;
			batch_ms = 15;
			break;
		case 'f':
			font_dir = optarg;
			break;
		case 'r':
			raw = fopen(optarg, "a");
			if (!raw) {
				perror(optarg);
				return 1;
			}
			break;
		case 't':
			tmp_dir = optarg;
			break;
		case 'p':
			prof = optarg;
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &pw, &ph) != 2 || pw < 64 ||
			    ph < 64) {
				fprintf(stderr, "inproc: -s takes WxH\n");
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: inproc [-q] [-f FONT_DIR] [-r "
			                "RAW_CSV] [-t TMP_DIR] DECK "
			                "[FIRST_DECK]\n       inproc -p WHAT "
			                "[-s WxH] DECK\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "inproc: no deck given\n");
		return 2;
	}
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (TTF_Init() < 0) {
		fprintf(stderr, "inproc: TTF_Init: %s\n", TTF_GetError());
		return 1;
	}
	IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
	if (prof)
		return profile(prof, argv[optind], pw, ph);
	SDL_GetVersion(&sv);
	tv = TTF_Linked_Version();
	printf("In-process (%s batches of at least %.0f ms, medians; SDL "
	       "%d.%d.%d, SDL_ttf %d.%d.%d)\n\n",
	       batches == 3 ? "3" : "7", batch_ms, sv.major, sv.minor, sv.patch,
	       tv->major, tv->minor, tv->patch);
	printf("| what | time |\n|---|---|\n");
	bench_load(argv[optind], tmp_dir);

	if (load(&deck, argv[optind]) < 0 ||
	    (optind + 1 < argc && load(&first, argv[optind + 1]) < 0))
		return 1;
	report_init(&rep);
	measure = render_create(NULL, font_dir, &rep);
	if (!measure) {
		report_print(&rep, stderr);
		return 1;
	}
	lc = (struct lint_ctx){ &deck, render_measurer(measure) };
	{
		double us = time_op(op_lint, &lc);

		printf("| lint_deck (the rest of --check: every slide laid "
		       "out at %zu screen sizes), %s | %.0f µs |\n",
		       lint_n_sizes, deck.path, us);
		put_raw("lint_bundled_us", us);
	}
	render_destroy(measure);
	report_destroy(&rep);

	bench_draw(&deck, first.n_slides ? &first : NULL);
	bench_logos(tmp_dir);
	deck_free(&deck);
	deck_free(&first);
	IMG_Quit();
	TTF_Quit();
	SDL_Quit();
	if (raw)
		fclose(raw);
	return 0;
}
