/* relance-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "relance-cli-output.h"
#include "relance-error.h"
#include "relance-money.h"

#define COLUMN_GAP "  "

struct _RelanceCliRow
{
  const RelanceCliColumn *columns;
  guint                   n_columns;
  char                  **cells;    /* formatted; NULL when not set */
  RelanceCliFormat        format;
};

static void
row_clear (RelanceCliRow *row)
{
  for (guint i = 0; i < row->n_columns; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

static void
row_take (RelanceCliRow        *row,
          guint                 column,
          RelanceCliColumnType  type,
          char                 *text)
{
  g_return_if_fail (column < row->n_columns);
  g_return_if_fail (row->columns[column].type == type);

  g_free (row->cells[column]);
  row->cells[column] = text;
}

static const char *
row_get (RelanceCliRow *row,
         guint          column)
{
  return row->cells[column] ? row->cells[column] : "";
}

static gboolean
is_right_aligned (const RelanceCliColumn *column)
{
  return column->type == RELANCE_CLI_COLUMN_AMOUNT ||
         column->type == RELANCE_CLI_COLUMN_NUMBER;
}

/* How many terminal cells @text takes: accents that come as combining marks
 * take none, East Asian wide characters two. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* A table cell stays on one line whatever the ledger holds. */
static char *
table_text (const char *text)
{
  char *copy = g_utf8_make_valid (text, -1);

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = ' ';

  return copy;
}

static void
append_padding (GString *line,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

static void
append_table_line (GString                 *line,
                   const RelanceCliColumn  *columns,
                   guint                    n_columns,
                   const gsize             *widths,
                   const char * const      *texts)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gsize pad = widths[i] - MIN (widths[i], display_width (texts[i]));
      gboolean last = (i + 1 == n_columns);

      if (i > 0)
        g_string_append (line, COLUMN_GAP);

      if (is_right_aligned (&columns[i]))
        {
          append_padding (line, pad);
          g_string_append (line, texts[i]);
        }
      else
        {
          g_string_append (line, texts[i]);
          if (!last)
            append_padding (line, pad);
        }
    }

  /* A last text column that is empty leaves spaces behind. */
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_string_append_c (line, '\n');
}

static gboolean
check_stream (FILE    *out,
              GError **error)
{
  if (!ferror (out))
    return TRUE;

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               _("Could not write the listing: %s"), g_strerror (errno));
  return FALSE;
}

static gboolean
write_table (FILE                    *out,
             const RelanceCliColumn  *columns,
             guint                    n_columns,
             guint                    n_rows,
             RelanceCliFillRow        fill,
             gpointer                 user_data,
             RelanceCliRow           *row,
             GError                 **error)
{
  g_autofree gsize *widths = g_new0 (gsize, n_columns);
  g_autofree const char **texts = g_new0 (const char *, n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    widths[i] = display_width (_(columns[i].title));

  /* First pass: measure. The rows are read again rather than kept, so a
   * million invoices do not sit in memory. */
  for (guint r = 0; r < n_rows; r++)
    {
      fill (row, r, user_data);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *text = table_text (row_get (row, i));

          widths[i] = MAX (widths[i], display_width (text));
        }
      row_clear (row);
    }

  for (guint i = 0; i < n_columns; i++)
    texts[i] = _(columns[i].title);
  append_table_line (line, columns, n_columns, widths, texts);
  fputs (line->str, out);

  g_string_truncate (line, 0);
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (line, COLUMN_GAP);
      for (gsize j = 0; j < widths[i]; j++)
        g_string_append_c (line, '-');
    }
  g_string_append_c (line, '\n');
  fputs (line->str, out);

  for (guint r = 0; r < n_rows; r++)
    {
      char **cleaned = g_new0 (char *, n_columns + 1);

      fill (row, r, user_data);
      for (guint i = 0; i < n_columns; i++)
        cleaned[i] = table_text (row_get (row, i));
      row_clear (row);

      g_string_truncate (line, 0);
      append_table_line (line, columns, n_columns, widths, (const char * const *)cleaned);
      g_strfreev (cleaned);

      fputs (line->str, out);
      if (!check_stream (out, error))
        return FALSE;
    }

  return TRUE;
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
write_csv (FILE                    *out,
           const RelanceCliColumn  *columns,
           guint                    n_columns,
           guint                    n_rows,
           RelanceCliFillRow        fill,
           gpointer                 user_data,
           RelanceCliRow           *row,
           GError                 **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_csv_field (line, columns[i].name);
    }
  g_string_append_c (line, '\n');
  fputs (line->str, out);

  for (guint r = 0; r < n_rows; r++)
    {
      fill (row, r, user_data);
      g_string_truncate (line, 0);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *valid = g_utf8_make_valid (row_get (row, i), -1);

          if (i > 0)
            g_string_append_c (line, ',');
          append_csv_field (line, valid);
        }
      g_string_append_c (line, '\n');
      row_clear (row);

      fputs (line->str, out);
      if (!check_stream (out, error))
        return FALSE;
    }

  return TRUE;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Other bytes, UTF-8 sequences included, go through as they are. */
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
write_json (FILE                    *out,
            const RelanceCliColumn  *columns,
            guint                    n_columns,
            guint                    n_rows,
            RelanceCliFillRow        fill,
            gpointer                 user_data,
            RelanceCliRow           *row,
            GError                 **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (n_rows == 0)
    {
      fputs ("[]\n", out);
      return TRUE;
    }

  fputs ("[\n", out);

  for (guint r = 0; r < n_rows; r++)
    {
      fill (row, r, user_data);
      g_string_assign (line, "  {");
      for (guint i = 0; i < n_columns; i++)
        {
          const char *text = row_get (row, i);

          if (i > 0)
            g_string_append (line, ", ");
          append_json_string (line, columns[i].name);
          g_string_append (line, ": ");

          switch (columns[i].type)
            {
            case RELANCE_CLI_COLUMN_AMOUNT:
            case RELANCE_CLI_COLUMN_NUMBER:
              /* The decimal text as it is: never through a double. */
              g_string_append (line, *text != '\0' ? text : "null");
              break;

            case RELANCE_CLI_COLUMN_DATE:
              if (*text == '\0')
                g_string_append (line, "null");
              else
                append_json_string (line, text);
              break;

            case RELANCE_CLI_COLUMN_TEXT:
            default:
              append_json_string (line, text);
              break;
            }
        }
      g_string_append (line, r + 1 < n_rows ? "},\n" : "}\n");
      row_clear (row);

      fputs (line->str, out);
      if (!check_stream (out, error))
        return FALSE;
    }

  fputs ("]\n", out);
  return TRUE;
}

/**
 * relance_cli_format_parse:
 * @text: "table", "csv" or "json"
 * @format: (out): the format
 *
 * Returns: %FALSE if @text names no format
 */
gboolean
relance_cli_format_parse (const char       *text,
                          RelanceCliFormat *format)
{
  static const char * const names[] = { "table", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *format = (RelanceCliFormat)i;
        return TRUE;
      }

  return FALSE;
}

void
relance_cli_row_set_text (RelanceCliRow *row,
                          guint          column,
                          const char    *text)
{
  row_take (row, column, RELANCE_CLI_COLUMN_TEXT, g_strdup (text ? text : ""));
}

/**
 * relance_cli_row_set_keyword:
 * @keyword: what scripts read in CSV and JSON ("overdue")
 * @label: what people read in a table, translated ("en retard")
 */
void
relance_cli_row_set_keyword (RelanceCliRow *row,
                             guint          column,
                             const char    *keyword,
                             const char    *label)
{
  relance_cli_row_set_text (row, column, row->format == RELANCE_CLI_FORMAT_TABLE ? label : keyword);
}

void
relance_cli_row_set_amount (RelanceCliRow *row,
                            guint          column,
                            gint64         cents)
{
  row_take (row, column, RELANCE_CLI_COLUMN_AMOUNT, relance_money_to_decimal (cents));
}

void
relance_cli_row_set_number (RelanceCliRow *row,
                            guint          column,
                            gint64         number)
{
  row_take (row, column, RELANCE_CLI_COLUMN_NUMBER,
            g_strdup_printf ("%" G_GINT64_FORMAT, number));
}

/* %RELANCE_DAY_NONE leaves the cell empty. */
void
relance_cli_row_set_date (RelanceCliRow *row,
                          guint          column,
                          RelanceDay     day)
{
  row_take (row, column, RELANCE_CLI_COLUMN_DATE, relance_day_to_iso (day));
}

/**
 * relance_cli_write_rows:
 * @out: where to write, such as stdout
 * @format: how
 * @columns: (array length=n_columns): what each row holds
 * @n_rows: how many rows @fill gives
 * @fill: called for each row
 * @error: why writing failed
 *
 * Writes the rows as UTF-8 whatever the locale: a table with a header and
 * numbers right-aligned; CSV with a header row, "," and RFC 4180 quoting;
 * or a JSON array of objects.
 *
 * Returns: %TRUE if everything was written
 */
gboolean
relance_cli_write_rows (FILE                    *out,
                        RelanceCliFormat         format,
                        const RelanceCliColumn  *columns,
                        guint                    n_columns,
                        guint                    n_rows,
                        RelanceCliFillRow        fill,
                        gpointer                 user_data,
                        GError                 **error)
{
  g_autofree char **cells = g_new0 (char *, n_columns);
  RelanceCliRow row = { columns, n_columns, cells, format };
  gboolean ok;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (columns != NULL && n_columns > 0, FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);

  switch (format)
    {
    case RELANCE_CLI_FORMAT_CSV:
      ok = write_csv (out, columns, n_columns, n_rows, fill, user_data, &row, error);
      break;

    case RELANCE_CLI_FORMAT_JSON:
      ok = write_json (out, columns, n_columns, n_rows, fill, user_data, &row, error);
      break;

    case RELANCE_CLI_FORMAT_TABLE:
    default:
      ok = write_table (out, columns, n_columns, n_rows, fill, user_data, &row, error);
      break;
    }

  row_clear (&row);

  if (ok)
    fflush (out);

  return ok && check_stream (out, error);
}
