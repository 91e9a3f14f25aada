/* relance-cli-worklist.h
 *
 * relance-cli worklist: what to do on a day; relance-cli action add: what
 * was done, recorded against the customer's item of the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_worklist   (const char   *command,
                            char       ***args);
int relance_cli_action_add (const char   *command,
                            char       ***args);

G_END_DECLS
