/* test-penalties-cli.c
 *
 * relance-cli penalties run as a user or a script would, on a ledger made
 * with relance-cli itself in a g_dir_make_tmp() folder. The figures are
 * worked out by hand in tests/test-penalties.c; here they must come out
 * of the program as written figures.
 *
 * Usage: test-penalties-cli [--tap] PATH-TO-RELANCE-CLI (or $RELANCE_CLI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

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

  f->dir = g_dir_make_tmp ("relance-penalties-cli-XXXXXX", &error);
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

/* Runs relance-cli --db LEDGER ARGS..., its data folder in the test's. */
static RelanceTestRun *
run_cli (Fixture    *f,
         const char *first,
         ...)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  RelanceTestRun *run;
  va_list ap;

  va_start (ap, first);
  run = relance_test_run_valist (cli_path, f->db, xdg, first, ap);
  va_end (ap);

  return run;
}

static void
assert_ok (RelanceTestRun *run)
{
  if (run->status != 0)
    g_error ("relance-cli failed with %d: %s", run->status, run->err);
}

/* A ledger with two customers on 2025-08-14 (see tests/test-penalties.c):
 *  DUPONT (France): F1 1 000,00 due 2025-06-15 unpaid, 20,38 of interest;
 *    F2 1 000,00 due 2025-06-15, 400,00 paid on 2025-07-20, 17,05;
 *    F3 300,00 due 2025-09-30, not due yet.
 *  MUELLER (Germany): D1 1 000,00 due 2025-06-15, ECB + 8 points, 17,10. */
static void
make_ledger (Fixture *f)
{
  const char * const invoices[][5] = {
    { "DUPONT", "F1", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F2", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F3", "2025-08-31", "2025-09-30", "300.00" },
    { "MUELLER", "D1", "2025-05-16", "2025-06-15", "1000.00" },
  };
  RelanceTestRun *run;

  run = run_cli (f, "customer", "add", "--code", "DUPONT", "--name", "Dupont SA", NULL);
  assert_ok (run);
  relance_test_run_free (run);
  run = run_cli (f, "customer", "add", "--code", "MUELLER", "--name", "Müller GmbH",
                 "--country", "DE", NULL);
  assert_ok (run);
  relance_test_run_free (run);

  for (guint i = 0; i < G_N_ELEMENTS (invoices); i++)
    {
      run = run_cli (f, "invoice", "add", "--customer", invoices[i][0], "--number", invoices[i][1],
                     "--issued", invoices[i][2], "--due", invoices[i][3], "--amount", invoices[i][4], NULL);
      assert_ok (run);
      relance_test_run_free (run);
    }

  run = run_cli (f, "payment", "add", "--customer", "DUPONT", "--date", "2025-07-20",
                 "--amount", "400.00", "--invoice", "F2", NULL);
  assert_ok (run);
  relance_test_run_free (run);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RelanceTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;

  make_ledger (f);

  /* 2025-08-14 is 60 days after 2025-06-15; the rate in force that day is
   * 2.15 + 10 = 12.15 %. F2 owes the whole indemnity though partly paid;
   * F3 owes nothing yet. */
  run = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-08-14", "--format", "csv", NULL);
  assert_ok (run);
  g_assert_cmpstr (run->err, ==, "");
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "invoice,due,open,days_late,rate,interest,indemnity");
  g_assert_cmpstr (lines[1], ==, "F1,2025-06-15,1000.00,60,12.15,20.38,40.00");
  g_assert_cmpstr (lines[2], ==, "F2,2025-06-15,600.00,60,12.15,17.05,40.00");
  g_assert_cmpstr (lines[3], ==, "TOTAL,,1600.00,,,37.43,80.00");
  g_assert_cmpstr (lines[4], ==, "");
  g_clear_pointer (&run, relance_test_run_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Elsewhere in the EU: 2.15 + 8 = 10.15 %, 17,10 of interest. The
   * options may come in any order, the global ones before the command. */
  run = run_cli (f, "--date", "14/08/2025", "--format", "csv", "penalties", "--customer", "mueller", NULL);
  assert_ok (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[1], ==, "D1,2025-06-15,1000.00,60,10.15,17.10,40.00");
  g_assert_cmpstr (lines[2], ==, "TOTAL,,1000.00,,,17.10,40.00");
}

static void
test_json_and_table (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RelanceTestRun) json = NULL;
  g_autoptr(RelanceTestRun) table = NULL;
  g_autoptr(RelanceTestRun) early = NULL;

  make_ledger (f);

  json = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-08-14", "--format", "json", NULL);
  assert_ok (json);
  g_assert_nonnull (strstr (json->out, "\"invoice\": \"F1\""));
  g_assert_nonnull (strstr (json->out, "\"rate\": 12.15"));
  g_assert_nonnull (strstr (json->out, "\"interest\": 20.38"));
  g_assert_nonnull (strstr (json->out, "\"invoice\": \"TOTAL\""));
  g_assert_nonnull (strstr (json->out, "\"interest\": 37.43"));
  g_assert_nonnull (strstr (json->out, "\"due\": null"));

  table = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-08-14", NULL);
  assert_ok (table);
  g_assert_nonnull (strstr (table->out, "TOTAL"));
  g_assert_nonnull (strstr (table->out, "12.15"));
  g_assert_nonnull (strstr (table->out, "37.43"));

  /* Nothing late yet: only the total, at zero. */
  early = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-06-15", "--format", "csv", NULL);
  assert_ok (early);
  g_assert_cmpstr (early->out, ==, "invoice,due,open,days_late,rate,interest,indemnity\n"
                                   "TOTAL,,0.00,,,0.00,0.00\n");
}

static void
test_rates_warning (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(RelanceTestRun) covered = NULL;

  make_ledger (f);

  /* The shipped table ends with the rate of 2026-01-01, which holds to
   * 2026-06-30: later days use it, and the user is told. */
  run = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2026-09-15", "--format", "csv", NULL);
  assert_ok (run);
  g_assert_nonnull (strstr (run->err, "2026-06-30"));
  g_assert_nonnull (strstr (run->out, "F1,2025-06-15,1000.00,457,12.15,"));

  covered = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2026-03-15", "--format", "csv", NULL);
  assert_ok (covered);
  g_assert_cmpstr (covered->err, ==, "");
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RelanceTestRun) unknown = NULL;
  g_autoptr(RelanceTestRun) bad_date = NULL;
  g_autoptr(RelanceTestRun) missing = NULL;
  g_autoptr(RelanceTestRun) no_ledger = NULL;

  no_ledger = run_cli (f, "penalties", "--customer", "DUPONT", NULL);
  g_assert_cmpint (no_ledger->status, ==, 1);
  g_assert_nonnull (strstr (no_ledger->err, "no ledger"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  make_ledger (f);

  unknown = run_cli (f, "penalties", "--customer", "NOBODY", "--date", "2025-08-14", NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "NOBODY"));
  g_assert_cmpstr (unknown->out, ==, "");

  bad_date = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-02-30", NULL);
  g_assert_cmpint (bad_date->status, ==, 1);
  g_assert_nonnull (strstr (bad_date->err, "2025-02-30"));
  g_assert_cmpstr (bad_date->out, ==, "");

  missing = run_cli (f, "penalties", "--date", "2025-08-14", NULL);
  g_assert_cmpint (missing->status, ==, 2);
  g_assert_nonnull (strstr (missing->err, "--customer"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = argc > 1 ? argv[1] : g_getenv ("RELANCE_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Usage: %s [--tap] PATH-TO-RELANCE-CLI (or set RELANCE_CLI)\n", argv[0]);
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/penalties/csv", test_csv);
  ADD ("/cli/penalties/json-and-table", test_json_and_table);
  ADD ("/cli/penalties/rates-warning", test_rates_warning);
  ADD ("/cli/penalties/errors", test_errors);

#undef ADD

  return g_test_run ();
}
