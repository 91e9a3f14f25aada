/* relance-stats-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "relance-error.h"
#include "relance-money.h"
#include "relance-stats-charts.h"

typedef RelanceChart *(*BuildFunc) (const RelanceStatsData   *data,
                                    const RelanceStatsFormat *format);

typedef struct
{
  const char        *name;
  RelanceStatsNeeds  needs;
  BuildFunc          build;
} ChartInfo;

/* Ages from green to red. */
static const char * const age_colours[RELANCE_AGE_N_BUCKETS] = {
  "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#a51d2d",
};

static char *
plain_money (gint64 cents)
{
  g_autofree char *decimal = NULL;

  /* Axis ticks are whole euros: no ".00" on each. */
  if (cents % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " €", cents / 100);

  decimal = relance_money_to_decimal (cents);

  return g_strdup_printf ("%s €", decimal);
}

static char *
plain_month (RelanceDay first_day)
{
  guint d, m, y;

  relance_day_to_dmy (first_day, &d, &m, &y);
  return g_strdup_printf ("%04u-%02u", y, m);
}

static const RelanceStatsFormat plain_format = { plain_money, plain_month };

static char *
format_money_cb (double   value,
                 gpointer user_data)
{
  const RelanceStatsFormat *format = user_data;

  return format->money ((gint64)llround (value));
}

static char *
format_days_cb (double   value,
                gpointer user_data)
{
  g_autofree char *number = value == floor (value) ? g_strdup_printf ("%.0f", value)
                                                   : g_strdup_printf ("%.1f", value);
  gulong n = value >= 0 && value < 1e9 ? (gulong)ceil (value) : 2;

  /* Translators: a duration, such as "12 days" or "17.5 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n), number);
}

static char *
format_count_cb (double   value,
                 gpointer user_data)
{
  return g_strdup_printf ("%.0f", value);
}

static void
use_money (RelanceChart             *chart,
           const RelanceStatsFormat *format)
{
  relance_chart_set_value_format (chart, format_money_cb,
                                  g_memdup2 (format, sizeof *format), g_free);
}

static void
set_colour (RelanceChart *chart,
            guint         category,
            const char   *hex)
{
  RelanceChartRgba rgba;

  if (relance_chart_rgba_parse (hex, &rgba))
    relance_chart_set_category_colour (chart, category, &rgba);
}

static char *
cause_title (const RelanceCauseStats *cause)
{
  return g_strdup_printf ("%s · %s", cause->code, cause->label);
}

static RelanceChart *
build_disputes_by_cause (const RelanceStatsData   *data,
                         const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Disputes by Cause"));
  guint series;

  relance_chart_set_horizontal (chart, TRUE);
  relance_chart_set_empty_text (chart, _("No disputes in this period"));
  relance_chart_set_value_format (chart, format_count_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("Disputes"));
  series = relance_chart_add_series (chart, _("Disputes"), NULL);

  for (guint i = 0; i < data->disputes->causes->len; i++)
    {
      const RelanceCauseStats *cause = g_ptr_array_index (data->disputes->causes, i);
      g_autofree char *title = cause_title (cause);
      g_autofree char *amount = format->money (cause->amount);
      g_autofree char *text = NULL;
      guint category = relance_chart_add_category (chart, title, cause->code);

      /* Translators: a cause's disputes: their number, amount and share of
       * the number, such as "12 · 4 500,00 € · 25 %" */
      text = g_strdup_printf (_("%u · %s · %u %%"), cause->count, amount,
                              (cause->count_share + 50) / 100);
      set_colour (chart, category, cause->colour);
      relance_chart_set_value (chart, series, category, cause->count);
      relance_chart_set_value_text (chart, series, category, text);
    }

  return chart;
}

static RelanceChart *
build_resolution_time (const RelanceStatsData   *data,
                       const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BOX, _("Time to Resolve, by Cause"));

  relance_chart_set_empty_text (chart, _("No dispute was resolved in this period"));
  relance_chart_set_value_format (chart, format_days_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("Days"));

  for (guint i = 0; i < data->disputes->causes->len; i++)
    {
      const RelanceCauseStats *cause = g_ptr_array_index (data->disputes->causes, i);
      guint category = relance_chart_add_category (chart, cause->code, cause->code);

      set_colour (chart, category, cause->colour);
      if (cause->resolved > 0)
        relance_chart_set_box (chart, category, cause->min_days, cause->q1_days,
                               cause->median_tenths / 10.0, cause->q3_days, cause->max_days);
    }

  return chart;
}

static RelanceChart *
build_resolution_buckets (const RelanceStatsData   *data,
                          const RelanceStatsFormat *format)
{
  static const char *buckets[] = { N_("0–7 days"), N_("8–15 days"), N_("16–30 days"),
                                   N_("31–60 days"), N_("Over 60 days") };
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Disputes Resolved, by Time Taken"));

  G_STATIC_ASSERT (G_N_ELEMENTS (buckets) == RELANCE_RESOLUTION_N_BUCKETS);

  relance_chart_set_stacked (chart, TRUE);
  relance_chart_set_empty_text (chart, _("No dispute was resolved in this period"));
  relance_chart_set_value_format (chart, format_count_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("Disputes"));

  for (guint b = 0; b < RELANCE_RESOLUTION_N_BUCKETS; b++)
    relance_chart_add_category (chart, _(buckets[b]), NULL);

  for (guint i = 0; i < data->disputes->causes->len; i++)
    {
      const RelanceCauseStats *cause = g_ptr_array_index (data->disputes->causes, i);
      RelanceChartRgba rgba;
      guint series = relance_chart_add_series (chart, cause->code,
                                               relance_chart_rgba_parse (cause->colour, &rgba) ? &rgba : NULL);

      for (guint b = 0; b < RELANCE_RESOLUTION_N_BUCKETS; b++)
        relance_chart_set_value (chart, series, b, cause->buckets[b]);
    }

  return chart;
}

static RelanceChart *
build_disputes_trend (const RelanceStatsData   *data,
                      const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_LINE, _("Disputes Month by Month"));
  guint opened, resolved, backlog;

  relance_chart_set_empty_text (chart, _("No disputes in this period"));
  relance_chart_set_value_format (chart, format_count_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("Disputes"));
  opened = relance_chart_add_series (chart, C_("disputes of the month", "Opened"), NULL);
  resolved = relance_chart_add_series (chart, C_("disputes of the month", "Closed"), NULL);
  backlog = relance_chart_add_series (chart, _("Open at month end"), NULL);

  for (guint m = 0; m < data->disputes->months->len; m++)
    {
      const RelanceDisputeMonth *month = &g_array_index (data->disputes->months, RelanceDisputeMonth, m);
      g_autofree char *label = format->month (month->start);
      guint category = relance_chart_add_category (chart, label, NULL);

      relance_chart_set_value (chart, opened, category, month->opened);
      relance_chart_set_value (chart, resolved, category, month->resolved);
      relance_chart_set_value (chart, backlog, category, month->backlog);
    }

  return chart;
}

static RelanceChart *
build_departments (const RelanceStatsData   *data,
                   const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Open Disputes by Department"));
  guint series;

  relance_chart_set_horizontal (chart, TRUE);
  relance_chart_set_empty_text (chart, _("No dispute is open"));
  relance_chart_set_value_format (chart, format_count_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("Open disputes"));
  series = relance_chart_add_series (chart, _("Open disputes"), NULL);

  for (guint i = 0; i < data->disputes->departments->len; i++)
    {
      const RelanceDepartmentBacklog *department = g_ptr_array_index (data->disputes->departments, i);
      g_autofree char *amount = format->money (department->amount);
      g_autofree char *text = g_strdup_printf ("%u · %s", department->open, amount);
      guint category = relance_chart_add_category (chart, department->department, NULL);

      relance_chart_set_value (chart, series, category, department->open);
      relance_chart_set_value_text (chart, series, category, text);
    }

  return chart;
}

static const char *
age_label (guint bucket)
{
  static const char *labels[RELANCE_AGE_N_BUCKETS] = {
    N_("Not due"), N_("1–30 days"), N_("31–60 days"), N_("61–90 days"), N_("Over 90 days"),
  };

  return _(labels[bucket]);
}

static RelanceChart *
build_aged_balance (const RelanceStatsData   *data,
                    const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Aged Balance"));
  guint series;

  relance_chart_set_empty_text (chart, _("Nothing is owed"));
  use_money (chart, format);
  relance_chart_set_value_title (chart, _("Amount"));
  series = relance_chart_add_series (chart, _("Amount"), NULL);

  for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
    {
      guint category = relance_chart_add_category (chart, age_label (b), NULL);

      set_colour (chart, category, age_colours[b]);
      relance_chart_set_value (chart, series, category, (double)data->aged->buckets[b]);
    }

  return chart;
}

static RelanceChart *
build_aged_by_segment (const RelanceStatsData   *data,
                       const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Aged Balance by Segment"));

  relance_chart_set_horizontal (chart, TRUE);
  relance_chart_set_stacked (chart, TRUE);
  relance_chart_set_empty_text (chart, _("Nothing is owed"));
  use_money (chart, format);
  relance_chart_set_value_title (chart, _("Amount"));

  for (guint i = 0; i < data->aged->segments->len; i++)
    {
      const RelanceSegmentAged *segment = g_ptr_array_index (data->aged->segments, i);

      relance_chart_add_category (chart, segment->segment[0] ? segment->segment : _("No segment"), NULL);
    }

  for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
    {
      RelanceChartRgba rgba;
      guint series;

      relance_chart_rgba_parse (age_colours[b], &rgba);
      series = relance_chart_add_series (chart, age_label (b), &rgba);
      for (guint i = 0; i < data->aged->segments->len; i++)
        {
          const RelanceSegmentAged *segment = g_ptr_array_index (data->aged->segments, i);

          relance_chart_set_value (chart, series, i, (double)segment->buckets[b]);
        }
    }

  return chart;
}

static RelanceChart *
build_dso (const RelanceStatsData   *data,
           const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_LINE, _("Days Sales Outstanding"));
  guint series;

  relance_chart_set_empty_text (chart, _("No sales in this period"));
  relance_chart_set_value_format (chart, format_days_cb, NULL, NULL);
  relance_chart_set_value_title (chart, _("DSO"));
  series = relance_chart_add_series (chart, _("DSO"), NULL);

  for (guint m = 0; m < data->receivables->len; m++)
    {
      const RelanceReceivablesMonth *month = &g_array_index (data->receivables, RelanceReceivablesMonth, m);
      g_autofree char *label = format->month (month->start);
      guint category = relance_chart_add_category (chart, label, NULL);

      if (month->dso_tenths != RELANCE_STATS_NONE)
        relance_chart_set_value (chart, series, category, month->dso_tenths / 10.0);
    }

  /* Without any sales, a line of no points says nothing. */
  for (guint c = 0; c < relance_chart_get_n_categories (chart); c++)
    if (!isnan (relance_chart_get_value (chart, series, c)))
      return chart;

  g_clear_pointer (&chart, relance_chart_unref);
  chart = relance_chart_new (RELANCE_CHART_LINE, _("Days Sales Outstanding"));
  relance_chart_set_empty_text (chart, _("No sales in this period"));
  return chart;
}

static RelanceChart *
build_collections (const RelanceStatsData   *data,
                   const RelanceStatsFormat *format)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, _("Collected and Promised"));
  guint collected, promised;

  relance_chart_set_empty_text (chart, _("Nothing was collected or promised in this period"));
  use_money (chart, format);
  relance_chart_set_value_title (chart, _("Amount"));
  collected = relance_chart_add_series (chart, _("Collected"), NULL);
  promised = relance_chart_add_series (chart, _("Promised"), NULL);

  for (guint m = 0; m < data->receivables->len; m++)
    {
      const RelanceReceivablesMonth *month = &g_array_index (data->receivables, RelanceReceivablesMonth, m);
      g_autofree char *label = format->month (month->start);
      guint category = relance_chart_add_category (chart, label, NULL);

      relance_chart_set_value (chart, collected, category, (double)month->collected);
      relance_chart_set_value (chart, promised, category, (double)month->promised);
    }

  return chart;
}

static const ChartInfo charts[] = {
  { "disputes-by-cause", RELANCE_STATS_NEED_DISPUTES, build_disputes_by_cause },
  { "resolution-time", RELANCE_STATS_NEED_DISPUTES, build_resolution_time },
  { "resolution-buckets", RELANCE_STATS_NEED_DISPUTES, build_resolution_buckets },
  { "disputes-trend", RELANCE_STATS_NEED_DISPUTES, build_disputes_trend },
  { "departments", RELANCE_STATS_NEED_DISPUTES, build_departments },
  { "aged-balance", RELANCE_STATS_NEED_AGED, build_aged_balance },
  { "aged-by-segment", RELANCE_STATS_NEED_AGED, build_aged_by_segment },
  { "dso", RELANCE_STATS_NEED_RECEIVABLES, build_dso },
  { "collections", RELANCE_STATS_NEED_RECEIVABLES, build_collections },
};

static const char * const chart_names[] = {
  "disputes-by-cause", "resolution-time", "resolution-buckets", "disputes-trend",
  "departments", "aged-balance", "aged-by-segment", "dso", "collections", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (chart_names) == G_N_ELEMENTS (charts) + 1);

static const ChartInfo *
find_chart (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
      return &charts[i];

  return NULL;
}

/**
 * relance_stats_format_plain:
 *
 * Returns: (transfer none): amounts as "1234.56 €" and months as "2026-11",
 *   whatever the locale, for files made by scripts
 */
const RelanceStatsFormat *
relance_stats_format_plain (void)
{
  return &plain_format;
}

/**
 * relance_stats_chart_names:
 *
 * Returns: (transfer none): the charts' names, in the dashboard's order
 */
const char * const *
relance_stats_chart_names (void)
{
  return chart_names;
}

/**
 * relance_stats_chart_find:
 * @name: a chart's name, such as "disputes-by-cause"
 * @needs: (out) (optional): the figures it is made of
 * @error: a message the user can read
 *
 * Returns: %TRUE if there is such a chart
 */
gboolean
relance_stats_chart_find (const char         *name,
                          RelanceStatsNeeds  *needs,
                          GError            **error)
{
  const ChartInfo *info = find_chart (name);

  if (info == NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **)chart_names);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("There is no chart “%s”; the charts are: %s"), name ? name : "", names);
      return FALSE;
    }

  if (needs != NULL)
    *needs = info->needs;
  return TRUE;
}

/**
 * relance_stats_chart_new:
 * @name: a name relance_stats_chart_find() knows
 * @data: the figures it needs
 * @format: (nullable): how to write money and months; plain if %NULL
 *
 * Returns: (transfer full): the chart
 */
RelanceChart *
relance_stats_chart_new (const char               *name,
                         const RelanceStatsData   *data,
                         const RelanceStatsFormat *format)
{
  const ChartInfo *info = find_chart (name);

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (!(info->needs & RELANCE_STATS_NEED_DISPUTES) || data->disputes != NULL, NULL);
  g_return_val_if_fail (!(info->needs & RELANCE_STATS_NEED_AGED) || data->aged != NULL, NULL);
  g_return_val_if_fail (!(info->needs & RELANCE_STATS_NEED_RECEIVABLES) || data->receivables != NULL, NULL);

  return info->build (data, format ? format : &plain_format);
}
