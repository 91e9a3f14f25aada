/* relance-letter-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-company.h"
#include "relance-dialogs.h"
#include "relance-letter-data.h"
#include "relance-letter-window.h"
#include "relance-format.h"
#include "relance-merge.h"
#include "relance-preferences-window.h"
#include "relance-scenarios.h"
#include "relance-templates.h"

/* poppler-glib 22.12 defines none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

struct _RelanceLetterWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkDropDown       *template_dropdown;
  GtkWidget         *mark_button;
  GtkInfoBar        *missing_bar;
  GtkLabel          *missing_label;
  GtkWidget         *customer_button;
  GtkWidget         *preferences_button;
  GtkInfoBar        *empty_bar;
  GtkLabel          *empty_label;
  GtkStack          *stack;
  RelancePdfView    *view;
  AdwStatusPage     *error_page;

  RelanceContext    *context;      /* NULL for a document from the history */
  gint64             customer_id;
  RelanceWorkItem   *item;         /* the worklist item answered, or NULL */
  RelanceLetterData *data;
  GPtrArray         *templates;    /* RelanceTemplate, as the drop-down lists them */
  RelanceLetter     *letter;
  GBytes            *pdf;
  char              *file_name;
  gboolean           can_send;     /* a letter with nothing missing */
  GtkPrintOperation *printing;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceLetterWindow, relance_letter_window, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void update_letter (RelanceLetterWindow *self);

/* Helpers */

static RelanceDatabase *
get_db (RelanceLetterWindow *self)
{
  return relance_context_get_database (self->context);
}

static RelanceWorkInvoice *
copy_work_invoice (const RelanceWorkInvoice *invoice,
                   gpointer                  user_data)
{
  RelanceWorkInvoice *copy = g_memdup2 (invoice, sizeof *invoice);

  copy->number = g_strdup (invoice->number);
  copy->cause_code = g_strdup (invoice->cause_code);
  copy->cause_label = g_strdup (invoice->cause_label);
  copy->department = g_strdup (invoice->department);

  return copy;
}

/* The worklist's rows are remade when it is computed again: the window
 * keeps its own copy of the item. */
static RelanceWorkItem *
copy_work_item (const RelanceWorkItem *item)
{
  RelanceWorkItem *copy = g_memdup2 (item, sizeof *item);

  copy->customer_code = g_strdup (item->customer_code);
  copy->customer_name = g_strdup (item->customer_name);
  copy->scenario_name = g_strdup (item->scenario_name);
  copy->invoices = item->invoices != NULL
    ? g_ptr_array_copy (item->invoices, (GCopyFunc)copy_work_invoice, NULL)
    : g_ptr_array_new ();
  g_ptr_array_set_free_func (copy->invoices, (GDestroyNotify)relance_work_invoice_free);
  copy->blocked = item->blocked != NULL
    ? g_ptr_array_copy (item->blocked, (GCopyFunc)copy_work_invoice, NULL)
    : g_ptr_array_new ();
  g_ptr_array_set_free_func (copy->blocked, (GDestroyNotify)relance_work_invoice_free);

  return copy;
}

static void
add_toast (RelanceLetterWindow *self,
           const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error_dialog (RelanceLetterWindow *self,
                   const char          *heading,
                   const GError        *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static RelanceTemplate *
get_selected_template (RelanceLetterWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->template_dropdown);

  if (self->templates == NULL || selected >= self->templates->len)
    return NULL;

  return g_ptr_array_index (self->templates, selected);
}

/* "This letter quotes the last call, but no call was recorded": one line
 * for each thing the template quotes and this customer has no value for. */
static char *
describe_empty_fields (const RelanceLetterData *data,
                       const char * const      *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean last_call = FALSE;
  gboolean promise = FALSE;
  gboolean penalties = FALSE;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *name = fields[i];
      const RelanceMergeField *field = relance_merge_find_field (name);
      const char *label = field != NULL ? field->label : name;
      g_autofree char *line = NULL;

      /* A call with no notes, or no person named, was still a call. */
      if (g_str_has_prefix (name, "last_call.") && data->last_call_date == RELANCE_DAY_NONE)
        {
          if (!last_call)
            line = g_strdup (_("This letter quotes the last call, but no call was recorded."));
          last_call = TRUE;
        }
      else if (g_str_has_prefix (name, "promise.") && data->promise_date == RELANCE_DAY_NONE)
        {
          if (!promise)
            line = g_strdup (_("This letter quotes a promise to pay, but none was recorded."));
          promise = TRUE;
        }
      else if (g_str_has_prefix (name, "penalties."))
        {
          if (!penalties)
            line = g_strdup (_("This letter quotes late-payment penalties, but none are claimed at this step."));
          penalties = TRUE;
        }
      else if (g_str_equal (name, "contact.name"))
        line = g_strdup (_("This letter names the collections contact, but the customer has none."));
      else if (g_str_has_prefix (name, "company.") || g_str_equal (name, "payment.details"))
        /* Translators: %s is a merge field's name in the menu, "Company’s phone" */
        line = g_strdup_printf (_("This letter quotes “%s”, which is not filled in in the Preferences."), label);
      else
        /* Translators: %s is a merge field's name in the menu, "Oldest due date" */
        line = g_strdup_printf (_("This letter quotes “%s”, which has no value for this customer."), label);

      if (line != NULL)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_actions (RelanceLetterWindow *self)
{
  gboolean has_pdf = self->pdf != NULL;
  gboolean editable = self->context != NULL;
  gboolean ready = has_pdf && (!editable || self->can_send);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.print", ready && self->printing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.mark-sent",
                                 editable && ready && self->printing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.preferences", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.edit-customer", editable);
}

static void
show_problem (RelanceLetterWindow *self,
              const char          *title,
              const char          *description)
{
  g_clear_pointer (&self->letter, relance_letter_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->can_send = FALSE;
  relance_pdf_view_set_pdf (self->view, NULL, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_info_bar_set_revealed (self->missing_bar, FALSE);
  gtk_info_bar_set_revealed (self->empty_bar, FALSE);
  update_actions (self);
}

/* What must be filled in, and where. */
static void
show_missing (RelanceLetterWindow *self)
{
  g_auto(GStrv) missing = relance_letter_get_missing (self->letter);
  g_auto(GStrv) company_missing = relance_company_list_missing (self->data->company);
  guint n_missing = missing != NULL ? g_strv_length (missing) : 0;
  guint n_company = company_missing != NULL ? g_strv_length (company_missing) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  self->can_send = n_missing == 0;
  gtk_info_bar_set_revealed (self->missing_bar, n_missing > 0);
  if (n_missing == 0)
    return;

  for (guint i = 0; i < n_missing; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one thing missing for a letter, in a list */
      g_string_append_printf (text, _("• %s"), missing[i]);
    }
  gtk_label_set_text (self->missing_label, text->str);

  /* The company's identity is in the Preferences; what else is missing
   * is the customer's. */
  gtk_widget_set_visible (self->preferences_button, n_company > 0);
  gtk_widget_set_visible (self->customer_button, n_missing > n_company);
}

static void
update_title (RelanceLetterWindow *self)
{
  const RelanceTemplate *template = self->letter != NULL ? relance_letter_get_template (self->letter) : NULL;
  g_autofree char *title = NULL;

  if (template != NULL && relance_template_get_action_kind (template) == RELANCE_ACTION_FORMAL_NOTICE)
    /* Translators: the letter window's title, %s is the customer */
    title = g_strdup_printf (_("Formal Notice to %s"), self->data->customer_name);
  else
    /* Translators: the letter window's title, %s is the customer */
    title = g_strdup_printf (_("Letter to %s"), self->data->customer_name);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Writes the letter with the template chosen and shows it. */
static void
update_letter (RelanceLetterWindow *self)
{
  RelanceTemplate *template = get_selected_template (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *reason = NULL;

  if (self->data == NULL)
    return;

  /* All disputed, all paid, or covered by credit notes: no letter. */
  reason = relance_letter_data_get_nothing_to_claim (self->data, relance_format_money);
  if (reason != NULL)
    {
      show_problem (self, _("Nothing to Claim"), reason);
      return;
    }

  if (template == NULL)
    {
      show_problem (self, _("No Letter Template"),
                    _("Add a letter template in the Preferences, on the Letters page."));
      return;
    }

  g_clear_pointer (&self->letter, relance_letter_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);

  self->letter = relance_letter_new (template, self->data, &error);
  if (self->letter == NULL)
    {
      /* Translators: %s says what is wrong with the template and where */
      g_autofree char *description = g_strdup_printf (_("%s\n\nCorrect the template in the Preferences, "
                                                        "or choose another one."), error->message);

      show_problem (self, _("This Template Has a Problem"), description);
      return;
    }

  self->pdf = relance_letter_to_pdf (self->letter, &error);
  if (self->pdf != NULL)
    relance_pdf_view_set_pdf (self->view, self->pdf, &error);
  if (error != NULL)
    {
      show_problem (self, _("The Letter Could Not Be Written"), error->message);
      return;
    }

  self->file_name = relance_letter_get_file_name (self->letter);
  gtk_stack_set_visible_child_name (self->stack, "preview");

  show_missing (self);
  empty = describe_empty_fields (self->data, relance_letter_get_empty_fields (self->letter));
  gtk_label_set_text (self->empty_label, empty != NULL ? empty : "");
  gtk_info_bar_set_revealed (self->empty_bar, empty != NULL);

  update_title (self);
  update_actions (self);
}

static const char *
language_label (const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    return _("French");
  if (g_strcmp0 (language, "en") == 0)
    return _("English");
  return language;
}

/* The drop-down's list: each template's name, and under it what it is
 * ("Registered letter · French · Standard"). */
static void
on_template_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      RelanceLetterWindow      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_add_css_class (what, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_item_set_child (list_item, box);
}

static void
on_template_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     RelanceLetterWindow      *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *what = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (list_item);
  const RelanceTemplate *template;
  g_autofree char *text = NULL;

  if (self->templates == NULL || position >= self->templates->len)
    return;

  template = g_ptr_array_index (self->templates, position);
  /* Translators: a template's channel, language and tone, "Letter · French · Firm" */
  text = g_strdup_printf (_("%s · %s · %s"), relance_channel_get_label (template->channel),
                          language_label (template->language), relance_tone_get_label (template->tone));
  gtk_label_set_text (GTK_LABEL (name), template->name);
  gtk_label_set_text (GTK_LABEL (what), text);
}

/* Reads the customer's data (and the company's) again. */
static gboolean
load_data (RelanceLetterWindow *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (self->item != NULL)
    for (guint i = 0; i < self->item->invoices->len; i++)
      {
        const RelanceWorkInvoice *invoice = g_ptr_array_index (self->item->invoices, i);

        g_array_append_val (ids, invoice->invoice_id);
      }

  g_clear_pointer (&self->data, relance_letter_data_free);
  self->data = relance_letter_data_get (get_db (self), self->customer_id,
                                        relance_context_get_today (self->context),
                                        ids->len > 0 ? (const gint64 *)ids->data : NULL, ids->len,
                                        self->item != NULL && self->item->claims_penalties,
                                        &error);
  if (self->data == NULL)
    {
      show_problem (self, _("The Letter Could Not Be Written"), error->message);
      return FALSE;
    }

  return TRUE;
}

/* Every template (an e-mail's text can be printed too), the step's one
 * chosen. */
static void
load_templates (RelanceLetterWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(RelanceTemplate) preferred = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  RelanceTemplateKind kind = RELANCE_TEMPLATE_FIRST_REMINDER;
  guint selected = 0;
  gboolean found = FALSE;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_template_free);

  all = relance_templates_list (get_db (self), &error);
  if (all == NULL)
    {
      show_problem (self, _("The Templates Could Not Be Read"), error->message);
      return;
    }

  if (self->item != NULL && self->item->template_kind != RELANCE_TEMPLATE_CALL)
    kind = self->item->template_kind;
  preferred = relance_templates_find_for_letter (get_db (self), kind, self->data, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (all, i);

      if (!found && preferred != NULL && template->id == preferred->id)
        {
          selected = self->templates->len;
          found = TRUE;
        }
      /* Else the first of the step's kind. */
      if (!found && preferred == NULL && template->kind == kind)
        {
          selected = self->templates->len;
          found = TRUE;
        }

      gtk_string_list_append (names, template->name);
      g_ptr_array_add (self->templates, relance_template_copy (template));
    }

  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->template_dropdown, selected);
}

static gboolean
record (RelanceLetterWindow  *self,
        char                **message,
        GError              **error)
{
  const RelanceTemplate *template = relance_letter_get_template (self->letter);
  const RelanceLetterData *data = relance_letter_get_data (self->letter);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RelanceActionFields fields = { 0 };
  const RelanceWorkItem *item = NULL;

  for (guint i = 0; i < data->invoices->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      g_array_append_val (ids, invoice->invoice_id);
    }

  fields.customer_id = self->customer_id;
  fields.kind = relance_template_get_action_kind (template);
  fields.date = relance_context_get_today (self->context);
  fields.who = relance_preferences_get_user_name (self->context);
  fields.contact = data->contact_name[0] != '\0' ? data->contact_name : NULL;
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.summary = relance_letter_get_subject (self->letter);
  fields.invoice_ids = ids->len > 0 ? (const gint64 *)ids->data : NULL;
  fields.n_invoice_ids = ids->len;
  fields.document = self->pdf;
  fields.document_name = self->file_name;

  if (self->item != NULL && self->item->customer_id == self->customer_id)
    item = self->item;

  if (relance_actions_record (get_db (self), &fields, item, error) == 0)
    return FALSE;

  *message = g_strdup (fields.kind == RELANCE_ACTION_FORMAL_NOTICE
                       ? _("Formal notice recorded in the history")
                       : _("Letter recorded in the history"));
  return TRUE;
}

/* Records the letter, tells the window below and closes. */
static void
record_and_close (RelanceLetterWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->context == NULL || self->letter == NULL || !self->can_send)
    return;

  if (!record (self, &message, &error))
    {
      show_error_dialog (self, _("The Letter Could Not Be Recorded"), error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Printing */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PopplerDocument   *document)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double sheet_width = gtk_print_context_get_width (context);
  double sheet_height = gtk_print_context_get_height (context);
  double width, height, scale;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    return;

  /* The whole page on the sheet, centred. */
  scale = MIN (sheet_width / width, sheet_height / height);
  cairo_save (cr);
  cairo_translate (cr, (sheet_width - width * scale) / 2, (sheet_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  RelanceLetterWindow     *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->printing);
  update_actions (self);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error_dialog (self, _("The Letter Could Not Be Printed"), error);
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      /* A letter printed is a letter sent; one from the history is
       * already in it. */
      if (self->context != NULL)
        record_and_close (self);
      else
        add_toast (self, _("Sent to the printer"));
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

/* Saving */

static void
on_save_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RelanceLetterWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (!relance_letter_window_save (self, file, &error))
    {
      show_error_dialog (self, _("The Letter Could Not Be Saved"), error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a toast, %s is a file name */
  message = g_strdup_printf (_("Saved as “%s”"), name);
  add_toast (self, message);
}

/* Callbacks */

static void
on_template_selected_cb (RelanceLetterWindow *self)
{
  if (self->context != NULL && self->data != NULL)
    update_letter (self);
}

/* The Preferences or the customer were edited: what the letter says may
 * have changed. */
static void
on_reload_cb (RelanceLetterWindow *self)
{
  if (self->context != NULL && load_data (self))
    update_letter (self);
}

/* Actions */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RelanceLetterWindow *self = RELANCE_LETTER_WINDOW (widget);
  PopplerDocument *document = relance_pdf_view_get_document (self->view);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (document == NULL || self->printing != NULL)
    return;

  self->printing = relance_letter_print_operation_new (document, self->file_name);
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  g_signal_connect_object (self->printing, "done", G_CALLBACK (on_print_done_cb), self, 0);
  update_actions (self);

  result = gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->printing != NULL)
    {
      g_clear_object (&self->printing);
      update_actions (self);
      show_error_dialog (self, _("The Letter Could Not Be Printed"), error);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceLetterWindow *self = RELANCE_LETTER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->pdf == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the Letter as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  record_and_close (RELANCE_LETTER_WINDOW (widget));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceLetterWindow *self = RELANCE_LETTER_WINDOW (widget);
  GtkWidget *preferences;

  if (self->context == NULL)
    return;

  /* Opens on its first page, the company's identity. */
  preferences = relance_preferences_window_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (on_reload_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
edit_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RelanceLetterWindow *self = RELANCE_LETTER_WINDOW (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = relance_customer_edit_dialog_new (GTK_WINDOW (self), self->context, self->customer_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_reload_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
relance_letter_window_dispose (GObject *object)
{
  RelanceLetterWindow *self = (RelanceLetterWindow *)object;

  if (self->printing != NULL)
    g_signal_handlers_disconnect_by_data (self->printing, self);
  g_clear_object (&self->printing);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_LETTER_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_letter_window_parent_class)->dispose (object);
}

static void
relance_letter_window_finalize (GObject *object)
{
  RelanceLetterWindow *self = (RelanceLetterWindow *)object;

  g_clear_pointer (&self->item, relance_work_item_free);
  g_clear_pointer (&self->data, relance_letter_data_free);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->letter, relance_letter_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (relance_letter_window_parent_class)->finalize (object);
}

static void
relance_letter_window_class_init (RelanceLetterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_letter_window_dispose;
  object_class->finalize = relance_letter_window_finalize;

  /**
   * RelanceLetterWindow::saved:
   * @message: what was recorded, for a toast
   *
   * The letter was printed or marked as sent, and recorded in the
   * customer's history; the window closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  (void)relance_get_resource ();
  g_type_ensure (RELANCE_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-letter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, missing_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, customer_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, empty_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, view);
  gtk_widget_class_bind_template_child (widget_class, RelanceLetterWindow, error_page);

  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "letter.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "letter.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "letter.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "letter.edit-customer", NULL, edit_customer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "letter.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "letter.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_letter_window_init (RelanceLetterWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_template_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_template_bind_cb), self);
  gtk_drop_down_set_list_factory (self->template_dropdown, factory);

  update_actions (self);
}

/* Public API */

/**
 * relance_letter_window_new:
 * @parent: (nullable): the window it is modal for
 * @item: (nullable): the worklist item the letter answers: its invoices,
 *   its kind of letter and whether penalties are claimed; its step is done
 *   once the letter is printed or marked as sent
 *
 * A letter to @customer_id of the context's today: about @item's invoices,
 * else all the customer's open ones, with the first reminder unless
 * another template is chosen. Connect to ::saved to read the ledger again.
 *
 * Returns: (transfer none): the window; it destroys itself when closed
 */
GtkWidget *
relance_letter_window_new (GtkWindow             *parent,
                           RelanceContext        *context,
                           gint64                 customer_id,
                           const RelanceWorkItem *item)
{
  RelanceLetterWindow *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);
  g_return_val_if_fail (item == NULL || item->customer_id == customer_id, NULL);

  self = g_object_new (RELANCE_TYPE_LETTER_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->customer_id = customer_id;
  if (item != NULL)
    self->item = copy_work_item (item);

  adw_window_title_set_subtitle (self->window_title, _("Recorded when printed or marked as sent"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title),
                               _("Printing the letter or marking it as sent records it, with its PDF, in the "
                                 "customer’s history, and the reminder step is done. Saving it as a PDF "
                                 "records nothing: drafts can be saved freely."));

  if (load_data (self))
    {
      update_title (self);
      load_templates (self);
      update_letter (self);
    }
  /* Only now: filling the list selects a template too. */
  g_signal_connect_object (self->template_dropdown, "notify::selected",
                           G_CALLBACK (on_template_selected_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * relance_letter_window_new_for_document:
 * @parent: (nullable): the window it is modal for
 * @pdf: a letter kept in the history
 * @name: its file name
 *
 * Shows @pdf to print or save it again; nothing is recorded.
 *
 * Returns: (transfer none): the window; it destroys itself when closed
 */
GtkWidget *
relance_letter_window_new_for_document (GtkWindow  *parent,
                                        GBytes     *pdf,
                                        const char *name)
{
  RelanceLetterWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_LETTER_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->file_name = g_strdup (name != NULL && name[0] != '\0' ? name : _("Letter.pdf"));
  self->can_send = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->template_dropdown), FALSE);
  gtk_widget_set_visible (self->mark_button, FALSE);
  adw_window_title_set_title (self->window_title, self->file_name);
  adw_window_title_set_subtitle (self->window_title, _("Kept in the customer’s history"));
  gtk_window_set_title (GTK_WINDOW (self), self->file_name);

  relance_pdf_view_set_pdf (self->view, pdf, &error);
  if (error != NULL)
    show_problem (self, _("The Letter Could Not Be Shown"), error->message);
  else
    self->pdf = g_bytes_ref (pdf);
  update_actions (self);

  return GTK_WIDGET (self);
}

/**
 * relance_letter_window_get_letter:
 *
 * Returns: (transfer none) (nullable): the letter shown
 */
RelanceLetter *
relance_letter_window_get_letter (RelanceLetterWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_LETTER_WINDOW (self), NULL);

  return self->letter;
}

/**
 * relance_letter_window_get_view:
 *
 * Returns: (transfer none): the view of the letter's pages
 */
RelancePdfView *
relance_letter_window_get_view (RelanceLetterWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_LETTER_WINDOW (self), NULL);

  return self->view;
}

/**
 * relance_letter_window_save:
 * @file: where to write the PDF; replaced if it exists
 *
 * Writes the letter shown, whole or not at all; records nothing.
 *
 * Returns: %TRUE if it was written
 */
gboolean
relance_letter_window_save (RelanceLetterWindow  *self,
                            GFile                *file,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (RELANCE_IS_LETTER_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->pdf == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no letter to save"));
      return FALSE;
    }

  data = g_bytes_get_data (self->pdf, &size);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file, then why it could not be written */
      g_set_error (error, G_IO_ERROR, local_error->code, _("“%s” could not be written: %s"),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_letter_print_operation_new:
 * @document: the PDF to print
 * @job_name: (nullable): how the printer queue names it
 *
 * Returns: (transfer full): an operation printing each page of @document
 *   on an A4 sheet, scaled to it; run it with gtk_print_operation_run()
 */
GtkPrintOperation *
relance_letter_print_operation_new (PopplerDocument *document,
                                    const char      *job_name)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, MAX (1, poppler_document_get_n_pages (document)));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The letter has its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb),
                         g_object_ref (document), (GClosureNotify)(void (*) (void))g_object_unref, 0);

  return operation;
}
