/* relance-templates-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-error.h"
#include "relance-template-editor.h"
#include "relance-templates-page.h"
#include "relance-templates.h"

/* Kinds a template can be written for: every one but the call. */
#define N_LETTER_KINDS (RELANCE_TEMPLATE_FORMAL_NOTICE + 1)

struct _RelanceTemplatesPage
{
  AdwPreferencesPage    parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *no_ledger_group;
  AdwPreferencesGroup  *intro_group;

  RelanceContext       *context;
  GPtrArray            *templates;     /* RelanceTemplate, as shown */
  GPtrArray            *groups;        /* AdwPreferencesGroup per kind shown (not owned) */
  gint64                last_opened;   /* the template last edited: New copies it */
};

G_DEFINE_FINAL_TYPE (RelanceTemplatesPage, relance_templates_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (RelanceTemplatesPage *self);

/* Helpers */

static RelanceDatabase *
get_db (RelanceTemplatesPage *self)
{
  return self->context != NULL ? relance_context_get_database (self->context) : NULL;
}

static GtkWindow *
get_window (RelanceTemplatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (RelanceTemplatesPage *self,
           AdwToast             *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  adw_toast_set_timeout (toast, 8);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (RelanceTemplatesPage *self,
              const char           *message)
{
  add_toast (self, adw_toast_new (message));
}

static const RelanceTemplate *
find_template (RelanceTemplatesPage *self,
               gint64                template_id)
{
  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      const RelanceTemplate *template = g_ptr_array_index (self->templates, i);

      if (template->id == template_id)
        return template;
    }

  return NULL;
}

static gboolean
name_is_taken (RelanceTemplatesPage *self,
               const char           *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      const RelanceTemplate *template = g_ptr_array_index (self->templates, i);
      g_autofree char *other = g_utf8_casefold (template->name, -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }

  return FALSE;
}

/* "@base (copy)", "@base (copy 2)"...: a name no template has, short
 * enough for the model. */
static char *
dup_copy_name (RelanceTemplatesPage *self,
               const char           *base)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup (_(" (copy)")) : g_strdup_printf (_(" (copy %u)"), n);
      glong room = RELANCE_TEMPLATE_NAME_MAX - g_utf8_strlen (suffix, -1);
      g_autofree char *start = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), MAX (room, 1)));
      g_autofree char *name = g_strconcat (start, suffix, NULL);

      if (!name_is_taken (self, name))
        return g_steal_pointer (&name);
    }

  return g_strdup (base);
}

/* "French · Standard tone · Letter" */
static char *
dup_subtitle (const RelanceTemplate *template)
{
  /* Translators: a template's language, tone and channel: "French · Standard tone · Letter" */
  return g_strdup_printf (_("%s · %s · %s"),
                          relance_template_language_get_label (template->language),
                          relance_template_tone_get_label (template->tone),
                          relance_channel_get_label (template->channel));
}

static GMenuModel *
build_row_menu (const RelanceTemplate *template)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Duplicate"), NULL);
  g_menu_item_set_action_and_target_value (item, "templates.duplicate", g_variant_new_int64 (template->id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (template->shipped && template->modified)
    {
      item = g_menu_item_new (_("_Reset to the Original Text…"), NULL);
      g_menu_item_set_action_and_target_value (item, "templates.reset", g_variant_new_int64 (template->id));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  if (!template->shipped)
    {
      item = g_menu_item_new (_("_Delete"), NULL);
      g_menu_item_set_action_and_target_value (item, "templates.delete", g_variant_new_int64 (template->id));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
build_row (RelanceTemplatesPage  *self,
           const RelanceTemplate *template)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = dup_subtitle (template);
  g_autofree char *menu_label = g_strdup_printf (_("Actions on “%s”"), template->name);
  g_autoptr(GMenuModel) menu = build_row_menu (template);
  GtkWidget *button;
  GtkWidget *arrow;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), template->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "templates.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (template->id));

  if (template->shipped && template->modified)
    {
      GtkWidget *tag = gtk_label_new (_("Modified"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, _("Edited since it came with Relance: it can be reset"));
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

/* Shows the templates of the ledger again, grouped by kind. */
static void
rebuild (RelanceTemplatesPage *self)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *groups[N_LETTER_KINDS] = { NULL };

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->no_ledger_group), db == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_group), db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.new", FALSE);
  if (db == NULL)
    return;

  self->templates = relance_templates_list (db, &error);
  if (self->templates == NULL)
    {
      adw_preferences_group_set_description (self->intro_group, error->message);
      return;
    }

  for (guint i = 0; i < self->templates->len; i++)
    {
      const RelanceTemplate *template = g_ptr_array_index (self->templates, i);
      guint kind = template->kind;

      if (kind >= N_LETTER_KINDS)
        continue;

      if (groups[kind] == NULL)
        {
          groups[kind] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[kind], relance_template_kind_get_label (kind));
        }
      adw_preferences_group_add (groups[kind], build_row (self, template));
    }

  /* In the order of the kinds, whatever the order of the list. */
  for (guint kind = 0; kind < N_LETTER_KINDS; kind++)
    if (groups[kind] != NULL)
      {
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), groups[kind]);
        g_ptr_array_add (self->groups, groups[kind]);
      }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.new", self->templates->len > 0);
}

/* Callbacks */

static void
on_editor_saved_cb (RelanceTemplatesPage *self,
                    gint64                template_id)
{
  self->last_opened = template_id;
  rebuild (self);
}

static GtkWidget *
open_editor (RelanceTemplatesPage  *self,
             const RelanceTemplate *template)
{
  GtkWidget *editor = relance_template_editor_new (get_window (self), self->context, template);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  relance_templates_page_edit (RELANCE_TEMPLATES_PAGE (widget), g_variant_get_int64 (param));
}

/* A new template starts as a copy of the one last edited (or the first),
 * and is stored only when the editor saves it. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RelanceTemplatesPage *self = RELANCE_TEMPLATES_PAGE (widget);
  const RelanceTemplate *model = find_template (self, self->last_opened);
  g_autoptr(RelanceTemplate) template = NULL;

  if (model == NULL && self->templates != NULL && self->templates->len > 0)
    model = g_ptr_array_index (self->templates, 0);
  if (model == NULL)
    return;

  template = relance_template_copy (model);
  template->id = 0;
  template->shipped = FALSE;
  template->modified = FALSE;
  g_free (template->name);
  template->name = name_is_taken (self, _("New template")) ? dup_copy_name (self, _("New template"))
                                                            : g_strdup (_("New template"));
  open_editor (self, template);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RelanceTemplatesPage *self = RELANCE_TEMPLATES_PAGE (widget);
  const RelanceTemplate *original = find_template (self, g_variant_get_int64 (param));
  g_autoptr(RelanceTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (original == NULL)
    return;

  copy = relance_template_copy (original);
  g_free (copy->name);
  copy->name = dup_copy_name (self, original->name);
  id = relance_templates_add (get_db (self), copy, &error);
  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  self->last_opened = id;
  message = g_strdup_printf (_("“%s” added"), copy->name);
  rebuild (self);
  show_message (self, message);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  RelanceTemplatesPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;

  if (self == NULL || !g_str_equal (response, "reset"))
    return;

  if (!relance_templates_reset (get_db (self), id, &error))
    {
      show_message (self, error->message);
      return;
    }

  rebuild (self);
  show_message (self, _("Template reset to the original text"));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RelanceTemplatesPage *self = RELANCE_TEMPLATES_PAGE (widget);
  const RelanceTemplate *template = find_template (self, g_variant_get_int64 (param));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (template == NULL)
    return;

  body = g_strdup_printf (_("“%s” gets back the subject and text it came with. Your changes to them are lost."),
                          template->name);
  dialog = adw_message_dialog_new (get_window (self), _("Reset the Template?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The dialog may outlive the page (the Preferences closed under it). */
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reset_response_cb),
                    GSIZE_TO_POINTER ((gsize)template->id));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  RelanceTemplatesPage *self;       /* weak */
  RelanceTemplate      *template;   /* as deleted */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->self);
  relance_template_free (undo->template);
  g_free (undo);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   Undo     *undo)
{
  RelanceTemplatesPage *self = undo->self;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self == NULL || get_db (self) == NULL)
    return;

  id = relance_templates_add (get_db (self), undo->template, &error);
  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  self->last_opened = id;
  rebuild (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceTemplatesPage *self = RELANCE_TEMPLATES_PAGE (widget);
  const RelanceTemplate *template = find_template (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  Undo *undo;

  if (template == NULL)
    return;

  undo = g_new0 (Undo, 1);
  undo->template = relance_template_copy (template);
  g_set_weak_pointer (&undo->self, self);

  if (!relance_templates_delete (get_db (self), template->id, &error))
    {
      undo_free (undo);
      show_message (self, error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), undo->template->name);
  rebuild (self);   /* frees @template */

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, undo_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), undo);
  add_toast (self, toast);
}

/* Overrides */

static void
relance_templates_page_dispose (GObject *object)
{
  RelanceTemplatesPage *self = (RelanceTemplatesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_TEMPLATES_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_templates_page_parent_class)->dispose (object);
}

static void
relance_templates_page_finalize (GObject *object)
{
  RelanceTemplatesPage *self = (RelanceTemplatesPage *)object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_templates_page_parent_class)->finalize (object);
}

static void
relance_templates_page_class_init (RelanceTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_templates_page_dispose;
  object_class->finalize = relance_templates_page_finalize;

  (void)relance_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplatesPage, no_ledger_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceTemplatesPage, intro_group);

  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "templates.duplicate", "x", duplicate_action);
  gtk_widget_class_install_action (widget_class, "templates.reset", "x", reset_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", "x", delete_action);
}

static void
relance_templates_page_init (RelanceTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  rebuild (self);
}

/* Public API */

/**
 * relance_templates_page_set_context:
 * @context: (nullable): the ledger whose templates are shown
 */
void
relance_templates_page_set_context (RelanceTemplatesPage *self,
                                    RelanceContext       *context)
{
  g_return_if_fail (RELANCE_IS_TEMPLATES_PAGE (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    {
      self->last_opened = 0;
      rebuild (self);
    }
}

/**
 * relance_templates_page_edit:
 * @template_id: a template shown on the page
 *
 * Returns: (transfer none) (nullable): the editor opened, NULL when the
 *   page shows no such template
 */
GtkWidget *
relance_templates_page_edit (RelanceTemplatesPage *self,
                             gint64                template_id)
{
  const RelanceTemplate *template;

  g_return_val_if_fail (RELANCE_IS_TEMPLATES_PAGE (self), NULL);

  template = find_template (self, template_id);
  if (template == NULL)
    return NULL;

  self->last_opened = template_id;
  return open_editor (self, template);
}
