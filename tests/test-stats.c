/* test-stats.c
 *
 * The dashboard's figures on small ledgers whose every number is worked
 * out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-database-private.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-stats.h"

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static RelanceDatabase *
new_ledger (void)
{
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db = relance_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static void
add_customer (RelanceDatabase *db,
              const char      *code,
              const char      *segment)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = code, .segment = segment, .payment_terms = -1 };

  g_assert_cmpint (relance_ledger_add_customer (db, &fields, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_invoice (RelanceDatabase *db,
             const char      *customer,
             const char      *number,
             const char      *issued,
             const char      *due,
             gint64           amount,
             gboolean         credit_note)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoiceFields fields = {
    .customer_code = customer, .number = number,
    .issue_date = day (issued), .due_date = day (due),
    .amount = amount, .credit_note = credit_note,
  };

  g_assert_cmpint (relance_ledger_add_invoice (db, &fields, &error), >, 0);
  g_assert_no_error (error);
}

/* A dispute on its own invoice of @customer, issued the day it opens. */
static void
add_dispute (RelanceDatabase *db,
             const char      *customer,
             const char      *number,
             const char      *cause,
             gint64           amount,
             const char      *opened,
             const char      *resolved)
{
  g_autoptr(GError) error = NULL;

  add_invoice (db, customer, number, opened, opened, amount, FALSE);
  g_assert_cmpint (relance_ledger_open_dispute (db, number, cause, 0, day (opened), NULL, &error), >, 0);
  g_assert_no_error (error);
  if (resolved != NULL)
    {
      g_assert_true (relance_ledger_resolve_dispute (db, number, day (resolved), NULL, &error));
      g_assert_no_error (error);
    }
}

static void
cancel_dispute (RelanceDatabase *db,
                const char      *customer,
                const char      *number,
                const char      *cause,
                gint64           amount,
                const char      *opened,
                const char      *cancelled)
{
  g_autoptr(GError) error = NULL;
  gint64 dispute_id;

  add_invoice (db, customer, number, opened, opened, amount, FALSE);
  dispute_id = relance_ledger_open_dispute (db, number, cause, 0, day (opened), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (relance_desk_cancel_dispute (db, dispute_id, day (cancelled), NULL, &error));
  g_assert_no_error (error);
}

static void
exec (RelanceDatabase *db,
      const char      *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_relance_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Period 2026-01-01 to 2026-03-31. Disputes (cause, amount, opened, closed):
 *  1 A  100.00 01-05 resolved 01-10  (5 days)      customer KEY
 *  2 A  300.00 01-20 resolved 02-19  (30 days)     customer KEY
 *  3 A  200.00 02-01 open
 *  4 B  400.00 02-10 resolved 04-20  (after the period: open on 03-31)
 *  5 C 1000.00 03-01 resolved 03-09  (8 days)
 *  6 D  500.00 2025-12-15 open       (before the period: backlog only)
 *  7 A   50.00 03-15 cancelled 03-20 (not a statistic; leaves the backlog) */
static RelanceDatabase *
new_dispute_ledger (void)
{
  RelanceDatabase *db = new_ledger ();

  add_customer (db, "KEY", "Key accounts");
  add_customer (db, "OTHER", NULL);
  add_dispute (db, "KEY", "D1", "A", 10000, "2026-01-05", "2026-01-10");
  add_dispute (db, "KEY", "D2", "A", 30000, "2026-01-20", "2026-02-19");
  add_dispute (db, "OTHER", "D3", "A", 20000, "2026-02-01", NULL);
  add_dispute (db, "OTHER", "D4", "B", 40000, "2026-02-10", "2026-04-20");
  add_dispute (db, "OTHER", "D5", "C", 100000, "2026-03-01", "2026-03-09");
  add_dispute (db, "OTHER", "D6", "D", 50000, "2025-12-15", NULL);
  cancel_dispute (db, "OTHER", "D7", "A", 5000, "2026-03-15", "2026-03-20");

  return db;
}

static const RelanceCauseStats *
cause (const RelanceDisputeStats *stats,
       guint                      i)
{
  g_assert_cmpuint (i, <, stats->causes->len);
  return g_ptr_array_index (stats->causes, i);
}

static void
test_disputes_by_cause (void)
{
  g_autoptr(RelanceDatabase) db = new_dispute_ledger ();
  g_autoptr(RelanceDisputeStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-01-01"), day ("2026-03-31"), 0 };
  const RelanceCauseStats *a, *b, *c, *d;

  /* The julian day written by hand above. */
  g_assert_cmpint (day ("2026-03-20"), ==, 739695);

  stats = relance_stats_disputes (db, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  /* 1 to 5: five disputes, 2000.00; 3 and 4 open on 03-31. */
  g_assert_cmpuint (stats->count, ==, 5);
  g_assert_cmpint (stats->amount, ==, 200000);
  g_assert_cmpuint (stats->open, ==, 2);
  g_assert_cmpuint (stats->causes->len, ==, 4);

  a = cause (stats, 0);
  g_assert_cmpstr (a->code, ==, "A");
  g_assert_cmpstr (a->department, ==, "Billing");
  g_assert_cmpstr (a->colour, ==, "#3584e4");
  g_assert_cmpuint (a->count, ==, 3);
  g_assert_cmpint (a->amount, ==, 60000);
  g_assert_cmpuint (a->count_share, ==, 6000);     /* 3 of 5 */
  g_assert_cmpuint (a->amount_share, ==, 3000);    /* 600 of 2000 */
  g_assert_cmpuint (a->open, ==, 1);
  /* Resolved in 5 and 30 days. */
  g_assert_cmpuint (a->resolved, ==, 2);
  g_assert_cmpint (a->median_tenths, ==, 175);
  g_assert_cmpint (a->mean_tenths, ==, 175);
  g_assert_cmpint (a->p90_days, ==, 30);
  g_assert_cmpint (a->q1_days, ==, 5);
  g_assert_cmpint (a->q3_days, ==, 30);
  g_assert_cmpint (a->min_days, ==, 5);
  g_assert_cmpint (a->max_days, ==, 30);
  g_assert_cmpuint (a->buckets[RELANCE_RESOLUTION_0_7], ==, 1);
  g_assert_cmpuint (a->buckets[RELANCE_RESOLUTION_8_15], ==, 0);
  g_assert_cmpuint (a->buckets[RELANCE_RESOLUTION_16_30], ==, 1);

  b = cause (stats, 1);
  g_assert_cmpstr (b->code, ==, "B");
  g_assert_cmpuint (b->count, ==, 1);
  g_assert_cmpuint (b->count_share, ==, 2000);
  g_assert_cmpuint (b->amount_share, ==, 2000);
  g_assert_cmpuint (b->open, ==, 1);
  g_assert_cmpuint (b->resolved, ==, 0);
  g_assert_cmpint (b->median_tenths, ==, RELANCE_STATS_NONE);
  g_assert_cmpint (b->p90_days, ==, RELANCE_STATS_NONE);

  c = cause (stats, 2);
  g_assert_cmpuint (c->amount_share, ==, 5000);
  g_assert_cmpuint (c->resolved, ==, 1);
  g_assert_cmpint (c->median_tenths, ==, 80);
  g_assert_cmpint (c->mean_tenths, ==, 80);
  g_assert_cmpint (c->p90_days, ==, 8);
  g_assert_cmpuint (c->buckets[RELANCE_RESOLUTION_8_15], ==, 1);

  /* D's only dispute opened before the period. */
  d = cause (stats, 3);
  g_assert_cmpuint (d->count, ==, 0);
  g_assert_cmpuint (d->count_share, ==, 0);
  g_assert_cmpint (d->mean_tenths, ==, RELANCE_STATS_NONE);
}

static void
test_disputes_by_month (void)
{
  g_autoptr(RelanceDatabase) db = new_dispute_ledger ();
  g_autoptr(RelanceDisputeStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-01-01"), day ("2026-03-31"), 0 };
  /* opened, closed, open at the month's end (amount):
   * Jan: 1 2 | 1 | 6 2 (800.00); Feb: 3 4 | 2 | 6 3 4 (1100.00);
   * Mar: 5 7 | 5 7 | 6 3 4 (1100.00) */
  static const struct { guint opened, resolved, backlog; gint64 amount; } expected[] = {
    { 2, 1, 2, 80000 }, { 2, 1, 3, 110000 }, { 2, 2, 3, 110000 },
  };
  /* Open on 03-31: Billing 3, Shipping 4, Sales none, Technical 6. */
  static const struct { const char *name; guint open; gint64 amount; } departments[] = {
    { "Billing", 1, 20000 }, { "Shipping", 1, 40000 }, { "Sales", 0, 0 }, { "Technical", 1, 50000 },
  };

  stats = relance_stats_disputes (db, &query, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (stats->months->len, ==, G_N_ELEMENTS (expected));
  for (guint m = 0; m < G_N_ELEMENTS (expected); m++)
    {
      const RelanceDisputeMonth *month = &g_array_index (stats->months, RelanceDisputeMonth, m);

      g_assert_cmpint (month->start, ==, relance_day_add_months (day ("2026-01-01"), m));
      g_assert_cmpuint (month->opened, ==, expected[m].opened);
      g_assert_cmpuint (month->resolved, ==, expected[m].resolved);
      g_assert_cmpuint (month->backlog, ==, expected[m].backlog);
      g_assert_cmpint (month->backlog_amount, ==, expected[m].amount);
    }
  g_assert_cmpint (g_array_index (stats->months, RelanceDisputeMonth, 1).end, ==, day ("2026-02-28"));

  g_assert_cmpuint (stats->departments->len, ==, G_N_ELEMENTS (departments));
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      const RelanceDepartmentBacklog *department = g_ptr_array_index (stats->departments, i);

      g_assert_cmpstr (department->department, ==, departments[i].name);
      g_assert_cmpuint (department->open, ==, departments[i].open);
      g_assert_cmpint (department->amount, ==, departments[i].amount);
    }
}

static void
test_disputes_segment_and_period (void)
{
  g_autoptr(RelanceDatabase) db = new_dispute_ledger ();
  g_autoptr(RelanceDisputeStats) stats = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-01-01"), day ("2026-03-31"), 0 };
  const RelanceSegmentInfo *key;

  segments = relance_stats_list_segments (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 1);
  key = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (key->name, ==, "Key accounts");

  /* Only KEY's disputes 1 and 2. */
  query.segment_id = key->id;
  stats = relance_stats_disputes (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->count, ==, 2);
  g_assert_cmpint (stats->amount, ==, 40000);
  g_assert_cmpuint (cause (stats, 0)->count_share, ==, 10000);
  g_clear_pointer (&stats, relance_dispute_stats_free);

  /* One day: dispute 5 opened on 03-01, nothing resolved yet that day. */
  query.segment_id = 0;
  query.from = query.to = day ("2026-03-01");
  g_assert_cmpuint (relance_stats_n_months (&query), ==, 1);
  stats = relance_stats_disputes (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->count, ==, 1);
  g_assert_cmpuint (cause (stats, 2)->open, ==, 1);
  g_assert_cmpint (cause (stats, 2)->median_tenths, ==, RELANCE_STATS_NONE);
  g_clear_pointer (&stats, relance_dispute_stats_free);

  /* A period with no dispute. */
  query.from = day ("2027-01-01");
  query.to = day ("2027-12-31");
  g_assert_cmpuint (relance_stats_n_months (&query), ==, 12);
  stats = relance_stats_disputes (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->count, ==, 0);
  g_assert_cmpuint (cause (stats, 0)->count_share, ==, 0);
  g_assert_cmpuint (stats->months->len, ==, 12);
  /* 3, 4 (resolved 2026-04-20) and 6: only 3 and 6 remain open. */
  g_assert_cmpuint (g_array_index (stats->months, RelanceDisputeMonth, 0).backlog, ==, 2);
}

static void
test_bad_period (void)
{
  g_autoptr(RelanceDatabase) db = new_ledger ();
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-03-31"), day ("2026-01-01"), 0 };

  g_assert_null (relance_stats_disputes (db, &query, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (relance_stats_receivables (db, &query, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  query.from = RELANCE_DAY_NONE;
  g_assert_false (relance_stats_query_check (&query, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

/* Invoices (customer, issued, due, amount):
 *  K1 KEY   2025-12-01 2025-12-31   500.00  paid 03-05
 *  K2 KEY   2026-01-05 2026-02-04  1000.00  400.00 paid 02-20
 *  S1 SMALL 2026-02-01 2026-03-03  2000.00
 *  SC SMALL 2026-03-10 credit note  300.00
 * Promises: SMALL 200.00 for 02-10 pending, KEY 600.00 for 03-15 kept. */
static RelanceDatabase *
new_receivables_ledger (void)
{
  RelanceDatabase *db = new_ledger ();
  g_autoptr(GError) error = NULL;
  const char *k1[] = { "K1", NULL };
  const char *k2[] = { "K2", NULL };

  add_customer (db, "KEY", "Key accounts");
  add_customer (db, "SMALL", "Small firms");
  add_invoice (db, "KEY", "K1", "2025-12-01", "2025-12-31", 50000, FALSE);
  add_invoice (db, "KEY", "K2", "2026-01-05", "2026-02-04", 100000, FALSE);
  add_invoice (db, "SMALL", "S1", "2026-02-01", "2026-03-03", 200000, FALSE);
  add_invoice (db, "SMALL", "SC", "2026-03-10", "2026-03-10", 30000, TRUE);
  g_assert_cmpint (relance_ledger_add_payment (db, "KEY", day ("2026-02-20"), 40000, k2, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_payment (db, "KEY", day ("2026-03-05"), 50000, k1, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* Promises are recorded by the call sheet (the worklist issue), which does
   * not exist yet: write them as it will. 739657 is 2026-02-10, 739690 2026-03-15. */
  exec (db, "INSERT INTO promises (customer_id, promised_date, amount, status)"
            " SELECT id, 739657, 20000, 'pending' FROM customers WHERE code = 'SMALL'");
  exec (db, "INSERT INTO promises (customer_id, promised_date, amount, status)"
            " SELECT id, 739690, 60000, 'kept' FROM customers WHERE code = 'KEY'");
  g_assert_cmpint (day ("2026-02-10"), ==, 739657);
  g_assert_cmpint (day ("2026-03-15"), ==, 739690);

  return db;
}

static void
test_receivables_dso (void)
{
  g_autoptr(RelanceDatabase) db = new_receivables_ledger ();
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-01-01"), day ("2026-03-31"), 0 };
  /* Receivables: Jan 500+1000 = 1500; Feb +2000-400 = 3100; Mar -300-500 = 2300.
   * Sales of the 90 days to the month's end:
   *  Jan (11-02, 01-31]: 500+1000 = 1500   -> DSO 1500*90/1500 = 90.0
   *  Feb (11-30, 02-28]: 500+1000+2000 = 3500 -> 3100*90/3500 = 79.71
   *  Mar (12-31, 03-31]: 1000+2000-300 = 2700 -> 2300*90/2700 = 76.67 */
  static const struct { gint64 receivables, sales; int dso; gint64 collected, promised, kept; } expected[] = {
    { 150000, 150000, 900, 0, 0, 0 },
    { 310000, 350000, 797, 40000, 20000, 0 },
    { 230000, 270000, 767, 50000, 60000, 60000 },
  };

  months = relance_stats_receivables (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, G_N_ELEMENTS (expected));

  for (guint m = 0; m < months->len; m++)
    {
      const RelanceReceivablesMonth *month = &g_array_index (months, RelanceReceivablesMonth, m);

      g_assert_cmpint (month->receivables, ==, expected[m].receivables);
      g_assert_cmpint (month->sales_90, ==, expected[m].sales);
      g_assert_cmpint (month->dso_tenths, ==, expected[m].dso);
      g_assert_cmpint (month->collected, ==, expected[m].collected);
      g_assert_cmpint (month->promised, ==, expected[m].promised);
      g_assert_cmpint (month->promised_kept, ==, expected[m].kept);
    }
}

static void
test_receivables_segment (void)
{
  g_autoptr(RelanceDatabase) db = new_receivables_ledger ();
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  RelanceStatsQuery query = { day ("2026-03-01"), day ("2026-03-31"), 0 };
  const RelanceReceivablesMonth *month;

  segments = relance_stats_list_segments (db, &error);
  g_assert_cmpuint (segments->len, ==, 2);
  query.segment_id = ((RelanceSegmentInfo *)g_ptr_array_index (segments, 0))->id;

  /* KEY on 03-31: 1500 - 900 = 600, sales since 12-31: K2 1000 -> 54.0 days. */
  months = relance_stats_receivables (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 1);
  month = &g_array_index (months, RelanceReceivablesMonth, 0);
  g_assert_cmpint (month->receivables, ==, 60000);
  g_assert_cmpint (month->dso_tenths, ==, 540);
  g_assert_cmpint (month->collected, ==, 50000);
  g_clear_pointer (&months, g_array_unref);

  /* Before any invoice: nothing owed, no sales, no DSO. */
  query.segment_id = 0;
  query.from = day ("2025-01-01");
  query.to = day ("2025-01-31");
  months = relance_stats_receivables (db, &query, &error);
  g_assert_no_error (error);
  month = &g_array_index (months, RelanceReceivablesMonth, 0);
  g_assert_cmpint (month->receivables, ==, 0);
  g_assert_cmpint (month->dso_tenths, ==, RELANCE_STATS_NONE);
}

static void
test_aged_by_segment (void)
{
  g_autoptr(RelanceDatabase) db = new_receivables_ledger ();
  g_autoptr(RelanceAgedStats) stats = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  const RelanceSegmentAged *key, *small;

  /* On 03-31: K2 600.00 is 55 days late; S1 2000.00 28 days and SC -300.00
   * 21 days: 1-30 holds 1700.00. The total is the receivables of March. */
  stats = relance_stats_aged_balance (db, day ("2026-03-31"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_NOT_DUE], ==, 0);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_1_30], ==, 170000);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_31_60], ==, 60000);
  g_assert_cmpint (stats->total, ==, 230000);
  g_assert_cmpuint (stats->segments->len, ==, 2);
  key = g_ptr_array_index (stats->segments, 0);
  small = g_ptr_array_index (stats->segments, 1);
  g_assert_cmpstr (key->segment, ==, "Key accounts");
  g_assert_cmpint (key->buckets[RELANCE_AGE_31_60], ==, 60000);
  g_assert_cmpint (key->total, ==, 60000);
  g_assert_cmpstr (small->segment, ==, "Small firms");
  g_assert_cmpint (small->buckets[RELANCE_AGE_1_30], ==, 170000);
  g_clear_pointer (&stats, relance_aged_stats_free);

  /* One segment only. */
  segments = relance_stats_list_segments (db, &error);
  stats = relance_stats_aged_balance (db, day ("2026-03-31"),
                                      ((RelanceSegmentInfo *)g_ptr_array_index (segments, 1))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->total, ==, 170000);
  g_assert_cmpuint (stats->segments->len, ==, 1);
}


/* The dashboard seen on 2026-02-28, before K1 was paid (03-05) and SC was
 * issued (03-10): K1 500.00 is 59 days late (31-60), K2 1000 - 400 =
 * 600.00 24 days (1-30), S1 2000.00 not due. Its aged balance, its
 * receivables at the month's end and the customers' totals bar of that
 * day all say 500 + 600 + 2000 = 3100.00, 1100.00 of it overdue. */
static void
test_dashboard_agrees_with_lists (void)
{
  g_autoptr(RelanceDatabase) db = new_receivables_ledger ();
  g_autoptr(RelanceAgedStats) stats = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceListModel) customers = NULL;
  RelanceStatsQuery query = { day ("2026-02-01"), day ("2026-02-28"), 0 };
  RelanceListTotals totals;

  stats = relance_stats_aged_balance (db, day ("2026-02-28"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_NOT_DUE], ==, 200000);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_1_30], ==, 60000);
  g_assert_cmpint (stats->buckets[RELANCE_AGE_31_60], ==, 50000);
  g_assert_cmpint (stats->total, ==, 310000);

  months = relance_stats_receivables (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (months, RelanceReceivablesMonth, 0).receivables, ==, 310000);

  customers = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, day ("2026-02-28"));
  g_assert_true (relance_list_model_get_totals (customers, &totals));
  g_assert_cmpint (totals.total, ==, 310000);
  g_assert_cmpint (totals.overdue, ==, 110000);
}

static void
test_resolution_buckets (void)
{
  g_assert_cmpint (relance_resolution_bucket_for (0), ==, RELANCE_RESOLUTION_0_7);
  g_assert_cmpint (relance_resolution_bucket_for (7), ==, RELANCE_RESOLUTION_0_7);
  g_assert_cmpint (relance_resolution_bucket_for (8), ==, RELANCE_RESOLUTION_8_15);
  g_assert_cmpint (relance_resolution_bucket_for (15), ==, RELANCE_RESOLUTION_8_15);
  g_assert_cmpint (relance_resolution_bucket_for (16), ==, RELANCE_RESOLUTION_16_30);
  g_assert_cmpint (relance_resolution_bucket_for (60), ==, RELANCE_RESOLUTION_31_60);
  g_assert_cmpint (relance_resolution_bucket_for (61), ==, RELANCE_RESOLUTION_OVER_60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/disputes-by-cause", test_disputes_by_cause);
  g_test_add_func ("/stats/disputes-by-month", test_disputes_by_month);
  g_test_add_func ("/stats/disputes-segment-and-period", test_disputes_segment_and_period);
  g_test_add_func ("/stats/bad-period", test_bad_period);
  g_test_add_func ("/stats/receivables-dso", test_receivables_dso);
  g_test_add_func ("/stats/receivables-segment", test_receivables_segment);
  g_test_add_func ("/stats/aged-by-segment", test_aged_by_segment);
  g_test_add_func ("/stats/dashboard-agrees-with-lists", test_dashboard_agrees_with_lists);
  g_test_add_func ("/stats/resolution-buckets", test_resolution_buckets);

  return g_test_run ();
}
