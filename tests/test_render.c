/*
 * test_render: draws the bundled deck with the real fonts into a software
 * renderer at six screen sizes and checks what a viewer would: nothing
 * crosses the safe area, no text is under the floor or cut, no slide is
 * blank; exports PNG files and reads them back; draws a placeholder for an
 * image that will not decode; keeps the texture count bounded.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "deck.h"
#include "font.h"
#include "layout.h"
#include "lint.h"
#include "render.h"

#define BUNDLED "slides/igf2007.json"

struct canvas {
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *r;
};

static int
canvas_open(struct canvas *c, int w, int h)
{
	struct report rep;

	report_init(&rep);
	c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                            SDL_PIXELFORMAT_RGB888);
	c->sdl = SDL_CreateSoftwareRenderer(c->surface);
	c->r = render_create(c->sdl, "assets/fonts", &rep);
	report_print(&rep, stderr);
	report_destroy(&rep);
	return c->r ? 0 : -1;
}

static void
canvas_close(struct canvas *c)
{
	render_destroy(c->r);
	SDL_DestroyRenderer(c->sdl);
	SDL_FreeSurface(c->surface);
}

static bool
inside(struct layout_rect a, struct layout_rect safe)
{
	return a.x >= safe.x && a.y >= safe.y && a.x + a.w <= safe.x + safe.w &&
	       a.y + a.h <= safe.y + safe.h;
}

/* Distinct pixel values in a sparse grid of the surface, up to 64. */
static int
colours(SDL_Surface *s)
{
	Uint32 seen[64];
	int n = 0;

	for (int y = 0; y < s->h; y += 7) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
		                                     y * s->pitch);
		for (int x = 0; x < s->w && n < 64; x += 3) {
			int k = 0;

			while (k < n && seen[k] != row[x])
				k++;
			if (k == n)
				seen[n++] = row[x];
		}
	}
	return n;
}

static void
check_slide_at(struct canvas *c, const struct deck *deck, size_t i, int w,
               int h)
{
	const struct layout *lay = render_layout(c->r, i, w, h);

	CHECK(lay != NULL);
	if (!lay)
		return;
	CHECK(!lay->overflow);
	CHECK(lay->min_px >= lay->floor_px);
	CHECK_INT(lay->floor_px, (((w < h ? w : h) + 23) / 24));
	for (size_t k = 1; k < lay->n; k++) {
		const struct layout_item *it = &lay->items[k];

		if (!inside(it->box, lay->safe))
			fprintf(stderr, "%dx%d slide %zu item %zu outside\n", w,
			        h, i + 1, k);
		CHECK(inside(it->box, lay->safe));
		if (it->kind == LAYOUT_TEXT)
			CHECK(it->px >= lay->floor_px);
	}
	SDL_RenderClear(c->sdl);
	CHECK_INT(render_slide(c->r, i, w, h, 0, 255), 0);
	CHECK(colours(c->surface) > 2);
	(void)deck;
}

static void
test_bundled_deck_at_every_size(void)
{
	struct deck deck;
	struct report rep;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	for (size_t z = 0; z < lint_n_sizes && deck.n_slides; z++) {
		struct canvas c;
		int w = lint_sizes[z].w, h = lint_sizes[z].h;

		CHECK_INT(canvas_open(&c, w, h), 0);
		if (!c.r)
			break;
		render_set_deck(c.r, &deck);
		for (size_t i = 0; i < deck.n_slides; i++)
			check_slide_at(&c, &deck, i, w, h);
		canvas_close(&c);
	}
	deck_free(&deck);
	report_destroy(&rep);
}

static void
test_texture_count_bounded(void)
{
	struct deck deck;
	struct report rep;
	struct canvas c;
	size_t most = 0;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	CHECK_INT(canvas_open(&c, 1280, 720), 0);
	render_set_deck(c.r, &deck);
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < deck.n_slides; i++) {
			render_slide(c.r, i, 1280, 720, 0, 255);
			if (round == 0 && render_texture_count(c.r) > most)
				most = render_texture_count(c.r);
			if (round > 0)
				CHECK(render_texture_count(c.r) <= most);
		}
	}
	render_set_deck(c.r, NULL);
	CHECK_INT(render_texture_count(c.r), 0);
	canvas_close(&c);
	deck_free(&deck);
	report_destroy(&rep);
}

/*
 * What the player does on SDL_RENDER_TARGETS_RESET / DEVICE_RESET and on a
 * resize: drop every texture and draw again. The next frame must be the
 * same picture, with as many textures as before (none leaked).
 */
static void
test_reset_and_resize_redraw(void)
{
	struct deck deck;
	struct report rep;
	struct canvas c;
	SDL_Surface *before;
	size_t textures;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	CHECK_INT(canvas_open(&c, 1280, 720), 0);
	render_set_deck(c.r, &deck);
	SDL_RenderClear(c.sdl);
	render_slide(c.r, 9, 1280, 720, 0, 255);
	textures = render_texture_count(c.r);
	before = SDL_DuplicateSurface(c.surface);
	for (int round = 0; round < 3; round++) {
		render_flush(c.r);
		CHECK_INT(render_texture_count(c.r), 0);
		render_slide(c.r, 9, 800, 600, 0, 255); /* a resize between */
		render_flush(c.r);
		SDL_RenderClear(c.sdl);
		render_slide(c.r, 9, 1280, 720, 0, 255);
		CHECK_INT(render_texture_count(c.r), textures);
		CHECK(memcmp(before->pixels, c.surface->pixels,
		             (size_t)c.surface->pitch * 720) == 0);
	}
	SDL_FreeSurface(before);
	canvas_close(&c);
	deck_free(&deck);
	report_destroy(&rep);
}

static long
file_bytes(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

/*
 * Only the faces a deck draws with stay in memory; a deck that needs a
 * parked face gets it back, or, when its file went away meanwhile, the
 * closest other face, and its slides still draw.
 */
static void
test_fonts_parked_when_unused(void)
{
	char dir[] = "/tmp/vitrine-fonts-XXXXXX", cmd[4200];
	const char *faces[] = { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
		                "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf" };
	long size[4], all = 0;
	struct deck sans, serif;
	struct report rep;
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *r;

	report_init(&rep);
	CHECK(mkdtemp(dir) != NULL);
	snprintf(cmd, sizeof(cmd), "cp assets/fonts/*.ttf %s/", dir);
	CHECK_INT(system(cmd), 0);
	for (int i = 0; i < 4; i++)
		all += size[i] = file_bytes(dir, faces[i]);
	CHECK_INT(deck_load(&sans, BUNDLED, &rep), 0);
	CHECK_INT(deck_load(&serif, "tests/data/good/settings.json", &rep), 0);
	surface = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32,
	                                         SDL_PIXELFORMAT_RGB888);
	sdl = SDL_CreateSoftwareRenderer(surface);
	r = render_create(sdl, dir, &rep);
	CHECK(r != NULL);
	if (!r)
		goto out;
	CHECK_INT(render_font_bytes(r), all);
	render_set_deck(r, &sans);
	CHECK_INT(render_font_bytes(r), size[0] + size[1]);
	render_set_deck(r, &serif); /* serif faces back; sans for pictures */
	CHECK_INT(render_font_bytes(r), size[0] + size[2] + size[3]);
	CHECK_INT(render_slide(r, 0, 640, 360, 0, 255), 0);
	render_set_deck(r, &sans);
	CHECK_INT(render_font_bytes(r), size[0] + size[1]);
	/* the serif files go away while parked: sans draws serif text */
	snprintf(cmd, sizeof(cmd), "rm %s/NotoSerif-*.ttf", dir);
	CHECK_INT(system(cmd), 0);
	render_set_deck(r, &serif);
	CHECK_INT(render_font_bytes(r), size[0] + size[1]);
	SDL_FillRect(surface, NULL, 0);
	CHECK_INT(render_slide(r, 0, 640, 360, 0, 255), 0);
	SDL_RenderFlush(sdl);
	CHECK(colours(surface) > 2); /* text drawn, not an empty slide */
	render_set_deck(r, NULL);
	render_destroy(r);
out:
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
	deck_free(&sans);
	deck_free(&serif);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK_INT(system(cmd), 0);
	report_destroy(&rep);
}

/* A slide at rest covers every pixel: the player does not clear first. */
static void
test_slide_covers_the_screen(void)
{
	static const int sizes[][2] = { { 1280, 720 },
		                        { 800, 480 },
		                        { 1080, 1920 } };
	struct deck deck;
	struct report rep;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		int w = sizes[k][0], h = sizes[k][1];
		struct canvas c;
		long left = 0;

		CHECK_INT(canvas_open(&c, w, h), 0);
		render_set_deck(c.r, &deck);
		for (size_t i = 0; i < deck.n_slides; i++) {
			SDL_FillRect(c.surface, NULL,
			             0x00ff00ffu); /* magenta */
			CHECK_INT(render_slide(c.r, i, w, h, 0, 255), 0);
			SDL_RenderFlush(c.sdl);
			for (int y = 0; y < h; y++) {
				const Uint32 *row =
				        (const Uint32 *)((const Uint8 *)c
				                                 .surface
				                                 ->pixels +
				                         y * c.surface->pitch);
				for (int x = 0; x < w; x++)
					left += row[x] == 0x00ff00ffu;
			}
		}
		CHECK_INT(left, 0);
		canvas_close(&c);
	}
	deck_free(&deck);
	report_destroy(&rep);
}

/* A crossfade starts exactly on the old slide and ends on the new one. */
static void
test_fade_ends(void)
{
	struct deck deck;
	struct report rep;
	struct canvas c;
	SDL_Surface *from, *to;
	size_t bytes;

	report_init(&rep);
	CHECK_INT(deck_load(&deck, BUNDLED, &rep), 0);
	CHECK_INT(canvas_open(&c, 1280, 720), 0);
	bytes = (size_t)c.surface->pitch * 720;
	render_set_deck(c.r, &deck);
	render_slide(c.r, 1, 1280, 720, 0, 255);
	from = SDL_DuplicateSurface(c.surface);
	render_slide(c.r, 2, 1280, 720, 0, 255);
	to = SDL_DuplicateSurface(c.surface);
	CHECK_INT(render_fade(c.r, 1, 2, 1280, 720, 0), 0);
	CHECK(memcmp(from->pixels, c.surface->pixels, bytes) == 0);
	CHECK_INT(render_fade(c.r, 1, 2, 1280, 720, 255), 0);
	CHECK(memcmp(to->pixels, c.surface->pixels, bytes) == 0);
	CHECK_INT(render_fade(c.r, 1, 2, 1280, 720, 128), 0);
	CHECK(memcmp(from->pixels, c.surface->pixels, bytes) != 0);
	CHECK(memcmp(to->pixels, c.surface->pixels, bytes) != 0);
	CHECK(colours(c.surface) > 2);
	CHECK_INT(render_fade(c.r, 1, 99, 1280, 720, 128), -1);
	SDL_FreeSurface(from);
	SDL_FreeSurface(to);
	canvas_close(&c);
	deck_free(&deck);
	report_destroy(&rep);
}

static void
check_png(const char *path, int w, int h)
{
	SDL_Surface *s = IMG_Load(path);

	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(s->w, w);
	CHECK_INT(s->h, h);
	SDL_Surface *rgb =
	        SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB888, 0);
	CHECK(colours(rgb) > 2);
	SDL_FreeSurface(rgb);
	SDL_FreeSurface(s);
}

static void
test_export_writes_pngs(void)
{
	char dir[] = "/tmp/vitrine-export-XXXXXX", path[4096];
	struct app_options o = { .deck = BUNDLED, .mode = -1 };
	int sizes[2][2] = { { 1920, 1080 }, { 1080, 1920 } };

	CHECK(mkdtemp(dir) != NULL);
	o.export_dir = dir;
	for (int k = 0; k < 2; k++) {
		o.w = sizes[k][0];
		o.h = sizes[k][1];
		CHECK_INT(app_export(&o), 0);
		snprintf(path, sizeof(path), "%s/slide-001.png", dir);
		check_png(path, o.w, o.h);
		snprintf(path, sizeof(path), "%s/slide-004.png", dir);
		check_png(path, o.w, o.h);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK_INT(system(path), 0);
}

static void
test_broken_image_draws_placeholder(void)
{
	char dir[] = "/tmp/vitrine-image-XXXXXX", path[4096];
	const char *json = "{\"slides\": [{\"title\": \"Map\", \"image\": "
	                   "\"map.png\", \"caption\": \"Venue\"}]}";
	struct deck deck;
	struct report rep;
	struct canvas c;
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/map.png", dir);
	f = fopen(path, "w");
	fputs("not a png at all", f);
	fclose(f);
	report_init(&rep);
	CHECK_INT(deck_parse(&deck, "deck.json", dir, json, strlen(json), &rep),
	          0);
	CHECK_INT(canvas_open(&c, 800, 480), 0);
	render_set_deck(c.r, &deck);
	CHECK_INT(render_slide(c.r, 0, 800, 480, 0, 255), 0);
	CHECK(colours(c.surface) > 2);
	render_image_errors(c.r, &rep);
	CHECK_INT(rep.errors, 1);
	CHECK(strstr(report_first(&rep), "slides[0].image: cannot load "
	                                 "\"map.png\"") != NULL);
	canvas_close(&c);
	deck_free(&deck);
	report_destroy(&rep);
	unlink(path);
	rmdir(dir);
}

/* Each face names its own file, and the file ships in assets/fonts. */
static void
test_font_files(void)
{
	static const char *const want[DECK_FONT_COUNT] = {
		"NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
		"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"
	};
	char path[256];

	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		CHECK_STR(font_file((enum deck_font)f), want[f]);
		snprintf(path, sizeof(path), "assets/fonts/%s", want[f]);
		CHECK(access(path, R_OK) == 0);
	}
	CHECK(font_file(DECK_FONT_COUNT) == NULL);
}

int
main(void)
{
	setenv("VITRINE_FONTS", "assets/fonts", 1); /* for app_export */
	if (TTF_Init() < 0 || IMG_Init(IMG_INIT_PNG) == 0) {
		fprintf(stderr, "cannot start SDL_ttf/SDL_image\n");
		return 1;
	}
	RUN(test_font_files);
	RUN(test_bundled_deck_at_every_size);
	RUN(test_texture_count_bounded);
	RUN(test_reset_and_resize_redraw);
	RUN(test_slide_covers_the_screen);
	RUN(test_fonts_parked_when_unused);
	RUN(test_fade_ends);
	RUN(test_broken_image_draws_placeholder);
	RUN(test_export_writes_pngs);
	IMG_Quit();
	TTF_Quit();
	SDL_Quit();
	return check_done("test_render");
}
