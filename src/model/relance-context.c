/* relance-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-context.h"

struct _RelanceContext
{
  GObject          parent_instance;

  RelanceDatabase *db;
  RelanceDay       today;   /* RELANCE_DAY_NONE: follow the system clock */
};

G_DEFINE_FINAL_TYPE (RelanceContext, relance_context, G_TYPE_OBJECT)

static void
relance_context_dispose (GObject *object)
{
  RelanceContext *self = (RelanceContext *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (relance_context_parent_class)->dispose (object);
}

static void
relance_context_class_init (RelanceContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relance_context_dispose;
}

static void
relance_context_init (RelanceContext *self)
{
}

RelanceContext *
relance_context_new (RelanceDatabase *db)
{
  RelanceContext *self;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  self = g_object_new (RELANCE_TYPE_CONTEXT, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * relance_context_new_like:
 * @db: the ledger
 * @like: a context whose clock to share
 *
 * A context on @db that tells the same "today" as @like: a fixed day if
 * @like has one, else the real today (never the day it was copied on).
 *
 * Returns: (transfer full): the new context
 */
RelanceContext *
relance_context_new_like (RelanceDatabase *db,
                          RelanceContext  *like)
{
  RelanceContext *self;

  g_return_val_if_fail (RELANCE_IS_CONTEXT (like), NULL);

  self = relance_context_new (db);
  if (self != NULL)
    self->today = like->today;
  return self;
}

RelanceDatabase *
relance_context_get_database (RelanceContext *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTEXT (self), NULL);

  return self->db;
}

/**
 * relance_context_get_today:
 *
 * Returns: the day set with relance_context_set_today(), or today's date
 */
RelanceDay
relance_context_get_today (RelanceContext *self)
{
  g_return_val_if_fail (RELANCE_IS_CONTEXT (self), RELANCE_DAY_NONE);

  if (self->today != RELANCE_DAY_NONE)
    return self->today;

  return relance_day_today_local ();
}

/**
 * relance_context_set_today:
 * @today: the day to compute at, or %RELANCE_DAY_NONE for the real today
 */
void
relance_context_set_today (RelanceContext *self,
                           RelanceDay      today)
{
  g_return_if_fail (RELANCE_IS_CONTEXT (self));

  self->today = today;
}
