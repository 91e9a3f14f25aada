/* relance-proceedings-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-claim-declaration.h"
#include "relance-form.h"
#include "relance-format.h"
#include "relance-money.h"
#include "relance-proceedings-dialog.h"
#include "relance-proceedings.h"

struct _RelanceProceedingsDialog
{
  AdwWindow           parent_instance;

  RelanceForm         form;
  GtkLabel           *message;
  /* Opening */
  GtkWidget          *kind_row;
  GtkWidget          *judgment_row;
  GtkWidget          *court_row;
  GtkWidget          *bodacc_row;
  GtkWidget          *mandataire_row;
  GtkWidget          *address_row;
  GtkWidget          *abroad_row;
  /* Closing */
  GtkWidget          *outcome_row;
  GtkWidget          *date_row;
  GtkWidget          *write_off_row;
  GtkWidget          *vat_row;

  RelanceContext     *context;
  gint64              customer_id;
  RelanceProceedings *open;          /* closing them; NULL when opening */
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceProceedingsDialog, relance_proceedings_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
switch_is_active (GtkWidget *row)
{
  return row != NULL && gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "switch"));
}

/* "12 rue X, 75001 Paris" -> one line each. */
static char *
address_lines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ",\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", parts[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
validate_open (RelanceProceedingsDialog *self)
{
  g_autofree char *judgment_message = NULL;
  g_autofree char *bodacc_message = NULL;
  g_autofree char *name = relance_form_dup_text (self->mandataire_row);
  RelanceDay judgment = 0, bodacc = 0;
  RelanceDay today = relance_context_get_today (self->context);
  gboolean has_judgment, has_bodacc;
  gboolean future, early;
  const char *message = NULL;
  g_autofree char *deadline_text = NULL;

  has_judgment = relance_form_parse_day (self->judgment_row, &judgment, &judgment_message);
  has_bodacc = relance_form_parse_day (self->bodacc_row, &bodacc, &bodacc_message);
  future = has_judgment && judgment > today;
  early = has_judgment && has_bodacc && bodacc < judgment;

  relance_form_set_row_error (self->judgment_row, judgment_message != NULL || future);
  relance_form_set_row_error (self->bodacc_row, bodacc_message != NULL || early);

  if (judgment_message != NULL)
    message = judgment_message;
  else if (future)
    message = _("The judgment cannot be in the future");
  else if (bodacc_message != NULL)
    message = bodacc_message;
  else if (early)
    message = _("The BODACC publication cannot be before the judgment");

  if (message != NULL)
    relance_form_set_message (self->message, message, "error");
  else if (has_bodacc && has_judgment)
    {
      g_autofree char *deadline = relance_format_day (relance_proceedings_get_deadline (bodacc,
                                                                                      switch_is_active (self->abroad_row)));

      deadline_text = g_strdup_printf (_("Declare the claim to the mandataire before %s"), deadline);
      relance_form_set_message (self->message, deadline_text, NULL);
    }
  else
    relance_form_set_message (self->message, NULL, NULL);

  return has_judgment && has_bodacc && !future && !early && name[0] != '\0';
}

static gboolean
validate_close (RelanceProceedingsDialog *self)
{
  g_autofree char *date_message = NULL;
  g_autofree char *vat_message = NULL;
  RelanceDay date = 0;
  gint64 vat = 0;
  gboolean closed = adw_combo_row_get_selected (ADW_COMBO_ROW (self->outcome_row)) == 1;
  gboolean has_date, has_vat = TRUE, early;
  const char *message = NULL;

  has_date = relance_form_parse_day (self->date_row, &date, &date_message);
  early = has_date && date < self->open->judgment_date;
  gtk_widget_set_sensitive (self->write_off_row, closed);
  gtk_widget_set_visible (self->vat_row, closed && switch_is_active (self->write_off_row));
  if (gtk_widget_get_visible (self->vat_row))
    {
      has_vat = relance_form_parse_amount (self->vat_row, &vat, &vat_message);
      if (has_vat && (vat < 0 || vat > 10000))
        {
          vat_message = g_strdup (_("A VAT rate is between 0 and 100 %"));
          has_vat = FALSE;
        }
    }

  relance_form_set_row_error (self->date_row, date_message != NULL || early);
  relance_form_set_row_error (self->vat_row, vat_message != NULL);
  if (date_message != NULL)
    message = date_message;
  else if (early)
    message = _("The proceedings cannot end before their judgment");
  else if (vat_message != NULL)
    message = vat_message;
  relance_form_set_message (self->message, message, "error");

  return has_date && !early && has_vat;
}

static gboolean
validate (RelanceProceedingsDialog *self)
{
  gboolean valid;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  valid = self->open != NULL ? validate_close (self) : validate_open (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proceedings.save", valid);

  return valid;
}

/* Callbacks */

static void
on_field_changed_cb (RelanceProceedingsDialog *self)
{
  relance_form_show_error (&self->form, NULL);
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceProceedingsDialog *self = RELANCE_PROCEEDINGS_DIALOG (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *text = NULL;
  gboolean saved;

  if (!validate (self))
    return;

  if (self->open == NULL)
    {
      g_autofree char *court = relance_form_dup_text (self->court_row);
      g_autofree char *name = relance_form_dup_text (self->mandataire_row);
      g_autofree char *typed = relance_form_dup_text (self->address_row);
      g_autofree char *address = address_lines (typed);
      g_autofree char *deadline = NULL;
      RelanceProceedingsFields fields = { 0 };

      fields.kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
      relance_form_parse_day (self->judgment_row, &fields.judgment_date, &ignored);
      g_clear_pointer (&ignored, g_free);
      relance_form_parse_day (self->bodacc_row, &fields.bodacc_date, &ignored);
      fields.court = court;
      fields.mandataire_name = name;
      fields.mandataire_address = address;
      fields.abroad = switch_is_active (self->abroad_row);
      saved = relance_proceedings_open (db, self->customer_id, &fields,
                                        relance_context_get_today (self->context), &error) != 0;
      deadline = relance_format_day (relance_proceedings_get_deadline (fields.bodacc_date, fields.abroad));
      text = g_strdup_printf (_("Proceedings recorded: declare the claim before %s"), deadline);
    }
  else
    {
      RelanceProceedingsOutcome outcome = adw_combo_row_get_selected (ADW_COMBO_ROW (self->outcome_row)) == 1
                                          ? RELANCE_PROCEEDINGS_CLOSED : RELANCE_PROCEEDINGS_PLAN;
      gboolean write_off = outcome == RELANCE_PROCEEDINGS_CLOSED && switch_is_active (self->write_off_row);
      RelanceDay date = 0;
      gint64 vat = RELANCE_PROCEEDINGS_DEFAULT_VAT_RATE;

      relance_form_parse_day (self->date_row, &date, &ignored);
      g_clear_pointer (&ignored, g_free);
      if (write_off)
        relance_form_parse_amount (self->vat_row, &vat, &ignored);
      saved = relance_proceedings_close (db, self->customer_id, outcome, date, write_off, (int) vat, &error);
      text = g_strdup (outcome == RELANCE_PROCEEDINGS_PLAN ? _("Proceedings ended: plan adopted")
                                                           : _("Proceedings ended: closed for lack of assets"));
    }

  if (!saved)
    {
      relance_form_show_error (&self->form, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
relance_proceedings_dialog_dispose (GObject *object)
{
  RelanceProceedingsDialog *self = (RelanceProceedingsDialog *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->open, relance_proceedings_free);

  G_OBJECT_CLASS (relance_proceedings_dialog_parent_class)->dispose (object);
}

static void
relance_proceedings_dialog_class_init (RelanceProceedingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_proceedings_dialog_dispose;

  /**
   * RelanceProceedingsDialog::saved:
   * @message: what was recorded, for a toast
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "proceedings.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_proceedings_dialog_init (RelanceProceedingsDialog *self)
{
}

/* Public API */

static void
build_open (RelanceProceedingsDialog *self)
{
  const char * const kinds[] = {
    relance_proceedings_kind_get_label (RELANCE_PROCEEDINGS_SAUVEGARDE),
    relance_proceedings_kind_get_label (RELANCE_PROCEEDINGS_REDRESSEMENT),
    relance_proceedings_kind_get_label (RELANCE_PROCEEDINGS_LIQUIDATION),
    NULL
  };
  g_autoptr(GtkStringList) names = gtk_string_list_new (kinds);
  AdwPreferencesGroup *group;

  relance_form_build (ADW_WINDOW (self), &self->form, _("Insolvency Proceedings"), _("_Record"),
                      "proceedings.save");
  group = relance_form_add_group (&self->form, NULL,
                                  _("From the judgment, the invoices issued before it are no longer "
                                    "reminded and their interest stops: the claim is declared to the "
                                    "mandataire within two months of the BODACC publication."));
  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), RELANCE_PROCEEDINGS_REDRESSEMENT);
  adw_preferences_group_add (group, self->kind_row);
  self->judgment_row = relance_form_add_entry (group, _("_Judgment of"), G_CALLBACK (on_field_changed_cb), self);
  self->court_row = relance_form_add_entry (group, _("_Court"), NULL, NULL);
  self->bodacc_row = relance_form_add_entry (group, _("Published in the _BODACC on"),
                                             G_CALLBACK (on_field_changed_cb), self);

  group = relance_form_add_group (&self->form, _("Mandataire Judiciaire or Liquidateur"), NULL);
  self->mandataire_row = relance_form_add_entry (group, _("_Name"), G_CALLBACK (on_field_changed_cb), self);
  self->address_row = relance_form_add_entry (group, _("_Address (lines separated by commas)"), NULL, NULL);
  self->abroad_row = relance_form_add_switch (group, _("You are outside _metropolitan France"),
                                              _("Four months to declare instead of two"),
                                              G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);
}

static void
build_close (RelanceProceedingsDialog *self)
{
  const char * const outcomes[] = { _("Plan adopted by the court"), _("Closed for lack of assets"), NULL };
  g_autoptr(GtkStringList) names = gtk_string_list_new (outcomes);
  g_autofree char *judgment = relance_format_day (self->open->judgment_date);
  g_autofree char *today = relance_format_day (relance_context_get_today (self->context));
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;

  description = g_strdup_printf (_("%s since the judgment of %s. Mandataire: %s."),
                                 relance_proceedings_kind_get_label (self->open->kind), judgment,
                                 self->open->mandataire_name);

  relance_form_build (ADW_WINDOW (self), &self->form, _("End of the Proceedings"), _("_Record"),
                      "proceedings.save");
  group = relance_form_add_group (&self->form, NULL, description);
  self->outcome_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), _("_Outcome"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->outcome_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->outcome_row), G_LIST_MODEL (names));
  g_signal_connect_swapped (self->outcome_row, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  adw_preferences_group_add (group, self->outcome_row);
  self->date_row = relance_form_add_entry (group, _("_Ended on"), G_CALLBACK (on_field_changed_cb), self);

  group = relance_form_add_group (&self->form, NULL, NULL);
  self->write_off_row = relance_form_add_switch (group, _("_Write the debt off as irrecoverable"),
                                                 _("What is still open of the invoices issued before the "
                                                   "judgment, with the VAT it includes for your accountant"),
                                                 G_CALLBACK (on_field_changed_cb), self);
  self->vat_row = relance_form_add_entry (group, _("_VAT rate (%)"), G_CALLBACK (on_field_changed_cb), self);
  self->message = relance_form_add_message (&self->form);

  relance_form_set_text (self->date_row, today);
  relance_form_set_text (self->vat_row, "20");
}

/**
 * relance_proceedings_dialog_new:
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_proceedings_dialog_new (GtkWindow      *parent,
                                RelanceContext *context,
                                gint64          customer_id)
{
  RelanceProceedingsDialog *self;
  g_autoptr(RelanceProceedings) current = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_PROCEEDINGS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->customer_id = customer_id;

  current = relance_proceedings_get_for_customer (relance_context_get_database (context), customer_id,
                                                  relance_context_get_today (context), NULL);
  if (current != NULL && current->outcome == RELANCE_PROCEEDINGS_OPEN)
    self->open = g_steal_pointer (&current);

  if (self->open != NULL)
    build_close (self);
  else
    build_open (self);
  validate (self);

  return GTK_WIDGET (self);
}

gboolean
relance_proceedings_fill_list (GtkListBox     *list,
                               RelanceContext *context,
                               gint64          customer_id)
{
  g_autoptr(RelanceProceedings) p = NULL;
  g_autofree char *judgment = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  RelanceDay today;
  GtkWidget *row;
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (context == NULL || customer_id == 0)
    return FALSE;

  today = relance_context_get_today (context);
  p = relance_proceedings_get_for_customer (relance_context_get_database (context), customer_id, today, NULL);
  if (p == NULL)
    return FALSE;

  judgment = relance_format_day (p->judgment_date);
  title = g_strdup_printf (_("%s since %s"), relance_proceedings_kind_get_label (p->kind), judgment);
  if (p->outcome == RELANCE_PROCEEDINGS_OPEN && !p->claim_declared)
    {
      g_autofree char *deadline = relance_format_day (today > p->deadline ? p->relief_deadline : p->deadline);

      subtitle = today > p->deadline
                 ? g_strdup_printf (_("The deadline to declare has passed: ask for relief from forclusion before %s. "
                                      "Invoices issued before the judgment are not reminded."), deadline)
                 : g_strdup_printf (_("Declare the claim to the mandataire before %s. Invoices issued before "
                                      "the judgment are not reminded, and their interest stopped at it."), deadline);
    }
  else if (p->outcome == RELANCE_PROCEEDINGS_OPEN)
    subtitle = g_strdup (_("Invoices issued before the judgment are not reminded, and their interest stopped at it."));
  else
    {
      g_autofree char *closed = relance_format_day (p->closed_on);

      subtitle = g_strdup_printf (p->outcome == RELANCE_PROCEEDINGS_PLAN ? _("Ended on %s: plan adopted")
                                                                         : _("Ended on %s: closed for lack of assets"),
                                  closed);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  if (p->outcome == RELANCE_PROCEEDINGS_OPEN)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Write the _Claim Declaration…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "customer.claim-declaration");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_list_box_append (list, row);

  if (p->claim_declared)
    {
      g_autofree char *amount = relance_format_money (p->claim_amount);
      g_autofree char *date = relance_format_day (p->claim_date);
      g_autofree char *text = g_strdup_printf (_("Claim of %s declared on %s to %s"), amount, date,
                                               p->mandataire_name);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "mail-send-symbolic");
      gtk_list_box_append (list, row);
    }

  if (p->written_off > 0)
    {
      g_autofree char *amount = relance_format_money (p->written_off);
      g_autofree char *vat = relance_format_money (p->written_off_vat);
      g_autofree char *date = relance_format_day (p->written_off_on);
      g_autofree char *text = g_strdup_printf (_("%s written off as irrecoverable on %s, of which VAT %s"),
                                               amount, date, vat);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (list, row);
    }

  return TRUE;
}

/* Writing the declaration */

typedef struct
{
  GtkWindow               *parent;
  RelanceContext          *context;
  RelanceClaimData        *data;
  GtkFileChooserNative    *chooser;
  RelanceClaimWrittenFunc  done;
  gpointer                 user_data;
} ClaimWrite;

static void
claim_write_finish (ClaimWrite   *write,
                    const char   *message,
                    const GError *error)
{
  if (write->done != NULL)
    write->done (message, error, write->user_data);

  g_clear_object (&write->parent);
  g_clear_object (&write->context);
  g_clear_pointer (&write->data, relance_claim_data_free);
  g_clear_object (&write->chooser);
  if (write->user_data != NULL)
    g_object_unref (write->user_data);
  g_free (write);
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  ClaimWrite *write = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;
  gsize size = 0;
  gconstpointer bytes;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      claim_write_finish (write, NULL, NULL);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  letter = relance_claim_declaration_new (write->data, &error);
  if (letter != NULL)
    pdf = relance_letter_to_pdf (letter, &error);
  if (pdf == NULL)
    {
      claim_write_finish (write, NULL, error);
      return;
    }

  bytes = g_bytes_get_data (pdf, &size);
  if (!g_file_replace_contents (file, bytes, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      claim_write_finish (write, NULL, error);
      return;
    }

  name = g_file_get_basename (file);
  amount = relance_money_to_decimal (write->data->total);
  summary = g_strdup_printf (_("Claim of %s declared to %s"), amount, write->data->proceedings->mandataire_name);
  if (relance_claim_record (relance_context_get_database (write->context), write->data, summary, pdf, name,
                            &error) == 0)
    {
      /* Not sent if not recorded: take the file back. */
      g_file_delete (file, NULL, NULL);
      claim_write_finish (write, NULL, error);
      return;
    }

  {
    g_autofree char *total = relance_format_money (write->data->total);

    message = g_strdup_printf (_("Claim declaration of %s saved and recorded: send it by registered letter"),
                               total);
  }
  claim_write_finish (write, message, NULL);
}

static void
choose_file (ClaimWrite *write)
{
  g_autofree char *name = relance_claim_declaration_get_file_name (write->data);

  write->chooser = gtk_file_chooser_native_new (_("Save the Claim Declaration"), write->parent,
                                                GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (write->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (write->chooser), name);
  g_signal_connect (write->chooser, "response", G_CALLBACK (on_chooser_response_cb), write);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (write->chooser));
}

static void
on_late_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ClaimWrite *write = user_data;

  if (g_strcmp0 (response, "write") == 0)
    choose_file (write);
  else
    claim_write_finish (write, NULL, NULL);
}

/**
 * relance_claim_declaration_write:
 * @user_data: (nullable): a #GObject, kept alive until @done is called
 *
 * Writes @customer_id's claim declaration dated today: warns first when
 * the deadline has passed (proposing the relief request), asks where to
 * save the PDF, saves it and records it in the history.
 */
void
relance_claim_declaration_write (GtkWindow               *parent,
                                 RelanceContext          *context,
                                 gint64                   customer_id,
                                 RelanceClaimWrittenFunc  done,
                                 gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;
  RelanceClaimData *data;
  ClaimWrite *write;
  g_autofree char *warning = NULL;

  g_return_if_fail (RELANCE_IS_CONTEXT (context));
  g_return_if_fail (user_data == NULL || G_IS_OBJECT (user_data));

  data = relance_claim_data_get (relance_context_get_database (context), customer_id,
                                 relance_context_get_today (context), &error);
  if (data == NULL)
    {
      if (done != NULL)
        done (NULL, error, user_data);
      return;
    }

  write = g_new0 (ClaimWrite, 1);
  write->parent = parent != NULL ? g_object_ref (parent) : NULL;
  write->context = g_object_ref (context);
  write->data = data;
  write->done = done;
  write->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;

  warning = relance_claim_declaration_get_warning (data);
  if (warning != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The Deadline Has Passed"), warning);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "write", _("_Write It Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "write",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_late_response_cb), write);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  choose_file (write);
}
