/* relance-pdf-view.c
 *
 * The view is a scrolled window holding the pages (a small private widget,
 * RelancePdfPages, that measures and draws them at the view's scale) under
 * an overlay of zoom buttons and the page number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "relance-pdf-view.h"

/* poppler-glib 22.12 defines none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Room around the pages and between them, in pixels. */
#define MARGIN 24
#define SPACING 18

#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
/* Fitting a narrow window may go below ZOOM_MIN. */
#define FIT_MIN 0.05

/* The largest page drawn, in device pixels (64 MB): a bigger zoom shows
 * it stretched rather than eating the memory. */
#define TEXTURE_MAX_PIXELS (16.0 * 1000 * 1000)

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

static const char css[] =
  "pdfview pdfpages { background-color: mix(@window_bg_color, @window_fg_color, 0.09); }\n"
  "pdfview .pdf-controls { border-radius: 12px; padding: 3px 6px; }\n"
  "pdfview .pdf-controls label { padding: 0 6px; }\n";

typedef struct
{
  double      width;          /* in points */
  double      height;
  GdkTexture *texture;        /* the page drawn at texture_scale */
  double      texture_scale;  /* device pixels a point */
} Page;

#define RELANCE_TYPE_PDF_PAGES (relance_pdf_pages_get_type ())
G_DECLARE_FINAL_TYPE (RelancePdfPages, relance_pdf_pages, RELANCE, PDF_PAGES, GtkWidget)

struct _RelancePdfPages
{
  GtkWidget       parent_instance;

  RelancePdfView *view;       /* the view it is in: no reference */
};

struct _RelancePdfView
{
  GtkWidget          parent_instance;

  GtkWidget         *overlay;
  GtkScrolledWindow *scrolled_window;
  RelancePdfPages   *pages_widget;
  GtkWidget         *controls;
  GtkLabel          *zoom_label;
  GtkLabel          *page_label;

  PopplerDocument   *document;
  GArray            *pages;          /* Page */
  double             max_width;      /* of the widest page, in points */

  gboolean           fit_width;
  double             zoom;           /* when not fitting the width */
  double             scale;          /* pixels a point, as last allocated */
  guint              current_page;   /* 0-based */
  guint              update_labels_id;
};

G_DEFINE_FINAL_TYPE (RelancePdfPages, relance_pdf_pages, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (RelancePdfView, relance_pdf_view, GTK_TYPE_WIDGET)

static void update_labels   (RelancePdfView *self);
static void update_actions  (RelancePdfView *self);

/* Helpers */

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_object (&page->texture);
}

static double
scale_for_width (RelancePdfView *self,
                 int             width)
{
  double scale;

  if (self->max_width <= 0)
    return 1.0;

  scale = (width - 2 * MARGIN) / self->max_width;

  return CLAMP (scale, FIT_MIN, ZOOM_MAX);
}

/* The scale pages are laid out at for a width of @width (-1: unknown). */
static double
scale_at (RelancePdfView *self,
          int             width)
{
  if (!self->fit_width)
    return self->zoom;
  if (width < 0)
    return 1.0;
  return scale_for_width (self, width);
}

static void
page_size (const Page *page,
           double      scale,
           int        *width,
           int        *height)
{
  *width = MAX (1, (int)round (page->width * scale));
  *height = MAX (1, (int)round (page->height * scale));
}

static int
content_height (RelancePdfView *self,
                double          scale)
{
  int height = 2 * MARGIN;

  if (self->pages->len == 0)
    return 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      int w, h;

      page_size (&g_array_index (self->pages, Page, i), scale, &w, &h);
      height += h;
    }

  return height + SPACING * (int)(self->pages->len - 1);
}

/* Draws page @i at @scale device pixels a point, on white. */
static GdkTexture *
render_page (RelancePdfView *self,
             guint           i,
             double          scale)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (self->document, (int)i);
  const Page *info = &g_array_index (self->pages, Page, i);
  cairo_surface_t *surface;
  GBytes *bytes;
  GdkTexture *texture;
  cairo_t *cr;
  int width, height;

  if (page == NULL)
    return NULL;

  width = MAX (1, (int)ceil (info->width * scale));
  height = MAX (1, (int)ceil (info->height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * (gsize)height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize)cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);

  return texture;
}

static GdkTexture *
ensure_texture (RelancePdfView *self,
                guint           i,
                double          scale)
{
  Page *page = &g_array_index (self->pages, Page, i);
  double limit = sqrt (TEXTURE_MAX_PIXELS / MAX (1.0, page->width * page->height));

  scale = MIN (scale, limit);
  if (page->texture == NULL || page->texture_scale != scale)
    {
      g_clear_object (&page->texture);
      page->texture = render_page (self, i, scale);
      page->texture_scale = scale;
    }

  return page->texture;
}

/* The page that takes most of the visible height; the last one once
 * scrolled to the end. */
static guint
find_current_page (RelancePdfView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double top = gtk_adjustment_get_value (vadj);
  double bottom = top + gtk_adjustment_get_page_size (vadj);
  double best_seen = -1;
  guint best = 0;
  int y = MARGIN;

  if (top > 0 && bottom >= gtk_adjustment_get_upper (vadj) - 1 && self->pages->len > 0)
    return self->pages->len - 1;

  for (guint i = 0; i < self->pages->len; i++)
    {
      int w, h;
      double seen;

      page_size (&g_array_index (self->pages, Page, i), self->scale, &w, &h);
      seen = MIN (bottom, (double)(y + h)) - MAX (top, (double)y);
      if (seen > best_seen + 0.5)
        {
          best_seen = seen;
          best = i;
        }
      y += h + SPACING;
    }

  return best;
}

/* Scrolls so that what is in the middle of the view stays there once the
 * pages are laid out at their new scale: the adjustments are given their
 * new bounds now, as the viewport will, and it keeps the value. */
static void
keep_middle (RelancePdfView *self,
             double          old_scale)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double hpage = gtk_adjustment_get_page_size (hadj);
  double vpage = gtk_adjustment_get_page_size (vadj);
  double scale, width, height, hmiddle, vmiddle;

  if (hpage <= 0 || vpage <= 0 || self->pages->len == 0 || old_scale <= 0)
    return;

  scale = scale_at (self, (int)hpage);
  width = self->fit_width ? hpage : MAX (hpage, 2 * MARGIN + ceil (self->max_width * scale));
  height = MAX (vpage, content_height (self, scale));

  /* The point in the middle, in points from the pages' corner. */
  hmiddle = (gtk_adjustment_get_value (hadj) + hpage / 2 - MARGIN) / old_scale;
  vmiddle = (gtk_adjustment_get_value (vadj) + vpage / 2 - MARGIN) / old_scale;

  gtk_adjustment_configure (hadj, CLAMP (hmiddle * scale + MARGIN - hpage / 2, 0, width - hpage), 0, width,
                            gtk_adjustment_get_step_increment (hadj), gtk_adjustment_get_page_increment (hadj),
                            hpage);
  gtk_adjustment_configure (vadj, CLAMP (vmiddle * scale + MARGIN - vpage / 2, 0, height - vpage), 0, height,
                            gtk_adjustment_get_step_increment (vadj), gtk_adjustment_get_page_increment (vadj),
                            vpage);
}

static void
relayout (RelancePdfView *self,
          double          old_scale)
{
  keep_middle (self, old_scale);
  gtk_widget_queue_resize (GTK_WIDGET (self->pages_widget));
  update_actions (self);
  update_labels (self);
}

static void
set_zoom (RelancePdfView *self,
          double          zoom)
{
  double old_scale;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (!self->fit_width && self->zoom == zoom)
    return;

  old_scale = self->scale;
  self->fit_width = FALSE;
  self->zoom = zoom;
  self->scale = zoom;
  relayout (self, old_scale);
}

static void
update_labels (RelancePdfView *self)
{
  guint n_pages = self->pages->len;
  g_autofree char *zoom = NULL;
  g_autofree char *page = NULL;

  self->current_page = n_pages > 0 ? find_current_page (self) : 0;

  /* Translators: a zoom level, "100%" */
  zoom = g_strdup_printf (_("%d%%"), (int)round (self->scale * 100));
  /* Translators: the page in view of a letter shown, "Page 1 of 2" */
  page = g_strdup_printf (_("Page %u of %u"), self->current_page + 1, n_pages);

  gtk_label_set_text (self->zoom_label, zoom);
  gtk_label_set_text (self->page_label, page);
  gtk_widget_set_visible (self->controls, n_pages > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, page,
                                  -1);
}

static void
update_actions (RelancePdfView *self)
{
  gboolean has_pages = self->pages->len > 0;
  double scale = self->fit_width ? self->scale : self->zoom;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", has_pages && scale < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", has_pages && scale > ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-fit", has_pages && !self->fit_width);
}

static GtkWidget *
new_control_button (const char *icon_name,
                    const char *action_name,
                    const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_focus_on_click (button, FALSE);

  return button;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK),
                                                          gtk_named_action_new (action_name)));
}

/* RelancePdfPages: the pages, at the view's scale */

static GtkSizeRequestMode
relance_pdf_pages_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
relance_pdf_pages_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RelancePdfView *self = RELANCE_PDF_PAGES (widget)->view;

  *minimum = *natural = 0;
  if (self == NULL || self->pages->len == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->fit_width)
        {
          /* Any width does: the pages follow it. */
          *minimum = 2 * MARGIN + 1;
          *natural = 2 * MARGIN + (int)ceil (self->max_width);
        }
      else
        *minimum = *natural = 2 * MARGIN + (int)ceil (self->max_width * self->zoom);
    }
  else
    *minimum = *natural = content_height (self, scale_at (self, for_size));
}

static gboolean
on_update_labels_cb (gpointer data)
{
  RelancePdfView *self = data;

  self->update_labels_id = 0;
  update_labels (self);
  update_actions (self);

  return G_SOURCE_REMOVE;
}

static void
relance_pdf_pages_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RelancePdfView *self = RELANCE_PDF_PAGES (widget)->view;
  double scale;

  if (self == NULL)
    return;

  scale = scale_at (self, width);
  if (scale != self->scale)
    {
      self->scale = scale;
      /* Not while the window is being laid out. */
      if (self->update_labels_id == 0)
        self->update_labels_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_update_labels_cb, self, NULL);
    }
}

static void
relance_pdf_pages_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RelancePdfView *self = RELANCE_PDF_PAGES (widget)->view;
  GtkAdjustment *vadj;
  double top, bottom, device_scale;
  int width = gtk_widget_get_width (widget);
  int y = MARGIN;

  if (self == NULL || self->pages->len == 0)
    return;

  vadj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  top = gtk_adjustment_get_value (vadj);
  bottom = top + gtk_adjustment_get_page_size (vadj);
  if (bottom <= top)
    bottom = top + gtk_widget_get_height (widget);
  device_scale = self->scale * gtk_widget_get_scale_factor (widget);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);
      int w, h, x;

      page_size (page, self->scale, &w, &h);
      x = MAX (MARGIN, (width - w) / 2);

      if (y + h >= top && y <= bottom)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, w, h);
          GskRoundedRect outline;
          GdkTexture *texture;

          gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
          gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.14 }, 0, 0, 1, 0);
          gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.12 }, 0, 2, 0, 8);

          texture = ensure_texture (self, i, device_scale);
          if (texture != NULL)
            gtk_snapshot_append_texture (snapshot, texture, &rect);
          else
            gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &rect);
        }
      else if (y + h < top - 2 * (bottom - top) || y > bottom + 2 * (bottom - top))
        /* Far out of sight: drawn again when it comes back. */
        g_clear_object (&page->texture);

      y += h + SPACING;
    }
}

static void
relance_pdf_pages_class_init (RelancePdfPagesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = relance_pdf_pages_get_request_mode;
  widget_class->measure = relance_pdf_pages_measure;
  widget_class->size_allocate = relance_pdf_pages_size_allocate;
  widget_class->snapshot = relance_pdf_pages_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pdfpages");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
relance_pdf_pages_init (RelancePdfPages *self)
{
}

/* Callbacks */

static void
on_vadjustment_value_changed_cb (RelancePdfView *self)
{
  guint current;

  /* Pages coming into sight are drawn. */
  gtk_widget_queue_draw (GTK_WIDGET (self->pages_widget));

  if (self->pages->len == 0)
    return;

  current = find_current_page (self);
  if (current != self->current_page)
    update_labels (self);
}

static void
on_scale_factor_changed_cb (RelancePdfView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->pages_widget));
}

/* Ctrl+wheel zooms. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              RelancePdfView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || self->pages->len == 0 || dy == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "pdf.zoom-in" : "pdf.zoom-out", NULL);

  return TRUE;
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RelancePdfView *self = RELANCE_PDF_VIEW (widget);
  double current = self->fit_width ? self->scale : self->zoom;
  double zoom = ZOOM_MAX;

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > current * 1.01)
      {
        zoom = zoom_levels[i];
        break;
      }

  set_zoom (self, zoom);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelancePdfView *self = RELANCE_PDF_VIEW (widget);
  double current = self->fit_width ? self->scale : self->zoom;
  double zoom = ZOOM_MIN;

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < current * 0.99)
      {
        zoom = zoom_levels[i - 1];
        break;
      }

  set_zoom (self, zoom);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelancePdfView *self = RELANCE_PDF_VIEW (widget);
  double hpage = gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (self->scrolled_window));
  double old_scale = self->scale;

  if (self->fit_width)
    return;

  self->fit_width = TRUE;
  if (hpage > 0)
    self->scale = scale_for_width (self, (int)hpage);
  relayout (self, old_scale);
}

/* Overrides */

static void
relance_pdf_view_root (GtkWidget *widget)
{
  GdkDisplay *display;

  GTK_WIDGET_CLASS (relance_pdf_view_parent_class)->root (widget);

  /* The grey behind the pages and the rounded controls, once a display. */
  display = gtk_widget_get_display (widget);
  if (g_object_get_data (G_OBJECT (display), "relance-pdf-view-css") == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, css, -1);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "relance-pdf-view-css", provider, g_object_unref);
    }
}

static void
relance_pdf_view_dispose (GObject *object)
{
  RelancePdfView *self = (RelancePdfView *)object;

  g_clear_handle_id (&self->update_labels_id, g_source_remove);
  if (self->pages_widget != NULL)
    self->pages_widget->view = NULL;
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->document);
  if (self->pages != NULL)
    g_array_set_size (self->pages, 0);

  G_OBJECT_CLASS (relance_pdf_view_parent_class)->dispose (object);
}

static void
relance_pdf_view_finalize (GObject *object)
{
  RelancePdfView *self = (RelancePdfView *)object;

  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (relance_pdf_view_parent_class)->finalize (object);
}

static void
relance_pdf_view_class_init (RelancePdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_pdf_view_dispose;
  object_class->finalize = relance_pdf_view_finalize;

  widget_class->root = relance_pdf_view_root;

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdfview");
}

static void
relance_pdf_view_init (RelancePdfView *self)
{
  GtkEventController *scroll;
  GtkEventController *shortcuts;
  GtkWidget *zoom_label;
  GtkWidget *page_label;
  GtkWidget *scrolled;

  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->fit_width = TRUE;
  self->zoom = 1.0;
  self->scale = 1.0;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  scrolled = gtk_scrolled_window_new ();
  self->scrolled_window = GTK_SCROLLED_WINDOW (scrolled);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), scrolled);

  self->pages_widget = g_object_new (RELANCE_TYPE_PDF_PAGES, NULL);
  self->pages_widget->view = self;
  gtk_scrolled_window_set_child (self->scrolled_window, GTK_WIDGET (self->pages_widget));

  /* Zoom out, the zoom, zoom in, fit | Page 1 of 2 */
  self->controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->controls, "osd");
  gtk_widget_add_css_class (self->controls, "toolbar");
  gtk_widget_add_css_class (self->controls, "pdf-controls");
  gtk_widget_set_halign (self->controls, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->controls, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (self->controls, 18);
  gtk_widget_set_visible (self->controls, FALSE);

  gtk_box_append (GTK_BOX (self->controls),
                  new_control_button ("zoom-out-symbolic", "pdf.zoom-out", _("Zoom Out")));
  zoom_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (zoom_label), 5);
  gtk_widget_add_css_class (zoom_label, "numeric");
  self->zoom_label = GTK_LABEL (zoom_label);
  gtk_box_append (GTK_BOX (self->controls), zoom_label);
  gtk_box_append (GTK_BOX (self->controls),
                  new_control_button ("zoom-in-symbolic", "pdf.zoom-in", _("Zoom In")));
  gtk_box_append (GTK_BOX (self->controls),
                  new_control_button ("zoom-fit-best-symbolic", "pdf.zoom-fit", _("Fit to Width")));
  gtk_box_append (GTK_BOX (self->controls), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (page_label, "numeric");
  self->page_label = GTK_LABEL (page_label);
  gtk_box_append (GTK_BOX (self->controls), page_label);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->controls);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (scrolled, scroll);

  /* Anywhere in the window, not only when the pages have the focus. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_plus, "pdf.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_equal, "pdf.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Add, "pdf.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_minus, "pdf.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Subtract, "pdf.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0, "pdf.zoom-fit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0, "pdf.zoom-fit");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_labels (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
relance_pdf_view_new (void)
{
  return g_object_new (RELANCE_TYPE_PDF_VIEW, NULL);
}

/**
 * relance_pdf_view_set_pdf:
 * @pdf: (nullable): a PDF document; %NULL shows nothing
 * @error: set when @pdf cannot be read (nothing is shown then)
 *
 * Shows @pdf, at the zoom and the place scrolled to of the one shown
 * before.
 */
void
relance_pdf_view_set_pdf (RelancePdfView *self,
                          GBytes         *pdf,
                          GError        **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_if_fail (RELANCE_IS_PDF_VIEW (self));

  if (pdf != NULL)
    {
      document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
      if (document == NULL)
        /* Translators: %s says why, from the PDF library */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The PDF could not be read: %s"),
                     local_error->message);
    }

  g_set_object (&self->document, document);
  g_array_set_size (self->pages, 0);
  self->max_width = 0;

  for (int i = 0; self->document != NULL && i < poppler_document_get_n_pages (self->document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->document, i);
      Page info = { 0 };

      poppler_page_get_size (page, &info.width, &info.height);
      g_array_append_val (self->pages, info);
      self->max_width = MAX (self->max_width, info.width);
    }

  if (self->fit_width && gtk_widget_get_width (GTK_WIDGET (self->pages_widget)) > 0)
    self->scale = scale_for_width (self, gtk_widget_get_width (GTK_WIDGET (self->pages_widget)));
  gtk_widget_queue_resize (GTK_WIDGET (self->pages_widget));
  gtk_widget_queue_draw (GTK_WIDGET (self->pages_widget));
  update_labels (self);
  update_actions (self);
}

/**
 * relance_pdf_view_get_n_pages:
 *
 * Returns: the pages of the PDF shown; 0 when none
 */
guint
relance_pdf_view_get_n_pages (RelancePdfView *self)
{
  g_return_val_if_fail (RELANCE_IS_PDF_VIEW (self), 0);

  return self->pages->len;
}

/**
 * relance_pdf_view_get_document:
 *
 * Returns: (transfer none) (nullable): the PDF shown
 */
PopplerDocument *
relance_pdf_view_get_document (RelancePdfView *self)
{
  g_return_val_if_fail (RELANCE_IS_PDF_VIEW (self), NULL);

  return self->document;
}
