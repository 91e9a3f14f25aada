/* relance-customer.h
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

#define RELANCE_TYPE_CUSTOMER (relance_customer_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCustomer, relance_customer, RELANCE, CUSTOMER, GObject)

gint64        relance_customer_get_id (RelanceCustomer *self);
const char * relance_customer_get_code (RelanceCustomer *self);
const char * relance_customer_get_name (RelanceCustomer *self);
const char * relance_customer_get_address (RelanceCustomer *self);
const char * relance_customer_get_postcode (RelanceCustomer *self);
const char * relance_customer_get_city (RelanceCustomer *self);
const char * relance_customer_get_country (RelanceCustomer *self);
const char * relance_customer_get_email (RelanceCustomer *self);
const char * relance_customer_get_phone (RelanceCustomer *self);
const char * relance_customer_get_segment (RelanceCustomer *self);
int           relance_customer_get_payment_terms (RelanceCustomer *self);
gint64        relance_customer_get_balance (RelanceCustomer *self);
gint64        relance_customer_get_overdue (RelanceCustomer *self);
int           relance_customer_get_days_overdue (RelanceCustomer *self);
gboolean      relance_customer_get_archived (RelanceCustomer *self);
int           relance_customer_get_last_action_date (RelanceCustomer *self);
const char *  relance_customer_get_last_action_kind (RelanceCustomer *self);
int           relance_customer_get_next_action_date (RelanceCustomer *self);
const char *  relance_customer_get_next_action_kind (RelanceCustomer *self);
const char *  relance_customer_get_next_action_note (RelanceCustomer *self);

G_END_DECLS
