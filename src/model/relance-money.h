/* relance-money.h
 *
 * Money is always a gint64 count of cents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ten thousand billion euros: well past any ledger, far from overflow. */
#define RELANCE_MONEY_MAX G_GINT64_CONSTANT (1000000000000000)

gboolean  relance_money_parse       (const char  *text,
                                     gint64      *cents,
                                     GError     **error);
char     *relance_money_to_decimal  (gint64       cents);
gint64    relance_money_scale       (gint64       cents,
                                     gint64       numerator,
                                     gint64       denominator);

G_END_DECLS
