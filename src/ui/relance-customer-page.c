/* relance-customer-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-call-sheet.h"
#include "relance-customer-page.h"
#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-format.h"
#include "relance-invoice.h"
#include "relance-ledger-view.h"
#include "relance-letter-data.h"
#include "relance-letter-window.h"
#include "relance-list-model.h"
#include "relance-penalties.h"
#include "relance-proceedings-dialog.h"

/* The page shows this many of the latest payments (and any older one with
 * money on account) and history entries. */
#define MAX_PAYMENTS 20
#define MAX_TIMELINE 100

struct _RelanceCustomerPage
{
  GtkWidget          parent_instance;

  GtkFlowBox          *invoice_buttons;

  /* Template widgets */
  GtkButton         *back_button;
  GtkButton         *delete_button;
  GtkLabel          *title_label;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *identity_label;
  GtkFlowBox        *figures_box;
  GtkWidget         *credit_box;
  GtkLabel          *credit_label;
  GtkLevelBar       *credit_bar;
  GtkWidget         *proceedings_group;
  GtkListBox        *proceedings_list;
  GtkListBox        *contacts_list;
  RelanceLedgerView *invoices_view;
  AdwPreferencesGroup *penalties_group;
  GtkListBox        *penalties_list;
  GtkListBox        *disputes_list;
  AdwPreferencesGroup *payments_group;
  GtkListBox        *payments_list;
  GtkListBox        *timeline_list;

  RelanceContext    *context;
  gint64             customer_id;
  char              *customer_name;
};

enum {
  LEDGER_CHANGED,
  TOAST,
  BACK,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceCustomerPage, relance_customer_page, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static RelanceDatabase *
get_db (RelanceCustomerPage *self)
{
  return relance_context_get_database (self->context);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

static GtkWidget *
new_suffix_button (const char *icon_name,
                   const char *label,
                   const char *tooltip)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label) : gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (label == NULL)
    gtk_widget_add_css_class (button, "flat");

  return button;
}

/* " · "-joins the non-empty parts. */
static char *
join_parts (const char *first,
            ...)
{
  GString *out = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  while (part != NULL)
    {
      if (part[0] != '\0')
        {
          if (out->len > 0)
            g_string_append (out, " · ");
          g_string_append (out, part);
        }
      part = va_arg (args, const char *);
    }
  va_end (args);

  return g_string_free (out, FALSE);
}

static void
emit_changed (RelanceCustomerPage *self)
{
  relance_customer_page_reload (self);
  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
}

static void
toast (RelanceCustomerPage *self,
       AdwToast            *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
toast_error (RelanceCustomerPage *self,
             const GError        *error)
{
  AdwToast *t = adw_toast_new (error->message);

  adw_toast_set_timeout (t, 8);
  toast (self, t);
}

static GtkWindow *
get_parent_window (RelanceCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Figures */

static void
add_figure (RelanceCustomerPage *self,
            const char          *value,
            const char          *caption,
            const char          *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (value_label, "title-3");
  gtk_widget_add_css_class (value_label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (value_label, style);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.f);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_flow_box_append (self->figures_box, box);
}

static void
show_figures (RelanceCustomerPage          *self,
              const RelanceCustomerFigures *figures)
{
  g_autofree char *balance = relance_format_money (figures->balance);
  g_autofree char *overdue = relance_format_money (figures->overdue);
  g_autofree char *on_account = relance_format_money (figures->on_account);
  g_autofree char *late = NULL;
  g_autofree char *dso = NULL;
  g_autofree char *open_caption = NULL;
  g_autofree char *overdue_caption = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  late = figures->average_days_late < 0 ? g_strdup ("—")
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", figures->average_days_late),
                            figures->average_days_late);
  dso = figures->dso < 0 ? g_strdup ("—")
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", figures->dso), figures->dso);
  open_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Balance, %d open invoice",
                                               "Balance, %d open invoices", figures->n_open),
                                  figures->n_open);
  overdue_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue, %d invoice",
                                                  "Overdue, %d invoices", figures->n_overdue),
                                     figures->n_overdue);

  add_figure (self, balance, open_caption, NULL);
  add_figure (self, overdue, overdue_caption, figures->overdue > 0 ? "error" : NULL);
  add_figure (self, late, _("Average lateness over the year"), NULL);
  add_figure (self, dso, _("DSO: days of sales owed"), NULL);
  if (figures->on_account > 0)
    add_figure (self, on_account, _("On account, not allocated"), "success");
  if (figures->n_open_disputes > 0)
    {
      g_autofree char *n = g_strdup_printf ("%d", figures->n_open_disputes);

      add_figure (self, n, g_dngettext (GETTEXT_PACKAGE, "Open dispute", "Open disputes",
                                        figures->n_open_disputes), "warning");
    }

  gtk_widget_set_visible (self->credit_box, figures->credit_limit >= 0);
  if (figures->credit_limit >= 0)
    {
      g_autofree char *used = relance_format_money (MAX (figures->balance, 0));
      g_autofree char *limit = relance_format_money (figures->credit_limit);
      g_autofree char *text = g_strdup_printf (_("Credit limit: %s used of %s"), used, limit);
      double fraction = figures->credit_limit > 0
                        ? MIN (1.0, (double)MAX (figures->balance, 0) / (double)figures->credit_limit)
                        : 1.0;

      gtk_label_set_text (self->credit_label, text);
      gtk_level_bar_set_value (self->credit_bar, fraction);
    }
}

/* Late-payment penalties */

/* "12.15" with the locale's decimal separator: a rate, not money. */
static char *
format_percent (int basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d", basis_points / 100);

  return g_strdup_printf ("%.2f", basis_points / 100.0);
}

static GtkWidget *
new_amount_row (const char *title,
                const char *subtitle,
                gint64      cents,
                gboolean    emphasis)
{
  g_autofree char *amount = relance_format_money (cents);
  GtkWidget *row = new_row (title, subtitle, NULL);
  GtkWidget *label = gtk_label_new (amount);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  if (emphasis)
    gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* The interest of the invoices claimed, one row per period of the same
 * rate and balance: made when the row is first expanded, so that a
 * customer with hundreds of late invoices opens at once. */
static void
on_interest_expanded_cb (AdwExpanderRow *expander,
                         GParamSpec     *pspec,
                         gpointer        user_data)
{
  const RelancePenalties *penalties = g_object_get_data (G_OBJECT (expander), "penalties");

  if (!adw_expander_row_get_expanded (expander) || penalties == NULL ||
      g_object_get_data (G_OBJECT (expander), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (TRUE));

  for (guint i = 0; i < penalties->lines->len; i++)
    {
      const RelancePenaltyLine *line = g_ptr_array_index (penalties->lines, i);

      if (line->disputed)
        continue;

      for (guint p = 0; p < line->periods->len; p++)
        {
          const RelanceInterestPeriod *period = &g_array_index (line->periods, RelanceInterestPeriod, p);
          g_autofree char *from = relance_format_day (period->from);
          g_autofree char *to = relance_format_day (period->to);
          g_autofree char *balance = relance_format_money (period->balance);
          g_autofree char *rate = format_percent (period->rate);
          g_autofree char *paid = NULL;
          g_autofree char *title = NULL;
          g_autofree char *days = NULL;
          g_autofree char *subtitle = NULL;

          /* Translators: an invoice's period of interest, "F-1042, 16/06/2025 to 30/06/2025". */
          title = g_strdup_printf (_("%s, %s to %s"), line->number, from, to);
          /* Translators: "15 days on €1,000.00 at 13.15 %" */
          days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day on %s at %s %%",
                                               "%d days on %s at %s %%", period->days),
                                  period->days, balance, rate);
          if (p == 0 && line->paid_on != RELANCE_DAY_NONE)
            {
              g_autofree char *day = relance_format_day (line->paid_on);

              paid = g_strdup_printf (_("paid late, on %s"), day);
            }
          subtitle = join_parts (days, paid != NULL ? paid : "", NULL);
          adw_expander_row_add_row (expander, new_amount_row (title, subtitle, period->interest, FALSE));
        }
    }
}

/* What the customer owes on top of its invoices on the page's day: the
 * interest (period by period, when expanded) and indemnities of the
 * invoices paid late or still late, those under dispute apart; the group
 * hides when nothing is late. Takes @penalties. */
static void
show_penalties (RelanceCustomerPage *self,
                RelancePenalties    *penalties,
                RelanceDay           today)
{
  g_autoptr(RelancePenalties) owned = penalties;
  g_autofree char *day = relance_format_day (today);
  g_autofree char *description = NULL;
  g_autofree char *margin = format_percent (penalties->margin);
  g_autofree char *rate = format_percent (penalties->rate);
  g_autofree char *rate_text = NULL;
  g_autofree char *interest_subtitle = NULL;
  g_autofree char *interest_amount = NULL;
  g_autofree char *open = relance_format_money (penalties->open);
  g_autofree char *claimable_subtitle = NULL;
  guint n_late = penalties->lines->len;
  GtkWidget *expander;
  GtkWidget *amount;

  clear_list (self->penalties_list);
  gtk_widget_set_visible (GTK_WIDGET (self->penalties_group), n_late > 0);
  if (n_late == 0)
    return;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %s, for %u invoice paid late or still late. Interest runs "
                                              "from the day after the due date on what is still open, up to "
                                              "the day it is paid.",
                                              "On %s, for %u invoices paid late or still late. Interest runs "
                                              "from the day after each due date on what is still open, up to "
                                              "the day it is paid.",
                                              n_late),
                                 day, n_late);
  adw_preferences_group_set_description (self->penalties_group, description);

  if (penalties->n_claimed > 0)
    {
      g_autofree char *each = NULL;
      g_autofree char *late_text = NULL;
      g_autofree char *paid_text = NULL;
      g_autofree char *indemnity_subtitle = NULL;

      /* Translators: "ECB rate + 10 points = 12.15 %": the first %s is the
       * margin in percentage points, the second the rate it gives. */
      rate_text = g_strdup_printf (_("ECB rate + %s points = %s %%"), margin, rate);
      interest_subtitle = join_parts (rate_text,
                                      penalties->eu_customer ? _("the EU directive’s margin, for a customer in another member state") : "",
                                      _("expand for each period"),
                                      NULL);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Interest to date"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), interest_subtitle);
      interest_amount = relance_format_money (penalties->interest);
      amount = gtk_label_new (interest_amount);
      gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (amount, "numeric");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), amount);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_interest_expanded_cb), NULL);
      g_object_set_data_full (G_OBJECT (expander), "penalties", g_steal_pointer (&owned),
                              (GDestroyNotify)relance_penalties_free);
      gtk_list_box_append (self->penalties_list, expander);

      for (guint i = 0; i < penalties->lines->len && each == NULL; i++)
        if (!((RelancePenaltyLine *)g_ptr_array_index (penalties->lines, i))->disputed)
          each = relance_format_money (((RelancePenaltyLine *)g_ptr_array_index (penalties->lines, i))->indemnity);
      /* Translators: "3 late invoices × €40.00" */
      late_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u late invoice × %s",
                                                "%u late invoices × %s", penalties->n_claimed),
                                   penalties->n_claimed, each);
      if (penalties->n_paid_late > 0)
        /* Translators: follows "3 late invoices × €40.00" */
        paid_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "including %u paid late",
                                                  "including %u paid late", penalties->n_paid_late),
                                     penalties->n_paid_late);
      indemnity_subtitle = join_parts (late_text, paid_text != NULL ? paid_text : "", NULL);
      gtk_list_box_append (self->penalties_list,
                           new_amount_row (_("Recovery indemnities"), indemnity_subtitle, penalties->indemnity, FALSE));
    }

  if (penalties->n_disputed > 0)
    {
      g_autoptr(GString) numbers = g_string_new (NULL);
      g_autofree char *disputed_open = relance_format_money (penalties->disputed_open);
      g_autofree char *disputed_subtitle = NULL;

      for (guint i = 0; i < penalties->lines->len; i++)
        {
          const RelancePenaltyLine *line = g_ptr_array_index (penalties->lines, i);

          if (!line->disputed)
            continue;
          if (numbers->len > 0)
            g_string_append (numbers, ", ");
          g_string_append (numbers, line->number);
        }
      /* Translators: "F-1042, F-1043: €500.00 open; their interest and
       * indemnities are claimed once the dispute is settled" */
      disputed_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s: %s open; its interest and indemnity are "
                                                        "not claimed while the dispute is open",
                                                        "%s: %s open; their interest and indemnities are "
                                                        "not claimed while the disputes are open",
                                                        penalties->n_disputed),
                                        numbers->str, disputed_open);
      gtk_list_box_append (self->penalties_list,
                           new_amount_row (_("Under dispute, not claimed"), disputed_subtitle,
                                           penalties->disputed_interest + penalties->disputed_indemnity, FALSE));
    }

  claimable_subtitle = g_strdup_printf (_("%s still open, plus the interest and indemnities"), open);
  gtk_list_box_append (self->penalties_list,
                       new_amount_row (_("Total claimable"), claimable_subtitle, penalties->total, TRUE));

  if (penalties->rates_known_until != RELANCE_DAY_NONE)
    {
      g_autofree char *until = relance_format_day (penalties->rates_known_until);
      g_autofree char *title = g_strdup_printf (_("The rate table stops on %s"), until);
      GtkWidget *row = new_row (title,
                                _("The ECB rates after that day are not in the table: the last known one "
                                  "was used. Add the new rate to get the exact interest."),
                                "dialog-warning-symbolic");

      gtk_widget_add_css_class (row, "warning");
      gtk_list_box_append (self->penalties_list, row);
    }
}

/* Contacts */

static void
on_edit_contact_cb (GtkButton           *button,
                    RelanceCustomerPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "contact-id"));
  GtkWidget *dialog = relance_contact_dialog_new (get_parent_window (self), self->context, self->customer_id, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  RelanceCustomerPage *self;
  gint64               customer_id;
  char                *name;
  char                *role;
  char                *phone;
  char                *email;
  gboolean             is_collections;
  RelanceCivility      civility;
} DeletedContact;

static void
deleted_contact_free (gpointer data)
{
  DeletedContact *deleted = data;

  g_object_unref (deleted->self);
  g_free (deleted->name);
  g_free (deleted->role);
  g_free (deleted->phone);
  g_free (deleted->email);
  g_free (deleted);
}

static void
on_undo_contact_cb (AdwToast       *t,
                    DeletedContact *deleted)
{
  g_autoptr(GError) error = NULL;
  RelanceContactFields fields = { deleted->name, deleted->role, deleted->phone, deleted->email,
                                  deleted->is_collections, deleted->civility };

  if (deleted->self->context == NULL)
    return;
  if (relance_desk_add_contact (get_db (deleted->self), deleted->customer_id, &fields, &error) == 0)
    toast_error (deleted->self, error);
  emit_changed (deleted->self);
}

static void
on_delete_contact_cb (GtkButton           *button,
                      RelanceCustomerPage *self)
{
  RelanceContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  g_autoptr(GError) error = NULL;
  DeletedContact *deleted;
  AdwToast *t;

  deleted = g_new0 (DeletedContact, 1);
  deleted->self = g_object_ref (self);
  deleted->customer_id = self->customer_id;
  deleted->name = g_strdup (contact->name);
  deleted->role = g_strdup (contact->role);
  deleted->phone = g_strdup (contact->phone);
  deleted->email = g_strdup (contact->email);
  deleted->is_collections = contact->is_collections;
  deleted->civility = contact->civility;

  if (!relance_desk_delete_contact (get_db (self), contact->id, &error))
    {
      deleted_contact_free (deleted);
      toast_error (self, error);
      return;
    }

  t = adw_toast_new (_("Contact deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_contact_cb), deleted,
                         (GClosureNotify)(void (*) (void))deleted_contact_free, 0);
  emit_changed (self);
  toast (self, t);
}

/* A link that opens @uri, as a label: its text lines up with the name
 * above it. */
static GtkWidget *
new_link (const char *scheme,
          const char *address,
          const char *tooltip)
{
  g_autofree char *uri = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *link;

  /* tel: URIs carry no spaces. */
  if (g_str_equal (scheme, "tel:"))
    {
      g_auto(GStrv) parts = g_strsplit_set (address, " .-", -1);

      compact = g_strjoinv ("", parts);
    }
  uri = g_strconcat (scheme, compact ? compact : address, NULL);
  markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, address);
  link = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (link), markup);
  gtk_label_set_xalign (GTK_LABEL (link), 0);
  gtk_label_set_ellipsize (GTK_LABEL (link), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (link), 40);
  gtk_widget_set_tooltip_text (link, tooltip);

  return link;
}

/* A contact's row: the icon, then the name, what the contact is (the
 * subtitle) and their phone and e-mail as links below it, so that a narrow
 * window does not squeeze the name between them and the buttons; then the
 * buttons added to the box returned in @suffixes. */
static GtkWidget *
new_contact_row (const char  *name,
                 const char  *subtitle,
                 const char  *icon_name,
                 const char  *phone,
                 const char  *email,
                 GtkWidget  **suffixes)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (text), label);
    }

  /* The phone above the e-mail address. */
  if (phone[0] != '\0')
    gtk_box_append (GTK_BOX (text), new_link ("tel:", phone, _("Call")));
  if (email[0] != '\0')
    gtk_box_append (GTK_BOX (text), new_link ("mailto:", email, _("Write an e-mail")));

  *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (*suffixes, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), *suffixes);

  return row;
}

static void
show_contacts (RelanceCustomerPage    *self,
               RelanceCustomerDetails *details,
               GPtrArray              *contacts)
{
  clear_list (self->contacts_list);

  for (guint i = 0; i < contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *subtitle = join_parts (contact->is_collections ? _("Collections contact") : "",
                                              contact->role, NULL);
      GtkWidget *edit = new_suffix_button ("document-edit-symbolic", NULL, _("Edit the Contact"));
      GtkWidget *remove = new_suffix_button ("user-trash-symbolic", NULL, _("Delete the Contact"));
      GtkWidget *suffixes;
      g_autofree char *name = relance_contact_dup_display_name (contact->civility, contact->name);
      GtkWidget *row = new_contact_row (name, subtitle,
                                        contact->is_collections ? "starred-symbolic" : "avatar-default-symbolic",
                                        contact->phone, contact->email, &suffixes);

      g_object_set_data (G_OBJECT (edit), "contact-id", GSIZE_TO_POINTER ((gsize)contact->id));
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_contact_cb), self);
      gtk_box_append (GTK_BOX (suffixes), edit);

      g_object_set_data_full (G_OBJECT (remove), "contact", g_ptr_array_steal_index (contacts, i),
                              (GDestroyNotify)relance_contact_free);
      g_ptr_array_insert (contacts, (int)i, NULL);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_contact_cb), self);
      gtk_box_append (GTK_BOX (suffixes), remove);

      if (i == 0 && contact->is_collections)
        gtk_widget_add_css_class (row, "collections-contact");
      gtk_list_box_append (self->contacts_list, row);
    }

  /* The customer's own switchboard and address, when they have one. */
  if (details->phone[0] != '\0' || details->email[0] != '\0')
    {
      GtkWidget *suffixes;
      GtkWidget *row = new_contact_row (_("Switchboard"), NULL, "call-start-symbolic",
                                        details->phone, details->email, &suffixes);

      gtk_list_box_append (self->contacts_list, row);
    }
}

/* Disputes */

static void
on_resolve_dispute_cb (GtkButton           *button,
                       RelanceCustomerPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "dispute-id"));
  GtkWidget *dialog = relance_dispute_dialog_new_resolve (get_parent_window (self), self->context, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_cancel_cb (AdwToast            *t,
                   RelanceCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (t), "dispute-id"));

  if (self->context == NULL)
    return;
  if (!relance_desk_reopen_dispute (get_db (self), id, &error))
    toast_error (self, error);
  emit_changed (self);
}

static void
on_cancel_dispute_cb (GtkButton           *button,
                      RelanceCustomerPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "dispute-id"));
  g_autoptr(GError) error = NULL;
  AdwToast *t;

  if (!relance_desk_cancel_dispute (get_db (self), id, relance_context_get_today (self->context),
                                    NULL, &error))
    {
      toast_error (self, error);
      return;
    }

  t = adw_toast_new (_("Dispute cancelled"));
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data (G_OBJECT (t), "dispute-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_cancel_cb), self, 0);
  emit_changed (self);
  toast (self, t);
}

static void
show_disputes (RelanceCustomerPage *self,
               GPtrArray           *disputes)
{
  RelanceDay today = relance_context_get_today (self->context);

  clear_list (self->disputes_list);

  for (guint i = 0; i < disputes->len; i++)
    {
      RelanceDisputeRow *dispute = g_ptr_array_index (disputes, i);
      gboolean open = g_strcmp0 (dispute->status, "open") == 0;
      g_autofree char *amount = relance_format_money (dispute->amount);
      g_autofree char *opened = relance_format_day (dispute->opened_on);
      g_autofree char *closed = dispute->resolved_on ? relance_format_day (dispute->resolved_on) : NULL;
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", dispute->invoice_number,
                                                dispute->cause_code, dispute->cause_label);
      g_autofree char *when = NULL;
      g_autofree char *department = g_strdup_printf (_("%s department"), dispute->department);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (open)
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Open since %s (%d day)", "Open since %s (%d days)",
                                             today - dispute->opened_on),
                                opened, today - dispute->opened_on);
      else if (g_str_equal (dispute->status, "resolved"))
        when = g_strdup_printf (_("Opened %s, resolved %s"), opened, closed);
      else
        when = g_strdup_printf (_("Opened %s, cancelled %s"), opened, closed);

      subtitle = join_parts (amount, when, department, dispute->description, dispute->resolution, NULL);
      row = new_row (title, subtitle, open ? "dialog-warning-symbolic" : "object-select-symbolic");

      if (open)
        {
          GtkWidget *resolve = new_suffix_button (NULL, _("_Resolve…"), NULL);
          GtkWidget *cancel = new_suffix_button ("edit-undo-symbolic", NULL, _("Cancel the Dispute"));

          g_object_set_data (G_OBJECT (resolve), "dispute-id", GSIZE_TO_POINTER ((gsize)dispute->id));
          g_object_set_data (G_OBJECT (cancel), "dispute-id", GSIZE_TO_POINTER ((gsize)dispute->id));
          g_signal_connect (resolve, "clicked", G_CALLBACK (on_resolve_dispute_cb), self);
          g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_dispute_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolve);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
        }
      else
        {
          gtk_widget_add_css_class (row, "dim-label");
        }

      gtk_list_box_append (self->disputes_list, row);
    }
}

/* Payments */

static const char *
method_label (const char *method)
{
  if (g_strcmp0 (method, "transfer") == 0)
    return C_("payment method", "Transfer");
  if (g_strcmp0 (method, "cheque") == 0)
    return C_("payment method", "Cheque");
  if (g_strcmp0 (method, "card") == 0)
    return C_("payment method", "Card");
  if (g_strcmp0 (method, "cash") == 0)
    return C_("payment method", "Cash");
  if (g_strcmp0 (method, "direct_debit") == 0)
    return C_("payment method", "Direct debit");
  return method;
}

static void
on_undo_payment_cb (AdwToast            *t,
                    RelanceCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  RelancePaymentRow *row = g_object_get_data (G_OBJECT (t), "payment");
  GPtrArray *allocations = g_object_get_data (G_OBJECT (t), "allocations");
  gint64 customer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (t), "customer-id"));

  if (self->context == NULL)
    return;
  if (relance_desk_add_payment (get_db (self), customer_id, row->date, row->amount, row->method,
                                row->reference, allocations, &error) == 0)
    toast_error (self, error);
  emit_changed (self);
}

static void
on_delete_payment_cb (GtkButton           *button,
                      RelanceCustomerPage *self)
{
  RelancePaymentRow *row = g_object_get_data (G_OBJECT (button), "payment");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) allocations = NULL;
  AdwToast *t;

  /* What Undo needs: the payment and how it was allocated. */
  allocations = relance_desk_list_payment_allocations (get_db (self), row->id, &error);
  if (allocations == NULL || !relance_desk_delete_payment (get_db (self), row->id, &error))
    {
      toast_error (self, error);
      return;
    }

  t = adw_toast_new (_("Payment deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data_full (G_OBJECT (t), "payment", g_object_steal_data (G_OBJECT (button), "payment"),
                          (GDestroyNotify)relance_payment_row_free);
  g_object_set_data_full (G_OBJECT (t), "allocations", g_steal_pointer (&allocations),
                          (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data (G_OBJECT (t), "customer-id", GSIZE_TO_POINTER ((gsize)self->customer_id));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_payment_cb), self, 0);
  emit_changed (self);
  toast (self, t);
}

/* What a payment left on account goes to invoices the user now knows. */
static void
on_allocate_payment_cb (GtkButton           *button,
                        RelanceCustomerPage *self)
{
  gint64 payment_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "payment-id");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = relance_payment_dialog_new_allocate (get_parent_window (self), self->context, payment_id, &error);
  if (dialog == NULL)
    {
      toast_error (self, error);
      relance_customer_page_reload (self);
      return;
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_payments (RelanceCustomerPage *self,
               GPtrArray           *payments)
{
  clear_list (self->payments_list);

  for (guint i = 0; i < payments->len; i++)
    {
      RelancePaymentRow *payment = g_ptr_array_index (payments, i);
      g_autofree char *amount = relance_format_money (payment->amount);
      g_autofree char *date = relance_format_day (payment->date);
      g_autofree char *title = g_strdup_printf ("%s · %s", amount, method_label (payment->method));
      g_autofree char *settles = payment->invoices && payment->invoices[0]
                                 ? g_strdup_printf (_("Settles %s"), payment->invoices) : g_strdup ("");
      g_autofree char *remainder = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *remove;

      if (payment->unallocated > 0)
        {
          g_autofree char *left = relance_format_money (payment->unallocated);

          remainder = g_strdup_printf (_("%s on account"), left);
        }

      subtitle = join_parts (date, payment->reference, settles, remainder ? remainder : "", NULL);
      row = new_row (title, subtitle, "emblem-ok-symbolic");
      if (payment->unallocated > 0)
        {
          GtkWidget *allocate = new_suffix_button (NULL, _("_Allocate…"),
                                                   _("Allocate what is on account to invoices"));

          g_object_set_data_full (G_OBJECT (allocate), "payment-id",
                                  g_memdup2 (&payment->id, sizeof payment->id), g_free);
          g_signal_connect (allocate, "clicked", G_CALLBACK (on_allocate_payment_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), allocate);
        }
      remove = new_suffix_button ("user-trash-symbolic", NULL, _("Delete the Payment"));
      g_object_set_data_full (G_OBJECT (remove), "payment", g_ptr_array_steal_index (payments, i),
                              (GDestroyNotify)relance_payment_row_free);
      g_ptr_array_insert (payments, (int)i, NULL);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_payment_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->payments_list, row);
    }
}

/* Timeline */

static const char *
timeline_icon (RelanceTimelineKind kind)
{
  switch (kind)
    {
    case RELANCE_TIMELINE_CALL: return "call-start-symbolic";
    case RELANCE_TIMELINE_EMAIL: return "mail-unread-symbolic";
    case RELANCE_TIMELINE_LETTER: return "mail-send-symbolic";
    case RELANCE_TIMELINE_FORMAL_NOTICE: return "mail-mark-important-symbolic";
    case RELANCE_TIMELINE_NOTE: return "document-edit-symbolic";
    case RELANCE_TIMELINE_VISIT: return "avatar-default-symbolic";
    case RELANCE_TIMELINE_PROMISE: return "alarm-symbolic";
    case RELANCE_TIMELINE_DISPUTE_OPENED: return "dialog-warning-symbolic";
    case RELANCE_TIMELINE_DISPUTE_RESOLVED: return "object-select-symbolic";
    case RELANCE_TIMELINE_DISPUTE_CANCELLED: return "edit-undo-symbolic";
    case RELANCE_TIMELINE_PAYMENT: return "emblem-ok-symbolic";
    case RELANCE_TIMELINE_CREDIT_NOTE: return "x-office-document-symbolic";
    default: return NULL;
    }
}

static char *
timeline_title (RelanceTimelineEntry *entry)
{
  g_autofree char *amount = relance_format_money (entry->amount);

  switch (entry->kind)
    {
    case RELANCE_TIMELINE_CALL:
      return relance_desk_describe_call (entry);
    case RELANCE_TIMELINE_EMAIL:
      return g_strdup (_("E-mail"));
    case RELANCE_TIMELINE_LETTER:
      return g_strdup (_("Reminder letter"));
    case RELANCE_TIMELINE_FORMAL_NOTICE:
      return g_strdup (_("Formal notice"));
    case RELANCE_TIMELINE_NOTE:
      return g_strdup (_("Note"));
    case RELANCE_TIMELINE_VISIT:
      return g_strdup (_("Visit"));
    case RELANCE_TIMELINE_PROMISE:
      {
        g_autofree char *by = relance_format_day (entry->promised_date);

        if (g_strcmp0 (entry->outcome, "kept") == 0)
          return g_strdup_printf (_("Promise to pay %s by %s: kept"), amount, by);
        if (g_strcmp0 (entry->outcome, "broken") == 0)
          return g_strdup_printf (_("Promise to pay %s by %s: broken"), amount, by);
        return g_strdup_printf (_("Promise to pay %s by %s"), amount, by);
      }
    case RELANCE_TIMELINE_DISPUTE_OPENED:
      return g_strdup_printf (_("Dispute opened on %s for %s: %s"), entry->invoices, amount, entry->outcome);
    case RELANCE_TIMELINE_DISPUTE_RESOLVED:
      return g_strdup_printf (_("Dispute on %s resolved"), entry->invoices);
    case RELANCE_TIMELINE_DISPUTE_CANCELLED:
      return g_strdup_printf (_("Dispute on %s cancelled"), entry->invoices);
    case RELANCE_TIMELINE_PAYMENT:
      return g_strdup_printf (_("Payment of %s (%s)"), amount, method_label (entry->outcome));
    case RELANCE_TIMELINE_CREDIT_NOTE:
      return g_strdup_printf (_("Credit note %s of %s"), entry->summary, amount);
    default:
      return g_strdup ("");
    }
}

/* A letter kept in the history, shown again to print or save it. */
static void
on_show_letter_cb (GtkButton           *button,
                   RelanceCustomerPage *self)
{
  gint64 action_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;

  if (self->context == NULL)
    return;

  pdf = relance_letter_get_document (get_db (self), action_id, &name, &error);
  if (pdf == NULL)
    {
      if (error != NULL)
        toast_error (self, error);
      return;
    }

  gtk_window_present (GTK_WINDOW (relance_letter_window_new_for_document (get_parent_window (self), pdf, name)));
}

/* Letters sent with their PDF kept get a Show button. */
static void
add_letter_button (RelanceCustomerPage  *self,
                   GtkWidget            *row,
                   RelanceTimelineEntry *entry)
{
  g_autoptr(GBytes) pdf = NULL;
  GtkWidget *button;

  if (entry->kind != RELANCE_TIMELINE_LETTER && entry->kind != RELANCE_TIMELINE_FORMAL_NOTICE)
    return;

  pdf = relance_letter_get_document (get_db (self), entry->id, NULL, NULL);
  if (pdf == NULL)
    return;

  button = new_suffix_button (NULL, _("_Show"), _("Show the Letter Sent"));
  g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER ((gsize)entry->id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_letter_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
show_timeline (RelanceCustomerPage *self,
               GPtrArray           *entries)
{
  clear_list (self->timeline_list);

  for (guint i = 0; i < entries->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = timeline_title (entry);
      g_autofree char *date = relance_format_day (entry->date);
      g_autofree char *people = NULL;
      g_autofree char *concerns = NULL;
      g_autofree char *subtitle = NULL;
      const char *summary = entry->kind == RELANCE_TIMELINE_CREDIT_NOTE ? "" : entry->summary;
      GtkWidget *row;

      /* A call names the person reached in its title. */
      if (entry->kind == RELANCE_TIMELINE_CALL)
        people = g_strdup (entry->who);
      else if (entry->who[0] != '\0' && entry->contact[0] != '\0')
        people = g_strdup_printf (_("%s with %s"), entry->who, entry->contact);
      else
        people = g_strdup (entry->who[0] ? entry->who : entry->contact);

      if (entry->invoices != NULL && entry->invoices[0] != '\0' &&
          entry->kind != RELANCE_TIMELINE_DISPUTE_OPENED &&
          entry->kind != RELANCE_TIMELINE_DISPUTE_RESOLVED &&
          entry->kind != RELANCE_TIMELINE_DISPUTE_CANCELLED)
        concerns = g_strdup_printf (_("Invoices: %s"), entry->invoices);

      subtitle = join_parts (date, people, summary, concerns ? concerns : "", NULL);
      row = new_row (title, subtitle, timeline_icon (entry->kind));
      add_letter_button (self, row, entry);
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* Loading */

static void
show_customer (RelanceCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCustomerDetails) details = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(RelancePenalties) penalties = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *place = NULL;
  g_autofree char *identity = NULL;
  RelanceCustomerFigures figures;
  RelanceDatabase *db;

  if (self->context == NULL || self->customer_id == 0)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.new-invoice", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.record-payment", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-note", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.write-letter", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.formal-notice-now", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.delete", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.restore", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.proceedings", FALSE);
      gtk_widget_set_visible (self->proceedings_group, FALSE);
      return;
    }

  db = get_db (self);
  details = relance_desk_get_customer (db, self->customer_id, &error);
  if (details == NULL ||
      (contacts = relance_desk_list_contacts (db, self->customer_id, &error)) == NULL ||
      !relance_desk_get_figures (db, self->customer_id, relance_context_get_today (self->context), &figures, &error) ||
      (disputes = relance_desk_list_disputes (db, self->customer_id, &error)) == NULL ||
      (payments = relance_desk_list_payments (db, self->customer_id, MAX_PAYMENTS, &error)) == NULL ||
      (timeline = relance_desk_get_timeline (db, self->customer_id, relance_context_get_today (self->context), MAX_TIMELINE, &error)) == NULL ||
      (penalties = relance_penalties_compute (db, self->customer_id, relance_context_get_today (self->context), &error)) == NULL)
    {
      toast_error (self, error);
      self->customer_id = 0;
      show_customer (self);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.new-invoice", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.record-payment", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-note", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.write-letter", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.formal-notice-now", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.edit", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.proceedings", TRUE);

  g_free (self->customer_name);
  self->customer_name = g_strdup (details->name);
  gtk_label_set_text (self->title_label, details->name);

  terms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pays at %d day", "Pays at %d days",
                                        details->payment_terms),
                           details->payment_terms);
  place = join_parts (details->address, details->postcode, details->city, NULL);
  identity = join_parts (details->code, details->segment, place,
                         details->siren[0] ? details->siren : "", terms,
                         details->archived ? _("Archived") : "", NULL);
  gtk_label_set_text (self->identity_label, identity);

  /* An archived customer is restored, not deleted again; the menu of a
   * narrow window shows whichever applies. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.delete", !details->archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.restore", details->archived);
  gtk_button_set_icon_name (self->delete_button, details->archived ? "edit-undo-symbolic" : "user-trash-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button),
                               details->archived ? _("Restore the Customer") : _("Delete the Customer"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button),
                                  details->archived ? "customer.restore" : "customer.delete");

  show_figures (self, &figures);
  gtk_widget_set_visible (self->proceedings_group,
                          relance_proceedings_fill_list (self->proceedings_list, self->context, self->customer_id));
  show_penalties (self, g_steal_pointer (&penalties), relance_context_get_today (self->context));
  show_contacts (self, details, contacts);
  show_disputes (self, disputes);
  show_payments (self, payments);
  show_timeline (self, timeline);

  gtk_stack_set_visible_child_name (self->stack, "page");
}

static RelanceInvoice *
get_selected_invoice (RelanceCustomerPage *self)
{
  GtkColumnView *view = relance_ledger_view_get_column_view (self->invoices_view);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  gpointer item;

  if (!GTK_IS_SINGLE_SELECTION (selection))
    return NULL;

  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  if (item == NULL || relance_invoice_get_id (item) == 0)
    return NULL;

  return item;
}

static void
update_invoice_actions (RelanceCustomerPage *self)
{
  RelanceInvoice *invoice = get_selected_invoice (self);
  gboolean is_invoice = invoice != NULL && relance_invoice_get_kind (invoice) == RELANCE_INVOICE_KIND_INVOICE;
  gboolean is_credit_note = invoice != NULL && !is_invoice;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.edit-invoice", invoice != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.dispute-invoice",
                                 is_invoice && relance_invoice_get_open (invoice) > 0 &&
                                 relance_invoice_get_status (invoice) != RELANCE_INVOICE_STATUS_DISPUTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.apply-credit-note",
                                 is_credit_note && relance_invoice_get_open (invoice) != 0);
}

static void
on_invoice_selection_changed_cb (RelanceCustomerPage *self)
{
  update_invoice_actions (self);
}

static void
give_invoice_model (RelanceCustomerPage *self)
{
  g_autoptr(RelanceListModel) model = NULL;
  GtkSelectionModel *selection;

  if (self->context != NULL && self->customer_id != 0)
    {
      model = relance_list_model_new (get_db (self), RELANCE_LIST_INVOICES,
                                      relance_context_get_today (self->context));
      relance_list_model_set_customer (model, self->customer_id);
    }

  relance_ledger_view_set_model (self->invoices_view, model);

  selection = gtk_column_view_get_model (relance_ledger_view_get_column_view (self->invoices_view));
  if (selection != NULL)
    g_signal_connect_object (selection, "selection-changed",
                             G_CALLBACK (on_invoice_selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_invoice_actions (self);
}

/* Actions */

static void edit_invoice_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param);

static void
on_invoice_activated_cb (RelanceCustomerPage *self,
                         guint                position)
{
  edit_invoice_action (GTK_WIDGET (self), "customer.edit-invoice", NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = relance_customer_edit_dialog_new (get_parent_window (self), self->context, self->customer_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = relance_invoice_dialog_new (get_parent_window (self), self->context, self->customer_id, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_invoice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  RelanceInvoice *invoice = get_selected_invoice (self);
  GtkWidget *dialog;

  if (invoice == NULL)
    return;

  dialog = relance_invoice_dialog_new (get_parent_window (self), self->context, self->customer_id,
                                       relance_invoice_get_id (invoice));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dispute_invoice_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  RelanceInvoice *invoice = get_selected_invoice (self);
  GtkWidget *dialog;

  if (invoice == NULL)
    return;

  dialog = relance_dispute_dialog_new_open (get_parent_window (self), self->context,
                                            relance_invoice_get_id (invoice));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_credit_note_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  RelanceInvoice *invoice = get_selected_invoice (self);
  GtkWidget *dialog;

  if (invoice == NULL)
    return;

  dialog = relance_payment_dialog_new (get_parent_window (self), self->context, self->customer_id,
                                       relance_invoice_get_id (invoice));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = relance_payment_dialog_new (get_parent_window (self), self->context, self->customer_id, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = relance_contact_dialog_new (get_parent_window (self), self->context, self->customer_id, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_note_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
on_note_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     RelanceCustomerPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL || self->customer_id == 0)
    return;

  if (relance_desk_add_note (get_db (self), self->customer_id, relance_context_get_today (self->context),
                             gtk_editable_get_text (entry), &error) == 0)
    {
      toast_error (self, error);
      return;
    }

  emit_changed (self);
  toast (self, adw_toast_new (_("Note added")));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = adw_message_dialog_new (get_parent_window (self), _("Add a Note"), self->customer_name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What to remember about this customer"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_note_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_letter_saved_cb (RelanceCustomerPage *self,
                    const char          *message)
{
  emit_changed (self);
  toast (self, adw_toast_new (message));
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  RelanceWorkItem *item;
  GtkWidget *window;

  if (self->context == NULL || self->customer_id == 0)
    return;

  /* When today's step for this customer is a letter, this is that letter:
   * about its invoices, and the step is done once it is sent. */
  item = relance_worklist_get_item (relance_context_get_database (self->context), self->customer_id,
                                    relance_context_get_today (self->context), NULL);
  if (item != NULL && item->group != RELANCE_WORK_LETTER && item->group != RELANCE_WORK_FORMAL_NOTICE)
    g_clear_pointer (&item, relance_work_item_free);

  window = relance_letter_window_new (get_parent_window (self), self->context, self->customer_id, item);
  g_clear_pointer (&item, relance_work_item_free);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_letter_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* The formal notice sent on purpose, after the user read what was not
 * done before it. */
static void
on_formal_notice_response_cb (AdwMessageDialog    *dialog,
                              const char          *response,
                              RelanceCustomerPage *self)
{
  RelanceWorkItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkWidget *window;

  if (g_strcmp0 (response, "write") != 0 || item == NULL || self->context == NULL ||
      item->customer_id != self->customer_id)
    return;

  window = relance_letter_window_new (get_parent_window (self), self->context, self->customer_id, item);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_letter_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
formal_notice_now_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  RelanceWorkSubstitute missing = RELANCE_WORK_SUBSTITUTE_NONE;
  RelanceWorkItem *item;
  GtkWidget *dialog;
  const char *body;

  if (self->context == NULL || self->customer_id == 0)
    return;

  item = relance_worklist_get_formal_notice_item (get_db (self), self->customer_id,
                                                  relance_context_get_today (self->context), &missing, &error);
  if (item == NULL && error != NULL)
    {
      toast_error (self, error);
      return;
    }
  if (item == NULL)
    {
      toast (self, adw_toast_new (_("No invoice is overdue outside a dispute: there is nothing to give formal notice of")));
      return;
    }

  switch (missing)
    {
    case RELANCE_WORK_SUBSTITUTE_CALL:
      body = _("No call was made since the invoices fell due. The formal notice usually comes last, after a "
               "call and a written reminder: it is the step before legal action.");
      break;
    case RELANCE_WORK_SUBSTITUTE_LETTER:
      body = _("No letter or e-mail was sent since the invoices fell due. The formal notice usually comes last, "
               "after a call and a written reminder: it is the step before legal action.");
      break;
    case RELANCE_WORK_SUBSTITUTE_NONE:
    default:
      body = _("The formal notice is the step before legal action. The steps of the scenario not done yet "
               "for these invoices will be skipped once it is sent.");
      break;
    }

  dialog = adw_message_dialog_new (get_parent_window (self), _("Send a Formal Notice Now?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "write", _("_Write the Formal Notice"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "write", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "item", item, (GDestroyNotify)relance_work_item_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_formal_notice_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Insolvency proceedings (relance-proceedings-dialog.c) */

static void
on_proceedings_saved_cb (RelanceCustomerPage *self,
                         const char          *message)
{
  emit_changed (self);
  toast (self, adw_toast_new (message));
}

static void
proceedings_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->customer_id == 0)
    return;

  dialog = relance_proceedings_dialog_new (get_parent_window (self), self->context, self->customer_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_proceedings_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_claim_written_cb (const char   *message,
                     const GError *error,
                     gpointer      user_data)
{
  RelanceCustomerPage *self = user_data;

  if (error != NULL)
    toast_error (self, error);
  else if (message != NULL)
    on_proceedings_saved_cb (self, message);
}

static void
claim_declaration_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);

  if (self->context == NULL || self->customer_id == 0)
    return;

  relance_claim_declaration_write (get_parent_window (self), self->context, self->customer_id,
                                   on_claim_written_cb, self);
}

static void
on_call_saved_cb (RelanceCustomerPage *self,
                  const char          *message)
{
  emit_changed (self);
  toast (self, adw_toast_new (message));
}

/* A call made or received, whatever the worklist says; it answers the
 * customer's call step of the day when there is one. */
static void
log_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *sheet;

  if (self->context == NULL || self->customer_id == 0)
    return;

  sheet = relance_call_sheet_new_for_customer (get_parent_window (self), self->context, self->customer_id,
                                               relance_context_get_today (self->context), &error);
  if (sheet == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_signal_connect_object (sheet, "saved", G_CALLBACK (on_call_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (sheet));
}

static void
on_undo_delete_customer_cb (AdwToast            *t,
                            RelanceCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (t), "customer-id"));

  if (self->context == NULL)
    return;
  g_object_set_data (G_OBJECT (t), "customer-id", NULL);
  if (!relance_desk_set_archived (get_db (self), id, FALSE, &error))
    toast_error (self, error);
  relance_customer_page_set_customer (self, id);
  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL || self->customer_id == 0)
    return;

  if (!relance_desk_set_archived (get_db (self), self->customer_id, FALSE, &error))
    {
      toast_error (self, error);
      return;
    }

  emit_changed (self);
  toast (self, adw_toast_new (_("Customer restored")));
}

/* No Undo came: a customer with nothing in the ledger goes for good. */
static void
on_delete_customer_dismissed_cb (AdwToast        *t,
                                 RelanceDatabase *db)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (t), "customer-id"));

  if (id != 0)
    relance_desk_delete_customer (db, id, NULL, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceCustomerPage *self = RELANCE_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = self->customer_id;
  AdwToast *t;

  if (self->context == NULL || id == 0)
    return;

  /* Archived at once, so that Undo can bring everything back; deleted when
   * the toast goes, unless the ledger keeps its invoices. */
  if (!relance_desk_set_archived (get_db (self), id, TRUE, &error))
    {
      toast_error (self, error);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), self->customer_name);
  t = adw_toast_new (message);
  adw_toast_set_button_label (t, _("_Undo"));
  g_object_set_data (G_OBJECT (t), "customer-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_delete_customer_cb), self, 0);
  g_signal_connect_data (t, "dismissed", G_CALLBACK (on_delete_customer_dismissed_cb),
                         g_object_ref (get_db (self)), (GClosureNotify)(void (*) (void))g_object_unref, 0);

  relance_customer_page_set_customer (self, 0);
  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
  g_signal_emit (self, signals[BACK], 0);
  toast (self, t);
}

/* Overrides */

static void
relance_customer_page_dispose (GObject *object)
{
  RelanceCustomerPage *self = (RelanceCustomerPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_CUSTOMER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->context);
  g_clear_pointer (&self->customer_name, g_free);

  G_OBJECT_CLASS (relance_customer_page_parent_class)->dispose (object);
}

static void
relance_customer_page_class_init (RelanceCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_customer_page_dispose;

  /**
   * RelanceCustomerPage::ledger-changed:
   *
   * The page wrote to the ledger: lists showing it should read it again.
   */
  signals[LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RelanceCustomerPage::toast:
   * @toast: a message for the user, maybe with Undo
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * RelanceCustomerPage::back:
   *
   * The user asked to go back to the list.
   */
  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RELANCE_TYPE_LEDGER_VIEW);
  (void)relance_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, invoice_buttons);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, identity_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, penalties_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, penalties_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, credit_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, credit_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, credit_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, proceedings_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, proceedings_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, invoices_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, disputes_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, payments_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, payments_list);
  gtk_widget_class_bind_template_child (widget_class, RelanceCustomerPage, timeline_list);

  gtk_widget_class_install_action (widget_class, "customer.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customer.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "customer.edit-invoice", NULL, edit_invoice_action);
  gtk_widget_class_install_action (widget_class, "customer.dispute-invoice", NULL, dispute_invoice_action);
  gtk_widget_class_install_action (widget_class, "customer.apply-credit-note", NULL, apply_credit_note_action);
  gtk_widget_class_install_action (widget_class, "customer.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "customer.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "customer.write-letter", NULL, write_letter_action);
  gtk_widget_class_install_action (widget_class, "customer.log-call", NULL, log_call_action);
  gtk_widget_class_install_action (widget_class, "customer.formal-notice-now", NULL, formal_notice_now_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customer.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "customer.proceedings", NULL, proceedings_action);
  gtk_widget_class_install_action (widget_class, "customer.claim-declaration", NULL, claim_declaration_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
relance_customer_page_init (RelanceCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The boxes of the flow are not stops of the keyboard: their buttons are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->invoice_buttons));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  set_placeholder (self->contacts_list, _("No contact yet: add the person who handles payments."));
  set_placeholder (self->disputes_list, _("No dispute with this customer."));
  set_placeholder (self->payments_list, _("No payment received yet."));
  set_placeholder (self->timeline_list, _("Nothing happened with this customer yet."));
  show_customer (self);
  update_invoice_actions (self);
  g_signal_connect_object (relance_ledger_view_get_column_view (self->invoices_view), "activate",
                           G_CALLBACK (on_invoice_activated_cb), self, G_CONNECT_SWAPPED);

  /* They are all this customer’s: no Customer column (the second, see
   * invoice_columns in relance-ledger-view.c). */
  {
    GListModel *columns = gtk_column_view_get_columns (relance_ledger_view_get_column_view (self->invoices_view));

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (i == 1)
          gtk_column_view_column_set_visible (column, FALSE);
      }
  }
}

/* Public API */

GtkWidget *
relance_customer_page_new (void)
{
  return g_object_new (RELANCE_TYPE_CUSTOMER_PAGE, NULL);
}

void
relance_customer_page_set_context (RelanceCustomerPage *self,
                                   RelanceContext      *context)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_PAGE (self));

  if (!g_set_object (&self->context, context))
    return;

  self->customer_id = 0;
  give_invoice_model (self);
  show_customer (self);
}

gint64
relance_customer_page_get_customer (RelanceCustomerPage *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

/**
 * relance_customer_page_set_customer:
 * @customer_id: the customer to show; 0 for none
 */
void
relance_customer_page_set_customer (RelanceCustomerPage *self,
                                    gint64               customer_id)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_PAGE (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  give_invoice_model (self);
  show_customer (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/**
 * relance_customer_page_reload:
 *
 * Reads the customer again after the ledger changed.
 */
void
relance_customer_page_reload (RelanceCustomerPage *self)
{
  RelanceListModel *model;

  g_return_if_fail (RELANCE_IS_CUSTOMER_PAGE (self));

  model = relance_ledger_view_get_model (self->invoices_view);
  if (model != NULL)
    relance_list_model_reload (model);
  show_customer (self);
  update_invoice_actions (self);
}

void
relance_customer_page_set_show_back (RelanceCustomerPage *self,
                                     gboolean             show_back)
{
  g_return_if_fail (RELANCE_IS_CUSTOMER_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}

/**
 * relance_customer_page_get_invoice_list:
 *
 * Returns: (transfer none): the list of the customer's invoices
 */
GtkColumnView *
relance_customer_page_get_invoice_list (RelanceCustomerPage *self)
{
  g_return_val_if_fail (RELANCE_IS_CUSTOMER_PAGE (self), NULL);

  return relance_ledger_view_get_column_view (self->invoices_view);
}
