/* relance-letters-batch.h
 *
 * Writing the day's letters at once: every letter and formal notice of the
 * worklist of a day, in one PDF (each letter on an odd page, for duplex
 * printing) or one file per customer. What stops a letter is said: an
 * incomplete company identity stops them all (with a button to the
 * Preferences), a customer without an address is left out with the
 * reason. The letters are written in a worker thread with progress and
 * Cancel; a cancelled batch leaves no file and records nothing; a finished
 * one records each letter, with its PDF, in the customer's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"
#include "relance-date.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_LETTERS_BATCH_DIALOG (relance_letters_batch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RelanceLettersBatchDialog, relance_letters_batch_dialog, RELANCE, LETTERS_BATCH_DIALOG, AdwWindow)

typedef enum
{
  RELANCE_LETTERS_ONE_PDF,        /* one file, each letter on an odd page */
  RELANCE_LETTERS_PER_CUSTOMER,   /* one file per customer, in a folder */
} RelanceLettersMode;

GtkWidget  *relance_letters_batch_dialog_new          (GtkWindow                 *parent,
                                                       RelanceContext            *context,
                                                       RelanceDay                 date);
/* Letters that will be written (customers left out not counted). */
guint       relance_letters_batch_dialog_get_n_letters (RelanceLettersBatchDialog *self);
/* What "Write Letters" does once a file (ONE_PDF) or a folder
 * (PER_CUSTOMER) is chosen. @cancellable: NULL for the dialog's own (its
 * Cancel button); one already cancelled writes nothing. Emits ::finished
 * (TRUE when the letters were written and recorded) when done; the dialog
 * closes after a success. */
void        relance_letters_batch_dialog_write        (RelanceLettersBatchDialog *self,
                                                       RelanceLettersMode         mode,
                                                       GFile                     *target,
                                                       GCancellable              *cancellable);
gboolean    relance_letters_batch_dialog_is_busy      (RelanceLettersBatchDialog *self);

G_END_DECLS
