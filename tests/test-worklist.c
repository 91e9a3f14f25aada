/* test-worklist.c: the dunning engine, what recording an action does, and
 * promises.
 *
 * Today is Monday 23 November 2026. The standard scenario (the default)
 * has D-3 e-mail, D+3 call, D+15 letter, D+25 call, D+40 formal notice,
 * whose fewest days after the step before (migration 5: the gaps of the
 * offsets) are 0, 3, 12, 10 and 15; the firm one D+1 e-mail, D+7 call,
 * D+15 letter, D+30 formal notice (gaps 1, 6, 8, 15); promises have 3 days
 * of grace. A step is due on max (due date + offset, day the step before
 * was done or skipped + gap).
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

/* Marks the steps of invoice @number's standard scenario from offset
 * @from to @to as done on @date (without an action: the history of a
 * ledger kept before). */
static void
mark_done (Fixture    *fixture,
           const char *number,
           int         from,
           int         to,
           RelanceDay  date)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (fixture->db,
    "INSERT INTO step_states (invoice_id, step_id, state, date)"
    " SELECT i.id, s.id, 'done', ?4"
    " FROM invoices i, scenario_steps s JOIN scenarios c ON c.id = s.scenario_id"
    " WHERE i.number = ?1 AND c.key = 'standard' AND s.offset_days BETWEEN ?2 AND ?3", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, date);
  g_assert_true (_relance_database_run (fixture->db, stmt, NULL));
}

/* Records an action about the invoices of @item, or about invoice
 * @invoice_id when @item is NULL (0: about no invoice). */
static gint64
record (Fixture         *fixture,
        gint64           customer,
        RelanceWorkItem *item,
        gint64           invoice_id,
        RelanceActionKind kind,
        RelanceOutcome   outcome,
        RelanceDay       date)
{
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };
  gint64 action;

  fields.customer_id = customer;
  fields.kind = kind;
  fields.date = date;
  fields.outcome = outcome;
  if (item == NULL && invoice_id != 0)
    {
      fields.invoice_ids = &invoice_id;
      fields.n_invoice_ids = 1;
    }
  action = relance_actions_record (fixture->db, &fields, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  return action;
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

/* A customer nobody ever contacted, 45 days late: the D+3 call comes
 * first (a late step is done late, never skipped), not the formal notice
 * whose day (D+40) has come. Due 2026-10-09; the call was due on
 * 2026-10-12. */
static void
test_never_contacted (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 late = add_customer (fixture, "LATE", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  RelanceWorklistSummary summary;

  add_invoice (fixture, "LATE", "F-45", 45, 250000);

  item = item_of (fixture, late, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpint (item->step_offset, ==, 3);
  g_assert_cmpint (item->channel, ==, RELANCE_CHANNEL_PHONE);
  g_assert_cmpint (item->template_kind, ==, RELANCE_TEMPLATE_CALL);
  g_assert_cmpint (item->substitute, ==, RELANCE_WORK_SUBSTITUTE_NONE);
  g_assert_false (item->claims_penalties);
  g_assert_false (relance_work_item_is_urgent (item));
  g_assert_cmpint (item->oldest_days_overdue, ==, 45);
  g_assert_cmpint (item->step_due, ==, day ("2026-10-12"));
  g_assert_cmpint (invoice_at (item->invoices, 0)->step_due, ==, day ("2026-10-12"));
  /* 2 500,00 EUR x 45 days = 250000 x 45 = 11 250 000 cent-days */
  g_assert_cmpint (item->stake, ==, 11250000);
  text = relance_work_item_describe (item);
  g_assert_cmpstr (text, ==, "D+3 call of Standard scenario");

  items = compute (fixture, fixture->today, &summary);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_FORMAL_NOTICE], ==, 0);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_CALL], ==, 1);
}

/* At D+15 with the D+3 call never made, the call comes first, not the
 * D+15 letter (due 2026-11-08, the call was due on 2026-11-11). */
static void
test_call_before_letter (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "D15", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;

  add_invoice (fixture, "D15", "F-15", 15, 60000);

  item = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (item);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (item->step_offset, ==, 3);
  g_assert_cmpint (item->step_due, ==, day ("2026-11-11"));
}

/* Re-timing after a late step. Due 2026-11-07 (D+16 today): the D+3 call,
 * due on 2026-11-10, is made late today (X = 2026-11-23, someone reached).
 * The D+15 letter is then due on max (11-07 + 15 = 11-22, X + 12 = 12-05)
 * = 2026-12-05, not at once. Sent that day, the D+25 call is due on
 * max (11-07 + 25 = 12-02, 12-05 + 10 = 12-15) = 2026-12-15. */
static void
test_retiming (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "DONE", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;
  g_autoptr(RelanceWorkItem) early = NULL;
  g_autoptr(RelanceWorkItem) letter = NULL;
  g_autoptr(RelanceWorkItem) after = NULL;
  g_autoptr(RelanceWorkItem) second = NULL;
  RelanceActionFields fields = { 0 };

  add_invoice (fixture, "DONE", "F-16", 16, 80000);

  call = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (call);
  g_assert_cmpint (call->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (call->step_offset, ==, 3);
  g_assert_cmpint (call->step_due, ==, day ("2026-11-10"));

  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = fixture->today;
  fields.outcome = RELANCE_OUTCOME_REACHED;
  fields.contact = "M. Petit";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, call, &error), >, 0);
  g_assert_no_error (error);

  early = item_of (fixture, customer, day ("2026-12-04"));
  g_assert_null (early);
  letter = item_of (fixture, customer, day ("2026-12-05"));
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (letter->step_offset, ==, 15);
  g_assert_cmpint (letter->step_due, ==, day ("2026-12-05"));

  memset (&fields, 0, sizeof fields);
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_LETTER;
  fields.date = day ("2026-12-05");
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.document = g_bytes_new_static ("%PDF-1.5", 8);
  fields.document_name = "F-16.pdf";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, letter, &error), >, 0);
  g_assert_no_error (error);
  g_bytes_unref (fields.document);

  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'done'"
                                         " AND action_id IS NOT NULL"), ==, 2);
  g_assert_cmpuint (count_rows (fixture, "SELECT length (document) FROM actions WHERE kind = 'letter'"), ==, 8);

  after = item_of (fixture, customer, day ("2026-12-14"));
  g_assert_null (after);
  second = item_of (fixture, customer, day ("2026-12-15"));
  g_assert_nonnull (second);
  g_assert_cmpint (second->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (second->step_offset, ==, 25);
  g_assert_cmpint (second->step_due, ==, day ("2026-12-15"));
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
  g_autoptr(GPtrArray) timeline = NULL;
  RelanceWorkItem promise = { 0 };

  add_invoice (fixture, "SKIP", "F-5", 5, 30000);

  call = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (call);
  g_assert_cmpint (call->group, ==, RELANCE_WORK_CALL);
  g_assert_true (relance_worklist_skip (fixture->db, call, fixture->today, "  Called by the sales rep  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'skipped'"
                                         " AND reason = 'Called by the sales rep'"), ==, 1);
  /* The customer's history says so, with the reason. */
  timeline = relance_desk_get_timeline (fixture->db, customer, fixture->today, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpint (((RelanceTimelineEntry *)timeline->pdata[0])->kind, ==, RELANCE_TIMELINE_NOTE);
  g_assert_cmpstr (((RelanceTimelineEntry *)timeline->pdata[0])->summary, ==,
                   "Step skipped: D+3 call of Standard scenario. Called by the sales rep");

  /* Due 2026-11-18; skipped today: the letter is due on
   * max (11-18 + 15 = 12-03, 11-23 + 12 = 12-05). */
  after = item_of (fixture, customer, day ("2026-12-04"));
  g_assert_null (after);
  letter = item_of (fixture, customer, day ("2026-12-05"));
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->step_offset, ==, 15);

  promise = *letter;
  promise.reason = RELANCE_WORK_REASON_PROMISE_BROKEN;
  promise.step_id = 0;
  g_assert_false (relance_worklist_skip (fixture->db, &promise, day ("2026-12-05"), NULL, &error));
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

  /* The worklist of the day before the postponement was decided does not
   * follow it: on 2026-11-22 F-5 is 5 + (-1) = 4 days late, its call of
   * D+3 is due, and the customer is not postponed yet. */
  {
    g_autoptr(GPtrArray) before = compute (fixture, fixture->today - 1, &summary);

    g_assert_cmpuint (before->len, ==, 1);
    g_assert_cmpuint (summary.n_customers_postponed, ==, 0);
  }

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
   * (the D+3 call was done by the promise on 11-21): due 11-13, the
   * letter is due on max (11-13 + 15 = 11-28, 11-21 + 12 = 12-03). */
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = promised + 4;
  fields.outcome = RELANCE_OUTCOME_WRONG_CONTACT;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, broken, &error), >, 0);
  g_assert_no_error (error);

  g_assert_null (item_of (fixture, customer, day ("2026-12-02")));
  after_call = item_of (fixture, customer, day ("2026-12-03"));
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

  /* The promise was not made on a worklist item: the D+3 call is still
   * the next step; the kept promise is shown with it. */
  item = item_of (fixture, customer, promised);
  g_assert_nonnull (item);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (item->promise_id, ==, promise_id);
  g_assert_cmpint (item->promise_status, ==, RELANCE_PROMISE_KEPT);
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
 * with a step to do; a formal-notice item lists only the invoices whose
 * next step is the formal notice. */
static void
test_one_item_per_customer (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "MANY", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) notice = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 f17, f50;
  RelanceActionFields fields = { 0 };

  add_invoice (fixture, "MANY", "F-5", 5, 10000);
  f17 = add_invoice (fixture, "MANY", "F-17", 17, 20000);
  add_invoice (fixture, "MANY", "F-0", -10, 40000);  /* not reached yet */

  /* F-17's call was made on 2026-11-09 (its D+3 was 11-09): its letter
   * is due on max (11-06 + 15 = 11-21, 11-09 + 12 = 11-21). */
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = day ("2026-11-09");
  fields.outcome = RELANCE_OUTCOME_REACHED;
  fields.invoice_ids = &f17;
  fields.n_invoice_ids = 1;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, NULL, &error), >, 0);
  g_assert_no_error (error);
  mark_done (fixture, "F-17", 3, 3, day ("2026-11-09"));

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

  /* F-50, 50 days late, its steps done (a letter and a call recorded):
   * the formal notice, due on max (10-04 + 40 = 11-13, 10-29 + 15 = 11-13), lists
   * F-50 only; F-5 and F-17 wait for another day. */
  f50 = add_invoice (fixture, "MANY", "F-50", 50, 90000);
  fields.date = day ("2026-10-20");
  fields.invoice_ids = &f50;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, NULL, &error), >, 0);
  fields.kind = RELANCE_ACTION_LETTER;
  fields.outcome = RELANCE_OUTCOME_SENT;
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, NULL, &error), >, 0);
  g_assert_no_error (error);
  mark_done (fixture, "F-50", 1, 39, day ("2026-10-29"));
  notice = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (notice);
  g_assert_cmpint (notice->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (notice->step_due, ==, day ("2026-11-13"));
  g_assert_cmpuint (notice->invoices->len, ==, 1);
  g_assert_cmpstr (invoice_at (notice->invoices, 0)->number, ==, "F-50");
  g_assert_cmpint (notice->amount, ==, 90000);
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
  add_invoice (fixture, "FIRM", "F-1", 1, 30000);
  add_invoice (fixture, "PLAIN", "F-2", 3, 10000);
  add_invoice (fixture, "GONE", "F-3", 30, 10000);
  g_assert_true (relance_desk_set_archived (fixture->db, archived, TRUE, &error));
  g_assert_no_error (error);

  firm_item = item_of (fixture, firm, fixture->today);
  g_assert_nonnull (firm_item);
  g_assert_cmpint (firm_item->group, ==, RELANCE_WORK_EMAIL);
  g_assert_cmpint (firm_item->step_offset, ==, 1);
  g_assert_cmpint (firm_item->template_kind, ==, RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpstr (firm_item->scenario_name, ==, "Firm");

  standard_item = item_of (fixture, standard, fixture->today);
  g_assert_nonnull (standard_item);
  g_assert_cmpint (standard_item->step_offset, ==, 3);
  g_assert_cmpstr (standard_item->scenario_name, ==, "Standard");

  archived_item = item_of (fixture, archived, fixture->today);
  g_assert_null (archived_item);

  /* The same stake (300,00 EUR x 1 day = 100,00 EUR x 3 days = 30 000
   * cent-days): the most days late first. */
  items = compute (fixture, fixture->today, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[0])->customer_id, ==, standard);
  g_assert_cmpint (((RelanceWorkItem *)items->pdata[1])->customer_id, ==, firm);

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

  /* Call back on a day: left alone until then, the call still to do. */
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = fixture->today;
  fields.who = "Claire";
  fields.outcome = RELANCE_OUTCOME_CALL_BACK;
  fields.call_back_on = fixture->today + 3;
  action = relance_actions_record (fixture->db, &fields, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM action_invoices"), ==, 2);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states"), ==, 0);
  g_assert_null (item_of (fixture, customer, fixture->today + 2));
  later = item_of (fixture, customer, fixture->today + 3);
  g_assert_nonnull (later);
  g_assert_cmpint (later->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (later->step_offset, ==, 3);

  /* A dispute on the invoice named (2026-11-26): opened, and the call
   * step done for both. */
  fields.date = fixture->today + 3;
  fields.outcome = RELANCE_OUTCOME_DISPUTE;
  fields.invoice_ids = &f6;
  fields.n_invoice_ids = 1;
  fields.dispute_cause_id = 3;
  fields.dispute_amount = 5000;
  fields.dispute_description = "Price agreed on the phone";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, later, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'done'"), ==, 2);
  disputes = relance_desk_list_disputes (fixture->db, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 1);
  g_assert_cmpint (((RelanceDisputeRow *)disputes->pdata[0])->invoice_id, ==, f6);
  g_assert_cmpint (((RelanceDisputeRow *)disputes->pdata[0])->amount, ==, 5000);
  g_assert_cmpstr (((RelanceDisputeRow *)disputes->pdata[0])->cause_code, ==, "C");
  g_assert_null (item_of (fixture, customer, fixture->today + 3));

  /* The letters are due on max (11-18 + 15, 11-26 + 12) = 2026-12-08:
   * F-6 is blocked and F-5 gets the letter; the customer says it paid:
   * the step is done. */
  g_assert_null (item_of (fixture, customer, day ("2026-12-07")));
  blocked = item_of (fixture, customer, day ("2026-12-08"));
  g_assert_nonnull (blocked);
  g_assert_cmpint (blocked->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpuint (blocked->invoices->len, ==, 1);
  g_assert_cmpint (invoice_at (blocked->invoices, 0)->invoice_id, ==, f5);
  g_assert_cmpuint (blocked->blocked->len, ==, 1);

  memset (&fields, 0, sizeof fields);
  fields.customer_id = customer;
  fields.kind = RELANCE_ACTION_EMAIL;
  fields.date = day ("2026-12-08");
  fields.outcome = RELANCE_OUTCOME_PAID;
  fields.summary = "Paid yesterday, they say";
  g_assert_cmpint (relance_actions_record (fixture->db, &fields, blocked, &error), >, 0);
  g_assert_no_error (error);
  paid = item_of (fixture, customer, day ("2026-12-08"));
  g_assert_nonnull (paid);
  g_assert_cmpint (paid->group, ==, RELANCE_WORK_BLOCKED);
  g_assert_cmpuint (paid->invoices->len, ==, 0);
  g_assert_cmpint (invoice_at (paid->blocked, 0)->invoice_id, ==, f6);

  timeline = relance_desk_get_timeline (fixture->db, customer, day ("2026-12-08"), 0, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, RELANCE_TIMELINE_EMAIL);
  g_assert_cmpstr (entry->outcome, ==, "paid");
  g_assert_cmpstr (entry->summary, ==, "Paid yesterday, they say");
  g_assert_cmpstr (entry->invoices, ==, "F-5");
  g_assert_cmpuint (count_actions (fixture), ==, 3);
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

/* The formal notice after a letter and a call nobody answered. Due
 * 2026-10-13 (D+41 today): the D+3 call made on 10-16, nobody answered
 * (an attempt: the step is done); the D+15 letter due on
 * max (10-28, 10-16 + 12 = 10-28), sent that day; the D+25 call due on
 * max (11-07, 10-28 + 10 = 11-07), unanswered again; the formal notice due
 * on max (10-13 + 40 = 11-22, 11-07 + 15 = 11-22). */
static void
test_formal_notice_after_letter_and_call (Fixture       *fixture,
                                          gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "NOTICE", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;
  g_autoptr(RelanceWorkItem) letter = NULL;
  g_autoptr(RelanceWorkItem) call2 = NULL;
  g_autoptr(RelanceWorkItem) notice = NULL;

  add_invoice (fixture, "NOTICE", "F-41", 41, 150000);

  call = item_of (fixture, customer, day ("2026-10-16"));
  g_assert_nonnull (call);
  g_assert_cmpint (call->step_offset, ==, 3);
  record (fixture, customer, call, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_NO_ANSWER, day ("2026-10-16"));

  g_assert_null (item_of (fixture, customer, day ("2026-10-27")));
  letter = item_of (fixture, customer, day ("2026-10-28"));
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->step_offset, ==, 15);
  record (fixture, customer, letter, 0, RELANCE_ACTION_LETTER, RELANCE_OUTCOME_SENT, day ("2026-10-28"));

  call2 = item_of (fixture, customer, day ("2026-11-07"));
  g_assert_nonnull (call2);
  g_assert_cmpint (call2->step_offset, ==, 25);
  record (fixture, customer, call2, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_NO_ANSWER, day ("2026-11-07"));

  g_assert_null (item_of (fixture, customer, day ("2026-11-21")));
  notice = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (notice);
  g_assert_cmpint (notice->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (notice->step_offset, ==, 40);
  g_assert_cmpint (notice->substitute, ==, RELANCE_WORK_SUBSTITUTE_NONE);
  g_assert_cmpint (notice->template_kind, ==, RELANCE_TEMPLATE_FORMAL_NOTICE);
  g_assert_cmpint (notice->step_due, ==, day ("2026-11-22"));
  g_assert_true (notice->claims_penalties);
  g_assert_true (relance_work_item_is_urgent (notice));
  g_assert_cmpint (invoice_at (notice->invoices, 0)->step_id, ==, notice->step_id);
}

/* The formal notice's day came, but no call was ever made: a call
 * instead ("Call before the formal notice"), which does not do the
 * formal-notice step; then the formal notice. The steps of F-41 (due
 * 2026-10-13) up to D+25 are done on 11-07 without a call: a letter was
 * sent on 10-28. */
static void
test_substitute_call (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "NOCALL", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;
  g_autoptr(RelanceWorkItem) notice = NULL;
  g_autofree char *text = NULL;
  RelanceWorkInvoice *invoice;
  gint64 f41;

  f41 = add_invoice (fixture, "NOCALL", "F-41", 41, 150000);
  record (fixture, customer, NULL, f41, RELANCE_ACTION_LETTER, RELANCE_OUTCOME_SENT, day ("2026-10-28"));
  mark_done (fixture, "F-41", 1, 25, day ("2026-11-07"));

  call = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (call);
  g_assert_cmpint (call->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (call->channel, ==, RELANCE_CHANNEL_PHONE);
  g_assert_cmpint (call->template_kind, ==, RELANCE_TEMPLATE_CALL);
  g_assert_cmpint (call->substitute, ==, RELANCE_WORK_SUBSTITUTE_CALL);
  g_assert_cmpint (call->step_id, ==, 0);
  g_assert_false (relance_work_item_is_urgent (call));
  invoice = invoice_at (call->invoices, 0);
  g_assert_cmpint (invoice->step_id, ==, 0);
  g_assert_cmpint (invoice->next_step_id, !=, 0);
  text = relance_work_item_describe (call);
  g_assert_cmpstr (text, ==, "Call before the formal notice");

  /* A call made before the due date does not count. */
  record (fixture, customer, NULL, f41, RELANCE_ACTION_CALL, RELANCE_OUTCOME_REACHED, day ("2026-10-12"));
  g_clear_pointer (&call, relance_work_item_free);
  call = item_of (fixture, customer, fixture->today);
  g_assert_cmpint (call->substitute, ==, RELANCE_WORK_SUBSTITUTE_CALL);

  /* The call, someone reached: the formal-notice step is not done by it;
   * the formal notice is re-timed from the call like from a step:
   * due on max (11-22, 11-23 + 15 = 12-08). */
  record (fixture, customer, call, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_REACHED, fixture->today);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states s JOIN scenario_steps t"
                                         " ON t.id = s.step_id WHERE t.offset_days = 40"), ==, 0);
  g_assert_null (item_of (fixture, customer, day ("2026-12-07")));
  notice = item_of (fixture, customer, day ("2026-12-08"));
  g_assert_nonnull (notice);
  g_assert_cmpint (notice->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (notice->substitute, ==, RELANCE_WORK_SUBSTITUTE_NONE);
}

/* Called but never written to: a letter (second reminder) before the
 * formal notice, which does not do the formal-notice step either. A call
 * about no invoice in particular counts for every invoice. */
static void
test_substitute_letter (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "NOLETTER", NULL);
  g_autoptr(RelanceWorkItem) letter = NULL;
  g_autoptr(RelanceWorkItem) notice = NULL;
  g_autofree char *text = NULL;

  add_invoice (fixture, "NOLETTER", "F-41", 41, 150000);
  record (fixture, customer, NULL, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_NO_ANSWER, day ("2026-10-16"));
  mark_done (fixture, "F-41", 1, 25, day ("2026-11-07"));

  letter = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->group, ==, RELANCE_WORK_LETTER);
  g_assert_cmpint (letter->channel, ==, RELANCE_CHANNEL_LETTER);
  g_assert_cmpint (letter->template_kind, ==, RELANCE_TEMPLATE_SECOND_REMINDER);
  g_assert_cmpint (letter->substitute, ==, RELANCE_WORK_SUBSTITUTE_LETTER);
  text = relance_work_item_describe (letter);
  g_assert_cmpstr (text, ==, "Letter before the formal notice");

  record (fixture, customer, letter, 0, RELANCE_ACTION_LETTER, RELANCE_OUTCOME_SENT, fixture->today);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states s JOIN scenario_steps t"
                                         " ON t.id = s.step_id WHERE t.offset_days = 40"), ==, 0);
  /* Due on max (11-22, 11-23 + 15 = 12-08). */
  g_assert_null (item_of (fixture, customer, day ("2026-12-07")));
  notice = item_of (fixture, customer, day ("2026-12-08"));
  g_assert_nonnull (notice);
  g_assert_cmpint (notice->group, ==, RELANCE_WORK_FORMAL_NOTICE);
}

/* A formal notice sent on purpose (never called, D+20): its step is done
 * and the steps before it not done are skipped with the reason; nothing
 * is asked after it. */
static void
test_formal_notice_now (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "NOW", NULL);
  gint64 written = add_customer (fixture, "WRITTEN", NULL);
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceWorkItem) letter_only = NULL;
  RelanceWorkSubstitute missing = RELANCE_WORK_SUBSTITUTE_NONE;
  gint64 w1;

  /* F-20 overdue, F-9 under dispute (left out), F-0 not yet due. */
  add_invoice (fixture, "NOW", "F-20", 20, 70000);
  add_invoice (fixture, "NOW", "F-9", 9, 5000);
  add_invoice (fixture, "NOW", "F-0", -4, 8000);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-9", "A", 0, fixture->today - 1, NULL, &error), >, 0);
  g_assert_no_error (error);

  item = relance_worklist_get_formal_notice_item (fixture->db, customer, fixture->today, &missing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpint (missing, ==, RELANCE_WORK_SUBSTITUTE_CALL);   /* never called */
  g_assert_cmpint (item->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (item->template_kind, ==, RELANCE_TEMPLATE_FORMAL_NOTICE);
  g_assert_true (item->claims_penalties);
  g_assert_cmpuint (item->invoices->len, ==, 1);
  g_assert_cmpstr (invoice_at (item->invoices, 0)->number, ==, "F-20");
  g_assert_cmpint (item->amount, ==, 70000);

  /* Called, never written to: the letter is what is missing. */
  w1 = add_invoice (fixture, "WRITTEN", "W-1", 12, 1000);
  record (fixture, written, NULL, w1, RELANCE_ACTION_CALL, RELANCE_OUTCOME_REFUSED, fixture->today - 2);
  letter_only = relance_worklist_get_formal_notice_item (fixture->db, written, fixture->today, &missing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter_only);
  g_assert_cmpint (missing, ==, RELANCE_WORK_SUBSTITUTE_LETTER);

  record (fixture, customer, item, 0, RELANCE_ACTION_FORMAL_NOTICE, RELANCE_OUTCOME_SENT, fixture->today);

  /* D-3, D+3, D+15, D+25 skipped; D+40 done */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states WHERE state = 'skipped'"
                                         " AND reason = 'A formal notice was sent'"), ==, 4);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_states s JOIN scenario_steps t"
                                         " ON t.id = s.step_id WHERE s.state = 'done'"
                                         " AND t.template = 'formal_notice' AND s.action_id IS NOT NULL"), ==, 1);
  /* A month later, only F-0 (now late) has steps to do. */
  {
    g_autoptr(RelanceWorkItem) later = item_of (fixture, customer, fixture->today + 30);

    g_assert_nonnull (later);
    for (guint i = 0; i < later->invoices->len; i++)
      g_assert_cmpstr (invoice_at (later->invoices, i)->number, ==, "F-0");
  }
}

/* Which call outcomes do the call step: an attempt does (reached,
 * refused, no answer), "call back" and "wrong contact" do not; an attempt
 * does not do a letter step. */
static void
test_call_outcomes (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *code; RelanceOutcome outcome; guint done; } cases[] = {
    { "REACHED", RELANCE_OUTCOME_REACHED, 1 },
    { "REFUSED", RELANCE_OUTCOME_REFUSED, 1 },
    { "NOANSWER", RELANCE_OUTCOME_NO_ANSWER, 1 },
    { "CALLBACK", RELANCE_OUTCOME_CALL_BACK, 0 },
    { "WRONG", RELANCE_OUTCOME_WRONG_CONTACT, 0 },
  };
  g_autoptr(GError) error = NULL;
  gint64 letter_customer;
  g_autoptr(RelanceWorkItem) letter = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RelanceWorkItem) item = NULL;
      g_autofree char *number = g_strdup_printf ("F-%s", cases[i].code);
      g_autofree char *sql = NULL;
      gint64 customer = add_customer (fixture, cases[i].code, NULL);
      RelanceActionFields fields = { 0 };

      add_invoice (fixture, cases[i].code, number, 5, 10000);
      item = item_of (fixture, customer, fixture->today);
      g_assert_nonnull (item);
      fields.customer_id = customer;
      fields.kind = RELANCE_ACTION_CALL;
      fields.date = fixture->today;
      fields.outcome = cases[i].outcome;
      fields.call_back_on = fixture->today + 2;
      g_assert_cmpint (relance_actions_record (fixture->db, &fields, item, &error), >, 0);
      g_assert_no_error (error);
      sql = g_strdup_printf ("SELECT count(*) FROM step_states s JOIN invoices i ON i.id = s.invoice_id"
                             " WHERE i.number = '%s' AND s.state = 'done'", number);
      g_assert_cmpuint (count_rows (fixture, sql), ==, cases[i].done);
    }

  /* At the letter step (its call done), a call nobody answered leaves the
   * letter to send. */
  letter_customer = add_customer (fixture, "LETTER", NULL);
  add_invoice (fixture, "LETTER", "F-L", 16, 10000);
  mark_done (fixture, "F-L", 3, 3, day ("2026-11-10"));
  letter = item_of (fixture, letter_customer, fixture->today);
  g_assert_cmpint (letter->group, ==, RELANCE_WORK_LETTER);
  record (fixture, letter_customer, letter, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_NO_ANSWER, fixture->today);
  g_clear_pointer (&letter, relance_work_item_free);
  letter = item_of (fixture, letter_customer, fixture->today + 1);
  g_assert_nonnull (letter);
  g_assert_cmpint (letter->group, ==, RELANCE_WORK_LETTER);
}

/* The priority on a hand-made ledger, today 2026-11-23:
 *   BIG       3 000,00 EUR, 10 days late, call:  300000 x 10  =  3 000 000
 *   OLD         500,00 EUR, 100 days late, call:  50000 x 100 =  5 000 000
 *   BROKEN      100,00 EUR, 20 days late, promise of 11-15 broken
 *               (grace to 11-18), urgent:         10000 x 20  =    200 000
 *   NOTICE      200,00 EUR, 50 days late, formal notice due,
 *               urgent:                           20000 x 50  =  1 000 000
 *   DISPUTED 10 000,00 EUR under dispute: blocked, last.
 * Order: NOTICE, BROKEN (urgent, by stake), OLD, BIG, DISPUTED. */
static void
test_priority (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 big = add_customer (fixture, "BIG", NULL);
  gint64 old = add_customer (fixture, "OLD", NULL);
  gint64 broken = add_customer (fixture, "BROKEN", NULL);
  gint64 notice = add_customer (fixture, "NOTICE", NULL);
  gint64 disputed = add_customer (fixture, "DISPUTED", NULL);
  g_autoptr(GPtrArray) items = NULL;
  gint64 f50;
  RelanceWorkItem *item;

  add_invoice (fixture, "BIG", "F-BIG", 10, 300000);
  add_invoice (fixture, "OLD", "F-OLD", 100, 50000);
  add_invoice (fixture, "BROKEN", "F-BROKEN", 20, 10000);
  record_promise (fixture, broken, NULL, day ("2026-11-13"), day ("2026-11-15"), 10000);
  f50 = add_invoice (fixture, "NOTICE", "F-NOTICE", 50, 20000);
  record (fixture, notice, NULL, f50, RELANCE_ACTION_CALL, RELANCE_OUTCOME_NO_ANSWER, day ("2026-10-10"));
  record (fixture, notice, NULL, f50, RELANCE_ACTION_LETTER, RELANCE_OUTCOME_SENT, day ("2026-10-20"));
  mark_done (fixture, "F-NOTICE", 1, 39, day ("2026-10-29"));
  add_invoice (fixture, "DISPUTED", "F-DISPUTED", 60, 1000000);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-DISPUTED", "A", 0, day ("2026-10-01"),
                                                NULL, &error), >, 0);
  g_assert_no_error (error);

  items = compute (fixture, fixture->today, NULL);
  g_assert_cmpuint (items->len, ==, 5);

  item = items->pdata[0];
  g_assert_cmpint (item->customer_id, ==, notice);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_FORMAL_NOTICE);
  g_assert_cmpint (item->stake, ==, 1000000);
  item = items->pdata[1];
  g_assert_cmpint (item->customer_id, ==, broken);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_PROMISE_BROKEN);
  g_assert_cmpint (item->stake, ==, 200000);
  item = items->pdata[2];
  g_assert_cmpint (item->customer_id, ==, old);
  g_assert_cmpint (item->stake, ==, 5000000);
  item = items->pdata[3];
  g_assert_cmpint (item->customer_id, ==, big);
  g_assert_cmpint (item->stake, ==, 3000000);
  item = items->pdata[4];
  g_assert_cmpint (item->customer_id, ==, disputed);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_BLOCKED);

  g_assert_cmpint (relance_work_item_compare_priority (items->pdata[2], items->pdata[3]), <, 0);
  g_assert_cmpint (relance_work_item_compare_priority (items->pdata[3], items->pdata[1]), >, 0);
  g_assert_cmpint (relance_work_item_compare_priority (items->pdata[0], items->pdata[0]), ==, 0);
}

/* The worklist of a past day counts only what was dated by then. Today
 * 2026-11-23: F-1 (1 000,00 EUR, due 11-03) was paid in full on 11-18;
 * F-2 (400,00 EUR, due 11-05) was disputed on 11-20; F-3 was issued on
 * 11-14 (due 11-15); the D+3 call about F-1 and F-2 was made on 11-10.
 * On 2026-11-09 none of that had happened: F-1 and F-2 are to be called,
 * 1 400,00 EUR, 6 and 4 days late, and F-3 does not exist. Today: F-1
 * paid; F-2's letter, due on max (11-05 + 15 = 11-20, 11-10 + 12 = 11-22),
 * blocked by its dispute; F-3 (8 days late) to be called. */
static void
test_past_day (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (fixture, "PAST", NULL);
  g_autoptr(RelanceWorkItem) now = NULL;
  g_autoptr(RelanceWorkItem) then = NULL;
  g_autoptr(RelanceWorkItem) before_call = NULL;
  RelanceInvoiceFields late_invoice = {
    .customer_code = "PAST", .number = "F-3",
    .issue_date = day ("2026-11-14"), .due_date = day ("2026-11-15"), .amount = 30000,
  };
  RelanceDay past = day ("2026-11-09");

  add_invoice (fixture, "PAST", "F-1", 20, 100000);
  add_invoice (fixture, "PAST", "F-2", 18, 40000);
  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &late_invoice, &error), >, 0);
  g_assert_no_error (error);

  before_call = item_of (fixture, customer, day ("2026-11-10"));
  g_assert_nonnull (before_call);
  g_assert_cmpuint (before_call->invoices->len, ==, 2);
  record (fixture, customer, before_call, 0, RELANCE_ACTION_CALL, RELANCE_OUTCOME_REACHED, day ("2026-11-10"));
  pay (fixture, "PAST", day ("2026-11-18"), 100000);
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-2", "B", 0, day ("2026-11-20"),
                                                NULL, &error), >, 0);
  g_assert_no_error (error);

  then = item_of (fixture, customer, past);
  g_assert_nonnull (then);
  g_assert_cmpint (then->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpint (then->step_offset, ==, 3);
  g_assert_cmpuint (then->invoices->len, ==, 2);
  g_assert_cmpstr (invoice_at (then->invoices, 0)->number, ==, "F-1");
  g_assert_cmpint (invoice_at (then->invoices, 0)->open, ==, 100000);
  g_assert_cmpstr (invoice_at (then->invoices, 1)->number, ==, "F-2");
  g_assert_cmpint (then->amount, ==, 140000);
  g_assert_cmpint (then->oldest_days_overdue, ==, 6);
  g_assert_cmpuint (then->blocked->len, ==, 0);

  now = item_of (fixture, customer, fixture->today);
  g_assert_nonnull (now);
  g_assert_cmpint (now->group, ==, RELANCE_WORK_CALL);
  g_assert_cmpuint (now->invoices->len, ==, 1);
  g_assert_cmpstr (invoice_at (now->invoices, 0)->number, ==, "F-3");
  g_assert_cmpint (now->amount, ==, 30000);
  g_assert_cmpuint (now->blocked->len, ==, 1);
  g_assert_cmpstr (invoice_at (now->blocked, 0)->number, ==, "F-2");
}

/* A preventive step not done lapses once the invoice is past due: D+1,
 * the D-3 e-mail is not asked; the D+3 call comes on its day (due 11-22,
 * call on 11-25). */
static void
test_preventive_lapses (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "LAPSE", NULL);
  g_autoptr(RelanceWorkItem) call = NULL;

  add_invoice (fixture, "LAPSE", "F-1", 1, 10000);

  g_assert_null (item_of (fixture, customer, fixture->today));
  g_assert_null (item_of (fixture, customer, day ("2026-11-24")));
  call = item_of (fixture, customer, day ("2026-11-25"));
  g_assert_nonnull (call);
  g_assert_cmpint (call->step_offset, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/worklist/preventive", test_preventive);
  ADD ("/worklist/never-contacted", test_never_contacted);
  ADD ("/worklist/call-before-letter", test_call_before_letter);
  ADD ("/worklist/retiming", test_retiming);
  ADD ("/worklist/preventive-lapses", test_preventive_lapses);
  ADD ("/worklist/formal-notice-after-letter-and-call", test_formal_notice_after_letter_and_call);
  ADD ("/worklist/substitute-call", test_substitute_call);
  ADD ("/worklist/substitute-letter", test_substitute_letter);
  ADD ("/worklist/formal-notice-now", test_formal_notice_now);
  ADD ("/worklist/call-outcomes", test_call_outcomes);
  ADD ("/worklist/priority", test_priority);
  ADD ("/worklist/past-day", test_past_day);
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
