/*
 * files.h: the tests' helpers for fixture folders. Static inline so that a
 * test that uses only some of them builds without warnings.
 */
#ifndef VITRINE_TEST_FILES_H
#define VITRINE_TEST_FILES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * dir/name in a static buffer; two in turn, so that two results can be
 * used together (a rename's source and target).
 */
static inline const char *
files_path(const char *dir, const char *name)
{
	static char path[2][512];
	static int k;

	k = !k;
	snprintf(path[k], sizeof(path[k]), "%s/%s", dir, name);
	return path[k];
}

static inline int
files_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the .json files in dir; count in *n. Free with
 * files_free_list. */
static inline char **
list_json(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;

	*n = 0;
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(e->d_name);
	}
	if (d)
		closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), files_compare_names);
	return v;
}

static inline void
free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

#endif
