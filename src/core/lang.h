/*
 * lang: language tags and names, for decks in several languages.
 *
 * A deck names the languages it offers with BCP 47 tags ("en", "pt-BR",
 * "zh-Hans"); lang_tag_check says whether a tag is well formed (the subset
 * a deck needs: a language, then optional script, region and variants; no
 * extensions or private use) and lang_name gives the name a kiosk's button
 * shows, in the language's own script ("Português", "العربية"), never a
 * flag. Pure C.
 *
 * Usage:
 *	char why[80];
 *	if (lang_tag_check("en_US", why, sizeof(why)) < 0)
 *		report why;
 *	button text: lang_name("pt")  ->  "Português"
 */
#ifndef VITRINE_LANG_H
#define VITRINE_LANG_H

#include <stdbool.h>
#include <stddef.h>

#define LANG_TAG_MAX 35 /* bytes of a tag, as BCP 47's longest common form */

/*
 * 0 when tag is a well-formed BCP 47 tag of the form
 * language[-script][-region][-variant]...; else -1 with a short reason in
 * why ("use '-' between subtags, not '_'").
 */
int lang_tag_check(const char *tag, char *why, size_t size);

/*
 * The language's name in its own script for a tag: by the whole tag, then
 * by its language subtag ("pt-BR" -> "Português"); the tag itself when the
 * table has none. Static or borrowed from tag.
 */
const char *lang_name(const char *tag);

/* Whether the language of tag is written right to left (Arabic, Hebrew,
 * Persian, Urdu...): its paragraphs then read right to left whatever
 * their first letter. False for NULL. */
bool lang_is_rtl(const char *tag);

#endif
