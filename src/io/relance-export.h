/* relance-export.h
 *
 * The open items and the aged balance as CSV for a spreadsheet or an
 * agency: UTF-8, ';' separated, amounts with a decimal point or, by option,
 * a decimal comma. The open items file imports back as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

gboolean relance_export_open_items   (RelanceDatabase  *db,
                                      const char       *path,
                                      gboolean          french_decimals,
                                      GError          **error);
gboolean relance_export_open_items_at (RelanceDatabase *db,
                                      RelanceDay        at,
                                      const char       *path,
                                      gboolean          french_decimals,
                                      GError          **error);
gboolean relance_export_aged_balance (RelanceDatabase  *db,
                                      RelanceDay        at,
                                      const char       *path,
                                      gboolean          french_decimals,
                                      GError          **error);

G_END_DECLS
