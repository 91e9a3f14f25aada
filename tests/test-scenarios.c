/* test-scenarios.c: the reminder scenarios shipped with a new ledger, the
 * user's own, their steps and what a step may be, the target groups that
 * use them, and the rates typed in the preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-scenarios.h"

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

/* A scenario's steps as "D-3 email preventive, D+40 registered_letter
 * formal_notice penalties". */
static char *
describe_steps (const RelanceScenario *scenario)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const RelanceScenarioStep *step = g_ptr_array_index (scenario->steps, i);
      g_autofree char *day = relance_step_format_offset (step->offset_days);

      g_string_append_printf (text, "%s%s %s %s%s", i > 0 ? ", " : "", day,
                              relance_channel_to_string (step->channel),
                              relance_template_kind_to_string (step->template_kind),
                              step->claims_penalties ? " penalties" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static RelanceScenario *
get_scenario (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  RelanceScenario *scenario = relance_scenarios_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static gint64
scenario_id_by_key (Fixture    *fixture,
                    const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = relance_scenarios_list (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    {
      RelanceScenario *scenario = g_ptr_array_index (scenarios, i);

      if (g_strcmp0 (scenario->key, key) == 0)
        return scenario->id;
    }

  g_assert_not_reached ();
}

static char *
steps_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(RelanceScenario) scenario = get_scenario (fixture, id);

  return describe_steps (scenario);
}

/* The names of all scenarios, the default one starred. */
static char *
names (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = relance_scenarios_list (fixture->db, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    {
      RelanceScenario *scenario = g_ptr_array_index (scenarios, i);

      g_string_append_printf (text, "%s%s%s", i > 0 ? "," : "", scenario->name,
                              scenario->is_default ? "*" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static RelanceScenarioStep
make_step (int                  offset,
           RelanceChannel       channel,
           RelanceTemplateKind  kind,
           gboolean             penalties)
{
  return (RelanceScenarioStep) { 0, offset, channel, kind, penalties };
}

static void
test_scenarios_shipped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = relance_scenarios_list (fixture->db, &error);
  g_autofree char *shown = NULL;
  g_autofree char *key_accounts = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *firm = NULL;
  RelanceScenario *scenario;

  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 3);

  shown = names (fixture);
  g_assert_cmpstr (shown, ==, "Key accounts,Standard*,Firm");

  scenario = g_ptr_array_index (scenarios, 0);
  g_assert_cmpstr (scenario->key, ==, "key_accounts");
  g_assert_false (scenario->is_default);
  g_assert_cmpuint (scenario->n_segments, ==, 0);
  key_accounts = describe_steps (scenario);
  g_assert_cmpstr (key_accounts, ==,
                   "D-5 email preventive, D+5 phone call, D+20 letter after_call,"
                   " D+30 phone call, D+45 registered_letter formal_notice penalties");

  scenario = g_ptr_array_index (scenarios, 1);
  g_assert_cmpstr (scenario->key, ==, "standard");
  g_assert_true (scenario->is_default);
  standard = describe_steps (scenario);
  g_assert_cmpstr (standard, ==,
                   "D-3 email preventive, D+3 phone call, D+15 letter after_call,"
                   " D+25 phone call, D+40 registered_letter formal_notice penalties");

  scenario = g_ptr_array_index (scenarios, 2);
  g_assert_cmpstr (scenario->key, ==, "firm");
  firm = describe_steps (scenario);
  g_assert_cmpstr (firm, ==,
                   "D+1 email first_reminder, D+7 phone call, D+15 letter second_reminder penalties,"
                   " D+30 registered_letter formal_notice penalties");

  /* One scenario alone, and one that does not exist. */
  scenario = relance_scenarios_get (fixture->db, 999, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_assert_null (scenario);
}

static void
test_scenarios_add (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_steps = steps_of (fixture, scenario_id_by_key (fixture, "standard"));
  g_autofree char *copied = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *long_name = g_strnfill (61, 'x');
  gint64 public_id;
  gint64 own_id;
  gint64 id;

  /* A copy of the standard steps, under its own name. */
  public_id = relance_scenarios_add (fixture->db, "  Public sector ", scenario_id_by_key (fixture, "standard"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (public_id, >, 0);
  copied = steps_of (fixture, public_id);
  g_assert_cmpstr (copied, ==, standard_steps);

  /* From nothing: one step, a scenario is never empty. */
  own_id = relance_scenarios_add (fixture->db, "Très courtois", 0, &error);
  g_assert_no_error (error);
  fresh = steps_of (fixture, own_id);
  g_assert_cmpstr (fresh, ==, "D+1 email first_reminder");

  {
    g_autoptr(RelanceScenario) scenario = get_scenario (fixture, public_id);

    g_assert_null (scenario->key);
    g_assert_cmpstr (scenario->name, ==, "Public sector");
    g_assert_false (scenario->is_default);
  }

  /* Names: unique whatever the case and accents, also against the names
   * shown for the shipped ones; never empty or endless. */
  id = relance_scenarios_add (fixture->db, "public SECTOR", 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“Public sector”"));
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);

  relance_scenarios_add (fixture->db, "tres courtois", 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);

  relance_scenarios_add (fixture->db, "STANDARD", 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Another scenario is already called “Standard”");
  g_clear_error (&error);

  relance_scenarios_add (fixture->db, "   ", 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name is empty"));
  g_clear_error (&error);

  relance_scenarios_add (fixture->db, long_name, 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);

  /* Copying a scenario that is gone writes nothing. */
  relance_scenarios_add (fixture->db, "Ghost", 999, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  shown = names (fixture);
  g_assert_cmpstr (shown, ==, "Key accounts,Standard*,Firm,Public sector,Très courtois");
}

static void
test_scenarios_rename (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 standard = scenario_id_by_key (fixture, "standard");
  g_autofree char *shown = NULL;
  gint64 id;

  /* A shipped scenario keeps its key under the user's name... */
  relance_scenarios_rename (fixture->db, standard, "Habituel", &error);
  g_assert_no_error (error);
  {
    g_autoptr(RelanceScenario) scenario = get_scenario (fixture, standard);

    g_assert_cmpstr (scenario->key, ==, "standard");
    g_assert_cmpstr (scenario->name, ==, "Habituel");
    g_assert_true (scenario->is_default);
  }

  /* ...and its former name is free again. */
  id = relance_scenarios_add (fixture->db, "Standard", standard, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Renaming to its own name in another case is fine; to another's is not. */
  relance_scenarios_rename (fixture->db, standard, "HABITUEL", &error);
  g_assert_no_error (error);
  relance_scenarios_rename (fixture->db, standard, "firm", &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);
  relance_scenarios_rename (fixture->db, standard, "", &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  relance_scenarios_rename (fixture->db, 999, "Nobody", &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  shown = names (fixture);
  g_assert_cmpstr (shown, ==, "Key accounts,HABITUEL*,Firm,Standard");

  /* Given back its shipped name. */
  g_assert_true (relance_scenarios_rename (fixture->db, scenario_id_by_key (fixture, "firm"), "Ferme", &error));
  g_assert_no_error (error);
  g_assert_true (relance_scenarios_rename (fixture->db, scenario_id_by_key (fixture, "firm"), " Firm ", &error));
  g_assert_no_error (error);
  g_clear_pointer (&shown, g_free);
  shown = names (fixture);
  g_assert_cmpstr (shown, ==, "Key accounts,HABITUEL*,Firm,Standard");
}

static void
test_scenarios_default_and_remove (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 standard = scenario_id_by_key (fixture, "standard");
  gint64 firm = scenario_id_by_key (fixture, "firm");
  gint64 key_accounts = scenario_id_by_key (fixture, "key_accounts");
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;
  g_autofree char *last = NULL;
  RelanceScenario *gone;

  /* Exactly one default. */
  g_assert_true (relance_scenarios_set_default (fixture->db, firm, &error));
  g_assert_no_error (error);
  shown = names (fixture);
  g_assert_cmpstr (shown, ==, "Key accounts,Standard,Firm*");
  g_assert_true (relance_scenarios_set_default (fixture->db, firm, &error));
  g_assert_no_error (error);
  g_assert_false (relance_scenarios_set_default (fixture->db, 999, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = names (fixture);
  g_assert_cmpstr (after, ==, "Key accounts,Standard,Firm*");

  /* The default one stays. */
  g_assert_false (relance_scenarios_remove (fixture->db, firm, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“Firm” is the default scenario and cannot be removed: make another one the default first");
  g_clear_error (&error);

  /* One used by target groups stays, and says by how many. */
  relance_segments_add (fixture->db, "Grands comptes", RELANCE_TONE_COURTEOUS, key_accounts, &error);
  g_assert_no_error (error);
  relance_segments_add (fixture->db, "Export", RELANCE_TONE_STANDARD, key_accounts, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RelanceScenario) scenario = get_scenario (fixture, key_accounts);

    g_assert_cmpuint (scenario->n_segments, ==, 2);
  }
  g_assert_false (relance_scenarios_remove (fixture->db, key_accounts, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "used by 2 target groups"));
  g_clear_error (&error);

  /* An unused one goes, with its steps. */
  g_assert_true (relance_scenarios_remove (fixture->db, standard, &error));
  g_assert_no_error (error);
  gone = relance_scenarios_get (fixture->db, standard, &error);
  g_assert_null (gone);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  last = names (fixture);
  g_assert_cmpstr (last, ==, "Key accounts,Firm*");

  g_assert_false (relance_scenarios_remove (fixture->db, standard, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* Tries @step on a new step of the standard scenario and on its D+3 call;
 * both are refused with a message containing @expected. */
static void
assert_step_refused (Fixture                   *fixture,
                     const RelanceScenarioStep *step,
                     GQuark                     domain,
                     int                        code,
                     const char                *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 standard = scenario_id_by_key (fixture, "standard");
  g_autoptr(RelanceScenario) scenario = get_scenario (fixture, standard);
  const RelanceScenarioStep *call = g_ptr_array_index (scenario->steps, 1);

  before = describe_steps (scenario);

  g_assert_cmpint (relance_scenarios_add_step (fixture->db, standard, step, &error), ==, 0);
  g_assert_error (error, domain, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  g_clear_error (&error);

  g_assert_cmpint (call->offset_days, ==, 3);
  g_assert_false (relance_scenarios_update_step (fixture->db, call->id, step, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, expected));

  after = steps_of (fixture, standard);
  g_assert_cmpstr (after, ==, before);
}

static void
test_scenarios_steps (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 standard = scenario_id_by_key (fixture, "standard");
  RelanceScenarioStep step;
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  gint64 id;

  /* Added in its place by day. */
  step = make_step (20, RELANCE_CHANNEL_LETTER, RELANCE_TEMPLATE_SECOND_REMINDER, TRUE);
  id = relance_scenarios_add_step (fixture->db, standard, &step, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  added = steps_of (fixture, standard);
  g_assert_cmpstr (added, ==,
                   "D-3 email preventive, D+3 phone call, D+15 letter after_call,"
                   " D+20 letter second_reminder penalties,"
                   " D+25 phone call, D+40 registered_letter formal_notice penalties");

  /* Changed: a new day and message; the same day it had is not a clash. */
  step = make_step (21, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_BROKEN_PROMISE, FALSE);
  g_assert_true (relance_scenarios_update_step (fixture->db, id, &step, &error));
  g_assert_no_error (error);
  g_assert_true (relance_scenarios_update_step (fixture->db, id, &step, &error));
  g_assert_no_error (error);
  updated = steps_of (fixture, standard);
  g_assert_nonnull (strstr (updated, "D+15 letter after_call, D+21 email broken_promise, D+25 phone call"));

  /* Refusals, each saying why; nothing written. */
  step = make_step (15, RELANCE_CHANNEL_LETTER, RELANCE_TEMPLATE_SECOND_REMINDER, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                       "This scenario already has a step at D+15");
  step = make_step (-91, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_PREVENTIVE, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       "D-91 is too far: a step comes between D-90 and D+365");
  step = make_step (366, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_SECOND_REMINDER, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID, "D+366 is too far");
  step = make_step (50, RELANCE_CHANNEL_LETTER, RELANCE_TEMPLATE_FORMAL_NOTICE, TRUE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       "A formal notice is sent by registered letter: choose “Registered letter”");
  step = make_step (50, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_CALL, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       "A reminder call is made by phone");
  step = make_step (50, RELANCE_CHANNEL_PHONE, RELANCE_TEMPLATE_SECOND_REMINDER, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       "A phone step is a reminder call: choose “Reminder call”");
  step = make_step (0, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_FIRST_REMINDER, TRUE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       "owed only after the due date: the step at D cannot claim them");
  step = make_step (50, (RelanceChannel)42, RELANCE_TEMPLATE_SECOND_REMINDER, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID, "channel is unknown");
  step = make_step (50, RELANCE_CHANNEL_EMAIL, (RelanceTemplateKind)42, FALSE);
  assert_step_refused (fixture, &step, RELANCE_ERROR, RELANCE_ERROR_INVALID, "kind of message is unknown");

  /* The phone with its call, a registered letter with something else: fine. */
  step = make_step (50, RELANCE_CHANNEL_PHONE, RELANCE_TEMPLATE_CALL, FALSE);
  g_assert_cmpint (relance_scenarios_add_step (fixture->db, standard, &step, &error), >, 0);
  g_assert_no_error (error);
  step = make_step (60, RELANCE_CHANNEL_REGISTERED_LETTER, RELANCE_TEMPLATE_SECOND_REMINDER, TRUE);
  g_assert_cmpint (relance_scenarios_add_step (fixture->db, standard, &step, &error), >, 0);
  g_assert_no_error (error);

  /* Gone steps and scenarios. */
  g_assert_false (relance_scenarios_update_step (fixture->db, 9999, &step, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (relance_scenarios_add_step (fixture->db, 999, &step, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (relance_scenarios_remove_step (fixture->db, 9999, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

/* The fewest days after the step before: the shipped ones are the gaps
 * of the offsets (standard: D+3 3, D+15 12, D+25 10, D+40 15; the
 * preventive step 0); a step keeps the gap it is given, and a copy keeps
 * them; more than 365 days is refused. */
static void
test_scenarios_gaps (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 standard = scenario_id_by_key (fixture, "standard");
  g_autoptr(RelanceScenario) scenario = relance_scenarios_get (fixture->db, standard, &error);
  g_autoptr(RelanceScenario) changed = NULL;
  g_autoptr(RelanceScenario) copy = NULL;
  static const int gaps[] = { 0, 3, 12, 10, 15 };
  RelanceScenarioStep step;
  gint64 copy_id;

  g_assert_no_error (error);
  g_assert_cmpuint (scenario->steps->len, ==, G_N_ELEMENTS (gaps));
  for (guint i = 0; i < G_N_ELEMENTS (gaps); i++)
    g_assert_cmpint (((RelanceScenarioStep *)scenario->steps->pdata[i])->min_gap_days, ==, gaps[i]);

  /* The D+15 letter at least 20 days after the call. */
  step = *(RelanceScenarioStep *)scenario->steps->pdata[2];
  step.min_gap_days = 20;
  g_assert_true (relance_scenarios_update_step (fixture->db, step.id, &step, &error));
  g_assert_no_error (error);
  changed = relance_scenarios_get (fixture->db, standard, &error);
  g_assert_cmpint (((RelanceScenarioStep *)changed->steps->pdata[2])->min_gap_days, ==, 20);

  copy_id = relance_scenarios_add (fixture->db, "Copy", standard, &error);
  g_assert_no_error (error);
  copy = relance_scenarios_get (fixture->db, copy_id, &error);
  g_assert_cmpint (((RelanceScenarioStep *)copy->steps->pdata[2])->min_gap_days, ==, 20);

  step.min_gap_days = 366;
  g_assert_false (relance_scenarios_check_step (fixture->db, standard, step.id, &step, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most 365 days after the step before it"));
  g_clear_error (&error);
  step.min_gap_days = -1;
  g_assert_false (relance_scenarios_update_step (fixture->db, step.id, &step, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

static void
test_scenarios_steps_bounds (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 firm = scenario_id_by_key (fixture, "firm");
  RelanceScenarioStep step;
  guint n;

  /* Up to twelve steps. */
  for (n = 4; n < RELANCE_SCENARIO_STEPS_MAX; n++)
    {
      step = make_step (100 + (int)n, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_SECOND_REMINDER, TRUE);
      g_assert_cmpint (relance_scenarios_add_step (fixture->db, firm, &step, &error), >, 0);
      g_assert_no_error (error);
    }
  step = make_step (300, RELANCE_CHANNEL_EMAIL, RELANCE_TEMPLATE_SECOND_REMINDER, TRUE);
  g_assert_cmpint (relance_scenarios_add_step (fixture->db, firm, &step, &error), ==, 0);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has 12 steps"));
  g_clear_error (&error);

  /* Down to one, which stays. */
  for (;;)
    {
      g_autoptr(RelanceScenario) scenario = get_scenario (fixture, firm);
      const RelanceScenarioStep *first = g_ptr_array_index (scenario->steps, 0);

      if (scenario->steps->len == 1)
        {
          g_autofree char *left = describe_steps (scenario);

          g_assert_false (relance_scenarios_remove_step (fixture->db, first->id, &error));
          g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "needs at least one"));
          g_assert_cmpstr (left, ==, "D+111 email second_reminder penalties");
          break;
        }

      g_assert_true (relance_scenarios_remove_step (fixture->db, first->id, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(RelanceScenario) scenario = get_scenario (fixture, firm);

    g_assert_cmpuint (scenario->steps->len, ==, 1);
  }
}

static RelanceSegment *
segment_named (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = relance_segments_list (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < segments->len; i++)
    {
      RelanceSegment *segment = g_ptr_array_index (segments, i);

      if (g_strcmp0 (segment->name, name) == 0)
        return g_ptr_array_steal_index (segments, i);
    }

  return NULL;
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

static void
test_segments (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(RelanceCustomerDetails) details = NULL;
  gint64 key_accounts = scenario_id_by_key (fixture, "key_accounts");
  gint64 firm = scenario_id_by_key (fixture, "firm");
  gint64 id;
  gint64 acme;
  gint64 bolt;
  gint64 other;

  id = relance_segments_add (fixture->db, " Grands comptes ", RELANCE_TONE_COURTEOUS, key_accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Customers join it by its name, as an import does. */
  acme = add_customer (fixture, "411ACME", "Grands comptes");
  bolt = add_customer (fixture, "411BOLT", "Grands comptes");
  other = add_customer (fixture, "411ZED", "Divers");

  {
    g_autoptr(RelanceSegment) segment = segment_named (fixture, "Grands comptes");
    g_autoptr(RelanceSegment) divers = segment_named (fixture, "Divers");

    g_assert_nonnull (segment);
    g_assert_cmpint (segment->id, ==, id);
    g_assert_cmpint (segment->tone, ==, RELANCE_TONE_COURTEOUS);
    g_assert_cmpint (segment->scenario_id, ==, key_accounts);
    g_assert_cmpuint (segment->n_customers, ==, 2);
    /* Created by the customer: the default scenario. */
    g_assert_nonnull (divers);
    g_assert_cmpint (divers->scenario_id, ==, 0);
    g_assert_cmpuint (divers->n_customers, ==, 1);
  }

  /* Names: required, unique whatever the case and accents. */
  relance_segments_add (fixture->db, "GRANDS COMPTÉS", RELANCE_TONE_FIRM, 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Another target group is already called “GRANDS COMPTÉS”");
  g_clear_error (&error);
  relance_segments_add (fixture->db, "", RELANCE_TONE_FIRM, 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name is empty"));
  g_clear_error (&error);
  relance_segments_add (fixture->db, "Public", RELANCE_TONE_FIRM, 999, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  relance_segments_add (fixture->db, "Public", (RelanceTone)9, 0, &error);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* Changed: name, tone, back to the default scenario. */
  g_assert_true (relance_segments_update (fixture->db, id, "Comptes clés", RELANCE_TONE_FIRM, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RelanceSegment) segment = segment_named (fixture, "Comptes clés");
    g_autoptr(RelanceScenario) scenario = get_scenario (fixture, key_accounts);

    g_assert_nonnull (segment);
    g_assert_cmpint (segment->tone, ==, RELANCE_TONE_FIRM);
    g_assert_cmpint (segment->scenario_id, ==, 0);
    g_assert_cmpuint (scenario->n_segments, ==, 0);
  }
  g_assert_false (relance_segments_update (fixture->db, id, "divers", RELANCE_TONE_FIRM, firm, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (relance_segments_update (fixture->db, 999, "Nobody", RELANCE_TONE_FIRM, firm, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Sorted by name, accents folded. */
  segments = relance_segments_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (((RelanceSegment *)g_ptr_array_index (segments, 0))->name, ==, "Comptes clés");
  g_assert_cmpstr (((RelanceSegment *)g_ptr_array_index (segments, 1))->name, ==, "Divers");
  g_clear_pointer (&segments, g_ptr_array_unref);

  /* Removed: its customers are left without one, the others keep theirs. */
  g_assert_true (relance_segments_remove (fixture->db, id, &error));
  g_assert_no_error (error);
  details = relance_desk_get_customer (fixture->db, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->segment, ==, "");
  g_clear_pointer (&details, relance_customer_details_free);
  details = relance_desk_get_customer (fixture->db, bolt, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->segment, ==, "");
  g_clear_pointer (&details, relance_customer_details_free);
  details = relance_desk_get_customer (fixture->db, other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->segment, ==, "Divers");

  segments = relance_segments_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 1);

  g_assert_false (relance_segments_remove (fixture->db, id, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND);
}

static void
test_labels (void)
{
  struct {
    int         offset;
    const char *text;
  } offsets[] = {
    { -5, "D-5" }, { 0, "D" }, { 1, "D+1" }, { 20, "D+20" }, { -90, "D-90" }, { 365, "D+365" },
  };
  RelanceChannel channel;
  RelanceTemplateKind kind;
  RelanceTone tone;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *text = relance_step_format_offset (offsets[i].offset);

      g_assert_cmpstr (text, ==, offsets[i].text);
    }

  g_assert_cmpstr (relance_channel_get_label (RELANCE_CHANNEL_PHONE), ==, "Phone call");
  g_assert_cmpstr (relance_channel_get_label (RELANCE_CHANNEL_REGISTERED_LETTER), ==, "Registered letter");
  g_assert_cmpstr (relance_template_kind_get_label (RELANCE_TEMPLATE_AFTER_CALL), ==, "Reminder after a call");
  g_assert_cmpstr (relance_template_kind_get_label (RELANCE_TEMPLATE_FORMAL_NOTICE), ==, "Formal notice");
  g_assert_cmpstr (relance_tone_get_label (RELANCE_TONE_COURTEOUS), ==, "Courteous");

  for (channel = RELANCE_CHANNEL_PHONE; channel <= RELANCE_CHANNEL_REGISTERED_LETTER; channel++)
    {
      RelanceChannel back = 99;

      g_assert_true (relance_channel_from_string (relance_channel_to_string (channel), &back));
      g_assert_cmpint (back, ==, channel);
    }
  for (kind = RELANCE_TEMPLATE_PREVENTIVE; kind <= RELANCE_TEMPLATE_CALL; kind++)
    {
      RelanceTemplateKind back = 99;

      g_assert_true (relance_template_kind_from_string (relance_template_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  for (tone = RELANCE_TONE_COURTEOUS; tone <= RELANCE_TONE_FIRM; tone++)
    {
      RelanceTone back = 99;

      g_assert_true (relance_tone_from_string (relance_tone_to_string (tone), &back));
      g_assert_cmpint (back, ==, tone);
    }
  g_assert_false (relance_channel_from_string ("fax", &channel));
  g_assert_false (relance_template_kind_from_string (NULL, &kind));
  g_assert_false (relance_tone_from_string ("Firm", &tone));
}

static void
test_rate_parse (void)
{
  struct {
    const char *text;
    int         basis_points;
  } good[] = {
    { "2,15", 215 }, { "2.15", 215 }, { "12.5", 1250 }, { "12,50 %", 1250 }, { "0", 0 },
    { " 3 ", 300 }, { "100", 10000 }, { "4,5%", 450 }, { ",5", 50 }, { "10,15\u202f%", 1015 },
    { "007", 700 },
  };
  struct {
    const char *text;
    const char *message;
  } bad[] = {
    { "-1", "is negative" }, { "abc", "is not a percentage" }, { "101", "is too high" },
    { "1,234", "too many decimals" }, { "", "The rate is empty" }, { "   ", "The rate is empty" },
    { "100,01", "is too high" }, { "99999999999", "is too high" }, { "2,1,5", "is not a percentage" },
    { "%", "is not a percentage" }, { "1 000", "is not a percentage" }, { "+2", "is not a percentage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int value = -1;

      g_assert_true (relance_rate_parse (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].basis_points);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int value = -1;

      g_assert_false (relance_rate_parse (bad[i].text, &value, &error));
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", bad[i].text, error->message, bad[i].message);
      g_assert_cmpint (value, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/scenarios/shipped", test_scenarios_shipped);
  ADD ("/scenarios/add", test_scenarios_add);
  ADD ("/scenarios/rename", test_scenarios_rename);
  ADD ("/scenarios/default-and-remove", test_scenarios_default_and_remove);
  ADD ("/scenarios/steps", test_scenarios_steps);
  ADD ("/scenarios/steps-bounds", test_scenarios_steps_bounds);
  ADD ("/scenarios/gaps", test_scenarios_gaps);
  ADD ("/segments/crud", test_segments);
  g_test_add_func ("/scenarios/labels", test_labels);
  g_test_add_func ("/scenarios/rate-parse", test_rate_parse);

#undef ADD

  return g_test_run ();
}
