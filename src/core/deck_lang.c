/*
 * deck_lang: a deck's languages and its texts' translations; see
 * deck_schema.h.
 *
 * Any text may be one string or an object of translations keyed by the
 * BCP 47 tags of the deck's "languages" (the first the default):
 *	"title": {"en": "Partners", "pt": "Parceiros"}
 * The loader reads the deck once per language (deck.c), each pass taking
 * every text in that language, or the default's where it has none. The
 * first pass checks every translation and reports bad, unknown and
 * duplicate tags as errors and missing translations as one warning a
 * text; the later passes report nothing new.
 */
#include "deck_schema.h"

#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "util.h"

/* Languages */

static void
take_language(struct ctx *c, struct node e, const char *path,
              struct deck_strings *l)
{
	char why[120], q[QUOTE_BUF];
	const char *tag;
	int k;

	if (!deck_is_type(c, e, path, cJSON_String,
	                  "a language tag such as \"en\" or \"pt-BR\""))
		return;
	tag = e.j->valuestring;
	if (lang_tag_check(tag, why, sizeof(why)) < 0) {
		deck_value_error(c, e, path,
		                 "malformed language tag %s: %s; write BCP 47 "
		                 "tags such as \"pt\" or \"pt-BR\"",
		                 deck_quote(q, tag), why);
		return;
	}
	for (k = 0; k < (int)l->n && strcmp(l->v[k], tag); k++)
		;
	if (k < (int)l->n)
		deck_value_error(c, e, path,
		                 "%s is listed twice (languages[%d]); remove "
		                 "one",
		                 deck_quote(q, tag), k);
	else
		l->v[l->n++] = deck_arena_str(c->arena, tag);
}

void
deck_read_languages(struct ctx *c, struct node root, struct deck *deck)
{
	struct deck_strings *l = &deck->languages;
	char path[PATH_LEN];
	struct node n;
	size_t count, k = 0;

	if (c->languages) { /* a later pass: read by the first */
		*l = *c->languages;
		return;
	}
	if (!deck_find_member(c, root, "languages", &n) ||
	    !deck_is_type(c, n, "languages", cJSON_Array,
	                  "an array of language tags such as [\"en\", \"pt\"]"))
		return;
	count = deck_count_children(n);
	if (count == 0 || count > DECK_MAX_LANGUAGES) {
		deck_value_error(c, n, "languages",
		                 "%zu languages; give 1 to %d tags, the "
		                 "default first, e.g. [\"en\", \"pt\"]",
		                 count, DECK_MAX_LANGUAGES);
		return;
	}
	l->v = deck_arena_alloc(c->arena, count * sizeof(*l->v));
	for (struct node e = deck_first_child(n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, "languages", k++);
		take_language(c, e, path, l);
	}
	if (l->n)
		c->languages = l;
}

void
deck_get_languages(struct ctx *c, const struct slot *s)
{
	(void)c, (void)s; /* read first, by deck_read_languages */
}

/* Translations */

/* The index of tag in the deck's languages, or -1. */
static int
language_index(const struct ctx *c, const char *tag)
{
	for (size_t k = 0; k < c->languages->n; k++)
		if (!strcmp(tag, c->languages->v[k]))
			return (int)k;
	return -1;
}

/* Reports a key of a translation object that is no language of the
 * deck's. */
static void
bad_tag(struct ctx *c, struct node m, const char *path)
{
	char why[120], list[300], q[QUOTE_BUF];
	const char *tag = m.j->string, *best;
	const char *v[DECK_MAX_LANGUAGES + 1];

	if (lang_tag_check(tag, why, sizeof(why)) < 0) {
		deck_key_error(c, m, path,
		               "malformed language tag %s: %s; write BCP 47 "
		               "tags such as \"pt\" or \"pt-BR\"",
		               deck_quote(q, tag), why);
		return;
	}
	memcpy(v, c->languages->v, c->languages->n * sizeof(*v));
	v[c->languages->n] = NULL;
	deck_join(list, sizeof(list), v, true);
	best = deck_closest(tag, v);
	if (best)
		deck_key_error(c, m, path,
		               "language %s is not in \"languages\" (%s); did "
		               "you mean \"%s\"?",
		               deck_quote(q, tag), list, best);
	else
		deck_key_error(c, m, path,
		               "language %s is not in \"languages\" (%s); add "
		               "it there or remove this translation",
		               deck_quote(q, tag), list);
}

/* Warns once (in the first pass) of the languages obj has no text in. */
static void
warn_missing(struct ctx *c, struct node obj, const char *path,
             const bool *found)
{
	char list[300] = "";
	size_t used = 0, missing = 0;

	for (size_t k = 1; k < c->languages->n; k++) {
		if (found[k] || used >= sizeof(list))
			continue;
		used += (size_t)snprintf(list + used, sizeof(list) - used,
		                         "%s\"%s\"", missing ? ", " : "",
		                         c->languages->v[k]);
		missing++;
	}
	if (missing)
		deck_value_warning(c, obj, path,
		                   "no translation into %s; the \"%s\" text is "
		                   "shown there",
		                   list, c->languages->v[0]);
}

/*
 * The translation of obj for the language being read into *out (the
 * default's when it has none). Reports bad tags and, in the first pass,
 * missing translations. False when there is nothing to show.
 */
static bool
choose(struct ctx *c, struct node obj, const char *path, struct node *out)
{
	bool found[DECK_MAX_LANGUAGES] = { false };
	struct node at[DECK_MAX_LANGUAGES];
	char mpath[PATH_LEN];
	int k;

	if (!c->languages || c->translating) {
		deck_value_error(c, obj, path,
		                 c->translating
		                         ? "expected a string, got an object "
		                           "inside a translation"
		                         : "expected a string, got an object; "
		                           "an object of translations needs "
		                           "the deck's \"languages\", e.g. "
		                           "\"languages\": [\"en\", \"pt\"]");
		return false;
	}
	for (struct node m = deck_first_child(obj); m.j;
	     m = deck_next_child(c, m)) {
		deck_path_key(mpath, path, m.j->string);
		if ((k = language_index(c, m.j->string)) < 0)
			bad_tag(c, m, mpath);
		else if (found[k])
			deck_key_error(c, m, mpath,
			               "duplicate translation; remove one");
		else
			found[k] = true, at[k] = m;
	}
	if (!found[0]) {
		deck_value_error(c, obj, path,
		                 "no \"%s\" text; the default language (the "
		                 "first of \"languages\") needs one",
		                 c->languages->v[0]);
		return false;
	}
	if (!c->quiet)
		warn_missing(c, obj, path, found);
	*out = at[found[c->lang] ? c->lang : 0];
	c->fell_back = !found[c->lang];
	return true;
}

/* Notes s as a text in the default language, when it fell back. */
static void
note_fallback(struct ctx *c, const char *s)
{
	if (!c->fell_back || !s || c->lang == 0)
		return;
	c->fallbacks = util_grow(c->fallbacks, c->n_fallbacks,
	                         &c->cap_fallbacks, sizeof(*c->fallbacks), 64);
	c->fallbacks[c->n_fallbacks++] =
	        (struct deck_text_span){ s, strlen(s) };
}

const char *
deck_take_text(struct ctx *c, struct node n, const char *path,
               const char *blank_msg)
{
	char mpath[PATH_LEN];
	const char *s = NULL;
	struct node pick;

	if (!cJSON_IsObject(n.j) || !choose(c, n, path, &pick))
		return cJSON_IsObject(n.j)
		               ? NULL
		               : deck_take_string(c, n, path, blank_msg);
	c->translating = true;
	for (struct node m = deck_first_child(n); m.j && !c->quiet;
	     m = deck_next_child(c, m)) {
		deck_path_key(mpath, path, m.j->string);
		if (m.i != pick.i && language_index(c, m.j->string) >= 0)
			deck_take_string(c, m, mpath, blank_msg);
	}
	deck_path_key(mpath, path, pick.j->string);
	s = deck_take_string(c, pick, mpath, blank_msg);
	note_fallback(c, s);
	c->translating = false;
	return s;
}

bool
deck_take_translated(struct ctx *c, const struct slot *s,
                     void (*take)(struct ctx *c, const struct slot *s))
{
	struct deck_strings *list =
	        (struct deck_strings *)((char *)s->base + s->f->off);
	char mpath[PATH_LEN];
	struct slot t = *s;
	struct node pick;

	if (!cJSON_IsObject(s->n.j) || c->translating)
		return false;
	if (!choose(c, s->n, s->path, &pick))
		return true;
	c->translating = true;
	t.path = mpath;
	for (struct node m = deck_first_child(s->n); m.j && !c->quiet;
	     m = deck_next_child(c, m)) {
		if (m.i == pick.i || language_index(c, m.j->string) < 0)
			continue;
		deck_path_key(mpath, s->path, m.j->string);
		t.n = m;
		*list = (struct deck_strings){ NULL, 0 };
		take(c, &t);
	}
	deck_path_key(mpath, s->path, pick.j->string);
	t.n = pick;
	*list = (struct deck_strings){ NULL, 0 };
	take(c, &t);
	for (size_t k = 0; k < list->n; k++)
		note_fallback(c, list->v[k]);
	c->translating = false;
	return true;
}
