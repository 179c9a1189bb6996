/*
 * test_text_paths: every text of a deck, with its JSON path, in order.
 */
#include "text_paths.h"

#include <stdint.h>
#include <string.h>

#include "check.h"

struct seen {
	char all[1024];
};

static void
each(void *ctx, size_t slide, const char *path, const char *text)
{
	struct seen *s = ctx;
	char one[128];

	snprintf(one, sizeof(one), "%s%s=%s;",
	         slide == SIZE_MAX ? ""
	         : slide           ? "1:"
	                           : "0:",
	         path, text);
	strcat(s->all, one);
}

static void
test_visit(void)
{
	static const char *bullets[] = { "b0", "b1" };
	static const struct deck_card cards[] = { { "n0", NULL },
		                                  { "n1", "t1" } };
	struct deck_slide slides[2] = {
		{ .title = "T", .bullets = { bullets, 2 }, .notes = "N" },
		{ .cards = cards, .n_cards = 2, .caption = "C" },
	};
	struct deck deck = { .title = "E", .slides = slides, .n_slides = 2 };
	struct seen s = { "" };

	deck.event.name = "E"; /* the title stands for the name: once */
	deck.event.venue = "V";
	text_paths_visit(&deck, each, &s);
	CHECK_STR(s.all, "event.name=E;event.venue=V;0:title=T;"
	                 "0:bullets[0]=b0;0:bullets[1]=b1;0:notes=N;"
	                 "1:cards[0].name=n0;1:cards[1].name=n1;"
	                 "1:cards[1].text=t1;1:caption=C;");
}

int
main(void)
{
	RUN(test_visit);
	return check_done("test_text_paths");
}
