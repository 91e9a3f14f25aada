/* relance-dispute.h
 *
 * A row of the ledger as the lists and the CLI show it: read-only, with the
 * figures derived at the date the row was read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "relance-date.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_DISPUTE_STATUS_OPEN,
  RELANCE_DISPUTE_STATUS_RESOLVED,
  RELANCE_DISPUTE_STATUS_CANCELLED,
} RelanceDisputeStatus;

#define RELANCE_TYPE_DISPUTE (relance_dispute_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDispute, relance_dispute, RELANCE, DISPUTE, GObject)

gint64                relance_dispute_get_id (RelanceDispute *self);
gint64                relance_dispute_get_invoice_id (RelanceDispute *self);
const char *         relance_dispute_get_invoice_number (RelanceDispute *self);
const char *         relance_dispute_get_customer_code (RelanceDispute *self);
const char *         relance_dispute_get_customer_name (RelanceDispute *self);
const char *         relance_dispute_get_cause_code (RelanceDispute *self);
const char *         relance_dispute_get_cause_label (RelanceDispute *self);
const char *         relance_dispute_get_department (RelanceDispute *self);
const char *         relance_dispute_get_colour (RelanceDispute *self);
gint64                relance_dispute_get_amount (RelanceDispute *self);
RelanceDay            relance_dispute_get_opened_on (RelanceDispute *self);
RelanceDay            relance_dispute_get_resolved_on (RelanceDispute *self);
int                   relance_dispute_get_days_open (RelanceDispute *self);
RelanceDisputeStatus  relance_dispute_get_status (RelanceDispute *self);
const char *         relance_dispute_get_description (RelanceDispute *self);
const char *         relance_dispute_get_resolution (RelanceDispute *self);
const char           *relance_dispute_status_to_string (RelanceDisputeStatus status);

G_END_DECLS
