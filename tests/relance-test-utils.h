/* relance-test-utils.h
 *
 * What the test programs share: cleaning up their folders, running a
 * program such as relance-cli and capturing what it printed, and (with a
 * display) waiting on the main loop and finding widgets in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a program run by relance_test_run() left: its exit status (-1 if
 * it did not exit normally) and everything it wrote. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RelanceTestRun;

typedef gboolean (*RelanceTestCondition) (gpointer data);
typedef gboolean (*RelanceTestMatch)     (GtkWidget *widget,
                                          gpointer   data);

void       relance_test_remove_tree             (const char           *path);

RelanceTestRun *relance_test_run_argv           (const char           *program,
                                                 const char           *db,
                                                 const char           *data_home,
                                                 const char * const   *args);
RelanceTestRun *relance_test_run_valist         (const char           *program,
                                                 const char           *db,
                                                 const char           *data_home,
                                                 const char           *first_arg,
                                                 va_list               ap);
RelanceTestRun *relance_test_run                (const char           *program,
                                                 const char           *db,
                                                 const char           *data_home,
                                                 const char           *first_arg,
                                                 ...) G_GNUC_NULL_TERMINATED;
void       relance_test_run_free                (RelanceTestRun       *run);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceTestRun, relance_test_run_free)

G_END_DECLS
