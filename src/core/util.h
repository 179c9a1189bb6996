/*
 * util: small helpers every module may use; libc only.
 */
#ifndef VITRINE_UTIL_H
#define VITRINE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Prints "vitrine: MESSAGE" to stderr and exits with status 1. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* malloc/realloc/strdup that die on exhaustion; the caller frees. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
/* A copy of the n bytes at s with a NUL after them; the caller frees. */
char *xmemdup_nul(const void *s, size_t n);

/*
 * Makes room in the array p of *cap items of size bytes, n of them used,
 * for one more: doubles *cap (or makes it first) when the array is full.
 * Returns the array, perhaps moved.
 */
void *util_grow(void *p, size_t n, size_t *cap, size_t size, size_t first);

/*
 * Returns a copy of the len bytes at s, NUL-terminated, with control
 * characters (C0, DEL, C1 as UTF-8) written as \n, \t, \e or \xNN and
 * invalid UTF-8 bytes as \xNN, so the result is safe to print on a
 * terminal. The caller frees.
 */
char *util_escape(const char *s, size_t len);

/*
 * Length in bytes of the valid UTF-8 sequence at s (at most len bytes), or
 * 0 when it is not one (overlong, surrogate, above U+10FFFF, truncated).
 * *cp receives the code point when it is not NULL.
 */
size_t util_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Reads fd to its end, but at most max + 1 bytes (so that *len > max tells
 * the caller the file is too large), into a buffer sized from hint and
 * grown as needed (the file may grow while it is read). Returns 0 with the
 * buffer in *out, which the caller frees, or -1 with errno set.
 */
int util_read_bounded(int fd, size_t hint, size_t max, char **out, size_t *len);

/* Number of code points in the first len bytes of valid UTF-8 at s. */
size_t util_utf8_count(const char *s, size_t len);

/*
 * How many of the n bytes at s to quote in a message of at most max bytes:
 * n when it fits, else max cut back to the start of a UTF-8 character.
 * Reads s[max] when n > max.
 */
size_t util_utf8_clip(const char *s, size_t n, size_t max);

/* The value of the hex digit c (0-9, a-f, A-F), or -1. */
int util_hex_digit(int c);

/* The big-endian 32-bit number at p (font tables, PNG headers). */
uint32_t util_be32(const unsigned char *p);

/* Milliseconds from now until due: 0 once it is past, at most UINT32_MAX. */
uint32_t util_ms_until(uint64_t due, uint64_t now);

/* Edit distance between a and b (insert, delete, replace, swap), capped. */
int util_edit_distance(const char *a, const char *b);

#endif
