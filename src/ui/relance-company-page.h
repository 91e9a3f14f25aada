/* relance-company-page.h
 *
 * The Company page of the Preferences: the user's own firm as its letters
 * present it (name, address, SIREN, VAT number, bank details, contact,
 * signatory, logo and signature images). Every field is checked as it is
 * typed; the identity is saved in the open ledger as soon as the whole
 * form is valid, and nothing invalid is ever stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-company.h"
#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_COMPANY_PAGE (relance_company_page_get_type ())

G_DECLARE_FINAL_TYPE (RelanceCompanyPage, relance_company_page, RELANCE, COMPANY_PAGE, AdwPreferencesPage)

void      relance_company_page_set_context (RelanceCompanyPage  *self,
                                            RelanceContext      *context);
gboolean  relance_company_page_load_image  (RelanceCompanyPage  *self,
                                            RelanceCompanyField  field,
                                            GFile               *file,
                                            GError             **error);

G_END_DECLS
