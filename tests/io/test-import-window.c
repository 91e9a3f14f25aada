/* test-import-window.c
 *
 * The import assistant on a real window (under Xvfb; skipped without a
 * display): a dropped CSV shows its dry-run summary, and importing it fills
 * the ledger and keeps a backup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "relance-application.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-import-window.h"
#include "relance-import.h"
#include "relance-ledger.h"
#include "relance-window.h"

static gboolean have_display;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static GtkLabel *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_import_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "io", "data", "factures-windows1252.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  g_autofree char *backups = g_build_filename (g_get_user_data_dir (), "relance", "backups", NULL);
  RelanceWindow *window;
  GtkWidget *assistant;
  gint64 balance = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("relance-import-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "ledger.db", NULL);
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  context = relance_context_new (db);
  relance_context_set_today (context, relance_day_from_dmy (23, 11, 2026));

  window = RELANCE_WINDOW (relance_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));
  assistant = relance_import_window_new (window, file);
  spin (200);

  g_assert_nonnull (find_label_containing (assistant, "Invoices: 4 new, 0 updated, 0 unchanged"));
  g_assert_nonnull (find_label_containing (assistant, "Dupont & Fils"));   /* the preview */

  g_assert_true (gtk_widget_activate_action (assistant, "import.apply", NULL));
  spin (200);

  g_assert_true (relance_ledger_get_customer_balance (db, relance_ledger_find_customer (db, "411DUPONT", NULL),
                                                      &balance, &error));
  g_assert_cmpint (balance, ==, 131456);
  g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
  /* The columns are remembered for the next file of this layout. */
  {
    g_autofree char *mapping = relance_import_lookup_mapping (db, NULL,
      "n facture|code client|raison sociale|siren|date facture|echeance|montant ttc|reste du|adresse|ville",
      &error);

    g_assert_no_error (error);
    g_assert_nonnull (mapping);
    g_assert_true (g_str_has_prefix (mapping, "number=N° facture;customer=Code client;"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) icon_path = NULL;
  const char * const *data_dirs;

  /* Own empty XDG folders, but the system's MIME database and icon themes
   * (as tests/ui/test-window.c does). */
  g_content_type_set_mime_dirs (NULL);
  data_dirs = g_get_system_data_dirs ();
  icon_path = g_new0 (char *, g_strv_length ((char **)data_dirs) + 1);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    icon_path[i] = g_build_filename (data_dirs[i], "icons", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      gtk_icon_theme_set_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      (const char * const *)icon_path);
    }

  g_test_add_func ("/io/import-window/csv", test_import_csv);

  return g_test_run ();
}
