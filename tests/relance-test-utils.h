/* relance-test-utils.h
 *
 * What the test programs share: cleaning up their folders, and (with a
 * display) waiting on the main loop and finding widgets in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*RelanceTestCondition) (gpointer data);
typedef gboolean (*RelanceTestMatch)     (GtkWidget *widget,
                                          gpointer   data);

void       relance_test_remove_tree             (const char           *path);

gboolean   relance_test_wait_until              (RelanceTestCondition  condition,
                                                 gpointer              data);
void       relance_test_spin                    (guint                 ms);
gboolean   relance_test_is_mapped               (gpointer              widget);
GtkWidget *relance_test_find_widget             (GtkWidget            *root,
                                                 RelanceTestMatch      match,
                                                 gpointer              data);
char      *relance_test_without_underscores     (const char           *text);
gboolean   relance_test_is_button_with_label    (GtkWidget            *widget,
                                                 gpointer              text);
gboolean   relance_test_is_entry_row_with_title (GtkWidget            *widget,
                                                 gpointer              title);
gboolean   relance_test_is_visible_label_containing (GtkWidget        *widget,
                                                 gpointer              text);
GtkWidget *relance_test_find_toplevel           (GType                 type);
gboolean   relance_test_no_toplevel             (gpointer              type);
GtkWidget *relance_test_wait_for_dialog         (GType                 type);

G_END_DECLS
