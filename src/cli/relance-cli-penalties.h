/* relance-cli-penalties.h
 *
 * relance-cli penalties: the late-payment interest and recovery
 * indemnities a customer owes, invoice by invoice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_penalties (const char   *command,
                           char       ***args);

G_END_DECLS
