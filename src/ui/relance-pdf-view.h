/* relance-pdf-view.h
 *
 * Shows a PDF (a letter, its preview while a template is edited, a letter
 * kept in a customer's history): its pages one under the other on a grey
 * background, white with a light shadow, in a scrolled window; zoom in,
 * zoom out and fit to the width (actions "pdf.zoom-in", "pdf.zoom-out",
 * "pdf.zoom-fit"; Ctrl+plus, Ctrl+minus, Ctrl+0 anywhere in the window;
 * Ctrl+wheel), and "Page 1 of 2" for the page in view. Each page is drawn
 * by poppler at the scale shown and kept until the zoom changes. Setting
 * another PDF keeps the zoom and the place scrolled to, so a preview drawn
 * again as the user types does not jump.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define RELANCE_TYPE_PDF_VIEW (relance_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (RelancePdfView, relance_pdf_view, RELANCE, PDF_VIEW, GtkWidget)

GtkWidget       *relance_pdf_view_new          (void);
void             relance_pdf_view_set_pdf      (RelancePdfView *self,
                                                GBytes         *pdf,
                                                GError        **error);
guint            relance_pdf_view_get_n_pages  (RelancePdfView *self);
PopplerDocument *relance_pdf_view_get_document (RelancePdfView *self);

G_END_DECLS
