/* test-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-error.h"
#include "relance-money.h"

static void
test_money_parse_valid (void)
{
  static const struct {
    const char *text;
    gint64      cents;
  } cases[] = {
    { "1 234,56", 123456 },
    { "1234.56", 123456 },
    { "-12", -1200 },
    { "12,5", 1250 },
    { "-12,5", -1250 },
    { "0,07", 7 },
    { "1.234,56", 123456 },
    { "1,234.56", 123456 },
    { "1\u202f234,56 €", 123456 },     /* narrow no-break space, as fr_FR prints */
    { "1\u00a0234,56", 123456 },        /* no-break space from a spreadsheet */
    { "\u2212 3,20", -320 },            /* a real minus sign */
    { "€ 99", 9900 },
    { "250 EUR", 25000 },
    { "  42  ", 4200 },
    { "1 000 000", 100000000 },
    { "+7", 700 },
    { "1'234.50", 123450 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (relance_money_parse (cases[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_money_parse_garbage (void)
{
  static const char * const cases[] = {
    "12,3,4", "abc", "", "   ", "-", "1,234", "1.2.3,4", "12.", ",5", "1 23,45",
    "12,34,56", "1,2.3", "99999999999999999999", "12 a", "1..2", "1,23.456,78",
    "12,3 4", "--5", "1.234.567,891",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 424242;

      g_test_message ("refusing “%s”", cases[i]);
      g_assert_false (relance_money_parse (cases[i], &cents, &error));
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      /* The message quotes what was typed, so the user sees which field. */
      g_assert_nonnull (strstr (error->message, "not an amount"));
      g_assert_cmpint (cents, ==, 424242);
    }
}

static void
test_money_parse_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  gint64 cents;

  g_assert_false (relance_money_parse ("12\xe9", &cents, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

static void
test_money_decimal (void)
{
  static const struct {
    gint64      cents;
    const char *text;
  } cases[] = {
    { 0, "0.00" }, { 5, "0.05" }, { -5, "-0.05" }, { 123456, "1234.56" },
    { -120000, "-1200.00" }, { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = relance_money_to_decimal (cases[i].cents);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_scale (void)
{
  /* Half a cent rounds away from zero. */
  g_assert_cmpint (relance_money_scale (5, 1, 2), ==, 3);
  g_assert_cmpint (relance_money_scale (-5, 1, 2), ==, -3);
  g_assert_cmpint (relance_money_scale (4, 1, 2), ==, 2);
  /* 10,000.00 € at 11.15 % a year for 30 days: 10000 × 0.1115 × 30 / 365. */
  g_assert_cmpint (relance_money_scale (1000000, 1115 * 30, 10000 * 365), ==, 9164);
  /* No overflow on the largest amounts. */
  g_assert_cmpint (relance_money_scale (RELANCE_MONEY_MAX, 3, 3), ==, RELANCE_MONEY_MAX);
}

static void
test_money_round_trip (void)
{
  for (gint64 cents = -100100; cents <= 100100; cents += 997)
    {
      g_autofree char *text = relance_money_to_decimal (cents);
      gint64 back = 0;

      g_assert_true (relance_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, cents);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/valid", test_money_parse_valid);
  g_test_add_func ("/money/parse/garbage", test_money_parse_garbage);
  g_test_add_func ("/money/parse/invalid-utf8", test_money_parse_invalid_utf8);
  g_test_add_func ("/money/decimal", test_money_decimal);
  g_test_add_func ("/money/scale", test_money_scale);
  g_test_add_func ("/money/round-trip", test_money_round_trip);

  return g_test_run ();
}
