/* relance-causes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-causes.h"
#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"

#define DEFAULT_COLOUR "#3584e4"

static gboolean
query_int64 (RelanceDatabase  *db,
             sqlite3_stmt     *stmt,
             gint64           *value,
             GError          **error)
{
  gboolean has_row;

  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
count_causes (RelanceDatabase  *db,
              gint64           *count,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (db, "SELECT count(*) FROM dispute_causes", error);

  return stmt != NULL && query_int64 (db, stmt, count, error);
}

static gboolean
cause_exists (RelanceDatabase  *db,
              gint64            cause_id,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 found = 0;

  stmt = _relance_database_prepare (db, "SELECT id FROM dispute_causes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cause_id);
  if (!query_int64 (db, stmt, &found, error))
    return FALSE;

  if (found == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("This dispute cause no longer exists"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
refuse (RelanceCauseField *field,
        RelanceCauseField  which)
{
  if (field != NULL)
    *field = which;
  return FALSE;
}

/* Writes positions 0, 1, 2... in the order of @ids. */
static gboolean
write_positions (RelanceDatabase  *db,
                 GArray           *ids,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db, "UPDATE dispute_causes SET position = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int)i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * relance_causes_list:
 *
 * Returns: (transfer full) (element-type RelanceDisputeCause): the causes
 *   in their order, or %NULL with @error set
 */
GPtrArray *
relance_causes_list (RelanceDatabase  *db,
                     GError          **error)
{
  return relance_desk_list_causes (db, error);
}

/**
 * relance_causes_check:
 * @cause_id: the cause being edited, or 0 for a new one
 * @field: (out) (optional): the field in fault when the cause is refused
 *
 * Checks @fields as relance_causes_add() and relance_causes_update() do,
 * without writing anything: for a form that validates as the user types.
 *
 * Returns: %TRUE if @fields may be saved
 */
gboolean
relance_causes_check (RelanceDatabase           *db,
                      gint64                     cause_id,
                      const RelanceCauseFields  *fields,
                      RelanceCauseField         *field,
                      GError                   **error)
{
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (field != NULL)
    *field = RELANCE_CAUSE_FIELD_NONE;

  code = _relance_dup_trimmed (fields->code);
  label = _relance_dup_trimmed (fields->label);

  if (code[0] == '\0')
    return refuse (field, RELANCE_CAUSE_FIELD_CODE) ||
           _relance_invalid (error, _("The code is empty: type one to three letters or digits, such as “A”"));

  if (!g_utf8_validate (code, -1, NULL) || g_utf8_strlen (code, -1) > RELANCE_CAUSE_CODE_MAX)
    return refuse (field, RELANCE_CAUSE_FIELD_CODE) ||
           _relance_invalid (error, _("The code “%s” is too long: at most three characters"), code);

  if (label[0] == '\0')
    return refuse (field, RELANCE_CAUSE_FIELD_LABEL) ||
           _relance_invalid (error, _("The label is empty: say in a few words what the customer is waiting for"));

  if (fields->colour != NULL && !is_colour (fields->colour))
    return refuse (field, RELANCE_CAUSE_FIELD_COLOUR) ||
           _relance_invalid (error, _("The colour “%s” is not a colour"), fields->colour);

  /* Unique whatever the case, in any alphabet (NOCASE folds only ASCII). */
  folded = g_utf8_casefold (code, -1);
  stmt = _relance_database_prepare (db, "SELECT id, code FROM dispute_causes WHERE id <> ?1", error);
  if (stmt == NULL)
    return refuse (field, RELANCE_CAUSE_FIELD_NONE);
  sqlite3_bind_int64 (stmt, 1, cause_id);

  for (;;)
    {
      g_autofree char *other = NULL;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return refuse (field, RELANCE_CAUSE_FIELD_NONE);
      if (!has_row)
        break;

      other = g_utf8_casefold ((const char *)sqlite3_column_text (stmt, 1), -1);
      if (g_str_equal (other, folded))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                       _("Another cause already has the code “%s”"),
                       (const char *)sqlite3_column_text (stmt, 1));
          return refuse (field, RELANCE_CAUSE_FIELD_CODE);
        }
    }

  return TRUE;
}

/**
 * relance_causes_add:
 *
 * Adds a cause after the others; refused once there are
 * %RELANCE_CAUSES_MAX of them.
 *
 * Returns: the new cause's id, or 0 with @error set
 */
gint64
relance_causes_add (RelanceDatabase           *db,
                    const RelanceCauseFields  *fields,
                    GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *department = NULL;
  gint64 count = 0;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!count_causes (db, &count, error))
    return 0;
  if (count >= RELANCE_CAUSES_MAX)
    {
      _relance_invalid (error, _("There are already six dispute causes, the most a ledger can have: change or remove one instead"));
      return 0;
    }

  if (!relance_causes_check (db, 0, fields, NULL, error))
    return 0;

  code = _relance_dup_trimmed (fields->code);
  label = _relance_dup_trimmed (fields->label);
  department = _relance_dup_trimmed (fields->department);

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO dispute_causes (code, label, department, colour, position)"
                                    " VALUES (?1, ?2, ?3, ?4,"
                                    "  (SELECT coalesce (max (position) + 1, 0) FROM dispute_causes))",
                                    error);
  if (stmt == NULL)
    return 0;
  _relance_bind_text (stmt, 1, code);
  _relance_bind_text (stmt, 2, label);
  _relance_bind_text (stmt, 3, department);
  _relance_bind_text (stmt, 4, fields->colour != NULL ? fields->colour : DEFAULT_COLOUR);
  if (!_relance_database_run (db, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));
  return id;
}

/**
 * relance_causes_update:
 *
 * Changes a cause's code, label, department and colour. Its disputes keep
 * it, and show the new words.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_causes_update (RelanceDatabase           *db,
                       gint64                     cause_id,
                       const RelanceCauseFields  *fields,
                       GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *department = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!cause_exists (db, cause_id, error) ||
      !relance_causes_check (db, cause_id, fields, NULL, error))
    return FALSE;

  code = _relance_dup_trimmed (fields->code);
  label = _relance_dup_trimmed (fields->label);
  department = _relance_dup_trimmed (fields->department);

  stmt = _relance_database_prepare (db,
                                    "UPDATE dispute_causes SET code = ?1, label = ?2, department = ?3,"
                                    " colour = coalesce (?4, colour) WHERE id = ?5",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, code);
  _relance_bind_text (stmt, 2, label);
  _relance_bind_text (stmt, 3, department);
  _relance_bind_text (stmt, 4, fields->colour);
  sqlite3_bind_int64 (stmt, 5, cause_id);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_causes_count_disputes:
 *
 * Returns: how many disputes, open or closed, have this cause; -1 with
 *   @error set
 */
gint64
relance_causes_count_disputes (RelanceDatabase  *db,
                               gint64            cause_id,
                               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), -1);

  stmt = _relance_database_prepare (db, "SELECT count(*) FROM disputes WHERE cause_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cause_id);
  if (!query_int64 (db, stmt, &count, error))
    return -1;

  return count;
}

/**
 * relance_causes_remove:
 *
 * Removes a cause that no dispute has, open or closed, and that is not the
 * last one; the others close up.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_causes_remove (RelanceDatabase  *db,
                       gint64            cause_id,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 used;
  gint64 count = 0;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!cause_exists (db, cause_id, error))
    return FALSE;

  used = relance_causes_count_disputes (db, cause_id, error);
  if (used < 0)
    return FALSE;
  if (used > 0)
    return _relance_invalid (error,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "This cause cannot be removed: %d dispute uses it. Change its label instead",
                                          "This cause cannot be removed: %d disputes use it. Change its label instead",
                                          (gulong)used),
                             (int)used);

  if (!count_causes (db, &count, error))
    return FALSE;
  if (count <= 1)
    return _relance_invalid (error, _("The last dispute cause cannot be removed: a ledger needs at least one"));

  if (!_relance_database_begin (db, error))
    return FALSE;

  stmt = _relance_database_prepare (db, "DELETE FROM dispute_causes WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cause_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  order = _relance_database_prepare (db, "SELECT id FROM dispute_causes ORDER BY position, code", error);
  if (order == NULL)
    goto failed;
  for (;;)
    {
      gint64 id;

      if (!_relance_database_step (db, order, &has_row, error))
        goto failed;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (order, 0);
      g_array_append_val (ids, id);
    }
  if (!write_positions (db, ids, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_causes_move:
 * @delta: -1 to move the cause up one place, 1 down one place
 *
 * Moves a cause in the list; the causes are numbered again 0, 1, 2...
 * in one transaction. Moving the first up or the last down is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_causes_move (RelanceDatabase  *db,
                     gint64            cause_id,
                     int               delta,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row;
  int from = -1;
  int to;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!cause_exists (db, cause_id, error))
    return FALSE;

  order = _relance_database_prepare (db, "SELECT id FROM dispute_causes ORDER BY position, code", error);
  if (order == NULL)
    return FALSE;
  for (;;)
    {
      gint64 id;

      if (!_relance_database_step (db, order, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (order, 0);
      if (id == cause_id)
        from = (int)ids->len;
      g_array_append_val (ids, id);
    }

  g_assert (from >= 0);
  to = from + delta;
  if (to < 0)
    return _relance_invalid (error, _("This cause is already the first"));
  if (to >= (int)ids->len)
    return _relance_invalid (error, _("This cause is already the last"));

  g_array_index (ids, gint64, from) = g_array_index (ids, gint64, to);
  g_array_index (ids, gint64, to) = cause_id;

  if (!_relance_database_begin (db, error))
    return FALSE;
  if (!write_positions (db, ids, error))
    {
      _relance_database_rollback (db);
      return FALSE;
    }

  return _relance_database_commit (db, error);
}

/**
 * relance_causes_next_code:
 *
 * Returns: (transfer full): the first letter from A to Z that no cause
 *   has, for a new cause; %NULL with @error set
 */
char *
relance_causes_next_code (RelanceDatabase  *db,
                          GError          **error)
{
  g_autoptr(GPtrArray) causes = relance_causes_list (db, error);

  if (causes == NULL)
    return NULL;

  for (char letter = 'A'; letter <= 'Z'; letter++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < causes->len && !used; i++)
        {
          RelanceDisputeCause *cause = g_ptr_array_index (causes, i);

          used = g_ascii_strcasecmp (cause->code, (char[]){ letter, '\0' }) == 0;
        }
      if (!used)
        return g_strdup_printf ("%c", letter);
    }

  return g_strdup ("?");
}
