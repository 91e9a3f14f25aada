/* relance-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-checks-private.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-ledger-private.h"
#include "relance-money.h"
#include "relance-text.h"

typedef struct
{
  gint64 id;
  gint64 open;
  char  *number;
} OpenInvoice;

static void
open_invoice_free (gpointer data)
{
  OpenInvoice *item = data;

  g_free (item->number);
  g_free (item);
}

static gboolean
find_segment (RelanceDatabase  *db,
              const char       *name,
              gint64           *segment_id,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean has_row;

  find = _relance_database_prepare (db, "SELECT id FROM segments WHERE name = ?1", error);
  if (find == NULL)
    return FALSE;
  _relance_bind_text (find, 1, name);
  if (!_relance_database_step (db, find, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *segment_id = sqlite3_column_int64 (find, 0);
      return TRUE;
    }

  insert = _relance_database_prepare (db, "INSERT INTO segments (name) VALUES (?1)", error);
  if (insert == NULL)
    return FALSE;
  _relance_bind_text (insert, 1, name);
  if (!_relance_database_run (db, insert, error))
    return FALSE;

  *segment_id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));
  return TRUE;
}

static gboolean
insert_customer (RelanceDatabase              *db,
                 const RelanceCustomerFields  *fields,
                 const char                   *code,
                 const char                   *name,
                 gint64                        segment_id,
                 GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sort_key = relance_text_fold (name);
  g_autofree char *country = NULL;

  country = g_ascii_strup (fields->country && *fields->country ? fields->country : "FR", -1);

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO customers (code, name, sort_key, address, postcode,"
                                    " city, country, language, email, phone, siren, segment_id,"
                                    " payment_terms)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  _relance_bind_text (stmt, 1, code);
  _relance_bind_text (stmt, 2, name);
  _relance_bind_text (stmt, 3, sort_key);
  _relance_bind_text (stmt, 4, fields->address ? fields->address : "");
  _relance_bind_text (stmt, 5, fields->postcode ? fields->postcode : "");
  _relance_bind_text (stmt, 6, fields->city ? fields->city : "");
  _relance_bind_text (stmt, 7, country);
  _relance_bind_text (stmt, 8, fields->language && *fields->language ? fields->language : "fr");
  _relance_bind_text (stmt, 9, fields->email ? fields->email : "");
  _relance_bind_text (stmt, 10, fields->phone ? fields->phone : "");
  _relance_bind_text (stmt, 11, fields->siren ? fields->siren : "");
  if (segment_id > 0)
    sqlite3_bind_int64 (stmt, 12, segment_id);
  sqlite3_bind_int (stmt, 13, fields->payment_terms < 0 ? 30 : fields->payment_terms);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_ledger_add_customer:
 * @db: the ledger
 * @fields: what the user typed
 * @error: a message the user can read
 *
 * Returns: the new customer's id, or 0 with @error set
 */
gint64
relance_ledger_add_customer (RelanceDatabase              *db,
                             const RelanceCustomerFields  *fields,
                             GError                      **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *segment = NULL;
  gint64 segment_id = 0;
  gint64 customer_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  code = _relance_dup_trimmed (fields->code);
  name = _relance_dup_trimmed (fields->name);
  segment = _relance_dup_trimmed (fields->segment);

  if (*code == '\0')
    return _relance_invalid (error, _("The customer needs a code (its account in your accounting, such as 411DUPONT)"));
  if (*name == '\0')
    return _relance_invalid (error, _("The customer needs a name"));
  if (fields->payment_terms > 365)
    return _relance_invalid (error, _("Payment terms of %d days are not possible: give 0 to 365 days"),
                    fields->payment_terms);
  if (fields->country != NULL && *fields->country != '\0' &&
      (strlen (fields->country) != 2 || !g_ascii_isalpha (fields->country[0]) ||
       !g_ascii_isalpha (fields->country[1])))
    return _relance_invalid (error, _("“%s” is not a country code: use two letters, such as FR or BE"),
                    fields->country);
  if (fields->email != NULL && *fields->email != '\0' && !_relance_looks_like_email (fields->email))
    return _relance_invalid (error, _("“%s” is not an e-mail address"), fields->email);

  if (relance_ledger_find_customer (db, code, NULL) != 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                   _("A customer with the code “%s” already exists"), code);
      return 0;
    }

  if (!_relance_database_begin (db, error))
    return 0;

  if ((*segment != '\0' && !find_segment (db, segment, &segment_id, error)) ||
      !insert_customer (db, fields, code, name, segment_id, error))
    {
      _relance_database_rollback (db);
      return 0;
    }

  customer_id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));

  if (!_relance_database_commit (db, error))
    return 0;

  return customer_id;
}

/**
 * relance_ledger_find_customer:
 * @db: the ledger
 * @code: a customer code, in any case
 * @error: a message the user can read
 *
 * Returns: the customer's id, or 0 with @error set
 */
gint64
relance_ledger_find_customer (RelanceDatabase  *db,
                              const char       *code,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (code);
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  stmt = _relance_database_prepare (db, "SELECT id FROM customers WHERE code = ?1", error);
  if (stmt == NULL)
    return 0;
  _relance_bind_text (stmt, 1, trimmed);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return 0;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("No customer has the code “%s”"), trimmed);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_number_free (RelanceDatabase  *db,
                   const char       *number,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT c.code FROM invoices i JOIN customers c ON c.id = i.customer_id"
                                    " WHERE i.number = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, number);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                   _("The number “%s” is already used by an invoice of customer %s"),
                   number, (const char *)sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_ledger_add_invoice:
 * @db: the ledger
 * @fields: the invoice or credit note
 * @error: a message the user can read
 *
 * Returns: the new invoice's id, or 0 with @error set
 */
gint64
relance_ledger_add_invoice (RelanceDatabase             *db,
                            const RelanceInvoiceFields  *fields,
                            GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL;
  gint64 customer_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  number = _relance_dup_trimmed (fields->number);

  if (*number == '\0')
    return _relance_invalid (error, _("The invoice needs a number"));
  if (!relance_day_is_valid (fields->issue_date))
    return _relance_invalid (error, _("The invoice needs an issue date"));
  if (!relance_day_is_valid (fields->due_date))
    return _relance_invalid (error, _("The invoice needs a due date"));
  if (fields->due_date < fields->issue_date)
    {
      g_autofree char *due = relance_day_to_iso (fields->due_date);
      g_autofree char *issued = relance_day_to_iso (fields->issue_date);

      return _relance_invalid (error, _("The due date %s is before the issue date %s"), due, issued);
    }
  if (fields->amount <= 0)
    return _relance_invalid (error, fields->credit_note
                    ? _("The amount of a credit note is written without a minus sign and must be more than zero")
                    : _("The amount of an invoice must be more than zero (record a refund as a credit note)"));
  if (fields->amount > RELANCE_MONEY_MAX)
    return _relance_invalid (error, _("The amount is too large"));

  customer_id = relance_ledger_find_customer (db, fields->customer_code, error);
  if (customer_id == 0)
    return 0;
  if (!check_number_free (db, number, error))
    return 0;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO invoices (customer_id, number, kind, issue_date,"
                                    " due_date, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  _relance_bind_text (stmt, 2, number);
  _relance_bind_text (stmt, 3, fields->credit_note ? "credit_note" : "invoice");
  sqlite3_bind_int (stmt, 4, fields->issue_date);
  sqlite3_bind_int (stmt, 5, fields->due_date);
  sqlite3_bind_int64 (stmt, 6, fields->amount);
  if (!_relance_database_run (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_relance_database_get_handle (db));
}

static OpenInvoice *
read_open_invoice (sqlite3_stmt *stmt)
{
  OpenInvoice *item = g_new0 (OpenInvoice, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->open = sqlite3_column_int64 (stmt, 1);
  item->number = _relance_column_dup (stmt, 2);
  return item;
}

/* The invoices a payment settles: the named ones in the order given, or all
 * the customer's open invoices, oldest due date first. */
static GPtrArray *
collect_targets (RelanceDatabase     *db,
                 gint64               customer_id,
                 const char          *customer_code,
                 const char * const  *numbers,
                 GError             **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (open_invoice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (numbers == NULL || numbers[0] == NULL)
    {
      stmt = _relance_database_prepare (db,
                                        "SELECT id, amount - allocated, number FROM invoices"
                                        " WHERE customer_id = ?1 AND kind = 'invoice'"
                                        " AND allocated < amount"
                                        " ORDER BY due_date, issue_date, id",
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
          g_ptr_array_add (targets, read_open_invoice (stmt));
        }
      return g_steal_pointer (&targets);
    }

  stmt = _relance_database_prepare (db,
                                    "SELECT id, amount - allocated, number, customer_id, kind"
                                    " FROM invoices WHERE number = ?1",
                                    error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *number = _relance_dup_trimmed (numbers[i]);
      OpenInvoice *item;

      sqlite3_reset (stmt);
      _relance_bind_text (stmt, 1, number);
      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                       _("There is no invoice numbered “%s”"), number);
          return NULL;
        }
      if (sqlite3_column_int64 (stmt, 3) != customer_id)
        {
          _relance_invalid (error, _("Invoice %s is not an invoice of customer %s"), number, customer_code);
          return NULL;
        }
      if (g_str_equal ((const char *)sqlite3_column_text (stmt, 4), "credit_note"))
        {
          _relance_invalid (error, _("%s is a credit note: a payment settles invoices"), number);
          return NULL;
        }
      if (sqlite3_column_int64 (stmt, 1) <= 0)
        {
          _relance_invalid (error, _("Invoice %s is already paid"), number);
          return NULL;
        }
      for (guint j = 0; j < targets->len; j++)
        if (((OpenInvoice *)g_ptr_array_index (targets, j))->id == sqlite3_column_int64 (stmt, 0))
          {
            _relance_invalid (error, _("Invoice %s is named twice"), number);
            return NULL;
          }

      item = read_open_invoice (stmt);
      g_ptr_array_add (targets, item);
    }

  return g_steal_pointer (&targets);
}

static gboolean
insert_payment (RelanceDatabase  *db,
                gint64            customer_id,
                RelanceDay        date,
                gint64            amount,
                const char       *method,
                const char       *reference,
                GPtrArray        *targets,
                gint64           *payment_id,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) payment = NULL;
  g_autoptr(sqlite3_stmt) allocation = NULL;
  gint64 left = amount;

  payment = _relance_database_prepare (db,
                                       "INSERT INTO payments (customer_id, date, amount, method, reference)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)",
                                       error);
  if (payment == NULL)
    return FALSE;
  sqlite3_bind_int64 (payment, 1, customer_id);
  sqlite3_bind_int (payment, 2, date);
  sqlite3_bind_int64 (payment, 3, amount);
  _relance_bind_text (payment, 4, method && *method ? method : "transfer");
  _relance_bind_text (payment, 5, reference ? reference : "");
  if (!_relance_database_run (db, payment, error))
    return FALSE;
  *payment_id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));

  allocation = _relance_database_prepare (db,
                                          "INSERT INTO allocations (invoice_id, payment_id, date, amount)"
                                          " VALUES (?1, ?2, ?3, ?4)",
                                          error);
  if (allocation == NULL)
    return FALSE;

  for (guint i = 0; i < targets->len && left > 0; i++)
    {
      OpenInvoice *item = g_ptr_array_index (targets, i);
      gint64 part = MIN (left, item->open);

      sqlite3_reset (allocation);
      sqlite3_bind_int64 (allocation, 1, item->id);
      sqlite3_bind_int64 (allocation, 2, *payment_id);
      sqlite3_bind_int (allocation, 3, date);
      sqlite3_bind_int64 (allocation, 4, part);
      if (!_relance_database_run (db, allocation, error))
        return FALSE;
      left -= part;
    }

  return TRUE;
}

/**
 * relance_ledger_add_payment:
 * @db: the ledger
 * @customer_code: who paid
 * @date: when the money arrived
 * @amount: how much, in cents
 * @invoice_numbers: (nullable): the invoices it settles, in that order;
 *   %NULL for the customer's open invoices, oldest due date first
 * @method: (nullable): "transfer", "cheque", "card", "cash"...
 * @reference: (nullable): the bank reference
 * @error: a message the user can read
 *
 * Records a payment and allocates it in full. A payment larger than what is
 * open on the invoices it settles is refused.
 *
 * Returns: the payment's id, or 0 with @error set
 */
gint64
relance_ledger_add_payment (RelanceDatabase     *db,
                            const char          *customer_code,
                            RelanceDay           date,
                            gint64               amount,
                            const char * const  *invoice_numbers,
                            const char          *method,
                            const char          *reference,
                            GError             **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  gint64 customer_id;
  gint64 open = 0;
  gint64 payment_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  if (amount <= 0)
    return _relance_invalid (error, _("A payment must be more than zero"));
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The payment needs a date"));

  customer_id = relance_ledger_find_customer (db, customer_code, error);
  if (customer_id == 0)
    return 0;

  targets = collect_targets (db, customer_id, customer_code, invoice_numbers, error);
  if (targets == NULL)
    return 0;

  for (guint i = 0; i < targets->len; i++)
    open += ((OpenInvoice *)g_ptr_array_index (targets, i))->open;

  if (targets->len == 0)
    return _relance_invalid (error, _("Customer %s has no open invoice to pay"), customer_code);
  if (amount > open)
    {
      g_autofree char *paid = _relance_format_amount (amount);
      g_autofree char *due = _relance_format_amount (open);

      return _relance_invalid (error, _("The payment of %s is more than the %s open on %s"),
                      paid, due,
                      invoice_numbers && invoice_numbers[0]
                      ? _("the invoices named") : _("the customer’s invoices"));
    }

  if (!_relance_database_begin (db, error))
    return 0;
  if (!insert_payment (db, customer_id, date, amount, method, reference, targets, &payment_id, error))
    {
      _relance_database_rollback (db);
      return 0;
    }
  if (!_relance_database_commit (db, error))
    return 0;

  return payment_id;
}

static gboolean
find_cause (RelanceDatabase  *db,
            const char       *code,
            gint64           *cause_id,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) list = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT id FROM dispute_causes WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, code);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *cause_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  list = _relance_database_prepare (db,
                                    "SELECT code || ' (' || label || ')' FROM dispute_causes"
                                    " ORDER BY position, code",
                                    error);
  if (list == NULL)
    return FALSE;
  while (_relance_database_step (db, list, &has_row, NULL) && has_row)
    {
      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, (const char *)sqlite3_column_text (list, 0));
    }

  return _relance_invalid (error, _("There is no dispute cause “%s”; the causes are: %s"),
                  code ? code : "", codes->str);
}

typedef struct
{
  gint64     id;
  gint64     open;
  RelanceDay issue_date;
  gboolean   credit_note;
} InvoiceState;

static gboolean
find_invoice (RelanceDatabase  *db,
              const char       *number,
              InvoiceState     *state,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT id, amount - allocated, issue_date, kind = 'credit_note'"
                                    " FROM invoices WHERE number = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, number);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("There is no invoice numbered “%s”"), number);
      return FALSE;
    }

  state->id = sqlite3_column_int64 (stmt, 0);
  state->open = sqlite3_column_int64 (stmt, 1);
  state->issue_date = sqlite3_column_int (stmt, 2);
  state->credit_note = sqlite3_column_int (stmt, 3) != 0;
  return TRUE;
}

static gboolean
find_open_dispute (RelanceDatabase  *db,
                   gint64            invoice_id,
                   gint64           *dispute_id,
                   RelanceDay       *opened_on,
                   char            **cause,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT d.id, d.opened_on, c.code || ' (' || c.label || ')'"
                                    " FROM disputes d JOIN dispute_causes c ON c.id = d.cause_id"
                                    " WHERE d.invoice_id = ?1 AND d.status = 'open'",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *dispute_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (opened_on != NULL)
    *opened_on = has_row ? sqlite3_column_int (stmt, 1) : 0;
  if (cause != NULL)
    *cause = has_row ? _relance_column_dup (stmt, 2) : NULL;
  return TRUE;
}

/**
 * relance_ledger_open_dispute:
 * @db: the ledger
 * @invoice_number: the invoice the customer will not pay yet
 * @cause_code: the cause ("A" to "D" as shipped)
 * @amount: the amount disputed; 0 for the whole open balance
 * @date: when the dispute was raised
 * @description: (nullable): what the customer said
 * @error: a message the user can read
 *
 * Returns: the dispute's id, or 0 with @error set
 */
gint64
relance_ledger_open_dispute (RelanceDatabase  *db,
                             const char       *invoice_number,
                             const char       *cause_code,
                             gint64            amount,
                             RelanceDay        date,
                             const char       *description,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = _relance_dup_trimmed (invoice_number);
  g_autofree char *cause = _relance_dup_trimmed (cause_code);
  g_autofree char *existing = NULL;
  InvoiceState invoice;
  gint64 cause_id = 0;
  gint64 dispute_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The dispute needs a date"));
  if (amount < 0)
    return _relance_invalid (error, _("The disputed amount cannot be negative"));
  if (!find_invoice (db, number, &invoice, error) ||
      !find_cause (db, cause, &cause_id, error) ||
      !find_open_dispute (db, invoice.id, &dispute_id, NULL, &existing, error))
    return 0;

  if (invoice.credit_note)
    return _relance_invalid (error, _("%s is a credit note: only an invoice can be disputed"), number);
  if (invoice.open <= 0)
    return _relance_invalid (error, _("Invoice %s is paid: there is nothing left to dispute"), number);
  if (dispute_id != 0)
    return _relance_invalid (error, _("Invoice %s already has an open dispute, cause %s"), number, existing);
  if (date < invoice.issue_date)
    return _relance_invalid (error, _("A dispute cannot be opened before its invoice was issued"));
  if (amount > invoice.open)
    {
      g_autofree char *asked = _relance_format_amount (amount);
      g_autofree char *open = _relance_format_amount (invoice.open);

      return _relance_invalid (error, _("The disputed amount %s is more than the %s still open on invoice %s"),
                      asked, open, number);
    }

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO disputes (invoice_id, cause_id, amount, opened_on, description)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, invoice.id);
  sqlite3_bind_int64 (stmt, 2, cause_id);
  sqlite3_bind_int64 (stmt, 3, amount > 0 ? amount : invoice.open);
  sqlite3_bind_int (stmt, 4, date);
  _relance_bind_text (stmt, 5, description ? description : "");
  if (!_relance_database_run (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_relance_database_get_handle (db));
}

/**
 * relance_ledger_resolve_dispute:
 * @db: the ledger
 * @invoice_number: the disputed invoice
 * @date: when it was settled
 * @resolution: (nullable): how
 * @error: a message the user can read
 *
 * Returns: %TRUE if the invoice's open dispute is now resolved
 */
gboolean
relance_ledger_resolve_dispute (RelanceDatabase  *db,
                                const char       *invoice_number,
                                RelanceDay        date,
                                const char       *resolution,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = _relance_dup_trimmed (invoice_number);
  InvoiceState invoice;
  gint64 dispute_id = 0;
  RelanceDay opened_on = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The resolution needs a date"));
  if (!find_invoice (db, number, &invoice, error) ||
      !find_open_dispute (db, invoice.id, &dispute_id, &opened_on, NULL, error))
    return FALSE;
  if (dispute_id == 0)
    return _relance_invalid (error, _("Invoice %s has no open dispute"), number);
  if (date < opened_on)
    {
      g_autofree char *opened = relance_day_to_iso (opened_on);

      return _relance_invalid (error, _("The dispute on %s was opened on %s: it cannot be resolved before"),
                      number, opened);
    }

  stmt = _relance_database_prepare (db,
                                    "UPDATE disputes SET status = 'resolved', resolved_on = ?2,"
                                    " resolution = ?3 WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dispute_id);
  sqlite3_bind_int (stmt, 2, date);
  _relance_bind_text (stmt, 3, resolution ? resolution : "");

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_ledger_get_customer_balance:
 * @balance: (out): open invoices less open credit notes, in cents
 *
 * Returns: %TRUE on success
 */
gboolean
relance_ledger_get_customer_balance (RelanceDatabase  *db,
                                     gint64            customer_id,
                                     gint64           *balance,
                                     GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  stmt = _relance_database_prepare (db,
                                    "SELECT coalesce (sum (CASE kind WHEN 'credit_note'"
                                    "  THEN allocated - amount ELSE amount - allocated END), 0)"
                                    " FROM invoices WHERE customer_id = ?1 AND allocated < amount",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *balance = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
relance_aged_row_free (RelanceAgedRow *row)
{
  if (row == NULL)
    return;

  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

/**
 * relance_age_bucket_for:
 * @due_date: when the item fell due
 * @at: the date of the balance
 *
 * Returns: the bucket of an item due on @due_date, seen on @at
 */
RelanceAgeBucket
relance_age_bucket_for (RelanceDay due_date,
                        RelanceDay at)
{
  int days = at - due_date;

  if (days <= 0)
    return RELANCE_AGE_NOT_DUE;
  if (days <= RELANCE_AGE_LIMIT_1)
    return RELANCE_AGE_1_30;
  if (days <= RELANCE_AGE_LIMIT_2)
    return RELANCE_AGE_31_60;
  if (days <= RELANCE_AGE_LIMIT_3)
    return RELANCE_AGE_61_90;
  return RELANCE_AGE_OVER_90;
}

/**
 * relance_ledger_aged_balance:
 * @db: the ledger
 * @at: the date of the balance; payments after it do not count
 * @error: a message the user can read
 *
 * The open items as they stood on @at (issued by then, less what was
 * allocated by then), one row per customer with open items, by code.
 * Credit notes count negative.
 *
 * Returns: (transfer full) (element-type RelanceAgedRow): the rows
 */
GPtrArray *
relance_ledger_aged_balance (RelanceDatabase  *db,
                             RelanceDay        at,
                             GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_aged_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) last = NULL;
  RelanceDay last_allocation;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  last = _relance_database_prepare (db, "SELECT coalesce (max (date), 0) FROM allocations", error);
  if (last == NULL || !_relance_database_step (db, last, &has_row, error))
    return NULL;
  last_allocation = sqlite3_column_int (last, 0);

  /* What is open now, plus what was settled after @at; each item's open
   * amount on @at is what is open now plus what was allocated to it after
   * @at (nothing to look up when no allocation is dated after @at, ?5).
   * Every part reads a covering index (the "+" keeps SQLite on the one of
   * open items); the buckets are summed in SQL with the limits of
   * relance_age_bucket_for(). */
  stmt = _relance_database_prepare (db,
    "WITH items (id, customer_id, kind, open_now, due_date) AS ("
    "  SELECT id, customer_id, kind, amount - allocated, due_date FROM invoices"
    "   WHERE allocated < amount AND +issue_date <= ?1"
    "  UNION ALL"
    "  SELECT id, customer_id, kind, 0, due_date FROM invoices"
    "   WHERE settled_date > ?1 AND issue_date <= ?1),"
    " open_items AS MATERIALIZED ("
    "  SELECT customer_id, ?1 - due_date AS days,"
    "    (CASE kind WHEN 'credit_note' THEN -1 ELSE 1 END)"
    "    * (open_now + CASE WHEN ?1 >= ?5 THEN 0 ELSE"
    "         coalesce ((SELECT sum (a.amount) FROM allocations a"
    "                    WHERE a.invoice_id = items.id AND a.date > ?1), 0)"
    "       + coalesce ((SELECT sum (a.amount) FROM allocations a"
    "                    WHERE a.credit_note_id = items.id AND a.date > ?1), 0) END) AS open"
    "  FROM items)"
    " SELECT c.id, c.code, c.name,"
    "  coalesce (sum (CASE WHEN days <= 0 THEN open END), 0),"
    "  coalesce (sum (CASE WHEN days > 0 AND days <= ?2 THEN open END), 0),"
    "  coalesce (sum (CASE WHEN days > ?2 AND days <= ?3 THEN open END), 0),"
    "  coalesce (sum (CASE WHEN days > ?3 AND days <= ?4 THEN open END), 0),"
    "  coalesce (sum (CASE WHEN days > ?4 THEN open END), 0)"
    " FROM open_items o JOIN customers c ON c.id = o.customer_id"
    " WHERE o.open <> 0"
    " GROUP BY o.customer_id"
    " ORDER BY c.code",
    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, at);
  sqlite3_bind_int (stmt, 2, RELANCE_AGE_LIMIT_1);
  sqlite3_bind_int (stmt, 3, RELANCE_AGE_LIMIT_2);
  sqlite3_bind_int (stmt, 4, RELANCE_AGE_LIMIT_3);
  sqlite3_bind_int (stmt, 5, last_allocation);

  for (;;)
    {
      RelanceAgedRow *row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      row = g_new0 (RelanceAgedRow, 1);
      row->customer_id = sqlite3_column_int64 (stmt, 0);
      row->code = _relance_column_dup (stmt, 1);
      row->name = _relance_column_dup (stmt, 2);
      for (guint i = 0; i < RELANCE_AGE_N_BUCKETS; i++)
        {
          row->buckets[i] = sqlite3_column_int64 (stmt, 3 + (int)i);
          row->total += row->buckets[i];
        }
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
query_flag (RelanceDatabase  *db,
            const char       *sql,
            RelanceDay        day,
            gboolean         *flag,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, day);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *flag = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/**
 * _relance_ledger_amounts_after:
 * @day: the day the ledger is seen from
 * @after: (out): whether an invoice or credit note was issued, or an
 *   allocation (of a payment or a credit note) is dated, after @day
 *
 * When it is not, the stored open amounts (amount - allocated) are those
 * of @day. Two index look-ups, whatever the size of the ledger.
 *
 * Returns: %TRUE on success
 */
gboolean
_relance_ledger_amounts_after (RelanceDatabase  *db,
                               RelanceDay        day,
                               gboolean         *after,
                               GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (after != NULL, FALSE);

  return query_flag (db,
                     "SELECT coalesce ((SELECT max (issue_date) FROM invoices), 0) > ?1"
                     " OR coalesce ((SELECT max (date) FROM allocations), 0) > ?1",
                     day, after, error);
}

/**
 * _relance_ledger_disputes_after:
 * @day: the day the ledger is seen from
 * @after: (out): whether a dispute was opened, resolved or cancelled after
 *   @day
 *
 * When none was, the disputes with the status "open" are those open at
 * @day. Reads every dispute (they are a few per cent of the invoices).
 *
 * Returns: %TRUE on success
 */
gboolean
_relance_ledger_disputes_after (RelanceDatabase  *db,
                                RelanceDay        day,
                                gboolean         *after,
                                GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (after != NULL, FALSE);

  return query_flag (db,
                     "SELECT coalesce ((SELECT max (opened_on) FROM disputes), 0) > ?1"
                     " OR EXISTS (SELECT 1 FROM disputes WHERE resolved_on > ?1)",
                     day, after, error);
}
