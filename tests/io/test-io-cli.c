/* test-io-cli.c
 *
 * relance-cli import, export, backup and restore run as a user would, each
 * test on its own ledger and data folder in a g_dir_make_tmp() folder.
 *
 * Usage: test-io-cli [--tap] PATH-TO-RELANCE-CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-backup.h"
#include "relance-test-utils.h"

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-io-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  relance_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "io", "data", name, NULL);
}

/* Runs relance-cli --db LEDGER --date 2026-11-23 ARGS... */
static RelanceTestRun *
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  va_list args;

  g_ptr_array_add (argv, (char *)"--date");
  g_ptr_array_add (argv, (char *)"2026-11-23");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return relance_test_run_argv (cli_path, f->db, xdg, (const char * const *)argv->pdata);
}

static char *
invoices_csv (Fixture *f)
{
  g_autoptr(RelanceTestRun) r = run (f, "invoices", "--format", "csv", NULL);

  g_assert_cmpint (r->status, ==, 0);
  return g_strdup (r->out);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

static void
test_import_csv_twice (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *file = sample ("factures-windows1252.csv");
  g_autofree char *backups = g_build_filename (f->dir, "xdg", "relance", "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RelanceTestRun) dry = run (f, "import", "csv", file, "--dry-run", NULL);
  g_autoptr(RelanceTestRun) first = NULL;
  g_autoptr(RelanceTestRun) second = NULL;

  g_assert_cmpint (dry->status, ==, 0);
  g_assert_nonnull (strstr (dry->out, "encoding WINDOWS-1252, separator “;”"));
  g_assert_nonnull (strstr (dry->out, "Invoices: 4 new, 0 updated, 0 unchanged\n"));
  g_assert_nonnull (strstr (dry->out, "Dry run: nothing was written."));
  g_assert_cmpuint (count_files (backups), ==, 0);

  first = run (f, "import", "csv", file, NULL);
  g_assert_cmpint (first->status, ==, 0);
  g_assert_nonnull (strstr (first->out, "Customers: 3 new, 0 updated\n"));
  before = invoices_csv (f);
  g_assert_nonnull (strstr (before, "F2026-002,411DUPONT,2026-09-15,2026-10-15,480.00,80.00,39,overdue"));

  second = run (f, "import", "csv", file, NULL);
  g_assert_cmpint (second->status, ==, 0);
  g_assert_nonnull (strstr (second->out, "Invoices: 0 new, 0 updated, 5 unchanged\n"));
  after = invoices_csv (f);
  g_assert_cmpstr (before, ==, after);

  /* One automatic backup before each import that wrote. */
  g_assert_cmpuint (count_files (backups), ==, 2);
}

static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = sample ("bad-rows.csv");
  g_autofree char *good = sample ("invoices-utf8-bom.csv");
  g_autoptr(RelanceTestRun) setup = run (f, "import", "csv", good, NULL);
  g_autofree char *before = invoices_csv (f);
  g_autoptr(RelanceTestRun) stop = run (f, "import", "csv", file, NULL);
  g_autofree char *after = invoices_csv (f);
  g_autoptr(RelanceTestRun) skip = NULL;

  g_assert_cmpint (setup->status, ==, 0);
  g_assert_cmpint (stop->status, ==, 1);
  g_assert_nonnull (strstr (stop->out, "bad-rows.csv, line 3, column “Date”: “31/02/2026” is not a valid date"));
  g_assert_nonnull (strstr (stop->err, "nothing was imported"));
  g_assert_cmpstr (before, ==, after);

  skip = run (f, "import", "csv", file, "--skip-bad-rows", NULL);
  g_assert_cmpint (skip->status, ==, 0);
  g_assert_nonnull (strstr (skip->out, "Imported, without the rows in error."));
}

static void
test_import_fec_and_export (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *file = sample ("fec-tab-iso885915.txt");
  g_autofree char *wrong = sample ("fec-wrong-header.txt");
  g_autofree char *out = g_build_filename (f->dir, "open.csv", NULL);
  g_autofree char *aged = g_build_filename (f->dir, "aged.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(RelanceTestRun) import = run (f, "import", "fec", file, NULL);
  g_autoptr(RelanceTestRun) bad = run (f, "import", "fec", wrong, NULL);
  g_autoptr(RelanceTestRun) export = run (f, "export", "open-items", "--out", out, "--french-decimals", NULL);
  g_autoptr(RelanceTestRun) export_aged = run (f, "export", "aged-balance", "--out", aged, NULL);
  g_autoptr(RelanceTestRun) no_out = run (f, "export", "open-items", NULL);

  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "Allocations: 4 new\n"));
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_nonnull (strstr (bad->err, "is not a FEC"));
  g_assert_cmpint (export->status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "MARTIN;Boulangerie Martin;FA2026-002;facture;2026-03-01;2026-03-31;2400,00;2000,00;EUR\n"));
  g_assert_cmpint (export_aged->status, ==, 0);
  g_assert_cmpint (no_out->status, ==, 2);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *file = sample ("invoices-utf8-bom.csv");
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autoptr(RelanceTestRun) import = run (f, "import", "csv", file, "--no-backup", NULL);
  g_autofree char *before = invoices_csv (f);
  g_autoptr(RelanceTestRun) backup = run (f, "backup", "--out", copy, NULL);
  g_autoptr(RelanceTestRun) more = NULL;
  g_autoptr(RelanceTestRun) refused = NULL;
  g_autoptr(RelanceTestRun) restore = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (import->status, ==, 0);
  g_assert_cmpint (backup->status, ==, 0);

  more = run (f, "invoice", "add", "--customer", "C001", "--number", "LATE-1", "--amount", "10",
              "--issued", "2026-11-01", "--due", "2026-11-30", NULL);
  g_assert_cmpint (more->status, ==, 0);

  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  refused = run (f, "restore", junk, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err, "is not a Relance ledger"));

  restore = run (f, "restore", copy, NULL);
  g_assert_cmpint (restore->status, ==, 0);
  g_assert_nonnull (strstr (restore->out, "The previous ledger was backed up to"));
  after = invoices_csv (f);
  g_assert_cmpstr (before, ==, after);
}

/* The automatic backups follow the "Backups Kept" preference of the
 * application, here 2, read from the user's settings. */
static void
test_backups_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "xdg", "relance", "backups", NULL);
  g_autofree char *old_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));

  g_autofree char *file = sample ("invoices-utf8-bom.csv");
  g_autoptr(RelanceTestRun) import = run (f, "import", "csv", file, "--no-backup", NULL);

  g_assert_cmpint (import->status, ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[fr/relance/Relance]\nbackups-kept=2\n", -1, NULL));
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RelanceTestRun) backup = run (f, "backup", NULL);

      g_assert_cmpint (backup->status, ==, 0);
    }
  g_assert_cmpuint (count_files (backups), ==, 2);

  /* Without the preference: the default, 5. */
  g_assert_true (g_file_set_contents (keyfile, "", -1, NULL));
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(RelanceTestRun) backup = run (f, "backup", NULL);

      g_assert_cmpint (backup->status, ==, 0);
    }
  g_assert_cmpuint (count_files (backups), ==, RELANCE_BACKUP_KEEP);

  if (old_backend != NULL)
    g_setenv ("GSETTINGS_BACKEND", old_backend, TRUE);
  else
    g_unsetenv ("GSETTINGS_BACKEND");
  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
}

/* --terms gives the due dates of a CSV without them, through the terms of
 * the customers it creates. */
static void
test_import_csv_terms (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "sans-echeance.csv", NULL);
  g_autoptr(RelanceTestRun) import = NULL;
  g_autofree char *invoices = NULL;

  g_assert_true (g_file_set_contents (file, "Numéro;Client;Date;Montant\nF-45;C045;01/10/2026;100,00\n", -1, NULL));
  import = run (f, "import", "csv", file, "--terms", "45", "--no-backup", NULL);
  g_assert_cmpint (import->status, ==, 0);

  invoices = invoices_csv (f);
  g_assert_nonnull (strstr (invoices, "F-45"));
  g_assert_nonnull (strstr (invoices, "2026-11-15"));
}

static void
test_import_facturx_without_xml (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autoptr(RelanceTestRun) r = NULL;
  static const char minimal_pdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

  g_assert_true (g_file_set_contents (pdf, minimal_pdf, -1, NULL));
  r = run (f, "import", "facturx", pdf, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->out, "scan.pdf is a PDF without a Factur-X invoice"));
}

static void
test_case_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "case", NULL);
  g_autofree char *readme_path = g_build_filename (out, "README.txt", NULL);
  g_autofree char *statement_path = g_build_filename (out, "statement.csv", NULL);
  g_autofree char *history_path = g_build_filename (out, "history.csv", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *history = NULL;
  g_autoptr(RelanceTestRun) demo = run (f, "demo", NULL);
  g_autoptr(RelanceTestRun) unknown = run (f, "case-file", "--customer", "NOBODY", "--out", out, NULL);
  g_autoptr(RelanceTestRun) r = run (f, "case-file", "--customer", "C00001", "--out", out, NULL);

  g_assert_cmpint (demo->status, ==, 0);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "NOBODY"));
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  g_assert_true (g_file_get_contents (statement_path, &statement, NULL, NULL));
  g_assert_true (g_file_get_contents (history_path, &history, NULL, NULL));
  g_assert_nonnull (strstr (readme, "(C00001)"));
  g_assert_nonnull (strstr (readme, "Reste dû / Open balance : "));
  g_assert_true (g_str_has_prefix (statement, "Date;Type;Référence;Échéance;Débit;Crédit;Solde;Reste dû\n"));
  g_assert_nonnull (strstr (statement, ";facture;"));
  g_assert_true (g_str_has_prefix (history, "Date;Action;Par;"));
}


/* Runs relance-cli --db LEDGER ARGS..., with no date of its own. */
static void
cli_ok (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  g_autoptr(RelanceTestRun) r = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  r = relance_test_run_argv (cli_path, f->db, xdg, (const char * const *)argv->pdata);
  if (r->status != 0)
    g_printerr ("%s", r->err);
  g_assert_cmpint (r->status, ==, 0);
}

static char *
output_at (Fixture    *f,
           const char *day,
           const char *command,
           const char *format)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  const char *argv[] = { "--date", day, command, "--format", format, NULL };
  g_autoptr(RelanceTestRun) r = relance_test_run_argv (cli_path, f->db, xdg, argv);

  g_assert_cmpint (r->status, ==, 0);
  return g_strdup (r->out);
}

/* One ledger, one truth at any date, as a user types it. ASOF has FA-1
 * (1 000,00, due 01/10, paid 300,00 on 10/11 and 200,00 on 05/12,
 * disputed from 05/11 to 03/12), FA-2 (500,00, due 14/11, disputed on
 * 02/12), FA-4 (250,00, due 31/10, paid in full on 01/12), the credit note
 * AV-1 (100,00 on 20/10) and FA-3 (400,00, issued on 01/12); AUTRE has
 * FA-9 (1 320,00, due 01/12).
 *
 * On 23/11/2026: FA-1 700,00 (1 000 - 300), 53 days late (01/10 to 23/11),
 * disputed; FA-2 500,00, 9 days; FA-4 250,00, 23 days; AV-1 -100,00; FA-3
 * not issued. ASOF owes 700 + 500 + 250 - 100 = 1 350,00, of which
 * 700 + 500 + 250 = 1 450,00 overdue; aged: 1-30 days 500 + 250 = 750,00,
 * 31-60 days 700 - 100 = 600,00.
 * On 10/12/2026: FA-1 500,00, 70 days, no longer disputed; FA-2 disputed,
 * 26 days; FA-4 paid; FA-3 400,00 not due: ASOF owes 500 + 500 + 400 - 100
 * = 1 300,00, overdue 1 000,00; aged: not due 400,00, 1-30 500,00 (FA-2),
 * 31-60 -100,00 (AV-1, 51 days), 61-90 500,00 (FA-1). */
static void
test_lists_at_a_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *aged_path = g_build_filename (f->dir, "aged.csv", NULL);
  g_autofree char *customers = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *aged = NULL;
  g_autofree char *json = NULL;
  g_autofree char *table = NULL;
  g_autofree char *exported = NULL;

  cli_ok (f, "customer", "add", "--code", "ASOF", "--name", "Avant Après", NULL);
  cli_ok (f, "customer", "add", "--code", "AUTRE", "--name", "Autre client", NULL);
  cli_ok (f, "invoice", "add", "--customer", "ASOF", "--number", "FA-1", "--issued", "2026-09-01",
          "--due", "2026-10-01", "--amount", "1000", NULL);
  cli_ok (f, "invoice", "add", "--customer", "ASOF", "--number", "FA-2", "--issued", "2026-10-15",
          "--due", "2026-11-14", "--amount", "500", NULL);
  cli_ok (f, "invoice", "add", "--customer", "ASOF", "--number", "FA-4", "--issued", "2026-10-01",
          "--due", "2026-10-31", "--amount", "250", NULL);
  cli_ok (f, "invoice", "add", "--customer", "ASOF", "--number", "AV-1", "--issued", "2026-10-20",
          "--due", "2026-10-20", "--amount", "100", "--credit-note", NULL);
  cli_ok (f, "invoice", "add", "--customer", "ASOF", "--number", "FA-3", "--issued", "2026-12-01",
          "--due", "2026-12-31", "--amount", "400", NULL);
  cli_ok (f, "invoice", "add", "--customer", "AUTRE", "--number", "FA-9", "--issued", "2026-11-01",
          "--due", "2026-12-01", "--amount", "1320", NULL);
  cli_ok (f, "dispute", "open", "--invoice", "FA-1", "--cause", "A", "--date", "2026-11-05", NULL);
  cli_ok (f, "payment", "add", "--customer", "ASOF", "--date", "2026-11-10", "--amount", "300",
          "--invoice", "FA-1", NULL);
  cli_ok (f, "payment", "add", "--customer", "ASOF", "--date", "2026-12-05", "--amount", "200",
          "--invoice", "FA-1", NULL);
  cli_ok (f, "payment", "add", "--customer", "ASOF", "--date", "2026-12-01", "--amount", "250",
          "--invoice", "FA-4", NULL);
  cli_ok (f, "dispute", "resolve", "--invoice", "FA-1", "--date", "2026-12-03", NULL);
  cli_ok (f, "dispute", "open", "--invoice", "FA-2", "--cause", "B", "--date", "2026-12-02", NULL);

  customers = output_at (f, "2026-11-23", "customers", "csv");
  g_assert_cmpstr (customers, ==,
                   "code,name,balance,overdue,days_overdue\n"
                   "ASOF,Avant Après,1350.00,1450.00,53\n"
                   "AUTRE,Autre client,1320.00,0.00,0\n");
  invoices = output_at (f, "2026-11-23", "invoices", "csv");
  g_assert_cmpstr (invoices, ==,
                   "number,customer,issued,due,amount,open,days_overdue,status\n"
                   "AV-1,ASOF,2026-10-20,2026-10-20,-100.00,-100.00,0,open\n"
                   "FA-1,ASOF,2026-09-01,2026-10-01,1000.00,700.00,53,disputed\n"
                   "FA-2,ASOF,2026-10-15,2026-11-14,500.00,500.00,9,overdue\n"
                   "FA-4,ASOF,2026-10-01,2026-10-31,250.00,250.00,23,overdue\n"
                   "FA-9,AUTRE,2026-11-01,2026-12-01,1320.00,1320.00,0,open\n");
  aged = output_at (f, "2026-11-23", "aged-balance", "csv");
  g_assert_nonnull (strstr (aged, "\nASOF,Avant Après,0.00,750.00,600.00,0.00,0.00,1350.00\n"));
  json = output_at (f, "2026-11-23", "customers", "json");
  g_assert_nonnull (strstr (json, "{\"code\": \"ASOF\", \"name\": \"Avant Après\", \"balance\": 1350.00,"
                                  " \"overdue\": 1450.00, \"days_overdue\": 53}"));
  g_clear_pointer (&json, g_free);
  json = output_at (f, "2026-11-23", "invoices", "json");
  g_assert_nonnull (strstr (json, "\"number\": \"FA-1\", \"customer\": \"ASOF\", \"issued\": \"2026-09-01\","
                                  " \"due\": \"2026-10-01\", \"amount\": 1000.00, \"open\": 700.00,"
                                  " \"days_overdue\": 53, \"status\": \"disputed\""));
  g_assert_null (strstr (json, "FA-3"));
  table = output_at (f, "2026-11-23", "customers", "table");
  g_assert_nonnull (strstr (table, "ASOF   Avant Après   1350.00  1450.00            53\n"));
  {
    g_autoptr(RelanceTestRun) r = run (f, "export", "aged-balance", "--out", aged_path, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_file_get_contents (aged_path, &exported, NULL, NULL));
    g_assert_nonnull (strstr (exported, "\nASOF;Avant Après;0.00;750.00;600.00;0.00;0.00;1350.00\n"));
  }
  /* The open items of that day: FA-4 still open, FA-3 not issued. */
  {
    g_autofree char *open_path = g_build_filename (f->dir, "open.csv", NULL);
    g_autofree char *open_items = NULL;
    g_autoptr(RelanceTestRun) r = run (f, "export", "open-items", "--out", open_path, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_true (g_file_get_contents (open_path, &open_items, NULL, NULL));
    g_assert_cmpstr (open_items, ==,
                     "Code client;Raison sociale;Numéro facture;Type;Date facture;"
                     "Échéance;Montant TTC;Reste dû;Devise\n"
                     "ASOF;Avant Après;FA-1;facture;2026-09-01;2026-10-01;1000.00;700.00;EUR\n"
                     "ASOF;Avant Après;AV-1;avoir;2026-10-20;2026-10-20;-100.00;-100.00;EUR\n"
                     "ASOF;Avant Après;FA-4;facture;2026-10-01;2026-10-31;250.00;250.00;EUR\n"
                     "ASOF;Avant Après;FA-2;facture;2026-10-15;2026-11-14;500.00;500.00;EUR\n"
                     "AUTRE;Autre client;FA-9;facture;2026-11-01;2026-12-01;1320.00;1320.00;EUR\n");
  }

  g_clear_pointer (&customers, g_free);
  g_clear_pointer (&invoices, g_free);
  g_clear_pointer (&aged, g_free);
  customers = output_at (f, "2026-12-10", "customers", "csv");
  g_assert_nonnull (strstr (customers, "\nASOF,Avant Après,1300.00,1000.00,70\n"));
  invoices = output_at (f, "2026-12-10", "invoices", "csv");
  g_assert_nonnull (strstr (invoices, "\nFA-1,ASOF,2026-09-01,2026-10-01,1000.00,500.00,70,overdue\n"));
  g_assert_nonnull (strstr (invoices, "\nFA-2,ASOF,2026-10-15,2026-11-14,500.00,500.00,26,disputed\n"));
  g_assert_nonnull (strstr (invoices, "\nFA-3,ASOF,2026-12-01,2026-12-31,400.00,400.00,0,open\n"));
  g_assert_nonnull (strstr (invoices, "\nFA-4,ASOF,2026-10-01,2026-10-31,250.00,0.00,0,paid\n"));
  aged = output_at (f, "2026-12-10", "aged-balance", "csv");
  g_assert_nonnull (strstr (aged, "\nASOF,Avant Après,400.00,500.00,-100.00,500.00,0.00,1300.00\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = argc > 1 ? argv[1] : g_getenv ("RELANCE_CLI");
  if (cli_path == NULL)
    {
      g_printerr ("Usage: test-io-cli PATH-TO-RELANCE-CLI\n");
      return 1;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/io-cli/import-csv-twice", test_import_csv_twice);
  ADD ("/io-cli/import-bad-rows", test_import_bad_rows);
  ADD ("/io-cli/import-fec-and-export", test_import_fec_and_export);
  ADD ("/io-cli/backup-restore", test_backup_restore);
  ADD ("/io-cli/backups-kept", test_backups_kept);
  ADD ("/io-cli/import-csv-terms", test_import_csv_terms);
  ADD ("/io-cli/import-facturx-without-xml", test_import_facturx_without_xml);
  ADD ("/io-cli/case-file", test_case_file);
  ADD ("/io-cli/lists-at-a-date", test_lists_at_a_date);
#undef ADD

  return g_test_run ();
}
