/* relance-proceedings-private.h
 *
 * What the rest of the model asks of a customer's insolvency proceedings
 * (relance-proceedings.h): the day of the judgment that governs a day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

/* The day of the latest judgment opening proceedings against @customer_id
 * on or before @date, in @judgment; 0 when none. The debts born before it
 * are not reminded and their interest stops on its day. */
gboolean _relance_proceedings_get_judgment (RelanceDatabase  *db,
                                            gint64            customer_id,
                                            RelanceDay        date,
                                            RelanceDay       *judgment,
                                            GError          **error);

G_END_DECLS
