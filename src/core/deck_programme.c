/*
 * deck_programme: the loader's side of the programme layout. A programme
 * slide names its "schedule" file, relative to the deck's folder, and may
 * name one "room" (a door sign). The schedule is read with the deck, once
 * however many slides name it, so a deck and its schedules load, fail and
 * reload as one: a broken schedule keeps the last good deck on screen, as
 * a broken deck does. Its own errors keep its own file, line and column;
 * the deck's message names the slide. See deck_schema.h.
 */
#include "deck_schema.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "picture_policy.h"
#include "schedule.h"
#include "util.h"

#define at(s) ((char *)(s)->base + (s)->f->off)

/* The schedule already read from full, or NULL. */
static struct schedule *
read_before(struct ctx *c, const char *full)
{
	for (size_t k = 0; k < c->n_schedules; k++)
		if (!strcmp(c->schedules[k].file, full))
			return &c->schedules[k];
	return NULL;
}

/* Whether the file at full is one to read, else an error at s. */
static bool
file_ok(struct ctx *c, const struct slot *s, const char *full, const char *q)
{
	char folder[PATH_MAX + 32];
	struct stat st;

	if (stat(full, &st) < 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			deck_value_error(c, s->n, s->path, "%s: %s", q,
			                 strerror(errno));
		else
			deck_value_error(
			        c, s->n, s->path,
			        "%s not found in the deck's folder (%s); "
			        "export the schedule.json there",
			        q, deck_folder_name(c, folder, sizeof(folder)));
		return false;
	}
	if (!deck_stays_inside(c, full)) {
		deck_value_error(
		        c, s->n, s->path,
		        "%s leads outside the deck's folder (through a "
		        "symbolic link?); copy the schedule into it",
		        q);
		return false;
	}
	return true;
}

/* Reads the schedule at full into the deck's list; NULL after an error
 * at s. */
static struct schedule *
read_schedule(struct ctx *c, const struct slot *s, const char *full,
              const char *q)
{
	struct schedule *sch;

	if (c->n_schedules == SCHEDULE_MAX_FILES) {
		deck_value_error(c, s->n, s->path,
		                 "a deck reads at most %d schedules; let the "
		                 "slides share one file",
		                 SCHEDULE_MAX_FILES);
		return NULL;
	}
	if (!file_ok(c, s, full, q))
		return NULL;
	if (!c->schedules)
		c->schedules =
		        xcalloc(SCHEDULE_MAX_FILES, sizeof(*c->schedules));
	sch = &c->schedules[c->n_schedules];
	if (schedule_load(sch, full, c->rep) < 0) {
		deck_value_error(
		        c, s->n, s->path,
		        "%s did not load (the errors above); fix it or "
		        "export it again",
		        q);
		return NULL;
	}
	c->n_schedules++;
	return sch;
}

void
deck_get_schedule(struct ctx *c, const struct slot *s)
{
	struct deck_slide *slide = s->base;
	const char *rel, *problem;
	char q[QUOTE_BUF], *full;
	size_t len;

	rel = deck_take_string(c, s->n, s->path,
	                       "empty; give the schedule's file name, e.g. "
	                       "\"schedule.json\"");
	if (!rel)
		return;
	*(const char **)at(s) = rel;
	if ((problem = picture_path_problem(rel))) {
		deck_value_error(c, s->n, s->path, "%s", problem);
		return;
	}
	if (!c->dir)
		return; /* parsed without a folder: the path only */
	deck_quote(q, rel);
	len = strlen(c->dir) + strlen(rel) + 2;
	full = xmalloc(len);
	snprintf(full, len, "%s/%s", c->dir, rel);
	slide->programme = read_before(c, full);
	if (!slide->programme)
		slide->programme = read_schedule(c, s, full, q);
	free(full);
}

/* The rooms of sch, NULL-terminated, for deck_closest and deck_join;
 * the caller frees. */
static const char **
room_names(const struct schedule *sch)
{
	const char **v = xcalloc(sch->n_rooms + 1, sizeof(*v));

	memcpy(v, sch->rooms, sch->n_rooms * sizeof(*v));
	return v;
}

static void
check_room(struct ctx *c, struct node slide, size_t i,
           const struct deck_slide *s)
{
	char slide_path[PATH_LEN], path[PATH_LEN], q[QUOTE_BUF], list[256];
	const char **names, *close;
	struct node room;

	if (!s->programme || !s->room ||
	    schedule_room(s->programme, s->room) >= 0 ||
	    !deck_find_member(c, slide, "room", &room))
		return;
	names = room_names(s->programme);
	close = deck_closest(s->room, names);
	deck_path_index(slide_path, "slides", i);
	deck_path_key(path, slide_path, "room");
	deck_value_error(c, room, path,
	                 "no room %s in %s; its rooms are %s%s%s%s",
	                 deck_quote(q, s->room), s->schedule,
	                 deck_join(list, sizeof(list), names, true),
	                 close ? " (did you mean \"" : "", close ? close : "",
	                 close ? "\"?)" : "");
	free(names);
}

void
deck_check_rooms(struct ctx *c, const cJSON *root, const struct deck *d)
{
	struct node r = { root, 0 }, slides, n;
	size_t i = 0;

	if (!cJSON_IsObject(root) ||
	    !deck_find_member(c, r, "slides", &slides) ||
	    !cJSON_IsArray(slides.j))
		return;
	for (n = deck_first_child(slides); n.j && i < d->n_slides;
	     n = deck_next_child(c, n), i++)
		check_room(c, n, i, &d->slides[i]);
}

void
deck_take_schedules(struct ctx *c, struct deck *d)
{
	d->schedules = c->schedules;
	d->n_schedules = c->n_schedules;
	c->schedules = NULL;
	c->n_schedules = 0;
}
