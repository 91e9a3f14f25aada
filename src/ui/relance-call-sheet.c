/* relance-call-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-call-sheet.h"
#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-form.h"
#include "relance-format.h"
#include "relance-money.h"
#include "relance-preferences-window.h"
#include "relance-stats.h"

#define MAX_HISTORY  8
#define MAX_PAYMENTS 5

/* The outcomes offered, in the order shown. */
static const RelanceOutcome outcomes[] = {
  RELANCE_OUTCOME_PROMISE,
  RELANCE_OUTCOME_REACHED,
  RELANCE_OUTCOME_REFUSED,
  RELANCE_OUTCOME_DISPUTE,
  RELANCE_OUTCOME_CALL_BACK,
  RELANCE_OUTCOME_WRONG_CONTACT,
  RELANCE_OUTCOME_NO_ANSWER,
  RELANCE_OUTCOME_PAID,
};

struct _RelanceCallSheet
{
  AdwWindow        parent_instance;

  GtkWidget       *save_button;
  GtkLabel        *error_label;
  GtkRevealer     *error_revealer;
  GtkBox          *columns;      /* the glance and the script */
  GtkBox          *glance;
  GtkBox          *script_box;
  GtkWidget       *checks[G_N_ELEMENTS (outcomes)];
  GtkWidget       *promise_group;
  GtkWidget       *promise_date_row;
  GtkWidget       *promise_amount_row;
  GtkWidget       *dispute_group;
  GtkWidget       *cause_row;
  GtkWidget       *dispute_amount_row;
  GtkWidget       *dispute_text_row;
  GtkWidget       *call_back_group;
  GtkWidget       *call_back_row;
  GtkWidget       *contact_group;
  GtkWidget       *contact_name_row;
  GtkWidget       *contact_phone_row;
  GtkWidget       *contact_email_row;
  GtkWidget       *contact_civility_row;
  GtkWidget       *incoming_row;   /* the customer called us */
  GtkWidget       *reached_group;  /* who was reached, or called */
  GtkWidget       *reached_row;    /* the contacts, then "someone else" */
  GtkWidget       *other_name_row; /* the name of someone else */
  GtkTextView     *summary_view;
  GtkLabel        *message;

  RelanceContext  *context;
  RelanceWorkRow  *row;
  RelanceDay       date;
  GPtrArray       *causes;       /* RelanceDisputeCause */
  RelanceContact  *contact;      /* the collections contact, or NULL */
  GPtrArray       *contacts;     /* RelanceContact: all, the collections contact first */
  gboolean         answers_item; /* the row is the customer's call step of the worklist */
  RelanceDay       promise_made; /* of the item's promise, 0 when unknown */
  GString         *script;       /* the script as plain text */
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceCallSheet, relance_call_sheet, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* Helpers */

static const RelanceWorkItem *
get_item (RelanceCallSheet *self)
{
  return relance_work_row_get_item (self->row);
}

static RelanceDatabase *
get_db (RelanceCallSheet *self)
{
  return relance_context_get_database (self->context);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);

  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
new_link (const char *scheme,
          const char *address,
          const char *tooltip)
{
  g_autofree char *compact = NULL;
  g_autofree char *uri = NULL;
  GtkWidget *link;
  GtkWidget *label;

  /* tel: URIs carry no spaces. */
  if (g_str_equal (scheme, "tel:"))
    {
      g_auto(GStrv) parts = g_strsplit_set (address, " .-", -1);

      compact = g_strjoinv ("", parts);
    }
  uri = g_strconcat (scheme, compact ? compact : address, NULL);
  link = gtk_link_button_new_with_label (uri, address);
  gtk_widget_set_tooltip_text (link, tooltip);
  gtk_widget_set_halign (link, GTK_ALIGN_END);
  label = gtk_button_get_child (GTK_BUTTON (link));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }

  return link;
}

static void
add_links (GtkWidget  *row,
           const char *phone,
           const char *email)
{
  GtkWidget *box;

  if ((phone == NULL || phone[0] == '\0') && (email == NULL || email[0] == '\0'))
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (phone != NULL && phone[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_link ("tel:", phone, _("Call")));
  if (email != NULL && email[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_link ("mailto:", email, _("Write an e-mail")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

static char *
days_overdue_text (int days)
{
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", days), days);
  if (days == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due in %d day", "due in %d days", -days), -days);
}

/* "●" in the cause's colour, as Pango markup. */
static char *
colour_dot (const char *colour)
{
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return g_strdup ("\u25cf");

  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">\u25cf</span>",
                          (guint)(rgba.red * 255. + .5),
                          (guint)(rgba.green * 255. + .5),
                          (guint)(rgba.blue * 255. + .5));
}

/* Calls, reminders and promises; NULL for what the sheet shows elsewhere. */
static char *
history_title (const RelanceTimelineEntry *entry)
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
    case RELANCE_TIMELINE_VISIT:
      return g_strdup (_("Visit"));
    case RELANCE_TIMELINE_NOTE:
      return g_strdup (_("Note"));
    case RELANCE_TIMELINE_PROMISE:
      {
        g_autofree char *by = relance_format_day (entry->promised_date);

        if (g_strcmp0 (entry->outcome, "kept") == 0)
          return g_strdup_printf (_("Promise to pay %s by %s: kept"), amount, by);
        if (g_strcmp0 (entry->outcome, "broken") == 0)
          return g_strdup_printf (_("Promise to pay %s by %s: broken"), amount, by);
        return g_strdup_printf (_("Promise to pay %s by %s"), amount, by);
      }
    default:
      return NULL;
    }
}

/* At a glance */

static void
show_contacts (RelanceCallSheet *self,
               GPtrArray        *contacts)
{
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (get_db (self), item->customer_id, NULL);
  AdwPreferencesGroup *group = add_group (self->glance, _("Contacts"));
  guint n = contacts != NULL ? contacts->len : 0;

  /* The one to ask for first, then the others. */
  for (guint i = 0; i < n + 1; i++)
    {
      RelanceContact *contact = i == 0 ? self->contact : g_ptr_array_index (contacts, i - 1);
      g_autofree char *name = NULL;
      const char *role;
      GtkWidget *row;

      if (contact == NULL)
        continue;
      role = contact->is_collections ? _("Collections contact") : contact->role;
      name = relance_contact_dup_display_name (contact->civility, contact->name);
      row = new_row (name, role, NULL);
      if (contact->is_collections)
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "starred-symbolic");
      add_links (row, contact->phone, contact->email);
      adw_preferences_group_add (group, row);
    }

  if (details != NULL && (details->phone[0] != '\0' || details->email[0] != '\0'))
    {
      GtkWidget *row = new_row (_("Switchboard"), NULL, NULL);

      add_links (row, details->phone, details->email);
      adw_preferences_group_add (group, row);
    }
  else if (self->contact == NULL)
    {
      adw_preferences_group_add (group, new_row (_("No contact yet"),
                                                 _("Ask for the person who handles supplier payments"),
                                                 NULL));
    }
}

static void
show_invoices (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  AdwPreferencesGroup *group = add_group (self->glance, _("Invoices Concerned"));

  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);
      g_autofree char *due = relance_format_day (invoice->due_date);
      g_autofree char *days = days_overdue_text (invoice->days_overdue);
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · %s"), due, days);
      g_autofree char *open = relance_format_money (invoice->open);

      adw_preferences_group_add (group, new_row (invoice->number, subtitle, open));
    }

  for (guint i = 0; item->blocked != NULL && i < item->blocked->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->blocked, i);
      g_autofree char *open = relance_format_money (invoice->open);
      g_autofree char *subtitle = g_strdup_printf (_("Under dispute: %s · %s, not to be claimed"),
                                                   invoice->cause_code ? invoice->cause_code : "",
                                                   invoice->cause_label ? invoice->cause_label : "");
      GtkWidget *row = new_row (invoice->number, subtitle, open);

      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      adw_preferences_group_add (group, row);
    }

  if (item->invoices->len > 1)
    {
      g_autofree char *total = relance_format_money (item->amount);

      adw_preferences_group_add (group, new_row (_("Total to claim"), NULL, total));
    }
}

static void
show_disputes (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(GPtrArray) disputes = relance_desk_list_disputes (get_db (self), item->customer_id, NULL);
  AdwPreferencesGroup *group = add_group (self->glance, _("Disputes"));

  if (disputes == NULL || disputes->len == 0)
    {
      adw_preferences_group_add (group, new_row (_("No dispute, now or before"), NULL, NULL));
      return;
    }

  for (guint i = 0; i < disputes->len; i++)
    {
      RelanceDisputeRow *dispute = g_ptr_array_index (disputes, i);
      gboolean open = g_strcmp0 (dispute->status, "open") == 0;
      g_autofree char *dot = colour_dot (dispute->colour);
      g_autofree char *title = g_markup_printf_escaped ("%s · %s · %s", dispute->invoice_number,
                                                        dispute->cause_code, dispute->cause_label);
      g_autofree char *markup = g_strconcat (dot, " ", title, NULL);
      g_autofree char *amount = relance_format_money (dispute->amount);
      g_autofree char *opened = relance_format_day (dispute->opened_on);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (open)
        subtitle = g_strdup_printf (_("Open since %s"), opened);
      else
        {
          g_autofree char *closed = relance_format_day (dispute->resolved_on);

          if (g_strcmp0 (dispute->status, "resolved") == 0)
            subtitle = g_strdup_printf (_("Opened %s, resolved %s"), opened, closed);
          else
            subtitle = g_strdup_printf (_("Opened %s, cancelled %s"), opened, closed);
        }

      row = new_row (NULL, subtitle, amount);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
      if (!open)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (group, row);
    }
}

static void
show_payments (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(GPtrArray) payments = relance_desk_list_payments (get_db (self), item->customer_id, MAX_PAYMENTS, NULL);
  AdwPreferencesGroup *group = add_group (self->glance, _("Recent Payments"));

  if (payments == NULL || payments->len == 0)
    {
      adw_preferences_group_add (group, new_row (_("No payment received"), NULL, NULL));
      return;
    }

  for (guint i = 0; i < payments->len; i++)
    {
      RelancePaymentRow *payment = g_ptr_array_index (payments, i);
      g_autofree char *day = relance_format_day (payment->date);
      g_autofree char *amount = relance_format_money (payment->amount);
      g_autofree char *settles = payment->invoices && payment->invoices[0]
                                 ? g_strdup_printf (_("Settles %s"), payment->invoices) : NULL;

      adw_preferences_group_add (group, new_row (day, settles, amount));
    }
}

/* Earlier reminders, calls and promises; remembers when the item's
 * promise was made, for the script. */
static void
show_history (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(GPtrArray) timeline = relance_desk_get_timeline (get_db (self), item->customer_id, relance_context_get_today (self->context), 100, NULL);
  AdwPreferencesGroup *group = add_group (self->glance, _("Earlier Reminders, Calls and Promises"));
  guint n_shown = 0;

  for (guint i = 0; timeline != NULL && i < timeline->len; i++)
    {
      RelanceTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *title = NULL;
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;
      GString *parts;

      if (entry->kind == RELANCE_TIMELINE_PROMISE && entry->id == item->promise_id)
        self->promise_made = entry->date;

      title = history_title (entry);
      if (title == NULL || n_shown >= MAX_HISTORY)
        continue;

      day = relance_format_day (entry->date);
      parts = g_string_new (day);
      /* A call names the person in its title. */
      if (entry->kind != RELANCE_TIMELINE_CALL && entry->contact != NULL && entry->contact[0] != '\0')
        g_string_append_printf (parts, " · %s", entry->contact);
      if (entry->summary != NULL && entry->summary[0] != '\0')
        g_string_append_printf (parts, " · %s", entry->summary);
      subtitle = g_string_free (parts, FALSE);

      adw_preferences_group_add (group, new_row (title, subtitle, NULL));
      n_shown++;
    }

  if (n_shown == 0)
    adw_preferences_group_add (group, new_row (_("Nothing yet: this is the first reminder"), NULL, NULL));
}

/* The script */

static void
add_script_part (RelanceCallSheet *self,
                 const char       *heading,
                 const char       *text)
{
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0.f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_label_set_xalign (GTK_LABEL (body), 0.f);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 50);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (self->script_box, title);
  gtk_box_append (self->script_box, body);

  g_string_append_printf (self->script, "%s\n%s\n\n", heading, text);
}

static void
fill_script (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  g_autofree char *company = relance_stats_get_company_name (get_db (self), NULL);
  g_autofree char *numbers = relance_work_row_dup_numbers (self->row);
  g_autofree char *total = relance_format_money (item->amount);
  g_autofree char *first_due = relance_format_day (relance_work_row_get_first_due (self->row));
  g_autofree char *promised = relance_format_money (item->promise_amount);
  g_autofree char *by = relance_format_day (item->promise_date);
  g_autofree char *indemnity = relance_format_money (4000);
  g_autofree char *greeting = NULL;
  g_autofree char *check = NULL;
  g_autofree char *state = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *penalties = NULL;
  g_autofree char *me = relance_preferences_dup_user_name (self->context);
  g_autofree char *my_title = relance_preferences_dup_user_title (self->context);
  guint n = item->invoices->len;

  /* The name and title of the Preferences, else the company's signatory. */
  if (company != NULL && company[0] != '\0' && my_title[0] != '\0')
    /* Translators: "Good morning, this is Claire Morel, credit manager at Menuiserie Petit." */
    greeting = g_strdup_printf (_("Good morning, this is %s, %s at %s."), me, my_title, company);
  else if (company != NULL && company[0] != '\0')
    greeting = g_strdup_printf (_("Good morning, this is %s from %s."), me, company);
  else if (my_title[0] != '\0')
    greeting = g_strdup_printf (_("Good morning, this is %s, %s."), me, my_title);
  else
    greeting = g_strdup_printf (_("Good morning, this is %s."), me);
  add_script_part (self, _("1. Greeting"), greeting);

  if (self->contact != NULL)
    {
      g_autofree char *name = relance_contact_dup_display_name (self->contact->civility, self->contact->name);

      check = g_strdup_printf (_("Am I speaking to %s, who handles supplier payments?"), name);
    }
  else
    check = g_strdup (_("Could I speak to the person who handles supplier payments? Note their name, "
                        "phone and e-mail under “Wrong contact”."));
  add_script_part (self, _("2. Check the Right Person"), check);

  /* Translators: "invoice F-1" or "invoices F-1, F-2" in a call script */
  invoices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "invoice %s", "invoices %s", n), numbers);
  switch (item->reason)
    {
    case RELANCE_WORK_REASON_PROMISE_BROKEN:
      if (self->promise_made != 0)
        {
          g_autofree char *made = relance_format_day (self->promise_made);

          state = g_strdup_printf (_("On %s you promised %s for %s; we have not received it. It concerns %s, "
                                     "%s in all."), made, promised, by, invoices, total);
        }
      else
        {
          state = g_strdup_printf (_("You promised %s for %s; we have not received it. It concerns %s, "
                                     "%s in all."), promised, by, invoices, total);
        }
      break;
    case RELANCE_WORK_REASON_PROMISE_DUE:
      state = g_strdup_printf (_("You promised %s for %s: has the payment left? It concerns %s, %s in all."),
                               promised, by, invoices, total);
      break;
    case RELANCE_WORK_REASON_STEP:
    case RELANCE_WORK_REASON_DISPUTE:
    default:
      if (item->oldest_days_overdue < 0)
        state = g_strdup_printf (_("I am calling about %s, %s in all, due on %s, to make sure nothing stands "
                                   "in the way of the payment."), invoices, total, first_due);
      else
        state = g_strdup_printf (_("I am calling about %s, %s in all, due since %s."), invoices, total, first_due);
      break;
    }
  add_script_part (self, _("3. State the Amount and Invoices"), state);

  add_script_part (self, _("4. Ask for a Date"),
                   _("When will the payment be made, and for how much? Note the date and the amount "
                     "under “Promise”."));

  if (item->claims_penalties)
    {
      penalties = g_strdup_printf (_("Late-payment interest and the fixed recovery indemnity of %s per "
                                     "invoice are owed from the day after the due date; say that they "
                                     "will be claimed if the payment does not come."), indemnity);
      add_script_part (self, _("Penalties"), penalties);
    }

  add_script_part (self, _("5. Handle Objections"),
                   _("“We never received it”: offer to send the invoice again today, check the address, "
                     "and ask for a payment date once it is received.\n"
                     "“There is a problem with the delivery”: ask what is wrong and on which invoice, then "
                     "choose “Dispute found”: the invoice leaves the reminders while it is settled.\n"
                     "“We are short of cash”: propose instalments, a first amount now and a date for "
                     "the rest, and note the first as a promise."));
  add_script_part (self, _("6. Close"),
                   _("Repeat what was agreed, the amount and the date, and thank them."));
}

/* The outcome form */

static RelanceOutcome
get_outcome (RelanceCallSheet *self,
             gboolean         *chosen)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i])))
      {
        *chosen = TRUE;
        return outcomes[i];
      }

  *chosen = FALSE;
  return RELANCE_OUTCOME_NONE;
}

static gboolean
is_incoming (RelanceCallSheet *self)
{
  return gtk_switch_get_active (g_object_get_data (G_OBJECT (self->incoming_row), "switch"));
}

/* Whether the sheet asks who was reached (or called, for no answer). */
static gboolean
asks_who (RelanceOutcome outcome)
{
  return relance_outcome_is_conversation (outcome) || outcome == RELANCE_OUTCOME_CALL_BACK ||
         outcome == RELANCE_OUTCOME_NO_ANSWER;
}

/* The contact chosen as reached, or NULL for someone else. */
static RelanceContact *
get_reached_contact (RelanceCallSheet *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->reached_row));

  return selected < self->contacts->len ? g_ptr_array_index (self->contacts, selected) : NULL;
}

/* The name of the person reached or called; "" when not said. */
static char *
dup_reached_name (RelanceCallSheet *self)
{
  RelanceContact *contact = get_reached_contact (self);

  return contact != NULL ? g_strdup (contact->name) : relance_form_dup_text (self->other_name_row);
}

static char *dup_summary (RelanceCallSheet *self);

/* Checks the fields of the outcome chosen; @message is what is wrong. */
static gboolean
check_fields (RelanceCallSheet  *self,
              RelanceOutcome     outcome,
              char             **message)
{
  const RelanceWorkItem *item = get_item (self);
  g_autofree char *date_message = NULL;
  g_autofree char *amount_message = NULL;
  RelanceDay day = 0;
  gint64 amount = 0;
  gboolean has_day, has_amount;
  GtkWidget *date_row = NULL;
  GtkWidget *amount_row = NULL;
  gboolean valid = TRUE;

  switch (outcome)
    {
    case RELANCE_OUTCOME_PROMISE:
      date_row = self->promise_date_row;
      amount_row = self->promise_amount_row;
      has_day = relance_form_parse_day (date_row, &day, &date_message);
      if (has_day && day < self->date)
        date_message = g_strdup (_("The promised day cannot be in the past"));
      has_amount = relance_form_parse_amount (amount_row, &amount, &amount_message);
      if (has_amount && amount <= 0)
        amount_message = g_strdup (_("The amount must be more than zero"));
      valid = has_day && date_message == NULL && has_amount && amount_message == NULL;
      break;

    case RELANCE_OUTCOME_CALL_BACK:
      date_row = self->call_back_row;
      has_day = relance_form_parse_day (date_row, &day, &date_message);
      if (has_day && day < self->date)
        date_message = g_strdup (_("The day to call back cannot be in the past"));
      valid = has_day && date_message == NULL;
      break;

    case RELANCE_OUTCOME_DISPUTE:
      amount_row = self->dispute_amount_row;
      /* Empty: the whole open balance of the invoice. */
      has_amount = relance_form_parse_amount (amount_row, &amount, &amount_message);
      if (has_amount && amount <= 0)
        amount_message = g_strdup (_("The amount must be more than zero"));
      else if (has_amount && item->invoices->len > 0)
        {
          const RelanceWorkInvoice *first = g_ptr_array_index (item->invoices, 0);

          if (amount > first->open)
            {
              g_autofree char *open = relance_format_money (first->open);

              amount_message = g_strdup_printf (_("Only %s is still open on invoice %s"), open, first->number);
            }
        }
      valid = amount_message == NULL && self->causes != NULL && self->causes->len > 0 &&
              adw_combo_row_get_selected (ADW_COMBO_ROW (self->cause_row)) < self->causes->len;
      if (self->causes == NULL || self->causes->len == 0)
        amount_message = g_strdup (_("No dispute cause is set up: add one in the Preferences"));
      break;

    case RELANCE_OUTCOME_WRONG_CONTACT:
      {
        g_autofree char *name = relance_form_dup_text (self->contact_name_row);
        g_autofree char *email = relance_form_dup_text (self->contact_email_row);

        if (email[0] != '\0' && strchr (email, '@') == NULL)
          {
            amount_message = g_strdup (_("The e-mail address needs an “@”"));
            relance_form_set_row_error (self->contact_email_row, TRUE);
          }
        else
          {
            relance_form_set_row_error (self->contact_email_row, FALSE);
          }
        valid = name[0] != '\0' && amount_message == NULL;
      }
      break;

    case RELANCE_OUTCOME_NO_ANSWER:
    case RELANCE_OUTCOME_PAID:
    default:
      break;
    }

  if (date_row != NULL)
    relance_form_set_row_error (date_row, date_message != NULL);
  if (amount_row != NULL)
    relance_form_set_row_error (amount_row, amount_message != NULL);

  *message = g_strdup (date_message ? date_message : amount_message);

  return valid;
}

static gboolean
validate (RelanceCallSheet *self)
{
  g_autofree char *message = NULL;
  RelanceOutcome outcome;
  gboolean chosen;
  gboolean valid;

  /* Rows still being built. */
  if (self->message == NULL)
    return FALSE;

  outcome = get_outcome (self, &chosen);
  gtk_widget_set_visible (self->promise_group, chosen && outcome == RELANCE_OUTCOME_PROMISE);
  gtk_widget_set_visible (self->dispute_group, chosen && outcome == RELANCE_OUTCOME_DISPUTE);
  gtk_widget_set_visible (self->call_back_group, chosen && outcome == RELANCE_OUTCOME_CALL_BACK);
  gtk_widget_set_visible (self->contact_group, chosen && outcome == RELANCE_OUTCOME_WRONG_CONTACT);
  gtk_widget_set_visible (self->reached_group, chosen && asks_who (outcome));
  gtk_widget_set_visible (self->other_name_row, get_reached_contact (self) == NULL);
  /* Someone answers an incoming call. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (outcomes[i] == RELANCE_OUTCOME_NO_ANSWER)
      gtk_widget_set_visible (gtk_widget_get_ancestor (self->checks[i], ADW_TYPE_ACTION_ROW), !is_incoming (self));
  if (outcome == RELANCE_OUTCOME_NO_ANSWER)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->reached_group), _("Who Was Called"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reached_row), _("_Called"));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->reached_group),
                                       is_incoming (self) ? _("Who Called") : _("Who Was Reached"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reached_row), _("Spoken _to"));
    }

  if (!chosen)
    {
      relance_form_set_message (self->message, _("Choose what came of the call to save it"), "dim-label");
      valid = FALSE;
    }
  else
    {
      valid = check_fields (self, outcome, &message);
      if (valid && outcome == RELANCE_OUTCOME_NO_ANSWER && is_incoming (self))
        {
          message = g_strdup (_("Someone answers an incoming call: choose what came of it"));
          valid = FALSE;
        }
      if (valid && relance_outcome_is_conversation (outcome))
        {
          g_autofree char *name = dup_reached_name (self);
          g_autofree char *summary = dup_summary (self);

          relance_form_set_row_error (self->other_name_row, FALSE);
          if (name[0] == '\0')
            {
              message = g_strdup (_("Say who was reached: choose the contact, or type the name of "
                                    "someone else"));
              if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->other_name_row)), "") != 0)
                relance_form_set_row_error (self->other_name_row, TRUE);
              valid = FALSE;
            }
          else if (summary[0] == '\0' &&
                   (outcome == RELANCE_OUTCOME_REACHED || outcome == RELANCE_OUTCOME_REFUSED))
            {
              message = g_strdup (_("Write what was said under “What was said”: it is all the history "
                                    "keeps of this call"));
              valid = FALSE;
            }
        }
      relance_form_set_message (self->message, message, "error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.save", valid);

  return valid;
}

static void
on_field_changed_cb (RelanceCallSheet *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  validate (self);
}

static void
show_error (RelanceCallSheet *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static GtkWidget *
add_entry (AdwPreferencesGroup *group,
           const char          *title,
           RelanceCallSheet    *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_field_changed_cb), self);

  return row;
}

static void
build_outcome_form (RelanceCallSheet *self,
                    GtkBox           *box)
{
  static const char *labels[] = {
    N_("_Promise to pay"),
    N_("Spo_ken to, nothing promised"),
    N_("_Refuses to pay, without disputing"),
    N_("_Dispute found"),
    N_("Call _back"),
    N_("_Wrong contact"),
    N_("_No answer"),
    N_("P_aid, they say"),
  };
  static const char *subtitles[] = {
    N_("A date and an amount"),
    N_("Someone answered for the customer: note what was said"),
    N_("No reason the invoice is wrong: note what was said, a letter follows"),
    N_("The invoice leaves the reminders while it is settled"),
    N_("The person asked to be called another day"),
    N_("Someone else handles payments: note who"),
    N_("Nobody answered, or voicemail"),
    N_("The payment is said to have left: watch for it"),
  };
  const RelanceWorkItem *item = get_item (self);
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *direction = add_group (box, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autofree char *amount = relance_money_to_decimal (item->amount);
  g_autofree char *in_a_week = relance_format_day (self->date + 7);
  g_autofree char *tomorrow = relance_format_day (self->date + 1);
  AdwPreferencesGroup *fields;
  GtkWidget *frame;
  GtkWidget *label;
  GtkWidget *scrolled;

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (outcomes));

  /* Who called whom */
  self->incoming_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->incoming_row), _("_Incoming call"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->incoming_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->incoming_row), _("The customer called us"));
  {
    GtkWidget *toggle = gtk_switch_new ();

    gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
    adw_action_row_add_suffix (ADW_ACTION_ROW (self->incoming_row), toggle);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->incoming_row), toggle);
    g_object_set_data (G_OBJECT (self->incoming_row), "switch", toggle);
    g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_field_changed_cb), self);
  }
  adw_preferences_group_add (direction, self->incoming_row);

  group = add_group (box, _("Outcome"));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(labels[i]));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(subtitles[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (self->checks[0]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_field_changed_cb), self);
      adw_preferences_group_add (group, row);
      self->checks[i] = check;
    }

  /* Who was reached: the customer's contacts, the collections contact
   * chosen, then someone else, named below. */
  fields = add_group (box, _("Who Was Reached"));
  self->reached_group = GTK_WIDGET (fields);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RelanceContact *contact = g_ptr_array_index (self->contacts, i);
      g_autofree char *name = relance_contact_dup_display_name (contact->civility, contact->name);

      gtk_string_list_append (people, name);
    }
  gtk_string_list_append (people, _("Someone else"));
  self->reached_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reached_row), _("Spoken _to"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->reached_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->reached_row), G_LIST_MODEL (people));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->reached_row), 0);
  g_signal_connect_swapped (self->reached_row, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  adw_preferences_group_add (fields, self->reached_row);
  self->other_name_row = add_entry (fields, _("Their na_me"), self);

  /* Promise */
  fields = add_group (box, _("The Promise"));
  self->promise_group = GTK_WIDGET (fields);
  self->promise_date_row = add_entry (fields, _("Payment _date"), self);
  self->promise_amount_row = add_entry (fields, _("_Amount"), self);
  relance_form_set_text (self->promise_date_row, in_a_week);
  relance_form_set_text (self->promise_amount_row, amount);

  /* Dispute */
  fields = add_group (box, _("The Dispute"));
  self->dispute_group = GTK_WIDGET (fields);
  if (item->invoices->len > 0)
    {
      g_autofree char *description = g_strdup_printf (_("Opened on invoice %s"),
                                                      ((RelanceWorkInvoice *)g_ptr_array_index (item->invoices, 0))->number);

      adw_preferences_group_set_description (fields, description);
    }
  for (guint i = 0; self->causes != NULL && i < self->causes->len; i++)
    {
      RelanceDisputeCause *cause = g_ptr_array_index (self->causes, i);
      g_autofree char *name = g_strdup_printf ("%s · %s", cause->code, cause->label);

      gtk_string_list_append (names, name);
    }
  self->cause_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cause_row), _("_Cause"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->cause_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->cause_row), G_LIST_MODEL (names));
  g_signal_connect_swapped (self->cause_row, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  adw_preferences_group_add (fields, self->cause_row);
  self->dispute_amount_row = add_entry (fields, _("Amount _disputed (empty: all that is open)"), self);
  self->dispute_text_row = add_entry (fields, _("What the customer _says"), self);

  /* Call back */
  fields = add_group (box, _("Call Back"));
  self->call_back_group = GTK_WIDGET (fields);
  self->call_back_row = add_entry (fields, _("_Call back on"), self);
  relance_form_set_text (self->call_back_row, tomorrow);

  /* Wrong contact */
  fields = add_group (box, _("The Right Contact"));
  adw_preferences_group_set_description (fields, _("Saved as the customer’s collections contact"));
  self->contact_group = GTK_WIDGET (fields);
  self->contact_civility_row = relance_civility_row_new ();
  adw_preferences_group_add (fields, self->contact_civility_row);
  self->contact_name_row = add_entry (fields, _("_Name"), self);
  self->contact_phone_row = add_entry (fields, _("_Phone"), self);
  self->contact_email_row = add_entry (fields, _("_E-mail"), self);

  /* Summary */
  label = gtk_label_new_with_mnemonic (_("_What was said"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  self->summary_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->summary_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->summary_view, 6);
  gtk_text_view_set_bottom_margin (self->summary_view, 6);
  gtk_text_view_set_left_margin (self->summary_view, 6);
  gtk_text_view_set_right_margin (self->summary_view, 6);
  gtk_text_view_set_accepts_tab (self->summary_view, FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->summary_view));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->summary_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 90);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (box, frame);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (box, label);
  self->message = GTK_LABEL (label);
}

/* Saving */

static char *
dup_summary (RelanceCallSheet *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceCallSheet *self = RELANCE_CALL_SHEET (widget);
  const RelanceWorkItem *item = get_item (self);
  g_autofree char *summary = dup_summary (self);
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *reached = NULL;
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };
  RelanceContactFields contact = { 0 };
  gboolean chosen;

  if (!validate (self))
    return;

  fields.customer_id = item->customer_id;
  fields.kind = RELANCE_ACTION_CALL;
  fields.date = self->date;
  fields.who = relance_preferences_get_user_name (self->context);
  fields.outcome = get_outcome (self, &chosen);
  fields.summary = summary[0] ? summary : NULL;
  fields.incoming = is_incoming (self);
  /* Who was reached, or called when nobody answered. */
  reached = asks_who (fields.outcome) ? dup_reached_name (self) : NULL;
  fields.contact = reached != NULL && reached[0] != '\0' ? reached : NULL;

  switch (fields.outcome)
    {
    case RELANCE_OUTCOME_PROMISE:
      relance_form_parse_day (self->promise_date_row, &fields.promise_date, &message);
      relance_form_parse_amount (self->promise_amount_row, &fields.promise_amount, &message);
      break;

    case RELANCE_OUTCOME_CALL_BACK:
      relance_form_parse_day (self->call_back_row, &fields.call_back_on, &message);
      break;

    case RELANCE_OUTCOME_DISPUTE:
      {
        RelanceDisputeCause *cause = g_ptr_array_index (self->causes,
                                                        adw_combo_row_get_selected (ADW_COMBO_ROW (self->cause_row)));

        fields.dispute_cause_id = cause->id;
        if (!relance_form_parse_amount (self->dispute_amount_row, &fields.dispute_amount, &message))
          fields.dispute_amount = 0;
        description = relance_form_dup_text (self->dispute_text_row);
        fields.dispute_description = description[0] ? description : NULL;
      }
      break;

    case RELANCE_OUTCOME_WRONG_CONTACT:
      /* The right person becomes the collections contact: the wrong
       * one's row is corrected, or a new one added, with the call. */
      name = relance_form_dup_text (self->contact_name_row);
      phone = relance_form_dup_text (self->contact_phone_row);
      email = relance_form_dup_text (self->contact_email_row);
      contact.name = name;
      contact.phone = phone;
      contact.email = email;
      contact.is_collections = TRUE;
      contact.civility = adw_combo_row_get_selected (ADW_COMBO_ROW (self->contact_civility_row));
      if (self->contact != NULL && self->contact->is_collections)
        {
          contact.role = self->contact->role;
          fields.right_contact_id = self->contact->id;
        }
      fields.right_contact = &contact;
      fields.contact = name;
      break;

    case RELANCE_OUTCOME_NO_ANSWER:
    case RELANCE_OUTCOME_PAID:
    case RELANCE_OUTCOME_REACHED:
    case RELANCE_OUTCOME_REFUSED:
    default:
      break;
    }

  /* Only the customer's call step is done by the call; a call logged
   * while a letter is due answers no step. */
  if (relance_actions_record (get_db (self), &fields, self->answers_item ? item : NULL, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }

  toast = g_strdup_printf (fields.incoming ? _("Call from %s recorded") : _("Call with %s recorded"),
                           item->customer_name);
  g_signal_emit (self, signals[SAVED], 0, toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
relance_call_sheet_dispose (GObject *object)
{
  RelanceCallSheet *self = (RelanceCallSheet *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->row);

  G_OBJECT_CLASS (relance_call_sheet_parent_class)->dispose (object);
}

static void
relance_call_sheet_finalize (GObject *object)
{
  RelanceCallSheet *self = (RelanceCallSheet *)object;

  g_clear_pointer (&self->causes, g_ptr_array_unref);
  g_clear_pointer (&self->contact, relance_contact_free);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  if (self->script != NULL)
    g_string_free (self->script, TRUE);

  G_OBJECT_CLASS (relance_call_sheet_parent_class)->finalize (object);
}

static void
relance_call_sheet_class_init (RelanceCallSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_call_sheet_dispose;
  object_class->finalize = relance_call_sheet_finalize;

  /**
   * RelanceCallSheet::saved:
   * @message: what was recorded, for a toast
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "call.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "call.save", NULL);
}

static void
relance_call_sheet_init (RelanceCallSheet *self)
{
  self->script = g_string_new (NULL);
}

/* Decided on the window's width, never on what fits: that changes with
 * the columns themselves. */
#define WIDE_SHEET_WIDTH 860

static void
update_columns (RelanceCallSheet *self)
{
  int width, height;
  gboolean wide;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  wide = gtk_window_is_maximized (GTK_WINDOW (self)) || width >= WIDE_SHEET_WIDTH;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->columns, wide);
}

/* The window's frame: header bar, error line, and the scrolled page with
 * the glance and the script side by side when there is room. */
static GtkBox *
build_frame (RelanceCallSheet *self,
             const char       *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *glance = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *script = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *script_title = gtk_label_new (_("Script"));
  /* The outcome form, under the script once it is written: both in view
   * while on the phone. */
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 400);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "call.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
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
  self->error_label = GTK_LABEL (error_label);
  self->error_revealer = GTK_REVEALER (revealer);

  /* Two columns when wide, one under the other when narrow: see
   * update_columns(). */
  gtk_box_set_spacing (GTK_BOX (columns), 24);
  gtk_widget_set_valign (glance, GTK_ALIGN_START);
  gtk_widget_set_valign (script, GTK_ALIGN_START);
  gtk_widget_set_hexpand (glance, TRUE);
  gtk_widget_set_hexpand (script, TRUE);
  gtk_box_append (GTK_BOX (columns), glance);
  gtk_label_set_xalign (GTK_LABEL (script_title), 0.f);
  gtk_widget_add_css_class (script_title, "title-4");
  gtk_box_append (GTK_BOX (script), script_title);
  gtk_box_append (GTK_BOX (columns), script);
  gtk_box_append (GTK_BOX (page), columns);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);

  self->glance = GTK_BOX (glance);
  self->script_box = GTK_BOX (script);
  self->columns = GTK_BOX (columns);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_columns), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (update_columns), NULL);
  update_columns (self);

  return GTK_BOX (form);
}

/* Everything once the item is known. */
static GtkWidget *
build_sheet (RelanceCallSheet *self)
{
  const RelanceWorkItem *item = get_item (self);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *title = NULL;
  GtkBox *form;

  contacts = relance_desk_list_contacts (get_db (self), item->customer_id, NULL);
  for (guint i = 0; contacts != NULL && i < contacts->len && self->contact == NULL; i++)
    {
      RelanceContact *contact = g_ptr_array_index (contacts, i);

      if (contact->is_collections)
        self->contact = g_ptr_array_steal_index (contacts, i);
    }
  if (self->contact == NULL && contacts != NULL && contacts->len > 0)
    self->contact = g_ptr_array_steal_index (contacts, 0);
  /* All of them, the collections contact first, for "Spoken to". */
  self->contacts = relance_desk_list_contacts (get_db (self), item->customer_id, NULL);
  if (self->contacts == NULL)
    self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_contact_free);
  self->causes = relance_desk_list_causes (get_db (self), NULL);

  /* Translators: the call sheet's title; %s is the customer */
  title = g_strdup_printf (_("Call %s"), item->customer_name);
  form = build_frame (self, title);

  show_contacts (self, contacts);
  show_invoices (self);
  show_disputes (self);
  show_payments (self);
  show_history (self);
  fill_script (self);
  gtk_widget_set_margin_top (GTK_WIDGET (form), 24);
  gtk_box_append (self->script_box, GTK_WIDGET (form));
  build_outcome_form (self, form);
  validate (self);

  return GTK_WIDGET (self);
}

/* What a call from the customer's page is about when the worklist has
 * nothing for the customer: their open invoices, those under an open
 * dispute apart. */
static RelanceWorkItem *
new_customer_item (RelanceDatabase  *db,
                   gint64            customer_id,
                   RelanceDay        date,
                   GError          **error)
{
  g_autoptr(RelanceCustomerDetails) details = relance_desk_get_customer (db, customer_id, error);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  RelanceWorkItem *item;

  if (details == NULL)
    return NULL;
  open = relance_desk_propose_allocation (db, customer_id, 0, error);
  if (open == NULL)
    return NULL;
  disputes = relance_desk_list_disputes (db, customer_id, NULL);

  item = g_new0 (RelanceWorkItem, 1);
  item->customer_id = customer_id;
  item->customer_code = g_strdup (details->code);
  item->customer_name = g_strdup (details->name);
  item->group = RELANCE_WORK_CALL;
  item->reason = RELANCE_WORK_REASON_STEP;
  item->channel = RELANCE_CHANNEL_PHONE;
  item->scenario_name = g_strdup ("");
  item->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->blocked = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_work_invoice_free);
  item->oldest_days_overdue = G_MININT;

  for (guint i = 0; i < open->len; i++)
    {
      RelanceAllocation *allocation = g_ptr_array_index (open, i);
      RelanceWorkInvoice *invoice = g_new0 (RelanceWorkInvoice, 1);
      RelanceDisputeRow *dispute = NULL;

      invoice->invoice_id = allocation->invoice_id;
      invoice->number = g_strdup (allocation->number);
      invoice->due_date = allocation->due_date;
      invoice->open = allocation->open;
      invoice->days_overdue = date - allocation->due_date;
      for (guint j = 0; disputes != NULL && j < disputes->len && dispute == NULL; j++)
        {
          RelanceDisputeRow *row = g_ptr_array_index (disputes, j);

          if (row->invoice_id == allocation->invoice_id && g_strcmp0 (row->status, "open") == 0)
            dispute = row;
        }
      if (dispute != NULL)
        {
          invoice->cause_code = g_strdup (dispute->cause_code);
          invoice->cause_label = g_strdup (dispute->cause_label);
          invoice->department = g_strdup (dispute->department);
          g_ptr_array_add (item->blocked, invoice);
          continue;
        }
      g_ptr_array_add (item->invoices, invoice);
      item->amount += invoice->open;
      item->oldest_days_overdue = MAX (item->oldest_days_overdue, invoice->days_overdue);
    }
  if (item->invoices->len == 0)
    item->oldest_days_overdue = 0;

  return item;
}

/**
 * relance_call_sheet_new:
 * @row: the customer's item of the worklist
 * @date: the day of the worklist: the call is recorded on it
 *
 * Returns: (transfer none): the call sheet; it destroys itself when closed
 */
GtkWidget *
relance_call_sheet_new (GtkWindow      *parent,
                        RelanceContext *context,
                        RelanceWorkRow *row,
                        RelanceDay      date)
{
  RelanceCallSheet *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RELANCE_IS_WORK_ROW (row), NULL);

  self = g_object_new (RELANCE_TYPE_CALL_SHEET, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->row = g_object_ref (row);
  self->date = date;
  self->answers_item = TRUE;

  return build_sheet (self);
}

/**
 * relance_call_sheet_new_for_customer:
 * @customer_id: the customer called, or who called
 * @date: the day the call is recorded on
 *
 * The call sheet opened from a customer's page, for a call made or
 * received whatever the worklist says. When the customer's step of the
 * worklist on @date is a call, the call answers it (the step is done when
 * the outcome completes it); otherwise it answers no step, and the sheet
 * shows the customer's open invoices.
 *
 * Returns: (transfer none): the call sheet, or %NULL with @error set when
 *   the customer cannot be read
 */
GtkWidget *
relance_call_sheet_new_for_customer (GtkWindow       *parent,
                                     RelanceContext  *context,
                                     gint64           customer_id,
                                     RelanceDay       date,
                                     GError         **error)
{
  RelanceDatabase *db;
  RelanceCallSheet *self;
  RelanceWorkItem *item;
  gboolean answers;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  db = relance_context_get_database (context);
  item = relance_worklist_get_item (db, customer_id, date, error);
  if (item == NULL && error != NULL && *error != NULL)
    return NULL;
  answers = item != NULL && item->group == RELANCE_WORK_CALL;
  if (!answers)
    {
      g_clear_pointer (&item, relance_work_item_free);
      item = new_customer_item (db, customer_id, date, error);
      if (item == NULL)
        return NULL;
    }

  self = g_object_new (RELANCE_TYPE_CALL_SHEET, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->row = relance_work_row_new (item);
  self->date = date;
  self->answers_item = answers;

  return build_sheet (self);
}

/**
 * relance_call_sheet_set_incoming:
 *
 * Says the customer called us, as the switch does.
 */
void
relance_call_sheet_set_incoming (RelanceCallSheet *self,
                                 gboolean          incoming)
{
  g_return_if_fail (RELANCE_IS_CALL_SHEET (self));

  gtk_switch_set_active (g_object_get_data (G_OBJECT (self->incoming_row), "switch"), incoming);
}

/**
 * relance_call_sheet_set_outcome:
 *
 * Chooses what came of the call, as a click on its button does.
 */
void
relance_call_sheet_set_outcome (RelanceCallSheet *self,
                                RelanceOutcome    outcome)
{
  g_return_if_fail (RELANCE_IS_CALL_SHEET (self));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (outcomes[i] == outcome)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]), TRUE);
}

/**
 * relance_call_sheet_dup_script:
 *
 * Returns: the script shown, as plain text
 */
char *
relance_call_sheet_dup_script (RelanceCallSheet *self)
{
  g_return_val_if_fail (RELANCE_IS_CALL_SHEET (self), NULL);

  return g_strdup (self->script->str);
}
