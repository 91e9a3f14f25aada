/* relance-collections-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>

#include "relance-resources.h"

#include "relance-collections-page.h"
#include "relance-error.h"
#include "relance-format.h"
#include "relance-money.h"
#include "relance-penalties.h"
#include "relance-scenarios.h"

typedef struct _SegmentRow SegmentRow;
typedef struct _ScenarioRow ScenarioRow;
typedef struct _RateTable RateTable;
typedef struct _StepEditor StepEditor;

struct _RelanceCollectionsPage
{
  AdwPreferencesPage    parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *no_ledger_group;
  AdwPreferencesGroup  *segments_group;
  AdwPreferencesGroup  *scenarios_group;
  AdwPreferencesGroup  *interest_group;
  AdwPreferencesGroup  *promises_group;
  AdwExpanderRow       *ecb_row;
  AdwExpanderRow       *legal_row;
  GtkSpinButton        *margin_spin;
  GtkSpinButton        *eu_margin_spin;
  GtkSpinButton        *indemnity_spin;
  GtkSpinButton        *grace_spin;
  GtkAdjustment        *margin_adjustment;
  GtkAdjustment        *eu_margin_adjustment;
  GtkAdjustment        *indemnity_adjustment;
  GtkAdjustment        *grace_adjustment;

  RelanceContext       *context;
  GPtrArray            *scenarios;        /* RelanceScenario, as shown */
  GPtrArray            *segment_rows;     /* AdwExpanderRow in segments_group (not owned) */
  GPtrArray            *scenario_rows;    /* AdwExpanderRow in scenarios_group (not owned) */
  RateTable            *ecb_table;
  RateTable            *legal_table;
  gboolean              loading;          /* settings being shown, not typed */
  gboolean              changed;
};

/* The widgets of one target group; owned by its expander. */
struct _SegmentRow
{
  RelanceCollectionsPage *self;
  RelanceSegment         *segment;
  AdwExpanderRow         *expander;
  AdwEntryRow            *name_row;
  AdwComboRow            *tone_row;
  AdwComboRow            *scenario_row;
  GArray                 *choice_ids;   /* gint64: the scenario of each choice, 0 for the default */
  GtkLabel               *error_label;
  GtkWidget              *error_row;
};

/* The widgets of one scenario; owned by its expander. */
struct _ScenarioRow
{
  RelanceCollectionsPage *self;
  gint64                  id;
  AdwExpanderRow         *expander;
  AdwEntryRow            *name_row;
  GtkLabel               *error_label;
  GtkWidget              *error_row;
};

/* An expander with a dated rate table, newest first, and a form to add one. */
struct _RateTable
{
  RelanceCollectionsPage *self;
  RelanceRateKind         kind;
  AdwExpanderRow         *expander;
  AdwEntryRow            *date_row;
  AdwEntryRow            *rate_row;
  GtkLabel               *error_label;
  GtkWidget              *error_row;
  GPtrArray              *rows;     /* the rate rows shown (not owned) */
};

/* The dialog that edits or adds a step. */
struct _StepEditor
{
  RelanceCollectionsPage *self;
  gint64                  scenario_id;
  gint64                  step_id;   /* 0 for a new step */
  AdwMessageDialog       *dialog;
  GtkSpinButton          *day_spin;
  AdwActionRow           *day_row;
  GtkSpinButton          *gap_spin;
  AdwActionRow           *gap_row;
  AdwComboRow            *channel_row;
  AdwComboRow            *template_row;
  GtkSwitch              *penalties_switch;
  GtkLabel               *error_label;
  gboolean                adjusting;
};

G_DEFINE_FINAL_TYPE (RelanceCollectionsPage, relance_collections_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild_segments  (RelanceCollectionsPage *self,
                               gint64                  expand_id);
static void rebuild_scenarios (RelanceCollectionsPage *self,
                               gint64                  expand_id);
static void rebuild_rates     (RateTable              *table);

/* Helpers */

static RelanceDatabase *
get_db (RelanceCollectionsPage *self)
{
  return self->context != NULL ? relance_context_get_database (self->context) : NULL;
}

static void
add_toast (RelanceCollectionsPage *self,
           AdwToast               *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  adw_toast_set_timeout (toast, 8);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (RelanceCollectionsPage *self,
              const char             *message)
{
  add_toast (self, adw_toast_new (message));
}

static GtkWindow *
get_window (RelanceCollectionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* "2,15 %" with the locale's decimal separator; from integers only. */
static char *
format_rate (int basis_points)
{
  const char *radix = nl_langinfo (RADIXCHAR);

  if (radix == NULL || radix[0] == '\0' || !g_utf8_validate (radix, -1, NULL))
    radix = ".";

  return g_strdup_printf ("%d%s%02d\xc2\xa0%%", basis_points / 100, radix, basis_points % 100);
}

static const RelanceScenario *
find_scenario (RelanceCollectionsPage *self,
               gint64                  scenario_id)
{
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      const RelanceScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (scenario->id == scenario_id)
        return scenario;
    }

  return NULL;
}

static const RelanceScenario *
find_default_scenario (RelanceCollectionsPage *self)
{
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      const RelanceScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (scenario->is_default)
        return scenario;
    }

  return NULL;
}

static char *
describe_step (const RelanceScenarioStep *step)
{
  g_autofree char *day = relance_step_format_offset (step->offset_days);

  /* Translators: a step of a scenario: "D+20 · Letter · Reminder after a call" */
  return g_strdup_printf (_("%s · %s · %s"), day,
                          relance_channel_get_label (step->channel),
                          relance_template_kind_get_label (step->template_kind));
}

static GtkWidget *
new_error_row (GtkLabel **label_out)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_visible (row, FALSE);

  *label_out = GTK_LABEL (label);
  return row;
}

static void
show_error (GtkWidget   *error_row,
            GtkLabel    *error_label,
            GtkWidget   *field,
            const GError *error)
{
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  gtk_label_set_text (error_label, error->message);
  gtk_widget_set_visible (error_row, TRUE);
}

static void
clear_error (GtkWidget *error_row,
             GtkWidget *field)
{
  if (field != NULL)
    gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_visible (error_row, FALSE);
}

static GtkWidget *
new_entry_row (const char *title,
               const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);

  return entry;
}

static GtkWidget *
new_button (const char *mnemonic,
            const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);

  return button;
}

/* The ids of the expanders open in @rows, to open them again once rebuilt. */
static GArray *
expanded_ids (GPtrArray *rows,
              gint64   (*get_id) (AdwExpanderRow *expander))
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      AdwExpanderRow *expander = g_ptr_array_index (rows, i);

      if (adw_expander_row_get_expanded (expander))
        {
          gint64 id = get_id (expander);

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gint64
segment_row_id (AdwExpanderRow *expander)
{
  SegmentRow *row = g_object_get_data (G_OBJECT (expander), "relance-segment-row");

  return row->segment->id;
}

static gint64
scenario_row_id (AdwExpanderRow *expander)
{
  ScenarioRow *row = g_object_get_data (G_OBJECT (expander), "relance-scenario-row");

  return row->id;
}

/* A name no scenario (or group) has yet: "@base", then "@base 2"... */
static char *
free_name (const char *base,
           GPtrArray  *taken)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, n);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      gboolean used = FALSE;

      for (guint i = 0; i < taken->len && !used; i++)
        {
          g_autofree char *other = g_utf8_casefold (g_ptr_array_index (taken, i), -1);

          used = g_str_equal (folded, other);
        }

      if (!used)
        return g_steal_pointer (&name);
    }
}

static GPtrArray *
scenario_names (RelanceCollectionsPage *self)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    g_ptr_array_add (names, ((RelanceScenario *)g_ptr_array_index (self->scenarios, i))->name);

  return names;
}

/* Target groups */

static void
set_segment_subtitle (SegmentRow *row)
{
  RelanceCollectionsPage *self = row->self;
  const RelanceScenario *scenario;
  g_autofree char *customers = NULL;
  g_autofree char *subtitle = NULL;

  scenario = row->segment->scenario_id != 0 ? find_scenario (self, row->segment->scenario_id)
                                            : find_default_scenario (self);
  customers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers",
                                            row->segment->n_customers),
                               row->segment->n_customers);
  /* Translators: "12 customers · tone: Courteous · scenario: Key accounts" */
  subtitle = g_strdup_printf (_("%s · tone: %s · scenario: %s"), customers,
                              relance_tone_get_label (row->segment->tone),
                              scenario != NULL ? scenario->name : "");
  adw_expander_row_set_subtitle (row->expander, subtitle);
}

static void
segment_row_free (SegmentRow *row)
{
  relance_segment_free (row->segment);
  g_array_unref (row->choice_ids);
  g_free (row);
}

/* Saves the name, tone and scenario shown if they are right; else the
 * message under them says why. */
static void
save_segment (SegmentRow *row)
{
  RelanceCollectionsPage *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RelanceTone tone;
  guint choice;
  gint64 scenario_id = 0;
  gint64 old_scenario_id = row->segment->scenario_id;

  if (self->loading || get_db (self) == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->name_row))));
  tone = (RelanceTone)adw_combo_row_get_selected (row->tone_row);
  choice = adw_combo_row_get_selected (row->scenario_row);
  if (choice < row->choice_ids->len)
    scenario_id = g_array_index (row->choice_ids, gint64, choice);

  if (!relance_segments_update (get_db (self), row->segment->id, name, tone, scenario_id, &error))
    {
      show_error (row->error_row, row->error_label, GTK_WIDGET (row->name_row), error);
      return;
    }

  clear_error (row->error_row, GTK_WIDGET (row->name_row));
  g_free (row->segment->name);
  row->segment->name = g_steal_pointer (&name);
  row->segment->tone = tone;
  row->segment->scenario_id = scenario_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), row->segment->name);
  set_segment_subtitle (row);
  self->changed = TRUE;

  /* The scenarios say how many groups use them. */
  if (scenario_id != old_scenario_id)
    rebuild_scenarios (self, 0);
}

static void
on_segment_changed_cb (SegmentRow *row)
{
  save_segment (row);
}

typedef struct
{
  RelanceCollectionsPage *self;
  char                   *name;
  RelanceTone             tone;
  gint64                  scenario_id;
} RemovedSegment;

static void
removed_segment_free (gpointer data)
{
  RemovedSegment *removed = data;

  g_object_unref (removed->self);
  g_free (removed->name);
  g_free (removed);
}

static void
on_undo_remove_segment_cb (AdwToast       *toast,
                           RemovedSegment *removed)
{
  RelanceCollectionsPage *self = removed->self;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (get_db (self) == NULL)
    return;

  id = relance_segments_add (get_db (self), removed->name, removed->tone, removed->scenario_id, &error);
  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_segments (self, 0);
  rebuild_scenarios (self, 0);
}

static void
remove_segment (RelanceCollectionsPage *self,
                const RelanceSegment   *segment)
{
  g_autoptr(GError) error = NULL;
  RemovedSegment *removed;
  AdwToast *toast;

  removed = g_new0 (RemovedSegment, 1);
  removed->self = g_object_ref (self);
  removed->name = g_strdup (segment->name);
  removed->tone = segment->tone;
  removed->scenario_id = segment->scenario_id;

  if (!relance_segments_remove (get_db (self), segment->id, &error))
    {
      removed_segment_free (removed);
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  toast = adw_toast_new (_("Target group removed"));
  /* Without customers, the group comes back whole. */
  if (segment->n_customers == 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_segment_cb),
                             removed, (GClosureNotify)(void (*)(void))removed_segment_free, 0);
    }
  else
    removed_segment_free (removed);

  rebuild_segments (self, 0);   /* frees @segment */
  rebuild_scenarios (self, 0);
  add_toast (self, toast);
}

typedef struct
{
  RelanceCollectionsPage *self;
  RelanceSegment         *segment;
} SegmentQuestion;

static void
on_remove_segment_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               SegmentQuestion  *question)
{
  if (g_str_equal (response, "remove") && get_db (question->self) != NULL)
    remove_segment (question->self, question->segment);

  g_object_unref (question->self);
  relance_segment_free (question->segment);
  g_free (question);
}

static void
on_remove_segment_clicked_cb (SegmentRow *row)
{
  RelanceCollectionsPage *self = row->self;
  SegmentQuestion *question;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (row->segment->n_customers == 0)
    {
      g_autoptr(RelanceSegment) segment = g_memdup2 (row->segment, sizeof *row->segment);

      segment->name = g_strdup (row->segment->name);
      remove_segment (self, segment);   /* frees @row */
      return;
    }

  /* Its customers lose their group: asked first. */
  heading = g_strdup_printf (_("Remove “%s”?"), row->segment->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u customer will have no target group, and will be reminded with the default scenario.",
                                       "Its %u customers will have no target group, and will be reminded with the default scenario.",
                                       row->segment->n_customers),
                          row->segment->n_customers);
  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question = g_new0 (SegmentQuestion, 1);
  question->self = g_object_ref (self);
  question->segment = g_memdup2 (row->segment, sizeof *row->segment);
  question->segment->name = g_strdup (row->segment->name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_segment_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The default scenario first, then each scenario; @ids gets their ids. */
static GListModel *
new_scenario_choices (RelanceCollectionsPage *self,
                      GArray                 *ids)
{
  const RelanceScenario *fallback = find_default_scenario (self);
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autofree char *first = NULL;
  gint64 none = 0;

  /* Translators: the scenario of a target group that has none of its own */
  first = g_strdup_printf (_("Default (%s)"), fallback != NULL ? fallback->name : "");
  gtk_string_list_append (list, first);
  g_array_append_val (ids, none);
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RelanceScenario *scenario = g_ptr_array_index (self->scenarios, i);

      gtk_string_list_append (list, scenario->name);
      g_array_append_val (ids, scenario->id);
    }

  return G_LIST_MODEL (list);
}

static SegmentRow *
add_segment_row (RelanceCollectionsPage *self,
                 RelanceSegment         *segment)
{
  SegmentRow *row = g_new0 (SegmentRow, 1);
  const char *tones[] = {
    relance_tone_get_label (RELANCE_TONE_COURTEOUS),
    relance_tone_get_label (RELANCE_TONE_STANDARD),
    relance_tone_get_label (RELANCE_TONE_FIRM),
    NULL,
  };
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GtkStringList) tone_list = NULL;
  GtkWidget *expander;
  GtkWidget *combo;
  GtkWidget *remove_row;
  GtkWidget *button;
  guint selected = 0;

  row->self = self;
  row->segment = segment;

  expander = adw_expander_row_new ();
  row->expander = ADW_EXPANDER_ROW (expander);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), segment->name);
  g_object_set_data_full (G_OBJECT (expander), "relance-segment-row", row, (GDestroyNotify)segment_row_free);
  set_segment_subtitle (row);

  row->name_row = ADW_ENTRY_ROW (new_entry_row (_("_Name"), segment->name));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->name_row));

  combo = adw_combo_row_new ();
  row->tone_row = ADW_COMBO_ROW (combo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("_Tone of the Letters"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (combo), TRUE);
  tone_list = gtk_string_list_new (tones);
  adw_combo_row_set_model (row->tone_row, G_LIST_MODEL (tone_list));
  adw_combo_row_set_selected (row->tone_row, (guint)segment->tone);
  adw_expander_row_add_row (row->expander, combo);

  combo = adw_combo_row_new ();
  row->scenario_row = ADW_COMBO_ROW (combo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("_Scenario"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (combo), TRUE);
  row->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choices = new_scenario_choices (self, row->choice_ids);
  adw_combo_row_set_model (row->scenario_row, choices);
  for (guint i = 0; i < row->choice_ids->len; i++)
    if (g_array_index (row->choice_ids, gint64, i) == segment->scenario_id)
      selected = i;
  adw_combo_row_set_selected (row->scenario_row, selected);
  adw_expander_row_add_row (row->expander, combo);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (remove_row), FALSE);
  if (segment->n_customers > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Removing it leaves its %u customer without a group",
                                                             "Removing it leaves its %u customers without a group",
                                                             segment->n_customers),
                                                segment->n_customers);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("No customer is in this group"));
  button = new_button (_("_Remove"), "destructive-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_segment_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), button);
  adw_expander_row_add_row (row->expander, remove_row);

  row->error_row = new_error_row (&row->error_label);
  adw_expander_row_add_row (row->expander, row->error_row);

  /* Connected once the fields are filled. */
  g_signal_connect_swapped (row->name_row, "changed", G_CALLBACK (on_segment_changed_cb), row);
  g_signal_connect_swapped (row->tone_row, "notify::selected", G_CALLBACK (on_segment_changed_cb), row);
  g_signal_connect_swapped (row->scenario_row, "notify::selected", G_CALLBACK (on_segment_changed_cb), row);

  adw_preferences_group_add (self->segments_group, expander);
  g_ptr_array_add (self->segment_rows, expander);

  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Shows the target groups again, @expand_id's open (and those that were). */
static void
rebuild_segments (RelanceCollectionsPage *self,
                  gint64                  expand_id)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(GArray) expanded = expanded_ids (self->segment_rows, segment_row_id);
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = TRUE;
  clear_rows (self->segments_group, self->segment_rows);
  self->loading = FALSE;

  if (db == NULL || self->scenarios == NULL)
    return;

  segments = relance_segments_list (db, &error);
  if (segments == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < segments->len; i++)
    {
      RelanceSegment *segment = g_ptr_array_index (segments, i);
      gint64 id = segment->id;
      SegmentRow *row;

      g_ptr_array_index (segments, i) = NULL;
      row = add_segment_row (self, segment);
      if (id == expand_id || contains_id (expanded, id))
        adw_expander_row_set_expanded (row->expander, TRUE);
      if (id == expand_id)
        gtk_widget_grab_focus (GTK_WIDGET (row->name_row));
    }
}

static void
add_segment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceCollectionsPage *self = RELANCE_COLLECTIONS_PAGE (widget);
  RelanceDatabase *db = get_db (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (db == NULL)
    return;

  for (guint i = 0; i < self->segment_rows->len; i++)
    {
      SegmentRow *row = g_object_get_data (g_ptr_array_index (self->segment_rows, i), "relance-segment-row");

      g_ptr_array_add (names, row->segment->name);
    }
  name = free_name (_("New target group"), names);

  id = relance_segments_add (db, name, RELANCE_TONE_STANDARD, 0, &error);
  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_segments (self, id);
}

/* Steps */

static void
step_editor_free (StepEditor *editor)
{
  g_object_unref (editor->self);
  g_free (editor);
}

static void
read_step (StepEditor          *editor,
           RelanceScenarioStep *step)
{
  step->id = editor->step_id;
  step->offset_days = gtk_spin_button_get_value_as_int (editor->day_spin);
  step->channel = (RelanceChannel)adw_combo_row_get_selected (editor->channel_row);
  step->template_kind = (RelanceTemplateKind)adw_combo_row_get_selected (editor->template_row);
  step->claims_penalties = gtk_switch_get_active (editor->penalties_switch);
  step->min_gap_days = gtk_spin_button_get_value_as_int (editor->gap_spin);
}

/* Says what is wrong with the step as it stands; Save waits till it is right. */
static void
check_step (StepEditor *editor)
{
  RelanceDatabase *db = get_db (editor->self);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  RelanceScenarioStep step;
  gboolean valid;

  read_step (editor, &step);
  day = relance_step_format_offset (step.offset_days);
  adw_action_row_set_subtitle (editor->day_row, day);
  {
    /* Translators: the fewest days between a step and the one before it:
     * "At least 12 days after the previous step" */
    g_autofree char *gap = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "At least %d day after the previous step",
                                                         "At least %d days after the previous step",
                                                         step.min_gap_days),
                                            step.min_gap_days);

    adw_action_row_set_subtitle (editor->gap_row, gap);
  }

  valid = db != NULL && relance_scenarios_check_step (db, editor->scenario_id, editor->step_id, &step, &error);
  adw_message_dialog_set_response_enabled (editor->dialog, "save", valid);
  gtk_label_set_text (editor->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), error != NULL);
}

/* A phone step is a call and a call is by phone; a formal notice goes by
 * registered letter: the other field follows. */
static void
on_channel_changed_cb (StepEditor *editor)
{
  RelanceChannel channel = (RelanceChannel)adw_combo_row_get_selected (editor->channel_row);

  if (!editor->adjusting && channel == RELANCE_CHANNEL_PHONE)
    {
      editor->adjusting = TRUE;
      adw_combo_row_set_selected (editor->template_row, RELANCE_TEMPLATE_CALL);
      editor->adjusting = FALSE;
    }
  check_step (editor);
}

static void
on_template_changed_cb (StepEditor *editor)
{
  RelanceTemplateKind kind = (RelanceTemplateKind)adw_combo_row_get_selected (editor->template_row);

  if (!editor->adjusting && (kind == RELANCE_TEMPLATE_CALL || kind == RELANCE_TEMPLATE_FORMAL_NOTICE))
    {
      editor->adjusting = TRUE;
      adw_combo_row_set_selected (editor->channel_row,
                                  kind == RELANCE_TEMPLATE_CALL ? RELANCE_CHANNEL_PHONE
                                                                : RELANCE_CHANNEL_REGISTERED_LETTER);
      editor->adjusting = FALSE;
    }
  check_step (editor);
}

static void
on_step_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     StepEditor       *editor)
{
  RelanceCollectionsPage *self = editor->self;
  RelanceDatabase *db = get_db (self);
  g_autoptr(GError) error = NULL;
  RelanceScenarioStep step;
  gboolean done = TRUE;

  if (db == NULL || g_str_equal (response, "cancel"))
    return;

  read_step (editor, &step);
  if (g_str_equal (response, "save"))
    {
      if (editor->step_id != 0)
        done = relance_scenarios_update_step (db, editor->step_id, &step, &error);
      else
        done = relance_scenarios_add_step (db, editor->scenario_id, &step, &error) != 0;
    }
  else if (g_str_equal (response, "remove"))
    done = relance_scenarios_remove_step (db, editor->step_id, &error);

  if (!done)
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_scenarios (self, editor->scenario_id);
}

static GtkWidget *
new_combo_row (const char         *title,
               const char * const *labels,
               guint               selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);
  GtkWidget *combo = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (combo), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected);

  return combo;
}

/* Opens the dialog for @step of @scenario, or for a new step if @step is NULL. */
static void
edit_step (RelanceCollectionsPage    *self,
           const RelanceScenario     *scenario,
           const RelanceScenarioStep *step)
{
  const char *channels[] = {
    relance_channel_get_label (RELANCE_CHANNEL_PHONE),
    relance_channel_get_label (RELANCE_CHANNEL_EMAIL),
    relance_channel_get_label (RELANCE_CHANNEL_LETTER),
    relance_channel_get_label (RELANCE_CHANNEL_REGISTERED_LETTER),
    NULL,
  };
  const char *templates[] = {
    relance_template_kind_get_label (RELANCE_TEMPLATE_PREVENTIVE),
    relance_template_kind_get_label (RELANCE_TEMPLATE_FIRST_REMINDER),
    relance_template_kind_get_label (RELANCE_TEMPLATE_SECOND_REMINDER),
    relance_template_kind_get_label (RELANCE_TEMPLATE_AFTER_CALL),
    relance_template_kind_get_label (RELANCE_TEMPLATE_BROKEN_PROMISE),
    relance_template_kind_get_label (RELANCE_TEMPLATE_FORMAL_NOTICE),
    relance_template_kind_get_label (RELANCE_TEMPLATE_CALL),
    NULL,
  };
  StepEditor *editor = g_new0 (StepEditor, 1);
  RelanceScenarioStep fresh = { 0 };
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *widget;

  /* A new step comes a week after the last one, as a second reminder. */
  if (step == NULL)
    {
      const RelanceScenarioStep *last = scenario->steps->len > 0
        ? g_ptr_array_index (scenario->steps, scenario->steps->len - 1) : NULL;

      fresh.offset_days = MIN (last != NULL ? last->offset_days + 7 : 1, RELANCE_STEP_OFFSET_MAX);
      fresh.channel = RELANCE_CHANNEL_LETTER;
      fresh.template_kind = RELANCE_TEMPLATE_SECOND_REMINDER;
      fresh.claims_penalties = fresh.offset_days > 0;
      /* After the last step, by the days between their offsets. */
      fresh.min_gap_days = last != NULL && last->offset_days > 0 ? fresh.offset_days - last->offset_days
                           : MAX (fresh.offset_days, 0);
      step = &fresh;
    }

  editor->self = g_object_ref (self);
  editor->scenario_id = scenario->id;
  editor->step_id = step->id;

  dialog = adw_message_dialog_new (get_window (self),
                                   step->id != 0 ? _("Edit Step") : _("New Step"),
                                   scenario->name);
  editor->dialog = ADW_MESSAGE_DIALOG (dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  row = adw_action_row_new ();
  editor->day_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Days From the Due Date"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  widget = gtk_spin_button_new_with_range (RELANCE_STEP_OFFSET_MIN, RELANCE_STEP_OFFSET_MAX, 1);
  editor->day_spin = GTK_SPIN_BUTTON (widget);
  gtk_spin_button_set_numeric (editor->day_spin, TRUE);
  gtk_spin_button_set_value (editor->day_spin, step->offset_days);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days From the Due Date"), -1);
  adw_action_row_add_suffix (editor->day_row, widget);
  adw_action_row_set_activatable_widget (editor->day_row, widget);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  /* The sequence: a late step re-times the ones after it. */
  row = adw_action_row_new ();
  editor->gap_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Fewest Days After the Previous Step"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  widget = gtk_spin_button_new_with_range (0, RELANCE_STEP_GAP_MAX, 1);
  editor->gap_spin = GTK_SPIN_BUTTON (widget);
  gtk_spin_button_set_numeric (editor->gap_spin, TRUE);
  gtk_spin_button_set_value (editor->gap_spin, step->min_gap_days);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (widget, _("When the previous step was done late, this step waits at least this "
                                         "many days after it, even if its own day has passed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fewest Days After the Previous Step"), -1);
  adw_action_row_add_suffix (editor->gap_row, widget);
  adw_action_row_set_activatable_widget (editor->gap_row, widget);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = new_combo_row (_("_Channel"), channels, (guint)step->channel);
  editor->channel_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = new_combo_row (_("_Message"), templates, (guint)step->template_kind);
  editor->template_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Claims _Interest and Indemnity"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  widget = gtk_switch_new ();
  editor->penalties_switch = GTK_SWITCH (widget);
  gtk_switch_set_active (editor->penalties_switch, step->claims_penalties);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claims Interest and Indemnity"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  widget = gtk_label_new (NULL);
  editor->error_label = GTK_LABEL (widget);
  gtk_label_set_wrap (editor->error_label, TRUE);
  gtk_label_set_xalign (editor->error_label, 0);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_visible (widget, FALSE);
  gtk_box_append (GTK_BOX (box), widget);

  adw_message_dialog_set_extra_child (editor->dialog, box);
  adw_message_dialog_add_response (editor->dialog, "cancel", _("_Cancel"));
  if (step->id != 0)
    {
      adw_message_dialog_add_response (editor->dialog, "remove", _("_Remove"));
      adw_message_dialog_set_response_appearance (editor->dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
      /* Refused by the model too; said before the user tries. */
      adw_message_dialog_set_response_enabled (editor->dialog, "remove", scenario->steps->len > 1);
    }
  adw_message_dialog_add_response (editor->dialog, "save", step->id != 0 ? _("_Save") : _("_Add"));
  adw_message_dialog_set_response_appearance (editor->dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (editor->dialog, "save");
  adw_message_dialog_set_close_response (editor->dialog, "cancel");

  g_signal_connect_swapped (editor->day_spin, "value-changed", G_CALLBACK (check_step), editor);
  g_signal_connect_swapped (editor->gap_spin, "value-changed", G_CALLBACK (check_step), editor);
  g_signal_connect_swapped (editor->channel_row, "notify::selected", G_CALLBACK (on_channel_changed_cb), editor);
  g_signal_connect_swapped (editor->template_row, "notify::selected", G_CALLBACK (on_template_changed_cb), editor);
  g_signal_connect_swapped (editor->penalties_switch, "notify::active", G_CALLBACK (check_step), editor);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_step_response_cb), editor,
                         (GClosureNotify)(void (*)(void))step_editor_free, 0);
  check_step (editor);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Scenarios */

static const RelanceScenario *
scenario_of_row (ScenarioRow *row)
{
  return find_scenario (row->self, row->id);
}

static void
scenario_row_free (ScenarioRow *row)
{
  g_free (row);
}

static void
on_scenario_name_changed_cb (ScenarioRow *row)
{
  RelanceCollectionsPage *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RelanceScenario *scenario = (RelanceScenario *)scenario_of_row (row);

  if (self->loading || get_db (self) == NULL || scenario == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->name_row))));
  if (!relance_scenarios_rename (get_db (self), row->id, name, &error))
    {
      show_error (row->error_row, row->error_label, GTK_WIDGET (row->name_row), error);
      return;
    }

  clear_error (row->error_row, GTK_WIDGET (row->name_row));
  g_free (scenario->name);
  scenario->name = g_steal_pointer (&name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), scenario->name);
  self->changed = TRUE;

  /* The target groups show the scenarios by name. */
  rebuild_segments (self, 0);
}

static void
on_step_activated_cb (GtkWidget *button,
                      gpointer   user_data)
{
  ScenarioRow *row = user_data;
  const RelanceScenario *scenario = scenario_of_row (row);
  gint64 step_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "relance-step-id"));

  for (guint i = 0; scenario != NULL && i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);

      if (step->id == step_id)
        {
          edit_step (row->self, scenario, step);
          return;
        }
    }
}

static void
on_add_step_clicked_cb (ScenarioRow *row)
{
  const RelanceScenario *scenario = scenario_of_row (row);

  if (scenario != NULL)
    edit_step (row->self, scenario, NULL);
}

static void
copy_scenario (RelanceCollectionsPage *self,
               const RelanceScenario  *scenario)
{
  g_autoptr(GPtrArray) names = scenario_names (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  /* Translators: the name of a new scenario copied from another */
  base = g_strdup_printf (_("Copy of %s"), scenario->name);
  name = free_name (base, names);

  id = relance_scenarios_add (get_db (self), name, scenario->id, &error);
  if (id == 0)
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_scenarios (self, id);
  rebuild_segments (self, 0);
}

static void
on_copy_clicked_cb (ScenarioRow *row)
{
  const RelanceScenario *scenario = scenario_of_row (row);

  if (scenario != NULL && get_db (row->self) != NULL)
    copy_scenario (row->self, scenario);   /* frees @row */
}

static void
on_make_default_clicked_cb (ScenarioRow *row)
{
  RelanceCollectionsPage *self = row->self;
  g_autoptr(GError) error = NULL;

  if (get_db (self) == NULL)
    return;

  if (!relance_scenarios_set_default (get_db (self), row->id, &error))
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_scenarios (self, 0);   /* frees @row */
  rebuild_segments (self, 0);
}

static void
on_remove_scenario_response_cb (AdwMessageDialog       *dialog,
                                const char             *response,
                                RelanceCollectionsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "relance-scenario-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || get_db (self) == NULL)
    return;

  if (!relance_scenarios_remove (get_db (self), id, &error))
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_scenarios (self, 0);
  rebuild_segments (self, 0);
  show_message (self, _("Scenario removed"));
}

static void
on_remove_scenario_clicked_cb (ScenarioRow *row)
{
  RelanceCollectionsPage *self = row->self;
  const RelanceScenario *scenario = scenario_of_row (row);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (scenario == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), scenario->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u step is removed with it.",
                                       "Its %u steps are removed with it.",
                                       scenario->steps->len),
                          scenario->steps->len);
  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "relance-scenario-id", GSIZE_TO_POINTER ((gsize)scenario->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_scenario_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_scenario_subtitle (AdwExpanderRow        *expander,
                       const RelanceScenario *scenario)
{
  g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps",
                                                         scenario->steps->len),
                                            scenario->steps->len);
  g_autoptr(GString) subtitle = g_string_new (steps);

  if (scenario->is_default)
    /* Translators: after "5 steps" in a scenario's subtitle */
    g_string_append (subtitle, _(" · the default scenario"));
  if (scenario->n_segments > 0)
    {
      /* Translators: after "5 steps" in a scenario's subtitle */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE,
                                                     " · used by %u target group",
                                                     " · used by %u target groups",
                                                     scenario->n_segments),
                              scenario->n_segments);
    }

  adw_expander_row_set_subtitle (expander, subtitle->str);
}

static GtkWidget *
new_step_row (ScenarioRow               *row,
              const RelanceScenarioStep *step)
{
  g_autofree char *title = describe_step (step);
  GtkWidget *step_row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row), title);
  {
    g_autoptr(GString) subtitle = g_string_new (NULL);

    if (step->offset_days > 0)
      /* Translators: a step's fewest days after the one before it, in the
       * scenario's list: "at least 12 days after the previous step" */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE,
                                                     "at least %d day after the previous step",
                                                     "at least %d days after the previous step",
                                                     step->min_gap_days),
                              step->min_gap_days);
    if (step->claims_penalties)
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, " · ");
        g_string_append (subtitle, _("Claims interest and the indemnity"));
      }
    adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), subtitle->str);
  }

  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Edit Step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Step"), -1);
  g_object_set_data (G_OBJECT (button), "relance-step-id", GSIZE_TO_POINTER ((gsize)step->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_step_activated_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (step_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (step_row), button);

  return step_row;
}

static ScenarioRow *
add_scenario_row (RelanceCollectionsPage *self,
                  const RelanceScenario  *scenario)
{
  ScenarioRow *row = g_new0 (ScenarioRow, 1);
  GtkWidget *expander;
  GtkWidget *actions_row;
  GtkWidget *remove_row;
  GtkWidget *box;
  GtkWidget *button;

  row->self = self;
  row->id = scenario->id;

  expander = adw_expander_row_new ();
  row->expander = ADW_EXPANDER_ROW (expander);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), scenario->name);
  g_object_set_data_full (G_OBJECT (expander), "relance-scenario-row", row, (GDestroyNotify)scenario_row_free);
  set_scenario_subtitle (row->expander, scenario);

  row->name_row = ADW_ENTRY_ROW (new_entry_row (_("_Name"), scenario->name));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->name_row));
  row->error_row = new_error_row (&row->error_label);
  adw_expander_row_add_row (row->expander, row->error_row);

  for (guint i = 0; i < scenario->steps->len; i++)
    adw_expander_row_add_row (row->expander, new_step_row (row, g_ptr_array_index (scenario->steps, i)));

  /* What can be done with the scenario. */
  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  button = new_button (_("Add _Step"), NULL);
  gtk_widget_set_sensitive (button, scenario->steps->len < RELANCE_SCENARIO_STEPS_MAX);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_step_clicked_cb), row);
  gtk_box_append (GTK_BOX (box), button);
  button = new_button (_("_Copy"), NULL);
  gtk_widget_set_tooltip_text (button, _("Add a Scenario With the Same Steps"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_copy_clicked_cb), row);
  gtk_box_append (GTK_BOX (box), button);
  button = new_button (_("Make _Default"), NULL);
  gtk_widget_set_sensitive (button, !scenario->is_default);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_make_default_clicked_cb), row);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), box);
  adw_expander_row_add_row (row->expander, actions_row);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (remove_row), FALSE);
  if (scenario->is_default)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row),
                                   _("The default scenario cannot be removed"));
  else if (scenario->n_segments > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Used by %u target group: it cannot be removed",
                                                             "Used by %u target groups: it cannot be removed",
                                                             scenario->n_segments),
                                                scenario->n_segments);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("No target group uses this scenario"));
  button = new_button (_("_Remove"), "destructive-action");
  /* Refused by the model too; the title says why. */
  gtk_widget_set_sensitive (button, !scenario->is_default && scenario->n_segments == 0);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_scenario_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), button);
  adw_expander_row_add_row (row->expander, remove_row);

  g_signal_connect_swapped (row->name_row, "changed", G_CALLBACK (on_scenario_name_changed_cb), row);

  adw_preferences_group_add (self->scenarios_group, expander);
  g_ptr_array_add (self->scenario_rows, expander);

  return row;
}

/* Reads the scenarios again and shows them, @expand_id's open (and those
 * that were). */
static void
rebuild_scenarios (RelanceCollectionsPage *self,
                   gint64                  expand_id)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(GArray) expanded = expanded_ids (self->scenario_rows, scenario_row_id);
  g_autoptr(GError) error = NULL;

  self->loading = TRUE;
  clear_rows (self->scenarios_group, self->scenario_rows);
  self->loading = FALSE;
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collections.add-scenario", FALSE);
  if (db == NULL)
    return;

  self->scenarios = relance_scenarios_list (db, &error);
  if (self->scenarios == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RelanceScenario *scenario = g_ptr_array_index (self->scenarios, i);
      ScenarioRow *row = add_scenario_row (self, scenario);

      if (scenario->id == expand_id || contains_id (expanded, scenario->id))
        adw_expander_row_set_expanded (row->expander, TRUE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collections.add-scenario", TRUE);
}

static void
add_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RelanceCollectionsPage *self = RELANCE_COLLECTIONS_PAGE (widget);
  const RelanceScenario *scenario = find_default_scenario (self);

  if (get_db (self) != NULL && scenario != NULL)
    copy_scenario (self, scenario);
}

/* Rates */

static void
rate_table_free (RateTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
on_remove_rate_clicked_cb (GtkWidget *button,
                           RateTable *table)
{
  RelanceCollectionsPage *self = table->self;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "relance-rate-id"));
  g_autoptr(GError) error = NULL;

  if (get_db (self) == NULL)
    return;

  if (!relance_rates_remove (get_db (self), id, &error))
    {
      show_message (self, error->message);
      return;
    }

  self->changed = TRUE;
  rebuild_rates (table);
  show_message (self, _("Rate removed"));
}

static void
on_add_rate_clicked_cb (RateTable *table)
{
  RelanceCollectionsPage *self = table->self;
  g_autoptr(GError) error = NULL;
  RelanceDay day = RELANCE_DAY_NONE;
  int rate = 0;

  if (get_db (self) == NULL)
    return;

  clear_error (table->error_row, GTK_WIDGET (table->date_row));
  gtk_widget_remove_css_class (GTK_WIDGET (table->rate_row), "error");

  if (!relance_day_parse (gtk_editable_get_text (GTK_EDITABLE (table->date_row)), &day, &error))
    {
      show_error (table->error_row, table->error_label, GTK_WIDGET (table->date_row), error);
      return;
    }
  if (!relance_rate_parse (gtk_editable_get_text (GTK_EDITABLE (table->rate_row)), &rate, &error))
    {
      show_error (table->error_row, table->error_label, GTK_WIDGET (table->rate_row), error);
      return;
    }
  if (!relance_rates_set (get_db (self), table->kind, day, rate, &error))
    {
      show_error (table->error_row, table->error_label, NULL, error);
      return;
    }

  self->changed = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (table->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (table->rate_row), "");
  rebuild_rates (table);
}

/* Shows the rates of @table, newest first, and the one in force today. */
static void
rebuild_rates (RateTable *table)
{
  RelanceCollectionsPage *self = table->self;
  RelanceDatabase *db = get_db (self);
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDay today = relance_context_get_today (self->context);
  const RelanceRate *current = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < table->rows->len; i++)
    adw_expander_row_remove (table->expander, g_ptr_array_index (table->rows, i));
  g_ptr_array_set_size (table->rows, 0);

  rates = relance_rates_list (db, table->kind, &error);
  if (rates == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = rates->len; i > 0; i--)
    {
      const RelanceRate *rate = g_ptr_array_index (rates, i - 1);
      g_autofree char *day = relance_format_day (rate->valid_from);
      g_autofree char *percent = format_rate (rate->rate);
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (current == NULL && rate->valid_from <= today)
        current = rate;

      /* Translators: a rate in force from a day: "From 01/07/2025 · 2,15 %" */
      title = g_strdup_printf (_("From %s · %s"), day, percent);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove This Rate"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove This Rate"), -1);
      g_object_set_data (G_OBJECT (button), "relance-rate-id", GSIZE_TO_POINTER ((gsize)rate->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_rate_clicked_cb), table);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_expander_row_add_row (table->expander, row);
      g_ptr_array_add (table->rows, row);
    }

  if (current != NULL)
    {
      g_autofree char *day = relance_format_day (current->valid_from);
      g_autofree char *percent = format_rate (current->rate);

      /* Translators: the rate in force today: "2,15 % since 01/01/2026" */
      subtitle = g_strdup_printf (_("%s since %s"), percent, day);
    }
  else
    subtitle = g_strdup (_("No rate is in force today: add one"));

  if (table->kind == RELANCE_RATE_LEGAL)
    {
      g_autofree char *line = g_steal_pointer (&subtitle);

      subtitle = g_strdup_printf ("%s\n%s", line,
                                  _("For information: three times this rate is the lowest rate a contract may set"));
    }
  adw_expander_row_set_subtitle (table->expander, subtitle);
}

static RateTable *
new_rate_table (RelanceCollectionsPage *self,
                AdwExpanderRow         *expander,
                RelanceRateKind         kind)
{
  RateTable *table = g_new0 (RateTable, 1);
  GtkWidget *row;
  GtkWidget *button;

  table->self = self;
  table->kind = kind;
  table->expander = expander;
  table->rows = g_ptr_array_new ();

  table->date_row = ADW_ENTRY_ROW (new_entry_row (_("New Rate In Force _From (Date)"), ""));
  adw_expander_row_add_row (expander, GTK_WIDGET (table->date_row));
  table->rate_row = ADW_ENTRY_ROW (new_entry_row (_("New _Rate (%)"), ""));
  adw_expander_row_add_row (expander, GTK_WIDGET (table->rate_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kind == RELANCE_RATE_ECB
                                 ? _("Published by the ECB for each half-year")
                                 : _("Published each half-year in the Journal officiel"));
  button = new_button (_("_Add Rate"), NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_rate_clicked_cb), table);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (expander, row);

  table->error_row = new_error_row (&table->error_label);
  adw_expander_row_add_row (expander, table->error_row);

  g_signal_connect_swapped (table->date_row, "entry-activated", G_CALLBACK (on_add_rate_clicked_cb), table);
  g_signal_connect_swapped (table->rate_row, "entry-activated", G_CALLBACK (on_add_rate_clicked_cb), table);

  return table;
}

/* Settings */

static void
show_settings (RelanceCollectionsPage *self)
{
  RelanceCollectionSettings settings;
  g_autoptr(GError) error = NULL;

  if (!relance_collection_settings_get (get_db (self), &settings, &error))
    {
      show_message (self, error->message);
      return;
    }

  self->loading = TRUE;
  gtk_adjustment_set_value (self->margin_adjustment, settings.interest_margin / 100.);
  gtk_adjustment_set_value (self->eu_margin_adjustment, settings.eu_interest_margin / 100.);
  gtk_adjustment_set_value (self->indemnity_adjustment, settings.indemnity / 100.);
  gtk_adjustment_set_value (self->grace_adjustment, settings.promise_grace_days);
  self->loading = FALSE;
}

/* A spin button's value in hundredths (points or euros have two decimals). */
static gint64
hundredths (GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);

  return (gint64)(value * 100. + (value < 0 ? -.5 : .5));
}

static void
on_settings_changed_cb (RelanceCollectionsPage *self)
{
  RelanceDatabase *db = get_db (self);
  RelanceCollectionSettings settings;
  g_autoptr(GError) error = NULL;

  if (self->loading || db == NULL)
    return;

  if (!relance_collection_settings_get (db, &settings, &error))
    {
      show_message (self, error->message);
      return;
    }

  settings.interest_margin = (int)hundredths (self->margin_adjustment);
  settings.eu_interest_margin = (int)hundredths (self->eu_margin_adjustment);
  settings.indemnity = hundredths (self->indemnity_adjustment);
  settings.promise_grace_days = (int)gtk_adjustment_get_value (self->grace_adjustment);

  if (!relance_collection_settings_set (db, &settings, &error))
    {
      show_message (self, error->message);
      show_settings (self);
      return;
    }

  self->changed = TRUE;
}

/* Typed points ("10,5") are read as the rates are, with a decimal comma
 * or point; GTK's own reading knows only the point. */
static int
on_points_input_cb (GtkSpinButton *spin_button,
                    double        *value,
                    gpointer       user_data)
{
  int basis_points;

  if (!relance_rate_parse (gtk_editable_get_text (GTK_EDITABLE (spin_button)), &basis_points, NULL))
    return GTK_INPUT_ERROR;

  *value = basis_points / 100.;
  return TRUE;
}

static int
on_euros_input_cb (GtkSpinButton *spin_button,
                   double        *value,
                   gpointer       user_data)
{
  gint64 cents;

  if (!relance_money_parse (gtk_editable_get_text (GTK_EDITABLE (spin_button)), &cents, NULL))
    return GTK_INPUT_ERROR;

  *value = cents / 100.;
  return TRUE;
}

/* Overrides */

static void
relance_collections_page_dispose (GObject *object)
{
  RelanceCollectionsPage *self = (RelanceCollectionsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_COLLECTIONS_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_collections_page_parent_class)->dispose (object);
}

static void
relance_collections_page_finalize (GObject *object)
{
  RelanceCollectionsPage *self = (RelanceCollectionsPage *)object;

  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->segment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->scenario_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ecb_table, rate_table_free);
  g_clear_pointer (&self->legal_table, rate_table_free);

  G_OBJECT_CLASS (relance_collections_page_parent_class)->finalize (object);
}

static void
relance_collections_page_class_init (RelanceCollectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_collections_page_dispose;
  object_class->finalize = relance_collections_page_finalize;

  (void)relance_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-collections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, no_ledger_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, segments_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, scenarios_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, interest_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, promises_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, ecb_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, legal_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, margin_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, eu_margin_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, indemnity_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, grace_spin);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, margin_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, eu_margin_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, indemnity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RelanceCollectionsPage, grace_adjustment);

  gtk_widget_class_install_action (widget_class, "collections.add-segment", NULL, add_segment_action);
  gtk_widget_class_install_action (widget_class, "collections.add-scenario", NULL, add_scenario_action);
}

static void
relance_collections_page_init (RelanceCollectionsPage *self)
{
  GtkAdjustment *adjustments[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->segment_rows = g_ptr_array_new ();
  self->scenario_rows = g_ptr_array_new ();
  self->ecb_table = new_rate_table (self, self->ecb_row, RELANCE_RATE_ECB);
  self->legal_table = new_rate_table (self, self->legal_row, RELANCE_RATE_LEGAL);

  g_signal_connect (self->margin_spin, "input", G_CALLBACK (on_points_input_cb), NULL);
  g_signal_connect (self->eu_margin_spin, "input", G_CALLBACK (on_points_input_cb), NULL);
  g_signal_connect (self->indemnity_spin, "input", G_CALLBACK (on_euros_input_cb), NULL);

  adjustments[0] = self->margin_adjustment;
  adjustments[1] = self->eu_margin_adjustment;
  adjustments[2] = self->indemnity_adjustment;
  adjustments[3] = self->grace_adjustment;
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    g_signal_connect_object (adjustments[i], "value-changed",
                             G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);

  relance_collections_page_set_context (self, NULL);
}

/* Public API */

/**
 * relance_collections_page_set_context:
 * @context: (nullable): the ledger whose collection rules are shown
 *
 * Shows the target groups, scenarios, rates and settings of @context's
 * ledger; without one, the page says to open a ledger.
 */
void
relance_collections_page_set_context (RelanceCollectionsPage *self,
                                      RelanceContext         *context)
{
  AdwPreferencesGroup *groups[4];
  gboolean open;

  g_return_if_fail (RELANCE_IS_COLLECTIONS_PAGE (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  open = get_db (self) != NULL;

  groups[0] = self->segments_group;
  groups[1] = self->scenarios_group;
  groups[2] = self->interest_group;
  groups[3] = self->promises_group;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (GTK_WIDGET (groups[i]), open);
  gtk_widget_set_visible (GTK_WIDGET (self->no_ledger_group), !open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collections.add-segment", open);

  rebuild_scenarios (self, 0);
  rebuild_segments (self, 0);
  if (!open)
    return;

  rebuild_rates (self->ecb_table);
  rebuild_rates (self->legal_table);
  show_settings (self);
}

/**
 * relance_collections_page_get_changed:
 *
 * Returns: %TRUE once something was saved in the ledger, for the main
 *   window to read its lists again
 */
gboolean
relance_collections_page_get_changed (RelanceCollectionsPage *self)
{
  g_return_val_if_fail (RELANCE_IS_COLLECTIONS_PAGE (self), FALSE);

  return self->changed;
}
