/* relance-dispute-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-dispute.h"

G_BEGIN_DECLS

struct _RelanceDispute
{
  GObject parent_instance;

  gint64 id;
  gint64 invoice_id;
  char *invoice_number;
  char *customer_code;
  char *customer_name;
  char *cause_code;
  char *cause_label;
  char *department;
  char *colour;
  gint64 amount;
  RelanceDay opened_on;
  RelanceDay resolved_on;
  int days_open;
  RelanceDisputeStatus status;
  char *description;
  char *resolution;
};

G_END_DECLS
