/* relance-cli-output.h
 *
 * The one writer every listing of relance-cli goes through: an aligned
 * table for people, CSV or JSON for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <glib.h>

#include "relance-date.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_CLI_FORMAT_TABLE,
  RELANCE_CLI_FORMAT_CSV,
  RELANCE_CLI_FORMAT_JSON,
} RelanceCliFormat;

typedef enum
{
  RELANCE_CLI_COLUMN_TEXT,     /* a JSON string */
  RELANCE_CLI_COLUMN_AMOUNT,   /* cents, written "1234.56"; a JSON number */
  RELANCE_CLI_COLUMN_NUMBER,   /* a whole number; a JSON number */
  RELANCE_CLI_COLUMN_DATE,     /* ISO; empty in CSV and null in JSON when none */
} RelanceCliColumnType;

typedef struct
{
  const char           *name;    /* CSV header and JSON key: never translated */
  const char           *title;   /* table header, marked with N_() */
  RelanceCliColumnType  type;
} RelanceCliColumn;

typedef struct _RelanceCliRow RelanceCliRow;

/* Fills @row with the cells of row @position; called once per row, and
 * twice for a table (once to measure the columns, once to write). */
typedef void (*RelanceCliFillRow) (RelanceCliRow *row,
                                   guint          position,
                                   gpointer       user_data);

gboolean relance_cli_format_parse   (const char              *text,
                                     RelanceCliFormat        *format);

void     relance_cli_row_set_text   (RelanceCliRow           *row,
                                     guint                    column,
                                     const char              *text);
void     relance_cli_row_set_keyword (RelanceCliRow          *row,
                                     guint                    column,
                                     const char              *keyword,
                                     const char              *label);
void     relance_cli_row_set_amount (RelanceCliRow           *row,
                                     guint                    column,
                                     gint64                   cents);
void     relance_cli_row_set_number (RelanceCliRow           *row,
                                     guint                    column,
                                     gint64                   number);
void     relance_cli_row_set_date   (RelanceCliRow           *row,
                                     guint                    column,
                                     RelanceDay               day);

gboolean relance_cli_write_rows     (FILE                    *out,
                                     RelanceCliFormat         format,
                                     const RelanceCliColumn  *columns,
                                     guint                    n_columns,
                                     guint                    n_rows,
                                     RelanceCliFillRow        fill,
                                     gpointer                 user_data,
                                     GError                 **error);

G_END_DECLS
