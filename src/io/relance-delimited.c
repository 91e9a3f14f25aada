/* relance-delimited.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-delimited.h"
#include "relance-error.h"

/* The bytes 0x80-0x9F that Windows-1252 defines (printable there, control
 * characters in ISO-8859-15). */
static gboolean
is_windows_1252_only (guchar c)
{
  return c >= 0x80 && c <= 0x9F && c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D;
}

static const char *
guess_encoding (const char *data,
                gsize       length)
{
  gboolean has_c1 = FALSE;
  gboolean has_a4 = FALSE;

  if (length >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    return "UTF-16LE";
  if (length >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    return "UTF-16BE";
  if (g_utf8_validate_len (data, length, NULL))
    return "UTF-8";

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar)data[i];

      if (is_windows_1252_only (c))
        has_c1 = TRUE;
      else if (c == 0xA4)
        has_a4 = TRUE;
    }

  /* "¤" is next to unused in Windows-1252 text; in ISO-8859-15 it is "€". */
  if (has_a4 && !has_c1)
    return "ISO-8859-15";
  return "WINDOWS-1252";
}

static gboolean
looks_binary (const char *text,
              gsize       length)
{
  gsize controls = 0;
  gsize n = MIN (length, 65536);

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)text[i];

      if (c == '\0')
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }

  return controls > 0 && controls * 100 >= n;
}

/**
 * relance_text_decode:
 * @data: the file's bytes
 * @encoding: (nullable): "UTF-8", "WINDOWS-1252", "ISO-8859-15"...; %NULL
 *   or "auto" to guess
 * @file: the name shown in messages
 * @detected: (out) (optional) (transfer full): the encoding used
 *
 * Returns: (transfer full): the text in UTF-8, without a byte order mark,
 *   or %NULL
 */
char *
relance_text_decode (const char  *data,
                     gsize        length,
                     const char  *encoding,
                     const char  *file,
                     char       **detected,
                     GError     **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0;
  gboolean guessed = encoding == NULL || g_ascii_strcasecmp (encoding, "auto") == 0;
  const char *charset = guessed ? guess_encoding (data, length) : encoding;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 && g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length >= 2 && g_ascii_strncasecmp (charset, "UTF-16", 6) == 0 &&
      ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE))
    {
      data += 2;
      length -= 2;
    }

  if (!g_str_has_prefix (charset, "UTF-16") && looks_binary (data, length))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is not a text file (it may be a spreadsheet or a PDF: "
                     "save it as CSV first)"), file);
      return NULL;
    }

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      const char *end = NULL;

      if (!g_utf8_validate_len (data, length, &end))
        {
          g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize)(end - data));

          /* Translators: the first %s is a file name, the second a byte offset */
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s cannot be read as UTF-8 (at byte %s): "
                         "choose its encoding, such as Windows-1252"),
                       file, offset);
          return NULL;
        }
      text = g_strndup (data, length);
      text_length = length;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      text = g_convert (data, length, "UTF-8", charset, NULL, &text_length, &local_error);
      if (text == NULL)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s cannot be read as %s: %s"), file, charset, local_error->message);
          return NULL;
        }
    }

  if (strlen (text) != text_length || looks_binary (text, text_length))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is not a text file (it may be a spreadsheet or a PDF: "
                     "save it as CSV first)"), file);
      return NULL;
    }

  if (detected != NULL)
    *detected = g_ascii_strup (charset, -1);
  return g_steal_pointer (&text);
}

/**
 * relance_text_file_load:
 * @path: a file
 * @encoding: (nullable): as for relance_text_decode()
 *
 * Returns: (transfer full): the text in UTF-8, or %NULL
 */
char *
relance_text_file_load (const char  *path,
                        const char  *encoding,
                        char       **detected,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  if (g_stat (path, &st) == 0 && (guint64)st.st_size > RELANCE_TEXT_FILE_MAX)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is too large to import (more than %u MB): split it by year"),
                   name, (guint)(RELANCE_TEXT_FILE_MAX / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("Cannot read %s: %s"), name, local_error->message);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, _("%s is empty"), name);
      return NULL;
    }

  return relance_text_decode (data, length, encoding, name, detected, error);
}

/**
 * relance_delimited_guess_separator:
 * @text: the decoded file
 *
 * Returns: the one of ';', ',', tab and '|' that splits the first line in
 *   the most fields (outside quotes), ';' if none does
 */
char
relance_delimited_guess_separator (const char *text)
{
  static const char candidates[] = { ';', '\t', ',', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ';';
  guint best_count = 0;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }

  return best;
}

/**
 * relance_delimited_parse:
 * @text: the decoded file
 * @separator: the field separator
 * @file: the name shown in messages
 * @func: called for each record, blank lines included
 *
 * A field that starts with '"' is quoted: it runs to the next lone '"',
 * "" standing for one quote; a quote elsewhere is an ordinary character.
 * Lines end with LF, CRLF or CR.
 *
 * Returns: %FALSE if @func stopped, or a quoted field is not closed
 */
gboolean
relance_delimited_parse (const char         *text,
                         char                separator,
                         const char         *file,
                         RelanceRecordFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  /* One buffer holds the record's fields, each ended by a NUL. */
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  const char *p = text;
  guint line = 1;

  while (*p != '\0')
    {
      guint record_line = line;
      gboolean end_of_record = FALSE;

      g_string_truncate (buffer, 0);
      g_array_set_size (starts, 0);

      while (!end_of_record)
        {
          gsize start = buffer->len;

          g_array_append_val (starts, start);

          if (*p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (*p == '\0')
                    {
                      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                                   _("%s, line %u: a quoted field is never closed "
                                     "(the file may be cut short)"),
                                   file, quote_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p[1] == '"')
                        {
                          g_string_append_c (buffer, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                    line++;
                  g_string_append_c (buffer, *p++);
                }
              /* Anything between the closing quote and the separator is kept. */
            }

          {
            const char *q = p;

            while (*q != '\0' && *q != separator && *q != '\n' && *q != '\r')
              q++;
            g_string_append_len (buffer, p, q - p);
            p = q;
          }
          g_string_append_c (buffer, '\0');

          if (*p == separator)
            p++;
          else
            {
              end_of_record = TRUE;
              if (*p == '\r')
                p++;
              if (*p == '\n')
                p++;
              line++;
            }
        }

      g_ptr_array_set_size (fields, 0);
      for (guint i = 0; i < starts->len; i++)
        g_ptr_array_add (fields, buffer->str + g_array_index (starts, gsize, i));
      g_ptr_array_add (fields, NULL);

      if (!func ((const char * const *)fields->pdata, starts->len, record_line, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * relance_delimited_quote:
 *
 * Returns: (transfer full): @field as written in a file with @separator
 */
char *
relance_delimited_quote (const char *field,
                         char        separator)
{
  GString *out;

  if (field == NULL)
    return g_strdup ("");
  if (strchr (field, separator) == NULL && strpbrk (field, "\"\n\r") == NULL)
    return g_strdup (field);

  out = g_string_new ("\"");
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}
