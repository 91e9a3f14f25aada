/* relance-dashboard.h
 *
 * The dashboard view: the charts of a period and segment, each one also a
 * table, exported as PNG, SVG or PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_DASHBOARD (relance_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDashboard, relance_dashboard, RELANCE, DASHBOARD, GtkBox)

GtkWidget      *relance_dashboard_new         (void);
RelanceContext *relance_dashboard_get_context (RelanceDashboard *self);
void            relance_dashboard_set_context (RelanceDashboard *self,
                                               RelanceContext   *context);
void            relance_dashboard_reload      (RelanceDashboard *self);
gboolean        relance_dashboard_get_loading (RelanceDashboard *self);
GtkWidget      *relance_dashboard_get_chart   (RelanceDashboard *self,
                                               const char       *name);

G_END_DECLS
