/*
 * picture_fit: how large a picture is drawn in a box, and how large it is
 * kept in memory: the one rule the layout, the decoder and --check share.
 *
 *  - "contain" (the default): the whole picture, as large as the box
 *    allows, but never enlarged more than PICTURE_MAX_ENLARGE times: a
 *    150 px logo shows at 300 px, centred, rather than blown up to a blur.
 *  - "cover": the picture fills the box, cropped to its shape around the
 *    centre (full-bleed); it is enlarged as much as that takes, and
 *    --check warns when that is more than PICTURE_MAX_ENLARGE times.
 *
 * A picture is kept at the size it is drawn, never larger than it is:
 * an 8000x6000 photo drawn 1440x1080 is decoded to 1440x1080.
 * Pure C.
 */
#ifndef VITRINE_PICTURE_FIT_H
#define VITRINE_PICTURE_FIT_H

#include "deck.h"
#include "layout.h"

#define PICTURE_MAX_ENLARGE 2

/* The scale at which a pw x ph picture is drawn in a bw x bh box. */
double picture_fit_scale(int pw, int ph, int bw, int bh, enum deck_fit fit);

/*
 * The size *tw x *th to keep a pw x ph picture at for a bw x bh box: its
 * drawn size when that is smaller, else its own; at least 1x1.
 */
void picture_fit_target(int pw, int ph, int bw, int bh, enum deck_fit fit,
                        int *tw, int *th);

/*
 * Where a pw x ph picture goes in box: *dst on the screen, and *crop, the
 * part of the picture shown there, in its pixels (all of it for contain).
 */
void picture_fit_place(int pw, int ph, struct layout_rect box,
                       enum deck_fit fit, struct layout_rect *dst,
                       struct layout_rect *crop);

#endif
