/* test-letters-cli.c
 *
 * relance-cli letter, letters and template, run as a script would, each
 * test on its own ledger in a g_dir_make_tmp() folder. The PDFs written are
 * read back with poppler-glib.
 *
 * Usage: test-letters-cli [--tap] PATH-TO-RELANCE-CLI (or $RELANCE_CLI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "relance-test-utils.h"

#define TODAY "2026-11-23"

/* poppler-glib 22.12 declares no autoptr cleanup. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

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

  f->dir = g_dir_make_tmp ("relance-letters-cli-XXXXXX", &error);
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

  return g_steal_pointer (&run->out);
}

static char *
test_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
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

/* The customers of the worklist of TODAY that get a letter or a formal
 * notice, in its order. */
static GPtrArray *
letter_customers (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  g_autoptr(GPtrArray) rows = parse_csv (out);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; i < rows->len; i++)
    {
      const char *channel = cell (rows, i, "channel");

      if (g_str_equal (channel, "letter") || g_str_equal (channel, "registered_letter"))
        g_ptr_array_add (codes, g_strdup (cell (rows, i, "customer")));
    }

  return codes;
}

/* The invoices of the letters and formal notices of the day. */
static GPtrArray *
letter_invoices (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  g_autoptr(GPtrArray) rows = parse_csv (out);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; i < rows->len; i++)
    {
      const char *channel = cell (rows, i, "channel");

      if (g_str_equal (channel, "letter") || g_str_equal (channel, "registered_letter"))
        {
          g_auto(GStrv) listed = g_strsplit (cell (rows, i, "invoices"), ", ", -1);

          for (guint j = 0; listed[j] != NULL; j++)
            g_ptr_array_add (numbers, g_strdup (listed[j]));
        }
    }

  return numbers;
}

/* The name of customer @code, from "relance-cli customers". */
static char *
customer_name (Fixture    *f,
               const char *code)
{
  g_autofree char *out = cli_ok (f, "customers", "--format", "csv", NULL);
  g_autoptr(GPtrArray) rows = parse_csv (out);

  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (cell (rows, i, "code"), code))
      return g_strdup (cell (rows, i, "name"));

  g_error ("no customer %s", code);
  return NULL;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  gsize length = 0;
  PopplerDocument *document;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return document;
}

/* The text of every page of the PDF at @path. */
static char *
pdf_text (const char *path)
{
  g_autoptr(PopplerDocument) document = open_pdf (path);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* The first words of template @name's subject: "Paiement en retard". */
static char *
template_subject_start (Fixture    *f,
                        const char *name)
{
  g_autofree char *shown = cli_ok (f, "template", "show", name, NULL);
  const char *start;
  const char *end;

  g_assert_true (g_str_has_prefix (shown, "Subject: "));
  start = shown + strlen ("Subject: ");
  /* Up to the punctuation, whose spaces PDF text may not keep. */
  for (end = start; *end != '\0'; end = g_utf8_next_char (end))
    {
      gunichar c = g_utf8_get_char (end);

      if (!g_unichar_isalpha (c) && c != ' ')
        break;
    }
  g_assert_cmpint (end - start, >, 4);

  return g_strstrip (g_strndup (start, end - start));
}

/* A letter step's letter is about that step's invoices; a customer with
 * no letter step gets a first reminder about everything open. */
static void
test_letter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(RelanceTestRun) other = NULL;
  g_autoptr(RelanceTestRun) recorded = NULL;
  g_autofree char *firm = NULL;
  g_autofree char *standard = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *out = test_path (f, "letter.pdf");
  g_autofree char *other_out = test_path (f, "other.pdf");
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *worklist = NULL;
  g_auto(GStrv) done = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *invoices = NULL;

  g_free (cli_ok (f, "--date", TODAY, "demo", NULL));
  codes = letter_customers (f);
  g_assert_cmpuint (codes->len, >, 0);

  worklist = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  rows = parse_csv (worklist);
  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (cell (rows, i, "customer"), codes->pdata[0]))
      invoices = cell (rows, i, "invoices");
  g_assert_nonnull (invoices);

  run = run_cli (f, "--date", TODAY, "letter", "--customer", codes->pdata[0], "--out", out, NULL);
  g_assert_cmpint (run->status, ==, 0);
  expected = g_strconcat (out, "\n", NULL);
  g_assert_cmpstr (run->out, ==, expected);

  name = customer_name (f, codes->pdata[0]);
  text = pdf_text (out);
  assert_contains (text, name);
  {
    g_auto(GStrv) numbers = g_strsplit (invoices, ", ", -1);

    for (guint i = 0; numbers[i] != NULL; i++)
      assert_contains (text, numbers[i]);
  }

  /* C00135 is to be called today and broke the promise made in its
   * last call (Maëlle Petit, 3 623,04 € for 16 October): the letter fits
   * that history, quotes the call, the person and the promise, claims
   * all its open invoices but the one under dispute, which is listed
   * apart. (Before, a first reminder in the firm tone was written.) */
  other = run_cli (f, "--date", TODAY, "letter", "--customer", "C00135", "--out", other_out, NULL);
  g_assert_cmpint (other->status, ==, 0);
  other_text = pdf_text (other_out);
  g_free (name);
  name = customer_name (f, "C00135");
  assert_contains (other_text, name);
  assert_contains (other_text, "FA2025-000039");
  firm = template_subject_start (f, "Première relance (ferme)");
  standard = template_subject_start (f, "Promesse non tenue (standard)");
  g_assert_null (strstr (other_text, firm));
  assert_contains (other_text, standard);
  assert_contains (other_text, "Lors de notre appel du 10 octobre 2026, Maëlle Petit nous avait promis");
  assert_contains (other_text, "pour le 16 octobre 2026");
  assert_contains (other_text, "ce règlement ne nous est pas parvenu");
  /* PDF text gives the no-break spaces as plain ones. */
  assert_contains (other_text, "FA2026-002434 (3 623,04 €), en litige, est hors relance");

  /* Recorded, the letter is done: its invoices leave the worklist (a
   * formal notice lists only the invoices whose next step it is: the
   * customer may stay for the others, at their own step). */
  recorded = run_cli (f, "--date", TODAY, "letter", "--customer", codes->pdata[0], "--out", out,
                      "--record", NULL);
  g_assert_cmpint (recorded->status, ==, 0);
  g_assert_cmpstr (recorded->out, ==, expected);
  after = letter_customers (f);
  g_assert_cmpuint (after->len, <=, codes->len);
  done = g_strsplit (invoices, ", ", -1);
  g_clear_pointer (&worklist, g_free);
  g_clear_pointer (&rows, g_ptr_array_unref);
  worklist = cli_ok (f, "--date", TODAY, "worklist", "--format", "csv", NULL);
  rows = parse_csv (worklist);
  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (cell (rows, i, "customer"), codes->pdata[0]))
      for (guint j = 0; done[j] != NULL; j++)
        g_assert_null (strstr (cell (rows, i, "invoices"), done[j]));
}

/* Wrong customers and templates are refused with a message, and no file
 * is written. */
static void
test_letter_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RelanceTestRun) customer = NULL;
  g_autoptr(RelanceTestRun) template = NULL;
  g_autoptr(RelanceTestRun) no_out = NULL;
  g_autoptr(RelanceTestRun) no_ledger = NULL;
  g_autofree char *out = test_path (f, "letter.pdf");

  g_free (cli_ok (f, "--date", TODAY, "demo", NULL));

  customer = run_cli (f, "--date", TODAY, "letter", "--customer", "C99999", "--out", out, NULL);
  g_assert_cmpint (customer->status, ==, 1);
  assert_contains (customer->err, "C99999");
  g_assert_cmpstr (customer->out, ==, "");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  template = run_cli (f, "--date", TODAY, "letter", "--customer", "C00006",
                      "--template", "Lettre qui n’existe pas", "--out", out, NULL);
  g_assert_cmpint (template->status, ==, 1);
  assert_contains (template->err, "Lettre qui n’existe pas");
  g_assert_cmpstr (template->out, ==, "");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  no_out = run_cli (f, "--date", TODAY, "letter", "--customer", "C00006", NULL);
  g_assert_cmpint (no_out->status, ==, 2);
  assert_contains (no_out->err, "--out");

  /* A mistyped ledger is not created. */
  {
    g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
    g_autofree char *missing = test_path (f, "nowhere.db");

    no_ledger = relance_test_run (cli_path, missing, xdg, "letter", "--customer", "C00006",
                                  "--out", out, NULL);
    g_assert_cmpint (no_ledger->status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* A customer whose only open invoice is disputed gets no letter: the CLI
 * says why (the amount, the cause and its department) and exits 1. With a
 * credit note and another invoice, the letter claims 1 000.00 − 150.00 =
 * 850.00, the disputed invoice apart. */
static void
test_letter_nothing_to_claim (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RelanceTestRun) refused = NULL;
  g_autoptr(RelanceTestRun) fine = NULL;
  g_autofree char *out = test_path (f, "letter.pdf");
  g_autofree char *text = NULL;

  g_free (cli_ok (f, "company", "set", "--name", "Menuiserie Durand", "--address", "3 chemin des Vignes",
                  "--postcode", "25000", "--city", "Besançon", "--siren", "732829320",
                  "--signatory", "Paul Durand", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C1", "--name", "Imprimerie Petit",
                  "--address", "3 rue des Presses", "--postcode", "71000", "--city", "Mâcon", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "B1",
                  "--issued", "2026-09-15", "--due", "2026-10-15", "--amount", "253.15", NULL));
  g_free (cli_ok (f, "--date", "2026-10-20", "dispute", "open", "--invoice", "B1", "--cause", "B", NULL));

  refused = run_cli (f, "--date", TODAY, "letter", "--customer", "C1", "--out", out, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  assert_contains (refused->err, "No letter to C1 (Imprimerie Petit) on 2026-11-23: "
                                 "253.15 EUR is under dispute (B, Shipping); nothing else is due");
  g_assert_null (strstr (refused->err, "owes nothing"));
  g_assert_cmpstr (refused->out, ==, "");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* C2 owes 100.00 and has a credit note of 150.00: the day's letters
   * skip it, saying why. */
  g_free (cli_ok (f, "customer", "add", "--code", "C2", "--name", "Garage Martin",
                  "--address", "4 rue de la Gare", "--postcode", "39100", "--city", "Dole", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "G1",
                  "--issued", "2026-09-01", "--due", "2026-10-01", "--amount", "100", NULL));
  /* The call of D+3 was made (no answer, on 2026-10-05), so the letter of
   * the sequence is due: 2026-10-01 + 15 = 2026-10-16, and at least 12
   * days after the call, 2026-10-17; on 2026-11-23 it is. */
  g_free (cli_ok (f, "--date", "2026-10-05", "action", "add", "--customer", "C2", "--kind", "call",
                  "--outcome", "no_answer", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "AV2", "--credit-note",
                  "--issued", "2026-10-20", "--due", "2026-10-20", "--amount", "150", NULL));
  {
    g_autoptr(RelanceTestRun) batch = NULL;
    g_autofree char *dir = test_path (f, "letters");

    batch = run_cli (f, "--date", TODAY, "letters", "--out", dir, NULL);
    assert_contains (batch->err, "No letter to C2 (Garage Martin) on 2026-11-23: the open credit notes "
                                 "(150.00 EUR) cover the 100.00 EUR still due: nothing can be claimed");
    g_assert_cmpint (batch->status, ==, 1);
  }

  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F1",
                  "--issued", "2026-09-01", "--due", "2026-10-01", "--amount", "1000", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "AV1", "--credit-note",
                  "--issued", "2026-10-25", "--due", "2026-10-25", "--amount", "150", NULL));
  fine = run_cli (f, "--date", TODAY, "letter", "--customer", "C1", "--template", "Mise en demeure (standard)",
                  "--out", out, NULL);
  g_assert_cmpint (fine->status, ==, 0);
  text = pdf_text (out);
  assert_contains (text, "AV1 (avoir)");
  /* The table's total line (issued, open): 850,00 € both; the principal
   * claimed is 850,00 € (penalties, when the step claims them, come
   * below the total). */
  assert_contains (text, "850,00 €850,00 €\nTotal");
  assert_contains (text, "le principal restant dû : 850,00 €");
  assert_contains (text, "La facture B1 (253,15 €), en litige, est hors relance");
  g_assert_null (strstr (text, "B1 (en litige)"));
}

/* Letters need the company's identity and the customer's address. */
static void
test_letter_incomplete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RelanceTestRun) no_company = NULL;
  g_autoptr(RelanceTestRun) no_company_batch = NULL;
  g_autoptr(RelanceTestRun) no_address = NULL;
  g_autoptr(RelanceTestRun) fine = NULL;
  g_autoptr(RelanceTestRun) batch = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *fine_text = NULL;
  g_autofree char *out = test_path (f, "letter.pdf");
  g_autofree char *dir = test_path (f, "letters");

  g_free (cli_ok (f, "customer", "add", "--code", "C1", "--name", "Dupont SARL",
                  "--address", "4 rue de la Gare", "--postcode", "39100", "--city", "Dole", NULL));
  g_free (cli_ok (f, "customer", "add", "--code", "C2", "--name", "Garage Martin", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C1", "--number", "F1",
                  "--issued", "2026-09-07", "--due", "2026-10-07", "--amount", "250.50", NULL));
  g_free (cli_ok (f, "invoice", "add", "--customer", "C2", "--number", "G1",
                  "--issued", "2026-09-07", "--due", "2026-10-07", "--amount", "1200", NULL));
  /* Both were called (D+3, 10-10), written to (D+15, 10-22) and called
   * again (D+25, 11-01): their formal notice is due on 11-16. */
  for (const char * const *code = (const char * const[]) { "C1", "C2", NULL }; *code != NULL; code++)
    {
      g_free (cli_ok (f, "action", "add", "--customer", *code, "--kind", "call", "--outcome", "no_answer",
                      "--date", "2026-10-10", NULL));
      g_free (cli_ok (f, "action", "add", "--customer", *code, "--kind", "letter", "--outcome", "sent",
                      "--date", "2026-10-22", NULL));
      g_free (cli_ok (f, "action", "add", "--customer", *code, "--kind", "call", "--outcome", "no_answer",
                      "--date", "2026-11-01", NULL));
    }

  no_company = run_cli (f, "--date", TODAY, "letter", "--customer", "C1", "--out", out, NULL);
  g_assert_cmpint (no_company->status, ==, 1);
  assert_contains (no_company->err, "The company’s identity is incomplete: ");
  assert_contains (no_company->err, "SIREN");
  assert_contains (no_company->err, "Set it with: relance-cli company set");
  assert_contains (no_company->err, "--siren");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  no_company_batch = run_cli (f, "--date", TODAY, "letters", "--out", dir, NULL);
  g_assert_cmpint (no_company_batch->status, ==, 1);
  assert_contains (no_company_batch->err, "The company’s identity is incomplete: ");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_free (cli_ok (f, "company", "set", "--name", "Menuiserie Durand", "--address", "3 chemin des Vignes",
                  "--postcode", "25000", "--city", "Besançon", "--siren", "732829320",
                  "--signatory", "Paul Durand", NULL));

  no_address = run_cli (f, "--date", TODAY, "letter", "--customer", "C2", "--out", out, NULL);
  g_assert_cmpint (no_address->status, ==, 1);
  assert_contains (no_address->err, "Garage Martin");
  {
    g_autofree char *lower = g_utf8_strdown (no_address->err, -1);

    assert_contains (lower, "address");
  }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  fine = run_cli (f, "--date", TODAY, "letter", "--customer", "C1", "--out", out, NULL);
  g_assert_cmpint (fine->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  fine_text = pdf_text (out);
  assert_contains (fine_text, "Dupont SARL");

  /* Both are due a formal notice: C2's cannot be made, C1's is still
   * written and recorded, and the run says it failed. */
  g_assert_cmpuint ((codes = letter_customers (f))->len, ==, 2);
  batch = run_cli (f, "--date", TODAY, "letters", "--out", dir, "--record", NULL);
  g_assert_cmpint (batch->status, ==, 1);
  assert_contains (batch->err, "C2 (Garage Martin)");
  assert_contains (batch->err, "1 letter written, 1 customer skipped");
  g_assert_cmpuint (count_lines (batch->out), ==, 1);
  assert_contains (batch->out, "C1");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_nonnull (strstr (g_dir_read_name (listing), "C1"));
  g_assert_null (g_dir_read_name (listing));

  g_clear_pointer (&codes, g_ptr_array_unref);
  codes = letter_customers (f);
  g_assert_cmpuint (codes->len, ==, 1);
  g_assert_cmpstr (codes->pdata[0], ==, "C2");
}

/* One file per letter of the worklist; recorded, they leave it. */
static void
test_letters_record (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(RelanceTestRun) record = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *dir = test_path (f, "letters");
  g_autofree char *sent = test_path (f, "sent");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_files = 0;

  g_free (cli_ok (f, "--date", TODAY, "demo", NULL));
  codes = letter_customers (f);
  g_assert_cmpuint (codes->len, >, 1);
  before = letter_invoices (f);

  run = run_cli (f, "--date", TODAY, "letters", "--out", dir, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (count_lines (run->out), ==, codes->len);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name = g_dir_read_name (listing); name != NULL; name = g_dir_read_name (listing))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(PopplerDocument) document = open_pdf (path);

      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, codes->len);

  /* Each printed name is a file of the folder, with its customer's code. */
  lines = g_strsplit (run->out, "\n", -1);
  for (guint i = 0; i < codes->len; i++)
    {
      g_assert_true (g_file_test (lines[i], G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_str_has_prefix (lines[i], dir));
      assert_contains (lines[i], codes->pdata[i]);
    }

  /* Nothing was recorded: the letters are still to send. */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = letter_customers (f);
  g_assert_cmpuint (after->len, ==, codes->len);

  record = run_cli (f, "--date", TODAY, "letters", "--out", sent, "--record", NULL);
  g_assert_cmpint (record->status, ==, 0);
  g_assert_cmpuint (count_lines (record->out), ==, codes->len);

  /* Every invoice written to is done: none is in a letter again (a
   * customer whose formal notice listed some of its invoices only may
   * come back for the others, at their own step). */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = letter_invoices (f);
  g_assert_cmpuint (after->len, <, before->len);
  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < before->len; j++)
      g_assert_cmpstr (after->pdata[i], !=, before->pdata[j]);
}

/* One PDF for the printer: each letter starts on an odd page. */
static void
test_letters_single (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RelanceTestRun) run = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *single = test_path (f, "all.pdf");
  g_autofree char *expected = NULL;
  g_autofree char *customers = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_starts = 0;
  int n_pages;

  g_free (cli_ok (f, "--date", TODAY, "demo", NULL));
  codes = letter_customers (f);
  customers = cli_ok (f, "customers", "--format", "csv", NULL);
  rows = parse_csv (customers);
  for (guint i = 0; i < codes->len; i++)
    for (guint j = 1; j < rows->len; j++)
      if (g_str_equal (cell (rows, j, "code"), codes->pdata[i]))
        g_ptr_array_add (names, g_strdup (cell (rows, j, "name")));
  g_assert_cmpuint (names->len, ==, codes->len);

  run = run_cli (f, "--date", TODAY, "letters", "--single", single, NULL);
  g_assert_cmpint (run->status, ==, 0);
  expected = g_strconcat (single, "\n", NULL);
  g_assert_cmpstr (run->out, ==, expected);

  /* The letters come in the worklist's order; a letter's first page names
   * its customer in the address window. */
  document = open_pdf (single);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, (int)codes->len);
  for (int i = 0; i < n_pages && n_starts < names->len; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, names->pdata[n_starts]) != NULL)
        {
          /* 0-based even is a 1-based odd page. */
          g_assert_cmpint (i % 2, ==, 0);
          n_starts++;
        }
    }
  g_assert_cmpuint (n_starts, ==, codes->len);
}

/* Templates listed, shown, and checked as files edited by hand. */
static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RelanceTestRun) check = NULL;
  g_autoptr(RelanceTestRun) wrong = NULL;
  g_autoptr(RelanceTestRun) no_subject = NULL;
  g_autoptr(RelanceTestRun) unknown = NULL;
  g_autofree char *list = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *good = test_path (f, "good.txt");
  g_autofree char *bad = test_path (f, "bad.txt");
  g_autofree char *headless = test_path (f, "headless.txt");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_free (cli_ok (f, "--date", TODAY, "demo", NULL));

  list = cli_ok (f, "template", "list", "--format", "csv", NULL);
  rows = parse_csv (list);
  g_assert_cmpuint (rows->len, >, 1);
  g_assert_cmpstr (((char **)rows->pdata[0])[0], ==, "name");
  name = cell (rows, 1, "name");
  g_assert_cmpstr (cell (rows, 1, "origin"), ==, "shipped");

  shown = cli_ok (f, "template", "show", name, NULL);
  g_assert_true (g_str_has_prefix (shown, "Subject: "));
  g_file_set_contents (good, shown, -1, &error);
  g_assert_no_error (error);
  check = run_cli (f, "template", "check", good, NULL);
  g_assert_cmpint (check->status, ==, 0);
  expected = g_strdup_printf ("%s: no problem found\n", good);
  g_assert_cmpstr (check->out, ==, expected);

  /* Line 5, column 9: "{{custmer.name}}" after "Bonjour ". */
  g_file_set_contents (bad,
                       "Subject: Facture {{invoices.list}}\r\n"
                       "\r\n"
                       "Madame, Monsieur,\r\n"
                       "\r\n"
                       "Bonjour {{custmer.name}},\r\n"
                       "{{invoices.table}}\r\n"
                       "Reste dû : {{total.due}} {{total.due\r\n",
                       -1, &error);
  g_assert_no_error (error);
  wrong = run_cli (f, "template", "check", bad, NULL);
  g_assert_cmpint (wrong->status, ==, 1);
  {
    g_autofree char *at_5 = g_strdup_printf ("%s:5:9: ", bad);
    g_autofree char *at_7 = g_strdup_printf ("%s:7:", bad);

    assert_contains (wrong->out, at_5);
    assert_contains (wrong->out, "custmer.name");
    assert_contains (wrong->out, at_7);
    g_assert_cmpuint (count_lines (wrong->out), ==, 2);
  }

  g_file_set_contents (headless, "Madame, Monsieur,\n\nVeuillez régler.\n", -1, &error);
  g_assert_no_error (error);
  no_subject = run_cli (f, "template", "check", headless, NULL);
  g_assert_cmpint (no_subject->status, ==, 1);
  {
    g_autofree char *at_1 = g_strdup_printf ("%s:1:1: ", headless);

    assert_contains (no_subject->out, at_1);
    assert_contains (no_subject->out, "Subject:");
  }

  /* A template written in French says "Objet :", with a no-break space
   * before the colon, or without one, in any case. */
  {
    const char *french[] = {
      "Objet\xc2\xa0: Facture {{invoices.list}}\n\nBonjour {{customer.name}},\n",
      "OBJET: Facture\n\nBonjour {{custmer.name}},\n",
    };
    g_autofree char *path = test_path (f, "objet.txt");

    for (guint i = 0; i < G_N_ELEMENTS (french); i++)
      {
        g_autoptr(RelanceTestRun) run = NULL;

        g_file_set_contents (path, french[i], -1, &error);
        g_assert_no_error (error);
        run = run_cli (f, "template", "check", path, NULL);
        if (i == 0)
          {
            g_autofree char *none = g_strdup_printf ("%s: no problem found\n", path);

            g_assert_cmpint (run->status, ==, 0);
            g_assert_cmpstr (run->out, ==, none);
          }
        else
          {
            g_autofree char *at_3 = g_strdup_printf ("%s:3:9: ", path);

            /* Only the misspelt field: the subject line was read. */
            g_assert_cmpint (run->status, ==, 1);
            assert_contains (run->out, at_3);
            g_assert_cmpuint (count_lines (run->out), ==, 1);
          }
      }
  }

  unknown = run_cli (f, "template", "show", "Pas de modèle", NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  assert_contains (unknown->err, "Pas de modèle");
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

  ADD ("/letters-cli/letter", test_letter);
  ADD ("/letters-cli/letter-refused", test_letter_refused);
  ADD ("/letters-cli/letter-incomplete", test_letter_incomplete);
  ADD ("/letters-cli/letter-nothing-to-claim", test_letter_nothing_to_claim);
  ADD ("/letters-cli/letters-record", test_letters_record);
  ADD ("/letters-cli/letters-single", test_letters_single);
  ADD ("/letters-cli/templates", test_templates);

#undef ADD

  return g_test_run ();
}
