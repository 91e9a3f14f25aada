/* relance-desk.h
 *
 * The collector's desk: everything about one customer (identity, contacts,
 * key figures, payments, disputes and the timeline of what happened), and
 * the edits made from there (contacts, notes, invoices, payments allocated
 * by hand, credit notes applied, disputes resolved or cancelled, customers
 * archived). Every write is checked and applied whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"
#include "relance-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *code;
  char     *name;
  char     *address;
  char     *postcode;
  char     *city;
  char     *country;
  char     *email;
  char     *phone;
  char     *siren;
  char     *segment;        /* "" when none */
  char     *notes;
  int       payment_terms;
  gint64    credit_limit;   /* -1 when none */
  gboolean  archived;
} RelanceCustomerDetails;

/* How a contact is addressed: "Madame," / "Monsieur," in a letter, or
 * "Madame, Monsieur," when not known. */
typedef enum
{
  RELANCE_CIVILITY_NONE,
  RELANCE_CIVILITY_MADAME,
  RELANCE_CIVILITY_MONSIEUR,
} RelanceCivility;

typedef struct
{
  gint64           id;
  char            *name;
  char            *role;
  char            *phone;
  char            *email;
  gboolean         is_collections;
  RelanceCivility  civility;
} RelanceContact;

/* The figures of a customer on a day. */
typedef struct
{
  gint64 balance;          /* open invoices less open credit notes */
  gint64 overdue;          /* open amount of invoices past their due date */
  gint64 on_account;       /* payments not allocated to any invoice */
  int    n_open;           /* open invoices */
  int    n_overdue;        /* open invoices past their due date */
  int    n_open_disputes;
  int    average_days_late; /* -1 when nothing was settled in the year */
  int    dso;              /* -1 when nothing was invoiced in 90 days */
  gint64 credit_limit;     /* -1 when none */
} RelanceCustomerFigures;

typedef struct
{
  gint64      id;
  RelanceDay  date;
  gint64      amount;
  gint64      unallocated;
  char       *method;
  char       *reference;
  char       *invoices;     /* the numbers it settles, ", "-separated */
} RelancePaymentRow;

typedef struct
{
  gint64      id;
  gint64      invoice_id;
  char       *invoice_number;
  char       *cause_code;
  char       *cause_label;
  char       *department;
  char       *colour;
  gint64      amount;
  RelanceDay  opened_on;
  RelanceDay  resolved_on;  /* 0 while open */
  char       *status;       /* "open", "resolved", "cancelled" */
  char       *description;
  char       *resolution;
} RelanceDisputeRow;

typedef struct
{
  gint64  id;
  char   *code;
  char   *label;
  char   *department;
  char   *colour;
} RelanceDisputeCause;

typedef enum
{
  RELANCE_TIMELINE_CALL,
  RELANCE_TIMELINE_EMAIL,
  RELANCE_TIMELINE_LETTER,
  RELANCE_TIMELINE_FORMAL_NOTICE,
  RELANCE_TIMELINE_NOTE,
  RELANCE_TIMELINE_VISIT,
  RELANCE_TIMELINE_PROMISE,
  RELANCE_TIMELINE_DISPUTE_OPENED,
  RELANCE_TIMELINE_DISPUTE_RESOLVED,
  RELANCE_TIMELINE_DISPUTE_CANCELLED,
  RELANCE_TIMELINE_PAYMENT,
  RELANCE_TIMELINE_CREDIT_NOTE,
} RelanceTimelineKind;

/* One thing that happened with a customer. */
typedef struct
{
  RelanceTimelineKind  kind;
  RelanceDay           date;
  RelanceDay           promised_date; /* promises: the day the customer said they would pay */
  gint64               id;        /* of the action, promise, dispute, payment or credit note */
  gint64               amount;    /* promises, disputes, payments, credit notes; 0 otherwise */
  char                *who;       /* who did it (actions) */
  char                *contact;   /* who was reached (actions) */
  char                *outcome;   /* actions: "promise", "sent"...; promises: "pending", "kept", "broken" */
  char                *summary;   /* what was said or written; the dispute cause; the reference */
  char                *invoices;  /* the invoice numbers concerned, ", "-separated */
  gboolean             incoming;  /* calls: the customer called us */
} RelanceTimelineEntry;

/* An open invoice and the part of a payment or credit note given to it. */
typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  due_date;
  gint64      open;
  gint64      amount;       /* proposed or chosen; 0 for none */
  RelanceDay  date;         /* the day it was made; 0 for the day of the write */
} RelanceAllocation;

typedef struct
{
  const char *name;
  const char *role;
  const char *phone;
  const char *email;
  gboolean    is_collections;
  RelanceCivility civility;
} RelanceContactFields;

/* "madame", "monsieur", "" as stored in contacts.civility */
const char *relance_civility_to_string    (RelanceCivility         civility);
/* Reads what relance_civility_to_string() writes, and also "Madame",
 * "Mme", "Monsieur", "M.", "Mr", "Mrs", "Ms" in any case; "" and "none"
 * are none. */
gboolean    relance_civility_from_string  (const char             *text,
                                           RelanceCivility        *civility);
/* "Madame", "Monsieur", "" translated, for choosing in a list. */
const char *relance_civility_get_label    (RelanceCivility         civility);
/* The name as shown in lists: "Ms Isabelle Roux" ("Mme Isabelle Roux" in
 * French), or the name alone when the civility is not known. */
char       *relance_contact_dup_display_name (RelanceCivility      civility,
                                           const char             *name);
/* A call of the timeline in a few words, for people: "Call with Isabelle
 * Roux: promise to pay", "Incoming call from Paul Martin: refuses to pay",
 * "No answer from Isabelle Roux" (an attempt, never a conversation). */
char       *relance_desk_describe_call    (const RelanceTimelineEntry *entry);

void       relance_customer_details_free  (RelanceCustomerDetails *details);
void       relance_contact_free           (RelanceContact         *contact);
void       relance_payment_row_free       (RelancePaymentRow      *row);
void       relance_dispute_row_free       (RelanceDisputeRow      *row);
void       relance_dispute_cause_free     (RelanceDisputeCause    *cause);
void       relance_timeline_entry_free    (RelanceTimelineEntry   *entry);
void       relance_allocation_free        (RelanceAllocation      *allocation);

/* Reading a customer */

RelanceCustomerDetails *relance_desk_get_customer  (RelanceDatabase  *db,
                                                    gint64            customer_id,
                                                    GError          **error);
GPtrArray  *relance_desk_list_contacts    (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           GError          **error);
gboolean    relance_desk_get_figures      (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           RelanceDay        today,
                                           RelanceCustomerFigures *figures,
                                           GError          **error);
GPtrArray  *relance_desk_list_payments    (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           guint             limit,
                                           GError          **error);
RelancePaymentRow *relance_desk_get_payment (RelanceDatabase  *db,
                                           gint64            payment_id,
                                           gint64           *customer_id,
                                           GError          **error);
GPtrArray  *relance_desk_list_disputes    (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           GError          **error);
RelanceDisputeRow *relance_desk_get_dispute (RelanceDatabase  *db,
                                           gint64            dispute_id,
                                           GError          **error);
GPtrArray  *relance_desk_get_timeline     (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           RelanceDay        date,
                                           guint             limit,
                                           GError          **error);
GPtrArray  *relance_desk_list_causes      (RelanceDatabase  *db,
                                           GError          **error);

/* Contacts and notes */

gint64      relance_desk_add_contact      (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           const RelanceContactFields *fields,
                                           GError          **error);
gboolean    relance_desk_update_contact   (RelanceDatabase  *db,
                                           gint64            contact_id,
                                           const RelanceContactFields *fields,
                                           GError          **error);
gboolean    relance_desk_delete_contact   (RelanceDatabase  *db,
                                           gint64            contact_id,
                                           GError          **error);
gint64      relance_desk_add_note         (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           RelanceDay        date,
                                           const char       *text,
                                           GError          **error);

/* Customers */

gboolean    relance_desk_update_customer  (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           const RelanceCustomerFields *fields,
                                           gint64            credit_limit,
                                           GError          **error);

gboolean    relance_desk_set_archived     (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           gboolean          archived,
                                           GError          **error);
gboolean    relance_desk_delete_customer  (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           gboolean         *archived_instead,
                                           GError          **error);

/* Invoices */

RelanceDay  relance_desk_propose_due_date (RelanceDay        issue_date,
                                           int               payment_terms);
gboolean    relance_desk_terms_exceed_cap (RelanceDay        issue_date,
                                           RelanceDay        due_date);
gboolean    relance_desk_number_is_free   (RelanceDatabase  *db,
                                           const char       *number,
                                           gint64            except_invoice_id);
gboolean    relance_desk_get_invoice      (RelanceDatabase  *db,
                                           gint64            invoice_id,
                                           RelanceInvoiceFields *fields,
                                           char            **customer_code,
                                           char            **number,
                                           gint64           *allocated,
                                           GError          **error);
gboolean    relance_desk_update_invoice   (RelanceDatabase  *db,
                                           gint64            invoice_id,
                                           const RelanceInvoiceFields *fields,
                                           GError          **error);
gboolean    relance_desk_delete_invoice   (RelanceDatabase  *db,
                                           gint64            invoice_id,
                                           GError          **error);

/* Payments and credit notes */

GPtrArray  *relance_desk_propose_allocation (RelanceDatabase *db,
                                             gint64           customer_id,
                                             gint64           amount,
                                             GError         **error);
gint64      relance_desk_add_payment      (RelanceDatabase  *db,
                                           gint64            customer_id,
                                           RelanceDay        date,
                                           gint64            amount,
                                           const char       *method,
                                           const char       *reference,
                                           GPtrArray        *allocations,
                                           GError          **error);
gboolean    relance_desk_allocate_payment (RelanceDatabase  *db,
                                           gint64            payment_id,
                                           RelanceDay        date,
                                           GPtrArray        *allocations,
                                           GError          **error);
GPtrArray  *relance_desk_list_payment_allocations (RelanceDatabase *db,
                                                   gint64           payment_id,
                                                   GError         **error);
gboolean    relance_desk_delete_payment   (RelanceDatabase  *db,
                                           gint64            payment_id,
                                           GError          **error);
gboolean    relance_desk_apply_credit_note (RelanceDatabase *db,
                                            gint64           credit_note_id,
                                            RelanceDay       date,
                                            GPtrArray       *allocations,
                                            GError         **error);

/* Disputes */

gint64      relance_desk_open_dispute     (RelanceDatabase  *db,
                                           gint64            invoice_id,
                                           gint64            cause_id,
                                           gint64            amount,
                                           RelanceDay        date,
                                           const char       *description,
                                           GError          **error);
gboolean    relance_desk_resolve_dispute  (RelanceDatabase  *db,
                                           gint64            dispute_id,
                                           RelanceDay        date,
                                           const char       *resolution,
                                           const char       *credit_note_number,
                                           gint64            credit_note_amount,
                                           GError          **error);
gboolean    relance_desk_cancel_dispute   (RelanceDatabase  *db,
                                           gint64            dispute_id,
                                           RelanceDay        date,
                                           const char       *note,
                                           GError          **error);
gboolean    relance_desk_reopen_dispute   (RelanceDatabase  *db,
                                           gint64            dispute_id,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCustomerDetails, relance_customer_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDisputeRow, relance_dispute_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePaymentRow, relance_payment_row_free)

G_END_DECLS
