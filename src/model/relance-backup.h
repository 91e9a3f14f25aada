/* relance-backup.h
 *
 * Copies of the ledger made with SQLite's online backup API: on demand, and
 * automatically before every import, kept in rotation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

/* How many automatic backups are kept, unless the user chose otherwise
 * (the "backups-kept" setting). */
#define RELANCE_BACKUP_KEEP 5

char     *relance_backup_default_dir (void);
gboolean  relance_backup_write       (RelanceDatabase  *db,
                                      const char       *path,
                                      GError          **error);
char     *relance_backup_rotate      (RelanceDatabase  *db,
                                      const char       *dir,
                                      guint             keep,
                                      GError          **error);
GPtrArray *relance_backup_list       (const char       *dir);
GDateTime *relance_backup_get_time   (const char       *path);
gboolean  relance_backup_check_file  (const char       *path,
                                      GError          **error);
gboolean  relance_backup_restore     (const char       *ledger_path,
                                      const char       *backup_path,
                                      const char       *dir,
                                      guint             keep,
                                      char            **saved,
                                      GError          **error);

G_END_DECLS
