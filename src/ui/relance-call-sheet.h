/* relance-call-sheet.h
 *
 * The call sheet: before dialling, everything about the customer at a
 * glance (contacts, invoices concerned, disputes, payments, earlier
 * reminders, calls and promises); the script of the step filled with the
 * real figures; and the outcome form (promise, spoken to, refusal, dispute
 * found, call back, wrong contact, no answer, paid; who was reached and
 * what was said; an incoming call) whose Save records the call and what
 * follows from it. Opened from Today for the customer's call step, or from
 * the customer's page for any call made or received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"
#include "relance-work-row.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CALL_SHEET (relance_call_sheet_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCallSheet, relance_call_sheet, RELANCE, CALL_SHEET, AdwWindow)

GtkWidget *relance_call_sheet_new          (GtkWindow        *parent,
                                            RelanceContext   *context,
                                            RelanceWorkRow   *row,
                                            RelanceDay        date);
GtkWidget *relance_call_sheet_new_for_customer (GtkWindow       *parent,
                                                RelanceContext  *context,
                                                gint64           customer_id,
                                                RelanceDay       date,
                                                GError         **error);
void       relance_call_sheet_set_outcome  (RelanceCallSheet *self,
                                            RelanceOutcome    outcome);
void       relance_call_sheet_set_incoming (RelanceCallSheet *self,
                                            gboolean          incoming);
char      *relance_call_sheet_dup_script   (RelanceCallSheet *self);

G_END_DECLS
