/* relance-cli-stats.h
 *
 * relance-cli stats disputes, and relance-cli chart: the dashboard's
 * figures and charts for scripts and reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_stats_disputes (const char   *command,
                                char       ***args);
int relance_cli_chart          (const char   *command,
                                char       ***args);

G_END_DECLS
