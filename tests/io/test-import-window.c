/* test-import-window.c
 *
 * The import assistant on a real window (under Xvfb; skipped without a
 * display): a dropped CSV shows its dry-run summary, and importing it fills
 * the ledger and keeps a backup; a large file is read and imported in a
 * worker thread with a progress bar while the window keeps running, and a
 * cancel rolls the import back. The restore dialog brings a backup back,
 * and refuses a file from a newer Relance without changing anything.
 *
 * With RELANCE_TEST_SCREENSHOTS=DIR, the tests save screenshots of the
 * display (ImageMagick's import) at the states worth looking at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "relance-backup.h"
#include "relance-csv.h"
#include "relance-invoice.h"
#include "relance-list-model.h"
#include "relance-restore-dialog.h"

#include "relance-application.h"
#include "relance-context.h"
#include "relance-database.h"
#include "relance-import-window.h"
#include "relance-import.h"
#include "relance-ledger.h"
#include "relance-window.h"
#include "relance-test-utils.h"

static gboolean have_display;

static GtkLabel *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwActionRow *
find_row_with_subtitle (GtkWidget  *widget,
                        const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row_with_subtitle (child, subtitle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first row of the automatic backups' group, in the order shown. */
static AdwActionRow *
find_first_backup_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", "relance-"))
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_first_backup_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog shown whose body contains @text. */
static AdwMessageDialog *
find_message_dialog (const char *text)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), text) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* The assistant shows its progress bar while a worker thread runs. */
static gboolean
is_busy (GtkWidget *assistant)
{
  GtkWidget *bar = find_widget_of_type (assistant, GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return gtk_widget_is_visible (bar);
}

static const char *
progress_text (GtkWidget *assistant)
{
  GtkWidget *bar = find_widget_of_type (assistant, GTK_TYPE_PROGRESS_BAR);
  GtkWidget *box = gtk_widget_get_parent (bar);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static void
wait_idle (GtkWidget *assistant)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (is_busy (assistant) && g_get_monotonic_time () < end)
    relance_test_spin (20);
  g_assert_false (is_busy (assistant));
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("RELANCE_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  relance_test_spin (1000);   /* the first frame of a window takes a while with software GL */
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* @n invoices for @n / 10 customers, in UTF-8. */
static char *
write_csv (const char *dir,
           const char *name,
           guint       n)
{
  g_autoptr(GString) text = g_string_new ("N° facture;Code client;Raison sociale;Date facture;"
                                          "Échéance;Montant TTC;Reste dû\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "G%07u;411C%05u;Client %u;01/10/2026;31/10/2026;%u,%02u;%u,%02u\n",
                            i, i / 10, i / 10, 100 + i % 900, i % 100, 100 + i % 900, i % 100);
  g_file_set_contents (path, text->str, (gssize)text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* What the invoices list of a ledger shows: every number and amount. */
static char *
snapshot (RelanceDatabase *db)
{
  g_autoptr(RelanceListModel) list = relance_list_model_new (db, RELANCE_LIST_INVOICES,
                                                             relance_day_from_dmy (23, 11, 2026));
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_string_append_printf (text, "%u invoices\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RelanceInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (text, "%s %" G_GINT64_FORMAT "\n", relance_invoice_get_number (invoice),
                              relance_invoice_get_amount (invoice));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_window_invoices (RelanceWindow *window)
{
  GtkColumnView *view = relance_window_get_column_view (window, "invoices");
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  /* An empty ledger shows the welcome page, without lists. */
  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

typedef struct
{
  char            *dir;
  char            *path;
  RelanceDatabase *db;
  RelanceContext  *context;
  RelanceWindow   *window;
} Ledger;

static void
ledger_open (Ledger *f)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-import-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = relance_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = relance_context_new (f->db);
  relance_context_set_today (f->context, relance_day_from_dmy (23, 11, 2026));
  f->window = RELANCE_WINDOW (relance_window_new (NULL, f->context));
  relance_window_set_view (f->window, "invoices");   /* only the list shown has rows */
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
ledger_close (Ledger *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  relance_test_spin (50);
  g_clear_object (&f->context);
  g_clear_object (&f->db);
  relance_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A small import straight through the model. */
static void
import_text (RelanceDatabase *db,
             const char      *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCsvFile) file = relance_csv_file_new_from_text (csv, "test.csv", ';', &error);
  g_autoptr(RelanceImportBatch) batch = NULL;
  g_auto(RelanceImportSummary) summary = { 0 };

  g_assert_no_error (error);
  batch = relance_csv_file_read (file, &error);
  g_assert_no_error (error);
  g_assert_true (relance_import_apply (db, batch, RELANCE_IMPORT_APPLY, relance_day_from_dmy (23, 11, 2026),
                                       &summary, &error));
  g_assert_no_error (error);
}

static void
test_import_large (void)
{
  Ledger f = { 0 };
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *assistant;
  guint n = g_getenv ("RELANCE_TEST_SCREENSHOTS") ? 400000 : 20000;
  g_autofree char *expected = g_strdup_printf ("Invoices: %u new, 0 updated", n);
  gboolean saw_importing = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  ledger_open (&f);
  csv = write_csv (f.dir, "large.csv", n);
  file = g_file_new_for_path (csv);

  assistant = relance_import_window_new (f.window, file);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *)&assistant);

  /* Reading and the dry run happen in a thread: the assistant says so and
   * nothing can be imported yet. */
  g_assert_true (is_busy (assistant));
  g_assert_false (gtk_widget_is_sensitive (find_widget_of_type (assistant, ADW_TYPE_PREFERENCES_PAGE)));
  screenshot ("import-reading.png");
  wait_idle (assistant);
  g_assert_nonnull (find_label_containing (assistant, expected));
  g_assert_cmpuint (count_window_invoices (f.window), ==, 0);

  /* The import: a backup, then the rows, with a progress bar. It runs in
   * a thread: the action returns at once and the assistant shows it busy
   * until the main loop hears that the thread is done. */
  g_assert_true (gtk_widget_activate_action (assistant, "import.apply", NULL));
  g_assert_nonnull (assistant);
  g_assert_true (is_busy (assistant));
  while (assistant != NULL)
    {
      if (g_str_equal (progress_text (assistant), "Importing…"))
        {
          if (!saw_importing)
            screenshot ("import-importing.png");
          saw_importing = TRUE;
        }
      relance_test_spin (5);
    }

  /* How often the progress shows depends on the machine's speed: the test
   * does not count on it. */
  /* Finished: the assistant is gone and the window's lists show the rows. */
  g_assert_cmpuint (count_window_invoices (f.window), ==, n);
  /* A backup was made before the import. */
  {
    g_autoptr(GPtrArray) backups = relance_backup_list (NULL);

    g_assert_cmpuint (backups->len, ==, 1);
  }

  ledger_close (&f);
}

static void
test_import_cancel (void)
{
  Ledger f = { 0 };
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *assistant;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  ledger_open (&f);
  import_text (f.db, "N° facture;Code client;Raison sociale;Date facture;Échéance;Montant TTC\n"
                     "A1;411A;Alpha;01/09/2026;01/10/2026;100,00\n"
                     "A2;411B;Beta;02/09/2026;02/10/2026;250,50\n");
  before = snapshot (f.db);
  g_assert_true (g_str_has_prefix (before, "2 invoices\n"));

  csv = write_csv (f.dir, "large.csv", 60000);
  file = g_file_new_for_path (csv);
  assistant = relance_import_window_new (f.window, file);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *)&assistant);
  wait_idle (assistant);
  g_assert_nonnull (find_label_containing (assistant, "Invoices: 60000 new"));

  /* Cancel at once: the import takes a fraction of a second, and waiting
   * for a phase to show before pressing Cancel would race with its end. */
  g_assert_true (gtk_widget_activate_action (assistant, "import.apply", NULL));
  g_assert_true (gtk_widget_activate_action (assistant, "import.cancel", NULL));
  g_assert_true (g_str_equal (progress_text (assistant), "Cancelling…"));
  wait_idle (assistant);

  /* Still there, saying nothing was written, and ready to import again. */
  g_assert_nonnull (assistant);
  g_assert_nonnull (find_label_containing (assistant, "The import was cancelled: nothing was written."));
  g_assert_nonnull (find_label_containing (assistant, "Invoices: 60000 new"));
  after = snapshot (f.db);
  g_assert_cmpstr (after, ==, before);
  {
    /* A connection of its own sees the same. */
    g_autoptr(GError) error = NULL;
    g_autoptr(RelanceDatabase) other = relance_database_open (f.path, &error);
    g_autofree char *seen = NULL;

    g_assert_no_error (error);
    seen = snapshot (other);
    g_assert_cmpstr (seen, ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_close (&f);
}

static void
test_restore_backup (void)
{
  Ledger f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *confirm;
  AdwActionRow *row;
  RelanceContext *context;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  ledger_open (&f);
  import_text (f.db, "N° facture;Code client;Raison sociale;Date facture;Échéance;Montant TTC\n"
                     "A1;411A;Alpha;01/09/2026;01/10/2026;100,00\n");
  before = snapshot (f.db);
  backup = relance_backup_rotate (f.db, NULL, RELANCE_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  g_usleep (2000);
  newer = relance_backup_rotate (f.db, NULL, RELANCE_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  import_text (f.db, "N° facture;Code client;Raison sociale;Date facture;Échéance;Montant TTC\n"
                     "B1;411B;Beta;01/09/2026;01/10/2026;300,00\n"
                     "B2;411B;Beta;02/09/2026;02/10/2026;400,00\n");
  changed = snapshot (f.db);
  g_assert_cmpstr (changed, !=, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.restore", NULL));
  relance_test_spin (100);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    dialog = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (RELANCE_IS_RESTORE_DIALOG (window))
          dialog = GTK_WIDGET (window);
      }
  }
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  /* The backups, newest first, named by their date. */
  name = g_path_get_basename (newer);
  row = find_first_backup_row (dialog);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, name);
  g_free (name);
  name = g_path_get_basename (backup);
  row = find_row_with_subtitle (dialog, name);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), " at "));
  screenshot ("restore-dialog.png");

  adw_action_row_activate (row);
  relance_test_spin (100);
  confirm = find_message_dialog ("Replace the ledger with the backup of ");
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm),
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "The current ledger is saved first."));
  screenshot ("restore-confirm.png");

  context = relance_window_get_context (f.window);
  adw_message_dialog_response (confirm, "restore");
  relance_test_spin (200);

  /* The earlier data is back, in the window too, which reopened the ledger. */
  g_assert_null (dialog);
  g_assert_true (relance_window_get_context (f.window) != context);
  restored = snapshot (f.db);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpuint (count_window_invoices (f.window), ==, 1);
  /* The ledger before the restore was kept among the backups. */
  {
    g_autoptr(GPtrArray) backups = relance_backup_list (NULL);

    g_assert_cmpuint (backups->len, ==, 3);
  }

  ledger_close (&f);
}

static void
test_restore_newer (void)
{
  Ledger f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *confirm;
  AdwMessageDialog *refusal;
  RelanceContext *context;
  sqlite3 *handle = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  ledger_open (&f);
  import_text (f.db, "N° facture;Code client;Raison sociale;Date facture;Échéance;Montant TTC\n"
                     "A1;411A;Alpha;01/09/2026;01/10/2026;100,00\n");
  newer = g_build_filename (f.dir, "from-the-future.db", NULL);
  g_assert_true (relance_backup_write (f.db, newer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (newer, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM invoices; PRAGMA user_version = 99", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  before = snapshot (f.db);

  dialog = relance_restore_dialog_new (f.window, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  relance_restore_dialog_confirm (RELANCE_RESTORE_DIALOG (dialog), newer, NULL);
  relance_test_spin (100);
  confirm = find_message_dialog ("“from-the-future.db”");
  g_assert_nonnull (confirm);
  context = relance_window_get_context (f.window);
  adw_message_dialog_response (confirm, "restore");
  relance_test_spin (200);

  refusal = find_message_dialog ("newer version of Relance");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "nothing was restored"));
  screenshot ("restore-newer.png");
  g_assert_nonnull (dialog);
  g_assert_true (relance_window_get_context (f.window) == context);
  after = snapshot (f.db);
  g_assert_cmpstr (after, ==, before);
  /* Refused before anything else: not even a backup of the ledger. */
  {
    g_autoptr(GPtrArray) backups = relance_backup_list (NULL);

    g_assert_cmpuint (backups->len, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (refusal));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ledger_close (&f);
}

static void
test_import_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "io", "data", "factures-windows1252.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  g_autofree char *backups = g_build_filename (g_get_user_data_dir (), "relance", "backups", NULL);
  RelanceWindow *window;
  GtkWidget *assistant;
  gint64 balance = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("relance-import-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "ledger.db", NULL);
  db = relance_database_open (path, &error);
  g_assert_no_error (error);
  context = relance_context_new (db);
  relance_context_set_today (context, relance_day_from_dmy (23, 11, 2026));

  window = RELANCE_WINDOW (relance_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));
  assistant = relance_import_window_new (window, file);
  wait_idle (assistant);

  g_assert_nonnull (find_label_containing (assistant, "Invoices: 4 new, 0 updated, 0 unchanged"));
  g_assert_nonnull (find_label_containing (assistant, "Dupont & Fils"));   /* the preview */

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *)&assistant);
  g_assert_true (gtk_widget_activate_action (assistant, "import.apply", NULL));
  for (guint i = 0; assistant != NULL && i < 3000; i++)
    relance_test_spin (10);
  g_assert_null (assistant);

  g_assert_true (relance_ledger_get_customer_balance (db, relance_ledger_find_customer (db, "411DUPONT", NULL),
                                                      &balance, &error));
  g_assert_cmpint (balance, ==, 131456);
  g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
  /* The columns are remembered for the next file of this layout. */
  {
    g_autofree char *mapping = relance_import_lookup_mapping (db, NULL,
      "n facture|code client|raison sociale|siren|date facture|echeance|montant ttc|reste du|adresse|ville",
      &error);

    g_assert_no_error (error);
    g_assert_nonnull (mapping);
    g_assert_true (g_str_has_prefix (mapping, "number=N° facture;customer=Code client;"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  relance_test_spin (50);
  relance_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) icon_path = NULL;
  const char * const *data_dirs;

  /* Own empty XDG folders, but the system's MIME database and icon themes
   * (as tests/ui/test-window.c does). */
  g_content_type_set_mime_dirs (NULL);
  data_dirs = g_get_system_data_dirs ();
  icon_path = g_new0 (char *, g_strv_length ((char **)data_dirs) + 1);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    icon_path[i] = g_build_filename (data_dirs[i], "icons", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      gtk_icon_theme_set_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      (const char * const *)icon_path);
    }

  g_test_add_func ("/io/import-window/csv", test_import_csv);
  g_test_add_func ("/io/import-window/large", test_import_large);
  g_test_add_func ("/io/import-window/cancel", test_import_cancel);
  g_test_add_func ("/io/restore-dialog/backup", test_restore_backup);
  g_test_add_func ("/io/restore-dialog/newer", test_restore_newer);

  return g_test_run ();
}
