/* relance-ledger-view.h
 *
 * One of the window's three lists (customers, invoices or disputes): a
 * search entry over a GtkColumnView of a RelanceListModel. Searching and
 * sorting by the column headers are done by the model, in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "relance-list-model.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_LEDGER_VIEW (relance_ledger_view_get_type ())

G_DECLARE_FINAL_TYPE (RelanceLedgerView, relance_ledger_view, RELANCE, LEDGER_VIEW, GtkWidget)

GtkWidget        *relance_ledger_view_new               (const char        *kind);
const char       *relance_ledger_view_get_kind          (RelanceLedgerView *self);
RelanceListKind   relance_ledger_view_get_list_kind     (RelanceLedgerView *self);
RelanceListModel *relance_ledger_view_get_model         (RelanceLedgerView *self);
void              relance_ledger_view_set_model         (RelanceLedgerView *self,
                                                         RelanceListModel  *model);
GtkColumnView    *relance_ledger_view_get_column_view   (RelanceLedgerView *self);
GtkSearchEntry   *relance_ledger_view_get_search_entry  (RelanceLedgerView *self);
void              relance_ledger_view_show_cause        (RelanceLedgerView *self,
                                                         const char        *cause);
void              relance_ledger_view_focus_search      (RelanceLedgerView *self);

G_END_DECLS
