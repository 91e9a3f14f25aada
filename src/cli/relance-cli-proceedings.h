/* relance-cli-proceedings.h
 *
 * relance-cli proceedings open|close|list and claim-declaration: customers
 * in insolvency proceedings, and the claim declared to the mandataire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_proceedings_open   (const char   *command,
                                    char       ***args);
int relance_cli_proceedings_close  (const char   *command,
                                    char       ***args);
int relance_cli_proceedings_list   (const char   *command,
                                    char       ***args);
int relance_cli_claim_declaration  (const char   *command,
                                    char       ***args);

G_END_DECLS
