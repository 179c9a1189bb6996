/*
 * deck_schema: the schema of a deck file and the walk that checks a parsed
 * tree against it. Private to src/core/deck*.c; the API is deck.h.
 *
 * deck_schema.c holds the tables (every object's keys and fields, the
 * names of enum values, the layout inference order); deck_value.c the
 * messages and the checks of one value (a string, number, colour, name,
 * list); deck_check.c the walk over objects, slides, cards and images.
 */
#ifndef VITRINE_DECK_SCHEMA_H
#define VITRINE_DECK_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "deck.h"
#include "deck_private.h"
#include "json_scan.h"
#include "report.h"

#define MAX_KEYS  32  /* in one object's table: bits of an unsigned */
#define PATH_LEN  192 /* a JSON path in a message */
#define QUOTE_LEN 40  /* bytes of deck text quoted in a message */
#define QUOTE_BUF (QUOTE_LEN + 8)

#define LAYOUT_BIT(x) (1u << DECK_LAYOUT_##x)
#define ALL_LAYOUTS   ((1u << DECK_LAYOUT_COUNT) - 1)
#define ANY           (~0u) /* a key of an object that is not a slide */

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Where a field's value goes and how it is checked. */
enum kind {
	K_IGNORE,     /* "$schema": a string, otherwise ignored */
	K_LAYOUT,     /* checked before the slide's other keys */
	K_STRING,     /* const char * */
	K_TEXT,       /* struct deck_strings, from a string or an array */
	K_LIST,       /* struct deck_strings, from an array of strings */
	K_COLOR,      /* struct deck_color */
	K_BACKGROUND, /* a slide's background and has_background */
	K_ENUM,       /* an int-sized enum, by name */
	K_SECONDS,    /* a number of seconds, kept as uint32_t ms */
	K_MS,         /* a whole number of ms, uint32_t */
	K_NUMBER,     /* double */
	K_BOOL,       /* bool */
	K_OBJECT,     /* a nested object, checked by its own spec */
	K_SLIDES,     /* the deck's slides */
	K_CARDS,      /* a slide's cards */
	K_ZONE,       /* a time zone name, found in tzdata */
	K_TIME,       /* an ISO 8601 date-time, kept as the string */
	K_DATES,      /* a list of days "YYYY-MM-DD", kept as YYYYMMDD */
	K_DAYS,       /* a list of weekdays, kept as a uint8_t mask */
	K_HM,         /* a time of day "HH:MM", kept as minutes + 1 */
	K_WHEN,       /* a slide's when: an object, its line noted */
	K_IMAGE,      /* an image path (a slide's, a logo's) */
	K_LOGOS,      /* a slide's logos */
	K_QR,         /* a slide's QR code, from its text */
	K_SCHEDULE,   /* a programme's schedule file, read with the deck */
	K_LANGUAGES,  /* the deck's languages: read first (deck_lang.c) */
	K_COUNT
};

/* One key of an object: its name, where its value goes, how it is checked. */
struct field {
	const char *key;
	enum kind kind;
	size_t off;       /* where the value goes, from the object's base */
	size_t at;        /* K_IMAGE: where its struct deck_where goes; 0:
	                     nowhere (a logo's) */
	const void *more; /* K_ENUM: struct names; K_OBJECT: struct spec;
	                     K_TEXT, K_LIST: the items' noun; numbers: unit */
	double min, max;  /* numbers: the range */
	unsigned uses;    /* slides: layouts (bits) using it; else ANY */
	unsigned needs;   /* slides: layouts requiring it; else ANY or 0 */
	bool nonempty;    /* a blank string is an error even if optional */
	bool literal;     /* K_STRING: the same in every language (an id, an
	                     e-mail address), never a translation object */
};

/* An object: its n fields, in the order deck_keys lists them. */
struct spec {
	const char *noun; /* "a card", "settings": for messages */
	const struct field *fields;
	size_t n;
};

/* The names of an enum's values, NULL-terminated, in enum order. */
struct names {
	const char *what; /* "transition" */
	const char *const *v;
};

/* A content key and the layout it gives a slide without "layout". */
struct inference {
	const char *key;
	enum deck_layout layout;
};

/* How the object being checked uses its keys. */
struct use {
	unsigned bit;         /* the slide's layout as a bit; ANY for other
	                         objects; 0 when the layout is unknown */
	int layout;           /* the slide's layout, or -1 */
	const char *inferred; /* the key the layout follows from, "" when it
	                         has no content key, NULL when given */
};

/* A cJSON node and its index in the scan. */
struct node {
	const cJSON *j;
	uint32_t i;
};

struct id_ref {
	const char *id;
	size_t slide;
	uint32_t value; /* the id's value index */
};

/* A schedule's track and its colour (deck_schedule.c). */
struct track_ref {
	const char *name, *color; /* color may be NULL */
};

struct ctx {
	const char *name; /* the file, for messages */
	const char *dir;  /* the folder images are in, or NULL */
	struct report *rep;
	struct json_scan scan;
	struct deck_arena *arena;
	char *dir_real;     /* realpath of dir, once needed; owned */
	struct id_ref *ids; /* owned */
	size_t n_ids, cap_ids;
	size_t errors;
	const char *least; /* what an empty file lacks; NULL: a deck's */
	const struct json_limits *limits;     /* the scan's; NULL: a deck's */
	const struct deck_strings *languages; /* the deck's; NULL: none */
	size_t lang;      /* the language being read, index into languages */
	bool quiet;       /* a later language's pass: no new warnings */
	bool translating; /* inside a translation object: no objects */
	bool fell_back;   /* the last translation chosen was the default's
	                     for want of the language being read */
	struct deck_text_span *fallbacks; /* texts that fell back in this
	                                     pass; owned */
	size_t n_fallbacks, cap_fallbacks;
	struct schedule *schedules; /* read for programme slides; owned
	                               until deck_take_schedules */
	size_t n_schedules;
	struct track_ref *tracks; /* a schedule's, in its arena */
	size_t n_tracks;
};

/* One member being checked. */
struct slot {
	struct node n;
	const char *path; /* its JSON path */
	const struct field *f;
	void *base;  /* the struct its object fills */
	bool needed; /* required by its object or the slide's layout */
};

/* Tables (deck_schema.c) */

/* The order in which a slide's content keys pick its layout. */
extern const struct inference deck_inference[];
extern const size_t deck_n_inference;
extern const struct names deck_layouts;

const struct spec *deck_spec(enum deck_object object);

/* Fills out with spec's keys, NULL-terminated; returns out. */
const char *const *deck_spec_keys(const struct spec *spec,
                                  const char *out[MAX_KEYS + 1]);

/* The index of key in spec's fields, or -1. */
int deck_key_index(const struct spec *spec, const char *key);

/* Messages, nodes and single values (deck_value.c) */

const char *deck_quote(char buf[QUOTE_BUF], const char *s);
void deck_path_key(char out[PATH_LEN], const char *parent, const char *key);
void deck_path_index(char out[PATH_LEN], const char *parent, size_t i);
const struct json_value_pos *deck_pos_of(const struct ctx *c, struct node n);

/* Report a problem with n's value (at the value) or key (at the key). */
void deck_value_error(struct ctx *c, struct node n, const char *path,
                      const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
void deck_key_error(struct ctx *c, struct node n, const char *path,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning about n's value, at the value (a missing translation). */
void deck_value_warning(struct ctx *c, struct node n, const char *path,
                        const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

const char *deck_closest(const char *word, const char *const *names);
const char *deck_join(char *buf, size_t size, const char *const *names,
                      bool quoted);
int deck_name_index(const char *s, const char *const *names);

struct node deck_first_child(struct node n);
struct node deck_next_child(const struct ctx *c, struct node n);
size_t deck_count_children(struct node n);
bool deck_find_member(const struct ctx *c, struct node obj, const char *key,
                      struct node *out);

const char *deck_type_name(const cJSON *j);
bool deck_is_type(struct ctx *c, struct node n, const char *path, int types,
                  const char *what);
const char *deck_take_string(struct ctx *c, struct node n, const char *path,
                             const char *blank_msg);
const char *deck_blank_msg(const struct slot *s);
bool deck_take_number(struct ctx *c, const struct slot *s, double *out);
bool deck_take_color(struct ctx *c, const struct slot *s,
                     struct deck_color *out);
int deck_take_name(struct ctx *c, struct node n, const char *path,
                   const struct names *names);
bool deck_count_ok(struct ctx *c, const struct slot *s, size_t count,
                   const char *noun);
void deck_take_list(struct ctx *c, const struct slot *s,
                    struct deck_strings *list);

/* Times and windows (deck_time.c) */
void deck_get_zone(struct ctx *c, const struct slot *s);
void deck_get_time(struct ctx *c, const struct slot *s);
void deck_get_dates(struct ctx *c, const struct slot *s);
void deck_get_days(struct ctx *c, const struct slot *s);
void deck_get_hm(struct ctx *c, const struct slot *s);

/* Reports a settings.fallback that names no slide's id. */
void deck_check_fallback(struct ctx *c, const cJSON *root,
                         const struct deck *d);

/* The walk (deck_check.c) */

/* Checks the tree at root (node k is value k of c->scan) and fills deck. */
void deck_check_root(struct ctx *c, const cJSON *root, struct deck *deck);

/* Reports every slide whose id an earlier slide has already. */
void deck_check_ids(struct ctx *c);

/* Reads a schedule's tree at root into s (deck_schedule.c). */
struct schedule;
void deck_check_schedule(struct ctx *c, const cJSON *root, struct schedule *s);

/* Checks an announcement's tree at root into slide (its statement). */
void deck_check_announcement(struct ctx *c, const cJSON *root,
                             struct deck_slide *slide);
/* Checks every member of obj against spec and stores them in base. */
void deck_check_object(struct ctx *c, struct node obj, const char *path,
                       const struct spec *spec, void *base,
                       const struct use *use);

/* Translations (deck_lang.c) */

/* Reads the root's "languages" into c->languages and deck->languages
 * before anything else (texts need them). */
void deck_read_languages(struct ctx *c, struct node root, struct deck *deck);
/* The getter of K_LANGUAGES: already read; checks nothing more. */
void deck_get_languages(struct ctx *c, const struct slot *s);

/*
 * A text value that may be a string or an object of translations: the
 * string (copied) for the language being read, the default's when that
 * one is missing (warned once, in the first pass). NULL after reporting
 * or when blank (an error with blank_msg unless NULL), as
 * deck_take_string.
 */
const char *deck_take_text(struct ctx *c, struct node n, const char *path,
                           const char *blank_msg);

/*
 * For a slot whose whole value may be an object of translations (a list
 * of paragraphs or bullets): when it is one, runs take on each translation
 * (checking them all in the first pass), the language being read last, and
 * returns true; false when the value is not an object.
 */
bool deck_take_translated(struct ctx *c, const struct slot *s,
                          void (*take)(struct ctx *c, const struct slot *s));

/* Logos and QR codes (deck_media.c): the getters of K_LOGOS and K_QR. */
void deck_get_logos(struct ctx *c, const struct slot *s);
void deck_get_qr(struct ctx *c, const struct slot *s);

/* Files (deck_check.c) */

/* Whether the file at full, once every symlink is resolved, stays inside
 * the deck's folder. */
bool deck_stays_inside(struct ctx *c, const char *full);
/* The deck's folder for messages, into buf: as given when it names a
 * folder ("slides"), else its real path ("the current folder, /srv"). */
const char *deck_folder_name(struct ctx *c, char *buf, size_t size);

/* Programmes (deck_programme.c) */

/* A programme slide's schedule: its path checked, the file read once for
 * the deck (when it has a folder), its errors reported as its own. */
void deck_get_schedule(struct ctx *c, const struct slot *s);
/* Each programme slide's room is one its schedule names. */
void deck_check_rooms(struct ctx *c, const cJSON *root, const struct deck *d);
/* Hands the schedules read to d (which deck_free frees them with). */
void deck_take_schedules(struct ctx *c, struct deck *d);

/* Reports a split slide without text or bullets, or with both. */
void deck_check_split(struct ctx *c, struct node slide, const char *path,
                      const struct deck_slide *sl);

#endif
