/* relance-chart.h
 *
 * A chart drawn on any cairo_t: the screen, a PNG, an SVG or a PDF. It
 * takes plain numbers and the strings to show; it never reads the ledger
 * and knows nothing of GTK. Bars (vertical or horizontal, grouped or
 * stacked), lines, and box plots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} RelanceChartRgba;

#define RELANCE_CHART_PALETTE_SIZE 6

typedef struct
{
  RelanceChartRgba background;
  RelanceChartRgba text;
  RelanceChartRgba dim_text;
  RelanceChartRgba grid;
  RelanceChartRgba axis;
  RelanceChartRgba palette[RELANCE_CHART_PALETTE_SIZE];
  const char      *font;        /* a Pango font family list */
} RelanceChartTheme;

typedef enum
{
  RELANCE_CHART_BAR,
  RELANCE_CHART_LINE,
  RELANCE_CHART_BOX,
} RelanceChartKind;

typedef enum
{
  RELANCE_CHART_FILE_PNG,
  RELANCE_CHART_FILE_SVG,
  RELANCE_CHART_FILE_PDF,
} RelanceChartFileType;

/* Writes @value (in the chart's unit: cents, days...) for people. */
typedef char *(*RelanceChartFormatFunc) (double   value,
                                         gpointer user_data);

typedef struct _RelanceChart RelanceChart;

const RelanceChartTheme *relance_chart_theme_light       (void);
const RelanceChartTheme *relance_chart_theme_dark        (void);
gboolean          relance_chart_rgba_parse               (const char             *hex,
                                                          RelanceChartRgba       *rgba);

RelanceChart     *relance_chart_new                      (RelanceChartKind        kind,
                                                          const char             *title);
RelanceChart     *relance_chart_ref                      (RelanceChart           *self);
void              relance_chart_unref                    (RelanceChart           *self);

RelanceChartKind  relance_chart_get_kind                 (RelanceChart           *self);
const char       *relance_chart_get_title                (RelanceChart           *self);
void              relance_chart_set_horizontal           (RelanceChart           *self,
                                                          gboolean                horizontal);
void              relance_chart_set_stacked              (RelanceChart           *self,
                                                          gboolean                stacked);
void              relance_chart_set_empty_text           (RelanceChart           *self,
                                                          const char             *text);
void              relance_chart_set_value_format         (RelanceChart           *self,
                                                          RelanceChartFormatFunc  format,
                                                          gpointer                user_data,
                                                          GDestroyNotify          destroy);
void              relance_chart_set_value_title          (RelanceChart           *self,
                                                          const char             *title);

guint             relance_chart_add_category             (RelanceChart           *self,
                                                          const char             *label,
                                                          const char             *key);
void              relance_chart_set_category_colour      (RelanceChart           *self,
                                                          guint                   category,
                                                          const RelanceChartRgba *colour);
guint             relance_chart_add_series               (RelanceChart           *self,
                                                          const char             *label,
                                                          const RelanceChartRgba *colour);
void              relance_chart_set_value                (RelanceChart           *self,
                                                          guint                   series,
                                                          guint                   category,
                                                          double                  value);
void              relance_chart_set_value_text           (RelanceChart           *self,
                                                          guint                   series,
                                                          guint                   category,
                                                          const char             *text);
void              relance_chart_set_box                  (RelanceChart           *self,
                                                          guint                   category,
                                                          double                  min,
                                                          double                  q1,
                                                          double                  median,
                                                          double                  q3,
                                                          double                  max);

guint             relance_chart_get_n_categories         (RelanceChart           *self);
guint             relance_chart_get_n_series             (RelanceChart           *self);
const char       *relance_chart_get_category_label       (RelanceChart           *self,
                                                          guint                   category);
const char       *relance_chart_get_category_key         (RelanceChart           *self,
                                                          guint                   category);
const char       *relance_chart_get_series_label         (RelanceChart           *self,
                                                          guint                   series);
double            relance_chart_get_value                (RelanceChart           *self,
                                                          guint                   series,
                                                          guint                   category);
char             *relance_chart_format_value             (RelanceChart           *self,
                                                          guint                   series,
                                                          guint                   category);
gboolean          relance_chart_is_empty                 (RelanceChart           *self);

void              relance_chart_draw                     (RelanceChart           *self,
                                                          cairo_t                *cr,
                                                          const RelanceChartTheme *theme,
                                                          double                  width,
                                                          double                  height);
gboolean          relance_chart_hit                      (RelanceChart           *self,
                                                          double                  x,
                                                          double                  y,
                                                          guint                  *series,
                                                          guint                  *category);
char             *relance_chart_describe_item            (RelanceChart           *self,
                                                          guint                   series,
                                                          guint                   category);
char             *relance_chart_describe                 (RelanceChart           *self);

gboolean          relance_chart_file_type_for_path       (const char             *path,
                                                          RelanceChartFileType   *type,
                                                          GError                **error);
gboolean          relance_chart_export                   (RelanceChart           *self,
                                                          const RelanceChartTheme *theme,
                                                          const char             *path,
                                                          double                  width,
                                                          double                  height,
                                                          GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceChart, relance_chart_unref)

G_END_DECLS
