/* relance-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-application.h"
#include "relance-database.h"
#include "relance-preferences-window.h"
#include "relance-sample.h"
#include "relance-window.h"

struct _RelanceApplication
{
  AdwApplication  parent_instance;

  RelanceContext *context;
};

G_DEFINE_FINAL_TYPE (RelanceApplication, relance_application, ADW_TYPE_APPLICATION)

static gboolean
is_open (RelanceApplication *self,
         const char         *path)
{
  if (self->context == NULL)
    return FALSE;

  return g_strcmp0 (relance_database_get_path (relance_context_get_database (self->context)), path) == 0;
}

static void
update_actions (RelanceApplication *self)
{
  g_autofree char *own = relance_application_get_own_path ();
  g_autofree char *sample = relance_application_get_sample_path ();
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-own");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !is_open (self, own));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-sample");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !is_open (self, sample));
}

static void
set_context (RelanceApplication *self,
             RelanceContext     *context)
{
  g_set_object (&self->context, context);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RELANCE_IS_WINDOW (l->data))
        relance_window_set_context (l->data, context);
    }

  update_actions (self);
}

static RelanceWindow *
ensure_window (RelanceApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RELANCE_IS_WINDOW (window))
    return RELANCE_WINDOW (window);

  return RELANCE_WINDOW (relance_window_new (self, self->context));
}

/* Tells the user, over the window, why something could not be opened. */
static void
show_error_dialog (RelanceApplication *self,
                   const char         *heading,
                   const GError       *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  RelanceApplication *self = user_data;
  GList *windows;

  /* Closing saves the window's size. A copy: closing a window also
   * destroys its dialogs, which leave the application's list. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc)g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  RelanceApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Relance"),
                        "developer-name", _("The Relance developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Chase unpaid invoices, politely and on time."),
                        "copyright", _("© 2026 The Relance developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RelanceApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  RelanceContext *context = self->context;

  /* The causes of the ledger that window shows. */
  if (RELANCE_IS_WINDOW (parent))
    context = relance_window_get_context (RELANCE_WINDOW (parent));

  gtk_window_present (GTK_WINDOW (relance_preferences_window_new (parent, context)));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RelanceApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!relance_application_open_sample (self, &error))
    show_error_dialog (self, _("The Sample Company Could Not Be Opened"), error);
}

static void
open_own_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  RelanceApplication *self = user_data;
  g_autofree char *path = relance_application_get_own_path ();
  g_autoptr(GError) error = NULL;

  if (!relance_application_open_ledger (self, path, &error))
    show_error_dialog (self, _("Your Ledger Could Not Be Opened"), error);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "open-sample", open_sample_action },
  { "open-own", open_own_action },
};

static int
relance_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
relance_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  RelanceApplication *self = RELANCE_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *db_arg = NULL;
  RelanceWindow *window;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_arg) && db_arg[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db_arg);

      path = g_file_get_path (file);
    }

  window = ensure_window (self);

  /* A first start opens the user's ledger; a later `relance --db FILE`
   * switches the window to FILE. */
  if (path == NULL && self->context == NULL)
    path = relance_application_get_own_path ();

  if (path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!relance_application_open_ledger (self, path, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);

          /* With no ledger open the window says why; otherwise the ledger
           * open stays, and a dialog over it says why. */
          if (self->context == NULL)
            {
              relance_window_show_open_error (window, error);
            }
          else
            {
              gtk_window_present (GTK_WINDOW (window));
              show_error_dialog (self, _("The Ledger Could Not Be Opened"), error);
              return 0;
            }
        }
    }

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
relance_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  RelanceApplication *self = RELANCE_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;

  G_APPLICATION_CLASS (relance_application_parent_class)->startup (app);

  settings = relance_application_new_settings ();
  if (settings == NULL)
    g_warning ("The settings schema %s is not installed: the window size, "
               "the view and the ledger file are not remembered", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  update_actions (self);
}

static void
relance_application_dispose (GObject *object)
{
  RelanceApplication *self = (RelanceApplication *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_application_parent_class)->dispose (object);
}

static void
relance_application_class_init (RelanceApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = relance_application_dispose;

  app_class->handle_local_options = relance_application_handle_local_options;
  app_class->command_line = relance_application_command_line;
  app_class->startup = relance_application_startup;
}

static void
relance_application_init (RelanceApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the ledger in FILE instead of your own"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Chase unpaid invoices."));
}

/**
 * relance_application_new:
 *
 * Returns: (transfer full): the application; run it with g_application_run()
 */
RelanceApplication *
relance_application_new (void)
{
  return g_object_new (RELANCE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * relance_application_get_context:
 *
 * Returns: (transfer none) (nullable): the open ledger, if any
 */
RelanceContext *
relance_application_get_context (RelanceApplication *self)
{
  g_return_val_if_fail (RELANCE_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * relance_application_new_settings:
 *
 * Returns: (transfer full) (nullable): Relance's settings, or %NULL when
 *   their schema is not installed: Relance still runs, but remembers nothing
 */
GSettings *
relance_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * relance_application_get_own_path:
 *
 * Returns: (transfer full): the user's ledger, where relance-cli finds it
 *   too: relance_database_default_path()
 */
char *
relance_application_get_own_path (void)
{
  return relance_database_default_path ();
}

/**
 * relance_application_get_sample_path:
 *
 * Returns: (transfer full): where the sample company is kept, apart from
 *   the user's ledger: `$XDG_DATA_HOME/relance/sample-company.db`
 */
char *
relance_application_get_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "relance", "sample-company.db", NULL);
}

/**
 * relance_application_open_ledger:
 * @path: the ledger file; created if it does not exist
 * @error: why it could not be opened, in the user's words
 *
 * Opens @path and shows it in the window. The ledger open before stays
 * open if @path cannot be opened.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_application_open_ledger (RelanceApplication  *self,
                                 const char          *path,
                                 GError             **error)
{
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;

  g_return_val_if_fail (RELANCE_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_open (self, path))
    return TRUE;

  db = relance_database_open (path, error);
  if (db == NULL)
    return FALSE;

  context = relance_context_new (db);
  set_context (self, context);

  return TRUE;
}

/**
 * relance_application_open_sample:
 * @error: why the sample could not be made or opened
 *
 * Opens the sample company, in its own file apart from the user's ledger;
 * the first time, fills that file with the sample seen from today.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_application_open_sample (RelanceApplication  *self,
                                 GError             **error)
{
  g_autofree char *path = relance_application_get_sample_path ();
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;

  g_return_val_if_fail (RELANCE_IS_APPLICATION (self), FALSE);

  if (is_open (self, path))
    return TRUE;

  db = relance_database_open (path, error);
  if (db == NULL)
    return FALSE;

  if (relance_database_is_empty (db))
    {
      RelanceSampleOptions options;

      relance_sample_options_init (&options, relance_day_today_local ());
      if (!relance_sample_generate (db, &options, error))
        return FALSE;
    }

  context = relance_context_new (db);
  set_context (self, context);

  return TRUE;
}
