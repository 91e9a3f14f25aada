/* test-proceedings.c: customers in insolvency proceedings (procédures
 * collectives): the deadlines, what the judgment changes, the claim
 * declared, the refusals of bad input, the closing and the write-off.
 *
 * The ledger of every test (see fixture_set_up): Nordbat SARL, in
 * redressement judiciaire by a judgment of Monday 16 March 2026, published
 * in the BODACC on 27 March 2026.
 *   F-101  issued 2026-01-05, due 2026-02-04, 1 200,00 € unpaid;
 *   F-102  issued 2026-02-02, due 2026-03-04, 2 400,00 €, 400,00 € paid on
 *          2026-02-20 (before its due date): 2 000,00 € open;
 *   F-103  issued 2026-03-02, due 2026-04-01, 900,00 €: falls due after
 *          the judgment (à échoir);
 *   F-104  issued 2026-03-20, after the judgment, due 2026-04-19, 300,00 €:
 *          a new debt, not declared.
 * The rate of migration 3 in 2026: ECB 2,15 % (rows of 2025-07-01 and
 * 2026-01-01) + the margin of 10 points = 12,15 % = 1215 basis points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database-private.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-letter-data.h"
#include "relance-penalties.h"
#include "relance-proceedings.h"
#include "relance-test-utils.h"
#include "relance-worklist.h"

typedef struct
{
  RelanceDatabase *db;
  gint64           customer;
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
add_invoice (Fixture    *f,
             const char *number,
             const char *issued,
             const char *due,
             gint64      amount)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoiceFields fields = {
    .customer_code = "NORD", .number = number,
    .issue_date = day (issued), .due_date = day (due), .amount = amount,
  };
  gint64 id = relance_ledger_add_invoice (f->db, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (f->db, sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  g_assert_true (_relance_database_step (f->db, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static RelanceProceedingsFields
redressement (void)
{
  RelanceProceedingsFields fields = {
    .kind = RELANCE_PROCEEDINGS_REDRESSEMENT,
    .judgment_date = day ("2026-03-16"),
    .court = "Tribunal de commerce de Lille Métropole",
    .bodacc_date = day ("2026-03-27"),
    .mandataire_name = "Maître Sophie Lefebvre",
    .mandataire_address = "8 place du Théâtre\n59000 Lille",
  };

  return fields;
}

static void
open_proceedings (Fixture *f,
                  gboolean abroad)
{
  g_autoptr(GError) error = NULL;
  RelanceProceedingsFields fields = redressement ();

  fields.abroad = abroad;
  g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, day ("2026-04-10"), &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields nord = {
    .code = "NORD", .name = "Nordbat SARL", .siren = "512345679",
    .address = "12 avenue Foch", .postcode = "59000", .city = "Lille",
    .country = "FR", .language = "fr", .payment_terms = -1,
  };
  const char * const f102[] = { "F-102", NULL };

  f->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  f->customer = relance_ledger_add_customer (f->db, &nord, &error);
  g_assert_no_error (error);

  add_invoice (f, "F-101", "2026-01-05", "2026-02-04", 120000);
  add_invoice (f, "F-102", "2026-02-02", "2026-03-04", 240000);
  add_invoice (f, "F-103", "2026-03-02", "2026-04-01", 90000);
  add_invoice (f, "F-104", "2026-03-20", "2026-04-19", 30000);
  g_assert_cmpint (relance_ledger_add_payment (f->db, "NORD", day ("2026-02-20"), 40000, f102,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->db);
}

/* Two months after the publication, four abroad; relief six months
 * after it; a month without the day ends on its last day. */
static void
test_deadlines (void)
{
  /* 27 March + 2 months = 27 May; + 4 = 27 July; + 6 = 27 September. */
  assert_day (relance_proceedings_get_deadline (day ("2026-03-27"), FALSE), "2026-05-27");
  assert_day (relance_proceedings_get_deadline (day ("2026-03-27"), TRUE), "2026-07-27");
  assert_day (relance_proceedings_get_relief_deadline (day ("2026-03-27")), "2026-09-27");
  /* 31 December 2025 + 2 months: no 31 February, so 28 February 2026;
   * + 4 months: 30 April (no 31 April); + 6: 30 June. */
  assert_day (relance_proceedings_get_deadline (day ("2025-12-31"), FALSE), "2026-02-28");
  assert_day (relance_proceedings_get_deadline (day ("2025-12-31"), TRUE), "2026-04-30");
  assert_day (relance_proceedings_get_relief_deadline (day ("2025-12-31")), "2026-06-30");
}

/* Recorded, read back with its deadline; the rule others call. */
static void
test_open_and_get (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceProceedings) before = NULL;
  g_autoptr(RelanceProceedings) p = NULL;
  g_autoptr(GPtrArray) list = NULL;

  open_proceedings (f, FALSE);

  /* Nothing governs the customer the day before the judgment. */
  before = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-03-15"), &error);
  g_assert_no_error (error);
  g_assert_null (before);

  p = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpint (p->kind, ==, RELANCE_PROCEEDINGS_REDRESSEMENT);
  g_assert_cmpint (p->outcome, ==, RELANCE_PROCEEDINGS_OPEN);
  assert_day (p->judgment_date, "2026-03-16");
  assert_day (p->bodacc_date, "2026-03-27");
  assert_day (p->deadline, "2026-05-27");
  assert_day (p->relief_deadline, "2026-09-27");
  g_assert_cmpstr (p->court, ==, "Tribunal de commerce de Lille Métropole");
  g_assert_cmpstr (p->mandataire_name, ==, "Maître Sophie Lefebvre");
  g_assert_cmpstr (p->mandataire_address, ==, "8 place du Théâtre\n59000 Lille");
  g_assert_false (p->claim_declared);

  /* Debts born before the judgment are caught; those of its day and
   * after are not. */
  g_assert_true (relance_proceedings_covers_issue_date (p, day ("2026-03-15")));
  g_assert_false (relance_proceedings_covers_issue_date (p, day ("2026-03-16")));
  g_assert_false (relance_proceedings_covers_issue_date (p, day ("2026-03-20")));
  g_assert_false (relance_proceedings_covers_issue_date (NULL, day ("2026-03-15")));

  list = relance_proceedings_list (f->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((RelanceProceedings *) g_ptr_array_index (list, 0))->customer_code, ==, "NORD");
}

static void
test_abroad (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceProceedings) p = NULL;

  open_proceedings (f, TRUE);
  p = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  /* 27 March + 4 months. Relief stays at 6 months. */
  assert_day (p->deadline, "2026-07-27");
  assert_day (p->relief_deadline, "2026-09-27");
}

/* Each refusal leaves the ledger as it was. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  RelanceProceedingsFields fields;
  RelanceDay today = day ("2026-04-10");

  {
    g_autoptr(GError) error = NULL;

    fields = redressement ();
    fields.bodacc_date = day ("2026-03-10");   /* before the judgment of 03-16 */
    g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, today, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "BODACC"));
    g_assert_nonnull (strstr (error->message, "2026-03-10"));
  }
  {
    g_autoptr(GError) error = NULL;

    fields = redressement ();
    fields.judgment_date = day ("2026-04-11");   /* tomorrow */
    fields.bodacc_date = day ("2026-04-20");
    g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, today, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "future"));
  }
  {
    g_autoptr(GError) error = NULL;

    fields = redressement ();
    fields.kind = (RelanceProceedingsKind) 7;
    g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, today, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    RelanceProceedingsKind kind;

    g_assert_false (relance_proceedings_kind_from_string ("faillite", &kind));
    g_assert_true (relance_proceedings_kind_from_string ("liquidation", &kind));
    g_assert_cmpint (kind, ==, RELANCE_PROCEEDINGS_LIQUIDATION);

    fields = redressement ();
    fields.mandataire_name = "  ";
    g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, today, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    /* Closing what is not open. */
    g_assert_false (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_PLAN, today,
                                               FALSE, 2000, &error));
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nothing to close"));
  }
  g_assert_cmpint (count (f, "SELECT count (*) FROM proceedings"), ==, 0);

  {
    g_autoptr(GError) error = NULL;

    /* Opening twice. */
    open_proceedings (f, FALSE);
    fields = redressement ();
    fields.kind = RELANCE_PROCEEDINGS_LIQUIDATION;
    g_assert_cmpint (relance_proceedings_open (f->db, f->customer, &fields, today, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already in proceedings"));
    g_assert_cmpint (count (f, "SELECT count (*) FROM proceedings"), ==, 1);
  }
  {
    g_autoptr(GError) error = NULL;

    /* A write-off with a plan; an end before the judgment. */
    g_assert_false (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_PLAN, today,
                                               TRUE, 2000, &error));
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_CLOSED,
                                               day ("2026-03-01"), TRUE, 2000, &error));
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_cmpint (count (f, "SELECT count (*) FROM proceedings WHERE outcome IS NULL"), ==, 1);
    g_assert_cmpint (count (f, "SELECT count (*) FROM write_offs"), ==, 0);
  }
}

/* The declaration's figures, worked by hand:
 *   F-101 1 200,00 due 02-04: late from 02-05 to the judgment 03-16
 *     included = 24 days of February + 16 of March = 40 days;
 *     120 000 × 1215 × 40 = 5 832 000 000 / 3 650 000 = 1 597.8… -> 15,98
 *   F-102 2 000,00 open since 02-20 (before its due date 03-04): late
 *     03-05..03-16 = 12 days; 200 000 × 1215 × 12 = 2 916 000 000
 *     / 3 650 000 = 798.9… -> 7,99
 *   F-103 900,00 due 04-01, after the judgment: à échoir, no interest,
 *     no indemnity.
 *   F-104 issued after the judgment: not declared.
 * Échu 1 200,00 + 2 000,00 = 3 200,00; à échoir 900,00; interest 15,98
 * + 7,99 = 23,97; indemnities 2 × 40,00 = 80,00; total 3 200,00 + 900,00
 * + 23,97 + 80,00 = 4 203,97. Asked on 2026-04-10, the interest still
 * stops at 03-16 (to 04-10, F-101 alone would bear 65 days: 25,97). */
static void
test_claim_data (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;
  const RelanceLetterInvoice *invoice;

  open_proceedings (f, FALSE);
  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);

  g_assert_cmpint (claim->due, ==, 320000);
  g_assert_cmpint (claim->to_fall_due, ==, 90000);
  g_assert_cmpint (claim->interest, ==, 2397);
  g_assert_cmpint (claim->indemnity, ==, 8000);
  g_assert_cmpint (claim->total, ==, 420397);
  g_assert_false (claim->late);
  g_assert_cmpstr (claim->debtor_siren, ==, "512345679");

  g_assert_cmpuint (claim->letter->invoices->len, ==, 3);
  invoice = g_ptr_array_index (claim->letter->invoices, 0);
  g_assert_cmpstr (invoice->number, ==, "F-101");
  g_assert_cmpint (invoice->open, ==, 120000);
  g_assert_cmpint (invoice->days_overdue, ==, 40);
  g_assert_cmpint (invoice->interest, ==, 1598);
  g_assert_cmpint (invoice->indemnity, ==, 4000);
  invoice = g_ptr_array_index (claim->letter->invoices, 1);
  g_assert_cmpstr (invoice->number, ==, "F-102");
  g_assert_cmpint (invoice->open, ==, 200000);
  g_assert_cmpint (invoice->days_overdue, ==, 12);
  g_assert_cmpint (invoice->interest, ==, 799);
  invoice = g_ptr_array_index (claim->letter->invoices, 2);
  g_assert_cmpstr (invoice->number, ==, "F-103");
  g_assert_cmpint (invoice->days_overdue, ==, -16);   /* due 04-01, 16 days after 03-16 */
  g_assert_cmpint (invoice->interest, ==, 0);
  g_assert_cmpint (invoice->indemnity, ==, 0);

  /* The letter goes to the mandataire, and claims the same total. */
  g_assert_cmpstr (claim->letter->customer_name, ==, "Maître Sophie Lefebvre");
  g_assert_cmpstr (claim->letter->address, ==, "8 place du Théâtre");
  g_assert_cmpstr (claim->letter->postcode, ==, "59000");
  g_assert_cmpstr (claim->letter->city, ==, "Lille");
  g_assert_cmpint (claim->letter->total_claimed, ==, 420397);
  g_assert_cmpint (claim->letter->total_open, ==, 410000);
  g_assert_cmpuint (claim->letter->interest_periods->len, ==, 2);
}

/* After 27 May the declaration is late; after 27 September, relief is
 * too late too. Abroad, 1 June is still in time (deadline 27 July). */
static void
test_claim_late (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) on_time = NULL;
  g_autoptr(RelanceClaimData) late = NULL;
  g_autoptr(RelanceClaimData) too_late = NULL;

  open_proceedings (f, FALSE);
  on_time = relance_claim_data_get (f->db, f->customer, day ("2026-05-27"), &error);
  g_assert_no_error (error);
  g_assert_false (on_time->late);
  late = relance_claim_data_get (f->db, f->customer, day ("2026-05-28"), &error);
  g_assert_no_error (error);
  g_assert_true (late->late);
  g_assert_false (late->relief_too_late);
  /* The figures do not move: interest stopped at the judgment. */
  g_assert_cmpint (late->interest, ==, 2397);
  too_late = relance_claim_data_get (f->db, f->customer, day ("2026-09-28"), &error);
  g_assert_no_error (error);
  g_assert_true (too_late->relief_too_late);
}

static void
test_claim_abroad (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;

  open_proceedings (f, TRUE);
  claim = relance_claim_data_get (f->db, f->customer, day ("2026-06-01"), &error);
  g_assert_no_error (error);
  g_assert_false (claim->late);
}

/* An invoice paid in full but late before the judgment still owes its
 * interest and indemnity, declared with the others:
 *   F-100 1 000,00 issued 2025-12-01, due 2025-12-31, paid 2026-01-30:
 *     late 2026-01-01..01-30 = 30 days (the day of payment bears
 *     interest) at 2,15 % + 10 = 12,15 %: 100 000 × 1215 × 30
 *     = 3 645 000 000 / 3 650 000 = 998.6… -> 9,99; indemnity 40,00.
 * Interest 23,97 + 9,99 = 33,96; indemnities 3 × 40,00 = 120,00; total
 * 4 100,00 + 33,96 + 120,00 = 4 253,96. Nothing of it is open: it is
 * not among the table's invoices, but apart (paid_late). */
static void
test_claim_paid_late (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;
  const char * const f100[] = { "F-100", NULL };
  const RelanceLetterInvoice *paid;

  add_invoice (f, "F-100", "2025-12-01", "2025-12-31", 100000);
  g_assert_cmpint (relance_ledger_add_payment (f->db, "NORD", day ("2026-01-30"), 100000, f100,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
  open_proceedings (f, FALSE);

  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim->interest, ==, 3396);
  g_assert_cmpint (claim->indemnity, ==, 12000);
  g_assert_cmpint (claim->total, ==, 425396);
  g_assert_cmpuint (claim->letter->invoices->len, ==, 3);
  g_assert_cmpuint (claim->letter->paid_late->len, ==, 1);
  paid = g_ptr_array_index (claim->letter->paid_late, 0);
  g_assert_cmpstr (paid->number, ==, "F-100");
  g_assert_cmpint (paid->interest, ==, 999);
  g_assert_cmpint (paid->indemnity, ==, 4000);
}

/* A disputed invoice is declared all the same (the mandataire verifies
 * it), marked; its interest and indemnity are not claimed while the
 * dispute is open (relance-penalties.h): F-102 disputed since 03-10, so
 * interest 15,98 (F-101 alone), indemnity 40,00, total 4 100,00 + 15,98
 * + 40,00 = 4 155,98. */
static void
test_claim_disputed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;
  const RelanceLetterInvoice *invoice;

  g_assert_cmpint (relance_ledger_open_dispute (f->db, "F-102", "B", 0, day ("2026-03-10"),
                                                "Wrong goods delivered", &error), >, 0);
  g_assert_no_error (error);
  open_proceedings (f, FALSE);

  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claim->letter->invoices->len, ==, 3);
  g_assert_cmpuint (claim->letter->disputed->len, ==, 0);
  invoice = g_ptr_array_index (claim->letter->invoices, 1);
  g_assert_cmpstr (invoice->number, ==, "F-102");
  g_assert_true (invoice->disputed);
  g_assert_cmpint (invoice->interest, ==, 0);
  g_assert_cmpint (claim->due, ==, 320000);
  g_assert_cmpint (claim->interest, ==, 1598);
  g_assert_cmpint (claim->indemnity, ==, 4000);
  g_assert_cmpint (claim->total, ==, 415598);
}

/* Recorded: an action with the three declared invoices and the PDF, and
 * the claim kept; a declaration refused when there is nothing to declare
 * or no proceedings. */
static void
test_claim_record (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;
  g_autoptr(RelanceProceedings) p = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5", 8);
  gint64 action_id;

  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no insolvency proceedings"));
  g_assert_null (claim);
  g_clear_error (&error);

  open_proceedings (f, FALSE);
  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  action_id = relance_claim_record (f->db, claim, "Claim declared", pdf, "Declaration.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (action_id, >, 0);

  g_assert_cmpint (count (f, "SELECT count (*) FROM actions WHERE kind = 'formal_notice'"
                             " AND document_name = 'Declaration.pdf' AND outcome = 'sent'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM action_invoices"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count (*) FROM action_invoices ai JOIN invoices i"
                             " ON i.id = ai.invoice_id WHERE i.number = 'F-104'"), ==, 0);

  p = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_true (p->claim_declared);
  g_assert_cmpint (p->claim_amount, ==, 420397);
  assert_day (p->claim_date, "2026-04-10");
  g_assert_cmpint (p->claim_action_id, ==, action_id);
}

/* Closed for lack of assets and written off, VAT at 20 %: what is still
 * open of the invoices issued before the judgment:
 *   F-101 120 000: 120 000 × 10 000 / 12 000 = 100 000 net, VAT 20 000
 *   F-102 200 000: 166 666.67 -> 166 667 net, VAT 33 333
 *   F-103  90 000:  75 000 net, VAT 15 000
 * written off 410 000 (4 100,00), VAT 68 333 (683,33). F-104 (after the
 * judgment) stays as it is. */
static void
test_close_write_off (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceProceedings) p = NULL;

  open_proceedings (f, FALSE);
  g_assert_true (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_CLOSED,
                                            day ("2026-11-30"), TRUE,
                                            RELANCE_PROCEEDINGS_DEFAULT_VAT_RATE, &error));
  g_assert_no_error (error);

  p = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-12-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->outcome, ==, RELANCE_PROCEEDINGS_CLOSED);
  assert_day (p->closed_on, "2026-11-30");
  g_assert_cmpint (p->written_off, ==, 410000);
  g_assert_cmpint (p->written_off_vat, ==, 68333);
  assert_day (p->written_off_on, "2026-11-30");
  g_assert_cmpint (count (f, "SELECT vat FROM write_offs w JOIN invoices i ON i.id = w.invoice_id"
                             " WHERE i.number = 'F-102'"), ==, 33333);
  g_assert_cmpint (count (f, "SELECT count (*) FROM write_offs w JOIN invoices i ON i.id = w.invoice_id"
                             " WHERE i.number = 'F-104'"), ==, 0);

  /* Closed: nothing left to close, and new proceedings may be opened. */
  g_assert_false (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_PLAN,
                                             day ("2026-12-01"), FALSE, 2000, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

/* A plan: no write-off, the old debts still governed by the judgment. */
static void
test_close_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceProceedings) p = NULL;

  open_proceedings (f, FALSE);
  g_assert_true (relance_proceedings_close (f->db, f->customer, RELANCE_PROCEEDINGS_PLAN,
                                            day ("2026-10-01"), FALSE, 2000, &error));
  g_assert_no_error (error);
  p = relance_proceedings_get_for_customer (f->db, f->customer, day ("2026-10-02"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->outcome, ==, RELANCE_PROCEEDINGS_PLAN);
  g_assert_cmpint (p->written_off, ==, 0);
  g_assert_true (relance_proceedings_covers_issue_date (p, day ("2026-01-05")));
}

/* Nothing to declare when every old invoice is paid. */
static void
test_nothing_to_declare (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (":memory:", &error);
  RelanceCustomerFields sud = { .code = "SUD", .name = "Sudbat", .payment_terms = -1 };
  RelanceProceedingsFields fields = redressement ();
  g_autoptr(RelanceClaimData) claim = NULL;
  gint64 customer;

  g_assert_no_error (error);
  customer = relance_ledger_add_customer (db, &sud, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_proceedings_open (db, customer, &fields, day ("2026-04-10"), &error), >, 0);
  g_assert_no_error (error);
  claim = relance_claim_data_get (db, customer, day ("2026-04-10"), &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no claim to declare"));
  g_assert_null (claim);
}

/* Nothing born before the judgment is reminded after it. On 2026-05-20
 * (no step done, standard scenario: call at D+3, letter at D+15, formal
 * notice at D+40), before the proceedings, the worklist asks for the call
 * of D+3 about F-101 (due 02-04, 105 days late), F-102 (due 03-04) and
 * F-103 (due 04-01), all issued before the judgment, and F-104 (issued
 * 03-20, due 04-19, 31 days late).
 *
 * Once the judgment of 03-16 is recorded (BODACC 03-27), the customer's
 * item is the claim to declare before 05-27 (03-27 + 2 months), and on
 * 05-20 it is urgent (05-27 - 15 = 05-12 <= 05-20), among the first of
 * the priority. Its amount is what the
 * old debts leave open: 1 200,00 + 2 000,00 + 900,00 = 4 100,00 €. On
 * 04-10 the deadline is 47 days away: not urgent.
 *
 * After 05-27 it is the relief from forclusion to ask for before 09-27
 * (03-27 + 6 months); after 09-27, nothing more. Once the claim is
 * declared, only F-104, a debt born after the judgment, is reminded:
 * 300,00 €. Sending a formal notice now is refused with the reason while
 * only the old debts are overdue (on 2026-04-15, F-104 is not yet due). */
static void
test_not_reminded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RelanceClaimData) claim = NULL;
  RelanceWorklistSummary summary;
  RelanceWorkItem *item;
  RelanceWorkSubstitute missing;

  before = relance_worklist_compute (f->db, day ("2026-05-20"), &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  item = g_ptr_array_index (before, 0);
  g_assert_cmpuint (item->invoices->len, ==, 4);
  /* 1 200,00 + 2 000,00 + 900,00 + 300,00 */
  g_assert_cmpint (item->amount, ==, 440000);
  g_assert_cmpuint (summary.n_customers_in_proceedings, ==, 0);

  open_proceedings (f, FALSE);

  after = relance_worklist_compute (f->db, day ("2026-05-20"), &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (item->group, ==, RELANCE_WORK_CLAIM);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_DECLARE_CLAIM);
  assert_day (item->claim_deadline, "2026-05-27");
  assert_day (item->step_due, "2026-05-27");
  assert_day (item->claim_judgment, "2026-03-16");
  /* 7 days before the deadline: 05-20 - 05-27 */
  g_assert_cmpint (item->oldest_days_overdue, ==, -7);
  g_assert_true (item->claim_urgent);
  g_assert_true (relance_work_item_is_urgent (item));
  g_assert_cmpint (item->amount, ==, 410000);
  g_assert_cmpuint (item->invoices->len, ==, 0);
  g_assert_cmpuint (summary.n_customers_in_proceedings, ==, 1);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_CLAIM], ==, 1);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_CALL], ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);

  after = relance_worklist_compute (f->db, day ("2026-04-10"), &summary, NULL, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_DECLARE_CLAIM);
  g_assert_false (item->claim_urgent);
  g_clear_pointer (&after, g_ptr_array_unref);

  after = relance_worklist_compute (f->db, day ("2026-05-28"), &summary, NULL, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_ASK_RELIEF);
  assert_day (item->claim_deadline, "2026-09-27");
  g_assert_false (item->claim_urgent);
  g_clear_pointer (&after, g_ptr_array_unref);

  after = relance_worklist_compute (f->db, day ("2026-09-28"), &summary, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((RelanceWorkItem *) g_ptr_array_index (after, i))->group, !=, RELANCE_WORK_CLAIM);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The day before the judgment nothing changes yet. */
  after = relance_worklist_compute (f->db, day ("2026-03-15"), &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_customers_in_proceedings, ==, 0);
  g_assert_cmpuint (summary.counts[RELANCE_WORK_CLAIM], ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);

  item = relance_worklist_get_formal_notice_item (f->db, f->customer, day ("2026-04-15"), &missing, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "insolvency proceedings since 2026-03-16"));
  g_assert_null (item);
  g_clear_error (&error);

  /* The claim declared on 04-10: on 05-20 F-104 alone is reminded. */
  claim = relance_claim_data_get (f->db, f->customer, day ("2026-04-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_claim_record (f->db, claim, "Claim declared", NULL, "Declaration.pdf", &error), >, 0);
  g_assert_no_error (error);
  after = relance_worklist_compute (f->db, day ("2026-05-20"), &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (item->reason, ==, RELANCE_WORK_REASON_STEP);
  g_assert_cmpuint (item->invoices->len, ==, 1);
  g_assert_cmpstr (((RelanceWorkInvoice *) g_ptr_array_index (item->invoices, 0))->number, ==, "F-104");
  g_assert_cmpint (item->amount, ==, 30000);
  g_assert_cmpuint (summary.n_customers_in_proceedings, ==, 1);
}

/* A letter never claims a debt born before the judgment. On 2026-04-15
 * the letter's data hold F-104 alone (issued 03-20, after the judgment of
 * 03-16, 300,00 €); F-101, F-102 and F-103 are set apart: 1 200,00 +
 * 2 000,00 + 900,00 = 4 100,00 €, with none of their penalties. Once F-104
 * is paid (04-10), nothing can be claimed, and the reason says why. */
static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d EUR", cents / 100, (int) (cents % 100));
}

static void
test_no_letter (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetterData) letter = NULL;
  g_autofree char *reason = NULL;
  const char * const f104[] = { "F-104", NULL };

  open_proceedings (f, FALSE);

  letter = relance_letter_data_get (f->db, f->customer, day ("2026-04-15"), NULL, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letter->invoices->len, ==, 1);
  g_assert_cmpstr (((RelanceLetterInvoice *) g_ptr_array_index (letter->invoices, 0))->number, ==, "F-104");
  assert_day (letter->proceedings_judgment, "2026-03-16");
  g_assert_cmpint (letter->total_in_proceedings, ==, 410000);
  /* F-104 is not late on 04-15: no interest, no indemnity. */
  g_assert_cmpint (letter->interest, ==, 0);
  g_assert_cmpint (letter->indemnity, ==, 0);
  g_assert_cmpint (letter->total_claimed, ==, 30000);
  reason = relance_letter_data_get_nothing_to_claim (letter, format_cents);
  g_assert_null (reason);
  g_clear_pointer (&letter, relance_letter_data_free);

  g_assert_cmpint (relance_ledger_add_payment (f->db, "NORD", day ("2026-04-10"), 30000, f104,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
  letter = relance_letter_data_get (f->db, f->customer, day ("2026-04-15"), NULL, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letter->invoices->len, ==, 0);
  g_assert_cmpuint (letter->paid_late->len, ==, 0);
  reason = relance_letter_data_get_nothing_to_claim (letter, format_cents);
  g_assert_cmpstr (reason, ==, "The customer is in insolvency proceedings since 2026-03-16: the 4100.00 EUR "
                               "due before the judgment are declared to the mandataire, never reminded");
}

/* The interest of the debts born before the judgment stops on its day,
 * on the customer's page and wherever relance_penalties_compute() is
 * read; a debt born after it runs as usual. On 2026-05-20, at 12,15 %:
 *   F-101 1 200,00 € due 02-04: 02-05 to 03-16 = 24 + 16 = 40 days,
 *         120 000 × 1215 × 40 / 3 650 000 = 1 597,81 → 15,98 €
 *         (without the proceedings, to 05-20: 105 days);
 *   F-104 300,00 € issued 03-20, due 04-19: 04-20 to 05-20 = 31 days,
 *         30 000 × 1215 × 31 / 3 650 000 = 309,58 → 3,10 €. */
static void
test_interest_stops (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelancePenalties) before = NULL;
  g_autoptr(RelancePenalties) after = NULL;
  gint64 f101_before = 0;
  guint found = 0;

  before = relance_penalties_compute (f->db, f->customer, day ("2026-05-20"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->judgment, ==, 0);
  for (guint i = 0; i < before->lines->len; i++)
    {
      RelancePenaltyLine *line = g_ptr_array_index (before->lines, i);

      if (g_str_equal (line->number, "F-101"))
        f101_before = line->interest;
    }
  g_assert_cmpint (f101_before, >, 1598);

  open_proceedings (f, FALSE);
  after = relance_penalties_compute (f->db, f->customer, day ("2026-05-20"), &error);
  g_assert_no_error (error);
  assert_day (after->judgment, "2026-03-16");
  for (guint i = 0; i < after->lines->len; i++)
    {
      RelancePenaltyLine *line = g_ptr_array_index (after->lines, i);

      if (g_str_equal (line->number, "F-101"))
        {
          g_assert_cmpint (line->interest, ==, 1598);
          found++;
        }
      else if (g_str_equal (line->number, "F-104"))
        {
          g_assert_cmpint (line->interest, ==, 310);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/proceedings/deadlines", test_deadlines);
  ADD ("/proceedings/open-and-get", test_open_and_get);
  ADD ("/proceedings/abroad", test_abroad);
  ADD ("/proceedings/refusals", test_refusals);
  ADD ("/proceedings/claim/data", test_claim_data);
  ADD ("/proceedings/claim/late", test_claim_late);
  ADD ("/proceedings/claim/abroad", test_claim_abroad);
  ADD ("/proceedings/claim/paid-late", test_claim_paid_late);
  ADD ("/proceedings/claim/disputed", test_claim_disputed);
  ADD ("/proceedings/claim/record", test_claim_record);
  ADD ("/proceedings/close/write-off", test_close_write_off);
  ADD ("/proceedings/close/plan", test_close_plan);
  ADD ("/proceedings/not-reminded", test_not_reminded);
  ADD ("/proceedings/no-letter", test_no_letter);
  ADD ("/proceedings/interest-stops", test_interest_stops);
  g_test_add_func ("/proceedings/nothing-to-declare", test_nothing_to_declare);

  return g_test_run ();
}
