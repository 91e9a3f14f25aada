/* relance-cli-commands.h
 *
 * The commands of relance-cli. Each one parses and checks all its options
 * before it opens the ledger, so a mistyped argument never writes anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RELANCE_CLI_EXIT_OK      = 0,
  RELANCE_CLI_EXIT_FAILURE = 1,   /* the ledger refused, or a value is wrong */
  RELANCE_CLI_EXIT_USAGE   = 2,   /* unknown command or option, missing option */
} RelanceCliExit;

/* @command: the command as typed ("customer add"), for help and messages;
 * @args: (inout) (transfer full): the program name, then every argument
 *   but the command words. */
typedef int (*RelanceCliCommandFunc) (const char   *command,
                                      char       ***args);

int relance_cli_usage_error     (const char   *command,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);

int relance_cli_demo            (const char   *command,
                                 char       ***args);
int relance_cli_customer_add    (const char   *command,
                                 char       ***args);
int relance_cli_customers       (const char   *command,
                                 char       ***args);
int relance_cli_invoice_add     (const char   *command,
                                 char       ***args);
int relance_cli_invoices        (const char   *command,
                                 char       ***args);
int relance_cli_payment_add     (const char   *command,
                                 char       ***args);
int relance_cli_dispute_open    (const char   *command,
                                 char       ***args);
int relance_cli_dispute_resolve (const char   *command,
                                 char       ***args);
int relance_cli_disputes        (const char   *command,
                                 char       ***args);
int relance_cli_aged_balance    (const char   *command,
                                 char       ***args);

G_END_DECLS
