/* test-worklist-cli.c
 *
 * relance-cli worklist and relance-cli action add, run as a script would,
 * each test on its own ledger in a g_dir_make_tmp() folder.
 *
 * Usage: test-worklist-cli [--tap] PATH-TO-RELANCE-CLI (or $RELANCE_CLI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-test-utils.h"

#define TODAY "2026-11-23"

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

  f->dir = g_dir_make_tmp ("relance-worklist-cli-XXXXXX", &error);
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

/* Runs relance-cli --db LEDGER @args; the user's data folder points into
 * the test folder. */
static RelanceTestRun *
run_args (Fixture            *f,
          const char * const *args)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);

  return relance_test_run_argv (cli_path, f->db, xdg, args);
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

/* Runs a command that must succeed, and returns its output. */
static char *
cli_ok (Fixture    *f,
        const char *first,
        ...)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  g_autoptr(RelanceTestRun) run = NULL;
  va_list ap;

  va_start (ap, first);
  run = relance_test_run_valist (cli_path, f->db, xdg, first, ap);
  va_end (ap);

  if (run->status != 0)
    g_error ("relance-cli %s failed with %d: %s", first, run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");

  return g_steal_pointer (&run->out);
}

/* A small RFC 4180 reader: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == ',' || *p == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\n')
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
              g_ptr_array_set_free_func (fields, g_free);
            }
        }
      else
        g_string_append_c (field, *p);
    }

  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);

  return rows;
}

/* The worklist of @date as CSV rows, the header first. */
static GPtrArray *
worklist (Fixture    *f,
          const char *date)
{
  g_autofree char *out = cli_ok (f, "--date", date, "worklist", "--format", "csv", NULL);

  return parse_csv (out);
}

static const char *
cell (GPtrArray  *rows,
      guint       row,
      const char *column)
{
  char **header = g_ptr_array_index (rows, 0);
  char **fields;

  g_assert_cmpuint (row, <, rows->len);
  fields = g_ptr_array_index (rows, row);
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return fields[i];

  g_error ("no column %s", column);
  return NULL;
}

/* C1: two invoices at D+5 and D+17; C2: one at D+40 and one disputed;
 * C3: one due in three days; C4: only a disputed one. */
static void
make_ledger (Fixture *f)
{
  g_free (cli_ok (f, "customer", "add", "--code", "C1", "--name", "Dupont SARL", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C2", "--name", "Garage Martin", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C3", "--name", "Boulangerie Roux", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C4", "--name", "Transports Lemoine", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F1",
                  "--issued", "2026-10-19", "--due", "2026-11-18", "--amount", "100", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F2",
                  "--issued", "2026-10-07", "--due", "2026-11-06", "--amount", "250.50", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "G1",
                  "--issued", "2026-09-14", "--due", "2026-10-14", "--amount", "1200", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "G2",
                  "--issued", "2026-10-19", "--due", "2026-11-18", "--amount", "80", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C3", "--number", "H1",
                  "--issued", "2026-10-27", "--due", "2026-11-26", "--amount", "40", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C4", "--number", "K1",
                  "--issued", "2026-10-19", "--due", "2026-11-18", "--amount", "60", NULL));
  g_free (cli_ok (f, "dispute", "open", "--invoice", "G2", "--cause", "B", "--date", "2026-11-20", NULL));
  g_free (cli_ok (f, "dispute", "open", "--invoice", "K1", "--cause", "A", "--date", "2026-11-20", NULL));
}

static void
test_worklist (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *table = NULL;

  make_ledger (f);
  rows = worklist (f, TODAY);

  /* Today 2026-11-23, nobody was ever called: each customer's next step
   * is its D+3 call (a late step is done late), in the order of the
   * priority, the stake being open x days late:
   *   C2: G1 1 200,00 x 40 days = 120000 x 40 = 4 800 000 (G2 disputed,
   *       its call due 11-21, named as blocked);
   *   C1: F2 250,50 x 17 + F1 100,00 x 5 = 425 850 + 50 000 = 475 850;
   *   C3: H1 not yet due (the D-3 e-mail, due 11-23): 0;
   *   C4: blocked, last. */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((char **)rows->pdata[0])[0], ==, "priority");
  g_assert_cmpuint (g_strv_length (rows->pdata[0]), ==, 10);

  g_assert_cmpstr (cell (rows, 1, "priority"), ==, "1");
  g_assert_cmpstr (cell (rows, 1, "customer"), ==, "C2");
  g_assert_cmpstr (cell (rows, 1, "channel"), ==, "phone");
  g_assert_cmpstr (cell (rows, 1, "step"), ==, "D+3");
  g_assert_cmpstr (cell (rows, 1, "invoices"), ==, "G1");
  g_assert_cmpstr (cell (rows, 1, "oldest_days_overdue"), ==, "40");
  g_assert_cmpstr (cell (rows, 1, "step_due"), ==, "2026-10-17");
  g_assert_cmpstr (cell (rows, 1, "promise"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "blocked"), ==, "G2 (B Shipping)");

  g_assert_cmpstr (cell (rows, 2, "priority"), ==, "2");
  g_assert_cmpstr (cell (rows, 2, "customer"), ==, "C1");
  g_assert_cmpstr (cell (rows, 2, "channel"), ==, "phone");
  g_assert_cmpstr (cell (rows, 2, "step"), ==, "D+3");
  g_assert_cmpstr (cell (rows, 2, "invoices"), ==, "F2, F1");
  g_assert_cmpstr (cell (rows, 2, "amount"), ==, "350.50");
  g_assert_cmpstr (cell (rows, 2, "oldest_days_overdue"), ==, "17");
  g_assert_cmpstr (cell (rows, 2, "step_due"), ==, "2026-11-09");
  g_assert_cmpstr (cell (rows, 2, "blocked"), ==, "");

  g_assert_cmpstr (cell (rows, 3, "priority"), ==, "3");
  g_assert_cmpstr (cell (rows, 3, "customer"), ==, "C3");
  g_assert_cmpstr (cell (rows, 3, "channel"), ==, "email");
  g_assert_cmpstr (cell (rows, 3, "step"), ==, "D-3");
  g_assert_cmpstr (cell (rows, 3, "oldest_days_overdue"), ==, "-3");

  g_assert_cmpstr (cell (rows, 4, "priority"), ==, "4");
  g_assert_cmpstr (cell (rows, 4, "customer"), ==, "C4");
  g_assert_cmpstr (cell (rows, 4, "channel"), ==, "blocked");
  g_assert_cmpstr (cell (rows, 4, "invoices"), ==, "");
  g_assert_cmpstr (cell (rows, 4, "step_due"), ==, "");
  g_assert_cmpstr (cell (rows, 4, "blocked"), ==, "K1 (A Billing)");

  /* People read the groups and steps in words. */
  table = cli_ok (f, "worklist", "--date", TODAY, NULL);
  g_assert_nonnull (strstr (table, "Calls"));
  g_assert_nonnull (strstr (table, "D+3 call of Standard scenario"));
  g_assert_nonnull (strstr (table, "Priority"));
}

/* A letter sent is done; the next step comes in its time. */
static void
test_action_sent (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *id = NULL;

  make_ledger (f);
  id = cli_ok (f, "action", "add", "--customer", "C1", "--kind", "letter", "--outcome", "sent",
               "--date", TODAY, "--summary", "First letter", NULL);
  g_assert_cmpstr (id, ==, "1\n");

  after = worklist (f, TODAY);
  g_assert_cmpuint (after->len, ==, 4);
  for (guint i = 1; i < after->len; i++)
    g_assert_cmpstr (cell (after, i, "customer"), !=, "C1");

  /* The letter did the D+3 step of F1 and F2 on 11-23: the D+15 letter
   * is next, due on max (11-06 + 15 = 11-21, 11-23 + 12 = 12-05) for F2
   * and max (11-18 + 15 = 12-03, 12-05) for F1: nothing before 12-05. */
  later = worklist (f, "2026-12-04");
  for (guint i = 1; i < later->len; i++)
    g_assert_cmpstr (cell (later, i, "customer"), !=, "C1");

  g_clear_pointer (&later, g_ptr_array_unref);
  later = worklist (f, "2026-12-05");
  for (guint i = 1; i < later->len; i++)
    if (g_str_equal (cell (later, i, "customer"), "C1"))
      {
        g_assert_cmpstr (cell (later, i, "channel"), ==, "letter");
        g_assert_cmpstr (cell (later, i, "step"), ==, "D+15");
        g_assert_cmpstr (cell (later, i, "invoices"), ==, "F2, F1");
        g_assert_cmpstr (cell (later, i, "step_due"), ==, "2026-12-05");
        return;
      }

  g_assert_not_reached ();
}

/* A promise: left alone, then checked, then a call when broken. */
static void
test_action_promise (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *id = NULL;

  make_ledger (f);
  id = cli_ok (f, "action", "add", "--customer", "C2", "--kind", "call", "--outcome", "promise",
               "--promise-date", "2026-11-30", "--promise-amount", "500", "--contact", "M. Martin",
               "--date", TODAY, NULL);
  g_assert_cmpstr (id, ==, "1\n");

  waiting = worklist (f, "2026-11-24");
  for (guint i = 1; i < waiting->len; i++)
    g_assert_cmpstr (cell (waiting, i, "customer"), !=, "C2");

  due = worklist (f, "2026-11-30");
  for (guint i = 1; i < due->len; i++)
    if (g_str_equal (cell (due, i, "customer"), "C2"))
      {
        g_assert_cmpstr (cell (due, i, "channel"), ==, "promise");
        g_assert_cmpstr (cell (due, i, "step"), ==, "promise");
        g_assert_cmpstr (cell (due, i, "promise"), ==, "pending");
      }

  /* Broken (due 11-30, 3 days of grace): urgent, first. */
  broken = worklist (f, "2026-12-04");
  g_assert_cmpstr (cell (broken, 1, "priority"), ==, "1");
  g_assert_cmpstr (cell (broken, 1, "customer"), ==, "C2");
  g_assert_cmpstr (cell (broken, 1, "promise"), ==, "broken");
  g_assert_cmpstr (cell (broken, 1, "channel"), ==, "phone");
  g_assert_cmpstr (cell (broken, 1, "step"), ==, "broken_promise");
  g_assert_cmpstr (cell (broken, 1, "invoices"), ==, "G1");
  g_assert_cmpstr (cell (broken, 1, "blocked"), ==, "G2 (B Shipping)");

  /* A kept promise shows too: C1 promised 100,00 for 11-25 on the call
   * (its D+3 step done on 11-23) and paid on 11-24. On 12-05 its letter
   * is due (max (11-06 + 15, 11-23 + 12) = 12-05), the promise kept. */
  g_free (cli_ok (f, "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise",
                  "--promise-date", "2026-11-25", "--promise-amount", "100", "--date", TODAY, NULL));
  g_free (cli_ok (f, "payment", "add", "--customer", "C1", "--date", "2026-11-24", "--amount", "100", NULL));
  kept = worklist (f, "2026-12-05");
  for (guint i = 1; i < kept->len; i++)
    if (g_str_equal (cell (kept, i, "customer"), "C1"))
      {
        g_assert_cmpstr (cell (kept, i, "step"), ==, "D+15");
        g_assert_cmpstr (cell (kept, i, "promise"), ==, "kept");
        return;
      }
  g_assert_not_reached ();
}

/* Mistakes are refused and leave the ledger as it was. */
static void
test_action_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    int         status;
    const char *in_message;
    const char *args[16];
  } refused[] = {
    { 2, "--customer", { "action", "add", "--kind", "call" } },
    { 2, "--kind", { "action", "add", "--customer", "C1" } },
    { 2, "fax", { "action", "add", "--customer", "C1", "--kind", "fax" } },
    { 2, "maybe", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "maybe" } },
    { 2, "--promise-date", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise",
                             "--promise-amount", "10" } },
    { 1, "before", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise",
                     "--promise-date", "2026-11-01", "--promise-amount", "10", "--date", TODAY } },
    { 1, "amount", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise",
                     "--promise-date", "2026-12-01", "--promise-amount", "0", "--date", TODAY } },
    { 1, "C9", { "action", "add", "--customer", "C9", "--kind", "note" } },
    { 1, "another customer", { "action", "add", "--customer", "C1", "--kind", "note", "--invoice", "G1" } },
    { 2, "--cause", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "dispute" } },
    { 1, "Z", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "dispute",
                "--cause", "Z" } },
    { 1, "after", { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "call_back",
                    "--call-back", TODAY, "--date", TODAY } },
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_ledger (f);
  before = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(RelanceTestRun) run = run_args (f, refused[i].args);

      g_assert_cmpint (run->status, ==, refused[i].status);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, refused[i].in_message));
    }

  after = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A call back: the customer is left out until that day. */
static void
test_action_call_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(RelanceTestRun) help = NULL;
  g_autofree char *disputes = NULL;
  gboolean seen = FALSE;

  make_ledger (f);
  g_free (cli_ok (f, "action", "add", "--customer", "C3", "--kind", "call", "--outcome", "call_back",
                  "--call-back", "2026-11-25", "--invoice", "H1", "--date", TODAY, NULL));

  today = worklist (f, "2026-11-24");
  for (guint i = 1; i < today->len; i++)
    g_assert_cmpstr (cell (today, i, "customer"), !=, "C3");

  back = worklist (f, "2026-11-25");
  for (guint i = 1; i < back->len; i++)
    seen |= g_str_equal (cell (back, i, "customer"), "C3");
  g_assert_true (seen);

  /* A dispute on the call: C1's first invoice concerned is blocked. */
  g_free (cli_ok (f, "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "dispute",
                  "--cause", "c", "--invoice", "F1", "--summary", "Price not agreed", "--date", TODAY, NULL));
  disputes = cli_ok (f, "disputes", "--format", "csv", NULL);
  g_assert_nonnull (strstr (disputes, "F1,C1,C"));

    help = run_cli (f, "--help", NULL);
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "worklist"));
  g_assert_nonnull (strstr (help->out, "action add"));
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

  ADD ("/worklist-cli/worklist", test_worklist);
  ADD ("/worklist-cli/action-sent", test_action_sent);
  ADD ("/worklist-cli/action-promise", test_action_promise);
  ADD ("/worklist-cli/action-refused", test_action_refused);
  ADD ("/worklist-cli/action-call-back", test_action_call_back);

#undef ADD

  return g_test_run ();
}
