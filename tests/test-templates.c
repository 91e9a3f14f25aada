/* test-templates.c: the letter templates: the shipped set (new ledgers and
 * ledgers of version 3 get it), finding the template of a letter, names
 * unique whatever their case and accents, checks, deleting and resetting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-merge.h"
#include "relance-scenarios.h"
#include "relance-schema-private.h"
#include "relance-templates-private.h"
#include "relance-templates.h"
#include "relance-test-utils.h"

/* Two languages × six kinds in the standard tone, and the courteous and
 * firm first and second reminders. */
#define N_SHIPPED (2 * 6 + 2 * 2 * 2)

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

static GPtrArray *
list_templates (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *templates = relance_templates_list (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (templates);
  return templates;
}

static RelanceTemplate *
by_name (RelanceDatabase *db,
         const char      *name)
{
  g_autoptr(GError) error = NULL;
  RelanceTemplate *template = relance_templates_find_by_name (db, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static char *
find_name (RelanceDatabase     *db,
           RelanceTemplateKind  kind,
           const char          *language,
           RelanceTone          tone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) template = relance_templates_find (db, kind, language, tone, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return g_strdup (template->name);
}

/* Every "{{...}}" of @text names a field of the catalogue of
 * relance-merge.h, and the text passes the letters layer's check
 * (block fields alone on their line, none in a subject). */
static void
assert_fields_known (const char *where,
                     const char *text,
                     gboolean    is_subject)
{
  g_autoptr(GPtrArray) problems = relance_merge_check (text, is_subject);
  guint n_fields = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      RelanceMergeProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s, line %u, column %u: %s\n", where, problem->line, problem->column, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);

  for (const char *p = strstr (text, "{{"); p != NULL; p = strstr (p, "{{"))
    {
      const char *end = strstr (p, "}}");
      g_autofree char *name = NULL;

      g_assert_nonnull (end);
      name = g_strstrip (g_strndup (p + 2, end - p - 2));
      if (relance_merge_find_field (name) == NULL)
        g_error ("%s: unknown field {{%s}}", where, name);
      n_fields++;
      p = end + 2;
    }

  if (!is_subject)
    g_assert_cmpuint (n_fields, >, 3);
}

static const char *
last_line (const char  *body,
           char       **line)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (body));
  const char *newline = strrchr (trimmed, '\n');

  *line = g_strdup (newline != NULL ? newline + 1 : trimmed);
  return *line;
}

/* A new ledger has every shipped template, in both languages, written as
 * DOMAIN.md asks. */
static void
test_shipped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = list_templates (fixture->db);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  static const RelanceTemplateKind kinds[] = {
    RELANCE_TEMPLATE_PREVENTIVE, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_SECOND_REMINDER,
    RELANCE_TEMPLATE_AFTER_CALL, RELANCE_TEMPLATE_BROKEN_PROMISE, RELANCE_TEMPLATE_FORMAL_NOTICE,
  };
  guint seen[RELANCE_TEMPLATE_CALL][2][3] = { 0 };

  g_assert_cmpuint (templates->len, ==, N_SHIPPED);

  for (guint i = 0; i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);
      gboolean french = g_str_equal (template->language, "fr");
      g_autofree char *where = g_strdup_printf ("“%s”", template->name);
      g_autofree char *closing = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (template->shipped);
      g_assert_false (template->modified);
      g_assert_true (relance_template_check (template, &error));
      g_assert_no_error (error);
      g_assert_true (g_hash_table_add (names, template->name));
      g_assert_true (french || g_str_equal (template->language, "en"));
      g_assert_cmpint (template->kind, <, RELANCE_TEMPLATE_CALL);
      seen[template->kind][french][template->tone]++;

      assert_fields_known (where, template->subject, TRUE);
      assert_fields_known (where, template->body, FALSE);
      g_assert_true (relance_merge_validate (template->subject, template->body, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_utf8_strlen (template->subject, -1), <=, 60);

      /* It greets (formally in a formal notice and in the last reminder
       * before it: "Madame," never "Bonjour"), lists the invoices, says
       * how to pay and by when. */
      if (template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE ||
          (template->kind == RELANCE_TEMPLATE_SECOND_REMINDER && template->tone == RELANCE_TONE_FIRM))
        g_assert_true (g_str_has_prefix (template->body, "{{salutation.formal}}\n"));
      else
        g_assert_true (g_str_has_prefix (template->body, "{{salutation}}\n"));
      g_assert_nonnull (strstr (template->body, "{{invoices.table}}"));
      g_assert_nonnull (strstr (template->body, "{{payment.details}}"));
      if (template->kind == RELANCE_TEMPLATE_PREVENTIVE)
        g_assert_nonnull (strstr (template->body, "{{due_date.oldest}}"));
      else
        g_assert_true (strstr (template->body, "{{deadline}}") != NULL ||
                       strstr (template->body, "{{request.sentence}}") != NULL);

      /* It never claims what is disputed, and says so; it never speaks of
       * earlier reminders it cannot name: the history is quoted. */
      if (template->kind != RELANCE_TEMPLATE_PREVENTIVE)
        g_assert_nonnull (strstr (template->body, "{{disputed.sentence}}"));
      g_assert_null (strstr (template->body, "précédentes relances"));
      g_assert_null (strstr (template->body, "déjà rappelé"));
      g_assert_null (strstr (template->body, "previous reminders"));
      g_assert_null (strstr (template->body, "already reminded"));
      g_assert_null (strstr (template->body, "premier rappel"));
      g_assert_null (strstr (template->body, "first reminder"));
      if (template->kind == RELANCE_TEMPLATE_FIRST_REMINDER)
        g_assert_null (strstr (template->body, "{{history.sentence}}"));
      if (template->kind == RELANCE_TEMPLATE_SECOND_REMINDER || template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE)
        g_assert_nonnull (strstr (template->body, "{{history.sentence}}"));
      /* Agreement comes from the fields, not from a fixed plural. */
      g_assert_null (strstr (template->body, "les factures ci-dessous"));
      g_assert_null (strstr (template->body, "the invoices below"));

      /* The letter prints the date, the place and the signature. */
      g_assert_null (strstr (template->body, "{{company.signatory"));
      g_assert_null (strstr (template->body, "{{company.place}}"));

      /* It ends with a closing formula; the formal one only in the
       * formal notice. */
      last_line (template->body, &closing);
      if (template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE)
        {
          g_assert_cmpint (template->channel, ==, RELANCE_CHANNEL_REGISTERED_LETTER);
          /* "…d’agréer, Madame, …" after the civility; "Yours
           * faithfully," after "Dear Sir or Madam". */
          g_assert_cmpstr (closing, ==, "{{closing.formal}}");
        }
      else if (g_str_has_prefix (template->body, "{{salutation.formal}}"))
        {
          /* The last reminder closes as it opens. */
          g_assert_cmpint (template->channel, !=, RELANCE_CHANNEL_REGISTERED_LETTER);
          g_assert_cmpstr (closing, ==, "{{closing.formal}}");
          g_assert_null (strstr (template->body, "{{penalties."));
        }
      else
        {
          g_assert_cmpint (template->channel, !=, RELANCE_CHANNEL_REGISTERED_LETTER);
          g_assert_true (g_str_has_suffix (closing, ","));
          g_assert_null (strstr (template->body, "agréer"));
          g_assert_null (strstr (template->body, "{{penalties."));
        }

      /* The call and the promise are quoted by sentences that know
       * whether the call reached someone and whether the promise holds. */
      if (template->kind == RELANCE_TEMPLATE_AFTER_CALL)
        {
          g_assert_nonnull (strstr (template->body, "{{last_call.sentence}}"));
          g_assert_nonnull (strstr (template->body, "{{request.sentence}}"));
          g_assert_null (strstr (template->body, "échange téléphonique"));
          g_assert_null (strstr (template->body, "{{last_call.summary}}"));
        }
      if (template->kind == RELANCE_TEMPLATE_BROKEN_PROMISE)
        {
          g_assert_nonnull (strstr (template->body, "{{promise.sentence}}"));
          g_assert_nonnull (strstr (template->subject, "{{promise.date}}"));
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint french = 0; french < 2; french++)
      {
        gboolean toned = kinds[k] == RELANCE_TEMPLATE_FIRST_REMINDER ||
                         kinds[k] == RELANCE_TEMPLATE_SECOND_REMINDER;

        g_assert_cmpuint (seen[kinds[k]][french][RELANCE_TONE_STANDARD], ==, 1);
        g_assert_cmpuint (seen[kinds[k]][french][RELANCE_TONE_COURTEOUS], ==, toned ? 1 : 0);
        g_assert_cmpuint (seen[kinds[k]][french][RELANCE_TONE_FIRM], ==, toned ? 1 : 0);
      }
}

/* The formal notice says what the law asks of it, in both languages. */
static void
test_formal_notice (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *language;
    const char *words[5];
  } expected[] = {
    { "fr", { "mise en demeure", "L441-10", "injonction de payer", "40\u00a0€", "intérêts de retard" } },
    { "en", { "formal notice", "L441-10", "payment order", "EUR 40", "interest" } },
  };
  static const char * const fields[] = {
    "{{date}}", "{{company.name}}", "{{customer.name}}", "{{invoices.table}}", "{{deadline}}",
    "{{payment.details}}", "{{penalties.interest}}", "{{penalties.indemnity}}", "{{penalties.rate}}",
    "{{total.claimed}}", "{{total.due}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RelanceTemplate) notice = relance_templates_find (fixture->db, RELANCE_TEMPLATE_FORMAL_NOTICE,
                                                                  expected[i].language, RELANCE_TONE_FIRM, &error);
      g_autofree char *body = NULL;
      g_autofree char *subject = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (notice->language, ==, expected[i].language);
      body = g_utf8_strdown (notice->body, -1);
      subject = g_utf8_strdown (notice->subject, -1);
      g_assert_nonnull (strstr (subject, expected[i].words[0]));
      for (guint w = 0; w < G_N_ELEMENTS (expected[i].words); w++)
        {
          g_autofree char *word = g_utf8_strdown (expected[i].words[w], -1);

          if (strstr (body, word) == NULL)
            g_error ("The %s formal notice does not say “%s”", expected[i].language, expected[i].words[w]);
        }
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        /* French names the customer after "à l’ordre d’…" */
        if (strstr (notice->body, fields[f]) == NULL &&
            !(g_str_equal (fields[f], "{{customer.name}}") && strstr (notice->body, "{{customer.of_name}}") != NULL))
          g_error ("The %s formal notice does not give %s", expected[i].language, fields[f]);
    }
}

/* A ledger of version 3 (before templates) gets them on opening, and keeps
 * its data. */
static void
test_migration_from_3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-templates-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  RelanceDatabase *db;
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "v3.db", NULL);

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1380732483", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int version = 1; version <= 3; version++)
    g_assert_cmpint (sqlite3_exec (handle, _relance_schema_get_migration (version), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO customers (code, name, sort_key) VALUES ('OLD', 'Old customer', 'old customer');"
                                 "PRAGMA user_version = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_database_get_schema_version (db), ==, RELANCE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (relance_ledger_find_customer (db, "OLD", &error), >, 0);
  templates = list_templates (db);
  g_assert_cmpuint (templates->len, ==, N_SHIPPED);
  g_assert_true (((RelanceTemplate *)g_ptr_array_index (templates, 0))->shipped);
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_assert_finalize_object (db);

  /* Opening it again seeds nothing twice. */
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  templates = list_templates (db);
  g_assert_cmpuint (templates->len, ==, N_SHIPPED);
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_assert_finalize_object (db);

  relance_test_remove_tree (dir);
}

/* A ledger of version 4 has the templates' old texts: on opening, those
 * the user did not modify get the new ones (migration 5), in the same
 * transaction; a modified one and the user's own are left as they are. */
static void
test_migration_from_4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-templates-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RelanceTemplate) notice = NULL;
  g_autoptr(RelanceTemplate) edited = NULL;
  g_autoptr(RelanceTemplate) own = NULL;
  RelanceDatabase *db;
  sqlite3 *handle = NULL;
  const RelanceShippedTemplate *shipped = _relance_templates_find_shipped ("formal_notice.standard.fr");

  g_assert_no_error (error);
  g_assert_nonnull (shipped);
  path = g_build_filename (dir, "v4.db", NULL);

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1380732483", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int version = 1; version <= 4; version++)
    g_assert_cmpint (sqlite3_exec (handle, _relance_schema_get_migration (version), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO templates (id, name, kind, channel, language, tone, subject, body, shipped_key, modified) VALUES"
                                 " (1, 'Mise en demeure (standard)', 'formal_notice', 'registered_letter', 'fr', 'standard',"
                                 "  'Mise en demeure de payer', '{{salutation}}\n\nMalgré nos précédentes relances…\n', 'formal_notice.standard.fr', 0),"
                                 " (2, 'Deuxième relance (standard)', 'second_reminder', 'letter', 'fr', 'standard',"
                                 "  'Mon rappel', 'Mon texte à moi\n', 'second_reminder.standard.fr', 1),"
                                 " (3, 'Ma lettre', 'first_reminder', 'letter', 'fr', 'standard',"
                                 "  'Ma lettre', 'Bonjour\n', NULL, 0);"
                                 "PRAGMA user_version = 4",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_database_get_schema_version (db), ==, RELANCE_DATABASE_SCHEMA_VERSION);

  notice = relance_templates_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->body, ==, shipped->body);
  g_assert_cmpstr (notice->subject, ==, shipped->subject);
  g_assert_true (g_str_has_prefix (notice->body, "{{salutation.formal}}"));
  g_assert_null (strstr (notice->body, "Malgré nos précédentes relances"));
  g_assert_false (notice->modified);

  edited = relance_templates_get (db, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->body, ==, "Mon texte à moi\n");
  g_assert_cmpstr (edited->subject, ==, "Mon rappel");
  g_assert_true (edited->modified);

  own = relance_templates_get (db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (own->body, ==, "Bonjour\n");
  g_assert_finalize_object (db);

  relance_test_remove_tree (dir);
}

/* By kind, then language, tone and name. */
static void
test_list_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = list_templates (fixture->db);
  RelanceTemplate *first = g_ptr_array_index (templates, 0);
  RelanceTemplate *last = g_ptr_array_index (templates, templates->len - 1);

  g_assert_cmpstr (first->name, ==, "Preventive reminder (standard)");
  g_assert_cmpstr (last->name, ==, "Mise en demeure (standard)");

  for (guint i = 1; i < templates->len; i++)
    {
      RelanceTemplate *a = g_ptr_array_index (templates, i - 1);
      RelanceTemplate *b = g_ptr_array_index (templates, i);

      g_assert_cmpint (a->kind, <=, b->kind);
      if (a->kind == b->kind)
        {
          g_assert_cmpint (strcmp (a->language, b->language), <=, 0);
          if (g_str_equal (a->language, b->language))
            g_assert_cmpint (a->tone, <, b->tone);
        }
    }

  /* First reminders in English: courteous, standard, firm. */
  g_assert_cmpstr (((RelanceTemplate *)g_ptr_array_index (templates, 2))->name, ==, "First reminder (courteous)");
  g_assert_cmpstr (((RelanceTemplate *)g_ptr_array_index (templates, 3))->name, ==, "First reminder (standard)");
  g_assert_cmpstr (((RelanceTemplate *)g_ptr_array_index (templates, 4))->name, ==, "First reminder (firm)");
}

static void
assert_find_fails (RelanceDatabase     *db,
                   RelanceTemplateKind  kind)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (relance_templates_find (db, kind, "fr", RELANCE_TONE_STANDARD, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* The same kind, language and tone; else the standard tone; else any
 * tone; else the same in French. */
static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) after_call = NULL;
  g_autoptr(RelanceTemplate) mine = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) notices = NULL;

#define ASSERT_FIND(kind, language, tone, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find_name (fixture->db, kind, language, tone); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

  ASSERT_FIND (RELANCE_TEMPLATE_FIRST_REMINDER, "en", RELANCE_TONE_FIRM, "First reminder (firm)");
  ASSERT_FIND (RELANCE_TEMPLATE_SECOND_REMINDER, "fr", RELANCE_TONE_COURTEOUS, "Deuxième relance (courtoise)");
  /* No firm letter after a call: the standard one. */
  ASSERT_FIND (RELANCE_TEMPLATE_AFTER_CALL, "en", RELANCE_TONE_FIRM, "Letter after a call (standard)");
  /* No German: French. */
  ASSERT_FIND (RELANCE_TEMPLATE_FIRST_REMINDER, "de", RELANCE_TONE_COURTEOUS, "Première relance (courtoise)");
  ASSERT_FIND (RELANCE_TEMPLATE_BROKEN_PROMISE, "de", RELANCE_TONE_FIRM, "Promesse non tenue (standard)");
  ASSERT_FIND (RELANCE_TEMPLATE_PREVENTIVE, NULL, RELANCE_TONE_STANDARD, "Relance préventive (standard)");

  /* The English letter after a call made courteous: no firm nor standard
   * one left in English, so any tone in English before French. */
  after_call = by_name (fixture->db, "Letter after a call (standard)");
  g_free (after_call->name);
  after_call->name = g_strdup ("Letter after a call (courteous)");
  after_call->tone = RELANCE_TONE_COURTEOUS;
  g_assert_true (relance_templates_update (fixture->db, after_call->id, after_call, &error));
  g_assert_no_error (error);
  ASSERT_FIND (RELANCE_TEMPLATE_AFTER_CALL, "en", RELANCE_TONE_FIRM, "Letter after a call (courteous)");

  /* A template of the user's of the same kind, language and tone comes
   * after the shipped one, and is found when it is the only one. */
  mine = relance_template_new ();
  g_free (mine->name);
  mine->name = g_strdup ("My formal notice");
  mine->kind = RELANCE_TEMPLATE_FORMAL_NOTICE;
  mine->channel = RELANCE_CHANNEL_REGISTERED_LETTER;
  g_free (mine->subject);
  mine->subject = g_strdup ("Mise en demeure");
  g_free (mine->body);
  mine->body = g_strdup ("{{salutation}}\n\nPayez.\n");
  mine->id = relance_templates_add (fixture->db, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->id, >, 0);
  ASSERT_FIND (RELANCE_TEMPLATE_FORMAL_NOTICE, "fr", RELANCE_TONE_STANDARD, "Mise en demeure (standard)");

  /* The shipped formal notices turned into second reminders: only the
   * user's is left; then none. */
  notices = list_templates (fixture->db);
  for (guint i = 0; i < notices->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (notices, i);

      if (template->kind != RELANCE_TEMPLATE_FORMAL_NOTICE || !template->shipped)
        continue;
      template->kind = RELANCE_TEMPLATE_SECOND_REMINDER;
      g_assert_true (relance_templates_update (fixture->db, template->id, template, &error));
      g_assert_no_error (error);
    }
  ASSERT_FIND (RELANCE_TEMPLATE_FORMAL_NOTICE, "en", RELANCE_TONE_FIRM, "My formal notice");
  g_assert_true (relance_templates_delete (fixture->db, mine->id, &error));
  g_assert_no_error (error);
  assert_find_fails (fixture->db, RELANCE_TEMPLATE_FORMAL_NOTICE);

  /* A call has no letter. */
  assert_find_fails (fixture->db, RELANCE_TEMPLATE_CALL);

#undef ASSERT_FIND
}

static void
test_find_by_name (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) exact = by_name (fixture->db, "Première relance (courtoise)");
  g_autoptr(RelanceTemplate) folded = by_name (fixture->db, "PREMIERE RELANCE (COURTOISE)");
  g_autoptr(RelanceTemplate) spaced = by_name (fixture->db, " première relance (courtoise) ");
  g_autoptr(RelanceTemplate) english = by_name (fixture->db, "formal notice (STANDARD)");
  RelanceTemplate *none;

  g_assert_cmpint (exact->kind, ==, RELANCE_TEMPLATE_FIRST_REMINDER);
  g_assert_cmpint (exact->tone, ==, RELANCE_TONE_COURTEOUS);
  g_assert_cmpstr (exact->language, ==, "fr");
  g_assert_cmpint (folded->id, ==, exact->id);
  g_assert_cmpint (spaced->id, ==, exact->id);
  g_assert_cmpstr (english->name, ==, "Formal notice (standard)");

  none = relance_templates_find_by_name (fixture->db, "Troisième relance", &error);
  g_assert_null (none);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Troisième relance"));
}

static RelanceTemplate *
user_template (const char *name)
{
  RelanceTemplate *template = relance_template_new ();

  g_free (template->name);
  template->name = g_strdup (name);
  template->kind = RELANCE_TEMPLATE_SECOND_REMINDER;
  template->channel = RELANCE_CHANNEL_LETTER;
  g_free (template->language);
  template->language = g_strdup ("en");
  template->tone = RELANCE_TONE_FIRM;
  g_free (template->subject);
  template->subject = g_strdup ("Unpaid: {{invoices.list}}");
  g_free (template->body);
  template->body = g_strdup ("{{salutation}}\n\nPlease pay {{total.due}} by {{deadline}}.\n\n{{invoices.table}}\n\nRegards,\n");

  return template;
}

/* Adding, reading back, and names unique whatever the case and accents. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) template = user_template ("  Public sector  ");
  g_autoptr(RelanceTemplate) read = NULL;
  g_autoptr(RelanceTemplate) copy = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  gint64 id;

  id = relance_templates_add (fixture->db, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  read = relance_templates_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Public sector");
  g_assert_cmpint (read->kind, ==, RELANCE_TEMPLATE_SECOND_REMINDER);
  g_assert_cmpint (read->channel, ==, RELANCE_CHANNEL_LETTER);
  g_assert_cmpstr (read->language, ==, "en");
  g_assert_cmpint (read->tone, ==, RELANCE_TONE_FIRM);
  g_assert_cmpstr (read->subject, ==, template->subject);
  g_assert_cmpstr (read->body, ==, template->body);
  g_assert_false (read->shipped);
  g_assert_false (read->modified);

  copy = relance_template_copy (read);
  g_assert_cmpstr (copy->body, ==, read->body);
  g_assert_true (copy->body != read->body);

  /* Among the firm second reminders in English, by name. */
  templates = list_templates (fixture->db);
  g_assert_cmpuint (templates->len, ==, N_SHIPPED + 1);
  for (guint i = 0; i < templates->len; i++)
    if (((RelanceTemplate *)g_ptr_array_index (templates, i))->id == id)
      {
        g_assert_cmpstr (((RelanceTemplate *)g_ptr_array_index (templates, i - 1))->name, ==, "Second reminder (standard)");
        g_assert_cmpstr (((RelanceTemplate *)g_ptr_array_index (templates, i + 1))->name, ==, "Second reminder (firm)");
      }

  /* The same name, another case or accents: refused, nothing added. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "Public sector", "PUBLIC SECTOR", "Première Relance (Courtoise)" };
      g_autoptr(RelanceTemplate) twin = user_template (names[i]);
      g_autoptr(GError) twin_error = NULL;

      if (i == 2)
        {
          g_free (twin->name);
          twin->name = g_strdup ("premiere relance (courtoise)");
        }
      g_assert_cmpint (relance_templates_add (fixture->db, twin, &twin_error), ==, 0);
      g_assert_error (twin_error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
    }
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = list_templates (fixture->db);
  g_assert_cmpuint (templates->len, ==, N_SHIPPED + 1);

  /* Renaming another one to it: refused too; keeping its own name: fine. */
  read->tone = RELANCE_TONE_COURTEOUS;
  g_assert_true (relance_templates_update (fixture->db, id, read, &error));
  g_assert_no_error (error);
  g_free (read->name);
  read->name = g_strdup ("first reminder (Firm)");
  g_assert_false (relance_templates_update (fixture->db, id, read, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_pointer (&read, relance_template_free);
  read = relance_templates_get (fixture->db, id, &error);
  g_assert_cmpstr (read->name, ==, "Public sector");
  g_assert_cmpint (read->tone, ==, RELANCE_TONE_COURTEOUS);

  g_assert_null (relance_templates_get (fixture->db, id + 1000, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (relance_templates_update (fixture->db, id + 1000, read, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

typedef void (*Spoil) (RelanceTemplate *template);

static void spoil_name_empty (RelanceTemplate *t) { g_free (t->name); t->name = g_strdup ("   "); }
static void spoil_name_long (RelanceTemplate *t) { g_free (t->name); t->name = g_strnfill (RELANCE_TEMPLATE_NAME_MAX + 1, 'x'); }
static void spoil_kind (RelanceTemplate *t) { t->kind = RELANCE_TEMPLATE_CALL; }
static void spoil_kind_unknown (RelanceTemplate *t) { t->kind = (RelanceTemplateKind)42; }
static void spoil_tone (RelanceTemplate *t) { t->tone = (RelanceTone)42; }
static void spoil_channel (RelanceTemplate *t) { t->channel = RELANCE_CHANNEL_PHONE; }
static void spoil_notice (RelanceTemplate *t) { t->kind = RELANCE_TEMPLATE_FORMAL_NOTICE; }
static void spoil_language (RelanceTemplate *t) { g_free (t->language); t->language = g_strdup ("de"); }
static void spoil_subject_empty (RelanceTemplate *t) { g_free (t->subject); t->subject = g_strdup (" "); }
static void spoil_subject_lines (RelanceTemplate *t) { g_free (t->subject); t->subject = g_strdup ("Unpaid\ninvoices"); }
static void spoil_subject_long (RelanceTemplate *t) { g_free (t->subject); t->subject = g_strnfill (RELANCE_TEMPLATE_SUBJECT_MAX + 1, 'e'); }
static void spoil_body_empty (RelanceTemplate *t) { g_free (t->body); t->body = g_strdup ("\n\n"); }
static void spoil_body_long (RelanceTemplate *t) { g_free (t->body); t->body = g_strnfill (RELANCE_TEMPLATE_BODY_MAX + 1, 'b'); }
static void spoil_body_utf8 (RelanceTemplate *t) { g_free (t->body); t->body = g_strdup ("Hello,\nPay n\xe9 now.\n"); }

/* Each wrong field is refused with a message saying which, and where. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    Spoil       spoil;
    const char *says;
  } cases[] = {
    { spoil_name_empty, "name is empty" },
    { spoil_name_long, "too long: at most 80" },
    { spoil_kind, "call" },
    { spoil_kind_unknown, "kind of message of the template “Bad” is unknown" },
    { spoil_tone, "tone of the template “Bad” is unknown" },
    { spoil_channel, "registered letter or an e-mail" },
    { spoil_notice, "registered letter" },
    { spoil_language, "French (fr) or English (en)" },
    { spoil_subject_empty, "subject is empty" },
    { spoil_subject_lines, "subject must fit on one line" },
    { spoil_subject_long, "subject is 201 characters long" },
    { spoil_body_empty, "body is empty" },
    { spoil_body_long, "body is 20001 characters long" },
    { spoil_body_utf8, "body has a character that is not valid text at line 2, column 6" },
  };
  g_autoptr(RelanceTemplate) good = user_template ("Good");
  g_autoptr(GError) error = NULL;

  g_assert_true (relance_template_check (good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RelanceTemplate) bad = user_template ("Bad");
      g_autoptr(GPtrArray) templates = NULL;

      cases[i].spoil (bad);
      g_assert_false (relance_template_check (bad, &error));
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("Case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_clear_error (&error);

      /* Nothing stored. */
      g_assert_cmpint (relance_templates_add (fixture->db, bad, &error), ==, 0);
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      g_clear_error (&error);
      templates = list_templates (fixture->db);
      g_assert_cmpuint (templates->len, ==, N_SHIPPED);
    }
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) shipped = by_name (fixture->db, "Mise en demeure (standard)");
  g_autoptr(RelanceTemplate) mine = user_template ("Mine");
  g_autoptr(RelanceTemplate) still = NULL;
  gint64 id;

  g_assert_false (relance_templates_delete (fixture->db, shipped->id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mise en demeure (standard)"));
  g_clear_error (&error);
  still = relance_templates_get (fixture->db, shipped->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (still->body, ==, shipped->body);

  id = relance_templates_add (fixture->db, mine, &error);
  g_assert_no_error (error);
  g_assert_true (relance_templates_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_null (relance_templates_get (fixture->db, id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (relance_templates_delete (fixture->db, id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* Editing a shipped template marks it modified; putting back the text it
 * came with, or resetting it, does not. */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) original = by_name (fixture->db, "Deuxième relance (ferme)");
  g_autoptr(RelanceTemplate) edited = relance_template_copy (original);
  g_autoptr(RelanceTemplate) read = NULL;
  g_autoptr(RelanceTemplate) mine = user_template ("Mine");
  g_autoptr(RelanceTemplate) squatter = user_template ("Deuxieme relance (FERME)");
  gint64 mine_id;

  g_free (edited->body);
  edited->body = g_strdup ("{{salutation}}\n\nPayez avant le {{deadline}}.\n\n{{invoices.table}}\n\nCordialement,\n");
  g_free (edited->name);
  edited->name = g_strdup ("Relance musclée");
  g_assert_true (relance_templates_update (fixture->db, original->id, edited, &error));
  g_assert_no_error (error);
  read = relance_templates_get (fixture->db, original->id, &error);
  g_assert_true (read->shipped);
  g_assert_true (read->modified);
  g_assert_cmpstr (read->body, ==, edited->body);
  g_clear_pointer (&read, relance_template_free);

  /* Saved again as it came: no longer modified. */
  g_assert_true (relance_templates_update (fixture->db, original->id, original, &error));
  g_assert_no_error (error);
  read = relance_templates_get (fixture->db, original->id, &error);
  g_assert_false (read->modified);
  g_clear_pointer (&read, relance_template_free);

  /* Edited, then reset: name, tone, subject and body as they came. */
  edited->tone = RELANCE_TONE_COURTEOUS;
  g_free (edited->subject);
  edited->subject = g_strdup ("Payez");
  g_assert_true (relance_templates_update (fixture->db, original->id, edited, &error));
  g_assert_true (relance_templates_reset (fixture->db, original->id, &error));
  g_assert_no_error (error);
  read = relance_templates_get (fixture->db, original->id, &error);
  g_assert_cmpstr (read->name, ==, "Deuxième relance (ferme)");
  g_assert_cmpint (read->tone, ==, RELANCE_TONE_FIRM);
  g_assert_cmpstr (read->subject, ==, original->subject);
  g_assert_cmpstr (read->body, ==, original->body);
  g_assert_false (read->modified);
  g_assert_true (read->shipped);
  g_clear_pointer (&read, relance_template_free);

  /* A template of the user's has nothing to go back to. */
  mine_id = relance_templates_add (fixture->db, mine, &error);
  g_assert_no_error (error);
  g_assert_false (relance_templates_reset (fixture->db, mine_id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* Renamed, and its name taken since: the reset says so and changes
   * nothing. */
  g_assert_true (relance_templates_update (fixture->db, original->id, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (relance_templates_add (fixture->db, squatter, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (relance_templates_reset (fixture->db, original->id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);
  read = relance_templates_get (fixture->db, original->id, &error);
  g_assert_cmpstr (read->name, ==, "Relance musclée");
  g_assert_cmpstr (read->subject, ==, "Payez");
  g_assert_true (read->modified);

  g_assert_false (relance_templates_reset (fixture->db, original->id + 1000, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* A reminder asks for the total its table ends with: with the penalties
 * when the step claims them ({{total.claimed}} is the open total
 * otherwise). */
static void
test_asks_total_claimed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = relance_templates_list (fixture->db, &error);
  guint n_asking = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);

      if (!template->shipped || template->kind == RELANCE_TEMPLATE_PREVENTIVE)
        continue;
      if (strstr (template->body, "{{request.sentence}}") != NULL)
        {
          /* The sentence asks for the total claimed, or the promise and
           * the remainder (test-merge checks what it says). */
          n_asking++;
          continue;
        }
      if (strstr (template->body, "{{deadline}}") == NULL)
        continue;
      n_asking++;
      if (strstr (template->body, "{{total.claimed}}") == NULL)
        g_error ("“%s” asks for payment without {{total.claimed}}", template->name);
    }
  g_assert_cmpuint (n_asking, >=, 18);
}

/* A letter's template: the customer's language and the tone of their
 * target group, and a kind it can be written as. */
static void
test_find_for_letter (Fixture       *fixture,
                      gconstpointer  data_)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields plain = { .code = "C1", .name = "Sans groupe", .payment_terms = -1 };
  RelanceCustomerFields firm = { .code = "C2", .name = "Mauvais payeur", .language = "en",
                                 .segment = "Retards", .payment_terms = -1 };
  g_autoptr(RelanceLetterData) data = relance_letter_data_new ();
  g_autoptr(RelanceTemplate) first = NULL;
  g_autoptr(RelanceTemplate) second = NULL;
  g_autoptr(RelanceTemplate) after_call = NULL;
  g_autoptr(RelanceTemplate) missing = NULL;
  GPtrArray *segments;
  gint64 firm_id;

  data->customer_id = relance_ledger_add_customer (fixture->db, &plain, &error);
  g_assert_no_error (error);
  g_free (data->language);
  data->language = g_strdup ("fr");
  first = relance_templates_find_for_letter (fixture->db, RELANCE_TEMPLATE_FIRST_REMINDER, data, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->tone, ==, RELANCE_TONE_STANDARD);
  g_assert_cmpstr (first->language, ==, "fr");

  /* In a firm group, in English; nothing sent yet and no call to quote:
   * a first reminder, whatever the step asks. */
  firm_id = relance_ledger_add_customer (fixture->db, &firm, &error);
  g_assert_no_error (error);
  segments = relance_segments_list (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < segments->len; i++)
    {
      RelanceSegment *segment = g_ptr_array_index (segments, i);

      if (g_str_equal (segment->name, "Retards"))
        g_assert_true (relance_segments_update (fixture->db, segment->id, segment->name, RELANCE_TONE_FIRM,
                                                0, &error));
    }
  g_ptr_array_unref (segments);
  g_assert_no_error (error);

  data->customer_id = firm_id;
  g_free (data->language);
  data->language = g_strdup ("en");
  second = relance_templates_find_for_letter (fixture->db, RELANCE_TEMPLATE_SECOND_REMINDER, data, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->tone, ==, RELANCE_TONE_FIRM);
  g_assert_cmpstr (second->language, ==, "en");
  g_assert_cmpint (second->kind, ==, RELANCE_TEMPLATE_FIRST_REMINDER);
  after_call = relance_templates_find_for_letter (fixture->db, RELANCE_TEMPLATE_AFTER_CALL, data, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after_call->kind, ==, RELANCE_TEMPLATE_FIRST_REMINDER);

  /* A letter was sent: the second reminder, firm ("Dernier rappel…"). */
  {
    RelanceLetterStep sent = { relance_day_from_dmy (2, 11, 2026), RELANCE_ACTION_LETTER, FALSE };
    g_autoptr(RelanceTemplate) next = NULL;

    g_array_append_val (data->history, sent);
    data->n_reminders = 1;
    data->last_reminder_date = sent.date;
    next = relance_templates_find_for_letter (fixture->db, RELANCE_TEMPLATE_FIRST_REMINDER, data, &error);
    g_assert_no_error (error);
    g_assert_cmpint (next->kind, ==, RELANCE_TEMPLATE_SECOND_REMINDER);
    g_assert_cmpint (next->tone, ==, RELANCE_TONE_FIRM);
    g_assert_true (g_str_has_prefix (next->body, "{{salutation.formal}}"));
  }

  data->customer_id = 4242;
  missing = relance_templates_find_for_letter (fixture->db, RELANCE_TEMPLATE_FIRST_REMINDER, data, &error);
  g_assert_null (missing);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/templates/shipped", test_shipped);
  ADD ("/templates/formal-notice", test_formal_notice);
  ADD ("/templates/asks-total-claimed", test_asks_total_claimed);
  g_test_add_func ("/templates/migration-from-3", test_migration_from_3);
  g_test_add_func ("/templates/migration-from-4", test_migration_from_4);
  ADD ("/templates/list-order", test_list_order);
  ADD ("/templates/find", test_find);
  ADD ("/templates/find-by-name", test_find_by_name);
  ADD ("/templates/find-for-letter", test_find_for_letter);
  ADD ("/templates/add", test_add);
  ADD ("/templates/check", test_check);
  ADD ("/templates/delete", test_delete);
  ADD ("/templates/reset", test_reset);
#undef ADD

  return g_test_run ();
}
