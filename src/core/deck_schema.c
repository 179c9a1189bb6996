/*
 * deck_schema: the schema of a deck file as tables; see deck_schema.h.
 *
 * Each JSON object of a deck is one table of fields, one a key: its name,
 * the kind of value it takes, where in the deck the value goes, its range
 * and, for a slide, the layouts that use or need it. The walk in
 * deck_check.c reads only these tables; deck_keys and the name functions
 * of deck.h read them too.
 */
#include "deck_schema.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

/* An object's spec from its table of fields. */
#define SPEC(noun, fields)                                                     \
	{                                                                      \
		noun, fields, LEN(fields)                                      \
	}

static const char *const layout_names[] = { "title",     "text",  "bullets",
	                                    "statement", "cards", "contact",
	                                    "image",     "clock", "countdown",
	                                    "split",     "logos", "programme",
	                                    NULL };
static const char *const transition_names[] = { "fade", "push", "none", NULL };
static const char *const mode_names[] = { "lobby", "present", "kiosk", NULL };
static const char *const font_names[] = { "sans", "sans-bold", "serif",
	                                  "serif-bold", NULL };
static const char *const band_names[] = { "off", "top", "bottom", NULL };
static const char *const align_names[] = { "middle", "top", NULL };
static const char *const corner_names[] = { "off",          "top-left",
	                                    "top-right",    "bottom-left",
	                                    "bottom-right", NULL };
static const char *const clock_format_names[] = { "24h", "12h", NULL };
static const char *const sync_names[] = { "off", "clock", NULL };
static const char *const side_names[] = { "left", "right", NULL };
static const char *const fit_names[] = { "contain", "cover", NULL };
static const char *const cycle_names[] = { "loop", "slide", NULL };

const struct names deck_layouts = { "layout", layout_names };
static const struct names transitions = { "transition", transition_names };
static const struct names modes = { "mode", mode_names };
static const struct names fonts = { "font", font_names };
static const struct names bands = { "band", band_names };
static const struct names aligns = { "vertical alignment", align_names };
static const struct names corners = { "corner", corner_names };
static const struct names syncs = { "sync", sync_names };
static const struct names clock_formats = { "clock format",
	                                    clock_format_names };
static const struct names sides = { "side", side_names };
static const struct names fits = { "fit", fit_names };
static const struct names cycles = { "language cycle", cycle_names };

#define CARD(m) offsetof(struct deck_card, m)
static const struct field card_fields[] = {
	{ .key = "name",
	  .kind = K_STRING,
	  .off = CARD(name),
	  .uses = ANY,
	  .needs = ANY },
	{ .key = "text", .kind = K_STRING, .off = CARD(text), .uses = ANY },
};
static const struct spec card_spec = SPEC("a card", card_fields);

#define CONTACT(m) offsetof(struct deck_contact, m)
static const struct field contact_fields[] = {
	{ .key = "name",
	  .kind = K_STRING,
	  .off = CONTACT(name),
	  .uses = ANY,
	  .needs = ANY },
	{ .key = "role", .kind = K_STRING, .off = CONTACT(role), .uses = ANY },
	{ .key = "organisation",
	  .kind = K_STRING,
	  .off = CONTACT(organisation),
	  .uses = ANY },
	{ .key = "email",
	  .kind = K_STRING,
	  .off = CONTACT(email),
	  .uses = ANY,
	  .literal = true },
	{ .key = "phone",
	  .kind = K_STRING,
	  .off = CONTACT(phone),
	  .uses = ANY,
	  .literal = true },
	{ .key = "url",
	  .kind = K_STRING,
	  .off = CONTACT(url),
	  .uses = ANY,
	  .literal = true },
};
static const struct spec contact_spec = SPEC("a contact", contact_fields);

#define WHEN(m) offsetof(struct deck_when, m)
static const struct field when_fields[] = {
	{ .key = "dates", .kind = K_DATES, .off = WHEN(dates), .uses = ANY },
	{ .key = "days", .kind = K_DAYS, .off = WHEN(days), .uses = ANY },
	{ .key = "from", .kind = K_HM, .off = WHEN(from), .uses = ANY },
	{ .key = "until", .kind = K_HM, .off = WHEN(until), .uses = ANY },
};
static const struct spec when_spec = SPEC("a slide's when", when_fields);
#define LOGO(m) offsetof(struct deck_logo, m)
static const struct field logo_fields[] = {
	{ .key = "image",
	  .kind = K_IMAGE,
	  .off = LOGO(image),
	  .uses = ANY,
	  .needs = ANY },
	{ .key = "name",
	  .kind = K_STRING,
	  .off = LOGO(name),
	  .uses = ANY,
	  .nonempty = true },
};
static const struct spec logo_spec = SPEC("a logo", logo_fields);

#define SLIDE(m) offsetof(struct deck_slide, m)
#define TEXT_SIDE                                                              \
	(LAYOUT_BIT(TITLE) | LAYOUT_BIT(TEXT) | LAYOUT_BIT(CONTACT) |          \
	 LAYOUT_BIT(SPLIT))
static const struct field slide_fields[] = {
	{ .key = "layout", .kind = K_LAYOUT, .uses = ALL_LAYOUTS },
	{ .key = "id",
	  .kind = K_STRING,
	  .off = SLIDE(id),
	  .uses = ALL_LAYOUTS,
	  .nonempty = true,
	  .literal = true },
	{ .key = "title",
	  .kind = K_STRING,
	  .off = SLIDE(title),
	  .uses = ALL_LAYOUTS,
	  .needs = LAYOUT_BIT(TITLE) },
	{ .key = "subtitle",
	  .kind = K_STRING,
	  .off = SLIDE(subtitle),
	  .uses = LAYOUT_BIT(TITLE) },
	{ .key = "text",
	  .kind = K_TEXT,
	  .off = SLIDE(text),
	  .more = "paragraphs",
	  .uses = TEXT_SIDE | LAYOUT_BIT(COUNTDOWN),
	  .needs = LAYOUT_BIT(TEXT) },
	{ .key = "bullets",
	  .kind = K_LIST,
	  .off = SLIDE(bullets),
	  .more = "bullets",
	  .uses = LAYOUT_BIT(BULLETS) | LAYOUT_BIT(SPLIT),
	  .needs = LAYOUT_BIT(BULLETS) },
	{ .key = "statement",
	  .kind = K_STRING,
	  .off = SLIDE(statement),
	  .uses = LAYOUT_BIT(STATEMENT),
	  .needs = LAYOUT_BIT(STATEMENT) },
	{ .key = "cards",
	  .kind = K_CARDS,
	  .uses = LAYOUT_BIT(CARDS),
	  .needs = LAYOUT_BIT(CARDS) },
	{ .key = "contact",
	  .kind = K_OBJECT,
	  .off = SLIDE(contact),
	  .more = &contact_spec,
	  .uses = LAYOUT_BIT(CONTACT),
	  .needs = LAYOUT_BIT(CONTACT) },
	{ .key = "image",
	  .kind = K_IMAGE,
	  .off = SLIDE(image),
	  .at = SLIDE(image_at),
	  .uses = LAYOUT_BIT(IMAGE) | LAYOUT_BIT(SPLIT),
	  .needs = LAYOUT_BIT(IMAGE) | LAYOUT_BIT(SPLIT) },
	{ .key = "caption",
	  .kind = K_STRING,
	  .off = SLIDE(caption),
	  .uses = LAYOUT_BIT(IMAGE) },
	{ .key = "until",
	  .kind = K_TIME,
	  .off = SLIDE(until),
	  .uses = LAYOUT_BIT(COUNTDOWN),
	  .needs = LAYOUT_BIT(COUNTDOWN) },
	{ .key = "after",
	  .kind = K_STRING,
	  .off = SLIDE(after),
	  .uses = LAYOUT_BIT(COUNTDOWN) },
	{ .key = "when",
	  .kind = K_WHEN,
	  .off = SLIDE(when),
	  .uses = ALL_LAYOUTS },
	{ .key = "image_side",
	  .kind = K_ENUM,
	  .off = SLIDE(image_side),
	  .more = &sides,
	  .uses = LAYOUT_BIT(SPLIT) },
	{ .key = "logos",
	  .kind = K_LOGOS,
	  .uses = LAYOUT_BIT(LOGOS),
	  .needs = LAYOUT_BIT(LOGOS) },
	{ .key = "schedule",
	  .kind = K_SCHEDULE,
	  .off = SLIDE(schedule),
	  .uses = LAYOUT_BIT(PROGRAMME),
	  .needs = LAYOUT_BIT(PROGRAMME) },
	{ .key = "room",
	  .kind = K_STRING,
	  .off = SLIDE(room),
	  .uses = LAYOUT_BIT(PROGRAMME),
	  .nonempty = true },
	{ .key = "plate",
	  .kind = K_BOOL,
	  .off = SLIDE(plate),
	  .uses = LAYOUT_BIT(LOGOS) },
	{ .key = "qr",
	  .kind = K_QR,
	  .uses = LAYOUT_BIT(TEXT) | LAYOUT_BIT(CONTACT) | LAYOUT_BIT(SPLIT) },
	{ .key = "fit",
	  .kind = K_ENUM,
	  .off = SLIDE(fit),
	  .more = &fits,
	  .uses = LAYOUT_BIT(IMAGE) },
	{ .key = "notes",
	  .kind = K_STRING,
	  .off = SLIDE(notes),
	  .uses = ALL_LAYOUTS },
	{ .key = "seconds",
	  .kind = K_SECONDS,
	  .off = SLIDE(seconds_ms),
	  .more = "seconds",
	  .min = 1,
	  .max = 86400,
	  .uses = ALL_LAYOUTS },
	{ .key = "transition",
	  .kind = K_ENUM,
	  .off = SLIDE(transition),
	  .more = &transitions,
	  .uses = ALL_LAYOUTS },
	{ .key = "background", .kind = K_BACKGROUND, .uses = ALL_LAYOUTS },
	{ .key = "background_image",
	  .kind = K_IMAGE,
	  .off = SLIDE(background_image),
	  .at = SLIDE(background_image_at),
	  .uses = ALL_LAYOUTS },
};
static const struct spec slide_spec = SPEC("a slide", slide_fields);

static const struct field announcement_fields[] = {
	{ .key = "text",
	  .kind = K_STRING,
	  .off = SLIDE(statement),
	  .uses = ANY,
	  .needs = ANY },
	{ .key = "title", .kind = K_STRING, .off = SLIDE(title), .uses = ANY },
	{ .key = "until", .kind = K_TIME, .off = SLIDE(until), .uses = ANY },
	{ .key = "background", .kind = K_BACKGROUND, .uses = ANY },
};
static const struct spec announcement_spec =
        SPEC("an announcement", announcement_fields);

#define THEME(m) offsetof(struct deck_theme, m)
static const struct field theme_fields[] = {
	{ .key = "background",
	  .kind = K_COLOR,
	  .off = THEME(background),
	  .uses = ANY },
	{ .key = "text", .kind = K_COLOR, .off = THEME(text), .uses = ANY },
	{ .key = "accent", .kind = K_COLOR, .off = THEME(accent), .uses = ANY },
	{ .key = "heading_font",
	  .kind = K_ENUM,
	  .off = THEME(heading_font),
	  .more = &fonts,
	  .uses = ANY },
	{ .key = "body_font",
	  .kind = K_ENUM,
	  .off = THEME(body_font),
	  .more = &fonts,
	  .uses = ANY },
	{ .key = "text_scale",
	  .kind = K_NUMBER,
	  .off = THEME(text_scale),
	  .min = 0.5,
	  .max = 2,
	  .uses = ANY },
	{ .key = "margin",
	  .kind = K_NUMBER,
	  .off = THEME(margin),
	  .min = 0,
	  .max = 0.25,
	  .uses = ANY },
	{ .key = "band",
	  .kind = K_ENUM,
	  .off = THEME(band),
	  .more = &bands,
	  .uses = ANY },
	{ .key = "align",
	  .kind = K_ENUM,
	  .off = THEME(align),
	  .more = &aligns,
	  .uses = ANY },
};
static const struct spec theme_spec = SPEC("theme", theme_fields);

#define SETTINGS(m) offsetof(struct deck_settings, m)
static const struct field settings_fields[] = {
	{ .key = "seconds",
	  .kind = K_SECONDS,
	  .off = SETTINGS(seconds_ms),
	  .more = "seconds",
	  .min = 1,
	  .max = 86400,
	  .uses = ANY },
	{ .key = "transition",
	  .kind = K_ENUM,
	  .off = SETTINGS(transition),
	  .more = &transitions,
	  .uses = ANY },
	{ .key = "transition_ms",
	  .kind = K_MS,
	  .off = SETTINGS(transition_ms),
	  .more = "milliseconds",
	  .min = 0,
	  .max = 5000,
	  .uses = ANY },
	{ .key = "idle_seconds",
	  .kind = K_SECONDS,
	  .off = SETTINGS(idle_ms),
	  .more = "seconds",
	  .min = 5,
	  .max = 86400,
	  .uses = ANY },
	{ .key = "mode",
	  .kind = K_ENUM,
	  .off = SETTINGS(mode),
	  .more = &modes,
	  .uses = ANY },
	{ .key = "progress_bar",
	  .kind = K_BOOL,
	  .off = SETTINGS(progress_bar),
	  .uses = ANY },
	{ .key = "talk_minutes", /* a whole number, as K_MS keeps one */
	  .kind = K_MS,
	  .off = SETTINGS(talk_minutes),
	  .more = "minutes",
	  .min = 1,
	  .max = 1440,
	  .uses = ANY },
	{ .key = "time_zone",
	  .kind = K_ZONE,
	  .off = SETTINGS(time_zone),
	  .uses = ANY },
	{ .key = "clock",
	  .kind = K_ENUM,
	  .off = SETTINGS(clock),
	  .more = &corners,
	  .uses = ANY },
	{ .key = "clock_format",
	  .kind = K_ENUM,
	  .off = SETTINGS(clock_format),
	  .more = &clock_formats,
	  .uses = ANY },
	{ .key = "fallback",
	  .kind = K_STRING,
	  .off = SETTINGS(fallback),
	  .uses = ANY,
	  .nonempty = true,
	  .literal = true },
	{ .key = "sync",
	  .kind = K_ENUM,
	  .off = SETTINGS(sync),
	  .more = &syncs,
	  .uses = ANY },
	{ .key = "language_cycle",
	  .kind = K_ENUM,
	  .off = SETTINGS(language_cycle),
	  .more = &cycles,
	  .uses = ANY },
};
static const struct spec settings_spec = SPEC("settings", settings_fields);

#define DECK(m) offsetof(struct deck, m)
static const struct field event_fields[] = {
	{ .key = "name",
	  .kind = K_STRING,
	  .off = DECK(event.name),
	  .uses = ANY },
	{ .key = "date",
	  .kind = K_STRING,
	  .off = DECK(event.date),
	  .uses = ANY },
	{ .key = "venue",
	  .kind = K_STRING,
	  .off = DECK(event.venue),
	  .uses = ANY },
};
static const struct spec event_spec = SPEC("event", event_fields);

static const struct field root_fields[] = {
	{ .key = "$schema", .kind = K_IGNORE, .uses = ANY },
	{ .key = "title", .kind = K_STRING, .off = DECK(title), .uses = ANY },
	{ .key = "languages", .kind = K_LANGUAGES, .uses = ANY },
	{ .key = "event",
	  .kind = K_OBJECT,
	  .off = 0,
	  .more = &event_spec,
	  .uses = ANY },
	{ .key = "theme",
	  .kind = K_OBJECT,
	  .off = DECK(theme),
	  .more = &theme_spec,
	  .uses = ANY },
	{ .key = "settings",
	  .kind = K_OBJECT,
	  .off = DECK(settings),
	  .more = &settings_spec,
	  .uses = ANY },
	{ .key = "slides", .kind = K_SLIDES, .uses = ANY, .needs = ANY },
};
static const struct spec root_spec = SPEC("the deck", root_fields);

static const struct spec *const specs[DECK_OBJECT_COUNT] = {
	[DECK_OBJECT_ROOT] = &root_spec,
	[DECK_OBJECT_EVENT] = &event_spec,
	[DECK_OBJECT_THEME] = &theme_spec,
	[DECK_OBJECT_SETTINGS] = &settings_spec,
	[DECK_OBJECT_SLIDE] = &slide_spec,
	[DECK_OBJECT_CARD] = &card_spec,
	[DECK_OBJECT_CONTACT] = &contact_spec,
	[DECK_OBJECT_WHEN] = &when_spec,
	[DECK_OBJECT_ANNOUNCEMENT] = &announcement_spec,
	[DECK_OBJECT_LOGO] = &logo_spec,
};

/* The order in which a slide's content keys pick its layout. */
const struct inference deck_inference[] = {
	{ "schedule", DECK_LAYOUT_PROGRAMME },
	{ "cards", DECK_LAYOUT_CARDS },
	{ "logos", DECK_LAYOUT_LOGOS },
	{ "bullets", DECK_LAYOUT_BULLETS },
	{ "image", DECK_LAYOUT_IMAGE },
	{ "contact", DECK_LAYOUT_CONTACT },
	{ "until", DECK_LAYOUT_COUNTDOWN },
	{ "statement", DECK_LAYOUT_STATEMENT },
	{ "text", DECK_LAYOUT_TEXT },
};
const size_t deck_n_inference = LEN(deck_inference);

_Static_assert(LEN(layout_names) == DECK_LAYOUT_COUNT + 1, "layout names");
_Static_assert(LEN(transition_names) == DECK_TRANSITION_COUNT + 1,
               "transition names");
_Static_assert(LEN(font_names) == DECK_FONT_COUNT + 1, "font names");
_Static_assert(LEN(fit_names) == DECK_FIT_COUNT + 1, "fit names");
_Static_assert(LEN(cycle_names) == DECK_LANGUAGE_CYCLE_COUNT + 1,
               "language cycle names");
_Static_assert(LEN(root_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(event_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(theme_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(settings_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(slide_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(card_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(contact_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(when_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(LEN(logo_fields) <= MAX_KEYS, "too many keys for a mask");
_Static_assert(sizeof(enum deck_font) == sizeof(int) &&
                       sizeof(enum deck_transition) == sizeof(int) &&
                       sizeof(enum deck_mode) == sizeof(int) &&
                       sizeof(enum deck_side) == sizeof(int) &&
                       sizeof(enum deck_fit) == sizeof(int) &&
                       sizeof(enum deck_language_cycle) == sizeof(int),
               "enums are stored as int");

const struct spec *
deck_spec(enum deck_object object)
{
	assert(object < DECK_OBJECT_COUNT);
	return specs[object];
}

const char *const *
deck_spec_keys(const struct spec *spec, const char *out[MAX_KEYS + 1])
{
	for (size_t k = 0; k < spec->n; k++)
		out[k] = spec->fields[k].key;
	out[spec->n] = NULL;
	return out;
}

int
deck_key_index(const struct spec *spec, const char *key)
{
	for (size_t k = 0; k < spec->n; k++)
		if (strcmp(key, spec->fields[k].key) == 0)
			return (int)k;
	return -1;
}

/* Filled from the tables on each call, always with the same pointers. */
const char *const *
deck_keys(enum deck_object object)
{
	static const char *keys[DECK_OBJECT_COUNT][MAX_KEYS + 1];

	return deck_spec_keys(deck_spec(object), keys[object]);
}

const char *
deck_layout_name(enum deck_layout layout)
{
	assert(layout < DECK_LAYOUT_COUNT);
	return layout_names[layout];
}

const char *
deck_transition_name(enum deck_transition transition)
{
	assert(transition < DECK_TRANSITION_COUNT);
	return transition_names[transition];
}

const char *
deck_mode_name(enum deck_mode mode)
{
	assert(mode <= DECK_MODE_KIOSK);
	return mode_names[mode];
}

const char *
deck_font_name(enum deck_font font)
{
	assert(font < DECK_FONT_COUNT);
	return font_names[font];
}

const char *
deck_fit_name(enum deck_fit fit)
{
	assert(fit < DECK_FIT_COUNT);
	return fit_names[fit];
}

const char *
deck_language_cycle_name(enum deck_language_cycle cycle)
{
	assert(cycle < DECK_LANGUAGE_CYCLE_COUNT);
	return cycle_names[cycle];
}
