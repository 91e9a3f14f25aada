/* relance-letter-data.h
 *
 * Everything a letter to one customer says, read from the ledger in one
 * go: the company writing, the customer and their collections contact,
 * the invoices concerned with their open balance and days overdue, the
 * last call, the latest promise, the late-payment interest and the 40 EUR
 * indemnities, and the deadline given. Plain data for src/letters/ (which
 * never runs SQL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-company.h"
#include "relance-database.h"
#include "relance-date.h"
#include "relance-penalties.h"
#include "relance-scenarios.h"
#include "relance-worklist.h"

G_BEGIN_DECLS

/* Days a letter gives to pay, from its date. */
#define RELANCE_LETTER_DEADLINE_DAYS 8

typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  issue_date;
  RelanceDay  due_date;
  gint64      amount;        /* as issued; negative for a credit note */
  gint64      open;          /* still to pay on the letter's date; negative for a credit note */
  int         days_overdue;  /* on the letter's date; negative before the due date */
  gboolean    credit_note;
  gboolean    disputed;      /* under an open dispute */
  gint64      interest;      /* claimed on this invoice (0 unless claims_penalties) */
  gint64      indemnity;     /* idem */
  char       *dispute_cause; /* when disputed: "B, Shipping" (cause code, department; several "; "-separated) */
} RelanceLetterInvoice;

/* A period of the interest claimed: one line per invoice and run of days
 * with the same rate and balance (see relance-penalties.h). */
typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  from;          /* first day, included */
  RelanceDay  to;            /* last day, included */
  int         days;
  gint64      balance;       /* cents bearing interest each day */
  int         rate;          /* basis points a year: ECB rate + margin */
  gint64      interest;      /* the periods add up to the letter's interest */
} RelanceLetterInterestPeriod;
/* One step of the history a letter can quote: a written reminder sent or
 * a call, about the letter's invoices. */
typedef struct
{
  RelanceDay         date;
  RelanceActionKind  kind;     /* CALL, EMAIL, LETTER or FORMAL_NOTICE */
  gboolean           reached;  /* a call that reached someone (relance_outcome_is_conversation()) */
} RelanceLetterStep;

typedef struct
{
  RelanceDay       date;             /* the letter's date */
  RelanceCompany  *company;

  /* The recipient */
  gint64           customer_id;
  char            *customer_code;
  char            *customer_name;
  char            *address;          /* street lines, "\n"-separated; "" when unknown */
  char            *postcode;
  char            *city;
  char            *country;          /* ISO code, "FR" */
  char            *language;         /* "fr" or "en": the letter's language */
  char            *contact_name;     /* the collections contact; "" when none */
  char            *contact_email;
  char            *contact_phone;
  char            *contact_civility; /* "", "madame" or "monsieur" */

  /* The invoices concerned, oldest due date first */
  GPtrArray       *invoices;         /* RelanceLetterInvoice */
  gint64           total_open;       /* sum of open (credit notes deducted) */
  gint64           total_overdue;    /* open amount past its due date */
  int              max_days_overdue; /* 0 when none is overdue */
  RelanceDay       oldest_due_date;  /* 0 when no invoice */

  /* The invoices of the customer under an open dispute on the letter's
   * date: never claimed, never in the table nor in the totals; listed
   * apart ({{disputed.sentence}}). */
  GPtrArray       *disputed;         /* RelanceLetterInvoice */
  gint64           total_disputed;   /* their open amount */
  /* Insolvency proceedings opened on or before the letter's date: the
   * invoices and credit notes issued before the judgment are declared to
   * the mandataire, never claimed by a letter about the customer's open
   * items (not in invoices, nor their penalties). Invoices given by the
   * caller are its choice (the worklist leaves those out already, and the
   * claim declaration asks for them); their penalties are never claimed.
   * 0 when the customer is in none. */
  RelanceDay       proceedings_judgment;
  gint64           total_in_proceedings; /* what they leave open, credit notes deducted */

  /* The last call to this customer before or on the letter's date */
  RelanceDay       last_call_date;   /* 0 when there was none */
  char            *last_call_who;    /* who called, "" when not recorded */
  char            *last_call_contact;/* who was reached */
  char            *last_call_summary;/* what was said */
  RelanceOutcome   last_call_outcome;
  gboolean         last_call_reached;/* relance_outcome_is_conversation() of its outcome */

  /* The written reminders sent and the calls made about the invoices of
   * the letter (linked to one of them, or to none), after the oldest due
   * date and on or before the letter's date, oldest first. */
  GArray          *history;          /* RelanceLetterStep */
  guint            n_reminders;      /* letters, e-mails and formal notices in it */
  RelanceDay       last_reminder_date; /* 0 when none */

  /* The latest promise of this customer */
  RelanceDay       promise_date;     /* the day promised; 0 when none */
  RelanceDay       promise_made_on;
  gint64           promise_amount;
  char            *promise_status;   /* "pending", "kept", "broken"; "" when none */
  char            *promise_contact;  /* who promised (the contact of the action it was made in); "" when unknown */
  gboolean         promise_in_call;  /* made in a call */

  /* Penalties (only when claims_penalties) */
  gboolean         claims_penalties;
  gint64           interest;         /* sum over the invoices and paid_late */
  gint64           indemnity;        /* idem */
  gint64           total_claimed;    /* total_open + interest + indemnity (total_open without penalties) */
  int              interest_rate;    /* basis points a year: ECB rate + margin */
  GPtrArray       *interest_periods; /* RelanceLetterInterestPeriod: the interest claimed, line by
                                      * line, oldest due first; sum of interest = interest */
  GPtrArray       *paid_late;        /* RelanceLetterInvoice: invoices paid in full after their due
                                      * date (open 0, days_overdue = days paid late) whose interest
                                      * and indemnity are claimed too; not in invoices */

  RelanceDay       deadline;         /* date + RELANCE_LETTER_DEADLINE_DAYS */
  /* With a pending promise of less than the total due: what remains
   * after it, due RELANCE_LETTER_DEADLINE_DAYS after the promised day (or
   * at the deadline, if later); 0 and RELANCE_DAY_NONE otherwise. */
  gint64           remainder;
  RelanceDay       remainder_deadline;
} RelanceLetterData;

/* Formats an amount for people (the caller's locale: ui/, letters/, the CLI). */
typedef char *(*RelanceAmountFormatFunc) (gint64 cents);

RelanceLetterData *relance_letter_data_new     (void);   /* strings "", arrays empty, company empty */
RelanceLetterData *relance_letter_data_copy    (const RelanceLetterData *data);
void               relance_letter_invoice_free (RelanceLetterInvoice *invoice);
void               relance_letter_interest_period_free (RelanceLetterInterestPeriod *period);
void               relance_letter_data_free    (RelanceLetterData    *data);

/* The data of a letter of @date to @customer_id about @invoice_ids (invoices
 * or credit notes of that customer; NULL: every open invoice of the
 * customer). Whatever is asked, the open credit notes of the customer are
 * deducted (listed in the table), and the invoices under an open dispute
 * are set apart in @disputed, never claimed. The company is read too: a letter asked for with an
 * incomplete identity still gets its data (relance_company_list_missing()
 * tells what is missing). RELANCE_ERROR_NOT_FOUND when the customer does not
 * exist or an invoice is not theirs. */
RelanceLetterData *relance_letter_data_get     (RelanceDatabase      *db,
                                                gint64                customer_id,
                                                RelanceDay            date,
                                                const gint64         *invoice_ids,
                                                guint                 n_invoice_ids,
                                                gboolean              claims_penalties,
                                                GError              **error);

/* Why no letter can be written from @data, in the user's language, amounts
 * formatted by @format_amount: "253,15 € is under dispute (B, Shipping);
 * nothing else is due". NULL when something can be claimed (there is an
 * invoice open and the total due is above zero). The window, the batch of
 * letters and the CLI all say this one reason. */
char              *relance_letter_data_get_nothing_to_claim (const RelanceLetterData *data,
                                                             RelanceAmountFormatFunc  format_amount);

/* Claims @line's interest and indemnity in @data: on @invoice (NULL: an
 * invoice paid late in full, added to @data's paid_late), in @data's
 * interest and indemnity, and one interest period per period of @line. */
void               relance_letter_data_claim_penalty_line (RelanceLetterData        *data,
                                                           const RelancePenaltyLine *line,
                                                           RelanceLetterInvoice     *invoice);

/* The kind of letter to write when a step asks for @kind, fitted to what
 * was done (the history about these invoices):
 * - a preventive message and a formal notice are kept;
 * - a broken promise (and no call that reached someone since its day)
 *   means a letter about the broken promise;
 * - a call since the last written reminder that reached someone means a
 *   letter after a call;
 * - otherwise a written reminder already sent means a second reminder,
 *   none a first reminder (whose text says nothing of earlier reminders;
 *   a call that reached no one is said by {{last_call.sentence}}). */
RelanceTemplateKind relance_letter_data_fit_kind (const RelanceLetterData *data,
                                                  RelanceTemplateKind      kind);

/* The document kept with action @action_id (a letter sent), with its file
 * name in @name; NULL with no error when the action has none. */
GBytes            *relance_letter_get_document (RelanceDatabase      *db,
                                                gint64                action_id,
                                                char                **name,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceLetterData, relance_letter_data_free)

G_END_DECLS
