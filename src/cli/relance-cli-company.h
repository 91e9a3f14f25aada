/* relance-cli-company.h
 *
 * relance-cli company set: the user's own firm as letters present it;
 * relance-cli company (show): what is stored, and what letters still lack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_company_set  (const char   *command,
                              char       ***args);
int relance_cli_company_show (const char   *command,
                              char       ***args);

G_END_DECLS
