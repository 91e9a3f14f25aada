/* test-company-cli.c
 *
 * relance-cli company set and relance-cli company (show), run as a script
 * would, each test on its own ledger in a g_dir_make_tmp() folder.
 *
 * Usage: test-company-cli [--tap] PATH-TO-RELANCE-CLI (or $RELANCE_CLI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
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

  f->dir = g_dir_make_tmp ("relance-company-cli-XXXXXX", &error);
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

/* Writes @size bytes of @data into the test folder as @name. */
static char *
write_file (Fixture    *f,
            const char *name,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, (gssize)size, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” unexpectedly found in:\n%s", part, text);
}

static const char csv_after_set[] =
  "field,value\n"
  "name,Menuiserie Durand\n"
  "address,\"3 chemin des Vignes\nZA des Prés\"\n"
  "postcode,25000\n"
  "city,Besançon\n"
  "country,FR\n"
  "siren,732829320\n"
  "vat_number,FR44732829320\n"
  "iban,FR7630006000011234567890189\n"
  "bic,AGRIFRPP\n"
  "phone,\n"
  "email,compta@durand.example\n"
  "signatory_name,\n"
  "signatory_title,\n"
  "place,Besançon\n"
  "logo,\"PNG, 2.5\u00a0kB\"\n"
  "signature,\n";

static void
test_set_show (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RelanceTestRun) set = NULL;
  g_autoptr(RelanceTestRun) show = NULL;
  g_autoptr(RelanceTestRun) again = NULL;
  g_autoptr(RelanceTestRun) table = NULL;
  g_autofree guint8 *png = g_malloc0 (2500);
  g_autofree char *logo = NULL;

  memcpy (png, "\x89PNG\r\n\x1a\n", 8);
  logo = write_file (f, "logo.png", png, 2500);

  set = run_cli (f, "company", "set", "--name", "Menuiserie Durand",
                 "--address", "3 chemin des Vignes\nZA des Prés", "--postcode", "25000",
                 "--city", "Besançon", "--siren", "732 829 320", "--vat", "fr44 732 829 320",
                 "--iban", "FR76 3000 6000 0112 3456 7890 189", "--bic", "agrifrpp",
                 "--email", "compta@durand.example", "--place", "Besançon", "--logo", logo, NULL);
  g_assert_cmpint (set->status, ==, 0);
  g_assert_cmpstr (set->out, ==, "");
  g_assert_cmpstr (set->err, ==, "");

  show = run_cli (f, "company", "show", "--format", "csv", NULL);
  g_assert_cmpint (show->status, ==, 0);
  g_assert_cmpstr (show->out, ==, csv_after_set);
  assert_contains (show->err, "Signatory’s name");
  assert_lacks (show->err, "SIREN");

  /* Only the options given change; "company" alone shows. */
  again = run_cli (f, "company", "set", "--signatory", "Paul Durand", NULL);
  g_assert_cmpint (again->status, ==, 0);
  table = run_cli (f, "company", NULL);
  g_assert_cmpint (table->status, ==, 0);
  assert_contains (table->out, "Paul Durand");
  assert_contains (table->out, "Menuiserie Durand");
  assert_contains (table->out, "732829320");
  assert_contains (table->out, "PNG, 2.5\u00a0kB");
  g_assert_cmpstr (table->err, ==, "");
}

static void
test_wrong_siren (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RelanceTestRun) set = NULL;
  g_autoptr(RelanceTestRun) wrong = NULL;
  g_autoptr(RelanceTestRun) show = NULL;

  set = run_cli (f, "company", "set", "--name", "Menuiserie Durand", "--siren", "732829320", NULL);
  g_assert_cmpint (set->status, ==, 0);

  wrong = run_cli (f, "company", "set", "--name", "Autre nom", "--siren", "732 829 321", NULL);
  g_assert_cmpint (wrong->status, ==, 1);
  assert_contains (wrong->err, "The SIREN 732 829 321 is wrong: its check digit does not match");

  show = run_cli (f, "company", "--format", "csv", NULL);
  g_assert_cmpint (show->status, ==, 0);
  assert_contains (show->out, "name,Menuiserie Durand\n");
  assert_contains (show->out, "siren,732829320\n");
  assert_lacks (show->out, "Autre nom");
}

static void
test_wrong_logo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RelanceTestRun) text = NULL;
  g_autoptr(RelanceTestRun) absent = NULL;
  g_autoptr(RelanceTestRun) svg = NULL;
  g_autoptr(RelanceTestRun) show = NULL;
  g_autofree char *notes = write_file (f, "logo.txt", "Menuiserie Durand\n", 18);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.png", NULL);
  const char svg_text[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
  g_autofree char *signature = write_file (f, "signature.svg", svg_text, strlen (svg_text));

  text = run_cli (f, "company", "set", "--name", "Menuiserie Durand", "--logo", notes, NULL);
  g_assert_cmpint (text->status, ==, 1);
  assert_contains (text->err, "logo.txt");
  assert_contains (text->err, "neither a PNG nor an SVG");
  /* Nothing was written: not even the ledger. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  absent = run_cli (f, "company", "set", "--logo", missing, NULL);
  g_assert_cmpint (absent->status, ==, 1);
  assert_contains (absent->err, "nowhere.png");

  svg = run_cli (f, "company", "set", "--signature", signature, NULL);
  g_assert_cmpint (svg->status, ==, 0);
  show = run_cli (f, "company", "show", "--format", "json", NULL);
  g_assert_cmpint (show->status, ==, 0);
  assert_contains (show->out, "SVG, 64 bytes");
  assert_lacks (show->out, "Menuiserie Durand");
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

  ADD ("/company-cli/set-show", test_set_show);
  ADD ("/company-cli/wrong-siren", test_wrong_siren);
  ADD ("/company-cli/wrong-logo", test_wrong_logo);

#undef ADD

  return g_test_run ();
}
