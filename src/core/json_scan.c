/*
 * json_scan: the strict JSON checker; see json_scan.h.
 *
 * A state machine over the bytes: `want` says what may come next and a
 * stack of open arrays and objects says where each one was opened. Line and
 * column come from a cursor that moves forward only (it restarts when asked
 * about an earlier offset), so a scan is linear in the input. This file
 * decides what is wrong; json_scan_msg.c words it (the two share
 * json_scan_internal.h).
 */
#include "json_scan.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_scan_internal.h"
#include "util.h"

/* Line and column of byte off; moves the cursor there. */
struct json_pos
json_scan_pos(struct scanner *sc, size_t off)
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

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Moves past white space; a comment there is an error. */
static int
skip_space(struct scanner *sc)
{
	sc->i += run_len(sc, sc->i, is_space);
	if (sc->i < sc->len && sc->s[sc->i] == '/')
		return json_scan_comment(sc);
	return 0;
}

/* Notes that a value starts at i. */
static int
record(struct scanner *sc)
{
	struct json_scan *out = sc->out;
	struct json_value_pos *v;

	if (out->n == sc->lim->values)
		return json_scan_fail(sc, sc->i,
		                      "more than %zu values; that is far more "
		                      "than a deck needs",
		                      sc->lim->values);
	out->v = util_grow(out->v, out->n, &out->cap, sizeof(*out->v), 256);
	v = &out->v[out->n];
	v->at = json_scan_pos(sc, sc->i);
	v->key = sc->has_key ? sc->key : v->at;
	v->next = (uint32_t)(out->n + 1);
	sc->has_key = false;
	out->n++;
	return 0;
}

/* A value ends n bytes on from i: moves past it, to what may follow. */
static int
end_value(struct scanner *sc, size_t n)
{
	sc->i += n;
	sc->want = sc->depth ? WANT_AFTER : WANT_END;
	return 0;
}

static int
open_container(struct scanner *sc, unsigned char close)
{
	struct frame *f;

	if (sc->depth == sc->lim->depth)
		return json_scan_fail(
		        sc, sc->i,
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
	return end_value(sc, 1);
}

/* The value of the four hex digits at off, or -1. */
static long
hex4(const struct scanner *sc, size_t off)
{
	long v = 0;

	if (off + 4 > sc->len)
		return -1;
	for (size_t k = 0; k < 4; k++) {
		int d = util_hex_digit(sc->s[off + k]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Moves past n bytes of a string that stand for len bytes of its text. */
static int
take_chars(struct scanner *sc, size_t n, size_t *bytes, size_t len)
{
	sc->i += n;
	*bytes += len;
	return 0;
}

/* Checks the "\uXXXX" (or surrogate pair) at i; adds its UTF-8 length. */
static int
scan_unicode(struct scanner *sc, size_t *bytes)
{
	size_t at = sc->i;
	const char *hex = (const char *)sc->s + at + 2;
	long hi = hex4(sc, at + 2), lo = -1;

	if (hi < 0)
		return json_scan_fail(
		        sc, at, "'\\u' needs four hex digits, e.g. \\u00e9");
	if (hi == 0)
		return json_scan_fail(
		        sc, at, "\\u0000 (NUL) is not allowed in a string");
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return json_scan_fail(
		        sc, at,
		        "lone surrogate \\u%.4s; a low surrogate needs a "
		        "high one (\\ud800-\\udbff) before it",
		        hex);
	if (hi < 0xd800 || hi > 0xdbff)
		return take_chars(sc, 6, bytes,
		                  hi < 0x80    ? 1
		                  : hi < 0x800 ? 2
		                               : 3);
	if (at + 7 < sc->len && sc->s[at + 6] == '\\' && sc->s[at + 7] == 'u')
		lo = hex4(sc, at + 8);
	if (lo < 0xdc00 || lo > 0xdfff)
		return json_scan_fail(
		        sc, at,
		        "lone surrogate \\u%.4s; a high surrogate needs a "
		        "low one (\\udc00-\\udfff) after it",
		        hex);
	return take_chars(sc, 12, bytes, 4);
}

/* Checks the escape at i in the string opened at start. */
static int
scan_escape(struct scanner *sc, size_t start, size_t *bytes)
{
	unsigned char c;

	if (sc->i + 1 >= sc->len)
		return json_scan_unclosed_string(sc, start);
	c = sc->s[sc->i + 1];
	if (c == 'u')
		return scan_unicode(sc, bytes);
	if (c != 0 && strchr("\"\\/bfnrt", c))
		return take_chars(sc, 2, bytes, 1);
	if (c > 0x20 && c < 0x7f)
		return json_scan_fail(sc, sc->i,
		                      "invalid escape '\\%c'; write \\\\ for a "
		                      "backslash",
		                      c);
	return json_scan_fail(sc, sc->i,
	                      "invalid escape; write \\\\ for a backslash");
}

static int
scan_utf8(struct scanner *sc, size_t *bytes)
{
	size_t n = decode_at(sc, sc->i, NULL);

	if (n == 0)
		return json_scan_fail_utf8(sc, sc->i);
	return take_chars(sc, n, bytes, n);
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
			rc = json_scan_raw_control(sc, start);
		else if (c >= 0x80)
			rc = scan_utf8(sc, &bytes);
		else
			rc = take_chars(sc, 1, &bytes, 1);
		if (rc == 0 && bytes > sc->lim->string_bytes)
			return json_scan_fail(sc, start,
			                      "string longer than %zu bytes; "
			                      "shorten it",
			                      sc->lim->string_bytes);
	}
	return rc < 0 ? rc : json_scan_unclosed_string(sc, start);
}

/* Records the n-byte number or word at i as a value and moves past it. */
static int
take_token(struct scanner *sc, size_t n)
{
	if (record(sc) < 0)
		return -1;
	return end_value(sc, n);
}

static int
scan_number(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = run_len(sc, sc->i, is_number_char);
	const char *problem = json_scan_number_problem(p, n);

	if (problem)
		return json_scan_fail(sc, sc->i, "invalid number '%.*s%s'; %s",
		                      clip(p, n), (const char *)p,
		                      clip(p, n) < (int)n ? "..." : "",
		                      problem);
	if (n > sc->lim->number_chars)
		return json_scan_fail(
		        sc, sc->i,
		        "number longer than %zu characters; shorten it",
		        sc->lim->number_chars);
	return take_token(sc, n);
}

/* Is the word of n bytes at p one of JSON's: true, false or null? */
static bool
is_literal(const unsigned char *p, size_t n)
{
	return word_is(p, n, "true") || word_is(p, n, "false") ||
	       word_is(p, n, "null");
}

static int
scan_word(struct scanner *sc)
{
	size_t n = run_len(sc, sc->i, is_word_char);

	if (!is_literal(sc->s + sc->i, n))
		return json_scan_bad_word(sc, n);
	return take_token(sc, n);
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
		return json_scan_bad_value(sc);
	if (record(sc) < 0 || scan_string(sc) < 0)
		return -1;
	return end_value(sc, 0);
}

static int
scan_key(struct scanner *sc)
{
	if (sc->s[sc->i] != '"')
		return json_scan_bad_key(sc);
	sc->key = json_scan_pos(sc, sc->i);
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
		return json_scan_fail(sc, sc->i,
		                      "missing ':' after the key %.*s; add a "
		                      "colon",
		                      n, (const char *)key);
	if (json_scan_odd_char(sc) < 0)
		return -1;
	return json_scan_fail(sc, sc->i,
	                      "expected ':' after the key %.*s, got %s", n,
	                      (const char *)key,
	                      json_scan_describe(sc, sc->i, buf, sizeof(buf)));
}

static int
scan_after(struct scanner *sc)
{
	const struct frame *f = &sc->stack[sc->depth - 1];
	unsigned char c = sc->s[sc->i];

	if (c == f->close)
		return close_container(sc);
	if (c != ',')
		return json_scan_missing_comma(sc, f);
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
		return c == ']' ? json_scan_trailing_comma(sc) : scan_value(sc);
	case WANT_FIRST_KEY:
		return c == '}' ? close_container(sc) : scan_key(sc);
	case WANT_NEXT_KEY:
		return c == '}' ? json_scan_trailing_comma(sc) : scan_key(sc);
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

/* Checks that nothing but white space follows the top-level value. */
static int
scan_end(struct scanner *sc)
{
	char buf[40];

	if (skip_space(sc) < 0)
		return -1;
	if (sc->i == sc->len)
		return 0;
	if (json_scan_odd_char(sc) < 0)
		return -1;
	return json_scan_fail(
	        sc, sc->i,
	        "unexpected %s after the end of the top-level value; "
	        "remove it",
	        json_scan_describe(sc, sc->i, buf, sizeof(buf)));
}

static int
scan_all(struct scanner *sc)
{
	if (sc->len >= 2 && ((sc->s[0] == 0xff && sc->s[1] == 0xfe) ||
	                     (sc->s[0] == 0xfe && sc->s[1] == 0xff)))
		return json_scan_fail(sc, 0,
		                      "the file is UTF-16; save it as UTF-8");
	while (sc->want != WANT_END) {
		if (skip_space(sc) < 0)
			return -1;
		if (sc->i == sc->len)
			return json_scan_end_of_file(sc);
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
