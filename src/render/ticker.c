/*
 * ticker.c - the chat-message ticker: with one row, every message
 * scrolls along it; with more, the newest are listed, urgent ones
 * highlighted.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "render/render_int.h"
#include "text.h"
#include "util.h"

/*
 * The ticker: with one row, the messages scroll along it; with more, the
 * newest are listed, urgent ones highlighted.
 */
void draw_ticker(struct render *r, const struct panel *p,
		 const struct snapshot *s, const struct area *a)
{
	size_t idx[256];
	size_t n = s ? table_messages(p, s, idx, WB_ARRAY_LEN(idx)) : 0;
	char line[2048];

	if (n == 0) {
		style(r, ROLE_DIM);
		put_fit(r, a->y, a->x, a->w,
			s ? "no messages" : "waiting for data", ALIGN_LEFT);
		return;
	}
	if (a->h > 1) {
		for (size_t i = 0; i < n && (int)i < a->h; i++) {
			table_message_text(&s->msgs[idx[i]], line,
					   sizeof(line));
			style(r,
			      s->msgs[idx[i]].urgent ? R_URGENT : ROLE_NORMAL);
			put_fit(r, a->y + (int)i, a->x, a->w, line, ALIGN_LEFT);
		}
		return;
	}
	/* One row: a scrolling band of every message, newest first. */
	struct buf band;
	buf_init(&band);
	for (size_t i = 0; i < n; i++) {
		table_message_text(&s->msgs[idx[i]], line, sizeof(line));
		buf_printf(&band, "%s  %s  ", line, r->g->bullet);
	}
	int bw = text_width(band.data);
	if (bw <= a->w) {
		style(r, s->msgs[idx[0]].urgent ? R_URGENT : ROLE_NORMAL);
		put_fit(r, a->y, a->x, a->w, band.data, ALIGN_LEFT);
	} else {
		/* Skip whole characters until the offset, then draw. */
		size_t off = text_skip_cells(
			band.data, (int)(r->ticker_pos % (unsigned)bw));
		char *again;

		/*
		 * The band twice over, so the scroll wraps around seamlessly.
		 */
		again = xstrdup(band.data);
		buf_puts(&band, again);
		free(again);
		style(r, ROLE_NORMAL);
		put_fit(r, a->y, a->x, a->w, band.data + off, ALIGN_LEFT);
		r->animating = true;
	}
	buf_free(&band);
}
