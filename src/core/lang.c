/*
 * lang: language tags and names; see lang.h.
 */
#include "lang.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Names in their own script; the scripts branch draws the non-Latin
 * ones. */
static const struct {
	const char *tag, *name;
} names[] = {
	{ "en", "English" },
	{ "pt", "Português" },
	{ "es", "Español" },
	{ "fr", "Français" },
	{ "ar", "العربية" },
	{ "zh", "中文" },
	{ "ru", "Русский" },
	{ "de", "Deutsch" },
	{ "it", "Italiano" },
	{ "nl", "Nederlands" },
	{ "ja", "日本語" },
	{ "ko", "한국어" },
	{ "hi", "हिन्दी" },
	{ "tr", "Türkçe" },
	{ "pl", "Polski" },
	{ "uk", "Українська" },
	{ "fa", "فارسی" },
	{ "he", "עברית" },
	{ "zh-Hant", "中文（繁體）" },
};

static bool
all(const char *s, size_t n, int (*is)(int))
{
	for (size_t k = 0; k < n; k++)
		if (!is((unsigned char)s[k]))
			return false;
	return true;
}

/* Does the subtag s of n bytes fit its place after the language? */
static bool
later_subtag_ok(const char *s, size_t n)
{
	if (n == 4 && all(s, n, isalpha))
		return true; /* script: Hans, Cyrl */
	if ((n == 2 && all(s, n, isalpha)) || (n == 3 && all(s, n, isdigit)))
		return true; /* region: BR, 419 */
	if (n >= 5 && n <= 8 && all(s, n, isalnum))
		return true; /* variant */
	return n == 4 && isdigit((unsigned char)s[0]) && all(s, n, isalnum);
}

static int
fail(char *why, size_t size, const char *msg)
{
	snprintf(why, size, "%s", msg);
	return -1;
}

int
lang_tag_check(const char *tag, char *why, size_t size)
{
	size_t n = strcspn(tag, "-");

	if (!*tag)
		return fail(why, size, "empty");
	if (strlen(tag) > LANG_TAG_MAX)
		return fail(why, size, "too long");
	if (strchr(tag, '_'))
		return fail(why, size, "use '-' between subtags, not '_'");
	if (n < 2 || n > 3 || !all(tag, n, isalpha))
		return fail(why, size,
		            "it starts with a language code of 2 or 3 letters");
	for (const char *s = tag + n; *s; s += n) {
		s++; /* the '-' */
		n = strcspn(s, "-");
		if (!later_subtag_ok(s, n))
			return fail(why, size,
			            "a script (4 letters), region (2 letters "
			            "or 3 digits) or variant follows the "
			            "language");
	}
	return 0;
}

const char *
lang_name(const char *tag)
{
	size_t n = strcspn(tag, "-");

	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (!strcasecmp(tag, names[k].tag))
			return names[k].name;
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strlen(names[k].tag) == n &&
		    !strncasecmp(tag, names[k].tag, n))
			return names[k].name;
	return tag;
}

bool
lang_is_rtl(const char *tag)
{
	static const char *const rtl[] = {
		"ar", "he", "fa", "ur",  "ps", "yi",
		"dv", "ug", "sd", "ckb", "iw", NULL
	};
	size_t n;

	if (!tag)
		return false;
	n = strcspn(tag, "-");
	for (size_t i = 0; rtl[i]; i++)
		if (strlen(rtl[i]) == n && !strncmp(tag, rtl[i], n))
			return true;
	return false;
}
