/*
 * json_scan_internal: what json_scan.c (the state machine) and
 * json_scan_msg.c (its messages) share: the scanner's state, the character
 * classes, and the message functions. Included by those two files only.
 */
#ifndef VITRINE_JSON_SCAN_INTERNAL_H
#define VITRINE_JSON_SCAN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "json_scan.h"
#include "util.h"

#define JSON_SCAN_QUOTE_MAX 40 /* bytes of the input quoted in a message */

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

/* Line and column of byte off; moves the scanner's cursor there. */
struct json_pos json_scan_pos(struct scanner *sc, size_t off);

/* Records the problem at byte off in the scan's err and err_at; returns
 * -1. The json_scan_* functions below each report one kind of problem the
 * same way (and return -1), or 0 when there is none to report. */
int json_scan_fail(struct scanner *sc, size_t off, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Writes how the character at off reads in a message into buf. */
const char *json_scan_describe(const struct scanner *sc, size_t off, char *buf,
                               size_t size);
int json_scan_fail_utf8(struct scanner *sc, size_t off);
int json_scan_fail_nul(struct scanner *sc, size_t off);
/* A NUL, invalid UTF-8, a curly quote or a stray BOM at i; else 0. */
int json_scan_odd_char(struct scanner *sc);
/* "expected WHAT, got ..." for the character at i. */
int json_scan_unexpected(struct scanner *sc, const char *what);
/* A comment at i; 0 when the '/' does not start one. */
int json_scan_comment(struct scanner *sc);
int json_scan_trailing_comma(struct scanner *sc);
int json_scan_unclosed_string(struct scanner *sc, size_t start);
int json_scan_raw_control(struct scanner *sc, size_t start);
/* What is wrong with the number written as the n bytes at p, or NULL. */
const char *json_scan_number_problem(const unsigned char *p, size_t n);
int json_scan_bad_word(struct scanner *sc, size_t n);
int json_scan_bad_value(struct scanner *sc);
int json_scan_bad_key(struct scanner *sc);
int json_scan_missing_comma(struct scanner *sc, const struct frame *f);
int json_scan_end_of_file(struct scanner *sc);

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_word_char(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

static inline bool
is_number_char(unsigned char c)
{
	return is_word_char(c) || c == '.' || c == '+' || c == '-';
}

/* Could c start a value (so a ',' or ':' is what is missing before it)? */
static inline bool
starts_value(unsigned char c)
{
	return c == '{' || c == '[' || c == '"' || c == '-' || is_word_char(c);
}

/* Length of the run of bytes from off that pass is(). */
static inline size_t
run_len(const struct scanner *sc, size_t off, bool (*is)(unsigned char))
{
	size_t n = 0;

	while (off + n < sc->len && is(sc->s[off + n]))
		n++;
	return n;
}

/* util_utf8_decode of the bytes from off to the end of the input. */
static inline size_t
decode_at(const struct scanner *sc, size_t off, uint32_t *cp)
{
	return util_utf8_decode((const char *)sc->s + off, sc->len - off, cp);
}

static inline bool
word_is(const unsigned char *p, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(p, word, n) == 0;
}

/* How many of the n bytes at p fit in a message, cut at a character. */
static inline int
clip(const unsigned char *p, size_t n)
{
	return (int)util_utf8_clip((const char *)p, n, JSON_SCAN_QUOTE_MAX);
}

#endif
