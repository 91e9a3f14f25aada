/* test-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database.h"
#include "relance-dispute.h"
#include "relance-error.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-sample.h"

static RelanceDatabase *
make_sample (guint64     seed,
             RelanceDay  today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (":memory:", &error);
  RelanceSampleOptions options;

  g_assert_no_error (error);
  relance_sample_options_init (&options, today);
  options.seed = seed;
  g_assert_true (relance_sample_generate (db, &options, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

static char *
describe (RelanceDatabase *db,
          RelanceDay       today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = relance_ledger_aged_balance (db, today, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RelanceAgedRow *row = rows->pdata[i];

      g_string_append_printf (out, "%s %s", row->code, row->name);
      for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
        g_string_append_printf (out, " %" G_GINT64_FORMAT, row->buckets[b]);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sample_deterministic (void)
{
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  g_autoptr(RelanceDatabase) a = make_sample (1, today);
  g_autoptr(RelanceDatabase) b = make_sample (1, today);
  g_autoptr(RelanceDatabase) c = make_sample (2, today);
  g_autofree char *text_a = describe (a, today);
  g_autofree char *text_b = describe (b, today);
  g_autofree char *text_c = describe (c, today);

  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_a, !=, text_c);
}

/* What the issue promises of the sample company: 150 customers, 3,000
 * invoices over 18 months, payments on time, late and partial, credit
 * notes, disputes of causes A to D opened and resolved. */
static void
test_sample_realistic (void)
{
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  g_autoptr(RelanceDatabase) db = make_sample (1, today);
  g_autoptr(RelanceListModel) customers = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, today);
  g_autoptr(RelanceListModel) invoices = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  g_autoptr(RelanceListModel) disputes = relance_list_model_new (db, RELANCE_LIST_DISPUTES, today);
  guint n_invoices = 0, n_credit = 0, n_paid = 0, n_partial = 0, n_overdue = 0, n_over_90 = 0;
  guint causes_open[4] = { 0 }, causes_resolved[4] = { 0 };
  RelanceDay oldest = G_MAXINT32;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 150);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (invoices)); i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (invoices), i);

      if (relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_CREDIT_NOTE)
        {
          n_credit++;
          continue;
        }

      n_invoices++;
      oldest = MIN (oldest, relance_invoice_get_issue_date (invoice));
      if (relance_invoice_get_open (invoice) == 0)
        n_paid++;
      else if (relance_invoice_get_open (invoice) < relance_invoice_get_amount (invoice))
        n_partial++;
      if (relance_invoice_get_days_overdue (invoice) > 0)
        n_overdue++;
      if (relance_invoice_get_days_overdue (invoice) > 90)
        n_over_90++;
    }

  g_assert_cmpuint (n_invoices, ==, 3000);
  g_assert_cmpuint (n_credit, >, 10);
  g_assert_cmpuint (n_paid, >, 2000);
  g_assert_cmpuint (n_partial, >, 10);
  g_assert_cmpuint (n_overdue, >, 100);
  g_assert_cmpuint (n_over_90, >, 10);
  g_assert_cmpint (today - oldest, >=, 500);
  g_assert_cmpint (today - oldest, <=, 540);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (disputes)); i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (disputes), i);
      int cause = relance_dispute_get_cause_code (dispute)[0] - 'A';

      g_assert_cmpint (cause, >=, 0);
      g_assert_cmpint (cause, <, 4);
      if (relance_dispute_get_status (dispute) == RELANCE_DISPUTE_STATUS_OPEN)
        causes_open[cause]++;
      else
        causes_resolved[cause]++;
    }

  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (causes_resolved[i], >, 0);
  g_assert_cmpuint (causes_open[0] + causes_open[1] + causes_open[2] + causes_open[3], >, 0);
}

static void
test_sample_refuses (void)
{
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  g_autoptr(RelanceDatabase) db = make_sample (1, today);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe (db, today);
  g_autofree char *after = NULL;
  RelanceSampleOptions options;

  relance_sample_options_init (&options, today);
  g_assert_false (relance_sample_generate (db, &options, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty ledger"));
  after = describe (db, today);
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(RelanceDatabase) empty = relance_database_open (":memory:", NULL);

    g_clear_error (&error);
    options.n_invoices = 0;
    g_assert_false (relance_sample_generate (empty, &options, &error));
    g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    g_assert_true (relance_database_is_empty (empty));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sample/deterministic", test_sample_deterministic);
  g_test_add_func ("/sample/realistic", test_sample_realistic);
  g_test_add_func ("/sample/refuses", test_sample_refuses);

  return g_test_run ();
}
