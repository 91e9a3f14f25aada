/* test-worklist.c: the dunning engine, what recording an action does, and
 * promises.
 *
 * Today is Monday 23 November 2026. The standard scenario (the default)
 * has D-3 e-mail, D+3 call, D+15 letter, D+25 call, D+40 formal notice;
 * the firm one D+1 e-mail, D+7 call, D+15 letter, D+30 formal notice;
 * promises have 3 days of grace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database-private.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
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
              const char *code,
              const char *segment)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = code, .segment = segment, .payment_terms = -1 };
  gint64 id = relance_ledger_add_customer (fixture->db, &fields, &error);

  g_assert_no_error (error);
  return id;
}

/* An invoice due @days_overdue days before today (after it if negative). */
static gint64
add_invoice (Fixture    *fixture,
             const char *customer,
             const char *number,
             int         days_overdue,
             gint64      amount)
{
  g_autoptr(GError) error = NULL;
  RelanceDay due = fixture->today - days_overdue;
  RelanceInvoiceFields fields = {
    .customer_code = customer, .number = number,
    .issue_date = due - 30, .due_date = due,
    .amount = amount,
  };
  gint64 id = relance_ledger_add_invoice (fixture->db, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
pay (Fixture    *fixture,
     const char *customer,
     RelanceDay  date,
     gint64      amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (relance_ledger_add_payment (fixture->db, customer, date, amount, NULL,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
}

static RelanceWorkItem *
item_of (Fixture    *fixture,
         gint64      customer_id,
         RelanceDay  date)
{
  g_autoptr(GError) error = NULL;
  RelanceWorkItem *item = relance_worklist_get_item (fixture->db, customer_id, date, &error);

  g_assert_no_error (error);
  return item;
}

static GPtrArray *
compute (Fixture                *fixture,
         RelanceDay              date,
         RelanceWorklistSummary *summary)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = relance_worklist_compute (fixture->db, date, summary, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static RelanceWorkInvoice *
invoice_at (GPtrArray *list,
            guint      index)
{
  g_assert_cmpuint (index, <, list->len);
  return g_ptr_array_index (list, index);
}

static guint
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (fixture->db, sql, NULL);
  gboolean has_row = FALSE;

  g_assert_nonnull (stmt);
  g_assert_true (_relance_database_step (fixture->db, stmt, &has_row, NULL));
  g_assert_true (has_row);
  return (guint)sqlite3_column_int (stmt, 0);
}

static guint
count_actions (Fixture *fixture)
{
  return count_rows (fixture, "SELECT count(*) FROM actions");
}

/* The status the customer's timeline shows for its latest promise. */
static char *
timeline_promise_status (Fixture    *fixture,
                         gint64      customer_id,
                         RelanceDay  date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = relance_desk_get_timeline (fixture->db, customer_id, date, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == RELANCE_TIMELINE_PROMISE)
        return g_strdup (entry->outcome);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceWorkItem, relance_work_item_free)

/* D-3: the preventive e-mail; D-4: nothing yet. */
static void
test_preventive (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 early = add_customer (fixture, "EARLY", NULL);
  gint64 soon = add_customer (fixture, "SOON", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) none = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;

  add_invoice (fixture, "SOON", "F-1", -3, 100000);
  add_invoice (fixture, "EARLY", "F-2", -4, 100000);

  item = item_of (fixture, soon, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_EMAIL);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpint (item->step_offset, ==, -3);
  g_assert_cmpint (item->template_kind, ==, RELANCE_TEMPLATE_PREVENTIVE);
  g_assert_false (item->claims_penalties);
  g_assert_cmpuint (item->invoices->len, ==, 1);
  g_assert_cmpint (invoice_at (item->invoices, 0)->days_overdue, ==, -3);
  g_assert_cmpint (item->oldest_days_overdue, ==, -3);
  g_assert_cmpint (item->amount, ==, 100000);

  text = relance_work_item_describe (item);
  g_assert_cmpstr (text, ==, "D-3 e-mail of Standard scenario");

  none = item_of (fixture, early, fixture->today);
  g_assert_null (none);

  items = compute (fixture, fixture->today, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[0])->customer_id, ==, soon);
}

/* An invoice first seen at D+50 goes straight to the formal notice. */
static void
test_straight_to_formal_notice (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 late = add_customer (fixture, "LATE", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  RelanceWorklistSummary summary;

  add_invoice (fixture, "LATE", "F-50", 50, 250000);

  item = item_of (fixture, late, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (item->step_offset, ==, 40);
  g_assert_cmpint (item->channel, ==, RELANCE_CHANNEL_REGISTERED_LETTER);
  g_assert_cmpint (item->template_kind, ==, RELANCE_TEMPLATE_FORMAL_NOTICE);
  g_assert_true (item->claims_penalties);
  g_assert_cmpint (item->oldest_days_overdue, ==, 50);

  items = compute (fixture, fixture->today, &summary);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_FORMAL_NOTICE], ==, 1);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_CALL], ==, 0);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_EMAIL], ==, 0);
}

/* A letter sent is not asked again; the D+25 call comes in its time. */
static void
test_done_step (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "DONE", NULL);
  g_autoptr(RelanceWorkItem) letter = NULL;
  g_autoptr(RelanceWorkItem) after = NULL;
  g_autoptr(RelanceWorkItem) call = NULL;
  RelanceActionFields fields = { 0 };

  add_invoice (fixture, "DONE", "F-16", 16, 80000);

  letter = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (letter->step_offset, ==, 15);

  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_LETTER;
  fields.date = fixture->today;
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.document = g_bytes_new_static ("%PDF-1.5", 8);
  fields.document_name = "F-16.pdf";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, letter, &error), >, 0);
  g_assert_no_error (error);
  g_bytes_unref (fields.document);

  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'done'"
                                         " AND action_id IS NOT NULL"), ==, 1);
  g_assert_cmpuint (count_rows (fixture, "SELECT length (document) FROM actions"), ==, 8);

  after = item_of (fixture, customer, fixture->today + 8);
  g_assert_null (after);

  call = item_of (fixture, customer, fixture->today + 9);
  g_assert_nonnull (call);
  g_assert_cmpint (call->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (call->step_offset, ==, 25);
}

/* A skipped step is not asked again; a promise cannot be skipped. */
static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "SKIP", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;
  g_autoptr(RelanceWorkItem) after = NULL;
  g_autoptr(RelanceWorkItem) letter = NULL;
  RelanceWorkItem promise = { 0 };

  add_invoice (fixture, "SKIP", "F-5", 5, 30000);

  call = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (call);
  g_assert_cmpint (call->group, ==, RELANCE_WORK_CALL);
  g_assert_true (relance_worklist_skip (fixture->db, call, fixture->today, "  Called by the sales rep  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'skipped'"
                                         " AND reason = 'Called by the sales rep'"), ==, 1);

  after = item_of (fixture, customer, fixture->today + 9);
  g_assert_null (after);
  letter = item_of (fixture, customer, fixture->today + 10);
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->step_offset, ==, 15);

  promise = *letter;
  promise.reason = RELANCE_WORK_REASON_PROMISE_BROKEN;
  promise.step_id = 0;
  g_assert_false (relance_worklist_skip (fixture->db, &promise, fixture->today + 10, NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states"), ==, 1);
}

static void
test_postpone (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "LATER", NULL);
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) back = NULL;
  RelanceWorklistSummary summary;

  add_invoice (fixture, "LATER", "F-5", 5, 30000);

  g_assert_true (relance_worklist_postpone (fixture->db, customer, fixture->today, fixture->today + 2,
                                            "On holiday", &error));
  g_assert_no_error (error);

  today = compute (fixture, fixture->today + 1, &summary);
  g_assert_cmpuint (today->len, ==, 0);
  g_assert_cmpuint (summary.n_customers_postponed, ==, 1);

  back = compute (fixture, fixture->today + 2, &summary);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpuint (summary.n_customers_postponed, ==, 0);

  g_assert_false (relance_worklist_postpone (fixture->db, customer, fixture->today, fixture->today,
                                             NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "must be after 2026-11-23"));
  g_clear_error (&error);

  g_assert_false (relance_worklist_postpone (fixture->db, 999, fixture->today, fixture->today + 1,
                                             NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM postponements"), ==, 1);
}

/* An invoice under dispute is not reminded; it says why. */
static void
test_dispute (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 blocked = add_customer (fixture, "BLOCKED", NULL);
  gint64 mixed = add_customer (fixture, "MIXED", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) mixed_item = NULL;
  g_autoptr(RelanceWorkItem) freed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  RelanceWorklistSummary summary;
  RelanceWorkInvoice *invoice;

  add_invoice (fixture, "BLOCKED", "F-12", 5, 40000);
  add_invoice (fixture, "MIXED", "F-20", 20, 10000);
  add_invoice (fixture, "MIXED", "F-21", 4, 20000);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-12", "B", 0, fixture->today - 2,
                                                "Wrong pallet", &error), >, 0);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-20", "A", 0, fixture->today - 2,
                                                NULL, &error), >, 0);
  g_assert_no_error (error);

  item = item_of (fixture, blocked, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_BLOCKED);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_DISPUTE);
  g_assert_cmpuint (item->invoices->len, ==, 0);
  g_assert_cmpuint (item->blocked->len, ==, 1);
  invoice = invoice_at (item->blocked, 0);
  g_assert_cmpstr (invoice->number, ==, "F-12");
  g_assert_cmpstr (invoice->cause_code, ==, "B");
  g_assert_cmpstr (invoice->department, ==, "Shipping");

  /* The other invoice is reminded at its own step, the disputed one named. */
  mixed_item = item_of (fixture, mixed, fixture->today);
  g_assert_nonnull (mixed_item);
  g_assert_cmpint (mixed_item->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (mixed_item->step_offset, ==, 3);
  g_assert_cmpuint (mixed_item->invoices->len, ==, 1);
  g_assert_cmpstr (invoice_at (mixed_item->invoices, 0)->number, ==, "F-21");
  g_assert_cmpint (mixed_item->amount, ==, 20000);
  g_assert_cmpuint (mixed_item->blocked->len, ==, 1);
  g_assert_cmpstr (invoice_at (mixed_item->blocked, 0)->cause_code, ==, "A");

  items = compute (fixture, fixture->today, &summary);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[0])->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[1])->group, ==, RELANCE_WORK_BLOCKED);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_BLOCKED], ==, 1);

  g_assert_true (relance_ledger_resolve_dispute (fixture->db, "F-12", fixture->today, "Taken back", &error));
  g_assert_no_error (error);
  freed = item_of (fixture, blocked, fixture->today);
  g_assert_nonnull (freed);
  g_assert_cmpint (freed->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpuint (freed->blocked->len, ==, 0);
  g_assert_cmpstr (invoice_at (freed->invoices, 0)->number, ==, "F-12");
}

static gint64
record_promise (Fixture         *fixture,
                gint64           customer,
                RelanceWorkItem *item,
                RelanceDay       on,
                RelanceDay       promised,
                gint64           amount)
{
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };
  gint64 action;

  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = on;
  fields.contact = "Mme Durand";
  fields.outcome = RELANCE_OUTCOME_PROMISE;
  fields.promise_date = promised;
  fields.promise_amount = amount;
  action = relance_actions_record (fixture->db, &fields, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);

  return action;
}

/* Waiting for the day; checking it; a broken promise escalates to a call
 * until a call is made; then the scenario again. */
static void
test_promise (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "PROMISE", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;
  g_autoptr(RelanceWorkItem) due = NULL;
  g_autoptr(RelanceWorkItem) grace = NULL;
  g_autoptr(RelanceWorkItem) broken = NULL;
  g_autoptr(RelanceWorkItem) after_call = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  RelanceWorklistSummary summary;
  RelanceDay promised = fixture->today + 5;
  RelanceActionFields fields = { 0 };
  g_autofree char *pending = NULL;
  g_autofree char *not_kept = NULL;
  gint64 promise_id;

  add_invoice (fixture, "PROMISE", "F-10", 10, 100000);

  call = item_of (fixture, customer, fixture->today - 2);
  g_assert_nonnull (call);
  g_assert_cmpint (call->step_offset, ==, 3);
  record_promise (fixture, customer, call, fixture->today - 2, promised, 50000);
  promise_id = (gint64)count_rows (fixture, "SELECT max (id) FROM promises");
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM promises WHERE made_on IS NOT NULL"), ==, 1);

  waiting = compute (fixture, fixture->today, &summary);
  g_assert_cmpuint (waiting->len, ==, 0);
  g_assert_cmpuint (summary.n_customers_waiting, ==, 1);
  g_assert_cmpint (relance_promise_get_status (fixture->db, promise_id, fixture->today, NULL), ==,
                   RELANCE_PROMISE_PENDING);
  pending = timeline_promise_status (fixture, customer, fixture->today);
  g_assert_cmpstr (pending, ==, "pending");

  due = item_of (fixture, customer, promised);
  g_assert_nonnull (due);
  g_assert_cmpint (due->group, ==, RELANCE_WORK_PROMISE);
  g_assert_cmpint (due->reason, ==, RELANCE_WORK_REASON_PROMISE_DUE);
  g_assert_cmpint (due->promise_id, ==, promise_id);
  g_assert_cmpint (due->promise_date, ==, promised);
  g_assert_cmpint (due->promise_amount, ==, 50000);
  g_assert_cmpint (due->amount, ==, 100000);

  grace = item_of (fixture, customer, promised + 3);
  g_assert_nonnull (grace);
  g_assert_cmpint (grace->reason, ==, RELANCE_WORK_REASON_PROMISE_DUE);

  broken = item_of (fixture, customer, promised + 4);
  g_assert_nonnull (broken);
  g_assert_cmpint (broken->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (broken->reason, ==, RELANCE_WORK_REASON_PROMISE_BROKEN);
  g_assert_cmpint (broken->template_kind, ==, RELANCE_TEMPLATE_BROKEN_PROMISE);
  g_assert_cmpint (broken->step_id, ==, 0);
  g_assert_cmpint (broken->channel, ==, RELANCE_CHANNEL_PHONE);
  g_assert_cmpuint (broken->invoices->len, ==, 1);
  g_assert_cmpint (relance_promise_get_status (fixture->db, promise_id, promised + 4, NULL), ==,
                   RELANCE_PROMISE_BROKEN);
  not_kept = timeline_promise_status (fixture, customer, promised + 4);
  g_assert_cmpstr (not_kept, ==, "broken");

  /* The call after the break: nobody reached, the scenario applies again
   * from the next day (the D+3 call was done by the promise). */
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = promised + 4;
  fields.outcome = RELANCE_OUTCOME_WRONG_CONTACT;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, broken, &error), >, 0);
  g_assert_no_error (error);

  after_call = item_of (fixture, customer, promised + 4);
  g_assert_nonnull (after_call);
  g_assert_cmpint (after_call->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpint (after_call->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (after_call->step_offset, ==, 15);
}

/* A promise kept by a payment: the scenario goes on for what is left. */
static void
test_promise_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "KEPT", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autofree char *kept = NULL;
  RelanceDay promised = fixture->today + 5;
  gint64 promise_id;

  add_invoice (fixture, "KEPT", "F-10", 10, 100000);
  record_promise (fixture, customer, NULL, fixture->today, promised, 50000);
  promise_id = (gint64)count_rows (fixture, "SELECT max (id) FROM promises");

  /* Paid before the promise was made: does not count. */
  pay (fixture, "KEPT", fixture->today - 1, 10000);
  g_assert_cmpint (relance_promise_get_status (fixture->db, promise_id, promised + 4, NULL), ==,
                   RELANCE_PROMISE_BROKEN);

  pay (fixture, "KEPT", promised - 1, 50000);
  g_assert_cmpint (relance_promise_get_status (fixture->db, promise_id, promised - 2, NULL), ==,
                   RELANCE_PROMISE_PENDING);
  g_assert_cmpint (relance_promise_get_status (fixture->db, promise_id, promised, NULL), ==,
                   RELANCE_PROMISE_KEPT);
  kept = timeline_promise_status (fixture, customer, promised);
  g_assert_cmpstr (kept, ==, "kept");

  item = item_of (fixture, customer, promised);
  g_assert_nonnull (item);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (item->amount, ==, 40000);
  g_assert_cmpint (invoice_at (item->invoices, 0)->open, ==, 40000);
}

/* A partial payment lowers what is asked; a credit note settling the
 * invoice takes it off the list. */
static void
test_settled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "PART", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) none = NULL;
  g_autoptr(GPtrArray) allocations = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_allocation_free);
  RelanceInvoiceFields credit = {
    .customer_code = "PART", .number = "AV-1",
    .issue_date = fixture->today - 1, .due_date = fixture->today - 1,
    .amount = 25000, .credit_note = TRUE,
  };
  RelanceAllocation *allocation;
  gint64 invoice, credit_note;

  invoice = add_invoice (fixture, "PART", "F-8", 8, 100000);
  pay (fixture, "PART", fixture->today - 1, 75000);

  item = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->amount, ==, 25000);

  credit_note = relance_ledger_add_invoice (fixture->db, &credit, &error);
  g_assert_no_error (error);
  allocation = g_new0 (RelanceAllocation, 1);
  allocation->invoice_id = invoice;
  allocation->amount = 25000;
  g_ptr_array_add (allocations, allocation);
  g_assert_true (relance_desk_apply_credit_note (fixture->db, credit_note, fixture->today, allocations, &error));
  g_assert_no_error (error);

  none = item_of (fixture, customer, fixture->today);
  g_assert_null (none);
}

/* One item per customer, at its most advanced step, listing every invoice
 * with a step to do. */
static void
test_one_item_per_customer (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "MANY", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;

  add_invoice (fixture, "MANY", "F-5", 5, 10000);
  add_invoice (fixture, "MANY", "F-17", 17, 20000);
  add_invoice (fixture, "MANY", "F-0", -10, 40000);  /* not reached yet */

  item = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (item->step_offset, ==, 15);
  g_assert_cmpuint (item->invoices->len, ==, 2);
  g_assert_cmpint (item->amount, ==, 30000);
  g_assert_cmpint (item->oldest_days_overdue, ==, 17);
  g_assert_cmpstr (invoice_at (item->invoices, 0)->number, ==, "F-17");
  g_assert_cmpstr (invoice_at (item->invoices, 1)->number, ==, "F-5");
  g_assert_cmpint (invoice_at (item->invoices, 0)->step_id, !=, invoice_at (item->invoices, 1)->step_id);

  items = compute (fixture, fixture->today, NULL);
  g_assert_cmpuint (items->len, ==, 1);
}

/* A segment's scenario; the default one otherwise; archived customers and
 * the order of the list. */
static void
test_segment_scenario (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 firm = add_customer (fixture, "FIRM", "Bad payers");
  gint64 standard = add_customer (fixture, "PLAIN", NULL);
  gint64 archived = add_customer (fixture, "GONE", NULL);
  g_autoptr(RelanceWorkItem) firm_item = NULL;
  g_autoptr(RelanceWorkItem) standard_item = NULL;
  g_autoptr(RelanceWorkItem) archived_item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;

  /* No API to give a segment its scenario in this test's ledger layer. */
  g_assert_true (_relance_database_exec (fixture->db,
                                         "UPDATE segments SET scenario_id ="
                                         " (SELECT id FROM scenarios WHERE key = 'firm')"
                                         " WHERE name = 'Bad payers'", NULL));
  add_invoice (fixture, "FIRM", "F-1", 1, 10000);
  add_invoice (fixture, "PLAIN", "F-2", 1, 10000);
  add_invoice (fixture, "GONE", "F-3", 30, 10000);
  g_assert_true (relance_desk_set_archived (fixture->db, archived, TRUE, &error));
  g_assert_no_error (error);

  firm_item = item_of (fixture, firm, fixture->today);
  g_assert_nonnull (firm_item);
  g_assert_cmpint (firm_item->group, ==, RELANCE_WORK_EMAIL);
  g_assert_cmpint (firm_item->step_offset, ==, 1);
  g_assert_cmpint (firm_item->template_kind, ==, RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpstr (firm_item->scenario_name, ==, "Firm");

  /* The default scenario has nothing between D-3 and D+3: the preventive
   * e-mail is still the step reached. */
  standard_item = item_of (fixture, standard, fixture->today);
  g_assert_nonnull (standard_item);
  g_assert_cmpint (standard_item->step_offset, ==, -3);
  g_assert_cmpstr (standard_item->scenario_name, ==, "Standard");

  archived_item = item_of (fixture, archived, fixture->today);
  g_assert_null (archived_item);

  /* Same group and days: by name. */
  items = compute (fixture, fixture->today, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[0])->customer_id, ==, firm);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[1])->customer_id, ==, standard);

  text = relance_work_item_describe (firm_item);
  g_assert_cmpstr (text, ==, "D+1 e-mail of Firm scenario");
}

/* What each outcome leaves behind. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "ACT", NULL);
  gint64 f5, f6;
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) tomorrow = NULL;
  g_autoptr(RelanceWorkItem) later = NULL;
  g_autoptr(RelanceWorkItem) blocked = NULL;
  g_autoptr(RelanceWorkItem) paid = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  RelanceTimelineEntry *entry;
  RelanceActionFields fields = { 0 };
  gint64 action;

  f5 = add_invoice (fixture, "ACT", "F-5", 5, 10000);
  f6 = add_invoice (fixture, "ACT", "F-6", 6, 20000);
  item = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (item);

  /* No answer: tomorrow again, the step still to do. */
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = fixture->today;
  fields.who = "Claire";
  fields.outcome = RELANCE_OUTCOME_NO_ANSWER;
  action = relance_actions_record (fixture->db, &fields, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  g_assert_null (item_of (fixture, customer, fixture->today));
  tomorrow = item_of (fixture, customer, fixture->today + 1);
  g_assert_nonnull (tomorrow);
  g_assert_cmpint (tomorrow->step_offset, ==, 3);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM action_invoices"), ==, 2);

  /* Call back on a day: left alone until then. */
  fields.date = fixture->today + 1;
  fields.outcome = RELANCE_OUTCOME_CALL_BACK;
  fields.call_back_on = fixture->today + 4;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, tomorrow, &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (item_of (fixture, customer, fixture->today + 3));
  later = item_of (fixture, customer, fixture->today + 4);
  g_assert_nonnull (later);
  g_assert_cmpint (later->group, ==, RELANCE_WORK_CALL);

  /* A dispute on the invoice named: opened, and the call step done. */
  fields.date = fixture->today + 4;
  fields.outcome = RELANCE_OUTCOME_DISPUTE;
  fields.invoice_ids = &f6;
  fields.n_invoice_ids = 1;
  fields.dispute_cause_id = 3;
  fields.dispute_amount = 5000;
  fields.dispute_description = "Price agreed on the phone";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, later, &error), >, 0);
  g_assert_no_error (error);
  disputes = relance_desk_list_disputes (fixture->db, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 1);
  g_assert_cmpint (((RelanceDisputeRow *)disputes->pdata[0])->invoice_id, ==, f6);
  g_assert_cmpint (((RelanceDisputeRow *)disputes->pdata[0])->amount, ==, 5000);
  g_assert_cmpstr (((RelanceDisputeRow *)disputes->pdata[0])->cause_code, ==, "C");
  g_assert_null (item_of (fixture, customer, fixture->today + 4));

  /* At the letter step, F-6 is blocked and F-5 gets the letter; the
   * customer says it paid: the step is done. */
  blocked = item_of (fixture, customer, fixture->today + 10);
  g_assert_nonnull (blocked);
  g_assert_cmpint (blocked->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpuint (blocked->invoices->len, ==, 1);
  g_assert_cmpint (invoice_at (blocked->invoices, 0)->invoice_id, ==, f5);
  g_assert_cmpuint (blocked->blocked->len, ==, 1);

  memset (&fields, 0, sizeof fields);
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_EMAIL;
  fields.date = fixture->today + 10;
  fields.outcome = RELANCE_OUTCOME_PAID;
  fields.summary = "Paid yesterday, they say";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, blocked, &error), >, 0);
  g_assert_no_error (error);
  paid = item_of (fixture, customer, fixture->today + 10);
  g_assert_nonnull (paid);
  g_assert_cmpint (paid->group, ==, RELANCE_WORK_BLOCKED);
  g_assert_cmpuint (paid->invoices->len, ==, 0);
  g_assert_cmpint (invoice_at (paid->blocked, 0)->invoice_id, ==, f6);

  timeline = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, RELANCE_TIMELINE_EMAIL);
  g_assert_cmpstr (entry->outcome, ==, "paid");
  g_assert_cmpstr (entry->summary, ==, "Paid yesterday, they say");
  g_assert_cmpstr (entry->invoices, ==, "F-5");
  g_assert_cmpuint (count_actions (fixture), ==, 4);
}

/* Refused actions leave nothing written. */
static void
test_action_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "NO", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  RelanceActionFields fields = { 0 };
  gint64 other;

  add_invoice (fixture, "NO", "F-5", 5, 10000);
  add_customer (fixture, "OTHER", NULL);
  other = add_invoice (fixture, "OTHER", "F-9", 9, 10000);
  item = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (item);

  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = fixture->today;
  fields.outcome = RELANCE_OUTCOME_PROMISE;
  fields.promise_date = fixture->today - 1;
  fields.promise_amount = 10000;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.promise_date = fixture->today + 7;
  fields.promise_amount = 0;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.outcome = RELANCE_OUTCOME_SENT;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.outcome = RELANCE_OUTCOME_DISPUTE;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  fields.outcome = RELANCE_OUTCOME_CALL_BACK;
  fields.call_back_on = fixture->today;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after"));
  g_clear_error (&error);

  /* Another customer's invoice */
  fields.outcome = RELANCE_OUTCOME_NONE;
  fields.invoice_ids = &other;
  fields.n_invoice_ids = 1;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, NULL, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* A dispute that the ledger refuses (beyond the open balance) undoes
   * the action too. */
  fields.invoice_ids = NULL;
  fields.n_invoice_ids = 0;
  fields.outcome = RELANCE_OUTCOME_DISPUTE;
  fields.dispute_cause_id = 1;
  fields.dispute_amount = 99999999;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  memset (&fields, 0, sizeof fields);
  fields.customer_id = 4242;
  fields.kind = RELANCE_ACTION_NOTE;
  fields.date = fixture->today;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, NULL, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (count_actions (fixture), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM promises"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM disputes"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM postponements"), ==, 0);
}

/* A batch of letters is recorded whole or not at all. */
static void
test_record_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = add_customer (fixture, "ONE", NULL);
  gint64 second = add_customer (fixture, "TWO", NULL);
  g_autoptr(RelanceWorkItem) first_item = NULL;
  g_autoptr(RelanceWorkItem) second_item = NULL;
  const RelanceWorkItem *items[2];
  RelanceActionFields fields[2] = { { 0 } };
  gint64 ids[2] = { 0, 0 };
  gint64 foreign;

  add_invoice (fixture, "ONE", "F-1", 20, 10000);
  foreign = add_invoice (fixture, "TWO", "F-2", 20, 20000);
  first_item = item_of (fixture, first, fixture->today);
  second_item = item_of (fixture, second, fixture->today);
  g_assert_nonnull (first_item);
  g_assert_nonnull (second_item);
  items[0] = first_item;
  items[1] = second_item;

  for (guint i = 0; i < 2; i++)
    {
      fields[i].customer_id = i == 0 ? first : second;
      fields[i].kind = RELANCE_ACTION_LETTER;
      fields[i].date = fixture->today;
      fields[i].outcome = RELANCE_OUTCOME_SENT;
      fields[i].summary = "Relance";
    }

  /* The second is about another customer's invoice: neither is written. */
  fields[1].customer_id = first;
  fields[1].invoice_ids = &foreign;
  fields[1].n_invoice_ids = 1;
  g_assert_false (relance_actions_record_many (fixture->db, fields, NULL, 2, ids, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_actions (fixture), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states"), ==, 0);

  /* Both right: both written, and their steps are done. */
  fields[1].customer_id = second;
  fields[1].invoice_ids = NULL;
  fields[1].n_invoice_ids = 0;
  g_assert_true (relance_actions_record_many (fixture->db, fields, items, 2, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ids[0], >, 0);
  g_assert_cmpint (ids[1], >, ids[0]);
  g_assert_cmpuint (count_actions (fixture), ==, 2);
  g_assert_null (item_of (fixture, first, fixture->today));
  g_assert_null (item_of (fixture, second, fixture->today));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  add_customer (fixture, "C", NULL);
  add_invoice (fixture, "C", "F-1", 5, 100);
  g_cancellable_cancel (cancellable);

  items = relance_worklist_compute (fixture->db, fixture->today, NULL, cancellable, &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_names (void)
{
  RelanceOutcome outcome;
  RelanceActionKind kind;

  for (int group = 0; group < RELANCE_WORK_N_GROUPS; group++)
    g_assert_nonnull (relance_work_group_get_label (group));
  g_assert_cmpstr (relance_work_group_to_string (RELANCE_WORK_FORMAL_NOTICE), ==, "registered_letter");
  g_assert_cmpstr (relance_work_group_to_string (RELANCE_WORK_PROMISE), ==, "promise");

  for (int i = RELANCE_OUTCOME_NONE; i <= RELANCE_OUTCOME_REFUSED; i++)
    {
      g_assert_true (relance_outcome_from_string (relance_outcome_to_string (i), &outcome));
      g_assert_cmpint (outcome, ==, i);
    }
  g_assert_true (relance_outcome_from_string ("none", &outcome));
  g_assert_cmpint (outcome, ==, RELANCE_OUTCOME_NONE);
  g_assert_false (relance_outcome_from_string ("maybe", &outcome));

  for (int i = RELANCE_ACTION_CALL; i <= RELANCE_ACTION_VISIT; i++)
    {
      g_assert_true (relance_action_kind_from_string (relance_action_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (relance_action_kind_from_string ("fax", &kind));
  g_assert_false (relance_action_kind_from_string (NULL, &kind));
}

/* A call that found the wrong person: the right one becomes the
 * collections contact with the call, or nothing is written. */
static void
test_wrong_contact (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  gint64 customer = add_customer (fixture, "411W", NULL);
  gint64 other = add_customer (fixture, "411X", NULL);
  RelanceContactFields wrong = { .name = "Accueil", .phone = "01 00 00 00 00", .is_collections = TRUE };
  RelanceContactFields elsewhere = { .name = "Someone else" };
  RelanceContactFields bad = { .name = "Mme Roux", .email = "roux@", .is_collections = TRUE };
  RelanceContactFields right = { .name = "Mme Roux", .phone = "01 23 45 67 89",
                                 .email = "roux@example.invalid", .is_collections = TRUE };
  RelanceActionFields call = {
    .kind = RELANCE_ACTION_CALL, .date = fixture->today,
    .outcome = RELANCE_OUTCOME_WRONG_CONTACT, .contact = "Accueil",
  };
  gint64 wrong_id, elsewhere_id;

  add_invoice (fixture, "411W", "W1", 5, 10000);
  wrong_id = relance_desk_add_contact (fixture->db, customer, &wrong, &error);
  g_assert_no_error (error);
  elsewhere_id = relance_desk_add_contact (fixture->db, other, &elsewhere, &error);
  g_assert_no_error (error);
  item = relance_worklist_get_item (fixture->db, customer, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  call.customer_id = customer;

  /* A bad e-mail address: no call recorded, the contact unchanged. */
  call.right_contact = &bad;
  call.right_contact_id = wrong_id;
  g_assert_cmpint (relance_actions_record (fixture->db, &call, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  /* Another customer's contact is not touched. */
  call.right_contact = &right;
  call.right_contact_id = elsewhere_id;
  g_assert_cmpint (relance_actions_record (fixture->db, &call, item, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_actions (fixture), ==, 0);
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (((RelanceContact *)g_ptr_array_index (contacts, 0))->name, ==, "Accueil");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  call.right_contact_id = wrong_id;
  g_assert_cmpint (relance_actions_record (fixture->db, &call, item, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (fixture), ==, 1);
  contacts = relance_desk_list_contacts (fixture->db, customer, &error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (((RelanceContact *)g_ptr_array_index (contacts, 0))->name, ==, "Mme Roux");
  g_assert_cmpstr (((RelanceContact *)g_ptr_array_index (contacts, 0))->email, ==, "roux@example.invalid");
  g_assert_true (((RelanceContact *)g_ptr_array_index (contacts, 0))->is_collections);

  /* The call is still to be made, with the right person. */
  g_clear_pointer (&item, relance_work_item_free);
  item = relance_worklist_get_item (fixture->db, customer, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/worklist/preventive", test_preventive);
  ADD ("/worklist/straight-to-formal-notice", test_straight_to_formal_notice);
  ADD ("/worklist/done-step", test_done_step);
  ADD ("/worklist/skip", test_skip);
  ADD ("/worklist/postpone", test_postpone);
  ADD ("/worklist/dispute", test_dispute);
  ADD ("/worklist/promise", test_promise);
  ADD ("/worklist/promise-kept", test_promise_kept);
  ADD ("/worklist/settled", test_settled);
  ADD ("/worklist/one-item-per-customer", test_one_item_per_customer);
  ADD ("/worklist/segment-scenario", test_segment_scenario);
  ADD ("/worklist/actions", test_actions);
  ADD ("/worklist/action-refusals", test_action_refusals);
  ADD ("/worklist/record-many", test_record_many);
  ADD ("/worklist/cancel", test_cancel);
  ADD ("/worklist/wrong-contact", test_wrong_contact);
  g_test_add_func ("/worklist/names", test_names);

#undef ADD

  return g_test_run ();
}
