/*
 * layout_internal: what layout.c (sizes, fitting, the display list, the
 * entry points) shares with layout_kinds.c (the seven layouts and the card
 * grid). Private to those two files.
 */
#ifndef VITRINE_LAYOUT_INTERNAL_H
#define VITRINE_LAYOUT_INTERNAL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "wrap.h"

enum role {
	ROLE_TITLE,    /* the title slide's title */
	ROLE_SUBTITLE, /* the title slide's subtitle */
	ROLE_LEAD,     /* the title slide's paragraphs */
	ROLE_HEADING,  /* other slides' title */
	ROLE_BODY,     /* paragraphs */
	ROLE_BULLET,
	ROLE_KICKER, /* the small line above a statement */
	ROLE_STATEMENT,
	ROLE_CARD_NAME,
	ROLE_CARD_TEXT,
	ROLE_NAME,   /* a contact's name */
	ROLE_DETAIL, /* a contact's role and organisation */
	ROLE_LINK,   /* a contact's email, phone and url */
	ROLE_CAPTION,
	ROLE_FIGURE, /* a clock's time, a countdown's time left */
	ROLE_COUNT
};

#define LAYOUT_MAX_LINES 256 /* lines of one paragraph placed at most */

/* Stack placement flags. */
enum { ALIGN_CENTER = 1, ALIGN_MIDDLE = 2 };

/* What one layout_slide call works with. */
struct ctx {
	struct layout *lay;
	const struct deck *deck;
	const struct deck_slide *slide;
	const struct layout_measurer *m;
	int index; /* of the slide */
	int s;     /* the screen's shorter side */
	int max_px[ROLE_COUNT];
	int levels[ROLE_COUNT]; /* sizes in each role's ladder */
	struct deck_color bg, panel;
	bool broke; /* a word was broken since this was last cleared */
};

/* A run of paragraphs in one role. */
struct flow {
	const char *const *v; /* paragraphs, borrowed; NULL ones skipped */
	size_t n;
	enum role role;
	bool rule; /* an accent rule under it */
};

/* A stack to fit, for search_level. */
struct stack {
	struct ctx *c;
	const struct flow *fl;
	size_t n;
	struct layout_rect box;
	bool center;
};

static inline int
imin(int a, int b)
{
	return a < b ? a : b;
}

static inline int
imax(int a, int b)
{
	return a > b ? a : b;
}

/* S / div, rounded, at least 1. */
static inline int
div_px(int s, int div)
{
	return imax(1, (int)lround((double)s / div));
}

/* Appends an item to the display list; returns it, zeroed but for what is
 * given. */
struct layout_item *layout_push_item(struct ctx *c, enum layout_kind kind,
                                     struct layout_rect box,
                                     struct deck_color color);

/* The px of role at level. */
int layout_role_px(const struct ctx *c, enum role role, int level);

/* Whether the flow has a paragraph that is not empty. */
bool layout_has_text(const struct flow *f);

/*
 * Places the flows top to bottom in box at level (when emit; else only
 * measures them) and returns the height they take. Placing stops at the
 * first line that does not fit, and flags the overflow. Measuring stops
 * once the flows are taller than box (the height returned is then only
 * known to exceed box.h), and returns a huge height when the level breaks an
 * ordinary word above the floor.
 */
int layout_stack_run(struct ctx *c, const struct flow *fl, size_t n,
                     struct layout_rect box, int level, bool center, bool emit);

/* Whether the struct stack at arg fits its box at level. */
bool layout_stack_fits(void *arg, int level);

/* The last level of the flows: the one with every one at the floor. */
int layout_last_level(const struct ctx *c, const struct flow *fl, size_t n);

/* The smallest level in [0, hi] that fits, else hi. Assumes that a level
 * that fits is followed by levels that fit. */
int layout_search_level(int hi, bool (*fits)(void *arg, int level), void *arg);

/* The smallest level (the largest sizes) at which the stack fits its box,
 * else its last level. */
int layout_stack_level(struct stack *st);

/*
 * Fits the flows into box at the largest sizes that fit, places them (flags:
 * ALIGN_CENTER centres each line, ALIGN_MIDDLE the whole stack vertically)
 * and returns the height they take.
 */
int layout_place_stack(struct ctx *c, const struct flow *fl, size_t n,
                       struct layout_rect box, unsigned flags);

/* A measurer at one font and size, as wrap.c measures (layout_lines.c). */
struct font_measure {
	const struct layout_measurer *m;
	enum deck_font font;
	int px;
	bool display; /* display text: hyphenated words kept whole */
};

/* Wraps s for width in fm's font and size into up to sink->max spans (none
 * when it is 0), stopping once more than stop lines are found. */
struct wrap_result layout_wrap(const char *s, size_t len, int width,
                               struct font_measure *fm, struct wrap_keep *sink,
                               size_t stop);

/*
 * The narrowest width, down to half of width, at which s still takes as
 * many lines as at width and breaks no more words: the lines of a title
 * then come out of similar length ("Moving Beyond / the Talk", not "Moving
 * Beyond the / Talk"). About a dozen wraps, for placing only.
 */
int layout_balanced_width(const char *s, int width, struct font_measure *fm);

/*
 * Gives the last of the n wrapped lines of s (in spans, at most
 * LAYOUT_MAX_LINES) a second word when a re-break of the last two lines
 * can: "...on key / development issues.", not "...on key development /
 * issues.". One wrap, for placing only.
 */
void layout_unorphan(const char *s, struct wrap_span *spans, size_t n,
                     struct font_measure *fm);

/*
 * Ends the text of item k (a line) with an ellipsis no further right than
 * right: the line loses characters from its end (and the spaces before
 * them) until the ellipsis fits beside it, which is appended as an item.
 */
void layout_ellipsize(struct ctx *c, size_t k, int right);

/* Room kept at one end of the band's lines (for the corner clock). */
struct layout_notch {
	bool right; /* at the right end, else the left */
	int w;
};

/*
 * Places the event band in *area, when the theme has one and the slide is
 * not a title slide, and takes it and its gap off *area (layout_band.c);
 * notch (or NULL) is kept free at one end of its lines. Returns its first
 * line's box, or a box of height 0 when there is no band.
 */
struct layout_rect layout_place_band(struct ctx *c, struct layout_rect *area,
                                     const struct layout_notch *notch);

/* The band's colour: the text muted toward the background as far as
 * contrast allows; the corner clock's too. */
struct deck_color layout_band_color(const struct ctx *c);

/*
 * Places what goes on every slide in *area and takes it off: the corner
 * clock (settings.clock), in the band's row when the band is on the same
 * edge, else in a strip of its own; and the band, when band is true.
 * Returns whether the band was placed (layout_clock.c).
 */
bool layout_place_furniture(struct ctx *c, struct layout_rect *area, bool band);

/* "45 s" in the last minute, then "12 min", "2 h 05 min", "3 days": the
 * time left_ms rounded up (layout_clock.c). */
size_t layout_count_text(char *buf, size_t size, int64_t left_ms);

/* A talk's UNTIL or START tick's text at now_ms (layout_programme.c). */
size_t layout_talk_time(const struct deck *deck, const struct layout_item *it,
                        int64_t now_ms, char *buf, size_t size);

/* The programme layout: a room's door sign or the board of every room
 * (layout_programme.c). */
void layout_programme(struct ctx *c, struct layout_rect area);

/*
 * Places up to max lines of s (max <= 4) in role at level from the top of
 * box, each centred when center; when s takes more, the last placed ends
 * with an ellipsis. Returns the height taken; when !emit only measures.
 */
int layout_place_clipped(struct ctx *c, enum role role, int level,
                         const char *s, struct layout_rect box, size_t max,
                         bool center, bool emit);

/* Whether the paragraph s reads right to left: its language is written
 * so (deck_text_lang: an Arabic slide's bullet that opens with "IGF"),
 * else its first strong letter is (textrun_is_rtl). */
bool layout_text_rtl(const struct ctx *c, const char *s);

/* The line height of role at level. */
int layout_role_lh(const struct ctx *c, enum role role, int level);

/* The clock and countdown layouts (layout_clock.c). */
void layout_clock_slide(struct ctx *c, struct layout_rect area);
void layout_countdown(struct ctx *c, struct layout_rect area);

/* Lays out c's slide, by its layout kind, in area (layout_kinds.c). */
void layout_place_kind(struct ctx *c, struct layout_rect area);

/* Whether what goes under a heading fits area with its text at the floor;
 * arg is the layout's own. */
typedef bool body_fits_fn(struct ctx *c, struct layout_rect area,
                          const void *arg);

/* Places the slide's heading at the top of *area, at the largest size that
 * fits its share and, when body_fits is not NULL, leaves the body room if
 * any size can; takes it and its gap off *area (layout_kinds.c). */
void layout_heading(struct ctx *c, struct layout_rect *area,
                    body_fits_fn *body_fits, const void *arg);

/* The layouts in their own files: layout_contact.c, layout_split.c,
 * layout_logos.c. */
void layout_contact(struct ctx *c, struct layout_rect area);
void layout_split(struct ctx *c, struct layout_rect area);
void layout_logos(struct ctx *c, struct layout_rect area);

/* Moves items from on by dx, dy. */
void layout_shift_items(struct layout *lay, size_t from, int dx, int dy);

/*
 * QR codes (layout_qr.c). The slide's code (none when it has no "qr")
 * with its quiet zone is a square of side px, its words under it.
 */

/* Space between a code and what is beside it. */
int layout_qr_gap(const struct ctx *c);

/* The code's side in a box w wide: at the rule's size or larger, in pref
 * of height if it can, else in most (0 without a code). */
int layout_qr_side(const struct ctx *c, int w, int pref, int most);

/* The room words under a code take in a space h tall, with their gap. */
int layout_qr_words_room(const struct ctx *c, int h);

/* The height of a code of side px with its words, in at most h px. */
int layout_qr_height(struct ctx *c, int side, int h);

/* Places the code with its top left at x, y and its words under it, in at
 * most h px; returns the height used. */
int layout_place_qr(struct ctx *c, int x, int y, int side, int h);

/* Places the slide's code right of *area when the text keeps half of its
 * width, else at its bottom, and takes it off *area. */
void layout_qr_aside(struct ctx *c, struct layout_rect *area);

/* What layout_qr_aside would leave of area, placing nothing. */
struct layout_rect layout_qr_text_area(struct ctx *c, struct layout_rect area);
/* The slide's heading at the top of *area, taken off it with its gap
 * (layout_kinds.c). */
void layout_place_heading(struct ctx *c, struct layout_rect *area);

/* The image layout (layout_picture.c). */
void layout_image(struct ctx *c, struct layout_rect area);

#endif
