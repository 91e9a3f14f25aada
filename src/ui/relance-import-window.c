/* relance-import-window.c
 *
 * Threads: reading the file and its dry run, then the backup and the
 * import, each run in a GTask worker thread while the window shows a
 * progress bar and a Cancel button. SQLite connections are opened
 * NOMUTEX, so the worker opens its own connection to the ledger's file
 * (relance_database_open) and the window's connection stays on the main
 * thread; the job owns the CSV file and the batch while it runs. The
 * import is one transaction in the worker: Cancel makes
 * relance_import_apply_full() stop between two records and roll back.
 * After it commits, the window gets a new context on its own connection,
 * which reads the commit on its next query. A ledger in ":memory:" cannot
 * be opened twice: there the same jobs run on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

typedef enum
{
  JOB_READ,    /* read the file, then a dry run */
  JOB_APPLY,   /* a backup, then the import */
} JobKind;

typedef enum
{
  PHASE_READING,
  PHASE_CHECKING,
  PHASE_SAVING,
  PHASE_IMPORTING,
} Phase;

/* One piece of work for a worker thread. It owns everything the thread
 * touches (the CSV file, the batch) until the window takes it back in
 * on_job_done_cb(), so the window may be closed meanwhile. The thread
 * opens its own connection to the ledger: a connection is never shared
 * between threads. */
typedef struct
{
  JobKind               kind;
  Kind                  file_kind;
  char                 *path;
  char                 *ledger;      /* NULL: in memory, run on the main thread */
  char                 *encoding;
  RelanceDay            today;
  guint                 backups_kept; /* JOB_APPLY: from the preferences */
  RelanceImportFlags    flags;
  RelanceCsvFile       *csv;
  gboolean              csv_loaded;  /* the file was read: columns to show */
  RelanceImportBatch   *batch;
  RelanceImportSummary  summary;
  int                   phase;       /* atomic: Phase */
  guint                 done;        /* atomic */
  guint                 total;       /* atomic */
} Job;

struct _RelanceImportWindow
{
  AdwWindow             parent_instance;

  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *page;

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
  gboolean              disposed;
  Job                  *job;         /* owned by its GTask; NULL when idle */
  GCancellable         *cancellable; /* the job's */
  guint                 progress_id;
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
              const GError        *error,
              const char          *notice)
{
  g_autoptr(GString) text = g_string_new (NULL);
  RelanceImportSummary *s = &self->summary;

  if (notice != NULL)
    g_string_append_printf (text, "%s\n\n", notice);
  if (error != NULL || s->problems == NULL)
    {
      g_string_append (text, error != NULL ? error->message : "");
      gtk_label_set_text (self->summary_label, text->str);
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

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->ledger);
  g_free (job->encoding);
  g_clear_pointer (&job->csv, relance_csv_file_free);
  g_clear_pointer (&job->batch, relance_import_batch_free);
  relance_import_summary_clear (&job->summary);
  g_free (job);
}

static void
job_progress_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
job_set_phase (Job   *job,
               Phase  phase)
{
  g_atomic_int_set (&job->done, 0);
  g_atomic_int_set (&job->total, 0);
  g_atomic_int_set (&job->phase, phase);
}

/* The work itself, on @db, which only this thread uses. */
static gboolean
job_run (Job              *job,
         RelanceDatabase  *db,
         GCancellable     *cancellable,
         GError          **error)
{
  if (job->kind == JOB_APPLY)
    {
      g_autofree char *backup = NULL;

      job_set_phase (job, PHASE_SAVING);
      backup = relance_backup_rotate (db, NULL, job->backups_kept, error);
      if (backup == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      job_set_phase (job, PHASE_IMPORTING);
      if (!relance_import_apply_full (db, job->batch, job->flags, job->today, cancellable,
                                      job_progress_cb, job, &job->summary, error))
        return FALSE;

      if (job->csv != NULL)
        {
          g_autofree char *signature = relance_csv_file_get_signature (job->csv);
          g_autofree char *mapping = relance_csv_file_get_mapping (job->csv);

          relance_import_save_mapping (db, NULL, signature, mapping, NULL);
        }
      return TRUE;
    }

  job_set_phase (job, PHASE_READING);
  switch (job->file_kind)
    {
    case KIND_CSV:
      if (job->csv == NULL)
        {
          g_autofree char *signature = NULL;
          g_autofree char *saved = NULL;

          job->csv = relance_csv_file_load (job->path, job->encoding, 0, error);
          if (job->csv == NULL)
            return FALSE;
          job->csv_loaded = TRUE;
          /* The columns chosen the last time a file of this layout came in. */
          signature = relance_csv_file_get_signature (job->csv);
          saved = relance_import_lookup_mapping (db, NULL, signature, NULL);
          if (saved != NULL)
            relance_csv_file_set_mapping (job->csv, saved, NULL);
        }
      job->batch = relance_csv_file_read (job->csv, error);
      break;

    case KIND_FEC:
      job->batch = relance_fec_load (job->path, job->encoding, 30, error);
      break;

    case KIND_FACTURX:
      job->batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, "");
      relance_facturx_read_pdf (job->batch, job->path, NULL);
      break;

    default:
      g_assert_not_reached ();
    }

  if (job->batch == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  job_set_phase (job, PHASE_CHECKING);
  return relance_import_apply_full (db, job->batch, RELANCE_IMPORT_DRY_RUN, job->today, cancellable,
                                    job_progress_cb, job, &job->summary, error);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceDatabase) db = relance_database_open (job->ledger, &error);

  if (db == NULL || !job_run (job, db, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  RelanceImportWindow *self = user_data;
  guint done, total;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;

  done = (guint)g_atomic_int_get (&self->job->done);
  total = (guint)g_atomic_int_get (&self->job->total);

  if (g_cancellable_is_cancelled (self->cancellable))
    gtk_label_set_text (self->progress_label, _("Cancelling…"));
  else
    switch ((Phase)g_atomic_int_get (&self->job->phase))
      {
      case PHASE_READING:
        gtk_label_set_text (self->progress_label, _("Reading the file…"));
        break;
      case PHASE_CHECKING:
        gtk_label_set_text (self->progress_label, _("Comparing with the ledger…"));
        break;
      case PHASE_SAVING:
        gtk_label_set_text (self->progress_label, _("Saving a backup of the ledger…"));
        break;
      case PHASE_IMPORTING:
        gtk_label_set_text (self->progress_label, _("Importing…"));
        break;
      default:
        g_assert_not_reached ();
      }

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)done / total));
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
set_busy (RelanceImportWindow *self,
          gboolean             busy)
{
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_set_sensitive (self->page, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 !busy && self->batch != NULL && self->ready);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      self->progress_id = g_timeout_add (100, update_progress_cb, self);
      update_progress_cb (self);
    }
}

static void
finish_import (RelanceImportWindow        *self,
               const RelanceImportSummary *summary)
{
  if (self->parent != NULL)
    {
      /* A new context on the same ledger: the window reads everything
       * again, and its connection sees what the worker's committed. */
      RelanceDatabase *db = relance_context_get_database (self->context);
      g_autoptr(RelanceContext) fresh = relance_context_new_like (db, self->context);
      g_autofree char *message = NULL;

      relance_window_set_context (self->parent, fresh);
      message = g_strdup_printf (_("Imported: %u new invoices, %u updated, %u payments"),
                                 summary->invoices_new + summary->credit_notes_new,
                                 summary->invoices_updated, summary->payments_new);
      relance_window_add_toast (self->parent, adw_toast_new (message));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_job_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RelanceImportWindow *self = RELANCE_IMPORT_WINDOW (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The window was closed meanwhile: the task frees what the job held. */
  if (self->disposed || self->job != job)
    return;

  self->job = NULL;
  g_clear_object (&self->cancellable);

  /* The window takes back what the thread used. */
  self->csv = g_steal_pointer (&job->csv);
  self->batch = g_steal_pointer (&job->batch);

  if (job->kind == JOB_READ)
    {
      if (job->csv_loaded && self->csv != NULL)
        {
          build_columns (self);
          show_preview (self);
        }
      relance_import_summary_clear (&self->summary);
      self->summary = job->summary;
      memset (&job->summary, 0, sizeof job->summary);
      if (!ok)
        g_clear_pointer (&self->batch, relance_import_batch_free);
      show_summary (self, ok ? NULL : error, NULL);
    }
  else if (ok)
    {
      set_busy (self, FALSE);
      finish_import (self, &job->summary);
      return;
    }
  else if (cancelled)
    show_summary (self, NULL, _("The import was cancelled: nothing was written."));
  else
    show_summary (self, error, NULL);

  set_busy (self, FALSE);
}

/* Runs @job (taken) in a worker thread, with its own connection to the
 * ledger; a ledger in memory cannot be shared, so there it runs here. */
static void
start_job (RelanceImportWindow *self,
           Job                 *job)
{
  RelanceDatabase *db = relance_context_get_database (self->context);
  const char *ledger = relance_database_get_path (db);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self->job == NULL);

  job->file_kind = self->kind;
  job->path = g_file_get_path (self->file);
  job->encoding = g_strdup (get_encoding (self));
  job->today = relance_context_get_today (self->context);
  job->ledger = g_strcmp0 (ledger, ":memory:") != 0 ? g_strdup (ledger) : NULL;

  self->cancellable = g_cancellable_new ();
  self->job = job;
  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  /* A job that finished is reported as such, even if cancelled too late. */
  g_task_set_check_cancellable (task, FALSE);
  set_busy (self, TRUE);

  if (job->ledger != NULL)
    g_task_run_in_thread (task, job_thread);
  else
    {
      g_autoptr(GError) error = NULL;

      if (job_run (job, db, self->cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

/* Reads the file again with the current choices and runs a dry import. */
static void
recompute (RelanceImportWindow *self)
{
  Job *job;

  if (self->job != NULL)
    return;

  g_clear_pointer (&self->batch, relance_import_batch_free);
  relance_import_summary_clear (&self->summary);
  self->ready = FALSE;

  job = g_new0 (Job, 1);
  job->kind = JOB_READ;
  job->csv = g_steal_pointer (&self->csv);
  start_job (self, job);
}

static void
on_encoding_changed_cb (RelanceImportWindow *self)
{
  if (self->job != NULL)
    return;
  g_clear_pointer (&self->csv, relance_csv_file_free);
  clear_columns (self);
  recompute (self);
}

static void
on_skip_changed_cb (RelanceImportWindow *self)
{
  /* The dry run already lists the bad rows: no need to read again. */
  if (self->job != NULL || self->batch == NULL)
    return;
  show_summary (self, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", self->ready);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RelanceImportWindow *self = RELANCE_IMPORT_WINDOW (widget);
  g_autoptr(GSettings) settings = relance_application_new_settings ();
  Job *job;

  if (self->batch == NULL || self->job != NULL)
    return;

  job = g_new0 (Job, 1);
  job->kind = JOB_APPLY;
  job->backups_kept = settings != NULL ? (guint)g_settings_get_int (settings, "backups-kept") : RELANCE_BACKUP_KEEP;
  job->flags = gtk_switch_get_active (self->skip_switch) ? RELANCE_IMPORT_SKIP_BAD_ROWS : 0;
  job->batch = g_steal_pointer (&self->batch);
  job->csv = g_steal_pointer (&self->csv);
  start_job (self, job);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RelanceImportWindow *self = RELANCE_IMPORT_WINDOW (widget);

  if (self->job == NULL)
    return;

  if (self->job->kind == JOB_READ)
    {
      /* Nothing to show without the file: the assistant goes away. */
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* The import stops at the next record and rolls back. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_action_set_enabled (widget, "import.cancel", FALSE);
  update_progress_cb (self);
}

static void
relance_import_window_dispose (GObject *object)
{
  RelanceImportWindow *self = (RelanceImportWindow *)object;

  /* A job still running stops (an import rolls back) and frees itself. */
  self->disposed = TRUE;
  self->job = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, page);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceImportWindow, preview_label);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
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
