/* relance-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-schema-private.h"
#include "relance-templates-private.h"
#include "relance-text.h"

struct _RelanceDatabase
{
  GObject  parent_instance;

  sqlite3 *handle;
  char    *path;
  guint    depth;    /* nesting of _relance_database_begin() */
};

G_DEFINE_FINAL_TYPE (RelanceDatabase, relance_database, G_TYPE_OBJECT)

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = relance_text_fold (text);
  sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
}

static gboolean
query_int (sqlite3     *handle,
           const char  *sql,
           int         *value)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
seed_dispute_causes (RelanceDatabase  *self,
                     GError          **error)
{
  static const struct {
    const char *code;
    const char *label;
    const char *department;
    const char *colour;
  } causes[] = {
    { "A", N_("Waiting for a credit note"), N_("Billing"), "#3584e4" },
    { "B", N_("Waiting for goods to be taken back"), N_("Shipping"), "#e66100" },
    { "C", N_("Waiting for the customer’s agreement"), N_("Sales"), "#9141ac" },
    { "D", N_("Waiting for a repair visit"), N_("Technical"), "#2ec27e" },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (self,
                                    "INSERT INTO dispute_causes (code, label, department, colour, position)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    {
      sqlite3_reset (stmt);
      _relance_bind_text (stmt, 1, causes[i].code);
      _relance_bind_text (stmt, 2, _(causes[i].label));
      _relance_bind_text (stmt, 3, _(causes[i].department));
      _relance_bind_text (stmt, 4, causes[i].colour);
      sqlite3_bind_int (stmt, 5, (int)i);
      if (!_relance_database_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (RelanceDatabase  *self,
         int               from,
         GError          **error)
{
  for (int version = from + 1; version <= RELANCE_SCHEMA_VERSION; version++)
    {
      g_autofree char *pragma = NULL;

      if (!_relance_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!_relance_database_exec (self, _relance_schema_get_migration (version), error) ||
          (version == 1 && !seed_dispute_causes (self, error)) ||
          (version == 4 && !_relance_templates_seed (self, error)) ||
          (version == 5 && !_relance_templates_refresh (self, error)) ||
          !_relance_database_exec (self, pragma, error) ||
          !_relance_database_exec (self, "COMMIT", error))
        {
          _relance_database_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
mark_as_ledger (RelanceDatabase  *self,
                GError          **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                             RELANCE_APPLICATION_ID);

  return _relance_database_exec (self, pragma, error);
}

static gboolean
check_file (RelanceDatabase  *self,
            int              *version,
            GError          **error)
{
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (self->handle, "PRAGMA application_id", &application_id) ||
      !query_int (self->handle, "PRAGMA user_version", version) ||
      !query_int (self->handle, "SELECT count(*) FROM sqlite_master", &n_objects) ||
      (application_id != 0 && application_id != RELANCE_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("“%s” is not a Relance ledger"), self->path);
      return FALSE;
    }

  if (*version > RELANCE_SCHEMA_VERSION)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Relance (ledger version %d, "
                     "this version reads up to %d). Update Relance to open it; "
                     "the file was left untouched."),
                   self->path, *version, RELANCE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
relance_database_finalize (GObject *object)
{
  RelanceDatabase *self = (RelanceDatabase *)object;

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (relance_database_parent_class)->finalize (object);
}

static void
relance_database_class_init (RelanceDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_database_finalize;
}

static void
relance_database_init (RelanceDatabase *self)
{
}

/**
 * relance_database_open:
 * @path: a file name, or ":memory:"
 * @error: a message the user can read
 *
 * Opens the ledger at @path, creating it if needed, and brings its schema up
 * to date. A file from a newer Relance, or that is not a Relance ledger, is
 * refused without being changed.
 *
 * Returns: (transfer full): the database, or %NULL
 */
RelanceDatabase *
relance_database_open (const char  *path,
                       GError     **error)
{
  g_autoptr(RelanceDatabase) self = NULL;
  gboolean in_memory;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  in_memory = g_str_equal (path, ":memory:");
  self = g_object_new (RELANCE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!in_memory)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                       _("Cannot create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot open “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  if (!check_file (self, &version, error))
    return NULL;

  if (sqlite3_create_function (self->handle, "relance_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, fold_function, NULL, NULL) != SQLITE_OK)
    {
      _relance_database_fail (self, error);
      return NULL;
    }

  if (!_relance_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      (!in_memory && !_relance_database_exec (self, "PRAGMA journal_mode = WAL", error)) ||
      !_relance_database_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      (version == 0 && !mark_as_ledger (self, error)) ||
      !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * relance_database_open_another:
 * @self: a ledger kept in a file
 * @error: a message the user can read
 *
 * Opens a second, independent connection to the ledger file of @self, for a
 * worker thread. A connection must never be used from two threads, so a
 * thread that reads the ledger in the background opens its own connection
 * with this function, in that thread, uses it only there and drops it
 * there. It sees what the other connections have committed.
 *
 * This function may be called from any thread: it reads only the path of
 * @self, which never changes, and never touches the connection of @self.
 *
 * A ledger kept in memory (":memory:") exists only inside its own
 * connection and cannot be opened a second time: that is refused with
 * %RELANCE_ERROR_INVALID (see relance_database_is_in_memory()).
 *
 * Returns: (transfer full): the new connection, or %NULL
 */
RelanceDatabase *
relance_database_open_another (RelanceDatabase  *self,
                               GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (relance_database_is_in_memory (self))
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                           _("This ledger is kept in memory only and cannot be opened a second time"));
      return NULL;
    }

  return relance_database_open (self->path, error);
}

/**
 * relance_database_is_in_memory:
 *
 * Returns: %TRUE if the ledger lives only inside this connection
 *   (":memory:", as in tests), so relance_database_open_another() cannot
 *   reach it
 */
gboolean
relance_database_is_in_memory (RelanceDatabase *self)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), FALSE);

  /* SQLite gives "" a private temporary database: not shareable either. */
  return g_str_equal (self->path, ":memory:") || self->path[0] == '\0';
}

const char *
relance_database_get_path (RelanceDatabase *self)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (self), NULL);

  return self->path;
}

int
relance_database_get_schema_version (RelanceDatabase *self)
{
  int version = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (self), 0);

  query_int (self->handle, "PRAGMA user_version", &version);
  return version;
}

/**
 * relance_database_is_empty:
 *
 * Returns: %TRUE if the ledger has no customer yet (first start)
 */
gboolean
relance_database_is_empty (RelanceDatabase *self)
{
  int any = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (self), TRUE);

  query_int (self->handle, "SELECT EXISTS (SELECT 1 FROM customers)", &any);
  return any == 0;
}

/**
 * relance_database_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/relance/relance.db`
 */
char *
relance_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "relance", "relance.db", NULL);
}

sqlite3 *
_relance_database_get_handle (RelanceDatabase *self)
{
  return self->handle;
}

gboolean
_relance_database_fail (RelanceDatabase  *self,
                        GError          **error)
{
  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
               _("The ledger could not be updated: %s"),
               sqlite3_errmsg (self->handle));
  return FALSE;
}

sqlite3_stmt *
_relance_database_prepare (RelanceDatabase  *self,
                           const char       *sql,
                           GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Bad SQL: %s: %s", sqlite3_errmsg (self->handle), sql);
      _relance_database_fail (self, error);
      return NULL;
    }

  return stmt;
}

gboolean
_relance_database_exec (RelanceDatabase  *self,
                        const char       *sql,
                        GError          **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _relance_database_fail (self, error);

  return TRUE;
}

/* Steps @stmt once; *has_row tells whether a row came back. */
gboolean
_relance_database_step (RelanceDatabase  *self,
                        sqlite3_stmt     *stmt,
                        gboolean         *has_row,
                        GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      if (has_row != NULL)
        *has_row = (rc == SQLITE_ROW);
      return TRUE;
    }

  return _relance_database_fail (self, error);
}

/* Runs a statement that returns no row. */
gboolean
_relance_database_run (RelanceDatabase  *self,
                       sqlite3_stmt     *stmt,
                       GError          **error)
{
  return _relance_database_step (self, stmt, NULL, error);
}

/* Transactions nest as savepoints, so a function that writes several rows
 * can be called alone or from a bigger write. */
gboolean
_relance_database_begin (RelanceDatabase  *self,
                         GError          **error)
{
  if (!_relance_database_exec (self, "SAVEPOINT relance", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
_relance_database_commit (RelanceDatabase  *self,
                          GError          **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!_relance_database_exec (self, "RELEASE relance", error))
    {
      _relance_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
_relance_database_rollback (RelanceDatabase *self)
{
  g_return_if_fail (self->depth > 0);

  sqlite3_exec (self->handle, "ROLLBACK TO relance; RELEASE relance", NULL, NULL, NULL);
  self->depth--;
}

void
_relance_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_relance_column_dup (sqlite3_stmt *stmt,
                     int           index)
{
  const char *text = (const char *)sqlite3_column_text (stmt, index);

  return g_strdup (text ? text : "");
}
