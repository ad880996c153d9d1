/*
 * options.h - every option of wallboard as one table (cf. tmux's
 * options-table.c): its name on the command line and in the config file,
 * its type, where its value lives, its default, its range and its help.
 * The getopt table, --help, the config file's keys, the range checks and
 * the order of precedence (command line over file over default) all come
 * from the table, so an option is written once.
 *
 * The core's options live in struct config. A data source adds its own
 * (struct source's options): their values live in the source's settings
 * (cfg->source, a struct of the source's own), so nothing outside a
 * source's folder knows its keys.
 */
#ifndef WB_OPTIONS_H
#define WB_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum opt_type {
	OPT_FLAG, /* bool; the command line form takes no argument */
	OPT_STRING, /* char * */
	OPT_NUMBER, /* double within [min, max] */
	OPT_INTEGER, /* long within [min, max] */
	/* char ** and a size_t count; repeatable on the command line */
	OPT_LIST,
	OPT_CHOICE, /* int: the index of a word in choices */
	OPT_SECRET /* char *: from env, else from the file the config key names
		    */
};

/* Where an option may be given. */
#define OPT_CLI		0x1	/* on the command line */
#define OPT_FILE	0x2	/* in the config file */
#define OPT_BOTH	(OPT_CLI | OPT_FILE)

struct option_def {
	/* the config key; on the command line with '-' for '_' */
	const char *name;
	/* the command line's name when it differs, or NULL */
	const char *cli;
	char short_name;	/* 'c', or 0 */
	enum opt_type type;
	unsigned where;		/* OPT_CLI, OPT_FILE */
	/* of the value in struct config or the source's settings */
	size_t offset;
	size_t count_offset;	/* OPT_LIST: of its size_t count */
	const char *def;	/* the default, as text; NULL: unset */
	double min, max;	/* OPT_NUMBER, OPT_INTEGER */
	/* OPT_CHOICE: the words, NULL-terminated */
	const char *const *choices;
	/* the value of a command line form with no argument */
	const char *implied;
	const char *env;	/* OPT_SECRET: the environment variable */
	/* the argument in --help ("SEC"); NULL: none */
	const char *arg;
	const char *help;	/* one line; NULL: not listed in --help */
	/*
	 * A check of each value beyond its type; false with the reason in err.
	 */
	bool (*check)(const char *value, char *err, size_t errsz);
};

/* The core's options. */
extern const struct option_def options_core[];
extern const size_t options_ncore;

/* The command line name of o ("client-id"), into buf. */
const char *option_cli_name(const struct option_def *o, char *buf, size_t size);

/*
 * Set option o in the struct at base from text, as the command line and
 * the config file give it: parsed by its type, checked against its range
 * or choices (a list appends). False with the reason in err (which never
 * quotes a secret).
 */
bool option_set(const struct option_def *o, void *base, const char *text,
		char *err, size_t errsz);

/* Free what option o holds in the struct at base, and clear it. */
void option_free(const struct option_def *o, void *base);

/* "a, b or c": the choices of an OPT_CHOICE option, into buf. */
const char *option_choices(const struct option_def *o, char *buf, size_t size);

#endif
