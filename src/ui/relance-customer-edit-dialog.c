/* relance-customer-edit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-form.h"
#include "relance-money.h"

/* Longer terms than the law allows between companies (DOMAIN.md). */
#define LEGAL_CAP_DAYS 60

struct _RelanceCustomerEditDialog
{
  AdwWindow       parent_instance;

  RelanceForm     form;
  GtkWidget      *name_row;
  GtkWidget      *address_row;
  GtkWidget      *postcode_row;
  GtkWidget      *city_row;
  GtkWidget      *email_row;
  GtkWidget      *phone_row;
  GtkWidget      *siren_row;
  GtkWidget      *segment_row;
  GtkWidget      *terms_row;
  GtkWidget      *limit_row;
  GtkLabel       *message;

  RelanceContext *context;
  gint64          customer_id;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceCustomerEditDialog, relance_customer_edit_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* Days of payment terms: 0 to 365, or -1 when the text is not that. */
static int
read_terms (RelanceCustomerEditDialog *self)
{
  g_autofree char *text = relance_form_dup_text (self->terms_row);
  char *end = NULL;
  long days;

  if (text[0] == '\0')
    return -1;

  days = strtol (text, &end, 10);
  if (end == text || *end != '\0' || days < 0 || days > 365)
    return -1;

  return (int)days;
}

static gboolean
validate (RelanceCustomerEditDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *limit_message = NULL;
  const char *message = NULL;
  const char *style = "error";
  gint64 limit = 0;
  int terms;
  gboolean has_limit;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  name = relance_form_dup_text (self->name_row);
  terms = read_terms (self);
  has_limit = relance_form_parse_amount (self->limit_row, &limit, &limit_message);
  if (has_limit && limit < 0 && limit_message == NULL)
    limit_message = g_strdup (_("A credit limit cannot be negative"));

  relance_form_set_row_error (self->name_row, name[0] == '\0');
  relance_form_set_row_error (self->terms_row, terms < 0);
  relance_form_set_row_error (self->limit_row, limit_message != NULL);

  if (name[0] == '\0')
    message = _("The customer needs a name");
  else if (terms < 0)
    message = _("Give the payment terms in days, from 0 to 365");
  else if (limit_message != NULL)
    message = limit_message;
  else if (terms > LEGAL_CAP_DAYS)
    {
      message = _("Terms over 60 days are longer than the law allows between companies, "
                  "unless 45 days end of month was agreed.");
      style = "warning";
    }
  relance_form_set_message (self->message, message, style);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer-edit.save",
                                 name[0] != '\0' && terms >= 0 && limit_message == NULL);
  return name[0] != '\0' && terms >= 0 && limit_message == NULL;
}

static void
on_field_changed_cb (RelanceCustomerEditDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceCustomerEditDialog *self = RELANCE_CUSTOMER_EDIT_DIALOG (widget);
  g_autofree char *name = relance_form_dup_text (self->name_row);
  g_autofree char *address = relance_form_dup_text (self->address_row);
  g_autofree char *postcode = relance_form_dup_text (self->postcode_row);
  g_autofree char *city = relance_form_dup_text (self->city_row);
  g_autofree char *email = relance_form_dup_text (self->email_row);
  g_autofree char *phone = relance_form_dup_text (self->phone_row);
  g_autofree char *siren = relance_form_dup_text (self->siren_row);
  g_autofree char *segment = relance_form_dup_text (self->segment_row);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { NULL };
  gint64 limit = -1;

  if (!validate (self))
    return;

  fields.name = name;
  fields.address = address;
  fields.postcode = postcode;
  fields.city = city;
  fields.email = email;
  fields.phone = phone;
  fields.siren = siren;
  fields.segment = segment;
  fields.payment_terms = read_terms (self);
  if (!relance_form_parse_amount (self->limit_row, &limit, &message))
    limit = -1;

  if (!relance_desk_update_customer (relance_context_get_database (self->context), self->customer_id,
                                     &fields, limit, &error))
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->customer_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_customer_edit_dialog_dispose (GObject *object)
{
  RelanceCustomerEditDialog *self = (RelanceCustomerEditDialog *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_customer_edit_dialog_parent_class)->dispose (object);
}

static void
relance_customer_edit_dialog_class_init (RelanceCustomerEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_customer_edit_dialog_dispose;

  /**
   * RelanceCustomerEditDialog::saved:
   * @customer_id: the customer written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "customer-edit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_customer_edit_dialog_init (RelanceCustomerEditDialog *self)
{
}

/**
 * relance_customer_edit_dialog_new:
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_customer_edit_dialog_new (GtkWindow      *parent,
                                  RelanceContext *context,
                                  gint64          customer_id)
{
  RelanceCustomerEditDialog *self;
  AdwPreferencesGroup *group;
  g_autoptr(RelanceCustomerDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_CUSTOMER_EDIT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->customer_id = customer_id;
  details = relance_desk_get_customer (relance_context_get_database (context), customer_id, &error);
  if (details != NULL)
    description = g_strdup_printf (_("Account %s in your accounting."), details->code);

  relance_form_build (ADW_WINDOW (self), &self->form, _("Edit Customer"), _("_Save"), "customer-edit.save");
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);

  group = relance_form_add_group (&self->form, NULL, description);
  self->name_row = relance_form_add_entry (group, _("_Name"), G_CALLBACK (on_field_changed_cb), self);
  self->segment_row = relance_form_add_entry (group, _("_Target group"), NULL, NULL);
  self->siren_row = relance_form_add_entry (group, _("_SIREN"), NULL, NULL);
  group = relance_form_add_group (&self->form, _("Address"), NULL);
  self->address_row = relance_form_add_entry (group, _("_Street"), NULL, NULL);
  self->postcode_row = relance_form_add_entry (group, _("_Postcode"), NULL, NULL);
  self->city_row = relance_form_add_entry (group, _("_City"), NULL, NULL);
  self->phone_row = relance_form_add_entry (group, _("P_hone"), NULL, NULL);
  self->email_row = relance_form_add_entry (group, _("_E-mail"), NULL, NULL);
  group = relance_form_add_group (&self->form, _("Credit"), NULL);
  self->terms_row = relance_form_add_entry (group, _("Payment _terms, in days"), G_CALLBACK (on_field_changed_cb), self);
  self->limit_row = relance_form_add_entry (group, _("Credit _limit (empty for none)"), G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);

  if (details != NULL)
    {
      g_autofree char *terms = g_strdup_printf ("%d", details->payment_terms);
      g_autofree char *limit = details->credit_limit >= 0 ? relance_money_to_decimal (details->credit_limit) : NULL;

      relance_form_set_text (self->name_row, details->name);
      relance_form_set_text (self->segment_row, details->segment);
      relance_form_set_text (self->siren_row, details->siren);
      relance_form_set_text (self->address_row, details->address);
      relance_form_set_text (self->postcode_row, details->postcode);
      relance_form_set_text (self->city_row, details->city);
      relance_form_set_text (self->phone_row, details->phone);
      relance_form_set_text (self->email_row, details->email);
      relance_form_set_text (self->terms_row, terms);
      relance_form_set_text (self->limit_row, limit);
    }
  else
    {
      relance_form_show_error (&self->form, error->message);
    }

  validate (self);

  return GTK_WIDGET (self);
}
