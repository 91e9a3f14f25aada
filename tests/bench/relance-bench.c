/* relance-bench.c
 *
 * Generates a large synthetic ledger and prints how long the things a user
 * waits for take on it. It prints figures; it is not a test.
 *
 *   relance-bench [--customers N] [--invoices N] [--ledger FILE]
 *                 [--letters-only | --letters-html DIR]
 *   relance-bench --window FILE
 *
 * The second form runs the real application on FILE, shows the invoices
 * view, scrolls it to the middle and prints the process's peak memory; the
 * first form runs it in a child process after timing the queries, so the
 * figure is the application's alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "relance-application.h"
#include "relance-customer.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-fec.h"
#include "relance-import.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-letter.h"
#include "relance-list-model.h"
#include "relance-merge.h"
#include "relance-money.h"
#include "relance-penalties.h"
#include "relance-sample.h"
#include "relance-stats-charts.h"
#include "relance-stats.h"
#include "relance-templates.h"
#include "relance-window.h"
#include "relance-worklist.h"

#define RUNS 5

typedef struct
{
  const char *what;
  double      first_ms;
  double      median_ms;
  const char *target;
} Row;

static GArray *rows;
static const char *only;   /* --only: the operations whose name has this */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The processor time of this process: what the figures of a shared
 * machine wander around least. */
static double
cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
record (const char *what,
        double      first_ms,
        double      median_ms,
        const char *target)
{
  Row row = { what, first_ms, median_ms, target };

  g_array_append_val (rows, row);
  g_printerr ("  %-52s %10.1f ms\n", what, first_ms);
}

/* Runs @func RUNS times on a fresh list model each time; the first run is
 * the one a user meets after opening the ledger. */
typedef void (*BenchFunc) (RelanceDatabase *db, RelanceDay today);

static void
measure (const char      *what,
         const char      *target,
         BenchFunc        func,
         RelanceDatabase *db,
         RelanceDay       today)
{
  double times[RUNS];

  if (only != NULL && strstr (what, only) == NULL)
    return;

  for (guint i = 0; i < RUNS; i++)
    {
      double start = now_ms ();

      func (db, today);
      times[i] = now_ms () - start;
    }

  {
    double first = times[0];

    qsort (times, RUNS, sizeof (double), compare_doubles);
    record (what, first, times[RUNS / 2], target);
  }
}

/* What a list shows first: the count and the first 30 rows. */
static void
show_first_page (RelanceListModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < MIN (n, 30); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

static void
bench_customers (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, today);

  show_first_page (model);
}

static void
bench_invoices (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);

  show_first_page (model);
}

static void
bench_disputes (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_DISPUTES, today);

  show_first_page (model);
}

static void
bench_invoices_middle (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Dragging the scroll bar to the middle of the list. */
  for (guint i = n / 2; i < MIN (n, n / 2 + 30); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

static void
bench_search_customers (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, today);

  relance_list_model_set_search (model, "besancon");
  show_first_page (model);
}

static void
bench_search_invoices (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);

  relance_list_model_set_search (model, "dupont");
  show_first_page (model);
}

static void
bench_search_number (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);

  relance_list_model_set_search (model, "FA2026-0007");
  show_first_page (model);
}

static void
bench_sort_amount (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);

  relance_list_model_set_sort (model, "amount", TRUE);
  show_first_page (model);
}

static void
bench_sort_customer_balance (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, today);

  relance_list_model_set_sort (model, "balance", TRUE);
  show_first_page (model);
}

static void
bench_overdue (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);

  relance_list_model_set_overdue_only (model, TRUE);
  show_first_page (model);
}

static void
bench_aged_today (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(GPtrArray) aged = relance_ledger_aged_balance (db, today, NULL);

  g_assert_nonnull (aged);
}

static void
bench_aged_past (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(GPtrArray) aged = relance_ledger_aged_balance (db, today - 180, NULL);

  g_assert_nonnull (aged);
}

/* A customer with 500 invoices, half of them paid, added to the bench
 * ledger once (the sample spreads invoices thinner). */
static gint64 big_customer;

static void
ensure_big_customer (RelanceDatabase *db, RelanceDay today)
{
  RelanceCustomerFields customer = { .code = "BENCH500", .name = "Client aux 500 factures", .payment_terms = 30 };
  g_autoptr(GError) error = NULL;

  big_customer = relance_ledger_find_customer (db, "BENCH500", NULL);
  if (big_customer != 0)
    return;

  big_customer = relance_ledger_add_customer (db, &customer, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *number = g_strdup_printf ("BENCH500-%03u", i);
      RelanceInvoiceFields invoice = { "BENCH500", number, today - 500 + (int)i, today - 470 + (int)i,
                                       10000 + i, FALSE };
      gint64 id = relance_ledger_add_invoice (db, &invoice, &error);

      g_assert_no_error (error);
      if (i % 2 == 0)
        {
          g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
          RelanceAllocation *part = g_new0 (RelanceAllocation, 1);

          part->invoice_id = id;
          part->amount = 10000 + i;
          g_ptr_array_add (all, part);
          /* Paid ten days after the due date, and never after today: a
           * payment dated after the day would take the lists off their
           * fast path. */
          relance_desk_add_payment (db, big_customer, MIN (today, today - 460 + (int)i), 10000 + i,
                                    NULL, NULL, all, &error);
          g_assert_no_error (error);
        }
    }
}

/* The totals bar under the invoices: every invoice, then overdue ones. */
static void
bench_invoice_totals (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  RelanceListTotals totals;

  g_assert_true (relance_list_model_get_totals (model, &totals));
}

static void
bench_filter_overdue_31_60 (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  RelanceListTotals totals;

  relance_list_model_set_age_bucket (model, RELANCE_AGE_31_60);
  show_first_page (model);
  g_assert_true (relance_list_model_get_totals (model, &totals));
}

/* The totals bar under the customers. */
static void
bench_customer_totals (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, today);
  RelanceListTotals totals;

  g_assert_true (relance_list_model_get_totals (model, &totals));
}

/* The lists as they stood on a past day: what was issued, paid and
 * disputed after it does not count. */
#define PAST_DAYS 180

static void
bench_customers_past (RelanceDatabase *db, RelanceDay today)
{
  bench_customers (db, today - PAST_DAYS);
}

static void
bench_invoices_past (RelanceDatabase *db, RelanceDay today)
{
  bench_invoices (db, today - PAST_DAYS);
}

static void
bench_sort_customer_balance_past (RelanceDatabase *db, RelanceDay today)
{
  bench_sort_customer_balance (db, today - PAST_DAYS);
}

static void
bench_customer_totals_past (RelanceDatabase *db, RelanceDay today)
{
  bench_customer_totals (db, today - PAST_DAYS);
}

static void
bench_invoice_totals_past (RelanceDatabase *db, RelanceDay today)
{
  bench_invoice_totals (db, today - PAST_DAYS);
}

static void
bench_filter_overdue_31_60_past (RelanceDatabase *db, RelanceDay today)
{
  bench_filter_overdue_31_60 (db, today - PAST_DAYS);
}

static void
bench_overdue_past (RelanceDatabase *db, RelanceDay today)
{
  bench_overdue (db, today - PAST_DAYS);
}

/* A payment typed with tomorrow's date, on the first overdue invoice:
 * the lists of today must not count it. Returns its id, to delete it. */
static gint64
add_payment_tomorrow (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  g_autoptr(RelanceInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  const char *numbers[2] = { NULL, NULL };
  gint64 id;

  relance_list_model_set_overdue_only (model, TRUE);
  invoice = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_nonnull (invoice);
  numbers[0] = relance_invoice_get_number (invoice);
  id = relance_ledger_add_payment (db, relance_invoice_get_customer_code (invoice), today + 1, 100,
                                   numbers, NULL, "bench", &error);
  g_assert_no_error (error);
  return id;
}

static void
measure_lists (RelanceDatabase *db, RelanceDay today)
{
  measure ("customers: first page", "< 50 ms", bench_customers, db, today);
  measure ("invoices: first page", "< 50 ms", bench_invoices, db, today);
  measure ("disputes: first page", "< 50 ms", bench_disputes, db, today);
  measure ("sort customers by balance, first page", NULL, bench_sort_customer_balance, db, today);
  measure ("customers: totals bar", NULL, bench_customer_totals, db, today);
  measure ("invoices: totals bar, all", NULL, bench_invoice_totals, db, today);
  measure ("invoices 31-60 days late: first page and totals", NULL, bench_filter_overdue_31_60, db, today);
  measure ("overdue invoices only, first page", NULL, bench_overdue, db, today);
  measure ("customers 180 days ago: first page", NULL, bench_customers_past, db, today);
  measure ("invoices 180 days ago: first page", NULL, bench_invoices_past, db, today);
  measure ("sort customers by balance 180 days ago", NULL, bench_sort_customer_balance_past, db, today);
  measure ("customers 180 days ago: totals bar", NULL, bench_customer_totals_past, db, today);
  measure ("invoices 180 days ago: totals bar, all", NULL, bench_invoice_totals_past, db, today);
  measure ("invoices 31-60 days late 180 days ago", NULL, bench_filter_overdue_31_60_past, db, today);
  measure ("overdue invoices only 180 days ago", NULL, bench_overdue_past, db, today);
  measure ("aged balance today", "< 300 ms", bench_aged_today, db, today);
  measure ("aged balance 180 days ago", "< 300 ms", bench_aged_past, db, today);

  if (only == NULL || strstr (only, "tomorrow") != NULL)
    {
      gint64 payment = add_payment_tomorrow (db, today);
      g_autoptr(GError) error = NULL;

      measure ("customers: first page (a payment tomorrow)", NULL, bench_customers, db, today);
      measure ("invoices: first page (a payment tomorrow)", NULL, bench_invoices, db, today);
      measure ("sort by balance (a payment tomorrow)", NULL, bench_sort_customer_balance, db, today);
      measure ("customers: totals bar (a payment tomorrow)", NULL, bench_customer_totals, db, today);
      measure ("invoices: totals bar (a payment tomorrow)", NULL, bench_invoice_totals, db, today);
      measure ("invoices 31-60 days late (a payment tomorrow)", NULL, bench_filter_overdue_31_60, db, today);
      relance_desk_delete_payment (db, payment, &error);
      g_assert_no_error (error);
    }
}

/* The dispute list of one department, open ones, with its totals bar. */
static void
bench_filter_disputes_department (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (db, RELANCE_LIST_DISPUTES, today);
  g_auto(GStrv) departments = relance_list_model_dup_departments (model);
  RelanceListTotals totals;

  g_assert_true (departments != NULL && departments[0] != NULL);
  relance_list_model_set_department (model, departments[0]);
  relance_list_model_set_status (model, RELANCE_LIST_STATUS_OPEN);
  show_first_page (model);
  g_assert_true (relance_list_model_get_totals (model, &totals));
}

/* The Today view: every customer's item of the day. */
static void
bench_worklist (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(GPtrArray) items = relance_worklist_compute (db, today, NULL, NULL, NULL);

  g_assert_nonnull (items);
}

/* The Today view of a past day: what was paid, disputed or done since
 * is not counted. */
static void
bench_worklist_past (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(GPtrArray) items = relance_worklist_compute (db, today - 180, NULL, NULL, NULL);

  g_assert_nonnull (items);
}

/* What the customer page reads when it opens: identity, contacts, figures,
 * disputes, the latest payments and history, the penalties (period by
 * period), the first page of invoices. */
static void
bench_customer_page (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (db, big_customer, NULL);
  g_autoptr(GPtrArray) contacts = relance_desk_list_contacts (db, big_customer, NULL);
  g_autoptr(GPtrArray) disputes = relance_desk_list_disputes (db, big_customer, NULL);
  g_autoptr(GPtrArray) payments = relance_desk_list_payments (db, big_customer, 20, NULL);
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (db, big_customer, today, 100, NULL);
  g_autoptr(RelanceListModel) invoices = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  g_autoptr(RelancePenalties) penalties = relance_penalties_compute (db, big_customer, today, NULL);
  RelanceCustomerFigures figures;

  g_assert_nonnull (penalties);
  g_assert_nonnull (details);
  g_assert_nonnull (contacts);
  g_assert_nonnull (disputes);
  g_assert_nonnull (payments);
  g_assert_true (relance_desk_get_figures (db, big_customer, today, &figures, NULL));
  g_assert_cmpint (figures.n_open, ==, 250);
  g_assert_cmpuint (timeline->len, ==, 100);
  relance_list_model_set_customer (invoices, big_customer);
  show_first_page (invoices);
}

/* The dashboard: its last 12 months, or every dispute since 2000. */
static RelanceStatsQuery
dashboard_query (RelanceDay today,
                 gboolean   all)
{
  RelanceStatsQuery query = { all ? relance_day_from_dmy (1, 1, 2000) : today - 365, today, 0 };

  return query;
}

static void
bench_stats_disputes (RelanceDatabase *db, RelanceDay today)
{
  RelanceStatsQuery query = dashboard_query (today, FALSE);
  g_autoptr(RelanceDisputeStats) stats = relance_stats_disputes (db, &query, NULL);

  g_assert_nonnull (stats);
}

static void
bench_stats_disputes_all (RelanceDatabase *db, RelanceDay today)
{
  RelanceStatsQuery query = dashboard_query (today, TRUE);
  g_autoptr(RelanceDisputeStats) stats = relance_stats_disputes (db, &query, NULL);

  g_assert_nonnull (stats);
}

static void
bench_stats_receivables (RelanceDatabase *db, RelanceDay today)
{
  RelanceStatsQuery query = dashboard_query (today, FALSE);
  g_autoptr(GArray) months = relance_stats_receivables (db, &query, NULL);

  g_assert_nonnull (months);
}

static void
bench_stats_aged (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceAgedStats) aged = relance_stats_aged_balance (db, today, 0, NULL);

  g_assert_nonnull (aged);
}

/* Charts drawn from the figures of the last 12 months. */
static RelanceStatsData chart_data;
static const char *chart_name;

static void
bench_chart (RelanceDatabase *db, RelanceDay today)
{
  g_autoptr(RelanceChart) chart = relance_stats_chart_new (chart_name, &chart_data, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 320);
  cairo_t *cr = cairo_create (surface);

  relance_chart_draw (chart, cr, relance_chart_theme_light (), 480, 320);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static void
measure_charts (RelanceDatabase *db,
                RelanceDay       today)
{
  RelanceStatsQuery query = dashboard_query (today, FALSE);
  const char * const *names = relance_stats_chart_names ();

  chart_data.disputes = relance_stats_disputes (db, &query, NULL);
  chart_data.aged = relance_stats_aged_balance (db, today, 0, NULL);
  chart_data.receivables = relance_stats_receivables (db, &query, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *what = g_strdup_printf ("chart %s, 480x320", names[i]);

      chart_name = names[i];
      measure (g_intern_string (what), "< 20 ms", bench_chart, db, today);
    }

  relance_dispute_stats_free (chart_data.disputes);
  relance_aged_stats_free (chart_data.aged);
  g_array_unref (chart_data.receivables);
}

/* Letters: the first BENCH_LETTERS customers with something open get a
 * first reminder (every third claims interest and the indemnity), laid out
 * into one PDF for the printer, and into one PDF each in memory as "Send
 * the letters" and the history keep them. Each step runs once: together
 * they take seconds. */
#define BENCH_LETTERS 1000

static GPtrArray *
make_bench_letters (RelanceDatabase *db,
                    RelanceDay       today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aged = NULL;
  g_autoptr(GPtrArray) data = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_letter_data_free);
  g_autoptr(GHashTable) templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)relance_template_free);
  GPtrArray *letters = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_letter_free);
  double start = now_ms ();
  char *what;

  aged = relance_ledger_aged_balance (db, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < aged->len && data->len < BENCH_LETTERS; i++)
    {
      RelanceAgedRow *row = g_ptr_array_index (aged, i);
      RelanceLetterData *letter_data;

      if (row->total <= 0)
        continue;
      letter_data = relance_letter_data_get (db, row->customer_id, today, NULL, 0, data->len % 3 == 0, &error);
      g_assert_no_error (error);
      g_ptr_array_add (data, letter_data);
    }
  what = g_strdup_printf ("letters: read the data of %u letters", data->len);
  record (g_intern_string (what), now_ms () - start, now_ms () - start, NULL);
  g_free (what);

  start = now_ms ();
  for (guint i = 0; i < data->len; i++)
    {
      RelanceLetterData *letter_data = g_ptr_array_index (data, i);
      RelanceTemplate *template = g_hash_table_lookup (templates, letter_data->language);

      if (template == NULL)
        {
          template = relance_templates_find (db, RELANCE_TEMPLATE_FIRST_REMINDER, letter_data->language,
                                             RELANCE_TONE_STANDARD, &error);
          g_assert_no_error (error);
          g_hash_table_insert (templates, g_strdup (letter_data->language), template);
        }
      g_ptr_array_add (letters, relance_letter_new (template, letter_data, &error));
      g_assert_no_error (error);
    }
  what = g_strdup_printf ("letters: merge %u templates", letters->len);
  record (g_intern_string (what), now_ms () - start, now_ms () - start, NULL);
  g_free (what);

  return letters;
}

static void
bench_letters (RelanceDatabase *db,
               RelanceDay       today)
{
  g_autoptr(GPtrArray) letters = make_bench_letters (db, today);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  RelanceLetterWriter *writer;
  g_autofree char *one_pdf = NULL;
  g_autofree char *many_pdfs = NULL;
  gsize total_size = 0;
  guint n_pages = 0;
  double start;

  g_assert_cmpuint (letters->len, >, 0);

  start = now_ms ();
  writer = relance_letter_writer_new (stream);
  for (guint i = 0; i < letters->len; i++)
    {
      guint pages = relance_letter_writer_add (writer, g_ptr_array_index (letters, i), TRUE, &error);

      g_assert_no_error (error);
      n_pages += pages + (n_pages % 2);
    }
  relance_letter_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  one_pdf = g_strdup_printf ("letters: lay out and write one PDF of %u (%u pages, %.1f MB)", letters->len, n_pages,
                             g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) / 1e6);
  record (g_intern_string (one_pdf), now_ms () - start, now_ms () - start, NULL);

  start = now_ms ();
  for (guint i = 0; i < letters->len; i++)
    {
      g_autoptr(GBytes) pdf = relance_letter_to_pdf (g_ptr_array_index (letters, i), &error);

      g_assert_no_error (error);
      total_size += g_bytes_get_size (pdf);
    }
  many_pdfs = g_strdup_printf ("letters: lay out and write %u PDFs in memory (%.1f MB)", letters->len,
                               total_size / 1e6);
  record (g_intern_string (many_pdfs), now_ms () - start, now_ms () - start, NULL);
}

static void
append_html_text (GString    *html,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (html, "<br>");
      g_string_append (html, lines[i]);
    }
}

static void
append_html_cell (GString    *html,
                  const char *tag,
                  const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_html_text (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

/* The table of invoices with its totals, as the letter lays it out. */
static void
append_html_table (GString                 *html,
                   const RelanceLetterData *data)
{
  const char *language = data->language;

  g_string_append (html, "<table><tr><th>N°</th><th>Date</th><th>Échéance</th><th>Montant</th>"
                         "<th>Reste dû</th><th>Jours de retard</th></tr>\n");
  for (guint i = 0; i < data->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);
      g_autofree char *issued = relance_merge_format_date (invoice->issue_date, language);
      g_autofree char *due = relance_merge_format_date (invoice->due_date, language);
      g_autofree char *amount = relance_merge_format_amount (invoice->amount, language);
      g_autofree char *open = relance_merge_format_amount (invoice->open, language);
      g_autofree char *days = g_strdup_printf ("%d", invoice->days_overdue);

      g_string_append (html, "<tr>");
      append_html_cell (html, "td", invoice->number);
      append_html_cell (html, "td", issued);
      append_html_cell (html, "td", due);
      append_html_cell (html, "td", amount);
      append_html_cell (html, "td", open);
      append_html_cell (html, "td", days);
      g_string_append (html, "</tr>\n");
    }
  {
    g_autofree char *total = relance_merge_format_amount (data->total_open, language);

    g_string_append (html, "<tr><th colspan=\"4\">Total</th>");
    append_html_cell (html, "th", total);
    g_string_append (html, "<th></th></tr>\n");
  }
  if (data->claims_penalties)
    {
      g_autofree char *interest = relance_merge_format_amount (data->interest, language);
      g_autofree char *indemnity = relance_merge_format_amount (data->indemnity, language);
      g_autofree char *claimed = relance_merge_format_amount (data->total_claimed, language);

      g_string_append (html, "<tr><td colspan=\"4\">Intérêts de retard</td>");
      append_html_cell (html, "td", interest);
      g_string_append (html, "<td></td></tr>\n<tr><td colspan=\"4\">Indemnité forfaitaire pour frais "
                             "de recouvrement</td>");
      append_html_cell (html, "td", indemnity);
      g_string_append (html, "<td></td></tr>\n<tr><th colspan=\"4\">Total réclamé</th>");
      append_html_cell (html, "th", claimed);
      g_string_append (html, "<th></th></tr>\n");
    }
  g_string_append (html, "</table>\n");
}

/* The same letter as an HTML page for LibreOffice: letterhead, address,
 * place and date, subject, the merged body with its table, signature and
 * legal line (build-aux/bench-libreoffice). */
static char *
letter_to_html (RelanceLetter *letter)
{
  const RelanceLetterData *data = relance_letter_get_data (letter);
  const RelanceTemplate *template = relance_letter_get_template (letter);
  const RelanceCompany *company = data->company;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *body = relance_merge_apply (template->body, data, NULL);
  g_autofree char *date = relance_merge_format_date (data->date, data->language);
  g_auto(GStrv) paragraphs = NULL;

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                                "<title>", data->language);
  append_html_text (html, relance_letter_get_subject (letter));
  g_string_append (html, "</title><style>\n"
                         "@page { size: 21cm 29.7cm; margin: 2cm }\n"
                         "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt }\n"
                         ".head { font-size: 9pt } .to { margin-left: 8cm; margin-top: 1.5cm }\n"
                         "table { border-collapse: collapse; width: 100% }\n"
                         "td, th { border-bottom: 1px solid #999; padding: 2px; font-size: 9pt }\n"
                         ".foot { font-size: 7pt; color: #555; margin-top: 1cm }\n"
                         "</style></head><body>\n<p class=\"head\"><b>");
  append_html_text (html, company->name);
  g_string_append (html, "</b><br>");
  append_html_text (html, company->address);
  g_string_append (html, "<br>");
  append_html_text (html, company->postcode);
  g_string_append (html, " ");
  append_html_text (html, company->city);
  g_string_append (html, "<br>");
  append_html_text (html, company->phone);
  g_string_append (html, " — ");
  append_html_text (html, company->email);
  g_string_append (html, "</p>\n<p class=\"to\">");
  append_html_text (html, data->customer_name);
  g_string_append (html, "<br>");
  append_html_text (html, data->address);
  g_string_append (html, "<br>");
  append_html_text (html, data->postcode);
  g_string_append (html, " ");
  append_html_text (html, data->city);
  g_string_append (html, "</p>\n<p style=\"text-align: right\">");
  append_html_text (html, company->place);
  g_string_append (html, ", le ");
  append_html_text (html, date);
  g_string_append (html, "</p>\n<p><b>Objet : ");
  append_html_text (html, relance_letter_get_subject (letter));
  g_string_append (html, "</b></p>\n");

  paragraphs = g_strsplit (body, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (stripped[0] == '\0')
        continue;
      if (g_str_has_prefix (stripped, "{{") && strstr (stripped, "invoices.table") != NULL)
        {
          append_html_table (html, data);
          continue;
        }
      g_string_append (html, "<p>");
      append_html_text (html, stripped);
      g_string_append (html, "</p>\n");
    }

  g_string_append (html, "<p style=\"margin-left: 9cm\">");
  append_html_text (html, company->signatory_name);
  g_string_append (html, "<br>");
  append_html_text (html, company->signatory_title);
  g_string_append (html, "</p>\n<p class=\"foot\">");
  append_html_text (html, company->name);
  g_string_append (html, " — SIREN ");
  append_html_text (html, company->siren);
  g_string_append (html, " — TVA ");
  append_html_text (html, company->vat_number);
  g_string_append (html, "</p>\n</body></html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Writes the bench's letters as HTML files into @dir, for the comparison
 * with LibreOffice. */
static int
write_letters_html (RelanceDatabase *db,
                    RelanceDay       today,
                    const char      *dir)
{
  g_autoptr(GPtrArray) letters = make_bench_letters (db, today);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      g_printerr ("relance-bench: cannot create %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  for (guint i = 0; i < letters->len; i++)
    {
      RelanceLetter *letter = g_ptr_array_index (letters, i);
      g_autofree char *name = relance_letter_get_file_name (letter);
      g_autofree char *html = letter_to_html (letter);
      g_autofree char *path = NULL;

      /* "Relance-C0042-2026-11-23.pdf" -> ".html" */
      if (g_str_has_suffix (name, ".pdf"))
        name[strlen (name) - 4] = '\0';
      path = g_strdup_printf ("%s/%s.html", dir, name);
      if (!g_file_set_contents (path, html, -1, &error))
        {
          g_printerr ("relance-bench: %s\n", error->message);
          return 1;
        }
    }

  g_printerr ("  %u HTML letters written in %s\n", letters->len, dir);
  return 0;
}

static void
print_table (void)
{
  g_print ("\n%-52s %12s %12s  %s\n", "operation", "first (ms)", "median (ms)", "target");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_print ("%-52s %12.1f %12.1f  %s\n", row->what, row->first_ms, row->median_ms,
               row->target ? row->target : "");
    }
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

typedef struct
{
  RelanceApplication *app;
  guint               step;
  gint64              peak_kb;
} WindowRun;

static gboolean
window_step_cb (gpointer data)
{
  WindowRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (window == NULL || !RELANCE_IS_WINDOW (window))
    {
      g_printerr ("relance-bench: the application showed no window\n");
      g_application_quit (G_APPLICATION (run->app));
      return G_SOURCE_REMOVE;
    }

  switch (run->step++)
    {
    case 0:
      relance_window_set_view (RELANCE_WINDOW (window), "invoices");
      return G_SOURCE_CONTINUE;

    case 1:
    case 2:
    case 3:
      {
        /* Scroll through the list as a user dragging the scroll bar would. */
        GtkColumnView *view = relance_window_get_column_view (RELANCE_WINDOW (window), "invoices");
        GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment;

        if (scrolled == NULL)
          return G_SOURCE_CONTINUE;
        adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
        gtk_adjustment_set_value (adjustment,
                                  gtk_adjustment_get_upper (adjustment) * run->step / 4.0);
        return G_SOURCE_CONTINUE;
      }

    default:
      run->peak_kb = read_status_kb ("VmHWM:");
      g_application_quit (G_APPLICATION (run->app));
      return G_SOURCE_REMOVE;
    }
}

static int
run_window (const char *ledger)
{
  g_autoptr(RelanceApplication) app = relance_application_new ();
  char *args[] = { (char *)"relance", (char *)"--db", (char *)ledger, NULL };
  WindowRun run = { app, 0, -1 };
  int status;

  /* No session bus in a benchmark: do not try to be the single instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (1500, window_step_cb, &run);
  status = g_application_run (G_APPLICATION (app), 3, args);

  if (status != 0 || run.peak_kb < 0)
    return status != 0 ? status : 1;

  g_print ("%" G_GINT64_FORMAT "\n", run.peak_kb);
  return 0;
}

/* The application's peak memory in its own process, in kB, or -1;
 * @renderer: a GSK_RENDERER, or NULL for GTK's choice. */
static gint64
measure_window (const char *self_path,
                const char *ledger,
                const char *renderer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { self_path, "--window", ledger, NULL };
  int wait_status = 0;

  env = renderer ? g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE)
                 : g_environ_unsetenv (env, "GSK_RENDERER");

  if (!g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    {
      g_printerr ("relance-bench: the window could not be measured: %s\n", error->message);
      return -1;
    }

  return g_ascii_strtoll (out, NULL, 10);
}

/* Peak memory of the application on @ledger and on an empty ledger, with
 * GTK's own renderer (OpenGL, in software under Xvfb) and with cairo. */
static void
print_window_memory (const char *self_path,
                     const char *ledger)
{
  g_autofree char *dir = g_dir_make_tmp ("relance-bench-XXXXXX", NULL);
  g_autofree char *empty = NULL;
  static const char * const renderers[] = { NULL, "cairo" };

  if (dir == NULL)
    return;
  empty = g_build_filename (dir, "empty.db", NULL);

  g_print ("\npeak memory of the application showing the invoices view (target < 150 MB):\n");
  for (guint i = 0; i < G_N_ELEMENTS (renderers); i++)
    {
      gint64 full_kb = measure_window (self_path, ledger, renderers[i]);
      gint64 empty_kb = measure_window (self_path, empty, renderers[i]);

      if (full_kb < 0 || empty_kb < 0)
        continue;
      g_print ("  renderer %-8s this ledger %6.1f MB, an empty ledger %6.1f MB, difference %6.1f MB\n",
               renderers[i] ? renderers[i] : "default",
               full_kb / 1024.0, empty_kb / 1024.0, (full_kb - empty_kb) / 1024.0);
    }

  for (const char * const *suffix = (const char * const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *path = g_strconcat (empty, *suffix, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Import: a FEC of @n_lines lines (sales, payments and their lettrage)
 * imported into an empty ledger, against the floor: the sqlite3 shell's
 * ".import" of the same file into a bare table; then the same file again
 * into the ledger it filled, which changes nothing. */
static void
bench_fec_import (int n_lines)
{
  g_autofree char *dir = g_dir_make_tmp ("relance-bench-fec-XXXXXX", NULL);
  g_autofree char *fec = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *floor_db = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(GString) text = g_string_new ("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\t"
                                          "CompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
                                          "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\t"
                                          "DateLet\tValidDate\tMontantdevise\tIdevise\n");
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceImportBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };
  double start, start_cpu, parse_ms, parse_cpu, import_ms, import_cpu, reimport_ms, reimport_cpu;
  double floor_ms = -1;
  int lines = 0;

  if (dir == NULL || n_lines <= 0)
    return;
  fec = g_build_filename (dir, "fec.txt", NULL);
  ledger = g_build_filename (dir, "fec.db", NULL);
  floor_db = g_build_filename (dir, "floor.db", NULL);

  /* Five lines per invoice: the sale (customer, revenue, VAT) and its
   * payment (bank, customer), lettered for two invoices in three. */
  for (int i = 0; lines < n_lines; i++)
    {
      RelanceDay issued = relance_day_from_dmy (1, 1, 2026) + i % 330;
      guint d, m, y, pd, pm, py;
      gint64 cents = 1000 + (i * 7919) % 500000;
      int customer = i % 2000;
      g_autofree char *ttc = relance_money_to_decimal (cents);
      g_autofree char *ht = relance_money_to_decimal (cents - cents / 6);
      g_autofree char *vat = relance_money_to_decimal (cents / 6);
      char letter[8] = "";

      relance_day_to_dmy (issued, &d, &m, &y);
      relance_day_to_dmy (issued + 30, &pd, &pm, &py);
      g_strdelimit (ttc, ".", ',');
      g_strdelimit (ht, ".", ',');
      g_strdelimit (vat, ".", ',');
      if (i % 3 != 2)
        g_snprintf (letter, sizeof letter, "L%d", i);

      g_string_append_printf (text,
        "VE\tVentes\t%d\t%04u%02u%02u\t411000\tClients\tC%05d\tClient %d\tFA%07d\t%04u%02u%02u\tFacture FA%07d\t%s\t0,00\t%s\t%s\t%04u%02u%02u\t\t\n"
        "VE\tVentes\t%d\t%04u%02u%02u\t706000\tPrestations\t\t\tFA%07d\t%04u%02u%02u\tFacture FA%07d\t0,00\t%s\t\t\t%04u%02u%02u\t\t\n"
        "VE\tVentes\t%d\t%04u%02u%02u\t445710\tTVA collectée\t\t\tFA%07d\t%04u%02u%02u\tFacture FA%07d\t0,00\t%s\t\t\t%04u%02u%02u\t\t\n"
        "BQ\tBanque\t%d\t%04u%02u%02u\t512000\tBanque\t\t\tVIR%07d\t%04u%02u%02u\tVirement client %d\t%s\t0,00\t\t\t%04u%02u%02u\t\t\n"
        "BQ\tBanque\t%d\t%04u%02u%02u\t411000\tClients\tC%05d\tClient %d\tVIR%07d\t%04u%02u%02u\tVirement client %d\t0,00\t%s\t%s\t%s\t%04u%02u%02u\t\t\n",
        2 * i, y, m, d, customer, customer, i, y, m, d, i, ttc, letter, "", y, m, d,
        2 * i, y, m, d, i, y, m, d, i, ht, y, m, d,
        2 * i, y, m, d, i, y, m, d, i, vat, y, m, d,
        2 * i + 1, py, pm, pd, i, py, pm, pd, customer, ttc, py, pm, pd,
        2 * i + 1, py, pm, pd, customer, customer, i, py, pm, pd, customer, ttc, letter, "", py, pm, pd);
      lines += 5;
    }
  if (!g_file_set_contents (fec, text->str, (gssize)text->len, &error))
    {
      g_printerr ("relance-bench: %s\n", error->message);
      return;
    }
  g_printerr ("  FEC of %d lines, %.0f MB\n", lines, text->len / 1e6);
  g_string_truncate (text, 0);

  start = now_ms ();
  start_cpu = cpu_ms ();
  batch = relance_fec_load (fec, NULL, 30, &error);
  parse_ms = now_ms () - start;
  parse_cpu = cpu_ms () - start_cpu;
  db = batch != NULL ? relance_database_open (ledger, &error) : NULL;
  if (db == NULL ||
      !relance_import_apply (db, batch, RELANCE_IMPORT_APPLY, relance_day_from_dmy (23, 11, 2026),
                             &summary, &error))
    {
      g_printerr ("relance-bench: %s\n", error->message);
      return;
    }
  import_ms = now_ms () - start;
  import_cpu = cpu_ms () - start_cpu;
  record ("FEC 1M lines: read the file (parse)", parse_ms, parse_ms, NULL);
  record ("FEC 1M lines: read and import (one transaction)", import_ms, import_ms, "< 10 s");
  g_printerr ("  (processor time: parse %.1f ms, read and import %.1f ms)\n", parse_cpu, import_cpu);

  if (sqlite3 != NULL)
    {
      g_autofree char *command = g_strdup_printf (".import '%s' fec", fec);
      const char *argv[] = { sqlite3, floor_db, ".mode tabs", command, NULL };
      int wait_status = 0;

      start = now_ms ();
      if (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &wait_status, NULL) &&
          g_spawn_check_wait_status (wait_status, NULL))
        floor_ms = now_ms () - start;
    }

  g_printerr ("  FEC import: %u customers, %u invoices, %u payments, %u allocations\n",
              summary.customers_new, summary.invoices_new, summary.payments_new,
              summary.allocations_new);

  /* The same file again, into the ledger it filled: it must change nothing. */
  g_clear_pointer (&batch, relance_import_batch_free);
  relance_import_summary_clear (&summary);
  start = now_ms ();
  start_cpu = cpu_ms ();
  batch = relance_fec_load (fec, NULL, 30, &error);
  if (batch == NULL ||
      !relance_import_apply (db, batch, RELANCE_IMPORT_APPLY, relance_day_from_dmy (23, 11, 2026),
                             &summary, &error))
    {
      g_printerr ("relance-bench: %s\n", error->message);
      return;
    }
  reimport_ms = now_ms () - start;
  reimport_cpu = cpu_ms () - start_cpu;
  record ("FEC 1M lines: read and import again (no change)", reimport_ms, reimport_ms, NULL);
  g_printerr ("  (processor time: read and import again %.1f ms)\n", reimport_cpu);
  g_printerr ("  FEC import again: %u customers new, %u updated, %u invoices new, %u updated,"
              " %u unchanged, %u payments, %u allocations, %u warnings%s\n",
              summary.customers_new, summary.customers_updated, summary.invoices_new,
              summary.invoices_updated, summary.invoices_unchanged, summary.payments_new,
              summary.allocations_new, summary.warnings->len,
              summary.customers_new + summary.customers_updated + summary.invoices_new +
              summary.invoices_updated + summary.credit_notes_new + summary.payments_new +
              summary.allocations_new == 0 ? "" : " (it should change nothing!)");
  if (floor_ms > 0)
    {
      record ("FEC 1M lines: sqlite3 shell .import (the floor)", floor_ms, floor_ms, NULL);
      g_printerr ("  FEC import / sqlite3 .import = %.1f\n", import_ms / floor_ms);
    }

  g_clear_object (&db);
  for (const char * const *name = (const char * const[]) { "fec.txt", "fec.db", "fec.db-wal",
       "fec.db-shm", "floor.db", NULL }; *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *window_ledger = NULL;
  int n_customers = 20000;
  int n_invoices = 1000000;
  int fec_lines = 1000000;
  gboolean fec_only = FALSE;
  gboolean letters_only = FALSE;
  gboolean worklist_only = FALSE;
  gboolean lists_only = FALSE;
  g_autofree char *only_text = NULL;
  g_autofree char *letters_html = NULL;
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  double start;
  GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_INT, &n_customers, "Customers to generate", "N" },
    { "invoices", 0, 0, G_OPTION_ARG_INT, &n_invoices, "Invoices to generate", "N" },
    { "ledger", 0, 0, G_OPTION_ARG_FILENAME, &ledger, "Use (or keep) this ledger file", "FILE" },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &window_ledger, "Show the invoices of FILE and print the peak memory", "FILE" },
    { "fec-lines", 0, 0, G_OPTION_ARG_INT, &fec_lines, "Lines of the FEC to import (0: none)", "N" },
    { "fec-only", 0, 0, G_OPTION_ARG_NONE, &fec_only, "Only time the FEC import", NULL },
    { "letters-only", 0, 0, G_OPTION_ARG_NONE, &letters_only, "Only time the 1,000 letters", NULL },
    { "worklist-only", 0, 0, G_OPTION_ARG_NONE, &worklist_only, "Only time the worklist, today and 180 days ago", NULL },
    { "lists-only", 0, 0, G_OPTION_ARG_NONE, &lists_only,
      "Only time the lists and their totals, today and 180 days ago", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_text,
      "With --lists-only, only the operations whose name contains TEXT", "TEXT" },
    { "letters-html", 0, 0, G_OPTION_ARG_FILENAME, &letters_html,
      "Write the 1,000 letters as HTML files into DIR (for build-aux/bench-libreoffice)", "DIR" },
    { NULL }
  };

  options = g_option_context_new ("- time Relance on a large ledger");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("relance-bench: %s\n", error->message);
      return 2;
    }

  if (window_ledger != NULL)
    return run_window (window_ledger);
  only = only_text;

  rows = g_array_new (FALSE, FALSE, sizeof (Row));

  if (fec_only)
    {
      bench_fec_import (fec_lines);
      print_table ();
      return 0;
    }

  if (ledger == NULL)
    {
      dir = g_dir_make_tmp ("relance-bench-XXXXXX", &error);
      g_assert_no_error (error);
      ledger = g_build_filename (dir, "bench.db", NULL);
    }

  if (!g_file_test (ledger, G_FILE_TEST_EXISTS))
    {
      RelanceSampleOptions sample;

      g_printerr ("Generating %d customers and %d invoices in %s...\n", n_customers, n_invoices, ledger);
      db = relance_database_open (ledger, &error);
      if (db == NULL)
        {
          g_printerr ("relance-bench: %s\n", error->message);
          return 1;
        }

      relance_sample_options_init (&sample, today);
      sample.n_customers = n_customers;
      sample.n_invoices = n_invoices;
      start = now_ms ();
      if (!relance_sample_generate (db, &sample, &error))
        {
          g_printerr ("relance-bench: %s\n", error->message);
          return 1;
        }
      record ("generate the ledger (one transaction)", now_ms () - start, now_ms () - start, NULL);
      g_clear_object (&db);
    }

  start = now_ms ();
  db = relance_database_open (ledger, &error);
  if (db == NULL)
    {
      g_printerr ("relance-bench: %s\n", error->message);
      return 1;
    }
  record ("open the database", now_ms () - start, now_ms () - start, NULL);

  if (letters_html != NULL)
    return write_letters_html (db, today, letters_html);
  if (worklist_only)
    {
      measure ("worklist today", "< 500 ms", bench_worklist, db, today);
      measure ("worklist 180 days ago", NULL, bench_worklist_past, db, today);
      print_table ();
      return 0;
    }
  if (letters_only)
    {
      bench_letters (db, today);
      print_table ();
      return 0;
    }
  if (lists_only)
    {
      measure_lists (db, today);
      print_table ();
      return 0;
    }

  measure ("customers: first page", "< 50 ms", bench_customers, db, today);
  measure ("invoices: first page", "< 50 ms", bench_invoices, db, today);
  measure ("disputes: first page", "< 50 ms", bench_disputes, db, today);
  measure ("invoices: a page in the middle", NULL, bench_invoices_middle, db, today);
  measure ("search customers \"besancon\"", "< 100 ms", bench_search_customers, db, today);
  measure ("search invoices \"dupont\" (customer name)", "< 100 ms", bench_search_invoices, db, today);
  measure ("search invoices \"FA2026-0007\" (number)", "< 100 ms", bench_search_number, db, today);
  measure ("sort invoices by amount, first page", "< 50 ms", bench_sort_amount, db, today);
  measure ("sort customers by balance, first page", NULL, bench_sort_customer_balance, db, today);
  measure ("overdue invoices only, first page", NULL, bench_overdue, db, today);
  measure ("aged balance today", "< 300 ms", bench_aged_today, db, today);
  measure ("aged balance 180 days ago", "< 300 ms", bench_aged_past, db, today);
  measure ("worklist today", "< 500 ms", bench_worklist, db, today);
  measure ("worklist 180 days ago", NULL, bench_worklist_past, db, today);
  ensure_big_customer (db, today);
  measure ("open a customer page (500 invoices)", "< 100 ms", bench_customer_page, db, today);
  measure ("invoices: totals bar, all", NULL, bench_invoice_totals, db, today);
  measure ("invoices 31-60 days late: first page and totals", NULL, bench_filter_overdue_31_60, db, today);
  measure ("open disputes of a department: first page and totals", NULL,
           bench_filter_disputes_department, db, today);
  measure ("customers: totals bar", NULL, bench_customer_totals, db, today);
  measure ("customers 180 days ago: first page", NULL, bench_customers_past, db, today);
  measure ("invoices 180 days ago: first page", NULL, bench_invoices_past, db, today);
  measure ("sort customers by balance 180 days ago", NULL, bench_sort_customer_balance_past, db, today);
  measure ("invoices 180 days ago: totals bar, all", NULL, bench_invoice_totals_past, db, today);
  measure ("stats: disputes, last 12 months", "< 200 ms", bench_stats_disputes, db, today);
  measure ("stats: disputes, all since 2000", "< 200 ms", bench_stats_disputes_all, db, today);
  measure ("stats: receivables and DSO, 12 months", NULL, bench_stats_receivables, db, today);
  measure ("stats: aged balance by segment", NULL, bench_stats_aged, db, today);
  measure_charts (db, today);
  bench_letters (db, today);
  bench_fec_import (fec_lines);

  g_clear_object (&db);

  print_table ();

  g_printerr ("  showing the invoices view in the application...\n");
  {
    g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

    print_window_memory (self_path ? self_path : argv[0], ledger);
  }

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
      g_autofree char *shm = g_strconcat (ledger, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (ledger);
      g_rmdir (dir);
    }

  return 0;
}
