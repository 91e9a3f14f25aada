/* relance-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "relance-chart.h"
#include "relance-error.h"

typedef struct
{
  char             *label;
  char             *key;
  RelanceChartRgba  colour;
  gboolean          has_colour;
  double            box[5];       /* min, q1, median, q3, max */
  gboolean          has_box;
} Category;

typedef struct
{
  char             *label;
  RelanceChartRgba  colour;
  gboolean          has_colour;
  GArray           *values;       /* double, NAN for none */
  GPtrArray        *texts;        /* char *, NULL for the formatted value */
} Series;

typedef struct
{
  double x, y, width, height;
  guint  series;
  guint  category;
} HitBox;

struct _RelanceChart
{
  gatomicrefcount         ref_count;
  RelanceChartKind        kind;
  char                   *title;
  char                   *empty_text;
  char                   *value_title;
  gboolean                horizontal;
  gboolean                stacked;
  RelanceChartFormatFunc  format;
  gpointer                format_data;
  GDestroyNotify          format_destroy;
  GPtrArray              *categories;
  GPtrArray              *series;
  GArray                 *hits;        /* HitBox, from the last drawing */
};

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Maps a value to a pixel along the value axis. */
typedef struct
{
  double low, high;         /* values */
  double from, to;          /* pixels of low and high */
} Scale;

#define PADDING 12.0
#define TEXT_PX 12
#define TITLE_PX 14
#define SWATCH 10.0

static const RelanceChartTheme light_theme = {
  .background = { 1, 1, 1, 1 },
  .text = { 0.14, 0.14, 0.14, 1 },
  .dim_text = { 0.37, 0.37, 0.39, 1 },
  .grid = { 0, 0, 0, 0.10 },
  .axis = { 0, 0, 0, 0.45 },
  .palette = {
    { 0.208, 0.518, 0.894, 1 },   /* blue 3 */
    { 0.902, 0.380, 0.000, 1 },   /* orange 5 */
    { 0.569, 0.255, 0.675, 1 },   /* purple 3 */
    { 0.180, 0.761, 0.494, 1 },   /* green 4 */
    { 0.878, 0.106, 0.141, 1 },   /* red 3 */
    { 0.965, 0.827, 0.176, 1 },   /* yellow 4 */
  },
  .font = "Cantarell, Sans",
};

static const RelanceChartTheme dark_theme = {
  .background = { 0.141, 0.141, 0.141, 1 },
  .text = { 1, 1, 1, 1 },
  .dim_text = { 0.75, 0.75, 0.75, 1 },
  .grid = { 1, 1, 1, 0.12 },
  .axis = { 1, 1, 1, 0.50 },
  .palette = {
    { 0.384, 0.627, 0.918, 1 },
    { 1.000, 0.639, 0.282, 1 },
    { 0.753, 0.380, 0.796, 1 },
    { 0.341, 0.890, 0.537, 1 },
    { 0.965, 0.380, 0.318, 1 },
    { 0.973, 0.894, 0.361, 1 },
  },
  .font = "Cantarell, Sans",
};

static void
category_free (Category *category)
{
  g_free (category->label);
  g_free (category->key);
  g_free (category);
}

static void
series_free (Series *series)
{
  g_free (series->label);
  g_array_unref (series->values);
  g_ptr_array_unref (series->texts);
  g_free (series);
}

static void
set_source (cairo_t                *cr,
            const RelanceChartRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

static char *
format_default (double   value,
                gpointer user_data)
{
  if (value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format (RelanceChart *self,
        double        value)
{
  if (self->format != NULL)
    return self->format (value, self->format_data);
  return format_default (value, NULL);
}

static Series *
get_series (RelanceChart *self,
            guint         series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_ptr_array_index (self->series, series);
}

static Category *
get_category (RelanceChart *self,
              guint         category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

static const RelanceChartRgba *
colour_for (RelanceChart            *self,
            const RelanceChartTheme *theme,
            guint                    series,
            guint                    category)
{
  Series *s = g_ptr_array_index (self->series, series);
  Category *c = category < self->categories->len ? g_ptr_array_index (self->categories, category) : NULL;

  /* One series: each category may bring its own colour (a dispute cause). */
  if ((self->series->len <= 1 || self->kind == RELANCE_CHART_BOX) && c != NULL && c->has_colour)
    return &c->colour;
  if (s->has_colour)
    return &s->colour;
  return &theme->palette[series % RELANCE_CHART_PALETTE_SIZE];
}

static PangoLayout *
new_layout (cairo_t                 *cr,
            const RelanceChartTheme *theme,
            int                      px,
            gboolean                 bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (theme->font ? theme->font : "Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The same metrics on every surface, so a PNG looks like the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  return layout;
}

/* Sets @text, ellipsized to @max_width pixels when it is positive. */
static void
set_text (PangoLayout *layout,
          const char  *text,
          double       max_width)
{
  pango_layout_set_text (layout, text ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Draws @text with its top left corner at (@x, @y), aligned in @width. */
static void
draw_text (cairo_t                *cr,
           PangoLayout            *layout,
           const RelanceChartRgba *colour,
           const char             *text,
           double                  x,
           double                  y,
           double                  width,
           PangoAlignment          alignment)
{
  set_text (layout, text, width);
  pango_layout_set_alignment (layout, alignment);
  set_source (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A step of 1, 2, 2.5 or 5 times a power of ten giving about @target
 * intervals over @span; whole numbers only when @integral. */
static double
nice_step (double   span,
           int      target,
           gboolean integral)
{
  double raw = span / MAX (target, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double normal = raw / magnitude;
  double step;

  if (normal <= 1)
    step = 1;
  else if (normal <= 2)
    step = 2;
  else if (normal <= 2.5 && !(integral && magnitude < 10))
    step = 2.5;
  else if (normal <= 5)
    step = 5;
  else
    step = 10;

  step *= magnitude;
  if (integral && step < 1)
    step = 1;

  return step;
}

/* A nice step for the value axis, with about one tick every 60 pixels, and
 * fewer when the labels of a horizontal axis would touch. Rounds @scale
 * out to whole steps. */
static double
choose_step (RelanceChart *self,
             PangoLayout  *layout,
             Scale        *scale,
             gboolean      integral,
             gboolean      horizontal,
             const Box    *region)
{
  /* The categories' labels take up to 40 % of a horizontal chart's width. */
  double axis = horizontal ? (region->x1 - region->x0) * 0.6 : region->y1 - region->y0;
  double low = scale->low, high = scale->high, step = 1;

  for (int target = CLAMP ((int)(axis / 60), 2, 8); target >= 1; target--)
    {
      double widest = 0;
      guint n_ticks;

      step = nice_step (high - low, target, integral);
      scale->low = floor (low / step) * step;
      scale->high = ceil (high / step) * step;
      if (!horizontal)
        break;

      n_ticks = (guint)llround ((scale->high - scale->low) / step);
      for (guint i = 0; i <= n_ticks; i++)
        {
          g_autofree char *text = format (self, scale->low + i * step);
          double w;

          set_text (layout, text, -1);
          text_size (layout, &w, NULL);
          widest = MAX (widest, w);
        }
      if ((n_ticks + 1) * (widest + 12) <= axis)
        break;
    }

  return step;
}

static gboolean
value_is_set (double value)
{
  return !isnan (value) && !isinf (value);
}

/* The values' range, 0 included, and whether they are all whole numbers. */
static gboolean
find_range (RelanceChart *self,
            double       *low,
            double       *high,
            gboolean     *integral)
{
  gboolean any = FALSE;

  *low = 0;
  *high = 0;
  *integral = TRUE;

  if (self->kind == RELANCE_CHART_BOX)
    {
      for (guint c = 0; c < self->categories->len; c++)
        {
          Category *category = g_ptr_array_index (self->categories, c);

          if (!category->has_box)
            continue;
          any = TRUE;
          for (guint i = 0; i < 5; i++)
            {
              *low = MIN (*low, category->box[i]);
              *high = MAX (*high, category->box[i]);
              *integral = *integral && category->box[i] == floor (category->box[i]);
            }
        }
      return any;
    }

  for (guint c = 0; c < self->categories->len; c++)
    {
      double positive = 0, negative = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double value = relance_chart_get_value (self, s, c);

          if (!value_is_set (value))
            continue;
          any = TRUE;
          *integral = *integral && value == floor (value);
          if (self->stacked && self->kind == RELANCE_CHART_BAR)
            {
              if (value >= 0)
                positive += value;
              else
                negative += value;
            }
          else
            {
              *low = MIN (*low, value);
              *high = MAX (*high, value);
            }
        }
      *low = MIN (*low, negative);
      *high = MAX (*high, positive);
    }

  return any;
}

static void
add_hit (RelanceChart *self,
         double        x0,
         double        y0,
         double        x1,
         double        y1,
         guint         series,
         guint         category)
{
  HitBox hit = { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0), series, category };

  g_array_append_val (self->hits, hit);
}

static void
draw_legend (RelanceChart            *self,
             cairo_t                 *cr,
             const RelanceChartTheme *theme,
             PangoLayout             *layout,
             double                   x,
             double                  *y,
             double                   width)
{
  double line_x = x, line_h = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double w, h;

      set_text (layout, series->label, width - SWATCH - 6);
      text_size (layout, &w, &h);
      if (line_x > x && line_x + SWATCH + 6 + w > x + width)
        {
          line_x = x;
          *y += line_h + 4;
        }

      set_source (cr, colour_for (self, theme, s, G_MAXUINT));
      cairo_rectangle (cr, line_x, *y + (h - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill (cr);
      draw_text (cr, layout, &theme->text, series->label, line_x + SWATCH + 6, *y,
                 width - SWATCH - 6, PANGO_ALIGN_LEFT);
      line_x += SWATCH + 6 + w + 16;
      line_h = MAX (line_h, h);
    }

  *y += line_h + 8;
}

static double
scale_map (const Scale *scale,
           double       value)
{
  return scale->from + (value - scale->low) / (scale->high - scale->low) * (scale->to - scale->from);
}

static void
draw_bars (RelanceChart            *self,
           cairo_t                 *cr,
           const RelanceChartTheme *theme,
           PangoLayout             *layout,
           const Box               *plot,
           const Scale             *scale)
{
  guint n_categories = self->categories->len;
  guint n_series = MAX (self->series->len, 1);
  double length = self->horizontal ? plot->y1 - plot->y0 : plot->x1 - plot->x0;
  double slot = length / n_categories;
  double group = slot * (n_series > 1 && !self->stacked ? 0.8 : 0.66);
  double thickness = self->stacked ? group : group / n_series;

  for (guint c = 0; c < n_categories; c++)
    {
      double start = (self->horizontal ? plot->y0 : plot->x0) + c * slot + (slot - group) / 2;
      double positive = 0, negative = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double value = relance_chart_get_value (self, s, c);
          double base = 0, across, a, b;

          if (!value_is_set (value))
            continue;

          if (self->stacked)
            {
              base = value >= 0 ? positive : negative;
              if (value >= 0)
                positive += value;
              else
                negative += value;
              across = start;
            }
          else
            across = start + s * thickness;

          a = scale_map (scale, base);
          b = scale_map (scale, base + value);

          set_source (cr, colour_for (self, theme, s, c));
          if (self->horizontal)
            {
              cairo_rectangle (cr, MIN (a, b), across, fabs (b - a), thickness);
              add_hit (self, a, across, b, across + thickness, s, c);
            }
          else
            {
              cairo_rectangle (cr, across, MIN (a, b), thickness, fabs (b - a));
              add_hit (self, across, a, across + thickness, b, s, c);
            }
          cairo_fill (cr);

          /* One series of horizontal bars: the value after the bar. */
          if (self->horizontal && self->series->len == 1)
            {
              g_autofree char *text = relance_chart_format_value (self, s, c);
              double w, h, room;

              set_text (layout, text, -1);
              text_size (layout, &w, &h);
              room = value >= 0 ? plot->x1 - b - 4 : b - plot->x0 - 4;
              if (h > thickness + 4)
                continue;
              if (w <= room)
                draw_text (cr, layout, &theme->text, text,
                           value >= 0 ? b + 4 : b - 4 - w,
                           across + (thickness - h) / 2, -1, PANGO_ALIGN_LEFT);
              else if (w + 8 <= fabs (b - a))
                {
                  /* No room after the bar: inside its end, in white. */
                  static const RelanceChartRgba white = { 1, 1, 1, 1 };

                  draw_text (cr, layout, &white, text,
                             value >= 0 ? b - 4 - w : b + 4,
                             across + (thickness - h) / 2, -1, PANGO_ALIGN_LEFT);
                }
            }
        }
    }
}

static void
draw_lines (RelanceChart            *self,
            cairo_t                 *cr,
            const RelanceChartTheme *theme,
            const Box               *plot,
            const Scale             *scale)
{
  guint n_categories = self->categories->len;
  double slot = (plot->x1 - plot->x0) / n_categories;

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint s = 0; s < self->series->len; s++)
    {
      gboolean drawing = FALSE;

      set_source (cr, colour_for (self, theme, s, G_MAXUINT));
      for (guint c = 0; c < n_categories; c++)
        {
          double value = relance_chart_get_value (self, s, c);
          double x = plot->x0 + (c + 0.5) * slot;
          double y;

          if (!value_is_set (value))
            {
              drawing = FALSE;
              continue;
            }
          y = scale_map (scale, value);
          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          drawing = TRUE;
        }
      cairo_stroke (cr);

      for (guint c = 0; c < n_categories; c++)
        {
          double value = relance_chart_get_value (self, s, c);
          double x = plot->x0 + (c + 0.5) * slot;
          double y;

          if (!value_is_set (value))
            continue;
          y = scale_map (scale, value);
          cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          add_hit (self, x - MAX (slot / 2, 6), y - 8, x + MAX (slot / 2, 6), y + 8, s, c);
        }
    }
}

static void
draw_boxes (RelanceChart            *self,
            cairo_t                 *cr,
            const RelanceChartTheme *theme,
            const Box               *plot,
            const Scale             *scale)
{
  guint n_categories = self->categories->len;
  double slot = (plot->x1 - plot->x0) / n_categories;
  double width = MIN (slot * 0.45, 60);

  cairo_set_line_width (cr, 1.5);

  for (guint c = 0; c < n_categories; c++)
    {
      Category *category = g_ptr_array_index (self->categories, c);
      const RelanceChartRgba *colour;
      double x = plot->x0 + (c + 0.5) * slot;
      double y[5];

      if (!category->has_box)
        continue;

      colour = category->has_colour ? &category->colour : &theme->palette[c % RELANCE_CHART_PALETTE_SIZE];
      for (guint i = 0; i < 5; i++)
        y[i] = scale_map (scale, category->box[i]);

      /* Whiskers from the quickest to the slowest. */
      set_source (cr, colour);
      cairo_move_to (cr, x, y[0]);
      cairo_line_to (cr, x, y[1]);
      cairo_move_to (cr, x, y[3]);
      cairo_line_to (cr, x, y[4]);
      cairo_move_to (cr, x - width / 4, y[0]);
      cairo_line_to (cr, x + width / 4, y[0]);
      cairo_move_to (cr, x - width / 4, y[4]);
      cairo_line_to (cr, x + width / 4, y[4]);
      cairo_stroke (cr);

      /* The box from the first to the third quartile. */
      cairo_rectangle (cr, x - width / 2, MIN (y[1], y[3]), width, MAX (fabs (y[3] - y[1]), 1));
      cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, 0.35);
      cairo_fill_preserve (cr);
      set_source (cr, colour);
      cairo_stroke (cr);

      /* The median. */
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, x - width / 2, y[2]);
      cairo_line_to (cr, x + width / 2, y[2]);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1.5);

      add_hit (self, x - slot / 2, MIN (y[0], y[4]) - 4, x + slot / 2, MAX (y[0], y[4]) + 4, 0, c);
    }
}

static void
draw_axes (RelanceChart            *self,
           cairo_t                 *cr,
           const RelanceChartTheme *theme,
           PangoLayout             *layout,
           const Box               *region,
           Box                     *plot,
           Scale                   *scale,
           double                   step)
{
  gboolean horizontal = self->horizontal && self->kind == RELANCE_CHART_BAR;
  guint n_categories = self->categories->len;
  double tick_w = 0, tick_h = 0, category_w = 0, category_h = 0, slot;
  guint every;
  guint n_ticks = (guint)llround ((scale->high - scale->low) / step);

  /* Measure the labels. */
  for (guint i = 0; i <= n_ticks; i++)
    {
      g_autofree char *text = format (self, scale->low + i * step);
      double w, h;

      set_text (layout, text, -1);
      text_size (layout, &w, &h);
      tick_w = MAX (tick_w, w);
      tick_h = MAX (tick_h, h);
    }
  for (guint c = 0; c < n_categories; c++)
    {
      double w, h;

      set_text (layout, get_category (self, c)->label, -1);
      text_size (layout, &w, &h);
      category_w = MAX (category_w, w);
      category_h = MAX (category_h, h);
    }

  if (horizontal)
    {
      category_w = MIN (category_w, (region->x1 - region->x0) * 0.4);
      plot->x0 = region->x0 + category_w + 8;
      plot->x1 = region->x1 - tick_w / 2;
      plot->y0 = region->y0;
      plot->y1 = region->y1 - tick_h - 4;
      scale->from = plot->x0;
      scale->to = plot->x1;
    }
  else
    {
      plot->x0 = region->x0 + tick_w + 8;
      plot->x1 = region->x1;
      plot->y0 = region->y0 + tick_h / 2;
      plot->y1 = region->y1 - category_h - 4;
      scale->from = plot->y1;
      scale->to = plot->y0;
    }

  if (plot->x1 - plot->x0 < 8 || plot->y1 - plot->y0 < 8)
    return;

  /* The grid and the value axis's labels. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= n_ticks; i++)
    {
      double value = scale->low + i * step;
      g_autofree char *text = format (self, value);
      double p = round (scale_map (scale, value)) + 0.5;
      double w, h;

      set_source (cr, value == 0 ? &theme->axis : &theme->grid);
      if (horizontal)
        {
          cairo_move_to (cr, p, plot->y0);
          cairo_line_to (cr, p, plot->y1);
        }
      else
        {
          cairo_move_to (cr, plot->x0, p);
          cairo_line_to (cr, plot->x1, p);
        }
      cairo_stroke (cr);

      set_text (layout, text, -1);
      text_size (layout, &w, &h);
      if (horizontal)
        draw_text (cr, layout, &theme->dim_text, text,
                   CLAMP (p - w / 2, region->x0, region->x1 - w), plot->y1 + 4, -1, PANGO_ALIGN_LEFT);
      else
        draw_text (cr, layout, &theme->dim_text, text,
                   plot->x0 - 8 - w, p - h / 2, -1, PANGO_ALIGN_LEFT);
    }

  /* The categories' labels; along the bottom, one in @every when they
   * would not fit side by side (months of a long period). */
  slot = (horizontal ? plot->y1 - plot->y0 : plot->x1 - plot->x0) / MAX (n_categories, 1);
  every = horizontal || category_w + 8 <= slot ? 1 : (guint)ceil ((category_w + 8) / MAX (slot, 1));
  for (guint c = 0; c < n_categories; c++)
    {
      const char *label = get_category (self, c)->label;

      if (horizontal)
        {
          double h;

          set_text (layout, label, category_w);
          text_size (layout, NULL, &h);
          draw_text (cr, layout, &theme->text, label,
                     region->x0, plot->y0 + (c + 0.5) * slot - h / 2, category_w, PANGO_ALIGN_RIGHT);
        }
      else if (c % every == 0)
        {
          /* Centred under its slot, across the slots of the labels left out. */
          double room = MIN (every * slot, region->x1 - region->x0);
          double x = CLAMP (plot->x0 + (c + 0.5) * slot - room / 2, region->x0, region->x1 - room);

          draw_text (cr, layout, &theme->text, label, x, plot->y1 + 4, room, PANGO_ALIGN_CENTER);
        }
    }
}

/* Public API */

/**
 * relance_chart_theme_light:
 *
 * Returns: (transfer none): the colours on a light background
 */
const RelanceChartTheme *
relance_chart_theme_light (void)
{
  return &light_theme;
}

/**
 * relance_chart_theme_dark:
 *
 * Returns: (transfer none): the colours on a dark background
 */
const RelanceChartTheme *
relance_chart_theme_dark (void)
{
  return &dark_theme;
}

/**
 * relance_chart_rgba_parse:
 * @hex: "#rrggbb", as the dispute causes store their colour
 *
 * Returns: %TRUE if @hex was a colour
 */
gboolean
relance_chart_rgba_parse (const char       *hex,
                          RelanceChartRgba *rgba)
{
  guint64 value;

  g_return_val_if_fail (rgba != NULL, FALSE);

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7 ||
      !g_ascii_string_to_unsigned (hex + 1, 16, 0, 0xffffff, &value, NULL))
    return FALSE;

  rgba->red = ((value >> 16) & 0xff) / 255.0;
  rgba->green = ((value >> 8) & 0xff) / 255.0;
  rgba->blue = (value & 0xff) / 255.0;
  rgba->alpha = 1;
  return TRUE;
}

/**
 * relance_chart_new:
 * @kind: bars, lines or boxes
 * @title: (nullable): what the chart shows, drawn above it
 *
 * Returns: (transfer full): a chart with no data
 */
RelanceChart *
relance_chart_new (RelanceChartKind  kind,
                   const char       *title)
{
  RelanceChart *self = g_new0 (RelanceChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify)category_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)series_free);
  self->hits = g_array_new (FALSE, FALSE, sizeof (HitBox));

  return self;
}

RelanceChart *
relance_chart_ref (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
relance_chart_unref (RelanceChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  g_free (self->title);
  g_free (self->empty_text);
  g_free (self->value_title);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_array_unref (self->hits);
  g_free (self);
}

RelanceChartKind
relance_chart_get_kind (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, RELANCE_CHART_BAR);
  return self->kind;
}

const char *
relance_chart_get_title (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title ? self->title : "";
}

/**
 * relance_chart_set_horizontal:
 *
 * Bars along the horizontal axis, categories down the side; only for bars.
 */
void
relance_chart_set_horizontal (RelanceChart *self,
                              gboolean      horizontal)
{
  g_return_if_fail (self != NULL);
  self->horizontal = !!horizontal;
}

/**
 * relance_chart_set_stacked:
 *
 * The series of a category on top of each other rather than side by side.
 */
void
relance_chart_set_stacked (RelanceChart *self,
                           gboolean      stacked)
{
  g_return_if_fail (self != NULL);
  self->stacked = !!stacked;
}

/**
 * relance_chart_set_empty_text:
 * @text: (nullable): what to say when there is nothing to draw
 */
void
relance_chart_set_empty_text (RelanceChart *self,
                              const char   *text)
{
  g_return_if_fail (self != NULL);
  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

/**
 * relance_chart_set_value_format:
 * @format: (nullable): writes a value (an axis tick, a bar) for people
 */
void
relance_chart_set_value_format (RelanceChart           *self,
                                RelanceChartFormatFunc  format_func,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (self != NULL);

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = format_func;
  self->format_data = user_data;
  self->format_destroy = destroy;
}

/**
 * relance_chart_set_value_title:
 * @title: (nullable): what the values are ("Days", "Amount"), for tables
 */
void
relance_chart_set_value_title (RelanceChart *self,
                               const char   *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->value_title);
  self->value_title = g_strdup (title);
}

/**
 * relance_chart_add_category:
 * @label: what the axis shows
 * @key: (nullable): what the caller knows the category by (a cause code)
 *
 * Returns: the category's index
 */
guint
relance_chart_add_category (RelanceChart *self,
                            const char   *label,
                            const char   *key)
{
  Category *category;

  g_return_val_if_fail (self != NULL, 0);

  category = g_new0 (Category, 1);
  category->label = g_strdup (label ? label : "");
  category->key = g_strdup (key);
  g_ptr_array_add (self->categories, category);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double none = NAN;

      g_array_append_val (series->values, none);
      g_ptr_array_add (series->texts, NULL);
    }

  return self->categories->len - 1;
}

void
relance_chart_set_category_colour (RelanceChart           *self,
                                   guint                   category,
                                   const RelanceChartRgba *colour)
{
  Category *c;

  g_return_if_fail (self != NULL);
  c = get_category (self, category);
  g_return_if_fail (c != NULL);

  c->has_colour = colour != NULL;
  if (colour != NULL)
    c->colour = *colour;
}

/**
 * relance_chart_add_series:
 * @label: the legend's text
 * @colour: (nullable): its colour; the theme's palette if %NULL
 *
 * Returns: the series' index
 */
guint
relance_chart_add_series (RelanceChart           *self,
                          const char             *label,
                          const RelanceChartRgba *colour)
{
  Series *series;

  g_return_val_if_fail (self != NULL, 0);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label ? label : "");
  series->has_colour = colour != NULL;
  if (colour != NULL)
    series->colour = *colour;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  series->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->categories->len; c++)
    {
      double none = NAN;

      g_array_append_val (series->values, none);
      g_ptr_array_add (series->texts, NULL);
    }
  g_ptr_array_add (self->series, series);

  return self->series->len - 1;
}

/**
 * relance_chart_set_value:
 * @value: the value, or NAN for none (a gap in a line)
 */
void
relance_chart_set_value (RelanceChart *self,
                         guint         series,
                         guint         category,
                         double        value)
{
  Series *s;

  g_return_if_fail (self != NULL);
  s = get_series (self, series);
  g_return_if_fail (s != NULL && category < self->categories->len);

  g_array_index (s->values, double, category) = value;
}

/**
 * relance_chart_set_value_text:
 * @text: (nullable): what tooltips, tables and labels show for the value,
 *   instead of the formatted value ("12 · 4 500,00 €")
 */
void
relance_chart_set_value_text (RelanceChart *self,
                              guint         series,
                              guint         category,
                              const char   *text)
{
  Series *s;

  g_return_if_fail (self != NULL);
  s = get_series (self, series);
  g_return_if_fail (s != NULL && category < self->categories->len);

  g_free (g_ptr_array_index (s->texts, category));
  g_ptr_array_index (s->texts, category) = g_strdup (text);
}

/**
 * relance_chart_set_box:
 *
 * The five numbers of a box plot's category: @min <= @q1 <= @median <= @q3
 * <= @max.
 */
void
relance_chart_set_box (RelanceChart *self,
                       guint         category,
                       double        min,
                       double        q1,
                       double        median,
                       double        q3,
                       double        max)
{
  Category *c;

  g_return_if_fail (self != NULL);
  c = get_category (self, category);
  g_return_if_fail (c != NULL);

  c->box[0] = min;
  c->box[1] = q1;
  c->box[2] = median;
  c->box[3] = q3;
  c->box[4] = max;
  c->has_box = TRUE;
}

guint
relance_chart_get_n_categories (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->categories->len;
}

guint
relance_chart_get_n_series (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->series->len;
}

const char *
relance_chart_get_category_label (RelanceChart *self,
                                  guint         category)
{
  Category *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = get_category (self, category);
  return c ? c->label : NULL;
}

/**
 * relance_chart_get_category_key:
 *
 * Returns: (nullable): the key given to relance_chart_add_category()
 */
const char *
relance_chart_get_category_key (RelanceChart *self,
                                guint         category)
{
  Category *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = get_category (self, category);
  return c ? c->key : NULL;
}

const char *
relance_chart_get_series_label (RelanceChart *self,
                                guint         series)
{
  Series *s;

  g_return_val_if_fail (self != NULL, NULL);
  s = get_series (self, series);
  return s ? s->label : NULL;
}

/**
 * relance_chart_get_value:
 *
 * Returns: the value, NAN if none was set
 */
double
relance_chart_get_value (RelanceChart *self,
                         guint         series,
                         guint         category)
{
  Series *s;

  g_return_val_if_fail (self != NULL, NAN);
  s = get_series (self, series);
  g_return_val_if_fail (s != NULL && category < self->categories->len, NAN);

  return g_array_index (s->values, double, category);
}

/**
 * relance_chart_format_value:
 *
 * Returns: (transfer full): the value as people read it; "—" for none; for
 *   a box plot (series 0), its median, quartiles and extremes
 */
char *
relance_chart_format_value (RelanceChart *self,
                            guint         series,
                            guint         category)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  if (self->kind == RELANCE_CHART_BOX)
    {
      Category *c = get_category (self, category);
      g_autofree char *median = NULL, *q1 = NULL, *q3 = NULL, *min = NULL, *max = NULL;

      if (!c->has_box)
        return g_strdup ("—");

      median = format (self, c->box[2]);
      q1 = format (self, c->box[1]);
      q3 = format (self, c->box[3]);
      min = format (self, c->box[0]);
      max = format (self, c->box[4]);
      /* Translators: a box plot's numbers: median, quartiles, extremes */
      return g_strdup_printf (_("median %s, half between %s and %s, from %s to %s"),
                              median, q1, q3, min, max);
    }

  {
    Series *s = get_series (self, series);
    double value;

    g_return_val_if_fail (s != NULL, NULL);
    if (g_ptr_array_index (s->texts, category) != NULL)
      return g_strdup (g_ptr_array_index (s->texts, category));

    value = g_array_index (s->values, double, category);
    if (!value_is_set (value))
      return g_strdup ("—");
    return format (self, value);
  }
}

/**
 * relance_chart_is_empty:
 *
 * Returns: %TRUE when there is nothing to draw: no category, or no value
 *   (bars of zero count as nothing)
 */
gboolean
relance_chart_is_empty (RelanceChart *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->categories->len == 0)
    return TRUE;

  if (self->kind == RELANCE_CHART_BOX)
    {
      for (guint c = 0; c < self->categories->len; c++)
        if (get_category (self, c)->has_box)
          return FALSE;
      return TRUE;
    }

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      {
        double value = relance_chart_get_value (self, s, c);

        if (value_is_set (value) && (value != 0 || self->kind == RELANCE_CHART_LINE))
          return FALSE;
      }

  return TRUE;
}

/**
 * relance_chart_draw:
 * @cr: where to draw; the chart fills (0, 0, @width, @height) in user
 *   space and draws nothing outside it
 * @theme: the colours
 *
 * Draws the title, the legend when there are several series, the axes and
 * the data, or the empty text when there is no data.
 */
void
relance_chart_draw (RelanceChart            *self,
                    cairo_t                 *cr,
                    const RelanceChartTheme *theme,
                    double                   width,
                    double                   height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  Box region, plot = { 0 };
  Scale scale = { 0 };
  gboolean integral;
  double y = PADDING, step;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  g_array_set_size (self->hits, 0);
  if (!(width > 0) || !(height > 0))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_source (cr, &theme->background);
  cairo_paint (cr);

  layout = new_layout (cr, theme, TEXT_PX, FALSE);
  title_layout = new_layout (cr, theme, TITLE_PX, TRUE);

  if (self->title != NULL && self->title[0] != '\0')
    {
      double h;

      draw_text (cr, title_layout, &theme->text, self->title, PADDING, y,
                 MAX (width - 2 * PADDING, 1), PANGO_ALIGN_LEFT);
      text_size (title_layout, NULL, &h);
      y += h + 8;
    }

  region.x0 = PADDING;
  region.x1 = width - PADDING;
  region.y1 = height - PADDING;

  if (relance_chart_is_empty (self) || !find_range (self, &scale.low, &scale.high, &integral))
    {
      const char *text = self->empty_text ? self->empty_text : _("Nothing to show");
      double h;

      set_text (title_layout, NULL, -1);
      set_text (layout, text, MAX (region.x1 - region.x0, 1));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      text_size (layout, NULL, &h);
      set_source (cr, &theme->dim_text);
      cairo_move_to (cr, region.x0, MAX (y, (y + region.y1 - h) / 2));
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }

  if (self->series->len > 1)
    draw_legend (self, cr, theme, layout, PADDING, &y, MAX (width - 2 * PADDING, 1));
  region.y0 = y;

  if (scale.high == scale.low)
    scale.high = scale.low + 1;
  step = choose_step (self, layout, &scale, integral,
                      self->horizontal && self->kind == RELANCE_CHART_BAR,
                      &region);

  draw_axes (self, cr, theme, layout, &region, &plot, &scale, step);

  if (plot.x1 - plot.x0 >= 8 && plot.y1 - plot.y0 >= 8)
    {
      switch (self->kind)
        {
        case RELANCE_CHART_BAR:
          draw_bars (self, cr, theme, layout, &plot, &scale);
          break;
        case RELANCE_CHART_LINE:
          draw_lines (self, cr, theme, &plot, &scale);
          break;
        case RELANCE_CHART_BOX:
          draw_boxes (self, cr, theme, &plot, &scale);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}

/**
 * relance_chart_hit:
 * @x: a point in the coordinates of the last relance_chart_draw()
 * @series: (out): the series under the point
 * @category: (out): the category under the point
 *
 * Returns: %TRUE if a bar, point or box of the last drawing is at (@x, @y)
 */
gboolean
relance_chart_hit (RelanceChart *self,
                   double        x,
                   double        y,
                   guint        *series,
                   guint        *category)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* The last drawn is on top. */
  for (guint i = self->hits->len; i > 0; i--)
    {
      const HitBox *hit = &g_array_index (self->hits, HitBox, i - 1);

      if (x >= hit->x && x <= hit->x + hit->width && y >= hit->y && y <= hit->y + hit->height)
        {
          if (series != NULL)
            *series = hit->series;
          if (category != NULL)
            *category = hit->category;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * relance_chart_describe_item:
 *
 * Returns: (transfer full): one value in words, for a tooltip
 */
char *
relance_chart_describe_item (RelanceChart *self,
                             guint         series,
                             guint         category)
{
  g_autofree char *value = NULL;
  Category *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = get_category (self, category);
  g_return_val_if_fail (c != NULL, NULL);

  value = relance_chart_format_value (self, series, category);
  if (self->kind == RELANCE_CHART_BOX || self->series->len <= 1)
    return g_strdup_printf ("%s: %s", c->label, value);

  return g_strdup_printf ("%s, %s: %s", c->label, relance_chart_get_series_label (self, series), value);
}

/**
 * relance_chart_describe:
 *
 * Returns: (transfer full): the title and every value, in words, for
 *   screen readers and the description of an SVG
 */
char *
relance_chart_describe (RelanceChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->title != NULL)
    g_string_append_printf (text, "%s. ", self->title);

  if (relance_chart_is_empty (self))
    {
      g_string_append (text, self->empty_text ? self->empty_text : _("Nothing to show"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint c = 0; c < self->categories->len; c++)
    {
      guint n = self->kind == RELANCE_CHART_BOX ? 1 : self->series->len;

      for (guint s = 0; s < n; s++)
        {
          g_autofree char *item = relance_chart_describe_item (self, s, c);

          g_string_append (text, item);
          g_string_append (text, c + 1 == self->categories->len && s + 1 == n ? "." : "; ");
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * relance_chart_file_type_for_path:
 * @path: a file name ending in .png, .svg or .pdf, in any case
 *
 * Returns: %TRUE with @type set, or %FALSE with @error set
 */
gboolean
relance_chart_file_type_for_path (const char            *path,
                                  RelanceChartFileType  *type,
                                  GError               **error)
{
  static const struct { const char *suffix; RelanceChartFileType type; } types[] = {
    { ".png", RELANCE_CHART_FILE_PNG },
    { ".svg", RELANCE_CHART_FILE_SVG },
    { ".pdf", RELANCE_CHART_FILE_PDF },
  };
  g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].suffix) && strlen (lower) > strlen (types[i].suffix))
      {
        *type = types[i].type;
        return TRUE;
      }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               _("“%s” does not end in .png, .svg or .pdf: say which kind of file to write"),
               path ? path : "");
  return FALSE;
}

/* Puts the chart's title and numbers in the SVG, for screen readers and
 * search: cairo writes the labels as shapes. */
static gboolean
add_svg_description (RelanceChart  *self,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *description = relance_chart_describe (self);
  g_autofree char *title = g_markup_escape_text (relance_chart_get_title (self), -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autoptr(GString) out = NULL;
  const char *svg, *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  svg = strstr (contents, "<svg");
  end = svg ? strchr (svg, '>') : NULL;
  if (end == NULL)
    return TRUE;

  out = g_string_new_len (contents, end + 1 - contents);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  g_string_append (out, end + 1);

  return g_file_set_contents (path, out->str, out->len, error);
}

static cairo_status_t
write_surface (RelanceChart            *self,
               const RelanceChartTheme *theme,
               RelanceChartFileType     type,
               const char              *path,
               double                   width,
               double                   height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (type)
    {
    case RELANCE_CHART_FILE_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));
      break;
    case RELANCE_CHART_FILE_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case RELANCE_CHART_FILE_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      if (self->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Relance");
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  relance_chart_draw (self, cr, theme, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && type == RELANCE_CHART_FILE_PNG)
    status = cairo_surface_write_to_png (surface, path);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * relance_chart_export:
 * @path: the file to write; its extension (.png, .svg, .pdf) says how
 * @width: in pixels for PNG, points for PDF and SVG; 1 to 10000
 * @error: a message the user can read
 *
 * Writes the chart whole or not at all: the file is written beside @path
 * under another name and renamed when complete, so a failure leaves no
 * file and an existing one untouched.
 *
 * Returns: %TRUE if @path holds the chart
 */
gboolean
relance_chart_export (RelanceChart             *self,
                      const RelanceChartTheme  *theme,
                      const char               *path,
                      double                    width,
                      double                    height,
                      GError                  **error)
{
  g_autofree char *temp = NULL;
  RelanceChartFileType type;
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!relance_chart_file_type_for_path (path, &type, error))
    return FALSE;
  if (!(width >= 1 && width <= 10000 && height >= 1 && height <= 10000))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("A chart is 1 to 10000 pixels wide and high, not %g × %g"), width, height);
      return FALSE;
    }

  temp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *dir = g_path_get_dirname (path);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("Cannot write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  /* g_mkstemp() made it private: an exported chart is an ordinary file. */
  g_chmod (temp, 0644);

  status = write_surface (self, theme ? theme : &light_theme, type, temp, width, height);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (type == RELANCE_CHART_FILE_SVG && !add_svg_description (self, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("Could not write the chart to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
