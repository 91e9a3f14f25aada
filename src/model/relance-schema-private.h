/* relance-schema-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "relance-database.h"

G_BEGIN_DECLS

#define RELANCE_SCHEMA_VERSION RELANCE_DATABASE_SCHEMA_VERSION

/* 'RLNC': marks a SQLite file as a Relance ledger. */
#define RELANCE_APPLICATION_ID 0x524C4E43

const char *_relance_schema_get_migration (int version);

G_END_DECLS
