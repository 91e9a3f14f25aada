/* relance-work-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-format.h"
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
 *   is to be done when no scenario step asked for it ("Call before the
 *   formal notice", "Broken promise")
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
    case RELANCE_WORK_REASON_DECLARE_CLAIM:
    case RELANCE_WORK_REASON_ASK_RELIEF:
      return relance_work_item_describe (self->item);
    case RELANCE_WORK_REASON_STEP:
    default:
      break;
    }

  if (self->item->substitute != RELANCE_WORK_SUBSTITUTE_NONE)
    return relance_work_item_describe (self->item);

  offset = relance_step_format_offset (self->item->step_offset);
  /* Translators: a reminder step, such as "D+20 · Letter" */
  return g_strdup_printf (_("%s · %s"), offset, relance_channel_get_label (self->item->channel));
}

static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    /* Translators: between the parts of the details of a Today row */
    g_string_append (out, _(" · "));
  g_string_append (out, part);
}

/**
 * relance_work_row_dup_details:
 *
 * What the step, amount and days columns do not say, each thing once:
 * why a call or letter comes before the formal notice, the customer's
 * latest promise (to check, kept or broken, with its amount and day), the
 * scenario, and the invoices held back by a dispute with their causes.
 *
 * Returns: the details, such as "Promise of 1 200,00 € for 15/11/2026
 *   broken · Standard scenario · F-12 under dispute (B, Shipping)"
 */
char *
relance_work_row_dup_details (RelanceWorkRow *self)
{
  const RelanceWorkItem *item;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RELANCE_IS_WORK_ROW (self), NULL);

  item = self->item;
  if (item->substitute == RELANCE_WORK_SUBSTITUTE_CALL)
    append_part (out, _("No call since the due date"));
  else if (item->substitute == RELANCE_WORK_SUBSTITUTE_LETTER)
    append_part (out, _("No letter or e-mail since the due date"));

  if (item->promise_id != 0)
    {
      g_autofree char *amount = relance_format_money (item->promise_amount);
      g_autofree char *by = relance_format_day (item->promise_date);
      g_autofree char *text = NULL;

      /* A promise to check or a broken one is the row's step: its
       * status is not said again. */
      if (item->reason == RELANCE_WORK_REASON_PROMISE_DUE || item->reason == RELANCE_WORK_REASON_PROMISE_BROKEN)
        /* Translators: "1 200,00 € promised for 15/11/2026" */
        text = g_strdup_printf (_("%s promised for %s"), amount, by);
      else if (item->promise_status == RELANCE_PROMISE_KEPT)
        /* Translators: "Promise of 1 200,00 € for 15/11/2026 kept" */
        text = g_strdup_printf (_("Promise of %s for %s kept"), amount, by);
      else if (item->promise_status == RELANCE_PROMISE_BROKEN)
        /* Translators: "Promise of 1 200,00 € for 15/11/2026 broken" */
        text = g_strdup_printf (_("Promise of %s for %s broken"), amount, by);
      else
        /* Translators: "1 200,00 € promised for 15/11/2026" */
        text = g_strdup_printf (_("%s promised for %s"), amount, by);
      append_part (out, text);
    }

  if (item->claim_judgment != 0)
    {
      g_autofree char *on = relance_format_day (item->claim_judgment);
      /* Translators: the judgment opening insolvency proceedings, "Judgment of 08/10/2026" */
      g_autofree char *text = g_strdup_printf (_("Judgment of %s"), on);

      append_part (out, text);
    }

  if (item->reason == RELANCE_WORK_REASON_STEP && item->scenario_name != NULL && *item->scenario_name != '\0')
    {
      /* Translators: the scenario a step comes from, "Standard scenario" */
      g_autofree char *text = g_strdup_printf (_("%s scenario"), item->scenario_name);

      append_part (out, text);
    }

  for (guint i = 0; item->blocked != NULL && i < item->blocked->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->blocked, i);
      /* Translators: a disputed invoice and its cause, "F-12 under dispute (B, Shipping)" */
      g_autofree char *text = g_strdup_printf (_("%s under dispute (%s, %s)"), invoice->number,
                                               invoice->cause_code ? invoice->cause_code : "",
                                               invoice->cause_label ? invoice->cause_label : "");

      append_part (out, text);
    }

  return g_string_free (out, FALSE);
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

  /* A claim to declare: the day to declare it by. */
  if (self->item->claim_deadline != 0)
    return self->item->claim_deadline;

  for (guint i = 0; self->item->invoices != NULL && i < self->item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (self->item->invoices, i);

      if (first == 0 || invoice->due_date < first)
        first = invoice->due_date;
    }

  return first;
}
