/* relance-today-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "relance-call-sheet.h"
#include "relance-format.h"
#include "relance-letter-window.h"
#include "relance-letters-batch.h"
#include "relance-proceedings-dialog.h"
#include "relance-today-view.h"
#include "relance-window.h"
#include "relance-work-dialog.h"
#include "relance-work-row.h"

/* What a worker thread is given: all of it owned by the task. */
typedef struct
{
  RelanceDatabase *db;          /* only for relance_database_open_another() */
  RelanceDay       date;
  guint            generation;  /* of the view when asked */
} LoadRequest;

/* What it hands back. */
typedef struct
{
  GPtrArray              *items;   /* RelanceWorkItem */
  RelanceWorklistSummary  summary;
} Worklist;

typedef gpointer (*CellText) (RelanceWorkRow *row);

/* The tabs: every item first, in the order of the priority, then one per
 * group (a filter of the same list). A tab is a RelanceWorkGroup, or
 * RELANCE_TODAY_VIEW_ALL. */
#define N_TABS (RELANCE_WORK_N_GROUPS + 1)

struct _RelanceTodayView
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkMenuButton    *date_button;
  GtkPopover       *date_popover;
  GtkCalendar      *calendar;
  GtkButton        *back_button;
  GtkWidget        *print_letters_button;
  GtkLabel         *summary_label;
  GtkFlowBox       *group_box;
  GtkDropDown      *group_dropdown;
  GtkStack         *stack;
  GtkColumnView    *column_view;
  AdwStatusPage    *empty_page;
  AdwStatusPage    *error_page;
  GtkSpinner       *spinner;
  GtkActionBar     *action_bar;
  GtkButton        *do_button;
  GtkLabel         *selection_label;

  GtkToggleButton  *group_buttons[N_TABS];
  GtkStringList    *group_labels;    /* the drop-down's, the same as the buttons', All first */
  GListStore       *stores[N_TABS];
  GtkSingleSelection *selection;
  RelanceWorklistSummary summary;
  gboolean          has_worklist;
  gboolean          choosing_group; /* setting the toggles, not the user */
  gboolean          setting_calendar;

  RelanceContext   *context;
  RelanceDay        date;           /* 0: the context's today */
  RelanceWorkGroup  group;
  gboolean          group_chosen;   /* by the user since the day was chosen */
  gboolean          stale;          /* to reload when next shown */

  GCancellable     *cancellable;
  guint             generation;
  guint             loading_timeout_id;
  gboolean          loading;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

enum {
  LEDGER_CHANGED,
  SHOW_CUSTOMER,
  N_SIGNALS
};

/* A short computation does not flash a spinner. */
#define LOADING_DELAY_MS 150

G_DEFINE_FINAL_TYPE (RelanceTodayView, relance_today_view, GTK_TYPE_BOX)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (RelanceTodayView *self);

/* Helpers */

/* The drop-down lists the tabs in the order of the buttons: All first. */
static guint
tab_position (guint tab)
{
  return tab == RELANCE_TODAY_VIEW_ALL ? 0 : tab + 1;
}

static guint
position_tab (guint position)
{
  return position == 0 ? RELANCE_TODAY_VIEW_ALL : position - 1;
}

static const char *
tab_label (guint tab)
{
  /* Translators: the first tab of the Today view: everything to do, whom
   * to chase first at the top */
  return tab == RELANCE_TODAY_VIEW_ALL ? C_("today", "All") : relance_work_group_get_label (tab);
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->db);
  g_free (request);
}

static void
worklist_free (Worklist *worklist)
{
  g_clear_pointer (&worklist->items, g_ptr_array_unref);
  g_free (worklist);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worklist, worklist_free)

static RelanceDay
get_today (RelanceTodayView *self)
{
  return self->context ? relance_context_get_today (self->context) : 0;
}

static RelanceDay
get_date (RelanceTodayView *self)
{
  return self->date != 0 ? self->date : get_today (self);
}

static GtkWindow *
get_parent_window (RelanceTodayView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (RelanceTodayView *self,
           const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RELANCE_IS_WINDOW (root))
    relance_window_add_toast (RELANCE_WINDOW (root), adw_toast_new (text));
}

static RelanceWorkRow *
get_selected_row (RelanceTodayView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return RELANCE_IS_WORK_ROW (item) ? item : NULL;
}

/* Cells */

static char *
cell_customer (RelanceWorkRow *row)
{
  return g_strdup (relance_work_row_get_item (row)->customer_name);
}

static char *
cell_amount (RelanceWorkRow *row)
{
  const RelanceWorkItem *item = relance_work_row_get_item (row);
  gint64 amount = item->amount;

  /* Blocked customers: what the disputes hold back. */
  if (item->group == RELANCE_WORK_BLOCKED && item->blocked != NULL)
    {
      amount = 0;
      for (guint i = 0; i < item->blocked->len; i++)
        amount += ((RelanceWorkInvoice *)g_ptr_array_index (item->blocked, i))->open;
    }

  return relance_format_money (amount);
}

/* "12" days late; "due today"; "in 5 days" before the due date. */
static char *
cell_days (RelanceWorkRow *row)
{
  const RelanceWorkItem *item = relance_work_row_get_item (row);
  int days = item->oldest_days_overdue;

  if (days == G_MININT)
    return g_strdup ("");
  if (days > 0)
    return g_strdup_printf ("%d", days);
  if (days == 0)
    /* Translators: days late of an invoice due today */
    return g_strdup (C_("days late", "due today"));
  /* Translators: days late of an invoice not yet due: "in 5 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", -days), -days);
}

/* The earliest due date of the invoices concerned. */
static char *
cell_due (RelanceWorkRow *row)
{
  RelanceDay first = relance_work_row_get_first_due (row);

  return first != 0 ? relance_format_day (first) : g_strdup ("");
}

static char *
cell_step (RelanceWorkRow *row)
{
  return relance_work_row_dup_step (row);
}

/* What the other columns do not say (never the step again). */
static char *
cell_details (RelanceWorkRow *row)
{
  return relance_work_row_dup_details (row);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.f : 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  CellText text_func = g_object_get_data (G_OBJECT (factory), "text");
  RelanceWorkRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = row ? text_func (row) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (RelanceTodayView *self,
            const char       *title,
            CellText          text,
            gboolean          numeric,
            gboolean          expand,
            int               width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "text", text);
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (!expand)
    gtk_column_view_column_set_fixed_width (column, width_chars * 9);
  gtk_column_view_append_column (self->column_view, column);
}

/* Showing */

static const char *
do_label (RelanceWorkGroup group)
{
  switch (group)
    {
    case RELANCE_WORK_CALL: return _("_Call…");
    case RELANCE_WORK_EMAIL: return _("_Send the E-mail…");
    case RELANCE_WORK_LETTER: return _("_Send the Letter…");
    case RELANCE_WORK_FORMAL_NOTICE: return _("_Send the Formal Notice…");
    case RELANCE_WORK_CLAIM: return _("_Write the Claim Declaration…");
    case RELANCE_WORK_PROMISE: return _("_Check the Promise…");
    case RELANCE_WORK_BLOCKED: return _("_Open the Customer");
    case RELANCE_WORK_N_GROUPS:
    default: return _("_Do…");
    }
}

/* A button of the toolbar's flow box: its slot goes with it, so that no
 * gap is left where it was. */
static void
set_toolbar_button_visible (GtkWidget *button,
                            gboolean   visible)
{
  GtkWidget *slot = gtk_widget_get_parent (button);

  gtk_widget_set_visible (button, visible);
  if (GTK_IS_FLOW_BOX_CHILD (slot))
    gtk_widget_set_visible (slot, visible);
}

static void
update_actions (RelanceTodayView *self)
{
  RelanceWorkRow *row = get_selected_row (self);
  gboolean has_row = row != NULL && !self->loading;
  gboolean steps = has_row && relance_work_row_get_item (row)->group != RELANCE_WORK_BLOCKED;
  gboolean letters = self->group == RELANCE_WORK_LETTER || self->group == RELANCE_WORK_FORMAL_NOTICE ||
                     self->group == RELANCE_TODAY_VIEW_ALL;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.do", has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.skip",
                                 steps && relance_work_row_get_item (row)->reason == RELANCE_WORK_REASON_STEP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.postpone", has_row);
  /* In All, the button says what the customer selected is to get. */
  gtk_button_set_label (self->do_button, do_label (self->group != RELANCE_TODAY_VIEW_ALL ? self->group
                                                   : row != NULL ? relance_work_row_get_item (row)->group
                                                   : RELANCE_WORK_N_GROUPS));

  /* The day's letters and formal notices at once, from their groups. */
  set_toolbar_button_visible (self->print_letters_button,
                          self->has_worklist && letters &&
                          self->summary.counts[RELANCE_WORK_LETTER] + self->summary.counts[RELANCE_WORK_FORMAL_NOTICE] > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.print-letters",
                                 self->has_worklist && !self->loading && self->context != NULL);

  if (row != NULL)
    {
      g_autofree char *numbers = relance_work_row_dup_numbers (row);

      /* Translators: the customer selected and its invoices concerned */
      text = g_strdup_printf (_("%s · %s"), relance_work_row_get_item (row)->customer_name, numbers);
    }
  gtk_label_set_text (self->selection_label, text ? text : "");
  gtk_action_bar_set_revealed (self->action_bar, row != NULL);
}

static void
update_date (RelanceTodayView *self)
{
  RelanceDay date = get_date (self);
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;
  gboolean is_today = date == get_today (self);

  if (date == 0)
    return;

  day = relance_format_day (date);
  if (is_today)
    /* Translators: the day of the worklist, such as "Today, 23/11/2026" */
    label = g_strdup_printf (_("Today, %s"), day);
  else
    {
      char weekday[64] = "";
      GDate gdate;

      g_date_clear (&gdate, 1);
      g_date_set_julian (&gdate, (guint32)date);
      if (g_date_strftime (weekday, sizeof weekday, "%A", &gdate) > 0)
        {
          g_autofree char *utf8 = g_locale_to_utf8 (weekday, -1, NULL, NULL, NULL);

          /* Translators: the day of the worklist, such as "Monday, 30/11/2026" */
          label = g_strdup_printf (_("%s, %s"), utf8 ? utf8 : "", day);
        }
      else
        label = g_strdup (day);
    }

  gtk_menu_button_set_label (self->date_button, label);
  set_toolbar_button_visible (GTK_WIDGET (self->back_button), !is_today);

  /* The calendar shows the day chosen. */
  {
    g_autoptr(GDateTime) when = NULL;
    guint d, m, y;

    relance_day_to_dmy (date, &d, &m, &y);
    when = g_date_time_new_local ((int)y, (int)m, (int)d, 12, 0, 0);
    self->setting_calendar = TRUE;
    gtk_calendar_select_day (self->calendar, when);
    self->setting_calendar = FALSE;
  }
}

static void
update_summary (RelanceTodayView *self)
{
  g_autofree char *waiting = NULL;
  g_autofree char *postponed = NULL;
  g_autofree char *text = NULL;

  if (!self->has_worklist)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer waiting for a promised payment",
                                          "%u customers waiting for a promised payment",
                                          self->summary.n_customers_waiting),
                             self->summary.n_customers_waiting);
  postponed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u postponed", "%u postponed",
                                            self->summary.n_customers_postponed),
                               self->summary.n_customers_postponed);
  text = g_strdup_printf ("%s · %s", waiting, postponed);
  if (self->summary.n_customers_in_proceedings > 0)
    {
      g_autofree char *proceedings = NULL;
      g_autofree char *both = NULL;

      /* Their debts born before the judgment are not reminded */
      proceedings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in insolvency proceedings",
                                                  "%u in insolvency proceedings",
                                                  self->summary.n_customers_in_proceedings),
                                     self->summary.n_customers_in_proceedings);
      both = g_strdup_printf ("%s · %s", text, proceedings);
      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->summary_label, text);
}

static void
update_group_buttons (RelanceTodayView *self)
{
  g_auto(GStrv) labels = g_new0 (char *, N_TABS + 1);

  for (guint g = 0; g < N_TABS; g++)
    {
      guint count = self->has_worklist ? g_list_model_get_n_items (G_LIST_MODEL (self->stores[g])) : 0;
      g_autofree char *label = NULL;

      if (self->has_worklist)
        /* Translators: a group of the Today view and its count, "Calls 12" */
        label = g_strdup_printf (_("%s %u"), tab_label (g), count);
      else
        label = g_strdup (tab_label (g));
      gtk_button_set_label (GTK_BUTTON (self->group_buttons[g]), label);
      labels[tab_position (g)] = g_steal_pointer (&label);
    }

  self->choosing_group = TRUE;
  gtk_string_list_splice (self->group_labels, 0, N_TABS, (const char * const *)labels);
  gtk_toggle_button_set_active (self->group_buttons[self->group], TRUE);
  gtk_drop_down_set_selected (self->group_dropdown, tab_position (self->group));
  self->choosing_group = FALSE;
}

/* The list of the group chosen, or what stands instead of it. */
static void
show_group (RelanceTodayView *self)
{
  GListModel *store = G_LIST_MODEL (self->stores[self->group]);
  guint n = g_list_model_get_n_items (store);

  gtk_single_selection_set_model (self->selection, store);

  if (!self->has_worklist)
    return;

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else
    {
      gboolean all_empty = TRUE;
      RelanceDay date = get_date (self);

      for (guint g = 0; g < RELANCE_WORK_N_GROUPS; g++)
        all_empty = all_empty && self->summary.counts[g] == 0;

      if (!all_empty)
        adw_status_page_set_title (self->empty_page, _("Nothing in This Group"));
      else if (date == get_today (self))
        adw_status_page_set_title (self->empty_page, _("Nothing to Do Today"));
      else
        adw_status_page_set_title (self->empty_page, _("Nothing to Do That Day"));

      adw_status_page_set_description (self->empty_page, gtk_label_get_text (self->summary_label));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_actions (self);
}

static void
show_worklist (RelanceTodayView *self,
               Worklist         *worklist,
               guint             keep_position)
{
  for (guint g = 0; g < N_TABS; g++)
    g_list_store_remove_all (self->stores[g]);

  /* The rows own the items from now on; they come in the order of the
   * priority, which each group keeps. */
  g_ptr_array_set_free_func (worklist->items, NULL);
  for (guint i = 0; i < worklist->items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (worklist->items, i);
      g_autoptr(RelanceWorkRow) row = NULL;

      if (item->group >= RELANCE_WORK_N_GROUPS)
        {
          relance_work_item_free (item);
          continue;
        }
      row = relance_work_row_new (item);
      g_list_store_append (self->stores[RELANCE_TODAY_VIEW_ALL], row);
      g_list_store_append (self->stores[item->group], row);
    }

  self->summary = worklist->summary;
  self->has_worklist = TRUE;

  /* The group the user chose, while it has something; else All. */
  if (!self->group_chosen || g_list_model_get_n_items (G_LIST_MODEL (self->stores[self->group])) == 0)
    self->group = RELANCE_TODAY_VIEW_ALL;

  update_summary (self);
  update_group_buttons (self);
  show_group (self);

  /* After an action, the row that took the place of the one done. */
  if (keep_position != GTK_INVALID_LIST_POSITION)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stores[self->group]));

      if (n > 0)
        gtk_single_selection_set_selected (self->selection, MIN (keep_position, n - 1));
    }
  update_actions (self);
}

static void
show_error (RelanceTodayView *self,
            const GError     *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Loading */

static void
show_loading (RelanceTodayView *self,
              gboolean          shown)
{
  gtk_spinner_set_spinning (self->spinner, shown);
  if (shown)
    gtk_stack_set_visible_child_name (self->stack, "loading");
}

static gboolean
on_loading_timeout_cb (gpointer user_data)
{
  RelanceTodayView *self = user_data;

  self->loading_timeout_id = 0;
  show_loading (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_loading (RelanceTodayView *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  if (loading)
    self->loading_timeout_id = g_timeout_add (LOADING_DELAY_MS, on_loading_timeout_cb, self);
  else
    show_loading (self, FALSE);
  /* The list shown is out of date: no action on it until the new one. */
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cancel_loading (RelanceTodayView *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static Worklist *
compute (RelanceDatabase  *db,
         RelanceDay        date,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autoptr(Worklist) worklist = g_new0 (Worklist, 1);

  worklist->items = relance_worklist_compute (db, date, &worklist->summary, cancellable, error);
  if (worklist->items == NULL)
    return NULL;

  return g_steal_pointer (&worklist);
}

/* In a worker thread: a connection of its own, never the main one. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Worklist *worklist = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = relance_database_open_another (request->db, &error);
  if (db != NULL)
    worklist = compute (db, request->date, cancellable, &error);

  if (worklist == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, worklist, (GDestroyNotify)worklist_free);
}

/* On the main thread. @user_data is a weak reference: the task holds no
 * reference to the view, which may be gone with its window. */
static void
on_loaded_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RelanceTodayView) self = g_weak_ref_get (weak);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(Worklist) worklist = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_weak_ref_clear (weak);
  g_free (weak);

  worklist = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL || request->generation != self->generation)
    return;

  position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "keep-position"));
  set_loading (self, FALSE);
  g_clear_object (&self->cancellable);

  if (worklist != NULL)
    show_worklist (self, worklist, position ? position - 1 : GTK_INVALID_LIST_POSITION);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

static void
reload_keeping (RelanceTodayView *self,
                guint             position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RelanceDatabase *db;
  LoadRequest *request;
  GWeakRef *weak;

  self->stale = FALSE;
  cancel_loading (self);
  update_date (self);

  if (self->context == NULL)
    {
      set_loading (self, FALSE);
      self->has_worklist = FALSE;
      for (guint g = 0; g < N_TABS; g++)
        g_list_store_remove_all (self->stores[g]);
      update_summary (self);
      update_group_buttons (self);
      update_actions (self);
      return;
    }

  db = relance_context_get_database (self->context);

  /* A ledger in memory (tests) cannot be opened by another thread: it is
   * small, so computed here. */
  if (relance_database_is_in_memory (db))
    {
      g_autoptr(Worklist) worklist = compute (db, get_date (self), NULL, &error);

      set_loading (self, FALSE);
      if (worklist == NULL)
        show_error (self, error);
      else
        show_worklist (self, worklist, position);
      return;
    }

  request = g_new0 (LoadRequest, 1);
  request->db = g_object_ref (db);
  request->date = get_date (self);
  request->generation = self->generation;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_loaded_cb, weak);
  g_task_set_source_tag (task, reload);
  g_task_set_name (task, "[relance] worklist");
  g_task_set_task_data (task, request, (GDestroyNotify)load_request_free);
  /* Stored off by one: 0 is "none". */
  if (position != GTK_INVALID_LIST_POSITION)
    g_object_set_data (G_OBJECT (task), "keep-position", GUINT_TO_POINTER (position + 1));
  g_task_run_in_thread (task, load_thread);

  set_loading (self, TRUE);
}

static void
reload (RelanceTodayView *self)
{
  reload_keeping (self, GTK_INVALID_LIST_POSITION);
}

static void
reload_when_shown (RelanceTodayView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    {
      cancel_loading (self);
      set_loading (self, FALSE);
      self->stale = TRUE;
    }
}

/* After an action on the row at @position: the ledger changed. */
static void
after_action (RelanceTodayView *self,
              const char       *toast)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (toast != NULL)
    add_toast (self, toast);
  reload_keeping (self, position);
  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
}

/* Callbacks */

static void
on_saved_cb (RelanceTodayView *self,
             const char       *message,
             GtkWidget        *dialog)
{
  after_action (self, message);
}

static void
on_claim_written_cb (const char   *message,
                     const GError *error,
                     gpointer      user_data)
{
  g_autoptr(RelanceTodayView) self = user_data;

  if (error != NULL)
    add_toast (self, error->message);
  else if (message != NULL)
    after_action (self, message);
}

static void
open_call_sheet (RelanceTodayView *self,
                 RelanceWorkRow   *row)
{
  GtkWidget *sheet = relance_call_sheet_new (get_parent_window (self), self->context, row, get_date (self));

  g_signal_connect_object (sheet, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (sheet));
}

static void
open_postpone (RelanceTodayView *self,
               RelanceWorkRow   *row)
{
  GtkWidget *dialog = relance_work_dialog_new_postpone (get_parent_window (self), self->context, row,
                                                        get_date (self));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_promise_call_cb (RelanceWorkDialog *dialog,
                    RelanceTodayView  *self)
{
  RelanceWorkRow *row = g_object_get_data (G_OBJECT (dialog), "row");

  open_call_sheet (self, row);
}

static void
on_promise_postpone_cb (RelanceWorkDialog *dialog,
                        RelanceTodayView  *self)
{
  RelanceWorkRow *row = g_object_get_data (G_OBJECT (dialog), "row");

  open_postpone (self, row);
}

static void
on_row_activated_cb (RelanceTodayView *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "today.do", NULL);
}

static void
on_selection_changed_cb (RelanceTodayView *self)
{
  update_actions (self);
}

static void
on_group_toggled_cb (GtkToggleButton  *button,
                     RelanceTodayView *self)
{
  if (!gtk_toggle_button_get_active (button) || self->choosing_group)
    return;

  self->group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "group"));
  self->group_chosen = TRUE;
  self->choosing_group = TRUE;
  gtk_drop_down_set_selected (self->group_dropdown, tab_position (self->group));
  self->choosing_group = FALSE;
  show_group (self);
}

/* The drop-down of a narrow window chooses like the buttons. */
static void
on_group_selected_cb (RelanceTodayView *self)
{
  guint position = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->choosing_group || position >= N_TABS)
    return;

  gtk_toggle_button_set_active (self->group_buttons[position_tab (position)], TRUE);
}

static void
on_day_selected_cb (RelanceTodayView *self)
{
  g_autoptr(GDateTime) when = NULL;
  RelanceDay day;

  if (self->setting_calendar)
    return;

  when = gtk_calendar_get_date (self->calendar);
  day = relance_day_from_dmy ((guint)g_date_time_get_day_of_month (when),
                              (guint)g_date_time_get_month (when),
                              (guint)g_date_time_get_year (when));
  gtk_popover_popdown (self->date_popover);
  relance_today_view_set_date (self, day);
}

/* Actions */

static void
do_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (widget);
  RelanceWorkRow *row = get_selected_row (self);
  const RelanceWorkItem *item;
  GtkWidget *dialog;

  if (row == NULL || self->context == NULL)
    return;

  item = relance_work_row_get_item (row);
  switch (item->group)
    {
    case RELANCE_WORK_CALL:
      open_call_sheet (self, row);
      return;

    case RELANCE_WORK_LETTER:
    case RELANCE_WORK_FORMAL_NOTICE:
      /* The letter itself, to print or mark as sent. */
      dialog = relance_letter_window_new (get_parent_window (self), self->context, item->customer_id, item);
      g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;

    case RELANCE_WORK_EMAIL:
      dialog = relance_work_dialog_new_send (get_parent_window (self), self->context, row, get_date (self));
      g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;

    case RELANCE_WORK_PROMISE:
      dialog = relance_work_dialog_new_promise (get_parent_window (self), self->context, row, get_date (self));
      g_object_set_data_full (G_OBJECT (dialog), "row", g_object_ref (row), g_object_unref);
      g_signal_connect_object (dialog, "call", G_CALLBACK (on_promise_call_cb), self, 0);
      g_signal_connect_object (dialog, "postpone", G_CALLBACK (on_promise_postpone_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;

    case RELANCE_WORK_BLOCKED:
      g_signal_emit (self, signals[SHOW_CUSTOMER], 0, item->customer_id);
      return;

    case RELANCE_WORK_CLAIM:
      /* The déclaration de créance, saved and recorded: the item goes. */
      relance_claim_declaration_write (get_parent_window (self), self->context, item->customer_id,
                                       on_claim_written_cb, g_object_ref (self));
      return;

    case RELANCE_WORK_N_GROUPS:
    default:
      return;
    }
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (widget);
  RelanceWorkRow *row = get_selected_row (self);
  GtkWidget *dialog;

  if (row == NULL || self->context == NULL)
    return;

  dialog = relance_work_dialog_new_skip (get_parent_window (self), self->context, row, get_date (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
postpone_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (widget);
  RelanceWorkRow *row = get_selected_row (self);

  if (row == NULL || self->context == NULL)
    return;

  open_postpone (self, row);
}

static void
on_letters_finished_cb (RelanceTodayView *self,
                        gboolean          written)
{
  /* The dialog told the window what was written. */
  if (written)
    after_action (self, NULL);
}

static void
print_letters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = relance_letters_batch_dialog_new (get_parent_window (self), self->context, get_date (self));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_letters_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_to_today_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  relance_today_view_set_date (RELANCE_TODAY_VIEW (widget), 0);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reload (RELANCE_TODAY_VIEW (widget));
}

/* Overrides */

static void
relance_today_view_map (GtkWidget *widget)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (widget);

  GTK_WIDGET_CLASS (relance_today_view_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static void
relance_today_view_dispose (GObject *object)
{
  RelanceTodayView *self = (RelanceTodayView *)object;

  cancel_loading (self);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_TODAY_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->group_labels);
  for (guint g = 0; g < N_TABS; g++)
    g_clear_object (&self->stores[g]);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_today_view_parent_class)->dispose (object);
}

static void
relance_today_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_today_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RelanceTodayView *self = RELANCE_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      relance_today_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_today_view_class_init (RelanceTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_today_view_dispose;
  object_class->get_property = relance_today_view_get_property;
  object_class->set_property = relance_today_view_set_property;

  widget_class->map = relance_today_view_map;

  /**
   * RelanceTodayView:context:
   *
   * The ledger whose worklist is shown; %NULL for none.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RELANCE_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RelanceTodayView:loading:
   *
   * Whether the worklist is being computed.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelanceTodayView::ledger-changed:
   *
   * Something was recorded: the other views read the ledger again.
   */
  signals[LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RelanceTodayView::show-customer:
   * @customer_id: a customer blocked by disputes
   *
   * Asks for the customer's page, where its disputes are settled.
   */
  signals[SHOW_CUSTOMER] =
    g_signal_new ("show-customer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, date_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, calendar);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, back_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, print_letters_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, group_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, group_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, error_page);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, do_button);
  gtk_widget_class_bind_template_child (widget_class, RelanceTodayView, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "today.do", NULL, do_action);
  gtk_widget_class_install_action (widget_class, "today.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "today.postpone", NULL, postpone_action);
  gtk_widget_class_install_action (widget_class, "today.back-to-today", NULL, back_to_today_action);
  gtk_widget_class_install_action (widget_class, "today.print-letters", NULL, print_letters_action);
  gtk_widget_class_install_action (widget_class, "today.reload", NULL, reload_action);
}

static void
relance_today_view_init (RelanceTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_toolbar_button_visible (GTK_WIDGET (self->back_button), FALSE);
  set_toolbar_button_visible (self->print_letters_button, FALSE);

  for (guint g = 0; g < N_TABS; g++)
    self->stores[g] = g_list_store_new (RELANCE_TYPE_WORK_ROW);

  self->group = RELANCE_TODAY_VIEW_ALL;
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->stores[self->group])));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->group_labels = gtk_string_list_new (NULL);
  for (guint position = 0; position < N_TABS; position++)
    {
      guint g = position_tab (position);
      GtkWidget *button = gtk_toggle_button_new_with_label (tab_label (g));

      g_object_set_data (G_OBJECT (button), "group", GUINT_TO_POINTER (g));
      if (position > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->group_buttons[RELANCE_TODAY_VIEW_ALL]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_group_toggled_cb), self);
      gtk_flow_box_append (self->group_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->group_buttons[g] = GTK_TOGGLE_BUTTON (button);
      gtk_string_list_append (self->group_labels, tab_label (g));
    }
  self->choosing_group = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_labels));
  gtk_toggle_button_set_active (self->group_buttons[RELANCE_TODAY_VIEW_ALL], TRUE);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  self->choosing_group = FALSE;

  /* Each column says one thing (help/C/worklist.page). */
  /* Translators: column titles of the Today view */
  /* The customer and the amount first and of a fixed width, so that a
   * narrow window shows both; the other columns scroll. */
  add_column (self, C_("column", "Customer"), (CellText)cell_customer, FALSE, FALSE, 24);
  add_column (self, C_("column", "Amount"), (CellText)cell_amount, TRUE, FALSE, 13);
  add_column (self, C_("column", "To Do"), (CellText)cell_step, FALSE, FALSE, 22);
  add_column (self, C_("column", "Due"), (CellText)cell_due, TRUE, FALSE, 11);
  add_column (self, C_("column", "Days Late"), (CellText)cell_days, TRUE, FALSE, 10);
  add_column (self, C_("column", "Details"), (CellText)cell_details, FALSE, TRUE, 0);

  update_actions (self);
}

GtkWidget *
relance_today_view_new (void)
{
  return g_object_new (RELANCE_TYPE_TODAY_VIEW, NULL);
}

/**
 * relance_today_view_get_context:
 *
 * Returns: (transfer none) (nullable): the ledger shown
 */
RelanceContext *
relance_today_view_get_context (RelanceTodayView *self)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), NULL);

  return self->context;
}

/**
 * relance_today_view_set_context:
 * @context: (nullable): the ledger; %NULL empties the view
 *
 * The worklist is computed when the view is on screen, in a worker thread
 * for a ledger file (see #RelanceTodayView:loading).
 */
void
relance_today_view_set_context (RelanceTodayView *self,
                                RelanceContext   *context)
{
  g_return_if_fail (RELANCE_IS_TODAY_VIEW (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  self->date = 0;
  self->group_chosen = FALSE;
  self->has_worklist = FALSE;
  reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * relance_today_view_reload:
 *
 * Computes the worklist again, after the ledger changed.
 */
void
relance_today_view_reload (RelanceTodayView *self)
{
  g_return_if_fail (RELANCE_IS_TODAY_VIEW (self));

  reload_when_shown (self);
}

gboolean
relance_today_view_get_loading (RelanceTodayView *self)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), FALSE);

  return self->loading;
}

/**
 * relance_today_view_get_date:
 *
 * Returns: the day of the worklist shown
 */
RelanceDay
relance_today_view_get_date (RelanceTodayView *self)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), 0);

  return get_date (self);
}

/**
 * relance_today_view_set_date:
 * @date: a day, or 0 for the context's today
 */
void
relance_today_view_set_date (RelanceTodayView *self,
                             RelanceDay        date)
{
  g_return_if_fail (RELANCE_IS_TODAY_VIEW (self));

  if (date == get_today (self))
    date = 0;
  if (date == self->date)
    {
      update_date (self);
      return;
    }

  self->date = date;
  self->group_chosen = FALSE;
  reload_when_shown (self);
  update_date (self);
}

RelanceWorkGroup
relance_today_view_get_group (RelanceTodayView *self)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), RELANCE_WORK_CALL);

  return self->group;
}

/**
 * relance_today_view_set_group:
 *
 * Shows the items of @group (or %RELANCE_TODAY_VIEW_ALL: every item, in
 * the order of the priority), as a click on its button does.
 */
void
relance_today_view_set_group (RelanceTodayView *self,
                              RelanceWorkGroup  group)
{
  g_return_if_fail (RELANCE_IS_TODAY_VIEW (self));
  g_return_if_fail (group < N_TABS);

  gtk_toggle_button_set_active (self->group_buttons[group], TRUE);
}

/**
 * relance_today_view_get_count:
 *
 * Returns: how many customers @group holds in the worklist shown
 */
guint
relance_today_view_get_count (RelanceTodayView *self,
                              RelanceWorkGroup  group)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), 0);
  g_return_val_if_fail (group < N_TABS, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->stores[group]));
}

/**
 * relance_today_view_get_group_button:
 *
 * Returns: (transfer none): the toggle of @group, labelled with its count
 */
GtkToggleButton *
relance_today_view_get_group_button (RelanceTodayView *self,
                                     RelanceWorkGroup  group)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), NULL);
  g_return_val_if_fail (group < N_TABS, NULL);

  return self->group_buttons[group];
}

/**
 * relance_today_view_get_column_view:
 *
 * Returns: (transfer none): the list; its model is a GtkSingleSelection
 *   over #RelanceWorkRow items of the group shown
 */
GtkColumnView *
relance_today_view_get_column_view (RelanceTodayView *self)
{
  g_return_val_if_fail (RELANCE_IS_TODAY_VIEW (self), NULL);

  return self->column_view;
}
