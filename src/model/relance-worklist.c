/* relance-worklist.c
 *
 * The engine reads each table it needs once, ordered by customer, into
 * hash tables (steps by scenario, open disputes, step states, the latest
 * promise of each customer, postponements), then walks the open invoices
 * customer by customer. One customer (relance_worklist_get_item) takes the
 * same path with a filter on the customer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-proceedings-private.h"
#include "relance-proceedings.h"
#include "relance-worklist.h"

/* Customers between two looks at the cancellable. */
#define CANCEL_EVERY 256

typedef struct
{
  gint64               id;
  int                  offset_days;
  RelanceChannel       channel;
  RelanceTemplateKind  template_kind;
  gboolean             claims_penalties;
  int                  min_gap_days;
} Step;

typedef struct
{
  gint64  id;
  char   *name;
  GArray *steps;   /* Step, by offset */
} Scenario;

typedef struct
{
  char *code;
  char *label;
  char *department;
} Cause;

/* A step done or skipped for an invoice: the key of the states' table,
 * with its day. */
typedef struct
{
  gint64      invoice_id;
  gint64      step_id;
  RelanceDay  date;
} StepKey;

typedef struct
{
  gint64                id;
  RelanceDay            made_on;
  RelanceDay            promised_date;
  gint64                amount;
  RelancePromiseStatus  status;
  gboolean              escalation_cleared;  /* a call or letter after the break */
} Promise;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *sort_key;
  gint64  scenario_id;  /* 0: the default */
} Customer;

/* Proceedings whose claim is still to declare on the day. */
typedef struct
{
  gint64      customer_id;
  RelanceDay  judgment_date;
  RelanceDay  deadline;        /* to declare the claim */
  RelanceDay  relief_deadline; /* to ask for relief from forclusion */
  gint64      open;            /* what the debts born before the judgment leave open */
  gint64      stake;
} Claim;

/* An open invoice as read, before the rules. */
typedef struct
{
  gint64      id;
  char       *number;
  RelanceDay  due_date;
  gint64      open;
} OpenInvoice;

typedef struct
{
  RelanceDay   date;
  int          grace_days;
  gint64       default_scenario;
  GHashTable  *scenarios;      /* id -> Scenario */
  GHashTable  *customers;      /* id -> Customer */
  GHashTable  *causes;         /* invoice id -> Cause */
  GHashTable  *states;         /* StepKey, in @state_keys */
  GArray      *state_keys;     /* StepKey, read at once, then in @states */
  GHashTable  *promises;       /* customer id -> Promise */
  GHashTable  *postponed;      /* customer id -> itself */
  GHashTable  *judgments;      /* customer id -> RelanceDay of the judgment opening proceedings */
  GHashTable  *claims;         /* customer id -> Claim: proceedings whose claim is to declare */
  gboolean     past;           /* an allocation is dated after the day */
  int          min_offset;     /* the first step of any scenario */
  sqlite3_stmt *linked;        /* the calls and written reminders about an invoice */
  sqlite3_stmt *unlinked;      /* those of a customer about no invoice in particular */
} Engine;

/* A call or a written reminder (letter, e-mail) of a customer about no
 * invoice in particular, for the formal notice's condition. */
typedef struct
{
  RelanceDay  date;
  gboolean    call;
} Contact;

/* What an open invoice is to do on the day. */
typedef struct
{
  const OpenInvoice     *open;
  const Step            *step;        /* its next step */
  RelanceDay             due_on;      /* the day that step is due */
  RelanceWorkSubstitute  substitute;
} Next;

/* Statics */

static const char * const group_names[] = {
  [RELANCE_WORK_CALL] = "phone",
  [RELANCE_WORK_EMAIL] = "email",
  [RELANCE_WORK_LETTER] = "letter",
  [RELANCE_WORK_FORMAL_NOTICE] = "registered_letter",
  [RELANCE_WORK_CLAIM] = "claim",
  [RELANCE_WORK_PROMISE] = "promise",
  [RELANCE_WORK_BLOCKED] = "blocked",
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_names) == RELANCE_WORK_N_GROUPS);

static const char * const outcome_names[] = {
  [RELANCE_OUTCOME_NONE] = "",
  [RELANCE_OUTCOME_SENT] = "sent",
  [RELANCE_OUTCOME_PROMISE] = "promise",
  [RELANCE_OUTCOME_DISPUTE] = "dispute",
  [RELANCE_OUTCOME_CALL_BACK] = "call_back",
  [RELANCE_OUTCOME_WRONG_CONTACT] = "wrong_contact",
  [RELANCE_OUTCOME_NO_ANSWER] = "no_answer",
  [RELANCE_OUTCOME_PAID] = "paid",
  [RELANCE_OUTCOME_REACHED] = "reached",
  [RELANCE_OUTCOME_REFUSED] = "refused",
};

static const char * const action_kind_names[] = {
  [RELANCE_ACTION_CALL] = "call",
  [RELANCE_ACTION_EMAIL] = "email",
  [RELANCE_ACTION_LETTER] = "letter",
  [RELANCE_ACTION_FORMAL_NOTICE] = "formal_notice",
  [RELANCE_ACTION_NOTE] = "note",
  [RELANCE_ACTION_VISIT] = "visit",
};

/* Helpers */

static void
scenario_free (Scenario *scenario)
{
  g_free (scenario->name);
  g_array_unref (scenario->steps);
  g_free (scenario);
}

static void
cause_free (Cause *cause)
{
  g_free (cause->code);
  g_free (cause->label);
  g_free (cause->department);
  g_free (cause);
}

static void
customer_free (Customer *customer)
{
  g_free (customer->code);
  g_free (customer->name);
  g_free (customer->sort_key);
  g_free (customer);
}

static void
open_invoice_clear (OpenInvoice *invoice)
{
  g_clear_pointer (&invoice->number, g_free);
}

static guint
step_key_hash (gconstpointer key)
{
  const StepKey *k = key;

  return g_int64_hash (&k->invoice_id) * 31 + g_int64_hash (&k->step_id);
}

static gboolean
step_key_equal (gconstpointer a,
                gconstpointer b)
{
  const StepKey *x = a, *y = b;

  return x->invoice_id == y->invoice_id && x->step_id == y->step_id;
}

static void
engine_clear (Engine *engine)
{
  g_clear_pointer (&engine->scenarios, g_hash_table_unref);
  g_clear_pointer (&engine->customers, g_hash_table_unref);
  g_clear_pointer (&engine->causes, g_hash_table_unref);
  g_clear_pointer (&engine->states, g_hash_table_unref);
  g_clear_pointer (&engine->state_keys, g_array_unref);
  g_clear_pointer (&engine->linked, sqlite3_finalize);
  g_clear_pointer (&engine->unlinked, sqlite3_finalize);
  g_clear_pointer (&engine->promises, g_hash_table_unref);
  g_clear_pointer (&engine->postponed, g_hash_table_unref);
  g_clear_pointer (&engine->judgments, g_hash_table_unref);
  g_clear_pointer (&engine->claims, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Engine, engine_clear)

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *value)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (strcmp (names[i], text) == 0)
      {
        *value = (int)i;
        return TRUE;
      }

  return FALSE;
}

static RelanceWorkGroup
group_for_channel (RelanceChannel channel)
{
  switch (channel)
    {
    case RELANCE_CHANNEL_EMAIL:
      return RELANCE_WORK_EMAIL;
    case RELANCE_CHANNEL_LETTER:
      return RELANCE_WORK_LETTER;
    case RELANCE_CHANNEL_REGISTERED_LETTER:
      return RELANCE_WORK_FORMAL_NOTICE;
    case RELANCE_CHANNEL_PHONE:
    default:
      return RELANCE_WORK_CALL;
    }
}

/* The status of a promise on a day, from what was paid since it was made
 * (up to the day, or the promised day plus the grace days if sooner). */
static RelancePromiseStatus
promise_status (gint64     amount,
                gint64     paid,
                RelanceDay promised_date,
                int        grace_days,
                RelanceDay date)
{
  if (paid >= amount)
    return RELANCE_PROMISE_KEPT;
  if (date > promised_date + grace_days)
    return RELANCE_PROMISE_BROKEN;
  return RELANCE_PROMISE_PENDING;
}

static gboolean
read_grace_days (RelanceDatabase  *db,
                 int              *grace_days,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT promise_grace_days FROM company WHERE id = 1", error);
  if (stmt == NULL || !_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *grace_days = has_row ? sqlite3_column_int (stmt, 0) : 3;
  return TRUE;
}

static gboolean
read_scenarios (Engine           *engine,
                RelanceDatabase  *db,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) scenarios = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  gboolean has_row;

  scenarios = _relance_database_prepare (db, "SELECT id, key, name, is_default FROM scenarios", error);
  if (scenarios == NULL)
    return FALSE;

  for (;;)
    {
      Scenario *scenario;

      if (!_relance_database_step (db, scenarios, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      scenario = g_new0 (Scenario, 1);
      scenario->id = sqlite3_column_int64 (scenarios, 0);
      scenario->name = relance_scenario_dup_display_name ((const char *)sqlite3_column_text (scenarios, 1),
                                              (const char *)sqlite3_column_text (scenarios, 2));
      scenario->steps = g_array_new (FALSE, FALSE, sizeof (Step));
      if (sqlite3_column_int (scenarios, 3) != 0)
        engine->default_scenario = scenario->id;
      g_hash_table_insert (engine->scenarios, &scenario->id, scenario);
    }

  steps = _relance_database_prepare (db,
                                     "SELECT id, scenario_id, offset_days, channel, template, claims_penalties,"
                                     " min_gap_days FROM scenario_steps ORDER BY scenario_id, offset_days",
                                     error);
  if (steps == NULL)
    return FALSE;

  for (;;)
    {
      Scenario *scenario;
      gint64 scenario_id;
      Step step = { 0 };

      if (!_relance_database_step (db, steps, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      scenario_id = sqlite3_column_int64 (steps, 1);
      scenario = g_hash_table_lookup (engine->scenarios, &scenario_id);
      if (scenario == NULL)
        continue;

      step.id = sqlite3_column_int64 (steps, 0);
      step.offset_days = sqlite3_column_int (steps, 2);
      if (!relance_channel_from_string ((const char *)sqlite3_column_text (steps, 3), &step.channel))
        step.channel = RELANCE_CHANNEL_PHONE;
      if (!relance_template_kind_from_string ((const char *)sqlite3_column_text (steps, 4), &step.template_kind))
        step.template_kind = RELANCE_TEMPLATE_CALL;
      step.claims_penalties = sqlite3_column_int (steps, 5) != 0;
      step.min_gap_days = sqlite3_column_int (steps, 6);
      g_array_append_val (scenario->steps, step);
    }

  return TRUE;
}

/* The customers in insolvency proceedings opened on or before the day:
 * the debts born before the judgment (invoices issued before it) are
 * never reminded, even once the proceedings have ended (they are paid, if
 * at all, through the proceedings). The latest judgment counts. */
static gboolean
read_judgments (Engine           *engine,
                RelanceDatabase  *db,
                gint64            only_customer,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT customer_id, max (judgment_date) FROM proceedings"
                                    " WHERE judgment_date <= ?1 AND (?2 = 0 OR customer_id = ?2)"
                                    " GROUP BY customer_id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, engine->date);
  sqlite3_bind_int64 (stmt, 2, only_customer);

  for (;;)
    {
      gint64 *customer_id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      customer_id = g_new (gint64, 1);
      *customer_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (engine->judgments, customer_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }

  return TRUE;
}

/* The open proceedings whose claim is not declared on the day, while
 * relief from forclusion can still be asked. */
static gboolean
read_claims (Engine           *engine,
             RelanceDatabase  *db,
             gint64            only_customer,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT customer_id, judgment_date, bodacc_date, abroad FROM proceedings"
                                    " WHERE judgment_date <= ?1 AND (closed_on IS NULL OR closed_on > ?1)"
                                    " AND (claim_date IS NULL OR claim_date > ?1)"
                                    " AND (?2 = 0 OR customer_id = ?2)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, engine->date);
  sqlite3_bind_int64 (stmt, 2, only_customer);

  for (;;)
    {
      Claim *claim;
      RelanceDay bodacc;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      bodacc = sqlite3_column_int (stmt, 2);
      if (engine->date > relance_proceedings_get_relief_deadline (bodacc))
        continue;

      claim = g_new0 (Claim, 1);
      claim->customer_id = sqlite3_column_int64 (stmt, 0);
      claim->judgment_date = sqlite3_column_int (stmt, 1);
      claim->deadline = relance_proceedings_get_deadline (bodacc, sqlite3_column_int (stmt, 3) != 0);
      claim->relief_deadline = relance_proceedings_get_relief_deadline (bodacc);
      g_hash_table_insert (engine->claims, &claim->customer_id, claim);
    }

  return TRUE;
}

static gboolean
read_customers (Engine           *engine,
                RelanceDatabase  *db,
                gint64            only_customer,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT c.id, c.code, c.name, c.sort_key, coalesce (s.scenario_id, 0)"
                                    " FROM customers c LEFT JOIN segments s ON s.id = c.segment_id"
                                    " WHERE c.archived = 0 AND (?1 = 0 OR c.id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_customer);

  for (;;)
    {
      Customer *customer;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      customer = g_new0 (Customer, 1);
      customer->id = sqlite3_column_int64 (stmt, 0);
      customer->code = _relance_column_dup (stmt, 1);
      customer->name = _relance_column_dup (stmt, 2);
      customer->sort_key = _relance_column_dup (stmt, 3);
      customer->scenario_id = sqlite3_column_int64 (stmt, 4);
      g_hash_table_insert (engine->customers, &customer->id, customer);
    }

  return TRUE;
}

static gboolean
read_disputes (Engine           *engine,
               RelanceDatabase  *db,
               gint64            only_customer,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT d.invoice_id, k.code, k.label, k.department"
                                    " FROM disputes d JOIN dispute_causes k ON k.id = d.cause_id"
                                    " JOIN invoices i ON i.id = d.invoice_id"
                                    " WHERE d.opened_on <= ?2 AND (d.resolved_on IS NULL OR d.resolved_on > ?2)"
                                    " AND (?1 = 0 OR i.customer_id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_customer);
  sqlite3_bind_int (stmt, 2, engine->date);

  for (;;)
    {
      Cause *cause;
      gint64 *invoice_id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      invoice_id = g_new (gint64, 1);
      *invoice_id = sqlite3_column_int64 (stmt, 0);
      cause = g_new0 (Cause, 1);
      cause->code = _relance_column_dup (stmt, 1);
      cause->label = _relance_column_dup (stmt, 2);
      cause->department = _relance_column_dup (stmt, 3);
      g_hash_table_replace (engine->causes, invoice_id, cause);
    }

  return TRUE;
}

/* The steps done or skipped by the day of the open invoices (through the
 * index of the open ones), and of those paid in full since. */
#define STATES_SQL \
  "SELECT s.invoice_id, s.step_id, s.date FROM invoices i INDEXED BY invoices_open_customer" \
  " JOIN step_states s ON s.invoice_id = i.id" \
  " WHERE i.allocated < i.amount AND i.due_date <= ?3 AND s.date <= ?2 AND (?1 = 0 OR i.customer_id = ?1)"
#define PAST_STATES_SQL \
  "SELECT s.invoice_id, s.step_id, s.date FROM invoices i INDEXED BY invoices_settled" \
  " JOIN step_states s ON s.invoice_id = i.id" \
  " WHERE i.settled_date > ?2 AND i.due_date <= ?3 AND s.date <= ?2 AND (?1 = 0 OR i.customer_id = ?1)"

static gboolean
read_states (Engine           *engine,
             RelanceDatabase  *db,
             gint64            only_customer,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  /* On a past day, the invoices paid in full since were open too. */
  stmt = _relance_database_prepare (db, engine->past ? STATES_SQL " UNION ALL " PAST_STATES_SQL : STATES_SQL,
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_customer);
  sqlite3_bind_int (stmt, 2, engine->date);
  sqlite3_bind_int (stmt, 3, engine->date - engine->min_offset);

  /* Read into one array, then hashed: no allocation per row. */
  for (;;)
    {
      StepKey key;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      key.invoice_id = sqlite3_column_int64 (stmt, 0);
      key.step_id = sqlite3_column_int64 (stmt, 1);
      key.date = sqlite3_column_int (stmt, 2);
      g_array_append_val (engine->state_keys, key);
    }

  for (guint i = 0; i < engine->state_keys->len; i++)
    g_hash_table_add (engine->states, &g_array_index (engine->state_keys, StepKey, i));

  return TRUE;
}

/* The latest promise of each customer (by the day it was made, then by
 * id): one pass over the promises grouped by customer, the bare id being
 * that of the row with the greatest key (SQLite's rule for max()). */
#define PROMISES_SQL \
  "SELECT p.id, p.customer_id, p.promised_date, p.amount," \
  "  (SELECT coalesce (sum (y.amount), 0) FROM payments y" \
  "   WHERE y.customer_id = p.customer_id" \
  "   AND y.date BETWEEN coalesce (p.made_on, p.promised_date) AND min (?1, p.promised_date + ?2))," \
  "  EXISTS (SELECT 1 FROM actions a WHERE a.customer_id = p.customer_id" \
  "   AND a.kind IN ('call', 'letter', 'formal_notice')" \
  "   AND a.date > p.promised_date + ?2 AND a.date <= ?1)," \
  "  coalesce (p.made_on, p.promised_date)" \
  " FROM promises p JOIN (SELECT id, max (coalesce (made_on, promised_date) * 4294967296 + id)" \
  "   FROM promises"
#define PROMISES_WHERE_SQL " WHERE coalesce (made_on, promised_date) <= ?1"
#define PROMISES_GROUP_SQL \
  "   GROUP BY customer_id) latest ON latest.id = p.id"

/* The latest promise of each customer made on or before the day, with
 * what was paid towards it and whether a call or letter followed its
 * break. */
static gboolean
read_promises (Engine           *engine,
               RelanceDatabase  *db,
               gint64            only_customer,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  /* One customer reads its own rows through the customer's index; all
   * of them are read in one scan of the table, faster than the index. */
  stmt = _relance_database_prepare (db, only_customer != 0
                                    ? PROMISES_SQL PROMISES_WHERE_SQL " AND customer_id = ?3" PROMISES_GROUP_SQL
                                    : PROMISES_SQL " NOT INDEXED" PROMISES_WHERE_SQL " AND ?3 = 0" PROMISES_GROUP_SQL,
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, engine->date);
  sqlite3_bind_int (stmt, 2, engine->grace_days);
  sqlite3_bind_int64 (stmt, 3, only_customer);

  for (;;)
    {
      Promise *promise;
      gint64 *customer_id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      promise = g_new0 (Promise, 1);
      promise->id = sqlite3_column_int64 (stmt, 0);
      customer_id = g_new (gint64, 1);
      *customer_id = sqlite3_column_int64 (stmt, 1);
      promise->promised_date = sqlite3_column_int (stmt, 2);
      promise->amount = sqlite3_column_int64 (stmt, 3);
      promise->status = promise_status (promise->amount, sqlite3_column_int64 (stmt, 4),
                                        promise->promised_date, engine->grace_days, engine->date);
      promise->escalation_cleared = sqlite3_column_int (stmt, 5) != 0;
      promise->made_on = sqlite3_column_int (stmt, 6);
      g_hash_table_insert (engine->promises, customer_id, promise);
    }

  return TRUE;
}

static gboolean
read_postponements (Engine           *engine,
                    RelanceDatabase  *db,
                    gint64            only_customer,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT customer_id FROM postponements"
                                    " WHERE until > ?1 AND (made_on IS NULL OR made_on <= ?1)"
                                    " AND (?2 = 0 OR customer_id = ?2)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, engine->date);
  sqlite3_bind_int64 (stmt, 2, only_customer);

  for (;;)
    {
      gint64 *customer_id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      customer_id = g_new (gint64, 1);
      *customer_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (engine->postponed, customer_id);
    }

  return TRUE;
}

static gboolean
step_is_formal_notice (const Step *step)
{
  return step->channel == RELANCE_CHANNEL_REGISTERED_LETTER ||
         step->template_kind == RELANCE_TEMPLATE_FORMAL_NOTICE;
}

/* The next step of @open on the engine's day, in the sequence (see
 * relance-worklist.h), and the day it is due; NULL when every step is done,
 * skipped or lapsed. */
static const Step *
next_step (const Engine      *engine,
           const Scenario    *scenario,
           const OpenInvoice *open,
           RelanceDay        *due_on,
           RelanceDay        *done_on)
{
  gboolean past_due = engine->date > open->due_date;
  gboolean touched = g_hash_table_size (engine->states) > 0;
  RelanceDay previous = 0;   /* the day the step before was done or skipped */

  for (guint i = 0; scenario != NULL && i < scenario->steps->len; i++)
    {
      const Step *step = &g_array_index (scenario->steps, Step, i);

      if (touched)
        {
          StepKey key = { open->id, step->id, 0 };
          const StepKey *state = g_hash_table_lookup (engine->states, &key);

          if (state != NULL)
            {
              previous = state->date;
              continue;
            }
        }

      if (step->offset_days <= 0 && past_due)
        {
          previous = 0;   /* lapsed: not done, so nothing to count from */
          continue;
        }

      *due_on = open->due_date + step->offset_days;
      if (previous != 0)
        *due_on = MAX (*due_on, previous + step->min_gap_days);
      if (done_on != NULL)
        *done_on = previous;
      return step;
    }

  return NULL;
}

/* The customer's calls and written reminders about no invoice in
 * particular, up to the day. */
static gboolean
read_unlinked (Engine           *engine,
               RelanceDatabase  *db,
               gint64            customer_id,
               GArray           *contacts,
               GError          **error)
{
  gboolean has_row;

  if (engine->unlinked == NULL)
    {
      engine->unlinked = _relance_database_prepare (db,
        "SELECT a.kind = 'call', a.date FROM actions a"
        " WHERE a.customer_id = ?1 AND a.date <= ?2 AND a.kind IN ('call', 'letter', 'email')"
        " AND NOT EXISTS (SELECT 1 FROM action_invoices l WHERE l.action_id = a.id)",
        error);
      if (engine->unlinked == NULL)
        return FALSE;
    }

  sqlite3_reset (engine->unlinked);
  sqlite3_bind_int64 (engine->unlinked, 1, customer_id);
  sqlite3_bind_int (engine->unlinked, 2, engine->date);

  for (;;)
    {
      Contact contact;

      if (!_relance_database_step (db, engine->unlinked, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      contact.call = sqlite3_column_int (engine->unlinked, 0) != 0;
      contact.date = sqlite3_column_int (engine->unlinked, 1);
      g_array_append_val (contacts, contact);
    }

  return TRUE;
}

/* What must come before the formal notice of @open and was not done: a
 * call attempt and a written reminder since its due date, about that
 * invoice (read through its links) or about no invoice in particular
 * (read once per customer, only when needed: @unlinked). @latest: the day
 * of the last of them. */
static gboolean
formal_notice_substitute (Engine                 *engine,
                          RelanceDatabase        *db,
                          gint64                  customer_id,
                          const OpenInvoice      *open,
                          GArray                **unlinked,
                          RelanceWorkSubstitute  *substitute,
                          RelanceDay             *latest,
                          GError                **error)
{
  gboolean called, written, has_row;

  if (engine->linked == NULL)
    {
      engine->linked = _relance_database_prepare (db,
        "SELECT coalesce (max (a.kind = 'call'), 0), coalesce (max (a.kind <> 'call'), 0),"
        " coalesce (max (a.date), 0)"
        " FROM action_invoices l JOIN actions a ON a.id = l.action_id"
        " WHERE l.invoice_id = ?1 AND a.date BETWEEN ?2 AND ?3 AND a.kind IN ('call', 'letter', 'email')",
        error);
      if (engine->linked == NULL)
        return FALSE;
    }

  sqlite3_reset (engine->linked);
  sqlite3_bind_int64 (engine->linked, 1, open->id);
  sqlite3_bind_int (engine->linked, 2, open->due_date);
  sqlite3_bind_int (engine->linked, 3, engine->date);
  if (!_relance_database_step (db, engine->linked, &has_row, error))
    return FALSE;
  called = has_row && sqlite3_column_int (engine->linked, 0) != 0;
  written = has_row && sqlite3_column_int (engine->linked, 1) != 0;
  *latest = has_row ? sqlite3_column_int (engine->linked, 2) : 0;

  if (!called || !written)
    {
      if (*unlinked == NULL)
        {
          *unlinked = g_array_new (FALSE, FALSE, sizeof (Contact));
          if (!read_unlinked (engine, db, customer_id, *unlinked, error))
            return FALSE;
        }

      for (guint i = 0; i < (*unlinked)->len; i++)
        {
          const Contact *contact = &g_array_index (*unlinked, Contact, i);

          if (contact->date < open->due_date)
            continue;
          if (contact->call)
            called = TRUE;
          else
            written = TRUE;
          *latest = MAX (*latest, contact->date);
        }
    }

  *substitute = !called ? RELANCE_WORK_SUBSTITUTE_CALL
              : !written ? RELANCE_WORK_SUBSTITUTE_LETTER
              : RELANCE_WORK_SUBSTITUTE_NONE;
  return TRUE;
}

static RelanceWorkInvoice *
work_invoice_new (const OpenInvoice *open,
                  int                days_overdue,
                  const Step        *step,
                  RelanceDay         due_on,
                  gboolean           does_step,
                  const Cause       *cause)
{
  RelanceWorkInvoice *invoice = g_new0 (RelanceWorkInvoice, 1);

  invoice->invoice_id = open->id;
  invoice->number = g_strdup (open->number);
  invoice->due_date = open->due_date;
  invoice->open = open->open;
  invoice->days_overdue = days_overdue;
  if (step != NULL)
    {
      invoice->next_step_id = step->id;
      invoice->step_due = due_on;
      if (does_step)
        invoice->step_id = step->id;
    }
  if (cause != NULL)
    {
      invoice->cause_code = g_strdup (cause->code);
      invoice->cause_label = g_strdup (cause->label);
      invoice->department = g_strdup (cause->department);
    }

  return invoice;
}

static RelanceWorkItem *
work_item_new (const Customer *customer,
               const Scenario *scenario,
               const Promise  *promise)
{
  RelanceWorkItem *item = g_new0 (RelanceWorkItem, 1);

  item->customer_id = customer->id;
  item->customer_code = g_strdup (customer->code);
  item->customer_name = g_strdup (customer->name);
  item->scenario_name = g_strdup (scenario != NULL ? scenario->name : "");
  item->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->blocked = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->oldest_days_overdue = G_MININT;
  if (promise != NULL)
    {
      item->promise_id = promise->id;
      item->promise_made_on = promise->made_on;
      item->promise_date = promise->promised_date;
      item->promise_amount = promise->amount;
      item->promise_status = promise->status;
    }

  return item;
}

/* The item of a claim to declare, or of the relief to ask for. */
static RelanceWorkItem *
build_claim_item (Engine         *engine,
                  const Customer *customer,
                  const Claim    *claim)
{
  RelanceWorkItem *item = work_item_new (customer, NULL, NULL);
  gboolean late = engine->date > claim->deadline;

  item->group = RELANCE_WORK_CLAIM;
  item->reason = late ? RELANCE_WORK_REASON_ASK_RELIEF : RELANCE_WORK_REASON_DECLARE_CLAIM;
  item->channel = RELANCE_CHANNEL_REGISTERED_LETTER;
  item->template_kind = RELANCE_TEMPLATE_FORMAL_NOTICE;
  item->claim_deadline = late ? claim->relief_deadline : claim->deadline;
  item->claim_urgent = engine->date >= item->claim_deadline - RELANCE_CLAIM_URGENT_DAYS;
  item->claim_judgment = claim->judgment_date;
  item->step_due = item->claim_deadline;
  item->amount = claim->open;
  item->oldest_days_overdue = engine->date - item->claim_deadline;
  item->stake = claim->stake;

  return item;
}

static void
add_to_item (RelanceWorkItem    *item,
             GPtrArray          *list,
             RelanceWorkInvoice *invoice)
{
  g_ptr_array_add (list, invoice);
  if (list == item->invoices)
    {
      item->amount += invoice->open;
      item->stake += invoice->open * MAX (invoice->days_overdue, 0);
      item->oldest_days_overdue = MAX (item->oldest_days_overdue, invoice->days_overdue);
      if (invoice->step_due != 0 && (item->step_due == 0 || invoice->step_due < item->step_due))
        item->step_due = invoice->step_due;
    }
}

/* A promise to check or a broken one: the customer's overdue invoices,
 * those under dispute apart. NULL when none is left to talk about. */
static RelanceWorkItem *
build_promise_item (Engine         *engine,
                    const Customer *customer,
                    const Scenario *scenario,
                    const Promise  *promise,
                    GArray         *invoices,
                    gboolean        broken)
{
  RelanceWorkItem *item = work_item_new (customer, scenario, promise);

  for (guint i = 0; i < invoices->len; i++)
    {
      const OpenInvoice *open = &g_array_index (invoices, OpenInvoice, i);
      int days = engine->date - open->due_date;
      RelanceDay due_on = 0;
      const Step *step;
      const Cause *cause;

      if (days <= 0)
        continue;

      /* A call about a promise does the invoice's call step, if due. */
      step = next_step (engine, scenario, open, &due_on, NULL);
      if (step != NULL && due_on > engine->date)
        step = NULL;

      cause = g_hash_table_lookup (engine->causes, &open->id);
      if (cause != NULL)
        add_to_item (item, item->blocked, work_invoice_new (open, days, step, due_on, TRUE, cause));
      else
        add_to_item (item, item->invoices,
                     work_invoice_new (open, days, step, due_on,
                                       step != NULL && !step_is_formal_notice (step), NULL));
    }

  if (item->invoices->len == 0)
    {
      relance_work_item_free (item);
      return NULL;
    }

  item->group = broken ? RELANCE_WORK_CALL : RELANCE_WORK_PROMISE;
  item->reason = broken ? RELANCE_WORK_REASON_PROMISE_BROKEN : RELANCE_WORK_REASON_PROMISE_DUE;
  item->step_id = 0;
  item->step_offset = 0;
  item->channel = RELANCE_CHANNEL_PHONE;
  item->template_kind = broken ? RELANCE_TEMPLATE_BROKEN_PROMISE : RELANCE_TEMPLATE_CALL;

  return item;
}

/* How far in the sequence an invoice's next step is: by offset, and at the
 * same offset a formal notice due before its substitute. */
static gboolean
next_is_further (const Next *a,
                 const Next *b)
{
  if (b == NULL)
    return TRUE;
  if (a->step->offset_days != b->step->offset_days)
    return a->step->offset_days > b->step->offset_days;
  return a->substitute == RELANCE_WORK_SUBSTITUTE_NONE && b->substitute != RELANCE_WORK_SUBSTITUTE_NONE;
}

/* The scenario's step: every invoice whose next step is due, at the most
 * advanced of them (a formal notice: only its invoices). */
static gboolean
build_step_item (Engine           *engine,
                 RelanceDatabase  *db,
                 const Customer   *customer,
                 const Scenario   *scenario,
                 const Promise    *promise,
                 GArray           *invoices,
                 RelanceWorkItem **out,
                 GError          **error)
{
  g_autoptr(GArray) nexts = g_array_new (FALSE, FALSE, sizeof (Next));
  g_autoptr(GArray) unlinked = NULL;
  RelanceWorkItem *item = work_item_new (customer, scenario, promise);
  const Next *most = NULL;
  gboolean formal;

  *out = NULL;

  for (guint i = 0; i < invoices->len; i++)
    {
      const OpenInvoice *open = &g_array_index (invoices, OpenInvoice, i);
      int days = engine->date - open->due_date;
      const Cause *cause;
      RelanceDay done_on = 0, latest = 0;
      Next next = { open, NULL, 0, RELANCE_WORK_SUBSTITUTE_NONE };

      next.step = next_step (engine, scenario, open, &next.due_on, &done_on);
      if (next.step == NULL || next.due_on > engine->date)
        continue;

      cause = g_hash_table_lookup (engine->causes, &open->id);
      if (cause != NULL)
        {
          add_to_item (item, item->blocked, work_invoice_new (open, days, next.step, next.due_on, TRUE, cause));
          continue;
        }

      if (step_is_formal_notice (next.step))
        {
          if (!formal_notice_substitute (engine, db, customer->id, open, &unlinked,
                                         &next.substitute, &latest, error))
            {
              relance_work_item_free (item);
              return FALSE;
            }
          /* A call or letter made after the step before (one made
           * instead of the formal notice) re-times it like a step. */
          if (next.substitute == RELANCE_WORK_SUBSTITUTE_NONE && done_on != 0 && latest > done_on)
            {
              next.due_on = MAX (next.due_on, latest + next.step->min_gap_days);
              if (next.due_on > engine->date)
                continue;
            }
        }

      g_array_append_val (nexts, next);
    }

  for (guint i = 0; i < nexts->len; i++)
    {
      const Next *next = &g_array_index (nexts, Next, i);

      if (next_is_further (next, most))
        most = next;
    }

  formal = most != NULL && step_is_formal_notice (most->step) &&
           most->substitute == RELANCE_WORK_SUBSTITUTE_NONE;
  for (guint i = 0; i < nexts->len; i++)
    {
      const Next *next = &g_array_index (nexts, Next, i);
      gboolean does = !step_is_formal_notice (next->step) || next->substitute == RELANCE_WORK_SUBSTITUTE_NONE;

      if (formal && !(does && step_is_formal_notice (next->step)))
        continue;
      add_to_item (item, item->invoices,
                   work_invoice_new (next->open, engine->date - next->open->due_date,
                                     next->step, next->due_on, does, NULL));
    }

  if (most != NULL)
    {
      item->reason = RELANCE_WORK_REASON_STEP;
      item->step_offset = most->step->offset_days;
      item->substitute = most->substitute;
      switch (most->substitute)
        {
        case RELANCE_WORK_SUBSTITUTE_CALL:
          item->step_id = 0;
          item->channel = RELANCE_CHANNEL_PHONE;
          item->template_kind = RELANCE_TEMPLATE_CALL;
          item->claims_penalties = FALSE;
          break;
        case RELANCE_WORK_SUBSTITUTE_LETTER:
          item->step_id = 0;
          item->channel = RELANCE_CHANNEL_LETTER;
          item->template_kind = RELANCE_TEMPLATE_SECOND_REMINDER;
          item->claims_penalties = most->step->claims_penalties;
          break;
        case RELANCE_WORK_SUBSTITUTE_NONE:
        default:
          item->step_id = most->step->id;
          item->channel = most->step->channel;
          item->template_kind = most->step->template_kind;
          item->claims_penalties = most->step->claims_penalties;
          break;
        }
      item->group = group_for_channel (item->channel);
      *out = item;
      return TRUE;
    }

  if (item->blocked->len > 0)
    {
      item->group = RELANCE_WORK_BLOCKED;
      item->reason = RELANCE_WORK_REASON_DISPUTE;
      for (guint i = 0; i < item->blocked->len; i++)
        {
          RelanceWorkInvoice *blocked = g_ptr_array_index (item->blocked, i);

          item->oldest_days_overdue = MAX (item->oldest_days_overdue, blocked->days_overdue);
        }
      *out = item;
      return TRUE;
    }

  relance_work_item_free (item);
  return TRUE;
}

/* The item of one customer, given its open invoices; NULL in @out if
 * nothing. */
static gboolean
build_item (Engine                 *engine,
            RelanceDatabase        *db,
            const Customer         *customer,
            GArray                 *invoices,
            RelanceWorklistSummary *summary,
            RelanceWorkItem       **out,
            GError                **error)
{
  const Scenario *scenario;
  const Promise *promise;
  gint64 scenario_id = customer->scenario_id;

  *out = NULL;

  if (g_hash_table_contains (engine->postponed, &customer->id))
    {
      summary->n_customers_postponed++;
      return TRUE;
    }

  if (scenario_id == 0 || !g_hash_table_contains (engine->scenarios, &scenario_id))
    scenario_id = engine->default_scenario;
  scenario = g_hash_table_lookup (engine->scenarios, &scenario_id);

  promise = g_hash_table_lookup (engine->promises, &customer->id);
  if (promise != NULL && promise->status == RELANCE_PROMISE_PENDING)
    {
      if (engine->date < promise->promised_date)
        {
          summary->n_customers_waiting++;
          return TRUE;
        }

      *out = build_promise_item (engine, customer, scenario, promise, invoices, FALSE);
      if (*out != NULL)
        return TRUE;
    }
  else if (promise != NULL && promise->status == RELANCE_PROMISE_BROKEN &&
           !promise->escalation_cleared)
    {
      *out = build_promise_item (engine, customer, scenario, promise, invoices, TRUE);
      if (*out != NULL)
        return TRUE;
    }

  return build_step_item (engine, db, customer, scenario, promise, invoices, out, error);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return relance_work_item_compare_priority (*(RelanceWorkItem * const *)a, *(RelanceWorkItem * const *)b);
}

/* The invoices open on the day: issued by then, and not paid in full by
 * then. When an allocation is dated after the day, the invoices paid in
 * full since are read too, and what was allocated after the day is added
 * back to their open amount (the fast path reads the open ones only). */
#define OPEN_INVOICES_SQL \
  "SELECT customer_id, id, number, due_date, amount - allocated, issue_date" \
  " FROM invoices INDEXED BY invoices_open_customer" \
  " WHERE allocated < amount AND kind = 'invoice' AND due_date <= ?1 AND issue_date <= ?3"
#define ORDER_SQL " ORDER BY customer_id, due_date"
#define LATER_SQL \
  " (SELECT coalesce (sum (a.amount), 0) FROM allocations a WHERE a.invoice_id = i.id AND a.date > ?3)"
#define PAST_INVOICES_SQL \
  "SELECT customer_id, id, number, due_date, amount - allocated +" LATER_SQL ", issue_date" \
  " FROM invoices i INDEXED BY invoices_open_customer" \
  " WHERE allocated < amount AND kind = 'invoice' AND due_date <= ?1 AND issue_date <= ?3" \
  " AND (?2 = 0 OR customer_id = ?2)" \
  " UNION ALL" \
  " SELECT customer_id, id, number, due_date, amount - allocated +" LATER_SQL ", issue_date" \
  " FROM invoices i INDEXED BY invoices_settled" \
  " WHERE settled_date > ?3 AND kind = 'invoice' AND due_date <= ?1 AND issue_date <= ?3" \
  " AND (?2 = 0 OR customer_id = ?2)" \
  " ORDER BY 1, 4"

/* Whether an allocation is dated after @date: then the open amounts of
 * the invoices are not those of the day. */
static gboolean
read_past (Engine           *engine,
           RelanceDatabase  *db,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM allocations WHERE date > ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, engine->date);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  engine->past = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The worklist of @date for every customer, or only @only_customer. */
static GPtrArray *
compute (RelanceDatabase         *db,
         RelanceDay               date,
         gint64                   only_customer,
         RelanceWorklistSummary  *summary,
         GCancellable            *cancellable,
         GError                 **error)
{
  g_auto(Engine) engine = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_item_free);
  g_autoptr(GArray) invoices = g_array_new (FALSE, FALSE, sizeof (OpenInvoice));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelanceWorklistSummary local_summary = { { 0 } };
  gint64 current = 0;
  guint n_customers = 0;
  gboolean has_row;
  GHashTableIter iter;
  Scenario *scenario;

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  g_array_set_clear_func (invoices, (GDestroyNotify)open_invoice_clear);

  engine.date = date;
  engine.scenarios = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)scenario_free);
  engine.customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)customer_free);
  engine.causes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)cause_free);
  engine.states = g_hash_table_new (step_key_hash, step_key_equal);
  engine.state_keys = g_array_new (FALSE, FALSE, sizeof (StepKey));
  engine.promises = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  engine.postponed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  engine.judgments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  engine.claims = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  /* The engine reads large tables at random (the steps done, the actions
   * of the invoices a formal notice is due for): memory-mapped reads
   * save a system call per page, half its time on a large ledger. The
   * setting stays on the connection; SQLite only, and a mere speed-up. */
  if (!relance_database_is_in_memory (db))
    _relance_database_exec (db, "PRAGMA mmap_size = 1073741824", NULL);

  if (!read_grace_days (db, &engine.grace_days, error) ||
      !read_past (&engine, db, error) ||
      !read_scenarios (&engine, db, error))
    return NULL;

  /* Invoices not yet at the first step of any scenario need not be read. */
  engine.min_offset = RELANCE_STEP_OFFSET_MAX;
  g_hash_table_iter_init (&iter, engine.scenarios);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&scenario))
    if (scenario->steps->len > 0)
      engine.min_offset = MIN (engine.min_offset, g_array_index (scenario->steps, Step, 0).offset_days);

  if (!read_customers (&engine, db, only_customer, error) ||
      !read_disputes (&engine, db, only_customer, error) ||
      !read_states (&engine, db, only_customer, error) ||
      !read_promises (&engine, db, only_customer, error) ||
      !read_postponements (&engine, db, only_customer, error) ||
      !read_judgments (&engine, db, only_customer, error) ||
      !read_claims (&engine, db, only_customer, error))
    return NULL;

  summary->n_customers_in_proceedings = g_hash_table_size (engine.judgments);

  if (engine.past)
    stmt = _relance_database_prepare (db, PAST_INVOICES_SQL, error);
  else
    stmt = _relance_database_prepare (db, only_customer != 0 ? OPEN_INVOICES_SQL " AND customer_id = ?2" ORDER_SQL
                                                             : OPEN_INVOICES_SQL " AND ?2 = 0" ORDER_SQL,
                                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, date - engine.min_offset);
  sqlite3_bind_int64 (stmt, 2, only_customer);
  sqlite3_bind_int (stmt, 3, date);

  for (;;)
    {
      gint64 customer_id = 0;
      OpenInvoice open;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (has_row)
        customer_id = sqlite3_column_int64 (stmt, 0);

      if (current != 0 && customer_id != current)
        {
          const Customer *customer = g_hash_table_lookup (engine.customers, &current);

          if (customer != NULL && invoices->len > 0)
            {
              RelanceWorkItem *item;

              if (!build_item (&engine, db, customer, invoices, summary, &item, error))
                return NULL;
              if (item != NULL)
                {
                  summary->counts[item->group]++;
                  g_ptr_array_add (items, item);
                }
            }

          g_array_set_size (invoices, 0);
          if (++n_customers % CANCEL_EVERY == 0 &&
              g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
        }

      if (!has_row)
        break;

      current = customer_id;
      if (!g_hash_table_contains (engine.customers, &customer_id))
        continue;

      open.open = sqlite3_column_int64 (stmt, 4);
      if (open.open <= 0)
        continue;
      if (g_hash_table_contains (engine.judgments, &customer_id) &&
          sqlite3_column_int (stmt, 5) < GPOINTER_TO_INT (g_hash_table_lookup (engine.judgments, &customer_id)))
        {
          Claim *claim = g_hash_table_lookup (engine.claims, &customer_id);
          int days = date - sqlite3_column_int (stmt, 3);

          if (claim != NULL && sqlite3_column_int (stmt, 5) < claim->judgment_date)
            {
              claim->open += open.open;
              claim->stake += open.open * MAX (days, 0);
            }
          continue;
        }
      open.id = sqlite3_column_int64 (stmt, 1);
      open.number = _relance_column_dup (stmt, 2);
      open.due_date = sqlite3_column_int (stmt, 3);
      g_array_append_val (invoices, open);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* A claim to declare is the customer's item until it is declared: the
   * invoices born after the judgment wait for it. */
  if (g_hash_table_size (engine.claims) > 0)
    {
      GHashTableIter claims;
      Claim *claim;

      for (guint i = items->len; i > 0; i--)
        {
          RelanceWorkItem *item = g_ptr_array_index (items, i - 1);

          if (g_hash_table_contains (engine.claims, &item->customer_id))
            {
              summary->counts[item->group]--;
              g_ptr_array_remove_index_fast (items, i - 1);
            }
        }

      g_hash_table_iter_init (&claims, engine.claims);
      while (g_hash_table_iter_next (&claims, NULL, (gpointer *)&claim))
        {
          const Customer *customer = g_hash_table_lookup (engine.customers, &claim->customer_id);

          if (customer == NULL)
            continue;
          g_ptr_array_add (items, build_claim_item (&engine, customer, claim));
          summary->counts[RELANCE_WORK_CLAIM]++;
        }
    }

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}

/* Writes */

static gboolean
customer_exists (RelanceDatabase  *db,
                 gint64            customer_id,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT 1 FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_postponement (RelanceDatabase  *db,
                    gint64            customer_id,
                    RelanceDay        made_on,
                    RelanceDay        until,
                    const char       *reason,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (reason);

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO postponements (customer_id, until, reason, made_on)"
                                    " VALUES (?1, ?2, ?3, ?4)"
                                    " ON CONFLICT (customer_id) DO UPDATE SET until = ?2, reason = ?3, made_on = ?4",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, until);
  _relance_bind_text (stmt, 3, trimmed != NULL ? trimmed : "");
  sqlite3_bind_int (stmt, 4, made_on);

  return _relance_database_run (db, stmt, error);
}

/* Marks the step of each of @item's invoices as @state (with @phone_only,
 * only the call steps). A step already done stays done. @skip_next: the
 * step an invoice's substitute stands for is skipped too. */
static gboolean
write_step_states (RelanceDatabase        *db,
                   const RelanceWorkItem  *item,
                   const char             *state,
                   RelanceDay              date,
                   gint64                  action_id,
                   const char             *reason,
                   gboolean                phone_only,
                   gboolean                skip_next,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO step_states (invoice_id, step_id, state, date, action_id, reason)"
                                    " SELECT ?1, ?2, ?3, ?4, ?5, ?6"
                                    " WHERE NOT ?7 OR EXISTS (SELECT 1 FROM scenario_steps"
                                    "  WHERE id = ?2 AND channel = 'phone')"
                                    " ON CONFLICT (invoice_id, step_id) DO UPDATE"
                                    " SET state = ?3, date = ?4, action_id = ?5, reason = ?6"
                                    " WHERE state <> 'done'",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);
      gint64 step_id = invoice->step_id;

      if (step_id == 0 && skip_next)
        step_id = invoice->next_step_id;
      if (step_id == 0)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, invoice->invoice_id);
      sqlite3_bind_int64 (stmt, 2, step_id);
      _relance_bind_text (stmt, 3, state);
      sqlite3_bind_int (stmt, 4, date);
      if (action_id > 0)
        sqlite3_bind_int64 (stmt, 5, action_id);
      else
        sqlite3_bind_null (stmt, 5);
      _relance_bind_text (stmt, 6, reason != NULL ? reason : "");
      sqlite3_bind_int (stmt, 7, phone_only);
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A formal notice sent (on purpose or as its step) does the formal-notice
 * step of each invoice it concerns, and the steps before it that were
 * not done are skipped: they are not asked after it. */
static gboolean
write_formal_notice_sent (RelanceDatabase  *db,
                          gint64            action_id,
                          RelanceDay        date,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
    "INSERT OR IGNORE INTO step_states (invoice_id, step_id, state, date, action_id, reason)"
    " SELECT l.invoice_id, s.id, CASE WHEN f.id = s.id THEN 'done' ELSE 'skipped' END, ?2,"
    "  CASE WHEN f.id = s.id THEN ?1 END, CASE WHEN f.id = s.id THEN '' ELSE ?3 END"
    " FROM action_invoices l JOIN invoices i ON i.id = l.invoice_id"
    " JOIN customers c ON c.id = i.customer_id LEFT JOIN segments g ON g.id = c.segment_id"
    " JOIN scenario_steps f ON f.scenario_id = coalesce (g.scenario_id,"
    "   (SELECT id FROM scenarios WHERE is_default = 1))"
    "  AND (f.channel = 'registered_letter' OR f.template = 'formal_notice')"
    " JOIN scenario_steps s ON s.scenario_id = f.scenario_id AND s.offset_days <= f.offset_days"
    "  AND (s.id = f.id OR NOT (s.channel = 'registered_letter' OR s.template = 'formal_notice'))"
    " WHERE l.action_id = ?1 AND i.kind = 'invoice'",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int (stmt, 2, date);
  _relance_bind_text (stmt, 3, _("A formal notice was sent"));

  return _relance_database_run (db, stmt, error);
}

/* Checks that @invoice_id is an invoice of @customer_id. */
static gboolean
check_invoice_of (RelanceDatabase  *db,
                  gint64            customer_id,
                  gint64            invoice_id,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT customer_id, number FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This invoice no longer exists"));
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) != customer_id)
    return _relance_invalid (error, _("Invoice %s belongs to another customer"),
                             (const char *)sqlite3_column_text (stmt, 1));

  return TRUE;
}

/* The outcomes each kind of action may have. */
/* Checks that @contact_id is a contact of @customer_id. */
static gboolean
check_contact_of (RelanceDatabase  *db,
                  gint64            customer_id,
                  gint64            contact_id,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT customer_id FROM contacts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  if (!has_row || sqlite3_column_int64 (stmt, 0) != customer_id)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This contact no longer exists"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_outcome (const RelanceActionFields  *fields,
               GError                    **error)
{
  gboolean written = fields->kind == RELANCE_ACTION_EMAIL ||
                     fields->kind == RELANCE_ACTION_LETTER ||
                     fields->kind == RELANCE_ACTION_FORMAL_NOTICE;
  gboolean sent_only = fields->kind == RELANCE_ACTION_LETTER ||
                       fields->kind == RELANCE_ACTION_FORMAL_NOTICE;

  switch (fields->outcome)
    {
    case RELANCE_OUTCOME_NONE:
      return TRUE;

    case RELANCE_OUTCOME_SENT:
      if (!written)
        return _relance_invalid (error, _("Only an e-mail, a letter or a formal notice is sent"));
      return TRUE;

    case RELANCE_OUTCOME_PROMISE:
    case RELANCE_OUTCOME_DISPUTE:
    case RELANCE_OUTCOME_PAID:
      if (sent_only)
        return _relance_invalid (error, _("A letter does not answer: record the customer’s answer "
                                          "as a call, an e-mail, a visit or a note"));
      return TRUE;

    case RELANCE_OUTCOME_CALL_BACK:
    case RELANCE_OUTCOME_WRONG_CONTACT:
    case RELANCE_OUTCOME_NO_ANSWER:
    case RELANCE_OUTCOME_REACHED:
    case RELANCE_OUTCOME_REFUSED:
      if (fields->kind != RELANCE_ACTION_CALL)
        return _relance_invalid (error, _("This outcome is for a call"));
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
check_action (RelanceDatabase            *db,
              const RelanceActionFields  *fields,
              const RelanceWorkItem      *item,
              GArray                     *invoice_ids,
              GError                    **error)
{
  if (!customer_exists (db, fields->customer_id, error))
    return FALSE;
  if (!relance_day_is_valid (fields->date))
    return _relance_invalid (error, _("Give the date of the action"));
  if (!check_outcome (fields, error))
    return FALSE;
  if (fields->incoming && fields->kind != RELANCE_ACTION_CALL)
    return _relance_invalid (error, _("Only a call can come from the customer"));

  if (fields->invoice_ids != NULL)
    g_array_append_vals (invoice_ids, fields->invoice_ids, fields->n_invoice_ids);
  else if (item != NULL)
    for (guint i = 0; i < item->invoices->len; i++)
      g_array_append_val (invoice_ids, ((RelanceWorkInvoice *)g_ptr_array_index (item->invoices, i))->invoice_id);

  for (guint i = 0; i < invoice_ids->len; i++)
    if (!check_invoice_of (db, fields->customer_id, g_array_index (invoice_ids, gint64, i), error))
      return FALSE;

  switch (fields->outcome)
    {
    case RELANCE_OUTCOME_PROMISE:
      if (!relance_day_is_valid (fields->promise_date))
        return _relance_invalid (error, _("Give the day the customer promised to pay"));
      if (fields->promise_date < fields->date)
        {
          g_autofree char *on = relance_day_to_iso (fields->date);

          return _relance_invalid (error, _("The promised payment date cannot be before the call, on %s"), on);
        }
      if (fields->promise_amount <= 0)
        return _relance_invalid (error, _("Give the amount the customer promised to pay"));
      break;

    case RELANCE_OUTCOME_CALL_BACK:
      if (!relance_day_is_valid (fields->call_back_on) || fields->call_back_on <= fields->date)
        {
          g_autofree char *on = relance_day_to_iso (fields->date);

          return _relance_invalid (error, _("The day to call back must be after %s"), on);
        }
      break;

    case RELANCE_OUTCOME_DISPUTE:
      if (fields->dispute_cause_id <= 0)
        return _relance_invalid (error, _("Choose the cause of the dispute"));
      if (invoice_ids->len == 0)
        return _relance_invalid (error, _("Choose the invoice the customer disputes"));
      if (fields->dispute_amount < 0)
        return _relance_invalid (error, _("The disputed amount cannot be negative"));
      break;

    case RELANCE_OUTCOME_WRONG_CONTACT:
      if (fields->right_contact != NULL && fields->right_contact_id != 0 &&
          !check_contact_of (db, fields->customer_id, fields->right_contact_id, error))
        return FALSE;
      break;

    case RELANCE_OUTCOME_NONE:
    case RELANCE_OUTCOME_SENT:
    case RELANCE_OUTCOME_NO_ANSWER:
    case RELANCE_OUTCOME_PAID:
    default:
      break;
    }

  return TRUE;
}

static gint64
insert_action (RelanceDatabase            *db,
               const RelanceActionFields  *fields,
               GArray                     *invoice_ids,
               GError                    **error)
{
  g_autoptr(sqlite3_stmt) action = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autofree char *who = _relance_dup_trimmed (fields->who);
  g_autofree char *contact = _relance_dup_trimmed (fields->contact);
  g_autofree char *summary = _relance_dup_trimmed (fields->summary);
  g_autofree char *document_name = _relance_dup_trimmed (fields->document_name);
  gint64 action_id;

  action = _relance_database_prepare (db,
                                      "INSERT INTO actions (customer_id, kind, date, who, contact, outcome,"
                                      " summary, document, document_name, incoming)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                      error);
  link = _relance_database_prepare (db,
                                    "INSERT OR IGNORE INTO action_invoices (action_id, invoice_id) VALUES (?1, ?2)",
                                    error);
  if (action == NULL || link == NULL)
    return 0;

  sqlite3_bind_int64 (action, 1, fields->customer_id);
  _relance_bind_text (action, 2, relance_action_kind_to_string (fields->kind));
  sqlite3_bind_int (action, 3, fields->date);
  _relance_bind_text (action, 4, who != NULL ? who : "");
  _relance_bind_text (action, 5, contact != NULL ? contact : "");
  _relance_bind_text (action, 6, relance_outcome_to_string (fields->outcome));
  _relance_bind_text (action, 7, summary != NULL ? summary : "");
  if (fields->document != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (fields->document, &size);

      sqlite3_bind_blob64 (action, 8, data != NULL ? data : "", size, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (action, 8);
  _relance_bind_text (action, 9, document_name != NULL ? document_name : "");
  sqlite3_bind_int (action, 10, fields->incoming ? 1 : 0);
  if (!_relance_database_run (db, action, error))
    return 0;
  action_id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));

  for (guint i = 0; i < invoice_ids->len; i++)
    {
      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, action_id);
      sqlite3_bind_int64 (link, 2, g_array_index (invoice_ids, gint64, i));
      if (!_relance_database_run (db, link, error))
        return 0;
    }

  return action_id;
}

static gboolean
insert_promise (RelanceDatabase            *db,
                const RelanceActionFields  *fields,
                gint64                      action_id,
                GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO promises (customer_id, action_id, promised_date, amount, status, made_on)"
                                    " VALUES (?1, ?2, ?3, ?4, 'pending', ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fields->customer_id);
  sqlite3_bind_int64 (stmt, 2, action_id);
  sqlite3_bind_int (stmt, 3, fields->promise_date);
  sqlite3_bind_int64 (stmt, 4, fields->promise_amount);
  sqlite3_bind_int (stmt, 5, fields->date);

  return _relance_database_run (db, stmt, error);
}

static gboolean
apply_outcome (RelanceDatabase            *db,
               const RelanceActionFields  *fields,
               const RelanceWorkItem      *item,
               GArray                     *invoice_ids,
               gint64                      action_id,
               GError                    **error)
{
  switch (fields->outcome)
    {
    case RELANCE_OUTCOME_PROMISE:
      if (!insert_promise (db, fields, action_id, error))
        return FALSE;
      break;

    case RELANCE_OUTCOME_CALL_BACK:
      if (!write_postponement (db, fields->customer_id, fields->date, fields->call_back_on, _("Call back"), error))
        return FALSE;
      break;

    case RELANCE_OUTCOME_NO_ANSWER:
      if (!write_postponement (db, fields->customer_id, fields->date, fields->date + 1, _("No answer"), error))
        return FALSE;
      break;

    case RELANCE_OUTCOME_DISPUTE:
      if (relance_desk_open_dispute (db, g_array_index (invoice_ids, gint64, 0), fields->dispute_cause_id,
                                     fields->dispute_amount, fields->date, fields->dispute_description,
                                     error) == 0)
        return FALSE;
      break;

    case RELANCE_OUTCOME_WRONG_CONTACT:
      if (fields->right_contact != NULL && fields->right_contact_id != 0 &&
          !relance_desk_update_contact (db, fields->right_contact_id, fields->right_contact, error))
        return FALSE;
      if (fields->right_contact != NULL && fields->right_contact_id == 0 &&
          relance_desk_add_contact (db, fields->customer_id, fields->right_contact, error) == 0)
        return FALSE;
      break;

    case RELANCE_OUTCOME_NONE:
    case RELANCE_OUTCOME_SENT:
    case RELANCE_OUTCOME_PAID:
    default:
      break;
    }

  /* Which outcomes do the item's steps: see relance-worklist.h. */
  if (item != NULL)
    {
      gboolean settles = fields->outcome == RELANCE_OUTCOME_SENT || fields->outcome == RELANCE_OUTCOME_PROMISE ||
                         fields->outcome == RELANCE_OUTCOME_DISPUTE || fields->outcome == RELANCE_OUTCOME_PAID;
      gboolean attempt = fields->kind == RELANCE_ACTION_CALL &&
                         (fields->outcome == RELANCE_OUTCOME_REACHED || fields->outcome == RELANCE_OUTCOME_REFUSED ||
                          fields->outcome == RELANCE_OUTCOME_NO_ANSWER);

      if ((settles || attempt) &&
          !write_step_states (db, item, "done", fields->date, action_id, NULL, attempt, FALSE, error))
        return FALSE;
    }

  if (fields->kind == RELANCE_ACTION_FORMAL_NOTICE && fields->outcome == RELANCE_OUTCOME_SENT &&
      !write_formal_notice_sent (db, action_id, fields->date, error))
    return FALSE;

  return TRUE;
}

/* Public API */

void
relance_work_invoice_free (RelanceWorkInvoice *invoice)
{
  if (invoice == NULL)
    return;

  g_free (invoice->number);
  g_free (invoice->cause_code);
  g_free (invoice->cause_label);
  g_free (invoice->department);
  g_free (invoice);
}

void
relance_work_item_free (RelanceWorkItem *item)
{
  if (item == NULL)
    return;

  g_free (item->customer_code);
  g_free (item->customer_name);
  g_free (item->scenario_name);
  g_clear_pointer (&item->invoices, g_ptr_array_unref);
  g_clear_pointer (&item->blocked, g_ptr_array_unref);
  g_free (item);
}

/**
 * relance_work_group_to_string:
 *
 * Returns: the group's stable name, as relance-cli prints it
 */
const char *
relance_work_group_to_string (RelanceWorkGroup group)
{
  g_return_val_if_fail ((guint)group < G_N_ELEMENTS (group_names), NULL);

  return group_names[group];
}

/**
 * relance_work_group_get_label:
 *
 * Returns: the title of the group in the Today view, translated
 */
const char *
relance_work_group_get_label (RelanceWorkGroup group)
{
  switch (group)
    {
    case RELANCE_WORK_CALL:
      return _("Calls");
    case RELANCE_WORK_EMAIL:
      return _("E-mails");
    case RELANCE_WORK_LETTER:
      return _("Letters");
    case RELANCE_WORK_FORMAL_NOTICE:
      return _("Formal notices");
    case RELANCE_WORK_CLAIM:
      return _("Claims to declare");
    case RELANCE_WORK_PROMISE:
      return _("Promises to check");
    case RELANCE_WORK_BLOCKED:
      return _("Blocked by a dispute");
    case RELANCE_WORK_N_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * relance_outcome_to_string:
 *
 * Returns: the outcome as stored: "sent", "promise"...; "" for none
 */
const char *
relance_outcome_to_string (RelanceOutcome outcome)
{
  g_return_val_if_fail ((guint)outcome < G_N_ELEMENTS (outcome_names), NULL);

  return outcome_names[outcome];
}

/**
 * relance_outcome_is_conversation:
 *
 * Returns: whether a call with @outcome spoke with someone who answered
 * for the customer, so that a letter may quote it as a conversation.
 */
gboolean
relance_outcome_is_conversation (RelanceOutcome outcome)
{
  switch (outcome)
    {
    case RELANCE_OUTCOME_PROMISE:
    case RELANCE_OUTCOME_DISPUTE:
    case RELANCE_OUTCOME_PAID:
    case RELANCE_OUTCOME_REACHED:
    case RELANCE_OUTCOME_REFUSED:
      return TRUE;
    case RELANCE_OUTCOME_NONE:
    case RELANCE_OUTCOME_SENT:
    case RELANCE_OUTCOME_CALL_BACK:
    case RELANCE_OUTCOME_WRONG_CONTACT:
    case RELANCE_OUTCOME_NO_ANSWER:
    default:
      return FALSE;
    }
}

/**
 * relance_outcome_from_string:
 *
 * Reads what relance_outcome_to_string() writes; "none" is also none.
 *
 * Returns: %TRUE if @text names an outcome
 */
gboolean
relance_outcome_from_string (const char     *text,
                             RelanceOutcome *outcome)
{
  int value;

  g_return_val_if_fail (outcome != NULL, FALSE);

  if (g_strcmp0 (text, "none") == 0)
    {
      *outcome = RELANCE_OUTCOME_NONE;
      return TRUE;
    }
  if (!lookup_name (outcome_names, G_N_ELEMENTS (outcome_names), text, &value))
    return FALSE;

  *outcome = (RelanceOutcome)value;
  return TRUE;
}

const char *
relance_action_kind_to_string (RelanceActionKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (action_kind_names), NULL);

  return action_kind_names[kind];
}

gboolean
relance_action_kind_from_string (const char        *text,
                                 RelanceActionKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!lookup_name (action_kind_names, G_N_ELEMENTS (action_kind_names), text, &value))
    return FALSE;

  *kind = (RelanceActionKind)value;
  return TRUE;
}

/**
 * relance_work_item_describe:
 *
 * Returns: (transfer full): what the item asks, for people: "D+20 letter
 *   of Standard scenario", "Promise due: check the payment"...
 */
char *
relance_work_item_describe (const RelanceWorkItem *item)
{
  g_autofree char *offset = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  switch (item->reason)
    {
    case RELANCE_WORK_REASON_PROMISE_DUE:
      return g_strdup (_("Promise due: check the payment"));
    case RELANCE_WORK_REASON_PROMISE_BROKEN:
      return g_strdup (_("Promise not kept: call"));
    case RELANCE_WORK_REASON_DISPUTE:
      return g_strdup (_("Blocked by a dispute"));
    case RELANCE_WORK_REASON_DECLARE_CLAIM:
      return g_strdup (_("Declare the claim to the mandataire"));
    case RELANCE_WORK_REASON_ASK_RELIEF:
      return g_strdup (_("Ask for relief from forclusion"));
    case RELANCE_WORK_REASON_STEP:
    default:
      break;
    }

  switch (item->substitute)
    {
    case RELANCE_WORK_SUBSTITUTE_CALL:
      return g_strdup (_("Call before the formal notice"));
    case RELANCE_WORK_SUBSTITUTE_LETTER:
      return g_strdup (_("Letter before the formal notice"));
    case RELANCE_WORK_SUBSTITUTE_NONE:
    default:
      break;
    }

  offset = relance_step_format_offset (item->step_offset);
  switch (item->channel)
    {
    case RELANCE_CHANNEL_EMAIL:
      /* Translators: "D-3 e-mail of Standard scenario" */
      return g_strdup_printf (_("%s e-mail of %s scenario"), offset, item->scenario_name);
    case RELANCE_CHANNEL_LETTER:
      /* Translators: "D+15 letter of Standard scenario" */
      return g_strdup_printf (_("%s letter of %s scenario"), offset, item->scenario_name);
    case RELANCE_CHANNEL_REGISTERED_LETTER:
      /* Translators: "D+40 formal notice of Standard scenario" */
      return g_strdup_printf (_("%s formal notice of %s scenario"), offset, item->scenario_name);
    case RELANCE_CHANNEL_PHONE:
    default:
      /* Translators: "D+3 call of Standard scenario" */
      return g_strdup_printf (_("%s call of %s scenario"), offset, item->scenario_name);
    }
}

/**
 * relance_work_item_is_urgent:
 *
 * Returns: whether @item comes first in the priority: a broken promise to
 *   chase, or a formal notice due (not a call or letter before it)
 */
gboolean
relance_work_item_is_urgent (const RelanceWorkItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->reason == RELANCE_WORK_REASON_PROMISE_BROKEN || item->claim_urgent ||
         (item->reason == RELANCE_WORK_REASON_STEP && item->group == RELANCE_WORK_FORMAL_NOTICE &&
          item->substitute == RELANCE_WORK_SUBSTITUTE_NONE);
}

/* 0: urgent, 1: the rest, 2: blocked by disputes */
static int
priority_tier (const RelanceWorkItem *item)
{
  if (item->reason == RELANCE_WORK_REASON_DISPUTE)
    return 2;
  return relance_work_item_is_urgent (item) ? 0 : 1;
}

/**
 * relance_work_item_compare_priority:
 *
 * The one order of the worklist (relance-worklist.h says it in full):
 * urgent items first, then the greater stake (open amount x days late,
 * summed over the invoices), then the most days late, then the
 * customer's name; blocked items last.
 *
 * Returns: negative when @a comes first, positive when @b does
 */
int
relance_work_item_compare_priority (const RelanceWorkItem *a,
                                    const RelanceWorkItem *b)
{
  int ta, tb, order;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ta = priority_tier (a);
  tb = priority_tier (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (a->stake != b->stake)
    return a->stake > b->stake ? -1 : 1;
  if (a->oldest_days_overdue != b->oldest_days_overdue)
    return a->oldest_days_overdue > b->oldest_days_overdue ? -1 : 1;
  order = g_strcmp0 (a->customer_name, b->customer_name);
  if (order != 0)
    return order;
  return a->customer_id < b->customer_id ? -1 : a->customer_id > b->customer_id;
}

/**
 * relance_worklist_compute:
 * @summary: (out caller-allocates) (optional): the counts of the day
 * @cancellable: (nullable): looked at every few hundred customers
 *
 * Returns: (transfer full) (element-type RelanceWorkItem): the items of
 *   @date in the order of the Today view, or %NULL with @error set
 */
GPtrArray *
relance_worklist_compute (RelanceDatabase         *db,
                          RelanceDay               date,
                          RelanceWorklistSummary  *summary,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (relance_day_is_valid (date), NULL);

  return compute (db, date, 0, summary, cancellable, error);
}

/**
 * relance_worklist_get_item:
 *
 * Returns: (transfer full) (nullable): the customer's item on @date, or
 *   %NULL: nothing to do (no error), or @error set
 */
RelanceWorkItem *
relance_worklist_get_item (RelanceDatabase  *db,
                           gint64            customer_id,
                           RelanceDay        date,
                           GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (relance_day_is_valid (date), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  items = compute (db, date, customer_id, NULL, NULL, error);
  if (items == NULL || items->len == 0)
    return NULL;

  return g_ptr_array_steal_index (items, 0);
}

/* A step skipped is said in the customer's history, with its reason, as
 * a note about the invoices concerned. */
static gboolean
write_skip_note (RelanceDatabase        *db,
                 const RelanceWorkItem  *item,
                 RelanceDay              date,
                 const char             *reason,
                 GError                **error)
{
  g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *step = relance_work_item_describe (item);
  g_autofree char *summary = NULL;
  RelanceActionFields fields = { 0 };

  if (reason != NULL && *reason != '\0')
    /* Translators: a note in the customer's history: "Step skipped: D+3
     * call of Standard scenario. Called by the sales rep" */
    summary = g_strdup_printf (_("Step skipped: %s. %s"), step, reason);
  else
    summary = g_strdup_printf (_("Step skipped: %s"), step);

  for (guint i = 0; i < item->invoices->len; i++)
    g_array_append_val (invoice_ids, ((RelanceWorkInvoice *)g_ptr_array_index (item->invoices, i))->invoice_id);

  fields.customer_id = item->customer_id;
  fields.kind = RELANCE_ACTION_NOTE;
  fields.date = date;
  fields.outcome = RELANCE_OUTCOME_NONE;
  fields.summary = summary;

  return insert_action (db, &fields, invoice_ids, error) != 0;
}

/**
 * relance_worklist_get_formal_notice_item:
 * @missing: (out) (optional): what should have come before it and was not
 *   done: a call attempt (%RELANCE_WORK_SUBSTITUTE_CALL) for one of its
 *   invoices, else a written reminder (%RELANCE_WORK_SUBSTITUTE_LETTER),
 *   else %RELANCE_WORK_SUBSTITUTE_NONE
 *
 * A formal notice sent on purpose, whatever the sequence says: the item
 * of a formal notice about every invoice of the customer overdue on @date
 * and not under dispute, claiming the penalties. Recorded as sent, the
 * formal notice does each invoice's formal-notice step and skips the
 * steps before it (see relance_actions_record()).
 *
 * Returns: (transfer full) (nullable): the item, or %NULL: nothing overdue
 *   (no error), or @error set
 */
RelanceWorkItem *
relance_worklist_get_formal_notice_item (RelanceDatabase        *db,
                                         gint64                  customer_id,
                                         RelanceDay              date,
                                         RelanceWorkSubstitute  *missing,
                                         GError                **error)
{
  g_auto(Engine) engine = { 0 };
  g_autoptr(GArray) unlinked = NULL;
  RelanceWorkItem *item = NULL;
  RelanceWorkSubstitute worst = RELANCE_WORK_SUBSTITUTE_NONE;
  const Customer *customer;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (relance_day_is_valid (date), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  if (missing != NULL)
    *missing = RELANCE_WORK_SUBSTITUTE_NONE;

  /* Whatever the worklist says of the customer (postponed, waiting for
   * a promise): every invoice overdue. */
  engine.date = date;
  engine.customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)customer_free);
  if (!read_customers (&engine, db, customer_id, error))
    return NULL;
  customer = g_hash_table_lookup (engine.customers, &customer_id);
  if (customer == NULL)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return NULL;
    }
  item = work_item_new (customer, NULL, NULL);

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    gboolean has_row;

    stmt = _relance_database_prepare (db,
      "SELECT i.id, i.number, i.due_date, i.amount - i.allocated +"
      "  (SELECT coalesce (sum (a.amount), 0) FROM allocations a WHERE a.invoice_id = i.id AND a.date > ?2)"
      " FROM invoices i WHERE i.customer_id = ?1 AND i.kind = 'invoice'"
      " AND i.due_date < ?2 AND i.issue_date <= ?2 AND (i.allocated < i.amount OR i.settled_date > ?2)"
      " AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.opened_on <= ?2"
      "   AND (d.resolved_on IS NULL OR d.resolved_on > ?2))"
      " AND NOT EXISTS (SELECT 1 FROM proceedings p WHERE p.customer_id = i.customer_id"
      "   AND p.judgment_date <= ?2 AND i.issue_date < p.judgment_date)"
      " ORDER BY i.due_date, i.id",
      error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, customer_id);
    sqlite3_bind_int (stmt, 2, date);

    for (;;)
      {
        OpenInvoice open = { 0 };
        RelanceWorkSubstitute substitute;
        RelanceDay latest;

        if (!_relance_database_step (db, stmt, &has_row, error))
          goto failed;
        if (!has_row)
          break;

        open.id = sqlite3_column_int64 (stmt, 0);
        open.number = (char *)sqlite3_column_text (stmt, 1);
        open.due_date = sqlite3_column_int (stmt, 2);
        open.open = sqlite3_column_int64 (stmt, 3);
        if (open.open <= 0)
          continue;
        if (!formal_notice_substitute (&engine, db, customer_id, &open, &unlinked, &substitute, &latest, error))
          goto failed;
        if (substitute == RELANCE_WORK_SUBSTITUTE_CALL ||
            (substitute == RELANCE_WORK_SUBSTITUTE_LETTER && worst == RELANCE_WORK_SUBSTITUTE_NONE))
          worst = substitute;
        add_to_item (item, item->invoices,
                     work_invoice_new (&open, date - open.due_date, NULL, 0, FALSE, NULL));
      }
  }

  if (item->invoices->len == 0)
    {
      RelanceDay judgment = 0;

      if (_relance_proceedings_get_judgment (db, customer_id, date, &judgment, error) && judgment != 0)
        {
          g_autofree char *on = relance_day_to_iso (judgment);

          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s is in insolvency proceedings since %s: the debts born before the judgment "
                         "are declared to the mandataire, never given formal notice of"),
                       customer->name, on);
        }
      relance_work_item_free (item);
      return NULL;
    }

  item->group = RELANCE_WORK_FORMAL_NOTICE;
  item->reason = RELANCE_WORK_REASON_STEP;
  item->step_id = 0;
  item->channel = RELANCE_CHANNEL_REGISTERED_LETTER;
  item->template_kind = RELANCE_TEMPLATE_FORMAL_NOTICE;
  item->claims_penalties = TRUE;
  item->substitute = RELANCE_WORK_SUBSTITUTE_NONE;
  if (missing != NULL)
    *missing = worst;
  return item;

failed:
  relance_work_item_free (item);
  return NULL;
}

/**
 * relance_worklist_skip:
 * @reason: (nullable): why, kept with each step
 *
 * Marks the step each of @item's invoices is at as skipped, with the
 * reason: it is not asked again, and the next step comes in its time
 * (re-timed from today). Skipping a call or letter before the formal
 * notice skips the formal notice it stands for. The customer's history
 * gets a note saying which step was skipped and why. Only a scenario step
 * is skipped: a promise to check or a broken one is refused (postpone the
 * customer instead), and so is an item blocked by disputes.
 *
 * Returns: %TRUE if the steps were skipped
 */
gboolean
relance_worklist_skip (RelanceDatabase        *db,
                       const RelanceWorkItem  *item,
                       RelanceDay              date,
                       const char             *reason,
                       GError                **error)
{
  g_autofree char *trimmed = _relance_dup_trimmed (reason);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->reason == RELANCE_WORK_REASON_PROMISE_DUE || item->reason == RELANCE_WORK_REASON_PROMISE_BROKEN)
    return _relance_invalid (error, _("A promise is not a step of the scenario and cannot be skipped: "
                                      "postpone %s to a later day instead"), item->customer_name);
  if (item->reason == RELANCE_WORK_REASON_DISPUTE || item->invoices->len == 0)
    return _relance_invalid (error, _("%s has no step to skip: its invoices are under dispute"),
                             item->customer_name);
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("Give the date"));

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (!customer_exists (db, item->customer_id, error) ||
      !write_step_states (db, item, "skipped", date, 0, trimmed, FALSE, TRUE, error) ||
      !write_skip_note (db, item, date, trimmed, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

/**
 * relance_worklist_postpone:
 * @reason: (nullable): why
 *
 * Leaves the customer out of the worklist until @until, which replaces
 * any earlier postponement.
 *
 * Returns: %TRUE if the customer was postponed
 */
gboolean
relance_worklist_postpone (RelanceDatabase  *db,
                           gint64            customer_id,
                           RelanceDay        date,
                           RelanceDay        until,
                           const char       *reason,
                           GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("Give the date"));
  if (!relance_day_is_valid (until) || until <= date)
    {
      g_autofree char *on = relance_day_to_iso (date);

      return _relance_invalid (error, _("The new date must be after %s"), on);
    }

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (!customer_exists (db, customer_id, error) ||
      !write_postponement (db, customer_id, date, until, reason, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

/**
 * relance_actions_record:
 * @item: (nullable): the worklist item the action answers
 *
 * Checks and writes, in one transaction: the action and its invoices
 * (@fields' invoices, else @item's); a promise (made on the action's
 * day); a postponement until the day to call back, or to the next day
 * when nobody answered; a dispute on the first invoice; and, with @item,
 * its invoices' steps done when the outcome settles them (sent, promise,
 * dispute, paid).
 *
 * Returns: the action's id, or 0 with @error set and nothing written
 */
gint64
relance_actions_record (RelanceDatabase            *db,
                        const RelanceActionFields  *fields,
                        const RelanceWorkItem      *item,
                        GError                    **error)
{
  g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 action_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail ((guint)fields->kind < G_N_ELEMENTS (action_kind_names), 0);
  g_return_val_if_fail ((guint)fields->outcome < G_N_ELEMENTS (outcome_names), 0);
  g_return_val_if_fail (item == NULL || item->customer_id == fields->customer_id, 0);
  g_return_val_if_fail (fields->invoice_ids != NULL || fields->n_invoice_ids == 0, 0);

  if (!_relance_database_begin (db, error))
    return 0;

  if (!check_action (db, fields, item, invoice_ids, error) ||
      (action_id = insert_action (db, fields, invoice_ids, error)) == 0 ||
      !apply_outcome (db, fields, item, invoice_ids, action_id, error) ||
      !_relance_database_commit (db, error))
    {
      _relance_database_rollback (db);
      return 0;
    }

  return action_id;
}

/**
 * relance_actions_record_many:
 * @fields: (array length=n_actions): the actions
 * @items: (array length=n_actions) (nullable): the worklist item each
 *   answers, or %NULL; the array itself may be %NULL
 * @action_ids: (out caller-allocates) (array length=n_actions) (optional):
 *   where to put the new actions' ids
 *
 * relance_actions_record() for several actions (a batch of letters), in
 * one transaction: all are written, or none.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
relance_actions_record_many (RelanceDatabase                   *db,
                             const RelanceActionFields         *fields,
                             const RelanceWorkItem     * const *items,
                             guint                              n_actions,
                             gint64                            *action_ids,
                             GError                           **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL || n_actions == 0, FALSE);
  for (guint i = 0; i < n_actions; i++)
    {
      g_return_val_if_fail ((guint)fields[i].kind < G_N_ELEMENTS (action_kind_names), FALSE);
      g_return_val_if_fail ((guint)fields[i].outcome < G_N_ELEMENTS (outcome_names), FALSE);
      g_return_val_if_fail (items == NULL || items[i] == NULL ||
                            items[i]->customer_id == fields[i].customer_id, FALSE);
      g_return_val_if_fail (fields[i].invoice_ids != NULL || fields[i].n_invoice_ids == 0, FALSE);
    }

  if (!_relance_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_actions; i++)
    {
      const RelanceWorkItem *item = items != NULL ? items[i] : NULL;
      g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 action_id;

      if (!check_action (db, &fields[i], item, invoice_ids, error) ||
          (action_id = insert_action (db, &fields[i], invoice_ids, error)) == 0 ||
          !apply_outcome (db, &fields[i], item, invoice_ids, action_id, error))
        {
          _relance_database_rollback (db);
          return FALSE;
        }
      if (action_ids != NULL)
        action_ids[i] = action_id;
    }

  if (!_relance_database_commit (db, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_actions_find_invoice:
 *
 * Returns: the invoice's id, or 0 with @error set
 */
gint64
relance_actions_find_invoice (RelanceDatabase  *db,
                              gint64            customer_id,
                              const char       *number,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (number);
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  stmt = _relance_database_prepare (db, "SELECT id, customer_id FROM invoices WHERE number = ?1", error);
  if (stmt == NULL)
    return 0;
  _relance_bind_text (stmt, 1, trimmed);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return 0;

  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("There is no invoice %s"), trimmed);
      return 0;
    }
  if (sqlite3_column_int64 (stmt, 1) != customer_id)
    {
      _relance_invalid (error, _("Invoice %s belongs to another customer"), trimmed);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * relance_promise_get_status:
 *
 * A promise is kept when the customer's payments from the day it was made
 * to @date (or to the promised day plus the grace days, if sooner) add up
 * to its amount; broken when the grace days after the promised day have
 * passed without that; pending otherwise.
 *
 * Returns: the status on @date; with @error set, %RELANCE_PROMISE_PENDING
 */
RelancePromiseStatus
relance_promise_get_status (RelanceDatabase  *db,
                            gint64            promise_id,
                            RelanceDay        date,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;
  int grace_days;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), RELANCE_PROMISE_PENDING);

  if (!read_grace_days (db, &grace_days, error))
    return RELANCE_PROMISE_PENDING;

  stmt = _relance_database_prepare (db,
    "SELECT p.promised_date, p.amount,"
    "  (SELECT coalesce (sum (y.amount), 0) FROM payments y"
    "   WHERE y.customer_id = p.customer_id"
    "   AND y.date BETWEEN coalesce (p.made_on, p.promised_date) AND min (?2, p.promised_date + ?3))"
    " FROM promises p WHERE p.id = ?1",
    error);
  if (stmt == NULL)
    return RELANCE_PROMISE_PENDING;
  sqlite3_bind_int64 (stmt, 1, promise_id);
  sqlite3_bind_int (stmt, 2, date);
  sqlite3_bind_int (stmt, 3, grace_days);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return RELANCE_PROMISE_PENDING;

  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This promise no longer exists"));
      return RELANCE_PROMISE_PENDING;
    }

  return promise_status (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                         sqlite3_column_int (stmt, 0), grace_days, date);
}
