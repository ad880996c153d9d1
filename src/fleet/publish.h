/*
 * publish.h - the headless publisher (--publish mqtt[s]://HOST[:PORT]/PREFIX):
 * one process polls the data source for the whole floor and publishes
 * what every layout shows to an MQTT broker, for any number of screens
 * (--from) and other consumers. doc/fleet.md describes a deployment.
 */
#ifndef WB_FLEET_PUBLISH_H
#define WB_FLEET_PUBLISH_H

#include "config.h"
#include "layout/layout.h"
#include "log.h"
#include "reload.h"

/*
 * Run the publisher for the layouts of r (its own from here: freed with
 * rl->free) until SIGINT, SIGTERM or SIGQUIT; SIGHUP reads the settings
 * and layouts again through rl and publishes the new layouts. Returns
 * the exit status (2 with a line on stderr when it cannot start). A
 * second publisher on the same PREFIX stands by and takes over when the
 * first one's last will arrives.
 */
int publish_run(struct reading *r, const struct reloader *rl,
		struct log *log);

#endif
