/* relance-date.h
 *
 * A day is stored as its Julian day number as GDate counts it
 * (1 January of year 1 is day 1): an integer that sorts and subtracts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint32 RelanceDay;

#define RELANCE_DAY_NONE 0

gboolean    relance_day_parse       (const char  *text,
                                     RelanceDay  *day,
                                     GError     **error);
gboolean    relance_day_parse_compact (const char  *text,
                                     RelanceDay  *day,
                                     GError     **error);
char       *relance_day_to_iso      (RelanceDay   day);
RelanceDay  relance_day_from_dmy    (guint        d,
                                     guint        m,
                                     guint        y);
void        relance_day_to_dmy      (RelanceDay   day,
                                     guint       *d,
                                     guint       *m,
                                     guint       *y);
RelanceDay  relance_day_add_months  (RelanceDay   day,
                                     guint        months);
RelanceDay  relance_day_today_local (void);
gboolean    relance_day_is_valid    (RelanceDay   day);

G_END_DECLS
