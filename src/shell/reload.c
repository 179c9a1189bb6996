/*
 * reload: hot reload of the running show's deck; see reload.h.
 */
#include "reload.h"

#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "log.h"
#include "player_internal.h"
#include "presenter.h"
#include "report.h"
#include "util.h"
#include "watch.h"

int
reload_load_first(struct player *p)
{
	struct report rep;
	char *name;
	int rc;

	report_init(&rep);
	rc = deck_load(&p->deck, p->o->deck, &rep);
	if (rc < 0) {
		log_report(&rep);
		p->reload.last_error = xstrdup(report_first(&rep));
	}
	report_destroy(&rep);
	if (rc == 0 || p->o->mode == DECK_MODE_PRESENT)
		return rc;
	name = deck_peek_event_name(p->o->deck);
	rc = deck_holding(&p->deck, p->o->deck, name);
	free(name);
	if (rc == 0) {
		p->reload.holding = true;
		p->reload.failed = true;
		log_msg(LOG_WARN,
		        "%s: showing a holding slide until the deck "
		        "is fixed",
		        p->o->deck);
	}
	return rc;
}

/* Whether slide s shows the picture name or reads the schedule name. */
static bool
uses_file(const struct deck_slide *s, const char *name)
{
	char key[64];
	const char *image;

	if (s->schedule && !strcmp(s->schedule, name))
		return true;
	for (size_t k = 0; (image = deck_slide_picture(s, k, key, sizeof(key)));
	     k++)
		if (!strcmp(image, name))
			return true;
	return false;
}

/*
 * Whether a changed file (relative to the deck's folder) matters: the deck,
 * one of its pictures or schedules, or anything while the last reload failed (a
 * new deck may name a picture that arrives after it).
 */
static bool
is_relevant(const struct player *p, const char *name)
{
	const char *slash = strrchr(p->o->deck, '/');
	const char *base = slash ? slash + 1 : p->o->deck;

	if (!name || !strcmp(name, base) || !*name || p->reload.failed)
		return true; /* after a failure, any change may be the fix */
	for (size_t i = 0; i < p->deck.n_slides; i++)
		if (uses_file(&p->deck.slides[i], name))
			return true;
	return false;
}

/* Watches the folder of a file the deck shows (a picture, a schedule),
 * when it is in one below the deck's. */
static void
watch_folder_of(struct player *p, const char *image)
{
	const char *slash = strrchr(image, '/');
	char dir[1024];

	if (!slash || (size_t)(slash - image) >= sizeof(dir))
		return;
	memcpy(dir, image, (size_t)(slash - image));
	dir[slash - image] = '\0';
	watch_add_folder(p->reload.watch, dir);
}

static void
watch_file_folders(struct player *p)
{
	char key[64];
	const char *image;

	for (size_t i = 0; i < p->deck.n_slides; i++) {
		if (p->deck.slides[i].schedule)
			watch_folder_of(p, p->deck.slides[i].schedule);
		for (size_t k = 0;
		     (image = deck_slide_picture(&p->deck.slides[i], k, key,
		                                 sizeof(key)));
		     k++)
			watch_folder_of(p, image);
	}
}

void
reload_watch(struct player *p)
{
	p->reload.watch = watch_start(p->o->deck);
	watch_file_folders(p);
}

/* The slide of next that matches the one on screen: same id, else index. */
static size_t
matching_slide(const struct player *p, const struct deck *next)
{
	const char *id = p->deck.slides[p->show.index].id;

	if (p->reload.holding)
		return 0;
	for (size_t i = 0; id && i < next->n_slides; i++)
		if (next->slides[i].id && !strcmp(next->slides[i].id, id))
			return i;
	return p->show.index < next->n_slides ? p->show.index
	                                      : next->n_slides - 1;
}

/* Logs a failed reload once: the same errors again stay quiet. */
static void
note_failure(struct player *p, const struct report *rep)
{
	const char *first = report_first(rep);

	p->reload.failed = true;
	p->dirty = true;
	if (p->reload.last_error && !strcmp(p->reload.last_error, first))
		return;
	free(p->reload.last_error);
	p->reload.last_error = xstrdup(first);
	log_msg(LOG_ERROR,
	        "%s: reload failed; still showing the last good "
	        "deck:",
	        p->o->deck);
	log_report(rep);
	player_trace(p, "reload failed");
}

/* Hands the show the new deck's slides, keeping slide index on screen. */
static void
reload_show(struct player *p, size_t index, uint64_t now)
{
	struct show_config cfg = player_show_config(p);

	show_reload(&p->show, &cfg, index, now, NULL);
}

/* A reload worked: no holding slide, no failure to mark or to repeat. */
static void
clear_failure(struct reload *r)
{
	r->holding = false;
	r->failed = false;
	free(r->last_error);
	r->last_error = NULL;
}

/* Swaps next in for the deck on screen, keeping the slide shown. */
static void
swap_deck(struct player *p, struct deck *next, uint64_t now)
{
	size_t index = matching_slide(p, next);
	struct show_slide *old_slides = p->slides;

	frame_end_fade(p);           /* its pictures show the old deck */
	render_set_deck(p->r, NULL); /* drops textures made from the old */
	deck_free(&p->deck);
	p->deck = *next;
	render_set_deck(p->r, &p->deck);
	presenter_set_deck(p);
	player_fill_slides(p);
	reload_show(p, index, now);
	player_set_languages(p);
	player_update_due(p, now);
	free(old_slides);
	clear_failure(&p->reload);
	watch_file_folders(p);
	player_place_controls(p);
	p->dirty = true;
	log_msg(LOG_INFO, "%s: loaded, %zu slides", p->o->deck,
	        p->deck.n_slides);
	player_trace(p, "reload ok slide %zu/%zu", p->show.index + 1,
	             p->deck.n_slides);
}

void
reload_tick(struct player *p, uint64_t now)
{
	struct deck next;
	struct report rep;

	if (!p->reload.at || now < p->reload.at)
		return;
	p->reload.at = 0;
	report_init(&rep);
	if (deck_load(&next, p->o->deck, &rep) < 0)
		note_failure(p, &rep);
	else
		swap_deck(p, &next, now);
	report_destroy(&rep);
}

bool
reload_event(struct player *p, SDL_Event *ev, uint64_t now)
{
	const char *name;

	if (ev->type != watch_event_type())
		return false;
	name = watch_event_name(ev);
	if (announce_event(p, name, now))
		; /* not the deck's */
	else if (!name)
		p->reload.at = now; /* SIGHUP: at once */
	else if (is_relevant(p, name))
		p->reload.at = now + WATCH_DEBOUNCE_MS;
	log_msg(LOG_DEBUG, "changed: %s", name ? name : "(SIGHUP)");
	watch_event_free(ev);
	return true;
}

uint32_t
reload_due_ms(const struct reload *r, uint64_t now)
{
	return r->at ? util_ms_until(r->at, now) : UINT32_MAX;
}

bool
reload_marker_shown(const struct reload *r)
{
	return r->failed && r->marker;
}

void
reload_stop(struct reload *r)
{
	watch_stop(r->watch);
	r->watch = NULL;
	free(r->last_error);
	r->last_error = NULL;
}
