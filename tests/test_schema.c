/*
 * test_schema: slides/deck.schema.json must describe the deck the loader
 * reads. For every JSON object of a deck, the keys deck_keys() returns and
 * the keys of the schema's "properties" for that object are the same set;
 * the schema's enums match the loader's names, and its limits match deck.h.
 * Every key or name found on one side only is reported by name.
 *
 * Run from the repository's root, or give the schema's path as argv[1].
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "check.h"
#include "deck.h"

#define SCHEMA_PATH "slides/deck.schema.json"

static cJSON *schema; /* owned; NULL when the file did not load */

/* Where each deck object's schema is, as property names to walk from the
 * root; "items" steps into an array's items, "$ref"s are followed. */
static const struct {
	enum deck_object object;
	const char *name;
	const char *path[4];
} objects[] = {
	{ DECK_OBJECT_ROOT, "top level", { NULL } },
	{ DECK_OBJECT_EVENT, "event", { "event", NULL } },
	{ DECK_OBJECT_THEME, "theme", { "theme", NULL } },
	{ DECK_OBJECT_SETTINGS, "settings", { "settings", NULL } },
	{ DECK_OBJECT_SLIDE, "slide", { "slides", "items", NULL } },
	{ DECK_OBJECT_CARD, "card", { "slides", "items", "cards", "items" } },
	{ DECK_OBJECT_CONTACT,
	  "contact",
	  { "slides", "items", "contact", NULL } },
	{ DECK_OBJECT_WHEN, "when", { "slides", "items", "when", NULL } },
};
#define N_OBJECTS (sizeof objects / sizeof objects[0])

static size_t current; /* index into objects of the test being run */

/* Returns the file's bytes, NUL-terminated, in a malloc'd buffer the caller
 * frees, or NULL. */
static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto out_close;
	buf = malloc((size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[len] = '\0';
out_close:
	fclose(f);
	return buf;
}

/* The member of node named by the len bytes at name; borrowed, or NULL. */
static const cJSON *
member(const cJSON *node, const char *name, size_t len)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, node) {
		if (m->string && strlen(m->string) == len &&
		    memcmp(m->string, name, len) == 0)
			return m;
	}
	return NULL;
}

/* Follows local "$ref"s ("#/$defs/name", any "#/a/b" pointer without
 * escapes) from node until a schema without "$ref" is reached. Borrowed;
 * NULL when a reference is broken. */
static const cJSON *
resolve(const cJSON *node)
{
	for (int hops = 0; node && hops < 16; hops++) {
		const cJSON *ref =
		        cJSON_GetObjectItemCaseSensitive(node, "$ref");
		const char *p;

		if (!cJSON_IsString(ref))
			return node;
		if (strncmp(ref->valuestring, "#/", 2) != 0)
			return NULL;
		node = schema;
		for (p = ref->valuestring + 2; node && *p;) {
			size_t len = strcspn(p, "/");

			node = member(node, p, len);
			p += len + (p[len] == '/');
		}
	}
	return NULL;
}

/* The index of object in objects[]. */
static size_t
object_index(enum deck_object object)
{
	size_t i = 0;

	while (i + 1 < N_OBJECTS && objects[i].object != object)
		i++;
	return i;
}

/* The "properties" object of objects[i]'s schema; borrowed, or NULL. */
static const cJSON *
schema_properties(size_t i)
{
	const cJSON *node = resolve(schema);

	for (size_t k = 0; k < 4 && objects[i].path[k] && node; k++) {
		const char *step = objects[i].path[k];

		if (strcmp(step, "items") != 0)
			node = cJSON_GetObjectItemCaseSensitive(node,
			                                        "properties");
		node = resolve(cJSON_GetObjectItemCaseSensitive(node, step));
	}
	return cJSON_GetObjectItemCaseSensitive(node, "properties");
}

/* The schema of one property of object, "$ref"s followed; borrowed, or
 * NULL. */
static const cJSON *
schema_property(enum deck_object object, const char *key)
{
	return resolve(cJSON_GetObjectItemCaseSensitive(
	        schema_properties(object_index(object)), key));
}

static bool
in_keys(const char *const *keys, const char *key)
{
	for (; keys && *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return true;
	return false;
}

/* Both directions: every loader key in the schema, every schema key known
 * to the loader. */
static void
test_keys(void)
{
	const char *name = objects[current].name;
	const char *const *keys = deck_keys(objects[current].object);
	const cJSON *props = schema_properties(current);
	const cJSON *p;

	CHECK(keys != NULL);
	CHECK(cJSON_IsObject(props));
	for (const char *const *k = keys; k && *k; k++) {
		bool found =
		        cJSON_GetObjectItemCaseSensitive(props, *k) != NULL;

		if (!found)
			fprintf(stderr,
			        "%s: \"%s\" is read by the loader but "
			        "missing from the schema\n",
			        name, *k);
		CHECK(found);
	}
	cJSON_ArrayForEach(p, props) {
		bool found = in_keys(keys, p->string);

		if (!found)
			fprintf(stderr,
			        "%s: \"%s\" is in the schema but "
			        "unknown to the loader\n",
			        name, p->string);
		CHECK(found);
	}
}

/* Checks that the "enum" of a property of object holds exactly the names
 * name(0) .. name(count - 1). */
static void
check_enum(enum deck_object object, const char *key, const char *(*name)(int),
           int count)
{
	const cJSON *prop = schema_property(object, key);
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(prop, "enum");
	const cJSON *v;

	CHECK(cJSON_IsArray(e));
	CHECK_INT(cJSON_GetArraySize(e), count);
	for (int k = 0; k < count; k++) {
		bool found = false;

		cJSON_ArrayForEach(v, e) {
			if (cJSON_IsString(v) &&
			    strcmp(v->valuestring, name(k)) == 0)
				found = true;
		}
		if (!found)
			fprintf(stderr, "%s.%s: \"%s\" missing from the enum\n",
			        objects[object_index(object)].name, key,
			        name(k));
		CHECK(found);
	}
}

static const char *
layout_name(int i)
{
	return deck_layout_name((enum deck_layout)i);
}

static const char *
transition_name(int i)
{
	return deck_transition_name((enum deck_transition)i);
}

static const char *
mode_name(int i)
{
	return deck_mode_name((enum deck_mode)i);
}

static const char *
font_name(int i)
{
	return deck_font_name((enum deck_font)i);
}

static void
test_enums(void)
{
	check_enum(DECK_OBJECT_SLIDE, "layout", layout_name, DECK_LAYOUT_COUNT);
	check_enum(DECK_OBJECT_SLIDE, "transition", transition_name,
	           DECK_TRANSITION_COUNT);
	check_enum(DECK_OBJECT_SETTINGS, "transition", transition_name,
	           DECK_TRANSITION_COUNT);
	check_enum(DECK_OBJECT_SETTINGS, "mode", mode_name,
	           DECK_MODE_KIOSK + 1);
	check_enum(DECK_OBJECT_THEME, "heading_font", font_name,
	           DECK_FONT_COUNT);
	check_enum(DECK_OBJECT_THEME, "body_font", font_name, DECK_FONT_COUNT);
}

/* The number keyword of a property of object, or -1. */
static double
limit(enum deck_object object, const char *key, const char *keyword)
{
	const cJSON *p = schema_property(object, key);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, keyword);
	const cJSON *any = cJSON_GetObjectItemCaseSensitive(p, "anyOf");

	/* text that may be translated: the plain form comes first */
	if (!v && cJSON_IsArray(any))
		v = cJSON_GetObjectItemCaseSensitive(
		        resolve(cJSON_GetArrayItem(any, 0)), keyword);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static void
test_limits(void)
{
	CHECK_INT(limit(DECK_OBJECT_ROOT, "slides", "minItems"), 1);
	CHECK_INT(limit(DECK_OBJECT_ROOT, "slides", "maxItems"),
	          DECK_MAX_SLIDES);
	CHECK_INT(limit(DECK_OBJECT_SLIDE, "bullets", "maxItems"),
	          DECK_MAX_ITEMS);
	CHECK_INT(limit(DECK_OBJECT_SLIDE, "cards", "maxItems"),
	          DECK_MAX_ITEMS);
	/* strings are a "$ref" to one definition, which holds maxLength */
	CHECK_INT(limit(DECK_OBJECT_SLIDE, "title", "maxLength"),
	          DECK_MAX_STRING);
	CHECK_INT(limit(DECK_OBJECT_SLIDE, "notes", "maxLength"),
	          DECK_MAX_STRING);
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : SCHEMA_PATH;
	char *text = read_file(path);

	schema = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!schema)
		fprintf(stderr, "test_schema: cannot read or parse %s\n", path);
	for (current = 0; current < N_OBJECTS; current++)
		check_run(objects[current].name, test_keys);
	RUN(test_enums);
	RUN(test_limits);
	cJSON_Delete(schema);
	return check_done("test_schema");
}
