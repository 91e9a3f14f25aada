/* test-french.c
 *
 * The window in French, as a French user sees it: the catalogue built
 * from po/fr.po, amounts written "4 325,71 €", and every view, a customer's
 * page open, still fitting a 360-pixel window with the longer French
 * words. Skipped when the fr_FR.UTF-8 locale is not installed
 * (build-aux/check builds it) or there is no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "relance-application.h"
#include "relance-context.h"
#include "relance-customer.h"
#include "relance-customer-page.h"
#include "relance-database.h"
#include "relance-list-model.h"
#include "relance-sample.h"
#include "relance-today-view.h"
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
static gboolean have_french;
static RelanceApplication *app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  if (!have_display || !have_french)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-french-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "exemple.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, relance_day_from_dmy (23, 11, 2026));

  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 40;
  options.n_invoices = 800;
  options.seed = 3;
  relance_sample_generate (fixture->db, &options, &error);
  g_assert_no_error (error);

  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  relance_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  relance_test_spin (50);
  g_assert_null (fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  if (fixture->dir != NULL)
    relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

#define REQUIRE_FRENCH() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
  if (!have_french) { g_test_skip ("No fr_FR.UTF-8 locale (build-aux/check builds one)"); return; } \
} G_STMT_END

static gboolean
is_mapped_label (GtkWidget *widget,
                 gpointer   text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* "4 325,71 €": groups of three digits parted by a no-break space (U+00A0
 * or U+202F), a decimal comma, and the euro sign after a no-break space. */
static gboolean
is_mapped_french_amount (GtkWidget *widget,
                         gpointer   data)
{
  static GRegex *amount;

  if (amount == NULL)
    amount = g_regex_new ("^-?[0-9]{1,3}((\u00a0|\u202f)[0-9]{3})+,[0-9]{2}\u00a0€$", 0, 0, NULL);

  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_regex_match (amount, gtk_label_get_text (GTK_LABEL (widget)), 0, NULL);
}

static gboolean
is_today_view (GtkWidget *widget,
               gpointer   data)
{
  return RELANCE_IS_TODAY_VIEW (widget);
}

static gboolean
is_mapped_dropdown (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_today_loaded (gpointer view)
{
  return !relance_today_view_get_loading (view);
}

static int
window_minimum_width (Fixture *fixture)
{
  int minimum = 0;

  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (fixture->window)), GTK_ORIENTATION_HORIZONTAL,
                      -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

static gboolean
is_customer_page (GtkWidget *widget,
                  gpointer   data)
{
  return RELANCE_IS_CUSTOMER_PAGE (widget);
}

/* Opens the page of the customer with the largest balance. */
static GtkWidget *
open_largest_customer (Fixture *fixture)
{
  GtkColumnView *column_view;
  GtkSelectionModel *selection;
  RelanceListModel *model;
  GtkWidget *page;

  relance_window_set_view (fixture->window, "customers");
  relance_test_spin (50);
  column_view = relance_window_get_column_view (fixture->window, "customers");
  selection = gtk_column_view_get_model (column_view);
  model = RELANCE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
  g_assert_true (relance_list_model_set_sort (model, "balance", TRUE));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 0);
  relance_test_spin (100);

  page = relance_test_find_widget (GTK_WIDGET (fixture->window), is_customer_page, NULL);
  g_assert_nonnull (page);
  g_assert_cmpint (relance_customer_page_get_customer (RELANCE_CUSTOMER_PAGE (page)), >, 0);

  return page;
}

/* The view names are French, and a customer's balance is a French amount
 * of more than a thousand euros. */
static void
test_french_labels (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page;

  REQUIRE_FRENCH ();

  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                              (gpointer)"Aujourd’hui"));
  g_assert_nonnull (relance_test_find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                              (gpointer)"Litiges"));
  g_assert_null (relance_test_find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                           (gpointer)"Today"));

  page = open_largest_customer (fixture);
  g_assert_nonnull (relance_test_find_widget (page, is_mapped_label, (gpointer)"Contacts"));
  g_assert_nonnull (relance_test_find_widget (page, is_mapped_label, (gpointer)"Factures"));
  g_assert_nonnull (relance_test_find_widget (page, is_mapped_french_amount, NULL));
}

/* Every view, and a customer's page, fits 360 pixels in French too. */
static void
test_french_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *views[] = { "today", "customers", "invoices", "disputes", "dashboard" };

  REQUIRE_FRENCH ();

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  relance_test_spin (100);
  open_largest_customer (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int minimum;

      relance_window_set_view (fixture->window, views[i]);
      relance_test_spin (100);
      minimum = window_minimum_width (fixture);
      if (minimum > 360)
        g_error ("The view “%s” needs %d pixels in French", views[i], minimum);
    }

  /* Today's longest buttons: the formal notices of a past day, with
   * "Send the Formal Notice…", "Print All Letters…" and "Back to Today". */
  {
    GtkWidget *today = relance_test_find_widget (GTK_WIDGET (fixture->window), is_today_view, NULL);
    GtkWidget *dropdown;
    int minimum;

    relance_window_set_view (fixture->window, "today");
    relance_today_view_set_date (RELANCE_TODAY_VIEW (today), relance_day_from_dmy (20, 11, 2026));
    relance_test_spin (50);
    g_assert_true (relance_test_wait_until (is_today_loaded, today));
    /* Too narrow for two group buttons on a line: a drop-down list
     * chooses the group instead. */
    dropdown = relance_test_find_widget (today, is_mapped_dropdown, NULL);
    g_assert_nonnull (dropdown);
    /* "All" first, then the groups. */
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==,
                      RELANCE_WORK_N_GROUPS + 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), RELANCE_WORK_FORMAL_NOTICE + 1);
    relance_test_spin (100);
    g_assert_cmpint (relance_today_view_get_group (RELANCE_TODAY_VIEW (today)), ==, RELANCE_WORK_FORMAL_NOTICE);
    g_assert_true (g_str_has_prefix (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))),
                                     "Mises en demeure "));
    g_assert_nonnull (relance_test_find_widget (today, is_mapped_label,
                                                (gpointer)"Imprimer tous les courriers…"));
    minimum = window_minimum_width (fixture);
    if (minimum > 360)
      g_error ("Today’s formal notices of a past day need %d pixels in French", minimum);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) icon_path = NULL;
  const char * const *data_dirs;
  const char *localedir = g_getenv ("RELANCE_TEST_LOCALEDIR");
  int status;

  /* The system's MIME database and icon themes, outside the isolated
   * XDG folders of the test. */
  g_content_type_set_mime_dirs (NULL);
  data_dirs = g_get_system_data_dirs ();
  icon_path = g_new0 (char *, g_strv_length ((char **)data_dirs) + 1);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    icon_path[i] = g_build_filename (data_dirs[i], "icons", NULL);

  /* French before GTK starts, as a French session is. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  have_french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL && localedir != NULL;
  if (have_french)
    {
      g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

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

  g_test_add ("/french/labels", Fixture, NULL, fixture_set_up, test_french_labels, fixture_tear_down);
  g_test_add ("/french/narrow", Fixture, NULL, fixture_set_up, test_french_narrow, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
