/* relance-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "relance-error.h"
#include "relance-report.h"

/* A4 in points, and its margins. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.0
#define CHART_HEIGHT 340.0

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  return layout;
}

/* Shows @text at (x, *y) and moves *y below it. */
static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double     *y,
           double      width,
           double      grey)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, font, width);
  int height;

  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *y += height;
}

static void
show_footer (cairo_t *cr,
             guint    page,
             guint    n_pages)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", page, n_pages);
  double y = PAGE_HEIGHT - MARGIN / 2 - 10;
  g_autoptr(PangoLayout) layout = new_layout (cr, "Sans 8", PAGE_WIDTH - 2 * MARGIN);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
}

/* The chart's numbers under it: a label column and one column a series. */
static void
show_table (cairo_t      *cr,
            RelanceChart *chart,
            double        y)
{
  gboolean box = relance_chart_get_kind (chart) == RELANCE_CHART_BOX;
  guint n_series = box ? 1 : relance_chart_get_n_series (chart);
  double width = PAGE_WIDTH - 2 * MARGIN;
  double label_width = n_series > 1 ? width * 0.3 : width * 0.5;
  double column = (width - label_width) / MAX (n_series, 1);
  double bottom = PAGE_HEIGHT - MARGIN - 20;
  g_autoptr(PangoLayout) layout = new_layout (cr, "Sans 8", column - 6);

  if (relance_chart_is_empty (chart))
    return;

  /* Header */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint s = 0; s < n_series; s++)
    {
      pango_layout_set_width (layout, (int)((column - 6) * PANGO_SCALE));
      pango_layout_set_alignment (layout, box ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      {
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>",
                                                           box ? _("Time to resolve")
                                                               : relance_chart_get_series_label (chart, s));

        pango_layout_set_markup (layout, markup, -1);
      }
      cairo_move_to (cr, MARGIN + label_width + s * column, y);
      pango_cairo_show_layout (cr, layout);
    }
  /* The header's bold would stay on the rows' text, cutting it anywhere. */
  pango_layout_set_attributes (layout, NULL);
  y += 16;

  for (guint c = 0; c < relance_chart_get_n_categories (chart) && y < bottom; c++)
    {
      int height, row = 12;

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_rectangle (cr, MARGIN, y - 2, width, 0.5);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      pango_layout_set_width (layout, (int)((label_width - 6) * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, relance_chart_get_category_label (chart, c), -1);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_pixel_size (layout, NULL, &height);
      row = MAX (row, height);

      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *value = relance_chart_format_value (chart, s, c);

          pango_layout_set_width (layout, (int)((column - 6) * PANGO_SCALE));
          pango_layout_set_alignment (layout, box ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          pango_layout_set_text (layout, value, -1);
          cairo_move_to (cr, MARGIN + label_width + s * column, y);
          pango_cairo_show_layout (cr, layout);
          pango_layout_get_pixel_size (layout, NULL, &height);
          row = MAX (row, height);
        }

      y += row + 4;
    }
}

static cairo_status_t
write_pages (const char              *path,
             const RelanceReportInfo *info,
             RelanceChart * const    *charts,
             guint                    n_charts)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double width = PAGE_WIDTH - 2 * MARGIN;
  double y = PAGE_HEIGHT / 3;
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Relance");

  /* The title page. */
  show_text (cr, "Sans Bold 26", info->title, MARGIN, &y, width, 0.1);
  y += 16;
  if (info->company != NULL && info->company[0] != '\0')
    {
      show_text (cr, "Sans 16", info->company, MARGIN, &y, width, 0.2);
      y += 8;
    }
  show_text (cr, "Sans 13", info->period, MARGIN, &y, width, 0.2);
  y += 24;
  if (info->date != NULL)
    {
      /* Translators: on the credit report's title page; %s is a day */
      g_autofree char *made = g_strdup_printf (_("Made on %s"), info->date);

      show_text (cr, "Sans 10", made, MARGIN, &y, width, 0.4);
    }
  show_footer (cr, 1, n_charts + 1);
  cairo_show_page (cr);

  /* A page a chart, with its numbers. */
  for (guint i = 0; i < n_charts; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      relance_chart_draw (charts[i], cr, relance_chart_theme_light (), width, CHART_HEIGHT);
      cairo_restore (cr);
      show_table (cr, charts[i], MARGIN + CHART_HEIGHT + 24);
      show_footer (cr, i + 2, n_charts + 1);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * relance_report_write_pdf:
 * @path: a file name ending in .pdf
 * @info: the title page
 * @charts: (array length=n_charts): the charts, in order
 * @error: a message the user can read
 *
 * Writes the report whole or not at all, as relance_chart_export() does.
 *
 * Returns: %TRUE if @path holds the report
 */
gboolean
relance_report_write_pdf (const char              *path,
                          const RelanceReportInfo *info,
                          RelanceChart * const    *charts,
                          guint                    n_charts,
                          GError                 **error)
{
  g_autofree char *temp = NULL;
  RelanceChartFileType type;
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (info != NULL && info->title != NULL && info->period != NULL, FALSE);
  g_return_val_if_fail (charts != NULL || n_charts == 0, FALSE);

  if (!relance_chart_file_type_for_path (path, &type, error))
    return FALSE;
  if (type != RELANCE_CHART_FILE_PDF)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The credit report is a PDF: give a name ending in .pdf, not “%s”"), path);
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
  g_chmod (temp, 0644);

  status = write_pages (temp, info, charts, n_charts);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("Could not write the report to “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
