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

enum { COLUMN_INVOICE, COLUMN_STATUS, COLUMN_DUE, COLUMN_PAID, COLUMN_DAYS_LATE, COLUMN_OPEN,
       COLUMN_FROM, COLUMN_TO, COLUMN_DAYS, COLUMN_BALANCE, COLUMN_RATE, COLUMN_INTEREST,
       COLUMN_INDEMNITY };

/* One row per period of interest (one per run of days with the same rate
 * and balance), the invoice repeated on each; what belongs to the invoice
 * as a whole (paid, days late, open, indemnity) on its first row only, so
 * that each column adds up. The rate is a percentage with two decimals
 * ("12.15"): the amount column writes hundredths exactly, and as a number
 * in JSON. */
static const RelanceCliColumn penalty_columns[] = {
  { "invoice", N_("Invoice"), RELANCE_CLI_COLUMN_TEXT },
  { "status", N_("Status"), RELANCE_CLI_COLUMN_TEXT },
  { "due", N_("Due"), RELANCE_CLI_COLUMN_DATE },
  { "paid", N_("Paid"), RELANCE_CLI_COLUMN_DATE },
  { "days_late", N_("Days late"), RELANCE_CLI_COLUMN_NUMBER },
  { "open", N_("Open"), RELANCE_CLI_COLUMN_AMOUNT },
  { "from", N_("From"), RELANCE_CLI_COLUMN_DATE },
  { "to", N_("To"), RELANCE_CLI_COLUMN_DATE },
  { "days", N_("Days"), RELANCE_CLI_COLUMN_NUMBER },
  { "balance", N_("On"), RELANCE_CLI_COLUMN_AMOUNT },
  { "rate", N_("Rate %"), RELANCE_CLI_COLUMN_AMOUNT },
  { "interest", N_("Interest"), RELANCE_CLI_COLUMN_AMOUNT },
  { "indemnity", N_("Indemnity"), RELANCE_CLI_COLUMN_AMOUNT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (penalty_columns) == COLUMN_INDEMNITY + 1);

typedef struct
{
  guint line;
  guint period;
} RowIndex;

typedef struct
{
  const RelancePenalties *penalties;
  GArray                 *rows;        /* RowIndex, one per period */
} PenaltyRows;

static void
fill_penalty_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  const PenaltyRows *rows = user_data;
  const RelancePenalties *penalties = rows->penalties;
  const RelancePenaltyLine *line;
  const RelanceInterestPeriod *period;
  RowIndex index;

  if (position >= rows->rows->len)
    {
      /* The disputed invoices apart (when there are any), then what is
       * claimed: the last row. */
      gboolean disputed = penalties->n_disputed > 0 && position == rows->rows->len;

      relance_cli_row_set_text (row, COLUMN_INVOICE, disputed ? "DISPUTED" : "TOTAL");
      if (disputed)
        relance_cli_row_set_keyword (row, COLUMN_STATUS, "disputed", _("not claimed"));
      relance_cli_row_set_amount (row, COLUMN_OPEN, disputed ? penalties->disputed_open : penalties->open);
      relance_cli_row_set_amount (row, COLUMN_INTEREST,
                                  disputed ? penalties->disputed_interest : penalties->interest);
      relance_cli_row_set_amount (row, COLUMN_INDEMNITY,
                                  disputed ? penalties->disputed_indemnity : penalties->indemnity);
      return;
    }

  index = g_array_index (rows->rows, RowIndex, position);
  line = g_ptr_array_index (penalties->lines, index.line);
  period = &g_array_index (line->periods, RelanceInterestPeriod, index.period);

  relance_cli_row_set_text (row, COLUMN_INVOICE, line->number);
  if (line->disputed)
    relance_cli_row_set_keyword (row, COLUMN_STATUS, "disputed", _("disputed"));
  else if (line->paid_on != RELANCE_DAY_NONE)
    relance_cli_row_set_keyword (row, COLUMN_STATUS, "paid_late", _("paid late"));
  else
    relance_cli_row_set_keyword (row, COLUMN_STATUS, "open", _("open"));
  relance_cli_row_set_date (row, COLUMN_DUE, line->due_date);
  if (index.period == 0)
    {
      relance_cli_row_set_date (row, COLUMN_PAID, line->paid_on);
      relance_cli_row_set_number (row, COLUMN_DAYS_LATE, line->days_late);
      relance_cli_row_set_amount (row, COLUMN_OPEN, line->open);
      relance_cli_row_set_amount (row, COLUMN_INDEMNITY, line->indemnity);
    }
  relance_cli_row_set_date (row, COLUMN_FROM, period->from);
  relance_cli_row_set_date (row, COLUMN_TO, period->to);
  relance_cli_row_set_number (row, COLUMN_DAYS, period->days);
  relance_cli_row_set_amount (row, COLUMN_BALANCE, period->balance);
  relance_cli_row_set_amount (row, COLUMN_RATE, period->rate);
  relance_cli_row_set_amount (row, COLUMN_INTEREST, period->interest);
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
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RowIndex));
  PenaltyRows penalty_rows;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Shows, invoice by invoice, the late-payment interest and "
                                                "the recovery indemnity a customer owes at the date, then "
                                                "the total claimed. Interest runs from the day after the due "
                                                "date on what is still open each day, at the ECB rate plus the "
                                                "margin of the ledger’s settings, up to the date or to the day "
                                                "the invoice was paid: an invoice paid late keeps its interest "
                                                "and indemnity. One row per period with the same rate and "
                                                "balance. Invoices under dispute are shown but not claimed."),
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

  for (guint l = 0; l < penalties->lines->len; l++)
    {
      const RelancePenaltyLine *line = g_ptr_array_index (penalties->lines, l);

      for (guint p = 0; p < line->periods->len; p++)
        g_array_append_val (rows, ((RowIndex) { l, p }));
    }
  penalty_rows.penalties = penalties;
  penalty_rows.rows = rows;

  return relance_cli_write_list (&inv, penalty_columns, G_N_ELEMENTS (penalty_columns),
                                 rows->len + (penalties->n_disputed > 0) + 1, fill_penalty_row,
                                 &penalty_rows);
}
