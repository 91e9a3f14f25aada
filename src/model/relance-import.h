/* relance-import.h
 *
 * What an import brings, as plain records that the parsers of src/io/ fill
 * without knowing SQL, and how it is applied to the ledger: in one
 * transaction, idempotently (invoices match on number, customers on code or
 * SIREN), never deleting history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_IMPORT_CSV,
  RELANCE_IMPORT_FEC,
  RELANCE_IMPORT_FACTURX,
} RelanceImportSource;

/* A row that could not be read or applied: file, line, column, reason. */
typedef struct
{
  char  *file;     /* the file's display name */
  guint  line;     /* 1-based line where the record starts; 0: the whole file */
  char  *column;   /* the column's header, or NULL */
  char  *reason;   /* in the user's words */
} RelanceImportProblem;

typedef struct
{
  guint  line;
  char  *code;           /* may be NULL when siren is set (Factur-X) */
  char  *name;
  char  *siren;
  char  *address;
  char  *postcode;
  char  *city;
  char  *country;
  char  *email;
  int    payment_terms;  /* days; -1 unknown */
} RelanceImportCustomer;

typedef struct
{
  guint       line;
  char       *number;
  char       *customer_code;  /* a customer of the ledger or of the batch */
  RelanceDay  issue_date;
  RelanceDay  due_date;       /* RELANCE_DAY_NONE: from the customer's payment terms */
  gint64      amount;         /* > 0, also for a credit note */
  gint64      open;           /* what the file says is still open; -1 unknown */
  gboolean    credit_note;
  char       *currency;       /* NULL: EUR */
  char       *source_ref;
} RelanceImportInvoice;

typedef struct
{
  guint       line;
  char       *customer_code;
  char       *reference;      /* the payment's identity across re-imports */
  RelanceDay  date;
  gint64      amount;         /* > 0 */
} RelanceImportPayment;

/* Part of a payment or a credit note settling an invoice (lettrage). */
typedef struct
{
  guint       line;
  char       *invoice_number;
  char       *payment_reference;   /* one of these two */
  char       *credit_note_number;
  char       *customer_code;
  RelanceDay  date;
  gint64      amount;
} RelanceImportAllocation;

typedef struct
{
  RelanceImportSource  source;
  char                *file;           /* display name */
  int                  default_terms;  /* days, for new customers without terms */
  GPtrArray           *customers;      /* RelanceImportCustomer */
  GPtrArray           *invoices;       /* RelanceImportInvoice */
  GPtrArray           *payments;       /* RelanceImportPayment */
  GPtrArray           *allocations;    /* RelanceImportAllocation */
  GPtrArray           *problems;       /* RelanceImportProblem */
  guint                n_records;      /* rows read, header excluded */
} RelanceImportBatch;

typedef struct
{
  guint      customers_new;
  guint      customers_updated;
  guint      invoices_new;
  guint      invoices_updated;
  guint      invoices_unchanged;
  guint      credit_notes_new;
  guint      payments_new;
  guint      allocations_new;
  guint      rows_in_error;
  gboolean   written;          /* FALSE after a dry run or a refusal */
  GPtrArray *problems;         /* RelanceImportProblem: parse and apply errors */
  GPtrArray *warnings;         /* RelanceImportProblem: kept as they were */
} RelanceImportSummary;

typedef enum
{
  RELANCE_IMPORT_APPLY          = 0,
  RELANCE_IMPORT_DRY_RUN        = 1 << 0,  /* compute the summary, write nothing */
  RELANCE_IMPORT_SKIP_BAD_ROWS  = 1 << 1,  /* else any bad row: nothing written */
} RelanceImportFlags;

RelanceImportBatch   *relance_import_batch_new        (RelanceImportSource      source,
                                                       const char              *file);
void                  relance_import_batch_free       (RelanceImportBatch      *batch);
void                  relance_import_batch_add_problem (RelanceImportBatch     *batch,
                                                       guint                    line,
                                                       const char              *column,
                                                       const char              *format,
                                                       ...) G_GNUC_PRINTF (4, 5);
RelanceImportCustomer   *relance_import_batch_add_customer   (RelanceImportBatch *batch);
RelanceImportInvoice    *relance_import_batch_add_invoice    (RelanceImportBatch *batch);
RelanceImportPayment    *relance_import_batch_add_payment    (RelanceImportBatch *batch);
RelanceImportAllocation *relance_import_batch_add_allocation (RelanceImportBatch *batch);

void                  relance_import_problem_free     (RelanceImportProblem    *problem);
char                 *relance_import_problem_to_string (const RelanceImportProblem *problem);

void                  relance_import_summary_clear    (RelanceImportSummary    *summary);

gboolean              relance_import_apply            (RelanceDatabase         *db,
                                                       RelanceImportBatch      *batch,
                                                       RelanceImportFlags       flags,
                                                       RelanceDay               today,
                                                       RelanceImportSummary    *summary,
                                                       GError                 **error);

/* Called now and then while an import is applied (from the applying
 * thread): @done of @total records gone through. */
typedef void (*RelanceImportProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

gboolean              relance_import_apply_full       (RelanceDatabase         *db,
                                                       RelanceImportBatch      *batch,
                                                       RelanceImportFlags       flags,
                                                       RelanceDay               today,
                                                       GCancellable            *cancellable,
                                                       RelanceImportProgressFunc progress,
                                                       gpointer                 progress_data,
                                                       RelanceImportSummary    *summary,
                                                       GError                 **error);

/* Remembered CSV column mappings ("field=Header;field=Header"). */
char                 *relance_import_lookup_mapping   (RelanceDatabase         *db,
                                                       const char              *name,
                                                       const char              *signature,
                                                       GError                 **error);
gboolean              relance_import_save_mapping     (RelanceDatabase         *db,
                                                       const char              *name,
                                                       const char              *signature,
                                                       const char              *mapping,
                                                       GError                 **error);

/* One open item, for exports. */
typedef struct
{
  char       *customer_code;
  char       *customer_name;
  char       *number;
  gboolean    credit_note;
  RelanceDay  issue_date;
  RelanceDay  due_date;
  gint64      amount;
  gint64      open;           /* negative for a credit note */
  char       *currency;
} RelanceOpenItem;

void                  relance_open_item_free          (RelanceOpenItem         *item);
GPtrArray            *relance_import_list_open_items  (RelanceDatabase         *db,
                                                       GError                 **error);
GPtrArray            *relance_import_list_open_items_at (RelanceDatabase       *db,
                                                       RelanceDay               at,
                                                       GError                 **error);

/* A customer's case file, for an agency or a lawyer. */
typedef struct
{
  RelanceDay  date;
  const char *kind;         /* "invoice", "credit_note", "payment" (static) */
  char       *reference;    /* number, or the payment's reference */
  RelanceDay  due_date;     /* invoices and credit notes */
  gint64      debit;
  gint64      credit;
  gint64      open;         /* invoices and credit notes: what is still open */
} RelanceStatementLine;

typedef struct
{
  RelanceDay  date;
  char       *kind;
  char       *who;
  char       *contact;
  char       *outcome;
  char       *summary;
  char       *invoices;      /* the numbers concerned, ", " separated */
  char       *document_name;
  GBytes     *document;      /* nullable: the letter sent */
} RelanceCaseAction;

typedef struct
{
  char      *code;
  char      *name;
  char      *siren;
  char      *address;
  char      *postcode;
  char      *city;
  char      *country;
  char      *email;
  char      *phone;
  GPtrArray *lines;      /* RelanceStatementLine, by date */
  GPtrArray *actions;    /* RelanceCaseAction, by date */
  GPtrArray *disputes;   /* GStrv: invoice, cause, label, amount, opened, resolved,
                          * status, description, resolution */
} RelanceCaseFile;

RelanceCaseFile      *relance_import_collect_case_file (RelanceDatabase       *db,
                                                        const char            *customer_code,
                                                        GError               **error);
void                  relance_case_file_free          (RelanceCaseFile         *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCaseFile, relance_case_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceImportBatch, relance_import_batch_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RelanceImportSummary, relance_import_summary_clear)

G_END_DECLS
