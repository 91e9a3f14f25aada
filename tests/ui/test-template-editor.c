/* test-template-editor.c: the letter templates in the Preferences and
 * their editor, on the sample ledger of 23 November 2026: a field
 * misspelt is underlined and named under the text and Save is disabled;
 * put right, Save stores the text; a field chosen in Insert Field goes
 * where the cursor is (a block field on its own line); the preview shows
 * the letter; the Letters page lists every template by kind, and a
 * shipped template edited can be reset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "relance-application.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-preferences-window.h"
#include "relance-sample.h"
#include "relance-template-editor.h"
#include "relance-templates-page.h"
#include "relance-templates.h"
#include "relance-test-utils.h"

typedef struct
{
  char            *dir;
  RelanceDatabase *db;
  RelanceContext  *context;
  GtkWidget       *editor;
  GtkWidget       *prefs;
} Fixture;

static gboolean have_display;
static RelanceApplication *app;

#define REQUIRE_DISPLAY() G_STMT_START { \
  if (!have_display) { g_test_skip ("No display (run under xvfb-run)"); return; } \
} G_STMT_END

/* Widgets */

static gboolean
is_text_view (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_entry_after_label (GtkWidget *widget,
                      gpointer   label)
{
  GtkWidget *previous;
  g_autofree char *text = NULL;

  if (!GTK_IS_ENTRY (widget))
    return FALSE;

  /* The grid holds the label just before its entry. */
  previous = gtk_widget_get_prev_sibling (widget);
  if (!GTK_IS_LABEL (previous))
    return FALSE;
  text = relance_test_without_underscores (gtk_label_get_label (GTK_LABEL (previous)));
  return g_str_equal (text, label);
}

static gboolean
is_templates_page (GtkWidget *widget,
                   gpointer   data)
{
  return RELANCE_IS_TEMPLATES_PAGE (widget);
}

static gboolean
is_row_with_title (GtkWidget *widget,
                   gpointer   title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_group_with_title (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find (GtkWidget        *root,
      RelanceTestMatch  match,
      const char       *data)
{
  GtkWidget *found = relance_test_find_widget (root, match, (gpointer)data);

  g_assert_nonnull (found);
  return found;
}

static GtkTextBuffer *
body_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture->editor, is_text_view, NULL)));
}

static char *
dup_body (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (fixture), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (fixture), &start, &end, TRUE);
}

static void
type_body (Fixture    *fixture,
           const char *text)
{
  gtk_text_buffer_set_text (body_buffer (fixture), text, -1);
  relance_test_spin (10);
}

static GtkWidget *
save_button (Fixture *fixture)
{
  return find (fixture->editor, relance_test_is_button_with_label, "Save");
}

/* Templates */

static RelanceTemplate *
get_template (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  RelanceTemplate *template = relance_templates_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

/* The first shipped template of @kind in French. */
static RelanceTemplate *
find_shipped (Fixture             *fixture,
              RelanceTemplateKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = relance_templates_list (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);

      if (template->shipped && template->kind == kind && g_str_equal (template->language, "fr"))
        return relance_template_copy (template);
    }

  g_assert_not_reached ();
}

static gboolean
has_preview (gpointer editor)
{
  return relance_template_editor_get_n_preview_pages (editor) >= 1;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RelanceSampleOptions options;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("relance-test-templates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
  fixture->context = relance_context_new (fixture->db);
  relance_context_set_today (fixture->context, relance_day_from_dmy (23, 11, 2026));
  relance_sample_options_init (&options, relance_context_get_today (fixture->context));
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  if (fixture->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->prefs));
  relance_test_spin (50);
  g_assert_null (fixture->editor);
  g_assert_null (fixture->prefs);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  relance_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
open_editor (Fixture               *fixture,
             const RelanceTemplate *template)
{
  fixture->editor = relance_template_editor_new (NULL, fixture->context, template);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *)&fixture->editor);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->editor));
}

static void
open_preferences (Fixture *fixture)
{
  GtkWidget *page;

  fixture->prefs = relance_preferences_window_new (NULL, fixture->context);
  g_object_add_weak_pointer (G_OBJECT (fixture->prefs), (gpointer *)&fixture->prefs);
  gtk_window_present (GTK_WINDOW (fixture->prefs));
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->prefs));
  page = find (fixture->prefs, is_templates_page, NULL);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->prefs), ADW_PREFERENCES_PAGE (page));
  relance_test_spin (20);
}

/* Tests */

static void
test_editor_problem (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceTemplate) stored = NULL;
  const char *wrong = "Bonjour,\n\nNous attendons toujours\nle règlement de {{custmer.name}}.\n";
  const char *right = "Bonjour,\n\nNous attendons toujours\nle règlement de {{customer.name}}.\n";
  GtkTextIter iter;
  GtkWidget *subject;
  GtkWidget *label;
  const char *problem;
  gint64 id;

  REQUIRE_DISPLAY ();

  template = find_shipped (fixture, RELANCE_TEMPLATE_FIRST_REMINDER);
  id = template->id;
  open_editor (fixture, template);
  g_assert_null (relance_template_editor_get_problem (RELANCE_TEMPLATE_EDITOR (fixture->editor)));
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));

  /* Misspelt: named under the text with its line, underlined, no Save. */
  type_body (fixture, wrong);
  problem = relance_template_editor_get_problem (RELANCE_TEMPLATE_EDITOR (fixture->editor));
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "{{custmer.name}}"));
  g_assert_nonnull (strstr (problem, "line 4"));
  label = find (fixture->editor, relance_test_is_visible_label_containing, "{{custmer.name}}");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, problem);
  g_assert_false (gtk_widget_is_sensitive (save_button (fixture)));
  gtk_text_buffer_get_iter_at_line_offset (body_buffer (fixture), &iter, 3, 18);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (body_buffer (fixture)),
                                                                          "problem")));
  gtk_text_buffer_get_iter_at_line_offset (body_buffer (fixture), &iter, 2, 3);
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (body_buffer (fixture)),
                                                                           "problem")));

  /* Put right: nothing red, Save enabled. */
  type_body (fixture, right);
  g_assert_null (relance_template_editor_get_problem (RELANCE_TEMPLATE_EDITOR (fixture->editor)));
  g_assert_null (relance_test_find_widget (fixture->editor, relance_test_is_visible_label_containing,
                                           (gpointer)"custmer"));
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));

  /* The subject has its own checks: red entry, no Save. */
  subject = find (fixture->editor, is_entry_after_label, "Subject");
  gtk_editable_set_text (GTK_EDITABLE (subject), "Relance {{custmer.code}}");
  relance_test_spin (10);
  g_assert_true (gtk_widget_has_css_class (subject, "error"));
  g_assert_false (gtk_widget_is_sensitive (save_button (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (subject), "Relance {{customer.code}}");
  relance_test_spin (10);
  g_assert_false (gtk_widget_has_css_class (subject, "error"));
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));

  /* Saved: stored as typed, the editor closes. */
  gtk_widget_activate_action (fixture->editor, "editor.save", NULL);
  relance_test_spin (20);
  g_assert_null (fixture->editor);
  stored = get_template (fixture, id);
  g_assert_cmpstr (stored->body, ==, right);
  g_assert_cmpstr (stored->subject, ==, "Relance {{customer.code}}");
  g_assert_true (stored->shipped);
  g_assert_true (stored->modified);
}

/* Whether @menu (or a submenu of it) has an item inserting @field. */
static gboolean
menu_has_field (GMenuModel *menu,
                const char *field)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), field))
        return TRUE;
      if (submenu != NULL && menu_has_field (submenu, field))
        return TRUE;
      if (section != NULL && menu_has_field (section, field))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_menu_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static void
test_editor_insert_field (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RelanceTemplate) template = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GMenuModel *menu;

  REQUIRE_DISPLAY ();

  template = find_shipped (fixture, RELANCE_TEMPLATE_FIRST_REMINDER);
  open_editor (fixture, template);
  buffer = body_buffer (fixture);

  /* The menu offers the catalogue's fields. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find (fixture->editor, is_menu_button, NULL)));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_field (menu, "customer.name"));
  g_assert_true (menu_has_field (menu, "invoices.table"));
  g_assert_true (menu_has_field (menu, "promise.amount"));

  /* An inline field goes where the cursor is. */
  type_body (fixture, "Bonjour ,\nMerci.");
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 8);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (find (fixture->editor, is_text_view, NULL));
  gtk_widget_activate_action (fixture->editor, "editor.insert-field", "s", "contact.name");
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, "Bonjour {{contact.name}},\nMerci.");
  g_clear_pointer (&body, g_free);

  /* A block field gets a line of its own. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int)strlen ("Bonjour {{contact.name}},\nMer"));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (fixture->editor, "editor.insert-field", "s", "invoices.table");
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, "Bonjour {{contact.name}},\nMer\n{{invoices.table}}\nci.");
  g_assert_null (relance_template_editor_get_problem (RELANCE_TEMPLATE_EDITOR (fixture->editor)));
}

/* Closing with changes not saved asks first: Keep Editing keeps the
 * editor, Discard closes it and stores nothing. Unchanged, it just closes. */
static void
test_editor_discard (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  REQUIRE_DISPLAY ();

  template = find_shipped (fixture, RELANCE_TEMPLATE_FIRST_REMINDER);
  open_editor (fixture, template);
  gtk_window_close (GTK_WINDOW (fixture->editor));
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_TEMPLATE_EDITOR)));
  relance_test_spin (50);
  g_assert_null (fixture->editor);

  open_editor (fixture, template);
  type_body (fixture, "Madame, Monsieur,\nMerci de régler {{total.due}}.\n");
  gtk_window_close (GTK_WINDOW (fixture->editor));
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  relance_test_spin (20);
  g_assert_nonnull (fixture->editor);

  gtk_window_close (GTK_WINDOW (fixture->editor));
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  g_assert_true (relance_test_wait_until (relance_test_no_toplevel, GSIZE_TO_POINTER (RELANCE_TYPE_TEMPLATE_EDITOR)));
  relance_test_spin (50);
  g_assert_null (fixture->editor);

  stored = relance_templates_get (fixture->db, template->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->body, ==, template->body);
}

static void
test_editor_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceTemplate) template = NULL;
  RelanceTemplateEditor *editor;

  REQUIRE_DISPLAY ();

  template = find_shipped (fixture, RELANCE_TEMPLATE_FORMAL_NOTICE);
  open_editor (fixture, template);
  editor = RELANCE_TEMPLATE_EDITOR (fixture->editor);

  /* The letter of a customer with overdue invoices. */
  g_assert_true (relance_test_wait_until (has_preview, editor));

  /* None while the text has a problem; back once it is fixed. */
  type_body (fixture, "Madame, Monsieur,\n{{invoices.table}} reste impayé.\n");
  g_assert_nonnull (relance_template_editor_get_problem (editor));
  g_assert_cmpuint (relance_template_editor_get_n_preview_pages (editor), ==, 0);
  type_body (fixture, "Madame, Monsieur,\n{{invoices.table}}\nreste impayé.\n");
  g_assert_null (relance_template_editor_get_problem (editor));
  g_assert_true (relance_test_wait_until (has_preview, editor));
}

static void
test_page_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = relance_templates_list (fixture->db, &error);
  GtkWidget *page;
  guint n_shipped = 0;

  REQUIRE_DISPLAY ();

  g_assert_no_error (error);
  open_preferences (fixture);
  page = find (fixture->prefs, is_templates_page, NULL);
  g_assert_true (gtk_widget_get_mapped (page));

  for (guint i = 0; i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);
      GtkWidget *group = find (page, is_group_with_title, relance_template_kind_get_label (template->kind));
      GtkWidget *row = find (group, is_row_with_title, template->name);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s",
                                                   relance_template_language_get_label (template->language),
                                                   relance_template_tone_get_label (template->tone),
                                                   relance_channel_get_label (template->channel));

      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
      g_assert_null (relance_test_find_widget (row, is_label_with_text, (gpointer)"Modified"));
      n_shipped += template->shipped;
    }
  g_assert_cmpuint (n_shipped, >=, 6);
  g_assert_nonnull (find (page, is_group_with_title, "Formal notice"));
  g_assert_null (relance_test_find_widget (page, is_group_with_title, (gpointer)"Reminder call"));
}

static void
test_page_reset (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RelanceTemplate) original = NULL;
  g_autoptr(RelanceTemplate) edited = NULL;
  g_autoptr(RelanceTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *dialog;

  REQUIRE_DISPLAY ();

  original = find_shipped (fixture, RELANCE_TEMPLATE_SECOND_REMINDER);
  edited = relance_template_copy (original);
  g_free (edited->body);
  edited->body = g_strdup ("{{salutation}}\n\nPayez, s’il vous plaît.\n");
  g_assert_true (relance_templates_update (fixture->db, original->id, edited, &error));
  g_assert_no_error (error);

  open_preferences (fixture);
  page = find (fixture->prefs, is_templates_page, NULL);
  row = find (page, is_row_with_title, original->name);
  g_assert_nonnull (relance_test_find_widget (row, is_label_with_text, (gpointer)"Modified"));

  /* Reset asks first; Cancel keeps the edit. */
  gtk_widget_activate_action (page, "templates.reset", "x", original->id);
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  relance_test_spin (20);
  stored = get_template (fixture, original->id);
  g_assert_cmpstr (stored->body, ==, edited->body);
  g_clear_pointer (&stored, relance_template_free);

  gtk_widget_activate_action (page, "templates.reset", "x", original->id);
  dialog = relance_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reset");
  relance_test_spin (20);

  stored = get_template (fixture, original->id);
  g_assert_cmpstr (stored->body, ==, original->body);
  g_assert_cmpstr (stored->subject, ==, original->subject);
  g_assert_false (stored->modified);
  row = find (page, is_row_with_title, original->name);
  g_assert_null (relance_test_find_widget (row, is_label_with_text, (gpointer)"Modified"));
}

/* Duplicate adds "… (copy)"; the editor opened from the page renames it
 * and the page shows the new name; New Template adds one on Save; Delete
 * takes the user's own away. */
static void
test_page_duplicate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceTemplate) original = NULL;
  g_autoptr(RelanceTemplate) copy = NULL;
  g_autoptr(RelanceTemplate) new_template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_name = NULL;
  GtkWidget *page;
  GtkWidget *name;
  gint64 copy_id;

  REQUIRE_DISPLAY ();

  original = find_shipped (fixture, RELANCE_TEMPLATE_AFTER_CALL);
  open_preferences (fixture);
  page = find (fixture->prefs, is_templates_page, NULL);

  gtk_widget_activate_action (page, "templates.duplicate", "x", original->id);
  relance_test_spin (20);
  copy_name = g_strdup_printf ("%s (copy)", original->name);
  copy = relance_templates_find_by_name (fixture->db, copy_name, &error);
  g_assert_no_error (error);
  g_assert_false (copy->shipped);
  g_assert_cmpstr (copy->body, ==, original->body);
  find (page, is_row_with_title, copy_name);

  fixture->editor = relance_templates_page_edit (RELANCE_TEMPLATES_PAGE (page), copy->id);
  g_assert_nonnull (fixture->editor);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *)&fixture->editor);
  g_assert_true (relance_test_wait_until (relance_test_is_mapped, fixture->editor));
  name = find (fixture->editor, is_entry_after_label, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Après l’appel, version courte");
  relance_test_spin (10);
  gtk_widget_activate_action (fixture->editor, "editor.save", NULL);
  relance_test_spin (20);
  g_assert_null (fixture->editor);
  find (page, is_row_with_title, "Après l’appel, version courte");
  g_assert_null (relance_test_find_widget (page, is_row_with_title, copy_name));

  /* New Template starts from the one last edited, stored on Save only. */
  gtk_widget_activate_action (page, "templates.new", NULL);
  fixture->editor = relance_test_wait_for_dialog (RELANCE_TYPE_TEMPLATE_EDITOR);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *)&fixture->editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Template");
  name = find (fixture->editor, is_entry_after_label, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "New template");
  g_assert_null (relance_templates_find_by_name (fixture->db, "New template", NULL));
  type_body (fixture, "{{salutation}}\n\nMerci de votre appel.\n");
  gtk_widget_activate_action (fixture->editor, "editor.save", NULL);
  relance_test_spin (20);
  g_assert_null (fixture->editor);
  new_template = relance_templates_find_by_name (fixture->db, "New template", &error);
  g_assert_no_error (error);
  g_assert_false (new_template->shipped);
  g_assert_cmpint (new_template->kind, ==, RELANCE_TEMPLATE_AFTER_CALL);
  g_assert_cmpstr (new_template->body, ==, "{{salutation}}\n\nMerci de votre appel.\n");
  find (page, is_row_with_title, "New template");

  /* A shipped template cannot be deleted; the user's own can. */
  gtk_widget_activate_action (page, "templates.delete", "x", copy->id);
  relance_test_spin (20);
  g_assert_null (relance_test_find_widget (page, is_row_with_title, (gpointer)"Après l’appel, version courte"));
  copy_id = copy->id;
  g_clear_pointer (&copy, relance_template_free);
  copy = relance_templates_get (fixture->db, copy_id, &error);
  g_assert_null (copy);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The icons are SVGs: the MIME database must be found, isolated or not. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      app = relance_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/template-editor/problem", test_editor_problem);
  ADD ("/template-editor/insert-field", test_editor_insert_field);
  ADD ("/template-editor/preview", test_editor_preview);
  ADD ("/template-editor/discard", test_editor_discard);
  ADD ("/templates-page/lists", test_page_lists);
  ADD ("/templates-page/reset", test_page_reset);
  ADD ("/templates-page/duplicate", test_page_duplicate);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
