/* test-letter-window.c: the letter window on the sample company, today
 * Monday 23 November 2026: a letter of the worklist shown as its PDF with
 * the customer's name, another template chosen, the letter marked as sent
 * from the Today view (recorded with its PDF, gone from the list), a
 * company without a name stopping it until the Preferences give one, a
 * letter saved as a draft (nothing recorded), printed to a file, kept in
 * the history and shown again from the customer's page; and the PDF view's
 * zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <string.h>

#include "relance-application.h"
#include "relance-company.h"
#include "relance-context.h"
#include "relance-customer-page.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-ledger.h"
#include "relance-letter.h"
#include "relance-letter-data.h"
#include "relance-letter-window.h"
#include "relance-letters-batch.h"
#include "relance-pdf-view.h"
#include "relance-preferences-window.h"
#include "relance-sample.h"
#include "relance-templates.h"
#include "relance-today-view.h"
#include "relance-window.h"
#include "relance-work-row.h"
#include "relance-worklist.h"
#include "relance-test-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char             *dir;
  RelanceDatabase  *db;
  RelanceContext   *context;
  RelanceDay        today;
  RelanceWorkItem  *item;      /* a letter of the day's worklist */
  GtkWidget        *window;    /* a window the test opened */
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-letter-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->today = relance_day_from_dmy (23, 11, 2026);
  relance_sample_options_init (&options, fixture->today);
  relance_sample_generate (fixture->db, &options, &error);
  g_assert_no_error (error);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, fixture->today);

  items = relance_worklist_compute (fixture->db, fixture->today, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (items, i);

      if (item->group == RELANCE_WORK_LETTER && item->invoices->len > 0)
        {
          fixture->item = g_ptr_array_steal_index (items, i);
          break;
        }
    }
  g_assert_nonnull (fixture->item);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels;

  if (!have_display)
    return;

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* And whatever the test left open. */
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  relance_test_spin (50);
  g_assert_null (fixture->window);

  g_clear_pointer (&fixture->item, relance_work_item_free);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Helpers */

static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return document_text (document);
}

static void
present (Fixture   *fixture,
         GtkWidget *window)
{
  fixture->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&fixture->window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, window));
  relance_test_spin (100);
}

static RelanceLetterWindow *
open_letter (Fixture               *fixture,
             gint64                 customer_id,
             const RelanceWorkItem *item)
{
  present (fixture, relance_letter_window_new (NULL, fixture->context, customer_id, item));

  return RELANCE_LETTER_WINDOW (fixture->window);
}

static gboolean
is_drop_down (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_info_bar_saying (GtkWidget *widget,
                    gpointer   text)
{
  return GTK_IS_INFO_BAR (widget) && gtk_info_bar_get_revealed (GTK_INFO_BAR (widget)) &&
         relance_test_find_widget (widget, relance_test_is_visible_label_containing, text) != NULL;
}

static gboolean
has_action (GtkWidget *widget,
            gpointer   action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  GtkWidget *button = relance_test_find_widget (root, has_action, (gpointer)action_name);

  g_assert_nonnull (button);
  return button;
}

static gboolean
is_label_ending_with (GtkWidget *widget,
                      gpointer   suffix)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), suffix);
}

/* The letters and formal notices of @customer_id in the history (the
 * sample company sent some already). */
static GPtrArray *
list_letters (Fixture *fixture,
              gint64   customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (fixture->db, customer_id, fixture->today, 1000,
                                                             &error);
  GPtrArray *letters = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_timeline_entry_free);

  g_assert_no_error (error);
  for (guint i = timeline->len; i > 0; i--)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (timeline, i - 1);

      if (entry->kind == RELANCE_TIMELINE_LETTER || entry->kind == RELANCE_TIMELINE_FORMAL_NOTICE)
        g_ptr_array_add (letters, g_ptr_array_steal_index (timeline, i - 1));
    }

  return letters;
}

static guint
count_letters (Fixture *fixture,
               gint64   customer_id)
{
  g_autoptr(GPtrArray) letters = list_letters (fixture, customer_id);

  return letters->len;
}

/* The last letter recorded. */
static RelanceTimelineEntry *
get_latest_letter (Fixture *fixture,
                   gint64   customer_id)
{
  g_autoptr(GPtrArray) letters = list_letters (fixture, customer_id);
  guint latest = 0;

  g_assert_cmpuint (letters->len, >, 0);
  for (guint i = 1; i < letters->len; i++)
    if (((RelanceTimelineEntry *)g_ptr_array_index (letters, i))->id >
        ((RelanceTimelineEntry *)g_ptr_array_index (letters, latest))->id)
      latest = i;

  return g_ptr_array_steal_index (letters, latest);
}

/* Whether the engine still asks for a letter to @customer_id today. */
static gboolean
letter_asked (Fixture *fixture,
              gint64   customer_id)
{
  g_autoptr(GError) error = NULL;
  RelanceWorkItem *item = relance_worklist_get_item (fixture->db, customer_id, fixture->today, &error);
  gboolean asked;

  g_assert_no_error (error);
  asked = item != NULL && item->group == RELANCE_WORK_LETTER;
  g_clear_pointer (&item, relance_work_item_free);

  return asked;
}

static gboolean
window_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window == NULL;
}

/* Tests */

static void
test_letter_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  RelanceLetterWindow *window;
  RelanceLetter *letter;
  const RelanceLetterData *letter_data;
  PopplerDocument *document;
  g_autofree char *text = NULL;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, fixture->item->customer_id);
  window = open_letter (fixture, fixture->item->customer_id, fixture->item);
  letter = relance_letter_window_get_letter (window);
  g_assert_nonnull (letter);

  /* The step's kind of letter, about the step's invoices, for this
   * customer. */
  g_assert_cmpint (relance_letter_get_template (letter)->kind, ==, fixture->item->template_kind);
  letter_data = relance_letter_get_data (letter);
  g_assert_cmpint (letter_data->customer_id, ==, fixture->item->customer_id);
  g_assert_cmpuint (letter_data->invoices->len, ==, fixture->item->invoices->len);
  g_assert_cmpint (letter_data->total_open, ==, fixture->item->amount);

  /* Shown as it prints: the customer's name and the first invoice. */
  g_assert_cmpuint (relance_pdf_view_get_n_pages (relance_letter_window_get_view (window)), >=, 1);
  document = relance_pdf_view_get_document (relance_letter_window_get_view (window));
  g_assert_nonnull (document);
  text = document_text (document);
  g_assert_nonnull (strstr (text, fixture->item->customer_name));
  g_assert_nonnull (strstr (text, ((RelanceWorkInvoice *)g_ptr_array_index (fixture->item->invoices, 0))->number));

  /* The sample company is complete: it can be sent. */
  g_assert_null (relance_test_find_widget (GTK_WIDGET (window), is_info_bar_saying,
                                           (gpointer)"This letter cannot be sent yet"));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.mark-sent")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.print")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.save")));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), fixture->item->customer_name));

  /* Closing records nothing. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (relance_test_wait_until (window_gone, fixture));
  g_assert_cmpuint (count_letters (fixture, fixture->item->customer_id), ==, n_letters);
}

static void
test_letter_template (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  RelanceLetterWindow *window;
  RelanceLetter *letter;
  GtkDropDown *dropdown;
  GListModel *names;
  guint notice = G_MAXUINT;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, fixture->item->customer_id);

  window = open_letter (fixture, fixture->item->customer_id, fixture->item);
  letter = relance_letter_window_get_letter (window);
  subject = g_strdup (relance_letter_get_subject (letter));

  /* Every template, the e-mails' too. */
  dropdown = GTK_DROP_DOWN (relance_test_find_widget (GTK_WIDGET (window), is_drop_down, NULL));
  g_assert_nonnull (dropdown);
  names = gtk_drop_down_get_model (dropdown);
  templates = relance_templates_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, templates->len);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);
      g_autoptr(RelanceTemplate) template = relance_templates_find_by_name (fixture->db, name, &error);

      g_assert_no_error (error);
      if (notice == G_MAXUINT && template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE &&
          g_strcmp0 (template->language, relance_letter_get_data (letter)->language) == 0)
        notice = i;
    }
  g_assert_cmpuint (notice, !=, G_MAXUINT);

  /* The formal notice: another subject, another PDF, another title. */
  gtk_drop_down_set_selected (dropdown, notice);
  relance_test_spin (100);
  letter = relance_letter_window_get_letter (window);
  g_assert_nonnull (letter);
  g_assert_cmpint (relance_letter_get_template (letter)->kind, ==, RELANCE_TEMPLATE_FORMAL_NOTICE);
  g_assert_cmpstr (relance_letter_get_subject (letter), !=, subject);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Formal Notice"));
  text = document_text (relance_pdf_view_get_document (relance_letter_window_get_view (window)));
  g_assert_nonnull (strstr (text, fixture->item->customer_name));

  /* Recorded as a formal notice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "letter.mark-sent", NULL));
  g_assert_true (relance_test_wait_until (window_gone, fixture));
  g_assert_cmpuint (count_letters (fixture, fixture->item->customer_id), ==, n_letters + 1);
  {
    RelanceTimelineEntry *entry = get_latest_letter (fixture, fixture->item->customer_id);

    g_assert_cmpint (entry->kind, ==, RELANCE_TIMELINE_FORMAL_NOTICE);
    g_assert_cmpint (entry->date, ==, fixture->today);
    relance_timeline_entry_free (entry);
  }
}

static gboolean
is_today_view (GtkWidget *widget,
               gpointer   data)
{
  return RELANCE_IS_TODAY_VIEW (widget);
}

static gboolean
today_loaded (gpointer data)
{
  RelanceTodayView *view = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (
    GTK_WIDGET (relance_today_view_get_column_view (view)))));

  return !relance_today_view_get_loading (view) &&
         !g_str_equal (gtk_stack_get_visible_child_name (stack), "loading");
}

static gboolean
letter_window_open (gpointer data)
{
  return relance_test_find_toplevel (RELANCE_TYPE_LETTER_WINDOW) != NULL;
}

/* Whether @view lists @customer_id in the group shown. */
static gboolean
today_lists (RelanceTodayView *view,
             gint64            customer_id,
             guint            *position)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (relance_today_view_get_column_view (view)));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RelanceWorkRow) row = g_list_model_get_item (rows, i);

      if (relance_work_row_get_item (row)->customer_id == customer_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_letter_mark_sent (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;
  RelanceTodayView *view;
  RelanceLetter *letter;
  GtkWidget *letter_window;
  GtkWidget *print_button;
  gint64 customer_id = fixture->item->customer_id;
  guint position = 0;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, customer_id);

  fixture->window = relance_window_new (app, fixture->context);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  view = RELANCE_TODAY_VIEW (relance_test_find_widget (fixture->window, is_today_view, NULL));
  g_assert_nonnull (view);
  relance_test_spin (20);
  g_assert_true (relance_test_wait_until (today_loaded, view));

  /* Not among the calls. */
  relance_today_view_set_group (view, RELANCE_WORK_CALL);
  relance_test_spin (20);
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (view), "today.print-letters")));

  /* The letters of the day: the button for them all, and one of them. */
  relance_today_view_set_group (view, RELANCE_WORK_LETTER);
  relance_test_spin (50);
  print_button = find_action_button (GTK_WIDGET (view), "today.print-letters");
  g_assert_true (gtk_widget_get_visible (print_button));
  g_assert_true (gtk_widget_is_sensitive (print_button));
  g_signal_emit_by_name (print_button, "clicked");
  {
    GtkWidget *batch = relance_test_wait_for_dialog (RELANCE_TYPE_LETTERS_BATCH_DIALOG);

    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (batch)) == GTK_WINDOW (fixture->window));
    gtk_window_destroy (GTK_WINDOW (batch));
    relance_test_spin (20);
  }
  g_assert_true (today_lists (view, customer_id, &position));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    relance_today_view_get_column_view (view))), position);
  relance_test_spin (10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "today.do", NULL));

  /* The letter itself opens. */
  g_assert_true (relance_test_wait_until (letter_window_open, NULL));
  letter_window = relance_test_wait_for_dialog (RELANCE_TYPE_LETTER_WINDOW);
  relance_test_spin (50);
  letter = relance_letter_window_get_letter (RELANCE_LETTER_WINDOW (letter_window));
  g_assert_nonnull (letter);
  g_assert_cmpint (relance_letter_get_data (letter)->customer_id, ==, customer_id);
  subject = g_strdup (relance_letter_get_subject (letter));
  file_name = relance_letter_get_file_name (letter);
  {
    PopplerDocument *document = relance_pdf_view_get_document (relance_letter_window_get_view (
      RELANCE_LETTER_WINDOW (letter_window)));
    g_autofree char *shown_text = document_text (document);

    g_assert_nonnull (strstr (shown_text, fixture->item->customer_name));
  }

  g_assert_true (gtk_widget_activate_action (letter_window, "letter.mark-sent", NULL));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_LETTER_WINDOW)));
  relance_test_spin (20);
  g_assert_true (relance_test_wait_until (today_loaded, view));
  relance_test_spin (50);

  /* Gone from the Today view, and from the engine's list. */
  g_assert_false (today_lists (view, customer_id, NULL));
  g_assert_false (letter_asked (fixture, customer_id));

  /* In the history: a letter, its subject, its invoices, its PDF. */
  g_assert_cmpuint (count_letters (fixture, customer_id), ==, n_letters + 1);
  {
    RelanceTimelineEntry *entry = get_latest_letter (fixture, customer_id);
    const RelanceWorkInvoice *first = g_ptr_array_index (fixture->item->invoices, 0);

    g_assert_cmpint (entry->kind, ==, RELANCE_TIMELINE_LETTER);
    g_assert_cmpint (entry->date, ==, fixture->today);
    g_assert_cmpstr (entry->outcome, ==, "sent");
    g_assert_cmpstr (entry->summary, ==, subject);
    g_assert_nonnull (strstr (entry->invoices, first->number));

    kept = relance_letter_get_document (fixture->db, entry->id, &name, &error);
    g_assert_no_error (error);
    relance_timeline_entry_free (entry);
  }
  g_assert_nonnull (kept);
  g_assert_cmpstr (name, ==, file_name);
  g_assert_true (g_bytes_get_size (kept) > 4 && memcmp (g_bytes_get_data (kept, NULL), "%PDF", 4) == 0);
  text = pdf_text (kept);
  g_assert_nonnull (strstr (text, fixture->item->customer_name));
}

static gboolean
missing_bar_gone (gpointer data)
{
  return relance_test_find_widget (data, is_info_bar_saying, (gpointer)"This letter cannot be sent yet") == NULL;
}

static void
test_letter_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RelanceLetterWindow *window;
  GtkWidget *preferences;
  gint64 customer_id = fixture->item->customer_id;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, customer_id);

  company = relance_company_get (fixture->db, &error);
  g_assert_no_error (error);
  name = g_steal_pointer (&company->name);
  company->name = g_strdup ("");
  relance_company_set (fixture->db, company, NULL, &error);
  g_assert_no_error (error);

  /* Shown, but it cannot go: the bar says why, with the way to fix it. */
  window = open_letter (fixture, customer_id, NULL);
  g_assert_nonnull (relance_letter_window_get_letter (window));
  g_assert_cmpuint (relance_pdf_view_get_n_pages (relance_letter_window_get_view (window)), >=, 1);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (window), is_info_bar_saying,
                                              (gpointer)"This letter cannot be sent yet"));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.mark-sent")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.print")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.save")));
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (window), "letter.preferences")));
  gtk_widget_activate_action (GTK_WIDGET (window), "letter.mark-sent", NULL);
  relance_test_spin (50);
  g_assert_nonnull (fixture->window);
  g_assert_cmpuint (count_letters (fixture, customer_id), ==, n_letters);

  /* The Preferences give the name back: the letter can go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "letter.preferences", NULL));
  preferences = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_free (company->name);
  company->name = g_strdup (name);
  relance_company_set (fixture->db, company, NULL, &error);
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_PREFERENCES_WINDOW)));
  g_assert_true (relance_test_wait_until (missing_bar_gone, window));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.mark-sent")));
  {
    g_autofree char *text = document_text (relance_pdf_view_get_document (relance_letter_window_get_view (window)));

    g_assert_nonnull (strstr (text, "Atelier Martin"));
  }
}

/* A customer whose only open invoice is under dispute: no letter. The
 * window says why, and nothing can be printed, saved or marked as sent. */
static void
test_letter_nothing_to_claim (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = {
    .code = "LIT", .name = "Litiges SARL", .address = "1 rue du Port", .postcode = "13002",
    .city = "Marseille", .country = "FR", .language = "fr", .payment_terms = -1,
  };
  RelanceInvoiceFields invoice = {
    .customer_code = "LIT", .number = "LIT-1", .issue_date = relance_day_from_dmy (1, 9, 2026),
    .due_date = relance_day_from_dmy (1, 10, 2026), .amount = 25315,
  };
  RelanceLetterWindow *window;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  customer_id = relance_ledger_add_customer (fixture->db, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &invoice, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "LIT-1", "B", 0, relance_day_from_dmy (5, 10, 2026),
                                                "Wrong goods", &error), >, 0);
  g_assert_no_error (error);

  window = open_letter (fixture, customer_id, NULL);
  g_assert_null (relance_letter_window_get_letter (window));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (window), relance_test_is_visible_label_containing,
                                              (gpointer)"Nothing to Claim"));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (window), relance_test_is_visible_label_containing,
                                              (gpointer)"is under dispute (B, Shipping); nothing else is due"));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.mark-sent")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.print")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "letter.save")));
  gtk_widget_activate_action (GTK_WIDGET (window), "letter.mark-sent", NULL);
  relance_test_spin (50);
  g_assert_nonnull (fixture->window);
  g_assert_cmpuint (count_letters (fixture, customer_id), ==, 0);
}

static void
test_letter_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "draft.pdf", NULL);
  g_autofree char *text = NULL;
  RelanceLetterWindow *window;
  PopplerDocument *shown;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, fixture->item->customer_id);
  window = open_letter (fixture, fixture->item->customer_id, fixture->item);
  shown = relance_pdf_view_get_document (relance_letter_window_get_view (window));

  /* A draft: the PDF shown, and nothing in the history. */
  file = g_file_new_for_path (path);
  g_assert_true (relance_letter_window_save (window, file, &error));
  g_assert_no_error (error);
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (saved);
  g_assert_nonnull (strstr (text, fixture->item->customer_name));
  {
    g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (saved, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, poppler_document_get_n_pages (shown));
  }
  g_assert_cmpuint (count_letters (fixture, fixture->item->customer_id), ==, n_letters);
  g_assert_true (letter_asked (fixture, fixture->item->customer_id));

  /* A folder that does not exist: said, nothing written. */
  nowhere = g_file_new_build_filename (fixture->dir, "no such folder", "draft.pdf", NULL);
  g_assert_false (relance_letter_window_save (window, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "draft.pdf"));
}

static void
test_letter_print (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(PopplerDocument) printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  RelanceLetterWindow *window;
  PopplerDocument *shown;
  double width, height;

  REQUIRE_DISPLAY ();

  window = open_letter (fixture, fixture->item->customer_id, fixture->item);
  shown = relance_pdf_view_get_document (relance_letter_window_get_view (window));

  /* Printed to a file: every page, on A4, with the letter's text. */
  operation = relance_letter_print_operation_new (shown, "Letter");
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, poppler_document_get_n_pages (shown));
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (printed, 0);

    poppler_page_get_size (page, &width, &height);
  }
  g_assert_cmpfloat_with_epsilon (width, RELANCE_LETTER_PAGE_WIDTH, 1.0);
  g_assert_cmpfloat_with_epsilon (height, RELANCE_LETTER_PAGE_HEIGHT, 1.0);
  text = document_text (printed);
  g_assert_nonnull (strstr (text, fixture->item->customer_name));
}

static void
test_letter_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  RelanceTimelineEntry *entry;
  RelanceLetterWindow *letter_window;
  RelanceCustomerPage *page;
  GtkWidget *customer_window;
  GtkWidget *show;
  gint64 customer_id = fixture->item->customer_id;
  guint n_letters;

  REQUIRE_DISPLAY ();

  n_letters = count_letters (fixture, customer_id);

  /* The customer's page: Write a Letter. Today's step for this customer
   * is a letter: the letter is that one, and sending it does the step. */
  customer_window = gtk_window_new ();
  page = RELANCE_CUSTOMER_PAGE (relance_customer_page_new ());
  relance_customer_page_set_context (page, fixture->context);
  relance_customer_page_set_customer (page, customer_id);
  gtk_window_set_child (GTK_WINDOW (customer_window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (customer_window), 1000, 760);
  present (fixture, customer_window);
  g_assert_null (relance_test_find_widget (GTK_WIDGET (page), relance_test_is_button_with_label, (gpointer)"Show"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.write-letter", NULL));
  letter_window = RELANCE_LETTER_WINDOW (relance_test_wait_for_dialog (RELANCE_TYPE_LETTER_WINDOW));
  relance_test_spin (50);
  g_assert_cmpint (relance_letter_get_template (relance_letter_window_get_letter (letter_window))->kind, ==,
                   fixture->item->template_kind);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (letter_window), "letter.mark-sent", NULL));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_LETTER_WINDOW)));
  relance_test_spin (50);
  {
    RelanceWorkItem *after = relance_worklist_get_item (fixture->db, customer_id,
                                                        relance_context_get_today (fixture->context), &error);

    g_assert_no_error (error);
    g_assert_null (after);
  }

  g_assert_cmpuint (count_letters (fixture, customer_id), ==, n_letters + 1);
  entry = get_latest_letter (fixture, customer_id);
  g_assert_cmpint (entry->kind, ==, RELANCE_TIMELINE_LETTER);
  kept = relance_letter_get_document (fixture->db, entry->id, &name, &error);
  g_assert_no_error (error);
  relance_timeline_entry_free (entry);
  g_assert_nonnull (kept);

  /* Written from the page, the worklist's step is done too. */
  g_assert_false (letter_asked (fixture, customer_id));

  /* The page read it again: the letter in its history, with Show. */
  show = relance_test_find_widget (GTK_WIDGET (page), relance_test_is_button_with_label, (gpointer)"Show");
  g_assert_nonnull (show);
  g_signal_emit_by_name (show, "clicked");
  letter_window = RELANCE_LETTER_WINDOW (relance_test_wait_for_dialog (RELANCE_TYPE_LETTER_WINDOW));
  relance_test_spin (50);

  /* The PDF kept, to print or save again; nothing to mark as sent. */
  g_assert_null (relance_letter_window_get_letter (letter_window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (letter_window)), ==, name);
  text = document_text (relance_pdf_view_get_document (relance_letter_window_get_view (letter_window)));
  {
    g_autofree char *kept_text = pdf_text (kept);

    g_assert_cmpstr (text, ==, kept_text);
  }
  g_assert_nonnull (strstr (text, fixture->item->customer_name));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (letter_window), "letter.mark-sent")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (letter_window), "letter.print")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (letter_window), "letter.save")));
  gtk_widget_activate_action (GTK_WIDGET (letter_window), "letter.mark-sent", NULL);
  relance_test_spin (50);
  g_assert_nonnull (relance_test_find_toplevel (RELANCE_TYPE_LETTER_WINDOW));
  g_assert_cmpuint (count_letters (fixture, customer_id), ==, n_letters + 1);
  gtk_window_destroy (GTK_WINDOW (letter_window));
}

/* The PDF view alone */

static gboolean
is_scrolled_window (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_pdf (guint n_pages)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, array, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page number %u", i + 1);

      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static void
test_pdf_view (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_pdf (3);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a PDF", 9);
  g_autoptr(GError) error = NULL;
  RelancePdfView *view;
  GtkWidget *window;
  GtkWidget *zoom_in;
  GtkWidget *zoom_fit;
  GtkWidget *percent;
  g_autofree char *fit_zoom = NULL;

  REQUIRE_DISPLAY ();

  window = gtk_window_new ();
  view = RELANCE_PDF_VIEW (relance_pdf_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  present (fixture, window);

  /* Nothing shown: no page, nothing to zoom. */
  g_assert_cmpuint (relance_pdf_view_get_n_pages (view), ==, 0);
  g_assert_null (relance_pdf_view_get_document (view));
  zoom_in = find_action_button (GTK_WIDGET (view), "pdf.zoom-in");
  zoom_fit = find_action_button (GTK_WIDGET (view), "pdf.zoom-fit");
  g_assert_false (gtk_widget_is_sensitive (zoom_in));

  relance_pdf_view_set_pdf (view, pdf, &error);
  g_assert_no_error (error);
  relance_test_spin (100);
  g_assert_cmpuint (relance_pdf_view_get_n_pages (view), ==, 3);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (view), relance_test_is_visible_label_containing,
                                              (gpointer)"Page 1 of 3"));

  /* Scrolled to the end: the last page. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (relance_test_find_widget (GTK_WIDGET (view),
                                                                                 is_scrolled_window, NULL));
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (scrolled);

    g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 3 * gtk_adjustment_get_page_size (vadj));
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
    relance_test_spin (50);
    g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (view), relance_test_is_visible_label_containing,
                                                (gpointer)"Page 3 of 3"));
    gtk_adjustment_set_value (vadj, 0);
    relance_test_spin (50);
  }

  /* Fitting the width at first; zooming in leaves it. */
  g_assert_true (gtk_widget_is_sensitive (zoom_in));
  g_assert_false (gtk_widget_is_sensitive (zoom_fit));
  percent = relance_test_find_widget (GTK_WIDGET (view), is_label_ending_with, (gpointer)"%");
  g_assert_nonnull (percent);
  fit_zoom = g_strdup (gtk_label_get_text (GTK_LABEL (percent)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-in", NULL));
  relance_test_spin (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (percent)), !=, fit_zoom);
  g_assert_cmpint (atoi (gtk_label_get_text (GTK_LABEL (percent))), >, atoi (fit_zoom));
  g_assert_true (gtk_widget_is_sensitive (zoom_fit));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-fit", NULL));
  relance_test_spin (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (percent)), ==, fit_zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-out", NULL));
  relance_test_spin (100);
  g_assert_cmpint (atoi (gtk_label_get_text (GTK_LABEL (percent))), <, atoi (fit_zoom));

  /* Another PDF keeps the zoom. */
  {
    g_autoptr(GBytes) other = make_pdf (2);
    g_autofree char *zoom = g_strdup (gtk_label_get_text (GTK_LABEL (percent)));

    relance_pdf_view_set_pdf (view, other, &error);
    g_assert_no_error (error);
    relance_test_spin (100);
    g_assert_cmpuint (relance_pdf_view_get_n_pages (view), ==, 2);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (percent)), ==, zoom);
  }

  /* Not a PDF: said, and nothing shown. */
  relance_pdf_view_set_pdf (view, junk, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (relance_pdf_view_get_n_pages (view), ==, 0);
  g_assert_null (relance_pdf_view_get_document (view));
  g_clear_error (&error);

  relance_pdf_view_set_pdf (view, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relance_pdf_view_get_n_pages (view), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

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

  ADD ("/letter-window/preview", test_letter_preview);
  ADD ("/letter-window/template", test_letter_template);
  ADD ("/letter-window/mark-sent", test_letter_mark_sent);
  ADD ("/letter-window/missing", test_letter_missing);
  ADD ("/letter-window/nothing-to-claim", test_letter_nothing_to_claim);
  ADD ("/letter-window/save", test_letter_save);
  ADD ("/letter-window/print", test_letter_print);
  ADD ("/letter-window/history", test_letter_history);
  ADD ("/pdf-view/zoom", test_pdf_view);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
