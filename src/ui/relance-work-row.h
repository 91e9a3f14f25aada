/* relance-work-row.h
 *
 * One line of the Today view: a GObject around a RelanceWorkItem, so that
 * a GListStore of them feeds a GtkColumnView. At most one per customer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "relance-worklist.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_WORK_ROW (relance_work_row_get_type ())

G_DECLARE_FINAL_TYPE (RelanceWorkRow, relance_work_row, RELANCE, WORK_ROW, GObject)

RelanceWorkRow        *relance_work_row_new      (RelanceWorkItem *item);
const RelanceWorkItem *relance_work_row_get_item (RelanceWorkRow  *self);
char                  *relance_work_row_dup_numbers (RelanceWorkRow *self);
char                  *relance_work_row_dup_step   (RelanceWorkRow  *self);
char                  *relance_work_row_dup_details (RelanceWorkRow *self);
RelanceDay             relance_work_row_get_first_due (RelanceWorkRow *self);

G_END_DECLS
