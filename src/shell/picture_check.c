/*
 * picture_check: --check's errors and warnings about pictures; see
 * picture_check.h.
 */
#include "picture_check.h"

#include <string.h>

#include "lint.h"
#include "picture_fit.h"
#include "picture_policy.h"

/* One picture of a slide: its key and where its value is. */
struct pic {
	size_t slide;
	const char *key, *rel;
	struct deck_where at;
	char logo_key[48]; /* "logos[3].image": a logo's key */
};

#define MAX_PICS (2 + DECK_MAX_LOGOS) /* a slide's */

/* Slide i's logos into v from v[n] on; returns how many there are then.
 * A logo's place is its slide's line. */
static size_t
logos_of(const struct deck *deck, size_t i, struct pic *v, size_t n)
{
	const struct deck_slide *s = &deck->slides[i];

	for (size_t k = 0; k < s->n_logos && n < MAX_PICS; k++, n++) {
		v[n] = (struct pic){
			i, NULL, s->logos[k].image, { (uint32_t)s->line, 1 }, ""
		};
		snprintf(v[n].logo_key, sizeof(v[n].logo_key),
		         "logos[%zu].image", k);
		v[n].key = v[n].logo_key;
	}
	return n;
}

/* Slide i's image and background picture into v; returns how many. */
static size_t
own_pictures_of(const struct deck *deck, size_t i, struct pic v[2])
{
	const struct deck_slide *s = &deck->slides[i];
	size_t n = 0;

	if (s->image)
		v[n++] = (struct pic){ i, "image", s->image, s->image_at, "" };
	if (s->background_image)
		v[n++] = (struct pic){ i, "background_image",
			               s->background_image,
			               s->background_image_at, "" };
	return n;
}

/* Slide i's pictures into v (room for MAX_PICS): its own, then its
 * logos'; returns how many. */
static size_t
pictures_of(const struct deck *deck, size_t i, struct pic v[MAX_PICS])
{
	return logos_of(deck, i, v, own_pictures_of(deck, i, v));
}

/* "DECK:LINE:COL: slides[i].key" into buf. */
static const char *
place(char *buf, size_t size, const struct deck *deck, const struct pic *p)
{
	snprintf(buf, size, "%s:%u:%u: slides[%zu].%s", deck->path,
	         (unsigned)p->at.line, (unsigned)p->at.col, p->slide, p->key);
	return buf;
}

static void
warn_huge(const struct deck *deck, const struct pic *p,
          const struct image_info *in, struct report *rep)
{
	char where[512];
	double mib = 1 << 20;
	uint64_t full = (uint64_t)in->w * in->h * 4;

	if ((uint64_t)in->w * in->h <= PICTURE_HUGE_PIXELS)
		return;
	report_warning(
	        rep,
	        "%s: \"%s\" is %dx%d pixels (%.0f MP, a %.1f MiB file): "
	        "%.0f MiB decoded whole%s; a 4K screen needs no more than "
	        "3840x2160, scale it down to load faster",
	        place(where, sizeof(where), deck, p), p->rel, in->w, in->h,
	        (double)in->w * in->h / 1e6, (double)in->bytes / mib,
	        (double)full / mib,
	        in->format == PICTURE_JPEG
	                ? " (vitrine decodes a JPEG scaled, to a few MiB)"
	                : ", which vitrine does at each start");
}

/* The scale item it's picture (pw x ph) would need to fill its room. */
static double
wanted_scale(const struct layout_item *it, int pw, int ph)
{
	double sx = (double)it->room.w / pw, sy = (double)it->room.h / ph;

	if (it->fit == DECK_FIT_COVER)
		return sx > sy ? sx : sy;
	return sx < sy ? sx : sy;
}

/* The largest scale picture p would need on lint's screens, and where. */
static double
worst_enlargement(const struct deck *deck, const struct layout_measurer *m,
                  const struct pic *p, int pw, int ph, size_t *screen)
{
	double worst = 0;
	struct layout lay;

	layout_init(&lay);
	for (size_t k = 0; k < lint_n_sizes; k++) {
		if (layout_slide(&lay, deck, p->slide, lint_sizes[k].w,
		                 lint_sizes[k].h, 0, m) < 0)
			continue;
		for (size_t j = 0; j < lay.n; j++) {
			const struct layout_item *it = &lay.items[j];
			double s;

			if (it->kind != LAYOUT_IMAGE || it->image != p->rel)
				continue;
			s = wanted_scale(it, pw, ph);
			if (s > worst) {
				worst = s;
				*screen = k;
			}
		}
	}
	layout_destroy(&lay);
	return worst;
}

static void
warn_enlarged(const struct deck *deck, const struct layout_measurer *m,
              const struct pic *p, const struct image_info *in,
              struct report *rep)
{
	char where[512];
	size_t k = 0;
	double s = worst_enlargement(deck, m, p, in->w, in->h, &k);
	bool cover = !strcmp(p->key, "background_image") ||
	             deck->slides[p->slide].fit == DECK_FIT_COVER;

	if (s <= PICTURE_MAX_ENLARGE)
		return;
	report_warning(
	        rep,
	        "%s: \"%s\" is %dx%d pixels; at %dx%d it would need %dx%d %s "
	        "(%.1f times its size)%s; give a picture of at least %dx%d "
	        "pixels",
	        place(where, sizeof(where), deck, p), p->rel, in->w, in->h,
	        lint_sizes[k].w, lint_sizes[k].h, (int)(in->w * s + 0.5),
	        (int)(in->h * s + 0.5),
	        cover ? "to cover the screen" : "to fill its space", s,
	        cover ? ", and looks blurred"
	              : "; it is shown at most twice its size, centred",
	        (int)(in->w * s + 0.5), (int)(in->h * s + 0.5));
}

void
picture_check_files(const struct deck *deck, struct render *r,
                    const struct layout_measurer *m, struct report *rep)
{
	render_set_deck(r, deck);
	for (size_t i = 0; i < deck->n_slides; i++) {
		struct pic v[MAX_PICS];
		size_t n = pictures_of(deck, i, v);

		for (size_t k = 0; k < n; k++) {
			struct image_info in;
			char why[512], where[512];

			if (render_check_image(r, v[k].rel, &in, why,
			                       sizeof(why)) < 0) {
				report_error(rep, "%s: cannot load \"%s\": %s",
				             place(where, sizeof(where), deck,
				                   &v[k]),
				             v[k].rel, why);
				continue;
			}
			warn_huge(deck, &v[k], &in, rep);
			warn_enlarged(deck, m, &v[k], &in, rep);
		}
	}
	render_set_deck(r, NULL);
}

bool
picture_check_has_backdrops(const struct deck *deck)
{
	for (size_t i = 0; i < deck->n_slides; i++)
		if (deck->slides[i].background_image ||
		    (deck->slides[i].image &&
		     deck->slides[i].fit == DECK_FIT_COVER))
			return true;
	return false;
}

void
picture_check_scrims(const struct deck *deck, struct render *r, int w, int h,
                     struct report *rep)
{
	for (size_t i = 0; i < deck->n_slides; i++) {
		struct pic v[2];
		size_t n = own_pictures_of(deck, i, v);
		struct scrim s;
		char where[512];

		if (!n || !render_scrim(r, i, w, h, &s) ||
		    s.before >= LINT_MIN_CONTRAST)
			continue;
		report_warning(
		        rep,
		        "%s: text over \"%s\" measures %.1f:1 at %dx%d (under "
		        "4.5:1); a %d %% %s scrim is drawn over the picture, "
		        "which brings it to %.1f:1",
		        place(where, sizeof(where), deck, &v[n - 1]),
		        v[n - 1].rel, s.before, w, h,
		        (s.alpha * 100 + 127) / 255,
		        s.color.r ? "white" : "black", s.after);
	}
}
