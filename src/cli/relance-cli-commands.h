/* relance-cli-commands.h
 *
 * The commands of relance-cli. Each one parses and checks all its options
 * before it opens the ledger, so a mistyped argument never writes anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "relance-cli-output.h"
#include "relance-context.h"

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

/* What one run of a command was given, besides its own options; the
 * command files fill @command, @lists and @creates_ledger, the parser the
 * rest. */
typedef struct
{
  const char       *command;         /* "customer add" */
  gboolean          lists;           /* takes --format */
  gboolean          creates_ledger;  /* may start a new ledger file */
  char             *db_path;         /* --db */
  char             *date;            /* --date, as typed */
  char             *format_name;     /* --format, as typed */
  RelanceCliFormat  format;
  RelanceDay        today;           /* RELANCE_DAY_NONE: the system clock */
} RelanceCliInvocation;

void      relance_cli_invocation_clear   (RelanceCliInvocation        *inv);
/* Parses the command's @entries and the global options; @status is the
 * exit status when it returns %FALSE. */
gboolean  relance_cli_parse_command_line (RelanceCliInvocation        *inv,
                                          const char                  *summary,
                                          const GOptionEntry          *entries,
                                          char                      ***args,
                                          int                         *status);
RelanceContext *relance_cli_open_ledger  (const RelanceCliInvocation  *inv,
                                          GError                     **error);
int       relance_cli_write_list         (const RelanceCliInvocation  *inv,
                                          const RelanceCliColumn      *columns,
                                          guint                        n_columns,
                                          guint                        n_rows,
                                          RelanceCliFillRow            fill,
                                          gpointer                     user_data);
int       relance_cli_fail               (const GError                *error);
/* Who records an action from the command line: the name typed in the
 * application's Preferences (when its settings are installed), else the
 * company's signatory, else the account's real name or login; never
 * "Unknown". Kept by @db. */
const char *relance_cli_get_who          (RelanceDatabase             *db);
int       relance_cli_missing_option     (const RelanceCliInvocation  *inv,
                                          const char                  *option);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RelanceCliInvocation, relance_cli_invocation_clear)

int relance_cli_usage_error     (const char   *command,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);

int relance_cli_demo            (const char   *command,
                                 char       ***args);
int relance_cli_customer_add    (const char   *command,
                                 char       ***args);
int relance_cli_customers       (const char   *command,
                                 char       ***args);
int relance_cli_contact_add     (const char   *command,
                                 char       ***args);
int relance_cli_contacts        (const char   *command,
                                 char       ***args);
int relance_cli_history         (const char   *command,
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
