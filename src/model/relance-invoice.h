/* relance-invoice.h
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
  RELANCE_INVOICE_KIND_INVOICE,
  RELANCE_INVOICE_KIND_CREDIT_NOTE,
} RelanceInvoiceKind;

typedef enum
{
  RELANCE_INVOICE_STATUS_PAID,
  RELANCE_INVOICE_STATUS_OPEN,
  RELANCE_INVOICE_STATUS_OVERDUE,
  RELANCE_INVOICE_STATUS_DISPUTED,
  RELANCE_INVOICE_STATUS_PROMISED,
} RelanceInvoiceStatus;

#define RELANCE_TYPE_INVOICE (relance_invoice_get_type ())

G_DECLARE_FINAL_TYPE (RelanceInvoice, relance_invoice, RELANCE, INVOICE, GObject)

gint64                relance_invoice_get_id (RelanceInvoice *self);
gint64                relance_invoice_get_customer_id (RelanceInvoice *self);
const char *         relance_invoice_get_customer_code (RelanceInvoice *self);
const char *         relance_invoice_get_customer_name (RelanceInvoice *self);
const char *         relance_invoice_get_number (RelanceInvoice *self);
RelanceInvoiceKind    relance_invoice_get_kind (RelanceInvoice *self);
RelanceDay            relance_invoice_get_issue_date (RelanceInvoice *self);
RelanceDay            relance_invoice_get_due_date (RelanceInvoice *self);
gint64                relance_invoice_get_amount (RelanceInvoice *self);
gint64                relance_invoice_get_open (RelanceInvoice *self);
int                   relance_invoice_get_days_overdue (RelanceInvoice *self);
RelanceInvoiceStatus  relance_invoice_get_status (RelanceInvoice *self);
const char           *relance_invoice_status_to_string (RelanceInvoiceStatus status);

G_END_DECLS
