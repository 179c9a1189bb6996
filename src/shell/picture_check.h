/*
 * picture_check: what --check (and --export's report) says about a deck's
 * pictures, through the same guards and decoders as the show:
 *  - errors: a picture that cannot be shown (not an accepted format, too
 *    large, damaged...), as "DECK:LINE:COL: slides[i].image: cannot load
 *    "x.gif": reason; fix";
 *  - warnings: a huge picture (its size and what decoding it costs); a
 *    picture that will be enlarged more than twice on one of the screen
 *    sizes lint checks (the size it would need); text over a picture
 *    (background_image, "fit": "cover") that measures under 4.5:1 before
 *    its scrim, with the contrast measured and the scrim drawn.
 */
#ifndef VITRINE_PICTURE_CHECK_H
#define VITRINE_PICTURE_CHECK_H

#include <stdbool.h>

#include "deck.h"
#include "layout.h"
#include "render.h"
#include "report.h"

/*
 * Decodes every picture of deck through r (created with or without a
 * renderer) and adds errors and warnings to rep; m (r's measurer, or a
 * cache in front of it) lays the slides out at lint's sizes.
 */
void picture_check_files(const struct deck *deck, struct render *r,
                         const struct layout_measurer *m, struct report *rep);

/* Whether a slide of deck has a picture behind its text. */
bool picture_check_has_backdrops(const struct deck *deck);

/*
 * Warns for each slide whose text over its picture measures under 4.5:1
 * without its scrim at w x h; r must draw (a software renderer will do)
 * and use deck.
 */
void picture_check_scrims(const struct deck *deck, struct render *r, int w,
                          int h, struct report *rep);

#endif
