/* relance-database-private.h
 *
 * Only src/model/ includes this header, and with it <sqlite3.h>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "relance-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3       *_relance_database_get_handle (RelanceDatabase  *self);
sqlite3_stmt  *_relance_database_prepare    (RelanceDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
gboolean       _relance_database_exec       (RelanceDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
gboolean       _relance_database_step       (RelanceDatabase  *self,
                                             sqlite3_stmt     *stmt,
                                             gboolean         *has_row,
                                             GError          **error);
gboolean       _relance_database_run        (RelanceDatabase  *self,
                                             sqlite3_stmt     *stmt,
                                             GError          **error);
gboolean       _relance_database_fail       (RelanceDatabase  *self,
                                             GError          **error);
gboolean       _relance_database_begin      (RelanceDatabase  *self,
                                             GError          **error);
gboolean       _relance_database_commit     (RelanceDatabase  *self,
                                             GError          **error);
void           _relance_database_rollback   (RelanceDatabase  *self);
void           _relance_bind_text           (sqlite3_stmt     *stmt,
                                             int               index,
                                             const char       *text);
char          *_relance_column_dup          (sqlite3_stmt     *stmt,
                                             int               index);

G_END_DECLS
