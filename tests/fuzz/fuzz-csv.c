/* fuzz-csv.c
 *
 * libFuzzer target: any bytes as a CSV file, decoded, mapped, read, then
 * applied as a dry run to an in-memory ledger. See README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "relance-csv.h"
#include "relance-delimited.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RelanceDatabase *db;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(RelanceCsvFile) csv = NULL;
  g_autoptr(RelanceImportBatch) batch = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };

  if (db == NULL)
    db = relance_database_open (":memory:", NULL);

  text = relance_text_decode ((const char *)data, size, NULL, "fuzz.csv", NULL, NULL);
  if (text == NULL)
    return 0;
  csv = relance_csv_file_new_from_text (text, "fuzz.csv", 0, NULL);
  if (csv == NULL)
    return 0;
  batch = relance_csv_file_read (csv, NULL);
  if (batch == NULL)
    return 0;

  relance_import_apply (db, batch, RELANCE_IMPORT_DRY_RUN, relance_day_from_dmy (23, 11, 2026),
                        &summary, NULL);
  return 0;
}
