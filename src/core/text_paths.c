/*
 * text_paths: a deck's texts and their JSON paths; see text_paths.h.
 */
#include "text_paths.h"

#include <stdint.h>
#include <stdio.h>

struct visit {
	text_path_fn *fn;
	void *ctx;
	size_t slide;
};

static void
one(const struct visit *v, const char *path, const char *text)
{
	if (text)
		v->fn(v->ctx, v->slide, path, text);
}

/* Each string of list as key[k]. */
static void
list(const struct visit *v, const char *key, const struct deck_strings *l)
{
	char path[TEXT_PATH_MAX];

	for (size_t k = 0; k < l->n; k++) {
		snprintf(path, sizeof(path), "%s[%zu]", key, k);
		one(v, path, l->v[k]);
	}
}

static void
cards(const struct visit *v, const struct deck_slide *s)
{
	char path[TEXT_PATH_MAX];

	for (size_t k = 0; k < s->n_cards; k++) {
		snprintf(path, sizeof(path), "cards[%zu].name", k);
		one(v, path, s->cards[k].name);
		snprintf(path, sizeof(path), "cards[%zu].text", k);
		one(v, path, s->cards[k].text);
	}
}

static void
contact(const struct visit *v, const struct deck_contact *c)
{
	one(v, "contact.name", c->name);
	one(v, "contact.role", c->role);
	one(v, "contact.organisation", c->organisation);
	one(v, "contact.email", c->email);
	one(v, "contact.phone", c->phone);
	one(v, "contact.url", c->url);
}

static void
logos(const struct visit *v, const struct deck_slide *s)
{
	char path[TEXT_PATH_MAX];

	for (size_t k = 0; k < s->n_logos; k++) {
		snprintf(path, sizeof(path), "logos[%zu].name", k);
		one(v, path, s->logos[k].name);
	}
}

static void
slide(const struct visit *v, const struct deck_slide *s)
{
	one(v, "title", s->title);
	one(v, "subtitle", s->subtitle);
	list(v, "text", &s->text);
	list(v, "bullets", &s->bullets);
	one(v, "statement", s->statement);
	cards(v, s);
	contact(v, &s->contact);
	one(v, "caption", s->caption);
	one(v, "after", s->after);
	logos(v, s);
	one(v, "notes", s->notes);
}

void
text_paths_visit(const struct deck *deck, text_path_fn *fn, void *ctx)
{
	struct visit v = { fn, ctx, SIZE_MAX };

	if (deck->title != deck->event.name) /* the name stands in for it */
		one(&v, "title", deck->title);
	one(&v, "event.name", deck->event.name);
	one(&v, "event.date", deck->event.date);
	one(&v, "event.venue", deck->event.venue);
	for (size_t i = 0; i < deck->n_slides; i++) {
		v.slide = i;
		slide(&v, &deck->slides[i]);
	}
}
