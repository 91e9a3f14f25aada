/* relance-scenarios.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-scenarios.h"

static const char * const channel_names[] = {
  [RELANCE_CHANNEL_PHONE] = "phone",
  [RELANCE_CHANNEL_EMAIL] = "email",
  [RELANCE_CHANNEL_LETTER] = "letter",
  [RELANCE_CHANNEL_REGISTERED_LETTER] = "registered_letter",
};

static const char * const template_names[] = {
  [RELANCE_TEMPLATE_PREVENTIVE] = "preventive",
  [RELANCE_TEMPLATE_FIRST_REMINDER] = "first_reminder",
  [RELANCE_TEMPLATE_SECOND_REMINDER] = "second_reminder",
  [RELANCE_TEMPLATE_AFTER_CALL] = "after_call",
  [RELANCE_TEMPLATE_BROKEN_PROMISE] = "broken_promise",
  [RELANCE_TEMPLATE_FORMAL_NOTICE] = "formal_notice",
  [RELANCE_TEMPLATE_CALL] = "call",
};

static const char * const tone_names[] = {
  [RELANCE_TONE_COURTEOUS] = "courteous",
  [RELANCE_TONE_STANDARD] = "standard",
  [RELANCE_TONE_FIRM] = "firm",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *value)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (strcmp (names[i], text) == 0)
      {
        *value = (int)i;
        return TRUE;
      }

  return FALSE;
}

const char *
relance_channel_to_string (RelanceChannel channel)
{
  g_return_val_if_fail ((guint)channel < G_N_ELEMENTS (channel_names), NULL);

  return channel_names[channel];
}

gboolean
relance_channel_from_string (const char     *text,
                             RelanceChannel *channel)
{
  int value;

  if (!lookup_name (channel_names, G_N_ELEMENTS (channel_names), text, &value))
    return FALSE;
  *channel = (RelanceChannel)value;
  return TRUE;
}

const char *
relance_template_kind_to_string (RelanceTemplateKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (template_names), NULL);

  return template_names[kind];
}

gboolean
relance_template_kind_from_string (const char          *text,
                                   RelanceTemplateKind *kind)
{
  int value;

  if (!lookup_name (template_names, G_N_ELEMENTS (template_names), text, &value))
    return FALSE;
  *kind = (RelanceTemplateKind)value;
  return TRUE;
}

const char *
relance_tone_to_string (RelanceTone tone)
{
  g_return_val_if_fail ((guint)tone < G_N_ELEMENTS (tone_names), NULL);

  return tone_names[tone];
}

gboolean
relance_tone_from_string (const char  *text,
                          RelanceTone *tone)
{
  int value;

  if (!lookup_name (tone_names, G_N_ELEMENTS (tone_names), text, &value))
    return FALSE;
  *tone = (RelanceTone)value;
  return TRUE;
}

const char *
relance_channel_get_label (RelanceChannel channel)
{
  switch (channel)
    {
    case RELANCE_CHANNEL_PHONE:
      return C_("channel", "Phone call");
    case RELANCE_CHANNEL_EMAIL:
      return C_("channel", "E-mail");
    case RELANCE_CHANNEL_LETTER:
      return C_("channel", "Letter");
    case RELANCE_CHANNEL_REGISTERED_LETTER:
      return C_("channel", "Registered letter");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
relance_template_kind_get_label (RelanceTemplateKind kind)
{
  switch (kind)
    {
    case RELANCE_TEMPLATE_PREVENTIVE:
      return _("Preventive reminder");
    case RELANCE_TEMPLATE_FIRST_REMINDER:
      return _("First reminder");
    case RELANCE_TEMPLATE_SECOND_REMINDER:
      return _("Second reminder");
    case RELANCE_TEMPLATE_AFTER_CALL:
      return _("Reminder after a call");
    case RELANCE_TEMPLATE_BROKEN_PROMISE:
      return _("Reminder after a broken promise");
    case RELANCE_TEMPLATE_FORMAL_NOTICE:
      return _("Formal notice");
    case RELANCE_TEMPLATE_CALL:
      return _("Reminder call");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
relance_tone_get_label (RelanceTone tone)
{
  switch (tone)
    {
    case RELANCE_TONE_COURTEOUS:
      return C_("tone", "Courteous");
    case RELANCE_TONE_STANDARD:
      return C_("tone", "Standard");
    case RELANCE_TONE_FIRM:
      return C_("tone", "Firm");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * relance_step_format_offset:
 * @offset_days: days from the due date
 *
 * Returns: "D-5", "D", "D+20": how collectors write a step's day
 */
char *
relance_step_format_offset (int offset_days)
{
  /* Translators: the due date ("D" in "D+20", "D-5"); French uses "J" */
  const char *d = C_("due date", "D");

  if (offset_days == 0)
    return g_strdup (d);
  return g_strdup_printf ("%s%+d", d, offset_days);
}
