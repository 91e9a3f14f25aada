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

typedef struct
{
  gint64  invoice_id;
  gint64  step_id;
} StepKey;

typedef struct
{
  gint64                id;
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
  GHashTable  *states;         /* StepKey -> itself */
  GHashTable  *promises;       /* customer id -> Promise */
  GHashTable  *postponed;      /* customer id -> itself */
} Engine;

/* Statics */

static const char * const group_names[] = {
  [RELANCE_WORK_CALL] = "phone",
  [RELANCE_WORK_EMAIL] = "email",
  [RELANCE_WORK_LETTER] = "letter",
  [RELANCE_WORK_FORMAL_NOTICE] = "registered_letter",
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
  g_clear_pointer (&engine->promises, g_hash_table_unref);
  g_clear_pointer (&engine->postponed, g_hash_table_unref);
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
                                     "SELECT id, scenario_id, offset_days, channel, template, claims_penalties"
                                     " FROM scenario_steps ORDER BY scenario_id, offset_days",
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
      g_array_append_val (scenario->steps, step);
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
                                    " WHERE d.status = 'open' AND (?1 = 0 OR i.customer_id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_customer);

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
      g_hash_table_insert (engine->causes, invoice_id, cause);
    }

  return TRUE;
}

static gboolean
read_states (Engine           *engine,
             RelanceDatabase  *db,
             gint64            only_customer,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT s.invoice_id, s.step_id FROM step_states s"
                                    " JOIN invoices i ON i.id = s.invoice_id"
                                    " WHERE i.allocated < i.amount AND (?1 = 0 OR i.customer_id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_customer);

  for (;;)
    {
      StepKey *key;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      key = g_new (StepKey, 1);
      key->invoice_id = sqlite3_column_int64 (stmt, 0);
      key->step_id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_add (engine->states, key);
    }

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
  "   AND a.date > p.promised_date + ?2 AND a.date <= ?1)" \
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
                                    " WHERE until > ?1 AND (?2 = 0 OR customer_id = ?2)",
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

static const Step *
reached_step (const Scenario *scenario,
              int             days_overdue)
{
  const Step *reached = NULL;

  for (guint i = 0; scenario != NULL && i < scenario->steps->len; i++)
    {
      const Step *step = &g_array_index (scenario->steps, Step, i);

      if (step->offset_days > days_overdue)
        break;
      reached = step;
    }

  return reached;
}

static RelanceWorkInvoice *
work_invoice_new (const OpenInvoice *open,
                  int                days_overdue,
                  gint64             step_id,
                  const Cause       *cause)
{
  RelanceWorkInvoice *invoice = g_new0 (RelanceWorkInvoice, 1);

  invoice->invoice_id = open->id;
  invoice->number = g_strdup (open->number);
  invoice->due_date = open->due_date;
  invoice->open = open->open;
  invoice->days_overdue = days_overdue;
  invoice->step_id = step_id;
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
               const Scenario *scenario)
{
  RelanceWorkItem *item = g_new0 (RelanceWorkItem, 1);

  item->customer_id = customer->id;
  item->customer_code = g_strdup (customer->code);
  item->customer_name = g_strdup (customer->name);
  item->scenario_name = g_strdup (scenario != NULL ? scenario->name : "");
  item->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->blocked = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->oldest_days_overdue = G_MININT;

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
      item->oldest_days_overdue = MAX (item->oldest_days_overdue, invoice->days_overdue);
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
  RelanceWorkItem *item = work_item_new (customer, scenario);

  for (guint i = 0; i < invoices->len; i++)
    {
      const OpenInvoice *open = &g_array_index (invoices, OpenInvoice, i);
      int days = engine->date - open->due_date;
      const Step *step = reached_step (scenario, days);
      gint64 step_id = 0;
      const Cause *cause;

      if (days <= 0)
        continue;

      if (step != NULL)
        {
          StepKey key = { open->id, step->id };

          if (!g_hash_table_contains (engine->states, &key))
            step_id = step->id;
        }

      cause = g_hash_table_lookup (engine->causes, &open->id);
      if (cause != NULL)
        add_to_item (item, item->blocked, work_invoice_new (open, days, step_id, cause));
      else
        add_to_item (item, item->invoices, work_invoice_new (open, days, step_id, NULL));
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
  item->promise_id = promise->id;
  item->promise_date = promise->promised_date;
  item->promise_amount = promise->amount;

  return item;
}

/* The scenario's step: every invoice whose reached step is not done. */
static RelanceWorkItem *
build_step_item (Engine         *engine,
                 const Customer *customer,
                 const Scenario *scenario,
                 GArray         *invoices)
{
  RelanceWorkItem *item = work_item_new (customer, scenario);
  const Step *most = NULL;

  for (guint i = 0; i < invoices->len; i++)
    {
      const OpenInvoice *open = &g_array_index (invoices, OpenInvoice, i);
      int days = engine->date - open->due_date;
      const Step *step = reached_step (scenario, days);
      const Cause *cause;
      StepKey key;

      if (step == NULL)
        continue;
      key.invoice_id = open->id;
      key.step_id = step->id;
      if (g_hash_table_contains (engine->states, &key))
        continue;

      cause = g_hash_table_lookup (engine->causes, &open->id);
      if (cause != NULL)
        {
          add_to_item (item, item->blocked, work_invoice_new (open, days, step->id, cause));
          continue;
        }

      add_to_item (item, item->invoices, work_invoice_new (open, days, step->id, NULL));
      if (most == NULL || step->offset_days > most->offset_days)
        most = step;
    }

  if (most != NULL)
    {
      item->group = group_for_channel (most->channel);
      item->reason = RELANCE_WORK_REASON_STEP;
      item->step_id = most->id;
      item->step_offset = most->offset_days;
      item->channel = most->channel;
      item->template_kind = most->template_kind;
      item->claims_penalties = most->claims_penalties;
      return item;
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
      return item;
    }

  relance_work_item_free (item);
  return NULL;
}

/* The item of one customer, given its open invoices; NULL if nothing. */
static RelanceWorkItem *
build_item (Engine                 *engine,
            const Customer         *customer,
            GArray                 *invoices,
            RelanceWorklistSummary *summary)
{
  const Scenario *scenario;
  const Promise *promise;
  gint64 scenario_id = customer->scenario_id;

  if (g_hash_table_contains (engine->postponed, &customer->id))
    {
      summary->n_customers_postponed++;
      return NULL;
    }

  if (scenario_id == 0 || !g_hash_table_contains (engine->scenarios, &scenario_id))
    scenario_id = engine->default_scenario;
  scenario = g_hash_table_lookup (engine->scenarios, &scenario_id);

  promise = g_hash_table_lookup (engine->promises, &customer->id);
  if (promise != NULL && promise->status == RELANCE_PROMISE_PENDING)
    {
      RelanceWorkItem *item;

      if (engine->date < promise->promised_date)
        {
          summary->n_customers_waiting++;
          return NULL;
        }

      item = build_promise_item (engine, customer, scenario, promise, invoices, FALSE);
      if (item != NULL)
        return item;
    }
  else if (promise != NULL && promise->status == RELANCE_PROMISE_BROKEN &&
           !promise->escalation_cleared)
    {
      RelanceWorkItem *item = build_promise_item (engine, customer, scenario, promise, invoices, TRUE);

      if (item != NULL)
        return item;
    }

  return build_step_item (engine, customer, scenario, invoices);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RelanceWorkItem *x = *(RelanceWorkItem * const *)a;
  const RelanceWorkItem *y = *(RelanceWorkItem * const *)b;
  GHashTable *customers = user_data;
  const Customer *cx, *cy;
  int order;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->oldest_days_overdue != y->oldest_days_overdue)
    return x->oldest_days_overdue > y->oldest_days_overdue ? -1 : 1;

  cx = g_hash_table_lookup (customers, &x->customer_id);
  cy = g_hash_table_lookup (customers, &y->customer_id);
  order = strcmp (cx->sort_key, cy->sort_key);
  if (order != 0)
    return order;
  return x->customer_id < y->customer_id ? -1 : x->customer_id > y->customer_id;
}

#define OPEN_INVOICES_SQL \
  "SELECT customer_id, id, number, due_date, amount - allocated" \
  " FROM invoices INDEXED BY invoices_open_customer" \
  " WHERE allocated < amount AND kind = 'invoice' AND due_date <= ?1"
#define ORDER_SQL " ORDER BY customer_id, due_date"

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
  int min_offset = RELANCE_STEP_OFFSET_MAX;
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
  engine.states = g_hash_table_new_full (step_key_hash, step_key_equal, g_free, NULL);
  engine.promises = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  engine.postponed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!read_grace_days (db, &engine.grace_days, error) ||
      !read_scenarios (&engine, db, error) ||
      !read_customers (&engine, db, only_customer, error) ||
      !read_disputes (&engine, db, only_customer, error) ||
      !read_states (&engine, db, only_customer, error) ||
      !read_promises (&engine, db, only_customer, error) ||
      !read_postponements (&engine, db, only_customer, error))
    return NULL;

  /* Invoices not yet at the first step of any scenario need not be read. */
  g_hash_table_iter_init (&iter, engine.scenarios);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&scenario))
    if (scenario->steps->len > 0)
      min_offset = MIN (min_offset, g_array_index (scenario->steps, Step, 0).offset_days);

  stmt = _relance_database_prepare (db, only_customer != 0 ? OPEN_INVOICES_SQL " AND customer_id = ?2" ORDER_SQL
                                                           : OPEN_INVOICES_SQL " AND ?2 = 0" ORDER_SQL,
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, date - min_offset);
  sqlite3_bind_int64 (stmt, 2, only_customer);

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

          if (customer != NULL)
            {
              RelanceWorkItem *item = build_item (&engine, customer, invoices, summary);

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

      open.id = sqlite3_column_int64 (stmt, 1);
      open.number = _relance_column_dup (stmt, 2);
      open.due_date = sqlite3_column_int (stmt, 3);
      open.open = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (invoices, open);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_sort_with_data (items, compare_items, engine.customers);

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
                    RelanceDay        until,
                    const char       *reason,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = _relance_dup_trimmed (reason);

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO postponements (customer_id, until, reason) VALUES (?1, ?2, ?3)"
                                    " ON CONFLICT (customer_id) DO UPDATE SET until = ?2, reason = ?3",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, until);
  _relance_bind_text (stmt, 3, trimmed != NULL ? trimmed : "");

  return _relance_database_run (db, stmt, error);
}

/* Marks the step of each of @item's invoices as @state. A step already
 * done stays done. */
static gboolean
write_step_states (RelanceDatabase        *db,
                   const RelanceWorkItem  *item,
                   const char             *state,
                   RelanceDay              date,
                   gint64                  action_id,
                   const char             *reason,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO step_states (invoice_id, step_id, state, date, action_id, reason)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                    " ON CONFLICT (invoice_id, step_id) DO UPDATE"
                                    " SET state = ?3, date = ?4, action_id = ?5, reason = ?6"
                                    " WHERE state <> 'done'",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);

      if (invoice->step_id == 0)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, invoice->invoice_id);
      sqlite3_bind_int64 (stmt, 2, invoice->step_id);
      _relance_bind_text (stmt, 3, state);
      sqlite3_bind_int (stmt, 4, date);
      if (action_id > 0)
        sqlite3_bind_int64 (stmt, 5, action_id);
      else
        sqlite3_bind_null (stmt, 5);
      _relance_bind_text (stmt, 6, reason != NULL ? reason : "");
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
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
      if (!write_postponement (db, fields->customer_id, fields->call_back_on, _("Call back"), error))
        return FALSE;
      break;

    case RELANCE_OUTCOME_NO_ANSWER:
      if (!write_postponement (db, fields->customer_id, fields->date + 1, _("No answer"), error))
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

  if (item != NULL &&
      (fields->outcome == RELANCE_OUTCOME_SENT || fields->outcome == RELANCE_OUTCOME_PROMISE ||
       fields->outcome == RELANCE_OUTCOME_DISPUTE || fields->outcome == RELANCE_OUTCOME_PAID) &&
      !write_step_states (db, item, "done", fields->date, action_id, NULL, error))
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
    case RELANCE_WORK_REASON_STEP:
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

/**
 * relance_worklist_skip:
 * @reason: (nullable): why, kept with each step
 *
 * Marks the step each of @item's invoices reached as skipped: it is not
 * asked again, and the next step comes in its time. Only a scenario step
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
      !write_step_states (db, item, "skipped", date, 0, trimmed, error))
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
      !write_postponement (db, customer_id, until, reason, error))
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
