/* relance-proceedings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-money.h"
#include "relance-penalties.h"
#include "relance-proceedings-private.h"
#include "relance-proceedings.h"
#include "relance-worklist.h"

static const char * const kind_names[] = { "sauvegarde", "redressement", "liquidation" };
static const char * const outcome_names[] = { "open", "plan", "closed" };

#define SELECT_PROCEEDINGS \
  "SELECT p.id, p.customer_id, c.code, c.name, p.kind, p.judgment_date, p.court," \
  " p.bodacc_date, p.mandataire_name, p.mandataire_address, p.abroad," \
  " coalesce (p.outcome, 'open'), coalesce (p.closed_on, 0)," \
  " p.claim_amount, coalesce (p.claim_date, 0), coalesce (p.claim_action_id, 0)," \
  " (SELECT coalesce (sum (w.amount), 0) FROM write_offs w WHERE w.proceedings_id = p.id)," \
  " (SELECT coalesce (sum (w.vat), 0) FROM write_offs w WHERE w.proceedings_id = p.id)," \
  " (SELECT coalesce (max (w.date), 0) FROM write_offs w WHERE w.proceedings_id = p.id)" \
  " FROM proceedings p JOIN customers c ON c.id = p.customer_id"

/* Helpers */

static RelanceProceedings *
read_row (sqlite3_stmt *stmt)
{
  RelanceProceedings *p = g_new0 (RelanceProceedings, 1);
  g_autofree char *kind = _relance_column_dup (stmt, 4);
  g_autofree char *outcome = _relance_column_dup (stmt, 11);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->customer_id = sqlite3_column_int64 (stmt, 1);
  p->customer_code = _relance_column_dup (stmt, 2);
  p->customer_name = _relance_column_dup (stmt, 3);
  relance_proceedings_kind_from_string (kind, &p->kind);
  p->judgment_date = sqlite3_column_int (stmt, 5);
  p->court = _relance_column_dup (stmt, 6);
  p->bodacc_date = sqlite3_column_int (stmt, 7);
  p->mandataire_name = _relance_column_dup (stmt, 8);
  p->mandataire_address = _relance_column_dup (stmt, 9);
  p->abroad = sqlite3_column_int (stmt, 10) != 0;
  relance_proceedings_outcome_from_string (outcome, &p->outcome);
  p->closed_on = sqlite3_column_int (stmt, 12);
  p->claim_declared = sqlite3_column_type (stmt, 13) != SQLITE_NULL;
  p->claim_amount = sqlite3_column_int64 (stmt, 13);
  p->claim_date = sqlite3_column_int (stmt, 14);
  p->claim_action_id = sqlite3_column_int64 (stmt, 15);
  p->written_off = sqlite3_column_int64 (stmt, 16);
  p->written_off_vat = sqlite3_column_int64 (stmt, 17);
  p->written_off_on = sqlite3_column_int (stmt, 18);
  p->deadline = relance_proceedings_get_deadline (p->bodacc_date, p->abroad);
  p->relief_deadline = relance_proceedings_get_relief_deadline (p->bodacc_date);

  return p;
}

static gboolean
check_customer (RelanceDatabase  *db,
                gint64            customer_id,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = _relance_database_prepare (db, "SELECT 1 FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("This customer no longer exists"));
      return FALSE;
    }

  return TRUE;
}

/* The open proceedings of @customer_id, or NULL (with @error unset when
 * there are none). */
static RelanceProceedings *
get_open (RelanceDatabase  *db,
          gint64            customer_id,
          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = _relance_database_prepare (db, SELECT_PROCEEDINGS
                                    " WHERE p.customer_id = ?1 AND p.outcome IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error) || !has_row)
    return NULL;

  return read_row (stmt);
}

/* Days in messages as the rest of the model writes them: ISO 8601. */
static char *
format_day (RelanceDay day)
{
  return relance_day_to_iso (day);
}

/* Public API */

void
relance_proceedings_free (RelanceProceedings *proceedings)
{
  if (proceedings == NULL)
    return;

  g_free (proceedings->customer_code);
  g_free (proceedings->customer_name);
  g_free (proceedings->court);
  g_free (proceedings->mandataire_name);
  g_free (proceedings->mandataire_address);
  g_free (proceedings);
}

const char *
relance_proceedings_kind_to_string (RelanceProceedingsKind kind)
{
  g_return_val_if_fail (kind <= RELANCE_PROCEEDINGS_LIQUIDATION, NULL);

  return kind_names[kind];
}

gboolean
relance_proceedings_kind_from_string (const char             *text,
                                      RelanceProceedingsKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *kind = (RelanceProceedingsKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
relance_proceedings_kind_get_label (RelanceProceedingsKind kind)
{
  switch (kind)
    {
    case RELANCE_PROCEEDINGS_SAUVEGARDE:
      return _("Safeguard (sauvegarde)");
    case RELANCE_PROCEEDINGS_REDRESSEMENT:
      return _("Receivership (redressement judiciaire)");
    case RELANCE_PROCEEDINGS_LIQUIDATION:
      return _("Compulsory liquidation (liquidation judiciaire)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
relance_proceedings_outcome_to_string (RelanceProceedingsOutcome outcome)
{
  g_return_val_if_fail (outcome <= RELANCE_PROCEEDINGS_CLOSED, NULL);

  return outcome_names[outcome];
}

gboolean
relance_proceedings_outcome_from_string (const char                *text,
                                         RelanceProceedingsOutcome *outcome)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (outcome_names); i++)
    if (g_ascii_strcasecmp (text, outcome_names[i]) == 0)
      {
        *outcome = (RelanceProceedingsOutcome) i;
        return TRUE;
      }

  return FALSE;
}

RelanceDay
relance_proceedings_get_deadline (RelanceDay bodacc_date,
                                  gboolean   abroad)
{
  g_return_val_if_fail (relance_day_is_valid (bodacc_date), RELANCE_DAY_NONE);

  return relance_day_add_months (bodacc_date, abroad ? 4 : 2);
}

RelanceDay
relance_proceedings_get_relief_deadline (RelanceDay bodacc_date)
{
  g_return_val_if_fail (relance_day_is_valid (bodacc_date), RELANCE_DAY_NONE);

  return relance_day_add_months (bodacc_date, 6);
}

gboolean
relance_proceedings_covers_issue_date (const RelanceProceedings *proceedings,
                                       RelanceDay                issue_date)
{
  return proceedings != NULL && issue_date < proceedings->judgment_date;
}

/**
 * relance_proceedings_open:
 *
 * Returns: the new proceedings' id, or 0 with @error set
 */
gint64
relance_proceedings_open (RelanceDatabase                 *db,
                          gint64                           customer_id,
                          const RelanceProceedingsFields  *fields,
                          RelanceDay                       today,
                          GError                         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RelanceProceedings) open = NULL;
  g_autofree char *court = _relance_dup_trimmed (fields->court);
  g_autofree char *name = _relance_dup_trimmed (fields->mandataire_name);
  g_autofree char *address = _relance_dup_trimmed (fields->mandataire_address);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (fields->kind > RELANCE_PROCEEDINGS_LIQUIDATION)
    return _relance_invalid (error, _("Unknown kind of proceedings: give sauvegarde, redressement or liquidation")), 0;
  if (!relance_day_is_valid (fields->judgment_date))
    return _relance_invalid (error, _("The proceedings need the date of the opening judgment")), 0;
  if (fields->judgment_date > today)
    {
      g_autofree char *day = format_day (fields->judgment_date);

      _relance_invalid (error, _("The judgment date %s is in the future: give the day the court opened the proceedings"), day);
      return 0;
    }
  if (!relance_day_is_valid (fields->bodacc_date))
    return _relance_invalid (error, _("The proceedings need the date of their publication in the BODACC")), 0;
  if (fields->bodacc_date < fields->judgment_date)
    {
      g_autofree char *bodacc = format_day (fields->bodacc_date);
      g_autofree char *judgment = format_day (fields->judgment_date);

      _relance_invalid (error, _("The BODACC publication (%s) cannot be before the judgment (%s)"), bodacc, judgment);
      return 0;
    }
  if (name == NULL || name[0] == '\0')
    return _relance_invalid (error, _("The proceedings need the name of the mandataire judiciaire (or liquidateur)")), 0;

  if (!_relance_database_begin (db, error))
    return 0;

  if (!check_customer (db, customer_id, error))
    goto failed;

  open = get_open (db, customer_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (open != NULL)
    {
      g_autofree char *day = format_day (open->judgment_date);

      _relance_invalid (error, _("%s is already in proceedings opened on %s: close them first"),
                        open->customer_name, day);
      goto failed;
    }

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO proceedings (customer_id, kind, judgment_date, court,"
                                    " bodacc_date, mandataire_name, mandataire_address, abroad)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  _relance_bind_text (stmt, 2, kind_names[fields->kind]);
  sqlite3_bind_int (stmt, 3, fields->judgment_date);
  _relance_bind_text (stmt, 4, court != NULL ? court : "");
  sqlite3_bind_int (stmt, 5, fields->bodacc_date);
  _relance_bind_text (stmt, 6, name);
  _relance_bind_text (stmt, 7, address != NULL ? address : "");
  sqlite3_bind_int (stmt, 8, fields->abroad ? 1 : 0);
  if (!_relance_database_run (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));

  if (!_relance_database_commit (db, error))
    return 0;

  return id;

failed:
  _relance_database_rollback (db);
  return 0;
}

static gboolean
write_off (RelanceDatabase          *db,
           const RelanceProceedings *proceedings,
           RelanceDay                date,
           int                       vat_rate,
           GError                  **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  select = _relance_database_prepare (db,
                                      "SELECT id, amount - allocated FROM invoices"
                                      " WHERE customer_id = ?1 AND kind = 'invoice'"
                                      " AND issue_date < ?2 AND allocated < amount ORDER BY id",
                                      error);
  insert = _relance_database_prepare (db,
                                      "INSERT INTO write_offs (invoice_id, proceedings_id, date, amount, vat)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)"
                                      " ON CONFLICT (invoice_id) DO UPDATE SET proceedings_id = ?2,"
                                      " date = ?3, amount = ?4, vat = ?5",
                                      error);
  if (select == NULL || insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (select, 1, proceedings->customer_id);
  sqlite3_bind_int (select, 2, proceedings->judgment_date);
  for (;;)
    {
      gboolean has_row;
      gint64 amount;

      if (!_relance_database_step (db, select, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      amount = sqlite3_column_int64 (select, 1);
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_int64 (insert, 2, proceedings->id);
      sqlite3_bind_int (insert, 3, date);
      sqlite3_bind_int64 (insert, 4, amount);
      sqlite3_bind_int64 (insert, 5, amount - relance_money_scale (amount, 10000, 10000 + vat_rate));
      if (!_relance_database_run (db, insert, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * relance_proceedings_close:
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
relance_proceedings_close (RelanceDatabase            *db,
                           gint64                      customer_id,
                           RelanceProceedingsOutcome   outcome,
                           RelanceDay                  date,
                           gboolean                    write_off_debt,
                           int                         vat_rate,
                           GError                    **error)
{
  g_autoptr(RelanceProceedings) open = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (outcome != RELANCE_PROCEEDINGS_PLAN && outcome != RELANCE_PROCEEDINGS_CLOSED)
    return _relance_invalid (error, _("Say how the proceedings ended: a plan adopted, or closed for lack of assets"));
  if (!relance_day_is_valid (date))
    return _relance_invalid (error, _("The end of the proceedings needs a date"));
  if (write_off_debt && outcome != RELANCE_PROCEEDINGS_CLOSED)
    return _relance_invalid (error, _("Only proceedings closed for lack of assets let the debt be written off"));
  if (vat_rate < 0 || vat_rate > 10000)
    return _relance_invalid (error, _("A VAT rate is between 0 and 100 %%"));

  if (!_relance_database_begin (db, error))
    return FALSE;

  if (!check_customer (db, customer_id, error))
    goto failed;

  open = get_open (db, customer_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (open == NULL)
    {
      _relance_invalid (error, _("This customer is in no open proceedings: there is nothing to close"));
      goto failed;
    }
  if (date < open->judgment_date)
    {
      g_autofree char *day = format_day (date);
      g_autofree char *judgment = format_day (open->judgment_date);

      _relance_invalid (error, _("The proceedings cannot end on %s, before their judgment of %s"), day, judgment);
      goto failed;
    }

  stmt = _relance_database_prepare (db, "UPDATE proceedings SET outcome = ?2, closed_on = ?3 WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, open->id);
  _relance_bind_text (stmt, 2, outcome_names[outcome]);
  sqlite3_bind_int (stmt, 3, date);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  if (write_off_debt && !write_off (db, open, date, vat_rate, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_proceedings_get_for_customer:
 *
 * Returns: (transfer full) (nullable): the proceedings governing the
 *   customer on @date; %NULL with no error when there are none
 */
RelanceProceedings *
relance_proceedings_get_for_customer (RelanceDatabase  *db,
                                      gint64            customer_id,
                                      RelanceDay        date,
                                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db, SELECT_PROCEEDINGS
                                    " WHERE p.customer_id = ?1 AND p.judgment_date <= ?2"
                                    " ORDER BY p.judgment_date DESC, p.id DESC LIMIT 1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);
  if (!_relance_database_step (db, stmt, &has_row, error) || !has_row)
    return NULL;

  return read_row (stmt);
}

GPtrArray *
relance_proceedings_list (RelanceDatabase  *db,
                          gint64            customer_id,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_proceedings_free);

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db, SELECT_PROCEEDINGS
                                    " WHERE ?1 = 0 OR p.customer_id = ?1"
                                    " ORDER BY p.outcome IS NOT NULL, p.bodacc_date * (p.outcome IS NULL),"
                                    " p.judgment_date DESC, c.sort_key, p.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  for (;;)
    {
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (list, read_row (stmt));
    }

  /* Open ones by deadline (abroad moves it): sorted here, stable. */
  for (guint i = 1; i < list->len; i++)
    for (guint j = i; j > 0; j--)
      {
        RelanceProceedings *a = g_ptr_array_index (list, j - 1);
        RelanceProceedings *b = g_ptr_array_index (list, j);

        if (a->outcome != RELANCE_PROCEEDINGS_OPEN || b->outcome != RELANCE_PROCEEDINGS_OPEN ||
            a->deadline <= b->deadline)
          break;
        list->pdata[j - 1] = b;
        list->pdata[j] = a;
      }

  return g_steal_pointer (&list);
}

/* The claim declaration */

void
relance_claim_data_free (RelanceClaimData *data)
{
  if (data == NULL)
    return;

  relance_proceedings_free (data->proceedings);
  g_free (data->debtor_code);
  g_free (data->debtor_name);
  g_free (data->debtor_siren);
  g_free (data->debtor_address);
  g_free (data->debtor_postcode);
  g_free (data->debtor_city);
  relance_letter_data_free (data->letter);
  g_free (data);
}

static gboolean
read_debtor (RelanceDatabase   *db,
             RelanceClaimData  *data,
             gint64             customer_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = _relance_database_prepare (db,
                                    "SELECT code, name, siren, address, postcode, city FROM customers WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("This customer no longer exists"));
      return FALSE;
    }

  data->debtor_code = _relance_column_dup (stmt, 0);
  data->debtor_name = _relance_column_dup (stmt, 1);
  data->debtor_siren = _relance_column_dup (stmt, 2);
  data->debtor_address = _relance_column_dup (stmt, 3);
  data->debtor_postcode = _relance_column_dup (stmt, 4);
  data->debtor_city = _relance_column_dup (stmt, 5);

  return TRUE;
}

/* The invoices and credit notes issued before the judgment still open on
 * @date. */
static GArray *
read_covered_ids (RelanceDatabase  *db,
                  gint64            customer_id,
                  RelanceDay        judgment_date,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _relance_database_prepare (db,
                                    "SELECT id FROM invoices WHERE customer_id = ?1 AND issue_date < ?2"
                                    " AND allocated < amount ORDER BY due_date, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, judgment_date);
  for (;;)
    {
      gboolean has_row;
      gint64 id;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static int
compare_invoices (gconstpointer a,
                  gconstpointer b)
{
  const RelanceLetterInvoice *x = *(RelanceLetterInvoice * const *) a;
  const RelanceLetterInvoice *y = *(RelanceLetterInvoice * const *) b;

  if (x->due_date != y->due_date)
    return x->due_date < y->due_date ? -1 : 1;
  return g_strcmp0 (x->number, y->number);
}

/* The letter goes to the mandataire: the address typed as lines, the
 * last one read as "postcode town" when it starts with a postcode. */
static void
address_to_mandataire (RelanceLetterData        *letter,
                       const RelanceProceedings *proceedings)
{
  g_auto(GStrv) lines = g_strsplit (proceedings->mandataire_address, "\n", -1);
  g_autoptr(GStrvBuilder) street = g_strv_builder_new ();
  g_auto(GStrv) street_lines = NULL;
  guint n = g_strv_length (lines);
  const char *last = NULL;

  while (n > 0 && g_strstrip (lines[n - 1])[0] == '\0')
    n--;
  if (n > 1)
    {
      const char *line = lines[n - 1];
      guint digits = 0;

      while (g_ascii_isdigit (line[digits]))
        digits++;
      if (digits >= 4 && digits <= 5 && line[digits] == ' ')
        {
          last = line;
          n--;
        }
    }
  for (guint i = 0; i < n; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_strv_builder_add (street, lines[i]);
  street_lines = g_strv_builder_end (street);

  g_free (letter->customer_name);
  letter->customer_name = g_strdup (proceedings->mandataire_name);
  g_free (letter->address);
  letter->address = g_strjoinv ("\n", street_lines);
  g_free (letter->postcode);
  g_free (letter->city);
  if (last != NULL)
    {
      const char *space = strchr (last, ' ');

      letter->postcode = g_strndup (last, space - last);
      letter->city = g_strstrip (g_strdup (space + 1));
    }
  else
    {
      letter->postcode = g_strdup ("");
      letter->city = g_strdup ("");
    }
  /* The mandataire's address is typed whole, country included when
   * abroad: the letter adds none. */
  g_free (letter->country);
  letter->country = g_strdup (letter->company != NULL && letter->company->country != NULL &&
                              letter->company->country[0] != '\0'
                              ? letter->company->country : "FR");
  g_free (letter->contact_name);
  letter->contact_name = g_strdup ("");
  g_free (letter->contact_civility);
  letter->contact_civility = g_strdup ("");
}

/**
 * relance_claim_data_get:
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
RelanceClaimData *
relance_claim_data_get (RelanceDatabase  *db,
                        gint64            customer_id,
                        RelanceDay        date,
                        GError          **error)
{
  g_autoptr(RelanceClaimData) data = g_new0 (RelanceClaimData, 1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) local_error = NULL;
  RelanceLetterData *letter;
  RelanceProceedings *p;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (!relance_day_is_valid (date))
    {
      _relance_invalid (error, _("The declaration’s date is not a valid date"));
      return NULL;
    }

  data->date = date;

  /* One snapshot of the ledger for every read. */
  if (!_relance_database_begin (db, error))
    return NULL;

  if (!read_debtor (db, data, customer_id, error))
    goto failed;

  data->proceedings = relance_proceedings_get_for_customer (db, customer_id, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (data->proceedings == NULL)
    {
      _relance_invalid (error, _("%s is in no insolvency proceedings: record the judgment first"),
                        data->debtor_name);
      goto failed;
    }
  p = data->proceedings;

  ids = read_covered_ids (db, customer_id, p->judgment_date, error);
  if (ids == NULL)
    goto failed;
  if (ids->len == 0)
    {
      g_autofree char *day = format_day (p->judgment_date);

      _relance_invalid (error, _("Nothing issued to %s before the judgment of %s is still owed: there is no claim to declare"),
                        data->debtor_name, day);
      goto failed;
    }

  data->letter = relance_letter_data_get (db, customer_id, date,
                                          (const gint64 *) (gpointer) ids->data, ids->len,
                                          FALSE, error);
  if (data->letter == NULL)
    goto failed;
  letter = data->letter;

  /* The interest up to the judgment's day, and the indemnities of the
   * invoices late on that day. */
  penalties = relance_penalties_compute (db, customer_id, p->judgment_date, error);
  if (penalties == NULL)
    goto failed;

  if (!_relance_database_commit (db, error))
    return NULL;

  /* A disputed claim is declared too (the mandataire verifies it): back
   * in the table, marked. Credit notes issued after the judgment are not
   * the debtor's old debts. */
  while (letter->disputed->len > 0)
    g_ptr_array_add (letter->invoices, g_ptr_array_steal_index (letter->disputed, 0));
  letter->total_disputed = 0;
  for (guint i = letter->invoices->len; i > 0; i--)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (letter->invoices, i - 1);

      if (invoice->issue_date >= p->judgment_date)
        g_ptr_array_remove_index (letter->invoices, i - 1);
    }
  g_ptr_array_sort (letter->invoices, compare_invoices);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  letter->total_open = 0;
  letter->total_overdue = 0;
  letter->max_days_overdue = 0;
  for (guint i = 0; i < letter->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (letter->invoices, i);

      g_hash_table_insert (by_id, &invoice->invoice_id, invoice);
      invoice->days_overdue = p->judgment_date - invoice->due_date;
      invoice->interest = 0;
      invoice->indemnity = 0;
      letter->total_open += invoice->open;
      if (invoice->due_date <= p->judgment_date)
        {
          data->due += invoice->open;
          letter->total_overdue += invoice->open;
        }
      else
        data->to_fall_due += invoice->open;
      if (!invoice->credit_note)
        letter->max_days_overdue = MAX (letter->max_days_overdue, invoice->days_overdue);
    }

  g_ptr_array_set_size (letter->interest_periods, 0);
  g_ptr_array_set_size (letter->paid_late, 0);
  letter->interest = 0;
  letter->indemnity = 0;
  for (guint i = 0; i < penalties->lines->len; i++)
    {
      RelancePenaltyLine *line = g_ptr_array_index (penalties->lines, i);
      RelanceLetterInvoice *invoice = g_hash_table_lookup (by_id, &line->invoice_id);

      /* Interest under a dispute is not claimed (relance-penalties.h);
       * an invoice issued on the judgment's day is a new debt. */
      if (line->disputed || line->issue_date >= p->judgment_date)
        continue;
      /* Paid in full, late, before the judgment: its interest and
       * indemnity are still owed. Paid since: nothing to declare. */
      if (invoice == NULL && (line->paid_on == 0 || line->paid_on > p->judgment_date))
        continue;

      relance_letter_data_claim_penalty_line (letter, line, invoice);
    }

  data->interest = letter->interest;
  data->indemnity = letter->indemnity;
  data->total = data->due + data->to_fall_due + data->interest + data->indemnity;
  letter->claims_penalties = TRUE;
  letter->interest = data->interest;
  letter->indemnity = data->indemnity;
  letter->interest_rate = penalties->rate;
  letter->total_claimed = data->total;
  letter->remainder = 0;
  letter->remainder_deadline = RELANCE_DAY_NONE;
  address_to_mandataire (letter, p);

  data->late = date > p->deadline;
  data->relief_too_late = date > p->relief_deadline;

  return g_steal_pointer (&data);

failed:
  _relance_database_rollback (db);
  return NULL;
}

/**
 * relance_claim_record:
 *
 * Returns: the action's id, or 0 with @error set and nothing written
 */
gint64
relance_claim_record (RelanceDatabase         *db,
                      const RelanceClaimData  *data,
                      const char              *summary,
                      GBytes                  *document,
                      const char              *document_name,
                      GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelanceActionFields fields = { 0 };
  gint64 action_id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (data != NULL && data->proceedings != NULL && data->letter != NULL, 0);

  for (guint i = 0; i < data->letter->invoices->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->letter->invoices, i);

      g_array_append_val (ids, invoice->invoice_id);
    }

  fields.customer_id = data->proceedings->customer_id;
  fields.kind = RELANCE_ACTION_FORMAL_NOTICE;
  fields.date = data->date;
  fields.outcome = RELANCE_OUTCOME_SENT;
  fields.contact = data->proceedings->mandataire_name;
  fields.summary = summary;
  fields.invoice_ids = (const gint64 *) (gpointer) ids->data;
  fields.n_invoice_ids = ids->len;
  fields.document = document;
  fields.document_name = document_name;

  if (!_relance_database_begin (db, error))
    return 0;

  action_id = relance_actions_record (db, &fields, NULL, error);
  if (action_id == 0)
    goto failed;

  stmt = _relance_database_prepare (db,
                                    "UPDATE proceedings SET claim_amount = ?2, claim_date = ?3,"
                                    " claim_action_id = ?4 WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, data->proceedings->id);
  sqlite3_bind_int64 (stmt, 2, data->total);
  sqlite3_bind_int (stmt, 3, data->date);
  sqlite3_bind_int64 (stmt, 4, action_id);
  if (!_relance_database_run (db, stmt, error) ||
      sqlite3_changes (_relance_database_get_handle (db)) != 1)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND, _("These proceedings no longer exist"));
      goto failed;
    }

  if (!_relance_database_commit (db, error))
    return 0;

  return action_id;

failed:
  _relance_database_rollback (db);
  return 0;
}

/**
 * _relance_proceedings_get_judgment:
 * @judgment: (out): the day of the latest judgment on or before @date, 0
 *   when the customer is in no proceedings then
 *
 * Returns: %FALSE with @error set when the ledger cannot be read
 */
gboolean
_relance_proceedings_get_judgment (RelanceDatabase  *db,
                                   gint64            customer_id,
                                   RelanceDay        date,
                                   RelanceDay       *judgment,
                                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  *judgment = 0;
  stmt = _relance_database_prepare (db,
                                    "SELECT max (judgment_date) FROM proceedings"
                                    " WHERE customer_id = ?1 AND judgment_date <= ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, date);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *judgment = sqlite3_column_int (stmt, 0);

  return TRUE;
}
