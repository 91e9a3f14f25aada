/* relance-customer-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-application.h"
#include "relance-customer-dialog.h"
#include "relance-error.h"
#include "relance-ledger.h"

struct _RelanceCustomerDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwEntryRow    *code_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *postcode_row;
  AdwEntryRow    *city_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  GtkSpinButton  *terms_spin;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;

  RelanceContext *context;
};

enum {
  CUSTOMER_ADDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceCustomerDialog, relance_customer_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* What the user typed, without the spaces around; NULL for nothing. */
static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = dup_field (row);

  return text != NULL;
}

static void
clear_error (RelanceCustomerDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
}

static void
show_error (RelanceCustomerDialog *self,
            const GError          *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  if (g_error_matches (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
    }
}

static void
update_add_action (RelanceCustomerDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add",
                                 self->context != NULL &&
                                 has_text (self->code_row) &&
                                 has_text (self->name_row));
}

static void
on_field_changed_cb (RelanceCustomerDialog *self)
{
  clear_error (self);
  update_add_action (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RelanceCustomerDialog *self = RELANCE_CUSTOMER_DIALOG (widget);
  g_autofree char *code = dup_field (self->code_row);
  g_autofree char *name = dup_field (self->name_row);
  g_autofree char *address = dup_field (self->address_row);
  g_autofree char *postcode = dup_field (self->postcode_row);
  g_autofree char *city = dup_field (self->city_row);
  g_autofree char *email = dup_field (self->email_row);
  g_autofree char *phone = dup_field (self->phone_row);
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { NULL };
  gint64 id;

  if (self->context == NULL || code == NULL || name == NULL)
    return;

  gtk_spin_button_update (self->terms_spin);

  fields.code = code;
  fields.name = name;
  fields.address = address;
  fields.postcode = postcode;
  fields.city = city;
  fields.email = email;
  fields.phone = phone;
  fields.payment_terms = gtk_spin_button_get_value_as_int (self->terms_spin);

  id = relance_ledger_add_customer (relance_context_get_database (self->context),
                                    &fields, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[CUSTOMER_ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_customer_dialog_dispose (GObject *object)
{
  RelanceCustomerDialog *self = (RelanceCustomerDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_CUSTOMER_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_customer_dialog_parent_class)->dispose (object);
}

static void
relance_customer_dialog_class_init (RelanceCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_customer_dialog_dispose;

  /**
   * RelanceCustomerDialog::customer-added:
   * @customer_id: the id of the new customer
   *
   * The customer was written to the ledger; the dialog closes.
   */
  signals[CUSTOMER_ADDED] =
    g_signal_new ("customer-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Pulls the resources' object file, and its constructor that registers
   * them, out of the static library into any program using this class. */
  (void)relance_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, city_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, terms_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "customer.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_customer_dialog_init (RelanceCustomerDialog *self)
{
  g_autoptr(GSettings) settings = relance_application_new_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The terms chosen in the preferences. */
  if (settings != NULL)
    gtk_spin_button_set_value (self->terms_spin, g_settings_get_int (settings, "default-payment-terms"));

  update_add_action (self);
}

/**
 * relance_customer_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @context: the ledger the customer is added to
 *
 * Returns: (transfer none): a new dialog; it destroys itself when
 *   closed, or after it added the customer
 */
GtkWidget *
relance_customer_dialog_new (GtkWindow      *parent,
                             RelanceContext *context)
{
  RelanceCustomerDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_CUSTOMER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  update_add_action (self);

  return GTK_WIDGET (self);
}
