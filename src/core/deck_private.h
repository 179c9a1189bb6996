/*
 * deck_private: what the deck_*.c files share and no other file sees: the
 * arena every deck string lives in, the default theme and settings,
 * whole-file messages and the text checks the loader and the holding deck
 * both make. Private to src/core/deck*.c; the API is deck.h.
 */
#ifndef VITRINE_DECK_PRIVATE_H
#define VITRINE_DECK_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "report.h"

/* A new empty arena, freed with deck_arena_free. */
struct deck_arena *deck_arena_new(void);

/* Returns size zeroed bytes that live until deck_arena_free. */
void *deck_arena_alloc(struct deck_arena *a, size_t size);

/* A copy of the len bytes at s in the arena, tabs made spaces. */
const char *deck_arena_text(struct deck_arena *a, const char *s, size_t len);
/* The same for the whole string s. */
const char *deck_arena_str(struct deck_arena *a, const char *s);

/* Frees a and every block in it. Accepts NULL. */
void deck_arena_free(struct deck_arena *a);

/* Sets the deck's theme and settings to their defaults. */
void deck_set_defaults(struct deck *deck);

/* Reports "NAME: message" for the file as a whole; returns -1. */
int deck_file_error(struct report *rep, const char *name, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* The first control character in s other than \n and \t, or 0. */
unsigned deck_find_control(const char *s);

/* Is s empty or only spaces, tabs and line breaks? */
bool deck_is_blank(const char *s);

#endif
