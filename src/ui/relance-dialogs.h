/* relance-dialogs.h
 *
 * The forms of the collector's desk. Each is a modal AdwWindow that checks
 * what is typed as it is typed (the row turns red, a message says why, and
 * Save stays disabled), writes through the model, emits ::saved and closes.
 *
 * - relance-invoice-dialog.c: a new or edited invoice or credit note
 * - relance-payment-dialog.c: a payment allocated across invoices, what a
 *   payment left on account allocated later, or a credit note applied to
 *   invoices
 * - relance-dispute-dialog.c: a dispute opened on an invoice, or resolved
 * - relance-contact-dialog.c: a customer's contact, new or edited
 * - relance-customer-edit-dialog.c: a customer's identity, terms and
 *   credit limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_INVOICE_DIALOG (relance_invoice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelanceInvoiceDialog, relance_invoice_dialog, RELANCE, INVOICE_DIALOG, AdwWindow)

GtkWidget *relance_invoice_dialog_new         (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          customer_id,
                                               gint64          invoice_id);

#define RELANCE_TYPE_PAYMENT_DIALOG (relance_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelancePaymentDialog, relance_payment_dialog, RELANCE, PAYMENT_DIALOG, AdwWindow)

GtkWidget *relance_payment_dialog_new         (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          customer_id,
                                               gint64          credit_note_id);
GtkWidget *relance_payment_dialog_new_allocate (GtkWindow       *parent,
                                                RelanceContext  *context,
                                                gint64           payment_id,
                                                GError         **error);

#define RELANCE_TYPE_DISPUTE_DIALOG (relance_dispute_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelanceDisputeDialog, relance_dispute_dialog, RELANCE, DISPUTE_DIALOG, AdwWindow)

GtkWidget *relance_dispute_dialog_new_open    (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          invoice_id);
GtkWidget *relance_dispute_dialog_new_resolve (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          dispute_id);

#define RELANCE_TYPE_CONTACT_DIALOG (relance_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelanceContactDialog, relance_contact_dialog, RELANCE, CONTACT_DIALOG, AdwWindow)

GtkWidget *relance_civility_row_new           (void);
GtkWidget *relance_contact_dialog_new         (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          customer_id,
                                               gint64          contact_id);

#define RELANCE_TYPE_CUSTOMER_EDIT_DIALOG (relance_customer_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelanceCustomerEditDialog, relance_customer_edit_dialog, RELANCE, CUSTOMER_EDIT_DIALOG, AdwWindow)

GtkWidget *relance_customer_edit_dialog_new   (GtkWindow      *parent,
                                               RelanceContext *context,
                                               gint64          customer_id);

G_END_DECLS
