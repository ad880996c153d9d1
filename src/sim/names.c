/*
 * names.c - the simulated contact centre's names and texts: people from
 * several languages (accents, CJK, a decomposed accent), services, teams,
 * not-ready reasons, dispositions and internal chat lines. Tables only, and
 * the small functions that pick from them.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"
#include "util.h"

struct name {
	const char *text, *ascii;
};

struct name_group {
	const struct name *first, *last;
	size_t nfirst, nlast;
	bool family_first;
	int weight;
};

static const struct name en_first[] = {
	{ "Christy", "christy" }, { "Allen", "allen" }, { "Liza", "liza" },
	{ "Jeffery", "jeffery" }, { "Mark", "mark" }, { "Olivia", "olivia" },
	{ "Liam", "liam" }, { "Grace", "grace" }, { "Noah", "noah" },
	{ "Amelia", "amelia" }, { "Ethan", "ethan" }, { "Chloe", "chloe" },
	{ "Siobhán", "siobhan" }, { "Seán", "sean" },
};
static const struct name en_last[] = {
	{ "Borden", "borden" }, { "Fawcett", "fawcett" }, { "Smith", "smith" },
	{ "Lozada", "lozada" }, { "O'Brien", "obrien" }, { "Walker", "walker" },
	{ "Harris", "harris" }, { "Nguyen", "nguyen" }, { "Clarke", "clarke" },
	{ "Ó Súilleabháin", "osuilleabhain" }, { "Brennan", "brennan" },
};
static const struct name de_first[] = {
	{ "Zoë", "zoe" }, { "Jürgen", "juergen" }, { "Jörg", "joerg" },
	{ "Käthe", "kaethe" }, { "Lukas", "lukas" }, { "Anja", "anja" },
	{ "Björn", "bjoern" }, { "Hannah", "hannah" },
};
static const struct name de_last[] = {
	{ "Müller", "mueller" }, { "Schröder", "schroeder" },
	{ "Weiß", "weiss" }, { "Groß", "gross" }, { "Becker", "becker" },
	{ "Hoffmann", "hoffmann" }, { "Köhler", "koehler" },
};
static const struct name es_first[] = {
	{ "José", "jose" }, { "María", "maria" }, { "Lucía", "lucia" },
	{ "Andrés", "andres" }, { "Begoña", "begona" }, { "Iñaki", "inaki" },
	{ "Ramón", "ramon" },
};
static const struct name es_last[] = {
	{ "Álvarez", "alvarez" }, { "Peña", "pena" },
	{ "Muñoz", "munoz" },     { "García", "garcia" },
	{ "Ibáñez", "ibanez" },   { "Rodríguez", "rodriguez" },
};
static const struct name fr_first[] = {
	{ "Amélie", "amelie" },
	{ "François", "francois" },
	{ "Hélène", "helene" },
	{ "Noël", "noel" },
	{ "Rene\xcc\x81"
	  "e",
	  "renee" }, /* decomposed: e + combining acute */
};
static const struct name fr_last[] = {
	{ "Lefèvre", "lefevre" }, { "Côté", "cote" }, { "Dubois", "dubois" },
	{ "Leblanc", "leblanc" },
};
static const struct name nordic_first[] = {
	{ "Ørjan", "orjan" }, { "Åsa", "asa" }, { "Søren", "soren" },
	{ "Ingrid", "ingrid" },
};
static const struct name nordic_last[] = {
	{ "Åsen", "asen" },
	{ "Sørensen", "sorensen" },
	{ "Lindqvist", "lindqvist" },
	{ "Ødegård", "odegard" },
};
static const struct name zh_first[] = {
	{ "娜", "na" }, { "伟", "wei" }, { "芳", "fang" }, { "静", "jing" },
	{ "磊", "lei" },
};
static const struct name zh_last[] = {
	{ "李", "li" },  { "王", "wang" }, { "张", "zhang" },
	{ "刘", "liu" }, { "陈", "chen" },
};
static const struct name ja_first[] = {
	{ "花子", "hanako" }, { "太郎", "taro" }, { "陽菜", "hina" },
	{ "翔太", "shota" },
};
static const struct name ja_last[] = {
	{ "佐藤", "sato" }, { "鈴木", "suzuki" }, { "高橋", "takahashi" },
	{ "田中", "tanaka" },
};
static const struct name pl_first[] = {
	{ "Łukasz", "lukasz" }, { "Małgorzata", "malgorzata" },
	{ "Wojciech", "wojciech" }, { "Zofia", "zofia" },
};
static const struct name pl_last[] = {
	{ "Wąsowski", "wasowski" }, { "Żółkiewska", "zolkiewska" },
	{ "Nowak", "nowak" }, { "Kowalczyk", "kowalczyk" },
};
static const struct name tr_first[] = {
	{ "Çağla", "cagla" }, { "Gökhan", "gokhan" }, { "Şule", "sule" },
};
static const struct name tr_last[] = {
	{ "Yılmaz", "yilmaz" },
	{ "Öztürk", "ozturk" },
	{ "Şahin", "sahin" },
};

#define GROUP(f, l, ff, w) { f, l, WB_ARRAY_LEN(f), WB_ARRAY_LEN(l), ff, w }
static const struct name_group groups[] = {
	GROUP(en_first, en_last, false, 10),
	GROUP(de_first, de_last, false, 4),
	GROUP(es_first, es_last, false, 4),
	GROUP(fr_first, fr_last, false, 2),
	GROUP(nordic_first, nordic_last, false, 2),
	GROUP(zh_first, zh_last, true, 2),
	GROUP(ja_first, ja_last, true, 2),
	GROUP(pl_first, pl_last, false, 1),
	GROUP(tr_first, tr_last, false, 1),
};

const char *const sim_dispositions[SIM_NDISP] = {
	"Agent failure", "Disposition not found", "Dropped while talking",
	"Offer rejected", "Phone number out of service", "Product sold",
	"Silence", "System failure", "Wrong number",
};
const bool sim_disposition_success[SIM_NDISP] = {
	false, false, false, false, false, true, false, false, false,
};

/* Named services first (as in the vendor's examples), then numbered ones. */
static const struct {
	const char *name;
	enum media media;
} service_names[] = {
	{ "Voice Inbound", MEDIA_VOICE },
	{ "Support für Kunden", MEDIA_VOICE },
	{ "Chat Service", MEDIA_CHAT },
	{ "Email Svc", MEDIA_EMAIL },
	{ "Outbound Voice", MEDIA_OUTBOUND },
	{ "販売 窓口", MEDIA_VOICE },
	{ "Best Chat Service", MEDIA_CHAT },
	{ "Service Client Français", MEDIA_VOICE },
	{ "Nice Inbound", MEDIA_VOICE },
	{ "Retention Campaign", MEDIA_OUTBOUND },
};

static const char *const team_names[] = {
	"Customer Service", "Sales Team", "Soporte Técnico", "技术支持",
	"Back Office", "Retention",
};

static const char *const break_reasons[] = { "Break", "Lunch", "Break" };

static const struct {
	const char *reason;
	double mean_len;
} unplanned[] = {
	{ "Meeting", 1800 },        { "Training", 2700 },
	{ "Coaching", 900 },        { "Personal", 300 },
	{ "Technical issue", 420 }, { "Réunion d'équipe", 1200 },
};

static const char *const chat_lines[] = {
	"Team huddle at 14:00 in room B",
	"Please remember to set dispositions on every call",
	"New promo code SPRING24 is live for Sales",
	"Bitte die Warteschlange im Blick behalten, danke!",
	"¿Alguien puede cubrir el chat 10 minutos?",
	"本日の研修は15時からです",
	"系统维护将在今晚十点开始",
	"Great job on the SLA this morning 🙂",
	"Réunion d'équipe déplacée à 15h30",
	"CRM is slow, IT is on it",
	"Ticket 4411 pasted:\tcustomer says\r\nline two",
	"\x1b[31mRED\x1b[0m test from the old paging tool",
};

static const char *const urgent_lines[] = {
	"All hands: queue is building up, please go Ready",
	"Phones down in building 2, use softphones",
	"Dringend: Störung im Zahlungssystem, Kunden vertrösten",
	"緊急：システム障害が発生しています",
};

static const struct {
	const char *login_id, *first, *last;
} supervisors[] = {
	{ "supervisor", "Sam", "Okafor" },
	{ "ana.lopez", "Ana", "López" },
	{ "kenji.mori", "健二", "森" },
};

/* The first agents of every centre: names that exercise accents, CJK
 * width and a decomposed accent on every board. */
static const struct person showcase[] = {
	{ "Zoë", "Müller", "zoe", "mueller", false },
	{ "José", "Álvarez", "jose", "alvarez", false },
	{ "娜", "李", "na", "li", true },
	{ "花子", "佐藤", "hanako", "sato", true },
	{ "Ørjan", "Åsen", "orjan", "asen", false },
	{ "Rene\xcc\x81""e", "Lefèvre", "renee", "lefevre", false },
};

/* Agent i's name: the showcase names first, then random ones. */
void names_agent(struct sim *s, int i, struct person *p)
{
	if (i >= 0 && (size_t)i < WB_ARRAY_LEN(showcase))
		*p = showcase[i];
	else
		names_person(s, p);
}

/* A random person's name, groups weighted by how common they are here. */
void names_person(struct sim *s, struct person *p)
{
	int total = 0, r;
	const struct name_group *g = &groups[0];
	const struct name *f, *l;

	for (size_t i = 0; i < WB_ARRAY_LEN(groups); i++)
		total += groups[i].weight;
	r = sim_rand_int(s, total);
	for (size_t i = 0; i < WB_ARRAY_LEN(groups); i++) {
		g = &groups[i];
		if (r < g->weight)
			break;
		r -= g->weight;
	}
	f = &g->first[sim_rand_int(s, (int)g->nfirst)];
	l = &g->last[sim_rand_int(s, (int)g->nlast)];
	p->first = f->text;
	p->first_ascii = f->ascii;
	p->last = l->text;
	p->last_ascii = l->ascii;
	p->family_first = g->family_first;
}

/* A person's name as shown: "First Last", or "Last First" for CJK names. */
char *names_full(const struct person *p)
{
	if (p->family_first)
		return xasprintf("%s %s", p->last, p->first);
	return xasprintf("%s %s", p->first, p->last);
}

/* An open-addressing set of strings, to keep login ids unique. */
struct name_set {
	char **slot;
	size_t cap;
};

/* A set sized for about expected names. */
struct name_set *name_set_new(size_t expected)
{
	struct name_set *set = xmalloc(sizeof(*set));

	set->cap = 16;
	while (set->cap < expected * 2)
		set->cap *= 2;
	set->slot = xcalloc(set->cap, sizeof(*set->slot));
	return set;
}

/* Free the set and its strings. */
void name_set_free(struct name_set *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	free(set);
}

/* FNV-1a, for the set. */
static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Add name unless present; true when it was added. */
static bool name_set_add(struct name_set *set, const char *name)
{
	size_t i = name_hash(name) & (set->cap - 1);

	while (set->slot[i] != NULL) {
		if (strcmp(set->slot[i], name) == 0)
			return false;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = xstrdup(name);
	return true;
}

/* first.last, or first.last2, first.last3... when taken. */
char *names_login_id(struct name_set *set, const struct person *p)
{
	char *id = xasprintf("%s.%s", p->first_ascii, p->last_ascii);

	for (int n = 2; !name_set_add(set, id); n++) {
		free(id);
		id = xasprintf("%s.%s%d", p->first_ascii, p->last_ascii, n);
	}
	return id;
}

/* Service i: the named ones, then "Voice Inbound 11" and so on. */
char *names_service(int i, enum media *media)
{
	size_t n = WB_ARRAY_LEN(service_names), k = (size_t)i % n;

	*media = service_names[k].media;
	if ((size_t)i < n)
		return xstrdup(service_names[k].name);
	return xasprintf("%s %d", service_names[k].name, i + 1);
}

/* Team i: the named ones, then numbered. */
char *names_team(int i)
{
	size_t n = WB_ARRAY_LEN(team_names), k = (size_t)i % n;

	if ((size_t)i < n)
		return xstrdup(team_names[k]);
	return xasprintf("%s %d", team_names[k], i + 1);
}

/* The reason shown for scheduled break number slot (0..2). */
const char *names_break_reason(int slot)
{
	return break_reasons[slot % (int)WB_ARRAY_LEN(break_reasons)];
}

/* An unplanned not-ready reason and its typical length in seconds. */
const char *names_unplanned_reason(struct sim *s, double *mean_len)
{
	int i = sim_rand_int(s, (int)WB_ARRAY_LEN(unplanned));

	*mean_len = unplanned[i].mean_len;
	return unplanned[i].reason;
}

/* A chat line: mostly routine, about one in ten urgent. */
char *names_chat(struct sim *s, bool *urgent)
{
	*urgent = sim_rand_int(s, 10) == 0;
	if (*urgent)
		return xstrdup(urgent_lines[sim_rand_int(
			s, (int)WB_ARRAY_LEN(urgent_lines))]);
	return xstrdup(
		chat_lines[sim_rand_int(s, (int)WB_ARRAY_LEN(chat_lines))]);
}

/* One of the supervisors who post to the agents. */
void names_supervisor(struct sim *s, const char **login_id,
		      const char **first, const char **last)
{
	int i = sim_rand_int(s, (int)WB_ARRAY_LEN(supervisors));

	*login_id = supervisors[i].login_id;
	*first = supervisors[i].first;
	*last = supervisors[i].last;
}

/* An uppercase GUID like the vendor's ids: 8-4-4-4-12 hex digits. */
void names_guid(struct sim *s, char out[SIM_ID_LEN])
{
	uint64_t a = sim_rand(s), b = sim_rand(s);

	snprintf(out, SIM_ID_LEN, "%08X-%04X-4%03X-%04X-%012llX",
		 (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff,
		 (unsigned)a & 0xfff, (((unsigned)(b >> 48) & 0x3fff) | 0x8000),
		 (unsigned long long)(b & 0xffffffffffffULL));
}

/* --- object lists -------------------------------------------------------- */

/* The ids of the model's objects, one a line: "agents" their login ids,
 * "queues" the services' names; NULL for another what. */
char *sim_object_list(struct sim *s, const char *what)
{
	struct buf b;
	bool agents = strcmp(what, "agents") == 0;

	if (!agents && strcmp(what, "queues") != 0)
		return NULL;
	buf_init(&b);
	buf_puts(&b, "");
	for (int i = 0; agents && i < s->nagents; i++)
		buf_printf(&b, "%s\n", s->agents[i].login_id);
	for (int i = 0; !agents && i < s->nsvcs; i++)
		buf_printf(&b, "%s\n", s->svcs[i].name);
	return b.data;
}

/* One entry of a list: copies of id (may be NULL) and name. */
static void item_add(struct cfg_item **v, long *n, const char *id,
		     const char *name)
{
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof(**v));
	(*v)[*n].id = id ? xstrdup(id) : NULL;
	(*v)[*n].name = xstrdup(name);
	(*n)++;
}

/*
 * The model's objects as a server's configuration lists them (--list-*
 * with --demo): "teams", "services" and "agents" by id and name,
 * "dispositions" by name. -1 for another what.
 */
long sim_cfg_list(struct sim *s, const char *what, struct cfg_item **out)
{
	long n = 0;

	*out = NULL;
	if (strcmp(what, "teams") == 0)
		for (int i = 0; i < s->nteams; i++)
			item_add(out, &n, s->teams[i].id, s->teams[i].name);
	else if (strcmp(what, "services") == 0)
		for (int i = 0; i < s->nsvcs; i++)
			item_add(out, &n, s->svcs[i].id, s->svcs[i].name);
	else if (strcmp(what, "agents") == 0)
		for (int i = 0; i < s->nagents; i++)
			item_add(out, &n, s->agents[i].login_id,
				 s->agents[i].full);
	else if (strcmp(what, "dispositions") == 0)
		for (int i = 0; i < SIM_NDISP; i++)
			item_add(out, &n, NULL, sim_dispositions[i]);
	else
		return -1;
	return n;
}
