/* relance-cli-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-chart.h"
#include "relance-cli-commands.h"
#include "relance-cli-output.h"
#include "relance-cli-stats.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-report.h"
#include "relance-stats-charts.h"
#include "relance-stats.h"

#define DEFAULT_WIDTH 800
#define DEFAULT_HEIGHT 500

/* The options both commands take. */
typedef struct
{
  const char       *command;
  const char       *usage;      /* after the program's name; command if NULL */
  char             *db_path;
  char             *date;
  char             *from;
  char             *to;
  char             *segment;
  char             *format_name;
  RelanceCliFormat  format;
  RelanceStatsQuery query;
} StatsOptions;

static void
stats_options_clear (StatsOptions *options)
{
  g_clear_pointer (&options->db_path, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->segment, g_free);
  g_clear_pointer (&options->format_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatsOptions, stats_options_clear)

enum { CAUSE_CODE, CAUSE_LABEL, CAUSE_COUNT, CAUSE_AMOUNT, CAUSE_MEDIAN, CAUSE_MEAN,
       CAUSE_P90, CAUSE_OPEN };

/* median_days and mean_days have two decimals ("17.50"): the amount column
 * writes hundredths exactly, and as a number in JSON. */
static const RelanceCliColumn cause_columns[] = {
  { "cause", N_("Cause"), RELANCE_CLI_COLUMN_TEXT },
  { "label", N_("Label"), RELANCE_CLI_COLUMN_TEXT },
  { "count", N_("Disputes"), RELANCE_CLI_COLUMN_NUMBER },
  { "amount", N_("Amount"), RELANCE_CLI_COLUMN_AMOUNT },
  { "median_days", N_("Median days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "mean_days", N_("Mean days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "p90_days", N_("90% within"), RELANCE_CLI_COLUMN_NUMBER },
  { "open", N_("Still open"), RELANCE_CLI_COLUMN_NUMBER },
};

static int
fail (const GError *error)
{
  g_printerr ("relance-cli: %s\n", error->message);
  return RELANCE_CLI_EXIT_FAILURE;
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

/* Parses the command line into @options; @extra are the command's own
 * options. @status is the exit status when it returns %FALSE. */
static gboolean
parse_options (StatsOptions        *options,
               const char          *summary,
               const GOptionEntry  *extra,
               gboolean             lists,
               char              ***args,
               int                 *status)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("The first day of the period (default: the first of the month, 11 months ago)"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("The last day of the period (default: today)"), N_("DAY") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &options->segment,
      N_("Only the customers of this segment"), N_("NAME") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options->db_path,
      N_("The ledger file (default: $XDG_DATA_HOME/relance/relance.db)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options->date,
      N_("Work as if today were this day (2026-11-23 or 23/11/2026)"), N_("DAY") },
    { NULL }
  };
  const GOptionEntry format_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("Write the list as a table (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (options->usage ? options->usage : options->command);
  g_autoptr(GError) error = NULL;
  RelanceDay today;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (lists)
    g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = relance_cli_usage_error (options->command, "%s", error->message);
      return FALSE;
    }

  if (options->format_name != NULL && !relance_cli_format_parse (options->format_name, &options->format))
    {
      *status = relance_cli_usage_error (options->command,
                                         _("Unknown format “%s”: use table, csv or json"),
                                         options->format_name);
      return FALSE;
    }

  if (options->db_path != NULL && options->db_path[0] == '\0')
    {
      *status = relance_cli_usage_error (options->command, _("--db needs a file name"));
      return FALSE;
    }

  today = relance_day_today_local ();
  if ((options->date != NULL && !relance_day_parse (options->date, &today, &error)) ||
      (options->to != NULL && !relance_day_parse (options->to, &options->query.to, &error)) ||
      (options->from != NULL && !relance_day_parse (options->from, &options->query.from, &error)))
    {
      *status = fail (error);
      return FALSE;
    }

  if (options->to == NULL)
    options->query.to = today;
  if (options->from == NULL)
    options->query.from = MIN (first_of_month_back (options->query.to, 11), options->query.to);

  if (!relance_stats_query_check (&options->query, &error))
    {
      *status = fail (error);
      return FALSE;
    }

  return TRUE;
}

/* Opens the ledger, which must exist, and finds --segment in it. */
static RelanceDatabase *
open_ledger (StatsOptions  *options,
             GError       **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  const char *path = options->db_path;

  if (path == NULL)
    path = default_path = relance_database_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("There is no ledger “%s”: start one with “relance-cli customer add” "
                     "or “relance-cli demo”"),
                   path);
      return NULL;
    }

  db = relance_database_open (path, error);
  if (db == NULL || options->segment == NULL)
    return g_steal_pointer (&db);

  segments = relance_stats_list_segments (db, error);
  if (segments == NULL)
    return NULL;
  for (guint i = 0; i < segments->len; i++)
    {
      const RelanceSegmentInfo *info = g_ptr_array_index (segments, i);

      if (g_utf8_collate (info->name, options->segment) == 0)
        {
          options->query.segment_id = info->id;
          return g_steal_pointer (&db);
        }
    }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
               _("There is no segment “%s”"), options->segment);
  return NULL;
}

static void
fill_cause_row (RelanceCliRow *row,
                guint          position,
                gpointer       user_data)
{
  RelanceDisputeStats *stats = user_data;
  const RelanceCauseStats *cause = g_ptr_array_index (stats->causes, position);

  relance_cli_row_set_text (row, CAUSE_CODE, cause->code);
  relance_cli_row_set_text (row, CAUSE_LABEL, cause->label);
  relance_cli_row_set_number (row, CAUSE_COUNT, cause->count);
  relance_cli_row_set_amount (row, CAUSE_AMOUNT, cause->amount);
  if (cause->resolved > 0)
    {
      relance_cli_row_set_amount (row, CAUSE_MEDIAN, cause->median_tenths * 10);
      relance_cli_row_set_amount (row, CAUSE_MEAN, cause->mean_tenths * 10);
      relance_cli_row_set_number (row, CAUSE_P90, cause->p90_days);
    }
  relance_cli_row_set_number (row, CAUSE_OPEN, cause->open);
}

int
relance_cli_stats_disputes (const char   *command,
                            char       ***args)
{
  g_auto(StatsOptions) options = { command };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceDisputeStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_options (&options, _("Counts the disputes opened in the period by cause, with how "
                                  "long the resolved ones took, in days, and how many are still open."),
                      NULL, TRUE, args, &status))
    return status;

  if ((*args)[0] != NULL && (*args)[1] != NULL)
    return relance_cli_usage_error (command, _("Unexpected argument “%s”"), (*args)[1]);

  db = open_ledger (&options, &error);
  if (db == NULL)
    return fail (error);

  stats = relance_stats_disputes (db, &options.query, &error);
  if (stats == NULL)
    return fail (error);

  if (!relance_cli_write_rows (stdout, options.format, cause_columns, G_N_ELEMENTS (cause_columns),
                               stats->causes->len, fill_cause_row, stats, &error))
    return fail (error);

  return RELANCE_CLI_EXIT_OK;
}

/* Every chart in one PDF, after a title page. */
static int
write_report (RelanceDatabase         *db,
              const RelanceStatsQuery *query,
              const RelanceStatsData  *data,
              const char              *path)
{
  const char * const *names = relance_stats_chart_names ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_chart_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *company = relance_stats_get_company_name (db, &error);
  g_autofree char *from = relance_day_to_iso (query->from);
  g_autofree char *to = relance_day_to_iso (query->to);
  g_autofree char *period = g_strdup_printf ("%s – %s", from, to);
  g_autofree char *today = relance_day_to_iso (relance_day_today_local ());
  RelanceReportInfo info = { _("Credit Report"), company, period, today };

  if (company == NULL)
    return fail (error);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (charts, relance_stats_chart_new (names[i], data, relance_stats_format_plain ()));

  if (!relance_report_write_pdf (path, &info, (RelanceChart * const *)charts->pdata, charts->len, &error))
    return fail (error);

  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_chart (const char   *command,
                   char       ***args)
{
  g_auto(StatsOptions) options = { command, "chart NAME|report" };
  g_autofree char *out = NULL;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for SVG and PDF)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for SVG and PDF)"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { NULL }
  };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceDisputeStats) disputes = NULL;
  g_autoptr(RelanceAgedStats) aged = NULL;
  g_autoptr(GArray) receivables = NULL;
  g_autoptr(RelanceChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *names = g_strjoinv (", ", (char **)relance_stats_chart_names ());
  RelanceStatsData data = { NULL };
  RelanceStatsNeeds needs;
  RelanceChartFileType type;
  gboolean report;
  const char *name;
  int status;

  /* Translators: %s lists the charts' names; "report" is a name too */
  summary = g_strdup_printf (_("Draws a chart of the period into a PNG, SVG or PDF file, or "
                               "“report”: every chart in a credit report PDF.\n\nCharts: %s"), names);
  if (!parse_options (&options, summary, entries, FALSE, args, &status))
    return status;

  name = (*args)[0] != NULL ? (*args)[1] : NULL;
  if (name == NULL)
    return relance_cli_usage_error (command, _("Which chart? One of: %s"), names);
  if ((*args)[2] != NULL)
    return relance_cli_usage_error (command, _("Unexpected argument “%s”"), (*args)[2]);
  if (out == NULL || out[0] == '\0')
    return relance_cli_usage_error (command, _("The option %s is required"), "--out");

  report = g_str_equal (name, "report");
  if (report)
    needs = RELANCE_STATS_NEED_DISPUTES | RELANCE_STATS_NEED_AGED | RELANCE_STATS_NEED_RECEIVABLES;
  if ((!report && !relance_stats_chart_find (name, &needs, &error)) ||
      !relance_chart_file_type_for_path (out, &type, &error))
    return fail (error);
  if (report && type != RELANCE_CHART_FILE_PDF)
    return relance_cli_usage_error (command, _("The credit report is a PDF: give a name ending in .pdf"));
  if (width < 1 || width > 10000 || height < 1 || height > 10000)
    return relance_cli_usage_error (command, _("--width and --height take 1 to 10000 pixels"));

  db = open_ledger (&options, &error);
  if (db == NULL)
    return fail (error);

  if (needs & RELANCE_STATS_NEED_DISPUTES)
    data.disputes = disputes = relance_stats_disputes (db, &options.query, &error);
  if (error == NULL && (needs & RELANCE_STATS_NEED_AGED))
    data.aged = aged = relance_stats_aged_balance (db, options.query.to, options.query.segment_id, &error);
  if (error == NULL && (needs & RELANCE_STATS_NEED_RECEIVABLES))
    data.receivables = receivables = relance_stats_receivables (db, &options.query, &error);
  if (error != NULL)
    return fail (error);

  if (report)
    return write_report (db, &options.query, &data, out);

  chart = relance_stats_chart_new (name, &data, relance_stats_format_plain ());
  if (!relance_chart_export (chart, dark ? relance_chart_theme_dark () : relance_chart_theme_light (),
                             out, width, height, &error))
    return fail (error);

  return RELANCE_CLI_EXIT_OK;
}
