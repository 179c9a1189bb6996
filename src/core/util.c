/*
 * util: die, checked allocation, escaping for logs, UTF-8 decoding and an
 * edit distance for "did you mean" suggestions.
 */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("vitrine: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("out of memory (%zu bytes)", size);
	return p;
}

void *
util_grow(void *p, size_t n, size_t *cap, size_t size, size_t first)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : first;
	return xrealloc(p, *cap * size);
}

char *
xmemdup_nul(const void *s, size_t n)
{
	char *copy = xmalloc(n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *
xstrdup(const char *s)
{
	return xmemdup_nul(s, strlen(s));
}

size_t
util_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		n = 1, c = s[0], min = 0;
	} else if ((s[0] & 0xe0) == 0xc0) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	if (cp)
		*cp = c;
	return n;
}

int
util_read_bounded(int fd, size_t hint, size_t max, char **out, size_t *len)
{
	size_t cap = (hint < max ? hint : max) + 1;
	char *buf = xmalloc(cap);
	ssize_t got = 1;

	*len = 0;
	while (got != 0 && *len <= max) {
		if (*len == cap) {
			cap = cap <= max / 2 ? cap * 2 : max + 1;
			buf = xrealloc(buf, cap);
		}
		got = read(fd, buf + *len, cap - *len);
		if (got < 0 && errno != EINTR) {
			free(buf);
			return -1;
		}
		*len += got > 0 ? (size_t)got : 0;
	}
	*out = buf;
	return 0;
}

size_t
util_utf8_count(const char *s, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++)
		count += ((unsigned char)s[i] & 0xc0) != 0x80;
	return count;
}

static size_t
escape_one(char *out, uint32_t c)
{
	switch (c) {
	case '\n':
		return (size_t)sprintf(out, "\\n");
	case '\t':
		return (size_t)sprintf(out, "\\t");
	case 0x1b:
		return (size_t)sprintf(out, "\\e");
	default:
		return (size_t)sprintf(out, "\\x%02x", (unsigned)c);
	}
}

/* Whether c is a control character: C0, DEL or C1. */
static bool
is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
}

char *
util_escape(const char *s, size_t len)
{
	char *out = xmalloc(len * 4 + 1), *o = out;

	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = util_utf8_decode(s + i, len - i, &c);

		if (n == 0) {
			o += escape_one(o, (unsigned char)s[i]);
			i++;
		} else if (is_control(c)) {
			o += escape_one(o, c);
			i += n;
		} else {
			memcpy(o, s + i, n);
			o += n;
			i += n;
		}
	}
	*o = '\0';
	return out;
}

uint32_t
util_ms_until(uint64_t due, uint64_t now)
{
	if (due <= now)
		return 0;
	return due - now < UINT32_MAX ? (uint32_t)(due - now) : UINT32_MAX;
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

int
util_edit_distance(const char *a, const char *b)
{
	enum { MAX = 32 };
	int d[MAX + 1][MAX + 1];
	size_t la = strlen(a), lb = strlen(b);

	if (la > MAX || lb > MAX)
		return MAX;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int best =
			        min_int(d[i - 1][j - 1] + cost,
			                min_int(d[i - 1][j], d[i][j - 1]) + 1);

			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

size_t
util_utf8_clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int
util_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

uint32_t
util_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}
