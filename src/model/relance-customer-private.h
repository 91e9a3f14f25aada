/* relance-customer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-customer.h"
#include "relance-date.h"

G_BEGIN_DECLS

struct _RelanceCustomer
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *name;
  char *address;
  char *postcode;
  char *city;
  char *country;
  char *email;
  char *phone;
  char *segment;
  int payment_terms;
  gint64 balance;
  gint64 overdue;
  int days_overdue;
  RelanceDay last_action_date;
  char *last_action_kind;
  RelanceDay next_action_date;
  char *next_action_kind;
  char *next_action_note;
  gboolean archived;
};

G_END_DECLS
