/*
 * deck_check: the schema walk; see deck_schema.h.
 *
 * Checks each member of an object against its spec (unknown, duplicate,
 * missing and unused keys), hands its value to the getter of its kind,
 * which checks it and stores it in the deck, and walks into nested
 * objects, the slides and their cards. A slide's layout is given or
 * inferred from its content keys before its other keys are checked.
 * Image paths are checked here, on disk when the deck has a folder.
 */
#include "deck_schema.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "picture_policy.h"
#include "util.h"

static void check_object(struct ctx *c, struct node obj, const char *path,
                         const struct spec *spec, void *base,
                         const struct use *use);

/* Getters: one per kind, each checks a value and stores it. */

static void *
at(const struct slot *s)
{
	return (char *)s->base + s->f->off;
}

static void
get_ignore(struct ctx *c, const struct slot *s)
{
	deck_is_type(c, s->n, s->path, cJSON_String, "a string");
}

static void
get_layout(struct ctx *c, const struct slot *s)
{
	(void)c, (void)s; /* checked by slide_use */
}

static void
get_string(struct ctx *c, const struct slot *s)
{
	*(const char **)at(s) =
	        s->f->literal
	                ? deck_take_string(c, s->n, s->path, deck_blank_msg(s))
	                : deck_take_text(c, s->n, s->path, deck_blank_msg(s));
}

/* Paragraphs: a string or an array of strings. */
static void
get_plain_text(struct ctx *c, const struct slot *s)
{
	struct deck_strings *list = at(s);
	const char *str;

	if (cJSON_IsArray(s->n.j)) {
		deck_take_list(c, s, list);
	} else if (deck_is_type(c, s->n, s->path, cJSON_String,
	                        "a string or an array of strings") &&
	           (str = deck_take_string(c, s->n, s->path,
	                                   deck_blank_msg(s)))) {
		list->v = deck_arena_alloc(c->arena, sizeof(*list->v));
		list->v[0] = str;
		list->n = 1;
	}
}

/* Paragraphs, or an object of their translations. */
static void
get_text(struct ctx *c, const struct slot *s)
{
	if (!deck_take_translated(c, s, get_plain_text))
		get_plain_text(c, s);
}

static void
get_plain_list(struct ctx *c, const struct slot *s)
{
	if (deck_is_type(c, s->n, s->path, cJSON_Array, "an array of strings"))
		deck_take_list(c, s, at(s));
}

/* Bullets, or an object of their translations. */
static void
get_list(struct ctx *c, const struct slot *s)
{
	if (!deck_take_translated(c, s, get_plain_list))
		get_plain_list(c, s);
}

static void
get_color(struct ctx *c, const struct slot *s)
{
	deck_take_color(c, s, at(s));
}

static void
get_background(struct ctx *c, const struct slot *s)
{
	struct deck_slide *slide = s->base;

	slide->has_background = deck_take_color(c, s, &slide->background);
}

static void
get_enum(struct ctx *c, const struct slot *s)
{
	int k = deck_take_name(c, s->n, s->path, s->f->more);

	if (k >= 0)
		memcpy(at(s), &k, sizeof(k));
}

static void
get_seconds(struct ctx *c, const struct slot *s)
{
	double v;

	if (deck_take_number(c, s, &v))
		*(uint32_t *)at(s) = (uint32_t)llround(v * 1000);
}

static void
get_ms(struct ctx *c, const struct slot *s)
{
	double v;

	if (cJSON_IsNumber(s->n.j) &&
	    s->n.j->valuedouble != floor(s->n.j->valuedouble))
		deck_value_error(c, s->n, s->path,
		                 "expected a whole number of %s, got %.15g",
		                 (const char *)s->f->more, s->n.j->valuedouble);
	else if (deck_take_number(c, s, &v))
		*(uint32_t *)at(s) = (uint32_t)v;
}

static void
get_number(struct ctx *c, const struct slot *s)
{
	deck_take_number(c, s, at(s));
}

static void
get_bool(struct ctx *c, const struct slot *s)
{
	if (deck_is_type(c, s->n, s->path, cJSON_True | cJSON_False,
	                 "true or false"))
		*(bool *)at(s) = cJSON_IsTrue(s->n.j);
}

static void
get_object(struct ctx *c, const struct slot *s)
{
	static const struct use any = { ANY, -1, NULL };

	if (deck_is_type(c, s->n, s->path, cJSON_Object, "an object"))
		check_object(c, s->n, s->path, s->f->more, at(s), &any);
}

/* A slide's "when": its window's parts, and its line for messages. */
static void
get_when(struct ctx *c, const struct slot *s)
{
	static const struct use any = { ANY, -1, NULL };
	struct deck_when *w = at(s);

	if (!deck_is_type(c, s->n, s->path, cJSON_Object, "an object"))
		return;
	check_object(c, s->n, s->path, deck_spec(DECK_OBJECT_WHEN), w, &any);
	w->line = (int)deck_pos_of(c, s->n)->at.line;
}

static void
get_cards(struct ctx *c, const struct slot *s)
{
	static const struct use any = { ANY, -1, NULL };
	struct deck_slide *slide = s->base;
	struct deck_card *cards;
	char path[PATH_LEN];
	size_t k = 0;

	if (!deck_is_type(c, s->n, s->path, cJSON_Array, "an array of cards") ||
	    !deck_count_ok(c, s, deck_count_children(s->n), "cards"))
		return;
	cards = deck_arena_alloc(c->arena,
	                         deck_count_children(s->n) * sizeof(*cards));
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k);
		if (deck_is_type(c, e, path, cJSON_Object,
		                 "an object such as {\"name\": \"...\"}"))
			check_object(c, e, path, deck_spec(DECK_OBJECT_CARD),
			             &cards[k], &any);
		k++;
	}
	slide->cards = cards;
	slide->n_cards = k;
}

/* Images */

/* The real path of the deck's folder (worked out once), or NULL. */
static const char *
dir_real(struct ctx *c)
{
	if (!c->dir_real)
		c->dir_real = realpath(c->dir, NULL);
	return c->dir_real;
}

bool
deck_stays_inside(struct ctx *c, const char *full)
{
	char *real = realpath(full, NULL);
	bool ok = real && dir_real(c) && picture_is_inside(real, c->dir_real);

	free(real);
	return ok;
}

/*
 * The deck's folder for messages, into buf: as given when it names a
 * folder ("slides"), else its real path: "the current folder, /srv/show"
 * for ".", "/srv" for "..".
 */
const char *
deck_folder_name(struct ctx *c, char *buf, size_t size)
{
	if (strspn(c->dir, "./") < strlen(c->dir) || !dir_real(c))
		return c->dir;
	snprintf(buf, size, "%s%s",
	         strcmp(c->dir, ".") ? "" : "the current folder, ",
	         c->dir_real);
	return buf;
}

/* Checks the image at dir/rel with stat and realpath; never opens it. */
static void
check_image_file(struct ctx *c, const struct slot *s, const char *rel)
{
	size_t len = strlen(c->dir) + strlen(rel) + 2;
	char *full = xmalloc(len), q[QUOTE_BUF], folder[PATH_MAX + 32];
	struct stat st;
	int err;

	snprintf(full, len, "%s/%s", c->dir, rel);
	deck_quote(q, rel);
	err = stat(full, &st) < 0 ? errno : 0;
	if (err == ENOENT || err == ENOTDIR)
		deck_value_error(c, s->n, s->path,
		                 "%s not found in the deck's folder (%s)", q,
		                 deck_folder_name(c, folder, sizeof(folder)));
	else if (err)
		deck_value_error(c, s->n, s->path, "%s: %s", q, strerror(err));
	else if (!S_ISREG(st.st_mode))
		deck_value_error(c, s->n, s->path,
		                 "%s is not a regular file; give a %s file", q,
		                 PICTURE_FORMATS);
	else if (st.st_size > (off_t)PICTURE_MAX_BYTES)
		deck_value_error(
		        c, s->n, s->path,
		        "%s is too large (%.1f MiB); an image may be at "
		        "most %u MiB",
		        q, (double)st.st_size / (1 << 20),
		        PICTURE_MAX_BYTES >> 20);
	else if (!deck_stays_inside(c, full))
		deck_value_error(
		        c, s->n, s->path,
		        "%s leads outside the deck's folder (through a "
		        "symbolic link?); copy the image into the folder",
		        q);
	free(full);
}

static void
get_image(struct ctx *c, const struct slot *s)
{
	const struct json_pos p = deck_pos_of(c, s->n)->at;
	const char *rel, *problem;

	rel = deck_take_string(c, s->n, s->path,
	                       "empty; give the image's file name");
	if (!rel)
		return;
	if ((problem = picture_path_problem(s->n.j->valuestring)))
		deck_value_error(c, s->n, s->path, "%s", problem);
	else if (c->dir)
		check_image_file(c, s, rel);
	*(const char **)at(s) = rel;
	if (s->f->at) /* a slide's picture keeps its place; a logo has none */
		*(struct deck_where *)((char *)s->base + s->f->at) =
		        (struct deck_where){ p.line, p.col };
}

/* Slides */

/* Works out the slide's layout: given, or from its content keys. */
static void
slide_use(struct ctx *c, struct node slide, const char *parent, struct use *use)
{
	char path[PATH_LEN];
	struct node n;

	use->inferred = NULL;
	if (deck_find_member(c, slide, "layout", &n)) {
		deck_path_key(path, parent, "layout");
		use->layout = deck_take_name(c, n, path, &deck_layouts);
		use->bit = use->layout < 0 ? 0 : 1u << use->layout;
		return;
	}
	use->layout = DECK_LAYOUT_TITLE;
	use->inferred = "";
	for (size_t k = 0; k < deck_n_inference && !*use->inferred; k++) {
		if (deck_find_member(c, slide, deck_inference[k].key, &n)) {
			use->layout = (int)deck_inference[k].layout;
			use->inferred = deck_inference[k].key;
		}
	}
	use->bit = 1u << use->layout;
}

static void
add_id(struct ctx *c, const char *id, size_t slide, struct node value)
{
	c->ids = util_grow(c->ids, c->n_ids, &c->cap_ids, sizeof(*c->ids), 64);
	c->ids[c->n_ids++] = (struct id_ref){ id, slide, value.i };
}

static void
check_slide(struct ctx *c, struct node n, const char *path,
            struct deck_slide *slide, size_t index)
{
	struct use use;
	struct node id;

	slide->transition = -1;
	slide->line = (int)deck_pos_of(c, n)->at.line;
	if (!deck_is_type(c, n, path, cJSON_Object,
	                  "an object such as {\"title\": \"...\"}"))
		return;
	slide_use(c, n, path, &use);
	slide->layout = use.layout < 0 ? DECK_LAYOUT_TITLE
	                               : (enum deck_layout)use.layout;
	check_object(c, n, path, deck_spec(DECK_OBJECT_SLIDE), slide, &use);
	if (use.layout == DECK_LAYOUT_SPLIT)
		deck_check_split(c, n, path, slide);
	if (slide->id && deck_find_member(c, n, "id", &id))
		add_id(c, slide->id, index, id);
}

static void
get_slides(struct ctx *c, const struct slot *s)
{
	struct deck *deck = s->base;
	size_t count = deck_count_children(s->n), k = 0;
	char path[PATH_LEN];

	if (!deck_is_type(c, s->n, s->path, cJSON_Array, "an array of slides"))
		return;
	if (count == 0) {
		deck_value_error(c, s->n, s->path,
		                 "empty; a deck needs at least one slide, e.g. "
		                 "[{\"title\": \"Welcome\"}]");
		return;
	}
	if (count > DECK_MAX_SLIDES) {
		deck_value_error(c, s->n, s->path,
		                 "%zu slides; a deck may have at most %d",
		                 count, DECK_MAX_SLIDES);
		return;
	}
	deck->slides =
	        deck_arena_alloc(c->arena, count * sizeof(*deck->slides));
	deck->n_slides = count;
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k);
		check_slide(c, e, path, &deck->slides[k], k);
		k++;
	}
}

static int
compare_ids(const void *a, const void *b)
{
	const struct id_ref *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	return d ? d : (x->slide > y->slide) - (x->slide < y->slide);
}

/* Reports every slide whose id an earlier slide has already. */
void
deck_check_ids(struct ctx *c)
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
		deck_value_error(
		        c, n, path,
		        "duplicate id %s; slides[%zu] (%u:%u) has it too",
		        deck_quote(q, r->id), first->slide, (unsigned)p.line,
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
	[K_ZONE] = deck_get_zone,
	[K_TIME] = deck_get_time,
	[K_DATES] = deck_get_dates,
	[K_DAYS] = deck_get_days,
	[K_HM] = deck_get_hm,
	[K_WHEN] = get_when,
	[K_LOGOS] = deck_get_logos,
	[K_QR] = deck_get_qr,
	[K_SCHEDULE] = deck_get_schedule,
	[K_LANGUAGES] = deck_get_languages,
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
	const char *keys[MAX_KEYS + 1];
	const char *best =
	        deck_closest(m.j->string, deck_spec_keys(spec, keys));
	char list[300];

	if (best)
		deck_key_error(c, m, path, "unknown key; did you mean \"%s\"?",
		               best);
	else
		deck_key_error(c, m, path, "unknown key; %s takes %s",
		               spec->noun,
		               deck_join(list, sizeof(list), keys, false));
}

static void
duplicate_key(struct ctx *c, struct node m, const char *path, uint32_t first)
{
	struct json_pos p = c->scan.v[first].key;

	deck_key_error(c, m, path,
	               "duplicate key, first given at %u:%u; remove one",
	               (unsigned)p.line, (unsigned)p.col);
}

/* The layout a key belongs to, for hints: the first that needs it, else
 * the first that uses it. */
static const char *
home_layout(const struct field *f)
{
	unsigned bits = f->needs & ALL_LAYOUTS ? f->needs : f->uses;

	return deck_layout_name((enum deck_layout)(ffs((int)bits) - 1));
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
	deck_key_error(
	        c, m, path,
	        "not used by a \"%s\" slide%s; remove it or set \"layout\": "
	        "\"%s\"",
	        deck_layout_name((enum deck_layout)use->layout), why,
	        home_layout(f));
}

static void
check_member(struct ctx *c, struct node m, const char *parent,
             const struct spec *spec, void *base, const struct use *use,
             struct seen *seen)
{
	char path[PATH_LEN];
	int k = deck_key_index(spec, m.j->string);
	struct slot s = { m, path, NULL, base, false };

	deck_path_key(path, parent, m.j->string);
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
		deck_value_error(
		        c, obj, path, "a \"%s\" slide needs \"%s\"",
		        deck_layout_name((enum deck_layout)use->layout), key);
	else
		deck_value_error(c, obj, path, "%s needs \"%s\"", spec->noun,
		                 key);
}

/* Checks every member of obj against spec and stores them in base. */
static void
check_object(struct ctx *c, struct node obj, const char *path,
             const struct spec *spec, void *base, const struct use *use)
{
	struct seen seen = { 0 };

	for (struct node m = deck_first_child(obj); m.j;
	     m = deck_next_child(c, m))
		check_member(c, m, path, spec, base, use, &seen);
	for (size_t k = 0; k < spec->n; k++)
		if ((spec->fields[k].needs & use->bit) &&
		    !(seen.mask & (1u << k)))
			missing_key(c, obj, path, spec, spec->fields[k].key,
			            use);
}

void
deck_check_object(struct ctx *c, struct node obj, const char *path,
                  const struct spec *spec, void *base, const struct use *use)
{
	check_object(c, obj, path, spec, base, use);
}

/* The deck */

/* The line of theme.text, else of theme, else 0; for lint's messages. */
static int
theme_line(struct ctx *c, struct node root)
{
	struct node theme, text;

	if (!deck_find_member(c, root, "theme", &theme))
		return 0;
	if (cJSON_IsObject(theme.j) &&
	    deck_find_member(c, theme, "text", &text))
		return (int)deck_pos_of(c, text)->at.line;
	return (int)deck_pos_of(c, theme)->at.line;
}

void
deck_check_announcement(struct ctx *c, const cJSON *root,
                        struct deck_slide *slide)
{
	static const struct use any = { ANY, -1, NULL };
	struct node n = { root, 0 };

	if (!cJSON_IsObject(root)) {
		deck_value_error(c, n, "",
		                 "an announcement is an object such as "
		                 "{\"text\": \"The session moves to Room 2\"}, "
		                 "got %s",
		                 deck_type_name(root));
		return;
	}
	check_object(c, n, "", deck_spec(DECK_OBJECT_ANNOUNCEMENT), slide,
	             &any);
}

void
deck_check_root(struct ctx *c, const cJSON *root, struct deck *deck)
{
	static const struct use any = { ANY, -1, NULL };
	struct node n = { root, 0 };

	if (!cJSON_IsObject(root)) {
		deck_value_error(
		        c, n, "",
		        "a deck is an object such as {\"slides\": [ ... ]}, "
		        "got %s",
		        deck_type_name(root));
		return;
	}
	deck_read_languages(c, n, deck);
	check_object(c, n, "", deck_spec(DECK_OBJECT_ROOT), deck, &any);
	deck->theme.line = theme_line(c, n);
	if (!deck->title)
		deck->title = deck->event.name;
}
