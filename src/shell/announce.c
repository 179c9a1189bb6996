/*
 * announce: a staff announcement over the show; see announce.h.
 */
#include "announce.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "civil.h"
#include "log.h"
#include "player_internal.h"
#include "render.h"
#include "util.h"

/* The announcement file's path, beside the deck. */
static void
file_path(const struct player *p, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", p->deck.dir, ANNOUNCE_FILE);
}

/* Logs a problem once, until another one or a good file. */
static void
note_problem(struct announce *a, const char *msg)
{
	if (a->last_error && !strcmp(a->last_error, msg))
		return;
	log_msg(LOG_WARN, "%s; ignored", msg);
	free(a->last_error);
	a->last_error = xstrdup(msg);
}

/* Takes the announcement off the screen: the show goes on. */
static void
end(struct player *p, const char *why, uint64_t now)
{
	struct announce *a = &p->ann;

	if (!a->deck.n_slides)
		return;
	render_destroy(a->r); /* its fonts too: the memory goes back */
	a->r = NULL;
	deck_free(&a->deck);
	show_hold(&p->show, false, now);
	log_msg(LOG_INFO, "announcement ended: %s", why);
	player_trace(p, "announcement off");
	p->dirty = true;
}

/* Puts next on the screen in place of what was there. */
static void
begin(struct player *p, struct deck *next, int64_t until, uint64_t now)
{
	struct announce *a = &p->ann;
	bool was = a->deck.n_slides > 0;

	if (!was && !(a->r = app_open_render(p->sdl))) {
		deck_free(next);
		return;
	}
	render_set_deck(a->r, NULL);
	deck_free(&a->deck);
	a->deck = *next;
	a->deck.settings.clock = DECK_CORNER_OFF;
	a->until = until;
	render_set_deck(a->r, &a->deck);
	show_hold(&p->show, true, now);
	log_msg(LOG_INFO, "announcement %s: %s", was ? "changed" : "on screen",
	        a->deck.slides[0].statement);
	player_trace(p, "announcement on");
	p->dirty = true;
}

/* When next ends: its until, or never (with the file). */
static int64_t
until_of(const struct deck *next)
{
	int64_t t;

	return next->slides[0].until && !civil_parse(next->slides[0].until, &t)
	               ? t
	               : INT64_MAX;
}

static void
read_file(struct player *p, uint64_t now)
{
	struct announce *a = &p->ann;
	char path[4096];
	struct report rep;
	struct deck next;
	struct stat st;

	file_path(p, path, sizeof(path));
	if (stat(path, &st) < 0 && errno == ENOENT) {
		end(p, "its file was removed", now);
		free(a->last_error);
		a->last_error = NULL;
		return;
	}
	report_init(&rep);
	if (deck_load_announcement(&next, &p->deck, path, &rep) < 0) {
		note_problem(a, report_first(&rep));
	} else if (until_of(&next) <= player_wall_ms(p)) {
		deck_free(&next);
		end(p, "its until passed", now);
	} else {
		begin(p, &next, until_of(&next), now);
	}
	report_destroy(&rep);
}

void
announce_start(struct player *p, uint64_t now)
{
	p->ann.until = INT64_MAX;
	read_file(p, now);
}

bool
announce_event(struct player *p, const char *name, uint64_t now)
{
	if (!name || strcmp(name, ANNOUNCE_FILE) != 0)
		return false;
	p->ann.check_at = now + ANNOUNCE_DEBOUNCE_MS;
	return true;
}

void
announce_tick(struct player *p, uint64_t now)
{
	struct announce *a = &p->ann;

	if (a->check_at && now >= a->check_at) {
		a->check_at = 0;
		read_file(p, now);
	}
	if (a->deck.n_slides && player_wall_ms(p) >= a->until)
		end(p, "its until passed", now);
}

uint32_t
announce_due_ms(const struct player *p, uint64_t now)
{
	const struct announce *a = &p->ann;
	uint32_t due =
	        a->check_at ? util_ms_until(a->check_at, now) : UINT32_MAX;
	int64_t left = a->until - player_wall_ms(p);

	if (a->deck.n_slides && a->until != INT64_MAX)
		due = left <= 0 ? 0 : left < due ? (uint32_t)left : due;
	return due;
}

bool
announce_shown(const struct player *p)
{
	return p->ann.deck.n_slides > 0;
}

void
announce_draw(struct player *p)
{
	if (render_slide(p->ann.r, 0, p->w, p->h, 0, 255) < 0) {
		SDL_SetRenderDrawColor(p->sdl, 0, 0, 0, 255);
		SDL_RenderClear(p->sdl);
	}
}

void
announce_stop(struct player *p)
{
	render_destroy(p->ann.r);
	p->ann.r = NULL;
	deck_free(&p->ann.deck);
	free(p->ann.last_error);
	p->ann.last_error = NULL;
}
