/* relance-templates.h
 *
 * Letter templates: a subject and a body of plain text with merge fields
 * ("{{customer.name}}", see src/letters/relance-merge.h), per kind of
 * reminder, channel, language (the customer's: "fr" or "en") and tone.
 * Relance ships one set (written in plain, modern language; the formal
 * notice in the form the law asks); the user edits them or adds their own,
 * and can put a shipped one back as it came.
 *
 * The model stores text: checking the merge fields is the letters layer's
 * job (relance_merge_check()), done by the editor and the CLI before they
 * save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-letter-data.h"
#include "relance-worklist.h"
#include "relance-scenarios.h"

G_BEGIN_DECLS

#define RELANCE_TEMPLATE_NAME_MAX    80
#define RELANCE_TEMPLATE_SUBJECT_MAX 200
#define RELANCE_TEMPLATE_BODY_MAX    20000

typedef struct
{
  gint64               id;
  char                *name;       /* unique, shown in lists: "Première relance (standard)" */
  RelanceTemplateKind  kind;       /* never RELANCE_TEMPLATE_CALL */
  RelanceChannel       channel;    /* LETTER, REGISTERED_LETTER or EMAIL */
  char                *language;   /* "fr" or "en" */
  RelanceTone          tone;
  char                *subject;
  char                *body;
  gboolean             shipped;    /* came with Relance: can be reset, not deleted */
  gboolean             modified;   /* shipped and edited since */
} RelanceTemplate;

RelanceTemplate *relance_template_new   (void);
RelanceTemplate *relance_template_copy  (const RelanceTemplate *template);
void             relance_template_free  (RelanceTemplate       *template);

/* Every template: by kind (the order of RelanceTemplateKind), language,
 * tone, then name. */
GPtrArray       *relance_templates_list (RelanceDatabase       *db,
                                         GError               **error);
RelanceTemplate *relance_templates_get  (RelanceDatabase       *db,
                                         gint64                 template_id,
                                         GError               **error);
/* By name (exact, then ignoring case and accents); NULL with
 * RELANCE_ERROR_NOT_FOUND naming it when there is none. */
RelanceTemplate *relance_templates_find_by_name (RelanceDatabase *db,
                                         const char            *name,
                                         GError               **error);
/* The template a letter of @kind to a customer speaking @language, in a
 * segment of @tone, is written with: the same kind, language and tone;
 * else the standard tone; else any tone; else the same in French. NULL with
 * RELANCE_ERROR_NOT_FOUND when no template of @kind exists. */
RelanceTemplate *relance_templates_find (RelanceDatabase       *db,
                                         RelanceTemplateKind    kind,
                                         const char            *language,
                                         RelanceTone            tone,
                                         GError               **error);
/* What sending a letter written with @template is in the history: a
 * formal notice when it is one or goes by registered letter, else a
 * letter. */
RelanceActionKind relance_template_get_action_kind (const RelanceTemplate *template);
/* The template a letter of @kind (the step's) is written with for the
 * customer of @data: relance_letter_data_fit_kind() of @kind, in the
 * letter's language and the tone of the customer's target group (standard
 * without one). */
RelanceTemplate *relance_templates_find_for_letter (RelanceDatabase *db,
                                         RelanceTemplateKind    kind,
                                         const RelanceLetterData *data,
                                         GError               **error);
/* Checks the fields the model owns (a name, unique, not too long; kind,
 * channel, language; subject and body not empty, not too long, valid
 * UTF-8) with messages that say what and where. */
gboolean         relance_template_check (const RelanceTemplate *template,
                                         GError               **error);
/* Returns the new id, 0 on error. @template->id and shipped are ignored. */
gint64           relance_templates_add  (RelanceDatabase       *db,
                                         const RelanceTemplate *template,
                                         GError               **error);
gboolean         relance_templates_update (RelanceDatabase     *db,
                                         gint64                 template_id,
                                         const RelanceTemplate *template,
                                         GError               **error);
/* Shipped templates are refused (RELANCE_ERROR_INVALID): reset them. */
gboolean         relance_templates_delete (RelanceDatabase     *db,
                                         gint64                 template_id,
                                         GError               **error);
/* A shipped template's subject and body as they came. */
gboolean         relance_templates_reset (RelanceDatabase      *db,
                                         gint64                 template_id,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceTemplate, relance_template_free)

G_END_DECLS
