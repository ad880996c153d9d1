/*
 * options-man.c - the man pages' reference sections, printed as troff
 * from the tables the program itself reads, so the pages cannot drift
 * from it:
 *
 *   options-man options	every config key of wallboard(1)'s
 *				CONFIGURATION (src/options.c and each
 *				source's options), with its type, range,
 *				default, command line form and environment
 *   options-man stats		every source's statistics for
 *				wallboard.layout(5), as --list-stats
 *				prints them (catalog_print)
 *
 * The man pages hold this text between marker comments; `make
 * man-options` rewrites it there and tests/manpage.test fails when it
 * differs.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "options.h"
#include "provider.h"

/* Text s for troff: backslashes and hyphens escaped. */
static void troff_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

/* What values option o takes, and its range or choices. */
static void option_values(FILE *out, const struct option_def *o)
{
	char buf[160];

	switch (o->type) {
	case OPT_FLAG:
		fputs("True or false", out);
		break;
	case OPT_STRING:
		fputs("Text", out);
		break;
	case OPT_NUMBER:
		fprintf(out, "A number from %.15g to %.15g", o->min, o->max);
		break;
	case OPT_INTEGER:
		fprintf(out, "A whole number from %.15g to %.15g", o->min,
			o->max);
		break;
	case OPT_LIST:
		fputs("A list, {\"a\", \"b\"}", out);
		break;
	case OPT_CHOICE:
		fputs("One of ", out);
		troff_text(out, option_choices(o, buf, sizeof(buf)));
		break;
	case OPT_SECRET:
		fputs("The path of a file holding the secret", out);
		break;
	}
}

/* One config key: its tag line and what it takes. */
static void option_entry(FILE *out, const struct option_def *o)
{
	char name[64];

	fputs(".TP\n\\fB", out);
	troff_text(out, o->name);
	fputs("\\fR\n", out);
	option_values(out, o);
	fputs("; default: ", out);
	if (o->def)
		troff_text(out, o->def);
	else
		fputs("unset", out);
	fputs(".\n", out);
	if (o->where & OPT_CLI) {
		fputs("Command line: \\fB\\-\\-", out);
		troff_text(out, option_cli_name(o, name, sizeof(name)));
		fputs("\\fR", out);
		if (o->arg) {
			fputs(" \\fI", out);
			troff_text(out, o->arg);
			fputs("\\fR", out);
		}
		fputs(".\n", out);
	}
	if (o->env) {
		fputs("The environment's \\fB", out);
		troff_text(out, o->env);
		fputs("\\fR wins over the file.\n", out);
	}
	if (o->help) {
		fputc(toupper((unsigned char)o->help[0]), out);
		troff_text(out, o->help + 1);
		fputs(".\n", out);
	}
}

/* Every key the config file takes: the core's, then each source's. */
static void print_options(FILE *out)
{
	const struct source *src;

	for (size_t i = 0; i < options_ncore; i++)
		if (options_core[i].where & OPT_FILE)
			option_entry(out, &options_core[i]);
	for (size_t s = 0; (src = source_at(s)) != NULL; s++) {
		fputs(".PP\nWith \\fBprovider = ", out);
		troff_text(out, src->name);
		fputs("\\fR:\n", out);
		for (size_t i = 0; i < src->noptions; i++)
			if (src->options[i].where & OPT_FILE)
				option_entry(out, &src->options[i]);
	}
}

/*
 * One line of --list-stats (name, kind, unit, panel types, tab
 * separated) as a tagged paragraph: the name, then "KIND; unit: UNIT;
 * panels: A, B".
 */
static void stat_entry(FILE *out, char *line)
{
	static const char *const label[] = { "", "; unit: ", "; panels: " };
	char *f[4], *p = line;

	for (int i = 0; i < 4; i++) {
		f[i] = p;
		if (i < 3 && (p = strchr(p, '\t')) == NULL)
			return;
		if (i < 3)
			*p++ = '\0';
	}
	fputs(".TP\n\\fB", out);
	troff_text(out, f[0]);
	fputs("\\fR\n", out);
	for (int i = 1; i < 4; i++) {
		fputs(label[i - 1], out);
		for (p = f[i]; *p; p++)
			if (*p == ',')
				fputs(", ", out);
			else if (*p == '-')
				fputs("\\-", out);
			else
				fputc(*p, out);
	}
	fputc('\n', out);
}

/* Every source's statistics, a subsection each, as --list-stats prints. */
static void print_stats(FILE *out)
{
	const struct catalog *cat;

	for (size_t c = 0; (cat = catalog_at(c)) != NULL; c++) {
		char *text = NULL, *line;
		size_t size = 0;
		FILE *mem = open_memstream(&text, &size);

		if (mem == NULL) {
			perror("open_memstream");
			exit(1);
		}
		catalog_print(cat, mem);
		fclose(mem);
		fputs(".SS ", out);
		troff_text(out, cat->provider);
		fputc('\n', out);
		for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
			stat_entry(out, line);
		free(text);
	}
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "options") == 0)
		print_options(stdout);
	else if (argc == 2 && strcmp(argv[1], "stats") == 0)
		print_stats(stdout);
	else {
		fputs("usage: options-man options|stats\n", stderr);
		return 2;
	}
	return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}
