/* relance-contact-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-form.h"

struct _RelanceContactDialog
{
  AdwWindow       parent_instance;

  RelanceForm     form;
  GtkWidget      *civility_row;
  GtkWidget      *name_row;
  GtkWidget      *role_row;
  GtkWidget      *phone_row;
  GtkWidget      *email_row;
  GtkWidget      *collections_row;
  GtkLabel       *message;

  RelanceContext *context;
  gint64          customer_id;
  gint64          contact_id;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceContactDialog, relance_contact_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static gboolean
validate (RelanceContactDialog *self)
{
  g_autofree char *name = relance_form_dup_text (self->name_row);
  g_autofree char *email = relance_form_dup_text (self->email_row);
  const char *at = strchr (email, '@');
  gboolean bad_email = email[0] != '\0' &&
                       (at == NULL || at == email || strchr (at + 1, '.') == NULL || strchr (email, ' ') != NULL);
  g_autofree char *message = bad_email ? g_strdup_printf (_("“%s” is not an e-mail address"), email) : NULL;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  relance_form_set_row_error (self->email_row, bad_email);
  relance_form_set_message (self->message, message, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.save", name[0] != '\0' && !bad_email);

  return name[0] != '\0' && !bad_email;
}

static void
on_field_changed_cb (RelanceContactDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceContactDialog *self = RELANCE_CONTACT_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autofree char *name = relance_form_dup_text (self->name_row);
  g_autofree char *role = relance_form_dup_text (self->role_row);
  g_autofree char *phone = relance_form_dup_text (self->phone_row);
  g_autofree char *email = relance_form_dup_text (self->email_row);
  g_autoptr(GError) error = NULL;
  RelanceContactFields fields = { name, role, phone, email, FALSE,
                                  adw_combo_row_get_selected (ADW_COMBO_ROW (self->civility_row)) };
  gint64 id;

  if (!validate (self))
    return;

  fields.is_collections = gtk_switch_get_active (g_object_get_data (G_OBJECT (self->collections_row), "switch"));
  if (self->contact_id == 0)
    id = relance_desk_add_contact (db, self->customer_id, &fields, &error);
  else
    id = relance_desk_update_contact (db, self->contact_id, &fields, &error) ? self->contact_id : 0;

  if (id == 0)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_contact_dialog_dispose (GObject *object)
{
  RelanceContactDialog *self = (RelanceContactDialog *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_contact_dialog_parent_class)->dispose (object);
}

static void
relance_contact_dialog_class_init (RelanceContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_contact_dialog_dispose;

  /**
   * RelanceContactDialog::saved:
   * @contact_id: the contact written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_contact_dialog_init (RelanceContactDialog *self)
{
}

/**
 * relance_civility_row_new:
 *
 * A drop-down of the civilities, whose selected position is the
 * #RelanceCivility: not known, Madame, Monsieur.
 *
 * Returns: (transfer floating): an #AdwComboRow titled "Civility"
 */
GtkWidget *
relance_civility_row_new (void)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  /* Translators: no civility known: letters open with "Madame, Monsieur," */
  gtk_string_list_append (names, C_("civility", "Not given"));
  gtk_string_list_append (names, relance_civility_get_label (RELANCE_CIVILITY_MADAME));
  gtk_string_list_append (names, relance_civility_get_label (RELANCE_CIVILITY_MONSIEUR));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("C_ivility"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("How letters address the contact"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));

  return row;
}

/**
 * relance_contact_dialog_new:
 * @contact_id: the contact to edit; 0 for a new one
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_contact_dialog_new (GtkWindow      *parent,
                            RelanceContext *context,
                            gint64          customer_id,
                            gint64          contact_id)
{
  RelanceContactDialog *self;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_CONTACT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->customer_id = customer_id;
  self->contact_id = contact_id;

  relance_form_build (ADW_WINDOW (self), &self->form,
                      contact_id ? _("Edit Contact") : _("New Contact"),
                      contact_id ? _("_Save") : _("_Add"), "contact.save");
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 480);
  group = relance_form_add_group (&self->form, NULL, NULL);
  self->civility_row = relance_civility_row_new ();
  adw_preferences_group_add (group, self->civility_row);
  self->name_row = relance_form_add_entry (group, _("_Name"), G_CALLBACK (on_field_changed_cb), self);
  self->role_row = relance_form_add_entry (group, _("_Role"), NULL, NULL);
  self->phone_row = relance_form_add_entry (group, _("_Phone"), NULL, NULL);
  self->email_row = relance_form_add_entry (group, _("_E-mail"), G_CALLBACK (on_field_changed_cb), self);
  self->collections_row = relance_form_add_switch (group, _("_Collections contact"),
                                                   _("The person to call about payments"), NULL, NULL);
  self->message = relance_form_add_message (&self->form);

  if (contact_id != 0)
    {
      g_autoptr(GPtrArray) contacts = relance_desk_list_contacts (relance_context_get_database (context),
                                                                  customer_id, NULL);

      for (guint i = 0; contacts != NULL && i < contacts->len; i++)
        {
          RelanceContact *contact = g_ptr_array_index (contacts, i);

          if (contact->id != contact_id)
            continue;
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->civility_row), contact->civility);
          relance_form_set_text (self->name_row, contact->name);
          relance_form_set_text (self->role_row, contact->role);
          relance_form_set_text (self->phone_row, contact->phone);
          relance_form_set_text (self->email_row, contact->email);
          gtk_switch_set_active (g_object_get_data (G_OBJECT (self->collections_row), "switch"),
                                 contact->is_collections);
        }
    }

  validate (self);

  return GTK_WIDGET (self);
}
