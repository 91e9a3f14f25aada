/* relance-invoice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-invoice-private.h"

G_DEFINE_FINAL_TYPE (RelanceInvoice, relance_invoice, G_TYPE_OBJECT)

static void
relance_invoice_finalize (GObject *object)
{
  RelanceInvoice *self = (RelanceInvoice *)object;

  g_free (self->customer_code);
  g_free (self->customer_name);
  g_free (self->number);

  G_OBJECT_CLASS (relance_invoice_parent_class)->finalize (object);
}

static void
relance_invoice_class_init (RelanceInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_invoice_finalize;
}

static void
relance_invoice_init (RelanceInvoice *self)
{
}

gint64
relance_invoice_get_id (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->id;
}

gint64
relance_invoice_get_customer_id (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->customer_id;
}

const char *
relance_invoice_get_customer_code (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), NULL);

  return self->customer_code;
}

const char *
relance_invoice_get_customer_name (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), NULL);

  return self->customer_name;
}

const char *
relance_invoice_get_number (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), NULL);

  return self->number;
}

RelanceInvoiceKind
relance_invoice_get_kind (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->kind;
}

RelanceDay
relance_invoice_get_issue_date (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->issue_date;
}

RelanceDay
relance_invoice_get_due_date (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->due_date;
}

/* signed: a credit note is negative */
gint64
relance_invoice_get_amount (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->amount;
}

/* signed open balance: amount less what allocations settled */
gint64
relance_invoice_get_open (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->open;
}

int
relance_invoice_get_days_overdue (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->days_overdue;
}

RelanceInvoiceStatus
relance_invoice_get_status (RelanceInvoice *self)
{
  g_return_val_if_fail (RELANCE_IS_INVOICE (self), 0);

  return self->status;
}

/**
 * relance_invoice_status_to_string:
 *
 * Returns: the status as files and scripts write it ("paid", "open",
 *   "overdue", "disputed"); ui/ translates it for people
 */
const char *
relance_invoice_status_to_string (RelanceInvoiceStatus status)
{
  switch (status)
    {
    case RELANCE_INVOICE_STATUS_PAID: return "paid";
    case RELANCE_INVOICE_STATUS_OPEN: return "open";
    case RELANCE_INVOICE_STATUS_OVERDUE: return "overdue";
    case RELANCE_INVOICE_STATUS_DISPUTED: return "disputed";
    case RELANCE_INVOICE_STATUS_PROMISED: return "promised";
    default: g_return_val_if_reached ("open");
    }
}
