/* relance-dispute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-dispute-private.h"

G_DEFINE_FINAL_TYPE (RelanceDispute, relance_dispute, G_TYPE_OBJECT)

static void
relance_dispute_finalize (GObject *object)
{
  RelanceDispute *self = (RelanceDispute *)object;

  g_free (self->invoice_number);
  g_free (self->customer_code);
  g_free (self->customer_name);
  g_free (self->cause_code);
  g_free (self->cause_label);
  g_free (self->department);
  g_free (self->colour);
  g_free (self->description);
  g_free (self->resolution);

  G_OBJECT_CLASS (relance_dispute_parent_class)->finalize (object);
}

static void
relance_dispute_class_init (RelanceDisputeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_dispute_finalize;
}

static void
relance_dispute_init (RelanceDispute *self)
{
}

gint64
relance_dispute_get_id (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->id;
}

gint64
relance_dispute_get_invoice_id (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->invoice_id;
}

const char *
relance_dispute_get_invoice_number (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->invoice_number;
}

const char *
relance_dispute_get_customer_code (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->customer_code;
}

const char *
relance_dispute_get_customer_name (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->customer_name;
}

const char *
relance_dispute_get_cause_code (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->cause_code;
}

const char *
relance_dispute_get_cause_label (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->cause_label;
}

const char *
relance_dispute_get_department (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->department;
}

const char *
relance_dispute_get_colour (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->colour;
}

gint64
relance_dispute_get_amount (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->amount;
}

RelanceDay
relance_dispute_get_opened_on (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->opened_on;
}

RelanceDay
relance_dispute_get_resolved_on (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->resolved_on;
}

/* days from opening to resolution, or to today while open */
int
relance_dispute_get_days_open (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->days_open;
}

RelanceDisputeStatus
relance_dispute_get_status (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), 0);

  return self->status;
}

const char *
relance_dispute_get_description (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->description;
}

const char *
relance_dispute_get_resolution (RelanceDispute *self)
{
  g_return_val_if_fail (RELANCE_IS_DISPUTE (self), NULL);

  return self->resolution;
}

/**
 * relance_dispute_status_to_string:
 *
 * Returns: the status as the ledger and scripts write it ("open",
 *   "resolved", "cancelled"); ui/ translates it for people
 */
const char *
relance_dispute_status_to_string (RelanceDisputeStatus status)
{
  switch (status)
    {
    case RELANCE_DISPUTE_STATUS_OPEN: return "open";
    case RELANCE_DISPUTE_STATUS_RESOLVED: return "resolved";
    case RELANCE_DISPUTE_STATUS_CANCELLED: return "cancelled";
    default: g_return_val_if_reached ("open");
    }
}
