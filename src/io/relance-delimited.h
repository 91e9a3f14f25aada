/* relance-delimited.h
 *
 * Text files from other software: the encoding guessed (or forced) and the
 * text decoded to UTF-8; separator-delimited records read with RFC 4180
 * quoting (separators, quotes and newlines inside quoted fields).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused rather than read into memory. */
#define RELANCE_TEXT_FILE_MAX ((gsize) 512 * 1024 * 1024)

/* Called once per record. @fields are valid only during the call; @line is
 * the 1-based line where the record starts. Return %FALSE (with @error set)
 * to stop reading. */
typedef gboolean (*RelanceRecordFunc) (const char * const  *fields,
                                       guint                n_fields,
                                       guint                line,
                                       gpointer             user_data,
                                       GError             **error);

char     *relance_text_decode           (const char         *data,
                                         gsize               length,
                                         const char         *encoding,
                                         const char         *file,
                                         char              **detected,
                                         GError            **error);
char     *relance_text_file_load        (const char         *path,
                                         const char         *encoding,
                                         char              **detected,
                                         GError            **error);
char      relance_delimited_guess_separator (const char     *text);
gboolean  relance_delimited_parse       (const char         *text,
                                         char                separator,
                                         const char         *file,
                                         RelanceRecordFunc   func,
                                         gpointer            user_data,
                                         GError            **error);
char     *relance_delimited_quote       (const char         *field,
                                         char                separator);

G_END_DECLS
