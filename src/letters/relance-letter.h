/* relance-letter.h
 *
 * A reminder letter: a template merged with a customer's data, laid out by
 * Pango on A4 pages and written by cairo's PDF surface (fonts embedded).
 * Letterhead with the logo (PNG or SVG) and the company's identity; the
 * recipient's address in the window of a French DL window envelope (window
 * on the right: 100 mm from the left edge, 45 mm from the top, 100 x 45
 * mm); "registered letter with acknowledgement of receipt" above it for a
 * registered letter; place and date; subject; body; the invoices table
 * with page breaks and its header repeated; totals, interest and
 * indemnity lines when the step claims them; signature image, signatory's
 * name and title; "1/2" page numbers; the company's legal line in the
 * footer. Fixed words (table headings, "Subject:", "Page") are in the
 * letter's language. Nothing runs off the page: long names wrap or are
 * ellipsized, long tables break.
 *
 * No GTK and no SQL here (DESIGN.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "relance-letter-data.h"
#include "relance-templates.h"

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define RELANCE_LETTER_PAGE_WIDTH  595.2756
#define RELANCE_LETTER_PAGE_HEIGHT 841.8898

/* The address window of a DL envelope, in points from the page's top left
 * corner (100 mm, 45 mm, 100 x 45 mm). Tests check the address lies in it. */
#define RELANCE_LETTER_WINDOW_X       283.4646
#define RELANCE_LETTER_WINDOW_Y       127.5591
#define RELANCE_LETTER_WINDOW_WIDTH   283.4646
#define RELANCE_LETTER_WINDOW_HEIGHT  127.5591

typedef struct _RelanceLetter RelanceLetter;

/* Merges @template with @data (both are copied). Fails with
 * RELANCE_ERROR_INVALID when the template has a problem
 * (relance_merge_validate()). A letter can be made with an incomplete
 * company: relance_letter_get_missing() tells. */
RelanceLetter *relance_letter_new          (const RelanceTemplate   *template,
                                            const RelanceLetterData *data,
                                            GError                 **error);
void           relance_letter_free         (RelanceLetter           *letter);

const RelanceLetterData *relance_letter_get_data     (RelanceLetter *letter);
const RelanceTemplate   *relance_letter_get_template (RelanceLetter *letter);
/* The merged subject. */
const char    *relance_letter_get_subject  (RelanceLetter           *letter);
/* The fields the template uses that have no value for this customer
 * ("last_call.date"...), NULL-terminated, never NULL. */
const char * const *relance_letter_get_empty_fields (RelanceLetter  *letter);
/* What must be fixed before the letter can be sent, translated, in the
 * user's language ("The company’s SIREN", "The customer’s address"...);
 * NULL when nothing. */
GStrv          relance_letter_get_missing  (RelanceLetter           *letter);
/* The letter as plain text, for an e-mail: the merged body with the
 * invoices table as one line per invoice and its totals (and penalties
 * when claimed), then the signatory and the company. */
char          *relance_letter_get_text     (RelanceLetter           *letter);
/* A file name for it: "Relance-C0042-2026-12-03.pdf" (code made safe). */
char          *relance_letter_get_file_name (RelanceLetter          *letter);

/* Several letters in one PDF. */
typedef struct _RelanceLetterWriter RelanceLetterWriter;

/* Writes to @stream (not closed). */
RelanceLetterWriter *relance_letter_writer_new    (GOutputStream        *stream);
/* Appends @letter; with @odd_page, a blank page first when needed so that
 * it starts on an odd page (duplex printing). Returns the number of pages
 * the letter took (without the blank one), 0 on error. */
guint          relance_letter_writer_add   (RelanceLetterWriter     *writer,
                                            RelanceLetter           *letter,
                                            gboolean                 odd_page,
                                            GError                 **error);
/* Finishes the PDF; the writer is freed whatever happens. */
gboolean       relance_letter_writer_finish (RelanceLetterWriter    *writer,
                                            GError                 **error);

/* One letter as a PDF in memory, for the preview, the history and files. */
GBytes        *relance_letter_to_pdf       (RelanceLetter           *letter,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceLetter, relance_letter_free)

G_END_DECLS
