/* test-causes.c: the dispute causes as the preferences edit them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-causes.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"

typedef struct
{
  RelanceDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->db);
}

/* The codes in their order, as "A,B,C,D". */
static char *
codes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = relance_causes_list (fixture->db, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (causes, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", cause->code);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static RelanceDisputeCause *
cause_at (Fixture *fixture,
          guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = relance_causes_list (fixture->db, &error);
  RelanceDisputeCause *cause;

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, causes->len);
  cause = g_ptr_array_steal_index (causes, index);
  return cause;
}

static gint64
id_at (Fixture *fixture,
       guint    index)
{
  RelanceDisputeCause *cause = cause_at (fixture, index);
  gint64 id = cause->id;

  relance_dispute_cause_free (cause);
  return id;
}

#define assert_codes(fixture, expected) G_STMT_START { \
  g_autofree char *_codes = codes (fixture); \
  g_assert_cmpstr (_codes, ==, expected); \
} G_STMT_END

static void
test_causes_seed (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_codes (fixture, "A,B,C,D");
}

static void
test_causes_add (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCauseFields fields = { .code = " e ", .label = " Waiting for a delivery note ", .department = "Logistics" };
  RelanceDisputeCause *cause;
  g_autofree char *next = NULL;
  gint64 id;

  next = relance_causes_next_code (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "E");

  id = relance_causes_add (fixture->db, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_codes (fixture, "A,B,C,D,e");

  cause = cause_at (fixture, 4);
  g_assert_cmpint (cause->id, ==, id);
  g_assert_cmpstr (cause->label, ==, "Waiting for a delivery note");
  g_assert_cmpstr (cause->department, ==, "Logistics");
  g_assert_cmpstr (cause->colour, ==, "#3584e4");
  relance_dispute_cause_free (cause);

  /* A sixth, then no more. */
  fields.code = "F";
  fields.colour = "#c01c28";
  relance_causes_add (fixture->db, &fields, &error);
  g_assert_no_error (error);
  fields.code = "G";
  g_assert_cmpint (relance_causes_add (fixture->db, &fields, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "six"));
  assert_codes (fixture, "A,B,C,D,e,F");
}

static void
test_causes_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    RelanceCauseFields fields;
    RelanceCauseField  field;
    int                code;
  } bad[] = {
    { { .code = "", .label = "Something" }, RELANCE_CAUSE_FIELD_CODE, RELANCE_ERROR_INVALID },
    { { .code = "   ", .label = "Something" }, RELANCE_CAUSE_FIELD_CODE, RELANCE_ERROR_INVALID },
    { { .code = "ABCD", .label = "Something" }, RELANCE_CAUSE_FIELD_CODE, RELANCE_ERROR_INVALID },
    { { .code = "X", .label = "" }, RELANCE_CAUSE_FIELD_LABEL, RELANCE_ERROR_INVALID },
    { { .code = "X", .label = "  " }, RELANCE_CAUSE_FIELD_LABEL, RELANCE_ERROR_INVALID },
    { { .code = "b", .label = "Something" }, RELANCE_CAUSE_FIELD_CODE, RELANCE_ERROR_DUPLICATE },
    { { .code = " B ", .label = "Something" }, RELANCE_CAUSE_FIELD_CODE, RELANCE_ERROR_DUPLICATE },
    { { .code = "X", .label = "Something", .colour = "blue" }, RELANCE_CAUSE_FIELD_COLOUR, RELANCE_ERROR_INVALID },
  };
  gint64 a = id_at (fixture, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      RelanceCauseField field = RELANCE_CAUSE_FIELD_NONE;
      RelanceDisputeCause *cause;

      g_test_message ("bad cause %u", i);

      g_assert_false (relance_causes_check (fixture->db, 0, &bad[i].fields, &field, &error));
      g_assert_error (error, RELANCE_ERROR, bad[i].code);
      g_assert_cmpint (field, ==, bad[i].field);
      g_clear_error (&error);

      g_assert_cmpint (relance_causes_add (fixture->db, &bad[i].fields, &error), ==, 0);
      g_assert_error (error, RELANCE_ERROR, bad[i].code);
      g_clear_error (&error);

      g_assert_false (relance_causes_update (fixture->db, a, &bad[i].fields, &error));
      g_assert_error (error, RELANCE_ERROR, bad[i].code);

      /* Nothing changed. */
      assert_codes (fixture, "A,B,C,D");
      cause = cause_at (fixture, 0);
      g_assert_cmpstr (cause->label, ==, "Waiting for a credit note");
      relance_dispute_cause_free (cause);
    }

  /* A cause keeps its own code, in another case. */
  {
    g_autoptr(GError) error = NULL;
    RelanceCauseFields fields = { .code = "a", .label = "Credit note", .department = "Billing" };

    g_assert_true (relance_causes_check (fixture->db, a, &fields, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_causes_update (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCauseFields fields = { .code = "B2", .label = "Goods to collect", .department = "Warehouse", .colour = "#33d17a" };
  RelanceDisputeCause *cause;
  gint64 b = id_at (fixture, 1);

  g_assert_true (relance_causes_update (fixture->db, b, &fields, &error));
  g_assert_no_error (error);

  cause = cause_at (fixture, 1);
  g_assert_cmpint (cause->id, ==, b);
  g_assert_cmpstr (cause->code, ==, "B2");
  g_assert_cmpstr (cause->label, ==, "Goods to collect");
  g_assert_cmpstr (cause->department, ==, "Warehouse");
  g_assert_cmpstr (cause->colour, ==, "#33d17a");
  relance_dispute_cause_free (cause);

  g_assert_false (relance_causes_update (fixture->db, 9999, &fields, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

static void
test_causes_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields customer = { .code = "411A", .name = "Acme", .payment_terms = -1 };
  RelanceInvoiceFields invoice = {
    .customer_code = "411A", .number = "F1",
    .issue_date = relance_day_from_dmy (1, 9, 2026), .due_date = relance_day_from_dmy (1, 10, 2026),
    .amount = 10000,
  };
  gint64 b = id_at (fixture, 1);
  gint64 c = id_at (fixture, 2);
  gint64 invoice_id;
  gint64 dispute;

  relance_ledger_add_customer (fixture->db, &customer, &error);
  g_assert_no_error (error);
  invoice_id = relance_ledger_add_invoice (fixture->db, &invoice, &error);
  g_assert_no_error (error);
  dispute = relance_desk_open_dispute (fixture->db, invoice_id, b, 5000,
                                       relance_day_from_dmy (5, 10, 2026), "Broken pallet", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dispute, >, 0);

  /* Used, even once closed: refused, with how many, and nothing changes. */
  g_assert_true (relance_desk_cancel_dispute (fixture->db, dispute, relance_day_from_dmy (6, 10, 2026), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (relance_causes_count_disputes (fixture->db, b, &error), ==, 1);
  g_assert_false (relance_causes_remove (fixture->db, b, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 dispute uses it"));
  g_clear_error (&error);
  assert_codes (fixture, "A,B,C,D");

  /* Unused: removed; the others close up. */
  g_assert_true (relance_causes_remove (fixture->db, c, &error));
  g_assert_no_error (error);
  assert_codes (fixture, "A,B,D");

  g_assert_false (relance_causes_remove (fixture->db, c, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Never the last one. */
  g_assert_true (relance_causes_remove (fixture->db, id_at (fixture, 0), &error));
  g_assert_no_error (error);
  g_assert_true (relance_causes_remove (fixture->db, id_at (fixture, 1), &error));
  g_assert_no_error (error);
  assert_codes (fixture, "B");
  g_assert_false (relance_causes_remove (fixture->db, b, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 dispute uses it"));
  g_clear_error (&error);
  assert_codes (fixture, "B");
}

static void
test_causes_move (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = id_at (fixture, 0);
  gint64 d = id_at (fixture, 3);

  g_assert_true (relance_causes_move (fixture->db, d, -1, &error));
  g_assert_no_error (error);
  assert_codes (fixture, "A,B,D,C");

  g_assert_true (relance_causes_move (fixture->db, a, 1, &error));
  g_assert_no_error (error);
  assert_codes (fixture, "B,A,D,C");

  g_assert_false (relance_causes_move (fixture->db, id_at (fixture, 0), -1, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_causes_move (fixture->db, id_at (fixture, 3), 1, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_causes_move (fixture->db, 9999, 1, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_codes (fixture, "B,A,D,C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/causes/seed", test_causes_seed);
  ADD ("/causes/add", test_causes_add);
  ADD ("/causes/refused", test_causes_refused);
  ADD ("/causes/update", test_causes_update);
  ADD ("/causes/remove", test_causes_remove);
  ADD ("/causes/move", test_causes_move);

#undef ADD

  return g_test_run ();
}
