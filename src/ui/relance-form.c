/* relance-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-form.h"
#include "relance-money.h"

/**
 * relance_form_build:
 * @save_action: the action Save activates; the dialog enables it when
 *   what is typed is valid
 *
 * Fills @window with the form's frame and describes it in @form.
 */
void
relance_form_build (AdwWindow   *window,
                    RelanceForm *form,
                    const char  *title,
                    const char  *save_label,
                    const char  *save_action)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *revealer = gtk_revealer_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_widget_set_size_request (GTK_WIDGET (window), 360, 300);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  form->save_button = gtk_button_new_with_mnemonic (save_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (form->save_button), save_action);
  gtk_widget_add_css_class (form->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (window), form->save_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0.f);
  gtk_widget_set_margin_top (error_label, 12);
  gtk_widget_set_margin_bottom (error_label, 12);
  gtk_widget_set_margin_start (error_label, 18);
  gtk_widget_set_margin_end (error_label, 18);
  gtk_widget_add_css_class (error_label, "error");
  gtk_revealer_set_child (GTK_REVEALER (revealer), error_label);
  gtk_box_append (GTK_BOX (box), revealer);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (window, box);

  form->content = GTK_BOX (content);
  form->error_label = GTK_LABEL (error_label);
  form->error_revealer = GTK_REVEALER (revealer);
}

AdwPreferencesGroup *
relance_form_add_group (RelanceForm *form,
                        const char  *title,
                        const char  *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_margin_top (group, 6);
  gtk_box_append (form->content, group);

  return ADW_PREFERENCES_GROUP (group);
}

/* A message under the group added last; hidden while empty. */
GtkLabel *
relance_form_add_message (RelanceForm *form)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (form->content, label);

  return GTK_LABEL (label);
}

GtkWidget *
relance_form_add_entry (AdwPreferencesGroup *group,
                        const char          *title,
                        GCallback            changed,
                        gpointer             data)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  if (changed != NULL)
    g_signal_connect_swapped (row, "changed", changed, data);

  return row;
}

/* Returns the row; its GtkSwitch is the "switch" data of the row. */
GtkWidget *
relance_form_add_switch (AdwPreferencesGroup *group,
                         const char          *title,
                         const char          *subtitle,
                         GCallback            changed,
                         gpointer             data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  adw_preferences_group_add (group, row);
  if (changed != NULL)
    g_signal_connect_swapped (toggle, "notify::active", changed, data);

  return row;
}

/* What the ledger refused, at the top of the dialog; NULL hides it. */
void
relance_form_show_error (RelanceForm *form,
                         const char  *message)
{
  if (message != NULL)
    gtk_label_set_text (form->error_label, message);
  gtk_revealer_set_reveal_child (form->error_revealer, message != NULL);
}

char *
relance_form_dup_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
relance_form_set_text (GtkWidget  *row,
                       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
relance_form_set_row_error (GtkWidget *row,
                            gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* @style: "error" or "warning"; a NULL @message hides the label. */
void
relance_form_set_message (GtkLabel   *label,
                          const char *message,
                          const char *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_label_set_text (label, message ? message : "");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/**
 * relance_form_parse_day:
 * @message: (out): why the text is not a day, when it is not empty
 *
 * Returns: %TRUE if the row holds a real day; an empty row is FALSE with
 *   no message
 */
gboolean
relance_form_parse_day (GtkWidget   *row,
                        RelanceDay  *day,
                        char       **message)
{
  g_autofree char *text = relance_form_dup_text (row);
  g_autoptr(GError) error = NULL;

  *message = NULL;
  if (text[0] == '\0')
    return FALSE;
  if (!relance_day_parse (text, day, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * relance_form_parse_amount:
 * @message: (out): why the text is not an amount, when it is not empty
 *
 * Returns: %TRUE if the row holds an amount; an empty row is FALSE with no
 *   message
 */
gboolean
relance_form_parse_amount (GtkWidget  *row,
                           gint64     *cents,
                           char      **message)
{
  g_autofree char *text = relance_form_dup_text (row);
  g_autoptr(GError) error = NULL;

  *message = NULL;
  if (text[0] == '\0')
    return FALSE;
  if (!relance_money_parse (text, cents, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}
