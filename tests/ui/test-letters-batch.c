/* test-letters-batch.c: the day's letters written at once, on the sample
 * ledger of 23 November 2026: one PDF whose letters each start on an odd
 * page, every letter recorded in its customer's history with its own PDF;
 * a batch cancelled before it starts leaves no file and records nothing;
 * one file per customer; a customer without an address is left out with
 * the reason; an incomplete company identity stops every letter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <string.h>

#include "relance-application.h"
#include "relance-company.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-ledger.h"
#include "relance-letter-data.h"
#include "relance-letters-batch.h"
#include "relance-sample.h"
#include "relance-worklist.h"
#include "relance-test-utils.h"

/* poppler-glib 22.12 defines none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char            *dir;
  RelanceDatabase *db;
  RelanceContext  *context;
  RelanceDay       today;
  GtkWidget       *dialog;
  gboolean         finished;
  gboolean         written;
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

/* Ledger */

/* The letters and formal notices of the day's worklist, in its order. */
static GPtrArray *
letter_items (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = relance_worklist_compute (fixture->db, fixture->today, NULL, NULL, &error);
  GPtrArray *letters = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_item_free);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (items, i);

      if (item->group == RELANCE_WORK_LETTER || item->group == RELANCE_WORK_FORMAL_NOTICE)
        g_ptr_array_add (letters, g_ptr_array_steal_index (items, i--));
    }

  return letters;
}

/* The action id of the letter recorded for @customer_id today; 0 if none. */
static gint64
find_letter_action (Fixture *fixture,
                    gint64   customer_id,
                    guint   *n_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (fixture->db, customer_id, fixture->today, 0, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  *n_found = 0;
  for (guint i = 0; i < timeline->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if ((entry->kind == RELANCE_TIMELINE_LETTER || entry->kind == RELANCE_TIMELINE_FORMAL_NOTICE) &&
          entry->date == fixture->today)
        {
          id = entry->id;
          (*n_found)++;
        }
    }

  return id;
}

static guint
count_pages (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return (guint)poppler_document_get_n_pages (document);
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;

  return n;
}

/* Dialog */

static void
on_finished_cb (GtkWidget *dialog,
                gboolean   written,
                Fixture   *fixture)
{
  fixture->finished = TRUE;
  fixture->written = written;
}

static gboolean
is_finished (gpointer data)
{
  Fixture *fixture = data;

  return fixture->finished;
}

static void
open_dialog (Fixture *fixture)
{
  fixture->dialog = relance_letters_batch_dialog_new (NULL, fixture->context, fixture->today);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  g_signal_connect (fixture->dialog, "finished", G_CALLBACK (on_finished_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->dialog));
}

static void
write_letters (Fixture            *fixture,
               RelanceLettersMode  mode,
               const char         *path,
               GCancellable       *cancellable)
{
  g_autoptr(GFile) target = g_file_new_for_path (path);

  fixture->finished = FALSE;
  relance_letters_batch_dialog_write (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog), mode, target, cancellable);
  g_assert_true (relance_test_wait_until (is_finished, fixture));
}

static gboolean
is_row_with_title (GtkWidget *widget,
                   gpointer   title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_row_starting_with (GtkWidget *widget,
                      gpointer   prefix)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-batch-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->today = relance_day_from_dmy (23, 11, 2026);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, fixture->today);
  relance_sample_options_init (&options, fixture->today);
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  relance_test_spin (50);
  g_assert_null (fixture->dialog);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Tests */

static void
test_batch_one_pdf (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = letter_items (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "letters.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GPtrArray) remaining = NULL;
  g_autoptr(GError) error = NULL;
  guint n_letters, n_recorded = 0, expected_pages = 0;

  REQUIRE_DISPLAY ();

  open_dialog (fixture);
  n_letters = relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog));
  g_assert_cmpuint (n_letters, >, 1);
  g_assert_cmpuint (n_letters, <=, items->len);

  write_letters (fixture, RELANCE_LETTERS_ONE_PDF, path, NULL);
  g_assert_true (fixture->written);
  relance_test_spin (20);
  g_assert_null (fixture->dialog);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  /* Each letter is in its customer's history with its own PDF; in the
   * batch it starts on an odd page. */
  for (guint i = 0; i < items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (items, i);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *name = NULL;
      g_autoptr(PopplerPage) first = NULL;
      g_autofree char *text = NULL;
      guint n_found;
      gint64 action_id = find_letter_action (fixture, item->customer_id, &n_found);

      if (action_id == 0)
        continue;
      g_assert_cmpuint (n_found, ==, 1);
      n_recorded++;

      pdf = relance_letter_get_document (fixture->db, action_id, &name, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pdf);
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_nonnull (strstr (name, item->customer_code));

      if (expected_pages % 2 == 1)
        {
          g_autoptr(PopplerPage) blank = poppler_document_get_page (document, (int)expected_pages);
          g_autofree char *blank_text = poppler_page_get_text (blank);

          g_assert_cmpstr (g_strstrip (blank_text), ==, "");
          expected_pages++;
        }
      first = poppler_document_get_page (document, (int)expected_pages);
      g_assert_nonnull (first);
      text = poppler_page_get_text (first);
      g_assert_nonnull (strstr (text, item->customer_name));
      expected_pages += count_pages (pdf);
    }

  g_assert_cmpuint (n_recorded, ==, n_letters);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int)expected_pages);

  /* Done: the worklist no longer asks for their invoices (a customer
   * whose formal notice listed some of its invoices only may come back
   * for the others, at their own step); nothing half-written. */
  remaining = letter_items (fixture);
  g_assert_cmpuint (remaining->len, <, items->len);
  for (guint i = 0; i < remaining->len; i++)
    {
      const RelanceWorkItem *left = g_ptr_array_index (remaining, i);

      for (guint j = 0; j < items->len; j++)
        {
          const RelanceWorkItem *sent = g_ptr_array_index (items, j);

          if (sent->customer_id != left->customer_id)
            continue;
          for (guint k = 0; k < left->invoices->len; k++)
            for (guint l = 0; l < sent->invoices->len; l++)
              g_assert_cmpint (((RelanceWorkInvoice *)g_ptr_array_index (left->invoices, k))->invoice_id, !=,
                               ((RelanceWorkInvoice *)g_ptr_array_index (sent->invoices, l))->invoice_id);
        }
    }
  g_assert_cmpuint (count_files (fixture->dir, ".part"), ==, 0);
}

static void
test_batch_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = letter_items (fixture);
  g_autoptr(GPtrArray) remaining = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "letters.pdf", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "letters", NULL);

  REQUIRE_DISPLAY ();

  open_dialog (fixture);
  g_assert_cmpuint (relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog)), >, 0);

  g_cancellable_cancel (cancellable);
  write_letters (fixture, RELANCE_LETTERS_ONE_PDF, path, cancellable);
  g_assert_false (fixture->written);
  g_assert_nonnull (fixture->dialog);
  g_assert_false (relance_letters_batch_dialog_is_busy (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_letters (fixture, RELANCE_LETTERS_PER_CUSTOMER, folder, cancellable);
  g_assert_false (fixture->written);
  g_assert_cmpuint (count_files (folder, ""), ==, 0);
  g_assert_cmpuint (count_files (fixture->dir, ".part"), ==, 0);

  for (guint i = 0; i < items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (items, i);
      guint n_found;

      g_assert_cmpint (find_letter_action (fixture, item->customer_id, &n_found), ==, 0);
    }
  remaining = letter_items (fixture);
  g_assert_cmpuint (remaining->len, ==, items->len);
}

static void
test_batch_per_customer (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = letter_items (fixture);
  g_autofree char *folder = g_build_filename (fixture->dir, "letters", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_letters, n_files = 0;
  g_autofree char *kept_name = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *beside = NULL;

  REQUIRE_DISPLAY ();

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  open_dialog (fixture);
  n_letters = relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog));
  g_assert_cmpuint (n_letters, >, 1);

  /* A file kept from an earlier run under the name of a letter. */
  {
    const RelanceWorkItem *first = g_ptr_array_index (items, 0);

    kept_name = g_strdup_printf ("Relance-%s-2026-11-23.pdf", first->customer_code);
    kept = g_build_filename (folder, kept_name, NULL);
    beside = g_strdup_printf ("%s/Relance-%s-2026-11-23 (2).pdf", folder, first->customer_code);
    g_assert_true (g_file_set_contents (kept, "%PDF-1.4 kept by the user", -1, NULL));
  }

  write_letters (fixture, RELANCE_LETTERS_PER_CUSTOMER, folder, NULL);
  g_assert_true (fixture->written);

  /* It is still there as it was; the letter went beside it. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "%PDF-1.4 kept by the user");
    g_assert_true (g_file_test (beside, G_FILE_TEST_EXISTS));
    g_remove (kept);
  }

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      gboolean found = FALSE;

      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      g_assert_cmpuint (count_pages (bytes), >=, 1);

      /* Named after a customer of the batch. */
      for (guint i = 0; i < items->len && !found; i++)
        found = strstr (name, ((RelanceWorkItem *)g_ptr_array_index (items, i))->customer_code) != NULL;
      g_assert_true (found);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, n_letters);
}

/* A customer without an address is left out, with the reason; the
 * others are written. */
static void
test_batch_no_address (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = letter_items (fixture);
  g_autoptr(RelanceCustomerDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "letters.pdf", NULL);
  RelanceWorkItem *item;
  RelanceCustomerFields fields = { NULL };
  GtkWidget *row;
  guint n_before, n_found;

  REQUIRE_DISPLAY ();

  open_dialog (fixture);
  n_before = relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog));
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  relance_test_spin (20);

  g_assert_cmpuint (items->len, >, 0);
  item = g_ptr_array_index (items, 0);
  details = relance_desk_get_customer (fixture->db, item->customer_id, &error);
  g_assert_no_error (error);
  fields.code = details->code;
  fields.name = details->name;
  fields.address = "";
  fields.postcode = "";
  fields.city = "";
  fields.country = details->country;
  fields.email = details->email;
  fields.phone = details->phone;
  fields.siren = details->siren;
  fields.segment = details->segment[0] != '\0' ? details->segment : NULL;
  fields.payment_terms = details->payment_terms;
  g_assert_true (relance_desk_update_customer (fixture->db, item->customer_id, &fields,
                                               details->credit_limit, &error));
  g_assert_no_error (error);

  open_dialog (fixture);
  g_assert_cmpuint (relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog)),
                    ==, n_before - 1);
  title = g_strdup_printf ("%s (%s)", item->customer_name, item->customer_code);
  row = relance_test_find_widget (fixture->dialog, is_row_with_title, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Address"));

  write_letters (fixture, RELANCE_LETTERS_ONE_PDF, path, NULL);
  g_assert_true (fixture->written);
  g_assert_cmpint (find_letter_action (fixture, item->customer_id, &n_found), ==, 0);
}

/* A customer whose open credit notes cover what its step is about gets no
 * letter: the dialog lists it apart with the model's reason. */
static void
test_batch_nothing_to_claim (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) items = letter_items (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RelanceWorkItem *item;
  RelanceInvoiceFields credit = { NULL };
  GtkWidget *row;
  guint n_before;

  REQUIRE_DISPLAY ();

  open_dialog (fixture);
  n_before = relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog));
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  relance_test_spin (20);

  /* A credit note of the step's amount + 1,00 €, issued a week ago. */
  g_assert_cmpuint (items->len, >, 0);
  item = g_ptr_array_index (items, 0);
  credit.customer_code = item->customer_code;
  credit.number = "AV-TEST-1";
  credit.issue_date = fixture->today - 7;
  credit.due_date = fixture->today - 7;
  credit.amount = item->amount + 100;
  credit.credit_note = TRUE;
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &credit, &error), >, 0);
  g_assert_no_error (error);

  open_dialog (fixture);
  g_assert_cmpuint (relance_letters_batch_dialog_get_n_letters (RELANCE_LETTERS_BATCH_DIALOG (fixture->dialog)),
                    ==, n_before - 1);
  title = g_strdup_printf ("%s (%s)", item->customer_name, item->customer_code);
  row = relance_test_find_widget (fixture->dialog, is_row_with_title, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "The open credit notes ("));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "nothing"));
}

/* Without the company's identity no letter is written, and the dialog
 * says what is missing. */
static void
test_batch_company_missing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RelanceCompany) company = relance_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "letters.pdf", NULL);
  GtkWidget *row;

  REQUIRE_DISPLAY ();

  g_assert_true (relance_company_set (fixture->db, company, NULL, &error));
  g_assert_no_error (error);

  open_dialog (fixture);
  row = relance_test_find_widget (fixture->dialog, is_row_starting_with, (gpointer)"Letters need: ");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "SIREN"));
  g_assert_nonnull (relance_test_find_widget (row, relance_test_is_button_with_label, (gpointer)"Open Preferences"));
  g_assert_false (gtk_widget_is_sensitive (relance_test_find_widget (fixture->dialog, relance_test_is_button_with_label,
                                                                     (gpointer)"Write Letters…")));

  write_letters (fixture, RELANCE_LETTERS_ONE_PDF, path, NULL);
  g_assert_false (fixture->written);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The icons are SVGs: the MIME database must be found, isolated or not. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      app = relance_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/letters-batch/one-pdf", test_batch_one_pdf);
  ADD ("/letters-batch/cancelled", test_batch_cancelled);
  ADD ("/letters-batch/per-customer", test_batch_per_customer);
  ADD ("/letters-batch/no-address", test_batch_no_address);
  ADD ("/letters-batch/nothing-to-claim", test_batch_nothing_to_claim);
  ADD ("/letters-batch/company-missing", test_batch_company_missing);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
