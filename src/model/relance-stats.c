/* relance-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-money.h"
#include "relance-stats.h"

/* One dispute as the statistics read it. */
typedef struct
{
  gint64     cause_id;
  gint64     amount;
  RelanceDay opened_on;
  RelanceDay closed_on;       /* resolved or cancelled; RELANCE_DAY_NONE if open */
  gboolean   resolved;        /* closed by a resolution, not cancelled */
} DisputeRow;

/* The days a dispute of the period stays open is one of these. */
static const int resolution_limits[] = { 7, 15, 30, 60 };

G_STATIC_ASSERT (G_N_ELEMENTS (resolution_limits) == RELANCE_RESOLUTION_N_BUCKETS - 1);

static void
cause_stats_free (RelanceCauseStats *cause)
{
  g_free (cause->code);
  g_free (cause->label);
  g_free (cause->department);
  g_free (cause->colour);
  g_free (cause);
}

static void
department_backlog_free (RelanceDepartmentBacklog *department)
{
  g_free (department->department);
  g_free (department);
}

static void
segment_aged_free (RelanceSegmentAged *segment)
{
  g_free (segment->segment);
  g_free (segment);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *)a, y = *(const int *)b;

  return (x > y) - (x < y);
}

static guint
share_of (gint64 part,
          gint64 whole)
{
  if (whole <= 0)
    return 0;

  return (guint)relance_money_scale (part, 10000, whole);
}

/* The value at the nearest rank for @percent of the sorted @days. */
static int
nearest_rank (const int *days,
              guint      n,
              guint      percent)
{
  guint rank = (n * percent + 99) / 100;

  return days[MAX (rank, 1) - 1];
}

/* Fills the resolution figures of @cause from its sorted @days. */
static void
set_resolution (RelanceCauseStats *cause,
                int               *days,
                guint              n)
{
  gint64 sum = 0;

  cause->resolved = n;
  if (n == 0)
    {
      cause->median_tenths = cause->mean_tenths = RELANCE_STATS_NONE;
      cause->p90_days = cause->min_days = cause->q1_days = RELANCE_STATS_NONE;
      cause->q3_days = cause->max_days = RELANCE_STATS_NONE;
      return;
    }

  qsort (days, n, sizeof (int), compare_ints);
  for (guint i = 0; i < n; i++)
    {
      sum += days[i];
      cause->buckets[relance_resolution_bucket_for (days[i])]++;
    }

  cause->median_tenths = n % 2 ? days[n / 2] * 10 : (days[n / 2 - 1] + days[n / 2]) * 5;
  /* Days are never negative: rounding half up is a plain integer sum. */
  cause->mean_tenths = (int)((sum * 10 + n / 2) / n);
  cause->p90_days = nearest_rank (days, n, 90);
  cause->q1_days = nearest_rank (days, n, 25);
  cause->q3_days = nearest_rank (days, n, 75);
  cause->min_days = days[0];
  cause->max_days = days[n - 1];
}

/* The months the query covers, each clipped to [from, to]. */
static GArray *
new_months (const RelanceStatsQuery *query,
            gsize                    element_size)
{
  GArray *months = g_array_sized_new (FALSE, TRUE, element_size, 12);
  guint d, m, y;
  RelanceDay first;

  relance_day_to_dmy (query->from, &d, &m, &y);
  first = relance_day_from_dmy (1, m, y);

  for (guint i = 0; ; i++)
    {
      RelanceDay start = relance_day_add_months (first, i);
      RelanceDay end = relance_day_add_months (first, i + 1) - 1;
      /* Both structs open with start and end. */
      RelanceDay *bounds;

      if (start > query->to)
        break;

      g_array_set_size (months, months->len + 1);
      bounds = (RelanceDay *)(void *)(months->data + (months->len - 1) * element_size);
      bounds[0] = MAX (start, query->from);
      bounds[1] = MIN (end, query->to);
    }

  return months;
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (RelanceDisputeMonth, end) == sizeof (RelanceDay));
G_STATIC_ASSERT (G_STRUCT_OFFSET (RelanceReceivablesMonth, end) == sizeof (RelanceDay));

static RelanceDisputeMonth *
month_at (RelanceDisputeStats *stats,
          guint                index)
{
  return &g_array_index (stats->months, RelanceDisputeMonth, index);
}

/* The first of @months (in order) that ends on or after @day; the number
 * of months if none does. */
static guint
first_month_ending (GArray     *months,
                    RelanceDay  day)
{
  guint low = 0, high = months->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (months, RelanceDisputeMonth, middle).end < day)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
is_open_at (const DisputeRow *row,
            RelanceDay        day)
{
  return row->opened_on <= day && (row->closed_on == RELANCE_DAY_NONE || row->closed_on > day);
}

static GPtrArray *
read_causes (RelanceDatabase  *db,
             GArray           *cause_ids,
             GError          **error)
{
  g_autoptr(GPtrArray) causes = g_ptr_array_new_with_free_func ((GDestroyNotify)cause_stats_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT id, code, label, department, colour FROM dispute_causes"
                                    " ORDER BY position, code",
                                    error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      RelanceCauseStats *cause;
      gint64 id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (cause_ids, id);
      cause = g_new0 (RelanceCauseStats, 1);
      cause->code = _relance_column_dup (stmt, 1);
      cause->label = _relance_column_dup (stmt, 2);
      cause->department = _relance_column_dup (stmt, 3);
      cause->colour = _relance_column_dup (stmt, 4);
      g_ptr_array_add (causes, cause);
    }

  return g_steal_pointer (&causes);
}

/* The disputes open at some time in the period, of the segment asked. The
 * "+" reads the table in order rather than through disputes_opened: most
 * disputes are read anyway, and 100,000 lookups by rowid cost more. */
static GArray *
read_disputes (RelanceDatabase          *db,
               const RelanceStatsQuery  *query,
               GError                  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (DisputeRow));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT d.cause_id, d.amount, d.opened_on,"
                                    "  coalesce (d.resolved_on, 0), d.status = 'resolved'"
                                    " FROM disputes d"
                                    " WHERE +d.opened_on <= ?2"
                                    "  AND (d.resolved_on IS NULL OR d.resolved_on >= ?1)"
                                    "  AND (?3 = 0 OR (SELECT c.segment_id FROM invoices i"
                                    "    JOIN customers c ON c.id = i.customer_id"
                                    "    WHERE i.id = d.invoice_id) = ?3)",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, query->from);
  sqlite3_bind_int (stmt, 2, query->to);
  sqlite3_bind_int64 (stmt, 3, query->segment_id);

  for (;;)
    {
      DisputeRow row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      row.cause_id = sqlite3_column_int64 (stmt, 0);
      row.amount = sqlite3_column_int64 (stmt, 1);
      row.opened_on = sqlite3_column_int (stmt, 2);
      row.closed_on = sqlite3_column_int (stmt, 3);
      row.resolved = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (rows, row);
    }

  return g_steal_pointer (&rows);
}

static RelanceDepartmentBacklog *
find_department (GPtrArray  *departments,
                 const char *name)
{
  RelanceDepartmentBacklog *department;

  for (guint i = 0; i < departments->len; i++)
    {
      department = g_ptr_array_index (departments, i);
      if (g_str_equal (department->department, name))
        return department;
    }

  department = g_new0 (RelanceDepartmentBacklog, 1);
  department->department = g_strdup (name);
  g_ptr_array_add (departments, department);
  return department;
}

/* Runs @sql, whose rows are (day, amount), with ?1 the first day, ?2 the
 * last and ?3 the segment: adds each amount to by_day[day - first], or to
 * *before for the days before @first (rows are after none if @before is
 * %NULL). */
static gboolean
sum_by_day (RelanceDatabase  *db,
            const char       *sql,
            RelanceDay        first,
            RelanceDay        last,
            gint64            segment_id,
            gint64           *by_day,
            gint64           *before,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (db, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, segment_id);

  for (;;)
    {
      RelanceDay day;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      day = sqlite3_column_int (stmt, 0);
      if (day > last)
        continue;
      if (day >= first)
        by_day[day - first] += sqlite3_column_int64 (stmt, 1);
      else if (before != NULL)
        *before += sqlite3_column_int64 (stmt, 1);
    }
}

/**
 * relance_resolution_bucket_for:
 * @days: how long a dispute took to resolve
 *
 * Returns: its bucket: 0-7, 8-15, 16-30, 31-60 or more than 60 days
 */
RelanceResolutionBucket
relance_resolution_bucket_for (int days)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolution_limits); i++)
    if (days <= resolution_limits[i])
      return (RelanceResolutionBucket)i;

  return RELANCE_RESOLUTION_OVER_60;
}

/**
 * relance_stats_query_check:
 * @query: a period and a segment
 * @error: a message the user can read
 *
 * Returns: %TRUE if @query names two valid days in order
 */
gboolean
relance_stats_query_check (const RelanceStatsQuery  *query,
                           GError                  **error)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (!relance_day_is_valid (query->from) || !relance_day_is_valid (query->to))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The period needs a first and a last day"));
      return FALSE;
    }

  if (query->from > query->to)
    {
      g_autofree char *from = relance_day_to_iso (query->from);
      g_autofree char *to = relance_day_to_iso (query->to);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The period starts on %s, after its end on %s"), from, to);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_stats_n_months:
 * @query: a checked query
 *
 * Returns: how many calendar months the period touches
 */
guint
relance_stats_n_months (const RelanceStatsQuery *query)
{
  guint d, m1, y1, m2, y2;

  g_return_val_if_fail (query != NULL && query->from <= query->to, 0);

  relance_day_to_dmy (query->from, &d, &m1, &y1);
  relance_day_to_dmy (query->to, &d, &m2, &y2);
  return (y2 - y1) * 12 + m2 - m1 + 1;
}

/**
 * relance_stats_disputes:
 * @db: the ledger
 * @query: the period and segment
 * @error: a message the user can read
 *
 * The disputes of the period, by cause: those opened in [from, to] and not
 * cancelled, their amount and share, how many are still open on @to, and
 * how long the ones resolved by @to took (median, mean, nearest-rank
 * quartiles and 90th percentile, buckets). Month by month: disputes opened,
 * closed (resolved or cancelled) and open at each month's end, whenever
 * they were opened. By department: every dispute open on @to.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
RelanceDisputeStats *
relance_stats_disputes (RelanceDatabase          *db,
                        const RelanceStatsQuery  *query,
                        GError                  **error)
{
  g_autoptr(RelanceDisputeStats) stats = NULL;
  g_autoptr(GArray) cause_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) backlog = NULL;
  g_autoptr(GArray) backlog_amount = NULL;
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!relance_stats_query_check (query, error))
    return NULL;

  stats = g_new0 (RelanceDisputeStats, 1);
  stats->query = *query;
  stats->months = new_months (query, sizeof (RelanceDisputeMonth));
  stats->departments = g_ptr_array_new_with_free_func ((GDestroyNotify)department_backlog_free);
  stats->causes = read_causes (db, cause_ids, error);
  if (stats->causes == NULL)
    return NULL;

  rows = read_disputes (db, query, error);
  if (rows == NULL)
    return NULL;

  backlog = g_array_sized_new (FALSE, TRUE, sizeof (gint64), stats->months->len + 1);
  g_array_set_size (backlog, stats->months->len + 1);
  backlog_amount = g_array_sized_new (FALSE, TRUE, sizeof (gint64), stats->months->len + 1);
  g_array_set_size (backlog_amount, stats->months->len + 1);

  /* Departments in the order of their first cause, even with nothing open. */
  for (guint c = 0; c < stats->causes->len; c++)
    find_department (stats->departments,
                     ((RelanceCauseStats *)g_ptr_array_index (stats->causes, c))->department);

  days = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint c = 0; c < stats->causes->len; c++)
    g_ptr_array_add (days, g_array_new (FALSE, FALSE, sizeof (int)));

  for (guint r = 0; r < rows->len; r++)
    {
      const DisputeRow *row = &g_array_index (rows, DisputeRow, r);
      RelanceCauseStats *cause = NULL;
      guint c;

      for (c = 0; c < cause_ids->len; c++)
        if (g_array_index (cause_ids, gint64, c) == row->cause_id)
          {
            cause = g_ptr_array_index (stats->causes, c);
            break;
          }
      g_assert (cause != NULL);

      {
        /* Open at the end of the months [a, b): counted as differences,
         * summed below, so a long period costs a search, not a loop. */
        guint a = first_month_ending (stats->months, row->opened_on);
        guint b = row->closed_on == RELANCE_DAY_NONE ? stats->months->len
                                                     : first_month_ending (stats->months, row->closed_on);

        if (a < stats->months->len && row->opened_on >= month_at (stats, a)->start)
          month_at (stats, a)->opened++;
        if (row->closed_on != RELANCE_DAY_NONE && b < stats->months->len &&
            row->closed_on >= month_at (stats, b)->start)
          month_at (stats, b)->resolved++;
        if (a < b)
          {
            g_array_index (backlog, gint64, a)++;
            g_array_index (backlog, gint64, b)--;
            g_array_index (backlog_amount, gint64, a) += row->amount;
            g_array_index (backlog_amount, gint64, b) -= row->amount;
          }
      }

      if (is_open_at (row, query->to))
        {
          RelanceDepartmentBacklog *department = find_department (stats->departments, cause->department);

          department->open++;
          department->amount += row->amount;
        }

      /* Cancelled disputes leave the backlog but are not statistics. */
      if (row->opened_on < query->from || (row->closed_on != RELANCE_DAY_NONE && !row->resolved))
        continue;

      cause->count++;
      cause->amount += row->amount;
      stats->count++;
      stats->amount += row->amount;
      if (is_open_at (row, query->to))
        {
          cause->open++;
          stats->open++;
        }
      else
        {
          int elapsed = row->closed_on - row->opened_on;

          g_array_append_val (g_ptr_array_index (days, c), elapsed);
        }
    }

  {
    gint64 open = 0, open_amount = 0;

    for (guint m = 0; m < stats->months->len; m++)
      {
        open += g_array_index (backlog, gint64, m);
        open_amount += g_array_index (backlog_amount, gint64, m);
        month_at (stats, m)->backlog = (guint)open;
        month_at (stats, m)->backlog_amount = open_amount;
      }
  }

  for (guint c = 0; c < stats->causes->len; c++)
    {
      RelanceCauseStats *cause = g_ptr_array_index (stats->causes, c);
      GArray *elapsed = g_ptr_array_index (days, c);

      cause->count_share = share_of (cause->count, stats->count);
      cause->amount_share = share_of (cause->amount, stats->amount);
      set_resolution (cause, (int *)(void *)elapsed->data, elapsed->len);
    }

  return g_steal_pointer (&stats);
}

void
relance_dispute_stats_free (RelanceDisputeStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->causes, g_ptr_array_unref);
  g_clear_pointer (&stats->months, g_array_unref);
  g_clear_pointer (&stats->departments, g_ptr_array_unref);
  g_free (stats);
}

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const RelanceSegmentAged *x = *(RelanceSegmentAged * const *)a;
  const RelanceSegmentAged *y = *(RelanceSegmentAged * const *)b;

  /* Customers in no segment come last. */
  if ((x->segment[0] == '\0') != (y->segment[0] == '\0'))
    return x->segment[0] == '\0' ? 1 : -1;
  return g_utf8_collate (x->segment, y->segment);
}

/**
 * relance_stats_aged_balance:
 * @db: the ledger
 * @at: the date of the balance
 * @segment_id: only the customers of this segment, or 0 for all
 * @error: a message the user can read
 *
 * The totals of relance_ledger_aged_balance(), by bucket and by segment.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
RelanceAgedStats *
relance_stats_aged_balance (RelanceDatabase  *db,
                            RelanceDay        at,
                            gint64            segment_id,
                            GError          **error)
{
  g_autoptr(RelanceAgedStats) stats = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) customer_segment = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  rows = relance_ledger_aged_balance (db, at, error);
  if (rows == NULL)
    return NULL;

  stats = g_new0 (RelanceAgedStats, 1);
  stats->at = at;
  stats->segments = g_ptr_array_new_with_free_func ((GDestroyNotify)segment_aged_free);

  /* customer id -> its segment's row */
  customer_segment = g_hash_table_new (g_int64_hash, g_int64_equal);
  by_name = g_hash_table_new (g_str_hash, g_str_equal);
  stmt = _relance_database_prepare (db,
                                    "SELECT c.id, coalesce (s.name, '') FROM customers c"
                                    " LEFT JOIN segments s ON s.id = c.segment_id"
                                    " WHERE ?1 = 0 OR c.segment_id = ?1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, segment_id);

  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceAgedRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (customer_segment, (gpointer)&row->customer_id, NULL);
    }

  for (;;)
    {
      RelanceSegmentAged *segment;
      const char *name;
      gint64 id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      id = sqlite3_column_int64 (stmt, 0);
      name = (const char *)sqlite3_column_text (stmt, 1);
      segment = g_hash_table_lookup (by_name, name);
      if (segment == NULL)
        {
          segment = g_new0 (RelanceSegmentAged, 1);
          segment->segment = g_strdup (name);
          g_ptr_array_add (stats->segments, segment);
          g_hash_table_insert (by_name, segment->segment, segment);
        }

      /* Keys are the rows' own customer_id: only customers with open items. */
      {
        gpointer key;

        if (g_hash_table_lookup_extended (customer_segment, &id, &key, NULL))
          g_hash_table_insert (customer_segment, key, segment);
      }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceAgedRow *row = g_ptr_array_index (rows, i);
      RelanceSegmentAged *segment = g_hash_table_lookup (customer_segment, &row->customer_id);

      if (segment == NULL)
        continue;   /* another segment's customer */

      for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
        {
          segment->buckets[b] += row->buckets[b];
          stats->buckets[b] += row->buckets[b];
        }
      segment->total += row->total;
      stats->total += row->total;
    }

  /* Segments with nothing open show no bar. */
  for (guint i = stats->segments->len; i > 0; i--)
    {
      RelanceSegmentAged *segment = g_ptr_array_index (stats->segments, i - 1);
      gboolean empty = TRUE;

      for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
        empty = empty && segment->buckets[b] == 0;
      if (empty)
        g_ptr_array_remove_index (stats->segments, i - 1);
    }
  g_ptr_array_sort (stats->segments, compare_segments);

  return g_steal_pointer (&stats);
}

void
relance_aged_stats_free (RelanceAgedStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->segments, g_ptr_array_unref);
  g_free (stats);
}

/**
 * relance_stats_receivables:
 * @db: the ledger
 * @query: the period and segment
 * @error: a message the user can read
 *
 * Month by month, what was owed at the month's end, DSO, what came in and
 * what had been promised.
 *
 * Receivables at the end of a day E are the invoices issued by E less the
 * credit notes issued by E, less the payments allocated to them by E (a
 * credit note settling an invoice changes neither total): the total of the
 * aged balance at E.
 *
 * DSO (days sales outstanding) is the standard "balance" method on a
 * rolling quarter: receivables at the end of the month divided by the sales
 * (invoices less credit notes) of the 90 days ending on that day, times 90,
 * in tenths of a day rounded half away from zero. It has no value
 * (%RELANCE_STATS_NONE) when those sales are not positive.
 *
 * Collected is the payments dated in the month; promised the amounts of the
 * promises to pay falling due in it, and promised_kept those marked kept.
 *
 * Returns: (transfer full) (element-type RelanceReceivablesMonth): the
 *   months, or %NULL with @error set
 */
GArray *
relance_stats_receivables (RelanceDatabase          *db,
                           const RelanceStatsQuery  *query,
                           GError                  **error)
{
  g_autoptr(GArray) months = NULL;
  g_autoptr(sqlite3_stmt) promised = NULL;
  g_autofree gint64 *issued = NULL;
  g_autofree gint64 *paid = NULL;
  g_autofree gint64 *received = NULL;
  gint64 issued_before = 0, paid_before = 0;
  RelanceDay first;
  guint n_days;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!relance_stats_query_check (query, error))
    return NULL;

  months = new_months (query, sizeof (RelanceReceivablesMonth));

  /* Sums by day over [first, to], where first leaves room for the 90 days
   * of sales before the first month's end; everything before first is one
   * sum. Each table is read once, in its own order: on a large ledger that
   * is much quicker than an index range a month. */
  first = query->from - 90;
  n_days = (guint)(query->to - first + 1);
  issued = g_new0 (gint64, n_days);
  paid = g_new0 (gint64, n_days);
  received = g_new0 (gint64, n_days);

  if (!sum_by_day (db,
                   "SELECT issue_date, CASE kind WHEN 'credit_note' THEN -amount ELSE amount END"
                   " FROM invoices WHERE +issue_date <= ?2"
                   "  AND (?3 = 0 OR customer_id IN (SELECT id FROM customers WHERE segment_id = ?3))",
                   first, query->to, query->segment_id, issued, &issued_before, error) ||
      !sum_by_day (db,
                   "SELECT date, amount FROM allocations WHERE payment_id IS NOT NULL AND +date <= ?2"
                   "  AND (?3 = 0 OR payment_id IN (SELECT id FROM payments WHERE customer_id IN"
                   "   (SELECT id FROM customers WHERE segment_id = ?3)))",
                   first, query->to, query->segment_id, paid, &paid_before, error) ||
      !sum_by_day (db,
                   "SELECT date, amount FROM payments WHERE +date >= ?1 AND +date <= ?2"
                   "  AND (?3 = 0 OR customer_id IN (SELECT id FROM customers WHERE segment_id = ?3))",
                   first, query->to, query->segment_id, received, NULL, error))
    return NULL;

  promised = _relance_database_prepare (db,
                                        "SELECT coalesce (sum (amount), 0),"
                                        "  coalesce (sum (CASE status WHEN 'kept' THEN amount END), 0)"
                                        " FROM promises WHERE promised_date >= ?1 AND promised_date <= ?2"
                                        "  AND (?3 = 0 OR customer_id IN"
                                        "   (SELECT id FROM customers WHERE segment_id = ?3))",
                                        error);
  if (promised == NULL)
    return NULL;

  for (guint m = 0; m < months->len; m++)
    {
      RelanceReceivablesMonth *month = &g_array_index (months, RelanceReceivablesMonth, m);
      gint64 invoiced = issued_before, allocated = paid_before;
      gboolean has_row;

      for (RelanceDay d = first; d <= month->end; d++)
        {
          invoiced += issued[d - first];
          allocated += paid[d - first];
          if (d > month->end - 90)
            month->sales_90 += issued[d - first];
          if (d >= month->start)
            month->collected += received[d - first];
        }
      month->receivables = invoiced - allocated;
      month->dso_tenths = month->sales_90 > 0
                          ? (int)MIN (relance_money_scale (month->receivables, 900, month->sales_90), G_MAXINT)
                          : RELANCE_STATS_NONE;

      sqlite3_reset (promised);
      sqlite3_bind_int (promised, 1, month->start);
      sqlite3_bind_int (promised, 2, month->end);
      sqlite3_bind_int64 (promised, 3, query->segment_id);
      if (!_relance_database_step (db, promised, &has_row, error))
        return NULL;
      month->promised = sqlite3_column_int64 (promised, 0);
      month->promised_kept = sqlite3_column_int64 (promised, 1);
    }

  return g_steal_pointer (&months);
}

/**
 * relance_stats_list_segments:
 *
 * Returns: (transfer full) (element-type RelanceSegmentInfo): the segments
 *   by name, or %NULL with @error set
 */
GPtrArray *
relance_stats_list_segments (RelanceDatabase  *db,
                             GError          **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_segment_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db, "SELECT id, name FROM segments ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      RelanceSegmentInfo *info;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      info = g_new0 (RelanceSegmentInfo, 1);
      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = _relance_column_dup (stmt, 1);
      g_ptr_array_add (segments, info);
    }

  return g_steal_pointer (&segments);
}

void
relance_segment_info_free (RelanceSegmentInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info);
}

/**
 * relance_stats_get_company_name:
 *
 * Returns: (transfer full): the user's firm, for the report's title page;
 *   "" when not given, %NULL with @error set on failure
 */
char *
relance_stats_get_company_name (RelanceDatabase  *db,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db, "SELECT name FROM company WHERE id = 1", error);
  if (stmt == NULL || !_relance_database_step (db, stmt, &has_row, error))
    return NULL;

  return has_row ? _relance_column_dup (stmt, 0) : g_strdup ("");
}
