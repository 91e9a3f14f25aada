/* relance-import-window.h
 *
 * The import assistant: a CSV, FEC or Factur-X file chosen or dropped on
 * the window, its encoding and columns, a dry-run summary, then the import;
 * reading and importing run in a worker thread, with progress and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-window.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_IMPORT_WINDOW (relance_import_window_get_type ())

G_DECLARE_FINAL_TYPE (RelanceImportWindow, relance_import_window, RELANCE, IMPORT_WINDOW, AdwWindow)

GtkWidget *relance_import_window_new              (RelanceWindow *parent,
                                                   GFile         *file);
void       relance_import_window_choose_file      (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);
void       relance_import_window_add_drop_target  (RelanceWindow *window);

G_END_DECLS
