/* test-chart-cli.c
 *
 * relance-cli stats disputes and relance-cli chart, run as a user would on
 * the sample company. The program's path is the first argument.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "relance-test-utils.h"

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Runs relance-cli --db LEDGER --date 2026-11-23 ARGS... */
static RelanceTestRun *
run_cli (Fixture    *f,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *)"--date");
  g_ptr_array_add (argv, (char *)"2026-11-23");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  return relance_test_run_argv (cli_path, f->db, xdg, (const char * const *)argv->pdata);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTestRun) run = NULL;

  f->dir = g_dir_make_tmp ("relance-chart-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "ledger.db", NULL);

  run = run_cli (f, "demo", NULL);
  g_assert_cmpint (run->status, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  relance_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* The names in @dir other than the ledger's files. */
static guint
count_other_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "ledger.db") && !g_str_equal (name, "xdg"))
      n++;

  return n;
}

static void
test_stats_disputes_csv (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RelanceTestRun) run = run_cli (f, "stats", "disputes", "--format", "csv",
                                           "--from", "2026-01-01", "--to", "2026-11-23", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 0);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "cause,label,count,amount,median_days,mean_days,p90_days,open");
  /* The four causes of the sample, in order. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[1], "A,Waiting for a credit note,"));
  g_assert_true (g_str_has_prefix (lines[4], "D,"));
  g_assert_cmpstr (lines[5], ==, "");
}

static void
test_stats_disputes_formats (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RelanceTestRun) json = run_cli (f, "stats", "disputes", "--format", "json", NULL);
  g_autoptr(RelanceTestRun) table = run_cli (f, "stats", "disputes", NULL);
  g_autoptr(RelanceTestRun) empty = run_cli (f, "stats", "disputes", "--format", "csv",
                                             "--from", "2030-01-01", "--to", "2030-01-31", NULL);

  g_assert_cmpint (json->status, ==, 0);
  g_assert_true (g_str_has_prefix (json->out, "[\n  {\"cause\": \"A\""));
  g_assert_nonnull (strstr (json->out, "\"median_days\": "));
  g_assert_cmpint (table->status, ==, 0);
  g_assert_nonnull (strstr (table->out, "Median days"));

  /* A period with no dispute: every cause, with nothing, and no median. */
  g_assert_cmpint (empty->status, ==, 0);
  g_assert_nonnull (strstr (empty->out, "\nA,Waiting for a credit note,0,0.00,,,,0\n"));
}

static void
test_chart_files (Fixture       *f,
                  gconstpointer  data)
{
  static const char *names[] = { "disputes-by-cause", "resolution-time", "disputes-trend",
                                 "aged-balance", "dso" };
  static const char *kinds[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *kind = kinds[i % G_N_ELEMENTS (kinds)];
      g_autofree char *name = g_strdup_printf ("%s.%s", names[i], kind);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(RelanceTestRun) run = run_cli (f, "chart", names[i], "--out", path,
                                               "--width", "640", "--height", "400", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (g_str_equal (kind, "png"))
        g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);
      else if (g_str_equal (kind, "svg"))
        g_assert_nonnull (strstr (contents, "<title>"));
      else
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
    }
}

/* Whether @needle is in the first @length bytes of @data, NULs and all. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_chart_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "report.png", NULL);
  g_autoptr(RelanceTestRun) run = run_cli (f, "chart", "report", "--out", pdf, NULL);
  g_autoptr(RelanceTestRun) refused = run_cli (f, "chart", "report", "--out", png, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* The title page and the nine charts. */
  g_assert_true (contains_bytes (contents, length, "/Count 10"));

  g_assert_cmpint (refused->status, ==, 2);
  g_assert_nonnull (strstr (refused->err, ".pdf"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* Each bad command line fails with a message, and writes no file. */
static void
test_chart_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "out.png", NULL);
  g_autofree char *jpg = g_build_filename (f->dir, "out.jpg", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "out.png", NULL);
  struct {
    const char *args[9];
    const char *message;
  } cases[] = {
    { { "chart", "pie", "--out", png }, "no chart “pie”" },
    { { "chart", "dso", "--out", jpg }, ".png, .svg or .pdf" },
    { { "chart", "dso", "--out", png, "--from", "2026-05-01", "--to", "2026-04-01" }, "after its end" },
    { { "chart", "dso", "--out", png, "--from", "2026-02-30" }, "2026-02-30" },
    { { "chart", "dso", "--out", png, "--width", "0" }, "--width" },
    { { "chart", "dso", "--out", png, "--height", "-3" }, "--height" },
    { { "chart", "dso" }, "--out" },
    { { "chart", "--out", png }, "Which chart" },
    { { "chart", "dso", "--out", nowhere }, "missing" },
    { { "chart", "dso", "--out", png, "--segment", "Nobody" }, "Nobody" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(RelanceTestRun) run = run_cli (f, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      g_assert_cmpint (run->status, !=, 0);
      if (strstr (run->err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in: %s", i, cases[i].message, run->err);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_other_files (f), ==, 0);
    }
}

static void
test_no_ledger (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "out.png", NULL);
  g_autoptr(RelanceTestRun) run = NULL;

  g_free (f->db);
  f->db = g_build_filename (f->dir, "none.db", NULL);
  run = run_cli (f, "chart", "dso", "--out", png, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "There is no ledger"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = argc > 1 ? argv[1] : g_getenv ("RELANCE_CLI");
  g_assert_nonnull (cli_path);

  g_test_add ("/chart-cli/stats-disputes-csv", Fixture, NULL, fixture_set_up, test_stats_disputes_csv, fixture_tear_down);
  g_test_add ("/chart-cli/stats-disputes-formats", Fixture, NULL, fixture_set_up, test_stats_disputes_formats, fixture_tear_down);
  g_test_add ("/chart-cli/chart-files", Fixture, NULL, fixture_set_up, test_chart_files, fixture_tear_down);
  g_test_add ("/chart-cli/chart-report", Fixture, NULL, fixture_set_up, test_chart_report, fixture_tear_down);
  g_test_add ("/chart-cli/chart-refused", Fixture, NULL, fixture_set_up, test_chart_refused, fixture_tear_down);
  g_test_add ("/chart-cli/no-ledger", Fixture, NULL, fixture_set_up, test_no_ledger, fixture_tear_down);

  return g_test_run ();
}
