/* relance-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-application.h"
#include "relance-causes.h"
#include "relance-collections-page.h"
#include "relance-company.h"
#include "relance-company-page.h"
#include "relance-error.h"
#include "relance-preferences-window.h"
#include "relance-templates-page.h"
#include "relance-window.h"

/* The legal cap on payment terms between companies (DOMAIN.md). */
#define LEGAL_CAP_DAYS 60

typedef struct _CauseRow CauseRow;

struct _RelancePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *causes_group;
  AdwPreferencesGroup  *customers_group;
  AdwPreferencesGroup  *backups_group;
  AdwPreferencesGroup  *user_group;
  GtkWidget            *user_name_row;
  GtkWidget            *user_title_row;
  RelanceCollectionsPage *collections_page;
  RelanceCompanyPage   *company_page;
  RelanceTemplatesPage *templates_page;
  GtkAdjustment        *terms_adjustment;
  GtkAdjustment        *backups_adjustment;
  GtkWidget            *terms_warning;

  GtkWindow            *parent;     /* weak */
  RelanceContext       *context;
  GSettings            *settings;
  GPtrArray            *cause_rows; /* CauseRow, one per cause shown */
  gboolean              causes_changed;
};

/* The widgets of one cause. */
struct _CauseRow
{
  RelancePreferencesWindow *self;
  gint64                    id;
  AdwExpanderRow           *expander;
  GtkWidget                *dot;
  AdwEntryRow              *code_row;
  AdwEntryRow              *label_row;
  AdwEntryRow              *department_row;
  GtkColorChooser          *colour_button;
  GtkLabel                 *error_label;
  GtkWidget                *error_row;   /* shows error_label */
  GdkRGBA                   colour;
};

G_DEFINE_FINAL_TYPE (RelancePreferencesWindow, relance_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild_causes (RelancePreferencesWindow *self,
                            gint64                    expand_id);

/* Helpers */

static RelanceDatabase *
get_db (RelancePreferencesWindow *self)
{
  return self->context != NULL ? relance_context_get_database (self->context) : NULL;
}

static void
add_toast (RelancePreferencesWindow *self,
           const char               *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint)CLAMP (rgba->red * 255. + .5, 0., 255.),
                          (guint)CLAMP (rgba->green * 255. + .5, 0., 255.),
                          (guint)CLAMP (rgba->blue * 255. + .5, 0., 255.));
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  CauseRow *row = user_data;
  double radius = MIN (width, height) / 2.;

  if (radius <= 0)
    return;

  cairo_arc (cr, width / 2., height / 2., radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &row->colour);
  cairo_fill (cr);
}

static void
cause_row_free (CauseRow *row)
{
  g_free (row);
}

static void
set_row_titles (CauseRow   *row,
                const char *code,
                const char *label,
                const char *department)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", code, label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  adw_expander_row_set_subtitle (row->expander, department);
}

static GtkWidget *
cause_row_field (AdwExpanderRow *expander,
                 const char     *title,
                 const char     *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  adw_expander_row_add_row (expander, entry);

  return entry;
}

/* Callbacks */

/* Checks what was typed in a cause and saves it if it is right; else the
 * row in fault turns red and the message under it says why. */
static void
on_cause_changed_cb (CauseRow *row)
{
  RelancePreferencesWindow *self = row->self;
  RelanceDatabase *db = get_db (self);
  g_autofree char *colour = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCauseField field = RELANCE_CAUSE_FIELD_NONE;
  RelanceCauseFields fields = { NULL };
  GtkWidget *rows[] = { GTK_WIDGET (row->code_row), GTK_WIDGET (row->label_row), GTK_WIDGET (row->department_row) };

  if (db == NULL)
    return;

  gtk_color_chooser_get_rgba (row->colour_button, &row->colour);
  colour = rgba_to_hex (&row->colour);
  gtk_widget_queue_draw (row->dot);

  fields.code = gtk_editable_get_text (GTK_EDITABLE (row->code_row));
  fields.label = gtk_editable_get_text (GTK_EDITABLE (row->label_row));
  fields.department = gtk_editable_get_text (GTK_EDITABLE (row->department_row));
  fields.colour = colour;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");

  if (relance_causes_check (db, row->id, &fields, &field, &error) &&
      relance_causes_update (db, row->id, &fields, &error))
    {
      g_autofree char *code = g_strstrip (g_strdup (fields.code));
      g_autofree char *label = g_strstrip (g_strdup (fields.label));
      g_autofree char *department = g_strstrip (g_strdup (fields.department));

      gtk_widget_set_visible (row->error_row, FALSE);
      set_row_titles (row, code, label, department);
      self->causes_changed = TRUE;
      return;
    }

  if (field == RELANCE_CAUSE_FIELD_CODE)
    gtk_widget_add_css_class (GTK_WIDGET (row->code_row), "error");
  else if (field == RELANCE_CAUSE_FIELD_LABEL)
    gtk_widget_add_css_class (GTK_WIDGET (row->label_row), "error");
  else if (field == RELANCE_CAUSE_FIELD_DEPARTMENT)
    gtk_widget_add_css_class (GTK_WIDGET (row->department_row), "error");

  gtk_label_set_text (row->error_label, error->message);
  gtk_widget_set_visible (row->error_row, TRUE);
}

static void
on_move_up_clicked_cb (CauseRow *row)
{
  RelancePreferencesWindow *self = row->self;
  g_autoptr(GError) error = NULL;
  gint64 id = row->id;

  if (!relance_causes_move (get_db (self), id, -1, &error))
    {
      add_toast (self, error->message);
      return;
    }

  self->causes_changed = TRUE;
  rebuild_causes (self, 0);  /* frees @row */
}

static void
on_move_down_clicked_cb (CauseRow *row)
{
  RelancePreferencesWindow *self = row->self;
  g_autoptr(GError) error = NULL;
  gint64 id = row->id;

  if (!relance_causes_move (get_db (self), id, 1, &error))
    {
      add_toast (self, error->message);
      return;
    }

  self->causes_changed = TRUE;
  rebuild_causes (self, 0);  /* frees @row */
}

/* A cause removed, to put back with Undo. */
typedef struct
{
  RelanceDisputeCause *cause;
  guint                position;
} RemovedCause;

static void
removed_cause_free (gpointer data)
{
  RemovedCause *removed = data;

  relance_dispute_cause_free (removed->cause);
  g_free (removed);
}

static void
on_undo_remove_cb (AdwToast *toast,
                   RelancePreferencesWindow *self)
{
  RemovedCause *removed = g_object_get_data (G_OBJECT (toast), "removed");
  RelanceCauseFields fields = {
    .code = removed->cause->code,
    .label = removed->cause->label,
    .department = removed->cause->department,
    .colour = removed->cause->colour,
  };
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = relance_causes_add (get_db (self), &fields, &error);
  if (id == 0)
    {
      add_toast (self, error->message);
      return;
    }

  /* Back at its place in the list. */
  causes = relance_causes_list (get_db (self), NULL);
  for (guint i = removed->position + 1; causes != NULL && i < causes->len; i++)
    relance_causes_move (get_db (self), id, -1, NULL);

  self->causes_changed = TRUE;
  rebuild_causes (self, id);
}

static void
on_remove_clicked_cb (CauseRow *row)
{
  RelancePreferencesWindow *self = row->self;
  g_autoptr(GPtrArray) causes = relance_causes_list (get_db (self), NULL);
  g_autoptr(GError) error = NULL;
  RemovedCause *removed = NULL;
  AdwToast *toast;

  for (guint i = 0; causes != NULL && i < causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (causes, i);

      if (cause->id == row->id)
        {
          removed = g_new0 (RemovedCause, 1);
          removed->cause = g_ptr_array_steal_index (causes, i);
          removed->position = i;
          break;
        }
    }

  if (!relance_causes_remove (get_db (self), row->id, &error))
    {
      g_clear_pointer (&removed, removed_cause_free);
      add_toast (self, error->message);
      return;
    }

  self->causes_changed = TRUE;
  rebuild_causes (self, 0);  /* frees @row */

  toast = adw_toast_new (_("Cause removed"));
  adw_toast_set_timeout (toast, 8);
  if (removed != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "removed", removed, removed_cause_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
add_cause_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RelancePreferencesWindow *self = RELANCE_PREFERENCES_WINDOW (widget);
  RelanceDatabase *db = get_db (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  RelanceCauseFields fields = { NULL };
  gint64 id;

  if (db == NULL)
    return;

  code = relance_causes_next_code (db, &error);
  if (code != NULL)
    {
      fields.code = code;
      fields.label = _("New cause");
      fields.department = "";
      id = relance_causes_add (db, &fields, &error);
    }
  else
    id = 0;

  if (id == 0)
    {
      add_toast (self, error->message);
      return;
    }

  self->causes_changed = TRUE;
  rebuild_causes (self, id);
}

static void
on_terms_changed_cb (RelancePreferencesWindow *self)
{
  gtk_widget_set_visible (self->terms_warning,
                          gtk_adjustment_get_value (self->terms_adjustment) > LEGAL_CAP_DAYS);
}

/* The lists of the main window read the causes again once the user is
 * done here, rather than at every key typed. */
static gboolean
on_close_request_cb (RelancePreferencesWindow *self)
{
  gboolean changed = self->causes_changed ||
                     relance_collections_page_get_changed (self->collections_page);

  if (changed && self->parent != NULL && RELANCE_IS_WINDOW (self->parent) &&
      relance_window_get_context (RELANCE_WINDOW (self->parent)) == self->context)
    {
      g_autoptr(RelanceContext) context = relance_context_new_like (get_db (self), self->context);

      relance_window_set_context (RELANCE_WINDOW (self->parent), context);
    }
  self->causes_changed = FALSE;

  return FALSE;
}

/* The list of causes */

static CauseRow *
add_cause_row (RelancePreferencesWindow  *self,
               const RelanceDisputeCause *cause,
               guint                      index,
               guint                      n_causes,
               gint64                     used)
{
  CauseRow *row = g_new0 (CauseRow, 1);
  GtkWidget *expander;
  GtkWidget *box;
  GtkWidget *button;
  GtkWidget *colour_row;
  GtkWidget *remove_row;
  GtkWidget *colour_button;
  GtkWidget *label;

  row->self = self;
  row->id = cause->id;
  if (!gdk_rgba_parse (&row->colour, cause->colour))
    gdk_rgba_parse (&row->colour, "#3584e4");

  expander = adw_expander_row_new ();
  row->expander = ADW_EXPANDER_ROW (expander);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  set_row_titles (row, cause->code, cause->label, cause->department);

  row->dot = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->dot), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (row->dot), 14);
  gtk_widget_set_valign (row->dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->dot), draw_dot, row, NULL);
  adw_expander_row_add_prefix (row->expander, row->dot);

  /* Up and down, in the header: the order of the lists and charts. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "linked");
  button = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Up"), -1);
  gtk_widget_set_sensitive (button, index > 0);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_move_up_clicked_cb), row);
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Down"), -1);
  gtk_widget_set_sensitive (button, index + 1 < n_causes);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_move_down_clicked_cb), row);
  gtk_box_append (GTK_BOX (box), button);
  adw_expander_row_add_action (row->expander, box);

  row->code_row = ADW_ENTRY_ROW (cause_row_field (row->expander, _("_Code (up to three characters)"), cause->code));
  row->label_row = ADW_ENTRY_ROW (cause_row_field (row->expander, _("_Label"), cause->label));
  row->department_row = ADW_ENTRY_ROW (cause_row_field (row->expander, _("_Department"), cause->department));

  colour_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (colour_row), _("Colour"));
  colour_button = gtk_color_button_new_with_rgba (&row->colour);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour_button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (colour_button), _("Colour of the Cause"));
  gtk_widget_set_valign (colour_button, GTK_ALIGN_CENTER);
  row->colour_button = GTK_COLOR_CHOOSER (colour_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (colour_row), colour_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (colour_row), colour_button);
  adw_expander_row_add_row (row->expander, colour_row);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (remove_row), FALSE);
  if (used > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Used by %d dispute: it cannot be removed",
                                                                "Used by %d disputes: it cannot be removed",
                                                                (gulong)used),
                                                   (int)used);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), subtitle);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("No dispute uses this cause"));
  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  /* Refused by the model too; the title says why. */
  gtk_widget_set_sensitive (button, used == 0 && n_causes > 1);
  if (used == 0 && n_causes <= 1)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("A ledger needs at least one cause"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), button);
  adw_expander_row_add_row (row->expander, remove_row);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  row->error_label = GTK_LABEL (label);
  row->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->error_row), label);
  gtk_widget_set_visible (row->error_row, FALSE);
  adw_expander_row_add_row (row->expander, row->error_row);

  /* Connected once the fields are filled. */
  g_signal_connect_swapped (row->code_row, "changed", G_CALLBACK (on_cause_changed_cb), row);
  g_signal_connect_swapped (row->label_row, "changed", G_CALLBACK (on_cause_changed_cb), row);
  g_signal_connect_swapped (row->department_row, "changed", G_CALLBACK (on_cause_changed_cb), row);
  g_signal_connect_swapped (colour_button, "color-set", G_CALLBACK (on_cause_changed_cb), row);

  adw_preferences_group_add (self->causes_group, expander);

  return row;
}

/* Shows the causes of the ledger again; @expand_id's row, if any, opens. */
static void
rebuild_causes (RelancePreferencesWindow *self,
                gint64                    expand_id)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->cause_rows->len; i++)
    {
      CauseRow *row = g_ptr_array_index (self->cause_rows, i);

      adw_preferences_group_remove (self->causes_group, GTK_WIDGET (row->expander));
    }
  g_ptr_array_set_size (self->cause_rows, 0);

  if (db == NULL)
    {
      adw_preferences_group_set_description (self->causes_group,
                                             _("No ledger is open: open one to edit its dispute causes."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-cause", FALSE);
      return;
    }

  causes = relance_causes_list (db, &error);
  if (causes == NULL)
    {
      adw_preferences_group_set_description (self->causes_group, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-cause", FALSE);
      return;
    }

  for (guint i = 0; i < causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (causes, i);
      gint64 used = relance_causes_count_disputes (db, cause->id, NULL);
      CauseRow *row = add_cause_row (self, cause, i, causes->len, used);

      g_ptr_array_add (self->cause_rows, row);
      if (cause->id == expand_id)
        {
          adw_expander_row_set_expanded (row->expander, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (row->label_row));
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-cause",
                                 causes->len < RELANCE_CAUSES_MAX);
}

/* Overrides */

static void
relance_preferences_window_dispose (GObject *object)
{
  RelancePreferencesWindow *self = (RelancePreferencesWindow *)object;

  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *)&self->parent);
  self->parent = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relance_preferences_window_parent_class)->dispose (object);
}

static void
relance_preferences_window_finalize (GObject *object)
{
  RelancePreferencesWindow *self = (RelancePreferencesWindow *)object;

  g_clear_pointer (&self->cause_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_preferences_window_parent_class)->finalize (object);
}

static void
relance_preferences_window_class_init (RelancePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_preferences_window_dispose;
  object_class->finalize = relance_preferences_window_finalize;

  (void)relance_get_resource ();
  g_type_ensure (RELANCE_TYPE_COLLECTIONS_PAGE);
  g_type_ensure (RELANCE_TYPE_COMPANY_PAGE);
  g_type_ensure (RELANCE_TYPE_TEMPLATES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, causes_group);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, customers_group);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, user_group);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, user_title_row);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, collections_page);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, company_page);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, templates_page);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, terms_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, backups_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RelancePreferencesWindow, terms_warning);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "preferences.add-cause", NULL, add_cause_action);
}

static void
relance_preferences_window_init (RelancePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cause_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)cause_row_free);

  self->settings = relance_application_new_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "default-payment-terms",
                       self->terms_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "backups-kept",
                       self->backups_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "user-name", self->user_name_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "user-title", self->user_title_row, "text", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      /* Without the schema nothing would be remembered. */
      gtk_widget_set_visible (GTK_WIDGET (self->customers_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->backups_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->user_group), FALSE);
    }

  g_signal_connect_object (self->terms_adjustment, "value-changed",
                           G_CALLBACK (on_terms_changed_cb), self, G_CONNECT_SWAPPED);
  on_terms_changed_cb (self);
}

/* Public API */

/**
 * relance_preferences_window_new:
 * @parent: (nullable): the window the preferences are modal for; a
 *   #RelanceWindow shows the edited causes once they close
 * @context: (nullable): the ledger whose causes are edited, if one is open
 *
 * Returns: (transfer none): a new window; it destroys itself when closed
 */
GtkWidget *
relance_preferences_window_new (GtkWindow      *parent,
                                RelanceContext *context)
{
  RelancePreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (context == NULL || RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *)&self->parent);
  g_set_object (&self->context, context);
  rebuild_causes (self, 0);
  relance_collections_page_set_context (self->collections_page, context);
  relance_company_page_set_context (self->company_page, context);
  relance_templates_page_set_context (self->templates_page, context);

  return GTK_WIDGET (self);
}

/* Who records: the name and title typed in the Preferences, else the
 * company's signatory, else the account's real name, else its login. */
static void
get_user (RelanceContext  *context,
          char           **name,
          char           **title)
{
  g_autoptr(GSettings) settings = relance_application_new_settings ();
  g_autofree char *typed_name = settings ? g_strstrip (g_settings_get_string (settings, "user-name")) : g_strdup ("");
  g_autofree char *typed_title = settings ? g_strstrip (g_settings_get_string (settings, "user-title")) : g_strdup ("");
  const char *real_name = g_get_real_name ();

  if (typed_name[0] != '\0')
    {
      *name = g_steal_pointer (&typed_name);
      *title = g_steal_pointer (&typed_title);
      return;
    }

  if (context != NULL)
    {
      g_autoptr(RelanceCompany) company = relance_company_get (relance_context_get_database (context), NULL);

      if (company != NULL && company->signatory_name[0] != '\0')
        {
          *name = g_strdup (company->signatory_name);
          *title = g_strdup (typed_title[0] != '\0' ? typed_title : company->signatory_title);
          return;
        }
    }

  /* GLib says "Unknown" when the account has no real name. */
  if (real_name == NULL || real_name[0] == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = g_get_user_name ();
  *name = g_strdup (real_name);
  *title = g_steal_pointer (&typed_title);
}

/**
 * relance_preferences_dup_user_name:
 * @context: (nullable): the open ledger, for its company's signatory
 *
 * The person who records actions from the window: the name set in the
 * Preferences; when empty, the company's signatory; else the account's
 * real name or login. Never "Unknown".
 *
 * Returns: (transfer full): the name
 */
char *
relance_preferences_dup_user_name (RelanceContext *context)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  get_user (context, &name, &title);
  return g_steal_pointer (&name);
}

/**
 * relance_preferences_dup_user_title:
 * @context: (nullable): the open ledger
 *
 * Returns: (transfer full): the title set in the Preferences, or the
 *   company signatory's when the name is theirs too; "" when none
 */
char *
relance_preferences_dup_user_title (RelanceContext *context)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  get_user (context, &name, &title);
  return g_steal_pointer (&title);
}

/**
 * relance_preferences_get_user_name:
 * @context: the open ledger
 *
 * relance_preferences_dup_user_name(), kept by @context until the next
 * call: for the `who` of an action recorded at once.
 *
 * Returns: (transfer none): the name
 */
const char *
relance_preferences_get_user_name (RelanceContext *context)
{
  char *name;

  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  name = relance_preferences_dup_user_name (context);
  g_object_set_data_full (G_OBJECT (context), "relance-user-name", name, g_free);

  return name;
}
