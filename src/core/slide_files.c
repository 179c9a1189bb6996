/*
 * slide_files: slide picture names and the clean-up of stale ones; see
 * slide_files.h.
 */
#include "slide_files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define SHOWN_NAMES 5 /* names the message lists; the rest are counted */

void
slide_files_name(char *buf, size_t size, size_t i)
{
	snprintf(buf, size, "slide-%03zu.png", i + 1);
}

void
slide_files_lang_name(char *buf, size_t size, size_t i, const char *lang)
{
	if (lang)
		snprintf(buf, size, "slide-%03zu.%s.png", i + 1, lang);
	else
		slide_files_name(buf, size, i);
}

size_t
slide_files_number(const char *name)
{
	char again[SLIDE_FILES_NAME_MAX];
	size_t n = 0;
	const char *p;

	if (strncmp(name, "slide-", 6) != 0)
		return 0;
	for (p = name + 6; *p >= '0' && *p <= '9' && p - name < 16; p++)
		n = n * 10 + (size_t)(*p - '0');
	if (n == 0 || strcmp(p, ".png") != 0)
		return 0;
	slide_files_name(again, sizeof(again), n - 1);
	return strcmp(again, name) == 0 ? n : 0;
}

static int
compare_numbers(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The numbers above n of the slide files in d; the caller frees. */
static size_t *
stale_numbers(DIR *d, const char *dir, size_t n, size_t *count)
{
	size_t *v = NULL, cap = 0, k = 0, num;
	char path[4096];
	struct dirent *e;
	struct stat st;

	while ((e = readdir(d)) != NULL) {
		num = slide_files_number(e->d_name);
		if (num <= n)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		v = util_grow(v, k, &cap, sizeof(*v), 16);
		v[k++] = num;
	}
	if (k)
		qsort(v, k, sizeof(*v), compare_numbers);
	*count = k;
	return v;
}

/* Writes "removed N old slide files: a b c ..." into msg. */
static void
describe(char *msg, size_t size, const size_t *v, size_t k)
{
	char name[SLIDE_FILES_NAME_MAX];
	size_t used;

	used = (size_t)snprintf(msg, size, "removed %zu old slide file%s:", k,
	                        k == 1 ? "" : "s");
	for (size_t i = 0; i < k && i < SHOWN_NAMES && used < size; i++) {
		slide_files_name(name, sizeof(name), v[i] - 1);
		used += (size_t)snprintf(msg + used, size - used, " %s", name);
	}
	if (k > SHOWN_NAMES && used < size)
		snprintf(msg + used, size - used, " and %zu more",
		         k - SHOWN_NAMES);
}

long
slide_files_remove_stale(const char *dir, size_t n, char *msg, size_t size)
{
	char path[4096], name[SLIDE_FILES_NAME_MAX];
	size_t *v, k;
	long rc = 0;
	DIR *d = opendir(dir);

	*msg = '\0';
	if (!d) {
		snprintf(msg, size, "%s: cannot read folder: %s", dir,
		         strerror(errno));
		return -1;
	}
	v = stale_numbers(d, dir, n, &k);
	closedir(d);
	for (size_t i = 0; i < k && rc == 0; i++) {
		slide_files_name(name, sizeof(name), v[i] - 1);
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if (unlink(path) != 0 && errno != ENOENT) {
			snprintf(msg, size, "%s: cannot remove old slide: %s",
			         path, strerror(errno));
			rc = -1;
		}
	}
	if (rc == 0 && k) {
		describe(msg, size, v, k);
		rc = (long)k;
	}
	free(v);
	return rc;
}
