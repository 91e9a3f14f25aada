/* relance-cli-io.h
 *
 * relance-cli import, export, backup and restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-cli-commands.h"

G_BEGIN_DECLS

int relance_cli_import_csv          (const char   *command,
                                     char       ***args);
int relance_cli_import_fec          (const char   *command,
                                     char       ***args);
int relance_cli_import_facturx      (const char   *command,
                                     char       ***args);
int relance_cli_export_open_items   (const char   *command,
                                     char       ***args);
int relance_cli_export_aged_balance (const char   *command,
                                     char       ***args);
int relance_cli_case_file           (const char   *command,
                                     char       ***args);
int relance_cli_backup              (const char   *command,
                                     char       ***args);
int relance_cli_restore             (const char   *command,
                                     char       ***args);

G_END_DECLS
