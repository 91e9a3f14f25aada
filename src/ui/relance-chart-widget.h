/* relance-chart-widget.h
 *
 * Shows a RelanceChart: drawn by src/charts on the widget's cairo context
 * in the theme's colours, a tooltip with the value under the pointer, and
 * an accessible description that states the numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "relance-chart.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CHART_WIDGET (relance_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (RelanceChartWidget, relance_chart_widget, RELANCE, CHART_WIDGET, GtkWidget)

GtkWidget               *relance_chart_widget_new       (void);
RelanceChart            *relance_chart_widget_get_chart (RelanceChartWidget *self);
void                     relance_chart_widget_set_chart (RelanceChartWidget *self,
                                                         RelanceChart       *chart);
const RelanceChartTheme *relance_chart_widget_get_theme (RelanceChartWidget *self);

G_END_DECLS
