/* test-format.c: amounts and days as people read them, per locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "relance-format.h"

/* A locale for one test; the C locale again afterwards. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_skip_printf ("The %s locale is not installed (generate it with "
                      "localedef or locale-gen to run this test)", name);
  return FALSE;
}

/* French separates thousands with U+202F (glibc) or U+00A0, and Relance puts
 * U+00A0 before the euro sign: compare with plain spaces. */
static char *
plain_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202F || c == 0x00A0)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

#define assert_money(cents, expected) G_STMT_START { \
  g_autofree char *_text = relance_format_money (cents); \
  g_autofree char *_plain = plain_spaces (_text); \
  g_assert_cmpstr (_plain, ==, expected); \
} G_STMT_END

#define assert_day(day, expected) G_STMT_START { \
  g_autofree char *_text = relance_format_day (day); \
  g_assert_cmpstr (_text, ==, expected); \
} G_STMT_END

static void
test_money_c (void)
{
  g_autofree char *text = NULL;

  if (!use_locale ("C.UTF-8"))
    return;

  assert_money (0, "€0.00");
  assert_money (5, "€0.05");
  assert_money (99, "€0.99");
  assert_money (100, "€1.00");
  assert_money (123456, "€1,234.56");
  assert_money (99999999, "€999,999.99");
  assert_money (100000000, "€1,000,000.00");
  assert_money (-5, "-€0.05");
  assert_money (-123456, "-€1,234.56");
  assert_money (G_MAXINT64, "€92,233,720,368,547,758.07");
  assert_money (G_MININT64, "-€92,233,720,368,547,758.08");

  /* No space at all in the C locale: the figure and the sign stay together. */
  text = relance_format_money (123456);
  g_assert_null (strchr (text, ' '));
}

static void
test_money_french (void)
{
  g_autofree char *text = NULL;

  if (!use_locale ("fr_FR.UTF-8"))
    return;

  assert_money (0, "0,00 €");
  assert_money (5, "0,05 €");
  assert_money (123456, "1 234,56 €");
  assert_money (100000000, "1 000 000,00 €");
  assert_money (-123456, "-1 234,56 €");

  /* The euro sign never wraps onto a line of its own. */
  text = relance_format_money (123456);
  g_assert_true (g_str_has_suffix (text, "\xc2\xa0€"));

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_money_english (void)
{
  if (!use_locale ("en_GB.UTF-8"))
    return;

  assert_money (123456, "€1,234.56");
  assert_money (-123456, "-€1,234.56");

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_day_c (void)
{
  if (!use_locale ("C.UTF-8"))
    return;

  /* %x would say "11/23/26" here: ISO instead. */
  assert_day (relance_day_from_dmy (23, 11, 2026), "2026-11-23");
  assert_day (relance_day_from_dmy (1, 2, 2003), "2003-02-01");
  assert_day (RELANCE_DAY_NONE, "");
}

static void
test_day_french (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    return;

  assert_day (relance_day_from_dmy (23, 11, 2026), "23/11/2026");
  assert_day (relance_day_from_dmy (1, 2, 2003), "01/02/2003");
  assert_day (RELANCE_DAY_NONE, "");

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/money/c", test_money_c);
  g_test_add_func ("/format/money/french", test_money_french);
  g_test_add_func ("/format/money/english", test_money_english);
  g_test_add_func ("/format/day/c", test_day_c);
  g_test_add_func ("/format/day/french", test_day_french);

  return g_test_run ();
}
