/* relance-letter.c
 *
 * A letter is laid out in two passes: the layout pass places every piece
 * (Pango layouts, lines of paragraphs, rules, fills, images) on pages, so
 * the number of pages is known; the drawing pass paints the pages with
 * their "1/2" footers on the writer's cairo PDF surface.
 *
 * The writer keeps one PangoContext (72 dpi, no hinting, so what is
 * measured is what the PDF shows) and parses each logo or signature image
 * once: the same cairo surface painted on every letter is stored once in
 * the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "relance-error.h"
#include "relance-letter.h"
#include "relance-letter-words.h"
#include "relance-merge.h"

/* Geometry, in points. */
#define MM                 (72.0 / 25.4)
#define PAGE_W             RELANCE_LETTER_PAGE_WIDTH
#define PAGE_H             RELANCE_LETTER_PAGE_HEIGHT
#define LEFT               (20 * MM)
#define RIGHT              (PAGE_W - 20 * MM)
#define TEXT_W             (RIGHT - LEFT)
#define HEAD_TOP           (15 * MM)
#define HEAD_W             (RELANCE_LETTER_WINDOW_X - LEFT - 8 * MM)
#define HEAD_BOTTOM        (RELANCE_LETTER_WINDOW_Y + RELANCE_LETTER_WINDOW_HEIGHT)
#define LOGO_W             (50 * MM)
#define LOGO_H             (20 * MM)
#define WINDOW_PAD         (5 * MM)
#define CONTINUED_TOP      (15 * MM)
#define BODY_TOP_NEXT      (28 * MM)
#define FOOTER_RULE        (279 * MM)
#define BODY_BOTTOM        (FOOTER_RULE - 7 * MM)
#define PARAGRAPH_GAP      10.0
#define LINE_SPACING       1.3
#define SIGNATURE_X        (LEFT + TEXT_W * 0.55)
#define SIGNATURE_W        (RIGHT - SIGNATURE_X)

/* Greys: text, secondary text, hairlines, table header fill. */
#define INK                0.12
#define GREY               0.40
#define HAIRLINE           0.78
#define SHADE              0.92
#define LIGHT_SHADE        0.96

#define FONT_FAMILY        "DejaVu Sans"

/* Table columns: number, date, due date, amount, open, days overdue. */
#define N_COLUMNS          6
#define CELL_PAD_X         4.0
#define CELL_PAD_Y         3.5

static const double column_widths[N_COLUMNS] = { 0, 68, 68, 80, 80, 62 };

struct _RelanceLetter
{
  RelanceTemplate   *template;
  RelanceLetterData *data;
  char              *subject;
  GPtrArray         *segments;      /* Segment */
  GStrv              empty_fields;
};

/* The body, as laid out: paragraphs and block fields. */
typedef struct
{
  char     *text;                   /* a paragraph ("\n" are line breaks) */
  char     *block;                  /* or a block field's name */
} Segment;

typedef struct
{
  GBytes          *bytes;
  cairo_surface_t *surface;         /* image (PNG) or recording (SVG) surface */
  double           width;
  double           height;
} Image;

struct _RelanceLetterWriter
{
  GOutputStream        *stream;
  GError               *stream_error;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *context;
  GPtrArray            *images;     /* Image */
  guint                 pages;
  gboolean              titled;

  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *name;
  PangoFontDescription *small;
  PangoFontDescription *small_bold;
  PangoFontDescription *table;
  PangoFontDescription *table_bold;
  PangoFontDescription *footer;
};

typedef enum
{
  ITEM_LAYOUT,                      /* a whole layout, top left at x, y */
  ITEM_LINE,                        /* one line of a layout, baseline at x, y */
  ITEM_RECT,                        /* a filled rectangle */
  ITEM_RULE,                        /* a horizontal line of thickness h */
  ITEM_IMAGE,                       /* an image scaled into x, y, w, h */
} ItemKind;

typedef struct
{
  ItemKind         kind;
  double           x, y, w, h;
  double           grey;
  PangoLayout     *layout;
  PangoLayoutLine *line;
  const Image     *image;
} Item;

typedef struct
{
  RelanceLetterWriter      *writer;
  RelanceLetter            *letter;
  const RelanceLetterData  *data;
  const RelanceCompany     *company;
  const RelanceLetterWords *words;
  const Image              *logo;
  const Image              *signature;
  GPtrArray                *pages;   /* GArray of Item */
  GArray                   *page;
  double                    y;
} Flow;

/* Table rows. */
typedef struct
{
  PangoLayout *cells[N_COLUMNS];
  double       x[N_COLUMNS];
  double       height;
  double       fill;                 /* < 0: none */
  double       rule_above;           /* thickness, 0: none */
} Row;

static void
item_clear (gpointer pointer)
{
  Item *item = pointer;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->line, pango_layout_line_unref);
}

static void
segment_free (gpointer pointer)
{
  Segment *segment = pointer;

  g_free (segment->text);
  g_free (segment->block);
  g_free (segment);
}

static void
image_free (gpointer pointer)
{
  Image *image = pointer;

  g_bytes_unref (image->bytes);
  cairo_surface_destroy (image->surface);
  g_free (image);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* @text on one line: its line breaks become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strstrip (g_strdup (or_empty (text)));

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return line;
}

/* Images */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *buffer,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (buffer, reader->data + reader->offset, length);
  reader->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
is_png (GBytes *bytes)
{
  static const guint8 magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= sizeof magic && memcmp (data, magic, sizeof magic) == 0;
}

static Image *
load_png (GBytes *bytes)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;
  Image *image;

  reader.data = g_bytes_get_data (bytes, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) <= 0
      || cairo_image_surface_get_height (surface) <= 0)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  image = g_new0 (Image, 1);
  image->bytes = g_bytes_ref (bytes);
  image->surface = surface;
  image->width = cairo_image_surface_get_width (surface);
  image->height = cairo_image_surface_get_height (surface);

  return image;
}

/* The SVG drawn once on a recording surface of its own size: painting it
 * again is cheap, and the PDF holds it once. */
static Image *
load_svg (GBytes *bytes)
{
  RsvgHandle *handle;
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = { 0 };
  cairo_rectangle_t extents;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;
  gboolean has_viewbox = FALSE;
  RsvgRectangle viewbox = { 0 };
  gboolean drawn;
  Image *image;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  handle = rsvg_handle_new_from_data (data, size, &error);
  if (handle == NULL)
    return NULL;

  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height)
      || width <= 0 || height <= 0)
    {
      rsvg_handle_get_intrinsic_dimensions (handle, NULL, NULL, NULL, NULL,
                                            &has_viewbox, &viewbox);
      if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
        {
          width = viewbox.width;
          height = viewbox.height;
        }
      else
        {
          width = 100;
          height = 100;
        }
    }

  extents = (cairo_rectangle_t) { 0, 0, width, height };
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  viewport = (RsvgRectangle) { 0, 0, width, height };
  drawn = rsvg_handle_render_document (handle, cr, &viewport, &error);
  cairo_destroy (cr);
  g_object_unref (handle);

  if (!drawn || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  image = g_new0 (Image, 1);
  image->bytes = g_bytes_ref (bytes);
  image->surface = surface;
  image->width = width;
  image->height = height;

  return image;
}

/* @bytes parsed, from the writer's cache when it was seen before; NULL
 * with an error naming @what when it cannot be read. */
static const Image *
writer_get_image (RelanceLetterWriter  *writer,
                  GBytes               *bytes,
                  const char           *what,
                  GError              **error)
{
  Image *image;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  for (guint i = 0; i < writer->images->len; i++)
    {
      image = g_ptr_array_index (writer->images, i);
      if (image->bytes == bytes || g_bytes_equal (image->bytes, bytes))
        return image;
    }

  image = is_png (bytes) ? load_png (bytes) : load_svg (bytes);
  if (image == NULL)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   /* Translators: %s is "The company’s logo" or "The signature" */
                   _("%s cannot be read: it is not a valid PNG or SVG image. "
                     "Choose another one in the company’s details."),
                   what);
      return NULL;
    }

  g_ptr_array_add (writer->images, image);

  return image;
}

/* Layout helpers */

static PangoLayout *
make_layout (Flow                       *flow,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width,
             PangoAlignment              alignment,
             int                         max_lines)
{
  PangoLayout *layout = pango_layout_new (flow->writer->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, or_empty (text), -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

static PangoFontDescription *
sized_font (const PangoFontDescription *font,
            double                      size)
{
  PangoFontDescription *copy = pango_font_description_copy (font);

  pango_font_description_set_size (copy, (int) (size * PANGO_SCALE));

  return copy;
}

static Item *
add_item (Flow     *flow,
          ItemKind  kind,
          double    x,
          double    y,
          double    w,
          double    h,
          double    grey)
{
  Item item = { 0 };

  item.kind = kind;
  item.x = x;
  item.y = y;
  item.w = w;
  item.h = h;
  item.grey = grey;
  g_array_append_val (flow->page, item);

  return &g_array_index (flow->page, Item, flow->page->len - 1);
}

/* Places @layout (taking a reference) with its top left at @x, @y;
 * returns its height. */
static double
place_layout (Flow        *flow,
              PangoLayout *layout,
              double       x,
              double       y,
              double       grey)
{
  Item *item = add_item (flow, ITEM_LAYOUT, x, y, 0, 0, grey);

  item->layout = g_object_ref (layout);

  return layout_height (layout);
}

/* A new layout of @text placed at @x, @y; returns its height. */
static double
place_text (Flow                       *flow,
            const PangoFontDescription *font,
            const char                 *text,
            double                      x,
            double                      y,
            double                      width,
            PangoAlignment              alignment,
            int                         max_lines,
            double                      grey)
{
  g_autoptr(PangoLayout) layout = make_layout (flow, font, text, width, alignment, max_lines);

  return place_layout (flow, layout, x, y, grey);
}

static void
place_image (Flow        *flow,
             const Image *image,
             double       x,
             double       y,
             double       box_width,
             double       box_height,
             double      *width,
             double      *height)
{
  double scale = MIN (box_width / image->width, box_height / image->height);
  Item *item;

  item = add_item (flow, ITEM_IMAGE, x, y, image->width * scale, image->height * scale, 0);
  item->image = image;
  *width = item->w;
  *height = item->h;
}

static void
start_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (flow->page, item_clear);
  g_ptr_array_add (flow->pages, flow->page);

  if (flow->pages->len > 1)
    {
      g_autofree char *date = relance_merge_format_date (flow->data->date, flow->words->language);
      g_autofree char *name = one_line (flow->data->customer_name);
      g_autofree char *text = g_strdup_printf ("%s — %s", name, date);
      double height;

      height = place_text (flow, flow->writer->footer, text, LEFT, CONTINUED_TOP,
                           TEXT_W, PANGO_ALIGN_LEFT, 1, GREY);
      add_item (flow, ITEM_RULE, LEFT, CONTINUED_TOP + height + 3, TEXT_W, 0.4, HAIRLINE);
      flow->y = BODY_TOP_NEXT;
    }
}

/* The first page's top */

static void
lay_out_letterhead (Flow *flow)
{
  RelanceLetterWriter *writer = flow->writer;
  const RelanceCompany *company = flow->company;
  g_auto(GStrv) street = g_strsplit (or_empty (company->address), "\n", -1);
  g_autofree char *town = NULL;
  double y = HEAD_TOP;

  if (flow->logo != NULL)
    {
      double width, height;

      place_image (flow, flow->logo, LEFT, y, LOGO_W, LOGO_H, &width, &height);
      y += height + 4 * MM;
    }

  if (!is_blank (company->name))
    {
      g_autofree char *name = one_line (company->name);

      y += place_text (flow, writer->name, name, LEFT, y, HEAD_W, PANGO_ALIGN_LEFT, 2, INK);
      y += 2;
    }

  for (guint i = 0; street[i] != NULL && y < HEAD_BOTTOM - 10; i++)
    {
      g_strstrip (street[i]);
      if (street[i][0] != '\0')
        y += place_text (flow, writer->small, street[i], LEFT, y, HEAD_W, PANGO_ALIGN_LEFT, 1, GREY);
    }

  town = g_strstrip (g_strdup_printf ("%s %s", or_empty (company->postcode), or_empty (company->city)));
  if (town[0] != '\0' && y < HEAD_BOTTOM - 10)
    y += place_text (flow, writer->small, town, LEFT, y, HEAD_W, PANGO_ALIGN_LEFT, 1, GREY);

  if (!is_blank (company->phone) && y < HEAD_BOTTOM - 10)
    {
      g_autofree char *phone = one_line (company->phone);
      g_autofree char *text = relance_letter_words_fill (flow->words->phone, phone);

      y += place_text (flow, writer->small, text, LEFT, y, HEAD_W, PANGO_ALIGN_LEFT, 1, GREY);
    }

  if (!is_blank (company->email) && y < HEAD_BOTTOM - 10)
    {
      g_autofree char *email = one_line (company->email);

      y += place_text (flow, writer->small, email, LEFT, y, HEAD_W, PANGO_ALIGN_LEFT, 1, GREY);
    }
}

/* The recipient's lines at @size points; with @street_lines of the street
 * lines at most. */
static GPtrArray *
make_address (Flow   *flow,
              double  size,
              guint   street_lines,
              double *height)
{
  const RelanceLetterData *data = flow->data;
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoFontDescription) regular = sized_font (flow->writer->body, size);
  g_autoptr(PangoFontDescription) bold = sized_font (flow->writer->bold, size);
  double width = RELANCE_LETTER_WINDOW_WIDTH - 2 * WINDOW_PAD;
  g_auto(GStrv) street = g_strsplit (or_empty (data->address), "\n", -1);
  g_autofree char *name = one_line (data->customer_name);
  g_autofree char *town = NULL;
  g_autofree char *country = NULL;
  g_autofree char *home = g_strdup ("FR");
  guint used = 0;

  g_ptr_array_add (layouts, make_layout (flow, bold, name, width, PANGO_ALIGN_LEFT, 2));

  if (!is_blank (data->contact_name))
    {
      g_autofree char *contact = one_line (data->contact_name);
      g_autofree char *text = relance_letter_words_attention (flow->words, data->contact_civility, contact);

      g_ptr_array_add (layouts, make_layout (flow, regular, text, width, PANGO_ALIGN_LEFT, 1));
    }

  for (guint i = 0; street[i] != NULL && used < street_lines; i++)
    {
      g_strstrip (street[i]);
      if (street[i][0] == '\0')
        continue;
      g_ptr_array_add (layouts, make_layout (flow, regular, street[i], width, PANGO_ALIGN_LEFT, 1));
      used++;
    }

  /* The last lines in capitals, as the post sorts them. */
  town = g_strstrip (g_strdup_printf ("%s %s", or_empty (data->postcode), or_empty (data->city)));
  if (town[0] != '\0')
    {
      g_autofree char *line = one_line (town);
      g_autofree char *upper = g_utf8_strup (line, -1);

      g_ptr_array_add (layouts, make_layout (flow, regular, upper, width, PANGO_ALIGN_LEFT, 1));
    }

  if (!is_blank (flow->company->country))
    {
      g_free (home);
      home = g_strstrip (g_strdup (flow->company->country));
    }
  if (!is_blank (data->country))
    {
      g_autofree char *code = g_strstrip (g_strdup (data->country));

      if (g_ascii_strcasecmp (code, home) != 0)
        country = relance_letter_words_country (flow->words, code);
    }
  if (country != NULL)
    g_ptr_array_add (layouts, make_layout (flow, regular, country, width, PANGO_ALIGN_LEFT, 1));

  *height = 0;
  for (guint i = 0; i < layouts->len; i++)
    *height += layout_height (g_ptr_array_index (layouts, i));

  return layouts;
}

static guint
count_street_lines (const char *address)
{
  g_auto(GStrv) street = g_strsplit (or_empty (address), "\n", -1);
  guint n = 0;

  for (guint i = 0; street[i] != NULL; i++)
    if (!is_blank (street[i]))
      n++;

  return n;
}

/* The recipient in the envelope's window, never outside it. */
static void
lay_out_address (Flow *flow)
{
  static const double sizes[] = { 10, 9, 8 };
  double inner = RELANCE_LETTER_WINDOW_HEIGHT - 2 * WINDOW_PAD;
  guint street_lines = count_street_lines (flow->data->address);
  g_autoptr(GPtrArray) layouts = NULL;
  double height = 0;
  double pad;
  double y;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_clear_pointer (&layouts, g_ptr_array_unref);
      layouts = make_address (flow, sizes[i], street_lines, &height);
      if (height <= inner)
        break;
    }

  while (height > inner && street_lines > 0)
    {
      g_clear_pointer (&layouts, g_ptr_array_unref);
      layouts = make_address (flow, sizes[G_N_ELEMENTS (sizes) - 1], --street_lines, &height);
    }

  /* Still too tall (a name on two lines, a contact, the town and the
   * country at 8 points always fit; this is only a guard). */
  while (height > inner && layouts->len > 1)
    {
      height -= layout_height (g_ptr_array_index (layouts, layouts->len - 1));
      g_ptr_array_remove_index (layouts, layouts->len - 1);
    }

  pad = CLAMP ((RELANCE_LETTER_WINDOW_HEIGHT - height) / 2, WINDOW_PAD, 9 * MM);
  y = RELANCE_LETTER_WINDOW_Y + pad;
  for (guint i = 0; i < layouts->len; i++)
    y += place_layout (flow, g_ptr_array_index (layouts, i),
                       RELANCE_LETTER_WINDOW_X + WINDOW_PAD, y, INK);

  if (flow->letter->template->channel == RELANCE_CHANNEL_REGISTERED_LETTER)
    {
      g_autoptr(PangoLayout) mention = make_layout (flow, flow->writer->small_bold,
                                                    flow->words->registered,
                                                    RELANCE_LETTER_WINDOW_WIDTH - WINDOW_PAD,
                                                    PANGO_ALIGN_LEFT, 2);

      place_layout (flow, mention, RELANCE_LETTER_WINDOW_X + WINDOW_PAD,
                    RELANCE_LETTER_WINDOW_Y - 2 - layout_height (mention), INK);
    }
}

static void
lay_out_date_and_subject (Flow *flow)
{
  RelanceLetterWriter *writer = flow->writer;
  g_autofree char *date = relance_merge_format_date (flow->data->date, flow->words->language);
  g_autofree char *line = NULL;
  g_autofree char *subject = NULL;
  double y = RELANCE_LETTER_WINDOW_Y + RELANCE_LETTER_WINDOW_HEIGHT + 9 * MM;

  if (!is_blank (flow->company->place))
    {
      g_autofree char *place = one_line (flow->company->place);
      g_autofree char *prefix = relance_letter_words_fill (flow->words->place_date, place);

      line = g_strconcat (prefix, date, NULL);
    }
  else
    line = relance_letter_words_fill (flow->words->date_only, date);

  y += place_text (flow, writer->body, line, LEFT, y, TEXT_W, PANGO_ALIGN_RIGHT, 1, INK);
  y += 9 * MM;

  if (!is_blank (flow->letter->subject))
    {
      subject = g_strconcat (flow->words->subject, flow->letter->subject, NULL);
      y += place_text (flow, writer->bold, subject, LEFT, y, TEXT_W, PANGO_ALIGN_LEFT, 3, INK);
      y += 8 * MM;
    }

  flow->y = y;
}

/* Body */

static void
lay_out_paragraph (Flow       *flow,
                   const char *text,
                   gboolean    first)
{
  g_autoptr(PangoLayout) layout = make_layout (flow, flow->writer->body, text, TEXT_W,
                                               PANGO_ALIGN_LEFT, 0);
  PangoLayoutIter *iter;
  guint n = MAX (pango_layout_get_line_count (layout), 1);
  g_autofree double *top = g_new (double, n);
  g_autofree double *bottom = g_new (double, n);
  g_autofree double *baseline = g_new (double, n);
  g_autofree double *x = g_new (double, n);
  double offset;
  guint i = 0;

  pango_layout_set_line_spacing (layout, LINE_SPACING);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top[i] = (double) logical.y / PANGO_SCALE;
      bottom[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      x[i] = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = i;

  if (!first)
    flow->y += PARAGRAPH_GAP;

  /* No lonely first line at the foot of a page. */
  if (flow->y + bottom[MIN (n, 2) - 1] - top[0] > BODY_BOTTOM)
    start_page (flow);

  offset = flow->y - top[0];
  for (i = 0; i < n; i++)
    {
      Item *item;

      if (offset + bottom[i] > BODY_BOTTOM)
        {
          start_page (flow);
          offset = flow->y - top[i];
        }

      item = add_item (flow, ITEM_LINE, LEFT + x[i], offset + baseline[i], 0, 0, INK);
      item->layout = g_object_ref (layout);
      item->line = pango_layout_line_ref (pango_layout_get_line_readonly (layout, i));
    }

  flow->y = offset + bottom[n - 1];
}

/* The table of invoices */

static char *
table_date (RelanceDay                day,
            const RelanceLetterWords *words)
{
  guint d, m, y;

  if (day == RELANCE_DAY_NONE || !relance_day_is_valid (day))
    return g_strdup ("");

  relance_day_to_dmy (day, &d, &m, &y);
  if (g_str_equal (words->language, "en"))
    {
      g_autofree char *month = g_utf8_substring (words->months[m - 1], 0, 3);

      return g_strdup_printf ("%u %s %u", d, month, y);
    }

  return g_strdup_printf ("%02u/%02u/%u", d, m, y);
}

/* "40 €" rather than "40,00 €" for a whole amount. */
static char *
format_round_amount (gint64                    cents,
                     const RelanceLetterWords *words)
{
  g_autofree char *text = relance_merge_format_amount (cents, words->language);
  g_autoptr(GString) out = g_string_new (text);
  const char *point = strstr (out->str, words->decimal_point);

  if (cents % 100 == 0 && point != NULL)
    g_string_erase (out, point - out->str, strlen (words->decimal_point) + 2);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
column_geometry (double *x,
                 double *width)
{
  double fixed = 0;

  for (guint i = 1; i < N_COLUMNS; i++)
    fixed += column_widths[i];

  width[0] = TEXT_W - fixed;
  for (guint i = 1; i < N_COLUMNS; i++)
    width[i] = column_widths[i];

  x[0] = LEFT;
  for (guint i = 1; i < N_COLUMNS; i++)
    x[i] = x[i - 1] + width[i - 1];
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&row->cells[i]);
}

/* Sets cell @column of @row, spanning @span columns. */
static void
row_set (Flow                       *flow,
         Row                        *row,
         guint                       column,
         guint                       span,
         const char                 *text,
         const PangoFontDescription *font,
         PangoAlignment              alignment,
         int                         max_lines)
{
  double x[N_COLUMNS], width[N_COLUMNS];
  double cell_width = 0;

  column_geometry (x, width);
  for (guint i = column; i < column + span && i < N_COLUMNS; i++)
    cell_width += width[i];

  g_clear_object (&row->cells[column]);
  row->cells[column] = make_layout (flow, font, text, cell_width - 2 * CELL_PAD_X,
                                    alignment, max_lines);
  row->x[column] = x[column] + CELL_PAD_X;
  row->height = MAX (row->height, layout_height (row->cells[column]) + 2 * CELL_PAD_Y);
}

static void
place_row (Flow      *flow,
           const Row *row)
{
  if (row->fill >= 0)
    add_item (flow, ITEM_RECT, LEFT, flow->y, TEXT_W, row->height, row->fill);
  if (row->rule_above > 0)
    add_item (flow, ITEM_RULE, LEFT, flow->y, TEXT_W, row->rule_above, GREY);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (row->cells[i] != NULL)
      place_layout (flow, row->cells[i], row->x[i], flow->y + CELL_PAD_Y, INK);

  flow->y += row->height;
  add_item (flow, ITEM_RULE, LEFT, flow->y, TEXT_W, 0.4, HAIRLINE);
}

static void
make_header_row (Flow *flow,
                 Row  *row)
{
  const RelanceLetterWords *words = flow->words;
  const PangoFontDescription *font = flow->writer->table_bold;

  memset (row, 0, sizeof *row);
  row->fill = SHADE;
  row_set (flow, row, 0, 1, words->col_number, font, PANGO_ALIGN_LEFT, 2);
  row_set (flow, row, 1, 1, words->col_date, font, PANGO_ALIGN_LEFT, 2);
  row_set (flow, row, 2, 1, words->col_due, font, PANGO_ALIGN_LEFT, 2);
  row_set (flow, row, 3, 1, words->col_amount, font, PANGO_ALIGN_RIGHT, 2);
  row_set (flow, row, 4, 1, words->col_open, font, PANGO_ALIGN_RIGHT, 2);
  row_set (flow, row, 5, 1, words->col_days, font, PANGO_ALIGN_RIGHT, 2);
}

static void
make_invoice_row (Flow                       *flow,
                  Row                        *row,
                  const RelanceLetterInvoice *invoice)
{
  const RelanceLetterWords *words = flow->words;
  const PangoFontDescription *font = flow->writer->table;
  const char *lang = words->language;
  g_autoptr(GString) number = g_string_new (or_empty (invoice->number));
  g_autofree char *issued = table_date (invoice->issue_date, words);
  g_autofree char *due = table_date (invoice->due_date, words);
  g_autofree char *amount = relance_merge_format_amount (invoice->amount, lang);
  g_autofree char *open = relance_merge_format_amount (invoice->open, lang);
  g_autofree char *days = NULL;

  if (invoice->credit_note)
    g_string_append_printf (number, " (%s)", words->credit_note);
  if (invoice->disputed)
    g_string_append_printf (number, " (%s)", words->disputed);

  if (invoice->credit_note)
    days = g_strdup ("");
  else if (invoice->days_overdue < 0)
    days = g_strdup (words->not_due);
  else
    days = g_strdup_printf ("%d", invoice->days_overdue);

  memset (row, 0, sizeof *row);
  row->fill = -1;
  row_set (flow, row, 0, 1, number->str, font, PANGO_ALIGN_LEFT, 1);
  row_set (flow, row, 1, 1, issued, font, PANGO_ALIGN_LEFT, 1);
  row_set (flow, row, 2, 1, due, font, PANGO_ALIGN_LEFT, 1);
  row_set (flow, row, 3, 1, amount, font, PANGO_ALIGN_RIGHT, 1);
  row_set (flow, row, 4, 1, open, font, PANGO_ALIGN_RIGHT, 1);
  row_set (flow, row, 5, 1, days, font, PANGO_ALIGN_RIGHT, 1);
}

/* A label over the first four columns, an amount in the open column. */
static void
make_total_row (Flow                       *flow,
                Row                        *row,
                const char                 *label,
                gint64                      amount,
                const PangoFontDescription *font,
                double                      fill,
                double                      rule_above)
{
  g_autofree char *value = relance_merge_format_amount (amount, flow->words->language);

  memset (row, 0, sizeof *row);
  row->fill = fill;
  row->rule_above = rule_above;
  row_set (flow, row, 0, 4, label, font, PANGO_ALIGN_LEFT, 2);
  row_set (flow, row, 4, 1, value, font, PANGO_ALIGN_RIGHT, 1);
}

/* The label of a line of interest: the invoice (and the day it was paid,
 * on the first line of an invoice paid late), the period, its days, the
 * balance and the rate, so that anyone can check it. */
static char *
interest_period_label (const RelanceLetterData            *data,
                       const RelanceLetterInterestPeriod  *period,
                       gboolean                            first_of_invoice,
                       const RelanceLetterWords           *words)
{
  g_autofree char *number = relance_letter_words_fill (words->interest_line, period->number);
  g_autofree char *from_day = table_date (period->from, words);
  g_autofree char *to_day = table_date (period->to, words);
  g_autofree char *from = relance_letter_words_fill (words->period_from, from_day);
  g_autofree char *to = relance_letter_words_fill (words->period_to, to_day);
  g_autofree char *count = g_strdup_printf ("%d", period->days);
  g_autofree char *days = relance_letter_words_fill (period->days == 1 ? words->day_one : words->day_many, count);
  g_autofree char *balance_text = relance_merge_format_amount (period->balance, words->language);
  g_autofree char *balance = relance_letter_words_fill (words->on_amount, balance_text);
  g_autofree char *rate_text = relance_merge_format_rate (period->rate, words->language);
  g_autofree char *rate = relance_letter_words_fill (words->at_rate, rate_text);
  g_autoptr(GString) label = g_string_new (number);

  for (guint i = 0; first_of_invoice && data->paid_late != NULL && i < data->paid_late->len; i++)
    {
      const RelanceLetterInvoice *paid = g_ptr_array_index (data->paid_late, i);

      if (paid->invoice_id == period->invoice_id)
        {
          g_autofree char *paid_day = table_date (paid->due_date + paid->days_overdue, words);
          g_autofree char *paid_on = relance_letter_words_fill (words->paid_on, paid_day);

          g_string_append_printf (label, " %s", paid_on);
        }
    }
  g_string_append_printf (label, ", %s %s (%s %s %s)", from, to, days, balance, rate);

  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
lay_out_table (Flow     *flow,
               gboolean  first)
{
  const RelanceLetterData *data = flow->data;
  const RelanceLetterWords *words = flow->words;
  RelanceLetterWriter *writer = flow->writer;
  guint n_periods = data->interest_periods != NULL ? data->interest_periods->len : 0;
  Row header;
  g_autofree Row *totals = g_new0 (Row, 4 + n_periods);
  guint n_totals = 0;
  double totals_height = 0;
  gint64 issued = 0;
  guint n = data->invoices != NULL ? data->invoices->len : 0;

  make_header_row (flow, &header);

  if (!first)
    flow->y += PARAGRAPH_GAP + 2;

  for (guint i = 0; i < n; i++)
    issued += ((RelanceLetterInvoice *) g_ptr_array_index (data->invoices, i))->amount;

  /* Totals */
  make_total_row (flow, &totals[n_totals++], words->total, data->total_open,
                  writer->table_bold, -1, 0.8);
  {
    /* The sum of the amounts as issued, beside the open total. */
    g_autofree char *text = relance_merge_format_amount (issued, words->language);
    double x[N_COLUMNS], width[N_COLUMNS];

    column_geometry (x, width);
    g_clear_object (&totals[0].cells[0]);
    totals[0].cells[0] = make_layout (flow, writer->table_bold, words->total,
                                      width[0] + width[1] + width[2] - 2 * CELL_PAD_X,
                                      PANGO_ALIGN_LEFT, 1);
    totals[0].cells[3] = make_layout (flow, writer->table_bold, text,
                                      width[3] - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, 1);
    totals[0].x[3] = x[3] + CELL_PAD_X;
  }

  if (data->claims_penalties)
    {
      g_autofree char *rate = relance_merge_get_value (data, "penalties.rate");
      g_autofree char *interest = relance_letter_words_fill (words->interest, rate);
      g_autoptr(GString) indemnity = g_string_new (words->indemnity);
      guint late = 0;
      gint64 each = 0;
      gboolean same = TRUE;

      /* The interest line by line, one per invoice and period of the same
       * rate and balance (they add up to data->interest); one line at the
       * rate of the day when there is none to tell. */
      if (n_periods == 0)
        make_total_row (flow, &totals[n_totals++], interest, data->interest,
                        writer->table, -1, 0);
      for (guint i = 0; i < n_periods; i++)
        {
          const RelanceLetterInterestPeriod *period = g_ptr_array_index (data->interest_periods, i);
          const RelanceLetterInterestPeriod *before = i > 0 ? g_ptr_array_index (data->interest_periods, i - 1) : NULL;
          g_autofree char *label = interest_period_label (data, period,
                                                          before == NULL || before->invoice_id != period->invoice_id,
                                                          words);

          make_total_row (flow, &totals[n_totals++], label, period->interest, writer->table, -1, 0);
        }

      /* "(40 € × 3)" when every late invoice bears the same indemnity,
       * those paid late included. */
      for (guint i = 0; i < n + (data->paid_late != NULL ? data->paid_late->len : 0); i++)
        {
          const RelanceLetterInvoice *invoice = i < n ? g_ptr_array_index (data->invoices, i)
                                                      : g_ptr_array_index (data->paid_late, i - n);

          if (invoice->indemnity <= 0)
            continue;
          same &= late == 0 || invoice->indemnity == each;
          each = invoice->indemnity;
          late++;
        }
      if (late > 0 && same && each * late == data->indemnity)
        {
          g_autofree char *unit = format_round_amount (each, words);

          g_string_append_printf (indemnity, " (%s × %u)", unit, late);
        }
      make_total_row (flow, &totals[n_totals++], indemnity->str, data->indemnity,
                      writer->table, -1, 0);
      make_total_row (flow, &totals[n_totals++], words->total_claimed, data->total_claimed,
                      writer->table_bold, LIGHT_SHADE, 0.8);
    }

  for (guint i = 0; i < n_totals; i++)
    totals_height += totals[i].height;

  /* The header and a first row (or the totals) together. */
  {
    double next = n > 0 ? 0 : totals_height;

    if (n > 0)
      {
        Row first_row;

        make_invoice_row (flow, &first_row, g_ptr_array_index (data->invoices, 0));
        next = first_row.height;
        row_clear (&first_row);
      }
    if (flow->y + header.height + next > BODY_BOTTOM)
      start_page (flow);
  }
  place_row (flow, &header);

  for (guint i = 0; i < n; i++)
    {
      Row row;

      make_invoice_row (flow, &row, g_ptr_array_index (data->invoices, i));
      if (flow->y + row.height > BODY_BOTTOM)
        {
          start_page (flow);
          place_row (flow, &header);
        }
      place_row (flow, &row);
      row_clear (&row);
    }

  /* The totals stay together, under the header again if they move; so
   * many lines of interest that a page cannot hold them go on over pages. */
  if (flow->y + totals_height > BODY_BOTTOM)
    {
      start_page (flow);
      place_row (flow, &header);
    }
  for (guint i = 0; i < n_totals; i++)
    {
      if (flow->y + totals[i].height > BODY_BOTTOM)
        {
          start_page (flow);
          place_row (flow, &header);
        }
      place_row (flow, &totals[i]);
      row_clear (&totals[i]);
    }

  row_clear (&header);
}

static void
lay_out_signature (Flow *flow)
{
  RelanceLetterWriter *writer = flow->writer;
  const RelanceCompany *company = flow->company;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double height = 0;
  double image_height = 0;
  double y;

  if (!is_blank (company->signatory_name))
    {
      g_autofree char *text = one_line (company->signatory_name);

      name = make_layout (flow, writer->bold, text, SIGNATURE_W, PANGO_ALIGN_LEFT, 2);
      height += layout_height (name);
    }
  if (!is_blank (company->signatory_title))
    {
      g_autofree char *text = one_line (company->signatory_title);

      title = make_layout (flow, writer->body, text, SIGNATURE_W, PANGO_ALIGN_LEFT, 2);
      height += layout_height (title);
    }
  if (flow->signature != NULL)
    {
      double scale = MIN (LOGO_W / flow->signature->width, LOGO_H / flow->signature->height);

      image_height = flow->signature->height * scale;
      height += image_height + 2 * MM;
    }

  if (height == 0)
    return;

  y = flow->y + 10 * MM;
  if (y + height > BODY_BOTTOM)
    {
      start_page (flow);
      y = flow->y;
    }

  if (flow->signature != NULL)
    {
      double width, drawn;

      place_image (flow, flow->signature, SIGNATURE_X, y, LOGO_W, LOGO_H, &width, &drawn);
      y += drawn + 2 * MM;
    }
  if (name != NULL)
    y += place_layout (flow, name, SIGNATURE_X, y, INK);
  if (title != NULL)
    y += place_layout (flow, title, SIGNATURE_X, y, GREY);

  flow->y = y;
}

/* The legal line and "1/2" on every page, once the count is known. */
static void
lay_out_footers (Flow *flow)
{
  RelanceLetterWriter *writer = flow->writer;
  const RelanceCompany *company = flow->company;
  g_autoptr(GString) legal = g_string_new (NULL);
  g_autoptr(GString) payment = g_string_new (NULL);
  g_autoptr(PangoLayout) legal_layout = NULL;
  g_autoptr(PangoLayout) payment_layout = NULL;
  double number_width = 16 * MM;
  guint n_pages = flow->pages->len;

  if (!is_blank (company->name))
    {
      g_autofree char *name = one_line (company->name);

      g_string_append (legal, name);
    }
  if (!is_blank (company->siren))
    {
      g_autofree char *siren = relance_merge_get_value (flow->data, "company.siren");
      g_autofree char *text = relance_letter_words_fill (flow->words->siren, siren);

      g_string_append_printf (legal, "%s%s", legal->len > 0 ? " · " : "", text);
    }
  if (!is_blank (company->vat_number))
    {
      g_autofree char *vat = one_line (company->vat_number);
      g_autofree char *text = relance_letter_words_fill (flow->words->vat_number, vat);

      g_string_append_printf (legal, "%s%s", legal->len > 0 ? " · " : "", text);
    }
  if (!is_blank (company->iban))
    {
      g_autofree char *details = relance_merge_get_value (flow->data, "payment.details");

      g_string_append (payment, details);
    }

  if (legal->len > 0)
    legal_layout = make_layout (flow, writer->footer, legal->str, TEXT_W - number_width,
                                PANGO_ALIGN_LEFT, 1);
  if (payment->len > 0)
    payment_layout = make_layout (flow, writer->footer, payment->str, TEXT_W - number_width,
                                  PANGO_ALIGN_LEFT, 1);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u/%u", i + 1, n_pages);
      double y = FOOTER_RULE + 2 * MM;

      flow->page = g_ptr_array_index (flow->pages, i);
      add_item (flow, ITEM_RULE, LEFT, FOOTER_RULE, TEXT_W, 0.4, HAIRLINE);
      place_text (flow, writer->footer, number, RIGHT - number_width, y, number_width,
                  PANGO_ALIGN_RIGHT, 1, GREY);
      if (legal_layout != NULL)
        y += place_layout (flow, legal_layout, LEFT, y, GREY);
      if (payment_layout != NULL)
        place_layout (flow, payment_layout, LEFT, y, GREY);
    }

  /* Fold marks for a DL window envelope, on the first page's edge. */
  flow->page = g_ptr_array_index (flow->pages, 0);
  add_item (flow, ITEM_RULE, 5 * MM, 99 * MM, 4 * MM, 0.4, HAIRLINE);
  add_item (flow, ITEM_RULE, 5 * MM, 198 * MM, 4 * MM, 0.4, HAIRLINE);
}

static GPtrArray *
lay_out_letter (RelanceLetterWriter *writer,
                RelanceLetter       *letter,
                const Image         *logo,
                const Image         *signature)
{
  g_autoptr(RelanceCompany) empty = NULL;
  Flow flow = { 0 };
  gboolean first = TRUE;

  flow.writer = writer;
  flow.letter = letter;
  flow.data = letter->data;
  flow.company = letter->data->company;
  if (flow.company == NULL)
    flow.company = empty = relance_company_new ();
  flow.words = relance_letter_words_get (letter->data->language);
  flow.logo = logo;
  flow.signature = signature;
  flow.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  pango_context_set_language (writer->context,
                              pango_language_from_string (flow.words->language));

  start_page (&flow);
  lay_out_letterhead (&flow);
  lay_out_address (&flow);
  lay_out_date_and_subject (&flow);

  for (guint i = 0; i < letter->segments->len; i++)
    {
      const Segment *segment = g_ptr_array_index (letter->segments, i);

      if (segment->block != NULL && g_str_equal (segment->block, "invoices.table"))
        lay_out_table (&flow, first);
      else if (segment->text != NULL)
        lay_out_paragraph (&flow, segment->text, first);
      first = FALSE;
    }

  lay_out_signature (&flow);
  lay_out_footers (&flow);

  return flow.pages;
}

/* Drawing */

static void
draw_page (cairo_t *cr,
           GArray  *page)
{
  for (guint i = 0; i < page->len; i++)
    {
      const Item *item = &g_array_index (page, Item, i);

      cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);

      switch (item->kind)
        {
        case ITEM_LAYOUT:
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout (cr, item->layout);
          break;

        case ITEM_LINE:
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout_line (cr, item->line);
          break;

        case ITEM_RECT:
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_fill (cr);
          break;

        case ITEM_RULE:
          cairo_set_line_width (cr, item->h);
          cairo_move_to (cr, item->x, item->y);
          cairo_line_to (cr, item->x + item->w, item->y);
          cairo_stroke (cr);
          break;

        case ITEM_IMAGE:
          cairo_save (cr);
          cairo_translate (cr, item->x, item->y);
          cairo_scale (cr, item->w / item->image->width, item->h / item->image->height);
          cairo_set_source_surface (cr, item->image->surface, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
          cairo_rectangle (cr, 0, 0, item->image->width, item->image->height);
          cairo_fill (cr);
          cairo_restore (cr);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  RelanceLetterWriter *writer = closure;

  if (writer->stream_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL,
                                  &writer->stream_error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Sets @error from the stream's or cairo's failure; FALSE when there is one. */
static gboolean
writer_check (RelanceLetterWriter  *writer,
              GError              **error)
{
  cairo_status_t status = cairo_surface_status (writer->surface);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_status (writer->cr);

  if (writer->stream_error != NULL)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The PDF could not be written: %s"), writer->stream_error->message);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static PangoFontDescription *
font (const char *weight,
      double      size)
{
  g_autofree char *text = g_strdup_printf (FONT_FAMILY " %s %g", weight, size);

  return pango_font_description_from_string (text);
}

static void
add_customer_missing (GStrvBuilder *builder,
                      const char   *what)
{
  g_autofree char *item = g_strdup_printf (_("Customer: %s"), what);

  g_strv_builder_add (builder, item);
}

/* Public API: the letter */

/**
 * relance_letter_new:
 * @template: the template
 * @data: the customer's data
 * @error: where to say what is wrong with the template
 *
 * Returns: (transfer full) (nullable): the letter, or %NULL when the
 *   template has a problem
 */
RelanceLetter *
relance_letter_new (const RelanceTemplate    *template,
                    const RelanceLetterData  *data,
                    GError                  **error)
{
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GString) paragraph = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!relance_merge_validate (template->subject, template->body, error))
    return NULL;

  g_ptr_array_set_free_func (empty, g_free);

  letter = g_new0 (RelanceLetter, 1);
  letter->template = relance_template_copy (template);
  letter->data = relance_letter_data_copy (data);
  letter->segments = g_ptr_array_new_with_free_func (segment_free);

  subject = relance_merge_apply (template->subject, data, empty);
  letter->subject = one_line (subject);

  /* The body line by line: a line that is a block field is a block; the
   * others are merged; a blank line ends a paragraph, and a line that
   * only held fields with no value goes away. */
  lines = g_strsplit (or_empty (template->body), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);
      g_autofree char *merged = NULL;
      g_autofree char *name = NULL;

      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';

      name = g_strstrip (g_strdup (line));
      if (g_str_has_prefix (name, "{{") && g_str_has_suffix (name, "}}"))
        {
          const RelanceMergeField *field;

          memmove (name, name + 2, strlen (name) - 1);
          name[strlen (name) - 2] = '\0';
          g_strstrip (name);
          field = relance_merge_find_field (name);
          if (field != NULL && field->block)
            {
              Segment *segment = g_new0 (Segment, 1);

              if (paragraph != NULL)
                {
                  Segment *text = g_new0 (Segment, 1);

                  text->text = g_string_free (g_steal_pointer (&paragraph), FALSE);
                  g_ptr_array_add (letter->segments, text);
                }
              segment->block = g_strdup (field->name);
              g_ptr_array_add (letter->segments, segment);
              continue;
            }
        }

      if (is_blank (line))
        {
          if (paragraph != NULL)
            {
              Segment *text = g_new0 (Segment, 1);

              text->text = g_string_free (g_steal_pointer (&paragraph), FALSE);
              g_ptr_array_add (letter->segments, text);
            }
          continue;
        }

      merged = relance_merge_apply (line, data, empty);
      g_strchomp (merged);
      if (merged[0] == '\0')
        continue;

      if (paragraph == NULL)
        paragraph = g_string_new (merged);
      else
        g_string_append_printf (paragraph, "\n%s", merged);
    }
  if (paragraph != NULL)
    {
      Segment *text = g_new0 (Segment, 1);

      text->text = g_string_free (g_steal_pointer (&paragraph), FALSE);
      g_ptr_array_add (letter->segments, text);
    }

  g_ptr_array_add (empty, NULL);
  letter->empty_fields = (GStrv) g_ptr_array_free (g_steal_pointer (&empty), FALSE);

  return g_steal_pointer (&letter);
}

void
relance_letter_free (RelanceLetter *letter)
{
  if (letter == NULL)
    return;

  relance_template_free (letter->template);
  relance_letter_data_free (letter->data);
  g_free (letter->subject);
  g_clear_pointer (&letter->segments, g_ptr_array_unref);
  g_strfreev (letter->empty_fields);
  g_free (letter);
}

const RelanceLetterData *
relance_letter_get_data (RelanceLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return letter->data;
}

const RelanceTemplate *
relance_letter_get_template (RelanceLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return letter->template;
}

const char *
relance_letter_get_subject (RelanceLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return letter->subject;
}

const char * const *
relance_letter_get_empty_fields (RelanceLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return (const char * const *) letter->empty_fields;
}

/**
 * relance_letter_get_missing:
 * @letter: a letter
 *
 * Returns: (transfer full) (nullable): what must be filled in before the
 *   letter is sent, in the user's language, or %NULL
 */
GStrv
relance_letter_get_missing (RelanceLetter *letter)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) company = NULL;
  g_auto(GStrv) missing = NULL;
  const RelanceLetterData *data;

  g_return_val_if_fail (letter != NULL, NULL);

  data = letter->data;
  if (data->company != NULL)
    company = relance_company_list_missing (data->company);
  for (guint i = 0; company != NULL && company[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup_printf (_("Your company: %s"), company[i]);

      g_strv_builder_add (builder, item);
    }

  if (is_blank (data->customer_name))
    add_customer_missing (builder, _("Name"));
  if (is_blank (data->address))
    add_customer_missing (builder, _("Address"));
  if (is_blank (data->postcode))
    add_customer_missing (builder, _("Postcode"));
  if (is_blank (data->city))
    add_customer_missing (builder, _("City"));

  missing = g_strv_builder_end (builder);
  if (missing[0] == NULL)
    return NULL;

  return g_steal_pointer (&missing);
}

/* One line of the plain-text table: "- FA-12 (avoir), échéance 29/10/2026 : 1 274,06 €" */
static void
append_text_invoice (GString                    *out,
                     const RelanceLetterWords   *words,
                     const RelanceLetterInvoice *invoice)
{
  g_autofree char *due = table_date (invoice->due_date, words);
  g_autofree char *open = relance_merge_format_amount (invoice->open, words->language);
  g_autofree char *due_label = g_utf8_strdown (words->col_due, -1);

  g_string_append_printf (out, "- %s", or_empty (invoice->number));
  if (invoice->credit_note)
    g_string_append_printf (out, " (%s)", words->credit_note);
  if (invoice->disputed)
    g_string_append_printf (out, " (%s)", words->disputed);
  g_string_append_printf (out, ", %s %s%s%s", due_label, due, words->label_sep, open);
}

static void
append_text_total (GString                  *out,
                   const RelanceLetterWords *words,
                   const char               *label,
                   gint64                    amount)
{
  g_autofree char *value = relance_merge_format_amount (amount, words->language);

  g_string_append_printf (out, "\n%s%s%s", label, words->label_sep, value);
}

/**
 * relance_letter_get_text:
 *
 * Returns: (transfer full): the letter as plain text, for an e-mail
 */
char *
relance_letter_get_text (RelanceLetter *letter)
{
  const RelanceLetterData *data;
  const RelanceLetterWords *words;
  const RelanceCompany *company;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (letter != NULL, NULL);

  data = letter->data;
  words = relance_letter_words_get (data->language);
  company = data->company;

  for (guint i = 0; i < letter->segments->len; i++)
    {
      Segment *segment = g_ptr_array_index (letter->segments, i);

      if (out->len > 0)
        g_string_append (out, "\n\n");

      if (segment->text != NULL)
        {
          g_string_append (out, segment->text);
          continue;
        }

      /* invoices.table, the only block field */
      for (guint j = 0; data->invoices != NULL && j < data->invoices->len; j++)
        {
          if (j > 0)
            g_string_append_c (out, '\n');
          append_text_invoice (out, words, g_ptr_array_index (data->invoices, j));
        }
      append_text_total (out, words, words->total, data->total_open);
      if (data->claims_penalties)
        {
          g_autofree char *rate = relance_merge_get_value (data, "penalties.rate");
          g_autofree char *interest = relance_letter_words_fill (words->interest, rate);

          if (data->interest_periods == NULL || data->interest_periods->len == 0)
            append_text_total (out, words, interest, data->interest);
          for (guint j = 0; data->interest_periods != NULL && j < data->interest_periods->len; j++)
            {
              const RelanceLetterInterestPeriod *period = g_ptr_array_index (data->interest_periods, j);
              const RelanceLetterInterestPeriod *before = j > 0 ? g_ptr_array_index (data->interest_periods, j - 1) : NULL;
              g_autofree char *label = interest_period_label (data, period,
                                                              before == NULL || before->invoice_id != period->invoice_id,
                                                              words);

              append_text_total (out, words, label, period->interest);
            }
          append_text_total (out, words, words->indemnity, data->indemnity);
          append_text_total (out, words, words->total_claimed, data->total_claimed);
        }
    }

  /* The signature */
  if (company != NULL)
    {
      const char *lines[] = { company->signatory_name, company->signatory_title, company->name };
      gboolean first = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        {
          if (is_blank (lines[i]))
            continue;
          g_string_append (out, first ? "\n\n" : "\n");
          g_string_append (out, lines[i]);
          first = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * relance_letter_get_file_name:
 * @letter: a letter
 *
 * Returns: (transfer full): "Relance-C0042-2026-12-03.pdf"
 */
char *
relance_letter_get_file_name (RelanceLetter *letter)
{
  g_autoptr(GString) code = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (letter != NULL, NULL);

  for (const char *p = or_empty (letter->data->customer_code); *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (code, *p);
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 0)
    g_string_printf (code, "%" G_GINT64_FORMAT, letter->data->customer_id);

  date = relance_day_is_valid (letter->data->date) ? relance_day_to_iso (letter->data->date)
                                                   : g_strdup ("undated");

  return g_strdup_printf ("Relance-%s-%s.pdf", code->str, date);
}

/* Public API: the writer */

/**
 * relance_letter_writer_new:
 * @stream: where the PDF goes (not closed)
 *
 * Returns: (transfer full): a writer; relance_letter_writer_finish() frees it
 */
RelanceLetterWriter *
relance_letter_writer_new (GOutputStream *stream)
{
  RelanceLetterWriter *writer;
  cairo_font_options_t *options;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  writer = g_new0 (RelanceLetterWriter, 1);
  writer->stream = g_object_ref (stream);
  writer->images = g_ptr_array_new_with_free_func (image_free);
  writer->surface = cairo_pdf_surface_create_for_stream (write_cb, writer, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATOR, "Relance");
  writer->cr = cairo_create (writer->surface);

  /* Measured at 72 dpi without hinting: what is measured is what the PDF
   * shows. */
  writer->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (writer->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (writer->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (writer->context, FALSE);

  writer->body = font ("", 10);
  writer->bold = font ("Bold", 10);
  writer->name = font ("Bold", 12);
  writer->small = font ("", 8.5);
  writer->small_bold = font ("Bold", 8.5);
  writer->table = font ("", 8.5);
  writer->table_bold = font ("Bold", 8.5);
  writer->footer = font ("", 7.5);

  return writer;
}

static void
writer_free (RelanceLetterWriter *writer)
{
  cairo_destroy (writer->cr);
  cairo_surface_destroy (writer->surface);
  g_clear_object (&writer->context);
  g_ptr_array_unref (writer->images);
  g_clear_error (&writer->stream_error);
  g_object_unref (writer->stream);
  pango_font_description_free (writer->body);
  pango_font_description_free (writer->bold);
  pango_font_description_free (writer->name);
  pango_font_description_free (writer->small);
  pango_font_description_free (writer->small_bold);
  pango_font_description_free (writer->table);
  pango_font_description_free (writer->table_bold);
  pango_font_description_free (writer->footer);
  g_free (writer);
}

/**
 * relance_letter_writer_add:
 * @writer: a writer
 * @letter: the letter to append
 * @odd_page: start it on an odd page (a blank page first when needed)
 * @error: where to say why it failed
 *
 * Returns: the number of pages of @letter, 0 on error
 */
guint
relance_letter_writer_add (RelanceLetterWriter  *writer,
                           RelanceLetter        *letter,
                           gboolean              odd_page,
                           GError              **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) local_error = NULL;
  const RelanceCompany *company;
  const Image *logo = NULL;
  const Image *signature = NULL;

  g_return_val_if_fail (writer != NULL, 0);
  g_return_val_if_fail (letter != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!writer_check (writer, error))
    return 0;

  company = letter->data->company;
  if (company != NULL)
    {
      logo = writer_get_image (writer, company->logo, _("The company’s logo"), &local_error);
      if (local_error == NULL)
        signature = writer_get_image (writer, company->signature, _("The signature"),
                                      &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
    }

  pages = lay_out_letter (writer, letter, logo, signature);

  if (!writer->titled)
    {
      cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_TITLE,
                                      letter->subject);
      writer->titled = TRUE;
    }

  if (odd_page && writer->pages % 2 == 1)
    {
      cairo_show_page (writer->cr);
      writer->pages++;
    }

  for (guint i = 0; i < pages->len; i++)
    {
      draw_page (writer->cr, g_ptr_array_index (pages, i));
      cairo_show_page (writer->cr);
      writer->pages++;
    }

  if (!writer_check (writer, error))
    return 0;

  return pages->len;
}

/**
 * relance_letter_writer_finish:
 * @writer: (transfer full): a writer
 * @error: where to say why the PDF could not be written
 *
 * Returns: whether the PDF was written whole
 */
gboolean
relance_letter_writer_finish (RelanceLetterWriter  *writer,
                              GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);

  cairo_surface_finish (writer->surface);
  ok = writer_check (writer, error);
  writer_free (writer);

  return ok;
}

/**
 * relance_letter_to_pdf:
 * @letter: a letter
 * @error: where to say why it could not be made
 *
 * Returns: (transfer full) (nullable): the letter as a PDF
 */
GBytes *
relance_letter_to_pdf (RelanceLetter  *letter,
                       GError        **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  RelanceLetterWriter *writer;

  g_return_val_if_fail (letter != NULL, NULL);

  writer = relance_letter_writer_new (stream);
  if (relance_letter_writer_add (writer, letter, FALSE, error) == 0)
    {
      relance_letter_writer_finish (writer, NULL);
      return NULL;
    }
  if (!relance_letter_writer_finish (writer, error))
    return NULL;
  if (!g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}
