/* relance-payment-dialog.c
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
#include "relance-money.h"

/* The oldest open invoices get a row each; any other one gets its row when
 * the user types its number. */
#define MAX_ROWS 60

static const char * const methods[] = { "transfer", "cheque", "card", "cash", "direct_debit" };

struct _RelancePaymentDialog
{
  AdwWindow       parent_instance;

  RelanceForm     form;
  GtkWidget      *date_row;
  GtkWidget      *amount_row;
  GtkWidget      *method_row;
  GtkWidget      *reference_row;
  GtkLabel       *payment_message;
  GtkLabel       *allocation_message;
  GPtrArray      *rows;           /* GtkWidget, one per item */
  GPtrArray      *items;          /* RelanceAllocation, one per row */
  GPtrArray      *others;         /* RelanceAllocation: open, without a row yet */
  AdwPreferencesGroup *invoices_group;
  GtkWidget      *find_row;

  RelanceContext *context;
  gint64          customer_id;
  gint64          credit_note_id; /* 0 for a payment */
  gint64          credit_note_open;
  RelanceDay      credit_note_date;
  gint64          payment_id;     /* a payment on account to allocate; 0 for none */
  gint64          payment_open;   /* what of it is on account */
  RelanceDay      payment_date;
  gboolean        allocation_edited;
  gboolean        setting;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelancePaymentDialog, relance_payment_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* What is to be allocated: the payment typed, the credit note's open
 * balance, or what a payment left on account; -1 when the amount typed is
 * not an amount. */
static gint64
get_available (RelancePaymentDialog *self)
{
  g_autofree char *message = NULL;
  gint64 amount = 0;

  if (self->credit_note_id != 0)
    return self->credit_note_open;
  if (self->payment_id != 0)
    return self->payment_open;
  if (!relance_form_parse_amount (self->amount_row, &amount, &message))
    return -1;

  return amount;
}

/* Oldest first: each invoice takes what it can until nothing is left. */
static void
propose (RelancePaymentDialog *self)
{
  gint64 left = MAX (get_available (self), 0);

  self->setting = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      RelanceAllocation *item = g_ptr_array_index (self->items, i);
      gint64 part = MIN (left, item->open);
      g_autofree char *text = part > 0 ? relance_money_to_decimal (part) : g_strdup ("");

      relance_form_set_text (g_ptr_array_index (self->rows, i), text);
      left -= part;
    }
  self->setting = FALSE;
}

static gboolean
validate (RelancePaymentDialog *self)
{
  g_autofree char *date_message = NULL;
  g_autofree char *amount_message = NULL;
  g_autofree char *row_message = NULL;
  g_autofree char *summary = NULL;
  RelanceDay date = 0;
  gint64 available;
  gint64 total = 0;
  gboolean has_date;
  gboolean has_amount;
  gboolean rows_ok = TRUE;
  gboolean valid;

  /* Rows still being built. */
  if (self->allocation_message == NULL)
    return FALSE;

  available = get_available (self);
  has_amount = available > 0;


  has_date = relance_form_parse_day (self->date_row, &date, &date_message);
  if (self->payment_id != 0 && has_date && date < self->payment_date)
    {
      g_autofree char *received = relance_format_day (self->payment_date);

      date_message = g_strdup_printf (_("The payment was received on %s: it cannot settle invoices before that day"),
                                      received);
      has_date = FALSE;
    }
  if (self->credit_note_id == 0 && self->payment_id == 0)
    {
      gint64 amount = 0;

      has_amount = relance_form_parse_amount (self->amount_row, &amount, &amount_message);
      if (has_amount && amount <= 0 && amount_message == NULL)
        amount_message = g_strdup (_("A payment must be more than zero"));
      if (has_amount && amount > RELANCE_MONEY_MAX && amount_message == NULL)
        amount_message = g_strdup (_("The amount is too large"));
      has_amount = has_amount && amount_message == NULL;
      relance_form_set_row_error (self->amount_row, amount_message != NULL);
    }
  relance_form_set_row_error (self->date_row, date_message != NULL);
  relance_form_set_message (self->payment_message,
                            date_message ? date_message : amount_message,
                            "error");

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      RelanceAllocation *item = g_ptr_array_index (self->items, i);
      g_autofree char *message = NULL;
      gint64 part = 0;
      gboolean bad = FALSE;

      if (relance_form_parse_amount (row, &part, &message))
        {
          if (part < 0)
            message = g_strdup_printf (_("%s: an allocation cannot be negative"), item->number);
          else if (part > item->open)
            {
              g_autofree char *open = relance_format_money (item->open);

              message = g_strdup_printf (_("%s: only %s is still open on this invoice"), item->number, open);
            }
          else
            total += part;
        }
      else if (message != NULL)
        {
          g_autofree char *why = g_steal_pointer (&message);

          message = g_strdup_printf ("%s: %s", item->number, why);
        }

      bad = message != NULL;
      relance_form_set_row_error (row, bad);
      if (bad && row_message == NULL)
        row_message = g_steal_pointer (&message);
      rows_ok = rows_ok && !bad;
      item->amount = bad ? 0 : part;
    }

  if (!rows_ok)
    {
      relance_form_set_message (self->allocation_message, row_message, "error");
    }
  else if (has_amount && total > available)
    {
      g_autofree char *allocated = relance_format_money (total);
      g_autofree char *limit = relance_format_money (available);

      if (self->credit_note_id)
        summary = g_strdup_printf (_("%s allocated is more than the %s left on the credit note"), allocated, limit);
      else if (self->payment_id)
        summary = g_strdup_printf (_("%s allocated is more than the %s on the customer’s account"), allocated, limit);
      else
        summary = g_strdup_printf (_("%s allocated is more than the payment of %s"), allocated, limit);
      relance_form_set_message (self->allocation_message, summary, "error");
      rows_ok = FALSE;
    }
  else if (has_amount)
    {
      g_autofree char *allocated = relance_format_money (total);
      g_autofree char *left = relance_format_money (available - total);

      if (available == total)
        summary = g_strdup_printf (_("%s allocated in full"), allocated);
      else if (self->credit_note_id)
        summary = g_strdup_printf (_("%s allocated; %s stays on the credit note"), allocated, left);
      else
        summary = g_strdup_printf (_("%s allocated; %s stays on the customer’s account"), allocated, left);
      relance_form_set_message (self->allocation_message, summary, NULL);
    }
  else
    {
      relance_form_set_message (self->allocation_message, NULL, NULL);
    }

  valid = has_date && has_amount && rows_ok &&
          ((self->credit_note_id == 0 && self->payment_id == 0) || total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.save", valid);

  return valid;
}

static void
on_amount_changed_cb (RelancePaymentDialog *self)
{
  if (!self->allocation_edited)
    propose (self);
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
on_allocation_changed_cb (RelancePaymentDialog *self)
{
  if (!self->setting)
    self->allocation_edited = TRUE;
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static GtkWidget *
add_invoice_row (RelancePaymentDialog *self,
                 RelanceAllocation    *item)
{
  g_autofree char *due = relance_format_day (item->due_date);
  g_autofree char *open = relance_format_money (item->open);
  g_autofree char *row_title = g_strdup_printf (_("%s, due %s, %s open"), item->number, due, open);
  GtkWidget *row = relance_form_add_entry (self->invoices_group, row_title,
                                           G_CALLBACK (on_allocation_changed_cb), self);

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* The number typed in the last row: that open invoice gets a row of its
 * own, with the focus, ready for an amount. */
static void
on_find_apply_cb (RelancePaymentDialog *self)
{
  g_autofree char *typed = relance_form_dup_text (self->find_row);
  g_autofree char *wanted = g_utf8_casefold (g_strstrip (typed), -1);
  GtkWidget *row;

  if (*wanted == '\0')
    return;

  for (guint i = 0; i < self->others->len; i++)
    {
      RelanceAllocation *item = g_ptr_array_index (self->others, i);
      g_autofree char *number = g_utf8_casefold (item->number, -1);

      if (!g_str_equal (number, wanted))
        continue;

      g_ptr_array_add (self->items, g_ptr_array_steal_index (self->others, i));
      row = add_invoice_row (self, item);
      relance_form_set_text (self->find_row, "");
      relance_form_set_row_error (self->find_row, FALSE);
      gtk_widget_set_visible (self->find_row, self->others->len > 0);
      gtk_widget_grab_focus (row);
      validate (self);
      return;
    }

  relance_form_set_row_error (self->find_row, TRUE);
  {
    g_autofree char *message = NULL;

    for (guint i = 0; i < self->items->len; i++)
      {
        RelanceAllocation *item = g_ptr_array_index (self->items, i);
        g_autofree char *number = g_utf8_casefold (item->number, -1);

        if (g_str_equal (number, wanted))
          message = g_strdup_printf (_("%s is already in the list above"), item->number);
      }
    if (message == NULL)
      message = g_strdup_printf (_("This customer has no open invoice numbered “%s”"), typed);
    relance_form_set_message (self->allocation_message, message, "error");
  }
}

static void
on_field_changed_cb (RelancePaymentDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelancePaymentDialog *self = RELANCE_PAYMENT_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autofree char *reference = self->reference_row ? relance_form_dup_text (self->reference_row) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDay date = 0;
  gint64 id;

  if (!validate (self))
    return;

  relance_form_parse_day (self->date_row, &date, &message);

  if (self->credit_note_id != 0)
    id = relance_desk_apply_credit_note (db, self->credit_note_id, date, self->items, &error)
         ? self->credit_note_id : 0;
  else if (self->payment_id != 0)
    id = relance_desk_allocate_payment (db, self->payment_id, date, self->items, &error)
         ? self->payment_id : 0;
  else
    id = relance_desk_add_payment (db, self->customer_id, date, get_available (self),
                                   methods[adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row))],
                                   reference, self->items, &error);

  if (id == 0)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_payment_dialog_dispose (GObject *object)
{
  RelancePaymentDialog *self = (RelancePaymentDialog *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->others, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_payment_dialog_parent_class)->dispose (object);
}

static void
relance_payment_dialog_class_init (RelancePaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_payment_dialog_dispose;

  /**
   * RelancePaymentDialog::saved:
   * @id: the payment recorded or allocated, or the credit note applied
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "payment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_payment_dialog_init (RelancePaymentDialog *self)
{
  self->rows = g_ptr_array_new ();
}

/* A payment to record (@credit_note_id and @payment are 0 and NULL), a
 * credit note to apply, or what @payment left on account to allocate. */
static RelancePaymentDialog *
create_dialog (GtkWindow         *parent,
               RelanceContext    *context,
               gint64             customer_id,
               gint64             credit_note_id,
               RelancePaymentRow *payment)
{
  RelancePaymentDialog *self;
  RelanceDatabase *db;
  AdwPreferencesGroup *group;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  const char *date_title;

  self = g_object_new (RELANCE_TYPE_PAYMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->customer_id = customer_id;
  self->credit_note_id = credit_note_id;
  db = relance_context_get_database (context);
  date_text = relance_format_day (relance_context_get_today (context));
  date_title = credit_note_id ? _("_Date applied") : _("_Date received");

  if (payment != NULL)
    {
      g_autofree char *amount = relance_format_money (payment->amount);
      g_autofree char *received = relance_format_day (payment->date);
      g_autofree char *open = relance_format_money (payment->unallocated);

      self->payment_id = payment->id;
      self->payment_open = payment->unallocated;
      self->payment_date = payment->date;
      /* The invoices were paid when the money came, unless the user says
       * otherwise: interest stops on that day. */
      g_free (date_text);
      date_text = g_strdup (received);
      title = g_strdup (_("Allocate a Payment"));
      description = g_strdup_printf (_("Of the payment of %s received on %s, %s is on the customer’s account. "
                                       "The invoices count as paid on the day below."),
                                     amount, received, open);
      date_title = _("_Invoices paid on");
    }
  else if (credit_note_id != 0)
    {
      g_autofree char *code = NULL;
      g_autofree char *number = NULL;
      g_autofree char *open = NULL;
      RelanceInvoiceFields fields = { 0 };
      gint64 allocated = 0;

      if (relance_desk_get_invoice (db, credit_note_id, &fields, &code, &number, &allocated, NULL))
        self->credit_note_open = fields.amount - allocated;
      open = relance_format_money (self->credit_note_open);
      title = g_strdup_printf (_("Apply Credit Note %s"), number ? number : "");
      description = g_strdup_printf (_("%s of this credit note is left to settle invoices with."), open);
    }

  relance_form_build (ADW_WINDOW (self), &self->form,
                      title ? title : _("Record a Payment"),
                      credit_note_id ? _("_Apply") : payment ? _("_Allocate") : _("_Record"),
                      "payment.save");

  group = relance_form_add_group (&self->form, NULL, description);
  self->date_row = relance_form_add_entry (group, date_title, G_CALLBACK (on_field_changed_cb), self);
  relance_form_set_text (self->date_row, date_text);
  if (credit_note_id == 0 && payment == NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, C_("payment method", "Transfer"));
      gtk_string_list_append (names, C_("payment method", "Cheque"));
      gtk_string_list_append (names, C_("payment method", "Card"));
      gtk_string_list_append (names, C_("payment method", "Cash"));
      gtk_string_list_append (names, C_("payment method", "Direct debit"));

      self->amount_row = relance_form_add_entry (group, _("_Amount received"), G_CALLBACK (on_amount_changed_cb), self);
      self->method_row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row), _("_Method"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->method_row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (self->method_row), G_LIST_MODEL (names));
      adw_preferences_group_add (group, self->method_row);
      self->reference_row = relance_form_add_entry (group, _("_Reference"), NULL, NULL);
    }
  self->payment_message = relance_form_add_message (&self->form);

  self->items = relance_desk_propose_allocation (db, customer_id, 0, &error);
  if (self->items == NULL)
    {
      relance_form_show_error (&self->form, error->message);
      self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
    }
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  while (self->items->len > MAX_ROWS)
    g_ptr_array_add (self->others, g_ptr_array_steal_index (self->items, MAX_ROWS));

  /* What is allocated and what is left, above the invoices, in sight. */
  self->allocation_message = relance_form_add_message (&self->form);

  group = relance_form_add_group (&self->form, _("Invoices Settled"),
                                  self->items->len > 0
                                  ? _("The oldest invoices are settled first. Change any amount; leave it "
                                      "empty to settle nothing on that invoice.")
                                  : payment != NULL
                                  ? _("No invoice is open: add the invoice this payment is for, then allocate it.")
                                  : _("No invoice is open: the whole amount stays on the customer’s account."));
  self->invoices_group = group;
  for (guint i = 0; i < self->items->len; i++)
    add_invoice_row (self, g_ptr_array_index (self->items, i));

  /* A customer with many open invoices: the others are found by number. */
  if (self->others->len > 0)
    {
      g_autofree char *others_description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more open invoice is not listed above: type its number to settle it too.",
                                      "%u more open invoices are not listed above: type the number of one to settle it too.",
                                      self->others->len),
                         self->others->len);
      AdwPreferencesGroup *find_group = relance_form_add_group (&self->form, NULL, others_description);

      self->find_row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->find_row), _("Another invoice’s number"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->find_row), TRUE);
      g_signal_connect_swapped (self->find_row, "apply", G_CALLBACK (on_find_apply_cb), self);
      g_signal_connect_swapped (self->find_row, "entry-activated", G_CALLBACK (on_find_apply_cb), self);
      adw_preferences_group_add (find_group, self->find_row);
    }

  if (credit_note_id != 0 || payment != NULL)
    propose (self);
  gtk_widget_grab_focus (self->amount_row ? self->amount_row : self->date_row);
  validate (self);

  return self;
}

/**
 * relance_payment_dialog_new:
 * @customer_id: who paid, or whose credit note it is
 * @credit_note_id: a credit note to apply to invoices; 0 to record a payment
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_payment_dialog_new (GtkWindow      *parent,
                            RelanceContext *context,
                            gint64          customer_id,
                            gint64          credit_note_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  return GTK_WIDGET (create_dialog (parent, context, customer_id, credit_note_id, NULL));
}

/**
 * relance_payment_dialog_new_allocate:
 * @payment_id: a payment with money on the customer's account
 * @error: why there is nothing to allocate
 *
 * The allocation part of the payment dialog, for what a payment left on
 * account once the user knows which invoices it pays: the oldest open
 * invoices are proposed first, dated the day the payment was received.
 *
 * Returns: (transfer none) (nullable): the dialog, which destroys itself
 *   when closed; %NULL with @error set when the payment no longer exists
 *   or has nothing on account
 */
GtkWidget *
relance_payment_dialog_new_allocate (GtkWindow       *parent,
                                     RelanceContext  *context,
                                     gint64           payment_id,
                                     GError         **error)
{
  g_autoptr(RelancePaymentRow) payment = NULL;
  gint64 customer_id = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  payment = relance_desk_get_payment (relance_context_get_database (context), payment_id, &customer_id, error);
  if (payment == NULL)
    return NULL;
  if (payment->unallocated <= 0)
    {
      g_autofree char *amount = relance_format_money (payment->amount);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The payment of %s is already allocated in full"), amount);
      return NULL;
    }

  return GTK_WIDGET (create_dialog (parent, context, customer_id, 0, payment));
}
