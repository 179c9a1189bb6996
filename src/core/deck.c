/*
 * deck: the deck model and the loader's three passes; see deck.h.
 *
 * Owns the arena every deck string and array lives in, the defaults, the
 * accessors and deck_parse, which makes three passes over a file's bytes:
 *   1. json_scan checks the syntax strictly (cJSON is lenient and says
 *      nothing about where) and records every value's line and column in
 *      document order;
 *   2. cJSON builds the tree, whose node k in pre-order is value k of the
 *      scan, so every node can be traced back to its place in the file;
 *   3. the schema walk (deck_check.c, over the tables in deck_schema.c)
 *      checks each key and value, copies what it keeps into the deck's
 *      arena and reports every problem as "FILE:LINE:COL: PATH: message".
 * The tree is freed before deck_parse returns; only the deck files see
 * cJSON. Reading the file (deck_load) and the holding deck are in
 * deck_file.c.
 */
#include "deck.h"

#include <assert.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "deck_private.h"
#include "deck_schema.h"
#include "json_scan.h"
#include "schedule.h"
#include "util.h"

#define MAX_NUMBER_CHARS 40
#define MAX_VALUES       (DECK_MAX_SLIDES * 64 + 4096) /* in one file */
#define ARENA_BLOCK      (64u << 10)

/* The arena: blocks of zeroed memory, freed together. */
struct arena_block {
	struct arena_block *prev;
	size_t used, size;
	max_align_t data[];
};

struct deck_arena {
	struct arena_block *top;
};

/* Arena */

struct deck_arena *
deck_arena_new(void)
{
	return xcalloc(1, sizeof(struct deck_arena));
}

/* Returns size zeroed bytes that live until deck_arena_free. */
void *
deck_arena_alloc(struct deck_arena *a, size_t size)
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
const char *
deck_arena_text(struct deck_arena *a, const char *s, size_t len)
{
	char *t = deck_arena_alloc(a, len + 1);

	for (size_t i = 0; i < len; i++)
		t[i] = s[i] == '\t' ? ' ' : s[i];
	return t;
}

const char *
deck_arena_str(struct deck_arena *a, const char *s)
{
	return deck_arena_text(a, s, strlen(s));
}

void
deck_arena_free(struct deck_arena *a)
{
	for (struct arena_block *b = a ? a->top : NULL, *prev; b; b = prev) {
		prev = b->prev;
		free(b);
	}
	free(a);
}

/* Reports "NAME: message" for the file as a whole; returns -1. */
int
deck_file_error(struct report *rep, const char *name, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_error(rep, "%s: %s", name, msg);
	return -1;
}
/* Loading */

void
deck_set_defaults(struct deck *deck)
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

/* Reports an empty (or blank) file; returns -1 then. */
static int
check_blank(struct ctx *c, const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (i < len && buf[i] && strchr(" \t\r\n", buf[i]))
		i++;
	if (i < len)
		return 0;
	return deck_file_error(c->rep, c->name, "%s; %s",
	                       len ? "nothing but white space" : "empty file",
	                       c->least ? c->least
	                                : "a deck needs at least "
	                                  "{\"slides\": [ ... ]}");
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

	if (json_scan(&c->scan, buf, len, c->limits ? c->limits : &limits) == 0)
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
	char *copy = xmemdup_nul(buf, len);
	cJSON *root = cJSON_ParseWithLengthOpts(copy, len + 1, NULL, 1);

	free(copy);
	if (root && count_nodes(root) == c->scan.n)
		return root;
	deck_file_error(c->rep, c->name, "%s",
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
	for (size_t k = 0; k < c->n_schedules; k++)
		schedule_free(&c->schedules[k]);
	free(c->schedules);
	free(c->dir_real);
	free(c->ids);
	free(c->fallbacks);
}

/* Checks the tree at root into tmp (a deck; an announcement over show). */
typedef void check_tree(struct ctx *c, const cJSON *root, struct deck *tmp,
                        const struct deck *show);

static void
check_deck_tree(struct ctx *c, const cJSON *root, struct deck *tmp,
                const struct deck *show)
{
	(void)show;
	deck_set_defaults(tmp);
	deck_check_root(c, root, tmp);
	deck_check_ids(c);
	deck_check_fallback(c, root, tmp);
	deck_check_rooms(c, root, tmp);
}

/* A copy of s in a, or NULL. */
static const char *
copy_str(struct deck_arena *a, const char *s)
{
	return s ? deck_arena_str(a, s) : NULL;
}

/* The announcement: one statement slide in the show's theme, settings
 * and event, their strings copied (the show's deck may be reloaded). */
static void
check_announcement_tree(struct ctx *c, const cJSON *root, struct deck *tmp,
                        const struct deck *show)
{
	struct deck_slide *slide =
	        deck_arena_alloc(c->arena, sizeof(*tmp->slides));

	tmp->theme = show->theme;
	tmp->settings = show->settings;
	tmp->settings.time_zone = copy_str(c->arena, show->settings.time_zone);
	tmp->settings.fallback = NULL;
	tmp->event.name = copy_str(c->arena, show->event.name);
	tmp->event.date = copy_str(c->arena, show->event.date);
	tmp->event.venue = copy_str(c->arena, show->event.venue);
	tmp->title = tmp->event.name;
	slide->layout = DECK_LAYOUT_STATEMENT;
	slide->transition = -1;
	tmp->slides = slide;
	tmp->n_slides = 1;
	deck_check_announcement(c, root, slide);
}

/* The variant of the deck's text now in d. */
static struct deck_variant
variant_of(const struct deck *d)
{
	struct deck_variant v = { .title = d->title, .slides = d->slides };

	v.event.name = d->event.name;
	v.event.date = d->event.date;
	v.event.venue = d->event.venue;
	return v;
}

static int
compare_spans(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct deck_text_span *)a)->s,
	          y = (uintptr_t)((const struct deck_text_span *)b)->s;

	return x < y ? -1 : x > y;
}

/* The texts of this pass that fell back, sorted, into the arena. */
static void
keep_fallbacks(struct ctx *c, struct deck_variant *v)
{
	struct deck_text_span *f;

	if (!c->n_fallbacks)
		return;
	f = deck_arena_alloc(c->arena, c->n_fallbacks * sizeof(*f));
	memcpy(f, c->fallbacks, c->n_fallbacks * sizeof(*f));
	qsort(f, c->n_fallbacks, sizeof(*f), compare_spans);
	v->fallbacks = f;
	v->n_fallbacks = c->n_fallbacks;
}

/*
 * The deck's text in each language after the first (read into deck): one
 * more pass over the tree a language, into the same arena, quietly (the
 * first pass reported all there is). Fills deck's variants and lang.
 */
static void
read_other_languages(struct ctx *c, const cJSON *root, struct deck *deck)
{
	struct deck_variant *v;
	struct report *rep = c->rep, quiet;
	size_t n = deck->languages.n;

	if (n == 0)
		return;
	v = deck_arena_alloc(c->arena, n * sizeof(*v));
	v[0] = variant_of(deck);
	report_init(&quiet);
	c->rep = &quiet;
	c->quiet = true;
	for (c->lang = 1; c->lang < n && c->errors == 0; c->lang++) {
		struct deck other = { .arena = c->arena };

		c->n_ids = 0;
		c->n_fallbacks = 0;
		check_deck_tree(c, root, &other, NULL);
		v[c->lang] = variant_of(&other);
		keep_fallbacks(c, &v[c->lang]);
	}
	c->rep = rep;
	report_destroy(&quiet);
	deck->variants = v;
	deck->lang = deck->languages.v[0];
	deck->lang_index = 0;
}

static int
parse_as(struct deck *deck, struct ctx *c, const char *buf, size_t len,
         check_tree *check, const struct deck *show)
{
	struct deck tmp = { 0 };
	cJSON *root;
	int rc = -1;

	memset(deck, 0, sizeof(*deck));
	json_scan_init(&c->scan);
	if (check_blank(c, buf, len) < 0 || scan(c, buf, len) < 0)
		goto out;
	if (!(root = parse_tree(c, buf, len)))
		goto out;
	tmp.arena = c->arena = deck_arena_new();
	tmp.path = deck_arena_str(c->arena, c->name);
	tmp.dir = deck_arena_str(c->arena, c->dir ? c->dir : ".");
	check(c, root, &tmp, show);
	if (c->errors == 0 && check == check_deck_tree)
		read_other_languages(c, root, &tmp);
	if (c->errors == 0) {
		deck_take_schedules(c, &tmp);
		*deck = tmp;
		rc = 0;
	} else {
		deck_arena_free(tmp.arena);
	}
	cJSON_Delete(root);
out:
	ctx_destroy(c);
	return rc;
}

int
deck_parse(struct deck *deck, const char *name, const char *dir,
           const char *buf, size_t len, struct report *rep)
{
	struct ctx c = { .name = name, .dir = dir, .rep = rep };

	return parse_as(deck, &c, buf, len, check_deck_tree, NULL);
}

int
deck_parse_announcement(struct deck *out, const struct deck *show,
                        const char *name, const char *buf, size_t len,
                        struct report *rep)
{
	struct ctx c = { .name = name,
		         .dir = show->dir,
		         .rep = rep,
		         .least = "an announcement needs at least "
		                  "{\"text\": \"...\"}" };

	return parse_as(out, &c, buf, len, check_announcement_tree, show);
}

void
deck_free(struct deck *deck)
{
	for (size_t k = 0; k < deck->n_schedules; k++)
		schedule_free(&deck->schedules[k]);
	free(deck->schedules);
	deck_arena_free(deck->arena);
	memset(deck, 0, sizeof(*deck));
}

/* Accessors */

void
deck_set_language(struct deck *deck, size_t k)
{
	const struct deck_variant *v;

	if (!deck->variants)
		return;
	if (k >= deck->languages.n)
		k = deck->languages.n - 1;
	v = &deck->variants[k];
	deck->title = v->title;
	deck->event.name = v->event.name;
	deck->event.date = v->event.date;
	deck->event.venue = v->event.venue;
	deck->slides = v->slides;
	deck->lang = deck->languages.v[k];
	deck->lang_index = k;
}

const char *
deck_text_lang(const struct deck *deck, const char *text)
{
	const struct deck_variant *v;
	uintptr_t t = (uintptr_t)text;
	size_t lo = 0, hi;

	if (!deck->variants || !text)
		return deck->lang;
	v = &deck->variants[deck->lang_index];
	hi = v->n_fallbacks;
	while (lo < hi) { /* past the last span starting at or before text */
		size_t mid = lo + (hi - lo) / 2;

		if ((uintptr_t)v->fallbacks[mid].s <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 &&
	    t <= (uintptr_t)v->fallbacks[lo - 1].s + v->fallbacks[lo - 1].len)
		return deck->languages.v[0];
	return deck->lang;
}

int
deck_language_index(const struct deck *deck, const char *tag)
{
	for (size_t k = 0; k < deck->languages.n; k++)
		if (!strcmp(tag, deck->languages.v[k]))
			return (int)k;
	return -1;
}

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

/* Schedules: real exports carry long abstracts, so their strings may be
 * longer than a deck's (the texts kept are titles and names). */
int
schedule_parse(struct schedule *out, const char *name, const char *buf,
               size_t len, struct report *rep)
{
	static const struct json_limits limits = {
		.depth = DECK_MAX_DEPTH,
		.string_bytes = 1 << 16,
		.number_chars = MAX_NUMBER_CHARS,
		.values = MAX_VALUES,
	};
	struct ctx c = { .name = name,
		         .rep = rep,
		         .limits = &limits,
		         .least = "a schedule needs at least {\"schedule\": "
		                  "{\"conference\": ...}}" };
	cJSON *root;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	json_scan_init(&c.scan);
	if (check_blank(&c, buf, len) < 0 || scan(&c, buf, len) < 0 ||
	    !(root = parse_tree(&c, buf, len)))
		goto out;
	c.arena = deck_arena_new();
	out->file = deck_arena_str(c.arena, name);
	deck_check_schedule(&c, root, out);
	cJSON_Delete(root);
	if (c.errors == 0) {
		out->arena = c.arena;
		rc = 0;
	} else {
		deck_arena_free(c.arena);
		memset(out, 0, sizeof(*out));
	}
out:
	ctx_destroy(&c);
	return rc;
}

void
schedule_free(struct schedule *s)
{
	deck_arena_free(s->arena);
	memset(s, 0, sizeof(*s));
}

const char *
deck_slide_picture(const struct deck_slide *s, size_t k, char *key, size_t size)
{
	if (s->image && k == 0) {
		snprintf(key, size, "image");
		return s->image;
	}
	k -= s->image != NULL;
	if (k >= s->n_logos)
		return NULL;
	snprintf(key, size, "logos[%zu].image", k);
	return s->logos[k].image;
}
