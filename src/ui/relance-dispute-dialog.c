/* relance-dispute-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-form.h"
#include "relance-format.h"
#include "relance-money.h"

struct _RelanceDisputeDialog
{
  AdwWindow          parent_instance;

  RelanceForm        form;
  GtkWidget         *cause_row;
  GtkWidget         *amount_row;
  GtkWidget         *date_row;
  GtkWidget         *text_row;
  GtkWidget         *credit_note_row;
  GtkWidget         *number_row;
  GtkWidget         *credit_amount_row;
  GtkLabel          *message;
  GPtrArray         *causes;

  RelanceContext    *context;
  gint64             invoice_id;
  gint64             dispute_id;   /* resolving; 0 when opening */
  gint64             open;         /* the invoice's open balance */
  RelanceDay         not_before;   /* the invoice's issue date, or the dispute's opening */
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceDisputeDialog, relance_dispute_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static gboolean
wants_credit_note (RelanceDisputeDialog *self)
{
  return self->credit_note_row != NULL &&
         gtk_switch_get_active (g_object_get_data (G_OBJECT (self->credit_note_row), "switch"));
}

static void
show_department (RelanceDisputeDialog *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->cause_row));
  RelanceDisputeCause *cause;
  g_autofree char *text = NULL;

  if (selected >= self->causes->len)
    return;

  cause = g_ptr_array_index (self->causes, selected);
  text = g_strdup_printf (_("The %s department must act"), cause->department);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cause_row), text);
}

static gboolean
validate (RelanceDisputeDialog *self)
{
  g_autofree char *date_message = NULL;
  g_autofree char *amount_message = NULL;
  g_autofree char *number_message = NULL;
  g_autofree char *number = NULL;
  const char *message = NULL;
  RelanceDay date = 0;
  gint64 amount = 0;
  gboolean has_date, has_amount = TRUE;
  gboolean too_early = FALSE;
  gboolean valid;
  GtkWidget *amount_row = self->dispute_id ? self->credit_amount_row : self->amount_row;
  gboolean check_amount = self->dispute_id == 0 || wants_credit_note (self);

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  has_date = relance_form_parse_day (self->date_row, &date, &date_message);
  too_early = has_date && date < self->not_before;

  if (check_amount)
    {
      has_amount = relance_form_parse_amount (amount_row, &amount, &amount_message);
      if (has_amount && amount_message == NULL)
        {
          if (amount <= 0)
            amount_message = g_strdup (_("The amount must be more than zero"));
          else if (amount > self->open)
            {
              g_autofree char *open = relance_format_money (self->open);

              amount_message = g_strdup_printf (_("Only %s is still open on this invoice"), open);
            }
        }
      has_amount = has_amount && amount_message == NULL;
    }

  if (self->dispute_id != 0)
    {
      gtk_widget_set_visible (self->number_row, wants_credit_note (self));
      gtk_widget_set_visible (self->credit_amount_row, wants_credit_note (self));
      number = relance_form_dup_text (self->number_row);
      if (wants_credit_note (self) && number[0] != '\0' &&
          !relance_desk_number_is_free (relance_context_get_database (self->context), number, 0))
        number_message = g_strdup_printf (_("The number “%s” is already used"), number);
      relance_form_set_row_error (self->number_row, number_message != NULL);
    }

  relance_form_set_row_error (self->date_row, date_message != NULL || too_early);
  if (amount_row != NULL)
    relance_form_set_row_error (amount_row, check_amount && amount_message != NULL);

  if (date_message != NULL)
    message = date_message;
  else if (too_early)
    message = self->dispute_id ? _("The dispute cannot be resolved before it was opened")
                               : _("A dispute cannot be opened before its invoice was issued");
  else if (check_amount && amount_message != NULL)
    message = amount_message;
  else if (number_message != NULL)
    message = number_message;
  relance_form_set_message (self->message, message, "error");

  valid = has_date && !too_early && (!check_amount || has_amount) &&
          (self->dispute_id == 0 || !wants_credit_note (self) || (number[0] != '\0' && number_message == NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispute.save", valid);

  return valid;
}

static void
on_field_changed_cb (RelanceDisputeDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
on_cause_changed_cb (RelanceDisputeDialog *self)
{
  show_department (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceDisputeDialog *self = RELANCE_DISPUTE_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autofree char *text = relance_form_dup_text (self->text_row);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDay date = 0;
  gint64 amount = 0;
  gint64 id;

  if (!validate (self))
    return;

  relance_form_parse_day (self->date_row, &date, &message);
  g_clear_pointer (&message, g_free);

  if (self->dispute_id == 0)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (self->causes,
                                                      adw_combo_row_get_selected (ADW_COMBO_ROW (self->cause_row)));

      relance_form_parse_amount (self->amount_row, &amount, &message);
      id = relance_desk_open_dispute (db, self->invoice_id, cause->id, amount, date, text, &error);
    }
  else
    {
      g_autofree char *number = relance_form_dup_text (self->number_row);

      if (wants_credit_note (self))
        relance_form_parse_amount (self->credit_amount_row, &amount, &message);
      id = relance_desk_resolve_dispute (db, self->dispute_id, date, text,
                                         wants_credit_note (self) ? number : NULL, amount, &error)
           ? self->dispute_id : 0;
    }

  if (id == 0)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_dispute_dialog_dispose (GObject *object)
{
  RelanceDisputeDialog *self = (RelanceDisputeDialog *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->causes, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_dispute_dialog_parent_class)->dispose (object);
}

static void
relance_dispute_dialog_class_init (RelanceDisputeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_dispute_dialog_dispose;

  /**
   * RelanceDisputeDialog::saved:
   * @dispute_id: the dispute opened or resolved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "dispute.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_dispute_dialog_init (RelanceDisputeDialog *self)
{
}

static RelanceDisputeDialog *
create (GtkWindow      *parent,
        RelanceContext *context,
        gint64          invoice_id)
{
  RelanceDisputeDialog *self = g_object_new (RELANCE_TYPE_DISPUTE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  RelanceInvoiceFields fields = { 0 };
  gint64 allocated = 0;

  self->context = g_object_ref (context);
  self->invoice_id = invoice_id;
  if (relance_desk_get_invoice (relance_context_get_database (context), invoice_id, &fields, &code, &number,
                                &allocated, NULL))
    {
      self->open = fields.amount - allocated;
      self->not_before = fields.issue_date;
    }

  return self;
}

/**
 * relance_dispute_dialog_new_open:
 * @invoice_id: the invoice the customer contests
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_dispute_dialog_new_open (GtkWindow      *parent,
                                 RelanceContext *context,
                                 gint64          invoice_id)
{
  RelanceDisputeDialog *self;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *open = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = create (parent, context, invoice_id);
  open = relance_money_to_decimal (self->open);
  today = relance_format_day (relance_context_get_today (context));

  self->causes = relance_desk_list_causes (relance_context_get_database (context), &error);
  if (self->causes == NULL)
    self->causes = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_dispute_cause_free);
  for (guint i = 0; i < self->causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (self->causes, i);
      g_autofree char *name = g_strdup_printf ("%s · %s", cause->code, cause->label);

      gtk_string_list_append (names, name);
    }

  relance_form_build (ADW_WINDOW (self), &self->form, _("Open a Dispute"), _("_Open"), "dispute.save");
  {
    g_autofree char *code = NULL;
    g_autofree char *number = NULL;
    g_autofree char *left = relance_format_money (self->open);
    RelanceInvoiceFields fields;

    relance_desk_get_invoice (relance_context_get_database (context), invoice_id, &fields, &code, &number, NULL, NULL);
    description = g_strdup_printf (_("Invoice %s, %s still open. While the dispute is open, no reminder is "
                                     "sent for it."), number ? number : "", left);
  }
  group = relance_form_add_group (&self->form, NULL, description);

  self->cause_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cause_row), _("_Cause"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->cause_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->cause_row), G_LIST_MODEL (names));
  g_signal_connect_swapped (self->cause_row, "notify::selected", G_CALLBACK (on_cause_changed_cb), self);
  adw_preferences_group_add (group, self->cause_row);

  self->amount_row = relance_form_add_entry (group, _("_Amount disputed"), G_CALLBACK (on_field_changed_cb), self);
  self->date_row = relance_form_add_entry (group, _("_Raised on"), G_CALLBACK (on_field_changed_cb), self);
  self->text_row = relance_form_add_entry (group, _("_What the customer says"), NULL, NULL);
  self->message = relance_form_add_message (&self->form);

  relance_form_set_text (self->amount_row, open);
  relance_form_set_text (self->date_row, today);
  show_department (self);
  validate (self);

  return GTK_WIDGET (self);
}

/**
 * relance_dispute_dialog_new_resolve:
 * @dispute_id: an open dispute
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_dispute_dialog_new_resolve (GtkWindow      *parent,
                                    RelanceContext *context,
                                    gint64          dispute_id)
{
  RelanceDisputeDialog *self;
  AdwPreferencesGroup *group;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  RelanceDisputeRow *dispute = NULL;
  RelanceDatabase *db;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  db = relance_context_get_database (context);

  dispute = relance_desk_get_dispute (db, dispute_id, NULL);

  self = create (parent, context, dispute ? dispute->invoice_id : 0);
  self->dispute_id = dispute_id;
  if (dispute != NULL)
    self->not_before = dispute->opened_on;
  today = relance_format_day (relance_context_get_today (context));

  relance_form_build (ADW_WINDOW (self), &self->form, _("Resolve the Dispute"), _("_Resolve"), "dispute.save");
  if (dispute != NULL)
    {
      g_autofree char *disputed = relance_format_money (dispute->amount);

      description = g_strdup_printf (_("%s: %s disputed, cause %s · %s (%s department)."),
                                     dispute->invoice_number, disputed, dispute->cause_code,
                                     dispute->cause_label, dispute->department);
      number = g_strdup_printf ("AV-%s", dispute->invoice_number);
      amount = relance_money_to_decimal (MIN (dispute->amount, self->open));
    }
  group = relance_form_add_group (&self->form, NULL, description);
  self->date_row = relance_form_add_entry (group, _("_Resolved on"), G_CALLBACK (on_field_changed_cb), self);
  self->text_row = relance_form_add_entry (group, _("_How it was settled"), NULL, NULL);

  group = relance_form_add_group (&self->form, NULL, NULL);
  self->credit_note_row = relance_form_add_switch (group, _("Create a _credit note"),
                                                   _("It is applied to the disputed invoice at once"),
                                                   G_CALLBACK (on_field_changed_cb), self);
  self->number_row = relance_form_add_entry (group, _("Credit note _number"), G_CALLBACK (on_field_changed_cb), self);
  self->credit_amount_row = relance_form_add_entry (group, _("Credit note _amount"), G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);

  relance_form_set_text (self->date_row, today);
  relance_form_set_text (self->number_row, number);
  relance_form_set_text (self->credit_amount_row, amount);
  /* A billing dispute usually ends with a credit note (DOMAIN.md, cause A). */
  gtk_switch_set_active (g_object_get_data (G_OBJECT (self->credit_note_row), "switch"),
                         dispute != NULL && g_ascii_strcasecmp (dispute->cause_code, "A") == 0 && self->open > 0);
  if (self->open <= 0)
    gtk_widget_set_sensitive (self->credit_note_row, FALSE);

  relance_dispute_row_free (dispute);
  validate (self);

  return GTK_WIDGET (self);
}
