/* relance-cli-penalties.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-cli-commands.h"
#include "relance-cli-output.h"
#include "relance-cli-penalties.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-penalties.h"

enum { COLUMN_INVOICE, COLUMN_DUE, COLUMN_OPEN, COLUMN_DAYS_LATE, COLUMN_RATE,
       COLUMN_INTEREST, COLUMN_INDEMNITY };

/* The rate is a percentage with two decimals ("12.15"): the amount column
 * writes hundredths exactly, and as a number in JSON. */
static const RelanceCliColumn penalty_columns[] = {
  { "invoice", N_("Invoice"), RELANCE_CLI_COLUMN_TEXT },
  { "due", N_("Due"), RELANCE_CLI_COLUMN_DATE },
  { "open", N_("Open"), RELANCE_CLI_COLUMN_AMOUNT },
  { "days_late", N_("Days late"), RELANCE_CLI_COLUMN_NUMBER },
  { "rate", N_("Rate %"), RELANCE_CLI_COLUMN_AMOUNT },
  { "interest", N_("Interest"), RELANCE_CLI_COLUMN_AMOUNT },
  { "indemnity", N_("Indemnity"), RELANCE_CLI_COLUMN_AMOUNT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (penalty_columns) == COLUMN_INDEMNITY + 1);

static void
fill_penalty_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  const RelancePenalties *penalties = user_data;
  const RelancePenaltyLine *line;

  if (position == penalties->lines->len)
    {
      relance_cli_row_set_text (row, COLUMN_INVOICE, "TOTAL");
      relance_cli_row_set_amount (row, COLUMN_OPEN, penalties->open);
      relance_cli_row_set_amount (row, COLUMN_INTEREST, penalties->interest);
      relance_cli_row_set_amount (row, COLUMN_INDEMNITY, penalties->indemnity);
      return;
    }

  line = g_ptr_array_index (penalties->lines, position);
  relance_cli_row_set_text (row, COLUMN_INVOICE, line->number);
  relance_cli_row_set_date (row, COLUMN_DUE, line->due_date);
  relance_cli_row_set_amount (row, COLUMN_OPEN, line->open);
  relance_cli_row_set_number (row, COLUMN_DAYS_LATE, line->days_late);
  relance_cli_row_set_amount (row, COLUMN_RATE, line->rate);
  relance_cli_row_set_amount (row, COLUMN_INTEREST, line->interest);
  relance_cli_row_set_amount (row, COLUMN_INDEMNITY, line->indemnity);
}

int
relance_cli_penalties (const char   *command,
                       char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer,
      N_("The customer’s code (required)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Shows, invoice by invoice, the late-payment interest and "
                                                "the recovery indemnity a customer owes at the date, then "
                                                "the total. Interest runs from the day after the due date "
                                                "on what is still open, at the ECB rate plus the margin of "
                                                "the ledger’s settings."),
                                       entries, args, &status))
    return status;
  if (customer == NULL)
    return relance_cli_missing_option (&inv, "--customer");

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return relance_cli_fail (error);

  penalties = relance_penalties_compute (db, customer_id, relance_context_get_today (context), &error);
  if (penalties == NULL)
    return relance_cli_fail (error);

  if (penalties->rates_known_until != RELANCE_DAY_NONE)
    {
      g_autofree char *until = relance_day_to_iso (penalties->rates_known_until);

      g_printerr (_("relance-cli: warning: the rate table has no ECB rate after %s: the last known "
                    "one was used for the days after it\n"),
                  until);
    }

  return relance_cli_write_list (&inv, penalty_columns, G_N_ELEMENTS (penalty_columns),
                                 penalties->lines->len + 1, fill_penalty_row, penalties);
}
