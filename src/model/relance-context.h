/* relance-context.h
 *
 * What every layer is handed instead of globals: the open ledger and the
 * clock. Tests and `relance-cli --date` set "today".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_CONTEXT (relance_context_get_type ())

G_DECLARE_FINAL_TYPE (RelanceContext, relance_context, RELANCE, CONTEXT, GObject)

RelanceContext  *relance_context_new            (RelanceDatabase *db);
RelanceContext  *relance_context_new_like       (RelanceDatabase *db,
                                                 RelanceContext  *like);
RelanceDatabase *relance_context_get_database   (RelanceContext  *self);
RelanceDay       relance_context_get_today      (RelanceContext  *self);
void             relance_context_set_today      (RelanceContext  *self,
                                                 RelanceDay       today);

G_END_DECLS
