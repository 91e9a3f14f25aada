/* test-penalties.c: late-payment interest, indemnities, the rate table and
 * the collection settings.
 *
 * Every expected figure is worked out by hand in the comment above it,
 * from the rule of relance-penalties.h: each day from the day after the
 * due date to the date asked included bears interest on the amount less
 * the settlements dated before that day, at the ECB rate of that day plus
 * the margin; the sum of balance × rate × days (cents × basis points ×
 * days) is divided once by 365 × 10 000 = 3 650 000 and rounded half away
 * from zero to the cent.
 *
 * The ECB rates the ledger ships with around the examples: 3.15 % from
 * 2025-01-01, 2.15 % from 2025-07-01 and from 2026-01-01 (last row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-penalties.h"
#include "relance-test-utils.h"

typedef struct
{
  char            *folder;
  RelanceDatabase *db;
} Fixture;

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static void
assert_day (RelanceDay  value,
            const char *iso)
{
  g_autofree char *text = relance_day_to_iso (value);

  g_assert_cmpstr (text, ==, iso);
}

/* A rate table as relance_rates_list() returns it. */
static GPtrArray *
rates (const char *first_day,
       int         first_rate,
       ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_rate_free);
  const char *iso = first_day;
  int rate = first_rate;
  va_list args;

  va_start (args, first_rate);
  while (iso != NULL)
    {
      RelanceRate *row = g_new0 (RelanceRate, 1);

      row->kind = RELANCE_RATE_ECB;
      row->valid_from = day (iso);
      row->rate = rate;
      g_ptr_array_add (list, row);

      iso = va_arg (args, const char *);
      if (iso != NULL)
        rate = va_arg (args, int);
    }
  va_end (args);

  return list;
}

/* 2025's two ECB rates, as shipped. */
static GPtrArray *
rates_2025 (void)
{
  return rates ("2025-01-01", 315, "2025-07-01", 215, NULL);
}

static gint64
add_customer (Fixture    *fixture,
              const char *code,
              const char *country)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = {
    .code = code, .name = code, .country = country, .payment_terms = -1,
  };
  gint64 id = relance_ledger_add_customer (fixture->db, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_invoice (Fixture    *fixture,
             const char *customer,
             const char *number,
             const char *issued,
             const char *due,
             gint64      amount,
             gboolean    credit_note)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoiceFields fields = {
    .customer_code = customer, .number = number,
    .issue_date = day (issued), .due_date = day (due),
    .amount = amount, .credit_note = credit_note,
  };
  gint64 id = relance_ledger_add_invoice (fixture->db, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
pay (Fixture    *fixture,
     const char *customer,
     const char *date,
     gint64      amount,
     const char *invoice)
{
  g_autoptr(GError) error = NULL;
  const char * const numbers[] = { invoice, NULL };

  g_assert_cmpint (relance_ledger_add_payment (fixture->db, customer, day (date), amount,
                                               numbers, "transfer", "", &error), >, 0);
  g_assert_no_error (error);
}

static void
apply_credit_note (Fixture    *fixture,
                   gint64      credit_note_id,
                   const char *date,
                   gint64      invoice_id,
                   gint64      amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) allocations = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  RelanceAllocation *allocation = g_new0 (RelanceAllocation, 1);

  allocation->invoice_id = invoice_id;
  allocation->amount = amount;
  g_ptr_array_add (allocations, allocation);

  g_assert_true (relance_desk_apply_credit_note (fixture->db, credit_note_id, day (date), allocations, &error));
  g_assert_no_error (error);
}

static const RelancePenaltyLine *
line_at (const RelancePenalties *penalties,
         guint                   index)
{
  g_assert_cmpuint (index, <, penalties->lines->len);
  return g_ptr_array_index (penalties->lines, index);
}

/* Period @index of @periods is @from..@to, @days days on @balance at
 * @rate, bearing @interest cents. */
static void
assert_period (GArray     *periods,
               guint       index,
               const char *from,
               const char *to,
               int         days,
               gint64      balance,
               int         rate,
               gint64      interest)
{
  const RelanceInterestPeriod *period;

  g_assert_nonnull (periods);
  g_assert_cmpuint (index, <, periods->len);
  period = &g_array_index (periods, RelanceInterestPeriod, index);
  assert_day (period->from, from);
  assert_day (period->to, to);
  g_assert_cmpint (period->days, ==, days);
  g_assert_cmpint (period->balance, ==, balance);
  g_assert_cmpint (period->rate, ==, rate);
  g_assert_cmpint (period->interest, ==, interest);
}

static gint64
sum_periods (GArray *periods)
{
  gint64 sum = 0;

  for (guint i = 0; i < periods->len; i++)
    sum += g_array_index (periods, RelanceInterestPeriod, i).interest;
  return sum;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("relance-penalties-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->db = relance_database_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
  relance_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

/* The interest, without a database */

static void
test_interest_rate_change (void)
{
  g_autoptr(GPtrArray) ecb = rates_2025 ();

  /* 1 000,00 EUR due 2025-06-15, unpaid on 2025-08-14: 60 days late.
   * 2025-06-16..06-30 = 15 days at 3.15 + 10 = 13.15 %, then
   * 2025-07-01..08-14 = 31 + 14 = 45 days at 2.15 + 10 = 12.15 %.
   * 100 000 × (1315 × 15 + 1215 × 45) = 100 000 × (19 725 + 54 675)
   * = 7 440 000 000; / 3 650 000 = 2 038.356… -> 2 038 cents, 20,38 EUR. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, ecb, 1000,
                                               day ("2025-08-14")), ==, 2038);

  /* The same at the directive's 8 points for a customer elsewhere in the EU:
   * 1115 × 15 + 1015 × 45 = 16 725 + 45 675 = 62 400;
   * 100 000 × 62 400 / 3 650 000 = 1 709.589… -> 1 710 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, ecb, 800,
                                               day ("2025-08-14")), ==, 1710);

  /* One day only, 2025-06-16 at 13.15 %: 100 000 × 1315 / 3 650 000
   * = 36.027… -> 36 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, ecb, 1000,
                                               day ("2025-06-16")), ==, 36);
}

static void
test_interest_partial_payment (void)
{
  g_autoptr(GPtrArray) ecb = rates_2025 ();
  /* 400,00 EUR paid on 2025-07-20, and 0,01 EUR after the date asked. */
  const RelanceSettlement settlements[] = {
    { day ("2025-08-20"), 1 },
    { day ("2025-07-20"), 40000 },
  };

  /* 1 000,00 EUR due 2025-06-15, 400,00 paid on 2025-07-20, asked on
   * 2025-08-14. The day of the payment still bears interest on 1 000:
   * 2025-06-16..06-30: 15 days × 100 000 × 1315 = 1 972 500 000
   * 2025-07-01..07-20: 20 days × 100 000 × 1215 = 2 430 000 000
   * 2025-07-21..08-14: 11 + 14 = 25 days × 60 000 × 1215 = 1 822 500 000
   * sum 6 225 000 000 / 3 650 000 = 1 705.479… -> 1 705 cents. The
   * settlement dated after 2025-08-14 changes nothing; the order of the
   * settlements does not matter. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), settlements, 2, ecb, 1000,
                                               day ("2025-08-14")), ==, 1705);
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), &settlements[1], 1, ecb, 1000,
                                               day ("2025-08-14")), ==, 1705);
}

static void
test_interest_credit_note (void)
{
  g_autoptr(GPtrArray) ecb = rates_2025 ();
  const RelanceSettlement credit_note = { day ("2025-06-30"), 25000 };

  /* A credit note of 250,00 EUR applied on 2025-06-30, the last day of the
   * first rate:
   * 2025-06-16..06-30: 15 days × 100 000 × 1315 = 1 972 500 000
   * 2025-07-01..08-14: 45 days ×  75 000 × 1215 = 4 100 625 000
   * sum 6 073 125 000 / 3 650 000 = 1 663.869… -> 1 664 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), &credit_note, 1, ecb, 1000,
                                               day ("2025-08-14")), ==, 1664);
}

static void
test_interest_paid_in_time (void)
{
  g_autoptr(GPtrArray) ecb = rates_2025 ();
  const RelanceSettlement on_due_date = { day ("2025-06-15"), 100000 };
  const RelanceSettlement early = { day ("2025-06-01"), 100000 };
  const RelanceSettlement next_day = { day ("2025-06-16"), 100000 };
  const RelanceSettlement too_much[] = { { day ("2025-06-10"), 60000 }, { day ("2025-06-12"), 60000 } };

  /* Paid on the due date or before: nothing, however late the date asked. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), &on_due_date, 1, ecb, 1000,
                                               day ("2025-08-14")), ==, 0);
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), &early, 1, ecb, 1000,
                                               day ("2025-08-14")), ==, 0);
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), too_much, 2, ecb, 1000,
                                               day ("2025-08-14")), ==, 0);

  /* Paid one day late: the day of the payment, 2025-06-16, bears interest:
   * 100 000 × 1315 / 3 650 000 = 36.027… -> 36 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), &next_day, 1, ecb, 1000,
                                               day ("2025-08-14")), ==, 36);

  /* Not late yet, or due that very day. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, ecb, 1000,
                                               day ("2025-06-15")), ==, 0);
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, ecb, 1000,
                                               day ("2025-06-01")), ==, 0);
}

static void
test_interest_rounding (void)
{
  g_autoptr(GPtrArray) zero = rates ("2022-01-01", 0, NULL);

  /* 18,25 EUR one day at 0 + 10 %: 1 825 × 1000 × 1 = 1 825 000, exactly
   * half of 3 650 000: half a cent, rounded away from zero to 1 cent.
   * 18,24 EUR: 1 824 000 < 1 825 000, 0 cents. */
  g_assert_cmpint (relance_penalties_interest (1825, day ("2022-03-01"), NULL, 0, zero, 1000,
                                               day ("2022-03-02")), ==, 1);
  g_assert_cmpint (relance_penalties_interest (1824, day ("2022-03-01"), NULL, 0, zero, 1000,
                                               day ("2022-03-02")), ==, 0);

  /* 100 000 000 000,00 EUR (10^13 cents) for ten years at 50 + 50 %:
   * 2029-12-31 + 1 .. 2039-12-31 is 3 652 days (2032 and 2036 are leap).
   * 10^13 × 10 000 × 3 652 = 3.652 × 10^20, past 2^63: kept on 128 bits.
   * / 3 650 000 = 100 054 794 520 547 rest 3 450 000, more than half of
   * 3 650 000 -> 100 054 794 520 548 cents. */
  {
    g_autoptr(GPtrArray) high = rates ("2030-01-01", 5000, NULL);

    g_assert_cmpint (relance_penalties_interest (G_GINT64_CONSTANT (10000000000000), day ("2029-12-31"),
                                                 NULL, 0, high, 5000, day ("2039-12-31")),
                     ==, G_GINT64_CONSTANT (100054794520548));
  }
}

static void
test_interest_before_first_rate (void)
{
  g_autoptr(GPtrArray) only_july = rates ("2025-07-01", 215, NULL);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  /* The days before the first row use the first row: all 60 days at
   * 2.15 + 10 = 12.15 %: 100 000 × 1215 × 60 / 3 650 000
   * = 7 290 000 000 / 3 650 000 = 1 997.260… -> 1 997 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, only_july, 1000,
                                               day ("2025-08-14")), ==, 1997);

  /* No table at all: the margin alone, 10 %: 100 000 × 1000 × 60
   * / 3 650 000 = 1 643.835… -> 1 644 cents. */
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, empty, 1000,
                                               day ("2025-08-14")), ==, 1644);
  g_assert_cmpint (relance_penalties_interest (100000, day ("2025-06-15"), NULL, 0, NULL, 1000,
                                               day ("2025-08-14")), ==, 1644);
}


/* The interest told period by period */

static void
test_periods_rate_change (void)
{
  g_autoptr(GPtrArray) ecb = rates_2025 ();
  g_autoptr(GArray) periods = NULL;
  const RelanceSettlement settlements[] = { { day ("2025-07-20"), 40000 } };

  /* 1 000,00 EUR due 2025-06-15, unpaid on 2025-08-14 (20,38 EUR in all,
   * see test_interest_rate_change), two lines:
   * 06-16..06-30, 15 days at 13.15 %: 100 000 × 1315 × 15 = 1 972 500 000
   *   / 3 650 000 = 540.410… -> 540
   * 07-01..08-14, 45 days at 12.15 %: running sum 7 440 000 000
   *   / 3 650 000 = 2 038.356… -> 2 038, less 540 = 1 498 (alone:
   *   5 467 500 000 / 3 650 000 = 1 497.945… -> 1 498 too).
   * 540 + 1 498 = 2 038. */
  periods = relance_penalties_interest_periods (100000, day ("2025-06-15"), NULL, 0, ecb, 1000, day ("2025-08-14"));
  g_assert_cmpuint (periods->len, ==, 2);
  assert_period (periods, 0, "2025-06-16", "2025-06-30", 15, 100000, 1315, 540);
  assert_period (periods, 1, "2025-07-01", "2025-08-14", 45, 100000, 1215, 1498);
  g_assert_cmpint (sum_periods (periods), ==, 2038);
  g_clear_pointer (&periods, g_array_unref);

  /* 400,00 paid on 2025-07-20 (17,05 EUR in all, see
   * test_interest_partial_payment): the payment starts a third line.
   * 06-16..06-30 15 d × 100 000 × 1315 -> 540 (as above)
   * 07-01..07-20 20 d × 100 000 × 1215 = 2 430 000 000; running sum
   *   4 402 500 000 / 3 650 000 = 1 206.164… -> 1 206, less 540 = 666
   * 07-21..08-14 25 d ×  60 000 × 1215 = 1 822 500 000; running sum
   *   6 225 000 000 / 3 650 000 = 1 705.479… -> 1 705, less 1 206 = 499
   * 540 + 666 + 499 = 1 705. */
  periods = relance_penalties_interest_periods (100000, day ("2025-06-15"), settlements, 1, ecb, 1000,
                                                day ("2025-08-14"));
  g_assert_cmpuint (periods->len, ==, 3);
  assert_period (periods, 0, "2025-06-16", "2025-06-30", 15, 100000, 1315, 540);
  assert_period (periods, 1, "2025-07-01", "2025-07-20", 20, 100000, 1215, 666);
  assert_period (periods, 2, "2025-07-21", "2025-08-14", 25, 60000, 1215, 499);
  g_assert_cmpint (sum_periods (periods), ==, 1705);
  g_clear_pointer (&periods, g_array_unref);

  /* Nothing late, nothing listed. */
  periods = relance_penalties_interest_periods (100000, day ("2025-06-15"), NULL, 0, ecb, 1000, day ("2025-06-15"));
  g_assert_cmpuint (periods->len, ==, 0);
}

static void
test_periods_rounding (void)
{
  g_autoptr(GPtrArray) ecb = rates ("2022-01-01", 0, "2022-01-03", 1, NULL);
  g_autoptr(GPtrArray) same = rates ("2022-01-01", 0, "2022-01-03", 0, NULL);
  g_autoptr(GArray) periods = NULL;

  /* 18,25 EUR due 2022-01-01, asked on 2022-01-03:
   * 01-02 at 0 + 10 %:    1 825 × 1000 = 1 825 000 = 0.5 cent -> 1
   * 01-03 at 0.01 + 10 %: 1 825 × 1001 = 1 826 825; running sum
   *   3 651 825 / 3 650 000 = 1.0005 -> 1, less 1 = 0 (alone it would be
   *   0.5005 -> 1, and the lines would add up to 2 cents, not 1).
   * The invoice's interest is 1 cent, and so is the sum of its lines. */
  periods = relance_penalties_interest_periods (1825, day ("2022-01-01"), NULL, 0, ecb, 1000, day ("2022-01-03"));
  g_assert_cmpuint (periods->len, ==, 2);
  assert_period (periods, 0, "2022-01-02", "2022-01-02", 1, 1825, 1000, 1);
  assert_period (periods, 1, "2022-01-03", "2022-01-03", 1, 1825, 1001, 0);
  g_assert_cmpint (relance_penalties_interest (1825, day ("2022-01-01"), NULL, 0, ecb, 1000, day ("2022-01-03")),
                   ==, 1);
  g_clear_pointer (&periods, g_array_unref);

  /* A new row of the table at the same rate is no new line: 2 days at
   * 10 %, 1 825 × 1000 × 2 = 3 650 000 -> 1 cent. */
  periods = relance_penalties_interest_periods (1825, day ("2022-01-01"), NULL, 0, same, 1000, day ("2022-01-03"));
  g_assert_cmpuint (periods->len, ==, 1);
  assert_period (periods, 0, "2022-01-02", "2022-01-03", 2, 1825, 1000, 1);
}

/* A customer's penalties */

/* DUPONT (France) on 2025-08-14:
 *  F1 1 000,00 due 2025-06-15, unpaid:              interest 2 038 (see above)
 *  F2 1 000,00 due 2025-06-15, 400,00 paid 07-20:   interest 1 705, open 600,00
 *  F3 1 000,00 due 2025-06-15, credit note 250,00 applied 06-30:
 *                                                   interest 1 664, open 750,00
 *  F4   500,00 due 2025-06-15, paid on its due date: not listed
 *  F5   300,00 due 2025-09-30, not due yet:         not listed, no indemnity
 *  F6   200,00 due 2025-08-14, due that very day:   not listed
 *  F7   500,00 due 2025-07-15, paid 2025-09-01, after the date asked: open
 *     500,00 on 08-14; 2025-07-16..08-14 = 16 + 14 = 30 days at 12.15 %:
 *     50 000 × 1215 × 30 = 1 822 500 000 / 3 650 000 = 499.315… -> 499
 * open 1 000 + 600 + 750 + 500 = 2 850,00; interest 2 038 + 1 705 + 1 664
 * + 499 = 5 906 cents; indemnity 4 × 40,00 = 160,00 (the partly paid F2
 * and F3 owe it whole); total 285 000 + 5 906 + 16 000 = 306 906 cents. */
static gint64
add_dupont (Fixture *fixture)
{
  gint64 customer = add_customer (fixture, "DUPONT", "FR");
  gint64 f3;
  gint64 av1;

  add_invoice (fixture, "DUPONT", "F1", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "DUPONT", "F2", "2025-05-16", "2025-06-15", 100000, FALSE);
  f3 = add_invoice (fixture, "DUPONT", "F3", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "DUPONT", "F4", "2025-05-16", "2025-06-15", 50000, FALSE);
  add_invoice (fixture, "DUPONT", "F5", "2025-08-31", "2025-09-30", 30000, FALSE);
  add_invoice (fixture, "DUPONT", "F6", "2025-07-15", "2025-08-14", 20000, FALSE);
  add_invoice (fixture, "DUPONT", "F7", "2025-06-15", "2025-07-15", 50000, FALSE);
  av1 = add_invoice (fixture, "DUPONT", "AV1", "2025-06-30", "2025-06-30", 25000, TRUE);

  pay (fixture, "DUPONT", "2025-07-20", 40000, "F2");
  apply_credit_note (fixture, av1, "2025-06-30", f3, 25000);
  pay (fixture, "DUPONT", "2025-06-15", 50000, "F4");
  pay (fixture, "DUPONT", "2025-09-01", 50000, "F7");

  return customer;
}

static void
test_compute (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_dupont (fixture);
  const RelancePenaltyLine *line;

  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (penalties);

  g_assert_cmpuint (penalties->lines->len, ==, 4);

  line = line_at (penalties, 0);
  g_assert_cmpstr (line->number, ==, "F1");
  assert_day (line->due_date, "2025-06-15");
  assert_day (line->issue_date, "2025-05-16");
  g_assert_cmpint (line->amount, ==, 100000);
  g_assert_cmpint (line->open, ==, 100000);
  g_assert_cmpint (line->days_late, ==, 60);
  g_assert_cmpint (line->rate, ==, 1215);
  g_assert_cmpint (line->interest, ==, 2038);
  g_assert_cmpint (line->indemnity, ==, 4000);

  g_assert_cmpint (line->paid_on, ==, 0);
  g_assert_false (line->disputed);
  g_assert_cmpuint (line->periods->len, ==, 2);
  assert_period (line->periods, 0, "2025-06-16", "2025-06-30", 15, 100000, 1315, 540);
  assert_period (line->periods, 1, "2025-07-01", "2025-08-14", 45, 100000, 1215, 1498);

  /* Paid in part: interest on what remained each day, three lines (see
   * test_periods_rate_change), the indemnity whole. */
  line = line_at (penalties, 1);
  g_assert_cmpstr (line->number, ==, "F2");
  g_assert_cmpint (line->open, ==, 60000);
  g_assert_cmpint (line->paid_on, ==, 0);
  g_assert_cmpint (line->interest, ==, 1705);
  g_assert_cmpint (line->indemnity, ==, 4000);
  g_assert_cmpuint (line->periods->len, ==, 3);
  assert_period (line->periods, 2, "2025-07-21", "2025-08-14", 25, 60000, 1215, 499);
  g_assert_cmpint (sum_periods (line->periods), ==, 1705);

  line = line_at (penalties, 2);
  g_assert_cmpstr (line->number, ==, "F3");
  g_assert_cmpint (line->open, ==, 75000);
  g_assert_cmpint (line->interest, ==, 1664);
  g_assert_cmpint (line->indemnity, ==, 4000);

  line = line_at (penalties, 3);
  g_assert_cmpstr (line->number, ==, "F7");
  g_assert_cmpint (line->open, ==, 50000);
  g_assert_cmpint (line->days_late, ==, 30);
  g_assert_cmpint (line->interest, ==, 499);
  g_assert_cmpint (line->indemnity, ==, 4000);

  g_assert_cmpint (penalties->open, ==, 285000);
  g_assert_cmpint (penalties->interest, ==, 5906);
  g_assert_cmpint (penalties->indemnity, ==, 16000);
  g_assert_cmpint (penalties->total, ==, 306906);
  g_assert_cmpuint (penalties->n_claimed, ==, 4);
  g_assert_cmpuint (penalties->n_paid_late, ==, 0);
  g_assert_cmpuint (penalties->n_disputed, ==, 0);
  g_assert_cmpint (penalties->margin, ==, 1000);
  g_assert_cmpint (penalties->rate, ==, 1215);
  g_assert_false (penalties->eu_customer);
  g_assert_cmpint (penalties->rates_known_until, ==, 0);
}

static void
test_compute_later (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_dupont (fixture);

  /* On 2025-09-01 F7 is paid, late: it stays listed with its interest up
   * to that day and its indemnity (this used to drop it: paying late does
   * not erase what lateness cost). 2025-07-16..09-01 = 16 + 31 + 1 = 48
   * days at 12.15 % on 500,00: 50 000 × 1215 × 48 = 2 916 000 000
   * / 3 650 000 = 798.904… -> 799. F6 is late too:
   * 2025-08-15..09-01 = 17 + 1 = 18 days at 12.15 % on 200,00:
   * 20 000 × 1215 × 18 = 437 400 000 / 3 650 000 = 119.835… -> 120.
   * F1: 2025-06-16..06-30 15 days at 13.15 %, 07-01..09-01 = 31 + 31 + 1
   * = 63 days at 12.15 %: 100 000 × (19 725 + 76 545) = 9 627 000 000
   * / 3 650 000 = 2 637.534… -> 2 638. Five indemnities: 200,00. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-09-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 5);
  g_assert_cmpstr (line_at (penalties, 0)->number, ==, "F1");
  g_assert_cmpint (line_at (penalties, 0)->interest, ==, 2638);
  g_assert_cmpint (line_at (penalties, 0)->days_late, ==, 78);
  g_assert_cmpstr (line_at (penalties, 1)->number, ==, "F2");
  g_assert_cmpstr (line_at (penalties, 2)->number, ==, "F3");
  g_assert_cmpstr (line_at (penalties, 3)->number, ==, "F7");
  g_assert_cmpint (line_at (penalties, 3)->open, ==, 0);
  assert_day (line_at (penalties, 3)->paid_on, "2025-09-01");
  g_assert_cmpint (line_at (penalties, 3)->days_late, ==, 48);
  g_assert_cmpint (line_at (penalties, 3)->interest, ==, 799);
  g_assert_cmpint (line_at (penalties, 3)->indemnity, ==, 4000);
  g_assert_cmpstr (line_at (penalties, 4)->number, ==, "F6");
  g_assert_cmpint (line_at (penalties, 4)->interest, ==, 120);
  g_assert_cmpint (penalties->indemnity, ==, 20000);
  g_assert_cmpuint (penalties->n_paid_late, ==, 1);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* Before anything is due: nothing. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-06-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 0);
  g_assert_cmpint (penalties->open, ==, 0);
  g_assert_cmpint (penalties->interest, ==, 0);
  g_assert_cmpint (penalties->indemnity, ==, 0);
  g_assert_cmpint (penalties->total, ==, 0);
}


/* An invoice paid late in full, and the same ledger seen on a day before
 * the payment: the payment dated after that day does not count yet. */
static void
test_compute_paid_late (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_customer (fixture, "DUPONT", "FR");
  const RelancePenaltyLine *line;

  /* L1 1 000,00 due 2025-06-15, paid in full on 2025-07-20.
   * L2   500,00 due 2025-06-15, paid 200,00 on its due date and 300,00 on
   *      2025-06-25: late on 300,00 from 06-16 to 06-25.
   * L3   500,00 due 2025-06-15, paid on 2025-06-15: never late.
   * L4   500,00 issued 2025-08-20, after the day asked first. */
  add_invoice (fixture, "DUPONT", "L1", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "DUPONT", "L2", "2025-05-16", "2025-06-15", 50000, FALSE);
  add_invoice (fixture, "DUPONT", "L3", "2025-05-16", "2025-06-15", 50000, FALSE);
  add_invoice (fixture, "DUPONT", "L4", "2025-08-20", "2025-08-20", 50000, FALSE);
  pay (fixture, "DUPONT", "2025-07-20", 100000, "L1");
  pay (fixture, "DUPONT", "2025-06-15", 20000, "L2");
  pay (fixture, "DUPONT", "2025-06-25", 30000, "L2");
  pay (fixture, "DUPONT", "2025-06-15", 50000, "L3");

  /* On 2025-08-14:
   * L1: interest up to the day it was paid, 2025-07-20 (that day bears
   *   interest, as in test_interest_paid_in_time):
   *   06-16..06-30 15 d × 100 000 × 1315 = 1 972 500 000 -> 540
   *   07-01..07-20 20 d × 100 000 × 1215 = 2 430 000 000; running sum
   *     4 402 500 000 / 3 650 000 = 1 206.164… -> 1 206, line 666
   *   35 days late, nothing open, and the 40,00 EUR indemnity.
   * L2: 06-16..06-25, 10 d × 30 000 × 1315 = 394 500 000 / 3 650 000
   *   = 108.082… -> 108, and 40,00 EUR.
   * Claimed: open 0, interest 1 206 + 108 = 1 314, indemnity 8 000,
   * total 9 314. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 2);

  line = line_at (penalties, 0);
  g_assert_cmpstr (line->number, ==, "L1");
  g_assert_cmpint (line->open, ==, 0);
  assert_day (line->paid_on, "2025-07-20");
  g_assert_cmpint (line->days_late, ==, 35);
  g_assert_cmpint (line->rate, ==, 1215);
  g_assert_cmpint (line->interest, ==, 1206);
  g_assert_cmpint (line->indemnity, ==, 4000);
  g_assert_cmpuint (line->periods->len, ==, 2);
  assert_period (line->periods, 0, "2025-06-16", "2025-06-30", 15, 100000, 1315, 540);
  assert_period (line->periods, 1, "2025-07-01", "2025-07-20", 20, 100000, 1215, 666);

  line = line_at (penalties, 1);
  g_assert_cmpstr (line->number, ==, "L2");
  assert_day (line->paid_on, "2025-06-25");
  g_assert_cmpint (line->days_late, ==, 10);
  g_assert_cmpint (line->interest, ==, 108);
  g_assert_cmpuint (line->periods->len, ==, 1);
  assert_period (line->periods, 0, "2025-06-16", "2025-06-25", 10, 30000, 1315, 108);

  g_assert_cmpint (penalties->open, ==, 0);
  g_assert_cmpint (penalties->interest, ==, 1314);
  g_assert_cmpint (penalties->indemnity, ==, 8000);
  g_assert_cmpint (penalties->total, ==, 9314);
  g_assert_cmpuint (penalties->n_claimed, ==, 2);
  g_assert_cmpuint (penalties->n_paid_late, ==, 2);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* On 2025-07-10, before L1 was paid: L1 is open in full, 25 days late,
   * 06-16..06-30 15 d -> 540 as above, 07-01..07-10 10 d × 100 000 × 1215
   * = 1 215 000 000; running sum 3 187 500 000 / 3 650 000 = 873.287…
   * -> 873, line 333. L2 is paid late already (108). L4 is not issued yet.
   * Claimed: open 100 000, interest 873 + 108 = 981, indemnity 8 000,
   * total 108 981. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-07-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 2);
  line = line_at (penalties, 0);
  g_assert_cmpstr (line->number, ==, "L1");
  g_assert_cmpint (line->open, ==, 100000);
  g_assert_cmpint (line->paid_on, ==, 0);
  g_assert_cmpint (line->days_late, ==, 25);
  g_assert_cmpint (line->interest, ==, 873);
  assert_period (line->periods, 1, "2025-07-01", "2025-07-10", 10, 100000, 1215, 333);
  g_assert_cmpint (penalties->open, ==, 100000);
  g_assert_cmpint (penalties->interest, ==, 981);
  g_assert_cmpint (penalties->total, ==, 108981);
  g_assert_cmpuint (penalties->n_paid_late, ==, 1);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* On 2025-06-20, L2 still owes 300,00: 5 days, 30 000 × 1315 × 5
   * = 197 250 000 / 3 650 000 = 54.041… -> 54. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-06-20"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 2);
  g_assert_cmpint (line_at (penalties, 1)->open, ==, 30000);
  g_assert_cmpint (line_at (penalties, 1)->interest, ==, 54);
}

/* A disputed invoice is shown, not claimed, while its dispute is open on
 * the day asked. */
static void
test_compute_disputed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_customer (fixture, "DUPONT", "FR");

  /* D1, D2, D3: 1 000,00 EUR each, due 2025-06-15, unpaid: 2 038 cents
   * of interest each on 2025-08-14 (test_interest_rate_change).
   * D1: dispute opened 2025-07-01, still open.
   * D2: dispute opened 2025-07-01, resolved 2025-08-01.
   * D3: dispute opened 2025-09-01, after the day asked. */
  add_invoice (fixture, "DUPONT", "D1", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "DUPONT", "D2", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "DUPONT", "D3", "2025-05-16", "2025-06-15", 100000, FALSE);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "D1", "A", 0, day ("2025-07-01"), "", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "D2", "B", 0, day ("2025-07-01"), "", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (relance_ledger_resolve_dispute (fixture->db, "D2", day ("2025-08-01"), "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "D3", "C", 0, day ("2025-09-01"), "", &error), >, 0);
  g_assert_no_error (error);

  /* On 2025-08-14 only D1 is under dispute: shown, figures apart.
   * Claimed D2 + D3: open 200 000, interest 4 076, indemnity 8 000,
   * total 212 076. Apart: 100 000, 2 038, 4 000. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (penalties->lines->len, ==, 3);
  g_assert_true (line_at (penalties, 0)->disputed);
  g_assert_cmpint (line_at (penalties, 0)->interest, ==, 2038);
  g_assert_false (line_at (penalties, 1)->disputed);
  g_assert_false (line_at (penalties, 2)->disputed);
  g_assert_cmpuint (penalties->n_claimed, ==, 2);
  g_assert_cmpuint (penalties->n_disputed, ==, 1);
  g_assert_cmpint (penalties->open, ==, 200000);
  g_assert_cmpint (penalties->interest, ==, 4076);
  g_assert_cmpint (penalties->indemnity, ==, 8000);
  g_assert_cmpint (penalties->total, ==, 212076);
  g_assert_cmpint (penalties->disputed_open, ==, 100000);
  g_assert_cmpint (penalties->disputed_interest, ==, 2038);
  g_assert_cmpint (penalties->disputed_indemnity, ==, 4000);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* On 2025-07-15 D2's dispute, resolved later, is still open:
   * 06-16..06-30 -> 540, 07-01..07-15 15 d × 100 000 × 1215
   * = 1 822 500 000; running sum 3 795 000 000 / 3 650 000 = 1 039.726…
   * -> 1 040 each. Claimed D3 alone: 100 000 + 1 040 + 4 000 = 105 040. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-07-15"), &error);
  g_assert_no_error (error);
  g_assert_true (line_at (penalties, 0)->disputed);
  g_assert_true (line_at (penalties, 1)->disputed);
  g_assert_false (line_at (penalties, 2)->disputed);
  g_assert_cmpuint (penalties->n_disputed, ==, 2);
  g_assert_cmpint (penalties->total, ==, 105040);
  g_assert_cmpint (penalties->disputed_interest, ==, 2080);
  g_assert_cmpint (penalties->disputed_indemnity, ==, 8000);
}

/* The ECB rate of 2026-01-01 is that of 2025-07-01 (2.15 %): an invoice
 * late across the new year has one line, not two. */
static void
test_compute_same_rate (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_customer (fixture, "DUPONT", "FR");

  /* 2025-12-16..2026-01-15 = 16 + 15 = 31 days at 12.15 % on 1 000,00:
   * 100 000 × 1215 × 31 = 3 766 500 000 / 3 650 000 = 1 031.917… -> 1 032. */
  add_invoice (fixture, "DUPONT", "N1", "2025-11-15", "2025-12-15", 100000, FALSE);
  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-01-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (line_at (penalties, 0)->periods->len, ==, 1);
  assert_period (line_at (penalties, 0)->periods, 0, "2025-12-16", "2026-01-15", 31, 100000, 1215, 1032);
}

static void
test_compute_eu (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) german = NULL;
  g_autoptr(RelancePenalties) swiss = NULL;
  gint64 mueller = add_customer (fixture, "MUELLER", "DE");
  gint64 huber = add_customer (fixture, "HUBER", "CH");

  add_invoice (fixture, "MUELLER", "D1", "2025-05-16", "2025-06-15", 100000, FALSE);
  add_invoice (fixture, "HUBER", "S1", "2025-05-16", "2025-06-15", 100000, FALSE);

  /* Germany: ECB + 8 points, 1 710 cents (see test_interest_rate_change);
   * rate on 2025-08-14: 2.15 + 8 = 10.15 %. */
  german = relance_penalties_compute (fixture->db, mueller, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_true (german->eu_customer);
  g_assert_cmpint (german->margin, ==, 800);
  g_assert_cmpint (german->rate, ==, 1015);
  g_assert_cmpint (line_at (german, 0)->rate, ==, 1015);
  g_assert_cmpint (german->interest, ==, 1710);
  g_assert_cmpint (german->indemnity, ==, 4000);
  g_assert_cmpint (german->total, ==, 100000 + 1710 + 4000);

  /* Switzerland is not in the EU: the French 10 points, 2 038 cents. */
  swiss = relance_penalties_compute (fixture->db, huber, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_false (swiss->eu_customer);
  g_assert_cmpint (swiss->margin, ==, 1000);
  g_assert_cmpint (swiss->interest, ==, 2038);

  g_assert_false (relance_penalties_is_other_eu_country ("FR"));
  g_assert_false (relance_penalties_is_other_eu_country ("GB"));
  g_assert_false (relance_penalties_is_other_eu_country ("CH"));
  g_assert_false (relance_penalties_is_other_eu_country (""));
  g_assert_false (relance_penalties_is_other_eu_country (NULL));
  g_assert_true (relance_penalties_is_other_eu_country ("be"));
  g_assert_true (relance_penalties_is_other_eu_country ("GR"));
  g_assert_true (relance_penalties_is_other_eu_country ("HR"));
  g_assert_true (relance_penalties_is_other_eu_country ("SE"));
}

static void
test_compute_settings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  RelanceCollectionSettings settings = {
    .interest_margin = 1200, .eu_interest_margin = 800, .indemnity = 0, .promise_grace_days = 3,
  };
  gint64 customer = add_customer (fixture, "DUPONT", "FR");

  add_invoice (fixture, "DUPONT", "F1", "2025-05-16", "2025-06-15", 100000, FALSE);
  g_assert_true (relance_collection_settings_set (fixture->db, &settings, &error));
  g_assert_no_error (error);

  /* 12 points and no indemnity: 1515 × 15 + 1415 × 45 = 22 725 + 63 675
   * = 86 400; 100 000 × 86 400 / 3 650 000 = 2 367.123… -> 2 367. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2025-08-14"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (penalties->margin, ==, 1200);
  g_assert_cmpint (penalties->rate, ==, 1415);
  g_assert_cmpint (penalties->interest, ==, 2367);
  g_assert_cmpint (penalties->indemnity, ==, 0);
  g_assert_cmpint (penalties->total, ==, 102367);
}

static void
test_compute_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelancePenalties *penalties;

  penalties = relance_penalties_compute (fixture->db, 4242, day ("2025-08-14"), &error);
  g_assert_null (penalties);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  add_customer (fixture, "DUPONT", "FR");
  penalties = relance_penalties_compute (fixture->db, relance_ledger_find_customer (fixture->db, "DUPONT", NULL),
                                         0, &error);
  g_assert_null (penalties);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

static void
test_rates_known_until (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  gint64 customer = add_customer (fixture, "DUPONT", "FR");

  add_invoice (fixture, "DUPONT", "F1", "2025-05-16", "2025-06-15", 100000, FALSE);

  /* The last ECB row is 2026-01-01: it covers the half-year to 2026-06-30. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-03-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (penalties->rates_known_until, ==, 0);
  g_clear_pointer (&penalties, relance_penalties_free);

  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-06-30"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (penalties->rates_known_until, ==, 0);
  g_clear_pointer (&penalties, relance_penalties_free);

  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-07-01"), &error);
  g_assert_no_error (error);
  assert_day (penalties->rates_known_until, "2026-06-30");
  g_clear_pointer (&penalties, relance_penalties_free);

  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-09-15"), &error);
  g_assert_no_error (error);
  assert_day (penalties->rates_known_until, "2026-06-30");
  g_assert_cmpint (penalties->rate, ==, 1215);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* Once the second half of 2026 is typed in, the warning goes and its
   * rate is used: 2 + 10 = 12 %. */
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2026-07-01"), 200, &error));
  g_assert_no_error (error);
  penalties = relance_penalties_compute (fixture->db, customer, day ("2026-09-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (penalties->rates_known_until, ==, 0);
  g_assert_cmpint (penalties->rate, ==, 1200);
  g_assert_cmpint (line_at (penalties, 0)->rate, ==, 1200);
  g_clear_pointer (&penalties, relance_penalties_free);

  /* Into 2027, past 2026-12-31. */
  penalties = relance_penalties_compute (fixture->db, customer, day ("2027-01-01"), &error);
  g_assert_no_error (error);
  assert_day (penalties->rates_known_until, "2026-12-31");
}

/* The rate table */

static void
test_rates_shipped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_autoptr(GPtrArray) legal = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ecb->len, ==, 9);
  assert_day (((RelanceRate *)ecb->pdata[0])->valid_from, "2022-01-01");
  assert_day (((RelanceRate *)ecb->pdata[6])->valid_from, "2025-01-01");
  g_assert_cmpint (((RelanceRate *)ecb->pdata[6])->rate, ==, 315);
  assert_day (((RelanceRate *)ecb->pdata[8])->valid_from, "2026-01-01");
  g_assert_cmpint (((RelanceRate *)ecb->pdata[8])->rate, ==, 215);
  for (guint i = 0; i < ecb->len; i++)
    {
      g_assert_cmpint (((RelanceRate *)ecb->pdata[i])->kind, ==, RELANCE_RATE_ECB);
      if (i > 0)
        g_assert_cmpint (((RelanceRate *)ecb->pdata[i - 1])->valid_from, <, ((RelanceRate *)ecb->pdata[i])->valid_from);
    }

  legal = relance_rates_list (fixture->db, RELANCE_RATE_LEGAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (legal->len, ==, 9);
  g_assert_cmpint (((RelanceRate *)legal->pdata[8])->kind, ==, RELANCE_RATE_LEGAL);
  g_assert_cmpint (((RelanceRate *)legal->pdata[8])->rate, ==, 262);

  g_assert_cmpstr (relance_rate_kind_to_string (RELANCE_RATE_ECB), ==, "ecb");
  g_assert_cmpstr (relance_rate_kind_to_string (RELANCE_RATE_LEGAL), ==, "legal");
}

static void
test_rates_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ecb = NULL;
  g_autoptr(GPtrArray) legal = NULL;
  gint64 added;

  /* Added in its place by date, even before the others. */
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2026-07-01"), 200, &error));
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2021-07-01"), 0, &error));
  g_assert_no_error (error);
  ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (ecb->len, ==, 11);
  assert_day (((RelanceRate *)ecb->pdata[0])->valid_from, "2021-07-01");
  assert_day (((RelanceRate *)ecb->pdata[10])->valid_from, "2026-07-01");
  g_assert_cmpint (((RelanceRate *)ecb->pdata[10])->rate, ==, 200);
  added = ((RelanceRate *)ecb->pdata[10])->id;
  g_clear_pointer (&ecb, g_ptr_array_unref);

  /* The same kind and day again replaces the rate; the legal rate of the
   * same day is another row. */
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2026-07-01"), 225, &error));
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_LEGAL, day ("2026-07-01"), 300, &error));
  g_assert_no_error (error);
  ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (ecb->len, ==, 11);
  g_assert_cmpint (((RelanceRate *)ecb->pdata[10])->rate, ==, 225);
  g_clear_pointer (&ecb, g_ptr_array_unref);
  legal = relance_rates_list (fixture->db, RELANCE_RATE_LEGAL, &error);
  g_assert_cmpuint (legal->len, ==, 10);
  g_assert_cmpint (((RelanceRate *)legal->pdata[9])->rate, ==, 300);

  /* Refused: outside 0..100 %, or no valid day. Nothing is written. */
  g_assert_false (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2027-01-01"), 10001, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100.01"));
  g_clear_error (&error);
  g_assert_false (relance_rates_set (fixture->db, RELANCE_RATE_ECB, day ("2027-01-01"), -25, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-0.25"));
  g_clear_error (&error);
  g_assert_false (relance_rates_set (fixture->db, RELANCE_RATE_ECB, 0, 200, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (ecb->len, ==, 11);
  g_clear_pointer (&ecb, g_ptr_array_unref);

  /* 100 % and 0 % are rates. */
  g_assert_true (relance_rates_set (fixture->db, RELANCE_RATE_LEGAL, day ("2027-01-01"), 10000, &error));
  g_assert_no_error (error);

  /* Removed: the rate before holds longer. */
  g_assert_true (relance_rates_remove (fixture->db, added, &error));
  g_assert_no_error (error);
  ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (ecb->len, ==, 10);
  assert_day (((RelanceRate *)ecb->pdata[9])->valid_from, "2026-01-01");

  g_assert_false (relance_rates_remove (fixture->db, added, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Every ECB rate but one can go; the last one stays. */
  for (guint i = 0; i + 1 < ecb->len; i++)
    {
      g_assert_true (relance_rates_remove (fixture->db, ((RelanceRate *)ecb->pdata[i])->id, &error));
      g_assert_no_error (error);
    }
  g_assert_false (relance_rates_remove (fixture->db, ((RelanceRate *)ecb->pdata[ecb->len - 1])->id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&ecb, g_ptr_array_unref);
  ecb = relance_rates_list (fixture->db, RELANCE_RATE_ECB, &error);
  g_assert_cmpuint (ecb->len, ==, 1);
  g_assert_cmpint (((RelanceRate *)ecb->pdata[0])->rate, ==, 215);
}

/* The settings */

static void
assert_settings (Fixture *fixture,
                 int      margin,
                 int      eu_margin,
                 gint64   indemnity,
                 int      grace_days)
{
  g_autoptr(GError) error = NULL;
  RelanceCollectionSettings settings = { 0 };

  g_assert_true (relance_collection_settings_get (fixture->db, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.interest_margin, ==, margin);
  g_assert_cmpint (settings.eu_interest_margin, ==, eu_margin);
  g_assert_cmpint (settings.indemnity, ==, indemnity);
  g_assert_cmpint (settings.promise_grace_days, ==, grace_days);
}

static void
assert_settings_refused (Fixture                         *fixture,
                         const RelanceCollectionSettings *settings,
                         const char                      *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (relance_collection_settings_set (fixture->db, settings, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCollectionSettings settings = { 1000, 800, 4000, 3 };

  /* A new ledger: French law's 10 points, the directive's 8, 40 EUR, and
   * three days of grace. */
  assert_settings (fixture, 1000, 800, 4000, 3);

  settings = (RelanceCollectionSettings) { 1500, 900, 5000, 10 };
  g_assert_true (relance_collection_settings_set (fixture->db, &settings, &error));
  g_assert_no_error (error);
  assert_settings (fixture, 1500, 900, 5000, 10);

  /* The bounds are allowed. */
  settings = (RelanceCollectionSettings) { 0, 5000, 100000, 60 };
  g_assert_true (relance_collection_settings_set (fixture->db, &settings, &error));
  g_assert_no_error (error);
  assert_settings (fixture, 0, 5000, 100000, 60);
  settings = (RelanceCollectionSettings) { 5000, 0, 0, 0 };
  g_assert_true (relance_collection_settings_set (fixture->db, &settings, &error));
  g_assert_no_error (error);
  assert_settings (fixture, 5000, 0, 0, 0);

  /* Each value out of bounds is refused with what was typed, and nothing
   * is saved, not even the good values beside it. */
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 5001, 800, 4000, 3 }, "50.01");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { -1, 800, 4000, 3 }, "-0.01");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, 6000, 4000, 3 }, "EU");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, -800, 4000, 3 }, "-8.00");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, 800, 100001, 3 }, "1000.01 €");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, 800, -4000, 3 }, "-40.00 €");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, 800, 4000, 61 }, "61");
  assert_settings_refused (fixture, &(RelanceCollectionSettings) { 1000, 800, 4000, -1 }, "-1");
  assert_settings (fixture, 5000, 0, 0, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/penalties/interest/rate-change", test_interest_rate_change);
  g_test_add_func ("/penalties/interest/partial-payment", test_interest_partial_payment);
  g_test_add_func ("/penalties/interest/credit-note", test_interest_credit_note);
  g_test_add_func ("/penalties/interest/paid-in-time", test_interest_paid_in_time);
  g_test_add_func ("/penalties/interest/rounding", test_interest_rounding);
  g_test_add_func ("/penalties/interest/before-first-rate", test_interest_before_first_rate);
  g_test_add_func ("/penalties/periods/rate-change", test_periods_rate_change);
  g_test_add_func ("/penalties/periods/rounding", test_periods_rounding);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/penalties/compute", test_compute);
  ADD ("/penalties/compute/later", test_compute_later);
  ADD ("/penalties/compute/paid-late", test_compute_paid_late);
  ADD ("/penalties/compute/disputed", test_compute_disputed);
  ADD ("/penalties/compute/same-rate", test_compute_same_rate);
  ADD ("/penalties/compute/eu", test_compute_eu);
  ADD ("/penalties/compute/settings", test_compute_settings);
  ADD ("/penalties/compute/errors", test_compute_errors);
  ADD ("/penalties/rates-known-until", test_rates_known_until);
  ADD ("/penalties/rates/shipped", test_rates_shipped);
  ADD ("/penalties/rates/edit", test_rates_edit);
  ADD ("/penalties/settings", test_settings);

#undef ADD

  return g_test_run ();
}
