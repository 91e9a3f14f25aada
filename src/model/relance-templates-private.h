/* relance-templates-private.h
 *
 * The shipped templates (relance-templates-shipped.c) and the seeding of a
 * ledger with them. Only src/model/ includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-templates.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *key;       /* "first_reminder.courteous.fr": stored in templates.shipped_key */
  RelanceTemplateKind  kind;
  RelanceChannel       channel;
  const char          *language;
  RelanceTone          tone;
  const char          *name;
  const char          *subject;
  const char          *body;
} RelanceShippedTemplate;

const RelanceShippedTemplate *_relance_templates_get_shipped  (guint           *n_templates);
const RelanceShippedTemplate *_relance_templates_find_shipped (const char      *key);

/* Writes every shipped template into a ledger whose templates table was
 * just created (migration 4), inside the migration's transaction. */
gboolean _relance_templates_seed (RelanceDatabase  *db,
                                  GError          **error);

/* Puts the shipped subjects and bodies in place of those of the templates
 * that came with an earlier version and were not modified by the user
 * (migration 5: letters that quote the call and the history), inside the
 * migration's transaction. */
gboolean _relance_templates_refresh (RelanceDatabase  *db,
                                     GError          **error);

G_END_DECLS
