/*
 * test_slide_files: slide picture names, which names count as one, and
 * the removal of the stale ones in a real folder (and of nothing else).
 */
#include "slide_files.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static void
test_names(void)
{
	static const struct {
		const char *name;
		size_t want;
	} cases[] = {
		{ "slide-001.png", 1 },
		{ "slide-017.png", 17 },
		{ "slide-999.png", 999 },
		{ "slide-1000.png", 1000 },
		{ "slide-000.png", 0 },
		{ "slide-01.png", 0 },
		{ "slide-0001.png", 0 },
		{ "slide-001.png.bak", 0 },
		{ "slide-001.PNG", 0 },
		{ "slide-001.fr.png", 0 },
		{ "Slide-001.png", 0 },
		{ "slide-abc.png", 0 },
		{ "slide-.png", 0 },
		{ "index.html", 0 },
		{ "slide-99999999999999999.png", 0 },
	};
	char buf[SLIDE_FILES_NAME_MAX];

	slide_files_name(buf, sizeof(buf), 0);
	CHECK_STR(buf, "slide-001.png");
	slide_files_name(buf, sizeof(buf), 1233);
	CHECK_STR(buf, "slide-1234.png");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(slide_files_number(cases[i].name), cases[i].want);
}

static void
touch(const char *dir, const char *name)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
}

static bool
exists(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

static void
test_remove(void)
{
	static const char *const keep[] = {
		"slide-001.png",  "slide-002.png",     "slide-000.png",
		"slide-0009.png", "slide-004.png.bak", "notes.png",
		"index.html",
	};
	static const char *const gone[] = { "slide-003.png", "slide-004.png",
		                            "slide-1000.png" };
	char dir[] = "/tmp/test_slide_files.XXXXXX", msg[512], path[512];

	CHECK(mkdtemp(dir) != NULL);
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		touch(dir, keep[i]);
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		touch(dir, gone[i]);
	snprintf(path, sizeof(path), "%s/slide-005.png", dir);
	CHECK_INT(mkdir(path, 0777), 0); /* a folder: not ours to remove */
	CHECK_INT(slide_files_remove_stale(dir, 2, msg, sizeof(msg)), 3);
	CHECK_STR(msg, "removed 3 old slide files: slide-003.png "
	               "slide-004.png slide-1000.png");
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		CHECK(exists(dir, keep[i]));
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		CHECK(!exists(dir, gone[i]));
	CHECK(exists(dir, "slide-005.png"));
	CHECK_INT(slide_files_remove_stale(dir, 2, msg, sizeof(msg)), 0);
	CHECK_STR(msg, "");
	for (int i = 3; i <= 10; i++) {
		if (i == 5)
			continue; /* still the folder */
		snprintf(path, sizeof(path), "slide-%03d.png", i);
		touch(dir, path);
	}
	CHECK_INT(slide_files_remove_stale(dir, 2, msg, sizeof(msg)), 7);
	CHECK_STR(msg, "removed 7 old slide files: slide-003.png "
	               "slide-004.png slide-006.png slide-007.png "
	               "slide-008.png and 2 more");
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK_INT(system(path), 0);
	CHECK_INT(slide_files_remove_stale(dir, 2, msg, sizeof(msg)), -1);
	CHECK(strstr(msg, "cannot read folder") != NULL);
}

int
main(void)
{
	RUN(test_names);
	RUN(test_remove);
	return check_done("test_slide_files");
}
