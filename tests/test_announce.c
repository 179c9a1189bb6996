/*
 * test_announce: staff announcements read as a deck is, from the corpus in
 * tests/data/announce: each good-*.json becomes one statement slide in the
 * show's theme and event (copied, not borrowed); each bad-*.json is refused
 * with the one message in its .err file (file:line:col, what, the fix).
 * VITRINE_WRITE_ERR=1 writes the .err files instead of checking them.
 */
#include "deck.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "files.h"
#include "report.h"
#include "util.h"

#define DIR "tests/data/announce"

static struct deck_slide show_slide = { .layout = DECK_LAYOUT_TITLE,
	                                .title = "Welcome" };

static struct deck
show_deck(char *venue)
{
	struct deck d = { .path = DIR "/deck.json",
		          .dir = DIR,
		          .slides = &show_slide,
		          .n_slides = 1 };

	d.theme.background = (struct deck_color){ 0x10, 0x24, 0x3e };
	d.event.name = "Internet Governance Forum 2007";
	d.event.venue = venue;
	d.settings.clock = DECK_CORNER_TOP_RIGHT;
	return d;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = xcalloc(1, 4096);
	size_t n = f ? fread(buf, 1, 4095, f) : 0;

	if (f)
		fclose(f);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static void
check_bad(const char *name, const struct deck *show)
{
	char path[512], err[512];
	struct report rep;
	struct deck a;
	char *want;

	snprintf(path, sizeof(path), "%s/%s", DIR, name);
	snprintf(err, sizeof(err), "%.*s.err", (int)strlen(path) - 5, path);
	report_init(&rep);
	CHECK_INT(deck_load_announcement(&a, show, path, &rep), -1);
	CHECK(a.n_slides == 0 && !a.arena);
	if (getenv("VITRINE_WRITE_ERR")) {
		FILE *f = fopen(err, "wb");

		if (f) {
			fprintf(f, "%s\n", report_first(&rep));
			fclose(f);
		}
	} else {
		want = read_all(err);
		CHECK_STR(report_first(&rep), want);
		free(want);
	}
	report_destroy(&rep);
}

static void
test_corpus(void)
{
	char venue[] = "Rio de Janeiro";
	struct deck show = show_deck(venue);
	size_t n, good = 0, bad = 0;
	char **names = list_json(DIR, &n);

	for (size_t i = 0; i < n; i++) {
		struct report rep;
		struct deck a;

		if (strncmp(names[i], "bad-", 4) == 0) {
			check_bad(names[i], &show);
			bad++;
			continue;
		}
		report_init(&rep);
		CHECK_INT(deck_load_announcement(
		                  &a, &show, files_path(DIR, names[i]), &rep),
		          0);
		CHECK(a.n_slides == 1 && a.slides[0].statement);
		CHECK_INT(a.slides[0].layout, DECK_LAYOUT_STATEMENT);
		good++;
		/* the show's event is copied: the show may be reloaded */
		venue[0] = 'X';
		CHECK_STR(a.event.venue, "Rio de Janeiro");
		venue[0] = 'R';
		CHECK(a.theme.background.r == 0x10);
		deck_free(&a);
		report_destroy(&rep);
	}
	CHECK(good >= 2 && bad >= 10);
	free_list(names, n);
}

static void
test_fields(void)
{
	static const char full[] =
	        "{\"title\": \"Evacuation\", \"text\": \"Leave now\", "
	        "\"until\": \"2007-11-13T11:00-02:00\", "
	        "\"background\": \"#8b0000\"}";
	struct deck show = show_deck(NULL);
	struct report rep;
	struct deck a;

	report_init(&rep);
	CHECK_INT(deck_parse_announcement(&a, &show, "a.json", full,
	                                  strlen(full), &rep),
	          0);
	CHECK_STR(a.slides[0].title, "Evacuation");
	CHECK_STR(a.slides[0].statement, "Leave now");
	CHECK_STR(a.slides[0].until, "2007-11-13T11:00-02:00");
	CHECK(a.slides[0].has_background && a.slides[0].background.r == 0x8b);
	deck_free(&a);
	report_destroy(&rep);
}

int
main(void)
{
	RUN(test_corpus);
	RUN(test_fields);
	return check_done("test_announce");
}
