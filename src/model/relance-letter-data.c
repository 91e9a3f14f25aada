/* relance-letter-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-letter-data.h"
#include "relance-penalties.h"
#include "relance-proceedings-private.h"
#include "relance-worklist.h"

/* An invoice or credit note of the ledger, as the letter of @date sees it:
 * what is still open that day (allocations dated after it do not count),
 * signed (a credit note negative), and whether a dispute is open on it
 * that day. ?1: the customer (or NULL), ?2: the date, ?3: one invoice (or
 * NULL). */
#define INVOICE_SELECT \
  "SELECT i.id, i.number, i.issue_date, i.due_date, i.amount, i.kind = 'credit_note'," \
  "  i.amount - coalesce (CASE i.kind" \
  "    WHEN 'credit_note' THEN (SELECT sum (a.amount) FROM allocations a" \
  "                             WHERE a.credit_note_id = i.id AND a.date <= ?2)" \
  "    ELSE (SELECT sum (a.amount) FROM allocations a" \
  "          WHERE a.invoice_id = i.id AND a.date <= ?2) END, 0) AS open," \
  "  EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.opened_on <= ?2" \
  "          AND (d.resolved_on IS NULL OR d.resolved_on > ?2)) AS disputed," \
  "  i.customer_id" \
  " FROM invoices i"

static gboolean
customer_not_found (GError **error)
{
  g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                       _("This customer no longer exists"));
  return FALSE;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static void
replace_column (char         **field,
                sqlite3_stmt  *stmt,
                int            column)
{
  g_free (*field);
  *field = _relance_column_dup (stmt, column);
}

static gboolean
read_customer (RelanceDatabase    *db,
               RelanceLetterData  *data,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT code, name, address, postcode, city, country, language"
                                    " FROM customers WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return customer_not_found (error);

  replace_column (&data->customer_code, stmt, 0);
  replace_column (&data->customer_name, stmt, 1);
  replace_column (&data->address, stmt, 2);
  replace_column (&data->postcode, stmt, 3);
  replace_column (&data->city, stmt, 4);
  replace_column (&data->country, stmt, 5);
  replace_column (&data->language, stmt, 6);
  if (data->language[0] == '\0')
    replace_string (&data->language, "fr");

  return TRUE;
}

/* The collections contact, the first one marked if several are. */
static gboolean
read_contact (RelanceDatabase    *db,
              RelanceLetterData  *data,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT name, email, phone, civility FROM contacts"
                                    " WHERE customer_id = ?1 AND is_collections = 1"
                                    " ORDER BY id LIMIT 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      replace_column (&data->contact_name, stmt, 0);
      replace_column (&data->contact_email, stmt, 1);
      replace_column (&data->contact_phone, stmt, 2);
      replace_column (&data->contact_civility, stmt, 3);
    }

  return TRUE;
}

static RelanceLetterInvoice *
read_invoice (sqlite3_stmt *stmt,
              RelanceDay    date)
{
  RelanceLetterInvoice *invoice = g_new0 (RelanceLetterInvoice, 1);

  invoice->invoice_id = sqlite3_column_int64 (stmt, 0);
  invoice->number = _relance_column_dup (stmt, 1);
  invoice->issue_date = sqlite3_column_int (stmt, 2);
  invoice->due_date = sqlite3_column_int (stmt, 3);
  invoice->credit_note = sqlite3_column_int (stmt, 5) != 0;
  invoice->amount = sqlite3_column_int64 (stmt, 4);
  invoice->open = sqlite3_column_int64 (stmt, 6);
  if (invoice->credit_note)
    {
      invoice->amount = -invoice->amount;
      invoice->open = -invoice->open;
    }
  invoice->disputed = sqlite3_column_int (stmt, 7) != 0;
  invoice->days_overdue = (int)(date - invoice->due_date);

  return invoice;
}

/* Every invoice and credit note of the customer still open on the date
 * (issued by then); those under an open dispute are set apart later. */
static gboolean
read_open_invoices (RelanceDatabase    *db,
                    RelanceLetterData  *data,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "SELECT * FROM (" INVOICE_SELECT
                                    " WHERE i.customer_id = ?1 AND i.issue_date <= ?2)"
                                    " WHERE open > 0",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);

  for (;;)
    {
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      g_ptr_array_add (data->invoices, read_invoice (stmt, data->date));
    }
}

/* The invoices asked for, each checked to be the customer's. */
static gboolean
read_given_invoices (RelanceDatabase    *db,
                     RelanceLetterData  *data,
                     const gint64       *invoice_ids,
                     guint               n_invoice_ids,
                     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  stmt = _relance_database_prepare (db, INVOICE_SELECT " WHERE i.id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, data->date);

  for (guint i = 0; i < n_invoice_ids; i++)
    {
      gboolean has_row;

      if (g_hash_table_contains (seen, &invoice_ids[i]))
        continue;
      g_hash_table_add (seen, (gpointer)&invoice_ids[i]);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 3, invoice_ids[i]);
      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;

      if (!has_row)
        {
          g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                               _("An invoice of this letter no longer exists"));
          return FALSE;
        }
      if (sqlite3_column_int64 (stmt, 8) != data->customer_id)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                       _("Invoice %s is not one of %s’s: a letter only lists the invoices of its customer"),
                       (const char *)sqlite3_column_text (stmt, 1), data->customer_name);
          return FALSE;
        }

      g_ptr_array_add (data->invoices, read_invoice (stmt, data->date));
    }

  return TRUE;
}

static gboolean
has_invoice (GPtrArray *invoices,
             gint64     invoice_id)
{
  for (guint i = 0; i < invoices->len; i++)
    if (((RelanceLetterInvoice *) g_ptr_array_index (invoices, i))->invoice_id == invoice_id)
      return TRUE;

  return FALSE;
}

/* The open credit notes of the customer that the invoices asked for left
 * out: a letter always deducts what the customer is owed back. */
static gboolean
read_open_credit_notes (RelanceDatabase    *db,
                        RelanceLetterData  *data,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "SELECT * FROM (" INVOICE_SELECT
                                    " WHERE i.customer_id = ?1 AND i.issue_date <= ?2"
                                    " AND i.kind = 'credit_note')"
                                    " WHERE open > 0",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);

  for (;;)
    {
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      if (!has_invoice (data->invoices, sqlite3_column_int64 (stmt, 0)))
        g_ptr_array_add (data->invoices, read_invoice (stmt, data->date));
    }
}

/* The invoices (not credit notes) under an open dispute move from the
 * claim to data->disputed, with every invoice of the customer still open
 * and disputed on the date, each with the causes of its disputes (code
 * and the department that must act: "B, Shipping"). */
/* The judgment of the customer's proceedings; with @set_apart, the open
 * items issued before it leave the letter. */
static gboolean
set_proceedings_apart (RelanceDatabase    *db,
                       RelanceLetterData  *data,
                       gboolean            set_apart,
                       GError            **error)
{
  guint i = 0;

  if (!_relance_proceedings_get_judgment (db, data->customer_id, data->date, &data->proceedings_judgment, error))
    return FALSE;

  while (data->proceedings_judgment != 0 && set_apart && i < data->invoices->len)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      if (invoice->issue_date < data->proceedings_judgment)
        {
          data->total_in_proceedings += invoice->open;
          g_ptr_array_remove_index (data->invoices, i);
        }
      else
        i++;
    }

  return TRUE;
}

static gboolean
set_disputed_apart (RelanceDatabase    *db,
                    RelanceLetterData  *data,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) causes = NULL;

  for (guint i = data->invoices->len; i > 0; i--)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i - 1);

      if (invoice->disputed && !invoice->credit_note)
        g_ptr_array_remove_index (data->invoices, i - 1);
    }

  stmt = _relance_database_prepare (db,
                                    "SELECT * FROM (" INVOICE_SELECT
                                    " WHERE i.customer_id = ?1 AND i.issue_date <= ?2"
                                    " AND i.kind <> 'credit_note')"
                                    " WHERE open > 0 AND disputed",
                                    error);
  if (stmt == NULL)
    return FALSE;
  causes = _relance_database_prepare (db,
                                      "SELECT group_concat (c.code || ', ' || c.department, '; ')"
                                      " FROM (SELECT DISTINCT c.code, c.department FROM disputes d"
                                      "       JOIN dispute_causes c ON c.id = d.cause_id"
                                      "       WHERE d.invoice_id = ?1 AND d.opened_on <= ?2"
                                      "       AND (d.resolved_on IS NULL OR d.resolved_on > ?2)"
                                      "       ORDER BY c.code) c",
                                      error);
  if (causes == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);
  sqlite3_bind_int (causes, 2, data->date);

  for (;;)
    {
      RelanceLetterInvoice *invoice;
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      invoice = read_invoice (stmt, data->date);
      g_ptr_array_add (data->disputed, invoice);
      data->total_disputed += invoice->open;

      sqlite3_reset (causes);
      sqlite3_bind_int64 (causes, 1, invoice->invoice_id);
      if (!_relance_database_step (db, causes, &has_row, error))
        return FALSE;
      if (has_row)
        replace_column (&invoice->dispute_cause, causes, 0);
    }

  return TRUE;
}

static int
compare_invoices (gconstpointer a,
                  gconstpointer b)
{
  const RelanceLetterInvoice *x = *(const RelanceLetterInvoice * const *)a;
  const RelanceLetterInvoice *y = *(const RelanceLetterInvoice * const *)b;
  int order;

  if (x->due_date != y->due_date)
    return x->due_date < y->due_date ? -1 : 1;
  if ((order = g_strcmp0 (x->number, y->number)) != 0)
    return order;

  return x->invoice_id < y->invoice_id ? -1 : x->invoice_id > y->invoice_id;
}

static void
add_up_invoices (RelanceLetterData *data)
{
  RelanceDay oldest_open = RELANCE_DAY_NONE;
  RelanceDay oldest = RELANCE_DAY_NONE;

  for (guint i = 0; i < data->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      data->total_open += invoice->open;
      if (invoice->credit_note)
        continue;

      if (oldest == RELANCE_DAY_NONE || invoice->due_date < oldest)
        oldest = invoice->due_date;
      if (invoice->open <= 0)
        continue;

      if (oldest_open == RELANCE_DAY_NONE || invoice->due_date < oldest_open)
        oldest_open = invoice->due_date;
      if (invoice->days_overdue > 0)
        {
          data->total_overdue += invoice->open;
          data->max_days_overdue = MAX (data->max_days_overdue, invoice->days_overdue);
        }
    }

  /* The oldest of what is owed; of what was listed when nothing is. */
  data->oldest_due_date = oldest_open != RELANCE_DAY_NONE ? oldest_open : oldest;
}

static gboolean
read_last_call (RelanceDatabase    *db,
                RelanceLetterData  *data,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT date, who, contact, summary, outcome FROM actions"
                                    " WHERE customer_id = ?1 AND kind = 'call' AND date <= ?2"
                                    " ORDER BY date DESC, id DESC LIMIT 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      data->last_call_date = sqlite3_column_int (stmt, 0);
      replace_column (&data->last_call_who, stmt, 1);
      replace_column (&data->last_call_contact, stmt, 2);
      replace_column (&data->last_call_summary, stmt, 3);
      if (!relance_outcome_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                        &data->last_call_outcome))
        data->last_call_outcome = RELANCE_OUTCOME_NONE;
      data->last_call_reached = relance_outcome_is_conversation (data->last_call_outcome);
    }

  return TRUE;
}

/* The written reminders and calls about the letter's invoices (linked to
 * one of them, or to no invoice at all) after the oldest due date. */
static gboolean
read_history (RelanceDatabase    *db,
              RelanceLetterData  *data,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *lists[] = { data->invoices, data->disputed };

  if (data->oldest_due_date == RELANCE_DAY_NONE)
    return TRUE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        RelanceLetterInvoice *invoice = g_ptr_array_index (lists[l], i);

        if (!invoice->credit_note)
          g_hash_table_add (ids, &invoice->invoice_id);
      }

  stmt = _relance_database_prepare (db,
                                    "SELECT a.date, a.kind, a.outcome,"
                                    "  (SELECT group_concat (ai.invoice_id) FROM action_invoices ai"
                                    "   WHERE ai.action_id = a.id)"
                                    " FROM actions a"
                                    " WHERE a.customer_id = ?1 AND a.date <= ?2 AND a.date > ?3"
                                    " AND a.kind IN ('call', 'email', 'letter', 'formal_notice')"
                                    " ORDER BY a.date, a.id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);
  sqlite3_bind_int (stmt, 3, data->oldest_due_date);

  for (;;)
    {
      RelanceLetterStep step = { 0 };
      const char *linked;
      gboolean about = TRUE;
      RelanceOutcome outcome;
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      linked = (const char *) sqlite3_column_text (stmt, 3);
      if (linked != NULL && linked[0] != '\0')
        {
          g_auto(GStrv) parts = g_strsplit (linked, ",", -1);

          about = FALSE;
          for (guint i = 0; parts[i] != NULL && !about; i++)
            {
              gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

              about = g_hash_table_contains (ids, &id);
            }
        }
      if (!about ||
          !relance_action_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &step.kind))
        continue;

      step.date = sqlite3_column_int (stmt, 0);
      if (step.kind == RELANCE_ACTION_CALL)
        step.reached = relance_outcome_from_string ((const char *) sqlite3_column_text (stmt, 2), &outcome)
                       && relance_outcome_is_conversation (outcome);
      else
        {
          data->n_reminders++;
          data->last_reminder_date = step.date;
        }
      g_array_append_val (data->history, step);
    }
}

/* The latest promise made by the letter's date, and its status that day. */
static gboolean
read_promise (RelanceDatabase    *db,
              RelanceLetterData  *data,
              GError            **error)
{
  static const char * const status_names[] = {
    [RELANCE_PROMISE_PENDING] = "pending",
    [RELANCE_PROMISE_KEPT] = "kept",
    [RELANCE_PROMISE_BROKEN] = "broken",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *status_error = NULL;
  RelancePromiseStatus status;
  gboolean has_row;
  gint64 promise_id;

  stmt = _relance_database_prepare (db,
                                    "SELECT p.id, p.promised_date, p.amount,"
                                    "  coalesce (p.made_on, p.promised_date) AS made, a.contact, a.kind = 'call'"
                                    " FROM promises p LEFT JOIN actions a ON a.id = p.action_id"
                                    " WHERE p.customer_id = ?1 AND coalesce (p.made_on, p.promised_date) <= ?2"
                                    " ORDER BY made DESC, p.id DESC LIMIT 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  sqlite3_bind_int (stmt, 2, data->date);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  promise_id = sqlite3_column_int64 (stmt, 0);
  data->promise_date = sqlite3_column_int (stmt, 1);
  data->promise_amount = sqlite3_column_int64 (stmt, 2);
  data->promise_made_on = sqlite3_column_int (stmt, 3);
  replace_column (&data->promise_contact, stmt, 4);
  data->promise_in_call = sqlite3_column_int (stmt, 5) != 0;

  status = relance_promise_get_status (db, promise_id, data->date, &status_error);
  if (status_error != NULL)
    {
      g_propagate_error (error, status_error);
      return FALSE;
    }
  replace_string (&data->promise_status, status_names[status]);

  return TRUE;
}

/* The interest and indemnity the letter claims, as
 * relance_penalties_compute() reckons them for the customer on the date:
 * those of the letter's invoices, and those of the invoices paid late in
 * full (they have no other letter to be claimed in); never those of an
 * invoice under a dispute open on the date. The interest period by
 * period, in the order of the penalties. */
static gboolean
read_penalties (RelanceDatabase    *db,
                RelanceLetterData  *data,
                GError            **error)
{
  g_autoptr(RelancePenalties) penalties = NULL;
  g_autoptr(GHashTable) invoices = NULL;

  penalties = relance_penalties_compute (db, data->customer_id, data->date, error);
  if (penalties == NULL)
    return FALSE;

  invoices = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < data->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      g_hash_table_insert (invoices, &invoice->invoice_id, invoice);
    }

  for (guint i = 0; i < penalties->lines->len; i++)
    {
      RelancePenaltyLine *line = g_ptr_array_index (penalties->lines, i);
      RelanceLetterInvoice *invoice = g_hash_table_lookup (invoices, &line->invoice_id);

      if (line->disputed || (invoice == NULL && line->paid_on == 0) ||
          (data->proceedings_judgment != 0 && line->issue_date < data->proceedings_judgment))
        continue;

      relance_letter_data_claim_penalty_line (data, line, invoice);
    }

  data->interest_rate = penalties->rate;
  return TRUE;
}

static RelanceLetterInterestPeriod *
letter_interest_period_copy (const RelanceLetterInterestPeriod *period)
{
  RelanceLetterInterestPeriod *copy = g_new0 (RelanceLetterInterestPeriod, 1);

  *copy = *period;
  copy->number = g_strdup (period->number);

  return copy;
}

static RelanceLetterInvoice *
letter_invoice_copy (const RelanceLetterInvoice *invoice)
{
  RelanceLetterInvoice *copy = g_new0 (RelanceLetterInvoice, 1);

  *copy = *invoice;
  copy->number = g_strdup (invoice->number);
  copy->dispute_cause = g_strdup (invoice->dispute_cause);

  return copy;
}

/* Public API */

RelanceLetterData *
relance_letter_data_new (void)
{
  RelanceLetterData *data = g_new0 (RelanceLetterData, 1);

  data->company = relance_company_new ();
  data->customer_code = g_strdup ("");
  data->customer_name = g_strdup ("");
  data->address = g_strdup ("");
  data->postcode = g_strdup ("");
  data->city = g_strdup ("");
  data->country = g_strdup ("");
  data->language = g_strdup ("fr");
  data->contact_name = g_strdup ("");
  data->contact_email = g_strdup ("");
  data->contact_phone = g_strdup ("");
  data->contact_civility = g_strdup ("");
  data->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  data->interest_periods = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_interest_period_free);
  data->paid_late = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  data->disputed = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  data->history = g_array_new (FALSE, TRUE, sizeof (RelanceLetterStep));
  data->last_call_who = g_strdup ("");
  data->last_call_contact = g_strdup ("");
  data->last_call_summary = g_strdup ("");
  data->promise_status = g_strdup ("");
  data->promise_contact = g_strdup ("");

  return data;
}

void
relance_letter_interest_period_free (RelanceLetterInterestPeriod *period)
{
  if (period == NULL)
    return;

  g_free (period->number);
  g_free (period);
}

void
relance_letter_invoice_free (RelanceLetterInvoice *invoice)
{
  if (invoice == NULL)
    return;

  g_free (invoice->number);
  g_free (invoice->dispute_cause);
  g_free (invoice);
}

RelanceLetterData *
relance_letter_data_copy (const RelanceLetterData *data)
{
  RelanceLetterData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = g_new0 (RelanceLetterData, 1);
  *copy = *data;
  copy->company = data->company != NULL ? relance_company_copy (data->company) : relance_company_new ();
  copy->customer_code = g_strdup (data->customer_code);
  copy->customer_name = g_strdup (data->customer_name);
  copy->address = g_strdup (data->address);
  copy->postcode = g_strdup (data->postcode);
  copy->city = g_strdup (data->city);
  copy->country = g_strdup (data->country);
  copy->language = g_strdup (data->language);
  copy->contact_name = g_strdup (data->contact_name);
  copy->contact_email = g_strdup (data->contact_email);
  copy->contact_phone = g_strdup (data->contact_phone);
  copy->contact_civility = g_strdup (data->contact_civility);
  copy->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  for (guint i = 0; data->invoices != NULL && i < data->invoices->len; i++)
    g_ptr_array_add (copy->invoices, letter_invoice_copy (g_ptr_array_index (data->invoices, i)));
  copy->interest_periods = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_interest_period_free);
  for (guint i = 0; data->interest_periods != NULL && i < data->interest_periods->len; i++)
    g_ptr_array_add (copy->interest_periods,
                     letter_interest_period_copy (g_ptr_array_index (data->interest_periods, i)));
  copy->paid_late = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  for (guint i = 0; data->paid_late != NULL && i < data->paid_late->len; i++)
    g_ptr_array_add (copy->paid_late, letter_invoice_copy (g_ptr_array_index (data->paid_late, i)));
  copy->disputed = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_letter_invoice_free);
  for (guint i = 0; data->disputed != NULL && i < data->disputed->len; i++)
    g_ptr_array_add (copy->disputed, letter_invoice_copy (g_ptr_array_index (data->disputed, i)));
  copy->history = g_array_new (FALSE, TRUE, sizeof (RelanceLetterStep));
  if (data->history != NULL)
    g_array_append_vals (copy->history, data->history->data, data->history->len);
  copy->last_call_who = g_strdup (data->last_call_who);
  copy->last_call_contact = g_strdup (data->last_call_contact);
  copy->last_call_summary = g_strdup (data->last_call_summary);
  copy->promise_status = g_strdup (data->promise_status);
  copy->promise_contact = g_strdup (data->promise_contact);

  return copy;
}

void
relance_letter_data_free (RelanceLetterData *data)
{
  if (data == NULL)
    return;

  relance_company_free (data->company);
  g_free (data->customer_code);
  g_free (data->customer_name);
  g_free (data->address);
  g_free (data->postcode);
  g_free (data->city);
  g_free (data->country);
  g_free (data->language);
  g_free (data->contact_name);
  g_free (data->contact_email);
  g_free (data->contact_phone);
  g_free (data->contact_civility);
  g_clear_pointer (&data->invoices, g_ptr_array_unref);
  g_clear_pointer (&data->interest_periods, g_ptr_array_unref);
  g_clear_pointer (&data->paid_late, g_ptr_array_unref);
  g_clear_pointer (&data->disputed, g_ptr_array_unref);
  g_clear_pointer (&data->history, g_array_unref);
  g_free (data->last_call_who);
  g_free (data->last_call_contact);
  g_free (data->last_call_summary);
  g_free (data->promise_status);
  g_free (data->promise_contact);
  g_free (data);
}

/**
 * relance_letter_data_get:
 * @customer_id: the recipient
 * @date: the letter's date
 * @invoice_ids: (array length=n_invoice_ids) (nullable): the invoices and
 *   credit notes the letter is about; %NULL for every one still open on
 *   @date and not under an open dispute
 * @claims_penalties: whether the letter claims interest and indemnities
 *
 * Reads everything a letter says, from one snapshot of the ledger. Amounts
 * are those of @date: payments and credit notes allocated after it do not
 * count, nor calls and promises after it.
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
RelanceLetterData *
relance_letter_data_get (RelanceDatabase  *db,
                         gint64            customer_id,
                         RelanceDay        date,
                         const gint64     *invoice_ids,
                         guint             n_invoice_ids,
                         gboolean          claims_penalties,
                         GError          **error)
{
  g_autoptr(RelanceLetterData) data = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (invoice_ids != NULL || n_invoice_ids == 0, NULL);

  if (!relance_day_is_valid (date))
    {
      _relance_invalid (error, _("The letter’s date is not a valid date"));
      return NULL;
    }

  data = relance_letter_data_new ();
  data->date = date;
  data->customer_id = customer_id;
  data->claims_penalties = claims_penalties;
  data->deadline = date + RELANCE_LETTER_DEADLINE_DAYS;

  /* One snapshot of the ledger for every read. */
  if (!_relance_database_begin (db, error))
    return NULL;

  if (!read_customer (db, data, error))
    goto failed;

  relance_company_free (data->company);
  data->company = relance_company_get (db, error);
  if (data->company == NULL)
    goto failed;

  if (!read_contact (db, data, error) ||
      !(invoice_ids != NULL
        ? read_given_invoices (db, data, invoice_ids, n_invoice_ids, error)
        : read_open_invoices (db, data, error)) ||
      !read_open_credit_notes (db, data, error) ||
      !set_proceedings_apart (db, data, invoice_ids == NULL, error) ||
      !set_disputed_apart (db, data, error))
    goto failed;

  g_ptr_array_sort (data->invoices, compare_invoices);
  g_ptr_array_sort (data->disputed, compare_invoices);
  add_up_invoices (data);

  if (!read_last_call (db, data, error) ||
      !read_history (db, data, error) ||
      !read_promise (db, data, error) ||
      (claims_penalties && !read_penalties (db, data, error)))
    goto failed;

  data->total_claimed = data->total_open + data->interest + data->indemnity;

  /* A promise still to come asks for what was promised by its day; what
   * remains is given the usual days after it. */
  if (g_str_equal (data->promise_status, "pending") && data->promise_date >= data->date
      && data->promise_amount < data->total_claimed)
    {
      data->remainder = data->total_claimed - data->promise_amount;
      data->remainder_deadline = MAX (data->deadline, data->promise_date + RELANCE_LETTER_DEADLINE_DAYS);
    }

  if (!_relance_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&data);

failed:
  _relance_database_rollback (db);
  return NULL;
}

/**
 * relance_letter_get_document:
 * @action_id: an action of the history
 * @name: (out) (optional): the document's file name
 *
 * Returns: (transfer full) (nullable): the document kept with the action,
 *   %NULL with no error when it has none, %NULL with @error set when the
 *   action does not exist
 */
GBytes *
relance_letter_get_document (RelanceDatabase  *db,
                             gint64            action_id,
                             char            **name,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (name != NULL)
    *name = NULL;

  stmt = _relance_database_prepare (db, "SELECT document, document_name FROM actions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                           _("This entry of the history no longer exists"));
      return NULL;
    }

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  if (name != NULL)
    *name = _relance_column_dup (stmt, 1);

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * relance_letter_data_fit_kind:
 * @data: the letter's data
 * @kind: the kind of letter a scenario step asks for
 *
 * The step says what comes next on the calendar; what was done and said
 * says which letter fits: a broken promise is quoted, a call that reached
 * someone since the last letter is restated, a second reminder needs a
 * first one. A preventive message and a formal notice are kept (the
 * formal notice quotes the real history, {{history.sentence}}).
 *
 * Returns: the kind of letter to write
 */
RelanceTemplateKind
relance_letter_data_fit_kind (const RelanceLetterData *data,
                              RelanceTemplateKind      kind)
{
  /* The last call, when it reached someone since the invoices fell due:
   * the one a letter after a call quotes. */
  gboolean reached;

  g_return_val_if_fail (data != NULL, kind);

  reached = data->last_call_date != RELANCE_DAY_NONE && data->last_call_reached &&
            data->last_call_date > data->oldest_due_date;

  if (kind != RELANCE_TEMPLATE_FIRST_REMINDER && kind != RELANCE_TEMPLATE_SECOND_REMINDER &&
      kind != RELANCE_TEMPLATE_AFTER_CALL && kind != RELANCE_TEMPLATE_BROKEN_PROMISE)
    return kind;

  /* A broken promise, unless someone was spoken to since its day. */
  if (g_str_equal (data->promise_status, "broken") &&
      !(reached && data->last_call_date > data->promise_date))
    return RELANCE_TEMPLATE_BROKEN_PROMISE;

  /* A conversation since the last written reminder (on its day: the
   * letter may follow the call the same day). */
  if (reached && data->last_call_date >= data->last_reminder_date)
    return RELANCE_TEMPLATE_AFTER_CALL;

  return data->n_reminders > 0 ? RELANCE_TEMPLATE_SECOND_REMINDER : RELANCE_TEMPLATE_FIRST_REMINDER;
}

/* "B, Shipping; A, Billing": the causes of the disputed invoices, once each. */
static char *
join_dispute_causes (const RelanceLetterData *data)
{
  g_autoptr(GPtrArray) causes = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < data->disputed->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->disputed, i);

      if (invoice->dispute_cause == NULL || invoice->dispute_cause[0] == '\0' ||
          g_ptr_array_find_with_equal_func (causes, invoice->dispute_cause, g_str_equal, NULL))
        continue;
      g_ptr_array_add (causes, invoice->dispute_cause);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, invoice->dispute_cause);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * relance_letter_data_get_nothing_to_claim:
 * @data: the letter's data
 * @format_amount: formats an amount in the caller's locale
 *
 * Returns: (transfer full) (nullable): why nothing can be claimed, in the
 *   user's language; %NULL when the letter claims something
 */
char *
relance_letter_data_get_nothing_to_claim (const RelanceLetterData *data,
                                          RelanceAmountFormatFunc  format_amount)
{
  g_autofree char *disputed = NULL;
  g_autofree char *causes = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *owed = NULL;
  gint64 invoiced = 0;
  gint64 credited = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (format_amount != NULL, NULL);

  for (guint i = 0; i < data->invoices->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      if (invoice->credit_note)
        credited -= invoice->open;
      else if (invoice->open > 0)
        invoiced += invoice->open;
    }

  if (invoiced > 0 && data->total_open > 0)
    return NULL;

  credits = format_amount (credited);
  owed = format_amount (invoiced);

  if (data->proceedings_judgment != 0 && invoiced == 0 && data->total_in_proceedings > 0)
    {
      g_autofree char *declared = format_amount (data->total_in_proceedings);
      g_autofree char *on = relance_day_to_iso (data->proceedings_judgment);

      /* Translators: "The customer is in insolvency proceedings since 2026-03-16: the 3 200,00 € due
       * before the judgment are declared to the mandataire, never reminded" */
      return g_strdup_printf (_("The customer is in insolvency proceedings since %s: the %s due before the "
                                "judgment are declared to the mandataire, never reminded"),
                              on, declared);
    }

  if (data->disputed->len > 0)
    {
      disputed = format_amount (data->total_disputed);
      causes = join_dispute_causes (data);

      if (invoiced > 0)
        /* Translators: "253,15 € is under dispute (B, Shipping); the open credit notes
         * (150,00 €) cover the 100,00 € still due: nothing else can be claimed" */
        return g_strdup_printf (_("%s is under dispute (%s); the open credit notes (%s) cover the %s "
                                  "still due: nothing else can be claimed"),
                                disputed, causes, credits, owed);
      /* Translators: "253,15 € is under dispute (B, Shipping); nothing else is due" */
      return g_strdup_printf (_("%s is under dispute (%s); nothing else is due"), disputed, causes);
    }

  if (invoiced > 0)
    /* Translators: "The open credit notes (150,00 €) cover the 100,00 € still due: nothing can be claimed" */
    return g_strdup_printf (_("The open credit notes (%s) cover the %s still due: nothing can be claimed"),
                            credits, owed);

  return g_strdup (_("Nothing is due: every invoice is paid"));
}

/**
 * relance_letter_data_claim_penalty_line:
 * @invoice: (nullable): the letter's invoice @line is about; %NULL for an
 *   invoice paid in full, late, which joins @data's paid_late
 *
 * Claims the interest and the indemnity of @line in @data: on the invoice,
 * in the totals of @data (interest, indemnity; total_claimed is the
 * caller's), and one interest period of @data per period of @line.
 */
void
relance_letter_data_claim_penalty_line (RelanceLetterData        *data,
                                        const RelancePenaltyLine *line,
                                        RelanceLetterInvoice     *invoice)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (line != NULL);

  if (invoice == NULL)
    {
      invoice = g_new0 (RelanceLetterInvoice, 1);
      invoice->invoice_id = line->invoice_id;
      invoice->number = g_strdup (line->number);
      invoice->issue_date = line->issue_date;
      invoice->due_date = line->due_date;
      invoice->amount = line->amount;
      invoice->days_overdue = line->days_late;
      g_ptr_array_add (data->paid_late, invoice);
    }

  invoice->interest = line->interest;
  invoice->indemnity = line->indemnity;
  data->interest += line->interest;
  data->indemnity += line->indemnity;

  for (guint p = 0; p < line->periods->len; p++)
    {
      const RelanceInterestPeriod *period = &g_array_index (line->periods, RelanceInterestPeriod, p);
      RelanceLetterInterestPeriod *copy = g_new0 (RelanceLetterInterestPeriod, 1);

      copy->invoice_id = line->invoice_id;
      copy->number = g_strdup (line->number);
      copy->from = period->from;
      copy->to = period->to;
      copy->days = period->days;
      copy->balance = period->balance;
      copy->rate = period->rate;
      copy->interest = period->interest;
      g_ptr_array_add (data->interest_periods, copy);
    }
}
