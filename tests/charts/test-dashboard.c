/* test-dashboard.c
 *
 * The dashboard in the main window, on the sample company, under a real
 * display (skipped without one): its charts are drawn from the ledger,
 * follow the period, and a cause's bar opens that cause's disputes. On a
 * ledger file they are computed in a worker thread: the window never
 * waits, a newer request wins, and closing the window meanwhile is safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-dispute.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "relance-application.h"
#include "relance-chart-widget.h"
#include "relance-context.h"
#include "relance-dashboard.h"
#include "relance-database.h"
#include "relance-sample.h"
#include "relance-window.h"
#include "relance-test-utils.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static gboolean have_display;
static RelanceApplication *app;

typedef struct
{
  char            *dir;     /* the ledger file's folder, or NULL in memory */
  RelanceDatabase *db;
  RelanceContext  *context;
  RelanceWindow   *window;
} Fixture;

/* Until the charts are filled: the figures may come from a thread. */
static gboolean
wait_loaded (RelanceDashboard *dashboard)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  while (relance_dashboard_get_loading (dashboard))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static GtkWidget *
find_dashboard (GtkWidget *root)
{
  if (RELANCE_IS_DASHBOARD (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dashboard (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  if (!have_display)
    return;

  /* data: "file" for a ledger file, so the figures come from a thread. */
  if (g_strcmp0 (data, "file") == 0)
    {
      fixture->dir = g_dir_make_tmp ("relance-dashboard-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (fixture->dir, "ledger.db", NULL);
    }

  fixture->db = relance_database_open (path ? path : ":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (relance_database_is_in_memory (fixture->db) == (path == NULL));
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, relance_day_from_dmy (23, 11, 2026));
  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  options.n_customers = 150;
  options.n_invoices = 3000;
  options.seed = 1;
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  g_assert_no_error (error);

  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (fixture->window)));
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

#define NEED_DISPLAY() \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; }

static RelanceChart *
chart_of (RelanceDashboard *dashboard,
          const char       *name)
{
  GtkWidget *widget = relance_dashboard_get_chart (dashboard, name);

  g_assert_true (RELANCE_IS_CHART_WIDGET (widget));
  return relance_chart_widget_get_chart (RELANCE_CHART_WIDGET (widget));
}

static void
test_dashboard_charts (Fixture       *fixture,
                       gconstpointer  data)
{
  RelanceDashboard *dashboard;
  RelanceChart *chart;
  guint total = 0;

  NEED_DISPLAY ();

  dashboard = RELANCE_DASHBOARD (find_dashboard (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (dashboard);

  /* Nothing is read before the dashboard is shown. */
  g_assert_null (chart_of (dashboard, "disputes-by-cause"));

  relance_window_set_view (fixture->window, "dashboard");
  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "dashboard");
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (dashboard)));
  if (data != NULL)
    {
      /* A ledger file: the figures are computed in a thread, and until
       * they come the window goes on without them. */
      g_assert_true (relance_dashboard_get_loading (dashboard));
      g_assert_null (chart_of (dashboard, "disputes-by-cause"));
    }
  g_assert_true (wait_loaded (dashboard));
  g_assert_false (relance_dashboard_get_loading (dashboard));

  chart = chart_of (dashboard, "disputes-by-cause");
  g_assert_nonnull (chart);
  g_assert_false (relance_chart_is_empty (chart));
  g_assert_cmpuint (relance_chart_get_n_categories (chart), ==, 4);
  for (guint c = 0; c < 4; c++)
    total += (guint)relance_chart_get_value (chart, 0, c);
  g_assert_cmpuint (total, >, 0);

  for (const char * const *name = (const char * const[]) { "resolution-time", "disputes-trend",
                                                           "aged-balance", "dso", NULL };
       *name != NULL; name++)
    g_assert_nonnull (chart_of (dashboard, *name));

  /* The sample's twelve months, one point each. */
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "disputes-trend")), ==, 12);
}

static void
test_dashboard_period (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = relance_application_new_settings ();
  RelanceDashboard *dashboard;

  NEED_DISPLAY ();
  g_assert_nonnull (settings);

  dashboard = RELANCE_DASHBOARD (find_dashboard (GTK_WIDGET (fixture->window)));
  relance_window_set_view (fixture->window, "dashboard");
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (dashboard)));
  g_assert_true (wait_loaded (dashboard));
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 12);

  /* The period is a setting: September to November 2026. */
  g_settings_set_string (settings, "dashboard-period", "last-3-months");
  relance_test_spin (100);
  g_assert_true (wait_loaded (dashboard));
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 3);
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "disputes-trend")), ==, 3);

  g_settings_set_string (settings, "dashboard-period", "this-year");
  relance_test_spin (100);
  g_assert_true (wait_loaded (dashboard));
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 11);
  g_settings_reset (settings, "dashboard-period");
}

/* Two periods chosen quickly, on a ledger file: the charts end up showing
 * the last one, and the first one's figures never appear. */
static void
test_dashboard_period_twice (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = relance_application_new_settings ();
  RelanceDashboard *dashboard;

  NEED_DISPLAY ();
  g_assert_nonnull (settings);

  dashboard = RELANCE_DASHBOARD (find_dashboard (GTK_WIDGET (fixture->window)));
  relance_window_set_view (fixture->window, "dashboard");
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (dashboard)));
  g_assert_true (wait_loaded (dashboard));
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 12);

  /* Both requests are in flight before either result is back. */
  g_settings_set_string (settings, "dashboard-period", "last-3-months");
  g_assert_true (relance_dashboard_get_loading (dashboard));
  g_settings_set_string (settings, "dashboard-period", "this-year");
  g_assert_true (relance_dashboard_get_loading (dashboard));

  /* Meanwhile the previous charts stay; the 3 months never show. */
  while (relance_dashboard_get_loading (dashboard))
    {
      g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 12);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  relance_test_spin (300);

  /* January to November 2026. */
  g_assert_false (relance_dashboard_get_loading (dashboard));
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "dso")), ==, 11);
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "disputes-trend")), ==, 11);
  g_assert_cmpuint (relance_chart_get_n_categories (chart_of (dashboard, "disputes-by-cause")), ==, 4);
  g_settings_reset (settings, "dashboard-period");
}

/* The window closed while a thread computes: the dashboard goes at once
 * (the task holds no reference to it) and the late result is dropped. */
static void
test_dashboard_close_while_loading (Fixture       *fixture,
                                    gconstpointer  data)
{
  RelanceDashboard *dashboard;

  NEED_DISPLAY ();

  dashboard = RELANCE_DASHBOARD (find_dashboard (GTK_WIDGET (fixture->window)));
  relance_window_set_view (fixture->window, "dashboard");
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (dashboard)));
  g_assert_true (relance_dashboard_get_loading (dashboard));

  g_object_add_weak_pointer (G_OBJECT (dashboard), (gpointer *)&dashboard);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  relance_test_spin (50);
  g_assert_null (fixture->window);
  g_assert_null (dashboard);

  /* The worker finishes; its callback finds no dashboard. */
  relance_test_spin (1000);
}

static void
test_dashboard_show_disputes (Fixture       *fixture,
                              gconstpointer  data)
{
  RelanceDashboard *dashboard;
  GtkWidget *widget;
  GtkSearchEntry *search;
  GtkSelectionModel *selection;
  GListModel *model;
  guint n;

  NEED_DISPLAY ();

  dashboard = RELANCE_DASHBOARD (find_dashboard (GTK_WIDGET (fixture->window)));
  relance_window_set_view (fixture->window, "dashboard");
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, GTK_WIDGET (dashboard)));
  g_assert_true (wait_loaded (dashboard));

  /* What a click on cause B's bar does. */
  widget = relance_dashboard_get_chart (dashboard, "disputes-by-cause");
  g_signal_emit_by_name (widget, "item-activated", "B");
  relance_test_spin (100);

  g_assert_cmpstr (relance_window_get_view (fixture->window), ==, "disputes");
  search = relance_window_get_search_entry (fixture->window, "disputes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");

  /* Only cause B's disputes, all of them: not customers whose name starts
   * with a B. */
  selection = gtk_column_view_get_model (relance_window_get_column_view (fixture->window, "disputes"));
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (model, i);

      g_assert_cmpstr (relance_dispute_get_cause_code (dispute), ==, "B");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) icon_path = NULL;
  const char * const *data_dirs;
  int status;

  /* As test-window does: isolated XDG folders, but the system's MIME
   * database and icon themes, for GTK's SVG icons. */
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

  g_test_add ("/dashboard/charts", Fixture, NULL, fixture_set_up, test_dashboard_charts, fixture_tear_down);
  g_test_add ("/dashboard/period", Fixture, NULL, fixture_set_up, test_dashboard_period, fixture_tear_down);
  g_test_add ("/dashboard/show-disputes", Fixture, NULL, fixture_set_up, test_dashboard_show_disputes, fixture_tear_down);
  g_test_add ("/dashboard/file/charts", Fixture, "file", fixture_set_up, test_dashboard_charts, fixture_tear_down);
  g_test_add ("/dashboard/file/period", Fixture, "file", fixture_set_up, test_dashboard_period, fixture_tear_down);
  g_test_add ("/dashboard/file/period-twice", Fixture, "file", fixture_set_up, test_dashboard_period_twice, fixture_tear_down);
  g_test_add ("/dashboard/file/close-while-loading", Fixture, "file", fixture_set_up, test_dashboard_close_while_loading, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
