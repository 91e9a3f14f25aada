/* relance-window.h
 *
 * The main window: the customers, invoices and disputes of one ledger, or
 * the welcome page of an empty ledger, or why no ledger could be opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-application.h"
#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_WINDOW (relance_window_get_type ())

G_DECLARE_FINAL_TYPE (RelanceWindow, relance_window, RELANCE, WINDOW, AdwApplicationWindow)

GtkWidget      *relance_window_new               (RelanceApplication *app,
                                                  RelanceContext     *context);
RelanceContext *relance_window_get_context       (RelanceWindow      *self);
void            relance_window_set_context       (RelanceWindow      *self,
                                                  RelanceContext     *context);
void            relance_window_show_open_error   (RelanceWindow      *self,
                                                  const GError       *error);
const char     *relance_window_get_page          (RelanceWindow      *self);
const char     *relance_window_get_view          (RelanceWindow      *self);
void            relance_window_set_view          (RelanceWindow      *self,
                                                  const char         *name);
GtkColumnView  *relance_window_get_column_view   (RelanceWindow      *self,
                                                  const char         *name);
GtkSearchEntry *relance_window_get_search_entry  (RelanceWindow      *self,
                                                  const char         *name);
void            relance_window_add_toast         (RelanceWindow      *self,
                                                  AdwToast           *toast);

G_END_DECLS
