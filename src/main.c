/*
 * vitrine: an offline kiosk presentation program.
 * main: the command line, then one of app_check, app_export, player_run.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app.h"
#include "civil.h"
#include "log.h"
#include "player.h"

/* The forms of the command line; the options follow from the table. */
static const char synopsis[] =
        "usage: vitrine [OPTION]... DECK\n"
        "       vitrine --check [OPTION]... DECK...\n"
        "       vitrine --export DIR [--html] [--size WxH] [--lang TAG|all] "
        "DECK\n";

enum opt_id {
	OPT_HELP = 'h',
	OPT_MODE = 256,
	OPT_WINDOWED,
	OPT_SIZE,
	OPT_DISPLAY,
	OPT_ROTATE,
	OPT_CONSOLE,
	OPT_TALK_MINUTES,
	OPT_NOW,
	OPT_LOG_LEVEL,
	OPT_ERROR_MARKER,
	OPT_TRACE,
	OPT_CHECK,
	OPT_EXPORT,
	OPT_HTML,
	OPT_LANG,
	OPT_VERSION,
};

/* One option: the parser's and --help's single source. */
struct opt_spec {
	enum opt_id id;
	const char *name;  /* long name, without "--" */
	const char *value; /* placeholder of its value; NULL: takes none */
	const char *help;  /* one line */
};

static const struct opt_spec opt_specs[] = {
	{ OPT_MODE, "mode", "lobby|present|kiosk",
	  "how the show runs; default: the deck's, or lobby" },
	{ OPT_WINDOWED, "windowed", NULL,
	  "a resizable window, not fullscreen" },
	{ OPT_SIZE, "size", "WxH",
	  "window or exported picture size, e.g. 1920x1080" },
	{ OPT_DISPLAY, "display", "N",
	  "show on display N, from 0 (the default)" },
	{ OPT_ROTATE, "rotate", "90|180|270", "turn the picture clockwise" },
	{ OPT_CONSOLE, "console", "N|off",
	  "presenter console on display N, or none" },
	{ OPT_TALK_MINUTES, "talk-minutes", "N",
	  "talk length in minutes, for the console's timer" },
	{ OPT_NOW, "now", "DATE-TIME",
	  "start the show's clock at 2007-11-13T10:55" },
	{ OPT_LOG_LEVEL, "log-level", "LEVEL",
	  "error, warn, info (the default) or debug" },
	{ OPT_ERROR_MARKER, "error-marker", "on|off",
	  "mark the screen while the last reload failed" },
	{ OPT_TRACE, "trace", NULL, "print one line per state change" },
	{ OPT_CHECK, "check", NULL,
	  "check each DECK; exit 0 when all are good" },
	{ OPT_EXPORT, "export", "DIR",
	  "write each slide to DIR/slide-NNN.png" },
	{ OPT_HTML, "html", NULL,
	  "with --export, also a contact sheet, index.html" },
	{ OPT_LANG, "lang", "TAG|all",
	  "show the deck in language TAG; all: --export each" },
	{ OPT_HELP, "help", NULL, "print this help and exit (also -h)" },
	{ OPT_VERSION, "version", NULL, "print the version and exit" },
};

#define N_OPTS (sizeof(opt_specs) / sizeof(opt_specs[0]))

/* The command line once parsed; decks is owned (argv's strings in it). */
struct command_line {
	struct app_options o;
	bool check;
	bool done; /* --help or --version answered */
	char **decks;
	int n_decks;
};

static const struct opt_spec *
opt_find(int id)
{
	for (size_t i = 0; i < N_OPTS; i++)
		if ((int)opt_specs[i].id == id)
			return &opt_specs[i];
	return NULL;
}

static int
fail(const char *what, const char *arg)
{
	fprintf(stderr, "vitrine: %s%s%s\n%s", what, arg ? ": " : "",
	        arg ? arg : "", synopsis);
	fputs("Try 'vitrine --help' for the options.\n", stderr);
	return 1;
}

/* The width of "NAME VALUE" in --help's first column. */
static int
opt_width(const struct opt_spec *s)
{
	return (int)strlen(s->name) +
	       (s->value ? 1 + (int)strlen(s->value) : 0);
}

/* Prints the synopsis, then one line per option of opt_specs. */
static void
print_help(void)
{
	int width = 0;

	for (size_t i = 0; i < N_OPTS; i++)
		if (opt_width(&opt_specs[i]) > width)
			width = opt_width(&opt_specs[i]);
	fputs(synopsis, stdout);
	fputs("\noptions:\n", stdout);
	for (size_t i = 0; i < N_OPTS; i++) {
		const struct opt_spec *s = &opt_specs[i];

		printf("  --%s%s%s%*s  %s\n", s->name, s->value ? " " : "",
		       s->value ? s->value : "", width - opt_width(s), "",
		       s->help);
	}
}

static int
parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10), b;

	if (*end != 'x')
		return -1;
	b = strtol(end + 1, &end, 10);
	if (*end || a < 64 || b < 64 || a > 16384 || b > 16384)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

static int
parse_mode(const char *s)
{
	for (int m = DECK_MODE_LOBBY; m <= DECK_MODE_KIOSK; m++)
		if (!strcmp(s, deck_mode_name((enum deck_mode)m)))
			return m;
	return -1;
}

static int
parse_switch(const char *s)
{
	return !strcmp(s, "on") ? 1 : !strcmp(s, "off") ? 0 : -1;
}

static int
parse_rotation(const char *s, int *degrees)
{
	static const char *const allowed[] = { "0", "90", "180", "270" };

	for (int i = 0; i < 4; i++) {
		if (!strcmp(s, allowed[i])) {
			*degrees = i * 90;
			return 0;
		}
	}
	return fail("--rotate takes 90, 180 or 270", s);
}

static int
parse_log_level(const char *s)
{
	int level = log_level_parse(s);

	if (level < 0)
		return fail("--log-level takes error, warn, info or debug", s);
	log_set_level((enum log_level)level);
	return 0;
}

/* A whole number from 0 to max into *n; 0, or -1. */
static int
parse_number(const char *s, long max, int *n)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0 || v > max)
		return -1;
	*n = (int)v;
	return 0;
}

static int
parse_display(const char *s, int *display)
{
	if (parse_number(s, 999, display) < 0)
		return fail("--display takes a display number, 0 or more", s);
	return 0;
}

/* --console N or off: SCREENS_OFF (-2) for off. */
static int
parse_console(const char *s, int *console)
{
	if (!strcmp(s, "off"))
		return *console = -2, 0;
	if (parse_number(s, 999, console) < 0)
		return fail("--console takes a display number or off", s);
	return 0;
}

static int
parse_minutes(const char *s, int *minutes)
{
	if (parse_number(s, 1440, minutes) < 0 || *minutes == 0)
		return fail("--talk-minutes takes whole minutes, 1 to 1440", s);
	return 0;
}

/* A date-time for --now; read again in the deck's time zone once the
 * deck is loaded (app_clock_start). */
static int
parse_now(const char *s, const char **now)
{
	int64_t ms;

	if (civil_parse(s, &ms) < 0)
		return fail("--now takes an ISO 8601 date-time, e.g. "
		            "2007-11-13T10:55 (seconds and an offset such as "
		            "-02:00 may follow)",
		            s);
	*now = s;
	return 0;
}

/* Applies one option with its value (NULL for none); 0, or 1 after a
 * message. */
static int
apply_option(int id, const char *val, struct command_line *cl)
{
	struct app_options *o = &cl->o;

	switch (id) {
	case OPT_WINDOWED:
		return o->windowed = true, 0;
	case OPT_TRACE:
		return o->trace = true, 0;
	case OPT_CHECK:
		return cl->check = true, 0;
	case OPT_HTML:
		return o->html = true, 0;
	case OPT_MODE:
		return (o->mode = parse_mode(val)) < 0
		               ? fail("--mode takes lobby, present or kiosk",
		                      val)
		               : 0;
	case OPT_SIZE:
		return parse_size(val, &o->w, &o->h)
		               ? fail("--size takes WxH, e.g. 1920x1080", val)
		               : 0;
	case OPT_DISPLAY:
		return parse_display(val, &o->display);
	case OPT_EXPORT:
		return o->export_dir = val, 0;
	case OPT_ERROR_MARKER:
		return (o->marker = parse_switch(val)) < 0
		               ? fail("--error-marker takes on or off", val)
		               : 0;
	case OPT_ROTATE:
		return parse_rotation(val, &o->rotate);
	case OPT_CONSOLE:
		return parse_console(val, &o->console);
	case OPT_TALK_MINUTES:
		return parse_minutes(val, &o->talk_minutes);
	case OPT_NOW:
		return parse_now(val, &o->now);
	case OPT_LOG_LEVEL:
		return parse_log_level(val);
	case OPT_LANG:
		return o->lang = val, 0;
	}
	return fail("unknown option", val);
}

/* The message for getopt's '?' (unknown, ambiguous, or a value given to
 * an option that takes none) at argv[optind - 1]; returns 1. */
static int
fail_unknown(char **argv)
{
	const struct opt_spec *s = optopt ? opt_find(optopt) : NULL;
	char dash[3] = { '-', (char)optopt, '\0' }, what[64];

	if (s && optopt >= OPT_MODE) {
		snprintf(what, sizeof(what), "--%s takes no value", s->name);
		return fail(what, argv[optind - 1]);
	}
	return fail("unknown option", optopt ? dash : argv[optind - 1]);
}

/*
 * Parses argv into cl with getopt_long: options and decks in any order
 * ("--" ends the options). Returns 0, or 1 after a message; sets cl->done
 * after --help or --version.
 */
static int
parse_command_line(int argc, char **argv, struct command_line *cl)
{
	struct option longopts[N_OPTS + 1];
	int id;

	for (size_t i = 0; i < N_OPTS; i++)
		longopts[i] =
		        (struct option){ opt_specs[i].name,
			                 opt_specs[i].value ? required_argument
			                                    : no_argument,
			                 NULL, (int)opt_specs[i].id };
	longopts[N_OPTS] = (struct option){ 0 };
	/* "-": decks come in order as 1, whatever POSIXLY_CORRECT says;
	 * ":": missing values come as ':', our messages not getopt's. */
	while ((id = getopt_long(argc, argv, "-:h", longopts, NULL)) != -1) {
		if (id == 1)
			cl->decks[cl->n_decks++] = optarg;
		else if (id == OPT_HELP)
			return print_help(), cl->done = true, 0;
		else if (id == OPT_VERSION)
			return puts("vitrine " VITRINE_VERSION),
			       cl->done = true, 0;
		else if (id == ':')
			return fail("missing value after", argv[optind - 1]);
		else if (id == '?')
			return fail_unknown(argv);
		else if (apply_option(id, optarg, cl))
			return 1;
	}
	while (optind < argc) /* after "--" */
		cl->decks[cl->n_decks++] = argv[optind++];
	return 0;
}

/* Checks what goes together; 0, or 1 after a message. */
static int
check_command_line(const struct command_line *cl)
{
	if (cl->check && cl->o.export_dir)
		return fail("--check and --export do not go together", NULL);
	if (cl->o.html && !cl->o.export_dir)
		return fail("--html writes index.html beside exported slides; "
		            "give --export DIR too",
		            NULL);
	if (cl->o.lang && !strcmp(cl->o.lang, "all") && !cl->o.export_dir)
		return fail("--lang all writes every language's slides; give "
		            "--export DIR too",
		            NULL);
	if (cl->check)
		return cl->n_decks ? 0
		                   : fail("--check needs a deck file", NULL);
	if (!cl->n_decks)
		return fail("no deck given", NULL);
	if (cl->n_decks > 1)
		return fail("more than one deck given", cl->decks[1]);
	return 0;
}

int
main(int argc, char **argv)
{
	struct command_line cl = {
		.o = { .mode = -1, .marker = -1, .display = -1, .console = -1 }
	};
	int rc;

#ifdef __GLIBC__
	/* Big blocks (textures, a fade's tiles) from their own mappings,
	 * given back when freed: glibc would otherwise raise this bound
	 * after each and keep such blocks in the heap, which only grows. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	cl.decks = calloc((size_t)argc + 1, sizeof(*cl.decks));
	if (!cl.decks)
		return fputs("vitrine: out of memory\n", stderr), 1;
	rc = parse_command_line(argc, argv, &cl);
	if (rc == 0 && !cl.done)
		rc = check_command_line(&cl);
	if (rc || cl.done)
		goto out;
	cl.o.deck = cl.decks[0];
	if (cl.check)
		rc = app_check(&cl.o, cl.decks, cl.n_decks);
	else
		rc = cl.o.export_dir ? app_export(&cl.o) : player_run(&cl.o);
out:
	free(cl.decks);
	return rc;
}
