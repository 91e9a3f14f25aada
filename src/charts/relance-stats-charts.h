/* relance-stats-charts.h
 *
 * The dashboard's charts, made from the figures of relance-stats.h. The
 * caller reads the figures (relance_stats_chart_needs() says which) and
 * says how to write money and months for people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-chart.h"
#include "relance-stats.h"

G_BEGIN_DECLS

typedef struct
{
  char *(*money) (gint64     cents);     /* "1 234,56 €" */
  char *(*month) (RelanceDay first_day); /* "nov. 2026" */
} RelanceStatsFormat;

typedef enum
{
  RELANCE_STATS_NEED_DISPUTES    = 1 << 0,
  RELANCE_STATS_NEED_AGED        = 1 << 1,
  RELANCE_STATS_NEED_RECEIVABLES = 1 << 2,
} RelanceStatsNeeds;

/* The figures a chart is made of; what a chart does not need may be NULL. */
typedef struct
{
  RelanceDisputeStats *disputes;
  RelanceAgedStats    *aged;
  GArray              *receivables;   /* RelanceReceivablesMonth */
} RelanceStatsData;

const RelanceStatsFormat *relance_stats_format_plain    (void);
const char * const       *relance_stats_chart_names     (void);
gboolean                  relance_stats_chart_find      (const char                *name,
                                                         RelanceStatsNeeds         *needs,
                                                         GError                   **error);
RelanceChart             *relance_stats_chart_new       (const char                *name,
                                                         const RelanceStatsData    *data,
                                                         const RelanceStatsFormat  *format);

G_END_DECLS
