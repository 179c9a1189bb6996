/*
 * fallback: system fonts for what the bundled faces lack, found through
 * fontconfig and opened lazily; see fallback.h.
 */
#include "fallback.h"

#include <ctype.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

#define MISSING_MAX 256 /* code points remembered as drawn by no font */
#define LANG_MAX    16

struct face {
	char *path;          /* owned; NULL: free slot */
	int index;           /* in a collection (.ttc) */
	bool serif, bold;    /* the style it was found for */
	bool cjk;            /* a CJK face: chosen for its language */
	char lang[LANG_MAX]; /* the fontconfig language it was found for */
	TTF_Font *font;      /* owned */
	struct mapped *file; /* borrowed from the set's maps; NULL: none */
	int px;              /* the size it is set to */
	bool fixed;          /* bitmap sizes only (colour emoji) */
	uint64_t used;
};

/* A font file mapped into memory, shared by the faces it holds (a CJK
 * collection holds Japanese, Chinese and Korean faces): its pages count
 * once. */
struct mapped {
	char *path; /* owned; NULL: free */
	void *data; /* owned */
	size_t size;
	int users; /* faces open from it */
};

struct fallback {
	bool fc_tried, fc_ok; /* FcInit called, and whether it worked */
	struct mapped maps[FALLBACK_FACES];
	struct face faces[FALLBACK_FACES];
	uint64_t kept_from; /* faces used after this clock stay open */
	bool no_room;       /* the last face found could not be opened for
	                       want of a slot (not for want of a font) */
	uint32_t missing[MISSING_MAX];
	size_t n_missing;
	uint64_t clock;
};

/* Sets that started fontconfig and are not destroyed yet: the last one
 * lets fontconfig go (FcFini), so leak checkers see nothing left. None of
 * fontconfig's objects outlive a lookup. */
static int fc_users;

struct fallback *
fallback_create(void)
{
	return xcalloc(1, sizeof(struct fallback));
}

/* One face fewer uses m: unmapped when none does. */
static void
unuse(struct mapped *m)
{
	if (!m || --m->users > 0)
		return;
	munmap(m->data, m->size);
	free(m->path);
	memset(m, 0, sizeof(*m));
}

static void
close_face(struct face *f)
{
	if (f->font)
		TTF_CloseFont(f->font);
	unuse(f->file);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

void
fallback_destroy(struct fallback *fb)
{
	if (!fb)
		return;
	for (size_t i = 0; i < FALLBACK_FACES; i++)
		close_face(&fb->faces[i]);
	if (fb->fc_ok && --fc_users == 0)
		FcFini();
	free(fb);
}

void
fallback_keep_from_now(struct fallback *fb)
{
	fb->kept_from = fb->clock;
}

void
fallback_close_all(struct fallback *fb)
{
	for (size_t i = 0; i < FALLBACK_FACES; i++)
		close_face(&fb->faces[i]);
	fb->n_missing = 0;
}

size_t
fallback_count(const struct fallback *fb)
{
	size_t n = 0;

	for (size_t i = 0; i < FALLBACK_FACES; i++)
		n += fb->faces[i].path != NULL;
	return n;
}

/*
 * The fontconfig language of BCP 47 tag lang into out: lower case, the
 * script subtags of Chinese as regions ("zh-Hant" is "zh-tw", "zh-Hans"
 * "zh-cn"), others dropped ("sr-Latn-RS" is "sr-rs"); "" when unknown.
 */
static void
fc_lang(const char *lang, char out[LANG_MAX])
{
	char tag[LANG_MAX * 2] = "";
	size_t n = 0;

	out[0] = '\0';
	if (!lang || !*lang)
		return;
	for (size_t i = 0; lang[i] && i + 1 < sizeof(tag); i++)
		tag[i] = (char)tolower(
		        (unsigned char)(lang[i] == '_' ? '-' : lang[i]));
	if (!strncmp(tag, "zh-hant", 7)) {
		snprintf(out, LANG_MAX, strstr(tag, "-hk") ? "zh-hk" : "zh-tw");
		return;
	}
	if (!strncmp(tag, "zh-hans", 7)) {
		snprintf(out, LANG_MAX, "zh-cn");
		return;
	}
	for (const char *p = strtok(tag, "-"); p && n + 1 < LANG_MAX;
	     p = strtok(NULL, "-")) {
		if (n && strlen(p) != 2)
			continue; /* a script or variant: not fontconfig's */
		n += (size_t)snprintf(out + n, LANG_MAX - n, "%s%s",
		                      n ? "-" : "", p);
		if (n >= LANG_MAX)
			n = LANG_MAX - 1;
	}
}

static bool
fc_ready(struct fallback *fb)
{
	if (!fb->fc_tried) {
		fb->fc_tried = true;
		fb->fc_ok = FcInit();
		fc_users += fb->fc_ok;
		if (!fb->fc_ok)
			log_msg(LOG_WARN,
			        "fontconfig did not start: text in "
			        "scripts the bundled fonts lack shows "
			        "as boxes");
	}
	return fb->fc_ok;
}

static bool
is_missing(const struct fallback *fb, uint32_t cp)
{
	for (size_t i = 0; i < fb->n_missing; i++)
		if (fb->missing[i] == cp)
			return true;
	return false;
}

static void
add_missing(struct fallback *fb, uint32_t cp)
{
	if (fb->n_missing < MISSING_MAX)
		fb->missing[fb->n_missing++] = cp;
}

/* How much a family suits a face of family want: 0 a Noto face of the
 * same family ("Noto Sans Arabic" for "Noto Sans"), 1 another Noto face,
 * 2 any other. */
static int
family_rank(const char *family, const char *want)
{
	size_t n = strlen(want);

	if (!strncmp(family, want, n) && family[n] == ' ')
		return 0;
	return strncmp(family, "Noto ", 5) ? 2 : 1;
}

/* A sort pattern for cp in face's family and weight, in language lang. */
static FcPattern *
sort_pattern(enum deck_font face, const char *lang, uint32_t cp)
{
	bool serif = face == DECK_FONT_SERIF || face == DECK_FONT_SERIF_BOLD;
	bool bold = face == DECK_FONT_SANS_BOLD || face == DECK_FONT_SERIF_BOLD;
	FcPattern *p = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();

	FcCharSetAddChar(cs, cp);
	FcPatternAddString(
	        p, FC_FAMILY,
	        (const FcChar8 *)(serif ? "Noto Serif" : "Noto Sans"));
	FcPatternAddInteger(p, FC_WEIGHT,
	                    bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddCharSet(p, FC_CHARSET, cs);
	if (*lang)
		FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
	FcCharSetDestroy(cs);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	return p;
}

/* Whether SDL_ttf can open the font of pattern f: TrueType or CFF. */
static bool
is_openable(FcPattern *f)
{
	FcChar8 *format = NULL;

	if (FcPatternGetString(f, FC_FONTFORMAT, 0, &format) != FcResultMatch)
		return false;
	return !strcmp((char *)format, "TrueType") ||
	       !strcmp((char *)format, "CFF");
}

/* The best font of the sorted set that has cp into *best; false if none. */
static bool
pick(FcFontSet *set, uint32_t cp, const char *want, FcPattern **best)
{
	int best_rank = 3;

	for (int i = 0; i < set->nfont && best_rank > 0; i++) {
		FcPattern *f = set->fonts[i];
		FcCharSet *cs = NULL;
		FcChar8 *family = NULL;
		int rank;

		if (FcPatternGetCharSet(f, FC_CHARSET, 0, &cs) !=
		            FcResultMatch ||
		    !FcCharSetHasChar(cs, cp) || !is_openable(f))
			continue;
		if (FcPatternGetString(f, FC_FAMILY, 0, &family) !=
		    FcResultMatch)
			family = (FcChar8 *)"";
		rank = family_rank((const char *)family, want);
		if (rank < best_rank) {
			best_rank = rank;
			*best = f;
		}
	}
	return best_rank < 3;
}

/* The least recently used slot, or a free one. */
static struct face *
free_slot(struct fallback *fb)
{
	struct face *lru = NULL;

	for (size_t i = 0; i < FALLBACK_FACES; i++) {
		struct face *f = &fb->faces[i];

		if (!f->path)
			return f;
		if (f->used <= fb->kept_from && (!lru || f->used < lru->used))
			lru = f;
	}
	if (lru) /* else every face is in use by the line being set */
		close_face(lru);
	return lru;
}

/*
 * The font file at path mapped into memory (*size bytes), or NULL. Mapped
 * rather than read: FreeType reads a glyph's data in many small pieces,
 * which through a file cost a seek and a read each (--check of a deck in
 * 13 scripts spent most of its time there), and only the pages it touches
 * take memory, shared with other programs.
 */
static void *
map_file(const char *path, size_t *size)
{
	struct stat st;
	void *m = MAP_FAILED;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size < INT32_MAX) {
		*size = (size_t)st.st_size;
		m = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
		/* glyphs are read here and there: no read-ahead */
		if (m != MAP_FAILED)
			madvise(m, *size, MADV_RANDOM);
	}
	close(fd);
	return m == MAP_FAILED ? NULL : m;
}

/* The mapping of the file at path, mapped now unless it is already; one
 * user more. NULL when it cannot be mapped. */
static struct mapped *
use_file(struct fallback *fb, const char *path)
{
	struct mapped *free_one = NULL;

	for (size_t i = 0; i < FALLBACK_FACES; i++) {
		struct mapped *m = &fb->maps[i];

		if (m->path && !strcmp(m->path, path)) {
			m->users++;
			return m;
		}
		if (!m->path && !free_one)
			free_one = m;
	}
	if (!free_one) /* cannot be: a map per face at most */
		return NULL;
	free_one->data = map_file(path, &free_one->size);
	if (!free_one->data)
		return NULL;
	free_one->path = xstrdup(path);
	free_one->users = 1;
	return free_one;
}

/* Opens the font of pattern f at px into a slot; NULL if SDL_ttf fails. */
static struct face *
open_face(struct fallback *fb, FcPattern *f, enum deck_font face,
          const char *lang, int px)
{
	FcChar8 *file = NULL, *family = NULL;
	int index = 0, h;
	struct face *s;
	TTF_Font *font;
	SDL_RWops *rw;
	struct mapped *m;

	FcPatternGetString(f, FC_FILE, 0, &file);
	FcPatternGetInteger(f, FC_INDEX, 0, &index);
	if (FcPatternGetString(f, FC_FAMILY, 0, &family) != FcResultMatch)
		family = (FcChar8 *)"";
	s = free_slot(fb); /* first: closing a face may unmap a file */
	if (!s) {
		fb->no_room = true;
		log_msg(LOG_WARN,
		        "more than %d fonts in one line of text: %s "
		        "not opened",
		        FALLBACK_FACES, file ? (const char *)file : "?");
		return NULL;
	}
	m = file ? use_file(fb, (const char *)file) : NULL;
	rw = m ? SDL_RWFromConstMem(m->data, (int)m->size) : NULL;
	font = rw ? TTF_OpenFontIndexRW(rw, 1, px, index) : NULL;
	if (!font) {
		log_msg(LOG_WARN, "cannot open font %s: %s",
		        file ? (const char *)file : "?",
		        m ? TTF_GetError() : "cannot map it");
		unuse(m);
		return NULL;
	}
	h = TTF_FontHeight(font);
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	*s = (struct face){ .path = xstrdup((const char *)file),
		            .index = index,
		            .serif = face == DECK_FONT_SERIF ||
		                     face == DECK_FONT_SERIF_BOLD,
		            .bold = face == DECK_FONT_SANS_BOLD ||
		                    face == DECK_FONT_SERIF_BOLD,
		            .cjk = strstr((const char *)family, "CJK") != NULL,
		            .font = font,
		            .file = m,
		            .px = px };
	snprintf(s->lang, sizeof(s->lang), "%s", lang);
	s->fixed =
	        TTF_SetFontSize(font, px * 2) == 0 && TTF_FontHeight(font) == h;
	TTF_SetFontSize(font, px);
	log_msg(LOG_DEBUG, "font: %s (%s) for text its faces lack",
	        (const char *)file, (const char *)family);
	return s;
}

/* Asks fontconfig for a font with cp; opens it. NULL: none. */
static struct face *
find_face(struct fallback *fb, enum deck_font face, const char *lang,
          uint32_t cp, int px)
{
	bool serif = face == DECK_FONT_SERIF || face == DECK_FONT_SERIF_BOLD;
	FcPattern *p, *best = NULL;
	FcFontSet *set;
	FcResult res;
	struct face *s = NULL;

	if (!fc_ready(fb))
		return NULL;
	p = sort_pattern(face, lang, cp);
	set = FcFontSort(NULL, p, FcFalse, NULL, &res);
	if (set && pick(set, cp, serif ? "Noto Serif" : "Noto Sans", &best))
		s = open_face(fb, best, face, lang, px);
	if (set)
		FcFontSetDestroy(set);
	FcPatternDestroy(p);
	return s;
}

/* Whether open face f suits face, lang and has cp. */
static bool
suits(const struct face *f, enum deck_font face, const char *lang, uint32_t cp)
{
	bool serif = face == DECK_FONT_SERIF || face == DECK_FONT_SERIF_BOLD;
	bool bold = face == DECK_FONT_SANS_BOLD || face == DECK_FONT_SERIF_BOLD;

	return f->path && f->serif == serif && f->bold == bold &&
	       (!f->cjk || !strcmp(f->lang, lang)) &&
	       TTF_GlyphIsProvided32(f->font, cp);
}

/* Face f set to px; the scale its glyphs then need. */
static TTF_Font *
at_size(struct fallback *fb, struct face *f, int px, double *scale)
{
	f->used = ++fb->clock;
	*scale = 1;
	if (f->fixed) {
		/* a bitmap's line is about 1.17 times its size, as Noto's */
		*scale = px * 1.17 / TTF_FontHeight(f->font);
	} else if (f->px != px && TTF_SetFontSize(f->font, px) == 0) {
		f->px = px;
	}
	return f->font;
}

TTF_Font *
fallback_font(struct fallback *fb, enum deck_font face, const char *lang,
              uint32_t cp, int px, double *scale)
{
	char fl[LANG_MAX];
	struct face *f = NULL;

	fc_lang(lang, fl);
	for (size_t i = 0; i < FALLBACK_FACES && !f; i++)
		if (suits(&fb->faces[i], face, fl, cp))
			f = &fb->faces[i];
	if (!f && !is_missing(fb, cp)) {
		fb->no_room = false;
		f = find_face(fb, face, fl, cp, px);
		if (!f && !fb->no_room)
			add_missing(fb, cp);
	}
	return f ? at_size(fb, f, px, scale) : NULL;
}
