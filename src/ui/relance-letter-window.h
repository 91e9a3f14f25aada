/* relance-letter-window.h
 *
 * A reminder letter to one customer, as it will be printed: the template
 * to write it with (the step's kind in the customer's language and their
 * segment's tone unless another is chosen), the letter itself, what must
 * be filled in before it can be sent (with the way to the Preferences),
 * and what it quotes that this customer has no value for. Print and Mark
 * as Sent record it, with its PDF, in the customer's history (and mark the
 * worklist step as done), emit ::saved with a message for a toast, and
 * close; Save as PDF writes a file and records nothing, so drafts can be
 * kept.
 *
 * The same window shows a letter kept in the history, to print or save
 * again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <poppler.h>

#include "relance-context.h"
#include "relance-letter.h"
#include "relance-pdf-view.h"
#include "relance-worklist.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_LETTER_WINDOW (relance_letter_window_get_type ())

G_DECLARE_FINAL_TYPE (RelanceLetterWindow, relance_letter_window, RELANCE, LETTER_WINDOW, AdwWindow)

GtkWidget         *relance_letter_window_new              (GtkWindow             *parent,
                                                           RelanceContext        *context,
                                                           gint64                 customer_id,
                                                           const RelanceWorkItem *item);
GtkWidget         *relance_letter_window_new_for_document (GtkWindow             *parent,
                                                           GBytes                *pdf,
                                                           const char            *name);

/* The letter shown; NULL for a document from the history, or when it
 * could not be written (the window says why). */
RelanceLetter     *relance_letter_window_get_letter       (RelanceLetterWindow   *self);
RelancePdfView    *relance_letter_window_get_view         (RelanceLetterWindow   *self);
/* What Save as PDF does once a file is chosen. */
gboolean           relance_letter_window_save             (RelanceLetterWindow   *self,
                                                           GFile                 *file,
                                                           GError               **error);

/* Prints @document's pages on A4 (each page scaled to the sheet), for
 * the letter window and any other PDF made by Relance. */
GtkPrintOperation *relance_letter_print_operation_new     (PopplerDocument       *document,
                                                           const char            *job_name);

G_END_DECLS
