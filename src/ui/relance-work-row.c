/* relance-work-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-work-row.h"

struct _RelanceWorkRow
{
  GObject          parent_instance;

  RelanceWorkItem *item;
};

G_DEFINE_FINAL_TYPE (RelanceWorkRow, relance_work_row, G_TYPE_OBJECT)

static void
relance_work_row_finalize (GObject *object)
{
  RelanceWorkRow *self = (RelanceWorkRow *)object;

  g_clear_pointer (&self->item, relance_work_item_free);

  G_OBJECT_CLASS (relance_work_row_parent_class)->finalize (object);
}

static void
relance_work_row_class_init (RelanceWorkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_work_row_finalize;
}

static void
relance_work_row_init (RelanceWorkRow *self)
{
}

/**
 * relance_work_row_new:
 * @item: (transfer full): what is to be done with one customer
 */
RelanceWorkRow *
relance_work_row_new (RelanceWorkItem *item)
{
  RelanceWorkRow *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_WORK_ROW, NULL);
  self->item = item;

  return self;
}

/**
 * relance_work_row_get_item:
 *
 * Returns: (transfer none): the item, owned by the row
 */
const RelanceWorkItem *
relance_work_row_get_item (RelanceWorkRow *self)
{
  g_return_val_if_fail (RELANCE_IS_WORK_ROW (self), NULL);

  return self->item;
}

/**
 * relance_work_row_dup_numbers:
 *
 * Returns: the numbers of the invoices concerned, such as "F-1, F-2"; for
 *   a blocked customer, those of its disputed invoices
 */
char *
relance_work_row_dup_numbers (RelanceWorkRow *self)
{
  GPtrArray *invoices;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RELANCE_IS_WORK_ROW (self), NULL);

  invoices = self->item->invoices != NULL && self->item->invoices->len > 0
             ? self->item->invoices : self->item->blocked;
  for (guint i = 0; invoices != NULL && i < invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (invoices, i);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, invoice->number);
    }

  return g_string_free (out, FALSE);
}

/**
 * relance_work_row_dup_step:
 *
 * Returns: the step as collectors say it, such as "D+20 · Letter", or what
 *   is to be done when no scenario step asked for it
 */
char *
relance_work_row_dup_step (RelanceWorkRow *self)
{
  g_autofree char *offset = NULL;

  g_return_val_if_fail (RELANCE_IS_WORK_ROW (self), NULL);

  switch (self->item->reason)
    {
    case RELANCE_WORK_REASON_PROMISE_DUE:
      return g_strdup (_("Promise due"));
    case RELANCE_WORK_REASON_PROMISE_BROKEN:
      return g_strdup (_("Broken promise"));
    case RELANCE_WORK_REASON_DISPUTE:
      return g_strdup (_("Under dispute"));
    case RELANCE_WORK_REASON_STEP:
    default:
      break;
    }

  offset = relance_step_format_offset (self->item->step_offset);
  /* Translators: a reminder step, such as "D+20 · Letter" */
  return g_strdup_printf (_("%s · %s"), offset, relance_channel_get_label (self->item->channel));
}

/**
 * relance_work_row_get_first_due:
 *
 * Returns: the earliest due date of the invoices concerned, 0 when none
 */
RelanceDay
relance_work_row_get_first_due (RelanceWorkRow *self)
{
  RelanceDay first = 0;

  g_return_val_if_fail (RELANCE_IS_WORK_ROW (self), 0);

  for (guint i = 0; self->item->invoices != NULL && i < self->item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (self->item->invoices, i);

      if (first == 0 || invoice->due_date < first)
        first = invoice->due_date;
    }

  return first;
}
