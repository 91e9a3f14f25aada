/* relance-ledger-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-column-sorter.h"
#include "relance-customer.h"
#include "relance-dispute.h"
#include "relance-format.h"
#include "relance-invoice.h"
#include "relance-ledger-view.h"

typedef enum
{
  CELL_TEXT,      /* left-aligned, fixed width */
  CELL_SHORT,     /* left-aligned, fixed width, ellipsized */
  CELL_EXPAND,    /* left-aligned, takes the spare width, ellipsized */
  CELL_NUMERIC,   /* right-aligned tabular figures */
  CELL_MARKUP,    /* left-aligned Pango markup, takes the spare width */
} CellKind;

typedef void (*BindFunc) (GtkLabel *label,
                          gpointer  item);

typedef struct
{
  const char *key;          /* the RelanceListModel sort key, or NULL */
  const char *title;        /* msgid in the "column" context */
  CellKind    cell;
  int         width_chars;
  BindFunc    bind;
} ColumnInfo;

typedef struct
{
  const char       *name;
  RelanceListKind   list_kind;
  const ColumnInfo *columns;
  guint             n_columns;
  const char       *default_key;      /* how the model sorts when new */
  gboolean          default_descending;
  const char       *placeholder;
  const char       *empty_icon;
  const char       *empty_title;
  const char       *empty_description;
} KindInfo;

struct _RelanceLedgerView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkFlowBox        *filter_box;
  GtkLabel          *totals_label;
  GtkDropDown       *status_filter;   /* customers: what to show; invoices and disputes: status */
  GtkDropDown       *age_filter;      /* invoices */
  GtkDropDown       *segment_filter;  /* customers: target group */
  GtkDropDown       *cause_filter;    /* disputes: cause */
  char             **cause_codes;     /* of the items after "Any cause" */
  GtkDropDown       *department_filter; /* disputes: the department of the cause */
  char             **departments;     /* of the items after "Any department" */
  GtkEntry          *from_entry;      /* invoices: issued from */
  GtkEntry          *to_entry;        /* invoices: issued up to */

  const KindInfo    *info;
  RelanceListModel  *model;
  gulong             items_changed_id;
  GtkSorter         *view_sorter;
  gulong             sorter_changed_id;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_MODEL,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceLedgerView, relance_ledger_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const style_classes[] = { "dim-label", "warning", "error", "success" };

/* Sets the text of a recycled cell and its one optional style class. */
static void
set_cell (GtkLabel   *label,
          const char *text,
          const char *style)
{
  GtkWidget *widget = GTK_WIDGET (label);

  gtk_label_set_text (label, text ? text : "");

  for (guint i = 0; i < G_N_ELEMENTS (style_classes); i++)
    {
      if (g_strcmp0 (style, style_classes[i]) != 0)
        gtk_widget_remove_css_class (widget, style_classes[i]);
    }
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static void
set_money_cell (GtkLabel *label,
                gint64    cents,
                gboolean  dim_zero)
{
  g_autofree char *text = relance_format_money (cents);

  set_cell (label, text, (dim_zero && cents == 0) ? "dim-label" : NULL);
}

static void
set_day_cell (GtkLabel   *label,
              RelanceDay  day)
{
  g_autofree char *text = relance_format_day (day);

  set_cell (label, text, NULL);
}

/* Days overdue: nothing when not overdue; orange up to a month, red after. */
static void
set_days_overdue_cell (GtkLabel *label,
                       int       days)
{
  g_autofree char *text = NULL;

  if (days <= 0)
    {
      set_cell (label, "", NULL);
      return;
    }

  text = g_strdup_printf ("%d", days);
  set_cell (label, text, days > 30 ? "error" : "warning");
}

/* Customers */

static void
bind_customer_code (GtkLabel *label,
                    gpointer  item)
{
  set_cell (label, relance_customer_get_code (item), NULL);
}

static void
bind_customer_name (GtkLabel *label,
                    gpointer  item)
{
  set_cell (label, relance_customer_get_name (item), NULL);
}

static void
bind_customer_city (GtkLabel *label,
                    gpointer  item)
{
  set_cell (label, relance_customer_get_city (item), NULL);
}

static void
bind_customer_balance (GtkLabel *label,
                       gpointer  item)
{
  set_money_cell (label, relance_customer_get_balance (item), TRUE);
}

static void
bind_customer_overdue (GtkLabel *label,
                       gpointer  item)
{
  set_money_cell (label, relance_customer_get_overdue (item), TRUE);
}

static void
bind_customer_days (GtkLabel *label,
                    gpointer  item)
{
  set_days_overdue_cell (label, relance_customer_get_days_overdue (item));
}

static const char *
action_kind_label (const char *kind)
{
  static const struct {
    const char *kind;
    const char *label;
  } labels[] = {
    { "call", NC_("action", "Call") },
    { "email", NC_("action", "E-mail") },
    { "letter", NC_("action", "Letter") },
    { "formal_notice", NC_("action", "Formal notice") },
    { "note", NC_("action", "Note") },
    { "visit", NC_("action", "Visit") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return g_dpgettext2 (NULL, "action", labels[i].label);

  return kind;
}

static void
bind_customer_last_action (GtkLabel *label,
                           gpointer  item)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  RelanceDay date = relance_customer_get_last_action_date (item);

  if (date == 0)
    {
      set_cell (label, "", NULL);
      return;
    }

  day = relance_format_day (date);
  /* Translators: the last action with a customer: "23/11/2026 · Call" */
  text = g_strdup_printf (C_("last action", "%s · %s"), day,
                          action_kind_label (relance_customer_get_last_action_kind (item)));
  set_cell (label, text, NULL);
}

static void
bind_customer_next_action (GtkLabel *label,
                           gpointer  item)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  RelanceDay date = relance_customer_get_next_action_date (item);
  const char *kind = relance_customer_get_next_action_kind (item);
  const char *note = relance_customer_get_next_action_note (item);
  const char *what;

  if (date == 0)
    {
      set_cell (label, "", NULL);
      return;
    }

  day = relance_format_day (date);
  if (g_strcmp0 (kind, "promise") == 0)
    what = C_("next action", "Promised payment");
  else if (note != NULL && *note != '\0')
    what = note;
  else
    what = C_("next action", "Postponed");
  /* Translators: what is planned next with a customer: "30/11/2026 · Call back" */
  text = g_strdup_printf (C_("next action", "%s · %s"), day, what);
  set_cell (label, text, NULL);
}

/* Invoices */

static void
bind_invoice_number (GtkLabel *label,
                     gpointer  item)
{
  set_cell (label, relance_invoice_get_number (item), NULL);
}

static void
bind_invoice_customer (GtkLabel *label,
                       gpointer  item)
{
  set_cell (label, relance_invoice_get_customer_name (item), NULL);
}

static void
bind_invoice_issued (GtkLabel *label,
                     gpointer  item)
{
  set_day_cell (label, relance_invoice_get_issue_date (item));
}

static void
bind_invoice_due (GtkLabel *label,
                  gpointer  item)
{
  set_day_cell (label, relance_invoice_get_due_date (item));
}

static void
bind_invoice_amount (GtkLabel *label,
                     gpointer  item)
{
  set_money_cell (label, relance_invoice_get_amount (item), FALSE);
}

static void
bind_invoice_open (GtkLabel *label,
                   gpointer  item)
{
  set_money_cell (label, relance_invoice_get_open (item), TRUE);
}

static void
bind_invoice_days (GtkLabel *label,
                   gpointer  item)
{
  set_days_overdue_cell (label, relance_invoice_get_days_overdue (item));
}

static void
bind_invoice_status (GtkLabel *label,
                     gpointer  item)
{
  switch (relance_invoice_get_status (item))
    {
    case RELANCE_INVOICE_STATUS_PAID:
      set_cell (label, C_("invoice status", "Paid"), "dim-label");
      break;

    case RELANCE_INVOICE_STATUS_OPEN:
      set_cell (label, C_("invoice status", "Open"), NULL);
      break;

    case RELANCE_INVOICE_STATUS_OVERDUE:
      set_cell (label, C_("invoice status", "Overdue"), "error");
      break;

    case RELANCE_INVOICE_STATUS_DISPUTED:
      set_cell (label, C_("invoice status", "Disputed"), "warning");
      break;

    case RELANCE_INVOICE_STATUS_PROMISED:
      set_cell (label, C_("invoice status", "Promised"), "success");
      break;

    default:
      set_cell (label, "", NULL);
    }
}

/* Disputes */

static void
bind_dispute_invoice (GtkLabel *label,
                      gpointer  item)
{
  set_cell (label, relance_dispute_get_invoice_number (item), NULL);
}

static void
bind_dispute_customer (GtkLabel *label,
                       gpointer  item)
{
  set_cell (label, relance_dispute_get_customer_name (item), NULL);
}

static void
bind_dispute_department (GtkLabel *label,
                         gpointer  item)
{
  set_cell (label, relance_dispute_get_department (item), NULL);
}

/* "● B · Waiting for goods to be taken back", the dot in the cause colour. */
static void
bind_dispute_cause (GtkLabel *label,
                    gpointer  item)
{
  const char *code = relance_dispute_get_cause_code (item);
  const char *title = relance_dispute_get_cause_label (item);
  const char *colour = relance_dispute_get_colour (item);
  g_autofree char *markup = NULL;
  GdkRGBA rgba;

  if (code == NULL)
    {
      gtk_label_set_markup (label, "");
      return;
    }

  if (colour != NULL && gdk_rgba_parse (&rgba, colour))
    {
      g_autofree char *hex = g_strdup_printf ("#%02x%02x%02x",
                                              (guint)(rgba.red * 255. + .5),
                                              (guint)(rgba.green * 255. + .5),
                                              (guint)(rgba.blue * 255. + .5));

      markup = g_markup_printf_escaped ("<span foreground=\"%s\">\u25cf</span> %s · %s",
                                        hex, code, title ? title : "");
    }
  else
    {
      markup = g_markup_printf_escaped ("%s · %s", code, title ? title : "");
    }

  gtk_label_set_markup (label, markup);
}

static void
bind_dispute_amount (GtkLabel *label,
                     gpointer  item)
{
  set_money_cell (label, relance_dispute_get_amount (item), FALSE);
}

static void
bind_dispute_opened (GtkLabel *label,
                     gpointer  item)
{
  set_day_cell (label, relance_dispute_get_opened_on (item));
}

static void
bind_dispute_days (GtkLabel *label,
                   gpointer  item)
{
  g_autofree char *text = g_strdup_printf ("%d", relance_dispute_get_days_open (item));

  set_cell (label, text, NULL);
}

static void
bind_dispute_status (GtkLabel *label,
                     gpointer  item)
{
  switch (relance_dispute_get_status (item))
    {
    case RELANCE_DISPUTE_STATUS_OPEN:
      set_cell (label, C_("dispute status", "Open"), "warning");
      break;

    case RELANCE_DISPUTE_STATUS_RESOLVED:
      set_cell (label, C_("dispute status", "Resolved"), "dim-label");
      break;

    case RELANCE_DISPUTE_STATUS_CANCELLED:
      set_cell (label, C_("dispute status", "Cancelled"), "dim-label");
      break;

    default:
      set_cell (label, "", NULL);
    }
}

static const ColumnInfo customer_columns[] = {
  { "code", NC_("column", "Code"), CELL_TEXT, 10, bind_customer_code },
  { "name", NC_("column", "Name"), CELL_EXPAND, 16, bind_customer_name },
  /* The search also finds customers by city: show it. */
  { "city", NC_("column", "City"), CELL_SHORT, 14, bind_customer_city },
  { "balance", NC_("column", "Balance"), CELL_NUMERIC, 13, bind_customer_balance },
  { "overdue", NC_("column", "Overdue"), CELL_NUMERIC, 13, bind_customer_overdue },
  { "days", NC_("column", "Days Overdue"), CELL_NUMERIC, 5, bind_customer_days },
  { "last-action", NC_("column", "Last Action"), CELL_SHORT, 14, bind_customer_last_action },
  { "next-action", NC_("column", "Next Action"), CELL_SHORT, 14, bind_customer_next_action },
};

static const ColumnInfo invoice_columns[] = {
  { "number", NC_("column", "Number"), CELL_TEXT, 10, bind_invoice_number },
  { "customer", NC_("column", "Customer"), CELL_EXPAND, 16, bind_invoice_customer },
  { "issued", NC_("column", "Issued"), CELL_NUMERIC, 10, bind_invoice_issued },
  { "due", NC_("column", "Due"), CELL_NUMERIC, 10, bind_invoice_due },
  { "amount", NC_("column", "Amount"), CELL_NUMERIC, 12, bind_invoice_amount },
  { "open", NC_("column", "Open"), CELL_NUMERIC, 12, bind_invoice_open },
  { "days", NC_("column", "Days Overdue"), CELL_NUMERIC, 5, bind_invoice_days },
  { "status", NC_("column", "Status"), CELL_TEXT, 8, bind_invoice_status },
};

static const ColumnInfo dispute_columns[] = {
  { "invoice", NC_("column", "Invoice"), CELL_TEXT, 10, bind_dispute_invoice },
  { "customer", NC_("column", "Customer"), CELL_EXPAND, 16, bind_dispute_customer },
  { "cause", NC_("column", "Cause"), CELL_MARKUP, 16, bind_dispute_cause },
  { "department", NC_("column", "Department"), CELL_TEXT, 10, bind_dispute_department },
  { "amount", NC_("column", "Amount"), CELL_NUMERIC, 12, bind_dispute_amount },
  { "opened", NC_("column", "Opened"), CELL_NUMERIC, 10, bind_dispute_opened },
  { "days", NC_("column", "Days Open"), CELL_NUMERIC, 5, bind_dispute_days },
  { "status", NC_("column", "Status"), CELL_TEXT, 8, bind_dispute_status },
};

static const KindInfo kinds[] = {
  {
    "customers", RELANCE_LIST_CUSTOMERS,
    customer_columns, G_N_ELEMENTS (customer_columns),
    "code", FALSE,
    N_("Search customers by code, name or city"),
    "system-users-symbolic",
    N_("No Customers"),
    N_("The customers you add or import are listed here."),
  },
  {
    "invoices", RELANCE_LIST_INVOICES,
    invoice_columns, G_N_ELEMENTS (invoice_columns),
    "days", TRUE,
    N_("Search invoices by number or customer"),
    "x-office-document-symbolic",
    N_("No Invoices"),
    N_("The invoices of your customers are listed here."),
  },
  {
    "disputes", RELANCE_LIST_DISPUTES,
    dispute_columns, G_N_ELEMENTS (dispute_columns),
    "opened", TRUE,
    N_("Search disputes by invoice, customer or cause"),
    "dialog-warning-symbolic",
    N_("No Disputes"),
    N_("Invoices your customers contest are listed here, with the cause."),
  },
};

static const KindInfo *
find_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].name, name) == 0)
        return &kinds[i];
    }

  return NULL;
}

static void
scroll_to_top (RelanceLedgerView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* The list, or a status page saying why it is empty. */
static void
update_state (RelanceLedgerView *self)
{
  const char *search;

  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  search = relance_list_model_get_search (self->model);
  if (search != NULL && search[0] != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("Try a different search."));
    }
  else if ((self->status_filter != NULL && gtk_drop_down_get_selected (self->status_filter) != 0) ||
           (self->age_filter != NULL && gtk_drop_down_get_selected (self->age_filter) != 0) ||
           (self->cause_filter != NULL && gtk_drop_down_get_selected (self->cause_filter) != 0) ||
           (self->department_filter != NULL && gtk_drop_down_get_selected (self->department_filter) != 0) ||
           (self->from_entry != NULL && gtk_entry_get_text_length (self->from_entry) > 0) ||
           (self->to_entry != NULL && gtk_entry_get_text_length (self->to_entry) > 0))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing Matches the Filters"));
      adw_status_page_set_description (self->empty_page, _("Choose other filters above the list."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, self->info->empty_icon);
      adw_status_page_set_title (self->empty_page, _(self->info->empty_title));
      adw_status_page_set_description (self->empty_page, _(self->info->empty_description));
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Gives the model the order the column headers show. */
static void
apply_sort (RelanceLedgerView *self)
{
  GtkSorter *sorter;
  const char *key = NULL;
  gboolean descending = FALSE;

  if (self->model == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  if (!relance_column_sorter_probe (sorter, &key, &descending))
    {
      /* No header sorts (GTK can leave none): the model's own order. */
      key = self->info->default_key;
      descending = self->info->default_descending;
    }

  relance_list_model_set_sort (self->model, key, descending);
}

static void
apply_search (RelanceLedgerView *self)
{
  if (self->model == NULL)
    return;

  relance_list_model_set_search (self->model,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* "12 invoices · 3 456,78 € open · 1 234,56 € overdue" */
static void
update_totals (RelanceLedgerView *self)
{
  RelanceListTotals totals;
  g_autofree char *total = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self->model == NULL || !relance_list_model_get_totals (self->model, &totals))
    {
      gtk_label_set_text (self->totals_label, "");
      return;
    }

  total = relance_format_money (totals.total);
  overdue = relance_format_money (totals.overdue);

  switch (self->info->list_kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers", totals.count), totals.count);
      text = g_strdup_printf (_("%s · balance %s · overdue %s"), count, total, overdue);
      break;

    case RELANCE_LIST_INVOICES:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice", "%u invoices", totals.count), totals.count);
      text = g_strdup_printf (_("%s · open %s · overdue %s"), count, total, overdue);
      break;

    case RELANCE_LIST_DISPUTES:
    default:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dispute", "%u disputes", totals.count), totals.count);
      text = g_strdup_printf (_("%s · disputed %s · still open %s"), count, total, overdue);
      break;
    }

  gtk_label_set_text (self->totals_label, text);
}

/* A date typed in a filter: 0 for none; the entry turns red when the text
 * is not a date. */
static RelanceDay
read_date_filter (GtkEntry *entry)
{
  g_autofree char *text = NULL;
  RelanceDay day = 0;

  if (entry == NULL)
    return 0;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (text[0] != '\0' && !relance_day_parse (text, &day, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return 0;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return day;
}

static void
apply_filters (RelanceLedgerView *self)
{
  guint selected;

  if (self->model == NULL || self->status_filter == NULL)
    return;

  selected = gtk_drop_down_get_selected (self->status_filter);

  switch (self->info->list_kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      relance_list_model_set_overdue_only (self->model, selected == 1);
      relance_list_model_set_open_dispute_only (self->model, selected == 2);
      relance_list_model_set_archived (self->model, selected == 3);
      if (self->segment_filter != NULL)
        {
          GtkStringObject *item = gtk_drop_down_get_selected_item (self->segment_filter);

          relance_list_model_set_segment (self->model,
                                          item && gtk_drop_down_get_selected (self->segment_filter) > 0
                                          ? gtk_string_object_get_string (item) : NULL);
        }
      break;

    case RELANCE_LIST_INVOICES:
      {
        static const RelanceListStatus statuses[] = {
          RELANCE_LIST_STATUS_ANY, RELANCE_LIST_STATUS_OPEN, RELANCE_LIST_STATUS_OVERDUE,
          RELANCE_LIST_STATUS_PROMISED, RELANCE_LIST_STATUS_DISPUTED, RELANCE_LIST_STATUS_PAID,
        };

        relance_list_model_set_status (self->model, statuses[MIN (selected, G_N_ELEMENTS (statuses) - 1)]);
        relance_list_model_set_age_bucket (self->model, (int)gtk_drop_down_get_selected (self->age_filter) - 1);
        relance_list_model_set_issue_range (self->model, read_date_filter (self->from_entry),
                                            read_date_filter (self->to_entry));
      }
      break;

    case RELANCE_LIST_DISPUTES:
      {
        static const RelanceListStatus statuses[] = {
          RELANCE_LIST_STATUS_ANY, RELANCE_LIST_STATUS_OPEN, RELANCE_LIST_STATUS_RESOLVED,
          RELANCE_LIST_STATUS_CANCELLED,
        };

        guint cause = self->cause_filter ? gtk_drop_down_get_selected (self->cause_filter) : 0;
        guint department = self->department_filter ? gtk_drop_down_get_selected (self->department_filter) : 0;

        relance_list_model_set_status (self->model, statuses[MIN (selected, G_N_ELEMENTS (statuses) - 1)]);
        relance_list_model_set_cause (self->model,
                                      cause > 0 && self->cause_codes != NULL &&
                                      cause <= g_strv_length (self->cause_codes)
                                      ? self->cause_codes[cause - 1] : NULL);
        relance_list_model_set_department (self->model,
                                           department > 0 && self->departments != NULL &&
                                           department <= g_strv_length (self->departments)
                                           ? self->departments[department - 1] : NULL);
      }
      break;

    default:
      break;
    }
}

/* As many filters on a line as are shown: the flow box then asks for
 * their width, and is centred; on a narrow window they wrap. */
static void
fit_filters (RelanceLedgerView *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) && gtk_widget_get_visible (child))
      n++;

  gtk_flow_box_set_max_children_per_line (self->filter_box, MAX (n, 1));
}

/* Shows or hides a filter and its place in the flow box. */
static void
show_filter (RelanceLedgerView *self,
             GtkWidget         *filter,
             gboolean           visible)
{
  gtk_widget_set_visible (filter, visible);
  gtk_widget_set_visible (gtk_widget_get_parent (filter), visible);
  fit_filters (self);
}

/* The target groups of the ledger shown, after "Any group". */
static void
update_segment_filter (RelanceLedgerView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_auto(GStrv) names = NULL;

  if (self->segment_filter == NULL)
    return;

  gtk_string_list_append (list, _("Any group"));
  if (self->model != NULL)
    {
      names = relance_list_model_dup_segments (self->model);
      for (guint i = 0; names[i] != NULL; i++)
        gtk_string_list_append (list, names[i]);
    }

  gtk_drop_down_set_model (self->segment_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->segment_filter, 0);
  show_filter (self, GTK_WIDGET (self->segment_filter), names != NULL && names[0] != NULL);
}

/* The dispute causes of the ledger shown, after "Any cause". */
static void
update_cause_filter (RelanceLedgerView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_auto(GStrv) labels = NULL;

  if (self->cause_filter == NULL)
    return;

  g_clear_pointer (&self->cause_codes, g_strfreev);
  gtk_string_list_append (list, _("Any cause"));
  if (self->model != NULL)
    {
      self->cause_codes = relance_list_model_dup_causes (self->model, &labels);
      for (guint i = 0; self->cause_codes[i] != NULL; i++)
        {
          /* Translators: a dispute cause: its code and its label */
          g_autofree char *text = g_strdup_printf (_("%s · %s"), self->cause_codes[i], labels[i]);

          gtk_string_list_append (list, text);
        }
    }

  gtk_drop_down_set_model (self->cause_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->cause_filter, 0);
}

/* The departments the causes name, after "Any department", as the cause
 * editor shows them; hidden when no cause names one. */
static void
update_department_filter (RelanceLedgerView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (self->department_filter == NULL)
    return;

  g_clear_pointer (&self->departments, g_strfreev);
  gtk_string_list_append (list, _("Any department"));
  if (self->model != NULL)
    {
      self->departments = relance_list_model_dup_departments (self->model);
      for (guint i = 0; self->departments[i] != NULL; i++)
        gtk_string_list_append (list, self->departments[i]);
    }

  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->department_filter, 0);
  show_filter (self, GTK_WIDGET (self->department_filter),
               self->departments != NULL && self->departments[0] != NULL);
}

static void
on_filter_changed_cb (RelanceLedgerView *self)
{
  if (self->model == NULL)
    return;

  scroll_to_top (self);
  apply_filters (self);
  update_state (self);
  update_totals (self);
}

/* @context: the translation context of @items, or NULL */

/* A filter, in a box of the flow that only holds it (not focusable
 * itself: the focus goes straight to the filter). */
static void
append_filter (RelanceLedgerView *self,
               GtkWidget         *filter)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), filter);
  gtk_flow_box_append (self->filter_box, child);
}

static GtkDropDown *
add_drop_down (RelanceLedgerView  *self,
               const char         *tooltip,
               const char         *context,
               const char * const *items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, context ? g_dpgettext2 (GETTEXT_PACKAGE, context, items[i]) : _(items[i]));

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_widget_set_tooltip_text (drop_down, tooltip);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  append_filter (self, drop_down);

  return GTK_DROP_DOWN (drop_down);
}

static GtkEntry *
add_date_entry (RelanceLedgerView *self,
                const char        *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_widget_set_tooltip_text (entry, _("Issue date, such as 01/09/2026"));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_filter_changed_cb), self);
  append_filter (self, entry);

  return GTK_ENTRY (entry);
}

static void
add_filters (RelanceLedgerView *self)
{
  static const char * const customer_filters[] = {
    N_("All customers"), N_("With overdue invoices"), N_("With an open dispute"), N_("Archived"), NULL
  };
  /* Translated in the context "invoice status" / "dispute status", like
   * the status column: the same English words mean other things elsewhere. */
  static const char * const invoice_statuses[] = {
    NC_("invoice status", "Any status"), NC_("invoice status", "Open, not due"),
    NC_("invoice status", "Overdue"), NC_("invoice status", "Promised"),
    NC_("invoice status", "Disputed"), NC_("invoice status", "Paid"), NULL
  };
  static const char * const invoice_ages[] = {
    N_("Any age"), N_("Not due yet"), N_("1 to 30 days late"), N_("31 to 60 days late"),
    N_("61 to 90 days late"), N_("Over 90 days late"), NULL
  };
  static const char * const dispute_statuses[] = {
    NC_("dispute status", "Any status"), NC_("dispute status", "Open"),
    NC_("dispute status", "Resolved"), NC_("dispute status", "Cancelled"), NULL
  };

  switch (self->info->list_kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      self->status_filter = add_drop_down (self, _("Which customers"), NULL, customer_filters);
      {
        static const char * const none[] = { N_("Any group"), NULL };

        self->segment_filter = add_drop_down (self, _("Target group"), NULL, none);
      }
      break;

    case RELANCE_LIST_INVOICES:
      self->status_filter = add_drop_down (self, _("Status"), "invoice status", invoice_statuses);
      self->age_filter = add_drop_down (self, _("Days overdue"), NULL, invoice_ages);
      self->from_entry = add_date_entry (self, _("Issued from"));
      self->to_entry = add_date_entry (self, _("up to"));
      break;

    case RELANCE_LIST_DISPUTES:
      self->status_filter = add_drop_down (self, _("Status"), "dispute status", dispute_statuses);
      {
        static const char * const any[] = { N_("Any cause"), NULL };
        static const char * const any_department[] = { N_("Any department"), NULL };

        self->cause_filter = add_drop_down (self, _("Cause"), NULL, any);
        self->department_filter = add_drop_down (self, _("Department"), NULL, any_department);
      }
      break;

    default:
      break;
    }

  fit_filters (self);
}

static void
on_column_sorter_changed_cb (RelanceLedgerView *self,
                             GtkSorterChange    change,
                             GtkSorter         *sorter)
{
  if (self->model == NULL)
    return;

  /* Back to the top while the old rows are still laid out: after the model
   * replaced them, the list could not find the position to scroll to. */
  scroll_to_top (self);
  apply_sort (self);
  update_state (self);
}

static void
on_search_changed_cb (RelanceLedgerView *self,
                      GtkSearchEntry    *entry)
{
  scroll_to_top (self);
  apply_search (self);
  update_state (self);
  update_totals (self);
}

/* Enter in the search entry: the search is run now if it was waiting, and
 * the first row found is selected (a customer's page opens) and focused,
 * so that the arrow keys go on from there. */
static void
on_search_activate_cb (RelanceLedgerView *self,
                       GtkSearchEntry    *entry)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->model == NULL || !GTK_IS_SINGLE_SELECTION (selection))
    return;
  if (g_strcmp0 (text, relance_list_model_get_search (self->model)) != 0)
    apply_search (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0)
    return;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search_cb (RelanceLedgerView *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_model_items_changed_cb (RelanceLedgerView *self,
                           guint              position,
                           guint              removed,
                           guint              added,
                           GListModel        *model)
{
  update_state (self);
  update_totals (self);
}

static void
on_selected_item_changed_cb (RelanceLedgerView  *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0,
                 gtk_single_selection_get_selected_item (selection));
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  const ColumnInfo *column = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  switch (column->cell)
    {
    case CELL_NUMERIC:
      gtk_label_set_xalign (GTK_LABEL (label), 1.f);
      gtk_widget_add_css_class (label, "numeric");
      break;

    case CELL_SHORT:
      gtk_label_set_max_width_chars (GTK_LABEL (label), column->width_chars);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0.f);
      break;

    case CELL_MARKUP:
      gtk_label_set_use_markup (GTK_LABEL (label), TRUE);
      G_GNUC_FALLTHROUGH;
    case CELL_EXPAND:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0.f);
      break;

    case CELL_TEXT:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0.f);
      break;
    }

  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  const ColumnInfo *column = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;

  column->bind (GTK_LABEL (label), item);
}

static void
add_columns (RelanceLedgerView *self)
{
  GtkColumnViewColumn *first = NULL;
  GtkColumnViewColumn *default_column = NULL;
  GtkSorter *view_sorter;

  for (guint i = 0; i < self->info->n_columns; i++)
    {
      const ColumnInfo *info = &self->info->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      gboolean expand = info->cell == CELL_EXPAND || info->cell == CELL_MARKUP;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer)info);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), (gpointer)info);

      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", info->title),
                                           g_steal_pointer (&factory));
      if (info->key != NULL)
        {
          sorter = relance_column_sorter_new (info->key);
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_column_set_expand (column, expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);

      if (first == NULL)
        first = column;
      if (g_strcmp0 (info->key, self->info->default_key) == 0)
        default_column = column;
    }

  /* The headers show the order the model starts with. */
  gtk_column_view_sort_by_column (self->column_view,
                                  default_column ? default_column : first,
                                  self->info->default_descending ? GTK_SORT_DESCENDING
                                                                 : GTK_SORT_ASCENDING);

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->view_sorter = g_object_ref (view_sorter);
  self->sorter_changed_id = g_signal_connect_object (view_sorter, "changed",
                                                     G_CALLBACK (on_column_sorter_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
}

static void
relance_ledger_view_constructed (GObject *object)
{
  RelanceLedgerView *self = (RelanceLedgerView *)object;

  G_OBJECT_CLASS (relance_ledger_view_parent_class)->constructed (object);

  if (self->info == NULL)
    {
      g_critical ("RelanceLedgerView needs a kind: customers, invoices or disputes");
      self->info = &kinds[0];
    }

  g_object_set (self->search_entry, "placeholder-text", _(self->info->placeholder), NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  add_columns (self);
  add_filters (self);
  update_state (self);
}

static void
relance_ledger_view_dispose (GObject *object)
{
  RelanceLedgerView *self = (RelanceLedgerView *)object;

  GtkWidget *child;

  relance_ledger_view_set_model (self, NULL);
  g_clear_pointer (&self->cause_codes, g_strfreev);
  g_clear_pointer (&self->departments, g_strfreev);

  if (self->view_sorter != NULL)
    {
      g_clear_signal_handler (&self->sorter_changed_id, self->view_sorter);
      g_clear_object (&self->view_sorter);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_LEDGER_VIEW);

  /* dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (relance_ledger_view_parent_class)->dispose (object);
}

static void
relance_ledger_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RelanceLedgerView *self = RELANCE_LEDGER_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, relance_ledger_view_get_kind (self));
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_ledger_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RelanceLedgerView *self = RELANCE_LEDGER_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->info = find_kind (g_value_get_string (value));
      break;

    case PROP_MODEL:
      relance_ledger_view_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_ledger_view_class_init (RelanceLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = relance_ledger_view_constructed;
  object_class->dispose = relance_ledger_view_dispose;
  object_class->get_property = relance_ledger_view_get_property;
  object_class->set_property = relance_ledger_view_set_property;

  /**
   * RelanceLedgerView:kind:
   *
   * What the view lists: "customers", "invoices" or "disputes".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RelanceLedgerView:model:
   *
   * The rows, of the view's kind; %NULL when no ledger is open.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         RELANCE_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelanceLedgerView::selection-changed:
   * @item: (nullable): the row the user selected, or %NULL
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /* Pulls the resources' object file, and its constructor that registers
   * them, out of the static library into any program using this class. */
  (void)relance_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-ledger-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceLedgerView, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
relance_ledger_view_init (RelanceLedgerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * relance_ledger_view_new:
 * @kind: "customers", "invoices" or "disputes"
 *
 * Returns: (transfer floating): a view with no model yet
 */
GtkWidget *
relance_ledger_view_new (const char *kind)
{
  g_return_val_if_fail (find_kind (kind) != NULL, NULL);

  return g_object_new (RELANCE_TYPE_LEDGER_VIEW,
                       "kind", kind,
                       NULL);
}

const char *
relance_ledger_view_get_kind (RelanceLedgerView *self)
{
  g_return_val_if_fail (RELANCE_IS_LEDGER_VIEW (self), NULL);

  return self->info ? self->info->name : NULL;
}

RelanceListKind
relance_ledger_view_get_list_kind (RelanceLedgerView *self)
{
  g_return_val_if_fail (RELANCE_IS_LEDGER_VIEW (self), RELANCE_LIST_CUSTOMERS);

  return self->info ? self->info->list_kind : RELANCE_LIST_CUSTOMERS;
}

/**
 * relance_ledger_view_get_model:
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
RelanceListModel *
relance_ledger_view_get_model (RelanceLedgerView *self)
{
  g_return_val_if_fail (RELANCE_IS_LEDGER_VIEW (self), NULL);

  return self->model;
}

/**
 * relance_ledger_view_set_model:
 * @model: (nullable): rows of the view's kind
 *
 * Shows @model, searched with the text in the search entry and sorted as
 * the column headers say.
 */
void
relance_ledger_view_set_model (RelanceLedgerView *self,
                               RelanceListModel  *model)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (RELANCE_IS_LEDGER_VIEW (self));
  g_return_if_fail (model == NULL || RELANCE_IS_LIST_MODEL (model));
  g_return_if_fail (model == NULL || self->info == NULL ||
                    relance_list_model_get_kind (model) == self->info->list_kind);

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->model);
      g_clear_object (&self->model);
    }

  if (model != NULL)
    {
      self->model = g_object_ref (model);
      update_segment_filter (self);
      update_cause_filter (self);
      update_department_filter (self);
      apply_search (self);
      apply_filters (self);
      apply_sort (self);
      self->items_changed_id = g_signal_connect_object (model, "items-changed",
                                                        G_CALLBACK (on_model_items_changed_cb),
                                                        self, G_CONNECT_SWAPPED);

      /* Straight over the lazy model: it sorts and searches in SQL. */
      selection = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_single_selection_set_model (selection, G_LIST_MODEL (model));
      g_signal_connect_object (selection, "notify::selected-item",
                               G_CALLBACK (on_selected_item_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
      scroll_to_top (self);
      update_state (self);
      update_totals (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * relance_ledger_view_get_column_view:
 *
 * Returns: (transfer none): the list; its model is a GtkSingleSelection
 *   straight over relance_ledger_view_get_model()
 */
GtkColumnView *
relance_ledger_view_get_column_view (RelanceLedgerView *self)
{
  g_return_val_if_fail (RELANCE_IS_LEDGER_VIEW (self), NULL);

  return self->column_view;
}

/**
 * relance_ledger_view_get_search_entry:
 *
 * Returns: (transfer none): the entry whose text searches the list
 */
GtkSearchEntry *
relance_ledger_view_get_search_entry (RelanceLedgerView *self)
{
  g_return_val_if_fail (RELANCE_IS_LEDGER_VIEW (self), NULL);

  return self->search_entry;
}

void
relance_ledger_view_focus_search (RelanceLedgerView *self)
{
  g_return_if_fail (RELANCE_IS_LEDGER_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * relance_ledger_view_show_cause:
 * @cause: a dispute cause code
 *
 * Disputes: shows only the disputes of @cause, whatever their status and
 * department, with no search text.
 */
void
relance_ledger_view_show_cause (RelanceLedgerView *self,
                                const char        *cause)
{
  g_return_if_fail (RELANCE_IS_LEDGER_VIEW (self));

  if (self->cause_filter == NULL || self->cause_codes == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  if (self->department_filter != NULL)
    gtk_drop_down_set_selected (self->department_filter, 0);
  for (guint i = 0; self->cause_codes[i] != NULL; i++)
    if (g_strcmp0 (self->cause_codes[i], cause) == 0)
      gtk_drop_down_set_selected (self->cause_filter, i + 1);
}
