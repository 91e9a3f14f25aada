/* relance-ledger-private.h
 *
 * The ledger as it stood at the end of a day D: what the lists, balances,
 * worklist, penalties and letters read when they are seen from D. An item
 * counts on D when it was issued, paid, allocated, disputed or done on or
 * before D, like relance_ledger_aged_balance().
 *
 * The fragments below read D from the parameter ?1 and name the invoice
 * (or credit note) "i". The stored columns (invoices.allocated,
 * disputes.status) say how things stand after everything recorded: when
 * _relance_ledger_dated_after() says nothing is dated after D, they are
 * the figures at D and the quicker ones to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

/* What was allocated to invoice i after ?1, by payments or credit notes
 * (or, for a credit note i, what it settled after ?1). Reads covering
 * indexes only. */
#define _RELANCE_SQL_ALLOCATED_AFTER \
  "(coalesce ((SELECT sum (a.amount) FROM allocations a" \
  "   WHERE a.invoice_id = i.id AND a.date > ?1), 0)" \
  " + CASE WHEN i.kind = 'credit_note' THEN coalesce ((SELECT sum (a.amount) FROM allocations a" \
  "   WHERE a.credit_note_id = i.id AND a.date > ?1), 0) ELSE 0 END)"

/* What was allocated to invoice i by the end of ?1: nothing to look up
 * for an invoice nothing was ever allocated to, or one settled in full by
 * then (its settled_date, kept by the allocation triggers). */
#define _RELANCE_SQL_ALLOCATED_AT \
  "(CASE WHEN i.allocated = 0 THEN 0 WHEN i.settled_date <= ?1 THEN i.allocated" \
  " ELSE i.allocated - " _RELANCE_SQL_ALLOCATED_AFTER " END)"

/* Invoice i, issued by ?1, was open at the end of ?1: it is open now, or
 * was settled after ?1 (the open items of relance_ledger_aged_balance()).
 * Its contrary, settled by ?1. */
#define _RELANCE_SQL_OPEN_AT "(i.allocated < i.amount OR i.settled_date > ?1)"
#define _RELANCE_SQL_SETTLED_AT "(i.allocated = i.amount AND i.settled_date <= ?1)"

/* A dispute d open at the end of ?1: opened by then, and not resolved or
 * cancelled by then. */
#define _RELANCE_SQL_DISPUTE_OPEN_AT \
  "(d.opened_on <= ?1 AND (d.resolved_on IS NULL OR d.resolved_on > ?1))"

/* Invoice i has a dispute open at the end of ?1. */
#define _RELANCE_SQL_DISPUTED_AT \
  "EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND " _RELANCE_SQL_DISPUTE_OPEN_AT ")"

gboolean _relance_ledger_amounts_after  (RelanceDatabase  *db,
                                         RelanceDay        day,
                                         gboolean         *after,
                                         GError          **error);
gboolean _relance_ledger_disputes_after (RelanceDatabase  *db,
                                         RelanceDay        day,
                                         gboolean         *after,
                                         GError          **error);

G_END_DECLS
