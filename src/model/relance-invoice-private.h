/* relance-invoice-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-invoice.h"

G_BEGIN_DECLS

struct _RelanceInvoice
{
  GObject parent_instance;

  gint64 id;
  gint64 customer_id;
  char *customer_code;
  char *customer_name;
  char *number;
  RelanceInvoiceKind kind;
  RelanceDay issue_date;
  RelanceDay due_date;
  gint64 amount;
  gint64 open;
  int days_overdue;
  RelanceInvoiceStatus status;
};

G_END_DECLS
