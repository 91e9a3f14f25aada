/* relance-chart-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "relance-chart-widget.h"

struct _RelanceChartWidget
{
  GtkWidget     parent_instance;

  RelanceChart *chart;
  gboolean      pointing;     /* the pointer is on an item with a key */
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceChartWidget, relance_chart_widget, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_accessible (RelanceChartWidget *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = relance_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, relance_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_dark_changed_cb (RelanceChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (RelanceChartWidget       *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  guint series, category;
  gboolean pointing = FALSE;

  if (self->chart != NULL && relance_chart_hit (self->chart, x, y, &series, &category))
    pointing = relance_chart_get_category_key (self->chart, category) != NULL;

  if (pointing != self->pointing)
    {
      self->pointing = pointing;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), pointing ? "pointer" : NULL);
    }
}

static void
on_released_cb (RelanceChartWidget *self,
                int                 n_press,
                double              x,
                double              y,
                GtkGestureClick    *gesture)
{
  guint series, category;
  const char *key;

  if (self->chart == NULL || !relance_chart_hit (self->chart, x, y, &series, &category))
    return;

  key = relance_chart_get_category_key (self->chart, category);
  if (key != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, key);
}

static void
relance_chart_widget_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RelanceChartWidget *self = RELANCE_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  relance_chart_draw (self->chart, cr, relance_chart_widget_get_theme (self), width, height);
  cairo_destroy (cr);
}

static void
relance_chart_widget_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 460 : 300;
}

static gboolean
relance_chart_widget_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip)
{
  RelanceChartWidget *self = RELANCE_CHART_WIDGET (widget);
  g_autofree char *text = NULL;
  guint series, category;

  if (self->chart == NULL || keyboard || !relance_chart_hit (self->chart, x, y, &series, &category))
    return FALSE;

  text = relance_chart_describe_item (self->chart, series, category);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
relance_chart_widget_dispose (GObject *object)
{
  RelanceChartWidget *self = (RelanceChartWidget *)object;

  g_clear_pointer (&self->chart, relance_chart_unref);

  G_OBJECT_CLASS (relance_chart_widget_parent_class)->dispose (object);
}

static void
relance_chart_widget_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RelanceChartWidget *self = RELANCE_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_pointer (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_chart_widget_class_init (RelanceChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_chart_widget_dispose;
  object_class->get_property = relance_chart_widget_get_property;

  widget_class->snapshot = relance_chart_widget_snapshot;
  widget_class->measure = relance_chart_widget_measure;
  widget_class->query_tooltip = relance_chart_widget_query_tooltip;

  /**
   * RelanceChartWidget:chart:
   *
   * The chart shown (a RelanceChart, not a GObject).
   */
  properties[PROP_CHART] =
    g_param_spec_pointer ("chart", NULL, NULL,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelanceChartWidget::item-activated:
   * @key: the key of the category clicked (a cause code)
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
relance_chart_widget_init (RelanceChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
relance_chart_widget_new (void)
{
  return g_object_new (RELANCE_TYPE_CHART_WIDGET, NULL);
}

/**
 * relance_chart_widget_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
RelanceChart *
relance_chart_widget_get_chart (RelanceChartWidget *self)
{
  g_return_val_if_fail (RELANCE_IS_CHART_WIDGET (self), NULL);

  return self->chart;
}

/**
 * relance_chart_widget_set_chart:
 * @chart: (nullable): the chart to show
 */
void
relance_chart_widget_set_chart (RelanceChartWidget *self,
                                RelanceChart       *chart)
{
  g_return_if_fail (RELANCE_IS_CHART_WIDGET (self));

  if (chart == self->chart)
    return;

  if (chart != NULL)
    relance_chart_ref (chart);
  g_clear_pointer (&self->chart, relance_chart_unref);
  self->chart = chart;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * relance_chart_widget_get_theme:
 *
 * Returns: (transfer none): the chart colours that go with the style: dark
 *   or light
 */
const RelanceChartTheme *
relance_chart_widget_get_theme (RelanceChartWidget *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? relance_chart_theme_dark () : relance_chart_theme_light ();
}
