/* relance-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-text.h"

/**
 * relance_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for sorting and comparing the way people read names: case
 * and accents do not count ("Éts Besançon" and "ets besancon" fold alike),
 * and "œ"/"æ" become "oe"/"ae". SQLite's own lower() and NOCASE know only
 * ASCII, hence this.
 *
 * Returns: (transfer full): the folded text
 */
char *
relance_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      switch (c)
        {
        case 0x0152: case 0x0153: g_string_append (out, "oe"); break;
        case 0x00C6: case 0x00E6: g_string_append (out, "ae"); break;
        case 0x00DF: g_string_append (out, "ss"); break;
        default:
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
    }

  return g_string_free (out, FALSE);
}
