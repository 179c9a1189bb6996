/*
 * json_scan_msg: the strict JSON checker's messages (see json_scan.h): for
 * each problem the scanner finds, one line that says what is wrong, where
 * it was opened when that helps, and how to fix it ("trailing comma before
 * ']'; remove the comma"). The scanner (json_scan.c) decides that something
 * is wrong; this file words it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "json_scan_internal.h"

/* Records the problem at byte off; returns -1. */
int
json_scan_fail(struct scanner *sc, size_t off, const char *fmt, ...)
{
	va_list ap;

	sc->out->err_at = json_scan_pos(sc, off);
	va_start(ap, fmt);
	vsnprintf(sc->out->err, sizeof(sc->out->err), fmt, ap);
	va_end(ap);
	return -1;
}

/* Writes how the character at off reads in a message into buf. */
const char *
json_scan_describe(const struct scanner *sc, size_t off, char *buf, size_t size)
{
	const unsigned char *p = sc->s + off;
	uint32_t cp;
	size_t n;

	if (off >= sc->len)
		return "the end of the file";
	n = decode_at(sc, off, &cp);
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

int
json_scan_fail_utf8(struct scanner *sc, size_t off)
{
	return json_scan_fail(sc, off,
	                      "invalid UTF-8 (%s, byte 0x%02X); save the file "
	                      "as UTF-8",
	                      utf8_problem(sc->s + off, sc->len - off),
	                      sc->s[off]);
}

int
json_scan_fail_nul(struct scanner *sc, size_t off)
{
	return json_scan_fail(sc, off,
	                      "NUL byte; is the file UTF-16 or binary? save "
	                      "the deck as UTF-8 text");
}

static bool
is_curly_quote(uint32_t cp)
{
	return cp == 0x201c || cp == 0x201d || cp == 0x2018 || cp == 0x2019;
}

/*
 * Reports the character at i when it is a NUL byte, invalid UTF-8, a curly
 * quote or a stray byte-order mark, which get their own messages.
 */
int
json_scan_odd_char(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	uint32_t cp = 0;
	char buf[40];

	if (*p == 0)
		return json_scan_fail_nul(sc, sc->i);
	if (*p >= 0x80 && !decode_at(sc, sc->i, &cp))
		return json_scan_fail_utf8(sc, sc->i);
	if (is_curly_quote(cp))
		return json_scan_fail(
		        sc, sc->i,
		        "curly quote %s; JSON needs straight double "
		        "quotes (\")",
		        json_scan_describe(sc, sc->i, buf, sizeof(buf)));
	if (cp == 0xfeff)
		return json_scan_fail(sc, sc->i,
		                      "stray byte-order mark (U+FEFF); "
		                      "remove it");
	return 0;
}

/* Reports "expected WHAT, got ..." for the character at i. */
int
json_scan_unexpected(struct scanner *sc, const char *what)
{
	char buf[40];

	if (json_scan_odd_char(sc) < 0)
		return -1;
	return json_scan_fail(sc, sc->i, "expected %s, got %s", what,
	                      json_scan_describe(sc, sc->i, buf, sizeof(buf)));
}

/* Reports a comment at i; returns 0 when the '/' does not start one. */
int
json_scan_comment(struct scanner *sc)
{
	unsigned char next = sc->i + 1 < sc->len ? sc->s[sc->i + 1] : 0;

	if (next != '/' && next != '*')
		return 0;
	return json_scan_fail(sc, sc->i,
	                      "comments are not allowed in JSON; remove the "
	                      "'%s' comment",
	                      next == '/' ? "//" : "/* */");
}

int
json_scan_trailing_comma(struct scanner *sc)
{
	return json_scan_fail(sc, sc->comma,
	                      "trailing comma before '%c'; remove the comma",
	                      sc->s[sc->i]);
}

int
json_scan_unclosed_string(struct scanner *sc, size_t start)
{
	struct json_pos open = json_scan_pos(sc, start);

	return json_scan_fail(
	        sc, sc->len,
	        "unexpected end of file inside a string (opened at %u:%u); "
	        "add the closing '\"'",
	        (unsigned)open.line, (unsigned)open.col);
}

int
json_scan_raw_control(struct scanner *sc, size_t start)
{
	unsigned char c = sc->s[sc->i];
	struct json_pos open = json_scan_pos(sc, start);

	if (c == '\n' || c == '\r')
		return json_scan_fail(
		        sc, sc->i,
		        "string not closed at the end of the line (opened "
		        "at %u:%u); add the closing '\"' (or write \\n for "
		        "a line break)",
		        (unsigned)open.line, (unsigned)open.col);
	if (c == '\t')
		return json_scan_fail(sc, sc->i,
		                      "raw tab in a string; write \\t or a "
		                      "space");
	if (c == 0)
		return json_scan_fail_nul(sc, sc->i);
	return json_scan_fail(
	        sc, sc->i,
	        "raw control character U+%04X in a string; remove it",
	        (unsigned)c);
}

/* What is wrong with the number written as the n bytes at p, or NULL. */
const char *
json_scan_number_problem(const unsigned char *p, size_t n)
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

static bool
word_is_nocase(const unsigned char *p, size_t n, const char *word)
{
	return n == strlen(word) && strncasecmp((const char *)p, word, n) == 0;
}

/* Reports the unquoted word of n bytes at i. */
int
json_scan_bad_word(struct scanner *sc, size_t n)
{
	const unsigned char *p = sc->s + sc->i;
	static const char *const lower[] = { "true", "false", "null" };

	for (size_t k = 0; k < 3; k++)
		if (word_is_nocase(p, n, lower[k]))
			return json_scan_fail(
			        sc, sc->i, "write %s in lower case", lower[k]);
	if (word_is(p, n, "NaN") || word_is(p, n, "Infinity") ||
	    word_is(p, n, "undefined"))
		return json_scan_fail(sc, sc->i,
		                      "JSON has no %.*s; give a number", (int)n,
		                      (const char *)p);
	return json_scan_fail(
	        sc, sc->i,
	        "unquoted text '%.*s'; strings need double quotes: "
	        "\"%.*s\"",
	        clip(p, n), (const char *)p, clip(p, n), (const char *)p);
}

/* Reports the character at i, which cannot start a value. */
int
json_scan_bad_value(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = 1 + run_len(sc, sc->i + 1, is_number_char);

	if (*p == '\'')
		return json_scan_fail(sc, sc->i,
		                      "strings need double quotes (\"), not "
		                      "single quotes (')");
	if (*p == '+')
		return json_scan_fail(sc, sc->i,
		                      "a number cannot start with '+'; write "
		                      "%.*s",
		                      clip(p + 1, n - 1), (const char *)p + 1);
	if (*p == '.')
		return json_scan_fail(
		        sc, sc->i,
		        "a number must start with a digit; write 0%.*s",
		        clip(p, n), (const char *)p);
	if (*p == '#')
		return json_scan_fail(
		        sc, sc->i,
		        "a colour is a string; write it in double quotes: "
		        "\"%.*s\"",
		        clip(p, n), (const char *)p);
	return json_scan_unexpected(sc, "a value");
}

int
json_scan_bad_key(struct scanner *sc)
{
	const unsigned char *p = sc->s + sc->i;
	size_t n = run_len(sc, sc->i, is_word_char);

	if (*p == '\'')
		return json_scan_fail(sc, sc->i,
		                      "keys need double quotes (\"), not "
		                      "single quotes (')");
	if (n)
		return json_scan_fail(sc, sc->i,
		                      "keys need double quotes; write \"%.*s\"",
		                      clip(p, n), (const char *)p);
	return json_scan_unexpected(sc, "a key in double quotes");
}

static const char *
container_name(const struct frame *f)
{
	return f->close == '}' ? "object" : "array";
}

int
json_scan_missing_comma(struct scanner *sc, const struct frame *f)
{
	unsigned char c = sc->s[sc->i];

	if (c == '}' || c == ']')
		return json_scan_fail(
		        sc, sc->i,
		        "expected ',' or '%c', got '%c'; the %s opened at "
		        "%u:%u is not closed",
		        f->close, c, container_name(f), (unsigned)f->at.line,
		        (unsigned)f->at.col);
	if (f->close == '}' && c == '"')
		return json_scan_fail(sc, sc->i,
		                      "missing ',' before this key; add a "
		                      "comma after the previous value");
	if (f->close == ']' && starts_value(c))
		return json_scan_fail(sc, sc->i,
		                      "missing ',' before this value; add a "
		                      "comma after the previous one");
	return json_scan_unexpected(sc, f->close == '}' ? "',' or '}'"
	                                                : "',' or ']'");
}

int
json_scan_end_of_file(struct scanner *sc)
{
	const struct frame *f;

	if (sc->depth == 0)
		return json_scan_fail(sc, sc->len,
		                      "unexpected end of file; expected a "
		                      "value");
	f = &sc->stack[sc->depth - 1];
	return json_scan_fail(
	        sc, sc->len,
	        "unexpected end of file; an %s is not closed (opened at "
	        "%u:%u)",
	        container_name(f), (unsigned)f->at.line, (unsigned)f->at.col);
}
