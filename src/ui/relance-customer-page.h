/* relance-customer-page.h
 *
 * Everything about one customer, at a glance before a call: identity,
 * contacts, key figures, invoices, disputes, payments and the history of
 * what happened, with the buttons to act on them. Emits ::ledger-changed
 * after any write so that the window's lists read the ledger again, and
 * ::toast for what the user should be told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CUSTOMER_PAGE (relance_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCustomerPage, relance_customer_page, RELANCE, CUSTOMER_PAGE, GtkWidget)

GtkWidget *relance_customer_page_new           (void);
void       relance_customer_page_set_context   (RelanceCustomerPage *self,
                                                RelanceContext      *context);
gint64     relance_customer_page_get_customer  (RelanceCustomerPage *self);
void       relance_customer_page_set_customer  (RelanceCustomerPage *self,
                                                gint64               customer_id);
void       relance_customer_page_reload        (RelanceCustomerPage *self);
void       relance_customer_page_set_show_back (RelanceCustomerPage *self,
                                                gboolean             show_back);
GtkColumnView *relance_customer_page_get_invoice_list (RelanceCustomerPage *self);

G_END_DECLS
