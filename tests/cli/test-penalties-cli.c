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

/* A ledger with two customers on 2025-08-14 (see tests/test-penalties.c
 * for the periods, each rounded on the running sum):
 *  DUPONT (France): F1 1 000,00 due 2025-06-15 unpaid, 20,38 of interest
 *    (5,40 at 13.15 % to 06-30, then 14,98 at 12.15 %);
 *    F2 1 000,00 due 2025-06-15, 400,00 paid on 2025-07-20, 17,05
 *    (5,40 + 6,66 on 1 000,00, then 4,99 on 600,00);
 *    F3 300,00 due 2025-09-30, not due yet;
 *    F4 1 000,00 due 2025-06-15, paid in full on 2025-07-20: 12,06
 *    (5,40 + 6,66) and its indemnity, though nothing is open;
 *    F5 500,00 due 2025-06-15, disputed since 2025-07-01: 06-16..06-30
 *    50 000 × 1315 × 15 = 986 250 000 / 3 650 000 = 270.2… -> 2,70;
 *    07-01..08-14 50 000 × 1215 × 45 = 2 733 750 000, running sum
 *    3 720 000 000 / 3 650 000 = 1 019.2… -> 10,19, less 2,70 = 7,49.
 *    Shown, not claimed.
 *  Claimed: open 1 000 + 600 = 1 600,00; interest 20,38 + 17,05 + 12,06
 *  = 49,49; indemnities 3 × 40,00 = 120,00.
 *  MUELLER (Germany): D1 1 000,00 due 2025-06-15, ECB + 8 points, 17,10:
 *    100 000 × 1115 × 15 = 1 672 500 000 / 3 650 000 = 458.2… -> 4,58,
 *    then 17,10 - 4,58 = 12,52 at 10.15 %. */
static void
make_ledger (Fixture *f)
{
  const char * const invoices[][5] = {
    { "DUPONT", "F1", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F2", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F3", "2025-08-31", "2025-09-30", "300.00" },
    { "MUELLER", "D1", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F4", "2025-05-16", "2025-06-15", "1000.00" },
    { "DUPONT", "F5", "2025-05-16", "2025-06-15", "500.00" },
  };
  RelanceTestRun *run;

  run = run_cli (f, "customer", "add", "--code", "DUPONT", "--name", "Dupont SA", "--address", "1 rue Neuve",
                 "--postcode", "75001", "--city", "Paris", NULL);
  assert_ok (run);
  relance_test_run_free (run);
  run = run_cli (f, "customer", "add", "--code", "MUELLER", "--name", "Müller GmbH",
                 "--country", "DE", "--language", "en", "--address", "Hauptstraße 1",
                 "--postcode", "10115", "--city", "Berlin", NULL);
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
  run = run_cli (f, "payment", "add", "--customer", "DUPONT", "--date", "2025-07-20",
                 "--amount", "1000.00", "--invoice", "F4", NULL);
  assert_ok (run);
  relance_test_run_free (run);
  run = run_cli (f, "dispute", "open", "--invoice", "F5", "--cause", "B", "--date", "2025-07-01", NULL);
  assert_ok (run);
  relance_test_run_free (run);
}

#define HEADER "invoice,status,due,paid,days_late,open,from,to,days,balance,rate,interest,indemnity"

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RelanceTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;

  make_ledger (f);

  /* 2025-08-14 is 60 days after 2025-06-15. One row per period, the
   * invoice's own figures on its first row. F2 owes the whole indemnity
   * though partly paid; F4 owes its interest to the day it was paid and
   * its indemnity; F5 is shown apart; F3 owes nothing yet. */
  run = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-08-14", "--format", "csv", NULL);
  assert_ok (run);
  g_assert_cmpstr (run->err, ==, "");
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_cmpstr (lines[0], ==, HEADER);
  g_assert_cmpstr (lines[1], ==, "F1,open,2025-06-15,,60,1000.00,2025-06-16,2025-06-30,15,1000.00,13.15,5.40,40.00");
  g_assert_cmpstr (lines[2], ==, "F1,open,2025-06-15,,,,2025-07-01,2025-08-14,45,1000.00,12.15,14.98,");
  g_assert_cmpstr (lines[3], ==, "F2,open,2025-06-15,,60,600.00,2025-06-16,2025-06-30,15,1000.00,13.15,5.40,40.00");
  g_assert_cmpstr (lines[4], ==, "F2,open,2025-06-15,,,,2025-07-01,2025-07-20,20,1000.00,12.15,6.66,");
  g_assert_cmpstr (lines[5], ==, "F2,open,2025-06-15,,,,2025-07-21,2025-08-14,25,600.00,12.15,4.99,");
  g_assert_cmpstr (lines[6], ==, "F4,paid_late,2025-06-15,2025-07-20,35,0.00,2025-06-16,2025-06-30,15,1000.00,13.15,5.40,40.00");
  g_assert_cmpstr (lines[7], ==, "F4,paid_late,2025-06-15,,,,2025-07-01,2025-07-20,20,1000.00,12.15,6.66,");
  g_assert_cmpstr (lines[8], ==, "F5,disputed,2025-06-15,,60,500.00,2025-06-16,2025-06-30,15,500.00,13.15,2.70,40.00");
  g_assert_cmpstr (lines[9], ==, "F5,disputed,2025-06-15,,,,2025-07-01,2025-08-14,45,500.00,12.15,7.49,");
  g_assert_cmpstr (lines[10], ==, "DISPUTED,disputed,,,,500.00,,,,,,10.19,40.00");
  g_assert_cmpstr (lines[11], ==, "TOTAL,,,,,1600.00,,,,,,49.49,120.00");
  g_assert_cmpstr (lines[12], ==, "");
  g_clear_pointer (&run, relance_test_run_free);
  g_clear_pointer (&lines, g_strfreev);

  /* On 2025-07-10 the payments of 2025-07-20 do not count yet: F2 and F4
   * are open in full, 25 days late: 5,40 + 10 days × 100 000 × 1215
   * = 1 215 000 000, running sum 3 187 500 000 / 3 650 000 = 873.3…
   * -> 8,73, less 5,40 = 3,33. F5's dispute is open already. Claimed:
   * 3 000,00; 3 × 8,73 = 26,19; 120,00. */
  run = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-07-10", "--format", "csv", NULL);
  assert_ok (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  g_assert_cmpstr (lines[5], ==, "F4,open,2025-06-15,,25,1000.00,2025-06-16,2025-06-30,15,1000.00,13.15,5.40,40.00");
  g_assert_cmpstr (lines[6], ==, "F4,open,2025-06-15,,,,2025-07-01,2025-07-10,10,1000.00,12.15,3.33,");
  g_assert_cmpstr (lines[10], ==, "TOTAL,,,,,3000.00,,,,,,26.19,120.00");
  g_clear_pointer (&run, relance_test_run_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Elsewhere in the EU: 2.15 + 8 = 10.15 %, 17,10 of interest. The
   * options may come in any order, the global ones before the command. */
  run = run_cli (f, "--date", "14/08/2025", "--format", "csv", "penalties", "--customer", "mueller", NULL);
  assert_ok (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[1], ==, "D1,open,2025-06-15,,60,1000.00,2025-06-16,2025-06-30,15,1000.00,11.15,4.58,40.00");
  g_assert_cmpstr (lines[2], ==, "D1,open,2025-06-15,,,,2025-07-01,2025-08-14,45,1000.00,10.15,12.52,");
  g_assert_cmpstr (lines[3], ==, "TOTAL,,,,,1000.00,,,,,,17.10,40.00");
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
  g_assert_nonnull (strstr (json->out,
                            "{\"invoice\": \"F1\", \"status\": \"open\", \"due\": \"2025-06-15\", "
                            "\"paid\": null, \"days_late\": 60, \"open\": 1000.00, \"from\": \"2025-06-16\", "
                            "\"to\": \"2025-06-30\", \"days\": 15, \"balance\": 1000.00, \"rate\": 13.15, "
                            "\"interest\": 5.40, \"indemnity\": 40.00}"));
  g_assert_nonnull (strstr (json->out,
                            "{\"invoice\": \"F1\", \"status\": \"open\", \"due\": \"2025-06-15\", "
                            "\"paid\": null, \"days_late\": null, \"open\": null, \"from\": \"2025-07-01\", "
                            "\"to\": \"2025-08-14\", \"days\": 45, \"balance\": 1000.00, \"rate\": 12.15, "
                            "\"interest\": 14.98, \"indemnity\": null}"));
  g_assert_nonnull (strstr (json->out, "\"status\": \"paid_late\", \"due\": \"2025-06-15\", \"paid\": \"2025-07-20\""));
  g_assert_nonnull (strstr (json->out, "\"invoice\": \"DISPUTED\""));
  g_assert_nonnull (strstr (json->out, "\"invoice\": \"TOTAL\""));
  g_assert_nonnull (strstr (json->out, "\"interest\": 49.49"));

  table = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-08-14", NULL);
  assert_ok (table);
  g_assert_nonnull (strstr (table->out, "TOTAL"));
  g_assert_nonnull (strstr (table->out, "13.15"));
  g_assert_nonnull (strstr (table->out, "12.15"));
  g_assert_nonnull (strstr (table->out, "paid late"));
  g_assert_nonnull (strstr (table->out, "not claimed"));
  g_assert_nonnull (strstr (table->out, "49.49"));

  /* Nothing late yet: only the total, at zero. */
  early = run_cli (f, "penalties", "--customer", "DUPONT", "--date", "2025-06-15", "--format", "csv", NULL);
  assert_ok (early);
  g_assert_cmpstr (early->out, ==, HEADER "\n"
                                   "TOTAL,,,,,0.00,,,,,,0.00,0.00\n");
}


/* The text of PDF @path as pdftotext lays it out, no-break spaces as
 * plain ones. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  GString *text;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  text = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (text, c == 0x202f || c == 0x00a0 ? ' ' : c);
    }

  return g_string_free (text, FALSE);
}

/* Whether @part is in @text, a line break in @text counting as a space
 * (the letter's paragraphs wrap where the page ends). */
static void
assert_has (const char *text,
            const char *part)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n", ' ');
  if (strstr (flat, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

/* The line of @text that starts, spaces aside, with @start. */
static char *
line_starting (const char *text,
               const char *start)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), start))
      return g_strchomp (g_strdup (lines[i]));

  g_error ("no line starts with “%s” in:\n%s", start, text);
  return NULL;
}

/* A formal notice claims what relance-cli penalties claims, period by
 * period, the invoice paid late included and the disputed one left out,
 * and its total claimed is the last line of its table and the sum it
 * demands. */
static void
test_letter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RelanceTestRun) run = NULL;
  g_autofree char *french = g_build_filename (f->dir, "dupont.pdf", NULL);
  g_autofree char *english = g_build_filename (f->dir, "mueller.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;

  make_ledger (f);
  run = run_cli (f, "company", "set", "--name", "Horlogerie Comtoise", "--address", "12 rue des Granges",
                 "--postcode", "25000", "--city", "Besançon", "--siren", "123456782",
                 "--signatory", "Claire Vernier", NULL);
  assert_ok (run);
  g_clear_pointer (&run, relance_test_run_free);

  /* DUPONT on 2025-08-14 (see make_ledger): seven lines of interest, F1's
   * two, F2's three, F4's two (paid on 2025-07-20); not F5, disputed.
   * 5,40 + 14,98 + 5,40 + 6,66 + 4,99 + 5,40 + 6,66 = 49,49; three
   * indemnities 120,00; total claimed 1 600,00 + 49,49 + 120,00
   * = 1 769,49. */
  run = run_cli (f, "letter", "--customer", "DUPONT", "--date", "2025-08-14",
                 "--template", "Mise en demeure (standard)", "--out", french, NULL);
  assert_ok (run);
  g_clear_pointer (&run, relance_test_run_free);
  text = pdf_text (french);
  assert_has (text, "Intérêts de retard, facture F1, du 16/06/2025 au 30/06/2025 (15 jours sur");
  assert_has (text, "Intérêts de retard, facture F1, du 01/07/2025 au 14/08/2025 (45 jours sur");
  assert_has (text, "Intérêts de retard, facture F2, du 21/07/2025 au 14/08/2025 (25 jours sur");
  assert_has (text, "600,00 € à 12,15 %)");
  assert_has (text, "Intérêts de retard, facture F4 payée le 20/07/2025, du 16/06/2025 au");
  assert_has (text, "Intérêts de retard, facture F4, du 01/07/2025 au 20/07/2025 (20 jours sur");
  /* F5 is under dispute: no interest claimed on it, it is listed apart. */
  g_assert_null (strstr (text, "Intérêts de retard, facture F5"));
  assert_has (text, "en litige, est hors relance");
  assert_has (text, "14,98 €");
  assert_has (text, "4,99 €");
  assert_has (text, "Indemnité forfaitaire pour frais de recouvrement (40 € × 3)");
  total = line_starting (text, "Total réclamé");
  g_assert_true (g_str_has_suffix (total, " 1 769,49 €"));
  assert_has (text, "la somme de 1 769,49 €");
  assert_has (text, "au taux annuel de 13,15 % puis 12,15 %");
  assert_has (text, ": 49,49 €");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&total, g_free);

  /* MUELLER, in English: D1's two lines, 4,58 at 11.15 % and 12,52 at
   * 10.15 %; total claimed 1 000,00 + 17,10 + 40,00 = 1 057,10. */
  run = run_cli (f, "letter", "--customer", "MUELLER", "--date", "2025-08-14",
                 "--template", "Formal notice (standard)", "--out", english, NULL);
  assert_ok (run);
  text = pdf_text (english);
  assert_has (text, "Late-payment interest, invoice D1, from 16 Jun 2025 to 30 Jun 2025 (15 days");
  assert_has (text, "on €1,000.00 at 11.15%)");
  assert_has (text, "Late-payment interest, invoice D1, from 1 Jul 2025 to 14 Aug 2025 (45 days");
  assert_has (text, "on €1,000.00 at 10.15%)");
  assert_has (text, "€4.58");
  assert_has (text, "€12.52");
  assert_has (text, "Fixed compensation for recovery costs (€40 × 1)");
  total = line_starting (text, "Total claimed");
  g_assert_true (g_str_has_suffix (total, " €1,057.10"));
  assert_has (text, "the sum of €1,057.10");
  assert_has (text, "at the annual rate of 11.15% then 10.15%");
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
  g_assert_nonnull (strstr (run->out, "F1,open,2025-06-15,,457,1000.00,"));

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
  ADD ("/cli/penalties/letter", test_letter);
  ADD ("/cli/penalties/rates-warning", test_rates_warning);
  ADD ("/cli/penalties/errors", test_errors);

#undef ADD

  return g_test_run ();
}
