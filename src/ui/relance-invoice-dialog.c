/* relance-invoice-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-error.h"
#include "relance-form.h"
#include "relance-format.h"
#include "relance-ledger.h"
#include "relance-money.h"

struct _RelanceInvoiceDialog
{
  AdwWindow       parent_instance;

  RelanceForm     form;
  GtkWidget      *customer_row;
  GtkWidget      *credit_note_row;
  GtkWidget      *number_row;
  GtkWidget      *issue_row;
  GtkWidget      *due_row;
  GtkWidget      *amount_row;
  GtkLabel       *message;

  RelanceContext *context;
  gint64          invoice_id;     /* 0 for a new one */
  gint64          customer_id;    /* the customer typed or given */
  int             payment_terms;
  gboolean        due_edited;     /* the user typed a due date: keep it */
  gboolean        setting_due;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceInvoiceDialog, relance_invoice_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static gboolean
is_credit_note (RelanceInvoiceDialog *self)
{
  return gtk_switch_get_active (g_object_get_data (G_OBJECT (self->credit_note_row), "switch"));
}

/* The customer of the code typed, with its payment terms. */
static void
find_customer (RelanceInvoiceDialog *self)
{
  g_autofree char *code = relance_form_dup_text (self->customer_row);
  g_autoptr(RelanceCustomerDetails) details = NULL;
  RelanceDatabase *db = relance_context_get_database (self->context);

  self->customer_id = code[0] ? relance_ledger_find_customer (db, code, NULL) : 0;
  if (self->customer_id != 0)
    details = relance_desk_get_customer (db, self->customer_id, NULL);
  self->payment_terms = details ? details->payment_terms : 30;
}

static void
propose_due_date (RelanceInvoiceDialog *self)
{
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  RelanceDay issue;

  if (self->due_edited || !relance_form_parse_day (self->issue_row, &issue, &message))
    return;

  text = relance_format_day (relance_desk_propose_due_date (issue, self->payment_terms));
  self->setting_due = TRUE;
  relance_form_set_text (self->due_row, text);
  self->setting_due = FALSE;
}

/* Checks every row; returns whether Save can write it. */
static gboolean
validate (RelanceInvoiceDialog *self)
{
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autofree char *code = relance_form_dup_text (self->customer_row);
  g_autofree char *number = relance_form_dup_text (self->number_row);
  g_autofree char *issue_message = NULL;
  g_autofree char *due_message = NULL;
  g_autofree char *amount_message = NULL;
  g_autofree char *number_message = NULL;
  g_autofree char *customer_message = NULL;
  const char *message = NULL;
  const char *style = "error";
  RelanceDay issue = 0, due = 0;
  gint64 amount = 0;
  gboolean has_issue, has_due, has_amount;
  gboolean due_before = FALSE;
  gboolean valid;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  if (code[0] != '\0' && self->customer_id == 0)
    customer_message = g_strdup_printf (_("No customer has the code “%s”"), code);
  if (number[0] != '\0' && !relance_desk_number_is_free (db, number, self->invoice_id))
    number_message = g_strdup_printf (_("The number “%s” is already used"), number);

  has_issue = relance_form_parse_day (self->issue_row, &issue, &issue_message);
  has_due = relance_form_parse_day (self->due_row, &due, &due_message);
  has_amount = relance_form_parse_amount (self->amount_row, &amount, &amount_message);
  if (has_amount && amount <= 0 && amount_message == NULL)
    amount_message = g_strdup (is_credit_note (self)
                               ? _("Write the amount of a credit note without a minus sign, more than zero")
                               : _("The amount must be more than zero"));
  if (has_amount && amount > RELANCE_MONEY_MAX && amount_message == NULL)
    amount_message = g_strdup (_("The amount is too large"));
  due_before = has_issue && has_due && due < issue;

  relance_form_set_row_error (self->customer_row, customer_message != NULL);
  relance_form_set_row_error (self->number_row, number_message != NULL);
  relance_form_set_row_error (self->issue_row, issue_message != NULL);
  relance_form_set_row_error (self->due_row, due_message != NULL || due_before);
  relance_form_set_row_error (self->amount_row, amount_message != NULL);

  if (customer_message != NULL)
    message = customer_message;
  else if (number_message != NULL)
    message = number_message;
  else if (issue_message != NULL)
    message = issue_message;
  else if (due_message != NULL)
    message = due_message;
  else if (due_before)
    message = _("The due date is before the issue date");
  else if (amount_message != NULL)
    message = amount_message;
  else if (has_issue && has_due && !is_credit_note (self) && relance_desk_terms_exceed_cap (issue, due))
    {
      message = _("These terms are longer than the law allows between companies: 60 days from the "
                  "invoice date, or 45 days end of month. The invoice can still be saved.");
      style = "warning";
    }

  relance_form_set_message (self->message, message, style);

  valid = self->customer_id != 0 && number[0] != '\0' && number_message == NULL &&
          has_issue && has_due && !due_before && has_amount && amount_message == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save", valid);

  return valid;
}

static void
on_customer_changed_cb (RelanceInvoiceDialog *self)
{
  find_customer (self);
  propose_due_date (self);
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
on_issue_changed_cb (RelanceInvoiceDialog *self)
{
  propose_due_date (self);
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
on_due_changed_cb (RelanceInvoiceDialog *self)
{
  if (!self->setting_due)
    self->due_edited = TRUE;
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
on_field_changed_cb (RelanceInvoiceDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceInvoiceDialog *self = RELANCE_INVOICE_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autofree char *code = relance_form_dup_text (self->customer_row);
  g_autofree char *number = relance_form_dup_text (self->number_row);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  RelanceInvoiceFields fields = { 0 };
  gint64 id;

  if (!validate (self))
    return;

  fields.customer_code = code;
  fields.number = number;
  fields.credit_note = is_credit_note (self);
  relance_form_parse_day (self->issue_row, &fields.issue_date, &message);
  g_clear_pointer (&message, g_free);
  relance_form_parse_day (self->due_row, &fields.due_date, &message);
  g_clear_pointer (&message, g_free);
  relance_form_parse_amount (self->amount_row, &fields.amount, &message);

  if (self->invoice_id == 0)
    id = relance_ledger_add_invoice (db, &fields, &error);
  else
    id = relance_desk_update_invoice (db, self->invoice_id, &fields, &error) ? self->invoice_id : 0;

  if (id == 0)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_invoice_dialog_dispose (GObject *object)
{
  RelanceInvoiceDialog *self = (RelanceInvoiceDialog *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_invoice_dialog_parent_class)->dispose (object);
}

static void
relance_invoice_dialog_class_init (RelanceInvoiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_invoice_dialog_dispose;

  /**
   * RelanceInvoiceDialog::saved:
   * @invoice_id: the invoice written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "invoice.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_invoice_dialog_init (RelanceInvoiceDialog *self)
{
}

static void
build (RelanceInvoiceDialog *self)
{
  AdwPreferencesGroup *group;

  relance_form_build (ADW_WINDOW (self), &self->form,
                      self->invoice_id ? _("Edit Invoice") : _("New Invoice"),
                      self->invoice_id ? _("_Save") : _("_Add"),
                      "invoice.save");

  group = relance_form_add_group (&self->form, NULL, NULL);
  self->customer_row = relance_form_add_entry (group, _("Customer _code"), G_CALLBACK (on_customer_changed_cb), self);
  self->credit_note_row = relance_form_add_switch (group, _("C_redit note"),
                                                   _("A refund or a discount owed to the customer"),
                                                   G_CALLBACK (on_field_changed_cb), self);
  self->number_row = relance_form_add_entry (group, _("_Number"), G_CALLBACK (on_field_changed_cb), self);
  self->issue_row = relance_form_add_entry (group, _("_Issue date"), G_CALLBACK (on_issue_changed_cb), self);
  self->due_row = relance_form_add_entry (group, _("_Due date"), G_CALLBACK (on_due_changed_cb), self);
  self->amount_row = relance_form_add_entry (group, _("_Amount, tax included"), G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);
}

/**
 * relance_invoice_dialog_new:
 * @customer_id: the customer of a new invoice; 0 to let the user type the
 *   customer's code
 * @invoice_id: the invoice to edit; 0 for a new one
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_invoice_dialog_new (GtkWindow      *parent,
                            RelanceContext *context,
                            gint64          customer_id,
                            gint64          invoice_id)
{
  RelanceInvoiceDialog *self;
  RelanceDatabase *db;
  RelanceDay today;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_INVOICE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->invoice_id = invoice_id;
  self->payment_terms = 30;
  db = relance_context_get_database (context);
  today = relance_context_get_today (context);
  build (self);

  if (invoice_id != 0)
    {
      g_autofree char *code = NULL;
      g_autofree char *number = NULL;
      g_autofree char *issue = NULL;
      g_autofree char *due = NULL;
      g_autofree char *amount = NULL;
      g_autoptr(GError) error = NULL;
      RelanceInvoiceFields fields;

      if (relance_desk_get_invoice (db, invoice_id, &fields, &code, &number, NULL, &error))
        {
          issue = relance_format_day (fields.issue_date);
          due = relance_format_day (fields.due_date);
          amount = relance_money_to_decimal (fields.amount);
          self->due_edited = TRUE;
          relance_form_set_text (self->customer_row, code);
          gtk_switch_set_active (g_object_get_data (G_OBJECT (self->credit_note_row), "switch"), fields.credit_note);
          relance_form_set_text (self->number_row, number);
          relance_form_set_text (self->issue_row, issue);
          relance_form_set_text (self->due_row, due);
          relance_form_set_text (self->amount_row, amount);
        }
      else
        {
          relance_form_show_error (&self->form, error->message);
        }
      gtk_widget_set_sensitive (self->customer_row, FALSE);
    }
  else
    {
      g_autofree char *issue = relance_format_day (today);

      if (customer_id != 0)
        {
          g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (db, customer_id, NULL);

          if (details != NULL)
            {
              relance_form_set_text (self->customer_row, details->code);
              gtk_widget_set_sensitive (self->customer_row, FALSE);
            }
        }
      relance_form_set_text (self->issue_row, issue);
      gtk_widget_grab_focus (customer_id != 0 ? self->number_row : self->customer_row);
    }

  find_customer (self);
  propose_due_date (self);
  validate (self);

  return GTK_WIDGET (self);
}
