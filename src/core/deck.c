/*
 * deck: loads and checks a deck file; see deck.h.
 *
 * deck_load refuses anything but a regular file of at most
 * DECK_MAX_FILE_BYTES, reads it whole and hands the bytes to deck_parse,
 * which makes three passes over them:
 *   1. json_scan checks the syntax strictly (cJSON is lenient and says
 *      nothing about where) and records every value's line and column in
 *      document order;
 *   2. cJSON builds the tree, whose node k in pre-order is value k of the
 *      scan, so every node can be traced back to its place in the file;
 *   3. the schema walk checks each key and value against the tables below,
 *      copies what it keeps into the deck's arena and reports every problem
 *      as "FILE:LINE:COL: PATH: message".
 * The tree is freed before deck_parse returns; no other file sees cJSON.
 */
#include "deck.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_scan.h"
#include "util.h"

#define MAX_IMAGE_BYTES  (32u << 20) /* an image file, as stat sees it */
#define MAX_NUMBER_CHARS 40
#define MAX_VALUES       (DECK_MAX_SLIDES * 64 + 4096) /* in one file */
#define MAX_KEYS         16  /* in one object's table */
#define PATH_LEN         192 /* a JSON path in a message */
#define QUOTE_LEN        40  /* bytes of deck text quoted in a message */
#define QUOTE_BUF        (QUOTE_LEN + 8)
#define ARENA_BLOCK      (64u << 10)

#define LAYOUT_BIT(x) (1u << DECK_LAYOUT_##x)
#define ALL_LAYOUTS   ((1u << DECK_LAYOUT_COUNT) - 1)
#define ANY           (~0u) /* a key of an object that is not a slide */

/* The arena: blocks of zeroed memory, freed together. */
struct arena_block {
	struct arena_block *prev;
	size_t used, size;
	max_align_t data[];
};

struct deck_arena {
	struct arena_block *top;
};

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
	K_IMAGE,      /* a slide's image path */
	K_COUNT
};

struct field {
	enum kind kind;
	size_t off;       /* where the value goes, from the object's base */
	const void *more; /* K_ENUM: struct names; K_OBJECT: struct spec;
	                     K_TEXT, K_LIST: the items' noun; numbers: unit */
	double min, max;  /* numbers: the range */
	unsigned uses;    /* slides: layouts (bits) using it; else ANY */
	unsigned needs;   /* slides: layouts requiring it; else ANY or 0 */
	bool nonempty;    /* a blank string is an error even if optional */
};

/* An object's keys (NULL-terminated) and, in the same order, fields. */
struct spec {
	const char *noun; /* "a card", "settings": for messages */
	const char *const *keys;
	const struct field *fields;
};

/* The names of an enum's values, NULL-terminated, in enum order. */
struct names {
	const char *what; /* "transition" */
	const char *const *v;
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
};

/* One member being checked. */
struct slot {
	struct node n;
	const char *path; /* its JSON path */
	const struct field *f;
	void *base;  /* the struct its object fills */
	bool needed; /* required by its object or the slide's layout */
};

static void value_error(struct ctx *c, struct node n, const char *path,
                        const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void key_error(struct ctx *c, struct node n, const char *path,
                      const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static int file_error(struct report *rep, const char *name, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));
static void check_object(struct ctx *c, struct node obj, const char *path,
                         const struct spec *spec, void *base,
                         const struct use *use);

/* Tables */

static const char *const layout_names[] = { "title",     "text",  "bullets",
	                                    "statement", "cards", "contact",
	                                    "image",     NULL };
static const char *const transition_names[] = { "fade", "push", "none", NULL };
static const char *const mode_names[] = { "lobby", "present", "kiosk", NULL };
static const char *const font_names[] = { "sans", "sans-bold", "serif",
	                                  "serif-bold", NULL };
static const char *const font_files[] = { "NotoSans-Regular.ttf",
	                                  "NotoSans-Bold.ttf",
	                                  "NotoSerif-Regular.ttf",
	                                  "NotoSerif-Bold.ttf", NULL };

static const struct names layouts = { "layout", layout_names };
static const struct names transitions = { "transition", transition_names };
static const struct names modes = { "mode", mode_names };
static const struct names fonts = { "font", font_names };

#define CARD(m) offsetof(struct deck_card, m)
static const char *const card_keys[] = { "name", "text", NULL };
static const struct field card_fields[] = {
	{ .kind = K_STRING, .off = CARD(name), .uses = ANY, .needs = ANY },
	{ .kind = K_STRING, .off = CARD(text), .uses = ANY },
};
static const struct spec card_spec = { "a card", card_keys, card_fields };

#define CONTACT(m) offsetof(struct deck_contact, m)
static const char *const contact_keys[] = { "name",  "role",  "organisation",
	                                    "email", "phone", "url",
	                                    NULL };
static const struct field contact_fields[] = {
	{ .kind = K_STRING, .off = CONTACT(name), .uses = ANY, .needs = ANY },
	{ .kind = K_STRING, .off = CONTACT(role), .uses = ANY },
	{ .kind = K_STRING, .off = CONTACT(organisation), .uses = ANY },
	{ .kind = K_STRING, .off = CONTACT(email), .uses = ANY },
	{ .kind = K_STRING, .off = CONTACT(phone), .uses = ANY },
	{ .kind = K_STRING, .off = CONTACT(url), .uses = ANY },
};
static const struct spec contact_spec = { "a contact", contact_keys,
	                                  contact_fields };

#define SLIDE(m) offsetof(struct deck_slide, m)
static const char *const slide_keys[] = {
	"layout",  "id",         "title",      "subtitle",
	"text",    "bullets",    "statement",  "cards",
	"contact", "image",      "caption",    "notes",
	"seconds", "transition", "background", NULL
};
static const struct field slide_fields[] = {
	/* layout */ { .kind = K_LAYOUT, .uses = ALL_LAYOUTS },
	/* id */
	{ .kind = K_STRING,
	  .off = SLIDE(id),
	  .uses = ALL_LAYOUTS,
	  .nonempty = true },
	/* title */
	{ .kind = K_STRING,
	  .off = SLIDE(title),
	  .uses = ALL_LAYOUTS,
	  .needs = LAYOUT_BIT(TITLE) },
	/* subtitle */
	{ .kind = K_STRING, .off = SLIDE(subtitle), .uses = LAYOUT_BIT(TITLE) },
	/* text */
	{ .kind = K_TEXT,
	  .off = SLIDE(text),
	  .more = "paragraphs",
	  .uses = LAYOUT_BIT(TITLE) | LAYOUT_BIT(TEXT) | LAYOUT_BIT(CONTACT),
	  .needs = LAYOUT_BIT(TEXT) },
	/* bullets */
	{ .kind = K_LIST,
	  .off = SLIDE(bullets),
	  .more = "bullets",
	  .uses = LAYOUT_BIT(BULLETS),
	  .needs = LAYOUT_BIT(BULLETS) },
	/* statement */
	{ .kind = K_STRING,
	  .off = SLIDE(statement),
	  .uses = LAYOUT_BIT(STATEMENT),
	  .needs = LAYOUT_BIT(STATEMENT) },
	/* cards */
	{ .kind = K_CARDS,
	  .uses = LAYOUT_BIT(CARDS),
	  .needs = LAYOUT_BIT(CARDS) },
	/* contact */
	{ .kind = K_OBJECT,
	  .off = SLIDE(contact),
	  .more = &contact_spec,
	  .uses = LAYOUT_BIT(CONTACT),
	  .needs = LAYOUT_BIT(CONTACT) },
	/* image */
	{ .kind = K_IMAGE,
	  .uses = LAYOUT_BIT(IMAGE),
	  .needs = LAYOUT_BIT(IMAGE) },
	/* caption */
	{ .kind = K_STRING, .off = SLIDE(caption), .uses = LAYOUT_BIT(IMAGE) },
	/* notes */
	{ .kind = K_STRING, .off = SLIDE(notes), .uses = ALL_LAYOUTS },
	/* seconds */
	{ .kind = K_SECONDS,
	  .off = SLIDE(seconds_ms),
	  .more = "seconds",
	  .min = 1,
	  .max = 86400,
	  .uses = ALL_LAYOUTS },
	/* transition */
	{ .kind = K_ENUM,
	  .off = SLIDE(transition),
	  .more = &transitions,
	  .uses = ALL_LAYOUTS },
	/* background */
	{ .kind = K_BACKGROUND, .uses = ALL_LAYOUTS },
};
static const struct spec slide_spec = { "a slide", slide_keys, slide_fields };

#define THEME(m) offsetof(struct deck_theme, m)
static const char *const theme_keys[] = { "background", "text",
	                                  "accent",     "heading_font",
	                                  "body_font",  "text_scale",
	                                  "margin",     NULL };
static const struct field theme_fields[] = {
	{ .kind = K_COLOR, .off = THEME(background), .uses = ANY },
	{ .kind = K_COLOR, .off = THEME(text), .uses = ANY },
	{ .kind = K_COLOR, .off = THEME(accent), .uses = ANY },
	{ .kind = K_ENUM,
	  .off = THEME(heading_font),
	  .more = &fonts,
	  .uses = ANY },
	{ .kind = K_ENUM,
	  .off = THEME(body_font),
	  .more = &fonts,
	  .uses = ANY },
	{ .kind = K_NUMBER,
	  .off = THEME(text_scale),
	  .min = 0.5,
	  .max = 2,
	  .uses = ANY },
	{ .kind = K_NUMBER,
	  .off = THEME(margin),
	  .min = 0,
	  .max = 0.25,
	  .uses = ANY },
};
static const struct spec theme_spec = { "theme", theme_keys, theme_fields };

#define SETTINGS(m) offsetof(struct deck_settings, m)
static const char *const settings_keys[] = {
	"seconds",      "transition", "transition_ms", "idle_seconds", "mode",
	"progress_bar", NULL
};
static const struct field settings_fields[] = {
	{ .kind = K_SECONDS,
	  .off = SETTINGS(seconds_ms),
	  .more = "seconds",
	  .min = 1,
	  .max = 86400,
	  .uses = ANY },
	{ .kind = K_ENUM,
	  .off = SETTINGS(transition),
	  .more = &transitions,
	  .uses = ANY },
	{ .kind = K_MS,
	  .off = SETTINGS(transition_ms),
	  .more = "milliseconds",
	  .min = 0,
	  .max = 5000,
	  .uses = ANY },
	{ .kind = K_SECONDS,
	  .off = SETTINGS(idle_ms),
	  .more = "seconds",
	  .min = 5,
	  .max = 86400,
	  .uses = ANY },
	{ .kind = K_ENUM, .off = SETTINGS(mode), .more = &modes, .uses = ANY },
	{ .kind = K_BOOL, .off = SETTINGS(progress_bar), .uses = ANY },
};
static const struct spec settings_spec = { "settings", settings_keys,
	                                   settings_fields };

#define DECK(m) offsetof(struct deck, m)
static const char *const event_keys[] = { "name", "date", "venue", NULL };
static const struct field event_fields[] = {
	{ .kind = K_STRING, .off = DECK(event.name), .uses = ANY },
	{ .kind = K_STRING, .off = DECK(event.date), .uses = ANY },
	{ .kind = K_STRING, .off = DECK(event.venue), .uses = ANY },
};
static const struct spec event_spec = { "event", event_keys, event_fields };

static const char *const root_keys[] = { "$schema",  "title",  "event", "theme",
	                                 "settings", "slides", NULL };
static const struct field root_fields[] = {
	{ .kind = K_IGNORE, .uses = ANY },
	{ .kind = K_STRING, .off = DECK(title), .uses = ANY },
	{ .kind = K_OBJECT, .off = 0, .more = &event_spec, .uses = ANY },
	{ .kind = K_OBJECT,
	  .off = DECK(theme),
	  .more = &theme_spec,
	  .uses = ANY },
	{ .kind = K_OBJECT,
	  .off = DECK(settings),
	  .more = &settings_spec,
	  .uses = ANY },
	{ .kind = K_SLIDES, .uses = ANY, .needs = ANY },
};
static const struct spec root_spec = { "the deck", root_keys, root_fields };

static const struct spec *const specs[DECK_OBJECT_COUNT] = {
	[DECK_OBJECT_ROOT] = &root_spec,
	[DECK_OBJECT_EVENT] = &event_spec,
	[DECK_OBJECT_THEME] = &theme_spec,
	[DECK_OBJECT_SETTINGS] = &settings_spec,
	[DECK_OBJECT_SLIDE] = &slide_spec,
	[DECK_OBJECT_CARD] = &card_spec,
	[DECK_OBJECT_CONTACT] = &contact_spec,
};

/* The order in which a slide's content keys pick its layout. */
static const struct {
	const char *key;
	enum deck_layout layout;
} inference[] = {
	{ "cards", DECK_LAYOUT_CARDS },
	{ "bullets", DECK_LAYOUT_BULLETS },
	{ "image", DECK_LAYOUT_IMAGE },
	{ "contact", DECK_LAYOUT_CONTACT },
	{ "statement", DECK_LAYOUT_STATEMENT },
	{ "text", DECK_LAYOUT_TEXT },
};

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
_Static_assert(LEN(layout_names) == DECK_LAYOUT_COUNT + 1, "layout names");
_Static_assert(LEN(transition_names) == DECK_TRANSITION_COUNT + 1,
               "transition names");
_Static_assert(LEN(font_names) == DECK_FONT_COUNT + 1, "font names");
_Static_assert(LEN(font_files) == DECK_FONT_COUNT + 1, "font files");
_Static_assert(LEN(slide_keys) == LEN(slide_fields) + 1, "slide fields");
_Static_assert(LEN(card_keys) == LEN(card_fields) + 1, "card fields");
_Static_assert(LEN(contact_keys) == LEN(contact_fields) + 1, "contact");
_Static_assert(LEN(theme_keys) == LEN(theme_fields) + 1, "theme fields");
_Static_assert(LEN(settings_keys) == LEN(settings_fields) + 1, "settings");
_Static_assert(LEN(event_keys) == LEN(event_fields) + 1, "event fields");
_Static_assert(LEN(root_keys) == LEN(root_fields) + 1, "root fields");
_Static_assert(LEN(slide_keys) <= MAX_KEYS + 1, "too many keys for a mask");
_Static_assert(sizeof(enum deck_font) == sizeof(int) &&
                       sizeof(enum deck_transition) == sizeof(int) &&
                       sizeof(enum deck_mode) == sizeof(int),
               "enums are stored as int");

/* Arena */

/* Returns size zeroed bytes that live until arena_free. */
static void *
arena_alloc(struct deck_arena *a, size_t size)
{
	struct arena_block *b = a->top;
	void *p;

	size = (size + alignof(max_align_t) - 1) / alignof(max_align_t) *
	       alignof(max_align_t);
	if (!b || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = xcalloc(1, sizeof(*b) + cap);
		b->size = cap;
		b->prev = a->top;
		a->top = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

/* A copy of the len bytes at s in the arena, tabs made spaces. */
static const char *
arena_text(struct deck_arena *a, const char *s, size_t len)
{
	char *t = arena_alloc(a, len + 1);

	for (size_t i = 0; i < len; i++)
		t[i] = s[i] == '\t' ? ' ' : s[i];
	return t;
}

static void
arena_free(struct deck_arena *a)
{
	struct arena_block *b, *prev;

	if (!a)
		return;
	for (b = a->top; b; b = prev) {
		prev = b->prev;
		free(b);
	}
	free(a);
}

/* Messages */

/* Bytes of s that fit in a message, cut at a character boundary. */
static int
clip_len(const char *s)
{
	size_t n = strnlen(s, QUOTE_LEN + 1);

	if (n <= QUOTE_LEN)
		return (int)n;
	n = QUOTE_LEN;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

/* Writes s in double quotes, clipped, into buf; returns buf. */
static const char *
quote(char buf[QUOTE_BUF], const char *s)
{
	int n = clip_len(s);

	snprintf(buf, QUOTE_BUF, "\"%.*s%s\"", n, s, s[n] ? "..." : "");
	return buf;
}

/* Ends a path that snprintf cut (len bytes wanted) with "...". */
static void
path_end(char out[PATH_LEN], int len)
{
	if (len >= PATH_LEN)
		memcpy(out + PATH_LEN - 4, "...", 4);
}

static void
path_key(char out[PATH_LEN], const char *parent, const char *key)
{
	const char *shown = *key ? key : "\"\"";
	int n = clip_len(shown);

	path_end(out,
	         snprintf(out, PATH_LEN, "%s%s%.*s%s", parent,
	                  *parent ? "." : "", n, shown, shown[n] ? "..." : ""));
}

static void
path_index(char out[PATH_LEN], const char *parent, size_t i)
{
	path_end(out, snprintf(out, PATH_LEN, "%s[%zu]", parent, i));
}

static void
verror(struct ctx *c, struct json_pos at, const char *path, const char *fmt,
       va_list ap)
{
	char msg[768];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (*path)
		report_error(c->rep, "%s:%u:%u: %s: %s", c->name,
		             (unsigned)at.line, (unsigned)at.col, path, msg);
	else
		report_error(c->rep, "%s:%u:%u: %s", c->name, (unsigned)at.line,
		             (unsigned)at.col, msg);
	c->errors++;
}

static const struct json_value_pos *
pos_of(const struct ctx *c, struct node n)
{
	assert(n.i < c->scan.n);
	return &c->scan.v[n.i];
}

/* Reports a problem with n's value, at the value. */
static void
value_error(struct ctx *c, struct node n, const char *path, const char *fmt,
            ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, pos_of(c, n)->at, path, fmt, ap);
	va_end(ap);
}

/* Reports a problem with n's key, at the key. */
static void
key_error(struct ctx *c, struct node n, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, pos_of(c, n)->key, path, fmt, ap);
	va_end(ap);
}

/* Reports "NAME: message" for the file as a whole; returns -1. */
static int
file_error(struct report *rep, const char *name, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_error(rep, "%s: %s", name, msg);
	return -1;
}

/* The name in names closest to word, when it is close enough. */
static const char *
closest(const char *word, const char *const *names)
{
	int limit = strlen(word) <= 3 ? 1 : 2, best_d = limit + 1;
	const char *best = NULL;

	for (; *names; names++) {
		int d = strcasecmp(word, *names)
		                ? util_edit_distance(word, *names)
		                : 0;

		if (d < best_d) {
			best_d = d;
			best = *names;
		}
	}
	return best;
}

/* Writes names as `"a", "b" or "c"` (quoted) or `a, b, c` into buf. */
static const char *
join(char *buf, size_t size, const char *const *names, bool quoted)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t k = 0; names[k] && used < size; k++) {
		const char *sep = k == 0         ? ""
		                  : !quoted      ? ", "
		                  : names[k + 1] ? ", "
		                                 : " or ";

		used += (size_t)snprintf(buf + used, size - used,
		                         quoted ? "%s\"%s\"" : "%s%s", sep,
		                         names[k]);
	}
	return buf;
}

/* Nodes */

static struct node
first_child(struct node n)
{
	return (struct node){ n.j->child, n.i + 1 };
}

static struct node
next_child(const struct ctx *c, struct node n)
{
	return (struct node){ n.j->next, pos_of(c, n)->next };
}

static size_t
count_children(struct node n)
{
	size_t k = 0;

	for (const cJSON *j = n.j->child; j; j = j->next)
		k++;
	return k;
}

/* Finds obj's first member named key. */
static bool
find_member(const struct ctx *c, struct node obj, const char *key,
            struct node *out)
{
	for (struct node m = first_child(obj); m.j; m = next_child(c, m)) {
		if (strcmp(m.j->string, key) == 0) {
			*out = m;
			return true;
		}
	}
	return false;
}

static const char *
type_name(const cJSON *j)
{
	if (cJSON_IsString(j))
		return "a string";
	if (cJSON_IsNumber(j))
		return "a number";
	if (cJSON_IsTrue(j))
		return "true";
	if (cJSON_IsFalse(j))
		return "false";
	if (cJSON_IsNull(j))
		return "null";
	return cJSON_IsArray(j) ? "an array" : "an object";
}

/* Is s a JSON number (so quotes around it are the only problem)? */
static bool
is_number_text(const char *s)
{
	char *end;

	if ((*s != '-' && (*s < '0' || *s > '9')) ||
	    strspn(s, "0123456789.eE+-") != strlen(s))
		return false;
	strtod(s, &end);
	return *end == '\0';
}

/* A hint for when j has the wrong type, or "". */
static const char *
type_hint(const cJSON *j, int types)
{
	const char *s = cJSON_IsString(j) ? j->valuestring : NULL;

	if ((types & cJSON_Number) && s && is_number_text(s))
		return "; remove the quotes";
	if ((types & cJSON_True) && s &&
	    (!strcmp(s, "true") || !strcmp(s, "false")))
		return "; remove the quotes";
	if ((types & cJSON_String) && (cJSON_IsNumber(j) || cJSON_IsBool(j)))
		return "; put it in double quotes";
	if ((types & cJSON_Array) && (s || cJSON_IsObject(j)))
		return "; put it in [ ]";
	return "";
}

/* Reports "expected WHAT, got ..." unless n has one of types. */
static bool
is_type(struct ctx *c, struct node n, const char *path, int types,
        const char *what)
{
	if (n.j->type & types)
		return true;
	value_error(c, n, path, "expected %s, got %s%s", what, type_name(n.j),
	            type_hint(n.j, types));
	return false;
}

/* Like is_type for a string that names something (a colour, a mode), so
 * without the hint to quote a number. */
static bool
is_name_type(struct ctx *c, struct node n, const char *path, const char *what)
{
	if (cJSON_IsString(n.j))
		return true;
	value_error(c, n, path, "expected %s, got %s", what, type_name(n.j));
	return false;
}

/* Text */

/* The first control character in s other than \n and \t, or 0. */
static unsigned
find_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return *p;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
			return p[1];
	}
	return 0;
}

static bool
is_blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/*
 * Checks n is a string without control characters and copies it into the
 * arena. Returns NULL after reporting, or when it is blank: an error with
 * blank_msg, unless that is NULL.
 */
static const char *
take_string(struct ctx *c, struct node n, const char *path,
            const char *blank_msg)
{
	const char *s;
	unsigned ctl;

	if (!is_type(c, n, path, cJSON_String, "a string"))
		return NULL;
	s = n.j->valuestring;
	if ((ctl = find_control(s)) == '\r')
		value_error(c, n, path,
		            "carriage return (\\r) in the text; "
		            "write \\n for a line break");
	else if (ctl)
		value_error(c, n, path,
		            "control character U+%04X in the text; remove it",
		            ctl);
	else if (is_blank(s) && blank_msg)
		value_error(c, n, path, "%s", blank_msg);
	else if (!is_blank(s))
		return arena_text(c->arena, s, strlen(s));
	return NULL;
}

static const char *
blank_msg(const struct slot *s)
{
	if (s->needed)
		return "empty; give some text";
	return s->f->nonempty ? "empty; give some text or remove it" : NULL;
}

/* Numbers */

static void
range_error(struct ctx *c, const struct slot *s, double v)
{
	const char *unit = s->f->more;
	char num[40];

	if (isfinite(v))
		snprintf(num, sizeof(num), "%.15g", v);
	else
		snprintf(num, sizeof(num), "a number this large");
	value_error(c, s->n, s->path, "%s is out of range; give %g to %g%s%s",
	            num, s->f->min, s->f->max, unit ? " " : "",
	            unit ? unit : "");
}

/* Checks s is a number in the field's range; false after reporting. */
static bool
take_number(struct ctx *c, const struct slot *s, double *out)
{
	if (!is_type(c, s->n, s->path, cJSON_Number, "a number"))
		return false;
	*out = s->n.j->valuedouble;
	if (*out >= s->f->min && *out <= s->f->max)
		return true;
	range_error(c, s, *out);
	return false;
}

/* Colours */

static int
hex_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* Parses "#rrggbb"; with short, "#rgb" too. */
static bool
parse_color(const char *s, struct deck_color *out, bool short_ok)
{
	size_t len = strlen(s), step = len == 4 && short_ok ? 1 : 2;
	uint8_t v[3];

	if (s[0] != '#' || (len != 7 && step == 2))
		return false;
	for (size_t k = 0; k < 3; k++) {
		int hi = hex_value(s[1 + k * step]),
		    lo = hex_value(s[step * k + step]);

		if (hi < 0 || lo < 0)
			return false;
		v[k] = (uint8_t)(step == 1 ? hi * 17 : hi * 16 + lo);
	}
	*out = (struct deck_color){ v[0], v[1], v[2] };
	return true;
}

/* Checks s is a colour "#rrggbb" and stores it in *out. */
static bool
take_color(struct ctx *c, const struct slot *s, struct deck_color *out)
{
	const char *str;
	char q[QUOTE_BUF];

	if (!is_name_type(c, s->n, s->path, "a colour \"#rrggbb\""))
		return false;
	str = s->n.j->valuestring;
	if (parse_color(str, out, false))
		return true;
	if (parse_color(str, out, true))
		value_error(
		        c, s->n, s->path,
		        "write colours with six hex digits: \"#%c%c%c%c%c%c\"",
		        str[1], str[1], str[2], str[2], str[3], str[3]);
	else
		value_error(
		        c, s->n, s->path,
		        "expected a colour \"#rrggbb\" such as \"#10243e\", "
		        "got %s",
		        quote(q, str));
	return false;
}

/* Enums */

static int
name_index(const char *s, const char *const *names)
{
	for (int k = 0; names[k]; k++)
		if (strcmp(s, names[k]) == 0)
			return k;
	return -1;
}

/* Looks up n's string among names; -1 after reporting. */
static int
take_name(struct ctx *c, struct node n, const char *path,
          const struct names *names)
{
	char list[200], what[240], q[QUOTE_BUF];
	const char *best;
	int k;

	join(list, sizeof(list), names->v, true);
	snprintf(what, sizeof(what), "a %s name (%s)", names->what, list);
	if (!is_name_type(c, n, path, what))
		return -1;
	if ((k = name_index(n.j->valuestring, names->v)) >= 0)
		return k;
	best = closest(n.j->valuestring, names->v);
	if (best)
		value_error(c, n, path,
		            "unknown %s %s; expected %s (did you mean "
		            "\"%s\"?)",
		            names->what, quote(q, n.j->valuestring), list,
		            best);
	else
		value_error(c, n, path, "unknown %s %s; expected %s",
		            names->what, quote(q, n.j->valuestring), list);
	return -1;
}

/* Lists */

/* Checks a list of count items of the noun fits on a slide. */
static bool
count_ok(struct ctx *c, const struct slot *s, size_t count, const char *noun)
{
	if (count == 0)
		value_error(c, s->n, s->path, "empty; give 1 to %d %s",
		            DECK_MAX_ITEMS, noun);
	else if (count > DECK_MAX_ITEMS)
		value_error(c, s->n, s->path,
		            "%zu %s; at most %d fit on a slide", count, noun,
		            DECK_MAX_ITEMS);
	return count > 0 && count <= DECK_MAX_ITEMS;
}

/* Fills list from the array of strings at s. */
static void
take_list(struct ctx *c, const struct slot *s, struct deck_strings *list)
{
	size_t count = count_children(s->n), k = 0;
	char path[PATH_LEN];

	if (!count_ok(c, s, count, s->f->more))
		return;
	list->v = arena_alloc(c->arena, count * sizeof(*list->v));
	for (struct node e = first_child(s->n); e.j; e = next_child(c, e)) {
		path_index(path, s->path, k++);
		list->v[list->n] = take_string(c, e, path,
		                               "empty; give some "
		                               "text or remove it");
		list->n += list->v[list->n] != NULL;
	}
}

/* Getters: one per kind, each checks a value and stores it. */

static void *
at(const struct slot *s)
{
	return (char *)s->base + s->f->off;
}

static void
get_ignore(struct ctx *c, const struct slot *s)
{
	is_type(c, s->n, s->path, cJSON_String, "a string");
}

static void
get_layout(struct ctx *c, const struct slot *s)
{
	(void)c, (void)s; /* checked by slide_use */
}

static void
get_string(struct ctx *c, const struct slot *s)
{
	*(const char **)at(s) = take_string(c, s->n, s->path, blank_msg(s));
}

static void
get_text(struct ctx *c, const struct slot *s)
{
	struct deck_strings *list = at(s);
	const char *str;

	if (cJSON_IsArray(s->n.j)) {
		take_list(c, s, list);
	} else if (is_type(c, s->n, s->path, cJSON_String,
	                   "a string or an array of strings") &&
	           (str = take_string(c, s->n, s->path, blank_msg(s)))) {
		list->v = arena_alloc(c->arena, sizeof(*list->v));
		list->v[0] = str;
		list->n = 1;
	}
}

static void
get_list(struct ctx *c, const struct slot *s)
{
	if (is_type(c, s->n, s->path, cJSON_Array, "an array of strings"))
		take_list(c, s, at(s));
}

static void
get_color(struct ctx *c, const struct slot *s)
{
	take_color(c, s, at(s));
}

static void
get_background(struct ctx *c, const struct slot *s)
{
	struct deck_slide *slide = s->base;

	slide->has_background = take_color(c, s, &slide->background);
}

static void
get_enum(struct ctx *c, const struct slot *s)
{
	int k = take_name(c, s->n, s->path, s->f->more);

	if (k >= 0)
		memcpy(at(s), &k, sizeof(k));
}

static void
get_seconds(struct ctx *c, const struct slot *s)
{
	double v;

	if (take_number(c, s, &v))
		*(uint32_t *)at(s) = (uint32_t)llround(v * 1000);
}

static void
get_ms(struct ctx *c, const struct slot *s)
{
	double v;

	if (cJSON_IsNumber(s->n.j) &&
	    s->n.j->valuedouble != floor(s->n.j->valuedouble))
		value_error(c, s->n, s->path,
		            "expected a whole number of %s, got %.15g",
		            (const char *)s->f->more, s->n.j->valuedouble);
	else if (take_number(c, s, &v))
		*(uint32_t *)at(s) = (uint32_t)v;
}

static void
get_number(struct ctx *c, const struct slot *s)
{
	take_number(c, s, at(s));
}

static void
get_bool(struct ctx *c, const struct slot *s)
{
	if (is_type(c, s->n, s->path, cJSON_True | cJSON_False,
	            "true or false"))
		*(bool *)at(s) = cJSON_IsTrue(s->n.j);
}

static void
get_object(struct ctx *c, const struct slot *s)
{
	static const struct use any = { ANY, -1, NULL };

	if (is_type(c, s->n, s->path, cJSON_Object, "an object"))
		check_object(c, s->n, s->path, s->f->more, at(s), &any);
}

static void
get_cards(struct ctx *c, const struct slot *s)
{
	static const struct use any = { ANY, -1, NULL };
	struct deck_slide *slide = s->base;
	struct deck_card *cards;
	char path[PATH_LEN];
	size_t k = 0;

	if (!is_type(c, s->n, s->path, cJSON_Array, "an array of cards") ||
	    !count_ok(c, s, count_children(s->n), "cards"))
		return;
	cards = arena_alloc(c->arena, count_children(s->n) * sizeof(*cards));
	for (struct node e = first_child(s->n); e.j; e = next_child(c, e)) {
		path_index(path, s->path, k);
		if (is_type(c, e, path, cJSON_Object,
		            "an object such as {\"name\": \"...\"}"))
			check_object(c, e, path, &card_spec, &cards[k], &any);
		k++;
	}
	slide->cards = cards;
	slide->n_cards = k;
}

/* Images */

/* Why rel cannot name a file inside the deck's folder, or NULL. */
static const char *
image_path_problem(const char *rel)
{
	size_t n;

	if (strchr(rel, '\\'))
		return "use '/' between folders, not '\\'";
	if (strpbrk(rel, "\t\n"))
		return "a tab or line break in the path; remove it";
	if (rel[0] == '/')
		return "an absolute path; give a path relative to the deck's "
		       "folder, e.g. \"images/photo.png\"";
	for (const char *p = rel; *p; p += n + (p[n] == '/')) {
		n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "\"..\" leads out of the deck's folder; keep "
			       "images inside it";
	}
	return NULL;
}

/* Is the real path p inside the real folder root? */
static bool
is_inside(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(p, root, n) == 0 && p[n] == '/';
}

/* Does the file at full, once every symlink is resolved, stay inside? */
static bool
stays_inside(struct ctx *c, const char *full)
{
	char *real = realpath(full, NULL);
	bool ok;

	if (!c->dir_real)
		c->dir_real = realpath(c->dir, NULL);
	ok = real && c->dir_real && is_inside(real, c->dir_real);
	free(real);
	return ok;
}

/* Checks the image at dir/rel with stat and realpath; never opens it. */
static void
check_image_file(struct ctx *c, const struct slot *s, const char *rel)
{
	size_t len = strlen(c->dir) + strlen(rel) + 2;
	char *full = xmalloc(len), q[QUOTE_BUF];
	struct stat st;
	int err;

	snprintf(full, len, "%s/%s", c->dir, rel);
	quote(q, rel);
	err = stat(full, &st) < 0 ? errno : 0;
	if (err == ENOENT || err == ENOTDIR)
		value_error(c, s->n, s->path,
		            "%s not found in the deck's folder (%s)", q,
		            c->dir);
	else if (err)
		value_error(c, s->n, s->path, "%s: %s", q, strerror(err));
	else if (!S_ISREG(st.st_mode))
		value_error(c, s->n, s->path,
		            "%s is not a regular file; give a PNG or JPEG file",
		            q);
	else if (st.st_size > (off_t)MAX_IMAGE_BYTES)
		value_error(c, s->n, s->path,
		            "%s is too large (%.1f MiB); an image may be at "
		            "most %u MiB",
		            q, (double)st.st_size / (1 << 20),
		            MAX_IMAGE_BYTES >> 20);
	else if (!stays_inside(c, full))
		value_error(c, s->n, s->path,
		            "%s leads outside the deck's folder (through a "
		            "symbolic link?); copy the image into the folder",
		            q);
	free(full);
}

static void
get_image(struct ctx *c, const struct slot *s)
{
	struct deck_slide *slide = s->base;
	const char *rel, *problem;

	rel = take_string(c, s->n, s->path,
	                  "empty; give the image's file name");
	if (!rel)
		return;
	if ((problem = image_path_problem(s->n.j->valuestring)))
		value_error(c, s->n, s->path, "%s", problem);
	else if (c->dir)
		check_image_file(c, s, rel);
	slide->image = rel;
}

/* Slides */

/* Works out the slide's layout: given, or from its content keys. */
static void
slide_use(struct ctx *c, struct node slide, const char *parent, struct use *use)
{
	char path[PATH_LEN];
	struct node n;

	use->inferred = NULL;
	if (find_member(c, slide, "layout", &n)) {
		path_key(path, parent, "layout");
		use->layout = take_name(c, n, path, &layouts);
		use->bit = use->layout < 0 ? 0 : 1u << use->layout;
		return;
	}
	use->layout = DECK_LAYOUT_TITLE;
	use->inferred = "";
	for (size_t k = 0; k < LEN(inference) && !*use->inferred; k++) {
		if (find_member(c, slide, inference[k].key, &n)) {
			use->layout = (int)inference[k].layout;
			use->inferred = inference[k].key;
		}
	}
	use->bit = 1u << use->layout;
}

static void
add_id(struct ctx *c, const char *id, size_t slide, struct node value)
{
	if (c->n_ids == c->cap_ids) {
		c->cap_ids = c->cap_ids ? c->cap_ids * 2 : 64;
		c->ids = xrealloc(c->ids, c->cap_ids * sizeof(*c->ids));
	}
	c->ids[c->n_ids++] = (struct id_ref){ id, slide, value.i };
}

static void
check_slide(struct ctx *c, struct node n, const char *path,
            struct deck_slide *slide, size_t index)
{
	struct use use;
	struct node id;

	slide->transition = -1;
	slide->line = (int)pos_of(c, n)->at.line;
	if (!is_type(c, n, path, cJSON_Object,
	             "an object such as {\"title\": \"...\"}"))
		return;
	slide_use(c, n, path, &use);
	slide->layout = use.layout < 0 ? DECK_LAYOUT_TITLE
	                               : (enum deck_layout)use.layout;
	check_object(c, n, path, &slide_spec, slide, &use);
	if (slide->id && find_member(c, n, "id", &id))
		add_id(c, slide->id, index, id);
}

static void
get_slides(struct ctx *c, const struct slot *s)
{
	struct deck *deck = s->base;
	size_t count = count_children(s->n), k = 0;
	char path[PATH_LEN];

	if (!is_type(c, s->n, s->path, cJSON_Array, "an array of slides"))
		return;
	if (count == 0) {
		value_error(c, s->n, s->path,
		            "empty; a deck needs at least one slide, e.g. "
		            "[{\"title\": \"Welcome\"}]");
		return;
	}
	if (count > DECK_MAX_SLIDES) {
		value_error(c, s->n, s->path,
		            "%zu slides; a deck may have at most %d", count,
		            DECK_MAX_SLIDES);
		return;
	}
	deck->slides = arena_alloc(c->arena, count * sizeof(*deck->slides));
	deck->n_slides = count;
	for (struct node e = first_child(s->n); e.j; e = next_child(c, e)) {
		path_index(path, s->path, k);
		check_slide(c, e, path, &deck->slides[k], k);
		k++;
	}
}

static int
compare_ids(const void *a, const void *b)
{
	const struct id_ref *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	if (d)
		return d;
	return x->slide < y->slide ? -1 : x->slide > y->slide;
}

/* Reports every slide whose id an earlier slide has already. */
static void
check_ids(struct ctx *c)
{
	const struct id_ref *first = NULL;
	char path[PATH_LEN], q[QUOTE_BUF];

	if (c->n_ids)
		qsort(c->ids, c->n_ids, sizeof(*c->ids), compare_ids);
	for (size_t k = 0; k < c->n_ids; k++) {
		const struct id_ref *r = &c->ids[k];
		struct node n = { NULL, r->value };
		struct json_pos p;

		if (!first || strcmp(first->id, r->id)) {
			first = r;
			continue;
		}
		p = c->scan.v[first->value].at;
		snprintf(path, sizeof(path), "slides[%zu].id", r->slide);
		value_error(c, n, path,
		            "duplicate id %s; slides[%zu] (%u:%u) has it too",
		            quote(q, r->id), first->slide, (unsigned)p.line,
		            (unsigned)p.col);
	}
}

/* Objects */

typedef void getter(struct ctx *c, const struct slot *s);
static getter *const getters[K_COUNT] = {
	[K_IGNORE] = get_ignore,
	[K_LAYOUT] = get_layout,
	[K_STRING] = get_string,
	[K_TEXT] = get_text,
	[K_LIST] = get_list,
	[K_COLOR] = get_color,
	[K_BACKGROUND] = get_background,
	[K_ENUM] = get_enum,
	[K_SECONDS] = get_seconds,
	[K_MS] = get_ms,
	[K_NUMBER] = get_number,
	[K_BOOL] = get_bool,
	[K_OBJECT] = get_object,
	[K_SLIDES] = get_slides,
	[K_CARDS] = get_cards,
	[K_IMAGE] = get_image,
};

/* The keys of an object seen so far, with where each was first seen. */
struct seen {
	unsigned mask;
	uint32_t where[MAX_KEYS];
};

static void
unknown_key(struct ctx *c, struct node m, const char *path,
            const struct spec *spec)
{
	const char *best = closest(m.j->string, spec->keys);
	char list[300];

	if (best)
		key_error(c, m, path, "unknown key; did you mean \"%s\"?",
		          best);
	else
		key_error(c, m, path, "unknown key; %s takes %s", spec->noun,
		          join(list, sizeof(list), spec->keys, false));
}

static void
duplicate_key(struct ctx *c, struct node m, const char *path, uint32_t first)
{
	struct json_pos p = c->scan.v[first].key;

	key_error(c, m, path, "duplicate key, first given at %u:%u; remove one",
	          (unsigned)p.line, (unsigned)p.col);
}

/* The layout a key belongs to, for hints. */
static const char *
home_layout(const struct field *f)
{
	unsigned bits = f->needs & ALL_LAYOUTS ? f->needs : f->uses;
	int k = 0;

	while (!(bits & (1u << k)))
		k++;
	return layout_names[k];
}

static void
not_used(struct ctx *c, struct node m, const char *path, const struct field *f,
         const struct use *use)
{
	char why[64] = "";

	if (use->inferred && *use->inferred)
		snprintf(why, sizeof(why), " (inferred from \"%s\")",
		         use->inferred);
	else if (use->inferred)
		snprintf(why, sizeof(why), " (inferred: no content key)");
	key_error(c, m, path,
	          "not used by a \"%s\" slide%s; remove it or set \"layout\": "
	          "\"%s\"",
	          layout_names[use->layout], why, home_layout(f));
}

static int
key_index(const struct spec *spec, const char *key)
{
	return name_index(key, spec->keys);
}

static void
check_member(struct ctx *c, struct node m, const char *parent,
             const struct spec *spec, void *base, const struct use *use,
             struct seen *seen)
{
	char path[PATH_LEN];
	int k = key_index(spec, m.j->string);
	struct slot s = { m, path, NULL, base, false };

	path_key(path, parent, m.j->string);
	if (k < 0) {
		unknown_key(c, m, path, spec);
	} else if (seen->mask & (1u << k)) {
		duplicate_key(c, m, path, seen->where[k]);
	} else {
		seen->mask |= 1u << k;
		seen->where[k] = m.i;
		s.f = &spec->fields[k];
		s.needed = (s.f->needs & use->bit) != 0;
		if (use->bit && !(s.f->uses & use->bit))
			not_used(c, m, path, s.f, use);
		else
			getters[s.f->kind](c, &s);
	}
}

static void
missing_key(struct ctx *c, struct node obj, const char *path,
            const struct spec *spec, const char *key, const struct use *use)
{
	if (use->layout >= 0)
		value_error(c, obj, path, "a \"%s\" slide needs \"%s\"",
		            layout_names[use->layout], key);
	else
		value_error(c, obj, path, "%s needs \"%s\"", spec->noun, key);
}

/* Checks every member of obj against spec and stores them in base. */
static void
check_object(struct ctx *c, struct node obj, const char *path,
             const struct spec *spec, void *base, const struct use *use)
{
	struct seen seen = { 0 };

	for (struct node m = first_child(obj); m.j; m = next_child(c, m))
		check_member(c, m, path, spec, base, use, &seen);
	for (int k = 0; spec->keys[k]; k++)
		if ((spec->fields[k].needs & use->bit) &&
		    !(seen.mask & (1u << k)))
			missing_key(c, obj, path, spec, spec->keys[k], use);
}

/* Loading */

static void
set_defaults(struct deck *deck)
{
	deck->theme = (struct deck_theme){
		.background = { 0x10, 0x24, 0x3e },
		.text = { 0xff, 0xff, 0xff },
		.accent = { 0xf2, 0xb6, 0x32 },
		.heading_font = DECK_FONT_SANS_BOLD,
		.body_font = DECK_FONT_SANS,
		.text_scale = 1,
		.margin = 0.05,
	};
	deck->settings = (struct deck_settings){
		.seconds_ms = 8000,
		.transition = DECK_TRANSITION_FADE,
		.transition_ms = 400,
		.idle_ms = 60000,
		.mode = DECK_MODE_LOBBY,
	};
}

static void
check_root(struct ctx *c, const cJSON *root, struct deck *deck)
{
	static const struct use any = { ANY, -1, NULL };
	struct node n = { root, 0 };

	if (!cJSON_IsObject(root)) {
		value_error(
		        c, n, "",
		        "a deck is an object such as {\"slides\": [ ... ]}, "
		        "got %s",
		        type_name(root));
		return;
	}
	check_object(c, n, "", &root_spec, deck, &any);
	if (!deck->title)
		deck->title = deck->event.name;
}

/* Reports an empty (or blank) file; returns -1 then. */
static int
check_blank(struct ctx *c, const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (i < len && buf[i] && strchr(" \t\r\n", buf[i]))
		i++;
	if (i < len)
		return 0;
	return file_error(c->rep, c->name,
	                  "%s; a deck needs at least "
	                  "{\"slides\": [ ... ]}",
	                  len ? "nothing but white space" : "empty file");
}

static int
scan(struct ctx *c, const char *buf, size_t len)
{
	static const struct json_limits limits = {
		.depth = DECK_MAX_DEPTH,
		.string_bytes = DECK_MAX_STRING,
		.number_chars = MAX_NUMBER_CHARS,
		.values = MAX_VALUES,
	};

	if (json_scan(&c->scan, buf, len, &limits) == 0)
		return 0;
	report_error(c->rep, "%s:%u:%u: %s", c->name,
	             (unsigned)c->scan.err_at.line,
	             (unsigned)c->scan.err_at.col, c->scan.err);
	return -1;
}

/* Number of nodes in the tree, counted in pre-order without recursion. */
static size_t
count_nodes(const cJSON *root)
{
	const cJSON *stack[DECK_MAX_DEPTH + 1], *j = root;
	size_t n = 0, depth = 0;

	while (j) {
		n++;
		if (j->child && depth < LEN(stack)) {
			stack[depth++] = j->next;
			j = j->child;
		} else {
			j = j->next;
		}
		while (!j && depth)
			j = stack[--depth];
	}
	return n;
}

/* Builds the tree from exactly len bytes; NULL after reporting. */
static cJSON *
parse_tree(struct ctx *c, const char *buf, size_t len)
{
	char *copy = xmalloc(len + 1);
	cJSON *root;

	memcpy(copy, buf, len);
	copy[len] = '\0';
	root = cJSON_ParseWithLengthOpts(copy, len + 1, NULL, 1);
	free(copy);
	if (root && count_nodes(root) == c->scan.n)
		return root;
	file_error(c->rep, c->name, "%s",
	           root ? "internal error: the parser "
	                  "and the scanner disagree"
	                : "cannot parse (out of "
	                  "memory?)");
	cJSON_Delete(root);
	return NULL;
}

static void
ctx_destroy(struct ctx *c)
{
	json_scan_destroy(&c->scan);
	free(c->dir_real);
	free(c->ids);
}

int
deck_parse(struct deck *deck, const char *name, const char *dir,
           const char *buf, size_t len, struct report *rep)
{
	struct ctx c = { .name = name, .dir = dir, .rep = rep };
	struct deck tmp = { 0 };
	cJSON *root;
	int rc = -1;

	memset(deck, 0, sizeof(*deck));
	json_scan_init(&c.scan);
	if (check_blank(&c, buf, len) < 0 || scan(&c, buf, len) < 0)
		goto out;
	if (!(root = parse_tree(&c, buf, len)))
		goto out;
	tmp.arena = c.arena = xcalloc(1, sizeof(*c.arena));
	tmp.path = arena_text(c.arena, name, strlen(name));
	tmp.dir = arena_text(c.arena, dir ? dir : ".", strlen(dir ? dir : "."));
	set_defaults(&tmp);
	check_root(&c, root, &tmp);
	check_ids(&c);
	if (c.errors == 0) {
		*deck = tmp;
		rc = 0;
	} else {
		arena_free(tmp.arena);
	}
	cJSON_Delete(root);
out:
	ctx_destroy(&c);
	return rc;
}

/* Files */

static const char *
file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "a special file";
}

static int
too_large(struct report *rep, const char *path)
{
	return file_error(rep, path,
	                  "too large; a deck may be at most %u MiB "
	                  "(%u bytes)",
	                  DECK_MAX_FILE_BYTES >> 20, DECK_MAX_FILE_BYTES);
}

/* Refuses what is not a regular file of at most the size limit. */
static int
check_file(const char *path, const struct stat *st, struct report *rep)
{
	if (S_ISDIR(st->st_mode))
		return file_error(rep, path,
		                  "is a directory; give the deck's "
		                  ".json file");
	if (!S_ISREG(st->st_mode))
		return file_error(rep, path,
		                  "is %s, not a regular file; give "
		                  "the deck's .json file",
		                  file_kind(st->st_mode));
	if (st->st_size > (off_t)DECK_MAX_FILE_BYTES)
		return too_large(rep, path);
	return 0;
}

/*
 * Reads fd to its end, or to one byte past the size limit, into *out
 * (the caller frees); size is a first guess. Returns -1 with errno set.
 */
static int
read_all(int fd, size_t size, char **out, size_t *len)
{
	return util_read_bounded(fd, size, DECK_MAX_FILE_BYTES, out, len);
}

/*
 * Reads the regular file at path whole into *out (the caller frees it,
 * also on failure); -1 after reporting. Never blocks on a FIFO or device:
 * they are refused before and after opening, and O_NONBLOCK covers a swap
 * in between.
 */
static int
read_file(const char *path, char **out, size_t *len, struct report *rep)
{
	struct stat st;
	int fd, rc = -1;

	if (stat(path, &st) < 0)
		return file_error(rep, path, "cannot open: %s",
		                  strerror(errno));
	if (check_file(path, &st, rep) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return file_error(rep, path, "cannot open: %s",
		                  strerror(errno));
	if (fstat(fd, &st) < 0 || check_file(path, &st, rep) < 0)
		goto out_close;
	if (read_all(fd, (size_t)st.st_size, out, len) < 0)
		file_error(rep, path, "cannot read: %s", strerror(errno));
	else if (*len > DECK_MAX_FILE_BYTES)
		too_large(rep, path);
	else
		rc = 0;
out_close:
	close(fd);
	return rc;
}

/* The folder part of path ("." when it has none); the caller frees. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (!slash)
		return xstrdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return xstrdup("/");
	dir = xmalloc((size_t)(slash - path) + 1);
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dir;
}

int
deck_load(struct deck *deck, const char *path, struct report *rep)
{
	char *buf = NULL, *dir;
	size_t len = 0;
	int rc = -1;

	memset(deck, 0, sizeof(*deck));
	if (read_file(path, &buf, &len, rep) < 0)
		goto out_free_buf;
	dir = dir_of(path);
	rc = deck_parse(deck, path, dir, buf, len, rep);
	free(dir);
out_free_buf:
	free(buf);
	return rc;
}

/* Holding deck */

/* Is s valid UTF-8 text for a slide: not blank, no control characters,
 * at most DECK_MAX_STRING bytes? */
static bool
is_plain_text(const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0, n; i < len; i += n)
		if (!(n = util_utf8_decode(s + i, len - i, NULL)))
			return false;
	return len <= DECK_MAX_STRING && !find_control(s) && !is_blank(s);
}

/* The event name in the JSON text of len bytes (lenient: trailing bytes
 * and schema errors do not matter), or NULL; the caller frees. */
static char *
event_name_in(const char *buf, size_t len)
{
	char *copy = xmalloc(len + 1), *name = NULL;
	const cJSON *event, *j;
	cJSON *root;

	memcpy(copy, buf, len);
	copy[len] = '\0';
	root = cJSON_ParseWithLengthOpts(copy, len + 1, NULL, 0);
	event = cJSON_GetObjectItemCaseSensitive(root, "event");
	j = cJSON_GetObjectItemCaseSensitive(event, "name");
	if (cJSON_IsString(j) && is_plain_text(j->valuestring))
		name = xstrdup(j->valuestring);
	for (char *p = name; p && *p; p++)
		*p = *p == '\t' ? ' ' : *p;
	cJSON_Delete(root);
	free(copy);
	return name;
}

char *
deck_peek_event_name(const char *path)
{
	struct report rep;
	char *buf = NULL, *name = NULL;
	size_t len = 0;

	report_init(&rep);
	if (read_file(path, &buf, &len, &rep) == 0)
		name = event_name_in(buf, len);
	free(buf);
	report_destroy(&rep);
	return name;
}

int
deck_holding(struct deck *deck, const char *path, const char *event_name)
{
	struct deck_arena *a = xcalloc(1, sizeof(*a));
	char *dir = dir_of(path);
	struct deck_slide *slide;

	memset(deck, 0, sizeof(*deck));
	deck->arena = a;
	deck->path = arena_text(a, path, strlen(path));
	deck->dir = arena_text(a, dir, strlen(dir));
	free(dir);
	set_defaults(deck);
	if (event_name && is_plain_text(event_name))
		deck->title = deck->event.name =
		        arena_text(a, event_name, strlen(event_name));
	deck->slides = slide = arena_alloc(a, sizeof(*slide));
	deck->n_slides = 1;
	slide->layout = DECK_LAYOUT_TITLE;
	slide->transition = -1;
	slide->title = deck->title ? deck->title : arena_text(a, "Welcome", 7);
	slide->subtitle = arena_text(a, "The show starts shortly", 23);
	return 0;
}

void
deck_free(struct deck *deck)
{
	arena_free(deck->arena);
	memset(deck, 0, sizeof(*deck));
}

/* Accessors */

uint32_t
deck_slide_ms(const struct deck *deck, size_t i)
{
	assert(i < deck->n_slides);
	return deck->slides[i].seconds_ms ? deck->slides[i].seconds_ms
	                                  : deck->settings.seconds_ms;
}

enum deck_transition
deck_slide_transition(const struct deck *deck, size_t i)
{
	assert(i < deck->n_slides);
	return deck->slides[i].transition >= 0
	               ? (enum deck_transition)deck->slides[i].transition
	               : deck->settings.transition;
}

const char *const *
deck_keys(enum deck_object object)
{
	assert(object < DECK_OBJECT_COUNT);
	return specs[object]->keys;
}

const char *
deck_layout_name(enum deck_layout layout)
{
	assert(layout < DECK_LAYOUT_COUNT);
	return layout_names[layout];
}

const char *
deck_transition_name(enum deck_transition transition)
{
	assert(transition < DECK_TRANSITION_COUNT);
	return transition_names[transition];
}

const char *
deck_mode_name(enum deck_mode mode)
{
	assert(mode <= DECK_MODE_KIOSK);
	return mode_names[mode];
}

const char *
deck_font_name(enum deck_font font)
{
	assert(font < DECK_FONT_COUNT);
	return font_names[font];
}

const char *
deck_font_file(enum deck_font font)
{
	assert(font < DECK_FONT_COUNT);
	return font_files[font];
}
