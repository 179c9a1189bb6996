/*
 * times: the moment an ISO 8601 date-time names, for the tests that pass
 * times explicitly (in the zone in use: civil_use_zone). Include after
 * check.h.
 */
#ifndef VITRINE_TEST_TIMES_H
#define VITRINE_TEST_TIMES_H

#include <stdint.h>

#include "civil.h"

/* Ms since the epoch of iso; a failed check when it does not parse. */
static inline int64_t
at(const char *iso)
{
	int64_t ms = 0;

	CHECK_INT(civil_parse(iso, &ms), 0);
	return ms;
}

#endif
