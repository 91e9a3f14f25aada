/* relance-list-model.h
 *
 * A GListModel over a ledger table that never holds the whole table: the
 * sorted and filtered ids are read in one SQL query, the rows are read by
 * page when a list asks for them (Sysprof's document pattern).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "relance-database.h"
#include "relance-date.h"

G_BEGIN_DECLS

typedef enum
{
  RELANCE_LIST_CUSTOMERS,   /* items are RelanceCustomer */
  RELANCE_LIST_INVOICES,    /* items are RelanceInvoice */
  RELANCE_LIST_DISPUTES,    /* items are RelanceDispute */
} RelanceListKind;

/* What the filters of a list keep. */
typedef enum
{
  RELANCE_LIST_STATUS_ANY,
  RELANCE_LIST_STATUS_OPEN,       /* invoices: open, not yet due; disputes: open */
  RELANCE_LIST_STATUS_OVERDUE,    /* invoices */
  RELANCE_LIST_STATUS_DISPUTED,   /* invoices */
  RELANCE_LIST_STATUS_PAID,       /* invoices */
  RELANCE_LIST_STATUS_RESOLVED,   /* disputes */
  RELANCE_LIST_STATUS_CANCELLED,  /* disputes */
  RELANCE_LIST_STATUS_PROMISED,   /* invoices: a promise to pay them has not yet passed */
} RelanceListStatus;

typedef struct
{
  guint  count;
  gint64 total;     /* customers: balance; invoices: open; disputes: amount */
  gint64 overdue;   /* customers and invoices: overdue; disputes: amount still open */
} RelanceListTotals;

#define RELANCE_TYPE_LIST_MODEL (relance_list_model_get_type ())

G_DECLARE_FINAL_TYPE (RelanceListModel, relance_list_model, RELANCE, LIST_MODEL, GObject)

RelanceListModel  *relance_list_model_new             (RelanceDatabase   *db,
                                                       RelanceListKind    kind,
                                                       RelanceDay         today);
RelanceListKind    relance_list_model_get_kind        (RelanceListModel  *self);
void               relance_list_model_set_today       (RelanceListModel  *self,
                                                       RelanceDay         today);
void               relance_list_model_set_search      (RelanceListModel  *self,
                                                       const char        *search);
const char        *relance_list_model_get_search      (RelanceListModel  *self);
gboolean           relance_list_model_set_sort        (RelanceListModel  *self,
                                                       const char        *key,
                                                       gboolean           descending);
const char * const *relance_list_model_get_sort_keys  (RelanceListModel  *self);
void               relance_list_model_set_customer    (RelanceListModel  *self,
                                                       gint64             customer_id);
void               relance_list_model_set_overdue_only (RelanceListModel *self,
                                                       gboolean           overdue_only);
void               relance_list_model_set_status      (RelanceListModel  *self,
                                                       RelanceListStatus  status);
void               relance_list_model_set_age_bucket  (RelanceListModel  *self,
                                                       int                bucket);
void               relance_list_model_set_issue_range (RelanceListModel  *self,
                                                       RelanceDay         from,
                                                       RelanceDay         to);
void               relance_list_model_set_segment     (RelanceListModel  *self,
                                                       const char        *segment);
void               relance_list_model_set_open_dispute_only (RelanceListModel *self,
                                                       gboolean           open_dispute_only);
void               relance_list_model_set_archived    (RelanceListModel  *self,
                                                       gboolean           archived);
void               relance_list_model_set_cause       (RelanceListModel  *self,
                                                       const char        *cause);
char             **relance_list_model_dup_causes      (RelanceListModel  *self,
                                                       char            ***labels);
void               relance_list_model_set_department  (RelanceListModel  *self,
                                                       const char        *department);
char             **relance_list_model_dup_departments (RelanceListModel  *self);
char             **relance_list_model_dup_segments    (RelanceListModel  *self);
gboolean           relance_list_model_get_totals      (RelanceListModel  *self,
                                                       RelanceListTotals *totals);
void               relance_list_model_reload          (RelanceListModel  *self);

G_END_DECLS
