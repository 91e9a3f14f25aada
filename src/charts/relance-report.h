/* relance-report.h
 *
 * The credit report: a PDF for management with a title page (company,
 * period, date) and each chart on its own A4 page above a table of its
 * numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;       /* "Credit Report" */
  const char *company;     /* (nullable) the user's firm */
  const char *period;      /* "1 Dec 2025 – 23 Nov 2026" */
  const char *date;        /* the day it was made, as people write it */
} RelanceReportInfo;

gboolean relance_report_write_pdf (const char              *path,
                                   const RelanceReportInfo *info,
                                   RelanceChart * const    *charts,
                                   guint                    n_charts,
                                   GError                 **error);

G_END_DECLS
