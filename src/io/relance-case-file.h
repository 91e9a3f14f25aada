/* relance-case-file.h
 *
 * A customer's case file, handed over to an agency or a lawyer when
 * amicable collection fails: a folder with the statement of account, the
 * invoices still open, the history of actions, the disputes and the
 * letters sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-import.h"

G_BEGIN_DECLS

gboolean relance_case_file_write (RelanceDatabase  *db,
                                  const char       *customer_code,
                                  const char       *dir,
                                  RelanceDay        today,
                                  GError          **error);

G_END_DECLS
