/* relance-templates-page.h
 *
 * The Letters page of the Preferences: the letter templates of the open
 * ledger, grouped by the kind of reminder they write, each with its
 * language, tone and channel, and a "Modified" tag on a shipped template
 * edited since. A click opens the editor (relance-template-editor.h); a
 * row's menu duplicates a template, puts a modified shipped one back as it
 * came, or deletes one of the user's own (with Undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TEMPLATES_PAGE (relance_templates_page_get_type ())

G_DECLARE_FINAL_TYPE (RelanceTemplatesPage, relance_templates_page, RELANCE, TEMPLATES_PAGE, AdwPreferencesPage)

void       relance_templates_page_set_context (RelanceTemplatesPage *self,
                                               RelanceContext       *context);
/* Opens the editor on template @template_id; returns it (transfer none). */
GtkWidget *relance_templates_page_edit        (RelanceTemplatesPage *self,
                                               gint64                template_id);

G_END_DECLS
