/* relance-penalties.c
 *
 * The rate table, the collection settings and the late-payment penalties
 * of a customer. The interest rule is documented in relance-penalties.h,
 * beside relance_penalties_interest().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-penalties.h"
#include "relance-proceedings-private.h"

#define RATE_MAX 10000              /* 100 %, in basis points */
#define MARGIN_MAX 5000             /* 50 points */
#define INDEMNITY_MAX 100000        /* 1 000,00 EUR */
#define PROMISE_GRACE_DAYS_MAX 60
#define DAYS_PER_YEAR 365
#define BASIS_POINTS 10000

/* The member states of the European Union, France aside (ISO 3166
 * alpha-2; "EL" is Greece as the EU's VAT numbers write it). */
static const char * const other_eu_countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "GR",
  "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO",
  "SE", "SI", "SK",
};

static const char * const rate_kind_names[] = {
  [RELANCE_RATE_ECB] = "ecb",
  [RELANCE_RATE_LEGAL] = "legal",
};

/* Helpers */

/* "12.15" for 1215 basis points: the model knows no locale. */
static char *
format_rate (int basis_points)
{
  int magnitude = ABS (basis_points);

  return g_strdup_printf ("%s%d.%02d", basis_points < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}

static int
compare_settlements (gconstpointer a,
                     gconstpointer b)
{
  const RelanceSettlement *x = a;
  const RelanceSettlement *y = b;

  return (x->date > y->date) - (x->date < y->date);
}

/* The last day of the half-year that @day starts or falls in: 30 June or
 * 31 December. The ECB rate of 1 January and 1 July holds for six months. */
static RelanceDay
end_of_half_year (RelanceDay day)
{
  guint d, m, y;

  relance_day_to_dmy (day, &d, &m, &y);
  return m <= 6 ? relance_day_from_dmy (30, 6, y) : relance_day_from_dmy (31, 12, y);
}

/* The index in @rates of the row in force on @day: the latest with
 * valid_from <= @day, or the first one for the days before it. */
static guint
rate_index_for (GPtrArray  *rates,
                RelanceDay  day)
{
  guint index = 0;

  while (index + 1 < rates->len &&
         ((RelanceRate *)g_ptr_array_index (rates, index + 1))->valid_from <= day)
    index++;

  return index;
}

static int
ecb_rate_on (GPtrArray  *rates,
             RelanceDay  day)
{
  if (rates == NULL || rates->len == 0)
    return 0;

  return ((RelanceRate *)g_ptr_array_index (rates, rate_index_for (rates, day)))->rate;
}

static gboolean
check_rate_kind (RelanceRateKind kind)
{
  return (guint)kind < G_N_ELEMENTS (rate_kind_names);
}

static gboolean
read_rate_kind (sqlite3_stmt    *stmt,
                int              column,
                RelanceRateKind *kind)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (rate_kind_names); i++)
    if (strcmp (rate_kind_names[i], text) == 0)
      {
        *kind = (RelanceRateKind)i;
        return TRUE;
      }

  return FALSE;
}

/* The customer's country, or a NOT_FOUND error. */
static char *
read_customer_country (RelanceDatabase  *db,
                       gint64            customer_id,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT country FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return NULL;
    }

  return _relance_column_dup (stmt, 0);
}

/* Half away from zero, to the cent: @numerator is cents × basis points
 * × days, never negative. */
static gint64
round_interest (__int128 numerator)
{
  const __int128 denominator = (__int128)DAYS_PER_YEAR * BASIS_POINTS;
  __int128 quotient = numerator / denominator;

  if ((numerator % denominator) * 2 >= denominator)
    quotient++;

  return (gint64)quotient;
}

/* The periods of relance_penalties_interest_periods(), see the header. */
static GArray *
walk_interest (gint64                    amount,
               RelanceDay                due_date,
               const RelanceSettlement  *settlements,
               guint                     n_settlements,
               GPtrArray                *ecb_rates,
               int                       margin,
               RelanceDay                date)
{
  g_autofree RelanceSettlement *sorted = NULL;
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (RelanceInterestPeriod));
  __int128 cumulated = 0;
  gint64 rounded = 0;
  gint64 balance = amount;
  guint next_settlement = 0;
  guint rate_index = 0;
  gboolean has_rates = ecb_rates != NULL && ecb_rates->len > 0;
  RelanceDay day;

  if (date <= due_date || amount <= 0)
    return periods;

  sorted = g_memdup2 (settlements, sizeof (RelanceSettlement) * n_settlements);
  if (n_settlements > 0)
    qsort (sorted, n_settlements, sizeof (RelanceSettlement), compare_settlements);

  /* Walk the days in runs where neither the balance nor the rate changes. */
  day = due_date + 1;
  if (has_rates)
    rate_index = rate_index_for (ecb_rates, day);

  while (day <= date)
    {
      RelanceInterestPeriod period = { 0 };
      RelanceDay next = date + 1;
      gint64 total;

      /* The balance of @day: less everything dated before it. */
      while (next_settlement < n_settlements && sorted[next_settlement].date < day)
        balance -= sorted[next_settlement++].amount;
      while (has_rates && rate_index + 1 < ecb_rates->len &&
             ((RelanceRate *)g_ptr_array_index (ecb_rates, rate_index + 1))->valid_from <= day)
        rate_index++;

      if (balance <= 0)
        break;

      /* A settlement dated s lowers the balance from s + 1 on. */
      if (next_settlement < n_settlements)
        next = MIN (next, sorted[next_settlement].date + 1);
      if (has_rates && rate_index + 1 < ecb_rates->len)
        next = MIN (next, ((RelanceRate *)g_ptr_array_index (ecb_rates, rate_index + 1))->valid_from);

      period.from = day;
      period.to = next - 1;
      period.days = next - day;
      period.balance = balance;
      period.rate = (has_rates ? ((RelanceRate *)g_ptr_array_index (ecb_rates, rate_index))->rate : 0) + margin;
      if (period.rate > 0)
        cumulated += (__int128)balance * period.rate * period.days;

      /* Rounded on the running sum: the periods add up to the rounded total. */
      total = round_interest (cumulated);
      period.interest = total - rounded;
      rounded = total;

      /* A new row of the table with the same rate (the ECB rate kept for
       * another half-year) goes on with the same period. */
      if (periods->len > 0)
        {
          RelanceInterestPeriod *last = &g_array_index (periods, RelanceInterestPeriod, periods->len - 1);

          if (last->rate == period.rate && last->balance == period.balance && last->to + 1 == period.from)
            {
              last->to = period.to;
              last->days += period.days;
              last->interest += period.interest;
              day = next;
              continue;
            }
        }
      g_array_append_val (periods, period);

      day = next;
    }

  return periods;
}

/* The customer's invoices late on @date (due before it, not settled by
 * their due date), each with its allocations dated on or before @date and
 * whether a dispute is open on it that day: one row per allocation (or
 * one row with NULL allocation columns), the oldest due first. Invoices
 * settled in full by their due date are left out at once. */
static gboolean
read_late_invoices (RelanceDatabase   *db,
                    gint64             customer_id,
                    RelanceDay         date,
                    GPtrArray         *lines,
                    GHashTable        *settlements,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelancePenaltyLine *line = NULL;

  stmt = _relance_database_prepare (db,
                                    "SELECT i.id, i.number, i.issue_date, i.due_date, i.amount,"
                                    "  EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id"
                                    "          AND d.opened_on <= ?2"
                                    "          AND (d.resolved_on IS NULL OR d.resolved_on > ?2)),"
                                    "  a.date, a.amount"
                                    " FROM invoices i"
                                    " LEFT JOIN allocations a ON a.invoice_id = i.id AND a.date <= ?2"
                                    " WHERE i.customer_id = ?1 AND i.kind = 'invoice'"
                                    "  AND i.issue_date <= ?2 AND i.due_date < ?2"
                                    "  AND (i.settled_date IS NULL OR i.settled_date > i.due_date)"
                                    " ORDER BY i.due_date, i.number, i.id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);

  for (;;)
    {
      gint64 invoice_id;
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      invoice_id = sqlite3_column_int64 (stmt, 0);
      if (line == NULL || line->invoice_id != invoice_id)
        {
          line = g_new0 (RelancePenaltyLine, 1);
          line->invoice_id = invoice_id;
          line->number = _relance_column_dup (stmt, 1);
          line->issue_date = sqlite3_column_int (stmt, 2);
          line->due_date = sqlite3_column_int (stmt, 3);
          line->amount = sqlite3_column_int64 (stmt, 4);
          line->disputed = sqlite3_column_int (stmt, 5) != 0;
          g_ptr_array_add (lines, line);
          g_hash_table_insert (settlements, line,
                               g_array_new (FALSE, FALSE, sizeof (RelanceSettlement)));
        }

      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          RelanceSettlement settlement;

          settlement.date = sqlite3_column_int (stmt, 6);
          settlement.amount = sqlite3_column_int64 (stmt, 7);
          g_array_append_val (g_hash_table_lookup (settlements, line), settlement);
        }
    }

  return TRUE;
}

/* Whether @line was late (something still to pay the day after its due
 * date), and on @date what is open and the day it was paid in full. */
static gboolean
settle_line (RelancePenaltyLine *line,
             GArray             *paid,
             RelanceDay          date)
{
  gint64 by_due_date = 0;
  gint64 balance = line->amount;

  g_array_sort (paid, compare_settlements);
  for (guint i = 0; i < paid->len; i++)
    {
      const RelanceSettlement *settlement = &g_array_index (paid, RelanceSettlement, i);

      if (settlement->date <= line->due_date)
        by_due_date += settlement->amount;
      balance -= settlement->amount;
      if (balance <= 0 && line->paid_on == 0)
        line->paid_on = settlement->date;
    }

  if (line->amount - by_due_date <= 0)
    return FALSE;

  line->open = MAX (balance, 0);
  line->days_late = (line->paid_on != 0 ? line->paid_on : date) - line->due_date;
  return TRUE;
}

static gboolean
compute_lines (RelanceDatabase   *db,
               gint64             customer_id,
               RelanceDay         date,
               GPtrArray         *ecb_rates,
               RelancePenalties  *penalties,
               gint64             indemnity,
               GError           **error)
{
  g_autoptr(GHashTable) settlements = NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new ();

  settlements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
  penalties->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_penalty_line_free);

  /* Insolvency proceedings: the interest of the debts born before the
   * judgment stops on its day (relance-proceedings.h). */
  if (!_relance_proceedings_get_judgment (db, customer_id, date, &penalties->judgment, error))
    return FALSE;

  if (!read_late_invoices (db, customer_id, date, read, settlements, error))
    {
      g_ptr_array_foreach (read, (GFunc)relance_penalty_line_free, NULL);
      return FALSE;
    }

  for (guint i = 0; i < read->len; i++)
    {
      RelancePenaltyLine *line = g_ptr_array_index (read, i);
      GArray *paid = g_hash_table_lookup (settlements, line);

      if (!settle_line (line, paid, date))
        {
          relance_penalty_line_free (line);
          continue;
        }

      line->periods = walk_interest (line->amount, line->due_date,
                                     (const RelanceSettlement *)paid->data, paid->len,
                                     ecb_rates, penalties->margin,
                                     penalties->judgment != 0 && line->issue_date < penalties->judgment
                                       ? penalties->judgment : date);
      line->interest = 0;
      for (guint p = 0; p < line->periods->len; p++)
        line->interest += g_array_index (line->periods, RelanceInterestPeriod, p).interest;
      line->rate = line->periods->len > 0
        ? g_array_index (line->periods, RelanceInterestPeriod, line->periods->len - 1).rate
        : penalties->rate;
      line->indemnity = indemnity;
      g_ptr_array_add (penalties->lines, line);

      if (line->disputed)
        {
          penalties->n_disputed++;
          penalties->disputed_open += line->open;
          penalties->disputed_interest += line->interest;
          penalties->disputed_indemnity += line->indemnity;
        }
      else
        {
          penalties->n_claimed++;
          penalties->n_paid_late += line->paid_on != 0;
          penalties->open += line->open;
          penalties->interest += line->interest;
          penalties->indemnity += line->indemnity;
        }
    }

  penalties->total = penalties->open + penalties->interest + penalties->indemnity;
  return TRUE;
}

/* Public API */

void
relance_rate_free (RelanceRate *rate)
{
  g_free (rate);
}

void
relance_penalty_line_free (RelancePenaltyLine *line)
{
  if (line == NULL)
    return;

  g_free (line->number);
  g_clear_pointer (&line->periods, g_array_unref);
  g_free (line);
}

void
relance_penalties_free (RelancePenalties *penalties)
{
  if (penalties == NULL)
    return;

  g_clear_pointer (&penalties->lines, g_ptr_array_unref);
  g_free (penalties);
}

/**
 * relance_rate_kind_to_string:
 *
 * Returns: "ecb" or "legal", as the ledger stores the kind
 */
const char *
relance_rate_kind_to_string (RelanceRateKind kind)
{
  g_return_val_if_fail (check_rate_kind (kind), NULL);

  return rate_kind_names[kind];
}

/**
 * relance_rates_list:
 * @kind: the ECB rate or the legal rate
 *
 * Returns: (transfer full) (element-type RelanceRate): the rates of @kind,
 *   the oldest first, or %NULL with @error set
 */
GPtrArray *
relance_rates_list (RelanceDatabase  *db,
                    RelanceRateKind   kind,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_rate_free);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (check_rate_kind (kind), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT id, kind, valid_from, rate FROM rates"
                                    " WHERE kind = ?1 ORDER BY valid_from",
                                    error);
  if (stmt == NULL)
    return NULL;
  _relance_bind_text (stmt, 1, rate_kind_names[kind]);

  for (;;)
    {
      RelanceRate *rate;
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      rate = g_new0 (RelanceRate, 1);
      rate->id = sqlite3_column_int64 (stmt, 0);
      if (!read_rate_kind (stmt, 1, &rate->kind))
        rate->kind = kind;
      rate->valid_from = sqlite3_column_int (stmt, 2);
      rate->rate = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rates, rate);
    }

  return g_steal_pointer (&rates);
}

/**
 * relance_rates_set:
 * @kind: the ECB rate or the legal rate
 * @valid_from: the first day the rate is in force (1 January or 1 July
 *   for the published ones)
 * @rate: basis points, 0 to 10 000 (0 to 100 %)
 *
 * Adds the rate of @kind in force from @valid_from, or replaces the rate
 * the table already has for that kind and day.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_rates_set (RelanceDatabase  *db,
                   RelanceRateKind   kind,
                   RelanceDay        valid_from,
                   int               rate,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (check_rate_kind (kind), FALSE);

  if (!relance_day_is_valid (valid_from))
    return _relance_invalid (error, _("The start date of the rate is not a valid date"));

  if (rate < 0 || rate > RATE_MAX)
    {
      g_autofree char *text = format_rate (rate);

      /* Translators: %s is a percentage such as "150.00". */
      return _relance_invalid (error, _("A rate must be between 0 and 100 %%, not %s %%"), text);
    }

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO rates (kind, valid_from, rate) VALUES (?1, ?2, ?3)"
                                    " ON CONFLICT (kind, valid_from) DO UPDATE SET rate = excluded.rate",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, rate_kind_names[kind]);
  sqlite3_bind_int (stmt, 2, valid_from);
  sqlite3_bind_int (stmt, 3, rate);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_rates_remove:
 *
 * Removes a rate from the table; the rate before it then holds longer.
 * The last ECB rate is kept: interest cannot be computed without one.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_rates_remove (RelanceDatabase  *db,
                      gint64            rate_id,
                      GError          **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  RelanceRateKind kind;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!_relance_database_begin (db, error))
    return FALSE;

  find = _relance_database_prepare (db,
                                    "SELECT kind, (SELECT count(*) FROM rates o WHERE o.kind = r.kind)"
                                    " FROM rates r WHERE id = ?1",
                                    error);
  if (find == NULL)
    goto failed;
  sqlite3_bind_int64 (find, 1, rate_id);
  if (!_relance_database_step (db, find, &has_row, error))
    goto failed;
  if (!has_row || !read_rate_kind (find, 0, &kind))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This rate no longer exists"));
      goto failed;
    }
  if (kind == RELANCE_RATE_ECB && sqlite3_column_int64 (find, 1) <= 1)
    {
      _relance_invalid (error, _("This is the only ECB rate left, and interest needs one: change its rate instead"));
      goto failed;
    }

  remove = _relance_database_prepare (db, "DELETE FROM rates WHERE id = ?1", error);
  if (remove == NULL)
    goto failed;
  sqlite3_bind_int64 (remove, 1, rate_id);
  if (!_relance_database_run (db, remove, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_collection_settings_get:
 * @settings: (out caller-allocates): where to put the settings
 *
 * Returns: %TRUE on success
 */
gboolean
relance_collection_settings_get (RelanceDatabase            *db,
                                 RelanceCollectionSettings  *settings,
                                 GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  stmt = _relance_database_prepare (db,
                                    "SELECT interest_margin, eu_interest_margin, indemnity, promise_grace_days"
                                    " FROM company WHERE id = 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("The ledger has lost its company settings: restore a backup"));
      return FALSE;
    }

  settings->interest_margin = sqlite3_column_int (stmt, 0);
  settings->eu_interest_margin = sqlite3_column_int (stmt, 1);
  settings->indemnity = sqlite3_column_int64 (stmt, 2);
  settings->promise_grace_days = sqlite3_column_int (stmt, 3);

  return TRUE;
}

/**
 * relance_collection_settings_set:
 * @settings: the margins (0 to 50 points), the indemnity (0 to
 *   1 000,00 EUR) and the days of grace of a promise (0 to 60)
 *
 * Checks and saves the collection settings of the ledger; nothing is
 * saved when one of them is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_collection_settings_set (RelanceDatabase                  *db,
                                 const RelanceCollectionSettings  *settings,
                                 GError                          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->interest_margin < 0 || settings->interest_margin > MARGIN_MAX)
    {
      g_autofree char *text = format_rate (settings->interest_margin);

      /* Translators: %s is a number of percentage points such as "60.00". */
      return _relance_invalid (error, _("The points added to the ECB rate must be between 0 and 50, not %s"),
                               text);
    }

  if (settings->eu_interest_margin < 0 || settings->eu_interest_margin > MARGIN_MAX)
    {
      g_autofree char *text = format_rate (settings->eu_interest_margin);

      /* Translators: %s is a number of percentage points such as "60.00". */
      return _relance_invalid (error, _("The points added to the ECB rate for customers elsewhere in the EU "
                                        "must be between 0 and 50, not %s"),
                               text);
    }

  if (settings->indemnity < 0 || settings->indemnity > INDEMNITY_MAX)
    {
      g_autofree char *text = _relance_format_amount (settings->indemnity);
      g_autofree char *max = _relance_format_amount (INDEMNITY_MAX);

      return _relance_invalid (error, _("The recovery indemnity per late invoice must be between 0 and %s, not %s"),
                               max, text);
    }

  if (settings->promise_grace_days < 0 || settings->promise_grace_days > PROMISE_GRACE_DAYS_MAX)
    return _relance_invalid (error, _("The days of grace after a promised date must be between 0 and 60, not %d"),
                             settings->promise_grace_days);

  stmt = _relance_database_prepare (db,
                                    "UPDATE company SET interest_margin = ?1, eu_interest_margin = ?2,"
                                    " indemnity = ?3, promise_grace_days = ?4 WHERE id = 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, settings->interest_margin);
  sqlite3_bind_int (stmt, 2, settings->eu_interest_margin);
  sqlite3_bind_int64 (stmt, 3, settings->indemnity);
  sqlite3_bind_int (stmt, 4, settings->promise_grace_days);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_penalties_is_other_eu_country:
 * @country: an ISO 3166 alpha-2 code, in any case
 *
 * Returns: %TRUE if @country is one of the 26 member states of the EU
 *   other than France
 */
gboolean
relance_penalties_is_other_eu_country (const char *country)
{
  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (other_eu_countries); i++)
    if (g_ascii_strcasecmp (country, other_eu_countries[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * relance_penalties_interest:
 *
 * See relance-penalties.h for the rule.
 *
 * Returns: the interest in cents
 */
gint64
relance_penalties_interest (gint64                    amount,
                            RelanceDay                due_date,
                            const RelanceSettlement  *settlements,
                            guint                     n_settlements,
                            GPtrArray                *ecb_rates,
                            int                       margin,
                            RelanceDay                date)
{
  g_autoptr(GArray) periods = NULL;
  gint64 interest = 0;

  g_return_val_if_fail (n_settlements == 0 || settlements != NULL, 0);

  periods = walk_interest (amount, due_date, settlements, n_settlements, ecb_rates, margin, date);
  for (guint i = 0; i < periods->len; i++)
    interest += g_array_index (periods, RelanceInterestPeriod, i).interest;

  return interest;
}

/**
 * relance_penalties_interest_periods:
 *
 * See relance-penalties.h for the rule and the rounding of each period.
 *
 * Returns: (transfer full) (element-type RelanceInterestPeriod): the
 *   periods, the oldest first
 */
GArray *
relance_penalties_interest_periods (gint64                    amount,
                                    RelanceDay                due_date,
                                    const RelanceSettlement  *settlements,
                                    guint                     n_settlements,
                                    GPtrArray                *ecb_rates,
                                    int                       margin,
                                    RelanceDay                date)
{
  g_return_val_if_fail (n_settlements == 0 || settlements != NULL, NULL);

  return walk_interest (amount, due_date, settlements, n_settlements, ecb_rates, margin, date);
}

/**
 * relance_penalties_compute:
 * @customer_id: the customer
 * @date: the day the penalties are reckoned on
 *
 * What the customer owes on @date beyond its invoices: for each invoice
 * late on @date, still open or paid late (allocations dated after @date
 * do not count), the interest since its due date, period by period, and
 * the recovery indemnity; disputed ones apart. The margin is the
 * ledger's, or its EU one for a customer in another member state. See
 * relance-penalties.h.
 *
 * Returns: (transfer full): the penalties, or %NULL with @error set
 *   (%RELANCE_ERROR_NOT_FOUND for an unknown customer)
 */
RelancePenalties *
relance_penalties_compute (RelanceDatabase  *db,
                           gint64            customer_id,
                           RelanceDay        date,
                           GError          **error)
{
  g_autoptr(RelancePenalties) penalties = NULL;
  g_autoptr(GPtrArray) ecb_rates = NULL;
  g_autofree char *country = NULL;
  RelanceCollectionSettings settings;
  RelanceDay covered;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (!relance_day_is_valid (date))
    {
      _relance_invalid (error, _("The day to reckon the penalties on is not a valid date"));
      return NULL;
    }

  /* One snapshot of the ledger for every read. */
  if (!_relance_database_begin (db, error))
    return NULL;

  country = read_customer_country (db, customer_id, error);
  if (country == NULL ||
      !relance_collection_settings_get (db, &settings, error) ||
      (ecb_rates = relance_rates_list (db, RELANCE_RATE_ECB, error)) == NULL)
    goto failed;

  if (ecb_rates->len == 0)
    {
      _relance_invalid (error, _("The table of ECB rates is empty: add the rate in force this half-year"));
      goto failed;
    }

  penalties = g_new0 (RelancePenalties, 1);
  penalties->eu_customer = relance_penalties_is_other_eu_country (country);
  penalties->margin = penalties->eu_customer ? settings.eu_interest_margin : settings.interest_margin;
  penalties->rate = ecb_rate_on (ecb_rates, date) + penalties->margin;

  covered = end_of_half_year (((RelanceRate *)g_ptr_array_index (ecb_rates, ecb_rates->len - 1))->valid_from);
  penalties->rates_known_until = date > covered ? covered : 0;

  if (!compute_lines (db, customer_id, date, ecb_rates, penalties, settings.indemnity, error))
    goto failed;

  if (!_relance_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&penalties);

failed:
  _relance_database_rollback (db);
  return NULL;
}
