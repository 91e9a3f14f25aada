/* relance-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema this build writes; a ledger with a higher version is refused. */
#define RELANCE_DATABASE_SCHEMA_VERSION 7

#define RELANCE_TYPE_DATABASE (relance_database_get_type ())

G_DECLARE_FINAL_TYPE (RelanceDatabase, relance_database, RELANCE, DATABASE, GObject)

RelanceDatabase *relance_database_open               (const char       *path,
                                                      GError          **error);
RelanceDatabase *relance_database_open_another       (RelanceDatabase  *self,
                                                      GError          **error);
gboolean         relance_database_is_in_memory       (RelanceDatabase  *self);
const char      *relance_database_get_path           (RelanceDatabase  *self);
int              relance_database_get_schema_version (RelanceDatabase  *self);
gboolean         relance_database_is_empty           (RelanceDatabase  *self);
char            *relance_database_default_path       (void);

G_END_DECLS
