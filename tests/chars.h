/*
 * chars.h: the code points the tests' fake measurers count. A character
 * cut short counts for nothing, so text cut inside a character would seem
 * to fit and be caught.
 */
#ifndef VITRINE_TEST_CHARS_H
#define VITRINE_TEST_CHARS_H

#include <stddef.h>

#include "util.h"

static inline long
count_chars(const char *s, size_t len)
{
	long n = 0;

	for (size_t i = 0; i < len;) {
		size_t k = util_utf8_decode(s + i, len - i, NULL);

		n += k > 0;
		i += k ? k : 1;
	}
	return n;
}

#endif
