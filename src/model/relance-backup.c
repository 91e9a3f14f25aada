/* relance-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "relance-backup.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-schema-private.h"

#define BACKUP_PREFIX "relance-"
#define BACKUP_SUFFIX ".db"

static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_remove (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot write the backup “%s”: %s"), path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_remove (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot write the backup “%s”: %s"), path, g_strerror (saved_errno));
      g_remove (tmp);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_backup_default_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/relance/backups`
 */
char *
relance_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "relance", "backups", NULL);
}

/**
 * relance_backup_write:
 * @db: the open ledger
 * @path: where to write the copy (replaced if it exists)
 *
 * Returns: %TRUE if @path now holds a consistent copy of the ledger
 */
gboolean
relance_backup_write (RelanceDatabase  *db,
                      const char       *path,
                      GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return copy_database (_relance_database_get_handle (db), path, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return compare_names (b, a);
}

/**
 * relance_backup_rotate:
 * @db: the open ledger
 * @dir: (nullable): the folder of the backups; %NULL for the default
 * @keep: how many backups to keep, the newest
 *
 * Writes a new dated backup and removes the oldest beyond @keep.
 *
 * Returns: (transfer full): the new backup's path, or %NULL
 */
char *
relance_backup_rotate (RelanceDatabase  *db,
                       const char       *dir,
                       guint             keep,
                       GError          **error)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = NULL;
  const char *entry;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (dir == NULL)
    dir = default_dir = relance_backup_default_dir ();
  path = g_build_filename (dir, name, NULL);

  if (!relance_backup_write (db, path, error))
    return NULL;

  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (entry, BACKUP_PREFIX) && g_str_has_suffix (entry, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; names->len > keep && i < names->len - keep; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_remove (old);
    }

  return g_steal_pointer (&path);
}

/**
 * relance_backup_list:
 * @dir: (nullable): the folder of the backups; %NULL for the default
 *
 * Returns: (transfer full) (element-type filename): the automatic backups'
 *   paths, newest first (empty if there is none)
 */
GPtrArray *
relance_backup_list (const char *dir)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = NULL;
  const char *entry;

  if (dir == NULL)
    dir = default_dir = relance_backup_default_dir ();

  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (entry, BACKUP_PREFIX) && g_str_has_suffix (entry, BACKUP_SUFFIX))
      g_ptr_array_add (paths, g_strdup (entry));
  /* The names hold the time they were made. */
  g_ptr_array_sort (paths, compare_names_newest_first);
  for (guint i = 0; i < paths->len; i++)
    {
      char *name = g_ptr_array_index (paths, i);

      paths->pdata[i] = g_build_filename (dir, name, NULL);
      g_free (name);
    }

  return g_steal_pointer (&paths);
}

/**
 * relance_backup_get_time:
 * @path: an automatic backup
 *
 * Returns: (transfer full) (nullable): when it was made, from its name
 *   (local time), else the file's modification time
 */
GDateTime *
relance_backup_get_time (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  int y, mo, d, h, mi, s;

  if (g_str_has_prefix (name, BACKUP_PREFIX) &&
      sscanf (name + strlen (BACKUP_PREFIX), "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) == 6)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      GDateTime *time = g_date_time_new (tz, y, mo, d, h, mi, s);

      if (time != NULL)
        return time;
    }

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
}

/**
 * relance_backup_check_file:
 * @path: a file a user wants to restore
 *
 * Returns: %TRUE if @path is a sound Relance ledger this version can read
 */
gboolean
relance_backup_check_file (const char  *path,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *handle = NULL;
  int application_id = -1;
  int version = -1;
  gboolean sound = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("There is no file “%s”"), path);
      return FALSE;
    }

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        version = sqlite3_column_int (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        sound = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  sqlite3_close_v2 (handle);

  if (application_id != RELANCE_APPLICATION_ID || version < 1 || !sound)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("“%s” is not a Relance ledger, or it is damaged: nothing was restored"),
                   path);
      return FALSE;
    }
  if (version > RELANCE_SCHEMA_VERSION)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Relance (ledger version %d, "
                     "this version reads up to %d): nothing was restored"),
                   path, version, RELANCE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_backup_restore:
 * @ledger_path: the ledger to replace (need not exist)
 * @backup_path: the copy to bring back
 * @dir: (nullable): where to keep a backup of the current ledger first
 * @keep: how many backups that folder keeps (the user's choice)
 * @saved: (out) (optional) (transfer full): that backup's path, or %NULL
 *   if there was no ledger yet
 *
 * Checks @backup_path, backs the current ledger up in rotation, then copies
 * @backup_path over it (with the backup API, so an application that has
 * the ledger open sees a consistent file). An older ledger is brought up to
 * date when it is next opened.
 *
 * Returns: %TRUE if the ledger is now the backup
 */
gboolean
relance_backup_restore (const char  *ledger_path,
                        const char  *backup_path,
                        const char  *dir,
                        guint        keep,
                        char       **saved,
                        GError     **error)
{
  g_autofree char *saved_path = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup = NULL;
  int rc;

  g_return_val_if_fail (ledger_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!relance_backup_check_file (backup_path, error))
    return FALSE;

  if (g_file_test (ledger_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RelanceDatabase) current = relance_database_open (ledger_path, error);

      if (current == NULL)
        return FALSE;
      saved_path = relance_backup_rotate (current, dir, keep, error);
      if (saved_path == NULL)
        return FALSE;
    }

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (ledger_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (dest, 5000);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }

  if (rc != SQLITE_OK)
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                 _("Cannot restore “%s”: %s"), backup_path,
                 dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));

  sqlite3_close_v2 (dest);
  sqlite3_close_v2 (source);

  if (rc != SQLITE_OK)
    return FALSE;

  if (saved != NULL)
    *saved = g_steal_pointer (&saved_path);
  return TRUE;
}
