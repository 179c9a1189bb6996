/*
 * json_scan: the strict JSON checker; see json_scan.h.
 *
 * A state machine over the bytes: `want` says what may come next and a
 * stack of open arrays and objects says where each one was opened. Line and
 * column come from a cursor that moves forward only (it restarts when asked
 * about an earlier offset), so a scan is linear in the input.
 */
#include "json_scan.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define QUOTE_MAX 40 /* bytes of the input quoted in a message */

enum want {
	WANT_VALUE,       /* at the start, or after ':' */
	WANT_FIRST_VALUE, /* after '[': a value or ']' */
	WANT_NEXT_VALUE,  /* after ',' in an array */
	WANT_FIRST_KEY,   /* after '{': a key or '}' */
	WANT_NEXT_KEY,    /* after ',' in an object */
	WANT_COLON,       /* after a key */
	WANT_AFTER,       /* after a value in an array or object */
	WANT_END,         /* after the top-level value */
};

struct frame {
	unsigned char close; /* ']' or '}' */
	struct json_pos at;  /* where it was opened */
	uint32_t index;      /* its value's index */
};

struct scanner {
	const unsigned char *s;
	size_t len, i;
	const struct json_limits *lim;
	struct json_scan *out;
	enum want want;
	struct frame stack[JSON_SCAN_MAX_DEPTH];
	unsigned depth;
	size_t cur_off;          /* the position cursor's offset */
	struct json_pos cur;     /* and its line and column */
	struct json_pos key;     /* the key of the value that comes next, */
	bool has_key;            /* when there is one */
	size_t key_off, key_len; /* the last key as written, for messages */
	size_t comma;            /* offset of the last ',' */
};

static int fail(struct scanner *sc, size_t off, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Line and column of byte off; moves the cursor there. */
static struct json_pos
pos_at(struct scanner *sc, size_t off)
{
	const char *s = (const char *)sc->s, *p, *nl;

	if (off < sc->cur_off) {
		sc->cur_off = sc->out->bom;
		sc->cur = (struct json_pos){ 1, 1 };
	}
	p = s + sc->cur_off;
	while ((nl = memchr(p, '\n', (size_t)(s + off - p)))) {
		sc->cur.line++;
		sc->cur.col = 1;
		p = nl + 1;
	}
	sc->cur.col += (uint32_t)util_utf8_count(p, (size_t)(s + off - p));
	sc->cur_off = off;
	return sc->cur;
}

/* Records the problem at byte off; returns -1. */
static int
fail(struct scanner *sc, size_t off, const char *fmt, ...)
{
	va_list ap;

	sc->out->err_at = pos_at(sc, off);
	va_start(ap, fmt);
	vsnprintf(sc->out->err, sizeof(sc->out->err), fmt, ap);
	va_end(ap);
	return -1;
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_word_char(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

static bool
is_number_char(unsigned char c)
{
	return is_word_char(c) || c == '.' || c == '+' || c == '-';
}

/* Could c start a value (so a ',' or ':' is what is missing before it)? */
static bool
starts_value(unsigned char c)
{
	return c == '{' || c == '[' || c == '"' || c == '-' || is_word_char(c);
}

/* Length of the run of bytes from off that pass is(). */
static size_t
run_len(const struct scanner *sc, size_t off, bool (*is)(unsigned char))
{
	size_t n = 0;

	while (off + n < sc->len && is(sc->s[off + n]))
		n++;
	return n;
}

/* How many of the n bytes at p fit in a message, cut at a character. */
static int
clip(const unsigned char *p, size_t n)
{
	if (n <= QUOTE_MAX)
		return (int)n;
	n = QUOTE_MAX;
	while (n > 0 && (p[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

/* Writes how the character at off reads in a message into buf. */
static const char *
describe(const struct scanner *sc, size_t off, char *buf, size_t size)
{
	const unsigned char *p = sc->s + off;
	uint32_t cp;
	size_t n;

	if (off >= sc->len)
		return "the end of the file";
	n = util_utf8_decode((const char *)p, sc->len - off, &cp);
	if (*p >= 0x20 && *p < 0x7f)
		snprintf(buf, size, "'%c'", *p);
	else if (n && cp >= 0xa0)
		snprintf(buf, size, "'%.*s' (U+%04X)", (int)n, (const char *)p,
		         (unsigned)cp);
	else if (n)
		snprintf(buf, size, "control character U+%04X", (unsigned)cp);
	else
		snprintf(buf, size, "byte 0x%02X", *p);
	return buf;
}

/* What is wrong with the invalid UTF-8 sequence at p. */
static const char *
utf8_problem(const unsigned char *p, size_t avail)
{
	size_t need;

	if (*p >= 0x80 && *p < 0xc0)
		return "a stray continuation byte";
	if (*p == 0xc0 || *p == 0xc1)
		return "an overlong encoding";
	if (*p >= 0xf5)
		return "a byte that never occurs in UTF-8";
	need = *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
	for (size_t k = 1; k < need; k++)
		if (k >= avail || (p[k] & 0xc0) != 0x80)
			return "a truncated sequence";
	if ((*p == 0xe0 && p[1] < 0xa0) || (*p == 0xf0 && p[1] < 0x90))
		return "an overlong encoding";
	if (*p == 0xed && p[1] >= 0xa0)
		return "a UTF-16 surrogate";
	return "a code point above U+10FFFF";
}

static int
fail_utf8(struct scanner *sc, size_t off)
{
	return fail(sc, off,
	            "invalid UTF-8 (%s, byte 0x%02X); save the file "
	            "as UTF-8",
	            utf8_problem(sc->s + off, sc->len - off), sc->s[off]);
}

static int
fail_nul(struct scanner *sc, size_t off)
{
	return fail(sc, off,
	            "NUL byte; is the file UTF-16 or binary? save "
	            "the deck as UTF-8 text");
}

/*
 * Reports the character at i when it is a NUL byte, invalid UTF-8, a curly
 * quote or a stray byte-order mark, which get their own messages.
 */
static int
odd_char(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	uint32_t cp = 0;
	char buf[40];

	if (*p == 0)
		return fail_nul(sc, sc->i);
	if (*p >= 0x80 &&
	    !util_utf8_decode((const char *)p, sc->len - sc->i, &cp))
		return fail_utf8(sc, sc->i);
	if (cp == 0x201c || cp == 0x201d || cp == 0x2018 || cp == 0x2019)
		return fail(sc, sc->i,
		            "curly quote %s; JSON needs straight double "
		            "quotes (\")",
		            describe(sc, sc->i, buf, sizeof(buf)));
	if (cp == 0xfeff)
		return fail(sc, sc->i,
		            "stray byte-order mark (U+FEFF); "
		            "remove it");
	return 0;
}

/* Reports "expected WHAT, got ..." for the character at i. */
static int
unexpected(struct scanner *sc, const char *what)
{
	char buf[40];

	if (odd_char(sc) < 0)
		return -1;
	return fail(sc, sc->i, "expected %s, got %s", what,
	            describe(sc, sc->i, buf, sizeof(buf)));
}

/* Reports a comment at i; returns 0 when the '/' does not start one. */
static int
comment(struct scanner *sc)
{
	unsigned char next = sc->i + 1 < sc->len ? sc->s[sc->i + 1] : 0;

	if (next == '/')
		return fail(sc, sc->i,
		            "comments are not allowed in JSON; "
		            "remove the '//' comment");
	if (next == '*')
		return fail(sc, sc->i,
		            "comments are not allowed in JSON; "
		            "remove the '/* */' comment");
	return 0;
}

static int
skip_space(struct scanner *sc)
{
	while (sc->i < sc->len) {
		unsigned char c = sc->s[sc->i];

		if (c == '/')
			return comment(sc);
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return 0;
		sc->i++;
	}
	return 0;
}

/* Notes that a value starts at i. */
static int
record(struct scanner *sc)
{
	struct json_scan *out = sc->out;
	struct json_value_pos *v;

	if (out->n == sc->lim->values)
		return fail(sc, sc->i,
		            "more than %zu values; that is far more "
		            "than a deck needs",
		            sc->lim->values);
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 256;
		out->v = xrealloc(out->v, out->cap * sizeof(*out->v));
	}
	v = &out->v[out->n];
	v->at = pos_at(sc, sc->i);
	v->key = sc->has_key ? sc->key : v->at;
	v->next = (uint32_t)(out->n + 1);
	sc->has_key = false;
	out->n++;
	return 0;
}

static void
value_done(struct scanner *sc)
{
	sc->want = sc->depth ? WANT_AFTER : WANT_END;
}

static int
open_container(struct scanner *sc, unsigned char close)
{
	struct frame *f;

	if (sc->depth == sc->lim->depth)
		return fail(sc, sc->i,
		            "nested deeper than %u arrays and objects; "
		            "flatten it",
		            sc->lim->depth);
	if (record(sc) < 0)
		return -1;
	f = &sc->stack[sc->depth++];
	f->close = close;
	f->index = (uint32_t)(sc->out->n - 1);
	f->at = sc->out->v[f->index].at;
	sc->i++;
	sc->want = close == '}' ? WANT_FIRST_KEY : WANT_FIRST_VALUE;
	return 0;
}

static int
close_container(struct scanner *sc)
{
	struct frame *f = &sc->stack[--sc->depth];

	sc->out->v[f->index].next = (uint32_t)sc->out->n;
	sc->i++;
	value_done(sc);
	return 0;
}

static int
trailing_comma(struct scanner *sc)
{
	return fail(sc, sc->comma,
	            "trailing comma before '%c'; remove the comma",
	            sc->s[sc->i]);
}

static int
unclosed_string(struct scanner *sc, size_t start)
{
	struct json_pos open = pos_at(sc, start);

	return fail(sc, sc->len,
	            "unexpected end of file inside a string (opened at %u:%u); "
	            "add the closing '\"'",
	            (unsigned)open.line, (unsigned)open.col);
}

static int
raw_control(struct scanner *sc, size_t start)
{
	unsigned char c = sc->s[sc->i];
	struct json_pos open = pos_at(sc, start);

	if (c == '\n' || c == '\r')
		return fail(sc, sc->i,
		            "string not closed at the end of the line (opened "
		            "at %u:%u); add the closing '\"' (or write \\n for "
		            "a line break)",
		            (unsigned)open.line, (unsigned)open.col);
	if (c == '\t')
		return fail(sc, sc->i,
		            "raw tab in a string; write \\t or a "
		            "space");
	if (c == 0)
		return fail_nul(sc, sc->i);
	return fail(sc, sc->i,
	            "raw control character U+%04X in a string; remove it",
	            (unsigned)c);
}

static int
hex_digit(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The value of the four hex digits at off, or -1. */
static long
hex4(const struct scanner *sc, size_t off)
{
	long v = 0;

	if (off + 4 > sc->len)
		return -1;
	for (size_t k = 0; k < 4; k++) {
		int d = hex_digit(sc->s[off + k]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Checks the "\uXXXX" (or surrogate pair) at i; adds its UTF-8 length. */
static int
scan_unicode(struct scanner *sc, size_t *bytes)
{
	size_t at = sc->i;
	const char *hex = (const char *)sc->s + at + 2;
	long hi = hex4(sc, at + 2), lo = -1;

	if (hi < 0)
		return fail(sc, at,
		            "'\\u' needs four hex digits, e.g. \\u00e9");
	if (hi == 0)
		return fail(sc, at, "\\u0000 (NUL) is not allowed in a string");
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return fail(sc, at,
		            "lone surrogate \\u%.4s; a low surrogate needs a "
		            "high one (\\ud800-\\udbff) before it",
		            hex);
	if (hi < 0xd800 || hi > 0xdbff) {
		sc->i += 6;
		*bytes += hi < 0x80 ? 1 : hi < 0x800 ? 2 : 3;
		return 0;
	}
	if (at + 7 < sc->len && sc->s[at + 6] == '\\' && sc->s[at + 7] == 'u')
		lo = hex4(sc, at + 8);
	if (lo < 0xdc00 || lo > 0xdfff)
		return fail(sc, at,
		            "lone surrogate \\u%.4s; a high surrogate needs a "
		            "low one (\\udc00-\\udfff) after it",
		            hex);
	sc->i += 12;
	*bytes += 4;
	return 0;
}

/* Checks the escape at i in the string opened at start. */
static int
scan_escape(struct scanner *sc, size_t start, size_t *bytes)
{
	unsigned char c;

	if (sc->i + 1 >= sc->len)
		return unclosed_string(sc, start);
	c = sc->s[sc->i + 1];
	if (c == 'u')
		return scan_unicode(sc, bytes);
	if (c != 0 && strchr("\"\\/bfnrt", c)) {
		sc->i += 2;
		*bytes += 1;
		return 0;
	}
	if (c > 0x20 && c < 0x7f)
		return fail(sc, sc->i,
		            "invalid escape '\\%c'; write \\\\ for a "
		            "backslash",
		            c);
	return fail(sc, sc->i, "invalid escape; write \\\\ for a backslash");
}

static int
scan_utf8(struct scanner *sc, size_t *bytes)
{
	size_t n = util_utf8_decode((const char *)sc->s + sc->i,
	                            sc->len - sc->i, NULL);

	if (n == 0)
		return fail_utf8(sc, sc->i);
	sc->i += n;
	*bytes += n;
	return 0;
}

/* Scans the string (value or key) at i, up to and past its closing '"'. */
static int
scan_string(struct scanner *sc)
{
	size_t start = sc->i, bytes = 0;
	int rc = 0;

	for (sc->i++; sc->i < sc->len && rc == 0;) {
		unsigned char c = sc->s[sc->i];

		if (c == '"') {
			sc->i++;
			return 0;
		}
		if (c == '\\')
			rc = scan_escape(sc, start, &bytes);
		else if (c < 0x20)
			rc = raw_control(sc, start);
		else if (c >= 0x80)
			rc = scan_utf8(sc, &bytes);
		else
			sc->i++, bytes++;
		if (rc == 0 && bytes > sc->lim->string_bytes)
			return fail(sc, start,
			            "string longer than %zu bytes; "
			            "shorten it",
			            sc->lim->string_bytes);
	}
	return rc < 0 ? rc : unclosed_string(sc, start);
}

/* What is wrong with the number written as the n bytes at p, or NULL. */
static const char *
number_problem(const unsigned char *p, size_t n)
{
	size_t i = p[0] == '-';

	if (i == n || !is_digit(p[i]))
		return "a minus sign must be followed by digits";
	if (p[i] == '0' && i + 1 < n && is_digit(p[i + 1]))
		return "numbers cannot start with 0; remove the leading zeros";
	while (i < n && is_digit(p[i]))
		i++;
	if (i < n && p[i] == '.') {
		if (++i == n || !is_digit(p[i]))
			return "put a digit after the decimal point, or remove "
			       "the point";
		while (i < n && is_digit(p[i]))
			i++;
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i += i + 1 < n && (p[i + 1] == '+' || p[i + 1] == '-') ? 2 : 1;
		if (i == n || !is_digit(p[i]))
			return "the exponent needs digits, e.g. 1e3";
		while (i < n && is_digit(p[i]))
			i++;
	}
	return i == n ? NULL : "write a plain decimal number such as 12 or 0.5";
}

static int
scan_number(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = run_len(sc, sc->i, is_number_char);
	const char *problem = number_problem(p, n);

	if (problem)
		return fail(sc, sc->i, "invalid number '%.*s%s'; %s",
		            clip(p, n), (const char *)p,
		            clip(p, n) < (int)n ? "..." : "", problem);
	if (n > sc->lim->number_chars)
		return fail(sc, sc->i,
		            "number longer than %zu characters; shorten it",
		            sc->lim->number_chars);
	if (record(sc) < 0)
		return -1;
	sc->i += n;
	value_done(sc);
	return 0;
}

static bool
word_is(const unsigned char *p, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(p, word, n) == 0;
}

static bool
word_is_nocase(const unsigned char *p, size_t n, const char *word)
{
	return n == strlen(word) && strncasecmp((const char *)p, word, n) == 0;
}

/* Reports the unquoted word of n bytes at i. */
static int
bad_word(struct scanner *sc, size_t n)
{
	const unsigned char *p = sc->s + sc->i;
	static const char *const lower[] = { "true", "false", "null" };

	for (size_t k = 0; k < 3; k++)
		if (word_is_nocase(p, n, lower[k]))
			return fail(sc, sc->i, "write %s in lower case",
			            lower[k]);
	if (word_is(p, n, "NaN") || word_is(p, n, "Infinity") ||
	    word_is(p, n, "undefined"))
		return fail(sc, sc->i, "JSON has no %.*s; give a number",
		            (int)n, (const char *)p);
	return fail(sc, sc->i,
	            "unquoted text '%.*s'; strings need double quotes: "
	            "\"%.*s\"",
	            clip(p, n), (const char *)p, clip(p, n), (const char *)p);
}

static int
scan_word(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = run_len(sc, sc->i, is_word_char);

	if (!word_is(p, n, "true") && !word_is(p, n, "false") &&
	    !word_is(p, n, "null"))
		return bad_word(sc, n);
	if (record(sc) < 0)
		return -1;
	sc->i += n;
	value_done(sc);
	return 0;
}

/* Reports the character at i, which cannot start a value. */
static int
bad_value(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = 1 + run_len(sc, sc->i + 1, is_number_char);

	if (*p == '\'')
		return fail(sc, sc->i,
		            "strings need double quotes (\"), not "
		            "single quotes (')");
	if (*p == '+')
		return fail(sc, sc->i,
		            "a number cannot start with '+'; write "
		            "%.*s",
		            clip(p + 1, n - 1), (const char *)p + 1);
	if (*p == '.')
		return fail(sc, sc->i,
		            "a number must start with a digit; write 0%.*s",
		            clip(p, n), (const char *)p);
	if (*p == '#')
		return fail(sc, sc->i,
		            "a colour is a string; write it in double quotes: "
		            "\"%.*s\"",
		            clip(p, n), (const char *)p);
	return unexpected(sc, "a value");
}

static int
scan_value(struct scanner *sc)
{
	unsigned char c = sc->s[sc->i];

	if (c == '{' || c == '[')
		return open_container(sc, c == '{' ? '}' : ']');
	if (c == '-' || is_digit(c))
		return scan_number(sc);
	if (is_word_char(c))
		return scan_word(sc);
	if (c != '"')
		return bad_value(sc);
	if (record(sc) < 0 || scan_string(sc) < 0)
		return -1;
	value_done(sc);
	return 0;
}

static int
bad_key(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = run_len(sc, sc->i, is_word_char);

	if (*p == '\'')
		return fail(sc, sc->i,
		            "keys need double quotes (\"), not "
		            "single quotes (')");
	if (n)
		return fail(sc, sc->i,
		            "keys need double quotes; write \"%.*s\"",
		            clip(p, n), (const char *)p);
	return unexpected(sc, "a key in double quotes");
}

static int
scan_key(struct scanner *sc)
{
	if (sc->s[sc->i] != '"')
		return bad_key(sc);
	sc->key = pos_at(sc, sc->i);
	sc->key_off = sc->i;
	if (scan_string(sc) < 0)
		return -1;
	sc->key_len = sc->i - sc->key_off;
	sc->has_key = true;
	sc->want = WANT_COLON;
	return 0;
}

static int
scan_colon(struct scanner *sc)
{
	const unsigned char *key = sc->s + sc->key_off;
	int n = clip(key, sc->key_len);
	char buf[40];

	if (sc->s[sc->i] == ':') {
		sc->i++;
		sc->want = WANT_VALUE;
		return 0;
	}
	if (starts_value(sc->s[sc->i]))
		return fail(sc, sc->i,
		            "missing ':' after the key %.*s; add a "
		            "colon",
		            n, (const char *)key);
	if (odd_char(sc) < 0)
		return -1;
	return fail(sc, sc->i, "expected ':' after the key %.*s, got %s", n,
	            (const char *)key, describe(sc, sc->i, buf, sizeof(buf)));
}

static const char *
container_name(const struct frame *f)
{
	return f->close == '}' ? "object" : "array";
}

static int
missing_comma(struct scanner *sc, const struct frame *f)
{
	unsigned char c = sc->s[sc->i];

	if (c == '}' || c == ']')
		return fail(sc, sc->i,
		            "expected ',' or '%c', got '%c'; the %s opened at "
		            "%u:%u is not closed",
		            f->close, c, container_name(f),
		            (unsigned)f->at.line, (unsigned)f->at.col);
	if (f->close == '}' && c == '"')
		return fail(sc, sc->i,
		            "missing ',' before this key; add a "
		            "comma after the previous value");
	if (f->close == ']' && starts_value(c))
		return fail(sc, sc->i,
		            "missing ',' before this value; add a "
		            "comma after the previous one");
	return unexpected(sc, f->close == '}' ? "',' or '}'" : "',' or ']'");
}

static int
scan_after(struct scanner *sc)
{
	const struct frame *f = &sc->stack[sc->depth - 1];
	unsigned char c = sc->s[sc->i];

	if (c == f->close)
		return close_container(sc);
	if (c != ',')
		return missing_comma(sc, f);
	sc->comma = sc->i++;
	sc->want = f->close == '}' ? WANT_NEXT_KEY : WANT_NEXT_VALUE;
	return 0;
}

/* Takes one step from the current state at the non-blank byte at i. */
static int
step(struct scanner *sc)
{
	unsigned char c = sc->s[sc->i];

	switch (sc->want) {
	case WANT_FIRST_VALUE:
		return c == ']' ? close_container(sc) : scan_value(sc);
	case WANT_NEXT_VALUE:
		return c == ']' ? trailing_comma(sc) : scan_value(sc);
	case WANT_FIRST_KEY:
		return c == '}' ? close_container(sc) : scan_key(sc);
	case WANT_NEXT_KEY:
		return c == '}' ? trailing_comma(sc) : scan_key(sc);
	case WANT_COLON:
		return scan_colon(sc);
	case WANT_AFTER:
		return scan_after(sc);
	case WANT_VALUE:
	case WANT_END:
		break;
	}
	return scan_value(sc);
}

static int
end_of_file(struct scanner *sc)
{
	const struct frame *f;

	if (sc->depth == 0)
		return fail(sc, sc->len,
		            "unexpected end of file; expected a "
		            "value");
	f = &sc->stack[sc->depth - 1];
	return fail(sc, sc->len,
	            "unexpected end of file; an %s is not closed (opened at "
	            "%u:%u)",
	            container_name(f), (unsigned)f->at.line,
	            (unsigned)f->at.col);
}

/* Checks that nothing but white space follows the top-level value. */
static int
scan_end(struct scanner *sc)
{
	char buf[40];

	if (skip_space(sc) < 0)
		return -1;
	if (sc->i == sc->len)
		return 0;
	if (odd_char(sc) < 0)
		return -1;
	return fail(sc, sc->i,
	            "unexpected %s after the end of the top-level value; "
	            "remove it",
	            describe(sc, sc->i, buf, sizeof(buf)));
}

static int
scan_all(struct scanner *sc)
{
	if (sc->len >= 2 && ((sc->s[0] == 0xff && sc->s[1] == 0xfe) ||
	                     (sc->s[0] == 0xfe && sc->s[1] == 0xff)))
		return fail(sc, 0, "the file is UTF-16; save it as UTF-8");
	while (sc->want != WANT_END) {
		if (skip_space(sc) < 0)
			return -1;
		if (sc->i == sc->len)
			return end_of_file(sc);
		if (step(sc) < 0)
			return -1;
	}
	return scan_end(sc);
}

void
json_scan_init(struct json_scan *scan)
{
	memset(scan, 0, sizeof(*scan));
}

void
json_scan_destroy(struct json_scan *scan)
{
	free(scan->v);
	memset(scan, 0, sizeof(*scan));
}

int
json_scan(struct json_scan *scan, const char *buf, size_t len,
          const struct json_limits *limits)
{
	struct scanner sc = { .s = (const unsigned char *)buf,
		              .len = len,
		              .lim = limits,
		              .out = scan,
		              .want = WANT_VALUE,
		              .cur = { 1, 1 } };

	assert(limits->depth <= JSON_SCAN_MAX_DEPTH);
	scan->n = 0;
	scan->err[0] = '\0';
	scan->err_at = (struct json_pos){ 0, 0 };
	scan->bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	sc.i = sc.cur_off = scan->bom;
	return scan_all(&sc);
}
