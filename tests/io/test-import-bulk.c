/* test-import-bulk.c
 *
 * A big import takes the bulk path (the ledger read into hash tables, rows
 * inserted many to a statement, indexes built again at the end); a small
 * one goes row by row. Both must write exactly the same ledger: every
 * table, ids, balances, what the triggers keep and the search index
 * included. And a bulk import that fails or is cancelled half way leaves
 * the ledger as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "relance-csv.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-fec.h"
#include "relance-import-private.h"
#include "relance-ledger.h"
#include "relance-money.h"
#include "relance-test-utils.h"

typedef struct
{
  char            *dir;
  char            *row_path;      /* the ledger written row by row */
  char            *bulk_path;     /* the ledger written by the bulk path */
  RelanceDatabase *row_db;
  RelanceDatabase *bulk_db;
  RelanceDay       today;
} Fixture;

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-bulk-XXXXXX", &error);
  g_assert_no_error (error);
  f->row_path = g_build_filename (f->dir, "row.db", NULL);
  f->bulk_path = g_build_filename (f->dir, "bulk.db", NULL);
  f->row_db = relance_database_open (f->row_path, &error);
  g_assert_no_error (error);
  f->bulk_db = relance_database_open (f->bulk_path, &error);
  g_assert_no_error (error);
  f->today = day ("2026-11-23");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->row_db);
  g_clear_object (&f->bulk_db);
  relance_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->row_path);
  g_free (f->bulk_path);
}

/* Reading the ledgers */

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  return handle;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every row of every table, ids included, blobs in hexadecimal; the
 * schema without the pages where it is stored (indexes built again land
 * elsewhere). The only column left out is the time of each import in the
 * log. */
static char *
dump_ledger (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = open_raw (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (out, "schema %s %s %s %s\n",
                              sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2),
                              sqlite3_column_text (stmt, 3) ? (const char *)sqlite3_column_text (stmt, 3) : "");
      if (g_str_equal ((const char *)sqlite3_column_text (stmt, 0), "table"))
        g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *line = g_string_new (table);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (g_str_equal (table, "import_log") && g_str_equal (sqlite3_column_name (stmt, c), "at"))
                continue;
              g_string_append_c (line, '|');
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_NULL:
                  g_string_append (line, "NULL");
                  break;
                case SQLITE_BLOB:
                  {
                    const guchar *blob = sqlite3_column_blob (stmt, c);

                    g_string_append_c (line, 'x');
                    for (int i = 0; i < sqlite3_column_bytes (stmt, c); i++)
                      g_string_append_printf (line, "%02x", blob[i]);
                  }
                  break;
                default:
                  g_string_append (line, (const char *)sqlite3_column_text (stmt, c));
                }
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (stmt);

      g_ptr_array_sort (lines, compare_strings);
      for (guint i = 0; i < lines->len; i++)
        {
          g_string_append (out, g_ptr_array_index (lines, i));
          g_string_append_c (out, '\n');
        }
    }

  sqlite3_close (handle);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Prints the first line where two dumps differ, for the test log. */
static void
assert_same_ledger (const char *a,
                    const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    {
      g_auto(GStrv) la = g_strsplit (a, "\n", -1);
      g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

      for (guint i = 0; la[i] != NULL && lb[i] != NULL; i++)
        if (!g_str_equal (la[i], lb[i]))
          {
            g_test_message ("the ledgers differ from line %u:\n  %.300s\n  %.300s", i, la[i], lb[i]);
            break;
          }
      g_test_fail_printf ("the ledgers differ (%zu and %zu bytes)", strlen (a), strlen (b));
    }
}

static void
assert_healthy (const char *path)
{
  sqlite3 *handle = open_raw (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  /* The search index says what the customers say. */
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO customers_fts (customers_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *handle = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *handle = open_raw (path);

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* Imports */

static void
apply_on (RelanceDatabase      *db,
          RelanceImportBatch   *batch,
          RelanceImportPath     path,
          RelanceDay            today,
          RelanceImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = _relance_import_apply_on_path (db, batch, RELANCE_IMPORT_APPLY, path, today,
                                               NULL, NULL, NULL, summary, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (summary->written);
}

static void
assert_same_summary (const RelanceImportSummary *a,
                     const RelanceImportSummary *b)
{
  g_assert_cmpuint (a->customers_new, ==, b->customers_new);
  g_assert_cmpuint (a->customers_updated, ==, b->customers_updated);
  g_assert_cmpuint (a->invoices_new, ==, b->invoices_new);
  g_assert_cmpuint (a->invoices_updated, ==, b->invoices_updated);
  g_assert_cmpuint (a->invoices_unchanged, ==, b->invoices_unchanged);
  g_assert_cmpuint (a->credit_notes_new, ==, b->credit_notes_new);
  g_assert_cmpuint (a->payments_new, ==, b->payments_new);
  g_assert_cmpuint (a->allocations_new, ==, b->allocations_new);
  g_assert_cmpuint (a->problems->len, ==, b->problems->len);
  g_assert_cmpuint (a->warnings->len, ==, b->warnings->len);
  for (guint i = 0; i < a->warnings->len; i++)
    {
      g_autofree char *wa = relance_import_problem_to_string (g_ptr_array_index (a->warnings, i));
      g_autofree char *wb = relance_import_problem_to_string (g_ptr_array_index (b->warnings, i));

      g_assert_cmpstr (wa, ==, wb);
    }
}

/* Imports @batch into both ledgers, one on each path, and checks they are
 * alike afterwards. */
static void
import_both (Fixture              *f,
             RelanceImportBatch   *batch,
             RelanceImportSummary *row,
             RelanceImportSummary *bulk)
{
  g_autofree char *row_dump = NULL;
  g_autofree char *bulk_dump = NULL;

  apply_on (f->row_db, batch, RELANCE_IMPORT_PATH_ROW_BY_ROW, f->today, row);
  apply_on (f->bulk_db, batch, RELANCE_IMPORT_PATH_BULK, f->today, bulk);
  assert_same_summary (row, bulk);

  row_dump = dump_ledger (f->row_path);
  bulk_dump = dump_ledger (f->bulk_path);
  assert_same_ledger (row_dump, bulk_dump);
  assert_healthy (f->bulk_path);
}

/* A FEC of @n invoices with what both paths must get right (only the
 * customer lines: the others are skipped the same way by either): payments
 * in full and in parts, a payment for two invoices, credit notes,
 * overpayments, payments on account, invoices in instalments, opening
 * entries, customers with an auxiliary account or a sub-account of their
 * own. With @newer, the next export: invoices lettered since (with
 * payments new or on account), an instalment more, and new invoices. */

#define FEC_HEADER \
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t" \
  "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t" \
  "ValidDate\tMontantdevise\tIdevise\n"

static void
append_date (GString    *text,
             RelanceDay  date)
{
  guint d, m, y;

  relance_day_to_dmy (date, &d, &m, &y);
  g_string_append_printf (text, "%04u%02u%02u", y, m, d);
}

static void
append_amount (GString *text,
               gint64   cents)
{
  g_autofree char *amount = relance_money_to_decimal (cents);

  g_strdelimit (amount, ".", ',');
  g_string_append (text, amount);
}

static void
append_line (GString    *text,
             const char *journal,
             guint       number,
             RelanceDay  date,
             guint       customer,
             const char *piece,
             const char *label,
             gint64      debit,
             gint64      credit,
             const char *letter)
{
  g_string_append_printf (text, "%s\t%s\t%u\t", journal,
                          g_str_equal (journal, "VE") ? "Ventes"
                          : g_str_equal (journal, "AN") ? "A-nouveaux" : "Banque",
                          number);
  append_date (text, date);
  if (customer % 4 == 0)
    g_string_append_printf (text, "\t411SUB%02u\tSous-compte %u\t\t\t", customer, customer);
  else
    g_string_append_printf (text, "\t411000\tClients\tC%03u\tClient %u\t", customer, customer);
  g_string_append_printf (text, "%s\t", piece);
  append_date (text, date);
  g_string_append_printf (text, "\t%s\t", label);
  append_amount (text, debit);
  g_string_append_c (text, '\t');
  append_amount (text, credit);
  g_string_append_printf (text, "\t%s\t", letter);
  if (*letter != '\0')
    append_date (text, date);
  g_string_append_c (text, '\t');
  append_date (text, date);
  g_string_append (text, "\t\t\n");
}

static char *
generated_fec (guint    n,
               gboolean newer)
{
  GString *text = g_string_new (FEC_HEADER);
  guint total = newer ? n + n / 4 : n;

  for (guint i = 0; i < total; i++)
    {
      RelanceDay issued = day ("2026-01-05") + (int)((i * 7) % 300);
      guint customer = (i / 9) % 29;   /* the same for the nine cases below */
      gint64 cents = 5000 + (gint64)((i * 7919) % 300000);
      guint num = i * 10;
      g_autofree char *piece = g_strdup_printf ("FA%06u", i);
      g_autofree char *letter = g_strdup_printf ("L%u", i);

      switch (i % 9)
        {
        case 0:   /* paid in full; in the next export, more to pay, and paid
                   * again: in part, or in full with an earlier date */
          append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, letter);
          append_line (text, "BQ", num + 1, issued + 20, customer, "VIR", "Virement", 0, cents, letter);
          if (newer)
            {
              append_line (text, "VE", num + 2, issued + 2, customer, piece, "Complement", 1000, 0, letter);
              if (i % 2 == 0)
                append_line (text, "BQ", num + 3, issued + 50, customer, "VIR", "Complement", 0, 600, letter);
              else
                append_line (text, "BQ", num + 3, issued + 10, customer, "VIR", "Complement", 0, 1000, letter);
            }
          break;

        case 1:   /* paid in two parts */
          append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, letter);
          append_line (text, "BQ", num + 1, issued + 10, customer, "VIR", "Acompte", 0, cents * 4 / 10, letter);
          append_line (text, "BQ", num + 2, issued + 35, customer, "VIR", "Solde", 0,
                       cents - cents * 4 / 10, letter);
          break;

        case 2:   /* a credit note, then the rest paid */
          {
            g_autofree char *credit = g_strdup_printf ("AV%06u", i);

            append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, letter);
            append_line (text, "VE", num + 1, issued + 5, customer, credit, "Avoir", 0, cents / 4, letter);
            append_line (text, "BQ", num + 2, issued + 30, customer, "VIR", "Virement", 0,
                         cents - cents / 4, letter);
          }
          break;

        case 3:   /* open, paid in two parts in the next export */
          append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0,
                       newer ? letter : "");
          if (newer)
            {
              append_line (text, "BQ", num + 1, issued + 40, customer, "VIR", "Acompte", 0,
                           cents * 6 / 10, letter);
              append_line (text, "BQ", num + 2, issued + 50, customer, "VIR", "Solde", 0,
                           cents - cents * 6 / 10, letter);
            }
          break;

        case 4:   /* paid too much */
          append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, letter);
          append_line (text, "BQ", num + 1, issued + 25, customer, "VIR", "Virement", 0, cents + 1000, letter);
          break;

        case 5:   /* carried forward, then paid; a credit note for two small
                   * invoices, lettered in the next export */
          {
            g_autofree char *small1 = g_strdup_printf ("FA%06uD", i);
            g_autofree char *small2 = g_strdup_printf ("FA%06uE", i);
            g_autofree char *credit = g_strdup_printf ("AV%06uX", i);
            g_autofree char *other = g_strdup_printf ("M%u", i);
            const char *later = newer ? other : "";

            append_line (text, "AN", num, day ("2026-01-01"), customer, "", "Report", cents, 0, letter);
            append_line (text, "BQ", num + 1, issued + 15, customer, "VIR", "Virement", 0, cents, letter);
            append_line (text, "VE", num + 2, issued, customer, small1, "Facture", 1000, 0, later);
            append_line (text, "VE", num + 3, issued, customer, small2, "Facture", 1500, 0, later);
            append_line (text, "VE", num + 4, issued + 2, customer, credit, "Avoir", 0, 3000, later);
          }
          break;

        case 6:   /* in instalments, partly paid; one more instalment later */
          append_line (text, "VE", num, issued, customer, piece, "Echeance 1", cents / 2, 0, letter);
          append_line (text, "VE", num + 1, issued + 1, customer, piece, "Echeance 2", cents - cents / 2, 0, letter);
          if (newer)
            append_line (text, "VE", num + 2, issued + 2, customer, piece, "Echeance 3", 1000, 0, letter);
          append_line (text, "BQ", num + 3, issued + 45, customer, "VIR", "Virement", 0, cents / 2, letter);
          if (newer)   /* the rest, in one payment lettered with two instalments */
            append_line (text, "BQ", num + 4, issued + 60, customer, "VIR", "Solde", 0,
                         cents - cents / 2 + 1000, letter);
          break;

        case 7:   /* two open invoices and a payment on account, lettered in the next export */
          {
            g_autofree char *second = g_strdup_printf ("FA%06uC", i);
            const char *later = newer ? letter : "";

            append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, later);
            append_line (text, "VE", num + 2, issued + 1, customer, second, "Facture", 2000, 0, later);
            append_line (text, "BQ", num + 1, issued + 3, customer, "VIR", "Acompte", 0, cents + 2000, later);
          }
          break;

        default:  /* one payment for two invoices */
          {
            g_autofree char *second = g_strdup_printf ("FA%06uB", i);

            append_line (text, "VE", num, issued, customer, piece, "Facture", cents, 0, letter);
            append_line (text, "VE", num + 1, issued + 2, customer, second, "Facture", 2000, 0, letter);
            append_line (text, "BQ", num + 2, issued + 30, customer, "VIR", "Virement", 0, cents + 2000, letter);
          }
        }
    }

  return g_string_free (text, FALSE);
}

static RelanceImportBatch *
fec_batch (const char *text)
{
  g_autoptr(GError) error = NULL;
  RelanceImportBatch *batch = relance_fec_read_text (text, "export.txt", 30, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (batch->problems->len, ==, 0);
  return batch;
}

/* 4,000 invoices: enough for the bulk path to drop and build the indexes
 * again on the first import (more than 10,000 rows). */
static void
test_fec_same_ledger (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first_text = generated_fec (4000, FALSE);
  g_autofree char *newer_text = generated_fec (4000, TRUE);
  g_autoptr(RelanceImportBatch) first = fec_batch (first_text);
  g_autoptr(RelanceImportBatch) newer = fec_batch (newer_text);
  g_auto(RelanceImportSummary) row1 = { 0 };
  g_auto(RelanceImportSummary) bulk1 = { 0 };
  g_auto(RelanceImportSummary) row2 = { 0 };
  g_auto(RelanceImportSummary) bulk2 = { 0 };
  g_auto(RelanceImportSummary) row3 = { 0 };
  g_auto(RelanceImportSummary) bulk3 = { 0 };
  g_autofree char *before_again = NULL;
  g_autofree char *after_again = NULL;

  g_assert_cmpuint (first->invoices->len + first->payments->len + first->allocations->len, >, 10000);

  /* Into empty ledgers. */
  import_both (f, first, &row1, &bulk1);
  g_assert_cmpuint (bulk1.invoices_new + bulk1.credit_notes_new, ==, first->invoices->len);
  g_assert_cmpuint (bulk1.credit_notes_new, ==, 445 + 444);
  g_assert_cmpuint (bulk1.customers_new, ==, 29);
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT count (*) FROM invoices WHERE settled_date IS NOT NULL"), >, 2000);
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT count (*) FROM payments WHERE allocated < amount"), >, 800);

  /* The same file again changes nothing, on either path. */
  before_again = dump_ledger (f->bulk_path);
  import_both (f, first, &row2, &bulk2);
  g_assert_cmpuint (bulk2.customers_new + bulk2.customers_updated + bulk2.invoices_new +
                    bulk2.invoices_updated + bulk2.credit_notes_new + bulk2.payments_new +
                    bulk2.allocations_new, ==, 0);
  g_assert_cmpuint (bulk2.invoices_unchanged, ==, first->invoices->len);
  after_again = dump_ledger (f->bulk_path);
  /* But for the line the import log gains. */
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT count (*) FROM import_log"), ==, 2);
  {
    g_auto(GStrv) lines = g_strsplit (after_again, "\n", -1);
    g_autoptr(GString) without_log = g_string_new (NULL);
    gboolean dropped = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (!dropped && g_str_has_prefix (lines[i], "import_log|2|"))
          {
            dropped = TRUE;
            continue;
          }
        g_string_append (without_log, lines[i]);
        if (lines[i + 1] != NULL)
          g_string_append_c (without_log, '\n');
      }
    g_assert_true (dropped);
    assert_same_ledger (before_again, without_log->str);
  }

  /* Meanwhile, in Relance, part of a payment on account and part of a
   * credit note settle another invoice of the customer (as the collector's
   * desk does): the next export letters more than is left of them. */
  for (guint i = 0; i < 2; i++)
    {
      exec_raw (i == 0 ? f->row_path : f->bulk_path,
                "INSERT INTO allocations (invoice_id, payment_id, date, amount)"
                " SELECT i.id, p.id, p.date, 1500 FROM invoices i JOIN payments p"
                "  ON p.customer_id = i.customer_id"
                "  AND p.reference = 'FEC BQ ' || ((CAST (substr (i.number, 3) AS INTEGER) + 4) * 10 + 1)"
                " WHERE i.number GLOB 'FA[0-9][0-9][0-9][0-9][0-9][0-9]'"
                "  AND CAST (substr (i.number, 3) AS INTEGER) % 9 = 3");
      exec_raw (i == 0 ? f->row_path : f->bulk_path,
                "INSERT INTO allocations (invoice_id, credit_note_id, date, amount)"
                " SELECT i.id, c.id, c.issue_date, 2000 FROM invoices i JOIN invoices c"
                "  ON c.customer_id = i.customer_id"
                "  AND c.number = printf ('AV%06dX', CAST (substr (i.number, 3) AS INTEGER) + 2)"
                " WHERE i.number GLOB 'FA[0-9][0-9][0-9][0-9][0-9][0-9]'"
                "  AND CAST (substr (i.number, 3) AS INTEGER) % 9 = 3");
    }
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT count (*) FROM allocations WHERE amount IN (1500, 2000)"), >=, 2 * 444);

  /* The next export: lettering since, an instalment more, new invoices. */
  import_both (f, newer, &row3, &bulk3);
  g_assert_cmpuint (bulk3.invoices_new + bulk3.credit_notes_new, ==,
                    newer->invoices->len - first->invoices->len);
  g_assert_cmpuint (bulk3.invoices_updated, ==, 444 + 445);
  g_assert_cmpuint (bulk3.allocations_new, >, 1000);
  g_assert_cmpint (relance_ledger_find_customer (f->bulk_db, "411SUB00", NULL), >, 0);
}

/* A CSV with what is still open: payments deduced from it; with @newer,
 * the next export, with amounts changed, invoices paid since, and some
 * that say more is open than was (kept as it was, with a warning). */
static RelanceImportBatch *
generated_csv (guint    n,
               gboolean newer)
{
  g_autoptr(GString) text = g_string_new ("Facture;Client;Nom;Date;Montant;Solde\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCsvFile) csv = NULL;
  RelanceImportBatch *batch;

  for (guint i = 0; i < n; i++)
    {
      gint64 amount = 10000 + (gint64)((i * 104729) % 90000);
      gint64 open = i % 3 == 0 ? amount : i % 3 == 1 ? amount / 2 : 0;

      if (newer && i % 5 == 0)
        open = 0;
      if (newer && i % 7 == 0)
        amount += 500;
      if (newer && i % 11 == 0)   /* more open than Relance has: kept, with a warning */
        open = amount;
      g_string_append_printf (text, "F%05u;K%02u;Client %u;%02u/%02u/2026;%" G_GINT64_FORMAT ",%02d;"
                              "%" G_GINT64_FORMAT ",%02d\n",
                              i, i % 23, i % 23, 1 + i % 28, 1 + i % 10,
                              amount / 100, (int)(amount % 100), open / 100, (int)(open % 100));
    }

  csv = relance_csv_file_new_from_text (text->str, "semaine.csv", 0, &error);
  g_assert_no_error (error);
  batch = relance_csv_file_read (csv, &error);
  g_assert_no_error (error);
  return batch;
}

static void
test_csv_same_ledger (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) week1 = generated_csv (600, FALSE);
  g_autoptr(RelanceImportBatch) week2 = generated_csv (900, TRUE);
  g_auto(RelanceImportSummary) row1 = { 0 };
  g_auto(RelanceImportSummary) bulk1 = { 0 };
  g_auto(RelanceImportSummary) row2 = { 0 };
  g_auto(RelanceImportSummary) bulk2 = { 0 };

  import_both (f, week1, &row1, &bulk1);
  g_assert_cmpuint (bulk1.invoices_new, ==, 600);
  g_assert_cmpuint (bulk1.payments_new, >, 300);

  import_both (f, week2, &row2, &bulk2);
  g_assert_cmpuint (bulk2.invoices_new, ==, 300);
  g_assert_cmpuint (bulk2.invoices_updated, >, 100);
  g_assert_cmpuint (bulk2.warnings->len, >, 20);
}

/* A batch may name an invoice more than once (Factur-X files of the same
 * invoice, numbers differing in case): each row sees what the rows before
 * it did. */
static void
add_invoice (RelanceImportBatch *batch,
             const char         *number,
             gint64              amount,
             RelanceDay          issued,
             RelanceDay          due,
             gint64              open)
{
  RelanceImportInvoice *invoice = relance_import_batch_add_invoice (batch);

  invoice->line = batch->invoices->len + 1;
  invoice->number = g_strdup (number);
  invoice->customer_code = g_strdup ("CLI1");
  invoice->issue_date = issued;
  invoice->due_date = due;
  invoice->amount = amount;
  invoice->open = open;
}

static void
test_repeated_numbers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_CSV, "factures.csv");
  RelanceImportCustomer *customer = relance_import_batch_add_customer (batch);
  RelanceDay d0 = day ("2026-09-01");
  g_auto(RelanceImportSummary) row = { 0 };
  g_auto(RelanceImportSummary) bulk = { 0 };

  customer->code = g_strdup ("CLI1");
  customer->name = g_strdup ("Client un");
  add_invoice (batch, "FX-1", 10000, d0, d0 + 30, -1);
  add_invoice (batch, "FX-2", 5000, d0, d0 + 30, 5000);
  add_invoice (batch, "fx-1", 15000, d0, d0 + 30, -1);        /* more */
  add_invoice (batch, "FX-1", 15000, d0, d0 + 45, -1);        /* later */
  add_invoice (batch, "FX-1", 15000, d0, d0 + 45, -1);        /* the same */
  add_invoice (batch, "FX-2", 5000, d0, d0 + 30, 2000);       /* paid in part */
  add_invoice (batch, "FX-2", 5000, d0, d0 + 30, 1000);       /* and more */
  add_invoice (batch, "FX-2", 6000, d0, d0 + 30, 2000);       /* more, less paid */
  add_invoice (batch, "FX-1", 14000, d0 + 1, d0 + 45, 0);     /* less, settled */

  import_both (f, batch, &row, &bulk);
  g_assert_cmpuint (bulk.invoices_new, ==, 2);
  g_assert_cmpuint (bulk.invoices_updated, ==, 6);
  g_assert_cmpuint (bulk.invoices_unchanged, ==, 1);
  g_assert_cmpuint (bulk.payments_new, ==, 3);
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT amount - allocated FROM invoices WHERE number = 'FX-2'"), ==, 2000);
  g_assert_cmpint (count_rows (f->bulk_path, "SELECT settled_date IS NOT NULL FROM invoices WHERE number = 'FX-1'"), ==, 1);
}

/* Failures half way */

static void
on_progress_cancel_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  if (done > total / 2)
    g_cancellable_cancel (user_data);
}

typedef struct
{
  GCancellable *cancellable;
  guint         last;
  guint         calls;
  gboolean      late;      /* cancel once the rows are being written */
} Progress;

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last);
  g_assert_cmpuint (done, <=, total);
  progress->last = done;
  progress->calls++;
  if (progress->late && done > total * 8 / 10)
    g_cancellable_cancel (progress->cancellable);
}

/* The rows of a bulk import are written at the end: progress goes on while
 * they are, up to the end; a cancel then still writes nothing. */
static void
test_progress_and_late_cancel (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *text = generated_fec (4000, FALSE);
  g_autoptr(RelanceImportBatch) batch = fec_batch (text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RelanceImportSummary) cancelled = { 0 };
  g_auto(RelanceImportSummary) done = { 0 };
  Progress late = { cancellable, 0, 0, TRUE };
  Progress full = { NULL, 0, 0, FALSE };
  guint records = batch->customers->len + 2 * batch->invoices->len + batch->payments->len +
                  batch->allocations->len;

  g_assert_false (_relance_import_apply_on_path (f->bulk_db, batch, RELANCE_IMPORT_APPLY,
                                                 RELANCE_IMPORT_PATH_BULK, f->today, cancellable,
                                                 on_progress_cb, &late, &cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* Past the records: while the rows were written. */
  g_assert_cmpuint (late.last, >, records);
  g_assert_true (relance_database_is_empty (f->bulk_db));

  g_assert_true (_relance_import_apply_on_path (f->bulk_db, batch, RELANCE_IMPORT_APPLY,
                                                RELANCE_IMPORT_PATH_BULK, f->today, NULL,
                                                on_progress_cb, &full, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (full.last, ==, records + batch->invoices->len + batch->payments->len +
                                   batch->allocations->len);
  g_assert_cmpuint (full.calls, >, 40);
}

static void
test_failure_leaves_ledger (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *first_text = generated_fec (4000, FALSE);
  g_autofree char *newer_text = generated_fec (4000, TRUE);
  g_autoptr(RelanceImportBatch) first = fec_batch (first_text);
  g_autoptr(RelanceImportBatch) newer = fec_batch (newer_text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RelanceImportSummary) failed = { 0 };
  g_auto(RelanceImportSummary) cancelled = { 0 };
  g_auto(RelanceImportSummary) done = { 0 };
  g_auto(RelanceImportSummary) next = { 0 };
  g_autofree char *empty = NULL;
  g_autofree char *after_failure = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after_cancel = NULL;

  /* The database refuses the 101st allocation, once invoices, payments and
   * a hundred allocations are in and the indexes dropped. */
  exec_raw (f->bulk_path,
            "CREATE TRIGGER test_refuse BEFORE INSERT ON allocations"
            " WHEN (SELECT count (*) FROM allocations) >= 100"
            " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END");
  empty = dump_ledger (f->bulk_path);
  g_assert_false (_relance_import_apply_on_path (f->bulk_db, first, RELANCE_IMPORT_APPLY,
                                                 RELANCE_IMPORT_PATH_BULK, f->today, NULL, NULL,
                                                 NULL, &failed, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  g_clear_error (&error);
  g_assert_false (failed.written);
  after_failure = dump_ledger (f->bulk_path);
  assert_same_ledger (empty, after_failure);
  g_assert_true (relance_database_is_empty (f->bulk_db));
  exec_raw (f->bulk_path, "DROP TRIGGER test_refuse");

  /* The same connection imports afterwards. */
  apply_on (f->bulk_db, first, RELANCE_IMPORT_PATH_BULK, f->today, &done);
  imported = dump_ledger (f->bulk_path);

  /* Cancelled half way through the next export. */
  g_assert_false (_relance_import_apply_on_path (f->bulk_db, newer, RELANCE_IMPORT_APPLY,
                                                 RELANCE_IMPORT_PATH_BULK, f->today, cancellable,
                                                 on_progress_cancel_cb, cancellable, &cancelled,
                                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after_cancel = dump_ledger (f->bulk_path);
  assert_same_ledger (imported, after_cancel);

  apply_on (f->bulk_db, newer, RELANCE_IMPORT_PATH_BULK, f->today, &next);
  g_assert_cmpuint (next.invoices_new + next.credit_notes_new, ==,
                    newer->invoices->len - first->invoices->len);
  assert_healthy (f->bulk_path);
}

/* A dry run on the bulk path says what the row-by-row one says, and
 * writes nothing. */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = generated_fec (3000, FALSE);
  g_autoptr(RelanceImportBatch) batch = fec_batch (text);
  g_autoptr(GError) error = NULL;
  g_auto(RelanceImportSummary) row = { 0 };
  g_auto(RelanceImportSummary) bulk = { 0 };
  g_autofree char *before = dump_ledger (f->bulk_path);
  g_autofree char *after = NULL;

  g_assert_true (_relance_import_apply_on_path (f->row_db, batch, RELANCE_IMPORT_DRY_RUN,
                                                RELANCE_IMPORT_PATH_ROW_BY_ROW, f->today, NULL,
                                                NULL, NULL, &row, &error));
  g_assert_no_error (error);
  g_assert_true (_relance_import_apply_on_path (f->bulk_db, batch, RELANCE_IMPORT_DRY_RUN,
                                                RELANCE_IMPORT_PATH_BULK, f->today, NULL,
                                                NULL, NULL, &bulk, &error));
  g_assert_no_error (error);
  assert_same_summary (&row, &bulk);
  g_assert_cmpuint (bulk.allocations_new, >, 2000);
  g_assert_false (bulk.written);
  after = dump_ledger (f->bulk_path);
  assert_same_ledger (before, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-bulk/fec-same-ledger", test_fec_same_ledger);
  ADD ("/import-bulk/csv-same-ledger", test_csv_same_ledger);
  ADD ("/import-bulk/repeated-numbers", test_repeated_numbers);
  ADD ("/import-bulk/failure-leaves-ledger", test_failure_leaves_ledger);
  ADD ("/import-bulk/progress-and-late-cancel", test_progress_and_late_cancel);
  ADD ("/import-bulk/dry-run", test_dry_run);
#undef ADD

  return g_test_run ();
}
