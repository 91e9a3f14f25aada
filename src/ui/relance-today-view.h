/* relance-today-view.h
 *
 * The Today view: the worklist of a day (today unless another is chosen),
 * grouped by channel with a count per group (calls, e-mails, letters,
 * formal notices, promises due, customers blocked by disputes); for each
 * customer the amount concerned, the oldest days overdue, the step and
 * why; and what to do with it: Do (the call sheet, the e-mail or letter to
 * send, the promise to check), Skip with a reason, Postpone to a day. The
 * list is computed in a worker thread on a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "relance-context.h"
#include "relance-worklist.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TODAY_VIEW (relance_today_view_get_type ())

/* The first tab: every item, whom to chase first at the top; the groups'
 * tabs are filters of it. */
#define RELANCE_TODAY_VIEW_ALL ((RelanceWorkGroup) RELANCE_WORK_N_GROUPS)

G_DECLARE_FINAL_TYPE (RelanceTodayView, relance_today_view, RELANCE, TODAY_VIEW, GtkBox)

GtkWidget        *relance_today_view_new          (void);
RelanceContext   *relance_today_view_get_context  (RelanceTodayView *self);
void              relance_today_view_set_context  (RelanceTodayView *self,
                                                   RelanceContext   *context);
void              relance_today_view_reload       (RelanceTodayView *self);
gboolean          relance_today_view_get_loading  (RelanceTodayView *self);
RelanceDay        relance_today_view_get_date     (RelanceTodayView *self);
void              relance_today_view_set_date     (RelanceTodayView *self,
                                                   RelanceDay        date);
RelanceWorkGroup  relance_today_view_get_group    (RelanceTodayView *self);
void              relance_today_view_set_group    (RelanceTodayView *self,
                                                   RelanceWorkGroup  group);
guint             relance_today_view_get_count    (RelanceTodayView *self,
                                                   RelanceWorkGroup  group);
GtkToggleButton  *relance_today_view_get_group_button (RelanceTodayView *self,
                                                   RelanceWorkGroup  group);
GtkColumnView    *relance_today_view_get_column_view (RelanceTodayView *self);

G_END_DECLS
