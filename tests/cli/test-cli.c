/* test-cli.c
 *
 * Runs relance-cli as a user or a script would, each test on its own
 * ledger in a g_dir_make_tmp() folder, and checks what they would see.
 *
 * Usage: test-cli [--tap] PATH-TO-RELANCE-CLI (or $RELANCE_CLI)
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

/* Helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-cli-XXXXXX", &error);
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

/* Runs relance-cli with @argv as given (no --db added). The user's data
 * folder points into the test folder, so nothing escapes it. */
static RelanceTestRun *
run_argv (Fixture            *f,
          const char * const *args)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);

  return relance_test_run_argv (cli_path, NULL, xdg, args);
}

/* Runs relance-cli --db LEDGER ARGS... */
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

/* A small RFC 4180 reader: rows of fields, quotes and all. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          p++;
          continue;
        }

      if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_ptr_array_set_free_func (fields, g_free);
        }
      else
        {
          g_assert_cmpint (*p, !=, '"');
          g_string_append_c (field, *p);
        }
      p++;
    }

  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);   /* the last row ends with a newline */
  g_assert_cmpuint (field->len, ==, 0);

  return rows;
}

static int
column_index (GPtrArray  *rows,
              const char *name)
{
  char **header = g_ptr_array_index (rows, 0);

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;

  g_error ("no column %s", name);
  return -1;
}

/* "-1234.56" to cents, accepting only what the CLI must write. */
static gint64
cents (const char *text)
{
  gboolean negative = (*text == '-');
  const char *p = negative ? text + 1 : text;
  const char *dot = strchr (p, '.');
  guint64 units = 0;

  g_assert_nonnull (dot);
  g_assert_cmpuint (strlen (dot), ==, 3);
  g_assert_true (g_ascii_isdigit (dot[1]) && g_ascii_isdigit (dot[2]));
  g_assert_true (dot > p);
  for (const char *q = p; q < dot; q++)
    {
      g_assert_true (g_ascii_isdigit (*q));
      units = units * 10 + (guint64)(*q - '0');
    }

  return (negative ? -1 : 1) * (gint64)(units * 100 + (guint64)((dot[1] - '0') * 10 + (dot[2] - '0')));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* A small ledger: one customer with three invoices and a credit note, and
 * a second one with one invoice paid in full. */
static void
make_ledger (Fixture *f)
{
  g_free (cli_ok (f, "customer", "add", "--code", "C1", "--name", "Éléonore Dupré SARL",
                  "--terms", "30", "--city", "Besançon", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C2", "--name", "Garage Martin", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F1",
                  "--issued", "2026-09-01", "--due", "2026-10-01", "--amount", "1200", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F2",
                  "--issued", "01/10/2026", "--due", "31/10/2026", "--amount", "1 000,50", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F3",
                  "--issued", "2026-11-01", "--due", "2026-12-01", "--amount", "300.00", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "AV1", "--credit-note",
                  "--issued", "2026-11-05", "--due", "2026-11-05", "--amount", "100", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "G1",
                  "--issued", "2026-08-01", "--due", "2026-08-31", "--amount", "50", NULL));
  g_free (cli_ok (f, "payment", "add", "--customer", "C2", "--date", "2026-09-10",
                  "--amount", "50", NULL));
}

/* Everything a user can list, to compare before and after. */
static char *
snapshot (Fixture *f)
{
  g_autofree char *customers = cli_ok (f, "--date", TODAY, "customers", "--format", "csv", NULL);
  g_autofree char *invoices = cli_ok (f, "--date", TODAY, "invoices", "--format", "csv", NULL);
  g_autofree char *disputes = cli_ok (f, "--date", TODAY, "disputes", "--format", "csv", NULL);
  g_autofree char *history = cli_ok (f, "--date", TODAY, "history", "--customer", "C1", "--format", "csv", NULL);
  g_autofree char *contacts = cli_ok (f, "contacts", "--customer", "C1", "--format", "csv", NULL);

  return g_strconcat (customers, invoices, disputes, history, contacts, NULL);
}

static gboolean
read_file (const char  *path,
           GBytes     **bytes)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;

  *bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return TRUE;
}

/* Tests */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *global_help[] = { "--help", NULL };
  const char *nothing[] = { NULL };
  const char *version[] = { "--version", NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *unknown_option[] = { "invoices", "--colour", NULL };
  const char *option_before[] = { "--overdue", "invoices", NULL };
  const char *group_only[] = { "dispute", NULL };
  const char *command_help[] = { "invoices", "--help", NULL };
  const char *sub_help[] = { "payment", "add", "-h", NULL };
  g_autoptr(RelanceTestRun) run = NULL;

  run = run_argv (f, global_help);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "customer add"));
  g_assert_nonnull (strstr (run->out, "aged-balance"));
  g_assert_nonnull (strstr (run->out, "--format"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, nothing);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "relance-cli: "));
  g_assert_nonnull (strstr (run->err, "--help"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, version);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "relance-cli "));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, unknown);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "frobnicate"));
  g_assert_nonnull (strstr (run->err, "--help"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, unknown_option);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--colour"));
  g_assert_nonnull (strstr (run->err, "relance-cli invoices --help"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, option_before);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--overdue"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, group_only);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "open, resolve"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, command_help);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "--overdue"));
  g_assert_nonnull (strstr (run->out, "--format"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, sub_help);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "--invoice"));
  g_clear_pointer (&run, relance_test_run_free);

  /* None of that created a ledger. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *payment = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *partial = NULL;

  make_ledger (f);

  /* No invoice named: the oldest due is settled first. */
  payment = cli_ok (f, "payment", "add", "--customer", "C1", "--date", "2026-11-10",
                    "--amount", "1500", "--reference", "VIR 42", NULL);
  g_assert_nonnull (strstr (payment, "recorded"));
  g_assert_nonnull (strstr (payment, "F1: 1200.00"));
  g_assert_nonnull (strstr (payment, "F2: 300.00"));
  g_assert_null (strstr (payment, "F3"));

  invoices = cli_ok (f, "--date", TODAY, "invoices", "--format", "csv", NULL);
  g_assert_cmpstr (invoices, ==,
                   "number,customer,issued,due,amount,open,days_overdue,status\n"
                   "AV1,C1,2026-11-05,2026-11-05,-100.00,-100.00,0,open\n"
                   "F1,C1,2026-09-01,2026-10-01,1200.00,0.00,0,paid\n"
                   "F2,C1,2026-10-01,2026-10-31,1000.50,700.50,23,overdue\n"
                   "F3,C1,2026-11-01,2026-12-01,300.00,300.00,0,open\n"
                   "G1,C2,2026-08-01,2026-08-31,50.00,0.00,0,paid\n");

  /* A named invoice is settled even if an older one is open. */
  partial = cli_ok (f, "payment", "add", "--customer", "C1", "--date", "2026-11-20",
                    "--amount", "120.5", "--invoice", "F3", "--method", "cheque", NULL);
  g_assert_nonnull (strstr (partial, "F3: 120.50"));
  g_clear_pointer (&invoices, g_free);
  invoices = cli_ok (f, "--date", TODAY, "invoices", "--format", "csv", "--customer", "C1",
                     "--overdue", NULL);
  g_assert_cmpstr (invoices, ==,
                   "number,customer,issued,due,amount,open,days_overdue,status\n"
                   "F2,C1,2026-10-01,2026-10-31,1000.50,700.50,23,overdue\n");
  g_clear_pointer (&invoices, g_free);
  invoices = cli_ok (f, "--date", TODAY, "invoices", "--format", "csv", "--search", "F3", NULL);
  g_assert_cmpstr (invoices, ==,
                   "number,customer,issued,due,amount,open,days_overdue,status\n"
                   "F3,C1,2026-11-01,2026-12-01,300.00,179.50,0,open\n");

  /* Balance = 700.50 + 179.50 - 100.00 (the credit note). */
  customers = cli_ok (f, "--date", TODAY, "customers", "--format", "csv", NULL);
  g_assert_cmpstr (customers, ==,
                   "code,name,balance,overdue,days_overdue\n"
                   "C1,Éléonore Dupré SARL,780.00,700.50,23\n"
                   "C2,Garage Martin,0.00,0.00,0\n");
  g_clear_pointer (&customers, g_free);

  /* Searching ignores accents and case. */
  customers = cli_ok (f, "customers", "--search", "besancon", "--format", "csv", NULL);
  g_assert_cmpuint (count_lines (customers), ==, 2);
  g_assert_nonnull (strstr (customers, "C1,"));
}

static void
test_options_anywhere (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *french = NULL;
  g_autofree char *later = NULL;

  make_ledger (f);

  before = cli_ok (f, "--date", TODAY, "--format", "csv", "invoices", NULL);
  after = cli_ok (f, "invoices", "--format=csv", "--date=23/11/2026", NULL);
  g_assert_cmpstr (before, ==, after);

  /* A week later, F2 is 30 days overdue. */
  later = cli_ok (f, "invoices", "--format", "csv", "--date", "30/11/2026", NULL);
  g_assert_nonnull (strstr (later, "F2,C1,2026-10-01,2026-10-31,1000.50,1000.50,30,overdue\n"));

  /* --db after the command works too. */
  {
    const char *args[] = { "invoices", "--format", "csv", "--date", TODAY, "--db", f->db, NULL };
    g_autoptr(RelanceTestRun) run = run_argv (f, args);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, before);
  }
}

static void
test_default_db (Fixture       *f,
                 gconstpointer  data)
{
  const char *add[] = { "customer", "add", "--code", "X1", "--name", "Default", NULL };
  const char *list[] = { "customers", "--format", "csv", NULL };
  g_autofree char *path = g_build_filename (f->dir, "xdg", "relance", "relance.db", NULL);
  g_autoptr(RelanceTestRun) run = NULL;

  run = run_argv (f, list);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, add);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, list);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "code,name,balance,overdue,days_overdue\nX1,Default,0.00,0.00,0\n");
}

typedef struct
{
  const char *name;
  int         status;
  const char *message;     /* stderr must contain it */
  const char *args[20];
} BadInput;

static const BadInput bad_inputs[] = {
  { "call-unknown-outcome", 2, "shouted",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "shouted" } },
  { "call-without-outcome", 2, "--outcome", { "action", "add", "--customer", "C1", "--kind", "call" } },
  { "reached-without-contact", 2, "--contact",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "reached", "--summary", "OK" } },
  { "refused-without-summary", 2, "--summary",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "refused", "--contact", "Anne" } },
  { "promise-without-amount", 2, "--promise-amount",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise", "--contact", "Anne",
      "--promise-date", "2026-12-01" } },
  { "promise-without-date", 2, "--promise-date",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "promise", "--contact", "Anne",
      "--promise-amount", "100" } },
  { "incoming-note", 2, "Only a call",
    { "action", "add", "--customer", "C1", "--kind", "note", "--incoming", "--summary", "Hello" } },
  { "incoming-no-answer", 2, "incoming call",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "no_answer", "--incoming" } },
  { "call-sent", 1, "sent",
    { "action", "add", "--customer", "C1", "--kind", "call", "--outcome", "sent" } },
  { "contact-bad-civility", 2, "Docteur",
    { "contact", "add", "--customer", "C1", "--name", "Anne Morel", "--civility", "Docteur" } },
  { "contact-without-name", 2, "--name", { "contact", "add", "--customer", "C1", "--civility", "madame" } },
  { "contact-bad-email", 1, "not an address",
    { "contact", "add", "--customer", "C1", "--name", "Anne Morel", "--email", "not an address" } },
  { "unknown-customer", 1, "NOPE",
    { "invoice", "add", "--customer", "NOPE", "--number", "F9", "--issued", "2026-11-01",
      "--due", "2026-12-01", "--amount", "10" } },
  { "duplicate-invoice", 1, "F1",
    { "invoice", "add", "--customer", "C1", "--number", "F1", "--issued", "2026-11-01",
      "--due", "2026-12-01", "--amount", "10" } },
  { "due-before-issue", 1, "2026-10-01",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "2026-11-01",
      "--due", "2026-10-01", "--amount", "10" } },
  { "amount-badly-grouped", 1, "12,3,4",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "2026-11-01",
      "--due", "2026-12-01", "--amount", "12,3,4" } },
  { "amount-not-a-number", 1, "abc",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "2026-11-01",
      "--due", "2026-12-01", "--amount", "abc" } },
  { "amount-negative", 1, "credit note",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "2026-11-01",
      "--due", "2026-12-01", "--amount", "-10" } },
  { "impossible-date", 1, "31/02/2026",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "31/02/2026",
      "--due", "2026-12-01", "--amount", "10" } },
  { "missing-due-date", 2, "--due",
    { "invoice", "add", "--customer", "C1", "--number", "F9", "--issued", "2026-11-01",
      "--amount", "10" } },
  { "duplicate-customer", 1, "C1",
    { "customer", "add", "--code", "C1", "--name", "Someone else" } },
  { "terms-not-a-number", 1, "--terms",
    { "customer", "add", "--code", "C9", "--name", "Nine", "--terms", "30j" } },
  { "terms-too-long", 1, "400",
    { "customer", "add", "--code", "C9", "--name", "Nine", "--terms", "400" } },
  { "bad-email", 1, "nine.example.com",
    { "customer", "add", "--code", "C9", "--name", "Nine", "--email", "nine.example.com" } },
  { "payment-too-large", 1, "5000.00",
    { "payment", "add", "--customer", "C1", "--date", "2026-11-20", "--amount", "5000" } },
  { "payment-unknown-customer", 1, "NOPE",
    { "payment", "add", "--customer", "NOPE", "--date", "2026-11-20", "--amount", "10" } },
  { "payment-on-paid-invoice", 1, "G1",
    { "payment", "add", "--customer", "C2", "--date", "2026-11-20", "--amount", "10",
      "--invoice", "G1" } },
  { "payment-on-another-customers-invoice", 1, "G1",
    { "payment", "add", "--customer", "C1", "--date", "2026-11-20", "--amount", "10",
      "--invoice", "F2", "--invoice", "G1" } },
  { "payment-bad-date", 1, "31/02/2026",
    { "payment", "add", "--customer", "C1", "--date", "31/02/2026", "--amount", "10" } },
  { "payment-bad-amount", 1, "1.234",
    { "payment", "add", "--customer", "C1", "--date", "2026-11-20", "--amount", "1.234" } },
  { "dispute-on-paid-invoice", 1, "G1",
    { "dispute", "open", "--invoice", "G1", "--cause", "A" } },
  { "dispute-unknown-cause", 1, "Z",
    { "dispute", "open", "--invoice", "F2", "--cause", "Z" } },
  { "dispute-too-large", 1, "2000.00",
    { "dispute", "open", "--invoice", "F2", "--cause", "A", "--amount", "2000" } },
  { "resolve-without-dispute", 1, "F2",
    { "dispute", "resolve", "--invoice", "F2" } },
  { "bad-global-date", 1, "31/02/2026",
    { "--date", "31/02/2026", "customer", "add", "--code", "C9", "--name", "Nine" } },
  { "unknown-option", 2, "--colour",
    { "customer", "add", "--code", "C9", "--name", "Nine", "--colour", "red" } },
  { "unknown-format", 2, "xml",
    { "invoices", "--format", "xml" } },
  { "list-unknown-customer", 1, "NOPE",
    { "invoices", "--customer", "NOPE" } },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadInput *bad = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  make_ledger (f);
  before = snapshot (f);

  g_ptr_array_add (args, (char *)"--db");
  g_ptr_array_add (args, f->db);
  for (guint i = 0; bad->args[i] != NULL; i++)
    g_ptr_array_add (args, (char *)bad->args[i]);
  g_ptr_array_add (args, NULL);

  run = run_argv (f, (const char * const *)args->pdata);
  g_assert_cmpint (run->status, ==, bad->status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "relance-cli: "));
  if (strstr (run->err, bad->message) == NULL)
    g_error ("“%s” is not in the message: %s", bad->message, run->err);

  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_mistyped_ledger (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "ledgr.db", NULL);
  const char *args[] = { "--db", other, "invoice", "add", "--customer", "C1", "--number", "F9",
                         "--issued", "2026-11-01", "--due", "2026-12-01", "--amount", "10", NULL };
  g_autoptr(RelanceTestRun) run = NULL;

  make_ledger (f);

  run = run_argv (f, args);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, other));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_disputes (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *list = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *resolved = NULL;

  make_ledger (f);

  opened = cli_ok (f, "dispute", "open", "--invoice", "F2", "--cause", "B", "--amount", "200",
                   "--date", "2026-11-02", "--note", "Goods damaged", NULL);
  g_assert_nonnull (strstr (opened, "F2"));
  g_free (cli_ok (f, "dispute", "open", "--invoice", "F3", "--cause", "A",
                  "--date", "2026-11-10", NULL));

  invoices = cli_ok (f, "--date", TODAY, "invoices", "--format", "csv", "--search", "F2", NULL);
  g_assert_nonnull (strstr (invoices, "F2,C1,2026-10-01,2026-10-31,1000.50,1000.50,23,disputed\n"));

  list = cli_ok (f, "--date", TODAY, "disputes", "--format", "csv", NULL);
  g_assert_cmpstr (list, ==,
                   "invoice,customer,cause,amount,opened,resolved,days_open,status\n"
                   "F2,C1,B,200.00,2026-11-02,,21,open\n"
                   "F3,C1,A,300.00,2026-11-10,,13,open\n");

  resolved = cli_ok (f, "dispute", "resolve", "--invoice", "F2", "--date", "2026-11-12",
                     "--note", "Replaced", NULL);
  g_assert_nonnull (strstr (resolved, "F2"));

  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "--date", TODAY, "disputes", "--format", "csv", NULL);
  g_assert_cmpstr (list, ==,
                   "invoice,customer,cause,amount,opened,resolved,days_open,status\n"
                   "F2,C1,B,200.00,2026-11-02,2026-11-12,10,resolved\n"
                   "F3,C1,A,300.00,2026-11-10,,13,open\n");

  g_clear_pointer (&list, g_free);
  list = cli_ok (f, "--date", TODAY, "disputes", "--open", "--format", "json", NULL);
  g_assert_cmpstr (list, ==,
                   "[\n"
                   "  {\"invoice\": \"F3\", \"customer\": \"C1\", \"cause\": \"A\", \"amount\": 300.00, "
                   "\"opened\": \"2026-11-10\", \"resolved\": null, \"days_open\": 13, \"status\": \"open\"}\n"
                   "]\n");
}

static void
test_json_and_csv_escaping (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *name = "Dupré \"Père\", Fils \\ a\tb\nc\001d €";

  g_free (cli_ok (f, "customer", "add", "--code", "Q1", "--name", name, NULL));

  json = cli_ok (f, "--date", TODAY, "customers", "--format", "json", NULL);
  g_assert_cmpstr (json, ==,
                   "[\n"
                   "  {\"code\": \"Q1\", \"name\": \"Dupré \\\"Père\\\", Fils \\\\ a\\tb\\nc\\u0001d €\", "
                   "\"balance\": 0.00, \"overdue\": 0.00, \"days_overdue\": 0}\n"
                   "]\n");

  csv = cli_ok (f, "--date", TODAY, "customers", "--format", "csv", NULL);
  g_assert_cmpstr (csv, ==,
                   "code,name,balance,overdue,days_overdue\n"
                   "Q1,\"Dupré \"\"Père\"\", Fils \\ a\tb\nc\001d €\",0.00,0.00,0\n");
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 1))[1], ==, name);

  empty = cli_ok (f, "--date", TODAY, "invoices", "--format", "json", NULL);
  g_assert_cmpstr (empty, ==, "[]\n");
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  glong width;

  make_ledger (f);
  g_free (cli_ok (f, "customer", "add", "--code", "C10", "--name", "Bo", NULL));

  table = cli_ok (f, "--date", TODAY, "customers", NULL);
  lines = g_strsplit (table, "\n", -1);

  /* Header, rule, three customers, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==, "");

  /* The last column holds numbers, right-aligned: with accents counted
   * as one character, every line is as wide as the header. */
  width = g_utf8_strlen (lines[0], -1);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, width);

  g_assert_cmpstr (table, ==,
                   "Code  Name                 Balance  Overdue  Days overdue\n"
                   "----  -------------------  -------  -------  ------------\n"
                   "C1    Éléonore Dupré SARL  2400.50  2200.50            53\n"
                   "C10   Bo                      0.00     0.00             0\n"
                   "C2    Garage Martin           0.00     0.00             0\n");
}

static void
make_demo (Fixture    *f,
           const char *db,
           const char *seed)
{
  const char *args[] = { "--db", db, "demo", "--date", TODAY, "--seed", seed, NULL };
  g_autoptr(RelanceTestRun) run = run_argv (f, args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "150"));
}

static char *
list_csv (Fixture    *f,
          const char *db,
          const char *command)
{
  const char *args[] = { "--db", db, "--date", TODAY, command, "--format", "csv", NULL };
  g_autoptr(RelanceTestRun) run = run_argv (f, args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");

  return g_steal_pointer (&run->out);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *db_a = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *db_c = g_build_filename (f->dir, "c.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *after = NULL;
  const char *again[] = { "--db", db_a, "demo", "--date", TODAY, NULL };
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  make_demo (f, db_a, "1");
  make_demo (f, db_b, "1");
  make_demo (f, db_c, "2");
  a = list_csv (f, db_a, "invoices");
  b = list_csv (f, db_b, "invoices");
  c = list_csv (f, db_c, "invoices");

  /* The same seed gives the same ledger; another seed another one. */
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);

  /* 3,000 invoices and the credit notes that came with them. */
  rows = parse_csv (a);
  g_assert_cmpuint (rows->len - 1, >=, 3000);
  g_assert_cmpuint (rows->len - 1, <, 3300);

  customers = list_csv (f, db_a, "customers");
  g_assert_cmpuint (count_lines (customers), ==, 151);

  /* A ledger with customers is refused, and kept as it was. */
  run = run_argv (f, again);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "relance-cli: "));
  g_assert_nonnull (strstr (run->err, "empty"));
  after = list_csv (f, db_a, "invoices");
  g_assert_cmpstr (a, ==, after);
}

/* More rows than a list model keeps in memory at once: every row comes
 * out once, in order, in every format. */
static void
test_long_listing (Fixture       *f,
                   gconstpointer  data)
{
  const char *demo[] = { "--db", f->db, "demo", "--date", TODAY, "--customers", "40",
                         "--invoices", "7000", NULL };
  const char *table[] = { "--db", f->db, "--date", TODAY, "invoices", NULL };
  const char *json[] = { "--db", f->db, "--date", TODAY, "invoices", "--format", "json", NULL };
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RelanceTestRun) run = NULL;

  run = run_argv (f, demo);
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, relance_test_run_free);

  csv = list_csv (f, f->db, "invoices");
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len - 1, >=, 7000);
  for (guint i = 2; i < rows->len; i++)
    g_assert_cmpstr (((char **)g_ptr_array_index (rows, i - 1))[0], <,
                     ((char **)g_ptr_array_index (rows, i))[0]);

  run = run_argv (f, table);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (count_lines (run->out), ==, rows->len + 1);
  g_clear_pointer (&run, relance_test_run_free);

  run = run_argv (f, json);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (count_lines (run->out), ==, rows->len + 1);
}

static void
test_aged_balance (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *invoices_csv = NULL;
  g_autofree char *aged_csv = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GPtrArray) aged = NULL;
  gint64 open_sum = 0;
  gint64 column_sums[6] = { 0 };
  char **total;
  int open_column;
  int first_bucket;

  make_demo (f, f->db, "1");
  invoices_csv = list_csv (f, f->db, "invoices");
  aged_csv = list_csv (f, f->db, "aged-balance");
  invoices = parse_csv (invoices_csv);
  aged = parse_csv (aged_csv);

  open_column = column_index (invoices, "open");
  for (guint i = 1; i < invoices->len; i++)
    open_sum += cents (((char **)g_ptr_array_index (invoices, i))[open_column]);

  g_assert_true (g_str_has_prefix (aged_csv, "code,name,not_due,d1_30,d31_60,d61_90,over_90,total\n"));
  first_bucket = column_index (aged, "not_due");
  g_assert_cmpint (column_index (aged, "total"), ==, first_bucket + 5);
  g_assert_cmpuint (aged->len, >, 100);

  /* Each customer's buckets add up to its total. */
  for (guint i = 1; i + 1 < aged->len; i++)
    {
      char **row = g_ptr_array_index (aged, i);
      gint64 sum = 0;

      g_assert_cmpuint (g_strv_length (row), ==, 8);
      g_assert_cmpstr (row[0], !=, "TOTAL");
      for (int b = 0; b < 5; b++)
        {
          sum += cents (row[first_bucket + b]);
          column_sums[b] += cents (row[first_bucket + b]);
        }
      column_sums[5] += cents (row[first_bucket + 5]);
      g_assert_cmpint (sum, ==, cents (row[first_bucket + 5]));
    }

  /* The last row sums every column, and its total is what the invoices
   * list shows open. */
  total = g_ptr_array_index (aged, aged->len - 1);
  g_assert_cmpstr (total[0], ==, "TOTAL");
  g_assert_cmpstr (total[1], ==, "");
  for (int b = 0; b < 6; b++)
    g_assert_cmpint (cents (total[first_bucket + b]), ==, column_sums[b]);
  g_assert_cmpint (open_sum, !=, 0);
  g_assert_cmpint (cents (total[first_bucket + 5]), ==, open_sum);

  /* Overdue money exists in the sample, in more than one bucket. */
  g_assert_cmpint (column_sums[1], >, 0);
  g_assert_cmpint (column_sums[4], >, 0);
}

static void
test_json_listing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_lines;

  make_demo (f, f->db, "1");
  csv = list_csv (f, f->db, "invoices");
  {
    const char *args[] = { "--db", f->db, "--date", TODAY, "invoices", "--format", "json", NULL };
    g_autoptr(RelanceTestRun) run = run_argv (f, args);

    g_assert_cmpint (run->status, ==, 0);
    json = g_steal_pointer (&run->out);
  }

  /* One object per invoice, between the brackets, commas between them. */
  rows = parse_csv (csv);
  lines = g_strsplit (json, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, rows->len - 1 + 3);
  g_assert_cmpstr (lines[0], ==, "[");
  g_assert_cmpstr (lines[n_lines - 2], ==, "]");
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      const char *line = lines[i];
      g_autofree char *expected = NULL;

      /* The amounts are the same decimals, unquoted. */
      expected = g_strdup_printf ("  {\"number\": \"%s\", \"customer\": \"%s\", \"issued\": \"%s\", "
                                  "\"due\": \"%s\", \"amount\": %s, \"open\": %s, "
                                  "\"days_overdue\": %s, \"status\": \"%s\"}%s",
                                  row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                                  i + 1 < rows->len ? "," : "");
      g_assert_cmpstr (line, ==, expected);
    }
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTestRun) run = NULL;
  int wait_status = 0;

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 program is not installed");
      return;
    }

  {
    const char *argv[] = { sqlite3, f->db,
                           "PRAGMA application_id = 1380732483; PRAGMA user_version = 99;"
                           " CREATE TABLE future (x); INSERT INTO future VALUES (42);",
                           NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &wait_status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (wait_status, &error);
    g_assert_no_error (error);
  }
  g_assert_true (read_file (f->db, &before));

  run = run_cli (f, "--date", TODAY, "customers", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "relance-cli: "));
  g_assert_nonnull (strstr (run->err, "newer version"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_cli (f, "customer", "add", "--code", "C1", "--name", "One", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "newer version"));
  g_clear_pointer (&run, relance_test_run_free);

  run = run_cli (f, "demo", "--date", TODAY, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "newer version"));

  g_assert_true (read_file (f->db, &after));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Contacts with their civility; calls kept with who was reached, what
 * was said and whether the customer called; no answer as an attempt. */
static void
test_calls (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *contacts = NULL;
  g_autofree char *history = NULL;
  g_autofree char *worklist_before = NULL;
  g_autofree char *worklist_after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int what, outcome, contact, incoming, summary, kind, date, by;

  make_ledger (f);
  g_free (cli_ok (f, "contact", "add", "--customer", "C1", "--name", "Isabelle Roux", "--civility", "Madame",
                  "--role", "Comptabilité", "--collections", NULL));
  g_free (cli_ok (f, "contact", "add", "--customer", "C1", "--name", "Paul Martin", "--civility", "M.", NULL));
  g_free (cli_ok (f, "contact", "add", "--customer", "C1", "--name", "Camille Durand", NULL));
  contacts = cli_ok (f, "contacts", "--customer", "C1", "--format", "csv", NULL);
  g_assert_cmpstr (contacts, ==,
                   "name,civility,role,phone,email,collections\n"
                   "Isabelle Roux,madame,Comptabilité,,,yes\n"
                   "Camille Durand,,,,,no\n"
                   "Paul Martin,monsieur,,,,no\n");

  g_free (cli_ok (f, "--date", "2026-11-20", "action", "add", "--customer", "C1", "--kind", "call",
                  "--outcome", "no_answer", "--contact", "Isabelle Roux", NULL));
  g_free (cli_ok (f, "--date", "2026-11-21", "action", "add", "--customer", "C1", "--kind", "call",
                  "--outcome", "reached", "--contact", "Isabelle Roux",
                  "--summary", "Facture reçue, en attente de signature", NULL));

  /* With no name in the Preferences (the settings are in memory here),
   * the company's signatory records what relance-cli records. */
  g_free (cli_ok (f, "company", "set", "--signatory", "Claire Vernier", NULL));

  /* A call while a letter is the step to do leaves the letter to do. */
  worklist_before = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  g_free (cli_ok (f, "--date", TODAY, "action", "add", "--customer", "C1", "--kind", "call",
                  "--outcome", "refused", "--incoming", "--contact", "Paul Martin",
                  "--summary", "Pas de paiement avant la fin du chantier", NULL));
  worklist_after = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  if (strstr (worklist_before, "C1,phone,") == NULL)
    g_assert_cmpstr (worklist_before, ==, worklist_after);

  history = cli_ok (f, "--date", TODAY, "history", "--customer", "C1", "--format", "csv", NULL);
  rows = parse_csv (history);
  date = column_index (rows, "date");
  kind = column_index (rows, "kind");
  what = column_index (rows, "what");
  outcome = column_index (rows, "outcome");
  contact = column_index (rows, "contact");
  incoming = column_index (rows, "incoming");
  summary = column_index (rows, "summary");
  by = column_index (rows, "who");

  /* Newest first: the incoming refusal, the conversation, the attempt. */
  {
    static const struct {
      const char *date, *what, *outcome, *contact, *incoming, *summary;
    } calls[] = {
      { "2026-11-23", "Incoming call from Paul Martin: refuses to pay, without disputing", "refused",
        "Paul Martin", "yes", "Pas de paiement avant la fin du chantier" },
      { "2026-11-21", "Call with Isabelle Roux: spoken to, nothing promised", "reached", "Isabelle Roux", "no",
        "Facture reçue, en attente de signature" },
      { "2026-11-20", "No answer from Isabelle Roux", "no_answer", "Isabelle Roux", "no", "" },
    };
    guint n = 0;

    for (guint i = 1; i < rows->len; i++)
      {
        char **row = g_ptr_array_index (rows, i);

        if (!g_str_equal (row[kind], "call"))
          continue;
        g_assert_cmpuint (n, <, G_N_ELEMENTS (calls));
        g_assert_cmpstr (row[date], ==, calls[n].date);
        g_assert_cmpstr (row[what], ==, calls[n].what);
        g_assert_cmpstr (row[outcome], ==, calls[n].outcome);
        g_assert_cmpstr (row[contact], ==, calls[n].contact);
        g_assert_cmpstr (row[incoming], ==, calls[n].incoming);
        g_assert_cmpstr (row[summary], ==, calls[n].summary);
        if (n == 0)
          g_assert_cmpstr (row[by], ==, "Claire Vernier");
        else
          g_assert_cmpstr (row[by], !=, "Unknown");
        n++;
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (calls));
  }
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

  ADD ("/cli/help", test_help);
  ADD ("/cli/round-trip", test_round_trip);
  ADD ("/cli/options-anywhere", test_options_anywhere);
  ADD ("/cli/default-ledger", test_default_db);
  ADD ("/cli/mistyped-ledger", test_mistyped_ledger);
  ADD ("/cli/disputes", test_disputes);
  ADD ("/cli/escaping", test_json_and_csv_escaping);
  ADD ("/cli/table", test_table);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/long-listing", test_long_listing);
  ADD ("/cli/aged-balance", test_aged_balance);
  ADD ("/cli/json", test_json_listing);
  ADD ("/cli/newer-version", test_newer_version);
  ADD ("/cli/calls", test_calls);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/refused/%s", bad_inputs[i].name);

      g_test_add (path, Fixture, &bad_inputs[i], fixture_set_up, test_bad_input, fixture_tear_down);
    }

  return g_test_run ();
}
