/* relance-application.h
 *
 * The application owns the RelanceContext of the open ledger and hands it to
 * its window; it opens the user's ledger, another one (--db FILE) or the
 * sample company.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_APPLICATION (relance_application_get_type ())

G_DECLARE_FINAL_TYPE (RelanceApplication, relance_application, RELANCE, APPLICATION, AdwApplication)

RelanceApplication *relance_application_new              (void);
RelanceContext     *relance_application_get_context      (RelanceApplication  *self);
gboolean            relance_application_open_ledger      (RelanceApplication  *self,
                                                          const char          *path,
                                                          GError             **error);
gboolean            relance_application_open_sample      (RelanceApplication  *self,
                                                          GError             **error);

GSettings          *relance_application_new_settings     (void);
char               *relance_application_get_own_path     (void);
char               *relance_application_get_sample_path  (void);

G_END_DECLS
