/*
 * check.h: the tests' tiny harness. A test is a function; CHECK records a
 * failed condition with its place and the test goes on. main() runs tests
 * with RUN and ends with check_done(), which prints
 *   NAME: N passed, N failed
 * and returns the exit status. tests/run.sh adds the counts up.
 */
#ifndef VITRINE_CHECK_H
#define VITRINE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures_in_test;
static int check_passed, check_failed;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			check_failures_in_test++;                              \
		}                                                              \
	} while (0)

#define CHECK_INT(a, b)                                                        \
	do {                                                                   \
		long long check_a_ = (long long)(a),                           \
		          check_b_ = (long long)(b);                           \
		if (check_a_ != check_b_) {                                    \
			fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n",  \
			        __FILE__, __LINE__, #a, check_a_, check_b_);   \
			check_failures_in_test++;                              \
		}                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *check_a_ = (a), *check_b_ = (b);                   \
		if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_)) {    \
			fprintf(stderr,                                        \
			        "%s:%d: %s is\n  \"%s\"\nexpected\n  "         \
			        "\"%s\"\n",                                    \
			        __FILE__, __LINE__, #a,                        \
			        check_a_ ? check_a_ : "(null)",                \
			        check_b_ ? check_b_ : "(null)");               \
			check_failures_in_test++;                              \
		}                                                              \
	} while (0)

#define RUN(test) check_run(#test, test)

static inline void
check_run(const char *name, void (*test)(void))
{
	check_failures_in_test = 0;
	test();
	if (check_failures_in_test) {
		fprintf(stderr, "FAIL %s\n", name);
		check_failed++;
	} else {
		check_passed++;
	}
}

static inline int
check_done(const char *suite)
{
	printf("%s: %d passed, %d failed\n", suite, check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
