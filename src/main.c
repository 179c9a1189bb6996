/*
 * vitrine: an offline kiosk presentation program.
 * main: the command line, then one of app_check, app_export, player_run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app.h"
#include "log.h"
#include "player.h"

static const char usage[] =
        "usage: vitrine [--mode lobby|present|kiosk] [--windowed] [--size "
        "WxH]\n"
        "               [--display N] [--rotate 90|180|270] [--trace]\n"
        "               [--log-level LEVEL] [--error-marker on|off] DECK\n"
        "       vitrine --check DECK...\n"
        "       vitrine --export DIR [--size WxH] DECK\n"
        "       vitrine --help | --version\n";

static int
fail(const char *what, const char *arg)
{
	fprintf(stderr, "vitrine: %s%s%s\n%s", what, arg ? ": " : "",
	        arg ? arg : "", usage);
	return 1;
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

/* Parses one option at argv[*i]; returns 0, or 1 after a message. */
static int
parse_option(char **argv, int argc, int *i, struct app_options *o)
{
	const char *opt = argv[*i];
	const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;

	if (!strcmp(opt, "--windowed"))
		return o->windowed = true, 0;
	if (!strcmp(opt, "--trace"))
		return o->trace = true, 0;
	if (!strcmp(opt, "--html"))
		return o->html = true, 0;
	if (!val)
		return fail("missing value after", opt);
	(*i)++;
	if (!strcmp(opt, "--mode"))
		return (o->mode = parse_mode(val)) < 0
		               ? fail("--mode takes lobby, present or kiosk",
		                      val)
		               : 0;
	if (!strcmp(opt, "--size"))
		return parse_size(val, &o->w, &o->h)
		               ? fail("--size takes WxH, e.g. 1920x1080", val)
		               : 0;
	if (!strcmp(opt, "--display"))
		return o->display = atoi(val), 0;
	if (!strcmp(opt, "--export"))
		return o->export_dir = val, 0;
	if (!strcmp(opt, "--error-marker"))
		return (o->marker = parse_switch(val)) < 0
		               ? fail("--error-marker takes on or off", val)
		               : 0;
	if (!strcmp(opt, "--rotate"))
		return parse_rotation(val, &o->rotate);
	if (!strcmp(opt, "--log-level"))
		return parse_log_level(val);
	return fail("unknown option", opt);
}

int
main(int argc, char **argv)
{
	struct app_options o = { .mode = -1, .marker = -1 };

#ifdef __GLIBC__
	/* Big blocks (textures, a fade's tiles) from their own mappings,
	 * given back when freed: glibc would otherwise raise this bound
	 * after each and keep such blocks in the heap, which only grows. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	if (argc > 1 && !strcmp(argv[1], "--check"))
		return argc > 2 ? app_check(argv + 2, argc - 2)
		                : fail("--check needs a deck file", NULL);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage, stdout), 0;
		if (!strcmp(argv[i], "--version"))
			return puts("vitrine " VITRINE_VERSION), 0;
		if (argv[i][0] != '-' || !argv[i][1]) {
			if (o.deck)
				return fail("more than one deck given",
				            argv[i]);
			o.deck = argv[i];
		} else if (parse_option(argv, argc, &i, &o)) {
			return 1;
		}
	}
	if (!o.deck)
		return fail("no deck given", NULL);
	return o.export_dir ? app_export(&o) : player_run(&o);
}
