/* relance-ledger.h
 *
 * The writes a user makes on the ledger, each checked and applied whole or
 * not at all, and the figures derived from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *name;
  const char *address;
  const char *postcode;
  const char *city;
  const char *country;      /* ISO 3166 alpha-2, "FR" if NULL */
  const char *language;     /* "fr" if NULL */
  const char *email;
  const char *phone;
  const char *siren;
  const char *segment;      /* created if it does not exist yet */
  int         payment_terms;  /* days; -1 for the default (30) */
} RelanceCustomerFields;

typedef struct
{
  const char *customer_code;
  const char *number;
  RelanceDay  issue_date;
  RelanceDay  due_date;
  gint64      amount;       /* positive, also for a credit note */
  gboolean    credit_note;
} RelanceInvoiceFields;

typedef enum
{
  RELANCE_AGE_NOT_DUE,
  RELANCE_AGE_1_30,
  RELANCE_AGE_31_60,
  RELANCE_AGE_61_90,
  RELANCE_AGE_OVER_90,
  RELANCE_AGE_N_BUCKETS
} RelanceAgeBucket;

/* The upper bounds, in days overdue, of the buckets 1-30, 31-60, 61-90. */
#define RELANCE_AGE_LIMIT_1 30
#define RELANCE_AGE_LIMIT_2 60
#define RELANCE_AGE_LIMIT_3 90

typedef struct
{
  gint64  customer_id;
  char   *code;
  char   *name;
  gint64  buckets[RELANCE_AGE_N_BUCKETS];
  gint64  total;
} RelanceAgedRow;

void            relance_aged_row_free               (RelanceAgedRow         *row);
RelanceAgeBucket relance_age_bucket_for             (RelanceDay              due_date,
                                                     RelanceDay              at);

gint64          relance_ledger_add_customer         (RelanceDatabase        *db,
                                                     const RelanceCustomerFields *fields,
                                                     GError                **error);
gint64          relance_ledger_find_customer        (RelanceDatabase        *db,
                                                     const char             *code,
                                                     GError                **error);
gint64          relance_ledger_add_invoice          (RelanceDatabase        *db,
                                                     const RelanceInvoiceFields *fields,
                                                     GError                **error);
gint64          relance_ledger_add_payment          (RelanceDatabase        *db,
                                                     const char             *customer_code,
                                                     RelanceDay              date,
                                                     gint64                  amount,
                                                     const char * const     *invoice_numbers,
                                                     const char             *method,
                                                     const char             *reference,
                                                     GError                **error);
gint64          relance_ledger_open_dispute         (RelanceDatabase        *db,
                                                     const char             *invoice_number,
                                                     const char             *cause_code,
                                                     gint64                  amount,
                                                     RelanceDay              date,
                                                     const char             *description,
                                                     GError                **error);
gboolean        relance_ledger_resolve_dispute      (RelanceDatabase        *db,
                                                     const char             *invoice_number,
                                                     RelanceDay              date,
                                                     const char             *resolution,
                                                     GError                **error);
gboolean        relance_ledger_get_customer_balance (RelanceDatabase        *db,
                                                     gint64                  customer_id,
                                                     gint64                 *balance,
                                                     GError                **error);
GPtrArray      *relance_ledger_aged_balance         (RelanceDatabase        *db,
                                                     RelanceDay              at,
                                                     GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgedRow, relance_aged_row_free)

G_END_DECLS
