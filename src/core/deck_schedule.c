/*
 * deck_schedule: reading a conference's schedule.json (schedule.h) with
 * the deck's scanner and messages: the walk from "schedule" down to each
 * event, and the queries a door sign and a board ask of it.
 */
#include "deck_schema.h"
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"

/* A member that is there and not null. */
static bool
member(const struct ctx *c, struct node obj, const char *key, struct node *out)
{
	return cJSON_IsObject(obj.j) && deck_find_member(c, obj, key, out) &&
	       !cJSON_IsNull(out->j);
}

/* A copy of s with its control characters (C0, DEL and C1) made spaces
 * and its trailing spaces cut; NULL when nothing but spaces is left.
 * The scanner has checked that s is valid UTF-8. */
static const char *
cleaned(struct ctx *c, const char *s)
{
	size_t len = strlen(s), n = 0;
	char *t = deck_arena_alloc(c->arena, len + 1);

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0)
			ch = ' ', i++; /* U+0080 to U+009F */
		t[n++] = ch < 0x20 || ch == 0x7f ? ' ' : (char)ch;
	}
	while (n > 0 && t[n - 1] == ' ')
		n--;
	t[n] = '\0';
	return strspn(t, " ") == n ? NULL : t;
}

/* A string member's text, cleaned; NULL when absent, null, blank or not
 * a string. */
static const char *
text_of(struct ctx *c, struct node obj, const char *key)
{
	struct node n;

	if (!member(c, obj, key, &n) || !cJSON_IsString(n.j))
		return NULL;
	return cleaned(c, n.j->valuestring);
}

/* The speakers' names, joined: "Ana Lima, Bo Chen". */
static const char *
persons_of(struct ctx *c, struct node ev)
{
	char buf[512] = "";
	size_t used = 0;
	struct node list;

	if (!member(c, ev, "persons", &list) || !cJSON_IsArray(list.j))
		return NULL;
	for (struct node p = deck_first_child(list); p.j;
	     p = deck_next_child(c, p)) {
		const char *name = text_of(c, p, "public_name");

		if (!name)
			name = text_of(c, p, "name");
		if (name && used + strlen(name) + 3 < sizeof(buf))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
			                         "%s%s", used ? ", " : "",
			                         name);
	}
	return used ? deck_arena_str(c->arena, buf) : NULL;
}

/* "HH:MM" (hours may pass 24) as ms, or -1. */
static int64_t
duration_ms(const char *s)
{
	int h, m, n = 0;

	if (!s || sscanf(s, "%d:%2d%n", &h, &m, &n) != 2 || s[n] || h < 0 ||
	    m < 0 || m > 59)
		return -1;
	return ((int64_t)h * 60 + m) * 60000;
}

/* The index of room name, added when new; -1 when there are too many. */
static long
room_index(struct ctx *c, struct schedule *s, const char *raw)
{
	const char *name = cleaned(c, raw);

	name = name ? name : "?";
	for (size_t i = 0; i < s->n_rooms; i++)
		if (!strcmp(s->rooms[i], name))
			return (long)i;
	if (s->n_rooms == SCHEDULE_MAX_ROOMS)
		return -1;
	s->rooms[s->n_rooms] = name;
	return (long)s->n_rooms++;
}

/* An event's start: its "date" (ISO 8601 with the event's own offset),
 * else the day's date and its "start" in the deck's zone. */
static bool
start_of(struct ctx *c, struct node ev, const char *day, int64_t *ms)
{
	const char *date = text_of(c, ev, "date"), *start;
	char iso[64];

	if (date && civil_parse(date, ms) == 0)
		return true;
	start = text_of(c, ev, "start");
	if (!day || !start)
		return false;
	snprintf(iso, sizeof(iso), "%.10sT%s", day, start);
	return civil_parse(iso, ms) == 0;
}

/* The colour conference.tracks gives the track called name ("#f2b632"),
 * as 0xRRGGBB, or -1. */
static long
track_color(struct ctx *c, const char *name)
{
	unsigned rgb;
	int end = 0;

	for (size_t k = 0; name && k < c->n_tracks; k++) {
		const char *col = c->tracks[k].color;

		if (strcmp(c->tracks[k].name, name) != 0 || !col)
			continue;
		if (sscanf(col, "#%6x%n", &rgb, &end) == 1 && end == 7 &&
		    col[7] == '\0')
			return (long)rgb;
	}
	return -1;
}

static void
take_event(struct ctx *c, struct schedule *s, struct node ev, const char *path,
           long room, const char *day)
{
	struct schedule_event *e;
	int64_t start, len;

	if (!cJSON_IsObject(ev.j)) {
		deck_value_error(c, ev, path, "an event is an object");
		return;
	}
	if (!start_of(c, ev, day, &start)) {
		deck_value_error(c, ev, path,
		                 "no time: give \"date\" as "
		                 "\"2007-11-13T10:00:00-02:00\"");
		return;
	}
	len = duration_ms(text_of(c, ev, "duration"));
	if (s->n_events >= s->cap_events || len < 0) {
		deck_value_error(c, ev, path,
		                 len < 0 ? "no \"duration\" as \"01:30\""
		                         : "more than %d events",
		                 SCHEDULE_MAX_EVENTS);
		return;
	}
	e = &s->events[s->n_events++];
	*e = (struct schedule_event){ .start_ms = start,
		                      .end_ms = start + len,
		                      .room = (size_t)room };
	e->title = text_of(c, ev, "title");
	e->title = e->title ? e->title : "";
	e->subtitle = text_of(c, ev, "subtitle");
	e->track = text_of(c, ev, "track");
	e->language = text_of(c, ev, "language");
	e->persons = persons_of(c, ev);
	e->track_color = track_color(c, e->track);
}

static void
take_room(struct ctx *c, struct schedule *s, struct node events,
          const char *path, const char *day)
{
	char at[PATH_LEN];
	long room = room_index(c, s, events.j->string);
	size_t k = 0;

	if (room < 0 || !cJSON_IsArray(events.j)) {
		deck_value_error(c, events, path,
		                 room < 0 ? "more than %d rooms"
		                          : "a room's events are an array",
		                 SCHEDULE_MAX_ROOMS);
		return;
	}
	for (struct node ev = deck_first_child(events); ev.j;
	     ev = deck_next_child(c, ev)) {
		deck_path_index(at, path, k++);
		take_event(c, s, ev, at, room, day);
	}
}

static void
take_day(struct ctx *c, struct schedule *s, struct node day, const char *path)
{
	const char *date = text_of(c, day, "date");
	char at[PATH_LEN], in[PATH_LEN];
	struct node rooms;

	if (!member(c, day, "rooms", &rooms))
		return; /* a day with nothing in it */
	deck_path_key(at, path, "rooms");
	if (!cJSON_IsObject(rooms.j)) {
		deck_value_error(c, rooms, at, "expected an object of rooms");
		return;
	}
	for (struct node r = deck_first_child(rooms); r.j;
	     r = deck_next_child(c, r)) {
		deck_path_key(in, at, r.j->string);
		take_room(c, s, r, in, date);
	}
}

static int
by_start(const void *a, const void *b)
{
	const struct schedule_event *x = a, *y = b;

	if (x->start_ms != y->start_ms)
		return x->start_ms < y->start_ms ? -1 : 1;
	return (x->room > y->room) - (x->room < y->room);
}

/* How many events the days hold, at most SCHEDULE_MAX_EVENTS. */
static size_t
count_events(const struct ctx *c, struct node days)
{
	size_t n = 0;
	struct node rooms;

	for (struct node d = deck_first_child(days); d.j;
	     d = deck_next_child(c, d)) {
		if (!member(c, d, "rooms", &rooms) || !cJSON_IsObject(rooms.j))
			continue;
		for (struct node r = deck_first_child(rooms); r.j;
		     r = deck_next_child(c, r))
			n += cJSON_IsArray(r.j) ? deck_count_children(r) : 0;
	}
	return n < SCHEDULE_MAX_EVENTS ? n : SCHEDULE_MAX_EVENTS;
}

/* The conference's days, or a message at the deepest node found. */
/* conference.tracks: [{"name": ..., "color": "#rrggbb"}], for the
 * events' colours; anything else in it is ignored. */
static void
take_tracks(struct ctx *c, struct node conf)
{
	struct node tracks;
	size_t n = 0;

	if (!member(c, conf, "tracks", &tracks) || !cJSON_IsArray(tracks.j))
		return;
	c->tracks = deck_arena_alloc(c->arena, (deck_count_children(tracks) +
	                                        1) * sizeof(*c->tracks));
	for (struct node t = deck_first_child(tracks); t.j;
	     t = deck_next_child(c, t)) {
		const char *name = text_of(c, t, "name");

		if (name)
			c->tracks[n++] =
			        (struct track_ref){ name,
				                    text_of(c, t, "color") };
	}
	c->n_tracks = n;
}

static bool
find_days(struct ctx *c, struct node root, struct node *conf, struct node *days)
{
	struct node sched;

	if (member(c, root, "schedule", &sched) &&
	    member(c, sched, "conference", conf) &&
	    member(c, *conf, "days", days) && cJSON_IsArray(days->j))
		return true;
	deck_value_error(c, root, "",
	                 "not a schedule: expected {\"schedule\": "
	                 "{\"conference\": {\"days\": [ ... ]}}}, the "
	                 "schedule.json that pretalx, frab and OSEM export");
	return false;
}

void
deck_check_schedule(struct ctx *c, const cJSON *root, struct schedule *s)
{
	struct node r = { root, 0 }, conf, days;
	char path[PATH_LEN], *zone;
	size_t k = 0;

	if (!find_days(c, r, &conf, &days))
		return;
	s->title = text_of(c, conf, "title");
	s->time_zone = text_of(c, conf, "time_zone_name");
	take_tracks(c, conf);
	s->rooms = deck_arena_alloc(c->arena,
	                            SCHEDULE_MAX_ROOMS * sizeof(*s->rooms));
	s->cap_events = count_events(c, days);
	s->events = deck_arena_alloc(c->arena,
	                             (s->cap_events + 1) * sizeof(*s->events));
	zone = civil_push_zone(s->time_zone); /* times without an offset */
	for (struct node d = deck_first_child(days); d.j;
	     d = deck_next_child(c, d)) {
		snprintf(path, sizeof(path), "schedule.conference.days[%zu]",
		         k++);
		take_day(c, s, d, path);
	}
	civil_pop_zone(zone);
	qsort(s->events, s->n_events, sizeof(*s->events), by_start);
}

/* Queries */

long
schedule_room(const struct schedule *s, const char *name)
{
	for (size_t i = 0; i < s->n_rooms; i++)
		if (!strcmp(s->rooms[i], name))
			return (long)i;
	return -1;
}

const struct schedule_event *
schedule_now(const struct schedule *s, size_t room, int64_t t)
{
	for (size_t i = 0; i < s->n_events; i++)
		if (s->events[i].room == room && s->events[i].start_ms <= t &&
		    t < s->events[i].end_ms)
			return &s->events[i];
	return NULL;
}

const struct schedule_event *
schedule_next(const struct schedule *s, size_t room, int64_t t)
{
	for (size_t i = 0; i < s->n_events; i++)
		if (s->events[i].room == room && s->events[i].start_ms > t)
			return &s->events[i];
	return NULL;
}

int64_t
schedule_next_change(const struct schedule *s, int64_t t)
{
	int64_t next = INT64_MAX;

	for (size_t i = 0; i < s->n_events; i++) {
		const struct schedule_event *e = &s->events[i];

		if (e->start_ms > t && e->start_ms < next)
			next = e->start_ms;
		if (e->end_ms > t && e->end_ms < next)
			next = e->end_ms;
	}
	return next;
}
