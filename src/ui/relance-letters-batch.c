/* relance-letters-batch.c
 *
 * The letters are merged here, on the window's connection, when the
 * dialog opens (so that it can say which cannot be made); a worker thread
 * with its own connection to the ledger then lays them out, writes the
 * files under a temporary name, gives them their real names once all are
 * written, and records each letter in the history. A ledger in memory
 * cannot be shared between connections: there the work runs on the main
 * thread.
 *
 * Once the files are in place, the letters are recorded in the history in
 * one transaction (relance_actions_record_many()): all, or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-resources.h"

#include "relance-company.h"
#include "relance-error.h"
#include "relance-format.h"
#include "relance-letter.h"
#include "relance-letters-batch.h"
#include "relance-preferences-window.h"
#include "relance-scenarios.h"
#include "relance-templates.h"
#include "relance-window.h"
#include "relance-worklist.h"

typedef enum
{
  PHASE_WRITING,
  PHASE_RECORDING,
} Phase;

/* One letter to write: made on the main thread, read by the worker. */
typedef struct
{
  RelanceLetter   *letter;
  RelanceWorkItem *item;      /* owned by the dialog's and the job's items array */
  char            *file_name;
} Entry;

typedef struct
{
  GPtrArray          *entries;     /* Entry */
  GPtrArray          *items;       /* RelanceWorkItem, kept alive for the entries */
  RelanceLettersMode  mode;
  GFile              *target;
  char               *ledger;      /* NULL: in memory, run on the main thread */
  RelanceDay          date;
  char               *who;
  int                 phase;       /* Phase, atomic */
  int                 done;        /* atomic */
  int                 total;
  guint               recorded;
} Job;

struct _RelanceLettersBatchDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *page;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwActionRow         *count_row;
  AdwPreferencesGroup  *company_group;
  AdwActionRow         *company_row;
  AdwPreferencesGroup  *mode_group;
  GtkCheckButton       *one_pdf_check;
  AdwPreferencesGroup  *letters_group;
  AdwPreferencesGroup  *skipped_group;

  GtkWindow            *parent;       /* weak */
  RelanceContext       *context;
  RelanceDay            date;
  GPtrArray            *items;        /* RelanceWorkItem of the worklist */
  GPtrArray            *entries;      /* Entry: the letters that can be written */
  GPtrArray            *rows;         /* rows in letters_group and skipped_group (not owned) */
  gboolean              company_ok;
  GtkFileChooserNative *chooser;
  Job                  *job;          /* owned by its GTask; NULL when idle */
  GCancellable         *cancellable;
  guint                 progress_id;
  gboolean              disposed;
};

enum {
  FINISHED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (RelanceLettersBatchDialog, relance_letters_batch_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* Helpers */

static RelanceDatabase *
get_db (RelanceLettersBatchDialog *self)
{
  return relance_context_get_database (self->context);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->letter, relance_letter_free);
  g_free (entry->file_name);
  g_free (entry);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_object (&job->target);
  g_free (job->ledger);
  g_free (job->who);
  g_free (job);
}

static void
show_message (RelanceLettersBatchDialog *self,
              const char                *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Merges the letter of @item; NULL with @error saying why it cannot be
 * made (no template, the customer's address missing...). */
static RelanceLetter *
make_letter (RelanceLettersBatchDialog *self,
             const RelanceWorkItem     *item,
             guint                      n_company_missing,
             GError                   **error)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(RelanceLetterData) data = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) missing = NULL;

  for (guint i = 0; i < item->invoices->len; i++)
    {
      const RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);

      g_array_append_val (ids, invoice->invoice_id);
    }

  data = relance_letter_data_get (db, item->customer_id, self->date,
                                  (const gint64 *)(gpointer)ids->data, ids->len,
                                  item->claims_penalties, error);
  if (data == NULL)
    return NULL;

  /* All disputed, all paid, or covered by credit notes: no letter. */
  {
    g_autofree char *reason = relance_letter_data_get_nothing_to_claim (data, relance_format_money);

    if (reason != NULL)
      {
        g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, reason);
        return NULL;
      }
  }

  template = relance_templates_find_for_letter (db, item->template_kind, data, error);
  if (template == NULL)
    return NULL;
  letter = relance_letter_new (template, data, error);
  if (letter == NULL)
    return NULL;

  /* What the company lacks comes first, and is told once for all the
   * letters, above: the rest is the customer's. */
  missing = relance_letter_get_missing (letter);
  if (missing != NULL && g_strv_length (missing) > n_company_missing)
    {
      g_autofree char *list = g_strjoinv ("; ", missing + n_company_missing);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, _("Missing for the letter: %s"), list);
      return NULL;
    }

  return g_steal_pointer (&letter);
}

static GtkWidget *
add_row (RelanceLettersBatchDialog *self,
         AdwPreferencesGroup       *group,
         const char                *title,
         const char                *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
update_actions (RelanceLettersBatchDialog *self)
{
  gboolean busy = self->job != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.write",
                                 !busy && self->company_ok && self->entries->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.preferences", !busy);
}

/* Reads the worklist of the day and merges its letters again. */
static void
load (RelanceLettersBatchDialog *self)
{
  RelanceDatabase *db = get_db (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_auto(GStrv) company_missing = NULL;
  g_autofree char *day = relance_format_day (self->date);
  guint n_letters = 0, n_notices = 0, n_skipped = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  /* A job that ran may still hold the old ones. */
  g_ptr_array_unref (self->entries);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  company = relance_company_get (db, &error);
  if (company != NULL)
    company_missing = relance_company_list_missing (company);
  self->company_ok = company != NULL && (company_missing == NULL || company_missing[0] == NULL);
  if (company_missing != NULL && company_missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", company_missing);
      g_autofree char *title = g_strdup_printf (_("Letters need: %s"), list);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->company_row), title);
    }
  else if (company == NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->company_row), error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->company_group), !self->company_ok);
  g_clear_error (&error);

  self->items = relance_worklist_compute (db, self->date, NULL, NULL, &error);
  if (self->items == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), error->message);
      adw_action_row_set_subtitle (self->count_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->letters_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), FALSE);
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(RelanceLetter) letter = NULL;
      g_autofree char *title = NULL;

      if (item->group != RELANCE_WORK_LETTER && item->group != RELANCE_WORK_FORMAL_NOTICE)
        continue;

      /* Translators: a customer in a list: "Dupont SA (C0042)" */
      title = g_strdup_printf (_("%s (%s)"), item->customer_name, item->customer_code);
      letter = make_letter (self, item,
                            company_missing != NULL ? g_strv_length (company_missing) : 0,
                            &item_error);
      if (letter == NULL)
        {
          add_row (self, self->skipped_group, title, item_error->message);
          n_skipped++;
        }
      else
        {
          Entry *entry = g_new0 (Entry, 1);
          g_autofree char *amount = relance_format_money (item->amount);
          g_autofree char *invoices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "%u invoice", "%u invoices",
                                                                    item->invoices->len),
                                                       item->invoices->len);
          /* Translators: what a letter of the batch is: "Formal notice · 3 invoices · 1 234,56 €" */
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                       relance_template_kind_get_label (relance_letter_get_template (letter)->kind),
                                                       invoices, amount);

          entry->file_name = relance_letter_get_file_name (letter);
          entry->letter = g_steal_pointer (&letter);
          entry->item = item;
          g_ptr_array_add (self->entries, entry);
          add_row (self, self->letters_group, title, subtitle);
          if (item->group == RELANCE_WORK_FORMAL_NOTICE)
            n_notices++;
          else
            n_letters++;
        }
    }

  if (n_letters + n_notices + n_skipped == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No letter to write on %s"), day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), title);
      adw_action_row_set_subtitle (self->count_row,
                                   _("The worklist of the day has no letter and no formal notice."));
    }
  else
    {
      g_autofree char *letters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter", "%u letters", n_letters),
                                                  n_letters);
      g_autofree char *notices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u formal notice",
                                                               "%u formal notices", n_notices),
                                                  n_notices);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: "12 letters and 3 formal notices to write" */
      title = g_strdup_printf (_("%s and %s to write"), letters, notices);
      if (n_skipped > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "From the worklist of %s; %u customer is left out (below)",
                                                 "From the worklist of %s; %u customers are left out (below)",
                                                 n_skipped),
                                    day, n_skipped);
      else
        subtitle = g_strdup_printf (_("From the worklist of %s. Each letter is recorded in the customer’s history."),
                                    day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), title);
      adw_action_row_set_subtitle (self->count_row, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->letters_group), n_letters + n_notices > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), n_skipped > 0);
  update_actions (self);
}

/* The worker */

static gboolean
job_cancelled (GCancellable  *cancellable,
               GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* A name beside @file, for writing it before it is complete. */
static GFile *
get_part_file (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_strdup_printf (".%s.part", base);

  return parent != NULL ? g_file_get_child (parent, name) : NULL;
}

static void
delete_files (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
}

/* Writes every letter in one PDF under a temporary name, and each one
 * alone in @documents for the history. */
static gboolean
write_one_pdf (Job           *job,
               GPtrArray     *documents,
               GPtrArray     *parts,
               GPtrArray     *finals,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) part = get_part_file (job->target);
  g_autoptr(GFileOutputStream) stream = NULL;
  RelanceLetterWriter *writer;

  if (part == NULL)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                           _("The letters cannot be written there: choose a file in a folder"));
      return FALSE;
    }

  stream = g_file_replace (part, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;
  g_ptr_array_add (parts, g_object_ref (part));
  g_ptr_array_add (finals, g_object_ref (job->target));

  writer = relance_letter_writer_new (G_OUTPUT_STREAM (stream));
  for (guint i = 0; i < job->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (job->entries, i);
      GBytes *document;

      if (job_cancelled (cancellable, error) ||
          relance_letter_writer_add (writer, entry->letter, TRUE, error) == 0 ||
          (document = relance_letter_to_pdf (entry->letter, error)) == NULL)
        {
          relance_letter_writer_finish (writer, NULL);
          g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
          return FALSE;
        }
      g_ptr_array_add (documents, document);
      g_atomic_int_inc (&job->done);
    }

  if (!relance_letter_writer_finish (writer, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* @name in @dir, or "name (2).pdf"... when a file of that name is there
 * already: a letter never replaces a file the user kept. */
static GFile *
get_free_file (GFile      *dir,
               const char *name)
{
  GFile *file = g_file_get_child (dir, name);
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = g_strndup (name, dot != NULL ? (gsize)(dot - name) : strlen (name));

  for (guint n = 2; g_file_query_exists (file, NULL) && n < 1000; n++)
    {
      g_autofree char *other = g_strdup_printf ("%s (%u)%s", stem, n, dot != NULL ? dot : "");

      g_object_unref (file);
      file = g_file_get_child (dir, other);
    }

  return file;
}

/* One PDF per customer in the folder @job->target, under temporary names. */
static gboolean
write_per_customer (Job           *job,
                    GPtrArray     *documents,
                    GPtrArray     *parts,
                    GPtrArray     *finals,
                    GCancellable  *cancellable,
                    GError       **error)
{
  for (guint i = 0; i < job->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (job->entries, i);
      g_autoptr(GFile) file = get_free_file (job->target, entry->file_name);
      g_autoptr(GFile) part = get_part_file (file);
      GBytes *document;
      gconstpointer bytes;
      gsize size;

      if (job_cancelled (cancellable, error))
        return FALSE;
      document = relance_letter_to_pdf (entry->letter, error);
      if (document == NULL)
        return FALSE;
      g_ptr_array_add (documents, document);

      bytes = g_bytes_get_data (document, &size);
      if (!g_file_replace_contents (part, bytes, size, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, cancellable, error))
        {
          g_file_delete (part, NULL, NULL);
          return FALSE;
        }
      g_ptr_array_add (parts, g_object_ref (part));
      g_ptr_array_add (finals, g_object_ref (file));
      g_atomic_int_inc (&job->done);
    }

  return TRUE;
}

static gboolean
job_run (Job              *job,
         RelanceDatabase  *db,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) finals = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  if (job_cancelled (cancellable, error))
    return FALSE;

  if (job->mode == RELANCE_LETTERS_ONE_PDF)
    ok = write_one_pdf (job, documents, parts, finals, cancellable, error);
  else
    ok = write_per_customer (job, documents, parts, finals, cancellable, error);

  /* Cancelled at the last letter: still nothing left behind. */
  if (!ok || job_cancelled (cancellable, error))
    {
      delete_files (parts);
      return FALSE;
    }

  /* Past this point the letters exist: they are given their names and
   * recorded, whatever Cancel says. */
  for (guint i = 0; i < parts->len; i++)
    if (!g_file_move (g_ptr_array_index (parts, i), g_ptr_array_index (finals, i),
                      G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
      {
        g_ptr_array_remove_range (parts, 0, i);
        delete_files (parts);
        return FALSE;
      }

  g_atomic_int_set (&job->phase, PHASE_RECORDING);
  g_atomic_int_set (&job->done, 0);
  {
    g_autofree RelanceActionFields *fields = g_new0 (RelanceActionFields, job->entries->len);
    g_autofree const RelanceWorkItem **items = g_new0 (const RelanceWorkItem *, job->entries->len);
    g_autoptr(GError) record_error = NULL;

    for (guint i = 0; i < job->entries->len; i++)
      {
        Entry *entry = g_ptr_array_index (job->entries, i);
        const RelanceLetterData *data = relance_letter_get_data (entry->letter);

        fields[i].customer_id = entry->item->customer_id;
        fields[i].kind = relance_template_get_action_kind (relance_letter_get_template (entry->letter));
        fields[i].date = job->date;
        fields[i].who = job->who;
        fields[i].contact = data->contact_name;
        fields[i].outcome = RELANCE_OUTCOME_SENT;
        fields[i].summary = relance_letter_get_subject (entry->letter);
        fields[i].document = g_ptr_array_index (documents, i);
        fields[i].document_name = entry->file_name;
        items[i] = entry->item;
      }

    /* All the letters in one transaction: recorded together, or none. */
    if (!relance_actions_record_many (db, fields, items, job->entries->len, NULL, &record_error))
      {
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                     _("The letters were written, but could not be recorded in the history: %s"),
                     record_error->message);
        return FALSE;
      }
    job->recorded = job->entries->len;
    g_atomic_int_set (&job->done, (int)job->entries->len);
  }

  return TRUE;
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
  RelanceLettersBatchDialog *self = user_data;
  g_autofree char *text = NULL;
  guint done, total;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;

  done = (guint)g_atomic_int_get (&self->job->done);
  total = (guint)self->job->total;

  if (g_atomic_int_get (&self->job->phase) == PHASE_RECORDING)
    gtk_label_set_text (self->progress_label, _("Recording the letters in the history…"));
  else if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    gtk_label_set_text (self->progress_label, _("Cancelling…"));
  else
    gtk_label_set_text (self->progress_label, _("Writing the letters…"));

  /* Translators: progress: "12 of 48" */
  text = g_strdup_printf (_("%u of %u"), MIN (done, total), total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? MIN (1.0, (double)done / total) : 0.0);

  return G_SOURCE_CONTINUE;
}

static void
set_busy (RelanceLettersBatchDialog *self,
          gboolean                   busy)
{
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_set_sensitive (self->page, !busy);
  update_actions (self);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (busy)
    {
      gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      self->progress_id = g_timeout_add (100, update_progress_cb, self);
      update_progress_cb (self);
    }
}

static void
on_job_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RelanceLettersBatchDialog *self = RELANCE_LETTERS_BATCH_DIALOG (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  guint recorded = job->recorded;

  if (self->disposed || self->job != job)
    return;

  self->job = NULL;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (ok)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u letter written and recorded in the history",
                                                               "%u letters written and recorded in the history",
                                                               recorded),
                                                  recorded);

      /* The worklist and the histories read again, on a fresh context:
       * its connection sees what the worker committed. */
      if (self->parent != NULL && RELANCE_IS_WINDOW (self->parent))
        {
          RelanceWindow *window = RELANCE_WINDOW (self->parent);
          g_autoptr(RelanceContext) fresh = relance_context_new_like (get_db (self), self->context);

          relance_window_set_context (window, fresh);
          relance_window_add_toast (window, adw_toast_new (message));
        }
      g_signal_emit (self, signals[FINISHED], 0, TRUE);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (cancelled)
    show_message (self, _("Cancelled: no file was written and nothing was recorded"));
  else
    show_message (self, error->message);

  g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

/* Callbacks */

static void
on_chooser_response_cb (RelanceLettersBatchDialog *self,
                        int                        response,
                        GtkFileChooserNative      *chooser)
{
  g_autoptr(GFile) file = NULL;
  RelanceLettersMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "mode"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    relance_letters_batch_dialog_write (self, mode, file, NULL);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RelanceLettersBatchDialog *self = RELANCE_LETTERS_BATCH_DIALOG (widget);
  RelanceLettersMode mode = gtk_check_button_get_active (self->one_pdf_check)
                            ? RELANCE_LETTERS_ONE_PDF : RELANCE_LETTERS_PER_CUSTOMER;

  if (self->job != NULL || self->chooser != NULL)
    return;

  if (mode == RELANCE_LETTERS_ONE_PDF)
    {
      g_autofree char *iso = relance_day_to_iso (self->date);
      g_autofree char *name = g_strdup_printf (_("Letters-%s.pdf"), iso);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      self->chooser = gtk_file_chooser_native_new (_("Save the Letters"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  else
    self->chooser = gtk_file_chooser_native_new (_("Folder for the Letters"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "mode", GINT_TO_POINTER (mode));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RelanceLettersBatchDialog *self = RELANCE_LETTERS_BATCH_DIALOG (widget);

  if (self->job == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_action_set_enabled (widget, "batch.cancel", FALSE);
  update_progress_cb (self);
}

static void
on_preferences_destroy_cb (RelanceLettersBatchDialog *self)
{
  if (self->job == NULL && !self->disposed)
    load (self);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RelanceLettersBatchDialog *self = RELANCE_LETTERS_BATCH_DIALOG (widget);
  GtkWidget *preferences = relance_preferences_window_new (GTK_WINDOW (self), self->context);

  /* Its first page is the company's identity. */
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (on_preferences_destroy_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* A batch running keeps the window until it stops. */
static gboolean
on_close_request_cb (RelanceLettersBatchDialog *self)
{
  if (self->job == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

/* Overrides */

static void
relance_letters_batch_dialog_dispose (GObject *object)
{
  RelanceLettersBatchDialog *self = (RelanceLettersBatchDialog *)object;

  /* A job still running stops, leaving no file; the task frees it. */
  self->disposed = TRUE;
  self->job = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELANCE_TYPE_LETTERS_BATCH_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (relance_letters_batch_dialog_parent_class)->dispose (object);
}

static void
relance_letters_batch_dialog_finalize (GObject *object)
{
  RelanceLettersBatchDialog *self = (RelanceLettersBatchDialog *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_letters_batch_dialog_parent_class)->finalize (object);
}

static void
relance_letters_batch_dialog_class_init (RelanceLettersBatchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_letters_batch_dialog_dispose;
  object_class->finalize = relance_letters_batch_dialog_finalize;

  /**
   * RelanceLettersBatchDialog::finished:
   * @written: whether the letters were written and recorded
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  (void)relance_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/relance-letters-batch.ui");
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, page);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, company_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, mode_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, one_pdf_check);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, letters_group);
  gtk_widget_class_bind_template_child (widget_class, RelanceLettersBatchDialog, skipped_group);

  gtk_widget_class_install_action (widget_class, "batch.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "batch.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "batch.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
relance_letters_batch_dialog_init (RelanceLettersBatchDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->rows = g_ptr_array_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/* Public API */

/**
 * relance_letters_batch_dialog_new:
 * @parent: (nullable): the window the dialog is modal for; a
 *   #RelanceWindow reads the ledger again once the letters are recorded
 * @context: the open ledger
 * @date: the day of the worklist, and the date of the letters
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
GtkWidget *
relance_letters_batch_dialog_new (GtkWindow      *parent,
                                  RelanceContext *context,
                                  RelanceDay      date)
{
  RelanceLettersBatchDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RELANCE_IS_CONTEXT (context), NULL);

  self = g_object_new (RELANCE_TYPE_LETTERS_BATCH_DIALOG, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->context = g_object_ref (context);
  self->date = date;
  load (self);

  return GTK_WIDGET (self);
}

guint
relance_letters_batch_dialog_get_n_letters (RelanceLettersBatchDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_LETTERS_BATCH_DIALOG (self), 0);

  return self->entries->len;
}

gboolean
relance_letters_batch_dialog_is_busy (RelanceLettersBatchDialog *self)
{
  g_return_val_if_fail (RELANCE_IS_LETTERS_BATCH_DIALOG (self), FALSE);

  return self->job != NULL;
}

/**
 * relance_letters_batch_dialog_write:
 * @mode: one PDF or one file per customer
 * @target: the PDF file (ONE_PDF) or the folder (PER_CUSTOMER)
 * @cancellable: (nullable): stops the batch; NULL for the dialog's own
 *
 * Writes the letters in a worker thread, then records them; see
 * ::finished.
 */
void
relance_letters_batch_dialog_write (RelanceLettersBatchDialog *self,
                                    RelanceLettersMode         mode,
                                    GFile                     *target,
                                    GCancellable              *cancellable)
{
  RelanceDatabase *db;
  const char *ledger;
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (RELANCE_IS_LETTERS_BATCH_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->job == NULL);

  if (!self->company_ok || self->entries->len == 0)
    {
      show_message (self, !self->company_ok
                          ? _("The company’s identity is incomplete: no letter can be written")
                          : _("There is no letter to write"));
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }

  db = get_db (self);
  ledger = relance_database_get_path (db);

  job = g_new0 (Job, 1);
  job->entries = g_ptr_array_ref (self->entries);
  job->items = g_ptr_array_ref (self->items);
  job->mode = mode;
  job->target = g_object_ref (target);
  job->ledger = relance_database_is_in_memory (db) ? NULL : g_strdup (ledger);
  job->date = self->date;
  job->who = relance_preferences_dup_user_name (self->context);
  job->total = (int)self->entries->len;
  job->phase = PHASE_WRITING;

  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  self->job = job;
  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, relance_letters_batch_dialog_write);
  g_task_set_task_data (task, job, job_free);
  /* A batch that was recorded is reported as such, even if cancelled too late. */
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
