/* relance-proceedings.h
 *
 * Customers in insolvency proceedings (procédures collectives, DOMAIN.md):
 * sauvegarde, redressement judiciaire or liquidation judiciaire, opened by
 * a judgment of a court and published in the BODACC.
 *
 * - The claim must be declared to the mandataire judiciaire (or the
 *   liquidateur) within two months of the BODACC publication, four for a
 *   creditor outside metropolitan France (art. R622-24 of the Code de
 *   commerce). After it, relief from forclusion can be asked until six
 *   months after the publication (art. L622-26). A deadline falls on the
 *   same day of the month, or the month's last day when it has none
 *   (31 December + 2 months = 28 or 29 February).
 * - Debts born before the judgment, that is invoices issued before the
 *   judgment's day, are no longer reminded (no call, letter, e-mail or
 *   formal notice), and their interest stops at the judgment's day: they
 *   are declared instead. Invoices issued on or after it are chased as
 *   usual. This holds while the proceedings are open and after they end
 *   (a plan adopted by the court pays them by its schedule; a closing for
 *   lack of assets ends any hope of them).
 * - The claim declared (its total, the day it was sent and the action
 *   that recorded it) is kept with the proceedings.
 * - A closing for lack of assets ("closed") lets the user write the debt
 *   off as irrecoverable: each invoice issued before the judgment that is
 *   still open is written off, on the closing's day, for its open amount
 *   with VAT, and the VAT this amount includes is kept so the accountant
 *   can recover it: vat = amount − amount × 10 000 / (10 000 + rate), the
 *   second term rounded half away from zero to the cent (rate in basis
 *   points: 2000 = 20 %). Writing off is recorded apart (table write_offs):
 *   it does not settle the invoice in the ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"
#include "relance-letter-data.h"

G_BEGIN_DECLS

/* The standard French VAT rate, in basis points, for write-offs. */
#define RELANCE_PROCEEDINGS_DEFAULT_VAT_RATE 2000

typedef enum
{
  RELANCE_PROCEEDINGS_SAUVEGARDE,
  RELANCE_PROCEEDINGS_REDRESSEMENT,    /* redressement judiciaire */
  RELANCE_PROCEEDINGS_LIQUIDATION,     /* liquidation judiciaire */
} RelanceProceedingsKind;

typedef enum
{
  RELANCE_PROCEEDINGS_OPEN,            /* not ended yet */
  RELANCE_PROCEEDINGS_PLAN,            /* a plan adopted by the court */
  RELANCE_PROCEEDINGS_CLOSED,          /* closed for lack of assets */
} RelanceProceedingsOutcome;

/* What the user types to open proceedings. Strings may be NULL. */
typedef struct
{
  RelanceProceedingsKind  kind;
  RelanceDay              judgment_date;
  const char             *court;
  RelanceDay              bodacc_date;
  const char             *mandataire_name;
  const char             *mandataire_address;   /* lines "\n"-separated */
  gboolean                abroad;               /* the creditor is outside metropolitan France */
} RelanceProceedingsFields;

typedef struct
{
  gint64                     id;
  gint64                     customer_id;
  char                      *customer_code;
  char                      *customer_name;
  RelanceProceedingsKind     kind;
  RelanceDay                 judgment_date;
  char                      *court;
  RelanceDay                 bodacc_date;
  char                      *mandataire_name;
  char                      *mandataire_address;
  gboolean                   abroad;
  RelanceProceedingsOutcome  outcome;
  RelanceDay                 closed_on;          /* RELANCE_DAY_NONE while open */
  RelanceDay                 deadline;           /* to declare the claim */
  RelanceDay                 relief_deadline;    /* to ask for relief from forclusion */
  gboolean                   claim_declared;
  gint64                     claim_amount;       /* cents, when declared */
  RelanceDay                 claim_date;
  gint64                     claim_action_id;    /* 0 when unknown */
  gint64                     written_off;        /* cents with VAT, 0 when nothing was */
  gint64                     written_off_vat;    /* the VAT it includes */
  RelanceDay                 written_off_on;
} RelanceProceedings;

void        relance_proceedings_free               (RelanceProceedings *proceedings);

/* "sauvegarde", "redressement", "liquidation" */
const char *relance_proceedings_kind_to_string     (RelanceProceedingsKind kind);
gboolean    relance_proceedings_kind_from_string   (const char         *text,
                                                    RelanceProceedingsKind *kind);
/* "Sauvegarde", "Receivership (redressement judiciaire)"… translated */
const char *relance_proceedings_kind_get_label     (RelanceProceedingsKind kind);
/* "open", "plan", "closed" */
const char *relance_proceedings_outcome_to_string  (RelanceProceedingsOutcome outcome);
gboolean    relance_proceedings_outcome_from_string (const char        *text,
                                                    RelanceProceedingsOutcome *outcome);

/* The day the claim must be declared by: @bodacc_date + 2 months, or + 4
 * months when @abroad. */
RelanceDay  relance_proceedings_get_deadline       (RelanceDay          bodacc_date,
                                                    gboolean            abroad);
/* The day relief from forclusion can be asked until: @bodacc_date + 6 months. */
RelanceDay  relance_proceedings_get_relief_deadline (RelanceDay         bodacc_date);

/* Whether a debt born on @issue_date is caught by @proceedings (issued
 * before the judgment's day): not reminded, interest stopped, declared. */
gboolean    relance_proceedings_covers_issue_date  (const RelanceProceedings *proceedings,
                                                    RelanceDay          issue_date);

/* Marks @customer_id as in proceedings, seen on @today. Refused
 * (RELANCE_ERROR_INVALID, nothing written): a judgment date in the
 * future or missing, a BODACC date before the judgment or missing, no
 * mandataire, proceedings already open for the customer. Unknown
 * customer: RELANCE_ERROR_NOT_FOUND. Returns the id, 0 on error. */
gint64      relance_proceedings_open               (RelanceDatabase    *db,
                                                    gint64              customer_id,
                                                    const RelanceProceedingsFields *fields,
                                                    RelanceDay          today,
                                                    GError            **error);

/* Ends the open proceedings of @customer_id on @date with @outcome (PLAN
 * or CLOSED). With @write_off (only for CLOSED), writes off the invoices
 * they cover that are still open, at @vat_rate (basis points) — see the
 * top of this file. Refused when none are open, @date is before the
 * judgment, or a write-off is asked for a plan. One transaction. */
gboolean    relance_proceedings_close              (RelanceDatabase    *db,
                                                    gint64              customer_id,
                                                    RelanceProceedingsOutcome outcome,
                                                    RelanceDay          date,
                                                    gboolean            write_off,
                                                    int                 vat_rate,
                                                    GError            **error);

/* THE rule other parts (the worklist, the customer page, the figures)
 * call: the proceedings that govern @customer_id on @date, that is the
 * latest whose judgment is on or before @date, open or ended; NULL with
 * no error when there are none. Their invoices issued before the
 * judgment (relance_proceedings_covers_issue_date()) are not reminded and
 * bear interest only up to the judgment's day. */
RelanceProceedings *relance_proceedings_get_for_customer (RelanceDatabase *db,
                                                    gint64              customer_id,
                                                    RelanceDay          date,
                                                    GError            **error);

/* Every proceedings (RelanceProceedings), open ones first by deadline,
 * then ended ones, latest first; only @customer_id's unless 0. */
GPtrArray  *relance_proceedings_list               (RelanceDatabase    *db,
                                                    gint64              customer_id,
                                                    GError            **error);

/* The claim declaration (déclaration de créance) of @customer_id written
 * on @date: plain data for src/letters/. */
typedef struct
{
  RelanceProceedings *proceedings;
  RelanceDay          date;
  /* The debtor */
  char               *debtor_code;
  char               *debtor_name;
  char               *debtor_siren;
  char               *debtor_address;    /* street lines, "\n"-separated */
  char               *debtor_postcode;
  char               *debtor_city;
  /* The letter, addressed to the mandataire, in the debtor's language:
   * the invoices issued before the judgment still open on @date (credit
   * notes issued before it deducted; disputed ones included, marked),
   * days_overdue counted at the judgment's day (negative: falling due
   * after it); the interest up to the judgment's day (periods) and the
   * indemnities of the invoices late on that day, as
   * relance_penalties_compute() reckons them on the judgment's day (none
   * for an invoice then under dispute); total_claimed = the total. */
  RelanceLetterData  *letter;
  gint64              due;               /* échu: open amount due on or before the judgment's day */
  gint64              to_fall_due;       /* à échoir: due after it */
  gint64              interest;
  gint64              indemnity;
  gint64              total;             /* due + to_fall_due + interest + indemnity */
  gboolean            late;              /* @date is after the deadline */
  gboolean            relief_too_late;   /* @date is after the relief deadline too */
} RelanceClaimData;

void              relance_claim_data_free  (RelanceClaimData *data);

/* RELANCE_ERROR_INVALID when the customer is in no proceedings on @date,
 * or nothing issued before the judgment is still owed. */
RelanceClaimData *relance_claim_data_get   (RelanceDatabase    *db,
                                            gint64              customer_id,
                                            RelanceDay          date,
                                            GError            **error);

/* Records the declaration sent on @date: a registered letter in the
 * history (kind formal notice, the invoices linked, @document kept with
 * @document_name) and the claim declared (@data's total and @date) kept
 * with the proceedings. One transaction. Returns the action's id. */
gint64            relance_claim_record     (RelanceDatabase    *db,
                                            const RelanceClaimData *data,
                                            const char         *summary,
                                            GBytes             *document,
                                            const char         *document_name,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceProceedings, relance_proceedings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceClaimData, relance_claim_data_free)

G_END_DECLS
