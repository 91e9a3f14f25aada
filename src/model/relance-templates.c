/* relance-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-templates-private.h"

#define TEMPLATE_COLUMNS \
  "id, name, kind, channel, language, tone, subject, body, shipped_key, modified"

/* Folds a name for comparing: case and accents do not count. */
static char *
fold_name (const char *text)
{
  g_autofree char *stripped = _relance_dup_trimmed (text);
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  decomposed = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

static gboolean
template_not_found (GError **error)
{
  g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                       _("This template no longer exists"));
  return FALSE;
}

static RelanceTemplate *
read_template (sqlite3_stmt *stmt)
{
  RelanceTemplate *template = g_new0 (RelanceTemplate, 1);
  RelanceTemplateKind kind = RELANCE_TEMPLATE_FIRST_REMINDER;
  RelanceChannel channel = RELANCE_CHANNEL_LETTER;
  RelanceTone tone = RELANCE_TONE_STANDARD;

  /* The table's CHECK constraints keep these known. */
  relance_template_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  relance_channel_from_string ((const char *)sqlite3_column_text (stmt, 3), &channel);
  relance_tone_from_string ((const char *)sqlite3_column_text (stmt, 5), &tone);

  template->id = sqlite3_column_int64 (stmt, 0);
  template->name = _relance_column_dup (stmt, 1);
  template->kind = kind;
  template->channel = channel;
  template->language = _relance_column_dup (stmt, 4);
  template->tone = tone;
  template->subject = _relance_column_dup (stmt, 6);
  template->body = _relance_column_dup (stmt, 7);
  template->shipped = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  template->modified = sqlite3_column_int (stmt, 9) != 0;

  return template;
}

/* Every row @stmt gives, as RelanceTemplate; NULL with @error set. */
static GPtrArray *
read_templates (RelanceDatabase  *db,
                sqlite3_stmt     *stmt,
                GError          **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_template_free);

  for (;;)
    {
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (templates, read_template (stmt));
    }

  return g_steal_pointer (&templates);
}

static GPtrArray *
select_templates (RelanceDatabase  *db,
                  const char       *sql,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _relance_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  return read_templates (db, stmt, error);
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const RelanceTemplate *x = *(const RelanceTemplate * const *)a;
  const RelanceTemplate *y = *(const RelanceTemplate * const *)b;
  g_autofree char *x_name = NULL;
  g_autofree char *y_name = NULL;
  int order;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if ((order = g_strcmp0 (x->language, y->language)) != 0)
    return order;
  if (x->tone != y->tone)
    return x->tone < y->tone ? -1 : 1;

  x_name = fold_name (x->name);
  y_name = fold_name (y->name);
  if ((order = g_strcmp0 (x_name, y_name)) != 0)
    return order;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The line and column (1-based, in characters) of byte @offset of @text,
 * whose bytes before @offset are valid UTF-8. */
static void
locate (const char *text,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *end = text + offset;

  *line = 1;
  *column = 1;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

/* The subject (@is_subject, one line) or the body of a template: valid
 * UTF-8, not empty, not too long. Each message is whole, for translators. */
static gboolean
check_text (const char  *text,
            gboolean     is_subject,
            GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *bad = NULL;
  const char *newline;
  glong max_chars = is_subject ? RELANCE_TEMPLATE_SUBJECT_MAX : RELANCE_TEMPLATE_BODY_MAX;
  glong length;
  guint line, column;

  if (!g_utf8_validate (text, -1, &bad))
    {
      locate (text, bad - text, &line, &column);
      if (is_subject)
        return _relance_invalid (error, _("The subject has a character that is not valid text at column %u: type it again"),
                                 column);
      return _relance_invalid (error, _("The body has a character that is not valid text at line %u, column %u: type it again"),
                               line, column);
    }

  trimmed = _relance_dup_trimmed (text);
  if (trimmed[0] == '\0')
    return _relance_invalid (error, is_subject
                             ? _("The subject is empty: say in a few words what the letter is about")
                             : _("The body is empty: write the text of the letter"));

  length = g_utf8_strlen (text, -1);
  if (length > max_chars)
    /* Translators: "The body is 20500 characters long: a template holds at most 20000" */
    return _relance_invalid (error, is_subject
                             ? _("The subject is %ld characters long: a template holds at most %ld")
                             : _("The body is %ld characters long: a template holds at most %ld"),
                             length, max_chars);

  newline = strpbrk (trimmed, "\r\n");
  if (is_subject && newline != NULL)
    {
      locate (trimmed, newline - trimmed, &line, &column);
      return _relance_invalid (error, _("The subject must fit on one line: remove the line break at column %u"),
                               column);
    }

  return TRUE;
}

/* Another template called @name, whatever the case and accents (not
 * @template_id): a DUPLICATE error naming it. */
static gboolean
check_unique_name (RelanceDatabase  *db,
                   gint64            template_id,
                   const char       *name,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = fold_name (name);

  stmt = _relance_database_prepare (db, "SELECT name FROM templates WHERE id <> ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);

  for (;;)
    {
      g_autofree char *other = NULL;
      gboolean has_row;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      other = fold_name ((const char *)sqlite3_column_text (stmt, 0));
      if (g_str_equal (folded, other))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                       _("Another template is already called “%s”: choose another name"),
                       (const char *)sqlite3_column_text (stmt, 0));
          return FALSE;
        }
    }
}

/* The shipped key of template @template_id (NULL for the user's own) in
 * @key; FALSE with NOT_FOUND when it is gone. */
static gboolean
read_shipped_key (RelanceDatabase  *db,
                  gint64            template_id,
                  char            **key,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT shipped_key FROM templates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return template_not_found (error);

  *key = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? NULL : _relance_column_dup (stmt, 0);
  return TRUE;
}

static gboolean
same_as_shipped (const RelanceShippedTemplate *shipped,
                 const char                   *name,
                 const char                   *subject,
                 const RelanceTemplate        *template)
{
  return shipped != NULL &&
         g_str_equal (shipped->name, name) &&
         shipped->kind == template->kind &&
         shipped->channel == template->channel &&
         g_str_equal (shipped->language, template->language) &&
         shipped->tone == template->tone &&
         g_str_equal (shipped->subject, subject) &&
         g_str_equal (shipped->body, template->body);
}

static void
bind_fields (sqlite3_stmt        *stmt,
             const char          *name,
             RelanceTemplateKind  kind,
             RelanceChannel       channel,
             const char          *language,
             RelanceTone          tone,
             const char          *subject,
             const char          *body)
{
  _relance_bind_text (stmt, 1, name);
  _relance_bind_text (stmt, 2, relance_template_kind_to_string (kind));
  _relance_bind_text (stmt, 3, relance_channel_to_string (channel));
  _relance_bind_text (stmt, 4, language);
  _relance_bind_text (stmt, 5, relance_tone_to_string (tone));
  _relance_bind_text (stmt, 6, subject);
  _relance_bind_text (stmt, 7, body);
}

gboolean
_relance_templates_seed (RelanceDatabase  *db,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const RelanceShippedTemplate *shipped;
  guint n_shipped;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO templates (name, kind, channel, language, tone, subject, body, shipped_key)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  shipped = _relance_templates_get_shipped (&n_shipped);
  for (guint i = 0; i < n_shipped; i++)
    {
      sqlite3_reset (stmt);
      bind_fields (stmt, shipped[i].name, shipped[i].kind, shipped[i].channel,
                   shipped[i].language, shipped[i].tone, shipped[i].subject, shipped[i].body);
      _relance_bind_text (stmt, 8, shipped[i].key);
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_relance_templates_refresh (RelanceDatabase  *db,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const RelanceShippedTemplate *shipped;
  guint n_shipped;

  stmt = _relance_database_prepare (db,
                                    "UPDATE templates SET subject = ?1, body = ?2"
                                    " WHERE shipped_key = ?3 AND modified = 0",
                                    error);
  if (stmt == NULL)
    return FALSE;

  shipped = _relance_templates_get_shipped (&n_shipped);
  for (guint i = 0; i < n_shipped; i++)
    {
      sqlite3_reset (stmt);
      _relance_bind_text (stmt, 1, shipped[i].subject);
      _relance_bind_text (stmt, 2, shipped[i].body);
      _relance_bind_text (stmt, 3, shipped[i].key);
      if (!_relance_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

RelanceTemplate *
relance_template_new (void)
{
  RelanceTemplate *template = g_new0 (RelanceTemplate, 1);

  template->kind = RELANCE_TEMPLATE_FIRST_REMINDER;
  template->channel = RELANCE_CHANNEL_LETTER;
  template->tone = RELANCE_TONE_STANDARD;
  template->name = g_strdup ("");
  template->language = g_strdup ("fr");
  template->subject = g_strdup ("");
  template->body = g_strdup ("");

  return template;
}

RelanceTemplate *
relance_template_copy (const RelanceTemplate *template)
{
  RelanceTemplate *copy;

  g_return_val_if_fail (template != NULL, NULL);

  copy = g_new0 (RelanceTemplate, 1);
  *copy = *template;
  copy->name = g_strdup (template->name);
  copy->language = g_strdup (template->language);
  copy->subject = g_strdup (template->subject);
  copy->body = g_strdup (template->body);

  return copy;
}

void
relance_template_free (RelanceTemplate *template)
{
  if (template == NULL)
    return;

  g_free (template->name);
  g_free (template->language);
  g_free (template->subject);
  g_free (template->body);
  g_free (template);
}


/**
 * relance_templates_list:
 *
 * Returns: (transfer container) (element-type RelanceTemplate): every
 *   template, by kind, language, tone and name; %NULL with @error set
 */
GPtrArray *
relance_templates_list (RelanceDatabase  *db,
                        GError          **error)
{
  GPtrArray *templates;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  templates = select_templates (db, "SELECT " TEMPLATE_COLUMNS " FROM templates", error);
  if (templates != NULL)
    g_ptr_array_sort (templates, compare_templates);

  return templates;
}

RelanceTemplate *
relance_templates_get (RelanceDatabase  *db,
                       gint64            template_id,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db, "SELECT " TEMPLATE_COLUMNS " FROM templates WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      template_not_found (error);
      return NULL;
    }

  return read_template (stmt);
}

/**
 * relance_templates_find_by_name:
 * @name: a template's name as the user typed it
 *
 * The template called exactly @name, else the one whose name is the same
 * once case and accents are set aside ("premiere relance (COURTOISE)").
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
RelanceTemplate *
relance_templates_find_by_name (RelanceDatabase  *db,
                                const char       *name,
                                GError          **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  templates = select_templates (db, "SELECT " TEMPLATE_COLUMNS " FROM templates ORDER BY id", error);
  if (templates == NULL)
    return NULL;

  for (guint i = 0; name != NULL && i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (template->name, name))
        return relance_template_copy (template);
    }

  folded = fold_name (name);
  for (guint i = 0; folded[0] != '\0' && i < templates->len; i++)
    {
      RelanceTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *other = fold_name (template->name);

      if (g_str_equal (folded, other))
        return relance_template_copy (template);
    }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
               _("There is no template called “%s”"), name != NULL ? name : "");
  return NULL;
}

/**
 * relance_templates_find:
 *
 * The template a letter of @kind is written with, for a customer speaking
 * @language in a segment of @tone: the same kind, language and tone; else
 * the standard tone; else any tone; then the same three tries in French.
 * Among several of the same rank, the oldest (the shipped one before the
 * user's own).
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 *   (%RELANCE_ERROR_NOT_FOUND when no template of @kind exists)
 */
RelanceTemplate *
relance_templates_find (RelanceDatabase      *db,
                        RelanceTemplateKind   kind,
                        const char           *language,
                        RelanceTone           tone,
                        GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  const char *languages[] = { language != NULL ? language : "fr", "fr" };

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if ((guint)kind > RELANCE_TEMPLATE_FORMAL_NOTICE)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                           _("A reminder call has no letter template"));
      return NULL;
    }

  stmt = _relance_database_prepare (db, "SELECT " TEMPLATE_COLUMNS " FROM templates WHERE kind = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _relance_bind_text (stmt, 1, relance_template_kind_to_string (kind));
  templates = read_templates (db, stmt, error);
  if (templates == NULL)
    return NULL;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint rank = 0; rank < 3; rank++)
      for (guint i = 0; i < templates->len; i++)
        {
          RelanceTemplate *template = g_ptr_array_index (templates, i);

          if (!g_str_equal (template->language, languages[l]))
            continue;
          if ((rank == 0 && template->tone == tone) ||
              (rank == 1 && template->tone == RELANCE_TONE_STANDARD) ||
              rank == 2)
            return relance_template_copy (template);
        }

  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
               _("There is no template for a “%s”: add one in the letter templates"),
               relance_template_kind_get_label (kind));
  return NULL;
}

/**
 * relance_template_check:
 *
 * Checks what the model owns of @template: its name (not empty, not too
 * long), kind, channel, language and tone, and a subject and a body that
 * are not empty, not too long and valid UTF-8. The merge fields are the
 * letters layer's (relance_merge_validate()); the name's uniqueness is
 * checked when it is stored.
 *
 * Returns: %TRUE if it can be stored; %FALSE with an
 *   %RELANCE_ERROR_INVALID error saying what is wrong and where
 */
gboolean
relance_template_check (const RelanceTemplate  *template,
                        GError                **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (template != NULL, FALSE);

  if (template->name == NULL || !g_utf8_validate (template->name, -1, NULL))
    return _relance_invalid (error, _("The template’s name is not valid text: type it again"));
  name = _relance_dup_trimmed (template->name);
  if (name[0] == '\0')
    return _relance_invalid (error, _("The template’s name is empty: give it a name, such as “First reminder (courteous)”"));
  if (g_utf8_strlen (name, -1) > RELANCE_TEMPLATE_NAME_MAX)
    return _relance_invalid (error, _("The template’s name “%s” is too long: at most %d characters"),
                             name, RELANCE_TEMPLATE_NAME_MAX);

  if (template->kind == RELANCE_TEMPLATE_CALL)
    return _relance_invalid (error, _("A reminder call has no letter: choose another kind of message for the template “%s”"),
                             name);
  if ((guint)template->kind > RELANCE_TEMPLATE_CALL)
    return _relance_invalid (error, _("The kind of message of the template “%s” is unknown"), name);

  if (template->channel != RELANCE_CHANNEL_LETTER &&
      template->channel != RELANCE_CHANNEL_REGISTERED_LETTER &&
      template->channel != RELANCE_CHANNEL_EMAIL)
    return _relance_invalid (error, _("The template “%s” must be for a letter, a registered letter or an e-mail"),
                             name);
  if (template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE &&
      template->channel != RELANCE_CHANNEL_REGISTERED_LETTER)
    return _relance_invalid (error, _("A formal notice is sent by registered letter: choose “%s” for the template “%s”"),
                             relance_channel_get_label (RELANCE_CHANNEL_REGISTERED_LETTER), name);

  if (g_strcmp0 (template->language, "fr") != 0 && g_strcmp0 (template->language, "en") != 0)
    return _relance_invalid (error, _("The template “%s” must be written in French (fr) or English (en)"), name);

  if ((guint)template->tone > RELANCE_TONE_FIRM)
    return _relance_invalid (error, _("The tone of the template “%s” is unknown: choose courteous, standard or firm"),
                             name);

  if (!check_text (template->subject != NULL ? template->subject : "", TRUE, error) ||
      !check_text (template->body != NULL ? template->body : "", FALSE, error))
    return FALSE;

  return TRUE;
}

/**
 * relance_templates_add:
 *
 * Stores a new template of the user's (checked first, the name unique
 * whatever its case and accents).
 *
 * Returns: the new template's id, 0 with @error set
 */
gint64
relance_templates_add (RelanceDatabase        *db,
                       const RelanceTemplate  *template,
                       GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subject = NULL;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (template != NULL, 0);

  if (!relance_template_check (template, error))
    return 0;
  name = _relance_dup_trimmed (template->name);
  subject = _relance_dup_trimmed (template->subject);

  if (!_relance_database_begin (db, error))
    return 0;

  if (!check_unique_name (db, 0, name, error))
    goto failed;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO templates (name, kind, channel, language, tone, subject, body)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error);
  if (stmt == NULL)
    goto failed;
  bind_fields (stmt, name, template->kind, template->channel, template->language,
               template->tone, subject, template->body);
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

/**
 * relance_templates_update:
 *
 * Replaces everything of template @template_id by @template (checked
 * first). A shipped template is marked modified when it no longer reads
 * as it came.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_templates_update (RelanceDatabase        *db,
                          gint64                  template_id,
                          const RelanceTemplate  *template,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *key = NULL;
  gboolean modified;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (template != NULL, FALSE);

  if (!relance_template_check (template, error))
    return FALSE;
  name = _relance_dup_trimmed (template->name);
  subject = _relance_dup_trimmed (template->subject);

  if (!_relance_database_begin (db, error))
    return FALSE;

  if (!read_shipped_key (db, template_id, &key, error) ||
      !check_unique_name (db, template_id, name, error))
    goto failed;

  modified = key != NULL && !same_as_shipped (_relance_templates_find_shipped (key), name, subject, template);

  stmt = _relance_database_prepare (db,
                                    "UPDATE templates SET name = ?1, kind = ?2, channel = ?3, language = ?4,"
                                    " tone = ?5, subject = ?6, body = ?7, modified = ?8"
                                    " WHERE id = ?9",
                                    error);
  if (stmt == NULL)
    goto failed;
  bind_fields (stmt, name, template->kind, template->channel, template->language,
               template->tone, subject, template->body);
  sqlite3_bind_int (stmt, 8, modified ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, template_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_templates_delete:
 *
 * Deletes one of the user's templates. A shipped one is refused with
 * %RELANCE_ERROR_INVALID: it can be reset, not deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_templates_delete (RelanceDatabase  *db,
                          gint64            template_id,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RelanceTemplate) template = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!_relance_database_begin (db, error))
    return FALSE;

  template = relance_templates_get (db, template_id, error);
  if (template == NULL)
    goto failed;

  if (template->shipped)
    {
      _relance_invalid (error, _("“%s” came with Relance and cannot be deleted: reset it to put back its text as it came"),
                        template->name);
      goto failed;
    }

  stmt = _relance_database_prepare (db, "DELETE FROM templates WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_templates_reset:
 *
 * Puts a shipped template back as it came: its name, kind, channel,
 * language, tone, subject and body. The user's own templates have nothing
 * to go back to (%RELANCE_ERROR_INVALID); a shipped name another template
 * has taken since is %RELANCE_ERROR_DUPLICATE.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_templates_reset (RelanceDatabase  *db,
                         gint64            template_id,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autofree char *key = NULL;
  const RelanceShippedTemplate *shipped;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!_relance_database_begin (db, error))
    return FALSE;

  template = relance_templates_get (db, template_id, error);
  if (template == NULL || !read_shipped_key (db, template_id, &key, error))
    goto failed;

  if (key == NULL)
    {
      _relance_invalid (error, _("“%s” is one of your own templates: there is no original text to put back"),
                        template->name);
      goto failed;
    }

  shipped = _relance_templates_find_shipped (key);
  if (shipped == NULL)
    {
      _relance_invalid (error, _("“%s” came with another version of Relance, which this one does not know: it cannot be reset"),
                        template->name);
      goto failed;
    }

  if (!check_unique_name (db, template_id, shipped->name, error))
    goto failed;

  stmt = _relance_database_prepare (db,
                                    "UPDATE templates SET name = ?1, kind = ?2, channel = ?3, language = ?4,"
                                    " tone = ?5, subject = ?6, body = ?7, modified = 0"
                                    " WHERE id = ?8",
                                    error);
  if (stmt == NULL)
    goto failed;
  bind_fields (stmt, shipped->name, shipped->kind, shipped->channel, shipped->language,
               shipped->tone, shipped->subject, shipped->body);
  sqlite3_bind_int64 (stmt, 8, template_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_templates_find_for_letter:
 * @kind: the kind of letter the step asks for
 * @data: the letter's data: its customer and language
 *
 * The one place that says which template a letter is written with:
 * the kind fitted to what the letter can quote
 * (relance_letter_data_fit_kind()), the customer's language, and the tone
 * of their target group (standard when they have none).
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
RelanceTemplate *
relance_templates_find_for_letter (RelanceDatabase          *db,
                                   RelanceTemplateKind       kind,
                                   const RelanceLetterData  *data,
                                   GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RelanceTone tone = RELANCE_TONE_STANDARD;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT s.tone FROM customers c"
                                    " LEFT JOIN segments s ON s.id = c.segment_id"
                                    " WHERE c.id = ?1",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, data->customer_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                           _("This customer no longer exists"));
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      !relance_tone_from_string ((const char *)sqlite3_column_text (stmt, 0), &tone))
    tone = RELANCE_TONE_STANDARD;

  return relance_templates_find (db, relance_letter_data_fit_kind (data, kind), data->language, tone, error);
}

/**
 * relance_template_get_action_kind:
 * @template: the template a letter is written with
 *
 * Returns: %RELANCE_ACTION_FORMAL_NOTICE for a formal notice or a
 *   registered letter, %RELANCE_ACTION_LETTER otherwise
 */
RelanceActionKind
relance_template_get_action_kind (const RelanceTemplate *template)
{
  g_return_val_if_fail (template != NULL, RELANCE_ACTION_LETTER);

  return template->channel == RELANCE_CHANNEL_REGISTERED_LETTER ||
         template->kind == RELANCE_TEMPLATE_FORMAL_NOTICE
         ? RELANCE_ACTION_FORMAL_NOTICE : RELANCE_ACTION_LETTER;
}
