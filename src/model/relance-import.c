/* relance-import.c
 *
 * Applies what a parser read to the ledger. Everything happens inside one
 * savepoint: a dry run, or a refusal because of bad rows, rolls it back, so
 * the summary a user reads before importing is computed by the very code
 * that imports.
 *
 * Re-importing the same file changes nothing:
 *  - customers match on code, else on SIREN; only the fields the file gives
 *    and that differ are updated;
 *  - invoices match on number; their dates and amount follow the file (an
 *    amount below what was already settled is refused);
 *  - when the file says how much is still open on an invoice and Relance has
 *    more open, the difference is recorded as a payment dated the day of the
 *    import; when the file has less settled than Relance, Relance keeps its
 *    payments and says so (a warning);
 *  - payments match on customer and reference;
 *  - allocations are added only for the part not allocated yet between the
 *    same invoice and payment or credit note.
 * Nothing is ever deleted.
 *
 * A big import (many rows for the size of the ledger) takes the bulk path,
 * which writes exactly what the row-by-row path writes, only faster: the
 * ledger's invoices and payments are read once into hash tables that the
 * import keeps up to date instead of being looked up row by row; new rows
 * are inserted many to a statement (invoices and payments get their ids
 * from the import, the next ones SQLite would have given); the allocations'
 * trigger is set aside and its work done in the hash tables, so that new
 * invoices and payments are inserted with what is allocated of them and
 * older ones updated once; and, when the import adds about as many rows as
 * the ledger has, the indexes it does not read are dropped and built again
 * once. All of it inside the import's transaction: a failure or a cancel
 * rolls it all back, the trigger and the indexes included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-checks-private.h"
#include "relance-error.h"
#include "relance-import-private.h"
#include "relance-ledger-private.h"
#include "relance-money.h"
#include "relance-schema-private.h"
#include "relance-text.h"

enum
{
  ST_CUSTOMER_BY_CODE,
  ST_CUSTOMER_BY_SIREN,
  ST_CUSTOMER_INSERT,
  ST_CUSTOMER_UPDATE,
  ST_INVOICE_BY_NUMBER,
  ST_INVOICE_INSERT,
  ST_INVOICE_UPDATE,
  ST_PAYMENT_BY_REFERENCE,
  ST_PAYMENT_INSERT,
  ST_ALLOCATION_SUM_PAYMENT,
  ST_ALLOCATION_SUM_CREDIT,
  ST_ALLOCATION_INSERT_PAYMENT,
  ST_ALLOCATION_INSERT_CREDIT,
  ST_INVOICE_SET_ALLOCATED,
  ST_PAYMENT_SET_ALLOCATED,
  N_STATEMENTS
};

static const char * const statement_sql[N_STATEMENTS] = {
  [ST_CUSTOMER_BY_CODE] =
    "SELECT id, code, name, siren, address, postcode, city, country, email, payment_terms"
    " FROM customers WHERE code = ?1",
  [ST_CUSTOMER_BY_SIREN] =
    "SELECT id, code, name, siren, address, postcode, city, country, email, payment_terms"
    " FROM customers WHERE siren = ?1 AND siren <> '' ORDER BY id LIMIT 1",
  [ST_CUSTOMER_INSERT] =
    "INSERT INTO customers (code, name, sort_key, siren, address, postcode, city, country,"
    " email, payment_terms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [ST_CUSTOMER_UPDATE] =
    "UPDATE customers SET name = ?2, sort_key = ?3, siren = ?4, address = ?5, postcode = ?6,"
    " city = ?7, country = ?8, email = ?9, payment_terms = ?10 WHERE id = ?1",
  [ST_INVOICE_BY_NUMBER] =
    "SELECT id, customer_id, kind = 'credit_note', issue_date, due_date, amount, allocated,"
    " currency FROM invoices WHERE number = ?1",
  [ST_INVOICE_INSERT] =
    "INSERT INTO invoices (customer_id, number, kind, issue_date, due_date, amount, currency,"
    " source, source_ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [ST_INVOICE_UPDATE] =
    "UPDATE invoices SET issue_date = ?2, due_date = ?3, amount = ?4, currency = ?5 WHERE id = ?1",
  [ST_PAYMENT_BY_REFERENCE] =
    "SELECT id, amount - allocated FROM payments WHERE customer_id = ?1 AND reference = ?2"
    " AND reference <> '' ORDER BY id LIMIT 1",
  [ST_PAYMENT_INSERT] =
    "INSERT INTO payments (customer_id, date, amount, method, reference)"
    " VALUES (?1, ?2, ?3, 'transfer', ?4)",
  [ST_ALLOCATION_SUM_PAYMENT] =
    "SELECT coalesce (sum (amount), 0) FROM allocations WHERE invoice_id = ?1 AND payment_id = ?2",
  [ST_ALLOCATION_SUM_CREDIT] =
    "SELECT coalesce (sum (amount), 0) FROM allocations WHERE invoice_id = ?1 AND credit_note_id = ?2",
  [ST_ALLOCATION_INSERT_PAYMENT] =
    "INSERT INTO allocations (invoice_id, payment_id, date, amount) VALUES (?1, ?2, ?3, ?4)",
  [ST_ALLOCATION_INSERT_CREDIT] =
    "INSERT INTO allocations (invoice_id, credit_note_id, date, amount) VALUES (?1, ?2, ?3, ?4)",
  /* The bulk path's, in the place of the allocations' trigger */
  [ST_INVOICE_SET_ALLOCATED] =
    "UPDATE invoices SET allocated = ?2, settled_date = ?3 WHERE id = ?1",
  [ST_PAYMENT_SET_ALLOCATED] =
    "UPDATE payments SET allocated = ?2 WHERE id = ?1",
};

typedef struct
{
  gint64 id;
  int    payment_terms;
} CustomerRef;

typedef struct
{
  gint64     id;
  gint64     customer_id;
  gboolean   credit_note;
  RelanceDay issue_date;
  RelanceDay due_date;
  gint64     amount;
  gint64     allocated;
  char      *currency;
  /* The bulk path's copy of the ledger: */
  RelanceDay settled_date;   /* RELANCE_DAY_NONE: NULL */
  gboolean   written;        /* the row is in the ledger */
  gboolean   dirty;          /* allocated and settled_date are not */
} InvoiceRow;

/* A payment the import may allocate (bulk path): one of the ledger with a
 * reference, or one the import adds. */
typedef struct
{
  gint64   id;
  gint64   amount;
  gint64   allocated;
  gboolean written;
  gboolean dirty;
} KnownPayment;

/* Rows waiting to be inserted many to a statement (bulk path). */
typedef struct
{
  InvoiceRow *row;           /* the known one */
  const char *number;        /* in the arena */
  const char *source_ref;    /* the batch's */
} PendingInvoice;

typedef struct
{
  KnownPayment *payment;
  gint64        customer_id;
  RelanceDay    date;
  const char   *reference;   /* in the arena */
} PendingPayment;

typedef struct
{
  gint64      invoice_id;
  gint64      payment_id;      /* 0: NULL */
  gint64      credit_note_id;  /* 0: NULL */
  RelanceDay  date;
  gint64      amount;
} PendingAllocation;

enum
{
  PENDING_INVOICES,
  PENDING_PAYMENTS,
  PENDING_ALLOCATIONS,
  N_PENDING
};

/* What ST_INVOICE_INSERT, ST_PAYMENT_INSERT and ST_ALLOCATION_INSERT_*
 * insert, with the ids of invoices and payments given, and what the
 * allocations' trigger would have made of them. A statement inserts one
 * row, or BULK_ROWS. */
static const struct
{
  const char *insert;
  const char *row;
  int         n_params;
} bulk_sql[N_PENDING] = {
  [PENDING_INVOICES] = {
    "INSERT INTO invoices (id, customer_id, number, kind, issue_date, due_date, amount, allocated,"
    " settled_date, currency, source, source_ref) VALUES ",
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 12 },
  [PENDING_PAYMENTS] = {
    "INSERT INTO payments (id, customer_id, date, amount, allocated, method, reference) VALUES ",
    "(?, ?, ?, ?, ?, 'transfer', ?)", 6 },
  [PENDING_ALLOCATIONS] = {
    "INSERT INTO allocations (invoice_id, payment_id, credit_note_id, date, amount) VALUES ",
    "(?, ?, ?, ?, ?)", 5 },
};

#define BULK_ROWS 64

/* An invoice or payment this import created: what allocating to it needs,
 * kept here rather than read back. */
typedef struct
{
  gint64   id;
  gint64   customer_id;
  gboolean credit_note;
  gint64   amount;
  gint64   allocated;
} Fresh;

/* Memory for what an import keeps until it ends (the keys and values of
 * its hash tables, the rows waiting to be inserted), given back at once:
 * a big import makes millions of them. */
typedef struct
{
  GPtrArray *blocks;
  char      *next;
  gsize      left;
} Arena;

#define ARENA_BLOCK_SIZE (1024 * 1024)

typedef struct
{
  RelanceDatabase      *db;
  RelanceImportBatch   *batch;
  RelanceImportSummary *summary;
  RelanceDay            today;
  const char           *source_name;
  Arena                 arena;         /* the hash tables' keys and values */
  GString              *scratch;       /* lookup keys, one at a time */
  GString              *number_key;    /* apply_allocation()'s */
  GString              *credit_key;
  GString              *payment_key;
  GHashTable           *customers;     /* folded code -> CustomerRef */
  GHashTable           *bad_invoices;  /* numbers refused, folded */
  GHashTable           *fresh_invoices; /* folded number -> Fresh, created by this import */
  GHashTable           *fresh_payments; /* "customer id:reference" -> Fresh, likewise */
  sqlite3_stmt         *stmts[N_STATEMENTS];
  /* The bulk path */
  gboolean              bulk;
  GHashTable           *known_invoices;      /* number in ASCII lower case (NOCASE) -> InvoiceRow */
  GHashTable           *known_invoice_ids;   /* &id -> the same InvoiceRow */
  GHashTable           *known_payments;      /* "customer id:reference" -> KnownPayment */
  GHashTable           *known_payment_ids;   /* &id -> the same KnownPayment */
  gint64                next_invoice_id;
  gint64                next_payment_id;
  char                 *allocation_trigger;  /* set aside, to create again */
  GPtrArray            *dirty_invoices;      /* written InvoiceRows, dirty */
  GPtrArray            *dirty_payments;      /* written KnownPayments, dirty */
  GArray               *pending[N_PENDING];
  sqlite3_stmt         *bulk_stmts[N_PENDING][2];  /* one row, BULK_ROWS rows */
  GCancellable         *cancellable;
  RelanceImportProgressFunc progress;
  gpointer              progress_data;
  guint                 done;
  guint                 total;
} Applier;

static void
invoice_row_clear (InvoiceRow *row)
{
  g_clear_pointer (&row->currency, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceRow, invoice_row_clear)

static void
free_buffer (GString **buffer)
{
  if (*buffer != NULL)
    g_string_free (g_steal_pointer (buffer), TRUE);
}

static void
applier_clear (Applier *self)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  for (guint i = 0; i < N_PENDING; i++)
    {
      g_clear_pointer (&self->bulk_stmts[i][0], sqlite3_finalize);
      g_clear_pointer (&self->bulk_stmts[i][1], sqlite3_finalize);
      g_clear_pointer (&self->pending[i], g_array_unref);
    }
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->bad_invoices, g_hash_table_unref);
  g_clear_pointer (&self->fresh_invoices, g_hash_table_unref);
  g_clear_pointer (&self->fresh_payments, g_hash_table_unref);
  g_clear_pointer (&self->known_invoice_ids, g_hash_table_unref);
  g_clear_pointer (&self->known_invoices, g_hash_table_unref);
  g_clear_pointer (&self->known_payments, g_hash_table_unref);
  g_clear_pointer (&self->known_payment_ids, g_hash_table_unref);
  g_clear_pointer (&self->dirty_invoices, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_payments, g_ptr_array_unref);
  g_clear_pointer (&self->allocation_trigger, g_free);
  g_clear_pointer (&self->arena.blocks, g_ptr_array_unref);
  self->arena.next = NULL;
  self->arena.left = 0;
  free_buffer (&self->scratch);
  free_buffer (&self->number_key);
  free_buffer (&self->credit_key);
  free_buffer (&self->payment_key);
}

static sqlite3_stmt *
get_statement (Applier  *self,
               guint     which,
               GError  **error)
{
  if (self->stmts[which] == NULL)
    self->stmts[which] = _relance_database_prepare (self->db, statement_sql[which], error);
  else
    {
      sqlite3_reset (self->stmts[which]);
      sqlite3_clear_bindings (self->stmts[which]);
    }

  return self->stmts[which];
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer memory;

  size = (size + 15) & ~(gsize)15;
  if (size > arena->left)
    {
      gsize block = MAX (size, ARENA_BLOCK_SIZE);

      if (arena->blocks == NULL)
        arena->blocks = g_ptr_array_new_with_free_func (g_free);
      arena->next = g_malloc (block);
      arena->left = block;
      g_ptr_array_add (arena->blocks, arena->next);
    }
  memory = arena->next;
  arena->next += size;
  arena->left -= size;
  return memory;
}

static gpointer
arena_memdup (Arena         *arena,
              gconstpointer  data,
              gsize          size)
{
  return memcpy (arena_alloc (arena, size), data, size);
}

static char *
arena_strdup (Arena      *arena,
              const char *text)
{
  return text != NULL ? arena_memdup (arena, text, strlen (text) + 1) : NULL;
}

/* g_ascii_strdown() of @length bytes of @text into @buffer: how NOCASE
 * compares. */
static const char *
lower_into (GString    *buffer,
            const char *text,
            gsize       length)
{
  g_string_truncate (buffer, 0);
  for (gsize i = 0; i < length; i++)
    g_string_append_c (buffer, g_ascii_tolower (text[i]));
  return buffer->str;
}

/* How codes and numbers are matched (trimmed, ASCII letters in lower case,
 * as NOCASE compares), written into @buffer. */
static const char *
fold_into (GString    *buffer,
           const char *code)
{
  const char *start = code != NULL ? code : "";
  const char *end;

  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return lower_into (buffer, start, (gsize)(end - start));
}

/* "customer id:reference", how this import knows payments. */
static const char *
payment_key_into (GString    *buffer,
                  gint64      customer_id,
                  const char *reference)
{
  char id[24];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, customer_id);
  g_string_assign (buffer, id);
  g_string_append_c (buffer, ':');
  g_string_append (buffer, reference != NULL ? reference : "(null)");
  return buffer->str;
}

static RelanceImportProblem *
problem_new (const char *file,
             guint       line,
             const char *column,
             char       *reason)
{
  RelanceImportProblem *problem = g_new0 (RelanceImportProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = g_strdup (column);
  problem->reason = reason;
  return problem;
}

static void
add_problem (Applier    *self,
             GPtrArray  *list,
             guint       line,
             const char *column,
             const char *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
add_problem (Applier    *self,
             GPtrArray  *list,
             guint       line,
             const char *column,
             const char *format,
             ...)
{
  va_list args;
  char *reason;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (list, problem_new (self->batch->file, line, column, reason));
}

/* The bulk path: what the import knows of the ledger, and the rows it
 * inserts many to a statement */

static InvoiceRow *
know_invoice (Applier          *self,
              const char       *number,
              const InvoiceRow *row)
{
  InvoiceRow *known = arena_memdup (&self->arena, row, sizeof *row);

  known->currency = arena_strdup (&self->arena, row->currency);
  g_hash_table_insert (self->known_invoices,
                       arena_strdup (&self->arena, lower_into (self->scratch, number, strlen (number))), known);
  g_hash_table_insert (self->known_invoice_ids, &known->id, known);
  return known;
}

/* Every payment the import may allocate is known by its id; like
 * ST_PAYMENT_BY_REFERENCE, the first one with a reference is the one found
 * by it. */
static KnownPayment *
know_payment (Applier    *self,
              gint64      customer_id,
              const char *reference,
              gint64      id,
              gint64      amount,
              gint64      allocated,
              gboolean    written)
{
  KnownPayment *known = arena_alloc (&self->arena, sizeof *known);
  const char *key;

  known->id = id;
  known->amount = amount;
  known->allocated = allocated;
  known->written = written;
  known->dirty = FALSE;
  g_hash_table_insert (self->known_payment_ids, &known->id, known);

  if (reference == NULL || *reference == '\0')
    return known;
  key = payment_key_into (self->scratch, customer_id, reference);
  if (!g_hash_table_contains (self->known_payments, key))
    g_hash_table_insert (self->known_payments, arena_strdup (&self->arena, key), known);
  return known;
}

/* What the allocations' trigger does to an invoice or a credit note. */
static void
allocate_to_invoice (Applier    *self,
                     InvoiceRow *row,
                     RelanceDay  date,
                     gint64      amount)
{
  row->allocated += amount;
  row->settled_date = row->allocated == row->amount ? MAX (date, row->settled_date) : RELANCE_DAY_NONE;
  if (row->written && !row->dirty)
    g_ptr_array_add (self->dirty_invoices, row);
  row->dirty = TRUE;
}

static void
allocate_from_payment (Applier      *self,
                       KnownPayment *payment,
                       gint64        amount)
{
  payment->allocated += amount;
  if (payment->written && !payment->dirty)
    g_ptr_array_add (self->dirty_payments, payment);
  payment->dirty = TRUE;
}

/* Starts the bulk path: reads the invoices of the ledger, and its payments
 * with a reference. */
static gboolean
start_bulk (Applier  *self,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) invoices = NULL;
  g_autoptr(sqlite3_stmt) payments = NULL;
  gboolean has_row;
  gboolean ok;

  self->known_invoices = g_hash_table_new (g_str_hash, g_str_equal);
  self->known_invoice_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->known_payments = g_hash_table_new (g_str_hash, g_str_equal);
  self->known_payment_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->dirty_invoices = g_ptr_array_new ();
  self->dirty_payments = g_ptr_array_new ();
  self->pending[PENDING_INVOICES] = g_array_new (FALSE, FALSE, sizeof (PendingInvoice));
  self->pending[PENDING_PAYMENTS] = g_array_new (FALSE, FALSE, sizeof (PendingPayment));
  self->pending[PENDING_ALLOCATIONS] = g_array_new (FALSE, FALSE, sizeof (PendingAllocation));

  invoices = _relance_database_prepare (self->db,
                                        "SELECT id, number, customer_id, kind = 'credit_note', issue_date,"
                                        " due_date, amount, allocated, currency, coalesce (settled_date, 0)"
                                        " FROM invoices",
                                        error);
  if (invoices == NULL)
    return FALSE;
  while ((ok = _relance_database_step (self->db, invoices, &has_row, error)) && has_row)
    {
      InvoiceRow row = {
        .id = sqlite3_column_int64 (invoices, 0),
        .customer_id = sqlite3_column_int64 (invoices, 2),
        .credit_note = sqlite3_column_int (invoices, 3) != 0,
        .issue_date = sqlite3_column_int (invoices, 4),
        .due_date = sqlite3_column_int (invoices, 5),
        .amount = sqlite3_column_int64 (invoices, 6),
        .allocated = sqlite3_column_int64 (invoices, 7),
        .currency = (char *)sqlite3_column_text (invoices, 8),
        .settled_date = sqlite3_column_int (invoices, 9),
        .written = TRUE,
      };

      know_invoice (self, (const char *)sqlite3_column_text (invoices, 1), &row);
    }
  if (!ok)
    return FALSE;

  payments = _relance_database_prepare (self->db,
                                        "SELECT id, customer_id, reference, amount, allocated"
                                        " FROM payments WHERE reference <> '' ORDER BY id",
                                        error);
  if (payments == NULL)
    return FALSE;
  while ((ok = _relance_database_step (self->db, payments, &has_row, error)) && has_row)
    know_payment (self, sqlite3_column_int64 (payments, 1),
                  (const char *)sqlite3_column_text (payments, 2),
                  sqlite3_column_int64 (payments, 0), sqlite3_column_int64 (payments, 3),
                  sqlite3_column_int64 (payments, 4), TRUE);
  if (!ok)
    return FALSE;
  g_clear_pointer (&invoices, sqlite3_finalize);
  g_clear_pointer (&payments, sqlite3_finalize);

  /* Set aside: choose_path() saw it is the one the import stands in for. */
  return _relance_database_exec (self->db, "DROP TRIGGER allocations_insert", error);
}

static sqlite3_stmt *
get_bulk_statement (Applier   *self,
                    guint      kind,
                    gboolean   many,
                    GError   **error)
{
  sqlite3_stmt **stmt = &self->bulk_stmts[kind][many ? 1 : 0];

  if (*stmt == NULL)
    {
      /* Only the placeholders are repeated; the values are bound. */
      g_autoptr(GString) sql = g_string_new (bulk_sql[kind].insert);

      for (guint i = 0; i < (many ? BULK_ROWS : 1); i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          g_string_append (sql, bulk_sql[kind].row);
        }
      *stmt = _relance_database_prepare (self->db, sql->str, error);
    }

  return *stmt;
}

/* Binds @row from parameter @first on, as the ledger will have it (an
 * invoice or a payment is then written). The strings are not copied: the
 * statement runs before the row goes. */
static void
bind_pending (Applier       *self,
              sqlite3_stmt  *stmt,
              guint          kind,
              gconstpointer  row,
              int            first)
{
  switch (kind)
    {
    case PENDING_INVOICES:
      {
        const PendingInvoice *pending = row;
        InvoiceRow *invoice = pending->row;

        sqlite3_bind_int64 (stmt, first, invoice->id);
        sqlite3_bind_int64 (stmt, first + 1, invoice->customer_id);
        sqlite3_bind_text (stmt, first + 2, pending->number, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, first + 3, invoice->credit_note ? "credit_note" : "invoice", -1,
                           SQLITE_STATIC);
        sqlite3_bind_int (stmt, first + 4, invoice->issue_date);
        sqlite3_bind_int (stmt, first + 5, invoice->due_date);
        sqlite3_bind_int64 (stmt, first + 6, invoice->amount);
        sqlite3_bind_int64 (stmt, first + 7, invoice->allocated);
        if (invoice->settled_date != RELANCE_DAY_NONE)
          sqlite3_bind_int (stmt, first + 8, invoice->settled_date);
        else
          sqlite3_bind_null (stmt, first + 8);
        sqlite3_bind_text (stmt, first + 9, invoice->currency, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, first + 10, self->source_name, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, first + 11, pending->source_ref, -1, SQLITE_STATIC);
        invoice->written = TRUE;
        invoice->dirty = FALSE;
      }
      break;

    case PENDING_PAYMENTS:
      {
        const PendingPayment *pending = row;
        KnownPayment *payment = pending->payment;

        sqlite3_bind_int64 (stmt, first, payment->id);
        sqlite3_bind_int64 (stmt, first + 1, pending->customer_id);
        sqlite3_bind_int (stmt, first + 2, pending->date);
        sqlite3_bind_int64 (stmt, first + 3, payment->amount);
        sqlite3_bind_int64 (stmt, first + 4, payment->allocated);
        sqlite3_bind_text (stmt, first + 5, pending->reference, -1, SQLITE_STATIC);
        payment->written = TRUE;
        payment->dirty = FALSE;
      }
      break;

    case PENDING_ALLOCATIONS:
      {
        const PendingAllocation *allocation = row;

        sqlite3_bind_int64 (stmt, first, allocation->invoice_id);
        if (allocation->payment_id != 0)
          sqlite3_bind_int64 (stmt, first + 1, allocation->payment_id);
        else
          sqlite3_bind_null (stmt, first + 1);
        if (allocation->credit_note_id != 0)
          sqlite3_bind_int64 (stmt, first + 2, allocation->credit_note_id);
        else
          sqlite3_bind_null (stmt, first + 2);
        sqlite3_bind_int (stmt, first + 3, allocation->date);
        sqlite3_bind_int64 (stmt, first + 4, allocation->amount);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Counts @n rows written at the end of a bulk import as work done: reports
 * progress now and then, and stops (so that the caller rolls back) once
 * the import is cancelled. */
static gboolean
count_written (Applier  *self,
               guint     n,
               GError  **error)
{
  guint before = self->done;

  /* The last unit of work is the end of the import. */
  self->done = MIN (self->done + n, MAX (self->total, 1) - 1);
  if (before / 256 == self->done / 256)
    return TRUE;
  if (self->progress != NULL)
    self->progress (self->done, self->total, self->progress_data);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
flush_kind (Applier  *self,
            guint     kind,
            GError  **error)
{
  GArray *rows = self->pending[kind];
  guint size = g_array_get_element_size (rows);
  guint done = 0;

  while (done < rows->len)
    {
      gboolean many = rows->len - done >= BULK_ROWS;
      guint n = many ? BULK_ROWS : 1;
      sqlite3_stmt *stmt = get_bulk_statement (self, kind, many, error);
      gboolean ok;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        bind_pending (self, stmt, kind, rows->data + (gsize)(done + i) * size,
                      (int)i * bulk_sql[kind].n_params + 1);
      ok = _relance_database_run (self->db, stmt, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (!ok || !count_written (self, n, error))
        return FALSE;
      done += n;
    }

  g_array_set_size (rows, 0);
  return TRUE;
}

/* Writes what the allocations' trigger would have written to invoices and
 * payments already in the ledger. */
static gboolean
flush_dirty (Applier  *self,
             GError  **error)
{
  for (guint i = 0; i < self->dirty_invoices->len; i++)
    {
      InvoiceRow *row = g_ptr_array_index (self->dirty_invoices, i);
      sqlite3_stmt *stmt = get_statement (self, ST_INVOICE_SET_ALLOCATED, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, row->allocated);
      if (row->settled_date != RELANCE_DAY_NONE)
        sqlite3_bind_int (stmt, 3, row->settled_date);
      if (!_relance_database_run (self->db, stmt, error))
        return FALSE;
      row->dirty = FALSE;
    }
  g_ptr_array_set_size (self->dirty_invoices, 0);

  for (guint i = 0; i < self->dirty_payments->len; i++)
    {
      KnownPayment *payment = g_ptr_array_index (self->dirty_payments, i);
      sqlite3_stmt *stmt = get_statement (self, ST_PAYMENT_SET_ALLOCATED, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, payment->id);
      sqlite3_bind_int64 (stmt, 2, payment->allocated);
      if (!_relance_database_run (self->db, stmt, error))
        return FALSE;
      payment->dirty = FALSE;
    }
  g_ptr_array_set_size (self->dirty_payments, 0);

  return TRUE;
}

/* Inserts the rows waiting, parents first, and updates the invoices and
 * payments they settle: before anything reads or changes the tables they
 * go to. */
static gboolean
flush_pending (Applier  *self,
               GError  **error)
{
  if (!self->bulk)
    return TRUE;

  for (guint kind = 0; kind < N_PENDING; kind++)
    if (!flush_kind (self, kind, error))
      return FALSE;

  return flush_dirty (self, error);
}

/* Customers */

static gboolean
differs (const char *new_value,
         const char *old_value)
{
  return new_value != NULL && *new_value != '\0' && g_strcmp0 (new_value, old_value) != 0;
}

static const char *
pick (const char *new_value,
      const char *old_value)
{
  return new_value != NULL && *new_value != '\0' ? new_value : old_value;
}

static gboolean
apply_customer (Applier                *self,
                RelanceImportCustomer  *record,
                GError                **error)
{
  g_autofree char *code = trimmed (record->code);
  g_autofree char *name = trimmed (record->name);
  g_autofree char *siren = trimmed (record->siren);
  g_autofree char *country = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_row = FALSE;
  CustomerRef ref = { 0 };

  if (record->country != NULL && *record->country != '\0')
    {
      country = g_ascii_strup (g_strstrip (record->country), -1);
      if (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1]))
        {
          add_problem (self, self->summary->warnings, record->line, NULL,
                       _("“%s” is not a country code: the customer’s country was left as it was"),
                       country);
          g_clear_pointer (&country, g_free);
        }
    }

  if (*code == '\0' && *siren == '\0')
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("The customer has neither a code nor a SIREN"));
      return TRUE;
    }

  if (*code != '\0')
    {
      stmt = get_statement (self, ST_CUSTOMER_BY_CODE, error);
      if (stmt == NULL)
        return FALSE;
      _relance_bind_text (stmt, 1, code);
      if (!_relance_database_step (self->db, stmt, &has_row, error))
        return FALSE;
    }
  if (!has_row && *siren != '\0')
    {
      stmt = get_statement (self, ST_CUSTOMER_BY_SIREN, error);
      if (stmt == NULL)
        return FALSE;
      _relance_bind_text (stmt, 1, siren);
      if (!_relance_database_step (self->db, stmt, &has_row, error))
        return FALSE;
    }

  if (has_row)
    {
      g_autofree char *old_code = _relance_column_dup (stmt, 1);
      g_autofree char *old_name = _relance_column_dup (stmt, 2);
      g_autofree char *old_siren = _relance_column_dup (stmt, 3);
      g_autofree char *old_address = _relance_column_dup (stmt, 4);
      g_autofree char *old_postcode = _relance_column_dup (stmt, 5);
      g_autofree char *old_city = _relance_column_dup (stmt, 6);
      g_autofree char *old_country = _relance_column_dup (stmt, 7);
      g_autofree char *old_email = _relance_column_dup (stmt, 8);
      int old_terms = sqlite3_column_int (stmt, 9);
      int terms = record->payment_terms >= 0 && record->payment_terms <= 365
                  ? record->payment_terms : old_terms;

      ref.id = sqlite3_column_int64 (stmt, 0);
      ref.payment_terms = terms;

      if (differs (name, old_name) || differs (siren, old_siren) ||
          differs (record->address, old_address) || differs (record->postcode, old_postcode) ||
          differs (record->city, old_city) || differs (country, old_country) ||
          differs (record->email, old_email) || terms != old_terms)
        {
          g_autofree char *sort_key = relance_text_fold (pick (name, old_name));

          stmt = get_statement (self, ST_CUSTOMER_UPDATE, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, ref.id);
          _relance_bind_text (stmt, 2, pick (name, old_name));
          _relance_bind_text (stmt, 3, sort_key);
          _relance_bind_text (stmt, 4, pick (siren, old_siren));
          _relance_bind_text (stmt, 5, pick (record->address, old_address));
          _relance_bind_text (stmt, 6, pick (record->postcode, old_postcode));
          _relance_bind_text (stmt, 7, pick (record->city, old_city));
          _relance_bind_text (stmt, 8, pick (country, old_country));
          _relance_bind_text (stmt, 9, pick (record->email, old_email));
          sqlite3_bind_int (stmt, 10, terms);
          if (!_relance_database_run (self->db, stmt, error))
            return FALSE;
          self->summary->customers_updated++;
        }

      /* The batch's invoices may name the customer by its code in the
       * ledger or by the code of the file. */
      g_hash_table_insert (self->customers, arena_strdup (&self->arena, fold_into (self->scratch, old_code)),
                           arena_memdup (&self->arena, &ref, sizeof ref));
    }
  else
    {
      g_autofree char *sort_key = NULL;
      int terms = record->payment_terms >= 0 && record->payment_terms <= 365
                  ? record->payment_terms
                  : CLAMP (self->batch->default_terms, 0, 365);

      if (*code == '\0')
        {
          g_free (code);
          code = g_strdup (siren);
        }
      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup (code);
        }
      sort_key = relance_text_fold (name);

      stmt = get_statement (self, ST_CUSTOMER_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      _relance_bind_text (stmt, 1, code);
      _relance_bind_text (stmt, 2, name);
      _relance_bind_text (stmt, 3, sort_key);
      _relance_bind_text (stmt, 4, siren);
      _relance_bind_text (stmt, 5, record->address ? record->address : "");
      _relance_bind_text (stmt, 6, record->postcode ? record->postcode : "");
      _relance_bind_text (stmt, 7, record->city ? record->city : "");
      _relance_bind_text (stmt, 8, country ? country : "FR");
      _relance_bind_text (stmt, 9, record->email ? record->email : "");
      sqlite3_bind_int (stmt, 10, terms);
      if (!_relance_database_run (self->db, stmt, error))
        return FALSE;
      ref.id = sqlite3_last_insert_rowid (_relance_database_get_handle (self->db));
      ref.payment_terms = terms;
      self->summary->customers_new++;
    }

  /* Later records find the customer by the code the file used, or by its
   * SIREN when it had none. */
  if (*code != '\0')
    g_hash_table_insert (self->customers, arena_strdup (&self->arena, fold_into (self->scratch, code)),
                         arena_memdup (&self->arena, &ref, sizeof ref));
  if (*siren != '\0')
    g_hash_table_insert (self->customers, arena_strdup (&self->arena, fold_into (self->scratch, siren)),
                         arena_memdup (&self->arena, &ref, sizeof ref));

  return TRUE;
}

/* Finds the customer a record names, in the batch or in the ledger.
 * Returns: %FALSE on a database error; *ref is %NULL if there is none. */
static gboolean
resolve_customer (Applier      *self,
                  const char   *code,
                  CustomerRef **ref,
                  GError      **error)
{
  const char *key = fold_into (self->scratch, code);
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  CustomerRef *found;

  *ref = g_hash_table_lookup (self->customers, key);
  if (*ref != NULL || *key == '\0')
    return TRUE;

  clean = trimmed (code);
  stmt = get_statement (self, ST_CUSTOMER_BY_CODE, error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, clean);
  if (!_relance_database_step (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  found = arena_alloc (&self->arena, sizeof *found);
  found->id = sqlite3_column_int64 (stmt, 0);
  found->payment_terms = sqlite3_column_int (stmt, 9);
  g_hash_table_insert (self->customers, arena_strdup (&self->arena, fold_into (self->scratch, code)), found);
  *ref = found;
  return TRUE;
}

/* Invoices */

static gboolean
find_invoice (Applier     *self,
              const char  *number,
              InvoiceRow  *row,
              gboolean    *found,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->bulk)
    {
      /* NOCASE folds ASCII letters only, as g_ascii_strdown() does. */
      const InvoiceRow *known = number != NULL ? g_hash_table_lookup (self->known_invoices,
                                                                      lower_into (self->scratch, number, strlen (number)))
                                               : NULL;

      *found = known != NULL;
      if (known != NULL)
        {
          *row = *known;
          row->currency = g_strdup (known->currency);
        }
      return TRUE;
    }

  stmt = get_statement (self, ST_INVOICE_BY_NUMBER, error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, number);
  if (!_relance_database_step (self->db, stmt, found, error))
    return FALSE;
  if (*found)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->customer_id = sqlite3_column_int64 (stmt, 1);
      row->credit_note = sqlite3_column_int (stmt, 2) != 0;
      row->issue_date = sqlite3_column_int (stmt, 3);
      row->due_date = sqlite3_column_int (stmt, 4);
      row->amount = sqlite3_column_int64 (stmt, 5);
      row->allocated = sqlite3_column_int64 (stmt, 6);
      row->currency = _relance_column_dup (stmt, 7);
    }

  return TRUE;
}

static gboolean
insert_payment (Applier     *self,
                gint64       customer_id,
                RelanceDay   date,
                gint64       amount,
                const char  *reference,
                gint64      *payment_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->bulk)
    {
      PendingPayment row = {
        .payment = know_payment (self, customer_id, reference, self->next_payment_id++, amount, 0, FALSE),
        .customer_id = customer_id,
        .date = date,
        .reference = arena_strdup (&self->arena, reference),
      };

      g_array_append_val (self->pending[PENDING_PAYMENTS], row);
      *payment_id = row.payment->id;
      self->summary->payments_new++;
      return TRUE;
    }

  stmt = get_statement (self, ST_PAYMENT_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  _relance_bind_text (stmt, 4, reference);
  if (!_relance_database_run (self->db, stmt, error))
    return FALSE;

  *payment_id = sqlite3_last_insert_rowid (_relance_database_get_handle (self->db));
  self->summary->payments_new++;
  return TRUE;
}

static gboolean
insert_allocation (Applier     *self,
                   gint64       invoice_id,
                   gint64       source_id,
                   gboolean     credit_note,
                   RelanceDay   date,
                   gint64       amount,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->bulk)
    {
      PendingAllocation row = {
        .invoice_id = invoice_id,
        .payment_id = credit_note ? 0 : source_id,
        .credit_note_id = credit_note ? source_id : 0,
        .date = date,
        .amount = amount,
      };
      InvoiceRow *invoice = g_hash_table_lookup (self->known_invoice_ids, &invoice_id);
      InvoiceRow *credit = credit_note ? g_hash_table_lookup (self->known_invoice_ids, &source_id) : NULL;
      KnownPayment *payment = credit_note ? NULL : g_hash_table_lookup (self->known_payment_ids, &source_id);

      /* Every invoice, and every payment it can find, is known. */
      if (invoice == NULL || (credit_note ? credit == NULL : payment == NULL))
        {
          g_critical ("An allocation between rows the import does not know: %" G_GINT64_FORMAT
                      ", %" G_GINT64_FORMAT, invoice_id, source_id);
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                       _("The ledger could not be updated: %s"),
                       "an allocation names an invoice or a payment the import does not know");
          return FALSE;
        }

      g_array_append_val (self->pending[PENDING_ALLOCATIONS], row);

      /* What the allocations' trigger does. */
      allocate_to_invoice (self, invoice, date, amount);
      if (credit_note)
        allocate_to_invoice (self, credit, date, amount);
      else
        allocate_from_payment (self, payment, amount);
      self->summary->allocations_new++;
      return TRUE;
    }

  stmt = get_statement (self, credit_note ? ST_ALLOCATION_INSERT_CREDIT
                                          : ST_ALLOCATION_INSERT_PAYMENT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  sqlite3_bind_int (stmt, 3, date);
  sqlite3_bind_int64 (stmt, 4, amount);
  if (!_relance_database_run (self->db, stmt, error))
    return FALSE;

  self->summary->allocations_new++;
  return TRUE;
}

static void
refuse_invoice (Applier    *self,
                const char *number)
{
  g_hash_table_add (self->bad_invoices, arena_strdup (&self->arena, fold_into (self->scratch, number)));
}

static gboolean
apply_invoice (Applier               *self,
               RelanceImportInvoice  *record,
               GError               **error)
{
  g_autofree char *number = trimmed (record->number);
  g_autofree char *currency = NULL;
  g_auto(InvoiceRow) row = { 0 };
  CustomerRef *customer = NULL;
  RelanceDay due;
  gboolean found = FALSE;
  gboolean changed = FALSE;
  sqlite3_stmt *stmt;

  currency = g_ascii_strup (record->currency && *record->currency ? record->currency : "EUR", -1);
  g_strstrip (currency);

  if (*number == '\0')
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("The invoice has no number"));
      return TRUE;
    }
  if (!resolve_customer (self, record->customer_code, &customer, error))
    return FALSE;
  if (customer == NULL)
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("Invoice %s: there is no customer with the code “%s”"),
                   number, record->customer_code ? record->customer_code : "");
      refuse_invoice (self, number);
      return TRUE;
    }
  if (!relance_day_is_valid (record->issue_date))
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("Invoice %s has no issue date"), number);
      refuse_invoice (self, number);
      return TRUE;
    }
  if (record->amount <= 0 || record->amount > RELANCE_MONEY_MAX)
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("Invoice %s: the amount must be more than zero"), number);
      refuse_invoice (self, number);
      return TRUE;
    }

  due = relance_day_is_valid (record->due_date) ? record->due_date
        : record->issue_date + customer->payment_terms;
  if (due < record->issue_date)
    {
      g_autofree char *due_text = relance_day_to_iso (due);
      g_autofree char *issued = relance_day_to_iso (record->issue_date);

      add_problem (self, self->summary->problems, record->line, NULL,
                   _("Invoice %s: the due date %s is before the issue date %s"),
                   number, due_text, issued);
      refuse_invoice (self, number);
      return TRUE;
    }

  if (!find_invoice (self, number, &row, &found, error))
    return FALSE;

  if (!found && self->bulk)
    {
      PendingInvoice pending = {
        .number = arena_strdup (&self->arena, number),
        .source_ref = record->source_ref ? record->source_ref : "",
      };

      row.id = self->next_invoice_id++;
      row.customer_id = customer->id;
      row.credit_note = record->credit_note;
      row.issue_date = record->issue_date;
      row.due_date = due;
      row.amount = record->amount;
      row.allocated = 0;
      row.currency = g_strdup (currency);
      row.settled_date = RELANCE_DAY_NONE;
      row.written = FALSE;
      row.dirty = FALSE;
      pending.row = know_invoice (self, number, &row);
      g_array_append_val (self->pending[PENDING_INVOICES], pending);
      if (record->credit_note)
        self->summary->credit_notes_new++;
      else
        self->summary->invoices_new++;
    }
  else if (!found)
    {
      stmt = get_statement (self, ST_INVOICE_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer->id);
      _relance_bind_text (stmt, 2, number);
      _relance_bind_text (stmt, 3, record->credit_note ? "credit_note" : "invoice");
      sqlite3_bind_int (stmt, 4, record->issue_date);
      sqlite3_bind_int (stmt, 5, due);
      sqlite3_bind_int64 (stmt, 6, record->amount);
      _relance_bind_text (stmt, 7, currency);
      _relance_bind_text (stmt, 8, self->source_name);
      _relance_bind_text (stmt, 9, record->source_ref ? record->source_ref : "");
      if (!_relance_database_run (self->db, stmt, error))
        return FALSE;

      row.id = sqlite3_last_insert_rowid (_relance_database_get_handle (self->db));
      row.customer_id = customer->id;
      row.credit_note = record->credit_note;
      row.amount = record->amount;
      row.allocated = 0;
      if (record->credit_note)
        self->summary->credit_notes_new++;
      else
        self->summary->invoices_new++;
    }
  else
    {
      if (row.customer_id != customer->id)
        {
          add_problem (self, self->summary->problems, record->line, NULL,
                       _("The number %s is already used by an invoice of another customer"),
                       number);
          refuse_invoice (self, number);
          return TRUE;
        }
      if (row.credit_note != record->credit_note)
        {
          add_problem (self, self->summary->problems, record->line, NULL,
                       record->credit_note
                       ? _("%s is an invoice in Relance but a credit note in the file")
                       : _("%s is a credit note in Relance but an invoice in the file"),
                       number);
          refuse_invoice (self, number);
          return TRUE;
        }
      if (record->amount < row.allocated)
        {
          g_autofree char *amount = _relance_format_amount (record->amount);
          g_autofree char *settled = _relance_format_amount (row.allocated);

          add_problem (self, self->summary->problems, record->line, NULL,
                       _("Invoice %s: the new amount %s is less than the %s already settled"),
                       number, amount, settled);
          refuse_invoice (self, number);
          return TRUE;
        }

      if (row.issue_date != record->issue_date || row.due_date != due ||
          row.amount != record->amount || g_strcmp0 (row.currency, currency) != 0)
        {
          /* The row, and the allocations its amount is checked against,
           * may still be waiting. */
          if (!flush_pending (self, error))
            return FALSE;
          stmt = get_statement (self, ST_INVOICE_UPDATE, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row.id);
          sqlite3_bind_int (stmt, 2, record->issue_date);
          sqlite3_bind_int (stmt, 3, due);
          sqlite3_bind_int64 (stmt, 4, record->amount);
          _relance_bind_text (stmt, 5, currency);
          if (!_relance_database_run (self->db, stmt, error))
            return FALSE;
          if (self->bulk)
            {
              InvoiceRow *known = g_hash_table_lookup (self->known_invoice_ids, &row.id);

              known->issue_date = record->issue_date;
              known->due_date = due;
              known->amount = record->amount;
              known->currency = arena_strdup (&self->arena, currency);
            }
          row.amount = record->amount;
          changed = TRUE;
        }
    }

  /* What the file says is still open. */
  if (record->open >= 0 && !row.credit_note)
    {
      gint64 open_here = row.amount - row.allocated;
      gint64 open_there = MIN (record->open, row.amount);

      if (open_there < open_here)
        {
          g_autofree char *reference = g_strdup_printf ("%s:%s", self->source_name, number);
          gint64 payment_id = 0;

          if (!insert_payment (self, customer->id, MAX (self->today, record->issue_date),
                               open_here - open_there, reference, &payment_id, error) ||
              !insert_allocation (self, row.id, payment_id, FALSE,
                                  MAX (self->today, record->issue_date),
                                  open_here - open_there, error))
            return FALSE;
          changed = TRUE;
        }
      else if (open_there > open_here)
        {
          g_autofree char *there = _relance_format_amount (open_there);
          g_autofree char *here = _relance_format_amount (open_here);

          add_problem (self, self->summary->warnings, record->line, NULL,
                       _("Invoice %s: the file says %s is open, Relance has %s open after "
                         "the payments it recorded; they were kept"),
                       number, there, here);
        }
    }

  if (found)
    {
      if (changed)
        self->summary->invoices_updated++;
      else
        self->summary->invoices_unchanged++;
    }
  else if (!changed)
    {
      Fresh *fresh = arena_alloc (&self->arena, sizeof *fresh);

      fresh->id = row.id;
      fresh->customer_id = customer->id;
      fresh->credit_note = row.credit_note;
      fresh->amount = row.amount;
      fresh->allocated = 0;
      g_hash_table_insert (self->fresh_invoices, arena_strdup (&self->arena, fold_into (self->scratch, number)),
                           fresh);
    }

  return TRUE;
}

/* Payments and allocations */

static gboolean
find_payment (Applier     *self,
              gint64       customer_id,
              const char  *reference,
              gint64      *payment_id,
              gint64      *unallocated,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row;

  *payment_id = 0;
  if (self->bulk)
    {
      const KnownPayment *known;

      if (reference == NULL || *reference == '\0')
        return TRUE;
      known = g_hash_table_lookup (self->known_payments,
                                   payment_key_into (self->scratch, customer_id, reference));
      if (known != NULL)
        {
          *payment_id = known->id;
          if (unallocated != NULL)
            *unallocated = known->amount - known->allocated;
        }
      return TRUE;
    }

  stmt = get_statement (self, ST_PAYMENT_BY_REFERENCE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  _relance_bind_text (stmt, 2, reference);
  if (!_relance_database_step (self->db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *payment_id = sqlite3_column_int64 (stmt, 0);
      if (unallocated != NULL)
        *unallocated = sqlite3_column_int64 (stmt, 1);
    }

  return TRUE;
}

static gboolean
apply_payment (Applier               *self,
               RelanceImportPayment  *record,
               GError               **error)
{
  CustomerRef *customer = NULL;
  gint64 payment_id = 0;

  if (!resolve_customer (self, record->customer_code, &customer, error))
    return FALSE;
  if (customer == NULL)
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("Payment: there is no customer with the code “%s”"),
                   record->customer_code ? record->customer_code : "");
      return TRUE;
    }
  if (record->amount <= 0 || record->amount > RELANCE_MONEY_MAX || !relance_day_is_valid (record->date))
    {
      add_problem (self, self->summary->problems, record->line, NULL,
                   _("The payment needs a date and an amount more than zero"));
      return TRUE;
    }

  if (record->reference != NULL && *record->reference != '\0' &&
      !find_payment (self, customer->id, record->reference, &payment_id, NULL, error))
    return FALSE;
  if (payment_id != 0)
    return TRUE;

  if (!insert_payment (self, customer->id, record->date, record->amount,
                       record->reference ? record->reference : "", &payment_id, error))
    return FALSE;

  if (record->reference != NULL && *record->reference != '\0')
    {
      Fresh *fresh = arena_alloc (&self->arena, sizeof *fresh);

      fresh->id = payment_id;
      fresh->customer_id = customer->id;
      fresh->credit_note = FALSE;
      fresh->amount = record->amount;
      fresh->allocated = 0;
      g_hash_table_insert (self->fresh_payments,
                           arena_strdup (&self->arena,
                                         payment_key_into (self->scratch, customer->id, record->reference)),
                           fresh);
    }

  return TRUE;
}

static gboolean
apply_allocation (Applier                  *self,
                  RelanceImportAllocation  *record,
                  GError                  **error)
{
  g_auto(InvoiceRow) invoice = { 0 };
  g_auto(InvoiceRow) credit = { 0 };
  g_autofree char *number = trimmed (record->invoice_number);
  gboolean by_credit_note = record->credit_note_number != NULL;
  gint64 source_id = 0;
  gint64 source_left = 0;
  gint64 already = 0;
  gint64 part;
  gboolean found = FALSE;
  sqlite3_stmt *stmt;

  const char *number_key = fold_into (self->number_key, number);
  const char *credit_key = fold_into (self->credit_key, record->credit_note_number);

  if (g_hash_table_contains (self->bad_invoices, number_key) ||
      (by_credit_note && g_hash_table_contains (self->bad_invoices, credit_key)))
    return TRUE;

  /* Both ends created by this import: nothing to read back. */
  {
    Fresh *target = g_hash_table_lookup (self->fresh_invoices, number_key);
    Fresh *source = NULL;

    if (target != NULL && !target->credit_note)
      {
        if (by_credit_note)
          source = g_hash_table_lookup (self->fresh_invoices, credit_key);
        else
          source = g_hash_table_lookup (self->fresh_payments,
                                        payment_key_into (self->payment_key, target->customer_id,
                                                          record->payment_reference));
      }
    if (source != NULL && (!by_credit_note || (source->credit_note && source->customer_id == target->customer_id)))
      {
        part = MIN (record->amount, MIN (target->amount - target->allocated, source->amount - source->allocated));
        if (part <= 0)
          return TRUE;
        if (!insert_allocation (self, target->id, source->id, by_credit_note,
                                relance_day_is_valid (record->date) ? record->date : self->today,
                                part, error))
          return FALSE;
        target->allocated += part;
        source->allocated += part;
        return TRUE;
      }
  }

  if (!find_invoice (self, number, &invoice, &found, error))
    return FALSE;
  if (!found || invoice.credit_note)
    return TRUE;

  if (by_credit_note)
    {
      if (!find_invoice (self, record->credit_note_number, &credit, &found, error))
        return FALSE;
      if (!found || !credit.credit_note || credit.customer_id != invoice.customer_id)
        return TRUE;
      source_id = credit.id;
      source_left = credit.amount - credit.allocated;
    }
  else
    {
      if (!find_payment (self, invoice.customer_id, record->payment_reference,
                         &source_id, &source_left, error))
        return FALSE;
      if (source_id == 0)
        return TRUE;
    }

  if (!flush_pending (self, error))
    return FALSE;
  stmt = get_statement (self, by_credit_note ? ST_ALLOCATION_SUM_CREDIT : ST_ALLOCATION_SUM_PAYMENT,
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice.id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  if (!_relance_database_step (self->db, stmt, &found, error))
    return FALSE;
  already = sqlite3_column_int64 (stmt, 0);

  part = MIN (record->amount - already, MIN (invoice.amount - invoice.allocated, source_left));
  if (part <= 0)
    return TRUE;

  if (!insert_allocation (self, invoice.id, source_id, by_credit_note,
                          relance_day_is_valid (record->date) ? record->date : self->today,
                          part, error))
    return FALSE;

  /* Keep what the fast path above knows in step. */
  {
    Fresh *target = g_hash_table_lookup (self->fresh_invoices, number_key);
    Fresh *source;

    if (by_credit_note)
      source = g_hash_table_lookup (self->fresh_invoices, credit_key);
    else
      source = g_hash_table_lookup (self->fresh_payments,
                                    payment_key_into (self->payment_key, invoice.customer_id,
                                                      record->payment_reference));
    if (target != NULL)
      target->allocated += part;
    if (source != NULL)
      source->allocated += part;
  }

  return TRUE;
}

static gboolean
log_import (Applier  *self,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelanceImportSummary *s = self->summary;

  stmt = _relance_database_prepare (self->db,
                                    "INSERT INTO import_log (source, file, customers_new,"
                                    " customers_updated, invoices_new, invoices_updated,"
                                    " payments_new, allocations_new, rows_skipped)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, self->source_name);
  _relance_bind_text (stmt, 2, self->batch->file ? self->batch->file : "");
  sqlite3_bind_int (stmt, 3, (int)s->customers_new);
  sqlite3_bind_int (stmt, 4, (int)s->customers_updated);
  sqlite3_bind_int (stmt, 5, (int)(s->invoices_new + s->credit_notes_new));
  sqlite3_bind_int (stmt, 6, (int)s->invoices_updated);
  sqlite3_bind_int (stmt, 7, (int)s->payments_new);
  sqlite3_bind_int (stmt, 8, (int)s->allocations_new);
  sqlite3_bind_int (stmt, 9, (int)s->problems->len);
  return _relance_database_run (self->db, stmt, error);
}

/* Between records: reports progress now and then, and stops (so that the
 * caller rolls back) once the import is cancelled. */
static gboolean
step (Applier  *self,
      GError  **error)
{
  if (self->done++ % 256 != 0)
    return TRUE;
  if (self->progress != NULL)
    self->progress (self->done - 1, self->total, self->progress_data);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
apply_all (Applier  *self,
           GError  **error)
{
  RelanceImportBatch *batch = self->batch;

  self->total = batch->customers->len + 2 * batch->invoices->len +
                batch->payments->len + batch->allocations->len;
  /* The bulk path writes most of its rows at the end. */
  if (self->bulk)
    self->total += batch->invoices->len + batch->payments->len + batch->allocations->len;

  for (guint i = 0; i < batch->customers->len; i++)
    if (!step (self, error) ||
        !apply_customer (self, g_ptr_array_index (batch->customers, i), error))
      return FALSE;
  /* Credit notes first: an allocation may name one. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < batch->invoices->len; i++)
      {
        RelanceImportInvoice *invoice = g_ptr_array_index (batch->invoices, i);

        if (!step (self, error))
          return FALSE;
        if ((pass == 0) == invoice->credit_note &&
            !apply_invoice (self, invoice, error))
          return FALSE;
      }
  for (guint i = 0; i < batch->payments->len; i++)
    if (!step (self, error) ||
        !apply_payment (self, g_ptr_array_index (batch->payments, i), error))
      return FALSE;
  for (guint i = 0; i < batch->allocations->len; i++)
    if (!step (self, error) ||
        !apply_allocation (self, g_ptr_array_index (batch->allocations, i), error))
      return FALSE;

  if (!flush_pending (self, error))
    return FALSE;

  if (self->progress != NULL)
    self->progress (self->total, self->total, self->progress_data);
  /* A cancel that came after the last record still writes nothing. */
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* Indexes an import does not read: kept up to date row by row, they cost
 * more than the import itself when many rows come in (every allocation
 * moves its invoice in four of them). A big import drops them inside its
 * transaction and builds them again once, before it commits; a rollback
 * brings them back untouched. Only the bulk path does it: its lookups are
 * in hash tables, but for the allocations between an invoice and a payment
 * or credit note, which keep their index (and invoice numbers, their
 * UNIQUE constraint's). */
#define DEFERRED_INDEXES \
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL" \
  " AND tbl_name IN ('invoices', 'payments', 'allocations')" \
  " AND name <> 'allocations_invoice'"

/* Worth it when the import adds at least as many rows as the ledger
 * has: building an index sorts the whole table once. */
#define DEFER_INDEXES_MIN_ROWS 10000

/* The bulk path is worth it from a few thousand rows, when the ledger is
 * not much bigger than the import: reading all of it then costs less than
 * looking the import's rows up one by one. */
#define BULK_MIN_ROWS 2000
#define BULK_MAX_LEDGER_FACTOR 4

static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

/* The allocations' trigger that migration 1 created: the bulk path does
 * its work (see allocate_to_invoice()), and is not taken if the ledger's
 * trigger is another one. */
static char *
shipped_allocation_trigger (void)
{
  const char *schema = _relance_schema_get_migration (1);
  const char *start = strstr (schema, "CREATE TRIGGER allocations_insert ");
  const char *end = start != NULL ? strstr (start, "END;") : NULL;

  return end != NULL ? g_strndup (start, end + strlen ("END") - start) : NULL;
}

/* Chooses between the bulk path and the row-by-row one; *ledger_rows: the
 * invoices and payments of the ledger. */
static gboolean
choose_path (Applier            *self,
             RelanceImportPath   path,
             gint64             *ledger_rows,
             GError            **error)
{
  RelanceImportBatch *batch = self->batch;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *shipped = NULL;
  guint incoming = batch->invoices->len + batch->payments->len + batch->allocations->len;
  gint64 max_invoice, max_payment;
  const char *trigger;
  gboolean has_row;

  self->bulk = FALSE;
  stmt = _relance_database_prepare (self->db,
                                    "SELECT (SELECT count (*) FROM invoices) + (SELECT count (*) FROM payments),"
                                    " (SELECT coalesce (max (id), 0) FROM invoices),"
                                    " (SELECT coalesce (max (id), 0) FROM payments),"
                                    " (SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                                    "  AND name = 'allocations_insert'),"
                                    " (SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                    "  AND tbl_name IN ('invoices', 'payments'))",
                                    error);
  if (stmt == NULL || !_relance_database_step (self->db, stmt, &has_row, error))
    return FALSE;
  *ledger_rows = sqlite3_column_int64 (stmt, 0);
  max_invoice = sqlite3_column_int64 (stmt, 1);
  max_payment = sqlite3_column_int64 (stmt, 2);
  trigger = (const char *)sqlite3_column_text (stmt, 3);

  if (path == RELANCE_IMPORT_PATH_ROW_BY_ROW)
    return TRUE;
  if (path == RELANCE_IMPORT_PATH_AUTO &&
      (incoming < BULK_MIN_ROWS || *ledger_rows > (gint64)BULK_MAX_LEDGER_FACTOR * incoming))
    return TRUE;

  /* The ids given are those SQLite gives, one more than the largest, as
   * long as that one is not the largest there can be (a payment may come
   * with each invoice, for what the file says is open). The trigger set
   * aside must be the one whose work the import does, and nothing else
   * must watch what it writes to invoices and payments. */
  shipped = shipped_allocation_trigger ();
  if (max_invoice > G_MAXINT64 - batch->invoices->len ||
      max_payment > G_MAXINT64 - batch->invoices->len - batch->payments->len ||
      trigger == NULL || g_strcmp0 (trigger, shipped) != 0 || sqlite3_column_int (stmt, 4) != 0)
    {
      if (path == RELANCE_IMPORT_PATH_BULK)
        {
          /* Tests and benchmarks only: not shown to users. */
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "The bulk path cannot import into this ledger");
          return FALSE;
        }
      return TRUE;
    }

  self->bulk = TRUE;
  self->next_invoice_id = max_invoice + 1;
  self->next_payment_id = max_payment + 1;
  self->allocation_trigger = g_strdup (trigger);
  return TRUE;
}

/* About how many rows the import adds (bulk path, ledger read): the new
 * invoices, and as many payments and allocations in proportion. */
static guint
estimate_new_rows (Applier *self)
{
  RelanceImportBatch *batch = self->batch;
  guint new_invoices = 0;

  if (batch->invoices->len == 0)
    return batch->payments->len + batch->allocations->len;

  for (guint i = 0; i < batch->invoices->len; i++)
    {
      RelanceImportInvoice *record = g_ptr_array_index (batch->invoices, i);

      if (!g_hash_table_contains (self->known_invoices, fold_into (self->scratch, record->number)))
        new_invoices++;
    }

  return new_invoices + (guint)((guint64)(batch->payments->len + batch->allocations->len) *
                                new_invoices / batch->invoices->len);
}

/* Drops the deferred indexes if @defer, and returns their definitions
 * ("name", "CREATE INDEX…" pairs), to run again. */
static GPtrArray *
drop_deferred_indexes (RelanceDatabase  *db,
                       gboolean          defer,
                       GError          **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) list = NULL;
  int rc;

  if (!defer)
    return g_steal_pointer (&indexes);

  list = _relance_database_prepare (db, DEFERRED_INDEXES, error);
  if (list == NULL)
    return NULL;
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (list, 0);

      /* Our own schema's names; DDL takes no bound parameter. */
      if (!is_plain_name (name))
        continue;
      g_ptr_array_add (indexes, g_strdup (name));
      g_ptr_array_add (indexes, _relance_column_dup (list, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _relance_database_fail (db, error);
      return NULL;
    }
  /* No statement of this connection may be running while the schema changes. */
  sqlite3_reset (list);

  for (guint i = 0; i < indexes->len; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX %s", (const char *)g_ptr_array_index (indexes, i));

      if (!_relance_database_exec (db, drop, error))
        return NULL;
    }

  return g_steal_pointer (&indexes);
}

static gboolean
create_indexes (RelanceDatabase  *db,
                GPtrArray        *indexes,
                GError          **error)
{
  for (guint i = 0; i < indexes->len; i += 2)
    if (!_relance_database_exec (db, g_ptr_array_index (indexes, i + 1), error))
      return FALSE;

  return TRUE;
}

static gint64
query_cache_size (RelanceDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (db, "PRAGMA cache_size", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -2000;
  return sqlite3_column_int64 (stmt, 0);
}

static void
restore_cache_size (RelanceDatabase *db,
                    gint64           cache_size)
{
  /* A PRAGMA takes no bound parameter. */
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

  _relance_database_exec (db, pragma, NULL);
}

/* Public API */

RelanceImportBatch *
relance_import_batch_new (RelanceImportSource  source,
                          const char          *file)
{
  RelanceImportBatch *batch = g_new0 (RelanceImportBatch, 1);

  batch->source = source;
  batch->file = g_strdup (file ? file : "");
  batch->default_terms = 30;
  batch->customers = g_ptr_array_new ();
  batch->invoices = g_ptr_array_new ();
  batch->payments = g_ptr_array_new ();
  batch->allocations = g_ptr_array_new ();
  batch->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_import_problem_free);
  return batch;
}

static void
customer_free (RelanceImportCustomer *c)
{
  g_free (c->code);
  g_free (c->name);
  g_free (c->siren);
  g_free (c->address);
  g_free (c->postcode);
  g_free (c->city);
  g_free (c->country);
  g_free (c->email);
  g_free (c);
}

static void
invoice_free (RelanceImportInvoice *i)
{
  g_free (i->number);
  g_free (i->customer_code);
  g_free (i->currency);
  g_free (i->source_ref);
  g_free (i);
}

static void
payment_free (RelanceImportPayment *p)
{
  g_free (p->customer_code);
  g_free (p->reference);
  g_free (p);
}

static void
allocation_free (RelanceImportAllocation *a)
{
  g_free (a->invoice_number);
  g_free (a->payment_reference);
  g_free (a->credit_note_number);
  g_free (a->customer_code);
  g_free (a);
}

void
relance_import_batch_free (RelanceImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_ptr_array_foreach (batch->customers, (GFunc)customer_free, NULL);
  g_ptr_array_foreach (batch->invoices, (GFunc)invoice_free, NULL);
  g_ptr_array_foreach (batch->payments, (GFunc)payment_free, NULL);
  g_ptr_array_foreach (batch->allocations, (GFunc)allocation_free, NULL);
  g_ptr_array_unref (batch->customers);
  g_ptr_array_unref (batch->invoices);
  g_ptr_array_unref (batch->payments);
  g_ptr_array_unref (batch->allocations);
  g_ptr_array_unref (batch->problems);
  g_free (batch->file);
  g_free (batch);
}

void
relance_import_batch_add_problem (RelanceImportBatch *batch,
                                  guint               line,
                                  const char         *column,
                                  const char         *format,
                                  ...)
{
  va_list args;
  char *reason;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (batch->problems, problem_new (batch->file, line, column, reason));
}

RelanceImportCustomer *
relance_import_batch_add_customer (RelanceImportBatch *batch)
{
  RelanceImportCustomer *c = g_new0 (RelanceImportCustomer, 1);

  c->payment_terms = -1;
  g_ptr_array_add (batch->customers, c);
  return c;
}

RelanceImportInvoice *
relance_import_batch_add_invoice (RelanceImportBatch *batch)
{
  RelanceImportInvoice *i = g_new0 (RelanceImportInvoice, 1);

  i->open = -1;
  g_ptr_array_add (batch->invoices, i);
  return i;
}

RelanceImportPayment *
relance_import_batch_add_payment (RelanceImportBatch *batch)
{
  RelanceImportPayment *p = g_new0 (RelanceImportPayment, 1);

  g_ptr_array_add (batch->payments, p);
  return p;
}

RelanceImportAllocation *
relance_import_batch_add_allocation (RelanceImportBatch *batch)
{
  RelanceImportAllocation *a = g_new0 (RelanceImportAllocation, 1);

  g_ptr_array_add (batch->allocations, a);
  return a;
}

void
relance_import_problem_free (RelanceImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

/**
 * relance_import_problem_to_string:
 *
 * Returns: (transfer full): "file, line 12, column “Échéance”: reason"
 */
char *
relance_import_problem_to_string (const RelanceImportProblem *problem)
{
  g_autoptr(GString) out = g_string_new (problem->file);

  if (problem->line > 0)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, _("line %u"), problem->line);
    }
  if (problem->column != NULL)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, _("column “%s”"), problem->column);
    }
  if (out->len == 0)
    return g_strdup (problem->reason);

  /* TRANSLATORS: where a problem is ("data.csv, line 12, column “Due”")
   * and what it is */
  return g_strdup_printf (_("%s: %s"), out->str, problem->reason);
}

void
relance_import_summary_clear (RelanceImportSummary *summary)
{
  g_clear_pointer (&summary->problems, g_ptr_array_unref);
  g_clear_pointer (&summary->warnings, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

/**
 * relance_import_apply:
 * @db: the ledger
 * @batch: what a parser read, with the rows it could not read
 * @flags: a dry run, and whether bad rows are skipped
 * @today: the date of payments deduced from open amounts
 * @summary: (out caller-allocates): what was (or would be) written, and the
 *   rows in error; clear it with relance_import_summary_clear()
 * @error: a message the user can read
 *
 * Applies @batch in one transaction. Without %RELANCE_IMPORT_SKIP_BAD_ROWS,
 * a single bad row (in @batch->problems or found while applying) means
 * nothing is written and %FALSE is returned; the summary still says what
 * the good rows would have done. A dry run never writes and returns %TRUE.
 *
 * Returns: %TRUE if the import went through (or the dry run ran)
 */
gboolean
relance_import_apply (RelanceDatabase       *db,
                      RelanceImportBatch    *batch,
                      RelanceImportFlags     flags,
                      RelanceDay             today,
                      RelanceImportSummary  *summary,
                      GError               **error)
{
  return relance_import_apply_full (db, batch, flags, today, NULL, NULL, NULL, summary, error);
}

/**
 * relance_import_apply_full:
 * @cancellable: (nullable): cancelling it stops the import between two
 *   records: nothing is written and %FALSE is returned with
 *   %G_IO_ERROR_CANCELLED
 * @progress: (nullable): called every few hundred records, in the thread
 *   that applies
 * @progress_data: for @progress
 *
 * relance_import_apply(), cancellable and with progress. Like any use of
 * @db, it must run in the one thread that uses @db.
 *
 * Returns: %TRUE if the import went through (or the dry run ran)
 */
gboolean
relance_import_apply_full (RelanceDatabase           *db,
                           RelanceImportBatch        *batch,
                           RelanceImportFlags         flags,
                           RelanceDay                 today,
                           GCancellable              *cancellable,
                           RelanceImportProgressFunc  progress,
                           gpointer                   progress_data,
                           RelanceImportSummary      *summary,
                           GError                   **error)
{
  return _relance_import_apply_on_path (db, batch, flags, RELANCE_IMPORT_PATH_AUTO, today,
                                        cancellable, progress, progress_data, summary, error);
}

/**
 * _relance_import_apply_on_path:
 * @path: the bulk path or the row-by-row one, or the one that suits the
 *   sizes of @batch and of the ledger
 *
 * relance_import_apply_full() on the path chosen, for tests and benchmarks
 * (both write the same). The bulk path cannot be taken when the ids it
 * gives would run out, or when the ledger's allocation trigger is not the
 * one it stands in for: asked for then, it fails with
 * %G_IO_ERROR_NOT_SUPPORTED (and %RELANCE_IMPORT_PATH_AUTO goes row by row).
 */
gboolean
_relance_import_apply_on_path (RelanceDatabase           *db,
                               RelanceImportBatch        *batch,
                               RelanceImportFlags         flags,
                               RelanceImportPath          path,
                               RelanceDay                 today,
                               GCancellable              *cancellable,
                               RelanceImportProgressFunc  progress,
                               gpointer                   progress_data,
                               RelanceImportSummary      *summary,
                               GError                   **error)
{
  static const char * const source_names[] = { "csv", "fec", "facturx" };
  Applier self = { 0 };
  g_autoptr(GPtrArray) deferred = NULL;
  gint64 cache_size;
  gint64 ledger_rows = 0;
  gboolean keep;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_import_problem_free);
  summary->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_import_problem_free);
  for (guint i = 0; i < batch->problems->len; i++)
    {
      const RelanceImportProblem *p = g_ptr_array_index (batch->problems, i);

      g_ptr_array_add (summary->problems,
                       problem_new (p->file, p->line, p->column, g_strdup (p->reason)));
    }

  self.db = db;
  self.batch = batch;
  self.summary = summary;
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = progress_data;
  self.today = relance_day_is_valid (today) ? today : relance_day_today_local ();
  self.source_name = source_names[batch->source];
  self.scratch = g_string_new (NULL);
  self.number_key = g_string_new (NULL);
  self.credit_key = g_string_new (NULL);
  self.payment_key = g_string_new (NULL);
  self.customers = g_hash_table_new (g_str_hash, g_str_equal);
  self.bad_invoices = g_hash_table_new (g_str_hash, g_str_equal);
  self.fresh_invoices = g_hash_table_new (g_str_hash, g_str_equal);
  self.fresh_payments = g_hash_table_new (g_str_hash, g_str_equal);

  /* A big import touches more pages than the default cache holds: spilling
   * them to the WAL in the middle of the transaction costs more than the
   * import itself. The cache grows for the import only. */
  cache_size = query_cache_size (db);
  _relance_database_exec (db, "PRAGMA cache_size = -262144", NULL);

  if (!_relance_database_begin (db, error))
    {
      restore_cache_size (db, cache_size);
      applier_clear (&self);
      return FALSE;
    }

  ok = choose_path (&self, path, &ledger_rows, error) &&
       (!self.bulk || start_bulk (&self, error));
  if (ok)
    {
      guint estimate = self.bulk ? estimate_new_rows (&self) : 0;

      deferred = drop_deferred_indexes (db, self.bulk && estimate >= DEFER_INDEXES_MIN_ROWS &&
                                            ledger_rows <= (gint64)estimate,
                                        error);
      ok = deferred != NULL && apply_all (&self, error);
    }
  summary->rows_in_error = summary->problems->len;
  keep = ok && !(flags & RELANCE_IMPORT_DRY_RUN) &&
         (summary->problems->len == 0 || (flags & RELANCE_IMPORT_SKIP_BAD_ROWS));
  if (keep)
    ok = log_import (&self, error) &&
         (self.allocation_trigger == NULL || _relance_database_exec (db, self.allocation_trigger, error)) &&
         create_indexes (db, deferred, error);

  /* Statements must be finished before the savepoint is released. */
  applier_clear (&self);

  if (!ok || !keep)
    {
      _relance_database_rollback (db);
      restore_cache_size (db, cache_size);
      if (ok && !(flags & RELANCE_IMPORT_DRY_RUN))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: %u row is wrong, so nothing was imported. Correct the "
                                    "file, or import it again skipping the bad rows.",
                                    "%s: %u rows are wrong, so nothing was imported. Correct the "
                                    "file, or import it again skipping the bad rows.",
                                    summary->problems->len),
                       batch->file, summary->problems->len);
          return FALSE;
        }
      return ok;
    }

  ok = _relance_database_commit (db, error);
  restore_cache_size (db, cache_size);
  if (!ok)
    return FALSE;

  summary->written = TRUE;
  return TRUE;
}

/* Mappings */

/**
 * relance_import_lookup_mapping:
 * @name: (nullable): a mapping saved under this name
 * @signature: (nullable): else the last mapping used for this header
 *
 * Returns: (transfer full) (nullable): the mapping, or %NULL (with @error
 *   set only when a named mapping does not exist or on a database error)
 */
char *
relance_import_lookup_mapping (RelanceDatabase  *db,
                               const char       *name,
                               const char       *signature,
                               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (name != NULL)
    stmt = _relance_database_prepare (db, "SELECT mapping FROM csv_mappings WHERE name = ?1", error);
  else
    stmt = _relance_database_prepare (db,
                                      "SELECT mapping FROM csv_mappings WHERE signature = ?1"
                                      " ORDER BY used_at DESC, id DESC LIMIT 1",
                                      error);
  if (stmt == NULL)
    return NULL;
  _relance_bind_text (stmt, 1, name != NULL ? name : signature);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (name != NULL)
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                     _("There is no saved column mapping named “%s”"), name);
      return NULL;
    }

  return _relance_column_dup (stmt, 0);
}

gboolean
relance_import_save_mapping (RelanceDatabase  *db,
                             const char       *name,
                             const char       *signature,
                             const char       *mapping,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  if (!_relance_database_begin (db, error))
    return FALSE;

  remove = _relance_database_prepare (db,
                                      "DELETE FROM csv_mappings WHERE (?1 <> '' AND name = ?1)"
                                      " OR (name = '' AND signature = ?2)",
                                      error);
  insert = remove == NULL ? NULL
           : _relance_database_prepare (db,
                                        "INSERT INTO csv_mappings (name, signature, mapping)"
                                        " VALUES (?1, ?2, ?3)",
                                        error);
  if (insert == NULL)
    {
      _relance_database_rollback (db);
      return FALSE;
    }
  _relance_bind_text (remove, 1, name ? name : "");
  _relance_bind_text (remove, 2, signature ? signature : "");
  _relance_bind_text (insert, 1, name ? name : "");
  _relance_bind_text (insert, 2, signature ? signature : "");
  _relance_bind_text (insert, 3, mapping);
  if (!_relance_database_run (db, remove, error) ||
      !_relance_database_run (db, insert, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

/* Open items */

void
relance_open_item_free (RelanceOpenItem *item)
{
  if (item == NULL)
    return;

  g_free (item->customer_code);
  g_free (item->customer_name);
  g_free (item->number);
  g_free (item->currency);
  g_free (item);
}

static GPtrArray *
read_open_items (RelanceDatabase  *db,
                 sqlite3_stmt     *stmt,
                 GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_open_item_free);
  gboolean has_row;

  for (;;)
    {
      RelanceOpenItem *item;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      item = g_new0 (RelanceOpenItem, 1);
      item->customer_code = _relance_column_dup (stmt, 0);
      item->customer_name = _relance_column_dup (stmt, 1);
      item->number = _relance_column_dup (stmt, 2);
      item->credit_note = sqlite3_column_int (stmt, 3) != 0;
      item->issue_date = sqlite3_column_int (stmt, 4);
      item->due_date = sqlite3_column_int (stmt, 5);
      item->amount = sqlite3_column_int64 (stmt, 6);
      item->open = sqlite3_column_int64 (stmt, 7) * (item->credit_note ? -1 : 1);
      item->currency = _relance_column_dup (stmt, 8);
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * relance_import_list_open_items:
 *
 * Returns: (transfer full) (element-type RelanceOpenItem): every invoice
 *   and credit note with something open, by customer code then due date
 */
GPtrArray *
relance_import_list_open_items (RelanceDatabase  *db,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT c.code, c.name, i.number, i.kind = 'credit_note',"
                                    " i.issue_date, i.due_date, i.amount, i.amount - i.allocated,"
                                    " i.currency"
                                    " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                                    " WHERE i.allocated < i.amount"
                                    " ORDER BY c.code, i.due_date, i.number",
                                    error);
  if (stmt == NULL)
    return NULL;

  return read_open_items (db, stmt, error);
}

/**
 * relance_import_list_open_items_at:
 * @at: the day: what was issued or allocated after it does not count
 *
 * Returns: (transfer full) (element-type RelanceOpenItem): every invoice
 *   and credit note with something open at the end of @at, by customer
 *   code then due date
 */
GPtrArray *
relance_import_list_open_items_at (RelanceDatabase  *db,
                                   RelanceDay        at,
                                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT c.code, c.name, i.number, i.kind = 'credit_note',"
                                    " i.issue_date, i.due_date, i.amount, i.amount - " _RELANCE_SQL_ALLOCATED_AT ","
                                    " i.currency"
                                    " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                                    " WHERE " _RELANCE_SQL_OPEN_AT " AND i.issue_date <= ?1"
                                    " ORDER BY c.code, i.due_date, i.number",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, at);

  return read_open_items (db, stmt, error);
}

/* Case file */

static void
statement_line_free (RelanceStatementLine *line)
{
  g_free (line->reference);
  g_free (line);
}

static void
case_action_free (RelanceCaseAction *action)
{
  g_free (action->kind);
  g_free (action->who);
  g_free (action->contact);
  g_free (action->outcome);
  g_free (action->summary);
  g_free (action->invoices);
  g_free (action->document_name);
  g_clear_pointer (&action->document, g_bytes_unref);
  g_free (action);
}

void
relance_case_file_free (RelanceCaseFile *file)
{
  if (file == NULL)
    return;

  g_free (file->code);
  g_free (file->name);
  g_free (file->siren);
  g_free (file->address);
  g_free (file->postcode);
  g_free (file->city);
  g_free (file->country);
  g_free (file->email);
  g_free (file->phone);
  g_clear_pointer (&file->lines, g_ptr_array_unref);
  g_clear_pointer (&file->actions, g_ptr_array_unref);
  g_clear_pointer (&file->disputes, g_ptr_array_unref);
  g_free (file);
}

/**
 * relance_import_collect_case_file:
 * @customer_code: the customer handed over
 *
 * Everything an agency or a lawyer needs about a customer: identity, every
 * invoice, credit note and payment, the history of actions with the letters
 * sent, and the disputes.
 *
 * Returns: (transfer full): the case file, or %NULL
 */
RelanceCaseFile *
relance_import_collect_case_file (RelanceDatabase  *db,
                                  const char       *customer_code,
                                  GError          **error)
{
  g_autoptr(RelanceCaseFile) file = g_new0 (RelanceCaseFile, 1);
  g_autoptr(sqlite3_stmt) customer = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(sqlite3_stmt) actions = NULL;
  g_autoptr(sqlite3_stmt) disputes = NULL;
  gboolean has_row;
  gboolean ok;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  customer = _relance_database_prepare (db,
                                        "SELECT id, code, name, siren, address, postcode, city, country,"
                                        " email, phone FROM customers WHERE code = ?1",
                                        error);
  if (customer == NULL)
    return NULL;
  _relance_bind_text (customer, 1, customer_code);
  if (!_relance_database_step (db, customer, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("No customer has the code “%s”"), customer_code);
      return NULL;
    }
  id = sqlite3_column_int64 (customer, 0);
  file->code = _relance_column_dup (customer, 1);
  file->name = _relance_column_dup (customer, 2);
  file->siren = _relance_column_dup (customer, 3);
  file->address = _relance_column_dup (customer, 4);
  file->postcode = _relance_column_dup (customer, 5);
  file->city = _relance_column_dup (customer, 6);
  file->country = _relance_column_dup (customer, 7);
  file->email = _relance_column_dup (customer, 8);
  file->phone = _relance_column_dup (customer, 9);

  file->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)statement_line_free);
  lines = _relance_database_prepare (db,
                                     "SELECT issue_date, kind, number, due_date, amount, amount - allocated, 0"
                                     " FROM invoices WHERE customer_id = ?1"
                                     " UNION ALL"
                                     " SELECT date, 'payment', reference, NULL, amount, 0, 1"
                                     " FROM payments WHERE customer_id = ?1"
                                     " ORDER BY 1, 7, 3",
                                     error);
  if (lines == NULL)
    return NULL;
  sqlite3_bind_int64 (lines, 1, id);
  while ((ok = _relance_database_step (db, lines, &has_row, error)) && has_row)
    {
      RelanceStatementLine *line = g_new0 (RelanceStatementLine, 1);
      const char *kind = (const char *)sqlite3_column_text (lines, 1);
      gint64 amount = sqlite3_column_int64 (lines, 4);

      line->date = sqlite3_column_int (lines, 0);
      line->kind = g_str_equal (kind, "invoice") ? "invoice"
                   : g_str_equal (kind, "credit_note") ? "credit_note" : "payment";
      line->reference = _relance_column_dup (lines, 2);
      line->due_date = sqlite3_column_int (lines, 3);
      if (g_str_equal (line->kind, "invoice"))
        line->debit = amount;
      else
        line->credit = amount;
      line->open = sqlite3_column_int64 (lines, 5);
      g_ptr_array_add (file->lines, line);
    }
  if (!ok)
    return NULL;

  file->actions = g_ptr_array_new_with_free_func ((GDestroyNotify)case_action_free);
  actions = _relance_database_prepare (db,
                                       "SELECT a.date, a.kind, a.who, a.contact, a.outcome, a.summary,"
                                       " a.document_name, a.document,"
                                       " (SELECT group_concat (i.number, ', ') FROM action_invoices ai"
                                       "  JOIN invoices i ON i.id = ai.invoice_id WHERE ai.action_id = a.id)"
                                       " FROM actions a WHERE a.customer_id = ?1 ORDER BY a.date, a.id",
                                       error);
  if (actions == NULL)
    return NULL;
  sqlite3_bind_int64 (actions, 1, id);
  while ((ok = _relance_database_step (db, actions, &has_row, error)) && has_row)
    {
      RelanceCaseAction *action = g_new0 (RelanceCaseAction, 1);

      action->date = sqlite3_column_int (actions, 0);
      action->kind = _relance_column_dup (actions, 1);
      action->who = _relance_column_dup (actions, 2);
      action->contact = _relance_column_dup (actions, 3);
      action->outcome = _relance_column_dup (actions, 4);
      action->summary = _relance_column_dup (actions, 5);
      action->document_name = _relance_column_dup (actions, 6);
      if (sqlite3_column_type (actions, 7) == SQLITE_BLOB)
        action->document = g_bytes_new (sqlite3_column_blob (actions, 7),
                                        (gsize)sqlite3_column_bytes (actions, 7));
      action->invoices = _relance_column_dup (actions, 8);
      g_ptr_array_add (file->actions, action);
    }
  if (!ok)
    return NULL;

  file->disputes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  disputes = _relance_database_prepare (db,
                                        "SELECT i.number, c.code, c.label, d.amount, d.opened_on,"
                                        " d.resolved_on, d.status, d.description, d.resolution"
                                        " FROM disputes d JOIN invoices i ON i.id = d.invoice_id"
                                        " JOIN dispute_causes c ON c.id = d.cause_id"
                                        " WHERE i.customer_id = ?1 ORDER BY d.opened_on, d.id",
                                        error);
  if (disputes == NULL)
    return NULL;
  sqlite3_bind_int64 (disputes, 1, id);
  while ((ok = _relance_database_step (db, disputes, &has_row, error)) && has_row)
    {
      g_autofree char *amount = relance_money_to_decimal (sqlite3_column_int64 (disputes, 3));
      g_autofree char *opened = relance_day_to_iso (sqlite3_column_int (disputes, 4));
      g_autofree char *resolved = sqlite3_column_type (disputes, 5) == SQLITE_NULL ? g_strdup ("")
                                  : relance_day_to_iso (sqlite3_column_int (disputes, 5));

      char **fields = g_new0 (char *, 10);

      fields[0] = _relance_column_dup (disputes, 0);
      fields[1] = _relance_column_dup (disputes, 1);
      fields[2] = _relance_column_dup (disputes, 2);
      fields[3] = g_steal_pointer (&amount);
      fields[4] = g_steal_pointer (&opened);
      fields[5] = g_steal_pointer (&resolved);
      fields[6] = _relance_column_dup (disputes, 6);
      fields[7] = _relance_column_dup (disputes, 7);
      fields[8] = _relance_column_dup (disputes, 8);
      g_ptr_array_add (file->disputes, fields);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&file);
}
