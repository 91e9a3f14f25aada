/* relance-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-delimited.h"
#include "relance-error.h"
#include "relance-export.h"
#include "relance-import.h"
#include "relance-ledger.h"
#include "relance-money.h"

#define SEPARATOR ';'

static void
append_text (GString    *out,
             const char *text,
             gboolean    last)
{
  g_autofree char *quoted = relance_delimited_quote (text, SEPARATOR);

  g_string_append (out, quoted);
  g_string_append_c (out, last ? '\n' : SEPARATOR);
}

static void
append_amount (GString  *out,
               gint64    cents,
               gboolean  french,
               gboolean  last)
{
  g_autofree char *decimal = relance_money_to_decimal (cents);

  if (french)
    g_strdelimit (decimal, ".", ',');
  append_text (out, decimal, last);
}

static void
append_day (GString    *out,
            RelanceDay  day,
            gboolean    last)
{
  g_autofree char *iso = relance_day_is_valid (day) ? relance_day_to_iso (day) : g_strdup ("");

  append_text (out, iso, last);
}

static gboolean
write_file (const char  *path,
            GString     *out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot write %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_open_items (GPtrArray   *items,
                  const char  *path,
                  gboolean     french_decimals,
                  GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Not translated: the import reads these names whatever the language. */
  g_string_append (out, "Code client;Raison sociale;Numéro facture;Type;Date facture;"
                        "Échéance;Montant TTC;Reste dû;Devise\n");
  for (guint i = 0; i < items->len; i++)
    {
      const RelanceOpenItem *item = g_ptr_array_index (items, i);

      append_text (out, item->customer_code, FALSE);
      append_text (out, item->customer_name, FALSE);
      append_text (out, item->number, FALSE);
      append_text (out, item->credit_note ? "avoir" : "facture", FALSE);
      append_day (out, item->issue_date, FALSE);
      append_day (out, item->due_date, FALSE);
      append_amount (out, item->credit_note ? -item->amount : item->amount, french_decimals, FALSE);
      append_amount (out, item->open, french_decimals, FALSE);
      append_text (out, item->currency, TRUE);
    }

  return write_file (path, out, error);
}

/**
 * relance_export_open_items:
 * @db: the ledger
 * @path: the CSV file to write (replaced)
 * @french_decimals: write "1234,56" rather than "1234.56"
 *
 * One line per invoice or credit note with something open; credit notes
 * have negative amounts. The header is one Relance's CSV import recognises.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
relance_export_open_items (RelanceDatabase  *db,
                           const char       *path,
                           gboolean          french_decimals,
                           GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  items = relance_import_list_open_items (db, error);
  if (items == NULL)
    return FALSE;

  return write_open_items (items, path, french_decimals, error);
}

/**
 * relance_export_open_items_at:
 * @at: the day: the open items as they stood at its end
 *
 * Like relance_export_open_items(), without what was issued or allocated
 * after @at.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
relance_export_open_items_at (RelanceDatabase  *db,
                              RelanceDay        at,
                              const char       *path,
                              gboolean          french_decimals,
                              GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  items = relance_import_list_open_items_at (db, at, error);
  if (items == NULL)
    return FALSE;

  return write_open_items (items, path, french_decimals, error);
}

/**
 * relance_export_aged_balance:
 * @at: the date of the balance
 *
 * One line per customer with something open, then a total line.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
relance_export_aged_balance (RelanceDatabase  *db,
                             RelanceDay        at,
                             const char       *path,
                             gboolean          french_decimals,
                             GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 totals[RELANCE_AGE_N_BUCKETS + 1] = { 0 };

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  rows = relance_ledger_aged_balance (db, at, error);
  if (rows == NULL)
    return FALSE;

  g_string_append (out, "Code client;Raison sociale;Non échu;1-30 jours;31-60 jours;"
                        "61-90 jours;Plus de 90 jours;Total\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceAgedRow *row = g_ptr_array_index (rows, i);

      append_text (out, row->code, FALSE);
      append_text (out, row->name, FALSE);
      for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
        {
          append_amount (out, row->buckets[b], french_decimals, FALSE);
          totals[b] += row->buckets[b];
        }
      append_amount (out, row->total, french_decimals, TRUE);
      totals[RELANCE_AGE_N_BUCKETS] += row->total;
    }
  append_text (out, "TOTAL", FALSE);
  append_text (out, "", FALSE);
  for (guint b = 0; b <= RELANCE_AGE_N_BUCKETS; b++)
    append_amount (out, totals[b], french_decimals, b == RELANCE_AGE_N_BUCKETS);

  return write_file (path, out, error);
}
