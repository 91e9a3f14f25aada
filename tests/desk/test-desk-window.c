/* test-desk-window.c: a secretary's afternoon in the real window: a new
 * customer, an invoice, a partial payment, a dispute opened and resolved
 * with a credit note, checked in the lists and on the customer's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "relance-application.h"
#include "relance-call-sheet.h"
#include "relance-context.h"
#include "relance-customer.h"
#include "relance-customer-dialog.h"
#include "relance-customer-page.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-dispute.h"
#include "relance-invoice.h"
#include "relance-list-model.h"
#include "relance-sample.h"
#include "relance-window.h"
#include "relance-worklist.h"
#include "relance-test-utils.h"

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
is_customer_page (GtkWidget *widget,
                  gpointer   data)
{
  return RELANCE_IS_CUSTOMER_PAGE (widget);
}

static GtkWidget *
row (GtkWidget  *dialog,
     const char *title)
{
  GtkWidget *found = relance_test_find_widget (dialog, relance_test_is_entry_row_with_title, (gpointer)title);

  g_assert_nonnull (found);
  return found;
}

static void
type_in (GtkWidget  *dialog,
         const char *title,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, title)), text);
  relance_test_spin (10);
}

static GtkWidget *
button (GtkWidget  *root,
        const char *label)
{
  GtkWidget *found = relance_test_find_widget (root, relance_test_is_button_with_label, (gpointer)label);

  g_assert_nonnull (found);
  return found;
}

static void
click_and_wait_closed (GtkWidget  *dialog,
                       const char *label,
                       GType       type)
{
  GtkWidget *save = button (dialog, label);

  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (type)));
  relance_test_spin (50);
}

static RelanceListModel *
window_model (Fixture    *fixture,
              const char *view)
{
  GtkColumnView *column_view;

  relance_window_set_view (fixture->window, view);
  relance_test_spin (50);
  column_view = relance_window_get_column_view (fixture->window, view);
  return RELANCE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-desk-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, relance_day_from_dmy (23, 11, 2026));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  relance_test_spin (50);
  g_assert_null (fixture->window);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);

  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

        g_remove (child);
      }
    g_rmdir (fixture->dir);
  }
  g_clear_pointer (&fixture->dir, g_free);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  relance_test_spin (100);
}

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

static RelanceInvoice *
first_invoice (RelanceListModel *model)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  return g_list_model_get_item (G_LIST_MODEL (model), 0);
}

static void
test_desk_afternoon (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *page;
  GtkWidget *save;
  GtkColumnView *page_invoices;
  RelanceListModel *invoices;
  RelanceListModel *disputes;
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(RelanceDispute) dispute = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  RelanceCustomerFigures figures;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "welcome");

  /* A new customer, whose page opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_CUSTOMER_DIALOG);
  type_in (dialog, "Code", "411BESANCON");
  type_in (dialog, "Name", "Fromagerie de Besançon");
  click_and_wait_closed (dialog, "Add", RELANCE_TYPE_CUSTOMER_DIALOG);

  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "ledger");
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_nonnull (page);
  customer_id = relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page));
  g_assert_cmpint (customer_id, >, 0);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"Fromagerie de Besançon"));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"No payment received yet."));

  /* Its terms and credit limit, checked as typed. */
  g_assert_true (gtk_widget_activate_action (page, "customer.edit", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_CUSTOMER_EDIT_DIALOG);
  type_in (dialog, "Payment terms, in days", "75");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing, (gpointer)"longer than the law allows"));
  type_in (dialog, "Credit limit (empty for none)", "cinq mille");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Credit limit (empty for none)"), "error"));
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Save")));
  type_in (dialog, "Credit limit (empty for none)", "5 000");
  type_in (dialog, "Payment terms, in days", "30");
  click_and_wait_closed (dialog, "Save", RELANCE_TYPE_CUSTOMER_EDIT_DIALOG);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"Credit limit: €0.00 used of €5,000.00"));

  /* An invoice: the due date follows the 30 days' terms; bad input turns
   * the row red, says why, and Add waits. */
  g_assert_true (gtk_widget_activate_action (page, "customer.new-invoice", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_INVOICE_DIALOG);
  save = button (dialog, "Add");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Customer code"))), ==, "411BESANCON");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Issue date"))), ==, "2026-11-23");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Due date"))), ==, "2026-12-23");
  type_in (dialog, "Issue date", "2026-09-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Due date"))), ==, "2026-10-01");
  type_in (dialog, "Number", "F1");
  type_in (dialog, "Amount, tax included", "12OO");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Amount, tax included"), "error"));
  type_in (dialog, "Amount, tax included", "1 200,00");
  g_assert_false (gtk_widget_has_css_class (row (dialog, "Amount, tax included"), "error"));
  g_assert_true (gtk_widget_is_sensitive (save));
  type_in (dialog, "Due date", "31/02/2026");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Due date"), "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  type_in (dialog, "Due date", "2026-08-01");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing, (gpointer)"before the issue date"));
  g_assert_false (gtk_widget_is_sensitive (save));
  /* Beyond the legal caps: warned, but it can be saved. */
  type_in (dialog, "Due date", "2026-12-15");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing, (gpointer)"longer than the law allows"));
  g_assert_true (gtk_widget_is_sensitive (save));
  type_in (dialog, "Due date", "2026-10-01");
  click_and_wait_closed (dialog, "Add", RELANCE_TYPE_INVOICE_DIALOG);

  page_invoices = relance_customer_page_get_invoice_list (RELANCE_CUSTOMER_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (page_invoices))), ==, 1);

  /* The same number again is refused as it is typed. */
  g_assert_true (gtk_widget_activate_action (page, "customer.new-invoice", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_INVOICE_DIALOG);
  type_in (dialog, "Number", "f1");
  type_in (dialog, "Amount, tax included", "10");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Number"), "error"));
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Add")));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_INVOICE_DIALOG)));

  /* A partial payment of 500.00, proposed for F1; more than F1's open
   * balance is refused. */
  g_assert_true (gtk_widget_activate_action (page, "customer.record-payment", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_PAYMENT_DIALOG);
  type_in (dialog, "Amount received", "500");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "F1, due 2026-10-01, €1,200.00 open"))), ==, "500.00");
  type_in (dialog, "F1, due 2026-10-01, €1,200.00 open", "1300");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "F1, due 2026-10-01, €1,200.00 open"), "error"));
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Record")));
  type_in (dialog, "F1, due 2026-10-01, €1,200.00 open", "500");
  type_in (dialog, "Reference", "VIR 42");
  click_and_wait_closed (dialog, "Record", RELANCE_TYPE_PAYMENT_DIALOG);

  invoices = window_model (fixture, "invoices");
  invoice = first_invoice (invoices);
  g_assert_cmpstr (relance_invoice_get_number (invoice), ==, "F1");
  g_assert_cmpint (relance_invoice_get_open (invoice), ==, 70000);
  g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_OVERDUE);
  g_clear_object (&invoice);
  payments = relance_desk_list_payments (fixture->db, customer_id, 0, NULL);
  g_assert_cmpuint (payments->len, ==, 1);
  relance_window_set_view (fixture->window, "customers");
  relance_test_spin (50);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"Payment of €500.00"));

  /* A dispute on 200.00 of F1, opened from the page's invoice list. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (page_invoices)), 0);
  relance_test_spin (20);
  g_assert_true (gtk_widget_activate_action (page, "customer.dispute-invoice", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_DISPUTE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Amount disputed"))), ==, "700.00");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing, (gpointer)"department must act"));
  type_in (dialog, "Amount disputed", "800");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Amount disputed"), "error"));
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Open")));
  type_in (dialog, "Amount disputed", "200");
  type_in (dialog, "What the customer says", "Two cheeses billed twice");
  click_and_wait_closed (dialog, "Open", RELANCE_TYPE_DISPUTE_DIALOG);

  invoices = window_model (fixture, "invoices");
  invoice = first_invoice (invoices);
  g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_DISPUTED);
  g_clear_object (&invoice);
  disputes = window_model (fixture, "disputes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 1);
  dispute = g_list_model_get_item (G_LIST_MODEL (disputes), 0);
  g_assert_cmpint (relance_dispute_get_status (dispute), ==, RELANCE_DISPUTE_STATUS_OPEN);
  g_assert_cmpint (relance_dispute_get_amount (dispute), ==, 20000);
  g_clear_object (&dispute);

  /* Resolved from the page with a 200.00 credit note (cause A, billing). */
  relance_window_set_view (fixture->window, "customers");
  relance_test_spin (50);
  g_signal_emit_by_name (button (page, "Resolve…"), "clicked");
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_DISPUTE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Credit note number"))), ==, "AV-F1");
  type_in (dialog, "How it was settled", "Credit note sent");
  click_and_wait_closed (dialog, "Resolve", RELANCE_TYPE_DISPUTE_DIALOG);

  disputes = window_model (fixture, "disputes");
  dispute = g_list_model_get_item (G_LIST_MODEL (disputes), 0);
  g_assert_cmpint (relance_dispute_get_status (dispute), ==, RELANCE_DISPUTE_STATUS_RESOLVED);
  invoices = window_model (fixture, "invoices");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, 2);
  relance_list_model_set_search (invoices, "F1");
  invoice = first_invoice (invoices);
  g_assert_cmpstr (relance_invoice_get_number (invoice), ==, "F1");
  g_assert_cmpint (relance_invoice_get_open (invoice), ==, 50000);
  g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_OVERDUE);

  g_assert_true (relance_desk_get_figures (fixture->db, customer_id, relance_context_get_today (fixture->context),
                                           &figures, NULL));
  g_assert_cmpint (figures.balance, ==, 50000);
  relance_window_set_view (fixture->window, "customers");
  relance_test_spin (50);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"Dispute on F1 resolved"));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"€500.00"));
}

/* Delete offers Undo; a customer with invoices is archived, not lost. */
static void
test_desk_delete_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceSampleOptions options;
  RelanceListModel *customers;
  GtkWidget *page;
  guint n;

  REQUIRE_DISPLAY ();

  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 10;
  options.n_invoices = 100;
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  show_window (fixture);

  customers = window_model (fixture, "customers");
  n = g_list_model_get_n_items (G_LIST_MODEL (customers));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       relance_window_get_column_view (fixture->window, "customers"))), 0);
  relance_test_spin (50);
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==, 1);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, (gpointer)"Reminder letter"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, n - 1);
  g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==, 0);

  {
    g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (fixture->db, 1, &error);

    /* It has invoices: archived, never deleted. */
    g_assert_no_error (error);
    g_assert_true (details->archived);
  }

  /* Undo, in the toast, brings it back to the list and to its page. */
  relance_test_spin (300);
  g_signal_emit_by_name (button (GTK_WIDGET (fixture->window), "Undo"), "clicked");
  relance_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, n);
  g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==, 1);
  {
    g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (fixture->db, 1, &error);

    g_assert_false (details->archived);
  }
}

static gboolean
is_drop_down_with_tooltip (GtkWidget *widget,
                           gpointer   tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_mapped_label_starting (GtkWidget *widget,
                          gpointer   text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The filters above a list narrow it in SQL; the totals bar follows. */
static void
test_desk_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceListModel) expected = NULL;
  g_autofree char *count = NULL;
  RelanceSampleOptions options;
  RelanceListModel *invoices;
  GtkWidget *status;
  guint n_all, n_overdue;

  REQUIRE_DISPLAY ();

  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 20;
  options.n_invoices = 300;
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  show_window (fixture);

  invoices = window_model (fixture, "invoices");
  n_all = g_list_model_get_n_items (G_LIST_MODEL (invoices));
  expected = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, relance_context_get_today (fixture->context));
  relance_list_model_set_status (expected, RELANCE_LIST_STATUS_OVERDUE);
  n_overdue = g_list_model_get_n_items (G_LIST_MODEL (expected));
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, n_all);

  status = relance_test_find_widget (GTK_WIDGET (fixture->window), is_drop_down_with_tooltip, (gpointer)"Status");
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 2);   /* Overdue */
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, n_overdue);
  for (guint i = 0; i < n_overdue; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (invoices), i);

      g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_OVERDUE);
    }
  count = g_strdup_printf ("%u invoices · open ", n_overdue);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->window), is_mapped_label_starting, count));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 0);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, n_all);

  /* Customers of one target group. */
  {
    RelanceListModel *customers = window_model (fixture, "customers");
    GtkWidget *group = relance_test_find_widget (GTK_WIDGET (fixture->window), is_drop_down_with_tooltip, (gpointer)"Target group");
    const char *name;
    guint n_customers = g_list_model_get_n_items (G_LIST_MODEL (customers));
    guint n_group;

    g_assert_nonnull (group);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (group), 1);
    relance_test_spin (50);
    name = gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (group)));
    n_group = g_list_model_get_n_items (G_LIST_MODEL (customers));
    g_assert_cmpuint (n_group, >, 0);
    g_assert_cmpuint (n_group, <, n_customers);
    for (guint i = 0; i < n_group; i++)
      {
        g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (customers), i);

        g_assert_cmpstr (relance_customer_get_segment (customer), ==, name);
      }
  }
}

static gboolean
is_expander_row (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* The customer's page says what a late customer owes on top of its
 * invoices, and says nothing for a customer with nothing late. Today is
 * 2026-11-23:
 * F1 1 000,00 due 2026-08-31 is 84 days late, all of them at 2.15 + 10
 *   = 12.15 % (the shipped table's last rate, of 2026-01-01):
 *   100 000 × 1215 × 84 / 3 650 000 = 2 796.16… -> €27.96;
 * F3 500,00 due 2025-06-15 was paid in full on 2025-07-20, late across
 *   the rate change of 2025-07-01: 06-16..06-30 15 days at 13.15 %,
 *   50 000 × 1315 × 15 = 986 250 000 / 3 650 000 = 270.2… -> €2.70;
 *   07-01..07-20 20 days at 12.15 %, 1 215 000 000; running sum
 *   2 201 250 000 / 3 650 000 = 603.08… -> 603, less 270 = €3.33;
 * F4 300,00 due 2026-09-30, under dispute since 2026-10-15: 54 days,
 *   30 000 × 1215 × 54 = 1 968 300 000 / 3 650 000 = 539.2… -> 539,
 *   with its 40,00: €45.39 apart, not claimed.
 * Claimed: interest 2 796 + 603 = €33.99; 2 indemnities, €80.00;
 * €1,000.00 still open: €1,113.99 in all. The table stops on 2026-06-30,
 * which the page says. */
static void
test_desk_penalties (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields alpha = { .code = "411ALPHA", .name = "Alpha en retard", .payment_terms = -1 };
  RelanceCustomerFields bravo = { .code = "411BRAVO", .name = "Bravo à l’heure", .payment_terms = -1 };
  RelanceInvoiceFields late = {
    .customer_code = "411ALPHA", .number = "F1", .amount = 100000,
    .issue_date = relance_day_from_dmy (1, 8, 2026), .due_date = relance_day_from_dmy (31, 8, 2026),
  };
  RelanceInvoiceFields paid_late = {
    .customer_code = "411ALPHA", .number = "F3", .amount = 50000,
    .issue_date = relance_day_from_dmy (16, 5, 2025), .due_date = relance_day_from_dmy (15, 6, 2025),
  };
  RelanceInvoiceFields disputed = {
    .customer_code = "411ALPHA", .number = "F4", .amount = 30000,
    .issue_date = relance_day_from_dmy (31, 8, 2026), .due_date = relance_day_from_dmy (30, 9, 2026),
  };
  RelanceInvoiceFields not_due = {
    .customer_code = "411BRAVO", .number = "F2", .amount = 50000,
    .issue_date = relance_day_from_dmy (1, 11, 2026), .due_date = relance_day_from_dmy (1, 12, 2026),
  };
  const char * const f3[] = { "F3", NULL };
  const char * const shown[] = {
    "Late-Payment Penalties", "Interest to date", "€33.99", "ECB rate + 10 points = 12.15 %",
    "Recovery indemnities", "2 late invoices × €40.00", "including 1 paid late", "€80.00",
    "Under dispute, not claimed", "F4: €300.00 open", "€45.39",
    "Total claimable", "€1,113.99", "€1,000.00 still open", "The rate table stops on 2026-06-30",
  };
  /* One row per period, once the interest is expanded. */
  const char * const periods[] = {
    "F1, 2026-09-01 to 2026-11-23", "84 days on €1,000.00 at 12.15 %", "€27.96",
    "F3, 2025-06-16 to 2025-06-30", "15 days on €500.00 at 13.15 %", "paid late, on 2025-07-20", "€2.70",
    "F3, 2025-07-01 to 2025-07-20", "20 days on €500.00 at 12.15 %", "€3.33",
  };
  GtkSingleSelection *selection;
  RelanceListModel *customers;
  GtkWidget *page;

  REQUIRE_DISPLAY ();

  g_assert_cmpint (relance_ledger_add_customer (fixture->db, &alpha, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_customer (fixture->db, &bravo, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &late, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &paid_late, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &disputed, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &not_due, &error), >, 0);
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411ALPHA", relance_day_from_dmy (20, 7, 2025), 50000,
                                               f3, "transfer", "", &error), >, 0);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F4", "B", 0, relance_day_from_dmy (15, 10, 2026),
                                                "", &error), >, 0);
  g_assert_no_error (error);
  show_window (fixture);

  customers = window_model (fixture, "customers");
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (relance_window_get_column_view (fixture->window, "customers")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (customers), i);
      gboolean is_late = g_str_equal (relance_customer_get_code (customer), "411ALPHA");
      GtkWidget *expander;

      gtk_single_selection_set_selected (selection, i);
      relance_test_spin (50);
      page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
      g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==,
                       relance_customer_get_id (customer));

      for (guint j = 0; j < G_N_ELEMENTS (shown); j++)
        {
          GtkWidget *label = relance_test_find_widget (page, relance_test_is_visible_label_containing,
                                                       (gpointer)shown[j]);

          if (is_late && label == NULL)
            g_error ("“%s” is not on the page of a late customer", shown[j]);
          if (!is_late && label != NULL)
            g_error ("“%s” is on the page of a customer with nothing late", shown[j]);
        }

      if (!is_late)
        continue;

      expander = relance_test_find_widget (page, is_expander_row, NULL);
      g_assert_nonnull (expander);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      relance_test_spin (50);
      for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
        if (relance_test_find_widget (expander, relance_test_is_visible_label_containing,
                                      (gpointer)periods[j]) == NULL)
          g_error ("“%s” is not among the periods of interest", periods[j]);
      /* F4, disputed, has no line of interest claimed. */
      g_assert_null (relance_test_find_widget (expander, relance_test_is_visible_label_containing, "F4, "));
    }
}

/* A customer with more open invoices than the payment dialog lists: the
 * others are found by their number and settled like the rest. */
static void
test_desk_payment_many (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  RelanceCustomerFields customer = { .code = "411MANY", .name = "Grossiste aux 70 factures", .payment_terms = -1 };
  RelancePaymentRow *payment;
  GtkWidget *dialog;
  GtkWidget *find;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  customer_id = relance_ledger_add_customer (fixture->db, &customer, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 70; i++)
    {
      g_autofree char *number = g_strdup_printf ("M%03u", i);
      RelanceInvoiceFields invoice = {
        .customer_code = "411MANY", .number = number, .amount = 10000,
        .issue_date = relance_day_from_dmy (1, 1, 2026) + i,
        .due_date = relance_day_from_dmy (1, 2, 2026) + i,
      };

      g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &invoice, &error), >, 0);
      g_assert_no_error (error);
    }

  dialog = relance_payment_dialog_new (NULL, fixture->context, customer_id, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  relance_test_spin (50);

  /* The 60 oldest are listed; M070 is not, until its number is typed. */
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_entry_row_with_title,
                                              (gpointer)"M060, due 2026-04-02, €100.00 open"));
  g_assert_null (relance_test_find_widget (dialog, relance_test_is_entry_row_with_title,
                                           (gpointer)"M070, due 2026-04-12, €100.00 open"));
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer)"10 more open invoices are not listed above"));
  type_in (dialog, "Amount received", "150");
  find = row (dialog, "Another invoice’s number");

  /* A number that is not one of this customer's open invoices is refused. */
  gtk_editable_set_text (GTK_EDITABLE (find), "M999");
  g_signal_emit_by_name (find, "apply");
  relance_test_spin (10);
  g_assert_true (gtk_widget_has_css_class (find, "error"));
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer)"no open invoice numbered “M999”"));

  /* Typed in lower case, M070 gets its row; the proposal is changed to
   * settle 50.00 on it. */
  gtk_editable_set_text (GTK_EDITABLE (find), "m070");
  g_signal_emit_by_name (find, "apply");
  relance_test_spin (10);
  g_assert_false (gtk_widget_has_css_class (find, "error"));
  type_in (dialog, "M070, due 2026-04-12, €100.00 open", "50");
  type_in (dialog, "M002, due 2026-02-03, €100.00 open", "");
  click_and_wait_closed (dialog, "Record", RELANCE_TYPE_PAYMENT_DIALOG);

  payments = relance_desk_list_payments (fixture->db, customer_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  payment = g_ptr_array_index (payments, 0);
  g_assert_cmpint (payment->amount, ==, 15000);
  g_assert_cmpstr (payment->invoices, ==, "M001, M070");
}

static gboolean
is_button_with_tooltip (GtkWidget *widget,
                        gpointer   tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  if (relance_test_find_widget (root, relance_test_is_visible_label_containing, (gpointer)text) == NULL)
    g_error ("“%s” is not shown", text);
}

static void
assert_hides (GtkWidget  *root,
              const char *text)
{
  if (relance_test_find_widget (root, relance_test_is_visible_label_containing, (gpointer)text) != NULL)
    g_error ("“%s” is shown", text);
}

/* A payment larger than what is open leaves money on account; once an
 * invoice for it is added, the customer's page allocates it, and the page,
 * the totals and the timeline say so. Deleting the payment still offers
 * Undo, which puts it back allocated as it was. */
static void
test_desk_allocate_on_account (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) written = NULL;
  RelanceCustomerFields customer = { .code = "411PORT", .name = "Librairie du Port", .payment_terms = 30 };
  RelanceInvoiceFields f1 = {
    .customer_code = "411PORT", .number = "F1", .amount = 100000,
    .issue_date = relance_day_from_dmy (1, 9, 2026), .due_date = relance_day_from_dmy (1, 10, 2026),
  };
  const char *f2_title = "F2, due 2026-12-23, €400.00 open";
  RelancePaymentRow *payment;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *page;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  customer_id = relance_ledger_add_customer (fixture->db, &customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &f1, &error), >, 0);
  g_assert_no_error (error);
  show_window (fixture);
  window = GTK_WIDGET (fixture->window);

  window_model (fixture, "customers");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       relance_window_get_column_view (fixture->window, "customers"))), 0);
  relance_test_spin (50);
  page = relance_test_find_widget (window, is_customer_page, NULL);
  g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), ==, customer_id);

  /* 1,500.00 received: 1,000.00 settles F1, 500.00 stays on account. */
  g_assert_true (gtk_widget_activate_action (page, "customer.record-payment", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_PAYMENT_DIALOG);
  type_in (dialog, "Amount received", "1500");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "F1, due 2026-10-01, €1,000.00 open"))), ==, "1000.00");
  assert_shows (dialog, "€500.00 stays on the customer’s account");
  click_and_wait_closed (dialog, "Record", RELANCE_TYPE_PAYMENT_DIALOG);
  assert_shows (page, "€500.00 on account");
  assert_shows (page, "On account, not allocated");
  assert_shows (page, "Settles F1");

  /* The invoice it was meant for, added afterwards. */
  g_assert_true (gtk_widget_activate_action (page, "customer.new-invoice", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_INVOICE_DIALOG);
  type_in (dialog, "Number", "F2");
  type_in (dialog, "Amount, tax included", "400");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Due date"))), ==, "2026-12-23");
  click_and_wait_closed (dialog, "Add", RELANCE_TYPE_INVOICE_DIALOG);
  g_assert_nonnull (relance_test_find_widget (window, is_mapped_label_starting,
                                              (gpointer)"1 customer · balance €400.00 · overdue €0.00"));

  /* Allocate…: F2 is proposed, dated the day the money came. */
  g_signal_emit_by_name (button (page, "Allocate…"), "clicked");
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_PAYMENT_DIALOG);
  assert_shows (dialog, "Allocate a Payment");
  assert_shows (dialog, "Of the payment of €1,500.00 received on 2026-11-23, €500.00 is on the customer’s account");
  g_assert_null (relance_test_find_widget (dialog, relance_test_is_entry_row_with_title, (gpointer)"Amount received"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "Invoices paid on"))), ==, "2026-11-23");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, f2_title))), ==, "400.00");
  assert_shows (dialog, "€400.00 allocated; €100.00 stays on the customer’s account");
  g_assert_true (gtk_widget_is_sensitive (button (dialog, "Allocate")));

  /* More than F2's open balance, or a day before the money came: refused
   * as typed. */
  type_in (dialog, f2_title, "600");
  g_assert_true (gtk_widget_has_css_class (row (dialog, f2_title), "error"));
  assert_shows (dialog, "F2: only €400.00 is still open on this invoice");
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Allocate")));
  type_in (dialog, f2_title, "400");
  type_in (dialog, "Invoices paid on", "2026-11-22");
  g_assert_true (gtk_widget_has_css_class (row (dialog, "Invoices paid on"), "error"));
  assert_shows (dialog, "it cannot settle invoices before");
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Allocate")));
  type_in (dialog, "Invoices paid on", "2026-11-23");
  type_in (dialog, f2_title, "");
  assert_shows (dialog, "€0.00 allocated; €500.00 stays on the customer’s account");
  g_assert_false (gtk_widget_is_sensitive (button (dialog, "Allocate")));
  type_in (dialog, f2_title, "400");
  click_and_wait_closed (dialog, "Allocate", RELANCE_TYPE_PAYMENT_DIALOG);

  /* The page, the totals and the timeline follow. */
  assert_shows (page, "€100.00 on account");
  assert_hides (page, "€500.00 on account");
  assert_shows (page, "Settles F1, F2");
  assert_shows (page, "Invoices: F1, F2");
  assert_shows (page, "Balance, 0 open invoices");
  g_assert_nonnull (button (page, "Allocate…"));
  g_assert_nonnull (relance_test_find_widget (window, is_mapped_label_starting,
                                              (gpointer)"1 customer · balance €0.00 · overdue €0.00"));
  payments = relance_desk_list_payments (fixture->db, customer_id, 0, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  payment = g_ptr_array_index (payments, 0);
  g_assert_cmpint (payment->unallocated, ==, 10000);

  /* Deleted from the page, then Undo: allocated as before. */
  g_signal_emit_by_name (relance_test_find_widget (page, is_button_with_tooltip, (gpointer)"Delete the Payment"),
                         "clicked");
  relance_test_spin (50);
  assert_shows (page, "No payment received yet.");
  assert_shows (page, "Balance, 2 open invoices");
  relance_test_spin (300);
  g_signal_emit_by_name (button (window, "Undo"), "clicked");
  relance_test_spin (100);
  assert_shows (page, "€100.00 on account");
  assert_shows (page, "Settles F1, F2");
  assert_shows (page, "Balance, 0 open invoices");
  g_clear_pointer (&payments, g_ptr_array_unref);
  payments = relance_desk_list_payments (fixture->db, customer_id, 0, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  payment = g_ptr_array_index (payments, 0);
  written = relance_desk_list_payment_allocations (fixture->db, payment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_cmpint (((RelanceAllocation *)written->pdata[1])->amount, ==, 40000);
}

/* The dispute list narrowed to one department, with the other filters;
 * the rows and the totals bar follow. */
static void
test_desk_department_filter (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceSampleOptions options;
  RelanceListModel *disputes;
  GtkWidget *window;
  GtkWidget *department;
  GtkWidget *status;
  GtkWidget *cause;
  GListModel *items;
  const char * const expected[] = { "Any department", "Billing", "Shipping", "Sales", "Technical" };
  guint n_all;
  guint sum = 0;

  REQUIRE_DISPLAY ();

  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 20;
  options.n_invoices = 300;
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  show_window (fixture);
  window = GTK_WIDGET (fixture->window);

  disputes = window_model (fixture, "disputes");
  n_all = g_list_model_get_n_items (G_LIST_MODEL (disputes));
  g_assert_cmpuint (n_all, >, 0);

  department = relance_test_find_widget (window, is_drop_down_with_tooltip, (gpointer)"Department");
  g_assert_nonnull (department);
  items = gtk_drop_down_get_model (GTK_DROP_DOWN (department));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), i), ==, expected[i]);

  for (guint d = 1; d < G_N_ELEMENTS (expected); d++)
    {
      g_autoptr(RelanceListModel) reference = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES,
                                                                      relance_context_get_today (fixture->context));
      g_autofree char *count = NULL;
      guint n;

      gtk_drop_down_set_selected (GTK_DROP_DOWN (department), d);
      relance_test_spin (50);
      n = g_list_model_get_n_items (G_LIST_MODEL (disputes));
      relance_list_model_set_department (reference, expected[d]);
      g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (reference)));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (disputes), i);

          g_assert_cmpstr (relance_dispute_get_department (dispute), ==, expected[d]);
        }
      /* The totals bar counts the rows. */
      count = g_strdup_printf (n == 1 ? "%u dispute · disputed " : "%u disputes · disputed ", n);
      g_assert_nonnull (relance_test_find_widget (window, is_mapped_label_starting, count));
      sum += n;
    }
  g_assert_cmpuint (sum, ==, n_all);

  /* With the status: the open disputes of Shipping only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (department), 2);
  status = relance_test_find_widget (window, is_drop_down_with_tooltip, (gpointer)"Status");
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 1);   /* Open */
  relance_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (disputes)); i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (disputes), i);

      g_assert_cmpstr (relance_dispute_get_department (dispute), ==, "Shipping");
      g_assert_cmpint (relance_dispute_get_status (dispute), ==, RELANCE_DISPUTE_STATUS_OPEN);
    }

  /* Cause A is Billing's: nothing is both, and the page says the filters
   * are why. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 0);
  cause = relance_test_find_widget (window, is_drop_down_with_tooltip, (gpointer)"Cause");
  g_assert_nonnull (cause);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cause), 1);   /* A */
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 0);
  assert_shows (window, "Nothing Matches the Filters");
  g_assert_nonnull (relance_test_find_widget (window, is_mapped_label_starting, (gpointer)"0 disputes · disputed "));

  /* Any department: the disputes of cause A, all of them. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (department), 0);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cause), 0);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, n_all);
}

static gboolean
is_text_view (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_combo_row_with_title (GtkWidget *widget,
                         gpointer   title)
{
  g_autofree char *text = NULL;

  if (!ADW_IS_COMBO_ROW (widget))
    return FALSE;
  text = relance_test_without_underscores (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  return g_str_equal (text, title);
}

static gboolean
is_action_row_with_title (GtkWidget *widget,
                          gpointer   title)
{
  g_autofree char *text = NULL;

  if (!ADW_IS_ACTION_ROW (widget))
    return FALSE;
  text = relance_test_without_underscores (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  return g_str_equal (text, title);
}

/* The customer's page opens the call sheet, as its Log a Call… does. */
static RelanceCallSheet *
open_call_sheet (GtkWidget *page)
{
  GtkWidget *sheet;

  g_assert_true (gtk_widget_activate_action (page, "customer.log-call", NULL));
  g_assert_true (relance_test_wait_until ((RelanceTestCondition)relance_test_find_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_CALL_SHEET)));
  relance_test_spin (50);
  sheet = relance_test_find_toplevel (RELANCE_TYPE_CALL_SHEET);
  g_assert_nonnull (sheet);

  return RELANCE_CALL_SHEET (sheet);
}

static void
write_summary (RelanceCallSheet *sheet,
               const char       *text)
{
  GtkWidget *view = relance_test_find_widget (GTK_WIDGET (sheet), is_text_view, NULL);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  relance_test_spin (10);
}

static gboolean
can_save (RelanceCallSheet *sheet)
{
  return gtk_widget_is_sensitive (button (GTK_WIDGET (sheet), "Save"));
}

/* The calls of a customer, newest first. */
static GPtrArray *
calls_of (Fixture *fixture,
          gint64   customer_id)
{
  g_autoptr(GPtrArray) entries = relance_desk_get_timeline (fixture->db, customer_id,
                                                            relance_day_from_dmy (23, 11, 2026), 0, NULL);
  GPtrArray *calls = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    if (((RelanceTimelineEntry *)entries->pdata[i])->kind == RELANCE_TIMELINE_CALL)
      g_ptr_array_add (calls, g_ptr_array_steal_index (entries, i--));
  g_ptr_array_set_free_func (calls, (GDestroyNotify)relance_timeline_entry_free);

  return calls;
}

/* From the customer's page: a call made, which answers the customer's
 * call step of the day, then a call the customer made to us; both keep
 * who was reached, what was said, and the user of the Preferences. */
static void
test_desk_log_call (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = relance_application_new_settings ();
  RelanceWorkItem *before = NULL;
  RelanceWorkItem *after = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *script = NULL;
  RelanceCustomerFields petit = { .code = "411PETIT", .name = "Imprimerie Petit", .payment_terms = -1 };
  /* Due on 15 November: on the 23rd, the D+3 call is the step to do. */
  RelanceInvoiceFields f1 = {
    .customer_code = "411PETIT", .number = "F1", .amount = 120000,
    .issue_date = relance_day_from_dmy (1, 10, 2026), .due_date = relance_day_from_dmy (15, 11, 2026),
  };
  RelanceContactFields isabelle = { .name = "Isabelle Roux", .role = "Comptabilité", .is_collections = TRUE,
                                    .civility = RELANCE_CIVILITY_MADAME };
  RelanceContactFields paul = { .name = "Paul Martin", .civility = RELANCE_CIVILITY_MONSIEUR };
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  RelanceListModel *customers;
  RelanceCallSheet *sheet;
  RelanceTimelineEntry *call;
  GtkWidget *page;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "user-name", "Claire Morel");
  g_settings_set_string (settings, "user-title", "credit manager");

  customer_id = relance_ledger_add_customer (fixture->db, &petit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &f1, &error), >, 0);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer_id, &isabelle, &error), >, 0);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer_id, &paul, &error), >, 0);
  g_assert_no_error (error);
  before = relance_worklist_get_item (fixture->db, customer_id, today, &error);
  g_assert_nonnull (before);
  g_assert_cmpint (before->group, ==, RELANCE_WORK_CALL);
  relance_work_item_free (before);

  show_window (fixture);
  customers = window_model (fixture, "customers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 1);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       relance_window_get_column_view (fixture->window, "customers"))), 0);
  relance_test_spin (50);
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_nonnull (page);
  /* The contacts with their civility. */
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, "Ms Isabelle Roux"));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, "Mr Paul Martin"));

  /* 1. We call; Isabelle Roux, the collections contact, is proposed. */
  sheet = open_call_sheet (page);
  script = relance_call_sheet_dup_script (sheet);
  g_assert_nonnull (strstr (script, "Good morning, this is Claire Morel, credit manager."));
  g_assert_nonnull (strstr (script, "Am I speaking to Ms Isabelle Roux"));
  g_assert_false (can_save (sheet));
  relance_call_sheet_set_outcome (sheet, RELANCE_OUTCOME_REACHED);
  relance_test_spin (10);
  g_assert_true (gtk_widget_get_visible (relance_test_find_widget (GTK_WIDGET (sheet), is_combo_row_with_title,
                                                                   "Spoken to")));
  /* Spoken to with nothing said: not saved, and it says why. */
  g_assert_false (can_save (sheet));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (sheet), relance_test_is_visible_label_containing,
                                              "Write what was said"));
  write_summary (sheet, "Invoice approved, payment run on the 30th");
  g_assert_true (can_save (sheet));
  /* A promise after all: 1 200,00 € by 30 November. */
  relance_call_sheet_set_outcome (sheet, RELANCE_OUTCOME_PROMISE);
  type_in (GTK_WIDGET (sheet), "Payment date", "30/11/2026");
  type_in (GTK_WIDGET (sheet), "Amount", "1200,00");
  g_assert_true (can_save (sheet));
  click_and_wait_closed (GTK_WIDGET (sheet), "Save", RELANCE_TYPE_CALL_SHEET);

  /* The D+3 call is done: on the 23rd there is nothing left to call
   * about (the promise waits for its day). */
  after = relance_worklist_get_item (fixture->db, customer_id, today, &error);
  g_assert_no_error (error);
  g_assert_true (after == NULL || after->group != RELANCE_WORK_CALL);
  relance_work_item_free (after);
  calls = calls_of (fixture, customer_id);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->outcome, ==, "promise");
  g_assert_cmpstr (call->contact, ==, "Isabelle Roux");
  g_assert_cmpstr (call->who, ==, "Claire Morel");
  g_assert_cmpstr (call->summary, ==, "Invoice approved, payment run on the 30th");
  g_assert_false (call->incoming);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* 2. The customer calls: no "No answer" then; someone else speaks. */
  sheet = open_call_sheet (page);
  relance_call_sheet_set_incoming (sheet, TRUE);
  relance_test_spin (10);
  g_assert_false (gtk_widget_get_visible (relance_test_find_widget (GTK_WIDGET (sheet), is_action_row_with_title,
                                                                    "No answer")));
  relance_call_sheet_set_outcome (sheet, RELANCE_OUTCOME_REFUSED);
  write_summary (sheet, "Will not pay before the brochures are reprinted");
  /* The third choice after Isabelle and Paul: someone else, unnamed yet. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_test_find_widget (GTK_WIDGET (sheet), is_combo_row_with_title,
                                                                       "Spoken to")), 2);
  relance_test_spin (10);
  g_assert_false (can_save (sheet));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (sheet), relance_test_is_visible_label_containing,
                                              "Say who was reached"));
  type_in (GTK_WIDGET (sheet), "Their name", "Marc Petit");
  g_assert_true (can_save (sheet));
  click_and_wait_closed (GTK_WIDGET (sheet), "Save", RELANCE_TYPE_CALL_SHEET);

  calls = calls_of (fixture, customer_id);
  g_assert_cmpuint (calls->len, ==, 2);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->outcome, ==, "refused");
  g_assert_cmpstr (call->contact, ==, "Marc Petit");
  g_assert_cmpstr (call->summary, ==, "Will not pay before the brochures are reprinted");
  g_assert_true (call->incoming);
  g_assert_cmpstr (call->who, ==, "Claire Morel");

  /* The timeline on the page says so. */
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing,
                                              "Incoming call from Marc Petit: refuses to pay, without disputing"));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing,
                                              "Call with Isabelle Roux: promise to pay"));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing,
                                              "Promise to pay €1,200.00 by"));

  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "user-title");
}

/* A call that reached nobody, from the customer's page: the contact
 * called is kept, and the history says it was an attempt. */
static void
test_desk_no_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  RelanceCustomerFields petit = { .code = "411NOREP", .name = "Garage Noël", .payment_terms = -1 };
  RelanceContactFields sylvie = { .name = "Sylvie Blanc", .is_collections = TRUE,
                                  .civility = RELANCE_CIVILITY_MADAME };
  RelanceTimelineEntry *call;
  RelanceCallSheet *sheet;
  GtkWidget *page;
  gint64 customer_id;

  REQUIRE_DISPLAY ();

  customer_id = relance_ledger_add_customer (fixture->db, &petit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer_id, &sylvie, &error), >, 0);

  show_window (fixture);
  window_model (fixture, "customers");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       relance_window_get_column_view (fixture->window, "customers"))), 0);
  relance_test_spin (50);
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);

  /* Nothing is owed and nothing is due: the sheet opens all the same. */
  sheet = open_call_sheet (page);
  relance_call_sheet_set_outcome (sheet, RELANCE_OUTCOME_NO_ANSWER);
  relance_test_spin (10);
  g_assert_true (can_save (sheet));
  click_and_wait_closed (GTK_WIDGET (sheet), "Save", RELANCE_TYPE_CALL_SHEET);

  calls = calls_of (fixture, customer_id);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->outcome, ==, "no_answer");
  g_assert_cmpstr (call->contact, ==, "Sylvie Blanc");
  g_assert_false (relance_outcome_is_conversation (RELANCE_OUTCOME_NO_ANSWER));
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing,
                                              "No answer from Sylvie Blanc"));
  g_assert_null (relance_test_find_widget (page, relance_test_is_visible_label_containing, "Call with"));
}

/* The civility through the contact dialog and the call sheet's wrong
 * contact form, shown on the page as "Ms …" / "Mr …". */
static void
test_desk_contact_civility (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  RelanceCustomerFields customer = { .code = "411CIV", .name = "Menuiserie Roux", .payment_terms = -1 };
  RelanceContactFields camille = { .name = "Camille Roux", .is_collections = TRUE };
  RelanceCallSheet *sheet;
  GtkWidget *dialog;
  GtkWidget *page;
  gint64 customer_id, camille_id;

  REQUIRE_DISPLAY ();

  customer_id = relance_ledger_add_customer (fixture->db, &customer, &error);
  g_assert_no_error (error);
  camille_id = relance_desk_add_contact (fixture->db, customer_id, &camille, &error);
  g_assert_no_error (error);

  show_window (fixture);
  window_model (fixture, "customers");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       relance_window_get_column_view (fixture->window, "customers"))), 0);
  relance_test_spin (50);
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, "Camille Roux"));

  /* Camille is a Madame: the dialog shows no civility yet, then keeps it. */
  dialog = relance_contact_dialog_new (GTK_WINDOW (fixture->window), fixture->context, customer_id, camille_id);
  gtk_window_present (GTK_WINDOW (dialog));
  relance_test_spin (50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (relance_test_find_widget (dialog, is_combo_row_with_title,
                                                                                       "Civility"))), ==,
                    RELANCE_CIVILITY_NONE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_test_find_widget (dialog, is_combo_row_with_title, "Civility")),
                              RELANCE_CIVILITY_MADAME);
  click_and_wait_closed (dialog, "Save", RELANCE_TYPE_CONTACT_DIALOG);
  contacts = relance_desk_list_contacts (fixture->db, customer_id, &error);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->civility, ==, RELANCE_CIVILITY_MADAME);
  g_clear_pointer (&contacts, g_ptr_array_unref);
  /* Opened again, the dialog shows it. */
  dialog = relance_contact_dialog_new (GTK_WINDOW (fixture->window), fixture->context, customer_id, camille_id);
  gtk_window_present (GTK_WINDOW (dialog));
  relance_test_spin (50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (relance_test_find_widget (dialog, is_combo_row_with_title,
                                                                                       "Civility"))), ==,
                    RELANCE_CIVILITY_MADAME);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_CONTACT_DIALOG)));

  /* Wrong contact: Marc Blanc, a Monsieur, handles the payments. */
  sheet = open_call_sheet (page);
  relance_call_sheet_set_outcome (sheet, RELANCE_OUTCOME_WRONG_CONTACT);
  relance_test_spin (10);
  g_assert_false (can_save (sheet));
  adw_combo_row_set_selected (ADW_COMBO_ROW (relance_test_find_widget (GTK_WIDGET (sheet), is_combo_row_with_title,
                                                                       "Civility")), RELANCE_CIVILITY_MONSIEUR);
  type_in (GTK_WIDGET (sheet), "Name", "Marc Blanc");
  g_assert_true (can_save (sheet));
  click_and_wait_closed (GTK_WIDGET (sheet), "Save", RELANCE_TYPE_CALL_SHEET);

  contacts = relance_desk_list_contacts (fixture->db, customer_id, &error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (((RelanceContact *)contacts->pdata[0])->name, ==, "Marc Blanc");
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->civility, ==, RELANCE_CIVILITY_MONSIEUR);
  g_assert_true (((RelanceContact *)contacts->pdata[0])->is_collections);
  g_assert_nonnull (relance_test_find_widget (page, relance_test_is_visible_label_containing, "Mr Marc Blanc"));
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

  ADD ("/desk-window/afternoon", test_desk_afternoon);
  ADD ("/desk-window/delete-undo", test_desk_delete_undo);
  ADD ("/desk-window/filters", test_desk_filters);
  ADD ("/desk-window/penalties", test_desk_penalties);
  ADD ("/desk-window/payment-many", test_desk_payment_many);
  ADD ("/desk-window/allocate-on-account", test_desk_allocate_on_account);
  ADD ("/desk-window/department-filter", test_desk_department_filter);
  ADD ("/desk-window/log-call", test_desk_log_call);
  ADD ("/desk-window/no-answer", test_desk_no_answer);
  ADD ("/desk-window/contact-civility", test_desk_contact_civility);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
