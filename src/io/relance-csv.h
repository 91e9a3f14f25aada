/* relance-csv.h
 *
 * A CSV of invoices from invoicing or accounting software: its encoding and
 * separator, its header mapped to Relance's fields (guessed from French and
 * English names, or given), and its rows read into an import batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-import.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_CSV_NUMBER,
  RELANCE_CSV_CUSTOMER,
  RELANCE_CSV_NAME,
  RELANCE_CSV_SIREN,
  RELANCE_CSV_ISSUE_DATE,
  RELANCE_CSV_DUE_DATE,
  RELANCE_CSV_AMOUNT,
  RELANCE_CSV_OPEN,
  RELANCE_CSV_PAID,
  RELANCE_CSV_KIND,
  RELANCE_CSV_CURRENCY,
  RELANCE_CSV_ADDRESS,
  RELANCE_CSV_POSTCODE,
  RELANCE_CSV_CITY,
  RELANCE_CSV_COUNTRY,
  RELANCE_CSV_EMAIL,
  RELANCE_CSV_TERMS,
  RELANCE_CSV_N_FIELDS
} RelanceCsvField;

typedef struct _RelanceCsvFile RelanceCsvFile;

RelanceCsvFile *relance_csv_file_new_from_text (const char      *text,
                                                const char      *file,
                                                char             separator,
                                                GError         **error);
RelanceCsvFile *relance_csv_file_load        (const char        *path,
                                              const char        *encoding,
                                              char               separator,
                                              GError           **error);
void            relance_csv_file_free        (RelanceCsvFile    *self);
const char     *relance_csv_file_get_encoding (RelanceCsvFile   *self);
char            relance_csv_file_get_separator (RelanceCsvFile  *self);
guint           relance_csv_file_get_n_columns (RelanceCsvFile  *self);
const char     *relance_csv_file_get_header  (RelanceCsvFile    *self,
                                              guint              column);
GPtrArray      *relance_csv_file_get_preview (RelanceCsvFile    *self);
int             relance_csv_file_get_column  (RelanceCsvFile    *self,
                                              RelanceCsvField    field);
void            relance_csv_file_set_column  (RelanceCsvFile    *self,
                                              RelanceCsvField    field,
                                              int                column);
gboolean        relance_csv_file_set_mapping (RelanceCsvFile    *self,
                                              const char        *mapping,
                                              GError           **error);
char           *relance_csv_file_get_mapping (RelanceCsvFile    *self);
char           *relance_csv_file_get_signature (RelanceCsvFile  *self);
RelanceImportBatch *relance_csv_file_read    (RelanceCsvFile    *self,
                                              GError           **error);

const char     *relance_csv_field_get_name   (RelanceCsvField    field);
const char     *relance_csv_field_get_title  (RelanceCsvField    field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCsvFile, relance_csv_file_free)

G_END_DECLS
