/*
 * chat.c - the supervisors' internal chat of the simulated centre: now and
 * then someone posts a message, and an urgent alert when a queue waits too
 * long; the last messages are kept in a ring for the views.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"
#include "util.h"

#define CHAT_EVERY 240.0	/* mean seconds between chat messages */

/* An urgent alert about the worst queue, or NULL when queues are fine. */
static char *queue_alert(struct sim *s)
{
	const struct sim_service *worst = NULL;
	double w, longest = 0;

	for (int i = 0; i < s->nsvcs; i++) {
		const struct sim_service *sv = &s->svcs[i];

		if (sv->queue.n == 0 || sv->media == MEDIA_EMAIL)
			continue;
		w = s->t - sv->queue.v[0].arrived;
		if (w > 3 * sv->sl_threshold && w > longest) {
			longest = w;
			worst = sv;
		}
	}
	if (worst == NULL)
		return NULL;
	return xasprintf("%s: %zu waiting, longest %d:%02d. Please go Ready!",
			 worst->name, worst->queue.n, (int)longest / 60,
			 (int)longest % 60);
}

/* Store a message, dropping the oldest when the ring is full. */
static void chat_push(struct sim *s, struct sim_msg *m)
{
	struct sim_msg *slot = &s->msgs[s->msg_head];

	free(slot->content);
	*slot = *m;
	s->msg_head = (s->msg_head + 1) % s->msg_cap;
	if (s->msg_n < s->msg_cap)
		s->msg_n++;
}

/* The sender of a message: a logged-in agent, or else a supervisor. */
static void chat_sender(struct sim *s, struct sim_msg *m)
{
	for (int i = 0; i < 8 && !sim_chance(s, 0.3); i++) {
		const struct sim_agent *a =
			&s->agents[sim_rand_int(s, s->nagents)];

		if (a->state != AS_LOGGED_OUT) {
			m->login_id = a->login_id;
			m->first = a->first;
			m->last = a->last;
			return;
		}
	}
	names_supervisor(s, &m->login_id, &m->first, &m->last);
}

/* Now and then someone posts an internal chat message. */
void sim_chat_tick(struct sim *s, double dt)
{
	struct sim_msg m;

	if (sim_day_load(s->t) <= 0 || !sim_chance(s, dt / CHAT_EVERY))
		return;
	memset(&m, 0, sizeof(m));
	m.id = ++s->next_msg;
	m.sent = s->t;
	chat_sender(s, &m);
	if (sim_chance(s, 0.3) && (m.content = queue_alert(s)) != NULL)
		m.urgent = true;
	else
		m.content = names_chat(s, &m.urgent);
	chat_push(s, &m);
}

/* Chat message i, the newest first (0); NULL past the oldest kept. */
const struct sim_msg *sim_message(const struct sim *s, int i)
{
	if (i < 0 || i >= s->msg_n)
		return NULL;
	return &s->msgs[(s->msg_head - 1 - i + 2 * s->msg_cap) % s->msg_cap];
}
