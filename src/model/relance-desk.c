/* relance-desk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-desk.h"
#include "relance-checks-private.h"
#include "relance-error.h"
#include "relance-ledger-private.h"
#include "relance-money.h"
#include "relance-text.h"
#include "relance-worklist.h"

/* How far back the average lateness looks, and the period of the DSO. */
#define LATENESS_DAYS 365
#define DSO_DAYS 90

/* The legal caps on payment terms (DOMAIN.md): 60 days from the invoice
 * date, or 45 days end of month. */
#define CAP_DAYS 60
#define CAP_EOM_DAYS 45

/* Runs @stmt, which returns one row of one integer. */
static gboolean
query_int64 (RelanceDatabase  *db,
             sqlite3_stmt     *stmt,
             gint64           *value,
             GError          **error)
{
  gboolean has_row;

  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gint64
last_id (RelanceDatabase *db)
{
  return sqlite3_last_insert_rowid (_relance_database_get_handle (db));
}

/* Frees */

void
relance_customer_details_free (RelanceCustomerDetails *details)
{
  if (details == NULL)
    return;

  g_free (details->code);
  g_free (details->name);
  g_free (details->address);
  g_free (details->postcode);
  g_free (details->city);
  g_free (details->country);
  g_free (details->email);
  g_free (details->phone);
  g_free (details->siren);
  g_free (details->segment);
  g_free (details->notes);
  g_free (details);
}

void
relance_contact_free (RelanceContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->name);
  g_free (contact->role);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact);
}

void
relance_payment_row_free (RelancePaymentRow *row)
{
  if (row == NULL)
    return;

  g_free (row->method);
  g_free (row->reference);
  g_free (row->invoices);
  g_free (row);
}

void
relance_dispute_row_free (RelanceDisputeRow *row)
{
  if (row == NULL)
    return;

  g_free (row->invoice_number);
  g_free (row->cause_code);
  g_free (row->cause_label);
  g_free (row->department);
  g_free (row->colour);
  g_free (row->status);
  g_free (row->description);
  g_free (row->resolution);
  g_free (row);
}

void
relance_dispute_cause_free (RelanceDisputeCause *cause)
{
  if (cause == NULL)
    return;

  g_free (cause->code);
  g_free (cause->label);
  g_free (cause->department);
  g_free (cause->colour);
  g_free (cause);
}

void
relance_timeline_entry_free (RelanceTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->who);
  g_free (entry->contact);
  g_free (entry->outcome);
  g_free (entry->summary);
  g_free (entry->invoices);
  g_free (entry);
}

void
relance_allocation_free (RelanceAllocation *allocation)
{
  if (allocation == NULL)
    return;

  g_free (allocation->number);
  g_free (allocation);
}

/* Reading a customer */

/**
 * relance_desk_get_customer:
 *
 * Returns: (transfer full): the customer's identity, or %NULL with @error set
 */
RelanceCustomerDetails *
relance_desk_get_customer (RelanceDatabase  *db,
                           gint64            customer_id,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelanceCustomerDetails *details;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT c.id, c.code, c.name, c.address, c.postcode, c.city, c.country,"
                                    " c.email, c.phone, c.siren, coalesce (s.name, ''), c.notes,"
                                    " c.payment_terms, c.credit_limit, c.archived"
                                    " FROM customers c LEFT JOIN segments s ON s.id = c.segment_id"
                                    " WHERE c.id = ?1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return NULL;
    }

  details = g_new0 (RelanceCustomerDetails, 1);
  details->id = sqlite3_column_int64 (stmt, 0);
  details->code = _relance_column_dup (stmt, 1);
  details->name = _relance_column_dup (stmt, 2);
  details->address = _relance_column_dup (stmt, 3);
  details->postcode = _relance_column_dup (stmt, 4);
  details->city = _relance_column_dup (stmt, 5);
  details->country = _relance_column_dup (stmt, 6);
  details->email = _relance_column_dup (stmt, 7);
  details->phone = _relance_column_dup (stmt, 8);
  details->siren = _relance_column_dup (stmt, 9);
  details->segment = _relance_column_dup (stmt, 10);
  details->notes = _relance_column_dup (stmt, 11);
  details->payment_terms = sqlite3_column_int (stmt, 12);
  details->credit_limit = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 13);
  details->archived = sqlite3_column_int (stmt, 14) != 0;

  return details;
}

/**
 * relance_desk_list_contacts:
 *
 * Returns: (transfer full) (element-type RelanceContact): the collections
 *   contact first, then by name
 */
GPtrArray *
relance_desk_list_contacts (RelanceDatabase  *db,
                            gint64            customer_id,
                            GError          **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_contact_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT id, name, role, phone, email, is_collections, civility FROM contacts"
                                    " WHERE customer_id = ?1 ORDER BY is_collections DESC, name, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  for (;;)
    {
      RelanceContact *contact;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      contact = g_new0 (RelanceContact, 1);
      contact->id = sqlite3_column_int64 (stmt, 0);
      contact->name = _relance_column_dup (stmt, 1);
      contact->role = _relance_column_dup (stmt, 2);
      contact->phone = _relance_column_dup (stmt, 3);
      contact->email = _relance_column_dup (stmt, 4);
      contact->is_collections = sqlite3_column_int (stmt, 5) != 0;
      if (!relance_civility_from_string ((const char *)sqlite3_column_text (stmt, 6), &contact->civility))
        contact->civility = RELANCE_CIVILITY_NONE;
      g_ptr_array_add (contacts, contact);
    }

  return g_steal_pointer (&contacts);
}

/**
 * relance_desk_get_figures:
 * @today: the day the figures are seen from: what was issued, paid,
 *   allocated or disputed after it does not count
 * @figures: (out): the figures
 *
 * Average days late: over the invoices fully settled in the last 365 days
 * (settled on or before @today), the mean of the days between due date and
 * settlement, an invoice settled on time counting 0; rounded to the nearest
 * day; -1 when no invoice was settled in that year.
 *
 * DSO (days sales outstanding): the balance divided by what was invoiced in
 * the last 90 days (issued after @today - 90, credit notes deducted), times
 * 90, rounded to the nearest day; 0 when nothing is owed, -1 when nothing
 * was invoiced in those 90 days but something is owed.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_get_figures (RelanceDatabase         *db,
                          gint64                   customer_id,
                          RelanceDay               today,
                          RelanceCustomerFigures  *figures,
                          GError                 **error)
{
  g_autoptr(sqlite3_stmt) open = NULL;
  g_autoptr(sqlite3_stmt) account = NULL;
  g_autoptr(sqlite3_stmt) disputes = NULL;
  g_autoptr(sqlite3_stmt) late = NULL;
  g_autoptr(sqlite3_stmt) sales = NULL;
  g_autoptr(sqlite3_stmt) limit = NULL;
  gint64 value;
  gint64 sold;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);

  /* As the ledger stood at the end of @today (?1): the items issued by
   * then, open now or settled after, less what was allocated by then;
   * like the aged balance. */
  open = _relance_database_prepare (db,
                                    "SELECT coalesce (sum (CASE kind WHEN 'credit_note' THEN -open ELSE open END), 0),"
                                    " coalesce (sum (CASE WHEN kind = 'invoice' AND due_date < ?1 THEN open END), 0),"
                                    " count (CASE WHEN kind = 'invoice' THEN 1 END),"
                                    " count (CASE WHEN kind = 'invoice' AND due_date < ?1 THEN 1 END)"
                                    " FROM (SELECT i.kind, i.due_date, i.amount - " _RELANCE_SQL_ALLOCATED_AT " AS open"
                                    "  FROM invoices i WHERE i.customer_id = ?2 AND i.issue_date <= ?1"
                                    "  AND (i.allocated < i.amount OR i.settled_date > ?1))",
                                    error);
  if (open == NULL)
    return FALSE;
  sqlite3_bind_int (open, 1, today);
  sqlite3_bind_int64 (open, 2, customer_id);
  if (!_relance_database_step (db, open, &has_row, error))
    return FALSE;
  figures->balance = sqlite3_column_int64 (open, 0);
  figures->overdue = sqlite3_column_int64 (open, 1);
  figures->n_open = sqlite3_column_int (open, 2);
  figures->n_overdue = sqlite3_column_int (open, 3);

  /* The payments received by @today less what of them was allocated by
   * then. */
  account = _relance_database_prepare (db,
                                       "SELECT coalesce (sum (p.amount - coalesce ((SELECT sum (a.amount)"
                                       "   FROM allocations a WHERE a.payment_id = p.id AND a.date <= ?2), 0)), 0)"
                                       " FROM payments p WHERE p.customer_id = ?1 AND p.date <= ?2",
                                       error);
  if (account == NULL)
    return FALSE;
  sqlite3_bind_int64 (account, 1, customer_id);
  sqlite3_bind_int (account, 2, today);
  if (!query_int64 (db, account, &figures->on_account, error))
    return FALSE;

  disputes = _relance_database_prepare (db,
                                        "SELECT count (*) FROM disputes d JOIN invoices i ON i.id = d.invoice_id"
                                        " WHERE i.customer_id = ?2 AND " _RELANCE_SQL_DISPUTE_OPEN_AT,
                                        error);
  if (disputes == NULL)
    return FALSE;
  sqlite3_bind_int (disputes, 1, today);
  sqlite3_bind_int64 (disputes, 2, customer_id);
  if (!query_int64 (db, disputes, &value, error))
    return FALSE;
  figures->n_open_disputes = (int)value;

  late = _relance_database_prepare (db,
                                    "SELECT count (*), coalesce (sum (max (settled_date - due_date, 0)), 0)"
                                    " FROM invoices WHERE customer_id = ?1 AND kind = 'invoice'"
                                    " AND settled_date > ?2 - ?3 AND settled_date <= ?2",
                                    error);
  if (late == NULL)
    return FALSE;
  sqlite3_bind_int64 (late, 1, customer_id);
  sqlite3_bind_int (late, 2, today);
  sqlite3_bind_int (late, 3, LATENESS_DAYS);
  if (!_relance_database_step (db, late, &has_row, error))
    return FALSE;
  {
    gint64 n = sqlite3_column_int64 (late, 0);
    gint64 days = sqlite3_column_int64 (late, 1);

    figures->average_days_late = n > 0 ? (int)((days * 2 + n) / (2 * n)) : -1;
  }

  sales = _relance_database_prepare (db,
                                     "SELECT coalesce (sum (CASE kind WHEN 'credit_note' THEN -amount"
                                     "   ELSE amount END), 0)"
                                     " FROM invoices WHERE customer_id = ?1"
                                     " AND issue_date > ?2 - ?3 AND issue_date <= ?2",
                                     error);
  if (sales == NULL)
    return FALSE;
  sqlite3_bind_int64 (sales, 1, customer_id);
  sqlite3_bind_int (sales, 2, today);
  sqlite3_bind_int (sales, 3, DSO_DAYS);
  if (!query_int64 (db, sales, &sold, error))
    return FALSE;

  if (figures->balance <= 0)
    figures->dso = 0;
  else if (sold <= 0)
    figures->dso = -1;
  else
    figures->dso = (int)relance_money_scale (figures->balance, DSO_DAYS, sold);

  limit = _relance_database_prepare (db, "SELECT coalesce (credit_limit, -1) FROM customers WHERE id = ?1", error);
  if (limit == NULL)
    return FALSE;
  sqlite3_bind_int64 (limit, 1, customer_id);
  if (!_relance_database_step (db, limit, &has_row, error))
    return FALSE;
  figures->credit_limit = has_row ? sqlite3_column_int64 (limit, 0) : -1;

  return TRUE;
}

/* A payment as the customer page lists it: what is still on account, and
 * the invoices it settles. */
#define PAYMENT_COLUMNS \
  "SELECT p.id, p.date, p.amount, p.amount - p.allocated, p.method, p.reference," \
  " (SELECT group_concat (i.number, ', ') FROM allocations a" \
  "  JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = p.id)"

static RelancePaymentRow *
read_payment_row (sqlite3_stmt *stmt)
{
  RelancePaymentRow *row = g_new0 (RelancePaymentRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->date = sqlite3_column_int (stmt, 1);
  row->amount = sqlite3_column_int64 (stmt, 2);
  row->unallocated = sqlite3_column_int64 (stmt, 3);
  row->method = _relance_column_dup (stmt, 4);
  row->reference = _relance_column_dup (stmt, 5);
  row->invoices = _relance_column_dup (stmt, 6);

  return row;
}

/**
 * relance_desk_list_payments:
 * @limit: the latest @limit payments, and any older one with money still
 *   on account (it must stay at hand to be allocated); 0 for all
 *
 * Returns: (transfer full) (element-type RelancePaymentRow): the payments,
 *   the latest first
 */
GPtrArray *
relance_desk_list_payments (RelanceDatabase  *db,
                            gint64            customer_id,
                            guint             limit,
                            GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_payment_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    PAYMENT_COLUMNS
                                    " FROM payments p WHERE p.customer_id = ?1"
                                    " AND (p.amount > p.allocated OR p.id IN"
                                    "  (SELECT id FROM payments WHERE customer_id = ?1"
                                    "   ORDER BY date DESC, id DESC LIMIT ?2))"
                                    " ORDER BY p.date DESC, p.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);

  for (;;)
    {
      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (rows, read_payment_row (stmt));
    }

  return g_steal_pointer (&rows);
}

/**
 * relance_desk_get_payment:
 * @customer_id: (out) (optional): who paid
 *
 * Returns: (transfer full): the payment, with what of it is still on
 *   account, or %NULL with @error set
 */
RelancePaymentRow *
relance_desk_get_payment (RelanceDatabase  *db,
                          gint64            payment_id,
                          gint64           *customer_id,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    PAYMENT_COLUMNS ", p.customer_id"
                                    " FROM payments p WHERE p.id = ?1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This payment no longer exists"));
      return NULL;
    }

  if (customer_id != NULL)
    *customer_id = sqlite3_column_int64 (stmt, 7);

  return read_payment_row (stmt);
}

#define DISPUTE_COLUMNS \
  "SELECT d.id, d.invoice_id, i.number, k.code, k.label, k.department, k.colour, d.amount," \
  " d.opened_on, coalesce (d.resolved_on, 0), d.status, d.description, d.resolution" \
  " FROM disputes d JOIN invoices i ON i.id = d.invoice_id" \
  " JOIN dispute_causes k ON k.id = d.cause_id"

static RelanceDisputeRow *
read_dispute_row (sqlite3_stmt *stmt)
{
  RelanceDisputeRow *row = g_new0 (RelanceDisputeRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->invoice_id = sqlite3_column_int64 (stmt, 1);
  row->invoice_number = _relance_column_dup (stmt, 2);
  row->cause_code = _relance_column_dup (stmt, 3);
  row->cause_label = _relance_column_dup (stmt, 4);
  row->department = _relance_column_dup (stmt, 5);
  row->colour = _relance_column_dup (stmt, 6);
  row->amount = sqlite3_column_int64 (stmt, 7);
  row->opened_on = sqlite3_column_int (stmt, 8);
  row->resolved_on = sqlite3_column_int (stmt, 9);
  row->status = _relance_column_dup (stmt, 10);
  row->description = _relance_column_dup (stmt, 11);
  row->resolution = _relance_column_dup (stmt, 12);

  return row;
}

/**
 * relance_desk_list_disputes:
 *
 * Returns: (transfer full) (element-type RelanceDisputeRow): the open
 *   disputes first, then the latest opened
 */
GPtrArray *
relance_desk_list_disputes (RelanceDatabase  *db,
                            gint64            customer_id,
                            GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_dispute_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    DISPUTE_COLUMNS
                                    " WHERE i.customer_id = ?1"
                                    " ORDER BY d.status <> 'open', d.opened_on DESC, d.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  for (;;)
    {
      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (rows, read_dispute_row (stmt));
    }

  return g_steal_pointer (&rows);
}

static gboolean
get_dispute (RelanceDatabase    *db,
             gint64              dispute_id,
             RelanceDisputeRow **row,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, DISPUTE_COLUMNS " WHERE d.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dispute_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This dispute no longer exists"));
      return FALSE;
    }

  *row = read_dispute_row (stmt);
  return TRUE;
}

/**
 * relance_desk_list_causes:
 *
 * Returns: (transfer full) (element-type RelanceDisputeCause): the dispute
 *   causes in their order
 */
GPtrArray *
relance_desk_list_causes (RelanceDatabase  *db,
                          GError          **error)
{
  g_autoptr(GPtrArray) causes = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_dispute_cause_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT id, code, label, department, colour FROM dispute_causes"
                                    " ORDER BY position, code",
                                    error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      RelanceDisputeCause *cause;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      cause = g_new0 (RelanceDisputeCause, 1);
      cause->id = sqlite3_column_int64 (stmt, 0);
      cause->code = _relance_column_dup (stmt, 1);
      cause->label = _relance_column_dup (stmt, 2);
      cause->department = _relance_column_dup (stmt, 3);
      cause->colour = _relance_column_dup (stmt, 4);
      g_ptr_array_add (causes, cause);
    }

  return g_steal_pointer (&causes);
}

/**
 * relance_desk_get_dispute:
 *
 * Returns: (transfer full): the dispute, or %NULL with @error set
 */
RelanceDisputeRow *
relance_desk_get_dispute (RelanceDatabase  *db,
                          gint64            dispute_id,
                          GError          **error)
{
  RelanceDisputeRow *row = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (!get_dispute (db, dispute_id, &row, error))
    return NULL;

  return row;
}

static RelanceTimelineKind
timeline_kind (const char *kind)
{
  static const struct { const char *name; RelanceTimelineKind kind; } kinds[] = {
    { "call", RELANCE_TIMELINE_CALL },
    { "email", RELANCE_TIMELINE_EMAIL },
    { "letter", RELANCE_TIMELINE_LETTER },
    { "formal_notice", RELANCE_TIMELINE_FORMAL_NOTICE },
    { "note", RELANCE_TIMELINE_NOTE },
    { "visit", RELANCE_TIMELINE_VISIT },
    { "promise", RELANCE_TIMELINE_PROMISE },
    { "dispute_opened", RELANCE_TIMELINE_DISPUTE_OPENED },
    { "dispute_resolved", RELANCE_TIMELINE_DISPUTE_RESOLVED },
    { "dispute_cancelled", RELANCE_TIMELINE_DISPUTE_CANCELLED },
    { "payment", RELANCE_TIMELINE_PAYMENT },
    { "credit_note", RELANCE_TIMELINE_CREDIT_NOTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, kind) == 0)
      return kinds[i].kind;

  return RELANCE_TIMELINE_NOTE;
}

/**
 * relance_desk_get_timeline:
 * @date: the day the promises' status is seen from
 * @limit: at most this many entries, the latest; 0 for all
 *
 * Everything that happened with the customer, newest first: actions
 * (calls, e-mails, letters, formal notices, notes, visits), promises (on
 * the day they were made: the day of their call, or else the promised
 * day), disputes opened, resolved and cancelled, payments, and credit
 * notes. On the same day, the later recorded comes first. A promise's
 * status ("pending", "kept", "broken") is the one on @date, derived from
 * the payments as relance_promise_get_status() does.
 *
 * Returns: (transfer full) (element-type RelanceTimelineEntry): the entries
 */
GPtrArray *
relance_desk_get_timeline (RelanceDatabase  *db,
                           gint64            customer_id,
                           RelanceDay        date,
                           guint             limit,
                           GError          **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_timeline_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  /* Columns: kind, date, promised date, id, amount, who, contact, outcome,
   * summary, invoices, and a rank that orders a day's entries. */
  stmt = _relance_database_prepare (db,
    "SELECT a.kind, a.date, 0, a.id, 0, a.who, a.contact, a.outcome, a.summary,"
    "  (SELECT group_concat (i.number, ', ') FROM action_invoices ai"
    "   JOIN invoices i ON i.id = ai.invoice_id WHERE ai.action_id = a.id), 2 AS rank, a.incoming"
    " FROM actions a WHERE a.customer_id = ?1"
    " UNION ALL"
    /* The promise's status on ?3: kept when the payments since it was made
     * (to ?3, or to the promised day plus the grace days if sooner) reach
     * its amount; broken once the grace days passed; else pending. The
     * stored status column is not read. */
    " SELECT 'promise', coalesce (a.date, p.promised_date), p.promised_date, p.id, p.amount,"
    "  coalesce (a.who, ''), coalesce (a.contact, ''),"
    "  CASE WHEN (SELECT coalesce (sum (y.amount), 0) FROM payments y"
    "             WHERE y.customer_id = p.customer_id"
    "             AND y.date BETWEEN coalesce (p.made_on, p.promised_date)"
    "             AND min (?3, p.promised_date + g.days)) >= p.amount THEN 'kept'"
    "       WHEN ?3 > p.promised_date + g.days THEN 'broken' ELSE 'pending' END,"
    "  '', NULL, 3, 0"
    " FROM promises p LEFT JOIN actions a ON a.id = p.action_id"
    " JOIN (SELECT coalesce ((SELECT promise_grace_days FROM company WHERE id = 1), 3) AS days) g"
    " WHERE p.customer_id = ?1"
    " UNION ALL"
    " SELECT 'dispute_opened', d.opened_on, 0, d.id, d.amount, '', '', k.code || ' · ' || k.label,"
    "  d.description, i.number, 1, 0"
    " FROM invoices i JOIN disputes d ON d.invoice_id = i.id"
    " JOIN dispute_causes k ON k.id = d.cause_id WHERE i.customer_id = ?1"
    " UNION ALL"
    " SELECT 'dispute_' || d.status, d.resolved_on, 0, d.id, d.amount, '', '', k.code || ' · ' || k.label,"
    "  d.resolution, i.number, 4, 0"
    " FROM invoices i JOIN disputes d ON d.invoice_id = i.id"
    " JOIN dispute_causes k ON k.id = d.cause_id"
    " WHERE i.customer_id = ?1 AND d.status <> 'open'"
    " UNION ALL"
    " SELECT 'payment', p.date, 0, p.id, p.amount, '', '', p.method, p.reference,"
    "  (SELECT group_concat (i.number, ', ') FROM allocations al"
    "   JOIN invoices i ON i.id = al.invoice_id WHERE al.payment_id = p.id), 5, 0"
    " FROM payments p WHERE p.customer_id = ?1"
    " UNION ALL"
    " SELECT 'credit_note', c.issue_date, 0, c.id, c.amount, '', '', '', c.number,"
    "  (SELECT group_concat (i.number, ', ') FROM allocations al"
    "   JOIN invoices i ON i.id = al.invoice_id WHERE al.credit_note_id = c.id), 0, 0"
    " FROM invoices c WHERE c.customer_id = ?1 AND c.kind = 'credit_note'"
    " ORDER BY 2 DESC, 11 DESC, 4 DESC"
    " LIMIT ?2",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  sqlite3_bind_int (stmt, 3, date);

  for (;;)
    {
      RelanceTimelineEntry *entry;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      entry = g_new0 (RelanceTimelineEntry, 1);
      entry->kind = timeline_kind ((const char *)sqlite3_column_text (stmt, 0));
      entry->date = sqlite3_column_int (stmt, 1);
      entry->promised_date = sqlite3_column_int (stmt, 2);
      entry->id = sqlite3_column_int64 (stmt, 3);
      entry->amount = sqlite3_column_int64 (stmt, 4);
      entry->who = _relance_column_dup (stmt, 5);
      entry->contact = _relance_column_dup (stmt, 6);
      entry->outcome = _relance_column_dup (stmt, 7);
      entry->summary = _relance_column_dup (stmt, 8);
      entry->invoices = _relance_column_dup (stmt, 9);
      entry->incoming = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* Civility */

static const char * const civility_names[] = {
  [RELANCE_CIVILITY_NONE] = "",
  [RELANCE_CIVILITY_MADAME] = "madame",
  [RELANCE_CIVILITY_MONSIEUR] = "monsieur",
};

/**
 * relance_civility_to_string:
 *
 * Returns: the civility as stored: "madame", "monsieur", or "" when not known
 */
const char *
relance_civility_to_string (RelanceCivility civility)
{
  g_return_val_if_fail ((guint)civility < G_N_ELEMENTS (civility_names), "");

  return civility_names[civility];
}

/**
 * relance_civility_from_string:
 *
 * Reads what relance_civility_to_string() writes, and what people type:
 * "Madame", "Mme", "Mrs", "Ms", "Monsieur", "M.", "M", "Mr", in any case;
 * "" and "none" are none.
 *
 * Returns: %TRUE if @text names a civility (or none)
 */
gboolean
relance_civility_from_string (const char      *text,
                              RelanceCivility *civility)
{
  static const struct { const char *name; RelanceCivility civility; } names[] = {
    { "", RELANCE_CIVILITY_NONE }, { "none", RELANCE_CIVILITY_NONE },
    { "madame", RELANCE_CIVILITY_MADAME }, { "mme", RELANCE_CIVILITY_MADAME },
    { "mrs", RELANCE_CIVILITY_MADAME }, { "ms", RELANCE_CIVILITY_MADAME },
    { "monsieur", RELANCE_CIVILITY_MONSIEUR }, { "m.", RELANCE_CIVILITY_MONSIEUR },
    { "m", RELANCE_CIVILITY_MONSIEUR }, { "mr", RELANCE_CIVILITY_MONSIEUR },
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (civility != NULL, FALSE);

  folded = g_strstrip (g_ascii_strdown (text != NULL ? text : "", -1));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (folded, names[i].name))
      {
        *civility = names[i].civility;
        return TRUE;
      }

  return FALSE;
}

/**
 * relance_civility_get_label:
 *
 * Returns: "Madame", "Monsieur", or "" when not known, translated
 */
const char *
relance_civility_get_label (RelanceCivility civility)
{
  switch (civility)
    {
    case RELANCE_CIVILITY_MADAME:
      /* Translators: a contact's civility, as chosen in a list */
      return C_("civility", "Madame");
    case RELANCE_CIVILITY_MONSIEUR:
      /* Translators: a contact's civility, as chosen in a list */
      return C_("civility", "Monsieur");
    case RELANCE_CIVILITY_NONE:
    default:
      return "";
    }
}

/**
 * relance_contact_dup_display_name:
 *
 * Returns: "Ms Isabelle Roux", "Mr Paul Martin" (in French "Mme Isabelle
 *   Roux", "M. Paul Martin"), or @name alone when the civility is not known
 */
char *
relance_contact_dup_display_name (RelanceCivility  civility,
                                  const char      *name)
{
  const char *name_or_empty = name != NULL ? name : "";

  switch (civility)
    {
    case RELANCE_CIVILITY_MADAME:
      /* Translators: a woman's name in lists, "Mme Isabelle Roux" in French */
      return g_strdup_printf (C_("civility", "Ms %s"), name_or_empty);
    case RELANCE_CIVILITY_MONSIEUR:
      /* Translators: a man's name in lists, "M. Paul Martin" in French */
      return g_strdup_printf (C_("civility", "Mr %s"), name_or_empty);
    case RELANCE_CIVILITY_NONE:
    default:
      return g_strdup (name_or_empty);
    }
}

/* What came of a call, in a few words. */
static const char *
call_outcome_label (RelanceOutcome outcome)
{
  switch (outcome)
    {
    case RELANCE_OUTCOME_PROMISE: return _("promise to pay");
    case RELANCE_OUTCOME_DISPUTE: return _("dispute raised");
    case RELANCE_OUTCOME_CALL_BACK: return _("call back later");
    case RELANCE_OUTCOME_WRONG_CONTACT: return _("wrong contact");
    case RELANCE_OUTCOME_NO_ANSWER: return _("no answer");
    case RELANCE_OUTCOME_PAID: return _("says it is paid");
    case RELANCE_OUTCOME_REACHED: return _("spoken to, nothing promised");
    case RELANCE_OUTCOME_REFUSED: return _("refuses to pay, without disputing");
    case RELANCE_OUTCOME_SENT:
    case RELANCE_OUTCOME_NONE:
    default:
      return "";
    }
}

/**
 * relance_desk_describe_call:
 * @entry: a call of the timeline
 *
 * A call that reached no one reads as an attempt ("No answer from
 * Isabelle Roux"), never as a conversation; a call the customer made, as
 * "Incoming call from …"; a wrong contact names the right one.
 *
 * Returns: the call in a few words, translated
 */
char *
relance_desk_describe_call (const RelanceTimelineEntry *entry)
{
  RelanceOutcome outcome = RELANCE_OUTCOME_NONE;
  const char *label;
  const char *contact;
  gboolean has_contact;

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->outcome == NULL || !relance_outcome_from_string (entry->outcome, &outcome))
    outcome = RELANCE_OUTCOME_NONE;
  label = call_outcome_label (outcome);
  contact = entry->contact != NULL ? entry->contact : "";
  has_contact = contact[0] != '\0';

  if (outcome == RELANCE_OUTCOME_NO_ANSWER)
    return has_contact ? g_strdup_printf (_("No answer from %s"), contact) : g_strdup (_("Call: no answer"));

  if (outcome == RELANCE_OUTCOME_WRONG_CONTACT)
    {
      if (!has_contact)
        return g_strdup (entry->incoming ? _("Incoming call: wrong contact") : _("Call: wrong contact"));
      /* Translators: %s is the person who really handles payments */
      return g_strdup_printf (entry->incoming ? _("Incoming call: wrong contact, the right one is %s")
                                              : _("Call: wrong contact, the right one is %s"), contact);
    }

  if (entry->incoming)
    {
      if (has_contact && label[0] != '\0')
        /* Translators: "Incoming call from Paul Martin: promise to pay" */
        return g_strdup_printf (_("Incoming call from %s: %s"), contact, label);
      if (has_contact)
        return g_strdup_printf (_("Incoming call from %s"), contact);
      if (label[0] != '\0')
        return g_strdup_printf (_("Incoming call: %s"), label);
      return g_strdup (_("Incoming call"));
    }

  if (has_contact && label[0] != '\0')
    /* Translators: "Call with Isabelle Roux: promise to pay" */
    return g_strdup_printf (_("Call with %s: %s"), contact, label);
  if (has_contact)
    return g_strdup_printf (_("Call with %s"), contact);
  if (label[0] != '\0')
    return g_strdup_printf (_("Call: %s"), label);
  return g_strdup (C_("history", "Call"));
}

/* Contacts and notes */

static gboolean
check_contact (const RelanceContactFields  *fields,
               char                       **name,
               GError                     **error)
{
  *name = _relance_dup_trimmed (fields->name);
  if (**name == '\0')
    return _relance_invalid (error, _("The contact needs a name"));
  if ((guint)fields->civility > RELANCE_CIVILITY_MONSIEUR)
    return _relance_invalid (error, _("Choose Madame, Monsieur or nothing"));
  if (fields->email != NULL && *fields->email != '\0' && !_relance_looks_like_email (fields->email))
    return _relance_invalid (error, _("“%s” is not an e-mail address"), fields->email);

  return TRUE;
}

/* One collections contact per customer: the new one takes the mark. */
static gboolean
clear_collections (RelanceDatabase  *db,
                   gint64            customer_id,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db, "UPDATE contacts SET is_collections = 0 WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  return _relance_database_run (db, stmt, error);
}

static gboolean
write_contact (RelanceDatabase             *db,
               gint64                       customer_id,
               gint64                       contact_id,
               const char                  *name,
               const RelanceContactFields  *fields,
               GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *role = _relance_dup_trimmed (fields->role);
  g_autofree char *phone = _relance_dup_trimmed (fields->phone);
  g_autofree char *email = _relance_dup_trimmed (fields->email);

  if (fields->is_collections && !clear_collections (db, customer_id, error))
    return FALSE;

  if (contact_id == 0)
    stmt = _relance_database_prepare (db,
                                      "INSERT INTO contacts (customer_id, name, role, phone, email, is_collections,"
                                      " civility) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8)",
                                      error);
  else
    stmt = _relance_database_prepare (db,
                                      "UPDATE contacts SET name = ?2, role = ?3, phone = ?4, email = ?5,"
                                      " is_collections = ?6, civility = ?8 WHERE id = ?7",
                                      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  _relance_bind_text (stmt, 2, name);
  _relance_bind_text (stmt, 3, role);
  _relance_bind_text (stmt, 4, phone);
  _relance_bind_text (stmt, 5, email);
  sqlite3_bind_int (stmt, 6, fields->is_collections ? 1 : 0);
  if (contact_id != 0)
    sqlite3_bind_int64 (stmt, 7, contact_id);
  _relance_bind_text (stmt, 8, relance_civility_to_string (fields->civility));

  return _relance_database_run (db, stmt, error);
}

static gboolean
customer_exists (RelanceDatabase  *db,
                 gint64            customer_id,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n;

  stmt = _relance_database_prepare (db, "SELECT count (*) FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!query_int64 (db, stmt, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_desk_add_contact:
 *
 * A collections contact takes the mark from the customer's other contacts.
 *
 * Returns: the contact's id, or 0 with @error set
 */
gint64
relance_desk_add_contact (RelanceDatabase             *db,
                          gint64                       customer_id,
                          const RelanceContactFields  *fields,
                          GError                     **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!check_contact (fields, &name, error) || !customer_exists (db, customer_id, error))
    return 0;

  if (!_relance_database_begin (db, error))
    return 0;
  if (!write_contact (db, customer_id, 0, name, fields, error))
    {
      _relance_database_rollback (db);
      return 0;
    }
  id = last_id (db);
  if (!_relance_database_commit (db, error))
    return 0;

  return id;
}

gboolean
relance_desk_update_contact (RelanceDatabase             *db,
                             gint64                       contact_id,
                             const RelanceContactFields  *fields,
                             GError                     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autofree char *name = NULL;
  gint64 customer_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!check_contact (fields, &name, error))
    return FALSE;

  find = _relance_database_prepare (db, "SELECT customer_id FROM contacts WHERE id = ?1", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, contact_id);
  if (!query_int64 (db, find, &customer_id, error))
    return FALSE;
  if (customer_id == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This contact no longer exists"));
      return FALSE;
    }

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (!write_contact (db, customer_id, contact_id, name, fields, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

gboolean
relance_desk_delete_contact (RelanceDatabase  *db,
                             gint64            contact_id,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stmt = _relance_database_prepare (db, "DELETE FROM contacts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_desk_add_note:
 * @text: what to remember about the customer
 *
 * Returns: the note's id (an action of kind "note"), or 0 with @error set
 */
gint64
relance_desk_add_note (RelanceDatabase  *db,
                       gint64            customer_id,
                       RelanceDay        date,
                       const char       *text,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (text);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  if (*trimmed == '\0')
    return _relance_invalid (error, _("The note is empty"));
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The note needs a date"));
  if (!customer_exists (db, customer_id, error))
    return 0;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO actions (customer_id, kind, date, summary)"
                                    " VALUES (?1, 'note', ?2, ?3)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);
  _relance_bind_text (stmt, 3, trimmed);
  if (!_relance_database_run (db, stmt, error))
    return 0;

  return last_id (db);
}

/* Customers */

static gboolean
find_or_add_segment (RelanceDatabase  *db,
                     const char       *name,
                     gint64           *segment_id,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;

  insert = _relance_database_prepare (db, "INSERT OR IGNORE INTO segments (name) VALUES (?1)", error);
  find = _relance_database_prepare (db, "SELECT id FROM segments WHERE name = ?1", error);
  if (insert == NULL || find == NULL)
    return FALSE;
  _relance_bind_text (insert, 1, name);
  _relance_bind_text (find, 1, name);

  return _relance_database_run (db, insert, error) && query_int64 (db, find, segment_id, error);
}

/**
 * relance_desk_update_customer:
 * @fields: the customer's identity; the code stays (it is the account in
 *   the user's accounting); a %NULL string keeps what is there
 * @credit_limit: in cents; -1 for none
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_update_customer (RelanceDatabase              *db,
                              gint64                        customer_id,
                              const RelanceCustomerFields  *fields,
                              gint64                        credit_limit,
                              GError                      **error)
{
  g_autoptr(RelanceCustomerDetails) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *country = NULL;
  gint64 segment_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  old = relance_desk_get_customer (db, customer_id, error);
  if (old == NULL)
    return FALSE;

  name = _relance_dup_trimmed (fields->name ? fields->name : old->name);
  segment = _relance_dup_trimmed (fields->segment ? fields->segment : old->segment);
  country = g_ascii_strup (fields->country && *fields->country ? fields->country : old->country, -1);

  if (*name == '\0')
    return _relance_invalid (error, _("The customer needs a name"));
  if (fields->payment_terms > 365)
    return _relance_invalid (error, _("Payment terms of %d days are not possible: give 0 to 365 days"),
                    fields->payment_terms);
  if (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1]))
    return _relance_invalid (error, _("“%s” is not a country code: use two letters, such as FR or BE"), country);
  if (fields->email != NULL && *fields->email != '\0' && !_relance_looks_like_email (fields->email))
    return _relance_invalid (error, _("“%s” is not an e-mail address"), fields->email);
  if (credit_limit > RELANCE_MONEY_MAX)
    return _relance_invalid (error, _("The amount is too large"));

  sort_key = relance_text_fold (name);

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (*segment != '\0' && !find_or_add_segment (db, segment, &segment_id, error))
    goto fail;

  stmt = _relance_database_prepare (db,
                                    "UPDATE customers SET name = ?2, sort_key = ?3, address = ?4, postcode = ?5,"
                                    " city = ?6, country = ?7, email = ?8, phone = ?9, siren = ?10,"
                                    " segment_id = ?11, payment_terms = ?12, credit_limit = ?13"
                                    " WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  _relance_bind_text (stmt, 2, name);
  _relance_bind_text (stmt, 3, sort_key);
  _relance_bind_text (stmt, 4, fields->address ? fields->address : old->address);
  _relance_bind_text (stmt, 5, fields->postcode ? fields->postcode : old->postcode);
  _relance_bind_text (stmt, 6, fields->city ? fields->city : old->city);
  _relance_bind_text (stmt, 7, country);
  _relance_bind_text (stmt, 8, fields->email ? fields->email : old->email);
  _relance_bind_text (stmt, 9, fields->phone ? fields->phone : old->phone);
  _relance_bind_text (stmt, 10, fields->siren ? fields->siren : old->siren);
  if (segment_id > 0)
    sqlite3_bind_int64 (stmt, 11, segment_id);
  sqlite3_bind_int (stmt, 12, fields->payment_terms < 0 ? old->payment_terms : fields->payment_terms);
  if (credit_limit >= 0)
    sqlite3_bind_int64 (stmt, 13, credit_limit);
  if (!_relance_database_run (db, stmt, error))
    goto fail;

  return _relance_database_commit (db, error);

fail:
  _relance_database_rollback (db);
  return FALSE;
}

gboolean
relance_desk_set_archived (RelanceDatabase  *db,
                           gint64            customer_id,
                           gboolean          archived,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!customer_exists (db, customer_id, error))
    return FALSE;

  stmt = _relance_database_prepare (db, "UPDATE customers SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_desk_delete_customer:
 * @archived_instead: (out) (optional): %TRUE when the customer has invoices
 *   or payments, which the ledger keeps: it is archived instead
 *
 * Deletes the customer with its contacts, notes and history.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_delete_customer (RelanceDatabase  *db,
                              gint64            customer_id,
                              gboolean         *archived_instead,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (archived_instead != NULL)
    *archived_instead = FALSE;

  if (!customer_exists (db, customer_id, error))
    return FALSE;

  count = _relance_database_prepare (db,
                                     "SELECT EXISTS (SELECT 1 FROM invoices WHERE customer_id = ?1)"
                                     " OR EXISTS (SELECT 1 FROM payments WHERE customer_id = ?1)",
                                     error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, customer_id);
  if (!query_int64 (db, count, &n, error))
    return FALSE;

  if (n != 0)
    {
      if (archived_instead != NULL)
        *archived_instead = TRUE;
      return relance_desk_set_archived (db, customer_id, TRUE, error);
    }

  stmt = _relance_database_prepare (db, "DELETE FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  return _relance_database_run (db, stmt, error);
}

/* Invoices */

/**
 * relance_desk_propose_due_date:
 * @payment_terms: days
 *
 * Returns: @issue_date plus @payment_terms days
 */
RelanceDay
relance_desk_propose_due_date (RelanceDay issue_date,
                               int        payment_terms)
{
  if (!relance_day_is_valid (issue_date))
    return RELANCE_DAY_NONE;

  return issue_date + CLAMP (payment_terms, 0, 365);
}

static RelanceDay
end_of_month (RelanceDay day)
{
  guint d, m, y;

  relance_day_to_dmy (day, &d, &m, &y);
  return relance_day_add_months (relance_day_from_dmy (1, m, y), 1) - 1;
}

/**
 * relance_desk_terms_exceed_cap:
 *
 * Whether @due_date is later than French law allows between companies:
 * 60 days after @issue_date, or 45 days end of month, read either way
 * (45 days then the end of that month, or the end of the month then 45
 * days); the latest of the three is the cap.
 *
 * Returns: %TRUE when the terms are longer than the legal caps
 */
gboolean
relance_desk_terms_exceed_cap (RelanceDay issue_date,
                               RelanceDay due_date)
{
  RelanceDay cap;

  if (!relance_day_is_valid (issue_date) || !relance_day_is_valid (due_date))
    return FALSE;

  cap = issue_date + CAP_DAYS;
  cap = MAX (cap, end_of_month (issue_date + CAP_EOM_DAYS));
  cap = MAX (cap, end_of_month (issue_date) + CAP_EOM_DAYS);

  return due_date > cap;
}

/**
 * relance_desk_number_is_free:
 * @except_invoice_id: the invoice being edited, whose own number is free
 *
 * Returns: %TRUE when no other invoice or credit note has @number
 */
gboolean
relance_desk_number_is_free (RelanceDatabase *db,
                             const char      *number,
                             gint64           except_invoice_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (number);
  gint64 n = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stmt = _relance_database_prepare (db, "SELECT count (*) FROM invoices WHERE number = ?1 AND id <> ?2", NULL);
  if (stmt == NULL)
    return TRUE;
  _relance_bind_text (stmt, 1, trimmed);
  sqlite3_bind_int64 (stmt, 2, except_invoice_id);
  if (!query_int64 (db, stmt, &n, NULL))
    return TRUE;

  return n == 0;
}

/**
 * relance_desk_get_invoice:
 * @fields: (out): the invoice; its strings point into @customer_code and @number
 * @customer_code: (out): to free
 * @number: (out): to free
 * @allocated: (out) (optional): what payments and credit notes settled
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_get_invoice (RelanceDatabase       *db,
                          gint64                 invoice_id,
                          RelanceInvoiceFields  *fields,
                          char                 **customer_code,
                          char                 **number,
                          gint64                *allocated,
                          GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stmt = _relance_database_prepare (db,
                                    "SELECT c.code, i.number, i.issue_date, i.due_date, i.amount,"
                                    " i.kind = 'credit_note', i.allocated"
                                    " FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This invoice no longer exists"));
      return FALSE;
    }

  *customer_code = _relance_column_dup (stmt, 0);
  *number = _relance_column_dup (stmt, 1);
  fields->customer_code = *customer_code;
  fields->number = *number;
  fields->issue_date = sqlite3_column_int (stmt, 2);
  fields->due_date = sqlite3_column_int (stmt, 3);
  fields->amount = sqlite3_column_int64 (stmt, 4);
  fields->credit_note = sqlite3_column_int (stmt, 5) != 0;
  if (allocated != NULL)
    *allocated = sqlite3_column_int64 (stmt, 6);

  return TRUE;
}

/**
 * relance_desk_update_invoice:
 * @fields: the new number, dates, amount and kind; the customer stays
 *
 * The amount cannot go below what is already settled, and an invoice with
 * payments or credit notes keeps its kind.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_update_invoice (RelanceDatabase             *db,
                             gint64                       invoice_id,
                             const RelanceInvoiceFields  *fields,
                             GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL;
  g_autofree char *old_code = NULL;
  g_autofree char *old_number = NULL;
  RelanceInvoiceFields old;
  gint64 allocated = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  number = _relance_dup_trimmed (fields->number);

  if (*number == '\0')
    return _relance_invalid (error, _("The invoice needs a number"));
  if (!relance_day_is_valid (fields->issue_date))
    return _relance_invalid (error, _("The invoice needs an issue date"));
  if (!relance_day_is_valid (fields->due_date))
    return _relance_invalid (error, _("The invoice needs a due date"));
  if (fields->due_date < fields->issue_date)
    return _relance_invalid (error, _("The due date is before the issue date"));
  if (fields->amount <= 0)
    return _relance_invalid (error, _("The amount must be more than zero"));
  if (fields->amount > RELANCE_MONEY_MAX)
    return _relance_invalid (error, _("The amount is too large"));

  if (!relance_desk_get_invoice (db, invoice_id, &old, &old_code, &old_number, &allocated, error))
    return FALSE;

  if (!relance_desk_number_is_free (db, number, invoice_id))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                   _("The number “%s” is already used"), number);
      return FALSE;
    }
  if (fields->amount < allocated)
    {
      g_autofree char *settled = _relance_format_amount (allocated);

      return _relance_invalid (error, _("%s is already settled on it: the amount cannot be less"), settled);
    }
  if (allocated > 0 && !fields->credit_note != !old.credit_note)
    return _relance_invalid (error, _("It is already settled in part: it cannot change between invoice and credit note"));

  stmt = _relance_database_prepare (db,
                                    "UPDATE invoices SET number = ?2, issue_date = ?3, due_date = ?4,"
                                    " amount = ?5, kind = ?6,"
                                    " settled_date = CASE WHEN allocated = ?5 THEN coalesce (settled_date,"
                                    "   (SELECT max (date) FROM allocations WHERE invoice_id = ?1 OR credit_note_id = ?1))"
                                    "   END"
                                    " WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  _relance_bind_text (stmt, 2, number);
  sqlite3_bind_int (stmt, 3, fields->issue_date);
  sqlite3_bind_int (stmt, 4, fields->due_date);
  sqlite3_bind_int64 (stmt, 5, fields->amount);
  _relance_bind_text (stmt, 6, fields->credit_note ? "credit_note" : "invoice");

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_desk_delete_invoice:
 *
 * Refused for an invoice that payments or credit notes settle, or that was
 * disputed: the ledger keeps them.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_delete_invoice (RelanceDatabase  *db,
                             gint64            invoice_id,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  check = _relance_database_prepare (db,
                                     "SELECT number,"
                                     " EXISTS (SELECT 1 FROM allocations WHERE invoice_id = ?1 OR credit_note_id = ?1),"
                                     " EXISTS (SELECT 1 FROM disputes WHERE invoice_id = ?1)"
                                     " FROM invoices WHERE id = ?1",
                                     error);
  if (check == NULL)
    return FALSE;
  sqlite3_bind_int64 (check, 1, invoice_id);
  if (!_relance_database_step (db, check, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This invoice no longer exists"));
      return FALSE;
    }
  if (sqlite3_column_int (check, 1))
    return _relance_invalid (error, _("%s is settled in part by payments or credit notes: delete those first"),
                    (const char *)sqlite3_column_text (check, 0));
  if (sqlite3_column_int (check, 2))
    return _relance_invalid (error, _("%s was disputed: the dispute history keeps it"),
                    (const char *)sqlite3_column_text (check, 0));

  stmt = _relance_database_prepare (db, "DELETE FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);

  return _relance_database_run (db, stmt, error);
}

/* Payments and credit notes */

/**
 * relance_desk_propose_allocation:
 * @amount: what the customer paid
 *
 * The customer's open invoices, oldest due date first, each given as much
 * of @amount as it takes until @amount runs out.
 *
 * Returns: (transfer full) (element-type RelanceAllocation): every open
 *   invoice, with the part of @amount proposed for it (often 0)
 */
GPtrArray *
relance_desk_propose_allocation (RelanceDatabase  *db,
                                 gint64            customer_id,
                                 gint64            amount,
                                 GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 left = MAX (amount, 0);
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT id, number, due_date, amount - allocated FROM invoices"
                                    " WHERE customer_id = ?1 AND kind = 'invoice' AND allocated < amount"
                                    " ORDER BY due_date, issue_date, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  for (;;)
    {
      RelanceAllocation *item;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      item = g_new0 (RelanceAllocation, 1);
      item->invoice_id = sqlite3_column_int64 (stmt, 0);
      item->number = _relance_column_dup (stmt, 1);
      item->due_date = sqlite3_column_int (stmt, 2);
      item->open = sqlite3_column_int64 (stmt, 3);
      item->amount = MIN (left, item->open);
      left -= item->amount;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/* Checks each allocation against its invoice, and their total against
 * @available. */
static gboolean
check_allocations (RelanceDatabase  *db,
                   gint64            customer_id,
                   GPtrArray        *allocations,
                   gint64            available,
                   const char       *what,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 total = 0;
  gboolean has_row;

  if (allocations == NULL)
    return TRUE;

  stmt = _relance_database_prepare (db,
                                    "SELECT number, customer_id, kind, amount - allocated FROM invoices WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < allocations->len; i++)
    {
      RelanceAllocation *item = g_ptr_array_index (allocations, i);
      const char *number;

      if (item->amount == 0)
        continue;
      if (item->amount < 0)
        return _relance_invalid (error, _("An allocation cannot be negative"));

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, item->invoice_id);
      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("An invoice no longer exists"));
          return FALSE;
        }

      number = (const char *)sqlite3_column_text (stmt, 0);
      if (sqlite3_column_int64 (stmt, 1) != customer_id)
        return _relance_invalid (error, _("Invoice %s is another customer’s"), number);
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "invoice") != 0)
        return _relance_invalid (error, _("%s is a credit note: only invoices can be settled"), number);
      if (item->amount > sqlite3_column_int64 (stmt, 3))
        {
          g_autofree char *given = _relance_format_amount (item->amount);
          g_autofree char *open = _relance_format_amount (sqlite3_column_int64 (stmt, 3));

          return _relance_invalid (error, _("%s for invoice %s is more than the %s still open on it"),
                          given, number, open);
        }
      if (g_hash_table_contains (seen, &item->invoice_id))
        return _relance_invalid (error, _("Invoice %s is named twice"), number);
      g_hash_table_add (seen, g_memdup2 (&item->invoice_id, sizeof item->invoice_id));

      total += item->amount;
    }

  if (total > available)
    {
      g_autofree char *allocated = _relance_format_amount (total);
      g_autofree char *limit = _relance_format_amount (available);

      return _relance_invalid (error, _("%s is allocated but the %s is only %s"), allocated, what, limit);
    }

  return TRUE;
}

static gboolean
insert_allocations (RelanceDatabase  *db,
                    gint64            payment_id,
                    gint64            credit_note_id,
                    RelanceDay        date,
                    GPtrArray        *allocations,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (allocations == NULL)
    return TRUE;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO allocations (invoice_id, payment_id, credit_note_id, date, amount)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < allocations->len; i++)
    {
      RelanceAllocation *item = g_ptr_array_index (allocations, i);

      if (item->amount <= 0)
        continue;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, item->invoice_id);
      if (payment_id != 0)
        sqlite3_bind_int64 (stmt, 2, payment_id);
      if (credit_note_id != 0)
        sqlite3_bind_int64 (stmt, 3, credit_note_id);
      sqlite3_bind_int (stmt, 4, item->date != 0 ? item->date : date);
      sqlite3_bind_int64 (stmt, 5, item->amount);
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * relance_desk_add_payment:
 * @allocations: (nullable) (element-type RelanceAllocation): how much goes
 *   to which invoice; entries of 0 are skipped
 *
 * Records a payment allocated as the user chose. Each allocation is at most
 * the invoice's open balance, and together at most the payment; what is
 * not allocated stays on the customer's account. An allocation is dated
 * the day of the payment, or its own date when it has one (Undo puts back
 * a payment allocated on several days as it was).
 *
 * Returns: the payment's id, or 0 with @error set
 */
gint64
relance_desk_add_payment (RelanceDatabase  *db,
                          gint64            customer_id,
                          RelanceDay        date,
                          gint64            amount,
                          const char       *method,
                          const char       *reference,
                          GPtrArray        *allocations,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed_method = _relance_dup_trimmed (method);
  g_autofree char *trimmed_reference = _relance_dup_trimmed (reference);
  gint64 payment_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  if (amount <= 0)
    return _relance_invalid (error, _("A payment must be more than zero"));
  if (amount > RELANCE_MONEY_MAX)
    return _relance_invalid (error, _("The amount is too large"));
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The payment needs a date"));
  if (!customer_exists (db, customer_id, error) ||
      !check_allocations (db, customer_id, allocations, amount, _("payment"), error))
    return 0;

  if (!_relance_database_begin (db, error))
    return 0;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO payments (customer_id, date, amount, method, reference)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  _relance_bind_text (stmt, 4, *trimmed_method ? trimmed_method : "transfer");
  _relance_bind_text (stmt, 5, trimmed_reference);
  if (!_relance_database_run (db, stmt, error))
    goto fail;
  payment_id = last_id (db);

  if (!insert_allocations (db, payment_id, 0, date, allocations, error))
    goto fail;
  if (!_relance_database_commit (db, error))
    return 0;

  return payment_id;

fail:
  _relance_database_rollback (db);
  return 0;
}

/**
 * relance_desk_allocate_payment:
 * @payment_id: a payment with money on account
 * @date: the day the invoices count as settled: at the earliest the day the
 *   payment was received
 * @allocations: (element-type RelanceAllocation): how much of what is on
 *   account goes to which of the customer's invoices; entries of 0 are
 *   skipped, their own dates are not read
 *
 * Allocates some or all of what a payment left on the customer's account,
 * once the user knows which invoices it pays. Refused, with nothing
 * written, when an allocation is negative, goes to a credit note or to
 * another customer's invoice, or is more than the invoice's open balance,
 * when together they are more than what is on account, or when they are
 * nothing at all.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_allocate_payment (RelanceDatabase  *db,
                               gint64            payment_id,
                               RelanceDay        date,
                               GPtrArray        *allocations,
                               GError          **error)
{
  g_autoptr(RelancePaymentRow) payment = NULL;
  g_autoptr(GPtrArray) dated = NULL;
  gint64 customer_id = 0;
  gint64 total = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("Give the date the invoices are settled on"));

  /* Read and checked in the transaction that writes, so that what is on
   * account cannot change in between. */
  if (!_relance_database_begin (db, error))
    return FALSE;

  payment = relance_desk_get_payment (db, payment_id, &customer_id, error);
  if (payment == NULL)
    goto fail;

  if (payment->unallocated <= 0)
    {
      g_autofree char *amount = _relance_format_amount (payment->amount);

      _relance_invalid (error, _("The payment of %s is already allocated in full"), amount);
      goto fail;
    }
  if (date < payment->date)
    {
      g_autofree char *amount = _relance_format_amount (payment->amount);
      g_autofree char *received = relance_day_to_iso (payment->date);

      _relance_invalid (error, _("The payment of %s was received on %s: it cannot settle invoices before that day"),
                        amount, received);
      goto fail;
    }

  if (!check_allocations (db, customer_id, allocations, G_MAXINT64, NULL, error))
    goto fail;

  dated = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  for (guint i = 0; allocations != NULL && i < allocations->len; i++)
    {
      RelanceAllocation *item = g_ptr_array_index (allocations, i);
      RelanceAllocation *copy;

      if (item->amount <= 0)
        continue;

      copy = g_new0 (RelanceAllocation, 1);
      copy->invoice_id = item->invoice_id;
      copy->amount = item->amount;
      copy->date = date;
      g_ptr_array_add (dated, copy);
      total += item->amount;
    }

  if (total == 0)
    {
      _relance_invalid (error, _("Nothing is allocated: give an amount for at least one invoice"));
      goto fail;
    }
  if (total > payment->unallocated)
    {
      g_autofree char *allocated = _relance_format_amount (total);
      g_autofree char *left = _relance_format_amount (payment->unallocated);

      _relance_invalid (error, _("%s is allocated but only %s of this payment is on account"), allocated, left);
      goto fail;
    }

  if (!insert_allocations (db, payment_id, 0, date, dated, error))
    goto fail;

  return _relance_database_commit (db, error);

fail:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_desk_list_payment_allocations:
 *
 * Returns: (transfer full) (element-type RelanceAllocation): the invoices a
 *   payment settles, how much of each and on which day
 */
GPtrArray *
relance_desk_list_payment_allocations (RelanceDatabase  *db,
                                       gint64            payment_id,
                                       GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT a.invoice_id, i.number, i.due_date, i.amount - i.allocated, a.amount,"
                                    " a.date"
                                    " FROM allocations a JOIN invoices i ON i.id = a.invoice_id"
                                    " WHERE a.payment_id = ?1 ORDER BY a.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);

  for (;;)
    {
      RelanceAllocation *item;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      item = g_new0 (RelanceAllocation, 1);
      item->invoice_id = sqlite3_column_int64 (stmt, 0);
      item->number = _relance_column_dup (stmt, 1);
      item->due_date = sqlite3_column_int (stmt, 2);
      item->open = sqlite3_column_int64 (stmt, 3);
      item->amount = sqlite3_column_int64 (stmt, 4);
      item->date = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * relance_desk_delete_payment:
 *
 * Deletes the payment; the invoices it settled are open again.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_delete_payment (RelanceDatabase  *db,
                             gint64            payment_id,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) allocations = NULL;
  g_autoptr(sqlite3_stmt) payment = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!_relance_database_begin (db, error))
    return FALSE;

  allocations = _relance_database_prepare (db, "DELETE FROM allocations WHERE payment_id = ?1", error);
  payment = _relance_database_prepare (db, "DELETE FROM payments WHERE id = ?1", error);
  if (allocations == NULL || payment == NULL)
    goto fail;
  sqlite3_bind_int64 (allocations, 1, payment_id);
  sqlite3_bind_int64 (payment, 1, payment_id);
  if (!_relance_database_run (db, allocations, error) ||
      !_relance_database_run (db, payment, error))
    goto fail;

  return _relance_database_commit (db, error);

fail:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_desk_apply_credit_note:
 * @credit_note_id: a credit note with an open balance
 * @date: the day it is applied
 * @allocations: (element-type RelanceAllocation): how much goes to which
 *   of the customer's invoices
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_apply_credit_note (RelanceDatabase  *db,
                                gint64            credit_note_id,
                                RelanceDay        date,
                                GPtrArray        *allocations,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;
  gint64 customer_id;
  gint64 open;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The credit note needs a date to be applied"));

  stmt = _relance_database_prepare (db,
                                    "SELECT customer_id, kind = 'credit_note', amount - allocated, number"
                                    " FROM invoices WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credit_note_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This credit note no longer exists"));
      return FALSE;
    }
  if (!sqlite3_column_int (stmt, 1))
    return _relance_invalid (error, _("%s is an invoice, not a credit note"), (const char *)sqlite3_column_text (stmt, 3));

  customer_id = sqlite3_column_int64 (stmt, 0);
  open = sqlite3_column_int64 (stmt, 2);
  if (open <= 0)
    return _relance_invalid (error, _("Credit note %s is already used in full"), (const char *)sqlite3_column_text (stmt, 3));

  if (!check_allocations (db, customer_id, allocations, open, _("credit note’s open balance"), error))
    return FALSE;

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (!insert_allocations (db, 0, credit_note_id, date, allocations, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

/* Disputes */

/**
 * relance_desk_open_dispute:
 * @amount: the disputed part; 0 for the whole open balance
 *
 * Returns: the dispute's id, or 0 with @error set
 */
gint64
relance_desk_open_dispute (RelanceDatabase  *db,
                           gint64            invoice_id,
                           gint64            cause_id,
                           gint64            amount,
                           RelanceDay        date,
                           const char       *description,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) invoice = NULL;
  g_autoptr(sqlite3_stmt) cause = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  invoice = _relance_database_prepare (db, "SELECT number FROM invoices WHERE id = ?1", error);
  cause = _relance_database_prepare (db, "SELECT code FROM dispute_causes WHERE id = ?1", error);
  if (invoice == NULL || cause == NULL)
    return 0;
  sqlite3_bind_int64 (invoice, 1, invoice_id);
  sqlite3_bind_int64 (cause, 1, cause_id);

  if (!_relance_database_step (db, invoice, &has_row, error))
    return 0;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This invoice no longer exists"));
      return 0;
    }
  number = _relance_column_dup (invoice, 0);

  if (!_relance_database_step (db, cause, &has_row, error))
    return 0;
  if (!has_row)
    return _relance_invalid (error, _("Choose the cause of the dispute"));
  code = _relance_column_dup (cause, 0);

  return relance_ledger_open_dispute (db, number, code, amount, date, description, error);
}

static gboolean
close_dispute (RelanceDatabase  *db,
               gint64            dispute_id,
               const char       *status,
               RelanceDay        date,
               const char       *text,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "UPDATE disputes SET status = ?2, resolved_on = ?3, resolution = ?4"
                                    " WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dispute_id);
  _relance_bind_text (stmt, 2, status);
  sqlite3_bind_int (stmt, 3, date);
  _relance_bind_text (stmt, 4, text ? text : "");

  return _relance_database_run (db, stmt, error);
}

static gboolean
check_closing (RelanceDisputeRow  *row,
               RelanceDay          date,
               GError            **error)
{
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("Give the date"));
  if (g_strcmp0 (row->status, "open") != 0)
    return _relance_invalid (error, _("The dispute on %s is no longer open"), row->invoice_number);
  if (date < row->opened_on)
    {
      g_autofree char *opened = relance_day_to_iso (row->opened_on);

      return _relance_invalid (error, _("The dispute on %s was opened on %s: it cannot be closed before"),
                      row->invoice_number, opened);
    }

  return TRUE;
}

/**
 * relance_desk_resolve_dispute:
 * @resolution: (nullable): how it was settled
 * @credit_note_number: (nullable): the number of a credit note to create
 *   and apply to the disputed invoice, dated @date; %NULL for none
 * @credit_note_amount: its amount, at most the invoice's open balance
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_resolve_dispute (RelanceDatabase  *db,
                              gint64            dispute_id,
                              RelanceDay        date,
                              const char       *resolution,
                              const char       *credit_note_number,
                              gint64            credit_note_amount,
                              GError          **error)
{
  g_autoptr(RelanceDisputeRow) row = NULL;
  g_autofree char *number = _relance_dup_trimmed (credit_note_number);
  g_autoptr(sqlite3_stmt) invoice = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GPtrArray) allocations = NULL;
  gint64 customer_id = 0;
  gint64 open = 0;
  gint64 credit_note_id;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!get_dispute (db, dispute_id, &row, error) || !check_closing (row, date, error))
    return FALSE;

  if (credit_note_number != NULL)
    {
      invoice = _relance_database_prepare (db,
                                           "SELECT customer_id, amount - allocated FROM invoices WHERE id = ?1",
                                           error);
      if (invoice == NULL)
        return FALSE;
      sqlite3_bind_int64 (invoice, 1, row->invoice_id);
      if (!_relance_database_step (db, invoice, &has_row, error))
        return FALSE;
      customer_id = sqlite3_column_int64 (invoice, 0);
      open = sqlite3_column_int64 (invoice, 1);

      if (*number == '\0')
        return _relance_invalid (error, _("The credit note needs a number"));
      if (!relance_desk_number_is_free (db, number, 0))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                       _("The number “%s” is already used"), number);
          return FALSE;
        }
      if (credit_note_amount <= 0)
        return _relance_invalid (error, _("The credit note must be more than zero"));
      if (credit_note_amount > open)
        {
          g_autofree char *asked = _relance_format_amount (credit_note_amount);
          g_autofree char *left = _relance_format_amount (open);

          return _relance_invalid (error, _("The credit note of %s is more than the %s still open on %s"),
                          asked, left, row->invoice_number);
        }
    }

  if (!_relance_database_begin (db, error))
    return FALSE;

  if (!close_dispute (db, dispute_id, "resolved", date, resolution, error))
    goto fail;

  if (credit_note_number != NULL)
    {
      RelanceAllocation *item;

      insert = _relance_database_prepare (db,
                                          "INSERT INTO invoices (customer_id, number, kind, issue_date, due_date, amount)"
                                          " VALUES (?1, ?2, 'credit_note', ?3, ?3, ?4)",
                                          error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_int64 (insert, 1, customer_id);
      _relance_bind_text (insert, 2, number);
      sqlite3_bind_int (insert, 3, date);
      sqlite3_bind_int64 (insert, 4, credit_note_amount);
      if (!_relance_database_run (db, insert, error))
        goto fail;
      credit_note_id = last_id (db);

      allocations = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
      item = g_new0 (RelanceAllocation, 1);
      item->invoice_id = row->invoice_id;
      item->amount = credit_note_amount;
      g_ptr_array_add (allocations, item);
      if (!insert_allocations (db, 0, credit_note_id, date, allocations, error))
        goto fail;
    }

  return _relance_database_commit (db, error);

fail:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_desk_cancel_dispute:
 * @note: (nullable): why (the customer withdrew it, it was a mistake...)
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_cancel_dispute (RelanceDatabase  *db,
                             gint64            dispute_id,
                             RelanceDay        date,
                             const char       *note,
                             GError          **error)
{
  g_autoptr(RelanceDisputeRow) row = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!get_dispute (db, dispute_id, &row, error) || !check_closing (row, date, error))
    return FALSE;

  return close_dispute (db, dispute_id, "cancelled", date, note, error);
}

/**
 * relance_desk_reopen_dispute:
 *
 * Undoes a cancellation.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_desk_reopen_dispute (RelanceDatabase  *db,
                             gint64            dispute_id,
                             GError          **error)
{
  g_autoptr(RelanceDisputeRow) row = NULL;
  g_autoptr(sqlite3_stmt) other = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!get_dispute (db, dispute_id, &row, error))
    return FALSE;
  if (g_strcmp0 (row->status, "cancelled") != 0)
    return _relance_invalid (error, _("Only a cancelled dispute can be opened again"));

  other = _relance_database_prepare (db,
                                     "SELECT count (*) FROM disputes WHERE invoice_id = ?1 AND status = 'open'",
                                     error);
  if (other == NULL)
    return FALSE;
  sqlite3_bind_int64 (other, 1, row->invoice_id);
  if (!query_int64 (db, other, &n, error))
    return FALSE;
  if (n > 0)
    return _relance_invalid (error, _("Invoice %s has another open dispute"), row->invoice_number);

  stmt = _relance_database_prepare (db,
                                    "UPDATE disputes SET status = 'open', resolved_on = NULL, resolution = ''"
                                    " WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dispute_id);

  return _relance_database_run (db, stmt, error);
}
