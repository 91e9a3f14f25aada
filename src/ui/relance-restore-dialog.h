/* relance-restore-dialog.h
 *
 * Restore a backup from the window: the automatic backups, newest first,
 * or a file chosen; a confirmation; then the ledger shown again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_RESTORE_DIALOG (relance_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceRestoreDialog, relance_restore_dialog, RELANCE, RESTORE_DIALOG, AdwWindow)

GtkWidget *relance_restore_dialog_new     (RelanceWindow        *parent,
                                           const char           *dir);
void       relance_restore_dialog_confirm (RelanceRestoreDialog *self,
                                           const char           *path,
                                           const char           *label);
void       relance_restore_dialog_show    (GtkWidget            *widget,
                                           const char           *action_name,
                                           GVariant             *parameter);

G_END_DECLS
