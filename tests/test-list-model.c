/* test-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-causes.h"
#include "relance-customer.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-dispute.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-sample.h"
#include "relance-text.h"

typedef struct
{
  RelanceDatabase *db;
  RelanceDay       today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceSampleOptions options;

  fixture->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->today = relance_day_from_dmy (23, 11, 2026);

  relance_sample_options_init (&options, fixture->today);
  g_assert_true (relance_sample_generate (fixture->db, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
}

static void
add_customer (Fixture    *fixture,
              const char *code,
              const char *name,
              const char *city)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields fields = { .code = code, .name = name, .city = city, .payment_terms = -1 };

  g_assert_cmpint (relance_ledger_add_customer (fixture->db, &fields, &error), >, 0);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RelanceListModel) customers = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, fixture->today);
  g_autoptr(RelanceListModel) invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  g_autoptr(RelanceListModel) disputes = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES, fixture->today);
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 150);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (customers)) == RELANCE_TYPE_CUSTOMER);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (invoices)) == RELANCE_TYPE_INVOICE);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (disputes)) == RELANCE_TYPE_DISPUTE);

  n = g_list_model_get_n_items (G_LIST_MODEL (invoices));
  g_assert_cmpuint (n, >=, 3000);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (invoices), n));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), >, 50);
}

/* Every row, read page by page and out of order, is the row the sort
 * order puts there: numbers strictly increase. */
static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint positions[] = { n - 1, 0, n / 2, 63, 64, 65, n - 64 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_ptr_array_add (numbers, g_strdup (relance_invoice_get_number (invoice)));
      if (i > 0)
        g_assert_cmpstr (numbers->pdata[i - 1], <, numbers->pdata[i]);
    }

  /* A fresh model asked at random positions agrees. */
  {
    g_autoptr(RelanceListModel) other = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (other), positions[i]);

        g_assert_cmpstr (relance_invoice_get_number (invoice), ==, numbers->pdata[positions[i]]);
      }
  }
}

/* Longer than the page cache holds: every row still comes, in order, both
 * read straight through and jumping back and forth. */
static void
test_long_listing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (":memory:", &error);
  g_autoptr(RelanceListModel) model = NULL;
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);
  RelanceSampleOptions options;
  g_autofree gint64 *ids = NULL;
  guint n;

  relance_sample_options_init (&options, today);
  options.n_customers = 40;
  options.n_invoices = 8000;
  g_assert_true (relance_sample_generate (db, &options, &error));

  model = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 8000);
  ids = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (invoice);
      ids[i] = relance_invoice_get_id (invoice);
      g_assert_cmpint (ids[i], >, 0);
    }

  for (guint i = 0; i < 2 * n; i += 97)
    {
      guint position = (i * 7919) % n;
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), position);

      g_assert_cmpint (relance_invoice_get_id (invoice), ==, ids[position]);
    }
}

static void
test_sort_customers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, fixture->today);
  const char * const *keys = relance_list_model_get_sort_keys (model);
  gint64 previous = G_MAXINT64;
  guint n;

  g_assert_cmpstr (keys[0], ==, "code");
  g_assert_true (g_strv_contains (keys, "balance"));
  g_assert_false (relance_list_model_set_sort (model, "'; DROP TABLE customers; --", FALSE));

  g_assert_true (relance_list_model_set_sort (model, "balance", TRUE));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 150);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (relance_customer_get_balance (customer), <=, previous);
      previous = relance_customer_get_balance (customer);
    }

  /* Cities in the order people read them: accents do not count. */
  g_assert_true (relance_list_model_set_sort (model, "city", FALSE));
  {
    g_autofree char *previous_city = g_strdup ("");

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_autofree char *city = relance_text_fold (relance_customer_get_city (customer));

        g_assert_cmpstr (previous_city, <=, city);
        g_free (previous_city);
        previous_city = g_steal_pointer (&city);
      }
  }

  /* Oldest overdue first: days overdue never increase down the list. */
  g_assert_true (relance_list_model_set_sort (model, "days", TRUE));
  previous = G_MAXINT64;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (relance_customer_get_days_overdue (customer), <=, previous);
      previous = relance_customer_get_days_overdue (customer);
    }
}

static void
test_sort_invoices (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  const char * const *keys = relance_list_model_get_sort_keys (model);

  for (guint k = 0; keys[k] != NULL; k++)
    for (int descending = 0; descending <= 1; descending++)
      {
        guint n;
        gint64 previous = descending ? G_MAXINT64 : G_MININT64;
        g_autofree char *previous_name = NULL;

        g_assert_true (relance_list_model_set_sort (model, keys[k], descending));
        n = g_list_model_get_n_items (G_LIST_MODEL (model));
        g_assert_cmpuint (n, >=, 3000);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);
            gint64 value;

            if (g_str_equal (keys[k], "amount"))
              value = relance_invoice_get_amount (invoice);
            else if (g_str_equal (keys[k], "open"))
              value = relance_invoice_get_open (invoice);
            else if (g_str_equal (keys[k], "days"))
              value = relance_invoice_get_days_overdue (invoice);
            else if (g_str_equal (keys[k], "issued"))
              value = relance_invoice_get_issue_date (invoice);
            else if (g_str_equal (keys[k], "due"))
              value = relance_invoice_get_due_date (invoice);
            else
              break;

            if (descending)
              g_assert_cmpint (value, <=, previous);
            else
              g_assert_cmpint (value, >=, previous);
            previous = value;
          }
      }
}

static void
test_search_accents (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, fixture->today);
  guint n;

  add_customer (fixture, "ZZ1", "Œuvres d’Orléans", "Évry");
  add_customer (fixture, "ZZ2", "ÉTS LEFÈVRE", "Besançon");

  relance_list_model_set_search (model, "besancon");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *haystack = g_strconcat (relance_customer_get_name (customer), " ",
                                               relance_customer_get_city (customer), NULL);

      g_assert_nonnull (strstr (haystack, "Besançon"));
    }

  /* Every word must match; case and accents never count. */
  relance_list_model_set_search (model, "lefevre ets zz2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(RelanceCustomer) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (relance_customer_get_name (first), ==, "ÉTS LEFÈVRE");
  }

  relance_list_model_set_search (model, "orleans zz1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  relance_list_model_set_search (model, "EVRY");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);

  relance_list_model_set_search (model, "\"unbalanced ( * -");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  relance_list_model_set_search (model, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 152);
}

static void
test_search_invoice_number (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  g_autoptr(RelanceInvoice) target = NULL;
  g_autofree char *prefix = NULL;
  guint n;

  target = g_list_model_get_item (G_LIST_MODEL (model), 1234);
  prefix = g_ascii_strdown (relance_invoice_get_number (target), -1);
  prefix[strlen (prefix) - 1] = '\0';

  /* The start of a number, in any case, finds it and its neighbours. */
  relance_list_model_set_search (model, prefix);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 10);

  relance_list_model_set_search (model, relance_invoice_get_number (target));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  guint *counts = data;

  counts[0]++;
  counts[1] = removed;
  counts[2] = added;
}

static void
test_filters_and_signals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, fixture->today);
  guint counts[3] = { 0 };
  guint all, overdue;
  gint64 customer_id;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), counts);
  all = g_list_model_get_n_items (G_LIST_MODEL (model));

  relance_list_model_set_overdue_only (model, TRUE);
  overdue = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, all);
  g_assert_cmpuint (counts[2], ==, overdue);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue, <, all);
  for (guint i = 0; i < overdue; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (relance_invoice_get_days_overdue (invoice), >, 0);
    }

  /* Setting the same filter again reads nothing. */
  relance_list_model_set_overdue_only (model, TRUE);
  g_assert_cmpuint (counts[0], ==, 1);

  customer_id = relance_ledger_find_customer (fixture->db, "C00007", NULL);
  relance_list_model_set_overdue_only (model, FALSE);
  relance_list_model_set_customer (model, customer_id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (relance_invoice_get_customer_code (invoice), ==, "C00007");
    }

  /* Days overdue follow "today". */
  relance_list_model_set_customer (model, 0);
  relance_list_model_set_overdue_only (model, TRUE);
  relance_list_model_set_today (model, fixture->today + 365);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, overdue);
}

static guint
count_cause (Fixture    *fixture,
             const char *code)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES, fixture->today);
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (model), i);

      found += g_str_equal (relance_dispute_get_cause_code (dispute), code);
    }

  return found;
}

static void
test_disputes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES, fixture->today);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  RelanceDay previous = G_MAXINT32;
  guint open = 0;
  guint found_d = 0;

  /* Newest first by default. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (relance_dispute_get_opened_on (dispute), <=, previous);
      previous = relance_dispute_get_opened_on (dispute);
      g_assert_nonnull (relance_dispute_get_department (dispute));
      g_assert_cmpint (relance_dispute_get_days_open (dispute), >=, 0);
      if (relance_dispute_get_status (dispute) == RELANCE_DISPUTE_STATUS_OPEN)
        {
          open++;
          g_assert_cmpint (relance_dispute_get_days_open (dispute), ==,
                           fixture->today - relance_dispute_get_opened_on (dispute));
        }
    }

  relance_list_model_set_overdue_only (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, open);

  /* Searching a cause code finds every dispute of that cause. */
  relance_list_model_set_overdue_only (model, FALSE);
  relance_list_model_set_search (model, "d");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (relance_dispute_get_cause_code (dispute), "D"))
        found_d++;
    }
  g_assert_cmpuint (found_d, ==, count_cause (fixture, "D"));
  g_assert_cmpuint (found_d, >, 0);

  for (const char * const *key = relance_list_model_get_sort_keys (model); *key; key++)
    {
      g_assert_true (relance_list_model_set_sort (model, *key, TRUE));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
    }
}

/* What the department filter should keep, read from the unfiltered list:
 * the count, the amounts disputed and those still open. */
static void
expected_department (Fixture           *fixture,
                     const char        *department,
                     RelanceListStatus  status,
                     RelanceListTotals *expected)
{
  g_autoptr(RelanceListModel) all = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES, fixture->today);

  memset (expected, 0, sizeof *expected);
  relance_list_model_set_status (all, status);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (g_ascii_strcasecmp (relance_dispute_get_department (dispute), department) != 0)
        continue;
      expected->count++;
      expected->total += relance_dispute_get_amount (dispute);
      if (relance_dispute_get_status (dispute) == RELANCE_DISPUTE_STATUS_OPEN)
        expected->overdue += relance_dispute_get_amount (dispute);
    }
}

static void
assert_department (Fixture           *fixture,
                   RelanceListModel  *model,
                   const char        *department,
                   RelanceListStatus  status)
{
  RelanceListTotals expected;
  RelanceListTotals totals;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  expected_department (fixture, department, status, &expected);
  g_assert_cmpuint (expected.count, >, 0);
  g_assert_cmpuint (n, ==, expected.count);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (g_ascii_strcasecmp (relance_dispute_get_department (dispute), department), ==, 0);
      if (status == RELANCE_LIST_STATUS_OPEN)
        g_assert_cmpint (relance_dispute_get_status (dispute), ==, RELANCE_DISPUTE_STATUS_OPEN);
    }

  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpuint (totals.count, ==, expected.count);
  g_assert_cmpint (totals.total, ==, expected.total);
  g_assert_cmpint (totals.overdue, ==, expected.overdue);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_signals)
{
  (*n_signals)++;
}

/* The departments named by the causes filter the dispute list, with the
 * other filters; the totals follow. */
static void
test_disputes_department (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RelanceListModel) model = relance_list_model_new (fixture->db, RELANCE_LIST_DISPUTES, fixture->today);
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) departments = NULL;
  const char * const seeded[] = { "Billing", "Shipping", "Sales", "Technical", NULL };
  RelanceListTotals all;
  RelanceListTotals totals;
  RelanceDisputeCause *shipping = NULL;
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint sum = 0;
  guint n_signals = 0;

  g_assert_true (relance_list_model_get_totals (model, &all));
  g_assert_cmpuint (all.count, ==, n_all);

  /* The seeded causes' departments, in the order of their causes. */
  departments = relance_list_model_dup_departments (model);
  g_assert_cmpstrv (departments, seeded);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &n_signals);
  for (guint i = 0; departments[i] != NULL; i++)
    {
      relance_list_model_set_department (model, departments[i]);
      assert_department (fixture, model, departments[i], RELANCE_LIST_STATUS_ANY);
      sum += g_list_model_get_n_items (G_LIST_MODEL (model));
    }
  g_assert_cmpuint (sum, ==, n_all);
  g_assert_cmpuint (n_signals, ==, 4);

  /* Combined with the status: the open disputes of the department. */
  relance_list_model_set_department (model, "Shipping");
  relance_list_model_set_status (model, RELANCE_LIST_STATUS_OPEN);
  assert_department (fixture, model, "Shipping", RELANCE_LIST_STATUS_OPEN);
  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpint (totals.total, ==, totals.overdue);

  /* Combined with the cause: B is Shipping's, A is not. */
  relance_list_model_set_status (model, RELANCE_LIST_STATUS_ANY);
  relance_list_model_set_cause (model, "B");
  assert_department (fixture, model, "Shipping", RELANCE_LIST_STATUS_ANY);
  relance_list_model_set_cause (model, "A");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpuint (totals.count, ==, 0);
  g_assert_cmpint (totals.total, ==, 0);
  relance_list_model_set_cause (model, NULL);

  /* Typed in another case, the same department. */
  relance_list_model_set_department (model, "sHIPPING");
  assert_department (fixture, model, "Shipping", RELANCE_LIST_STATUS_ANY);

  /* Sorted otherwise, the rows still are the department's. */
  g_assert_true (relance_list_model_set_sort (model, "amount", FALSE));
  assert_department (fixture, model, "Shipping", RELANCE_LIST_STATUS_ANY);

  /* Cause B moved to Billing (spelled in lower case): Shipping is gone from
   * the list of departments and Billing has the disputes of A and B. */
  causes = relance_desk_list_causes (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < causes->len; i++)
    if (g_str_equal (((RelanceDisputeCause *)causes->pdata[i])->code, "B"))
      shipping = causes->pdata[i];
  g_assert_nonnull (shipping);
  {
    RelanceCauseFields fields = { "B", shipping->label, "billing", shipping->colour };
    const char * const three[] = { "Billing", "Sales", "Technical", NULL };
    g_auto(GStrv) now = NULL;
    RelanceListTotals billing;

    g_assert_true (relance_causes_update (fixture->db, shipping->id, &fields, &error));
    g_assert_no_error (error);
    now = relance_list_model_dup_departments (model);
    g_assert_cmpstrv (now, three);

    relance_list_model_set_department (model, "Shipping");
    relance_list_model_reload (model);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    relance_list_model_set_department (model, "Billing");
    expected_department (fixture, "Billing", RELANCE_LIST_STATUS_ANY, &billing);
    g_assert_cmpuint (billing.count, ==, count_cause (fixture, "A") + count_cause (fixture, "B"));
    assert_department (fixture, model, "Billing", RELANCE_LIST_STATUS_ANY);
  }

  /* No department: every dispute again. */
  relance_list_model_set_department (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);
  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpint (totals.total, ==, all.total);
  g_assert_cmpint (totals.overdue, ==, all.overdue);
}


/* One ledger, one truth at any date: a customer with an invoice issued
 * after D, payments dated after D and a dispute opened after D.
 *
 * ASOF (30 days):
 *   FA-1  issued 01/09/2026, due 01/10/2026, 1 000,00; paid 300,00 on
 *         10/11 and 200,00 on 05/12; disputed 05/11, resolved 03/12
 *   FA-2  issued 15/10/2026, due 14/11/2026,   500,00; disputed 02/12
 *   FA-4  issued 01/10/2026, due 31/10/2026,   250,00; paid in full 01/12
 *   AV-1  credit note 20/10/2026, due 20/10,   100,00, not applied
 *   FA-3  issued 01/12/2026, due 31/12/2026,   400,00
 *   a payment of 150,00 on 08/12, left on account
 * AUTRE: FA-9 issued 01/11/2026, due 01/12/2026, 1 320,00.
 *
 * At D = 23/11/2026 (FA-3 not issued, the payments of 05/12, 01/12 and
 * 08/12 not made, FA-1 disputed, FA-2 not yet):
 *   FA-1 1 000,00 - 300,00 = 700,00, 53 days late (01/10 to 23/11),
 *     disputed; FA-2 500,00, 9 days late; FA-4 250,00, 23 days late;
 *     AV-1 -100,00
 *   ASOF balance 700 + 500 + 250 - 100 = 1 350,00; overdue 700 + 500 +
 *     250 = 1 450,00; oldest 53 days; aged: 1-30 500 + 250 = 750,00,
 *     31-60 700 - 100 = 600,00 (AV-1 is 34 days old)
 *   AUTRE 1 320,00, not due: sorted by balance, ASOF comes first
 *   totals of the customers: 1 350 + 1 320 = 2 670,00, overdue 1 450,00
 * At today = 10/12/2026:
 *   FA-1 1 000 - 300 - 200 = 500,00, 70 days late, no longer disputed;
 *     FA-2 500,00 disputed, 26 days; FA-4 paid; FA-3 400,00 not due
 *   ASOF balance 500 + 500 + 400 - 100 = 1 300,00; overdue 500 + 500 =
 *     1 000,00; 150,00 on account; AUTRE now first (1 320,00)
 *   totals 1 300 + 1 320 = 2 620,00, overdue 1 000 + 1 320 = 2 320,00 */
static RelanceDatabase *
build_as_of_ledger (gint64 *asof_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (":memory:", &error);
  RelanceCustomerFields asof = { .code = "ASOF", .name = "Avant Après", .payment_terms = 30 };
  RelanceCustomerFields autre = { .code = "AUTRE", .name = "Autre client", .payment_terms = 30 };
  const RelanceInvoiceFields invoices[] = {
    { "ASOF", "FA-1", relance_day_from_dmy (1, 9, 2026), relance_day_from_dmy (1, 10, 2026), 100000, FALSE },
    { "ASOF", "FA-2", relance_day_from_dmy (15, 10, 2026), relance_day_from_dmy (14, 11, 2026), 50000, FALSE },
    { "ASOF", "FA-4", relance_day_from_dmy (1, 10, 2026), relance_day_from_dmy (31, 10, 2026), 25000, FALSE },
    { "ASOF", "AV-1", relance_day_from_dmy (20, 10, 2026), relance_day_from_dmy (20, 10, 2026), 10000, TRUE },
    { "ASOF", "FA-3", relance_day_from_dmy (1, 12, 2026), relance_day_from_dmy (31, 12, 2026), 40000, FALSE },
    { "AUTRE", "FA-9", relance_day_from_dmy (1, 11, 2026), relance_day_from_dmy (1, 12, 2026), 132000, FALSE },
  };
  const char * const fa1[] = { "FA-1", NULL };
  const char * const fa4[] = { "FA-4", NULL };

  g_assert_no_error (error);
  *asof_id = relance_ledger_add_customer (db, &asof, &error);
  g_assert_no_error (error);
  relance_ledger_add_customer (db, &autre, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (invoices); i++)
    {
      relance_ledger_add_invoice (db, &invoices[i], &error);
      g_assert_no_error (error);
    }

  relance_ledger_open_dispute (db, "FA-1", "A", 0, relance_day_from_dmy (5, 11, 2026), NULL, &error);
  g_assert_no_error (error);
  relance_ledger_add_payment (db, "ASOF", relance_day_from_dmy (10, 11, 2026), 30000, fa1, NULL, NULL, &error);
  g_assert_no_error (error);
  relance_ledger_add_payment (db, "ASOF", relance_day_from_dmy (5, 12, 2026), 20000, fa1, NULL, NULL, &error);
  g_assert_no_error (error);
  relance_ledger_add_payment (db, "ASOF", relance_day_from_dmy (1, 12, 2026), 25000, fa4, NULL, NULL, &error);
  g_assert_no_error (error);
  relance_ledger_resolve_dispute (db, "FA-1", relance_day_from_dmy (3, 12, 2026), NULL, &error);
  g_assert_no_error (error);
  relance_ledger_open_dispute (db, "FA-2", "B", 0, relance_day_from_dmy (2, 12, 2026), NULL, &error);
  g_assert_no_error (error);
  relance_desk_add_payment (db, *asof_id, relance_day_from_dmy (8, 12, 2026), 15000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

static RelanceInvoice *
find_invoice_row (RelanceListModel *model,
                  const char       *number)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (relance_invoice_get_number (invoice), number) == 0)
        return g_steal_pointer (&invoice);
    }

  return NULL;
}

static void
assert_invoice_row (RelanceListModel     *model,
                    const char           *number,
                    gint64                open,
                    int                   days,
                    RelanceInvoiceStatus  status)
{
  g_autoptr(RelanceInvoice) invoice = find_invoice_row (model, number);

  g_assert_nonnull (invoice);
  g_assert_cmpint (relance_invoice_get_open (invoice), ==, open);
  g_assert_cmpint (relance_invoice_get_days_overdue (invoice), ==, days);
  g_assert_cmpint (relance_invoice_get_status (invoice), ==, status);
}

static guint
count_filtered (RelanceListModel  *model,
                RelanceListStatus  status,
                int                bucket,
                gint64            *total)
{
  RelanceListTotals totals;
  guint n;

  relance_list_model_set_status (model, status);
  relance_list_model_set_age_bucket (model, bucket);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_true (relance_list_model_get_totals (model, &totals));
  g_assert_cmpuint (totals.count, ==, n);
  *total = totals.total;
  relance_list_model_set_status (model, RELANCE_LIST_STATUS_ANY);
  relance_list_model_set_age_bucket (model, -1);
  return n;
}

static void
test_as_of_hand_worked (void)
{
  RelanceDay d = relance_day_from_dmy (23, 11, 2026);
  RelanceDay today = relance_day_from_dmy (10, 12, 2026);
  gint64 asof_id = 0;
  g_autoptr(RelanceDatabase) db = build_as_of_ledger (&asof_id);
  g_autoptr(RelanceListModel) customers = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, d);
  g_autoptr(RelanceListModel) invoices = relance_list_model_new (db, RELANCE_LIST_INVOICES, d);
  g_autoptr(GPtrArray) aged = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCustomerFigures figures;
  RelanceListTotals totals;
  gint64 total = 0;

  /* At D: the customers, by balance. */
  g_assert_true (relance_list_model_set_sort (customers, "balance", TRUE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 2);
  {
    g_autoptr(RelanceCustomer) first = g_list_model_get_item (G_LIST_MODEL (customers), 0);
    g_autoptr(RelanceCustomer) second = g_list_model_get_item (G_LIST_MODEL (customers), 1);

    g_assert_cmpstr (relance_customer_get_code (first), ==, "ASOF");
    g_assert_cmpint (relance_customer_get_balance (first), ==, 135000);
    g_assert_cmpint (relance_customer_get_overdue (first), ==, 145000);
    g_assert_cmpint (relance_customer_get_days_overdue (first), ==, 53);
    g_assert_cmpstr (relance_customer_get_code (second), ==, "AUTRE");
    g_assert_cmpint (relance_customer_get_balance (second), ==, 132000);
    g_assert_cmpint (relance_customer_get_overdue (second), ==, 0);
  }
  g_assert_true (relance_list_model_get_totals (customers, &totals));
  g_assert_cmpuint (totals.count, ==, 2);
  g_assert_cmpint (totals.total, ==, 267000);
  g_assert_cmpint (totals.overdue, ==, 145000);
  relance_list_model_set_overdue_only (customers, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 1);
  relance_list_model_set_overdue_only (customers, FALSE);

  /* At D: the invoices; FA-3 was not issued yet. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, 5);
  g_assert_null (find_invoice_row (invoices, "FA-3"));
  assert_invoice_row (invoices, "FA-1", 70000, 53, RELANCE_INVOICE_STATUS_DISPUTED);
  assert_invoice_row (invoices, "FA-2", 50000, 9, RELANCE_INVOICE_STATUS_OVERDUE);
  assert_invoice_row (invoices, "FA-4", 25000, 23, RELANCE_INVOICE_STATUS_OVERDUE);
  assert_invoice_row (invoices, "AV-1", -10000, 0, RELANCE_INVOICE_STATUS_OPEN);
  /* 1 350,00 of ASOF and 1 320,00 of AUTRE; overdue 700 + 500 + 250. */
  g_assert_true (relance_list_model_get_totals (invoices, &totals));
  g_assert_cmpuint (totals.count, ==, 5);
  g_assert_cmpint (totals.total, ==, 267000);
  g_assert_cmpint (totals.overdue, ==, 145000);
  /* 1-30 days late: FA-2 and FA-4, 500 + 250; 31-60: FA-1. */
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_ANY, RELANCE_AGE_1_30, &total), ==, 2);
  g_assert_cmpint (total, ==, 75000);
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_ANY, RELANCE_AGE_31_60, &total), ==, 1);
  g_assert_cmpint (total, ==, 70000);
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_DISPUTED, -1, &total), ==, 1);
  g_assert_cmpint (total, ==, 70000);
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_OVERDUE, -1, &total), ==, 2);
  g_assert_cmpint (total, ==, 75000);
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_PAID, -1, &total), ==, 0);
  /* Sorted by what is open, the largest first: AUTRE's FA-9, then FA-1. */
  g_assert_true (relance_list_model_set_sort (invoices, "open", TRUE));
  {
    g_autoptr(RelanceInvoice) first = g_list_model_get_item (G_LIST_MODEL (invoices), 0);
    g_autoptr(RelanceInvoice) second = g_list_model_get_item (G_LIST_MODEL (invoices), 1);

    g_assert_cmpstr (relance_invoice_get_number (first), ==, "FA-9");
    g_assert_cmpstr (relance_invoice_get_number (second), ==, "FA-1");
  }

  /* At D: the customer page and the aged balance say the same. */
  g_assert_true (relance_desk_get_figures (db, asof_id, d, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.balance, ==, 135000);
  g_assert_cmpint (figures.overdue, ==, 145000);
  g_assert_cmpint (figures.n_open, ==, 3);
  g_assert_cmpint (figures.n_overdue, ==, 3);
  g_assert_cmpint (figures.n_open_disputes, ==, 1);
  g_assert_cmpint (figures.on_account, ==, 0);
  aged = relance_ledger_aged_balance (db, d, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aged->len, ==, 2);
  {
    RelanceAgedRow *row = g_ptr_array_index (aged, 0);

    g_assert_cmpstr (row->code, ==, "ASOF");
    g_assert_cmpint (row->buckets[RELANCE_AGE_1_30], ==, 75000);
    g_assert_cmpint (row->buckets[RELANCE_AGE_31_60], ==, 60000);
    g_assert_cmpint (row->total, ==, 135000);
  }
  g_clear_pointer (&aged, g_ptr_array_unref);

  /* At today, what came after D counts. */
  relance_list_model_set_today (customers, today);
  relance_list_model_set_today (invoices, today);
  g_assert_true (relance_list_model_set_sort (customers, "balance", TRUE));
  {
    g_autoptr(RelanceCustomer) first = g_list_model_get_item (G_LIST_MODEL (customers), 0);
    g_autoptr(RelanceCustomer) second = g_list_model_get_item (G_LIST_MODEL (customers), 1);

    g_assert_cmpstr (relance_customer_get_code (first), ==, "AUTRE");
    g_assert_cmpint (relance_customer_get_overdue (first), ==, 132000);
    g_assert_cmpstr (relance_customer_get_code (second), ==, "ASOF");
    g_assert_cmpint (relance_customer_get_balance (second), ==, 130000);
    g_assert_cmpint (relance_customer_get_overdue (second), ==, 100000);
    g_assert_cmpint (relance_customer_get_days_overdue (second), ==, 70);
  }
  g_assert_true (relance_list_model_get_totals (customers, &totals));
  g_assert_cmpint (totals.total, ==, 262000);
  g_assert_cmpint (totals.overdue, ==, 232000);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (invoices)), ==, 6);
  assert_invoice_row (invoices, "FA-1", 50000, 70, RELANCE_INVOICE_STATUS_OVERDUE);
  assert_invoice_row (invoices, "FA-2", 50000, 26, RELANCE_INVOICE_STATUS_DISPUTED);
  assert_invoice_row (invoices, "FA-4", 0, 0, RELANCE_INVOICE_STATUS_PAID);
  assert_invoice_row (invoices, "FA-3", 40000, 0, RELANCE_INVOICE_STATUS_OPEN);
  g_assert_true (relance_list_model_get_totals (invoices, &totals));
  g_assert_cmpint (totals.total, ==, 262000);
  g_assert_cmpint (totals.overdue, ==, 232000);
  g_assert_cmpuint (count_filtered (invoices, RELANCE_LIST_STATUS_PAID, -1, &total), ==, 1);

  g_assert_true (relance_desk_get_figures (db, asof_id, today, &figures, &error));
  g_assert_cmpint (figures.balance, ==, 130000);
  g_assert_cmpint (figures.overdue, ==, 100000);
  g_assert_cmpint (figures.n_open, ==, 3);
  g_assert_cmpint (figures.n_overdue, ==, 2);
  g_assert_cmpint (figures.n_open_disputes, ==, 1);
  g_assert_cmpint (figures.on_account, ==, 15000);
  aged = relance_ledger_aged_balance (db, today, &error);
  g_assert_cmpint (((RelanceAgedRow *)g_ptr_array_index (aged, 0))->total, ==, 130000);

  /* The disputes: at D, only FA-1's, opened on 05/11 for the 1 000,00 then
   * open, still open (18 days); at today, FA-1's resolved after 28 days
   * (05/11 to 03/12) and FA-2's, 500,00, open for 8 days. */
  {
    g_autoptr(RelanceListModel) disputes = relance_list_model_new (db, RELANCE_LIST_DISPUTES, d);
    g_autoptr(RelanceDispute) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (disputes), 0);
    g_assert_cmpstr (relance_dispute_get_invoice_number (first), ==, "FA-1");
    g_assert_cmpint (relance_dispute_get_status (first), ==, RELANCE_DISPUTE_STATUS_OPEN);
    g_assert_cmpint (relance_dispute_get_days_open (first), ==, 18);
    g_assert_true (relance_list_model_get_totals (disputes, &totals));
    g_assert_cmpint (totals.total, ==, 100000);
    g_assert_cmpint (totals.overdue, ==, 100000);
    relance_list_model_set_status (disputes, RELANCE_LIST_STATUS_RESOLVED);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 0);
    relance_list_model_set_status (disputes, RELANCE_LIST_STATUS_OPEN);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 1);

    relance_list_model_set_today (disputes, today);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 1);
    relance_list_model_set_status (disputes, RELANCE_LIST_STATUS_ANY);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disputes)), ==, 2);
    g_assert_true (relance_list_model_get_totals (disputes, &totals));
    g_assert_cmpint (totals.total, ==, 150000);
    g_assert_cmpint (totals.overdue, ==, 50000);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (disputes), 1);
    g_assert_cmpstr (relance_dispute_get_invoice_number (first), ==, "FA-1");
    g_assert_cmpint (relance_dispute_get_status (first), ==, RELANCE_DISPUTE_STATUS_RESOLVED);
    g_assert_cmpint (relance_dispute_get_days_open (first), ==, 28);
  }
}

/* On the sample ledger, at days in the past, every customer's balance in
 * the list is its total in the aged balance, and the invoices' totals bar
 * is the aged balance's total. */
static void
test_as_of_agrees_with_aged_balance (Fixture       *fixture,
                                     gconstpointer  data)
{
  const int days_back[] = { 0, 45, 200 };

  for (guint k = 0; k < G_N_ELEMENTS (days_back); k++)
    {
      RelanceDay d = fixture->today - days_back[k];
      g_autoptr(RelanceListModel) customers = relance_list_model_new (fixture->db, RELANCE_LIST_CUSTOMERS, d);
      g_autoptr(RelanceListModel) invoices = relance_list_model_new (fixture->db, RELANCE_LIST_INVOICES, d);
      g_autoptr(GPtrArray) aged = relance_ledger_aged_balance (fixture->db, d, NULL);
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
      RelanceListTotals totals;
      gint64 aged_total = 0;
      gint64 previous = G_MAXINT64;
      guint n;

      g_assert_nonnull (aged);
      for (guint i = 0; i < aged->len; i++)
        {
          RelanceAgedRow *row = g_ptr_array_index (aged, i);

          g_hash_table_insert (by_id, &row->customer_id, row);
          aged_total += row->total;
        }

      g_assert_true (relance_list_model_set_sort (customers, "balance", TRUE));
      n = g_list_model_get_n_items (G_LIST_MODEL (customers));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RelanceCustomer) customer = g_list_model_get_item (G_LIST_MODEL (customers), i);
          gint64 id = relance_customer_get_id (customer);
          RelanceAgedRow *row = g_hash_table_lookup (by_id, &id);
          RelanceCustomerFigures figures;

          g_assert_cmpint (relance_customer_get_balance (customer), ==, row ? row->total : 0);
          g_assert_cmpint (relance_customer_get_balance (customer), <=, previous);
          previous = relance_customer_get_balance (customer);
          if (i % 10 == 0)
            {
              g_assert_true (relance_desk_get_figures (fixture->db, id, d, &figures, NULL));
              g_assert_cmpint (figures.balance, ==, relance_customer_get_balance (customer));
              g_assert_cmpint (figures.overdue, ==, relance_customer_get_overdue (customer));
            }
        }

      g_assert_true (relance_list_model_get_totals (customers, &totals));
      g_assert_cmpint (totals.total, ==, aged_total);
      g_assert_true (relance_list_model_get_totals (invoices, &totals));
      g_assert_cmpint (totals.total, ==, aged_total);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/list-model/counts", test_counts);
  ADD ("/list-model/paging", test_paging);
  ADD ("/list-model/sort/customers", test_sort_customers);
  ADD ("/list-model/sort/invoices", test_sort_invoices);
  ADD ("/list-model/search/accents", test_search_accents);
  ADD ("/list-model/search/invoice-number", test_search_invoice_number);
  ADD ("/list-model/filters", test_filters_and_signals);
  ADD ("/list-model/disputes", test_disputes);
  ADD ("/list-model/disputes/department", test_disputes_department);
#undef ADD
  g_test_add_func ("/list-model/long-listing", test_long_listing);
  g_test_add_func ("/list-model/as-of/hand-worked", test_as_of_hand_worked);
  g_test_add ("/list-model/as-of/aged-balance", Fixture, NULL, fixture_set_up,
              test_as_of_agrees_with_aged_balance, fixture_tear_down);

  return g_test_run ();
}
