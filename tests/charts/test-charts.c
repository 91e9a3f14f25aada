/* test-charts.c
 *
 * Charts rendered to image, SVG and PDF surfaces, and measured: bars as
 * long as their values, nothing outside the area, the labels in the files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "relance-chart.h"
#include "relance-error.h"
#include "relance-report.h"
#include "relance-stats-charts.h"

#define WIDTH 400
#define HEIGHT 300

static const RelanceChartRgba red = { 1, 0, 0, 1 };
static const RelanceChartRgba green = { 0, 1, 0, 1 };
static const RelanceChartRgba blue = { 0, 0, 1, 1 };

typedef struct
{
  int x0, y0, x1, y1;   /* inclusive; x0 > x1 when the colour is absent */
  guint n;
} Extent;

static guint32
pixel_of (const RelanceChartRgba *rgba)
{
  return 0xff000000u | ((guint32)(rgba->red * 255) << 16) |
         ((guint32)(rgba->green * 255) << 8) | (guint32)(rgba->blue * 255);
}

static guint32
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *)(void *)(data + y * stride + x * 4);
}

/* Where the pixels of exactly @rgba are. */
static Extent
measure (cairo_surface_t        *surface,
         const RelanceChartRgba *rgba)
{
  Extent e = { G_MAXINT, G_MAXINT, -1, -1, 0 };
  guint32 wanted = pixel_of (rgba);

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (get_pixel (surface, x, y) == wanted)
        {
          e.x0 = MIN (e.x0, x);
          e.y0 = MIN (e.y0, y);
          e.x1 = MAX (e.x1, x);
          e.y1 = MAX (e.y1, y);
          e.n++;
        }

  return e;
}

static cairo_surface_t *
render (RelanceChart            *chart,
        const RelanceChartTheme *theme,
        int                      width,
        int                      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  relance_chart_draw (chart, cr, theme, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

/* Three bars of 10, 20, 40 in red, green and blue. */
static RelanceChart *
new_three_bars (gboolean      horizontal,
                const double *values)
{
  RelanceChart *chart = relance_chart_new (RELANCE_CHART_BAR, "Disputes by Cause");
  const RelanceChartRgba *colours[] = { &red, &green, &blue };
  const char *labels[] = { "A · Billing", "B · Shipping", "C · Sales" };
  guint series = relance_chart_add_series (chart, "Disputes", NULL);

  relance_chart_set_horizontal (chart, horizontal);
  for (guint i = 0; i < 3; i++)
    {
      guint c = relance_chart_add_category (chart, labels[i], labels[i] + 0);

      relance_chart_set_category_colour (chart, c, colours[i]);
      relance_chart_set_value (chart, series, c, values[i]);
    }

  return chart;
}

static void
assert_near (double value,
             double expected,
             double tolerance)
{
  if (fabs (value - expected) > tolerance)
    g_error ("%g is not %g ± %g", value, expected, tolerance);
}

static void
test_vertical_bars_proportional (void)
{
  static const double values[] = { 10, 20, 40 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_light (), WIDTH, HEIGHT);
  Extent r = measure (surface, &red), g = measure (surface, &green), b = measure (surface, &blue);
  double unit = (b.y1 - b.y0 + 1) / 40.0;

  g_assert_cmpuint (r.n, >, 0);
  g_assert_cmpuint (g.n, >, 0);
  g_assert_cmpuint (b.n, >, 0);
  /* Standing on the same line, left to right, as high as their values. */
  g_assert_cmpint (ABS (r.y1 - b.y1), <=, 1);
  g_assert_cmpint (ABS (g.y1 - b.y1), <=, 1);
  g_assert_cmpint (r.x1, <, g.x0);
  g_assert_cmpint (g.x1, <, b.x0);
  g_assert_cmpfloat (unit, >, 2);
  assert_near (r.y1 - r.y0 + 1, 10 * unit, 2);
  assert_near (g.y1 - g.y0 + 1, 20 * unit, 2);
  /* The bars are as wide as each other. */
  g_assert_cmpint (ABS ((r.x1 - r.x0) - (b.x1 - b.x0)), <=, 1);

  cairo_surface_destroy (surface);
}

static void
test_horizontal_bars_proportional (void)
{
  static const double values[] = { 10, 20, 40 };
  g_autoptr(RelanceChart) chart = new_three_bars (TRUE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_light (), WIDTH, HEIGHT);
  Extent r = measure (surface, &red), g = measure (surface, &green), b = measure (surface, &blue);
  double unit = (b.x1 - b.x0 + 1) / 40.0;

  g_assert_cmpint (ABS (r.x0 - b.x0), <=, 1);
  g_assert_cmpint (r.y1, <, g.y0);
  g_assert_cmpint (g.y1, <, b.y0);
  assert_near (r.x1 - r.x0 + 1, 10 * unit, 2);
  assert_near (g.x1 - g.x0 + 1, 20 * unit, 2);

  cairo_surface_destroy (surface);
}

static void
test_negative_values (void)
{
  static const double values[] = { -30, 0, 60 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_light (), WIDTH, HEIGHT);
  Extent r = measure (surface, &red), g = measure (surface, &green), b = measure (surface, &blue);

  /* The negative bar hangs from the line the positive one stands on. */
  g_assert_cmpuint (g.n, ==, 0);
  g_assert_cmpint (r.n, >, 0);
  g_assert_cmpint (ABS (r.y0 - b.y1), <=, 2);
  assert_near ((double)(r.y1 - r.y0 + 1) / (b.y1 - b.y0 + 1), 0.5, 0.03);

  cairo_surface_destroy (surface);
}

static void
test_large_values (void)
{
  /* Ten thousand billion euros in cents, and half of it. */
  static const double values[] = { 1e17, 5e16, 0 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_light (), WIDTH, HEIGHT);
  Extent r = measure (surface, &red), g = measure (surface, &green);

  assert_near ((double)(g.y1 - g.y0 + 1) / (r.y1 - r.y0 + 1), 0.5, 0.03);
  cairo_surface_destroy (surface);
}

/* Draws a chart into the middle of a bigger transparent surface and checks
 * that the rest stays transparent. */
static void
assert_inside (RelanceChart *chart,
               int           width,
               int           height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 100, height + 80);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, 50, 40);
  relance_chart_draw (chart, cr, relance_chart_theme_dark (), width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height + 80; y++)
    for (int x = 0; x < width + 100; x++)
      {
        gboolean inside = x >= 50 && x < 50 + width && y >= 40 && y < 40 + height;

        if (!inside && get_pixel (surface, x, y) != 0)
          g_error ("pixel (%d, %d) outside the chart was drawn", x, y);
        if (inside && get_pixel (surface, x, y) == 0)
          g_error ("pixel (%d, %d) inside the chart has no background", x, y);
      }

  cairo_surface_destroy (surface);
}

static void
test_nothing_outside (void)
{
  static const double values[] = { -1e6, 2.5e6, 7 };
  g_autoptr(RelanceChart) chart = new_three_bars (TRUE, values);
  g_autoptr(RelanceChart) line = relance_chart_new (RELANCE_CHART_LINE,
                                                     "A title far too long to fit the width of a small chart in any font");
  guint a = relance_chart_add_series (line, "A series with a long name", NULL);
  guint b = relance_chart_add_series (line, "Another", NULL);

  for (guint c = 0; c < 30; c++)
    {
      g_autofree char *label = g_strdup_printf ("Month %u with a long label", c);

      relance_chart_add_category (line, label, NULL);
      relance_chart_set_value (line, a, c, c * 1000.0 - 5000);
      relance_chart_set_value (line, b, c, c % 2 ? NAN : 12000);
    }

  assert_inside (chart, 300, 200);
  assert_inside (chart, 40, 30);
  assert_inside (chart, 1, 1);
  assert_inside (line, 300, 200);
  assert_inside (line, 60, 25);
}

static void
test_empty_and_one_point (void)
{
  g_autoptr(RelanceChart) empty = relance_chart_new (RELANCE_CHART_BAR, "Disputes by Cause");
  g_autoptr(RelanceChart) zeros = NULL;
  g_autoptr(RelanceChart) line = relance_chart_new (RELANCE_CHART_LINE, "DSO");
  static const double nothing[] = { 0, 0, 0 };
  cairo_surface_t *surface;
  guint series;

  relance_chart_set_empty_text (empty, "No disputes in this period");
  g_assert_true (relance_chart_is_empty (empty));
  surface = render (empty, relance_chart_theme_light (), WIDTH, HEIGHT);
  cairo_surface_destroy (surface);
  surface = render (empty, relance_chart_theme_light (), 0, 0);
  cairo_surface_destroy (surface);

  /* Bars of nothing are nothing: no red, green or blue. */
  zeros = new_three_bars (FALSE, nothing);
  g_assert_true (relance_chart_is_empty (zeros));
  surface = render (zeros, relance_chart_theme_light (), WIDTH, HEIGHT);
  g_assert_cmpuint (measure (surface, &red).n + measure (surface, &green).n + measure (surface, &blue).n, ==, 0);
  cairo_surface_destroy (surface);

  /* One month: a dot. */
  series = relance_chart_add_series (line, "DSO", &blue);
  relance_chart_add_category (line, "2026-11", NULL);
  relance_chart_set_value (line, series, 0, 45.5);
  g_assert_false (relance_chart_is_empty (line));
  surface = render (line, relance_chart_theme_light (), WIDTH, HEIGHT);
  g_assert_cmpuint (measure (surface, &blue).n, >, 10);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  return text;
}

static void
test_files_have_labels (void)
{
  static const double values[] = { 12, 20, 40 };
  g_autoptr(RelanceChart) chart = new_three_bars (TRUE, values);
  g_autoptr(RelanceChart) empty = relance_chart_new (RELANCE_CHART_BOX, "Time to Resolve");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-charts-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *empty_pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;

  g_assert_true (relance_chart_export (chart, NULL, pdf, 500, 300, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Disputes by Cause"));
  g_assert_nonnull (strstr (text, "A · Billing"));
  g_assert_nonnull (strstr (text, "C · Sales"));
  g_assert_nonnull (strstr (text, "40"));

  g_assert_true (relance_chart_export (chart, relance_chart_theme_dark (), svg, 500, 300, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "<title>Disputes by Cause</title>"));
  g_assert_nonnull (strstr (contents, "A · Billing: 12; B · Shipping: 20; C · Sales: 40."));
  g_assert_nonnull (strstr (contents, "<path"));

  g_assert_true (relance_chart_export (chart, NULL, png, 320, 200, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 320);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 200);
  g_assert_cmpuint (measure (surface, &blue).n, >, 0);
  cairo_surface_destroy (surface);

  relance_chart_set_empty_text (empty, "No dispute was resolved in this period");
  g_assert_true (relance_chart_export (empty, NULL, empty_pdf, 400, 200, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_text (empty_pdf);
  g_assert_nonnull (strstr (text, "No dispute was resolved in this period"));

  g_remove (pdf);
  g_remove (svg);
  g_remove (png);
  g_remove (empty_pdf);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_errors (void)
{
  static const double values[] = { 1, 2, 3 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-charts-XXXXXX", &error);
  g_autofree char *jpg = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *existing = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (relance_chart_export (chart, NULL, jpg, 100, 100, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_chart_export (chart, NULL, png, 0, 100, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_chart_export (chart, NULL, nowhere, 100, 100, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);

  /* A refused export leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_false (relance_chart_export (chart, NULL, existing, 100, -5, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_remove (existing);

  /* Nothing left behind, not even a temporary file. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_hit_and_describe (void)
{
  static const double values[] = { 10, 20, 40 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_light (), WIDTH, HEIGHT);
  Extent g = measure (surface, &green);
  g_autofree char *description = NULL;
  g_autofree char *item = NULL;
  guint series = 99, category = 99;

  g_assert_true (relance_chart_hit (chart, (g.x0 + g.x1) / 2.0, (g.y0 + g.y1) / 2.0, &series, &category));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (category, ==, 1);
  g_assert_cmpstr (relance_chart_get_category_key (chart, category), ==, "B · Shipping");
  g_assert_false (relance_chart_hit (chart, 1, 1, NULL, NULL));

  item = relance_chart_describe_item (chart, series, category);
  g_assert_cmpstr (item, ==, "B · Shipping: 20");
  relance_chart_set_value_text (chart, 0, 1, "20 · 300.00 €");
  description = relance_chart_describe (chart);
  g_assert_cmpstr (description, ==, "Disputes by Cause. A · Billing: 10; B · Shipping: 20 · 300.00 €; C · Sales: 40.");

  cairo_surface_destroy (surface);
}

static void
test_theme_and_colours (void)
{
  static const double values[] = { 1, 2, 3 };
  g_autoptr(RelanceChart) chart = new_three_bars (FALSE, values);
  cairo_surface_t *surface = render (chart, relance_chart_theme_dark (), 100, 100);
  RelanceChartRgba rgba;
  guint32 corner = get_pixel (surface, 0, 0);

  /* The dark theme's background is dark. */
  g_assert_cmpuint ((corner >> 16) & 0xff, <, 64);
  cairo_surface_destroy (surface);

  g_assert_true (relance_chart_rgba_parse ("#3584e4", &rgba));
  assert_near (rgba.red * 255, 0x35, 0.01);
  assert_near (rgba.blue * 255, 0xe4, 0.01);
  g_assert_false (relance_chart_rgba_parse ("3584e4", &rgba));
  g_assert_false (relance_chart_rgba_parse ("#3584zz", &rgba));
}

/* Every dashboard chart, from hand-made figures, at any size. */
static void
test_stats_charts (void)
{
  RelanceCauseStats a = {
    .code = (char *)"A", .label = (char *)"Waiting for a credit note", .department = (char *)"Billing",
    .colour = (char *)"#ff0000", .count = 3, .amount = 60000, .count_share = 6000, .resolved = 2,
    .median_tenths = 175, .mean_tenths = 175, .p90_days = 30, .min_days = 5, .q1_days = 5,
    .q3_days = 30, .max_days = 30, .buckets = { 1, 0, 1, 0, 0 },
  };
  RelanceCauseStats b = {
    .code = (char *)"B", .label = (char *)"Goods", .department = (char *)"Shipping",
    .colour = (char *)"#00ff00", .median_tenths = -1,
  };
  RelanceDisputeMonth months[] = { { 739617, 739647, 2, 1, 2, 80000 } };
  RelanceDepartmentBacklog billing = { (char *)"Billing", 1, 20000 };
  RelanceSegmentAged segment = { (char *)"", { 0, 170000, 60000, 0, 0 }, 230000 };
  RelanceReceivablesMonth receivables[] = { { 739617, 739647, 150000, 150000, 900, 40000, 20000, 0 } };
  g_autoptr(GPtrArray) causes = g_ptr_array_new ();
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_autoptr(GArray) month_array = g_array_new (FALSE, FALSE, sizeof (RelanceDisputeMonth));
  g_autoptr(GArray) receivable_array = g_array_new (FALSE, FALSE, sizeof (RelanceReceivablesMonth));
  RelanceDisputeStats disputes = { { 739617, 739647, 0 }, causes, month_array, departments, 3, 60000, 1 };
  RelanceAgedStats aged = { 739647, { 0, 170000, 60000, 0, 0 }, 230000, segments };
  RelanceStatsData data = { &disputes, &aged, receivable_array };
  const char * const *names = relance_stats_chart_names ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (causes, &a);
  g_ptr_array_add (causes, &b);
  g_ptr_array_add (departments, &billing);
  g_ptr_array_add (segments, &segment);
  g_array_append_vals (month_array, months, 1);
  g_array_append_vals (receivable_array, receivables, 1);

  g_assert_false (relance_stats_chart_find ("pie", NULL, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(RelanceChart) chart = NULL;
      g_autofree char *description = NULL;
      static const int sizes[][2] = { { 600, 400 }, { 120, 80 }, { 1, 1 }, { 0, 0 } };

      g_assert_true (relance_stats_chart_find (names[i], NULL, NULL));
      chart = relance_stats_chart_new (names[i], &data, NULL);
      g_assert_false (relance_chart_is_empty (chart));
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          cairo_surface_t *surface = render (chart, relance_chart_theme_light (),
                                             MAX (sizes[s][0], 1), MAX (sizes[s][1], 1));

          cairo_surface_destroy (surface);
        }
      description = relance_chart_describe (chart);
      g_assert_true (g_utf8_validate (description, -1, NULL));
      g_assert_nonnull (strstr (description, relance_chart_get_title (chart)));
    }

  /* The cause's bar has the cause's colour, and says its amount. */
  {
    g_autoptr(RelanceChart) chart = relance_stats_chart_new ("disputes-by-cause", &data, NULL);
    cairo_surface_t *surface = render (chart, relance_chart_theme_light (), 600, 300);
    g_autofree char *description = relance_chart_describe (chart);

    g_assert_cmpuint (measure (surface, &red).n, >, 100);
    g_assert_nonnull (strstr (description, "A · Waiting for a credit note: 3 · 600 € · 60 %"));
    g_assert_cmpstr (relance_chart_get_category_key (chart, 0), ==, "A");
    cairo_surface_destroy (surface);
  }
}

static void
test_report (void)
{
  static const double values[] = { 12, 20, 40 };
  g_autoptr(RelanceChart) bars = new_three_bars (FALSE, values);
  g_autoptr(RelanceChart) empty = relance_chart_new (RELANCE_CHART_LINE, "Days Sales Outstanding");
  RelanceChart *charts[] = { bars, empty };
  RelanceReportInfo info = { "Credit Report", "Atelier Martin & Fils", "2026-01-01 – 2026-11-23", "2026-11-23" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relance-charts-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "report.png", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  PopplerDocument *document;

  relance_chart_set_empty_text (empty, "No sales in this period");
  g_assert_true (relance_report_write_pdf (pdf, &info, charts, G_N_ELEMENTS (charts), &error));
  g_assert_no_error (error);

  /* A title page, then a page a chart with its numbers under it. */
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
  {
    PopplerPage *page = poppler_document_get_page (document, 0);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "Credit Report"));
    g_assert_nonnull (strstr (text, "Atelier Martin & Fils"));
    g_assert_nonnull (strstr (text, "2026-01-01 – 2026-11-23"));
    g_object_unref (page);
  }
  {
    PopplerPage *page = poppler_document_get_page (document, 1);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "Disputes by Cause"));
    /* The table: the bar chart has no "12" elsewhere on its axis. */
    g_assert_nonnull (strstr (text, "B · Shipping"));
    g_assert_nonnull (strstr (text, "12"));
    g_object_unref (page);
  }
  {
    PopplerPage *page = poppler_document_get_page (document, 2);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "No sales in this period"));
    g_object_unref (page);
  }
  g_object_unref (document);

  /* Only a PDF. */
  g_assert_false (relance_report_write_pdf (png, &info, charts, 2, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_remove (pdf);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/vertical-bars-proportional", test_vertical_bars_proportional);
  g_test_add_func ("/charts/horizontal-bars-proportional", test_horizontal_bars_proportional);
  g_test_add_func ("/charts/negative-values", test_negative_values);
  g_test_add_func ("/charts/large-values", test_large_values);
  g_test_add_func ("/charts/nothing-outside", test_nothing_outside);
  g_test_add_func ("/charts/empty-and-one-point", test_empty_and_one_point);
  g_test_add_func ("/charts/files-have-labels", test_files_have_labels);
  g_test_add_func ("/charts/export-errors", test_export_errors);
  g_test_add_func ("/charts/hit-and-describe", test_hit_and_describe);
  g_test_add_func ("/charts/theme-and-colours", test_theme_and_colours);
  g_test_add_func ("/charts/stats-charts", test_stats_charts);
  g_test_add_func ("/charts/report", test_report);

  return g_test_run ();
}
