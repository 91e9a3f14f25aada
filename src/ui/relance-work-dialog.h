/* relance-work-dialog.h
 *
 * The small dialogs of the Today view, for one customer's item:
 * - send: the invoices concerned and where to send, an e-mail prepared in
 *   the user's mail program, and "Mark as Sent" that records the e-mail,
 *   letter or formal notice;
 * - promise: a promise whose day came, the payments since it was made,
 *   and what to do (call, or postpone);
 * - skip: the reason a step is not done;
 * - postpone: the day the customer comes back into the list.
 * Each writes through the model, emits ::saved with a message for a toast
 * and closes; what was typed wrong is said under the field, Save disabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"
#include "relance-work-row.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_WORK_DIALOG (relance_work_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceWorkDialog, relance_work_dialog, RELANCE, WORK_DIALOG, AdwWindow)

GtkWidget *relance_work_dialog_new_send     (GtkWindow      *parent,
                                             RelanceContext *context,
                                             RelanceWorkRow *row,
                                             RelanceDay      date);
GtkWidget *relance_work_dialog_new_promise  (GtkWindow      *parent,
                                             RelanceContext *context,
                                             RelanceWorkRow *row,
                                             RelanceDay      date);
GtkWidget *relance_work_dialog_new_skip     (GtkWindow      *parent,
                                             RelanceContext *context,
                                             RelanceWorkRow *row,
                                             RelanceDay      date);
GtkWidget *relance_work_dialog_new_postpone (GtkWindow      *parent,
                                             RelanceContext *context,
                                             RelanceWorkRow *row,
                                             RelanceDay      date);

/* For the e-mail sent (the mailto: link of the send dialog): the step's
 * template merged with the customer's invoices. NULL with @error set when
 * it cannot be written. */
char      *relance_work_dialog_dup_mailto   (RelanceContext *context,
                                             RelanceWorkRow *row,
                                             RelanceDay      date,
                                             const char     *address,
                                             char          **warning,
                                             GError        **error);

G_END_DECLS
