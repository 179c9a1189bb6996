/*
 * orientation: EXIF orientations as a mirror and a turn; see
 * orientation.h.
 */
#include "orientation.h"

struct orientation
orientation_from_exif(int v)
{
	/* v: 1 as stored, 2 mirrored, 3 upside down, 4 mirrored upside down,
	 * 5 mirrored then turned a quarter anticlockwise (transposed), 6 to
	 * turn a quarter clockwise, 7 mirrored then a quarter clockwise
	 * (transversed), 8 to turn a quarter anticlockwise. */
	static const struct orientation table[9] = {
		[1] = { false, 0 }, [2] = { true, 0 },  [3] = { false, 2 },
		[4] = { true, 2 },  [5] = { true, 3 },  [6] = { false, 1 },
		[7] = { true, 1 },  [8] = { false, 3 },
	};

	return v >= 1 && v <= 8 ? table[v] : table[1];
}

void
orientation_size(struct orientation o, int w, int h, int *uw, int *uh)
{
	*uw = o.turns % 2 ? h : w;
	*uh = o.turns % 2 ? w : h;
}

/* Where pixel (x, y) of a w x h picture goes once upright, as an index
 * into out. */
static long
upright_index(struct orientation o, int x, int y, int w, int h)
{
	int uw, uh, ux, uy;

	orientation_size(o, w, h, &uw, &uh);
	if (o.mirror)
		x = w - 1 - x;
	switch (o.turns & 3) {
	case 1: /* clockwise: the left column becomes the top row */
		ux = h - 1 - y;
		uy = x;
		break;
	case 2:
		ux = w - 1 - x;
		uy = h - 1 - y;
		break;
	case 3:
		ux = y;
		uy = w - 1 - x;
		break;
	default:
		ux = x;
		uy = y;
		break;
	}
	(void)uh;
	return (long)uy * uw + ux;
}

void
orientation_apply(struct orientation o, const uint32_t *px, int w, int h,
                  uint32_t *out)
{
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			out[upright_index(o, x, y, w, h)] = px[(long)y * w + x];
}
