/* relance-work-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-desk.h"
#include "relance-form.h"
#include "relance-format.h"
#include "relance-error.h"
#include "relance-letter.h"
#include "relance-letter-data.h"
#include "relance-merge.h"
#include "relance-work-dialog.h"
#include "relance-preferences-window.h"

typedef enum
{
  MODE_SEND,
  MODE_PROMISE,
  MODE_SKIP,
  MODE_POSTPONE,
} Mode;

struct _RelanceWorkDialog
{
  AdwWindow        parent_instance;

  RelanceForm      form;
  GtkWidget       *reason_row;   /* skip, postpone */
  GtkWidget       *until_row;    /* postpone */
  GtkWidget       *note_row;     /* send */
  GtkLabel        *message;

  RelanceContext  *context;
  RelanceWorkRow  *row;
  RelanceDay       date;
  Mode             mode;
  char            *contact;      /* the collections contact's name */
};

enum {
  SAVED,
  CALL,
  POSTPONE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceWorkDialog, relance_work_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* Helpers */

static const RelanceWorkItem *
get_item (RelanceWorkDialog *self)
{
  return relance_work_row_get_item (self->row);
}

static GtkWidget *
new_info_row (const char *title,
              const char *subtitle,
              const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static char *
days_overdue_text (int days)
{
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", days), days);
  if (days == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due in %d day", "due in %d days", -days), -days);
}

/* One row per invoice concerned, and their total. */
static void
add_invoices_group (RelanceWorkDialog *self,
                    const char        *description)
{
  const RelanceWorkItem *item = get_item (self);
  AdwPreferencesGroup *group = relance_form_add_group (&self->form, item->customer_name, description);
  g_autofree char *total = relance_format_money (item->amount);

  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);
      g_autofree char *due = relance_format_day (invoice->due_date);
      g_autofree char *days = days_overdue_text (invoice->days_overdue);
      /* Translators: an invoice's due date and how late it is */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · %s"), due, days);
      g_autofree char *open = relance_format_money (invoice->open);

      adw_preferences_group_add (group, new_info_row (invoice->number, subtitle, open));
    }
  if (item->invoices->len > 1)
    adw_preferences_group_add (group, new_info_row (_("Total"), NULL, total));
}

static RelanceContact *
find_collections_contact (GPtrArray *contacts)
{
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);

      if (contact->is_collections)
        return contact;
    }

  return contacts != NULL && contacts->len > 0 ? g_ptr_array_index (contacts, 0) : NULL;
}

/**
 * relance_work_dialog_dup_mailto:
 * @context: the ledger
 * @row: the worklist item e-mailed
 * @date: the day it is sent
 * @address: where to write
 * @warning: (out) (optional): set to what the e-mail quotes but has no
 *   value for, or %NULL
 *
 * The e-mail is the step's template (an e-mail template when there is
 * one) in the customer's language and tone, merged with their invoices:
 * the same words as a letter, the invoices one per line.
 *
 * Returns: a mailto: URI with the subject and the text, or %NULL with
 *   @error set when the e-mail cannot be written (no template...)
 */
char *
relance_work_dialog_dup_mailto (RelanceContext  *context,
                                RelanceWorkRow  *row,
                                RelanceDay       date,
                                const char      *address,
                                char           **warning,
                                GError         **error)
{
  RelanceDatabase *db;
  const RelanceWorkItem *item;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RelanceLetterData) data = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped_to = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_body = NULL;
  RelanceTemplateKind kind;

  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RELANCE_IS_WORK_ROW (row), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  db = relance_context_get_database (context);
  item = relance_work_row_get_item (row);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), item->invoices->len);
  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);

      g_array_append_val (ids, invoice->invoice_id);
    }

  data = relance_letter_data_get (db, item->customer_id, date, (const gint64 *)(gpointer)ids->data,
                                  ids->len, item->claims_penalties, error);
  if (data == NULL)
    return NULL;
  /* All disputed, paid, or covered by credit notes: no e-mail either. */
  {
    g_autofree char *reason = relance_letter_data_get_nothing_to_claim (data, relance_format_money);

    if (reason != NULL)
      {
        g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, reason);
        return NULL;
      }
  }
  kind = item->template_kind == RELANCE_TEMPLATE_CALL ? RELANCE_TEMPLATE_FIRST_REMINDER : item->template_kind;
  template = relance_templates_find_for_letter (db, kind, data, error);
  if (template == NULL)
    return NULL;
  letter = relance_letter_new (template, data, error);
  if (letter == NULL)
    return NULL;
  text = relance_letter_get_text (letter);

  if (warning != NULL)
    {
      const char * const *empty = relance_letter_get_empty_fields (letter);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      for (guint i = 0; empty[i] != NULL; i++)
        {
          const RelanceMergeField *field = relance_merge_find_field (empty[i]);

          g_ptr_array_add (labels, (gpointer)(field != NULL ? _(field->label) : empty[i]));
        }
      g_ptr_array_add (labels, NULL);
      *warning = NULL;
      if (labels->len > 1)
        {
          g_autofree char *names = g_strjoinv (", ", (GStrv)labels->pdata);

          /* TRANSLATORS: the fields an e-mail quotes that have no value */
          *warning = g_strdup_printf (_("No value for: %s"), names);
        }
    }

  escaped_to = g_uri_escape_string (address, "@", FALSE);
  escaped_subject = g_uri_escape_string (relance_letter_get_subject (letter), NULL, FALSE);
  escaped_body = g_uri_escape_string (text, NULL, FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", escaped_to, escaped_subject, escaped_body);
}

static void
on_write_email_cb (GtkButton         *button,
                   RelanceWorkDialog *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Where the message goes: the collections contact, and the e-mail address
 * or the postal address. */
static void
add_contact_group (RelanceWorkDialog *self)
{
  const RelanceWorkItem *item = get_item (self);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autoptr(GPtrArray) contacts = relance_desk_list_contacts (db, item->customer_id, NULL);
  g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (db, item->customer_id, NULL);
  RelanceContact *contact = find_collections_contact (contacts);
  AdwPreferencesGroup *group = relance_form_add_group (&self->form, _("Send To"), NULL);
  const char *email = NULL;

  if (contact != NULL)
    {
      self->contact = g_strdup (contact->name);
      adw_preferences_group_add (group, new_info_row (contact->name,
                                                      contact->is_collections ? _("Collections contact")
                                                                              : contact->role,
                                                      NULL));
      if (contact->email[0] != '\0')
        email = contact->email;
    }
  if (email == NULL && details != NULL && details->email[0] != '\0')
    email = details->email;

  if (item->group == RELANCE_WORK_EMAIL)
    {
      if (email != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *warning = NULL;
          g_autofree char *uri = relance_work_dialog_dup_mailto (self->context, self->row, self->date,
                                                                 email, &warning, &error);
          GtkWidget *row = new_info_row (email, uri == NULL ? error->message : warning, NULL);
          GtkWidget *write = gtk_button_new_with_mnemonic (_("_Write the E-mail…"));

          gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (write, _("Opens your mail program with the e-mail written from its template"));
          gtk_widget_set_sensitive (write, uri != NULL);
          g_object_set_data_full (G_OBJECT (write), "uri", g_steal_pointer (&uri), g_free);
          g_signal_connect (write, "clicked", G_CALLBACK (on_write_email_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), write);
          adw_preferences_group_add (group, row);
        }
      else
        {
          adw_preferences_group_add (group, new_info_row (_("No e-mail address"),
                                                          _("Add one to the customer’s contacts"), NULL));
        }
    }
  else if (details != NULL)
    {
      g_autofree char *town = g_strjoin (" ", details->postcode, details->city, NULL);
      g_autofree char *address = g_strstrip (g_strjoin ("\n", details->address, g_strstrip (town),
                                                        details->country, NULL));

      adw_preferences_group_add (group, new_info_row (details->name,
                                                      address[0] ? address : _("No postal address"), NULL));
    }
}

/* Validation */

static gboolean
validate (RelanceWorkDialog *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *until_message = NULL;
  const char *message = NULL;
  gboolean valid = TRUE;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  if (self->mode == MODE_SKIP)
    {
      reason = relance_form_dup_text (self->reason_row);
      valid = reason[0] != '\0';
    }
  else if (self->mode == MODE_POSTPONE)
    {
      RelanceDay until = 0;
      gboolean has_until = relance_form_parse_day (self->until_row, &until, &until_message);

      if (has_until && until <= self->date)
        {
          g_autofree char *day = relance_format_day (self->date);

          until_message = g_strdup_printf (_("Choose a day after %s"), day);
        }
      relance_form_set_row_error (self->until_row, until_message != NULL);
      message = until_message;
      valid = has_until && until_message == NULL;
    }

  relance_form_set_message (self->message, message, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "work.save", valid);

  return valid;
}

static void
on_field_changed_cb (RelanceWorkDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

/* Actions */

static gboolean
save_send (RelanceWorkDialog  *self,
           char              **toast,
           GError            **error)
{
  const RelanceWorkItem *item = get_item (self);
  g_autofree char *note = relance_form_dup_text (self->note_row);
  RelanceActionFields fields = { 0 };

  fields.customer_id = item->customer_id;
  fields.date = self->date;
  fields.who = relance_preferences_get_user_name (self->context);
  fields.contact = self->contact;
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.summary = note[0] ? note : NULL;

  switch (item->group)
    {
    case RELANCE_WORK_EMAIL:
      fields.kind = RELANCE_ACTION_EMAIL;
      *toast = g_strdup_printf (_("E-mail to %s recorded"), item->customer_name);
      break;
    case RELANCE_WORK_FORMAL_NOTICE:
      fields.kind = RELANCE_ACTION_FORMAL_NOTICE;
      *toast = g_strdup_printf (_("Formal notice to %s recorded"), item->customer_name);
      break;
    case RELANCE_WORK_LETTER:
    default:
      fields.kind = RELANCE_ACTION_LETTER;
      *toast = g_strdup_printf (_("Letter to %s recorded"), item->customer_name);
      break;
    }

  return relance_actions_record (relance_context_get_database (self->context), &fields, item, error) != 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceWorkDialog *self = RELANCE_WORK_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gboolean saved = FALSE;

  if (!validate (self))
    return;

  switch (self->mode)
    {
    case MODE_SEND:
      saved = save_send (self, &toast, &error);
      break;

    case MODE_SKIP:
      {
        g_autofree char *reason = relance_form_dup_text (self->reason_row);

        saved = relance_worklist_skip (db, item, self->date, reason, &error);
        toast = g_strdup_printf (_("Step skipped for %s"), item->customer_name);
      }
      break;

    case MODE_POSTPONE:
      {
        g_autofree char *reason = relance_form_dup_text (self->reason_row);
        g_autofree char *message = NULL;
        g_autofree char *day = NULL;
        RelanceDay until = 0;

        relance_form_parse_day (self->until_row, &until, &message);
        saved = relance_worklist_postpone (db, item->customer_id, self->date, until,
                                           reason[0] ? reason : NULL, &error);
        day = relance_format_day (until);
        toast = g_strdup_printf (_("%s postponed to %s"), item->customer_name, day);
      }
      break;

    case MODE_PROMISE:
    default:
      /* Its main button calls: see call_action. */
      return;
    }

  if (!saved)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceWorkDialog *self = RELANCE_WORK_DIALOG (widget);

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[CALL], 0);
  g_object_unref (self);
}

static void
postpone_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelanceWorkDialog *self = RELANCE_WORK_DIALOG (widget);

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[POSTPONE], 0);
  g_object_unref (self);
}

/* Overrides */

static void
relance_work_dialog_dispose (GObject *object)
{
  RelanceWorkDialog *self = (RelanceWorkDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->row);

  G_OBJECT_CLASS (relance_work_dialog_parent_class)->dispose (object);
}

static void
relance_work_dialog_finalize (GObject *object)
{
  RelanceWorkDialog *self = (RelanceWorkDialog *)object;

  g_free (self->contact);

  G_OBJECT_CLASS (relance_work_dialog_parent_class)->finalize (object);
}

static void
relance_work_dialog_class_init (RelanceWorkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_work_dialog_dispose;
  object_class->finalize = relance_work_dialog_finalize;

  /**
   * RelanceWorkDialog::saved:
   * @message: what was done, for a toast
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RelanceWorkDialog::call:
   *
   * A promise's dialog asks for the call sheet; the dialog is closed.
   */
  signals[CALL] =
    g_signal_new ("call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RelanceWorkDialog::postpone:
   *
   * A promise's dialog asks to postpone the customer; the dialog is closed.
   */
  signals[POSTPONE] =
    g_signal_new ("postpone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "work.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "work.call", NULL, call_action);
  gtk_widget_class_install_action (widget_class, "work.postpone", NULL, postpone_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_work_dialog_init (RelanceWorkDialog *self)
{
}

static RelanceWorkDialog *
create (GtkWindow      *parent,
        RelanceContext *context,
        RelanceWorkRow *row,
        RelanceDay      date,
        Mode            mode)
{
  RelanceWorkDialog *self = g_object_new (RELANCE_TYPE_WORK_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->row = g_object_ref (row);
  self->date = date;
  self->mode = mode;

  return self;
}

#define CHECK_ARGS() G_STMT_START { \
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL); \
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL); \
  g_return_val_if_fail (RELANCE_IS_WORK_ROW (row), NULL); \
} G_STMT_END

/**
 * relance_work_dialog_new_send:
 * @row: an item of the E-mails, Letters or Formal notices group
 * @date: the day of the worklist; the action is recorded on it
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_work_dialog_new_send (GtkWindow      *parent,
                              RelanceContext *context,
                              RelanceWorkRow *row,
                              RelanceDay      date)
{
  RelanceWorkDialog *self;
  const RelanceWorkItem *item;
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  const char *title;

  CHECK_ARGS ();

  self = create (parent, context, row, date, MODE_SEND);
  item = get_item (self);
  switch (item->group)
    {
    case RELANCE_WORK_EMAIL:
      title = _("Send an E-mail");
      break;
    case RELANCE_WORK_FORMAL_NOTICE:
      title = _("Send a Formal Notice");
      break;
    case RELANCE_WORK_LETTER:
    default:
      title = _("Send a Letter");
      break;
    }

  relance_form_build (ADW_WINDOW (self), &self->form, title, _("Mark as _Sent"), "work.save");
  description = relance_work_item_describe (item);
  add_invoices_group (self, description);
  add_contact_group (self);
  group = relance_form_add_group (&self->form, NULL, NULL);
  self->note_row = relance_form_add_entry (group, _("_Note for the history"), NULL, NULL);
  self->message = relance_form_add_message (&self->form);
  validate (self);

  return GTK_WIDGET (self);
}

/* The promise that came due: when it was made, and what was paid since. */
static void
add_promise_groups (RelanceWorkDialog *self)
{
  const RelanceWorkItem *item = get_item (self);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (db, item->customer_id, relance_context_get_today (self->context), 200, NULL);
  g_autoptr(GPtrArray) payments = relance_desk_list_payments (db, item->customer_id, 20, NULL);
  g_autofree char *amount = relance_format_money (item->promise_amount);
  g_autofree char *by = relance_format_day (item->promise_date);
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  RelanceDay made = 0;
  guint n_shown = 0;

  for (guint i = 0; timeline != NULL && i < timeline->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == RELANCE_TIMELINE_PROMISE && entry->id == item->promise_id)
        made = entry->date;
    }

  if (made != 0)
    {
      g_autofree char *on = relance_format_day (made);

      description = g_strdup_printf (_("On %s, %s promised to pay %s by %s."), on, item->customer_name, amount, by);
    }
  else
    {
      description = g_strdup_printf (_("%s promised to pay %s by %s."), item->customer_name, amount, by);
    }
  add_invoices_group (self, description);

  group = relance_form_add_group (&self->form, _("Payments Since the Promise"), NULL);
  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      RelancePaymentRow *payment = g_ptr_array_index (payments, i);
      g_autofree char *paid = NULL;
      g_autofree char *day = NULL;

      if (made != 0 && payment->date < made)
        continue;
      paid = relance_format_money (payment->amount);
      day = relance_format_day (payment->date);
      adw_preferences_group_add (group, new_info_row (day, payment->invoices, paid));
      n_shown++;
    }
  if (n_shown == 0)
    adw_preferences_group_add (group, new_info_row (_("No payment received since"), NULL, NULL));
}

/**
 * relance_work_dialog_new_promise:
 * @row: an item of the Promises group
 *
 * Its buttons emit ::call or ::postpone.
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_work_dialog_new_promise (GtkWindow      *parent,
                                 RelanceContext *context,
                                 RelanceWorkRow *row,
                                 RelanceDay      date)
{
  RelanceWorkDialog *self;
  GtkWidget *postpone;
  GtkWidget *box;

  CHECK_ARGS ();

  self = create (parent, context, row, date, MODE_PROMISE);
  relance_form_build (ADW_WINDOW (self), &self->form, _("Promise Due"), _("_Call…"), "work.call");
  add_promise_groups (self);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  postpone = gtk_button_new_with_mnemonic (_("_Postpone…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (postpone), "work.postpone");
  gtk_widget_add_css_class (postpone, "pill");
  gtk_box_append (GTK_BOX (box), postpone);
  gtk_box_append (self->form.content, box);
  self->message = relance_form_add_message (&self->form);

  return GTK_WIDGET (self);
}

/**
 * relance_work_dialog_new_skip:
 * @row: an item with a step to do
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_work_dialog_new_skip (GtkWindow      *parent,
                              RelanceContext *context,
                              RelanceWorkRow *row,
                              RelanceDay      date)
{
  RelanceWorkDialog *self;
  AdwPreferencesGroup *group;
  g_autofree char *numbers = NULL;
  g_autofree char *step = NULL;
  g_autofree char *description = NULL;

  CHECK_ARGS ();

  self = create (parent, context, row, date, MODE_SKIP);
  numbers = relance_work_row_dup_numbers (row);
  step = relance_work_row_dup_step (row);
  description = g_strdup_printf (_("%s: the step “%s” will not be asked again for %s."),
                                 get_item (self)->customer_name, step, numbers);

  relance_form_build (ADW_WINDOW (self), &self->form, _("Skip the Step"), _("_Skip"), "work.save");
  group = relance_form_add_group (&self->form, NULL, description);
  self->reason_row = relance_form_add_entry (group, _("_Reason"), G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);
  validate (self);

  return GTK_WIDGET (self);
}

/**
 * relance_work_dialog_new_postpone:
 * @row: an item of the worklist
 * @date: the day of the worklist; the customer comes back after it
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_work_dialog_new_postpone (GtkWindow      *parent,
                                  RelanceContext *context,
                                  RelanceWorkRow *row,
                                  RelanceDay      date)
{
  RelanceWorkDialog *self;
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;
  g_autofree char *week = NULL;

  CHECK_ARGS ();

  self = create (parent, context, row, date, MODE_POSTPONE);
  description = g_strdup_printf (_("%s leaves the worklist until the day chosen, such as 30/11/2026 or 2026-11-30."),
                                 get_item (self)->customer_name);
  week = relance_format_day (date + 7);

  relance_form_build (ADW_WINDOW (self), &self->form, _("Postpone"), _("_Postpone"), "work.save");
  group = relance_form_add_group (&self->form, NULL, description);
  self->until_row = relance_form_add_entry (group, _("_Until"), G_CALLBACK (on_field_changed_cb), self);
  self->reason_row = relance_form_add_entry (group, _("_Reason (optional)"), NULL, NULL);
  self->message = relance_form_add_message (&self->form);
  relance_form_set_text (self->until_row, week);
  validate (self);

  return GTK_WIDGET (self);
}
