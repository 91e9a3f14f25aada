/* relance-customer-dialog.h
 *
 * The "New Customer" dialog: the fields of a customer, written to the
 * ledger by relance_ledger_add_customer() when the user clicks Add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CUSTOMER_DIALOG (relance_customer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCustomerDialog, relance_customer_dialog, RELANCE, CUSTOMER_DIALOG, AdwWindow)

GtkWidget *relance_customer_dialog_new (GtkWindow      *parent,
                                        RelanceContext *context);

G_END_DECLS
