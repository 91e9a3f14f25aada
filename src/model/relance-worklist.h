/* relance-worklist.h
 *
 * The dunning engine: for a day, what to do with each customer.
 *
 * The sequence. The steps of a scenario (that of the customer's segment,
 * or the default one) are done in order. For each open invoice, the next
 * step is the first step, by offset, not yet done or skipped for it; a
 * preventive step (offset <= 0) not done lapses once the invoice is past
 * due. That step is due on
 *
 *     max (due date + offset, day the step before it was done or skipped
 *          + the step's min_gap_days)
 *
 * (the second term only when the step before was done or skipped). A late
 * step is done late, never skipped: at D+45 an invoice nobody called has
 * its D+3 call to do, and the steps after it are re-timed from the day it
 * is done.
 *
 * The formal notice. A formal-notice step (registered letter, or the
 * formal notice template) is proposed only when, since the invoice's due
 * date and up to the day, at least one written reminder (a letter or
 * e-mail action) and one call attempt (a call action, whatever its
 * outcome) are recorded, about that invoice or about no invoice in
 * particular. Otherwise the item is a substitute: a call ("Call before the
 * formal notice") when no call was made, else a letter (a second
 * reminder). A substitute does not do the formal-notice step: that step
 * stays next, re-timed from the substitute like from a step (a call or
 * letter made after the step before pushes it to that day + its gap). To send a formal notice anyway, the user does it on purpose
 * (the customer page's "Send a Formal Notice Now", which asks first);
 * a formal notice sent marks that step done, and the steps before it not
 * done as skipped.
 *
 * A customer gets one item, at the most advanced step of its invoices,
 * listing every invoice with a step to do; a formal-notice item lists only
 * the invoices whose next step is the formal notice. Invoices under a
 * dispute open on the day are left out and named as blocked; a customer
 * put off to a later day, or with a promise whose date has not come, is
 * left alone; a promise due is to be checked; a broken one (date plus
 * grace days passed, not paid) escalates to a call until a call is
 * recorded.
 *
 * Which call outcomes do a call step: reached, refused, promise, dispute,
 * "it is paid" and no answer (an attempt is a call made) mark the item's
 * call steps done; "call back" and "wrong contact" do not: the customer is
 * postponed (to the day to call back) or the right person is to be called.
 * A letter or e-mail sent does the item's steps; a promise, a dispute or
 * "it is paid" do them whatever their channel.
 *
 * At any day D, only what is dated on or before D counts: invoices issued
 * by D, allocations (payments, credit notes) dated by D, disputes opened
 * by D and not resolved by D, the actions, steps done or skipped and
 * promises of D or before, postponements decided by D.
 *
 * Customers in insolvency proceedings (relance-proceedings.h): the debts
 * born before the judgment are never reminded. From the judgment until
 * the claim is declared, the customer's item is the claim to declare to
 * the mandataire (group CLAIM, reason DECLARE_CLAIM) before the deadline
 * (BODACC + 2 months, 4 abroad); once that day has passed, the relief from
 * forclusion to ask for (reason ASK_RELIEF) before BODACC + 6 months;
 * after that, nothing. Its amount is what those old debts leave open.
 * A customer's invoices born after the judgment come back once the claim
 * is declared.
 *
 * The priority (the order of the worklist, Today's "All" and relance-cli
 * worklist), one function, relance_work_item_compare_priority():
 *   1. urgent items first: a broken promise to chase, a formal notice
 *      due (not a substitute), or a claim whose deadline is at most
 *      RELANCE_CLAIM_URGENT_DAYS away or past;
 *   2. then by the stake: the sum over the item's invoices of
 *      open amount (cents) x days late (0 when not yet due), so that
 *      1 000,00 EUR 30 days late (3 000 000) comes before 2 000,00 EUR
 *      10 days late (2 000 000);
 *   3. then the most days late, then the customer's name.
 * Items blocked by disputes come last (there is nothing to do but wait).
 *
 * Recording what was done (a call and its outcome, a letter or e-mail sent)
 * writes the action, its invoices, a promise, a dispute, a postponement
 * and the steps done, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "relance-database.h"
#include "relance-desk.h"
#include "relance-date.h"
#include "relance-scenarios.h"

G_BEGIN_DECLS

/* The groups of the Today view, in the order they are shown. */
typedef enum
{
  RELANCE_WORK_CALL,
  RELANCE_WORK_EMAIL,
  RELANCE_WORK_LETTER,
  RELANCE_WORK_FORMAL_NOTICE,   /* registered letters */
  RELANCE_WORK_CLAIM,           /* claims to declare to a mandataire judiciaire */
  RELANCE_WORK_PROMISE,         /* promises due: check the payment came */
  RELANCE_WORK_BLOCKED,         /* every invoice concerned is under dispute */
  RELANCE_WORK_N_GROUPS
} RelanceWorkGroup;

typedef enum
{
  RELANCE_WORK_REASON_STEP,            /* a scenario step was reached */
  RELANCE_WORK_REASON_PROMISE_DUE,     /* a promised date came */
  RELANCE_WORK_REASON_PROMISE_BROKEN,  /* a promise was not kept: call */
  RELANCE_WORK_REASON_DISPUTE,         /* blocked by disputes */
  RELANCE_WORK_REASON_DECLARE_CLAIM,   /* insolvency proceedings: declare the claim before claim_deadline */
  RELANCE_WORK_REASON_ASK_RELIEF,      /* the deadline passed: ask for relief before claim_deadline */
} RelanceWorkReason;

/* What an item does instead of the formal notice its invoices reached,
 * when what must come before it was not done. */
typedef enum
{
  RELANCE_WORK_SUBSTITUTE_NONE,
  RELANCE_WORK_SUBSTITUTE_CALL,     /* no call attempt since the due date */
  RELANCE_WORK_SUBSTITUTE_LETTER,   /* no letter or e-mail since the due date */
} RelanceWorkSubstitute;

typedef enum
{
  RELANCE_PROMISE_PENDING,
  RELANCE_PROMISE_KEPT,
  RELANCE_PROMISE_BROKEN,
} RelancePromiseStatus;

typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  due_date;
  gint64      open;
  int         days_overdue;   /* negative before the due date */
  gint64      step_id;        /* the step this item does for the invoice; 0: none (a substitute) */
  gint64      next_step_id;   /* the scenario's next step for the invoice; 0: none */
  RelanceDay  step_due;       /* the day that step is due; 0: none */
  char       *cause_code;     /* blocked invoices: the dispute's cause; NULL otherwise */
  char       *cause_label;
  char       *department;
} RelanceWorkInvoice;

typedef struct
{
  gint64               customer_id;
  char                *customer_code;
  char                *customer_name;
  RelanceWorkGroup     group;
  RelanceWorkReason    reason;
  /* The step (for reason STEP; a broken promise is a call step 0) */
  gint64               step_id;        /* 0 when no scenario step */
  int                  step_offset;
  RelanceChannel       channel;
  RelanceTemplateKind  template_kind;
  gboolean             claims_penalties;
  RelanceWorkSubstitute substitute;    /* a call or letter before the formal notice */
  char                *scenario_name;
  /* What it concerns */
  GPtrArray           *invoices;       /* RelanceWorkInvoice with a step to do */
  GPtrArray           *blocked;        /* RelanceWorkInvoice under an open dispute */
  gint64               amount;         /* open amount of @invoices */
  int                  oldest_days_overdue;
  RelanceDay           step_due;       /* the earliest day its invoices' steps were due; 0: none */
  gint64               stake;          /* sum of open x days late, in cent-days: the priority */
  /* The customer's latest promise made on or before the day, whatever
   * the reason (promise_id 0: none); the reasons PROMISE_DUE and
   * PROMISE_BROKEN are about it */
  gint64               promise_id;
  RelanceDay           promise_made_on;
  RelanceDay           promise_date;
  gint64               promise_amount;
  RelancePromiseStatus promise_status;
  /* Reasons DECLARE_CLAIM and ASK_RELIEF: the judgment, the last day to
   * do it (also in step_due; oldest_days_overdue counts the days past it,
   * negative before), and whether it is at most RELANCE_CLAIM_URGENT_DAYS
   * away */
  RelanceDay           claim_judgment;
  RelanceDay           claim_deadline;
  gboolean             claim_urgent;
} RelanceWorkItem;

/* Days before its deadline from which a claim to declare is urgent. */
#define RELANCE_CLAIM_URGENT_DAYS 15

typedef struct
{
  guint  counts[RELANCE_WORK_N_GROUPS];
  guint  n_customers_postponed;
  guint  n_customers_waiting;   /* a promise whose date has not come */
  guint  n_customers_in_proceedings; /* insolvency proceedings: their debts born
                                      * before the judgment are not reminded */
} RelanceWorklistSummary;

/* What came of an action. */
typedef enum
{
  RELANCE_OUTCOME_NONE,           /* notes, visits */
  RELANCE_OUTCOME_SENT,           /* letters, e-mails, formal notices */
  RELANCE_OUTCOME_PROMISE,
  RELANCE_OUTCOME_DISPUTE,
  RELANCE_OUTCOME_CALL_BACK,
  RELANCE_OUTCOME_WRONG_CONTACT,
  RELANCE_OUTCOME_NO_ANSWER,
  RELANCE_OUTCOME_PAID,           /* the customer says it is paid: check it */
  RELANCE_OUTCOME_REACHED,        /* spoken to, nothing promised */
  RELANCE_OUTCOME_REFUSED,        /* refuses to pay, without disputing */
} RelanceOutcome;

typedef enum
{
  RELANCE_ACTION_CALL,
  RELANCE_ACTION_EMAIL,
  RELANCE_ACTION_LETTER,
  RELANCE_ACTION_FORMAL_NOTICE,
  RELANCE_ACTION_NOTE,
  RELANCE_ACTION_VISIT,
} RelanceActionKind;

/* An action to record. Strings may be NULL. */
typedef struct
{
  gint64             customer_id;
  RelanceActionKind  kind;
  RelanceDay         date;
  const char        *who;
  const char        *contact;
  RelanceOutcome     outcome;
  const char        *summary;
  gboolean           incoming;        /* calls: the customer called us */
  const gint64      *invoice_ids;     /* the invoices concerned; NULL: those of @item */
  guint              n_invoice_ids;
  /* RELANCE_OUTCOME_PROMISE */
  RelanceDay         promise_date;
  gint64             promise_amount;
  /* RELANCE_OUTCOME_CALL_BACK: the day to call again */
  RelanceDay         call_back_on;
  /* RELANCE_OUTCOME_DISPUTE: opened on the first invoice concerned */
  gint64             dispute_cause_id;
  gint64             dispute_amount;  /* 0: the invoice's open balance */
  const char        *dispute_description;
  /* RELANCE_OUTCOME_WRONG_CONTACT: the right person, made the collections
   * contact: contact @right_contact_id corrected, or added when 0; NULL:
   * no contact changed */
  const RelanceContactFields *right_contact;
  gint64             right_contact_id;
  /* The document sent (letters), kept in the history */
  GBytes            *document;
  const char        *document_name;
} RelanceActionFields;

void        relance_work_invoice_free      (RelanceWorkInvoice *invoice);
void        relance_work_item_free         (RelanceWorkItem    *item);

const char *relance_work_group_to_string   (RelanceWorkGroup    group);  /* "phone", "email", "letter", "registered_letter", "promise", "blocked" */
const char *relance_work_group_get_label   (RelanceWorkGroup    group);  /* "Calls", "E-mails"... translated */
const char *relance_outcome_to_string      (RelanceOutcome      outcome);
/* Whether a call that ended with @outcome reached someone of the customer
 * who spoke for them (a promise, a dispute, "it is paid", spoken to, a
 * refusal): only such a call is quoted as a conversation in a letter. */
gboolean    relance_outcome_is_conversation (RelanceOutcome     outcome);
gboolean    relance_outcome_from_string    (const char         *text,
                                            RelanceOutcome     *outcome);
const char *relance_action_kind_to_string  (RelanceActionKind   kind);
gboolean    relance_action_kind_from_string (const char        *text,
                                            RelanceActionKind  *kind);
/* One line for people: "Step D+20 of Standard: letter", "Promise of 1 200,00 €
 * due on 20/11/2026 not kept"... translated; amounts and dates in the
 * user's locale are formatted by the caller, so this names the step only. */
char       *relance_work_item_describe     (const RelanceWorkItem *item);
/* The priority (see the top of this file): a broken promise to chase or a
 * formal notice due (not a substitute) */
gboolean    relance_work_item_is_urgent    (const RelanceWorkItem *item);
/* Negative when @a comes before @b in the worklist. */
int         relance_work_item_compare_priority (const RelanceWorkItem *a,
                                            const RelanceWorkItem *b);

/* The worklist of @date: RelanceWorkItem, in the order of the priority
 * (relance_work_item_compare_priority()). @summary may be NULL.
 * Cancellable between customers. */
GPtrArray  *relance_worklist_compute       (RelanceDatabase     *db,
                                            RelanceDay           date,
                                            RelanceWorklistSummary *summary,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* The item of one customer on @date, or NULL with no error when there is
 * nothing to do. */
RelanceWorkItem *relance_worklist_get_item (RelanceDatabase     *db,
                                            gint64               customer_id,
                                            RelanceDay           date,
                                            GError             **error);

/* A formal notice sent on purpose ("Send a Formal Notice Now"): about
 * every invoice overdue and not disputed; @missing says what was not done
 * before it (a call, else a written reminder). NULL, no error: nothing
 * overdue. */
RelanceWorkItem *relance_worklist_get_formal_notice_item (RelanceDatabase *db,
                                            gint64               customer_id,
                                            RelanceDay           date,
                                            RelanceWorkSubstitute *missing,
                                            GError             **error);

/* Skip the steps of @item's invoices (they are not asked again). */
gboolean    relance_worklist_skip          (RelanceDatabase     *db,
                                            const RelanceWorkItem *item,
                                            RelanceDay           date,
                                            const char          *reason,
                                            GError             **error);
/* Leave a customer out of the worklist until @until (after @date). */
gboolean    relance_worklist_postpone      (RelanceDatabase     *db,
                                            gint64               customer_id,
                                            RelanceDay           date,
                                            RelanceDay           until,
                                            const char          *reason,
                                            GError             **error);

/* Records an action and what follows from its outcome; when @item is given
 * (the worklist item it answers), its invoices' steps are done when the
 * outcome settles them (sent, promise, dispute, paid). Returns the action's
 * id, 0 on error. */
gint64      relance_actions_record         (RelanceDatabase     *db,
                                            const RelanceActionFields *fields,
                                            const RelanceWorkItem *item,
                                            GError             **error);

/* Several actions (a batch of letters) in one transaction: all or none.
 * @items may be NULL, or hold NULL for an action that answers no item;
 * @action_ids (may be NULL) receives the new ids. */
gboolean    relance_actions_record_many    (RelanceDatabase     *db,
                                            const RelanceActionFields *fields,
                                            const RelanceWorkItem * const *items,
                                            guint                n_actions,
                                            gint64              *action_ids,
                                            GError             **error);

/* The id of invoice or credit note @number of @customer_id, for the
 * invoices of an action typed by number; 0 with @error set when there is
 * no such invoice or it is another customer's. */
gint64      relance_actions_find_invoice   (RelanceDatabase     *db,
                                            gint64               customer_id,
                                            const char          *number,
                                            GError             **error);

/* Promises */
RelancePromiseStatus relance_promise_get_status (RelanceDatabase *db,
                                            gint64               promise_id,
                                            RelanceDay           date,
                                            GError             **error);

G_END_DECLS
