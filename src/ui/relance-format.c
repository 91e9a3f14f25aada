/* relance-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "relance-format.h"

#define NO_BREAK_SPACE "\xc2\xa0"   /* U+00A0 */
#define EURO_SIGN      "\xe2\x82\xac"   /* U+20AC */

/* A locale string fit to put in a UTF-8 label, or @fallback. */
static const char *
langinfo_text (nl_item     item,
               const char *fallback)
{
  const char *text = nl_langinfo (item);

  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return fallback;

  return text;
}

/* A monetary string of localeconv() fit for a UTF-8 label, or @fallback. */
static const char *
lconv_text (const char *text,
            const char *fallback)
{
  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return fallback;

  return text;
}

/* A monetary flag of localeconv() (p_cs_precedes...), or @fallback when the
 * locale leaves it unspecified (CHAR_MAX, as the C locale does). */
static int
lconv_flag (char value,
            int  fallback)
{
  if (value < 0 || value == CHAR_MAX)
    return fallback;

  return value;
}

/**
 * relance_format_money:
 * @cents: an amount in euro cents
 *
 * Writes @cents in euros the way the locale writes money (localeconv()'s
 * monetary conventions): the monetary decimal point and thousands separator
 * (falling back to nl_langinfo()'s numeric RADIXCHAR and THOUSEP),
 * the euro sign before or after the number, with or without a space. Groups
 * are of three digits. The space between the number and the euro sign is a
 * no-break space so the sign never wraps alone. A negative amount starts
 * with a minus sign. A locale that says nothing (C, POSIX) gets the English
 * "€1,234.56".
 *
 * Computed on integers only: never through a double.
 *
 * Returns: (transfer full): the amount for people to read
 */
char *
relance_format_money (gint64 cents)
{
  const struct lconv *conventions = localeconv ();
  const char *radix;
  const char *thousands;
  gboolean negative = cents < 0;
  gboolean precedes;
  gboolean space;
  guint64 magnitude;
  guint64 units;
  guint fraction;
  g_autofree char *digits = NULL;
  GString *number;
  GString *text;
  gsize len;

  /* -G_MININT64 does not fit a gint64: negate in unsigned arithmetic. */
  magnitude = negative ? (guint64)0 - (guint64)cents : (guint64)cents;
  units = magnitude / 100;
  fraction = (guint)(magnitude % 100);

  radix = lconv_text (conventions->mon_decimal_point, langinfo_text (RADIXCHAR, "."));
  thousands = lconv_text (conventions->mon_thousands_sep, langinfo_text (THOUSEP, NULL));
  if (thousands == NULL)
    thousands = g_str_equal (radix, ",") ? NO_BREAK_SPACE : ",";

  precedes = lconv_flag (negative ? conventions->n_cs_precedes : conventions->p_cs_precedes, 1) != 0;
  space = lconv_flag (negative ? conventions->n_sep_by_space : conventions->p_sep_by_space, 0) != 0;

  number = g_string_new (NULL);
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, units);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (number, thousands);
      g_string_append_c (number, digits[i]);
    }
  g_string_append_printf (number, "%s%02u", radix, fraction);

  text = g_string_new (negative ? "-" : NULL);
  if (precedes)
    {
      g_string_append (text, EURO_SIGN);
      if (space)
        g_string_append (text, NO_BREAK_SPACE);
      g_string_append_len (text, number->str, number->len);
    }
  else
    {
      g_string_append_len (text, number->str, number->len);
      g_string_append (text, space ? NO_BREAK_SPACE EURO_SIGN : EURO_SIGN);
    }

  g_string_free (number, TRUE);

  return g_string_free (text, FALSE);
}

/**
 * relance_format_day:
 * @day: a day, or %RELANCE_DAY_NONE
 *
 * Writes @day in the locale's short date format (`%x`: "23/11/2026" in
 * French), except where that format is the C locale's "11/23/26": there,
 * ISO 8601 ("2026-11-23") reads better and sorts.
 *
 * Returns: (transfer full): the day for people to read, "" for no day
 */
char *
relance_format_day (RelanceDay day)
{
  const char *format;
  char buffer[128];
  GDate date;
  gsize len;

  if (day == RELANCE_DAY_NONE || !relance_day_is_valid (day))
    return g_strdup ("");

  format = nl_langinfo (D_FMT);
  if (format == NULL || format[0] == '\0' || g_str_equal (format, "%m/%d/%y"))
    return relance_day_to_iso (day);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);

  len = g_date_strftime (buffer, sizeof buffer, "%x", &date);
  if (len == 0)
    return relance_day_to_iso (day);

  return g_strndup (buffer, len);
}
