/*
 * deck: the slide deck model and its strict JSON loader.
 *
 * A deck is loaded from a JSON file into a struct deck that owns every string
 * and array in it (one arena, freed by deck_free). The loader is strict where
 * cJSON is lenient and reports every problem it finds to a struct report as
 * one line "FILE:LINE:COL: PATH: message", e.g.
 *   slides/igf.json:12:5: slides[2].titel: unknown key; did you mean "title"?
 *
 * Usage:
 *	struct deck deck;
 *	struct report rep;
 *	report_init(&rep);
 *	if (deck_load(&deck, "slides/igf2007.json", &rep) < 0)
 *		report_print(&rep, stderr);
 *	...
 *	deck_free(&deck);
 *	report_destroy(&rep);
 *
 * Pure C: no SDL. cJSON is used only inside the deck*.c files.
 */
#ifndef VITRINE_DECK_H
#define VITRINE_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"

struct schedule; /* schedule.h */

/* Limits; the loader rejects anything beyond them with a message. */
#define DECK_MAX_FILE_BYTES (8u << 20) /* 8 MiB */
#define DECK_MAX_SLIDES     10000
#define DECK_MAX_STRING     4096 /* bytes of UTF-8 in one string */
#define DECK_MAX_DEPTH      16   /* nesting of arrays and objects */
#define DECK_MAX_ITEMS      12   /* bullets, cards or paragraphs a slide */
#define DECK_MAX_LOGOS      24   /* logos on a logos slide */
#define DECK_MAX_LANGUAGES  16   /* in a deck's "languages" */

enum deck_layout {
	DECK_LAYOUT_TITLE,     /* title, subtitle, text */
	DECK_LAYOUT_TEXT,      /* title, text (paragraphs) */
	DECK_LAYOUT_BULLETS,   /* title, bullets */
	DECK_LAYOUT_STATEMENT, /* title (small, above), statement */
	DECK_LAYOUT_CARDS,     /* title, cards */
	DECK_LAYOUT_CONTACT,   /* title, contact, text */
	DECK_LAYOUT_IMAGE,     /* title, image, caption */
	DECK_LAYOUT_CLOCK,     /* title; the time large, the date under it */
	DECK_LAYOUT_COUNTDOWN, /* title, until, text, after */
	DECK_LAYOUT_SPLIT,     /* title, image beside text or bullets, qr */
	DECK_LAYOUT_LOGOS,     /* title, logos (on plates) */
	DECK_LAYOUT_PROGRAMME, /* title, schedule, room: now and next */
	DECK_LAYOUT_COUNT
};

enum deck_transition {
	DECK_TRANSITION_FADE,
	DECK_TRANSITION_PUSH,
	DECK_TRANSITION_NONE,
	DECK_TRANSITION_COUNT
};

enum deck_mode { DECK_MODE_LOBBY, DECK_MODE_PRESENT, DECK_MODE_KIOSK };

/* The bundled faces; their files in assets/fonts/ are font.c's business
 * (font_file). */
enum deck_font {
	DECK_FONT_SANS,
	DECK_FONT_SANS_BOLD,
	DECK_FONT_SERIF,
	DECK_FONT_SERIF_BOLD,
	DECK_FONT_COUNT
};

/* How a picture fills its box (picture_fit.h). */
enum deck_fit { DECK_FIT_CONTAIN, DECK_FIT_COVER, DECK_FIT_COUNT };

/* Where the event band (the event's name, date and venue) goes. */
enum deck_band { DECK_BAND_OFF, DECK_BAND_TOP, DECK_BAND_BOTTOM };

/* Where the small clock goes on every slide. */
enum deck_corner {
	DECK_CORNER_OFF,
	DECK_CORNER_TOP_LEFT,
	DECK_CORNER_TOP_RIGHT,
	DECK_CORNER_BOTTOM_LEFT,
	DECK_CORNER_BOTTOM_RIGHT
};

enum deck_clock_format { DECK_CLOCK_24H, DECK_CLOCK_12H };

/* How a lobby with several languages goes through them. */
enum deck_language_cycle {
	DECK_LANGUAGE_CYCLE_LOOP,  /* each pass through the deck: the next */
	DECK_LANGUAGE_CYCLE_SLIDE, /* each slide in each language in turn */
	DECK_LANGUAGE_CYCLE_COUNT
};

/* How a lobby's screens keep in step (sync.h). */
enum deck_sync { DECK_SYNC_OFF, DECK_SYNC_CLOCK };
/* Which side of a split slide its picture is on. */
enum deck_side { DECK_SIDE_LEFT, DECK_SIDE_RIGHT };

/* Where a body sits in the space under its heading. */
enum deck_align { DECK_ALIGN_MIDDLE, DECK_ALIGN_TOP };

struct deck_color {
	uint8_t r, g, b;
};

/* Where a value is in the deck's file (1-based), for messages; 0 when
 * unknown. */
struct deck_where {
	uint32_t line, col;
};

/* A list of strings; the strings and the array belong to the deck. */
struct deck_strings {
	const char **v;
	size_t n;
};

struct deck_card {
	const char *name; /* required */
	const char *text; /* NULL when absent */
};

struct deck_contact {
	const char *name;                                      /* required */
	const char *role, *organisation, *email, *phone, *url; /* or NULL */
};

/* A logo on a logos slide. */
struct deck_logo {
	const char *image; /* required; relative to deck->dir */
	const char *name;  /* shown under it, or NULL */
	uint32_t w, h;     /* the picture's size from its header; 0 when unknown
	                      (no folder, or a header that says none) */
};

/* A QR code, encoded by the loader (qr.h). */
struct deck_qr {
	const char *text;             /* what it holds; NULL: no code */
	const unsigned char *modules; /* size * size, row by row, 1 dark */
	int size;                     /* modules a side, no quiet zone */
};

/*
 * When a slide is due (its "when"): on one of dates (when any), on one of
 * days (when any), between from and until (minutes since midnight, local
 * time; until < from passes midnight). A missing part allows all.
 */
struct deck_when {
	const uint32_t *dates; /* YYYYMMDD, e.g. 20071113; NULL: any day */
	size_t n_dates;
	uint8_t days;    /* bit 0 Sunday ... bit 6 Saturday; 0: any */
	int from, until; /* minutes + 1 (so 0 is absent): 1 to 1441 */
	int line;        /* of "when", for messages; 0: no window */
};

/*
 * One slide. Every string is UTF-8 without NUL or control characters other
 * than '\n', owned by the deck; absent optional strings are NULL.
 */
struct deck_slide {
	enum deck_layout layout;
	const char *id;              /* unique within the deck, or NULL */
	const char *title;           /* heading (title layout: the big title) */
	const char *subtitle;        /* title layout */
	struct deck_strings text;    /* paragraphs: title, text, contact */
	struct deck_strings bullets; /* bullets layout */
	const char *statement;       /* statement layout */
	const struct deck_card *cards; /* cards layout */
	size_t n_cards;
	struct deck_contact contact; /* contact layout; name NULL otherwise */
	const char *image;     /* image layout: path relative to deck->dir */
	const char *caption;   /* image layout */
	const char *until;     /* countdown: an ISO 8601 date-time (checked) */
	const char *after;     /* countdown: shown once until has passed */
	struct deck_when when; /* when it is due; when.line 0: always */
	enum deck_side image_side;     /* split layout; default left */
	const struct deck_logo *logos; /* logos layout */
	size_t n_logos;
	bool plate;                   /* logos on light plates */
	struct deck_qr qr;            /* contact, split and text layouts */
	enum deck_fit fit;            /* image layout; default contain */
	const char *background_image; /* any layout: a picture behind the
	                                 content, or NULL */
	struct deck_where image_at, background_image_at; /* their values */
	const char *schedule; /* programme: the schedule file, relative to
	                         deck->dir */
	const char *room;     /* programme: one room's door sign; NULL: the
	                         board of every room */
	const struct schedule *programme; /* schedule, as loaded with the
	                                     deck (NULL when parsed without
	                                     a folder) */
	const char *notes;                /* presenter notes */
	uint32_t seconds_ms; /* time on screen; 0 = the deck's default */
	int transition;      /* enum deck_transition, or -1 = deck default */
	bool has_background;
	struct deck_color background;
	int line; /* line of the slide's '{' in the file, for messages */
};

struct deck_theme {
	struct deck_color background; /* default #10243e */
	struct deck_color text;       /* default #ffffff */
	struct deck_color accent;     /* default #f2b632 */
	enum deck_font heading_font;  /* default DECK_FONT_SANS_BOLD */
	enum deck_font body_font;     /* default DECK_FONT_SANS */
	double text_scale;   /* 0.5 to 2.0, multiplies text sizes; default 1 */
	double margin;       /* safe-area margin, fraction of each side;
	                        0 to 0.25, default 0.05 */
	enum deck_band band; /* default off */
	enum deck_align align; /* default middle */
	int line; /* line of "text" in the theme, else of "theme"; 0 when
	             neither is in the file; for messages */
};

struct deck_settings {
	uint32_t seconds_ms; /* default time a slide; default 8000 */
	enum deck_transition transition; /* default fade */
	uint32_t transition_ms;          /* default 400 */
	uint32_t idle_ms;       /* kiosk: back to slide 1; default 60000 */
	enum deck_mode mode;    /* default lobby */
	bool progress_bar;      /* lobby: thin progress bar; default false */
	uint32_t talk_minutes;  /* present: the talk's length; 0: none */
	const char *time_zone;  /* an IANA zone in tzdata; NULL: the system's */
	enum deck_corner clock; /* default off */
	enum deck_clock_format clock_format; /* default 24h */
	const char *fallback; /* the id of the slide shown when none is due */
	enum deck_sync sync;  /* default off */
	enum deck_language_cycle language_cycle; /* default loop */
};

/* A deck's text in one of its languages: what deck_set_language swaps. */
struct deck_variant {
	const char *title;
	struct {
		const char *name, *date, *venue;
	} event;
	struct deck_slide *slides; /* n_slides of them, as in every variant */
	const struct deck_text_span *fallbacks; /* the texts shown in the
	                                           default language, sorted */
	size_t n_fallbacks;
};

/* A text of a variant (its bytes, a NUL after them) in the arena. */
struct deck_text_span {
	const char *s;
	size_t len;
};

struct deck {
	const char *path;  /* the file as given */
	const char *dir;   /* its folder; image paths are relative to it */
	const char *title; /* deck title, else the event name, else NULL */
	struct {
		const char *name, *date, *venue; /* or NULL */
	} event;
	struct deck_theme theme;
	struct deck_settings settings;
	struct deck_slide *slides;
	size_t n_slides;            /* 1 to DECK_MAX_SLIDES */
	struct schedule *schedules; /* the programme slides' files, each
	                               read once */
	size_t n_schedules;

	/*
	 * Languages: the BCP 47 tags of "languages", the first the default
	 * (n 0 when the deck has no "languages"); the one the text above is
	 * in (lang, a tag of languages, NULL without languages), and every
	 * language's text (variants[k] for languages.v[k]; NULL without
	 * languages). The drawing side reads lang (e.g. for Han regional
	 * forms); deck_set_language changes it.
	 */
	struct deck_strings languages;
	const char *lang;
	size_t lang_index;
	const struct deck_variant *variants;

	struct deck_arena *arena; /* owns everything above */
};

/*
 * Loads and checks the deck at path. On success returns 0 and fills *deck,
 * which the caller frees with deck_free. On failure returns -1, adds every
 * error found to rep and leaves *deck zeroed (deck_free on it is harmless).
 * Image files are checked to exist inside the deck's folder.
 */
int deck_load(struct deck *deck, const char *path, struct report *rep);

/*
 * The same from a buffer of len bytes (need not be NUL-terminated); name is
 * used in messages and dir is the folder image paths are relative to (NULL:
 * image files are not checked on disk, only their paths).
 */
int deck_parse(struct deck *deck, const char *name, const char *dir,
               const char *buf, size_t len, struct report *rep);

/*
 * Parses a staff announcement (announcement.json beside the deck: "text"
 * required; "title", "until" (an ISO 8601 date-time) and "background"
 * ("#rrggbb") optional; anything else is an error) into out: a deck of one
 * statement slide in show's theme, settings and event (copied: out does
 * not borrow from show). The same strict checks and messages as a deck.
 * Returns 0, or -1 with the errors in rep and out zeroed.
 */
int deck_parse_announcement(struct deck *out, const struct deck *show,
                            const char *name, const char *buf, size_t len,
                            struct report *rep);

/* The same from the file at path (read as a deck is, size-bounded). */
int deck_load_announcement(struct deck *out, const struct deck *show,
                           const char *path, struct report *rep);

/*
 * A one-slide holding deck for path, shown while the real deck is missing
 * or broken: a title slide with event_name (or a neutral welcome when it is
 * NULL) and a line saying the show starts shortly. Returns 0 or -1.
 */
int deck_holding(struct deck *deck, const char *path, const char *event_name);

/*
 * The "event"."name" of the deck at path when the file is JSON that has
 * one, however broken the rest; else NULL. The caller frees.
 */
char *deck_peek_event_name(const char *path);

/* Frees everything the deck owns and zeroes it. Accepts a zeroed deck. */
void deck_free(struct deck *deck);

/*
 * Puts the deck's text in language k (an index into deck->languages,
 * clamped to them): title, event and slides become that variant's and
 * deck->lang its tag. Nothing is allocated or freed; the slides keep their
 * order, ids, pictures and times. Does nothing without languages.
 */
void deck_set_language(struct deck *deck, size_t k);

/*
 * The language of a text of the deck as it is now (text points into one of
 * its strings, e.g. a line a layout item borrows): the default's tag when
 * that text has no translation into deck->lang and falls back, else
 * deck->lang; NULL for a deck without languages or a pointer into none of
 * its fallback texts and no languages. For the drawing side (shaping,
 * Han regional forms).
 */
const char *deck_text_lang(const struct deck *deck, const char *text);

/* The index of tag in deck->languages, or -1. */
int deck_language_index(const struct deck *deck, const char *tag);

/* Effective time on screen and transition of slide i. */
uint32_t deck_slide_ms(const struct deck *deck, size_t i);
enum deck_transition deck_slide_transition(const struct deck *deck, size_t i);

/*
 * Picture k (from 0) of slide s, or NULL past its last: its image, then
 * its logos' pictures. Writes the picture's key under the slide ("image",
 * "logos[2].image") to key, for messages.
 */
const char *deck_slide_picture(const struct deck_slide *s, size_t k, char *key,
                               size_t size);

/* The JSON objects of a deck, for deck_keys. */
enum deck_object {
	DECK_OBJECT_ROOT,
	DECK_OBJECT_EVENT,
	DECK_OBJECT_THEME,
	DECK_OBJECT_SETTINGS,
	DECK_OBJECT_SLIDE,
	DECK_OBJECT_CARD,
	DECK_OBJECT_CONTACT,
	DECK_OBJECT_WHEN,
	DECK_OBJECT_ANNOUNCEMENT,
	DECK_OBJECT_LOGO,
	DECK_OBJECT_COUNT
};

/* The keys the loader accepts in an object, NULL-terminated, static. The
 * schema test checks slides/deck.schema.json against these. */
const char *const *deck_keys(enum deck_object object);

/* Names used in the JSON: "title", "fade", "lobby", "sans-bold"... */
const char *deck_layout_name(enum deck_layout layout);
const char *deck_transition_name(enum deck_transition transition);
const char *deck_mode_name(enum deck_mode mode);
const char *deck_font_name(enum deck_font font);
const char *deck_fit_name(enum deck_fit fit);
const char *deck_language_cycle_name(enum deck_language_cycle cycle);

#endif
