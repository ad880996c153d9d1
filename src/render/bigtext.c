/*
 * bigtext.c - big digits: a 3x5 pixel font drawn with the glyph set's
 * half blocks, two pixel rows a text row, scaled up whole. Totals values
 * and the STALE band use it; every size is the same font, so a screen
 * never mixes two styles of digits.
 */
#include "autoconf.h"

#include "render/render_int.h"
#include "util.h"

/*
 * A 3x5 pixel font, drawn with half blocks so that two pixel rows share
 * one text row; scaled up whole when the panel has room.
 */
struct big_glyph {
	char c;
	unsigned char w;
	const char *rows[5];
};
static const struct big_glyph big_font[] = {
	{ '0', 3, { "###", "# #", "# #", "# #", "###" } },
	{ '1', 3, { " # ", "## ", " # ", " # ", "###" } },
	{ '2', 3, { "###", "  #", "###", "#  ", "###" } },
	{ '3', 3, { "###", "  #", "###", "  #", "###" } },
	{ '4', 3, { "# #", "# #", "###", "  #", "  #" } },
	{ '5', 3, { "###", "#  ", "###", "  #", "###" } },
	{ '6', 3, { "###", "#  ", "###", "# #", "###" } },
	{ '7', 3, { "###", "  #", "  #", "  #", "  #" } },
	{ '8', 3, { "###", "# #", "###", "# #", "###" } },
	{ '9', 3, { "###", "# #", "###", "  #", "###" } },
	{ ':', 1, { " ", "#", " ", "#", " " } },
	{ '.', 1, { " ", " ", " ", " ", "#" } },
	{ '%', 3, { "# #", "  #", " # ", "#  ", "# #" } },
	{ '-', 3, { "   ", "   ", "###", "   ", "   " } },
	{ ' ', 2, { "  ", "  ", "  ", "  ", "  " } },
	{ 'S', 3, { "###", "#  ", "###", "  #", "###" } },
	{ 'T', 3, { "###", " # ", " # ", " # ", " # " } },
	{ 'A', 3, { " # ", "# #", "###", "# #", "# #" } },
	{ 'L', 3, { "#  ", "#  ", "#  ", "#  ", "###" } },
	{ 'E', 3, { "###", "#  ", "###", "#  ", "###" } },
};

static const struct big_glyph *big_find(char c)
{
	for (size_t i = 0; i < WB_ARRAY_LEN(big_font); i++)
		if (big_font[i].c == c)
			return &big_font[i];
	return NULL;
}

/* Width in cells of s in the big font at scale, or -1 if it has no glyph. */
int big_width(const char *s, int scale)
{
	int w = 0;

	for (; *s; s++) {
		const struct big_glyph *g = big_find(*s);
		if (g == NULL)
			return -1;
		w += (g->w + 1) * scale;
	}
	return w > 0 ? w - scale : 0;
}

/* Rows in cells of the big font at scale. */
int big_height(int scale)
{
	return (5 * scale + 1) / 2;
}

/* Pixel (px, py) of glyph g at scale. */
static bool big_pixel(const struct big_glyph *g, int px, int py, int scale)
{
	if (py >= 5 * scale)
		return false;
	return g->rows[py / scale][px / scale] == '#';
}

/* Draw s in the big font with its top-left at (y, x). */
void big_draw(struct render *r, int y, int x, const char *s, int scale)
{
	for (; *s; s++) {
		const struct big_glyph *g = big_find(*s);
		for (int cy = 0; cy < big_height(scale); cy++)
			for (int cx = 0; cx < g->w * scale; cx++) {
				bool top = big_pixel(g, cx, cy * 2, scale);
				bool bot = big_pixel(g, cx, cy * 2 + 1, scale);
				const char *ch = top && bot ? r->g->full :
						 top ? r->g->upper :
						 bot ? r->g->lower : " ";
				mvaddstr(y + cy, x + cx, ch);
			}
		x += (g->w + 1) * scale;
	}
}

