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
 * Each invoice's interest is also told period by period: one
 * RelanceInterestPeriod per run of days with the same rate and the same
 * balance (a change of the ECB rate, or a payment, starts a new period;
 * a new row of the rate table with the same rate does not),
 * so that every line can be checked by hand: balance × rate × days / 365.
 * The periods add up exactly to the invoice's interest: the interest of
 * period k is round (S1 + … + Sk) − round (S1 + … + Sk−1), where Si is the
 * exact interest of period i and round() the rule above. Each period is
 * thus its own exact interest rounded up or down (one cent at most away
 * from rounding it alone), and their sum telescopes to round (S1 + … + Sn),
 * the invoice's interest.
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

/* Days of lateness bearing interest on the same balance at the same rate. */
typedef struct
{
  RelanceDay  from;          /* the first day, included */
  RelanceDay  to;            /* the last day, included */
  int         days;          /* to - from + 1 */
  gint64      balance;       /* cents bearing interest each of these days */
  int         rate;          /* basis points: ECB rate of these days + margin */
  gint64      interest;      /* cents; the periods of an invoice add up to its interest */
} RelanceInterestPeriod;

typedef struct
{
  gint64      invoice_id;
  char       *number;
  RelanceDay  issue_date;
  RelanceDay  due_date;
  gint64      amount;
  gint64      open;          /* at the date asked; 0 when paid late in full */
  RelanceDay  paid_on;       /* the day it was paid in full, after its due date; 0 while open */
  int         days_late;     /* to the date asked, or to paid_on */
  int         rate;          /* basis points on the last day late (rate + margin) */
  gint64      interest;
  gint64      indemnity;
  gboolean    disputed;      /* under a dispute open on the date asked: shown, not claimed */
  GArray     *periods;       /* RelanceInterestPeriod, the oldest first; sum of interest = interest */
} RelancePenaltyLine;

typedef struct
{
  GPtrArray  *lines;          /* RelancePenaltyLine: every invoice late on the date asked,
                               * still open or paid late, disputed or not, oldest due first */
  /* What is claimed: the lines not disputed */
  gint64      open;           /* their open balance */
  gint64      interest;
  gint64      indemnity;
  gint64      total;          /* open + interest + indemnity */
  guint       n_claimed;      /* lines not disputed (each owes an indemnity) */
  guint       n_paid_late;    /* of them, paid in full (late) by the date asked */
  /* Shown apart, not claimed while the dispute is open */
  guint       n_disputed;
  gint64      disputed_open;
  gint64      disputed_interest;
  gint64      disputed_indemnity;
  int         margin;         /* basis points used above the ECB rate */
  gboolean    eu_customer;    /* the directive's margin was used */
  RelanceDay  rates_known_until; /* 0 if the table covers every day; else the last day a published rate covers */
  int         rate;           /* basis points in force on the date asked: ECB rate + margin */
  RelanceDay  judgment;       /* insolvency proceedings opened on or before the date asked: the
                               * interest of the invoices issued before it stops on its day; 0: none */
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

/* The same reckoning told period by period (see the top of this file):
 * RelanceInterestPeriod, the oldest first, empty when nothing is owed.
 * The interest of the periods adds up to relance_penalties_interest()
 * exactly. */
GArray     *relance_penalties_interest_periods (gint64           amount,
                                                RelanceDay       due_date,
                                                const RelanceSettlement *settlements,
                                                guint            n_settlements,
                                                GPtrArray       *ecb_rates,
                                                int              margin,
                                                RelanceDay       date);

/* What a customer owes on @date beyond its invoices, the one rule that
 * relance-cli penalties, the customer page and letters all show. Seen on
 * @date: only invoices issued, allocations dated and disputes opened on or
 * before @date count (a dispute resolved after @date is still open then).
 *
 * Listed: every invoice late on @date, that is due before @date and not
 * settled by its due date: still open on @date (interest up to @date), or
 * paid in full after its due date (interest up to the day it was paid;
 * paying late does not erase it). Each owes the ledger's indemnity
 * (L441-10: owed as soon as the invoice is late, whatever was paid since).
 * An invoice under a dispute open on @date is listed with disputed set:
 * its figures are in the disputed_* totals, not in what is claimed.
 * Unknown customer: RELANCE_ERROR_NOT_FOUND. */
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
