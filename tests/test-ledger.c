/* test-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database.h"
#include "relance-error.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-ledger-private.h"
#include "relance-list-model.h"
#include "relance-money.h"

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

static void
add_customer (Fixture    *fixture,
              const char *code,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = name, .payment_terms = -1 };

  g_assert_cmpint (relance_ledger_add_customer (fixture->db, &fields, &error), >, 0);
  g_assert_no_error (error);
}

static void
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

  g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &fields, &error), >, 0);
  g_assert_no_error (error);
}

/* The ledger as a user sees it: every invoice's number, open balance and
 * status, one line each. Tests compare it before and after a refused write. */
static char *
snapshot (Fixture *fixture)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (out, "%s %s %" G_GINT64_FORMAT " %s\n",
                              relance_invoice_get_number (invoice),
                              relance_invoice_get_customer_code (invoice),
                              relance_invoice_get_open (invoice),
                              relance_invoice_status_to_string (relance_invoice_get_status (invoice)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static RelanceInvoice *
find_invoice (Fixture    *fixture,
              const char *number)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  guint n;

  relance_list_model_set_search (model, number);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (relance_invoice_get_number (invoice), number))
        return g_steal_pointer (&invoice);
    }

  g_assert_not_reached ();
}

static gint64
open_of (Fixture    *fixture,
         const char *number)
{
  g_autoptr(RelanceInvoice) invoice = find_invoice (fixture, number);

  return relance_invoice_get_open (invoice);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->today = day ("2026-11-23");

  add_customer (fixture, "411DUP", "Dupont SARL");
  add_customer (fixture, "411LEF", "Éts Lefèvre");
  add_invoice (fixture, "411DUP", "F-001", "2026-08-01", "2026-08-31", 100000, FALSE);
  add_invoice (fixture, "411DUP", "F-002", "2026-09-01", "2026-10-01", 50000, FALSE);
  add_invoice (fixture, "411DUP", "F-003", "2026-11-01", "2026-12-01", 20000, FALSE);
  add_invoice (fixture, "411LEF", "F-004", "2026-10-15", "2026-11-14", 30050, FALSE);
  add_invoice (fixture, "411LEF", "AV-001", "2026-11-02", "2026-11-02", 5000, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
}

static void
test_customer_bad_input (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct {
    RelanceCustomerFields fields;
    int                   code;
    const char           *words;
  } cases[] = {
    { { .code = "411dup", .name = "Another", .payment_terms = -1 }, RELANCE_ERROR_DUPLICATE, "already exists" },
    { { .code = " ", .name = "No code", .payment_terms = -1 }, RELANCE_ERROR_INVALID, "code" },
    { { .code = "411NEW", .name = "", .payment_terms = -1 }, RELANCE_ERROR_INVALID, "name" },
    { { .code = "411NEW", .name = "X", .payment_terms = 400 }, RELANCE_ERROR_INVALID, "400" },
    { { .code = "411NEW", .name = "X", .country = "France", .payment_terms = -1 }, RELANCE_ERROR_INVALID, "France" },
    { { .code = "411NEW", .name = "X", .email = "compta at x", .payment_terms = -1 }, RELANCE_ERROR_INVALID, "compta at x" },
  };
  g_autofree char *before = snapshot (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (relance_ledger_add_customer (fixture->db, &cases[i].fields, &error), ==, 0);
      g_assert_error (error, RELANCE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  g_assert_cmpint (relance_ledger_find_customer (fixture->db, "411NEW", NULL), ==, 0);
}

static void
test_customer_find (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = "  411NEW ", .name = " Nouveau ", .segment = "Grands comptes",
                                   .country = "be", .payment_terms = 45 };
  gint64 id;

  id = relance_ledger_add_customer (fixture->db, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_find_customer (fixture->db, "411new", NULL), ==, id);

  g_assert_cmpint (relance_ledger_find_customer (fixture->db, "411XXX", &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "411XXX"));
}

static void
test_invoice_bad_input (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct {
    const char *customer;
    const char *number;
    const char *issued;
    const char *due;
    gint64      amount;
    int         code;
    const char *words;
  } cases[] = {
    { "411XXX", "F-100", "2026-01-01", "2026-02-01", 100, RELANCE_ERROR_NOT_FOUND, "411XXX" },
    { "411DUP", "f-001", "2026-01-01", "2026-02-01", 100, RELANCE_ERROR_DUPLICATE, "411DUP" },
    { "411DUP", "F-100", "2026-03-01", "2026-02-01", 100, RELANCE_ERROR_INVALID, "before the issue date" },
    { "411DUP", "F-100", "2026-01-01", "2026-02-01", 0, RELANCE_ERROR_INVALID, "more than zero" },
    { "411DUP", "F-100", "2026-01-01", "2026-02-01", -500, RELANCE_ERROR_INVALID, "credit note" },
    { "411DUP", "  ", "2026-01-01", "2026-02-01", 100, RELANCE_ERROR_INVALID, "number" },
  };
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      RelanceInvoiceFields fields = {
        .customer_code = cases[i].customer, .number = cases[i].number,
        .issue_date = day (cases[i].issued), .due_date = day (cases[i].due),
        .amount = cases[i].amount,
      };

      g_assert_cmpint (relance_ledger_add_invoice (fixture->db, &fields, &error), ==, 0);
      g_assert_error (error, RELANCE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_invoice_status (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceInvoice) overdue = find_invoice (fixture, "F-001");
  g_autoptr(RelanceInvoice) not_due = find_invoice (fixture, "F-003");
  g_autoptr(RelanceInvoice) credit = find_invoice (fixture, "AV-001");

  g_assert_cmpint (relance_invoice_get_status (overdue), ==, RELANCE_INVOICE_STATUS_OVERDUE);
  g_assert_cmpint (relance_invoice_get_days_overdue (overdue), ==, 84);   /* 31 Aug to 23 Nov */
  g_assert_cmpint (relance_invoice_get_status (not_due), ==, RELANCE_INVOICE_STATUS_OPEN);
  g_assert_cmpint (relance_invoice_get_days_overdue (not_due), ==, 0);
  /* A credit note counts against the customer. */
  g_assert_cmpint (relance_invoice_get_amount (credit), ==, -5000);
  g_assert_cmpint (relance_invoice_get_open (credit), ==, -5000);
  g_assert_cmpint (relance_invoice_get_kind (credit), ==, RELANCE_INVOICE_KIND_CREDIT_NOTE);
  g_assert_cmpint (relance_invoice_get_days_overdue (credit), ==, 0);
}

static void
test_payment_oldest_first (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  /* 1,200.00 settles F-001 (1,000.00) then 200.00 of F-002. */
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-10"), 120000,
                                               NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, "F-001"), ==, 0);
  g_assert_cmpint (open_of (fixture, "F-002"), ==, 30000);
  g_assert_cmpint (open_of (fixture, "F-003"), ==, 20000);

  g_assert_true (relance_ledger_get_customer_balance (fixture->db,
                                                      relance_ledger_find_customer (fixture->db, "411DUP", NULL),
                                                      &balance, &error));
  g_assert_cmpint (balance, ==, 50000);

  {
    g_autoptr(RelanceInvoice) paid = find_invoice (fixture, "F-001");

    g_assert_cmpint (relance_invoice_get_status (paid), ==, RELANCE_INVOICE_STATUS_PAID);
    g_assert_cmpint (relance_invoice_get_days_overdue (paid), ==, 0);
  }
}

static void
test_payment_named (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const numbers[] = { "F-003", "F-001", NULL };

  /* Named invoices are settled in the order given, the last one in part. */
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-10"), 30000,
                                               numbers, "cheque", "CHQ 123", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (open_of (fixture, "F-003"), ==, 0);
  g_assert_cmpint (open_of (fixture, "F-001"), ==, 90000);
  g_assert_cmpint (open_of (fixture, "F-002"), ==, 50000);
}

static void
test_payment_bad_input (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const other_customer[] = { "F-004", NULL };
  const char * const unknown[] = { "F-999", NULL };
  const char * const credit[] = { "AV-001", NULL };
  const char * const twice[] = { "F-001", "F-001", NULL };
  const char * const just_one[] = { "F-002", NULL };
  const struct {
    const char         *customer;
    gint64              amount;
    const char * const *numbers;
    const char         *words;
  } cases[] = {
    { "411DUP", 170001, NULL, "more than" },        /* 1,700.00 is open in all */
    { "411DUP", 50001, just_one, "more than" },
    { "411DUP", 0, NULL, "more than zero" },
    { "411DUP", -100, NULL, "more than zero" },
    { "411XXX", 100, NULL, "411XXX" },
    { "411DUP", 100, other_customer, "not an invoice of customer" },
    { "411DUP", 100, unknown, "F-999" },
    { "411LEF", 100, credit, "credit note" },
    { "411DUP", 100, twice, "twice" },
  };
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (relance_ledger_add_payment (fixture->db, cases[i].customer, day ("2026-11-10"),
                                                   cases[i].amount, cases[i].numbers, NULL, NULL, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);

  /* Paying a paid invoice by name is refused too. */
  {
    g_autoptr(GError) error = NULL;
    const char * const first[] = { "F-001", NULL };

    g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-10"), 100000,
                                                 first, NULL, NULL, &error), >, 0);
    g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-11"), 100,
                                                 first, NULL, NULL, &error), ==, 0);
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already paid"));
  }
}

static void
test_dispute_cycle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-002", "b", 20000, day ("2026-10-05"),
                                                "Livraison incomplète", &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr(RelanceInvoice) invoice = find_invoice (fixture, "F-002");

    g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_DISPUTED);
  }

  /* A second dispute on the same invoice names the first one's cause. */
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-002", "A", 0, day ("2026-10-06"),
                                                NULL, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "B ("));
  g_clear_error (&error);

  g_assert_false (relance_ledger_resolve_dispute (fixture->db, "F-002", day ("2026-10-01"), NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (relance_ledger_resolve_dispute (fixture->db, "F-002", day ("2026-10-20"),
                                                 "Reste livré", &error));
  g_assert_no_error (error);

  {
    g_autoptr(RelanceInvoice) invoice = find_invoice (fixture, "F-002");

    g_assert_cmpint (relance_invoice_get_status (invoice), ==, RELANCE_INVOICE_STATUS_OVERDUE);
  }

  g_assert_false (relance_ledger_resolve_dispute (fixture->db, "F-002", day ("2026-10-21"), NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no open dispute"));
}

static void
test_dispute_bad_input (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct {
    const char *number;
    const char *cause;
    gint64      amount;
    const char *date;
    const char *words;
  } cases[] = {
    { "F-999", "A", 0, "2026-11-01", "F-999" },
    { "F-001", "Z", 0, "2026-11-01", "A (" },          /* lists the causes */
    { "F-001", "A", 100001, "2026-11-01", "more than" },
    { "F-001", "A", -5, "2026-11-01", "negative" },
    { "F-001", "A", 0, "2026-07-01", "before its invoice" },
    { "AV-001", "A", 0, "2026-11-05", "credit note" },
    { "F-PAID", "A", 0, "2026-11-05", "is paid" },
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_invoice (fixture, "411LEF", "F-PAID", "2026-10-01", "2026-10-31", 1000, FALSE);
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411LEF", day ("2026-10-20"), 1000,
                                               (const char *[]) { "F-PAID", NULL }, NULL, NULL, NULL), >, 0);
  before = snapshot (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (relance_ledger_open_dispute (fixture->db, cases[i].number, cases[i].cause,
                                                    cases[i].amount, day (cases[i].date), NULL, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_age_buckets (void)
{
  RelanceDay at = day ("2026-11-23");

  g_assert_cmpint (relance_age_bucket_for (at + 5, at), ==, RELANCE_AGE_NOT_DUE);
  g_assert_cmpint (relance_age_bucket_for (at, at), ==, RELANCE_AGE_NOT_DUE);
  g_assert_cmpint (relance_age_bucket_for (at - 1, at), ==, RELANCE_AGE_1_30);
  g_assert_cmpint (relance_age_bucket_for (at - 30, at), ==, RELANCE_AGE_1_30);
  g_assert_cmpint (relance_age_bucket_for (at - 31, at), ==, RELANCE_AGE_31_60);
  g_assert_cmpint (relance_age_bucket_for (at - 60, at), ==, RELANCE_AGE_31_60);
  g_assert_cmpint (relance_age_bucket_for (at - 61, at), ==, RELANCE_AGE_61_90);
  g_assert_cmpint (relance_age_bucket_for (at - 90, at), ==, RELANCE_AGE_61_90);
  g_assert_cmpint (relance_age_bucket_for (at - 91, at), ==, RELANCE_AGE_OVER_90);
}

static RelanceAgedRow *
row_for (GPtrArray  *rows,
         const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((RelanceAgedRow *)rows->pdata[i])->code, code))
      return rows->pdata[i];

  return NULL;
}

static void
test_aged_balance (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(RelanceListModel) invoices = NULL;
  RelanceAgedRow *dup, *lef;
  gint64 total = 0, open_sum = 0;
  guint n;

  /* 300.00 of F-001 paid on 15 November. */
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-15"), 30000,
                                               NULL, NULL, NULL, &error), >, 0);

  rows = relance_ledger_aged_balance (fixture->db, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  dup = row_for (rows, "411DUP");
  g_assert_cmpstr (dup->name, ==, "Dupont SARL");
  g_assert_cmpint (dup->buckets[RELANCE_AGE_NOT_DUE], ==, 20000);      /* F-003 */
  g_assert_cmpint (dup->buckets[RELANCE_AGE_1_30], ==, 0);
  g_assert_cmpint (dup->buckets[RELANCE_AGE_31_60], ==, 50000);        /* F-002, 53 days */
  g_assert_cmpint (dup->buckets[RELANCE_AGE_61_90], ==, 70000);        /* F-001, 84 days */
  g_assert_cmpint (dup->buckets[RELANCE_AGE_OVER_90], ==, 0);
  g_assert_cmpint (dup->total, ==, 140000);
  lef = row_for (rows, "411LEF");
  g_assert_cmpint (lef->buckets[RELANCE_AGE_1_30], ==, 30050 - 5000); /* F-004 less AV-001 (21 days) */
  g_assert_cmpint (lef->total, ==, 25050);

  /* The total is the sum of the open balances the invoices list shows. */
  invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  n = g_list_model_get_n_items (G_LIST_MODEL (invoices));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (invoices), i);

      open_sum += relance_invoice_get_open (invoice);
    }
  for (guint i = 0; i < rows->len; i++)
    total += ((RelanceAgedRow *)rows->pdata[i])->total;
  g_assert_cmpint (total, ==, open_sum);

  /* On 12 November, the payment of the 15th had not come, F-004 was not
   * due yet, and the credit note, dated 2 November, aged like any item... */
  past = relance_ledger_aged_balance (fixture->db, day ("2026-11-12"), &error);
  g_assert_no_error (error);
  dup = row_for (past, "411DUP");
  g_assert_cmpint (dup->buckets[RELANCE_AGE_61_90], ==, 100000);       /* F-001, 73 days, unpaid */
  g_assert_cmpint (dup->buckets[RELANCE_AGE_31_60], ==, 50000);        /* F-002, 42 days */
  g_assert_cmpint (dup->buckets[RELANCE_AGE_NOT_DUE], ==, 20000);
  lef = row_for (past, "411LEF");
  g_assert_cmpint (lef->buckets[RELANCE_AGE_NOT_DUE], ==, 30050);
  g_assert_cmpint (lef->buckets[RELANCE_AGE_1_30], ==, -5000);

  /* ...and on 1 September only F-001 existed, not yet due. */
  early = relance_ledger_aged_balance (fixture->db, day ("2026-08-20"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->len, ==, 1);
  g_assert_cmpint (((RelanceAgedRow *)early->pdata[0])->buckets[RELANCE_AGE_NOT_DUE], ==, 100000);
}


static gboolean
amounts_after (Fixture    *fixture,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  gboolean after = TRUE;

  g_assert_true (_relance_ledger_amounts_after (fixture->db, day (iso), &after, &error));
  g_assert_no_error (error);
  return after;
}

static gboolean
disputes_after (Fixture    *fixture,
                const char *iso)
{
  g_autoptr(GError) error = NULL;
  gboolean after = TRUE;

  g_assert_true (_relance_ledger_disputes_after (fixture->db, day (iso), &after, &error));
  g_assert_no_error (error);
  return after;
}

static guint
count_disputed (Fixture    *fixture,
                const char *iso)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, day (iso));
  RelanceListTotals totals;

  relance_list_model_set_status (model, RELANCE_LIST_STATUS_DISPUTED);
  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpuint (totals.count, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  return totals.count;
}

/* Whether anything is dated after a day, which tells the lists they can
 * read the stored open amounts and dispute statuses; and the status of a
 * dispute on a day it was open and closed on later. The last item of the
 * fixture, the credit note AV-001, is issued on 02/11/2026. */
static void
test_dated_after (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const f002[] = { "F-002", NULL };

  g_assert_true (amounts_after (fixture, "2026-11-01"));
  g_assert_false (amounts_after (fixture, "2026-11-02"));
  g_assert_false (disputes_after (fixture, "2000-01-01"));

  /* A payment on 20/11 settles part of F-002. */
  g_assert_cmpint (relance_ledger_add_payment (fixture->db, "411DUP", day ("2026-11-20"), 10000, f002,
                                               NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (amounts_after (fixture, "2026-11-19"));
  g_assert_false (amounts_after (fixture, "2026-11-20"));

  /* F-002 disputed from 10/11 to 25/11: only the disputes are dated after
   * 24/11, and the list sees F-002 disputed that day, not on 25/11. */
  g_assert_cmpint (relance_ledger_open_dispute (fixture->db, "F-002", "A", 0, day ("2026-11-10"),
                                                NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (disputes_after (fixture, "2026-11-09"));
  g_assert_false (disputes_after (fixture, "2026-11-10"));
  g_assert_true (relance_ledger_resolve_dispute (fixture->db, "F-002", day ("2026-11-25"), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (disputes_after (fixture, "2026-11-24"));
  g_assert_false (disputes_after (fixture, "2026-11-25"));
  g_assert_false (amounts_after (fixture, "2026-11-24"));

  g_assert_cmpuint (count_disputed (fixture, "2026-11-09"), ==, 0);
  g_assert_cmpuint (count_disputed (fixture, "2026-11-24"), ==, 1);
  g_assert_cmpuint (count_disputed (fixture, "2026-11-25"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ledger/customer/bad-input", test_customer_bad_input);
  ADD ("/ledger/customer/find", test_customer_find);
  ADD ("/ledger/invoice/bad-input", test_invoice_bad_input);
  ADD ("/ledger/invoice/status", test_invoice_status);
  ADD ("/ledger/payment/oldest-first", test_payment_oldest_first);
  ADD ("/ledger/payment/named", test_payment_named);
  ADD ("/ledger/payment/bad-input", test_payment_bad_input);
  ADD ("/ledger/dispute/cycle", test_dispute_cycle);
  ADD ("/ledger/dispute/bad-input", test_dispute_bad_input);
  ADD ("/ledger/aged-balance", test_aged_balance);
  ADD ("/ledger/dated-after", test_dated_after);
#undef ADD
  g_test_add_func ("/ledger/age-buckets", test_age_buckets);

  return g_test_run ();
}
