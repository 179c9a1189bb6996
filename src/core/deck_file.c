/*
 * deck_file: reading a deck file and the holding deck; see deck.h.
 *
 * deck_load refuses anything but a regular file of at most
 * DECK_MAX_FILE_BYTES, reads it whole without ever blocking on a FIFO or
 * device and hands the bytes to deck_parse. deck_holding builds the
 * one-slide deck shown while the real one is missing or broken, and
 * deck_peek_event_name reads its event name leniently from a broken file.
 */
#include "deck.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "deck_private.h"
#include "schedule.h"
#include "util.h"

/* Files */

static const char *
file_kind(mode_t mode)
{
	return S_ISFIFO(mode)   ? "a FIFO"
	       : S_ISCHR(mode)  ? "a character device"
	       : S_ISBLK(mode)  ? "a block device"
	       : S_ISSOCK(mode) ? "a socket"
	                        : "a special file";
}

static int
too_large(struct report *rep, const char *path)
{
	return deck_file_error(rep, path,
	                       "too large; a deck may be at most %u MiB "
	                       "(%u bytes)",
	                       DECK_MAX_FILE_BYTES >> 20, DECK_MAX_FILE_BYTES);
}

/* Refuses what is not a regular file of at most the size limit. */
static int
check_file(const char *path, const struct stat *st, struct report *rep)
{
	if (S_ISDIR(st->st_mode))
		return deck_file_error(rep, path,
		                       "is a directory; give the deck's "
		                       ".json file");
	if (!S_ISREG(st->st_mode))
		return deck_file_error(rep, path,
		                       "is %s, not a regular file; give "
		                       "the deck's .json file",
		                       file_kind(st->st_mode));
	if (st->st_size > (off_t)DECK_MAX_FILE_BYTES)
		return too_large(rep, path);
	return 0;
}

/*
 * Reads fd to its end, or to one byte past the size limit, into *out
 * (the caller frees); size is a first guess. Returns -1 with errno set.
 */
static int
read_all(int fd, size_t size, char **out, size_t *len)
{
	return util_read_bounded(fd, size, DECK_MAX_FILE_BYTES, out, len);
}

/*
 * Reads the regular file at path whole into *out (the caller frees it,
 * also on failure); -1 after reporting. Never blocks on a FIFO or device:
 * they are refused before and after opening, and O_NONBLOCK covers a swap
 * in between.
 */
static int
read_file(const char *path, char **out, size_t *len, struct report *rep)
{
	struct stat st;
	int fd, rc = -1;

	if (stat(path, &st) < 0)
		return deck_file_error(rep, path, "cannot open: %s",
		                       strerror(errno));
	if (check_file(path, &st, rep) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return deck_file_error(rep, path, "cannot open: %s",
		                       strerror(errno));
	if (fstat(fd, &st) < 0 || check_file(path, &st, rep) < 0)
		goto out_close;
	if (read_all(fd, (size_t)st.st_size, out, len) < 0)
		deck_file_error(rep, path, "cannot read: %s", strerror(errno));
	else if (*len > DECK_MAX_FILE_BYTES)
		too_large(rep, path);
	else
		rc = 0;
out_close:
	close(fd);
	return rc;
}

/* The folder part of path ("." when it has none); the caller frees. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return xstrdup("/");
	return xmemdup_nul(path, (size_t)(slash - path));
}

int
deck_load(struct deck *deck, const char *path, struct report *rep)
{
	char *buf = NULL, *dir = dir_of(path);
	size_t len = 0;
	int rc = -1;

	memset(deck, 0, sizeof(*deck));
	if (read_file(path, &buf, &len, rep) == 0)
		rc = deck_parse(deck, path, dir, buf, len, rep);
	free(dir);
	free(buf);
	return rc;
}

int
deck_load_announcement(struct deck *out, const struct deck *show,
                       const char *path, struct report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (read_file(path, &buf, &len, rep) == 0)
		rc = deck_parse_announcement(out, show, path, buf, len, rep);
	free(buf);
	return rc;
}

int
schedule_load(struct schedule *s, const char *path, struct report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	if (read_file(path, &buf, &len, rep) == 0)
		rc = schedule_parse(s, path, buf, len, rep);
	free(buf);
	return rc;
}

/* Holding deck */

static bool
is_utf8(const char *s, size_t len)
{
	for (size_t i = 0, n; i < len; i += n)
		if (!(n = util_utf8_decode(s + i, len - i, NULL)))
			return false;
	return true;
}

/* Is s valid UTF-8 text for a slide: not blank, no control characters,
 * at most DECK_MAX_STRING bytes? */
static bool
is_plain_text(const char *s)
{
	size_t len = strlen(s);

	return is_utf8(s, len) && len <= DECK_MAX_STRING &&
	       !deck_find_control(s) && !deck_is_blank(s);
}

/* The event name in the JSON text of len bytes (lenient: trailing bytes
 * and schema errors do not matter), or NULL; the caller frees. */
static char *
event_name_in(const char *buf, size_t len)
{
	char *copy = xmemdup_nul(buf, len), *name = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(copy, len + 1, NULL, 0);
	const cJSON *event = cJSON_GetObjectItemCaseSensitive(root, "event");
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(event, "name");

	if (cJSON_IsString(j) && is_plain_text(j->valuestring))
		name = xstrdup(j->valuestring);
	for (char *p = name; p && *p; p++)
		*p = *p == '\t' ? ' ' : *p;
	cJSON_Delete(root);
	free(copy);
	return name;
}

char *
deck_peek_event_name(const char *path)
{
	struct report rep;
	char *buf = NULL, *name = NULL;
	size_t len = 0;

	report_init(&rep);
	if (read_file(path, &buf, &len, &rep) == 0)
		name = event_name_in(buf, len);
	free(buf);
	report_destroy(&rep);
	return name;
}

int
deck_holding(struct deck *deck, const char *path, const char *event_name)
{
	struct deck_arena *a = deck_arena_new();
	char *dir = dir_of(path);
	struct deck_slide *slide;

	memset(deck, 0, sizeof(*deck));
	deck->arena = a;
	deck->path = deck_arena_str(a, path);
	deck->dir = deck_arena_str(a, dir);
	free(dir);
	deck_set_defaults(deck);
	if (event_name && is_plain_text(event_name))
		deck->title = deck->event.name = deck_arena_str(a, event_name);
	deck->slides = slide = deck_arena_alloc(a, sizeof(*slide));
	deck->n_slides = 1;
	slide->layout = DECK_LAYOUT_TITLE;
	slide->transition = -1;
	slide->title = deck->title ? deck->title : deck_arena_str(a, "Welcome");
	slide->subtitle = deck_arena_str(a, "The show starts shortly");
	return 0;
}
