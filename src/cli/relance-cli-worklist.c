/* relance-cli-worklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-cli-commands.h"
#include "relance-cli-output.h"
#include "relance-cli-worklist.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-money.h"
#include "relance-worklist.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceWorkItem, relance_work_item_free)

enum { WORK_PRIORITY, WORK_CUSTOMER, WORK_CHANNEL, WORK_STEP, WORK_INVOICES, WORK_AMOUNT, WORK_DAYS,
       WORK_DUE, WORK_PROMISE, WORK_BLOCKED };

/* The names are what scripts read and are never translated. The rows
 * come in the order of the priority (relance-worklist.h): "priority" is
 * the rank, 1 first. */
static const RelanceCliColumn work_columns[] = {
  { "priority", N_("Priority"), RELANCE_CLI_COLUMN_NUMBER },
  { "customer", N_("Customer"), RELANCE_CLI_COLUMN_TEXT },
  { "channel", N_("Channel"), RELANCE_CLI_COLUMN_TEXT },
  { "step", N_("Step"), RELANCE_CLI_COLUMN_TEXT },
  { "invoices", N_("Invoices"), RELANCE_CLI_COLUMN_TEXT },
  { "amount", N_("Amount"), RELANCE_CLI_COLUMN_AMOUNT },
  { "oldest_days_overdue", N_("Days overdue"), RELANCE_CLI_COLUMN_NUMBER },
  { "step_due", N_("Step due"), RELANCE_CLI_COLUMN_DATE },
  { "promise", N_("Promise"), RELANCE_CLI_COLUMN_TEXT },
  { "blocked", N_("Blocked"), RELANCE_CLI_COLUMN_TEXT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (work_columns) == WORK_BLOCKED + 1);

/* "F-12, F-14" */
static char *
join_numbers (GPtrArray *invoices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceWorkInvoice *invoice = g_ptr_array_index (invoices, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, invoice->number);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "F-12 (B Shipping), F-20 (A Billing)" */
static char *
join_blocked (GPtrArray *invoices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < invoices->len; i++)
    {
      RelanceWorkInvoice *invoice = g_ptr_array_index (invoices, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s (%s %s)", invoice->number, invoice->cause_code, invoice->department);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The customer's latest promise: "broken" for scripts, "Broken: 500.00
 * for 2026-11-15" for people; "" when none. */
static void
set_promise (RelanceCliRow         *row,
             const RelanceWorkItem *item)
{
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  const char *keyword, *status;

  if (item->promise_id == 0)
    {
      relance_cli_row_set_text (row, WORK_PROMISE, "");
      return;
    }

  switch (item->promise_status)
    {
    case RELANCE_PROMISE_KEPT:
      keyword = "kept";
      status = _("Kept");
      break;
    case RELANCE_PROMISE_BROKEN:
      keyword = "broken";
      status = _("Broken");
      break;
    case RELANCE_PROMISE_PENDING:
    default:
      keyword = "pending";
      status = _("Pending");
      break;
    }

  amount = relance_money_to_decimal (item->promise_amount);
  date = relance_day_to_iso (item->promise_date);
  /* Translators: a promise in relance-cli worklist: "Broken: 500.00 for 2026-11-15" */
  label = g_strdup_printf (_("%s: %s for %s"), status, amount, date);
  relance_cli_row_set_keyword (row, WORK_PROMISE, keyword, label);
}

static void
fill_work_row (RelanceCliRow *row,
               guint          position,
               gpointer       user_data)
{
  RelanceWorkItem *item = g_ptr_array_index ((GPtrArray *)user_data, position);
  g_autofree char *invoices = join_numbers (item->invoices);
  g_autofree char *blocked = join_blocked (item->blocked);
  g_autofree char *describe = relance_work_item_describe (item);

  relance_cli_row_set_number (row, WORK_PRIORITY, position + 1);
  relance_cli_row_set_text (row, WORK_CUSTOMER, item->customer_code);
  relance_cli_row_set_keyword (row, WORK_CHANNEL, relance_work_group_to_string (item->group),
                               relance_work_group_get_label (item->group));

  switch (item->reason)
    {
    case RELANCE_WORK_REASON_STEP:
      if (item->substitute == RELANCE_WORK_SUBSTITUTE_CALL)
        relance_cli_row_set_keyword (row, WORK_STEP, "call_before_formal_notice", describe);
      else if (item->substitute == RELANCE_WORK_SUBSTITUTE_LETTER)
        relance_cli_row_set_keyword (row, WORK_STEP, "letter_before_formal_notice", describe);
      else
        {
          g_autofree char *offset = g_strdup_printf (item->step_offset == 0 ? "D" : "D%+d", item->step_offset);

          relance_cli_row_set_keyword (row, WORK_STEP, offset, describe);
        }
      break;
    case RELANCE_WORK_REASON_PROMISE_DUE:
      relance_cli_row_set_keyword (row, WORK_STEP, "promise", describe);
      break;
    case RELANCE_WORK_REASON_PROMISE_BROKEN:
      relance_cli_row_set_keyword (row, WORK_STEP, "broken_promise", describe);
      break;
    case RELANCE_WORK_REASON_DECLARE_CLAIM:
      relance_cli_row_set_keyword (row, WORK_STEP, "declare_claim", describe);
      break;
    case RELANCE_WORK_REASON_ASK_RELIEF:
      relance_cli_row_set_keyword (row, WORK_STEP, "ask_relief", describe);
      break;
    case RELANCE_WORK_REASON_DISPUTE:
    default:
      relance_cli_row_set_keyword (row, WORK_STEP, "", describe);
      break;
    }

  relance_cli_row_set_text (row, WORK_INVOICES, invoices);
  relance_cli_row_set_amount (row, WORK_AMOUNT, item->amount);
  relance_cli_row_set_number (row, WORK_DAYS, item->oldest_days_overdue);
  relance_cli_row_set_date (row, WORK_DUE, item->step_due);
  set_promise (row, item);
  relance_cli_row_set_text (row, WORK_BLOCKED, blocked);
}

int
relance_cli_worklist (const char   *command,
                      char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .lists = TRUE };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Lists what to do on the day, one line per customer, "
                                                "whom to chase first at the top: broken promises and "
                                                "formal notices due, then by amount at stake times days "
                                                "late. The step is the one really next in the scenario: "
                                                "a call or letter comes before a formal notice."),
                                       NULL, args, &status))
    return status;

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);

  items = relance_worklist_compute (relance_context_get_database (context),
                                    relance_context_get_today (context), NULL, NULL, &error);
  if (items == NULL)
    return relance_cli_fail (error);

  return relance_cli_write_list (&inv, work_columns, G_N_ELEMENTS (work_columns),
                                 items->len, fill_work_row, items);
}

/* The invoices named on the command line, as ids. */
static GArray *
find_invoices (RelanceDatabase     *db,
               gint64               customer_id,
               const char * const  *numbers,
               GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      gint64 id = relance_actions_find_invoice (db, customer_id, numbers[i], error);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/* The id of the dispute cause whose code is @code. */
static gint64
find_cause (RelanceDatabase  *db,
            const char       *code,
            GError          **error)
{
  g_autoptr(GPtrArray) causes = relance_desk_list_causes (db, error);

  if (causes == NULL)
    return 0;

  for (guint i = 0; i < causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (causes, i);

      if (g_ascii_strcasecmp (cause->code, code) == 0)
        return cause->id;
    }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("There is no dispute cause “%s”"), code);
  return 0;
}

int
relance_cli_action_add (const char   *command,
                        char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *outcome_name = NULL;
  g_autofree char *promise_date = NULL;
  g_autofree char *promise_amount = NULL;
  g_autofree char *call_back = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) invoices = NULL;
  gboolean incoming = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("call, email, letter, formal_notice, note or visit (required)"), N_("KIND") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_name,
      N_("Calls: reached (spoken to, nothing promised), refused (refuses to pay, without disputing), "
         "promise, dispute, call_back, wrong_contact, no_answer or paid; letters and e-mails: sent"),
      N_("OUTCOME") },
    { "promise-date", 0, 0, G_OPTION_ARG_STRING, &promise_date,
      N_("The day the customer promised to pay (with --outcome promise)"), N_("DAY") },
    { "promise-amount", 0, 0, G_OPTION_ARG_STRING, &promise_amount,
      N_("The amount promised (with --outcome promise)"), N_("AMOUNT") },
    { "call-back", 0, 0, G_OPTION_ARG_STRING, &call_back,
      N_("The day to call again (with --outcome call_back)"), N_("DAY") },
    { "cause", 0, 0, G_OPTION_ARG_STRING, &cause,
      N_("The dispute cause’s code (with --outcome dispute, on the first invoice concerned)"), N_("CODE") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact,
      N_("Who was reached (required when someone answered: reached, refused, promise, dispute, paid); "
         "with no_answer, who was called"), N_("NAME") },
    { "incoming", 0, 0, G_OPTION_ARG_NONE, &incoming, N_("The customer called us (calls only)"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What was said or written"), N_("TEXT") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING_ARRAY, &invoices,
      N_("An invoice concerned; repeat for several. Without it, those of the customer’s "
         "item in the worklist"), N_("NUMBER") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(GArray) invoice_ids = NULL;
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };
  RelanceDatabase *db;
  gint64 action_id;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Records a call, e-mail, letter, formal notice, note or "
                                                "visit on the day given by --date (default: today), and "
                                                "what came of it. The steps of the customer’s item in "
                                                "the worklist are done when the outcome settles them."),
                                       entries, args, &status))
    return status;
  if (customer == NULL)
    return relance_cli_missing_option (&inv, "--customer");
  if (kind_name == NULL)
    return relance_cli_missing_option (&inv, "--kind");
  if (!relance_action_kind_from_string (kind_name, &fields.kind))
    return relance_cli_usage_error (inv.command, _("Unknown kind “%s”: use call, email, letter, "
                                                   "formal_notice, note or visit"), kind_name);
  if (outcome_name != NULL &&
      (!relance_outcome_from_string (outcome_name, &fields.outcome) || *outcome_name == '\0'))
    return relance_cli_usage_error (inv.command, _("Unknown outcome “%s”: use reached, refused, promise, "
                                                   "dispute, call_back, wrong_contact, no_answer, sent or "
                                                   "paid"), outcome_name);
  if (incoming && fields.kind != RELANCE_ACTION_CALL)
    return relance_cli_usage_error (inv.command, _("Only a call can be --incoming"));
  if (incoming && fields.outcome == RELANCE_OUTCOME_NO_ANSWER)
    return relance_cli_usage_error (inv.command, _("Someone answers an incoming call: give what came of "
                                                   "it with --outcome"));
  if (fields.kind == RELANCE_ACTION_CALL && outcome_name == NULL)
    return relance_cli_missing_option (&inv, "--outcome");
  /* Spoken to, or refused: whom, and what was said, are all the call
   * keeps (the letters quote them). */
  if ((fields.outcome == RELANCE_OUTCOME_REACHED || fields.outcome == RELANCE_OUTCOME_REFUSED) &&
      (contact == NULL || g_strstrip (contact)[0] == '\0'))
    return relance_cli_usage_error (inv.command, _("Say who was reached with --contact: a call that "
                                                   "ended with “%s” reached someone"), outcome_name);
  if ((fields.outcome == RELANCE_OUTCOME_REACHED || fields.outcome == RELANCE_OUTCOME_REFUSED) &&
      (summary == NULL || g_strstrip (summary)[0] == '\0'))
    return relance_cli_missing_option (&inv, "--summary");
  if (fields.outcome == RELANCE_OUTCOME_PROMISE && promise_date == NULL)
    return relance_cli_missing_option (&inv, "--promise-date");
  if (fields.outcome == RELANCE_OUTCOME_PROMISE && promise_amount == NULL)
    return relance_cli_missing_option (&inv, "--promise-amount");
  if (fields.outcome == RELANCE_OUTCOME_CALL_BACK && call_back == NULL)
    return relance_cli_missing_option (&inv, "--call-back");
  if (fields.outcome == RELANCE_OUTCOME_DISPUTE && cause == NULL)
    return relance_cli_missing_option (&inv, "--cause");
  if ((promise_date != NULL && !relance_day_parse (promise_date, &fields.promise_date, &error)) ||
      (promise_amount != NULL && !relance_money_parse (promise_amount, &fields.promise_amount, &error)) ||
      (call_back != NULL && !relance_day_parse (call_back, &fields.call_back_on, &error)))
    return relance_cli_fail (error);

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);

  fields.customer_id = relance_ledger_find_customer (db, customer, &error);
  if (fields.customer_id == 0)
    return relance_cli_fail (error);
  if (cause != NULL)
    {
      fields.dispute_cause_id = find_cause (db, cause, &error);
      if (fields.dispute_cause_id == 0)
        return relance_cli_fail (error);
      fields.dispute_description = summary;
    }
  fields.date = relance_context_get_today (context);
  fields.contact = contact;
  fields.summary = summary;
  fields.incoming = incoming;
  fields.who = relance_cli_get_who (db);

  if (invoices != NULL)
    {
      invoice_ids = find_invoices (db, fields.customer_id, (const char * const *)invoices, &error);
      if (invoice_ids == NULL)
        return relance_cli_fail (error);
      fields.invoice_ids = (const gint64 *)invoice_ids->data;
      fields.n_invoice_ids = invoice_ids->len;
    }

  item = relance_worklist_get_item (db, fields.customer_id, fields.date, &error);
  if (item == NULL && error != NULL)
    return relance_cli_fail (error);
  /* A call answers the customer's call step only, never a letter's. */
  if (item != NULL && fields.kind == RELANCE_ACTION_CALL && item->group != RELANCE_WORK_CALL)
    g_clear_pointer (&item, relance_work_item_free);

  action_id = relance_actions_record (db, &fields, item, &error);
  if (action_id == 0)
    return relance_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", action_id);
  return RELANCE_CLI_EXIT_OK;
}
