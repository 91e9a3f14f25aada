/* relance-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-date.h"
#include "relance-error.h"

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint)(**p - '0');
      (*p)++;
      n++;
    }

  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
make_day (const char  *text,
          guint        d,
          guint        m,
          guint        y,
          RelanceDay  *day,
          GError     **error)
{
  if (y < 1900 || y > 2999 || !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("“%s” is not a valid date"), text);
      return FALSE;
    }

  *day = relance_day_from_dmy (d, m, y);
  return TRUE;
}

/**
 * relance_day_parse:
 * @text: "2026-11-23" (ISO) or "23/11/2026" (French, also with "." or "-")
 * @day: (out): the day
 * @error: a message the user can read
 *
 * Returns: %TRUE if @text is a real calendar date
 */
gboolean
relance_day_parse (const char  *text,
                   RelanceDay  *day,
                   GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;
  guint a, b, c;

  g_return_val_if_fail (day != NULL, FALSE);

  if (read_number (&p, 4, 4, &a) && *p == '-')
    {
      p++;
      if (read_number (&p, 1, 2, &b) && *p == '-')
        {
          p++;
          if (read_number (&p, 1, 2, &c) && *p == '\0')
            return make_day (copy, c, b, a, day, error);
        }
    }
  else
    {
      p = copy;
      if (read_number (&p, 1, 2, &a) && (*p == '/' || *p == '.' || *p == '-'))
        {
          char sep = *p++;

          if (read_number (&p, 1, 2, &b) && *p == sep)
            {
              p++;
              if (read_number (&p, 4, 4, &c) && *p == '\0')
                return make_day (copy, a, b, c, day, error);
            }
        }
    }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               _("“%s” is not a date: write it as 23/11/2026 or 2026-11-23"), copy);
  return FALSE;
}

/**
 * relance_day_parse_compact:
 * @text: "20261123", as accounting files (FEC) write dates
 * @day: (out): the day
 * @error: a message the user can read
 *
 * Returns: %TRUE if @text is a real calendar date
 */
gboolean
relance_day_parse_compact (const char  *text,
                           RelanceDay  *day,
                           GError     **error)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 8)
    goto fail;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      goto fail;

  y = (guint)((text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'));
  m = (guint)((text[4] - '0') * 10 + (text[5] - '0'));
  d = (guint)((text[6] - '0') * 10 + (text[7] - '0'));
  return make_day (text, d, m, y, day, error);

fail:
  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               _("“%s” is not a date of the form YYYYMMDD"), text ? text : "");
  return FALSE;
}

RelanceDay
relance_day_from_dmy (guint d,
                      guint m,
                      guint y)
{
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);

  return (RelanceDay)g_date_get_julian (date);
}

gboolean
relance_day_is_valid (RelanceDay day)
{
  return day > 0 && g_date_valid_julian ((guint32)day);
}

void
relance_day_to_dmy (RelanceDay  day,
                    guint      *d,
                    guint      *m,
                    guint      *y)
{
  GDate date;

  g_return_if_fail (relance_day_is_valid (day));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);
  *d = g_date_get_day (&date);
  *m = g_date_get_month (&date);
  *y = g_date_get_year (&date);
}

/**
 * relance_day_to_iso:
 * @day: a day, or %RELANCE_DAY_NONE
 *
 * Returns: (transfer full): "YYYY-MM-DD", or "" for no day
 */
char *
relance_day_to_iso (RelanceDay day)
{
  guint d, m, y;

  if (!relance_day_is_valid (day))
    return g_strdup ("");

  relance_day_to_dmy (day, &d, &m, &y);
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

RelanceDay
relance_day_add_months (RelanceDay day,
                        guint      months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);
  g_date_add_months (&date, months);
  return (RelanceDay)g_date_get_julian (&date);
}

/**
 * relance_day_today_local:
 *
 * Today in the user's time zone. Only the clock of a #RelanceContext should
 * call this: everything else takes "today" as an argument.
 */
RelanceDay
relance_day_today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return relance_day_from_dmy ((guint)g_date_time_get_day_of_month (now),
                               (guint)g_date_time_get_month (now),
                               (guint)g_date_time_get_year (now));
}
