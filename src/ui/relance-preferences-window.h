/* relance-preferences-window.h
 *
 * The Preferences: the dispute causes of the open ledger, the payment
 * terms proposed for new customers and how many backups an import keeps;
 * on the Collections page (relance-collections-page.h), the ledger's
 * target groups, scenarios, interest rates and collection settings.
 * Every change is saved at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_PREFERENCES_WINDOW (relance_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RelancePreferencesWindow, relance_preferences_window, RELANCE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *relance_preferences_window_new (GtkWindow      *parent,
                                           RelanceContext *context);

/* Who records actions from the window, and their title (see the .c). */
char      *relance_preferences_dup_user_name  (RelanceContext *context);
char      *relance_preferences_dup_user_title (RelanceContext *context);
const char *relance_preferences_get_user_name (RelanceContext *context);

G_END_DECLS
