/* relance-proceedings-dialog.h
 *
 * Customers in insolvency proceedings, in the window:
 * - the dialog that records them (kind, judgment, court, BODACC,
 *   mandataire, abroad) or, when they are open, how they ended (plan
 *   adopted, or closed for lack of assets with the debt written off);
 * - the rows the customer page shows about them (what the judgment
 *   changes, the deadline to declare the claim, the claim declared);
 * - writing the claim declaration: warned when late, saved as a PDF with
 *   GtkFileChooserNative and recorded in the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PROCEEDINGS_DIALOG (relance_proceedings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RelanceProceedingsDialog, relance_proceedings_dialog, RELANCE, PROCEEDINGS_DIALOG, AdwWindow)

/* Opens proceedings for @customer_id, or closes those open. ::saved
 * (const char *message) once written. */
GtkWidget *relance_proceedings_dialog_new   (GtkWindow      *parent,
                                             RelanceContext *context,
                                             gint64          customer_id);

/* Fills @list with the rows about @customer_id's proceedings on today;
 * FALSE (and @list empty) when there are none. The row of open
 * proceedings carries a button for customer.claim-declaration. */
gboolean   relance_proceedings_fill_list    (GtkListBox     *list,
                                             RelanceContext *context,
                                             gint64          customer_id);

/* Called once the declaration was saved and recorded (@message for a
 * toast), or failed (@error), or was cancelled (both NULL). */
typedef void (*RelanceClaimWrittenFunc) (const char   *message,
                                         const GError *error,
                                         gpointer      user_data);

void       relance_claim_declaration_write  (GtkWindow      *parent,
                                             RelanceContext *context,
                                             gint64          customer_id,
                                             RelanceClaimWrittenFunc done,
                                             gpointer        user_data);

G_END_DECLS
