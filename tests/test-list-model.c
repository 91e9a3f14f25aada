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

  return g_test_run ();
}
