/* relance-facturx.h
 *
 * Factur-X / ZUGFeRD e-invoices: the CII XML embedded in a PDF/A-3, read
 * with poppler-glib and parsed by libxml2 without network, DTD or entity
 * expansion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-import.h"

G_BEGIN_DECLS

/* Larger attachments are refused (an honest invoice is a few kB). */
#define RELANCE_FACTURX_XML_MAX (8 * 1024 * 1024)

gboolean relance_facturx_read_xml (RelanceImportBatch  *batch,
                                   const char          *xml,
                                   gsize                length,
                                   const char          *file,
                                   GError             **error);
gboolean relance_facturx_read_pdf (RelanceImportBatch  *batch,
                                   const char          *path,
                                   GError             **error);

G_END_DECLS
