/* relance-collections-page.h
 *
 * The Collections page of the Preferences: the target groups and the
 * scenario each follows, the scenarios and their steps, the interest rate
 * tables and margins, the recovery indemnity and the days of grace of a
 * promise. Every change is saved in the open ledger at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_COLLECTIONS_PAGE (relance_collections_page_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCollectionsPage, relance_collections_page, RELANCE, COLLECTIONS_PAGE, AdwPreferencesPage)

void      relance_collections_page_set_context (RelanceCollectionsPage *self,
                                                RelanceContext         *context);
gboolean  relance_collections_page_get_changed (RelanceCollectionsPage *self);

G_END_DECLS
