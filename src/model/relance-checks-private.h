/* relance-checks-private.h
 *
 * Small helpers the model's writes share to check what the user typed and
 * word their errors. Only src/model/ includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  _relance_invalid            (GError     **error,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (2, 3);
char     *_relance_dup_trimmed        (const char  *text);
char     *_relance_format_amount      (gint64       cents);
gboolean  _relance_looks_like_email   (const char  *text);

G_END_DECLS
