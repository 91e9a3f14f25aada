/* relance-form.h
 *
 * What the desk's dialogs share: a modal window with Cancel and a Save
 * button bound to an action, a message at the top for what the ledger
 * refused, groups of rows, and the red row with its message under the
 * group for what is wrong as the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-date.h"

G_BEGIN_DECLS

typedef struct
{
  GtkBox      *content;       /* the groups go here */
  GtkWidget   *save_button;
  GtkLabel    *error_label;   /* what the ledger refused, at the top */
  GtkRevealer *error_revealer;
} RelanceForm;

void        relance_form_build        (AdwWindow   *window,
                                       RelanceForm *form,
                                       const char  *title,
                                       const char  *save_label,
                                       const char  *save_action);
AdwPreferencesGroup *relance_form_add_group (RelanceForm *form,
                                       const char  *title,
                                       const char  *description);
GtkLabel   *relance_form_add_message  (RelanceForm *form);
GtkWidget  *relance_form_add_entry    (AdwPreferencesGroup *group,
                                       const char  *title,
                                       GCallback    changed,
                                       gpointer     data);
GtkWidget  *relance_form_add_switch   (AdwPreferencesGroup *group,
                                       const char  *title,
                                       const char  *subtitle,
                                       GCallback    changed,
                                       gpointer     data);
void        relance_form_show_error   (RelanceForm *form,
                                       const char  *message);
char       *relance_form_dup_text     (GtkWidget   *row);
void        relance_form_set_text     (GtkWidget   *row,
                                       const char  *text);
void        relance_form_set_row_error (GtkWidget  *row,
                                       gboolean     error);
void        relance_form_set_message  (GtkLabel    *label,
                                       const char  *message,
                                       const char  *style);
gboolean    relance_form_parse_day    (GtkWidget   *row,
                                       RelanceDay  *day,
                                       char       **message);
gboolean    relance_form_parse_amount (GtkWidget   *row,
                                       gint64      *cents,
                                       char       **message);

G_END_DECLS
