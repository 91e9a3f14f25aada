/* test-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "relance-database.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("relance-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  relance_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_causes (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields customer = { .code = "T1", .name = "Test", .payment_terms = -1 };
  RelanceInvoiceFields invoice = { .customer_code = "T1", .number = "F1",
                                   .issue_date = relance_day_from_dmy (1, 1, 2026),
                                   .due_date = relance_day_from_dmy (1, 2, 2026),
                                   .amount = 1000 };
  static const char * const codes[] = { "A", "B", "C", "D", "E" };
  guint n = 0;

  /* The causes are only reachable through what they allow: opening a
   * dispute with each code. */
  if (relance_ledger_find_customer (db, "T1", NULL) == 0)
    {
      g_assert_cmpint (relance_ledger_add_customer (db, &customer, &error), >, 0);
      g_assert_cmpint (relance_ledger_add_invoice (db, &invoice, &error), >, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) dispute_error = NULL;

      if (relance_ledger_open_dispute (db, "F1", codes[i], 0, invoice.issue_date, NULL, &dispute_error) != 0)
        {
          n++;
          g_assert_true (relance_ledger_resolve_dispute (db, "F1", invoice.issue_date, NULL, NULL));
        }
      else
        g_assert_error (dispute_error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
    }

  return n;
}

static void
test_database_create (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "ledger.db", NULL);

  db = relance_database_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (relance_database_get_schema_version (db), ==, RELANCE_DATABASE_SCHEMA_VERSION);
  g_assert_true (relance_database_is_empty (db));
  g_assert_cmpstr (relance_database_get_path (db), ==, nested);
  /* The four causes of the seed article, A to D, and no fifth. */
  g_assert_cmpuint (count_causes (db), ==, 4);
  g_assert_false (relance_database_is_empty (db));
}

static void
test_database_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;

  db = relance_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_causes (db), ==, 4);
  g_assert_finalize_object (db);

  /* A second open migrates nothing again: still four causes, data kept. */
  db = relance_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_find_customer (db, "t1", &error), >, 0);
  g_assert_cmpuint (count_causes (db), ==, 4);
  g_assert_finalize_object (db);
}

static void
write_be32 (guint8  *bytes,
            guint32  value)
{
  bytes[0] = value >> 24;
  bytes[1] = value >> 16;
  bytes[2] = value >> 8;
  bytes[3] = value;
}

static void
test_database_newer_version (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  RelanceDatabase *db;

  db = relance_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Closing the last connection checkpoints the WAL into the main file;
   * then bump the header's user_version (offset 60) past ours. */
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));
  g_assert_cmpuint (before_len, >, 100);
  write_be32 ((guint8 *)before + 60, RELANCE_DATABASE_SCHEMA_VERSION + 41);
  g_assert_true (g_file_set_contents (fixture->path, before, before_len, NULL));

  db = relance_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_database_not_a_ledger (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char text[] = "code;name\n411A;Dupont\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_len;
  RelanceDatabase *db;

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));

  db = relance_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a Relance ledger"));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (text, sizeof text - 1, after, after_len);
}

static void
test_database_unwritable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "ledger.db", NULL);
  RelanceDatabase *db;

  /* A folder that cannot exist because a file has its name. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  db = relance_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE);
}

/* What a worker thread does: its own connection, used only there. */
static gpointer
find_customer_thread (gpointer user_data)
{
  RelanceDatabase *db = user_data;
  g_autoptr(RelanceDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  other = relance_database_open_another (db, &error);
  g_assert_no_error (error);
  id = relance_ledger_find_customer (other, "T1", &error);
  g_assert_no_error (error);

  return GINT_TO_POINTER (id > 0);
}

static void
test_database_open_another (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields customer = { .code = "T2", .name = "Other", .payment_terms = -1 };
  RelanceDatabase *db;
  RelanceDatabase *other;
  RelanceDatabase *memory;
  GThread *thread;

  db = relance_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (relance_database_is_in_memory (db));
  g_assert_cmpuint (count_causes (db), ==, 4);

  /* Another connection on the same file, from a worker thread, sees what
   * the first one committed. */
  thread = g_thread_new ("open-another", find_customer_thread, db);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));

  /* And the other way round, here. */
  other = relance_database_open_another (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (other != db);
  g_assert_cmpstr (relance_database_get_path (other), ==, fixture->path);
  g_assert_cmpint (relance_ledger_add_customer (other, &customer, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_find_customer (db, "T2", &error), >, 0);
  g_assert_finalize_object (other);
  g_assert_finalize_object (db);

  /* A ledger in memory exists only in its connection: refused, clearly. */
  memory = relance_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (relance_database_is_in_memory (memory));
  g_assert_null (relance_database_open_another (memory, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "memory"));
  g_assert_finalize_object (memory);
}

static void
test_database_default_path (void)
{
  g_autofree char *path = relance_database_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "relance", "relance.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/database/create", Fixture, NULL, fixture_set_up, test_database_create, fixture_tear_down);
  g_test_add ("/database/reopen", Fixture, NULL, fixture_set_up, test_database_reopen, fixture_tear_down);
  g_test_add ("/database/newer-version", Fixture, NULL, fixture_set_up, test_database_newer_version, fixture_tear_down);
  g_test_add ("/database/not-a-ledger", Fixture, NULL, fixture_set_up, test_database_not_a_ledger, fixture_tear_down);
  g_test_add ("/database/unwritable", Fixture, NULL, fixture_set_up, test_database_unwritable, fixture_tear_down);
  g_test_add ("/database/open-another", Fixture, NULL, fixture_set_up, test_database_open_another, fixture_tear_down);
  g_test_add_func ("/database/default-path", test_database_default_path);

  return g_test_run ();
}
