/* test-io.c
 *
 * CSV, FEC and Factur-X import, export, backup and restore, on ledgers in
 * g_dir_make_tmp() folders, with the sample files of tests/io/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "relance-backup.h"
#include "relance-csv.h"
#include "relance-database.h"
#include "relance-delimited.h"
#include "relance-error.h"
#include "relance-export.h"
#include "relance-facturx.h"
#include "relance-fec.h"
#include "relance-import.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-test-utils.h"

typedef struct
{
  char            *dir;
  char            *path;
  RelanceDatabase *db;
  RelanceDay       today;
} Fixture;

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "io", "data", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-io-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = relance_database_open (f->path, &error);
  g_assert_no_error (error);
  f->today = day ("2026-11-23");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  relance_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What a user sees of the ledger: every open item, as the export writes it. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "snapshot.csv", NULL);
  char *text = NULL;

  g_assert_true (relance_export_open_items (f->db, out, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  return text;
}

static gint64
balance_of (Fixture    *f,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = relance_ledger_find_customer (f->db, code, &error);
  gint64 balance = -1;

  g_assert_no_error (error);
  g_assert_true (relance_ledger_get_customer_balance (f->db, id, &balance, &error));
  return balance;
}

static RelanceImportBatch *
read_csv_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample (name);
  g_autoptr(RelanceCsvFile) csv = relance_csv_file_load (path, NULL, 0, &error);
  RelanceImportBatch *batch;

  g_assert_no_error (error);
  batch = relance_csv_file_read (csv, &error);
  g_assert_no_error (error);
  return batch;
}

static void
apply_ok (Fixture              *f,
          RelanceImportBatch   *batch,
          RelanceImportFlags    flags,
          RelanceImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (relance_import_apply (f->db, batch, flags, f->today, summary, &error));
  g_assert_no_error (error);
}

/* CSV */

static void
test_csv_windows_1252 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample ("factures-windows1252.csv");
  g_autoptr(RelanceCsvFile) csv = relance_csv_file_load (path, NULL, 0, &error);
  g_autoptr(RelanceImportBatch) batch = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };
  RelanceImportCustomer *dupont;

  g_assert_no_error (error);
  g_assert_cmpstr (relance_csv_file_get_encoding (csv), ==, "WINDOWS-1252");
  g_assert_cmpint (relance_csv_file_get_separator (csv), ==, ';');
  g_assert_cmpstr (relance_csv_file_get_header (csv, 0), ==, "N° facture");
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_NUMBER), ==, 0);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_CUSTOMER), ==, 1);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_NAME), ==, 2);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_SIREN), ==, 3);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_ISSUE_DATE), ==, 4);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_DUE_DATE), ==, 5);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_AMOUNT), ==, 6);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_OPEN), ==, 7);
  g_assert_cmpuint (relance_csv_file_get_preview (csv)->len, ==, 5);

  batch = relance_csv_file_read (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->problems->len, ==, 0);
  g_assert_cmpuint (batch->invoices->len, ==, 5);
  g_assert_cmpuint (batch->customers->len, ==, 3);

  /* The quoted address keeps its newline; the row after it starts on line 4. */
  dupont = g_ptr_array_index (batch->customers, 0);
  g_assert_cmpstr (dupont->address, ==, "12 rue des Lilas\nBâtiment B");
  g_assert_cmpstr (dupont->siren, ==, "552100554");
  g_assert_cmpuint (((RelanceImportInvoice *)g_ptr_array_index (batch->invoices, 1))->line, ==, 4);
  g_assert_cmpstr (((RelanceImportCustomer *)g_ptr_array_index (batch->customers, 1))->name, ==,
                   "Martin; Boulangerie");
  g_assert_true (((RelanceImportInvoice *)g_ptr_array_index (batch->invoices, 3))->credit_note);

  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  g_assert_true (summary.written);
  g_assert_cmpuint (summary.customers_new, ==, 3);
  g_assert_cmpuint (summary.invoices_new, ==, 4);
  g_assert_cmpuint (summary.credit_notes_new, ==, 1);
  g_assert_cmpuint (summary.payments_new, ==, 2);
  g_assert_cmpint (balance_of (f, "411DUPONT"), ==, 123456 + 8000);
  g_assert_cmpint (balance_of (f, "411MARTIN"), ==, 200000 - 15000);
  g_assert_cmpint (balance_of (f, "411ÉLÉGANCE"), ==, 0);
}

static void
test_csv_utf8_bom (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample ("invoices-utf8-bom.csv");
  g_autoptr(RelanceCsvFile) csv = relance_csv_file_load (path, NULL, 0, &error);
  g_autoptr(RelanceImportBatch) batch = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (relance_csv_file_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpint (relance_csv_file_get_separator (csv), ==, ',');
  /* The byte order mark is not part of the first header. */
  g_assert_cmpstr (relance_csv_file_get_header (csv, 0), ==, "Invoice number");
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_OPEN), ==, 6);

  batch = relance_csv_file_read (csv, &error);
  g_assert_no_error (error);
  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  g_assert_cmpint (balance_of (f, "C001"), ==, 150000);
  g_assert_cmpint (balance_of (f, "C002"), ==, 0);
}

static void
test_csv_encoding_forced (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample ("factures-windows1252.csv");
  g_autoptr(RelanceCsvFile) wrong = relance_csv_file_load (path, "UTF-8", 0, &error);

  /* Read as UTF-8, the file is refused with its name and where. */
  g_assert_null (wrong);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "factures-windows1252.csv"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_csv_bad_rows_stop (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("bad-rows.csv");
  g_autoptr(GError) error = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (batch->problems->len, ==, 2);
  first = relance_import_problem_to_string (g_ptr_array_index (batch->problems, 0));
  second = relance_import_problem_to_string (g_ptr_array_index (batch->problems, 1));
  g_assert_cmpstr (first, ==, "bad-rows.csv, line 3, column “Date”: “31/02/2026” is not a valid date");
  g_assert_true (g_str_has_prefix (second, "bad-rows.csv, line 4, column “Montant”: “douze euros”"));

  g_assert_false (relance_import_apply (f->db, batch, RELANCE_IMPORT_APPLY, f->today, &summary, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_false (summary.written);
  /* The summary says what the good rows would do... */
  g_assert_cmpuint (summary.invoices_new, ==, 2);
  g_assert_cmpuint (summary.rows_in_error, ==, 2);
  /* ...and nothing was written. */
  g_assert_true (relance_database_is_empty (f->db));
}

static void
test_csv_bad_rows_skip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("bad-rows.csv");
  g_auto(RelanceImportSummary) summary = { 0 };

  apply_ok (f, batch, RELANCE_IMPORT_SKIP_BAD_ROWS, &summary);
  g_assert_true (summary.written);
  g_assert_cmpint (balance_of (f, "C1"), ==, 10000);
  g_assert_cmpint (balance_of (f, "C2"), ==, 5000);
}

static void
test_csv_dry_run (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("factures-windows1252.csv");
  g_auto(RelanceImportSummary) summary = { 0 };

  apply_ok (f, batch, RELANCE_IMPORT_DRY_RUN, &summary);
  g_assert_false (summary.written);
  g_assert_cmpuint (summary.invoices_new, ==, 4);
  g_assert_true (relance_database_is_empty (f->db));
}

static void
test_csv_idempotent (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("factures-windows1252.csv");
  g_auto(RelanceImportSummary) first = { 0 };
  g_auto(RelanceImportSummary) second = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &first);
  before = snapshot (f);
  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &second);
  after = snapshot (f);

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (second.customers_new + second.customers_updated, ==, 0);
  g_assert_cmpuint (second.invoices_new + second.invoices_updated + second.credit_notes_new, ==, 0);
  g_assert_cmpuint (second.payments_new + second.allocations_new, ==, 0);
  g_assert_cmpuint (second.invoices_unchanged, ==, 5);
}

static RelanceImportBatch *
csv_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCsvFile) csv = relance_csv_file_new_from_text (text, "week.csv", 0, &error);
  RelanceImportBatch *batch;

  g_assert_no_error (error);
  batch = relance_csv_file_read (csv, &error);
  g_assert_no_error (error);
  return batch;
}

static void
test_csv_newer_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) week1 = csv_from_text (
    "Facture;Client;Nom;Date;Montant;Solde\n"
    "F1;C1;Alpha;01/10/2026;100,00;100,00\n"
    "F2;C1;Alpha;02/10/2026;200,00;200,00\n");
  g_autoptr(RelanceImportBatch) week2 = csv_from_text (
    "Facture;Client;Nom;Date;Montant;Solde\n"
    "F1;C1;Alpha SA;01/10/2026;100,00;40,00\n"
    "F2;C1;Alpha SA;02/10/2026;200,00;200,00\n"
    "F3;C1;Alpha SA;03/10/2026;300,00;300,00\n");
  g_autoptr(RelanceImportBatch) week3 = csv_from_text (
    "Facture;Client;Nom;Date;Montant;Solde\n"
    "F1;C1;Alpha SA;01/10/2026;100,00;100,00\n");
  g_auto(RelanceImportSummary) s1 = { 0 };
  g_auto(RelanceImportSummary) s2 = { 0 };
  g_auto(RelanceImportSummary) s3 = { 0 };

  apply_ok (f, week1, RELANCE_IMPORT_APPLY, &s1);
  g_assert_cmpint (balance_of (f, "C1"), ==, 30000);

  /* Balances follow, new invoices come in, the customer's name changes. */
  apply_ok (f, week2, RELANCE_IMPORT_APPLY, &s2);
  g_assert_cmpuint (s2.customers_updated, ==, 1);
  g_assert_cmpuint (s2.invoices_new, ==, 1);
  g_assert_cmpuint (s2.invoices_updated, ==, 1);
  g_assert_cmpuint (s2.invoices_unchanged, ==, 1);
  g_assert_cmpuint (s2.payments_new, ==, 1);
  g_assert_cmpint (balance_of (f, "C1"), ==, 4000 + 20000 + 30000);

  /* A file that forgets invoices and payments deletes nothing. */
  apply_ok (f, week3, RELANCE_IMPORT_APPLY, &s3);
  g_assert_cmpuint (s3.warnings->len, ==, 1);
  g_assert_cmpint (balance_of (f, "C1"), ==, 4000 + 20000 + 30000);
}

static void
test_csv_customer_by_siren (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) a = csv_from_text (
    "Facture;Code client;Raison sociale;SIREN;Date;Montant\n"
    "F1;411ALPHA;Alpha;732 829 320;01/10/2026;100,00\n");
  g_autoptr(RelanceImportBatch) b = csv_from_text (
    "Facture;Code client;Raison sociale;SIRET;Date;Montant\n"
    "G7;CLI-0042;Alpha;73282932000074;05/10/2026;50,00\n");
  g_auto(RelanceImportSummary) s1 = { 0 };
  g_auto(RelanceImportSummary) s2 = { 0 };

  apply_ok (f, a, RELANCE_IMPORT_APPLY, &s1);
  apply_ok (f, b, RELANCE_IMPORT_APPLY, &s2);

  /* Another software's code, the same SIREN: the same customer. */
  g_assert_cmpuint (s2.customers_new, ==, 0);
  g_assert_cmpint (balance_of (f, "411ALPHA"), ==, 15000);
}

static void
test_csv_broken_files (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *bytes;
    gsize       length;
    const char *expected;
  } cases[] = {
    { "", 0, "is empty" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, "not a text file" },
    { "Numéro;Client;Date;Montant\nF1;C1;01/09/2026;\"100,00\nF2;C1", 52, "line 2: a quoted field is never closed" },
    { "Colonne A;Colonne B\n1;2\n", 24, "no column was recognised as “Invoice number”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "broken.csv", NULL);
      g_autoptr(RelanceCsvFile) csv = NULL;
      g_autoptr(RelanceImportBatch) batch = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].bytes, (gssize)cases[i].length, NULL));
      csv = relance_csv_file_load (path, NULL, 0, &error);
      if (csv != NULL)
        batch = relance_csv_file_read (csv, &error);
      g_assert_null (batch);
      g_assert_error (error, RELANCE_ERROR, error->code);
      if (g_test_verbose ())
        g_printerr ("%s\n", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_nonnull (strstr (error->message, "broken.csv"));
    }

  g_assert_true (relance_database_is_empty (f->db));
}

static void
test_csv_mapping (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCsvFile) csv = relance_csv_file_new_from_text (
    "Pièce;Tiers;Le;TTC;Divers\nX1;T1;01/10/2026;10;ignore\n", "odd.csv", 0, &error);
  g_autofree char *mapping = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (relance_csv_file_get_column (csv, RELANCE_CSV_ISSUE_DATE), ==, -1);
  g_assert_true (relance_csv_file_set_mapping (csv, "issued=Le", &error));
  g_assert_no_error (error);
  g_assert_false (relance_csv_file_set_mapping (csv, "issued=Nowhere", &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_csv_file_set_mapping (csv, "colour=Divers", &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  mapping = relance_csv_file_get_mapping (csv);
  g_assert_cmpstr (mapping, ==, "number=Pièce;customer=Tiers;issued=Le;amount=TTC");

  /* Remembered for the layout, and by name. */
  g_assert_true (relance_import_save_mapping (f->db, "compta", "piece|tiers|le|ttc|divers", mapping, &error));
  g_assert_no_error (error);
  saved = relance_import_lookup_mapping (f->db, NULL, "piece|tiers|le|ttc|divers", &error);
  g_assert_cmpstr (saved, ==, mapping);
  g_clear_pointer (&saved, g_free);
  saved = relance_import_lookup_mapping (f->db, "compta", NULL, &error);
  g_assert_cmpstr (saved, ==, mapping);
  g_assert_null (relance_import_lookup_mapping (f->db, "other", NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* FEC */

static RelanceImportBatch *
read_fec_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample (name);
  RelanceImportBatch *batch = relance_fec_load (path, NULL, 30, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

static void
check_fec_ledger (Fixture *f)
{
  /* Dupont: the opening invoice and FA2026-001 settled by two lettered
   * payments, one of them split across both (lettrage AA and AB). */
  g_assert_cmpint (balance_of (f, "DUPONT"), ==, 0);
  /* Martin: 2400 less the 400 credit note lettered with it. */
  g_assert_cmpint (balance_of (f, "MARTIN"), ==, 200000);
  /* A customer sub-account without CompAuxNum. */
  g_assert_cmpint (balance_of (f, "411LEROY"), ==, 36000);
}

static void
test_fec_tab (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_fec_sample ("fec-tab-iso885915.txt");
  g_auto(RelanceImportSummary) summary = { 0 };
  g_autofree char *items = NULL;

  g_assert_cmpuint (batch->problems->len, ==, 0);
  g_assert_cmpuint (batch->invoices->len, ==, 5);
  g_assert_cmpuint (batch->payments->len, ==, 2);
  g_assert_cmpuint (batch->allocations->len, ==, 4);

  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  g_assert_cmpuint (summary.customers_new, ==, 3);
  g_assert_cmpuint (summary.invoices_new, ==, 4);
  g_assert_cmpuint (summary.credit_notes_new, ==, 1);
  g_assert_cmpuint (summary.allocations_new, ==, 4);
  check_fec_ledger (f);

  /* No due date in a FEC: the issue date plus the payment terms. */
  items = snapshot (f);
  g_assert_nonnull (strstr (items, "FA2026-003;facture;2026-03-10;2026-04-09;360.00;360.00"));
}

static void
test_fec_pipe (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_fec_sample ("fec-pipe-utf8.txt");
  g_auto(RelanceImportSummary) summary = { 0 };

  /* The pipes inside EcritureLib did not shift the columns. */
  g_assert_cmpuint (batch->problems->len, ==, 0);
  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  check_fec_ledger (f);
}

static void
test_fec_idempotent (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) tab = read_fec_sample ("fec-tab-iso885915.txt");
  g_autoptr(RelanceImportBatch) pipe = read_fec_sample ("fec-pipe-utf8.txt");
  g_auto(RelanceImportSummary) first = { 0 };
  g_auto(RelanceImportSummary) second = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  apply_ok (f, tab, RELANCE_IMPORT_APPLY, &first);
  before = snapshot (f);
  /* The same ledger exported with the other separator and encoding. */
  apply_ok (f, pipe, RELANCE_IMPORT_APPLY, &second);
  after = snapshot (f);

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (second.customers_new + second.customers_updated + second.invoices_new +
                    second.invoices_updated + second.credit_notes_new + second.payments_new +
                    second.allocations_new, ==, 0);
}

static void
test_fec_lettrage_later (Fixture       *f,
                         gconstpointer  data)
{
  static const char header[] =
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|"
    "PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n";
  g_autofree char *march = g_strconcat (header,
    "VE|Ventes|1|20260301|411000|Clients|C9|Client 9|F9|20260301|Facture|1000,00|0,00|||20260301||\n"
    "BQ|Banque|2|20260310|411000|Clients|C9|Client 9|R1|20260310|Acompte|0,00|300,00|||20260310||\n",
    NULL);
  g_autofree char *april = g_strconcat (header,
    "VE|Ventes|1|20260301|411000|Clients|C9|Client 9|F9|20260301|Facture|1000,00|0,00|A|20260410|20260301||\n"
    "BQ|Banque|2|20260310|411000|Clients|C9|Client 9|R1|20260310|Acompte|0,00|300,00|A|20260410|20260310||\n"
    "BQ|Banque|3|20260410|411000|Clients|C9|Client 9|R2|20260410|Solde|0,00|700,00|A|20260410|20260410||\n",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportBatch) b1 = relance_fec_read_text (march, "mars.txt", 30, &error);
  g_autoptr(RelanceImportBatch) b2 = relance_fec_read_text (april, "avril.txt", 30, &error);
  g_auto(RelanceImportSummary) s1 = { 0 };
  g_auto(RelanceImportSummary) s2 = { 0 };

  g_assert_no_error (error);
  apply_ok (f, b1, RELANCE_IMPORT_APPLY, &s1);
  /* Not lettered yet: the payment is on account, the invoice open. */
  g_assert_cmpint (balance_of (f, "C9"), ==, 100000);

  apply_ok (f, b2, RELANCE_IMPORT_APPLY, &s2);
  g_assert_cmpuint (s2.payments_new, ==, 1);
  g_assert_cmpuint (s2.allocations_new, ==, 2);
  g_assert_cmpint (balance_of (f, "C9"), ==, 0);
}

/* Dates and amounts as files write them, and a missing date after a good
 * one (the reader remembers the last date it read). */
static void
test_fec_dates_and_amounts (Fixture       *f,
                            gconstpointer  data)
{
  static const char text[] =
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|"
    "PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n"
    "VE|Ventes|1|20260301|411000|Clients|C1|Client 1|F1|20260301|Facture|100,5|0,00|||20260301||\n"
    "VE|Ventes|2||411000|Clients|C1|Client 1|F2|20260301|Facture|100,00|0,00|||20260301||\n"
    "VE|Ventes|3| 20260302 |411000|Clients|C1|Client 1|F3||Facture|1 234,50|0|||20260301||\n"
    "VE|Ventes|4|2026-03-04|411000|Clients|C1|Client 1|F4|20260301|Facture|+12.05||||||\n"
    "VE|Ventes|5|20260305|411000|Clients|C1|Client 1|F5|20260230|Facture|12,345|0,00|||||\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportBatch) batch = relance_fec_read_text (text, "dates.txt", 30, &error);
  const RelanceImportProblem *problem;
  const RelanceImportInvoice *invoice;

  g_assert_no_error (error);
  g_assert_cmpuint (batch->problems->len, ==, 3);
  problem = g_ptr_array_index (batch->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->column, ==, "EcritureDate");
  problem = g_ptr_array_index (batch->problems, 1);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_cmpstr (problem->column, ==, "Debit");
  problem = g_ptr_array_index (batch->problems, 2);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_cmpstr (problem->column, ==, "PieceDate");

  g_assert_cmpuint (batch->invoices->len, ==, 3);
  invoice = g_ptr_array_index (batch->invoices, 0);
  g_assert_cmpstr (invoice->number, ==, "F1");
  g_assert_cmpint (invoice->amount, ==, 10050);
  g_assert_cmpint (invoice->issue_date, ==, day ("2026-03-01"));
  invoice = g_ptr_array_index (batch->invoices, 1);
  g_assert_cmpstr (invoice->number, ==, "F3");
  g_assert_cmpint (invoice->amount, ==, 123450);
  g_assert_cmpint (invoice->issue_date, ==, day ("2026-03-02"));
  invoice = g_ptr_array_index (batch->invoices, 2);
  g_assert_cmpstr (invoice->number, ==, "F4");
  g_assert_cmpint (invoice->amount, ==, 1205);
  g_assert_cmpint (invoice->issue_date, ==, day ("2026-03-01"));
}

static void
test_fec_broken (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample ("fec-wrong-header.txt");
  g_autofree char *good = sample ("fec-tab-iso885915.txt");
  g_autofree char *text = NULL;
  g_autoptr(RelanceImportBatch) batch = relance_fec_load (path, NULL, 30, &error);
  g_autoptr(RelanceImportBatch) truncated = NULL;
  g_autoptr(RelanceImportBatch) junk = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };
  gsize length;

  g_assert_null (batch);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "fec-wrong-header.txt is not a FEC"));
  g_clear_error (&error);

  /* Cut in the middle of a line: that line is in error, nothing written. */
  g_assert_true (g_file_get_contents (good, &text, &length, NULL));
  text[length / 2] = '\0';
  {
    g_autofree char *utf8 = g_convert (text, -1, "UTF-8", "ISO-8859-15", NULL, NULL, NULL);

    truncated = relance_fec_read_text (utf8, "cut.txt", 30, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (truncated->problems->len, ==, 1);
  g_assert_false (relance_import_apply (f->db, truncated, RELANCE_IMPORT_APPLY, f->today,
                                        &summary, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_true (relance_database_is_empty (f->db));
  g_clear_error (&error);

  junk = relance_fec_read_text ("\x01\x02garbage\x7f", "junk.bin", 30, &error);
  g_assert_null (junk);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

/* Export */

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) fec = read_csv_sample ("invoices-utf8-bom.csv");
  g_autoptr(RelanceImportBatch) csv = read_csv_sample ("factures-windows1252.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "open-items.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *reimported = NULL;
  g_autofree char *aged = g_build_filename (f->dir, "aged.csv", NULL);
  g_autofree char *aged_text = NULL;
  g_autoptr(RelanceImportBatch) back = NULL;
  g_auto(RelanceImportSummary) s1 = { 0 };
  g_auto(RelanceImportSummary) s2 = { 0 };
  g_auto(RelanceImportSummary) s3 = { 0 };
  RelanceDatabase *original;

  apply_ok (f, fec, RELANCE_IMPORT_APPLY, &s1);
  apply_ok (f, csv, RELANCE_IMPORT_APPLY, &s2);
  g_assert_true (relance_export_open_items (f->db, out, TRUE, &error));
  g_assert_no_error (error);
  exported = snapshot (f);

  /* French decimals, and a header the import recognises. */
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "Code client;Raison sociale;Numéro facture;"));
    g_assert_nonnull (strstr (text, ";1234,56;1234,56;EUR\n"));
    g_assert_nonnull (strstr (text, "\"Martin; Boulangerie\""));
  }

  original = f->db;
  f->db = relance_database_open (other_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RelanceCsvFile) file = relance_csv_file_load (out, NULL, 0, &error);

    g_assert_no_error (error);
    back = relance_csv_file_read (file, &error);
    g_assert_no_error (error);
  }
  apply_ok (f, back, RELANCE_IMPORT_APPLY, &s3);
  g_assert_cmpuint (s3.rows_in_error, ==, 0);
  reimported = snapshot (f);
  g_object_unref (f->db);
  f->db = original;

  g_assert_cmpstr (exported, ==, reimported);

  g_assert_true (relance_export_aged_balance (f->db, f->today, aged, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (aged, &aged_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (aged_text, "Code client;Raison sociale;Non échu;"));
  g_assert_nonnull (strstr (aged_text, "\n411MARTIN;\"Martin; Boulangerie\";0.00;2000.00;-150.00;0.00;0.00;1850.00\n"));
}

/* Backup and restore */

static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);

  for (guint i = 0; i < RELANCE_BACKUP_KEEP + 3; i++)
    {
      g_autofree char *path = relance_backup_rotate (f->db, dir, RELANCE_BACKUP_KEEP, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  g_assert_cmpuint (count_backups (dir), ==, RELANCE_BACKUP_KEEP);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("factures-windows1252.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };

  g_assert_true (relance_backup_write (f->db, copy, &error));   /* the empty ledger */
  g_assert_no_error (error);
  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  before = snapshot (f);
  g_clear_object (&f->db);

  /* Not a ledger: refused, nothing touched. */
  g_assert_true (g_file_set_contents (junk, "not a database at all", -1, NULL));
  g_assert_false (relance_backup_restore (f->path, junk, dir, RELANCE_BACKUP_KEEP, &saved, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_backups (dir), ==, 0);

  /* The empty copy comes back; the imported ledger was kept aside. */
  g_assert_true (relance_backup_restore (f->path, copy, dir, RELANCE_BACKUP_KEEP, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  f->db = relance_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (relance_database_is_empty (f->db));
  g_clear_object (&f->db);

  g_assert_true (relance_backup_restore (f->path, saved, dir, RELANCE_BACKUP_KEEP, NULL, &error));
  g_assert_no_error (error);
  f->db = relance_database_open (f->path, &error);
  g_assert_no_error (error);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
set_user_version (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_backup_restore_newer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "newer.db", NULL);

  g_assert_true (relance_backup_write (f->db, copy, &error));
  set_user_version (copy, "PRAGMA user_version = 99");

  g_assert_false (relance_backup_restore (f->path, copy, NULL, RELANCE_BACKUP_KEEP, NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NEWER_VERSION);
}

static void
test_upgrade_from_version_1 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceImportBatch) batch = read_csv_sample ("factures-windows1252.csv");
  g_auto(RelanceImportSummary) summary = { 0 };

  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  g_clear_object (&f->db);

  /* What a ledger of the first release looks like. */
  set_user_version (f->path,
                    /* undo migrations 6 and 5 */
                    "DROP TABLE write_offs; DROP TABLE proceedings;"
                    " ALTER TABLE actions DROP COLUMN incoming;"
                    " ALTER TABLE contacts DROP COLUMN civility;"
                    /* undo migration 4 */
                    " DROP TABLE templates;"
                    /* undo migration 3 */
                    " DROP TABLE step_states; DROP TABLE postponements; DROP TABLE rates;"
                    " CREATE TABLE old_segments (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                    "  tone TEXT NOT NULL DEFAULT 'standard');"
                    " INSERT INTO old_segments SELECT id, name, tone FROM segments;"
                    " DROP TABLE segments; ALTER TABLE old_segments RENAME TO segments;"
                    " DROP TABLE scenario_steps; DROP TABLE scenarios;"
                    " DROP INDEX promises_date; ALTER TABLE promises DROP COLUMN made_on;"
                    " ALTER TABLE company DROP COLUMN interest_margin;"
                    " ALTER TABLE company DROP COLUMN eu_interest_margin;"
                    " ALTER TABLE company DROP COLUMN indemnity;"
                    " ALTER TABLE company DROP COLUMN promise_grace_days;"
                    /* undo migration 2 */
                    " DROP TABLE csv_mappings; DROP TABLE import_log;"
                    " DROP INDEX payments_reference; PRAGMA user_version = 1");

  f->db = relance_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_database_get_schema_version (f->db), ==, RELANCE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (balance_of (f, "411DUPONT"), ==, 131456);
  g_assert_true (relance_import_save_mapping (f->db, "x", "y", "number=1", &error));
  g_assert_no_error (error);
}

/* A big import: the indexes it drops while it writes are all back after
 * it, whether it went through, was a dry run, or was refused. */

static char *
list_indexes (Fixture *f)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1) ? (const char *)sqlite3_column_text (stmt, 1) : "");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static RelanceImportBatch *
big_batch (guint n_invoices)
{
  RelanceImportBatch *batch = relance_import_batch_new (RELANCE_IMPORT_FEC, "big.txt");
  RelanceImportCustomer *customer = relance_import_batch_add_customer (batch);

  customer->code = g_strdup ("411BIG");
  customer->name = g_strdup ("Grossiste Big");
  customer->payment_terms = 30;
  for (guint i = 0; i < n_invoices; i++)
    {
      RelanceImportInvoice *invoice = relance_import_batch_add_invoice (batch);
      RelanceImportPayment *payment = relance_import_batch_add_payment (batch);

      invoice->line = 2 * i + 2;
      invoice->number = g_strdup_printf ("B%05u", i);
      invoice->customer_code = g_strdup ("411BIG");
      invoice->issue_date = day ("2026-09-01") + (int)(i % 60);
      invoice->due_date = invoice->issue_date + 30;
      invoice->amount = 10000 + i;
      invoice->open = -1;

      payment->line = 2 * i + 3;
      payment->customer_code = g_strdup ("411BIG");
      payment->reference = g_strdup_printf ("P%05u", i);
      payment->date = invoice->due_date;
      payment->amount = invoice->amount;
      /* Every other invoice is settled. */
      if (i % 2 == 0)
        {
          RelanceImportAllocation *allocation = relance_import_batch_add_allocation (batch);

          allocation->line = payment->line;
          allocation->invoice_number = g_strdup (invoice->number);
          allocation->payment_reference = g_strdup (payment->reference);
          allocation->customer_code = g_strdup ("411BIG");
          allocation->date = payment->date;
          allocation->amount = invoice->amount;
        }
    }

  return batch;
}

static void
test_import_big (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = list_indexes (f);
  g_autofree char *after_dry_run = NULL;
  g_autofree char *after_refusal = NULL;
  g_autofree char *after = NULL;
  RelanceImportBatch *batch = big_batch (6000);
  g_auto(RelanceImportSummary) dry = { 0 };
  g_auto(RelanceImportSummary) refused = { 0 };
  g_auto(RelanceImportSummary) summary = { 0 };
  gint64 expected = 0;

  g_assert_nonnull (strstr (before, "invoices_open_customer"));

  apply_ok (f, batch, RELANCE_IMPORT_DRY_RUN, &dry);
  g_assert_cmpuint (dry.invoices_new, ==, 6000);
  g_assert_false (dry.written);
  after_dry_run = list_indexes (f);
  g_assert_cmpstr (after_dry_run, ==, before);
  g_assert_cmpint (relance_ledger_find_customer (f->db, "411BIG", NULL), ==, 0);

  /* One bad row: nothing is written, and the indexes are back. */
  relance_import_batch_add_problem (batch, 9999, "Debit", "not an amount");
  g_assert_false (relance_import_apply (f->db, batch, RELANCE_IMPORT_APPLY, f->today, &refused, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  after_refusal = list_indexes (f);
  g_assert_cmpstr (after_refusal, ==, before);
  g_assert_cmpint (relance_ledger_find_customer (f->db, "411BIG", NULL), ==, 0);
  relance_import_batch_free (batch);

  batch = big_batch (6000);
  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  relance_import_batch_free (batch);
  g_assert_true (summary.written);
  g_assert_cmpuint (summary.invoices_new, ==, 6000);
  g_assert_cmpuint (summary.payments_new, ==, 6000);
  g_assert_cmpuint (summary.allocations_new, ==, 3000);
  after = list_indexes (f);
  g_assert_cmpstr (after, ==, before);

  /* The open invoices (odd ones) less the payments left on account (odd ones). */
  for (guint i = 1; i < 6000; i += 2)
    expected += 10000 + i;
  g_assert_cmpint (balance_of (f, "411BIG"), ==, expected);
  /* Paid by 30/11: the 3000 even ones. On the 23rd, not yet those paid
   * on their due dates of 24 to 29/11 (i % 60 = 54, 56, 58: 3 in each 60,
   * 300 in all): 3000 - 300 = 2700. */
  {
    g_autoptr(RelanceListModel) open = relance_list_model_new (f->db, RELANCE_LIST_INVOICES, f->today + 7);

    relance_list_model_set_status (open, RELANCE_LIST_STATUS_PAID);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 3000);
    relance_list_model_set_today (open, f->today);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 2700);
  }
}

/* Factur-X */

static const char facturx_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
  " xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\""
  " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
  "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
  "<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
  "</rsm:ExchangedDocumentContext>"
  "<rsm:ExchangedDocument><ram:ID>FX-2026-0042</ram:ID><ram:TypeCode>%s</ram:TypeCode>"
  "<ram:IssueDateTime><udt:DateTimeString format=\"102\">20261002</udt:DateTimeString></ram:IssueDateTime>"
  "</rsm:ExchangedDocument>"
  "<rsm:SupplyChainTradeTransaction>"
  "<ram:ApplicableHeaderTradeAgreement>"
  "<ram:SellerTradeParty><ram:Name>Ma Société</ram:Name></ram:SellerTradeParty>"
  "<ram:BuyerTradeParty><ram:Name>Cordonnerie Lefèvre</ram:Name>"
  "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">356000000</ram:ID></ram:SpecifiedLegalOrganization>"
  "<ram:PostalTradeAddress><ram:PostcodeCode>69002</ram:PostcodeCode><ram:LineOne>3 quai Saint-Antoine</ram:LineOne>"
  "<ram:CityName>Lyon</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"
  "</ram:BuyerTradeParty></ram:ApplicableHeaderTradeAgreement>"
  "<ram:ApplicableHeaderTradeDelivery/>"
  "<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
  "<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format=\"102\">20261101</udt:DateTimeString>"
  "</ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
  "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
  "<ram:LineTotalAmount>1000.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>1000.00</ram:TaxBasisTotalAmount>"
  "<ram:TaxTotalAmount currencyID=\"EUR\">200.00</ram:TaxTotalAmount>"
  "<ram:GrandTotalAmount>1200.00</ram:GrandTotalAmount><ram:TotalPrepaidAmount>200.00</ram:TotalPrepaidAmount>"
  "<ram:DuePayableAmount>1000.0000</ram:DuePayableAmount>"
  "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
  "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>\n";

static char *
facturx_document (const char *type_code)
{
  return g_strdup_printf (facturx_xml, type_code);
}

static void
test_facturx_xml (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = facturx_document ("380");
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "x");
  g_auto(RelanceImportSummary) summary = { 0 };
  RelanceImportInvoice *invoice;
  RelanceImportCustomer *customer;

  g_assert_true (relance_facturx_read_xml (batch, xml, strlen (xml), "fx.pdf", &error));
  g_assert_no_error (error);
  invoice = g_ptr_array_index (batch->invoices, 0);
  customer = g_ptr_array_index (batch->customers, 0);
  g_assert_cmpstr (invoice->number, ==, "FX-2026-0042");
  g_assert_false (invoice->credit_note);
  g_assert_cmpint (invoice->issue_date, ==, day ("2026-10-02"));
  g_assert_cmpint (invoice->due_date, ==, day ("2026-11-01"));
  g_assert_cmpint (invoice->amount, ==, 120000);
  g_assert_cmpint (invoice->open, ==, 100000);
  g_assert_cmpstr (customer->name, ==, "Cordonnerie Lefèvre");
  g_assert_cmpstr (customer->siren, ==, "356000000");
  g_assert_cmpstr (customer->city, ==, "Lyon");

  apply_ok (f, batch, RELANCE_IMPORT_APPLY, &summary);
  g_assert_cmpuint (summary.customers_new, ==, 1);
  g_assert_cmpint (balance_of (f, "356000000"), ==, 100000);
}

static void
test_facturx_credit_note (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = facturx_document ("381");
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "x");

  g_assert_true (relance_facturx_read_xml (batch, xml, strlen (xml), "fx.pdf", &error));
  g_assert_true (((RelanceImportInvoice *)g_ptr_array_index (batch->invoices, 0))->credit_note);
}

static void
test_facturx_hostile (Fixture       *f,
                      gconstpointer  data)
{
  static const char bomb[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
    "<CrossIndustryInvoice><ExchangedDocument><ID>&lol2;</ID></ExchangedDocument></CrossIndustryInvoice>";
  static const char external[] =
    "<?xml version=\"1.0\"?><CrossIndustryInvoice xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<ExchangedDocument><ID><xi:include href=\"http://example.com/x\"/></ID></ExchangedDocument>"
    "</CrossIndustryInvoice>";
  static const char *const cases[] = { bomb, external, "<html><body>no</body></html>", "\x01\x02", "" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "x");

      g_assert_false (relance_facturx_read_xml (batch, cases[i], strlen (cases[i]), "evil.pdf", &error));
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      g_assert_cmpuint (batch->invoices->len, ==, 0);
    }
}

static char *
write_pdf (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, "Facture FX-2026-0042");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_steal_pointer (&path);
}

static void
test_facturx_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdfattach = g_find_program_in_path ("pdfattach");
  g_autofree char *plain = write_pdf (f, "plain.pdf");
  g_autofree char *xml_path = g_build_filename (f->dir, "factur-x.xml", NULL);
  g_autofree char *invoice = g_build_filename (f->dir, "invoice.pdf", NULL);
  g_autofree char *xml = facturx_document ("380");
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "2 PDF");
  g_auto(RelanceImportSummary) summary = { 0 };
  int wait_status = 0;

  /* A PDF without the XML says so. */
  g_assert_false (relance_facturx_read_pdf (batch, plain, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plain.pdf is a PDF without a Factur-X invoice"));
  g_assert_cmpuint (batch->problems->len, ==, 1);
  g_clear_error (&error);

  if (pdfattach == NULL)
    {
      g_test_skip ("pdfattach (poppler-utils) is not installed: cannot make a Factur-X PDF");
      return;
    }

  g_assert_true (g_file_set_contents (xml_path, xml, -1, NULL));
  {
    const char *argv[] = { pdfattach, plain, xml_path, invoice, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }

  g_assert_true (relance_facturx_read_pdf (batch, invoice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (batch->invoices->len, ==, 1);

  /* The plain PDF is a bad row: stop, or skip it. */
  g_assert_false (relance_import_apply (f->db, batch, RELANCE_IMPORT_APPLY, f->today, &summary, &error));
  g_assert_true (relance_database_is_empty (f->db));
  g_clear_error (&error);
  relance_import_summary_clear (&summary);
  apply_ok (f, batch, RELANCE_IMPORT_SKIP_BAD_ROWS, &summary);
  g_assert_cmpint (balance_of (f, "356000000"), ==, 100000);
}

/* Fuzzing: the seed corpus (tests/fuzz/corpus) and any crash found go
 * through the parsers here, in every build, without clang. */
static void
test_fuzz_corpus (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const kinds[] = { "csv", "fec", "facturx" };
  guint n_files = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", kinds[k], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *bytes = NULL;
          g_autofree char *text = NULL;
          g_autoptr(RelanceImportBatch) batch = NULL;
          g_auto(RelanceImportSummary) summary = { 0 };
          gsize length;

          g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
          n_files++;
          if (k == 2)
            {
              batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, name);
              relance_facturx_read_xml (batch, bytes, length, name, NULL);
            }
          else if ((text = relance_text_decode (bytes, length, NULL, name, NULL, NULL)) != NULL)
            {
              if (k == 1)
                batch = relance_fec_read_text (text, name, 30, NULL);
              else
                {
                  g_autoptr(RelanceCsvFile) csv = relance_csv_file_new_from_text (text, name, 0, NULL);

                  if (csv != NULL)
                    batch = relance_csv_file_read (csv, NULL);
                }
            }
          if (batch != NULL)
            relance_import_apply (f->db, batch, RELANCE_IMPORT_DRY_RUN, f->today, &summary, NULL);
        }
    }

  g_assert_cmpuint (n_files, >=, 6);
  g_assert_true (relance_database_is_empty (f->db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/io/csv/windows-1252", test_csv_windows_1252);
  ADD ("/io/csv/utf8-bom", test_csv_utf8_bom);
  ADD ("/io/csv/encoding-forced", test_csv_encoding_forced);
  ADD ("/io/csv/bad-rows-stop", test_csv_bad_rows_stop);
  ADD ("/io/csv/bad-rows-skip", test_csv_bad_rows_skip);
  ADD ("/io/csv/dry-run", test_csv_dry_run);
  ADD ("/io/csv/idempotent", test_csv_idempotent);
  ADD ("/io/csv/newer-export", test_csv_newer_export);
  ADD ("/io/csv/customer-by-siren", test_csv_customer_by_siren);
  ADD ("/io/csv/broken-files", test_csv_broken_files);
  ADD ("/io/csv/mapping", test_csv_mapping);
  ADD ("/io/fec/tab", test_fec_tab);
  ADD ("/io/fec/pipe", test_fec_pipe);
  ADD ("/io/fec/idempotent", test_fec_idempotent);
  ADD ("/io/fec/lettrage-later", test_fec_lettrage_later);
  ADD ("/io/fec/broken", test_fec_broken);
  ADD ("/io/fec/dates-and-amounts", test_fec_dates_and_amounts);
  ADD ("/io/export/round-trip", test_export_round_trip);
  ADD ("/io/backup/rotation", test_backup_rotation);
  ADD ("/io/backup/restore", test_backup_restore);
  ADD ("/io/backup/restore-newer", test_backup_restore_newer);
  ADD ("/io/database/upgrade-from-1", test_upgrade_from_version_1);
  ADD ("/io/import/big", test_import_big);
  ADD ("/io/facturx/xml", test_facturx_xml);
  ADD ("/io/facturx/credit-note", test_facturx_credit_note);
  ADD ("/io/facturx/hostile", test_facturx_hostile);
  ADD ("/io/facturx/pdf", test_facturx_pdf);
  ADD ("/io/fuzz/corpus", test_fuzz_corpus);
#undef ADD

  return g_test_run ();
}
