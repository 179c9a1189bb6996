/*
 * font: the bundled faces, checked, with fallbacks and sized slots; see
 * font.h.
 *
 * Each bundled TTF file is read into memory once; a few TTF_Fonts are
 * opened from that memory and set to the sizes the layout asks for, least
 * recently used first (see font_set_slots). A face that cannot be read or
 * used is replaced by another bundled face that loaded (one warning
 * logged); only when none loads does font_create fail.
 */
#include "font.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "log.h"
#include "util.h"

#define FONT_SLOTS 4 /* open (face, px) pairs, unless told */

static const char *const font_files[DECK_FONT_COUNT] = {
	[DECK_FONT_SANS] = "NotoSans-Regular.ttf",
	[DECK_FONT_SANS_BOLD] = "NotoSans-Bold.ttf",
	[DECK_FONT_SERIF] = "NotoSerif-Regular.ttf",
	[DECK_FONT_SERIF_BOLD] = "NotoSerif-Bold.ttf",
};

struct sized_font {
	TTF_Font *font; /* owned; NULL = free slot */
	enum deck_font face;
	int px;
	uint64_t used;
};

struct font_set {
	void *data[DECK_FONT_COUNT]; /* owned, SDL_LoadFile'd; NULL when that
	                                face did not load or is parked */
	size_t size[DECK_FONT_COUNT];
	enum deck_font face_src[DECK_FONT_COUNT]; /* the loaded face that
	                                             draws each face */
	bool usable[DECK_FONT_COUNT]; /* loaded and checked at least once;
	                                 its data may be parked (freed) while
	                                 no deck draws with it */
	char *dir;                    /* owned, to load a parked face again */
	struct sized_font slots[FONT_SLOTS_MAX];
	size_t n_slots; /* how many of slots[] may be open */
	uint64_t clock; /* counts uses, for least-recently-used eviction */
};

const char *
font_file(enum deck_font face)
{
	return face < DECK_FONT_COUNT ? font_files[face] : NULL;
}

/*
 * The sfnt checksum of a table: the sum of its big-endian 32-bit words,
 * the last one padded with zeros; in "head", without checkSumAdjustment.
 */
static uint32_t
table_sum(const unsigned char *t, uint64_t len, bool head)
{
	unsigned char last[4] = { 0 };
	uint32_t sum = 0;
	uint64_t k;

	for (k = 0; k + 4 <= len; k += 4)
		sum += util_be32(t + k);
	if (k < len) {
		memcpy(last, t + k, (size_t)(len - k));
		sum += util_be32(last);
	}
	if (head && len >= 12)
		sum -= util_be32(t + 8);
	return sum;
}

/* The tag of the table record at rec, made printable, into tag. */
static void
copy_tag(char tag[5], const unsigned char *rec)
{
	for (int k = 0; k < 4; k++)
		tag[k] = rec[k] < 0x20 || rec[k] > 0x7e ? '?' : (char)rec[k];
	tag[4] = '\0';
}

/*
 * Why the TrueType/OpenType data of size bytes is damaged, or NULL: each
 * table must lie inside the file (a truncated copy fails here) and match
 * its checksum (so does a changed byte; FreeType would only notice when
 * it meets the glyph). tag receives the table that failed.
 */
static const char *
sfnt_problem(const unsigned char *b, size_t size, char *tag)
{
	uint32_t version, n;

	if (size < 12)
		return "too short for a font";
	version = util_be32(b);
	if (version != 0x00010000 && version != 0x74727565 /* true */ &&
	    version != 0x4f54544f /* OTTO */)
		return "not a TrueType or OpenType font";
	n = (uint32_t)b[4] << 8 | b[5];
	if (n == 0 || 12 + 16 * (size_t)n > size)
		return "truncated in its table directory";
	for (uint32_t i = 0; i < n; i++) {
		const unsigned char *rec = b + 12 + 16 * i;
		uint64_t off = util_be32(rec + 8), len = util_be32(rec + 12);

		copy_tag(tag, rec);
		if (off + len > size)
			return "truncated";
		if (table_sum(b + off, len, !memcmp(rec, "head", 4)) !=
		    util_be32(rec + 4))
			return "damaged";
	}
	return NULL;
}

static TTF_Font *
open_sized(struct font_set *fs, enum deck_font face, int px)
{
	SDL_RWops *rw = SDL_RWFromConstMem(fs->data[face], (int)fs->size[face]);
	TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;

	/* Light hinting: at 20 px and more it looks the same as full, and
	 * measuring and drawing each new size costs half as much. */
	if (font)
		TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	return font;
}

/* Frees the file of face, as when it did not load. */
static void
drop_data(struct font_set *fs, enum deck_font face)
{
	SDL_free(fs->data[face]);
	fs->data[face] = NULL;
}

/*
 * Reads the file at path into fs->data[face] and checks its tables.
 * Returns 0, or -1 with the reason in why.
 */
static int
read_font(struct font_set *fs, enum deck_font face, const char *path, char *why,
          size_t why_size)
{
	const char *problem;
	struct stat st;
	SDL_RWops *rw;
	char tag[5] = "";

	/* Not even opened unless a regular file: a FIFO would block. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(why, why_size,
		         "%s: cannot read font: not a regular file; reinstall "
		         "vitrine or set VITRINE_FONTS to the fonts folder",
		         path);
		return -1;
	}
	rw = SDL_RWFromFile(path, "rb");
	fs->data[face] = rw ? SDL_LoadFile_RW(rw, &fs->size[face], 1) : NULL;
	if (!fs->data[face]) {
		snprintf(why, why_size,
		         "%s: cannot read font: %s; reinstall vitrine or set "
		         "VITRINE_FONTS to the fonts folder",
		         path, SDL_GetError());
		return -1;
	}
	problem = sfnt_problem(fs->data[face], fs->size[face], tag);
	if (problem) {
		snprintf(why, why_size,
		         "%s: not a usable font: %s (table '%s'); reinstall "
		         "vitrine",
		         path, problem, tag);
		drop_data(fs, face);
		return -1;
	}
	return 0;
}

/*
 * Reads the bundled face from dir and checks that SDL_ttf can draw with
 * it. Returns 0, or -1 with the reason in why.
 */
static int
load_font(struct font_set *fs, enum deck_font face, const char *dir, char *why,
          size_t why_size)
{
	static const SDL_Color white = { 255, 255, 255, 255 };
	char path[4096];
	TTF_Font *probe;
	SDL_Surface *s = NULL;
	int w, h;

	snprintf(path, sizeof(path), "%s/%s", dir, font_file(face));
	if (read_font(fs, face, path, why, why_size) < 0)
		return -1;
	probe = open_sized(fs, face, 16);
	if (probe && TTF_SizeUTF8(probe, "Ag", &w, &h) == 0 && w > 0)
		s = TTF_RenderUTF8_Blended(probe, "Ag", white);
	if (!s) {
		snprintf(why, why_size,
		         "%s: not a usable font: %s; reinstall vitrine", path,
		         TTF_GetError());
		if (probe)
			TTF_CloseFont(probe);
		drop_data(fs, face);
		return -1;
	}
	SDL_FreeSurface(s);
	TTF_CloseFont(probe);
	return 0;
}

/* The loaded face closest to face: same family first, then same weight. */
static int
fallback_face(const struct font_set *fs, enum deck_font face)
{
	static const enum deck_font order[DECK_FONT_COUNT][DECK_FONT_COUNT] = {
		[DECK_FONT_SANS] = { DECK_FONT_SANS, DECK_FONT_SANS_BOLD,
		                     DECK_FONT_SERIF, DECK_FONT_SERIF_BOLD },
		[DECK_FONT_SANS_BOLD] = { DECK_FONT_SANS_BOLD, DECK_FONT_SANS,
		                          DECK_FONT_SERIF_BOLD,
		                          DECK_FONT_SERIF },
		[DECK_FONT_SERIF] = { DECK_FONT_SERIF, DECK_FONT_SERIF_BOLD,
		                      DECK_FONT_SANS, DECK_FONT_SANS_BOLD },
		[DECK_FONT_SERIF_BOLD] = { DECK_FONT_SERIF_BOLD,
		                           DECK_FONT_SERIF, DECK_FONT_SANS_BOLD,
		                           DECK_FONT_SANS },
	};

	for (int k = 0; k < DECK_FONT_COUNT; k++)
		if (fs->usable[order[face][k]])
			return (int)order[face][k];
	return -1;
}

/* Logs that face's text is drawn with src, and why. */
static void
warn_fallback(const char *why, int face, int src)
{
	log_msg(LOG_WARN, "%s; drawing %s text with %s instead", why,
	        deck_font_name((enum deck_font)face),
	        deck_font_name((enum deck_font)src));
}

struct font_set *
font_create(const char *dir, struct report *rep)
{
	struct font_set *fs = xcalloc(1, sizeof(*fs));
	char why[DECK_FONT_COUNT][4400];
	bool failed[DECK_FONT_COUNT];
	int loaded = 0;

	fs->n_slots = FONT_SLOTS;
	fs->dir = xstrdup(dir);
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		failed[f] = load_font(fs, (enum deck_font)f, dir, why[f],
		                      sizeof(why[f])) < 0;
		fs->usable[f] = !failed[f];
		loaded += !failed[f];
	}
	if (!loaded) {
		for (int f = 0; f < DECK_FONT_COUNT; f++)
			report_error(rep, "%s", why[f]);
		font_destroy(fs);
		return NULL;
	}
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		int src = fallback_face(fs, (enum deck_font)f);

		fs->face_src[f] = (enum deck_font)src;
		if (failed[f])
			warn_fallback(why[f], f, src);
	}
	return fs;
}

/* Closes the font in slot s, if any, leaving the slot free. */
static void
close_slot(struct sized_font *s)
{
	if (s->font)
		TTF_CloseFont(s->font);
	s->font = NULL;
}

void
font_destroy(struct font_set *fs)
{
	if (!fs)
		return;
	for (size_t i = 0; i < FONT_SLOTS_MAX; i++)
		close_slot(&fs->slots[i]);
	for (int f = 0; f < DECK_FONT_COUNT; f++)
		SDL_free(fs->data[f]);
	free(fs->dir);
	free(fs);
}

/*
 * Loads a parked face again. Should it fail now (the file changed since),
 * the face is dropped and drawn with the closest other, as at the start.
 */
static void
unpark(struct font_set *fs, enum deck_font face)
{
	char why[4400];

	if (fs->data[face] || !fs->usable[face])
		return;
	if (load_font(fs, face, fs->dir, why, sizeof(why)) == 0)
		return;
	fs->usable[face] = false;
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		int src = fallback_face(fs, (enum deck_font)f);

		if (src < 0) /* none left: keep drawing with what is open */
			src = f;
		if (fs->face_src[f] == face && src != (int)face)
			warn_fallback(why, f, src);
		fs->face_src[f] = (enum deck_font)src;
	}
}

/* Which slot takes a new size: a free one, else the least recently used of
 * the same face (resized, keeping its tables), else the least recently
 * used. */
static struct sized_font *
slot_for(struct font_set *fs, enum deck_font face)
{
	struct sized_font *lru = NULL, *same = NULL;

	for (size_t i = 0; i < fs->n_slots; i++) {
		struct sized_font *f = &fs->slots[i];

		if (!f->font)
			return f;
		if (!lru || f->used < lru->used)
			lru = f;
		if (f->face == face && (!same || f->used < same->used))
			same = f;
	}
	return same ? same : lru;
}

/* Marks slot as just used; returns its font. */
static TTF_Font *
touch(struct font_set *fs, struct sized_font *slot)
{
	slot->used = ++fs->clock;
	return slot->font;
}

/*
 * A few TTF_Fonts stay open and take new sizes as needed: resizing keeps
 * the face's tables and HarfBuzz's shaping plans, which opening anew would
 * read and build again (and hold once per size).
 */
TTF_Font *
font_at(struct font_set *fs, enum deck_font face, int px)
{
	struct sized_font *slot;

	face = fs->face_src[face];
	if (!fs->data[face]) /* parked, and asked for all the same */
		unpark(fs, face);
	face = fs->face_src[face];
	for (size_t i = 0; i < fs->n_slots; i++) {
		struct sized_font *f = &fs->slots[i];

		if (f->font && f->face == face && f->px == px)
			return touch(fs, f);
	}
	slot = slot_for(fs, face);
	if (slot->font && slot->face == face &&
	    TTF_SetFontSize(slot->font, px) == 0) {
		slot->px = px;
		return touch(fs, slot);
	}
	close_slot(slot);
	*slot = (struct sized_font){ open_sized(fs, face, px), face, px, 0 };
	return touch(fs, slot);
}

void
font_set_slots(struct font_set *fs, size_t n)
{
	n = n < 1 ? 1 : n > FONT_SLOTS_MAX ? FONT_SLOTS_MAX : n;
	for (size_t i = n; i < fs->n_slots; i++)
		close_slot(&fs->slots[i]);
	fs->n_slots = n;
}

static void
close_face(struct font_set *fs, enum deck_font face)
{
	for (size_t i = 0; i < FONT_SLOTS_MAX; i++)
		if (fs->slots[i].face == face)
			close_slot(&fs->slots[i]);
}

void
font_keep_only(struct font_set *fs, const enum deck_font *needs, size_t n)
{
	bool used[DECK_FONT_COUNT] = { false };

	/* Loading one may fail and hand its text to another, parked too. */
	for (int round = 0; round < DECK_FONT_COUNT; round++)
		for (size_t k = 0; k < n; k++)
			unpark(fs, fs->face_src[needs[k]]);
	for (size_t k = 0; k < n; k++)
		used[fs->face_src[needs[k]]] = true;
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		if (!used[f] && fs->data[f]) {
			close_face(fs, (enum deck_font)f);
			drop_data(fs, (enum deck_font)f);
		}
	}
}

size_t
font_bytes(const struct font_set *fs)
{
	size_t n = 0;

	for (int f = 0; f < DECK_FONT_COUNT; f++)
		n += fs->data[f] ? fs->size[f] : 0;
	return n;
}
