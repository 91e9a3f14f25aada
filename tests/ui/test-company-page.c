/* test-company-page.c: the Company page of the Preferences in the real
 * window: a name and a SIREN typed are stored, a wrong SIREN turns its row
 * red and is not stored, the row telling what letters lack goes once all
 * is given, a PNG chosen as logo is stored and a text file is refused,
 * and without a ledger nothing is editable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "relance-application.h"
#include "relance-company.h"
#include "relance-company-page.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-preferences-window.h"
#include "relance-window.h"
#include "relance-test-utils.h"

typedef struct
{
  char            *dir;
  RelanceDatabase *db;
  RelanceContext  *context;
  RelanceWindow   *window;
  GtkWidget       *prefs;
  GtkWidget       *page;
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

static gboolean
is_company_page (GtkWidget *widget,
                 gpointer   data)
{
  return RELANCE_IS_COMPANY_PAGE (widget);
}

static gboolean
is_group_with_title (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_row_starting_with (GtkWidget *widget,
                      gpointer   prefix)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_button_with_tooltip (GtkWidget *widget,
                        gpointer   tooltip)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find (GtkWidget        *root,
      RelanceTestMatch  match,
      const char       *data)
{
  GtkWidget *found = relance_test_find_widget (root, match, (gpointer)data);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
entry_row (Fixture    *fixture,
           const char *title)
{
  return find (fixture->page, relance_test_is_entry_row_with_title, title);
}

static void
type_in (Fixture    *fixture,
         const char *title,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, title)), text);
  relance_test_spin (10);
}

static RelanceCompany *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RelanceCompany *company = relance_company_get (fixture->db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (company);
  return company;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-company-XXXXXX", &error);
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

  if (fixture->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->prefs));
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  relance_test_spin (50);
  g_assert_null (fixture->prefs);
  g_assert_null (fixture->window);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The real window, then its Preferences, on the Company page. */
static void
open_company_page (Fixture *fixture)
{
  fixture->window = RELANCE_WINDOW (relance_window_new (app, fixture->context));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->window));
  relance_test_spin (100);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  fixture->prefs = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (fixture->prefs), (gpointer *)&fixture->prefs);
  fixture->page = find (fixture->prefs, is_company_page, NULL);
  /* The first page, the one shown on opening. */
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (fixture->prefs)) ==
                 ADW_PREFERENCES_PAGE (fixture->page));
  g_assert_true (gtk_widget_get_mapped (entry_row (fixture, "SIREN")));
}

static void
test_company_fill (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RelanceCompany) company = NULL;

  REQUIRE_DISPLAY ();

  open_company_page (fixture);
  type_in (fixture, "Name", "Menuiserie Duval");
  type_in (fixture, "SIREN", "732 829 320");
  type_in (fixture, "Address", "12 rue des Granges");
  type_in (fixture, "Address (continued)", "Bâtiment B");

  g_assert_false (gtk_widget_has_css_class (entry_row (fixture, "SIREN"), "error"));
  company = stored (fixture);
  g_assert_cmpstr (company->name, ==, "Menuiserie Duval");
  g_assert_cmpstr (company->siren, ==, "732829320");
  g_assert_cmpstr (company->address, ==, "12 rue des Granges\nBâtiment B");
  g_assert_cmpstr (company->country, ==, "FR");

  /* Shown again as stored when the Preferences open anew. */
  gtk_window_destroy (GTK_WINDOW (fixture->prefs));
  relance_test_spin (50);
  g_assert_null (fixture->prefs);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  fixture->prefs = relance_test_wait_for_dialog (RELANCE_TYPE_PREFERENCES_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (fixture->prefs), (gpointer *)&fixture->prefs);
  fixture->page = find (fixture->prefs, is_company_page, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, "Name"))), ==, "Menuiserie Duval");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, "Address (continued)"))), ==, "Bâtiment B");
}

static void
test_company_wrong_siren (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RelanceCompany) company = NULL;
  GtkWidget *siren;

  REQUIRE_DISPLAY ();

  open_company_page (fixture);
  type_in (fixture, "Name", "Menuiserie Duval");
  type_in (fixture, "SIREN", "732829320");
  siren = entry_row (fixture, "SIREN");

  /* A wrong check digit: red row, the model's message, nothing stored. */
  type_in (fixture, "SIREN", "123 456 789");
  g_assert_true (gtk_widget_has_css_class (siren, "error"));
  g_assert_nonnull (relance_test_find_widget (fixture->page, relance_test_is_visible_label_containing,
                                              (gpointer)"check digit"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (siren));
  /* Nothing else is saved while the form is wrong. */
  type_in (fixture, "City", "Besançon");
  company = stored (fixture);
  g_assert_cmpstr (company->siren, ==, "732829320");
  g_assert_cmpstr (company->city, ==, "");
  g_clear_pointer (&company, relance_company_free);

  /* A wrong IBAN is shown at the same time as the wrong SIREN. */
  type_in (fixture, "IBAN", "FR76 3000 6000 0112 3456 7890 188");
  g_assert_true (gtk_widget_has_css_class (entry_row (fixture, "IBAN"), "error"));
  g_assert_true (gtk_widget_has_css_class (siren, "error"));
  type_in (fixture, "IBAN", "");

  /* Put right, the row is no longer red and all is stored. */
  type_in (fixture, "SIREN", "123 456 782");
  g_assert_false (gtk_widget_has_css_class (siren, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (siren));
  company = stored (fixture);
  g_assert_cmpstr (company->siren, ==, "123456782");
  g_assert_cmpstr (company->city, ==, "Besançon");
}

static void
test_company_missing (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *missing;
  const char *title;

  REQUIRE_DISPLAY ();

  open_company_page (fixture);
  missing = find (fixture->page, is_row_starting_with, "Letters need: ");
  g_assert_true (gtk_widget_is_visible (missing));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (missing));
  g_assert_nonnull (strstr (title, "SIREN"));
  g_assert_nonnull (strstr (title, "Company name"));

  /* A wrong SIREN is not given: letters still need one. */
  type_in (fixture, "SIREN", "123 456 789");
  g_assert_true (gtk_widget_has_css_class (entry_row (fixture, "SIREN"), "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (missing)), "SIREN"));

  type_in (fixture, "Name", "Menuiserie Duval");
  type_in (fixture, "SIREN", "732829320");
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (missing));
  g_assert_null (strstr (title, "SIREN"));
  g_assert_null (strstr (title, "Company name"));
  g_assert_nonnull (strstr (title, "City"));
  g_assert_true (gtk_widget_is_visible (missing));

  type_in (fixture, "Address", "12 rue des Granges");
  type_in (fixture, "Postcode", "25000");
  type_in (fixture, "City", "Besançon");
  g_assert_true (gtk_widget_is_visible (missing));
  type_in (fixture, "Signatory", "Claire Duval");
  g_assert_false (gtk_widget_is_visible (missing));
}

static void
test_company_logo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFile) text = NULL;
  g_autoptr(GBytes) png_bytes = NULL;
  g_autofree char *png_path = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "logo.txt", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  REQUIRE_DISPLAY ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 24, 16);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_file_set_contents (text_path, "Not an image at all\n", -1, &error);
  g_assert_no_error (error);
  png = g_file_new_for_path (png_path);
  text = g_file_new_for_path (text_path);
  png_bytes = g_file_load_bytes (png, NULL, NULL, &error);
  g_assert_no_error (error);

  open_company_page (fixture);

  /* Stored, whatever is half-typed elsewhere in the form. */
  type_in (fixture, "SIREN", "123");
  g_assert_true (relance_company_page_load_image (RELANCE_COMPANY_PAGE (fixture->page),
                                                  RELANCE_COMPANY_FIELD_LOGO, png, &error));
  g_assert_no_error (error);
  company = stored (fixture);
  g_assert_nonnull (company->logo);
  g_assert_true (g_bytes_equal (company->logo, png_bytes));
  g_assert_null (company->signature);
  g_assert_cmpstr (company->siren, ==, "");
  g_clear_pointer (&company, relance_company_free);

  /* A text file is refused with the model's message; the logo stays. */
  g_assert_false (relance_company_page_load_image (RELANCE_COMPANY_PAGE (fixture->page),
                                                   RELANCE_COMPANY_FIELD_LOGO, text, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neither a PNG nor an SVG"));
  g_clear_error (&error);
  company = stored (fixture);
  g_assert_true (g_bytes_equal (company->logo, png_bytes));
  g_clear_pointer (&company, relance_company_free);

  /* The Remove button takes it away. */
  g_signal_emit_by_name (find (fixture->page, is_button_with_tooltip, "Remove the Logo"), "clicked");
  relance_test_spin (10);
  company = stored (fixture);
  g_assert_null (company->logo);
}

static void
test_company_no_ledger (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page;

  REQUIRE_DISPLAY ();

  page = g_object_ref_sink (g_object_new (RELANCE_TYPE_COMPANY_PAGE, NULL));
  g_assert_false (gtk_widget_get_visible (find (page, is_group_with_title, "Identity")));
  g_assert_false (gtk_widget_get_visible (find (page, is_group_with_title, "Signature")));
  g_assert_true (gtk_widget_get_visible (find (page, is_group_with_title, "No Ledger Is Open")));

  relance_company_page_set_context (RELANCE_COMPANY_PAGE (page), fixture->context);
  g_assert_true (gtk_widget_get_visible (find (page, is_group_with_title, "Identity")));
  g_assert_false (gtk_widget_get_visible (find (page, is_group_with_title, "No Ledger Is Open")));

  relance_company_page_set_context (RELANCE_COMPANY_PAGE (page), NULL);
  g_assert_false (gtk_widget_get_visible (find (page, is_group_with_title, "Identity")));
  g_assert_finalize_object (page);
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

  ADD ("/company-page/fill", test_company_fill);
  ADD ("/company-page/wrong-siren", test_company_wrong_siren);
  ADD ("/company-page/missing", test_company_missing);
  ADD ("/company-page/logo", test_company_logo);
  ADD ("/company-page/no-ledger", test_company_no_ledger);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
