/* relance-import-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-backup.h"
#include "relance-context.h"
#include "relance-csv.h"
#include "relance-delimited.h"
#include "relance-facturx.h"
#include "relance-fec.h"
#include "relance-import-window.h"
#include "relance-import.h"

#define PREVIEW_LINES 6
#define PREVIEW_WIDTH 16

typedef enum
{
  KIND_CSV,
  KIND_FEC,
  KIND_FACTURX,
} Kind;

struct _RelanceImportWindow
{
  AdwWindow             parent_instance;

  AdwActionRow         *file_row;
  AdwComboRow          *encoding_row;
  GtkSwitch            *skip_switch;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *preview_group;
  GtkLabel             *preview_label;

  RelanceWindow        *parent;      /* weak */
  RelanceContext       *context;
  GFile                *file;
  Kind                  kind;
  RelanceCsvFile       *csv;
  RelanceImportBatch   *batch;
  RelanceImportSummary  summary;
  GPtrArray            *column_rows; /* AdwComboRow, one per RelanceCsvField */
  gboolean              syncing;
  gboolean              ready;       /* the summary says there is something to import */
};

G_DEFINE_FINAL_TYPE (RelanceImportWindow, relance_import_window, ADW_TYPE_WINDOW)

static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "ISO-8859-15" };

static void recompute (RelanceImportWindow *self);

static const char *
get_encoding (RelanceImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  return selected < G_N_ELEMENTS (encodings) ? encodings[selected] : NULL;
}

static Kind
guess_kind (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_ascii_strdown (basename ? basename : "", -1);
  g_autofree char *start = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char buffer[64] = { 0 };
  gsize n = 0;

  if (g_str_has_suffix (name, ".pdf"))
    return KIND_FACTURX;

  stream = g_file_read (file, NULL, NULL);
  if (stream != NULL)
    g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, &n, NULL, NULL);
  start = g_ascii_strdown (buffer, (gssize)n);
  if (g_str_has_prefix (start, "%pdf"))
    return KIND_FACTURX;
  if (g_str_has_prefix (start, "journalcode") || g_str_has_prefix (start, "\xef\xbb\xbfjournalcode"))
    return KIND_FEC;
  return KIND_CSV;
}

static void
clear_columns (RelanceImportWindow *self)
{
  for (guint i = 0; self->column_rows != NULL && i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
}

static void
sync_columns (RelanceImportWindow *self)
{
  self->syncing = TRUE;
  for (guint f = 0; self->column_rows != NULL && f < self->column_rows->len; f++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, f),
                                (guint)(relance_csv_file_get_column (self->csv, f) + 1));
  self->syncing = FALSE;
}

static void
on_column_selected_cb (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       RelanceImportWindow *self)
{
  RelanceCsvField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  if (self->syncing || self->csv == NULL)
    return;

  relance_csv_file_set_column (self->csv, field, (int)adw_combo_row_get_selected (row) - 1);
  sync_columns (self);
  recompute (self);
}

static void
build_columns (RelanceImportWindow *self)
{
  g_autoptr(GtkStringList) headers = gtk_string_list_new (NULL);

  clear_columns (self);
  self->column_rows = g_ptr_array_new ();
  gtk_string_list_append (headers, _("(not imported)"));
  for (guint c = 0; c < relance_csv_file_get_n_columns (self->csv); c++)
    gtk_string_list_append (headers, relance_csv_file_get_header (self->csv, c));

  for (guint f = 0; f < RELANCE_CSV_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), relance_csv_field_get_title (f));
      adw_combo_row_set_model (row, G_LIST_MODEL (headers));
      adw_combo_row_set_selected (row, (guint)(relance_csv_file_get_column (self->csv, f) + 1));
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
show_preview (RelanceImportWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *preview = relance_csv_file_get_preview (self->csv);

  for (guint r = 0; r <= preview->len && r < PREVIEW_LINES; r++)
    {
      guint n = relance_csv_file_get_n_columns (self->csv);

      for (guint c = 0; c < n; c++)
        {
          const char *cell = r == 0 ? relance_csv_file_get_header (self->csv, c)
                             : c < g_strv_length (g_ptr_array_index (preview, r - 1))
                             ? ((char **)g_ptr_array_index (preview, r - 1))[c] : "";
          g_autofree char *flat = g_strdup (cell);
          glong len;

          g_strdelimit (flat, "\r\n\t", ' ');
          len = g_utf8_strlen (flat, -1);
          if (len > PREVIEW_WIDTH)
            *g_utf8_offset_to_pointer (flat, PREVIEW_WIDTH - 1) = '\0';
          g_string_append_printf (text, "%s%s%s", c > 0 ? " │ " : "", flat,
                                  len > PREVIEW_WIDTH ? "…" : "");
        }
      g_string_append_c (text, '\n');
    }

  gtk_label_set_text (self->preview_label, text->str);
}

static void
show_summary (RelanceImportWindow *self,
              const GError        *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  RelanceImportSummary *s = &self->summary;

  if (error != NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      self->ready = FALSE;
      return;
    }

  g_string_append_printf (text, _("Customers: %u new, %u updated\n"), s->customers_new, s->customers_updated);
  g_string_append_printf (text, _("Invoices: %u new, %u updated, %u unchanged\n"),
                          s->invoices_new, s->invoices_updated, s->invoices_unchanged);
  g_string_append_printf (text, _("Credit notes: %u new\n"), s->credit_notes_new);
  g_string_append_printf (text, _("Payments: %u new\n"), s->payments_new);
  g_string_append_printf (text, _("Allocations: %u new\n"), s->allocations_new);
  g_string_append_printf (text, _("Rows in error: %u\n"), s->rows_in_error);
  for (guint i = 0; i < s->problems->len && i < 20; i++)
    {
      g_autofree char *line = relance_import_problem_to_string (g_ptr_array_index (s->problems, i));

      g_string_append_printf (text, "  • %s\n", line);
    }
  for (guint i = 0; i < s->warnings->len && i < 10; i++)
    {
      g_autofree char *line = relance_import_problem_to_string (g_ptr_array_index (s->warnings, i));

      g_string_append_printf (text, "  ◦ %s\n", line);
    }
  g_strchomp (text->str);
  gtk_label_set_text (self->summary_label, text->str);

  self->ready = s->customers_new + s->customers_updated + s->invoices_new + s->invoices_updated +
                s->credit_notes_new + s->payments_new + s->allocations_new > 0 &&
                (s->rows_in_error == 0 || gtk_switch_get_active (self->skip_switch));
}

/* Reads the file again with the current choices and runs a dry import. */
static void
recompute (RelanceImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  RelanceDatabase *db = relance_context_get_database (self->context);

  g_clear_pointer (&self->batch, relance_import_batch_free);
  relance_import_summary_clear (&self->summary);

  switch (self->kind)
    {
    case KIND_CSV:
      if (self->csv == NULL)
        {
          self->csv = relance_csv_file_load (path, get_encoding (self), 0, &error);
          if (self->csv == NULL)
            break;
          {
            /* The columns chosen the last time a file of this layout came in. */
            g_autofree char *signature = relance_csv_file_get_signature (self->csv);
            g_autofree char *saved = relance_import_lookup_mapping (db, NULL, signature, NULL);

            if (saved != NULL)
              relance_csv_file_set_mapping (self->csv, saved, NULL);
          }
          build_columns (self);
          show_preview (self);
        }
      self->batch = relance_csv_file_read (self->csv, &error);
      break;

    case KIND_FEC:
      self->batch = relance_fec_load (path, get_encoding (self), 30, &error);
      break;

    case KIND_FACTURX:
      self->batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "");
      relance_facturx_read_pdf (self->batch, path, NULL);
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->batch != NULL)
    relance_import_apply (db, self->batch, RELANCE_IMPORT_DRY_RUN,
                          relance_context_get_today (self->context), &self->summary, &error);

  show_summary (self, error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", self->batch != NULL && self->ready);
}

static void
on_encoding_changed_cb (RelanceImportWindow *self)
{
  g_clear_pointer (&self->csv, relance_csv_file_free);
  clear_columns (self);
  recompute (self);
}

static void
on_skip_changed_cb (RelanceImportWindow *self)
{
  recompute (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RelanceImportWindow *self = RELANCE_IMPORT_WINDOW (widget);
  RelanceDatabase *db = relance_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };
  RelanceImportFlags flags = gtk_switch_get_active (self->skip_switch) ? RELANCE_IMPORT_SKIP_BAD_ROWS : 0;

  if (self->batch == NULL)
    return;

  backup = relance_backup_rotate (db, NULL, RELANCE_BACKUP_KEEP, &error);
  if (backup == NULL ||
      !relance_import_apply (db, self->batch, flags, relance_context_get_today (self->context),
                             &summary, &error))
    {
      show_summary (self, error);
      return;
    }

  if (self->csv != NULL)
    {
      g_autofree char *signature = relance_csv_file_get_signature (self->csv);
      g_autofree char *mapping = relance_csv_file_get_mapping (self->csv);

      relance_import_save_mapping (db, NULL, signature, mapping, NULL);
    }

  if (self->parent != NULL)
    {
      /* A new context on the same ledger: the window reads everything again. */
      g_autoptr(RelanceContext) fresh = relance_context_new (db);
      g_autofree char *message = NULL;

      relance_context_set_today (fresh, relance_context_get_today (self->context));
      relance_window_set_context (self->parent, fresh);
      message = g_strdup_printf (_("Imported: %u new invoices, %u updated, %u payments"),
                                 summary.invoices_new + summary.credit_notes_new,
                                 summary.invoices_updated, summary.payments_new);
      relance_window_add_toast (self->parent, adw_toast_new (message));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
relance_import_window_dispose (GObject *object)
{
  RelanceImportWindow *self = (RelanceImportWindow *)object;

  clear_columns (self);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_pointer (&self->csv, relance_csv_file_free);
  g_clear_pointer (&self->batch, relance_import_batch_free);
  relance_import_summary_clear (&self->summary);

  G_OBJECT_CLASS (relance_import_window_parent_class)->dispose (object);
}

static void
relance_import_window_class_init (RelanceImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_import_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, preview_label);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_import_window_init (RelanceImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->encoding_row, "notify::selected",
                            G_CALLBACK (on_encoding_changed_cb), self);
  g_signal_connect_swapped (self->skip_switch, "notify::active",
                            G_CALLBACK (on_skip_changed_cb), self);
}

/**
 * relance_import_window_new:
 * @parent: the window whose ledger receives the import
 * @file: a CSV, FEC or Factur-X PDF file
 *
 * Returns: (transfer none): the assistant, shown, owned by GTK
 */
GtkWidget *
relance_import_window_new (RelanceWindow *parent,
                           GFile         *file)
{
  RelanceImportWindow *self;
  g_autofree char *name = NULL;
  static const char * const kinds[] = {
    N_("Invoices in a CSV file"),
    N_("Accounting entries (FEC): the customer accounts"),
    N_("A Factur-X e-invoice"),
  };

  g_return_val_if_fail (RELANCE_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (relance_window_get_context (parent) != NULL, NULL);

  self = g_object_new (RELANCE_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->context = g_object_ref (relance_window_get_context (parent));
  self->file = g_object_ref (file);
  self->kind = guess_kind (file);

  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, _(kinds[self->kind]));
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), self->kind != KIND_FACTURX);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), self->kind == KIND_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), self->kind == KIND_CSV);

  recompute (self);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RelanceWindow   *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        relance_import_window_new (window, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, pattern);
  for (const char *p = pattern; p != NULL; p = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, p);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/**
 * relance_import_window_choose_file:
 *
 * The "win.import" action of #RelanceWindow: choose a file to import.
 */
void
relance_import_window_choose_file (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RelanceWindow *window = RELANCE_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (relance_window_get_context (window) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Invoices"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Invoices, accounting entries and e-invoices"),
              "*.csv", "*.CSV", "*.txt", "*.TXT", "*.pdf", "*.PDF", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), "*", NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            RelanceWindow *window)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL || relance_window_get_context (window) == NULL)
    return FALSE;

  relance_import_window_new (window, file);
  return TRUE;
}

/**
 * relance_import_window_add_drop_target:
 *
 * A file dropped on @window opens the import assistant on it.
 */
void
relance_import_window_add_drop_target (RelanceWindow *window)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));
}
