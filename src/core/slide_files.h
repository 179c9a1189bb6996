/*
 * slide_files: the names --export gives slide pictures (slide-001.png,
 * slide-002.png, ... slide-1000.png) and the clean-up of the ones a longer
 * deck left in the folder, so a folder never shows slides that are no
 * longer in the deck. One module owns the name so that the exporter, the
 * clean-up and the contact sheet's links agree. Pure C (POSIX folders).
 *
 * Usage:
 *	char name[SLIDE_FILES_NAME_MAX], msg[512];
 *	slide_files_name(name, sizeof(name), i);    // "slide-%03zu.png", i + 1
 *	if (slide_files_remove_stale(dir, n, msg, sizeof(msg)) != 0)
 *		puts(msg);                           // what went, or why not
 */
#ifndef VITRINE_SLIDE_FILES_H
#define VITRINE_SLIDE_FILES_H

#include <stddef.h>

#define SLIDE_FILES_NAME_MAX 64

/* Writes the file name of slide i (counted from 0) into buf. */
void slide_files_name(char *buf, size_t size, size_t i);

/* The same in language lang (a tag; NULL: the default's plain name):
 * "slide-001.pt.png". */
void slide_files_lang_name(char *buf, size_t size, size_t i, const char *lang);

/*
 * The slide number (counted from 1) whose file name is name, or 0 when
 * slide_files_name never gives name ("slide-000.png", "slide-01.png",
 * "slide-0001.png", "slide-001.png.bak", "notes.png"...).
 */
size_t slide_files_number(const char *name);

/*
 * Removes from dir every regular file named by slide_files_name for a slide
 * number above n, and nothing else. Returns how many went (0: msg is "");
 * otherwise msg holds one line without newline: "removed 3 old slide files:
 * slide-004.png slide-005.png slide-006.png" (the first few names). Returns
 * -1 with the reason in msg when dir cannot be read or a file not removed.
 */
long slide_files_remove_stale(const char *dir, size_t n, char *msg,
                              size_t size);

#endif
