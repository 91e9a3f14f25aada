/* relance-dashboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-chart-widget.h"
#include "relance-dashboard.h"
#include "relance-format.h"
#include "relance-report.h"
#include "relance-stats-charts.h"
#include "relance-stats.h"
#include "relance-application.h"
#include "relance-window.h"

typedef enum
{
  PERIOD_3_MONTHS,
  PERIOD_6_MONTHS,
  PERIOD_12_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_CUSTOM,
} Period;

typedef struct
{
  const char         *name;
  RelanceChartWidget *chart;
  GtkStack           *stack;
  GtkScrolledWindow  *table;
  GtkToggleButton    *table_button;
} Card;

/* What a worker thread is given: all of it owned by the task. */
typedef struct
{
  RelanceDatabase    *db;           /* only for relance_database_open_another() */
  RelanceStatsQuery   query;
  guint               generation;   /* of the dashboard when asked */
} LoadRequest;

/* What it hands back: plain data, made into charts on the main thread. */
typedef struct
{
  RelanceDisputeStats *disputes;
  RelanceAgedStats    *aged;
  GArray              *receivables; /* RelanceReceivablesMonth */
} Figures;

struct _RelanceDashboard
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkFlowBox      *toolbar;
  GtkDropDown     *period_dropdown;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkDropDown     *segment_dropdown;
  GtkLabel        *period_label;
  GtkButton       *report_button;
  GtkFlowBox      *flow_box;
  GtkWidget       *loading_box;
  GtkSpinner      *spinner;

  RelanceContext  *context;
  GSettings       *settings;
  GArray          *segment_ids;     /* gint64, one per segment_dropdown item */
  GPtrArray       *cards;           /* Card */
  gboolean         filling;         /* setting the dropdowns, not the user */
  gboolean         stale;           /* to reload when next shown */

  /* The figures being computed in a worker thread. Each request bumps
   * generation and cancels the one before; a result whose generation is
   * not the current one is dropped. */
  GCancellable    *cancellable;
  guint            generation;
  guint            loading_timeout_id;
  gboolean         loading;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

/* A short computation does not flash a spinner. */
#define LOADING_DELAY_MS 150

enum {
  SHOW_DISPUTES,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceDashboard, relance_dashboard, GTK_TYPE_BOX)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Amounts as the locale writes them; whole euros (axis ticks) without
 * their ",00". */
static char *
format_money (gint64 cents)
{
  char *text = relance_format_money (cents);

  if (cents % 100 == 0)
    {
      char *zeros = g_strrstr (text, "00");

      /* The "00" of the cents follows the decimal point, one character. */
      if (zeros != NULL && zeros > text && !g_ascii_isdigit (zeros[-1]) && zeros[-1] != ' ')
        memmove (zeros - 1, zeros + 2, strlen (zeros + 2) + 1);
    }

  return text;
}

static char *
format_month (RelanceDay first_day)
{
  char buffer[64];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)first_day);
  if (g_date_strftime (buffer, sizeof buffer, "%b %Y", &date) == 0)
    return relance_day_to_iso (first_day);

  return g_locale_to_utf8 (buffer, -1, NULL, NULL, NULL);
}

static const RelanceStatsFormat ui_format = { format_money, format_month };

/* The dashboard-period setting's values, in the order of period_dropdown. */
static const char * const period_names[] = {
  "last-3-months", "last-6-months", "last-12-months", "this-year", "custom",
};

G_STATIC_ASSERT (G_N_ELEMENTS (period_names) == PERIOD_CUSTOM + 1);

static gboolean
period_from_setting (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_str_equal (name, period_names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
period_to_setting (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (period_names))
    return NULL;

  return g_variant_new_string (period_names[selected]);
}

static void
card_free (Card *card)
{
  g_free (card);
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->db);
  g_free (request);
}

static void
figures_free (Figures *figures)
{
  g_clear_pointer (&figures->disputes, relance_dispute_stats_free);
  g_clear_pointer (&figures->aged, relance_aged_stats_free);
  g_clear_pointer (&figures->receivables, g_array_unref);
  g_free (figures);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

static Card *
find_card (RelanceDashboard *self,
           const char       *name)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      if (g_str_equal (card->name, name))
        return card;
    }

  return NULL;
}

static RelanceDay
first_of_month_back (RelanceDay day,
                     guint      months)
{
  guint d, m, y;
  int index;

  relance_day_to_dmy (day, &d, &m, &y);
  index = (int)y * 12 + (int)m - 1 - (int)months;
  return relance_day_from_dmy (1, (guint)(index % 12) + 1, (guint)(index / 12));
}

/* The period chosen; FALSE with a message when the custom days are wrong. */
static gboolean
get_query (RelanceDashboard   *self,
           RelanceStatsQuery  *query,
           GError            **error)
{
  RelanceDay today = relance_context_get_today (self->context);
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);
  guint segment = gtk_drop_down_get_selected (self->segment_dropdown);
  guint d, m, y;

  query->to = today;
  query->segment_id = segment < self->segment_ids->len ? g_array_index (self->segment_ids, gint64, segment) : 0;

  switch ((Period)selected)
    {
    case PERIOD_3_MONTHS:
      query->from = first_of_month_back (today, 2);
      break;
    case PERIOD_6_MONTHS:
      query->from = first_of_month_back (today, 5);
      break;
    case PERIOD_THIS_YEAR:
      relance_day_to_dmy (today, &d, &m, &y);
      query->from = relance_day_from_dmy (1, 1, y);
      break;
    case PERIOD_CUSTOM:
      if (!relance_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &query->from, error) ||
          !relance_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &query->to, error))
        return FALSE;
      return relance_stats_query_check (query, error);
    case PERIOD_12_MONTHS:
    default:
      query->from = first_of_month_back (today, 11);
      break;
    }

  return TRUE;
}

static GtkWidget *
new_cell (const char *text,
          gboolean    heading,
          gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), !number);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* The same numbers as the chart, one row per category. */
static void
fill_table (Card *card)
{
  RelanceChart *chart = relance_chart_widget_get_chart (card->chart);
  GtkWidget *grid = gtk_grid_new ();
  guint n_series;
  gboolean box;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  gtk_grid_attach (GTK_GRID (grid), new_cell (relance_chart_get_title (chart), TRUE, FALSE), 0, 0, 4, 1);

  box = relance_chart_get_kind (chart) == RELANCE_CHART_BOX;
  n_series = box ? 1 : relance_chart_get_n_series (chart);

  if (relance_chart_is_empty (chart))
    {
      g_autofree char *description = relance_chart_describe (chart);
      const char *text = strstr (description, ". ");

      gtk_grid_attach (GTK_GRID (grid), new_cell (text ? text + 2 : description, FALSE, FALSE), 0, 1, 4, 1);
    }
  else
    {
      for (guint s = 0; s < n_series; s++)
        gtk_grid_attach (GTK_GRID (grid),
                         new_cell (box ? _("Time to resolve") : relance_chart_get_series_label (chart, s),
                                   TRUE, !box),
                         (int)s + 1, 1, 1, 1);

      for (guint c = 0; c < relance_chart_get_n_categories (chart); c++)
        {
          gtk_grid_attach (GTK_GRID (grid), new_cell (relance_chart_get_category_label (chart, c), FALSE, FALSE),
                           0, (int)c + 2, 1, 1);
          for (guint s = 0; s < n_series; s++)
            {
              g_autofree char *value = relance_chart_format_value (chart, s, c);

              gtk_grid_attach (GTK_GRID (grid), new_cell (value, FALSE, !box), (int)s + 1, (int)c + 2, 1, 1);
            }
        }
    }

  gtk_scrolled_window_set_child (card->table, grid);
}

static void
show_period (RelanceDashboard        *self,
             const RelanceStatsQuery *query)
{
  g_autofree char *from = relance_format_day (query->from);
  g_autofree char *to = relance_format_day (query->to);
  /* Translators: the dashboard's period, such as "1 Dec 2025 – 23 Nov 2026" */
  g_autofree char *text = g_strdup_printf (_("%s – %s"), from, to);

  gtk_label_set_label (self->period_label, text);
}

static void
show_error (RelanceDashboard *self,
            const GError     *error)
{
  gtk_label_set_label (self->period_label, error->message);
}

static void
fill_segments (RelanceDashboard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) segments = NULL;
  gint64 selected_id = 0;
  guint selected = 0;
  gint64 all = 0;

  if (gtk_drop_down_get_selected (self->segment_dropdown) < self->segment_ids->len)
    selected_id = g_array_index (self->segment_ids, gint64,
                                 gtk_drop_down_get_selected (self->segment_dropdown));

  g_array_set_size (self->segment_ids, 0);
  gtk_string_list_append (names, _("All customers"));
  g_array_append_val (self->segment_ids, all);

  if (self->context != NULL)
    segments = relance_stats_list_segments (relance_context_get_database (self->context), NULL);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const RelanceSegmentInfo *info = g_ptr_array_index (segments, i);

      gtk_string_list_append (names, info->name);
      g_array_append_val (self->segment_ids, info->id);
      if (info->id == selected_id)
        selected = i + 1;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->segment_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->segment_dropdown, selected);
  self->filling = FALSE;
}

static void
on_item_activated_cb (RelanceDashboard   *self,
                      const char         *key,
                      RelanceChartWidget *chart)
{
  g_signal_emit (self, signals[SHOW_DISPUTES], 0, key);
}

static void
on_table_toggled_cb (GtkToggleButton *button,
                     Card            *card)
{
  gboolean table = gtk_toggle_button_get_active (button);

  gtk_stack_set_visible_child_name (card->stack, table ? "table" : "chart");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), table ? _("Show as Chart") : _("Show as Table"));
}

static void
add_toast (RelanceDashboard *self,
           const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RELANCE_IS_WINDOW (root))
    relance_window_add_toast (RELANCE_WINDOW (root), adw_toast_new (text));
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  Card *card = g_object_get_data (G_OBJECT (dialog), "card");
  RelanceDashboard *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        add_toast (self, _("The chart can only be saved in a local folder"));
      else if (!relance_chart_export (relance_chart_widget_get_chart (card->chart),
                                      relance_chart_theme_light (), path, 960, 600, &error))
        add_toast (self, error->message);
      else
        add_toast (self, _("Chart saved"));
    }

  g_object_unref (dialog);
}

static void
on_export_clicked_cb (GtkButton *button,
                      Card      *card)
{
  RelanceDashboard *self = RELANCE_DASHBOARD (gtk_widget_get_ancestor (GTK_WIDGET (button), RELANCE_TYPE_DASHBOARD));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("%s.pdf", card->name);
  static const struct { const char *name; const char *pattern; } types[] = {
    { N_("PDF document"), "*.pdf" },
    { N_("PNG image"), "*.png" },
    { N_("SVG image"), "*.svg" },
  };

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_pattern (filter, types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }

  g_object_set_data (G_OBJECT (dialog), "card", card);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_report_response_cb (GtkNativeDialog  *dialog,
                       int               response,
                       RelanceDashboard *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL && self->context != NULL)
    {
      g_autoptr(GPtrArray) charts = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *company = relance_stats_get_company_name (relance_context_get_database (self->context), NULL);
      g_autofree char *today = relance_format_day (relance_context_get_today (self->context));
      RelanceReportInfo info = { _("Credit Report"), company,
                                 gtk_label_get_label (self->period_label), today };

      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with_suffix = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_suffix;
        }

      for (guint i = 0; i < self->cards->len; i++)
        {
          RelanceChart *chart = relance_chart_widget_get_chart (((Card *)g_ptr_array_index (self->cards, i))->chart);

          if (chart != NULL)
            g_ptr_array_add (charts, chart);
        }

      if (!relance_report_write_pdf (path, &info, (RelanceChart * const *)charts->pdata, charts->len, &error))
        add_toast (self, error->message);
      else
        add_toast (self, _("Credit report saved"));
    }
  else if (response == GTK_RESPONSE_ACCEPT)
    add_toast (self, _("The report can only be saved in a local folder"));

  g_object_unref (dialog);
}

static void
on_report_clicked_cb (RelanceDashboard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save the Credit Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the credit report's file name */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("credit-report.pdf"));
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_report_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static Card *
add_card (RelanceDashboard *self,
          const char       *name)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *frame = gtk_overlay_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *export_button = gtk_button_new_from_icon_name ("document-save-symbolic");

  card->name = name;
  card->chart = RELANCE_CHART_WIDGET (relance_chart_widget_new ());
  card->stack = GTK_STACK (gtk_stack_new ());
  card->table = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  card->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());

  gtk_widget_set_size_request (GTK_WIDGET (card->chart), 300, 280);
  gtk_stack_add_named (card->stack, GTK_WIDGET (card->chart), "chart");
  gtk_stack_add_named (card->stack, GTK_WIDGET (card->table), "table");
  /* A wide table scrolls rather than widening every card. */
  gtk_scrolled_window_set_policy (card->table, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (frame, "card");
  gtk_overlay_set_child (GTK_OVERLAY (frame), GTK_WIDGET (card->stack));

  gtk_button_set_icon_name (GTK_BUTTON (card->table_button), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->table_button), _("Show as Table"));
  gtk_widget_add_css_class (GTK_WIDGET (card->table_button), "flat");
  gtk_widget_set_tooltip_text (export_button, _("Export as PNG, SVG or PDF…"));
  gtk_widget_add_css_class (export_button, "flat");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (card->table_button));
  gtk_box_append (GTK_BOX (buttons), export_button);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_widget_set_margin_top (buttons, 4);
  gtk_widget_set_margin_end (buttons, 4);
  gtk_overlay_add_overlay (GTK_OVERLAY (frame), buttons);

  g_signal_connect (card->table_button, "toggled", G_CALLBACK (on_table_toggled_cb), card);
  g_signal_connect (export_button, "clicked", G_CALLBACK (on_export_clicked_cb), card);
  g_signal_connect_object (card->chart, "item-activated", G_CALLBACK (on_item_activated_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_flow_box_append (self->flow_box, frame);
  g_ptr_array_add (self->cards, card);

  return card;
}

/* The three queries of the dashboard, on @db, whichever thread that is
 * used from. The slow part: about a second on a million invoices. */
static Figures *
compute_figures (RelanceDatabase          *db,
                 const RelanceStatsQuery  *query,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_autoptr(Figures) figures = g_new0 (Figures, 1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  figures->disputes = relance_stats_disputes (db, query, error);
  if (figures->disputes == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  figures->aged = relance_stats_aged_balance (db, query->to, query->segment_id, error);
  if (figures->aged == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  figures->receivables = relance_stats_receivables (db, query, error);
  if (figures->receivables == NULL)
    return NULL;

  return g_steal_pointer (&figures);
}

/* In a worker thread: a connection of its own, never the main one. */
static void
load_figures_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Figures *figures;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = relance_database_open_another (request->db, &error);
  if (db != NULL)
    figures = compute_figures (db, &request->query, cancellable, &error);
  else
    figures = NULL;

  if (figures == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, figures, (GDestroyNotify)figures_free);
}

static void
show_figures (RelanceDashboard        *self,
              const RelanceStatsQuery *query,
              const Figures           *figures)
{
  RelanceStatsData data = { figures->disputes, figures->aged, figures->receivables };

  show_period (self, query);
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      g_autoptr(RelanceChart) chart = relance_stats_chart_new (card->name, &data, &ui_format);

      relance_chart_widget_set_chart (card->chart, chart);
      fill_table (card);
    }
}

static void
show_loading (RelanceDashboard *self,
              gboolean          shown)
{
  gtk_widget_set_visible (self->loading_box, shown);
  gtk_spinner_set_spinning (self->spinner, shown);
  /* The previous charts stay, dimmed, until the new ones replace them. */
  gtk_widget_set_opacity (GTK_WIDGET (self->flow_box), shown ? 0.4 : 1.0);
}

static gboolean
on_loading_timeout_cb (gpointer user_data)
{
  RelanceDashboard *self = user_data;

  self->loading_timeout_id = 0;
  show_loading (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_loading (RelanceDashboard *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  if (loading)
    self->loading_timeout_id = g_timeout_add (LOADING_DELAY_MS, on_loading_timeout_cb, self);
  else
    show_loading (self, FALSE);
  /* A report made now would mix the old charts and the new period. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), !loading);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Forgets the figures being computed: their result will be dropped. */
static void
cancel_loading (RelanceDashboard *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* On the main thread. @user_data is a weak reference: the task holds no
 * reference to the dashboard, which may be gone with its window. */
static void
on_figures_loaded_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RelanceDashboard) self = g_weak_ref_get (weak);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(Figures) figures = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  figures = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window was closed, or a newer request superseded this one. */
  if (self == NULL || request->generation != self->generation)
    return;

  set_loading (self, FALSE);
  g_clear_object (&self->cancellable);

  if (figures != NULL)
    show_figures (self, &request->query, figures);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

static void
reload (RelanceDashboard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RelanceStatsQuery query = { 0 };
  LoadRequest *request;
  RelanceDatabase *db;
  GWeakRef *weak;

  self->stale = FALSE;
  cancel_loading (self);

  if (self->context == NULL)
    {
      set_loading (self, FALSE);
      for (guint i = 0; i < self->cards->len; i++)
        relance_chart_widget_set_chart (((Card *)g_ptr_array_index (self->cards, i))->chart, NULL);
      return;
    }

  if (!get_query (self, &query, &error))
    {
      set_loading (self, FALSE);
      show_error (self, error);
      return;
    }

  db = relance_context_get_database (self->context);

  /* A ledger in memory (tests) cannot be opened by another thread: it is
   * small, so computed here. */
  if (relance_database_is_in_memory (db))
    {
      g_autoptr(Figures) figures = compute_figures (db, &query, NULL, &error);

      set_loading (self, FALSE);
      if (figures == NULL)
        show_error (self, error);
      else
        show_figures (self, &query, figures);
      return;
    }

  request = g_new0 (LoadRequest, 1);
  request->db = g_object_ref (db);
  request->query = query;
  request->generation = self->generation;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_figures_loaded_cb, weak);
  g_task_set_source_tag (task, reload);
  g_task_set_name (task, "[relance] dashboard figures");
  g_task_set_task_data (task, request, (GDestroyNotify)load_request_free);
  g_task_run_in_thread (task, load_figures_thread);

  set_loading (self, TRUE);
}

static void
reload_when_shown (RelanceDashboard *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    {
      /* What is being computed is already out of date. */
      cancel_loading (self);
      set_loading (self, FALSE);
      self->stale = TRUE;
    }
}

static void
on_period_changed_cb (RelanceDashboard *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;

  /* In the toolbar's flow, each sits in a box of its own: the box goes. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->from_entry)), custom);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->to_entry)), custom);

  if (custom && self->context != NULL &&
      gtk_editable_get_text (GTK_EDITABLE (self->from_entry))[0] == '\0')
    {
      RelanceStatsQuery query = { 0 };
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      /* Start from the last 12 months. */
      query.to = relance_context_get_today (self->context);
      query.from = first_of_month_back (query.to, 11);
      from = relance_day_to_iso (query.from);
      to = relance_day_to_iso (query.to);
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
    }

  reload_when_shown (self);
}

static void
on_custom_period_cb (RelanceDashboard *self)
{
  reload_when_shown (self);
}

static void
on_segment_changed_cb (RelanceDashboard *self)
{
  if (!self->filling)
    reload_when_shown (self);
}

static void
relance_dashboard_map (GtkWidget *widget)
{
  RelanceDashboard *self = RELANCE_DASHBOARD (widget);

  GTK_WIDGET_CLASS (relance_dashboard_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static void
relance_dashboard_dispose (GObject *object)
{
  RelanceDashboard *self = (RelanceDashboard *)object;

  /* A computation still running finishes in its thread and is dropped. */
  cancel_loading (self);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  if (self->settings != NULL && self->period_dropdown != NULL)
    g_settings_unbind (self->period_dropdown, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_DASHBOARD);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (relance_dashboard_parent_class)->dispose (object);
}

static void
relance_dashboard_finalize (GObject *object)
{
  RelanceDashboard *self = (RelanceDashboard *)object;

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->segment_ids, g_array_unref);

  G_OBJECT_CLASS (relance_dashboard_parent_class)->finalize (object);
}

static void
relance_dashboard_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RelanceDashboard *self = RELANCE_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_dashboard_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RelanceDashboard *self = RELANCE_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      relance_dashboard_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_dashboard_class_init (RelanceDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_dashboard_dispose;
  object_class->finalize = relance_dashboard_finalize;
  object_class->get_property = relance_dashboard_get_property;
  object_class->set_property = relance_dashboard_set_property;

  widget_class->map = relance_dashboard_map;

  /**
   * RelanceDashboard:context:
   *
   * The ledger the charts are made from; %NULL for none.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RELANCE_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RelanceDashboard:loading:
   *
   * Whether the figures are being computed: the charts shown are those of
   * the previous request (or none yet), dimmed under a spinner.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelanceDashboard::show-disputes:
   * @cause: the code of the cause whose bar was clicked
   *
   * Asks for the disputes of that cause.
   */
  signals[SHOW_DISPUTES] =
    g_signal_new ("show-disputes",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RELANCE_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, period_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, report_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, flow_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, loading_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceDashboard, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_period_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_segment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_clicked_cb);
}

static void
relance_dashboard_init (RelanceDashboard *self)
{
  const char * const *names = relance_stats_chart_names ();

  self->segment_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify)card_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The toolbar's boxes are not stops of the keyboard: their controls are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    add_card (self, names[i]);

  fill_segments (self);

  self->settings = relance_application_new_settings ();
  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "dashboard-period",
                                  self->period_dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                  period_from_setting, period_to_setting, NULL, NULL);
}

GtkWidget *
relance_dashboard_new (void)
{
  return g_object_new (RELANCE_TYPE_DASHBOARD, NULL);
}

/**
 * relance_dashboard_get_context:
 *
 * Returns: (transfer none) (nullable): the ledger shown
 */
RelanceContext *
relance_dashboard_get_context (RelanceDashboard *self)
{
  g_return_val_if_fail (RELANCE_IS_DASHBOARD (self), NULL);

  return self->context;
}

/**
 * relance_dashboard_set_context:
 * @context: (nullable): the ledger to chart; %NULL empties the charts
 *
 * The statistics are read when the dashboard is on screen, in a worker
 * thread for a ledger file (see #RelanceDashboard:loading).
 */
void
relance_dashboard_set_context (RelanceDashboard *self,
                               RelanceContext   *context)
{
  g_return_if_fail (RELANCE_IS_DASHBOARD (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  fill_segments (self);
  reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * relance_dashboard_reload:
 *
 * Reads the statistics again, after the ledger changed.
 */
void
relance_dashboard_reload (RelanceDashboard *self)
{
  g_return_if_fail (RELANCE_IS_DASHBOARD (self));

  fill_segments (self);
  reload_when_shown (self);
}

/**
 * relance_dashboard_get_loading:
 *
 * Returns: %TRUE while the figures are computed in the background; the
 *   charts are those of the previous request until it turns %FALSE
 */
gboolean
relance_dashboard_get_loading (RelanceDashboard *self)
{
  g_return_val_if_fail (RELANCE_IS_DASHBOARD (self), FALSE);

  return self->loading;
}

/**
 * relance_dashboard_get_chart:
 * @name: a chart's name, such as "disputes-by-cause"
 *
 * Returns: (transfer none) (nullable): the #RelanceChartWidget showing it
 */
GtkWidget *
relance_dashboard_get_chart (RelanceDashboard *self,
                             const char       *name)
{
  Card *card;

  g_return_val_if_fail (RELANCE_IS_DASHBOARD (self), NULL);

  card = find_card (self, name);
  return card ? GTK_WIDGET (card->chart) : NULL;
}
