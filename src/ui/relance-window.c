/* relance-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-customer-dialog.h"
#include "relance-customer.h"
#include "relance-customer-page.h"
#include "relance-dashboard.h"
#include "relance-desk.h"
#include "relance-dialogs.h"
#include "relance-dispute.h"
#include "relance-import-window.h"
#include "relance-invoice.h"
#include "relance-ledger-view.h"
#include "relance-list-model.h"
#include "relance-restore-dialog.h"
#include "relance-today-view.h"
#include "relance-window.h"

struct _RelanceWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkLabel             *ledger_label;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  RelanceTodayView     *today_view;
  RelanceLedgerView    *customers_view;
  AdwLeaflet           *customers_leaflet;
  RelanceCustomerPage  *customer_page;
  RelanceLedgerView    *invoices_view;
  RelanceLedgerView    *disputes_view;
  RelanceDashboard     *dashboard_view;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *error_page;

  GSettings            *settings;
  RelanceContext       *context;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RelanceWindow, relance_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

/* Below this width the view switcher moves to the bottom of the window. */
#define WIDE_WINDOW_WIDTH 640

static RelanceLedgerView *
find_view (RelanceWindow *self,
           const char    *name)
{
  RelanceLedgerView *views[] = { self->customers_view, self->invoices_view, self->disputes_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (g_strcmp0 (relance_ledger_view_get_kind (views[i]), name) == 0)
        return views[i];
    }

  return NULL;
}

/* What the header says about the open ledger: nothing for the user's own,
 * "Sample Company", or the name of the file opened with --db. */
static char *
dup_ledger_name (RelanceWindow *self)
{
  g_autofree char *sample = relance_application_get_sample_path ();
  g_autofree char *own = relance_application_get_own_path ();
  const char *path;

  if (self->context == NULL)
    return NULL;

  path = relance_database_get_path (relance_context_get_database (self->context));
  if (g_strcmp0 (path, sample) == 0)
    return g_strdup (_("Sample Company"));

  if (g_strcmp0 (path, own) == 0)
    return NULL;

  return g_path_get_basename (path);
}

/* The ledger's name shows under the title when the window is narrow, and
 * at the start of the header bar, where the view switcher leaves room,
 * when it is wide. Decided on the window's width, never on whether the
 * switcher fits: that changes with the label itself. */
static void
update_ledger_label (RelanceWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_widget_set_visible (GTK_WIDGET (self->ledger_label),
                          gtk_label_get_label (self->ledger_label)[0] != '\0' &&
                          (gtk_window_is_maximized (GTK_WINDOW (self)) ||
                           width >= WIDE_WINDOW_WIDTH));
}

static void
update_title (RelanceWindow *self)
{
  g_autofree char *name = dup_ledger_name (self);

  gtk_label_set_label (self->ledger_label, name ? name : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  update_ledger_label (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->ledger_label),
                               self->context ? relance_database_get_path (relance_context_get_database (self->context))
                                             : NULL);

  if (name != NULL)
    {
      /* Translators: the window title; %s is the open ledger, such as
       * "Sample Company" */
      g_autofree char *title = g_strdup_printf (_("%s — Relance"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Relance"));
    }
}

static void
update_switcher (RelanceWindow *self)
{
  gboolean ledger = g_strcmp0 (relance_window_get_page (self), "ledger") == 0;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, ledger);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    ledger && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* The lists, the welcome page of an empty ledger, or the error page. */
static void
update_page (RelanceWindow *self)
{
  const char *page;

  if (self->context == NULL)
    page = "error";
  else if (relance_database_is_empty (relance_context_get_database (self->context)))
    page = "welcome";
  else
    page = "ledger";

  gtk_stack_set_visible_child_name (self->main_stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-customer", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", g_str_equal (page, "ledger"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", g_str_equal (page, "ledger"));

  update_switcher (self);
}

/* The list on screen: the Customers page holds its list in a leaflet. */
static RelanceLedgerView *
get_visible_view (RelanceWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible == GTK_WIDGET (self->customers_leaflet))
    return self->customers_view;

  return RELANCE_IS_LEDGER_VIEW (visible) ? RELANCE_LEDGER_VIEW (visible) : NULL;
}

static void
give_model (RelanceWindow     *self,
            RelanceLedgerView *view)
{
  g_autoptr(RelanceListModel) model = NULL;

  model = relance_list_model_new (relance_context_get_database (self->context),
                                  relance_ledger_view_get_list_kind (view),
                                  relance_context_get_today (self->context));
  relance_ledger_view_set_model (view, model);
}

/* Only the view on screen reads the ledger; the others get their rows
 * when they are first shown (see on_visible_view_changed_cb), so opening
 * a big ledger builds one list, not three. */
static void
update_models (RelanceWindow *self)
{
  RelanceLedgerView *views[] = { self->customers_view, self->invoices_view, self->disputes_view };
  RelanceLedgerView *visible = get_visible_view (self);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (self->context != NULL && views[i] == visible)
        give_model (self, views[i]);
      else
        relance_ledger_view_set_model (views[i], NULL);
    }
}

static void
on_visible_view_changed_cb (RelanceWindow *self)
{
  RelanceLedgerView *visible = get_visible_view (self);

  if (self->context != NULL && visible != NULL &&
      relance_ledger_view_get_model (visible) == NULL)
    give_model (self, visible);
}

/* A cause's bar was clicked on the dashboard: its disputes. */
static void
on_show_disputes_cb (RelanceWindow *self,
                     const char    *cause)
{
  /* Showing the view first gives it its rows and its list of causes. */
  relance_window_set_view (self, "disputes");
  relance_ledger_view_show_cause (self->disputes_view, cause);
}

/* Every list and the customer's page read the ledger again. */
static void
reload_all (RelanceWindow *self)
{
  RelanceLedgerView *views[] = { self->customers_view, self->invoices_view, self->disputes_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      RelanceListModel *model = relance_ledger_view_get_model (views[i]);

      if (model != NULL)
        relance_list_model_reload (model);
    }

  relance_dashboard_reload (self->dashboard_view);
  relance_today_view_reload (self->today_view);
}

/* Something was recorded from the Today view. */
static void
on_today_changed_cb (RelanceWindow *self)
{
  RelanceLedgerView *views[] = { self->customers_view, self->invoices_view, self->disputes_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      RelanceListModel *model = relance_ledger_view_get_model (views[i]);

      if (model != NULL)
        relance_list_model_reload (model);
    }
  relance_dashboard_reload (self->dashboard_view);
  relance_customer_page_reload (self->customer_page);
}

/* A customer blocked by disputes: its page, where they are settled. */
static void
on_today_show_customer_cb (RelanceWindow *self,
                           gint64         customer_id)
{
  relance_window_set_view (self, "customers");
  relance_customer_page_set_customer (self->customer_page, customer_id);
  adw_leaflet_set_visible_child (self->customers_leaflet, GTK_WIDGET (self->customer_page));
}

static void
on_leaflet_folded_cb (RelanceWindow *self)
{
  relance_customer_page_set_show_back (self->customer_page,
                                       adw_leaflet_get_folded (self->customers_leaflet));
}

static void
on_customer_selected_cb (RelanceWindow     *self,
                         GObject           *item,
                         RelanceLedgerView *view)
{
  gint64 id;

  /* A reload drops the selection: the page stays on its customer. */
  if (item == NULL || !RELANCE_IS_CUSTOMER (item))
    return;

  id = relance_customer_get_id (RELANCE_CUSTOMER (item));
  if (id == 0)
    return;

  relance_customer_page_set_customer (self->customer_page, id);
  adw_leaflet_set_visible_child (self->customers_leaflet, GTK_WIDGET (self->customer_page));
}

static void
on_customer_page_changed_cb (RelanceWindow *self)
{
  reload_all (self);
  update_page (self);
}

static void
on_customer_page_toast_cb (RelanceWindow *self,
                           AdwToast      *toast,
                           RelanceCustomerPage *page)
{
  relance_window_add_toast (self, g_object_ref (toast));
}

static void
on_customer_page_back_cb (RelanceWindow *self)
{
  adw_leaflet_set_visible_child (self->customers_leaflet, GTK_WIDGET (self->customers_view));
  gtk_widget_grab_focus (GTK_WIDGET (relance_ledger_view_get_column_view (self->customers_view)));
}

static void
on_title_visible_changed_cb (RelanceWindow *self)
{
  update_switcher (self);
}

static void
on_size_changed_cb (RelanceWindow *self)
{
  update_ledger_label (self);
}

static void
on_customer_added_cb (RelanceWindow         *self,
                      gint64                 customer_id,
                      RelanceCustomerDialog *dialog)
{
  RelanceLedgerView *views[] = { self->customers_view, self->invoices_view, self->disputes_view };
  GtkSearchEntry *search = relance_ledger_view_get_search_entry (self->customers_view);

  /* The new customer must not be hidden by an old search. The list has
   * no rows yet when it was never shown (the window opened on Today). */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  if (relance_ledger_view_get_model (self->customers_view) != NULL)
    relance_list_model_set_search (relance_ledger_view_get_model (self->customers_view), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      RelanceListModel *model = relance_ledger_view_get_model (views[i]);

      if (model != NULL)
        relance_list_model_reload (model);
    }

  update_page (self);
  relance_window_set_view (self, "customers");
  relance_customer_page_set_customer (self->customer_page, customer_id);
  adw_leaflet_set_visible_child (self->customers_leaflet, GTK_WIDGET (self->customer_page));
  relance_window_add_toast (self, adw_toast_new (_("Customer added")));
}

static void
on_invoice_saved_cb (RelanceWindow *self)
{
  reload_all (self);
  relance_customer_page_reload (self->customer_page);
  relance_window_add_toast (self, adw_toast_new (_("Saved")));
}

static gpointer get_selected_item (RelanceLedgerView *view);

/* Enter or a double click on an invoice edits it; on an open dispute,
 * resolves it. */
static void
on_invoice_activated_cb (RelanceWindow *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)),
                                                             position);
  GtkWidget *dialog;

  if (self->context == NULL || invoice == NULL || relance_invoice_get_id (invoice) == 0)
    return;

  dialog = relance_invoice_dialog_new (GTK_WINDOW (self), self->context, 0, relance_invoice_get_id (invoice));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_invoice_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_dispute_activated_cb (RelanceWindow *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  g_autoptr(RelanceDispute) dispute = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)),
                                                             position);
  GtkWidget *dialog;

  if (self->context == NULL || dispute == NULL || relance_dispute_get_id (dispute) == 0 ||
      relance_dispute_get_status (dispute) != RELANCE_DISPUTE_STATUS_OPEN)
    return;

  dialog = relance_dispute_dialog_new_resolve (GTK_WINDOW (self), self->context, relance_dispute_get_id (dispute));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_invoice_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
get_selected_item (RelanceLedgerView *view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (relance_ledger_view_get_column_view (view));

  if (!GTK_IS_SINGLE_SELECTION (selection))
    return NULL;

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
}

/* Ctrl+N: what is new depends on the list on screen. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  const char *view = relance_window_get_view (self);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  if (g_strcmp0 (relance_window_get_page (self), "ledger") != 0 || g_strcmp0 (view, "customers") == 0 ||
      g_strcmp0 (view, "today") == 0)
    {
      gtk_widget_activate_action (widget, "win.add-customer", NULL);
      return;
    }

  if (g_strcmp0 (view, "invoices") == 0)
    {
      dialog = relance_invoice_dialog_new (GTK_WINDOW (self), self->context, 0, 0);
      g_signal_connect_object (dialog, "saved", G_CALLBACK (on_invoice_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (g_strcmp0 (view, "disputes") == 0)
    {
      RelanceInvoice *invoice = relance_ledger_view_get_model (self->invoices_view)
                                ? get_selected_item (self->invoices_view) : NULL;

      if (invoice == NULL || relance_invoice_get_id (invoice) == 0)
        {
          relance_window_add_toast (self, adw_toast_new (_("Select the invoice to dispute in the Invoices list first")));
          return;
        }

      dialog = relance_dispute_dialog_new_open (GTK_WINDOW (self), self->context, relance_invoice_get_id (invoice));
      g_signal_connect_object (dialog, "saved", G_CALLBACK (on_invoice_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

typedef struct
{
  RelanceWindow *self;
  char          *customer_code;
  char          *number;
  RelanceInvoiceFields fields;
} DeletedInvoice;

static void
deleted_invoice_free (gpointer data)
{
  DeletedInvoice *deleted = data;

  g_object_unref (deleted->self);
  g_free (deleted->customer_code);
  g_free (deleted->number);
  g_free (deleted);
}

static void
on_undo_delete_invoice_cb (AdwToast       *toast,
                           DeletedInvoice *deleted)
{
  g_autoptr(GError) error = NULL;

  if (deleted->self->context == NULL)
    return;
  if (relance_ledger_add_invoice (relance_context_get_database (deleted->self->context),
                                  &deleted->fields, &error) == 0)
    relance_window_add_toast (deleted->self, adw_toast_new (error->message));
  reload_all (deleted->self);
  relance_customer_page_reload (deleted->self->customer_page);
}

/* Delete: the customer shown, or the invoice selected. Nothing is asked;
 * the toast offers Undo. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  const char *view = relance_window_get_view (self);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL || g_strcmp0 (relance_window_get_page (self), "ledger") != 0)
    return;

  if (g_strcmp0 (view, "customers") == 0)
    {
      if (relance_customer_page_get_customer (self->customer_page) != 0)
        gtk_widget_activate_action (GTK_WIDGET (self->customer_page), "customer.delete", NULL);
      return;
    }

  if (g_strcmp0 (view, "invoices") == 0)
    {
      RelanceInvoice *invoice = get_selected_item (self->invoices_view);
      RelanceDatabase *db = relance_context_get_database (self->context);
      DeletedInvoice *deleted;
      g_autofree char *message = NULL;
      AdwToast *toast;

      if (invoice == NULL || relance_invoice_get_id (invoice) == 0)
        return;

      deleted = g_new0 (DeletedInvoice, 1);
      deleted->self = g_object_ref (self);
      if (!relance_desk_get_invoice (db, relance_invoice_get_id (invoice), &deleted->fields,
                                     &deleted->customer_code, &deleted->number, NULL, &error) ||
          !relance_desk_delete_invoice (db, relance_invoice_get_id (invoice), &error))
        {
          deleted_invoice_free (deleted);
          relance_window_add_toast (self, adw_toast_new (error->message));
          return;
        }

      message = g_strdup_printf (_("Invoice %s deleted"), deleted->number);
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_invoice_cb), deleted,
                             (GClosureNotify)(void (*) (void))deleted_invoice_free, 0);
      reload_all (self);
      relance_customer_page_reload (self->customer_page);
      relance_window_add_toast (self, toast);
    }
}

static void
add_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = relance_customer_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "customer-added",
                           G_CALLBACK (on_customer_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceWindow *self = RELANCE_WINDOW (widget);
  RelanceLedgerView *view = find_view (self, relance_window_get_view (self));

  if (view != NULL)
    relance_ledger_view_focus_search (view);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  relance_window_set_view (RELANCE_WINDOW (widget), g_variant_get_string (param, NULL));
}

static gboolean
relance_window_close_request (GtkWindow *window)
{
  RelanceWindow *self = (RelanceWindow *)window;

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          int width, height;

          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", MAX (width, 360));
              g_settings_set_int (self->settings, "window-height", MAX (height, 300));
            }
        }
    }

  return GTK_WINDOW_CLASS (relance_window_parent_class)->close_request (window);
}

static void
relance_window_constructed (GObject *object)
{
  RelanceWindow *self = (RelanceWindow *)object;

  G_OBJECT_CLASS (relance_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_settings_bind (self->settings, "last-view",
                       self->view_stack, "visible-child-name",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
    }

  update_title (self);
  update_page (self);
}

static void
relance_window_dispose (GObject *object)
{
  RelanceWindow *self = (RelanceWindow *)object;

  if (self->settings != NULL && self->view_stack != NULL)
    g_settings_unbind (self->view_stack, "visible-child-name");

  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_window_parent_class)->dispose (object);
}

static void
relance_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RelanceWindow *self = RELANCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RelanceWindow *self = RELANCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      relance_window_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_window_class_init (RelanceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = relance_window_constructed;
  object_class->dispose = relance_window_dispose;
  object_class->get_property = relance_window_get_property;
  object_class->set_property = relance_window_set_property;

  window_class->close_request = relance_window_close_request;

  /**
   * RelanceWindow:context:
   *
   * The open ledger and the day it is seen from; %NULL when none could be
   * opened.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RELANCE_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RELANCE_TYPE_LEDGER_VIEW);
  g_type_ensure (RELANCE_TYPE_CUSTOMER_PAGE);
  g_type_ensure (RELANCE_TYPE_DASHBOARD);
  g_type_ensure (RELANCE_TYPE_TODAY_VIEW);

  /* Pulls the resources' object file, and its constructor that registers
   * them, out of the static library into any program using this class. */
  (void)relance_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, ledger_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, customers_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, customers_leaflet);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, customer_page);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_page_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_page_back_cb);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, invoices_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, disputes_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_disputes_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_show_customer_cb);

  gtk_widget_class_install_action (widget_class, "win.add-customer", NULL, add_customer_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, relance_import_window_choose_file);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, relance_restore_dialog_show);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.view", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.view", "s", "customers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.view", "s", "invoices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.view", "s", "disputes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.view", "s", "dashboard");
}

static void
relance_window_init (RelanceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_size_changed_cb), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (on_size_changed_cb), NULL);

  self->settings = relance_application_new_settings ();
  relance_import_window_add_drop_target (self);
  on_leaflet_folded_cb (self);
  g_signal_connect_object (relance_ledger_view_get_column_view (self->invoices_view), "activate",
                           G_CALLBACK (on_invoice_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (relance_ledger_view_get_column_view (self->disputes_view), "activate",
                           G_CALLBACK (on_dispute_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * relance_window_new:
 * @app: (nullable): the application
 * @context: (nullable): an open ledger; %NULL shows the error page, whose
 *   message relance_window_show_open_error() sets
 *
 * An empty ledger shows the welcome page; any other the three lists.
 *
 * Returns: (transfer none): a new #RelanceWindow, owned by GTK until it is destroyed
 */
GtkWidget *
relance_window_new (RelanceApplication *app,
                    RelanceContext     *context)
{
  g_return_val_if_fail (app == NULL || RELANCE_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (context == NULL || RELANCE_IS_CONTEXT (context), NULL);

  return g_object_new (RELANCE_TYPE_WINDOW,
                       "application", app,
                       "context", context,
                       NULL);
}

/**
 * relance_window_get_context:
 *
 * Returns: (transfer none) (nullable): the open ledger
 */
RelanceContext *
relance_window_get_context (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * relance_window_set_context:
 * @context: (nullable): the ledger to show
 *
 * Shows another ledger: new lists, keeping what is typed in the search
 * entries and how the columns sort.
 */
void
relance_window_set_context (RelanceWindow  *self,
                            RelanceContext *context)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  if (context == NULL)
    adw_status_page_set_description (self->error_page, _("No ledger is open."));

  update_models (self);
  relance_customer_page_set_context (self->customer_page, context);
  relance_dashboard_set_context (self->dashboard_view, context);
  relance_today_view_set_context (self->today_view, context);
  update_title (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * relance_window_show_open_error:
 * @error: why the ledger could not be opened, in the user's words
 *
 * Closes the ledger shown and shows @error instead.
 */
void
relance_window_show_open_error (RelanceWindow *self,
                                const GError  *error)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  relance_window_set_context (self, NULL);
  adw_status_page_set_description (self->error_page, error->message);
}

/**
 * relance_window_get_page:
 *
 * Returns: "ledger" (the lists), "welcome" (an empty ledger) or "error"
 *   (no ledger open)
 */
const char *
relance_window_get_page (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * relance_window_get_view:
 *
 * Returns: the view shown: "today", "customers", "invoices", "disputes"
 *   or "dashboard"
 */
const char *
relance_window_get_view (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * relance_window_set_view:
 * @name: "today", "customers", "invoices", "disputes" or "dashboard"
 */
void
relance_window_set_view (RelanceWindow *self,
                         const char    *name)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));

  if (find_view (self, name) == NULL && g_strcmp0 (name, "dashboard") != 0 &&
      g_strcmp0 (name, "today") != 0)
    {
      g_warning ("No view called “%s” in the window", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * relance_window_get_column_view:
 * @name: "customers", "invoices" or "disputes"
 *
 * Returns: (transfer none) (nullable): the list of that view; its model is a
 *   GtkSingleSelection over a #RelanceListModel
 */
GtkColumnView *
relance_window_get_column_view (RelanceWindow *self,
                                const char    *name)
{
  RelanceLedgerView *view;

  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  view = find_view (self, name);
  return view ? relance_ledger_view_get_column_view (view) : NULL;
}

/**
 * relance_window_get_search_entry:
 * @name: "customers", "invoices" or "disputes"
 *
 * Returns: (transfer none) (nullable): the search entry of that view
 */
GtkSearchEntry *
relance_window_get_search_entry (RelanceWindow *self,
                                 const char    *name)
{
  RelanceLedgerView *view;

  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  view = find_view (self, name);
  return view ? relance_ledger_view_get_search_entry (view) : NULL;
}

/**
 * relance_window_add_toast:
 * @toast: (transfer full): a message for the user
 */
void
relance_window_add_toast (RelanceWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
