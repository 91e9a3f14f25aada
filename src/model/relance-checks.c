/* relance-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-checks-private.h"
#include "relance-error.h"
#include "relance-money.h"

/* Sets a RELANCE_ERROR_INVALID error and returns FALSE (or 0), so a check
 * reads "return _relance_invalid (error, ...)". */
gboolean
_relance_invalid (GError     **error,
                  const char  *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (RELANCE_ERROR, RELANCE_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

char *
_relance_dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* An amount inside an error message. The model knows no locale (DESIGN.md):
 * "1234.56 €", whatever the user's language. */
char *
_relance_format_amount (gint64 cents)
{
  g_autofree char *decimal = relance_money_to_decimal (cents);

  return g_strdup_printf ("%s €", decimal);
}

gboolean
_relance_looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '.') != NULL &&
         strchr (text, ' ') == NULL && strchr (at + 1, '@') == NULL;
}
