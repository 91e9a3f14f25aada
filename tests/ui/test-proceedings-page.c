/* test-proceedings-page.c: insolvency proceedings on the customer page.
 * Without proceedings the page shows nothing about them; the dialog opened
 * by customer.proceedings refuses a BODACC date before the judgment (Save
 * disabled, a message), tells the deadline (BODACC 27 March 2026 + 2
 * months = 27 May 2026) once the dates are right, and records them; the
 * page then says the customer is in proceedings and until when to declare
 * the claim, with the button that writes the declaration. The same dialog
 * then closes them. Written late, the declaration is first warned about,
 * with the relief from forclusion proposed.
 *
 * With RELANCE_TEST_SCREENSHOTS=DIR, screenshots of the dialog and the
 * page are saved there (ImageMagick's import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "relance-context.h"
#include "relance-customer-page.h"
#include "relance-database.h"
#include "relance-ledger.h"
#include "relance-proceedings-dialog.h"
#include "relance-proceedings.h"
#include "relance-test-utils.h"

static gboolean have_display;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static gboolean
is_group_with_title (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_row_with_subtitle_containing (GtkWidget *widget,
                                 gpointer   text)
{
  const char *subtitle;

  if (!ADW_IS_ACTION_ROW (widget))
    return FALSE;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  return subtitle != NULL && strstr (subtitle, text) != NULL;
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("RELANCE_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  relance_test_spin (1000);   /* the first frame of a window takes a while with software GL */
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
type_in (GtkWidget  *dialog,
         const char *title,
         const char *text)
{
  GtkWidget *row = relance_test_find_widget (dialog, relance_test_is_entry_row_with_title, (gpointer) title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  relance_test_spin (10);
}

static void
test_record_and_close (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceProceedings) p = NULL;
  RelanceCustomerFields nord = { .code = "NORD", .name = "Nordbat SARL", .payment_terms = -1 };
  RelanceInvoiceFields invoice = {
    .customer_code = "NORD", .number = "F-101", .amount = 120000,
  };
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *group;
  GtkWidget *dialog;
  GtkWidget *button;
  gint64 customer;

  REQUIRE_DISPLAY ();

  db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  customer = relance_ledger_add_customer (db, &nord, &error);
  g_assert_no_error (error);
  invoice.issue_date = day ("2026-01-05");
  invoice.due_date = day ("2026-02-04");
  g_assert_cmpint (relance_ledger_add_invoice (db, &invoice, &error), >, 0);
  g_assert_no_error (error);
  context = relance_context_new (db);
  relance_context_set_today (context, day ("2026-04-10"));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  page = relance_customer_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  relance_customer_page_set_context (RELANCE_CUSTOMER_PAGE (page), context);
  relance_customer_page_set_customer (RELANCE_CUSTOMER_PAGE (page), customer);
  gtk_window_present (GTK_WINDOW (window));
  relance_test_spin (50);

  group = relance_test_find_widget (page, is_group_with_title, (gpointer) "Insolvency Proceedings");
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  /* The dialog: a BODACC date before the judgment is refused as typed. */
  g_assert_true (gtk_widget_activate_action (page, "customer.proceedings", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_PROCEEDINGS_DIALOG);
  type_in (dialog, "Judgment of", "2026-03-16");
  type_in (dialog, "Published in the BODACC on", "2026-03-10");
  type_in (dialog, "Name", "Maître Sophie Lefebvre");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer) "cannot be before the judgment"));
  screenshot ("proceedings-dialog-refused.png");
  /* Save is disabled: activating it writes nothing. */
  gtk_widget_activate_action (dialog, "proceedings.save", NULL);
  relance_test_spin (20);
  p = relance_proceedings_get_for_customer (db, customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_null (p);

  type_in (dialog, "Published in the BODACC on", "2026-03-27");
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_visible_label_containing,
                                              (gpointer) "Declare the claim to the mandataire before 2026-05-27"));
  screenshot ("proceedings-dialog.png");
  g_assert_true (gtk_widget_activate_action (dialog, "proceedings.save", NULL));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_PROCEEDINGS_DIALOG)));

  p = relance_proceedings_get_for_customer (db, customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpint (p->kind, ==, RELANCE_PROCEEDINGS_REDRESSEMENT);
  g_clear_pointer (&p, relance_proceedings_free);

  /* The page says it, with the deadline and the button. */
  relance_test_spin (20);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (relance_test_find_widget (group, is_row_with_subtitle_containing,
                                              (gpointer) "Declare the claim to the mandataire before 2026-05-27"));
  button = relance_test_find_widget (group, relance_test_is_button_with_label,
                                     (gpointer) "Write the Claim Declaration…");
  g_assert_nonnull (button);
  screenshot ("proceedings-page.png");

  /* Written after the deadline (27 May), the declaration warns first and
   * proposes the relief; cancelled, nothing is recorded. */
  relance_context_set_today (context, day ("2026-06-01"));
  g_assert_true (gtk_widget_activate_action (page, "customer.claim-declaration", NULL));
  {
    GtkWidget *warning = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
    const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (warning));

    g_assert_nonnull (strstr (body, "The deadline to declare the claim was 2026-05-27"));
    g_assert_nonnull (strstr (body, "relief from forclusion"));
    g_assert_nonnull (strstr (body, "before 2026-09-27"));
    screenshot ("proceedings-late.png");
    /* What its Cancel button does (response, then the dialog goes). */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (warning), "cancel");
    gtk_window_destroy (GTK_WINDOW (warning));
    relance_test_spin (20);
  }
  p = relance_proceedings_get_for_customer (db, customer, day ("2026-06-01"), &error);
  g_assert_no_error (error);
  g_assert_false (p->claim_declared);
  g_clear_pointer (&p, relance_proceedings_free);
  relance_context_set_today (context, day ("2026-04-10"));

  /* The same menu item now closes them. */
  g_assert_true (gtk_widget_activate_action (page, "customer.proceedings", NULL));
  dialog = relance_test_wait_for_dialog (RELANCE_TYPE_PROCEEDINGS_DIALOG);
  g_assert_nonnull (relance_test_find_widget (dialog, relance_test_is_entry_row_with_title,
                                              (gpointer) "Ended on"));
  screenshot ("proceedings-close.png");
  g_assert_true (gtk_widget_activate_action (dialog, "proceedings.save", NULL));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel,
                                          GSIZE_TO_POINTER (RELANCE_TYPE_PROCEEDINGS_DIALOG)));
  p = relance_proceedings_get_for_customer (db, customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->outcome, ==, RELANCE_PROCEEDINGS_PLAN);
  relance_test_spin (20);
  g_assert_nonnull (relance_test_find_widget (group, is_row_with_subtitle_containing,
                                              (gpointer) "plan adopted"));

  gtk_window_destroy (GTK_WINDOW (window));
  relance_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  /* The system MIME database, for the icons (SVG), before the isolated dirs. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/proceedings-page/record-and-close", test_record_and_close);

  return g_test_run ();
}
