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
#include "relance-scenarios.h"

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

  /* The invoices concerned, oldest due date first */
  GPtrArray       *invoices;         /* RelanceLetterInvoice */
  gint64           total_open;       /* sum of open (credit notes deducted) */
  gint64           total_overdue;    /* open amount past its due date */
  int              max_days_overdue; /* 0 when none is overdue */
  RelanceDay       oldest_due_date;  /* 0 when no invoice */

  /* The last call to this customer before or on the letter's date */
  RelanceDay       last_call_date;   /* 0 when there was none */
  char            *last_call_who;    /* who called, "" when not recorded */
  char            *last_call_contact;/* who was reached */
  char            *last_call_summary;/* what was said */

  /* The latest promise of this customer */
  RelanceDay       promise_date;     /* the day promised; 0 when none */
  RelanceDay       promise_made_on;
  gint64           promise_amount;
  char            *promise_status;   /* "pending", "kept", "broken"; "" when none */

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
} RelanceLetterData;

RelanceLetterData *relance_letter_data_new     (void);   /* strings "", arrays empty, company empty */
RelanceLetterData *relance_letter_data_copy    (const RelanceLetterData *data);
void               relance_letter_invoice_free (RelanceLetterInvoice *invoice);
void               relance_letter_interest_period_free (RelanceLetterInterestPeriod *period);
void               relance_letter_data_free    (RelanceLetterData    *data);

/* The data of a letter of @date to @customer_id about @invoice_ids (invoices
 * or credit notes of that customer; NULL: every open invoice and credit note
 * of the customer not under an open dispute). The company is read too: a letter asked for with an
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

/* The kind of letter to write when a step asks for @kind: a letter that
 * restates a call needs a call about these invoices (made on or after the
 * oldest due date), and a letter about a broken promise needs a promise;
 * without them the letter is a second reminder. Other kinds are kept. */
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
