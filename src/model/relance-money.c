/* relance-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-error.h"
#include "relance-money.h"

static gboolean
is_group_char (char c)
{
  return c == ' ' || c == '\'';
}

/* Replaces the Unicode spaces and minus sign people paste from
 * spreadsheets by their ASCII forms, and drops a euro sign or "EUR". */
static char *
normalise_amount_text (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p;
  gsize len;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      if (c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\t')
        g_string_append_c (out, ' ');
      else if (c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == 0x20AC)
        continue;
      else
        g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  len = strlen (out->str);
  if (len >= 3 && g_ascii_strcasecmp (out->str + len - 3, "EUR") == 0)
    out->str[len - 3] = '\0';
  g_strstrip (out->str);

  return g_string_free (out, FALSE);
}

static gboolean
fail (GError     **error,
      const char  *text,
      const char  *reason)
{
  /* Translators: the first %s is what the user typed, the second why it is wrong. */
  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               _("“%s” is not an amount: %s"), text, reason);
  return FALSE;
}

/**
 * relance_money_parse:
 * @text: an amount as a person types it: "1 234,56", "1234.56", "-12",
 *   "1.234,56 €"
 * @cents: (out): the amount in cents
 * @error: where to put a message the user can read
 *
 * The last "." or "," is the decimal separator when it is followed by one or
 * two digits and occurs once; spaces, apostrophes, and the other of "." and ","
 * group thousands, in groups of exactly three digits. Anything else,
 * including more than two decimals, is refused rather than guessed.
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
relance_money_parse (const char  *text,
                     gint64      *cents,
                     GError     **error)
{
  g_autofree char *norm = NULL;
  const char *p;
  gboolean negative = FALSE;
  guint n_dots = 0, n_commas = 0;
  char decimal = 0, group = 0;
  gint64 units = 0;
  gint64 fraction = 0;
  guint group_len = 0;
  guint n_groups = 0;
  guint int_digits = 0;
  guint frac_digits = 0;
  gboolean in_fraction = FALSE;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL)
    text = "";

  norm = normalise_amount_text (text);
  if (norm == NULL)
    return fail (error, "", _("the text is not valid UTF-8"));

  p = norm;
  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
      while (*p == ' ')
        p++;
    }

  if (*p == '\0')
    return fail (error, text, _("there is no number"));

  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '.')
        n_dots++;
      else if (*q == ',')
        n_commas++;
      else if (!g_ascii_isdigit (*q) && !is_group_char (*q))
        return fail (error, text, _("it contains characters that are not digits"));
    }

  if (n_dots > 0 && n_commas > 0)
    {
      decimal = strrchr (p, '.') > strrchr (p, ',') ? '.' : ',';
      group = decimal == '.' ? ',' : '.';
      if ((decimal == '.' ? n_dots : n_commas) != 1)
        return fail (error, text, _("it has more than one decimal separator"));
    }
  else if (n_dots == 1 || n_commas == 1)
    decimal = n_dots == 1 ? '.' : ',';
  else if (n_dots > 1 || n_commas > 1)
    group = n_dots > 1 ? '.' : ',';

  for (; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isdigit (c))
        {
          if (in_fraction)
            {
              if (++frac_digits > 2)
                return fail (error, text, _("it has more than two decimals"));
              fraction = fraction * 10 + (c - '0');
            }
          else
            {
              units = units * 10 + (c - '0');
              if (units > RELANCE_MONEY_MAX / 100)
                return fail (error, text, _("it is too large"));
              int_digits++;
              group_len++;
            }
        }
      else if (c == decimal)
        {
          if (int_digits == 0)
            return fail (error, text, _("a digit must come before the decimal separator"));
          if (n_groups > 0 && group_len != 3)
            return fail (error, text, _("thousands must be grouped by three digits"));
          in_fraction = TRUE;
        }
      else if (c == group || (is_group_char (c) && !in_fraction))
        {
          if (in_fraction)
            return fail (error, text, _("it has a separator among the decimals"));
          if (group_len == 0 || group_len > 3 || (n_groups > 0 && group_len != 3))
            return fail (error, text, _("thousands must be grouped by three digits"));
          n_groups++;
          group_len = 0;
        }
      else
        return fail (error, text, _("it has a separator among the decimals"));
    }

  if (in_fraction && frac_digits == 0)
    return fail (error, text, _("a digit must follow the decimal separator"));
  if (!in_fraction && n_groups > 0 && group_len != 3)
    return fail (error, text, _("thousands must be grouped by three digits"));

  if (frac_digits == 1)
    fraction *= 10;

  *cents = units * 100 + fraction;
  if (negative)
    *cents = -*cents;

  return TRUE;
}

/**
 * relance_money_to_decimal:
 * @cents: an amount
 *
 * Formats @cents for files and scripts: a dot and two decimals, no grouping
 * ("1234.56", "-0.05"). Use the locale formatter in ui/ for people.
 *
 * Returns: (transfer full): the text
 */
char *
relance_money_to_decimal (gint64 cents)
{
  guint64 abs_cents = cents < 0 ? (guint64)-(cents + 1) + 1 : (guint64)cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          abs_cents / 100, (guint)(abs_cents % 100));
}

/**
 * relance_money_scale:
 * @cents: an amount
 * @numerator: multiplier
 * @denominator: divisor, positive
 *
 * Computes @cents × @numerator / @denominator, rounded half away from zero
 * to the cent (the rule of French invoicing). The intermediate product is
 * 128-bit, so it cannot overflow for any amount within %RELANCE_MONEY_MAX.
 *
 * Returns: the scaled amount
 */
gint64
relance_money_scale (gint64 cents,
                     gint64 numerator,
                     gint64 denominator)
{
  __int128 product;
  __int128 quotient;
  __int128 remainder;

  g_return_val_if_fail (denominator > 0, 0);

  product = (__int128)cents * numerator;
  quotient = product / denominator;
  remainder = product % denominator;

  if (remainder < 0)
    remainder = -remainder;
  if (remainder * 2 >= denominator)
    quotient += product < 0 ? -1 : 1;

  return (gint64)quotient;
}
