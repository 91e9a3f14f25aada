/* relance-stats.h
 *
 * The figures of the dashboard: disputes by cause and how long they take,
 * the backlog by department, the aged balance by segment, DSO, and what
 * was collected against what was promised. Queries over the ledger only;
 * money stays in cents, durations are days or tenths of a day, shares are
 * basis points (1 % = 100).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"
#include "relance-ledger.h"

G_BEGIN_DECLS

/* What a dashboard looks at: the days [from, to], both included, and the
 * customers of one segment, or all of them when segment_id is 0. */
typedef struct
{
  RelanceDay from;
  RelanceDay to;
  gint64     segment_id;
} RelanceStatsQuery;

/* How long resolved disputes took, in days: 0-7, 8-15, 16-30, 31-60, >60. */
typedef enum
{
  RELANCE_RESOLUTION_0_7,
  RELANCE_RESOLUTION_8_15,
  RELANCE_RESOLUTION_16_30,
  RELANCE_RESOLUTION_31_60,
  RELANCE_RESOLUTION_OVER_60,
  RELANCE_RESOLUTION_N_BUCKETS
} RelanceResolutionBucket;

/* "No value": a cause with no resolved dispute has no median. */
#define RELANCE_STATS_NONE (-1)

typedef struct
{
  char   *code;
  char   *label;
  char   *department;
  char   *colour;             /* "#rrggbb" */

  /* The disputes opened in the period (cancelled ones left out). */
  guint   count;
  gint64  amount;
  guint   count_share;        /* basis points of all the period's disputes */
  guint   amount_share;       /* basis points of their amount */
  guint   open;               /* of those, still open at the end of the period */

  /* Those resolved by the end of the period: days from opened to resolved. */
  guint   resolved;
  int     median_tenths;      /* RELANCE_STATS_NONE when resolved is 0 */
  int     mean_tenths;
  int     p90_days;           /* nearest rank */
  int     min_days;
  int     q1_days;            /* nearest rank */
  int     q3_days;
  int     max_days;
  guint   buckets[RELANCE_RESOLUTION_N_BUCKETS];
} RelanceCauseStats;

typedef struct
{
  RelanceDay start;           /* the first day of the month, or from */
  RelanceDay end;             /* the last day of the month, or to */
  guint      opened;
  guint      resolved;        /* resolved or cancelled in the month */
  guint      backlog;         /* open at the end of the day @end */
  gint64     backlog_amount;
} RelanceDisputeMonth;

typedef struct
{
  char   *department;
  guint   open;               /* open at the end of the period */
  gint64  amount;
} RelanceDepartmentBacklog;

typedef struct
{
  RelanceStatsQuery  query;
  GPtrArray         *causes;        /* RelanceCauseStats, in the causes' order */
  GArray            *months;        /* RelanceDisputeMonth */
  GPtrArray         *departments;   /* RelanceDepartmentBacklog, by first cause */
  guint              count;
  gint64             amount;
  guint              open;
} RelanceDisputeStats;

typedef struct
{
  char   *segment;            /* "" for customers in no segment */
  gint64  buckets[RELANCE_AGE_N_BUCKETS];
  gint64  total;
} RelanceSegmentAged;

typedef struct
{
  RelanceDay  at;
  gint64      buckets[RELANCE_AGE_N_BUCKETS];
  gint64      total;
  GPtrArray  *segments;       /* RelanceSegmentAged, by name */
} RelanceAgedStats;

typedef struct
{
  RelanceDay start;
  RelanceDay end;
  gint64     receivables;     /* open at the end of the day @end */
  gint64     sales_90;        /* invoiced less credit notes, 90 days to @end */
  int        dso_tenths;      /* RELANCE_STATS_NONE without sales */
  gint64     collected;       /* payments received in the month */
  gint64     promised;        /* promises falling due in the month */
  gint64     promised_kept;   /* of those, the ones marked kept */
} RelanceReceivablesMonth;

typedef struct
{
  gint64  id;
  char   *name;
} RelanceSegmentInfo;

gboolean             relance_stats_query_check          (const RelanceStatsQuery  *query,
                                                         GError                  **error);
guint                relance_stats_n_months             (const RelanceStatsQuery  *query);

RelanceDisputeStats *relance_stats_disputes             (RelanceDatabase          *db,
                                                         const RelanceStatsQuery  *query,
                                                         GError                  **error);
void                 relance_dispute_stats_free         (RelanceDisputeStats      *stats);

RelanceAgedStats    *relance_stats_aged_balance         (RelanceDatabase          *db,
                                                         RelanceDay                at,
                                                         gint64                    segment_id,
                                                         GError                  **error);
void                 relance_aged_stats_free            (RelanceAgedStats         *stats);

GArray              *relance_stats_receivables          (RelanceDatabase          *db,
                                                         const RelanceStatsQuery  *query,
                                                         GError                  **error);

GPtrArray           *relance_stats_list_segments        (RelanceDatabase          *db,
                                                         GError                  **error);
void                 relance_segment_info_free          (RelanceSegmentInfo       *info);

RelanceResolutionBucket relance_resolution_bucket_for   (int                       days);
char                *relance_stats_get_company_name     (RelanceDatabase          *db,
                                                         GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceDisputeStats, relance_dispute_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceAgedStats, relance_aged_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceSegmentInfo, relance_segment_info_free)

G_END_DECLS
