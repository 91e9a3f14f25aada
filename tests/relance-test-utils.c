/* relance-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-test-utils.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

/* Removes @path and everything under it; links are removed, not followed. */
void
relance_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          relance_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* Runs @program with @args (NULL-terminated), after "--db @db" unless @db
 * is NULL, its environment that of the test with XDG_DATA_HOME set to
 * @data_home, so nothing escapes the test's folder. Waits for it to end
 * and returns its exit status and output; prints them when the test is
 * verbose. Free with relance_test_run_free(). */
RelanceTestRun *
relance_test_run_argv (const char         *program,
                       const char         *db,
                       const char         *data_home,
                       const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  RelanceTestRun *run = g_new0 (RelanceTestRun, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)program);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *)"--db");
      g_ptr_array_add (argv, (char *)db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    run->status = -1;

  if (g_test_verbose ())
    g_printerr ("exit %d\n%s%s", run->status, run->out, run->err);

  return run;
}

/* relance_test_run_argv() with the arguments from @first_arg up to a NULL,
 * taken from @ap. */
RelanceTestRun *
relance_test_run_valist (const char *program,
                         const char *db,
                         const char *data_home,
                         const char *first_arg,
                         va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  g_ptr_array_add (args, NULL);

  return relance_test_run_argv (program, db, data_home, (const char * const *)args->pdata);
}

/* relance_test_run_argv() with the arguments given up to a NULL. */
RelanceTestRun *
relance_test_run (const char *program,
                  const char *db,
                  const char *data_home,
                  const char *first_arg,
                  ...)
{
  RelanceTestRun *run;
  va_list ap;

  va_start (ap, first_arg);
  run = relance_test_run_valist (program, db, data_home, first_arg, ap);
  va_end (ap);

  return run;
}

void
relance_test_run_free (RelanceTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Runs the main loop until @condition holds; FALSE after ten seconds. */
gboolean
relance_test_wait_until (RelanceTestCondition condition,
                         gpointer             data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* A few more turns of the main loop, for layout and drawing. */
void
relance_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

gboolean
relance_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The first widget under @root (itself included) that @match accepts. */
GtkWidget *
relance_test_find_widget (GtkWidget        *root,
                          RelanceTestMatch  match,
                          gpointer          data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = relance_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* @text without its mnemonic underscores: what a person reads. */
char *
relance_test_without_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "_", -1);

  return g_strjoinv ("", parts);
}

gboolean
relance_test_is_button_with_label (GtkWidget *widget,
                                   gpointer   text)
{
  g_autofree char *label = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;

  label = relance_test_without_underscores (gtk_button_get_label (GTK_BUTTON (widget)));
  return g_str_equal (label, text);
}

gboolean
relance_test_is_entry_row_with_title (GtkWidget *widget,
                                      gpointer   title)
{
  g_autofree char *text = NULL;

  if (!ADW_IS_ENTRY_ROW (widget))
    return FALSE;

  text = relance_test_without_underscores (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  return g_str_equal (text, title);
}

gboolean
relance_test_is_visible_label_containing (GtkWidget *widget,
                                          gpointer   text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The first open window of @type, or NULL. */
GtkWidget *
relance_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* @type is a GType passed with GSIZE_TO_POINTER. */
gboolean
relance_test_no_toplevel (gpointer type)
{
  return relance_test_find_toplevel ((GType)GPOINTER_TO_SIZE (type)) == NULL;
}

/* The open dialog of @type, once it is on screen. */
GtkWidget *
relance_test_wait_for_dialog (GType type)
{
  GtkWidget *dialog = relance_test_find_toplevel (type);

  g_assert_nonnull (dialog);
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, dialog));
  return dialog;
}
