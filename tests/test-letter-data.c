/* test-letter-data.c: what a letter says, read from the ledger: open
 * amounts on the letter's date, credit notes, disputes, the last call, the
 * latest promise, the penalties, the deadline; and the document kept with
 * a letter sent.
 *
 * The letter is dated Monday 23 November 2026. Customer DUR ("Durand SA")
 * has:
 *   F-1  due 2026-10-01, 1 000.00, 300.00 paid on 2026-11-10: 700.00 open
 *   F-5  due 2026-10-15,   300.00, under an open dispute
 *   F-2  due 2026-11-01,   500.00, paid on 2026-11-25 (after the letter)
 *   AV-1 credit note of 2026-11-05, 50.00, not used yet
 *   F-3  due 2026-12-10,   200.00, not due yet
 *   F-0  paid in full on 2026-10-20; F-4 issued on 2026-11-30
 * Open on the 23rd: 700 + 300 + 500 - 50 + 200 = 1 650.00; overdue: 1 500.00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-company.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-letter-data.h"
#include "relance-penalties.h"
#include "relance-sample.h"
#include "relance-worklist.h"

typedef struct
{
  RelanceDatabase *db;
  RelanceDay       today;
  gint64           customer;
  gint64           other;
  gint64           f0, f1, f2, f3, f4, f5, av1, g1;
  gint64           promise_call;
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
     const char *number)
{
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { number, NULL };

  g_assert_cmpint (relance_ledger_add_payment (fixture->db, customer, day (date), amount, numbers,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
}

static gint64
call (Fixture      *fixture,
      const char   *date,
      const char   *contact,
      const char   *summary,
      RelanceDay    promise_date,
      gint64        promise_amount)
{
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };
  gint64 id;

  fields.customer_id = fixture->customer;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = day (date);
  fields.who = "Claire";
  fields.contact = contact;
  fields.summary = summary;
  fields.outcome = promise_date != 0 ? RELANCE_OUTCOME_PROMISE : RELANCE_OUTCOME_NO_ANSWER;
  fields.promise_date = promise_date;
  fields.promise_amount = promise_amount;
  id = relance_actions_record (fixture->db, &fields, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields durand = {
    .code = "DUR", .name = "Durand SA", .address = "12 rue des Granges\nBâtiment B",
    .postcode = "25000", .city = "Besançon", .country = "FR", .language = "fr",
    .payment_terms = -1,
  };
  RelanceCustomerFields other = { .code = "OTH", .name = "Other Ltd", .country = "GB", .language = "en", .payment_terms = -1 };
  RelanceContactFields accounts = { .name = "Paul Invoices", .email = "paul@durand.example" };
  RelanceContactFields collections = {
    .name = "Marie Dupont", .role = "Comptable", .phone = "03 81 00 00 00",
    .email = "marie@durand.example", .is_collections = TRUE,
  };

  fixture->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->today = day ("2026-11-23");

  fixture->customer = relance_ledger_add_customer (fixture->db, &durand, &error);
  g_assert_no_error (error);
  fixture->other = relance_ledger_add_customer (fixture->db, &other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, fixture->customer, &accounts, &error), >, 0);
  g_assert_cmpint (relance_desk_add_contact (fixture->db, fixture->customer, &collections, &error), >, 0);
  g_assert_no_error (error);

  fixture->f0 = add_invoice (fixture, "DUR", "F-0", "2026-08-01", "2026-09-01", 40000, FALSE);
  fixture->f1 = add_invoice (fixture, "DUR", "F-1", "2026-09-01", "2026-10-01", 100000, FALSE);
  fixture->f5 = add_invoice (fixture, "DUR", "F-5", "2026-09-15", "2026-10-15", 30000, FALSE);
  fixture->f2 = add_invoice (fixture, "DUR", "F-2", "2026-10-01", "2026-11-01", 50000, FALSE);
  fixture->av1 = add_invoice (fixture, "DUR", "AV-1", "2026-11-05", "2026-11-05", 5000, TRUE);
  fixture->f3 = add_invoice (fixture, "DUR", "F-3", "2026-11-10", "2026-12-10", 20000, FALSE);
  fixture->f4 = add_invoice (fixture, "DUR", "F-4", "2026-11-30", "2026-12-30", 10000, FALSE);
  fixture->g1 = add_invoice (fixture, "OTH", "G-1", "2026-09-01", "2026-10-01", 70000, FALSE);

  pay (fixture, "DUR", "2026-10-20", 40000, "F-0");
  pay (fixture, "DUR", "2026-11-10", 30000, "F-1");
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-5", "A", 0, day ("2026-11-02"),
                                                "Waiting for a credit note", &error), >, 0);
  g_assert_no_error (error);

  /* Calls: an early one, the one quoted (a promise), one after the letter. */
  call (fixture, "2026-11-02", "Standard", "No answer", 0, 0);
  fixture->promise_call = call (fixture, "2026-11-16", "Marie Dupont",
                                "Will pay F-1 and F-2 on 30 November", day ("2026-11-30"), 120000);
  call (fixture, "2026-11-24", "Marie Dupont", "Payment sent", 0, 0);

  /* F-2 paid after the letter's date. */
  pay (fixture, "DUR", "2026-11-25", 50000, "F-2");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
}

static RelanceLetterData *
get_data (Fixture      *fixture,
          RelanceDay    date,
          const gint64 *ids,
          guint         n_ids,
          gboolean      claims_penalties)
{
  g_autoptr(GError) error = NULL;
  RelanceLetterData *data = relance_letter_data_get (fixture->db, fixture->customer, date,
                                                     ids, n_ids, claims_penalties, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static RelanceLetterInvoice *
invoice_at (RelanceLetterData *data,
            guint              index)
{
  g_assert_cmpuint (index, <, data->invoices->len);
  return g_ptr_array_index (data->invoices, index);
}

/* Every open invoice and credit note on the letter's date, oldest due
 * date first, with what was open that day; F-5, under an open dispute, is
 * not claimed. */
static void
test_open_items (Fixture       *fixture,
                 gconstpointer  data_)
{
  g_autoptr(RelanceLetterData) data = get_data (fixture, fixture->today, NULL, 0, FALSE);
  static const struct {
    const char *number;
    gint64      amount;
    gint64      open;
    int         days_overdue;
    gboolean    credit_note;
    gboolean    disputed;
  } expected[] = {
    { "F-1", 100000, 70000, 53, FALSE, FALSE },
    { "F-2", 50000, 50000, 22, FALSE, FALSE },
    { "AV-1", -5000, -5000, 18, TRUE, FALSE },
    { "F-3", 20000, 20000, -17, FALSE, FALSE },
  };

  g_assert_cmpuint (data->invoices->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RelanceLetterInvoice *invoice = invoice_at (data, i);

      g_assert_cmpstr (invoice->number, ==, expected[i].number);
      g_assert_cmpint (invoice->amount, ==, expected[i].amount);
      g_assert_cmpint (invoice->open, ==, expected[i].open);
      g_assert_cmpint (invoice->days_overdue, ==, expected[i].days_overdue);
      g_assert_cmpint (invoice->credit_note, ==, expected[i].credit_note);
      g_assert_cmpint (invoice->disputed, ==, expected[i].disputed);
      g_assert_cmpint (invoice->interest, ==, 0);
      g_assert_cmpint (invoice->indemnity, ==, 0);
    }
  assert_day (invoice_at (data, 0)->issue_date, "2026-09-01");
  assert_day (invoice_at (data, 0)->due_date, "2026-10-01");

  g_assert_cmpint (data->total_open, ==, 135000);
  g_assert_cmpint (data->total_overdue, ==, 120000);
  g_assert_cmpint (data->max_days_overdue, ==, 53);
  assert_day (data->oldest_due_date, "2026-10-01");
  assert_day (data->date, "2026-11-23");
  assert_day (data->deadline, "2026-12-01");
  g_assert_false (data->claims_penalties);
  g_assert_cmpint (data->total_claimed, ==, 135000);

  /* The recipient and the person the letter is for. */
  g_assert_cmpint (data->customer_id, ==, fixture->customer);
  g_assert_cmpstr (data->customer_code, ==, "DUR");
  g_assert_cmpstr (data->customer_name, ==, "Durand SA");
  g_assert_cmpstr (data->address, ==, "12 rue des Granges\nBâtiment B");
  g_assert_cmpstr (data->postcode, ==, "25000");
  g_assert_cmpstr (data->city, ==, "Besançon");
  g_assert_cmpstr (data->country, ==, "FR");
  g_assert_cmpstr (data->language, ==, "fr");
  g_assert_cmpstr (data->contact_name, ==, "Marie Dupont");
  g_assert_cmpstr (data->contact_email, ==, "marie@durand.example");
  g_assert_cmpstr (data->contact_phone, ==, "03 81 00 00 00");
  g_assert_nonnull (data->company);
}

/* Seen from after F-2's payment, F-2 is no longer there; seen from before
 * F-1's partial payment, F-1 is open in full and F-3 not issued yet... */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data_)
{
  g_autoptr(RelanceLetterData) later = get_data (fixture, day ("2026-12-10"), NULL, 0, FALSE);
  g_autoptr(RelanceLetterData) earlier = get_data (fixture, day ("2026-11-05"), NULL, 0, FALSE);

  /* F-5 is under dispute on both days. */
  g_assert_cmpuint (later->invoices->len, ==, 4);
  for (guint i = 0; i < later->invoices->len; i++)
    g_assert_cmpstr (invoice_at (later, i)->number, !=, "F-2");
  g_assert_cmpstr (invoice_at (later, 3)->number, ==, "F-4");
  g_assert_cmpint (later->total_open, ==, 70000 - 5000 + 20000 + 10000);
  /* F-3 falls due that day: not overdue yet. */
  g_assert_cmpint (later->total_overdue, ==, 70000);

  /* On the 5th: F-1 open in full, the credit note just issued. */
  g_assert_cmpuint (earlier->invoices->len, ==, 3);
  g_assert_cmpstr (invoice_at (earlier, 0)->number, ==, "F-1");
  g_assert_cmpint (invoice_at (earlier, 0)->open, ==, 100000);
  g_assert_cmpint (earlier->total_open, ==, 100000 + 50000 - 5000);
  /* The last call is the one of 2 November; no promise made yet. */
  assert_day (earlier->last_call_date, "2026-11-02");
  g_assert_cmpstr (earlier->last_call_summary, ==, "No answer");
  g_assert_cmpint (earlier->promise_date, ==, 0);
  g_assert_cmpstr (earlier->promise_status, ==, "");
}

/* The call quoted is the latest on or before the letter's date; the
 * promise is the latest made, with its status that day. */
static void
test_call_and_promise (Fixture       *fixture,
                       gconstpointer  data_)
{
  g_autoptr(RelanceLetterData) data = get_data (fixture, fixture->today, NULL, 0, FALSE);
  g_autoptr(RelanceLetterData) broken = get_data (fixture, day ("2026-12-10"), NULL, 0, FALSE);
  g_autoptr(RelanceLetterData) copy = NULL;

  assert_day (data->last_call_date, "2026-11-16");
  g_assert_cmpstr (data->last_call_who, ==, "Claire");
  g_assert_cmpstr (data->last_call_contact, ==, "Marie Dupont");
  g_assert_cmpstr (data->last_call_summary, ==, "Will pay F-1 and F-2 on 30 November");

  assert_day (data->promise_date, "2026-11-30");
  assert_day (data->promise_made_on, "2026-11-16");
  g_assert_cmpint (data->promise_amount, ==, 120000);
  g_assert_cmpstr (data->promise_status, ==, "pending");

  /* Only 500.00 came by 3 December (30 November + 3 days of grace). */
  assert_day (broken->last_call_date, "2026-11-24");
  g_assert_cmpstr (broken->last_call_summary, ==, "Payment sent");
  g_assert_cmpstr (broken->promise_status, ==, "broken");

  copy = relance_letter_data_copy (data);
  g_assert_cmpstr (copy->last_call_summary, ==, data->last_call_summary);
  g_assert_true (copy->last_call_summary != data->last_call_summary);
  g_assert_cmpuint (copy->invoices->len, ==, data->invoices->len);
  g_assert_cmpstr (invoice_at (copy, 2)->number, ==, "AV-1");
  g_assert_true (invoice_at (copy, 3) != invoice_at (data, 3));
}

/* The history a letter quotes: written reminders and calls about its
 * invoices (linked to one of them, or to none) after the oldest due date,
 * up to its date; the last call's outcome says whether it reached
 * someone. Asked about F-1 (due 1 October) and F-5 (disputed): F-5 is set
 * apart with its cause, and the credit note AV-1 is still deducted. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { fixture->f1, fixture->f5 };
  gint64 f3_only[] = { fixture->f3 };
  RelanceActionFields letter = { 0 };
  g_autoptr(RelanceLetterData) data = NULL;
  RelanceLetterStep *step;

  /* A letter about F-1 on 20 October; one about F-3 alone on the 21st
   * (not about F-1); a note (not a reminder) on the 22nd. */
  letter.customer_id = fixture->customer;
  letter.kind = RELANCE_ACTION_LETTER;
  letter.outcome = RELANCE_OUTCOME_SENT;
  letter.date = day ("2026-10-20");
  letter.invoice_ids = ids;
  letter.n_invoice_ids = 1;
  g_assert_cmpint (relance_actions_record (fixture->db, &letter, NULL, &error), >, 0);
  letter.date = day ("2026-10-21");
  letter.invoice_ids = f3_only;
  g_assert_cmpint (relance_actions_record (fixture->db, &letter, NULL, &error), >, 0);
  letter.date = day ("2026-10-22");
  letter.kind = RELANCE_ACTION_NOTE;
  letter.outcome = RELANCE_OUTCOME_NONE;
  letter.invoice_ids = ids;
  g_assert_cmpint (relance_actions_record (fixture->db, &letter, NULL, &error), >, 0);
  g_assert_no_error (error);

  data = get_data (fixture, fixture->today, ids, G_N_ELEMENTS (ids), FALSE);

  /* F-1 and AV-1 claimed: 700.00 − 50.00 = 650.00; F-5 (300.00) apart. */
  g_assert_cmpuint (data->invoices->len, ==, 2);
  g_assert_cmpstr (invoice_at (data, 0)->number, ==, "F-1");
  g_assert_cmpstr (invoice_at (data, 1)->number, ==, "AV-1");
  g_assert_cmpint (data->total_open, ==, 70000 - 5000);
  g_assert_cmpuint (data->disputed->len, ==, 1);
  g_assert_cmpint (data->total_disputed, ==, 30000);
  g_assert_cmpstr (((RelanceLetterInvoice *) g_ptr_array_index (data->disputed, 0))->dispute_cause, ==,
                   "A, Billing");

  /* The letter of the 20th, the unanswered call of 2 November, the
   * promise call of the 16th; not the letter about F-3, nor the note,
   * nor the call of the 24th (after the letter's date). */
  g_assert_cmpuint (data->history->len, ==, 3);
  step = &g_array_index (data->history, RelanceLetterStep, 0);
  assert_day (step->date, "2026-10-20");
  g_assert_cmpint (step->kind, ==, RELANCE_ACTION_LETTER);
  step = &g_array_index (data->history, RelanceLetterStep, 1);
  assert_day (step->date, "2026-11-02");
  g_assert_false (step->reached);
  step = &g_array_index (data->history, RelanceLetterStep, 2);
  assert_day (step->date, "2026-11-16");
  g_assert_true (step->reached);
  g_assert_cmpuint (data->n_reminders, ==, 1);
  assert_day (data->last_reminder_date, "2026-10-20");
  g_assert_true (data->last_call_reached);
  g_assert_cmpint (data->last_call_outcome, ==, RELANCE_OUTCOME_PROMISE);
  g_assert_cmpstr (data->promise_contact, ==, "Marie Dupont");
  g_assert_true (data->promise_in_call);

  /* The promise of 1 200.00 for 30 November covers the 650.00 claimed:
   * nothing remains after it. */
  g_assert_cmpint (data->remainder, ==, 0);
  /* A reached call since the letter: a letter after a call. */
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_SECOND_REMINDER), ==,
                   RELANCE_TEMPLATE_AFTER_CALL);
}

/* The invoices asked for only, each the customer's. */
static void
test_given_invoices (Fixture       *fixture,
                     gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { fixture->f3, fixture->f1, fixture->av1, fixture->f1 };
  gint64 wrong[] = { fixture->f1, fixture->g1 };
  gint64 gone[] = { fixture->g1 + 1000 };
  g_autoptr(RelanceLetterData) data = get_data (fixture, fixture->today, ids, G_N_ELEMENTS (ids), FALSE);
  g_autoptr(RelanceLetterData) none = get_data (fixture, fixture->today, ids, 0, FALSE);
  RelanceLetterData *refused;

  g_assert_cmpuint (data->invoices->len, ==, 3);
  g_assert_cmpstr (invoice_at (data, 0)->number, ==, "F-1");
  g_assert_cmpstr (invoice_at (data, 1)->number, ==, "AV-1");
  g_assert_cmpstr (invoice_at (data, 2)->number, ==, "F-3");
  g_assert_cmpint (data->total_open, ==, 70000 - 5000 + 20000);
  g_assert_cmpint (data->total_overdue, ==, 70000);

  /* No invoice asked for: the open credit note is still deducted (it is
   * always), and nothing can be claimed. */
  g_assert_cmpuint (none->invoices->len, ==, 1);
  g_assert_cmpstr (invoice_at (none, 0)->number, ==, "AV-1");
  g_assert_cmpint (none->total_open, ==, -5000);
  g_assert_cmpint (none->oldest_due_date, ==, 0);
  g_assert_cmpint (none->max_days_overdue, ==, 0);

  refused = relance_letter_data_get (fixture->db, fixture->customer, fixture->today,
                                     wrong, G_N_ELEMENTS (wrong), FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "G-1"));
  g_clear_error (&error);

  refused = relance_letter_data_get (fixture->db, fixture->customer, fixture->today,
                                     gone, G_N_ELEMENTS (gone), FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refused = relance_letter_data_get (fixture->db, fixture->other + 1000, fixture->today,
                                     NULL, 0, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* Interest and indemnities, invoice by invoice, as relance-penalties
 * reckons them. */
static void
test_penalties (Fixture       *fixture,
                gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetterData) data = get_data (fixture, fixture->today, NULL, 0, TRUE);
  g_autoptr(RelancePenalties) penalties = relance_penalties_compute (fixture->db, fixture->customer,
                                                                     fixture->today, &error);
  gint64 f1_only[] = { fixture->f1 };
  g_autoptr(RelanceLetterData) one = get_data (fixture, fixture->today, f1_only, 1, TRUE);
  RelancePenaltyLine *f1_line = NULL;
  guint n_late = 0;

  g_assert_no_error (error);
  g_assert_true (data->claims_penalties);
  g_assert_cmpint (data->interest_rate, ==, penalties->rate);
  g_assert_cmpint (data->interest_rate, ==, 215 + 1000);

  for (guint i = 0; i < data->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = invoice_at (data, i);
      RelancePenaltyLine *line = NULL;

      for (guint l = 0; l < penalties->lines->len; l++)
        if (((RelancePenaltyLine *)g_ptr_array_index (penalties->lines, l))->invoice_id == invoice->invoice_id)
          line = g_ptr_array_index (penalties->lines, l);

      if (invoice->credit_note || invoice->days_overdue <= 0)
        {
          g_assert_null (line);
          g_assert_cmpint (invoice->interest, ==, 0);
          g_assert_cmpint (invoice->indemnity, ==, 0);
          continue;
        }

      g_assert_nonnull (line);
      n_late++;
      g_assert_cmpint (invoice->interest, ==, line->interest);
      g_assert_cmpint (invoice->indemnity, ==, line->indemnity);
      g_assert_cmpint (invoice->indemnity, ==, 4000);
      g_assert_cmpint (invoice->interest, >, 0);
      if (invoice->invoice_id == fixture->f1)
        f1_line = line;
    }

  /* The customer's penalties list F-5 too, under dispute: neither they
   * nor the letter claim it. They claim F-0 too, paid in full on
   * 2026-10-20, 49 days after its due date (2026-09-02..10-20 = 29 + 20
   * days at 2.15 + 10 %): 40 000 × 1215 × 49 = 2 381 400 000
   * / 3 650 000 = 652.438… -> 652 cents, and its 40,00 EUR indemnity. */
  {
    RelancePenaltyLine *f5_line = NULL;
    RelanceLetterInvoice *f0;
    gint64 sum = 0;

    for (guint l = 0; l < penalties->lines->len; l++)
      if (((RelancePenaltyLine *)g_ptr_array_index (penalties->lines, l))->invoice_id == fixture->f5)
        f5_line = g_ptr_array_index (penalties->lines, l);
    g_assert_nonnull (f5_line);
    g_assert_true (f5_line->disputed);
    g_assert_cmpuint (n_late, ==, 2);
    g_assert_cmpuint (penalties->lines->len, ==, 4);

    g_assert_cmpuint (data->paid_late->len, ==, 1);
    f0 = g_ptr_array_index (data->paid_late, 0);
    g_assert_cmpint (f0->invoice_id, ==, fixture->f0);
    g_assert_cmpstr (f0->number, ==, "F-0");
    g_assert_cmpint (f0->open, ==, 0);
    g_assert_cmpint (f0->days_overdue, ==, 49);
    g_assert_cmpint (f0->interest, ==, 652);
    g_assert_cmpint (f0->indemnity, ==, 4000);

    g_assert_cmpint (data->interest, ==, penalties->interest);
    g_assert_cmpint (data->indemnity, ==, penalties->indemnity);
    g_assert_cmpint (data->indemnity, ==, 3 * 4000);

    /* Line by line, F-0 first (the oldest due), adding up to the interest. */
    g_assert_cmpuint (data->interest_periods->len, >=, 3);
    g_assert_cmpstr (((RelanceLetterInterestPeriod *)g_ptr_array_index (data->interest_periods, 0))->number,
                     ==, "F-0");
    g_assert_cmpint (((RelanceLetterInterestPeriod *)g_ptr_array_index (data->interest_periods, 0))->days, ==, 49);
    for (guint p = 0; p < data->interest_periods->len; p++)
      {
        RelanceLetterInterestPeriod *period = g_ptr_array_index (data->interest_periods, p);

        g_assert_cmpint (period->invoice_id, !=, fixture->f5);
        sum += period->interest;
      }
    g_assert_cmpint (sum, ==, data->interest);
  }
  g_assert_cmpint (data->total_claimed, ==, data->total_open + data->interest + data->indemnity);

  /* A letter about F-1 alone claims F-1's penalties, and F-0's (paid late),
   * and deducts the open credit note AV-1:
   * 700.00 - 50.00 + F-1's interest + 6.52 + 2 × 40.00. */
  g_assert_nonnull (f1_line);
  g_assert_cmpint (one->interest, ==, f1_line->interest + 652);
  g_assert_cmpint (one->indemnity, ==, 2 * 4000);
  g_assert_cmpint (one->total_claimed, ==, 70000 - 5000 + f1_line->interest + 652 + 2 * 4000);

  /* A copy keeps the lines. */
  {
    g_autoptr(RelanceLetterData) copy = relance_letter_data_copy (data);

    g_assert_cmpuint (copy->interest_periods->len, ==, data->interest_periods->len);
    g_assert_cmpuint (copy->paid_late->len, ==, 1);
    g_assert_cmpstr (((RelanceLetterInvoice *)g_ptr_array_index (copy->paid_late, 0))->number, ==, "F-0");
  }
}

/* The PDF of a letter sent comes back from the history. */
static void
test_document (Fixture       *fixture,
               gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  static const char pdf[] = "%PDF-1.5\n% a letter\n%%EOF\n";
  g_autoptr(GBytes) document = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autofree char *name = NULL;
  RelanceActionFields fields = { 0 };
  gint64 ids[] = { fixture->f1 };
  gint64 letter;

  fields.customer_id = fixture->customer;
  fields.kind = RELANCE_ACTION_LETTER;
  fields.date = fixture->today;
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.invoice_ids = ids;
  fields.n_invoice_ids = G_N_ELEMENTS (ids);
  fields.document = document;
  fields.document_name = "Relance-DUR-2026-11-23.pdf";
  letter = relance_actions_record (fixture->db, &fields, NULL, &error);
  g_assert_no_error (error);

  back = relance_letter_get_document (fixture->db, letter, &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (g_bytes_equal (back, document));
  g_assert_cmpstr (name, ==, "Relance-DUR-2026-11-23.pdf");
  g_clear_pointer (&name, g_free);

  /* A call has no document. */
  nothing = relance_letter_get_document (fixture->db, fixture->promise_call, &name, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);
  g_assert_null (name);

  g_assert_null (relance_letter_get_document (fixture->db, letter + 1000, NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* No collections contact: none named, the invoices' contact is not one. */
static void
test_no_contact (Fixture       *fixture,
                 gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetterData) data = relance_letter_data_get (fixture->db, fixture->other, fixture->today,
                                                               NULL, 0, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (data->contact_name, ==, "");
  g_assert_cmpstr (data->contact_email, ==, "");
  g_assert_cmpstr (data->language, ==, "en");
  g_assert_cmpstr (data->country, ==, "GB");
  g_assert_cmpstr (data->address, ==, "");
  g_assert_cmpuint (data->invoices->len, ==, 1);
  g_assert_cmpint (data->last_call_date, ==, 0);
  g_assert_cmpstr (data->last_call_summary, ==, "");
}

/* On the sample ledger (which ends the day before), every customer's
 * letter adds up as its desk figures do, and the penalties as
 * relance-penalties does. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (":memory:", &error);
  g_autoptr(GPtrArray) rows = NULL;
  RelanceSampleOptions options;
  RelanceDay today = day ("2026-11-23");
  guint n_with_calls = 0;
  guint n_with_promises = 0;
  guint n_disputed = 0;

  g_assert_no_error (error);
  relance_sample_options_init (&options, today);
  g_assert_true (relance_sample_generate (db, &options, &error));
  g_assert_no_error (error);

  rows = relance_ledger_aged_balance (db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 20);

  for (guint r = 0; r < rows->len; r++)
    {
      RelanceAgedRow *row = g_ptr_array_index (rows, r);
      g_autoptr(RelanceLetterData) data = NULL;
      g_autoptr(RelancePenalties) penalties = NULL;
      RelanceCustomerFigures figures;

      data = relance_letter_data_get (db, row->customer_id, today, NULL, 0, TRUE, &error);
      g_assert_no_error (error);
      g_assert_true (relance_desk_get_figures (db, row->customer_id, today, &figures, &error));
      penalties = relance_penalties_compute (db, row->customer_id, today, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (data->customer_code, ==, row->code);
      /* What is under dispute is left out of letters. */
      if (figures.n_open_disputes == 0)
        {
          g_assert_cmpint (data->total_open, ==, figures.balance);
          g_assert_cmpint (data->total_overdue, ==, figures.overdue);
          g_assert_cmpint (data->interest, ==, penalties->interest);
          g_assert_cmpint (data->indemnity, ==, penalties->indemnity);
        }
      else
        {
          g_assert_cmpint (data->total_open, <, figures.balance);
          g_assert_cmpint (data->indemnity, <=, penalties->indemnity);
          n_disputed++;
        }

      for (guint i = 0; i < data->invoices->len; i++)
        {
          RelanceLetterInvoice *invoice = invoice_at (data, i);

          g_assert_cmpint (invoice->days_overdue, ==, today - invoice->due_date);
          g_assert_cmpint (invoice->open, !=, 0);
          g_assert_cmpint (invoice->open < 0, ==, invoice->credit_note);
          if (i > 0)
            g_assert_cmpint (invoice_at (data, i - 1)->due_date, <=, invoice->due_date);
          g_assert_false (invoice->disputed);
        }

      n_with_calls += data->last_call_date != 0;
      n_with_promises += data->promise_date != 0;
      if (data->last_call_date != 0)
        g_assert_cmpint (data->last_call_date, <=, today);
    }

  /* The sample has calls, promises and disputes to quote. */
  g_assert_cmpuint (n_with_calls, >, 0);
  g_assert_cmpuint (n_with_promises, >, 0);
  g_assert_cmpuint (n_disputed, >, 0);
}

/* The kind fits the history: a second reminder needs a first one; a call
 * that reached someone since the last written reminder means a letter
 * after a call; a broken promise (no one reached since its day) means a
 * broken-promise letter; preventive messages and formal notices stay. */
static void
test_fit_kind (void)
{
  g_autoptr(RelanceLetterData) data = relance_letter_data_new ();
  RelanceLetterStep letter = { relance_day_from_dmy (20, 10, 2026), RELANCE_ACTION_LETTER, FALSE };

  data->oldest_due_date = relance_day_from_dmy (1, 10, 2026);

  /* Nothing done yet: a first reminder, whatever the step says. */
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_AFTER_CALL), ==,
                   RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_SECOND_REMINDER), ==,
                   RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_BROKEN_PROMISE), ==,
                   RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FORMAL_NOTICE), ==,
                   RELANCE_TEMPLATE_FORMAL_NOTICE);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_PREVENTIVE), ==,
                   RELANCE_TEMPLATE_PREVENTIVE);

  /* A call that reached no one: still a first reminder (it says we tried). */
  data->last_call_date = relance_day_from_dmy (10, 10, 2026);
  data->last_call_reached = FALSE;
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_AFTER_CALL), ==,
                   RELANCE_TEMPLATE_FIRST_REMINDER);

  /* A call that reached someone before the invoices fell due is not
   * about them; after, it makes a letter after a call. */
  data->last_call_reached = TRUE;
  data->last_call_date = relance_day_from_dmy (15, 9, 2026);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FIRST_REMINDER), ==,
                   RELANCE_TEMPLATE_FIRST_REMINDER);
  data->last_call_date = relance_day_from_dmy (10, 10, 2026);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FIRST_REMINDER), ==,
                   RELANCE_TEMPLATE_AFTER_CALL);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_SECOND_REMINDER), ==,
                   RELANCE_TEMPLATE_AFTER_CALL);

  /* A letter sent on 20 October, after that call: the next is a second
   * reminder, even when the step asks for a first one. */
  g_array_append_val (data->history, letter);
  data->n_reminders = 1;
  data->last_reminder_date = letter.date;
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FIRST_REMINDER), ==,
                   RELANCE_TEMPLATE_SECOND_REMINDER);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_AFTER_CALL), ==,
                   RELANCE_TEMPLATE_SECOND_REMINDER);

  /* A conversation on 25 October, since the letter. */
  data->last_call_date = relance_day_from_dmy (25, 10, 2026);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_SECOND_REMINDER), ==,
                   RELANCE_TEMPLATE_AFTER_CALL);

  /* Promised in that call for 5 November and broken: the broken promise,
   * even for a step that asks for a letter after a call. */
  data->promise_date = relance_day_from_dmy (5, 11, 2026);
  g_free (data->promise_status);
  data->promise_status = g_strdup ("broken");
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_AFTER_CALL), ==,
                   RELANCE_TEMPLATE_BROKEN_PROMISE);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FIRST_REMINDER), ==,
                   RELANCE_TEMPLATE_BROKEN_PROMISE);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_FORMAL_NOTICE), ==,
                   RELANCE_TEMPLATE_FORMAL_NOTICE);

  /* Spoken to again on 9 November, after the promised day: that call is
   * the news, a letter after a call. */
  data->last_call_date = relance_day_from_dmy (9, 11, 2026);
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_BROKEN_PROMISE), ==,
                   RELANCE_TEMPLATE_AFTER_CALL);

  /* A kept promise is no reason for a broken-promise letter. */
  g_free (data->promise_status);
  data->promise_status = g_strdup ("kept");
  data->last_call_reached = FALSE;
  g_assert_cmpint (relance_letter_data_fit_kind (data, RELANCE_TEMPLATE_BROKEN_PROMISE), ==,
                   RELANCE_TEMPLATE_SECOND_REMINDER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/letter-data/open-items", test_open_items);
  g_test_add_func ("/letter-data/fit-kind", test_fit_kind);
  ADD ("/letter-data/dates", test_dates);
  ADD ("/letter-data/call-and-promise", test_call_and_promise);
  ADD ("/letter-data/given-invoices", test_given_invoices);
  ADD ("/letter-data/history", test_history);
  ADD ("/letter-data/penalties", test_penalties);
  ADD ("/letter-data/document", test_document);
  ADD ("/letter-data/no-contact", test_no_contact);
  g_test_add_func ("/letter-data/sample", test_sample);
#undef ADD

  return g_test_run ();
}
