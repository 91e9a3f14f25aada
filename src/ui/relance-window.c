/* relance-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-customer-dialog.h"
#include "relance-ledger-view.h"
#include "relance-list-model.h"
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
  RelanceLedgerView    *customers_view;
  RelanceLedgerView    *invoices_view;
  RelanceLedgerView    *disputes_view;
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
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (self->context != NULL && GTK_WIDGET (views[i]) == visible)
        give_model (self, views[i]);
      else
        relance_ledger_view_set_model (views[i], NULL);
    }
}

static void
on_visible_view_changed_cb (RelanceWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (self->context != NULL && RELANCE_IS_LEDGER_VIEW (visible) &&
      relance_ledger_view_get_model (RELANCE_LEDGER_VIEW (visible)) == NULL)
    give_model (self, RELANCE_LEDGER_VIEW (visible));
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

  /* The new customer must not be hidden by an old search. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  relance_list_model_set_search (relance_ledger_view_get_model (self->customers_view), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      RelanceListModel *model = relance_ledger_view_get_model (views[i]);

      if (model != NULL)
        relance_list_model_reload (model);
    }

  update_page (self);
  relance_window_set_view (self, "customers");
  relance_window_add_toast (self, adw_toast_new (_("Customer added")));
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
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, customers_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, invoices_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, disputes_view);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RelanceWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.add-customer", NULL, add_customer_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-customer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.view", "s", "customers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.view", "s", "invoices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.view", "s", "disputes");
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
 * Returns: the list shown: "customers", "invoices" or "disputes"
 */
const char *
relance_window_get_view (RelanceWindow *self)
{
  g_return_val_if_fail (RELANCE_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * relance_window_set_view:
 * @name: "customers", "invoices" or "disputes"
 */
void
relance_window_set_view (RelanceWindow *self,
                         const char    *name)
{
  g_return_if_fail (RELANCE_IS_WINDOW (self));

  if (find_view (self, name) == NULL)
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
