/* relance-fec.h
 *
 * The Fichier des Écritures Comptables every French accounting package
 * exports: the customer lines (accounts 411…) become customers, invoices,
 * credit notes, payments and, through the lettrage, allocations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-import.h"

G_BEGIN_DECLS

RelanceImportBatch *relance_fec_read_text (const char  *text,
                                           const char  *file,
                                           int          default_terms,
                                           GError     **error);
RelanceImportBatch *relance_fec_load      (const char  *path,
                                           const char  *encoding,
                                           int          default_terms,
                                           GError     **error);

G_END_DECLS
