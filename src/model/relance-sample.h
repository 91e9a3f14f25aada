/* relance-sample.h
 *
 * The sample company: a French SME's receivables, generated the same way
 * every time for a given seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_customers;   /* 150 for the sample company */
  guint      n_invoices;    /* 3,000 */
  guint64    seed;
  RelanceDay today;         /* the ledger ends the day before */
} RelanceSampleOptions;

void     relance_sample_options_init (RelanceSampleOptions  *options,
                                      RelanceDay             today);
gboolean relance_sample_generate     (RelanceDatabase       *db,
                                      const RelanceSampleOptions *options,
                                      GError               **error);

G_END_DECLS
