/*
 * nagios.h - --once --format nagios: the board as a monitoring plugin
 * (Nagios, Icinga, Naemon, Zabbix's and Checkmk's plugin runners). One
 * line: "WALLBOARD <STATE> - what is at its level | performance data",
 * and the exit status by the worst level of the layouts given: 0 OK,
 * 1 WARNING, 2 CRITICAL, 3 UNKNOWN when there is no data (no server, a
 * login refused, a timeout). wallboard(1), NAGIOS OUTPUT.
 */
#ifndef WB_OUTPUT_NAGIOS_H
#define WB_OUTPUT_NAGIOS_H

#include <stdio.h>

#include "output/once.h"

/* The plugin exit statuses. */
enum { NAGIOS_OK, NAGIOS_WARNING, NAGIOS_CRITICAL, NAGIOS_UNKNOWN };

/* Print r's status line to out; returns the plugin's exit status. */
int once_nagios(FILE *out, const struct once_result *r);

/*
 * The status line of a run that could not start (a usage, config or
 * layout error: why), to out; returns NAGIOS_UNKNOWN.
 */
int nagios_unknown(FILE *out, const char *why);

#endif
