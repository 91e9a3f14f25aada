/* test-desk.c: a customer's page and the edits made from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-customer.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-sample.h"
#include "relance-worklist.h"

typedef struct
{
  RelanceDatabase *db;
  RelanceDay       today;
} Fixture;

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static gint64
add_customer (Fixture    *fixture,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = code, .payment_terms = -1 };
  gint64 id = relance_ledger_add_customer (fixture->db, &fields, &error);

  g_assert_no_error (error);
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
  return id;
}

static GPtrArray *
allocations (gint64 invoice_id,
             gint64 amount,
             ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  va_list args;

  va_start (args, amount);
  while (invoice_id != 0)
    {
      RelanceAllocation *item = g_new0 (RelanceAllocation, 1);

      item->invoice_id = invoice_id;
      item->amount = amount;
      g_ptr_array_add (list, item);
      invoice_id = va_arg (args, gint64);
      if (invoice_id != 0)
        amount = va_arg (args, gint64);
    }
  va_end (args);

  return list;
}

/* The open balance of an invoice (positive also for a credit note). */
static gint64
open_of (Fixture *fixture,
         gint64   invoice_id)
{
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  RelanceInvoiceFields fields;
  gint64 allocated = 0;

  g_assert_true (relance_desk_get_invoice (fixture->db, invoice_id, &fields, &code, &number, &allocated, NULL));
  return fields.amount - allocated;
}

static gint64
cause_id (Fixture    *fixture,
          const char *code)
{
  g_autoptr(GPtrArray) causes = relance_desk_list_causes (fixture->db, NULL);

  g_assert_nonnull (causes);
  for (guint i = 0; i < causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (causes, i);

      if (g_str_equal (cause->code, code))
        return cause->id;
    }

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->today = day ("2026-11-23");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
}

static void
test_payment_allocation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) too_much = NULL;
  g_autoptr(GPtrArray) over_payment = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  RelanceCustomerFigures figures;
  RelancePaymentRow *row;
  gint64 customer = add_customer (fixture, "411C");
  gint64 f1, f2, other;
  gint64 payment;

  add_customer (fixture, "411OTHER");
  /* F2 is listed first but falls due later. */
  f2 = add_invoice (fixture, "411C", "F2", "2026-10-01", "2026-10-31", 50000, FALSE);
  f1 = add_invoice (fixture, "411C", "F1", "2026-09-01", "2026-09-30", 100000, FALSE);
  other = add_invoice (fixture, "411OTHER", "O1", "2026-09-01", "2026-09-30", 10000, FALSE);

  /* 1,200.00 goes to the oldest first: all of F1, 200.00 of F2. */
  proposed = relance_desk_propose_allocation (fixture->db, customer, 120000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposed->len, ==, 2);
  g_assert_cmpstr (((RelanceAllocation *)proposed->pdata[0])->number, ==, "F1");
  g_assert_cmpint (((RelanceAllocation *)proposed->pdata[0])->amount, ==, 100000);
  g_assert_cmpstr (((RelanceAllocation *)proposed->pdata[1])->number, ==, "F2");
  g_assert_cmpint (((RelanceAllocation *)proposed->pdata[1])->amount, ==, 20000);
  g_assert_cmpint (((RelanceAllocation *)proposed->pdata[1])->open, ==, 50000);

  /* More than F2's open balance: refused, nothing written. */
  too_much = allocations (f2, 50001, 0);
  g_assert_cmpint (relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 60000,
                                             "transfer", "", too_much, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2"));
  g_clear_error (&error);

  /* Allocated beyond the payment: refused. */
  over_payment = allocations (f1, 40000, f2, 30000, 0);
  g_assert_cmpint (relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 60000,
                                             "transfer", "", over_payment, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* Another customer's invoice: refused. */
  foreign = allocations (other, 100, 0);
  g_assert_cmpint (relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 60000,
                                             "transfer", "", foreign, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  payments = relance_desk_list_payments (fixture->db, customer, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 0);
  g_clear_pointer (&payments, g_ptr_array_unref);

  /* 1,500.00 paid: 1,000.00 to F1, 200.00 to F2, 300.00 on account. */
  chosen = allocations (f1, 100000, f2, 20000, 0);
  payment = relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 150000,
                                      "cheque", " CHQ 1234 ", chosen, &error);
  g_assert_no_error (error);
  g_assert_cmpint (payment, >, 0);
  g_assert_cmpint (open_of (fixture, f1), ==, 0);
  g_assert_cmpint (open_of (fixture, f2), ==, 30000);

  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.on_account, ==, 30000);
  g_assert_cmpint (figures.balance, ==, 30000);
  g_assert_cmpint (figures.n_open, ==, 1);

  payments = relance_desk_list_payments (fixture->db, customer, 0, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  row = g_ptr_array_index (payments, 0);
  g_assert_cmpint (row->amount, ==, 150000);
  g_assert_cmpint (row->unallocated, ==, 30000);
  g_assert_cmpstr (row->method, ==, "cheque");
  g_assert_cmpstr (row->reference, ==, "CHQ 1234");
  g_assert_nonnull (strstr (row->invoices, "F1"));
  g_assert_nonnull (strstr (row->invoices, "F2"));

  /* Two later payments, each allocated in full: the latest one alone is
   * listed with a limit of 1, and the older one that still has money on
   * account, so that it can be allocated from the customer's page. */
  {
    g_autoptr(GPtrArray) later = allocations (f2, 10000, 0);
    g_autoptr(GPtrArray) latest = allocations (f2, 5000, 0);
    g_autoptr(GPtrArray) limited = NULL;
    gint64 later_id = relance_desk_add_payment (fixture->db, customer, day ("2026-11-10"), 10000,
                                                "transfer", "", later, &error);
    gint64 latest_id;

    g_assert_no_error (error);
    latest_id = relance_desk_add_payment (fixture->db, customer, day ("2026-11-12"), 5000,
                                          "transfer", "", latest, &error);
    g_assert_no_error (error);

    limited = relance_desk_list_payments (fixture->db, customer, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (limited->len, ==, 2);
    g_assert_cmpint (((RelancePaymentRow *)limited->pdata[0])->id, ==, latest_id);
    g_assert_cmpint (((RelancePaymentRow *)limited->pdata[1])->id, ==, payment);
    g_assert_true (relance_desk_delete_payment (fixture->db, later_id, &error));
    g_assert_true (relance_desk_delete_payment (fixture->db, latest_id, &error));
    g_assert_no_error (error);
  }

  /* Deleting the payment opens the invoices again. */
  g_assert_true (relance_desk_delete_payment (fixture->db, payment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, f1), ==, 100000);
  g_assert_cmpint (open_of (fixture, f2), ==, 50000);
}

/* What a payment leaves on account is the same, and no allocation was
 * written: the refusals below write nothing. */
static void
assert_untouched (Fixture *fixture,
                  gint64   customer,
                  gint64   payment,
                  gint64   on_account,
                  guint    n_allocations)
{
  g_autoptr(GPtrArray) written = relance_desk_list_payment_allocations (fixture->db, payment, NULL);
  g_autoptr(RelancePaymentRow) row = relance_desk_get_payment (fixture->db, payment, NULL, NULL);
  RelanceCustomerFigures figures;

  g_assert_nonnull (written);
  g_assert_cmpuint (written->len, ==, n_allocations);
  g_assert_nonnull (row);
  g_assert_cmpint (row->unallocated, ==, on_account);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, NULL));
  g_assert_cmpint (figures.on_account, ==, on_account);
}

static void
refuse_allocation (Fixture    *fixture,
                   gint64      payment,
                   const char *date,
                   GPtrArray  *chosen,
                   int         code,
                   const char *said)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (relance_desk_allocate_payment (fixture->db, payment, date ? day (date) : 0, chosen, &error));
  g_assert_error (error, RELANCE_ERROR, code);
  if (strstr (error->message, said) == NULL)
    g_error ("“%s” does not say “%s”", error->message, said);
}

/* A payment recorded on account, allocated later once the user knows
 * which invoices it pays: in part, then the rest. */
static void
test_allocate_on_account (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) negative = NULL;
  g_autoptr(GPtrArray) zero = NULL;
  g_autoptr(GPtrArray) to_credit_note = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  g_autoptr(GPtrArray) beyond_invoice = NULL;
  g_autoptr(GPtrArray) beyond_payment = NULL;
  g_autoptr(GPtrArray) twice = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(RelancePaymentRow) row = NULL;
  RelanceTimelineEntry *entry = NULL;
  RelanceCustomerFigures figures;
  gint64 customer = add_customer (fixture, "411C");
  gint64 f1, f2, f3, av1, o1;
  gint64 payment;
  gint64 payer = 0;

  add_customer (fixture, "411OTHER");
  f1 = add_invoice (fixture, "411C", "F1", "2026-09-01", "2026-09-30", 100000, FALSE);
  f2 = add_invoice (fixture, "411C", "F2", "2026-10-01", "2026-10-31", 50000, FALSE);
  f3 = add_invoice (fixture, "411C", "F3", "2026-10-15", "2026-11-15", 80000, FALSE);
  av1 = add_invoice (fixture, "411C", "AV1", "2026-10-20", "2026-10-20", 10000, TRUE);
  o1 = add_invoice (fixture, "411OTHER", "O1", "2026-09-01", "2026-09-30", 10000, FALSE);

  /* 1,800.00 received on 2 November, nobody knows yet for what. */
  payment = relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 180000,
                                      "transfer", "VIR 77", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (payment, >, 0);
  row = relance_desk_get_payment (fixture->db, payment, &payer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (payer, ==, customer);
  g_assert_cmpint (row->date, ==, day ("2026-11-02"));
  g_assert_cmpint (row->amount, ==, 180000);
  g_assert_cmpint (row->unallocated, ==, 180000);
  g_assert_cmpstr (row->invoices, ==, "");
  g_clear_pointer (&row, relance_payment_row_free);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_cmpint (figures.on_account, ==, 180000);
  g_assert_cmpint (figures.balance, ==, 220000);
  g_assert_cmpint (figures.overdue, ==, 230000);
  g_assert_cmpint (figures.average_days_late, ==, -1);

  /* Each refusal says why, and writes nothing. */
  negative = allocations (f1, -100, 0);
  refuse_allocation (fixture, payment, "2026-11-02", negative, RELANCE_ERROR_INVALID, "negative");
  zero = allocations (f1, 0, f2, 0, 0);
  refuse_allocation (fixture, payment, "2026-11-02", zero, RELANCE_ERROR_INVALID, "Nothing is allocated");
  refuse_allocation (fixture, payment, "2026-11-02", none, RELANCE_ERROR_INVALID, "Nothing is allocated");
  to_credit_note = allocations (av1, 5000, 0);
  refuse_allocation (fixture, payment, "2026-11-02", to_credit_note, RELANCE_ERROR_INVALID, "AV1 is a credit note");
  foreign = allocations (f1, 1000, o1, 1000, 0);
  refuse_allocation (fixture, payment, "2026-11-02", foreign, RELANCE_ERROR_INVALID, "O1 is another customer’s");
  beyond_invoice = allocations (f2, 50001, 0);
  refuse_allocation (fixture, payment, "2026-11-02", beyond_invoice, RELANCE_ERROR_INVALID,
                     "500.01 € for invoice F2 is more than the 500.00 € still open on it");
  /* Each within its invoice, together beyond the 1,800.00 on account: the
   * first two are not written either. */
  beyond_payment = allocations (f1, 100000, f2, 50000, f3, 30001, 0);
  refuse_allocation (fixture, payment, "2026-11-02", beyond_payment, RELANCE_ERROR_INVALID,
                     "1800.01 € is allocated but only 1800.00 € of this payment is on account");
  twice = allocations (f1, 100, f1, 100, 0);
  refuse_allocation (fixture, payment, "2026-11-02", twice, RELANCE_ERROR_INVALID, "F1 is named twice");
  first = allocations (f1, 100000, 0);
  refuse_allocation (fixture, payment, "2026-11-01", first, RELANCE_ERROR_INVALID,
                     "received on 2026-11-02: it cannot settle invoices before");
  refuse_allocation (fixture, payment, NULL, first, RELANCE_ERROR_INVALID, "date");
  refuse_allocation (fixture, payment + 1000, "2026-11-02", first, RELANCE_ERROR_NOT_FOUND, "no longer exists");
  assert_untouched (fixture, customer, payment, 180000, 0);
  g_assert_cmpint (open_of (fixture, f1), ==, 100000);
  g_assert_cmpint (open_of (fixture, f2), ==, 50000);
  g_assert_cmpint (open_of (fixture, f3), ==, 80000);
  g_assert_cmpint (open_of (fixture, o1), ==, 10000);

  /* In part: F1, once the customer's letter said so on 10 November. */
  g_assert_true (relance_desk_allocate_payment (fixture->db, payment, day ("2026-11-10"), first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, f1), ==, 0);
  assert_untouched (fixture, customer, payment, 80000, 1);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_cmpint (figures.balance, ==, 120000);
  g_assert_cmpint (figures.overdue, ==, 130000);
  g_assert_cmpint (figures.n_open, ==, 2);
  /* F1, due 30 September, counts as paid on the day chosen: 41 days late. */
  g_assert_cmpint (figures.average_days_late, ==, 41);

  /* The rest cannot go beyond the 800.00 left. */
  g_clear_pointer (&beyond_payment, g_ptr_array_unref);
  beyond_payment = allocations (f2, 50000, f3, 30001, 0);
  refuse_allocation (fixture, payment, "2026-11-10", beyond_payment, RELANCE_ERROR_INVALID,
                     "only 800.00 € of this payment is on account");
  assert_untouched (fixture, customer, payment, 80000, 1);

  /* In full: F2 and 300.00 of F3, dated the day the money came. */
  rest = allocations (f2, 50000, f3, 30000, 0);
  g_assert_true (relance_desk_allocate_payment (fixture->db, payment, day ("2026-11-02"), rest, &error));
  g_assert_no_error (error);
  assert_untouched (fixture, customer, payment, 0, 3);
  g_assert_cmpint (open_of (fixture, f2), ==, 0);
  g_assert_cmpint (open_of (fixture, f3), ==, 50000);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_cmpint (figures.balance, ==, 40000);
  g_assert_cmpint (figures.n_open, ==, 1);
  /* F1 41 days late, F2 2 days: 22 on average (43 / 2 rounded). */
  g_assert_cmpint (figures.average_days_late, ==, 22);
  refuse_allocation (fixture, payment, "2026-11-10", first, RELANCE_ERROR_INVALID, "already allocated in full");

  /* The timeline's payment names the invoices it now settles. */
  timeline = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    if (((RelanceTimelineEntry *)timeline->pdata[i])->kind == RELANCE_TIMELINE_PAYMENT)
      entry = timeline->pdata[i];
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->amount, ==, 180000);
  g_assert_cmpstr (entry->invoices, ==, "F1, F2, F3");

  /* Deleted and put back as Undo does: every allocation on its own day. */
  written = relance_desk_list_payment_allocations (fixture->db, payment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 3);
  g_assert_cmpint (((RelanceAllocation *)written->pdata[0])->date, ==, day ("2026-11-10"));
  g_assert_cmpint (((RelanceAllocation *)written->pdata[1])->date, ==, day ("2026-11-02"));
  g_assert_true (relance_desk_delete_payment (fixture->db, payment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, f1), ==, 100000);
  g_assert_cmpint (open_of (fixture, f3), ==, 80000);
  payment = relance_desk_add_payment (fixture->db, customer, day ("2026-11-02"), 180000,
                                      "transfer", "VIR 77", written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (payment, >, 0);
  assert_untouched (fixture, customer, payment, 0, 3);
  g_assert_cmpint (open_of (fixture, f1), ==, 0);
  g_assert_cmpint (open_of (fixture, f3), ==, 50000);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_cmpint (figures.average_days_late, ==, 22);
}

static void
test_credit_note (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  g_autoptr(GPtrArray) to_credit_note = NULL;
  gint64 f1, av1, av2;

  add_customer (fixture, "411C");
  f1 = add_invoice (fixture, "411C", "F1", "2026-09-01", "2026-09-30", 50000, FALSE);
  av1 = add_invoice (fixture, "411C", "AV1", "2026-10-05", "2026-10-05", 30000, TRUE);
  av2 = add_invoice (fixture, "411C", "AV2", "2026-10-06", "2026-10-06", 1000, TRUE);

  /* 200.00 of the 300.00 credit note settles 200.00 of F1. */
  first = allocations (f1, 20000, 0);
  g_assert_true (relance_desk_apply_credit_note (fixture->db, av1, day ("2026-10-06"), first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, f1), ==, 30000);
  g_assert_cmpint (open_of (fixture, av1), ==, 10000);

  /* 150.00 more is beyond the 100.00 left on the credit note. */
  beyond = allocations (f1, 15000, 0);
  g_assert_false (relance_desk_apply_credit_note (fixture->db, av1, day ("2026-10-06"), beyond, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (open_of (fixture, f1), ==, 30000);

  /* A credit note does not settle a credit note, nor is an invoice applied. */
  to_credit_note = allocations (av2, 500, 0);
  g_assert_false (relance_desk_apply_credit_note (fixture->db, av1, day ("2026-10-06"), to_credit_note, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_desk_apply_credit_note (fixture->db, f1, day ("2026-10-06"), first, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* Applied, the invoice and the credit note can no longer be deleted. */
  g_assert_false (relance_desk_delete_invoice (fixture->db, f1, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (relance_desk_delete_invoice (fixture->db, av2, &error));
  g_assert_no_error (error);
}

static gint64
only_dispute (Fixture *fixture,
              gint64   customer,
              char   **status)
{
  g_autoptr(GPtrArray) rows = relance_desk_list_disputes (fixture->db, customer, NULL);
  RelanceDisputeRow *row;

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  *status = g_strdup (row->status);
  return row->id;
}

static void
test_dispute_states (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  RelanceCustomerFigures figures;
  gint64 customer = add_customer (fixture, "411C");
  gint64 f1 = add_invoice (fixture, "411C", "F1", "2026-09-01", "2026-09-30", 50000, FALSE);
  gint64 dispute;

  /* More than is open: refused. */
  g_assert_cmpint (relance_desk_open_dispute (fixture->db, f1, cause_id (fixture, "A"), 50001,
                                              day ("2026-10-10"), "Wrong price", &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* A partial dispute, 120.00 of 500.00. */
  dispute = relance_desk_open_dispute (fixture->db, f1, cause_id (fixture, "A"), 12000,
                                       day ("2026-10-10"), "Wrong price", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dispute, >, 0);
  g_assert_cmpint (only_dispute (fixture, customer, &status), ==, dispute);
  g_assert_cmpstr (status, ==, "open");
  g_clear_pointer (&status, g_free);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, NULL));
  g_assert_cmpint (figures.n_open_disputes, ==, 1);

  /* Cancelled, then opened again (Undo). */
  g_assert_false (relance_desk_cancel_dispute (fixture->db, dispute, day ("2026-10-09"), NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (relance_desk_cancel_dispute (fixture->db, dispute, day ("2026-10-12"), "Withdrawn", &error));
  g_assert_no_error (error);
  only_dispute (fixture, customer, &status);
  g_assert_cmpstr (status, ==, "cancelled");
  g_clear_pointer (&status, g_free);
  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, NULL));
  g_assert_cmpint (figures.n_open_disputes, ==, 0);
  g_assert_false (relance_desk_cancel_dispute (fixture->db, dispute, day ("2026-10-13"), NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (relance_desk_reopen_dispute (fixture->db, dispute, &error));
  g_assert_no_error (error);
  only_dispute (fixture, customer, &status);
  g_assert_cmpstr (status, ==, "open");
  g_clear_pointer (&status, g_free);

  /* Resolved with a credit note of 120.00: a duplicate number or more
   * than the invoice's open balance is refused first. */
  add_invoice (fixture, "411C", "AV-USED", "2026-10-01", "2026-10-01", 100, TRUE);
  g_assert_false (relance_desk_resolve_dispute (fixture->db, dispute, day ("2026-11-02"), "Price corrected",
                                                "av-used", 12000, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (relance_desk_resolve_dispute (fixture->db, dispute, day ("2026-11-02"), "Price corrected",
                                                "AV-F1", 50001, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  only_dispute (fixture, customer, &status);
  g_assert_cmpstr (status, ==, "open");
  g_clear_pointer (&status, g_free);

  g_assert_true (relance_desk_resolve_dispute (fixture->db, dispute, day ("2026-11-02"), "Price corrected",
                                               "AV-F1", 12000, &error));
  g_assert_no_error (error);
  only_dispute (fixture, customer, &status);
  g_assert_cmpstr (status, ==, "resolved");
  g_assert_cmpint (open_of (fixture, f1), ==, 38000);
  g_assert_false (relance_desk_number_is_free (fixture->db, "AV-F1", 0));

  /* A resolved dispute is not resolved again, nor opened again. */
  g_assert_false (relance_desk_resolve_dispute (fixture->db, dispute, day ("2026-11-03"), NULL, NULL, 0, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_desk_reopen_dispute (fixture->db, dispute, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  static const RelanceTimelineKind expected[] = {
    RELANCE_TIMELINE_DISPUTE_RESOLVED,
    RELANCE_TIMELINE_CREDIT_NOTE,
    RELANCE_TIMELINE_DISPUTE_OPENED,
    RELANCE_TIMELINE_PAYMENT,
    RELANCE_TIMELINE_NOTE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GPtrArray) paid = NULL;
  RelanceTimelineEntry *entry;
  gint64 customer = add_customer (fixture, "411T");
  gint64 other = add_customer (fixture, "411OTHER");
  gint64 t1 = add_invoice (fixture, "411T", "T1", "2026-10-01", "2026-10-31", 80000, FALSE);
  gint64 dispute;

  g_assert_cmpint (relance_desk_add_note (fixture->db, customer, day ("2026-11-02"), "   ", &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  relance_desk_add_note (fixture->db, customer, day ("2026-11-02"), "Called the accountant", &error);
  g_assert_no_error (error);
  relance_desk_add_note (fixture->db, other, day ("2026-11-21"), "Not this customer's", &error);
  g_assert_no_error (error);
  paid = allocations (t1, 30000, 0);
  relance_desk_add_payment (fixture->db, customer, day ("2026-11-05"), 30000, "transfer", "VIR 42", paid, &error);
  g_assert_no_error (error);
  dispute = relance_desk_open_dispute (fixture->db, t1, cause_id (fixture, "A"), 10000,
                                       day ("2026-11-10"), "Two lines billed twice", &error);
  g_assert_no_error (error);
  relance_desk_resolve_dispute (fixture->db, dispute, day ("2026-11-20"), "Credit note sent", "AV-T1", 10000, &error);
  g_assert_no_error (error);

  entries = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (((RelanceTimelineEntry *)entries->pdata[i])->kind, ==, expected[i]);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->date, ==, day ("2026-11-20"));
  g_assert_cmpstr (entry->summary, ==, "Credit note sent");
  g_assert_cmpstr (entry->invoices, ==, "T1");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->summary, ==, "AV-T1");
  g_assert_cmpint (entry->amount, ==, 10000);
  g_assert_cmpstr (entry->invoices, ==, "T1");
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->date, ==, day ("2026-11-10"));
  g_assert_cmpstr (entry->summary, ==, "Two lines billed twice");
  g_assert_true (g_str_has_prefix (entry->outcome, "A · "));
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpint (entry->amount, ==, 30000);
  g_assert_cmpstr (entry->summary, ==, "VIR 42");
  g_assert_cmpstr (entry->invoices, ==, "T1");
  entry = g_ptr_array_index (entries, 4);
  g_assert_cmpstr (entry->summary, ==, "Called the accountant");

  latest = relance_desk_get_timeline (fixture->db, customer, fixture->today, 2, &error);
  g_assert_cmpuint (latest->len, ==, 2);
  g_assert_cmpint (((RelanceTimelineEntry *)latest->pdata[1])->kind, ==, RELANCE_TIMELINE_CREDIT_NOTE);
}

/* The sample's history has letters, calls and promises, newest first. */
static void
test_timeline_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceSampleOptions options;
  gboolean seen[RELANCE_TIMELINE_CREDIT_NOTE + 1] = { FALSE };

  relance_sample_options_init (&options, fixture->today);
  options.n_customers = 20;
  options.n_invoices = 400;
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 20; id++)
    {
      g_autoptr(GPtrArray) entries = relance_desk_get_timeline (fixture->db, id, fixture->today, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < entries->len; i++)
        {
          RelanceTimelineEntry *entry = g_ptr_array_index (entries, i);

          seen[entry->kind] = TRUE;
          if (i > 0)
            g_assert_cmpint (entry->date, <=, ((RelanceTimelineEntry *)entries->pdata[i - 1])->date);
          if (entry->kind == RELANCE_TIMELINE_PROMISE)
            g_assert_true (relance_day_is_valid (entry->promised_date));
        }
    }

  g_assert_true (seen[RELANCE_TIMELINE_LETTER]);
  g_assert_true (seen[RELANCE_TIMELINE_CALL]);
  g_assert_true (seen[RELANCE_TIMELINE_PROMISE]);
  g_assert_true (seen[RELANCE_TIMELINE_PAYMENT]);
  g_assert_true (seen[RELANCE_TIMELINE_DISPUTE_OPENED]);

  /* Every sample contact is a Madame or a Monsieur, after their first
   * name: both are seen among 20 customers. */
  {
    guint n_civility[RELANCE_CIVILITY_MONSIEUR + 1] = { 0 };

    for (gint64 id = 1; id <= 20; id++)
      {
        g_autoptr(GPtrArray) contacts = relance_desk_list_contacts (fixture->db, id, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (contacts->len, >=, 1);
        for (guint i = 0; i < contacts->len; i++)
          n_civility[((RelanceContact *)contacts->pdata[i])->civility]++;
      }
    g_assert_cmpuint (n_civility[RELANCE_CIVILITY_NONE], ==, 0);
    g_assert_cmpuint (n_civility[RELANCE_CIVILITY_MADAME], >, 0);
    g_assert_cmpuint (n_civility[RELANCE_CIVILITY_MONSIEUR], >, 0);
  }
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pay_a1 = NULL;
  g_autoptr(GPtrArray) pay_a2 = NULL;
  RelanceCustomerFigures figures;
  gint64 customer = add_customer (fixture, "411D");
  gint64 empty = add_customer (fixture, "411EMPTY");
  gint64 a1, a2;

  a1 = add_invoice (fixture, "411D", "A1", "2026-06-01", "2026-07-01", 100000, FALSE);
  a2 = add_invoice (fixture, "411D", "A2", "2026-07-01", "2026-07-31", 200000, FALSE);
  add_invoice (fixture, "411D", "A3", "2026-08-20", "2026-09-19", 60000, FALSE);
  add_invoice (fixture, "411D", "A4", "2026-10-15", "2026-11-14", 40000, FALSE);
  add_invoice (fixture, "411D", "A5", "2026-11-01", "2026-12-01", 20000, FALSE);

  /* A1 paid 10 days late, A2 10 days early (counts 0): 5 days on average. */
  pay_a1 = allocations (a1, 100000, 0);
  pay_a2 = allocations (a2, 200000, 0);
  relance_desk_add_payment (fixture->db, customer, day ("2026-07-11"), 100000, NULL, NULL, pay_a1, &error);
  g_assert_no_error (error);
  relance_desk_add_payment (fixture->db, customer, day ("2026-07-21"), 200000, NULL, NULL, pay_a2, &error);
  g_assert_no_error (error);
  /* 50.00 received with nothing to settle: on account. */
  relance_desk_add_payment (fixture->db, customer, day ("2026-11-20"), 5000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (relance_desk_get_figures (fixture->db, customer, fixture->today, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.balance, ==, 120000);       /* A3 + A4 + A5 */
  g_assert_cmpint (figures.overdue, ==, 100000);       /* A3 + A4 */
  g_assert_cmpint (figures.n_open, ==, 3);
  g_assert_cmpint (figures.n_overdue, ==, 2);
  g_assert_cmpint (figures.on_account, ==, 5000);
  g_assert_cmpint (figures.average_days_late, ==, 5);
  /* Invoiced in the 90 days after 2026-08-25: A4 + A5 = 600.00;
   * 1,200.00 owed is 180 days of those sales. */
  g_assert_cmpint (figures.dso, ==, 180);
  g_assert_cmpint (figures.credit_limit, ==, -1);
  g_assert_cmpint (figures.n_open_disputes, ==, 0);

  g_assert_true (relance_desk_get_figures (fixture->db, empty, fixture->today, &figures, &error));
  g_assert_cmpint (figures.balance, ==, 0);
  g_assert_cmpint (figures.average_days_late, ==, -1);
  g_assert_cmpint (figures.dso, ==, 0);
}

static void
test_terms (Fixture       *fixture,
            gconstpointer  data)
{
  /* 15 January: 60 days is 16 March, 45 days then end of month is
   * 31 March, end of month then 45 days is 17 March: the cap is 31 March. */
  g_assert_false (relance_desk_terms_exceed_cap (day ("2026-01-15"), day ("2026-03-31")));
  g_assert_true (relance_desk_terms_exceed_cap (day ("2026-01-15"), day ("2026-04-01")));
  /* 30 April: 60 days is 29 June, 45 days EOM is 30 June, EOM + 45 is
   * 14 June. */
  g_assert_false (relance_desk_terms_exceed_cap (day ("2026-04-30"), day ("2026-06-30")));
  g_assert_true (relance_desk_terms_exceed_cap (day ("2026-04-30"), day ("2026-07-01")));

  g_assert_cmpint (relance_desk_propose_due_date (day ("2026-01-15"), 30), ==, day ("2026-02-14"));
  g_assert_cmpint (relance_desk_propose_due_date (day ("2026-01-15"), 0), ==, day ("2026-01-15"));
}

static void
test_contacts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  RelanceContactFields anne = { .name = "Anne Morel", .role = "Accounts payable", .phone = "+33 1 23 45 67 89",
                                .email = "anne@example.fr", .is_collections = TRUE };
  RelanceContactFields paul = { .name = " Paul Roy ", .role = "Buyer", .is_collections = TRUE };
  RelanceContactFields nobody = { .name = "  " };
  RelanceContactFields bad_email = { .name = "X", .email = "not an address" };
  gint64 customer = add_customer (fixture, "411C");
  gint64 a, p;

  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer, &nobody, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer, &bad_email, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  a = relance_desk_add_contact (fixture->db, customer, &anne, &error);
  g_assert_no_error (error);
  /* Paul takes the collections mark from Anne. */
  p = relance_desk_add_contact (fixture->db, customer, &paul, &error);
  g_assert_no_error (error);

  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->id, ==, p);
  g_assert_cmpstr (((RelanceContact *)contacts->pdata[0])->name, ==, "Paul Roy");
  g_assert_true (((RelanceContact *)contacts->pdata[0])->is_collections);
  g_assert_false (((RelanceContact *)contacts->pdata[1])->is_collections);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  anne.role = "Head of accounts";
  g_assert_true (relance_desk_update_contact (fixture->db, a, &anne, &error));
  g_assert_no_error (error);
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->id, ==, a);
  g_assert_cmpstr (((RelanceContact *)contacts->pdata[0])->role, ==, "Head of accounts");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  g_assert_true (relance_desk_delete_contact (fixture->db, p, &error));
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpuint (contacts->len, ==, 1);
}

/* A contact's civility is kept, changed and shown with the name. */
static void
test_contact_civility (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  RelanceContactFields isabelle = { .name = "Isabelle Roux", .is_collections = TRUE,
                                    .civility = RELANCE_CIVILITY_MADAME };
  RelanceContactFields paul = { .name = "Paul Martin" };
  RelanceContactFields wrong = { .name = "X", .civility = (RelanceCivility)7 };
  gint64 customer = add_customer (fixture, "411CIV");
  g_autofree char *madame = relance_contact_dup_display_name (RELANCE_CIVILITY_MADAME, "Isabelle Roux");
  g_autofree char *monsieur = relance_contact_dup_display_name (RELANCE_CIVILITY_MONSIEUR, "Paul Martin");
  g_autofree char *none = relance_contact_dup_display_name (RELANCE_CIVILITY_NONE, "Paul Martin");
  RelanceCivility civility = RELANCE_CIVILITY_NONE;
  gint64 i, p;

  /* What people type, and what is stored. */
  g_assert_true (relance_civility_from_string ("Mme", &civility));
  g_assert_cmpint (civility, ==, RELANCE_CIVILITY_MADAME);
  g_assert_true (relance_civility_from_string (" MONSIEUR ", &civility));
  g_assert_cmpint (civility, ==, RELANCE_CIVILITY_MONSIEUR);
  g_assert_true (relance_civility_from_string ("M.", &civility));
  g_assert_cmpint (civility, ==, RELANCE_CIVILITY_MONSIEUR);
  g_assert_true (relance_civility_from_string ("", &civility));
  g_assert_cmpint (civility, ==, RELANCE_CIVILITY_NONE);
  g_assert_false (relance_civility_from_string ("Docteur", &civility));
  g_assert_cmpstr (relance_civility_to_string (RELANCE_CIVILITY_MADAME), ==, "madame");
  g_assert_cmpstr (relance_civility_to_string (RELANCE_CIVILITY_NONE), ==, "");
  /* The test runs untranslated: English abbreviations. */
  g_assert_cmpstr (madame, ==, "Ms Isabelle Roux");
  g_assert_cmpstr (monsieur, ==, "Mr Paul Martin");
  g_assert_cmpstr (none, ==, "Paul Martin");

  g_assert_cmpint (relance_desk_add_contact (fixture->db, customer, &wrong, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  i = relance_desk_add_contact (fixture->db, customer, &isabelle, &error);
  g_assert_no_error (error);
  p = relance_desk_add_contact (fixture->db, customer, &paul, &error);
  g_assert_no_error (error);
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->id, ==, i);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->civility, ==, RELANCE_CIVILITY_MADAME);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[1])->civility, ==, RELANCE_CIVILITY_NONE);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* Paul is a Monsieur after all; Isabelle's civility taken off. */
  paul.civility = RELANCE_CIVILITY_MONSIEUR;
  g_assert_true (relance_desk_update_contact (fixture->db, p, &paul, &error));
  isabelle.civility = RELANCE_CIVILITY_NONE;
  g_assert_true (relance_desk_update_contact (fixture->db, i, &isabelle, &error));
  g_assert_no_error (error);
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[0])->civility, ==, RELANCE_CIVILITY_NONE);
  g_assert_cmpint (((RelanceContact *)contacts->pdata[1])->civility, ==, RELANCE_CIVILITY_MONSIEUR);
}

static gint64
record_call (Fixture        *fixture,
             gint64          customer,
             const char     *date,
             RelanceOutcome  outcome,
             const char     *contact,
             const char     *summary,
             gboolean        incoming,
             GError        **error)
{
  RelanceActionFields fields = {
    .customer_id = customer, .kind = RELANCE_ACTION_CALL, .date = day (date), .who = "Claire Morel",
    .contact = contact, .outcome = outcome, .summary = summary, .incoming = incoming,
  };

  return relance_actions_record (fixture->db, &fields, NULL, error);
}

static RelanceTimelineEntry *
find_entry (GPtrArray  *entries,
            gint64      id,
            RelanceTimelineKind kind)
{
  for (guint i = 0; i < entries->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->id == id && entry->kind == kind)
        return entry;
    }
  g_assert_not_reached ();
}

static gint64
count_actions (Fixture *fixture,
               gint64   customer)
{
  g_autoptr(GPtrArray) entries = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, NULL);
  gint64 n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += ((RelanceTimelineEntry *)entries->pdata[i])->kind == RELANCE_TIMELINE_CALL;
  return n;
}

/* Every call keeps who was reached, what was said and what came of it;
 * an incoming call is kept as such; no answer reads as an attempt; the
 * promises show kept and broken, with amount and day. */
static void
test_calls_timeline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) paid = NULL;
  gint64 customer = add_customer (fixture, "411CALL");
  gint64 f1 = add_invoice (fixture, "411CALL", "F1", "2026-09-01", "2026-10-01", 80000, FALSE);
  gint64 no_answer, reached, refused, kept_call, broken_call;
  RelanceTimelineEntry *entry;
  RelanceActionFields promise = {
    .customer_id = customer, .kind = RELANCE_ACTION_CALL, .who = "Claire Morel",
    .contact = "Isabelle Roux", .outcome = RELANCE_OUTCOME_PROMISE,
  };
  RelanceActionFields incoming_note = {
    .customer_id = customer, .kind = RELANCE_ACTION_NOTE, .date = day ("2026-11-03"),
    .summary = "Called us", .incoming = TRUE,
  };
  char *text;

  no_answer = record_call (fixture, customer, "2026-11-02", RELANCE_OUTCOME_NO_ANSWER, "Isabelle Roux", NULL,
                           FALSE, &error);
  g_assert_no_error (error);
  reached = record_call (fixture, customer, "2026-11-03", RELANCE_OUTCOME_REACHED, "Isabelle Roux",
                         "Invoice received, waiting for the manager's signature", FALSE, &error);
  g_assert_no_error (error);
  refused = record_call (fixture, customer, "2026-11-04", RELANCE_OUTCOME_REFUSED, "Paul Martin",
                         "Will not pay before the site is finished", TRUE, &error);
  g_assert_no_error (error);

  /* Kept: 300,00 € promised on 5 November for the 10th, 300,00 € paid
   * on the 9th (30000 >= 30000). */
  promise.date = day ("2026-11-05");
  promise.promise_date = day ("2026-11-10");
  promise.promise_amount = 30000;
  kept_call = relance_actions_record (fixture->db, &promise, NULL, &error);
  g_assert_no_error (error);
  paid = allocations (f1, 30000, 0);
  relance_desk_add_payment (fixture->db, customer, day ("2026-11-09"), 30000, "transfer", "VIR 9", paid, &error);
  g_assert_no_error (error);
  /* Broken: 500,00 € promised on the 12th for the 16th; nothing paid
   * since; the 3 days' grace end on the 19th, before the 23rd. */
  promise.date = day ("2026-11-12");
  promise.promise_date = day ("2026-11-16");
  promise.promise_amount = 50000;
  broken_call = relance_actions_record (fixture->db, &promise, NULL, &error);
  g_assert_no_error (error);

  /* Only a call comes from the customer: nothing written. */
  g_assert_cmpint (relance_actions_record (fixture->db, &incoming_note, NULL, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_actions (fixture, customer), ==, 5);

  entries = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, &error);
  g_assert_no_error (error);

  entry = find_entry (entries, no_answer, RELANCE_TIMELINE_CALL);
  g_assert_cmpstr (entry->outcome, ==, "no_answer");
  g_assert_cmpstr (entry->contact, ==, "Isabelle Roux");
  g_assert_false (entry->incoming);
  text = relance_desk_describe_call (entry);
  g_assert_cmpstr (text, ==, "No answer from Isabelle Roux");
  g_free (text);

  entry = find_entry (entries, reached, RELANCE_TIMELINE_CALL);
  g_assert_cmpstr (entry->outcome, ==, "reached");
  g_assert_cmpstr (entry->who, ==, "Claire Morel");
  g_assert_cmpstr (entry->summary, ==, "Invoice received, waiting for the manager's signature");
  text = relance_desk_describe_call (entry);
  g_assert_cmpstr (text, ==, "Call with Isabelle Roux: spoken to, nothing promised");
  g_free (text);

  entry = find_entry (entries, refused, RELANCE_TIMELINE_CALL);
  g_assert_cmpstr (entry->outcome, ==, "refused");
  g_assert_cmpstr (entry->contact, ==, "Paul Martin");
  g_assert_cmpstr (entry->summary, ==, "Will not pay before the site is finished");
  g_assert_true (entry->incoming);
  text = relance_desk_describe_call (entry);
  g_assert_cmpstr (text, ==, "Incoming call from Paul Martin: refuses to pay, without disputing");
  g_free (text);

  entry = find_entry (entries, kept_call, RELANCE_TIMELINE_CALL);
  text = relance_desk_describe_call (entry);
  g_assert_cmpstr (text, ==, "Call with Isabelle Roux: promise to pay");
  g_free (text);

  /* The promises, on the day of their call, with amount and day. */
  for (guint i = 0; i < entries->len; i++)
    {
      entry = g_ptr_array_index (entries, i);
      if (entry->kind != RELANCE_TIMELINE_PROMISE)
        continue;
      if (entry->date == day ("2026-11-05"))
        {
          g_assert_cmpstr (entry->outcome, ==, "kept");
          g_assert_cmpint (entry->amount, ==, 30000);
          g_assert_cmpint (entry->promised_date, ==, day ("2026-11-10"));
        }
      else
        {
          g_assert_cmpint (entry->date, ==, day ("2026-11-12"));
          g_assert_cmpstr (entry->outcome, ==, "broken");
          g_assert_cmpint (entry->amount, ==, 50000);
          g_assert_cmpint (entry->promised_date, ==, day ("2026-11-16"));
          g_assert_cmpstr (entry->contact, ==, "Isabelle Roux");
        }
    }
  g_assert_cmpint (broken_call, >, kept_call);
}

static void
test_delete_customer (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCustomerDetails) details = NULL;
  gint64 with_invoices = add_customer (fixture, "411KEEP");
  gint64 without = add_customer (fixture, "411GONE");
  gboolean archived = FALSE;

  add_invoice (fixture, "411KEEP", "K1", "2026-09-01", "2026-09-30", 1000, FALSE);

  g_assert_true (relance_desk_delete_customer (fixture->db, with_invoices, &archived, &error));
  g_assert_no_error (error);
  g_assert_true (archived);
  details = relance_desk_get_customer (fixture->db, with_invoices, &error);
  g_assert_no_error (error);
  g_assert_true (details->archived);

  g_assert_true (relance_desk_set_archived (fixture->db, with_invoices, FALSE, &error));
  g_clear_pointer (&details, relance_customer_details_free);
  details = relance_desk_get_customer (fixture->db, with_invoices, &error);
  g_assert_false (details->archived);

  /* Edited: terms, a credit limit, a segment; the code stays. */
  {
    RelanceCustomerFields fields = { .name = " Keep & Co ", .city = "Lyon", .segment = "Key accounts",
                                     .payment_terms = 45 };
    RelanceCustomerFields bad = { .name = "", .payment_terms = -1 };

    g_assert_false (relance_desk_update_customer (fixture->db, with_invoices, &bad, -1, &error));
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (relance_desk_update_customer (fixture->db, with_invoices, &fields, 500000, &error));
    g_assert_no_error (error);
    g_clear_pointer (&details, relance_customer_details_free);
    details = relance_desk_get_customer (fixture->db, with_invoices, &error);
    g_assert_cmpstr (details->code, ==, "411KEEP");
    g_assert_cmpstr (details->name, ==, "Keep & Co");
    g_assert_cmpstr (details->city, ==, "Lyon");
    g_assert_cmpstr (details->segment, ==, "Key accounts");
    g_assert_cmpint (details->payment_terms, ==, 45);
    g_assert_cmpint (details->credit_limit, ==, 500000);
  }

  g_assert_true (relance_desk_delete_customer (fixture->db, without, &archived, &error));
  g_assert_false (archived);
  g_assert_null (relance_desk_get_customer (fixture->db, without, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

static void
test_update_invoice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paid = NULL;
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  gint64 customer = add_customer (fixture, "411C");
  gint64 f1 = add_invoice (fixture, "411C", "F1", "2026-09-01", "2026-09-30", 50000, FALSE);
  RelanceInvoiceFields fields = { .number = "F1-bis", .issue_date = day ("2026-09-02"),
                                  .due_date = day ("2026-10-02"), .amount = 45000 };

  add_invoice (fixture, "411C", "F2", "2026-09-01", "2026-09-30", 50000, FALSE);
  paid = allocations (f1, 40000, 0);
  relance_desk_add_payment (fixture->db, customer, day ("2026-10-01"), 40000, NULL, NULL, paid, &error);
  g_assert_no_error (error);

  g_assert_true (relance_desk_number_is_free (fixture->db, "F1", f1));
  g_assert_false (relance_desk_number_is_free (fixture->db, "f2", f1));

  fields.number = "F2";
  g_assert_false (relance_desk_update_invoice (fixture->db, f1, &fields, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);

  fields.number = "F1-bis";
  fields.amount = 39999;
  g_assert_false (relance_desk_update_invoice (fixture->db, f1, &fields, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.due_date = day ("2026-09-01");
  fields.amount = 45000;
  g_assert_false (relance_desk_update_invoice (fixture->db, f1, &fields, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.due_date = day ("2026-10-02");
  g_assert_true (relance_desk_update_invoice (fixture->db, f1, &fields, &error));
  g_assert_no_error (error);
  g_assert_true (relance_desk_get_invoice (fixture->db, f1, &fields, &code, &number, NULL, &error));
  g_assert_cmpstr (number, ==, "F1-bis");
  g_assert_cmpint (fields.amount, ==, 45000);
  g_assert_cmpint (open_of (fixture, f1), ==, 5000);

  /* Down to what was paid: settled. */
  fields.amount = 40000;
  g_assert_true (relance_desk_update_invoice (fixture->db, f1, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, f1), ==, 0);
}

static char *
listed (RelanceListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (RELANCE_IS_INVOICE (item))
        g_string_append (out, relance_invoice_get_number (RELANCE_INVOICE (item)));
      else
        g_string_append (out, relance_customer_get_code (RELANCE_CUSTOMER (item)));
    }

  return g_string_free (out, FALSE);
}

#define ASSERT_LISTED(model, expected) G_STMT_START { \
  g_autofree char *got = listed (model); \
  g_assert_cmpstr (got, ==, expected); \
} G_STMT_END

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceListModel) customers = NULL;
  g_autoptr(RelanceListModel) invoices = NULL;
  RelanceCustomerFields key = { .code = "411A", .name = "A", .segment = "Key accounts", .payment_terms = -1 };
  RelanceListTotals totals;
  gint64 b, d2;

  relance_ledger_add_customer (fixture->db, &key, &error);
  g_assert_no_error (error);
  b = add_customer (fixture, "411B");
  add_customer (fixture, "411C");

  /* Today is 2026-11-23. */
  add_invoice (fixture, "411A", "D1", "2026-10-01", "2026-11-13", 10000, FALSE);   /* 10 days overdue */
  d2 = add_invoice (fixture, "411A", "D2", "2026-08-01", "2026-08-15", 20000, FALSE); /* 100 days */
  add_invoice (fixture, "411A", "D3", "2026-11-10", "2026-12-10", 40000, FALSE);   /* not due */
  add_invoice (fixture, "411B", "D4", "2026-09-01", "2026-10-01", 80000, FALSE);   /* paid below */
  add_invoice (fixture, "411C", "D5", "2026-09-10", "2026-10-10", 16000, FALSE);   /* 44 days, disputed */
  add_invoice (fixture, "411C", "AV1", "2026-11-01", "2026-11-01", 1000, TRUE);
  {
    g_autoptr(GPtrArray) all = relance_desk_propose_allocation (fixture->db, b, 80000, &error);

    relance_desk_add_payment (fixture->db, b, day ("2026-10-02"), 80000, NULL, NULL, all, &error);
    g_assert_no_error (error);
  }
  relance_ledger_open_dispute (fixture->db, "D5", "B", 0, day ("2026-11-01"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d2, >, 0);

  invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  relance_list_model_set_sort (invoices, "number", FALSE);
  ASSERT_LISTED (invoices, "AV1 D1 D2 D3 D4 D5");

  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_OVERDUE);
  ASSERT_LISTED (invoices, "D1 D2");
  g_assert_true (relance_list_model_get_totals (invoices, &totals));
  g_assert_cmpuint (totals.count, ==, 2);
  g_assert_cmpint (totals.total, ==, 30000);
  g_assert_cmpint (totals.overdue, ==, 30000);
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_DISPUTED);
  ASSERT_LISTED (invoices, "D5");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_PAID);
  ASSERT_LISTED (invoices, "D4");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_OPEN);
  ASSERT_LISTED (invoices, "AV1 D3");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_ANY);

  relance_list_model_set_age_bucket (invoices, RELANCE_AGE_1_30);
  ASSERT_LISTED (invoices, "D1");
  relance_list_model_set_age_bucket (invoices, RELANCE_AGE_31_60);
  ASSERT_LISTED (invoices, "D5");
  relance_list_model_set_age_bucket (invoices, RELANCE_AGE_OVER_90);
  ASSERT_LISTED (invoices, "D2");
  relance_list_model_set_age_bucket (invoices, RELANCE_AGE_NOT_DUE);
  ASSERT_LISTED (invoices, "D3");
  relance_list_model_set_age_bucket (invoices, -1);

  relance_list_model_set_issue_range (invoices, day ("2026-09-01"), day ("2026-10-01"));
  ASSERT_LISTED (invoices, "D1 D4 D5");
  relance_list_model_set_issue_range (invoices, 0, day ("2026-08-31"));
  ASSERT_LISTED (invoices, "D2");
  relance_list_model_set_issue_range (invoices, 0, 0);

  /* All: 100 + 200 + 400 + 0 + 160 - 10 open, of which 100 + 200 + 160 overdue. */
  g_assert_true (relance_list_model_get_totals (invoices, &totals));
  g_assert_cmpuint (totals.count, ==, 6);
  g_assert_cmpint (totals.total, ==, 85000);
  g_assert_cmpint (totals.overdue, ==, 46000);

  customers = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, fixture->today);
  ASSERT_LISTED (customers, "411A 411B 411C");
  relance_list_model_set_segment (customers, "Key accounts");
  ASSERT_LISTED (customers, "411A");
  relance_list_model_set_segment (customers, NULL);
  relance_list_model_set_open_dispute_only (customers, TRUE);
  ASSERT_LISTED (customers, "411C");
  relance_list_model_set_open_dispute_only (customers, FALSE);
  relance_desk_set_archived (fixture->db, b, TRUE, &error);
  relance_list_model_reload (customers);
  ASSERT_LISTED (customers, "411A 411C");
  relance_list_model_set_archived (customers, TRUE);
  ASSERT_LISTED (customers, "411B");
  relance_list_model_set_archived (customers, FALSE);
  g_assert_true (relance_list_model_get_totals (customers, &totals));
  g_assert_cmpuint (totals.count, ==, 2);
  g_assert_cmpint (totals.total, ==, 85000);
  g_assert_cmpint (totals.overdue, ==, 46000);
}

/* An invoice a customer promised on the phone to pay is "promised" until
 * the promised date plus the grace days pass; then it is overdue again.
 * The customers list shows the last action. */
static void
test_list_promised (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceListModel) invoices = NULL;
  g_autoptr(RelanceListModel) customers = NULL;
  g_autoptr(RelanceInvoice) first = NULL;
  g_autoptr(RelanceCustomer) customer = NULL;
  gint64 a = add_customer (fixture, "411A");
  gint64 p1 = add_invoice (fixture, "411A", "P1", "2026-09-01", "2026-10-01", 10000, FALSE);
  gint64 action;
  RelanceActionFields call = {
    .customer_id = a, .kind = RELANCE_ACTION_CALL, .date = day ("2026-11-20"),
    .contact = "Mme Durand", .outcome = RELANCE_OUTCOME_PROMISE, .summary = "Paiement vendredi",
    .invoice_ids = &p1, .n_invoice_ids = 1,
    .promise_date = day ("2026-11-27"), .promise_amount = 10000,
  };

  add_invoice (fixture, "411A", "P2", "2026-09-01", "2026-10-01", 20000, FALSE);
  action = relance_actions_record (fixture->db, &call, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);

  invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  relance_list_model_set_sort (invoices, "number", FALSE);
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_PROMISED);
  ASSERT_LISTED (invoices, "P1");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_OVERDUE);
  ASSERT_LISTED (invoices, "P2");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_ANY);
  first = g_list_model_get_item (G_LIST_MODEL (invoices), 0);
  g_assert_cmpint (relance_invoice_get_status (first), ==, RELANCE_INVOICE_STATUS_PROMISED);
  g_clear_object (&first);
  g_clear_object (&invoices);

  /* The promised 27 November, plus 3 days of grace, has passed on 1 December. */
  invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, day ("2026-12-01"));
  relance_list_model_set_sort (invoices, "number", FALSE);
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_PROMISED);
  ASSERT_LISTED (invoices, "");
  relance_list_model_set_status (invoices, RELANCE_LIST_STATUS_OVERDUE);
  ASSERT_LISTED (invoices, "P1 P2");

  customers = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, fixture->today);
  customer = g_list_model_get_item (G_LIST_MODEL (customers), 0);
  g_assert_cmpint (relance_customer_get_last_action_date (customer), ==, day ("2026-11-20"));
  g_assert_cmpstr (relance_customer_get_last_action_kind (customer), ==, "call");
  /* Next: the promised payment, until a sooner call back is planned. */
  g_assert_cmpint (relance_customer_get_next_action_date (customer), ==, day ("2026-11-27"));
  g_assert_cmpstr (relance_customer_get_next_action_kind (customer), ==, "promise");
  g_clear_object (&customer);

  g_assert_true (relance_worklist_postpone (fixture->db, a, fixture->today, day ("2026-11-25"),
                                            "Rappeler la comptable", &error));
  g_assert_no_error (error);
  relance_list_model_reload (customers);
  customer = g_list_model_get_item (G_LIST_MODEL (customers), 0);
  g_assert_cmpint (relance_customer_get_next_action_date (customer), ==, day ("2026-11-25"));
  g_assert_cmpstr (relance_customer_get_next_action_kind (customer), ==, "postponed");
  g_assert_cmpstr (relance_customer_get_next_action_note (customer), ==, "Rappeler la comptable");
  g_clear_object (&customer);

  /* Customers sort by what is planned next, then by their last action. */
  add_customer (fixture, "411B");
  relance_list_model_set_sort (customers, "next-action", FALSE);
  ASSERT_LISTED (customers, "411A 411B");
  relance_list_model_set_sort (customers, "next-action", TRUE);
  ASSERT_LISTED (customers, "411B 411A");
  relance_list_model_set_sort (customers, "last-action", TRUE);
  ASSERT_LISTED (customers, "411A 411B");
  g_clear_object (&customers);

  /* Seen from 28 November, nothing is planned any more. */
  customers = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, day ("2026-11-28"));
  customer = g_list_model_get_item (G_LIST_MODEL (customers), 0);
  g_assert_cmpint (relance_customer_get_next_action_date (customer), ==, 0);
  g_assert_cmpstr (relance_customer_get_next_action_kind (customer), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/payment-allocation", test_payment_allocation);
  ADD ("/desk/allocate-on-account", test_allocate_on_account);
  ADD ("/desk/credit-note", test_credit_note);
  ADD ("/desk/dispute-states", test_dispute_states);
  ADD ("/desk/timeline", test_timeline);
  ADD ("/desk/timeline-sample", test_timeline_sample);
  ADD ("/desk/figures", test_figures);
  ADD ("/desk/terms", test_terms);
  ADD ("/desk/contacts", test_contacts);
  ADD ("/desk/contact-civility", test_contact_civility);
  ADD ("/desk/calls-timeline", test_calls_timeline);
  ADD ("/desk/delete-customer", test_delete_customer);
  ADD ("/desk/update-invoice", test_update_invoice);
  ADD ("/desk/list-filters", test_list_filters);
  ADD ("/desk/list-promised", test_list_promised);

#undef ADD

  return g_test_run ();
}
