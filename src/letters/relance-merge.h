/* relance-merge.h
 *
 * Merge fields: "{{name}}" in a template's subject or body stands for a
 * value of the letter's data. The catalogue below is the only list of
 * fields: the editor's menu, the checks and the merge all read it. A field
 * not in it, or "{{" not closed by "}}" on the same line, is a problem with
 * a line and a column, never printed raw. Spaces inside the braces are
 * allowed ("{{ customer.name }}"). A single "{" or "}" is plain text.
 *
 * Values are written in the letter's language (RelanceLetterData.language,
 * the customer's, not the user's): dates "23 novembre 2026" / "23 November
 * 2026", amounts "1 234,56 €" / "€1,234.56".
 *
 * The catalogue (name: what it gives):
 *   date                   the letter's date
 *   deadline               the date to pay by (the letter's date + 8 days)
 *   company.name, company.address (street lines, postcode and city),
 *   company.phone, company.email, company.siren, company.vat_number,
 *   company.iban, company.bic, company.place, company.signatory,
 *   company.signatory_title
 *   payment.details        "IBAN FR76 … — BIC …" (block-free, one line)
 *   customer.name, customer.code, customer.address (street lines, postcode
 *   and city, country when not France)
 *   contact.name           the collections contact ("" when none)
 *   salutation             "Madame, Monsieur," / "Dear Sir or Madam,", or
 *                          "Bonjour Marie Dupont," / "Dear Marie Dupont,"
 *                          ("Dear Ms Dupont," with a civility) when the
 *                          contact is known
 *   salutation.formal      "Madame," / "Monsieur," (the contact's
 *                          civility) or "Madame, Monsieur,"; "Dear Ms
 *                          Dupont," / "Dear Sir or Madam,": never "Bonjour"
 *   closing.formal         "Nous vous prions d’agréer, Madame, l’expression de
 *                          nos salutations distinguées." (the civility
 *                          again); "Yours sincerely," / "Yours faithfully,"
 *   customer.of_name       "d’Imprimerie Petit" / "de Dupont SA" (the name
 *                          alone in English)
 *   invoices.below, invoices.of_below, invoices.remain_unpaid: "la facture
 *                          ci-dessous" / "les factures ci-dessous", "de la
 *                          facture…" / "des factures…", "demeure impayée" /
 *                          "demeurent impayées", after the number of
 *                          invoices claimed
 *   disputed.sentence      the invoices under dispute, not claimed ("" when
 *                          none)
 *   last_call.sentence     a call that reached someone quoted (date, person,
 *                          notes), or "we tried to reach you on …"; ""
 *                          without a call
 *   promise.sentence       the latest promise quoted (made on, who,
 *                          amount, day), said broken when it was; ""
 *   request.sentence       what to pay by when: the promised amount by its
 *                          day and the remainder by its deadline when a
 *                          promise is pending, else the total by the deadline
 *   history.sentence       "Nous vous avons écrit le … et nous avons tenté de
 *                          vous joindre par téléphone le …." ("" when nothing
 *                          was done)
 *   invoices.table         BLOCK: the table of invoices (number, date, due
 *                          date, amount, open, days overdue) with its totals
 *                          and, when the step claims them, a line of interest
 *                          per invoice and period (invoices paid late
 *                          included), the indemnities and the total claimed
 *   invoices.list          "FA-1, FA-2 and FA-3" (inline)
 *   invoices.count
 *   total.due              the open total
 *   total.overdue          the open amount past due
 *   total.claimed          open total + interest + indemnity
 *   days_overdue           the most days overdue
 *   due_date.oldest        the oldest due date
 *   last_call.date, last_call.contact, last_call.who, last_call.summary
 *   promise.date, promise.amount, promise.made_on
 *   penalties.interest, penalties.indemnity, penalties.total (interest +
 *   indemnity), penalties.rate ("12,15 %"; "13,15 % puis 12,15 %" when
 *   the rate changed during the lateness)
 *
 * A block field stands alone on its line; elsewhere it is a problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "relance-letter-data.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* "customer.name" */
  const char *group;    /* translated menu section: "Customer" */
  const char *label;    /* translated menu item: "Customer’s name" */
  gboolean    block;    /* stands alone on its line (invoices.table) */
  gboolean    optional; /* a sentence that is rightly empty for some customers
                         * (no call, no dispute): never reported as empty */
} RelanceMergeField;

typedef struct
{
  gsize  start;         /* byte offset of the problem in the text */
  gsize  end;           /* byte offset just after it */
  guint  line;          /* 1-based */
  guint  column;        /* 1-based, in characters */
  char  *message;       /* translated, in the user's language: "Unknown field {{custmer.name}}" */
} RelanceMergeProblem;

/* The catalogue, in menu order. */
const RelanceMergeField *relance_merge_get_fields   (guint               *n_fields);
const RelanceMergeField *relance_merge_find_field   (const char          *name);

void        relance_merge_problem_free (RelanceMergeProblem *problem);

/* The problems of @text (a subject when @is_subject: no block field there,
 * one line only), in order: an empty array when it is fine. */
GPtrArray  *relance_merge_check        (const char          *text,
                                        gboolean             is_subject);
/* relance_merge_check() on both, the first problem as a
 * RELANCE_ERROR_INVALID error: "Body, line 3, column 12: unknown field
 * {{custmer.name}}". */
gboolean    relance_merge_validate     (const char          *subject,
                                        const char          *body,
                                        GError             **error);

/* The value of field @name for @data, in the letter's language; NULL for
 * block fields and unknown names. "" when the data has no value (no call,
 * no promise...). */
char       *relance_merge_get_value    (const RelanceLetterData *data,
                                        const char          *name);

/* @text with every inline field replaced by its value. Block fields are
 * left as they are (the letter lays them out). The names of the fields
 * used whose value is empty are added to @empty_fields (a GPtrArray of
 * char*, may be NULL), once each. The text must pass relance_merge_check(). */
char       *relance_merge_apply        (const char          *text,
                                        const RelanceLetterData *data,
                                        GPtrArray           *empty_fields);

/* Formatting in a letter's language ("fr", "en"; anything else: "fr"). */
char       *relance_merge_format_date  (RelanceDay           day,
                                        const char          *language);
char       *relance_merge_format_amount (gint64              cents,
                                        const char          *language);
/* A rate of @basis_points a year: "12,15 %" in French, "12.15%" in English. */
char       *relance_merge_format_rate  (int                  basis_points,
                                        const char          *language);

G_END_DECLS
