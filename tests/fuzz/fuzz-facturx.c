/* fuzz-facturx.c
 *
 * libFuzzer target: any bytes as the CII XML of a Factur-X invoice.
 * See README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <stdint.h>

#include "relance-facturx.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
ignore_errors (void *ctx, const char *msg, ...)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "fuzz");

  xmlSetGenericErrorFunc (NULL, ignore_errors);
  relance_facturx_read_xml (batch, (const char *)data, size, "fuzz.pdf", NULL);
  return 0;
}
