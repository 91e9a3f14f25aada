/* test-window.c: the main window on a real ledger, under a real display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "relance-application.h"
#include "relance-context.h"
#include "relance-customer.h"
#include "relance-customer-dialog.h"
#include "relance-customer-page.h"
#include "relance-database.h"
#include "relance-list-model.h"
#include "relance-sample.h"
#include "relance-text.h"
#include "relance-window.h"
#include "relance-test-utils.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  char            *dir;
  RelanceDatabase *db;
  RelanceContext  *context;
  RelanceWindow   *window;
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

static gboolean
is_mapped_label_with_text (GtkWidget *widget,
                           gpointer   text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_mapped_status_page_with_title (GtkWidget *widget,
                                  gpointer   title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static RelanceListModel *
get_list_model (RelanceWindow *window,
                const char    *name)
{
  GtkColumnView *column_view = relance_window_get_column_view (window, name);
  GtkSelectionModel *selection;
  GListModel *model;

  g_assert_nonnull (column_view);
  selection = gtk_column_view_get_model (column_view);
  g_assert_true (GTK_IS_SINGLE_SELECTION (selection));
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  /* Straight over the lazy model: no GtkSortListModel or
   * GtkFilterListModel in between. */
  g_assert_true (RELANCE_IS_LIST_MODEL (model));

  return RELANCE_LIST_MODEL (model);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *column_view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static void
open_ledger (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, relance_day_from_dmy (23, 11, 2026));
}

static void
fill_sample (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RelanceSampleOptions options;

  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 150;
  options.n_invoices = 3000;
  options.seed = 1;
  relance_sample_generate (fixture->db, &options, &error);
  g_assert_no_error (error);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  relance_test_spin (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-window-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  relance_test_spin (50);
  /* Nothing else holds the window once it is destroyed. */
  g_assert_null (fixture->window);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);

  if (fixture->dir != NULL)
    relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

/* @titles in order; every header sorts. */
static void
assert_column_titles (GtkColumnView      *column_view,
                      const char * const *titles)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  guint n = g_strv_length ((char **)titles);

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
    }
}

static void
test_window_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const customer_titles[] = {
    "Code", "Name", "City", "Balance", "Overdue", "Days Overdue", "Last Action", "Next Action", NULL
  };
  static const char * const invoice_titles[] = {
    "Number", "Customer", "Issued", "Due", "Amount", "Open", "Days Overdue", "Status", NULL
  };
  static const char * const dispute_titles[] = {
    "Invoice", "Customer", "Cause", "Department", "Amount", "Opened", "Days Open", "Status", NULL
  };
  static const struct {
    const char *name;
    RelanceListKind kind;
    const char * const *titles;
  } views[] = {
    { "customers", RELANCE_LIST_CUSTOMERS, customer_titles },
    { "invoices", RELANCE_LIST_INVOICES, invoice_titles },
    { "disputes", RELANCE_LIST_DISPUTES, dispute_titles },
  };

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "sample.db");
  fill_sample (fixture);
  show_window (fixture);

  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "ledger");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(RelanceListModel) fresh = NULL;
      GtkColumnView *column_view;
      RelanceListModel *shown;
      guint n;

      fresh = relance_list_model_new (fixture->db, views[i].kind,
                                      relance_context_get_today (fixture->context));
      n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
      g_assert_cmpuint (n, >, 0);

      relance_window_set_view (fixture->window, views[i].name);
      relance_test_spin (50);
      g_assert_cmpstr (relance_window_get_view (fixture->window), ==, views[i].name);

      column_view = relance_window_get_column_view (fixture->window, views[i].name);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view)));
      shown = get_list_model (fixture->window, views[i].name);
      g_assert_cmpuint (relance_list_model_get_kind (shown), ==, views[i].kind);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, n);
      assert_column_titles (column_view, views[i].titles);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_list_model (fixture->window, "customers"))), ==, 150);
}

/* The rows are really drawn: the first customer's code is on screen. */
static void
test_window_rows_rendered (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RelanceCustomer) first = NULL;
  GtkColumnView *column_view;
  GtkWidget *label = NULL;
  gint64 end;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "sample.db");
  fill_sample (fixture);
  show_window (fixture);
  relance_window_set_view (fixture->window, "customers");

  first = g_list_model_get_item (G_LIST_MODEL (get_list_model (fixture->window, "customers")), 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (relance_customer_get_code (first), !=, "");

  column_view = relance_window_get_column_view (fixture->window, "customers");
  end = g_get_monotonic_time () + TIMEOUT_US;
  /* A view's rows are built when it is first shown: wait for the frame
   * that lays them out. */
  while ((label == NULL || gtk_widget_get_width (label) == 0) && g_get_monotonic_time () < end)
    {
      relance_test_spin (20);
      label = relance_test_find_widget (GTK_WIDGET (column_view), is_mapped_label_with_text,
                           (gpointer)relance_customer_get_code (first));
    }

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_realized (label));
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);
}

typedef struct
{
  RelanceListModel *model;
  const char       *search;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;

  return g_strcmp0 (relance_list_model_get_search (wait->model), wait->search) == 0;
}

static void
type_search (RelanceWindow *window,
             const char    *view,
             const char    *text)
{
  GtkSearchEntry *entry = relance_window_get_search_entry (window, view);
  SearchWait wait = { get_list_model (window, view), text };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits a little before it says the search changed. */
  g_assert_true (relance_test_wait_until (search_applied, &wait));
  relance_test_spin (50);
}

static gboolean
is_customer_page (GtkWidget *widget,
                  gpointer   data)
{
  return RELANCE_IS_CUSTOMER_PAGE (widget);
}

static void
test_window_search (Fixture       *fixture,
                    gconstpointer  data)
{
  RelanceListModel *model;
  GtkColumnView *column_view;
  guint n;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "sample.db");
  fill_sample (fixture);
  show_window (fixture);
  relance_window_set_view (fixture->window, "customers");

  model = get_list_model (fixture->window, "customers");
  column_view = relance_window_get_column_view (fixture->window, "customers");

  /* Without its accent and capital, "besancon" finds "Besançon". */
  type_search (fixture->window, "customers", "besancon");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *name = relance_text_fold (relance_customer_get_name (customer));
      g_autofree char *city = relance_text_fold (relance_customer_get_city (customer));

      g_assert_true (strstr (name, "besancon") != NULL || strstr (city, "besancon") != NULL);
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view)));

  /* Enter opens the first customer found, and the list has the focus. */
  {
    GtkWidget *page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
    g_autoptr(RelanceCustomer) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_nonnull (page);
    g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==, 0);
    g_signal_emit_by_name (relance_window_get_search_entry (fixture->window, "customers"), "activate");
    relance_test_spin (50);
    g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==,
                     relance_customer_get_id (first));
    g_assert_true (gtk_widget_is_focus (GTK_WIDGET (column_view)) ||
                   gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                           GTK_WIDGET (column_view)));
  }

  /* Nothing found: a status page says so instead of an empty list. */
  type_search (fixture->window, "customers", "zzqxw");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->window),
                                 is_mapped_status_page_with_title, (gpointer)"No Results"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (column_view)));

  type_search (fixture->window, "customers", "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 150);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view)));
}

static gint64
customer_balance (GListModel *model,
                  guint       position)
{
  g_autoptr(RelanceCustomer) customer = g_list_model_get_item (model, position);

  return relance_customer_get_balance (customer);
}

static void
test_window_sort (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkColumnView *column_view;
  GtkColumnViewColumn *balance;
  GListModel *model;
  gint64 largest = G_MININT64;
  gint64 smallest = G_MAXINT64;
  guint n;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "sample.db");
  fill_sample (fixture);
  show_window (fixture);

  column_view = relance_window_get_column_view (fixture->window, "customers");
  model = G_LIST_MODEL (get_list_model (fixture->window, "customers"));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 150);
  for (guint i = 0; i < n; i++)
    {
      largest = MAX (largest, customer_balance (model, i));
      smallest = MIN (smallest, customer_balance (model, i));
    }
  g_assert_cmpint (smallest, <, largest);

  /* By code at first, as the header shows. */
  {
    g_autoptr(RelanceCustomer) first = g_list_model_get_item (model, 0);
    g_autoptr(RelanceCustomer) second = g_list_model_get_item (model, 1);

    g_assert_cmpint (g_strcmp0 (relance_customer_get_code (first), relance_customer_get_code (second)), <, 0);
  }

  balance = find_column (column_view, "Balance");
  g_assert_nonnull (balance);

  gtk_column_view_sort_by_column (column_view, balance, GTK_SORT_DESCENDING);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  g_assert_cmpint (customer_balance (model, 0), ==, largest);
  g_assert_cmpint (customer_balance (model, 149), ==, smallest);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (customer_balance (model, i - 1), >=, customer_balance (model, i));

  gtk_column_view_sort_by_column (column_view, balance, GTK_SORT_ASCENDING);
  relance_test_spin (50);
  g_assert_cmpint (customer_balance (model, 0), ==, smallest);
  g_assert_cmpint (customer_balance (model, 149), ==, largest);

  /* A search keeps the order, and the order keeps the search. */
  type_search (fixture->window, "customers", "besancon");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 1);
  gtk_column_view_sort_by_column (column_view, balance, GTK_SORT_DESCENDING);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (customer_balance (model, i - 1), >=, customer_balance (model, i));
}

static void
test_window_welcome (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *add;
  GtkWidget *sample;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "empty.db");
  show_window (fixture);

  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "welcome");
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->window),
                                 is_mapped_status_page_with_title, (gpointer)"Welcome to Relance"));

  add = relance_test_find_widget (GTK_WIDGET (fixture->window), relance_test_is_button_with_label, (gpointer)"Add a Customer");
  sample = relance_test_find_widget (GTK_WIDGET (fixture->window), relance_test_is_button_with_label, (gpointer)"Open the Sample Company");
  g_assert_nonnull (add);
  g_assert_nonnull (sample);
  g_assert_true (gtk_widget_get_mapped (add));
  g_assert_true (gtk_widget_get_mapped (sample));
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (gtk_widget_is_sensitive (sample));
  g_assert_true (gtk_widget_has_css_class (add, "suggested-action"));
}

static RelanceCustomerDialog *
find_customer_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RELANCE_IS_CUSTOMER_DIALOG (window))
        return RELANCE_CUSTOMER_DIALOG (window);
    }

  return NULL;
}

static gboolean
no_customer_dialog (gpointer data)
{
  return find_customer_dialog () == NULL;
}

static GtkWidget *
open_customer_dialog (Fixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-customer", NULL));
  dialog = GTK_WIDGET (find_customer_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, dialog));

  return dialog;
}

static void
type_in_row (GtkWidget  *dialog,
             const char *title,
             const char *text)
{
  GtkWidget *row = relance_test_find_widget (dialog, relance_test_is_entry_row_with_title, (gpointer)title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *duplicate_message = "A customer with the code “411BESANCON” already exists";

static gboolean
has_duplicate_message (gpointer dialog)
{
  return relance_test_find_widget (dialog, is_mapped_label_with_text, (gpointer)duplicate_message) != NULL;
}

static void
test_window_add_customer (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *add;
  GtkWidget *code_row;
  GtkWidget *error_label;
  g_autoptr(RelanceCustomer) customer = NULL;
  RelanceListModel *model;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "empty.db");
  show_window (fixture);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "welcome");

  dialog = open_customer_dialog (fixture);
  add = relance_test_find_widget (dialog, relance_test_is_button_with_label, (gpointer)"Add");
  g_assert_nonnull (add);

  /* Add waits for a code and a name. */
  g_assert_false (gtk_widget_is_sensitive (add));
  type_in_row (dialog, "Code", "411BESANCON");
  g_assert_false (gtk_widget_is_sensitive (add));
  type_in_row (dialog, "Name", "Fromagerie de Besançon");
  g_assert_true (gtk_widget_is_sensitive (add));
  type_in_row (dialog, "City", "Besançon");

  g_signal_emit_by_name (add, "clicked");
  g_assert_true (relance_test_wait_until (no_customer_dialog, NULL));
  relance_test_spin (50);

  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "ledger");
  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "customers");
  model = get_list_model (fixture->window, "customers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  customer = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (relance_customer_get_code (customer), ==, "411BESANCON");
  g_assert_cmpstr (relance_customer_get_city (customer), ==, "Besançon");
  g_assert_cmpint (relance_customer_get_payment_terms (customer), ==, 30);

  /* The same code again: the dialog stays, says why, and writes nothing. */
  dialog = open_customer_dialog (fixture);
  type_in_row (dialog, "Code", "411BESANCON");
  type_in_row (dialog, "Name", "Another");
  add = relance_test_find_widget (dialog, relance_test_is_button_with_label, (gpointer)"Add");
  g_signal_emit_by_name (add, "clicked");
  relance_test_spin (50);

  g_assert_true (find_customer_dialog () == RELANCE_CUSTOMER_DIALOG (dialog));
  code_row = relance_test_find_widget (dialog, relance_test_is_entry_row_with_title, (gpointer)"Code");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_true (relance_test_wait_until (has_duplicate_message, dialog));
  error_label = relance_test_find_widget (dialog, is_mapped_label_with_text, (gpointer)duplicate_message);
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  relance_list_model_reload (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (relance_test_wait_until (no_customer_dialog, NULL));
}

static void
test_window_open_sample (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sample_path = relance_application_get_sample_path ();
  RelanceContext *context;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "empty.db");
  show_window (fixture);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "welcome");
  g_assert_false (g_file_test (sample_path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  relance_test_spin (50);

  /* The sample lives in its own file; the user's ledger is untouched. */
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_EXISTS));
  g_assert_true (relance_database_is_empty (fixture->db));

  context = relance_window_get_context (fixture->window);
  g_assert_nonnull (context);
  g_assert_true (context == relance_application_get_context (app));
  g_assert_cmpstr (relance_database_get_path (relance_context_get_database (context)), ==, sample_path);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "ledger");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Sample Company — Relance");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_list_model (fixture->window, "customers"))), ==, 150);

  /* Once made, the sample is opened again as it is. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-sample"));
}

static void
test_window_open_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  GtkWidget *page;

  REQUIRE_DISPLAY ();

  /* A file that is not a ledger is refused, and the window says why. */
  path = g_build_filename (fixture->dir, "letter.txt", NULL);
  g_assert_true (g_file_set_contents (path, "Dear customer, please pay.\n", -1, NULL));
  db = relance_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);

  show_window (fixture);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "error");
  relance_window_show_open_error (fixture->window, error);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "error");
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_mapped_status_page_with_title,
                      (gpointer)"The Ledger Could Not Be Opened");
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, error->message);

  /* With no ledger there is nowhere to add a customer. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-customer", NULL);
  relance_test_spin (20);
  g_assert_null (find_customer_dialog ());
}

/* Every view of a ledger with data fits a phone-sized window: 360 pixels
 * of content (the window adds its shadow). */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  int minimum = 0;

  REQUIRE_DISPLAY ();

  open_ledger (fixture, "sample.db");
  fill_sample (fixture);
  show_window (fixture);
  relance_window_set_view (fixture->window, "customers");
  relance_test_spin (100);

  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (fixture->window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) icon_path = NULL;
  const char * const *data_dirs;
  int status;

  /* The tests get their own empty XDG folders (the sample company is written
   * in the data folder), but GTK still needs the system's MIME database to
   * load SVG icons, and the system's icon themes. */
  g_content_type_set_mime_dirs (NULL);
  data_dirs = g_get_system_data_dirs ();
  icon_path = g_new0 (char *, g_strv_length ((char **)data_dirs) + 1);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    icon_path[i] = g_build_filename (data_dirs[i], "icons", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      gtk_icon_theme_set_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      (const char * const *)icon_path);

      app = relance_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/lists", test_window_lists);
  ADD ("/window/rows-rendered", test_window_rows_rendered);
  ADD ("/window/search", test_window_search);
  ADD ("/window/sort", test_window_sort);
  ADD ("/window/welcome", test_window_welcome);
  ADD ("/window/add-customer", test_window_add_customer);
  ADD ("/window/open-sample", test_window_open_sample);
  ADD ("/window/open-error", test_window_open_error);
  ADD ("/window/narrow", test_window_narrow);

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
