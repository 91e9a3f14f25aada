/* relance-customer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-customer-private.h"

G_DEFINE_FINAL_TYPE (RelanceCustomer, relance_customer, G_TYPE_OBJECT)

static void
relance_customer_finalize (GObject *object)
{
  RelanceCustomer *self = (RelanceCustomer *)object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->address);
  g_free (self->postcode);
  g_free (self->city);
  g_free (self->country);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->segment);
  g_free (self->last_action_kind);
  g_free (self->next_action_kind);
  g_free (self->next_action_note);

  G_OBJECT_CLASS (relance_customer_parent_class)->finalize (object);
}

static void
relance_customer_class_init (RelanceCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_customer_finalize;
}

static void
relance_customer_init (RelanceCustomer *self)
{
}

gint64
relance_customer_get_id (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->id;
}

const char *
relance_customer_get_code (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->code;
}

const char *
relance_customer_get_name (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->name;
}

const char *
relance_customer_get_address (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->address;
}

const char *
relance_customer_get_postcode (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->postcode;
}

const char *
relance_customer_get_city (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->city;
}

const char *
relance_customer_get_country (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->country;
}

const char *
relance_customer_get_email (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->email;
}

const char *
relance_customer_get_phone (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->phone;
}

const char *
relance_customer_get_segment (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->segment;
}

int
relance_customer_get_payment_terms (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->payment_terms;
}

/* open invoices less open credit notes, in cents */
gint64
relance_customer_get_balance (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->balance;
}

/* open amount past its due date, in cents */
gint64
relance_customer_get_overdue (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->overdue;
}

/* days past due of the oldest overdue invoice, 0 if none */
int
relance_customer_get_days_overdue (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->days_overdue;
}

/* the day of the latest call, letter, e-mail, note or visit; 0 if none */
int
relance_customer_get_last_action_date (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->last_action_date;
}

/* its kind: "call", "email", "letter", "formal_notice", "note", "visit"; "" if none */
const char *
relance_customer_get_last_action_kind (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->last_action_kind;
}

/* the day of what was planned next: a call back or a postponement, or the
 * day a payment was promised for; 0 if nothing is planned */
int
relance_customer_get_next_action_date (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->next_action_date;
}

/* "postponed" (the worklist leaves the customer alone until then) or
 * "promise" (a payment is promised for that day); "" if nothing is planned */
const char *
relance_customer_get_next_action_kind (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->next_action_kind;
}

/* why the customer was postponed ("Call back", "No answer"…); may be "" */
const char *
relance_customer_get_next_action_note (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), NULL);

  return self->next_action_note;
}

gboolean
relance_customer_get_archived (RelanceCustomer *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER (self), 0);

  return self->archived;
}
