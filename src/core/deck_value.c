/*
 * deck_value: the messages of the deck loader and the checks of one value;
 * see deck_schema.h.
 *
 * Every problem is reported as "FILE:LINE:COL: PATH: message", at the value
 * or at its key, with quoted deck text clipped at a character boundary and
 * a hint where one helps ("remove the quotes", "did you mean ..."). A value
 * that passes its check (a string, number, colour, enum name or list of
 * strings) is copied into the deck's arena.
 */
#include "deck_schema.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Messages */

/* Bytes of s that fit in a message, cut at a character boundary. */
static int
clip_len(const char *s)
{
	return (int)util_utf8_clip(s, strnlen(s, QUOTE_LEN + 1), QUOTE_LEN);
}

/* Writes s in double quotes, clipped, into buf; returns buf. */
const char *
deck_quote(char buf[QUOTE_BUF], const char *s)
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

void
deck_path_key(char out[PATH_LEN], const char *parent, const char *key)
{
	const char *shown = *key ? key : "\"\"";
	int n = clip_len(shown);

	path_end(out,
	         snprintf(out, PATH_LEN, "%s%s%.*s%s", parent,
	                  *parent ? "." : "", n, shown, shown[n] ? "..." : ""));
}

void
deck_path_index(char out[PATH_LEN], const char *parent, size_t i)
{
	path_end(out, snprintf(out, PATH_LEN, "%s[%zu]", parent, i));
}

static void
verror(struct ctx *c, struct json_pos at, const char *path, const char *fmt,
       va_list ap)
{
	char msg[768];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	report_error(c->rep, "%s:%u:%u: %s%s%s", c->name, (unsigned)at.line,
	             (unsigned)at.col, path, *path ? ": " : "", msg);
	c->errors++;
}

const struct json_value_pos *
deck_pos_of(const struct ctx *c, struct node n)
{
	assert(n.i < c->scan.n);
	return &c->scan.v[n.i];
}

/* Reports a problem with n's value, at the value. */
void
deck_value_error(struct ctx *c, struct node n, const char *path,
                 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, deck_pos_of(c, n)->at, path, fmt, ap);
	va_end(ap);
}

/* Reports a problem with n's key, at the key. */
void
deck_key_error(struct ctx *c, struct node n, const char *path, const char *fmt,
               ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, deck_pos_of(c, n)->key, path, fmt, ap);
	va_end(ap);
}

void
deck_value_warning(struct ctx *c, struct node n, const char *path,
                   const char *fmt, ...)
{
	struct json_pos at = deck_pos_of(c, n)->at;
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_warning(c->rep, "%s:%u:%u: %s%s%s", c->name, (unsigned)at.line,
	               (unsigned)at.col, path, *path ? ": " : "", msg);
}

/* The name in names closest to word, when it is close enough. */
const char *
deck_closest(const char *word, const char *const *names)
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
const char *
deck_join(char *buf, size_t size, const char *const *names, bool quoted)
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

struct node
deck_first_child(struct node n)
{
	return (struct node){ n.j->child, n.i + 1 };
}

struct node
deck_next_child(const struct ctx *c, struct node n)
{
	return (struct node){ n.j->next, deck_pos_of(c, n)->next };
}

size_t
deck_count_children(struct node n)
{
	size_t k = 0;

	for (const cJSON *j = n.j->child; j; j = j->next)
		k++;
	return k;
}

/* Finds obj's first member named key (out->j is NULL when there is none). */
bool
deck_find_member(const struct ctx *c, struct node obj, const char *key,
                 struct node *out)
{
	*out = deck_first_child(obj);
	while (out->j && strcmp(out->j->string, key) != 0)
		*out = deck_next_child(c, *out);
	return out->j != NULL;
}

const char *
deck_type_name(const cJSON *j)
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
bool
deck_is_type(struct ctx *c, struct node n, const char *path, int types,
             const char *what)
{
	if (n.j->type & types)
		return true;
	deck_value_error(c, n, path, "expected %s, got %s%s", what,
	                 deck_type_name(n.j), type_hint(n.j, types));
	return false;
}

/* Like is_type for a string that names something (a colour, a mode), so
 * without the hint to quote a number. */
static bool
is_name_type(struct ctx *c, struct node n, const char *path, const char *what)
{
	if (cJSON_IsString(n.j))
		return true;
	deck_value_error(c, n, path, "expected %s, got %s", what,
	                 deck_type_name(n.j));
	return false;
}

/* Text */

/* The first control character in s other than \n and \t, or 0. */
unsigned
deck_find_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return *p;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
			return p[1];
	}
	return 0;
}

bool
deck_is_blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/*
 * Checks n is a string without control characters and copies it into the
 * arena. Returns NULL after reporting, or when it is blank: an error with
 * blank_msg, unless that is NULL.
 */
const char *
deck_take_string(struct ctx *c, struct node n, const char *path,
                 const char *blank_msg)
{
	const char *s;
	unsigned ctl;

	if (!deck_is_type(c, n, path, cJSON_String, "a string"))
		return NULL;
	s = n.j->valuestring;
	if ((ctl = deck_find_control(s)) == '\r')
		deck_value_error(c, n, path,
		                 "carriage return (\\r) in the text; "
		                 "write \\n for a line break");
	else if (ctl)
		deck_value_error(
		        c, n, path,
		        "control character U+%04X in the text; remove it", ctl);
	else if (deck_is_blank(s) && blank_msg)
		deck_value_error(c, n, path, "%s", blank_msg);
	else if (!deck_is_blank(s))
		return deck_arena_str(c->arena, s);
	return NULL;
}

const char *
deck_blank_msg(const struct slot *s)
{
	if (s->needed)
		return "empty; give some text";
	return s->f->nonempty ? "empty; give some text or remove it" : NULL;
}

/* Numbers */

/* Whether v is in the field's range; reports it when it is not. */
static bool
in_range(struct ctx *c, const struct slot *s, double v)
{
	const char *unit = s->f->more;
	char num[40];

	if (v >= s->f->min && v <= s->f->max)
		return true;
	if (isfinite(v))
		snprintf(num, sizeof(num), "%.15g", v);
	else
		snprintf(num, sizeof(num), "a number this large");
	deck_value_error(
	        c, s->n, s->path, "%s is out of range; give %g to %g%s%s", num,
	        s->f->min, s->f->max, unit ? " " : "", unit ? unit : "");
	return false;
}

/* Checks s is a number in the field's range; false after reporting. */
bool
deck_take_number(struct ctx *c, const struct slot *s, double *out)
{
	if (!deck_is_type(c, s->n, s->path, cJSON_Number, "a number"))
		return false;
	*out = s->n.j->valuedouble;
	return in_range(c, s, *out);
}

/* Colours */

/* Parses "#rrggbb"; with short, "#rgb" too. */
static bool
parse_color(const char *s, struct deck_color *out, bool short_ok)
{
	size_t len = strlen(s), step = len == 4 && short_ok ? 1 : 2;
	uint8_t v[3];

	if (s[0] != '#' || (len != 7 && step == 2))
		return false;
	for (size_t k = 0; k < 3; k++) {
		int hi = util_hex_digit(s[1 + k * step]),
		    lo = util_hex_digit(s[step * k + step]);

		if (hi < 0 || lo < 0)
			return false;
		v[k] = (uint8_t)(step == 1 ? hi * 17 : hi * 16 + lo);
	}
	*out = (struct deck_color){ v[0], v[1], v[2] };
	return true;
}

/* Checks s is a colour "#rrggbb" and stores it in *out. */
bool
deck_take_color(struct ctx *c, const struct slot *s, struct deck_color *out)
{
	const char *str;
	char q[QUOTE_BUF];

	if (!is_name_type(c, s->n, s->path, "a colour \"#rrggbb\""))
		return false;
	str = s->n.j->valuestring;
	if (parse_color(str, out, false))
		return true;
	if (parse_color(str, out, true))
		deck_value_error(
		        c, s->n, s->path,
		        "write colours with six hex digits: \"#%c%c%c%c%c%c\"",
		        str[1], str[1], str[2], str[2], str[3], str[3]);
	else
		deck_value_error(
		        c, s->n, s->path,
		        "expected a colour \"#rrggbb\" such as \"#10243e\", "
		        "got %s",
		        deck_quote(q, str));
	return false;
}

/* Enums */

int
deck_name_index(const char *s, const char *const *names)
{
	for (int k = 0; names[k]; k++)
		if (strcmp(s, names[k]) == 0)
			return k;
	return -1;
}

/* Looks up n's string among names; -1 after reporting. */
int
deck_take_name(struct ctx *c, struct node n, const char *path,
               const struct names *names)
{
	char list[200], what[240], q[QUOTE_BUF];
	const char *best;
	int k;

	deck_join(list, sizeof(list), names->v, true);
	snprintf(what, sizeof(what), "a %s name (%s)", names->what, list);
	if (!is_name_type(c, n, path, what))
		return -1;
	if ((k = deck_name_index(n.j->valuestring, names->v)) >= 0)
		return k;
	best = deck_closest(n.j->valuestring, names->v);
	if (best)
		deck_value_error(c, n, path,
		                 "unknown %s %s; expected %s (did you mean "
		                 "\"%s\"?)",
		                 names->what, deck_quote(q, n.j->valuestring),
		                 list, best);
	else
		deck_value_error(c, n, path, "unknown %s %s; expected %s",
		                 names->what, deck_quote(q, n.j->valuestring),
		                 list);
	return -1;
}

/* Lists */

/* Checks a list of count items of the noun fits on a slide. */
bool
deck_count_ok(struct ctx *c, const struct slot *s, size_t count,
              const char *noun)
{
	if (count == 0)
		deck_value_error(c, s->n, s->path, "empty; give 1 to %d %s",
		                 DECK_MAX_ITEMS, noun);
	else if (count > DECK_MAX_ITEMS)
		deck_value_error(c, s->n, s->path,
		                 "%zu %s; at most %d fit on a slide", count,
		                 noun, DECK_MAX_ITEMS);
	return count > 0 && count <= DECK_MAX_ITEMS;
}

/* Fills list from the array of strings at s. */
void
deck_take_list(struct ctx *c, const struct slot *s, struct deck_strings *list)
{
	size_t count = deck_count_children(s->n), k = 0;
	char path[PATH_LEN];

	if (!deck_count_ok(c, s, count, s->f->more))
		return;
	list->v = deck_arena_alloc(c->arena, count * sizeof(*list->v));
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k++);
		list->v[list->n] = deck_take_text(c, e, path,
		                                  "empty; give some "
		                                  "text or remove it");
		list->n += list->v[list->n] != NULL;
	}
}
