/* relance-template-editor.h
 *
 * The editor of a letter template: its name, kind, channel, language and
 * tone, its subject and body with merge fields inserted from a menu, the
 * problems of the fields underlined in red as the user types (Save stays
 * disabled while there is one), and beside the text the letter it makes
 * for a customer with overdue invoices, drawn again shortly after the
 * user stops typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "relance-context.h"
#include "relance-templates.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_TEMPLATE_EDITOR (relance_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (RelanceTemplateEditor, relance_template_editor, RELANCE, TEMPLATE_EDITOR, AdwWindow)

/* Edits @template (copied); with an id of 0, Save adds it as a new one.
 * Emits ::saved (the template's id) once stored, then closes. */
GtkWidget   *relance_template_editor_new            (GtkWindow             *parent,
                                                     RelanceContext        *context,
                                                     const RelanceTemplate *template);
/* The first problem of what is typed, in the user's words; NULL when it
 * can be saved. */
const char  *relance_template_editor_get_problem    (RelanceTemplateEditor *self);
/* Pages of the preview shown; 0 while there is none. */
guint        relance_template_editor_get_n_preview_pages (RelanceTemplateEditor *self);

/* Names for people, translated: "French"; "Standard tone". */
const char  *relance_template_language_get_label    (const char            *language);
const char  *relance_template_tone_get_label        (RelanceTone            tone);

G_END_DECLS
