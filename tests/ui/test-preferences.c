/* test-preferences.c: the Preferences in the real window: a dispute cause
 * renamed shows in the Disputes list, bad input is refused as it is typed,
 * a used cause stays, and a New Customer gets the default terms. On the
 * Collections page: a scenario step changed through its dialog, a rate
 * added to the ECB table, the collection settings saved as they change,
 * and a target group added, given a scenario and removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "relance-application.h"
#include "relance-causes.h"
#include "relance-collections-page.h"
#include "relance-company.h"
#include "relance-context.h"
#include "relance-customer-dialog.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-dispute.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-penalties.h"
#include "relance-preferences-window.h"
#include "relance-scenarios.h"
#include "relance-window.h"
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
is_expander_starting_with (GtkWidget *widget,
                           gpointer   prefix)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_button_for_action (GtkWidget *widget,
                      gpointer   action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_spin_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_row_starting_with (GtkWidget *widget,
                      gpointer   prefix)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
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
is_any_button (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_BUTTON (widget);
}

static gboolean
is_group_with_title (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static GtkWidget *
find (GtkWidget   *root,
      RelanceTestMatch  match,
      const char  *data)
{
  GtkWidget *found = relance_test_find_widget (root, match, (gpointer)data);

  g_assert_nonnull (found);
  return found;
}

static void
type_in (GtkWidget  *root,
         const char *title,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, relance_test_is_entry_row_with_title, title)), text);
  relance_test_spin (10);
}

static RelanceDisputeCause *
cause_at (Fixture *fixture,
          guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = relance_causes_list (fixture->db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, causes->len);
  return g_ptr_array_steal_index (causes, index);
}

static void
assert_cause (Fixture    *fixture,
              guint       index,
              const char *code,
              const char *label)
{
  RelanceDisputeCause *cause = cause_at (fixture, index);

  g_assert_cmpstr (cause->code, ==, code);
  g_assert_cmpstr (cause->label, ==, label);
  relance_dispute_cause_free (cause);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-preferences-XXXXXX", &error);
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

/* One customer, one invoice, one dispute of cause B. */
static void
add_dispute (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields customer = { .code = "411A", .name = "Acme", .payment_terms = -1 };
  RelanceInvoiceFields invoice = {
    .customer_code = "411A", .number = "F1",
    .issue_date = relance_day_from_dmy (1, 9, 2026), .due_date = relance_day_from_dmy (1, 10, 2026),
    .amount = 10000,
  };
  RelanceDisputeCause *b = cause_at (fixture, 1);
  gint64 invoice_id;

  relance_ledger_add_customer (fixture->db, &customer, &error);
  g_assert_no_error (error);
  invoice_id = relance_ledger_add_invoice (fixture->db, &invoice, &error);
  g_assert_no_error (error);
  relance_desk_open_dispute (fixture->db, invoice_id, b->id, 5000,
                             relance_day_from_dmy (5, 10, 2026), "Broken pallet", &error);
  g_assert_no_error (error);
  relance_dispute_cause_free (b);
}

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

static void
test_preferences_causes (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *prefs;
  GtkWidget *b_row;
  RelanceListModel *disputes;
  g_autoptr(RelanceDispute) dispute = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  g_autofree char *c_label = NULL;

  REQUIRE_DISPLAY ();

  add_dispute (fixture);
  show_window (fixture);

  disputes = window_model (fixture, "disputes");
  dispute = g_list_model_get_item (G_LIST_MODEL (disputes), 0);
  g_assert_cmpstr (relance_dispute_get_cause_label (dispute), ==, "Waiting for goods to be taken back");
  g_clear_object (&dispute);

  /* From the menu's action, over the window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (fixture->window));
  b_row = find (prefs, is_expander_starting_with, "B — ");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (b_row), TRUE);
  relance_test_spin (50);

  /* Refused as typed: red row, a message, nothing saved. */
  type_in (b_row, "Code (up to three characters)", "a");
  g_assert_true (gtk_widget_has_css_class (find (b_row, relance_test_is_entry_row_with_title, "Code (up to three characters)"), "error"));
  g_assert_nonnull (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"already has the code"));
  assert_cause (fixture, 1, "B", "Waiting for goods to be taken back");

  type_in (b_row, "Code (up to three characters)", "BBBB");
  g_assert_true (gtk_widget_has_css_class (find (b_row, relance_test_is_entry_row_with_title, "Code (up to three characters)"), "error"));
  g_assert_nonnull (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"too long"));
  type_in (b_row, "Code (up to three characters)", "");
  g_assert_nonnull (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"code is empty"));
  assert_cause (fixture, 1, "B", "Waiting for goods to be taken back");

  type_in (b_row, "Code (up to three characters)", "B");
  g_assert_false (gtk_widget_has_css_class (find (b_row, relance_test_is_entry_row_with_title, "Code (up to three characters)"), "error"));
  type_in (b_row, "Label", "   ");
  g_assert_true (gtk_widget_has_css_class (find (b_row, relance_test_is_entry_row_with_title, "Label"), "error"));
  g_assert_nonnull (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"label is empty"));
  assert_cause (fixture, 1, "B", "Waiting for goods to be taken back");

  /* Saved at once. */
  type_in (b_row, "Label", "Goods to collect");
  g_assert_false (gtk_widget_has_css_class (find (b_row, relance_test_is_entry_row_with_title, "Label"), "error"));
  g_assert_null (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"label is empty"));
  assert_cause (fixture, 1, "B", "Goods to collect");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (b_row)), ==, "B — Goods to collect");

  /* Used by the dispute: it stays, and the user is told why. */
  g_assert_false (gtk_widget_is_sensitive (find (b_row, relance_test_is_button_with_label, "Remove")));
  g_assert_nonnull (relance_test_find_widget (b_row, relance_test_is_visible_label_containing, (gpointer)"Used by 1 dispute: it cannot be removed"));
  causes = relance_causes_list (fixture->db, NULL);
  g_assert_cmpuint (causes->len, ==, 4);
  g_clear_pointer (&causes, g_ptr_array_unref);

  /* Unused C goes; D moves up into its place. Undo puts C back where it
   * was, and it goes again. */
  causes = relance_causes_list (fixture->db, NULL);
  c_label = g_strdup (((RelanceDisputeCause *)g_ptr_array_index (causes, 2))->label);
  g_clear_pointer (&causes, g_ptr_array_unref);
  for (guint round = 0; round < 2; round++)
    {
      g_signal_emit_by_name (find (find (prefs, is_expander_starting_with, "C — "), relance_test_is_button_with_label, "Remove"), "clicked");
      relance_test_spin (50);
      causes = relance_causes_list (fixture->db, NULL);
      g_assert_cmpuint (causes->len, ==, 3);
      g_clear_pointer (&causes, g_ptr_array_unref);
      assert_cause (fixture, 2, "D", "Waiting for a repair visit");
      g_assert_null (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"C — "));

      if (round == 0)
        {
          g_signal_emit_by_name (find (prefs, relance_test_is_button_with_label, "Undo"), "clicked");
          relance_test_spin (50);
          assert_cause (fixture, 2, "C", c_label);
          assert_cause (fixture, 3, "D", "Waiting for a repair visit");
          g_assert_nonnull (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"C — "));
        }
    }

  /* Added after the others, with the first free letter, C again, and a
   * label to change. */
  g_assert_true (gtk_widget_is_sensitive (find (prefs, is_button_for_action, "preferences.add-cause")));
  g_signal_emit_by_name (find (prefs, is_button_for_action, "preferences.add-cause"), "clicked");
  relance_test_spin (50);
  assert_cause (fixture, 3, "C", "New cause");
  g_assert_nonnull (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"C — New cause"));

  /* Closing shows the new words in the window's lists. */
  gtk_window_close (GTK_WINDOW (prefs));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_PREFERENCES_WINDOW)));
  relance_test_spin (50);

  disputes = window_model (fixture, "disputes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 1);
  dispute = g_list_model_get_item (G_LIST_MODEL (disputes), 0);
  g_assert_cmpstr (relance_dispute_get_cause_label (dispute), ==, "Goods to collect");
}

static void
test_preferences_terms (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *prefs;
  GtkWidget *dialog;
  GtkWidget *group;
  GtkSpinButton *spin_button;

  REQUIRE_DISPLAY ();

  settings = relance_application_new_settings ();
  g_assert_nonnull (settings);
  show_window (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  group = find (prefs, is_group_with_title, "New Customers");
  spin_button = GTK_SPIN_BUTTON (find (group, is_spin_button, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, 30);
  g_assert_null (relance_test_find_widget (group, relance_test_is_visible_label_containing, (gpointer)"Longer than the law allows"));

  /* Above the legal cap: said, but kept. */
  gtk_spin_button_set_value (spin_button, 75);
  relance_test_spin (20);
  g_assert_nonnull (relance_test_find_widget (group, relance_test_is_visible_label_containing, (gpointer)"Longer than the law allows"));
  g_assert_cmpint (g_settings_get_int (settings, "default-payment-terms"), ==, 75);

  gtk_spin_button_set_value (spin_button, 45);
  relance_test_spin (20);
  g_assert_null (relance_test_find_widget (group, relance_test_is_visible_label_containing, (gpointer)"Longer than the law allows"));
  g_assert_cmpint (g_settings_get_int (settings, "default-payment-terms"), ==, 45);

  /* Backups kept, within their range. */
  group = find (prefs, is_group_with_title, "Backups");
  spin_button = GTK_SPIN_BUTTON (find (group, is_spin_button, NULL));
  gtk_spin_button_set_value (spin_button, 12);
  relance_test_spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "backups-kept"), ==, 12);

  gtk_window_close (GTK_WINDOW (prefs));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_PREFERENCES_WINDOW)));

  /* The New Customer dialog proposes the 45 days. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-customer", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_CUSTOMER_DIALOG);
  spin_button = GTK_SPIN_BUTTON (find (dialog, is_spin_button, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, 45);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_CUSTOMER_DIALOG)));

  g_settings_reset (settings, "default-payment-terms");
  g_settings_reset (settings, "backups-kept");
}

static void
test_preferences_no_ledger (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *prefs;
  GtkWidget *group;

  REQUIRE_DISPLAY ();

  prefs = relance_preferences_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, prefs));

  group = find (prefs, is_group_with_title, "Dispute Causes");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "No ledger is open"));
  g_assert_null (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"A — "));
  g_assert_false (gtk_widget_is_sensitive (find (prefs, is_button_for_action, "preferences.add-cause")));

  /* The Collections page says why it is empty. */
  g_assert_true (gtk_widget_is_visible (find (prefs, is_group_with_title, "No Ledger Is Open")));
  g_assert_false (gtk_widget_is_visible (find (prefs, is_group_with_title, "Scenarios")));
  g_assert_null (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"Standard"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  relance_test_spin (20);
}

/* The preferences of the fixture's ledger, on the Collections page. */
static GtkWidget *
open_collections (Fixture *fixture)
{
  GtkWidget *prefs = relance_preferences_window_new (NULL, fixture->context);

  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "collections");
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, prefs));
  relance_test_spin (50);

  return prefs;
}

static void
close_collections (GtkWidget *prefs)
{
  gtk_window_destroy (GTK_WINDOW (prefs));
  relance_test_spin (50);
}

static RelanceScenario *
scenario_with_key (Fixture    *fixture,
                   const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = relance_scenarios_list (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    if (g_strcmp0 (((RelanceScenario *)g_ptr_array_index (scenarios, i))->key, key) == 0)
      return g_ptr_array_steal_index (scenarios, i);

  g_assert_not_reached ();
}

/* The offsets of a scenario's steps, as "-3,3,15,25,40". */
static char *
step_offsets (Fixture    *fixture,
              const char *key)
{
  g_autoptr(RelanceScenario) scenario = scenario_with_key (fixture, key);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < scenario->steps->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? "," : "",
                            ((RelanceScenarioStep *)g_ptr_array_index (scenario->steps, i))->offset_days);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_collections_step (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *prefs;
  GtkWidget *standard;
  GtkWidget *dialog;
  GtkWidget *message;
  GtkSpinButton *day;
  GtkSpinButton *gap;
  AdwComboRow *channel;
  AdwComboRow *kind;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RelanceScenario) scenario = NULL;
  const RelanceScenarioStep *step;

  REQUIRE_DISPLAY ();

  prefs = open_collections (fixture);
  standard = find (prefs, is_expander_starting_with, "Standard");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (standard)), ==, "5 steps · the default scenario");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (standard), TRUE);
  relance_test_spin (50);

  /* The D+15 letter, opened from its row. */
  g_signal_emit_by_name (find (find (standard, is_row_starting_with, "D+15 · Letter · Reminder after a call"),
                               is_any_button, NULL), "clicked");
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  day = GTK_SPIN_BUTTON (find (dialog, is_spin_button, NULL));
  channel = ADW_COMBO_ROW (find (dialog, is_combo_row_with_title, "Channel"));
  kind = ADW_COMBO_ROW (find (dialog, is_combo_row_with_title, "Message"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (day), ==, 15);
  g_assert_cmpuint (adw_combo_row_get_selected (channel), ==, RELANCE_CHANNEL_LETTER);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, RELANCE_TEMPLATE_AFTER_CALL);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* The day of another step: said at once, and Save waits. */
  gtk_spin_button_set_value (day, 25);
  relance_test_spin (20);
  message = find (dialog, relance_test_is_visible_label_containing, "This scenario already has a step at D+25");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* A phone step is a call: the message follows the channel. */
  adw_combo_row_set_selected (channel, RELANCE_CHANNEL_PHONE);
  relance_test_spin (20);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, RELANCE_TEMPLATE_CALL);
  adw_combo_row_set_selected (channel, RELANCE_CHANNEL_EMAIL);
  relance_test_spin (20);
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer)"A reminder call is made by phone"));
  adw_combo_row_set_selected (kind, RELANCE_TEMPLATE_SECOND_REMINDER);

  gtk_spin_button_set_value (day, 18);
  relance_test_spin (20);
  g_assert_false (gtk_widget_is_visible (message));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* Its fewest days after the previous step: 12 (15 - 3), said in
   * words; 20 from now on. */
  gap = GTK_SPIN_BUTTON (find (find (dialog, is_row_starting_with, "_Fewest Days After the Previous Step"),
                               is_spin_button, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (gap), ==, 12);
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer)"At least 12 days after the previous step"));
  gtk_spin_button_set_value (gap, 20);
  relance_test_spin (20);
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer)"At least 20 days after the previous step"));

  before = step_offsets (fixture, "standard");
  g_assert_cmpstr (before, ==, "-3,3,15,25,40");
  g_signal_emit_by_name (find (dialog, relance_test_is_button_with_label, "Save"), "clicked");
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));

  /* Saved, and shown in its new place. */
  after = step_offsets (fixture, "standard");
  g_assert_cmpstr (after, ==, "-3,3,18,25,40");
  scenario = scenario_with_key (fixture, "standard");
  step = g_ptr_array_index (scenario->steps, 2);
  g_assert_cmpint (step->channel, ==, RELANCE_CHANNEL_EMAIL);
  g_assert_cmpint (step->template_kind, ==, RELANCE_TEMPLATE_SECOND_REMINDER);
  g_assert_cmpint (step->min_gap_days, ==, 20);
  standard = find (prefs, is_expander_starting_with, "Standard");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (standard)));
  g_assert_nonnull (relance_test_find_widget (standard, is_row_starting_with, (gpointer)"D+18 · E-mail · Second reminder"));
  g_assert_null (relance_test_find_widget (standard, is_row_starting_with, (gpointer)"D+15"));
  g_assert_nonnull (relance_test_find_widget (standard, relance_test_is_visible_label_containing,
                                              (gpointer)"at least 20 days after the previous step"));

  close_collections (prefs);
}

static void
test_collections_rate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs;
  GtkWidget *ecb;
  GtkWidget *label;
  const RelanceRate *last;
  guint n_rates;

  REQUIRE_DISPLAY ();

  rates = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_no_error (error);
  n_rates = rates->len;
  g_clear_pointer (&rates, g_ptr_array_unref);

  prefs = open_collections (fixture);
  ecb = find (prefs, is_expander_starting_with, "ECB Rate");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (ecb)), "2.15"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ecb), TRUE);
  relance_test_spin (50);

  /* Refused with its reason; nothing added. */
  type_in (ecb, "New Rate In Force From (Date)", "01/01/2027");
  type_in (ecb, "New Rate (%)", "2,4,0");
  g_signal_emit_by_name (find (ecb, relance_test_is_button_with_label, "Add Rate"), "clicked");
  relance_test_spin (20);
  label = find (ecb, relance_test_is_visible_label_containing, "is not a percentage");
  g_assert_true (gtk_widget_has_css_class (find (ecb, relance_test_is_entry_row_with_title, "New Rate (%)"), "error"));
  rates = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (rates->len, ==, n_rates);
  g_clear_pointer (&rates, g_ptr_array_unref);

  /* A French decimal comma. */
  type_in (ecb, "New Rate (%)", "2,40 %");
  g_signal_emit_by_name (find (ecb, relance_test_is_button_with_label, "Add Rate"), "clicked");
  relance_test_spin (20);
  g_assert_false (gtk_widget_is_visible (label));
  rates = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, n_rates + 1);
  last = g_ptr_array_index (rates, rates->len - 1);
  g_assert_cmpint (last->valid_from, ==, relance_day_from_dmy (1, 1, 2027));
  g_assert_cmpint (last->rate, ==, 240);

  /* Newest first, right under the form. */
  g_assert_nonnull (relance_test_find_widget (ecb, is_row_starting_with, (gpointer)"From 2027-01-01 · 2.40"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (ecb, relance_test_is_entry_row_with_title, "New Rate (%)"))), ==, "");

  close_collections (prefs);
}

static void
test_collections_settings (Fixture       *fixture,
                           gconstpointer  data)
{
  RelanceCollectionSettings settings;
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs;
  GtkWidget *group;
  GtkSpinButton *grace;

  REQUIRE_DISPLAY ();

  prefs = open_collections (fixture);

  group = find (prefs, is_group_with_title, "Promises");
  grace = GTK_SPIN_BUTTON (find (group, is_spin_button, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (grace), ==, 3);
  gtk_spin_button_set_value (grace, 5);
  relance_test_spin (20);

  /* Points typed with a decimal comma. */
  group = find (prefs, is_row_starting_with, "Points Above the ECB Rate, Other EU Customers");
  gtk_editable_set_text (GTK_EDITABLE (find (group, is_spin_button, NULL)), "9,5");
  gtk_spin_button_update (GTK_SPIN_BUTTON (find (group, is_spin_button, NULL)));
  relance_test_spin (20);

  group = find (prefs, is_row_starting_with, "Recovery Indemnity");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (group, is_spin_button, NULL)), 45);
  relance_test_spin (20);

  g_assert_true (relance_collection_settings_get (fixture->db, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.promise_grace_days, ==, 5);
  g_assert_cmpint (settings.eu_interest_margin, ==, 950);
  g_assert_cmpint (settings.indemnity, ==, 4500);
  g_assert_cmpint (settings.interest_margin, ==, 1000);

  close_collections (prefs);

  /* Shown again as saved. */
  prefs = open_collections (fixture);
  group = find (prefs, is_group_with_title, "Promises");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (group, is_spin_button, NULL))), ==, 5);
  close_collections (prefs);
}

static void
test_collections_segments (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(RelanceScenario) firm = scenario_with_key (fixture, "firm");
  g_autoptr(GError) error = NULL;
  RelanceSegment *segment;
  GtkWidget *prefs;
  GtkWidget *row;

  REQUIRE_DISPLAY ();

  prefs = open_collections (fixture);

  /* Added with a name to change, the standard tone and the default scenario. */
  g_signal_emit_by_name (find (prefs, is_button_for_action, "collections.add-segment"), "clicked");
  relance_test_spin (50);
  row = find (prefs, is_expander_starting_with, "New target group");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "0 customers · tone: Standard · scenario: Standard");

  /* Renamed as typed; a clash is refused under the field. */
  type_in (row, "Name", "Public sector");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Public sector");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (row, is_combo_row_with_title, "Tone of the Letters")), RELANCE_TONE_FIRM);
  relance_test_spin (20);

  segments = relance_segments_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->name, ==, "Public sector");
  g_assert_cmpint (segment->tone, ==, RELANCE_TONE_FIRM);
  g_assert_cmpint (segment->scenario_id, ==, 0);
  g_clear_pointer (&segments, g_ptr_array_unref);

  /* Given the firm scenario: the scenario says it is used, and stays. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (row, is_combo_row_with_title, "Scenario")), 3);
  relance_test_spin (20);
  segments = relance_segments_list (fixture->db, &error);
  g_assert_cmpint (((RelanceSegment *)g_ptr_array_index (segments, 0))->scenario_id, ==, firm->id);
  g_clear_pointer (&segments, g_ptr_array_unref);
  row = find (prefs, is_expander_starting_with, "Firm");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "4 steps · used by 1 target group");
  g_assert_false (gtk_widget_is_sensitive (find (row, relance_test_is_button_with_label, "Remove")));

  /* Without customers it goes at once, and Undo brings it back. */
  row = find (prefs, is_expander_starting_with, "Public sector");
  g_signal_emit_by_name (find (row, relance_test_is_button_with_label, "Remove"), "clicked");
  relance_test_spin (50);
  segments = relance_segments_list (fixture->db, &error);
  g_assert_cmpuint (segments->len, ==, 0);
  g_clear_pointer (&segments, g_ptr_array_unref);
  g_assert_null (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"Public sector"));
  row = find (prefs, is_expander_starting_with, "Firm");
  g_assert_true (gtk_widget_is_sensitive (find (row, relance_test_is_button_with_label, "Remove")));

  close_collections (prefs);
}

static gint64
default_scenario_id (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = relance_scenarios_list (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    if (((RelanceScenario *)g_ptr_array_index (scenarios, i))->is_default)
      return ((RelanceScenario *)g_ptr_array_index (scenarios, i))->id;

  g_assert_not_reached ();
}

/* Clicks @label in the message dialog on screen, and waits for it to go. */
static void
answer_dialog (const char *label)
{
  GtkWidget *dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);

  g_signal_emit_by_name (find (dialog, relance_test_is_button_with_label, label), "clicked");
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  relance_test_spin (20);
}

static void
test_collections_scenarios (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceScenario) standard = scenario_with_key (fixture, "standard");
  g_autoptr(RelanceScenario) copy = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autofree char *offsets = NULL;
  GtkWidget *prefs;
  GtkWidget *row;
  gint64 copy_id;

  REQUIRE_DISPLAY ();

  prefs = open_collections (fixture);

  /* A copy of the default scenario, open to be renamed. */
  g_signal_emit_by_name (find (prefs, is_button_for_action, "collections.add-scenario"), "clicked");
  relance_test_spin (50);
  row = find (prefs, is_expander_starting_with, "Copy of Standard");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  type_in (row, "Name", "Standard");
  g_assert_nonnull (relance_test_find_widget (row, relance_test_is_visible_label_containing,
                                              (gpointer)"Another scenario is already called “Standard”"));
  type_in (row, "Name", "Public sector");
  g_assert_null (relance_test_find_widget (row, relance_test_is_visible_label_containing, (gpointer)"Another scenario"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Public sector");

  scenarios = relance_scenarios_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 4);
  copy = g_ptr_array_steal_index (scenarios, 3);
  copy_id = copy->id;
  g_assert_cmpstr (copy->name, ==, "Public sector");
  g_assert_cmpuint (copy->steps->len, ==, standard->steps->len);

  /* A step added from its dialog, a week after the last one. */
  g_signal_emit_by_name (find (row, relance_test_is_button_with_label, "Add Step"), "clicked");
  answer_dialog ("Add");
  g_clear_pointer (&copy, relance_scenario_free);
  copy = relance_scenarios_get (fixture->db, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copy->steps->len, ==, 6);
  g_assert_cmpint (((RelanceScenarioStep *)g_ptr_array_index (copy->steps, 5))->offset_days, ==, 47);

  /* And one removed from its own. */
  row = find (prefs, is_expander_starting_with, "Public sector");
  g_signal_emit_by_name (find (find (row, is_row_starting_with, "D-3 · "), is_any_button, NULL), "clicked");
  answer_dialog ("Remove");
  g_clear_pointer (&copy, relance_scenario_free);
  copy = relance_scenarios_get (fixture->db, copy_id, &error);
  g_assert_cmpuint (copy->steps->len, ==, 5);
  g_assert_cmpint (((RelanceScenarioStep *)g_ptr_array_index (copy->steps, 0))->offset_days, ==, 3);

  /* Made the default: the standard one can go now, once confirmed. */
  row = find (prefs, is_expander_starting_with, "Public sector");
  g_signal_emit_by_name (find (row, relance_test_is_button_with_label, "Make Default"), "clicked");
  relance_test_spin (50);
  g_assert_cmpint (default_scenario_id (fixture), ==, copy_id);
  row = find (prefs, is_expander_starting_with, "Public sector");
  g_assert_false (gtk_widget_is_sensitive (find (row, relance_test_is_button_with_label, "Make Default")));
  g_assert_false (gtk_widget_is_sensitive (find (row, relance_test_is_button_with_label, "Remove")));

  row = find (prefs, is_expander_starting_with, "Standard");
  g_signal_emit_by_name (find (row, relance_test_is_button_with_label, "Remove"), "clicked");
  answer_dialog ("Cancel");
  g_clear_pointer (&scenarios, g_ptr_array_unref);
  scenarios = relance_scenarios_list (fixture->db, &error);
  g_assert_cmpuint (scenarios->len, ==, 4);

  row = find (prefs, is_expander_starting_with, "Standard");
  g_signal_emit_by_name (find (row, relance_test_is_button_with_label, "Remove"), "clicked");
  answer_dialog ("Remove");
  g_clear_pointer (&scenarios, g_ptr_array_unref);
  scenarios = relance_scenarios_list (fixture->db, &error);
  g_assert_cmpuint (scenarios->len, ==, 3);
  g_assert_null (relance_test_find_widget (prefs, is_expander_starting_with, (gpointer)"Standard"));
  offsets = step_offsets (fixture, "firm");
  g_assert_cmpstr (offsets, ==, "1,7,15,30");

  close_collections (prefs);
}

/* Your name and title, typed in the Preferences, are who records; empty,
 * the company's signatory is; never the system's "Unknown". */
static void
test_preferences_user (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *prefs;
  GtkWidget *group;

  REQUIRE_DISPLAY ();

  settings = relance_application_new_settings ();
  g_assert_nonnull (settings);
  show_window (fixture);

  /* Nothing typed, no signatory: the account's name, never "Unknown". */
  name = relance_preferences_dup_user_name (fixture->context);
  g_assert_cmpstr (name, !=, "");
  g_assert_cmpstr (name, !=, "Unknown");
  g_clear_pointer (&name, g_free);

  /* The company's signatory stands in while nothing is typed. */
  company = relance_company_get (fixture->db, &error);
  g_assert_no_error (error);
  g_free (company->signatory_name);
  company->signatory_name = g_strdup ("Jean Petit");
  g_free (company->signatory_title);
  company->signatory_title = g_strdup ("Gérant");
  g_assert_true (relance_company_set (fixture->db, company, NULL, &error));
  g_assert_no_error (error);
  name = relance_preferences_dup_user_name (fixture->context);
  title = relance_preferences_dup_user_title (fixture->context);
  g_assert_cmpstr (name, ==, "Jean Petit");
  g_assert_cmpstr (title, ==, "Gérant");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&title, g_free);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  group = find (prefs, is_group_with_title, "You");
  gtk_editable_set_text (GTK_EDITABLE (find (group, relance_test_is_entry_row_with_title, "Your Name")),
                         "Claire Morel");
  gtk_editable_set_text (GTK_EDITABLE (find (group, relance_test_is_entry_row_with_title, "Your Title")),
                         "Credit manager");
  relance_test_spin (20);
  g_assert_cmpstr (g_settings_get_string (settings, "user-name"), ==, "Claire Morel");
  gtk_window_close (GTK_WINDOW (prefs));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_PREFERENCES_WINDOW)));

  name = relance_preferences_dup_user_name (fixture->context);
  title = relance_preferences_dup_user_title (fixture->context);
  g_assert_cmpstr (name, ==, "Claire Morel");
  g_assert_cmpstr (title, ==, "Credit manager");
  g_assert_cmpstr (relance_preferences_get_user_name (fixture->context), ==, "Claire Morel");

  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "user-title");
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

  ADD ("/preferences/causes", test_preferences_causes);
  ADD ("/preferences/terms", test_preferences_terms);
  ADD ("/preferences/user", test_preferences_user);
  ADD ("/preferences/no-ledger", test_preferences_no_ledger);
  ADD ("/preferences/collections/step", test_collections_step);
  ADD ("/preferences/collections/rate", test_collections_rate);
  ADD ("/preferences/collections/settings", test_collections_settings);
  ADD ("/preferences/collections/segments", test_collections_segments);
  ADD ("/preferences/collections/scenarios", test_collections_scenarios);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
