/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-date.h"
#include "relance-error.h"

static void
test_date_parse (void)
{
  static const struct {
    const char *text;
    const char *iso;
  } cases[] = {
    { "2026-11-23", "2026-11-23" },
    { "23/11/2026", "2026-11-23" },
    { "1/2/2026", "2026-02-01" },
    { "29/02/2024", "2024-02-29" },
    { "31.12.2025", "2025-12-31" },
    { " 2026-1-5 ", "2026-01-05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      RelanceDay day = 0;

      g_assert_true (relance_day_parse (cases[i].text, &day, &error));
      g_assert_no_error (error);
      iso = relance_day_to_iso (day);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_date_parse_bad (void)
{
  static const char * const cases[] = {
    "31/02/2026", "29/02/2025", "2026-13-01", "2026-00-10", "00/01/2026", "tomorrow",
    "", "23/11/26", "2026/11/23", "23-11/2026", "2026-11-23x", "12/12/0012",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      RelanceDay day = 77;

      g_test_message ("refusing “%s”", cases[i]);
      g_assert_false (relance_day_parse (cases[i], &day, &error));
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      g_assert_cmpint (day, ==, 77);
    }
}

static void
test_date_compact (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  RelanceDay day;

  g_assert_true (relance_day_parse_compact ("20260131", &day, &error));
  iso = relance_day_to_iso (day);
  g_assert_cmpstr (iso, ==, "2026-01-31");

  g_assert_false (relance_day_parse_compact ("20260231", &day, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_day_parse_compact ("2026013", &day, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
}

static void
test_date_arithmetic (void)
{
  RelanceDay a = relance_day_from_dmy (31, 12, 2025);
  RelanceDay b = relance_day_from_dmy (1, 3, 2026);
  g_autofree char *iso = NULL;

  /* Days subtract as integers: January (31) + February (28) + 1. */
  g_assert_cmpint (b - a, ==, 60);
  iso = relance_day_to_iso (relance_day_add_months (relance_day_from_dmy (31, 1, 2026), 1));
  g_assert_cmpstr (iso, ==, "2026-02-28");
  g_assert_false (relance_day_is_valid (RELANCE_DAY_NONE));

  g_free (iso);
  iso = relance_day_to_iso (RELANCE_DAY_NONE);
  g_assert_cmpstr (iso, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/parse-bad", test_date_parse_bad);
  g_test_add_func ("/date/compact", test_date_compact);
  g_test_add_func ("/date/arithmetic", test_date_arithmetic);

  return g_test_run ();
}
