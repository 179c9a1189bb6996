/*
 * deck_media: the loader's getters for a slide's logos and QR code, and
 * the split layout's rule that its picture has text or bullets beside it;
 * see deck_schema.h.
 *
 * A logo's picture is checked as a slide's image is (deck_check.c); its
 * size is then read from its header (picture_policy.h), so that the logo
 * wall can give wide and tall logos the same area. A QR code is encoded
 * here, once (qr.h), and kept in the deck's arena; data too long for a
 * code that can be drawn large enough to scan is an error.
 */
#include "deck_schema.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "picture_policy.h"
#include "qr.h"

#define HEADER_BYTES (64u << 10) /* read for a picture's size */

/* Sets logo's size from its picture's header, when it can be read. */
static void
read_logo_size(struct ctx *c, struct deck_logo *logo)
{
	size_t len = strlen(c->dir) + strlen(logo->image) + 2;
	char *full = malloc(len);
	unsigned char *buf = malloc(HEADER_BYTES);
	ssize_t got = -1;
	int fd;

	if (full && buf) {
		snprintf(full, len, "%s/%s", c->dir, logo->image);
		fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		got = fd < 0 ? -1 : read(fd, buf, HEADER_BYTES);
		if (fd >= 0)
			close(fd);
	}
	if (got <= 0 ||
	    picture_header_size(buf, (size_t)got, &logo->w, &logo->h) <= 0)
		logo->w = logo->h = 0;
	free(full);
	free(buf);
}

static bool
logo_count_ok(struct ctx *c, const struct slot *s, size_t count)
{
	if (count == 0)
		deck_value_error(c, s->n, s->path,
		                 "empty; give 1 to %d logos, e.g. [{\"image\": "
		                 "\"logo.png\", \"name\": \"Partner\"}]",
		                 DECK_MAX_LOGOS);
	else if (count > DECK_MAX_LOGOS)
		deck_value_error(c, s->n, s->path,
		                 "%zu logos; at most %d fit on a slide at a "
		                 "size that reads across a room: split them "
		                 "over two slides",
		                 count, DECK_MAX_LOGOS);
	return count > 0 && count <= DECK_MAX_LOGOS;
}

static void
get_logo(struct ctx *c, struct node e, const char *path, struct deck_logo *logo)
{
	static const struct use any = { ANY, -1, NULL };
	size_t errors = c->errors;

	if (!deck_is_type(c, e, path, cJSON_Object,
	                  "an object such as {\"image\": \"logo.png\"}"))
		return;
	deck_check_object(c, e, path, deck_spec(DECK_OBJECT_LOGO), logo, &any);
	if (logo->image && c->dir && c->errors == errors)
		read_logo_size(c, logo); /* only a picture that passed */
}

void
deck_get_logos(struct ctx *c, const struct slot *s)
{
	struct deck_slide *slide = s->base;
	struct deck_logo *logos;
	char path[PATH_LEN];
	size_t k = 0;

	if (!deck_is_type(c, s->n, s->path, cJSON_Array, "an array of logos") ||
	    !logo_count_ok(c, s, deck_count_children(s->n)))
		return;
	logos = deck_arena_alloc(c->arena,
	                         deck_count_children(s->n) * sizeof(*logos));
	for (struct node e = deck_first_child(s->n); e.j;
	     e = deck_next_child(c, e)) {
		deck_path_index(path, s->path, k);
		get_logo(c, e, path, &logos[k++]);
	}
	slide->logos = logos;
	slide->n_logos = k;
}

void
deck_get_qr(struct ctx *c, const struct slot *s)
{
	struct deck_qr *qr = &((struct deck_slide *)s->base)->qr;
	const char *text = deck_take_string(
	        c, s->n, s->path,
	        "empty; give the address or text the code holds");
	unsigned char *modules;
	size_t len = text ? strlen(text) : 0;
	int size;

	if (!text)
		return;
	if (qr_encode(text, len, &modules, &size) < 0) {
		deck_value_error(
		        c, s->n, s->path,
		        "%zu bytes is too long for a QR code that scans from "
		        "2 m: at most %d (a version-%d code); give a shorter "
		        "address (a short link) or less text",
		        len, QR_MAX_BYTES, QR_MAX_VERSION);
		return;
	}
	qr->text = text;
	qr->modules = deck_arena_alloc(c->arena, (size_t)size * (size_t)size);
	memcpy((unsigned char *)qr->modules, modules,
	       (size_t)size * (size_t)size);
	qr->size = size;
	free(modules);
}

void
deck_check_split(struct ctx *c, struct node slide, const char *path,
                 const struct deck_slide *sl)
{
	char key[PATH_LEN];
	struct node n;

	(void)sl;
	if (!deck_find_member(c, slide, "text", &n) &&
	    !deck_find_member(c, slide, "bullets", &n))
		deck_value_error(c, slide, path,
		                 "a \"split\" slide needs \"text\" or "
		                 "\"bullets\" beside its picture");
	else if (deck_find_member(c, slide, "text", &n) &&
	         deck_find_member(c, slide, "bullets", &n)) {
		deck_path_key(key, path, "bullets");
		deck_key_error(c, n, key,
		               "a \"split\" slide takes \"text\" or "
		               "\"bullets\", not both; remove one");
	}
}
