/* relance-restore-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-application.h"
#include "relance-backup.h"
#include "relance-context.h"
#include "relance-restore-dialog.h"

struct _RelanceRestoreDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *backups_group;
  AdwActionRow        *file_row;

  RelanceWindow       *parent;   /* weak */
  char                *dir;      /* the automatic backups' folder */
  char                *pending_path;
  char                *pending_label;
};

G_DEFINE_FINAL_TYPE (RelanceRestoreDialog, relance_restore_dialog, ADW_TYPE_WINDOW)

static char *
format_time (GDateTime *time)
{
  /* Translators: when a backup was made, see g_date_time_format() */
  return g_date_time_format (time, _("%A %-d %B %Y at %H:%M:%S"));
}

static void
show_error (RelanceRestoreDialog *self,
            const GError         *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Backup Was Not Restored"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Replaces the ledger with @path, then shows it again in a new context:
 * its old connection may not see a schema an older backup is brought up
 * to when opened. */
static void
restore (RelanceRestoreDialog *self,
         const char           *path,
         const char           *label)
{
  RelanceContext *context = self->parent ? relance_window_get_context (self->parent) : NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GSettings) settings = NULL;
  guint keep;

  if (context == NULL)
    return;

  ledger = g_strdup (relance_database_get_path (relance_context_get_database (context)));
  if (g_strcmp0 (ledger, ":memory:") == 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This ledger is not kept in a file: a backup cannot replace it."));
      show_error (self, error);
      return;
    }

  settings = relance_application_new_settings ();
  keep = settings != NULL ? (guint)g_settings_get_int (settings, "backups-kept") : RELANCE_BACKUP_KEEP;
  if (!relance_backup_restore (ledger, path, self->dir, keep, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  db = relance_database_open (ledger, &error);
  if (db == NULL)
    {
      relance_window_show_open_error (self->parent, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  fresh = relance_context_new_like (db, context);
  relance_window_set_context (self->parent, fresh);
  if (label != NULL)
    message = g_strdup_printf (_("Backup of %s restored"), label);
  else
    {
      g_autofree char *name = g_path_get_basename (path);

      message = g_strdup_printf (_("Backup “%s” restored"), name);
    }
  relance_window_add_toast (self->parent, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
restore_idle_cb (gpointer user_data)
{
  RelanceRestoreDialog *self = user_data;
  g_autofree char *path = g_steal_pointer (&self->pending_path);
  g_autofree char *label = g_steal_pointer (&self->pending_label);

  if (self->parent != NULL && path != NULL)
    restore (self, path, label);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        RelanceRestoreDialog *self)
{
  if (g_strcmp0 (response, "restore") != 0)
    return;

  /* Once the question is gone: restoring closes this dialog, which the
   * question is transient for. */
  g_free (self->pending_path);
  g_free (self->pending_label);
  self->pending_path = g_strdup (g_object_get_data (G_OBJECT (dialog), "path"));
  self->pending_label = g_strdup (g_object_get_data (G_OBJECT (dialog), "label"));
  g_idle_add_full (G_PRIORITY_DEFAULT, restore_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_backup_activated_cb (AdwActionRow         *row,
                        RelanceRestoreDialog *self)
{
  relance_restore_dialog_confirm (self,
                                  g_object_get_data (G_OBJECT (row), "path"),
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        RelanceRestoreDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        relance_restore_dialog_confirm (self, path, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_file_activated_cb (RelanceRestoreDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Relance ledgers and backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.DB");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (self->dir != NULL && g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (self->dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fill_backups (RelanceRestoreDialog *self)
{
  g_autoptr(GPtrArray) paths = relance_backup_list (self->dir);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GDateTime) time = relance_backup_get_time (path);
      g_autofree char *title = time ? format_time (time) : g_path_get_basename (path);
      g_autofree char *name = g_path_get_basename (path);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_backup_activated_cb), self);
      adw_preferences_group_add (self->backups_group, GTK_WIDGET (row));
    }

  if (paths->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No automatic backup yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->backups_group, row);
    }
}

static void
relance_restore_dialog_dispose (GObject *object)
{
  RelanceRestoreDialog *self = (RelanceRestoreDialog *)object;

  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (relance_restore_dialog_parent_class)->dispose (object);
}

static void
relance_restore_dialog_finalize (GObject *object)
{
  RelanceRestoreDialog *self = (RelanceRestoreDialog *)object;

  g_free (self->dir);
  g_free (self->pending_path);
  g_free (self->pending_label);

  G_OBJECT_CLASS (relance_restore_dialog_parent_class)->finalize (object);
}

static void
relance_restore_dialog_class_init (RelanceRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_restore_dialog_dispose;
  object_class->finalize = relance_restore_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceRestoreDialog, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceRestoreDialog, file_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_restore_dialog_init (RelanceRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->file_row, "activated", G_CALLBACK (on_file_activated_cb), self);
}

/**
 * relance_restore_dialog_new:
 * @parent: the window whose ledger is replaced
 * @dir: (nullable): the automatic backups' folder; %NULL for the default
 *
 * Returns: (transfer none): the dialog, shown, owned by GTK
 */
GtkWidget *
relance_restore_dialog_new (RelanceWindow *parent,
                            const char    *dir)
{
  RelanceRestoreDialog *self;

  g_return_val_if_fail (RELANCE_IS_WINDOW (parent), NULL);

  self = g_object_new (RELANCE_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->dir = dir ? g_strdup (dir) : relance_backup_default_dir ();
  fill_backups (self);

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

/**
 * relance_restore_dialog_confirm:
 * @path: the backup to restore
 * @label: (nullable): when it was made, as the user reads it; %NULL: a
 *   file chosen, named by its file name
 *
 * Asks whether to replace the ledger with @path, and does so if the user
 * agrees (a file that is no ledger, or from a newer Relance, is refused
 * and the dialog says why).
 */
void
relance_restore_dialog_confirm (RelanceRestoreDialog *self,
                                const char           *path,
                                const char           *label)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (RELANCE_IS_RESTORE_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (label != NULL)
    body = g_strdup_printf (_("Replace the ledger with the backup of %s? The current ledger is saved first."),
                            label);
  else
    {
      name = g_path_get_basename (path);
      body = g_strdup_printf (_("Replace the ledger with the backup “%s”? The current ledger is saved first."),
                              name);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "label", g_strdup (label), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * relance_restore_dialog_show:
 *
 * The "win.restore" action of #RelanceWindow.
 */
void
relance_restore_dialog_show (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RelanceWindow *window = RELANCE_WINDOW (widget);

  if (relance_window_get_context (window) == NULL)
    return;

  relance_restore_dialog_new (window, NULL);
}
