/* relance-penalties.h
 *
 * Late-payment penalties (DOMAIN.md, French rules): interest from the day
 * after the due date, day by day on the balance still open that day, at
 * the ECB refinancing rate of the half-year plus a margin (10 points by
 * default; the directive's 8 points for customers elsewhere in the EU),
 * from a dated rate table the user keeps; and the fixed recovery indemnity
 * (40 EUR) once per late invoice, whatever was paid since. Also the
 * ledger's collection settings (margins, indemnity, promise grace days).
 *
 * Rates are basis points (1215 = 12.15 %). Interest uses a 365-day year
 * and is rounded once per invoice, half away from zero, to the cent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_RATE_ECB,    /* ECB main refinancing rate in force on 1 January / 1 July */
  RELANCE_RATE_LEGAL,  /* French legal interest rate, professional creditors */
} RelanceRateKind;

typedef struct
{
  gint64           id;
  RelanceRateKind  kind;
  RelanceDay       valid_from;
  int              rate;        /* basis points */
} RelanceRate;

typedef struct
{
  int     interest_margin;     /* basis points above the ECB rate: 1000 */
  int     eu_interest_margin;  /* for customers in another EU country: 800 */
  gint64  indemnity;           /* cents per late invoice: 4000 */
  int     promise_grace_days;  /* days after a promised date before it is broken: 3 */
} RelanceCollectionSettings;

/* A balance change of an invoice: a payment or credit note allocated on a day. */
typedef struct
{
  RelanceDay  date;
  gint64      amount;
} RelanceSettlement;

typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  issue_date;
  RelanceDay  due_date;
  gint64      amount;
  gint64      open;          /* at the date asked */
  int         days_late;
  int         rate;          /* basis points in force on the date asked (rate + margin) */
  gint64      interest;
  gint64      indemnity;
} RelancePenaltyLine;

typedef struct
{
  GPtrArray  *lines;          /* RelancePenaltyLine: the customer's open invoices past due */
  gint64      open;
  gint64      interest;
  gint64      indemnity;
  gint64      total;          /* open + interest + indemnity */
  int         margin;         /* basis points used above the ECB rate */
  gboolean    eu_customer;    /* the directive's margin was used */
  RelanceDay  rates_known_until; /* 0 if the table covers every day; else the last day a published rate covers */
  int         rate;           /* basis points in force on the date asked: ECB rate + margin */
} RelancePenalties;

void        relance_rate_free                (RelanceRate       *rate);
void        relance_penalty_line_free        (RelancePenaltyLine *line);
void        relance_penalties_free           (RelancePenalties  *penalties);

const char *relance_rate_kind_to_string      (RelanceRateKind    kind);

/* The rate table */
GPtrArray  *relance_rates_list               (RelanceDatabase   *db,
                                              RelanceRateKind    kind,
                                              GError           **error);
gboolean    relance_rates_set                (RelanceDatabase   *db,
                                              RelanceRateKind    kind,
                                              RelanceDay         valid_from,
                                              int                rate,
                                              GError           **error);
gboolean    relance_rates_remove             (RelanceDatabase   *db,
                                              gint64             rate_id,
                                              GError           **error);

/* Settings of the ledger */
gboolean    relance_collection_settings_get  (RelanceDatabase   *db,
                                              RelanceCollectionSettings *settings,
                                              GError           **error);
gboolean    relance_collection_settings_set  (RelanceDatabase   *db,
                                              const RelanceCollectionSettings *settings,
                                              GError           **error);

/* The computation, without a database: the interest owed on @date for an
 * invoice of @amount due on @due_date, settled by @settlements (in any
 * order), at the rates of @ecb_rates (RelanceRate, sorted by valid_from
 * as relance_rates_list() gives them; may be empty) plus @margin.
 *
 * The rule: each day d from @due_date + 1 to @date included bears
 * interest on the balance of day d, that is @amount less the settlements
 * dated before d. The day a payment is dated still bears interest on what
 * it pays, so a payment n days after the due date costs n days, as many as
 * it is late; a payment on the due date costs nothing. The rate of day d
 * is the ECB rate of the latest row with valid_from <= d (the first row
 * for the days before it) plus @margin. The exact sum of balance × rate ×
 * days is divided once by 365 × 10 000 and rounded half away from zero to
 * the cent. 0 when @date <= @due_date or nothing is open. */
gint64      relance_penalties_interest       (gint64             amount,
                                              RelanceDay         due_date,
                                              const RelanceSettlement *settlements,
                                              guint              n_settlements,
                                              GPtrArray         *ecb_rates,
                                              int                margin,
                                              RelanceDay         date);

/* What a customer owes on @date: every invoice past due (due_date < @date)
 * still open on @date, with its interest and indemnity. "Open on @date" is
 * the amount less the payments and credit notes allocated to it on @date or
 * before; later allocations are ignored. Invoices settled in full by @date
 * are not listed. Unknown customer: RELANCE_ERROR_NOT_FOUND. */
RelancePenalties *relance_penalties_compute  (RelanceDatabase   *db,
                                              gint64             customer_id,
                                              RelanceDay         date,
                                              GError           **error);

/* Whether @country (ISO 3166 alpha-2) is a member state of the EU other
 * than France: the directive's margin applies to its customers. */
gboolean    relance_penalties_is_other_eu_country (const char   *country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceRate, relance_rate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePenaltyLine, relance_penalty_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelancePenalties, relance_penalties_free)

G_END_DECLS
