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

/* g_utf8_validate_len(), with runs of ASCII (what files are mostly made
 * of) gone through eight bytes at a time: bytes below 0x80 are characters
 * of their own, so the text is valid when each run of bytes from 0x80 up
 * is, and there is no NUL. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guchar *p = (const guchar *)data;
  const guchar *stop = p + length;

  while (p < stop)
    {
      const guchar *run;
      const char *invalid = NULL;

      while (stop - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 ||
              ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }
      if (p == stop)
        break;
      if (*p == '\0')
        {
          if (end != NULL)
            *end = (const char *)p;
          return FALSE;
        }
      if (*p < 0x80)
        {
          p++;
          continue;
        }

      for (run = p; p < stop && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len ((const char *)run, (gsize)(p - run), &invalid))
        {
          if (end != NULL)
            *end = invalid;
          return FALSE;
        }
    }

  if (end != NULL)
    *end = (const char *)stop;
  return TRUE;
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
  if (validate_utf8 (data, length, NULL))
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

/* Decodes @data (@length bytes and a NUL after them), which it takes: the
 * text of a UTF-8 file is @data itself, without a copy. */
static char *
decode_owned (char        *data,
              gsize        length,
              const char  *encoding,
              const char  *file,
              char       **detected,
              GError     **error)
{
  g_autofree char *owned = data;
  g_autofree char *text = NULL;
  gsize text_length = 0;
  gsize skip = 0;
  gboolean guessed = encoding == NULL || g_ascii_strcasecmp (encoding, "auto") == 0;
  const char *charset = guessed ? guess_encoding (data, length) : encoding;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 && g_ascii_strcasecmp (charset, "UTF-8") == 0)
    skip = 3;
  if (length >= 2 && g_ascii_strncasecmp (charset, "UTF-16", 6) == 0 &&
      ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE))
    skip = 2;

  if (!g_str_has_prefix (charset, "UTF-16") && looks_binary (data + skip, length - skip))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is not a text file (it may be a spreadsheet or a PDF: "
                     "save it as CSV first)"), file);
      return NULL;
    }

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      const char *end = NULL;

      /* A guess of UTF-8 has read the whole file as UTF-8 already. */
      if (!(guessed && g_str_equal (charset, "UTF-8")) &&
          !validate_utf8 (data + skip, length - skip, &end))
        {
          g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize)(end - (data + skip)));

          /* Translators: the first %s is a file name, the second a byte offset */
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s cannot be read as UTF-8 (at byte %s): "
                         "choose its encoding, such as Windows-1252"),
                       file, offset);
          return NULL;
        }
      if (skip > 0)
        memmove (data, data + skip, length - skip + 1);
      text = g_steal_pointer (&owned);
      text_length = length - skip;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      text = g_convert (data + skip, length - skip, "UTF-8", charset, NULL, &text_length, &local_error);
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
  char *copy = g_malloc (length + 1);

  memcpy (copy, data, length);
  copy[length] = '\0';
  return decode_owned (copy, length, encoding, file, detected, error);
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

  /* The contents come with a NUL after them. */
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

  return decode_owned (g_steal_pointer (&data), length, encoding, name, detected, error);
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
  /* One buffer holds the record's fields, each ended by a NUL; it and the
   * fields' offsets grow as needed and serve every record. */
  g_autofree char *buffer = NULL;
  g_autofree gsize *starts = NULL;
  g_autofree const char **fields = NULL;
  gsize capacity = 0;
  guint max_fields = 0;
  const char stops[] = { separator, '\n', '\r', '\0' };
  const char *p = text;
  guint line = 1;

#define ENSURE(needed) \
  G_STMT_START { \
    if ((needed) > capacity) \
      { \
        capacity = MAX (MAX ((needed), 2 * capacity), 1024); \
        buffer = g_realloc (buffer, capacity); \
      } \
  } G_STMT_END

  while (*p != '\0')
    {
      guint record_line = line;
      gsize length = 0;
      guint n_fields = 0;

      for (;;)
        {
          gsize span;

          if (n_fields == max_fields)
            {
              max_fields = MAX (2 * max_fields, 32);
              starts = g_renew (gsize, starts, max_fields);
              fields = g_renew (const char *, fields, max_fields + 1);
            }
          starts[n_fields++] = length;

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
                          ENSURE (length + 1);
                          buffer[length++] = '"';
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                    line++;
                  ENSURE (length + 1);
                  buffer[length++] = *p++;
                }
              /* Anything between the closing quote and the separator is kept. */
            }

          span = strcspn (p, stops);
          ENSURE (length + span + 1);
          memcpy (buffer + length, p, span);
          length += span;
          p += span;
          buffer[length++] = '\0';

          if (*p == separator)
            p++;
          else
            {
              if (*p == '\r')
                p++;
              if (*p == '\n')
                p++;
              line++;
              break;
            }
        }

      for (guint i = 0; i < n_fields; i++)
        fields[i] = buffer + starts[i];
      fields[n_fields] = NULL;

      if (!func ((const char * const *)fields, n_fields, record_line, user_data, error))
        return FALSE;
    }

#undef ENSURE

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
