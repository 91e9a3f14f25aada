/* test-today-window.c: a collector's morning in the real window: the Today
 * view's groups and counts, a call made from the call sheet that ends in a
 * promise, a step skipped, a customer postponed, an e-mail marked as sent,
 * and a customer blocked by a dispute.
 *
 * With RELANCE_TEST_SCREENSHOTS=DIR, /today-window/screenshots saves the
 * Today view of the sample company, wide (1280x800) and narrow (360x720),
 * to look at (ImageMagick's import of the display).
 *
 * Today is Monday 23 November 2026. The standard scenario (the default)
 * has D-3 e-mail, D+3 call, D+15 letter, D+25 call, D+40 formal notice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "relance-application.h"
#include "relance-call-sheet.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-format.h"
#include "relance-customer-page.h"
#include "relance-ledger.h"
#include "relance-letter.h"
#include "relance-letter-window.h"
#include "relance-sample.h"
#include "relance-today-view.h"
#include "relance-window.h"
#include "relance-work-dialog.h"
#include "relance-work-row.h"
#include "relance-worklist.h"
#include "relance-test-utils.h"

typedef struct
{
  char             *dir;
  RelanceDatabase  *db;
  RelanceContext   *context;
  RelanceWindow    *window;
  RelanceTodayView *view;
  RelanceDay        today;
  gint64            dupont_id;
  gint64            bloc_id;
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

/* Ledger */

static gint64
add_customer (Fixture    *fixture,
              const char *code,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = name, .payment_terms = -1 };
  gint64 id = relance_ledger_add_customer (fixture->db, &fields, &error);

  g_assert_no_error (error);
  return id;
}

/* An invoice due @days_overdue days before today (after it if negative). */
static void
add_invoice (Fixture    *fixture,
             const char *customer,
             const char *number,
             int         days_overdue,
             gint64      amount)
{
  g_autoptr(GError) error = NULL;
  RelanceDay due = fixture->today - days_overdue;
  RelanceInvoiceFields fields = {
    .customer_code = customer, .number = number,
    .issue_date = due - 30, .due_date = due,
    .amount = amount,
  };

  relance_ledger_add_invoice (fixture->db, &fields, &error);
  g_assert_no_error (error);
}

static void
add_contact (Fixture    *fixture,
             gint64      customer_id,
             const char *name,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  RelanceContactFields fields = { name, "Accounts payable", "03 81 00 00 00", email, TRUE };

  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer_id, &fields, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-today-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->today = relance_day_from_dmy (23, 11, 2026);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, fixture->today);

  /* A customer at D+5 with its collections contact: a call. */
  fixture->dupont_id = add_customer (fixture, "411DUPONT", "Dupont SA");
  add_contact (fixture, fixture->dupont_id, "Marie Martin", "compta@dupont.example");
  add_invoice (fixture, "411DUPONT", "F-1", 5, 123456);

  /* A customer whose only late invoice is disputed: blocked. */
  fixture->bloc_id = add_customer (fixture, "411BLOC", "Bloc SARL");
  add_invoice (fixture, "411BLOC", "F-12", 5, 50000);
  relance_ledger_open_dispute (fixture->db, "F-12", "B", 50000, fixture->today - 2, "Pallet damaged", &error);
  g_assert_no_error (error);
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
  relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The window */

static gboolean
is_today_view (GtkWidget *widget,
               gpointer   data)
{
  return RELANCE_IS_TODAY_VIEW (widget);
}

static gboolean
view_loaded (gpointer data)
{
  Fixture *fixture = data;

  return !relance_today_view_get_loading (fixture->view) &&
         !g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (
           gtk_widget_get_parent (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)))))),
                       "loading");
}

/* Waits for the worklist being computed in its thread. */
static void
wait_loaded (Fixture *fixture)
{
  relance_test_spin (20);
  g_assert_true (relance_test_wait_until (view_loaded, fixture));
  relance_test_spin (50);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));

  fixture->view = RELANCE_TODAY_VIEW (relance_test_find_widget (GTK_WIDGET (fixture->window), is_today_view, NULL));
  g_assert_nonnull (fixture->view);
  wait_loaded (fixture);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *found = relance_test_find_widget (root, relance_test_is_button_with_label, (gpointer)label);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_row (GtkWidget  *dialog,
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
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, title)), text);
  relance_test_spin (10);
}

static void
click_and_wait_closed (GtkWidget  *dialog,
                       const char *label,
                       GType       type)
{
  GtkWidget *button = find_button (dialog, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (type)));
}

static GListModel *
shown_rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (relance_today_view_get_column_view (fixture->view)));
}

static const RelanceWorkItem *
shown_item (Fixture *fixture,
            guint    position)
{
  g_autoptr(RelanceWorkRow) row = g_list_model_get_item (shown_rows (fixture), position);

  g_assert_nonnull (row);
  /* The store keeps the row alive. */
  return relance_work_row_get_item (row);
}

/* Selects the customer in the group shown and asks for @action. */
static void
act_on (Fixture    *fixture,
        const char *customer,
        const char *action)
{
  GListModel *rows = shown_rows (fixture);
  guint n = g_list_model_get_n_items (rows);
  guint i;

  for (i = 0; i < n; i++)
    if (g_str_equal (shown_item (fixture, i)->customer_name, customer))
      break;
  g_assert_cmpuint (i, <, n);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
  relance_test_spin (10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
}

static const char *
group_label (Fixture          *fixture,
             RelanceWorkGroup  group)
{
  return gtk_button_get_label (GTK_BUTTON (relance_today_view_get_group_button (fixture->view, group)));
}

static gboolean
has_call_and_promise (Fixture *fixture,
                      gint64   customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (fixture->db, customer_id, fixture->today, 50, &error);
  gboolean call = FALSE, promise = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == RELANCE_TIMELINE_CALL && g_strcmp0 (entry->outcome, "promise") == 0)
        {
          g_assert_cmpstr (entry->contact, ==, "Marie Martin");
          g_assert_cmpstr (entry->summary, ==, "Will pay on the 30th");
          call = TRUE;
        }
      if (entry->kind == RELANCE_TIMELINE_PROMISE)
        {
          g_assert_cmpint (entry->promised_date, ==, relance_day_from_dmy (30, 11, 2026));
          g_assert_cmpint (entry->amount, ==, 100000);
          promise = TRUE;
        }
    }

  return call && promise;
}

/* Whether the engine has something to do with the customer on @date. */
static gboolean
has_item (Fixture    *fixture,
          gint64      customer_id,
          RelanceDay  date)
{
  g_autoptr(GError) error = NULL;
  RelanceWorkItem *item = relance_worklist_get_item (fixture->db, customer_id, date, &error);
  gboolean found = item != NULL;

  g_assert_no_error (error);
  g_clear_pointer (&item, relance_work_item_free);
  return found;
}

static gboolean
is_text_view (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* Tests */

static void
test_today_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  const RelanceWorkItem *item;
  g_autofree char *shown = NULL;
  GtkWidget *label;

  REQUIRE_DISPLAY ();

  show_window (fixture);

  /* A ledger with customers opens on Today, All selected: every customer
   * in the order of the priority, the blocked one last. */
  g_assert_cmpstr (relance_window_get_page (fixture->window), ==, "ledger");
  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "today");
  g_assert_cmpint (relance_today_view_get_date (fixture->view), ==, fixture->today);
  g_assert_cmpint (relance_today_view_get_group (fixture->view), ==, RELANCE_TODAY_VIEW_ALL);
  g_assert_cmpstr (group_label (fixture, RELANCE_TODAY_VIEW_ALL), ==, "All 2");
  g_assert_cmpstr (group_label (fixture, RELANCE_WORK_CALL), ==, "Calls 1");
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_BLOCKED), ==, 1);
  g_assert_true (gtk_toggle_button_get_active (relance_today_view_get_group_button (fixture->view,
                                                                                      RELANCE_TODAY_VIEW_ALL)));
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (fixture)), ==, 2);
  g_assert_cmpstr (shown_item (fixture, 1)->customer_name, ==, "Bloc SARL");

  /* The calls' tab is a filter of it. */
  relance_today_view_set_group (fixture->view, RELANCE_WORK_CALL);
  relance_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (fixture)), ==, 1);
  item = shown_item (fixture, 0);
  g_assert_cmpstr (item->customer_name, ==, "Dupont SA");
  g_assert_cmpint (item->amount, ==, 123456);
  g_assert_cmpint (item->oldest_days_overdue, ==, 5);

  /* The row is drawn: the customer, the step, the due date, the days
   * late, each once. */
  g_assert_true (relance_test_wait_until ((RelanceTestCondition)gtk_widget_get_mapped,
                                          relance_today_view_get_column_view (fixture->view)));
  relance_test_spin (100);
  label = relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                    relance_test_is_visible_label_containing, (gpointer)"Dupont SA");
  g_assert_nonnull (label);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                              relance_test_is_visible_label_containing, (gpointer)"D+3 · Phone call"));
  {
    g_autofree char *due = relance_format_day (fixture->today - 5);

    g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                                relance_test_is_visible_label_containing, due));
  }
  /* The details name the scenario, not the step again. */
  g_assert_null (relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                           relance_test_is_visible_label_containing, (gpointer)"call of Standard"));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                              relance_test_is_visible_label_containing, (gpointer)"Standard scenario"));

  /* Blocked: the disputed invoice and its cause. */
  relance_today_view_set_group (fixture->view, RELANCE_WORK_BLOCKED);
  relance_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (fixture)), ==, 1);
  g_assert_cmpstr (shown_item (fixture, 0)->customer_name, ==, "Bloc SARL");
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (relance_today_view_get_column_view (fixture->view)),
                                              relance_test_is_visible_label_containing, (gpointer)"F-12 under dispute (B, "));
  /* Nothing to skip there: the disputes are settled on the customer's page. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->view), "Skip…")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "today.do", NULL));
  relance_test_spin (100);
  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "customers");

  /* Ctrl+1 comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "today"));
  relance_test_spin (50);
  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "today");
}

static void
test_today_call_promise (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *script = NULL;
  g_autofree char *total = relance_format_money (123456);
  g_autofree char *due = relance_format_day (fixture->today - 5);
  g_autofree char *since = g_strdup_printf ("due since %s", due);
  GtkWidget *sheet;
  GtkWidget *save;
  GtkWidget *date_row;
  GtkTextView *summary;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  act_on (fixture, "Dupont SA", "today.do");
  sheet = relance_test_wait_for_dialog (RELANCE_TYPE_CALL_SHEET);

  /* At a glance and the script, with the real figures. */
  g_assert_nonnull (relance_test_find_widget (sheet, relance_test_is_visible_label_containing,
                                              (gpointer)"Marie Martin"));
  g_assert_nonnull (relance_test_find_widget (sheet, relance_test_is_visible_label_containing,
                                              (gpointer)"No dispute, now or before"));
  script = relance_call_sheet_dup_script (RELANCE_CALL_SHEET (sheet));
  g_assert_nonnull (strstr (script, "Am I speaking to Marie Martin"));
  g_assert_nonnull (strstr (script, "invoice F-1, "));
  g_assert_nonnull (strstr (script, total));
  g_assert_nonnull (strstr (script, since));

  /* Nothing chosen yet: nothing to save. */
  save = find_button (sheet, "Save");
  g_assert_false (gtk_widget_is_sensitive (save));

  relance_call_sheet_set_outcome (RELANCE_CALL_SHEET (sheet), RELANCE_OUTCOME_PROMISE);
  relance_test_spin (10);
  /* A promised day in the past is refused under the field. */
  date_row = find_row (sheet, "Payment date");
  type_in (sheet, "Payment date", "01/11/2026");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (relance_test_find_widget (sheet, relance_test_is_visible_label_containing,
                                              (gpointer)"cannot be in the past"));
  /* Not an amount. */
  type_in (sheet, "Payment date", "30/11/2026");
  type_in (sheet, "Amount", "douze");
  g_assert_false (gtk_widget_is_sensitive (save));
  type_in (sheet, "Amount", "1000,00");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (save));

  summary = GTK_TEXT_VIEW (relance_test_find_widget (sheet, is_text_view,
                                                     NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary), "Will pay on the 30th", -1);

  click_and_wait_closed (sheet, "Save", RELANCE_TYPE_CALL_SHEET);
  wait_loaded (fixture);

  /* The call and the promise are in the history; nothing left to do today. */
  g_assert_true (has_call_and_promise (fixture, fixture->dupont_id));
  g_assert_false (has_item (fixture, fixture->dupont_id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 0);
  g_assert_cmpstr (group_label (fixture, RELANCE_WORK_CALL), ==, "Calls 0");
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->view), relance_test_is_visible_label_containing,
                                              (gpointer)"1 customer waiting for a promised payment"));
}

static void
test_today_skip (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  act_on (fixture, "Dupont SA", "today.skip");
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_WORK_DIALOG);

  /* The reason is required. */
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "Skip")));
  type_in (dialog, "Reason", "   ");
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "Skip")));
  type_in (dialog, "Reason", "Paid by cheque, in the post");
  click_and_wait_closed (dialog, "Skip", RELANCE_TYPE_WORK_DIALOG);
  wait_loaded (fixture);

  g_assert_false (has_item (fixture, fixture->dupont_id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 0);
}

static void
test_today_postpone (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *until;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  act_on (fixture, "Dupont SA", "today.postpone");
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_WORK_DIALOG);

  /* Only a later day. */
  until = find_row (dialog, "Until");
  type_in (dialog, "Until", "20/11/2026");
  g_assert_true (gtk_widget_has_css_class (until, "error"));
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "Postpone")));
  type_in (dialog, "Until", "not a day");
  g_assert_true (gtk_widget_has_css_class (until, "error"));
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "Postpone")));
  type_in (dialog, "Until", "2026-11-30");
  g_assert_false (gtk_widget_has_css_class (until, "error"));
  type_in (dialog, "Reason (optional)", "Their accountant is away");
  click_and_wait_closed (dialog, "Postpone", RELANCE_TYPE_WORK_DIALOG);
  wait_loaded (fixture);

  g_assert_false (has_item (fixture, fixture->dupont_id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 0);
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->view), relance_test_is_visible_label_containing,
                                              (gpointer)"1 postponed"));

  /* On the day chosen, the customer is back. */
  g_assert_true (has_item (fixture, fixture->dupont_id, relance_day_from_dmy (30, 11, 2026)));
  relance_today_view_set_date (fixture->view, relance_day_from_dmy (30, 11, 2026));
  wait_loaded (fixture);
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 1);
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (fixture->view), "Back to Today")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "today.back-to-today", NULL));
  wait_loaded (fixture);
  g_assert_cmpint (relance_today_view_get_date (fixture->view), ==, fixture->today);
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 0);
}

static void
test_today_email (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RelanceWorkRow) row = NULL;
  g_autofree char *mailto = NULL;
  g_autofree char *unescaped = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;
  guint d, m, y;
  gint64 id;
  GtkWidget *dialog;

  REQUIRE_DISPLAY ();

  /* Due in three days: the preventive e-mail. */
  id = add_customer (fixture, "411ECHO", "Écho SARL");
  add_contact (fixture, id, "Jean Petit", "jean@echo.example");
  add_invoice (fixture, "411ECHO", "F-7", -3, 98700);

  show_window (fixture);
  g_assert_cmpstr (group_label (fixture, RELANCE_WORK_EMAIL), ==, "E-mails 1");
  relance_today_view_set_group (fixture->view, RELANCE_WORK_EMAIL);
  relance_test_spin (50);

  /* The e-mail prepared lists the invoice, its due date and amount. */
  row = g_list_model_get_item (shown_rows (fixture), 0);
  /* The e-mail prepared is the preventive template in the customer's
   * language (French), with the invoice, its due date and amount. */
  mailto = relance_work_dialog_dup_mailto (fixture->context, row, fixture->today, "jean@echo.example",
                                           &warning, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (mailto, "mailto:jean@echo.example?subject="));
  unescaped = g_uri_unescape_string (mailto, NULL);
  relance_day_to_dmy (fixture->today + 3, &d, &m, &y);
  expected = g_strdup_printf ("- F-7, échéance %02u/%02u/%u\u00a0: 987,00\u00a0€", d, m, y);
  g_assert_nonnull (strstr (unescaped, "Bonjour Jean Petit,"));
  g_assert_nonnull (strstr (unescaped, expected));
  g_assert_null (strstr (unescaped, "{{"));
  /* This ledger has no company identity: the e-mail says what it lacks. */
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "IBAN"));

  act_on (fixture, "Écho SARL", "today.do");
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_WORK_DIALOG);
  g_assert_nonnull (find_button (dialog, "Write the E-mail…"));
  click_and_wait_closed (dialog, "Mark as Sent", RELANCE_TYPE_WORK_DIALOG);
  wait_loaded (fixture);

  g_assert_false (has_item (fixture, id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_EMAIL), ==, 0);
  /* Calls stay as they were. */
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 1);
}

/* The right person is someone else: the collections contact is corrected,
 * the call recorded, and the step is still to do (nobody promised). */
static void
test_today_wrong_contact (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  RelanceContact *contact;
  GtkWidget *sheet;
  GtkWidget *save;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  act_on (fixture, "Dupont SA", "today.do");
  sheet = relance_test_wait_for_dialog (RELANCE_TYPE_CALL_SHEET);
  save = find_button (sheet, "Save");

  relance_call_sheet_set_outcome (RELANCE_CALL_SHEET (sheet), RELANCE_OUTCOME_WRONG_CONTACT);
  relance_test_spin (10);
  /* A name is needed, and an e-mail address must look like one. */
  g_assert_false (gtk_widget_is_sensitive (save));
  type_in (sheet, "Name", "Paul Durand");
  g_assert_true (gtk_widget_is_sensitive (save));
  type_in (sheet, "E-mail", "paul.dupont.example");
  g_assert_true (gtk_widget_has_css_class (find_row (sheet, "E-mail"), "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  type_in (sheet, "E-mail", "paul@dupont.example");
  type_in (sheet, "Phone", "03 81 11 22 33");
  click_and_wait_closed (sheet, "Save", RELANCE_TYPE_CALL_SHEET);
  wait_loaded (fixture);

  contacts = relance_desk_list_contacts (fixture->db, fixture->dupont_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_true (contact->is_collections);
  g_assert_cmpstr (contact->name, ==, "Paul Durand");
  g_assert_cmpstr (contact->email, ==, "paul@dupont.example");
  g_assert_cmpstr (contact->phone, ==, "03 81 11 22 33");

  g_assert_true (has_item (fixture, fixture->dupont_id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 1);
}

/* A dispute found on the phone: opened on the invoice for what is open,
 * and the customer leaves today's calls. */
static void
test_today_dispute_found (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDisputeRow *dispute;
  RelanceWorkItem *later;
  GtkWidget *sheet;

  REQUIRE_DISPLAY ();

  show_window (fixture);
  act_on (fixture, "Dupont SA", "today.do");
  sheet = relance_test_wait_for_dialog (RELANCE_TYPE_CALL_SHEET);

  relance_call_sheet_set_outcome (RELANCE_CALL_SHEET (sheet), RELANCE_OUTCOME_DISPUTE);
  relance_test_spin (10);
  /* More than the invoice's open balance is refused. */
  type_in (sheet, "Amount disputed (empty: all that is open)", "2000");
  g_assert_false (gtk_widget_is_sensitive (find_button (sheet, "Save")));
  type_in (sheet, "Amount disputed (empty: all that is open)", "");
  type_in (sheet, "What the customer says", "Two boxes missing");
  click_and_wait_closed (sheet, "Save", RELANCE_TYPE_CALL_SHEET);
  wait_loaded (fixture);

  disputes = relance_desk_list_disputes (fixture->db, fixture->dupont_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 1);
  dispute = g_ptr_array_index (disputes, 0);
  g_assert_cmpstr (dispute->invoice_number, ==, "F-1");
  g_assert_cmpstr (dispute->status, ==, "open");
  g_assert_cmpint (dispute->amount, ==, 123456);

  /* The call settled today's step; the next ones wait for the dispute. */
  g_assert_false (has_item (fixture, fixture->dupont_id, fixture->today));
  g_assert_cmpuint (relance_today_view_get_count (fixture->view, RELANCE_WORK_CALL), ==, 0);
  later = relance_worklist_get_item (fixture->db, fixture->dupont_id, fixture->today + 15, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_cmpint (later->group, ==, RELANCE_WORK_BLOCKED);
  g_clear_pointer (&later, relance_work_item_free);
}

static gboolean
is_customer_page (GtkWidget *widget,
                  gpointer   data)
{
  return RELANCE_IS_CUSTOMER_PAGE (widget);
}

/* "Send a Formal Notice Now" on a customer never called about an invoice
 * (the sample company's first D+3 call): the dialog says no call was
 * made; confirmed, the letter window opens on the formal notice. */
static void
test_today_formal_notice_now (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;
  GtkWidget *page, *dialog, *letter_window;
  RelanceLetter *letter;
  gint64 customer_id = 0;

  REQUIRE_DISPLAY ();

  path = g_build_filename (fixture->dir, "sample.db", NULL);
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  relance_sample_options_init (&options, fixture->today);
  g_assert_true (relance_sample_generate (db, &options, &error));
  context = relance_context_new (db);
  relance_context_set_today (context, fixture->today);
  items = relance_worklist_compute (db, fixture->today, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len && customer_id == 0; i++)
    {
      const RelanceWorkItem *item = g_ptr_array_index (items, i);

      if (item->reason == RELANCE_WORK_REASON_STEP && item->channel == RELANCE_CHANNEL_PHONE &&
          item->substitute == RELANCE_WORK_SUBSTITUTE_NONE && item->step_offset <= 7)
        customer_id = item->customer_id;
    }
  g_assert_cmpint (customer_id, >, 0);

  fixture->window = RELANCE_WINDOW (relance_window_new (app, context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_nonnull (page);
  relance_customer_page_set_customer (RELANCE_CUSTOMER_PAGE (page), customer_id);
  relance_test_spin (50);

  g_assert_true (gtk_widget_activate_action (page, "customer.formal-notice-now", NULL));
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "No call was made"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "write");
  letter_window = relance_test_wait_for_dialog (RELANCE_TYPE_LETTER_WINDOW);
  letter = relance_letter_window_get_letter (RELANCE_LETTER_WINDOW (letter_window));
  g_assert_nonnull (letter);
  g_assert_cmpint (relance_letter_get_template (letter)->kind, ==, RELANCE_TEMPLATE_FORMAL_NOTICE);
  gtk_window_destroy (GTK_WINDOW (letter_window));
  relance_test_spin (50);
}

/* The sample company's Today, to look at: not a test of its own. */
static void
test_today_screenshots (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "today-wide.png", 1280, 800 },
    { "today-narrow.png", 360, 720 },
  };
  const char *dir = g_getenv ("RELANCE_TEST_SCREENSHOTS");
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  REQUIRE_DISPLAY ();
  if (dir == NULL)
    {
      g_test_skip ("Set RELANCE_TEST_SCREENSHOTS=DIR to save screenshots");
      return;
    }

  path = g_build_filename (fixture->dir, "sample.db", NULL);
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  relance_sample_options_init (&options, fixture->today);
  g_assert_true (relance_sample_generate (db, &options, &error));
  g_assert_no_error (error);
  context = relance_context_new (db);
  relance_context_set_today (context, fixture->today);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *file = g_build_filename (dir, sizes[i].name, NULL);
      g_autofree char *command = g_strdup_printf ("import -window root -crop %dx%d+0+0 %s",
                                                  sizes[i].width, sizes[i].height, file);

      fixture->window = RELANCE_WINDOW (relance_window_new (app, context));
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), sizes[i].width, sizes[i].height);
      gtk_window_present (GTK_WINDOW (fixture->window));
      g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
      fixture->view = RELANCE_TODAY_VIEW (relance_test_find_widget (GTK_WIDGET (fixture->window),
                                                                    is_today_view, NULL));
      wait_loaded (fixture);
      relance_test_spin (1500);
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      relance_test_spin (50);
    }
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

  ADD ("/today-window/groups", test_today_groups);
  ADD ("/today-window/call-promise", test_today_call_promise);
  ADD ("/today-window/skip", test_today_skip);
  ADD ("/today-window/postpone", test_today_postpone);
  ADD ("/today-window/email", test_today_email);
  ADD ("/today-window/wrong-contact", test_today_wrong_contact);
  ADD ("/today-window/dispute-found", test_today_dispute_found);
  ADD ("/today-window/formal-notice-now", test_today_formal_notice_now);
  ADD ("/today-window/screenshots", test_today_screenshots);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
