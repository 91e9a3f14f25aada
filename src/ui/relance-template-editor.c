/* relance-template-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-customer.h"
#include "relance-error.h"
#include "relance-letter.h"
#include "relance-list-model.h"
#include "relance-merge.h"
#include "relance-pdf-view.h"
#include "relance-template-editor.h"

/* The preview is drawn again this long after the last key typed. */
#define PREVIEW_DELAY_MS 300
/* Customers offered for the preview: the most overdue ones. */
#define PREVIEW_CUSTOMERS_MAX 20

typedef enum
{
  TARGET_BODY,
  TARGET_SUBJECT,
} Target;

struct _RelanceTemplateEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkEntry          *name_entry;
  GtkDropDown       *kind_dropdown;
  GtkDropDown       *channel_dropdown;
  GtkDropDown       *language_dropdown;
  GtkDropDown       *tone_dropdown;
  GtkEntry          *subject_entry;
  GtkMenuButton     *insert_button;
  GtkTextView       *body_view;
  GtkLabel          *problem_label;
  GtkDropDown       *customer_dropdown;
  GtkStack          *preview_stack;
  AdwStatusPage     *preview_status;
  RelancePdfView    *pdf_view;
  GtkLabel          *empty_label;

  RelanceContext    *context;
  RelanceTemplate   *template;       /* as opened: its id and whether it shipped */
  GArray            *customer_ids;   /* gint64, one per choice of customer_dropdown */
  RelanceLetterData *data;           /* of the customer previewed */
  gint64             data_customer;
  gboolean           data_penalties;
  GtkTextTag        *problem_tag;
  char              *problem;        /* the first problem shown; NULL when none */
  Target             target;         /* where Insert Field writes */
  guint              preview_id;
  gboolean           loading;
  RelanceTemplate   *opened;         /* as first shown, to tell whether it was changed */
  gboolean           discard;        /* the user chose to close without saving */
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceTemplateEditor, relance_template_editor, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* What a template may be sent by: not the phone. */
static const RelanceChannel channels[] = {
  RELANCE_CHANNEL_LETTER,
  RELANCE_CHANNEL_REGISTERED_LETTER,
  RELANCE_CHANNEL_EMAIL,
};

static const char * const languages[] = { "fr", "en" };

/* Every kind but the call, in the order of RelanceTemplateKind. */
#define N_LETTER_KINDS (RELANCE_TEMPLATE_FORMAL_NOTICE + 1)
#define N_TONES (RELANCE_TONE_FIRM + 1)

/* Helpers */

static RelanceDatabase *
get_db (RelanceTemplateEditor *self)
{
  return relance_context_get_database (self->context);
}

static void
show_message (RelanceTemplateEditor *self,
              const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
dup_body (RelanceTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The template as typed. */
static RelanceTemplate *
dup_template (RelanceTemplateEditor *self)
{
  RelanceTemplate *template = relance_template_copy (self->template);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);
  guint tone = gtk_drop_down_get_selected (self->tone_dropdown);

  g_free (template->name);
  template->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  if (kind < N_LETTER_KINDS)
    template->kind = kind;
  if (channel < G_N_ELEMENTS (channels))
    template->channel = channels[channel];
  if (language < G_N_ELEMENTS (languages))
    {
      g_free (template->language);
      template->language = g_strdup (languages[language]);
    }
  if (tone < N_TONES)
    template->tone = tone;
  g_free (template->subject);
  template->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  g_free (template->body);
  template->body = dup_body (self);

  return template;
}

static void
set_string_list (GtkDropDown        *dropdown,
                 const char * const *labels,
                 guint               n_labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
show_preview_message (RelanceTemplateEditor *self,
                      const char            *title,
                      const char            *description)
{
  adw_status_page_set_title (self->preview_status, title);
  adw_status_page_set_description (self->preview_status, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
}

/* Underlines the problems of the subject with Pango attributes (byte
 * offsets, as the checks give them). */
static void
mark_subject (RelanceTemplateEditor *self,
              GPtrArray             *problems)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < problems->len; i++)
    {
      const RelanceMergeProblem *problem = g_ptr_array_index (problems, i);
      PangoAttribute *attr;

      attr = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      attr->start_index = problem->start;
      attr->end_index = MAX (problem->end, problem->start + 1);
      pango_attr_list_insert (attrs, attr);
    }

  gtk_entry_set_attributes (self->subject_entry, attrs);
  pango_attr_list_unref (attrs);

  if (problems->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->subject_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->subject_entry), "error");
}

static void
mark_body (RelanceTemplateEditor *self,
           const char            *body,
           GPtrArray             *problems)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  glong length = g_utf8_strlen (body, -1);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->problem_tag, &start, &end);

  for (guint i = 0; i < problems->len; i++)
    {
      const RelanceMergeProblem *problem = g_ptr_array_index (problems, i);
      glong from = g_utf8_pointer_to_offset (body, body + problem->start);
      glong to = g_utf8_pointer_to_offset (body, body + problem->end);

      /* A problem at the very end ("{{" left open) still shows. */
      if (to <= from)
        to = from + 1;
      if (from >= length)
        from = MAX (length - 1, 0);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)MIN (to, length));
      gtk_text_buffer_apply_tag (buffer, self->problem_tag, &start, &end);
    }
}

/* Checks what is typed: the fields' problems are underlined, the first
 * one (or what the model refuses) is told under the text and Save is
 * disabled. Returns whether the subject and body can be merged. */
static gboolean
check (RelanceTemplateEditor *self)
{
  g_autoptr(RelanceTemplate) template = dup_template (self);
  g_autoptr(GPtrArray) subject_problems = relance_merge_check (template->subject, TRUE);
  g_autoptr(GPtrArray) body_problems = relance_merge_check (template->body, FALSE);
  g_autoptr(GError) error = NULL;
  guint n_problems = subject_problems->len + body_problems->len;

  mark_subject (self, subject_problems);
  mark_body (self, template->body, body_problems);

  g_clear_pointer (&self->problem, g_free);
  if (!relance_merge_validate (template->subject, template->body, &error))
    {
      if (n_problems > 1)
        self->problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%s (and %u more problem)",
                                                      "%s (and %u more problems)",
                                                      n_problems - 1),
                                         error->message, n_problems - 1);
      else
        self->problem = g_strdup (error->message);
    }
  else if (!relance_template_check (template, &error))
    self->problem = g_strdup (error->message);

  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);

  return n_problems == 0;
}

/* The data of the customer chosen, read once per customer. */
static const RelanceLetterData *
get_data (RelanceTemplateEditor *self,
          gboolean               claims_penalties,
          GError               **error)
{
  guint selected = gtk_drop_down_get_selected (self->customer_dropdown);
  gint64 customer_id;

  if (self->customer_ids->len == 0 || selected >= self->customer_ids->len)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                           _("No customer has overdue invoices: the preview needs one."));
      return NULL;
    }

  customer_id = g_array_index (self->customer_ids, gint64, selected);
  if (self->data == NULL || self->data_customer != customer_id ||
      self->data_penalties != claims_penalties)
    {
      g_clear_pointer (&self->data, relance_letter_data_free);
      self->data = relance_letter_data_get (get_db (self), customer_id,
                                            relance_context_get_today (self->context),
                                            NULL, 0, claims_penalties, error);
      if (self->data == NULL)
        return NULL;
      self->data_customer = customer_id;
      self->data_penalties = claims_penalties;
    }

  return self->data;
}

static void
refresh_preview (RelanceTemplateEditor *self)
{
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceLetterData) data = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const RelanceLetterData *customer;
  const char * const *empty;

  g_clear_handle_id (&self->preview_id, g_source_remove);

  if (!check (self))
    {
      show_preview_message (self, _("No Preview"),
                            _("The letter is shown again once the problems in the text are fixed."));
      return;
    }

  template = dup_template (self);
  /* The formal notice is the letter that claims interest and the indemnity. */
  customer = get_data (self, template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE, &error);
  if (customer == NULL)
    {
      show_preview_message (self, _("No Preview"), error->message);
      return;
    }

  /* Written in the template's language, whatever the customer's. */
  data = relance_letter_data_copy (customer);
  g_free (data->language);
  data->language = g_strdup (template->language);

  letter = relance_letter_new (template, data, &error);
  if (letter != NULL)
    pdf = relance_letter_to_pdf (letter, &error);
  if (pdf != NULL)
    relance_pdf_view_set_pdf (self->pdf_view, pdf, &error);
  if (error != NULL)
    {
      show_preview_message (self, _("No Preview"), error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->preview_stack, "preview");

  empty = relance_letter_get_empty_fields (letter);
  if (empty != NULL && empty[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **)empty);
      g_autofree char *text = g_strdup_printf (_("Empty for this customer: %s"), names);

      gtk_label_set_text (self->empty_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  RelanceTemplateEditor *self = user_data;

  self->preview_id = 0;
  refresh_preview (self);

  return G_SOURCE_REMOVE;
}

/* Checks at once; draws the letter again once the typing stops. */
static void
schedule_preview (RelanceTemplateEditor *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);

  if (!check (self))
    {
      show_preview_message (self, _("No Preview"),
                            _("The letter is shown again once the problems in the text are fixed."));
      return;
    }

  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
load_customers (RelanceTemplateEditor *self)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (get_db (self), RELANCE_LIST_CUSTOMERS,
                                                              relance_context_get_today (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;

  relance_list_model_set_overdue_only (model, TRUE);
  relance_list_model_set_sort (model, "overdue", TRUE);
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), PREVIEW_CUSTOMERS_MAX);

  g_array_set_size (self->customer_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *label = NULL;
      gint64 id;

      if (customer == NULL)
        break;
      id = relance_customer_get_id (customer);
      /* Translators: a customer in the preview's list: "Dupont SA (C0042)" */
      label = g_strdup_printf (_("%s (%s)"), relance_customer_get_name (customer),
                               relance_customer_get_code (customer));
      g_array_append_val (self->customer_ids, id);
      gtk_string_list_append (names, label);
    }

  gtk_drop_down_set_model (self->customer_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->customer_dropdown), self->customer_ids->len > 0);
}

static GMenuModel *
build_fields_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = NULL;
  const char *group = NULL;
  const RelanceMergeField *fields;
  guint n_fields = 0;

  fields = relance_merge_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (section == NULL || g_strcmp0 (group, fields[i].group) != 0)
        {
          if (section != NULL)
            g_menu_append_submenu (menu, group, G_MENU_MODEL (section));
          g_clear_object (&section);
          section = g_menu_new ();
          group = fields[i].group;
        }

      item = g_menu_item_new (fields[i].label, NULL);
      g_menu_item_set_action_and_target_value (item, "editor.insert-field",
                                               g_variant_new_string (fields[i].name));
      g_menu_append_item (section, item);
    }
  if (section != NULL)
    g_menu_append_submenu (menu, group, G_MENU_MODEL (section));

  return G_MENU_MODEL (menu);
}

/* Callbacks */

static void
on_changed_cb (RelanceTemplateEditor *self)
{
  if (self->loading)
    return;
  schedule_preview (self);
}

static void
on_text_changed_cb (RelanceTemplateEditor *self)
{
  if (self->loading)
    return;
  schedule_preview (self);
}

static void
on_kind_changed_cb (RelanceTemplateEditor *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->loading)
    return;

  /* A formal notice is sent registered (DOMAIN.md). */
  if (kind == RELANCE_TEMPLATE_FORMAL_NOTICE)
    gtk_drop_down_set_selected (self->channel_dropdown, 1);
  schedule_preview (self);
}

static void
on_customer_changed_cb (RelanceTemplateEditor *self)
{
  if (self->loading)
    return;
  refresh_preview (self);
}

static void
on_subject_focus_cb (RelanceTemplateEditor *self)
{
  self->target = TARGET_SUBJECT;
}

static void
on_body_focus_cb (RelanceTemplateEditor *self)
{
  self->target = TARGET_BODY;
}

static void
insert_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  const char *name = g_variant_get_string (param, NULL);
  const RelanceMergeField *field = relance_merge_find_field (name);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (field == NULL)
    return;

  text = g_strdup_printf ("{{%s}}", field->name);

  /* Block fields have no place in the subject: they go in the text. */
  if (self->target == TARGET_SUBJECT && !field->block)
    {
      GtkEditable *editable = GTK_EDITABLE (self->subject_entry);
      int start, end, position;

      if (gtk_editable_get_selection_bounds (editable, &start, &end))
        gtk_editable_delete_text (editable, start, end);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_entry));
      gtk_editable_set_position (editable, position);
      return;
    }

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (field->block)
    {
      /* Alone on its line. */
      gboolean before = !gtk_text_iter_starts_line (&iter);
      gboolean after = !gtk_text_iter_ends_line (&iter);
      g_autofree char *line = g_strconcat (before ? "\n" : "", text, after ? "\n" : "", NULL);

      gtk_text_buffer_insert (buffer, &iter, line, -1);
    }
  else
    gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_end_user_action (buffer);

  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  gtk_text_view_scroll_mark_onscreen (self->body_view, gtk_text_buffer_get_insert (buffer));
}

/* Whether anything was changed since the editor opened. */
static gboolean
is_changed (RelanceTemplateEditor *self)
{
  g_autoptr(RelanceTemplate) now = NULL;

  if (self->opened == NULL)
    return FALSE;

  now = dup_template (self);
  return g_strcmp0 (now->name, self->opened->name) != 0 ||
         now->kind != self->opened->kind ||
         now->channel != self->opened->channel ||
         g_strcmp0 (now->language, self->opened->language) != 0 ||
         now->tone != self->opened->tone ||
         g_strcmp0 (now->subject, self->opened->subject) != 0 ||
         g_strcmp0 (now->body, self->opened->body) != 0;
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        RelanceTemplateEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog has finished answering. */
  self->discard = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Closing with changes not saved asks first. */
static gboolean
on_close_request_cb (RelanceTemplateEditor *self)
{
  GtkWidget *dialog;

  if (self->discard || !is_changed (self))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Changes?"),
                                   _("The changes made to this template are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceTemplateEditor *self = RELANCE_TEMPLATE_EDITOR (widget);
  g_autoptr(RelanceTemplate) template = dup_template (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  check (self);
  if (self->problem != NULL)
    {
      show_message (self, self->problem);
      return;
    }

  if (!relance_merge_validate (template->subject, template->body, &error) ||
      !relance_template_check (template, &error))
    id = 0;
  else if (self->template->id == 0)
    id = relance_templates_add (get_db (self), template, &error);
  else
    id = relance_templates_update (get_db (self), self->template->id, template, &error) ? self->template->id : 0;

  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
relance_template_editor_dispose (GObject *object)
{
  RelanceTemplateEditor *self = (RelanceTemplateEditor *)object;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_template_editor_parent_class)->dispose (object);
}

static void
relance_template_editor_finalize (GObject *object)
{
  RelanceTemplateEditor *self = (RelanceTemplateEditor *)object;

  g_clear_pointer (&self->template, relance_template_free);
  g_clear_pointer (&self->opened, relance_template_free);
  g_clear_pointer (&self->data, relance_letter_data_free);
  g_clear_pointer (&self->customer_ids, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (relance_template_editor_parent_class)->finalize (object);
}

static void
relance_template_editor_class_init (RelanceTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_template_editor_dispose;
  object_class->finalize = relance_template_editor_finalize;

  /**
   * RelanceTemplateEditor::saved:
   * @template_id: the template stored
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  (void)relance_get_resource ();
  g_type_ensure (RELANCE_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, tone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, insert_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, customer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, preview_status);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplateEditor, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-field", "s", insert_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_template_editor_init (RelanceTemplateEditor *self)
{
  const char *kinds[N_LETTER_KINDS];
  const char *channel_labels[G_N_ELEMENTS (channels)];
  const char *language_labels[G_N_ELEMENTS (languages)];
  const char *tones[N_TONES];
  g_autoptr(GMenuModel) fields_menu = NULL;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;

  for (guint i = 0; i < N_LETTER_KINDS; i++)
    kinds[i] = relance_template_kind_get_label (i);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    channel_labels[i] = relance_channel_get_label (channels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    language_labels[i] = relance_template_language_get_label (languages[i]);
  for (guint i = 0; i < N_TONES; i++)
    tones[i] = relance_tone_get_label (i);
  set_string_list (self->kind_dropdown, kinds, G_N_ELEMENTS (kinds));
  set_string_list (self->channel_dropdown, channel_labels, G_N_ELEMENTS (channel_labels));
  set_string_list (self->language_dropdown, language_labels, G_N_ELEMENTS (language_labels));
  set_string_list (self->tone_dropdown, tones, G_N_ELEMENTS (tones));

  fields_menu = build_fields_menu ();
  gtk_menu_button_set_menu_model (self->insert_button, fields_menu);

  self->problem_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->body_view), "problem",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                                                  "foreground-rgba", &(GdkRGBA) { 0.75, 0.11, 0.16, 1.0 },
                                                  NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);

  /* Insert Field writes where the user last was. */
  self->target = TARGET_BODY;
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_subject_focus_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->subject_entry), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_body_focus_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);
}

/* Public API */

/**
 * relance_template_editor_new:
 * @parent: (nullable): the window the editor is modal for
 * @context: the open ledger
 * @template: the template to edit (copied); id 0 for a new one
 *
 * Returns: (transfer none): the editor; it destroys itself when closed
 */
GtkWidget *
relance_template_editor_new (GtkWindow             *parent,
                             RelanceContext        *context,
                             const RelanceTemplate *template)
{
  RelanceTemplateEditor *self;
  guint channel = 0;
  guint language = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (template != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->template = relance_template_copy (template);
  if (template->id == 0)
    gtk_window_set_title (GTK_WINDOW (self), _("New Template"));

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (channels[i] == template->channel)
      channel = i;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], template->language) == 0)
      language = i;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), template->name != NULL ? template->name : "");
  gtk_drop_down_set_selected (self->kind_dropdown, template->kind < N_LETTER_KINDS ? template->kind : 0);
  gtk_drop_down_set_selected (self->channel_dropdown, channel);
  gtk_drop_down_set_selected (self->language_dropdown, language);
  gtk_drop_down_set_selected (self->tone_dropdown, template->tone < N_TONES ? template->tone : RELANCE_TONE_STANDARD);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), template->subject != NULL ? template->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            template->body != NULL ? template->body : "", -1);
  load_customers (self);
  self->loading = FALSE;
  self->opened = dup_template (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);

  refresh_preview (self);

  return GTK_WIDGET (self);
}

/**
 * relance_template_editor_get_problem:
 *
 * Returns: (nullable): what stops the template from being saved, as shown
 *   under the text
 */
const char *
relance_template_editor_get_problem (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), NULL);

  return self->problem;
}

guint
relance_template_editor_get_n_preview_pages (RelanceTemplateEditor *self)
{
  g_return_val_if_fail (RELANCE_IS_TEMPLATE_EDITOR (self), 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->preview_stack), "preview") != 0)
    return 0;

  return relance_pdf_view_get_n_pages (self->pdf_view);
}

const char *
relance_template_language_get_label (const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    return _("French");
  if (g_strcmp0 (language, "en") == 0)
    return _("English");

  return language != NULL ? language : "";
}

const char *
relance_template_tone_get_label (RelanceTone tone)
{
  switch (tone)
    {
    case RELANCE_TONE_COURTEOUS:
      return _("Courteous tone");
    case RELANCE_TONE_STANDARD:
      return _("Standard tone");
    case RELANCE_TONE_FIRM:
      return _("Firm tone");
    default:
      g_return_val_if_reached ("");
    }
}
