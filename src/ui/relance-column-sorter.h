/* relance-column-sorter.h
 *
 * GtkColumnView draws clickable, sortable headers, but GTK 4.8 has no API to
 * ask its sorter which column it sorts by (that is 4.10). Each column gets a
 * RelanceColumnSorter naming a sort key of RelanceListModel; after the view
 * sorter changed, relance_column_sorter_probe() asks it to compare two probe
 * objects and learns which key came first and in which direction. The rows
 * themselves are sorted in SQL, never by GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RELANCE_TYPE_COLUMN_SORTER (relance_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (RelanceColumnSorter, relance_column_sorter, RELANCE, COLUMN_SORTER, GtkSorter)

GtkSorter  *relance_column_sorter_new     (const char  *key);
const char *relance_column_sorter_get_key (RelanceColumnSorter *self);
gboolean    relance_column_sorter_probe   (GtkSorter   *view_sorter,
                                           const char **key,
                                           gboolean    *descending);

G_END_DECLS
