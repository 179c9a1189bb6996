/*
 * schedule: a conference's programme, read from the schedule.json that
 * pretalx, frab and OSEM export (the C3VOC schedule format: "schedule",
 * its "conference" with "title", "time_zone_name" and "days", each day's
 * "rooms" mapping a room's name to its events, each event with "date" (ISO
 * 8601 with its offset), "start", "duration" ("HH:MM"), "title",
 * "subtitle", "track", "language" and "persons"). Real exports are read as
 * they are: unknown keys are ignored and nulls count as absent; an event's
 * own offset is honoured, so events and days that pass midnight fall where
 * they belong. What cannot be read (not JSON, no conference, an event with
 * no time) is an error with the file, line, column and JSON path, as a
 * deck's. Pure C.
 *
 * The queries answer a door sign and a board: what runs in a room at a
 * time, what comes next, and when that changes.
 */
#ifndef VITRINE_SCHEDULE_H
#define VITRINE_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"

#define SCHEDULE_MAX_EVENTS 20000
#define SCHEDULE_MAX_ROOMS  200
#define SCHEDULE_MAX_FILES  8 /* schedules one deck reads */

struct schedule_event {
	int64_t start_ms, end_ms;                /* ms since the epoch */
	size_t room;                             /* index into rooms */
	const char *title;                       /* never NULL */
	const char *subtitle, *track, *language; /* or NULL */
	const char *persons; /* "Ana Lima, Bo Chen", or NULL */
	long track_color;    /* its track's colour as 0xRRGGBB, or -1 */
};

struct schedule {
	const char *file;      /* the name it was read as */
	const char *title;     /* the conference's, or NULL */
	const char *time_zone; /* its time_zone_name, or NULL */
	const char **rooms;    /* in the order the file first names them */
	size_t n_rooms;
	struct schedule_event *events; /* by start, then room */
	size_t n_events, cap_events;
	struct deck_arena *arena; /* owns everything above */
};

/* Reads the len bytes at buf (a file called name, for messages). Returns
 * 0, or -1 with the errors in rep and *s zeroed. */
int schedule_parse(struct schedule *s, const char *name, const char *buf,
                   size_t len, struct report *rep);

/* The same from the file at path (size-bounded as a deck is). */
int schedule_load(struct schedule *s, const char *path, struct report *rep);

/* Frees it; accepts a zeroed schedule. */
void schedule_free(struct schedule *s);

/* The room called name, or -1. */
long schedule_room(const struct schedule *s, const char *name);

/* The event running in room at t, or NULL. */
const struct schedule_event *schedule_now(const struct schedule *s, size_t room,
                                          int64_t t);

/* The first event in room starting after t, or NULL. */
const struct schedule_event *schedule_next(const struct schedule *s,
                                           size_t room, int64_t t);

/* The first moment after t at which an event starts or ends (what a sign
 * shows changes); INT64_MAX when none does. */
int64_t schedule_next_change(const struct schedule *s, int64_t t);

#endif
